"""Certificates for a cohort: the workbook's certificate against a bare reportlab page.

Draws COUNT certificates (8 modules, 10 practice calls, names in every script the app supports)
into memory, and as many bare reportlab canvases of the same page size with one line of text, in
the same process, alternating one of each so machine noise hits both alike. The first certificate
(font registration: about 0.3 s) is timed apart. Usage: python bench/certificates.py [COUNT] [A4|Letter]
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


def bare_page(size: tuple[float, float]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=1)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, size[1] / 2, "Certificate of Completion")
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
    bare_page(size)
    ours, bare, sizes = [], [], []
    total_started = time.perf_counter()
    for data in people:
        t0 = time.perf_counter()
        pdf = certificate(data, setup)
        t1 = time.perf_counter()
        bare_page(size)
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
    print(f"ratio certificate / bare page (median): {ours_median / bare_median:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500, sys.argv[2] if len(sys.argv) > 2 else "A4")
