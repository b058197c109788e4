"""Screen-size previews (masked, adjusted), cached under the operation.

The first view decodes the JPEG in draft mode (the decoder scales down by up to 8); later
views read the cached file. The cache key covers everything that changes the picture.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from mediakit.atomic import atomic_path
from mediakit.library.project import Operation
from mediakit.photo.adjust import apply_adjustments
from mediakit.photo.hints import open_image_draft
from mediakit.privacy.masking import MaskStyle, apply_masks
from mediakit.privacy.review import accepted_regions

PREVIEW_SIDE = 1600


def preview_key(item: dict, side: int, masked: bool, style: MaskStyle) -> str:
    regions = accepted_regions(item.get("masks", [])) if masked else []
    payload = json.dumps([item["sha256"], regions, item.get("adjust"), side, masked,
                          style.style, style.shape], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


def cached_preview(op: Operation, sha: str, side: int = PREVIEW_SIDE, masked: bool = True,
                   style: MaskStyle | None = None) -> Path:
    """Where the preview is (or will be) cached; it may not exist yet."""
    key = preview_key(op.items[sha], side, masked, style or MaskStyle())
    return op.root / "cache" / "previews" / f"{key}.jpg"


def preview_path(op: Operation, sha: str, side: int = PREVIEW_SIDE, masked: bool = True,
                 style: MaskStyle | None = None) -> Path:
    """Path of the cached preview, rendering it on first use."""
    style = style or MaskStyle()
    item = op.items[sha]
    out = cached_preview(op, sha, side, masked, style)
    if out.exists():
        return out
    img = open_image_draft(op.original_path(sha), side)
    full_w = item["info"]["width"]
    img = ImageOps.exif_transpose(img).convert("RGB")
    scale = img.width / full_w if full_w else 1.0
    if max(img.size) > side:
        img.thumbnail((side, side), Image.Resampling.LANCZOS)
        scale = img.width / full_w
    rgb = np.array(img)
    if masked:
        boxes = [tuple(v * scale for v in r) for r in accepted_regions(item.get("masks", []))]
        apply_masks(rgb, boxes, style)
    rgb = apply_adjustments(rgb, item.get("adjust"))
    with atomic_path(out) as tmp:
        Image.fromarray(rgb).save(tmp, "JPEG", quality=85)
    return out
