"""Trainer cohorts: named groups of learner profiles, and enrolling a class from a roster.

Cohorts are archived (hidden), never deleted. Unenrolling removes only the membership row:
nothing here deletes a learner or an activity row, so a mistake in a roster costs no history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from msgspec import Struct, field
from peewee import SQL

from workbook.core.counting import plural
from workbook.core.problems import Problem
from workbook.core.roster import RosterRow, name_key, same_person_name
from workbook.store import dialect
from workbook.store.clock import new_id, utc_now_text
from workbook.store.learners import Learner, ProfileError, learner_from, new_learner_record
from workbook.store.models import CohortMemberRecord, CohortRecord, LearnerRecord, database

MAX_NAME = 80


class CohortError(ValueError):
    """A cohort change that cannot be made; the message says why, for the trainer."""


ADDED, UPDATED, UNCHANGED, REJECTED = "added", "updated", "unchanged", "rejected"


class RosterLine(Struct, frozen=True):
    """What happened to one roster row, so every line of the file is accounted for."""

    line: int
    name: str
    outcome: str  # added (a new profile) | updated (enrolled or filled in) | unchanged | rejected
    detail: str = ""


class RosterResult(Struct, frozen=True):
    """What an import did: profiles created, matched to existing ones, newly enrolled."""

    created: int = 0
    matched: int = 0
    enrolled: int = 0  # newly enrolled in the cohort (created or matched)
    already_enrolled: int = 0
    restored: int = 0  # archived profiles matched by employee id and shown again
    skipped: tuple[Problem, ...] = field(default_factory=tuple)  # rows that could not be placed
    lines: tuple[RosterLine, ...] = ()

    def count(self, outcome: str) -> int:
        return sum(line.outcome == outcome for line in self.lines)

    def summary(self) -> str:
        parts = [plural(self.count(ADDED), "new profile"), f"{self.count(UPDATED)} updated",
                 f"{self.count(UNCHANGED)} unchanged", f"{self.count(REJECTED)} rejected"]
        return f"{plural(self.enrolled, 'learner')} enrolled: " + ", ".join(parts)


def roster_report(roster, result: RosterResult | None, source: Path) -> tuple[list[str], str]:
    """Every line of a roster import for the trainer (columns read, then each row's outcome in file
    order) and a one-line summary whose counts add up to the rows in the file."""
    lines = []
    if roster.recognised:
        lines.append("Columns read: " + ", ".join(f"'{header}' as {field}" for header, field in
                                                  roster.recognised))
    if roster.unknown_columns:
        lines.append("Columns not used: " + ", ".join(f"'{header}'" for header in roster.unknown_columns))
    entries = [(p.line, f"{source.name}:{p.line}: rejected: {p.field}: {p.message}") for p in roster.problems]
    for line in result.lines if result is not None else ():
        entries.append((line.line, f"{source.name}:{line.line}: {line.outcome}: {line.name}"
                                   + (f" ({line.detail})" if line.detail else "")))
    lines += [text for _, text in sorted(entries)]
    rejected = len({p.line for p in roster.problems}) + (result.count(REJECTED) if result else 0)
    counts = [(result.count(ADDED) if result else 0, "added"), (result.count(UPDATED) if result else 0,
              "updated"), (result.count(UNCHANGED) if result else 0, "unchanged"), (rejected, "rejected")]
    total = sum(count for count, _ in counts)
    summary = (f"{plural(total, 'row')}: " + ", ".join(f"{count} {word}" for count, word in counts)
               + (f"; {plural(result.enrolled, 'learner')} newly enrolled" if result else ""))
    return lines, summary


class Cohort(Struct, frozen=True):
    """A trainer's group of learners as plain data; archived (hidden), never deleted."""

    id: str
    name: str
    created_at: str
    archived_at: str | None = None


def _cohort(record: CohortRecord) -> Cohort:
    return Cohort(record.id, record.name, record.created_at, record.archived_at)


def create_cohort(name: str, now: datetime | None = None) -> Cohort:
    clean = _clean_name(name)
    with database.atomic():
        _refuse_taken(clean)
        return _cohort(CohortRecord.create(id=new_id(), name=clean, created_at=utc_now_text(now)))


def rename_cohort(cohort_id: str, name: str) -> Cohort:
    clean = _clean_name(name)
    with database.atomic():
        cohort = _get(cohort_id)
        if cohort.archived_at is None:
            _refuse_taken(clean, except_id=cohort_id)
        cohort.name = clean
        cohort.save()
        return _cohort(cohort)


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


def get_cohort(cohort_id: str) -> Cohort | None:
    record = CohortRecord.get_or_none(CohortRecord.id == cohort_id)
    return None if record is None else _cohort(record)


def find_cohort(name: str) -> Cohort | None:
    """The active cohort with this name (case-insensitive), if any."""
    wanted = " ".join(name.split()).casefold()
    return next((c for c in list_cohorts() if c.name.casefold() == wanted), None)


def list_cohorts(include_archived: bool = False) -> list[Cohort]:
    """Cohorts sorted by name; archived ones only when asked for."""
    query = CohortRecord.select()
    if not include_archived:
        query = query.where(CohortRecord.archived_at.is_null())
    return sorted(map(_cohort, query),
                  key=lambda cohort: (cohort.archived_at is not None, cohort.name.casefold()))


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


def members(cohort_id: str, include_archived: bool = False) -> list[Learner]:
    """The cohort's learner profiles, sorted by name (archived profiles only when asked for). A
    member merged into another profile is listed as the profile that survives."""
    resolved = f"(SELECT learner_id FROM cohort_member_resolved WHERE cohort_id = {dialect.param()})"
    query = LearnerRecord.select().where(LearnerRecord.id.in_(SQL(resolved, [cohort_id])))
    if not include_archived:
        query = query.where(LearnerRecord.archived_at.is_null())
    return sorted(map(learner_from, query), key=lambda learner: learner.display_name.casefold())


def cohorts_of(learner_id: str) -> list[Cohort]:
    query = (CohortRecord.select()
             .join(CohortMemberRecord, on=CohortMemberRecord.cohort == CohortRecord.id)
             .where(CohortMemberRecord.learner == learner_id))
    return sorted(map(_cohort, query), key=lambda cohort: cohort.name.casefold())


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
    lines: list[RosterLine] = []
    with database.atomic():
        _get(cohort_id)
        learners = list(LearnerRecord.select())
        by_employee: dict[str, list[LearnerRecord]] = {}
        by_name: dict[str, list[LearnerRecord]] = {}
        for learner in learners:
            _index(learner, by_employee, by_name)
        already = {member.learner_id for member in
                   CohortMemberRecord.select().where(CohortMemberRecord.cohort == cohort_id)}
        for row in rows:
            learner, why = _match(row, by_employee, by_name)
            if why:
                skipped.append(Problem(source, row.line, "name", why))
                lines.append(RosterLine(row.line, row.name, REJECTED, why))
                continue
            if learner is None:
                try:
                    learner = new_learner_record(row.name, row.employee_id)
                except ProfileError as error:
                    skipped.append(Problem(source, row.line, "name", str(error)))
                    lines.append(RosterLine(row.line, row.name, REJECTED, str(error)))
                    continue
                if row.email:
                    learner.email = row.email
                    learner.save()
                _index(learner, by_employee, by_name)
                created += 1
                lines.append(RosterLine(row.line, row.name, ADDED, "new profile, enrolled"))
            else:
                matched += 1
                changes = []
                if learner.archived_at is not None:
                    learner.archived_at = None
                    changes.append("shown again (it was archived)")
                    restored += 1
                if row.email and not learner.email:
                    learner.email = row.email
                    changes.append("email added")
                if row.employee_id and not learner.employee_id:
                    learner.employee_id = row.employee_id
                    changes.append("employee id added")
                    by_employee.setdefault(row.employee_id.casefold(), []).append(learner)
                if changes:
                    learner.save()
                if learner.id not in already and learner.id not in chosen:
                    changes.insert(0, "enrolled")
                lines.append(RosterLine(row.line, row.name, UPDATED if changes else UNCHANGED,
                                        f"'{learner.display_name}': " + (", ".join(changes) or
                                                                         "already in the cohort")))
            chosen.append(learner.id)
        unique = list(dict.fromkeys(chosen))
        enrolled = enrol(cohort_id, unique, now=now)
    return RosterResult(created=created, matched=matched, enrolled=enrolled,
                        already_enrolled=len(unique) - enrolled, restored=restored, skipped=tuple(skipped),
                        lines=tuple(lines))


def _match(row: RosterRow, by_employee: dict[str, list[LearnerRecord]],
           by_name: dict[str, list[LearnerRecord]]) -> tuple[LearnerRecord | None, str]:
    """(profile or None to create one, reason to skip the row or "")."""
    if row.employee_id:
        same = by_employee.get(row.employee_id.casefold(), [])
        active = [learner for learner in same if learner.archived_at is None]
        if active or same:
            owner = (active or same)[0]
            if not same_person_name(owner.display_name, row.name):
                return None, (f"employee id {row.employee_id} belongs to '{owner.display_name}' here, but "
                              f"the roster names '{row.name}': check the roster (or rename the profile "
                              "first if the name really changed)")
            return owner, ""
        unnumbered = [learner for learner in by_name.get(name_key(row.name), [])
                      if learner.archived_at is None and not learner.employee_id]
        return (unnumbered[0] if len(unnumbered) == 1 else None), ""
    named = [learner for learner in by_name.get(name_key(row.name), []) if learner.archived_at is None]
    if len(named) > 1:
        return None, (f"{len(named)} profiles are called '{row.name}': add their employee ids to the "
                      "roster so the right one is enrolled")
    return (named[0] if named else None), ""


def _index(learner: LearnerRecord, by_employee: dict[str, list[LearnerRecord]],
           by_name: dict[str, list[LearnerRecord]]) -> None:
    if learner.employee_id:
        by_employee.setdefault(learner.employee_id.casefold(), []).append(learner)
    by_name.setdefault(name_key(learner.display_name), []).append(learner)


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
    cohort = CohortRecord.get_or_none(CohortRecord.id == cohort_id)
    if cohort is None:
        raise CohortError(f"No cohort with id {cohort_id}.")
    return cohort

