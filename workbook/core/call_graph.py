"""Draw a practice call as a Graphviz DOT graph, so a trainer can see every path of a script at once
(`workbook call-graph ID --out FILE.dot`).

Nodes are boxes with the caller's line, endings are coloured shapes (green: strong, red: failing),
and every reply is one edge labelled `number rating (mood change)`. A reply whose `next` branches
goes to a small diamond, from which each branch leaves with its condition. The global rules hang
off a note with dotted edges. The output depends only on the script's content: nodes appear in the
order a call first meets them, so the same script always gives the same text.
"""

from __future__ import annotations

import textwrap
from collections import deque

from workbook.core.scenario import EndingKind, Rating, Reply, Scenario

START_ID = "__start__"  # not a valid slug, so it can never clash with a node or an ending
RULES_ID = "__rules__"
LEGEND_ID = "__legend__"
CALLER_CHARS = 90  # the caller's line is cut to this many characters
WRAP = 34  # characters per label line

STRONG = ("#2e7d32", "#c8e6c9")  # border, fill
FAILING = ("#c62828", "#ffcdd2")
ENDING_SHAPES = {
    EndingKind.RESOLVED: "doubleoctagon",
    EndingKind.RESOLVED_WITH_FOLLOW_UP: "tripleoctagon",
    EndingKind.ESCALATED_APPROPRIATELY: "house",
    EndingKind.HUNG_UP: "octagon",
    EndingKind.FORMAL_COMPLAINT: "Msquare",
}
REPLY_STYLES = {
    Rating.BEST: 'color="#2e7d32", fontcolor="#2e7d32", style=bold, penwidth=2',
    Rating.OKAY: 'color="#5f6368", fontcolor="#5f6368", style=solid',
    Rating.POOR: 'color="#c62828", fontcolor="#c62828", style=dashed',
}
RULE_COLOUR = "#6a1b9a"
LEGEND = ("Reply: number rating (mood change)",
          "green bold: best, grey: okay, red dashed: poor",
          "diamond: the reply's next branches on a condition",
          "green ending: strong, red ending: failing",
          "yellow node: the learner types their own reply")


def to_dot(scenario: Scenario) -> str:
    """The whole call as DOT text (UTF-8, ends with a newline)."""
    order = _order(scenario)
    out = [f"digraph {quote(scenario.id)} {{",
           f"  graph [label={label(scenario.title, f'{scenario.id}, start mood {scenario.start_mood}')}, "
           'labelloc=t, fontname="Helvetica", fontsize=14, rankdir=TB, nodesep=0.35, ranksep=0.5];',
           '  node [fontname="Helvetica", fontsize=10];',
           '  edge [fontname="Helvetica", fontsize=9];',
           "",
           f"  {quote(START_ID)} [shape=circle, style=filled, fillcolor=black, fontcolor=white, "
           f'label="start", class="start"];']
    for node_id in order:
        out.append("  " + _node_statement(scenario, node_id))
    endings = [item for item in order if item in scenario.endings]
    if endings:
        out.append("  { rank=sink; " + " ".join(quote(e) + ";" for e in endings) + " }")
    out.append("")
    out.append(f'  {quote(START_ID)} -> {quote(scenario.start)} [penwidth=2, class="start"];')
    for node_id in order:
        node = scenario.nodes.get(node_id)
        if node is None:
            continue
        for number, reply in enumerate(node.replies, 1):
            out.extend("  " + line for line in _reply_statements(node_id, number, reply))
    if scenario.rules:
        out.append("")
        lines = ["Global rules", "(checked after every reply, before next)"]
        lines += [f"{n}. if {rule.if_} \u2192 {rule.goto}" for n, rule in enumerate(scenario.rules, 1)]
        out.append(f"  {quote(RULES_ID)} [shape=note, style=filled, fillcolor=\"#f3e5f5\", "
                   f'color="{RULE_COLOUR}", label={label(*lines)}, class="rules"];')
        for n, rule in enumerate(scenario.rules, 1):
            out.append(f"  {quote(RULES_ID)} -> {quote(rule.goto)} [style=dotted, color=\"{RULE_COLOUR}\", "
                       f'fontcolor="{RULE_COLOUR}", constraint=false, label={label(f"{n}. if {rule.if_}")}, '
                       'class="rule"];')
    out.append("")
    out.append(f"  {quote(LEGEND_ID)} [shape=note, fontsize=9, class=\"legend\", label={label(*LEGEND)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def quote(text: str) -> str:
    """`text` as a DOT quoted string: backslashes and quotes escaped, line breaks made spaces."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def label(*lines: str) -> str:
    """A quoted multi-line DOT label: each line escaped on its own, joined by DOT's `\\n`."""
    return '"' + "\\n".join(quote(line)[1:-1] for line in lines) + '"'


def shorten(text: str, limit: int = CALLER_CHARS) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with an ellipsis)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return textwrap.shorten(flat, width=limit, placeholder=" \u2026")


def _order(scenario: Scenario) -> list[str]:
    """Nodes and endings in the order a call first meets them (breadth first from the start, replies
    and branches in script order, then rule targets), then anything left over, sorted."""
    seen: dict[str, None] = {}
    queue = deque([scenario.start])
    while queue:
        current = queue.popleft()
        if current in seen:
            continue
        seen[current] = None
        node = scenario.nodes.get(current)
        for reply in node.replies if node is not None else ():
            queue.extend(_targets(reply))
        if not queue:
            queue.extend(rule.goto for rule in scenario.rules if rule.goto not in seen)
    rest = sorted((set(scenario.nodes) | set(scenario.endings)) - set(seen))
    return list(seen) + rest


def _targets(reply: Reply) -> list[str]:
    return [reply.next] if isinstance(reply.next, str) else [branch.goto for branch in reply.next]


def _node_statement(scenario: Scenario, item: str) -> str:
    node = scenario.nodes.get(item)
    if node is not None:
        lines = [item] + textwrap.wrap(f"\u201c{shorten(node.caller)}\u201d", WRAP)
        if node.tone:
            lines.append(f"({shorten(node.tone, WRAP)})")
        if node.typed:
            lines.append("(typed reply: the coach picks the arrow)")
        width = ', penwidth=2, color="black"' if item == scenario.start else ""
        fill = "#fff6d6" if node.typed else "#f5f7fa"
        css = "node typed" if node.typed else "node"
        return (f'{quote(item)} [shape=box, style="rounded,filled", fillcolor="{fill}"{width}, '
                f'label={label(*lines)}, class="{css}"];')
    ending = scenario.endings.get(item)
    if ending is not None:
        border, fill = STRONG if ending.kind.strong else FAILING
        lines = [item, ending.kind.label.upper()] + textwrap.wrap(shorten(ending.title, 60), WRAP)
        return (f"{quote(item)} [shape={ENDING_SHAPES[ending.kind]}, style=filled, fillcolor=\"{fill}\", "
                f'color="{border}", label={label(*lines)}, class="ending {ending.kind.value}"];')
    return (f'{quote(item)} [shape=box, style=dashed, color="#c62828", fontcolor="#c62828", '
            f'label={label(item, "(missing: not a node or an ending)")}, class="missing"];')


def _reply_statements(node_id: str, number: int, reply: Reply) -> list[str]:
    """One edge for the reply; for a branching `next`, the edge ends in a diamond with one edge per
    branch."""
    lines = [f"{number} {reply.rating.value} ({reply.mood:+d})"]
    if reply.when:
        lines.append(f"when {reply.when}")
    if reply.set:
        lines.append("sets " + ", ".join(reply.set))
    if reply.clear:
        lines.append("clears " + ", ".join(reply.clear))
    if reply.handover:
        lines.append(f"handover ({reply.handover.value})")
    style = REPLY_STYLES[reply.rating]
    reply_class = f'class="reply {reply.rating.value}"'
    if isinstance(reply.next, str):
        return [f"{quote(node_id)} -> {quote(reply.next)} [label={label(*lines)}, {style}, {reply_class}];"]
    fork = f"{node_id}/{number}"
    statements = [
        f"{quote(fork)} [shape=diamond, label=\"\", width=0.25, height=0.25, style=filled, "
        'fillcolor="#eceff1", class="fork"];',
        f"{quote(node_id)} -> {quote(fork)} [label={label(*lines)}, {style}, arrowhead=none, {reply_class}];",
    ]
    for branch in reply.next:
        condition = f"if {branch.if_}" if branch.if_ is not None else "otherwise"
        statements.append(f"{quote(fork)} -> {quote(branch.goto)} [label={label(condition)}, "
                          'color="#455a64", fontcolor="#455a64", class="branch"];')
    return statements
