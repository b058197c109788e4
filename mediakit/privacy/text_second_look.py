"""A second look for small text: name tapes, RIO numbers, lettering too small for the
photo text passes.

PP-OCR's DB text detector has a smallest scale: glyphs under ~7 px (a name tape on a
uniform seen at 720p, soft after resampling and H.264) leave no trace in its 1x
probability map, not even a weak blob (on the demo rush the name tape's peak is 0.002 to
0.09, ranked among the asphalt's and the brick's noise), so the focused 1.6x pass, which
looks around the weak blobs, never looks there, and 1.6x is still too small. At 2x on a
crop the same line fires at 0.8+.

Where to look comes from the pixels instead: rows of small, high-contrast strokes
(:func:`glyph_rows`: top-hat and black-hat of a 3 px element, i.e. light or dark strokes
about 2 px wide, as those of 6-8 px glyphs, ``contrast`` grey levels off their
surroundings, in groups of ``min_strokes`` or more along a row). On the demo rush's name
tape frames that row ranks first among 1-11 rows (a 5 px element or 40 grey levels: it
is lost among the bricks and windows). Rows that no text line already
boxes are ranked by stroke count and contrast; at most ``max_crops`` padded crops of at
most ``max_side`` px (at least 208x80: the detector needs context) are run through the text detector at ``upscale`` (bounded cost: 4
crops of 208x80 px at 2x are ~0.29 of a 1280x720 1x pass in pixels). What is found there is
scored and filtered by the photo pipeline's own rules (:func:`~mediakit.privacy.plates.
text_score`, :class:`~mediakit.privacy.plates.PlateFilter`), like any other text line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np

from mediakit.privacy import plates as P

if TYPE_CHECKING:
    from mediakit.privacy.plates import PlateDetector


@dataclass(frozen=True)
class SmallText:
    """Where and how the second look for small text runs (see the module docstring).

    ``kernel``: the top-hat element (px); strokes ``contrast`` grey levels off it, at
    most ``max_glyph`` px in both directions and ``min_area`` px, joined along a row
    (``join`` px apart) into rows ``row_height`` px tall, ``min_aspect`` times wider,
    of ``min_strokes`` strokes or more. ``max_crops`` crops around the best rows, each
    row with ``pad`` px of context and at least ``window`` px (width, height: the
    detector needs context, a 100 px crop around a name tape loses it) and at most
    ``max_side`` px, shifted to stay inside the image, are searched at
    ``upscale``; lines found there are kept when ``max_line_height`` px tall at most
    (small text: larger text is the 1x pass's job), boxed by no line already found, and
    where the recogniser reads ``min_chars`` Latin letters or digits or more, at any
    confidence (as :data:`~mediakit.privacy.plates.BRIGHT_MIN_CHARS`): the name tape
    reads 3-13 (``URIVCy``, ``COLLINS ANEY``), the crops' false alarms 0-2 (bricks read
    ``0`` or ``A``; ro-dashcam, 50 images: 11 lines found, 2 with 3 characters).
    """

    kernel: int = 3
    contrast: int = 25
    max_glyph: int = 12
    min_area: int = 3
    join: tuple[int, int] = (3, 7)
    row_height: tuple[int, int] = (5, 24)
    min_aspect: float = 1.5
    min_strokes: int = 3
    max_crops: int = 4
    pad: int = 24
    window: tuple[int, int] = (208, 80)
    max_side: int = 256
    upscale: float = 2.0
    max_line_height: float = 40.0
    min_chars: int = 3


def glyph_rows(rgb: np.ndarray, cfg: SmallText) -> np.ndarray:
    """Rows of small high-contrast strokes: x0, y0, x1, y1, strokes, mean contrast."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    element = np.ones((cfg.kernel, cfg.kernel), np.uint8)
    light = cv2.morphologyEx(gray, cv2.MORPH_TOPHAT, element)
    dark = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, element)
    strength = np.maximum(light, dark)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(
        (strength > cfg.contrast).astype(np.uint8), connectivity=8)
    small = np.zeros(n, bool)
    small[1:] = (stats[1:, 2] <= cfg.max_glyph) & (stats[1:, 3] <= cfg.max_glyph) & (
        stats[1:, 4] >= cfg.min_area)
    strokes = small[labels]
    rows = cv2.dilate(strokes.astype(np.uint8), np.ones(cfg.join, np.uint8))
    m, row_labels, row_stats, _ = cv2.connectedComponentsWithStats(rows, connectivity=8)
    out = []
    for k in range(1, m):
        x, y, w, h, _ = row_stats[k]
        if not (cfg.row_height[0] <= h <= cfg.row_height[1] and w >= cfg.min_aspect * h):
            continue
        inside = strokes[y:y + h, x:x + w] & (row_labels[y:y + h, x:x + w] == k)
        count = len(np.unique(labels[y:y + h, x:x + w][inside]))
        if count >= cfg.min_strokes:
            contrast = float(strength[y:y + h, x:x + w][inside].mean())
            out.append([x, y, x + w, y + h, count, contrast])
    return np.array(out, np.float32).reshape(-1, 6)


def _inside_any(rows: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether each row's centre lies inside one of ``boxes``."""
    if not len(boxes) or not len(rows):
        return np.zeros(len(rows), bool)
    cx, cy = (rows[:, 0] + rows[:, 2]) / 2, (rows[:, 1] + rows[:, 3]) / 2
    return ((cx[:, None] > boxes[None, :, 0]) & (cx[:, None] < boxes[None, :, 2])
            & (cy[:, None] > boxes[None, :, 1]) & (cy[:, None] < boxes[None, :, 3])).any(1)


def _snap(size: float, cap: int, limit: int) -> int:
    """A crop side: ``size`` capped at ``cap`` and the image side ``limit``, rounded down
    to a multiple of 16 (2x: whole detector strides, no padding) when the image allows."""
    size = min(int(size), cap, limit)
    return size - size % 16 if size >= 16 else size


def small_text_crops(rgb: np.ndarray, known: np.ndarray,
                     cfg: SmallText) -> list[tuple[int, int, int, int]]:
    """At most ``max_crops`` crops (x0, y0, x1, y1) around the best glyph rows that no
    ``known`` box (x0, y0, x1, y1, ...) holds, best first."""
    h, w = rgb.shape[:2]
    rows = glyph_rows(rgb, cfg)
    rows = rows[~_inside_any(rows, known)]
    if not len(rows):
        return []
    rows = rows[np.lexsort((-rows[:, 5], -rows[:, 4]))]
    crops: list[tuple[int, int, int, int]] = []
    for x0, y0, x1, y1 in rows[:, :4]:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if any(a <= cx < c and b <= cy < d for a, b, c, d in crops):
            continue  # already searched around
        cw = _snap(max(cfg.window[0], x1 - x0 + 2 * cfg.pad), cfg.max_side, w)
        ch = _snap(max(cfg.window[1], y1 - y0 + 2 * cfg.pad), cfg.max_side, h)
        if cw < 16 or ch < 16:
            continue
        left = int(np.clip(round(cx - cw / 2), 0, w - cw))
        top = int(np.clip(round(cy - ch / 2), 0, h - ch))
        crops.append((left, top, left + cw, top + ch))
        if len(crops) >= cfg.max_crops:
            break
    return crops


def small_text_lines(rgb: np.ndarray, known: np.ndarray, cfg: SmallText,
                     min_height: float, box_thresh: float = 0.3) -> np.ndarray:
    """Plate-shaped text lines (x0, y0, x1, y1, score) found at ``upscale`` on the crops
    of :func:`small_text_crops`: at most ``max_line_height`` tall, centred in their crop
    and boxed by no ``known`` line."""
    found = [np.zeros((0, 5), np.float32)]
    for x0, y0, x1, y1 in small_text_crops(rgb, known, cfg):
        crop = rgb[y0:y1, x0:x1]
        size = (max(P.STRIDE, round((x1 - x0) * cfg.upscale)),
                max(P.STRIDE, round((y1 - y0) * cfg.upscale)))
        lines = P.text_boxes(P.text_probability(P._resize(crop, size)), box_thresh=box_thresh)
        lines[:, [0, 2]] = lines[:, [0, 2]] * (x1 - x0) / size[0] + x0
        lines[:, [1, 3]] = lines[:, [1, 3]] * (y1 - y0) / size[1] + y0
        lines = P.join_rows(lines)
        cx, cy = (lines[:, 0] + lines[:, 2]) / 2, (lines[:, 1] + lines[:, 3]) / 2
        keep = (cx > x0) & (cx < x1) & (cy > y0) & (cy < y1) & (
            lines[:, 3] - lines[:, 1] <= cfg.max_line_height)
        lines = lines[keep]
        lines = lines[[P.plate_shaped(b, min_height) for b in lines]].reshape(-1, 5)
        lines[:, [0, 2]] = np.clip(lines[:, [0, 2]], 0, rgb.shape[1])
        lines[:, [1, 3]] = np.clip(lines[:, [1, 3]], 0, rgb.shape[0])
        found.append(lines)
    lines = np.concatenate(found)
    if len(lines) and len(known):
        lines = lines[P._iou_matrix(lines[:, :4], known[:, :4]).max(1) < 0.3]
    return P.merge_boxes(lines, 0.5) if len(lines) else lines


def small_text_reads(detector: PlateDetector, rgb: np.ndarray, scored: list,
                     cfg: SmallText | None = None) -> list:
    """Scored lines ``(box, text, conf, score)`` of the second look for small text,
    beside the ``scored`` lines the detector already has (their boxes are not searched
    again)."""
    cfg = cfg or SmallText()
    known = np.array([b[:4] for b, *_ in scored], np.float32).reshape(-1, 4)
    lines = small_text_lines(rgb, known, cfg, detector.min_height, detector.box_thresh)
    if not len(lines):
        return []
    return [item for item in detector._score(rgb, lines)
            if len(P.normalise_plate_text(item[1])) >= cfg.min_chars]
