"""Where an item stands in the workflow, derived from the project's facts (never stored twice).

import → masks reviewed ("anonymisé") → exported → hand-off to the chief ("à valider") →
"validé" or "corrections demandées". The validation steps are recorded in the item's
``status`` by :mod:`mediakit.validation`; the earlier ones follow from the masks and exports.
"""

from __future__ import annotations

from typing import Any

from mediakit.media.kinds import VIDEO

STATUS_FR = {"to_anonymize": "à anonymiser", "anonymized": "anonymisé", "exported": "exporté",
             "to_validate": "à valider", "validated": "validé",
             "corrections_requested": "corrections demandées"}
VALIDATION_STATES = ("to_validate", "validated", "corrections_requested")


def is_reviewed(item: dict[str, Any]) -> bool:
    """True when the officer has reviewed the item's masks (photo) or tracks (video)."""
    return bool(item.get("tracks_reviewed" if item["kind"] == VIDEO else "masks_reviewed"))


def item_status(item: dict[str, Any]) -> str:
    """One of :data:`STATUS_FR`'s keys."""
    if item.get("status") in VALIDATION_STATES:
        return item["status"]
    if item.get("exports"):
        return "exported"
    return "anonymized" if is_reviewed(item) else "to_anonymize"


def status_fr(item: dict[str, Any]) -> str:
    return STATUS_FR[item_status(item)]
