"""Load YAML while remembering the line of every key, so errors can name `path:line`.

Content files come from trainers and from other people's folders, so they are read with limits:
a size cap, a nesting cap (libyaml's composer recurses and can crash the process on deeply nested
brackets) and a cap on how far anchors and aliases expand (a "billion laughs" file), all checked on
the parser's event stream before anything is built. Duplicate keys are refused: YAML would keep
the last one silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # The C loader is several times faster; fall back when libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader


MAX_CHARACTERS = 2_000_000  # the largest shipped file is about 60 KB
MAX_DEPTH = 60  # nesting levels; shipped content uses at most 8
MAX_EXPANDED_VALUES = 200_000  # values after expanding every alias


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
    if len(text) > MAX_CHARACTERS:
        raise YamlError(f"the file is {len(text):,} characters long; a content file may hold at most "
                        f"{MAX_CHARACTERS:,}", 1)
    try:
        _check_limits(text)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
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
        _record_lines(node, (), located.lines, set())
    return located


def _check_limits(text: str) -> None:
    """Walk the parser's events (libyaml's parser does not recurse) and refuse a file nested too
    deeply or whose aliases expand too far, before the composer ever sees it."""
    depth = 0
    values = 0
    open_anchors: list[tuple[str | None, int]] = []
    sizes: dict[str, int] = {}
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            values += sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            values += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            values += 1
            depth += 1
            open_anchors.append((event.anchor, values))
            if depth > MAX_DEPTH:
                raise YamlError(f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, started = open_anchors.pop()
            if anchor:
                sizes[anchor] = values - started + 1
        if values > MAX_EXPANDED_VALUES:
            raise YamlError(f"anchors and aliases expand to more than {MAX_EXPANDED_VALUES:,} values",
                            event.start_mark.line + 1)


def load_yaml_file(path: Path) -> LocatedYaml:
    """Read and parse a YAML file (UTF-8); a huge file is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_CHARACTERS * 4:
        raise YamlError(f"the file is {size:,} bytes; a content file may hold at most {MAX_CHARACTERS:,} "
                        "characters", 1)
    return load_yaml_text(path.read_text(encoding="utf-8"))


def _raise(message: str, line: int) -> LocatedYaml:
    raise YamlError(message, line)


def _record_lines(node: yaml.Node, path: tuple, lines: dict, visited: set[int]) -> None:
    """Lines of every key path; an aliased node is followed once (its first place names it)."""
    if id(node) in visited:
        return
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_line: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if isinstance(key_node, yaml.ScalarNode) and key != "<<":
                if key in first_line:
                    raise YamlError(f"'{key}' appears twice in the same place (first on line "
                                    f"{first_line[key]}); YAML would silently keep only this one", line)
                first_line[key] = line
            lines[path + (key,)] = line
            _record_lines(value_node, path + (key,), lines, visited)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            _record_lines(item, path + (index,), lines, visited)
