"""Learner profiles: create, list, rename, archive (profiles are hidden, never deleted)."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.store.clock import new_id, utc_now_text
from workbook.store.models import LearnerRecord

MAX_NAME = 80


class ProfileError(ValueError):
    """A profile field the user typed cannot be used; the message says why."""


@dataclass(frozen=True)
class Learner:
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
    query = LearnerRecord.select().where(LearnerRecord.archived_at.is_null())
    return sorted(map(learner_from, query), key=lambda learner: learner.display_name.casefold())


def get_learner(learner_id: str) -> Learner | None:
    record = LearnerRecord.get_or_none(LearnerRecord.id == learner_id)
    return None if record is None else learner_from(record)


def find_learner(name_or_id: str) -> Learner | None:
    """By UUID, employee ID, or exact display name (case-insensitive)."""
    wanted = name_or_id.strip()
    for learner in LearnerRecord.select():
        if wanted in (learner.id, learner.employee_id) or (
            learner.display_name.casefold() == wanted.casefold()
        ):
            return learner_from(learner)
    return None


def archive_learner(learner_id: str) -> None:
    LearnerRecord.update(archived_at=utc_now_text()).where(LearnerRecord.id == learner_id).execute()


def unarchive_learner(learner_id: str) -> None:
    LearnerRecord.update(archived_at=None).where(LearnerRecord.id == learner_id).execute()
