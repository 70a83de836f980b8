"""Dates on screen in the interface language: QLocale's month names, the pattern from the catalogue
(strftime would follow the process locale, not the language chosen in View > Language)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

from workbook.ui.i18n import interface_locale


def _qt(moment: datetime) -> QDateTime:
    """The wall-clock fields of `moment` as they are (callers convert to local time first if they mean to)."""
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute, moment.second))


def day_text(moment: datetime) -> str:
    """"Dec 4, 2026" in English (US order, as the course is written), "4. Dez. 2026" in German."""
    pattern = QCoreApplication.translate("Dates", "MMM d, yyyy")  # Qt's date pattern letters
    return interface_locale().toString(_qt(moment), pattern)


def moment_text(moment: datetime) -> str:
    """"Dec 4, 2026, 3:30 PM" in English, "4. Dez. 2026, 15:30" in German."""
    pattern = QCoreApplication.translate("Dates", "MMM d, yyyy, h:mm AP")
    return interface_locale().toString(_qt(moment), pattern)


def stored_day_text(stored: str) -> str:
    """A time stored as UTC ISO text (notes, certificates), as its local day in the one format above; ISO
    stays in the files only."""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored[:10]
    return day_text((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone())
