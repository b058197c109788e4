"""The bloc-marque over a montage, by the charte's rules for backgrounds.

The timeline is cut into grounds (:func:`grounds`): frames where one card of a known
colour fills the picture, and footage (rushes, stills, transitions). On each ground the
charte's ``video.bloc_marque`` rules pick what is drawn:

* a light card (black text contrasts more than white with it): ``on_light`` (the standard
  version);
* a dark card: ``on_dark`` (the reversed, white version);
* footage: ``over_footage`` (``cartouche``: the standard version on a white box reaching
  over its clear space, so it reads on any picture).

A version that would fall under the charte's minimum contrast on a card, or that the user
lacks (an official bloc-marque without its own reversed file: it is never recoloured), is
replaced by the cartouche. A timeline may force one version (``"version": "standard"``)
with or without a cartouche; the compliance check then says where it fails.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image

from mediakit.infographic.colours import contrast_ratio
from mediakit.video.montage.titles import Cartouche, LogoVersion, Placed, VideoStyle

Ground = tuple[int, int, str | None]  # first frame, end frame (excluded), card colour or None


@dataclass
class LogoDraw:
    """One version of the bloc-marque, with or without its cartouche, over time spans."""

    version: LogoVersion
    cartouche: Cartouche | None
    spans: list[tuple[float, float]] = field(default_factory=list)


def span_frames(start: float, end: float, fps: float) -> tuple[int, int]:
    """Frames shown by an overlay enabled on ``[start, end)`` s: first, end (excluded)."""
    return math.ceil(start * fps - 1e-6), math.ceil(end * fps - 1e-6)


def ground_under(grounds: list[Ground], start: float, end: float, fps: float) -> str | None:
    """The card colour under all of ``[start, end)``, None when footage shows at any time."""
    first, last = span_frames(start, end, fps)
    for a, b, colour in grounds:
        if colour is not None and a <= first and last <= b:
            return colour
    return None


def _dark(colour: str) -> bool:
    return contrast_ratio(colour, "#ffffff") > contrast_ratio(colour, "#000000")


def _on_cartouche(style: VideoStyle, box: Cartouche) -> LogoVersion:
    """The version with the best contrast on the cartouche."""
    inked = [v for v in style.logos.values() if v.ink]
    if not inked:
        return next(iter(style.logos.values()))
    return max(inked, key=lambda v: contrast_ratio(str(v.ink), box.over("#ffffff")))


def choose(style: VideoStyle, colour: str | None) -> tuple[LogoVersion, Cartouche | None]:
    """Version and cartouche the charte's rules give on a ground (None: footage)."""
    rules, box = style.logo_rules, style.logo_cartouche or Cartouche("#ffffff")
    if colour is None:
        choice = rules.get("over_footage", "cartouche")
    else:
        choice = rules.get("on_dark" if _dark(colour) else "on_light",
                           "reversed" if _dark(colour) else "standard")
    if choice != "cartouche":
        version = style.logos.get(choice)
        if version is not None and (colour is None or version.ink is None or
                                    contrast_ratio(version.ink, colour) >= style.min_contrast):
            return version, None
    return _on_cartouche(style, box), box


def logo_draws(spec: dict[str, Any], style: VideoStyle, custom: Path | None,
               grounds: list[Ground], fps: float) -> list[LogoDraw]:
    """What to overlay, version by version, over the whole timeline."""
    from mediakit.video.montage.timeline import MontageError

    box = style.logo_cartouche or Cartouche("#ffffff")
    forced: tuple[LogoVersion, Cartouche | None] | None = None
    if custom is not None:
        ink = style.colour(str(spec["ink"])) if spec.get("ink") else None
        forced = LogoVersion("fichier", custom, ink, "fichier", "fichier du montage"), \
            (box if spec.get("cartouche") else None)
    elif spec.get("version", "auto") != "auto":
        version = style.logos.get(str(spec["version"]))
        if version is None:
            raise MontageError(f"logo : version « {spec['version']} » absente de la charte "
                               f"« {style.name} » ({', '.join(['auto', *style.logos])})")
        forced = version, (box if spec.get("cartouche") else None)
    draws: dict[tuple[str, bool], LogoDraw] = {}
    for a, b, colour in grounds:
        version, cart = forced or choose(style, colour)
        if forced is None and spec.get("cartouche") is False:
            cart = None
        draw = draws.setdefault((version.name, cart is not None), LogoDraw(version, cart))
        span = (a / fps, b / fps)
        if draw.spans and abs(draw.spans[-1][1] - span[0]) < 1e-9:
            draw.spans[-1] = (draw.spans[-1][0], span[1])
        else:
            draw.spans.append(span)
    return list(draws.values())


@cache
def _image_size(path: str, mtime_ns: int) -> tuple[int, int]:
    with Image.open(path) as im:
        return im.size


def geometry(path: Path, spec: dict[str, Any], style: VideoStyle, width: int,
             height: int) -> tuple[int, int, int, int]:
    """Box (x, y, w, h) of the bloc-marque on the canvas: ``width`` a fraction of the frame
    width, at ``position`` inside the charte's safe margin."""
    iw, ih = _image_size(str(path), path.stat().st_mtime_ns)
    lw = max(2, int(round(width * float(spec.get("width", 0.12)))) // 2 * 2)
    lh = max(2, int(round(lw * ih / iw)) // 2 * 2)
    m = style.margin(width, height)
    pos = str(spec.get("position", "top-right"))
    x = m if "left" in pos else width - lw - m
    y = m if "top" in pos else height - lh - m
    return x, y, lw, lh


def cartouche_box(logo_box: tuple[int, int, int, int], box: Cartouche, width: int,
                  height: int, margin: int) -> tuple[int, int, int, int]:
    """The cartouche around the bloc-marque: its clear space (``padding`` × its height),
    never past the safe margin into the frame's edge."""
    x, y, w, h = logo_box
    pad = min(int(round(box.padding * h)), margin)
    return x - pad, y - pad, w + 2 * pad, h + 2 * pad


def placed(draw: LogoDraw, logo_box: tuple[int, int, int, int], style: VideoStyle,
           width: int, height: int) -> list[Placed]:
    """The elements the compliance check measures: one per span of this version."""
    h = logo_box[3]
    box = style.logo_cartouche or Cartouche("#ffffff")
    pad = min(int(round(box.padding * h)), style.margin(width, height))
    gap = max(1, round(h * 0.04))
    ring = max(2, round(pad * 0.85) - gap)
    note = draw.version.label + (" sur cartouche" if draw.cartouche else "")
    return [Placed("bloc-marque", a, b, logo_box, draw.version.ink, gap, ring, note)
            for a, b in draw.spans]
