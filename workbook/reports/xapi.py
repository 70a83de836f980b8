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

This module turns rows into statements; the IRIs, ids and times are `xapi_terms.py`, and a quiz
question as a cmi.interaction is `xapi_interactions.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from workbook import APP_NAME
from workbook.core.activity import Verb, split_section_object_id
from workbook.core.attempt import AttemptPlan
from workbook.core.content import Library
from workbook.core.scenario import EndingKind, Rating
from workbook.core.scoring import score
from workbook.reports.xapi_interactions import interaction_definition, interaction_response, question_text
from workbook.reports.xapi_terms import (
    XAPI_VERSION,
    activity_object,
    as_uuid,
    call_iri,
    component_id,
    course_iri,
    duration,
    extension_iri,
    language_map,
    module_iri,
    question_iri,
    quiz_iri,
    section_iri,
    statement_id,
    timestamp,
    turn_iri,
    verb_object,
)
from workbook.store.activity import ActivityRow, activity_rows, learner_names
from workbook.store.merges import person_ids, survivor_map

# account.homePage is an IRL (a locator). The workbook has no web site, so the default is a URL under
# the reserved `.invalid` domain (RFC 6761); a centre can pass its own, but should keep it once chosen:
# the LRS tells learners apart by homePage + learner id.
HOME_PAGE = "https://difficult-calls-workbook.invalid/learners"


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


def _shown_order(shown: Any) -> list[int] | None:
    """The reply indices in the order the learner saw them (the activity's `choices` stay in script
    order, so its definition is the same in every statement); None for a row stored before replies
    were shuffled, or a damaged one."""
    if isinstance(shown, list) and shown and all(type(i) is int and i >= 0 for i in shown) \
            and len(set(shown)) == len(shown):
        return shown
    return None


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
                                     "verb": verb_object(verb), "object": activity}
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
            return activity_object(course_iri(course.id), "course", course.title)
        return activity_object(course_iri(course_id), "course", course_id)

    def _module(self, module_id: str) -> dict[str, Any]:
        module = self.library.module(module_id)
        return activity_object(module_iri(module_id), "module", module.title if module else module_id,
                               module.meta.summary if module else None)

    def _quiz(self, module_id: str) -> dict[str, Any]:
        module = self.library.module(module_id)
        title = module.title if module else module_id
        return activity_object(quiz_iri(module_id), "assessment", f"{title}: quiz")

    def _simulation(self, scenario_id: str) -> dict[str, Any]:
        scenario = self.library.scenario(scenario_id)
        return activity_object(call_iri(scenario_id), "simulation",
                               f"Practice call: {scenario.title if scenario else scenario_id}",
                               scenario.summary if scenario else None)

    def _section_read(self, row: ActivityRow, payload: dict) -> tuple | None:
        module_id, section_id = split_section_object_id(row.object_id)
        module = self.library.module(module_id)
        section = module.section(section_id) if module else None
        activity = activity_object(section_iri(module_id, section_id), "lesson",
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
            activity = activity_object(question_iri(module_id, question_id), "question", question_id)
            result: dict[str, Any] = {"extensions": extensions}
        else:
            question = presented.question
            activity = activity_object(question_iri(module_id, question_id), "interaction", question.prompt,
                                       question_text(question), **interaction_definition(question))
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
            best = [component_id(i) for i, reply in enumerate(node.replies) if reply.rating == Rating.BEST]
            fields["correctResponsesPattern"] = best  # each best-rated reply is a right answer on its own
            fields["choices"] = [{"id": component_id(i), "description": language_map(reply.text)}
                                 for i, reply in enumerate(node.replies)]
            description = f"Caller: \u201c{node.caller}\u201d"
        title = scenario.title if scenario else scenario_id
        activity = activity_object(turn_iri(scenario_id, node_id), "interaction", f"{title}: {node_id}",
                                   description, **fields)
        extensions: dict[str, Any] = {extension_iri("turn"): payload.get("turn"),
                                      extension_iri("replayed"): bool(payload.get("replayed"))}
        shown = _shown_order(payload.get("shown"))
        if shown is not None:  # the replies in the order they were on screen, as choice ids
            extensions[extension_iri("shown-order")] = [component_id(i) for i in shown]
        if isinstance(payload.get("typed"), str):  # the learner's own words, matched to reply `index`
            extensions[extension_iri("typed-reply")] = payload["typed"]
            extensions[extension_iri("coach-mood-change")] = payload.get("typed_mood")
        result: dict[str, Any] = {}
        if isinstance(index, int) and index >= 0:
            result["response"] = component_id(index)
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
        activity = activity_object(f"{course_iri(course_id)}/certificate", "certificate",
                                   f"Certificate of completion: {title}")
        extensions = {extension_iri(name): payload[field] for field, name in
                      (("certificate_id", "certificate-id"), ("key_id", "signing-key-id"))
                      if payload.get(field)}
        result = {"extensions": extensions} if extensions else None
        return "earned", activity, result, self._context(parent=[course])
