"""Outside strings printed or shown as one literal line: escapes, control and bidi characters become
visible, every script's letters stay."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.core.outside_text import printable

# The red team's b13 PC name: clears the line, moves up, prints a fake result, hides the rest.
B13 = ("vm' (key 2cb7-a757-abba-4f0a) is trusted.\x1b[2K\r\x1b[1Abundles/sam.zip: merged: Sam Taylor, "
       "0 rows added, 277 already present\x1b[8m")


def test_terminal_escapes_are_shown_not_obeyed():
    shown = printable(B13)
    assert "\x1b" not in shown and "\r" not in shown
    assert shown == ("vm' (key 2cb7-a757-abba-4f0a) is trusted.\\x1b[2K\\r\\x1b[1Abundles/sam.zip: merged: "
                     "Sam Taylor, 0 rows added, 277 already present\\x1b[8m")


@pytest.mark.parametrize(("raw", "shown"), [
    ("a\nb", "a\\nb"),                              # a fake second line
    ("tab\there", "tab\\there"),
    ("\x9b2J", "\\x9b2J"),                           # the one-byte CSI (C1)
    ("\x1b]8;;http://x\x07link\x1b]8;;\x07", "\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07"),  # OSC 8 hyperlink
    ("\x7f", "\\x7f"),
    ("abc\u202edcba.exe", "abc\\u202edcba.exe"),      # right-to-left override
    ("\u2066x\u2069 \u200f\u061c", "\\u2066x\\u2069 \\u200f\\u061c"),  # isolates, RLM, Arabic letter mark
    ("line\u2028next\u2029", "line\\u2028next\\u2029"),
    ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
    ("tag\U000e0041", "tag\\U000e0041"),
    ("bad\udcff.zip", "bad\\udcff.zip"),              # a file name that was not UTF-8
])
def test_control_format_and_bidi_characters_become_visible_escapes(raw, shown):
    assert printable(raw) == shown


@pytest.mark.parametrize("name", ["Sam Taylor", "Zoë O'Brien-Łukasz", "محمد علی", "שרה כהן", "李小龙",
                                  "देवनागरी", "می\u200cخواهم", "👩\u200d💻 Dev", r"C:\Users\sam\b.zip",
                                  "<b>bold</b> & <a href='x'>", ""])
def test_names_in_any_script_and_markup_characters_are_kept_as_they_are(name):
    assert printable(name) == name


def test_anything_with_a_str_is_accepted():
    assert printable(Path("usb") / "a\x1bb.zip") == str(Path("usb") / "a\\x1bb.zip")
    assert printable(ValueError("bad\rline")) == "bad\\rline"


@given(st.text())
def test_no_control_format_or_separator_character_is_left(text):
    shown = printable(text)
    assert not any(unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs") for c in shown)
    assert not any(unicodedata.category(c) == "Cf" and c not in "\u200c\u200d" for c in shown)
    shown.encode("utf-8")  # printable on any UTF-8 terminal, never an encoding error
