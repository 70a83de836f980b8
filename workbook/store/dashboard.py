"""Fill a cohort dashboard with a handful of set-based queries over the cohort's members.

The queries read the summaries that triggers keep beside the activity rows: one row per learner
holding its per-module, per-quiz, per-call and per-skill totals as JSON (schema step 10), read with
the member's own row, and the pace tables (step 6); never the activity rows and their JSON. Activity
rows never change once written, so the totals stay exact; `rebuild_totals` recomputes them from the
rows anyway (after a merge or a repair, or to check them). Python sorts the members' figures into
`LearnerRow`s, keeping only what the content still has.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

import msgspec
from msgspec.structs import replace

from workbook.core.activity import section_object_id
from workbook.core.content import Library
from workbook.core.dashboard_model import CohortDashboard, LearnerRow, ModuleColumn
from workbook.core.pace import Pace
from workbook.store import dialect, migrations
from workbook.store.clock import parse_utc_text
from workbook.store.models import database
from workbook.store.pace import cohort_pace, pace_parameters, pace_sql
from workbook.store.practice_calls import call_object_id

# The queries run in this order; after "members" its learner ids (members as the people they are,
# through merges) are bound as `:members`, so the later queries read those learners only and never
# resolve the cohort's members again (about a quarter of the dashboard's SQL time, on either database).
# The content's current sections are bound as a JSON array, to subtract sections since removed.
MEMBERS = "(SELECT value FROM json_each(:members))"
QUERIES: dict[str, str] = {
    "cohort": "SELECT id, name FROM cohort WHERE id = :cohort",
    # When each member joined: enrolled (a member only through a profile merged into theirs: when that
    # one was), or the profile created if later. Two primary-key seeks per member (about 1.5 ms of
    # CPU for 2,000); an OR of the two instead made SQLite scan every membership for each member.
    # Each member's figures come along (`learner_dashboard`, one JSON document per learner).
    "members": """
        SELECT l.id, l.display_name, l.employee_id, l.email, t.last_at, t.certificate_id, l.archived_at,
               l.created_at,
               coalesce((SELECT k.added_at FROM cohort_member AS k
                          WHERE k.cohort_id = m.cohort_id AND k.learner_id = m.learner_id),
                        (SELECT max(k.added_at) FROM learner_alias AS s
                           JOIN cohort_member AS k
                             ON k.learner_id = s.learner_id AND k.cohort_id = m.cohort_id
                          WHERE s.survivor_id = m.learner_id)),
               d.figures
          FROM cohort_member_resolved AS m
          JOIN learner AS l ON l.id = m.learner_id
          LEFT JOIN learner_latest AS t ON t.learner_id = m.learner_id
          LEFT JOIN learner_dashboard AS d ON d.learner_id = m.learner_id
         WHERE m.cohort_id = :cohort""",
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
    # Median seconds per question and per call turn, and rushed attempts (migration step 6).
    "pace": pace_sql(MEMBERS[1:-1]),
}


class NoSuchCohort(LookupError):
    """The cohort id names no cohort (deleted database, or a stale selection in the UI)."""


def dashboard_parameters(library: Library, cohort_id: str) -> dict[str, Any]:
    """The values bound into QUERIES: the cohort, and the content's current sections."""
    sections = [section_object_id(m.id, s.id) for m in library.modules for s in m.sections]
    return {"cohort": cohort_id, "sections": json.dumps(sections)} | pace_parameters()


def skill_bar(library: Library) -> int:
    """The skill score a call needs to count as handled well: the course's bar (0 without a course)."""
    return library.course.requires.calls.min_skill_score if library.course is not None else 0


def cohort_dashboard(library: Library, cohort_id: str, now: datetime | None = None) -> CohortDashboard:
    """The cohort's matrix and figures. A profile merged into another counts as that one; an
    archived profile is listed with `archived` set, never left out (a learner cannot hide this way).
    A call counts as handled well by the certificate's rule: it ended well with a skill score of at
    least the course's bar (`core.completion.CallOutcome.counts`).

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
    figures = _Figures(library)
    learners_figures = {row[0]: figures.read(row[9]) for row in member_rows}
    for learner_id, module_id, removed in fetch("removed_sections"):
        read = learners_figures[learner_id][0] if learner_id in learners_figures else {}
        left = read.get(module_id, 0) - removed
        if left > 0:
            read[module_id] = left
        else:
            read.pop(module_id, None)
    paces = cohort_pace(fetch("pace"))
    cohort_skill: dict[str, list[float]] = defaultdict(list)
    learners = []
    for (learner_id, name, employee_id, email, last_active, certificate, archived_at, created,
         enrolled, _) in member_rows:
        sections, quiz, played, handled_well, means = learners_figures[learner_id]
        for skill, mean in means.items():
            cohort_skill[skill].append(mean)
        learners.append(LearnerRow(
            learner_id=learner_id, name=name, employee_id=employee_id, email=email,
            sections_read=sections, quiz_best=quiz, calls_played=played, calls_strong=handled_well,
            certificate_id=certificate, skills={skill: _round(mean) for skill, mean in means.items()},
            last_active=_moment(last_active, now), pace=paces.get(learner_id, Pace()),
            archived=archived_at is not None,
            joined=_moment(max(filter(None, (created, enrolled)), default=None), now)))
    learners = _tell_namesakes_apart(learners)
    learners.sort(key=lambda row: (row.name.casefold(), row.learner_id))
    modules = tuple(ModuleColumn(m.id, m.title, len(m.sections), m.quiz is not None) for m in library.modules)
    # fsum: the same average whatever order the members come in
    averages = {skill: _round(math.fsum(values) / len(values))
                for skill, values in sorted(cohort_skill.items())}
    return CohortDashboard(cohort_id=cohort_id, cohort_name=cohort[0][1], modules=modules,
                           scenarios_total=len(library.scenarios), learners=tuple(learners),
                           skill_averages=averages)


_decode = msgspec.json.Decoder().decode


class _Figures:
    """Reads a member's `learner_dashboard` document, keeping what the content still has: modules,
    quizzes, scenarios and (when the content names its skills) skills."""

    def __init__(self, library: Library) -> None:
        # the content's own id strings, so 2,000 rows share one copy of each key
        self.modules = {m.id: m.id for m in library.modules}
        self.quizzes = {m.id: m.id for m in library.modules if m.quiz is not None}
        self.scenarios = {call_object_id(s.id) for s in library.scenarios}
        self.skills = {skill: skill for skill in library.skills} or None
        self.bar = skill_bar(library)

    def read(self, document: str | dict | None
             ) -> tuple[dict[str, int], dict[str, int], int, int, dict[str, float]]:
        """(sections read per module, best quiz percent per module, scenarios played, scenarios
        handled well, mean percent per skill) from one document (a dict where the driver parsed it)."""
        if document is None:
            return {}, {}, 0, 0, {}
        # msgspec reads the 17-digit totals to the same doubles as json.loads, about 2.6x faster (2,000
        # one-kilobyte documents: 28 ms against 73 ms, the largest part of the dashboard's Python time)
        found = _decode(document) if isinstance(document, str) else document
        modules, quizzes, scenarios, skills = self.modules, self.quizzes, self.scenarios, self.skills
        sections = {modules[m]: n for m, n in found.get("sections", {}).items() if m in modules}
        quiz = {quizzes[m]: int(best) for m, best in found.get("quiz", {}).items()
                if m in quizzes and best is not None}
        scores = [score for call, score in found.get("calls", {}).items() if call in scenarios]
        means = {}
        for skill, (total, count) in found.get("skills", {}).items():
            if count and total is not None and (skills is None or skill in skills):
                means[skill if skills is None else skills[skill]] = total / count
        return sections, quiz, len(scores), sum(1 for score in scores if score >= self.bar), means


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
