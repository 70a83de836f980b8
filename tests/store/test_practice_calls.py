"""Practice calls kept as append-only activity rows in a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workbook.core.activity import Verb
from workbook.core.call_engine import TypedReply, replay
from workbook.core.debrief import debrief
from workbook.core.scenario import EndingKind
from workbook.store import practice_calls
from workbook.store.activity import record_activity
from workbook.store.learners import create_learner
from workbook.store.models import ActivityRecord

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

SCENARIO = "healthcare-billing-error"
T0 = datetime(2026, 11, 3, 14, 0, tzinfo=UTC)


def _best_path(scenario) -> list[tuple[str, int]]:
    from workbook.core.call_engine import choose, current_node, offered_replies, start_call
    from workbook.core.scenario import Rating

    state, path = start_call(scenario), []
    while (node := current_node(scenario, state)) is not None:
        offered = offered_replies(scenario, state)
        pick = next(i for i in offered if node.replies[i].rating == Rating.BEST)
        path.append((state.at, pick))
        state = choose(scenario, state, pick)
    return path


def test_a_call_reads_back_turn_by_turn_and_ends_with_its_figures(database, library):
    scenario = library.scenario(SCENARIO)
    learner = create_learner("Caller Store")
    call = practice_calls.start_call(learner.id, SCENARIO, now=T0)
    path = _best_path(scenario)
    for turn, (node, reply) in enumerate(path[:3]):
        practice_calls.record_reply(call, node, reply, now=T0 + timedelta(seconds=turn + 1))
    again = practice_calls.load_call(call.id)
    assert (again.nodes, again.replies) == ([n for n, _ in path[:3]], [r for _, r in path[:3]])
    assert practice_calls.open_call(learner.id, SCENARIO).id == call.id
    assert practice_calls.call_records(learner.id)[SCENARIO].unfinished

    for turn, (node, reply) in enumerate(path[3:], 3):
        practice_calls.record_reply(again, node, reply, now=T0 + timedelta(seconds=turn + 1))
    state = replay(scenario, again.replies)
    practice_calls.end_call(again, state.at, debrief(scenario, state), now=T0 + timedelta(minutes=5))
    finished = practice_calls.load_call(call.id)
    assert finished.finished and finished.outcome["kind"] == str(EndingKind.RESOLVED_WITH_FOLLOW_UP)
    assert finished.outcome["csat"] == 4 and finished.outcome["fcr"] is True  # satisfied, not delighted
    assert practice_calls.open_call(learner.id, SCENARIO) is None
    record = practice_calls.call_records(learner.id)[SCENARIO]
    assert (record.played, record.best_kind, record.unfinished) == (1, "resolved-with-follow-up", False)
    assert [c.id for c in practice_calls.finished_calls(learner.id, SCENARIO)] == [call.id]


def test_replay_from_here_copies_the_earlier_turns_into_a_new_call(database, library):
    scenario = library.scenario(SCENARIO)
    learner = create_learner("Replayer")
    prefix = _best_path(scenario)[:2]
    call = practice_calls.start_call(learner.id, SCENARIO, prefix=prefix, replayed_from="earlier-call")
    again = practice_calls.load_call(call.id)
    assert list(zip(again.nodes, again.replies, strict=True)) == prefix
    assert again.replayed_from == "earlier-call"


def test_a_turn_merged_in_twice_counts_once(database, library):
    """Bundles from two machines can carry the same turn; the first row of a turn wins."""
    learner = create_learner("Merged")
    call = practice_calls.start_call(learner.id, SCENARIO, now=T0)
    practice_calls.record_reply(call, "opening", 0, now=T0 + timedelta(seconds=1))
    row = ActivityRecord.get(ActivityRecord.attempt_id == call.id, ActivityRecord.verb == "reply-chosen")
    ActivityRecord.create(id="copy-from-elsewhere", learner=learner.id, verb=row.verb, module_id=None,
                          object_id=row.object_id, attempt_id=call.id,
                          payload=row.payload.replace('"reply": 0', '"reply": 2'),
                          occurred_at=row.occurred_at.replace(".", "1."), device_id="other")
    assert practice_calls.load_call(call.id).replies == [0]


TYPED_SCENARIO = "delayed-holiday-delivery"


def test_a_typed_turn_is_stored_with_its_words_and_replays_the_same_call(database, library):
    """The learner's words and the coach's mood change survive a reload, are copied by "replay from
    here", and replay to the very state the call was in."""
    from workbook.core.call_engine import choose, start_call

    scenario = library.scenario(TYPED_SCENARIO)
    learner = create_learner("Typist")
    words = TypedReply("I'm so sorry it has sat there; can I take the order number?", 9)
    state = choose(scenario, start_call(scenario), 0, words)
    state = choose(scenario, state, 0)
    call = practice_calls.start_call(learner.id, TYPED_SCENARIO, now=T0)
    for turn, choice in enumerate(state.choices):
        practice_calls.record_reply(call, choice.node, choice.reply, typed=choice.typed,
                                    now=T0 + timedelta(seconds=turn + 1))
    again = practice_calls.load_call(call.id)
    assert again.typed == {0: words}
    assert again.turns() == [("opening", 0, words), (state.choices[1].node, 0, None)]
    assert replay(scenario, again.replies, again.typed) == state

    copy = practice_calls.start_call(learner.id, TYPED_SCENARIO, prefix=again.turns(1), replayed_from=call.id)
    assert practice_calls.load_call(copy.id).typed == {0: words}


def test_the_coach_verdict_is_stored_with_the_typed_turn(database, library):
    """The verdict that chose the branch comes back with the words; a damaged one is dropped and
    the words and mood change are kept."""
    from workbook.core.call_engine import choose, start_call
    from workbook.core.typed_turn import typed_turn

    scenario = library.scenario(TYPED_SCENARIO)
    learner = create_learner("Verdict Keeper")
    turn = typed_turn(scenario, start_call(scenario), "I'm so sorry; can I take the order number?",
                      library.coach)
    state = choose(scenario, start_call(scenario), turn.reply_index, turn.typed)
    call = practice_calls.start_call(learner.id, TYPED_SCENARIO, now=T0)
    practice_calls.record_reply(call, "opening", turn.reply_index, typed=state.choices[0].typed,
                                now=T0 + timedelta(seconds=1))
    kept = practice_calls.load_call(call.id).typed[0]
    assert kept.verdict == turn.result and kept.verdict.verdicts

    damaged = practice_calls.start_call(learner.id, TYPED_SCENARIO, now=T0)
    record_activity(learner.id, Verb.REPLY_CHOSEN, f"call/{TYPED_SCENARIO}/opening", attempt_id=damaged.id,
                    payload={"turn": 1, "node": "opening", "reply": 0, "replayed": False, "typed": "Sorry!",
                             "typed_mood": 4, "coach": {"mood_change": 4, "verdicts": [{"rule_id": "x"}]}},
                    now=T0 + timedelta(seconds=1))
    words = practice_calls.load_call(damaged.id).typed[0]
    assert (words.text, words.mood_change, words.verdict) == ("Sorry!", 4, None)


def test_a_tampered_typed_turn_replays_as_the_scripted_reply(database, library):
    """A row (say from an edited bundle) whose mood change is not a number keeps its scripted reply."""
    learner = create_learner("Tampered")
    call = practice_calls.start_call(learner.id, TYPED_SCENARIO, now=T0)
    record_activity(learner.id, Verb.REPLY_CHOSEN, f"call/{TYPED_SCENARIO}/opening", attempt_id=call.id,
                    payload={"turn": 1, "node": "opening", "reply": 1, "replayed": False,
                             "typed": "Can I have the order number?", "typed_mood": "lots"},
                    now=T0 + timedelta(seconds=1))
    again = practice_calls.load_call(call.id)
    assert again.replies == [1] and again.typed == {}


def test_a_call_keeps_its_seed_and_a_replay_keeps_the_order_already_seen(database, library):
    from workbook.core.call_engine import choose, shown_replies, start_call

    scenario = library.scenario(SCENARIO)
    learner = create_learner("Seeded")
    call = practice_calls.start_call(learner.id, SCENARIO, now=T0)
    assert isinstance(call.seed, int)
    state = start_call(scenario, call.seed)
    for node, reply in _best_path(scenario)[:2]:
        state = choose(scenario, state, reply)
        practice_calls.record_reply(call, node, reply, shown=state.choices[-1].shown)
    again = practice_calls.load_call(call.id)
    assert again.seed == call.seed
    assert replay(scenario, again.replies, again.typed, seed=again.seed) == state
    rows = (ActivityRecord.select().where(ActivityRecord.attempt_id == call.id,
                                          ActivityRecord.verb == str(Verb.REPLY_CHOSEN)))
    import json

    assert [json.loads(r.payload)["shown"] for r in rows] == [list(c.shown) for c in state.choices]
    copy = practice_calls.start_call(learner.id, SCENARIO, again.turns(1), replayed_from=call.id)
    assert copy.seed == call.seed  # the copied turn and the next show what the learner saw before
    resumed = replay(scenario, copy.replies, copy.typed, seed=copy.seed)
    assert shown_replies(scenario, resumed) == list(state.choices[1].shown)
    fresh = {practice_calls.start_call(learner.id, SCENARIO).seed for _ in range(5)}
    assert len(fresh) > 1  # a new call is shuffled afresh


def test_a_call_end_row_without_its_start_row_counts_as_played(database, library):
    """An end row whose start row is missing (a damaged merge, a row written by hand) is a call
    played, with the ending it claims (the home screen replaces it with the replayed one) and no call
    under way: the certificate's replay counts it too, as a call that does not hold up."""
    learner = create_learner("Ended Only")
    record_activity(learner.id, Verb.CALL_ENDED, f"call/{SCENARIO}", attempt_id="no-start-row",
                    payload={"kind": "resolved", "ending": "x", "skills": {}}, now=T0)
    record = practice_calls.call_records(learner.id)[SCENARIO]
    assert (record.played, record.best_kind, record.last_kind, record.unfinished) == (
        1, "resolved", "resolved", False)
    assert practice_calls.finished_calls(learner.id, SCENARIO) == []  # no start: no debrief to open
