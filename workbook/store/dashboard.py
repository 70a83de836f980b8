"""Fill a cohort dashboard with a handful of set-based queries over the cohort's members.

The queries read the per-learner totals that insert triggers keep beside the activity rows
(migration step 4): a few rows per learner and module, scenario or skill, instead of every
activity row and its JSON. Activity rows never change once written, so the totals stay exact;
`rebuild_totals` recomputes them from the rows anyway (after a repair, or to check them).
Python only sorts the result rows into `LearnerRow`s; it never loops over activity rows.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from workbook.core.activity import section_object_id
from workbook.core.content import Library
from workbook.core.dashboard_model import CohortDashboard, LearnerRow, ModuleColumn
from workbook.core.pace import Pace
from workbook.store import dialect, migrations
from workbook.store.clock import parse_utc_text
from workbook.store.models import database
from workbook.store.pace import cohort_pace, pace_parameters, pace_sql
from workbook.store.practice_calls import call_object_id

# The content's current sections, quizzes, scenarios and skills are bound as JSON arrays, so
# totals for something since removed from the lessons are left out. The queries run in this order;
# after "members" its learner ids (members as the people they are, through merges) are bound as
# `:members`, so the later queries read the totals of those learners only and never resolve the
# cohort's members again (about a quarter of the dashboard's SQL time, on either database).
MEMBERS = "(SELECT value FROM json_each(:members))"
QUERIES: dict[str, str] = {
    "cohort": "SELECT id, name FROM cohort WHERE id = :cohort",
    # When each member joined: enrolled (a member only through a profile merged into theirs: when that
    # one was), or the profile created if later. Two primary-key seeks per member (about 1.5 ms of
    # CPU for 2,000); an OR of the two instead made SQLite scan every membership for each member.
    "members": """
        SELECT l.id, l.display_name, l.employee_id, l.email, t.last_at, t.certificate_id, l.archived_at,
               l.created_at,
               coalesce((SELECT k.added_at FROM cohort_member AS k
                          WHERE k.cohort_id = m.cohort_id AND k.learner_id = m.learner_id),
                        (SELECT max(k.added_at) FROM learner_alias AS s
                           JOIN cohort_member AS k
                             ON k.learner_id = s.learner_id AND k.cohort_id = m.cohort_id
                          WHERE s.survivor_id = m.learner_id))
          FROM cohort_member_resolved AS m
          JOIN learner AS l ON l.id = m.learner_id
          LEFT JOIN learner_latest AS t ON t.learner_id = m.learner_id
         WHERE m.cohort_id = :cohort""",
    "sections": f"""
        SELECT r.learner_id, r.module_id, r.sections FROM learner_module_read AS r
         WHERE r.learner_id IN {MEMBERS} AND r.module_id IN (SELECT value FROM json_each(:modules))""",
    # Sections read once but since removed from the lessons, to subtract: the distinct section ids
    # come from one index seek each (a skip-scan), so with none removed this costs next to nothing.
    "removed_sections": f"""
        WITH RECURSIVE seen (object_id) AS (
            SELECT min(object_id) FROM learner_section_read
            UNION ALL
            SELECT (SELECT min(object_id) FROM learner_section_read AS n WHERE n.object_id > seen.object_id)
              FROM seen WHERE seen.object_id IS NOT NULL),
        removed (object_id) AS (
            SELECT object_id FROM seen
             WHERE object_id IS NOT NULL AND object_id NOT IN (SELECT value FROM json_each(:sections)))
        SELECT r.learner_id, r.module_id, count(*)
          FROM removed CROSS JOIN learner_section_read AS r ON r.object_id = removed.object_id
         WHERE r.learner_id IN {MEMBERS}
         GROUP BY r.learner_id, r.module_id""",
    "quiz": f"""
        SELECT q.learner_id, q.module_id, q.best FROM learner_quiz_best AS q
         WHERE q.learner_id IN {MEMBERS} AND q.module_id IN (SELECT value FROM json_each(:quizzes))""",
    "calls": f"""
        SELECT c.learner_id, count(*), sum(c.strong) FROM learner_call_best AS c
         WHERE c.learner_id IN {MEMBERS} AND c.object_id IN (SELECT value FROM json_each(:scenarios))
         GROUP BY c.learner_id""",
    "skills": f"""
        SELECT k.learner_id, k.skill, k.total / k.scores FROM learner_skill_total AS k
         WHERE k.learner_id IN {MEMBERS} AND k.scores > 0
           AND (:skills IS NULL OR k.skill IN (SELECT value FROM json_each(:skills)))""",
    # Median seconds per question and per call turn, and rushed attempts (migration step 6).
    "pace": pace_sql(MEMBERS[1:-1]),
}


class NoSuchCohort(LookupError):
    """The cohort id names no cohort (deleted database, or a stale selection in the UI)."""


def dashboard_parameters(library: Library, cohort_id: str) -> dict[str, Any]:
    """The values bound into QUERIES: the cohort, and what the content still has."""
    sections = [section_object_id(m.id, s.id) for m in library.modules for s in m.sections]
    return {
        "cohort": cohort_id,
        "modules": json.dumps([m.id for m in library.modules]),
        "sections": json.dumps(sections),
        "quizzes": json.dumps([m.id for m in library.modules if m.quiz is not None]),
        "scenarios": json.dumps([call_object_id(s.id) for s in library.scenarios]),
        "skills": json.dumps(sorted(library.skills)) if library.skills else None,
    } | pace_parameters()


def cohort_dashboard(library: Library, cohort_id: str, now: datetime | None = None) -> CohortDashboard:
    """The cohort's matrix and figures. A profile merged into another counts as that one; an
    archived profile is listed with `archived` set, never left out (a learner cannot hide this way).

    `now`, when given, caps `last_active` and `joined`: a row stamped later by a device whose clock
    runs fast counts as activity now, so no one looks active in the future.
    """
    # Each query's rows are used and dropped before the next is read, and ids repeated on every row
    # are kept once: holding all ~60,000 rows of 2,000 learners at once cost about 15 MiB.
    fetch = _fetcher(dashboard_parameters(library, cohort_id))
    cohort = fetch("cohort")
    if not cohort:
        raise NoSuchCohort(f"No cohort with id {cohort_id}.")
    member_rows = fetch("members")
    members = {row[0]: {} for row in member_rows}  # learner id -> skills, filled below
    same = {m.id: m.id for m in library.modules} | {skill: skill for skill in library.skills}
    once = same.setdefault
    sections: dict[str, dict[str, int]] = defaultdict(dict)
    for learner_id, module_id, count in fetch("sections"):
        sections[learner_id][once(module_id, module_id)] = count
    for learner_id, module_id, removed in fetch("removed_sections"):
        left = sections.get(learner_id, {}).get(module_id, 0) - removed
        if left > 0:
            sections[learner_id][once(module_id, module_id)] = left
        else:
            sections[learner_id].pop(module_id, None)
    quiz: dict[str, dict[str, int]] = defaultdict(dict)
    for learner_id, module_id, best in fetch("quiz"):
        quiz[learner_id][once(module_id, module_id)] = int(best)
    calls = {learner_id: (played, strong or 0) for learner_id, played, strong in fetch("calls")}
    cohort_skill: dict[str, list[float]] = defaultdict(list)
    for learner_id, skill, mean in fetch("skills"):
        own = members.get(learner_id)
        if own is not None:
            # half up, as a trainer rounds (round() makes 62.5 into 62)
            own[once(skill, skill)] = int(mean + 0.5)
            cohort_skill[skill].append(mean)

    paces = cohort_pace(fetch("pace"))
    learners = []
    for (learner_id, name, employee_id, email, last_active, certificate, archived_at, created,
         enrolled) in member_rows:
        played, strong = calls.get(learner_id, (0, 0))
        learners.append(LearnerRow(
            learner_id=learner_id, name=name, employee_id=employee_id, email=email,
            sections_read=sections.get(learner_id, {}), quiz_best=quiz.get(learner_id, {}),
            calls_played=played, calls_strong=strong, certificate_id=certificate,
            skills=members[learner_id], last_active=_moment(last_active, now),
            pace=paces.get(learner_id, Pace()), archived=archived_at is not None,
            joined=_moment(max(filter(None, (created, enrolled)), default=None), now)))
    learners = _tell_namesakes_apart(learners)
    learners.sort(key=lambda row: (row.name.casefold(), row.learner_id))
    modules = tuple(ModuleColumn(m.id, m.title, len(m.sections), m.quiz is not None) for m in library.modules)
    averages = {skill: _round(sum(values) / len(values)) for skill, values in sorted(cohort_skill.items())}
    return CohortDashboard(cohort_id=cohort_id, cohort_name=cohort[0][1], modules=modules,
                           scenarios_total=len(library.scenarios), learners=tuple(learners),
                           skill_averages=averages)


def _tell_namesakes_apart(rows: list[LearnerRow]) -> list[LearnerRow]:
    """Rows sharing a name get what tells them apart: the employee ID column already does, else the
    e-mail, else the first activity (read for these few rows only)."""
    from workbook.store.learners import first_activity

    names = Counter(row.name.casefold() for row in rows)
    told = []
    for row in rows:
        if names[row.name.casefold()] > 1 and not row.employee_id:
            first = first_activity(row.learner_id)
            hint = row.email or (f"first activity {first[:10]}" if first else "no activity yet")
            row = replace(row, namesake_hint=hint)
        told.append(row)
    return told


def rebuild_totals() -> None:
    """Recompute every per-learner total from the activity rows, in one transaction."""
    with database.atomic():
        for table in migrations.SUMMARY_TABLES:
            database.execute_sql(f"DELETE FROM {table}")
        for statement in migrations.summary_rebuild():
            database.execute_sql(statement)
        for table in migrations.PACE_TABLES:
            database.execute_sql(f"DELETE FROM {table}")
        for statement in migrations.pace_rebuild():
            database.execute_sql(statement)


def _fetcher(parameters: dict[str, Any]) -> Callable[[str], list[tuple]]:
    """Reads one of QUERIES by name, when asked (in their order): the members read binds the
    member ids for the queries after it."""
    def fetch(name: str) -> list[tuple]:
        nonlocal parameters
        rows = dialect.run_raw(QUERIES[name], parameters)
        if name == "members":
            parameters = parameters | {"members": json.dumps([row[0] for row in rows])}
        return rows

    return fetch


def _round(value: float) -> int:
    """Half up, as a trainer rounds a percent (Python's round() would make 62.5 into 62)."""
    return int(value + 0.5)


def _moment(text: str | None, now: datetime | None) -> datetime | None:
    """A stored timestamp, no later than `now` when given."""
    if not text:
        return None
    moment = parse_utc_text(text)
    return min(moment, now) if now is not None else moment
