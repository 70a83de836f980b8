"""A PC asking to be trusted that looks like one already trusted.

The PC name in a bundle is whatever its signer wrote, so two spoofs are easy: the name of a PC the
trainer already trusts, with another key; or a name that quotes a trusted PC's fingerprint, hoping
the trainer compares that one instead of the real fingerprint shown beside it. The trust question
(in the window and `workbook trust-key`) names each such lookalike before asking.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from msgspec import Struct

SAME_NAME = "same name"
QUOTES_FINGERPRINT = "quotes fingerprint"


class Lookalike(Struct, frozen=True):
    kind: str  # SAME_NAME or QUOTES_FINGERPRINT
    name: str  # the trusted PC's name
    key_id: str  # the trusted PC's key id


def _comparable(name: str) -> str:
    """A name as a person reads it: compatibility forms folded, case and runs of spaces ignored."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def lookalikes(name: str, key_id: str, trusted: Iterable[tuple[str, str]]) -> list[Lookalike]:
    """The trusted (key id, name) pairs that the signer `key_id` calling itself `name` looks like."""
    own = _comparable(name)
    hex_digits = re.sub(r"[^0-9a-f]", "", own)  # "2cb7-a757-abba-4f0a" in any spacing -> "2cb7a757abba4f0a"
    found = []
    for other_id, other_name in trusted:
        if other_id == key_id:
            continue
        if own and _comparable(other_name) == own:
            found.append(Lookalike(SAME_NAME, other_name, other_id))
        elif other_id.casefold() in hex_digits:
            found.append(Lookalike(QUOTES_FINGERPRINT, other_name, other_id))
    return found
