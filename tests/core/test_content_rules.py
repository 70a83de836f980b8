"""Rules the bundled lessons keep, reading progress over them, and the Markdown helpers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbook.core.markdown_render import CALLOUTS, count_words, image_references, render_html
from workbook.core.progress import first_unread_index, reading_progress, resume_target

REPO_ROOT = Path(__file__).resolve().parents[2]
KINDS = ("say", "avoid", "example", "try")


def test_at_least_eight_modules(library):
    """The course ships at least eight modules and none is unavailable."""
    assert len(library.modules) >= 8
    assert library.unavailable == []


def test_every_module_has_four_sections_and_1200_words(library):
    """Every module has at least four sections and at least 1,200 words."""
    short = {m.id: (len(m.sections), m.words) for m in library.modules
             if len(m.sections) < 4 or m.words < 1200}
    assert short == {}


def test_every_module_uses_all_four_callout_kinds(library):
    """Every module renders at least one say, avoid, example and try callout."""
    missing = {}
    for module in library.modules:
        rendered = "".join(render_html(section.markdown) for section in module.sections)
        absent = [kind for kind in KINDS if f'class="callout callout-{kind}"' not in rendered]
        if absent:
            missing[module.id] = absent
    assert missing == {}


def test_prerequisites_exist(library):
    """Every prerequisite names a module that exists and is not the module itself."""
    ids = {m.id for m in library.modules}
    bad = [(m.id, p) for m in library.modules for p in m.meta.prerequisites if p not in ids or p == m.id]
    assert bad == []


def test_module_ids_unique(library):
    """No two modules share an id."""
    ids = [m.id for m in library.modules]
    assert len(ids) == len(set(ids))


def test_reading_progress_ignores_ids_no_longer_in_module(library):
    """Read ids that are no longer sections of the module do not count towards progress."""
    module = library.modules[0]
    read = [module.sections[0].id, module.sections[1].id, "a-section-since-removed"]
    progress = reading_progress(module, read)
    assert (progress.read, progress.total) == (2, len(module.sections))
    assert not progress.complete
    assert progress.fraction == pytest.approx(2 / len(module.sections))


def test_reading_progress_complete_when_every_section_read(library):
    """A module is complete once every current section is read."""
    module = library.modules[1]
    progress = reading_progress(module, [s.id for s in module.sections] + ["old-one"])
    assert progress.complete
    assert progress.fraction == 1.0


def test_resume_target_skips_vanished_positions(library):
    """Resume skips positions whose module or section vanished and lands on the newest that exists."""
    second = library.modules[1]
    positions = [
        ("module-that-was-removed", "anything"),
        (library.modules[0].id, "section-that-was-removed"),
        (second.id, second.sections[3].id),
        (library.modules[0].id, library.modules[0].sections[0].id),
    ]
    module, index = resume_target(library, positions)
    assert (module.id, index) == (second.id, 3)


def test_resume_target_none_when_nothing_exists(library):
    """With no position that still exists there is nothing to resume."""
    assert resume_target(library, []) is None
    assert resume_target(library, [("gone", "gone")]) is None


def test_first_unread_index(library):
    """A module opens at its first unread section, and at the start once all are read."""
    module = library.modules[0]
    ids = [s.id for s in module.sections]
    assert first_unread_index(module, []) == 0
    assert first_unread_index(module, ids[:2]) == 2
    assert first_unread_index(module, [ids[0], ids[2]]) == 1
    assert first_unread_index(module, ids) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_callout_renders_default_title(kind):
    """A callout with no title text shows its kind's default title in its own box."""
    html = render_html(f":::{kind}\nSome advice.\n:::\n")
    assert f'class="callout callout-{kind}"' in html
    assert CALLOUTS[kind].title in html
    assert "<p>Some advice.</p>" in html


def test_callout_renders_custom_title_escaped():
    """Text after the kind replaces the default title, HTML-escaped."""
    html = render_html(":::example Billing: Tom & Jerry <double> charge\nText.\n:::\n")
    assert "Billing: Tom &amp; Jerry &lt;double&gt; charge" in html
    assert CALLOUTS["example"].title + "</p>" not in html


def test_count_words_ignores_markup():
    """Headings, emphasis, link targets, image paths and table pipes are not counted as words."""
    markdown = (
        "## Two words\n\n**Bold** and *soft* [link text](https://example.com/a-b/c)\n\n"
        "![Call flow](images/call-flow-diagram.svg)\n\n| A | B |\n|---|---|\n| one | two |\n\n"
        "> **Caller:** I can't wait.\n"
    )
    # Two words / Bold and soft link text / Call flow / A B one two / Caller I can't wait
    assert count_words(markdown) == 2 + 5 + 2 + 4 + 4


def test_count_words_ignores_callout_fences():
    """The `:::say` and `:::` fence lines add no words."""
    assert count_words(":::say\nHello there.\n:::\n") == 2


def test_image_references_give_lines():
    """Each image is returned with the line it is on."""
    markdown = "# Title\n\nText.\n\n![One](one.svg)\n\n- item\n- ![Two](images/two.png)\n"
    assert image_references(markdown) == [(5, "one.svg"), (8, "images/two.png")]


def test_headless_packages_do_not_import_qt():
    """Importing every core and store module and the CLI does not load PySide6."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import workbook.core, workbook.store, workbook.cli\n"
        "for package in (workbook.core, workbook.store):\n"
        "    for info in pkgutil.iter_modules(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(len([n for n in sys.modules if n.startswith('workbook.')]))\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'PySide6'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    imported, pyside = result.stdout.splitlines()
    assert int(imported) >= 15  # the walk really imported the packages' modules
    assert pyside == "[]"
