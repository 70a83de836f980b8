"""Read a trainer's roster CSV: one learner per row (name, employee id, email).

Spreadsheets export rosters in many ways, so the reader accepts a header in any order and case,
UTF-8 with or without a byte-order mark, and `,`, `;` or tab separators. Each bad row is reported
by line and field, and the good rows are kept, so one typo does not block a class of thirty.
Pure: no database; `workbook.store.cohorts.import_roster` enrols the rows.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from workbook.core.problems import Problem

MAX_NAME = 80  # as for a profile typed in the app (workbook.store.learners)
MAX_EMPLOYEE_ID = 40
MAX_EMAIL = 254
MAX_FILE_BYTES = 5 * 1024 * 1024
_DELIMITERS = ",;\t"
_EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+$")
# Header spellings -> field; compared after lower-casing and turning "-", "_" and spaces into one.
_HEADERS = {
    "name": "name", "full name": "name", "display name": "name", "learner": "name",
    "employee id": "employee_id", "employeeid": "employee_id", "employee": "employee_id",
    "employee number": "employee_id", "id": "employee_id",
    "email": "email", "e mail": "email", "email address": "email", "e mail address": "email",
}


@dataclass(frozen=True)
class RosterRow:
    """One usable roster row; `line` is where it starts in the file, for messages."""

    line: int
    name: str
    employee_id: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Roster:
    rows: tuple[RosterRow, ...]
    problems: tuple[Problem, ...]


def read_roster(path: Path) -> Roster:
    """Read and parse a roster file; an unreadable file is one problem, never an exception."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Roster((), (Problem(path, 0, "file", f"is {size // 1024} KB; a roster is at most "
                                                         f"{MAX_FILE_BYTES // 1024 // 1024} MB"),))
        data = path.read_bytes()
    except OSError as error:
        return Roster((), (Problem(path, 0, "file", f"cannot be read: {error.strerror or error}"),))
    return parse_roster(data, path)


def parse_roster(data: bytes | str, path: Path = Path("roster.csv")) -> Roster:
    """Good rows and the problems of the bad ones; blank lines are skipped without a word."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[:error.start].count(b"\n") + 1
            return Roster((), (Problem(path, line, "file", "is not UTF-8 text: save the roster as "
                                                           "'CSV UTF-8' and try again"),))
    else:
        text = data.removeprefix("\ufeff")
    if "\x00" in text:
        return Roster((), (Problem(path, 1, "file", "contains NUL bytes: it is not a CSV text file"),))
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip(" \t,;")), None)
    if header_index is None:
        return Roster((), (Problem(path, 1, "file", "is empty: the first line must be a header such as "
                                                    "'name,employee id,email'"),))
    delimiter, cells = _header(lines[header_index])
    header_line = header_index + 1
    fields = [_field(cell) for cell in cells]
    if "name" not in fields:
        found = lines[header_index].strip()[:80]
        return Roster((), (Problem(path, header_line, "header",
                                   f"needs a 'name' column (and optionally 'employee id' and 'email'); "
                                   f"found '{found}'"),))
    repeated = sorted({f for f in fields if f is not None and fields.count(f) > 1})
    if repeated:
        return Roster((), (Problem(path, header_line, "header",
                                   f"column '{repeated[0].replace('_', ' ')}' appears more than once"),))
    columns = {index: field for index, field in enumerate(fields) if field is not None}
    width = len(cells)

    body = "\n".join(lines[header_index + 1:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=True)
    rows: list[RosterRow] = []
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    previous_end = 0
    while True:
        start = header_line + previous_end + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(path, header_line + reader.line_num, "row", f"cannot be read: {error}"))
            break  # the reader cannot resynchronise after a broken quote
        previous_end = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        row, found = _row(record, columns, width, start, path)
        problems.extend(found)
        if row is None:
            continue
        if row.employee_id is not None:
            key = row.employee_id.casefold()
            if key in seen_ids:
                problems.append(Problem(path, start, "employee id",
                                        f"{row.employee_id} is already on line {seen_ids[key]}"))
                continue
            seen_ids[key] = start
        rows.append(row)
    return Roster(tuple(rows), tuple(problems))


def _header(line: str) -> tuple[str, list[str]]:
    """The delimiter (Sniffer's guess if it finds a 'name' column, else the first of , ; tab that
    does) and the header cells."""
    candidates = []
    with contextlib.suppress(csv.Error):
        candidates.append(csv.Sniffer().sniff(line, delimiters=_DELIMITERS).delimiter)
    candidates += [d for d in _DELIMITERS if d not in candidates]
    for delimiter in candidates:
        cells = next(csv.reader([line], delimiter=delimiter), [])
        if "name" in (_field(cell) for cell in cells):
            return delimiter, cells
    return ",", next(csv.reader([line]), [])


def _field(cell: str) -> str | None:
    """`Employee ID`, `employee_id` and `Employee-Id` all name the same column."""
    return _HEADERS.get(" ".join(re.split(r"[\s_\-]+", cell.strip().casefold())).strip())


def _row(record: list[str], columns: dict[int, str], width: int, line: int,
         path: Path) -> tuple[RosterRow | None, list[Problem]]:
    values = {field: (record[index] if index < len(record) else "") for index, field in columns.items()}
    problems = []
    extra = [cell for cell in record[width:] if cell.strip()]
    if extra:
        problems.append(Problem(path, line, "row", f"has {len(record)} fields but the header has {width}: "
                                                   "quote a name or email that contains the separator"))
    name = " ".join(values.get("name", "").split())
    employee_id = values.get("employee_id", "").strip() or None
    email = values.get("email", "").strip() or None
    if not name:
        problems.append(Problem(path, line, "name", "is missing"))
    elif len(name) > MAX_NAME:
        problems.append(Problem(path, line, "name", f"is {len(name)} characters; at most {MAX_NAME}"))
    if employee_id is not None and len(employee_id) > MAX_EMPLOYEE_ID:
        problems.append(Problem(path, line, "employee id",
                                f"is {len(employee_id)} characters; at most {MAX_EMPLOYEE_ID}"))
    if email is not None:
        if len(email) > MAX_EMAIL:
            problems.append(Problem(path, line, "email", f"is {len(email)} characters; at most {MAX_EMAIL}"))
        elif not _EMAIL.match(email):
            problems.append(Problem(path, line, "email", f"'{email}' is not an email address"))
    if problems:
        return None, problems
    return RosterRow(line, name, employee_id, email), []
