"""The coach's encoder in a process of its own, so the window's process never holds it.

numpy, onnxruntime, tokenizers and the model take 80-100 MiB, which the window's process would keep
for the rest of the session once one reply was coached (issue 18: its peak after every page stays
within 2x a bare window). So the first use starts one long-lived process ('spawn', as
`worker_process.py`: a fresh interpreter, the same on Windows, macOS and Linux, and in the frozen app
through its `freeze_support()`) that checks the files against their sha256, loads them and answers
one text's scores at a time over a pipe (a round trip adds a fraction of a millisecond to the 10-40
ms of a reply). That process imports this module and nothing else of the app.

It stops with the app: a daemon process, ended when the app exits, and one that reads the end of its
pipe if the app's process was killed. When it cannot start, cannot load the encoder, stops, or does
not answer in time, `EncoderGone` says why in one line (the process's own traceback never reaches
the user) and the coach goes on without the encoder (`coach_encoder.py`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import multiprocessing
import signal
import threading
from multiprocessing.connection import Connection
from pathlib import Path

LOAD_TIMEOUT_S = 120.0  # a fresh interpreter, its imports and the model: under 1 s on the 2-core VM
REPLY_TIMEOUT_S = 10.0  # a reply takes 10-40 ms; the GUI thread waits this long at worst
PROCESS_NAME = "workbook coach encoder"


class EncoderGone(Exception):
    """The encoder's process cannot be used; the message is the one line shown."""


class EncoderProcess:
    """The window's side: starts the process and waits until the encoder is loaded (or raises
    `EncoderGone`); then `scores(text)` asks it, one caller at a time, and keeps the scores of the
    last `cache` texts (the page coaches a reply and the script's line each time)."""

    def __init__(self, model: Path, model_sha256: str, tokenizer: Path, tokenizer_sha256: str,
                 max_tokens: int, outputs: tuple[str, ...], cache: int, head: Path | None = None,
                 head_sha256: str = "") -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, theirs = context.Pipe(duplex=True)
        files = (model, model_sha256, tokenizer, tokenizer_sha256, max_tokens, tuple(outputs), head,
                 head_sha256)
        self._process = context.Process(target=_process_main, args=(theirs, files), daemon=True,
                                        name=PROCESS_NAME)
        self._lock = threading.Lock()
        self.scores = functools.lru_cache(maxsize=cache)(self._ask)
        self.sentence_scores = functools.lru_cache(maxsize=cache)(self._ask_sentences)
        try:
            self._process.start()
        except Exception as error:  # no executable, no memory, too many processes
            self._connection.close()
            raise EncoderGone(f"the coach's encoder could not start its process: {one_line(error)}") from None
        finally:
            theirs.close()  # ours alone: the process sees the pipe close when the app's process ends
        with self._lock:
            answer = self._receive(LOAD_TIMEOUT_S)
        if answer[0] != "ready":
            self.close()
            raise EncoderGone(answer[1])

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def _ask(self, text: str) -> dict[str, float]:
        """Each output rule's score for `text` (0..1)."""
        return self._question(text, "scores")

    def _ask_sentences(self, text: str, parts: tuple[str, ...]) -> dict[str, tuple[float, int]]:
        """The sentence head's score for each of its rules: the highest of the reply's sentences
        (`parts`, from `coach_encoder.sentence_parts`), and which one it is."""
        return self._question(("sentences", text, parts), "sentences")

    def _question(self, message: str | tuple, kind: str) -> dict:
        with self._lock:
            try:
                self._connection.send(message)
            except (OSError, ValueError):  # the process is gone (its end closed), or we closed ours
                self._stopped()
            answer = self._receive(REPLY_TIMEOUT_S)
        if answer[0] != kind:
            self.close()
            raise EncoderGone(answer[1])
        return answer[1]

    def _receive(self, timeout: float) -> tuple:
        try:
            if self._connection.poll(timeout):
                return self._connection.recv()
        except (EOFError, OSError, ValueError):
            self._stopped()
        self.close()
        raise EncoderGone(f"the coach's encoder did not answer within {timeout:.0f} s")

    def _stopped(self) -> None:
        self._process.join(5)
        code = self._process.exitcode
        self.close()
        raise EncoderGone(f"the coach's encoder's process stopped unexpectedly (exit code {code})")

    def close(self) -> None:
        """Stop the process at once (it writes nothing, so nothing is left half done); nothing to do
        once it has stopped. A process that does not answer may be one that cannot be asked to."""
        self._connection.close()
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5)


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# -- in the encoder's process ----------------------------------------------------------------------

class _Unusable(Exception):
    """The encoder cannot be used; the message is the one line shown."""


def _process_main(connection: Connection, files: tuple) -> None:
    """The encoder's process: load, say so, then score each text sent until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the app's to handle
    model = files[0]
    with contextlib.suppress(OSError, EOFError), connection:
        try:
            loaded = _Loaded(*files)
        except _Unusable as error:
            connection.send(("unusable", str(error)))
            return
        except ImportError as error:
            connection.send(("unusable", f"the coach's encoder needs onnxruntime and tokenizers "
                                         f"({one_line(error)})"))
            return
        except Exception as error:  # a tokenizer file that will not parse, an ONNX run that fails
            connection.send(("unusable", f"{model.name}: {type(error).__name__}: {one_line(error)}"))
            return
        connection.send(("ready",))
        while True:
            asked = connection.recv()  # EOFError when the app's process closed its end or went away
            try:
                if isinstance(asked, tuple):
                    connection.send(("sentences", loaded.sentence_scores(asked[1], asked[2])))
                else:
                    connection.send(("scores", loaded.scores(asked)))
            except Exception as error:  # a run that fails: said in one line, not tried again
                connection.send(("failed", f"{model.name}: {type(error).__name__}: {one_line(error)}"))


class _Loaded:
    """The tokenizer and the onnxruntime session of one encoder."""

    def __init__(self, model: Path, model_sha256: str, tokenizer: Path, tokenizer_sha256: str,
                 max_tokens: int, outputs: tuple[str, ...], head: Path | None = None,
                 head_sha256: str = "") -> None:
        import numpy
        import onnxruntime
        from tokenizers import Tokenizer

        try:
            with open(model, "rb") as stream:  # read in chunks, not held
                actual = hashlib.file_digest(stream, "sha256").hexdigest()
            words = tokenizer.read_bytes()  # small: read once, hashed and parsed
        except OSError as error:
            raise _Unusable(f"cannot read the coach's encoder: {error.strerror or error}") from None
        for file, found, listed in ((model, actual, model_sha256),
                                    (tokenizer, hashlib.sha256(words).hexdigest(), tokenizer_sha256)):
            if found != listed:
                raise _Unusable(f"{file} does not match its sha256 in encoder.yaml (changed or swapped)")
        self.tokenizer = Tokenizer.from_str(words.decode())
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one core: the GUI and the other jobs keep the rest
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only; onnxruntime's warnings are not the learner's
        try:
            # from the file, not its bytes: Python's copy would stay beside onnxruntime's (22 MiB more)
            self.session = onnxruntime.InferenceSession(str(model), options,
                                                        providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own kinds for a damaged file
            raise _Unusable(f"{model.name} will not load: {one_line(error)}") from None
        inputs = {i.name for i in self.session.get_inputs()}
        width = self.session.get_outputs()[0].shape[-1]
        if not {"input_ids", "attention_mask"} <= inputs or width != len(outputs):
            raise _Unusable(f"{model.name} takes {sorted(inputs)} and gives {width} outputs; "
                            f"encoder.yaml expects input_ids, attention_mask and {len(outputs)}")
        self.numpy, self.outputs = numpy, outputs
        self.head = _sentence_head(numpy, head, head_sha256, self.session, len(outputs)) if head else None
        self._names = ["probs", "pooled"] if self.head is not None else ["probs"]
        self._last: tuple[str | None, list] = (None, [])
        self.scores("Warm-up reply.")  # the first run allocates; a learner's first reply should not wait

    def scores(self, text: str) -> dict[str, float]:
        probs = self._run(text)[0]
        return {rule_id: float(p) for rule_id, p in zip(self.outputs, probs, strict=True)}

    def sentence_scores(self, text: str, parts: tuple[str, ...]) -> dict[str, tuple[float, int]]:
        """Per rule of the head: its highest sentence's score (the mean of its seeds) and which.
        One run per sentence, as in training (a batch would quantise the sentences together); the
        whole reply's run is the one `scores` just made."""
        if self.head is None:
            return {}
        np = self.numpy
        per_sentence = sentence_head_scores(np, self.head, sentence_features(
            np, self._run(text), [self._run(part) for part in parts]))
        return {str(rule): (float(per_sentence[k].max()), int(per_sentence[k].argmax()))
                for k, rule in enumerate(self.head["rules"])}

    def _run(self, text: str) -> list:
        """The model's outputs for `text` (probs, and pooled when there is a head); the last text's
        are kept, as the head reads the reply `scores` was just asked about."""
        if self._last[0] == text:
            return self._last[1]
        encoding = self.tokenizer.encode(text)
        ids = self.numpy.array([encoding.ids], dtype=self.numpy.int64)
        mask = self.numpy.array([encoding.attention_mask], dtype=self.numpy.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        outputs = [out[0] for out in self.session.run(self._names, feeds)]
        self._last = (text, outputs)
        return outputs


def sentence_features(np, whole: list, parts: list[list]) -> object:
    """One row per sentence, as the head reads it: the sentence's pooled embedding, the whole reply's,
    then the sentence's scores and the whole reply's (`whole`, `parts`: the model's probs and pooled).
    bench/coach_encoder/sentence_head.py trains on the same rows."""
    return np.stack([np.concatenate([pooled, whole[1], probs, whole[0]]) for probs, pooled in parts])


def sentence_head_scores(np, head: dict, features) -> object:
    """Each head rule's score for each sentence (rules x sentences): the mean of its seeds' sigmoids."""
    x = (features - head["mean"]) / head["scale"]
    hidden = np.maximum(np.einsum("nd,rshd->rsnh", x, head["w1"]) + head["b1"][:, :, None, :], 0)
    logits = np.einsum("rsnh,rsoh->rsn", hidden, head["w2"]) + head["b2"]
    return (1 / (1 + np.exp(-logits))).mean(1)


_HEAD_ARRAYS = ("rules", "mean", "scale", "w1", "b1", "w2", "b2")


def _sentence_head(np, head: Path, sha256: str, session, outputs: int) -> dict:
    """The sentence head's arrays, checked against their sha256 and the model's widths."""
    try:
        raw = head.read_bytes()  # about 1 MB
    except OSError as error:
        raise _Unusable(f"cannot read the coach's sentence head: {error.strerror or error}") from None
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise _Unusable(f"{head} does not match its sha256 in encoder.yaml (changed or swapped)")
    import io

    try:
        with np.load(io.BytesIO(raw), allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in _HEAD_ARRAYS}
    except Exception as error:  # not an .npz, an array missing or one numpy will not read without pickle
        raise _Unusable(f"{head.name} is not a sentence head: {one_line(error)}") from None
    names = {o.name: o for o in session.get_outputs()}
    if "pooled" not in names:
        raise _Unusable(f"{head.name} needs the model's pooled output, which this model does not give")
    width = 2 * names["pooled"].shape[-1] + 2 * outputs
    if arrays["w1"].shape[-1] != width or arrays["mean"].shape != (width,):
        raise _Unusable(f"{head.name} reads {arrays['w1'].shape[-1]} numbers a sentence; "
                        f"the model gives {width}")
    return arrays
