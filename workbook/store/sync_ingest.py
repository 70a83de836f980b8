"""A trainer's ingest on the central server: check each pushed batch and merge it like a bundle.

Runs with the models bound to the server (the trainer opened it as the store). A batch in
`sync_inbox` holds the signed entries of a progress bundle; it is checked by the same code as a
bundle file (`bundle_reading.bundle_from_entries`: manifest, signature, checksums, every row) and
merged by the same code (`bundle_merge.merge_bundle`), with its verdict written to `sync_ingest` in
the same transaction, so a kill mid-way leaves each batch either merged and recorded or still pending.
A batch from a PC nobody trusts yet stays quarantined ('untrusted') and is merged by a later ingest
once a trainer trusts that PC; a tampered or malformed one stays quarantined ('rejected') with its
reason. The trainer's trusted keys are published to `sync_trusted_key`, for PCs to pull.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.keys import (
    CERTIFICATES,
    fingerprint,
    installation_name,
    key_id,
    public_pem,
    trust_key,
    trusted_key_list,
    trusted_keys,
)
from workbook.store import dialect
from workbook.store.bundle_merge import device_claimed, merge_bundle, untrusted_reason
from workbook.store.bundle_reading import bundle_from_entries, signer_of
from workbook.store.bundles import BundleError
from workbook.store.clock import utc_now_text
from workbook.store.merge_vouching import WithheldMerge
from workbook.store.merges import AppliedMerge, renamed
from workbook.store.models import database
from workbook.store.row_provenance import RefusedRow, summarized

if TYPE_CHECKING:  # cryptography loads when batches are checked, not when the trainer's view asks
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

MERGED, UNTRUSTED, REJECTED = "merged", "untrusted", "rejected"
PARTLY = "partly merged"  # merged, but rows its PC may not send were kept aside (`row_provenance`)
UNKNOWN_PC = "(unknown PC)"
INGEST_ROWS = 20_000  # rows merged per transaction (a batch is never split)


class Quarantined(Struct, frozen=True):
    """A batch left out, with why, for the trainer."""

    batch_id: str
    installation: str
    key_fingerprint: str
    status: str  # untrusted | rejected | partly merged (its other rows were merged)
    reason: str


class IngestResult(Struct, frozen=True):
    merged: int  # batches merged by this ingest
    rows_added: int
    rows_already_present: int
    quarantined: tuple[Quarantined, ...]  # every batch still left out, old ones included
    merges: tuple[AppliedMerge, ...] = ()  # profile merges new here, named, for the trainer to see
    withheld: tuple[WithheldMerge, ...] = ()  # merges a batch carried that its PC cannot vouch for
    waiting: tuple[AppliedMerge, ...] = ()  # merges of a profile with no rows here yet: kept until they come
    refused: tuple[RefusedRow, ...] = ()  # rows a batch's PC may not send (`row_provenance`): kept aside
    device_warnings: tuple[str, ...] = ()  # PCs claiming a device another key signed for first


def _sql(statement: str) -> str:
    return statement if database.param == "?" else statement.replace("?", database.param)


def waiting_count() -> int:
    """Batches never looked at or waiting for their PC to be trusted; cheap, so a trainer view can
    ask before starting an ingest."""
    return database.execute_sql(
        "SELECT count(*) FROM sync_inbox AS i WHERE NOT EXISTS (SELECT 1 FROM sync_ingest AS g WHERE "
        f"g.batch_id = i.batch_id AND g.status <> '{UNTRUSTED}')").fetchone()[0]


def publish_trusted_keys(data_dir: Path) -> int:
    """Put this trainer's keys trusted for progress (its own included) on the server for PCs to pull;
    the server's list means progress trust only: a PC never learns a certificate issuer from it."""
    names = {entry.key_id: entry.name for entry in trusted_key_list(data_dir)}
    present = {row[0] for row in database.execute_sql("SELECT key_id FROM sync_trusted_key").fetchall()}
    added = 0
    now = utc_now_text()
    with database.atomic():
        for identity, public in trusted_keys(data_dir).items():
            if identity in present:
                continue
            database.execute_sql(_sql("INSERT INTO sync_trusted_key (key_id, public_key, name, trusted_at) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING"),
                                 (identity, public_pem(public).decode("ascii"),
                                  names.get(identity) or installation_name(), now))
            added += 1
    return added


def server_trusted_keys() -> dict[str, Ed25519PublicKey]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    keys = {}
    for identity, pem in database.execute_sql("SELECT key_id, public_key FROM sync_trusted_key").fetchall():
        try:
            public = serialization.load_pem_public_key(str(pem).encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            continue
        if isinstance(public, Ed25519PublicKey) and key_id(public) == identity:
            keys[identity] = public
    return keys


def ingest(data_dir: Path, progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> IngestResult:
    """Merge every pending batch signed by a trusted key; quarantine the rest with their reason."""
    publish_trusted_keys(data_dir)
    trusted = {**server_trusted_keys(), **trusted_keys(data_dir)}
    authorities = set(trusted_keys(data_dir, CERTIFICATES))  # trainer PCs: their merges need no vouching
    waiting = database.execute_sql(
        "SELECT i.batch_id, i.row_count FROM sync_inbox AS i LEFT JOIN sync_ingest AS g "
        f"ON g.batch_id = i.batch_id WHERE g.batch_id IS NULL OR (g.status = '{UNTRUSTED}' AND i.key_id IN "
        f"({', '.join(database.param for _ in trusted) or 'NULL'})) ORDER BY i.pushed_at, i.batch_id",
        tuple(trusted)).fetchall()
    merged = added = already = 0
    applied: list[AppliedMerge] = []
    withheld: list[WithheldMerge] = []
    waiting_merges: list[AppliedMerge] = []
    refused: list[RefusedRow] = []
    warnings: list[str] = []
    done = 0
    with dialect.bulk_writes():
        while done < len(waiting) and not (cancelled is not None and cancelled()):
            with database.atomic():  # a few batches per commit; each batch's verdict commits with its rows
                rows = 0
                while done < len(waiting) and rows < INGEST_ROWS:
                    batch_id, count = waiting[done]
                    outcome = _ingest_one(batch_id, trusted, authorities)
                    done += 1
                    rows += count
                    if outcome is not None:
                        merged += 1
                        added += outcome[0]
                        already += outcome[1]
                        applied += outcome[2]
                        withheld += [merge for merge in outcome[3]
                                     if all(merge.record["id"] != seen.record["id"] for seen in withheld)]
                        waiting_merges += outcome[4]
                        refused += outcome[5]
                        warnings += [outcome[6]] if outcome[6] and outcome[6] not in warnings else []
            if progress is not None:
                progress(done, len(waiting))
    settled = {(merge.from_id, merge.into_id) for merge in applied}  # a later batch may settle a wait
    still_waiting = tuple(merge for merge in waiting_merges if (merge.from_id, merge.into_id) not in settled)
    return IngestResult(merged, added, already, tuple(quarantined()), tuple(renamed(applied)),
                        tuple(withheld), still_waiting, tuple(refused), tuple(warnings))


def _ingest_one(batch_id: str, trusted: dict[str, Ed25519PublicKey], authorities: set[str] = frozenset(),
                ) -> tuple[int, int, tuple[AppliedMerge, ...], tuple[WithheldMerge, ...],
                           tuple[AppliedMerge, ...], tuple[RefusedRow, ...], str | None] | None:
    """(added, already present, profile merges new here, merges withheld, merges waiting for their
    profile's rows, rows refused, a device warning) once merged, or None when quarantined."""
    row = database.execute_sql(_sql("SELECT key_id, manifest, activities, merges, signature, device_id FROM "
                                    "sync_inbox WHERE batch_id = ?"), (batch_id,)).fetchone()
    claimed, manifest, activities, merges, signature, device = row
    label = Path(f"sync batch {batch_id[:12]}")
    installation = _signed_name(manifest)
    with database.transaction():  # the ingest's own: a merge refused part-way takes back its own writes
        forged = _forged(label, manifest, signature, claimed, device)
        if forged is not None:
            _record(batch_id, REJECTED, forged, claimed, UNKNOWN_PC)
            return None
        try:
            bundle = bundle_from_entries(label, manifest.encode("utf-8"), signature.encode("utf-8"),
                                         activities.encode("utf-8"), merges.encode("utf-8"),
                                         skip_rows_merged_before=True)
            if bundle.signer.key_id != claimed:
                raise BundleError(label, "tampered: the batch names another key than the one that signed it")
            installation = bundle.signer.installation
            if bundle.signer.key_id not in trusted:
                _record(batch_id, UNTRUSTED, untrusted_reason(bundle.signer).split(". If that PC")[0]
                        + ". A trainer can trust it: 'workbook sync --ingest --trust "
                        f"{bundle.signer.fingerprint}'", claimed, installation)
                return None
            if not bundle.rows_checked:
                _record(batch_id, MERGED, None, claimed, installation, 0, bundle.count)
                return 0, bundle.count, (), (), (), (), device_claimed(bundle)
            result = merge_bundle(bundle, authorities=authorities, join=True)  # other errors end the ingest
        except BundleError as error:
            _record(batch_id, REJECTED, error.reason, claimed, installation)
            return None
        note = "; ".join(summarized(result.refused))  # listed with the quarantined batches, named
        _record(batch_id, PARTLY if note else MERGED, note or None, claimed, installation, result.added,
                result.already_present)
    return (result.added, result.already_present, result.merges, result.withheld, result.waiting,
            result.refused, result.device_warning)


def _forged(label: Path, manifest: str, signature: str, claimed: str, device: str) -> str | None:
    """Why a batch is not one the PC it names signed (every PC shares the learner role, so anyone can
    write rows under another PC's key id), or None when its signature is that PC's."""
    try:
        signer = signer_of(label, manifest.encode("utf-8"), signature.encode("utf-8"))
        if signer.key_id == claimed:
            return None
        reason = f"signed by another key ({fingerprint(signer.key_id)})"
    except BundleError as error:
        reason = error.reason
    return (f"not a batch of the PC it names (key {fingerprint(claimed)}, device {str(device)[:12]}): "
            f"{reason}. Someone else wrote it into the inbox; it adds nothing")


def _signed_name(manifest: str) -> str:
    try:
        return str(json.loads(manifest)["signed_by"]["installation"])[:200]
    except (ValueError, KeyError, TypeError):
        return UNKNOWN_PC


def _record(batch_id: str, status: str, reason: str | None, claimed: str, installation: str,
            added: int = 0, already: int = 0) -> None:
    database.execute_sql(_sql("DELETE FROM sync_ingest WHERE batch_id = ?"), (batch_id,))
    database.execute_sql(_sql("INSERT INTO sync_ingest (batch_id, status, reason, key_id, installation, "
                              "added, already_present, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                         (batch_id, status, reason, claimed, installation, added, already, utc_now_text()))


def quarantined() -> list[Quarantined]:
    """Every batch left out, oldest first, with its reason."""
    rows = database.execute_sql(f"SELECT batch_id, installation, key_id, status, reason FROM sync_ingest "
                                f"WHERE status <> '{MERGED}' ORDER BY ingested_at, batch_id").fetchall()
    return [Quarantined(batch_id, installation, fingerprint(claimed), status, reason or "")
            for batch_id, installation, claimed, status, reason in rows]


class TrustError(ValueError):
    """No pushed batch was signed by the key the trainer named."""


def trust_batch_signer(key: str, data_dir: Path) -> tuple[str, str]:
    """Trust the PC whose batches wait in the inbox signed by `key` (key id or fingerprint); returns
    (its name, fingerprint). The public key is taken from a batch's signature and checked against
    the id, so only the key the trainer read out is trusted."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    wanted = key.replace("-", "").strip().lower()
    claiming = 0
    for manifest, signature in database.execute_sql(
            _sql("SELECT manifest, signature FROM sync_inbox WHERE key_id = ?"), (wanted,)).fetchall():
        claiming += 1
        try:  # rows anyone wrote under this key id are passed over: only a signature by it counts
            signer = signer_of(Path("sync batch"), manifest.encode("utf-8"), signature.encode("utf-8"))
        except BundleError:
            continue
        if signer.key_id == wanted:
            public = Ed25519PublicKey.from_public_bytes(signer.public_key)
            trust_key(public, data_dir, signer.installation)
            return signer.installation, fingerprint(wanted)
    if not claiming:
        raise TrustError(f"no batch on the server is signed by the key {fingerprint(wanted)}")
    raise TrustError(f"none of the {claiming} batches naming the key {fingerprint(wanted)} is signed by it "
                     "(someone else wrote them into the inbox)")
