"""Generate the bundled sample media in ``assets/``.

Usage::

    python scripts/make_assets.py [--out assets]

Everything is drawn by this script (numpy + Pillow) or derived from public-domain /
CC0 pictures shipped by scikit-image:

* ``skimage.data.astronaut()`` -- NASA portrait of Eileen Collins, public domain;
* ``skimage.data.camera()`` -- "cameraman", CC0;
* ``skimage.data.brick()`` / ``skimage.data.gravel()`` -- CC0Textures, CC0.

The output is deterministic (fixed seeds, no clock reads). Files are written to a
temporary name then renamed, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import argparse
import io
import os
import struct
import subprocess
import tempfile
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import piexif
import piexif.helper
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from skimage import data as skdata

SEED = 20260514
JPEG_QUALITY = 88

# --------------------------------------------------------------------------- I/O helpers


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary sibling of ``path``; rename it onto ``path`` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(path: Path, payload: bytes) -> None:
    """Atomically write ``payload`` to ``path``."""
    with atomic_target(path) as tmp:
        tmp.write_bytes(payload)


def jpeg_bytes(img: Image.Image, **kwargs: object) -> bytes:
    """Encode ``img`` as a baseline JPEG and return the bytes."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=JPEG_QUALITY, **kwargs)
    return buf.getvalue()


# --------------------------------------------------------------------------- drawing helpers


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font (Aileron, Pillow >= 10.1)."""
    return ImageFont.load_default(size=size)


def text_image(text: str, size: int, stroke: int = 0) -> Image.Image:
    """Render ``text`` as a tightly cropped ``L`` mask (255 = ink)."""
    fnt = font(size)
    left, top, right, bottom = fnt.getbbox(text, stroke_width=stroke)
    img = Image.new("L", (right - left + 4, bottom - top + 4), 0)
    ImageDraw.Draw(img).text(
        (2 - left, 2 - top), text, fill=255, font=fnt, stroke_width=stroke, stroke_fill=255
    )
    return img.crop(img.getbbox())


def paste_text(
    canvas: Image.Image, text: str, box: tuple[int, int, int, int], colour: tuple[int, ...]
) -> None:
    """Stretch ``text`` to fill ``box`` (gives a condensed look when the box is narrow)."""
    x0, y0, x1, y1 = box
    mask = text_image(text, 200, stroke=6).resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
    canvas.paste(Image.new("RGB", mask.size, colour[:3]), (x0, y0), mask)


def vertical_gradient(w: int, h: int, top: tuple[int, ...], bottom: tuple[int, ...]) -> np.ndarray:
    """``h x w x 3`` float array going linearly from ``top`` to ``bottom``."""
    t = np.linspace(0.0, 1.0, h)[:, None, None]
    grad = (1 - t) * np.array(top, float) + t * np.array(bottom, float)
    return np.broadcast_to(grad, (h, w, 3)).copy()


def add_noise(arr: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """Add Gaussian sensor-like noise to a float image."""
    return arr + rng.normal(0.0, sigma, arr.shape[:2])[..., None]


def to_image(arr: np.ndarray) -> Image.Image:
    """Float/uint8 array -> RGB image, clipped."""
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def tile(texture: np.ndarray, w: int, h: int) -> np.ndarray:
    """Tile a 2-D texture to ``h x w``."""
    reps = (h // texture.shape[0] + 1, w // texture.shape[1] + 1)
    return np.tile(texture, reps)[:h, :w]


def tinted(gray: np.ndarray, dark: tuple[int, ...], light: tuple[int, ...]) -> np.ndarray:
    """Map a grey texture onto a two-colour ramp."""
    g = (gray.astype(float) / 255.0)[..., None]
    return (1 - g) * np.array(dark, float) + g * np.array(light, float)


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonSource:
    """A head-and-shoulders cut-out taken from a public-domain portrait."""

    name: str
    crop: tuple[int, int, int, int]
    head: tuple[int, int, int, int]  # ellipse centre x, y, radius x, radius y (source px)
    body: tuple[tuple[int, int], ...]  # polygon (source px)
    face_centre: tuple[float, float]
    face_height: float


ASTRONAUT = PersonSource(
    name="astronaut",
    crop=(40, 0, 410, 430),
    head=(226, 100, 80, 96),
    body=(
        (150, 160),
        (300, 160),
        (312, 250),
        (352, 320),
        (372, 430),
        (52, 430),
        (62, 320),
        (112, 250),
    ),
    face_centre=(225.0, 117.0),
    face_height=119.0,
)
CAMERAMAN = PersonSource(
    name="camera",
    crop=(0, 40, 340, 430),
    head=(214, 130, 62, 70),
    body=(
        (150, 110),
        (190, 185),
        (250, 205),
        (300, 235),
        (290, 300),
        (200, 360),
        (150, 430),
        (8, 430),
        (22, 260),
        (95, 150),
    ),
    face_centre=(229.0, 157.0),
    face_height=78.0,
)


def source_pixels(src: PersonSource) -> np.ndarray:
    """RGB pixels of the source portrait (the cameraman is warm-tinted from grey)."""
    if src.name == "astronaut":
        return skdata.astronaut()
    return tinted(skdata.camera(), (18, 14, 16), (255, 236, 214)).astype(np.uint8)


def background_key(src: PersonSource, rgb: np.ndarray) -> np.ndarray:
    """Boolean mask of backdrop pixels (grey studio wall / bright sky) in ``rgb``."""
    px = rgb.astype(int)
    lum = px.mean(axis=2)
    if src.name == "astronaut":
        return ((px.max(axis=2) - px.min(axis=2)) < 26) & (lum > 172)
    return lum > 178


def ellipse_mask(size: tuple[int, int], box: tuple[float, float, float, float]) -> np.ndarray:
    """Boolean filled ellipse of ``size`` (w, h) inside ``box``."""
    img = Image.new("L", size, 0)
    ImageDraw.Draw(img).ellipse(box, fill=255)
    return np.asarray(img) > 0


def extend_body(rgb: np.ndarray, alpha: np.ndarray, extend: int) -> tuple[np.ndarray, ...]:
    """Continue the torso below the crop with plain, softly shaded clothing."""
    last = alpha[-1] > 128
    colour = (
        np.median(rgb[-24:][:, last].reshape(-1, 3), axis=0)
        if last.any()
        else np.array([40, 40, 40])
    )
    xs = np.flatnonzero(last) if last.any() else np.array([0, alpha.shape[1] - 1])
    centre, half = (xs[0] + xs[-1]) / 2, max((xs[-1] - xs[0]) / 2, 1)
    across = 1.0 - 0.3 * ((np.arange(alpha.shape[1]) - centre) / half) ** 2
    down = np.linspace(1.0, 0.85, extend)
    cloth = colour[None, None, :] * np.clip(across, 0.6, 1)[None, :, None] * down[:, None, None]
    rgb = np.vstack([rgb, cloth.astype(np.uint8)])
    alpha = np.pad(alpha, ((0, extend), (0, 0)), mode="edge")
    return rgb, alpha


def cutout(src: PersonSource, extend: int = 0) -> Image.Image:
    """RGBA head-and-shoulders cut-out; ``extend`` px of plain clothing are added below."""
    x0, y0, x1, y1 = src.crop
    rgb = source_pixels(src)[y0:y1, x0:x1]
    size = (x1 - x0, y1 - y0)
    hx, hy, rx, ry = src.head[0] - x0, src.head[1] - y0, src.head[2], src.head[3]
    head = ellipse_mask(size, (hx - rx, hy - ry, hx + rx, hy + ry))
    face = ellipse_mask(size, (hx - 0.6 * rx, hy - 0.45 * ry, hx + 0.6 * rx, hy + 0.85 * ry))
    body = Image.new("L", size, 0)
    ImageDraw.Draw(body).polygon([(px - x0, py - y0) for px, py in src.body], fill=255)
    keep = face | ~background_key(src, rgb)
    keep[hy + 2 * ry :] = True  # the key only applies around the head and neck
    if src.name == "astronaut":  # keep the silver neck ring
        keep |= ellipse_mask(size, (hx - 115, hy + 45, hx + 80, hy + 195))
    mask_arr = (head | (np.asarray(body) > 0)) & keep
    mask = Image.fromarray((mask_arr * 255).astype(np.uint8))
    mask = mask.filter(ImageFilter.MedianFilter(5)).filter(ImageFilter.GaussianBlur(1.5))
    alpha = np.asarray(mask)
    if extend:
        rgb, alpha = extend_body(rgb, alpha, extend)
    return Image.fromarray(np.dstack([rgb, alpha]).astype(np.uint8))


def varied(person: Image.Image, gains: tuple[float, float, float], flip: bool) -> Image.Image:
    """Colour-shift (per-channel gains) and optionally mirror a cut-out."""
    arr = np.asarray(person).astype(float)
    arr[..., :3] *= np.array(gains)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if flip else out


def place_person(
    canvas: Image.Image,
    src: PersonSource,
    face_xy: tuple[float, float],
    face_h: float,
    *,
    gains: tuple[float, float, float] = (1.0, 1.0, 1.0),
    flip: bool = False,
    extend: int = 0,
) -> None:
    """Paste a person so that their face is centred on ``face_xy`` and ``face_h`` px tall."""
    scale = face_h / src.face_height
    person = varied(cutout(src, extend), gains, flip)
    size = (round(person.width * scale), round(person.height * scale))
    person = person.resize(size, Image.Resampling.LANCZOS)
    fx = src.face_centre[0] - src.crop[0]
    if flip:
        fx = (src.crop[2] - src.crop[0]) - fx
    fy = src.face_centre[1] - src.crop[1]
    pos = (round(face_xy[0] - fx * scale), round(face_xy[1] - fy * scale))
    canvas.alpha_composite(person, pos)


# --------------------------------------------------------------------------- groupe.jpg


def conference_room(w: int, h: int, rng: np.random.Generator) -> Image.Image:
    """Beige wall with a navy press backdrop."""
    wall = add_noise(vertical_gradient(w, h, (214, 204, 186), (176, 164, 146)), rng, 3.0)
    img = to_image(wall).convert("RGBA")
    draw = ImageDraw.Draw(img)
    draw.rectangle((260, 70, w - 260, 1000), fill=(22, 40, 82))
    for i, x in enumerate(range(260, w - 260, 120)):
        shade = (28, 48, 94) if i % 2 else (24, 43, 87)
        draw.rectangle((x, 70, x + 119, 1000), fill=shade)
    draw.rectangle((260, 70, w - 260, 84), fill=(200, 30, 45))
    paste_text(img, "POINT PRESSE", (700, 120, w - 700, 190), (238, 238, 238))
    draw.rectangle((90, 260, 230, 440), fill=(92, 70, 44))  # picture frame on the wall
    draw.rectangle((100, 270, 220, 430), fill=(232, 228, 220))
    return img


def framed_portrait(canvas: Image.Image) -> None:
    """A small portrait hanging on the wall (a ~45 px face)."""
    photo = Image.new("RGBA", (110, 150), (205, 205, 210, 255))
    place_person(photo, ASTRONAUT, (55, 60), 46, gains=(0.95, 0.98, 1.05))
    canvas.alpha_composite(photo, (105, 275))


def conference_table(canvas: Image.Image, top: int) -> None:
    """Table (top edge at ``top``) with a cloth, name cards, microphones and bottles."""
    w, h = canvas.size
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, top + 20, w, h), fill=(20, 30, 62))
    for x in range(0, w, 90):
        draw.line((x + 45, top + 50, x + 30, h), fill=(16, 25, 54), width=18)
    draw.rectangle((0, top, w, top + 35), fill=(120, 86, 52))
    draw.rectangle((0, top + 30, w, top + 40), fill=(70, 50, 30))
    names = ["M. ARNAUD", "MME BERGER", "M. CHARPIN", "MME DELORME"]
    for cx, name in zip((330, 780, 1230, 1690), names, strict=True):
        draw.polygon(
            [(cx - 150, top), (cx + 150, top), (cx + 140, top - 70), (cx - 140, top - 70)],
            fill=(245, 245, 240),
            outline=(120, 120, 120),
        )
        paste_text(canvas, name, (cx - 115, top - 55, cx + 115, top - 15), (20, 30, 62))
        mx = cx + 120
        draw.line((mx, top, mx - 40, top - 160), fill=(30, 30, 30), width=6)
        draw.ellipse((mx - 58, top - 182, mx - 26, top - 144), fill=(25, 25, 25))
        draw.rectangle((mx + 2, top - 15, mx + 30, top + 2), fill=(35, 35, 35))
        bx = cx - 200
        draw.rounded_rectangle(
            (bx, top - 150, bx + 34, top + 2),
            radius=8,
            fill=(170, 205, 225),
            outline=(120, 160, 190),
            width=2,
        )
        draw.rectangle((bx + 9, top - 168, bx + 25, top - 148), fill=(30, 90, 170))
        draw.rectangle((bx + 2, top - 100, bx + 32, top - 60), fill=(40, 120, 200))
        draw.rectangle((cx - 60, top + 2, cx + 80, top + 14), fill=(236, 236, 230))


def make_groupe(out: Path) -> None:
    """Press-conference photo with seven faces from about 45 to 190 px tall."""
    rng = np.random.default_rng(SEED + 1)
    w, h = 2000, 1300
    img = conference_room(w, h, rng)
    framed_portrait(img)
    place_person(img, CAMERAMAN, (565, 520), 72, gains=(1.0, 0.97, 0.95), extend=700)
    place_person(img, ASTRONAUT, (1462, 505), 68, gains=(0.85, 0.95, 1.15), flip=True, extend=700)
    seated = [
        (CAMERAMAN, (330, 660), 150, (1.02, 0.98, 0.9), False),
        (ASTRONAUT, (780, 620), 190, (1.0, 1.0, 1.0), False),
        (ASTRONAUT, (1230, 645), 165, (0.88, 0.93, 1.1), True),
        (CAMERAMAN, (1690, 640), 175, (0.9, 0.92, 1.0), True),
    ]
    for src, xy, fh, gains, flip in seated:
        place_person(img, src, xy, fh, gains=gains, flip=flip, extend=400)
    conference_table(img, 1000)
    arr = add_noise(np.asarray(img.convert("RGB")).astype(float), rng, 2.0)
    write_bytes(out / "photos" / "groupe.jpg", jpeg_bytes(to_image(arr)))


# --------------------------------------------------------------------------- plates and cars

PLATE_BLUE = (0, 51, 153)


def draw_plate(text: str, width: int, department: str = "69") -> Image.Image:
    """French SIV plate (520 x 110 mm) ``width`` px wide, with EU and regional bands."""
    s = 4  # supersampling
    pw, ph = width * s, round(width * 110 / 520) * s
    mm = pw / 520
    img = Image.new("RGB", (pw, ph), (250, 250, 248))
    draw = ImageDraw.Draw(img)
    band = round(42 * mm)
    draw.rectangle((0, 0, band, ph), fill=PLATE_BLUE)
    draw.rectangle((pw - band, 0, pw, ph), fill=PLATE_BLUE)
    cx, cy, r = band / 2, ph * 0.3, band * 0.3
    for k in range(12):
        a = 2 * np.pi * k / 12
        sx, sy = cx + r * np.cos(a), cy + r * np.sin(a)
        draw.ellipse(
            (sx - 2.2 * mm, sy - 2.2 * mm, sx + 2.2 * mm, sy + 2.2 * mm), fill=(255, 204, 0)
        )
    paste_text(
        img,
        "F",
        (round(band * 0.3), round(ph * 0.58), round(band * 0.7), round(ph * 0.9)),
        (255, 255, 255),
    )
    rx0 = pw - band
    draw.rectangle((rx0 + band * 0.2, ph * 0.12, rx0 + band * 0.8, ph * 0.5), fill=(255, 204, 0))
    draw.rectangle((rx0 + band * 0.2, ph * 0.31, rx0 + band * 0.8, ph * 0.5), fill=(220, 40, 40))
    paste_text(
        img,
        department,
        (round(rx0 + band * 0.18), round(ph * 0.6), round(pw - band * 0.18), round(ph * 0.88)),
        (255, 255, 255),
    )
    paste_text(
        img,
        text,
        (round(band + 14 * mm), round(17 * mm), round(pw - band - 14 * mm), round(ph - 17 * mm)),
        (12, 12, 12),
    )
    draw.rectangle((0, 0, pw - 1, ph - 1), outline=(40, 40, 40), width=round(2 * mm))
    return img.resize((width, ph // s), Image.Resampling.LANCZOS)


def draw_car_rear(width: int, body: tuple[int, int, int], plate: str) -> Image.Image:
    """Rear view of a hatchback, ``width`` px wide, RGBA on transparent."""
    s = 2
    w, h = 1000 * s, 720 * s

    def sc(*pts: float) -> list[float]:
        return [p * s for p in pts]

    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    shadow = Image.new("L", (w, h), 0)
    ImageDraw.Draw(shadow).ellipse(sc(0, 640, 1000, 720), fill=170)
    img.paste((10, 10, 12, 255), (0, 0), shadow.filter(ImageFilter.GaussianBlur(12 * s)))
    for x in (70, 790):
        draw.rounded_rectangle(sc(x, 540, x + 140, 690), radius=24 * s, fill=(18, 18, 18))
    dark = tuple(int(c * 0.7) for c in body)
    draw.polygon(sc(160, 250, 840, 250, 770, 70, 230, 70), fill=body)
    draw.rounded_rectangle(sc(20, 240, 980, 620), radius=60 * s, fill=body)
    draw.polygon(sc(200, 245, 800, 245, 745, 95, 255, 95), fill=(40, 52, 64))
    draw.polygon(sc(300, 240, 420, 240, 520, 100, 440, 100), fill=(70, 86, 100))
    draw.line(sc(60, 420, 940, 420), fill=dark, width=4 * s)
    for x0 in (40, 770):
        draw.rounded_rectangle(sc(x0, 290, x0 + 190, 380), radius=22 * s, fill=(150, 10, 18))
        draw.rounded_rectangle(sc(x0 + 20, 305, x0 + 110, 365), radius=14 * s, fill=(230, 40, 40))
    draw.ellipse(sc(470, 300, 530, 345), fill=(200, 200, 205), outline=(120, 120, 125), width=3 * s)
    draw.rounded_rectangle(sc(30, 520, 970, 625), radius=40 * s, fill=(32, 32, 34))
    draw.rectangle(sc(280, 430, 720, 515), fill=dark)
    car = img.resize((width, round(width * 0.72)), Image.Resampling.LANCZOS)
    plate_img = draw_plate(plate, round(width * 0.4))
    car.paste(plate_img, (round(width * 0.3), round(width * 0.437)))
    return car


def street(w: int, h: int, horizon: int, rng: np.random.Generator) -> Image.Image:
    """Brick facade with windows, pavement and asphalt road; horizon = kerb line."""
    wall = tinted(tile(np.rot90(skdata.brick()), w, horizon), (92, 46, 34), (214, 160, 126))
    draw_img = to_image(wall)
    draw = ImageDraw.Draw(draw_img)
    for x in range(80, w - 150, 330):
        for y in range(40, horizon - 300, 260):
            draw.rectangle((x, y, x + 150, y + 190), fill=(235, 230, 220))
            draw.rectangle((x + 10, y + 10, x + 140, y + 180), fill=(48, 62, 76))
            draw.line((x + 75, y + 10, x + 75, y + 180), fill=(235, 230, 220), width=6)
    draw.rectangle((0, horizon - 140, w, horizon - 120), fill=(70, 70, 75))
    road = tinted(tile(skdata.gravel(), w, h - horizon), (52, 52, 55), (92, 91, 89))
    pavement = vertical_gradient(w, 60, (182, 178, 170), (160, 156, 150))
    road[:60] = pavement
    road[60:72] = (200, 198, 190)
    img = np.vstack([np.asarray(draw_img).astype(float), road])
    img = to_image(add_noise(img, rng, 2.5))
    ImageDraw.Draw(img).rectangle((0, horizon + 60, w, horizon + 72), fill=(205, 203, 196))
    return img.convert("RGBA")


def make_plaque(out: Path) -> None:
    """Rear of a car with plate ``GZ-482-KT`` plus a distant car ``EH-907-PL``."""
    rng = np.random.default_rng(SEED + 2)
    w, h = 1600, 1067
    img = street(w, h, 560, rng)
    far = draw_car_rear(330, (200, 200, 205), "EH-907-PL")
    img.alpha_composite(far, (110, 700 - far.height))
    near = draw_car_rear(980, (24, 60, 120), "GZ-482-KT")
    img.alpha_composite(near, (430, h - near.height - 20))
    write_bytes(out / "photos" / "plaque.jpg", jpeg_bytes(img))


# --------------------------------------------------------------------------- gps.jpg

GPS_LAT, GPS_LON, GPS_ALT = 45.757814, 4.832011, 171.0  # place Bellecour, Lyon


def dms(value: float) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """Decimal degrees -> EXIF degree/minute/second rationals."""
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round(((value - deg) * 60 - minutes) * 60 * 10000)
    return ((deg, 1), (minutes, 1), (seconds, 10000))


def exif_block(thumb: bytes) -> bytes:
    """EXIF with GPS, serial numbers, owner, comments, MakerNote and a thumbnail."""
    zeroth = {
        piexif.ImageIFD.Make: b"Canon",
        piexif.ImageIFD.Model: b"Canon EOS R6",
        piexif.ImageIFD.Orientation: 1,
        piexif.ImageIFD.Software: b"Firmware Version 1.8.1",
        piexif.ImageIFD.DateTime: b"2026:05:14 11:30:12",
        piexif.ImageIFD.Artist: b"Brigadier Jeanne Martin",
        piexif.ImageIFD.Copyright: b"(c) 2026 DDSP 69 - Jeanne Martin",
        piexif.ImageIFD.ImageDescription: b"Interpellation place Bellecour, suspect en garde a vue",
    }
    exif = {
        piexif.ExifIFD.DateTimeOriginal: b"2026:05:14 11:30:12",
        piexif.ExifIFD.DateTimeDigitized: b"2026:05:14 11:30:12",
        piexif.ExifIFD.OffsetTimeOriginal: b"+02:00",
        piexif.ExifIFD.BodySerialNumber: b"032021004417",
        piexif.ExifIFD.LensSerialNumber: b"8130004562",
        piexif.ExifIFD.LensMake: b"Canon",
        piexif.ExifIFD.LensModel: b"RF24-105mm F4 L IS USM",
        piexif.ExifIFD.CameraOwnerName: b"Jeanne MARTIN - DDSP 69",
        piexif.ExifIFD.UserComment: piexif.helper.UserComment.dump(
            "Témoin : M. Lefèvre, 06 12 34 56 78", encoding="unicode"
        ),
        piexif.ExifIFD.MakerNote: b"MKNOTE\x00\x01" + bytes(range(256)) * 2,
        piexif.ExifIFD.FocalLength: (50, 1),
        piexif.ExifIFD.FNumber: (56, 10),
        piexif.ExifIFD.ISOSpeedRatings: 400,
    }
    gps = {
        piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0),
        piexif.GPSIFD.GPSLatitudeRef: b"N",
        piexif.GPSIFD.GPSLatitude: dms(GPS_LAT),
        piexif.GPSIFD.GPSLongitudeRef: b"E",
        piexif.GPSIFD.GPSLongitude: dms(GPS_LON),
        piexif.GPSIFD.GPSAltitudeRef: 0,
        piexif.GPSIFD.GPSAltitude: (round(GPS_ALT * 10), 10),
        piexif.GPSIFD.GPSTimeStamp: ((9, 1), (30, 1), (12, 1)),
        piexif.GPSIFD.GPSDateStamp: b"2026:05:14",
    }
    first = {
        piexif.ImageIFD.Compression: 6,
        piexif.ImageIFD.XResolution: (72, 1),
        piexif.ImageIFD.YResolution: (72, 1),
        piexif.ImageIFD.ResolutionUnit: 2,
    }
    return piexif.dump({"0th": zeroth, "Exif": exif, "GPS": gps, "1st": first, "thumbnail": thumb})


XMP_PACKET = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    photoshop:City="Lyon"
    photoshop:State="Auvergne-Rhône-Alpes"
    photoshop:Country="France"
    Iptc4xmpCore:Location="Place Bellecour"
    exif:GPSLatitude="45,45.4688N"
    exif:GPSLongitude="4,49.9207E">
   <dc:creator><rdf:Seq><rdf:li>Jeanne Martin</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">(c) 2026 DDSP 69</rdf:li></rdf:Alt></dc:rights>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Lieu : {GPS_LAT}, {GPS_LON}</rdf:li>
   </rdf:Alt></dc:description>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def app_segment(marker: int, payload: bytes) -> bytes:
    """A JPEG APPn segment (marker 0xE0..0xEF) around ``payload``."""
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def iptc_block() -> bytes:
    """Photoshop 3.0 IRB with an IPTC-IIM record (8BIM resource 0x0404)."""
    records = [
        (1, 90, b"\x1b%G"),  # UTF-8
        (2, 0, b"\x00\x04"),
        (2, 80, b"Jeanne Martin"),
        (2, 90, b"Lyon"),
        (2, 92, b"Place Bellecour"),
        (2, 101, b"France"),
        (2, 116, b"(c) 2026 DDSP 69"),
        (2, 120, b"Interpellation, place Bellecour"),
    ]
    iim = b"".join(struct.pack(">BBBH", 0x1C, r, d, len(v)) + v for r, d, v in records)
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    resource += iim + (b"\x00" if len(iim) % 2 else b"")
    return b"Photoshop 3.0\x00" + resource


def insert_after_app_segments(jpeg: bytes, segments: bytes) -> bytes:
    """Insert ``segments`` after the SOI and leading APPn segments of ``jpeg``."""
    pos = 2
    while jpeg[pos] == 0xFF and 0xE0 <= jpeg[pos + 1] <= 0xEF:
        pos += 2 + struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
    return jpeg[:pos] + segments + jpeg[pos:]


def make_gps(out: Path) -> None:
    """Astronaut portrait with EXIF (GPS, serials, thumbnail), XMP and IPTC metadata."""
    img = Image.fromarray(skdata.astronaut()).crop((0, 0, 512, 384))
    img = img.resize((1024, 768), Image.Resampling.LANCZOS)
    thumb = jpeg_bytes(img.resize((160, 120), Image.Resampling.LANCZOS))
    body = jpeg_bytes(img, exif=exif_block(thumb))
    extra = app_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP_PACKET.encode())
    extra += app_segment(0xED, iptc_block())
    payload = insert_after_app_segments(body, extra)
    Image.open(io.BytesIO(payload)).load()  # still a valid JPEG
    write_bytes(out / "photos" / "gps.jpg", payload)


# --------------------------------------------------------------------------- rush.mp4

FPS, DURATION, VW, VH = 25, 7.0, 1280, 720
SAMPLE_RATE = 48000


def rush_canvas() -> Image.Image:
    """Wide street scene: a pedestrian (face) on the left, a car (plate) on the right."""
    rng = np.random.default_rng(SEED + 3)
    w, h = 2560, 1440
    img = street(w, h, 800, rng)
    far = draw_car_rear(300, (150, 20, 24), "EH-907-PL")
    img.alpha_composite(far, (200, 930 - far.height))
    car = draw_car_rear(1000, (190, 192, 196), "GZ-482-KT")
    img.alpha_composite(car, (1380, h - car.height - 40))
    place_person(img, ASTRONAUT, (620, 790), 250)
    return img.convert("RGB")


def ease(t: float) -> float:
    """Smoothstep easing on [0, 1]."""
    return t * t * (3 - 2 * t)


def frame_boxes(n: int) -> Iterator[tuple[float, float, float, float]]:
    """Crop rectangles for a slow pan from the pedestrian to the plate with a zoom-in."""
    start = np.array([0.0, 300.0, 1760.0, 300.0 + 990.0])
    end = np.array([1120.0, 560.0, 1120.0 + 1440.0, 560.0 + 810.0])
    for i in range(n):
        x0, y0, x1, y1 = start + (end - start) * ease(i / (n - 1))
        yield (x0, y0, x1, y1)


def ambience() -> np.ndarray:
    """Stereo int16 street ambience: filtered noise, two beeps and a car horn."""
    rng = np.random.default_rng(SEED + 4)
    n = int(DURATION * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    noise = rng.normal(size=(2, n))
    spec = np.fft.rfft(noise, axis=1)
    freqs = np.fft.rfftfreq(n, 1 / SAMPLE_RATE)
    spec *= 1.0 / (1.0 + freqs / 300.0)
    bed = np.fft.irfft(spec, n=n, axis=1)
    bed /= np.abs(bed).max()
    sig = 0.25 * bed
    for start in (1.0, 1.3):
        gate = (t >= start) & (t < start + 0.15)
        sig += 0.3 * gate * np.sin(2 * np.pi * 880 * t)
    horn = (t >= 4.5) & (t < 4.9)
    sig += 0.25 * horn * (np.sin(2 * np.pi * 415 * t) + np.sin(2 * np.pi * 520 * t))
    fade = np.clip(np.minimum(t / 0.3, (DURATION - t) / 0.3), 0, 1)
    sig *= fade
    sig = 0.5 * sig / np.abs(sig).max()
    return (sig.T * 32767).astype("<i2")


def write_wav(path: Path, samples: np.ndarray) -> None:
    """Write interleaved int16 stereo samples as WAV."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(samples.tobytes())


VIDEO_METADATA = {
    "creation_time": "2026-05-14T09:30:00Z",
    "location": "+48.8566+002.3522/",
    "com.apple.quicktime.location.ISO6709": "+48.8566+002.3522+035.000/",
    "com.apple.quicktime.make": "Apple",
    "com.apple.quicktime.model": "iPhone 15 Pro",
    "com.apple.quicktime.software": "17.4.1",
    "make": "Apple",
    "model": "iPhone 15 Pro",
    "artist": "Brigadier Jeanne Martin",
    "comment": "Rush intervention rue de Rivoli, plaque GZ-482-KT",
}


def ffmpeg_command(wav: Path, target: Path) -> list[str]:
    """ffmpeg invocation: raw RGB frames on stdin + WAV -> H.264/AAC MP4."""
    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-y",
        "-loglevel",
        "error",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-s",
        f"{VW}x{VH}",
        "-r",
        str(FPS),
        "-i",
        "-",
        "-i",
        str(wav),
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "21",
        "-maxrate",
        "2800k",
        "-bufsize",
        "5600k",
        "-pix_fmt",
        "yuv420p",
        "-threads",
        "2",
        "-c:a",
        "aac",
        "-b:a",
        "128k",
        "-shortest",
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
    ]
    for key, value in VIDEO_METADATA.items():
        cmd += ["-metadata", f"{key}={value}"]
    cmd += [
        "-metadata:s:v",
        f"creation_time={VIDEO_METADATA['creation_time']}",
        "-metadata:s:a",
        f"creation_time={VIDEO_METADATA['creation_time']}",
        "-movflags",
        "use_metadata_tags+faststart",
        "-f",
        "mp4",
        str(target),
    ]
    return cmd


def make_rush(out: Path) -> None:
    """7 s 1280x720 25 fps pan over a pedestrian and a car plate, with audio."""
    canvas = rush_canvas()
    n = int(FPS * DURATION)
    with (
        tempfile.TemporaryDirectory() as tmpdir,
        atomic_target(out / "rushes" / "rush.mp4") as target,
    ):
        wav = Path(tmpdir) / "ambience.wav"
        write_wav(wav, ambience())
        proc = subprocess.Popen(ffmpeg_command(wav, target), stdin=subprocess.PIPE)
        assert proc.stdin is not None
        for box in frame_boxes(n):
            frame = canvas.transform(
                (VW, VH), Image.Transform.EXTENT, box, Image.Resampling.BILINEAR
            )
            proc.stdin.write(frame.tobytes())
        proc.stdin.close()
        if proc.wait() != 0:
            raise RuntimeError("ffmpeg failed")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    """Entry point: build every asset under ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("assets"), help="output folder")
    parser.add_argument(
        "--only",
        choices=["groupe", "plaque", "gps", "rush"],
        action="append",
        help="build only these assets (repeatable)",
    )
    args = parser.parse_args(argv)
    builders = {"groupe": make_groupe, "plaque": make_plaque, "gps": make_gps, "rush": make_rush}
    for name, build in builders.items():
        if not args.only or name in args.only:
            build(args.out)
            print(f"built {name}")


if __name__ == "__main__":
    main()
