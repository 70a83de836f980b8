"""Issue a certificate: check eligibility, sign the fields, draw the PDF, record that it was issued.

Shared by the app's "Get certificate" and `workbook certificate`, so both give the same
document and the same refusal reasons. Under a fixed clock and key the PDF is byte-identical.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.core.activity import Verb
from workbook.core.completion import Eligibility, LearnerRecord, check_eligibility, required_modules
from workbook.core.content import Library
from workbook.core.scenario import EndingKind
from workbook.files import atomic_writer
from workbook.reports.certificate_data import (
    CallResult,
    CertificateData,
    ModuleResult,
    PageSetup,
    display_date,
)
from workbook.reports.logo_digest import logo_file_digest
from workbook.store import settings as stored_settings
from workbook.store.activity import record_activity
from workbook.store.certificates import issued_certificates as issued_certificates  # for the app's lists
from workbook.store.learner_progress import learner_record
from workbook.store.learners import get_learner

if TYPE_CHECKING:  # the signing code (cryptography: ~10 MiB) loads when a certificate is issued
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from workbook.reports.signing import SignedRecord

ORGANISATION = "certificate.organisation"
TRAINER = "certificate.trainer"
PAGE_SIZE = "certificate.page_size"
LOGO = "certificate.logo"


class NotEligible(Exception):
    """The learner has not done what the course requires; `eligibility` says what is missing."""

    def __init__(self, eligibility: Eligibility) -> None:
        super().__init__("; ".join(eligibility.reasons()) or "the content has no course file")
        self.eligibility = eligibility


class CertificateSettings(Struct, frozen=True):
    organisation: str
    trainer: str
    page_size: str = "A4"
    logo: Path | None = None


def certificate_settings(library: Library) -> CertificateSettings:
    """Saved settings, falling back to the course file's organisation and trainer."""
    course = library.course
    logo = stored_settings.get_setting(LOGO)
    size = stored_settings.get_setting(PAGE_SIZE, "A4")
    return CertificateSettings(
        organisation=stored_settings.get_setting(ORGANISATION) or (course.organisation if course else ""),
        trainer=stored_settings.get_setting(TRAINER) or (course.trainer if course else ""),
        page_size=size if size in ("A4", "Letter") else "A4",
        logo=Path(logo) if logo and Path(logo).is_file() else None)


def save_certificate_settings(chosen: CertificateSettings) -> None:
    stored_settings.set_setting(ORGANISATION, chosen.organisation)
    stored_settings.set_setting(TRAINER, chosen.trainer)
    stored_settings.set_setting(PAGE_SIZE, chosen.page_size)
    stored_settings.set_setting(LOGO, str(chosen.logo) if chosen.logo else "")


def eligibility_for(library: Library, learner_id: str, record: LearnerRecord | None = None) -> Eligibility:
    """`record`: the learner's verified record when the caller has it (replaying it is the cost)."""
    if library.course is None:
        return Eligibility(())
    return check_eligibility(library.course, library, record or learner_record(library, learner_id))


def certificate_id(learner_id: str, issued_at: datetime, signer: str) -> str:
    digest = hashlib.sha256(f"{learner_id}|{issued_at.isoformat()}|{signer}".encode()).digest()
    code = base64.b32encode(digest[:5]).decode()
    return f"WB-{issued_at:%Y}-{code[:4]}-{code[4:8]}"


def build_certificate(library: Library, learner_id: str, record: LearnerRecord, chosen: CertificateSettings,
                      key: Ed25519PrivateKey, issued_at: datetime) -> tuple[CertificateData, SignedRecord]:
    """The certificate's content and its signature (pure apart from reading the learner's name)."""
    learner = get_learner(learner_id)
    course = library.course
    modules = tuple(ModuleResult(m.title, min(record.reading[m.id].read, len(m.sections)), len(m.sections),
                                 record.quiz_best.get(m.id) if m.quiz else None)
                    for m in required_modules(course, library))
    calls = []
    for scenario in library.scenarios:
        outcomes = record.calls.get(scenario.id, [])
        best = max(outcomes, key=lambda o: (o.strong, o.skill_score), default=None)
        if best is not None and best.kind:
            kind = EndingKind(best.kind)
            calls.append(CallResult(scenario.title, kind.label, kind.strong))
    from workbook.reports.signing import key_id, sign_fields

    signer = key_id(key.public_key())
    identity = certificate_id(learner_id, issued_at, signer)
    completed_on = issued_at.astimezone(UTC).date()
    fields = {
        "certificate_id": identity, "learner_id": learner_id, "learner_name": learner.display_name,
        "employee_id": learner.employee_id or "", "course_title": course.title,
        "completed_on": completed_on.isoformat(), "organisation": chosen.organisation,
        "trainer_name": chosen.trainer, "issued_at": issued_at.astimezone(UTC).isoformat(),
        "modules": json.dumps([[m.title, m.sections_read, m.sections_total, m.quiz_best] for m in modules],
                              ensure_ascii=False),
        "calls": json.dumps([[c.title, c.outcome] for c in calls], ensure_ascii=False),
        # How the page was set up, so verification can draw it again and compare it mark by mark.
        "page_size": chosen.page_size, "layout": str(PageSetup().layout),
        "logo_digest": logo_file_digest(chosen.logo) if chosen.logo else "",
    }
    signed = sign_fields(fields, key)
    data = CertificateData(
        certificate_id=identity, organisation=chosen.organisation, course_title=course.title,
        learner_name=learner.display_name, employee_id=learner.employee_id, completed_on=completed_on,
        modules=modules, calls=tuple(calls), trainer_name=chosen.trainer, key_id=signed.key_id,
        verification_code=signed.verification_code, qr_payload=signed.qr_payload())
    return data, signed


def metadata_for(data: CertificateData, signed: SignedRecord) -> dict[str, str]:
    return {"title": f"Certificate of completion: {data.learner_name}", "author": data.organisation,
            "subject": f"{data.course_title}, completed {display_date(data.completed_on)}",
            "keywords": signed.to_metadata(), "creator": "Difficult Calls Workbook"}


class IssuedCertificate(Struct, frozen=True):
    certificate_id: str
    path: Path
    data: CertificateData


def issue_certificate(library: Library, learner_id: str, data_dir: Path, out: Path,
                      now: datetime | None = None, key: Ed25519PrivateKey | None = None,
                      chosen: CertificateSettings | None = None) -> IssuedCertificate:
    """Refuses with NotEligible; otherwise writes `out` atomically and records the issue."""
    record = learner_record(library, learner_id)  # judged and printed from the same replay
    eligibility = eligibility_for(library, learner_id, record)
    if not eligibility.eligible:
        raise NotEligible(eligibility)
    from workbook.reports.certificate import draw_certificate  # reportlab loads only when drawing
    from workbook.reports.signing import load_or_create_key

    issued_at = (now or datetime.now(UTC)).replace(microsecond=0)
    key = key or load_or_create_key(data_dir)
    chosen = chosen or certificate_settings(library)
    data, signed = build_certificate(library, learner_id, record, chosen, key, issued_at)
    out = Path(out)
    with atomic_writer(out) as handle:
        draw_certificate(data, handle, PageSetup(chosen.page_size, chosen.logo), metadata_for(data, signed))
    record_activity(learner_id, Verb.CERTIFICATE_ISSUED, f"certificate/{library.course.id}", now=issued_at,
                    attempt_id=data.certificate_id,
                    payload={"certificate_id": data.certificate_id, "key_id": signed.key_id,
                             "fields": signed.fields, "file": out.name})
    return IssuedCertificate(data.certificate_id, out, data)
