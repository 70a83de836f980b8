"""The coach's sentence head: a dig tucked into a long kind reply is found, and its sentence is the one
highlighted; its file is checked like the encoder's (named field, one line, the coach goes on)."""

from __future__ import annotations

import hashlib
import io
import logging

import numpy as np
import pytest
from msgspec.structs import replace

from tests.core.test_coach_encoder import ASSETS, COACH, _coach_folder
from workbook.core import coach_encoder
from workbook.core.coach import check_rules, coach_reply, load_rules

# Written for these tests (no labeller wrote them): a kind reply with one excuse in the middle, and
# the same reply without it.
TUCKED_IN = ("Thanks for your patience, and I'm sorry about the mess outside your house. The contractors "
             "were supposed to put the pavement back within a week and they just haven't bothered. "
             "I'll chase them this morning and ring you by Friday.")
DIG = "The contractors were supposed to put the pavement back within a week and they just haven't bothered"
KIND = ("Thanks for your patience, and I'm sorry about the mess outside your house. I'll chase the "
        "contractors this morning and ring you by Friday.")


@pytest.fixture(scope="module")
def rules():
    return load_rules(COACH / "rules.yaml")


def test_the_dig_is_found_by_the_sentence_head_and_its_sentence_is_highlighted(rules):
    without_head = replace(rules, encoder=replace(rules.encoder, sentence_thresholds={}))
    assert not coach_reply(TUCKED_IN, without_head).present["avoid-blame"]  # averaged away, whole
    verdict = next(v for v in coach_reply(TUCKED_IN, rules).verdicts if v.rule_id == "avoid-blame")
    assert verdict.present
    assert [TUCKED_IN[start:end] for start, end in verdict.spans] == [DIG]


def test_the_same_reply_without_the_dig_is_left_alone(rules):
    result = coach_reply(KIND, rules)
    assert not result.present["avoid-blame"] and not result.present["avoid-judging-or-correcting"]


def test_a_one_sentence_reply_is_read_whole_by_the_head(rules):
    parts = coach_encoder.sentence_parts("Sorry about that.", [(0, 17)])
    assert parts == [(0, 17)]
    spans = [(0, 6), (6, 8), (8, 23)]
    assert coach_encoder.sentence_parts("Sorry. . Thursday at 9.", spans) == [(0, 6), (8, 23)]


def test_a_swapped_sentence_head_is_named_by_its_sha256_and_the_coach_goes_on(tmp_path):
    shipped = (ASSETS / "sentence_head.npz").read_bytes()
    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes(),
                                 head=shipped[:-1] + bytes([shipped[-1] ^ 0xFF]))
    rules, problems = check_rules(path, assets_dir=assets)
    assert [(p.path.name, p.field) for p in problems] == [("encoder.yaml", "sentence_head_sha256")]
    assert "sentence_head.npz has sha256" in problems[0].message
    assert coach_reply("That's our policy.", rules).present["avoid-stonewalling"]  # the phrases go on
    assert "sentence_head" in coach_encoder.unavailable(rules.encoder)


def test_a_missing_sentence_head_is_named_and_the_coach_goes_on(tmp_path):
    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes())
    (assets / "coach" / "sentence_head.npz").unlink()
    rules, problems = check_rules(path, assets_dir=assets)
    assert [(p.path.name, p.field) for p in problems] == [("encoder.yaml", "sentence_head")]
    assert "sentence_head.npz: file not found" in problems[0].message
    assert coach_reply("That's our policy.", rules).present["avoid-stonewalling"]  # the phrases go on


def _narrower_head() -> bytes:
    """The shipped head with one input fewer: it no longer fits the model's widths."""
    with np.load(ASSETS / "sentence_head.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["w1"], arrays["mean"] = arrays["w1"][..., :-1], arrays["mean"][:-1]
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


@pytest.mark.parametrize(("wrong", "said"), [
    (_narrower_head, "sentence_head.npz reads"),
    (lambda: b"not a zip file at all", "sentence_head.npz is not a sentence head"),
], ids=["wrong width", "not an npz"])
def test_a_head_that_will_not_load_is_said_in_one_line_and_the_coach_goes_on(tmp_path, caplog, wrong, said):
    """A head whose sha256 was put in encoder.yaml but that does not fit: found when the first reply is
    coached, said in one line, never a traceback."""
    head = wrong()
    shipped_sha = hashlib.sha256((ASSETS / "sentence_head.npz").read_bytes()).hexdigest()
    text = (COACH / "encoder.yaml").read_text(encoding="utf-8")
    text = text.replace(shipped_sha, hashlib.sha256(head).hexdigest())
    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes(),
                                 encoder_yaml=text, head=head)
    rules, problems = check_rules(path, assets_dir=assets)
    assert problems == []
    with caplog.at_level(logging.WARNING, logger="workbook"):
        assert coach_reply("That's our policy.", rules).present["avoid-stonewalling"]
    reason = coach_encoder.unavailable(rules.encoder)
    assert reason.startswith(said) and "\n" not in reason
    assert "Traceback" not in caplog.text
