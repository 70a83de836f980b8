"""The coach's good replies that no labeller wrote, read with YAML alone (the trainers' venvs, with or
without the app, share them): the guard file's replies the coach must leave alone, and the practice
calls' "best" replies, which every trainer takes as free of every avoid rule."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LEAVE_ALONE = ROOT / "tests" / "fixtures" / "coach" / "guards" / "leave_alone.yaml"
CALLS = ROOT / "lessons" / "practice-calls"


def load_leave_alone(avoid_ids: list[str], path: Path = LEAVE_ALONE) -> list[tuple[str, tuple[str, ...]]]:
    """Each good reply of the guard file with the avoid rules it must not trigger ("any": every one)."""
    replies = yaml.safe_load(path.read_text(encoding="utf-8"))["replies"]
    return [(str(r["text"]), tuple(avoid_ids) if r["not"] == "any" else tuple(r["not"])) for r in replies]


def best_replies(calls: Path = CALLS) -> list[tuple[str, str, str, int]]:
    """(id "call:reply", text, the caller's line, the call's number) of every call's best reply."""
    out = []
    for number, path in enumerate(sorted(calls.glob("*.yaml"))):
        nodes = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nodes") or {}
        for node in nodes.values() if isinstance(nodes, dict) else nodes:
            for n, reply in enumerate((node or {}).get("replies") or []):
                if reply.get("rating") == "best" and reply.get("text"):
                    caller = str(node.get("caller") or "")
                    out.append((f"{path.stem}:{n}", str(reply["text"]), caller, number))
    return out
