"""What a trainer's cohort dashboard shows, as plain data: one row per learner, per-skill averages,
and the questions a trainer asks of it (weakest skills, who has stalled).

Filled by `workbook.store.dashboard` with a handful of aggregate queries; drawn by the UI and by
the cohort reports, so all three agree on every figure.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from msgspec import Struct, field

from workbook.core.pace import Pace


class ModuleColumn(Struct, frozen=True):
    module_id: str
    title: str
    sections_total: int
    has_quiz: bool


class LearnerRow(Struct, frozen=True):
    learner_id: str
    name: str
    employee_id: str | None
    email: str | None
    sections_read: dict[str, int] = field(default_factory=dict)  # module id -> sections read
    quiz_best: dict[str, int] = field(default_factory=dict)  # module id -> best percent
    calls_played: int = 0  # scenarios with at least one finished call
    calls_strong: int = 0  # scenarios handled well: a call ended well at the course's skill bar or over
    certificate_id: str | None = None  # the newest certificate issued, if any
    skills: dict[str, int] = field(default_factory=dict)  # skill id -> percent (quizzes and calls)
    last_active: datetime | None = None
    pace: Pace = Pace()  # median seconds per question and per call turn, rushed attempts
    archived: bool = False  # removed from a PC's profile list: still shown to the trainer, marked
    namesake_hint: str = ""  # what tells this row from another of the same name ("first activity ...")
    joined: datetime | None = None  # enrolled in this cohort, or the profile created if later

    @property
    def idle_since(self) -> datetime | None:
        """Since when nothing has happened: the last activity, or joining, whichever came later (a
        learner enrolled yesterday has not stalled for the week before it)."""
        moments = [moment for moment in (self.last_active, self.joined) if moment is not None]
        return max(moments) if moments else None

    @property
    def shown_name(self) -> str:
        """The name as trainer views and reports print it, with what tells namesakes apart and the
        archive mark."""
        marks = [mark for mark in (self.namesake_hint, "archived" if self.archived else "") if mark]
        return f"{self.name} ({', '.join(marks)})" if marks else self.name

    def weakest_skills(self, count: int = 3) -> list[tuple[str, int]]:
        return sorted(self.skills.items(), key=lambda item: (item[1], item[0]))[:count]

    def inactive_for(self, now: datetime) -> timedelta | None:
        return None if self.last_active is None else now - self.last_active


class CohortDashboard(Struct, frozen=True):
    cohort_id: str
    cohort_name: str
    modules: tuple[ModuleColumn, ...]
    scenarios_total: int
    learners: tuple[LearnerRow, ...]
    skill_averages: dict[str, int]  # skill id -> mean percent over learners who have a score

    def weakest_skills(self, count: int = 3) -> list[tuple[str, int]]:
        return sorted(self.skill_averages.items(), key=lambda item: (item[1], item[0]))[:count]

    def stalled(self, days: int, now: datetime) -> list[LearnerRow]:
        """Learners with no activity for `days` days, counted from their last activity or from joining
        the cohort if that was later (none at all and no date joined: stalled), longest-idle first. A
        learner who holds a certificate has finished, not stalled: the trainer is looking for who is
        stuck."""
        limit = timedelta(days=days)
        idle = [row for row in self.learners if row.certificate_id is None
                and (row.idle_since is None or now - row.idle_since >= limit)]
        return sorted(idle, key=lambda row: row.idle_since or datetime.min.replace(tzinfo=now.tzinfo))
