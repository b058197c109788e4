"""Thumbnails of photos and poster frames of videos, cached under the operation."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps

from mediakit.atomic import atomic_path
from mediakit.media.ffmpeg import run_ffmpeg

THUMB_SIZE = 320


def photo_thumbnail(img: Image.Image, out: Path, size: int = THUMB_SIZE) -> Path:
    """Write a JPEG thumbnail of ``img`` as displayed (EXIF orientation applied)."""
    thumb = ImageOps.exif_transpose(img.copy())
    thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
    if thumb.mode != "RGB":
        thumb = thumb.convert("RGB")
    with atomic_path(out) as tmp:
        thumb.save(tmp, "JPEG", quality=85)
    return out


def video_poster(video: Path, out: Path, duration: float, size: int = THUMB_SIZE) -> Path:
    """Write a poster frame (a third into the clip, at most 2 s) as a JPEG thumbnail."""
    t = min(2.0, max(0.0, duration / 3))
    scale = f"scale='if(gt(iw,ih),{size},-2)':'if(gt(iw,ih),-2,{size})'"
    with atomic_path(out) as tmp:
        run_ffmpeg(["-y", "-v", "error", "-ss", f"{t:.3f}", "-i", video, "-frames:v", "1",
                    "-vf", scale, "-q:v", "4", "-f", "image2", tmp], source=video, timeout=120)
    return out
