"""A sensible 10–15 s demo timeline from one rush (and optionally one photo)."""

from __future__ import annotations

from typing import Any

from mediakit.library.project import Operation


def demo_timeline(op: Operation, rush_sha: str, photo_sha: str | None = None) -> dict[str, Any]:
    """Intro card with a title, the rush in two clips joined by a crossfade, a lower-third,
    a subtitle, the photo (masked) with a slow zoom, an outro card; charte logo bug.

    The photo is used only once its masks exist (detection run), as the render requires.
    """
    rush = op.items[rush_sha]
    duration = float((rush.get("info") or {}).get("duration") or 7.0)
    cut1, cut2 = round(duration * 0.45, 2), round(duration * 0.55, 2)
    clips: list[dict[str, Any]] = [
        {"type": "card", "color": "primary", "duration": 2.0},
        {"type": "video", "item": rush_sha, "in": 0.0, "out": cut1,
         "transition": {"type": "crossfade", "duration": 0.5},
         "audio": {"fade_in": 0.3}},
        {"type": "video", "item": rush_sha, "in": cut2, "out": round(duration, 2),
         "transition": {"type": "crossfade", "duration": 0.6},
         "color": {"saturation": 1.1, "contrast": 1.05}},
    ]
    photo = op.items.get(photo_sha) if photo_sha else None
    if photo is not None and "masks" in photo:
        clips.append({"type": "still", "item": photo_sha, "duration": 3.0, "zoom": 1.12,
                      "transition": {"type": "crossfade", "duration": 0.5}})
    clips.append({"type": "card", "color": "primary", "duration": 1.5,
                  "transition": {"type": "dip_black", "duration": 0.5}})
    start1 = 2.0 - 0.5
    start2 = start1 + cut1 - 0.6
    end = start2 + (duration - cut2)
    titles = [
        {"type": "title", "text": op.name or "Opération", "start": 0.2, "end": 1.9},
        {"type": "lower_third", "name": "Service communication",
         "function": "Ministère de l’Intérieur", "start": round(start1 + 0.4, 2),
         "end": round(start1 + max(cut1 - 0.7, 1.4), 2)},
    ]
    total = sum(c.get("duration", (c.get("out") or 0) - c.get("in", 0)) for c in clips)
    total -= sum((c.get("transition") or {}).get("duration", 0) for c in clips)
    titles.append({"type": "title", "text": "interieur.gouv.fr", "start": round(total - 1.2, 2),
                   "end": round(total, 2), "size": 0.06})
    return {
        "version": 1, "fps": 25, "width": 1920, "height": 1080, "charte": "etat",
        "clips": clips,
        "titles": titles,
        "subtitles": {"cues": [{"start": round(start2 + 0.3, 2), "end": round(end - 0.6, 2),
                                "text": "Images anonymisées : visages et plaques masqués."}],
                      "burn": True},
        "logo": {"charte": True, "width": 0.14, "position": "top-left"},
    }
