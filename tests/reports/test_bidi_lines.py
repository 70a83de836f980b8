"""Right-to-left and mixed lines in the PDFs, put in order by python-bidi: each test draws a line,
reads the PDF back and checks which piece of text sits where, left to right."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from workbook.reports.certificate import draw_certificate
from workbook.reports.certificate_data import CertificateData, PageSetup
from workbook.reports.fonts import ARABIC, draw_text, legacy_run_order, register_fonts


def certificate(name: str) -> CertificateData:
    return CertificateData(
        certificate_id="WB-2026-7K3Q-9XMD", organisation="Northwind Customer Care",
        course_title="Handling Difficult Calls: Foundations", learner_name=name, employee_id=None,
        completed_on=date(2026, 11, 23), modules=(), calls=(), trainer_name="Margaret O'Neill",
        key_id="3f9a6c21d4b87e05", verification_code="K7QF-2MZP-9XWD",
        qr_payload="wbcert:1:WB-2026-7K3Q-9XMD:3f9a6c21d4b87e05:" + "A" * 86)


def drawn_pieces(pdf: bytes) -> list[tuple[float, str, str]]:
    """(x, font, text) of every string the first page draws, text NFKC-normalised so that shaped
    Arabic (presentation forms) reads as plain letters. pypdf hands a string of right-to-left
    letters back reversed: drawn in visual order, it reads back in reading order."""
    pieces: list[tuple[float, str, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            text = unicodedata.normalize("NFKC", text).strip("\n")
            pieces.append((round(tm[4] * cm[0] + cm[4], 2), name, text))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return pieces


def line_pdf(text: str, legacy: bool = False) -> bytes:
    out = io.BytesIO()
    register_fonts()
    canvas = Canvas(out, invariant=1)
    with legacy_run_order(legacy):
        draw_text(canvas, text, 100, 400, 14, "sans")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def left_to_right(text: str, legacy: bool = False) -> list[tuple[str, str]]:
    return [(font, piece) for _, font, piece in sorted(drawn_pieces(line_pdf(text, legacy)))]


def letters(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch)[0] == "L"}


def test_digits_inside_arabic_read_left_to_right_between_the_words():
    pieces = left_to_right("محمد 25 علي")  # reading order: Muhammad, 25, Ali
    fonts = [font for font, _ in pieces]
    texts = [text for _, text in pieces]
    assert any(text.strip() == "25" for text in texts)  # the number keeps its own order, not "52"
    number = next(i for i, text in enumerate(texts) if text.strip() == "25")
    arabic = [i for i, font in enumerate(fonts) if font == ARABIC]
    assert arabic and min(arabic) < number < max(arabic)
    rightmost = " ".join(texts[i] for i in arabic if i > number)
    leftmost = " ".join(texts[i] for i in arabic if i < number)
    assert letters("محمد") <= letters(rightmost)  # the first word read is the rightmost
    assert letters("علي") <= letters(leftmost)


def test_a_number_after_arabic_in_a_latin_line_joins_the_arabic_side():
    """Unicode bidi rule W2: a number after an Arabic letter is an Arabic number, so the comma
    between them is right-to-left too, and the number lands left of the Arabic word."""
    pieces = left_to_right("Ali علي, 12")
    joined = "".join(text for _, text in pieces)
    assert joined.startswith("Ali 12 ,")
    assert pieces[-1][0] == ARABIC


def test_latin_in_brackets_inside_arabic_keeps_its_brackets_the_right_way_round():
    pieces = left_to_right("شركة (ABC) 24")  # reading order: company, (ABC), 24
    assert "".join(text for _, text in pieces) == "24 (ABC)شركة"
    assert pieces[-1][0] == ARABIC


def test_latin_in_brackets_inside_hebrew_keeps_its_brackets_the_right_way_round():
    pieces = left_to_right("שרה (Dana) 3")
    assert pieces[0][1] == "3 (Dana"  # Latin and digits as drawn; the Hebrew part reads back reversed
    assert "".join(text for _, text in pieces[1:]) == ") שרה"


def test_hebrew_is_drawn_in_visual_order():
    assert left_to_right("דוד כהן") == [("DejaVuSans", "דוד כהן")]


def test_hebrew_name_on_a_certificate_reads_back_in_visual_order():
    out = io.BytesIO()
    draw_certificate(certificate("דוד כהן"), out, PageSetup())
    assert "דוד כהן" in [text for _, _, text in drawn_pieces(out.getvalue())]


def test_certificates_of_earlier_layouts_are_drawn_as_they_were_issued():
    """Verification draws a certificate again with its own layout: a layout 3 page keeps the old run
    order (runs of Hebrew were drawn unreversed then), so genuine old certificates stay valid."""
    assert left_to_right("דוד כהן", legacy=True) == [("DejaVuSans", "ןהכ דוד")]
    out = io.BytesIO()
    draw_certificate(certificate("דוד כהן"), out, PageSetup(layout=3))
    assert "ןהכ דוד" in [text for _, _, text in drawn_pieces(out.getvalue())]
    assert line_pdf("محمد علي", legacy=True) == line_pdf("محمد علي")  # a one-direction name: no change
