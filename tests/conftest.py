"""Shared fixtures: a real SQLite file in a temp folder and the real bundled content."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbook.core.content import Library  # noqa: E402
from workbook.core.loader import load_library  # noqa: E402
from workbook.paths import bundled_content_dir, database_path  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled lessons, loaded once: tests read them, never change them."""
    loaded = load_library(bundled_content_dir())
    assert not loaded.all_problems(), loaded.all_problems()
    return loaded


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def database(data_dir: Path) -> Iterator:
    """A fresh, migrated database file bound to the store's models."""
    db = open_database(database_path(data_dir))
    yield db
    db.close()


@pytest.fixture
def complete_everything():
    """A function that makes a learner eligible: every section read, every quiz passed with full
    marks, and every practice call played with the best replies (through the real store)."""
    import random

    from workbook.core.attempt import draw_attempt, grade
    from workbook.core.call_engine import choose, current_node, offered_replies, start_call
    from workbook.core.debrief import debrief
    from workbook.core.scenario import Rating
    from workbook.core.scoring import right_response
    from workbook.store import activity, practice_calls, quiz_attempts

    def complete(library: Library, learner_id: str) -> None:
        for module in library.modules:
            for section in module.sections:
                activity.record_section_read(learner_id, module.id, section.id)
            if module.quiz is not None:
                plan = draw_attempt(module.quiz, module.id, random.Random(1))
                attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan))
                for presented in plan.questions:
                    quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question))
                quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses))
        for scenario in library.scenarios:
            call = practice_calls.start_call(learner_id, scenario.id)
            state = start_call(scenario)
            while (node := current_node(scenario, state)) is not None:
                offered = offered_replies(scenario, state)
                pick = next((i for i in offered if node.replies[i].rating == Rating.BEST), offered[0])
                practice_calls.record_reply(call, state.at, pick)
                state = choose(scenario, state, pick)
            practice_calls.end_call(call, state.at, debrief(scenario, state))

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
