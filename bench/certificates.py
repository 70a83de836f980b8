"""Certificates for a cohort: the workbook's certificate against a bare reportlab page drawing the
same strings in the same embedded fonts, and the headless `certificate` command as a process
against a bare reportlab process that registers the same fonts and draws one page (goal: <= 2x).

In process: COUNT certificates (8 modules, 10 practice calls, names in every script the app
supports) into memory, alternating with a bare page of the same size holding the same strings
(name, course, organisation, module and call titles, ids) in the same TrueType faces, so machine
noise hits both alike. The first certificate (font registration) is timed apart.
Usage: python bench/certificates.py [COUNT] [A4|Letter] [PROCESS_RUNS]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4, landscape, letter  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from workbook.reports.certificate import draw_certificate  # noqa: E402
from workbook.reports.certificate_data import (  # noqa: E402
    CallResult,
    CertificateData,
    ModuleResult,
    PageSetup,
)

GIVEN = ["José", "Anna", "Νίκος", "李", "さくら", "민준", "محمد", "प्रिया", "Zoë", "Łucja", "Олег",
         "Ἀλέξανδρος"]
FAMILY = ["Müller-Łukasiewicz", "Петрова", "Παπαδόπουλος", "小龙", "田中", "김", "علي", "शर्मा", "O'Brien",
          "Nguyễn", "van der Berg", "Fernández"]
MODULES = ["Opening the call well", "Listening under pressure", "De-escalating an angry caller",
           "Setting boundaries with abusive callers", "Handling complaints and refunds",
           "Callers in distress: safeguarding", "Escalation and handover", "Closing and follow-up"]
OUTCOMES = [("Resolved with follow-up", True), ("Escalated appropriately", True),
            ("Caller left unhappy", False)]


def cohort(count: int) -> list[CertificateData]:
    """Varied learners: every script, different dates and scores, a full record each."""
    people = []
    for i in range(count):
        name = f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i * 7) % len(FAMILY)]}"
        people.append(CertificateData(
            certificate_id=f"WB-2026-{i:04d}-BNCH",
            organisation="Northwind Customer Care",
            course_title="Handling Difficult Calls: Foundations",
            learner_name=name,
            employee_id=f"E-{10000 + i}" if i % 4 else None,
            completed_on=date(2026, 1, 1) + timedelta(days=i % 365),
            modules=tuple(ModuleResult(title, 6, 6, 60 + (i + m) % 41) for m, title in enumerate(MODULES)),
            calls=tuple(CallResult(f"Practice call {c + 1}", *OUTCOMES[(i + c) % 3]) for c in range(10)),
            trainer_name="Margaret O'Neill",
            key_id="3f9a6c21d4b87e05",
            verification_code=f"K7QF-{i:04d}-9XWD",
            qr_payload=f"wbcert:1:WB-2026-{i:04d}-BNCH:3f9a6c21d4b87e05:" + "A" * 86,
        ))
    return people


FACES = {"latin": ("NotoSans-Regular", "NotoSans-Regular.ttf"),
         "cjk": ("DroidSansFallback", "DroidSansFallback.ttf"),
         "arabic": ("NotoNaskhArabic-Regular", "NotoNaskhArabic-Regular.ttf"),
         "devanagari": ("NotoSansDevanagari-Regular", "NotoSansDevanagari-Regular.ttf")}


def _register_bare_faces() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FACES.values():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(ROOT / "assets" / "fonts" / file)))


def _face(text: str) -> str:
    for char in text:
        code = ord(char)
        if 0x0600 <= code <= 0x06FF:
            return FACES["arabic"][0]
        if 0x0900 <= code <= 0x097F:
            return FACES["devanagari"][0]
        if code >= 0x3000:
            return FACES["cjk"][0]
    return FACES["latin"][0]


def bare_page(size: tuple[float, float], data: CertificateData) -> bytes:
    """The same strings as the certificate, in the same embedded faces, one drawString each."""
    _register_bare_faces()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=1)
    strings = [data.organisation, "Certificate of Completion", data.course_title, data.learner_name,
               data.certificate_id, data.verification_code, data.trainer_name,
               *(m.title for m in data.modules), *(c.title for c in data.calls),
               *(c.outcome for c in data.calls)]
    y = size[1] - 40
    for text in strings:
        canvas.setFont(_face(text), 10)
        canvas.drawString(40, y, text)
        y -= 14
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def certificate(data: CertificateData, setup: PageSetup) -> bytes:
    out = io.BytesIO()
    draw_certificate(data, out, setup)
    return out.getvalue()


def main(count: int = 500, size_name: str = "A4") -> None:
    setup = PageSetup(size_name)  # type: ignore[arg-type]
    size = landscape(A4) if size_name == "A4" else landscape(letter)
    people = cohort(count)
    started = time.perf_counter()
    certificate(people[0], setup)  # registers the fonts: a once-per-process cost
    first = (time.perf_counter() - started) * 1000
    bare_page(size, people[0])
    ours, bare, sizes = [], [], []
    total_started = time.perf_counter()
    for data in people:
        t0 = time.perf_counter()
        pdf = certificate(data, setup)
        t1 = time.perf_counter()
        bare_page(size, data)
        t2 = time.perf_counter()
        ours.append((t1 - t0) * 1000)
        bare.append((t2 - t1) * 1000)
        sizes.append(len(pdf))
    wall = time.perf_counter() - total_started
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    print(f"certificates: {count}, page {size_name} landscape, 8 modules + 10 calls, names in 8 scripts")
    print(f"first certificate (registers fonts): {first:8.1f} ms")
    print(f"certificate, per page:   median {ours_median:7.2f} ms  (min {min(ours):.2f}, "
          f"p95 {statistics.quantiles(ours, n=20)[-1]:.2f}, max {max(ours):.2f})")
    print(f"bare reportlab page:     median {bare_median:7.2f} ms  "
          f"(min {min(bare):.2f}, max {max(bare):.2f})")
    print(f"total for {count}: certificates {sum(ours) / 1000:.2f} s, bare pages {sum(bare) / 1000:.2f} s "
          f"(wall, both: {wall:.2f} s)")
    print(f"certificate PDF size: median {statistics.median(sizes) / 1024:.0f} KiB")
    print(f"ratio certificate / bare page with the same strings and faces (median): "
          f"{ours_median / bare_median:.1f}")


SETUP = """
import random, sys
from pathlib import Path
from workbook.core.loader import load_library
from workbook.paths import bundled_content_dir
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
sys.path.insert(0, str(Path(sys.argv[2]) / "tests"))
from conftest import complete_everything
db = open_database(Path(sys.argv[1]) / "workbook.sqlite")
learner = create_learner("Bench Graduate", "E-4242")
complete_everything.__wrapped__()(load_library(bundled_content_dir()), learner.id)
db.close()
"""

BARE_PROCESS = """
import sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
folder = Path(sys.argv[1]) / "assets" / "fonts"
names = sorted(p for p in folder.glob("*.ttf"))
for path in names:
    pdfmetrics.registerFont(TTFont(path.stem, str(path)))
canvas = Canvas(sys.argv[2], pagesize=(842, 595), invariant=1, pageCompression=1)
for index, path in enumerate(names):
    canvas.setFont(path.stem, 12)
    canvas.drawString(40, 550 - 20 * index, "Certificate of Completion: Bench Graduate")
canvas.showPage()
canvas.save()
"""


def process_figures(runs: int) -> None:
    """The headless `certificate` command as a whole process, against a bare reportlab process that
    registers the same bundled fonts and draws one page."""
    import os
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="bench-cert-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a second run finds its bytecode cached
    subprocess.run([sys.executable, "-c", SETUP, str(folder), str(ROOT)], check=True, env=env)
    command = [sys.executable, str(ROOT / "main.py"), "certificate", "--learner", "E-4242", "--out",
               str(folder / "cert.pdf"), "--data-dir", str(folder)]
    bare = [sys.executable, "-c", BARE_PROCESS, str(ROOT), str(folder / "bare.pdf")]
    ours, base = [], []
    subprocess.run(command, check=True, env=env, capture_output=True)  # warm caches as a second run would
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run(bare, check=True, env=env, capture_output=True)
        base.append(time.perf_counter() - started)
    ratio = statistics.median(ours) / statistics.median(base)
    print(f"`certificate` command as a process: median {statistics.median(ours) * 1000:.0f} ms; "
          f"bare reportlab process with the same fonts: {statistics.median(base) * 1000:.0f} ms; "
          f"ratio {ratio:.1f} (goal <= 2): {'met' if ratio <= 2 else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500, sys.argv[2] if len(sys.argv) > 2 else "A4")
    process_figures(int(sys.argv[3]) if len(sys.argv) > 3 else 5)
