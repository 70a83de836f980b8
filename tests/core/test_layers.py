"""Layers, read from the source so a lazy import counts too: the store is closed (only `workbook/store/`
imports peewee or the table classes; every other package gets plain records from store functions)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"
STORE_ONLY = ("peewee", "playhouse", "workbook.store.models")
TEST_TOOLS_ONLY = ("pypdf",)  # the test extra's PDF editor: the app reads PDFs with pypdfium2


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _reaches_into_store(name: str) -> bool:
    return any(name == closed or name.startswith(closed + ".") for closed in STORE_ONLY)


def test_nothing_outside_the_store_imports_peewee_or_the_tables():
    checked = [path for path in PACKAGE.rglob("*.py") if "store" not in path.relative_to(PACKAGE).parts[:1]]
    assert len(checked) > 50  # the walk really read the other packages
    leaks = {f"{path.relative_to(PACKAGE)}: {name}" for path in checked
             for name in _imported_modules(path) if _reaches_into_store(name)}
    assert leaks == set()


def test_the_check_sees_a_lazy_import_inside_a_function(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from workbook.store.models import ActivityRecord\n    import peewee\n")
    assert {name for name in _imported_modules(sample) if _reaches_into_store(name)} == {
        "workbook.store.models", "workbook.store.models.ActivityRecord", "peewee"}


def test_no_module_of_the_app_imports_a_test_tool():
    """pypdf is installed with the test extra only: an import of it in the app would fail for users."""
    checked = list(PACKAGE.rglob("*.py"))
    leaks = {f"{path.relative_to(PACKAGE)}: {name}" for path in checked for name in _imported_modules(path)
             if any(name == tool or name.startswith(tool + ".") for tool in TEST_TOOLS_ONLY)}
    assert leaks == set()


def test_the_check_sees_pypdf_but_not_pypdfium2(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import pypdfium2\ndef f():\n    from pypdf.generic import NameObject\n")
    names = _imported_modules(sample)
    assert {name for name in names if name == "pypdf" or name.startswith("pypdf.")} == {
        "pypdf.generic", "pypdf.generic.NameObject"}


def test_the_charts_take_the_cohort_figures_from_core_not_from_the_report():
    charts = _imported_modules(PACKAGE / "reports" / "charts.py")
    assert not any(name.startswith("workbook.reports.cohort_report") for name in charts)
    assert "workbook.core.cohort_metrics" in charts
