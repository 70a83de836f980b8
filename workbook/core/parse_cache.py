"""Keep every content YAML file's parsed form in the data folder, by a digest of its text, so that a
load after a trainer edited one file parses only that file.

Parsing (with the line of every key) is most of what reading the content costs once the practice
calls' walk is cached; unpickling a parsed file is about fifteen times faster than parsing it. Only
files that parsed cleanly are kept, so a broken file is parsed and reported every time. The file
carries a digest of its payload and is read with an unpickler that builds no class except dates,
so a damaged or tampered cache is ignored (every file is parsed), never trusted. Safe to delete.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import yaml

from workbook import __version__
from workbook.files import write_bytes_atomic

# Bump when what a parse returns changes in a way the stamp of yaml_lines.py cannot see.
CACHE_FORMAT = "1"
MAX_ENTRIES = 400  # the bundled content has 32 YAML files
_MAGIC = b"workbook-parse-cache\n"
_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
            ("datetime", "timedelta")}  # what YAML's safe loader builds besides plain data

_active: ContextVar[ParseCache | None] = ContextVar("parse_cache", default=None)


class ParseCache:
    """Parsed YAML files (data and key lines) by the digest of their text, in one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, bytes] = _read(path)
        self._used: dict[str, None] = {}
        self._added = False

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, digest: str) -> tuple[Any, dict] | None:
        """(data, lines) of the text with this digest, freshly built (callers may change it)."""
        blob = self._entries.get(digest)
        if blob is None:
            return None
        try:
            data, lines = _Unpickler(io.BytesIO(blob)).load()
        except Exception:  # a damaged entry: parse the file instead
            return None
        self._used[digest] = None
        return data, lines

    def put(self, digest: str, data: Any, lines: dict) -> None:
        try:
            self._entries[digest] = pickle.dumps((data, lines), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        self._used[digest] = None
        self._added = True

    def save(self) -> None:
        """Write the cache when a file was parsed: the files used by this load last, so they are
        the ones kept. A cache that cannot be written is simply not kept."""
        if not self._added:
            return
        order = [d for d in self._entries if d not in self._used]
        order += [d for d in self._used if d in self._entries]
        kept = {digest: self._entries[digest] for digest in order[-MAX_ENTRIES:]}
        payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        checksum = hashlib.sha256(payload).hexdigest().encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self.path, _header() + checksum + b"\n" + payload)
        except OSError:
            return
        self._added = False


@contextmanager
def parse_cache(path: Path | None) -> Iterator[ParseCache | None]:
    """Within the block, `yaml_lines.load_yaml_file` takes files from (and adds them to) the cache in
    `path`; it is saved at the end. None: no cache, every file is parsed."""
    cache = ParseCache(path) if path is not None else None
    token = _active.set(cache)
    try:
        yield cache
    finally:
        _active.reset(token)
        if cache is not None:
            cache.save()


def active_cache() -> ParseCache | None:
    return _active.get()


def _header() -> bytes:
    """What a cached parse depends on besides the text: this code, the parser and its version."""
    parts = [CACHE_FORMAT, __version__, sys.version, yaml.__version__, str(yaml.__with_libyaml__),
             _stamp(Path(__file__).with_name("yaml_lines.py"))]
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return _MAGIC + key.encode() + b"\n"


def _stamp(path: Path) -> str:
    try:
        status = os.stat(path)
    except OSError:
        return "missing"
    return f"{status.st_size}:{status.st_mtime_ns}"


def _read(path: Path) -> dict[str, bytes]:
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    header = _header()
    if not blob.startswith(header) or len(blob) < len(header) + 65:
        return {}
    checksum, payload = blob[len(header):len(header) + 64], blob[len(header) + 65:]
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return {}
    try:
        entries = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # anything a damaged payload can raise: every file is parsed instead
        return {}
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, bytes)
                                                for k, v in entries.items()):
        return {}
    return entries


class _Unpickler(pickle.Unpickler):
    """Builds plain data and dates only: a tampered file cannot name a function to call."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return getattr(datetime, name)
        raise pickle.UnpicklingError(f"not allowed in a parse cache: {module}.{name}")
