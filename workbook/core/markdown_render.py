"""Turn a section's Markdown into the HTML subset Qt's text browser shows, callouts included.

Lives in the core (no Qt) so that validation, word counts and rendering share one parser and the
reader, later search and reports all show the same thing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from msgspec import Struct


class CalloutStyle(Struct, frozen=True):
    """How one kind of callout looks: its default title, accent and background colours."""

    title: str
    accent: str
    background: str
    icon: str


CALLOUTS: dict[str, CalloutStyle] = {
    "say": CalloutStyle("Say this", "#1b6e3a", "#e8f5ec", "\u2714"),
    "avoid": CalloutStyle("Avoid saying", "#a12a2a", "#fbeaea", "\u2718"),
    "example": CalloutStyle("Example", "#1f4f8a", "#e9f0fa", "\u260e"),
    "try": CalloutStyle("Try it", "#7a4b00", "#fdf3e1", "\u270e"),
}

_OPEN_FENCE = re.compile(r"^:::\s*(\S+)?\s*(.*)$")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019-][A-Za-z0-9\u00C0-\u024F]+)*")
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[#>*_`|:]+")
_RULE_LINE = re.compile(r"^[|:\-\s]*-{3,}[|:\-\s]*$")  # a table's delimiter row or a horizontal rule

ImageResolver = Callable[[str], str | None]
CalloutColours = dict[str, tuple[str, str, str]]  # kind -> (title and bar, background, body text)
LIGHT_BODY_TEXT = "#1f2d3d"


def _make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "typographer": True})
    parser.enable(["table", "replacements", "smartquotes"])
    for kind in CALLOUTS:
        parser.use(container_plugin, name=kind, render=_render_callout)
    return parser


def _render_callout(self, tokens, index, options, env) -> str:
    token = tokens[index]
    if token.nesting == -1:  # the closing fence carries no kind
        return "</td></tr></table>\n"
    kind = token.info.strip().split(" ", 1)[0]
    style = CALLOUTS[kind]
    accent, background, body = (env.get("callout_colours") or {}).get(
        kind, (style.accent, style.background, LIGHT_BODY_TEXT))
    custom = token.info.strip()[len(kind) :].strip()
    title = html.escape(custom or style.title)
    return (
        f'<table class="callout callout-{kind}" width="100%" cellspacing="0" cellpadding="0" '
        f'style="margin-top: 12px; margin-bottom: 12px;"><tr>'
        f'<td width="5" bgcolor="{accent}"></td>'
        f'<td bgcolor="{background}" style="padding: 10px 14px; color: {body};">'
        f'<p style="color: {accent}; font-weight: 600;">{style.icon} {title}</p>\n'
    )


_PARSER = _make_parser()


def render_html(markdown: str, resolve_image: ImageResolver | None = None,
                callout_colours: CalloutColours | None = None) -> str:
    """Render section Markdown to HTML; image sources go through `resolve_image`; callouts take the
    colours given per kind (the UI's theme), else the light defaults of `CALLOUTS`."""
    tokens = _PARSER.parse(markdown)
    if resolve_image is not None:
        for token in tokens:
            for child in token.children or ():
                if child.type == "image":
                    resolved = resolve_image(str(child.attrs.get("src", "")))
                    if resolved is not None:
                        child.attrs["src"] = resolved
    env = {"callout_colours": callout_colours} if callout_colours else {}
    return _PARSER.renderer.render(tokens, _PARSER.options, env)


def image_references(markdown: str) -> list[tuple[int, str]]:
    """Every image source in the Markdown with its 1-based line."""
    found: list[tuple[int, str]] = []
    if "![" not in markdown:  # most sections have no image: skip the full parse (content load time)
        return found
    for token in _PARSER.parse(markdown):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] + 1 if token.map else 1
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1  # an image on a paragraph's later line is reported on that line
            elif child.type == "image":
                found.append((line, str(child.attrs.get("src", ""))))
    return found


class CalloutFault(Struct, frozen=True):
    """A callout fence that is unknown or never closed."""

    line: int
    message: str


def callout_faults(markdown: str) -> list[CalloutFault]:
    """Unknown callout kinds, nested or unclosed fences, with their 1-based lines."""
    faults: list[CalloutFault] = []
    open_line: int | None = None
    for number, raw in enumerate(markdown.splitlines(), start=1):
        match = _OPEN_FENCE.match(raw.strip())
        if not match:
            continue
        kind = match.group(1)
        if kind is None:
            if open_line is None:
                faults.append(CalloutFault(number, "closing ':::' without an opening callout"))
            open_line = None
            continue
        if kind not in CALLOUTS:
            known = ", ".join(CALLOUTS)
            faults.append(CalloutFault(number, f"unknown callout '{kind}' (use one of {known})"))
        if open_line is not None:
            faults.append(CalloutFault(number, f"callout opened inside the one on line {open_line}"))
        open_line = number
    if open_line is not None:
        faults.append(CalloutFault(open_line, "callout is never closed with ':::'"))
    return faults


def count_words(markdown: str) -> int:
    """Words a reader sees: Markdown punctuation, fences and image paths are not counted."""
    return len(_WORD.findall(plain_text(markdown)))


def plain_text(markdown: str) -> str:
    """The readable text of some Markdown, for search and summaries."""
    lines = []
    for raw in markdown.splitlines():
        stripped = raw.strip()
        if _OPEN_FENCE.match(stripped) or _RULE_LINE.match(stripped):
            continue
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            # A table row: its cells stay apart in a snippet ("FCR · 75%;"), not run together.
            cells = [_MARKUP.sub(lambda m: m.group(1) or " ", cell).strip()
                     for cell in stripped[1:-1].split("|")]
            lines.append(" · ".join(cell for cell in cells if cell) + ";")
            continue
        lines.append(_MARKUP.sub(lambda m: m.group(1) or " ", stripped))
    return re.sub(r"\s+", " ", " ".join(lines)).strip()
