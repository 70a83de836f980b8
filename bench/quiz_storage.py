"""Database size for a learner with many quiz attempts: each question stored once (schema v9)
against the same attempts with a full copy of the quiz in every attempt-start row (as before v9).

Both databases get the same attempts (every module's quiz, every question answered, submitted),
written through the store; the "full copies" one has the v9 compaction switched off, which is
exactly what a workbook before v9 wrote. Sizes are after VACUUM. Usage:
python bench/quiz_storage.py [ATTEMPTS_PER_MODULE]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbook.core.attempt import draw_attempt, grade  # noqa: E402
from workbook.core.loader import load_library  # noqa: E402
from workbook.paths import bundled_content_dir, database_path  # noqa: E402
from workbook.store import activity, quiz_attempts  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402
from workbook.store.learners import create_learner  # noqa: E402


def fill(folder: Path, library, per_module: int) -> int:
    """Every module's quiz taken `per_module` times; returns the attempts written."""
    db = open_database(database_path(folder))
    learner = create_learner("Many Attempts")
    rng, at, count = random.Random(7), datetime(2026, 1, 5, 9, 0, tzinfo=UTC), 0
    for round_ in range(per_module):
        for module in library.modules:
            if module.quiz is None:
                continue
            plan = draw_attempt(module.quiz, module.id, random.Random(round_ * 100 + count))
            attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner.id, plan, now=at))
            for presented in plan.questions:
                at += timedelta(seconds=20)
                choice = rng.randrange(len(presented.order))
                quiz_attempts.record_answer(attempt, presented.id, [choice], now=at)
            result = grade(plan, attempt.responses)
            quiz_attempts.submit_attempt(attempt, result, now=at + timedelta(seconds=5))
            at += timedelta(hours=3)
            count += 1
    db.close()
    connection = sqlite3.connect(database_path(folder))
    connection.execute("VACUUM")
    connection.close()
    return count


def payload_bytes(folder: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(database_path(folder))
    try:
        total, rows = connection.execute("SELECT sum(length(payload)), count(*) FROM activity").fetchone()
        bodies = connection.execute("SELECT coalesce(sum(length(body)), 0) FROM quiz_question").fetchone()[0]
    finally:
        connection.close()
    return total, rows, bodies


def main(per_module: int = 30) -> None:
    library = load_library(bundled_content_dir())
    base = Path(tempfile.mkdtemp(prefix="bench-quiz-storage-"))
    compact, full = base / "v9", base / "full"
    compact.mkdir()
    full.mkdir()
    attempts = fill(compact, library, per_module)
    real = activity.compact_payload
    activity.compact_payload = lambda verb, text: text  # what a workbook before v9 stored
    try:
        fill(full, library, per_module)
    finally:
        activity.compact_payload = real
    print(f"learner with {attempts} quiz attempts ({per_module} per module), sizes after VACUUM:")
    for label, folder in (("full copy per attempt (before v9)", full),
                          ("questions stored once (v9)", compact)):
        size = database_path(folder).stat().st_size
        total, rows, bodies = payload_bytes(folder)
        print(f"  {label:34s} file {size / 1024:8.0f} KiB; {rows} activity rows, payloads "
              f"{total / 1024:7.0f} KiB, question bodies {bodies / 1024:5.0f} KiB")
    before, after = (database_path(f).stat().st_size for f in (full, compact))
    print(f"file size after / before: {after / before:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
