"""Subject-aware reframing: crop to a new aspect ratio around faces (or the busiest region)
rather than the centre, or letterbox over a blurred copy of the picture."""

from __future__ import annotations

from collections.abc import Sequence

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
