"""Names and reasons from bundles on the command line: shown literally (a PC name cannot rewrite the
terminal), `trust-key` shows who it is and asks first, and an import names every profile merge it
records. Real bundle files, real databases, the real CLI (in-process, and as a process on a pty)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from sync_kit import PC_KEY, make_server, make_trainer

from workbook.cli import main
from workbook.keys import fingerprint, key_id, trust_key, trusted_keys
from workbook.store.activity import record_section_read
from workbook.store.bundles import export_bundle
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners, survivor_of

ROOT = Path(__file__).resolve().parents[2]
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(3, 35)))
SHOWN = fingerprint(key_id(KEY.public_key()))
# The red team's b13 name: clear the line, move up, print a fake "trusted" and "merged", hide the rest.
B13 = ("vm' (key 2cb7-a757-abba-4f0a) is trusted.\x1b[2K\r\x1b[1Abundles/sam.zip: merged: Sam Taylor, "
       "0 rows added, 277 already present\x1b[8m")
B13_SHOWN = ("vm' (key 2cb7-a757-abba-4f0a) is trusted.\\x1b[2K\\r\\x1b[1Abundles/sam.zip: merged: "
             "Sam Taylor, 0 rows added, 277 already present\\x1b[8m")
LEARNER = "Sam\x1b]0;owned\x07 \u202eroliaT"


def hostile_bundle(folder: Path, out: Path, installation: str = B13, name: str = LEARNER) -> Path:
    with opened(folder):
        learner = create_learner(name)
        record_section_read(learner.id, "empathy", "s1")
        return export_bundle(learner.id, out, KEY, installation=installation).path


def no_raw_controls(text: str) -> bool:
    return not any(c in text for c in "\x1b\r\x07\x9b\u202e")


def test_import_progress_prints_the_pc_and_learner_names_literally(tmp_path, capsys):
    bundle = hostile_bundle(tmp_path / "pc", tmp_path / "b13.zip")
    trainer = tmp_path / "trainer"
    assert main(["import-progress", str(bundle), "--data-dir", str(trainer)]) == 1
    err = capsys.readouterr().err
    assert no_raw_controls(err)
    assert f"signed by the PC '{B13_SHOWN}' (key {SHOWN})" in err
    trust_key(KEY.public_key(), trainer, B13)
    assert main(["import-progress", str(bundle), "--data-dir", str(trainer)]) == 0
    out = capsys.readouterr().out
    assert no_raw_controls(out)
    assert out == f"{bundle}: Sam\\x1b]0;owned\\x07 \\u202eroliaT (new profile): 1 added, 0 already present\n"


# --- trust-key: show, then ask ------------------------------------------------------------------


def test_trust_key_without_a_terminal_shows_who_and_refuses_unless_yes(tmp_path):
    bundle = hostile_bundle(tmp_path / "pc", tmp_path / "b13.zip")
    trainer = tmp_path / "trainer"
    command = [sys.executable, str(ROOT / "main.py"), "trust-key", str(bundle), "--data-dir", str(trainer)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    refused = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                             env=environment, timeout=120)
    assert refused.returncode == 1
    assert f"PC name:          '{B13_SHOWN}'" in refused.stdout
    assert f"Key fingerprint:  {SHOWN}" in refused.stdout and no_raw_controls(refused.stdout)
    assert refused.stderr.strip() == ("No terminal to ask: add --yes to trust it from a script. "
                                      "Nothing was trusted.")
    assert key_id(KEY.public_key()) not in trusted_keys(trainer)

    done = subprocess.run([*command, "--yes"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith(
        f"Trusted the PC '{B13_SHOWN}' (key {SHOWN}): its progress bundles")
    assert key_id(KEY.public_key()) in trusted_keys(trainer)


def _on_a_terminal(command: list[str], answer: str) -> tuple[int, str]:
    """Run `command` with a pseudo-terminal as its stdin and stdout; type `answer` at the [y/N]."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, close_fds=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(follower)
    shown, answered = b"", False
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        if not answered and b"[y/N]" in shown:
            assert b"Key fingerprint:" in shown  # the question comes after who it is
            os.write(leader, answer.encode() + b"\n")
            answered = True
    os.close(leader)
    return process.wait(timeout=120), shown.decode("utf-8", "replace").replace("\r\n", "\n")  # tty's \r


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_trust_key_on_a_terminal_asks_after_showing_the_name_and_fingerprint(tmp_path):
    bundle = hostile_bundle(tmp_path / "pc", tmp_path / "b13.zip")
    trainer = tmp_path / "trainer"
    command = [sys.executable, str(ROOT / "main.py"), "trust-key", str(bundle), "--data-dir", str(trainer)]

    code, shown = _on_a_terminal(command, "")  # Enter: the default is No
    assert code == 1 and "Nothing was trusted." in shown
    assert shown.index(f"Key fingerprint:  {SHOWN}") < shown.index("Trust this PC? [y/N]")
    assert no_raw_controls(shown) and B13_SHOWN in shown
    assert key_id(KEY.public_key()) not in trusted_keys(trainer)

    code, shown = _on_a_terminal(command, "y")
    assert code == 0 and f"Trusted the PC '{B13_SHOWN}' (key {SHOWN}): its progress bundles" in shown
    assert key_id(KEY.public_key()) in trusted_keys(trainer)


def test_trust_key_refuses_a_tampered_bundle_before_asking(tmp_path, capsys):
    bundle = hostile_bundle(tmp_path / "pc", tmp_path / "b13.zip")
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bundle.read_bytes()[:-40])
    assert main(["trust-key", str(damaged), "--yes", "--data-dir", str(tmp_path / "trainer")]) == 4
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("Not trusted:")


# --- merges are named ---------------------------------------------------------------------------


def test_import_progress_names_each_profile_merge_it_records(tmp_path, capsys):
    """The red team's b16: Sam's bundle carrying "Alex merged into Sam" used to print only
    "0 added, 277 already present"."""
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    with opened(pc):
        sam, alex = create_learner("Sam Taylor"), create_learner("Alex\x1b[8m Moreno")
        record_section_read(sam.id, "empathy", "s1")
        record_section_read(alex.id, "empathy", "s2")
        before = [export_bundle(person.id, tmp_path / f"{n}.zip", KEY).path
                  for n, person in (("sam", sam), ("alex", alex))]
        merge_learners(alex.id, sam.id)
        merged = export_bundle(sam.id, tmp_path / "sam-merged.zip", KEY).path
    trust_key(KEY.public_key(), trainer, "front desk")
    assert main(["import-progress", *map(str, before), "--data-dir", str(trainer)]) == 0
    capsys.readouterr()
    assert main(["import-progress", str(merged), "--data-dir", str(trainer)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{merged}: Sam Taylor (existing profile): 0 added, 1 already present",
        f"  profile merge recorded: Alex\\x1b[8m Moreno ({alex.id[:8]}) merged into Sam Taylor "
        f"({sam.id[:8]})"]
    assert main(["import-progress", str(merged), "--data-dir", str(trainer)]) == 0
    assert "profile merge" not in capsys.readouterr().out  # recorded once, named once
    with opened(trainer):
        assert survivor_of(alex.id) == sam.id


def test_a_merge_of_a_profile_not_known_here_says_so(tmp_path, capsys):
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    with opened(pc):
        sam, alex = create_learner("Sam Taylor"), create_learner("Alex Moreno")
        merge_learners(alex.id, sam.id)
        merged = export_bundle(sam.id, tmp_path / "sam-merged.zip", KEY).path
    trust_key(KEY.public_key(), trainer, "front desk")
    assert main(["import-progress", str(merged), "--data-dir", str(trainer)]) == 0
    assert (f"  profile merge recorded: a profile not known here ({alex.id[:8]}) merged into Sam Taylor "
            f"({sam.id[:8]})") in capsys.readouterr().out


def test_sync_ingest_prints_names_literally_and_names_merges(tmp_path, capsys, monkeypatch):
    """A batch signed as a PC whose name carries escapes, holding a merge: the quarantine line and
    the trust line show the name literally, the ingest names the merge."""
    from workbook.store import sync as pc_sync

    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    url = make_server(tmp_path / "server")
    from sync_kit import with_key

    with_key(pc, PC_KEY)
    with opened(pc):
        sam, alex = create_learner("Sam Taylor"), create_learner("Alex Moreno")
        record_section_read(alex.id, "empathy", "s1")
        merge_learners(alex.id, sam.id)
    make_trainer(trainer, trusts_pc=False)
    monkeypatch.setattr(pc_sync, "installation_name", lambda: B13)
    assert main(["sync", "--server", url, "--data-dir", str(pc)]) == 7
    capsys.readouterr()
    assert main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer)]) == 7
    err = capsys.readouterr().err
    assert no_raw_controls(err) and f"from '{B13_SHOWN}'" in err
    shown = fingerprint(key_id(PC_KEY.public_key()))
    assert main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer), "--trust", shown]) == 0
    out = capsys.readouterr().out
    assert no_raw_controls(out) and f"Trusted the PC '{B13_SHOWN}' (key {shown})." in out
    assert (f"  profile merge recorded: Alex Moreno ({alex.id[:8]}) merged into Sam Taylor "
            f"({sam.id[:8]})") in out.splitlines()


def test_trust_key_warns_when_the_name_copies_or_quotes_a_trusted_pc(tmp_path, capsys):
    trainer = tmp_path / "trainer"
    known = Ed25519PrivateKey.from_private_bytes(bytes(range(5, 37)))
    known_shown = fingerprint(key_id(known.public_key()))
    trust_key(known.public_key(), trainer, "FRONT-DESK-3")
    copied = hostile_bundle(tmp_path / "pc", tmp_path / "copied.zip", installation="FRONT-DESK-3",
                            name="Sam Taylor")
    quoting = hostile_bundle(tmp_path / "pc2", tmp_path / "quoting.zip",
                             installation=f"vm\nKey fingerprint: {known_shown} (already trusted)", name="Kim")
    assert main(["trust-key", str(copied), "--data-dir", str(trainer)]) == 1  # no terminal, no --yes
    assert (f"Warning: a PC already trusted here, 'FRONT-DESK-3' (key {known_shown}), has the same name: "
            "this may be a copy of its name.") in capsys.readouterr().out.splitlines()
    assert main(["trust-key", str(quoting), "--data-dir", str(trainer)]) == 1
    out = capsys.readouterr().out
    assert f"  PC name:          'vm\\nKey fingerprint: {known_shown} (already trusted)'" in out
    assert (f"Warning: the name quotes the fingerprint of 'FRONT-DESK-3' (key {known_shown}), a PC already "
            f"trusted here; this PC's own fingerprint is {SHOWN}.") in out.splitlines()
