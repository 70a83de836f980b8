"""The schema steps of `migrations.py` for PostgreSQL: the same versions, tables and indexes, with
PostgreSQL's forms of what SQLite does its own way.

- Tables and indexes are SQLite's statements, translated (`_ddl`): no `WITHOUT ROWID`, `REAL` is a
  double, and text compares byte by byte (`COLLATE "C"`), as SQLite's BINARY does, so every
  ORDER BY, max() and unique name sorts alike on both.
- `activity` gets an identity column named `rowid`: the insertion order SQLite's implicit rowid
  gives, under the same name (`dialect.INSERTION_ORDER`).
- The append-only guards and the running totals are PL/pgSQL trigger functions (SECURITY DEFINER,
  so a learner role that may only insert activity still keeps the totals). JSON is read with
  `workbook_json` (NULL for text that is not JSON, as SQLite's json_valid guards), and times with
  `workbook_ms` (milliseconds, as SQLite's julianday reads them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from peewee import Database

from workbook.store import schema_dashboard as dashboard_steps
from workbook.store import schema_sqlite as sqlite_steps
from workbook.store.schema_provenance import SCHEMA_V11 as SCHEMA_V11_SQLITE
from workbook.store.schema_sqlite import PACE_CAP_SECONDS, SUMMARY_TABLES  # noqa: F401 (re-exported)


def _ddl(statement: str) -> str:
    """A SQLite CREATE TABLE / INDEX / VIEW or ALTER TABLE as PostgreSQL runs it."""
    text = re.sub(r"\)\s*WITHOUT ROWID\s*$", ")", statement.strip())
    if text.startswith(("CREATE TABLE", "ALTER TABLE")):
        text = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', text)
        text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
    return text


def _tables(statements: list[str]) -> list[str]:
    """The statements of a SQLite step that are plain schema (no triggers, no data rebuilds)."""
    return [_ddl(s) for s in statements
            if s.lstrip().startswith(("CREATE TABLE", "CREATE INDEX", "CREATE UNIQUE INDEX", "ALTER TABLE"))]


def _function(name: str, body: str, returns: str = "trigger", declare: str = "") -> str:
    return (f"CREATE OR REPLACE FUNCTION {name} RETURNS {returns} LANGUAGE plpgsql SECURITY DEFINER "
            f"SET search_path FROM CURRENT AS $fn$\n{declare}BEGIN\n{body}\nEND $fn$")


def _append_only(table: str, message: str) -> list[str]:
    return [
        _function(f"{table}_refuse_change()",
                  f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';"),
        f"""CREATE TRIGGER {table}_is_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_refuse_change()""",
        f"""CREATE TRIGGER {table}_is_append_only_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {table}_refuse_change()""",
    ]


HELPERS = [
    # SQLite's json_valid + json functions read text; NULL here stands for "not JSON".
    """CREATE OR REPLACE FUNCTION workbook_json(doc text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $fn$
       BEGIN RETURN doc::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $fn$""",
    # coalesce(json_extract(...), 0) = 0 in SQLite: missing, null, false or a zero number.
    """CREATE OR REPLACE FUNCTION workbook_unset(value jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $fn$
       SELECT value IS NULL OR value = 'null'::jsonb OR value = 'false'::jsonb
           OR (jsonb_typeof(value) = 'number' AND (value #>> '{}')::numeric = 0) $fn$""",
    # julianday() keeps milliseconds; NULL for text that is not a time.
    """CREATE OR REPLACE FUNCTION workbook_ms(moment text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE
       SET timezone TO 'UTC' AS $fn$
       BEGIN RETURN round(extract(epoch FROM moment::timestamptz) * 1000);
       EXCEPTION WHEN others THEN RETURN NULL; END $fn$""",
    # A JSON number as a double; NULL for anything else.
    """CREATE OR REPLACE FUNCTION workbook_number(value jsonb) RETURNS double precision LANGUAGE sql
       IMMUTABLE AS $fn$
       SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN (value #>> '{}')::float8 END $fn$""",
    # Each key and numeric value of a JSON object (SQLite: json_each with text keys, numeric types).
    """CREATE OR REPLACE FUNCTION workbook_scores(value jsonb)
       RETURNS TABLE (key text, score double precision) LANGUAGE sql IMMUTABLE AS $fn$
       SELECT e.key, (e.value #>> '{}')::float8
         FROM jsonb_each(CASE WHEN jsonb_typeof(value) = 'object' THEN value END) AS e
        WHERE jsonb_typeof(e.value) = 'number' $fn$""",
]

_STRONG = "('resolved', 'resolved-with-follow-up', 'escalated-appropriately')"
_RESOLVED = sqlite_steps.RESOLVED_LEARNER  # the surviving profile of NEW.learner_id


def _declare(learner: str) -> str:
    return f"DECLARE\n    who text := {learner};\n    doc jsonb := workbook_json(NEW.payload);\n"


_V4_CALL = f"""INSERT INTO learner_call_best AS t (learner_id, object_id, played, strong)
            VALUES (who, NEW.object_id, 1, CASE WHEN doc ->> 'kind' IN {_STRONG} THEN 1 ELSE 0 END)
            ON CONFLICT (learner_id, object_id) DO UPDATE
               SET played = t.played + 1, strong = greatest(t.strong, excluded.strong);"""
_V10_CALL = f"""INSERT INTO learner_call_best AS t (learner_id, object_id, played, strong, strong_score)
            VALUES (who, NEW.object_id, 1, CASE WHEN doc ->> 'kind' IN {_STRONG} THEN 1 ELSE 0 END,
                    CASE WHEN doc ->> 'kind' IN {_STRONG} THEN workbook_skill_score(doc) ELSE -1 END)
            ON CONFLICT (learner_id, object_id) DO UPDATE
               SET played = t.played + 1, strong = greatest(t.strong, excluded.strong),
                   strong_score = greatest(t.strong_score, excluded.strong_score);"""


def _totals_function(learner: str, strong_score: bool = False) -> str:
    """The v4 insert triggers in one function; `learner` is who the totals count for. With
    `strong_score` (v10), a call that ended well also keeps its best skill score."""
    body = f"""
    INSERT INTO learner_latest AS t (learner_id, last_at) VALUES (who, NEW.occurred_at)
        ON CONFLICT (learner_id) DO UPDATE SET last_at = greatest(t.last_at, excluded.last_at);
    IF NEW.verb = 'certificate-issued' THEN
        INSERT INTO learner_latest AS t (learner_id, last_at, certificate_id, certificate_at)
            VALUES (who, NEW.occurred_at, NEW.attempt_id, NEW.occurred_at)
            ON CONFLICT (learner_id) DO UPDATE
               SET certificate_id = excluded.certificate_id, certificate_at = excluded.certificate_at;
    ELSIF NEW.verb = 'section-read' THEN
        INSERT INTO learner_section_read (object_id, learner_id, module_id)
            VALUES (NEW.object_id, who, coalesce(NEW.module_id, '')) ON CONFLICT DO NOTHING;
    ELSIF NEW.verb = 'attempt-submitted' AND jsonb_typeof(doc -> 'percent') = 'number' THEN
        INSERT INTO learner_quiz_best AS t (learner_id, module_id, best, attempts)
            VALUES (who, coalesce(NEW.module_id, ''), workbook_number(doc -> 'percent'), 1)
            ON CONFLICT (learner_id, module_id) DO UPDATE
               SET best = greatest(t.best, excluded.best), attempts = t.attempts + 1;
        INSERT INTO learner_skill_total AS t (learner_id, skill, total, scores)
            SELECT who, s.key, s.score, 1 FROM workbook_scores(doc -> 'by_skill') AS s
            ON CONFLICT (learner_id, skill) DO UPDATE
               SET total = t.total + excluded.total, scores = t.scores + 1;
    ELSIF NEW.verb = 'call-ended' THEN
        {_V10_CALL if strong_score else _V4_CALL}
        INSERT INTO learner_skill_total AS t (learner_id, skill, total, scores)
            SELECT who, s.key, s.score, 1 FROM workbook_scores(doc -> 'skills') AS s
            ON CONFLICT (learner_id, skill) DO UPDATE
               SET total = t.total + excluded.total, scores = t.scores + 1;
    END IF;
    RETURN NULL;"""
    return _function("activity_totals()", body, declare=_declare(learner))


def _pace_function(learner: str) -> str:
    """The v6 insert trigger: the seconds since the attempt's previous row, per answer or turn."""
    body = """
    IF NEW.attempt_id IS NULL OR NOT (NEW.verb = 'answer-given'
            OR (NEW.verb = 'reply-chosen' AND workbook_unset(doc -> 'replayed'))) THEN
        RETURN NULL;
    END IF;
    SELECT max(occurred_at) INTO previous FROM activity
     WHERE attempt_id = NEW.attempt_id AND id <> NEW.id AND occurred_at <= NEW.occurred_at;
    IF previous IS NULL OR workbook_ms(previous) IS NULL OR workbook_ms(NEW.occurred_at) IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO learner_pace (attempt_id, item, learner_id, kind, object_id, seconds, floor)
        VALUES (NEW.attempt_id,
                CASE NEW.verb WHEN 'reply-chosen'
                     THEN NEW.object_id || '#' || coalesce(doc ->> 'turn', NEW.id) ELSE NEW.object_id END,
                who, CASE NEW.verb WHEN 'answer-given' THEN 'question' ELSE 'turn' END, NEW.object_id,
                round((workbook_ms(NEW.occurred_at) - workbook_ms(previous)) / 1000.0, 3),
                workbook_number(doc -> 'floor'))
        ON CONFLICT DO NOTHING;
    RETURN NULL;"""
    return _function("activity_pace()", body, declare=_declare(learner) + "    previous text;\n")


_PACE_TOTALS = _function("learner_pace_totals()", f"""
    INSERT INTO learner_attempt_pace AS t (attempt_id, learner_id, kind, timed, too_fast)
        VALUES (NEW.attempt_id, NEW.learner_id, NEW.kind, (NEW.floor IS NOT NULL)::int,
                coalesce((NEW.seconds < NEW.floor)::int, 0))
        ON CONFLICT (attempt_id) DO UPDATE
           SET timed = t.timed + excluded.timed, too_fast = t.too_fast + excluded.too_fast;
    INSERT INTO learner_pace_second AS t (learner_id, kind, second, answers)
        VALUES (NEW.learner_id, NEW.kind, least({PACE_CAP_SECONDS}, greatest(0, trunc(NEW.seconds)::int)), 1)
        ON CONFLICT (learner_id, kind, second) DO UPDATE SET answers = t.answers + 1;
    INSERT INTO learner_pace_median AS t (learner_id, kind, seconds)
        SELECT NEW.learner_id, NEW.kind, min(x.second) FROM (
            SELECT s.second, sum(s.answers) OVER (ORDER BY s.second) AS upto, sum(s.answers) OVER () AS total
              FROM learner_pace_second AS s WHERE s.learner_id = NEW.learner_id AND s.kind = NEW.kind) AS x
         WHERE 2 * x.upto >= x.total
        ON CONFLICT (learner_id, kind) DO UPDATE SET seconds = excluded.seconds;
    RETURN NULL;""")

_SECTION_COUNT = _function("learner_section_read_count()", """
    INSERT INTO learner_module_read AS t (learner_id, module_id, sections)
        VALUES (NEW.learner_id, NEW.module_id, 1)
        ON CONFLICT (learner_id, module_id) DO UPDATE SET sections = t.sections + 1;
    RETURN NULL;""")

# The rebuilds of migrations.SUMMARY_REBUILD and PACE_REBUILD, in PostgreSQL's terms.
_DOC = "CROSS JOIN LATERAL workbook_json(activity.payload) AS doc"
SUMMARY_REBUILD = [
    """INSERT INTO learner_section_read (object_id, learner_id, module_id)
       SELECT object_id, learner_id, coalesce(module_id, '') FROM activity WHERE verb = 'section-read'
       ON CONFLICT DO NOTHING""",
    f"""INSERT INTO learner_quiz_best (learner_id, module_id, best, attempts)
       SELECT learner_id, coalesce(module_id, ''), max(workbook_number(doc -> 'percent')), count(*)
         FROM activity {_DOC}
        WHERE verb = 'attempt-submitted' AND jsonb_typeof(doc -> 'percent') = 'number'
        GROUP BY learner_id, coalesce(module_id, '')""",
    f"""INSERT INTO learner_call_best (learner_id, object_id, played, strong)
       SELECT learner_id, object_id, count(*), max(CASE WHEN doc ->> 'kind' IN {_STRONG} THEN 1 ELSE 0 END)
         FROM activity {_DOC} WHERE verb = 'call-ended' GROUP BY learner_id, object_id""",
    f"""INSERT INTO learner_skill_total (learner_id, skill, total, scores)
       SELECT a.learner_id, s.key, sum(s.score), count(*)
         FROM (SELECT learner_id,
                      CASE verb WHEN 'call-ended' THEN doc -> 'skills' ELSE doc -> 'by_skill' END AS part
                 FROM activity {_DOC}
                WHERE CASE WHEN verb = 'call-ended' THEN doc IS NOT NULL
                           WHEN verb = 'attempt-submitted' THEN jsonb_typeof(doc -> 'percent') = 'number'
                           ELSE false END) AS a
        CROSS JOIN LATERAL workbook_scores(a.part) AS s
        GROUP BY a.learner_id, s.key""",
    """INSERT INTO learner_latest (learner_id, last_at, certificate_id, certificate_at)
       SELECT learner_id, max(occurred_at), NULL, NULL FROM activity GROUP BY learner_id""",
    """UPDATE learner_latest SET (certificate_id, certificate_at) = (
           SELECT attempt_id, occurred_at FROM activity
            WHERE activity.learner_id = learner_latest.learner_id AND verb = 'certificate-issued'
            ORDER BY occurred_at DESC, rowid DESC LIMIT 1)""",
]
PACE_REBUILD = [
    f"""INSERT INTO learner_pace (attempt_id, item, learner_id, kind, object_id, seconds, floor)
       SELECT attempt_id, item, learner_id, kind, object_id, seconds, floor FROM (
           SELECT attempt_id, learner_id, verb, object_id, occurred_at, rowid AS position,
                  CASE verb WHEN 'reply-chosen' THEN object_id || '#' || coalesce(doc ->> 'turn', id)
                       ELSE object_id END AS item,
                  CASE verb WHEN 'answer-given' THEN 'question' ELSE 'turn' END AS kind,
                  verb = 'reply-chosen' AND NOT workbook_unset(doc -> 'replayed') AS replayed,
                  workbook_number(doc -> 'floor') AS floor,
                  round((workbook_ms(occurred_at) - workbook_ms(lag(occurred_at) OVER (
                       PARTITION BY attempt_id ORDER BY occurred_at, rowid))) / 1000.0, 3) AS seconds
             FROM activity {_DOC} WHERE attempt_id IS NOT NULL) AS x
        WHERE verb IN ('answer-given', 'reply-chosen') AND NOT replayed AND seconds IS NOT NULL
        ORDER BY occurred_at, position
       ON CONFLICT DO NOTHING""",
]
SUMMARY_REBUILD_V7 = [re.sub(r"\bFROM activity\b", "FROM activity_resolved AS activity", s)
                      for s in SUMMARY_REBUILD]
PACE_REBUILD_V7 = [re.sub(r"\bFROM activity\b", "FROM activity_resolved AS activity", s)
                   for s in PACE_REBUILD]

_LEARNER, _ACTIVITY, *_REST_V1 = sqlite_steps.SCHEMA_V1
SCHEMA_V1 = [
    *HELPERS,
    _ddl(_LEARNER),
    _ddl(_ACTIVITY).replace("(", "(\n        rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,", 1),
    *_tables(_REST_V1),
    *_append_only("activity", "activity rows are append-only"),
]
SCHEMA_V2 = _tables(sqlite_steps.SCHEMA_V2)
SCHEMA_V3 = _tables(sqlite_steps.SCHEMA_V3)
SCHEMA_V4 = [
    *[s.replace("best INTEGER", "best DOUBLE PRECISION") for s in _tables(sqlite_steps.SCHEMA_V4)],
    _totals_function("NEW.learner_id"),
    """CREATE TRIGGER activity_totals AFTER INSERT ON activity
       FOR EACH ROW EXECUTE FUNCTION activity_totals()""",
    _SECTION_COUNT,
    """CREATE TRIGGER learner_section_read_count AFTER INSERT ON learner_section_read
       FOR EACH ROW EXECUTE FUNCTION learner_section_read_count()""",
    *SUMMARY_REBUILD,
]
SCHEMA_V5 = _tables(sqlite_steps.SCHEMA_V5)
SCHEMA_V6 = [
    *_tables(sqlite_steps.SCHEMA_V6),
    _pace_function("NEW.learner_id"),
    """CREATE TRIGGER activity_pace AFTER INSERT ON activity FOR EACH ROW EXECUTE FUNCTION activity_pace()""",
    _PACE_TOTALS,
    """CREATE TRIGGER learner_pace_totals AFTER INSERT ON learner_pace
       FOR EACH ROW EXECUTE FUNCTION learner_pace_totals()""",
    *PACE_REBUILD,
]
SCHEMA_V7 = [
    *_tables(sqlite_steps.SCHEMA_V7),
    *_append_only("learner_merge", "merge records are append-only"),
    *[s.strip() for s in sqlite_steps.SCHEMA_V7 if s.lstrip().startswith("CREATE VIEW")],
    _totals_function(_RESOLVED),
    _pace_function(_RESOLVED),
]
SCHEMA_V9 = _tables(sqlite_steps.SCHEMA_V9)  # quiz questions stored once: one portable table
SCHEMA_V11 = _tables(SCHEMA_V11_SQLITE)  # row provenance and refused rows: plain tables

# v10: the certificate's skill score of a call (`schema_dashboard.SCHEMA_V10`), the learner's dashboard
# document kept from the totals rows, and the rebuilds that make both from the rows.
_V10_HELPERS = [
    # core.completion.skill_score: the mean of the numeric skill percents, half to even (0 for none).
    """CREATE OR REPLACE FUNCTION workbook_skill_score(doc jsonb) RETURNS integer LANGUAGE sql IMMUTABLE
       AS $fn$
       SELECT CASE WHEN n = 0 THEN 0
                   WHEN mean - whole > 0.5 OR (mean - whole = 0.5 AND whole % 2 <> 0) THEN whole + 1
                   ELSE whole END::integer
         FROM (SELECT n, mean, floor(mean)::bigint AS whole
                 FROM (SELECT count(*) AS n, sum(s.score) / nullif(count(*), 0) AS mean
                         FROM workbook_scores(doc -> 'skills') AS s) AS x) AS y $fn$""",
    # One part of a dashboard document with one item set (`doc` text, as the column holds it).
    """CREATE OR REPLACE FUNCTION workbook_dashboard_patch(doc text, part text, item text, value jsonb)
       RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
       SELECT jsonb_set(d, ARRAY[part],
                        coalesce(d -> part, '{}'::jsonb) || jsonb_build_object(item, value))::text
         FROM (SELECT coalesce(doc, '{}')::jsonb AS d) AS x $fn$""",
]
_DASHBOARD_VALUES = {"sections": "to_jsonb({row}.sections)", "quiz": "to_jsonb({row}.best)",
                     "calls": "to_jsonb({row}.strong_score)",
                     "skills": "jsonb_build_array({row}.total, {row}.scores)"}


def _dashboard_triggers() -> list[str]:
    statements = []
    for part, (table, key, _) in dashboard_steps.DASHBOARD_PARTS.items():
        value = _DASHBOARD_VALUES[part].format(row="NEW")
        statements += [
            _function(f"{table}_dashboard()", f"""
    INSERT INTO {dashboard_steps.DASHBOARD_SUMMARY} AS t (learner_id, figures)
        VALUES (NEW.learner_id, workbook_dashboard_patch(NULL, '{part}', NEW.{key}, {value}))
        ON CONFLICT (learner_id) DO UPDATE
           SET figures = workbook_dashboard_patch(t.figures, '{part}', NEW.{key}, {value});
    RETURN NULL;"""),
            f"""CREATE TRIGGER {table}_dashboard AFTER INSERT OR UPDATE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {table}_dashboard()""",
        ]
    return statements


DASHBOARD_REBUILD = [
    f"DELETE FROM {dashboard_steps.DASHBOARD_SUMMARY}",
    f"""INSERT INTO {dashboard_steps.DASHBOARD_SUMMARY} (learner_id, figures)
        SELECT learner_id, jsonb_object_agg(part, items)::text FROM ("""
    + "\n            UNION ALL ".join(
        f"SELECT t.learner_id, '{part}' AS part, "
        f"jsonb_object_agg(t.{key}, {_DASHBOARD_VALUES[part].format(row='t')}) AS items FROM {table} AS t "
        "GROUP BY t.learner_id"
        for part, (table, key, _) in dashboard_steps.DASHBOARD_PARTS.items())
    + ") AS x GROUP BY learner_id",
]
_CALL_REBUILD = f"""INSERT INTO learner_call_best (learner_id, object_id, played, strong, strong_score)
       SELECT learner_id, object_id, count(*), max(CASE WHEN doc ->> 'kind' IN {_STRONG} THEN 1 ELSE 0 END),
              max(CASE WHEN doc ->> 'kind' IN {_STRONG} THEN workbook_skill_score(doc) ELSE -1 END)
         FROM activity_resolved AS activity {_DOC} WHERE verb = 'call-ended' GROUP BY learner_id, object_id"""
SUMMARY_REBUILD_V10 = [
    *[_CALL_REBUILD if "INTO learner_call_best" in s else s for s in SUMMARY_REBUILD_V7],
    *DASHBOARD_REBUILD,
]
SCHEMA_V10 = [
    *_tables(dashboard_steps.SCHEMA_V10),
    *_V10_HELPERS,
    _totals_function(_RESOLVED, strong_score=True),
    *_dashboard_triggers(),
    "DELETE FROM learner_call_best",
    _CALL_REBUILD,
    *DASHBOARD_REBUILD,
]


def _run(statements: list[str]) -> Callable[[Database], None]:
    def step(db: Database) -> None:
        for statement in statements:
            db.execute_sql(statement.replace("%", "%%") if "%" in statement else statement)

    return step


def _schema_v8(db: Database) -> None:
    """The sync tables (`schema_sqlite.SCHEMA_V8`) and this server's own id."""
    import uuid

    _run(_tables(sqlite_steps.SCHEMA_V8))(db)
    db.execute_sql("INSERT INTO sync_server (id) VALUES (%s)", (uuid.uuid4().hex,))


STEPS: list[tuple[int, Callable[[Database], None]]] = [
    (1, _run(SCHEMA_V1)),
    (2, _run(SCHEMA_V2)),
    (3, _run(SCHEMA_V3)),
    (4, _run(SCHEMA_V4)),
    (5, _run(SCHEMA_V5)),
    (6, _run(SCHEMA_V6)),
    (7, _run(SCHEMA_V7)),
    (8, _schema_v8),
    (9, _run(SCHEMA_V9)),
    (10, _run(SCHEMA_V10)),
    (11, _run(SCHEMA_V11)),  # row provenance and refused rows
]
