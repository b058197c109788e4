"""French display names of the core's data words (labels, sources, states, kinds).

The core stores stable English keys (``face``, ``auto:centerface``, ``accepted``…); the
window never shows them as such: every view names them through these functions, which go
through :func:`~mediakit.ui.i18n.tr` so the English interface still works.
"""

from __future__ import annotations

from typing import Any

from mediakit.privacy.regions import region_label
from mediakit.ui.i18n import tr, tr_noop

_LABELS = {"face": tr_noop("visage"), "plate": tr_noop("plaque"), "text": tr_noop("texte"),
           "person": tr_noop("personne"), "name_tape": tr_noop("bande patronymique")}
_STATES = {"accepted": tr_noop("masqué"), "rejected": tr_noop("laissé visible"),
           "suspect": tr_noop("à vérifier")}
_KINDS = {"photo": tr_noop("photo"), "video": tr_noop("vidéo"), "still": tr_noop("image fixe"),
          "montage": tr_noop("montage"), "infographic": tr_noop("infographie"),
          "title": tr_noop("titre"), "lower_third": tr_noop("bandeau"), "card": tr_noop("carton")}
_DETECTORS = {"centerface": tr_noop("détecteur de visages"),
              "ppocr": tr_noop("lecteur de plaques et de textes"),
              "mediakit-photo": tr_noop("détection des photos"),
              "mediakit-video": tr_noop("détection des vidéos")}


def label_name(label: str | None) -> str:
    """``face`` → « visage » (unknown labels are shown as they are)."""
    return tr(_LABELS.get(label or "", label or ""))


def region_name(region: dict[str, Any]) -> str:
    """What a mask or track covers in words: « visage », « plaque », or « texte » for a
    plate region that read as words that are no plate (a name card, a banner)."""
    return label_name(region_label(region))


def state_name(state: str | None) -> str:
    """``accepted`` → « masqué », ``rejected`` → « laissé visible »…"""
    return tr(_STATES.get(state or "", state or ""))


def kind_name(kind: str | None) -> str:
    """``video`` → « vidéo », ``still`` → « image fixe »…"""
    return tr(_KINDS.get(kind or "", kind or ""))


def source_name(source: str | None) -> str:
    """``manual`` → « manuel »; ``auto`` and ``auto:<detector>`` → « automatique »."""
    if not source or source == "manual":
        return tr("manuel")
    if source == "auto" or source.startswith("auto:"):
        return tr("automatique")
    return source


def detector_name(detector: str | None) -> str:
    """``centerface`` → « détecteur de visages », ``ppocr`` → « lecteur de plaques et de
    textes »… (unknown detectors are shown as they are)."""
    return tr(_DETECTORS.get(detector or "", detector or ""))


def source_detail(source: str | None) -> str:
    """``auto:centerface`` → « automatique (détecteur de visages) »; a tooltip's longer
    form of :func:`source_name`."""
    detector = (source or "").partition(":")[2] if (source or "").startswith("auto:") else ""
    name = source_name(source)
    return f"{name} ({detector_name(detector)})" if detector else name


def region_text(region: dict[str, Any]) -> str:
    """One mask or track in words: « visage, automatique, à vérifier » (for lists)."""
    return ", ".join((region_name(region), source_name(region.get("source")),
                      state_name(region.get("state"))))


# the bundled channel presets' labels (mediakit/channels/presets/*.json), French in the files;
# a user's own preset label is shown as written
CHANNEL_LABELS = (tr_noop("Facebook"), tr_noop("Instagram (fil)"), tr_noop("Instagram (reel)"),
                  tr_noop("Instagram (story)"), tr_noop("LinkedIn"),
                  tr_noop("Presse (JPEG pleine résolution, master 1080p)"), tr_noop("TikTok"),
                  tr_noop("X (Twitter)"), tr_noop("YouTube Shorts"), tr_noop("YouTube"))


def channel_label(name: str, preset: dict[str, Any] | None = None) -> str:
    """A channel's label in the interface language: ``instagram-feed`` → « Instagram (fil) »
    (its preset's label; the channel's name when it has none)."""
    if preset is None:
        from mediakit.channels.presets import load_presets

        preset = load_presets().get(name) or {}
    return tr(preset.get("label") or name)
