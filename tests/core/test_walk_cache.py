"""The exhaustive walk of practice-call scripts runs once per script version: later loads with the
same cache trust the earlier verdict, a changed script is walked again, and a failing one is never
remembered (so its problems are always reported)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.core import scenario_loader
from workbook.core.loader import load_library


@pytest.fixture
def walks(monkeypatch) -> list[str]:
    """The scripts the real walk ran on, by id."""
    walked: list[str] = []
    real = scenario_loader.check_walk

    def counting(scenario, path, located):
        walked.append(scenario.id)
        return real(scenario, path, located)

    monkeypatch.setattr(scenario_loader, "check_walk", counting)
    return walked


@pytest.fixture
def content(content_copy: Path) -> Path:
    return content_copy


def test_a_second_load_walks_nothing_and_a_changed_script_is_walked_again(content, tmp_path, walks):
    cache = tmp_path / "data" / "cache" / "call-walks.json"
    first = load_library(content, walk_cache=cache)
    assert len(walks) == len(first.scenarios) > 0 and first.problems == []
    walks.clear()
    second = load_library(content, walk_cache=cache)
    assert walks == [] and [s.id for s in second.scenarios] == [s.id for s in first.scenarios]

    script = sorted((content / "practice-calls").glob("*.yaml"))[0]
    script.write_text(script.read_text(encoding="utf-8") + "\n# edited by a trainer\n", encoding="utf-8")
    load_library(content, walk_cache=cache)
    assert len(walks) == 1


def test_validate_without_a_cache_walks_everything(content, tmp_path, walks):
    load_library(content, walk_cache=tmp_path / "cache.json")
    walks.clear()
    library = load_library(content)
    assert len(walks) == len(library.scenarios)


def test_a_failing_script_is_never_remembered(content, tmp_path, walks):
    cache = tmp_path / "cache.json"
    script = sorted((content / "practice-calls").glob("*.yaml"))[0]
    text = script.read_text(encoding="utf-8")
    # Every ending becomes strong: the walk finds no failing path, a problem only the walk reports.
    for kind in ("hung-up", "formal-complaint"):
        text = text.replace(f"kind: {kind}", "kind: resolved")
    script.write_text(text, encoding="utf-8")
    for _ in range(2):
        walks.clear()
        library = load_library(content, walk_cache=cache)
        assert any(p.path == script for p in library.problems)
        assert len(walks) >= 1


def test_a_damaged_cache_file_is_ignored(content, tmp_path, walks):
    cache = tmp_path / "cache.json"
    cache.write_text("{not json", encoding="utf-8")
    library = load_library(content, walk_cache=cache)
    assert library.problems == [] and len(walks) == len(library.scenarios)
