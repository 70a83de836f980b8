"""Roster CSVs as spreadsheets export them: header in any order, BOM, `;`, and bad rows reported by
line and field while the good rows are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.core.roster import MAX_NAME, RosterRow, parse_roster, read_roster

SOURCE = Path("class.csv")


def test_a_good_file_gives_every_row():
    text = ("name,employee id,email\n"
            "Ana Lima,E-1,ana@example.com\n"
            "Bo Chen,E-2,\n"
            "  Cy   Young ,,cy@example.org\n")
    roster = parse_roster(text.encode(), SOURCE)
    assert roster.problems == ()
    assert roster.rows == (RosterRow(2, "Ana Lima", "E-1", "ana@example.com"), RosterRow(3, "Bo Chen", "E-2"),
                           RosterRow(4, "Cy Young", None, "cy@example.org"))


@pytest.mark.parametrize("header", ["Email;Employee_ID;NAME", "E-mail;Employee-Id;Full name",
                                    "email;employee id;name"])
def test_semicolons_any_order_and_case(header):
    """Excel in many locales writes `;`; header spellings and order vary."""
    roster = parse_roster(f"{header}\nana@example.com;E-1;Ana Lima\n".encode(), SOURCE)
    assert roster.problems == ()
    assert roster.rows == (RosterRow(2, "Ana Lima", "E-1", "ana@example.com"),)


def test_utf8_with_a_byte_order_mark_and_windows_line_ends():
    data = "\ufeffName,Employee ID,Email\r\nJosé Müller,E-9,jose@example.com\r\n李 小龙,E-10,\r\n".encode()
    roster = parse_roster(data, SOURCE)
    assert roster.problems == ()
    assert [row.name for row in roster.rows] == ["José Müller", "李 小龙"]


def test_tabs_and_quoted_separators():
    data = b'name\temail\n"Lima, Ana"\tana@example.com\n'
    assert parse_roster(data, SOURCE).rows == (RosterRow(2, "Lima, Ana", None, "ana@example.com"),)
    quoted = b'name,email\n"Lima, Ana",ana@example.com\n"Multi\nline",\nBo,bo@example.com\n'
    roster = parse_roster(quoted, SOURCE)
    assert [(row.line, row.name) for row in roster.rows] == [(2, "Lima, Ana"), (3, "Multi line"), (5, "Bo")]


def test_bad_rows_are_reported_by_line_and_field_and_good_rows_kept():
    text = ("name,employee id,email\n"            # 1
            "Ana Lima,E-1,ana@example.com\n"     # 2 good
            ",E-2,nobody@example.com\n"          # 3 missing name
            "\n"                                 # 4 blank: skipped silently
            "Bo Chen,E-3,bo-at-example.com\n"    # 5 malformed email
            f"{'x' * (MAX_NAME + 1)},E-4,\n"     # 6 overlong name
            "Cy Young,E-1,cy@example.com\n"      # 7 duplicate employee id
            "Dee Dee,E-5,dee@example.com\n"      # 8 good
            ",,\n"                               # 9 empty cells only: skipped silently
            f"Eve,{'9' * 41},\n"                 # 10 overlong employee id
            "Fay,E-6,fay@example.com,extra\n"    # 11 too many fields
            "Gus,e-1,\n")                        # 12 duplicate, other case
    roster = parse_roster(text.encode(), SOURCE)
    assert [(row.line, row.name) for row in roster.rows] == [(2, "Ana Lima"), (8, "Dee Dee")]
    found = {(p.line, p.field) for p in roster.problems}
    assert found == {(3, "name"), (5, "email"), (6, "name"), (7, "employee id"), (10, "employee id"),
                     (11, "row"), (12, "employee id")}
    duplicate = next(p for p in roster.problems if p.line == 7)
    assert "line 2" in duplicate.message and duplicate.path == SOURCE
    assert str(next(p for p in roster.problems if p.line == 5)).startswith("class.csv:5: email:")


def test_a_header_without_a_name_column_is_one_problem():
    roster = parse_roster(b"id,mail\nE-1,a@example.com\n", SOURCE)
    assert roster.rows == ()
    assert [(p.line, p.field) for p in roster.problems] == [(1, "header")]
    assert "name" in roster.problems[0].message


def test_repeated_columns_and_empty_files_are_refused():
    repeated = parse_roster(b"name,email,E-mail\nAna,a@example.com,b@example.com\n", SOURCE)
    assert [(p.line, p.field) for p in repeated.problems] == [(1, "header")] and repeated.rows == ()
    assert parse_roster(b"", SOURCE).problems[0].message.startswith("is empty")
    assert parse_roster(b"\n\n", SOURCE).problems[0].field == "file"


def test_not_utf8_is_reported_with_its_line():
    data = "name\nAna\nJos\u00e9\n".encode("latin-1")
    roster = parse_roster(data, SOURCE)
    assert roster.rows == ()
    assert [(p.line, p.field) for p in roster.problems] == [(3, "file")]
    assert "UTF-8" in roster.problems[0].message


def test_a_broken_quote_keeps_the_rows_before_it():
    roster = parse_roster(b'name,email\nAna,ana@example.com\n"Bo,bo@example.com\n', SOURCE)
    assert [row.name for row in roster.rows] == ["Ana"]
    assert [p.field for p in roster.problems] == ["row"]


def test_read_roster_from_disk(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("\ufeffname;email\nAna;ana@example.com\n".encode())
    assert read_roster(path).rows == (RosterRow(2, "Ana", None, "ana@example.com"),)
    missing = read_roster(tmp_path / "nope.csv")
    assert missing.rows == () and missing.problems[0].field == "file"
