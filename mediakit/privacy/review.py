"""Masks as reviewable project data: each detection becomes a mask item the officer can
accept, reject, move or resize, and manual masks can be added. Every change is an undoable
command on the operation's document; the original file is never touched."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mediakit.errors import ProjectError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.media.kinds import VIDEO
from mediakit.privacy.regions import PLATE, BoxTuple, Detection
from mediakit.privacy.review_gate import (
    DERIVED_KINDS,
    SUSPECT,
    UnreviewedError,
    item_blockers,
)

ACCEPTED, REJECTED = "accepted", "rejected"
DECISIONS = (ACCEPTED, REJECTED)


def mask_from_detection(det: Detection, index: int, person: dict | None = None) -> dict[str, Any]:
    """A project mask item from a detection. Auto masks start accepted (recall first); a
    suspect (``det.suspect``) waits for the officer's decision and is not masked until
    accepted, unless it is a person on the *always mask* list."""
    region = det.mask_box or det.box
    suspect = bool(getattr(det, "suspect", False))
    state = SUSPECT if suspect else ACCEPTED
    listed = (person or {}).get("list")
    if listed == "keep_visible" and not suspect:
        state = REJECTED  # consented person: left visible, still listed for review
    elif listed == "always_mask":
        state = ACCEPTED
    mask = {
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
    }
    if det.label == PLATE and det.extra.get("reads_as"):
        mask["reads_as"] = det.extra["reads_as"]  # « text »: named texte, masked as a plate
    if suspect:
        mask["suspect"] = True  # kept after the decision: where the mask came from
    return mask


def store_detections(op: Operation, sha: str, masks: list[dict[str, Any]], detector: str) -> None:
    """Replace the item's automatic masks with ``masks`` (manual masks are kept)."""
    item = op.items[sha]
    with op.doc.transaction(f"détection sur {item['name']}"):  # manual masks read inside it
        manual = [m for m in item.get("masks", []) if m.get("source") == "manual"]
        next_id = 1 + max((_num(m["id"]) for m in manual), default=0)
        for offset, mask in enumerate(masks):
            mask["id"] = f"m{next_id + offset}"
        op.doc.set(("items", sha, "masks"), manual + masks)
        was_reviewed = bool(item.get("masks_reviewed"))
        op.doc.set(("items", sha, "detection"), {"detector": detector, "date": now_iso()})
        op.doc.set(("items", sha, "masks_reviewed"), False)
        audit.record(op.root, "detection", item=sha, detector=detector, masks=len(masks),
                     suspects=sum(m.get("state") == SUSPECT for m in masks),
                     old={"reviewed": was_reviewed}, new={"reviewed": False})


def set_state(op: Operation, sha: str, mask_id: str, state: str) -> None:
    """Accept (mask) or reject (leave visible, dismiss a suspect) one mask."""
    if state not in DECISIONS:
        raise ValueError(f"état de masque inconnu : {state}")
    with op.doc.transaction(f"{'accepter' if state == ACCEPTED else 'rejeter'} "
                            f"le masque {mask_id}"):  # read inside: other processes' edits in
        index = _index(op, sha, mask_id)
        mask = op.items[sha]["masks"][index]
        old = mask.get("state")
        op.doc.set(("items", sha, "masks", index, "state"), state)
        audit.record(op.root, f"mask_{state}", item=sha, mask=mask_id, label=mask.get("label"),
                     suspect=bool(mask.get("suspect")), old=old, new=state)


def add_manual(op: Operation, sha: str, label: str, region: BoxTuple) -> str:
    """Add a manual mask (always accepted) and return its id."""
    with op.doc.transaction("ajouter un masque") as command:  # the id is chosen inside it
        masks = op.items[sha].get("masks", [])
        mask_id = f"m{1 + max((_num(m['id']) for m in masks), default=0)}"
        command.label = f"ajouter le masque {mask_id}"
        mask = {"id": mask_id, "label": label, "box": [round(v, 1) for v in region],
                "region": [round(v, 1) for v in region], "score": 1.0, "source": "manual",
                "state": ACCEPTED, "person": None, "text": None, "edited": True}
        op.doc.append(("items", sha, "masks"), mask)
        audit.record(op.root, "mask_added", item=sha, mask=mask_id, label=label,
                     region=mask["region"], old=None, new=ACCEPTED)
    return mask_id


def set_region(op: Operation, sha: str, mask_id: str, region: BoxTuple) -> None:
    """Move or resize a mask."""
    new = [round(v, 1) for v in region]
    with op.doc.transaction(f"modifier le masque {mask_id}"):
        index = _index(op, sha, mask_id)
        old = op.items[sha]["masks"][index].get("region")
        op.doc.set(("items", sha, "masks", index, "region"), new)
        op.doc.set(("items", sha, "masks", index, "edited"), True)
        audit.record(op.root, "mask_changed", item=sha, mask=mask_id, region=new, old=old,
                     new=new)


def mark_reviewed(op: Operation, sha: str, reviewed: bool = True) -> None:
    """Mark a photo's masks or a video's tracks reviewed (same verb for both).

    Refused (:class:`UnreviewedError`, naming the item and what to do) while detection
    never ran on it or some suspect is still undecided. ``reviewed=False`` withdraws it.
    """
    item = op.items[sha]
    what = "pistes" if item.get("kind") == VIDEO else "masques"
    with op.doc.transaction(f"revue des {what}"):  # the gate reads the item inside it
        item = op.items[sha]
        if item.get("kind") in DERIVED_KINDS:
            raise ProjectError(f"«{item['name']}» : sa relecture se déduit de ses sources — "
                               f"revoyez les photos et vidéos qu'il utilise")
        if reviewed:
            blockers = item_blockers(sha, item, flag=False)
            if blockers:
                raise UnreviewedError(blockers, "marquer revu")
        key = "tracks_reviewed" if item.get("kind") == VIDEO else "masks_reviewed"
        old = bool(item.get(key))
        op.doc.set(("items", sha, key), reviewed)
        audit.record(op.root, key if reviewed else key.replace("reviewed", "unreviewed"),
                     item=sha, old=old, new=reviewed)


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
