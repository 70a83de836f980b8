"""A bundle's lines are decoded by msgspec for speed, yet a bundle may hold exactly what json.loads
accepts, read as json.loads reads it: text msgspec refuses (NaN, 1e400, lone surrogates) goes to
json.loads, and msgspec never accepts what json.loads refuses nor decodes anything differently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.keys import key_id
from workbook.paths import database_path
from workbook.store import bundles
from workbook.store.activity import record_section_read
from workbook.store.bundle_merge import import_bundles
from workbook.store.bundle_reading import _DECODE, _json_value
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.store.models import ActivityRecord, LearnerRecord

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))
TRUSTED = {key_id(KEY.public_key()): KEY.public_key()}

ROW = ('{"id":"0f","learner_id":"ab","verb":"section-read","module_id":null,"object_id":"empathy/s1",'
       '"attempt_id":null,"payload":"{\\"seconds\\": 12.5, \\"n\\": [1, -2, 3e2]}",'
       '"occurred_at":"2026-03-02T09:00:01.000000Z","device_id":"d"}')
SEEDS = [ROW, '{"a": [true, false, null, 1.5e-3, -0.0, "\\u00e9\\n"]}', '[]', '{}', '"x"', '0']

# Where the two decoders part ways: each must read as json.loads reads it (or be refused alike).
EDGES = [
    '{"payload": NaN}', '{"a": Infinity}', '{"a": -Infinity}', '{"a": 1e400}', '{"a": -1e400}',
    '{"a": "\\ud800"}', '{"a": "\\udc00\\ud800"}', '{"a": 1, "a": 2}',
    '{"a": 123456789012345678901234567890}',
    '{"a": -18446744073709551617}', '{"a": "x\ty"}', '{"a": "x\x01y"}', '{"a": 01}', '[1,]', '{"a": 1} x',
    '\ufeff{"a": 1}', ' {"a": 1}\r', '{"a": 2.5e-324}', '{"a": 1.7976931348623157e309}', '{"a": .5}',
    '{"a": 5.}', '{"a": +1}', "{'a': 1}", '{"a": "\\x41"}', '{"a": "\\u0000"}', '{"a": tru}', '',
]


def _read(text: str) -> tuple[str, str]:
    """("ok", repr of the value) or ("refused", "") for json.loads or the bundle's decoder."""
    try:
        return "ok", repr(json.loads(text))
    except ValueError:
        return "refused", ""


def _ours(text: str) -> tuple[str, str]:
    try:
        return "ok", repr(_json_value(text))
    except ValueError:
        return "refused", ""


@pytest.mark.parametrize("text", EDGES)
def test_each_edge_reads_as_json_loads_reads_it(text):
    assert _ours(text) == _read(text)


def test_msgspec_alone_would_refuse_what_json_loads_takes_so_the_fallback_is_needed():
    for text in ('{"payload": NaN}', '{"a": 1e400}', '{"a": "\\ud800"}'):
        assert _read(text)[0] == "ok"
        with pytest.raises(ValueError):
            _DECODE(text)


_JSONISH = st.sampled_from(list('{}[]",:\\ \t\n\r0123456789eE+-.aefilnrstuINTyx')
                           + ["\\u", "\\ud800", "\x01"])


@st.composite
def _mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS + EDGES))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        cut = draw(st.integers(min_value=0, max_value=2))
        text = text[:at] + draw(_JSONISH) + text[at + cut:]
    return text


@settings(max_examples=1500, deadline=None)
@given(_mutated())
def test_any_damaged_line_reads_as_json_loads_reads_it(text):
    assert _ours(text) == _read(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(_JSONISH, max_size=30).map("".join))
def test_any_short_jsonish_text_reads_as_json_loads_reads_it(text):
    assert _ours(text) == _read(text)


# --- through a real bundle and import ----------------------------------------------------------


@pytest.fixture
def source(tmp_path) -> tuple[Path, LearnerRecord, list[dict]]:
    """A learner with two section reads in their own database, and those rows as dicts."""
    db = open_database(database_path(tmp_path / "source"))
    learner = create_learner("Json Learner")
    record_section_read(learner.id, "empathy", "s1")
    record_section_read(learner.id, "empathy", "s2")
    fields = [ActivityRecord._meta.columns[name] for name in bundles.COLUMNS]
    rows = [dict(zip(bundles.COLUMNS, values, strict=True))
            for values in ActivityRecord.select(*fields).order_by(ActivityRecord.occurred_at).tuples()]
    record = LearnerRecord.get_by_id(learner.id)
    device = rows[0]["device_id"]
    db.close()
    return tmp_path, record, rows, device


def _bundle(folder: Path, learner: LearnerRecord, device: str, lines: list[str]) -> Path:
    entries = bundles.signed_entries(learner, [(line + "\n").encode("utf-8") for line in lines], [], KEY,
                                     device, "2026-03-03T10:00:00.000000Z", "Json PC")
    out = folder / "edited.zip"
    out.write_bytes(bundles.build_zip(entries))
    return out


def _import(folder: Path, bundle: Path):
    db = open_database(database_path(folder / "target"))
    try:
        (result,) = import_bundles([bundle], TRUSTED)
        stored = {row.id: row.payload for row in ActivityRecord.select()}
    finally:
        db.close()
    return result, stored


def test_a_payload_holding_nan_is_taken_as_json_loads_takes_it(source):
    folder, learner, rows, device = source
    rows[0]["payload"] = '{"seconds": NaN}'
    result, stored = _import(folder, _bundle(folder, learner, device, [json.dumps(row) for row in rows]))
    assert result.merged is not None and result.merged.added == 2
    assert stored[rows[0]["id"]] == '{"seconds": NaN}'


def test_a_line_repeating_a_field_keeps_its_last_value_as_json_loads_does(source):
    folder, learner, rows, device = source
    first = json.dumps(rows[0])
    repeated = first[:-1] + ', "object_id": "empathy/last"}'
    result, _ = _import(folder, _bundle(folder, learner, device, [repeated, json.dumps(rows[1])]))
    assert result.merged is not None and result.merged.added == 2
    db = open_database(database_path(folder / "target"))
    try:
        assert ActivityRecord.get_by_id(rows[0]["id"]).object_id == "empathy/last"
    finally:
        db.close()


def test_a_raw_tab_inside_a_line_is_refused_naming_the_line(source):
    folder, learner, rows, device = source
    second = json.dumps(rows[1]).replace('"empathy"', '"emp\tathy"', 1)
    result, stored = _import(folder, _bundle(folder, learner, device, [json.dumps(rows[0]), second]))
    assert result.merged is None
    assert "malformed: activities.jsonl line 2 is not valid JSON" in result.reason
    assert stored == {}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text()), min_size=9, max_size=9))
def test_a_row_line_written_from_its_values_is_the_bytes_json_dumps_writes(values):
    """Push and export write each activity line from the row's values (`activity_line`); a bundle's
    digest is over those bytes, so they must be json_line's, whatever text the row holds."""
    values[bundles.COLUMNS.index("verb")] = values[bundles.COLUMNS.index("verb")] or "section-read"
    row = dict(zip(bundles.COLUMNS, values, strict=True))
    try:
        expected = bundles.json_line(bundles.expanded_row(dict(row), {}))
    except UnicodeEncodeError:  # a lone surrogate: neither writes it
        with pytest.raises(UnicodeEncodeError):
            bundles.activity_line(values, {})
        return
    assert bundles.activity_line(values, {}) == expected
    assert bundles.activity_line((7, *values[1:]), {}) == bundles.json_line(
        bundles.expanded_row({**row, "id": 7}, {}))  # a number is written as json.dumps writes it



_VALID_ROW = {"id": "0f", "learner_id": "ab", "verb": "section-read", "module_id": None,
              "object_id": "empathy/s1", "attempt_id": None, "payload": '{"seconds": 12}',
              "occurred_at": "2026-03-02T09:00:01.000000Z", "device_id": "d"}
_ODD_VALUE = st.one_of(st.none(), st.just(""), st.just("x" * 200), st.just("2026-03-02T09:00:01Z"),
                       st.just("not a time"), st.just('{"a": 1}'), st.just("[1]"), st.just('{"a": NaN}'),
                       st.integers(), st.text(max_size=12))


@settings(max_examples=500, deadline=None)
@given(st.fixed_dictionaries({name: st.one_of(st.just(value), _ODD_VALUE)
                              for name, value in _VALID_ROW.items()}, optional={"extra": _ODD_VALUE}))
def test_the_quick_row_check_never_lets_through_a_row_the_full_check_refuses(row):
    """Reading a big bundle checks each row with `_row_fits` and asks `_row_problem` only when it
    says no: the quick check repeats the full one, so it may refuse more, never accept more."""
    from workbook.store.bundle_reading import _row_fits, _row_problem

    if _row_fits(row, bundles.MAX_ID):
        assert _row_problem(row) is None
    assert _row_fits(_VALID_ROW, bundles.MAX_ID) and _row_problem(_VALID_ROW) is None
