"""The loaded library is kept in the data folder: a start with unchanged content reads it instead of
the files, any change to a content file is seen, and a damaged or tampered cache is ignored (the
files are read, nothing crashes, nothing the cache names is run)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from workbook.core import content_cache
from workbook.core.coach import coach_reply
from workbook.core.content_cache import LazyPattern, cached_library, load_library_cached
from workbook.core.loader import load_library
from workbook.paths import content_cache_path


@pytest.fixture
def content(content_copy: Path) -> Path:
    return content_copy


@pytest.fixture
def loads(monkeypatch) -> list[Path]:
    """The content folders the real loader read (a cache hit reads none)."""
    read: list[Path] = []
    import workbook.core.loader as loader

    real = loader.load_library

    def counting(root, *args, **kwargs):
        read.append(Path(root))
        return real(root, *args, **kwargs)

    monkeypatch.setattr(loader, "load_library", counting)
    return read


def _summary(library) -> tuple:
    return ([(m.id, m.title, [(s.id, s.markdown) for s in m.sections], m.quiz) for m in library.modules],
            [s.id for s in library.scenarios], library.course, library.skills, library.all_problems(),
            [u.id for u in library.unavailable])


def test_a_second_load_comes_from_the_cache_and_equals_a_fresh_load(content, tmp_path, loads):
    data = tmp_path / "data"
    first = load_library_cached(content, data)
    assert loads == [content] and content_cache_path(data, content).is_file()
    second = load_library_cached(content, data)
    assert loads == [content]  # nothing read the second time
    assert _summary(second) == _summary(first) == _summary(load_library(content))
    assert second.scenarios[0] == first.scenarios[0]


def test_the_start_takes_the_library_from_the_cache_only_while_nothing_changed(content, tmp_path, loads):
    """The window asks the cache first on the GUI thread; a miss reads no content file there."""
    data = tmp_path / "data"
    assert cached_library(content, data) is None  # no cache yet
    first = load_library_cached(content, data)
    assert _summary(cached_library(content, data)) == _summary(first)
    module = next(p for p in sorted(content.iterdir()) if (p / "module.yaml").is_file())
    section = sorted(module.glob("*.md"))[0]
    os.utime(section, ns=(section.stat().st_atime_ns, section.stat().st_mtime_ns + 10_000_000))
    assert cached_library(content, data) is None
    assert loads == [content]  # only the first full load read files


def test_the_coach_from_the_cache_judges_replies_as_the_loaded_one_does(content, tmp_path):
    data = tmp_path / "data"
    fresh = load_library_cached(content, data)
    cached = load_library_cached(content, data)
    assert isinstance(cached.coach.rules[0].matchers[0], LazyPattern)
    reply = "I'm sorry, I understand how frustrating this is. Let me check that for you right now."
    assert coach_reply(reply, cached.coach).to_payload() == coach_reply(reply, fresh.coach).to_payload()


def test_a_start_from_the_cache_builds_the_coach_only_when_it_is_used(content, tmp_path):
    """The coach's hundreds of rules are not needed for the home page: a start from the cache leaves
    them in the file (checked with the rest) until the coach is asked for, then has the same coach."""
    import subprocess
    import sys

    data = tmp_path / "data"
    fresh = load_library_cached(content, data)
    child = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workbook.core.content_cache import cached_library\n"
        "library = cached_library(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "coach = lambda: sorted(m for m in sys.modules if m.startswith('workbook.core.coach'))\n"
        "print(coach())\n"
        "print(len(library.coach.rules), coach())\n"
    )
    done = subprocess.run([sys.executable, "-c", child, str(content), str(data)], capture_output=True,
                          text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    before, after = done.stdout.splitlines()
    assert before == "[]"
    assert after.startswith(f"{len(fresh.coach.rules)} ") and "workbook.core.coach_model" in after
    cached = load_library_cached(content, data)
    assert cached == fresh and fresh == cached  # the coach included, built on the way
    assert cached.coach == fresh.coach


def test_an_edited_section_is_read_again(content, tmp_path, loads):
    data = tmp_path / "data"
    load_library_cached(content, data)
    module = next(p for p in sorted(content.iterdir()) if (p / "module.yaml").is_file())
    section = sorted(module.glob("*.md"))[0]
    section.write_text(section.read_text(encoding="utf-8") + "\nA line a trainer added.\n", encoding="utf-8")
    os.utime(section, ns=(section.stat().st_atime_ns, section.stat().st_mtime_ns + 10_000_000))
    library = load_library_cached(content, data)
    assert len(loads) == 2
    assert any("A line a trainer added." in s.markdown for m in library.modules for s in m.sections)


def test_a_new_broken_file_is_reported_not_hidden_by_the_cache(content, tmp_path):
    data = tmp_path / "data"
    assert load_library_cached(content, data).problems == []
    (content / "practice-calls" / "zz-broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    problems = load_library_cached(content, data).all_problems()
    assert any(p.path.name == "zz-broken.yaml" for p in problems)


def _write_raw(path: Path, key: str, payload: bytes) -> None:
    import hashlib

    checksum = hashlib.sha256(payload).hexdigest().encode()
    path.write_bytes(b"workbook-content-cache\n" + key.encode() + b"\n" + checksum + b"\n" + payload)


class _Runs:
    """Unpickling this would call os.system: a cache must never do that."""

    def __reduce__(self):
        return os.system, ("touch pwned",)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "tampered", "not-a-library"])
def test_a_damaged_or_tampered_cache_is_ignored_and_replaced(content, tmp_path, loads, damage, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    expected = _summary(load_library_cached(content, data))
    path = content_cache_path(data, content)
    key = content_cache.content_key(content, content.parent / "assets")
    blob = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xffnot a cache at all")
    elif damage == "truncated":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped":
        middle = len(blob) // 2
        path.write_bytes(blob[:middle] + bytes([blob[middle] ^ 0xFF]) + blob[middle + 1:])
    elif damage == "tampered":  # a valid checksum over a payload that names a function to run
        _write_raw(path, key, pickle.dumps(_Runs()))
    else:
        _write_raw(path, key, pickle.dumps({"modules": []}))
    library = load_library_cached(content, data)
    assert _summary(library) == expected and len(loads) == 2
    assert not (tmp_path / "pwned").exists()
    assert load_library_cached(content, data) is not None and len(loads) == 2  # the cache was rewritten


def test_a_cache_that_cannot_be_written_is_simply_not_kept(content, tmp_path, loads):
    data = tmp_path / "data"
    data.mkdir()
    (data / "cache").write_text("a file where the cache folder would go", encoding="utf-8")
    first = load_library_cached(content, data)
    second = load_library_cached(content, data)
    assert len(loads) == 2 and _summary(first) == _summary(second)
