"""peewee classes, one per table; the tables themselves are created by `migrations.py`."""

from __future__ import annotations

from peewee import CompositeKey, DatabaseProxy, FloatField, ForeignKeyField, IntegerField, Model, TextField

database = DatabaseProxy()


class BaseRecord(Model):
    class Meta:
        database = database


class LearnerRecord(BaseRecord):
    """A learner profile; `id` is a UUID so profiles from other machines merge cleanly."""

    id = TextField(primary_key=True)
    display_name = TextField()
    employee_id = TextField(null=True)
    created_at = TextField()
    archived_at = TextField(null=True)
    email = TextField(null=True)  # from a trainer's roster; shown on the cohort dashboard

    class Meta:
        table_name = "learner"


class ActivityRecord(BaseRecord):
    """One learning event (section read, answer given, ...); append-only, merged by union of ids."""

    id = TextField(primary_key=True)
    learner = ForeignKeyField(LearnerRecord, column_name="learner_id", backref="activities")
    verb = TextField()
    module_id = TextField(null=True)
    object_id = TextField()
    attempt_id = TextField(null=True)
    payload = TextField(default="{}")
    occurred_at = TextField()
    device_id = TextField()

    class Meta:
        table_name = "activity"


class SettingRecord(BaseRecord):
    """A per-installation preference (last profile, zoom, device id)."""

    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"


class CohortRecord(BaseRecord):
    """A trainer's group of learners; archived (hidden), never deleted, so its history stays."""

    id = TextField(primary_key=True)
    name = TextField()
    created_at = TextField()
    archived_at = TextField(null=True)

    class Meta:
        table_name = "cohort"


class CohortMemberRecord(BaseRecord):
    """One learner enrolled in one cohort; removing it unenrols, the learner and activity stay."""

    cohort = ForeignKeyField(CohortRecord, column_name="cohort_id", backref="members")
    learner = ForeignKeyField(LearnerRecord, column_name="learner_id", backref="cohorts")
    added_at = TextField()

    class Meta:
        table_name = "cohort_member"
        primary_key = CompositeKey("cohort", "learner")


class BookmarkRecord(BaseRecord):
    """A lesson section a learner marked to come back to (one row per section, toggled)."""

    learner = ForeignKeyField(LearnerRecord, column_name="learner_id", backref="bookmarks")
    module_id = TextField()
    section_id = TextField()
    created_at = TextField()

    class Meta:
        table_name = "bookmark"
        primary_key = CompositeKey("learner", "module_id", "section_id")


class NoteRecord(BaseRecord):
    """A learner's own note on a lesson section; edited in place, and theirs to delete."""

    id = TextField(primary_key=True)
    learner = ForeignKeyField(LearnerRecord, column_name="learner_id", backref="notes")
    module_id = TextField()
    section_id = TextField()
    body = TextField()
    created_at = TextField()
    updated_at = TextField()

    class Meta:
        table_name = "note"


class MergeRecord(BaseRecord):
    """A trainer merged profile `from_learner` into `into_learner` (the same person); append-only,
    and not a foreign key: a merge may reach a PC before either profile does."""

    id = TextField(primary_key=True)
    from_learner_id = TextField()
    into_learner_id = TextField()
    merged_at = TextField()
    device_id = TextField()

    class Meta:
        table_name = "learner_merge"


class AliasRecord(BaseRecord):
    """Derived from the merge records (`merges.resolve`): a merged-away profile and its survivor."""

    learner_id = TextField(primary_key=True)
    survivor_id = TextField()

    class Meta:
        table_name = "learner_alias"


# Per-learner totals kept by insert triggers on `activity` (migration step 4) for the cohort
# dashboard. Derived data: read them, never write them; `dashboard.rebuild_totals` recomputes them.


class SectionReadTotal(BaseRecord):
    object_id = TextField()
    learner_id = TextField()
    module_id = TextField()

    class Meta:
        table_name = "learner_section_read"
        primary_key = CompositeKey("object_id", "learner_id")


class ModuleReadTotal(BaseRecord):
    learner_id = TextField()
    module_id = TextField()
    sections = IntegerField()

    class Meta:
        table_name = "learner_module_read"
        primary_key = CompositeKey("learner_id", "module_id")


class QuizBestTotal(BaseRecord):
    learner_id = TextField()
    module_id = TextField()
    best = IntegerField()
    attempts = IntegerField()

    class Meta:
        table_name = "learner_quiz_best"
        primary_key = CompositeKey("learner_id", "module_id")


class CallBestTotal(BaseRecord):
    learner_id = TextField()
    object_id = TextField()
    played = IntegerField()
    strong = IntegerField()
    strong_score = IntegerField()  # best skill score of a call that ended well; -1 while none has (v10)

    class Meta:
        table_name = "learner_call_best"
        primary_key = CompositeKey("learner_id", "object_id")


class SkillTotal(BaseRecord):
    learner_id = TextField()
    skill = TextField()
    total = FloatField()
    scores = IntegerField()

    class Meta:
        table_name = "learner_skill_total"
        primary_key = CompositeKey("learner_id", "skill")


class DashboardTotal(BaseRecord):
    """A learner's per-module, per-quiz, per-call and per-skill totals as one JSON document (schema
    step 10), which the cohort dashboard reads."""

    learner_id = TextField(primary_key=True)
    figures = TextField()

    class Meta:
        table_name = "learner_dashboard"


class LatestTotal(BaseRecord):
    learner_id = TextField(primary_key=True)
    last_at = TextField()
    certificate_id = TextField(null=True)
    certificate_at = TextField(null=True)

    class Meta:
        table_name = "learner_latest"


class PaceRecord(BaseRecord):
    """Seconds one answer or call turn took, and its reading floor (migration step 6); derived data."""

    attempt_id = TextField()
    item = TextField()
    learner_id = TextField()
    kind = TextField()  # "question" or "turn"
    object_id = TextField()
    seconds = FloatField()
    floor = FloatField(null=True)  # None: recorded before floors were stored

    class Meta:
        table_name = "learner_pace"
        primary_key = CompositeKey("attempt_id", "item")


class AttemptPaceRecord(BaseRecord):
    attempt_id = TextField(primary_key=True)
    learner_id = TextField()
    kind = TextField()
    timed = IntegerField()  # answers with a reading floor
    too_fast = IntegerField()  # of those, answered sooner than the floor

    class Meta:
        table_name = "learner_attempt_pace"


class PaceSecondRecord(BaseRecord):
    learner_id = TextField()
    kind = TextField()
    second = IntegerField()
    answers = IntegerField()

    class Meta:
        table_name = "learner_pace_second"
        primary_key = CompositeKey("learner_id", "kind", "second")


class PaceMedianRecord(BaseRecord):
    learner_id = TextField()
    kind = TextField()
    seconds = IntegerField()  # the lower median, in whole seconds

    class Meta:
        table_name = "learner_pace_median"
        primary_key = CompositeKey("learner_id", "kind")


# Sync with a central server (migration step 8). The sync modules read and write these with plain
# SQL on a second connection (`store/server.py`); the classes say what the tables hold.


class SyncServerRecord(BaseRecord):
    """This database's own id, made once: a PC keeps how far it has pushed per server id."""

    id = TextField(primary_key=True)

    class Meta:
        table_name = "sync_server"


class SyncInboxRecord(BaseRecord):
    """A signed batch a learner PC pushed: the entries of a progress bundle, as text."""

    batch_id = TextField(primary_key=True)
    key_id = TextField()
    device_id = TextField()
    row_count = IntegerField()
    pushed_at = TextField()
    manifest = TextField()
    activities = TextField()
    merges = TextField()
    signature = TextField()

    class Meta:
        table_name = "sync_inbox"


class SyncIngestRecord(BaseRecord):
    """A trainer's verdict on one pushed batch: merged, untrusted or rejected (with why)."""

    batch_id = TextField(primary_key=True)
    status = TextField()
    reason = TextField(null=True)
    key_id = TextField()
    installation = TextField()
    added = IntegerField()
    already_present = IntegerField()
    ingested_at = TextField()

    class Meta:
        table_name = "sync_ingest"


class SyncTrustedKeyRecord(BaseRecord):
    """A key the centre's trainers trust, published by an ingest for PCs to pull."""

    key_id = TextField(primary_key=True)
    public_key = TextField()
    name = TextField()
    trusted_at = TextField()

    class Meta:
        table_name = "sync_trusted_key"


class QuizQuestionRecord(BaseRecord):
    """One quiz question as an attempt showed it, stored once however many attempts showed it
    (v9); attempt-start rows refer to it by `digest`, the SHA-256 of `body`."""

    digest = TextField(primary_key=True)
    body = TextField()

    class Meta:
        table_name = "quiz_question"


class ActivitySourceRecord(BaseRecord):
    """The key (and PC) whose signed bundle or batch first brought an activity row here (v11);
    rows recorded here have none (`store/row_provenance.py`)."""

    activity_id = TextField(primary_key=True)
    key_id = TextField()
    installation = TextField()
    delivered_at = TextField()

    class Meta:
        table_name = "activity_source"


class ActivityRefusedRecord(BaseRecord):
    """A row an import did not take, kept with the PC that sent it and why (v11)."""

    activity_id = TextField()
    key_id = TextField()
    row_sha256 = TextField()
    learner_id = TextField()
    installation = TextField()
    reason = TextField()
    row_json = TextField()
    refused_at = TextField()

    class Meta:
        table_name = "activity_refused"
        primary_key = CompositeKey("activity_id", "key_id", "row_sha256")


ALL_RECORDS = (LearnerRecord, ActivityRecord, SettingRecord, CohortRecord, CohortMemberRecord,
               SectionReadTotal, ModuleReadTotal, QuizBestTotal, CallBestTotal, SkillTotal, LatestTotal,
               DashboardTotal,
               BookmarkRecord, NoteRecord, PaceRecord, AttemptPaceRecord, PaceSecondRecord,
               PaceMedianRecord, MergeRecord, AliasRecord, SyncServerRecord, SyncInboxRecord,
               SyncIngestRecord, SyncTrustedKeyRecord, QuizQuestionRecord, ActivitySourceRecord,
               ActivityRefusedRecord)
