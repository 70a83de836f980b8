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


@pytest.mark.parametrize("variant", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_lesson_callouts_are_readable_in_both_variants(variant):
    """Each callout's title, body text and example quotes keep 4.5:1 on the box's own background."""
    for kind in theme.CALLOUT_KINDS:
        background = variant[kind.upper() + "_BG"]
        for text in (kind.upper(), "TEXT", "QUOTE", "HEADING2"):
            ratio = _contrast(variant[text], background)
            assert ratio >= 4.5, f"{kind}: {text} on its box: {ratio:.1f}:1"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_score_colours_are_readable_text(dark):
    """A CSAT or a skill score in its band's colour reads on the card in both variants."""
    theme.use_dark(dark)
    try:
        for percent in (100, 80, 79, 50, 49, 0):
            assert _contrast(theme.score_colour(percent), theme.CARD) >= 4.5, percent
    finally:
        theme.use_dark(False)


def test_the_dark_reader_draws_callouts_on_dark_boxes(qtbot, library):
    """The example, "Say this" and "Avoid saying" boxes of a real section take the dark variant's colours,
    and the text inside them is the variant's text colour, not the light one."""
    from workbook.core.markdown_render import CALLOUTS, render_html

    section = next(s for m in library.modules for s in m.sections
                   if all(f":::{kind}" in s.markdown for kind in ("say", "avoid", "example")))
    theme.use_dark(True)
    try:
        html = render_html(section.markdown, None, theme.callout_colours())
        for kind in ("say", "avoid", "example"):
            assert f'bgcolor="{theme.DARK[kind.upper() + "_BG"]}"' in html
            assert CALLOUTS[kind].background not in html
            assert _luminance(theme.DARK[kind.upper() + "_BG"]) < 0.1
        assert f"color: {theme.DARK['TEXT']};" in html and "#1f2d3d" not in html
    finally:
        theme.use_dark(False)
    assert CALLOUTS["say"].background in render_html(section.markdown)  # light by default


def test_a_disabled_primary_button_does_not_look_pressable(qtbot):
    """Disabled, the blue "Get certificate" button loses its fill: grey text on the track colour."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QPushButton

    for dark in (False, True):
        theme.use_dark(dark)
        try:
            button = QPushButton("Get certificate\u2026")
            button.setObjectName("primary")
            button.setStyleSheet(theme.app_style())
            qtbot.addWidget(button)
            button.resize(160, 32)
            enabled = button.grab().toImage()
            button.setEnabled(False)
            disabled = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
            centre = disabled.pixelColor(6, 16).name()
            assert centre == theme.TRACK, (dark, centre)
            assert enabled.pixelColor(6, 16).name() == theme.ACCENT
        finally:
            theme.use_dark(False)


def test_a_focused_drop_down_draws_a_focus_ring(qtbot):
    """A matching question's drop-downs show which one has the keyboard (they showed nothing)."""
    from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

    host = QWidget()
    host.setStyleSheet(theme.app_style())
    first, second = QComboBox(), QComboBox()
    for combo in (first, second):
        combo.addItems(["Choose\u2026", "Reflect the feeling"])
    layout = QVBoxLayout(host)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)

    def edge(combo) -> str:
        image = combo.grab().toImage()
        return image.pixelColor(image.width() // 2, 1).name()

    assert edge(first) == theme.ACCENT and edge(second) != theme.ACCENT


@pytest.mark.parametrize("dark", [False, True])
def test_the_trainer_skills_chart_takes_the_theme_background(qtbot, dark):
    """The on-screen chart is the report's picture on a light theme; on a dark one it is drawn on the
    card's colour with the theme's text, not as a white box."""
    from PySide6.QtGui import QColor

    from workbook.ui.trainer.skill_chart import SkillChart

    was_dark = theme.is_dark()
    theme.use_dark(dark)
    try:
        chart = SkillChart()
        qtbot.addWidget(chart)
        chart.resize(382, 245)
        chart.show_scores({"empathy": 85, "de-escalation": 40})
        corner = chart.grab().toImage().pixelColor(5, 30)
        assert corner == QColor("white" if not dark else theme.CARD)
    finally:
        theme.use_dark(was_dark)
