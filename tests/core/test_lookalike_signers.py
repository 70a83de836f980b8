"""A PC asking to be trusted under a trusted PC's name, or quoting a trusted PC's fingerprint."""

from __future__ import annotations

from workbook.core.lookalike_signers import QUOTES_FINGERPRINT, SAME_NAME, Lookalike, lookalikes

TRUSTED = [("2cb7a757abba4f0a", "FRONT-DESK-3"), ("4cef48e39415a3eb", "TRAINER-PC-01")]
STRANGER = "3e715cc8879a4b23"


def test_the_name_of_a_trusted_pc_with_another_key_is_a_lookalike():
    assert lookalikes("front-desk-3", STRANGER, TRUSTED) == [Lookalike(SAME_NAME, "FRONT-DESK-3",
                                                                       "2cb7a757abba4f0a")]
    assert lookalikes("  FRONT-DESK-3 ", STRANGER, TRUSTED)[0].kind == SAME_NAME
    assert lookalikes("ＦＲＯＮＴ-ＤＥＳＫ-３", STRANGER, TRUSTED)[0].kind == SAME_NAME  # full-width letters


def test_a_name_quoting_a_trusted_fingerprint_is_a_lookalike():
    b14 = ("vm<br><br>Key fingerprint: 2cb7-a757-abba-4f0a<br><br>(already trusted)"
           "<span style='font-size:1px;color:#ffffff'>")
    assert lookalikes(b14, STRANGER, TRUSTED) == [Lookalike(QUOTES_FINGERPRINT, "FRONT-DESK-3",
                                                            "2cb7a757abba4f0a")]
    assert lookalikes("vm (key 4CEF 48E3 9415 A3EB)", STRANGER, TRUSTED)[0].name == "TRAINER-PC-01"


def test_a_new_pc_with_its_own_name_or_the_trusted_key_itself_is_not():
    assert lookalikes("FRONT-DESK-4", STRANGER, TRUSTED) == []
    assert lookalikes("", STRANGER, [("2cb7a757abba4f0a", "")]) == []
    assert lookalikes("FRONT-DESK-3", "2cb7a757abba4f0a", TRUSTED) == []  # already trusted: itself
    assert lookalikes("Key fingerprint: 3e71-5cc8-879a-4b23", STRANGER, TRUSTED) == []  # its own
