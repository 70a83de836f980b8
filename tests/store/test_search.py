"""Search over the real bundled lessons, quiz explanations and practice calls (FTS5, in memory)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.core.content import Library, Module, ModuleMeta, Section
from workbook.core.search_index import documents, highlight_terms, match_expression
from workbook.store.search import HitKind, SearchIndex


@pytest.fixture(scope="module")
def index(library) -> Iterator[SearchIndex]:
    built = SearchIndex.build(library)
    yield built
    built.close()


def test_index_covers_everything_and_builds_fast(library):
    """Every section, question and call node is indexed; the build is quick enough to do at start."""
    built = SearchIndex.build(library)
    try:
        sections = sum(len(m.sections) for m in library.modules)
        questions = sum(len(m.quiz.questions) for m in library.modules if m.quiz)
        nodes = sum(len(s.nodes) for s in library.scenarios)
        assert built.size == sections + questions + nodes == len(list(documents(library)))
        print(f"search index: {built.size} documents in {built.build_seconds * 1000:.1f} ms")
        assert built.build_seconds < 5
    finally:
        built.close()


def test_calm_down_finds_de_escalation_material_first(index):
    hits = index.search("calm down")
    assert hits[0].kind == HitKind.SECTION
    assert (hits[0].module_id, hits[0].item_id) == ("de-escalation", "words-that-inflame-and-cool")
    assert {hit.owner_id for hit in hits[:3]} <= {"de-escalation", "boundaries-escalation",
                                                   "card-blocked-abroad"}
    assert "<b>Calm</b> <b>down</b>" in hits[0].snippet


def test_first_contact_resolution_ranks_the_measuring_success_section_on_top(index):
    top = index.search("first contact resolution")[0]
    assert (top.kind, top.module_id, top.item_id) == (HitKind.SECTION, "measuring-success", "fcr-and-csat")
    assert top.title == ("Measuring success: FCR, CSAT, AHT and NPS › "
                         "First Contact Resolution and Customer Satisfaction")


def test_ranks_are_ordered(index):
    ranks = [hit.rank for hit in index.search("supervisor handover")]
    assert ranks == sorted(ranks) and len(ranks) > 3


def test_a_quiz_explanation_is_found(index, library):
    """Words only in a question's explanation find that question, which opens by module + question id."""
    hits = index.search("sympathy feels sorry from the outside")
    found = [hit for hit in hits if hit.kind == HitKind.QUESTION]
    assert found and found[0].module_id == "empathy"
    opened = library.module(found[0].module_id).quiz
    assert any(q.id == found[0].item_id for q in opened.questions)


def test_a_practice_call_feedback_is_found(index, library):
    hits = index.search("you let calm down stand")
    top = hits[0]
    assert (top.kind, top.scenario_id, top.item_id) == (HitKind.CALL, "card-blocked-abroad", "panicking")
    node = library.scenario(top.scenario_id).nodes[top.item_id]
    assert any("calm down" in reply.feedback for reply in node.replies)


def test_prefixes_and_accents(index):
    """"escal" finds escalation; accents in the query are ignored like case."""
    escal = index.search("escal")
    assert escal and escal[0].module_id == "de-escalation"
    assert any("<b>escalation</b>" in hit.snippet.lower() for hit in escal)
    assert [h.item_id for h in index.search("CÁLM DÓWN")] == [h.item_id for h in index.search("calm down")]


def test_accented_content_is_found_without_accents(tmp_path: Path):
    meta = ModuleMeta(id="m", title="Señor José's module", summary="s", order=1, minutes=5, skills=["x"])
    section = Section("s", "Calls from José", tmp_path / "s.md", "José rang about a café **bill**.", 6)
    tiny = Library(root=tmp_path, modules=[Module(meta, tmp_path, (section,))])
    built = SearchIndex.build(tiny)
    try:
        for query in ("jose", "José", "JOSE cafe", "senor"):
            assert [hit.item_id for hit in built.search(query)] == ["s"], query
        assert "<b>José</b>" in built.search("jose")[0].snippet
    finally:
        built.close()


def test_snippets_are_escaped_html(tmp_path: Path):
    meta = ModuleMeta(id="m", title="Module", summary="s", order=1, minutes=5, skills=["x"])
    section = Section("s", "Tags", tmp_path / "s.md", "Type <script>alert(1)</script> & wait", 4)
    built = SearchIndex.build(Library(root=tmp_path, modules=[Module(meta, tmp_path, (section,))]))
    try:
        snippet = built.search("alert")[0].snippet
        assert "<script" not in snippet and "&lt;script" in snippet and "<b>alert</b>" in snippet
    finally:
        built.close()


@pytest.mark.parametrize("query", ['"calm down', "AND OR (", "NEAR(calm", "calm*)", "col:calm", "-calm ^down",
                                   '""', "'; DROP TABLE doc; --", "a" * 5000, "NOT", "calm \x00 down"])
def test_odd_queries_never_raise(index, query):
    assert isinstance(index.search(query), list)


@pytest.mark.parametrize("query", ["", "   ", '"', "()", "***", "^-:+", "…", '"" ( ) *'])
def test_queries_without_words_find_nothing(index, query):
    assert index.search(query) == []
    assert match_expression(query) is None


def test_an_unclosed_quote_searches_the_words(index):
    assert [h.item_id for h in index.search('"calm down')] == [h.item_id for h in index.search("calm down")]


def test_limit(index):
    assert len(index.search("caller", limit=3)) == 3
    assert index.search("caller", limit=0) == []


def test_highlight_terms():
    assert highlight_terms('  "Calm DOWN" escal* José') == ["calm", "down", "escal", "jose"]
    assert highlight_terms("AND OR (") == ["and", "or"]
    assert highlight_terms("***") == []
