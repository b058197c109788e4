"""Anonymisation of an operation's photos, with masks stored as reviewable project data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.errors import MediaError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.media.images import load_oriented_rgb
from mediakit.media.kinds import PHOTO
from mediakit.photo.anonymize import anonymize_photo, detect_masks, output_name
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.people import PeopleMatcher
from mediakit.privacy.review import store_detections

DETECTOR_NAME = "mediakit-photo"


def matcher_for(op: Operation) -> PeopleMatcher:
    return PeopleMatcher(op.doc.get(("people",), {}))


def detect_item(op: Operation, sha: str, detector: Any,
                matcher: PeopleMatcher | None = None, *,
                suspects: bool = True,
                loaded: tuple[Image.Image, Image.Image] | None = None) -> list[dict[str, Any]]:
    """Run detection on a photo item and store the proposed masks (manual ones kept).

    With ``suspects`` (the product's default) the detector's uncertain regions are stored
    too, as masks in state "suspect" ("à vérifier"): not masked until a person accepts
    them, and the item cannot be marked reviewed while one is undecided. ``loaded``: the
    photo already decoded (``load_oriented_rgb``, see :func:`mediakit.photo.batch.decode_ahead`)."""
    _, img = loaded or load_oriented_rgb(op.original_path(sha))
    masks = detect_masks(np.asarray(img), detector, matcher or matcher_for(op),
                         suspects=suspects)
    store_detections(op, sha, masks, DETECTOR_NAME)
    return masks


def anonymize_operation(op: Operation, out_dir: Path, *, detector: Any, style: MaskStyle,
                        progress: Callable[[int, int, str], None] | None = None,
                        shas: list[str] | None = None) -> list[dict[str, Any]]:
    """Anonymise the operation's photos (``shas``, default: all) into ``out_dir`` using
    their stored masks (detected first where none exist: only for items that went through
    the review gate by a logged override), and record the export on each item."""
    matcher = matcher_for(op)
    credit = op.doc.get(("settings", "credit"))
    copyright_ = op.doc.get(("settings", "copyright"))
    if shas is None:
        shas = [s for s, it in op.items.items() if it["kind"] == PHOTO]
    results = []
    for index, sha in enumerate(shas):
        item = op.items[sha]
        if progress:
            progress(index, len(shas), item["name"])
        try:
            if "masks" not in item:
                detect_item(op, sha, detector, matcher)
            out = out_dir / output_name(Path(item["name"]))
            result = anonymize_photo(op.original_path(sha), out, detector=detector,
                                     style=style, matcher=matcher, masks=item["masks"],
                                     credit=credit, copyright_=copyright_)
        except MediaError as exc:
            results.append({"file": item["name"], "error": exc.reason})
            continue
        result["file"] = item["name"]
        result["item"] = sha
        result["masks_reviewed"] = bool(item.get("masks_reviewed"))
        with op.doc.transaction(f"anonymiser {item['name']}"):
            op.doc.append(("items", sha, "exports"),
                          {"path": str(out), "date": now_iso(), "kind": "anonymized",
                           "masks_applied": result["masks_applied"],
                           "masks_reviewed": result["masks_reviewed"]})
            audit.record(op.root, "anonymize", item=sha, output=out.name,
                         masks_applied=result["masks_applied"],
                         reviewed=result["masks_reviewed"])
        results.append(result)
    op.save()
    if progress:
        progress(len(shas), len(shas), "")
    return results
