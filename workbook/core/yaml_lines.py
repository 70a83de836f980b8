"""Load YAML while remembering the line of every key, so errors can name `path:line`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # The C loader is several times faster; fall back when libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader


class YamlError(Exception):
    """The file is not valid YAML; carries the 1-based line of the fault."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class LocatedYaml:
    """Plain data from a YAML file plus the 1-based line of each key path."""

    data: Any
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, path: tuple[str | int, ...]) -> int:
        """The line of the deepest known key on `path` (1 when nothing matches)."""
        for cut in range(len(path), 0, -1):
            found = self.lines.get(tuple(path[:cut]))
            if found is not None:
                return found
        return 1


def load_yaml_text(text: str) -> LocatedYaml:
    """Parse YAML text into plain data and a map from key paths to lines."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        # An unclosed bracket or quote is found only where the file ends; the context mark
        # points at the opening, which is the line a trainer has to fix.
        opened = (error.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
        mark = error.context_mark if opened and error.context_mark else error.problem_mark
        mark = mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = error.problem or str(error)
        if opened:
            message = f"{error.context.removeprefix('while parsing a ').removeprefix('while scanning a ')}"
            message += f" is never closed ({error.problem})"
        return _raise(message, line)
    except yaml.YAMLError as error:
        return _raise(str(error), 1)
    located = LocatedYaml(data=data)
    if node is not None:
        _record_lines(node, (), located.lines)
    return located


def load_yaml_file(path: Path) -> LocatedYaml:
    """Read and parse a YAML file (UTF-8)."""
    return load_yaml_text(path.read_text(encoding="utf-8"))


def _raise(message: str, line: int) -> LocatedYaml:
    raise YamlError(message, line)


def _record_lines(node: yaml.Node, path: tuple, lines: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, path + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            _record_lines(item, path + (index,), lines)
