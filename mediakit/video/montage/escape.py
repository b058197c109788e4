"""Escaping for ffmpeg filter graphs (option value, then graph level)."""

from __future__ import annotations

from pathlib import Path


def value(text: str | Path) -> str:
    """Escape ``text`` so it survives as one filter option value inside a filter graph."""
    s = str(text).replace("\\", "/") if isinstance(text, Path) else str(text)
    s = s.replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\:")
    out = []
    for ch in s:
        out.append("\\" + ch if ch in "\\'[],;" else ch)
    return "".join(out)


def colour(hex_value: str, alpha: float | None = None) -> str:
    """``#rrggbb`` as an ffmpeg colour (``0xrrggbb`` with optional ``@alpha``)."""
    c = "0x" + hex_value.lstrip("#").lower()
    return c if alpha is None else f"{c}@{alpha:g}"


def seconds(value_s: float) -> str:
    return f"{value_s:.6f}".rstrip("0").rstrip(".") or "0"
