"""peewee classes, one per table; the tables themselves are created by `migrations.py`."""

from __future__ import annotations

from peewee import DatabaseProxy, ForeignKeyField, Model, TextField

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


ALL_RECORDS = (LearnerRecord, ActivityRecord, SettingRecord)
