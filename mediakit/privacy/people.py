"""People lists of an operation, told apart with dlib's face encodings (face_recognition's
model files, used through dlib directly).

*always_mask*: e.g. enrolled protected agents, masked even if a mask was rejected by mistake.
*keep_visible*: e.g. the spokesperson who consented; their face is left visible but still
listed for review. Finding faces is the detector's job; the encodings only compare them.
"""

from __future__ import annotations

import functools
import importlib.util
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.atomic import atomic_path
from mediakit.errors import MediaError, ProjectError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.privacy.regions import BoxTuple

LISTS = ("always_mask", "keep_visible")
FACE_SIZE = 160  # px, side of the stored reference face crop
TOLERANCE = 0.5  # encoding distance; face_recognition's default 0.6 confuses strangers too often


def face_encoding(rgb: np.ndarray, box: BoxTuple) -> np.ndarray | None:
    """128-d encoding of the face in ``box`` (x, y, w, h) of ``rgb``, or None: dlib's face
    descriptor on its 5-point alignment, as ``face_recognition.face_encodings(model="small")``
    computes it."""
    import dlib

    x, y, w, h = box
    height, width = rgb.shape[:2]
    top, left = max(0, int(y)), max(0, int(x))
    bottom, right = min(height, int(y + h)), min(width, int(x + w))
    if bottom - top < 12 or right - left < 12:
        return None  # too small to tell anyone apart
    landmarks, encoder = _models()
    image = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    shape = landmarks(image, dlib.rectangle(left, top, right, bottom))
    return np.array(encoder.compute_face_descriptor(image, shape, 1))


@functools.lru_cache(maxsize=1)
def _models() -> tuple:
    """dlib's 5-point landmark model and face encoder, from the face_recognition_models
    package (its files are located without importing it: its __init__ needs pkg_resources)."""
    import dlib

    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise ProjectError("modèles de reconnaissance des visages absents "
                           "(paquet face_recognition_models) : réinstallez mediakit")
    models = Path(next(iter(spec.submodule_search_locations))) / "models"
    return (dlib.shape_predictor(str(models / "shape_predictor_5_face_landmarks.dat")),
            dlib.face_recognition_model_v1(str(models / "dlib_face_recognition_resnet_model_v1.dat")))


@dataclass
class References:
    """What reference photos give: encodings, the photos used, a crop of the first face."""

    encodings: list[list[float]]
    photos: list[str]
    face: Image.Image


def encode_references(photos: Iterable[str | Path]) -> References:
    """Encode the largest face of each reference photo (slow: run it off the UI thread)."""
    from mediakit.media.images import load_oriented_rgb
    from mediakit.privacy.detector import Detector

    detector = Detector(plates=False)
    encodings: list[list[float]] = []
    used: list[str] = []
    face: Image.Image | None = None
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
        if face is None:
            face = _square_crop(img, largest.mask_box or largest.box)
    if face is None:
        raise ValueError("aucune photo de référence")
    return References(encodings, used, face)


def _square_crop(img: Image.Image, box: BoxTuple) -> Image.Image:
    """The square around ``box`` (clipped to the image), reduced to FACE_SIZE."""
    x, y, w, h = box
    side = max(w, h)
    cx, cy = x + w / 2, y + h / 2
    left, top = max(0, round(cx - side / 2)), max(0, round(cy - side / 2))
    right, bottom = min(img.width, round(cx + side / 2)), min(img.height, round(cy + side / 2))
    crop = img.crop((left, top, right, bottom)).convert("RGB")
    crop.thumbnail((FACE_SIZE, FACE_SIZE), Image.Resampling.LANCZOS)
    return crop


def add_person(op: Operation, name: str, list_name: str, refs: References) -> dict:
    """Store an encoded person in a list (one undo step); the face crop is kept in
    ``people/`` of the operation so the list shows it even if the photos move."""
    _check_list(list_name)
    if not name.strip():
        raise ValueError("nom de la personne requis")
    person_id = uuid.uuid4().hex[:8]
    face = op.people_dir / f"{person_id}.jpg"
    with atomic_path(face) as tmp:
        refs.face.save(tmp, "JPEG", quality=85)
    person = {"id": person_id, "name": name.strip(), "encodings": refs.encodings,
              "photos": refs.photos, "face": face.relative_to(op.root).as_posix(),
              "added": now_iso()}
    with op.doc.transaction(f"ajouter {person['name']} ({list_name})"):
        op.doc.append(("people", list_name), person)
        audit.record(op.root, "person_added", person=person_id, name=person["name"],
                     old=None, new=list_name, photos=len(refs.photos))
    return person


def enroll(op: Operation, name: str, list_name: str, photos: Iterable[str | Path]) -> dict:
    """Add a person to a list from reference photos (the largest face of each is used)."""
    _check_list(list_name)
    return add_person(op, name, list_name, encode_references(photos))


def find(op: Operation, ref: str) -> tuple[str, int, dict]:
    """``(list, index, person)`` of the person whose id, or else unique name, is ``ref``."""
    found = [(list_name, i, person) for list_name in LISTS
             for i, person in enumerate(op.doc.get(("people", list_name), []))]
    for how in ("id", "name"):
        matches = [f for f in found if f[2].get(how) == ref]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ProjectError(f"{ref}: plusieurs personnes portent ce nom, donnez l'identifiant")
    raise ProjectError(f"{ref}: personne inconnue dans les listes de l'opération")


def remove(op: Operation, ref: str) -> dict:
    """Take a person (id or unique name) off their list, as one undoable edit.

    The face crop stays in ``people/`` so that undo brings the person back whole.
    """
    with op.doc.transaction("retirer une personne") as command:  # found inside it
        list_name, index, person = find(op, ref)
        command.label = f"retirer {person['name']} ({list_name})"
        op.doc.delete(("people", list_name, index))
        audit.record(op.root, "person_removed", person=person["id"], name=person["name"],
                     old=list_name, new=None)
    return person


def move(op: Operation, ref: str, to_list: str | None = None) -> str:
    """Move a person to ``to_list`` (default: the other list) in one undo step; returns the
    list the person is now on."""
    with op.doc.transaction("déplacer une personne") as command:  # found inside it
        list_name, index, person = find(op, ref)
        target = to_list or next(n for n in LISTS if n != list_name)
        _check_list(target)
        command.label = f"déplacer {person['name']} vers {target}"
        if target != list_name:
            op.doc.delete(("people", list_name, index))
            op.doc.append(("people", target), person)
            audit.record(op.root, "person_moved", person=person["id"], name=person["name"],
                         old=list_name, new=target)
    return target


def face_path(op: Operation, person: dict) -> Path | None:
    """The stored face crop of ``person``, if it has one on disk."""
    path = op.root / person["face"] if person.get("face") else None
    return path if path is not None and path.is_file() else None


def _check_list(list_name: str) -> None:
    if list_name not in LISTS:
        raise ValueError(f"liste inconnue : {list_name} (choix : {', '.join(LISTS)})")


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
