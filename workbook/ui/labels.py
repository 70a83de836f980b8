"""Interface names for values the core spells in English (how a practice call ended)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbook.core.scenario import EndingKind

_ENDINGS = {
    EndingKind.RESOLVED: QT_TRANSLATE_NOOP("EndingKind", "Resolved"),
    EndingKind.RESOLVED_WITH_FOLLOW_UP: QT_TRANSLATE_NOOP("EndingKind", "Resolved with follow-up"),
    EndingKind.ESCALATED_APPROPRIATELY: QT_TRANSLATE_NOOP("EndingKind", "Escalated appropriately"),
    EndingKind.HUNG_UP: QT_TRANSLATE_NOOP("EndingKind", "Caller hung up"),
    EndingKind.FORMAL_COMPLAINT: QT_TRANSLATE_NOOP("EndingKind", "Formal complaint"),
}


def ending_label(kind: EndingKind) -> str:
    """`kind.label` in the interface language (the core's English stays for reports and logs)."""
    return QCoreApplication.translate("EndingKind", _ENDINGS.get(kind, kind.label))
