"""Text that fits its box: wrap, then shrink down to the charte's minimum, else a clear error.

Text is never allowed to overflow or be clipped: when even the minimum size does not fit,
:class:`TextFitError` names the field and says roughly how much to cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import ImageFont

from mediakit.errors import MediakitError

SHRINK_STEP = 0.94
# spaces that must not become a missing-glyph box: tried in order when a font lacks one
_SPACE_FALLBACKS = {"\u202f": ("\u2009", "\u00a0"), "\u2009": ("\u00a0",)}


class TextFitError(MediakitError):
    """A field's text does not fit its box even at the minimum size."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@cache
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(1, int(size)))


@cache
def _has_glyph(path: str, char: str) -> bool:
    font = load_font(path, 48)
    missing = np.asarray(font.getmask("\U000f0000"))
    mask = np.asarray(font.getmask(char))
    if char.isspace():
        return font.getlength(char) != font.getlength("\U000f0000") or mask.size != missing.size
    return not (mask.shape == missing.shape and bool((mask == missing).all()))


def printable(text: str, font_path: str) -> str:
    """Replace special spaces the font lacks by the nearest one it has (never a box)."""
    for char, fallbacks in _SPACE_FALLBACKS.items():
        if char in text and not _has_glyph(font_path, char):
            replacement = next((f for f in fallbacks if _has_glyph(font_path, f)), "\u00a0")
            text = text.replace(char, replacement)
    return text


@dataclass
class FittedText:
    lines: list[str]
    size: int
    font_path: str
    line_height: float
    width: float
    height: float
    shrunk: bool

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return load_font(self.font_path, self.size)


# a break is allowed after a hyphen that follows a letter (« Saint-|Jean »), not after a
# non-breaking hyphen (U+2011) nor inside a number range typed with a hyphen (« 2025-2026 »)
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)(?=\w)")


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, *, hyphens: bool = False,
         balance: bool = False) -> list[str] | None:
    """Greedy wrap at ordinary spaces (no-break spaces hold); None if a word is too wide.

    ``hyphens``: a word too wide for a line is broken after its hyphens (compound names:
    « Saint-Jean-de-|Maurienne »). ``balance``: a single word left alone on a paragraph's
    last line takes the previous line's last word with it when both lines still fit and
    the previous line keeps two words or more (titles)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        rows: list[list[tuple[str, str]]] = [[]]  # tokens (separator before, text)
        for word in paragraph.split(" "):
            if not word:
                continue
            pieces = _HYPHEN_BREAK.split(word) if hyphens and font.getlength(word) > width \
                else [word]
            for k, piece in enumerate(pieces):
                sep = " " if k == 0 else ""
                row = rows[-1]
                if not row or font.getlength(_join(row) + sep + piece) <= width:
                    if not row and font.getlength(piece) > width:
                        return None
                    row.append((sep, piece))
                    continue
                if font.getlength(piece) > width:
                    return None
                rows.append([(sep, piece)])
        if balance:
            _rebalance(rows, font, width)
        lines.extend(_join(row) for row in rows)
    return lines if any(lines) else []


def _join(row: list[tuple[str, str]]) -> str:
    return "".join((sep if i else "") + piece for i, (sep, piece) in enumerate(row))


def _words(row: list[tuple[str, str]]) -> int:
    return sum(1 for i, (sep, _) in enumerate(row) if i == 0 or sep == " ")


def _rebalance(rows: list[list[tuple[str, str]]], font: ImageFont.FreeTypeFont,
               width: float) -> None:
    """No word alone on the last line when a better break exists (see :func:`wrap`)."""
    if len(rows) < 2 or len(rows[-1]) != 1:
        return
    prev, last = rows[-2], rows[-1]
    if last[0][0] == "":  # the end of a compound name: its previous piece comes down
        k, keep = len(prev) - 1, 1
    else:  # the previous line's last word comes down (with its pieces, if it was broken)
        k, keep = len(prev) - 1, 2
        while k > 0 and prev[k][0] == "":
            k -= 1
    moved = prev[k:]
    if len(prev[:k]) >= keep and _words(prev[:k]) >= min(keep, 2) \
            and font.getlength(_join(moved + last)) <= width:
        rows[-2], rows[-1] = prev[:k], moved + last


def block_height(font: ImageFont.FreeTypeFont, n_lines: int, line_height: float) -> float:
    ascent, descent = font.getmetrics()
    return 0.0 if n_lines == 0 else (n_lines - 1) * line_height + ascent + descent


def _try(text: str, path: str, size: int, box: tuple[float, float], leading: float,
         max_lines: int | None, hyphens: bool = False, balance: bool = False
         ) -> FittedText | None:
    font = load_font(path, size)
    lines = wrap(text, font, box[0], hyphens=hyphens, balance=balance)
    if lines is None or (max_lines and len(lines) > max_lines):
        return None
    lh = size * leading
    height = block_height(font, len(lines), lh)
    if height > box[1]:
        return None
    width = max((font.getlength(line) for line in lines), default=0.0)
    return FittedText(lines, size, path, lh, width, height, False)


# a compound name is broken at its hyphens rather than shrinking the text below this share
# of the size it fits at when broken
HYPHEN_SHRINK = 0.8


def fit_text(text: str, font_path: str | Path, box: tuple[float, float], size: float,
             min_size: float, *, leading: float = 1.2, max_lines: int | None = None,
             field: str = "texte", balance: bool = False) -> FittedText:
    """Largest size from ``size`` down to ``min_size`` (pixels) at which ``text`` fits ``box``.

    A hyphenated word too long for a line is broken at its hyphens when that is the only
    way to fit, or when it keeps the text at least 1/0.8 larger than whole words would.
    ``balance`` (titles): no word alone on the last line when a better break exists."""
    path = str(font_path)
    text = printable(text, path)
    start, floor = max(1, round(size)), max(1, round(min_size))
    whole = _search(text, path, start, floor, box, leading, max_lines, False, balance)
    if "-" in text and (whole is None or whole.size < start):
        broken = _search(text, path, start, floor, box, leading, max_lines, True, balance)
        if broken and (whole is None or whole.size < HYPHEN_SHRINK * broken.size):
            whole = broken
    if whole:
        return whole
    raise TextFitError(field, _explain(text, path, floor, box, leading, max_lines, field))


def _search(text: str, path: str, start: int, floor: int, box: tuple[float, float],
            leading: float, max_lines: int | None, hyphens: bool,
            balance: bool) -> FittedText | None:
    current = start
    while current > floor:
        fitted = _try(text, path, current, box, leading, max_lines, hyphens, balance)
        if fitted:
            fitted.shrunk = current < start
            return fitted
        current = min(current - 1, int(current * SHRINK_STEP))
    fitted = _try(text, path, floor, box, leading, max_lines, hyphens, balance)
    if fitted:
        fitted.shrunk = floor < start
    return fitted


def _explain(text: str, path: str, size: int, box: tuple[float, float], leading: float,
             max_lines: int | None, field: str) -> str:
    font = load_font(path, size)
    too_wide = [w for w in text.split()
                if max(font.getlength(p) for p in _HYPHEN_BREAK.split(w)) > box[0]]
    if too_wide:
        return (f"champ « {field} » : le mot « {too_wide[0]} » est trop long pour son cadre, "
                f"même à la taille minimale ({size} px)")
    lh = size * leading
    fits = max(1, int((box[1] - (font.getmetrics()[0] + font.getmetrics()[1])) // lh) + 1)
    if max_lines:
        fits = min(fits, max_lines)
    needed = len(wrap(text, font, box[0], hyphens=True) or [])
    if needed <= fits:
        return (f"champ « {field} » : cadre trop petit ({box[0]:.0f} × {box[1]:.0f} px) pour "
                f"ce texte, même à la taille minimale ({size} px) — agrandir le bloc du modèle")
    keep = max(1, int(len(text) * fits / max(needed, 1)))
    return (f"champ « {field} » : texte trop long pour son cadre, même à la taille minimale "
            f"({size} px) — {needed} lignes pour {fits} possibles ; raccourcir à environ "
            f"{keep} caractères (actuellement {len(text)})")
