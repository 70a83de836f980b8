"""A fixed installation key for certificate tests, and a data folder that holds it (so that
verification there trusts what the tests issue with it)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def own_key_dir(tmp_path: Path) -> Path:
    """A data folder whose installation key is KEY."""
    folder = tmp_path / "issuer"
    folder.mkdir()
    (folder / "signing-key.pem").write_bytes(KEY.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return folder
