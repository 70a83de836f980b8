"""Opening a cohort's dashboard in the trainer view against an independent bare SQL baseline.

Goal (issue 18): at 2,000 learners / ~1M activity rows, table and chart painted in at most 150 ms and
at most 2.5x the bare queries, the first open included; at 10,000 learners / ~5M rows, at most 2x.

The database (built once, cached in the temp folder, keyed by VERSION, size and schema version):
one cohort of 2,000 learners with full histories: every section read (some twice), several quiz
attempts per module with a real plan, answers and a graded submission, practice calls walked
through the real call engine with every reply and a real debrief, and certificates for the
learners who finished: about a million activity rows, in time order across learners (as a shared
training-room computer writes them), through the real schema so the insert triggers keep the
per-learner totals as the app would (--check compares them with `rebuild_totals`). The 10,000-learner
database is four more copies of those learners and their rows under new ids (see `derive`).

Each side runs in its own fresh process, alternating, RUNS times:
  bare:     Python's sqlite3 module alone, hand-written SQL for the same figures over the same tables
            (not the store's queries), every row fetched: the first run, then WARM more;
  workbook: the real window and navigator; the trainer view opened for the first time (passphrase
            accepted) until the learner matrix and the skills chart have both painted (offscreen),
            then the cohort opened WARM more times.
Figures are medians over the runs; ratios are taken pair by pair (first against first, again
against again). Usage: python bench/dashboard.py [RUNS] [--learners 2000|10000] [--rebuild]
[--database postgresql://...] (the last needs the store's PostgreSQL support).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbook.core.activity import Verb, section_object_id  # noqa: E402
from workbook.core.attempt import draw_attempt, grade  # noqa: E402
from workbook.core.call_engine import choose, current_node, offered_replies, start_call  # noqa: E402
from workbook.core.content import Library  # noqa: E402
from workbook.core.debrief import debrief  # noqa: E402
from workbook.core.loader import load_library  # noqa: E402
from workbook.core.scenario import Rating  # noqa: E402
from workbook.core.scoring import right_response  # noqa: E402
from workbook.paths import bundled_content_dir  # noqa: E402
from workbook.store import migrations  # noqa: E402
from workbook.store.clock import utc_now_text  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402
from workbook.store.dashboard import (  # noqa: E402
    rebuild_totals,
    skill_bar,
)
from workbook.store.practice_calls import call_object_id  # noqa: E402
from workbook.store.quiz_attempts import quiz_object_id  # noqa: E402

VERSION = "dashboard-bench-5"  # bump when the generator changes, so a stale cache is not reused
LEARNERS = 2000
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
COHORT_ID = "bench-cohort"
GOAL_MS, GOAL_RATIO = 300.0, 2.0


def dumps(value: object) -> str:
    import json

    return json.dumps(value, sort_keys=True, ensure_ascii=False)


# -- the synthetic cohort ------------------------------------------------------------------------

def quiz_templates(library: Library, rng: random.Random) -> dict[str, list[dict]]:
    """Per module, a few real attempt plans, each with answer payloads and graded results."""
    templates: dict[str, list[dict]] = {}
    for module in library.modules:
        if module.quiz is None:
            continue
        plans = []
        for seed in range(4):
            plan = draw_attempt(module.quiz, module.id, random.Random(seed))
            variants = []
            for share_right in (0.4, 0.7, 0.9, 1.0):
                responses = {}
                for presented in plan.questions:
                    right = right_response(presented.question)
                    responses[presented.id] = right if rng.random() < share_right else wrong_response(
                        presented.question, right)
                result = grade(plan, responses)
                answers = [dumps({"question_id": qid, "response": list(resp), "checked": False})
                           for qid, resp in responses.items()]
                submitted = dumps({"percent": result.percent, "passed": result.passed,
                                   "by_skill": result.by_skill(), "reason": "submitted"})
                variants.append((answers, submitted, result.percent))
            plans.append({"start": dumps(plan.to_payload()), "variants": variants})
        templates[module.id] = plans
    return templates


def wrong_response(question, right: list[int]) -> list[int]:
    options = getattr(question, "options", None)
    if options is None:
        return list(reversed(right))  # ordering, matching: everything out of place
    wrong = [i for i, option in enumerate(options) if not option.correct]
    return wrong[:1] or [0]


def call_templates(library: Library, rng: random.Random) -> dict[str, list[dict]]:
    """Per scenario, real walks through the call engine (from careless to best replies)."""
    templates: dict[str, list[dict]] = {}
    for scenario in library.scenarios:
        walks = []
        for care in (0.2, 0.5, 0.8, 0.95, 1.0, 1.0):
            state = start_call(scenario)
            replies = []
            while (node := current_node(scenario, state)) is not None and len(replies) < 40:
                offered = offered_replies(scenario, state)
                best = [i for i in offered if node.replies[i].rating == Rating.BEST]
                pick = best[0] if best and rng.random() < care else rng.choice(offered)
                payload = dumps({"turn": len(replies) + 1, "node": state.at, "reply": pick,
                                 "replayed": False})
                replies.append(payload + "\x00" + f"{call_object_id(scenario.id)}/{state.at}")
                state = choose(scenario, state, pick)
            report = debrief(scenario, state)
            outcome = {"ending": state.at, "kind": str(report.ending.kind) if report.ending else None,
                       "skills": report.skills, "csat": report.csat, "fcr": report.fcr,
                       "seconds": report.seconds, "best_choices": report.best_choices,
                       "turns": len(report.turns)}
            strong = bool(report.ending and report.ending.kind.strong)
            walks.append({"start": dumps({"scenario_id": scenario.id, "replayed_from": None, "prefix": 0}),
                          "replies": replies, "end": dumps(outcome), "strong": strong})
        templates[scenario.id] = walks
    return templates


def learner_history(library: Library, learner_id: str, quizzes: dict, calls: dict, device: str,
                    rng: random.Random) -> list[tuple]:
    """One learner's rows: reading, quizzes and calls spread over weeks; some stall early."""
    rows: list[tuple] = []
    moment = NOW - timedelta(days=rng.uniform(40, 120))
    stall_after = rng.random() < 0.12  # these stop part-way, weeks ago
    keen = rng.random()

    def row(verb: Verb, object_id: str, module_id: str | None, attempt_id: str | None, payload: str) -> None:
        nonlocal moment
        moment += timedelta(seconds=rng.randint(5, 90))
        rows.append((uuid.uuid4().hex, learner_id, str(verb), module_id, object_id, attempt_id, payload,
                     utc_now_text(moment), device))

    practised: set[str] = set()
    for index, module in enumerate(library.modules):
        if stall_after and index >= 3:
            break
        moment += timedelta(days=rng.uniform(0.5, 6), hours=rng.uniform(0, 3))
        for section in module.sections:
            for _ in range(2 if rng.random() < 0.35 else 1):
                row(Verb.SECTION_READ, section_object_id(module.id, section.id), module.id, None, "{}")
        for attempt in range(rng.choice((1, 2, 2, 3, 3, 4)) if module.id in quizzes else 0):
            plan = rng.choice(quizzes[module.id])
            skill = min(3, int(keen * 3 + attempt + rng.random()))
            answers, submitted, _percent = plan["variants"][skill]
            attempt_id = uuid.uuid4().hex
            row(Verb.ATTEMPT_STARTED, quiz_object_id(module.id), module.id, attempt_id, plan["start"])
            for answer in answers + rng.sample(answers, k=min(2, len(answers))):  # a few changed answers
                question_id = answer.split('"question_id": "', 1)[1].split('"', 1)[0]
                row(Verb.ANSWER_GIVEN, f"{quiz_object_id(module.id)}/{question_id}", module.id, attempt_id,
                    answer)
            row(Verb.ATTEMPT_SUBMITTED, quiz_object_id(module.id), module.id, attempt_id, submitted)
        for scenario in library.scenarios_for(module.id):
            if scenario.id in practised:
                continue  # a scenario shared by modules is practised with the first of them
            practised.add(scenario.id)
            for attempt in range(rng.choice((1, 1, 2, 2, 3))):
                walk = calls[scenario.id][min(5, int(keen * 4 + attempt + rng.random()))]
                call_id = uuid.uuid4().hex
                row(Verb.CALL_STARTED, call_object_id(scenario.id), None, call_id, walk["start"])
                for reply in walk["replies"]:
                    payload, object_id = reply.split("\x00")
                    row(Verb.REPLY_CHOSEN, object_id, None, call_id, payload)
                row(Verb.CALL_ENDED, call_object_id(scenario.id), None, call_id, walk["end"])
    if not stall_after and keen > 0.55:
        certificate = f"WB-2026-{learner_id[:4].upper()}-{learner_id[4:8].upper()}"
        row(Verb.CERTIFICATE_ISSUED, "certificate/difficult-calls-foundation", None, certificate,
            dumps({"certificate_id": certificate, "key_id": "bench", "fields": {}, "file": "x.pdf"}))
    return [r for r in rows if r[7] <= utc_now_text(NOW)]


def build(path: Path, library: Library, learners_wanted: int = LEARNERS, check: bool = False) -> None:
    """Rows are made and inserted 2,000 learners at a time (about a million rows, in time order
    across those learners), so 10,000 learners do not hold five million rows in memory.

    The activity table's insert triggers and secondary indexes are set aside while the rows go in
    (row by row they cost about twenty times the insert itself); then the indexes are made again and
    the per-learner totals computed by the store's own `rebuild_totals`, which the tests hold equal
    to what the triggers keep. With `check`, the rows go in through the triggers instead and their
    totals are compared with a rebuild (slow: many minutes for a million rows)."""
    rng = random.Random(20261123)
    quizzes, calls = quiz_templates(library, rng), call_templates(library, rng)
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    db = open_database(partial)  # the real schema, through every migration step
    connection = db.connection()
    bulk_pragmas(connection)
    started = time.perf_counter()
    set_aside = [] if check else connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'activity' AND sql IS NOT NULL AND "
        "(type = 'index' OR (type = 'trigger' AND sql LIKE '%AFTER INSERT%'))").fetchall()
    with connection:
        for kind, name, _ in set_aside:
            connection.execute(f"DROP {kind.upper()} {name}")
        connection.execute("INSERT INTO cohort (id, name, created_at) VALUES (?, ?, ?)",
                           (COHORT_ID, "Bench cohort", utc_now_text(NOW - timedelta(days=130))))
    total = 0
    for first in range(0, learners_wanted, 2000):
        learners, rows = [], []
        for n in range(first, min(first + 2000, learners_wanted)):
            learner_id = uuid.UUID(int=rng.getrandbits(128), version=4).hex
            created = utc_now_text(NOW - timedelta(days=130))
            learners.append((learner_id, f"Learner {n:05d} {rng.choice('ABCDEFGHJKLMNPRSTUVWZ')}",
                             f"E-{10000 + n}", f"learner{n}@example.com", created))
            rows.extend(learner_history(library, learner_id, quizzes, calls, f"device-{n % 12}", rng))
        rows.sort(key=lambda r: r[7])  # time order across learners, as they were written
        with connection:
            connection.executemany("INSERT INTO learner (id, display_name, employee_id, email, created_at) "
                                   "VALUES (?, ?, ?, ?, ?)", learners)
            connection.executemany("INSERT INTO cohort_member (cohort_id, learner_id, added_at) "
                                   "VALUES (?, ?, ?)", [(COHORT_ID, one[0], one[4]) for one in learners])
        for start in range(0, len(rows), 100_000):
            with connection:
                connection.executemany("INSERT INTO activity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       rows[start:start + 100_000])
        total += len(rows)
        print(f"  {first + len(learners):,} learners, {total:,} rows", flush=True)
    rows = range(total)
    if set_aside:
        with connection:
            for kind, _, sql in set_aside:
                if kind == "index":
                    connection.execute(sql)
        rebuild_totals()
        with connection:
            for kind, _, sql in set_aside:
                if kind == "trigger":
                    connection.execute(sql)
    built = time.perf_counter() - started
    if check:
        check_totals(connection)
    connection.execute("PRAGMA journal_mode = WAL")  # as the app keeps it
    db.close()
    os.replace(partial, path)
    print(f"built {len(rows):,} activity rows for {learners_wanted:,} learners in "
          f"{built:.0f} s: {path} ({path.stat().st_size / 1e6:.0f} MB)")


def check_totals(connection: sqlite3.Connection) -> None:
    """The totals the triggers kept while inserting must equal a rebuild from the activity rows."""
    for table in migrations.SUMMARY_TABLES:
        connection.execute(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    rebuild_totals()
    for table in migrations.SUMMARY_TABLES:
        differ = sum(connection.execute(f"SELECT count(*) FROM (SELECT * FROM {one} EXCEPT SELECT * FROM "
                                        f"{other})").fetchone()[0]
                     for one, other in ((table, f"kept_{table}"), (f"kept_{table}", table)))
        if differ:
            raise SystemExit(f"{table}: {differ} rows kept by the triggers differ from a rebuild")
        connection.execute(f"DROP TABLE kept_{table}")
    print("totals kept by the insert triggers equal a rebuild from the activity rows")


def derive(source: Path, path: Path, learners: int) -> None:
    """A larger cohort from the 2,000-learner database: copies of its learners (new ids, names and
    employee ids) with their whole histories, the activity rows of each copy in the same time order
    as the originals, inserted in bulk. The insert triggers are paused meanwhile and the per-learner
    totals and pace tables are copied with the rows, so they are the totals of the copied rows
    (generating and inserting row by row with the triggers would take an hour for five million rows)."""
    partial = path.with_name(path.name + ".partial")
    started = time.perf_counter()
    shutil.copyfile(source, partial)
    connection = sqlite3.connect(partial, isolation_level=None)
    bulk_pragmas(connection)
    triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                  "AND sql LIKE '%AFTER INSERT%'").fetchall()  # totals feed totals too
    tables = ["learner", "cohort_member", *migrations.SUMMARY_TABLES, migrations.DASHBOARD_SUMMARY,
              *migrations.PACE_TABLES, "activity"]
    # Secondary indexes are dropped for the copy and made again after it: building an index by
    # sorting millions of rows once is far faster than keeping it in order row by row.
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
        f"({', '.join('?' * len(tables))})", tables).fetchall()
    copies = learners // LEARNERS - 1
    connection.execute("BEGIN")
    for name, _ in triggers:
        connection.execute(f"DROP TRIGGER {name}")
    for name, _ in indexes:
        connection.execute(f"DROP INDEX {name}")
    connection.execute(
        "CREATE TEMP TABLE copy_map AS WITH copies (number) AS (VALUES "
        + ", ".join(f"({n})" for n in range(1, copies + 1)) + ") "
        "SELECT l.id AS old, lower(hex(randomblob(16))) AS new, c.number AS number "
        "FROM learner AS l, copies AS c")
    connection.execute("CREATE INDEX temp.copy_map_old ON copy_map (old, number)")
    special = {
        "learner_id": "m.new", "attempt_id": "t.attempt_id || '.' || m.number",
        "certificate_id": "t.certificate_id || '.' || m.number",
    }
    learner_columns = {
        "id": "m.new",
        "display_name": f"'Learner ' || printf('%05d', CAST(substr(t.display_name, 9, 5) AS INTEGER) "
                        f"+ {LEARNERS} * m.number) || substr(t.display_name, 14)",
        "employee_id": f"'E-' || (CAST(substr(t.employee_id, 3) AS INTEGER) + {LEARNERS} * m.number)",
        "email": "'copy' || m.number || '.' || t.email",
    }
    for table in tables:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        key = "id" if table == "learner" else "learner_id"
        chosen = learner_columns if table == "learner" else special | (
            {"id": "t.id || '.' || m.number"} if table == "activity" else {})
        values = ", ".join(chosen.get(column, f"t.{column}") for column in columns)
        order = " ORDER BY m.number, t.rowid" if table == "activity" else ""
        connection.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} FROM {table} AS t "
                           f"JOIN copy_map AS m ON m.old = t.{key}{order}")
    for _, sql in (*indexes, *triggers):
        connection.execute(sql)
    connection.execute("COMMIT")
    count = connection.execute("SELECT count(*) FROM activity").fetchone()[0]
    connection.execute("PRAGMA journal_mode = WAL")  # as the app keeps it
    connection.close()
    os.replace(partial, path)
    took = time.perf_counter() - started
    print(f"built {count:,} activity rows for {learners:,} learners in {took:.0f} s: {path} "
          f"({path.stat().st_size / 1e6:.0f} MB)")


def bulk_pragmas(connection: sqlite3.Connection) -> None:
    """For building the bench database only: no journal and no syncing (a build that fails is thrown
    away whole), and a large page cache, so big transactions stay in memory."""
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -1000000")  # about 1 GB
    connection.execute("PRAGMA temp_store = MEMORY")


def cached_database(library: Library, rebuild: bool, learners: int = LEARNERS, check: bool = False) -> Path:
    folder = Path(tempfile.gettempdir()) / f"workbook-{VERSION}-{learners}-schema{migrations.CURRENT_VERSION}"
    path = folder / "workbook.sqlite"
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building the synthetic cohort (once; cached in {folder}) ...", flush=True)
        if learners > LEARNERS:
            derive(cached_database(library, False, LEARNERS), path, learners)
        else:
            build(path, library, learners, check)
    return path


# -- the two sides, each a fresh process -------------------------------------------------------

# The workbook as the trainer meets it: the real window and navigator on the bench database, the
# trainer view opened (passphrase accepted) and the cohort shown. Timed from the trainer's request
# until the matrix and the chart have both painted (offscreen), first open included; then WARM more
# openings of the same cohort in the same process. Prints one JSON line of milliseconds.
APP_CHILD = r"""
import json, os, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from workbook.core.loader import load_library
from workbook.paths import bundled_assets_dir, bundled_content_dir
from workbook.store.connection import open_database
from workbook.ui.main_window import MainWindow
from workbook.ui.navigator import Navigator
from workbook.ui.trainer import passphrase_dialog

path, warm = Path(sys.argv[1]), int(sys.argv[2])
app = QApplication([])
if os.environ.get("WORKBOOK_DATABASE"):  # --database: the server, through the store's URL seam
    from workbook.store.connection import open_database_url
    open_database_url(os.environ["WORKBOOK_DATABASE"])
    path = Path(tempfile.mkdtemp()) / "unused.sqlite"
else:
    open_database(path, full_check=False)
window = MainWindow()
navigator = Navigator(window, path.parent, bundled_assets_dir(), load_library(bundled_content_dir()))
navigator.start()
window.resize(1400, 900)
window.show()
passphrase_dialog.ask_trainer_passphrase = lambda parent: True
trainer = navigator.trainer
page = trainer.page
times, state = [], {"started": None, "table": False, "chart": False}

class Painted(QObject):
    def eventFilter(self, obj, event):
        if state["started"] is not None and event.type() == QEvent.Type.Paint and page.dashboard is not None:
            if obj is page.table.viewport() and state["shown"]:
                state["table"] = True
            elif page.chart is not None and obj is page.chart and state["drawn"]:
                state["chart"] = True
            if state["table"] and state["chart"]:
                times.append((time.perf_counter() - state["started"]) * 1000)
                state["started"] = None
                QTimer.singleShot(0, next_open)
        return False

watcher = Painted()
app.installEventFilter(watcher)
shown, drawn = page.show_dashboard, page._draw_chart
def show_dashboard(*args, **kwargs):
    state["shown"] = True
    shown(*args, **kwargs)
def draw_chart(*args, **kwargs):
    drawn(*args, **kwargs)
    state["drawn"] = True
page.show_dashboard, page._draw_chart = show_dashboard, draw_chart

def next_open():
    if len(times) > warm:
        print(json.dumps(times), flush=True)
        app.quit()
        return
    state.update(started=time.perf_counter(), table=False, chart=False, shown=False, drawn=False)
    if not times:
        window.trainer_requested.emit()  # the first open: passphrase, cohorts, the dashboard
    else:
        trainer.show_cohort(page.current_cohort())

QTimer.singleShot(300, next_open)  # once the window has painted and the content is in
QTimer.singleShot(120000, lambda: (print("timeout", times, flush=True), app.quit()))
app.exec()
"""

# The independent baseline: Python's sqlite3 module alone, hand-written SQL (not the store's) for the
# same figures over the same tables, all rows fetched. The first run in a fresh process (connecting
# included), then WARM more on the same connection. No Qt, no workbook import.
BARE_CHILD = r"""
import json, sqlite3, sys, time
path, warm, cohort = sys.argv[1], int(sys.argv[2]), sys.argv[3]
modules, quizzes, scenarios, skills, bar = (json.loads(a) for a in sys.argv[4:9])
def marks(values):
    return ",".join("?" * len(values))
QUERIES = [
    ("SELECT l.id, l.display_name, l.employee_id, l.email, l.archived_at, t.last_at, t.certificate_id"
     " FROM cohort_member m JOIN learner l ON l.id = m.learner_id"
     " LEFT JOIN learner_latest t ON t.learner_id = m.learner_id WHERE m.cohort_id = ?", [cohort]),
    ("SELECT r.learner_id, r.module_id, r.sections FROM cohort_member m JOIN learner_module_read r"
     f" ON r.learner_id = m.learner_id WHERE m.cohort_id = ? AND r.module_id IN ({marks(modules)})",
     [cohort, *modules]),
    ("SELECT q.learner_id, q.module_id, q.best FROM cohort_member m JOIN learner_quiz_best q"
     f" ON q.learner_id = m.learner_id WHERE m.cohort_id = ? AND q.module_id IN ({marks(quizzes)})",
     [cohort, *quizzes]),
    ("SELECT c.learner_id, count(*), sum(CASE WHEN c.strong_score >= ? THEN 1 ELSE 0 END)"
     " FROM cohort_member m JOIN learner_call_best c"
     f" ON c.learner_id = m.learner_id WHERE m.cohort_id = ? AND c.object_id IN ({marks(scenarios)})"
     " GROUP BY c.learner_id", [bar, cohort, *scenarios]),
    ("SELECT k.learner_id, k.skill, k.total / k.scores FROM cohort_member m JOIN learner_skill_total k"
     " ON k.learner_id = m.learner_id WHERE m.cohort_id = ? AND k.scores > 0"
     f" AND k.skill IN ({marks(skills)})",
     [cohort, *skills]),
    ("SELECT d.learner_id, d.kind, d.seconds FROM cohort_member m JOIN learner_pace_median d"
     " ON d.learner_id = m.learner_id WHERE m.cohort_id = ?", [cohort]),
    ("SELECT a.learner_id, a.kind, count(*) FROM cohort_member m JOIN learner_attempt_pace a"
     " ON a.learner_id = m.learner_id WHERE m.cohort_id = ? AND a.timed >= 3 AND a.too_fast * 2 >= a.timed"
     " GROUP BY a.learner_id, a.kind", [cohort]),
]
times = []
started = time.perf_counter()
connection = sqlite3.connect(path)  # opened once and kept, as the app keeps its connection
for _ in range(warm + 1):
    rows = [connection.execute(sql, values).fetchall() for sql, values in QUERIES]
    times.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
assert len(rows[0]) > 0, "no members"
print(json.dumps(times), flush=True)
"""

# The same baseline on PostgreSQL, psycopg alone (used with --database postgresql://...).
BARE_CHILD_PG = BARE_CHILD.replace("import json, sqlite3", "import json, psycopg, sqlite3").replace(
    "connection = sqlite3.connect(path)", "connection = psycopg.connect(path)").replace(
    '",".join("?" * len(values))', '",".join(["%s"] * len(values))').replace("= ?", "= %s")


def child(code: str, *arguments: str, database: str | None = None) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    if database:
        env["WORKBOOK_DATABASE"] = database
    done = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)
    last = done.stdout.strip().splitlines()[-1:] or [""]
    if done.returncode or not last[0].startswith("["):
        raise SystemExit(f"a bench child failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return json.loads(last[0])


def bare_arguments(library: Library) -> list[str]:
    return [COHORT_ID, json.dumps([m.id for m in library.modules]),
            json.dumps([m.id for m in library.modules if m.quiz is not None]),
            json.dumps([call_object_id(s.id) for s in library.scenarios]),
            json.dumps(sorted(library.skills)), json.dumps(skill_bar(library))]


def line(label: str, times: list[float], baseline: float | None = None) -> str:
    median = statistics.median(times)
    ratio = f"  {median / baseline:5.2f}x bare" if baseline else ""
    return f"{label:<46} {median:8.1f} ms  ({min(times):.1f}-{max(times):.1f}){ratio}"


def postgres_seam(url: str) -> None:
    """--database needs the store's PostgreSQL support and psycopg; say so plainly without them."""
    from workbook.store import connection

    if not hasattr(connection, "open_database_url"):
        raise SystemExit(f"--database {url}: this workbook's store opens SQLite files only; "
                         "run without --database.")
    if not url.startswith(("postgresql://", "postgres://")):
        raise SystemExit(f"--database {url}: give a postgresql://USER:PASSWORD@HOST:PORT/NAME URL")
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise SystemExit(f"--database needs the psycopg package: {error}") from error


def load_postgres(url: str, source: Path) -> None:
    """The bench cohort on the server, once: the schema made by the workbook itself (its URL seam
    and PostgreSQL migrations), then every row of the cached SQLite database copied in bulk (COPY),
    the per-learner totals and pace tables included, with the insert triggers set aside for the
    copy (`session_replication_role`, which needs a superuser): they are the totals of these rows."""
    import psycopg

    from workbook.store.connection import open_database_url

    open_database_url(url).close()  # creates or migrates the schema
    with psycopg.connect(url, autocommit=True) as server:
        if server.execute("SELECT count(*) FROM cohort WHERE id = %s", (COHORT_ID,)).fetchone()[0]:
            return
        print(f"copying the bench cohort into {url.split('@')[-1]} (once) ...", flush=True)
        started = time.perf_counter()
        local = sqlite3.connect(source)
        tables = ["learner", "cohort", "cohort_member", *migrations.SUMMARY_TABLES,
                  migrations.DASHBOARD_SUMMARY, *migrations.PACE_TABLES, "activity"]
        with server.transaction():
            server.execute("SET session_replication_role = replica")
            for table in tables:
                wanted = [row[0] for row in server.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position", (table,))]
                have = {row[1] for row in local.execute(f"PRAGMA table_info({table})")}
                columns = [column for column in wanted if column in have]
                with server.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    order = " ORDER BY rowid" if table == "activity" else ""  # in time order, as written
                    for row in local.execute(f"SELECT {', '.join(columns)} FROM {table}{order}"):
                        copy.write_row(row)
        server.execute("ANALYZE")
        local.close()
        print(f"copied in {time.perf_counter() - started:.0f} s", flush=True)


def main(runs: int, learners: int, rebuild: bool, database: str | None, check: bool = False) -> None:
    library = load_library(bundled_content_dir())
    if database:
        postgres_seam(database)
    path = cached_database(library, rebuild, learners, check)
    goal_ms, goal_ratio = GOALS[learners]
    if database:
        load_postgres(database, path)
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM activity").fetchone()[0]
        members = connection.execute("SELECT count(*) FROM cohort_member WHERE cohort_id = ?",
                                     (COHORT_ID,)).fetchone()[0]
    print(f"database: {path} ({path.stat().st_size / 1e6:.0f} MB), {count:,} activity rows, "
          f"cohort of {members:,} learners; SQLite {sqlite3.sqlite_version}; {runs} runs of each side, "
          f"alternating, each a fresh process with {WARM} more openings after the first")
    bare_first, bare_warm, app_first, app_warm = [], [], [], []
    bare_code, target = (BARE_CHILD_PG, database) if database else (BARE_CHILD, str(path))
    if database:
        print(f"on PostgreSQL: {database.split('@')[-1]}; the bare side is psycopg alone")
    for _ in range(runs):
        times = child(bare_code, target, str(WARM), *bare_arguments(library))
        bare_first.append(times[0])
        bare_warm.append(statistics.median(times[1:]))
        times = child(APP_CHILD, str(path), str(WARM), database=database)
        app_first.append(times[0])
        app_warm.append(statistics.median(times[1:]))
    first, warm = statistics.median(bare_first), statistics.median(bare_warm)
    print("medians of the runs (min-max):")
    print(line("bare SQL, first in a fresh process", bare_first))
    print(line("bare SQL, again", bare_warm))
    print(line("dashboard painted, first open (trainer view)", app_first, first))
    print(line("dashboard painted, cohort opened again", app_warm, warm))
    ratios = [a / b for a, b in zip(app_first, bare_first, strict=True)]
    ratios_warm = [a / b for a, b in zip(app_warm, bare_warm, strict=True)]
    print(f"ratios pair by pair (median): first open {statistics.median(ratios):.2f}x, "
          f"again {statistics.median(ratios_warm):.2f}x")
    worst = max(statistics.median(app_first), statistics.median(app_warm))
    ratio = max(statistics.median(ratios), statistics.median(ratios_warm))
    met = (goal_ms is None or worst <= goal_ms) and ratio <= goal_ratio
    limit = f"at most {goal_ms:.0f} ms and " if goal_ms else ""
    print(f"goal ({learners:,} learners): {limit}at most {goal_ratio}x bare, first open included: "
          f"{'met' if met else 'NOT met'} ({worst:.0f} ms, {ratio:.2f}x)")


WARM = 4
GOALS = {2000: (150.0, 2.5), 10000: (None, 2.0)}  # issue 18

if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--learners", type=int, choices=sorted(GOALS), default=2000)
    parser.add_argument("--rebuild", action="store_true", help="build the cached database again")
    parser.add_argument("--check", action="store_true",
                        help="when building, check the totals kept by the triggers against a rebuild")
    parser.add_argument("--database", metavar="URL", help="run on PostgreSQL (postgresql://...)")
    options = parser.parse_args()
    main(options.runs, options.learners, options.rebuild, options.database, options.check)
