"""Typographic placeholder for the bloc-marque (never the official logo).

Drawn from the charte's ``bloc_marque.placeholder`` text: « RÉPUBLIQUE / FRANÇAISE » in
bold capitals, the devise « Liberté / Égalité / Fraternité », a thin rule and the
intitulé. The official bloc-marque (with the Marianne) is restricted to State entities:
a user who is entitled to it puts its PNG in the folder named by ``user_assets_dir``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from mediakit.infographic.colours import hex_to_rgb
from mediakit.infographic.textfit import load_font

BUNDLED_FONTS = Path(__file__).resolve().parents[2] / "charte" / "fonts"


def draw_placeholder(spec: dict[str, Any], height: int = 480, colour: str = "#161616",
                     rule_colour: str = "#666666") -> Image.Image:
    """An RGBA bloc-marque placeholder ``height`` pixels tall (width follows the text)."""
    bold = str(BUNDLED_FONTS / "arimo" / "Arimo-Bold.ttf")
    italic = str(BUNDLED_FONTS / "spectral" / "Spectral-Italic.woff")
    head = spec.get("lines", ["RÉPUBLIQUE", "FRANÇAISE"])
    devise = spec.get("devise", ["Liberté", "Égalité", "Fraternité"])
    intitule = spec.get("intitule", [])
    s = height / 6.15  # capital lines size; the devise is smaller
    fh, fd, fi = load_font(bold, round(s)), load_font(italic, round(s * 0.78)), \
        load_font(bold, round(s * 0.8))
    pad = round(s * 0.2)
    left_w = max(max(fh.getlength(t) for t in head), max(fd.getlength(t) for t in devise))
    gap = s * 0.9
    right_w = max((fi.getlength(t) for t in intitule), default=0)
    width = round(pad * 2 + left_w + (gap * 2 + right_w if intitule else 0))
    im = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    ink = (*hex_to_rgb(colour), 255)
    y = pad + s * 0.05
    for line in head:
        d.text((pad, y), line, font=fh, fill=ink, anchor="la")
        y += s * 1.02
    y += s * 0.55
    for line in devise:
        d.text((pad, y), line, font=fd, fill=ink, anchor="la")
        y += s * 0.98
    if intitule:
        rx = pad + left_w + gap
        d.rectangle([rx, pad + s * 0.2, rx + max(2, s * 0.05), height - pad - s * 0.2],
                    fill=(*hex_to_rgb(rule_colour), 255))
        block = len(intitule) * s * 0.98
        iy = (height - block) / 2
        for line in intitule:
            d.text((rx + gap, iy), line, font=fi, fill=ink, anchor="la")
            iy += s * 0.98
    return im
