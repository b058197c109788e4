"""Photo anonymisation: detect faces and plates on the picture as displayed, mask the accepted
regions, and write a scrubbed copy. The original is only read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.errors import Cancelled, MediaError, display_path
from mediakit.media.images import load_oriented_rgb
from mediakit.metadata.inspect import identifying_metadata
from mediakit.metadata.scrub import save_clean
from mediakit.privacy.masking import STYLE_NOTES, MaskStyle, apply_masks
from mediakit.privacy.people import PeopleMatcher
from mediakit.privacy.regions import PLATE, TEXT, region_label
from mediakit.privacy.review import accepted_regions, mask_from_detection

KEEP_EXTS = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff"}


def detect_masks(rgb: np.ndarray, detector: Any, matcher: PeopleMatcher | None = None,
                 suspects: bool = False) -> list[dict[str, Any]]:
    """Mask items for every face and plate of an RGB picture (people lists applied); with
    ``suspects``, the detector's suspects too, as masks in state "suspect"."""
    masks = []
    found = detector.detect(rgb, suspects=True) if suspects else detector.detect(rgb)
    for i, det in enumerate(found, start=1):
        person = matcher.match(rgb, det.box) if matcher and det.label == "face" else None
        masks.append(mask_from_detection(det, i, person))
    return masks


def output_name(path: Path, suffix: str = "_anonymise") -> str:
    """``photo.jpg`` → ``photo_anonymise.jpg`` (HEIC and others become JPEG)."""
    ext = path.suffix.lower() if path.suffix.lower() in KEEP_EXTS else ".jpg"
    stem = display_path(path.stem).replace("\ufffd", "_")[:100]
    return f"{stem}{suffix}{ext}"


def anonymize_photo(path: str | Path, out: str | Path, *, detector: Any, style: MaskStyle,
                    matcher: PeopleMatcher | None = None, masks: list[dict] | None = None,
                    credit: str | None = None, copyright_: str | None = None) -> dict[str, Any]:
    """Mask and scrub one photo into ``out``; returns its report entry.

    ``masks`` (project mask items, already reviewed) replaces a fresh detection when given.
    """
    path, out = Path(path), Path(out)
    original, oriented = load_oriented_rgb(path)
    try:
        removed = sorted(k for k in identifying_metadata(path) if k != "icc_profile")
        rgb = np.array(oriented)
        if masks is None:
            masks = detect_masks(rgb, detector, matcher)
        masks = force_always_masked(masks)
        apply_masks(rgb, accepted_regions(masks), style)
        save_clean(Image.fromarray(rgb), out, icc_profile=original.info.get("icc_profile"),
                   credit=credit, copyright_=copyright_)
    finally:
        original.close()
    applied = [m for m in masks if m["state"] == "accepted"]
    return {
        "file": display_path(path),
        "output": display_path(out),
        "width": rgb.shape[1],
        "height": rgb.shape[0],
        "style": style.style,
        "style_note": STYLE_NOTES[style.style],
        "masks_applied": len(applied),
        "faces": sum(m["label"] == "face" for m in applied),
        "plates": sum(region_label(m) == PLATE for m in applied),
        "texts": sum(region_label(m) == TEXT for m in applied),
        "masks": masks,
        "people_kept": [m["person"] for m in masks
                        if m.get("person") and m["state"] != "accepted"],
        "metadata_removed": removed,
        "credit_written": bool(credit or copyright_),
    }


def force_always_masked(masks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A face matched to the *always mask* list is masked whatever its review state."""
    out = []
    for mask in masks:
        person = mask.get("person") or {}
        if person.get("list") == "always_mask" and mask["state"] != "accepted":
            mask = {**mask, "state": "accepted"}
        out.append(mask)
    return out


def anonymize_photos(paths: Iterable[str | Path], out_dir: str | Path, *, detector: Any,
                     style: MaskStyle, matcher: PeopleMatcher | None = None,
                     progress: Callable[[int, int, str], None] | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     **kwargs: Any) -> list[dict[str, Any]]:
    """Anonymise a batch; a bad file gets an ``error`` entry and the batch goes on."""
    paths = [Path(p) for p in paths]
    out_dir = Path(out_dir)
    results: list[dict[str, Any]] = []
    used: set[str] = set()
    for index, path in enumerate(paths):
        if cancelled and cancelled():
            raise Cancelled("anonymisation annulée")
        if progress:
            progress(index, len(paths), display_path(path.name))
        name = _unique(output_name(path), used)
        try:
            results.append(anonymize_photo(path, out_dir / name, detector=detector, style=style,
                                           matcher=matcher, **kwargs))
        except MediaError as exc:
            results.append({"file": display_path(path), "error": exc.reason})
    if progress:
        progress(len(paths), len(paths), "")
    return results


def _unique(name: str, used: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 2
    while candidate in used:
        candidate = f"{stem}_{n}{dot}{ext}"
        n += 1
    used.add(candidate)
    return candidate
