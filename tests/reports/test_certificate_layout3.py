"""Layout 3: a long practice-call title wraps onto two lines instead of ending in "…", older layouts
draw as they were issued, and the PDF's creation date is the certificate's date."""

from __future__ import annotations

import io

from msgspec.structs import replace
from pypdf import PdfReader
from reports.test_certificate_render import certificate, render

from workbook.reports.certificate import VERIFY_LINES
from workbook.reports.certificate_data import CallResult, PageSetup

LONG = "A card blocked abroad, ten minutes before the hotel gives the room to somebody else"


def _text(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_a_long_call_title_wraps_instead_of_being_cut():
    data = replace(certificate("Priya Sharma", calls=3),
                   calls=(CallResult(LONG, "Resolved with follow-up", True),
                          *certificate("x", calls=2).calls))
    text = _text(render(data))
    assert PageSetup().layout >= 3 and 3 in VERIFY_LINES
    for word in LONG.split():
        assert word in text
    assert "\u2026" not in text and "somebody else" in text


def test_layout_two_still_draws_as_issued():
    data = replace(certificate("Priya Sharma", calls=1), calls=(CallResult(LONG, "Resolved", True),))
    assert "\u2026" in _text(render(data, PageSetup(layout=2)))  # the old page, cut as it was


def test_the_pdf_is_dated_with_the_certificate_not_2000():
    data = certificate("Priya Sharma")
    pdf = render(data)
    created = PdfReader(io.BytesIO(pdf)).metadata.creation_date
    assert created.date() == data.completed_on
    assert render(data) == pdf  # still the same bytes for the same certificate
