"""Fuzzed progress bundles: whatever a damaged or hostile file holds, importing it either merges a
genuine bundle or refuses with a reason, and a refused file leaves the database byte-identical."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.keys import key_id
from workbook.paths import database_path
from workbook.store import bundle_merge, bundles
from workbook.store.activity import record_section_read
from workbook.store.connection import open_database
from workbook.store.learners import create_learner

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
TRUSTED = {key_id(KEY.public_key()): KEY.public_key()}


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("source")
    db = open_database(database_path(folder))
    try:
        learner = create_learner("Fuzz Learner", "E-99")
        for number in range(6):
            record_section_read(learner.id, "empathy", f"section-{number}")
        out = folder / "genuine.zip"
        bundles.export_bundle(learner.id, out, KEY)
    finally:
        db.close()
    return out.read_bytes()


@pytest.fixture(scope="module")
def target(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("target")
    db = open_database(database_path(folder))
    create_learner("Someone Here", "E-1")
    db.close()
    return folder


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _mutations():
    flips = st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)),
                     min_size=1, max_size=8).map(lambda changes: ("flip", changes))
    cut = st.integers(min_value=0).map(lambda at: ("cut", at))
    entry = st.tuples(st.sampled_from(bundles.ENTRIES), st.binary(max_size=300)).map(
        lambda pair: ("entry", pair))
    text = st.tuples(st.sampled_from(bundles.ENTRIES), st.integers(min_value=0), st.text(max_size=20)).map(
        lambda triple: ("splice", triple))
    return st.one_of(flips, cut, entry, text)


def _apply(genuine: bytes, mutation) -> bytes:
    kind, value = mutation
    if kind == "flip":
        data = bytearray(genuine)
        for position, bits in value:
            data[position % len(data)] ^= bits
        return bytes(data)
    if kind == "cut":
        return genuine[: value % len(genuine)]
    parts = _entries(genuine)
    if kind == "entry":
        name, payload = value
        parts[name] = payload
    else:
        name, at, inserted = value
        original = parts[name]
        at %= len(original) + 1
        parts[name] = original[:at] + inserted.encode("utf-8") + original[at:]
    return bundles.build_zip(parts)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=_mutations())
def test_a_fuzzed_bundle_is_refused_cleanly_and_changes_nothing(genuine, target, tmp_path_factory, mutation):
    data = _apply(genuine, mutation)
    path = tmp_path_factory.mktemp("fuzz") / "bundle.zip"
    path.write_bytes(data)
    before = hashlib.sha256(database_path(target).read_bytes()).hexdigest()
    db = open_database(database_path(target))
    try:
        (result,) = bundle_merge.import_bundles([path], TRUSTED)
    finally:
        db.close()
    if result.refused:
        assert result.reason
        assert hashlib.sha256(database_path(target).read_bytes()).hexdigest() == before
    else:  # only a change that leaves the signed content intact may merge (e.g. ZIP metadata)
        assert _entries(data)[bundles.MANIFEST] == _entries(genuine)[bundles.MANIFEST]
