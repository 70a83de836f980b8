"""The certificate PDF: every script's name drawn with a font that has its glyphs, on one landscape
page of the right size, readable back by pypdf, byte-identical for identical inputs."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from msgspec.structs import replace
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape, letter

from workbook.reports.certificate import draw_certificate
from workbook.reports.certificate_data import CallResult, CertificateData, ModuleResult, PageSetup
from workbook.reports.certificate_data import display_date as shown
from workbook.reports.fonts import ARABIC, CJK, DEVANAGARI_SERIF, SERIF, covers, runs

# name -> the face that must draw it, and whether text extraction can give it back unchanged
# (shaped Arabic and Devanagari come back as presentation forms / private-use glyphs).
NAMES = {
    "José Müller-Łukasiewicz": (SERIF, True),
    "Анна Петрова": (SERIF, True),
    "Νίκος Παπαδόπουλος": (SERIF, True),
    "李小龙": (CJK, True),
    "田中さくら": (CJK, True),
    "김민준": (CJK, True),
    "محمد علي": (ARABIC, False),
    "प्रिया शर्मा": (DEVANAGARI_SERIF, False),
}
SIZES = {"A4": landscape(A4), "Letter": landscape(letter)}


def certificate(name: str, modules: int = 8, calls: int = 10) -> CertificateData:
    return CertificateData(
        certificate_id="WB-2026-7K3Q-9XMD",
        organisation="Northwind Customer Care",
        course_title="Handling Difficult Calls: Foundations",
        learner_name=name,
        employee_id="E-10442",
        completed_on=date(2026, 11, 23),
        modules=tuple(ModuleResult(f"Module {i + 1}: keeping calm under pressure", 5 + i % 2, 6,
                                   None if i == 3 else 60 + 4 * i) for i in range(modules)),
        calls=tuple(CallResult(f"Practice call {i + 1}", "Resolved with follow-up" if i % 3 else "Hung up",
                               bool(i % 3)) for i in range(calls)),
        trainer_name="Margaret O'Neill",
        key_id="3f9a6c21d4b87e05",
        verification_code="K7QF-2MZP-9XWD",
        qr_payload="wbcert:1:WB-2026-7K3Q-9XMD:3f9a6c21d4b87e05:" + "A" * 86,
    )


def render(data: CertificateData, setup: PageSetup | None = None,
           metadata: dict[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    draw_certificate(data, out, setup or PageSetup(), metadata)
    return out.getvalue()


def embedded_fonts(reader: PdfReader) -> set[str]:
    """BaseFont names without the subset prefix, e.g. 'NotoSerif-Regular'."""
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return {str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1] for font in fonts.values()}


@pytest.mark.parametrize("name", NAMES)
def test_each_run_of_a_name_is_drawn_with_a_font_that_has_its_characters(name: str) -> None:
    expected_font, _ = NAMES[name]
    pairs = [(run.text, run.font) for run in runs(name, "serif")]
    assert "".join(text for text, _ in pairs) == name
    for text, font in pairs:
        assert covers(font, text), (text, font)
    assert {font for text, font in pairs if text.strip()} == {expected_font}


def test_mixed_text_is_split_by_script_and_the_check_mark_gets_a_font_that_has_it() -> None:
    pairs = [(run.text, run.font) for run in runs("✔ Ali علي 李 प्रिया", "sans")]
    assert "".join(text for text, _ in pairs) == "✔ Ali علي 李 प्रिया"
    assert all(covers(font, text) for text, font in pairs)
    assert {font for _, font in pairs} >= {"DejaVuSans", ARABIC, CJK, "NotoSansDevanagari-Regular"}
    assert [run.rtl for run in runs("محمد علي", "serif")] == [True]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", SIZES)
def test_certificate_is_one_landscape_page_with_the_printed_fields_and_fonts(name: str, size: str,
                                                                             tmp_path: Path) -> None:
    expected_font, extractable = NAMES[name]
    path = tmp_path / "certificate.pdf"
    draw_certificate(certificate(name), path, PageSetup(size))

    reader = PdfReader(path)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width > height
    assert (width, height) == pytest.approx(SIZES[size], abs=0.01)
    text = page.extract_text()
    for printed in ("Handling Difficult Calls: Foundations", "WB-2026-7K3Q-9XMD", shown(date(2026, 11, 23)),
                    "23 November 2026", "K7QF-2MZP-9XWD", "verify-certificate FILE.pdf"):
        assert printed in text
    if extractable:
        assert name in text
    assert expected_font in embedded_fonts(reader)
    assert "Helvetica" not in embedded_fonts(reader)  # every font used is embedded


def test_identical_inputs_give_identical_bytes_and_a_different_name_does_not() -> None:
    for name in ("محمد علي", "प्रिया शर्मा", "李小龙"):
        first, second = render(certificate(name)), render(certificate(name))
        assert first == second
    assert render(certificate("Anna")) != render(certificate("Anne"))


def test_full_record_and_many_more_rows_still_fit_on_one_page() -> None:
    for modules, calls in ((8, 10), (0, 0), (25, 30)):
        for size in SIZES:
            reader = PdfReader(io.BytesIO(render(certificate("Anna", modules, calls), PageSetup(size))))
            assert len(reader.pages) == 1
    text = PdfReader(io.BytesIO(render(certificate("Anna", 25, 30)))).pages[0].extract_text()
    assert "more" in text  # rows beyond what fits are counted, not dropped silently


def test_long_course_title_and_name_are_printed_whole() -> None:
    name = "Maximiliana Alexandrovna Konstantinopoulou-Vanderbilt de la Cruz y Montenegro"
    long = replace(certificate(name),
                   course_title="Handling Difficult, Abusive and Distressed Callers in Regulated Financial "
                                "Services: Advanced Practitioner Programme for Team Leaders and Supervisors")
    text = " ".join(PdfReader(io.BytesIO(render(long, PageSetup("Letter")))).pages[0].extract_text().split())
    assert long.course_title in text
    assert long.learner_name in text


def test_metadata_is_applied() -> None:
    metadata = {"title": "Certificate WB-1", "author": "Northwind", "subject": "Course",
                "keywords": "wbcert:record", "creator": "Difficult Calls Workbook"}
    info = PdfReader(io.BytesIO(render(certificate("Anna"), metadata=metadata))).metadata
    assert info["/Title"] == "Certificate WB-1"
    assert info["/Author"] == "Northwind"
    assert info["/Subject"] == "Course"
    assert info["/Keywords"] == "wbcert:record"
    assert info["/Creator"] == "Difficult Calls Workbook"


def test_custom_logo_is_drawn_and_the_default_mark_is_vector(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), (200, 30, 30)).save(logo)
    with_logo = PdfReader(io.BytesIO(render(certificate("Anna"), PageSetup("Letter", logo))))
    images = with_logo.pages[0].images
    assert len(images) == 1
    assert images[0].image.size == (40, 20)

    default = PdfReader(io.BytesIO(render(certificate("Anna"))))
    assert len(default.pages[0].images) == 0
