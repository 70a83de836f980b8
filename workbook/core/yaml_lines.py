"""Load YAML while remembering the line of every key, so errors can name `path:line`.

Content files come from trainers and from other people's folders, so they are read with limits:
a size cap, a nesting cap (libyaml's composer recurses and can crash the process on deeply nested
brackets) and a cap on how far anchors and aliases expand (a "billion laughs" file), all checked on
the parser's event stream before anything is built. Duplicate keys are refused: YAML would keep
the last one silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from msgspec import Struct, field

from workbook.core.parse_cache import active_cache

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


class LocatedYaml(Struct):
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
    located = _load_plain(text)
    return located if located is not None else _load_checked(text)


class _NotPlain(Exception):
    """The text uses something the one-pass reader leaves to the full one (see `_load_plain`)."""


_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}
_STR_TAG = "tag:yaml.org,2002:str"


def _load_plain(text: str) -> LocatedYaml | None:
    """The common case in one pass over the parser's events, building the data and the key lines as
    they stream (about three times faster than composing nodes, constructing and walking them):
    one document of mappings, sequences and untagged scalars with distinct scalar keys, within the
    limits. None for anything else (anchors, aliases, tags, merge keys, collection keys, duplicate
    keys, errors, more than one document, too deep or too big): the full reader then builds the same
    result, or reports the fault exactly as it always has. Nesting costs no recursion here."""
    loader = _Loader(text)
    try:
        return _build(loader)
    except (_NotPlain, yaml.YAMLError, ValueError, TypeError, OverflowError):
        return None
    finally:
        loader.dispose()


def _build(loader) -> LocatedYaml:
    lines: dict[tuple, int] = {}
    constructors = loader.yaml_constructors
    implicit_resolvers = loader.yaml_implicit_resolvers
    if None in implicit_resolvers or loader.yaml_path_resolvers:
        raise _NotPlain  # resolution could depend on more than a scalar's first character
    scalar_event, scalar_node = yaml.ScalarEvent, yaml.ScalarNode
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    sequence_end, mapping_end = yaml.SequenceEndEvent, yaml.MappingEndEvent
    # The open collections: their containers, key paths, raw keys seen (mappings) and pending key.
    containers: list = []
    paths: list[tuple] = []
    keys_seen: list[set] = []
    pending: list = []  # per open collection: None, or (key, path) of a mapping key awaiting its value
    root: Any = None
    documents = 0
    values = 0
    check_event, get_event = loader.check_event, loader.get_event
    while check_event():
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            raw = event.value
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            if event.implicit[0]:
                tag = _STR_TAG
                for candidate, pattern in implicit_resolvers.get(raw[:1], ()):
                    if pattern.match(raw):
                        tag = candidate
                        break
                if tag == _STR_TAG:
                    value = raw
                elif tag in _PLAIN_TAGS:
                    value = constructors[tag](loader, scalar_node(tag, raw))
                else:
                    raise _NotPlain
            else:
                value = raw
            container = None
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            value = container = {} if kind is mapping_start else []
        elif kind is sequence_end or kind is mapping_end:
            containers.pop()
            paths.pop()
            keys_seen.pop()
            pending.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _NotPlain
            continue
        elif kind is yaml.AliasEvent:
            raise _NotPlain
        else:
            continue
        values += 1
        if values > MAX_EXPANDED_VALUES:
            raise _NotPlain
        line = event.start_mark.line + 1
        if not containers:
            root = value
            path = ()
        else:
            parent = containers[-1]
            if type(parent) is list:
                path = paths[-1] + (len(parent),)
                lines[path] = line
                parent.append(value)
            elif pending[-1] is None:  # a key
                if container is not None or raw == "<<" or raw in keys_seen[-1]:
                    raise _NotPlain
                keys_seen[-1].add(raw)
                path = paths[-1] + (raw,)
                lines[path] = line
                pending[-1] = (value, path)
                continue
            else:
                key, path = pending[-1]
                pending[-1] = None
                parent[key] = value
        if container is not None:
            if len(containers) >= MAX_DEPTH:
                raise _NotPlain
            containers.append(container)
            paths.append(path)
            keys_seen.append(set())
            pending.append(None)
    return LocatedYaml(data=root, lines=lines)


def _load_checked(text: str) -> LocatedYaml:
    """The full reader: limits checked on the event stream, then composed, constructed and walked."""
    try:
        _check_limits(text)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            try:
                data = loader.construct_document(node) if node is not None else None
            except ValueError as error:  # a date such as 2024-13-45: the pattern fits, the calendar not
                _raise_unreal_date(loader, node, error)
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


def _raise_unreal_date(loader, node: yaml.Node, error: ValueError) -> None:
    """Name the first date-like value that is not a real date, at its line."""
    waiting = [node]
    while waiting:
        current = waiting.pop()
        if isinstance(current, yaml.ScalarNode):
            if current.tag == "tag:yaml.org,2002:timestamp":
                try:
                    loader.construct_yaml_timestamp(current)
                except ValueError as fault:
                    raise YamlError(f"'{current.value}' reads as a date but is not a real one ({fault}); "
                                    "put it in quotes if it is text", current.start_mark.line + 1) from None
        elif isinstance(current, yaml.SequenceNode):
            waiting.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            waiting.extend(part for pair in reversed(current.value) for part in reversed(pair))
    raise YamlError(str(error), 1) from None


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
    """Read and parse a YAML file (UTF-8); a huge file is refused before it is read. Within
    `parse_cache.parse_cache(...)`, a file parsed before with the same text is taken from the cache."""
    size = path.stat().st_size
    if size > MAX_CHARACTERS * 4:
        raise YamlError(f"the file is {size:,} bytes; a content file may hold at most {MAX_CHARACTERS:,} "
                        "characters", 1)
    text = path.read_text(encoding="utf-8")
    cache = active_cache()
    if cache is None:
        return load_yaml_text(text)
    digest = cache.digest(text)
    cached = cache.get(digest)
    if cached is not None:
        return LocatedYaml(*cached)
    located = load_yaml_text(text)
    cache.put(digest, located.data, located.lines)
    return located


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
