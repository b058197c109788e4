"""Dérushage: markers and in/out ranges with a note and tags, favourites and a poster frame,
stored on the item (``item["derush"]``) as undoable edits, and searchable.

``item["derush"]`` is plain JSON::

    {"markers": [{"id": "p1", "t": 2.4, "note": "arrivée du préfet", "tags": ["préfet"]}],
     "ranges": [{"id": "r1", "in": 1.0, "out": 4.2, "note": "", "tags": [],
                 "favourite": true}],
     "favourite": false, "poster": 2.4}
"""

from __future__ import annotations

import copy
import unicodedata
from typing import Any

from mediakit.library.project import Operation
from mediakit.media.kinds import VIDEO
from mediakit.video.montage.timeline import MontageError

EMPTY: dict[str, Any] = {"markers": [], "ranges": [], "favourite": False, "poster": None}


def derush_of(op: Operation, sha: str) -> dict[str, Any]:
    """The item's dérushage (empty structure if none yet)."""
    return copy.deepcopy(op.items[sha].get("derush") or EMPTY)


def _video(op: Operation, sha: str) -> dict[str, Any]:
    item = op.items[sha]
    if item.get("kind") != VIDEO:
        raise MontageError(f"{item.get('name', sha[:12])}: le dérushage concerne les vidéos")
    return item


def _check_time(item: dict[str, Any], t: float, what: str) -> float:
    duration = float((item.get("info") or {}).get("duration") or 0)
    if t < 0 or (duration and t > duration + 1e-6):
        raise MontageError(f"{item['name']}: {what} {t:g} s hors du rush (0–{duration:g} s)")
    return round(float(t), 3)


def _store(op: Operation, sha: str, data: dict[str, Any], label: str) -> None:
    op.doc.set(("items", sha, "derush"), data, label=label)


def _next_id(entries: list[dict[str, Any]], prefix: str) -> str:
    nums = [int(e["id"][1:]) for e in entries if str(e.get("id", ""))[1:].isdigit()]
    return f"{prefix}{max(nums, default=0) + 1}"


def add_marker(op: Operation, sha: str, t: float, note: str = "",
               tags: list[str] | None = None) -> str:
    item = _video(op, sha)
    data = derush_of(op, sha)
    mid = _next_id(data["markers"], "p")
    data["markers"].append({"id": mid, "t": _check_time(item, t, "repère"), "note": note,
                            "tags": sorted(set(tags or []))})
    data["markers"].sort(key=lambda m: m["t"])
    _store(op, sha, data, f"repère sur {item['name']}")
    return mid


def add_range(op: Operation, sha: str, in_: float, out: float, note: str = "",
              tags: list[str] | None = None, favourite: bool = False) -> str:
    item = _video(op, sha)
    if out <= in_:
        raise MontageError(f"{item['name']}: sortie {out:g} s avant l'entrée {in_:g} s")
    data = derush_of(op, sha)
    rid = _next_id(data["ranges"], "r")
    data["ranges"].append({"id": rid, "in": _check_time(item, in_, "entrée"),
                           "out": _check_time(item, out, "sortie"), "note": note,
                           "tags": sorted(set(tags or [])), "favourite": favourite})
    data["ranges"].sort(key=lambda r: r["in"])
    _store(op, sha, data, f"plage sur {item['name']}")
    return rid


def _entry(data: dict[str, Any], entry_id: str, name: str) -> dict[str, Any]:
    for entry in data["markers"] + data["ranges"]:
        if entry["id"] == entry_id:
            return entry
    raise MontageError(f"{name}: aucun repère ni plage « {entry_id} »")


def update_entry(op: Operation, sha: str, entry_id: str, **changes: Any) -> None:
    """Change the note, tags, times or favourite flag of a marker or range."""
    item = _video(op, sha)
    data = derush_of(op, sha)
    entry = _entry(data, entry_id, item["name"])
    for key, value in changes.items():
        if key in ("t", "in", "out"):
            value = _check_time(item, float(value), key)
        if key == "tags":
            value = sorted(set(value))
        entry[key] = value
    if "in" in entry and entry["out"] <= entry["in"]:
        raise MontageError(f"{item['name']}: plage {entry_id} vide ou inversée")
    _store(op, sha, data, f"modifier {entry_id} de {item['name']}")


def remove_entry(op: Operation, sha: str, entry_id: str) -> None:
    item = _video(op, sha)
    data = derush_of(op, sha)
    entry = _entry(data, entry_id, item["name"])
    data["markers"] = [m for m in data["markers"] if m is not entry]
    data["ranges"] = [r for r in data["ranges"] if r is not entry]
    _store(op, sha, data, f"retirer {entry_id} de {item['name']}")


def set_favourite(op: Operation, sha: str, favourite: bool = True,
                  entry_id: str | None = None) -> None:
    """Mark the rush (or one of its ranges) as a favourite."""
    if entry_id:
        update_entry(op, sha, entry_id, favourite=favourite)
        return
    item = _video(op, sha)
    data = derush_of(op, sha)
    data["favourite"] = favourite
    _store(op, sha, data, f"favori {item['name']}")


def set_poster(op: Operation, sha: str, t: float) -> None:
    item = _video(op, sha)
    data = derush_of(op, sha)
    data["poster"] = _check_time(item, t, "image de couverture")
    _store(op, sha, data, f"image de couverture de {item['name']}")


def _fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in norm if not unicodedata.combining(ch))


def search(op: Operation, text: str = "", *, favourites: bool = False,
           tag: str | None = None) -> list[dict[str, Any]]:
    """Markers and ranges whose note, tags or rush name contain ``text`` (case and accents
    ignored); ``favourites`` keeps favourite ranges and ranges of favourite rushes."""
    needle = _fold(text.strip())
    hits = []
    for sha, item in op.items.items():
        data = item.get("derush")
        if not data:
            continue
        for entry in data.get("markers", []) + data.get("ranges", []):
            hay = _fold(" ".join([entry.get("note", ""), *entry.get("tags", []), item["name"]]))
            if needle and needle not in hay:
                continue
            if tag and _fold(tag) not in {_fold(t) for t in entry.get("tags", [])}:
                continue
            fav = bool(entry.get("favourite") or data.get("favourite"))
            if favourites and not fav:
                continue
            hits.append({"sha": sha, "name": item["name"], "favourite": fav, **entry})
    hits.sort(key=lambda h: (h["name"], h.get("t", h.get("in", 0))))
    return hits


def range_clip(op: Operation, sha: str, entry_id: str) -> dict[str, Any]:
    """A timeline video clip made from a dérushage range."""
    data = derush_of(op, sha)
    entry = _entry(data, entry_id, op.items[sha]["name"])
    if "in" not in entry:
        raise MontageError(f"{op.items[sha]['name']}: {entry_id} est un repère, pas une plage")
    return {"type": "video", "item": sha, "in": entry["in"], "out": entry["out"]}
