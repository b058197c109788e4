"""Licence-plate detection from PP-OCR text detection (the ONNX models shipped in
``rapidocr``), run with onnxruntime directly.

Text regions are found with the DB text detector at one or more scales, merged into
single text lines; an upscaled pass for small dashcam plates can be ``focused`` on the
regions where the previous pass saw small or weak text blobs (a few % of a dashcam
frame, ~2.5x faster than upscaling the whole image, with no recall lost on the
benchmark sets). Lines are kept as plate candidates when their shape fits a one-row
plate (text line 1.6-8:1). Where the recogniser can read the text, plate formats
(French SIV/FNI and other European patterns) raise the score and clearly non-plate text (long words,
dates, clock times) is dropped; an unreadable plate-shaped box is kept, at a lower
score, because missing a plate is worse than masking a sign.

In photos a "second look" runs the detector again on a padded crop around each large
unreadable line and each mid-sized text region too square to be a plate: on a whole
frame the model's global pooling damps small local responses, so a night car rear can
come out as one big blob in which the plate is only found once cropped. Text regions
too square for a one-row plate (2:1 plates, plates seen at an angle) are kept when they
read as a plate format.

Plates seen at an angle are also proposed as bright quadrilaterals (:func:`plate_quad`)
and read on a deskewed crop (:func:`deskew`); they are kept only where that reads as
plate text, the axis-aligned hull of the quadrilateral being the box.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from mediakit.privacy.faces import _iou_matrix, even_tiles, session_options, textured_tiles, tiles
from mediakit.privacy.regions import PLATE, Detection

if TYPE_CHECKING:
    import onnxruntime

SOURCE = "ppocr"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
STRIDE = 32
REC_HEIGHT = 48
REC_BATCH = 16  # text lines per recogniser run
READ_CONFIDENCE = 0.8  # mean CTC character confidence above which text counts as read
MIN_SCORE = 0.2
# Smallest text line (DB-unclipped box height, image pixels) worth masking in a photo. The
# unclip grows a line of aspect ~4:1 to ~2.3x its glyph height, so 10 px is ~4 px glyphs,
# on a plate ~6 px tall: no one can read a character that small (5-7 px are needed), so
# masking it protects nothing. Plates of 12 px give ~20 px lines: a 2x margin.
LEGIBLE_TEXT_HEIGHT = 10.0
BRIGHT_MIN_CHARS = 3  # characters read in a bright rectangle to keep it (lamps read 0-2)
PLATE_TEXT_SCORE = 0.75  # text_score of text read as a plate (letters and digits, or a format)
_NON_LATIN = re.compile(r"[^\x00-\u024f]")

# --- plate text -----------------------------------------------------------------------

_CONFUSABLE_TO_LETTER = str.maketrans("0185246", "OIBSZGG")
_CONFUSABLE_TO_DIGIT = str.maketrans("OQDIL|BSZG", "0001118526")

PLATE_PATTERNS: dict[str, re.Pattern[str]] = {
    "fr_siv": re.compile(r"^[A-Z]{2}\d{3}[A-Z]{2}$"),  # AB-123-CD (FR, IT too)
    "fr_fni": re.compile(r"^\d{1,4}[A-Z]{1,3}(\d{2}|2A|2B|97\d)$"),  # 123 ABC 75
    "de": re.compile(r"^[A-Z]{1,3}[A-Z]{1,2}\d{1,4}[EH]?$"),  # M AB 1234
    "es": re.compile(r"^\d{4}[A-Z]{3}$"),  # 1234 BCD
    "ro": re.compile(r"^(B\d{2,3}|[A-Z]{2}\d{2})[A-Z]{3}$"),  # B 123 ABC, CJ 12 ABC
    "be": re.compile(r"^\d[A-Z]{3}\d{3}$"),  # 1-ABC-234
    "generic": re.compile(r"^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{4,8}$"),
}


def normalise_plate_text(text: str) -> str:
    """Upper-case alphanumerics only (separators, spaces and the EU band dropped)."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _siv_fix(text: str) -> str:
    """Read a 7-character string as SIV ``LLDDDLL``, fixing at most two digit/letter
    confusions (O/0, I/1, B/8...); returned unchanged otherwise."""
    if len(text) != 7:
        return text
    letters = (text[:2] + text[5:]).translate(_CONFUSABLE_TO_LETTER)
    digits = text[2:5].translate(_CONFUSABLE_TO_DIGIT)
    fixed = letters[:2] + digits + letters[2:]
    return fixed if sum(a != b for a, b in zip(text, fixed, strict=True)) <= 2 else text


def plate_format(text: str) -> str | None:
    """Name of the plate format matched by (normalised) ``text``, or None."""
    text = normalise_plate_text(text)
    if PLATE_PATTERNS["fr_siv"].match(_siv_fix(text)):
        return "fr_siv"
    return next((name for name, pattern in PLATE_PATTERNS.items() if pattern.match(text)), None)


def format_plate(text: str) -> str:
    """Canonical display of a plate (``AB-123-CD`` for SIV), else the normalised text."""
    norm = normalise_plate_text(text)
    fixed = _siv_fix(norm)
    if PLATE_PATTERNS["fr_siv"].match(fixed):
        return f"{fixed[:2]}-{fixed[2:5]}-{fixed[5:]}"
    return norm


def is_non_plate_text(text: str) -> bool:
    """True for clearly read text that cannot be a plate: dates, clock times, more than
    10 or fewer than 4 characters (brands), digits only, lower-case words, non-Latin text."""
    raw = text.strip()
    norm = normalise_plate_text(raw)
    if re.search(r"\d{1,2}[:/.]\d{2}[:/.]\d{2,4}|\d{4}[-/.]\d{2}[-/.]\d{2}", raw):
        return True
    if not 4 <= len(norm) <= 10 or norm.isdigit():
        return True
    return sum(c.islower() for c in raw) >= 2 or any(ord(c) > 0x24F for c in raw)


def reads_as(text: str, conf: float) -> str:
    """``"text"`` for a text line read clearly (``READ_CONFIDENCE``, 3+ letters or digits)
    that matches no plate format: a name card, a banner, a name tape, masked as text;
    ``"plate"`` otherwise (a plate format, or too little read to tell: an unreadable
    line may be a plate)."""
    if conf >= READ_CONFIDENCE and len(normalise_plate_text(text)) >= 3 \
            and plate_format(text) is None:
        return "text"
    return "plate"


def text_score(text: str, conf: float, det_score: float) -> float | None:
    """Plate score of a plate-shaped text box from what the recogniser read, or None to
    drop it: a known plate format scores >= 0.9, letters-and-digits 0.75, unreadable
    boxes keep 0.8 x their detector score, plate-less readable text is dropped or, for
    letters-only text (vanity plates exist), scored 0.3 x detector score; text read in
    another script than Latin is dropped."""
    norm = normalise_plate_text(text)
    if not norm and conf >= 0.3 and _NON_LATIN.search(text):
        return None  # read as CJK/other script: plates are Latin alphanumerics
    if conf < READ_CONFIDENCE or len(norm) < 3:
        return 0.8 * det_score
    fmt = plate_format(norm)
    if fmt is not None and fmt != "generic":
        return max(0.9, det_score)
    if fmt == "generic":
        return PLATE_TEXT_SCORE
    if is_non_plate_text(text):
        return None
    return 0.3 * det_score


# --- models ---------------------------------------------------------------------------

_lock = threading.Lock()
_sessions: dict[tuple[str, str], onnxruntime.InferenceSession] = {}


@dataclass(frozen=True)
class TextModel:
    """A PP-OCR text detection model: ``file`` in the ``models`` folder of ``package``."""

    package: str
    file: str


# Photos: PP-OCRv6 small, the best recall on small and night plates (photo profile on
# ro-dashcam: 0.95 of the plates; 0.86 with v4 in its place). Video: PP-OCRv4 mobile
# (rapidocr_onnxruntime 1.4), a third of v6's CPU time for the same recall with the
# video profile's single pass (0.855 both on ro-dashcam; 1.0 both on the plate pans).
DET_SMALL = TextModel("rapidocr", "PP-OCRv6_det_small.onnx")
DET_MOBILE = TextModel("rapidocr_onnxruntime", "ch_PP-OCRv4_det_infer.onnx")


def model_dir(package: str = "rapidocr") -> Path:
    """Folder of the ONNX models inside an installed rapidocr package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the '{package}' package (PP-OCR models) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def get_session(name: str, package: str = "rapidocr") -> onnxruntime.InferenceSession:
    """Process-wide onnxruntime session for one of the models of a rapidocr package."""
    with _lock:
        if (package, name) not in _sessions:
            import onnxruntime as ort

            _sessions[package, name] = ort.InferenceSession(
                str(model_dir(package) / name), session_options(),
                providers=["CPUExecutionProvider"])
        return _sessions[package, name]


# --- text detection -------------------------------------------------------------------


@dataclass(frozen=True)
class PlateLevel:
    """One detection pass: ``upscale`` of the image, its longest side capped at
    ``max_side``; run in tiles of ``tile`` px when larger. With ``focused``, the pass
    only looks around the small text blobs that the previous pass proposed (see
    :func:`small_text_regions`) instead of over the whole image. ``model``: the text
    detection model of the pass."""

    upscale: float
    max_side: int
    tile: int = 2048
    focused: bool = False
    model: TextModel = DET_SMALL


def text_probability(rgb: np.ndarray, model: TextModel = DET_SMALL) -> np.ndarray:
    """DB text probability map of ``rgb`` (same size as the image)."""
    h, w = rgb.shape[:2]
    ph, pw = -(-h // STRIDE) * STRIDE, -(-w // STRIDE) * STRIDE
    blob = np.zeros((1, 3, ph, pw), np.float32)
    # PaddleOCR models were trained on BGR images
    blob[0, :, :h, :w] = (rgb[..., ::-1].transpose(2, 0, 1).astype(np.float32) - 127.5) / 127.5
    sess = get_session(model.file, model.package)
    prob = sess.run(None, {sess.get_inputs()[0].name: blob})[0]
    return prob[0, 0, :h, :w]


def text_boxes(prob: np.ndarray, thresh: float = 0.3, box_thresh: float = 0.4,
               unclip: float = 1.6) -> np.ndarray:
    """Axis-aligned text boxes from a probability map: rows x0, y0, x1, y1, score.

    Each connected region above ``thresh`` is grown by DB's unclip distance
    (area * ratio / perimeter) and kept when its mean probability is ``box_thresh``+.
    """
    mask = cv2.dilate((prob > thresh).astype(np.uint8), np.ones((2, 2), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    rows = []
    for k in range(1, n):
        x, y, w, h, area = stats[k]
        if min(w, h) < 3:
            continue
        score = float(prob[y:y + h, x:x + w][labels[y:y + h, x:x + w] == k].mean())
        if score < box_thresh:
            continue
        d = w * h * unclip / (2 * (w + h))
        rows.append([x - d, y - d, x + w + d, y + h + d, score])
    return np.array(rows, np.float32).reshape(-1, 5)


def _pass_size(shape: tuple[int, ...], level: PlateLevel) -> tuple[int, int]:
    h, w = shape[:2]
    s = min(level.upscale, level.max_side / max(h, w))
    return max(STRIDE, round(w * s)), max(STRIDE, round(h * s))


def _resize(rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    if size == (rgb.shape[1], rgb.shape[0]):
        return rgb
    interp = cv2.INTER_AREA if size[0] < rgb.shape[1] else cv2.INTER_CUBIC
    return cv2.resize(rgb, size, interpolation=interp)


def small_text_blobs(prob: np.ndarray, thresh: float = 0.05, max_height: int = 24) -> np.ndarray:
    """Boxes (x0, y0, x1, y1) of weak or small text blobs of a probability map: regions
    above a low ``thresh`` (small plates often fire only weakly, without giving a box)
    at most ``max_height`` px high, i.e. text that a finer pass could resolve better."""
    mask = (prob > thresh).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    keep = stats[1:, 3] <= max_height
    x, y, w, h = (stats[1:, k][keep] for k in range(4))
    return np.stack([x, y, x + w, y + h], 1).astype(np.float32).reshape(-1, 4)


def small_text_regions(blobs: np.ndarray, width: int, height: int,
                       pad: int = 32) -> list[tuple[int, int, int, int]]:
    """Rectangles (x0, y0, x1, y1) covering the ``blobs`` with a context margin of at
    least ``pad`` px (two blob heights for taller ones); touching rectangles are merged."""
    mask = np.zeros((height, width), np.uint8)
    for x0, y0, x1, y1 in blobs.astype(int):
        m = max(pad, 2 * (y1 - y0))
        mask[max(0, y0 - m):y1 + m, max(0, x0 - m):x1 + m] = 1
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:]]


def _detect_scaled(img: np.ndarray, tile: int, model: TextModel,
                   **kw: float) -> tuple[np.ndarray, np.ndarray]:
    """Text boxes and small-text blobs of an (already scaled) image, in its frame."""
    found, blobs = [], []
    for x0, y0, x1, y1 in tiles(img.shape[1], img.shape[0], tile, 96):
        prob = text_probability(img[y0:y1, x0:x1], model)
        boxes = text_boxes(prob, **kw)
        small = small_text_blobs(prob)
        for b in (boxes, small):
            b[:, [0, 2]] += x0
            b[:, [1, 3]] += y0
        found.append(boxes)
        blobs.append(small)
    return np.concatenate(found), np.concatenate(blobs)


def detect_text_and_blobs(rgb: np.ndarray, level: PlateLevel,
                          regions: list[tuple[int, int, int, int]] | None = None,
                          **kw: float) -> tuple[np.ndarray, np.ndarray]:
    """Text boxes (x0, y0, x1, y1, score) and small-text blobs (x0, y0, x1, y1) of one
    pass, in the image's pixel frame; only inside ``regions`` (image frame) if given."""
    h, w = rgb.shape[:2]
    sw, sh = _pass_size(rgb.shape, level)
    fx, fy = sw / w, sh / h
    if regions is None:
        boxes, blobs = _detect_scaled(_resize(rgb, (sw, sh)), level.tile, level.model, **kw)
    else:
        found, small = [np.zeros((0, 5), np.float32)], [np.zeros((0, 4), np.float32)]
        for x0, y0, x1, y1 in regions:
            size = (max(1, round((x1 - x0) * fx)), max(1, round((y1 - y0) * fy)))
            b, s = _detect_scaled(_resize(rgb[y0:y1, x0:x1], size), level.tile,
                                  level.model, **kw)
            for arr in (b, s):
                arr[:, [0, 2]] += x0 * fx
                arr[:, [1, 3]] += y0 * fy
            found.append(b)
            small.append(s)
        boxes, blobs = np.concatenate(found), np.concatenate(small)
    boxes[:, [0, 2]] = np.clip(boxes[:, [0, 2]] / fx, 0, w)
    boxes[:, [1, 3]] = np.clip(boxes[:, [1, 3]] / fy, 0, h)
    blobs[:, [0, 2]] = np.clip(blobs[:, [0, 2]] / fx, 0, w)
    blobs[:, [1, 3]] = np.clip(blobs[:, [1, 3]] / fy, 0, h)
    return boxes, blobs


def merge_boxes(boxes: np.ndarray, iou_thr: float = 0.3) -> np.ndarray:
    """Merge boxes of several passes: overlapping boxes are replaced by their union (with
    the extra columns past the score of the best-scored one)."""
    boxes = boxes[np.argsort(-boxes[:, 4])]
    used = np.zeros(len(boxes), bool)
    ious = _iou_matrix(boxes[:, :4], boxes[:, :4])
    out = []
    for i in range(len(boxes)):
        if used[i]:
            continue
        group = np.nonzero(~used & (ious[i] >= iou_thr))[0]
        used[group] = True
        g = boxes[group]
        out.append([g[:, 0].min(), g[:, 1].min(), g[:, 2].max(), g[:, 3].max(), g[:, 4].max(),
                    *g[0, 5:]])
    return np.array(out, np.float32).reshape(-1, boxes.shape[1])


def join_rows(boxes: np.ndarray) -> np.ndarray:
    """Join text pieces of one line (``AB`` ``123`` ``CD`` split by dashes or the EU band)
    when they have similar heights, overlap vertically and the gap is under one height."""
    boxes = boxes[np.argsort(boxes[:, 0])].tolist()
    changed = True
    while changed:
        changed = False
        for i in range(len(boxes)):
            for j in range(len(boxes)):
                if i != j and _same_line(boxes[i], boxes[j]):
                    a, b = boxes[i], boxes[j]
                    boxes[i] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]),
                                max(a[3], b[3]), max(a[4], b[4])]
                    del boxes[j]
                    changed = True
                    break
            if changed:
                break
    return np.array(boxes, np.float32).reshape(-1, 5)


def _same_line(a: list[float], b: list[float]) -> bool:
    ha, hb = a[3] - a[1], b[3] - b[1]
    if max(ha, hb) > 1.5 * min(ha, hb):
        return False
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    gap = max(a[0], b[0]) - min(a[2], b[2])
    return overlap > 0.6 * min(ha, hb) and gap < 0.8 * min(ha, hb) and (
        max(a[2], b[2]) - min(a[0], b[0])) < 8 * max(ha, hb)


def plate_shaped(box: np.ndarray, min_height: float = 4.0) -> bool:
    """Aspect of a (DB-unclipped) text box that can hold a one-row plate: 1.6-8:1.

    Two-row (moto, square) plates are not kept: as square text boxes they could not be
    told from signage cheaply (tried: 3 false alarms per dashcam frame)."""
    w, h = box[2] - box[0], box[3] - box[1]
    return h >= min_height and 1.6 <= w / h <= 8.0


# --- plate rectangles -----------------------------------------------------------------


@dataclass(frozen=True)
class BrightPlates:
    """Plate proposals from the plate itself rather than from its text: a bright (white or
    yellow, retro-reflective at night) rectangle of plate aspect holding dark glyphs.

    Night dashcam frames are where the text detector fails most: the whole lit car rear
    fires as one text blob too square to be a plate, while the plate stays the brightest
    rectangle on it. At each scale of ``scales`` (x0.5 each, while a rectangle of
    ``min_height`` is at most 1/8 of the short side), dark glyph strokes are closed over (5 px), the
    image is thresholded ``contrast`` grey levels above its local mean (61 px window), and
    components ``min_height``-``max_height`` px tall (at that scale) of aspect
    ``min_aspect``-``max_aspect`` filling >= ``fill`` of their box are kept when their
    core holds dark glyphs (:func:`_holds_glyphs`), ``glyph_contrast`` grey levels darker.
    Unreadable text lines ``blob_height`` px tall or more holding such rectangles are
    replaced by them (see :meth:`PlateDetector._bright_plates`). Rectangles whose glyphs
    are only ``faint_contrast`` to ``glyph_contrast`` grey levels darker (haze, blur,
    night glare) score ``faint_score``: the glyph test alone is too weak there, so they
    are kept only where the recogniser reads plate text in them. With ``skewed``, a
    component that fails the axis-aligned test but whose convex hull is a quadrilateral
    (a plate seen at an angle, :func:`plate_quad`) of aspect ``skew_aspect`` or more
    (a 2:1 plate foreshortened by the angle of view comes close to 1:1) has its glyphs
    tested on the deskewed full-scale plate; it is read deskewed and kept only where it
    reads as plate text.
    """

    min_height: int = 10
    max_height: int = 30
    min_aspect: float = 2.2
    max_aspect: float = 7.0
    fill: float = 0.75
    contrast: int = 12
    glyphs: tuple[float, float] = (0.1, 0.7)
    min_strokes: int = 3
    glyph_contrast: float = 20.0
    faint_contrast: float = 10.0
    score: float = 0.5
    faint_score: float = 0.3
    blob_height: float = 40.0
    skewed: bool = True
    skew_aspect: float = 0.9
    # tallest rectangle looked for (image px): the scales of a 720p or 1080p frame (1x to
    # 1/16) on a camera photo too, instead of ever coarser ones (a 12 MP photo went to
    # 1/64: rectangles up to 1900 px, white shirts and walls read as plates); a plate
    # taller than that is large in the text detector's overview pass
    max_plate: int = 480


def bright_plate_boxes(rgb: np.ndarray, cfg: BrightPlates) -> np.ndarray:
    """Bright plate-shaped rectangles holding dark glyphs (see :class:`BrightPlates`):
    rows x0, y0, x1, y1, score (``score``, or ``faint_score`` for faint glyphs), then the
    plate's corners (tl, tr, br, bl; x, y each) for a skewed plate found as a
    quadrilateral (:func:`plate_quad`), NaN for an axis-aligned one, in the image's pixel
    frame. Scales run while a rectangle of ``min_height`` is at most 1/4 of the image's
    short side and one of ``max_height`` at most ``max_plate`` px."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    out, s = [], 1.0
    kernel = np.ones((5, 5), np.uint8)
    no_corners = [np.nan] * 8
    while cfg.min_height / s <= min(gray.shape) / 4 and cfg.max_height / s <= cfg.max_plate:
        img = gray if s == 1.0 else cv2.resize(gray, None, fx=s, fy=s,
                                                interpolation=cv2.INTER_AREA)
        closed = cv2.morphologyEx(img, cv2.MORPH_CLOSE, kernel)
        mask = cv2.adaptiveThreshold(closed, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                     cv2.THRESH_BINARY, 61, -cfg.contrast)
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
        for k, (x, y, w, h, area) in enumerate(stats[1:], 1):
            if cfg.min_height <= h <= cfg.max_height and cfg.min_aspect <= w / h \
                    <= cfg.max_aspect and area >= cfg.fill * w * h:
                patch, corners = img[y:y + h, x:x + w], no_corners
            elif cfg.skewed and cfg.min_height <= min(w, h) and max(w, h) <= 2.5 * \
                    cfg.max_height * cfg.max_aspect and area >= cfg.fill * w * h / 3:
                quad = plate_quad(labels[y:y + h, x:x + w] == k, cfg)
                if quad is None:
                    continue
                patch = deskew(gray, (quad + (x, y)) / s)  # glyphs at full scale
                corners = ((quad + (x, y)) / s).ravel().tolist()
            else:
                continue
            contrast = _glyph_contrast(patch, cfg)
            if contrast >= cfg.faint_contrast:
                score = cfg.score if contrast >= cfg.glyph_contrast else cfg.faint_score
                out.append([x / s, y / s, (x + w) / s, (y + h) / s, score, *corners])
        s /= 2
    return np.array(out, np.float32).reshape(-1, 13)


def plate_quad(component: np.ndarray, cfg: BrightPlates) -> np.ndarray | None:
    """Corners (tl, tr, br, bl; float32, component frame) of a bright component that is
    a plate seen at an angle: its convex hull simplifies to four corners, it fills
    ``fill`` of that quadrilateral, and the deskewed plate (mean opposite sides) is
    ``min_height``-``max_height`` px tall with an aspect of ``skew_aspect``-``max_aspect``
    (down to ~2:1 plates foreshortened by the angle). None otherwise."""
    contours, _ = cv2.findContours(component.astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    quad = cv2.approxPolyDP(hull, 0.06 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(quad) != 4 or cv2.contourArea(quad) <= 0:
        return None
    quad = _order_corners(quad.astype(np.float32))
    width, height = _quad_size(quad)
    if not (cfg.min_height <= height <= cfg.max_height
            and cfg.skew_aspect <= width / height <= cfg.max_aspect
            and component.sum() >= cfg.fill * cv2.contourArea(quad)):
        return None
    return quad


def _order_corners(pts: np.ndarray) -> np.ndarray:
    """Four points ordered top-left, top-right, bottom-right, bottom-left."""
    by_y = pts[np.argsort(pts[:, 1])]
    top, bottom = by_y[:2][np.argsort(by_y[:2, 0])], by_y[2:][np.argsort(by_y[2:, 0])]
    return np.array([top[0], top[1], bottom[1], bottom[0]], np.float32)


def _quad_size(quad: np.ndarray) -> tuple[float, float]:
    """Width and height of a quadrilateral (tl, tr, br, bl): means of opposite sides."""
    side = np.linalg.norm(quad - np.roll(quad, -1, 0), axis=1)
    return float(side[0] + side[2]) / 2, max(1e-6, float(side[1] + side[3]) / 2)


def deskew(img: np.ndarray, quad: np.ndarray, height: int | None = None,
           min_aspect: float = 0.0) -> np.ndarray:
    """The plate inside ``quad`` (tl, tr, br, bl) warped to an upright rectangle of its
    mean side lengths, or ``height`` px tall; stretched to ``min_aspect`` at least (a
    plate foreshortened by the angle of view)."""
    width, h = _quad_size(quad)
    scale = 1.0 if height is None else height / h
    width = max(width, min_aspect * h)
    size = (max(2, round(width * scale)), max(2, round(h * scale)))
    # warp from the quadrilateral's neighbourhood only: ``img`` may be a strided view of
    # a 12 MP photo (RGB -> BGR), which OpenCV would otherwise copy whole at each call
    # (432 plate candidates of a crowd photo: 6.8 s)
    ih, iw = img.shape[:2]
    x0, y0 = (max(0, int(np.floor(v)) - 4) for v in quad.min(0))
    x1, y1 = min(iw, int(np.ceil(quad[:, 0].max())) + 5), min(ih, int(np.ceil(quad[:, 1].max())) + 5)
    if x1 - x0 < 2 or y1 - y0 < 2:
        x0, y0, x1, y1 = 0, 0, iw, ih
    local = np.ascontiguousarray(img[y0:y1, x0:x1])
    dst = np.array([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]], np.float32)
    warp = cv2.getPerspectiveTransform((quad - (x0, y0)).astype(np.float32), dst)
    return cv2.warpPerspective(local, warp, size, flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def _holds_glyphs(patch: np.ndarray, cfg: BrightPlates) -> bool:
    """Whether the core of a bright grey ``patch`` holds dark glyphs at least
    ``glyph_contrast`` grey levels darker than its ground (see :func:`_glyph_contrast`)."""
    return _glyph_contrast(patch, cfg) >= cfg.glyph_contrast


def _core_split(patch: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """A grey ``patch``'s core (its middle half in height, 80 % in width: a plate's border
    and surroundings left out) and its dark side (Otsu); None when too small."""
    h, w = patch.shape
    core = patch[h // 4:h - h // 4, w // 10:w - w // 10]
    if core.size < 16:
        return None
    _, bright = cv2.threshold(core, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return core, bright == 0


def _glyph_contrast(patch: np.ndarray, cfg: BrightPlates) -> float:
    """Grey levels between the bright ground and the dark glyphs of a grey ``patch``'s
    core (:func:`_core_split`); 0 unless a ``glyphs`` share of it is dark strokes, crossed
    ``min_strokes`` times by one of its three middle rows."""
    split = _core_split(patch)
    if split is None:
        return 0.0
    core, dark = split
    if not cfg.glyphs[0] <= dark.mean() <= cfg.glyphs[1]:
        return 0.0
    c = dark.shape[0] // 2
    rows = dark[max(0, c - 1):c + 2]
    strokes = rows[:, 0].astype(int) + np.sum(rows[:, 1:] & ~rows[:, :-1], axis=1)
    if int(strokes.max()) < cfg.min_strokes:
        return 0.0
    return float(core[~dark].mean()) - float(core[dark].mean())


@dataclass(frozen=True)
class PlateFilter:
    """Drops text lines that a plate is unlikely to be, from the line's own pixels.

    - A confidently read letters-only word (``min_letters``+ letters, no digit) whose core
      (as in :func:`_holds_glyphs`) is more than ``max_dark_share`` dark: light letters on a
      dark ground, i.e. a car badge or lettering on the body. EU plates have dark glyphs
      on a white or yellow ground, and nearly all hold digits; a letters-only (vanity)
      plate with dark glyphs is kept.
    - An unreadable line under ``small_height`` px (taller ones are left to the second
      look and to the bright rectangles) with a detector score under ``min_unread_score``
      and no dark glyphs on a bright ground (:func:`_holds_glyphs`): scenery and noise.
    """

    min_letters: int = 4
    max_dark_share: float = 0.65
    small_height: float = 40.0
    min_unread_score: float = 0.45


def _dark_share(patch: np.ndarray) -> float:
    """Share of a grey ``patch``'s core (:func:`_core_split`) on its dark side."""
    split = _core_split(patch)
    return 0.0 if split is None else float(split[1].mean())


def _letters_only(text: str, conf: float, min_letters: int) -> bool:
    norm = normalise_plate_text(text)
    return conf >= READ_CONFIDENCE and len(norm) >= min_letters and norm.isalpha()


def _unreadable(text: str, conf: float) -> bool:
    return conf < READ_CONFIDENCE or len(normalise_plate_text(text)) < 3


def _patch(gray: np.ndarray, box: np.ndarray) -> np.ndarray:
    x0, y0, x1, y1 = (round(float(v)) for v in box[:4])
    return gray[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]


def plausible_plate(gray: np.ndarray, box: np.ndarray, text: str, conf: float,
                    rule: PlateFilter, glyphs: BrightPlates) -> bool:
    """Whether a scored text line (x0, y0, x1, y1, detector score) passes ``rule``
    (:class:`PlateFilter`) on the grey image; ``glyphs`` sets the glyph test."""
    if _letters_only(text, conf, rule.min_letters):
        return _dark_share(_patch(gray, box)) <= rule.max_dark_share
    if _unreadable(text, conf) and box[3] - box[1] < rule.small_height \
            and box[4] < rule.min_unread_score:
        return _holds_glyphs(_patch(gray, box), glyphs)
    return True


# --- text recognition -----------------------------------------------------------------

_charset: list[str] | None = None


def charset() -> list[str]:
    """CTC alphabet of the recogniser (blank first, space last, as PaddleOCR)."""
    global _charset
    if _charset is None:
        meta = get_session(REC_MODEL).get_modelmeta().custom_metadata_map
        _charset = ["", *meta["character"].splitlines(), " "]
    return _charset


def read_text(rgb: np.ndarray, boxes: np.ndarray, max_width: int = 320) -> list[tuple[str, float]]:
    """Recognise the text in each box: (text, mean character confidence). Rows with
    plate corners (columns 5-12, as :func:`bright_plate_boxes`) are read deskewed."""
    if not len(boxes):
        return []
    crops = []
    for row in boxes:
        x0, y0, x1, y1 = row[:4].astype(int)
        if len(row) >= 13 and not np.isnan(row[5]):
            crop = deskew(rgb[..., ::-1], row[5:13].reshape(4, 2), REC_HEIGHT, 2.0)
            crop = crop[:, :max_width]
            crops.append(crop)
            continue
        crop = rgb[max(y0, 0):y1, max(x0, 0):x1, ::-1]
        w = min(max_width, max(8, round(crop.shape[1] * REC_HEIGHT / max(crop.shape[0], 1))))
        crops.append(cv2.resize(crop, (w, REC_HEIGHT), interpolation=cv2.INTER_CUBIC))
    width = max(c.shape[1] for c in crops)
    sess = get_session(REC_MODEL)
    out = []
    # batches of REC_BATCH, all padded to the same width (the same reads as one batch):
    # 119 candidates of a 12 MP photo 5.0 s in one batch, 2.0 s in batches of 16
    for k in range(0, len(crops), REC_BATCH):
        part = crops[k:k + REC_BATCH]
        blob = np.zeros((len(part), 3, REC_HEIGHT, width), np.float32)
        for j, c in enumerate(part):
            blob[j, :, :, :c.shape[1]] = (c.transpose(2, 0, 1).astype(np.float32) - 127.5) / 127.5
        out += [_ctc_decode(p) for p in sess.run(None, {sess.get_inputs()[0].name: blob})[0]]
    return out


def _ctc_decode(prob: np.ndarray) -> tuple[str, float]:
    idx = prob.argmax(1)
    keep = (idx != 0) & np.r_[True, idx[1:] != idx[:-1]]
    chars = charset()
    text = "".join(chars[i] for i in idx[keep] if i < len(chars))
    conf = float(prob.max(1)[keep].mean()) if keep.any() else 0.0
    return text, conf


@dataclass(frozen=True)
class SecondLook:
    """Which regions get a second look on a crop, and how.

    ``min_unread_height``: unreadable plate-shaped lines at least this tall (image px;
    ~2x a dashcam plate's line) are looked into, and replaced by the lines found inside
    when one of these reads as plate text (kept otherwise: recall first). Text regions
    dropped as not plate-shaped (too square) are looked into when at least
    ``min_region_height`` px tall and at most ``max_region_area`` of the image (larger
    ones are scenery). The crop has a margin of ``pad`` x its longest side (at least
    ``min_pad`` px), is upscaled ``upscale`` x with its longest side capped at
    ``max_side`` px (a 1280x720 frame's pass is ~940 kpx; one crop is at most 260 kpx).
    Before that, the dropped regions of aspect ``read_min_aspect`` or more (too square for
    a one-row plate: 2:1 plates, plate lines seen at an angle) are read as they are, and
    kept where they read as a plate format.
    """

    min_unread_height: float = 40.0
    min_region_height: float = 24.0
    max_region_area: float = 0.05
    # ... of the image or of this many pixels at most (1600 x 1200): on a camera photo
    # the same regions in pixels as on a frame, not 10x larger scenery
    max_area_of: int = 1_920_000
    pad: float = 0.5
    min_pad: int = 32
    upscale: float = 1.6
    max_side: int = 512
    read_min_aspect: float = 1.0


def second_look_lines(rgb: np.ndarray, box: np.ndarray, look: SecondLook,
                      min_height: float, box_thresh: float = 0.3) -> np.ndarray:
    """Plate-shaped text lines (x0, y0, x1, y1, score) found by the text detector on a
    padded crop around ``box`` whose centres lie inside ``box``."""
    h, w = rgb.shape[:2]
    x0, y0, x1, y1 = (float(v) for v in box[:4])
    pad = max(look.min_pad, look.pad * max(x1 - x0, y1 - y0))
    cx0, cy0 = int(max(0, x0 - pad)), int(max(0, y0 - pad))
    cx1, cy1 = int(min(w, x1 + pad)), int(min(h, y1 + pad))
    if cx1 - cx0 < 8 or cy1 - cy0 < 8:
        return np.zeros((0, 5), np.float32)
    crop = rgb[cy0:cy1, cx0:cx1]
    s = min(look.upscale, look.max_side / max(crop.shape[:2]))
    size = (max(STRIDE, round(crop.shape[1] * s)), max(STRIDE, round(crop.shape[0] * s)))
    lines = text_boxes(text_probability(_resize(crop, size)), box_thresh=box_thresh)
    lines[:, [0, 2]] = lines[:, [0, 2]] * crop.shape[1] / size[0] + cx0
    lines[:, [1, 3]] = lines[:, [1, 3]] * crop.shape[0] / size[1] + cy0
    lines = join_rows(lines)
    if not len(lines):
        return lines
    lines = lines[[plate_shaped(b, min_height) for b in lines]].reshape(-1, 5)
    cx, cy = (lines[:, 0] + lines[:, 2]) / 2, (lines[:, 1] + lines[:, 3]) / 2
    return lines[(cx > x0) & (cx < x1) & (cy > y0) & (cy < y1)]


def _merge_quads(rects: np.ndarray) -> np.ndarray:
    """Bright rectangles (:func:`bright_plate_boxes`) of all scales merged (IoU >= 0.3):
    axis-aligned ones among themselves, then quadrilaterals that none of them overlaps."""
    skewed = ~np.isnan(rects[:, 5])
    axis, quads = merge_boxes(rects[~skewed], 0.3), merge_boxes(rects[skewed], 0.3)
    if len(axis) and len(quads):
        quads = quads[_iou_matrix(quads[:, :4], axis[:, :4]).max(1) < 0.3]
    return np.concatenate([axis, quads])


@dataclass(frozen=True)
class NativeText:
    """How a photo larger than the first level's ``max_side`` is searched (photo profile):
    as a mosaic of frames. Each tile of the photo that holds texture
    (:func:`~mediakit.privacy.faces.textured_tiles`, ``flat_std``), of at most ``tile``
    px (and the first level's cap) overlapping by ``overlap`` px, gets the small-image
    passes at native scale, so that a plate of a given size in pixels is looked at as in
    a dashcam frame: 1x, then 1.6x around its small text blobs, over the whole tile only
    when those regions would cover more than ``focus_area`` of it. A 1600 px tile holds
    many small images' worth of blobs, whose merged regions span most of it: the
    small-image rule (0.6) sent every tile of a crowd to the whole-tile 1.6x pass (WIDER
    12 MP collage: 39 Mpx of native text detection, 23.6 with 1.0). The first level, capped, runs once as an
    overview for the text lines at least ``big_text`` px tall (which the tiles could cut),
    kept where they read as plate text. Text seen at an angle, bright rectangles and the
    recogniser then work on the whole photo's candidates.

    Not used as a cue for the native passes: the text detector's probability on the
    1600 px overview (ro-dashcam collages: 31 of 145 plates never reach 0.02 there, 15 at
    half scale), nor the 1x pass's small blobs filtered by size (the plates that only
    the 1.6x pass finds show as 1-3 px specks at 1x, like a crowd's texture), nor tiles
    cut down to their textured part (no faster on a crowd; ro-dashcam collages lost 1
    more plate from the tiles' shifted edges)."""

    big_text: float = 96.0
    tile: int = 1600
    overlap: int = 96
    flat_std: float = 3.0
    focus_area: float = 1.0


class PlateDetector:
    """Plate candidates from PP-OCR text detection, filtered by shape and text.

    Scores come from :func:`text_score`; boxes scoring under ``MIN_SCORE`` are dropped.
    """

    def __init__(self, levels: tuple[PlateLevel, ...], box_thresh: float = 0.3,
                 read: bool = True, min_height: float = 4.0,
                 max_focus_area: float = 0.6, second_look: SecondLook | None = None,
                 bright: BrightPlates | None = None,
                 plate_filter: PlateFilter | None = None,
                 native: NativeText | None = None) -> None:
        self.levels = levels
        self.native = native
        self.last_stats: dict[str, float] = {}  # what the last big-photo search ran
        self.filter = plate_filter
        self.bright = bright
        self.second_look = second_look
        self.max_focus_area = max_focus_area
        self.box_thresh = box_thresh
        self.read = read
        self.min_height = min_height

    def candidates(self, rgb: np.ndarray) -> np.ndarray:
        """Plate-shaped text lines of all passes, merged: rows x0, y0, x1, y1, score.

        A ``focused`` level runs only on the regions around the small or weak text blobs
        of the previous pass (blob heights measured in that pass's pixels); the whole
        image when those regions would cover most of it anyway."""
        return self._candidates(rgb)[0]

    def _candidates(self, rgb: np.ndarray, tile: bool = False,
                    ) -> tuple[np.ndarray, np.ndarray]:
        """Plate-shaped lines (as :meth:`candidates`) and the text regions of all passes
        dropped as not plate-shaped (x0, y0, x1, y1, score); ``tile``: a native tile of a
        large photo (:class:`NativeText`), searched as a small image."""
        h, w = rgb.shape[:2]
        if self.native is not None and not tile and _pass_size(
                rgb.shape, self.levels[0])[0] < round(w * self.levels[0].upscale):
            return self._native_candidates(rgb)
        found, rejected, blobs = [], [np.zeros((0, 5), np.float32)], None
        focus_area = self.native.focus_area if tile and self.native else self.max_focus_area
        for level in self.levels:
            regions = None
            if level.focused and blobs is not None:
                regions = small_text_regions(blobs, w, h, self.focus_pad(rgb.shape))
                area = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in regions)
                if area > focus_area * w * h:
                    regions = None
            boxes, blobs = detect_text_and_blobs(rgb, level, regions, box_thresh=self.box_thresh)
            boxes = join_rows(boxes)
            shaped = np.array([plate_shaped(b, self.min_height) for b in boxes], bool)
            found.append(boxes[shaped].reshape(-1, 5))
            rejected.append(boxes[~shaped].reshape(-1, 5))
        boxes = np.concatenate(found)
        return merge_boxes(boxes, 0.5) if len(boxes) else boxes, np.concatenate(rejected)

    def _native_candidates(self, rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_candidates` of a photo larger than the first level's cap (see
        :class:`NativeText`): the small-image passes on each textured native tile."""
        cfg = self.native
        assert cfg is not None
        h, w = rgb.shape[:2]
        base = self.levels[0]
        # overview (the first level, capped): text lines too tall for the native tiles
        ov, _ = detect_text_and_blobs(rgb, base, box_thresh=self.box_thresh)
        ov = join_rows(ov[ov[:, 3] - ov[:, 1] >= cfg.big_text])
        ov = ov[[plate_shaped(b, self.min_height) for b in ov]].reshape(-1, 5)
        if len(ov):  # kept where they read as plate text: a coarse pass's large unreadable
            # blobs (car rears, shop fronts) are no evidence of a plate
            reads = read_text(rgb, ov) if self.read else [("", 0.0)] * len(ov)
            ov = ov[[(text_score(t, c, float(b[4])) or 0.0) >= PLATE_TEXT_SCORE
                     for b, (t, c) in zip(ov, reads, strict=True)]].reshape(-1, 5)
        d = _pass_size(rgb.shape, base)[0] / w
        overview = _resize(rgb, (max(1, round(w * d)), max(1, round(h * d))))
        tile = min(cfg.tile, base.max_side)  # a tile takes the small-image path
        all_tiles = even_tiles(w, h, tile, cfg.overlap)
        native = textured_tiles(overview, d, all_tiles, cfg.flat_std)
        del overview
        self.last_stats = {"tiles": len(all_tiles), "native_tiles": len(native),
                           "native_share": sum((x1 - x0) * (y1 - y0)
                                               for x0, y0, x1, y1 in native) / (w * h)}
        found, rejected = [ov], [np.zeros((0, 5), np.float32)]
        for x0, y0, x1, y1 in native:
            lines, other = self._candidates(np.ascontiguousarray(rgb[y0:y1, x0:x1]), True)
            for arr in (lines, other):
                arr[:, [0, 2]] += x0
                arr[:, [1, 3]] += y0
            found.append(lines)
            rejected.append(other)
        out = np.concatenate(found)
        return merge_boxes(out, 0.5) if len(out) else out, np.concatenate(rejected)

    def focus_pad(self, shape: tuple[int, ...]) -> int:
        """Context margin (image pixels) around a proposed blob: 32 px of the first pass."""
        return max(8, round(32 / min(1.0, _pass_size(shape, self.levels[0])[0] / shape[1])))

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        """Plates in an RGB uint8 image; boxes (x, y, w, h) of the text line."""
        boxes, rejected = self._candidates(rgb)
        texts = read_text(rgb, boxes) if self.read else [("", 0.0)] * len(boxes)
        scored = [(b, text, conf, text_score(text, conf, float(b[4])))
                  for b, (text, conf) in zip(boxes, texts, strict=True)]
        if self.second_look is not None and self.read:
            scored += self._square_reads(rgb, rejected)
            scored = self._second_look(rgb, scored, rejected)
            # imported here: that module builds on this one
            from mediakit.privacy.text_second_look import small_text_reads

            scored += small_text_reads(self, rgb, scored)  # text too small for the passes
        if self.filter is not None:
            gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
            glyphs = self.bright or BrightPlates()
            scored = [item for item in scored if item[3] is None or item[3] < MIN_SCORE
                      or plausible_plate(gray, item[0], item[1], item[2], self.filter, glyphs)]
        bright: list = []
        if self.bright is not None and self.read:
            scored, bright = self._bright_plates(rgb, scored)
        dets = []
        for k, (b, text, conf, final) in enumerate(scored + bright):
            if final is None or final < MIN_SCORE:
                continue
            x0, y0, x1, y1 = (float(v) for v in b[:4])
            fmt = plate_format(text) if conf >= READ_CONFIDENCE else None
            line = k < len(scored)  # a text line (else a bright plate rectangle: a plate)
            dets.append(Detection(
                PLATE, (float(x0), float(y0), float(x1 - x0), float(y1 - y0)), final, SOURCE,
                text=format_plate(text) if fmt else None,
                extra={"format": fmt, "raw_text": text, "text_confidence": round(conf, 3),
                       "proposal": "text" if line else "bright",
                       "reads_as": reads_as(text, conf) if line else PLATE}))
        return dets

    def _square_reads(self, rgb: np.ndarray, rejected: np.ndarray) -> list:
        """Scored text regions dropped as not plate-shaped, ``min_height`` px tall or more
        and of aspect ``read_min_aspect`` (:class:`SecondLook`) or more, that read as a
        plate format (not just letters and digits: large square signs do): 2:1 plates,
        plate lines seen at an angle."""
        assert self.second_look is not None
        w, h = rejected[:, 2] - rejected[:, 0], rejected[:, 3] - rejected[:, 1]
        keep = (h >= self.min_height) & (w >= self.second_look.read_min_aspect * h)
        if not keep.any():
            return []
        return [(b, text, conf, final)
                for b, text, conf, final in self._score(rgb, merge_boxes(rejected[keep], 0.5))
                if conf >= READ_CONFIDENCE and plate_format(text) not in (None, "generic")]

    def _bright_plates(self, rgb: np.ndarray, scored: list) -> tuple[list, list]:
        """Scored text lines and bright plate rectangles (:class:`BrightPlates`) at least
        ``min_height`` px tall. A kept unreadable line at least ``blob_height`` px tall
        with rectangles under half its height centred inside (a lit car rear around its
        plate) is replaced by them. Other rectangles that no kept line already boxes (IoU
        < 0.3) are added as :meth:`_bright_reads` keeps them."""
        cfg = self.bright
        assert cfg is not None
        rects = bright_plate_boxes(rgb, cfg)
        rects = rects[(rects[:, 3] - rects[:, 1]) >= self.min_height]
        if not len(rects):
            return scored, []
        rects = _merge_quads(rects)
        cx, cy = (rects[:, 0] + rects[:, 2]) / 2, (rects[:, 1] + rects[:, 3]) / 2
        skewed = ~np.isnan(rects[:, 5])
        used = np.zeros(len(rects), bool)
        lines = []
        for item in scored:
            b, _, conf, final = item
            height = b[3] - b[1]
            if final is not None and final >= MIN_SCORE and conf < READ_CONFIDENCE \
                    and height >= cfg.blob_height:
                inside = (cx > b[0]) & (cx < b[2]) & (cy > b[1]) & (cy < b[3]) & (
                    rects[:, 3] - rects[:, 1] < 0.5 * height) & (rects[:, 4] >= cfg.score) & ~skewed
                if inside.any():
                    used |= inside
                    continue
            lines.append(item)
        kept = np.array([b for b, _, _, f in lines if f is not None and f >= MIN_SCORE],
                        np.float32).reshape(-1, 5)
        new = ~used
        if len(kept):
            new &= _iou_matrix(rects[:, :4], kept[:, :4]).max(1) < 0.3
        out = []
        if used.any():  # found inside an unreadable text blob: kept at an unreadable score
            out = [(b, text, conf, max(f or 0.0, 0.8 * cfg.score))
                   for b, text, conf, f in self._score(rgb, rects[used])]
        if new.any():  # no text evidence yet: kept only on what the recogniser reads
            out += self._bright_reads(rgb, rects[new])
        return lines, out

    def _bright_reads(self, rgb: np.ndarray, rects: np.ndarray) -> list:
        """Scored bright rectangles (:class:`BrightPlates`) kept on what the recogniser
        reads in them: an axis-aligned rectangle with clear glyphs where it reads ``BRIGHT_MIN_CHARS``+
        Latin alphanumerics at any confidence (confidently read letters only, as a plate's
        digits misread as letters, score as unreadable text unless :class:`PlateFilter`
        drops them); one with faint glyphs or a skewed one (a quadrilateral, read
        deskewed) only where it reads plate text."""
        cfg = self.bright
        assert cfg is not None
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        out = []
        for b, text, conf, final in self._score(rgb, rects):
            if b[4] < cfg.score or (len(b) > 5 and not np.isnan(b[5])):  # faint/skewed
                if final is not None and final >= PLATE_TEXT_SCORE:
                    out.append((b, text, conf, final))
                continue
            if len(normalise_plate_text(text)) < BRIGHT_MIN_CHARS:
                continue
            if final is not None and _letters_only(text, conf, BRIGHT_MIN_CHARS):
                if self.filter is not None and not plausible_plate(
                        gray, b, text, conf, self.filter, cfg):
                    continue
                final = max(final, 0.8 * cfg.score)
            out.append((b, text, conf, final))
        return out

    def _second_look(self, rgb: np.ndarray, scored: list, rejected: np.ndarray) -> list:
        """Scored lines after a second look (:class:`SecondLook`) into large unreadable
        lines and mid-sized non-plate-shaped regions: lines found there are added; a
        large line is replaced by them only when one reads as plate text."""
        look = self.second_look
        assert look is not None
        h, w = rgb.shape[:2]
        keep, found = [], []
        for item in scored:
            b, _, conf, final = item
            height = b[3] - b[1]
            if final is not None and final >= MIN_SCORE and conf < READ_CONFIDENCE \
                    and height >= look.min_unread_height:
                lines = second_look_lines(rgb, b, look, self.min_height, self.box_thresh)
                lines = lines[(lines[:, 3] - lines[:, 1]) < 0.5 * height]
                if len(lines):
                    new = self._score(rgb, lines)
                    found += new
                    if any(f is not None and f >= PLATE_TEXT_SCORE for *_, f in new):
                        continue  # the region was a car rear or the like around a plate
            keep.append(item)
        if len(rejected):
            rh = rejected[:, 3] - rejected[:, 1]
            rejected = rejected[(rh >= look.min_region_height) & (
                (rejected[:, 2] - rejected[:, 0]) * rh <= look.max_region_area * min(
                    w * h, look.max_area_of))]
        if len(rejected):
            rejected = merge_boxes(rejected, 0.3)
            lines = [second_look_lines(rgb, b, look, self.min_height, self.box_thresh)
                     for b in rejected]
            lines = np.concatenate(lines)
            if len(lines):
                found += self._score(rgb, merge_boxes(lines, 0.5))
        return keep + found

    @staticmethod
    def _score(rgb: np.ndarray, lines: np.ndarray) -> list:
        texts = read_text(rgb, lines)
        return [(b, text, conf, text_score(text, conf, float(b[4])))
                for b, (text, conf) in zip(lines, texts, strict=True)]
