"""Load practice-call scripts and check that every call they allow can be played to an end.

Beyond the schema: every target exists, every condition parses and reads flags some reply sets,
and an exhaustive walk over the states a call can reach (node, mood, flags, and seconds when a
condition reads them) proves every node is reachable, no path loops forever or runs past
`MAX_DECISIONS`, no node is left without a reply on offer, and at least one strong and one
failing ending can be reached. At a `typed` node the walk also plays every reply a typed reply can
stand for with every mood change the coach can give, so learners' own words cannot break a call.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path

from msgspec import Struct, field
from msgspec.structs import replace
from pydantic import ValidationError

from workbook.core import schemas
from workbook.core.call_engine import (
    TYPED_MOOD_LIMIT,
    CallError,
    CallState,
    TypedReply,
    choose,
    offered_replies,
    start_call,
)
from workbook.core.conditions import ConditionError, parse_condition
from workbook.core.problems import Problem
from workbook.core.scenario import SCENARIO_FOLDER, VERIFIED_FLAG, Rating, Scenario
from workbook.core.schema_problems import problems_from_error, read_mapping
from workbook.core.typed_turn import mapped_replies
from workbook.core.walk_cache import WalkCache
from workbook.core.yaml_lines import LocatedYaml

MAX_DECISIONS = 30
MAX_STATES = 200_000
NEXT_ARMS = ("constrained-str", "list[Branch]")  # how pydantic names the arms of `Reply.next`


class Walk(Struct):
    """What the exhaustive walk found: reachable nodes and endings, shortest and longest calls."""

    nodes: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    loops: set[str] = field(default_factory=set)
    too_long: set[str] = field(default_factory=set)
    dead_ends: set[str] = field(default_factory=set)
    broken: dict[str, str] = field(default_factory=dict)  # node -> engine error
    # (node, reply index) of best/okay replies that disclose account details before verification
    unverified_disclosures: set[tuple[str, int]] = field(default_factory=set)
    fewest_decisions: float = math.inf
    most_decisions: float = 0
    states: int = 0


def load_scenarios(root: Path, skills: Mapping[str, str], module_ids: Iterable[str],
                   walk_cache: WalkCache | None = None) -> tuple[list[tuple[Scenario, Path]], list[Problem]]:
    """Every valid scenario under `root/practice-calls/`, and the problems of the others.
    With a `walk_cache`, scripts that passed the exhaustive walk before are not walked again."""
    folder = root / SCENARIO_FOLDER
    if not folder.is_dir():
        return [], []
    found, problems, seen = [], [], {}
    modules = set(module_ids)
    for path in sorted(folder.glob("*.yaml")):
        scenario, own = load_scenario(path, skills, modules, walk_cache)
        if scenario is not None and scenario.id in seen:
            own.append(Problem(path, 1, "id",
                               f"duplicate id '{scenario.id}', already used by {seen[scenario.id]}"))
        if scenario is not None and not own:
            seen[scenario.id] = path.name
            found.append((scenario, path))
        problems.extend(own)
    return found, problems


def load_scenario(path: Path, skills: Mapping[str, str], module_ids: set[str] | None = None,
                  walk_cache: WalkCache | None = None) -> tuple[Scenario | None, list[Problem]]:
    located, problems = read_mapping(path, "scenario")
    if located is None:
        return None, problems
    try:
        scenario = schemas.validate(schemas.Scenario, located.data)
    except ValidationError as error:
        return None, _schema_problems(error, path, located)
    problems = check_script(scenario, path, located, skills, module_ids)
    if not problems:  # the walk needs sound targets and conditions to run at all
        digest = None
        if walk_cache is not None:  # the walk reads only the script: skills and modules are checked above
            digest = walk_cache.digest(path.read_text(encoding="utf-8"), "practice call walk")
        if digest is None or not walk_cache.passed(digest):
            problems = check_walk(scenario, path, located)
            if not problems and digest is not None:
                walk_cache.remember(digest)
    return (None if problems else scenario), problems


def _schema_problems(error: ValidationError, path: Path, located: LocatedYaml) -> list[Problem]:
    """Schema problems, with `next` (an id or a list of branches) reported as one field: pydantic
    names the union arms in the location and also says why the arm not meant did not fit."""
    found = problems_from_error(error, path, located, schemas.Scenario, tags=NEXT_ARMS, label="scenario")
    kept = []
    for item, problem in zip(error.errors(), found, strict=True):
        if item["type"] == "list_type" and NEXT_ARMS[1] in item["loc"]:
            continue
        if item["type"] == "string_type" and NEXT_ARMS[0] in item["loc"]:
            if isinstance(item["input"], list):
                continue
            problem = replace(problem, message="must be a node or an ending id, or a list of branches")
        kept.append(problem)
    return kept


def check_script(scenario: Scenario, path: Path, located: LocatedYaml, skills: Mapping[str, str],
                 module_ids: set[str] | None) -> list[Problem]:
    problems: list[Problem] = []

    def report(where: tuple, field_name: str, message: str) -> None:
        problems.append(Problem(path, located.line_of(where), field_name, message))

    set_flags = {flag for node in scenario.nodes.values() for r in node.replies for flag in r.set}
    conditions: list[tuple[tuple, str, str]] = []  # where, field, text

    if scenario.start not in scenario.nodes:
        report(("start",), "start", f"'{scenario.start}' is not a node")
    for clash in sorted(set(scenario.nodes) & set(scenario.endings)):
        report(("endings", clash), "endings", f"'{clash}' is both a node and an ending")
    for index, module_id in enumerate(scenario.modules):
        if module_ids is not None and module_id not in module_ids:
            report(("modules", index), "modules", f"unknown module '{module_id}'")
    for index, rule in enumerate(scenario.rules):
        where = ("rules", index)
        conditions.append((where + ("if",), f"rules.{index}.if", rule.if_))
        if not scenario.target_exists(rule.goto):
            report(where + ("goto",), f"rules.{index}.goto", f"'{rule.goto}' is not a node or an ending")
    for node_id, node in scenario.nodes.items():
        if node.typed:
            _check_typed_node(node_id, node, report)
        for index, reply in enumerate(node.replies):
            where = ("nodes", node_id, "replies", index)
            name = f"nodes.{node_id}.replies.{index}"
            for skill in reply.skills:
                if skills and skill not in skills:
                    report(where + ("skills", skill), f"{name}.skills", f"unknown skill '{skill}'")
            if reply.when is not None:
                conditions.append((where + ("when",), f"{name}.when", reply.when))
            targets = [(where + ("next",), reply.next)] if isinstance(reply.next, str) else [
                (where + ("next", n, "goto"), branch.goto) for n, branch in enumerate(reply.next)]
            for target_where, target in targets:
                if not scenario.target_exists(target):
                    report(target_where, f"{name}.next", f"'{target}' is not a node or an ending")
            if isinstance(reply.next, list):
                for n, branch in enumerate(reply.next):
                    if branch.if_ is not None:
                        conditions.append((where + ("next", n, "if"), f"{name}.next.{n}.if", branch.if_))
                last = len(reply.next) - 1
                if not reply.next:
                    report(where + ("next",), f"{name}.next",
                           "needs a node or an ending, or at least one branch ('- goto: ...')")
                elif reply.next[last].if_ is not None:
                    report(where + ("next", last), f"{name}.next.{last}",
                           "the last branch needs no 'if': it is where the call goes otherwise")
    for where, field_name, text in conditions:
        try:
            parsed = parse_condition(text)
        except ConditionError as error:
            report(where, field_name, str(error))
            continue
        for flag in sorted(parsed.flags - set_flags):
            report(where, field_name, f"flag '{flag}' is never set by any reply ('set: [{flag}]')")
    return problems


def _check_typed_node(node_id: str, node, report) -> None:
    """A typed node needs a best and a poor reply for good and bad own words to part ways, and no
    hand-over: the coach cannot tell that a learner meant to pass the caller on."""
    ratings = {reply.rating for reply in node.replies}
    for needed in (Rating.BEST, Rating.POOR):
        if needed not in ratings:
            report(("nodes", node_id, "typed"), f"nodes.{node_id}.typed",
                   f"a typed node needs a reply rated '{needed}' (a typed reply is matched to one)")
    for index, reply in enumerate(node.replies):
        if reply.handover is not None:
            report(("nodes", node_id, "replies", index, "handover"),
                   f"nodes.{node_id}.replies.{index}.handover",
                   "a typed node cannot offer a hand-over (a typed reply never means one)")


def _decisions(scenario: Scenario, state: CallState, typed: bool) -> list[tuple[int, TypedReply | None]]:
    """Every decision on offer: each reply, and (if `typed`) at a typed node each reply a typed reply
    can stand for with each mood change the coach can give."""
    decisions: list[tuple[int, TypedReply | None]] = [(i, None) for i in offered_replies(scenario, state)]
    if typed and decisions and scenario.nodes[state.at].typed:
        decisions += [(index, TypedReply("", change)) for index in mapped_replies(scenario, state)
                      for change in range(-TYPED_MOOD_LIMIT, TYPED_MOOD_LIMIT + 1)]
    return decisions


def walk_scenario(scenario: Scenario, typed: bool = True) -> Walk:
    """Every state a call can reach, depth first, with memoised (fewest, most) decisions to an end.
    `typed=False` follows the scripted replies only (a typed reply's wider mood changes can end a
    call sooner than any scripted path, which is fair: the content rules count scripted paths)."""
    uses_seconds = any(_reads_seconds(text) for text in _condition_texts(scenario))
    walk = Walk()
    memo: dict[tuple, tuple[float, float]] = {}
    on_path: set[tuple] = set()

    def key_of(state: CallState) -> tuple:
        return state.at, state.mood, state.flags, state.seconds if uses_seconds else 0

    def visit(state: CallState, depth: int) -> tuple[float, float]:
        if state.at in scenario.endings:
            walk.endings.add(state.at)
            return 0, 0
        key = key_of(state)
        if key in memo:
            return memo[key]
        walk.nodes.add(state.at)
        if key in on_path:
            walk.loops.add(state.at)
            return math.inf, math.inf
        if depth >= MAX_DECISIONS or walk.states >= MAX_STATES:
            walk.too_long.add(state.at)
            return math.inf, math.inf
        walk.states += 1
        offered = offered_replies(scenario, state)
        if not offered:
            walk.dead_ends.add(state.at)
            memo[key] = (math.inf, math.inf)
            return memo[key]
        node = scenario.nodes[state.at]
        if VERIFIED_FLAG not in state.flags:
            walk.unverified_disclosures.update(
                (state.at, index) for index in offered
                if node.replies[index].discloses and node.replies[index].rating != Rating.POOR)
        on_path.add(key)
        fewest, most = math.inf, 0.0
        for index, own_words in _decisions(scenario, state, typed):
            try:
                low, high = visit(choose(scenario, state, index, own_words), depth + 1)
            except CallError as error:
                walk.broken[state.at] = str(error)
                low, high = math.inf, math.inf
            fewest, most = min(fewest, 1 + low), max(most, 1 + high)
        on_path.discard(key)
        memo[key] = (fewest, most)
        return memo[key]

    walk.fewest_decisions, walk.most_decisions = visit(start_call(scenario), 0)
    if math.isfinite(walk.most_decisions) and walk.most_decisions > MAX_DECISIONS:
        # The depth check above misses a long path that joins a state first met by a shorter one
        # (the memo answers for it): follow the longest call and name where it passes the limit.
        def remaining(following: CallState) -> float:
            return 0 if following.at in scenario.endings else memo.get(key_of(following), (0, 0))[1]

        state = start_call(scenario)
        for _ in range(MAX_DECISIONS):
            following = (choose(scenario, state, i, words) for i, words in _decisions(scenario, state, typed))
            state = max(following, key=remaining)
        walk.too_long.add(state.at)
    return walk


def check_walk(scenario: Scenario, path: Path, located: LocatedYaml) -> list[Problem]:
    walk = walk_scenario(scenario)
    problems: list[Problem] = []

    def node_problem(node_id: str, message: str) -> None:
        problems.append(Problem(path, located.line_of(("nodes", node_id)), f"nodes.{node_id}", message))

    for node_id in scenario.nodes:
        if node_id not in walk.nodes:
            node_problem(node_id, "no call can reach this node")
    for node_id in sorted(walk.loops):
        node_problem(node_id, "a call can loop back here forever: give the loop a way out "
                              "(a flag, a mood rule or an ending)")
    for node_id in sorted(walk.too_long - walk.loops):
        node_problem(node_id, f"a call through here can run past {MAX_DECISIONS} replies without ending")
    for node_id in sorted(walk.dead_ends):
        node_problem(node_id, "at some point no reply is offered here (every reply's 'when' is false)")
    for node_id, message in sorted(walk.broken.items()):
        node_problem(node_id, message)
    for node_id, index in sorted(walk.unverified_disclosures):
        problems.append(Problem(
            path, located.line_of(("nodes", node_id, "replies", index)), f"nodes.{node_id}.replies.{index}",
            f"this {scenario.nodes[node_id].replies[index].rating.value} reply discloses account details "
            f"(discloses: true) on a path where the caller is not yet verified (flag '{VERIFIED_FLAG}'); "
            "only a poor reply may do that"))
    for ending_id in scenario.endings:
        if ending_id not in walk.endings:
            problems.append(Problem(path, located.line_of(("endings", ending_id)), f"endings.{ending_id}",
                                    "no call can reach this ending"))
    kinds = [scenario.endings[e].kind for e in walk.endings]
    if not any(kind.strong for kind in kinds):
        problems.append(Problem(path, located.line_of(("endings",)), "endings",
                                "no path reaches a strong ending (resolved or escalated appropriately)"))
    if all(kind.strong for kind in kinds):
        problems.append(Problem(path, located.line_of(("endings",)), "endings",
                                "no path fails (hung up or formal complaint): the learner cannot "
                                "see what a poor call costs"))
    return problems


def _condition_texts(scenario: Scenario) -> Iterable[str]:
    yield from (rule.if_ for rule in scenario.rules)
    for node in scenario.nodes.values():
        for reply in node.replies:
            if reply.when:
                yield reply.when
            if isinstance(reply.next, list):
                yield from (b.if_ for b in reply.next if b.if_)


def _reads_seconds(text: str) -> bool:
    return parse_condition(text).uses_seconds
