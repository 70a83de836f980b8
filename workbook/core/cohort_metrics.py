"""What a cohort's figures mean, shared by the trainer's dashboard, the PDF report and its charts so
they agree: when a module counts as complete, the report's headline figures, and the bars of the
progress chart. Plain Python on the dashboard's plain data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from msgspec import Struct

from workbook.core.dashboard_model import CohortDashboard, LearnerRow, ModuleColumn

STALLED_DAYS = 7
PASS_MARK = 80  # the course's default quiz pass mark; callers pass the course's own


# -- what counts as done (the summary, the matrix and the progress chart agree) --------------------

def module_complete(row: LearnerRow, module: ModuleColumn, pass_mark: int) -> bool:
    """Every section read and, where the module has a quiz, a best score at the pass mark."""
    read = row.sections_read.get(module.module_id, 0) >= module.sections_total
    passed = not module.has_quiz or row.quiz_best.get(module.module_id, -1) >= pass_mark
    return read and passed


def modules_completed(row: LearnerRow, modules: Sequence[ModuleColumn], pass_mark: int) -> int:
    return sum(module_complete(row, module, pass_mark) for module in modules)


def quizzes_passed(row: LearnerRow, modules: Sequence[ModuleColumn], pass_mark: int) -> int:
    return sum(1 for m in modules if m.has_quiz and row.quiz_best.get(m.module_id, -1) >= pass_mark)


class Summary(Struct, frozen=True):
    """The headline figures on the report's first page."""

    learners: int
    lessons_read: int  # percent of all sections, over all learners
    passed_all_quizzes: int  # learners
    calls_handled_well: int  # percent of scenarios x learners
    certified: int
    stalled: int


def summarise(dashboard: CohortDashboard, now: datetime, pass_mark: int = PASS_MARK,
              stalled_days: int = STALLED_DAYS) -> Summary:
    learners = dashboard.learners
    sections = sum(m.sections_total for m in dashboard.modules) * len(learners)
    read = sum(min(r.sections_read.get(m.module_id, 0), m.sections_total)
               for r in learners for m in dashboard.modules)
    quiz_count = sum(1 for m in dashboard.modules if m.has_quiz)
    calls = dashboard.scenarios_total * len(learners)
    return Summary(
        learners=len(learners),
        lessons_read=round(100 * read / sections) if sections else 0,
        passed_all_quizzes=sum(1 for r in learners if quizzes_passed(r, dashboard.modules, pass_mark)
                               >= quiz_count) if quiz_count else 0,
        calls_handled_well=round(100 * sum(min(r.calls_strong, dashboard.scenarios_total) for r in learners)
                                 / calls) if calls else 0,
        certified=sum(1 for r in learners if r.certificate_id),
        stalled=len(dashboard.stalled(stalled_days, now)))


class Measure(Struct, frozen=True):
    """One bar of the progress chart: how far each learner is with one kind of work."""

    label: str
    total: int
    done: Callable[[LearnerRow], int]
    started: Callable[[LearnerRow], bool]


def progress_measures(dashboard: CohortDashboard, pass_mark: int = PASS_MARK) -> list[Measure]:
    modules = dashboard.modules
    quiz_count = sum(1 for m in modules if m.has_quiz)
    return [
        Measure("Modules completed", len(modules), lambda r: modules_completed(r, modules, pass_mark),
                lambda r: any(r.sections_read.values()) or bool(r.quiz_best)),
        Measure("Quizzes passed", quiz_count, lambda r: quizzes_passed(r, modules, pass_mark),
                lambda r: bool(r.quiz_best)),
        Measure("Calls handled well", dashboard.scenarios_total, lambda r: r.calls_strong,
                lambda r: r.calls_played > 0),
    ]


def band(done: int, total: int, started: bool) -> int:
    """0 not started, 1 under half, 2 half or more, 3 all done (an index into `reports.charts.BANDS`)."""
    if total and done >= total:
        return 3
    if done == 0 and not started:
        return 0
    return 2 if total and 2 * done >= total else 1
