"""Whether the PC that signed a bundle may speak for the profile its merge records move away.

A merge "FROM is the same person as INTO" moves FROM's history onto INTO. Any trusted PC can sign
one, and a profile id is no secret (rosters, bundles), so a learner could make a profile with a
colleague's id on his own PC, merge it into himself and take her progress. A merge carried by a
bundle or sync batch is therefore applied only when its signer vouches for FROM: every activity row
of FROM's person held here came signed by that same key. Otherwise the import withholds it and names
it; a trainer may still record it (`record_withheld`) or merge here by hand. A merge whose FROM has
no rows here yet waits (`merge-pending/<id>` in the settings) instead of being recorded: were it
recorded, FROM's genuine rows arriving later from her own PC would land on INTO. It is recorded once
FROM's rows arrive signed by the merge's own PC, and withheld (named) when they come from another.

Which key signed the rows is kept per profile in the settings table (`progress-signers/<id>`:
key id -> rows and PC name), written in the import's transaction. Rows recorded on this PC, or
imported before the ledger existed, have no signer there and so vouch for nobody: such a merge asks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from msgspec import Struct

from workbook.keys import fingerprint
from workbook.store import merges as profile_merges
from workbook.store.models import ActivityRecord, LearnerRecord, SettingRecord, database
from workbook.store.settings import get_setting, set_setting

_PREFIX = "progress-signers/"
_PENDING = "merge-pending/"
APPLY, WAIT, WITHHOLD = "apply", "wait", "withhold"


class ProgressSource(Struct, frozen=True):
    """Rows of one person that came from one PC (`fingerprint` None: recorded here, or imported
    before signers were recorded)."""

    pc: str | None
    fingerprint: str | None
    rows: int

    def text(self) -> str:
        if self.fingerprint is None:
            return f"{self.rows} recorded on this PC or imported before their PC was recorded"
        return f"{self.rows} from the PC '{self.pc}' (key {self.fingerprint})"


class WithheldMerge(Struct, frozen=True):
    """A merge record a bundle carried that its signer cannot vouch for, with what a trainer needs
    to decide: both profiles, the PCs their progress came from, and the PC that signed the merge."""

    record: Mapping[str, str]  # the signed merge row, as the bundle holds it (MERGE_COLUMNS)
    from_name: str | None
    into_name: str | None
    signer_pc: str
    signer_fingerprint: str
    from_sources: tuple[ProgressSource, ...]
    into_sources: tuple[ProgressSource, ...]

    @property
    def from_id(self) -> str:
        return self.record["from_learner_id"]

    @property
    def into_id(self) -> str:
        return self.record["into_learner_id"]

    def applied(self) -> profile_merges.AppliedMerge:
        """The merge, named as this database holds the profiles."""
        return profile_merges.AppliedMerge(self.from_id, self.from_name, self.into_id, self.into_name)

    def text(self) -> str:
        """One line for the command line and logs."""
        def sources(found: Sequence[ProgressSource]) -> str:
            return "; ".join(source.text() for source in found) or "no activity here"

        return (f"{self.applied().text()} NOT recorded: the merge was signed by the PC '{self.signer_pc}' "
                f"(key {self.signer_fingerprint}), but {_name(self.from_name, self.from_id)}'s progress "
                f"here did not all come from that PC (its rows: {sources(self.from_sources)}; "
                f"{_name(self.into_name, self.into_id)}'s rows: {sources(self.into_sources)}). If they "
                f"are the same person, merge them on this PC: 'workbook merge-learners "
                f"{self.from_id} {self.into_id}'")


def _name(name: str | None, learner_id: str) -> str:
    shown = name if name is not None else "a profile not known here"
    return f"{shown} ({profile_merges.short_id(learner_id)})"


def _ledger(learner_id: str) -> dict[str, dict]:
    try:
        value = json.loads(get_setting(_PREFIX + learner_id) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def record_signed_rows(learner_id: str, key_id: str, pc: str, rows: int) -> None:
    """Count `rows` new activity rows of `learner_id` as signed by `key_id` (inside the import's
    transaction, so the count and the rows commit together)."""
    if rows <= 0:
        return
    ledger = _ledger(learner_id)
    entry = ledger.get(key_id) if isinstance(ledger.get(key_id), dict) else {}
    ledger[key_id] = {"rows": int(entry.get("rows", 0)) + rows, "pc": pc}
    set_setting(_PREFIX + learner_id, json.dumps(ledger, sort_keys=True))


def progress_sources(learner_id: str) -> tuple[ProgressSource, ...]:
    """Where the activity rows of this profile's person came from, most rows first."""
    ids = profile_merges.person_ids(learner_id)
    total = ActivityRecord.select().where(ActivityRecord.learner.in_(ids)).count()
    by_key: dict[str, ProgressSource] = {}
    for member in ids:
        for key, entry in _ledger(member).items():
            if not isinstance(entry, dict):
                continue
            before = by_key.get(key)
            rows = int(entry.get("rows", 0)) + (before.rows if before else 0)
            by_key[key] = ProgressSource(str(entry.get("pc", "")), fingerprint(key), rows)
    found = sorted(by_key.values(), key=lambda source: -source.rows)
    unsigned = total - sum(source.rows for source in found)
    if unsigned > 0:
        found.append(ProgressSource(None, None, unsigned))
    return tuple(source for source in found if source.rows > 0)


def verdict(key_id: str, from_id: str, arriving: int = 0) -> str:
    """APPLY when every row of FROM's person here was signed by `key_id` and there is at least one
    (counting `arriving` rows this import adds to that person, signed by the same key); WAIT when
    there is none yet; WITHHOLD when any came from elsewhere (another PC, this PC, or before signers
    were recorded)."""
    ids = profile_merges.person_ids(from_id)
    total = ActivityRecord.select().where(ActivityRecord.learner.in_(ids)).count()
    signed = 0
    for member in ids:
        entry = _ledger(member).get(key_id)
        if isinstance(entry, dict):
            signed += int(entry.get("rows", 0))
    if signed < total:
        return WITHHOLD
    return APPLY if total + arriving > 0 else WAIT


def hold(record: Mapping[str, str], key_id: str, pc: str) -> None:
    """Keep a merge record to decide once its FROM has rows here (inside the import's transaction)."""
    set_setting(_PENDING + record["id"], json.dumps({"record": dict(record), "key_id": key_id, "pc": pc},
                                                   sort_keys=True))


def _drop(merge_id: str) -> None:
    SettingRecord.delete().where(SettingRecord.key == _PENDING + merge_id).execute()


def settle_pending() -> tuple[list[Mapping[str, str]], list[tuple[Mapping[str, str], str, str]]]:
    """Decide the waiting merges whose FROM now has rows: (records to add, (record, key id, PC)
    withheld). Both leave the waiting list; the rest keep waiting."""
    ready, withheld = [], []
    waiting = list(SettingRecord.select(SettingRecord.key, SettingRecord.value).where(
        SettingRecord.key.startswith(_PENDING)).tuples())
    recorded = profile_merges.recorded_merge_ids([key[len(_PENDING):] for key, _ in waiting])
    for _, value in waiting:
        try:
            held = json.loads(value)
            record, key_id, pc = held["record"], str(held["key_id"]), str(held["pc"])
        except (ValueError, KeyError, TypeError):
            continue
        if record["id"] in recorded:  # recorded since (a later bundle carried it with FROM's rows)
            _drop(record["id"])
            continue
        decided = verdict(key_id, record["from_learner_id"])
        if decided == WAIT:
            continue
        _drop(record["id"])
        if decided == APPLY:
            ready.append(record)
        else:
            withheld.append((record, key_id, pc))
    return ready, withheld


def described(withheld: Iterable[tuple[Mapping[str, str], str, str]]) -> list[WithheldMerge]:
    """Withheld merge records (with the key id and PC that signed each) named with the profiles and
    progress sources this database holds now."""
    found = []
    for record, key_id, pc in withheld:
        names = dict(LearnerRecord.select(LearnerRecord.id, LearnerRecord.display_name).where(
            LearnerRecord.id.in_([record["from_learner_id"], record["into_learner_id"]])).tuples())
        found.append(WithheldMerge(dict(record), names.get(record["from_learner_id"]),
                                   names.get(record["into_learner_id"]), pc, fingerprint(key_id),
                                   progress_sources(record["from_learner_id"]),
                                   progress_sources(record["into_learner_id"])))
    return found


def record_withheld(merge: WithheldMerge) -> profile_merges.AppliedMerge | None:
    """Record a withheld merge after all, as the bundle signed it (a trainer's yes); None when both
    profiles are already one person here, or a profile is missing."""
    with database.atomic():
        ids = [merge.from_id, merge.into_id]
        if LearnerRecord.select().where(LearnerRecord.id.in_(ids)).count() < len(set(ids)):
            return None
        if profile_merges.survivor_of(merge.from_id) == profile_merges.survivor_of(merge.into_id):
            return None
        _drop(merge.record["id"])
        added, clashes = profile_merges.add_merge_records([merge.record])
        if clashes or not added:
            return None
    return profile_merges.named_merges([(merge.from_id, merge.into_id)])[0]
