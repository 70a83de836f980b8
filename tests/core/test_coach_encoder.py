"""The coach's encoder (workbook/core/coach_encoder.py) with the shipped model file and real replies:
it finds rewordings the phrases and the word model miss and points at the sentence that says it; a
missing, damaged or swapped file is named and the coach still answers; two threads asking at once
load it once. It runs in a process of its own (workbook/core/encoder_process.py): the scores are the
ones it gives when loaded in the asking process, the window's process imports none of onnxruntime,
numpy or tokenizers, the process stops with the app (or when the app is killed), and one that dies
or stops answering is said in one line while the coach goes on."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from workbook.core import coach_encoder, encoder_process
from workbook.core.coach import check_rules, coach_reply, load_rules
from workbook.core.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]
COACH = ROOT / "lessons" / "coach"
ASSETS = ROOT / "assets" / "coach"


@pytest.fixture(scope="module")
def rules():
    return load_rules(COACH / "rules.yaml")


# Written for this test (no labelled set holds them): blame, judging and a closed door in words the
# phrases and the word model do not know. `words` must be inside the one highlighted span.
NEW_WORDINGS = [
    ("The card on file had expired, which is what stopped the renewal going through.", "avoid-blame",
     "card on file had expired"),
    ("Let's be realistic here, a two-day delay is hardly the end of the world.",
     "avoid-judging-or-correcting", "hardly the end of the world"),
    ("I'm looking at it now. Honestly, that's a rather childish way to talk to someone.",
     "avoid-judging-or-correcting", "rather childish"),
    ("Twelve emails in a day seems a little excessive, doesn't it?", "avoid-judging-or-correcting",
     "a little excessive"),
    # Closing the door is read at 0.99 (good replies of the scripts score up to 0.98): only the plainest.
    ("I've given you the answer already, there isn't another one.", "avoid-stonewalling",
     "there isn't another one"),
]


@pytest.mark.parametrize(("text", "rule_id", "words"), NEW_WORDINGS, ids=lambda v: str(v)[:30])
def test_the_encoder_finds_new_wordings_and_highlights_their_sentence(rules, text, rule_id, words):
    assert not coach_reply(text, rules, use_encoder=False).present[rule_id]  # phrases + word model miss it
    assert not coach_reply(text, rules, use_model=False).present[rule_id]  # phrases alone: no encoder
    verdict = coach_reply(text, rules).verdict(rule_id)
    assert verdict.present and verdict.mood_change < 0
    assert len(verdict.spans) == 1
    start, end = verdict.spans[0]
    marked = text[start:end]
    assert words in marked and marked[0].isalnum() and marked[-1].isalnum()  # words, no bare punctuation
    if len(sentences(text)) > 1:  # the sentence that says it, never the whole reply
        assert (start, end) != (0, len(text)) and text[:start].strip()


def test_the_shipped_encoder_yaml_names_the_shipped_files(rules):
    encoder = rules.encoder
    assert encoder is not None and encoder.problem == ""
    assert encoder.outputs == ("avoid-blame", "avoid-judging-or-correcting", "avoid-stonewalling")
    assert set(encoder.thresholds) == set(encoder.outputs) and encoder.max_tokens == 128
    assert encoder.model == ASSETS / "encoder.int8.onnx" and encoder.tokenizer == ASSETS / "tokenizer.json"
    assert hashlib.sha256(encoder.model.read_bytes()).hexdigest() == encoder.model_sha256
    assert coach_encoder.warm(encoder) is None


# -- when the encoder cannot be used ---------------------------------------------------------------

ENCODER_ONLY = "I've given you the answer already, there isn't another one."  # found by the encoder alone
PHRASE_FIND = "That's our policy."  # the phrases find a closed door


def _coach_folder(tmp_path: Path, model: bytes | None = None, sha: str | None = None,
                  encoder_yaml: str | None = None, head: bytes | None = None) -> tuple[Path, Path]:
    """A content folder's coach/ with the shipped rules and model.yaml, and an assets folder whose
    encoder file is `model` (None: missing) and sentence head `head` (default: the shipped one);
    encoder.yaml lists `sha` (default: the shipped one)."""
    coach = tmp_path / "lessons" / "coach"
    coach.mkdir(parents=True)
    for name in ("rules.yaml", "model.yaml"):
        shutil.copyfile(COACH / name, coach / name)
    text = encoder_yaml if encoder_yaml is not None else (COACH / "encoder.yaml").read_text(encoding="utf-8")
    if sha is not None:
        shipped = hashlib.sha256((ASSETS / "encoder.int8.onnx").read_bytes()).hexdigest()
        text = text.replace(shipped, sha)
    (coach / "encoder.yaml").write_text(text, encoding="utf-8")
    assets = tmp_path / "assets"
    (assets / "coach").mkdir(parents=True)
    shutil.copyfile(ASSETS / "tokenizer.json", assets / "coach" / "tokenizer.json")
    if model is not None:
        (assets / "coach" / "encoder.int8.onnx").write_bytes(model)
    (assets / "coach" / "sentence_head.npz").write_bytes(head or (ASSETS / "sentence_head.npz").read_bytes())
    return coach / "rules.yaml", assets


def _still_answers(rules) -> None:
    assert coach_reply(PHRASE_FIND, rules).present["avoid-stonewalling"]  # the phrases go on
    assert not coach_reply(ENCODER_ONLY, rules).present["avoid-stonewalling"]  # without the encoder


def test_a_missing_model_file_is_named_and_the_coach_still_answers(tmp_path, caplog):
    path, assets = _coach_folder(tmp_path, model=None)
    rules, problems = check_rules(path, assets_dir=assets)
    assert rules is not None and rules.encoder is not None
    assert [(p.path.name, p.field) for p in problems] == [("encoder.yaml", "model")]
    assert "encoder.int8.onnx: file not found" in problems[0].message
    with caplog.at_level(logging.WARNING, logger="workbook"):
        _still_answers(rules)
        _still_answers(rules)
    reason = coach_encoder.unavailable(rules.encoder)
    assert "encoder.int8.onnx" in reason and "\n" not in reason
    assert len([r for r in caplog.records if "encoder is not used" in r.getMessage()]) == 1


def test_a_swapped_model_file_is_named_by_its_sha256_and_not_used(tmp_path):
    shipped = (ASSETS / "encoder.int8.onnx").read_bytes()
    path, assets = _coach_folder(tmp_path, model=shipped[:-1] + bytes([shipped[-1] ^ 0xFF]))
    rules, problems = check_rules(path, assets_dir=assets)
    assert [(p.path.name, p.field) for p in problems] == [("encoder.yaml", "model_sha256")]
    lines = (path.parent / "encoder.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[problems[0].line - 1].startswith("model_sha256:")
    assert "encoder.int8.onnx has sha256" in problems[0].message
    _still_answers(rules)
    assert "encoder.int8.onnx" in coach_encoder.unavailable(rules.encoder)


def test_a_damaged_model_with_its_sha256_listed_fails_to_load_and_the_coach_still_answers(tmp_path, caplog):
    """A file whose sha256 was put in encoder.yaml but that onnxruntime cannot read: found when the
    first reply is coached, said in one line, never a traceback."""
    damaged = bytearray((ASSETS / "encoder.int8.onnx").read_bytes())
    damaged[:64] = b"\xff" * 64
    path, assets = _coach_folder(tmp_path, model=bytes(damaged), sha=hashlib.sha256(damaged).hexdigest())
    rules, problems = check_rules(path, assets_dir=assets)
    assert problems == [] and rules.encoder.problem == ""
    assert coach_encoder.unavailable(rules.encoder) is None  # nothing loaded yet: not known
    with caplog.at_level(logging.WARNING, logger="workbook"):
        _still_answers(rules)
    reason = coach_encoder.unavailable(rules.encoder)
    assert reason.startswith("encoder.int8.onnx will not load") and "\n" not in reason
    assert "Traceback" not in caplog.text


# The shipped file's blame threshold line, whatever a retrain wrote there.
BLAME_LINE = re.search(r"(?m)^  avoid-blame: [\d.]+\n",
                       (COACH / "encoder.yaml").read_text(encoding="utf-8")).group(0)


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("  - avoid-stonewalling\n", "  - avoid-shouting\n", "outputs.2", "no rule 'avoid-shouting'"),
    (BLAME_LINE, BLAME_LINE + "  avoid-jargon: 0.5\n", "thresholds.avoid-jargon", "not one of the outputs"),
    (BLAME_LINE, "  avoid-blame: 1.5\n", "thresholds.avoid-blame", "at most 1"),
    (BLAME_LINE, "", "thresholds", "no threshold for 'avoid-blame'"),
    ("max_tokens: 128", "max_tokens: many", "max_tokens", "whole number"),
    ("model: coach/encoder.int8.onnx", "model: ../../secret.onnx", "model", "inside the assets folder"),
    # the sentence head's three entries go together, each checked like the model's
    ("sentence_head: coach/sentence_head.npz\n", "", "sentence_head_sha256", "'sentence_head' is missing"),
    ("sentence_head: coach/sentence_head.npz", "sentence_head: /tmp/head.npz", "sentence_head",
     "inside the assets folder"),
    ("sentence_thresholds:", "sentence_thresholds:\n  avoid-jargon: 0.5", "sentence_thresholds.avoid-jargon",
     "not one of the outputs"),
])
def test_a_broken_encoder_yaml_is_named_at_its_line(tmp_path, old, new, field, message):
    text = (COACH / "encoder.yaml").read_text(encoding="utf-8")
    assert old in text
    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes(),
                                 encoder_yaml=text.replace(old, new))
    rules, problems = check_rules(path, assets_dir=assets)
    assert rules is None  # as a broken model.yaml: the trainer's file must be fixed
    assert problems[0].field == field and message in problems[0].message
    assert problems[0].path == path.parent / "encoder.yaml" and problems[0].line > 1


def test_the_content_loader_reports_a_missing_model_and_keeps_the_coach(tmp_path):
    from workbook.core.loader import load_library

    path, assets = _coach_folder(tmp_path, model=None)
    library = load_library(path.parent.parent, assets)
    assert library.coach is not None and library.coach.encoder is not None
    assert [p.path.name for p in library.all_problems()] == ["encoder.yaml"]


def test_two_threads_loading_at_once_share_one_session(tmp_path):
    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes())
    rules, problems = check_rules(path, assets_dir=assets)  # its own files: a first load
    assert problems == []
    start = threading.Barrier(2)
    got: list = []

    def ask() -> None:
        start.wait()
        got.append((coach_encoder._session(rules.encoder), coach_reply(ENCODER_ONLY, rules).present))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(got) == 2 and got[0][0] is not None and got[0][0] is got[1][0]
    assert got[0][1]["avoid-stonewalling"] and got[0][1] == got[1][1]


def test_a_content_check_remembers_a_matching_model_and_still_sees_it_change(tmp_path):
    """The walk cache keeps a file's passing sha256 by its size and modification time: the next
    content check does not hash 23 MB again, and a file changed since is hashed and reported."""
    from workbook.core.walk_cache import WalkCache

    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes())
    cache = WalkCache(tmp_path / "walk.json")
    assert check_rules(path, cache, assets_dir=assets)[1] == []
    cache.save()
    remembered = WalkCache(tmp_path / "walk.json")
    assert check_rules(path, remembered, assets_dir=assets)[1] == []
    model = assets / "coach" / "encoder.int8.onnx"
    damaged = bytearray(model.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    model.write_bytes(bytes(damaged))
    rules, problems = check_rules(path, remembered, assets_dir=assets)
    assert [p.field for p in problems] == ["model_sha256"]
    assert rules is not None and rules.encoder is not None and rules.encoder.problem


# -- the encoder's own process ---------------------------------------------------------------------

APP_SIDE = r"""
import sys
from pathlib import Path
from workbook.core import coach_encoder
from workbook.core.coach import coach_reply, load_rules

if __name__ == "__main__":
    rules = load_rules(Path(sys.argv[1]))
    print("found", coach_reply(sys.argv[2], rules).present["avoid-stonewalling"])
    print("pid", coach_encoder._session(rules.encoder).pid)
    print("loaded here", sorted(m for m in ("numpy", "onnxruntime", "tokenizers") if m in sys.modules))
    sys.stdout.flush()
    if sys.argv[3] == "wait":
        sys.stdin.readline()  # the test kills this process meanwhile
"""


def _app_side(wait: bool) -> tuple[subprocess.Popen, dict[str, str]]:
    """A fresh process that coaches a reply found by the encoder alone, as the window's does."""
    app = subprocess.Popen([sys.executable, "-c", APP_SIDE, str(COACH / "rules.yaml"), ENCODER_ONLY,
                            "wait" if wait else "exit"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    said = {}
    for line in app.stdout:
        name, _, value = line.strip().partition(" ")
        said[name] = value if name != "loaded" else value.removeprefix("here ")
        if name == "loaded":
            break
    return app, said


def _gone(pid: int, within_s: float = 15) -> bool:
    """True once `pid` has ended (a zombie left for its new parent to reap has ended too)."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except (FileNotFoundError, ProcessLookupError):
            return True
        if "\nState:\tZ" in status:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_the_encoder_runs_in_its_own_process_and_stops_when_the_app_exits():
    app, said = _app_side(wait=False)
    app.communicate(timeout=120)
    assert app.returncode == 0
    assert said["found"] == "True"  # read by the encoder
    assert said["loaded"] == "[]"  # none of it in the app's process
    assert int(said["pid"]) != app.pid and _gone(int(said["pid"]))


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_the_encoder_process_stops_when_the_app_is_killed():
    app, said = _app_side(wait=True)
    pid = int(said["pid"])
    assert said["found"] == "True" and not _gone(pid, within_s=0.5)
    app.kill()  # no exit handler runs: the encoder's process reads the end of its pipe
    app.communicate(timeout=30)
    assert _gone(pid)


def test_the_process_gives_the_scores_the_encoder_gives_when_loaded_here(rules):
    """Every reply of the guard file and the first labelled replies: the same floats, to the bit."""
    encoder = rules.encoder
    replies = [str(r["text"]) for r in yaml.safe_load((ROOT / "tests" / "fixtures" / "coach" / "guards"
                                                       / "leave_alone.yaml").read_text())["replies"]]
    labelled = yaml.safe_load((ROOT / "tests" / "fixtures" / "coach" / "labelled.yaml").read_text())
    replies += [str(r["text"]) for r in labelled["replies"][:150]]
    here = encoder_process._Loaded(encoder.model, encoder.model_sha256, encoder.tokenizer,
                                   encoder.tokenizer_sha256, encoder.max_tokens, encoder.outputs,
                                   encoder.sentence_head, encoder.sentence_head_sha256)
    assert len(replies) > 200
    for text in replies:
        assert coach_encoder.scores(encoder, text) == here.scores(text), text
    for text in replies[:40]:
        parts = tuple(text[a:b] for a, b in coach_encoder.sentence_parts(text, sentences(text)))
        assert coach_encoder.sentence_scores(encoder, text, parts) == here.sentence_scores(text, parts), text


def _own_encoder(tmp_path: Path):
    """Rules whose encoder files are a copy of the shipped ones: a process of their own, loaded."""
    path, assets = _coach_folder(tmp_path, model=(ASSETS / "encoder.int8.onnx").read_bytes())
    rules, problems = check_rules(path, assets_dir=assets)
    assert problems == [] and coach_encoder.warm(rules.encoder) is None
    return rules, coach_encoder._session(rules.encoder)


def test_an_encoder_process_that_dies_is_said_in_one_line_and_the_coach_goes_on(tmp_path, caplog):
    rules, process = _own_encoder(tmp_path)
    assert coach_reply(ENCODER_ONLY, rules).present["avoid-stonewalling"]
    os.kill(process.pid, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    with caplog.at_level(logging.WARNING, logger="workbook"):
        _still_answers(rules)  # a new reply: the process is asked, and found gone
        assert not coach_reply(ENCODER_ONLY + " Sorry.", rules).present["avoid-stonewalling"]
    reason = coach_encoder.unavailable(rules.encoder)
    assert reason.startswith("the coach's encoder's process stopped unexpectedly (exit code")
    assert "\n" not in reason
    assert len([r for r in caplog.records if "encoder is not used" in r.getMessage()]) == 1
    assert "Traceback" not in caplog.text


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs a process that can be paused")
def test_an_encoder_process_that_does_not_answer_is_stopped_and_the_coach_goes_on(tmp_path, monkeypatch):
    rules, process = _own_encoder(tmp_path)
    monkeypatch.setattr(encoder_process, "REPLY_TIMEOUT_S", 1.0)
    os.kill(process.pid, signal.SIGSTOP)  # alive, but never answers
    try:
        started = time.monotonic()
        assert not coach_reply(ENCODER_ONLY, rules).present["avoid-stonewalling"]
        assert time.monotonic() - started < 10
        assert coach_encoder.unavailable(rules.encoder) == "the coach's encoder did not answer within 1 s"
        assert not process._process.is_alive()  # not left behind, paused
    finally:
        if process._process.is_alive():
            os.kill(process.pid, signal.SIGKILL)
