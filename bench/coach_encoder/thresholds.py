"""Write the exported model's sha256 and its thresholds into lessons/coach/encoder.yaml (step 5 of README.md).

Each rule's threshold is the one chosen on the validation writers (OUT/choice.json, choose.py), raised
to the lowest step above the shipped model's score for every good reply it must leave alone: the guard
file's (tests/fixtures/coach/guards/leave_alone.yaml) and the practice calls' best replies, where the
coach without the encoder leaves them alone and would ask the encoder. So no threshold is set by hand.
Run with the app's venv: python bench/coach_encoder/thresholds.py OUT
After sentence_head.py (step 6): python bench/coach_encoder/thresholds.py --sentence-head, the same for the
sentence head: its sha256, and each of its thresholds (data.SENTENCE_CHOSEN) raised above its score for
every good reply the coach without it leaves alone and would ask it about.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from msgspec.structs import replace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402

sys.path.insert(0, str(data.ROOT))
from workbook.core import coach_encoder  # noqa: E402
from workbook.core.coach import _NORMALISE, coach_reply, load_rules  # noqa: E402
from workbook.core.sentences import sentences  # noqa: E402

ENCODER_YAML = data.ROOT / "lessons" / "coach" / "encoder.yaml"
MODEL = data.ROOT / "assets" / "coach" / "encoder.int8.onnx"
HEAD = data.ROOT / "assets" / "coach" / "sentence_head.npz"
STEPS = [round(0.01 * k, 2) for k in range(1, 100)]


def set_threshold(text: str, section: str, rule_id: str, threshold: float) -> str:
    """encoder.yaml with `rule_id`'s line under `section:` (thresholds or sentence_thresholds) set."""
    start = re.search(rf"(?m)^{section}:.*$", text).end()
    line = re.compile(rf"(?m)^(  {re.escape(rule_id)}): [\d.]+")
    found = line.search(text, start)
    return text[:found.start()] + f"{found.group(1)}: {threshold}" + text[found.end():]


def good_replies() -> list[tuple[str, str, tuple[str, ...]]]:
    """(reply, caller, the rules it must not trigger): the guard file's good replies and the best replies."""
    return ([(reply, "", must_not) for reply, must_not in data.guard_replies()]
            + [(reply, caller, tuple(data.RULE_IDS)) for _id, reply, caller, _call in data.best_replies()])


def _sha256_into_yaml(key: str, file: Path) -> str:
    """encoder.yaml with `key` set to `file`'s sha256, written, and its text returned."""
    text = ENCODER_YAML.read_text(encoding="utf-8")
    sha256 = hashlib.sha256(file.read_bytes()).hexdigest()
    text = re.sub(rf"(?m)^{key}: \w+$", f"{key}: {sha256}", text)
    ENCODER_YAML.write_text(text, encoding="utf-8")
    return text


def _usable_rules():
    rules = load_rules(data.ROOT / "lessons" / "coach" / "rules.yaml")
    assert rules.encoder is not None and not rules.encoder.problem, "the encoder cannot be used"
    return rules


def _highest_good(rule_id: str, without, asking, score) -> tuple[float, str]:
    """The highest `score(reply)[rule_id]` among the good replies that the coach `without` it leaves
    alone and the coach `asking` it would ask about (both CoachRules), and that reply."""
    top, which = 0.0, ""
    for reply, caller, must_not in good_replies():
        if rule_id not in must_not or coach_reply(reply, without, caller).present[rule_id]:
            continue  # the rest of the coach finds it: theirs to answer for
        if coach_reply(reply, asking, caller).present[rule_id]:
            found = score(reply)[rule_id]
            if found > top:
                top, which = found, reply
    return top, which


def sentence_head() -> int:
    text = _sha256_into_yaml("sentence_head_sha256", HEAD)
    rules = _usable_rules()
    alone = replace(rules, encoder=replace(rules.encoder, sentence_thresholds={}))
    asks = replace(alone, encoder=replace(alone.encoder, thresholds={r: 1.01 for r in data.RULE_IDS},
                                          sentence_thresholds={r: 0.0 for r in data.SENTENCE_CHOSEN}))

    def head_scores(reply: str) -> dict[str, float]:
        normal = reply.translate(_NORMALISE)
        parts = coach_encoder.sentence_parts(normal, sentences(normal))
        found = coach_encoder.sentence_scores(rules.encoder, normal, tuple(normal[a:b] for a, b in parts))
        return {rule_id: score for rule_id, (score, _index) in found.items()}

    for rule_id, chosen in data.SENTENCE_CHOSEN.items():
        top, which = _highest_good(rule_id, alone, asks, head_scores)
        threshold = next((t for t in STEPS if t >= chosen and t > top), 1.0)
        print(f"{rule_id:28} sentence head: chosen {chosen:.2f}, highest good reply {top:.3f} "
              f"({which[:60]!r}) -> {threshold:.2f}")
        text = set_threshold(text, "sentence_thresholds", rule_id, threshold)
    ENCODER_YAML.write_text(text, encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--sentence-head"]:
        return sentence_head()
    chosen = json.loads((Path(argv[0]) / "choice.json").read_text())["thresholds"]
    text = _sha256_into_yaml("model_sha256", MODEL)
    rules = _usable_rules()
    without = replace(rules, encoder=None)
    asks = replace(rules, encoder=replace(rules.encoder, thresholds={r: 0.0 for r in data.RULE_IDS}))
    for rule_id in data.RULE_IDS:
        top, which = _highest_good(rule_id, without, asks,
                                   lambda reply: coach_encoder.scores(rules.encoder, reply))
        threshold = next((t for t in STEPS if t >= chosen[rule_id] and t > top), 1.0)
        print(f"{rule_id:28} chosen {chosen[rule_id]:.2f}, highest good reply {top:.3f} ({which[:60]!r}) "
              f"-> {threshold:.2f}")
        text = set_threshold(text, "thresholds", rule_id, threshold)
    ENCODER_YAML.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
