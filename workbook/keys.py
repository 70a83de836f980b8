"""This installation's Ed25519 key, and the keys of other installations a trainer trusts.

One key per data folder signs both certificates and progress bundles. The key id is the first 16
hex digits of the SHA-256 of the raw public key; its fingerprint is the same digits in groups of
four, for reading out over the phone. The private key stays in the data folder, readable by the
OS user only (0600, restored on load if it was loosened): it is not encrypted, because a learner
issues their own certificate without a trainer present, so everyone who shares one OS account can
use it (README, "The signing key and who can use it"). Trusted public keys live in `trusted-keys/`
beside it, each with a small JSON note of the PC's name and when it was trusted.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.files import write_bytes_atomic, write_text_atomic

if TYPE_CHECKING:  # cryptography (~10 MiB, ~35 ms) loads when a key is first used, not with the pages
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_FILE = "signing-key.pem"
TRUSTED_FOLDER = "trusted-keys"
RECORD_PREFIX = "workbook-certificate/1 "


class SigningKeyError(ValueError):
    """A key file that cannot be read as an Ed25519 key; the message names the file."""


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_or_create_key(data_dir: Path) -> Ed25519PrivateKey:
    """This installation's signing key, created (readable by the user only) on first use."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = data_dir / KEY_FILE
    if path.exists():
        _owner_only(path)
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as error:
            raise SigningKeyError(f"{path}: not a readable signing key ({error})") from error
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningKeyError(f"{path}: not an Ed25519 key")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    data_dir.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, pem, mode=0o600)  # flushed to disk: a lost key orphans every certificate
    return key


def _owner_only(path: Path) -> None:
    """A key copied in, restored or unpacked with looser permissions is made owner-only again
    (POSIX; on Windows the per-user data folder's access list is what protects it)."""
    if os.name == "posix" and path.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):  # not ours to change (a read-only copy): reading still works
            os.chmod(path, 0o600)


def public_pem(public: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def export_public_key(data_dir: Path, out: Path) -> str:
    """Write this installation's public key for other trainers to import; returns its key id."""
    public = load_or_create_key(data_dir).public_key()
    write_bytes_atomic(out, public_pem(public))
    return key_id(public)


def read_public_key(source: Path) -> Ed25519PublicKey:
    """A public key file written by export-key; SigningKeyError names the file otherwise."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        public = serialization.load_pem_public_key(source.read_bytes())
    except (ValueError, OSError) as error:
        raise SigningKeyError(f"{source}: not a public key file ({error})") from error
    if not isinstance(public, Ed25519PublicKey):
        raise SigningKeyError(f"{source}: not an Ed25519 public key")
    return public


def import_public_key(source: Path, data_dir: Path, name: str = "") -> str:
    """Trust another installation's certificates and bundles; returns the imported key id."""
    return trust_key(read_public_key(source), data_dir, name)


def trust_key(public: Ed25519PublicKey, data_dir: Path, name: str = "") -> str:
    """Add `public` to the trusted keys, with the PC's name for the list; returns its key id."""
    identity = key_id(public)
    folder = data_dir / TRUSTED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(folder / f"{identity}.pem", public_pem(public))
    note = {"name": name, "trusted_at": datetime.now(UTC).isoformat(timespec="seconds")}
    write_text_atomic(folder / f"{identity}.json", json.dumps(note, ensure_ascii=False))
    return identity


def fingerprint(identity: str) -> str:
    """A key id in groups of four ('3f9a-07c2-...'), easy to compare by eye or read aloud."""
    return "-".join(identity[i:i + 4] for i in range(0, len(identity), 4))


def installation_name() -> str:
    """The name this PC signs its bundles with (its host name), shown to the trainer who trusts it."""
    return socket.gethostname() or "this PC"


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    name: str
    trusted_at: str
    own: bool = False


def trusted_key_list(data_dir: Path) -> list[TrustedKey]:
    """The keys this installation trusts, its own first, for the trainer's list."""
    found = []
    own_path = data_dir / KEY_FILE
    if own_path.exists():
        found.append(TrustedKey(key_id(load_or_create_key(data_dir).public_key()), installation_name(), "",
                                own=True))
    folder = data_dir / TRUSTED_FOLDER
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            note = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            note = {}
        found.append(TrustedKey(path.stem, str(note.get("name", "")), str(note.get("trusted_at", ""))))
    return found


def trusted_keys(data_dir: Path) -> dict[str, Ed25519PublicKey]:
    """Our own key and every imported one, by key id (unreadable files are skipped)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    keys: dict[str, Ed25519PublicKey] = {}
    if (data_dir / KEY_FILE).exists():
        own = load_or_create_key(data_dir).public_key()
        keys[key_id(own)] = own
    folder = data_dir / TRUSTED_FOLDER
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            public = serialization.load_pem_public_key(path.read_bytes())
        except ValueError:
            continue
        if isinstance(public, Ed25519PublicKey):
            keys[key_id(public)] = public
    return keys
