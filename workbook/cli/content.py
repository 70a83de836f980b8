"""Content subcommands: check the content files, and draw a practice call as a graph.

Exit codes: 0 valid / drawn; 1 problems found, unknown practice call, or a file that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.cli.support import Refused, content_root, require_output_folder
from workbook.paths import bundled_content_dir


def add_content_commands(commands, common: argparse.ArgumentParser,
                         content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    validate = commands.add_parser("validate", parents=[common],
                                   help="check content files and print a summary or the problems")
    validate.add_argument("directory", nargs="?", metavar="DIR",
                          help="content folder (default: bundled lessons/)")
    call_graph = commands.add_parser("call-graph", parents=[common, content],
                                     help="draw a practice call as a Graphviz graph (DOT, and SVG when "
                                          "Graphviz's 'dot' is installed)")
    call_graph.add_argument("scenario", metavar="ID", help="practice-call id (the 'id:' in its YAML file)")
    call_graph.add_argument("--out", required=True, metavar="FILE",
                            help="DOT file to write (usually .dot); the SVG goes beside it")
    return {"validate": _validate, "call-graph": _call_graph}


def _validate(args: argparse.Namespace) -> int:
    from workbook.core.loader import load_library

    chosen = args.directory or args.content
    root = Path(chosen) if chosen else bundled_content_dir()
    library = load_library(root)
    problems = library.all_problems()
    base = Path.cwd()
    for problem in problems:
        print(problem.format(relative_to=base))
    for warning in sorted(library.warnings):  # valid content that would mislead: printed, not failed
        print(f"warning: {warning.format(relative_to=base)}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {root}",
              file=sys.stderr)
        return 1
    sections = sum(len(module.sections) for module in library.modules)
    words = sum(module.words for module in library.modules)
    quizzes = [module.quiz for module in library.modules if module.quiz is not None]
    questions = sum(len(quiz.questions) for quiz in quizzes)
    print(f"{root}: {len(library.modules)} modules, {sections} sections, {words:,} words, "
          f"{len(quizzes)} quizzes with {questions} questions, "
          f"{len(library.scenarios)} practice calls: all valid")
    return 0


def _call_graph(args: argparse.Namespace) -> int:
    """Write the DOT of one practice call, and its SVG when Graphviz can draw it here."""
    import shutil
    import subprocess

    from workbook.core.call_graph import to_dot
    from workbook.core.loader import load_library
    from workbook.core.scenario import SCENARIO_FOLDER
    from workbook.files import write_bytes_atomic, write_text_atomic

    root = content_root(args)
    library = load_library(root)
    scenario = next((s for s in library.scenarios if s.id == args.scenario), None)
    if scenario is None:
        broken = sorted({p.path for p in library.problems if p.path.parent.name == SCENARIO_FOLDER})
        known = ", ".join(sorted(s.id for s in library.scenarios)) or "none"
        print(f"Unknown practice call '{args.scenario}' in {root} (practice calls: {known})", file=sys.stderr)
        if broken:
            print(f"{len(broken)} practice-call file{'s' if len(broken) != 1 else ''} cannot be loaded "
                  f"({', '.join(p.name for p in broken)}); run 'workbook validate' to see why",
                  file=sys.stderr)
        return 1
    out = Path(args.out)
    require_output_folder(out)
    dot_text = to_dot(scenario)
    try:
        write_text_atomic(out, dot_text)
    except OSError as error:
        raise Refused(f"{out}: cannot write: {error.strerror or error}") from error
    print(f"Wrote {out} ({len(scenario.nodes)} nodes, {len(scenario.endings)} endings)")
    dot = shutil.which("dot")
    if dot is None:
        print("Graphviz 'dot' is not on PATH, so only the DOT file was written "
              f"(draw it with: dot -Tsvg {out} -o {out.with_suffix('.svg')})")
        return 0
    svg = out.with_suffix(".svg") if out.suffix != ".svg" else out.with_name(out.name + ".svg")
    try:
        drawn = subprocess.run([dot, "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True,
                               timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise Refused(f"Graphviz could not draw {out}: {error}; only the DOT file was written") from error
    if drawn.returncode != 0 or not drawn.stdout:
        message = drawn.stderr.decode("utf-8", "replace").strip() or f"exit code {drawn.returncode}"
        raise Refused(f"Graphviz could not draw {out}: {message}; only the DOT file was written")
    try:
        write_bytes_atomic(svg, drawn.stdout)
    except OSError as error:
        raise Refused(f"{svg}: cannot write: {error.strerror or error}") from error
    print(f"Wrote {svg}")
    return 0
