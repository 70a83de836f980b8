"""Load and check a content folder: every module it can use, and every problem as `path:line`.

One pass does both jobs so that the app at start and `workbook validate` can never disagree
about what is broken.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from workbook.core import schemas
from workbook.core.coach import RULES_FILE, check_rules
from workbook.core.content import Library, Module, ModuleMeta, Section, UnavailableModule
from workbook.core.course import load_course, pass_mark_warnings
from workbook.core.images import default_assets_dir, resolve_image
from workbook.core.markdown_render import callout_faults, count_words, image_references
from workbook.core.parse_cache import parse_cache as parsed_files
from workbook.core.problems import Problem
from workbook.core.quiz_loader import load_quiz
from workbook.core.reading import word_count
from workbook.core.review_cards import say_bullets
from workbook.core.scenario_loader import load_scenarios
from workbook.core.schema_problems import problems_from_error, read_mapping
from workbook.core.walk_cache import WalkCache
from workbook.core.yaml_lines import LocatedYaml, YamlError, load_yaml_file

MODULE_FILE = "module.yaml"
SKILLS_FILE = "skills.yaml"
_SECTION_NAME = re.compile(r"^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_TITLE = re.compile(r"^#\s+(\S.*)$")
_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)['\"]?\s*(?:#.*)?$", re.MULTILINE)
_NUMBERED = re.compile(r"^\d+-")



def load_library(root: Path, assets_dir: Path | None = None, walk_cache: Path | None = None,
                 parse_cache: Path | None = None) -> Library:
    """Read every module under `root`; broken modules are kept aside with their problems.

    `walk_cache` (a file in the data folder) lets practice-call scripts that passed the exhaustive
    walk before skip it, and `parse_cache` lets YAML files parsed before with the same text skip
    parsing; `validate` passes neither, so it always reads and walks everything."""
    with parsed_files(parse_cache):
        return _load_library(Path(root), assets_dir, walk_cache)


def _load_library(root: Path, assets_dir: Path | None, walk_cache: Path | None) -> Library:
    library = Library(root=root)
    if not root.is_dir():
        library.problems.append(Problem(root, 1, "folder", "content folder not found"))
        return library
    assets = assets_dir if assets_dir is not None else default_assets_dir(root)
    library.skills = _load_skills(root / SKILLS_FILE, library.problems)

    candidates: list[tuple[Path, LocatedYaml | None, ModuleMeta | None, list[Problem]]] = []
    for folder in sorted(p for p in root.iterdir() if _has_module_file(p)):
        located, meta, problems = _load_meta(folder / MODULE_FILE)
        candidates.append((folder, located, meta, problems))
    # A broken module.yaml costs its own module only: other files that name it (prerequisites,
    # practice calls, the course) still find its id, read from the file's text or its folder.
    declared = {meta.id if meta is not None else salvaged_id(folder / MODULE_FILE, folder.name)
                for folder, _located, meta, _problems in candidates}

    _check_ids_and_links(candidates, library.skills, declared)

    for folder, _located, meta, problems in candidates:
        sections = _load_sections(folder, assets, problems)
        quiz, quiz_problems = load_quiz(folder, library.skills)
        library.problems.extend(quiz_problems)  # the lessons stay readable without their quiz
        if meta is not None and not problems:
            library.modules.append(Module(meta=meta, folder=folder, sections=tuple(sections),
                                          quiz=quiz, quiz_problems=tuple(quiz_problems)))
        else:
            title = meta.title if meta is not None else folder.name
            module_id = meta.id if meta is not None else salvaged_id(folder / MODULE_FILE, folder.name)
            library.unavailable.append(UnavailableModule(folder, title, tuple(sorted(problems)), module_id))
    library.modules.sort(key=lambda m: (m.meta.order, m.meta.title))
    cache = WalkCache(walk_cache) if walk_cache is not None else None
    scenarios, scenario_problems = load_scenarios(root, library.skills, declared, cache)
    library.scenarios = [scenario for scenario, _path in scenarios]
    library.problems.extend(scenario_problems)
    loaded = {path for _scenario, path in scenarios}
    broken_calls = {salvaged_id(path, path.stem) for path in _scenario_files(root) if path not in loaded}
    library.course, course_problems = load_course(root, declared,
                                                  {s.id for s in library.scenarios} | broken_calls)
    library.problems.extend(course_problems)
    if library.course is not None:
        library.warnings.extend(pass_mark_warnings(library.course, library.modules))
    if (root / RULES_FILE).is_file():
        library.coach, coach_problems = check_rules(root / RULES_FILE, cache, assets)
        library.problems.extend(coach_problems)
    if cache is not None:
        cache.save()
    return library


def _has_module_file(folder: Path) -> bool:
    """A folder with a module.yaml, including one that cannot be read (a broken link is reported,
    not silently skipped)."""
    try:
        return folder.is_dir() and ((folder / MODULE_FILE).is_file() or (folder / MODULE_FILE).is_symlink())
    except OSError:
        return False


def _scenario_files(root: Path) -> list[Path]:
    from workbook.core.scenario import SCENARIO_FOLDER

    folder = root / SCENARIO_FOLDER
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def salvaged_id(path: Path, fallback_name: str) -> str:
    """The `id:` of a file that failed to load, read from its text; else its name without the
    number prefix ('02-empathy' -> 'empathy')."""
    try:
        found = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace")[:200_000])
    except OSError:
        found = None
    return found.group(1) if found else _NUMBERED.sub("", fallback_name)


def _load_skills(path: Path, problems: list[Problem]) -> dict[str, str]:
    if not path.is_file():
        return {}
    located, found = read_mapping(path, "skills", "expected 'skill-id: Label' lines")
    problems.extend(found)
    if located is None:
        return {}
    return {str(key): str(value) for key, value in located.data.items()}


def _load_meta(path: Path) -> tuple[LocatedYaml | None, ModuleMeta | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        located = load_yaml_file(path)
    except YamlError as error:
        return None, None, [Problem(path, error.line, "yaml", str(error))]
    except UnicodeDecodeError as error:
        return None, None, [Problem(path, 1, "file", f"not UTF-8 text ({error.reason})")]
    except OSError as error:
        return None, None, [Problem(path, 1, "file", f"cannot read: {error.strerror or error}")]
    if not isinstance(located.data, dict):
        return located, None, [Problem(path, 1, "module", "expected a mapping of fields")]
    try:
        return located, schemas.validate(schemas.ModuleMeta, located.data), problems
    except ValidationError as error:
        return located, None, problems_from_error(error, path, located, schemas.ModuleMeta, label="module")


def _check_ids_and_links(candidates: list, skills: dict[str, str], declared: set[str]) -> None:
    first_seen: dict[str, Path] = {}
    for folder, located, meta, problems in candidates:
        if meta is None:
            continue
        path = folder / MODULE_FILE
        if meta.id in first_seen:
            other = first_seen[meta.id]
            problems.append(
                Problem(path, located.line_of(("id",)), "id",
                        f"duplicate id '{meta.id}', already used by {other.parent.name}/{MODULE_FILE}")
            )
        else:
            first_seen[meta.id] = path
    for folder, located, meta, problems in candidates:
        if meta is None:
            continue
        path = folder / MODULE_FILE
        for index, prerequisite in enumerate(meta.prerequisites):
            if prerequisite not in first_seen and prerequisite not in declared:
                problems.append(Problem(path, located.line_of(("prerequisites", index)),
                                        "prerequisites", f"unknown module '{prerequisite}'"))
            elif prerequisite == meta.id:
                problems.append(Problem(path, located.line_of(("prerequisites", index)),
                                        "prerequisites", "a module cannot require itself"))
        if skills:
            for index, skill in enumerate(meta.skills):
                if skill not in skills:
                    problems.append(Problem(path, located.line_of(("skills", index)), "skills",
                                            f"unknown skill '{skill}' (see {SKILLS_FILE})"))


def _load_sections(folder: Path, assets: Path, problems: list[Problem]) -> list[Section]:
    sections: list[Section] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.md")):
        match = _SECTION_NAME.match(path.name)
        if not match:
            problems.append(Problem(path, 1, "file name",
                                    "name sections 'NN-slug.md' (e.g. '01-the-listening-loop.md')"))
            continue
        section_id = match.group(2)
        if section_id in seen:
            problems.append(Problem(path, 1, "file name",
                                    f"section id '{section_id}' also used by {seen[section_id].name}"))
            continue
        seen[section_id] = path
        section = _load_section(path, section_id, folder, assets, problems)
        if section is not None:
            sections.append(section)
    if not seen:
        problems.append(Problem(folder / MODULE_FILE, 1, "sections",
                                "module has no section files ('NN-slug.md')"))
    return sections


def _load_section(path: Path, section_id: str, folder: Path, assets: Path,
                  problems: list[Problem]) -> Section | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(path, 1, "file", f"not UTF-8 text ({error.reason})"))
        return None
    except OSError as error:
        problems.append(Problem(path, 1, "file", f"cannot read: {error.strerror}"))
        return None
    lines = text.splitlines()
    first = next(((n, line) for n, line in enumerate(lines, 1) if line.strip()), None)
    if first is None:
        problems.append(Problem(path, 1, "section", "section is empty"))
        return None
    title_match = _TITLE.match(first[1].strip())
    if not title_match:
        problems.append(Problem(path, first[0], "title",
                                "the first line must be the section title, e.g. '# The listening loop'"))
        return None
    body = "\n".join(lines[first[0]:]).strip()
    words = count_words(body)
    if words == 0:
        problems.append(Problem(path, first[0], "section",
                                "section is empty: add text below the title"))
    for fault in callout_faults(text):
        problems.append(Problem(path, fault.line, "callout", fault.message))
    for line, source in image_references(text):
        if resolve_image(source, folder, assets) is None:
            problems.append(Problem(path, line, "image",
                                    f"image '{source}' not found in {folder.name}/ or assets/"))
    return Section(id=section_id, title=title_match.group(1).strip(), path=path,
                   markdown=text, words=word_count(text), phrases=tuple(say_bullets(text)))
