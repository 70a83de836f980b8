"""The SQLite schema, step by step: the statements of each schema version, in the order they ran.

Shipped steps are never edited (see `workbook.store.migrations`, which runs them); PostgreSQL's forms of
the same versions are in `workbook.store.migrations_pg`.
"""

from __future__ import annotations

import re

SCHEMA_V1 = [
    """CREATE TABLE learner (
        id TEXT PRIMARY KEY NOT NULL,
        display_name TEXT NOT NULL,
        employee_id TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE activity (
        id TEXT PRIMARY KEY NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learner (id),
        verb TEXT NOT NULL,
        module_id TEXT,
        object_id TEXT NOT NULL,
        attempt_id TEXT,
        payload TEXT NOT NULL DEFAULT '{}',
        occurred_at TEXT NOT NULL,
        device_id TEXT NOT NULL
    )""",
    "CREATE INDEX activity_learner_verb ON activity (learner_id, verb, occurred_at)",
    """CREATE TRIGGER activity_is_append_only_update BEFORE UPDATE ON activity
       BEGIN SELECT RAISE(ABORT, 'activity rows are append-only'); END""",
    """CREATE TRIGGER activity_is_append_only_delete BEFORE DELETE ON activity
       BEGIN SELECT RAISE(ABORT, 'activity rows are append-only'); END""",
    "CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
]

# v2: profiles are archived (hidden), never deleted, so their history stays; cohort dashboards
# aggregate by module.
SCHEMA_V2 = [
    "ALTER TABLE learner ADD COLUMN archived_at TEXT",
    "CREATE INDEX activity_module_verb ON activity (module_id, verb)",
]

# v3: quiz attempts and practice calls read their events back by attempt.
SCHEMA_V3 = [
    "CREATE INDEX activity_attempt ON activity (attempt_id) WHERE attempt_id IS NOT NULL",
]

# v4: trainer cohorts, and per-learner totals for the cohort dashboard. Activity rows are never
# updated or deleted (v1 triggers), so totals kept by insert triggers stay exact: the dashboard
# reads a few rows per learner instead of aggregating (and parsing the JSON of) every activity row.
# The totals are derived data; SUMMARY_REBUILD recomputes them from the activity rows.
SUMMARY_TABLES = ("learner_section_read", "learner_module_read", "learner_quiz_best", "learner_call_best",
                  "learner_skill_total", "learner_latest")
SUMMARY_REBUILD = [
    # learner_module_read fills through its trigger as these rows go in.
    """INSERT OR IGNORE INTO learner_section_read (object_id, learner_id, module_id)
       SELECT object_id, learner_id, coalesce(module_id, '') FROM activity WHERE verb = 'section-read'""",
    """INSERT INTO learner_quiz_best (learner_id, module_id, best, attempts)
       SELECT learner_id, coalesce(module_id, ''), max(json_extract(payload, '$.percent')), count(*)
         FROM activity
        WHERE verb = 'attempt-submitted'
          AND CASE WHEN json_valid(payload) THEN json_type(payload, '$.percent') IN ('integer', 'real') END
        GROUP BY learner_id, coalesce(module_id, '')""",
    """INSERT INTO learner_call_best (learner_id, object_id, played, strong)
       SELECT learner_id, object_id, count(*),
              max(CASE WHEN json_valid(payload) THEN coalesce(json_extract(payload, '$.kind') IN
                  ('resolved', 'resolved-with-follow-up', 'escalated-appropriately'), 0) ELSE 0 END)
         FROM activity WHERE verb = 'call-ended' GROUP BY learner_id, object_id""",
    """INSERT INTO learner_skill_total (learner_id, skill, total, scores)
       SELECT a.learner_id, s.key, sum(s.value), count(*)
         FROM (SELECT learner_id, payload,
                      CASE verb WHEN 'call-ended' THEN '$.skills' ELSE '$.by_skill' END AS path
                 FROM activity
                WHERE CASE WHEN verb = 'call-ended' THEN json_valid(payload)
                           WHEN verb = 'attempt-submitted' AND json_valid(payload)
                           THEN json_type(payload, '$.percent') IN ('integer', 'real') END) AS a,
              json_each(a.payload, a.path) AS s
        WHERE typeof(s.key) = 'text' AND s.type IN ('integer', 'real')
        GROUP BY a.learner_id, s.key""",
    """INSERT INTO learner_latest (learner_id, last_at, certificate_id, certificate_at)
       SELECT learner_id, max(occurred_at), NULL, NULL FROM activity GROUP BY learner_id""",
    """UPDATE learner_latest SET (certificate_id, certificate_at) = (
           SELECT attempt_id, occurred_at FROM activity
            WHERE activity.learner_id = learner_latest.learner_id AND verb = 'certificate-issued'
            ORDER BY occurred_at DESC, rowid DESC LIMIT 1)""",
]
SCHEMA_V4 = [
    "ALTER TABLE learner ADD COLUMN email TEXT",
    """CREATE TABLE cohort (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        archived_at TEXT
    )""",
    "CREATE UNIQUE INDEX cohort_active_name ON cohort (lower(name)) WHERE archived_at IS NULL",
    """CREATE TABLE cohort_member (
        cohort_id TEXT NOT NULL REFERENCES cohort (id),
        learner_id TEXT NOT NULL REFERENCES learner (id),
        added_at TEXT NOT NULL,
        PRIMARY KEY (cohort_id, learner_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX cohort_member_learner ON cohort_member (learner_id)",
    # Each section a learner has read (once, however often it was read), keyed by section so the
    # dashboard finds the few readers of a section since removed from the lessons; and the count
    # per module, which is what the dashboard reads.
    """CREATE TABLE learner_section_read (
        object_id TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        module_id TEXT NOT NULL,
        PRIMARY KEY (object_id, learner_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE learner_module_read (
        learner_id TEXT NOT NULL,
        module_id TEXT NOT NULL,
        sections INTEGER NOT NULL,
        PRIMARY KEY (learner_id, module_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE learner_quiz_best (
        learner_id TEXT NOT NULL,
        module_id TEXT NOT NULL,
        best INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (learner_id, module_id)
    ) WITHOUT ROWID""",
    # Per scenario (object id `call/<scenario>`): calls finished, and whether one ended well.
    """CREATE TABLE learner_call_best (
        learner_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        played INTEGER NOT NULL,
        strong INTEGER NOT NULL,
        PRIMARY KEY (learner_id, object_id)
    ) WITHOUT ROWID""",
    # Sum and count of every skill percent from quiz submissions and call endings.
    """CREATE TABLE learner_skill_total (
        learner_id TEXT NOT NULL,
        skill TEXT NOT NULL,
        total REAL NOT NULL,
        scores INTEGER NOT NULL,
        PRIMARY KEY (learner_id, skill)
    ) WITHOUT ROWID""",
    """CREATE TABLE learner_latest (
        learner_id TEXT PRIMARY KEY NOT NULL,
        last_at TEXT NOT NULL,
        certificate_id TEXT,
        certificate_at TEXT
    ) WITHOUT ROWID""",
    """CREATE TRIGGER activity_totals_latest AFTER INSERT ON activity BEGIN
        INSERT INTO learner_latest (learner_id, last_at) VALUES (NEW.learner_id, NEW.occurred_at)
            ON CONFLICT (learner_id) DO UPDATE SET last_at = max(last_at, excluded.last_at);
    END""",
    """CREATE TRIGGER activity_totals_certificate AFTER INSERT ON activity
       WHEN NEW.verb = 'certificate-issued' BEGIN
        INSERT INTO learner_latest (learner_id, last_at, certificate_id, certificate_at)
            VALUES (NEW.learner_id, NEW.occurred_at, NEW.attempt_id, NEW.occurred_at)
            ON CONFLICT (learner_id) DO UPDATE
               SET certificate_id = excluded.certificate_id, certificate_at = excluded.certificate_at
             WHERE certificate_at IS NULL OR excluded.certificate_at >= certificate_at;
    END""",
    """CREATE TRIGGER activity_totals_section AFTER INSERT ON activity WHEN NEW.verb = 'section-read' BEGIN
        INSERT OR IGNORE INTO learner_section_read (object_id, learner_id, module_id)
            VALUES (NEW.object_id, NEW.learner_id, coalesce(NEW.module_id, ''));
    END""",
    # Fires only for a section read for the first time: an ignored insert is no insert.
    """CREATE TRIGGER learner_section_read_count AFTER INSERT ON learner_section_read BEGIN
        INSERT INTO learner_module_read (learner_id, module_id, sections)
            VALUES (NEW.learner_id, NEW.module_id, 1)
            ON CONFLICT (learner_id, module_id) DO UPDATE SET sections = sections + 1;
    END""",
    """CREATE TRIGGER activity_totals_quiz AFTER INSERT ON activity
       WHEN NEW.verb = 'attempt-submitted' AND CASE WHEN json_valid(NEW.payload)
            THEN json_type(NEW.payload, '$.percent') IN ('integer', 'real') END BEGIN
        INSERT INTO learner_quiz_best (learner_id, module_id, best, attempts)
            VALUES (NEW.learner_id, coalesce(NEW.module_id, ''), json_extract(NEW.payload, '$.percent'), 1)
            ON CONFLICT (learner_id, module_id) DO UPDATE
               SET best = max(best, excluded.best), attempts = attempts + 1;
        INSERT INTO learner_skill_total (learner_id, skill, total, scores)
            SELECT NEW.learner_id, key, value, 1 FROM json_each(NEW.payload, '$.by_skill')
             WHERE typeof(key) = 'text' AND type IN ('integer', 'real')
            ON CONFLICT (learner_id, skill) DO UPDATE
               SET total = total + excluded.total, scores = scores + 1;
    END""",
    """CREATE TRIGGER activity_totals_call AFTER INSERT ON activity WHEN NEW.verb = 'call-ended' BEGIN
        INSERT INTO learner_call_best (learner_id, object_id, played, strong)
            VALUES (NEW.learner_id, NEW.object_id, 1,
                    CASE WHEN json_valid(NEW.payload) THEN coalesce(json_extract(NEW.payload, '$.kind') IN
                         ('resolved', 'resolved-with-follow-up', 'escalated-appropriately'), 0) ELSE 0 END)
            ON CONFLICT (learner_id, object_id) DO UPDATE
               SET played = played + 1, strong = max(strong, excluded.strong);
        INSERT INTO learner_skill_total (learner_id, skill, total, scores)
            SELECT NEW.learner_id, key, value, 1
              FROM json_each(CASE WHEN json_valid(NEW.payload) THEN NEW.payload ELSE '{}' END, '$.skills')
             WHERE typeof(key) = 'text' AND type IN ('integer', 'real')
            ON CONFLICT (learner_id, skill) DO UPDATE
               SET total = total + excluded.total, scores = scores + 1;
    END""",
    *SUMMARY_REBUILD,
]

# v5: a learner's bookmarks and personal notes on lesson sections. Unlike activity these are the
# learner's own to change: a note is edited in place (one row) and may be deleted.
SCHEMA_V5 = [
    """CREATE TABLE bookmark (
        learner_id TEXT NOT NULL REFERENCES learner (id),
        module_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (learner_id, module_id, section_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE note (
        id TEXT PRIMARY KEY NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learner (id),
        module_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX note_learner_section ON note (learner_id, module_id, section_id, created_at)",
]


# v6: how long each answer took, for the trainer's pace figures. One `learner_pace` row per quiz
# question answered (its first answer in the attempt) and per call turn the learner chose (not turns
# copied in by "replay from here"): the seconds since the attempt's previous row, i.e. since the
# question or the caller's line was on screen, and the reading floor the row carries (the seconds
# its text takes to read, `workbook.core.pace`). From those rows, kept like the v4 totals:
# per attempt, answers timed against a floor and how many came sooner (`learner_attempt_pace`);
# per learner and kind, how many answers took each whole second (`learner_pace_second`, capped at
# PACE_CAP_SECONDS), and from those the lower median, kept per learner and kind in
# `learner_pace_median` (a few dozen rows read per answer saved), which the dashboard reads.
# PACE_REBUILD recomputes all three from the activity rows (and fills them for older databases).
PACE_TABLES = ("learner_pace", "learner_attempt_pace", "learner_pace_second", "learner_pace_median")
PACE_CAP_SECONDS = 900
PACE_REBUILD = [  # the other two tables fill through the learner_pace trigger as these rows go in
    """INSERT OR IGNORE INTO learner_pace (attempt_id, item, learner_id, kind, object_id, seconds, floor)
       SELECT attempt_id, item, learner_id, kind, object_id, seconds, floor FROM (
           SELECT attempt_id, learner_id, verb, object_id, occurred_at, rowid AS position,
                  CASE verb WHEN 'reply-chosen' THEN object_id || '#' || coalesce(
                      CASE WHEN json_valid(payload) THEN json_extract(payload, '$.turn') END, id)
                       ELSE object_id END AS item,
                  CASE verb WHEN 'answer-given' THEN 'question' ELSE 'turn' END AS kind,
                  CASE WHEN verb = 'reply-chosen' AND json_valid(payload)
                       THEN coalesce(json_extract(payload, '$.replayed'), 0) ELSE 0 END AS replayed,
                  CASE WHEN json_valid(payload) AND json_type(payload, '$.floor') IN ('integer', 'real')
                       THEN json_extract(payload, '$.floor') END AS floor,
                  round((julianday(occurred_at) - julianday(lag(occurred_at) OVER (
                       PARTITION BY attempt_id ORDER BY occurred_at, rowid))) * 86400, 3) AS seconds
             FROM activity WHERE attempt_id IS NOT NULL)
        WHERE verb IN ('answer-given', 'reply-chosen') AND NOT replayed AND seconds IS NOT NULL
        ORDER BY occurred_at, position""",
]
SCHEMA_V6 = [
    """CREATE TABLE learner_pace (
        attempt_id TEXT NOT NULL,
        item TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        seconds REAL NOT NULL,
        floor REAL,
        PRIMARY KEY (attempt_id, item)
    ) WITHOUT ROWID""",
    "CREATE INDEX learner_pace_learner ON learner_pace (learner_id)",
    """CREATE TABLE learner_attempt_pace (
        attempt_id TEXT PRIMARY KEY NOT NULL,
        learner_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        timed INTEGER NOT NULL,
        too_fast INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX learner_attempt_pace_learner ON learner_attempt_pace (learner_id, kind, timed, too_fast)",
    """CREATE TABLE learner_pace_second (
        learner_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        second INTEGER NOT NULL,
        answers INTEGER NOT NULL,
        PRIMARY KEY (learner_id, kind, second)
    ) WITHOUT ROWID""",
    """CREATE TABLE learner_pace_median (
        learner_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        seconds INTEGER NOT NULL,
        PRIMARY KEY (learner_id, kind)
    ) WITHOUT ROWID""",
    # An ignored insert keeps the first answer to a question: changing one's mind is not a new answer.
    """CREATE TRIGGER activity_pace AFTER INSERT ON activity
       WHEN NEW.attempt_id IS NOT NULL AND (NEW.verb = 'answer-given' OR (NEW.verb = 'reply-chosen' AND
            CASE WHEN json_valid(NEW.payload) THEN coalesce(json_extract(NEW.payload, '$.replayed'), 0) = 0
                 ELSE 1 END)) BEGIN
        INSERT OR IGNORE INTO learner_pace (attempt_id, item, learner_id, kind, object_id, seconds, floor)
            SELECT NEW.attempt_id,
                   CASE NEW.verb WHEN 'reply-chosen' THEN NEW.object_id || '#' || coalesce(
                       CASE WHEN json_valid(NEW.payload) THEN json_extract(NEW.payload, '$.turn') END, NEW.id)
                        ELSE NEW.object_id END,
                   NEW.learner_id, CASE NEW.verb WHEN 'answer-given' THEN 'question' ELSE 'turn' END,
                   NEW.object_id, round((julianday(NEW.occurred_at) - julianday(previous.at)) * 86400, 3),
                   CASE WHEN json_valid(NEW.payload)
                         AND json_type(NEW.payload, '$.floor') IN ('integer', 'real')
                        THEN json_extract(NEW.payload, '$.floor') END
              FROM (SELECT max(occurred_at) AS at FROM activity
                     WHERE attempt_id = NEW.attempt_id AND id != NEW.id
                       AND occurred_at <= NEW.occurred_at) AS previous
             WHERE previous.at IS NOT NULL;
    END""",
    f"""CREATE TRIGGER learner_pace_totals AFTER INSERT ON learner_pace BEGIN
        INSERT INTO learner_attempt_pace (attempt_id, learner_id, kind, timed, too_fast)
            VALUES (NEW.attempt_id, NEW.learner_id, NEW.kind, NEW.floor IS NOT NULL,
                    coalesce(NEW.seconds < NEW.floor, 0))
            ON CONFLICT (attempt_id) DO UPDATE
               SET timed = timed + excluded.timed, too_fast = too_fast + excluded.too_fast;
        INSERT INTO learner_pace_second (learner_id, kind, second, answers)
            VALUES (NEW.learner_id, NEW.kind,
                    min({PACE_CAP_SECONDS}, max(0, CAST(NEW.seconds AS INTEGER))), 1)
            ON CONFLICT (learner_id, kind, second) DO UPDATE SET answers = answers + 1;
        INSERT INTO learner_pace_median (learner_id, kind, seconds)
            SELECT NEW.learner_id, NEW.kind, min(second) FROM (
                SELECT second, sum(answers) OVER (ORDER BY second) AS upto, sum(answers) OVER () AS total
                  FROM learner_pace_second WHERE learner_id = NEW.learner_id AND kind = NEW.kind)
             WHERE 2 * upto >= total
            ON CONFLICT (learner_id, kind) DO UPDATE SET seconds = excluded.seconds;
    END""",
    *PACE_REBUILD,
]


# v7: merged profiles. A trainer's merge of two profiles of one person is an append-only record
# (`learner_merge`, refused UPDATE/DELETE like `activity`); history is never rewritten. Which
# profile survives follows from the set of merge records alone (`store/merges.py` resolves it), so
# every PC holding the same records agrees; `learner_alias` is that answer, derived data, one row per
# merged-away profile. The dashboard totals are re-keyed to the surviving profile: the insert
# triggers (v4 totals, v6 pace) look the learner up in `learner_alias`, and `SUMMARY_REBUILD_V7` and
# `PACE_REBUILD_V7` (run after every change to the aliases) read the rows through `activity_resolved`.
RESOLVED_LEARNER = ("coalesce((SELECT survivor_id FROM learner_alias WHERE learner_id = NEW.learner_id), "
             "NEW.learner_id)")
_TOTAL_TRIGGERS = [statement for statement in (*SCHEMA_V4, *SCHEMA_V6) if statement.startswith(
    ("CREATE TRIGGER activity_totals", "CREATE TRIGGER activity_pace"))]


def _resolved(statements: list[str]) -> list[str]:
    return [re.sub(r"\bFROM activity\b", "FROM activity_resolved AS activity", statement)
            for statement in statements]


SUMMARY_REBUILD_V7 = _resolved(SUMMARY_REBUILD)
PACE_REBUILD_V7 = _resolved(PACE_REBUILD)
SCHEMA_V7 = [
    """CREATE TABLE learner_merge (
        id TEXT PRIMARY KEY NOT NULL,
        from_learner_id TEXT NOT NULL,
        into_learner_id TEXT NOT NULL,
        merged_at TEXT NOT NULL,
        device_id TEXT NOT NULL,
        CHECK (from_learner_id <> into_learner_id)
    )""",
    """CREATE TRIGGER learner_merge_is_append_only_update BEFORE UPDATE ON learner_merge
       BEGIN SELECT RAISE(ABORT, 'merge records are append-only'); END""",
    """CREATE TRIGGER learner_merge_is_append_only_delete BEFORE DELETE ON learner_merge
       BEGIN SELECT RAISE(ABORT, 'merge records are append-only'); END""",
    """CREATE TABLE learner_alias (
        learner_id TEXT PRIMARY KEY NOT NULL,
        survivor_id TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX learner_alias_survivor ON learner_alias (survivor_id)",
    """CREATE VIEW activity_resolved AS
        SELECT a.rowid AS rowid, a.id, coalesce(s.survivor_id, a.learner_id) AS learner_id, a.verb,
               a.module_id, a.object_id, a.attempt_id, a.payload, a.occurred_at, a.device_id
          FROM activity AS a LEFT JOIN learner_alias AS s ON s.learner_id = a.learner_id""",
    # Members as the people they are: a merged-away member counts as its survivor, once. Written as
    # two branches (the unmerged members; survivors who are members only through a merged profile)
    # so the dashboard's `cohort_id = :cohort` reaches the primary key instead of a DISTINCT over
    # every cohort's members.
    """CREATE VIEW cohort_member_resolved AS
        SELECT m.cohort_id, m.learner_id FROM cohort_member AS m
         WHERE NOT EXISTS (SELECT 1 FROM learner_alias AS s WHERE s.learner_id = m.learner_id)
        UNION ALL
        SELECT DISTINCT m.cohort_id, s.survivor_id FROM cohort_member AS m
          JOIN learner_alias AS s ON s.learner_id = m.learner_id
         WHERE NOT EXISTS (SELECT 1 FROM cohort_member AS k
                            WHERE k.cohort_id = m.cohort_id AND k.learner_id = s.survivor_id)""",
    *[f"DROP TRIGGER {statement.split()[2]}" for statement in _TOTAL_TRIGGERS],
    *[statement.replace("NEW.learner_id", RESOLVED_LEARNER) for statement in _TOTAL_TRIGGERS],
]


# v8: sync with a central server (store/sync.py, store/sync_ingest.py). Learner PCs may only add
# signed batches to `sync_inbox` (the same signed entries as a progress bundle, as text) and read
# `sync_server`, the rosters, cohorts and `sync_trusted_key`; a trainer's ingest checks each batch
# against the trusted keys and merges it like a bundle import, writing its verdict to
# `sync_ingest` (a batch that fails stays in the inbox, quarantined with its reason). Plain SQL
# that SQLite and PostgreSQL both read.
SCHEMA_V8 = [
    """CREATE TABLE sync_server (
        id TEXT PRIMARY KEY NOT NULL
    )""",
    """CREATE TABLE sync_inbox (
        batch_id TEXT PRIMARY KEY NOT NULL,
        key_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        pushed_at TEXT NOT NULL,
        manifest TEXT NOT NULL,
        activities TEXT NOT NULL,
        merges TEXT NOT NULL,
        signature TEXT NOT NULL
    )""",
    """CREATE TABLE sync_ingest (
        batch_id TEXT PRIMARY KEY NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        key_id TEXT NOT NULL,
        installation TEXT NOT NULL,
        added INTEGER NOT NULL,
        already_present INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE sync_trusted_key (
        key_id TEXT PRIMARY KEY NOT NULL,
        public_key TEXT NOT NULL,
        name TEXT NOT NULL,
        trusted_at TEXT NOT NULL
    )""",
]


# v9: a quiz attempt's start row kept a full copy of every question it showed (15 KB, 89% of the
# payload bytes of a busy database). Each distinct question body is now stored once, keyed by its
# SHA-256, and new start rows refer to it (`store/quiz_questions.py`); rows already written are
# never rewritten (activity is append-only) and read back as before. Plain SQL that SQLite and
# PostgreSQL both read.
SCHEMA_V9 = [
    """CREATE TABLE quiz_question (
        digest TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL
    )""",
]
