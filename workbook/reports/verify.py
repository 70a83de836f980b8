"""Check a certificate PDF: is it ours, signed by a key we trust, and unchanged since signing?

Two checks: the signed record in the PDF's metadata must verify field by field, and the fields a
reader sees on the page (name, course, date, id) must still be printed there. Right-to-left and
Devanagari text is shaped into glyph forms that text extraction cannot give back, so the printed
check skips those fields; their signed values are still verified.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from workbook.reports.certificate_data import display_date
from workbook.reports.signing import SignedRecord, mismatched_fields, trusted_keys

FIELD_NAMES = {
    "learner_name": "learner name", "course_title": "course title", "completed_on": "completion date",
    "certificate_id": "certificate id", "modules": "module scores", "calls": "practice-call results",
    "organisation": "organisation", "trainer_name": "trainer name", "employee_id": "employee id",
    "issued_at": "issue time", "learner_id": "learner id", "(record)": "signed record",
}
_SHAPED = re.compile(r"[\u0590-\u08ff\u0900-\u0dff\ufb1d-\ufdff\ufe70-\ufeff]")


class Status(StrEnum):
    VALID = "valid"
    TAMPERED = "tampered"
    UNKNOWN_ISSUER = "unknown issuer"
    NOT_A_CERTIFICATE = "not a certificate"


@dataclass(frozen=True)
class Verification:
    status: Status
    message: str
    fields: dict[str, str] = field(default_factory=dict)
    changed: tuple[str, ...] = ()  # readable names of the fields that no longer match
    key_id: str | None = None


def verify_certificate(path: Path, data_dir: Path) -> Verification:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(str(path))
        keywords = (reader.metadata or {}).get("/Keywords") or ""
        printed = " ".join(page.extract_text() or "" for page in reader.pages)
    except (OSError, ValueError, PdfReadError) as error:
        return Verification(Status.NOT_A_CERTIFICATE, f"{path} cannot be read as a PDF: {error}")
    try:
        record = SignedRecord.from_metadata(str(keywords))
    except (ValueError, KeyError, TypeError):
        return Verification(Status.NOT_A_CERTIFICATE,
                            f"{path} has no workbook certificate record (was it issued by the workbook?)")
    public = trusted_keys(data_dir).get(record.key_id)
    if public is None:
        return Verification(Status.UNKNOWN_ISSUER,
                            f"signed by key {record.key_id}, which this installation does not know. If you "
                            "trust its issuer, import their public key: python main.py import-key FILE",
                            record.fields, key_id=record.key_id)
    changed = [FIELD_NAMES.get(name, name) for name in mismatched_fields(record, public)]
    changed += [f"printed {FIELD_NAMES[name]}" for name in _missing_from_page(record.fields, printed)]
    if changed:
        return Verification(Status.TAMPERED, f"tampered: {', '.join(changed)} no longer "
                            f"match{'es' if len(changed) == 1 else ''} what was signed",
                            record.fields, tuple(changed), record.key_id)
    fields = record.fields
    return Verification(Status.VALID, f"valid: {fields.get('learner_name')} completed "
                        f"'{fields.get('course_title')}' on {fields.get('completed_on')} "
                        f"(certificate {fields.get('certificate_id')}, key {record.key_id})",
                        fields, key_id=record.key_id)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _missing_from_page(fields: dict[str, str], printed: str) -> list[str]:
    page = _normal(printed)
    expected = {name: fields.get(name, "") for name in ("learner_name", "course_title", "certificate_id")}
    try:
        expected["completed_on"] = display_date(date.fromisoformat(fields.get("completed_on", "")))
    except ValueError:
        return ["completed_on"]
    return [name for name, value in expected.items()
            if value and not _SHAPED.search(value) and _normal(value) not in page]
