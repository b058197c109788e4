"""Core messages as the window shows them: no command line, the window's own way instead.

The core (shared with the command line) sometimes ends a message with the command that
fixes the problem. :func:`plain` swaps each known hint for the menu or tab that does the
same in the window, and drops any other ``mediakit …`` command or ``--option`` left.
"""

from __future__ import annotations

import re

from mediakit.ui.i18n import tr, tr_noop

# (pattern of the command hint, what the window says instead)
_HINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\(créez-la avec « ?mediakit new »?\)"),
     tr_noop("(créez-la : menu Fichier › Nouvelle opération…)")),
    (re.compile(r"aucune opération mediakit ici"), tr_noop("aucune opération ici")),
    (re.compile(r"revoyez-les \(mediakit masks[^)]*\) ou utilisez --force"),
     tr_noop("revoyez-les dans l'onglet Anonymisation ou Rushes")),
    (re.compile(r"\(mediakit masks DIR detect\)|lancez « mediakit masks DIR detect »"),
     tr_noop("lancez la détection : menu Anonymisation › Détecter")),
    (re.compile(r"\(mediakit review add-reviewer\)"),
     tr_noop("(enregistrez sa clé publique dans l'onglet Validation)")),
    (re.compile(r"\(mediakit review sign\)"),
     tr_noop("(le chef de service doit la signer avec sa clé privée)")),
    (re.compile(r"précisez --channels"), tr_noop("choisissez les canaux de publication")),
]
# the command line's verbs (tests/ui/test_ui_strings.py checks them against its parser)
VERBS = ("anonymise", "anonymize", "audit", "charte", "demo", "derush", "detect", "export",
         "gui", "import", "info", "infographic", "infographie", "masks", "montage", "new",
         "people", "photo", "presets", "reframe", "review", "tracks", "voice")
_VERB = "(?:" + "|".join(VERBS) + r")\b"
COMMAND_LINE = re.compile(r"\bmediakit " + _VERB + r"|(?<![\w-])--[a-z][a-z-]+")
_LEFT_COMMAND = re.compile(r"[ \t]*[(«]?[ \t]*mediakit " + _VERB + r"[^()»,;\n]*[»)]?")
_LEFT_FLAG = re.compile(r"[ \t]*(?:ou )?(?:utilisez |avec )?(?<![\w-])--[a-z][\w-]*")


def plain(message: str) -> str:
    """``message`` with every command-line hint replaced by the window's way to do it."""
    for pattern, replacement in _HINTS:
        message = pattern.sub(tr(replacement), message)
    message = _LEFT_FLAG.sub("", _LEFT_COMMAND.sub("", message))
    return re.sub(r"\([ \t]*\)", "", message).strip()


def has_command_line(text: str) -> bool:
    """True when ``text`` tells the user to type a command (``mediakit new``, ``--force``)."""
    return bool(COMMAND_LINE.search(text))
