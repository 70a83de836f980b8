"""Write the exported model's sha256 and its thresholds into lessons/coach/encoder.yaml (step 5 of README.md).

Each rule's threshold is the one chosen on the validation writers (OUT/choice.json, choose.py), raised
to the lowest step above the shipped model's score for every good reply it must leave alone: the guard
file's (tests/fixtures/coach/guards/leave_alone.yaml) and the practice calls' best replies, where the
coach without the encoder leaves them alone and would ask the encoder. So no threshold is set by hand.
Run with the app's venv: python bench/coach_encoder/thresholds.py OUT
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
from workbook.core.coach import coach_reply, load_rules  # noqa: E402

ENCODER_YAML = data.ROOT / "lessons" / "coach" / "encoder.yaml"
MODEL = data.ROOT / "assets" / "coach" / "encoder.int8.onnx"
STEPS = [round(0.01 * k, 2) for k in range(1, 100)]


def main(argv: list[str]) -> int:
    chosen = json.loads((Path(argv[0]) / "choice.json").read_text())["thresholds"]
    text = ENCODER_YAML.read_text(encoding="utf-8")
    sha256 = hashlib.sha256(MODEL.read_bytes()).hexdigest()
    text = re.sub(r"(?m)^model_sha256: \w+$", f"model_sha256: {sha256}", text)
    ENCODER_YAML.write_text(text, encoding="utf-8")
    rules = load_rules(data.ROOT / "lessons" / "coach" / "rules.yaml")
    assert rules.encoder is not None and not rules.encoder.problem, "the encoder cannot be used"
    asks = replace(rules, encoder=replace(rules.encoder, thresholds={r: 0.0 for r in data.RULE_IDS}))
    good = ([(reply, "", must_not) for reply, must_not in data.guard_replies()]
            + [(reply, caller, tuple(data.RULE_IDS)) for _id, reply, caller, _call in data.best_replies()])
    for rule_id in data.RULE_IDS:
        top, which = 0.0, ""
        for reply, caller, must_not in good:
            if rule_id not in must_not:
                continue
            if coach_reply(reply, rules, caller, use_encoder=False).present[rule_id]:
                continue  # the phrases and word model find it: theirs to answer for
            if coach_reply(reply, asks, caller).present[rule_id]:  # the coach asks the encoder about it
                score = coach_encoder.scores(rules.encoder, reply)[rule_id]
                if score > top:
                    top, which = score, reply
        threshold = next((t for t in STEPS if t >= chosen[rule_id] and t > top), 1.0)
        print(f"{rule_id:28} chosen {chosen[rule_id]:.2f}, highest good reply {top:.3f} ({which[:60]!r}) "
              f"-> {threshold:.2f}")
        text = re.sub(rf"(?m)^(  {re.escape(rule_id)}): [\d.]+$", rf"\1: {threshold}", text)
    ENCODER_YAML.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
