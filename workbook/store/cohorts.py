"""Trainer cohorts: named groups of learner profiles, and enrolling a class from a roster.

Cohorts are archived (hidden), never deleted. Unenrolling removes only the membership row:
nothing here deletes a learner or an activity row, so a mistake in a roster costs no history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import SQL

from workbook.core.problems import Problem
from workbook.core.roster import RosterRow
from workbook.store.clock import new_id, utc_now_text
from workbook.store.learners import ProfileError, create_learner
from workbook.store.models import CohortMemberRecord, CohortRecord, LearnerRecord, database

MAX_NAME = 80


class CohortError(ValueError):
    """A cohort change that cannot be made; the message says why, for the trainer."""


@dataclass(frozen=True)
class RosterResult:
    """What an import did: profiles created, matched to existing ones, newly enrolled."""

    created: int = 0
    matched: int = 0
    enrolled: int = 0  # newly enrolled in the cohort (created or matched)
    already_enrolled: int = 0
    restored: int = 0  # archived profiles matched by employee id and shown again
    skipped: tuple[Problem, ...] = field(default_factory=tuple)  # rows that could not be placed

    def summary(self) -> str:
        parts = [f"{self.enrolled} enrolled", f"{self.created} new profiles",
                 f"{self.matched} existing profiles"]
        if self.already_enrolled:
            parts.append(f"{self.already_enrolled} already in the cohort")
        if self.skipped:
            parts.append(f"{len(self.skipped)} rows skipped")
        return ", ".join(parts)


def create_cohort(name: str, now: datetime | None = None) -> CohortRecord:
    clean = _clean_name(name)
    with database.atomic():
        _refuse_taken(clean)
        return CohortRecord.create(id=new_id(), name=clean, created_at=utc_now_text(now))


def rename_cohort(cohort_id: str, name: str) -> CohortRecord:
    clean = _clean_name(name)
    with database.atomic():
        cohort = _get(cohort_id)
        if cohort.archived_at is None:
            _refuse_taken(clean, except_id=cohort_id)
        cohort.name = clean
        cohort.save()
        return cohort


def archive_cohort(cohort_id: str, now: datetime | None = None) -> None:
    """Hide the cohort from the trainer's list; its members and their activity stay."""
    with database.atomic():
        cohort = _get(cohort_id)
        if cohort.archived_at is None:
            cohort.archived_at = utc_now_text(now)
            cohort.save()


def unarchive_cohort(cohort_id: str) -> None:
    with database.atomic():
        cohort = _get(cohort_id)
        if cohort.archived_at is not None:
            _refuse_taken(cohort.name, except_id=cohort_id, restoring=True)
            cohort.archived_at = None
            cohort.save()


def get_cohort(cohort_id: str) -> CohortRecord | None:
    return CohortRecord.get_or_none(CohortRecord.id == cohort_id)


def find_cohort(name: str) -> CohortRecord | None:
    """The active cohort with this name (case-insensitive), if any."""
    wanted = " ".join(name.split()).casefold()
    return next((c for c in list_cohorts() if c.name.casefold() == wanted), None)


def list_cohorts(include_archived: bool = False) -> list[CohortRecord]:
    """Cohorts sorted by name; archived ones only when asked for."""
    query = CohortRecord.select()
    if not include_archived:
        query = query.where(CohortRecord.archived_at.is_null())
    return sorted(query, key=lambda cohort: (cohort.archived_at is not None, cohort.name.casefold()))


def enrol(cohort_id: str, learner_ids: Iterable[str], now: datetime | None = None) -> int:
    """Add learners to the cohort; returns how many were not members yet."""
    stamp = utc_now_text(now)
    ids = list(dict.fromkeys(learner_ids))
    with database.atomic():
        _get(cohort_id)
        known: set[str] = set()
        for start in range(0, len(ids), 400):
            query = LearnerRecord.select(LearnerRecord.id).where(LearnerRecord.id.in_(ids[start:start + 400]))
            known.update(row.id for row in query)
        unknown = [learner_id for learner_id in ids if learner_id not in known]
        if unknown:
            raise CohortError(f"No learner profile with id {unknown[0]}.")
        before = _member_count(cohort_id)
        for start in range(0, len(ids), 400):
            rows = [{"cohort": cohort_id, "learner": learner_id, "added_at": stamp}
                    for learner_id in ids[start:start + 400]]
            CohortMemberRecord.insert_many(rows).on_conflict_ignore().execute()
        return _member_count(cohort_id) - before


def unenrol(cohort_id: str, learner_ids: Iterable[str]) -> int:
    """Take learners out of the cohort (their profiles and activity stay); returns how many."""
    ids = list(dict.fromkeys(learner_ids))
    removed = 0
    with database.atomic():
        for start in range(0, len(ids), 400):
            removed += (CohortMemberRecord.delete()
                        .where(CohortMemberRecord.cohort == cohort_id,
                               CohortMemberRecord.learner.in_(ids[start:start + 400]))
                        .execute())
    return removed


def members(cohort_id: str, include_archived: bool = False) -> list[LearnerRecord]:
    """The cohort's learner profiles, sorted by name (archived profiles only when asked for). A
    member merged into another profile is listed as the profile that survives."""
    query = LearnerRecord.select().where(LearnerRecord.id.in_(
        SQL("(SELECT learner_id FROM cohort_member_resolved WHERE cohort_id = ?)", [cohort_id])))
    if not include_archived:
        query = query.where(LearnerRecord.archived_at.is_null())
    return sorted(query, key=lambda learner: learner.display_name.casefold())


def cohorts_of(learner_id: str) -> list[CohortRecord]:
    query = (CohortRecord.select()
             .join(CohortMemberRecord, on=CohortMemberRecord.cohort == CohortRecord.id)
             .where(CohortMemberRecord.learner == learner_id))
    return sorted(query, key=lambda cohort: cohort.name.casefold())


def import_roster(cohort_id: str, rows: Sequence[RosterRow], now: datetime | None = None,
                  source: Path | None = None) -> RosterResult:
    """Match, create and enrol every row in one transaction (all or nothing on an error).

    A row matches an existing profile by employee id, ignoring case (active first, then archived,
    which is shown again); a row without an employee id matches the one active profile with exactly that name;
    a row with a new employee id adopts the one active profile of that name that has no employee
    id yet. Other rows become new profiles. A matched profile keeps its name; an empty email or
    employee id is filled in from the roster, a different one is never overwritten.
    """
    source = source or Path("roster")
    created = matched = restored = 0
    skipped: list[Problem] = []
    chosen: list[str] = []
    with database.atomic():
        _get(cohort_id)
        learners = list(LearnerRecord.select())
        by_employee: dict[str, list[LearnerRecord]] = {}
        by_name: dict[str, list[LearnerRecord]] = {}
        for learner in learners:
            _index(learner, by_employee, by_name)
        for row in rows:
            learner, why = _match(row, by_employee, by_name)
            if why:
                skipped.append(Problem(source, row.line, "name", why))
                continue
            if learner is None:
                try:
                    learner = create_learner(row.name, row.employee_id)
                except ProfileError as error:
                    skipped.append(Problem(source, row.line, "name", str(error)))
                    continue
                if row.email:
                    learner.email = row.email
                    learner.save()
                _index(learner, by_employee, by_name)
                created += 1
            else:
                matched += 1
                changed = False
                if learner.archived_at is not None:
                    learner.archived_at, changed = None, True
                    restored += 1
                if row.email and not learner.email:
                    learner.email, changed = row.email, True
                if row.employee_id and not learner.employee_id:
                    learner.employee_id, changed = row.employee_id, True
                    by_employee.setdefault(row.employee_id.casefold(), []).append(learner)
                if changed:
                    learner.save()
            chosen.append(learner.id)
        unique = list(dict.fromkeys(chosen))
        enrolled = enrol(cohort_id, unique, now=now)
    return RosterResult(created=created, matched=matched, enrolled=enrolled,
                        already_enrolled=len(unique) - enrolled, restored=restored, skipped=tuple(skipped))


def _match(row: RosterRow, by_employee: dict[str, list[LearnerRecord]],
           by_name: dict[str, list[LearnerRecord]]) -> tuple[LearnerRecord | None, str]:
    """(profile or None to create one, reason to skip the row or "")."""
    if row.employee_id:
        same = by_employee.get(row.employee_id.casefold(), [])
        active = [learner for learner in same if learner.archived_at is None]
        if active or same:
            return (active or same)[0], ""
        unnumbered = [learner for learner in by_name.get(row.name, [])
                      if learner.archived_at is None and not learner.employee_id]
        return (unnumbered[0] if len(unnumbered) == 1 else None), ""
    named = [learner for learner in by_name.get(row.name, []) if learner.archived_at is None]
    if len(named) > 1:
        return None, (f"{len(named)} profiles are called '{row.name}': add their employee ids to the "
                      "roster so the right one is enrolled")
    return (named[0] if named else None), ""


def _index(learner: LearnerRecord, by_employee: dict[str, list[LearnerRecord]],
           by_name: dict[str, list[LearnerRecord]]) -> None:
    if learner.employee_id:
        by_employee.setdefault(learner.employee_id.casefold(), []).append(learner)
    by_name.setdefault(learner.display_name, []).append(learner)


def _member_count(cohort_id: str) -> int:
    return CohortMemberRecord.select().where(CohortMemberRecord.cohort == cohort_id).count()


def _clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise CohortError("Enter a cohort name.")
    if len(clean) > MAX_NAME:
        raise CohortError(f"Keep the cohort name under {MAX_NAME} characters.")
    return clean


def _refuse_taken(name: str, except_id: str | None = None, restoring: bool = False) -> None:
    """Active cohort names are unique, ignoring case (the database's index backs this up)."""
    wanted = name.casefold()
    query = CohortRecord.select().where(CohortRecord.archived_at.is_null())
    if except_id is not None:
        query = query.where(CohortRecord.id != except_id)
    for other in query:
        if other.name.casefold() == wanted:
            if restoring:
                raise CohortError(f"Another active cohort is called '{other.name}': rename one of them "
                                  "before restoring this one.")
            raise CohortError(f"A cohort called '{other.name}' already exists: choose another name.")


def _get(cohort_id: str) -> CohortRecord:
    cohort = get_cohort(cohort_id)
    if cohort is None:
        raise CohortError(f"No cohort with id {cohort_id}.")
    return cohort

