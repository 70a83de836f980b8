"""Signatures over a certificate's fields, with the installation's key (`workbook.keys`).

Each field is signed on its own as well as the record as a whole, so verification can say which
field no longer matches.
"""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from msgspec import Struct

from workbook.keys import (  # noqa: F401  (re-exported: certificate code names them from here)
    KEY_FILE,
    TRUSTED_FOLDER,
    SigningKeyError,
    b64,
    export_public_key,
    import_public_key,
    key_id,
    load_or_create_key,
    public_pem,
    trusted_keys,
    unb64,
)

RECORD_PREFIX = "workbook-certificate/1 "

class SignedRecord(Struct, frozen=True):
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
