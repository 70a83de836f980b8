"""Cohort reports read back: the CSV with the csv module, the PDF with pypdf (text, pages, chart
images, identical bytes); cancelling leaves no file; batch certificates against the real store;
the `report` and `certificates` subcommands end to end."""

from __future__ import annotations

import csv
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from msgspec.structs import replace
from pypdf import PdfReader
from reportlab.graphics.shapes import Rect, String

from workbook.core.dashboard_model import CohortDashboard, LearnerRow, ModuleColumn
from workbook.core.pace import Pace
from workbook.core.score_bands import AMBER, GREEN, RED
from workbook.reports import charts
from workbook.reports.batch import Outcome, file_stem, issue_for_cohort, unique_path
from workbook.reports.cohort_report import Cancelled, csv_header, write_csv, write_pdf
from workbook.reports.issue import issued_certificates
from workbook.store.learners import create_learner

NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
SKILLS = {"listening": "Active listening", "empathy": "Empathy", "de-escalation": "De-escalation",
          "boundaries": "Professional boundaries", "call-flow": "Call flow"}
MODULES = (ModuleColumn("listening", "Active listening", 5, True),
           ModuleColumn("empathy", "Empathy in practice", 4, True),
           ModuleColumn("de-escalation", "De-escalation", 6, True),
           ModuleColumn("metrics", "Measuring success", 3, False))
ANNA = LearnerRow("l-anna", "Анна Петрова", "E-100", "anna@example.org",
                  {"listening": 5, "empathy": 4, "de-escalation": 6, "metrics": 3},
                  {"listening": 90, "empathy": 85, "de-escalation": 80}, calls_played=4, calls_strong=4,
                  certificate_id="WB-2026-ABCD-EFGH",
                  skills={"listening": 90, "empathy": 84, "de-escalation": 72, "boundaries": 88},
                  last_active=NOW - timedelta(days=1), pace=Pace(38.4, 26.0, 0, 0))
LI = LearnerRow("l-li", "李小龙", "E-101", None, {"listening": 3, "empathy": 1}, {"listening": 60},
                calls_played=2, calls_strong=1, skills={"listening": 60, "empathy": 40},
                last_active=NOW - timedelta(days=9), pace=Pace(2.0, None, 2, 0))
ALI = LearnerRow("l-ali", "محمد علي", None, "m.ali@example.org", {"listening": 5}, {"listening": 100},
                 calls_played=1, skills={"listening": 95, "de-escalation": 30},
                 last_active=NOW - timedelta(days=2))
JOSE = LearnerRow("l-jose", "José Müller-Łukasiewicz", "E-103", "jose@example.org")
DASHBOARD = CohortDashboard(
    "c-1", "Evening shift Berlin", MODULES, 4, (ANNA, LI, ALI, JOSE),
    {"listening": 82, "empathy": 62, "de-escalation": 51, "boundaries": 88, "call-flow": 45})


def _pdf(tmp_path: Path, name: str = "report.pdf", **options) -> Path:
    return write_pdf(DASHBOARD, tmp_path / name, now=NOW, skill_label=SKILLS.get,
                     course_title="Handling Difficult Calls", **options)


@dataclass
class Built:
    path: Path
    progress: list[tuple[int, int]]
    checks: int  # how often the build asked whether it was cancelled


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """One report built for the read-back tests, watching its progress and cancellation checks."""
    seen: list[tuple[int, int]] = []
    asked: list[int] = []
    path = _pdf(tmp_path_factory.mktemp("report"), progress=lambda done, total: seen.append((done, total)),
                cancelled=lambda: asked.append(1) and False)
    return Built(path, seen, len(asked))


def _text(pdf: Path) -> str:
    """All pages' text with runs of white space made single (table cells extract line by line)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(pdf)).pages).split())


# -- CSV ---------------------------------------------------------------------------------------------

def test_csv_reads_back_with_a_header_and_every_learners_figures(tmp_path):
    out = write_csv(DASHBOARD, tmp_path / "cohort.csv", SKILLS.get)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == csv_header(DASHBOARD)
    assert [row["Name"] for row in rows] == [learner.name for learner in DASHBOARD.learners]
    anna, li, ali, jose = rows
    assert anna["Employee ID"] == "E-100" and anna["Email"] == "anna@example.org"
    assert anna["Active listening: sections read (of 5)"] == "5"
    assert anna["Active listening: quiz best %"] == "90"
    assert anna["Measuring success: sections read (of 3)"] == "3"
    assert "Measuring success: quiz best %" not in anna  # a module without a quiz has no quiz column
    assert anna["Calls handled well (of 4)"] == "4" and anna["Calls played"] == "4"
    assert anna["Certificate"] == "WB-2026-ABCD-EFGH"
    assert (anna["Weakest skill"], anna["Weakest skill %"]) == ("De-escalation", "72")
    assert anna["Last active"] == "2026-11-22"
    assert li["Empathy in practice: sections read (of 4)"] == "1"
    assert li["Empathy in practice: quiz best %"] == ""  # not taken is empty, not 0
    assert (li["Weakest skill"], li["Weakest skill %"], li["Certificate"]) == ("Empathy", "40", "")
    assert ali["Employee ID"] == "" and ali["Calls handled well (of 4)"] == "0"
    assert jose["Last active"] == "" and jose["Weakest skill"] == ""
    pace = ("Median seconds per quiz question", "Median seconds per call turn", "Rushed quiz attempts",
            "Rushed calls")
    assert [anna[column] for column in pace] == ["38", "26", "0", "0"]
    assert [li[column] for column in pace] == ["2", "", "2", "0"]  # the dashboard's ⚠ 2, for a spreadsheet
    assert [jose[column] for column in pace] == ["", "", "0", "0"]


def test_csv_keeps_typed_text_from_running_as_a_spreadsheet_formula(tmp_path):
    sneaky = replace(JOSE, name="=HYPERLINK(\"http://x\")", email="+1 555 0100")
    out = write_csv(replace(DASHBOARD, learners=(sneaky,)), tmp_path / "cohort.csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        row = list(csv.DictReader(handle))[0]
    assert row["Name"] == "'=HYPERLINK(\"http://x\")" and row["Email"] == "'+1 555 0100"


# -- PDF ---------------------------------------------------------------------------------------------

def test_pdf_reads_back_with_names_in_every_script_modules_and_figures(built):
    pdf = built.path
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 2
    assert reader.metadata.title == "Cohort report: Evening shift Berlin"
    text = _text(pdf)
    for expected in ("Evening shift Berlin", "23 November 2026", "Handling Difficult Calls",
                     "Анна Петрова", "李小龙", "José Müller-Łukasiewicz",
                     "Active listening", "Empathy in practice", "De-escalation", "Measuring success",
                     "4 learners", "38% of the lessons read", "1 passed all 3 quizzes",
                     "31% of the practice calls handled well", "2 with no activity for 7 days",
                     "Weakest skills of the cohort", "Call flow 45%", "Stalled learners",
                     "WB-2026-ABCD-EFGH", "5/5 90%", "3/5 60%", "Nov 14, 2026", "never"):
        assert expected in text, expected
    # the dashboard's fast-answer flags: Li rushed two quiz attempts, the others none
    rushed = text.split("Answered faster than reading allows", 1)[1]
    assert "李小龙 E-101 2 s — 2 0" in rushed and "Анна Петрова E-100 38 s" not in rushed
    # Arabic comes back as the joined (presentation) forms that were drawn, in reading order.
    assert "محمد علي" in unicodedata.normalize("NFKC", text)
    first = reader.pages[0]
    assert len(first.images) == 0  # the charts are vector drawings, not pictures
    assert "Skills, cohort average" in text and "Progress of the cohort" in text
    assert "Learners and modules" not in first.extract_text()


def test_pdf_is_identical_for_the_same_dashboard_and_moment(built, tmp_path):
    assert _pdf(tmp_path, "again.pdf").read_bytes() == built.path.read_bytes()


def test_letter_pages_and_a_long_matrix_repeat_the_header_row(tmp_path):
    many = tuple(replace(LI, learner_id=f"l-{i}", name=f"Learner {i:03d}", employee_id=f"E-{i}")
                 for i in range(90))
    pdf = write_pdf(replace(DASHBOARD, learners=many), tmp_path / "long.pdf", "Letter", now=NOW)
    reader = PdfReader(str(pdf))
    assert [float(v) for v in reader.pages[0].mediabox[2:]] == [792, 612]
    assert len(reader.pages) >= 4
    last = reader.pages[-1].extract_text()
    assert "Learner 089" in last and "Calls well" in last and "Certificate" in last


def test_an_empty_cohort_still_gets_a_report(tmp_path):
    empty = CohortDashboard("c-0", "Nobody yet", MODULES, 4, (), {})
    text = _text(write_pdf(empty, tmp_path / "empty.pdf", now=NOW))
    assert "Nobody yet" in text and "0 learners" in text and "No quiz or practice-call scores yet" in text
    assert "Nobody: no quiz attempt or call was rushed." in text


def test_progress_reaches_the_total(built):
    seen = built.progress
    total = len(DASHBOARD.learners) + 4
    assert seen[-1] == (total, total)
    assert all(t == total for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelling_at_any_step_raises_and_leaves_no_file(built, tmp_path):
    checks = built.checks
    assert checks > len(DASHBOARD.learners) + 4  # the layout is checked block by block as well
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / "report.pdf"
    for stop_at in (1, checks // 2, checks):
        calls = iter(range(1, checks + 1))
        with pytest.raises(Cancelled):
            _pdf(folder, cancelled=lambda stop_at=stop_at, calls=calls: next(calls) >= stop_at)
        assert list(folder.iterdir()) == [], f"left a file when cancelled at check {stop_at}"
    old.write_bytes(b"last week's report")
    with pytest.raises(Cancelled):
        _pdf(folder, cancelled=lambda: True)
    assert old.read_bytes() == b"last week's report"  # the previous report is kept whole
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]  # and no temp file is left


# -- charts ------------------------------------------------------------------------------------------

def _strings(drawing) -> list[str]:
    return [item.text for item in drawing.contents if isinstance(item, String)]


def test_skill_chart_puts_the_weakest_first_on_a_0_to_100_axis_coloured_by_threshold():
    drawing = charts.skill_averages_chart(DASHBOARD, SKILLS.get)
    labels = [s.text for s in drawing.contents if isinstance(s, String) and s.textAnchor == "end"]
    assert labels == ["Call flow", "De-escalation", "Empathy", "Active listening", "Professional boundaries"]
    bars = [item for item in drawing.contents[1:] if isinstance(item, Rect)]  # after the white ground
    colours = [bar.fillColor.hexval().lower().replace("0x", "#") for bar in bars]
    assert colours == [RED, AMBER, AMBER, GREEN, GREEN]
    assert {"0", "100"} <= set(_strings(drawing))


def test_charts_render_to_the_same_svg_bytes_every_time():
    for make in (lambda: charts.skill_averages_chart(DASHBOARD, SKILLS.get),
                 lambda: charts.progress_chart(DASHBOARD)):
        svg = charts.to_svg(make())
        assert svg.lstrip().startswith(b"<?xml") and svg == charts.to_svg(make())


def test_progress_chart_counts_every_learner_once_per_measure():
    rows = charts.progress_rows(DASHBOARD)
    assert len(rows) == 3
    assert all(sum(row.counts) == len(DASHBOARD.learners) for row in rows)


# -- batch certificates --------------------------------------------------------------------------------

@pytest.fixture
def class_of_three(database, library, complete_everything):
    """Two learners who have done everything and one who has not started."""
    done = [create_learner("Анна Петрова", "E-1"), create_learner("李小龙", "E-2")]
    for learner in done:
        complete_everything(library, learner.id)
    return [*done, create_learner("Not Yet Started", "E-3")]


def test_batch_issues_for_the_eligible_and_says_why_the_others_were_skipped(class_of_three, library,
                                                                            data_dir, tmp_path):
    out_dir = tmp_path / "certificates"
    seen = []
    ids = [learner.id for learner in class_of_three]
    result = issue_for_cohort(library, ids, data_dir, out_dir, now=NOW, key=KEY,
                              progress=lambda done, total: seen.append((done, total)))
    assert (result.issued, result.not_eligible, result.not_reached, result.failed) == (2, 1, 0, 0)
    assert not result.cancelled and seen[-1] == (3, 3)
    assert sorted(p.name for p in out_dir.iterdir()) == ["Анна-Петрова-certificate.pdf",
                                                          "李小龙-certificate.pdf"]
    issued, skipped = result.outcomes[:2], result.outcomes[2]
    for outcome in issued:
        assert outcome.outcome is Outcome.ISSUED and outcome.path.is_file()
        assert outcome.name in " ".join(PdfReader(str(outcome.path)).pages[0].extract_text().split())
    assert skipped.outcome is Outcome.NOT_ELIGIBLE and skipped.name == "Not Yet Started"
    assert skipped.reasons and any("quiz" in reason for reason in skipped.reasons)
    assert {c.certificate_id for c in issued_certificates()} == {o.certificate_id for o in issued}

    again = issue_for_cohort(library, ids, data_dir, out_dir, now=NOW, key=KEY)  # a second click
    assert (again.issued, again.already_certified, again.not_eligible) == (0, 2, 1)
    assert [o.certificate_id for o in again.outcomes[:2]] == [o.certificate_id for o in issued]
    later = NOW + timedelta(days=30)
    renewed = issue_for_cohort(library, ids, data_dir, out_dir, now=later, key=KEY, reissue=True)
    assert renewed.issued == 2 and len(list(out_dir.iterdir())) == 4  # the first files are kept
    assert len(issued_certificates()) == 4


def test_checking_a_cohort_first_agrees_with_the_batch_and_writes_nothing(class_of_three, library, data_dir,
                                                                          tmp_path):
    from workbook.reports.batch import check_cohort

    ids = [learner.id for learner in class_of_three]
    seen = []
    found = check_cohort(library, ids, progress=lambda done, total: seen.append((done, total)))
    assert [c.gets_one for c in found] == [True, True, False] and seen[-1] == (3, 3)
    assert found[2].eligibility.missing and found[2].name == "Not Yet Started"
    assert issued_certificates() == [] and not (tmp_path / "certificates").exists()
    issued = issue_for_cohort(library, ids, data_dir, tmp_path / "certificates", now=NOW, key=KEY)
    assert [o.outcome is Outcome.ISSUED for o in issued.outcomes] == [c.gets_one for c in found]
    again = check_cohort(library, ids)  # a second click: those certified already hold theirs
    assert [c.holds for c in again[:2]] == [o.certificate_id for o in issued.outcomes[:2]]
    assert not any(c.gets_one for c in again)
    assert all(c.gets_one for c in check_cohort(library, ids[:2], reissue=True))
    with pytest.raises(Cancelled):
        check_cohort(library, ids, cancelled=lambda: True)


def test_cancelling_a_batch_stops_before_the_next_learner(class_of_three, library, data_dir, tmp_path):
    out_dir = tmp_path / "certificates"
    done = []
    ids = [learner.id for learner in class_of_three]
    result = issue_for_cohort(library, ids, data_dir, out_dir, now=NOW, key=KEY,
                              progress=lambda count, total: done.append(count), cancelled=lambda: bool(done))
    assert result.cancelled and [o.outcome for o in result.outcomes] == [
        Outcome.ISSUED, Outcome.NOT_REACHED, Outcome.NOT_REACHED]
    assert [p.name for p in out_dir.iterdir()] == [result.outcomes[0].path.name]
    records = issued_certificates()
    assert [r.certificate_id for r in records] == [result.outcomes[0].certificate_id]
    assert "canceled: 2 not reached" in result.summary()


def test_file_names_keep_the_names_script_and_never_collide(tmp_path):
    assert file_stem("  Анна   Петрова ") == "Анна-Петрова"
    assert file_stem('a/b\\c:d*e?"f<g>h|i') == "a-b-c-d-e-f-g-h-i"
    assert file_stem("...") == "learner" and len(file_stem("x" * 200)) == 60
    (tmp_path / "Sam-certificate.pdf").write_bytes(b"from an earlier run")
    taken: set[str] = set()
    assert unique_path(tmp_path, "Sam", taken).name == "Sam-2-certificate.pdf"
    assert unique_path(tmp_path, "sam", taken).name == "sam-3-certificate.pdf"


# -- the command line ---------------------------------------------------------------------------------

def _cli(argv: list[str]) -> int:
    """The command line as `python main.py` runs it."""
    from workbook.cli import main

    return main(argv)


@pytest.fixture
def two_cohorts(database):
    cohorts = pytest.importorskip("workbook.store.cohorts", reason="cohorts store not ready")
    pytest.importorskip("workbook.store.dashboard", reason="cohorts store not ready")
    morning = cohorts.create_cohort("Morning shift")
    return cohorts.create_cohort("Evening shift"), morning


@pytest.fixture
def cohort(two_cohorts, class_of_three):
    from workbook.store.cohorts import enrol

    evening, _morning = two_cohorts
    enrol(evening.id, [learner.id for learner in class_of_three])
    return evening


@pytest.mark.both_backends  # the report command against a server, too
def test_cli_report_as_csv(cohort, data_dir, database_args, tmp_path, capsys):
    table = tmp_path / "evening.csv"
    assert _cli(["report", "--cohort", "evening SHIFT", "--format", "csv", "--out", str(table),
                 *database_args]) == 0
    assert "written to" in capsys.readouterr().out
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["Name"] for row in rows) == sorted(["Анна Петрова", "李小龙", "Not Yet Started"])
    assert {row["Name"]: row["Employee ID"] for row in rows}["李小龙"] == "E-2"


@pytest.mark.both_backends
def test_cli_unknown_cohort_lists_the_cohorts_and_writes_nothing(two_cohorts, database_args, tmp_path,
                                                                capsys):
    out = tmp_path / "x.csv"
    assert _cli(["report", "--cohort", "Night shift", "--format", "csv", "--out", str(out),
                 *database_args]) == 3
    err = capsys.readouterr().err
    assert "No cohort called 'Night shift'" in err and "'Evening shift'" in err and "'Morning shift'" in err
    assert not out.exists()
    assert _cli(["certificates", "--cohort", "Night shift", "--out-dir", str(tmp_path / "c"),
                 *database_args]) == 3


def test_cli_certificates_for_a_cohort(cohort, data_dir, database_args, tmp_path, capsys):
    out_dir = tmp_path / "certificates"
    assert _cli(["certificates", "--cohort", "Evening shift", "--out-dir", str(out_dir),
                 *database_args]) == 0
    printed = capsys.readouterr().out
    assert "issued        Анна Петрова: WB-" in printed and "issued        李小龙: WB-" in printed
    assert "not eligible  Not Yet Started:\n    - " in printed and "more" in printed
    assert "2 issued, 1 not eligible" in printed
    assert len(list(out_dir.glob("*.pdf"))) == 2


def test_cli_report_as_pdf_loads_no_qt(cohort, data_dir, database_args, tmp_path):
    """Run in a fresh interpreter: the headless path must not drag in PySide6 (matplotlib could,
    through a Qt backend)."""
    pdf = tmp_path / "evening.pdf"
    argv = ["report", "--cohort", "Evening shift", "--format", "pdf", "--out", str(pdf), "--page-size",
            "Letter", *database_args]
    script = (
        "import sys\n"
        "from workbook.cli import main\n"
        f"assert main({argv!r}) == 0\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "assert not qt, qt\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(str(pdf))
    assert [float(v) for v in reader.pages[0].mediabox[2:]] == [792, 612]
    text = _text(pdf)
    assert "Evening shift" in text and "Анна Петрова" in text and "Not Yet Started" in text
    assert "Handling Difficult Calls" in text
