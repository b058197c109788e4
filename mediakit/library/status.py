"""Where an item stands in the workflow, derived from the project's facts (never stored twice).

One vocabulary everywhere (``mediakit info``, ``info --json``'s ``state``, the window's
badges, the chief's review page): :data:`STATES` maps each state code to its French words.

detection not run → to check / to review (masks or tracks left to decide) → reviewed →
exported → hand-off to the chief ("à valider") → "validé" or "corrections demandées". The
validation steps are recorded in the item's ``status`` by :mod:`mediakit.validation`; the
earlier ones follow from the masks, the tracks and the exports.
"""

from __future__ import annotations

from typing import Any

# code: words (the window shows them translated; its own transient states are in WINDOW)
STATES = {"not_detected": "détection non lancée", "to_check": "à vérifier",
          "to_review": "à relire", "reviewed": "revu", "exported": "exporté",
          "to_validate": "à valider", "validated": "validé",
          "corrections_requested": "corrections demandées"}
WINDOW_STATES = {"queued": "détection en attente", "detecting": "détection en cours"}
VALIDATION_STATES = ("to_validate", "validated", "corrections_requested")
PHOTO, VIDEO = "photo", "video"
SUSPECT = "suspect"

# the coarse codes of earlier versions (still written in review bundles): same words
STATUS_FR = {"to_anonymize": STATES["to_review"], "anonymized": STATES["reviewed"],
             "exported": STATES["exported"], "to_validate": STATES["to_validate"],
             "validated": STATES["validated"],
             "corrections_requested": STATES["corrections_requested"]}
LABELS = {**STATUS_FR, **STATES, **WINDOW_STATES}  # any code ever written, in words


def is_reviewed(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> bool:
    """True when the item passes the review gate: detection ran, no suspect is left
    undecided and the officer marked its masks (photo) or tracks (video) reviewed.
    A montage or infographic is reviewed when all its sources are (give ``items``)."""
    from mediakit.privacy.review_gate import DERIVED_KINDS, item_blockers

    if item.get("kind") in DERIVED_KINDS:
        sources = item.get("sources") or []
        return items is not None and item.get("sources") is not None and all(
            src in items and items[src] is not item and is_reviewed(items[src], items)
            for src in sources)
    return not item_blockers(item.get("sha256", ""), item)


def regions(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The item's masks (photo) or tracks (video)."""
    return list(item.get("tracks" if item.get("kind") == VIDEO else "masks") or [])


def marked_reviewed(item: dict[str, Any]) -> bool:
    """True once the officer marked the masks (photo) or tracks (video) reviewed."""
    return bool(item.get("tracks_reviewed" if item.get("kind") == VIDEO else "masks_reviewed"))


def state_code(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> str:
    """One of :data:`STATES`'s codes (``items`` lets a montage look at its sources)."""
    if item.get("status") in VALIDATION_STATES:
        return item["status"]
    if item.get("kind") not in (PHOTO, VIDEO):  # montage, infographic: from their sources
        if not is_reviewed(item, items):
            return "to_review"
        return "exported" if item.get("exports") else "reviewed"
    if is_reviewed(item, items):  # the review gate itself: what lets it out
        return "exported" if item.get("exports") else "reviewed"
    found = regions(item)
    if not item.get("detection") and not found:
        return "not_detected"
    return "to_check" if any(r.get("state") == SUSPECT for r in found) else "to_review"


def review_detail(item: dict[str, Any]) -> str:
    """« à relire : 3 masque(s), 2 à vérifier » (the counts of a photo's masks or a rush's
    tracks still to review)."""
    found = regions(item)
    suspects = sum(1 for r in found if r.get("state") == SUSPECT)
    what = f"{len(found)} piste(s)" if item.get("kind") == VIDEO else f"{len(found)} masque(s)"
    text = f"{STATES['to_review']} : {what}"
    return text + (f", {suspects} à vérifier" if suspects else "")


def state_text(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> str:
    """The state in words, with the counts left to review for a photo or a rush."""
    code = state_code(item, items)
    if code in ("to_check", "to_review") and item.get("kind") in (PHOTO, VIDEO):
        return review_detail(item)
    return STATES[code]


def state(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None
          ) -> dict[str, str]:
    """``{"code": …, "text": …}``: what ``info --json`` writes for an item."""
    return {"code": state_code(item, items), "text": state_text(item, items)}


def item_status(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> str:
    """The coarse code of earlier versions, one of :data:`STATUS_FR`'s keys (review bundles
    still record it)."""
    if item.get("status") in VALIDATION_STATES:
        return item["status"]
    if item.get("exports"):
        return "exported"
    return "anonymized" if is_reviewed(item, items) else "to_anonymize"


def status_fr(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> str:
    """The state in words (the same as :func:`state_text`)."""
    return state_text(item, items)
