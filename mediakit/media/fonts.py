"""Fonts for sheets and reports: the charte's open sans (Arimo), else Pillow's own."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parents[2] / "charte" / "fonts" / "arimo"


@functools.cache
def sans(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Arimo (metric-compatible with Arial, full French glyphs) at ``size`` px."""
    path = FONT_DIR / ("Arimo-Bold.ttf" if bold else "Arimo-Regular.ttf")
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def wrap_text(draw: ImageDraw.ImageDraw, text: str, font: object, width: int,
              max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; an overlong last line ends with « … »."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip() + " …"
    return lines
