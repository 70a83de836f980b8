"""The light and dark variants keep text readable (WCAG 4.5:1 on cards and pages), the dark one has
no light surface left in the style sheet, and the bundled fonts are registered with Qt."""

from __future__ import annotations

import re

import pytest

from workbook.paths import bundled_assets_dir
from workbook.ui import theme


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("variant", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_text_colours_are_readable_on_cards_and_pages(variant):
    for text in ("TEXT", "MUTED", "SUCCESS", "WARNING", "CAUTION", "HEADING", "HEADING2", "QUOTE"):
        for background in ("CARD", "SURFACE", "CALLER", "SELECTED"):
            ratio = _contrast(variant[text], variant[background])
            assert ratio >= 4.5, f"{text} on {background}: {ratio:.1f}:1"
    assert _contrast(variant["ON_ACCENT"], variant["ACCENT"]) >= 4.5


def test_the_dark_style_sheet_has_no_light_surfaces():
    theme.use_dark(True)
    try:
        style, css = theme.app_style(), theme.reader_css()
        assert theme.DARK["MUTED"] == theme.MUTED  # pages read the chosen variant
    finally:
        theme.use_dark(False)
    for colour in re.findall(r"#[0-9a-fA-F]{6}", style + css):
        if colour.lower() != theme.DARK["ON_ACCENT"]:
            assert _luminance(colour) < 0.75 or colour in (theme.DARK["TEXT"], theme.DARK["QUOTE"]), colour
    assert "white" not in style
    assert theme.app_style() == theme.APP_STYLE  # light again


def test_the_bundled_fonts_are_registered(qapp):
    from PySide6.QtGui import QFontDatabase

    from workbook.ui.fonts import register_bundled_fonts

    added = register_bundled_fonts(bundled_assets_dir())
    assert {"Noto Sans Devanagari", "Noto Naskh Arabic", "Droid Sans Fallback"} <= set(added)
    assert "Noto Sans Devanagari" in QFontDatabase.families()
