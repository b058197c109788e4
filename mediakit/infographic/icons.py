"""Simple pictograms drawn by code (licence-clean): one colour on transparency.

Each icon is drawn on a 100 × 100 grid at 4× the target size, then reduced, so edges are
smooth at any output size. ``ICONS`` lists the names a template or data file may use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PIL import Image, ImageDraw

from mediakit.errors import MediakitError
from mediakit.infographic.colours import hex_to_rgb

SUPER = 4
Draw = Callable[[ImageDraw.ImageDraw, Callable[[float], float], tuple], None]


def _person(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(32), s(6), s(68), s(42)], fill=c)
    d.chord([s(12), s(48), s(88), s(136)], 180, 360, fill=c)


def _group(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    clear = (0, 0, 0, 0)
    for dx in (-26, 26):
        d.ellipse([s(38 + dx), s(24), s(62 + dx), s(48)], fill=c)
        d.chord([s(24 + dx), s(54), s(76 + dx), s(124)], 180, 360, fill=c)
    d.ellipse([s(31), s(9), s(69), s(47)], fill=clear)
    d.chord([s(11), s(47), s(89), s(141)], 180, 360, fill=clear)
    d.ellipse([s(35), s(13), s(65), s(43)], fill=c)
    d.chord([s(15), s(51), s(85), s(137)], 180, 360, fill=c)


def _handcuffs(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    w = s(9)
    d.ellipse([s(4), s(36), s(46), s(78)], outline=c, width=w)
    d.ellipse([s(54), s(36), s(96), s(78)], outline=c, width=w)
    d.rectangle([s(14), s(24), s(36), s(38)], fill=c)
    d.rectangle([s(64), s(24), s(86), s(38)], fill=c)
    d.line([s(30), s(22), s(50), s(14), s(70), s(22)], fill=c, width=s(6), joint="curve")


def _weight(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(36), s(6), s(64), s(34)], outline=c, width=s(8))
    d.polygon([s(26), s(30), s(74), s(30), s(94), s(94), s(6), s(94)], fill=c)


def _car(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.polygon([s(22), s(46), s(32), s(22), s(68), s(22), s(78), s(46)], fill=c)
    d.rounded_rectangle([s(6), s(42), s(94), s(76)], radius=s(10), fill=c)
    d.rectangle([s(12), s(74), s(28), s(88)], fill=c)
    d.rectangle([s(72), s(74), s(88), s(88)], fill=c)
    clear = (0, 0, 0, 0)
    d.polygon([s(30), s(44), s(37), s(28), s(63), s(28), s(70), s(44)], fill=clear)
    d.ellipse([s(14), s(52), s(28), s(66)], fill=clear)
    d.ellipse([s(72), s(52), s(86), s(66)], fill=clear)


def _shield(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.polygon([s(50), s(4), s(90), s(18), s(86), s(56), s(50), s(96), s(14), s(56), s(10),
               s(18)], fill=c)
    d.line([s(32), s(50), s(46), s(64), s(70), s(36)], fill=(0, 0, 0, 0), width=s(9),
           joint="curve")


def _phone(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.rounded_rectangle([s(26), s(4), s(74), s(96)], radius=s(10), fill=c)
    d.rectangle([s(32), s(16), s(68), s(78)], fill=(0, 0, 0, 0))
    d.ellipse([s(45), s(83), s(55), s(91)], fill=(0, 0, 0, 0))


def _calendar(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.rounded_rectangle([s(8), s(14), s(92), s(94)], radius=s(8), fill=c)
    d.rectangle([s(16), s(36), s(84), s(86)], fill=(0, 0, 0, 0))
    for x in (26, 66):
        d.rounded_rectangle([s(x), s(4), s(x + 8), s(24)], radius=s(3), fill=c)
    for row in range(2):
        for col in range(3):
            x, y = 22 + col * 20, 44 + row * 20
            d.rectangle([s(x), s(y), s(x + 14), s(y + 12)], fill=c)


def _pin(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(18), s(4), s(82), s(68)], fill=c)
    d.polygon([s(22), s(50), s(78), s(50), s(50), s(96)], fill=c)
    d.ellipse([s(37), s(23), s(63), s(49)], fill=(0, 0, 0, 0))


def _alert(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.polygon([s(50), s(4), s(97), s(92), s(3), s(92)], fill=c)
    d.rounded_rectangle([s(45), s(32), s(55), s(66)], radius=s(4), fill=(0, 0, 0, 0))
    d.ellipse([s(44), s(72), s(56), s(84)], fill=(0, 0, 0, 0))


def _clock(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(4), s(4), s(96), s(96)], outline=c, width=s(9))
    d.line([s(50), s(22), s(50), s(52), s(70), s(64)], fill=c, width=s(8), joint="curve")


def _house(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.polygon([s(50), s(6), s(96), s(48), s(84), s(48), s(84), s(94), s(16), s(94), s(16),
               s(48), s(4), s(48)], fill=c)
    d.rectangle([s(40), s(62), s(60), s(94)], fill=(0, 0, 0, 0))


def _eye(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(2), s(24), s(98), s(76)], fill=c)
    d.ellipse([s(30), s(28), s(70), s(72)], fill=(0, 0, 0, 0))
    d.ellipse([s(40), s(38), s(60), s(62)], fill=c)


def _check(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(2), s(2), s(98), s(98)], fill=c)
    d.line([s(26), s(52), s(44), s(70), s(76), s(34)], fill=(0, 0, 0, 0), width=s(11),
           joint="curve")


def _package(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.polygon([s(50), s(4), s(94), s(26), s(94), s(74), s(50), s(96), s(6), s(74), s(6), s(26)],
              fill=c)
    clear = (0, 0, 0, 0)
    d.line([s(6), s(26), s(50), s(48), s(94), s(26)], fill=clear, width=s(5))
    d.line([s(50), s(48), s(50), s(96)], fill=clear, width=s(5))


def _euro(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(2), s(2), s(98), s(98)], fill=c)
    clear = (0, 0, 0, 0)
    d.arc([s(26), s(22), s(80), s(78)], 45, 315, fill=clear, width=s(9))
    d.rectangle([s(16), s(40), s(56), s(46)], fill=clear)
    d.rectangle([s(16), s(54), s(52), s(60)], fill=clear)


def _info(d: ImageDraw.ImageDraw, s: Callable[[float], float], c: tuple) -> None:
    d.ellipse([s(2), s(2), s(98), s(98)], fill=c)
    d.ellipse([s(43), s(18), s(57), s(32)], fill=(0, 0, 0, 0))
    d.rounded_rectangle([s(43), s(40), s(57), s(80)], radius=s(3), fill=(0, 0, 0, 0))


ICONS: dict[str, Draw] = {
    "personne": _person, "groupe": _group, "menottes": _handcuffs, "poids": _weight,
    "vehicule": _car, "bouclier": _shield, "telephone": _phone, "calendrier": _calendar,
    "lieu": _pin, "alerte": _alert, "horloge": _clock, "maison": _house, "oeil": _eye,
    "coche": _check, "colis": _package, "euro": _euro, "info": _info,
}


@cache
def draw_icon(name: str, size: int, colour: str) -> Image.Image:
    """An RGBA pictogram ``size`` pixels square in ``colour`` (hex)."""
    if name not in ICONS:
        raise MediakitError(f"pictogramme « {name} » inconnu (choix : {', '.join(sorted(ICONS))})")
    big = max(8, size) * SUPER
    im = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    ICONS[name](d, lambda v: round(v * big / 100), (*hex_to_rgb(colour), 255))
    return im.resize((max(1, size), max(1, size)), Image.Resampling.LANCZOS)
