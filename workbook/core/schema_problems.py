"""Turn a pydantic validation error into `path:line: field: message` problems a trainer can fix."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from workbook.core.problems import Problem
from workbook.core.yaml_lines import LocatedYaml

_SLUG_HINT = "use lower-case letters, digits and single hyphens (e.g. 'active-listening')"


def problems_from_error(error: ValidationError, path: Path, located: LocatedYaml,
                        model: type[BaseModel], tags: Iterable[str] = (), label: str = "file",
                        ) -> list[Problem]:
    """One problem per schema error. `tags` are union discriminator values pydantic puts in the
    error location (e.g. 'single-choice'); they are not keys in the file, so they are dropped."""
    tags = list(tags)
    tag_set = set(tags)
    problems = []
    for item in error.errors():
        loc = tuple(part for part in item["loc"] if part not in tag_set)
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("type",)  # point at the `type:` line, not the start of the item
        field = ".".join(str(part) for part in loc) or label
        problems.append(Problem(path, located.line_of(loc), field, friendly_message(item, model, tags)))
    return problems


def friendly_message(error: dict, model: type[BaseModel], tags: list[str] | None = None) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "unknown field" + (f" (allowed: {', '.join(model.model_fields)})"
                                  if len(error["loc"]) == 1 else "")
    if kind == "string_pattern_mismatch":
        return _SLUG_HINT
    if kind == "string_type" and isinstance(error.get("input"), bool):
        return "YAML reads yes/no/true/false as a switch: put the text in quotes"
    if kind == "union_tag_invalid":
        expected = error.get("ctx", {}).get("expected_tags", "")
        tag = error.get("ctx", {}).get("tag", "")
        return f"unknown type '{tag}' (use one of: {_plain_tags(expected)})"
    if kind == "union_tag_not_found":
        return f"is required (one of: {', '.join(tags or [])})"
    return str(error["msg"])


def _plain_tags(expected: str) -> str:
    """pydantic lists enum tags as `<QuestionType.X: 'x'>`; keep only the quoted values."""
    import re

    values = re.findall(r"'([^']+)'", expected)
    return ", ".join(values) if values else expected


def read_mapping(path: Path, label: str, expected: str = "expected a mapping of fields",
                 ) -> tuple[LocatedYaml | None, list[Problem]]:
    """A content YAML file whose top level must be a mapping: (located, []) or (None, [problem])."""
    from workbook.core.yaml_lines import YamlError, load_yaml_file

    try:
        located = load_yaml_file(path)
    except YamlError as error:
        return None, [Problem(path, error.line, "yaml", str(error))]
    except UnicodeDecodeError as error:
        return None, [Problem(path, 1, "file", f"not UTF-8 text ({error.reason})")]
    except OSError as error:
        return None, [Problem(path, 1, "file", f"cannot read: {error.strerror or error}")]
    if not isinstance(located.data, dict):
        return None, [Problem(path, 1, label, expected)]
    return located, []
