"""Masks as reviewable project data: each detection becomes a mask item the officer can
accept, reject, move or resize, and manual masks can be added. Every change is an undoable
command on the operation's document; the original file is never touched."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.privacy.regions import BoxTuple, Detection

ACCEPTED, REJECTED = "accepted", "rejected"
SUSPECT = "suspect"  # proposed under the masking threshold: masked only once accepted


def mask_from_detection(det: Detection, index: int, person: dict | None = None) -> dict[str, Any]:
    """A project mask item from a detection (auto masks start accepted: recall first)."""
    region = det.mask_box or det.box
    state = SUSPECT if det.suspect else ACCEPTED
    if person and person.get("list") == "keep_visible":
        state = REJECTED  # consented person: left visible, still listed for review
    return {
        "id": f"m{index}",
        "label": det.label,
        "box": [round(v, 1) for v in det.box],
        "region": [round(v, 1) for v in region],
        "score": round(float(det.score), 4),
        "source": f"auto:{det.source}",
        "state": state,
        "person": person,
        "text": det.text,
        "edited": False,
        **({"suspect": True} if det.suspect else {}),
    }


def store_detections(op: Operation, sha: str, masks: list[dict[str, Any]], detector: str) -> None:
    """Replace the item's automatic masks with ``masks`` (manual masks are kept)."""
    item = op.items[sha]
    with op.doc.transaction(f"détection sur {item['name']}"):  # manual masks read inside it
        manual = [m for m in item.get("masks", []) if m.get("source") == "manual"]
        next_id = 1 + max((_num(m["id"]) for m in manual), default=0)
        for offset, mask in enumerate(masks):
            mask["id"] = f"m{next_id + offset}"
        op.doc.set(("items", sha, "masks"), manual + masks)
        op.doc.set(("items", sha, "detection"), {"detector": detector, "date": now_iso()})
        op.doc.set(("items", sha, "masks_reviewed"), False)


def set_state(op: Operation, sha: str, mask_id: str, state: str) -> None:
    """Accept or reject one mask."""
    if state not in (ACCEPTED, REJECTED):
        raise ValueError(f"état de masque inconnu : {state}")
    index = _index(op, sha, mask_id)
    op.doc.set(("items", sha, "masks", index, "state"), state,
               label=f"{'accepter' if state == ACCEPTED else 'rejeter'} le masque {mask_id}")
    audit.record(op.root, f"mask_{state}", item=sha, mask=mask_id)


def add_manual(op: Operation, sha: str, label: str, region: BoxTuple) -> str:
    """Add a manual mask (always accepted) and return its id."""
    masks = op.items[sha].get("masks", [])
    mask_id = f"m{1 + max((_num(m['id']) for m in masks), default=0)}"
    mask = {"id": mask_id, "label": label, "box": [round(v, 1) for v in region],
            "region": [round(v, 1) for v in region], "score": 1.0, "source": "manual",
            "state": ACCEPTED, "person": None, "text": None, "edited": True}
    op.doc.append(("items", sha, "masks"), mask, label=f"ajouter le masque {mask_id}")
    audit.record(op.root, "mask_added", item=sha, mask=mask_id, label=label,
                 region=mask["region"])
    return mask_id


def set_region(op: Operation, sha: str, mask_id: str, region: BoxTuple) -> None:
    """Move or resize a mask."""
    index = _index(op, sha, mask_id)
    with op.doc.transaction(f"modifier le masque {mask_id}"):
        op.doc.set(("items", sha, "masks", index, "region"), [round(v, 1) for v in region])
        op.doc.set(("items", sha, "masks", index, "edited"), True)
    audit.record(op.root, "mask_changed", item=sha, mask=mask_id,
                 region=[round(v, 1) for v in region])


def mark_reviewed(op: Operation, sha: str, reviewed: bool = True) -> None:
    op.doc.set(("items", sha, "masks_reviewed"), reviewed, label="revue des masques")
    audit.record(op.root, "masks_reviewed" if reviewed else "masks_unreviewed", item=sha)


def accepted_regions(masks: Iterable[dict[str, Any]]) -> list[BoxTuple]:
    """Regions to mask: every accepted mask."""
    return [tuple(m["region"]) for m in masks if m.get("state") == ACCEPTED]  # type: ignore[misc]


def _index(op: Operation, sha: str, mask_id: str) -> int:
    for i, mask in enumerate(op.items[sha].get("masks", [])):
        if mask["id"] == mask_id:
            return i
    raise KeyError(f"{mask_id}: aucun masque de ce nom sur {op.items[sha]['name']}")


def _num(mask_id: str) -> int:
    digits = "".join(ch for ch in mask_id if ch.isdigit())
    return int(digits) if digits else 0
