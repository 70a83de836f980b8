"""Shared fixtures: a real SQLite file in a temp folder (or, for tests marked `both_backends`, also a
database on a throwaway PostgreSQL server) and the real bundled content."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbook.core.content import Library  # noqa: E402
from workbook.core.loader import load_library  # noqa: E402
from workbook.paths import bundled_content_dir, database_path  # noqa: E402
from workbook.store.connection import open_database, open_database_url  # noqa: E402

BACKENDS = ("sqlite", "postgres")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_modal_message_box(monkeypatch):
    """A message box nobody planned for fails its test, naming its text, instead of waiting forever
    for a click (tests that expect one replace `dialogs.run_box` themselves, after this)."""
    from workbook.ui import dialogs

    def unexpected(box) -> None:
        raise AssertionError(f"an unexpected message box: {box.windowTitle()!r}: {box.text()!r}")

    monkeypatch.setattr(dialogs, "run_box", unexpected)


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled lessons, loaded once: tests read them, never change them."""
    loaded = load_library(bundled_content_dir())
    assert not loaded.all_problems(), loaded.all_problems()
    return loaded


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the bundled lessons (and the assets beside them) that a test may change or damage."""
    root = tmp_path / "lessons"
    shutil.copytree(bundled_content_dir(), root)
    shutil.copytree(bundled_content_dir().parent / "assets", tmp_path / "assets")
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "both_backends: run the test's `database` on SQLite and on PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only: in a both_backends module, a test of SQLite's file")


def pytest_generate_tests(metafunc) -> None:
    """A test marked `both_backends` that uses `database` runs once per backend."""
    marked = metafunc.definition.get_closest_marker
    if "backend" in metafunc.fixturenames and marked("both_backends") and not marked("sqlite_only"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator:
    """A PostgreSQL cluster for the session, with a template database migrated once; skipped (or, in
    CI, failed) with the reason when PostgreSQL is not installed."""
    import pg_kit

    try:
        cluster = pg_kit.Cluster()
    except (RuntimeError, KeyError, OSError) as error:
        pg_kit.unavailable(str(error))
    try:
        cluster.admin.execute(f"CREATE DATABASE {pg_kit.TEMPLATE}")
        open_database_url(cluster.url(pg_kit.TEMPLATE)).close()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def fresh_pg_url(pg_cluster) -> Iterator[str]:
    """The URL of a new, migrated database of the test's own on the session's PostgreSQL cluster."""
    import pg_kit

    name = pg_cluster.new_database(template=pg_kit.TEMPLATE)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(scope="session")
def _pg_shared(pg_cluster) -> list[str]:
    import pg_kit

    return [pg_cluster.new_database(template=pg_kit.TEMPLATE)]


@pytest.fixture
def pg_url(pg_cluster, _pg_shared) -> str:
    """The URL of an empty, migrated database on the session's PostgreSQL cluster: one database
    emptied before each test (a new copy of the template costs about half a second)."""
    import pg_kit

    if not pg_cluster.emptied(_pg_shared[0]):  # a connection left open: start another one
        _pg_shared[0] = pg_cluster.new_database(template=pg_kit.TEMPLATE)
    return pg_cluster.url(_pg_shared[0])


@pytest.fixture
def database_args(database, backend: str, data_dir: Path, request) -> list[str]:
    """The command-line options that open the test's `database`: its data folder, and on
    PostgreSQL `--database URL` as well."""
    folder = ["--data-dir", str(data_dir)]
    return [*folder, "--database", request.getfixturevalue("pg_url")] if backend == "postgres" else folder


@pytest.fixture
def database(data_dir: Path, backend: str, request) -> Iterator:
    """A fresh, migrated database bound to the store's models: a file in the test's data folder, or
    (backend "postgres") a database of its own on the session's PostgreSQL cluster."""
    if backend == "postgres":
        db = open_database_url(request.getfixturevalue("pg_url"))
    else:
        db = open_database(database_path(data_dir))
    yield db
    db.close()


@pytest.fixture
def complete_everything():
    """A function that makes a learner eligible: every section read, every quiz passed with full
    marks, and every practice call played with the best replies (through the real store)."""
    import random
    from datetime import UTC, datetime, timedelta

    from workbook.core.attempt import draw_attempt, grade
    from workbook.core.call_engine import choose, current_node, offered_replies, start_call
    from workbook.core.debrief import debrief
    from workbook.core.reading import word_count
    from workbook.core.scenario import Rating
    from workbook.core.scoring import right_response
    from workbook.store import activity, practice_calls, quiz_attempts

    def complete(library: Library, learner_id: str) -> None:
        # A learner's pace, on a clock that ends about now: each section stays on screen for the
        # reading rule's minimum, each answer and reply takes two seconds (eligibility checks times).
        clock = [datetime.now(UTC) - timedelta(hours=3)]

        def after(seconds: float) -> datetime:
            clock[0] += timedelta(seconds=seconds)
            return clock[0]

        rule = library.reading_rule
        for module in library.modules:
            for section in module.sections:
                seconds = rule.minimum_seconds(word_count(section.markdown))
                activity.record_section_read(learner_id, module.id, section.id, now=after(seconds))
            if module.quiz is not None:
                plan = draw_attempt(module.quiz, module.id, random.Random(1))
                attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan,
                                                                                 now=after(1)))
                for presented in plan.questions:
                    quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question),
                                                now=after(2))
                quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses), now=after(2))
        for scenario in library.scenarios:
            call = practice_calls.start_call(learner_id, scenario.id, now=after(1))
            state = start_call(scenario)
            while (node := current_node(scenario, state)) is not None:
                offered = offered_replies(scenario, state)
                pick = next((i for i in offered if node.replies[i].rating == Rating.BEST), offered[0])
                practice_calls.record_reply(call, state.at, pick, now=after(2))
                state = choose(scenario, state, pick)
            practice_calls.end_call(call, state.at, debrief(scenario, state), now=after(2))

    return complete


@pytest.fixture(scope="session")
def wrong_response():
    """A response that is wrong for any question type (the counterpart of scoring.right_response)."""
    from workbook.core.quiz import Matching, Ordering

    def wrong(question) -> list[int]:
        if isinstance(question, Ordering):
            return list(reversed(range(len(question.items))))
        if isinstance(question, Matching):
            size = len(question.pairs)
            return [(i + 1) % size for i in range(size)]
        return [next(i for i, option in enumerate(question.options) if not option.correct)]

    return wrong
