"""Practice calls as append-only activity: a start, one row per reply chosen, and an end with the
debrief's figures. A call is its list of replies; the engine replays them to resume or review it.
A typed turn also stores the learner's words, the coach's mood change and its verdict, so it replays
exactly, and shows the verdict that chose the branch, whatever later happens to the coach's rules.

The start row holds the seed that shuffles the replies (see `call_engine.shown_replies`), and each
reply row the order the replies were shown in, for exports that do not replay the call.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import datetime

from msgspec import Struct, field

from workbook.core.activity import Verb
from workbook.core.call_engine import TypedReply
from workbook.core.completion import skill_score
from workbook.core.debrief import Debrief
from workbook.core.scenario import ENDING_RANK
from workbook.store.activity import record_activity
from workbook.store.clock import new_id, parse_utc_text
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord

_CALL_VERBS = (str(Verb.CALL_STARTED), str(Verb.REPLY_CHOSEN), str(Verb.CALL_ENDED))


def call_object_id(scenario_id: str) -> str:
    return f"call/{scenario_id}"


class StoredCall(Struct):
    id: str
    learner_id: str
    scenario_id: str
    started_at: datetime
    nodes: list[str] = field(default_factory=list)  # the node of each choice, to detect edited scripts
    replies: list[int] = field(default_factory=list)
    typed: dict[int, TypedReply] = field(default_factory=dict)  # turn index (from 0) -> own words
    replayed_from: str | None = None
    seed: int | None = None  # shuffles the replies; None: stored before shuffling, script order
    ended_at: datetime | None = None
    outcome: dict | None = None  # ending id and kind, skills, csat, fcr, seconds

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    def turns(self, count: int | None = None) -> list[tuple[str, int, TypedReply | None]]:
        """The first `count` turns (all by default) as (node, reply, typed words or None)."""
        return [(node, reply, self.typed.get(index))
                for index, (node, reply) in enumerate(zip(self.nodes, self.replies, strict=True))][:count]


def start_call(learner_id: str, scenario_id: str,
               prefix: Sequence[tuple[str, int] | tuple[str, int, TypedReply | None]] | None = None,
               replayed_from: str | None = None, now: datetime | None = None,
               seed: int | None = None) -> StoredCall:
    """A new call; `prefix` (node, reply[, typed]) turns are copied in first for "replay from here".

    A fresh call gets a random seed; a replay keeps the seed of the call it replays, so the turns
    copied in (and the turn played again) show the replies in the order already seen."""
    if seed is None:
        original = load_call(replayed_from) if replayed_from else None
        seed = original.seed if original is not None else secrets.randbelow(2**31)
    call_id = new_id()
    payload = {"scenario_id": scenario_id, "replayed_from": replayed_from, "prefix": len(prefix or [])}
    if seed is not None:
        payload["seed"] = seed
    record = record_activity(learner_id, Verb.CALL_STARTED, call_object_id(scenario_id),
                             attempt_id=call_id, now=now, payload=payload)
    call = StoredCall(call_id, learner_id, scenario_id, parse_utc_text(record.occurred_at),
                      replayed_from=replayed_from, seed=seed)
    for node, reply, *typed in prefix or []:
        record_reply(call, node, reply, typed=typed[0] if typed else None, replayed=True, now=now)
    return call


def record_reply(call: StoredCall, node: str, reply: int, typed: TypedReply | None = None,
                 replayed: bool = False, now: datetime | None = None,
                 shown: Sequence[int] | None = None, floor: float | None = None) -> None:
    """Saved at once, so a killed app resumes the call at the next turn. `shown`: the replies in
    the order they were on screen (the seed gives the same order; this copy serves exports);
    `floor`: the seconds the turn's text takes to read (`core.pace.turn_floor`), for the trainer."""
    payload = {"turn": len(call.replies) + 1, "node": node, "reply": reply, "replayed": replayed}
    if shown is not None:
        payload["shown"] = [int(i) for i in shown]
    if floor is not None:
        payload["floor"] = float(floor)
    if typed is not None:
        payload |= {"typed": typed.text, "typed_mood": typed.mood_change}
        if typed.verdict is not None:
            payload["coach"] = typed.verdict.to_payload()
    record_activity(call.learner_id, Verb.REPLY_CHOSEN, f"{call_object_id(call.scenario_id)}/{node}",
                    attempt_id=call.id, now=now, payload=payload)
    if typed is not None:
        call.typed[len(call.replies)] = typed
    call.nodes.append(node)
    call.replies.append(reply)


def end_call(call: StoredCall, ending_id: str, report: Debrief, now: datetime | None = None) -> None:
    outcome = {"ending": ending_id, "kind": str(report.ending.kind) if report.ending else None,
               "skills": report.skills, "csat": report.csat, "fcr": report.fcr,
               "seconds": report.seconds, "best_choices": report.best_choices,
               "turns": len(report.turns)}
    record = record_activity(call.learner_id, Verb.CALL_ENDED, call_object_id(call.scenario_id),
                             attempt_id=call.id, payload=outcome, now=now)
    call.ended_at, call.outcome = parse_utc_text(record.occurred_at), outcome


def load_call(call_id: str) -> StoredCall | None:
    rows = list(ActivityRecord.select()
                .where(ActivityRecord.attempt_id == call_id, ActivityRecord.verb.in_(_CALL_VERBS))
                .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    start = next((row for row in rows if row.verb == Verb.CALL_STARTED), None)
    if start is None:
        return None
    begun = json.loads(start.payload)
    seed = begun.get("seed")
    call = StoredCall(call_id, start.learner_id, begun["scenario_id"], parse_utc_text(start.occurred_at),
                      replayed_from=begun.get("replayed_from"), seed=seed if type(seed) is int else None)
    chosen = {}
    for row in rows:
        payload = json.loads(row.payload)
        if row.verb == Verb.REPLY_CHOSEN:
            chosen.setdefault(payload["turn"], (payload["node"], payload["reply"], _typed_of(payload)))
        elif row.verb == Verb.CALL_ENDED and call.ended_at is None:
            call.ended_at, call.outcome = parse_utc_text(row.occurred_at), payload
    for turn in sorted(chosen):
        if turn != len(call.replies) + 1:
            break  # a gap (a merge from a damaged bundle): keep the turns that follow in order
        node, reply, typed = chosen[turn]
        if typed is not None:
            call.typed[len(call.replies)] = typed
        call.nodes.append(node)
        call.replies.append(reply)
    return call


def _typed_of(payload: dict) -> TypedReply | None:
    """The typed words of a stored turn; a malformed pair (a tampered row) counts as no words."""
    text, mood = payload.get("typed"), payload.get("typed_mood")
    if not (isinstance(text, str) and type(mood) is int):
        return None
    verdict = None
    if "coach" in payload:  # kept since verdicts are stored; older turns have only the words
        from workbook.core.coach import CoachResult  # loads the rules reader (YAML) only when needed

        verdict = CoachResult.from_payload(text, payload["coach"])
    return TypedReply(text, mood, verdict)


def open_call(learner_id: str, scenario_id: str) -> StoredCall | None:
    """The newest call on this scenario that was started and never ended, to resume it."""
    ended = (ActivityRecord.select(ActivityRecord.attempt_id)
             .where(of_person(learner_id), ActivityRecord.verb == str(Verb.CALL_ENDED)))
    start = (ActivityRecord.select(ActivityRecord.attempt_id)
             .where(of_person(learner_id),
                    ActivityRecord.object_id == call_object_id(scenario_id),
                    ActivityRecord.verb == str(Verb.CALL_STARTED),
                    ActivityRecord.attempt_id.not_in(ended))
             .order_by(ActivityRecord.occurred_at.desc()).first())
    return load_call(start.attempt_id) if start is not None else None


class CallRecord(Struct, frozen=True):
    """What the home screen shows per scenario: how often played, the best and the last outcome."""

    played: int
    best_kind: str | None
    last_kind: str | None
    unfinished: bool


def call_records(learner_id: str) -> dict[str, CallRecord]:
    rows = (ActivityRecord.select(ActivityRecord.verb, ActivityRecord.object_id, ActivityRecord.attempt_id,
                                  ActivityRecord.payload)
            .where(of_person(learner_id),
                   ActivityRecord.verb.in_((str(Verb.CALL_STARTED), str(Verb.CALL_ENDED))))
            .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    started: dict[str, set[str]] = {}
    ended: dict[str, list[str | None]] = {}
    ended_ids: set[str] = set()
    for verb, object_id, attempt_id, payload in rows.tuples():
        scenario_id = object_id.removeprefix("call/")
        if verb == Verb.CALL_STARTED:
            started.setdefault(scenario_id, set()).add(attempt_id)
        elif attempt_id not in ended_ids:
            ended_ids.add(attempt_id)
            ended.setdefault(scenario_id, []).append(_ended_payload(payload).get("kind"))
    records = {}
    # A call's end row without its start row (a damaged merge, a row written by hand) is still a call
    # played, as the certificate's replay counts it (and leaves it out): not "not played yet".
    for scenario_id in [*started, *(s for s in ended if s not in started)]:
        kinds = ended.get(scenario_id, [])
        best = max(kinds, key=lambda k: ENDING_RANK.get(k or "", -1)) if kinds else None
        records[scenario_id] = CallRecord(len(kinds), best, kinds[-1] if kinds else None,
                                          bool(started.get(scenario_id, set()) - ended_ids))
    return records


def _ended_payload(payload: str) -> dict:
    """A call-ended row's payload, or an empty one when it is damaged: such a call counts as
    finished with no known ending, instead of stopping every view of the learner's progress."""
    try:
        data = json.loads(payload)
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def call_outcomes(learner_id: str) -> dict[str, list[tuple[str | None, int]]]:
    """Every finished call per scenario as (ending kind, mean skill percent), for completion rules."""
    rows = (ActivityRecord.select(ActivityRecord.object_id, ActivityRecord.attempt_id, ActivityRecord.payload)
            .where(of_person(learner_id), ActivityRecord.verb == str(Verb.CALL_ENDED))
            .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    seen: set[str] = set()
    outcomes: dict[str, list[tuple[str | None, int]]] = {}
    for object_id, attempt_id, payload in rows.tuples():
        if attempt_id in seen:
            continue
        seen.add(attempt_id)
        data = _ended_payload(payload)
        marks = data.get("skills")
        mean = skill_score(marks) if isinstance(marks, dict) else 0
        outcomes.setdefault(object_id.removeprefix("call/"), []).append((data.get("kind"), mean))
    return outcomes


def finished_calls(learner_id: str, scenario_id: str) -> list[StoredCall]:
    ids = (ActivityRecord.select(ActivityRecord.attempt_id)
           .where(of_person(learner_id), ActivityRecord.verb == str(Verb.CALL_ENDED),
                  ActivityRecord.object_id == call_object_id(scenario_id))
           .order_by(ActivityRecord.occurred_at))
    calls = [load_call(row.attempt_id) for row in ids]
    return [call for call in calls if call is not None]
