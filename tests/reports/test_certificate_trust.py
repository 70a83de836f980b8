"""Who may issue certificates, and the register of those issued, end to end with real machines: a
learner PC and a trainer PC as data folders with their own generated keys and SQLite files, real
bundles and real PDFs, driven through the command line.

A learner PC's key is readable by whoever uses that PC, so trusting it for its progress bundles must
never make the certificates it signs valid; and a certificate signed with a PC's own key that its
register of issued certificates does not list (or lists with other content) was not issued there."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from db_kit import opened

from workbook.cli import main
from workbook.keys import (
    CERTIFICATES,
    PROGRESS,
    TRUSTED_FOLDER,
    fingerprint,
    key_id,
    load_or_create_key,
    trust_key,
    trusted_key_list,
    trusted_keys,
)
from workbook.reports.certificate import draw_certificate
from workbook.reports.issue import issue_certificate, metadata_for
from workbook.reports.pdf_page import document_metadata, open_document
from workbook.reports.signing import SignedRecord, sign_fields
from workbook.reports.verify import certificate_from_record
from workbook.store.learners import create_learner

FIRST = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
AGAIN = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def _record(pdf: Path) -> SignedRecord:
    document = open_document(pdf.read_bytes())
    try:
        return SignedRecord.from_metadata(document_metadata(document)["Keywords"])
    finally:
        document.close()


def _mint(genuine: Path, key_folder: Path, out: Path, **changes: str) -> Path:
    """A certificate drawn by the workbook's own code from a genuine one's fields with `changes`,
    signed with the key file in `key_folder` (what anyone who can read that file can do)."""
    fields = dict(_record(genuine).fields, **changes)
    signed = sign_fields(fields, load_or_create_key(key_folder))
    data, setup = certificate_from_record(signed, None, fields["page_size"])
    with out.open("wb") as handle:
        draw_certificate(data, handle, setup, metadata_for(data, signed))
    return out


def _verify(pdf: Path, folder: Path, capsys) -> tuple[int, str]:
    code = main(["verify-certificate", str(pdf), "--data-dir", str(folder)])
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).strip()


@pytest.fixture
def learner_pc(tmp_path, library, complete_everything) -> tuple[Path, str]:
    """A learner PC (its own generated key) where Sam completed the course; returns (folder, Sam's id)."""
    folder = tmp_path / "learner-pc"
    folder.mkdir()
    with opened(folder):
        sam = create_learner("Sam Taylor", "E-100")
        complete_everything(library, sam.id)
    return folder, sam.id


def test_trusting_a_learner_pc_for_its_bundles_does_not_make_its_certificates_valid(learner_pc, tmp_path,
                                                                                      capsys):
    pc, _sam = learner_pc
    issued = tmp_path / "sam-self-issued.pdf"
    assert main(["certificate", "--learner", "Sam Taylor", "--out", str(issued), "--data-dir", str(pc)]) == 0
    bundle = tmp_path / "sam.zip"
    assert main(["export-progress", "--learner", "Sam Taylor", "--out", str(bundle),
                 "--data-dir", str(pc)]) == 0
    trainer = tmp_path / "trainer-pc"
    assert main(["trust-key", str(bundle), "--yes", "--data-dir", str(trainer)]) == 0
    assert "not its certificates" in capsys.readouterr().out
    assert main(["import-progress", str(bundle), "--data-dir", str(trainer)]) == 0
    capsys.readouterr()
    pc_key = key_id(load_or_create_key(pc).public_key())
    minted = _mint(issued, pc, tmp_path / "c21.pdf", learner_name="Max Power",
                   certificate_id="WB-2026-FAKE-0001", learner_id="0" * 32, employee_id="E-999")

    for pdf in (issued, minted):  # the genuine self-issued copy and the forgery alike
        code, said = _verify(pdf, trainer, capsys)
        assert code == 4
        assert said.startswith("not a trusted issuer: signed by '")
        assert (f"({fingerprint(pc_key)}), a PC trusted for progress only, not as a certificate issuer: "
                "not valid") in said

    assert main(["trust-key", "--certificates", str(bundle), "--yes", "--data-dir", str(trainer)]) == 0
    assert "certificates it signs are now valid here" in capsys.readouterr().out
    assert {entry.key_id: entry.purposes for entry in trusted_key_list(trainer)}[pc_key] == {PROGRESS,
                                                                                             CERTIFICATES}
    code, said = _verify(issued, trainer, capsys)
    assert (code, said.split(":")[0]) == (0, "valid")
    # The trainer's database holds that key's issue records (they came in Sam's bundle): its register
    # speaks against the forgery.
    code, said = _verify(minted, trainer, capsys)
    assert code == 4 and said.startswith("not in the register: Max Power's certificate WB-2026-FAKE-0001 "
                                         f"is signed with key {fingerprint(pc_key)}, but it is not in this "
                                         "database's register")


def test_this_pcs_own_key_is_an_issuer_but_only_of_what_its_register_lists(learner_pc, library, tmp_path,
                                                                             capsys):
    pc, sam = learner_pc
    with opened(pc):
        first = issue_certificate(library, sam, pc, tmp_path / "first.pdf", now=FIRST).path
    assert _verify(first, pc, capsys)[0] == 0

    nobody = _mint(first, pc, tmp_path / "c29.pdf", learner_name="Nobody Anywhere",
                   certificate_id="WB-2026-FAKE-0002", learner_id="f" * 32)
    code, said = _verify(nobody, pc, capsys)
    assert code == 4
    assert said == ("not in the register: Nobody Anywhere's certificate WB-2026-FAKE-0002 is signed with "
                    "this PC's own key, but it is not in this PC's register of issued certificates: it was "
                    "not issued here (anyone who can read that key file can sign a certificate)")

    renamed = _mint(first, pc, tmp_path / "same-id.pdf", learner_name="Samantha Taylor-Jones")
    code, said = _verify(renamed, pc, capsys)
    assert code == 4 and "is in this PC's register of issued certificates, but what was issued differs in " \
                         "learner_name: this is not the certificate that was issued" in said

    with opened(pc):
        again = issue_certificate(library, sam, pc, tmp_path / "again.pdf", now=AGAIN)
    code, said = _verify(first, pc, capsys)
    assert code == 4
    assert said == (f"superseded: Sam Taylor's certificate {_record(first).fields['certificate_id']} was "
                    f"re-issued on 2026-11-20 as certificate {again.certificate_id}: this older copy is "
                    "superseded; ask for the newest one")
    assert _verify(again.path, pc, capsys)[0] == 0


def test_a_pc_without_a_database_has_an_empty_register(learner_pc, library, tmp_path, capsys):
    """The key file copied to another folder (no database, so no record of any issue) does not make
    the certificates it signs valid there, not even genuine ones."""
    pc, sam = learner_pc
    with opened(pc):
        genuine = issue_certificate(library, sam, pc, tmp_path / "genuine.pdf", now=FIRST).path
    copy = tmp_path / "key-only"
    copy.mkdir()
    (copy / "signing-key.pem").write_bytes((pc / "signing-key.pem").read_bytes())
    code, said = _verify(genuine, copy, capsys)
    assert code == 4 and "not in this PC's register of issued certificates" in said
    assert not (copy / "workbook.sqlite").exists()  # verifying made no database


def test_keys_trusted_before_purposes_keep_progress_trust_only(tmp_path):
    """A trust note as written before purposes existed (name and date only): progress, not issuer."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from workbook.keys import public_pem

    folder = tmp_path / "trainer"
    old = Ed25519PrivateKey.generate().public_key()
    identity = key_id(old)
    (folder / TRUSTED_FOLDER).mkdir(parents=True)
    (folder / TRUSTED_FOLDER / f"{identity}.pem").write_bytes(public_pem(old))
    (folder / TRUSTED_FOLDER / f"{identity}.json").write_text(
        json.dumps({"name": "ROOM-2-PC-4", "trusted_at": "2026-10-01T08:00:00+00:00"}), encoding="utf-8")
    assert identity in trusted_keys(folder) and identity not in trusted_keys(folder, CERTIFICATES)

    trust_key(old, folder, purposes=(CERTIFICATES,))  # made an issuer: its progress trust stays
    (entry,) = trusted_key_list(folder)
    assert (entry.name, entry.purposes) == ("ROOM-2-PC-4", {PROGRESS, CERTIFICATES})
    trust_key(old, folder, "ROOM-2-PC-4")  # trusting its bundles again never takes issuer trust away
    assert identity in trusted_keys(folder, CERTIFICATES) and identity in trusted_keys(folder, PROGRESS)


def test_an_issuer_only_key_signs_no_progress(tmp_path, capsys):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from workbook.keys import public_pem

    trainer_key = Ed25519PrivateKey.generate().public_key()
    exported = tmp_path / "trainer.pem"
    exported.write_bytes(public_pem(trainer_key))
    verifier = tmp_path / "verifier"
    assert main(["import-key", str(exported), "--certificates", "--name", "Trainer 1",
                 "--data-dir", str(verifier)]) == 0
    assert "certificates it signs are now valid here (it is a certificate issuer)" in capsys.readouterr().out
    identity = key_id(trainer_key)
    assert identity in trusted_keys(verifier, CERTIFICATES) and identity not in trusted_keys(verifier)
    with pytest.raises(ValueError, match="no such trust purpose"):
        trust_key(trainer_key, verifier, purposes=("everything",))


@pytest.mark.both_backends
def test_the_register_is_the_database_the_pc_works_on(database, database_args, data_dir, library,
                                                      complete_everything, tmp_path, capsys):
    """A trainer PC working on the centre's server records its issues there, and verifying with the
    same `--database` reads that register (SQLite file and PostgreSQL alike)."""
    sam = create_learner("Sam Taylor", "E-100")
    complete_everything(library, sam.id)
    first = issue_certificate(library, sam.id, data_dir, tmp_path / "first.pdf", now=FIRST).path
    again = issue_certificate(library, sam.id, data_dir, tmp_path / "again.pdf", now=AGAIN).path
    minted = _mint(again, data_dir, tmp_path / "minted.pdf", certificate_id="WB-2026-FAKE-0003")

    def verify(pdf: Path) -> tuple[int, str]:
        code = main(["verify-certificate", str(pdf), *database_args])
        captured = capsys.readouterr()
        return code, (captured.out + captured.err).split(":")[0]

    assert verify(again) == (0, "valid")
    assert verify(first) == (4, "superseded")
    assert verify(minted) == (4, "not in the register")


def test_a_progress_only_pcs_name_reaches_the_terminal_without_control_characters(learner_pc, library,
                                                                                    tmp_path, capsys):
    pc, sam = learner_pc
    with opened(pc):
        issued = issue_certificate(library, sam, pc, tmp_path / "sam.pdf", now=FIRST).path
    verifier = tmp_path / "verifier"
    trust_key(load_or_create_key(pc).public_key(), verifier, "ROOM\x1b[2J\x1b]0;pwned\x07-4")
    code, said = _verify(issued, verifier, capsys)
    assert code == 4 and "signed by 'ROOM?[2J?]0;pwned?-4' (" in said and "\x1b" not in said
