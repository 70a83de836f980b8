"""Check a certificate PDF: is it ours, signed by a key we trust, and does the page show exactly
what was signed?

1. The signed record in the PDF's metadata must verify field by field (a changed field is named).
2. The page is drawn again from the signed record alone (drawing is deterministic) and compared
   with the page in the file as a reader sees it, both read with pdfium (reports/page_check.py):
   the picture, the printed text (which also catches invisible or white text), annotations, the
   page count and box, and the logo by the digest of its pixels the record signs. Anything added,
   removed, covered or changed on the page makes it "tampered", and the message says where.
3. The document title, author and subject are derived from the record and checked too; other
   metadata (producer, dates, XMP) is ignored, so a re-save that only touches those still passes.
4. Whatever the file holds that the workbook never writes into a certificate is named: layers,
   scripts and actions, forms, attached files, encryption, a scaled page (reports/pdf_structure.py),
   objects the page drawn from the record does not have (reports/page_objects.py), font programs
   or flags other than those it embeds (reports/pdf_fonts.py: other readers may draw other glyphs
   with them), and an image or drawing too large to be ours, refused before pdfium draws it.

Only keys trusted as certificate issuers count (this PC's own, and those imported with
`--certificates`); a key trusted for progress bundles alone is named as such, never valid. A
certificate that passes all of that is then held against the register of issued certificates where
there is one (reports/register_check.py): not issued here, or superseded by a newer copy.

Where text extraction can still read a changed field (Latin, Cyrillic, CJK names), the message
names it; shaped scripts (Arabic, Devanagari) are caught by the page comparison alone.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from workbook.keys import CERTIFICATES, fingerprint, own_key_id, trusted_key_list
from workbook.reports.certificate_data import (
    CallResult,
    CertificateData,
    ModuleResult,
    PageSetup,
    display_date,
)
from workbook.reports.register_check import RegisterEntry, register_finding
from workbook.reports.signing import SignedRecord, SigningKeyError, mismatched_fields, trusted_keys

if TYPE_CHECKING:
    from workbook.reports.page_objects import PageObjects
    from workbook.reports.pdf_objects import PdfObjects
    from workbook.reports.pdf_structure import Structure

FIELD_NAMES = {
    "learner_name": "learner name", "course_title": "course title", "completed_on": "completion date",
    "certificate_id": "certificate id", "modules": "module scores", "calls": "practice-call results",
    "organisation": "organisation", "trainer_name": "trainer name", "employee_id": "employee id",
    "issued_at": "issue time", "learner_id": "learner id", "(record)": "signed record",
    "page_size": "page size", "logo_digest": "logo", "layout": "page layout",
}
STRONG_OUTCOMES = {"Resolved", "Resolved with follow-up", "Escalated appropriately"}
PAGE_SIZES = {"A4": (842.0, 595.0), "Letter": (792.0, 612.0)}  # landscape, points
_SHAPED = re.compile(r"[\u0590-\u08ff\u0900-\u0dff\ufb1d-\ufdff\ufe70-\ufeff]")
# A certificate is ~90 KB, ~1.8 MB with a 1200 x 800 photograph as its logo: nothing larger is read.
MAX_FILE_BYTES = 8 * 1024 * 1024


class Status(StrEnum):
    VALID = "valid"
    TAMPERED = "tampered"
    UNKNOWN_ISSUER = "unknown issuer"
    NOT_AN_ISSUER = "not a trusted issuer"  # a key trusted here for progress bundles only
    NOT_ISSUED_HERE = "not in the register"  # signed by a key whose register does not list it as issued
    SUPERSEDED = "superseded"  # genuine, but issued again to the same person since
    NOT_A_CERTIFICATE = "not a certificate"
    UNREADABLE = "unreadable"  # the file or the verifier's own key cannot be read


class Verification(Struct, frozen=True):
    status: Status
    message: str  # what was found, without the status word (the caller prints that)
    fields: dict[str, str] = field(default_factory=dict)
    changed: tuple[str, ...] = ()  # readable names of what no longer matches
    key_id: str | None = None


Register = Callable[[str], Sequence[RegisterEntry]]  # key id -> the issue records of that key, oldest first


def verify_certificate(path: Path, data_dir: Path, register: Register | None = None) -> Verification:
    """Never raises for a bad file: every failure is a Verification with a message. With `register`
    (the open database's issue records, workbook.store.certificates.issued_with_key), a certificate
    signed with this PC's own key, or with a key this database records certificates of, must be in
    that register as it was issued, and not superseded."""
    try:
        raw = _read(path)
    except OSError as error:
        return Verification(Status.UNREADABLE, f"{path} cannot be read: {error.strerror or error}")
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return Verification(Status.NOT_A_CERTIFICATE, f"{path} is larger than {limit} MB, far larger "
                            "than any certificate (about 100 KB, 2 MB with a large logo)")
    from workbook.reports.pdf_page import PdfUnreadable, open_document

    try:
        document = open_document(raw)
    except PdfUnreadable as error:
        return Verification(Status.NOT_A_CERTIFICATE, f"{path} cannot be read as a PDF ({error})")
    try:
        return _verify_document(path, data_dir, raw, document, register)
    except PdfUnreadable as error:
        return Verification(Status.NOT_A_CERTIFICATE, f"{path} cannot be read as a PDF ({error})")
    finally:
        document.close()


def _verify_document(path: Path, data_dir: Path, raw: bytes, document,
                     register: Register | None) -> Verification:
    from workbook.reports.pdf_page import document_metadata

    metadata = document_metadata(document)
    keywords = metadata.get("Keywords", "")
    try:
        record = SignedRecord.from_metadata(keywords)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return Verification(Status.NOT_A_CERTIFICATE,
                            f"{path} has no workbook certificate record (was it issued by the workbook?)")
    try:
        public = trusted_keys(data_dir, CERTIFICATES).get(record.key_id)
        progress_only = None if public else _trusted_for_progress_only(data_dir, record.key_id)
        own = own_key_id(data_dir) == record.key_id
    except (SigningKeyError, ValueError, OSError) as error:
        return Verification(Status.UNREADABLE, f"this installation's signing key in {data_dir} cannot be "
                            f"read ({_short(error)}); restore it from a backup or ask a trainer")
    if progress_only is not None:
        return Verification(Status.NOT_AN_ISSUER,
                            f"signed by {progress_only} ({fingerprint(record.key_id)}), a PC trusted for "
                            "progress only, not as a certificate issuer: not valid. If it is a trainer's PC "
                            "whose certificates you accept, trust it as an issuer: workbook import-key "
                            "--certificates KEY.pem (its export-key file)",
                            record.fields, key_id=record.key_id)
    if public is None:
        return Verification(Status.UNKNOWN_ISSUER,
                            f"signed by key {record.key_id}, which this installation does not know. If you "
                            "trust its issuer, import their public key: workbook import-key FILE",
                            record.fields, key_id=record.key_id)
    changed = [FIELD_NAMES.get(name, name) for name in mismatched_fields(record, public)]
    foreign: list[str] = []  # what the file holds that the workbook never writes
    if not changed:
        changed += _metadata_changes(record, metadata)
        foreign, structure = _foreign_content(raw, document)
        if structure.drawable:
            shown, on_page = _shown_changes(record, document, structure.objects)
            changed += shown
            foreign += [item for item in on_page if item not in foreign]
        if not changed and not foreign:  # hidden data: an edit that changed something leaves some too
            foreign += structure.hidden
    if changed or foreign:
        return Verification(Status.TAMPERED, _tampered_message(changed, foreign), record.fields,
                            tuple(changed + foreign), record.key_id)
    fields = record.fields
    finding = register_finding(fields, record.key_id, own, register(record.key_id)) if register else None
    if finding is not None:
        return Verification(Status.SUPERSEDED if finding.superseded else Status.NOT_ISSUED_HERE,
                            finding.message, fields, key_id=record.key_id)
    return Verification(Status.VALID, f"{fields.get('learner_name')} completed "
                        f"'{fields.get('course_title')}' on {fields.get('completed_on')} "
                        f"(certificate {fields.get('certificate_id')}, key {record.key_id})",
                        fields, key_id=record.key_id)


def _trusted_for_progress_only(data_dir: Path, signer: str) -> str | None:
    """The PC's name (quoted) when `signer` is trusted here for progress bundles but not as an issuer."""
    for entry in trusted_key_list(data_dir):
        if entry.key_id == signer and CERTIFICATES not in entry.purposes:
            # The name came from the PC itself (its bundle): no control characters reach a terminal.
            name = "".join(c if unicodedata.category(c)[0] != "C" else "?" for c in entry.name)
            return f"'{name[:80]}{'…' if len(name) > 80 else ''}'" if name else "a PC"
    return None


def _read(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)  # one byte more tells a file too large


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _tampered_message(changed: list[str], foreign: list[str]) -> str:
    parts = []
    if changed:
        verb = "matches" if len(changed) == 1 else "match"
        parts.append(f"{', '.join(changed)} no longer {verb} what was signed")
    if foreign:
        parts.append(f"the file holds what a certificate as issued never does: {', '.join(foreign)}")
    return "; ".join(parts)


def _foreign_content(raw: bytes, document) -> tuple[list[str], Structure]:
    """What the file holds that no certificate does, from its objects and from pdfium's view of the
    document, and the file's structure (whether its page may be drawn at all, its objects)."""
    from workbook.reports.pdf_structure import document_features, file_structure

    structure = file_structure(raw)
    found = list(structure.found)
    found += [item for item in document_features(document, structure.drawable) if item not in found]
    return found, structure


def _shown_changes(record: SignedRecord, document, objects_read: PdfObjects | None,
                   ) -> tuple[list[str], list[str]]:
    """What the page shows that the record did not sign (signed fields missing from its text, then
    every difference from the page drawn again from the record), and what is on the page that no
    certificate holds (a layer, objects the drawn page lacks, an image too large to draw)."""
    from workbook.reports.page_objects import object_changes, page_objects, too_heavy_to_draw
    from workbook.reports.pdf_fonts import font_changes
    from workbook.reports.pdf_page import PageTooComplex, PdfUnreadable, page_text
    from workbook.reports.pdf_structure import LAYERS

    if len(document) == 0:
        return ["page count (0 pages, a certificate has 1)"], []
    try:
        objects = page_objects(document)
        too_heavy = too_heavy_to_draw(objects)
        if too_heavy:
            return [], [too_heavy]
        if objects.total == 0:
            return [], ["a page whose content pdfium cannot read (it finds no text or drawing on it: the "
                        "page's instructions are damaged or not a certificate's)"]
        foreign = [LAYERS] if objects.marks["OC"] else []
        printed = page_text(document)
        missing = _missing_from_page(record.fields, printed)
        changes, drawn, redrawn = _page_changes(record, document)
        changes = [f"printed {FIELD_NAMES[name]}" for name in missing] + changes
        if not changes and drawn is not None:  # nothing shows, yet the page holds other objects
            foreign += [f"page objects not as the workbook draws them ({change})"
                        for change in object_changes(drawn, objects)]
            if objects_read is not None:  # what other readers may draw with them
                foreign += font_changes(redrawn, objects_read)
        return changes, foreign
    except PageTooComplex as error:
        return [], [f"page ({error})"]
    except PdfUnreadable as error:
        return [f"page (pdfium cannot read it: {error})"], []


def _missing_from_page(fields: dict[str, str], printed: str) -> list[str]:
    page = _normal(printed)
    expected = {name: fields.get(name, "") for name in ("learner_name", "course_title", "certificate_id")}
    try:
        expected["completed_on"] = display_date(date.fromisoformat(fields.get("completed_on", "")))
    except ValueError:
        return ["completed_on"]
    return [name for name, value in expected.items()
            if value and not _SHAPED.search(value) and _normal(value) not in page]


def expected_metadata(fields: dict[str, str]) -> dict[str, str]:
    """The title, author and subject a genuine certificate carries, from its signed fields."""
    try:
        completed = display_date(date.fromisoformat(fields.get("completed_on", "")))
    except ValueError:
        completed = fields.get("completed_on", "")
    return {"Title": f"Certificate of completion: {fields.get('learner_name', '')}",
            "Author": fields.get("organisation", ""),
            "Subject": f"{fields.get('course_title', '')}, completed {completed}"}


def _metadata_changes(record: SignedRecord, metadata: dict[str, str]) -> list[str]:
    names = {"Title": "document title", "Author": "document author", "Subject": "document subject"}
    return [names[key] for key, value in expected_metadata(record.fields).items()
            if str(metadata.get(key) or "") != value]


def certificate_from_record(record: SignedRecord, logo: Path | None, size: str) -> tuple[CertificateData,
                                                                                         PageSetup]:
    """The certificate's content as it was drawn, rebuilt from the signed fields alone."""
    fields = record.fields
    modules = tuple(ModuleResult(str(title), int(read), int(total), None if best is None else int(best))
                    for title, read, total, best in json.loads(fields["modules"]))
    calls = tuple(CallResult(str(title), str(outcome), outcome in STRONG_OUTCOMES)
                  for title, outcome in json.loads(fields["calls"]))
    data = CertificateData(
        certificate_id=fields["certificate_id"], organisation=fields["organisation"],
        course_title=fields["course_title"], learner_name=fields["learner_name"],
        employee_id=fields.get("employee_id") or None,
        completed_on=date.fromisoformat(fields["completed_on"]),
        modules=modules, calls=calls, trainer_name=fields["trainer_name"], key_id=record.key_id,
        verification_code=record.verification_code, qr_payload=record.qr_payload())
    layout = int(fields.get("layout", "1"))  # certificates before layout 2 did not sign it
    return data, PageSetup(size, logo, layout)  # type: ignore[arg-type]


def _page_changes(record: SignedRecord, document) -> tuple[list[str], PageObjects | None, bytes]:
    """Draw the page again from the record and name what differs on the page in the file; also
    what pdfium finds on the page drawn (None when it could not be drawn) and the PDF drawn."""
    from workbook.reports.certificate import draw_certificate
    from workbook.reports.page_check import differences
    from workbook.reports.page_objects import page_objects
    from workbook.reports.pdf_logo import extract_logo
    from workbook.reports.pdf_page import open_document, read_page

    fields = record.fields
    size = fields.get("page_size") or _page_size_of(read_page(document, draw=False).size)
    if size not in PAGE_SIZES or fields.get("layout", "1") not in ("1", "2", "3", "4"):
        return ["page size or layout"], None, b""
    actual = read_page(document, as_printed=True)
    try:
        with tempfile.TemporaryDirectory(prefix="workbook-verify-") as folder:
            logo = None
            if fields.get("logo_digest", ""):
                logo = extract_logo(document, Path(folder))
                if logo is None or _digest(logo) != fields["logo_digest"]:
                    return ["logo"], None, b""
            data, setup = certificate_from_record(record, logo, size)
            redrawn = BytesIO()
            draw_certificate(data, redrawn, setup)
    except (KeyError, ValueError, TypeError) as error:
        return [f"page (the signed record cannot be drawn again: {_short(error)})"], None, b""
    drawn = open_document(redrawn.getvalue())
    try:
        expected = read_page(drawn, with_runs=True)
        drawn_objects = page_objects(drawn)
    finally:
        drawn.close()
    changes = [f"{d.part} ({d.detail})" for d in differences(expected, actual)]
    return changes, drawn_objects, redrawn.getvalue()


def _digest(logo: Path) -> str:
    """The logo file's pixel digest, or "" when the image taken from the file cannot be decoded."""
    from workbook.reports.logo_digest import logo_file_digest

    try:
        return logo_file_digest(logo)
    except Exception:  # Pillow raises many kinds (and DecompressionBombError) on a hostile image
        return ""


def _page_size_of(size: tuple[float, float]) -> str:
    """Older certificates did not sign their page size: read it from the page box."""
    for name, (w, h) in PAGE_SIZES.items():
        if abs(size[0] - w) < 1 and abs(size[1] - h) < 1:
            return name
    return "?"
