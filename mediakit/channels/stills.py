"""Still export for a channel: reframe, resize, sharpen, encode under the size cap, scrub."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from mediakit.atomic import write_bytes_atomic
from mediakit.channels.reframe import (
    Person,
    StillFrame,
    frame_still,
    letterbox,
    salient_focus,
)
from mediakit.metadata.scrub import encode_clean
from mediakit.privacy.regions import BoxTuple

EXT = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}
MIN_QUALITY = 60
SHARPEN_AMOUNT = 0.4
# light unsharp masking after a downscale: (1 + a)·I − a·G, with G the 3×3 binomial blur
# (about a Gaussian of radius 0.8); one 3×3 convolution costs half of UnsharpMask
_G = (1, 2, 1, 2, 4, 2, 1, 2, 1)
SHARPEN = ImageFilter.Kernel(
    (3, 3), [(1 + SHARPEN_AMOUNT if i == 4 else 0) - SHARPEN_AMOUNT * g / 16
             for i, g in enumerate(_G)], scale=1)


def still_frame(rgb: np.ndarray, still: dict[str, Any], *, subjects: Sequence[BoxTuple] = (),
                people: Sequence[Person] = (),
                focus: tuple[float, float] | None = None) -> StillFrame | None:
    """How the picture is framed for the preset (None: full picture, no crop)."""
    h, w = rgb.shape[:2]
    tw, th = still.get("width"), still.get("height")
    if not tw or not th:
        return None
    if not people and subjects:
        people = [(f"s{i + 1}", b) for i, b in enumerate(subjects)]
    if not people and focus is None:
        focus = salient_focus(rgb)
    return frame_still(w, h, tw / th, people, focus)


def render_still(rgb: np.ndarray, still: dict[str, Any], *, subjects: Sequence[BoxTuple] = (),
                 fit: str = "crop", focus: tuple[float, float] | None = None,
                 pil: Image.Image | None = None, people: Sequence[Person] = (),
                 frame: StillFrame | None = None) -> Image.Image:
    """The picture at the preset's size: framed on the people (every one kept when the
    format allows, see :func:`frame_still`), or letterboxed."""
    tw, th = still.get("width"), still.get("height")
    if not tw or not th:  # full resolution (press)
        return Image.fromarray(rgb)
    if fit == "letterbox":
        return Image.fromarray(letterbox(rgb, tw, th))
    frame = frame or still_frame(rgb, still, subjects=subjects, people=people, focus=focus)
    assert frame is not None
    x, y, cw, ch = frame.crop
    if frame.fit:
        return Image.fromarray(letterbox(np.ascontiguousarray(rgb[y:y + ch, x:x + cw]), tw, th))
    source = pil if pil is not None else Image.fromarray(rgb)
    if (cw, ch) == (tw, th):
        return source.crop((x, y, x + cw, y + ch))
    # crop and resize in one resampling pass, straight from the full picture
    img = source.resize((tw, th), Image.Resampling.LANCZOS, box=(x, y, x + cw, y + ch),
                        reducing_gap=3.0)
    if cw > tw:
        img = img.filter(SHARPEN)
    return img


def export_still(rgb: np.ndarray, still: dict[str, Any], out: Path, *,
                 subjects: Sequence[BoxTuple] = (), fit: str = "crop",
                 focus: tuple[float, float] | None = None, pil: Image.Image | None = None,
                 icc_profile: bytes | None = None, credit: str | None = None,
                 copyright_: str | None = None,
                 people: Sequence[Person] = ()) -> dict[str, Any]:
    """Write the channel version of a (masked) picture; returns its facts and checks
    (``left_out``: the people, by mask id, that the crop could not keep).

    The quality is lowered step by step until the file fits the preset's size cap.
    """
    frame = still_frame(rgb, still, subjects=subjects, people=people, focus=focus) \
        if fit == "crop" else None
    img = render_still(rgb, still, fit=fit, pil=pil, frame=frame)
    fmt = still.get("format", "jpeg").lower()
    quality = int(still.get("quality", 90))
    cap = still.get("max_bytes")
    while True:
        data = encode_clean(img, fmt.upper(), icc_profile=icc_profile, credit=credit,
                            copyright_=copyright_, quality=quality)
        if not cap or len(data) <= cap or fmt == "png" or quality <= MIN_QUALITY:
            break
        quality -= 5
    write_bytes_atomic(out, data, durable=False)  # the batch verifies hashes on resume
    facts: dict[str, Any] = {}
    if frame is not None and (people or subjects):
        facts = {"framing": "fit" if frame.fit else "crop", "people": len(frame.kept)
                 + len(frame.left_out), "left_out": frame.left_out}
    return {"output": str(out), "width": img.width, "height": img.height, "bytes": len(data),
            "quality": quality, "format": fmt, **facts,
            "checks": {"size_cap": (not cap) or len(data) <= cap,
                       "dimensions": (not still.get("width")) or
                       (img.width, img.height) == (still["width"], still["height"])}}
