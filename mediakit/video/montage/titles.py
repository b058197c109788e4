"""Titles and lower-thirds drawn in the charte: its font files, colours and safe margins.

The charte comes from :mod:`mediakit.infographic.charte` (``charte/<name>/charte.json``);
when it cannot be loaded the DSFR values are used (bleu France #000091, rouge Marianne
#E1000F, white, grey #161616) with Arimo from ``charte/fonts/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import ImageFont

from mediakit.video.montage import escape

FONTS_DIR = Path(__file__).resolve().parents[3] / "charte" / "fonts"
DSFR = {"primary": "#000091", "accent": "#e1000f", "on_primary": "#ffffff", "text": "#161616",
        "background": "#ffffff"}
DSFR_MARGIN = 5.5  # % of the short side
SUBTITLE_SIZE = 0.055  # subtitle text height, fraction of the short side


@dataclass(frozen=True)
class VideoStyle:
    """What the montage needs from the charte."""

    name: str
    colours: dict[str, str]
    font_bold: Path
    font_regular: Path
    margin_pct: float = DSFR_MARGIN
    logo: Path | None = None

    def colour(self, ref: str) -> str:
        """A role (primary, accent…), a palette name, or ``#rrggbb``."""
        if ref.startswith("#"):
            return ref.lower()
        if ref in self.colours:
            return self.colours[ref]
        aliases = {"white": "#ffffff", "black": "#000000", "blanc": "#ffffff", "noir": "#000000"}
        if ref in aliases:
            return aliases[ref]
        from mediakit.video.montage.timeline import MontageError

        raise MontageError(f"couleur « {ref} » inconnue de la charte « {self.name} »")

    def margin(self, width: int, height: int) -> int:
        """Safe margin in pixels (charte unit: % of the short side)."""
        return int(round(self.margin_pct / 100 * min(width, height)))

    def family(self, bold: bool = False) -> str:
        """Font family name as libass sees it."""
        return _family(str(self.font_bold if bold else self.font_regular))


@cache
def _family(path: str) -> str:
    return ImageFont.truetype(path, 12).getname()[0] or "Arimo"


@cache
def video_style(charte: str = "etat") -> VideoStyle:
    """The charte's colours, title fonts and margin; DSFR fallbacks when unavailable."""
    try:
        from mediakit.infographic.charte import load_charte

        ch = load_charte(charte)
        colours = dict(DSFR)
        for name in ch.palette:
            colours[name] = ch.colour(name)
        for role in ch.data.get("roles", {}):
            colours[role] = ch.colour(role)
        title = ch.font_role("title")
        body = ch.font_role("body")
        bold = ch.font_file(title.typeface, title.weight)[0]
        regular = ch.font_file(body.typeface, body.weight)[0]
        if bold.suffix.lower() not in (".ttf", ".otf") or regular.suffix.lower() not in (
                ".ttf", ".otf"):
            raise ValueError("police non TrueType/OpenType")
        logo = None
        try:
            official = ch.logo.get("official_file")
            user = ch.user_assets_dir() / official if official else None
            logo = user if user and user.is_file() else ch.find_file(ch.logo["placeholder_file"])
        except (KeyError, OSError):
            logo = None
        return VideoStyle(ch.name, colours, bold, regular, ch.margin, logo)
    except Exception:  # noqa: BLE001 - any charte problem falls back to the DSFR values
        bold = FONTS_DIR / "arimo" / "Arimo-Bold.ttf"
        regular = FONTS_DIR / "arimo" / "Arimo-Regular.ttf"
        if not bold.is_file():
            bold = regular = _system_font()
        return VideoStyle("dsfr", dict(DSFR), bold, regular, DSFR_MARGIN, None)


def _system_font() -> Path:
    for cand in (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
                 Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")):
        if cand.is_file():
            return cand
    from mediakit.video.montage.timeline import MontageError

    raise MontageError(f"{FONTS_DIR}: aucune police disponible pour les titres")


def text_width(font: Path, size: int, text: str) -> int:
    """Rendered width in pixels of the widest line of ``text``."""
    f = ImageFont.truetype(str(font), size)
    return int(max((f.getlength(line) for line in text.split("\n")), default=0) + 0.5)


def _enable(start: float, end: float) -> str:
    return f"enable='gte(t,{escape.seconds(start)})*lt(t,{escape.seconds(end)})'"


def _drawtext(font: Path, textfile: Path, size: int, colour: str, x: str, y: str,
              start: float, end: float, extra: str = "") -> str:
    return (f"drawtext=fontfile={escape.value(font)}:textfile={escape.value(textfile)}:"
            f"expansion=none:fontsize={size}:fontcolor={escape.colour(colour)}:"
            f"x={x}:y={y}{extra}:{_enable(start, end)}")


def title_filters(title: dict[str, Any], style: VideoStyle, width: int, height: int,
                  workdir: Path, index: int) -> list[str]:
    """drawtext/drawbox filters for one title (``type`` title or lower_third)."""
    start, end = float(title["start"]), float(title["end"])
    margin = style.margin(width, height)
    short = min(width, height)
    if title.get("type", "title") == "lower_third":
        return _lower_third(title, style, width, height, workdir, index, margin, short)
    size = int(round(short * float(title.get("size", 0.075))))
    text = str(title["text"])
    tfile = workdir / f"title{index}.txt"
    tfile.write_text(text, encoding="utf-8")
    fg = style.colour(title.get("color", "on_primary"))
    bg = title.get("background", "primary")
    pad = int(size * 0.45)
    box = (f":box=1:boxcolor={escape.colour(style.colour(bg))}:boxborderw={pad}"
           if bg else "")
    pos = title.get("position", "center")
    y = {"top": f"{margin + pad}", "bottom": f"h-text_h-{margin + pad}"}.get(pos, "(h-text_h)/2")
    return [_drawtext(style.font_bold, tfile, size, fg, "(w-text_w)/2", y, start, end,
                      f"{box}:line_spacing={int(size * 0.15)}:text_align=center")]


def _lower_third(title: dict[str, Any], style: VideoStyle, width: int, height: int,
                 workdir: Path, index: int, margin: int, short: int) -> list[str]:
    start, end = float(title["start"]), float(title["end"])
    name, function = str(title.get("name", "")), str(title.get("function", ""))
    n_size = int(round(short * float(title.get("size", 0.05))))
    f_size = int(round(n_size * 0.72))
    pad = int(n_size * 0.5)
    bar = max(4, int(n_size * 0.18))
    gap = int(n_size * 0.3) if function else 0
    text_w = max(text_width(style.font_bold, n_size, name),
                 text_width(style.font_regular, f_size, function) if function else 0)
    box_w = min(width - 2 * margin, text_w + 2 * pad + bar)
    box_h = int(n_size * 1.15) + (gap + int(f_size * 1.15) if function else 0) + 2 * pad
    # above the subtitle zone (two lines of subtitles stay free below the band)
    x0, y0 = margin, height - margin - box_h - int(short * SUBTITLE_SIZE * 2.6)
    bg = style.colour(title.get("background", "primary"))
    fg = style.colour(title.get("color", "on_primary"))
    en = _enable(start, end)
    out = [f"drawbox=x={x0}:y={y0}:w={box_w}:h={box_h}:color={escape.colour(bg)}:t=fill:{en}",
           f"drawbox=x={x0}:y={y0}:w={bar}:h={box_h}:"
           f"color={escape.colour(style.colour(title.get('accent', 'accent')))}:t=fill:{en}"]
    nfile = workdir / f"lt{index}-name.txt"
    nfile.write_text(name, encoding="utf-8")
    tx = x0 + bar + pad
    out.append(_drawtext(style.font_bold, nfile, n_size, fg, str(tx), str(y0 + pad), start, end))
    if function:
        ffile = workdir / f"lt{index}-function.txt"
        ffile.write_text(function, encoding="utf-8")
        fy = y0 + pad + int(n_size * 1.15) + gap
        out.append(_drawtext(style.font_regular, ffile, f_size, fg, str(tx), str(fy), start, end))
    return out
