"""The fonts bundled in assets/fonts, registered with Qt so learner names in Devanagari, Arabic or
Chinese render in the window (the PDFs already use them), whatever fonts the computer has."""

from __future__ import annotations

from pathlib import Path

# Tried after the default font for characters it lacks, in this order.
FALLBACK_FAMILIES = ("Noto Sans", "Noto Sans Devanagari", "Noto Naskh Arabic", "Droid Sans Fallback",
                     "DejaVu Sans")


def register_bundled_fonts(assets_dir: Path) -> list[str]:
    """Add every .ttf in assets/fonts to Qt's font database and make the scripts they cover fall
    back to them; returns the families added (a font that cannot be read is skipped)."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    added: list[str] = []
    for path in sorted((assets_dir / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            added.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in added)
    fallbacks = [family for family in FALLBACK_FAMILIES if family in added]
    app = QApplication.instance()
    if app is not None and fallbacks:
        default = app.font().family()
        QFont.insertSubstitutions(default, fallbacks)
        for generic in ("Sans Serif", "sans-serif"):
            QFont.insertSubstitutions(generic, fallbacks)
    return added
