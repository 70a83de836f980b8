"""The xAPI vocabulary the workbook's statements use: IRIs, verbs, activity types, ids and times.

Ids other systems know are used where one exists (ADL verbs and activity types); the workbook's own
activity ids and extension keys are `urn:difficult-calls-workbook:...` IRIs: stable, never resolved,
owned by nobody else. Which activity row becomes which statement is `reports/xapi.py`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

# 1.0.3 section 2.4.10: a Learning Record Provider that sets "version" MUST set it to 1.0.0 (the data
# model of every 1.0.x); the patch version followed travels in the X-Experience-API-Version header.
XAPI_VERSION = "1.0.0"
LANGUAGE = "en"  # the lessons are English; the region is not known, so the bare tag (section 4.2)
IRI_BASE = "urn:difficult-calls-workbook"
# Fixed forever: changing it would give every statement a new id and an LRS would take them all again.
STATEMENT_NAMESPACE = uuid.UUID("26bf8b5f-7390-5726-9876-0cd0a7b739ba")

VERBS = {
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "responded": "http://adlnet.gov/expapi/verbs/responded",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "exited": "http://adlnet.gov/expapi/verbs/exited",
    "earned": "http://id.tincanapi.com/verb/earned",
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "module": "http://adlnet.gov/expapi/activities/module",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "interaction": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "question": "http://adlnet.gov/expapi/activities/question",
    "simulation": "http://adlnet.gov/expapi/activities/simulation",
    "certificate": "http://id.tincanapi.com/activitytype/certificate",
}
_NAME_LIMIT = 120


def statement_id(row_id: str) -> str:
    """The statement id of an activity row: the same row always gives the same UUID."""
    return str(uuid.uuid5(STATEMENT_NAMESPACE, row_id))


def as_uuid(value: str) -> str:
    """A workbook id (UUID hex) in the standard UUID form; any other text gets a stable UUID."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return str(uuid.uuid5(STATEMENT_NAMESPACE, f"id:{value}"))


def iri(*parts: str) -> str:
    """`urn:difficult-calls-workbook:part:part...`, each part percent-encoded (ids are slugs anyway)."""
    return ":".join([IRI_BASE, *(quote(part, safe="/") for part in parts)])


def course_iri(course_id: str) -> str:
    return iri("course", course_id)


def module_iri(module_id: str) -> str:
    return iri("module", module_id)


def section_iri(module_id: str, section_id: str) -> str:
    return f"{module_iri(module_id)}/section:{quote(section_id, safe='')}"


def quiz_iri(module_id: str) -> str:
    return f"{module_iri(module_id)}/quiz"


def question_iri(module_id: str, question_id: str) -> str:
    return f"{quiz_iri(module_id)}/question:{quote(question_id, safe='')}"


def call_iri(scenario_id: str) -> str:
    return iri("call", scenario_id)


def turn_iri(scenario_id: str, node_id: str) -> str:
    return f"{call_iri(scenario_id)}/node:{quote(node_id, safe='')}"


def extension_iri(name: str) -> str:
    return iri("extension", name)


def duration(seconds: float) -> str:
    """ISO 8601 duration in seconds (`PT75S`, `PT4.5S`): 1.0.3 wants at most 0.01 s precision."""
    hundredths = max(0, round(seconds * 100))
    whole, part = divmod(hundredths, 100)
    return f"PT{whole}S" if not part else f"PT{whole}.{part:02d}".rstrip("0") + "S"


def timestamp(text: str) -> str | None:
    """A stored UTC time as ISO 8601 with milliseconds and `Z`; None if it cannot be read."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def language_map(text: str) -> dict[str, str]:
    return {LANGUAGE: text}


def _clip(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _NAME_LIMIT else line[:_NAME_LIMIT - 1].rstrip() + "\u2026"


def verb_object(name: str) -> dict[str, Any]:
    return {"id": VERBS[name], "display": language_map(name)}


def component_id(index: int) -> str:
    """Interaction component ids a, b, ... z, aa, ab: short, no whitespace, distinct."""
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("a") + rest) + name
    return name


def activity_object(activity_id: str, kind: str, name: str | None = None, description: str | None = None,
                    **interaction: Any) -> dict[str, Any]:
    definition: dict[str, Any] = {}
    if name:
        definition["name"] = language_map(_clip(name))
    if description:
        definition["description"] = language_map(description)
    definition["type"] = ACTIVITY_TYPES[kind]
    definition.update(interaction)
    return {"objectType": "Activity", "id": activity_id, "definition": definition}
