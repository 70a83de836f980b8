"""Check a genuinely signed certificate against the register of certificates its key issued.

A valid signature only proves that someone holding the key signed it, and a PC's key file is
readable by whoever uses that OS account. The PC that issued a certificate also recorded it (a
`certificate-issued` activity row with exactly the signed fields), so where that register is at hand
(the certificate is signed with this PC's own key, or this database holds issue records of that key,
as a centre's server does for every trainer PC) a certificate it does not list, or lists with other
content, was not issued there; and an older copy of a certificate issued again to the same person
for the same course is superseded by the newer one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from msgspec import Struct

from workbook.keys import fingerprint


class RegisterEntry(Protocol):
    """One issue record, as `workbook.store.certificates.IssuedRecord` gives it."""

    certificate_id: str
    issued_at: str
    fields: dict[str, str]
    person: str


class RegisterFinding(Struct, frozen=True):
    superseded: bool  # False: not in the register, or the register's copy differs
    message: str


def register_finding(fields: dict[str, str], signer: str, own: bool,
                     register: Sequence[RegisterEntry]) -> RegisterFinding | None:
    """None when the register has nothing to say against the certificate (or there is none here:
    another PC's key of which this database records nothing); `register` is oldest first."""
    if not own and not register:
        return None
    identity = fields.get("certificate_id", "")
    who = f"{fields.get('learner_name', '')}'s certificate {identity}"
    where = ("this PC's register of issued certificates" if own else
             f"this database's register of certificates issued with key {fingerprint(signer)} "
             f"({len(register)} recorded)")
    matches = [index for index, entry in enumerate(register) if entry.certificate_id == identity]
    if not matches:
        signed_with = "this PC's own key" if own else f"key {fingerprint(signer)}"
        if own:
            return RegisterFinding(False, f"{who} is signed with {signed_with}, but it is not in {where}: "
                                   "it was not issued here (anyone who can read that key file can sign a "
                                   "certificate)")
        return RegisterFinding(False, f"{who} is signed with {signed_with}, but it is not in {where}: no "
                               "record that it was issued (one issued after that PC's last bundle or sync "
                               "reached this database is not listed yet: verify it on the issuing PC)")
    index = matches[-1]
    entry = register[index]
    differ = sorted(name for name in set(entry.fields) | set(fields)
                    if entry.fields.get(name) != fields.get(name))
    if differ:
        return RegisterFinding(False, f"{who} is in {where}, but what was issued differs in "
                               f"{', '.join(differ)}: this is not the certificate that was issued")
    later = [newer for newer in register[index + 1:] if newer.person == entry.person
             and newer.certificate_id != identity
             and newer.fields.get("course_title") == fields.get("course_title")]
    if later:
        more = len(later) - 1
        again = f" and {more} more time{'s' if more > 1 else ''} since" if more else ""
        return RegisterFinding(True, f"{who} was re-issued on {later[0].issued_at[:10]} as certificate "
                               f"{later[0].certificate_id}{again}: this older copy is superseded; ask for "
                               "the newest one")
    return None
