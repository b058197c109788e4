"""Subject-aware reframing: crop to a new aspect ratio around faces (or the busiest region)
rather than the centre, or letterbox over a blurred copy of the picture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from mediakit.privacy.regions import BoxTuple

Crop = tuple[int, int, int, int]  # x, y, w, h


def crop_for_aspect(width: int, height: int, aspect: float,
                    subjects: Sequence[BoxTuple] = (),
                    focus: tuple[float, float] | None = None) -> Crop:
    """The largest crop of ``aspect`` (w/h) inside the picture, placed over the subjects.

    With subjects, the crop holds as many of them as fit, favouring the largest (closest)
    ones, centred on their weighted centre; without, it centres on ``focus`` or the middle.
    """
    if width / height > aspect:
        cw, ch = int(round(height * aspect)), height
    else:
        cw, ch = width, int(round(width / aspect))
    cw, ch = min(cw, width), min(ch, height)
    cx, cy = focus if focus else (width / 2, height / 2)
    if subjects:
        cx, cy = _subject_centre(subjects, cw, ch)
    x = int(round(min(max(cx - cw / 2, 0), width - cw)))
    y = int(round(min(max(cy - ch / 2, 0), height - ch)))
    return (x, y, cw, ch)


def _subject_centre(subjects: Sequence[BoxTuple], cw: int, ch: int) -> tuple[float, float]:
    """Centre of the biggest group of subjects that fits in a cw×ch window."""
    ordered = sorted(subjects, key=lambda b: b[2] * b[3], reverse=True)
    x0, y0 = ordered[0][0], ordered[0][1]
    x1, y1 = x0 + ordered[0][2], y0 + ordered[0][3]
    for bx, by, bw, bh in ordered[1:]:
        nx0, ny0 = min(x0, bx), min(y0, by)
        nx1, ny1 = max(x1, bx + bw), max(y1, by + bh)
        if nx1 - nx0 <= cw and ny1 - ny0 <= ch:
            x0, y0, x1, y1 = nx0, ny0, nx1, ny1
    # keep some head-room: faces sit a little above the centre of a portrait crop
    return ((x0 + x1) / 2, (y0 + y1) / 2 + 0.1 * ch * (ch > cw))


def salient_focus(rgb: np.ndarray) -> tuple[float, float]:
    """Centre of mass of edge energy: a cheap saliency when no face is known."""
    small = cv2.cvtColor(cv2.resize(rgb, (128, 128), interpolation=cv2.INTER_AREA),
                         cv2.COLOR_RGB2GRAY).astype(np.float32)
    energy = np.abs(cv2.Sobel(small, cv2.CV_32F, 1, 0)) + np.abs(cv2.Sobel(small, cv2.CV_32F, 0, 1))
    energy = cv2.GaussianBlur(energy, (0, 0), 8)
    total = float(energy.sum())
    if total <= 0:
        return (rgb.shape[1] / 2, rgb.shape[0] / 2)
    ys, xs = np.mgrid[0:128, 0:128]
    cx = float((energy * xs).sum() / total) / 128 * rgb.shape[1]
    cy = float((energy * ys).sum() / total) / 128 * rgb.shape[0]
    # pull towards the centre: saliency is a hint, not a certainty
    return (0.5 * cx + 0.25 * rgb.shape[1], 0.5 * cy + 0.25 * rgb.shape[0])


def letterbox(rgb: np.ndarray, width: int, height: int) -> np.ndarray:
    """The whole picture fitted in width×height over a blurred, darkened copy of itself."""
    h, w = rgb.shape[:2]
    cover = max(width / w, height / h)
    bg = cv2.resize(rgb, (max(width, int(w * cover + 0.5)), max(height, int(h * cover + 0.5))),
                    interpolation=cv2.INTER_AREA)
    oy, ox = (bg.shape[0] - height) // 2, (bg.shape[1] - width) // 2
    bg = bg[oy:oy + height, ox:ox + width]
    bg = cv2.GaussianBlur(bg, (0, 0), max(width, height) / 40)
    bg = (bg.astype(np.float32) * 0.6).astype(np.uint8)
    fit = min(width / w, height / h)
    fw, fh = max(1, int(w * fit + 0.5)), max(1, int(h * fit + 0.5))
    fg = cv2.resize(rgb, (fw, fh), interpolation=cv2.INTER_AREA)
    y, x = (height - fh) // 2, (width - fw) // 2
    bg[y:y + fh, x:x + fw] = fg
    return bg


# -- stills: keep every person ------------------------------------------------------------

MIN_FACE_SHARE = 0.05  # median face height / output height for a fitted (banded) picture
PERSON_MARGIN = 0.02  # × picture side kept around the people in a fitted picture

Person = tuple[str, BoxTuple]  # (mask id, face box)


@dataclass
class StillFrame:
    """How a photo is framed for one format: a crop, or (``fit``) a sub-picture shown whole
    over blurred bands; the people it could not keep (mask ids)."""

    crop: Crop
    fit: bool = False
    left_out: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def person_box(face: BoxTuple, width: int, height: int) -> BoxTuple:
    """A person's head and shoulders from the box of their face (masked region): twice as
    wide, from a little above it to one face height below it, clipped to the picture."""
    x, y, w, h = face
    x0, x1 = max(0.0, x + w / 2 - w), min(float(width), x + w / 2 + w)
    y0, y1 = max(0.0, y - 0.1 * h), min(float(height), y + 2.0 * h)
    return (x0, y0, max(1.0, x1 - x0), max(1.0, y1 - y0))


def frame_still(width: int, height: int, aspect: float, people: Sequence[Person],
                focus: tuple[float, float] | None = None) -> StillFrame:
    """Frame a photo to ``aspect`` keeping every person: the largest crop holding them all;
    when they spread wider than it, the part of the picture they occupy shown whole over
    blurred bands, as long as faces stay at least ``MIN_FACE_SHARE`` of the picture's
    height; else the crop that keeps the most people, naming those it leaves out."""
    if not people:
        return StillFrame(crop_for_aspect(width, height, aspect, (), focus))
    x0, y0, cw, ch = crop_for_aspect(width, height, aspect)
    boxes = {pid: person_box(face, width, height) for pid, face in people}
    ids = [pid for pid, _ in people]
    preferred = crop_for_aspect(width, height, aspect, [f for _, f in people], focus)
    # head and shoulders of everyone, else at least every face (masked region) whole
    for level in (boxes, dict(people)):
        ux0, uy0, ux1, uy1 = _extent(level.values())
        if ux1 - ux0 <= cw + 0.5 and uy1 - uy0 <= ch + 0.5:
            x = min(max(preferred[0], ux1 - cw), ux0)
            y = min(max(preferred[1], uy1 - ch), uy0)
            return StillFrame(_clamped(x, y, cw, ch, width, height), kept=ids)
    ux0, uy0, ux1, uy1 = _extent(boxes.values())
    if ux1 - ux0 > cw + 0.5:  # too wide: the people's width, the whole height
        m = PERSON_MARGIN * width
        sx0, sx1 = max(0.0, ux0 - m), min(float(width), ux1 + m)
        sub = (int(sx0), 0, int(round(sx1 - sx0)), height)
    else:  # too tall: the people's height, the whole width
        m = PERSON_MARGIN * height
        sy0, sy1 = max(0.0, uy0 - m), min(float(height), uy1 + m)
        sub = (0, int(sy0), width, int(round(sy1 - sy0)))
    scale = min(1.0 / sub[2] * aspect, 1.0 / sub[3])  # output heights per source pixel
    faces = sorted(f[3] for _, f in people)
    if faces[len(faces) // 2] * scale >= MIN_FACE_SHARE:
        return StillFrame(sub, fit=True, kept=ids)
    return _most_people(width, height, cw, ch, boxes, preferred)


def _extent(boxes: Sequence[BoxTuple] | Any) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 of the boxes together."""
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes))


def _clamped(x: float, y: float, cw: int, ch: int, width: int, height: int) -> Crop:
    return (int(round(min(max(x, 0), width - cw))), int(round(min(max(y, 0), height - ch))),
            cw, ch)


def _most_people(width: int, height: int, cw: int, ch: int, boxes: dict[str, BoxTuple],
                 preferred: Crop) -> StillFrame:
    """The crop (full size, slid along its free axis) holding the most people (then the
    largest ones, then the closest to ``preferred``)."""
    horizontal = cw < width
    side, full = (cw, width) if horizontal else (ch, height)
    starts = {0.0, float(full - side), float(preferred[0] if horizontal else preferred[1])}
    for b in boxes.values():
        lo, size = (b[0], b[2]) if horizontal else (b[1], b[3])
        starts.update({lo, lo + size - side})

    def inside(start: float) -> list[str]:
        return [pid for pid, b in boxes.items()
                if (b[0] if horizontal else b[1]) >= start - 0.5
                and (b[0] + b[2] if horizontal else b[1] + b[3]) <= start + side + 0.5]

    pref = preferred[0] if horizontal else preferred[1]
    best = max((min(max(s, 0.0), float(full - side)) for s in starts),
               key=lambda s: (len(inside(s)), sum(boxes[p][2] * boxes[p][3] for p in inside(s)),
                              -abs(s - pref)))
    kept = inside(best)
    x, y = (best, preferred[1]) if horizontal else (preferred[0], best)
    return StillFrame(_clamped(x, y, cw, ch, width, height),
                      left_out=[p for p in boxes if p not in kept], kept=kept)
