"""Keep the last loaded library in the data folder, so a start with unchanged content skips reading,
parsing and checking every file.

The cache is keyed by every content and asset file's name, size and modification time, the content
and assets folders, and the code that builds the library; any change means a fresh load (which then
replaces the cache). The file carries a digest of its payload, and it is read with an unpickler that
only builds the library's own classes, so a damaged or tampered cache is never trusted and never
crashes the app: it is ignored and the content is loaded from its files. Safe to delete.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import pickle
import re
import sys
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.core.content import Library
from workbook.files import write_bytes_atomic

# Bump when what the cache holds changes shape in a way the code fingerprint cannot see.
# 2: plain dataclasses, no pydantic models; 3: the coach read apart, when used; 4: msgspec Structs
CACHE_FORMAT = "4"
_MAGIC = b"workbook-content-cache\n"
_CODE_FOLDER = Path(__file__).resolve().parent  # workbook/core builds the library
_CORE_MODULE = re.compile(r"workbook\.core\.[a-z_]+")
_PATH_CLASSES = {"PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath", "Path"}


class LazyPattern:
    """A regular expression compiled on first use. The coach's hundreds of patterns cost more to
    compile than the rest of the cached library costs to read, and most sessions never use them."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = int(flags)  # a plain number: the cache's unpickler builds no enum
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)

    def __reduce__(self) -> tuple:
        return LazyPattern, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern | re.Pattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def load_library_cached(root: Path, data_dir: Path, assets_dir: Path | None = None) -> Library:
    """The library of `root`: from the data folder's cache when nothing it depends on changed, else
    loaded from the files (practice calls that passed the walk before are not walked again, and
    YAML files parsed before with the same text are not parsed again) and cached for the next start.
    `validate` does not use this: it always reads and walks everything."""
    from workbook.core.images import default_assets_dir
    from workbook.paths import content_cache_path, parse_cache_path, walk_cache_path

    root = Path(root)
    assets = assets_dir if assets_dir is not None else default_assets_dir(root)
    key = content_key(root, assets)  # before reading: a file changed meanwhile changes the next key
    path = content_cache_path(data_dir, root)
    cached = read_cache(path, key)
    if cached is not None:
        return cached
    from workbook.core.loader import load_library

    library = load_library(root, assets, walk_cache_path(data_dir), parse_cache_path(data_dir))
    write_cache(path, key, library)
    return library


def cached_library(root: Path, data_dir: Path, assets_dir: Path | None = None) -> Library | None:
    """The library of `root` when the data folder's cache holds it for the files as they are now
    (a few ms of file listing and reading), else None: nothing is read from the content files."""
    from workbook.core.images import default_assets_dir
    from workbook.paths import content_cache_path

    root = Path(root)
    assets = assets_dir if assets_dir is not None else default_assets_dir(root)
    return read_cache(content_cache_path(data_dir, root), content_key(root, assets))


def content_key(root: Path, assets_dir: Path) -> str:
    """A digest of everything a load's result depends on: the files (by name, size and modification
    time, which is cheap, without reading them), the folders, and the code and library versions
    (pydantic's by its version file, without importing it: a start from the cache needs no pydantic)."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, __version__, sys.version, _pydantic_version_file(), str(Path(root).resolve()),
                 str(Path(assets_dir).resolve())):
        digest.update(part.encode() + b"\0")
    for folder in (_CODE_FOLDER, Path(root), Path(assets_dir)):
        digest.update(b"\1" + _listing(folder))
    return digest.hexdigest()


def _pydantic_version_file() -> str:
    """Where pydantic's `version.py` is, with its size and modification time (an upgrade changes
    them): what checked the cached content, found without importing pydantic."""
    import importlib.util

    spec = importlib.util.find_spec("pydantic")
    if spec is None or not spec.submodule_search_locations:
        return "no pydantic"
    path = os.path.join(next(iter(spec.submodule_search_locations)), "version.py")
    try:
        status = os.stat(path)
    except OSError:
        return f"{path}\0missing"
    return f"{path}\0{status.st_size}\0{status.st_mtime_ns}"


def _listing(folder: Path) -> bytes:
    """Every file under `folder` with its size and modification time, in a stable order."""
    entries: list[str] = []
    for top, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".pyc"):
                continue
            path = os.path.join(top, name)
            try:
                status = os.stat(path)
            except OSError:
                entries.append(f"{path}\0missing")
                continue
            entries.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}")
    return "\n".join(entries).encode("utf-8", "surrogateescape")


def read_cache(path: Path, key: str) -> Library | None:
    """The cached library for `key`, or None when there is none, it is for other content, or it
    cannot be trusted (damaged, tampered, written by other code). Its coach is read from the file
    (checked with the rest) the first time it is used."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    header = _MAGIC + key.encode() + b"\n"
    if not blob.startswith(header) or len(blob) < len(header) + 65:
        return None
    checksum, payload = blob[len(header):len(header) + 64], blob[len(header) + 65:]
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    try:
        library, coach = _LibraryUnpickler(io.BytesIO(payload)).load()
    except Exception:  # anything a damaged payload can raise: the files are read instead
        return None
    if type(library) is not CachedLibrary or not isinstance(coach, bytes):
        return None
    _COACH_FIELD.__set__(library, _CoachLater(coach))
    return library


def write_cache(path: Path, key: str, library: Library) -> None:
    """Keep `library` for the next start; a cache that cannot be written is simply not kept. The
    coach goes in as a pickle of its own inside the payload, so a start does not build it."""
    try:
        coach = _pickled(library.coach)
        shell = CachedLibrary(**{name: getattr(library, name) for name in Library.__struct_fields__
                                 if name != "coach"})
        payload = _pickled((shell, coach))
        checksum = hashlib.sha256(payload).hexdigest().encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, _MAGIC + key.encode() + b"\n" + checksum + b"\n" + payload)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return


def _pickled(value: Any) -> bytes:
    buffer = io.BytesIO()
    _LibraryPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _CoachLater:
    """The coach's rules as the cache file holds them (checked with the rest of the file), built
    the first time the coach is used: hundreds of patterns and phrases that the home page, and many
    whole sessions, never need."""

    __slots__ = ("pickled",)

    def __init__(self, pickled: bytes) -> None:
        self.pickled = pickled


# The slot that holds a Library's `coach` field (a Struct keeps its fields in slots, not a __dict__).
_COACH_FIELD = Library.__dict__["coach"]


def _library_coach(library: Library):
    value = _COACH_FIELD.__get__(library, type(library))
    if isinstance(value, _CoachLater):
        value = _LibraryUnpickler(io.BytesIO(value.pickled)).load()
        _COACH_FIELD.__set__(library, value)
    return value


def _set_library_coach(library: Library, value) -> None:
    _COACH_FIELD.__set__(library, value)


class CachedLibrary(Library):
    """A library read from the cache: the same as the one loaded from the files, with its coach
    built when first asked for."""

    def __eq__(self, other: object) -> bool:
        """Equal to a library loaded from the files with the same content (the class aside)."""
        if not isinstance(other, Library):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in Library.__struct_fields__)

    __hash__ = None  # as a Library's


# Set after the class is made: in a Struct's body, `coach = ...` would be read as the field's new
# default. The property reads and writes the same slot, building the coach on first use.
CachedLibrary.coach = property(_library_coach, _set_library_coach)


class _LibraryPickler(pickle.Pickler):
    """Writes compiled patterns as `LazyPattern`s."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            return LazyPattern, (obj.pattern, obj.flags)
        return NotImplemented


class _LibraryUnpickler(pickle.Unpickler):
    """Builds only paths and classes defined in `workbook.core` (plain data, no side effects): a
    tampered file cannot name a function to call (but msgspec's `rebuild`, which only calls such a
    class with keywords)."""

    def find_class(self, module: str, name: str) -> Any:
        if module in ("pathlib", "pathlib._local") and name in _PATH_CLASSES:
            return super().find_class(module, name)
        if (module, name) == ("msgspec._utils", "rebuild"):
            # how msgspec pickles a keyword-only Struct: `cls(**fields)`, with `cls` itself found
            # here (so again only a class of workbook.core): no more than calling that class
            return super().find_class(module, name)
        if _CORE_MODULE.fullmatch(module):
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"not allowed in a content cache: {module}.{name}")
