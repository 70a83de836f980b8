"""Timestamps and ids for records: UTC ISO 8601 text that sorts as it reads, and UUIDs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def utc_now_text(now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}Z"


def new_id() -> str:
    return uuid.uuid4().hex


def parse_utc_text(text: str) -> datetime:
    """The inverse of `utc_now_text`: a stored timestamp back as an aware UTC datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
