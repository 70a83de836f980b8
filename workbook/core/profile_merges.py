"""Which profile survives a set of merges: a function of the set alone, so every PC agrees.

Merges are applied oldest first (time, then id, both carried by the record), each joining the
current survivor of one profile into the current survivor of the other; a merge between profiles
already joined changes nothing. Two PCs holding the same records therefore reach the same answer
whatever order the records arrived in, and a merge made in both directions on two PCs settles on
the earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct


class Merge(Struct, frozen=True):
    """Profile `from_id` is the same person as `into_id`; recorded at `merged_at` (UTC text)."""

    id: str
    from_id: str
    into_id: str
    merged_at: str


def survivors(merges: Iterable[Merge]) -> dict[str, str]:
    """Every merged-away profile id -> the id of the profile that now stands for that person."""
    parent: dict[str, str] = {}

    def find(learner_id: str) -> str:
        root = learner_id
        while parent.get(root, root) != root:
            root = parent[root]
        while learner_id != root:  # path compression
            parent[learner_id], learner_id = root, parent[learner_id]
        return root

    for merge in sorted(merges, key=lambda m: (m.merged_at, m.id)):
        away, stays = find(merge.from_id), find(merge.into_id)
        if away != stays:
            parent[away] = stays
    return {learner_id: find(learner_id) for learner_id in list(parent) if find(learner_id) != learner_id}
