"""xAPI export end to end: real activity written through the store (sections, quiz attempts, practice
calls, a real certificate) in a SQLite file, exported, and every statement checked against the
statement rules of xAPI 1.0.3 (Part Two, "Experience API Data") by a small hand-written checker."""

from __future__ import annotations

import copy
import json
import random
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workbook.cli import main
from workbook.core.attempt import draw_attempt, grade
from workbook.core.call_engine import TypedReply, choose, current_node, offered_replies, replay, start_call
from workbook.core.content import Library
from workbook.core.debrief import debrief
from workbook.core.quiz import QuestionType, TrueFalse
from workbook.core.reading import word_count
from workbook.core.scenario import Rating
from workbook.core.scoring import right_response
from workbook.paths import database_path
from workbook.reports.issue import issue_certificate
from workbook.reports.xapi import HOME_PAGE, statements, to_json
from workbook.reports.xapi_terms import ACTIVITY_TYPES, VERBS, duration, statement_id, timestamp
from workbook.store import activity, practice_calls, quiz_attempts
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.store.models import ActivityRecord

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
TYPED_WORDS = "That sounds stressful. Can I take the order number so I can check it now?"
FAIL_SECONDS = 90

# ---------------------------------------------------------------------------------------------------
# The checker: the MUST rules of xAPI 1.0.3 for statements a Learning Record Provider sends.

STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
                  "version", "attachments"}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
ACTIVITY_KEYS = {"objectType", "id", "definition"}
DEFINITION_KEYS = {"name", "description", "type", "moreInfo", "extensions", "interactionType",
                   "correctResponsesPattern", "choices", "scale", "source", "target", "steps"}
INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
                     "sequencing", "likert", "numeric", "other"}
COMPONENT_LISTS = {"choice": {"choices"}, "sequencing": {"choices"}, "likert": {"scale"},
                   "matching": {"source", "target"}, "performance": {"steps"}}
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
SCORE_KEYS = {"scaled", "raw", "min", "max"}
CONTEXT_KEYS = {"registration", "instructor", "team", "contextActivities", "revision", "platform",
                "language", "statement", "extensions"}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}

UUID_FORM = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
                       r"-[0-9a-fA-F]{12}$")  # standard string form, RFC 4122 variant
IRI_FORM = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")  # a scheme, no forbidden chars
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # RFC 5646 token lengths
NUMBER = r"\d+(?:[.,]\d+)?"
DURATION_FORM = re.compile(rf"^P(?:{NUMBER}W|(?=\d|T\d)(?:{NUMBER}Y)?(?:{NUMBER}M)?(?:{NUMBER}D)?"
                           rf"(?:T(?=\d)(?:{NUMBER}H)?(?:{NUMBER}M)?(?:{NUMBER}S)?)?)$")  # ISO 8601 4.4.3.2
TIMESTAMP_FORM = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}(?:Z|[+-]\d{2}:\d{2})$")


class NotValid(AssertionError):
    """A statement breaks a rule of the spec; the message says where."""


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise NotValid(f"{where}: {message}")


def _only(value: dict, allowed: set[str], where: str) -> None:
    _require(isinstance(value, dict), where, "must be an object")
    unknown = set(value) - allowed
    _require(not unknown, where, f"properties not in the spec: {sorted(unknown)}")


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _iri(value, where: str) -> None:
    _require(isinstance(value, str) and bool(IRI_FORM.match(value)), where, f"not an IRI: {value!r}")


def _irl(value, where: str) -> None:
    parts = urlsplit(value) if isinstance(value, str) else None
    _require(parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
             and bool(IRI_FORM.match(value)), where, f"not an IRL: {value!r}")


def _uuid(value, where: str) -> None:
    _require(isinstance(value, str) and bool(UUID_FORM.match(value)), where, f"not a UUID: {value!r}")


def _language_map(value, where: str) -> None:
    _require(isinstance(value, dict) and bool(value), where, "a language map must be a non-empty object")
    for tag, text in value.items():
        _require(bool(LANGUAGE_TAG.match(tag)), where, f"not an RFC 5646 language tag: {tag!r}")
        _require(isinstance(text, str), where, f"{tag}: must be a string")


def _extensions(value, where: str) -> None:
    _require(isinstance(value, dict), where, "extensions must be an object")
    for key in value:
        _iri(key, f"{where}.{key}")


def _no_nulls(value, where: str) -> None:
    """1.0.3 2.2: an LRS rejects null values (except inside extensions); empty objects SHOULD NOT be sent."""
    if isinstance(value, dict):
        _require(bool(value) or where.endswith("extensions"), where, "empty object")
        for key, item in value.items():
            if key == "extensions":
                continue
            _require(item is not None, f"{where}.{key}", "null value")
            _no_nulls(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _require(item is not None, f"{where}[{index}]", "null value")
            _no_nulls(item, f"{where}[{index}]")


def _components(definition: dict, kind: str, where: str) -> dict[str, set[str]]:
    lists = {name for name in ("choices", "scale", "source", "target", "steps") if name in definition}
    _require(lists <= COMPONENT_LISTS.get(kind, set()), where,
             f"{sorted(lists)} not allowed for interactionType {kind}")
    ids = {}
    for name in lists:
        components = definition[name]
        _require(isinstance(components, list), f"{where}.{name}", "must be an array")
        for index, component in enumerate(components):
            _only(component, {"id", "description"}, f"{where}.{name}[{index}]")
            _require(isinstance(component.get("id"), str) and component["id"] != ""
                     and not any(c.isspace() for c in component["id"]),
                     f"{where}.{name}[{index}].id", "must be a string without whitespace")
            if "description" in component:
                _language_map(component["description"], f"{where}.{name}[{index}].description")
        found = [component["id"] for component in components]
        _require(len(found) == len(set(found)), f"{where}.{name}", "component ids must be distinct")
        ids[name] = set(found)
    return ids


def _pattern(kind: str, text, ids: dict[str, set[str]], where: str) -> None:
    """One response in the format of its interaction type (1.0.3 "Response Patterns")."""
    _require(isinstance(text, str), where, "a response pattern is a string")
    if kind == "true-false":
        _require(text in ("true", "false"), where, f"true-false takes true or false, not {text!r}")
    elif kind in ("choice", "sequencing") and "choices" in ids:
        items = text.split("[,]")
        _require(all(item in ids["choices"] for item in items), where, f"unknown choice in {text!r}")
        if kind == "choice":
            _require(len(items) == len(set(items)), where, "a choice is listed twice")
    elif kind == "matching" and "source" in ids:
        for pair in text.split("[,]"):
            parts = pair.split("[.]")
            _require(len(parts) == 2 and parts[0] in ids["source"] and parts[1] in ids["target"], where,
                     f"{pair!r} is not a source[.]target pair of known ids")


def _definition(definition, where: str) -> str | None:
    _only(definition, DEFINITION_KEYS, where)
    for field in ("name", "description"):
        if field in definition:
            _language_map(definition[field], f"{where}.{field}")
    if "type" in definition:
        _iri(definition["type"], f"{where}.type")
    if "moreInfo" in definition:
        _irl(definition["moreInfo"], f"{where}.moreInfo")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{where}.extensions")
    kind = definition.get("interactionType")
    interaction_fields = DEFINITION_KEYS - {"name", "description", "type", "moreInfo", "extensions"}
    if kind is None:
        _require(not (set(definition) & interaction_fields), where,
                 "interaction fields without an interactionType")
        return None
    _require(kind in INTERACTION_TYPES, f"{where}.interactionType", f"not a valid interactionType: {kind!r}")
    ids = _components(definition, kind, where)
    if "correctResponsesPattern" in definition:
        patterns = definition["correctResponsesPattern"]
        _require(isinstance(patterns, list), f"{where}.correctResponsesPattern",
                 "must be an array of strings")
        for index, pattern in enumerate(patterns):
            _pattern(kind, pattern, ids, f"{where}.correctResponsesPattern[{index}]")
    return kind


def _activity(value, where: str) -> tuple[str | None, dict]:
    _only(value, ACTIVITY_KEYS, where)
    _require(value.get("objectType", "Activity") == "Activity", f"{where}.objectType", "must be Activity")
    _iri(value.get("id"), f"{where}.id")
    definition = value.get("definition", {})
    kind = _definition(definition, f"{where}.definition") if "definition" in value else None
    return kind, definition


def _agent(value, where: str) -> None:
    _only(value, AGENT_KEYS, where)
    _require(value.get("objectType", "Agent") == "Agent", f"{where}.objectType", "must be Agent")
    used = [ifi for ifi in IFIS if ifi in value]
    _require(len(used) == 1, where, f"an Agent has exactly one inverse functional identifier, not {used}")
    if "name" in value:
        _require(isinstance(value["name"], str), f"{where}.name", "must be a string")
    if "mbox" in value:
        _require(str(value["mbox"]).startswith("mailto:"), f"{where}.mbox", "must be a mailto IRI")
    if "account" in value:
        account = value["account"]
        _only(account, {"homePage", "name"}, f"{where}.account")
        _require(set(account) == {"homePage", "name"}, f"{where}.account", "needs homePage and name")
        _irl(account["homePage"], f"{where}.account.homePage")
        _require(isinstance(account["name"], str) and account["name"] != "", f"{where}.account.name",
                 "must be a non-empty string")


def _result(value, kind: str | None, ids_definition: dict, where: str) -> None:
    _only(value, RESULT_KEYS, where)
    if "score" in value:
        score = value["score"]
        _only(score, SCORE_KEYS, f"{where}.score")
        for field, number in score.items():
            _require(_is_number(number), f"{where}.score.{field}", "must be a number")
        if "scaled" in score:
            _require(-1 <= score["scaled"] <= 1, f"{where}.score.scaled", "must be within [-1, 1]")
        if "min" in score and "max" in score:
            _require(score["min"] < score["max"], f"{where}.score", "min must be less than max")
        if "raw" in score:
            _require(score.get("min", score["raw"]) <= score["raw"] <= score.get("max", score["raw"]),
                     f"{where}.score.raw", "must lie between min and max")
    for flag in ("success", "completion"):
        if flag in value:
            _require(isinstance(value[flag], bool), f"{where}.{flag}", "must be a boolean")
    if "response" in value:
        _require(isinstance(value["response"], str), f"{where}.response", "must be a string")
        if kind is not None:
            ids = _components(ids_definition, kind, where)
            _pattern(kind, value["response"], ids, f"{where}.response")
    if "duration" in value:
        _require(isinstance(value["duration"], str) and bool(DURATION_FORM.match(value["duration"])),
                 f"{where}.duration", f"not an ISO 8601 duration: {value['duration']!r}")
    if "extensions" in value:
        _extensions(value["extensions"], f"{where}.extensions")


def _context(value, where: str) -> None:
    _only(value, CONTEXT_KEYS, where)
    if "registration" in value:
        _uuid(value["registration"], f"{where}.registration")
    if "contextActivities" in value:
        activities = value["contextActivities"]
        _only(activities, CONTEXT_ACTIVITY_KEYS, f"{where}.contextActivities")
        for key, listed in activities.items():
            _require(isinstance(listed, list) and bool(listed), f"{where}.contextActivities.{key}",
                     "a Learning Record Provider SHOULD send an array of Activities")
            for index, item in enumerate(listed):
                _activity(item, f"{where}.contextActivities.{key}[{index}]")
    for field in ("revision", "platform"):
        if field in value:
            _require(isinstance(value[field], str), f"{where}.{field}", "must be a string")
    if "language" in value:
        _require(bool(LANGUAGE_TAG.match(str(value["language"]))), f"{where}.language", "not a language tag")
    if "instructor" in value:
        _agent(value["instructor"], f"{where}.instructor")
    if "statement" in value:
        _only(value["statement"], {"objectType", "id"}, f"{where}.statement")
        _require(value["statement"].get("objectType") == "StatementRef", f"{where}.statement", "StatementRef")
        _uuid(value["statement"].get("id"), f"{where}.statement.id")
    if "extensions" in value:
        _extensions(value["extensions"], f"{where}.extensions")


def check_statement(statement: dict) -> None:
    """Raise NotValid unless `statement` keeps the 1.0.3 rules for statements sent to an LRS."""
    where = f"statement {statement.get('id')}"
    _only(statement, STATEMENT_KEYS, where)
    _no_nulls(statement, where)
    for required in ("actor", "verb", "object"):
        _require(required in statement, where, f"'{required}' is required")
    _require("stored" not in statement and "authority" not in statement, where,
             "stored and authority are set by the LRS")
    _uuid(statement.get("id"), f"{where}.id")
    _agent(statement["actor"], f"{where}.actor")
    verb = statement["verb"]
    _only(verb, {"id", "display"}, f"{where}.verb")
    _iri(verb.get("id"), f"{where}.verb.id")
    _require("display" in verb, f"{where}.verb", "display SHOULD be used by all statements")
    _language_map(verb["display"], f"{where}.verb.display")
    kind, definition = _activity(statement["object"], f"{where}.object")
    if "result" in statement:
        _result(statement["result"], kind, definition, f"{where}.result")
    if "context" in statement:
        _context(statement["context"], f"{where}.context")
    if "timestamp" in statement:
        stamp = statement["timestamp"]
        _require(isinstance(stamp, str) and bool(TIMESTAMP_FORM.match(stamp)), f"{where}.timestamp",
                 f"not an ISO 8601 timestamp with milliseconds and a time zone: {stamp!r}")
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        _require(moment <= datetime.now(UTC) + timedelta(minutes=1), f"{where}.timestamp",
                 "a Learning Record Provider MUST NOT use a future time")
    if "version" in statement:
        _require(statement["version"] == "1.0.0", f"{where}.version",
                 "a Learning Record Provider that sets the version MUST set 1.0.0")


# ---------------------------------------------------------------------------------------------------
# Real activity, written once for the module through the store APIs with a fixed clock.


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def tick(self, seconds: float = 1) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now




def _take_quiz(learner_id: str, module, clock: Clock, answers, reason: str = "submitted") -> str:
    plan = draw_attempt(module.quiz, module.id, random.Random(7))
    attempt_id = quiz_attempts.start_attempt(learner_id, plan, now=clock.tick())
    attempt = quiz_attempts.load_attempt(attempt_id)
    started = clock.now
    for index, presented in enumerate(plan.questions):
        quiz_attempts.record_answer(attempt, presented.id, answers(index, presented.question), checked=True,
                                    now=clock.tick())
    clock.now = started + timedelta(seconds=FAIL_SECONDS) if reason == "time-up" else clock.tick()
    quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses), reason, now=clock.now)
    return attempt_id


def _play_call(learner_id: str, scenario, clock: Clock, turns: int | None = None) -> str:
    call = practice_calls.start_call(learner_id, scenario.id, now=clock.tick())
    state = start_call(scenario, call.seed)
    while (node := current_node(scenario, state)) is not None and turns != len(call.replies):
        offered = offered_replies(scenario, state)
        pick = next((i for i in offered if node.replies[i].rating == Rating.BEST), offered[0])
        typed = TypedReply(TYPED_WORDS, 9) if node.typed else None  # the learner types where asked
        after = choose(scenario, state, pick, typed)
        practice_calls.record_reply(call, state.at, pick, typed=typed, now=clock.tick(),
                                    shown=after.choices[-1].shown)
        state = after
    if turns is None:
        practice_calls.end_call(call, state.at, debrief(scenario, state), now=clock.tick())
    return call.id


@pytest.fixture(scope="module")
def world(tmp_path_factory, library: Library, wrong_response) -> SimpleNamespace:
    """A graduate (everything done, one quiz failed first on time, a certificate) and a beginner."""
    data_dir = tmp_path_factory.mktemp("xapi") / "data"
    db = open_database(database_path(data_dir))
    try:
        clock = Clock(T0)
        graduate = create_learner("José Müller-Łukasiewicz", "E-2041")
        failed_module = library.modules[0]
        failed_attempt = _take_quiz(graduate.id, failed_module, clock,
                                    lambda i, q: right_response(q) if i % 3 == 0 else wrong_response(q),
                                    reason="time-up")
        passed_attempts = {}
        for module in library.modules:
            for section in module.sections:
                reading = library.reading_rule.minimum_seconds(word_count(section.markdown))  # as the reader
                activity.record_section_read(graduate.id, module.id, section.id, now=clock.tick(reading))
            if module.quiz is not None:
                passed_attempts[module.id] = _take_quiz(graduate.id, module, clock,
                                                        lambda i, q: right_response(q))
        calls = {scenario.id: _play_call(graduate.id, scenario, clock) for scenario in library.scenarios}
        issued = issue_certificate(library, graduate.id, data_dir, data_dir / "certificate.pdf",
                                   now=clock.tick(3600), key=KEY)

        beginner = create_learner("Beginner Bo")
        module = library.modules[1]
        activity.record_section_read(beginner.id, module.id, module.sections[0].id, now=clock.tick())
        unfinished_call = _play_call(beginner.id, library.scenarios[0], clock, turns=1)

        exported = statements(library)
        again = statements(library)
        only_beginner = statements(library, [beginner.id])
        without_content = statements(Library(root=Path("no-content")))
        row_ids = [row.id for row in ActivityRecord.select()]
    finally:
        db.close()
    return SimpleNamespace(
        data_dir=data_dir, graduate=graduate.id, beginner=beginner.id, failed_attempt=failed_attempt,
        failed_module=failed_module.id, passed_attempts=passed_attempts, calls=calls,
        certificate_id=issued.certificate_id, unfinished_call=unfinished_call, statements=exported,
        again=again, only_beginner=only_beginner, without_content=without_content, row_ids=row_ids)


def _verb(statement: dict) -> str:
    return next(name for name, iri in VERBS.items() if iri == statement["verb"]["id"])


def _of(found: list[dict], verb: str, registration: str | None = None) -> list[dict]:
    return [s for s in found if _verb(s) == verb
            and (registration is None or s["context"].get("registration") == str(uuid.UUID(registration)))]


def _extension(result_or_context: dict, name: str):
    return result_or_context["extensions"][f"urn:difficult-calls-workbook:extension:{name}"]


# ---------------------------------------------------------------------------------------------------


def test_every_statement_keeps_the_1_0_3_statement_rules(world):
    assert len(world.statements) == len(world.row_ids)  # one statement per activity row
    for statement in world.statements:
        check_statement(statement)
    assert {_verb(s) for s in world.statements} == {"experienced", "attempted", "answered", "passed",
                                                    "failed", "responded", "completed", "earned"}
    assert len({s["id"] for s in world.statements}) == len(world.statements)
    assert all(s["version"] == "1.0.0" and "stored" not in s for s in world.statements)


def test_the_actor_is_an_account_on_the_workbook_named_by_learner_id(world):
    graduate = next(s["actor"] for s in world.statements if s["actor"]["account"]["name"] == world.graduate)
    assert graduate == {"objectType": "Agent", "name": "José Müller-Łukasiewicz",
                        "account": {"homePage": HOME_PAGE, "name": world.graduate}}


def test_reading_a_section_is_experiencing_a_lesson_of_its_module_and_course(world, library):
    module = library.modules[0]
    section = module.sections[0]
    read = next(s for s in _of(world.statements, "experienced")
                if s["object"]["id"].endswith(f"module:{module.id}/section:{section.id}"))
    assert read["object"]["definition"]["type"] == ACTIVITY_TYPES["lesson"]
    assert read["object"]["definition"]["name"] == {"en": section.title}
    parent = read["context"]["contextActivities"]["parent"]
    grouping = read["context"]["contextActivities"]["grouping"]
    assert [a["id"] for a in parent] == [f"urn:difficult-calls-workbook:module:{module.id}"]
    assert parent[0]["definition"]["type"] == ACTIVITY_TYPES["module"]
    assert [a["id"] for a in grouping] == [f"urn:difficult-calls-workbook:course:{library.course.id}"]
    assert read["timestamp"].endswith("Z") and read["timestamp"].startswith("2026-03-02T")


def test_each_answer_is_an_interaction_built_from_the_attempt_snapshot(world, library):
    expected_kind = {QuestionType.TRUE_FALSE: "true-false", QuestionType.ORDERING: "sequencing",
                     QuestionType.MATCHING: "matching"}
    kinds = set()
    for module in library.modules:
        attempt = world.passed_attempts[module.id]
        answers = _of(world.statements, "answered", attempt)
        plan_questions = {q.id: q for q in module.quiz.questions}
        assert len(answers) == min(len(plan_questions), module.quiz.settings.questions_per_attempt or 999)
        for answer in answers:
            question_id = answer["object"]["id"].rsplit("question:", 1)[1]
            question = plan_questions[question_id]
            definition = answer["object"]["definition"]
            assert definition["type"] == ACTIVITY_TYPES["interaction"]
            assert definition["interactionType"] == expected_kind.get(question.type, "choice")
            assert answer["result"]["response"] in definition["correctResponsesPattern"]
            assert answer["result"]["success"] is True and answer["result"]["score"]["scaled"] == 1
            assert _extension(answer["result"], "checked") is True
            assert answer["context"]["contextActivities"]["parent"][0]["id"].endswith(f"{module.id}/quiz")
            if isinstance(question, TrueFalse):
                assert definition["correctResponsesPattern"] == [str(question.answer).lower()]
            kinds.add(definition["interactionType"])
    assert kinds == {"choice", "true-false", "sequencing", "matching"}


def test_answers_keep_their_question_when_the_content_is_gone(world):
    """The questions come from the snapshot stored with the attempt, not from today's quiz file."""
    answered = _of(world.without_content, "answered")
    assert answered and all("interactionType" in s["object"]["definition"] for s in answered)
    for statement in world.without_content:
        check_statement(statement)


def test_a_submission_is_passed_or_failed_by_the_attempt_result(world):
    failed = _of(world.statements, "failed")
    assert len(failed) == 1
    failing = failed[0]
    assert failing["context"]["registration"] == str(uuid.UUID(world.failed_attempt))
    assert failing["object"]["id"] == f"urn:difficult-calls-workbook:module:{world.failed_module}/quiz"
    assert failing["object"]["definition"]["type"] == ACTIVITY_TYPES["assessment"]
    result = failing["result"]
    assert result["success"] is False and result["completion"] is True
    assert 0 < result["score"]["raw"] < 80 and result["score"]["scaled"] == result["score"]["raw"] / 100
    assert (result["score"]["min"], result["score"]["max"]) == (0, 100)
    assert result["duration"] == f"PT{FAIL_SECONDS}S"
    assert _extension(result, "reason") == "time-up" and _extension(result, "pass-mark") == 80
    answers = _of(world.statements, "answered", world.failed_attempt)
    assert any(a["result"]["success"] is False for a in answers)
    assert any(a["result"]["success"] is True for a in answers)

    passed = _of(world.statements, "passed")
    assert {s["context"]["registration"] for s in passed} == {
        str(uuid.UUID(a)) for a in world.passed_attempts.values()}
    assert all(s["result"]["success"] is True and s["result"]["score"]["scaled"] == 1.0 for s in passed)


def test_a_practice_call_is_attempted_answered_turn_by_turn_and_completed(world, library):
    scenario = library.scenario("healthcare-billing-error")
    call = world.calls[scenario.id]
    started = _of(world.statements, "attempted", call)
    turns = _of(world.statements, "responded", call)
    ended = _of(world.statements, "completed", call)
    assert len(started) == 1 and len(ended) == 1 and turns
    simulation = f"urn:difficult-calls-workbook:call:{scenario.id}"
    assert started[0]["object"]["id"] == ended[0]["object"]["id"] == simulation
    assert started[0]["object"]["definition"]["type"] == ACTIVITY_TYPES["simulation"]
    assert {a["id"].rsplit(":", 1)[1] for a in started[0]["context"]["contextActivities"]["parent"]} == set(
        scenario.modules)
    first = turns[0]
    assert first["object"]["id"] == f"urn:difficult-calls-workbook:call:{scenario.id}/node:{scenario.start}"
    assert first["object"]["definition"]["interactionType"] == "choice"
    assert len(first["object"]["definition"]["choices"]) == len(scenario.nodes[scenario.start].replies)
    assert first["result"]["response"] in first["object"]["definition"]["correctResponsesPattern"]
    assert _extension(first["result"], "rating") == "best" and _extension(first["result"], "turn") == 1
    stored = practice_calls.load_call(call)  # the order on screen travels as choice ids
    opened = replay(scenario, stored.replies[:1], stored.typed, seed=stored.seed).choices[0].shown
    assert _extension(first["result"], "shown-order") == ["abcd"[i] for i in opened]
    result = ended[0]["result"]
    handle_time = _extension(result, "handle-time-seconds")
    assert result["duration"] == f"PT{handle_time}S"
    assert result["success"] is True and result["completion"] is True
    assert _extension(result, "ending-kind") in ("resolved", "resolved-with-follow-up")
    assert _extension(result, "csat") in range(1, 6) and isinstance(_extension(result, "fcr"), bool)
    assert 0 <= result["score"]["scaled"] <= 1


def test_a_typed_turn_carries_the_learners_words_and_the_coach_mood(world, library):
    scenario = next(s for s in library.scenarios if s.nodes[s.start].typed)
    first = _of(world.statements, "responded", world.calls[scenario.id])[0]
    assert _extension(first["result"], "typed-reply") == TYPED_WORDS
    assert _extension(first["result"], "coach-mood-change") == 9
    assert first["result"]["response"] in first["object"]["definition"]["correctResponsesPattern"]


def test_issuing_the_certificate_is_earning_it(world, library):
    earned = _of(world.statements, "earned")
    assert len(earned) == 1
    statement = earned[0]
    assert statement["verb"]["id"] == "http://id.tincanapi.com/verb/earned"
    assert statement["object"]["id"] == f"urn:difficult-calls-workbook:course:{library.course.id}/certificate"
    assert statement["object"]["definition"]["type"] == "http://id.tincanapi.com/activitytype/certificate"
    assert _extension(statement["result"], "certificate-id") == world.certificate_id
    assert statement["actor"]["account"]["name"] == world.graduate


def test_exporting_again_gives_the_same_statements(world):
    assert world.again == world.statements
    assert to_json(world.again) == to_json(world.statements)
    assert {s["id"] for s in world.statements} == {statement_id(row_id) for row_id in world.row_ids}


def test_one_learner_can_be_exported_alone(world):
    assert {s["actor"]["account"]["name"] for s in world.only_beginner} == {world.beginner}
    assert [_verb(s) for s in world.only_beginner] == ["experienced", "attempted", "responded"]
    assert world.only_beginner == [s for s in world.statements
                                   if s["actor"]["account"]["name"] == world.beginner]


@pytest.mark.parametrize(("label", "change"), [
    ("two identifiers", lambda s: s["actor"].update(mbox="mailto:someone@example.com")),
    ("statement id", lambda s: s.update(id="not-a-uuid")),
    ("unknown property", lambda s: s.update(score=1)),
    ("verb IRI", lambda s: s["verb"].update(id="answered")),
    ("language tag", lambda s: s["verb"].update(display={"english!": "answered"})),
    ("interactionType", lambda s: s["object"]["definition"].update(interactionType="multiple-choice")),
    ("pattern", lambda s: s["object"]["definition"].update(correctResponsesPattern=["zz"])),
    ("pattern type", lambda s: s["object"]["definition"].update(correctResponsesPattern="a")),
    ("scaled", lambda s: s["result"]["score"].update(scaled=1.5)),
    ("raw", lambda s: s["result"]["score"].update(raw=2)),
    ("duration", lambda s: s["result"].update(duration="90 seconds")),
    ("null", lambda s: s["result"].update(response=None)),
    ("registration", lambda s: s["context"].update(registration="attempt-1")),
    ("context key", lambda s: s["context"]["contextActivities"].update(parents=[])),
    ("timezone", lambda s: s.update(timestamp="2026-03-02T09:00:00.000")),
    ("future", lambda s: s.update(timestamp="2099-01-01T00:00:00.000Z")),
    ("version", lambda s: s.update(version="2.0.0")),
    ("homePage", lambda s: s["actor"]["account"].update(homePage="learners")),
])
def test_the_checker_catches_what_the_spec_forbids(world, label, change):
    sample = copy.deepcopy(next(s for s in _of(world.statements, "answered")
                                if s["object"]["definition"]["interactionType"] == "choice"))
    check_statement(sample)
    change(sample)
    with pytest.raises(NotValid):
        check_statement(sample)


def test_durations_and_timestamps_use_iso_8601():
    assert [duration(90), duration(4.5), duration(0.014), duration(-3)] == ["PT90S", "PT4.5S", "PT0.01S",
                                                                            "PT0S"]
    assert timestamp("2026-11-23T10:30:00.123456Z") == "2026-11-23T10:30:00.123Z"
    assert timestamp("2026-11-23T11:30:00+01:00") == "2026-11-23T10:30:00.000Z"
    assert timestamp("yesterday") is None


def test_cli_writes_a_json_array_of_valid_statements(world, tmp_path, capsys):
    out = tmp_path / "statements.json"
    assert main(["export-xapi", "--out", str(out), "--data-dir", str(world.data_dir)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == world.statements
    assert f"{len(written)} xAPI statements written to {out}" in capsys.readouterr().out

    mine = tmp_path / "beginner.json"
    assert main(["export-xapi", "--out", str(mine), "--learner", "beginner bo", "--data-dir",
                 str(world.data_dir), "--home-page", "https://academy.example.com"]) == 0
    alone = json.loads(mine.read_text(encoding="utf-8"))
    assert [s["id"] for s in alone] == [s["id"] for s in world.only_beginner]
    assert {s["actor"]["account"]["homePage"] for s in alone} == {"https://academy.example.com"}
    for statement in alone:
        check_statement(statement)


def test_cli_refuses_an_unknown_learner_or_a_missing_database(world, tmp_path, capsys):
    out = tmp_path / "nobody.json"
    assert main(["export-xapi", "--out", str(out), "--learner", "Nobody", "--data-dir",
                 str(world.data_dir)]) == 3
    assert "No learner called 'Nobody'" in capsys.readouterr().err and not out.exists()

    empty = tmp_path / "empty"
    assert main(["export-xapi", "--out", str(out), "--data-dir", str(empty)]) == 3
    assert "No progress database" in capsys.readouterr().err
    assert not out.exists() and not database_path(empty).exists()

    assert main(["export-xapi", "--out", str(tmp_path / "missing" / "x.json"), "--data-dir",
                 str(world.data_dir)]) == 3
    with pytest.raises(SystemExit) as refused:
        main(["export-xapi", "--out", str(out), "--home-page", "learners", "--data-dir", str(world.data_dir)])
    assert refused.value.code == 2
