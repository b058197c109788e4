"""People lists of an operation, told apart with face_recognition encodings.

*always_mask*: e.g. enrolled protected agents, masked even if a mask was rejected by mistake.
*keep_visible*: e.g. the spokesperson who consented; their face is left visible but still
listed for review. Finding faces is the detector's job; face_recognition only compares them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.errors import MediaError
from mediakit.library.project import Operation, now_iso
from mediakit.privacy.regions import BoxTuple

LISTS = ("always_mask", "keep_visible")
TOLERANCE = 0.5  # face_recognition distance; its default 0.6 confuses strangers too often


def face_encoding(rgb: np.ndarray, box: BoxTuple) -> np.ndarray | None:
    """128-d encoding of the face in ``box`` (x, y, w, h) of ``rgb``, or None."""
    import face_recognition

    x, y, w, h = box
    height, width = rgb.shape[:2]
    top, left = max(0, int(y)), max(0, int(x))
    bottom, right = min(height, int(y + h)), min(width, int(x + w))
    if bottom - top < 12 or right - left < 12:
        return None  # too small to tell anyone apart
    enc = face_recognition.face_encodings(np.ascontiguousarray(rgb),
                                          known_face_locations=[(top, right, bottom, left)],
                                          num_jitters=1, model="small")
    return enc[0] if enc else None


def enroll(op: Operation, name: str, list_name: str, photos: Iterable[str | Path]) -> dict:
    """Add a person to a list from reference photos (the largest face of each is used)."""
    from mediakit.media.images import load_oriented_rgb
    from mediakit.privacy.detector import Detector

    if list_name not in LISTS:
        raise ValueError(f"liste inconnue : {list_name} (choix : {', '.join(LISTS)})")
    detector = Detector(plates=False)
    encodings, used = [], []
    for photo in photos:
        _, img = load_oriented_rgb(photo)
        rgb = np.asarray(img)
        faces = [d for d in detector.detect(rgb) if d.label == "face"]
        if not faces:
            raise MediaError(photo, "aucun visage trouvé sur la photo de référence")
        largest = max(faces, key=lambda d: d.box[2] * d.box[3])
        enc = face_encoding(rgb, largest.box)
        if enc is None:
            raise MediaError(photo, "visage trop petit pour être reconnu")
        encodings.append([round(float(v), 6) for v in enc])
        used.append(str(photo))
    person = {"id": uuid.uuid4().hex[:8], "name": name, "encodings": encodings,
              "photos": used, "added": now_iso()}
    op.doc.append(("people", list_name), person, label=f"ajouter {name} ({list_name})")
    return person


class PeopleMatcher:
    """Matches detected faces against the operation's people lists."""

    def __init__(self, people: dict[str, list[dict[str, Any]]]) -> None:
        self.entries: list[tuple[str, dict, np.ndarray]] = []
        for list_name in LISTS:
            for person in people.get(list_name, []):
                for enc in person.get("encodings", []):
                    self.entries.append((list_name, person, np.asarray(enc, dtype=np.float64)))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(self, rgb: np.ndarray, box: BoxTuple) -> dict | None:
        """``{"name", "id", "list", "distance"}`` of the closest listed person, or None.

        When both lists match, *always_mask* wins (masking is the safe side).
        """
        if not self.entries:
            return None
        enc = face_encoding(rgb, box)
        if enc is None:
            return None
        best: dict | None = None
        for list_name, person, ref in self.entries:
            dist = float(np.linalg.norm(ref - enc))
            if dist > TOLERANCE:
                continue
            cand = {"name": person["name"], "id": person["id"], "list": list_name,
                    "distance": round(dist, 3)}
            if best is None or (list_name == "always_mask" and best["list"] != "always_mask") \
                    or (list_name == best["list"] and dist < best["distance"]):
                best = cand
        return best
