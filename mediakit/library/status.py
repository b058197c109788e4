"""Where an item stands in the workflow, derived from the project's facts (never stored twice).

import → masks reviewed ("anonymisé") → exported → hand-off to the chief ("à valider") →
"validé" or "corrections demandées". The validation steps are recorded in the item's
``status`` by :mod:`mediakit.validation`; the earlier ones follow from the masks and exports.
"""

from __future__ import annotations

from typing import Any

STATUS_FR = {"to_anonymize": "à anonymiser", "anonymized": "anonymisé", "exported": "exporté",
             "to_validate": "à valider", "validated": "validé",
             "corrections_requested": "corrections demandées"}
VALIDATION_STATES = ("to_validate", "validated", "corrections_requested")


def is_reviewed(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> bool:
    """True when the item passes the review gate: detection ran, no suspect is left
    undecided and the officer marked its masks (photo) or tracks (video) reviewed.
    A montage or infographic is reviewed when all its sources are (give ``items``)."""
    from mediakit.privacy.review_gate import DERIVED_KINDS, item_blockers

    if item.get("kind") in DERIVED_KINDS:
        sources = item.get("sources") or []
        return items is not None and bool(sources) and all(
            src in items and items[src] is not item and is_reviewed(items[src], items)
            for src in sources)
    return not item_blockers(item.get("sha256", ""), item)


def item_status(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> str:
    """One of :data:`STATUS_FR`'s keys (``items`` lets a deliverable look at its sources)."""
    if item.get("status") in VALIDATION_STATES:
        return item["status"]
    if item.get("exports"):
        return "exported"
    return "anonymized" if is_reviewed(item, items) else "to_anonymize"


def status_fr(item: dict[str, Any], items: dict[str, dict[str, Any]] | None = None) -> str:
    return STATUS_FR[item_status(item, items)]
