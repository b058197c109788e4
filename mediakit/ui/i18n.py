"""Interface language: French source strings, English through Qt's translation files.

UI strings go through :func:`tr`; ``scripts/update_translations.py`` collects them into
``translations/mediakit_en.ts`` (edited with Qt Linguist or by hand) and compiles the
``.qm`` that :func:`install` loads. The language comes from ``MEDIAKIT_LANG``, else the
saved setting, else French.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

CONTEXT = "mediakit"
TRANSLATIONS = Path(__file__).with_name("translations")
LANGUAGES = {"fr": "Français", "en": "English"}
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """The translation of a French UI string in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def language(settings: QSettings | None = None) -> str:
    lang = os.environ.get("MEDIAKIT_LANG") or (settings.value("language") if settings else None)
    return lang if lang in LANGUAGES else "fr"


def install(lang: str) -> bool:
    """Load the translation for ``lang`` into the running application (French: none)."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "fr":
        return True
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"mediakit_{lang}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
