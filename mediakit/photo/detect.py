"""``mediakit detect`` for photos: the regions that would be masked, in the shared format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.errors import display_path
from mediakit.media.images import load_oriented_rgb
from mediakit.media.probe import TAG_ORIENTATION
from mediakit.photo.anonymize import detect_masks
from mediakit.photo.orientation import displayed_to_stored


def detect_file(path: Path, detector: Any, suspects: bool = False) -> dict[str, Any]:
    """``{"file", "detections": [{"label", "box", "score"}]}`` with boxes in the stored pixel
    frame of the file (the masks themselves are computed on the displayed picture); with
    ``suspects``, the suspects too, each with ``"suspect": true``."""
    original, oriented = load_oriented_rgb(path)
    try:
        return detect_decoded(path, original, oriented, detector, suspects)
    finally:
        original.close()


def detect_decoded(path: Path, original: Image.Image, oriented: Image.Image, detector: Any,
                   suspects: bool = False) -> dict[str, Any]:
    """:func:`detect_file` on a photo already decoded (``load_oriented_rgb``)."""
    orientation = int(original.getexif().get(TAG_ORIENTATION, 1) or 1)
    stored_w, stored_h = original.size
    masks = detect_masks(np.asarray(oriented), detector, suspects=suspects)
    detections = []
    for mask in masks:
        suspect = mask["state"] == "suspect"
        if mask["state"] != "accepted" and not (suspects and suspect):
            continue
        box = displayed_to_stored(tuple(mask["region"]), orientation, stored_w, stored_h)
        detections.append({"label": mask["label"], "box": [round(v, 1) for v in box],
                           "score": mask["score"], **({"suspect": True} if suspect else {}),
                           **({"reads_as": mask["reads_as"]} if "reads_as" in mask else {})})
    return {"file": display_path(path.name), "detections": detections}
