"""Read a trainer's roster CSV: one learner per row (name, employee id, email).

Spreadsheets export rosters in many ways, so the reader accepts a header in any order and case,
UTF-8 with or without a byte-order mark, and `,`, `;` or tab separators. Each bad row is reported
by line and field, and the good rows are kept, so one typo does not block a class of thirty.
Pure: no database; `workbook.store.cohorts.import_roster` enrols the rows.
"""

from __future__ import annotations

import contextlib
import csv
import re
import unicodedata
from pathlib import Path

from msgspec import Struct

from workbook.core.problems import Problem

MAX_NAME = 80  # as for a profile typed in the app (workbook.store.learners)
MAX_EMPLOYEE_ID = 40
MAX_EMAIL = 254
MAX_FILE_BYTES = 5 * 1024 * 1024
_DELIMITERS = ",;\t"
_EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+$")
# Header spellings -> field; compared after lower-casing and turning "-", "_" and spaces into one.
_HEADERS = {
    "name": "name", "full name": "name", "display name": "name", "learner": "name", "agent": "name",
    "agent name": "name", "learner name": "name", "employee name": "name", "trainee": "name",
    "first name": "first_name", "given name": "first_name", "forename": "first_name",
    "last name": "last_name", "surname": "last_name", "family name": "last_name",
    "employee id": "employee_id", "employeeid": "employee_id", "employee": "employee_id",
    "employee number": "employee_id", "employee no": "employee_id", "emp id": "employee_id",
    "id": "employee_id", "agent id": "employee_id", "agentid": "employee_id", "agent number": "employee_id",
    "staff id": "employee_id", "staff number": "employee_id", "staff no": "employee_id",
    "badge": "employee_id", "badge number": "employee_id", "payroll number": "employee_id",
    "email": "email", "e mail": "email", "email address": "email", "e mail address": "email",
    "work email": "email", "mail": "email",
}
FIELD_LABELS = {"name": "name", "first_name": "first name", "last_name": "last name",
                "employee_id": "employee id", "email": "email"}


def name_key(name: str) -> str:
    """How names are compared: Unicode-normalised (NFC), spaces collapsed, case folded, so 'Zoë' typed
    with a combining accent and 'ZOË' are the same person's name."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def same_person_name(a: str, b: str) -> bool:
    """Whether two spellings could name one person ('Ana L.' and 'Ana Lima', 'A. Lima' and 'Ana
    Lima'), as opposed to two people ('Ana Lima' and 'Bea Costa'): first names agree, or last
    names agree with the same initial."""
    first = [t.strip(".,") for t in name_key(a).split() if t.strip(".,")]
    second = [t.strip(".,") for t in name_key(b).split() if t.strip(".,")]
    if not first or not second:
        return False
    if first[0] == second[0]:
        return True
    return len(first) > 1 and len(second) > 1 and first[-1] == second[-1] and first[0][0] == second[0][0]


class RosterRow(Struct, frozen=True):
    """One usable roster row; `line` is where it starts in the file, for messages."""

    line: int
    name: str
    employee_id: str | None = None
    email: str | None = None


class Roster(Struct, frozen=True):
    rows: tuple[RosterRow, ...]
    problems: tuple[Problem, ...]
    recognised: tuple[tuple[str, str], ...] = ()  # (header as written, what it was read as)
    unknown_columns: tuple[str, ...] = ()  # header cells that are not used, listed for the trainer


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
    if "name" not in fields and not {"first_name", "last_name"} <= set(fields):
        found = lines[header_index].strip()[:80]
        return Roster((), (Problem(path, header_line, "header",
                                   f"needs a 'name' column, or 'first name' and 'last name' (and optionally "
                                   f"'employee id' and 'email'); found '{found}'"),))
    repeated = sorted({f for f in fields if f is not None and fields.count(f) > 1})
    if repeated:
        return Roster((), (Problem(path, header_line, "header",
                                   f"column '{repeated[0].replace('_', ' ')}' appears more than once"),))
    columns = {index: field for index, field in enumerate(fields) if field is not None}
    width = len(cells)
    recognised = tuple((cell.strip(), FIELD_LABELS[field]) for cell, field in zip(cells, fields, strict=True)
                       if field is not None)
    unknown = tuple(cell.strip() for cell, field in zip(cells, fields, strict=True)
                    if field is None and cell.strip())

    rows: list[RosterRow] = []
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    for start, record in _records(lines, header_index + 1, delimiter, width, path, problems):
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
    return Roster(tuple(rows), tuple(sorted(problems)), recognised, unknown)


def _records(lines: list[str], first: int, delimiter: str, width: int, path: Path,
             problems: list[Problem]):
    """(line, cells) for each record from `lines[first:]`. A quoted field may run over several lines
    (a name with a line break), but a quote that swallows whole rows, or never closes, is reported at
    the line where it opens and reading goes on at the next line: no later row is lost to it."""
    index = first
    while index < len(lines):
        reader = csv.reader((line + "\n" for line in lines[index:]), delimiter=delimiter, strict=True)
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            problems.append(Problem(path, index + 1, "row", 'a quote (") opens a field here and is never '
                                    "closed: remove it, or close it before the separator"))
            index += 1
            continue
        used = reader.line_num
        if used > 1 and (len(record) > width or any("\n" in cell and delimiter in cell for cell in record)):
            problems.append(Problem(path, index + 1, "row", f'a quote (") opens a field here that runs '
                                    f"on over {used} lines: remove it, or close it before the separator"))
            index += 1
            continue
        yield index + 1, record
        index += used


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
    name = " ".join(values.get("name", "").split()) or " ".join(
        f"{values.get('first_name', '')} {values.get('last_name', '')}".split())
    name = unicodedata.normalize("NFC", name)
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
