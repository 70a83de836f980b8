"""Merged profiles: record that two profiles are one person, and read every profile through it.

A merge never rewrites history: it is one more append-only row (`learner_merge`), and which profile
survives is worked out from all the rows (`core.profile_merges.survivors`) into `learner_alias`,
derived data rebuilt after each change together with the dashboard totals. Readers ask
`person_ids` for every profile id that stands for the same person and read their rows together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from msgspec import Struct

from workbook.core.profile_merges import Merge, survivors
from workbook.store.clock import new_id, utc_now_text
from workbook.store.models import ActivityRecord, AliasRecord, LearnerRecord, MergeRecord, database
from workbook.store.settings import device_id

MERGE_COLUMNS = ("id", "from_learner_id", "into_learner_id", "merged_at", "device_id")


class MergeError(ValueError):
    """A merge that cannot be made; the message says why, in words for the trainer."""


class MergeDone(Struct, frozen=True):
    """What merge_learners recorded: `survivor` now stands for both profiles."""

    merge_id: str
    merged_away: str
    survivor: str
    rows_moved_over: int  # activity rows of the merged-away profile, now read as the survivor's


class AppliedMerge(Struct, frozen=True):
    """A merge record new here (from a bundle, a sync batch or a trainer's choice), with both profiles'
    names as this database holds them (None: no such profile here), so an import can name it."""

    from_id: str
    from_name: str | None
    into_id: str
    into_name: str | None

    def text(self) -> str:
        """"Alex Moreno (f4698012) merged into Sam Taylor (ea74a080)", for logs and the command line."""
        return f"{_named(self.from_name, self.from_id)} merged into {_named(self.into_name, self.into_id)}"


SHORT_ID = 8  # enough of a profile id to tell namesakes apart by eye


def short_id(learner_id: str) -> str:
    return learner_id[:SHORT_ID]


def _named(name: str | None, learner_id: str) -> str:
    return f"{name if name is not None else 'a profile not known here'} ({short_id(learner_id)})"


def survivor_of(learner_id: str) -> str:
    """The profile standing for this one's person: the one it was merged into, or itself."""
    row = database.execute_sql(f"SELECT {_SURVIVOR}".format(p=database.param), (learner_id,) * 2).fetchone()
    return row[0]


def person_ids(learner_id: str) -> list[str]:
    """The surviving profile's id first, then every profile merged into it. Asked by almost every
    reader (ten times per home visit), so it is one statement with fixed text, not two built by peewee."""
    rows = database.execute_sql(_PERSON_SQL.format(p=database.param), (learner_id,) * 4).fetchall()
    return [learner for survivor, learner in sorted(rows, key=lambda row: (-row[0], row[1]))]


# The survivor is the alias's, or the profile itself; _PERSON_SQL gives (1, the survivor) and
# (0, each profile merged into it). The table's name is the model's.
_ALIASES = AliasRecord._meta.table_name
_SURVIVOR = f"coalesce((SELECT survivor_id FROM {_ALIASES} WHERE learner_id = {{p}}), {{p}})"
_PERSON_SQL = (f"SELECT 1, {_SURVIVOR} UNION ALL "
               f"SELECT 0, learner_id FROM {_ALIASES} WHERE survivor_id = {_SURVIVOR}")


def of_person(learner_id: str):
    """The peewee condition for the activity rows of this learner's person (every merged profile)."""
    return ActivityRecord.learner.in_(person_ids(learner_id))


def survivor_map() -> dict[str, str]:
    """Every merged-away profile id -> the id standing for its person."""
    return dict(AliasRecord.select(AliasRecord.learner_id, AliasRecord.survivor_id).tuples())


def merged_away_ids() -> set[str]:
    return {learner_id for (learner_id,) in AliasRecord.select(AliasRecord.learner_id).tuples()}


def merge_learners(from_id: str, into_id: str, now: datetime | None = None) -> MergeDone:
    """Record that profile `from_id` is the same person as `into_id`; `into_id`'s person survives."""
    with database.atomic():
        for learner_id in (from_id, into_id):
            if LearnerRecord.get_or_none(LearnerRecord.id == learner_id) is None:
                raise MergeError(f"No profile with id {learner_id}.")
        away, stays = survivor_of(from_id), survivor_of(into_id)
        if away == stays:
            raise MergeError("These are already the same person's profiles: nothing to merge.")
        record = MergeRecord.create(id=new_id(), from_learner_id=away, into_learner_id=stays,
                                    merged_at=utc_now_text(now), device_id=device_id())
        rows = ActivityRecord.select().where(ActivityRecord.learner.in_(person_ids(away))).count()
        refresh_aliases()
    return MergeDone(record.id, away, survivor_of(stays), rows)


def merge_records(learner_ids: Sequence[str] | None = None) -> list[dict[str, str]]:
    """The merge rows touching the person of any of `learner_ids` (all rows when None), oldest first."""
    query = MergeRecord.select().order_by(MergeRecord.merged_at, MergeRecord.id)
    if learner_ids is not None:
        ids = {member for learner_id in learner_ids for member in person_ids(learner_id)}
        query = query.where(MergeRecord.from_learner_id.in_(list(ids))
                            | MergeRecord.into_learner_id.in_(list(ids)))
    return [{name: getattr(record, name) for name in MERGE_COLUMNS} for record in query]


def merge_records_of_each(learner_ids: Sequence[str]) -> dict[str, list[dict[str, str]]]:
    """`merge_records([learner_id])` for each of `learner_ids`, from one read of the merge rows and
    the aliases instead of two queries per profile (a push asks it for every learner of a chunk)."""
    every = merge_records()
    if not every:
        return {learner_id: [] for learner_id in learner_ids}
    aliases = survivor_map()
    members: dict[str, set[str]] = {}
    for away, survivor in aliases.items():
        members.setdefault(survivor, set()).add(away)
    found = {}
    for learner_id in learner_ids:
        survivor = aliases.get(learner_id, learner_id)
        ids = {survivor} | members.get(survivor, set())
        found[learner_id] = [row for row in every
                             if row["from_learner_id"] in ids or row["into_learner_id"] in ids]
    return found


def add_merge_records(rows: Iterable[dict[str, str]]) -> tuple[int, list[str]]:
    """Store the rows not present yet (call inside the importer's transaction); returns how many
    were added and the ids of rows that clash with a stored row of the same id (nothing is added
    then: the caller refuses the whole bundle)."""
    rows = list(rows)
    if not rows:
        return 0, []
    present = {record.id: record for record in MergeRecord.select().where(
        MergeRecord.id.in_([row["id"] for row in rows]))}
    clashes = [row["id"] for row in rows if row["id"] in present
               and any(getattr(present[row["id"]], name) != row[name] for name in MERGE_COLUMNS)]
    if clashes:
        return 0, clashes
    new = [row for row in rows if row["id"] not in present]
    if new:
        MergeRecord.insert_many([tuple(row[name] for name in MERGE_COLUMNS) for row in new],
                                fields=[getattr(MergeRecord, name) for name in MERGE_COLUMNS]).execute()
        refresh_aliases()
    return len(new), []


def recorded_merge_ids(ids: Sequence[str]) -> set[str]:
    """The ids among `ids` of merge records already stored here."""
    ids = list(ids)
    if not ids:
        return set()
    return {merge_id for (merge_id,) in MergeRecord.select(MergeRecord.id).where(MergeRecord.id.in_(ids))
            .tuples()}


def named_merges(pairs: Iterable[tuple[str, str]]) -> list[AppliedMerge]:
    """(from id, into id) pairs with the profiles' names here, in the order given. An import names
    them again once all its files are in (`renamed`): a later file may bring a profile's name."""
    pairs = list(pairs)
    ids = list({learner_id for pair in pairs for learner_id in pair})
    names = dict(LearnerRecord.select(LearnerRecord.id, LearnerRecord.display_name)
                 .where(LearnerRecord.id.in_(ids)).tuples()) if ids else {}
    return [AppliedMerge(away, names.get(away), into, names.get(into)) for away, into in pairs]


def renamed(applied: Iterable[AppliedMerge]) -> list[AppliedMerge]:
    """The same merges with the names this database holds now."""
    return named_merges((merge.from_id, merge.into_id) for merge in applied)


def refresh_aliases() -> None:
    """Work out the survivors from every merge row again, and re-key the dashboard totals to them."""
    merges = [Merge(r.id, r.from_learner_id, r.into_learner_id, r.merged_at) for r in MergeRecord.select()]
    with database.atomic():
        database.execute_sql("DELETE FROM learner_alias")
        pairs = sorted(survivors(merges).items())
        for start in range(0, len(pairs), 400):
            AliasRecord.insert_many(pairs[start:start + 400],
                                    fields=[AliasRecord.learner_id, AliasRecord.survivor_id]).execute()
        from workbook.store.dashboard import rebuild_totals  # the dashboard reads these: no cycle

        rebuild_totals()
