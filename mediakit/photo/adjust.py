"""Non-destructive adjustments, stored as data on the item and applied at preview/export.

Geometry (quarter turns, straightening, crop) is one affine warp; masks are applied to the
picture *before* it, so they stay on the right pixels whatever the crop and rotation, and
face boxes are carried through the same matrix (for reframing and display).
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np

from mediakit.privacy.regions import BoxTuple

DEFAULTS: dict[str, Any] = {"rotate": 0, "straighten": 0.0, "crop": None, "exposure": 0.0,
                            "contrast": 0.0, "highlights": 0.0, "shadows": 0.0,
                            "temperature": 0.0, "tint": 0.0, "saturation": 0.0, "sharpen": 0.0}
RANGES = {"exposure": (-3.0, 3.0), "straighten": (-45.0, 45.0)} | {
    k: (-1.0, 1.0) for k in ("contrast", "highlights", "shadows", "temperature", "tint",
                             "saturation")} | {"sharpen": (0.0, 1.0)}


def normalise(adjust: dict[str, Any] | None) -> dict[str, Any]:
    """Defaults filled in, values checked (ValueError with a French message)."""
    out = dict(DEFAULTS)
    for key, value in (adjust or {}).items():
        if key not in DEFAULTS:
            raise ValueError(f"réglage inconnu : {key}")
        out[key] = value
    if out["rotate"] % 90:
        raise ValueError("rotation : par quarts de tour (0, 90, 180, 270)")
    out["rotate"] = int(out["rotate"]) % 360
    for key, (lo, hi) in RANGES.items():
        if not lo <= float(out[key]) <= hi:
            raise ValueError(f"{key} : {out[key]} hors limites ({lo} à {hi})")
    if out["crop"] is not None:
        x, y, w, h = (float(v) for v in out["crop"])
        if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > 1.0001 or y + h > 1.0001:
            raise ValueError("recadrage : x,y,l,h en fractions de l'image (0 à 1)")
    return out


def geometry(adjust: dict[str, Any], width: int, height: int) -> tuple[np.ndarray, int, int]:
    """3×3 matrix from displayed-picture pixels to output pixels, and the output size."""
    a = normalise(adjust)
    m = np.eye(3)
    w, h = width, height
    for _ in range(a["rotate"] // 90):  # clockwise quarter turns
        m = np.array([[0, -1, h - 1], [1, 0, 0], [0, 0, 1]], float) @ m
        w, h = h, w
    theta = math.radians(float(a["straighten"]))
    if theta:
        c, s = abs(math.cos(theta)), abs(math.sin(theta))
        scale = max((w * c + h * s) / w, (w * s + h * c) / h)  # fill: no empty corners
        cx, cy = (w - 1) / 2, (h - 1) / 2
        rot = cv2.getRotationMatrix2D((cx, cy), -math.degrees(theta), scale)
        m = np.vstack([rot, [0, 0, 1]]) @ m
    if a["crop"] is not None:
        x, y, cw, ch = a["crop"]
        x0, y0 = int(round(x * w)), int(round(y * h))
        w, h = max(1, int(round(cw * w))), max(1, int(round(ch * h)))
        m = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], float) @ m
    return m, w, h


def apply_geometry(rgb: np.ndarray, adjust: dict[str, Any]) -> np.ndarray:
    m, w, h = geometry(adjust, rgb.shape[1], rgb.shape[0])
    if np.allclose(m, np.eye(3)) and (w, h) == (rgb.shape[1], rgb.shape[0]):
        return rgb
    exact = np.allclose(m[:2, :2], np.round(m[:2, :2]))
    flags = cv2.INTER_NEAREST if exact else cv2.INTER_CUBIC
    return cv2.warpAffine(rgb, m[:2], (w, h), flags=flags, borderMode=cv2.BORDER_REFLECT)


def transform_boxes(boxes: list[BoxTuple], adjust: dict[str, Any], width: int,
                    height: int) -> list[BoxTuple]:
    """Boxes of the displayed picture carried into the adjusted picture (clipped, kept if
    still visible)."""
    m, w, h = geometry(adjust, width, height)
    out = []
    for x, y, bw, bh in boxes:
        pts = np.array([[x, y, 1], [x + bw, y, 1], [x, y + bh, 1], [x + bw, y + bh, 1]]).T
        tx, ty = (m @ pts)[:2]
        x0, y0 = max(0.0, tx.min()), max(0.0, ty.min())
        x1, y1 = min(float(w), tx.max()), min(float(h), ty.max())
        if x1 > x0 and y1 > y0:
            out.append((x0, y0, x1 - x0, y1 - y0))
    return out


def apply_tone(rgb: np.ndarray, adjust: dict[str, Any]) -> np.ndarray:
    """Exposure, white balance, shadows/highlights, contrast, saturation, sharpening."""
    a = normalise(adjust)
    if all(float(a[k]) == 0 for k in RANGES if k != "straighten"):
        return rgb
    img = rgb.astype(np.float32) / 255.0
    img *= 2.0 ** float(a["exposure"])
    t, tint = float(a["temperature"]), float(a["tint"])
    img *= np.array([1 + 0.12 * t, 1 - 0.08 * tint, 1 - 0.12 * t], np.float32)
    luma = img @ np.array([0.299, 0.587, 0.114], np.float32)
    lum = np.clip(luma, 0, 1)[..., None]
    img += 0.35 * float(a["shadows"]) * (1 - lum) ** 3
    img += 0.35 * float(a["highlights"]) * lum ** 3
    img = (img - 0.5) * (1 + float(a["contrast"])) + 0.5
    grey = (img @ np.array([0.299, 0.587, 0.114], np.float32))[..., None]
    img = grey + (img - grey) * (1 + float(a["saturation"]))
    out = np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)
    if float(a["sharpen"]) > 0:
        blur = cv2.GaussianBlur(out, (0, 0), 1.2)
        out = cv2.addWeighted(out, 1 + float(a["sharpen"]), blur, -float(a["sharpen"]), 0)
    return out


def apply_adjustments(rgb: np.ndarray, adjust: dict[str, Any] | None) -> np.ndarray:
    """Geometry then tone; ``rgb`` is the displayed picture, already masked."""
    if not adjust:
        return rgb
    return apply_tone(apply_geometry(rgb, adjust), adjust)


def auto_enhance(rgb: np.ndarray) -> dict[str, Any]:
    """A starting point: exposure to a mid-grey mean, grey-world white balance, contrast
    from the tonal spread, a little saturation."""
    small = cv2.resize(rgb, (256, max(1, int(256 * rgb.shape[0] / rgb.shape[1]))),
                       interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    luma = small @ np.array([0.299, 0.587, 0.114], np.float32)
    mean = float(np.clip(luma.mean(), 1e-3, 1))
    exposure = float(np.clip(math.log2(0.46 / mean), -1.5, 1.5))
    r, g, b = (float(small[..., i].mean()) + 1e-6 for i in range(3))
    temperature = float(np.clip((b - r) / (r + b) * 4, -0.6, 0.6))
    tint = float(np.clip((g - (r + b) / 2) / g * 4, -0.5, 0.5))
    p2, p98 = np.percentile(luma, [2, 98])
    contrast = float(np.clip(0.75 / max(p98 - p2, 0.05) - 1, -0.3, 0.4))
    return {"exposure": round(exposure, 2), "temperature": round(temperature, 2),
            "tint": round(tint, 2), "contrast": round(contrast, 2), "saturation": 0.1}
