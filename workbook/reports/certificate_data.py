"""What a certificate says: plain data, filled by the completion rules and signed before drawing.

Kept apart from the drawing code so that signing, verification and the layout agree on one set
of fields.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from msgspec import Struct

PageSize = Literal["A4", "Letter"]


class ModuleResult(Struct, frozen=True):
    title: str
    sections_read: int
    sections_total: int
    quiz_best: int | None  # percent; None when the module has no quiz


class CallResult(Struct, frozen=True):
    title: str
    outcome: str  # the best ending's label, e.g. "Resolved with follow-up"
    strong: bool  # a good outcome (resolved or escalated appropriately)


class CertificateData(Struct, frozen=True):
    certificate_id: str  # e.g. "WB-2026-7K3Q-9XMD"
    organisation: str
    course_title: str
    learner_name: str
    employee_id: str | None
    completed_on: date
    modules: tuple[ModuleResult, ...]
    calls: tuple[CallResult, ...]
    trainer_name: str
    key_id: str  # which installation signed it (16 hex characters)
    verification_code: str  # short code a person can read out, e.g. "K7QF-2MZP-9XWD"
    qr_payload: str  # what the QR code carries (id, key id, signature)


class PageSetup(Struct, frozen=True):
    size: PageSize = "A4"
    logo: Path | None = None  # PNG or JPEG; None draws the bundled default mark
    layout: int = 4  # the page layout's version (signed, so verification redraws the same page)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def display_date(day: date) -> str:
    """How dates are printed on certificates, e.g. '23 November 2026' (and checked on verify).

    Spelled out here rather than with `%B`, which follows the process locale: Qt sets it, so a
    certificate issued under de_DE would print 'Dezember' and fail verification anywhere else."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
