"""French display names of the core's data words (labels, sources, states, kinds).

The core stores stable English keys (``face``, ``auto:centerface``, ``accepted``…); the
window never shows them as such: every view names them through these functions, which go
through :func:`~mediakit.ui.i18n.tr` so the English interface still works.
"""

from __future__ import annotations

from mediakit.ui.i18n import tr

_LABELS = {"face": "visage", "plate": "plaque", "text": "texte", "person": "personne",
           "name_tape": "bande patronymique"}
_STATES = {"accepted": "masqué", "rejected": "laissé visible", "suspect": "à vérifier"}
_KINDS = {"photo": "photo", "video": "vidéo", "still": "image fixe", "montage": "montage",
          "infographic": "infographie", "title": "titre", "lower_third": "bandeau"}


def label_name(label: str | None) -> str:
    """``face`` → « visage » (unknown labels are shown as they are)."""
    return tr(_LABELS.get(label or "", label or ""))


def state_name(state: str | None) -> str:
    """``accepted`` → « masqué », ``rejected`` → « laissé visible »…"""
    return tr(_STATES.get(state or "", state or ""))


def kind_name(kind: str | None) -> str:
    """``video`` → « vidéo », ``still`` → « image fixe »…"""
    return tr(_KINDS.get(kind or "", kind or ""))


def source_name(source: str | None) -> str:
    """``manual`` → « manuel »; ``auto:<detector>`` → « automatique (<detector>) »."""
    if not source or source == "manual":
        return tr("manuel")
    if source == "auto" or source.startswith("auto:"):
        detector = source.partition(":")[2]
        return tr("automatique") + (f" ({detector})" if detector else "")
    return source
