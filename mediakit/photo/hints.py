"""Automatic culling hints: sharpness, exposure, motion blur, near-duplicate groups.

Computed on a small grey copy of the picture (fast: a few ms per photo once decoded).
The perceptual hash is a DCT hash (pHash) done with OpenCV's DCT, in a few lines, rather
than pulling a library (and SciPy) for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from mediakit.errors import MediaError

ANALYSIS_SIDE = 640
DUPLICATE_DISTANCE = 10  # of 64 bits


@dataclass
class Hints:
    """Per-photo hints; ``score`` ranks photos of a group (higher is better)."""

    sharpness: float  # variance of the Laplacian at ANALYSIS_SIDE
    clipped_highlights: float  # fraction of pixels ≥ 250
    clipped_shadows: float  # fraction of pixels ≤ 5
    mean_luma: float
    motion_blur: float  # 0 (isotropic) .. 1 (all gradients one way)
    phash: str
    score: float
    flags: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


def load_analysis_grey(path: str | Path) -> np.ndarray:
    """The displayed picture, reduced for analysis (JPEG draft mode decodes fast)."""
    img = open_image_draft(path, ANALYSIS_SIDE)
    img = ImageOps.exif_transpose(img)
    img.thumbnail((ANALYSIS_SIDE, ANALYSIS_SIDE), Image.Resampling.BILINEAR)
    return np.asarray(img.convert("L"))


def open_image_draft(path: str | Path, side: int) -> Image.Image:
    """Open, letting the JPEG decoder scale down by 1/2–1/8 when the target is small."""
    from mediakit.media.images import MAX_PIXELS, _register_heif

    _register_heif()
    try:
        img = Image.open(path)
        if img.size[0] * img.size[1] > MAX_PIXELS:
            raise MediaError(path, "image trop grande")
        if img.format == "JPEG":
            img.draft("RGB", (side, side))
        img.load()
    except MediaError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise MediaError(path, f"image illisible ({exc})") from exc
    return img


def compute_hints(grey: np.ndarray) -> Hints:
    lap = cv2.Laplacian(grey, cv2.CV_64F)
    sharpness = float(lap.var())
    highlights = float((grey >= 250).mean())
    shadows = float((grey <= 5).mean())
    mean = float(grey.mean())
    motion = _motion_anisotropy(grey)
    flags = []
    if sharpness < 60:
        flags.append("flou")
    if motion > 0.55 and sharpness < 150:
        flags.append("bougé")
    if highlights > 0.08 or mean > 200:
        flags.append("surexposée")
    if shadows > 0.25 or mean < 45:
        flags.append("sous-exposée")
    score = (np.log1p(sharpness) - 6.0 * highlights - 4.0 * shadows
             - 2.0 * max(0.0, motion - 0.5) - 0.01 * abs(mean - 118))
    return Hints(round(sharpness, 2), round(highlights, 4), round(shadows, 4), round(mean, 2),
                 round(motion, 3), phash(grey), round(float(score), 4), flags)


def photo_hints(path: str | Path) -> Hints:
    """Hints of an image file."""
    return compute_hints(load_analysis_grey(path))


def _motion_anisotropy(grey: np.ndarray) -> float:
    """How much the gradient energy favours one direction (motion blur smears one way)."""
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
    jxx, jyy, jxy = float((gx * gx).mean()), float((gy * gy).mean()), float((gx * gy).mean())
    trace = jxx + jyy
    if trace <= 1e-6:
        return 0.0
    disc = np.sqrt(max(0.0, (jxx - jyy) ** 2 + 4 * jxy * jxy))
    return float(disc / trace)


def phash(grey: np.ndarray) -> str:
    """64-bit DCT perceptual hash, as 16 hex digits."""
    small = cv2.resize(grey, (32, 32), interpolation=cv2.INTER_AREA).astype(np.float32)
    low = cv2.dct(small)[:8, :8]
    bits = (low > np.median(low[1:].ravel() if low.size > 1 else low)).ravel()
    return f"{int(''.join('1' if b else '0' for b in bits), 2):016x}"


def hamming(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def duplicate_groups(hashes: dict[str, str],
                     max_distance: int = DUPLICATE_DISTANCE) -> list[list[str]]:
    """Groups (of 2 or more keys) of near-identical pictures, by union-find on pHash."""
    keys = list(hashes)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if hamming(hashes[a], hashes[b]) <= max_distance:
                parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(find(k), []).append(k)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def best_of(group: Sequence[str], scores: dict[str, float]) -> str:
    return max(group, key=lambda k: scores[k])
