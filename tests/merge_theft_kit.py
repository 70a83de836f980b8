"""The red team's merge theft as real machines: Mia's PC with her progress, Ben's PC with a profile
carrying Mia's id merged into Ben, each exporting a signed bundle with its own key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened

from workbook.store.activity import record_section_read
from workbook.store.bundles import export_bundle
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners
from workbook.store.models import LearnerRecord

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MIA_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(5, 37)))
BEN_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(7, 39)))
TRAINER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(9, 41)))


def mias_pc(folder: Path, out: Path) -> tuple[str, Path]:
    """Mia's own PC: her profile with three sections read, exported as a bundle; (her id, the file)."""
    with opened(folder):
        mia = create_learner("Mia Chen", "E200")
        for section in ("s1", "s2", "s3"):
            record_section_read(mia.id, "empathy", section, now=T0)
        return mia.id, export_bundle(mia.id, out / "mia.zip", MIA_KEY, installation="MIA-PC").path


def bens_pc(folder: Path, out: Path, mia_id: str) -> tuple[str, Path]:
    """The red team's steps on Ben's PC: a profile carrying Mia's id, merged into Ben (his own PC, his
    own passphrase), and a bundle of Ben's with no activity rows; (Ben's id, the file)."""
    with opened(folder):
        ben = create_learner("Ben Ross", "E400")
        LearnerRecord.create(id=mia_id, display_name="Mia Chen", employee_id=None,
                             created_at="2026-12-04T00:00:00+00:00")
        merge_learners(mia_id, ben.id)
        return ben.id, export_bundle(ben.id, out / "ben.zip", BEN_KEY, installation="BEN-PC").path
