"""Fonts for sheets and reports: the charte's open sans (Arimo), else Pillow's own."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path(__file__).resolve().parents[2] / "charte" / "fonts" / "arimo"


@functools.cache
def sans(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Arimo (metric-compatible with Arial, full French glyphs) at ``size`` px."""
    path = FONT_DIR / ("Arimo-Bold.ttf" if bold else "Arimo-Regular.ttf")
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)
