"""The user's framing keyframes of a video, per export format: undoable edits with audit.

Stored on the item as ``items[sha]["reframe"] = {"9:16": [{"t": 5.5, "x": 0.62, "y": null}]}``:
at ``t`` seconds, the crop of that format is centred on (x, y), shares of the picture's width
and height (``null``: that axis stays automatic). They override the automatic path in their
shot (:mod:`mediakit.channels.video_reframe`).
"""

from __future__ import annotations

from typing import Any

from mediakit.errors import ProjectError
from mediakit.library import audit
from mediakit.library.project import Operation
from mediakit.media.kinds import VIDEO

SAME_TIME_S = 0.02  # a keyframe this close to another one replaces it


def _fr(value: float, decimals: int = 2) -> str:
    """« 5,50 »: a number as French text."""
    return f"{value:.{decimals}f}".replace(".", ",")


def _video(op: Operation, sha: str) -> dict[str, Any]:
    item = op.items[sha]
    if item.get("kind") not in (VIDEO, "montage"):
        raise ProjectError(f"{item['name']} : le cadrage ne s'applique qu'aux vidéos")
    return item


def _share(value: float | None, what: str) -> float | None:
    if value is None:
        return None
    if not 0.0 <= float(value) <= 1.0:
        raise ProjectError(f"{what} du centre hors de l'image ({_fr(float(value))}) : "
                           f"entre 0 et 1")
    return round(float(value), 4)


def set_keyframe(op: Operation, sha: str, fmt: str, t: float, x: float | None,
                 y: float | None = None) -> dict[str, Any]:
    """Centre the ``fmt`` crop on (x, y) at ``t`` s (one undo step, one audit entry)."""
    item = _video(op, sha)
    duration = float((item.get("info") or {}).get("duration") or 0.0)
    if t < 0 or (duration and t > duration + 0.05):
        raise ProjectError(f"{item['name']} : instant {_fr(t)} s hors de la vidéo "
                           f"(0 à {_fr(duration)} s)")
    key = {"t": round(float(t), 3), "x": _share(x, "abscisse"), "y": _share(y, "ordonnée")}
    if key["x"] is None and key["y"] is None:
        raise ProjectError("image clé de cadrage sans centre : donnez x ou y")
    with op.doc.transaction(f"cadrage {fmt} à {_fr(t)} s"):
        framing = dict(op.doc.get(("items", sha, "reframe")) or {})
        keys = [k for k in framing.get(fmt, []) if abs(float(k["t"]) - t) > SAME_TIME_S]
        old = [k for k in framing.get(fmt, []) if abs(float(k["t"]) - t) <= SAME_TIME_S]
        framing[fmt] = sorted([*keys, key], key=lambda k: float(k["t"]))
        op.doc.set(("items", sha, "reframe"), framing)
        audit.record(op.root, "reframe_keyframe", item=sha, format=fmt, t=key["t"],
                     old=old[0] if old else None, new=key)
    return key


def remove_keyframe(op: Operation, sha: str, fmt: str, t: float) -> dict[str, Any]:
    """Remove the ``fmt`` keyframe nearest ``t`` (within 0.25 s); ProjectError if none."""
    item = _video(op, sha)
    with op.doc.transaction(f"retirer le cadrage {fmt} à {_fr(t)} s"):
        framing = dict(op.doc.get(("items", sha, "reframe")) or {})
        keys = list(framing.get(fmt, []))
        near = sorted(keys, key=lambda k: abs(float(k["t"]) - t))
        if not near or abs(float(near[0]["t"]) - t) > 0.25:
            raise ProjectError(f"{item['name']} : pas d'image clé de cadrage {fmt} "
                               f"à {_fr(t)} s")
        gone = near[0]
        framing[fmt] = [k for k in keys if k is not gone]
        if not framing[fmt]:
            del framing[fmt]
        op.doc.set(("items", sha, "reframe"), framing)
        audit.record(op.root, "reframe_keyframe_removed", item=sha, format=fmt,
                     t=gone["t"], old=gone, new=None)
    return gone


def clear_keyframes(op: Operation, sha: str, fmt: str | None = None) -> int:
    """Remove every keyframe of ``fmt`` (all formats when None); returns how many."""
    _video(op, sha)
    with op.doc.transaction("cadrage automatique rétabli"):
        framing = dict(op.doc.get(("items", sha, "reframe")) or {})
        formats = [fmt] if fmt else list(framing)
        count = sum(len(framing.pop(f, [])) for f in formats)
        if count:
            op.doc.set(("items", sha, "reframe"), framing)
            audit.record(op.root, "reframe_cleared", item=sha, format=fmt or "tous",
                         count=count)
    return count
