"""Learner profiles: create, list, find, archive (profiles are hidden, never deleted)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from msgspec import Struct
from peewee import fn

from workbook.store.clock import new_id, utc_now_text
from workbook.store.merges import person_ids, survivor_of
from workbook.store.models import ActivityRecord, AliasRecord, LearnerRecord

MAX_NAME = 80


class ProfileError(ValueError):
    """A profile field the user typed cannot be used; the message says why."""


class Learner(Struct, frozen=True):
    """A learner profile as plain data; `id` is a UUID so profiles from other machines merge."""

    id: str
    display_name: str
    employee_id: str | None
    created_at: str
    archived_at: str | None = None
    email: str | None = None


def learner_from(record: LearnerRecord) -> Learner:
    return Learner(record.id, record.display_name, record.employee_id, record.created_at, record.archived_at,
                   record.email)


def _clean(display_name: str, employee_id: str | None) -> tuple[str, str | None]:
    name = " ".join(display_name.split())
    if not name:
        raise ProfileError("Enter a display name.")
    if len(name) > MAX_NAME:
        raise ProfileError(f"Keep the display name under {MAX_NAME} characters.")
    employee = (employee_id or "").strip() or None
    if employee is not None and len(employee) > 40:
        raise ProfileError("Keep the employee ID under 40 characters.")
    return name, employee


def create_learner(display_name: str, employee_id: str | None = None) -> Learner:
    return learner_from(new_learner_record(display_name, employee_id))


def new_learner_record(display_name: str, employee_id: str | None = None) -> LearnerRecord:
    """The new profile's row, for store modules that go on changing it in their transaction."""
    name, employee = _clean(display_name, employee_id)
    if employee is not None and (
        LearnerRecord.select()
        .where(LearnerRecord.employee_id == employee, LearnerRecord.archived_at.is_null())
        .exists()
    ):
        raise ProfileError(f"A profile with employee ID {employee} already exists.")
    return LearnerRecord.create(id=new_id(), display_name=name, employee_id=employee,
                                created_at=utc_now_text())


def active_learners() -> list[Learner]:
    """The PC's profile list: neither archived nor merged into another profile."""
    query = LearnerRecord.select().where(LearnerRecord.archived_at.is_null(),
                                         LearnerRecord.id.not_in(AliasRecord.select(AliasRecord.learner_id)))
    return sorted(map(learner_from, query), key=lambda learner: learner.display_name.casefold())


def archived_learners() -> list[Learner]:
    """Profiles removed from a PC's list (and not merged away), for the trainer to restore."""
    query = LearnerRecord.select().where(LearnerRecord.archived_at.is_null(False),
                                         LearnerRecord.id.not_in(AliasRecord.select(AliasRecord.learner_id)))
    return sorted(map(learner_from, query), key=lambda learner: (learner.display_name.casefold(),
                                                                  learner.created_at))


def get_learner(learner_id: str) -> Learner | None:
    record = LearnerRecord.get_or_none(LearnerRecord.id == learner_id)
    return None if record is None else learner_from(record)


class AmbiguousLearner(LookupError):
    """More than one profile answers to what was typed; `candidates` are told apart by `describe`."""

    def __init__(self, wanted: str, candidates: list[Learner]) -> None:
        super().__init__(f"'{wanted}' matches {len(candidates)} profiles")
        self.wanted = wanted
        self.candidates = candidates


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def matching_learners(name_or_id: str) -> list[Learner]:
    """Every surviving profile whose id, employee ID or display name (Unicode-normalised, any case)
    is `name_or_id`, archived ones included; a profile merged away answers as its survivor."""
    wanted = name_or_id.strip()
    exact = LearnerRecord.get_or_none(LearnerRecord.id == wanted)
    if exact is not None:
        return [get_learner(survivor_of(exact.id)) or learner_from(exact)]
    found: dict[str, Learner] = {}
    for learner in LearnerRecord.select():
        if (learner.employee_id and _folded(learner.employee_id) == _folded(wanted)) or (
                _folded(learner.display_name) == _folded(wanted)):
            survivor = get_learner(survivor_of(learner.id)) or learner_from(learner)
            found.setdefault(survivor.id, survivor)
    return sorted(found.values(), key=lambda learner: (learner.archived_at is not None, learner.created_at))


def find_learner(name_or_id: str) -> Learner | None:
    """By UUID, employee ID, or display name; raises AmbiguousLearner rather than pick one of
    several (an archived match included: the caller names the one it means by id)."""
    found = matching_learners(name_or_id)
    if len(found) > 1:
        raise AmbiguousLearner(name_or_id, found)
    return found[0] if found else None


def first_activity(learner_id: str) -> str | None:
    """When the person first did anything (UTC text), over every merged profile."""
    return (ActivityRecord.select(fn.min(ActivityRecord.occurred_at))
            .where(ActivityRecord.learner.in_(person_ids(learner_id))).scalar())


def describe(learner: Learner | LearnerRecord) -> str:
    """What tells two profiles of the same name apart: ID, e-mail, first activity, archive state."""
    parts = [f"ID {learner.employee_id}" if learner.employee_id else "no ID"]
    if learner.email:
        parts.append(learner.email)
    first = first_activity(learner.id)
    parts.append(f"first activity {first[:10]}" if first else "no activity yet")
    if learner.archived_at:
        parts.append("archived")
    return ", ".join(parts)


def shown_apart(learners: list[Learner]) -> dict[str, str]:
    """Learner id -> the name to list: the display name, with `describe` added when another listed
    profile has the same name, so two "Sam Taylor" rows never look alike."""
    counts = Counter(_folded(learner.display_name) for learner in learners)
    return {learner.id: learner.display_name if counts[_folded(learner.display_name)] == 1
            else f"{learner.display_name} ({describe(learner)})" for learner in learners}


def archive_learner(learner_id: str) -> None:
    LearnerRecord.update(archived_at=utc_now_text()).where(LearnerRecord.id == learner_id).execute()


def unarchive_learner(learner_id: str) -> None:
    LearnerRecord.update(archived_at=None).where(LearnerRecord.id == learner_id).execute()


class LearnerListing(Struct, frozen=True):
    """One profile as the trainer's learner list shows it."""

    id: str
    name: str  # the display name, told apart from a namesake (`shown_apart`)
    employee_id: str | None
    email: str | None
    first_activity: str | None  # UTC text
    archived: bool


def trainer_listing(archived_only: bool = False) -> list[LearnerListing]:
    """Every profile still standing for a person (merged-away ones are not), archived ones marked."""
    merged_away = AliasRecord.select(AliasRecord.learner_id)
    query = LearnerRecord.select().where(LearnerRecord.id.not_in(merged_away))
    if archived_only:
        query = query.where(LearnerRecord.archived_at.is_null(False))
    found = sorted(query, key=lambda learner: (learner.display_name.casefold(), learner.created_at))
    apart = shown_apart(found)
    first = _first_activities()
    return [LearnerListing(learner.id, apart[learner.id], learner.employee_id, learner.email,
                           first.get(learner.id), learner.archived_at is not None) for learner in found]


def _first_activities() -> dict[str, str]:
    """Surviving profile id -> its person's first activity, in one pass over the covering index
    (one query per profile would be thousands for a training centre)."""
    survivors = dict(AliasRecord.select(AliasRecord.learner_id, AliasRecord.survivor_id).tuples())
    first: dict[str, str] = {}
    query = ActivityRecord.select(ActivityRecord.learner, fn.min(ActivityRecord.occurred_at)).group_by(
        ActivityRecord.learner)
    for learner_id, earliest in query.tuples():
        person = survivors.get(learner_id, learner_id)
        if person not in first or earliest < first[person]:
            first[person] = earliest
    return first
