"""Certificates for every eligible learner of a cohort, in one job that can be stopped.

What "stopped without leaving half a change" means here: each learner is one complete change (the
PDF written atomically by `issue_certificate`, then the issue recorded). Cancelling is honoured
between learners, never inside one, so a stop leaves some certificates fully issued, and the rest
not started: no PDF without its record, no record without its PDF. Undoing the issued ones would
be wrong: a certificate already issued is a fact (it may be printed or mailed by then), and it is
listed in the result so the trainer knows exactly which were done.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.core.cancel import Cancelled
from workbook.core.completion import Eligibility
from workbook.core.content import Library
from workbook.reports.issue import (
    CertificateSettings,
    NotEligible,
    certificate_settings,
    eligibility_for,
    issue_certificate,
)
from workbook.store.certificates import issued_certificates
from workbook.store.learners import get_learner
from workbook.store.merges import survivor_of

if TYPE_CHECKING:  # the signing code (cryptography) loads when a batch runs, not with the trainer's view
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

MAX_STEM = 60  # characters of the learner's name kept in a file name


class Outcome(StrEnum):
    ISSUED = "issued"
    NOT_ELIGIBLE = "not eligible"
    ALREADY_CERTIFIED = "already certified"  # skipped unless a re-issue was asked for
    NOT_REACHED = "not reached"  # the job was cancelled before this learner
    FAILED = "failed"  # an error (unknown learner, disk full...); nothing of it was kept


class LearnerOutcome(Struct, frozen=True):
    learner_id: str
    name: str
    outcome: Outcome
    certificate_id: str | None = None
    path: Path | None = None
    reasons: tuple[str, ...] = ()  # why not eligible, or the error


class BatchResult(Struct, frozen=True):
    outcomes: tuple[LearnerOutcome, ...]
    cancelled: bool

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome)

    @property
    def issued(self) -> int:
        return self._count(Outcome.ISSUED)

    @property
    def not_eligible(self) -> int:
        return self._count(Outcome.NOT_ELIGIBLE)

    @property
    def already_certified(self) -> int:
        return self._count(Outcome.ALREADY_CERTIFIED)

    @property
    def not_reached(self) -> int:
        return self._count(Outcome.NOT_REACHED)

    @property
    def failed(self) -> int:
        return self._count(Outcome.FAILED)

    def summary(self) -> str:
        parts = [f"{self.issued} issued", f"{self.not_eligible} not eligible"]
        if self.already_certified:
            parts.append(f"{self.already_certified} already certified")
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.cancelled:
            parts.append(f"canceled: {self.not_reached} not reached")
        return ", ".join(parts)


class Candidate(Struct, frozen=True):
    """A cohort member as a batch would find them now: whether they would get a certificate, and if
    not, why (the rules still open, or the certificate they already hold)."""

    learner_id: str
    name: str
    eligibility: Eligibility | None = None  # None: no such profile
    holds: str | None = None  # the newest certificate already issued: skipped unless re-issued

    @property
    def gets_one(self) -> bool:
        return self.holds is None and self.eligibility is not None and self.eligibility.eligible


def check_cohort(library: Library, learner_ids: Sequence[str], reissue: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[Candidate]:
    """What `issue_for_cohort` would do for each learner, without writing anything: asked before a
    batch, so that with nobody eligible the trainer is told who misses what instead of being asked
    for a folder to put nothing in. Raises `Cancelled` when `cancelled()` says so."""
    ids = list(dict.fromkeys(survivor_of(learner_id) for learner_id in learner_ids))
    found = []
    for done, learner_id in enumerate(ids):
        if cancelled is not None and cancelled():
            raise Cancelled("cancelled: nothing was checked further")
        learner = get_learner(learner_id)
        if learner is None:
            found.append(Candidate(learner_id, learner_id))
            continue
        held = [] if reissue else issued_certificates(learner_id)
        if held:
            found.append(Candidate(learner_id, _shown_name(learner), holds=held[0].certificate_id))
        else:
            found.append(Candidate(learner_id, _shown_name(learner), eligibility_for(library, learner_id)))
        if progress is not None:
            progress(done + 1, len(ids))
    return found


def _shown_name(learner) -> str:
    """The name as the trainer sees it: an archived profile is marked, never hidden."""
    return learner.display_name + (" (archived)" if learner.archived_at is not None else "")


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def file_stem(name: str) -> str:
    """A file-name-safe form of a learner's name on Windows, macOS and Linux, in the name's own script."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub(" ", text)
    text = "-".join(text.split()).strip(".-")[:MAX_STEM].rstrip(".-")
    return text or "learner"  # the "-certificate.pdf" ending keeps CON, NUL... from being device names


def unique_path(folder: Path, stem: str, taken: set[str]) -> Path:
    """`stem-certificate.pdf`, or with -2, -3... when this job or an earlier one used the name."""
    present = {path.name.casefold() for path in folder.iterdir()}  # Windows and macOS ignore case
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        name = f"{stem}{suffix}-certificate.pdf"
        if name.casefold() not in taken and name.casefold() not in present:
            taken.add(name.casefold())
            return folder / name
        number += 1


def issue_for_cohort(library: Library, learner_ids: Sequence[str], data_dir: Path, out_dir: Path,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, now: datetime | None = None,
                     key: Ed25519PrivateKey | None = None, chosen: CertificateSettings | None = None,
                     reissue: bool = False) -> BatchResult:
    """Issue a certificate into `out_dir` for each eligible learner, in order; see the module notes.

    Learners who already hold a certificate are skipped unless `reissue` is set, so running the job
    twice does not certify everyone twice. `progress(done, total)` is called after each learner;
    `cancelled()` is asked before each one. Existing files in `out_dir` are never overwritten.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    from workbook.reports.signing import load_or_create_key

    key = key or load_or_create_key(data_dir)
    chosen = chosen or certificate_settings(library)
    ids = list(dict.fromkeys(survivor_of(learner_id) for learner_id in learner_ids))
    taken: set[str] = set()
    outcomes: list[LearnerOutcome] = []
    stopped = False
    for done, learner_id in enumerate(ids):
        learner = get_learner(learner_id)
        name = _shown_name(learner) if learner is not None else learner_id
        if stopped or (cancelled is not None and cancelled()):
            stopped = True
            outcomes.append(LearnerOutcome(learner_id, name, Outcome.NOT_REACHED))
            continue
        held = issued_certificates(learner_id) if learner is not None and not reissue else []
        if held:
            newest = held[0]
            outcomes.append(LearnerOutcome(
                learner_id, name, Outcome.ALREADY_CERTIFIED, newest.certificate_id,
                reasons=(f"holds {newest.certificate_id} (issued {newest.issued_at[:10]}); "
                         "ask for a re-issue to give a new one",)))
        else:
            outcomes.append(_issue_one(library, learner_id, name, learner is not None, data_dir, out_dir,
                                       taken, now, key, chosen))
        if progress is not None:
            progress(done + 1, len(ids))
    return BatchResult(tuple(outcomes), stopped)


def _issue_one(library: Library, learner_id: str, name: str, exists: bool, data_dir: Path, out_dir: Path,
               taken: set[str], now: datetime, key: Ed25519PrivateKey,
               chosen: CertificateSettings) -> LearnerOutcome:
    if not exists:
        return LearnerOutcome(learner_id, name, Outcome.FAILED, reasons=("no such learner profile",))
    out = unique_path(out_dir, file_stem(name.removesuffix(" (archived)")), taken)
    try:
        issued = issue_certificate(library, learner_id, data_dir, out, now=now, key=key, chosen=chosen)
    except NotEligible as refusal:
        reasons = tuple(refusal.eligibility.reasons()) or ("the content has no course file",)
        return LearnerOutcome(learner_id, name, Outcome.NOT_ELIGIBLE, reasons=reasons)
    except Exception as error:  # one learner's failure is reported; the others still get theirs
        # The PDF is renamed into place before the issue is recorded: if recording failed, the
        # file must go too, or it would be a certificate the app knows nothing about.
        out.unlink(missing_ok=True)
        return LearnerOutcome(learner_id, name, Outcome.FAILED, reasons=(str(error) or type(error).__name__,))
    return LearnerOutcome(learner_id, name, Outcome.ISSUED, issued.certificate_id, issued.path)
