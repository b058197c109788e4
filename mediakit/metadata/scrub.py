"""Write images that carry pixels, a colour profile and nothing else identifying.

Re-encoding from pixels is the scrub: nothing of the source's EXIF, XMP, IPTC, comments,
maker notes, PNG text chunks or EXIF thumbnail is copied. Only the ICC profile is kept,
and the operation's credit and copyright are written when configured.
"""

from __future__ import annotations

import io
from pathlib import Path

import piexif
from PIL import Image

from mediakit.atomic import atomic_path

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".tif": "TIFF",
           ".tiff": "TIFF"}


def clean_exif(credit: str | None = None, copyright_: str | None = None) -> bytes | None:
    """A minimal EXIF block with only the credit (Artist) and copyright, or None."""
    zeroth: dict[int, bytes] = {}
    if credit:
        zeroth[piexif.ImageIFD.Artist] = credit.encode("utf-8")
    if copyright_:
        zeroth[piexif.ImageIFD.Copyright] = copyright_.encode("utf-8")
    if not zeroth:
        return None
    return piexif.dump({"0th": zeroth, "Exif": {}, "GPS": {}, "1st": {}, "thumbnail": None})


def save_clean(img: Image.Image, out: str | Path, *, icc_profile: bytes | None = None,
               credit: str | None = None, copyright_: str | None = None,
               quality: int = 92) -> Path:
    """Save ``img`` (already oriented as displayed) to ``out`` atomically, metadata-free.

    The format follows ``out``'s extension (JPEG, PNG, WebP, TIFF).
    """
    out = Path(out)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out}: format de sortie non pris en charge")
    data = encode_clean(img, fmt, icc_profile=icc_profile, credit=credit,
                        copyright_=copyright_, quality=quality)
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)
    return out


def encode_clean(img: Image.Image, fmt: str, *, icc_profile: bytes | None = None,
                 credit: str | None = None, copyright_: str | None = None,
                 quality: int = 92) -> bytes:
    """Encode ``img`` in ``fmt`` (JPEG, PNG, WEBP, TIFF) with only pixels, ICC and credit."""
    clean = img
    if img.info or getattr(img, "text", None) or img.getexif():
        clean = img.copy()  # pixels only: no info dict, no EXIF, no text chunks
        clean.info = {}
        clean.getexif().clear()
    if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
        clean = clean.convert("RGB")
    params: dict = {}
    if icc_profile:
        params["icc_profile"] = icc_profile
    exif = clean_exif(credit, copyright_)
    if exif and fmt in ("JPEG", "WEBP", "PNG", "TIFF"):
        params["exif"] = exif
    if fmt == "JPEG":
        params.update(quality=quality, subsampling="4:2:0" if quality < 95 else 0)
    elif fmt == "WEBP":
        params.update(quality=quality, method=4)
    elif fmt == "PNG":
        params.update(optimize=False, compress_level=6)
    buf = io.BytesIO()
    clean.save(buf, fmt, **params)
    return buf.getvalue()
