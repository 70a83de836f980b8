"""A content problem a trainer can act on: where it is (`path:line`), which field, what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
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
