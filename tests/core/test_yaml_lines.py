"""The one-pass YAML reader gives exactly what the full reader gives (data, the line of every key,
and for a faulty file the same message at the same line), on every shipped file and on the
shapes it leaves to the full reader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.core import yaml_lines
from workbook.core.yaml_lines import YamlError, load_yaml_text
from workbook.paths import bundled_content_dir

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(bundled_content_dir().rglob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))


def _full(text: str):
    try:
        located = yaml_lines._load_checked(text)
    except YamlError as error:
        return ("error", str(error), error.line)
    return located.data, located.lines


def _read(text: str):
    try:
        located = load_yaml_text(text)
    except YamlError as error:
        return ("error", str(error), error.line)
    return located.data, located.lines


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_is_read_in_one_pass_with_the_same_result(path):
    text = path.read_text(encoding="utf-8")
    located = yaml_lines._load_plain(text)
    assert located is not None
    assert (located.data, located.lines) == _full(text)


EDGE_CASES = [
    "",
    "# only a comment\n",
    "just a scalar\n",
    "a:\nb: ~\nc: null\nd: yes\ne: Off\nf: 0x1F\ng: 0o17\nh: 1_000\ni: 190:20:30\nj: .inf\nk: -.5e3\n",
    "when: 2024-05-01\nat: 2024-05-01 10:20:30+02:00\n",
    "1: one\n'1': quoted one\n",  # different data keys, the same text: the full reader calls it a duplicate
    "1: one\n01: also one\n",
    "id: a\ntitle: One\ntitle: Two\n",
    "base: &b {x: 1}\ncopy: *b\n",
    "merged:\n  <<: {a: 1}\n  b: 2\n",
    "tagged: !!str 12\n",
    "set: !!set {a, b}\n",
    "odd: ! 12\n",
    "? [a, b]\n: c\n",
    "? {a: 1}\n: c\n",
    "eq: =\n",
    "one: 1\n---\ntwo: 2\n",
    "---\n- a\n...\n",
    "list:\n- - a\n  - b\n- {c: [d, {e: f}]}\n- |\n  block text\n- >\n  folded\n  text\n",
    "unclosed: [a, b\nnext: c\n",
    "quote: 'never closed\nnext: c\n",
    "a: b: c\n",
    "  - a\n- b\n",
    "a: 1\n a: 2\n",
    "a: " + "[" * 61 + "]" * 61 + "\n",
    "a: " + "[" * 59 + "]" * 59 + "\n",
    "a: [" + ", ".join(["x"] * 300) + "]\n",
    "date: 2024-13-45\n",
    "\ufeffbom: 1\n",
    "tabs:\n\t- a\n",
    "key with spaces: value: with colon\n",
    "- 'it''s'\n- \"a\\tb\"\n- ''\n- \n",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_the_one_pass_reader_agrees_with_the_full_one(text):
    assert _read(text) == _full(text)


def test_deep_nesting_is_still_refused_with_its_line():
    text = "ok: 1\nnested: " + "[" * 1000 + "]" * 1000 + "\n"
    result = _read(text)
    assert result[0] == "error" and "nested more than" in result[1] and result[2] == 2


_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                     st.floats(allow_nan=False), st.text(max_size=20))
_keys = st.one_of(st.text(min_size=1, max_size=10), st.integers(0, 99))
_documents = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)), max_leaves=25)


@settings(max_examples=200, deadline=None)
@given(_documents, st.booleans(), st.sampled_from([None, "'", '"']))
def test_generated_documents_read_the_same_both_ways(document, flow, style):
    text = yaml.safe_dump(document, default_flow_style=flow, default_style=style, allow_unicode=True)
    assert _read(text) == _full(text)


def test_a_date_that_is_not_real_is_a_problem_at_its_line_not_a_crash():
    result = _read("id: a\nstarts: 2024-01-02\nends: 2024-13-45\n")
    assert result[0] == "error" and result[2] == 3 and "2024-13-45" in result[1]


@pytest.mark.parametrize("text", EDGE_CASES + [SHIPPED[0].read_text(encoding="utf-8")])
def test_without_libyaml_the_one_pass_reader_still_agrees_with_the_full_one(text, monkeypatch):
    monkeypatch.setattr(yaml_lines, "_Loader", yaml.SafeLoader)  # the pure-Python parser
    assert _read(text) == _full(text)
