"""A learner's pace, read from the tables migration step 6 keeps: per-learner medians (from counts
of answers by whole second) and per-attempt counts of answers timed against their reading floor and
answered sooner (for rushed attempts). See `workbook.core.pace` for the rule.

The dashboard and the drill-down run the same SQL, so they agree on every figure; neither reads the
activity rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from workbook.core.pace import MIN_TIMED, RUSHED_SHARE, AttemptPace, Pace, median
from workbook.store import dialect
from workbook.store.merges import survivor_of
from workbook.store.models import AttemptPaceRecord, PaceRecord

# Each learner's lower median in whole seconds per kind (kept by the step-6 triggers), then the
# rushed attempts per learner and kind. `{members}` selects the learners.
_PACE_SQL = """
    WITH members (learner_id) AS ({members})
    SELECT d.learner_id, d.kind, d.seconds, NULL
      FROM members AS m JOIN learner_pace_median AS d ON d.learner_id = m.learner_id
    UNION ALL
    SELECT a.learner_id, a.kind, NULL, count(*)
      FROM members AS m JOIN learner_attempt_pace AS a ON a.learner_id = m.learner_id
     WHERE a.timed >= :min_timed AND a.too_fast >= :share * a.timed
     GROUP BY a.learner_id, a.kind"""
LEARNER_PACE = _PACE_SQL.format(members="SELECT :learner")


def pace_sql(members: str) -> str:
    """The pace query for the learners `members` (a SELECT of learner ids) selects."""
    return _PACE_SQL.format(members=members)


def pace_parameters() -> dict[str, Any]:
    return {"min_timed": MIN_TIMED, "share": RUSHED_SHARE}


def cohort_pace(rows: list[tuple]) -> dict[str, Pace]:
    """Learner id -> Pace, from the rows of `pace_sql(...)` (or LEARNER_PACE)."""
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    for learner_id, kind, seconds, rushed in rows:
        if rushed is None:
            found[learner_id]["seconds_per_question" if kind == "question" else "seconds_per_turn"] = seconds
        else:
            found[learner_id]["rushed_quizzes" if kind == "question" else "rushed_calls"] = rushed
    return {learner_id: Pace(**fields) for learner_id, fields in found.items()}


def learner_attempt_pace(learner_id: str) -> tuple[Pace, dict[str, AttemptPace]]:
    """One learner's pace overall (as the dashboard has it) and per attempt (quiz attempt or call
    id), for the drill-down. The figures are kept under the profile a merge left standing."""
    learner_id = survivor_of(learner_id)
    rows = dialect.run_raw(LEARNER_PACE, {"learner": learner_id} | pace_parameters())
    pace = cohort_pace(rows).get(learner_id, Pace())
    seconds: dict[str, list[float]] = defaultdict(list)
    for attempt_id, taken in (PaceRecord.select(PaceRecord.attempt_id, PaceRecord.seconds)
                              .where(PaceRecord.learner_id == learner_id).tuples()):
        seconds[attempt_id].append(taken)
    attempts = {}
    for attempt_id, timed, too_fast in (AttemptPaceRecord
                                        .select(AttemptPaceRecord.attempt_id, AttemptPaceRecord.timed,
                                                AttemptPaceRecord.too_fast)
                                        .where(AttemptPaceRecord.learner_id == learner_id).tuples()):
        attempts[attempt_id] = AttemptPace(attempt_id, timed, too_fast, median(seconds[attempt_id]))
    return pace, attempts
