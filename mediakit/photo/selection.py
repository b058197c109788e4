"""Culling as project data: ratings, pick/reject flags, colour labels (undoable), hints
computed per photo, near-duplicate groups and the suggested selection with its reasons."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from mediakit.errors import MediaError, MediakitError
from mediakit.library import audit
from mediakit.library.project import Operation
from mediakit.media.kinds import PHOTO
from mediakit.photo.hints import best_of, duplicate_groups, photo_hints

FLAGS = ("pick", "reject", None)
LABELS = ("rouge", "jaune", "vert", "bleu", "violet", None)


def set_rating(op: Operation, sha: str, rating: int) -> None:
    if not 0 <= rating <= 5:
        raise MediakitError(f"note invalide : {rating} (0 à 5)")
    edit_field(op, sha, "rating", rating, f"noter {op.items[sha]['name']}")


def set_flag(op: Operation, sha: str, flag: str | None) -> None:
    if flag not in FLAGS:
        raise MediakitError(f"marque inconnue : {flag}")
    edit_field(op, sha, "flag", flag, f"marquer {op.items[sha]['name']}")


def set_label(op: Operation, sha: str, label: str | None) -> None:
    if label not in LABELS:
        raise MediakitError(f"couleur inconnue : {label} (choix : {', '.join(LABELS[:-1])})")
    edit_field(op, sha, "color_label", label, "étiquette de couleur")


def edit_field(op: Operation, sha: str, key: str, value: Any, label: str) -> None:
    """Set one field of an item with its audit entry (``photo_edit``, old and new values),
    in one undoable, committed step; nothing is logged when the value does not change."""
    with op.doc.transaction(label):  # read inside: another process may have changed it
        old = op.items[sha].get(key)
        if old == value:
            return
        op.doc.set(("items", sha, key), value)
        audit.record(op.root, "photo_edit", item=sha, field=key, old=old, new=value)


def compute_all_hints(op: Operation, *, refresh: bool = False,
                      progress: Callable[[int, int, str], None] | None = None,
                      only: list[str] | None = None) -> list[str]:
    """Compute missing hints for every photo (or the ``only`` ones), stored on items;
    returns error messages."""
    errors = []
    shas = [s for s, it in op.items.items() if it["kind"] == PHOTO
            and (refresh or "hints" not in it) and (only is None or s in only)]
    hints = {}
    for i, sha in enumerate(shas):  # computed outside the transaction: the user may edit
        if progress:
            progress(i, len(shas), op.items[sha]["name"])
        try:
            hints[sha] = photo_hints(op.original_path(sha)).to_dict()
        except MediaError as exc:
            errors.append(str(exc))
    with op.doc.transaction("indices de tri"):
        for sha, values in hints.items():
            op.doc.set(("items", sha, "hints"), values)
    groups = duplicate_groups({s: it["hints"]["phash"] for s, it in op.items.items()
                               if it.get("hints")})
    with op.doc.transaction("groupes de doublons"):
        op.doc.set(("duplicate_groups",), groups)
    return errors


def suggest(op: Operation) -> list[dict[str, Any]]:
    """Every photo with ``selected`` and the reasons, best first.

    Rejected photos and flagged defects are left out; in each near-duplicate group only the
    best (picked, then rating, then hint score) is suggested.
    """
    photos = {s: it for s, it in op.items.items() if it["kind"] == PHOTO and it.get("hints")}
    score = {s: _rank(it) for s, it in photos.items()}
    group_of = {s: g for g in op.doc.get(("duplicate_groups",), []) for s in g}
    out = []
    for sha, item in photos.items():
        reasons, selected = [], True
        hints = item["hints"]
        if item.get("flag") == "reject":
            selected, reasons = False, ["rejetée"]
        elif item.get("flag") == "pick":
            reasons.append("retenue")
        if hints["flags"] and item.get("flag") != "pick":
            selected = False
            reasons.append("défaut : " + ", ".join(hints["flags"]))
        group = [s for s in group_of.get(sha, []) if s in photos]
        if group:
            best = best_of(group, score)
            if best != sha and item.get("flag") != "pick":
                selected = False
                reasons.append(f"doublon de {photos[best]['name']} (meilleure)")
            elif best == sha:
                reasons.append(f"meilleure de {len(group)} photos proches")
        if item.get("rating"):
            reasons.append(f"{item['rating']}★")
        if selected and not reasons:
            reasons.append(f"nette ({hints['sharpness']:.0f}), exposition correcte")
        out.append({"item": sha, "name": item["name"], "selected": selected,
                    "score": round(score[sha], 3), "reasons": reasons})
    return sorted(out, key=lambda r: (not r["selected"], -r["score"]))


def _rank(item: dict[str, Any]) -> float:
    """Picked first, then stars, then the hints' score; among near-duplicates the larger
    picture wins (more room to crop for each channel)."""
    pick = 100.0 if item.get("flag") == "pick" else 0.0
    info = item.get("info", {})
    megapixels = max(0.01, (info.get("width") or 0) * (info.get("height") or 0) / 1e6)
    return pick + 10.0 * (item.get("rating") or 0) + item["hints"]["score"] \
        - 5.0 * len(item["hints"]["flags"]) + 0.5 * math.log2(megapixels)
