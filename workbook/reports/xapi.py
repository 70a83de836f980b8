"""The activity as xAPI 1.0.3 statements, so a training centre can load it into any Learning Record Store.

One activity row gives at most one statement, and the statement id is derived from the row id, so
exporting twice (or from two machines after a merge) sends the same statements again: an LRS keeps
the copy it has. Quiz questions are described from the snapshot stored when the attempt started, so
a statement says what the learner was shown even after the quiz file was edited.

Vocabulary (IRIs other systems know, rather than our own where one exists):

- section read -> ADL `experienced` a lesson; quiz started -> `attempted` an assessment;
  answer given -> `answered` a cmi.interaction; quiz submitted -> `passed` / `failed`;
  practice call started -> `attempted` a simulation; reply chosen -> ADL `responded` to the turn
  (a cmi.interaction `choice`); call ended -> `completed` (`exited` if it somehow ended without an
  ending); certificate issued -> `http://id.tincanapi.com/verb/earned` a certificate.
- Activity ids and extension keys are `urn:difficult-calls-workbook:...` IRIs: stable, never
  resolved, owned by nobody else.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, assert_never
from urllib.parse import quote

from workbook import APP_NAME
from workbook.core.activity import Verb, split_section_object_id
from workbook.core.attempt import AttemptPlan
from workbook.core.content import Library
from workbook.core.quiz import (
    BestResponse,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from workbook.core.scenario import EndingKind, Rating
from workbook.core.scoring import score
from workbook.store.activity import ActivityRow, activity_rows, learner_names
from workbook.store.merges import person_ids, survivor_map

# 1.0.3 section 2.4.10: a Learning Record Provider that sets "version" MUST set it to 1.0.0 (the data
# model of every 1.0.x); the patch version followed travels in the X-Experience-API-Version header.
XAPI_VERSION = "1.0.0"
LANGUAGE = "en"  # the lessons are English; the region is not known, so the bare tag (section 4.2)
IRI_BASE = "urn:difficult-calls-workbook"
# account.homePage is an IRL (a locator). The workbook has no web site, so the default is a URL under
# the reserved `.invalid` domain (RFC 6761); a centre can pass its own, but should keep it once chosen:
# the LRS tells learners apart by homePage + learner id.
HOME_PAGE = "https://difficult-calls-workbook.invalid/learners"
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


def statements(library: Library, learner_ids: Iterable[str] | None = None, *,
               home_page: str = HOME_PAGE) -> list[dict[str, Any]]:
    """Every activity row (of the given learners, or all) as an xAPI statement, oldest first."""
    if learner_ids is not None:
        learner_ids = sorted({member for learner_id in learner_ids for member in person_ids(learner_id)})
    rows = activity_rows(learner_ids)
    builder = _Builder(library, learner_names(), home_page, survivors=survivor_map())
    builder.prepare(rows)
    return [statement for row in rows if (statement := builder.statement(row)) is not None]


def to_json(found: list[dict[str, Any]]) -> str:
    """The JSON array an LRS takes in one POST to its statements resource (UTF-8, readable)."""
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"


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


def _lang(text: str) -> dict[str, str]:
    return {LANGUAGE: text}


def _clip(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _NAME_LIMIT else line[:_NAME_LIMIT - 1].rstrip() + "\u2026"


def _verb(name: str) -> dict[str, Any]:
    return {"id": VERBS[name], "display": _lang(name)}


def _letter(index: int) -> str:
    """Interaction component ids a, b, ... z, aa, ab: short, no whitespace, distinct."""
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("a") + rest) + name
    return name


def _activity(activity_id: str, kind: str, name: str | None = None, description: str | None = None,
              **interaction: Any) -> dict[str, Any]:
    definition: dict[str, Any] = {}
    if name:
        definition["name"] = _lang(_clip(name))
    if description:
        definition["description"] = _lang(description)
    definition["type"] = ACTIVITY_TYPES[kind]
    definition.update(interaction)
    return {"objectType": "Activity", "id": activity_id, "definition": definition}


def _payload(row: ActivityRow) -> dict[str, Any]:
    try:
        data = json.loads(row.payload or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _seconds_between(start: str | None, end: str) -> float | None:
    try:
        first = datetime.fromisoformat(start.replace("Z", "+00:00")) if start else None
        last = datetime.fromisoformat(end.replace("Z", "+00:00"))
    except ValueError:
        return None
    if first is None:
        return None
    seconds = (last - first).total_seconds()
    return seconds if seconds >= 0 else None  # clocks of merged machines disagree: say nothing


def _question_text(question: Question) -> str:
    match question:
        case BestResponse():
            return f"{question.context}\n\nCaller: \u201c{question.caller_line}\u201d\n\n{question.prompt}"
        case SingleChoice() | MultipleSelect() | TrueFalse() | Ordering() | Matching():
            return question.prompt
        case _:
            assert_never(question)


def _shown_order(shown: Any) -> list[int] | None:
    """The reply indices in the order the learner saw them (the activity's `choices` stay in script
    order, so its definition is the same in every statement); None for a row stored before replies
    were shuffled, or a damaged one."""
    if isinstance(shown, list) and shown and all(type(i) is int and i >= 0 for i in shown) \
            and len(set(shown)) == len(shown):
        return shown
    return None


def interaction_definition(question: Question) -> dict[str, Any]:
    """A quiz question as a cmi.interaction definition: type, components, correct responses."""
    match question:
        case TrueFalse():
            return {"interactionType": "true-false",
                    "correctResponsesPattern": ["true" if question.answer else "false"]}
        case Ordering():
            return {"interactionType": "sequencing",
                    "correctResponsesPattern": ["[,]".join(_letter(i) for i in range(len(question.items)))],
                    "choices": [{"id": _letter(i), "description": _lang(item)}
                                for i, item in enumerate(question.items)]}
        case Matching():
            return {"interactionType": "matching",
                    "correctResponsesPattern": ["[,]".join(f"{_letter(i)}[.]{i + 1}"
                                                           for i in range(len(question.pairs)))],
                    "source": [{"id": _letter(i), "description": _lang(pair.left)}
                               for i, pair in enumerate(question.pairs)],
                    "target": [{"id": str(i + 1), "description": _lang(pair.right)}
                               for i, pair in enumerate(question.pairs)]}
        case SingleChoice() | MultipleSelect() | BestResponse():
            right = [_letter(i) for i, option in enumerate(question.options) if option.correct]
            return {"interactionType": "choice",
                    "correctResponsesPattern": ["[,]".join(right)] if right else [],  # []: none is right
                    "choices": [{"id": _letter(i), "description": _lang(option.text)}
                                for i, option in enumerate(question.options)]}
        case _:
            assert_never(question)


def interaction_response(question: Question, response: tuple[int, ...]) -> str | None:
    """A stored response (indices in the question's file order) in the xAPI response format."""
    match question:
        case TrueFalse():
            return ("true" if response[0] == 0 else "false") if response and response[0] in (0, 1) else None
        case Ordering():
            size = len(question.items)
            valid = [i for i in response if 0 <= i < size]
            return "[,]".join(_letter(i) for i in valid) or None
        case Matching():
            size = len(question.pairs)
            pairs = [f"{_letter(left)}[.]{chosen + 1}" for left, chosen in enumerate(response[:size])
                     if 0 <= chosen < size]
            return "[,]".join(pairs) or None
        case SingleChoice() | MultipleSelect() | BestResponse():
            size = len(question.options)
            return "[,]".join(_letter(i) for i in sorted({i for i in response if 0 <= i < size})) or None
        case _:
            assert_never(question)


class _Builder:
    """Turns rows into statements; remembers attempt plans and start times, and which submissions,
    call ends and turns it has already used (the first one counts, as in the store)."""

    def __init__(self, library: Library, names: dict[str, str], home_page: str,
                 survivors: dict[str, str] | None = None) -> None:
        self.library = library
        self.names = names
        self.survivors = survivors or {}  # merged-away profile -> the profile that stands for them
        self.home_page = home_page
        self.plans: dict[str, AttemptPlan | None] = {}
        self.started: dict[str, str] = {}
        self.used: set[tuple[str, ...]] = set()
        self.handlers = {
            Verb.SECTION_READ: self._section_read, Verb.ATTEMPT_STARTED: self._attempt_started,
            Verb.ANSWER_GIVEN: self._answer_given, Verb.ATTEMPT_SUBMITTED: self._attempt_submitted,
            Verb.CALL_STARTED: self._call_started, Verb.REPLY_CHOSEN: self._reply_chosen,
            Verb.CALL_ENDED: self._call_ended, Verb.CERTIFICATE_ISSUED: self._certificate_issued,
        }

    def prepare(self, rows: list[ActivityRow]) -> None:
        """Read every attempt's plan first, so answers find their question whatever the row order."""
        for row in rows:
            if row.verb == Verb.ATTEMPT_STARTED and row.attempt_id and row.attempt_id not in self.plans:
                try:
                    self.plans[row.attempt_id] = AttemptPlan.from_payload(_payload(row))
                except (KeyError, TypeError, ValueError):
                    self.plans[row.attempt_id] = None  # a snapshot this version cannot read
                self.started[row.attempt_id] = row.occurred_at

    def statement(self, row: ActivityRow) -> dict[str, Any] | None:
        try:
            handler = self.handlers[Verb(row.verb)]
        except (KeyError, ValueError):
            return None  # a verb from a newer workbook: nothing we can say about it
        built = handler(row, _payload(row))
        if built is None:
            return None
        verb, activity, result, context = built
        statement: dict[str, Any] = {"id": statement_id(row.id), "actor": self._actor(row.learner_id),
                                     "verb": _verb(verb), "object": activity}
        if result:
            statement["result"] = result
        statement["context"] = {**context, "platform": APP_NAME}
        moment = timestamp(row.occurred_at)
        if moment is not None:
            statement["timestamp"] = moment
        statement["version"] = XAPI_VERSION
        return statement

    def _actor(self, learner_id: str) -> dict[str, Any]:
        """The person: a row of a merged-away profile is the surviving profile's statement."""
        learner_id = self.survivors.get(learner_id, learner_id)
        actor: dict[str, Any] = {"objectType": "Agent"}
        name = self.names.get(learner_id)
        if name:
            actor["name"] = name
        actor["account"] = {"homePage": self.home_page, "name": learner_id}
        return actor

    @staticmethod
    def _context(registration: str | None = None, parent: list | None = None, grouping: list | None = None,
                 extensions: dict[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = {}
        if registration:
            context["registration"] = as_uuid(registration)
        activities = {key: [a for a in value if a] for key, value in (("parent", parent or []),
                                                                       ("grouping", grouping or []))}
        activities = {key: value for key, value in activities.items() if value}
        if activities:
            context["contextActivities"] = activities
        if extensions:
            context["extensions"] = extensions
        return context

    def _course(self, course_id: str | None = None) -> dict[str, Any] | None:
        course = self.library.course
        if course_id is None and course is None:
            return None
        if course is not None and course_id in (None, course.id):
            return _activity(course_iri(course.id), "course", course.title)
        return _activity(course_iri(course_id), "course", course_id)

    def _module(self, module_id: str) -> dict[str, Any]:
        module = self.library.module(module_id)
        return _activity(module_iri(module_id), "module", module.title if module else module_id,
                         module.meta.summary if module else None)

    def _quiz(self, module_id: str) -> dict[str, Any]:
        module = self.library.module(module_id)
        return _activity(quiz_iri(module_id), "assessment", f"{module.title if module else module_id}: quiz")

    def _simulation(self, scenario_id: str) -> dict[str, Any]:
        scenario = self.library.scenario(scenario_id)
        return _activity(call_iri(scenario_id), "simulation",
                         f"Practice call: {scenario.title if scenario else scenario_id}",
                         scenario.summary if scenario else None)

    def _section_read(self, row: ActivityRow, payload: dict) -> tuple | None:
        module_id, section_id = split_section_object_id(row.object_id)
        module = self.library.module(module_id)
        section = module.section(section_id) if module else None
        activity = _activity(section_iri(module_id, section_id), "lesson",
                             section.title if section else section_id)
        return "experienced", activity, None, self._context(parent=[self._module(module_id)],
                                                            grouping=[self._course()])

    def _quiz_module(self, row: ActivityRow) -> str:
        return row.module_id or row.object_id.split("/", 1)[0]

    def _attempt_started(self, row: ActivityRow, payload: dict) -> tuple | None:
        module_id = self._quiz_module(row)
        plan = self.plans.get(row.attempt_id or "")
        extensions = {extension_iri("questions"): len(plan.questions),
                      extension_iri("pass-mark"): plan.settings.pass_mark} if plan else None
        return "attempted", self._quiz(module_id), None, self._context(
            row.attempt_id, parent=[self._module(module_id)], grouping=[self._course()],
            extensions=extensions)

    def _answer_given(self, row: ActivityRow, payload: dict) -> tuple | None:
        module_id = self._quiz_module(row)
        question_id = str(payload.get("question_id") or row.object_id.rsplit("/", 1)[-1])
        plan = self.plans.get(row.attempt_id or "")
        presented = plan.question(question_id) if plan else None
        response = tuple(int(i) for i in payload.get("response") or [] if isinstance(i, int))
        extensions = {extension_iri("checked"): bool(payload.get("checked"))}
        if presented is None:  # no readable snapshot: say which question, not what it asked
            activity = _activity(question_iri(module_id, question_id), "question", question_id)
            result: dict[str, Any] = {"extensions": extensions}
        else:
            question = presented.question
            activity = _activity(question_iri(module_id, question_id), "interaction", question.prompt,
                                 _question_text(question), **interaction_definition(question))
            credit = round(score(question, response), 4)
            result = {"score": {"scaled": credit, "raw": credit, "min": 0, "max": 1},
                      "success": credit >= 1.0}
            answer = interaction_response(question, response)
            if answer is not None:
                result["response"] = answer
            result["extensions"] = extensions
        return "answered", activity, result, self._context(
            row.attempt_id, parent=[self._quiz(module_id)],
            grouping=[self._module(module_id), self._course()])

    def _attempt_submitted(self, row: ActivityRow, payload: dict) -> tuple | None:
        key = ("submitted", row.attempt_id or row.id)
        if key in self.used:
            return None  # a second submission row of one attempt (a merge): the first one counts
        self.used.add(key)
        module_id = self._quiz_module(row)
        percent = max(0, min(100, int(payload.get("percent") or 0)))
        passed = bool(payload.get("passed"))
        result: dict[str, Any] = {"score": {"scaled": percent / 100, "raw": percent, "min": 0, "max": 100},
                                  "success": passed, "completion": True}
        seconds = _seconds_between(self.started.get(row.attempt_id or ""), row.occurred_at)
        if seconds is not None:
            result["duration"] = duration(seconds)
        extensions: dict[str, Any] = {extension_iri("reason"): str(payload.get("reason") or "submitted")}
        if isinstance(payload.get("by_skill"), dict):
            extensions[extension_iri("skills")] = payload["by_skill"]
        plan = self.plans.get(row.attempt_id or "")
        if plan is not None:
            extensions[extension_iri("pass-mark")] = plan.settings.pass_mark
        result["extensions"] = extensions
        return ("passed" if passed else "failed"), self._quiz(module_id), result, self._context(
            row.attempt_id, parent=[self._module(module_id)], grouping=[self._course()])

    def _call_context(self, row: ActivityRow, parent: list,
                      extensions: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._context(row.attempt_id, parent=parent, grouping=[self._course()], extensions=extensions)

    def _modules_of(self, scenario_id: str) -> list[dict[str, Any]]:
        scenario = self.library.scenario(scenario_id)
        return [self._module(module_id) for module_id in scenario.modules] if scenario else []

    def _call_started(self, row: ActivityRow, payload: dict) -> tuple | None:
        scenario_id = str(payload.get("scenario_id") or row.object_id.removeprefix("call/"))
        replayed_from = payload.get("replayed_from")
        extensions = {extension_iri("replayed-from"): as_uuid(str(replayed_from))} if replayed_from else None
        return "attempted", self._simulation(scenario_id), None, self._call_context(
            row, self._modules_of(scenario_id), extensions)

    def _reply_chosen(self, row: ActivityRow, payload: dict) -> tuple | None:
        scenario_id, _, node_id = row.object_id.removeprefix("call/").partition("/")
        node_id = str(payload.get("node") or node_id)
        key = ("turn", row.attempt_id or row.id, str(payload.get("turn")))
        if key in self.used:
            return None
        self.used.add(key)
        scenario = self.library.scenario(scenario_id)
        node = scenario.nodes.get(node_id) if scenario else None
        index = payload.get("reply")
        fields: dict[str, Any] = {"interactionType": "choice"}
        description = None
        if node is not None:
            best = [_letter(i) for i, reply in enumerate(node.replies) if reply.rating == Rating.BEST]
            fields["correctResponsesPattern"] = best  # each best-rated reply is a right answer on its own
            fields["choices"] = [{"id": _letter(i), "description": _lang(reply.text)}
                                 for i, reply in enumerate(node.replies)]
            description = f"Caller: \u201c{node.caller}\u201d"
        title = scenario.title if scenario else scenario_id
        activity = _activity(turn_iri(scenario_id, node_id), "interaction", f"{title}: {node_id}",
                             description, **fields)
        extensions: dict[str, Any] = {extension_iri("turn"): payload.get("turn"),
                                      extension_iri("replayed"): bool(payload.get("replayed"))}
        shown = _shown_order(payload.get("shown"))
        if shown is not None:  # the replies in the order they were on screen, as choice ids
            extensions[extension_iri("shown-order")] = [_letter(i) for i in shown]
        if isinstance(payload.get("typed"), str):  # the learner's own words, matched to reply `index`
            extensions[extension_iri("typed-reply")] = payload["typed"]
            extensions[extension_iri("coach-mood-change")] = payload.get("typed_mood")
        result: dict[str, Any] = {}
        if isinstance(index, int) and index >= 0:
            result["response"] = _letter(index)
            if node is not None and index < len(node.replies):
                rating = node.replies[index].rating
                result["success"] = rating == Rating.BEST
                extensions[extension_iri("rating")] = str(rating)
        result["extensions"] = {key: value for key, value in extensions.items() if value is not None}
        return "responded", activity, result, self._call_context(row, [self._simulation(scenario_id)])

    def _call_ended(self, row: ActivityRow, payload: dict) -> tuple | None:
        key = ("ended", row.attempt_id or row.id)
        if key in self.used:
            return None
        self.used.add(key)
        scenario_id = row.object_id.removeprefix("call/")
        kind = payload.get("kind")
        result: dict[str, Any] = {}
        skills = payload.get("skills") if isinstance(payload.get("skills"), dict) else {}
        if skills:
            mean = max(0, min(100, round(sum(skills.values()) / len(skills))))
            result["score"] = {"scaled": mean / 100, "raw": mean, "min": 0, "max": 100}
        if kind in {str(ending) for ending in EndingKind}:
            result["success"] = EndingKind(kind).strong  # an ending the team wants to see
        result["completion"] = kind is not None
        seconds = payload.get("seconds")
        if isinstance(seconds, int | float):
            result["duration"] = duration(seconds)  # the simulated handle time of the call
        names = {"ending": "ending", "kind": "ending-kind", "csat": "csat", "fcr": "fcr",
                 "seconds": "handle-time-seconds", "skills": "skills", "best_choices": "best-choices",
                 "turns": "turns"}
        result["extensions"] = {extension_iri(name): payload[field] for field, name in names.items()
                                if payload.get(field) is not None}
        return ("completed" if kind is not None else "exited"), self._simulation(scenario_id), result, \
            self._call_context(row, self._modules_of(scenario_id))

    def _certificate_issued(self, row: ActivityRow, payload: dict) -> tuple | None:
        course_id = row.object_id.removeprefix("certificate/")
        course = self._course(course_id)
        fields = payload.get("fields") if isinstance(payload.get("fields"), dict) else {}
        title = (self.library.course.title if self.library.course and self.library.course.id == course_id
                 else fields.get("course_title") or course_id)
        activity = _activity(f"{course_iri(course_id)}/certificate", "certificate",
                             f"Certificate of completion: {title}")
        extensions = {extension_iri(name): payload[field] for field, name in
                      (("certificate_id", "certificate-id"), ("key_id", "signing-key-id"))
                      if payload.get(field)}
        result = {"extensions": extensions} if extensions else None
        return "earned", activity, result, self._context(parent=[course])
