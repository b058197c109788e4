"""What identifying metadata an image file carries, by category (read-only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import piexif
from PIL import Image

from mediakit.media.images import open_image

# EXIF tags that identify a device or a person
SERIAL_TAGS = {piexif.ExifIFD.BodySerialNumber, piexif.ExifIFD.LensSerialNumber, 0xA431, 0xA435,
               0xC62F}  # BodySerialNumber, LensSerialNumber, DNG CameraSerialNumber
OWNER_TAGS = {piexif.ExifIFD.CameraOwnerName, 0xA430}
PERSON_TAGS_0TH = {piexif.ImageIFD.Artist, piexif.ImageIFD.Copyright, 0x9C9D}  # XPAuthor
DEVICE_TAGS_0TH = {piexif.ImageIFD.Make, piexif.ImageIFD.Model, piexif.ImageIFD.Software,
                   piexif.ImageIFD.HostComputer}
COMMENT_TAGS = {piexif.ExifIFD.UserComment, piexif.ImageIFD.ImageDescription, 0x9C9C, 0x9C9B}
DATE_TAGS = {piexif.ImageIFD.DateTime, piexif.ExifIFD.DateTimeOriginal,
             piexif.ExifIFD.DateTimeDigitized}


def identifying_metadata(path: str | Path) -> dict[str, Any]:
    """Categories of identifying metadata present in an image file.

    Keys (present only when found): gps, serial, owner, person, device, maker_note, date,
    comment, thumbnail, xmp, iptc, png_text, other_segments. ``icc_profile`` is reported
    but is not identifying (it is kept on export).
    """
    img = open_image(path)
    try:
        return _inspect(img)
    finally:
        img.close()


def _inspect(img: Image.Image) -> dict[str, Any]:
    found: dict[str, Any] = {}
    raw_exif = img.info.get("exif")
    if raw_exif:
        found.update(_exif_categories(raw_exif))
    if img.info.get("xmp") or img.info.get("XML:com.adobe.xmp"):
        found["xmp"] = True
    if img.info.get("photoshop") or _has_app(img, "APP13"):
        found["iptc"] = True
    if img.info.get("comment"):
        found["comment"] = True
    text = getattr(img, "text", None)
    if isinstance(text, dict) and text:
        found["png_text"] = sorted(text)
    others = sorted({m for m, _ in getattr(img, "applist", [])
                     if m not in ("APP0", "APP1", "APP2", "APP13", "APP14")})
    if others:
        found["other_segments"] = others
    if img.info.get("icc_profile"):
        found["icc_profile"] = True
    return found


def _has_app(img: Image.Image, marker: str) -> bool:
    return any(m == marker for m, _ in getattr(img, "applist", []))


def _exif_categories(raw: bytes) -> dict[str, Any]:
    found: dict[str, Any] = {}
    try:
        exif = piexif.load(raw)
    except Exception:  # noqa: BLE001 - unparsable EXIF is still EXIF: it will be dropped
        return {"exif_unparsed": True}
    zeroth, sub, gps = exif.get("0th", {}), exif.get("Exif", {}), exif.get("GPS", {})
    if gps:
        found["gps"] = True
    if SERIAL_TAGS & set(sub) or SERIAL_TAGS & set(zeroth):
        found["serial"] = True
    if OWNER_TAGS & set(sub):
        found["owner"] = True
    if PERSON_TAGS_0TH & set(zeroth):
        found["person"] = True
    if DEVICE_TAGS_0TH & set(zeroth):
        found["device"] = True
    if piexif.ExifIFD.MakerNote in sub:
        found["maker_note"] = True
    if DATE_TAGS & (set(zeroth) | set(sub)):
        found["date"] = True
    if COMMENT_TAGS & (set(zeroth) | set(sub)):
        found["comment"] = True
    if exif.get("thumbnail") or exif.get("1st"):
        found["thumbnail"] = True
    return found
