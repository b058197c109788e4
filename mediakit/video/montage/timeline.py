"""Timelines as project data (``op.doc.data["timelines"][name]``) and undoable edits on them.

A timeline is plain JSON (see ``docs/montage.md``): ``clips`` in order (video ranges of
rushes, stills, colour cards) each with the transition *into* it, ``titles``
(titles and lower-thirds), ``subtitles``, ``logo``, ``music``. Times are seconds; every
position is rounded to a frame of the timeline's ``fps``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from mediakit.errors import MediakitError
from mediakit.jsonfile import read_json_object
from mediakit.library.project import Operation

CLIP_TYPES = ("video", "still", "card")
TRANSITIONS = {"cut": None, "crossfade": "fade", "dip_black": "fadeblack",
               "dip_white": "fadewhite"}
TITLE_TYPES = ("title", "lower_third")
FITS = ("fill", "fit", "blur")
DEFAULTS = {"version": 1, "fps": 25, "width": 1920, "height": 1080, "charte": "etat"}


class MontageError(MediakitError):
    """A timeline or one of its sources cannot be used (message names the clip and why)."""


def clip_label(index: int, clip: dict[str, Any]) -> str:
    ref = clip.get("item") or clip.get("file") or clip.get("color") or ""
    return f"clip {index + 1} ({clip.get('type', 'video')}{' ' + str(ref)[:24] if ref else ''})"


def _num(value: Any, what: str, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MontageError(f"{what} : nombre attendu, reçu {value!r}")
    if minimum is not None and value < minimum:
        raise MontageError(f"{what} : {value} est inférieur au minimum {minimum}")
    return float(value)


def _transition(raw: Any, where: str) -> dict[str, Any]:
    if raw is None:
        return {"type": "cut", "duration": 0.0}
    if isinstance(raw, str):
        raw = {"type": raw}
    kind = raw.get("type", "cut")
    if kind not in TRANSITIONS:
        raise MontageError(f"{where} : transition « {kind} » inconnue "
                           f"({', '.join(TRANSITIONS)})")
    dur = 0.0 if kind == "cut" else _num(raw.get("duration", 0.5), f"{where} transition", 0.04)
    return {"type": kind, "duration": dur}


def normalise(data: dict[str, Any]) -> dict[str, Any]:
    """A validated copy of a timeline with every default filled in; MontageError otherwise."""
    if not isinstance(data, dict):
        raise MontageError("timeline : un objet JSON est attendu")
    tl = {**DEFAULTS, **copy.deepcopy(data)}
    tl["fps"] = _num(tl["fps"], "timeline fps", 1)
    for key in ("width", "height"):
        tl[key] = int(_num(tl[key], f"timeline {key}", 16)) // 2 * 2
    clips = list(tl.get("clips") or [])
    if tl.get("intro"):
        clips.insert(0, {"type": "still" if "file" in tl["intro"] else "card", **tl.pop("intro")})
    if tl.get("outro"):
        clips.append({"type": "still" if "file" in tl["outro"] else "card", **tl.pop("outro")})
    tl.pop("intro", None)
    tl.pop("outro", None)
    if not clips:
        raise MontageError("timeline : aucun clip")
    tl["clips"] = [_clip(i, c) for i, c in enumerate(clips)]
    tl["clips"][0]["transition"] = {"type": "cut", "duration": 0.0}
    tl["titles"] = [_title(i, t) for i, t in enumerate(tl.get("titles") or [])]
    subs = tl.get("subtitles") or {}
    if isinstance(subs, list):
        subs = {"cues": subs}
    subs.setdefault("cues", [])
    subs.setdefault("burn", True)
    for i, cue in enumerate(subs["cues"]):
        where = f"sous-titre {i + 1}"
        if _num(cue.get("end"), f"{where} fin", 0) <= _num(cue.get("start"), f"{where} début", 0):
            raise MontageError(f"{where} : la fin précède le début")
    tl["subtitles"] = subs
    tl.setdefault("logo", None)
    tl.setdefault("music", None)
    if tl["music"] and not tl["music"].get("file"):
        raise MontageError("musique : champ « file » manquant")
    if tl["logo"] and not (tl["logo"].get("file") or tl["logo"].get("charte")):
        raise MontageError("logo : « file » ou « charte »: true attendu")
    return tl


def _clip(index: int, raw: dict[str, Any]) -> dict[str, Any]:
    clip = copy.deepcopy(raw)
    kind = clip.setdefault("type", "video")
    where = clip_label(index, clip)
    if kind not in CLIP_TYPES:
        raise MontageError(f"{where} : type inconnu ({', '.join(CLIP_TYPES)})")
    clip["transition"] = _transition(clip.get("transition"), where)
    clip.setdefault("fit", "fill" if kind == "video" else "fit")
    if clip["fit"] not in FITS:
        raise MontageError(f"{where} : cadrage « {clip['fit']} » inconnu ({', '.join(FITS)})")
    clip.setdefault("color", {})
    clip.setdefault("audio", {})
    if kind == "video":
        if not clip.get("item"):
            raise MontageError(f"{where} : champ « item » (rush) manquant")
        clip["in"] = _num(clip.get("in", 0.0), f"{where} entrée", 0)
        if clip.get("out") is not None and \
                _num(clip["out"], f"{where} sortie", 0) <= clip["in"]:
            raise MontageError(f"{where} : la sortie ({clip['out']} s) précède l'entrée "
                               f"({clip['in']} s)")
    else:
        clip["duration"] = _num(clip.get("duration", 3.0), f"{where} durée", 0.04)
        clip["zoom"] = _num(clip.get("zoom", 1.0), f"{where} zoom", 1.0)
        if kind == "still" and not (clip.get("item") or clip.get("file")):
            raise MontageError(f"{where} : « item » (photo) ou « file » (image) attendu")
        if kind == "card":
            clip.setdefault("color", "primary")
    return clip


def _title(index: int, raw: dict[str, Any]) -> dict[str, Any]:
    title = copy.deepcopy(raw)
    where = f"titre {index + 1}"
    title.setdefault("type", "title")
    if title["type"] not in TITLE_TYPES:
        raise MontageError(f"{where} : type « {title['type']} » inconnu ({', '.join(TITLE_TYPES)})")
    start = _num(title.get("start", 0.0), f"{where} début", 0)
    if _num(title.get("end"), f"{where} fin", 0) <= start:
        raise MontageError(f"{where} : la fin précède le début")
    if title["type"] == "title" and not str(title.get("text", "")).strip():
        raise MontageError(f"{where} : texte vide")
    if title["type"] == "lower_third" and not str(title.get("name", "")).strip():
        raise MontageError(f"{where} : nom vide pour le bandeau")
    return title


def clip_frames(clip: dict[str, Any], fps: float, source_duration: float | None = None) -> int:
    """Length of a clip on the timeline, in frames."""
    if clip["type"] == "video":
        out = clip.get("out")
        if out is None:
            if source_duration is None:
                raise MontageError(f"{clip.get('item')}: sortie non précisée")
            out = source_duration
        return int(round(out * fps)) - int(round(clip["in"] * fps))
    return max(1, int(round(clip["duration"] * fps)))


def layout(frames: list[int], transitions: list[int]) -> tuple[list[int], int]:
    """Start frame of every clip and the total, given lengths and transition overlaps."""
    starts, end = [], 0
    for i, (n, d) in enumerate(zip(frames, transitions, strict=True)):
        start = end - (d if i else 0)
        starts.append(start)
        end = start + n
    return starts, end


def check_layout(tl: dict[str, Any], frames: list[int]) -> list[int]:
    """Transition lengths in frames; MontageError when one does not fit its clips."""
    fps = tl["fps"]
    trans = [int(round(c["transition"]["duration"] * fps)) for c in tl["clips"]]
    trans[0] = 0
    for i, clip in enumerate(tl["clips"]):
        if frames[i] < 1:
            raise MontageError(f"{clip_label(i, clip)} : durée nulle")
        after = trans[i + 1] if i + 1 < len(trans) else 0
        if trans[i] + after > frames[i]:
            raise MontageError(f"{clip_label(i, clip)} : trop court ({frames[i] / fps:.2f} s) "
                               f"pour ses transitions ({(trans[i] + after) / fps:.2f} s)")
    return trans


def load_timeline_file(path: str | Path) -> dict[str, Any]:
    """Read a timeline JSON file (``_base`` set to its folder for relative files)."""
    path = Path(path)
    tl = normalise(read_json_object(path, "timeline", MontageError))
    tl["_base"] = str(path.resolve().parent)
    return tl


# -- undoable commands on the project ---------------------------------------------------------
def _path(name: str, *rest: Any) -> tuple[Any, ...]:
    return ("timelines", name, *rest)


def get_timeline(op: Operation, name: str) -> dict[str, Any]:
    tl = op.doc.get(_path(name))
    if tl is None:
        names = ", ".join(sorted(op.doc.get(("timelines",), {}) or {})) or "aucune"
        raise MontageError(f"timeline « {name} » absente du projet (timelines : {names})")
    return tl


def save_timeline(op: Operation, name: str, data: dict[str, Any]) -> None:
    """Store (or replace) a whole timeline, validated, as one undo step."""
    data = {k: v for k, v in data.items() if not k.startswith("_")}
    normalise(data)
    with op.doc.transaction(f"enregistrer la timeline {name}"):
        if op.doc.get(("timelines",)) is None:
            op.doc.set(("timelines",), {})
        op.doc.set(_path(name), data)


def delete_timeline(op: Operation, name: str) -> None:
    get_timeline(op, name)
    op.doc.delete(_path(name), label=f"supprimer la timeline {name}")


def _edit(op: Operation, name: str, label: str, path: tuple[Any, ...], value: Any) -> None:
    """Set a value, refusing (and undoing) an edit that makes the timeline invalid."""
    with op.doc.transaction(label):
        op.doc.set(path, value)
        normalise(get_timeline(op, name))


def add_clip(op: Operation, name: str, clip: dict[str, Any], index: int | None = None) -> None:
    tl = get_timeline(op, name)
    _clip(len(tl.get("clips", [])), clip)
    pos = len(tl.get("clips", [])) if index is None else index
    op.doc.insert(_path(name, "clips"), pos, clip, label=f"ajouter un clip à {name}")


def remove_clip(op: Operation, name: str, index: int) -> None:
    clips = get_timeline(op, name).get("clips", [])
    if not 0 <= index < len(clips) or len(clips) == 1:
        raise MontageError(f"timeline « {name} » : clip {index + 1} impossible à retirer")
    op.doc.delete(_path(name, "clips", index), label=f"retirer le clip {index + 1}")


def move_clip(op: Operation, name: str, src: int, dst: int) -> None:
    clips = get_timeline(op, name).get("clips", [])
    if not (0 <= src < len(clips) and 0 <= dst < len(clips)):
        raise MontageError(f"timeline « {name} » : déplacement {src + 1} → {dst + 1} impossible")
    op.doc.move(_path(name, "clips"), src, dst, label=f"déplacer le clip {src + 1}")


def update_clip(op: Operation, name: str, index: int, **changes: Any) -> None:
    """Change fields of a clip (``None`` removes a field) in one undo step."""
    clip = dict(get_timeline(op, name)["clips"][index])
    for key, value in changes.items():
        if value is None:
            clip.pop(key, None)
        else:
            clip[key] = value
    _edit(op, name, f"modifier le clip {index + 1}", _path(name, "clips", index), clip)


def trim_clip(op: Operation, name: str, index: int, in_: float, out: float) -> None:
    update_clip(op, name, index, **{"in": in_, "out": out})


def set_transition(op: Operation, name: str, index: int, kind: str,
                   duration: float = 0.5) -> None:
    update_clip(op, name, index, transition={"type": kind, "duration": duration})


def add_title(op: Operation, name: str, title: dict[str, Any]) -> None:
    _title(0, title)
    get_timeline(op, name)
    op.doc.append(_path(name, "titles"), title, label=f"ajouter un titre à {name}")


def update_title(op: Operation, name: str, index: int, **changes: Any) -> None:
    title = {**get_timeline(op, name)["titles"][index], **changes}
    _edit(op, name, f"modifier le titre {index + 1}", _path(name, "titles", index), title)


def remove_title(op: Operation, name: str, index: int) -> None:
    op.doc.delete(_path(name, "titles", index), label=f"retirer le titre {index + 1}")


def set_subtitles(op: Operation, name: str, cues: list[dict[str, Any]],
                  burn: bool = True) -> None:
    _edit(op, name, "modifier les sous-titres", _path(name, "subtitles"),
          {"cues": cues, "burn": burn})


def import_srt(op: Operation, name: str, srt: str | Path, burn: bool = True) -> int:
    """Replace the timeline's subtitles by an SRT file's cues; returns the cue count."""
    from mediakit.video.montage.subtitles import read_srt

    try:
        cues = read_srt(srt)
    except ValueError as exc:
        raise MontageError(str(exc)) from exc
    set_subtitles(op, name, cues, burn)
    return len(cues)


def set_music(op: Operation, name: str, music: dict[str, Any] | None) -> None:
    _edit(op, name, "musique", _path(name, "music"), music)


def set_logo(op: Operation, name: str, logo: dict[str, Any] | None) -> None:
    _edit(op, name, "logo", _path(name, "logo"), logo)


def clips_for_items(op: Operation, shas: list[str], still_seconds: float = 3.0
                    ) -> list[dict[str, Any]]:
    """Timeline clips for chutier items: a rush whole (in 0, out its duration), a photo held
    ``still_seconds``; other kinds are left out."""
    clips = []
    for sha in shas:
        item = op.items.get(sha) or {}
        if item.get("kind") == "video":
            duration = float((item.get("info") or {}).get("duration") or 0.0)
            clips.append({"type": "video", "item": sha, "in": 0.0,
                          "out": round(duration, 3) if duration > 0 else None})
        elif item.get("kind") == "photo":
            clips.append({"type": "still", "item": sha, "duration": still_seconds})
    return clips


def new_timeline(op: Operation, name: str, shas: list[str]) -> None:
    """Create the montage ``name`` from chutier items, in the order given (one undo step)."""
    name = name.strip()
    if not name:
        raise MontageError("donnez un nom au montage")
    if op.doc.get(_path(name)) is not None:
        raise MontageError(f"un montage « {name} » existe déjà")
    clips = clips_for_items(op, shas)
    if not clips:
        raise MontageError("choisissez d'abord des rushes ou des photos dans le chutier")
    save_timeline(op, name, {"clips": clips})


def add_items(op: Operation, name: str, shas: list[str]) -> int:
    """Append chutier items to a montage; returns how many clips were added."""
    clips = clips_for_items(op, shas)
    with op.doc.transaction(f"ajouter {len(clips)} clip(s) au montage {name}"):
        for clip in clips:
            add_clip(op, name, clip)
    return len(clips)


def clip_seconds(op: Operation | None, clip: dict[str, Any]) -> float:
    """A clip's length in seconds as the timeline says (a rush without an out point runs to
    its end, read from the item's import facts)."""
    if clip.get("type", "video") != "video":
        return float(clip.get("duration", 3.0))
    out = clip.get("out")
    if out is None and op is not None:
        item = op.items.get(clip.get("item", "")) or {}
        out = (item.get("info") or {}).get("duration")
    return max(0.0, float(out or 0.0) - float(clip.get("in", 0.0)))


def timeline_seconds(op: Operation | None, tl: dict[str, Any]) -> float:
    """The montage's length: its clips end to end, less each transition's overlap."""
    total = 0.0
    for i, clip in enumerate(tl.get("clips") or []):
        total += clip_seconds(op, clip)
        if i:
            total -= float((clip.get("transition") or {}).get("duration", 0.0))
    return max(0.0, total)
