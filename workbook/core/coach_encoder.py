"""A small fine-tuned text classifier beside the coach's phrases and linear model.

Phrases and a sum of word weights miss the wordings of writers nobody tuned them on. all-MiniLM-L6-v2,
fine-tuned with one sigmoid output per rule (`bench/coach_encoder/`), exported to ONNX and
quantised to int8 (`assets/coach/encoder.int8.onnx`), reads them; `lessons/coach/encoder.yaml` names
its files, their sha256 and each rule's threshold. A rule it lists is found when its phrases OR the
linear model find it OR the encoder's score reaches the threshold.

Start-up never pays for it, nor does the window's process: the first time a reply is coached (`warm`
does it off the GUI thread) a process of its own is started that imports onnxruntime and tokenizers
and reads the model (`encoder_process.py`), and is asked for each reply's scores. When that fails (a
package or file missing, a file changed, a model that will not load, the process stopped) the coach
goes on with its phrases and linear model, one warning is logged and `unavailable` says why in one
line: never a traceback.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.core.problems import Problem

if TYPE_CHECKING:
    from workbook.core.encoder_process import EncoderProcess
    from workbook.core.walk_cache import WalkCache

ENCODER_FILE_NAME = "encoder.yaml"  # next to rules.yaml
SCORE_CACHE = 512  # replies whose scores are kept (the page coaches a reply and the script's line)
_KEYS = {"model", "model_sha256", "tokenizer", "tokenizer_sha256", "max_tokens", "outputs", "thresholds",
         "sentence_head", "sentence_head_sha256", "sentence_thresholds"}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_WORD = re.compile(r"[A-Za-z0-9](?:[\w'-]*\w)?")
Span = tuple[int, int]
log = logging.getLogger(__name__)


class CoachEncoder(Struct, frozen=True):
    """What encoder.yaml says: the files (absolute, in the assets folder), their sha256, how many
    tokens are read, which rule each output is, and each rule's threshold. `problem` is set when
    the files cannot be used (missing, changed): the coach then runs without the encoder."""

    source: Path
    model: Path
    model_sha256: str
    tokenizer: Path
    tokenizer_sha256: str
    max_tokens: int
    outputs: tuple[str, ...]
    thresholds: dict[str, float]
    problem: str = ""
    sentence_head: Path | None = None  # reads each sentence of a reply (bench/coach_encoder/sentence_head.py)
    sentence_head_sha256: str = ""
    sentence_thresholds: dict[str, float] = {}


def check_encoder(path: Path, rule_kinds: dict[str, str], assets_dir: Path,
                  known_good: WalkCache | None = None) -> tuple[CoachEncoder | None, list[Problem]]:
    """(encoder, problems) for an encoder.yaml. A broken file gives no encoder, as a broken
    model.yaml gives no model; files that are missing or differ from their sha256 give an encoder
    whose `problem` says so, beside the problems: the coach answers without it. `known_good`
    remembers a file that matched by its size and modification time, so a content check does not
    hash the 23 MB model again (loading it always does: that is the check that guards its use)."""
    from workbook.core.schema_problems import read_mapping  # YAML: only to load

    located, problems = read_mapping(path, "encoder", "expected model, tokenizer, outputs and thresholds")
    if located is None:
        return None, problems
    data = located.data

    def report(where: tuple, message: str) -> None:
        problems.append(Problem(path, located.line_of(where), ".".join(str(w) for w in where), message))

    for key in data:
        if key not in _KEYS:
            report((key,), f"unknown field (expected one of {', '.join(sorted(_KEYS))})")
    files = {}
    for key in ("model", "tokenizer"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip() or Path(value).is_absolute() or ".." in Path(
                value).parts:
            report((key,), "expected a file inside the assets folder, such as coach/encoder.int8.onnx")
        else:
            files[key] = assets_dir / value.strip()
        if not isinstance(data.get(f"{key}_sha256"), str) or not _SHA256.match(data[f"{key}_sha256"]):
            report((f"{key}_sha256",), "expected the file's sha256: 64 lower-case hex digits")
    max_tokens = data.get("max_tokens")
    if type(max_tokens) is not int or not 8 <= max_tokens <= 512:
        report(("max_tokens",), "expected a whole number from 8 to 512")
    outputs = data.get("outputs")
    if not isinstance(outputs, list) or not outputs or not all(isinstance(o, str) for o in outputs):
        report(("outputs",), "expected the model's outputs in order: a list of rule ids")
        outputs = []
    for number, rule_id in enumerate(outputs):
        if rule_id not in rule_kinds:
            report(("outputs", number), f"no rule '{rule_id}' in rules.yaml")
        elif rule_id in outputs[:number]:
            report(("outputs", number), f"'{rule_id}' is listed twice")
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, dict):
        report(("thresholds",), "expected 'rule-id: threshold' lines, one for each output")
        thresholds = {}
    for rule_id, value in thresholds.items():
        if rule_id not in outputs:
            report(("thresholds", rule_id), f"'{rule_id}' is not one of the outputs")
        elif type(value) not in (int, float) or not math.isfinite(value) or not 0 < value <= 1:
            report(("thresholds", rule_id), "expected a number above 0 and at most 1")
    for rule_id in outputs:
        if rule_id in rule_kinds and rule_id not in thresholds:
            report(("thresholds",), f"no threshold for '{rule_id}'")
    sentence_thresholds = _check_sentence_head(data, outputs, files, assets_dir, report)
    if problems:
        return None, problems
    for key, file in files.items():
        wrong = _file_problem(file, data[f"{key}_sha256"], known_good)
        if wrong:
            report((wrong[0].replace("file", key),), wrong[1])
    encoder = CoachEncoder(path, files["model"], data["model_sha256"], files["tokenizer"],
                           data["tokenizer_sha256"], max_tokens, tuple(outputs),
                           {str(k): float(v) for k, v in thresholds.items()},
                           str(problems[0]) if problems else "", files.get("sentence_head"),
                           data.get("sentence_head_sha256", ""), sentence_thresholds)
    return encoder, problems


def _check_sentence_head(data: dict, outputs: list, files: dict, assets_dir: Path, report,
                         ) -> dict[str, float]:
    """The optional sentence head: its file, sha256 and a threshold per rule it reads, all three or
    none. Its file's arrays are checked when it is loaded (`encoder_process`)."""
    keys = ("sentence_head", "sentence_head_sha256", "sentence_thresholds")
    if not any(key in data for key in keys):
        return {}
    present = next(key for key in keys if key in data)
    for key in keys:
        if key not in data:  # said at a line the trainer can see
            report((present,), f"'{key}' is missing: the sentence head needs sentence_head, "
                               "sentence_head_sha256 and sentence_thresholds together")
    value = data.get("sentence_head")
    if not isinstance(value, str) or not value.strip() or Path(value).is_absolute() or ".." in Path(
            value).parts:
        report(("sentence_head",), "expected a file inside the assets folder, such as "
                                   "coach/sentence_head.npz")
    else:
        files["sentence_head"] = assets_dir / value.strip()
    sha256 = data.get("sentence_head_sha256")
    if not isinstance(sha256, str) or not _SHA256.match(sha256):
        report(("sentence_head_sha256",), "expected the file's sha256: 64 lower-case hex digits")
    chosen = data.get("sentence_thresholds")
    if not isinstance(chosen, dict) or not chosen:
        report(("sentence_thresholds",), "expected 'rule-id: threshold' lines, one for each rule the "
                                         "head reads")
        return {}
    for rule_id, value in chosen.items():
        if rule_id not in outputs:
            report(("sentence_thresholds", rule_id), f"'{rule_id}' is not one of the outputs")
        elif type(value) not in (int, float) or not math.isfinite(value) or not 0 < value <= 1:
            report(("sentence_thresholds", rule_id), "expected a number above 0 and at most 1")
    return {str(k): float(v) for k, v in chosen.items() if type(v) in (int, float)}


def _file_problem(file: Path, sha256: str, known_good: WalkCache | None = None) -> tuple[str, str] | None:
    """(the field to blame, why) when `file` cannot be used as listed, else None."""
    try:
        stat = file.stat()
        remembered = None
        if known_good is not None:
            remembered = known_good.digest(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}", f"sha256 {sha256}")
            if known_good.passed(remembered):
                return None
        actual = _sha256_of(file)
    except FileNotFoundError:
        return "file", f"{file}: file not found"
    except OSError as error:
        return "file", f"{file}: cannot read: {error.strerror or error}"
    if actual != sha256:
        return "file_sha256", (f"{file} has sha256 {actual}, not the one listed here: a changed or "
                               "swapped file (a new model's sha256 goes here with its thresholds)")
    if remembered is not None:
        known_good.remember(remembered)
    return None


def _sha256_of(file: Path) -> str:
    """Read in chunks: the model is never held in memory for it."""
    with open(file, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


_lock = threading.Lock()
_loaded: dict[tuple, EncoderProcess | str] = {}  # by the encoder's files: its process, or why it is unusable


def _key(encoder: CoachEncoder) -> tuple:
    return (encoder.model, encoder.model_sha256, encoder.tokenizer, encoder.tokenizer_sha256,
            encoder.max_tokens, encoder.sentence_head, encoder.sentence_head_sha256)


def _session(encoder: CoachEncoder) -> EncoderProcess | None:
    """The encoder's process, started and loaded on first use (once, whichever thread asks first);
    None when it cannot be used."""
    found = _loaded.get(_key(encoder))
    if found is None:
        with _lock:
            found = _loaded.get(_key(encoder))
            if found is None:
                found = _load(encoder)
                _loaded[_key(encoder)] = found
    return None if isinstance(found, str) else found


def _load(encoder: CoachEncoder) -> EncoderProcess | str:
    reason = encoder.problem
    if not reason:
        from workbook.core.encoder_process import EncoderProcess

        try:
            return EncoderProcess(encoder.model, encoder.model_sha256, encoder.tokenizer,
                                  encoder.tokenizer_sha256, encoder.max_tokens, encoder.outputs, SCORE_CACHE,
                                  encoder.sentence_head, encoder.sentence_head_sha256)
        except Exception as error:  # EncoderGone says why; anything else is said in one line too
            reason = _why(encoder, error)
    log.warning("coach: the encoder is not used, phrases and the word model only: %s", reason)
    return reason


def warm(encoder: CoachEncoder) -> str | None:
    """Start the encoder's process and load it now (off the GUI thread: most of a second); why it
    cannot be used, or None when it can."""
    _session(encoder)
    return unavailable(encoder)


def unavailable(encoder: CoachEncoder | None) -> str | None:
    """One line on why the coach runs without its encoder; None when it has none to use, when it is
    loaded, or before the first reply is coached (nothing is loaded to find out)."""
    if encoder is None:
        return None
    if encoder.problem:
        return encoder.problem
    found = _loaded.get(_key(encoder))
    return found if isinstance(found, str) else None


def scores(encoder: CoachEncoder, text: str) -> dict[str, float] | None:
    """Each output rule's score for `text` (0..1), or None when the encoder cannot be used."""
    return _asked(encoder, lambda loaded: loaded.scores(text))


def sentence_scores(encoder: CoachEncoder, text: str, parts: tuple[str, ...],
                    ) -> dict[str, tuple[float, int]] | None:
    """The sentence head's (highest score, its sentence's index in `parts`) for each rule it reads,
    or None when the encoder cannot be used."""
    return _asked(encoder, lambda loaded: loaded.sentence_scores(text, parts))


def _asked(encoder: CoachEncoder, question):
    loaded = _session(encoder)
    if loaded is None:
        return None
    try:
        return question(loaded)
    except Exception as error:  # a run that fails, a process that stopped: not tried again on every reply
        loaded.close()
        reason = _why(encoder, error)
        with _lock:  # two threads may find it gone: one warning
            first = _loaded.get(_key(encoder)) is loaded
            if first:
                _loaded[_key(encoder)] = reason
        if first:
            log.warning("coach: the encoder is not used, phrases and the word model only: %s", reason)
        return None


def _why(encoder: CoachEncoder, error: Exception) -> str:
    from workbook.core.encoder_process import EncoderGone, one_line

    if isinstance(error, EncoderGone):
        return str(error)
    return f"{encoder.model.name}: {type(error).__name__}: {one_line(error)}"


def find(encoder: CoachEncoder, rule_id: str, text: str, spans: list[Span]) -> tuple[Span, ...]:
    """The words that earned `rule_id` when the encoder's score reaches its threshold, else ().
    The encoder has no word weights: of the reply's sentences (`spans`), the one whose removal
    lowers the score most is highlighted (one more run per sentence), never the whole of a longer
    reply, and never its bare punctuation. Below its threshold, the sentence head (when the rule has
    one) may still find one sentence that does it: that sentence is highlighted."""
    found = scores(encoder, text)
    if found is None:
        return ()
    if found[rule_id] < encoder.thresholds[rule_id]:
        return _sentence_find(encoder, rule_id, text, spans)
    worded = [span for span in (_words_of(text, s) for s in spans) if span is not None]
    if len(worded) <= 1:
        return tuple(worded) or ((0, len(text)),)

    def left(span: Span) -> float:
        without = scores(encoder, text[:span[0]] + text[span[1]:])
        return without[rule_id] if without is not None else 1.0

    return (min(worded, key=left),)


def sentence_parts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences the sentence head reads: those with a word in them, or the whole reply when it
    has fewer than two (the head was trained on exactly these: bench/coach_encoder/sentence_head.py)."""
    parts = [(start, end) for start, end in spans if text[start:end].strip(" .!?;,")]
    return parts if len(parts) >= 2 else [(0, len(text))]


def _sentence_find(encoder: CoachEncoder, rule_id: str, text: str, spans: list[Span]) -> tuple[Span, ...]:
    if rule_id not in encoder.sentence_thresholds:
        return ()
    parts = sentence_parts(text, spans)
    found = sentence_scores(encoder, text, tuple(text[start:end] for start, end in parts))
    if not found or rule_id not in found or found[rule_id][0] < encoder.sentence_thresholds[rule_id]:
        return ()  # no head loaded, or one that does not read this rule
    span = _words_of(text, parts[found[rule_id][1]])
    return (span,) if span is not None else ()


def _words_of(text: str, span: Span) -> Span | None:
    """The sentence's span from its first word to its last (no edge punctuation), or None."""
    words = list(_WORD.finditer(text, span[0], span[1]))
    return (words[0].start(), words[-1].end()) if words else None

