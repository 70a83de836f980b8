"""A cohort's report as CSV, for spreadsheets: one row per learner, in the dashboard's order, from the
same `CohortDashboard` as the trainer's page and the PDF. Written atomically; imports no reportlab."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from workbook.core.dashboard_model import CohortDashboard
from workbook.files import write_bytes_atomic

SkillLabel = Callable[[str], str]


def default_skill_label(skill_id: str) -> str:
    """How the library labels a skill missing from skills.yaml ('call-flow' -> 'Call flow')."""
    return skill_id.replace("-", " ").capitalize()


def _date(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def _spreadsheet_safe(text: str | None) -> str:
    """Typed text that a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    text = text or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_header(dashboard: CohortDashboard) -> list[str]:
    """Totals live in the headers and cells hold plain numbers: Excel would read '3/5' as 3 May."""
    header = ["Name", "Employee ID", "Email"]
    for module in dashboard.modules:
        header.append(f"{module.title}: sections read (of {module.sections_total})")
        if module.has_quiz:
            header.append(f"{module.title}: quiz best %")
    header += [f"Calls handled well (of {dashboard.scenarios_total})", "Calls played", "Certificate",
               "Weakest skill", "Weakest skill %", "Last active", *PACE_HEADER]
    return header


# The dashboard's pace columns (workbook.core.pace): the fast-answer flags travel with the report.
PACE_HEADER = ("Median seconds per quiz question", "Median seconds per call turn",
               "Rushed quiz attempts", "Rushed calls")


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def csv_rows(dashboard: CohortDashboard, skill_label: SkillLabel = default_skill_label) -> list[list[str]]:
    """The header and one row per learner, in the dashboard's order."""
    rows = [csv_header(dashboard)]
    for learner in dashboard.learners:
        row = [_spreadsheet_safe(learner.shown_name), _spreadsheet_safe(learner.employee_id),
               _spreadsheet_safe(learner.email)]
        for module in dashboard.modules:
            row.append(str(learner.sections_read.get(module.module_id, 0)))
            if module.has_quiz:
                best = learner.quiz_best.get(module.module_id)
                row.append("" if best is None else str(best))
        weakest = learner.weakest_skills(1)
        row += [str(learner.calls_strong), str(learner.calls_played), learner.certificate_id or "",
                skill_label(weakest[0][0]) if weakest else "", str(weakest[0][1]) if weakest else "",
                _date(learner.last_active)]
        pace = learner.pace
        row += [_seconds(pace.seconds_per_question), _seconds(pace.seconds_per_turn),
                str(pace.rushed_quizzes), str(pace.rushed_calls)]
        rows.append(row)
    return rows


def write_csv(dashboard: CohortDashboard, out: str | Path,
              skill_label: SkillLabel = default_skill_label) -> Path:
    """UTF-8 with a byte-order mark, so Excel shows Cyrillic, Chinese or Arabic names as written."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(dashboard, skill_label))
    out = Path(out)
    write_bytes_atomic(out, buffer.getvalue().encode("utf-8-sig"))
    return out
