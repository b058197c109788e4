"""Titles and lower-thirds drawn in the charte: its font files, colours, safe margins and
its rules for text over moving pictures (``video`` section of ``charte/<name>/charte.json``).

The charte comes from :mod:`mediakit.infographic.charte`. Its ``video`` section says:

* ``cartouche``: the box drawn behind a title or lower-third (colour, opacity, padding in
  units of the text size). Over footage a text always gets one, so it stays readable on
  any picture (a brick wall, a sky); on a card of known colour a title may do without;
* ``text_colours``: the colours a text may take, the one with the best worst-case contrast
  against what is behind it (cartouche over black or white footage, or the card) wins;
* ``min_contrast``: the WCAG ratio the montage's compliance check demands (4.5:1);
* ``bloc_marque``: which version of the bloc-marque goes on light and dark grounds, and the
  cartouche it gets over footage (see :mod:`mediakit.video.montage.blocmarque`).

Each drawn element is also returned as a :class:`Placed` record (its text box, ink colour
and time span) for :mod:`mediakit.video.montage.check`, which measures the rendered frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from PIL import ImageFont

from mediakit.infographic.colours import contrast_ratio, hex_to_rgb
from mediakit.video.montage import escape

SUBTITLE_SIZE = 0.055  # subtitle text height, fraction of the short side
NO_BOX = (None, "", "none", False)


@dataclass(frozen=True)
class Cartouche:
    """A box behind text or the bloc-marque: colour (hex), opacity (0–1), padding (a
    fraction of the text size, or of the bloc-marque's height)."""

    colour: str
    opacity: float = 1.0
    padding: float = 0.45

    def over(self, ground: str) -> str:
        """The box's colour as seen over ``ground`` (hex), blended as ffmpeg does."""
        a = self.opacity
        mixed = [round(a * c + (1 - a) * g) for c, g in zip(hex_to_rgb(self.colour),
                                                             hex_to_rgb(ground), strict=True)]
        return "#" + "".join(f"{v:02x}" for v in mixed)

    def extremes(self) -> list[str]:
        """What the box can look like over any footage (over black and over white)."""
        return [self.over("#000000"), self.over("#ffffff")]


@dataclass(frozen=True)
class LogoVersion:
    """One version of the bloc-marque: its file, ink colour and source."""

    name: str
    path: Path
    ink: str | None
    source: str = "provisoire"
    label: str = ""


@dataclass(frozen=True)
class VideoStyle:
    """What the montage needs from the charte."""

    name: str
    colours: dict[str, str]
    font_bold: Path
    font_regular: Path
    margin_pct: float
    min_contrast: float
    text_colours: tuple[str, ...]
    cartouche: Cartouche
    lt_accent: str
    lt_padding: float
    logos: dict[str, LogoVersion] = field(default_factory=dict)
    logo_rules: dict[str, str] = field(default_factory=dict)
    logo_cartouche: Cartouche | None = None

    @property
    def logo(self) -> Path | None:
        """The standard bloc-marque's file."""
        version = self.logos.get("standard")
        return version.path if version else None

    def colour(self, ref: str) -> str:
        """A role (primary, accent…), a palette name, or ``#rrggbb``."""
        if ref.startswith("#"):
            return ref.lower()
        if ref in self.colours:
            return self.colours[ref]
        from mediakit.video.montage.timeline import MontageError

        raise MontageError(f"couleur « {ref} » inconnue de la charte « {self.name} »")

    def margin(self, width: int, height: int) -> int:
        """Safe margin in pixels (charte unit: % of the short side)."""
        return int(round(self.margin_pct / 100 * min(width, height)))

    def family(self, bold: bool = False) -> str:
        """Font family name as libass sees it."""
        return _family(str(self.font_bold if bold else self.font_regular))

    def text_colour(self, behind: list[str]) -> str:
        """The charte's text colour with the best worst-case contrast against ``behind``."""
        return max(self.text_colours,
                   key=lambda c: min(contrast_ratio(c, b) for b in behind) if behind else 0)


@dataclass
class Placed:
    """An element drawn over the pictures, as the compliance check measures it: its box
    (text lines, or the bloc-marque's image) in pixels, its ink colour, its time span, and
    the ring around the box where the background is sampled (``gap`` then ``ring`` pixels,
    inside the element's cartouche when it has one)."""

    name: str
    start: float
    end: float
    box: tuple[int, int, int, int]
    ink: str | None
    gap: int
    ring: int
    note: str = ""


@cache
def _family(path: str) -> str:
    return ImageFont.truetype(path, 12).getname()[0] or "Arimo"


def _cartouche(spec: dict[str, Any], colour: str, default_padding: float,
               ch: Any) -> Cartouche:
    return Cartouche(ch.colour(str(spec.get("colour", colour))),
                     float(spec.get("opacity", 1.0)), float(spec.get("padding", default_padding)))


@cache
def video_style(charte: str = "etat") -> VideoStyle:
    """The charte's colours, title fonts, margin, bloc-marque versions and video rules.

    A charte that cannot be loaded is an error (MontageError naming it): the montage never
    falls back on colours of its own."""
    from mediakit.infographic.charte import CharteError, load_charte
    from mediakit.video.montage.timeline import MontageError

    try:
        ch = load_charte(charte)
        colours = {name: ch.colour(name) for name in ch.palette}
        colours.update({role: ch.colour(role) for role in ch.data.get("roles", {})})
        bold = _truetype(ch, ch.font_role("title"))
        regular = _truetype(ch, ch.font_role("body"))
        video = ch.video
        logos = {}
        for version in ch.logo_versions():
            found = ch.logo_version(version)
            if found is not None:
                spec = ch.logo.get("versions", {}).get(version, {})
                logos[version] = LogoVersion(version, found[0], found[2], found[1],
                                             str(spec.get("label", f"version {version}")))
        rules = dict(video.get("bloc_marque", {}))
        logo_box = rules.pop("cartouche", {"colour": ch.logo.get("background", "background")})
        padding = logo_box.get("padding", "clear_space")
        logo_cartouche = Cartouche(
            ch.colour(str(logo_box.get("colour", ch.logo.get("background", "background")))),
            float(logo_box.get("opacity", 1.0)),
            float(ch.logo["clear_space"]) if padding == "clear_space" else float(padding))
        lower = video.get("lower_third", {})
        text_colours = tuple(ch.colour(str(c)) for c in
                             video.get("text_colours", ["on_primary", "text"]))
        return VideoStyle(
            ch.name, colours, bold, regular, ch.margin,
            float(video.get("min_contrast", 4.5)), text_colours,
            _cartouche(video.get("cartouche", {}), "primary", 0.45, ch),
            ch.colour(str(lower.get("accent", "accent"))), float(lower.get("padding", 0.5)),
            logos, {k: str(v) for k, v in rules.items() if isinstance(v, str)}, logo_cartouche)
    except (CharteError, KeyError, ValueError, OSError) as exc:
        raise MontageError(f"charte « {charte} » inutilisable pour le montage : {exc}") from exc


def _truetype(ch: Any, role: Any) -> Path:
    """The role's font file when drawtext/libass can read it (TrueType/OpenType), else the
    typeface's open fallback."""
    path, _ = ch.font_file(role.typeface, role.weight)
    if path.suffix.lower() in (".ttf", ".otf"):
        return Path(path)
    face = ch.data["typefaces"][role.typeface]
    for rel in (face.get("fallback_files", {}).get(role.weight),
                face.get("fallback_files", {}).get("regular")):
        found = ch.find_file(rel) if rel else None
        if found is not None and found.suffix.lower() in (".ttf", ".otf"):
            return Path(found)
    raise ValueError(f"police {role.typeface}/{role.weight} ni TrueType ni OpenType")


def text_width(font: Path, size: int, text: str) -> int:
    """Rendered width in pixels of the widest line of ``text``."""
    f = ImageFont.truetype(str(font), size)
    return int(max((f.getlength(line) for line in text.split("\n")), default=0) + 0.5)


def _line_height(font: Path, size: int) -> int:
    ascent, descent = ImageFont.truetype(str(font), size).getmetrics()
    return int(ascent + descent)


def _enable(start: float, end: float) -> str:
    return f"enable='gte(t,{escape.seconds(start)})*lt(t,{escape.seconds(end)})'"


def _drawtext(font: Path, textfile: Path, size: int, colour: str, x: str, y: str,
              start: float, end: float, extra: str = "") -> str:
    return (f"drawtext=fontfile={escape.value(font)}:textfile={escape.value(textfile)}:"
            f"expansion=none:fontsize={size}:fontcolor={escape.colour(colour)}:"
            f"x={x}:y={y}{extra}:{_enable(start, end)}")


def _drawbox(box: tuple[int, int, int, int], colour: str, opacity: float, start: float,
             end: float) -> str:
    x, y, w, h = box
    alpha = None if opacity >= 1 else opacity
    return (f"drawbox=x={x}:y={y}:w={w}:h={h}:color={escape.colour(colour, alpha)}:t=fill:"
            f"{_enable(start, end)}")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 32 else text[:31] + "…"


def _box_for(title: dict[str, Any], style: VideoStyle, ground: str | None
             ) -> Cartouche | None:
    """The cartouche behind a title: its ``background`` colour (the charte's cartouche by
    default); none on a card when ``background`` is null, and none at all with
    ``"cartouche": false`` (the compliance check then measures the bare text)."""
    if title.get("cartouche", True) is False:
        return None
    bg = title.get("background", "default")
    if bg in NO_BOX and ground is not None:
        return None
    default = bg in NO_BOX or bg == "default"
    colour = style.cartouche.colour if default else style.colour(str(bg))
    return Cartouche(colour, float(title.get("opacity", style.cartouche.opacity)),
                     style.cartouche.padding)


def _ink(title: dict[str, Any], style: VideoStyle, box: Cartouche | None,
         ground: str | None) -> str:
    if title.get("color"):
        return style.colour(str(title["color"]))
    if box is not None:
        behind = [box.over(ground)] if ground else box.extremes()
    else:
        behind = [ground] if ground else ["#000000", "#ffffff"]
    return style.text_colour(behind)


def _ring(size: int, pad: int) -> tuple[int, int]:
    """Gap and width of the sampling ring around a text box, inside its padding."""
    gap = max(2, round(size * 0.15))
    return gap, max(2, round(pad * 0.85) - gap)


def title_filters(title: dict[str, Any], style: VideoStyle, width: int, height: int,
                  workdir: Path, index: int, ground: str | None = None
                  ) -> tuple[list[str], Placed]:
    """drawbox/drawtext filters for one title (``type`` title or lower_third), and the
    element as drawn. ``ground`` is the card colour under the whole title, None over
    footage (or a transition)."""
    if title.get("type", "title") == "lower_third":
        return _lower_third(title, style, width, height, workdir, index, ground)
    start, end = float(title["start"]), float(title["end"])
    margin = style.margin(width, height)
    short = min(width, height)
    size = int(round(short * float(title.get("size", 0.075))))
    text = str(title["text"])
    tfile = workdir / f"title{index}.txt"
    tfile.write_text(text, encoding="utf-8")
    box = _box_for(title, style, ground)
    fg = _ink(title, style, box, ground)
    pad = int(round(size * style.cartouche.padding))
    spacing = int(size * 0.15)
    lines = text.split("\n")
    text_w = text_width(style.font_bold, size, text)
    text_h = len(lines) * _line_height(style.font_bold, size) + (len(lines) - 1) * spacing
    pos = title.get("position", "center")
    y = {"top": margin + pad, "bottom": height - text_h - margin - pad}.get(
        pos, (height - text_h) // 2)
    x = (width - text_w) // 2
    out = []
    if box is not None:
        out.append(_drawbox((x - pad, y - pad, text_w + 2 * pad, text_h + 2 * pad),
                            box.colour, box.opacity, start, end))
    out.append(_drawtext(style.font_bold, tfile, size, fg, "(w-text_w)/2", str(y), start, end,
                         f":line_spacing={spacing}:text_align=center"))
    gap, ring = _ring(size, pad)
    placed = Placed(f"titre {index + 1} « {_short(text)} »", start, end, (x, y, text_w, text_h),
                    fg, gap, ring, "sur cartouche" if box else "sans cartouche")
    return out, placed


def _lower_third(title: dict[str, Any], style: VideoStyle, width: int, height: int,
                 workdir: Path, index: int, ground: str | None) -> tuple[list[str], Placed]:
    start, end = float(title["start"]), float(title["end"])
    margin = style.margin(width, height)
    short = min(width, height)
    name, function = str(title.get("name", "")), str(title.get("function", ""))
    n_size = int(round(short * float(title.get("size", 0.05))))
    f_size = int(round(n_size * 0.72))
    pad = int(round(n_size * style.lt_padding))
    bar = max(4, int(n_size * 0.18))
    gap = int(n_size * 0.3) if function else 0
    text_w = max(text_width(style.font_bold, n_size, name),
                 text_width(style.font_regular, f_size, function) if function else 0)
    box_w = min(width - 2 * margin, text_w + 2 * pad + bar)
    text_h = int(n_size * 1.15) + (gap + int(f_size * 1.15) if function else 0)
    box_h = text_h + 2 * pad
    # above the subtitle zone (two lines of subtitles stay free below the band)
    x0, y0 = margin, height - margin - box_h - int(short * SUBTITLE_SIZE * 2.6)
    box = _box_for(title, style, ground)
    fg = _ink(title, style, box, ground)
    out = []
    if box is not None:
        out.append(_drawbox((x0, y0, box_w, box_h), box.colour, box.opacity, start, end))
    accent = style.colour(str(title["accent"])) if title.get("accent") else style.lt_accent
    out.append(_drawbox((x0, y0, bar, box_h), accent, 1.0, start, end))
    nfile = workdir / f"lt{index}-name.txt"
    nfile.write_text(name, encoding="utf-8")
    tx = x0 + bar + pad
    out.append(_drawtext(style.font_bold, nfile, n_size, fg, str(tx), str(y0 + pad), start, end))
    if function:
        ffile = workdir / f"lt{index}-function.txt"
        ffile.write_text(function, encoding="utf-8")
        fy = y0 + pad + int(n_size * 1.15) + gap
        out.append(_drawtext(style.font_regular, ffile, f_size, fg, str(tx), str(fy), start, end))
    rgap, ring = _ring(n_size, pad)
    shown_w = min(text_w, width - tx - margin)
    placed = Placed(f"bandeau {index + 1} « {_short(name)} »", start, end,
                    (tx, y0 + pad, shown_w, text_h), fg, rgap, ring,
                    "sur cartouche" if box else "sans cartouche")
    return out, placed
