"""After a trainer edits one file, a load parses only that file: the other YAML files come from the
data folder's parse cache, and the coach's patterns that passed their checks are not checked again.
Problems still name file, line and field; a broken file is never remembered; a damaged or tampered
cache is ignored."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import pytest

from workbook.core import coach as coach_module
from workbook.core import parse_cache, regex_guard, yaml_lines
from workbook.core.coach import coach_reply
from workbook.core.content_cache import LazyPattern, load_library_cached
from workbook.core.loader import load_library
from workbook.paths import content_cache_path, parse_cache_path, walk_cache_path


@pytest.fixture
def content(content_copy: Path) -> Path:
    return content_copy


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The texts the real YAML parser read (a cache hit parses none)."""
    texts: list[str] = []
    real = yaml_lines.load_yaml_text

    def counting(text):
        texts.append(text)
        return real(text)

    monkeypatch.setattr(yaml_lines, "load_yaml_text", counting)
    return texts


def _load(content: Path, data: Path):
    return load_library(content, walk_cache=walk_cache_path(data), parse_cache=parse_cache_path(data))


def _summary(library) -> tuple:
    return ([(m.id, m.meta, m.quiz, [(s.id, s.words) for s in m.sections]) for m in library.modules],
            library.scenarios, library.course, library.skills, library.all_problems(),
            [(r.id, [m.pattern for m in r.matchers]) for r in library.coach.rules])


def test_an_edited_file_is_the_only_one_parsed_again(content, tmp_path, parsed):
    data = tmp_path / "data"
    fresh = _load(content, data)
    yaml_files = sorted(content.rglob("*.yaml"))
    assert len(parsed) == len(yaml_files) and fresh.problems == []
    parsed.clear()
    again = _load(content, data)
    assert parsed == [] and _summary(again) == _summary(fresh) == _summary(load_library(content))

    parsed.clear()
    quiz = content / "02-empathy" / "quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\n# a trainer's note\n", encoding="utf-8")
    _load(content, data)
    assert len(parsed) == 1 and parsed[0].endswith("# a trainer's note\n")


def test_a_schema_problem_names_file_line_and_field_when_the_file_came_from_the_cache(content, tmp_path,
                                                                                    parsed):
    data = tmp_path / "data"
    _load(content, data)
    # A module that names an unknown skill: the file itself parses, and is cached, fine...
    module = content / "01-active-listening" / "module.yaml"
    edited = "skills: [listening, no-such-skill]"
    text = module.read_text(encoding="utf-8").replace("skills: [listening]", edited)
    module.write_text(text, encoding="utf-8")
    line = text.splitlines().index(edited) + 1
    for _ in range(2):  # parsed the first time, from the cache the second
        parsed.clear()
        problems = [p for p in _load(content, data).all_problems() if p.path == module]
        assert [(p.line, p.field) for p in problems] == [(line, "skills")], problems
        assert "no-such-skill" in problems[0].message
    assert parsed == []


def test_a_file_that_does_not_parse_is_reported_every_time_and_never_cached(content, tmp_path, parsed):
    data = tmp_path / "data"
    _load(content, data)
    script = sorted((content / "practice-calls").glob("*.yaml"))[0]
    good = script.read_text(encoding="utf-8")
    script.write_text(good + "broken: [unclosed\n", encoding="utf-8")
    line = len(good.splitlines()) + 1
    for _ in range(2):
        parsed.clear()
        problems = [p for p in _load(content, data).all_problems() if p.path == script]
        assert [(p.line, p.field) for p in problems] == [(line, "yaml")]
        assert len(parsed) == 1
    script.write_text(good, encoding="utf-8")
    parsed.clear()
    assert _load(content, data).problems == [] and parsed == []  # the good text is still cached


def test_a_library_from_the_caches_round_trips_through_the_content_cache(content, tmp_path):
    data = tmp_path / "data"
    fresh = load_library_cached(content, data)
    content_cache_path(data, content).unlink()
    rebuilt = load_library_cached(content, data)  # files read again, patterns remembered as good
    assert isinstance(rebuilt.coach.rules[0].matchers[0], LazyPattern)
    cached = load_library_cached(content, data)
    assert content_cache_path(data, content).is_file()
    assert _summary(cached) == _summary(rebuilt) == _summary(fresh)
    reply = "I'm sorry, I understand how frustrating this is. Let me check that for you right now."
    assert coach_reply(reply, cached.coach).to_payload() == coach_reply(reply, fresh.coach).to_payload()


def test_patterns_are_checked_once_and_validate_checks_them_all(content, tmp_path, monkeypatch):
    checked: list[str] = []
    real = regex_guard.backtracking_risk

    def counting(source):
        checked.append(source)
        return real(source)

    monkeypatch.setattr(coach_module, "backtracking_risk", counting)
    data = tmp_path / "data"
    _load(content, data)
    assert len(checked) > 100
    first = set(checked)
    assert len(first) == len(checked)  # a pattern two rules share is checked once
    checked.clear()
    _load(content, data)
    assert checked == []
    load_library(content)  # what `validate` does: no caches
    assert set(checked) == first  # every pattern of every rule, shared ones where each rule has them


def test_a_refused_pattern_is_reported_every_time(content, tmp_path):
    data = tmp_path / "data"
    _load(content, data)
    rules = content / "coach" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    first_pattern = next(n for n, line in enumerate(text.splitlines()) if line.strip() == "patterns:")
    lines = text.splitlines()
    lines.insert(first_pattern + 1, lines[first_pattern].replace("patterns:", "  - '(\\w+\\s?)+!$'"))
    rules.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for _ in range(2):
        problems = [p for p in _load(content, data).all_problems() if p.path == rules]
        assert [p.line for p in problems] == [first_pattern + 2] and "refused" in problems[0].message


def _write_raw(path: Path, payload: bytes) -> None:
    checksum = hashlib.sha256(payload).hexdigest().encode()
    path.write_bytes(parse_cache._header() + checksum + b"\n" + payload)


class _Runs:
    """Unpickling this would call os.system: a cache must never do that."""

    def __reduce__(self):
        return os.system, ("touch pwned",)


@pytest.mark.parametrize("damage", ["garbage", "flipped", "tampered", "tampered-entry", "wrong-shape"])
def test_a_damaged_or_tampered_parse_cache_is_ignored(content, tmp_path, parsed, monkeypatch, damage):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    expected = _summary(_load(content, data))
    path = parse_cache_path(data)
    blob = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xffnot a cache")
    elif damage == "flipped":
        middle = len(blob) // 2
        path.write_bytes(blob[:middle] + bytes([blob[middle] ^ 0xFF]) + blob[middle + 1:])
    elif damage == "tampered":
        _write_raw(path, pickle.dumps(_Runs()))
    elif damage == "tampered-entry":  # a valid file whose every entry names a function to run
        digests = pickle.loads(blob[len(parse_cache._header()) + 65:])
        _write_raw(path, pickle.dumps({digest: pickle.dumps(_Runs()) for digest in digests}))
    else:
        _write_raw(path, pickle.dumps(["not", "a", "mapping"]))
    parsed.clear()
    assert _summary(_load(content, data)) == expected
    assert len(parsed) == len(list(content.rglob("*.yaml")))
    assert not (tmp_path / "pwned").exists()
