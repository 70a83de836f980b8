"""Which language the interface speaks, and loading its Qt translations (`workbook/i18n/*.qm`).

Only the interface is translated: lessons, quizzes, call scripts and certificates stay English. The
choice is read before the window paints, so it lives in a one-line file in the data folder, not in
the database (which opens after the first paint). It applies the next time the app starts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("workbook")

SYSTEM = "system"
# Interface languages shipped, by code, each named in its own language (a menu shows them so).
LANGUAGES = {"en": "English", "de": "Deutsch"}
CHOICE_FILE = "interface-language.txt"
CATALOG = "workbook"  # workbook_de.qm
_installed_language = ["en"]  # the language install_translators last loaded, for dates and numbers


def translations_dir() -> Path:
    """The folder of `.ts` sources and compiled `.qm` files, inside the package (wheel and frozen
    build alike), found from this module's own place (importing importlib.resources for it cost every
    start a few ms before the window painted)."""
    return Path(__file__).resolve().parent.parent / "i18n"


def saved_choice(data_dir: Path) -> str:
    """`system`, or a code of LANGUAGES; anything unreadable counts as `system`."""
    try:
        value = (data_dir / CHOICE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return SYSTEM
    return value if value in LANGUAGES else SYSTEM


def save_choice(data_dir: Path, choice: str) -> None:
    """Remember `system` or a language code for the next start."""
    if choice != SYSTEM and choice not in LANGUAGES:
        raise ValueError(f"unknown interface language {choice!r}")
    from workbook.files import write_text_atomic

    write_text_atomic(data_dir / CHOICE_FILE, choice + "\n")


def resolve_language(requested: str | None, data_dir: Path | None) -> str:
    """The language to load: `--lang` wins, then the saved choice, then the system's own language
    when we ship it; English otherwise."""
    choice = requested or (saved_choice(data_dir) if data_dir is not None else SYSTEM)
    if choice in LANGUAGES:
        return choice
    for name in system_languages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def system_languages() -> list[str]:
    """The languages the user's system asks for, first choice first ("de-DE", "de", ...)."""
    return list(QLocale.system().uiLanguages())


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own (Cancel, Save, ... in standard dialogs) for `language`.
    English loads ours too: it holds the English plural forms ("1 section", "2 sections") of
    sources written "%n section(s)". Returns the installed translators (kept alive by the caller)."""
    installed = []
    _installed_language[0] = language
    ours = translations_dir() / f"{CATALOG}_{language}.qm"
    catalogues = [(str(ours.parent), ours.name)]
    if language != "en":
        qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.append((qt_own, f"qtbase_{language}"))
    for directory, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no %s translation %s in %s", language, name, directory)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    _installed_language[0] = "en"


def interface_locale() -> QLocale:
    """The locale of the interface language (month names of dates on screen), not the process's
    locale: a German interface on an English system says "Dez.", an English one on a German system "Dec"."""
    return QLocale(_installed_language[0])


# For code outside a QObject: `translate("Context", "text")`, a name lupdate recognises.
translate = QCoreApplication.translate
