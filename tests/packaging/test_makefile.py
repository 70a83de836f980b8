"""`make run` installs only what running needs; `make test` adds the test tools (checked with
`make -n`, which prints the recipe without running it, against a venv folder that does not exist)."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def planned(target: str, tmp_path: Path) -> str:
    return subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def test_make_run_installs_the_app_without_the_test_tools(tmp_path):
    plan = planned("run", tmp_path)
    installs = [line for line in plan.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all(line.rstrip().endswith("-e .") for line in installs), installs
    assert not any("[test]" in line or "pytest" in line.replace(str(tmp_path), "") for line in installs)


def test_make_test_adds_the_test_extra_and_the_test_tools_are_only_there(tmp_path):
    assert "-e '.[test]'" in planned("test", tmp_path)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    running = " ".join(project["dependencies"]).lower()
    for tool in ("pytest", "pytest-qt", "hypothesis", "ruff", "pyinstaller", "pypdf"):
        assert f"{tool}==" not in running
    assert any(spec.startswith("pytest==") for spec in project["optional-dependencies"]["test"])


def test_the_project_metadata_names_its_licence_classifiers_and_urls():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"].startswith("MIT") and "LICENSE" in project["license-files"]
    assert any(c.startswith("Programming Language :: Python :: 3.11") for c in project["classifiers"])
    assert {"Homepage", "Issues"} <= set(project["urls"])
