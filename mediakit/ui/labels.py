"""French display names of the core's data words (labels, sources, states, kinds).

The core stores stable English keys (``face``, ``auto:centerface``, ``accepted``…); the
window never shows them as such: every view names them through these functions, which go
through :func:`~mediakit.ui.i18n.tr` so the English interface still works.
"""

from __future__ import annotations

from mediakit.ui.i18n import tr, tr_noop

_LABELS = {"face": tr_noop("visage"), "plate": tr_noop("plaque"), "text": tr_noop("texte"),
           "person": tr_noop("personne"), "name_tape": tr_noop("bande patronymique")}
_STATES = {"accepted": tr_noop("masqué"), "rejected": tr_noop("laissé visible"),
           "suspect": tr_noop("à vérifier")}
_KINDS = {"photo": tr_noop("photo"), "video": tr_noop("vidéo"), "still": tr_noop("image fixe"),
          "montage": tr_noop("montage"), "infographic": tr_noop("infographie"),
          "title": tr_noop("titre"), "lower_third": tr_noop("bandeau"), "card": tr_noop("carton")}


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
