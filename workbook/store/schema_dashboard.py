"""Schema step 10 for SQLite: the dashboard's row per learner, kept by triggers, and "handled well"
as the certificate counts it (split from `schema_sqlite`, whose earlier steps it builds on)."""

from __future__ import annotations

from workbook.store.schema_sqlite import (
    RESOLVED_LEARNER,
    SUMMARY_REBUILD,
    _resolved,
)

# v10: the dashboard's row per learner, and "handled well" as the certificate counts it.
# `learner_call_best.strong_score` is the best skill score (`core.completion.skill_score`: the mean of
# the call's skill percents, rounded half to even as Python's round() does; 0 for none) of the
# learner's calls of that scenario that ended well, -1 while none has: a call counts as handled well
# when its score reaches the course's bar, which the dashboard binds (it is content, not schema).
# `learner_dashboard` holds each learner's per-module, per-quiz, per-call and per-skill totals as one
# JSON document, kept by triggers on the totals tables in the same transaction as the activity row
# that changes them, so the dashboard reads one row per learner instead of some thirty. Real totals
# are written with 17 significant digits (`_EXACT`), so the JSON reads back the very double stored.
DASHBOARD_SUMMARY = "learner_dashboard"
_STRONG_KINDS = "('resolved', 'resolved-with-follow-up', 'escalated-appropriately')"


def _skill_score(payload: str) -> str:
    """The certificate's skill score of a call-ended payload (SQL text of a JSON document)."""
    return f"""(SELECT CASE WHEN n = 0 THEN 0
                        WHEN mean - whole > 0.5 OR (mean - whole = 0.5 AND whole % 2 <> 0) THEN whole + 1
                        ELSE whole END
                  FROM (SELECT n, mean, CAST(mean AS INTEGER) - (mean < CAST(mean AS INTEGER)) AS whole
                          FROM (SELECT count(*) AS n, sum(value) * 1.0 / count(*) AS mean
                                  FROM json_each({payload}, '$.skills')
                                 WHERE typeof(key) = 'text' AND type IN ('integer', 'real'))))"""


def _exact(value: str) -> str:
    """A REAL as a JSON number that reads back as the same double (json_object keeps 15 digits)."""
    return (f"CASE WHEN typeof({value}) = 'real' AND {value} BETWEEN -1e300 AND 1e300 "
            f"THEN json(printf('%!.17g', {value})) WHEN typeof({value}) = 'real' THEN NULL ELSE {value} END")


_ENDED = "CASE WHEN json_valid({p}) THEN {p} ELSE '{{}}' END"
_ENDED_STRONG = ("CASE WHEN json_valid({p}) THEN coalesce(json_extract({p}, '$.kind') IN "
                 + _STRONG_KINDS + ", 0) ELSE 0 END")
# learner_dashboard's parts: the totals table, its key column, and the JSON value of a row.
DASHBOARD_PARTS = {
    "sections": ("learner_module_read", "module_id", "{row}.sections"),
    "quiz": ("learner_quiz_best", "module_id", _exact("{row}.best")),
    "calls": ("learner_call_best", "object_id", "{row}.strong_score"),
    "skills": ("learner_skill_total", "skill", "json_array(" + _exact("{row}.total") + ", {row}.scores)"),
}
DASHBOARD_REBUILD = [
    f"DELETE FROM {DASHBOARD_SUMMARY}",
    f"""INSERT INTO {DASHBOARD_SUMMARY} (learner_id, figures)
        SELECT learner_id, json_group_object(part, json(items)) FROM ("""
    + "\n            UNION ALL ".join(
        f"SELECT t.learner_id, '{part}' AS part, "
        f"json_group_object(t.{key}, {value.format(row='t')}) AS items FROM {table} AS t "
        "GROUP BY t.learner_id"
        for part, (table, key, value) in DASHBOARD_PARTS.items())
    + ") GROUP BY learner_id",
]
_CALL_REBUILD = f"""INSERT INTO learner_call_best (learner_id, object_id, played, strong, strong_score)
       SELECT learner_id, object_id, count(*), max(strong), max(CASE WHEN strong THEN score ELSE -1 END)
         FROM (SELECT learner_id, object_id, {_ENDED_STRONG.format(p='payload')} AS strong,
                      {_skill_score(_ENDED.format(p='payload'))} AS score
                 FROM activity WHERE verb = 'call-ended')
        GROUP BY learner_id, object_id"""
# What `migrations.summary_rebuild` runs from v10 on: the v7 rebuild with the strong scores, then the
# dashboard rows from the totals (the triggers also patch them as the totals go in; the rebuild
# makes them again from the finished totals).
SUMMARY_REBUILD_V10 = [
    *_resolved([_CALL_REBUILD if "INTO learner_call_best" in s else s for s in SUMMARY_REBUILD]),
    *DASHBOARD_REBUILD,
]


def _dashboard_triggers() -> list[str]:
    """After each insert or update of a totals row, its figure patched into the learner's document
    (`json_patch` merges objects key by key, whatever the key's characters)."""
    triggers = []
    for part, (table, key, value) in DASHBOARD_PARTS.items():
        for event in ("INSERT", "UPDATE"):
            name = f"{table}_dashboard_{event.lower()}"
            triggers.append(f"""CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN
        INSERT INTO {DASHBOARD_SUMMARY} (learner_id, figures)
            VALUES (NEW.learner_id, json_object('{part}', json_object(NEW.{key}, {value.format(row='NEW')})))
            ON CONFLICT (learner_id) DO UPDATE SET figures = json_patch(figures, excluded.figures);
    END""")
    return triggers


SCHEMA_V10 = [
    "ALTER TABLE learner_call_best ADD COLUMN strong_score INTEGER NOT NULL DEFAULT -1",
    f"""CREATE TABLE {DASHBOARD_SUMMARY} (
        learner_id TEXT PRIMARY KEY NOT NULL,
        figures TEXT NOT NULL
    ) WITHOUT ROWID""",
    "DROP TRIGGER activity_totals_call",
    f"""CREATE TRIGGER activity_totals_call AFTER INSERT ON activity WHEN NEW.verb = 'call-ended' BEGIN
        INSERT INTO learner_call_best (learner_id, object_id, played, strong, strong_score)
            SELECT {RESOLVED_LEARNER}, NEW.object_id, 1, ended.strong,
                   CASE WHEN ended.strong THEN {_skill_score(_ENDED.format(p='NEW.payload'))} ELSE -1 END
              FROM (SELECT {_ENDED_STRONG.format(p='NEW.payload')} AS strong) AS ended WHERE true
            ON CONFLICT (learner_id, object_id) DO UPDATE
               SET played = played + 1, strong = max(strong, excluded.strong),
                   strong_score = max(strong_score, excluded.strong_score);
        INSERT INTO learner_skill_total (learner_id, skill, total, scores)
            SELECT {RESOLVED_LEARNER}, key, value, 1
              FROM json_each(CASE WHEN json_valid(NEW.payload) THEN NEW.payload ELSE '{{}}' END, '$.skills')
             WHERE typeof(key) = 'text' AND type IN ('integer', 'real')
            ON CONFLICT (learner_id, skill) DO UPDATE
               SET total = total + excluded.total, scores = scores + 1;
    END""",
    *_dashboard_triggers(),
    # Every call's strong score from the rows already there; the dashboard rows from the totals.
    "DELETE FROM learner_call_best",
    _resolved([_CALL_REBUILD])[0],
    *DASHBOARD_REBUILD,
]
