"""Writing files so that a crash, a full disk or a cancel never leaves half a file: a temp file in
the same folder, flushed to disk, then renamed over the target."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def write_text_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) so readers only ever see the old or the whole new file."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data`: a temp file in the same folder, flushed to disk, then renamed
    over the target, so a crash or a full disk leaves the old file whole."""
    with atomic_writer(path, mode) as stream:
        stream.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary stream that replaces `path` when the block ends without an error, for writers that
    draw into a stream (a PDF); on an error or a cancel the old file stays and the temp file goes.
    The file keeps the old one's permissions, or gets `mode` (default 0o644); the temp file is
    readable by the user only until then, so a secret is never exposed on the way."""
    path = Path(path)
    if mode is None:
        mode = (path.stat().st_mode & 0o7777) if path.exists() else 0o644
    import tempfile  # here: the start-up's write check below does without it (4 ms of imports)

    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def folder_write_problem(folder: Path) -> str | None:
    """Why nothing can be saved in `folder` (read-only, no permission, disk full), in words for the
    user, or None when a small file can be written, flushed and removed there."""
    import errno

    probe = None
    try:
        name = os.path.join(folder, f".write-check-{os.getpid()}-{os.urandom(6).hex()}")
        handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # as mkstemp makes it
        probe = name
        with os.fdopen(handle, "wb") as stream:
            stream.write(b"\0" * 4096)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"the disk holding {folder} is full: free some space, then start again"
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return (f"the data folder {folder} is read-only for you, so progress could not be saved. "
                    "Ask IT for write access, or start the workbook with a folder you can write to "
                    "(--data-dir FOLDER)")
        return f"nothing can be written in the data folder {folder}: {error.strerror or error}"
    finally:
        if probe is not None:
            with contextlib.suppress(OSError):
                os.unlink(probe)
    return None
