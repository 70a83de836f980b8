"""Hostile or damaged content files cost only themselves: each is a `path:line` problem, the app and
`validate` never crash or run away, and the other modules, calls and the course keep working."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.core.completion import LearnerRecord, check_eligibility
from workbook.core.loader import load_library
from workbook.core.yaml_lines import MAX_DEPTH, YamlError, load_yaml_text
from workbook.paths import bundled_content_dir

# A guard against a hang or a blow-up (the unguarded work takes minutes), not a speed test: the
# figures live in bench/, and a loaded CI machine must not fail this.
HANG_GUARD_S = 20

ROOT = Path(__file__).resolve().parents[2]
LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.fixture
def shipped_copy(content_copy: Path) -> Path:
    """A copy of the bundled content (and its assets) to damage."""
    return content_copy


def _validate(root: Path) -> subprocess.CompletedProcess:
    """`validate` in a child process: a crash in a C parser must show as an exit code, not kill pytest."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", str(root)], capture_output=True,
                          text=True, timeout=120, env=env)


def test_deeply_nested_brackets_are_a_problem_not_a_crash(shipped_copy):
    module = shipped_copy / "02-empathy" / "module.yaml"
    module.write_text(module.read_text(encoding="utf-8") + "x: " + "[" * 50_000 + "]" * 50_000 + "\n",
                      encoding="utf-8")
    result = _validate(shipped_copy)
    assert result.returncode == 1, result.stderr
    assert "02-empathy/module.yaml:" in result.stdout + result.stderr
    assert f"nested more than {MAX_DEPTH} levels deep" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_thousand_levels_is_a_problem_not_a_recursion_error():
    with pytest.raises(YamlError, match="nested more than"):
        load_yaml_text("a: " + "[" * 1000 + "]" * 1000)


def test_billion_laughs_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(YamlError, match="anchors and aliases expand") as raised:
        load_yaml_text(LAUGHS)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert raised.value.line > 1


def test_small_anchors_still_work():
    assert load_yaml_text("base: &b {x: 1}\ncopy: *b\n").data == {"base": {"x": 1}, "copy": {"x": 1}}


def test_duplicate_keys_are_named_at_the_second_one():
    with pytest.raises(YamlError, match="'title' appears twice") as raised:
        load_yaml_text("id: a\ntitle: One\nsummary: s\ntitle: Two\n")
    assert raised.value.line == 4


def test_a_broken_module_file_costs_only_its_module(shipped_copy):
    (shipped_copy / "02-empathy" / "module.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    library = load_library(shipped_copy)
    assert library.problems == []
    assert len(library.modules) == 7 and [u.id for u in library.unavailable] == ["empathy"]
    assert len(library.scenarios) == len(load_library(bundled_content_dir()).scenarios)
    assert library.course is not None
    eligibility = check_eligibility(library.course, library, LearnerRecord({}, {}, {}))
    assert any("cannot be loaded" in r.detail for r in eligibility.requirements)


def test_symlink_loops_are_problems(shipped_copy):
    section = shipped_copy / "01-active-listening" / "02-the-listening-loop.md"
    section.unlink()
    section.symlink_to(section.name)
    module = shipped_copy / "03-emotional-intelligence" / "module.yaml"
    module.unlink()
    module.symlink_to(module.name)
    library = load_library(shipped_copy)
    every = library.problems + [p for u in library.unavailable for p in u.problems]
    messages = {(p.path.name, p.message) for p in every}
    assert ("02-the-listening-loop.md", "cannot read: Too many levels of symbolic links") in messages
    assert ("module.yaml", "cannot read: Too many levels of symbolic links") in messages
    assert "emotional-intelligence" in [u.id for u in library.unavailable]
    assert all(p.format(shipped_copy) for p in every)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("[]{}:&*!|>-'\"#\n ab1%@`?,")), max_size=300))
def test_fuzzed_module_files_never_crash_the_loader(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("fuzz") / "lessons"
    (root / "01-x").mkdir(parents=True)
    (root / "01-x" / "module.yaml").write_text(text, encoding="utf-8")
    (root / "01-x" / "01-intro.md").write_text("# Intro\n\nWords.\n", encoding="utf-8")
    (root / "practice-calls").mkdir()
    (root / "practice-calls" / "01-call.yaml").write_text(text, encoding="utf-8")
    library = load_library(root)
    for problem in library.problems + [p for u in library.unavailable for p in u.problems]:
        assert problem.line >= 1 and problem.format(root)
