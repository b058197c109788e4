"""Where an item stands, in a few words and a colour, for the chutier's badges and the
review screens' headers: detection not run, running, what is left to review, reviewed,
then the validation steps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mediakit.library.status import STATES, VALIDATION_STATES, state_code
from mediakit.media.kinds import VIDEO
from mediakit.ui.i18n import tr, tr_noop

SUSPECT = "suspect"  # interface 1: a detection the officer must decide on

# badge colours (background) by state code: muted, readable with white text
COLOURS = {"not_detected": "#6b7280", "queued": "#6b7280", "detecting": "#2563eb",
           "to_check": "#d97706", "to_review": "#b45309", "reviewed": "#15803d",
           "exported": "#0f766e", "to_validate": "#7c3aed", "validated": "#166534",
           "corrections_requested": "#b91c1c", "other": "#475569"}


# the core's words (mediakit.library.status.STATES, the same in « mediakit info » and on the
# chief's page), marked here for translation
WORDS = (tr_noop("détection non lancée"), tr_noop("à vérifier"), tr_noop("à relire"),
         tr_noop("revu"), tr_noop("exporté"), tr_noop("à valider"), tr_noop("validé"),
         tr_noop("corrections demandées"))


@dataclass(frozen=True)
class ItemState:
    code: str  # a key of COLOURS
    text: str  # in the interface language, no command line

    @property
    def colour(self) -> str:
        return COLOURS.get(self.code, COLOURS["other"])


def regions(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The item's masks (photo) or tracks (video)."""
    return list(item.get("tracks" if item.get("kind") == VIDEO else "masks") or [])


def detection_ran(item: dict[str, Any]) -> bool:
    """True once automatic detection has run on a photo or a rush."""
    return bool(item.get("detection"))


def reviewed(item: dict[str, Any]) -> bool:
    return bool(item.get("tracks_reviewed" if item.get("kind") == VIDEO else "masks_reviewed"))


def item_state(item: dict[str, Any], *, detecting: bool = False, queued: bool = False,
               items: dict[str, dict[str, Any]] | None = None) -> ItemState:
    """The one thing to say about ``item`` now (``detecting``/``queued``: the window's own
    background detection is on it or will be). A montage or an infographic stands where
    its sources do: give the operation's ``items`` (without them it reads « à relire »)."""
    code = state_code(item, items)
    media = item.get("kind") in ("photo", VIDEO)
    if media and detecting and code not in VALIDATION_STATES:
        return ItemState("detecting", tr("détection en cours"))
    if media and queued and code in ("not_detected", "to_check", "to_review"):
        return ItemState("queued", tr("détection en attente"))
    if media and code in ("to_check", "to_review"):
        return to_review(item)
    return ItemState(code, tr(STATES[code]))


def to_review(item: dict[str, Any]) -> ItemState:
    """« à relire : 3 masques, 2 à vérifier » (counts of the masks or tracks left)."""
    found = regions(item)
    suspects = sum(1 for r in found if r.get("state") == SUSPECT)
    if item.get("kind") == VIDEO:
        what = tr("{n} piste(s)").format(n=len(found))
    else:
        what = tr("{n} masque(s)").format(n=len(found))
    text = tr("à relire : {what}").format(what=what)
    if suspects:
        text += tr(", {n} à vérifier").format(n=suspects)
    return ItemState("to_check" if suspects else "to_review", text)
