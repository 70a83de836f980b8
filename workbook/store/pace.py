"""A learner's pace read from `learner_pace` (the seconds each answer took, kept by a trigger since
migration step 6), against the reading floors of the current content (`workbook.core.pace`)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from workbook.core.content import Library
from workbook.core.pace import (
    MIN_TIMED,
    RUSHED_SHARE,
    AttemptPace,
    Pace,
    floor_seconds,
    median,
    question_words,
    turn_words,
)
from workbook.store.models import PaceRecord
from workbook.store.practice_calls import call_object_id
from workbook.store.quiz_attempts import quiz_object_id

# The cohort's medians per learner and kind, then its rushed attempts per learner and kind. Bound:
# :cohort, :floors (a JSON object: object id -> floor seconds), :min_timed and :share.
COHORT_PACE = """
    WITH floors (object_id, floor) AS (SELECT key, value FROM json_each(:floors)),
    timed AS (
        SELECT p.learner_id, p.attempt_id, p.kind, p.seconds, f.floor
          FROM cohort_member AS m JOIN learner_pace AS p ON p.learner_id = m.learner_id
          LEFT JOIN floors AS f ON f.object_id = p.object_id
         WHERE m.cohort_id = :cohort),
    ranked AS (
        SELECT learner_id, kind, seconds,
               row_number() OVER (PARTITION BY learner_id, kind ORDER BY seconds) AS n,
               count(*) OVER (PARTITION BY learner_id, kind) AS total
          FROM timed)
    SELECT learner_id, kind, avg(seconds), NULL FROM ranked
     WHERE n IN ((total + 1) / 2, (total + 2) / 2) GROUP BY learner_id, kind
    UNION ALL
    SELECT learner_id, kind, NULL, count(*) FROM (
        SELECT learner_id, kind, attempt_id FROM timed WHERE floor IS NOT NULL GROUP BY attempt_id
        HAVING count(*) >= :min_timed AND sum(seconds < floor) >= :share * count(*))
     GROUP BY learner_id, kind"""


def reading_floors(library: Library) -> dict[str, float]:
    """Object id of every quiz question and call node -> its reading floor in seconds."""
    floors = {}
    for module in library.modules:
        for question in module.quiz.questions if module.quiz else []:
            floors[f"{quiz_object_id(module.id)}/{question.id}"] = floor_seconds(question_words(question))
    for scenario in library.scenarios:
        for node_id, node in scenario.nodes.items():
            floors[f"{call_object_id(scenario.id)}/{node_id}"] = floor_seconds(turn_words(node))
    return floors


def pace_parameters(library: Library, cohort_id: str) -> dict[str, Any]:
    return {"cohort": cohort_id, "floors": json.dumps(reading_floors(library)), "min_timed": MIN_TIMED,
            "share": RUSHED_SHARE}


def cohort_pace(rows: list[tuple]) -> dict[str, Pace]:
    """Learner id -> Pace, from the rows of COHORT_PACE."""
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    for learner_id, kind, seconds, rushed in rows:
        if rushed is None:
            found[learner_id]["seconds_per_question" if kind == "question" else "seconds_per_turn"] = seconds
        else:
            found[learner_id]["rushed_quizzes" if kind == "question" else "rushed_calls"] = rushed
    return {learner_id: Pace(**fields) for learner_id, fields in found.items()}


def learner_attempt_pace(library: Library, learner_id: str) -> tuple[Pace, dict[str, AttemptPace]]:
    """One learner's pace overall and per attempt (quiz attempt or call id), for the drill-down."""
    floors = reading_floors(library)
    rows = (PaceRecord.select(PaceRecord.attempt_id, PaceRecord.kind, PaceRecord.object_id,
                              PaceRecord.seconds)
            .where(PaceRecord.learner_id == learner_id).tuples())
    by_kind: dict[str, list[float]] = defaultdict(list)
    by_attempt: dict[str, list[tuple[float, float | None]]] = defaultdict(list)
    kinds = {}
    for attempt_id, kind, object_id, seconds in rows:
        by_kind[kind].append(seconds)
        by_attempt[attempt_id].append((seconds, floors.get(object_id)))
        kinds[attempt_id] = kind
    attempts = {}
    for attempt_id, timings in by_attempt.items():
        floored = [(seconds, floor) for seconds, floor in timings if floor is not None]
        attempts[attempt_id] = AttemptPace(attempt_id, len(floored),
                                           sum(1 for seconds, floor in floored if seconds < floor),
                                           median(seconds for seconds, _ in timings))
    rushed = defaultdict(int)
    for attempt_id, found in attempts.items():
        if found.rushed:
            rushed[kinds[attempt_id]] += 1
    return Pace(median(by_kind["question"]), median(by_kind["turn"]), rushed["question"],
                rushed["turn"]), attempts
