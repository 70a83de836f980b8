"""A content problem a trainer can act on: where it is (`path:line`), which field, what is wrong."""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct


class Problem(Struct, frozen=True, order=True):
    """One thing wrong with a content file, printed as `path:line: field: message`."""

    path: Path
    line: int
    field: str
    message: str

    def format(self, relative_to: Path | None = None) -> str:
        shown = self.path
        if relative_to is not None:
            try:  # absolute() rather than resolve(): a symlink loop must not stop the report
                shown = self.path.absolute().relative_to(relative_to.absolute())
            except ValueError:
                shown = self.path
        return f"{shown}:{self.line}: {self.field}: {self.message}"

    def __str__(self) -> str:
        return self.format()
