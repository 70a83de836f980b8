"""The call graph: the DOT of a practice call shows every node, ending and reply, quotes any caller
line safely, and `python main.py call-graph` writes it (and the SVG when Graphviz is there)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from msgspec.structs import replace

from workbook.cli import main
from workbook.core import schemas
from workbook.core.call_graph import LEGEND_ID, RULES_ID, START_ID, quote, to_dot
from workbook.core.loader import load_library
from workbook.core.plain_data import as_data
from workbook.core.scenario import Scenario
from workbook.paths import bundled_content_dir

BILLING = "healthcare-billing-error"
# One DOT statement per line: `"a" [attrs];` or `"a" -> "b" [attrs];` (quoted strings may hold `\"`).
QUOTED = r'"(?:[^"\\]|\\.)*"'
EDGE = re.compile(rf'^\s*({QUOTED}) -> ({QUOTED}) \[(.*)\];$')
NODE = re.compile(rf'^\s*({QUOTED}) \[(.*)\];$')


@pytest.fixture(scope="module")
def billing() -> Scenario:
    scenario = next((s for s in load_library(bundled_content_dir()).scenarios if s.id == BILLING), None)
    assert scenario is not None
    return scenario


def unquote(text: str) -> str:
    """The value of a DOT quoted string, with DOT's `\\n` line breaks as real ones."""
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], text[1:-1])


def edges(dot: str) -> list[tuple[str, str, str]]:
    return [(unquote(m[1]), unquote(m[2]), m[3]) for m in map(EDGE.match, dot.splitlines()) if m]


def declared(dot: str) -> dict[str, str]:
    return {unquote(m[1]): m[2] for m in map(NODE.match, dot.splitlines()) if m}


def attribute(attrs: str, name: str) -> str | None:
    found = re.search(rf'(?:^|, ){name}=({QUOTED}|[^,\s]+)', attrs)
    return None if found is None else (unquote(found[1]) if found[1].startswith('"') else found[1])


def test_every_node_ending_and_reply_is_drawn(billing):
    dot = to_dot(billing)
    nodes = declared(dot)
    for node_id in billing.nodes:
        assert 'class="node"' in nodes[node_id]
        assert attribute(nodes[node_id], "label").startswith(node_id + "\n")
    for ending_id, ending in billing.endings.items():
        assert f'class="ending {ending.kind.value}"' in nodes[ending_id]
    replies = [e for e in edges(dot) if attribute(e[2], "class").startswith("reply")]
    assert len(replies) == sum(len(node.replies) for node in billing.nodes.values())
    for node_id, node in billing.nodes.items():
        labels = [attribute(a, "label").split("\n")[0] for source, _t, a in replies if source == node_id]
        assert labels == [f"{n} {r.rating.value} ({r.mood:+d})" for n, r in enumerate(node.replies, 1)]


def test_reply_edges_lead_where_the_script_says(billing):
    """A plain `next` is one edge to its target; a branching one goes through a diamond with one
    edge per branch, labelled with its condition."""
    found = {(s, t, attribute(a, "label")) for s, t, a in edges(to_dot(billing))}
    assert ("opening", "verify", "1 best (+8)") in found
    assert ("opening", "brushed-off", "3 poor (-15)") in found
    assert ("demands-manager", "supervisor-fixed", "2 okay (+0)\nhandover (avoidable)") in found
    assert ("closing", "closing/1", "1 best (+2)") in found
    assert ("closing/1", "resolved-follow-up", "if follow-up-booked") in found
    assert ("closing/1", "resolved", "otherwise") in found
    assert ("demands-manager", "demands-manager/1",
            "1 best (+8)\nwhen not asked-for-time\nsets asked-for-time") in found
    branches = [e for e in edges(to_dot(billing)) if attribute(e[2], "class") == "branch"]
    assert len(branches) == 6  # closing: 2 replies x 2 branches; demands-manager: 1 x 2


def test_styles_follow_rating_and_ending_kind(billing):
    dot = to_dot(billing)
    styles = {attribute(a, "class"): (attribute(a, "style"), attribute(a, "color"))
              for _s, _t, a in edges(dot) if (attribute(a, "class") or "").startswith("reply")}
    assert styles["reply best"] == ("bold", "#2e7d32")
    assert styles["reply poor"] == ("dashed", "#c62828")
    assert styles["reply okay"][0] == "solid"
    nodes = declared(dot)
    assert attribute(nodes["resolved"], "fillcolor") == "#c8e6c9"
    assert attribute(nodes["hung-up"], "fillcolor") == "#ffcdd2"
    kinds = ("resolved", "resolved-follow-up", "hung-up", "complaint")  # one ending of each kind here
    shapes = {attribute(nodes[ending], "shape") for ending in kinds}
    assert len(shapes) == 4 and "box" not in shapes


def test_start_rules_and_legend_are_shown(billing):
    dot = to_dot(billing)
    found = edges(dot)
    assert (START_ID, "opening") in {(s, t) for s, t, _a in found}
    assert "penwidth=2" in declared(dot)["opening"]
    rules = [(t, attribute(a, "style"), attribute(a, "label")) for s, t, a in found if s == RULES_ID]
    assert rules == [("hung-up", "dotted", "1. if mood < 10")]
    assert "if mood < 10" in attribute(declared(dot)[RULES_ID], "label")
    assert LEGEND_ID in declared(dot)


def test_typed_points_are_marked(billing):
    typed = replace(billing, nodes={node_id: replace(node, typed=node_id == billing.start)
                                    for node_id, node in billing.nodes.items()})
    nodes = declared(to_dot(typed))
    assert attribute(nodes[billing.start], "class") == "node typed"
    assert "(typed reply: the coach picks the arrow)" in attribute(nodes[billing.start], "label")
    others = [attribute(attrs, "class") for node_id, attrs in nodes.items() if node_id in billing.nodes
              and node_id != billing.start]
    assert others and set(others) == {"node"}


def test_output_is_stable_whatever_the_order_of_the_script(billing):
    """Equal scripts give equal text: nodes follow the call, not the order of the YAML."""
    data = as_data(billing)
    data["nodes"] = dict(reversed(list(data["nodes"].items())))
    data["endings"] = dict(reversed(list(data["endings"].items())))
    shuffled = schemas.validate(schemas.Scenario, data)
    assert list(shuffled.nodes) != list(billing.nodes)
    assert to_dot(shuffled) == to_dot(billing)
    assert to_dot(billing).endswith("}\n")


AWKWARD = 'She said "it\'s \\wrong\\"\nand then\ttabbed:\r\n{ } [ ] ; -> <b> & \\N'


def awkward_call() -> Scenario:
    def reply(next_: str, rating: str) -> dict:
        return {"text": "A reply.", "rating": rating, "feedback": "Why.", "next": next_}

    return schemas.validate(schemas.Scenario, {
        "id": "awkward", "title": 'The "awkward" one \\ test', "summary": "Quotes.", "modules": ["x"],
        "persona": {"name": "Pat", "situation": "Testing.", "context": "tests"}, "start_mood": 50,
        "start": "a",
        "nodes": {"a": {"caller": AWKWARD, "tone": 'tone with "quotes"',
                        "replies": [reply("fine", "best"), reply("gone", "poor")]}},
        "endings": {"fine": {"kind": "resolved", "title": 'Fixed "for now"', "outcome": "O."},
                    "gone": {"kind": "hung-up", "title": "Gone \\ away", "outcome": "O."}},
    })


def test_quote_escapes_quotes_backslashes_and_line_breaks():
    assert quote('say "hi"') == r'"say \"hi\""'
    assert quote("back\\slash") == r'"back\\slash"'
    assert quote("two\nlines\r\n\tand a tab") == '"two lines and a tab"'
    assert quote("\\N") == r'"\\N"'  # not Graphviz's node-name escape


def test_awkward_caller_line_gives_well_formed_dot():
    """Every statement stays on one line and every quoted string is closed, so the text between
    them holds no stray quote."""
    dot = to_dot(awkward_call())
    statements = [line for line in dot.splitlines() if line.strip() and line.strip() not in ("}",)]
    for line in statements[1:]:
        outside = re.sub(QUOTED, "", line)
        assert '"' not in outside and "\\" not in outside, line
        assert EDGE.match(line) or NODE.match(line) or line.strip().startswith(("graph [", "node [",
                                                                                "edge [", "{ rank="))
    label = attribute(declared(dot)["a"], "label")
    assert '\\"it\'s \\\\wrong\\\\\\"' in declared(dot)["a"]
    assert label.replace("\n", " ").startswith(
        'a \u201cShe said "it\'s \\wrong\\" and then tabbed: { } [ ] ; -> <b> & \\N')


def test_awkward_caller_line_is_accepted_by_graphviz(tmp_path):
    dot_program = shutil.which("dot")
    if dot_program is None:
        pytest.skip("Graphviz 'dot' is not installed")
    drawn = subprocess.run([dot_program, "-Tsvg"], input=to_dot(awkward_call()).encode("utf-8"),
                           capture_output=True, timeout=60, check=False)
    assert drawn.returncode == 0, drawn.stderr.decode()
    svg = drawn.stdout.decode("utf-8")
    assert "<svg" in svg and "&lt;b&gt;" in svg
    assert "tabbed:" in svg and "\\wrong\\" in svg


# --- the command ------------------------------------------------------------------------------------

def test_cli_writes_the_dot_and_notes_when_graphviz_is_missing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    out = tmp_path / "billing.dot"
    assert main(["call-graph", BILLING, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(f'digraph "{BILLING}" {{')
    assert not out.with_suffix(".svg").exists()
    printed = capsys.readouterr().out
    assert f"Wrote {out}" in printed
    assert "only the DOT file was written" in printed
    assert [p.name for p in tmp_path.iterdir()] == ["billing.dot"]  # no temp file left behind


@pytest.mark.skipif(os.name == "nt", reason="the stand-in for Graphviz is a shell script")
def test_cli_writes_the_svg_with_graphviz(tmp_path, capsys, monkeypatch):
    """A stand-in `dot` on PATH: the SVG it prints is written beside the DOT file."""
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "dot"
    fake.write_text("#!/bin/sh\ncat > \"$0.input\"\necho '<svg>drawn</svg>'\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools) + os.pathsep + os.environ.get("PATH", ""))
    out = tmp_path / "billing.dot"
    assert main(["call-graph", BILLING, "--out", str(out)]) == 0
    assert out.with_suffix(".svg").read_text(encoding="utf-8") == "<svg>drawn</svg>\n"
    assert (tools / "dot.input").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert f"Wrote {out}" in printed and f"Wrote {out.with_suffix('.svg')}" in printed


@pytest.mark.skipif(os.name == "nt", reason="the stand-in for Graphviz is a shell script")
def test_cli_fails_when_graphviz_fails(tmp_path, capsys, monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "dot").write_text("#!/bin/sh\necho 'syntax error in line 1' >&2\nexit 1\n", encoding="utf-8")
    (tools / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", str(tools) + os.pathsep + os.environ.get("PATH", ""))
    out = tmp_path / "billing.dot"
    assert main(["call-graph", BILLING, "--out", str(out)]) == 1
    assert out.is_file() and not out.with_suffix(".svg").exists()
    assert "syntax error in line 1" in capsys.readouterr().err


def test_cli_unknown_id_lists_the_known_ones(tmp_path, capsys):
    out = tmp_path / "x.dot"
    assert main(["call-graph", "no-such-call", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Unknown practice call 'no-such-call'" in err
    assert BILLING in err
    assert not out.exists()


def test_cli_reads_the_content_folder(tmp_path, capsys):
    """--content picks the library: the bundled call is unknown in an empty folder."""
    content = tmp_path / "lessons"
    content.mkdir()
    out = tmp_path / "x.dot"
    assert main(["call-graph", BILLING, "--content", str(content), "--out", str(out)]) == 1
    assert "(practice calls: none)" in capsys.readouterr().err


def test_cli_missing_output_folder(tmp_path, capsys):
    out = tmp_path / "nowhere" / "x.dot"
    assert main(["call-graph", BILLING, "--out", str(out)]) == 3
    assert "no such folder" in capsys.readouterr().err
