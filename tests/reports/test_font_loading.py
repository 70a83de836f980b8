"""A certificate loads only the faces its text needs: a Latin-script name never reads the 4 MB CJK
face (a fresh process each, since the faces stay loaded once read)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

DRAW = """
import io, sys
sys.path.insert(0, sys.argv[2])
from test_certificate_render import certificate
from workbook.reports import font_faces
from workbook.reports.certificate import draw_certificate
draw_certificate(certificate(sys.argv[1]), io.BytesIO())
print(" ".join(sorted(dict.keys(font_faces.loaded_faces))))
"""


def loaded_faces(name: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", DRAW, name, str(TESTS)], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize(("name", "needed", "unread"), [
    ("Zoë O'Brien", {"NotoSans-Regular", "DejaVuSans"}, {"DroidSansFallback", "NotoNaskhArabic-Regular"}),
    ("李小龙", {"DroidSansFallback"}, {"NotoNaskhArabic-Regular"}),
])
def test_only_the_faces_the_text_needs_are_loaded(name, needed, unread):
    faces = loaded_faces(name)
    assert needed <= faces and not unread & faces
