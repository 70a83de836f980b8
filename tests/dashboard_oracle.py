"""The cohort dashboard's figures worked out again from the activity rows themselves, through the
per-learner readers the learner's own screens and the certificate use (merged profiles included), for
tests that hold the summary-based dashboard to them; and the summary rows compared with a rebuild."""

from __future__ import annotations

import json
import math
from collections import defaultdict

from workbook.core.activity import Verb
from workbook.core.completion import CallOutcome, LearnerRecord, calls_handled_well
from workbook.core.dashboard_model import CohortDashboard
from workbook.core.progress import progress_by_module
from workbook.store import activity, practice_calls, quiz_attempts
from workbook.store.dashboard import rebuild_totals, skill_bar
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord, database


def raw_skill_means(learner_id: str) -> dict[str, float]:
    """Every numeric skill percent of the person's quiz submissions (with a numeric percent) and call
    endings, averaged."""
    values: dict[str, list[float]] = defaultdict(list)
    for verb, payload in (ActivityRecord.select(ActivityRecord.verb, ActivityRecord.payload)
                          .where(of_person(learner_id),
                                 ActivityRecord.verb.in_([str(Verb.ATTEMPT_SUBMITTED), str(Verb.CALL_ENDED)]))
                          .tuples()):
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        if verb == Verb.ATTEMPT_SUBMITTED:
            if type(data.get("percent")) not in (int, float):
                continue
            found = data.get("by_skill")
        else:
            found = data.get("skills")
        for skill, value in (found.items() if isinstance(found, dict) else ()):
            if type(value) in (int, float):
                values[skill].append(value)
    return {skill: sum(v) / len(v) for skill, v in values.items()}


def claimed_record(library, learner_id: str) -> LearnerRecord:
    """What the rows claim, as the dashboard shows it: eligibility alone replays the evidence
    (store/learner_progress.learner_record), so the dashboard's oracle reads the claims."""
    reading = progress_by_module(library, activity.read_sections(learner_id))
    quiz_best = {module_id: score.best for module_id, score in quiz_attempts.quiz_scores(learner_id).items()}
    calls = {scenario_id: [CallOutcome(kind, skill) for kind, skill in outcomes]
             for scenario_id, outcomes in practice_calls.call_outcomes(learner_id).items()}
    return LearnerRecord(reading, quiz_best, calls)


def raw_figures(library, learner_id: str) -> dict:
    """One learner's dashboard figures from the raw rows: sections read per module, best quiz percent,
    scenarios played, scenarios handled well by the certificate's rule, skill percents."""
    record = claimed_record(library, learner_id)
    scenarios = {scenario.id for scenario in library.scenarios}
    calls = {scenario_id: outcomes for scenario_id, outcomes in record.calls.items()
             if scenario_id in scenarios}
    quizzes = {module.id for module in library.modules if module.quiz is not None}
    skills = raw_skill_means(learner_id)
    if library.skills:
        skills = {skill: mean for skill, mean in skills.items() if skill in library.skills}
    return {"sections_read": {m: progress.read for m, progress in record.reading.items() if progress.read},
            "quiz_best": {m: int(best) for m, best in record.quiz_best.items() if m in quizzes},
            "calls_played": len(calls), "calls_strong": len(calls_handled_well(calls, skill_bar(library))),
            "skills": {skill: int(mean + 0.5) for skill, mean in skills.items()}, "means": skills}


def assert_matches_raw_rows(library, board: CohortDashboard) -> None:
    """Every learner's figures and the cohort's skill averages equal the raw-row computation."""
    means: dict[str, list[float]] = defaultdict(list)
    assert board.learners, "no learners: nothing was compared"
    for row in board.learners:
        expected = raw_figures(library, row.learner_id)
        for skill, mean in expected.pop("means").items():
            means[skill].append(mean)
        shown = {name: getattr(row, name) for name in expected}
        assert shown == expected, row.name
    assert board.skill_averages == {skill: int(math.fsum(v) / len(v) + 0.5)
                                    for skill, v in sorted(means.items())}


def dashboard_documents() -> dict[str, dict]:
    """learner_dashboard as parsed documents (the key order within one may differ from a rebuild's)."""
    rows = database.execute_sql("SELECT learner_id, figures FROM learner_dashboard")
    return {learner_id: json.loads(figures) for learner_id, figures in rows}


def assert_summary_equals_a_rebuild() -> dict[str, dict]:
    """The dashboard rows the triggers kept equal the rows a rebuild from the activity rows makes."""
    kept = dashboard_documents()
    strong = database.execute_sql("SELECT * FROM learner_call_best ORDER BY 1, 2").fetchall()
    rebuild_totals()
    assert dashboard_documents() == kept
    assert database.execute_sql("SELECT * FROM learner_call_best ORDER BY 1, 2").fetchall() == strong
    return kept
