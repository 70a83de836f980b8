"""This installation's Ed25519 key, and the keys of other installations a trainer trusts.

One key per data folder signs both certificates and progress bundles. The key id is the first 16
hex digits of the SHA-256 of the raw public key; its fingerprint is the same digits in groups of
four, for reading out over the phone. The private key stays in the data folder, readable by the
OS user only (0600, restored on load if it was loosened): it is not encrypted, because a learner
issues their own certificate without a trainer present, so everyone who shares one OS account can
use it (README, "The signing key and who can use it"). Trusted public keys live in `trusted-keys/`
beside it, each with a small JSON note of the PC's name, when it was trusted and what for.

A key is trusted for a PURPOSE: "progress" (its bundles and sync batches are merged) and/or
"certificates" (the certificates it signs verify as valid). A trainer must trust learner PCs for
progress, and a learner PC's key is readable by whoever uses that PC, so trusting a PC's progress
never makes it a certificate issuer: that is a separate, explicit step (`import-key --certificates`,
`trust-key --certificates`). This PC's own key is trusted for both. A note written before purposes
existed (no "purposes" in it) means progress only: nothing recorded which of those keys were meant
as issuers, and most were learner PCs trusted at an import.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.files import write_bytes_atomic, write_text_atomic

if TYPE_CHECKING:  # cryptography (~10 MiB, ~35 ms) loads when a key is first used, not with the pages
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_FILE = "signing-key.pem"
TRUSTED_FOLDER = "trusted-keys"
RECORD_PREFIX = "workbook-certificate/1 "
PROGRESS = "progress"  # its progress bundles and sync batches are merged here
CERTIFICATES = "certificates"  # the certificates it signs are valid here (an issuer)
PURPOSES = (PROGRESS, CERTIFICATES)


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


def import_public_key(source: Path, data_dir: Path, name: str = "",
                      purposes: tuple[str, ...] = (PROGRESS,)) -> str:
    """Trust another installation's key for `purposes`; returns the imported key id."""
    return trust_key(read_public_key(source), data_dir, name, purposes)


def trust_key(public: Ed25519PublicKey, data_dir: Path, name: str = "",
              purposes: tuple[str, ...] = (PROGRESS,)) -> str:
    """Add `public` to the trusted keys for `purposes` (added to any it already had: trusting a PC's
    progress again never takes its issuer trust away), with the PC's name for the list; returns its
    key id."""
    unknown = set(purposes) - set(PURPOSES)
    if unknown or not purposes:
        raise ValueError(f"no such trust purpose: {', '.join(sorted(unknown)) or '(none given)'}")
    identity = key_id(public)
    folder = data_dir / TRUSTED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    earlier = _note(folder / f"{identity}.json")
    had = _purposes(earlier) if (folder / f"{identity}.pem").exists() else set()
    write_bytes_atomic(folder / f"{identity}.pem", public_pem(public))
    note = {"name": name or str(earlier.get("name", "")),
            "trusted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "purposes": [purpose for purpose in PURPOSES if purpose in had | set(purposes)]}
    write_text_atomic(folder / f"{identity}.json", json.dumps(note, ensure_ascii=False))
    return identity


def _note(path: Path) -> dict:
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def _purposes(note: dict) -> set[str]:
    """What a note trusts its key for; a note from before purposes (none listed) is progress only."""
    listed = note.get("purposes")
    if not isinstance(listed, list):
        return {PROGRESS}
    return {purpose for purpose in listed if purpose in PURPOSES}


def fingerprint(identity: str) -> str:
    """A key id in groups of four ('3f9a-07c2-...'), easy to compare by eye or read aloud."""
    return "-".join(identity[i:i + 4] for i in range(0, len(identity), 4))


def installation_name() -> str:
    """The name this PC signs its bundles with (its host name), shown to the trainer who trusts it."""
    return socket.gethostname() or "this PC"


class TrustedKey(Struct, frozen=True):
    key_id: str
    name: str
    trusted_at: str
    own: bool = False
    purposes: frozenset[str] = frozenset({PROGRESS})


def own_key_id(data_dir: Path) -> str | None:
    """This installation's key id, or None while it has no key yet (none is made by asking)."""
    if not (data_dir / KEY_FILE).exists():
        return None
    return key_id(load_or_create_key(data_dir).public_key())


def trusted_key_list(data_dir: Path) -> list[TrustedKey]:
    """The keys this installation trusts, its own first, with what each is trusted for."""
    found = []
    own = own_key_id(data_dir)
    if own is not None:
        found.append(TrustedKey(own, installation_name(), "", own=True, purposes=frozenset(PURPOSES)))
    folder = data_dir / TRUSTED_FOLDER
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        note = _note(path.with_suffix(".json"))
        if path.stem != own:
            found.append(TrustedKey(path.stem, str(note.get("name", "")), str(note.get("trusted_at", "")),
                                    purposes=frozenset(_purposes(note))))
    return found


def trusted_keys(data_dir: Path, purpose: str = PROGRESS) -> dict[str, Ed25519PublicKey]:
    """Our own key and every imported one trusted for `purpose`, by key id (unreadable files are
    skipped): PROGRESS for bundles and sync, CERTIFICATES for the issuers of certificates."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if purpose not in PURPOSES:
        raise ValueError(f"no such trust purpose: {purpose}")
    keys: dict[str, Ed25519PublicKey] = {}
    if (data_dir / KEY_FILE).exists():
        own = load_or_create_key(data_dir).public_key()
        keys[key_id(own)] = own
    folder = data_dir / TRUSTED_FOLDER
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        if purpose not in _purposes(_note(path.with_suffix(".json"))):
            continue
        try:
            public = serialization.load_pem_public_key(path.read_bytes())
        except ValueError:
            continue
        if isinstance(public, Ed25519PublicKey):
            keys[key_id(public)] = public
    return keys
