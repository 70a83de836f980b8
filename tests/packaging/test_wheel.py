"""`pip install .` gives a working app: the wheel carries the lessons and assets, and the installed
`workbook` command and `python -m workbook` run from outside the source tree.

Offline and quick: the wheel is built without build isolation (hatchling is a test dependency),
and installed with no dependencies into a bare venv that borrows this interpreter's
site-packages for PySide6 and the rest (a `.pth` line adds the folder; the editable install's own
`.pth` inside it is not processed, so `workbook` comes from the wheel).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from workbook import __version__

REPO_ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("hatchling", reason="hatchling builds the wheel (pip install -e '.[test]')")


def _run(*command, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """A venv with only the built wheel installed: its scripts, its python and a clean env."""
    base = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                 "--no-index", "--wheel-dir", base / "dist", REPO_ROOT, cwd=base)
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("difficult_calls_workbook-*.whl"))
    venv = base / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    assert made.returncode == 0, made.stderr
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=base)
    Path(purelib.stdout.strip(), "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
                   "--no-index", wheel, cwd=base)
    assert install.returncode == 0, install.stderr
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["WORKBOOK_DATA_DIR"] = str(base / "data")
    return {"wheel": wheel, "scripts": scripts, "python": python, "env": env, "cwd": base}


def test_the_wheel_carries_the_lessons_assets_and_licences(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    for shipped in ("workbook/lessons/course.yaml", "workbook/assets/icon.svg",
                    "workbook/assets/fonts/NotoSans-Regular.ttf", "workbook/__main__.py",
                    "workbook/i18n/workbook_de.qm", "workbook/i18n/workbook_en.qm",
                    "workbook/lessons/coach/encoder.yaml", "workbook/assets/coach/encoder.int8.onnx",
                    "workbook/assets/coach/tokenizer.json", "workbook/assets/coach/sentence_head.npz"):
        assert shipped in names
    assert not [name for name in names if name.endswith(".ts")]  # translation sources stay out
    assert any(name.endswith("licenses/LICENSE") for name in names)
    assert any(name.endswith("licenses/assets/fonts/OFL-Noto.txt") for name in names)
    assert any(name.endswith("licenses/assets/coach/LICENSE-all-MiniLM-L6-v2.txt") for name in names)


def test_the_installed_command_validates_the_bundled_lessons(installed):
    where = _run(installed["python"], "-c", "import workbook, workbook.paths as p; "
                 "print(workbook.__file__); print(p.bundled_content_dir()); print(p.bundled_assets_dir())",
                 cwd=installed["cwd"], env=installed["env"])
    module_file, content, assets = where.stdout.split("\n")[:3]
    assert str(REPO_ROOT) not in module_file  # the installed copy, not the source tree
    assert Path(content) == Path(module_file).parent / "lessons"
    assert (Path(assets) / "icon.svg").is_file()

    validate = _run(installed["scripts"] / "workbook", "validate", cwd=installed["cwd"], env=installed["env"])
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "all valid" in validate.stdout


def test_python_dash_m_workbook_reports_the_one_version(installed):
    shown = _run(installed["python"], "-m", "workbook", "--version", cwd=installed["cwd"],
                 env=installed["env"])
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().endswith(__version__)
    metadata = _run(installed["python"], "-c", "from importlib.metadata import version; "
                    "print(version('difficult-calls-workbook'))", cwd=installed["cwd"], env=installed["env"])
    assert metadata.stdout.strip() == __version__


def test_the_gui_script_is_installed(installed):
    name = "difficult-calls-workbook" + (".exe" if os.name == "nt" else "")
    gui = installed["scripts"] / name
    assert gui.is_file()
