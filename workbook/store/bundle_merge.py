"""Merging progress bundles into this database: a union of rows, in one transaction per bundle.

A bundle is read and checked in full first (`bundle_reading.read_bundle`); only then is it merged,
so a damaged or hostile file is refused with its reason and leaves the database as it was. Rows are
only ever added (the activity table is append-only), keyed by their UUIDs: importing the same bundle
again adds nothing. `import_bundles` is what the trainer's import and `workbook import-progress` run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

from workbook.keys import fingerprint
from workbook.store import dialect, merge_vouching, row_provenance
from workbook.store import merges as profile_merges
from workbook.store.bundle_reading import read_bundle
from workbook.store.bundles import (
    COLUMNS,
    Bundle,
    BundleError,
    BundleSigner,
    merged_setting_key,
)
from workbook.store.clock import utc_now_text
from workbook.store.connection import StoreError
from workbook.store.models import ActivityRecord, LearnerRecord, MergeRecord, database
from workbook.store.quiz_questions import STORED_APART, compact_payload
from workbook.store.row_provenance import RefusedRow
from workbook.store.settings import get_setting, set_setting

if TYPE_CHECKING:  # cryptography loads when a bundle's signature is checked, not with the trainer's pages
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class EmployeeIdConflict(BundleError):
    """The bundle's new profile has the employee ID of a different profile here (`local_id`): if they
    are the same person, a trainer imports it merged into that profile."""

    def __init__(self, path: Path, reason: str, local_id: str) -> None:
        super().__init__(path, reason)
        self.local_id = local_id


class MergeResult(Struct, frozen=True):
    """What one merge changed; `display_name` is the profile name here after the merge."""

    learner_id: str
    display_name: str
    bundle_name: str
    added: int
    already_present: int
    learners_created: int
    learners_updated: int  # an existing profile that gained rows (its own fields are never changed)
    merges_added: int = 0  # profile merge records new here
    merges: tuple[profile_merges.AppliedMerge, ...] = ()  # those records, named, for the import to show
    withheld: tuple[merge_vouching.WithheldMerge, ...] = ()  # merges its signer cannot vouch for: not made
    waiting: tuple[profile_merges.AppliedMerge, ...] = ()  # merges of a profile with no rows here yet
    refused: tuple[RefusedRow, ...] = ()  # rows its signer may not send (`row_provenance`): kept aside
    device_warning: str | None = None  # its PC claims a device another key signed for first


class ImportResult(Struct, frozen=True):
    """One file of import_bundles: merged, or refused with the reason (and, when the only problem is
    a key not trusted yet, who signed it, so the trainer can decide to trust that PC)."""

    path: Path
    merged: MergeResult | None = None
    reason: str | None = None
    untrusted: BundleSigner | None = None
    conflict_with: str | None = None  # refused for an employee ID clash with this local profile id

    @property
    def refused(self) -> bool:
        return self.merged is None


def merge_bundle(bundle: Bundle, merge_into: str | None = None,
                 authorities: Collection[str] = (), join: bool = False) -> MergeResult:
    """Add the bundle's learner (if unknown), its merge records and the rows not present yet, in one
    transaction; with `merge_into` (a local profile id), also record that the bundle's learner is
    that person (what a trainer chooses when the employee IDs clash).

    A merge record whose signer cannot vouch for the profile it moves away (`merge_vouching`) is
    withheld: not recorded, returned in `withheld` for the import to name or ask about, unless the
    bundle is signed by one of `authorities` (this PC's own key and the trainer PCs it trusts as
    certificate issuers: `keys.trusted_keys(data_dir, CERTIFICATES)`); one whose profile has no rows
    here yet waits for them, and an earlier one waiting for this bundle's rows is settled. The rest
    of the bundle still merges: the rows are the signer's own, and the survivors follow from the
    merges held, so leaving one out leaves the database as it would be had it never been made.

    Nothing already here is changed: a known profile keeps its own name and archive state. Rows its
    signer may not send (another PC's rows, another key's certificate records, an id another key
    brought first with other content) are refused and kept aside, named (`row_provenance.admit`);
    a row id this signer (or this PC) recorded with other content refuses the whole bundle.

    `join`: a caller whose transaction any error but a refusal takes back whole (a sync ingest)
    lets a bundle without merge records join it instead of opening a savepoint (`_MergeScope`).
    """
    learner = bundle.learner
    signer = bundle.signer
    with _MergeScope(bundle, merge_into, join) as scope:
        local = LearnerRecord.get_or_none(LearnerRecord.id == learner.id)
        admission = row_provenance.admit(bundle, authorities)
        new_rows = admission.new_rows
        known_merges = profile_merges.recorded_merge_ids([row["id"] for row in bundle.merges])
        arriving = [row for row in bundle.merges if row["id"] not in known_merges]
        taken, withheld, waiting = _vouched(arriving, signer, authorities, learner.id, len(new_rows))
        merges_added, clashes = profile_merges.add_merge_records(
            [row for row in bundle.merges if row["id"] in known_merges or row["id"] in taken])
        new_merges = [(row["from_learner_id"], row["into_learner_id"]) for row in arriving
                      if row["id"] in taken]
        if clashes:
            raise BundleError(bundle.path, f"conflict: merge record {clashes[0]} differs from the one of "
                                           "the same id already here (merge records never change)")
        new_person = local is None and learner.employee_id is not None and learner.archived_at is None
        if new_person and scope.joined:  # without merges, adding the profile cannot change the answer
            _refuse_employee_id_clash(bundle)
        scope.writing = True  # without merge records, nothing was written before this point
        if local is None:
            LearnerRecord.insert(id=learner.id, display_name=learner.display_name,
                                 employee_id=learner.employee_id, created_at=learner.created_at,
                                 archived_at=learner.archived_at, email=learner.email).execute()
        if merge_into is not None and profile_merges.survivor_of(learner.id) != \
                profile_merges.survivor_of(merge_into):
            done = profile_merges.merge_learners(learner.id, merge_into)
            merges_added += 1
            new_merges.append((done.merged_away, done.survivor))
        if new_person and not scope.joined:
            _refuse_employee_id_clash(bundle)
        # One prepared statement for every row (peewee would build SQL text per batch).
        columns = ", ".join(ActivityRecord._meta.columns[name].column_name for name in COLUMNS)
        statement = (f"INSERT INTO {ActivityRecord._meta.table_name} ({columns}) "
                     f"VALUES ({', '.join('?' * len(COLUMNS))})")
        dialect.execute_many(statement, _stored_values(new_rows))
        now = utc_now_text()
        row_provenance.record_sources((str(row["id"]) for row in new_rows), signer, now)
        refused = row_provenance.keep_refused(admission.refused, signer, now)
        device_warning = device_claimed(bundle)
        merge_vouching.record_signed_rows(learner.id, signer.key_id, signer.installation, len(new_rows))
        ready, settled_withheld = merge_vouching.settle_pending()  # merges that waited for these rows
        if ready:
            added, _ = profile_merges.add_merge_records(ready)
            merges_added += added
            new_merges += [(row["from_learner_id"], row["into_learner_id"]) for row in ready]
        if not refused:  # a file with refused rows is read again on a later import, and named again
            set_setting(merged_setting_key(bundle.digest), now)
        applied = tuple(profile_merges.named_merges(new_merges))
        withheld = merge_vouching.described(withheld + settled_withheld)
        waiting = profile_merges.named_merges((row["from_learner_id"], row["into_learner_id"])
                                              for row in waiting)
    return MergeResult(learner_id=learner.id,
                       display_name=local.display_name if local is not None else learner.display_name,
                       bundle_name=learner.display_name, added=len(new_rows),
                       already_present=admission.already_present,
                       learners_created=int(local is None),
                       learners_updated=int(local is not None and bool(new_rows)),
                       merges_added=merges_added, merges=applied, withheld=tuple(withheld),
                       waiting=tuple(waiting), refused=tuple(refused), device_warning=device_warning)


class _MergeScope:
    """The transaction a merge runs in. On its own: a transaction. Inside the caller's, a savepoint,
    so a bundle refused part-way (an employee ID clash once its profile is added, a merge record's
    conflict) or failing takes back what it wrote and the caller goes on; unless the caller asks to
    `join` (a sync ingest, a few batches per transaction) and the bundle has no merge records and no
    `merge_into`: then everything that can refuse it is judged before it writes (the employee ID
    clash too: adding its profile cannot change that answer without merges) and it joins the
    caller's transaction, as a savepoint copies every page the merge changes aside first (half the
    cost of writing the rows). Should such a bundle be refused after writing all the same, the
    refusal becomes a RuntimeError, which takes back the caller's whole transaction instead."""

    def __init__(self, bundle: Bundle, merge_into: str | None, join: bool) -> None:
        self.writing = False
        self.joined = (join and database.transaction_depth() > 0 and not bundle.merges
                       and merge_into is None)
        self._inner = database.transaction() if self.joined else database.atomic()

    def __enter__(self) -> _MergeScope:
        self._inner.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if self.joined and self.writing and isinstance(error, BundleError):
            failed = RuntimeError(f"{error.path}: refused after its rows were written, with no savepoint "
                                  f"to take them back ({error.reason})")
            self._inner.__exit__(RuntimeError, failed, trace)
            raise failed from error
        self._inner.__exit__(kind, error, trace)


def _stored_values(rows: Sequence[dict[str, str | None]]) -> list[tuple[str | None, ...]]:
    """Each row's values in `COLUMNS` order, as stored (a quiz start's question bodies kept once)."""
    values_of = itemgetter(*COLUMNS)
    at = COLUMNS.index("payload")
    values = []
    for row in rows:
        value = values_of(row)
        verb, payload = row["verb"], row["payload"]
        if isinstance(verb, str) and verb != STORED_APART and isinstance(payload, str):  # kept as sent
            values.append(value)
            continue
        payload = compact_payload(str(row["verb"]), str(row["payload"]))
        values.append(value if payload == row["payload"] else (*value[:at], payload, *value[at + 1:]))
    return values


def device_claimed(bundle: Bundle) -> str | None:
    """A warning when the bundle's device id was first seen here signed by another key (two PCs with
    one device id: a copied data folder, a new key after a leak, or a PC posing as another); the first
    key seen for each device is kept in the settings (`device-signer/<id>`)."""
    setting = f"device-signer/{bundle.device_id}"
    signer = bundle.signer
    try:
        first = json.loads(get_setting(setting) or "null")
    except ValueError:
        first = None
    if not isinstance(first, dict):
        set_setting(setting, json.dumps({"key_id": signer.key_id, "pc": signer.installation}, sort_keys=True))
        return None
    if first.get("key_id") == signer.key_id:
        return None
    earlier = fingerprint(str(first.get("key_id")))
    made_there = profile_merges.named_merges(MergeRecord.select(
        MergeRecord.from_learner_id, MergeRecord.into_learner_id).where(
        MergeRecord.device_id == bundle.device_id).order_by(MergeRecord.merged_at).tuples())
    merges = ("; profile merges made on a PC with that device id: "
              + "; ".join(merge.text() for merge in made_there)) if made_there else ""
    return (f"the PC '{signer.installation}' (key {signer.fingerprint}) signs as device "
            f"{bundle.device_id[:8]}, which the PC '{first.get('pc')}' (key {earlier}) signed for first: two "
            "PCs claim one device (a copied data folder, a new key after a leak, or one PC posing as "
            f"another); check which is genuine before trusting what either sends{merges}")


def _vouched(arriving: Sequence[dict[str, str]], signer: BundleSigner, authorities: Collection[str],
             learner_id: str, new_rows: int,
             ) -> tuple[set[str], list[tuple[dict[str, str], str, str]], list[dict[str, str]]]:
    """Which of the merge records new here to record now (their ids), those withheld (with the key
    and PC that signed them), and those that wait for FROM's rows (`merge_vouching`)."""
    if signer.key_id in authorities:
        return {row["id"] for row in arriving}, [], []
    taken, withheld, waiting = set(), [], []
    for row in arriving:
        own = new_rows if learner_id in profile_merges.person_ids(row["from_learner_id"]) else 0
        decided = merge_vouching.verdict(signer.key_id, row["from_learner_id"], own)
        if decided == merge_vouching.APPLY:
            taken.add(row["id"])
        elif decided == merge_vouching.WAIT:
            merge_vouching.hold(row, signer.key_id, signer.installation)
            waiting.append(row)
        else:
            withheld.append((row, signer.key_id, signer.installation))
    return taken, withheld, waiting


def _refuse_employee_id_clash(bundle: Bundle) -> None:
    """A new profile may not share its employee ID with another person's active profile here (the
    same person's profiles, joined by a merge, may)."""
    learner = bundle.learner
    person = profile_merges.survivor_of(learner.id)
    merged_away = profile_merges.merged_away_ids()
    for clash in (LearnerRecord.select().where(LearnerRecord.employee_id == learner.employee_id,
                                                LearnerRecord.archived_at.is_null(),
                                                LearnerRecord.id != learner.id)):
        if clash.id in merged_away or profile_merges.survivor_of(clash.id) == person:
            continue
        raise EmployeeIdConflict(
            bundle.path, f"conflict: employee ID {learner.employee_id} belongs to '{clash.display_name}' "
            f"here, a different profile from the bundle's '{learner.display_name}'. If they are the "
            "same person, a trainer can import it merged into that profile: Trainer views > Import "
            f"progress…, or 'workbook merge-learners {bundle.path.name} {clash.id}'", clash.id)


def _merged_before(bundle: Bundle) -> MergeResult:
    """The result of importing a file whose rows are all here already."""
    local = LearnerRecord.get_or_none(LearnerRecord.id == bundle.learner.id)
    name = local.display_name if local is not None else bundle.learner.display_name
    return MergeResult(learner_id=bundle.learner.id, display_name=name,
                       bundle_name=bundle.learner.display_name, added=0, already_present=bundle.count,
                       learners_created=0, learners_updated=0, device_warning=device_claimed(bundle))


def untrusted_reason(signer: BundleSigner) -> str:
    return (f"not trusted: signed by the PC '{signer.installation}' (key {signer.fingerprint}), which this "
            "installation does not trust yet. If that PC is one of yours, a trainer can trust it: "
            "Trainer views > Import progress, or 'workbook trust-key BUNDLE'; then import again")


def import_bundles(paths: Iterable[Path], trusted: Mapping[str, Ed25519PublicKey],
                   merge_into: Mapping[Path, str] | None = None,
                   progress: Callable[[int], None] | None = None,
                   authorities: Collection[str] = ()) -> list[ImportResult]:
    """Check and merge each file on its own; a refused file changes nothing, the others still merge.
    Only bundles signed by a key in `trusted` are merged. `merge_into` maps a file to the local
    profile its learner is the same person as (a trainer's answer to an employee ID conflict);
    `progress` is told how many files are done after each; a merge signed by one of `authorities`
    is recorded even when its PC cannot vouch for the profile it moves away (`merge_bundle`)."""
    results = []
    for path in map(Path, paths):
        results.append(_import_one(path, trusted, (merge_into or {}).get(path), authorities))
        if progress is not None:
            progress(len(results))
    return [_renamed(result) for result in results]


def _renamed(result: ImportResult) -> ImportResult:
    """The result with its merges named as the database stands after every file (a later file may
    have brought a profile an earlier file's merge names)."""
    if result.merged is None or not result.merged.merges:
        return result
    merges = tuple(profile_merges.renamed(result.merged.merges))
    return replace(result, merged=replace(result.merged, merges=merges))


def _import_one(path: Path, trusted: Mapping[str, Ed25519PublicKey], merge_into: str | None,
                authorities: Collection[str] = ()) -> ImportResult:
    try:
        bundle = read_bundle(path, skip_rows_merged_before=merge_into is None)
        if bundle.signer.key_id not in trusted:
            return ImportResult(path, reason=untrusted_reason(bundle.signer), untrusted=bundle.signer)
        if merge_into is not None and LearnerRecord.get_or_none(LearnerRecord.id == merge_into) is None:
            return ImportResult(path, reason=f"no profile with id {merge_into} here to merge into")
        if not bundle.rows_checked:
            return ImportResult(path, merged=_merged_before(bundle))
        return ImportResult(path, merged=merge_bundle(bundle, merge_into, authorities))
    except BundleError as error:
        return ImportResult(path, reason=error.reason, conflict_with=getattr(error, "local_id", None))
    except (StoreError, sqlite3.Error) as error:  # the bulk insert runs on the raw connection
        return ImportResult(path, reason=f"could not be merged, nothing from it was saved: {error}")
