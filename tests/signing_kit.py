"""A fixed installation key for certificate tests, and a data folder that holds it (so that
verification there trusts what the tests issue with it)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def own_key_dir(tmp_path: Path) -> Path:
    """A data folder whose installation key is KEY (with no database: no register of issued
    certificates, which `verify-certificate` there would hold KEY's certificates against)."""
    folder = tmp_path / "issuer"
    folder.mkdir()
    return with_own_key(folder)


def with_own_key(folder: Path) -> Path:
    """Make KEY the installation key of `folder` (the data folder of the database the tests issue
    certificates in, so that its register lists them); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "signing-key.pem").write_bytes(KEY.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return folder
