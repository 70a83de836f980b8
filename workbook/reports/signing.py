"""Ed25519 keys per installation, and signatures over a certificate's fields.

Each field is signed on its own as well as the record as a whole, so verification can say which
field no longer matches. The key id is the first 16 hex digits of the SHA-256 of the raw public
key. Private keys stay in the data folder; public keys of other installations a trainer trusts
live in `trusted-keys/` beside it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from workbook.files import write_bytes_atomic

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
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_or_create_key(data_dir: Path) -> Ed25519PrivateKey:
    """This installation's signing key, created (readable by the user only) on first use."""
    path = data_dir / KEY_FILE
    if path.exists():
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


def public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def export_public_key(data_dir: Path, out: Path) -> str:
    """Write this installation's public key for other trainers to import; returns its key id."""
    public = load_or_create_key(data_dir).public_key()
    write_bytes_atomic(out, public_pem(public))
    return key_id(public)


def import_public_key(source: Path, data_dir: Path) -> str:
    """Trust another installation's certificates; returns the imported key id."""
    try:
        public = serialization.load_pem_public_key(source.read_bytes())
    except (ValueError, OSError) as error:
        raise SigningKeyError(f"{source}: not a public key file ({error})") from error
    if not isinstance(public, Ed25519PublicKey):
        raise SigningKeyError(f"{source}: not an Ed25519 public key")
    identity = key_id(public)
    folder = data_dir / TRUSTED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(folder / f"{identity}.pem", public_pem(public))
    return identity


def trusted_keys(data_dir: Path) -> dict[str, Ed25519PublicKey]:
    """Our own key and every imported one, by key id (unreadable files are skipped)."""
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


@dataclass(frozen=True)
class SignedRecord:
    """The signed fields (all text), who signed them, and the signatures."""

    fields: dict[str, str]
    key_id: str
    signature: str  # over the whole canonical record
    field_signatures: dict[str, str]

    def to_metadata(self) -> str:
        body = json.dumps({"fields": self.fields, "key_id": self.key_id, "signature": self.signature,
                           "field_signatures": self.field_signatures},
                          sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return RECORD_PREFIX + b64(body.encode("utf-8"))

    @classmethod
    def from_metadata(cls, text: str) -> SignedRecord:
        if not text.startswith(RECORD_PREFIX):
            raise ValueError("no workbook certificate record")
        data = json.loads(unb64(text.removeprefix(RECORD_PREFIX).strip()).decode("utf-8"))
        return cls({str(k): str(v) for k, v in data["fields"].items()}, str(data["key_id"]),
                   str(data["signature"]), {str(k): str(v) for k, v in data["field_signatures"].items()})

    @property
    def verification_code(self) -> str:
        """16 characters a person can read out: a digest of the signature, in groups of four."""
        digest = base64.b32encode(hashlib.sha256(self.signature.encode()).digest()[:10]).decode()
        return "-".join(digest[i:i + 4] for i in range(0, 16, 4))

    def qr_payload(self) -> str:
        return f"WBC1|{self.fields['certificate_id']}|{self.key_id}|{self.signature}"


def _canonical(fields: dict[str, str]) -> bytes:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _field_message(certificate_id: str, name: str, value: str) -> bytes:
    return "\x1f".join((certificate_id, name, value)).encode("utf-8")


def sign_fields(fields: dict[str, str], key: Ed25519PrivateKey) -> SignedRecord:
    certificate_id = fields["certificate_id"]
    return SignedRecord(
        fields=dict(fields), key_id=key_id(key.public_key()), signature=b64(key.sign(_canonical(fields))),
        field_signatures={name: b64(key.sign(_field_message(certificate_id, name, value)))
                          for name, value in sorted(fields.items())})


def mismatched_fields(record: SignedRecord, public: Ed25519PublicKey) -> list[str]:
    """Names of fields whose signature fails; ['(record)'] if only the whole-record check fails."""
    certificate_id = record.fields.get("certificate_id", "")
    bad = []
    for name in sorted(set(record.fields) | set(record.field_signatures)):
        value, signature = record.fields.get(name), record.field_signatures.get(name)
        if value is None or signature is None or not _verifies(public, signature,
                                                               _field_message(certificate_id, name, value)):
            bad.append(name)
    if not bad and not _verifies(public, record.signature, _canonical(record.fields)):
        bad.append("(record)")
    return bad


def _verifies(public: Ed25519PublicKey, signature: str, message: bytes) -> bool:
    try:
        public.verify(unb64(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True
