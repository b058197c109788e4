"""Colour arithmetic: hex parsing and WCAG 2.x contrast ratios."""

from __future__ import annotations

import re

HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
RGB = tuple[int, int, int]

AA_NORMAL = 4.5  # WCAG 2.1 AA, body text
AA_LARGE = 3.0  # WCAG 2.1 AA, large text (≥ 18 pt, or ≥ 14 pt bold)


def is_hex(value: object) -> bool:
    return isinstance(value, str) and bool(HEX_RE.match(value))


def normalise_hex(value: str) -> str:
    return value.lower()


def hex_to_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(value: str) -> float:
    """WCAG relative luminance of an sRGB hex colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in hex_to_rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two hex colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_large_text(size_pt: float, bold: bool) -> bool:
    """Large text per WCAG: at least 18 pt, or 14 pt bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)
