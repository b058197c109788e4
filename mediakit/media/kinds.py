"""Which files are photos and which are videos, by extension."""

from __future__ import annotations

from pathlib import Path

PHOTO_EXTS = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".heic", ".heif",
                        ".webp"})
VIDEO_EXTS = frozenset({".mp4", ".m4v", ".mov", ".mkv", ".avi", ".3gp", ".mts", ".m2ts",
                        ".webm"})

PHOTO = "photo"
VIDEO = "video"


def kind_of(path: str | Path) -> str | None:
    """``"photo"``, ``"video"`` or None for a file mediakit does not handle."""
    ext = Path(path).suffix.lower()
    if ext in PHOTO_EXTS:
        return PHOTO
    if ext in VIDEO_EXTS:
        return VIDEO
    return None
