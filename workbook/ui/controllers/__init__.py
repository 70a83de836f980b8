"""One controller per learner feature: each owns its page, wires the page's signals and talks to the
store; the navigator only switches between them and keeps who is training."""
