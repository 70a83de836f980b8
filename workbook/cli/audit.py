"""`audit [DIR]`: how far the quizzes and practice calls can be passed by test-wiseness.

Exit codes (workbook.cli.exit_codes): 0 the assessments meet the goals (issue 13); 1 at least one
simulated test-taker gets too close to passing (the report says which); 3 nothing to audit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, content_root

if TYPE_CHECKING:  # the audit pulls in the content models; keep the command line's start light
    from workbook.core.audit import Audit


def add_audit_commands(commands, common: argparse.ArgumentParser,
                       content: argparse.ArgumentParser) -> dict:
    """Register the subcommand on `commands`; returns its handler by name."""
    audit = commands.add_parser(
        "audit", parents=[common, content],
        help="measure answer cues in quizzes and calls, and run simulated test-takers (longest, first "
             "shown, politest-sounding, random) through the real scoring and the course's rules")
    audit.add_argument("directory", nargs="?", metavar="DIR",
                       help="content folder (default: bundled lessons/)")
    audit.add_argument("--seeds", type=int, default=200, metavar="N",
                       help="runs per simulated test-taker (default: 200)")
    audit.add_argument("--call-order", choices=("shuffled", "script"), default="shuffled",
                       help="order the simulated learner sees a call's replies in: shuffled at every "
                            "visit (default) or as the script lists them")
    audit.add_argument("--json", action="store_true", help="print the figures as JSON instead of a report")
    return {"audit": _audit}


def _audit(args: argparse.Namespace) -> int:
    from workbook.core.audit import DISPLAY_ORDERS, run_audit
    from workbook.core.loader import load_library

    root = Path(args.directory) if args.directory else content_root(args)
    if args.seeds < 1:
        raise Refused("--seeds must be at least 1")
    library = load_library(root)
    if not library.modules and not library.scenarios:
        raise Refused(f"{root}: no modules or practice calls to audit (run 'validate' to see why)",
                      ExitCode.NOT_FOUND)
    if library.all_problems():
        print(f"{root}: some content has problems and is left out; run 'validate' for the list",
              file=sys.stderr)
    audit = run_audit(library, seeds=args.seeds, display=DISPLAY_ORDERS[args.call_order])
    print(json.dumps(audit_json(audit), indent=2) if args.json else format_report(audit))
    return ExitCode.REFUSED if audit.failures() else ExitCode.OK


def _pct(share: float) -> str:
    return f"{share:.0%}"


def format_report(audit: Audit) -> str:
    """The audit as a plain-text report a trainer can read."""
    lines = ["Quizzes: single-answer items whose key is the longest option; true/false keys", ""]
    lines.append(f"  {'module':40} {'single':>6} {'key longest':>11} {'T/F':>4} {'true':>5} {'false':>5}")
    rows = list(audit.quiz.items()) + [("overall", audit.quiz_total)]
    for module_id, c in rows:
        title = audit.titles.get(module_id, module_id)[:40]
        lines.append(f"  {title:40} {c.single_answer:6} {_pct(c.key_longest_share):>11} {c.true_false:4} "
                     f"{c.keyed_true:5} {c.true_false - c.keyed_true:5}")
    lines += ["", "Practice calls: decision points where the best reply is the longest, where every "
              "reply leads to the same place, and where best and okay do", ""]
    lines.append(f"  {'call':40} {'points':>6} {'best longest':>12} {'all same':>8} {'best=okay':>9}")
    for scenario_id, c in list(audit.calls.items()) + [("overall", audit.calls_total)]:
        title = audit.titles.get(scenario_id, scenario_id)[:40]
        lines.append(f"  {title:40} {c.decisions:6} {_pct(c.best_longest_share):>12} "
                     f"{_pct(c.all_same_next_share):>8} {_pct(c.best_okay_same_next_share):>9}")
    seeds = audit.strategies[0].seeds if audit.strategies else 0
    lines += ["", f"Simulated test-takers, {seeds} seeds each (reading counted as done; pass mark "
              f"{audit.pass_mark}%, call skill needed {audit.min_skill_score}%)", ""]
    lines.append(f"  {'strategy':30} {'completes':>9} {'quizzes':>8} {'calls':>6} {'quiz mean':>9} "
                 f"{'call skill':>10} {'ended well':>10}")
    for s in audit.strategies:
        runs = max(1, s.seeds)
        lines.append(f"  {s.name:30} {_pct(s.eligible_share):>9} {_pct(s.quizzes_passed / runs):>8} "
                     f"{_pct(s.calls_met / runs):>6} {s.mean_quiz:8.1f}% "
                     f"{s.mean_call_skill:9.1f}% {_pct(s.strong_share):>10}")
    types = sorted({t for s in audit.strategies for t in s.by_type})
    lines += ["", "  Quiz mean per question type:"]
    for question_type in types:
        means = "  ".join(f"{s.type_mean(question_type):5.1f}" for s in audit.strategies)
        lines.append(f"    {question_type:36} {means}")
    lines += ["", "  Quiz mean per module:"]
    for module_id in audit.quiz:
        means = "  ".join(f"{s.module_mean(module_id):5.1f}" for s in audit.strategies)
        lines.append(f"    {audit.titles.get(module_id, module_id)[:36]:36} {means}")
    lines.append("    (columns: " + ", ".join(s.name for s in audit.strategies) + ")")
    failures = audit.failures()
    lines += ["", "Goal: no strategy completes the course, or meets the practice-call rules on their own, in "
              "more than 1% of seeds, and each averages at least 25 points below the quiz pass mark "
              f"({audit.pass_mark - 25}% or less)."]
    lines += [f"  MISSED: {f}" for f in failures] or ["  Met."]
    return "\n".join(lines)


def audit_json(audit: Audit) -> dict:
    """The audit's figures as plain JSON-ready data."""
    def quiz(c) -> dict:
        return {"single_answer": c.single_answer, "key_longest": c.key_longest,
                "key_longest_share": round(c.key_longest_share, 4), "true_false": c.true_false,
                "keyed_true": c.keyed_true, "keyed_false": c.true_false - c.keyed_true}

    def call(c) -> dict:
        return {"decisions": c.decisions, "best_longest": c.best_longest,
                "best_longest_share": round(c.best_longest_share, 4), "all_same_next": c.all_same_next,
                "all_same_next_share": round(c.all_same_next_share, 4),
                "with_best_and_okay": c.with_best_and_okay, "best_okay_same_next": c.best_okay_same_next,
                "best_okay_same_next_share": round(c.best_okay_same_next_share, 4)}

    return {
        "pass_mark": audit.pass_mark,
        "min_skill_score": audit.min_skill_score,
        "quizzes": {"modules": {m: quiz(c) for m, c in audit.quiz.items()},
                    "overall": quiz(audit.quiz_total)},
        "calls": {"scenarios": {s: call(c) for s, c in audit.calls.items()},
                  "overall": call(audit.calls_total)},
        "strategies": [{
            "name": s.name, "seeds": s.seeds, "completes": s.eligible,
            "completes_share": round(s.eligible_share, 4),
            "quizzes_all_passed": s.quizzes_passed, "call_rules_met": s.calls_met,
            "mean_quiz": round(s.mean_quiz, 2), "mean_call_skill": round(s.mean_call_skill, 2),
            "ended_well_share": round(s.strong_share, 4),
            "quiz_mean_by_module": {m: round(s.module_mean(m), 2) for m in s.quiz_scores},
            "quiz_mean_by_type": {t: round(s.type_mean(t), 2) for t in sorted(s.by_type)},
        } for s in audit.strategies],
        "failures": audit.failures(),
    }
