"""Interface language: French source strings, English through Qt's translation files.

UI strings go through :func:`tr`; strings kept in tables (read later through ``tr``) are
marked with :func:`tr_noop` so ``scripts/update_translations.py`` collects them too into
``translations/mediakit_en.ts`` (edited with Qt Linguist or by hand) and compiles the
``.qm`` that :func:`install` loads. Qt's own texts (file dialogs, message box buttons,
shortcut names such as « Maj ») come from Qt's ``qtbase_<lang>.qm``. The language comes
from ``MEDIAKIT_LANG``, else the saved setting, else French.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QKeySequence

CONTEXT = "mediakit"
TRANSLATIONS = Path(__file__).with_name("translations")
LANGUAGES = {"fr": "Français", "en": "English"}
_installed: list[QTranslator] = []
# Qt's own strings that its French catalogue (qtbase_fr.qm) lacks: their source text changed
# in Qt 6 (accelerators added) or was never translated, so the file dialogs showed
# « Look in: », « Files of type: » and « Folder » in a French window.
QT_GAPS = {"fr": {
    ("QFileDialog", "&Look in:"): "&Voir dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
    ("QAbstractFileIconProvider", "File"): "Fichier",
    ("QAbstractFileIconProvider", "%1 File"): "Fichier %1",
    ("QAbstractFileIconProvider", "Shortcut"): "Raccourci",
}}


class GapTranslator(QTranslator):
    """Translates the few Qt strings of :data:`QT_GAPS` (nothing else: Qt then asks the
    other translators)."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # noqa: ARG002 - Qt API
        return self.table.get((context, source))  # None: a null string, "not mine"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return not self.table


def tr(text: str) -> str:
    """The translation of a French UI string in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_noop(text: str) -> str:
    """Mark a French string for translation without translating it now (tables)."""
    return text


def language(settings: QSettings | None = None) -> str:
    lang = os.environ.get("MEDIAKIT_LANG") or (settings.value("language") if settings else None)
    return lang if lang in LANGUAGES else "fr"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install(lang: str) -> bool:
    """Load ``lang``'s translations (mediakit's and Qt's own) into the running application."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr"
                               else QLocale.Language.English))
    ok = True
    files = [] if lang == "fr" else [TRANSLATIONS / f"mediakit_{lang}.qm"]
    if lang != "en":  # Qt's own texts are English without a translation
        files.append(qt_translations_dir() / f"qtbase_{lang}.qm")
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            ok = False
    if lang in QT_GAPS:  # asked first (installed last): only its own strings
        gaps = GapTranslator(QT_GAPS[lang], app)
        app.installTranslator(gaps)
        _installed.append(gaps)
    return ok


def shortcut_text(keys: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """A shortcut as the user reads it, in the interface language (« Ctrl+Maj+Z »)."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)
