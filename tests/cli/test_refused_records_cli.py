"""`workbook refused-records`: what imports refused, reviewed later. Real machines (row_theft_kit):
Sam's PC, Mallory's PC holding a copy of his rows, and a copy of hers posing as his device with the
scores sabotaged; the trainer imports their signed files through the real `import-progress` (on
SQLite and on PostgreSQL), then reads the refused records back as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from db_kit import opened
from row_theft_kit import (
    MALLORY_FP,
    SAM_FP,
    bundle_rows,
    export_from_mallory,
    mallorys_pc,
    sabotaged,
    sams_pc,
    trainer_pc,
)

from workbook.cli import main
from workbook.store import trainer as trainer_store
from workbook.store.learners import create_learner
from workbook.trainer_gate import ENVIRONMENT

PASSPHRASE = "a long trainer passphrase"


class Machines:
    """Sam's id and his rows, the files on the USB stick, and the trainer's data folder."""

    def __init__(self, tmp_path: Path, complete) -> None:
        usb = tmp_path / "usb"
        usb.mkdir()
        self.sam_id, self.sam_zip = sams_pc(tmp_path / "sam-pc", usb, complete)
        self.rows = bundle_rows(self.sam_zip)[1]
        self.changed = sum(sabotaged(row) != row for row in self.rows)
        mallorys_pc(tmp_path / "mallory-pc", self.sam_zip)  # a copy, sent from her own PC
        self.copy = export_from_mallory(tmp_path / "mallory-pc", self.sam_id, usb / "copy.zip")
        mallorys_pc(tmp_path / "mallory-posing", self.sam_zip, sabotage=True, posing=True)
        self.forged = export_from_mallory(tmp_path / "mallory-posing", self.sam_id, usb / "forged.zip")
        self.trainer = trainer_pc(tmp_path / "trainer")


@pytest.fixture
def machines(tmp_path, library, complete_everything) -> Machines:
    return Machines(tmp_path, lambda learner: complete_everything(library, learner))


@pytest.fixture
def folder_args(machines, backend, request) -> list[str]:
    """The trainer's data folder (its keys), and on PostgreSQL its database on the server."""
    folder = ["--data-dir", str(machines.trainer)]
    return [*folder, "--database", request.getfixturevalue("pg_url")] if backend == "postgres" else folder


@pytest.mark.both_backends
def test_the_refused_records_are_listed_per_pc_and_reason_newest_first(machines, folder_args, capsys):
    m = machines
    assert main(["refused-records", *folder_args]) == 0
    assert capsys.readouterr().out == "No refused records.\n"
    assert main(["import-progress", str(m.copy), str(m.sam_zip), *folder_args]) == 7
    assert main(["import-progress", str(m.forged), *folder_args]) == 7
    capsys.readouterr()

    assert main(["refused-records", *folder_args]) == 0
    lines = capsys.readouterr().out.splitlines()
    sam = f"Sam Taylor ({m.sam_id[:8]})"
    assert len(lines) == 5
    newest, newest_why, oldest, oldest_why, total = lines  # the forged copies came last: listed first
    assert newest.startswith(f"{sam}: {m.changed} activity records refused from the PC 'MALLORY-PC' "
                             f"(key {MALLORY_FP}) on 20")
    assert newest_why.startswith(f"  why: differs from the row of the same id that the PC 'SAM-PC' (key "
                                 f"{SAM_FP}) sent first")
    assert oldest.startswith(f"{sam}: {len(m.rows)} activity records refused from the PC 'MALLORY-PC'")
    assert oldest_why.startswith("  why: recorded on another PC (device ")
    assert total == f"{len(m.rows) + m.changed} activity records refused in all, in 2 groups."
    assert ", e.g. activity " in oldest and "Traceback" not in "\n".join(lines)

    assert main(["refused-records", "--json", "--learner", "E100", *folder_args]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["total"] == len(m.rows) + m.changed
    forged, copied = listed["groups"]
    assert (forged["count"], copied["count"]) == (m.changed, len(m.rows))
    assert {group["learner_name"] for group in listed["groups"]} == {"Sam Taylor"}
    assert {group["key_fingerprint"] for group in listed["groups"]} == {MALLORY_FP}
    assert {group["pc"] for group in listed["groups"]} == {"MALLORY-PC"}
    assert forged["first_refused_at"] == forged["last_refused_at"] > copied["last_refused_at"]
    sent = {row["id"] for row in m.rows}
    assert forged["example_activity_id"] in sent and copied["example_activity_id"] in sent

    assert main(["import-progress", str(m.forged), *folder_args]) == 7  # named again, kept once
    capsys.readouterr()
    assert main(["refused-records", "--json", *folder_args]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == len(m.rows) + m.changed


def test_another_learner_has_none_an_unknown_one_is_not_found_and_the_trainer_passphrase_gates_it(
        machines, tmp_path, capsys, monkeypatch):
    m = machines
    folder = ["--data-dir", str(m.trainer)]
    assert main(["import-progress", str(m.copy), *folder]) == 7
    with opened(m.trainer):
        create_learner("Ana Lima", "E200")
        trainer_store.set_passphrase(PASSPHRASE)
    capsys.readouterr()
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    given = [*folder, "--passphrase-file", str(secret)]

    assert main(["refused-records", "--learner", "Ana Lima", *given]) == 0
    assert capsys.readouterr().out == "No refused records.\n"
    assert main(["refused-records", "--learner", "Sam Taylor", *given]) == 0
    assert f"{len(m.rows)} activity records refused from the PC 'MALLORY-PC'" in capsys.readouterr().out
    assert main(["refused-records", "--learner", "Nobody Here", *given]) == 3
    assert "No learner called 'Nobody Here'" in capsys.readouterr().err

    assert main(["refused-records", *folder, "--passphrase-file", str(tmp_path / "missing.txt")]) == 6
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("Not done: the passphrase file")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    assert main(["refused-records", *folder, "--passphrase-file", str(wrong)]) == 6
    out, err = capsys.readouterr()
    assert out == "" and "Wrong passphrase" in err
