"""Photos in infographics: anonymised unless already masked, cropped around their subject.

Cropping keeps the detected faces in frame; without faces it follows a simple saliency map
(gradient energy, with a mild pull towards the centre).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.errors import MediakitError, display_path

Box = tuple[float, float, float, float]  # x, y, w, h


@dataclass
class PreparedPhoto:
    """A photo ready to place: masked pixels, the face boxes and how it was made safe."""

    image: Image.Image
    faces: list[Box] = field(default_factory=list)
    status: str = "anonymisee"  # anonymisee | deja_masquee | diffusion_autorisee
    masked: int = 0
    note: str = ""


def _detector() -> Any:
    try:
        from mediakit.privacy.detector import Detector
    except ImportError as exc:
        raise MediakitError(
            "anonymisation impossible : le détecteur de visages n'est pas disponible — "
            "fournir une photo déjà anonymisée (champ « …_anonymisee »: true)") from exc
    return Detector()  # faces and plates: both identify


def plate_key(text: str | None) -> str:
    """A plate's characters only (``GZ-482-KT`` and ``gz 482 kt`` are the same plate)."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def anonymise(rgb: np.ndarray, detector: Any | None = None,
              keep_plates: tuple[str, ...] = ()) -> tuple[np.ndarray, list[Box], int]:
    """Mask every detected face and plate of ``rgb`` (copy), except the plates whose
    characters are in ``keep_plates`` (a vehicle whose release was authorised); returns
    pixels, face boxes (for the crop) and the number of masks applied."""
    from mediakit.privacy.masking import MaskStyle, apply_masks

    detector = detector or _detector()
    keep = {plate_key(t) for t in keep_plates} - {""}
    detections = [d for d in detector.detect(rgb)
                  if not (getattr(d, "label", "") == "plate" and plate_key(d.text) in keep)]
    boxes = [tuple(d.mask_box or d.box) for d in detections]
    out = rgb.copy()
    apply_masks(out, boxes, MaskStyle())
    faces = [tuple(map(float, d.box)) for d in detections
             if getattr(d, "label", "face") == "face"]
    return out, faces, len(boxes)


@cache
def _prepare_cached(path: str, mtime: float, mode: str, detector: Any | None,
                    keep_plates: tuple[str, ...] = ()) -> PreparedPhoto:
    from mediakit.media.images import load_oriented_rgb

    try:
        original, oriented = load_oriented_rgb(path)
    except (OSError, MediakitError) as exc:
        raise MediakitError(f"{display_path(path)} : photo illisible ({exc})") from exc
    original.close()
    if mode == "deja_masquee":
        return PreparedPhoto(oriented, [], mode)
    # an authorised release covers its subject only: bystanders' faces and plates are masked
    pixels, faces, n = anonymise(np.asarray(oriented), detector, keep_plates)
    return PreparedPhoto(Image.fromarray(pixels), faces, mode, n)


def prepare_photo(path: str | Path, mode: str = "anonymisee",
                  detector: Any | None = None,
                  keep_plates: tuple[str, ...] = ()) -> PreparedPhoto:
    """Load a photo and anonymise it, unless ``mode`` says it is already masked; under an
    authorised release (``diffusion_autorisee``) only ``keep_plates`` stay readable."""
    path = Path(path)
    if not path.is_file():
        raise MediakitError(f"{display_path(path)} : photo introuvable")
    return _prepare_cached(str(path), path.stat().st_mtime, mode, detector, tuple(keep_plates))


def saliency(img: Image.Image, size: int = 96) -> np.ndarray:
    """Gradient-energy map of a reduced grey copy (rows × cols), centre-weighted."""
    small = img.convert("L")
    small.thumbnail((size, size))
    a = np.asarray(small, dtype=np.float32)
    gy, gx = np.gradient(a)
    energy = np.hypot(gx, gy)
    h, w = energy.shape
    yy, xx = np.mgrid[0:h, 0:w]
    prior = 1.0 - 0.5 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2
    return energy * prior


def _window(length: int, span: int, weights: np.ndarray, want: tuple[float, float] | None) -> int:
    """Start of a ``span`` window over ``length`` that holds ``want`` or the most weight."""
    if span >= length:
        return 0
    if want is not None:
        lo, hi = want
        centre = (lo + hi) / 2
        start = centre - span / 2 if hi - lo > span else min(max(centre - span / 2, hi - span), lo)
        return int(round(min(max(start, 0), length - span)))
    scale = len(weights) / length
    k = max(1, int(round(span * scale)))
    sums = np.convolve(weights, np.ones(k), mode="valid")
    best = int(np.argmax(sums)) if len(sums) else 0
    return int(round(min(best / scale, length - span)))


def cover_crop(img: Image.Image, width: int, height: int,
               faces: list[Box] | None = None) -> tuple[Image.Image, Box]:
    """Scale ``img`` to cover ``width × height`` and crop around faces or salient content.

    Returns the picture and the crop rectangle in source pixels."""
    sw, sh = img.size
    target = width / height
    if sw / sh > target:
        cw, ch = sh * target, float(sh)
    else:
        cw, ch = float(sw), sw / target
    energy = saliency(img) if not faces else None
    if sw / sh > target:  # free axis: x
        want = None
        if faces:
            want = (min(f[0] for f in faces) - 0.2 * min(f[2] for f in faces),
                    max(f[0] + f[2] for f in faces) + 0.2 * min(f[2] for f in faces))
        x0, y0 = _window(sw, int(cw), energy.sum(axis=0) if energy is not None else
                         np.ones(1), want), 0
    else:  # free axis: y (keep heads, and some room above them)
        want = None
        if faces:
            want = (min(f[1] for f in faces) - 0.6 * min(f[3] for f in faces),
                    max(f[1] + f[3] for f in faces) + 0.3 * min(f[3] for f in faces))
        x0, y0 = 0, _window(sh, int(ch), energy.sum(axis=1) if energy is not None else
                            np.ones(1), want)
    box = (float(x0), float(y0), cw, ch)
    out = img.resize((width, height), Image.Resampling.LANCZOS,
                     box=(x0, y0, x0 + cw, y0 + ch), reducing_gap=2.0)
    return out, box
