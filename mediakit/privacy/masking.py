"""Drawing masks over regions: mosaic (default), solid fill or blur; rectangle or ellipse.

Works in place on an RGB uint8 numpy array, so the same code masks photos and video frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import cv2
import numpy as np

from mediakit.privacy.regions import BoxTuple, clip_box

STYLES = ("mosaic", "solid", "blur")
SHAPES = ("rect", "ellipse")
STYLE_NOTES = {
    "mosaic": "mosaïque grossière (irréversible)",
    "solid": "aplat opaque (irréversible)",
    "blur": "flou fort (plus faible : un flou peut être partiellement inversé)",
}


@dataclass(frozen=True)
class MaskStyle:
    """How regions are masked. ``cells`` is the number of mosaic blocks across a region."""

    style: str = "mosaic"
    shape: str = "rect"
    feather: float = 0.0  # soft edge, as a fraction of the region's smaller side
    cells: int = 6
    color: tuple[int, int, int] = (22, 22, 22)

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style de masque inconnu : {self.style} (choix : {', '.join(STYLES)})")
        if self.shape not in SHAPES:
            raise ValueError(f"forme de masque inconnue : {self.shape} (choix : {', '.join(SHAPES)})")


def apply_masks(frame: np.ndarray, boxes: Iterable[BoxTuple], style: MaskStyle) -> np.ndarray:
    """Mask every box of ``frame`` (H×W×3 uint8, modified in place and returned).

    The box itself is always fully covered; feathering only softens the edge outward.
    """
    height, width = frame.shape[:2]
    for box in boxes:
        pad = _feather_radius(box, style)
        x, y, w, h = clip_box((box[0] - pad, box[1] - pad, box[2] + 2 * pad, box[3] + 2 * pad),
                              width, height)
        x0, y0 = int(np.floor(x)), int(np.floor(y))
        x1, y1 = int(np.ceil(x + w)), int(np.ceil(y + h))
        if x1 - x0 < 1 or y1 - y0 < 1:
            continue
        roi = frame[y0:y1, x0:x1]
        covered = _covering(roi, style)
        alpha = _shape_alpha(box, (x0, y0, x1, y1), style, pad)
        if alpha is None:
            roi[...] = covered
        else:
            a = alpha[..., None]
            roi[...] = (covered * a + roi * (1.0 - a) + 0.5).astype(np.uint8)
    return frame


def _feather_radius(box: BoxTuple, style: MaskStyle) -> int:
    if style.feather <= 0:
        return 0
    return max(1, int(round(style.feather * min(box[2], box[3]))))


def _covering(roi: np.ndarray, style: MaskStyle) -> np.ndarray:
    h, w = roi.shape[:2]
    if style.style == "solid":
        return np.broadcast_to(np.array(style.color, dtype=np.uint8), roi.shape).copy()
    if style.style == "blur":
        k = max(3, (max(h, w) // 2) | 1)
        blurred = cv2.GaussianBlur(roi, (k, k), 0)
        return cv2.GaussianBlur(blurred, (k, k), 0)
    cell = max(2, int(np.ceil(max(h, w) / max(2, style.cells))))
    small = cv2.resize(roi, (max(1, w // cell), max(1, h // cell)), interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)


def _shape_alpha(box: BoxTuple, rect: tuple[int, int, int, int], style: MaskStyle,
                 pad: int) -> np.ndarray | None:
    """Per-pixel coverage (0..1) of the ROI, or None for a hard full rectangle."""
    x0, y0, x1, y1 = rect
    if style.shape == "rect" and pad == 0:
        return None
    alpha = np.zeros((y1 - y0, x1 - x0), dtype=np.float32)
    bx, by, bw, bh = box
    if style.shape == "ellipse":
        center = (bx + bw / 2 - x0, by + bh / 2 - y0)
        cv2.ellipse(alpha, (center, (bw, bh), 0.0), 1.0, thickness=-1, lineType=cv2.LINE_AA)
    else:
        ix0, iy0 = max(0, int(np.floor(bx - x0))), max(0, int(np.floor(by - y0)))
        alpha[iy0:int(np.ceil(by + bh - y0)), ix0:int(np.ceil(bx + bw - x0))] = 1.0
    if pad > 0:
        k = 2 * pad + 1
        soft = cv2.GaussianBlur(cv2.dilate(alpha, np.ones((k, k), np.uint8)), (k, k), 0)
        alpha = np.maximum(alpha, soft)
    return alpha
