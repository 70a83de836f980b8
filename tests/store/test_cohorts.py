"""Cohorts on a real SQLite file: naming rules, enrolment, and roster imports that match, create and
enrol learners without ever deleting one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.cli import main
from workbook.core.roster import RosterRow, parse_roster
from workbook.paths import database_path
from workbook.store import cohorts, trainer
from workbook.store.activity import activity_count, record_section_read
from workbook.store.connection import open_database
from workbook.store.learners import archive_learner, create_learner, get_learner
from workbook.store.models import LearnerRecord

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL


def test_create_rename_archive_and_name_rules(database):
    """Names are tidied and unique among active cohorts, ignoring case; archived names are free."""
    evening = cohorts.create_cohort("  Evening   shift ")
    assert evening.name == "Evening shift"
    with pytest.raises(cohorts.CohortError, match="already exists"):
        cohorts.create_cohort("EVENING SHIFT")
    for bad in ("", "   ", "x" * 81):
        with pytest.raises(cohorts.CohortError):
            cohorts.create_cohort(bad)
    morning = cohorts.create_cohort("Morning shift")
    with pytest.raises(cohorts.CohortError, match="already exists"):
        cohorts.rename_cohort(morning.id, "evening Shift")
    assert cohorts.rename_cohort(morning.id, "morning shift").name == "morning shift"  # own name, new case
    assert [c.name for c in cohorts.list_cohorts()] == ["Evening shift", "morning shift"]

    cohorts.archive_cohort(evening.id)
    assert [c.name for c in cohorts.list_cohorts()] == ["morning shift"]
    assert [c.name for c in cohorts.list_cohorts(include_archived=True)] == ["morning shift", "Evening shift"]
    again = cohorts.create_cohort("Evening Shift")  # the archived one no longer holds the name
    with pytest.raises(cohorts.CohortError, match="rename one of them"):
        cohorts.unarchive_cohort(evening.id)
    cohorts.rename_cohort(evening.id, "Evening shift 2025")
    cohorts.unarchive_cohort(evening.id)
    names = {c.name for c in cohorts.list_cohorts()}
    assert names == {"Evening Shift", "Evening shift 2025", "morning shift"}
    assert cohorts.find_cohort("evening   SHIFT").id == again.id
    assert cohorts.get_cohort(evening.id).archived_at is None
    with pytest.raises(cohorts.CohortError, match="No cohort"):
        cohorts.rename_cohort("missing", "Anything")


def test_case_insensitive_names_beyond_ascii(database):
    cohorts.create_cohort("Ünterwegs Gruppe")
    with pytest.raises(cohorts.CohortError):
        cohorts.create_cohort("ünterwegs gruppe")


def test_enrol_and_unenrol_keep_learners_and_activity(database):
    ana, ben = create_learner("Ana"), create_learner("Ben")
    record_section_read(ana.id, "empathy", "apologizing-well")
    group = cohorts.create_cohort("Pilot")
    assert cohorts.enrol(group.id, [ana.id, ben.id, ana.id]) == 2
    assert cohorts.enrol(group.id, [ana.id]) == 0
    assert [learner.display_name for learner in cohorts.members(group.id)] == ["Ana", "Ben"]
    assert [c.name for c in cohorts.cohorts_of(ana.id)] == ["Pilot"]
    with pytest.raises(cohorts.CohortError, match="No learner"):
        cohorts.enrol(group.id, ["nobody"])
    assert cohorts.unenrol(group.id, [ana.id]) == 1
    cohorts.archive_cohort(group.id)
    assert [learner.display_name for learner in cohorts.members(group.id)] == ["Ben"]
    assert get_learner(ana.id) is not None and activity_count(ana.id) == 1
    archive_learner(ben.id)
    assert cohorts.members(group.id) == []
    assert [m.display_name for m in cohorts.members(group.id, include_archived=True)] == ["Ben"]


def test_roster_import_matches_creates_and_enrols(database):
    """By employee id, else by exact name; new people get profiles (with email); all are enrolled."""
    ana = create_learner("Ana Lima", "E-1")
    bo = create_learner("Bo Chen")  # no employee id yet
    cy = create_learner("Cy Young", "E-3")
    archive_learner(cy.id)
    record_section_read(ana.id, "empathy", "apologizing-well")
    group = cohorts.create_cohort("November")
    roster = parse_roster(b"name,employee id,email\n"
                           b"Ana L.,E-1,ana@example.com\n"      # matched by id; keeps her name
                           b"Bo Chen,E-2,bo@example.com\n"     # adopts the id-less profile of that name
                           b"Cy Young,E-3,\n"                  # archived profile, shown again
                           b"Dee Dee,,dee@example.com\n"       # new
                           b"Eve Ng,E-5,\n")          # new
    result = cohorts.import_roster(group.id, roster.rows)
    assert (result.created, result.matched, result.enrolled, result.restored) == (2, 3, 5, 1)
    assert result.skipped == ()
    assert "5 learners enrolled" in result.summary()
    assert [line.outcome for line in result.lines] == ["updated", "updated", "updated", "added", "added"]
    assert get_learner(ana.id).display_name == "Ana Lima" and get_learner(ana.id).email == "ana@example.com"
    assert (get_learner(bo.id).employee_id, get_learner(bo.id).email) == ("E-2", "bo@example.com")
    assert get_learner(cy.id).archived_at is None
    dee = LearnerRecord.get(LearnerRecord.display_name == "Dee Dee")
    assert (dee.employee_id, dee.email) == (None, "dee@example.com")
    assert sorted(m.display_name for m in cohorts.members(group.id)) == [
        "Ana Lima", "Bo Chen", "Cy Young", "Dee Dee", "Eve Ng"]
    assert activity_count(ana.id) == 1


def test_reimporting_the_same_roster_changes_nothing(database):
    group = cohorts.create_cohort("Idempotent")
    rows = parse_roster(b"name,employee id,email\nAna,E-1,ana@example.com\nBo,,\n").rows
    first = cohorts.import_roster(group.id, rows)
    learners = LearnerRecord.select().count()
    again = cohorts.import_roster(group.id, rows)
    assert (first.created, first.enrolled) == (2, 2)
    assert (again.created, again.matched, again.enrolled, again.already_enrolled) == (0, 2, 0, 2)
    assert LearnerRecord.select().count() == learners
    other = cohorts.create_cohort("Second cohort")
    assert cohorts.import_roster(other.id, rows).enrolled == 2  # the same people, in another cohort
    assert LearnerRecord.select().count() == learners


def test_an_ambiguous_name_is_skipped_not_guessed(database):
    create_learner("Sam Lee")
    create_learner("Sam Lee")
    group = cohorts.create_cohort("Ambiguous")
    result = cohorts.import_roster(group.id, [RosterRow(2, "Sam Lee"), RosterRow(3, "Pat Kim")],
                                   source=Path("class.csv"))
    assert (result.created, result.enrolled) == (1, 1)
    assert [(p.line, p.path.name) for p in result.skipped] == [(2, "class.csv")]
    assert "employee id" in result.skipped[0].message


def test_an_import_into_a_missing_cohort_changes_nothing(database):
    before = LearnerRecord.select().count()
    with pytest.raises(cohorts.CohortError):
        cohorts.import_roster("no-such-cohort", [RosterRow(2, "New Person", "E-77")])
    assert LearnerRecord.select().count() == before


def _cli(argv: list[str]) -> int:
    """The command line as `python main.py` runs it."""
    return main(argv)


def test_cli_cohort_import_asks_the_trainer_and_lists_bad_rows(data_dir, tmp_path, monkeypatch, capsys):
    roster = tmp_path / "class.csv"
    roster.write_text("name;email\nAna;ana@example.com\n;nobody@example.com\nBo;bo@\n", encoding="utf-8")
    db = open_database(database_path(data_dir))
    trainer.set_passphrase("trainer passphrase")
    db.close()
    base = ["cohort-import", str(roster), "--cohort", "Night shift", "--data-dir", str(data_dir)]

    monkeypatch.setattr("getpass.getpass", lambda prompt="": "trainer passphrase")
    assert _cli(base) == 1  # no such cohort without --create
    assert "--create" in capsys.readouterr().err
    assert _cli([*base, "--create"]) == 7  # done in part: bad rows listed
    out = capsys.readouterr()
    assert "class.csv:3: rejected: name: is missing" in out.err and "class.csv:4: rejected: email" in out.err
    assert "class.csv:2: added: Ana" in out.out
    assert "3 rows: 1 added, 0 updated, 0 unchanged, 2 rejected; 1 learner newly enrolled" in out.out

    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a wrong guess")
    assert _cli([*base, "--cohort", "Another cohort", "--create"]) == 6
    assert "Not done: Wrong passphrase" in capsys.readouterr().err
    db = open_database(database_path(data_dir))
    try:
        assert [m.display_name for m in cohorts.members(cohorts.find_cohort("night shift").id)] == ["Ana"]
        assert cohorts.find_cohort("Another cohort") is None
    finally:
        db.close()


def test_employee_ids_match_ignoring_case_and_large_rosters_import_at_once(database):
    ana = create_learner("Ana Lima", "emp-001")
    group = cohorts.create_cohort("Big class")
    rows = [RosterRow(2, "Ana Lima", "EMP-001")]
    rows += [RosterRow(n + 3, f"Learner {n}", f"E-{n}") for n in range(1200)]
    result = cohorts.import_roster(group.id, rows)
    assert (result.matched, result.created, result.enrolled) == (1, 1200, 1201)
    assert get_learner(ana.id).employee_id == "emp-001"
    assert len(cohorts.members(group.id)) == 1201


def test_every_roster_line_is_accounted_for(database):
    """Added, updated, unchanged or rejected with a reason: no row is lost without a word."""
    create_learner("Bea Costa", "E1002")
    create_learner("Zoë Park")  # typed with a precomposed ë
    group = cohorts.create_cohort("Accounted")
    text = ("Agent ID,Full Name,Team\n"
            "E1001,Ana Lima,North\n"            # 2 added
            "E1002,Ana Lima,North\n"            # 3 rejected: E1002 is Bea Costa's
            "\"E1003,Cy Young,South\n"          # 4 rejected: a stray quote, reported here
            "E1004,Dee Dee,South\n"             # 5 added: not lost to the quote above
            ",zoe\u0308 park,West\n")           # 6 matched: NFD and lower case
    roster = parse_roster(text.encode("utf-8"), Path("team.csv"))
    assert roster.unknown_columns == ("Team",)
    assert ("Agent ID", "employee id") in roster.recognised
    assert [(p.line, p.field) for p in roster.problems] == [(4, "row")]
    result = cohorts.import_roster(group.id, roster.rows, source=Path("team.csv"))
    outcomes = {line.line: line.outcome for line in result.lines}
    assert outcomes == {2: "added", 3: "rejected", 5: "added", 6: "updated"}
    assert "belongs to 'Bea Costa'" in next(line.detail for line in result.lines if line.line == 3)
    assert sorted(m.display_name for m in cohorts.members(group.id)) == ["Ana Lima", "Dee Dee", "Zoë Park"]
    assert LearnerRecord.select().where(LearnerRecord.display_name == "Zoë Park").count() == 1
