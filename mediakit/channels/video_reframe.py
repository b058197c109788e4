"""Subject-following crop path for the vertical / square exports of a video.

What the crop follows, per frame (strongest first): the faces and plates tracked on the
item (the regions masked), then the moving region found on a low-resolution decode (frame
difference after removing the camera's own motion). Shots are found on the same decode
(luma histogram jump): each shot gets its own path, so the crop cuts with the picture and
never glides across a cut.

Smoothing. Within a shot the wanted corner is filled over the gaps and the path is the one
closest to it under a penalty on its second difference (Whittaker smoother: zero-phase, no
lag; stiffness from ``SMOOTH_S``, the σ of the Gaussian it resembles), held around the main
subject and inside the picture (frames that stray get more weight, a few rounds), then made
stiffer until its jerk is under the limit. Professional camera paths are holds,
constant-speed pans and eases between them (Grundmann, Kwatra, Essa, *Auto-directed video
stabilization with robust L1 optimal camera paths*, CVPR 2011); what reads as jitter or a jolt
is a large second difference of the centre. The limit ``JERK_LIMIT`` (crop widths per s²) is
a brisk pan reached through a half-second ease: panning guides keep an object at least 5-7 s
crossing the picture (judder), about 0.5 crop width per second for the 9:16 crop of a 16:9
picture; 0.5 / 0.5 s = 1.0 crop width / s². At 25 i/s that is 0.0016 crop width per frame²
(about 1 px for the 608 px wide 9:16 crop of a 1080p picture); raw per-frame centring on a
tracked face is 10-20 times over it.

Keyframes set by the user (``keyframes`` below, stored on the item per format) override the
automatic path in their shot: the centre is held at the first/last keyframe and eased
(smoothstep) from one keyframe to the next.

The crop is rendered by ffmpeg (``sendcmd`` setting the crop's x/y at every frame); the masks
are already burned into the rendering the export reads, so they follow the crop.
"""

from __future__ import annotations

import math
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from mediakit.channels.reframe import crop_for_aspect
from mediakit.errors import Cancelled, MediaError
from mediakit.media.ffmpeg import ffmpeg_exe

ANALYSIS_WIDTH = 160  # px of the low-resolution decode (motion, cuts)
SMOOTH_S = 0.5  # σ of the path smoothing, seconds
JERK_LIMIT = 1.0  # crop widths / s² (see the module docstring)
CUT_HIST = 0.45  # luma histogram distance (0-1) that starts a new shot
MIN_SHOT_S = 0.4  # a "cut" closer than this to the previous one is flicker, not a cut
MOTION_DIFF = 18  # grey levels: a pixel moved (after camera motion is removed)
MOTION_LAG_S = 0.12  # compare with the frame this much earlier (slow subjects show)
MOTION_MIN = 0.004  # share of the picture that must move to count as a subject
SUBJECT_MARGIN = 0.04  # × crop side: room kept between the subject and the crop's edge
CONSTRAIN_ROUNDS = 10  # rounds that pull stray frames back
STIFFEN_ROUNDS = 12  # × 1.5 on the stiffness each, while the jerk is over the limit
HOLD_WEIGHT = 30.0  # weight of a frame pulled back to its subject (a wanted frame weighs 1)
EDGE_WEIGHT = 100.0  # × stiffness: weight of a frame pulled back inside the picture

Box = tuple[float, float, float, float]


@dataclass
class Analysis:
    """What the low-resolution pass found, in source pixels and frames."""

    fps: float
    width: int
    height: int
    frames: int
    cuts: list[int] = field(default_factory=list)  # first frame of each shot after the first
    motion: list[Box | None] = field(default_factory=list)  # moving region per frame


def analyse(src: Path, info: dict[str, Any], *,
            cancelled: Callable[[], bool] | None = None) -> Analysis:
    """Cuts and moving regions of ``src`` from one low-resolution grey decode (constant
    memory: one frame at a time)."""
    width, height = int(info["width"]), int(info["height"])
    fps = float(info.get("fps") or 25.0)
    aw = ANALYSIS_WIDTH
    ah = max(2, int(round(height * aw / width / 2)) * 2)
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", "-i", str(src),
           "-map", "0:v:0", "-vf", f"scale={aw}:{ah}:flags=area,format=gray",
           "-r", f"{fps:.6f}", "-fps_mode", "cfr", "-f", "rawvideo", "pipe:1"]
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError as exc:
        raise MediaError(src, "décodage impossible") from exc
    sx, sy = width / aw, height / ah
    result = Analysis(fps=fps, width=width, height=height, frames=0)
    prev: np.ndarray | None = None
    prev_hist: np.ndarray | None = None
    lag = max(1, int(round(MOTION_LAG_S * fps)))
    recent: list[np.ndarray] = []  # the last ``lag`` frames of the shot
    last_cut = 0
    size = aw * ah
    assert proc.stdout is not None
    try:
        while True:
            if cancelled and cancelled():
                raise Cancelled("export annulé")
            buf = proc.stdout.read(size)
            if len(buf) < size:
                break
            frame = np.frombuffer(buf, np.uint8).reshape(ah, aw)
            hist = np.bincount(frame.ravel() >> 4, minlength=16).astype(np.float32) / size
            index = result.frames
            box: Box | None = None
            if prev is not None and prev_hist is not None:
                jump = 0.5 * float(np.abs(hist - prev_hist).sum())
                if jump > CUT_HIST and (index - last_cut) >= MIN_SHOT_S * fps:
                    result.cuts.append(index)
                    last_cut = index
                    recent = []
                elif recent:
                    box = _moving_region(recent[0], frame)
                    if box is not None:
                        box = (box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy)
            result.motion.append(box)
            result.frames += 1
            prev, prev_hist = frame, hist
            recent = [*recent, frame][-lag:]
    finally:
        proc.stdout.close()
        proc.kill() if proc.poll() is None else None
        proc.wait()
    return result


def _moving_region(prev: np.ndarray, cur: np.ndarray) -> Box | None:
    """Bounding box of the largest region that moved between two grey frames, once the
    camera's own translation (phase correlation) is removed; None if nothing much moved."""
    a, b = prev.astype(np.float32), cur.astype(np.float32)
    (dx, dy), _ = cv2.phaseCorrelate(a, b)
    shift = np.float32([[1, 0, dx], [0, 1, dy]])
    warped = cv2.warpAffine(a, shift, (a.shape[1], a.shape[0]), borderMode=cv2.BORDER_REPLICATE)
    diff = cv2.absdiff(warped, b)
    border = max(2, int(math.ceil(max(abs(dx), abs(dy)))) + 1)  # edges the shift uncovered
    diff[:border] = diff[-border:] = 0
    diff[:, :border] = diff[:, -border:] = 0
    mask = (cv2.GaussianBlur(diff, (5, 5), 0) > MOTION_DIFF).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask)
    if count <= 1:
        return None
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h, area = (int(v) for v in stats[best])
    if area < MOTION_MIN * mask.size:
        return None
    return (float(x), float(y), float(w), float(h))


# -- subjects -------------------------------------------------------------------------


def track_subjects(tracks: Sequence[dict[str, Any]], frames: int,
                   scale: tuple[float, float] = (1.0, 1.0), *, with_ids: bool = False
                   ) -> Any:
    """Per frame: the face boxes and the plate boxes of the masked tracks (source pixels of
    the rendering, ``scale`` mapping the item's frame to it); ``with_ids`` adds, per frame,
    the track id of each face box and of each plate box."""
    from mediakit.video.tracks import TrackBoxes, is_masked

    chosen = [TrackBoxes(t) for t in tracks
              if t.get("keyframes") and is_masked(t) and t.get("label") in ("face", "plate")]
    faces: list[list[Box]] = [[] for _ in range(frames)]
    plates: list[list[Box]] = [[] for _ in range(frames)]
    face_ids: list[list[str]] = [[] for _ in range(frames)]
    plate_ids: list[list[str]] = [[] for _ in range(frames)]
    sx, sy = scale
    for tb in chosen:
        target, ids = (faces, face_ids) if tb.label == "face" else (plates, plate_ids)
        for f in range(max(0, tb.first), min(frames, tb.last + 1)):
            box = tb.box(f)
            if box is not None:
                target[f].append((box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy))
                ids[f].append(str(tb.track.get("id")))
    return (faces, plates, face_ids, plate_ids) if with_ids else (faces, plates)


def vehicle_box(plate: Box) -> Box:
    """The car around a plate: about 4 plate widths wide, 3 plate heights up from it."""
    x, y, w, h = plate
    cw = 4.0 * w
    return (x + w / 2 - cw / 2, y - 3.0 * max(h, w / 4.5), cw, 3.0 * max(h, w / 4.5) + h)


# -- the path -------------------------------------------------------------------------


@dataclass
class CropPath:
    """Crop size and per-frame top-left corner (float, source pixels), with the shots."""

    width: int
    height: int
    fps: float
    xs: np.ndarray
    ys: np.ndarray
    shots: list[tuple[int, int]]  # [first, end) frames
    source: str = "auto"  # "auto", "keyframes" (some shot uses them) or "fixed"
    format: str = ""  # « 9:16 »…

    def corner(self, frame: int) -> tuple[int, int]:
        """The integer top-left corner rendered at ``frame``."""
        i = min(max(frame, 0), len(self.xs) - 1)
        return int(round(self.xs[i])), int(round(self.ys[i]))

    def contains(self, frame: int, box: Box) -> bool:
        """True when ``box`` lies entirely inside the crop at ``frame``."""
        x, y = self.corner(frame)
        return (box[0] >= x - 0.5 and box[1] >= y - 0.5 and box[0] + box[2] <= x + self.width + 0.5
                and box[1] + box[3] <= y + self.height + 0.5)


def plan_path(analysis: Analysis, aspect: float, faces: Sequence[Sequence[Box]],
              plates: Sequence[Sequence[Box]] = (),
              keyframes: Sequence[dict[str, Any]] = (), *,
              face_ids: Sequence[Sequence[str]] | None = None,
              plate_ids: Sequence[Sequence[str]] | None = None,
              smooth_s: float = SMOOTH_S) -> CropPath:
    """The crop path of ``aspect`` (w/h) over the clip: per shot, the subjects' centre,
    filled, smoothed, kept around the main subject; ``keyframes`` (``{"t", "x", "y"}``,
    centre as a share of the picture) replace it in their shot.

    With the track ids of the boxes, the main subject of a shot is one track (the face, else
    the plate, with the most area in the picture over the shot): the crop holds it and
    centres on it and whoever fits beside it, never flipping between people from frame to
    frame; without ids, each frame's largest box leads."""
    w, h, n = analysis.width, analysis.height, max(analysis.frames, 1)
    x0, y0, cw, ch = crop_for_aspect(w, h, aspect)
    xs = np.full(n, float(x0))
    ys = np.full(n, float(y0))
    bounds = [0, *[c for c in analysis.cuts if 0 < c < n], n]
    shots = [(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]
    used_keys = False
    for first, end in shots:
        wanted = np.full((end - first, 2), np.nan)
        keep = np.full((end - first, 4), np.nan)  # box the crop must hold: x0, y0, x1, y1
        lead = _main_track(first, end, faces, face_ids, w, h) or \
            _main_track(first, end, plates, plate_ids, w, h)
        for f in range(first, end):
            boxes, strong = _frame_subjects(f, faces, plates, analysis.motion)
            if not boxes:
                continue
            main = _box_of(lead, f, faces, face_ids, plates, plate_ids)
            if lead is not None and main is None:
                strong = []  # the main subject is away: the others only guide the centre
            if main is not None:
                guide = main if main in faces[f] else vehicle_box(main)
                group = _fitting([guide, *[b for b in boxes if b != guide]], cw, ch, first=True)
                u = _union(group)
                cx = (u[0] + u[2]) / 2
                cy = (u[1] + u[3]) / 2 + 0.1 * ch * (ch > cw)  # head-room, as for stills
                x = min(max(cx - cw / 2, 0.0), float(w - cw))
                y = min(max(cy - ch / 2, 0.0), float(h - ch))
                keep[f - first] = _union([main])
            else:
                x, y, _, _ = crop_for_aspect(w, h, aspect, boxes)
                if strong:
                    keep[f - first] = _union(_fitting(strong, cw, ch))
            wanted[f - first] = (x, y)
        seg_keys = [k for k in keyframes
                    if first <= int(round(float(k["t"]) * analysis.fps)) < end]
        px = _axis(wanted[:, 0], keep[:, 0], keep[:, 2], cw, w, float(x0), smooth_s,
                   analysis.fps)
        py = _axis(wanted[:, 1], keep[:, 1], keep[:, 3], ch, h, float(y0), smooth_s,
                   analysis.fps)
        if seg_keys:
            used_keys = True
            kx = _keyed(seg_keys, "x", first, end, analysis.fps, cw, w)
            ky = _keyed(seg_keys, "y", first, end, analysis.fps, ch, h)
            px = kx if kx is not None else px
            py = ky if ky is not None else py
        xs[first:end], ys[first:end] = px, py
    moving = bool(np.ptp(xs) > 0.5 or np.ptp(ys) > 0.5)
    return CropPath(cw, ch, analysis.fps, xs, ys, shots,
                    "keyframes" if used_keys else ("auto" if moving else "fixed"))


def _frame_subjects(f: int, faces: Sequence[Sequence[Box]], plates: Sequence[Sequence[Box]],
                    motion: Sequence[Box | None]) -> tuple[list[Box], list[Box]]:
    """(boxes to centre on, boxes that must stay inside) at frame ``f``: faces first, else
    the cars of the plates, else the moving region (a hint, never a constraint)."""
    face = list(faces[f]) if f < len(faces) else []
    if face:
        return face, face
    cars = [vehicle_box(p) for p in plates[f]] if f < len(plates) else []
    if cars:
        return cars, list(plates[f])
    moved = motion[f] if f < len(motion) else None
    return ([moved] if moved else []), []


def _main_track(first: int, end: int, boxes: Sequence[Sequence[Box]],
                ids: Sequence[Sequence[str]] | None, width: int, height: int
                ) -> str | None:
    """The id of the track with the most area inside the picture over the shot
    [first, end), or None (no ids, or no box)."""
    if ids is None:
        return None
    area: dict[str, float] = {}
    for f in range(first, min(end, len(boxes), len(ids))):
        for b, tid in zip(boxes[f], ids[f], strict=False):
            x0, y0 = max(0.0, b[0]), max(0.0, b[1])
            x1, y1 = min(float(width), b[0] + b[2]), min(float(height), b[1] + b[3])
            area[tid] = area.get(tid, 0.0) + max(0.0, x1 - x0) * max(0.0, y1 - y0)
    return max(area, key=lambda k: area[k]) if area else None


def _box_of(lead: str | None, f: int, faces: Sequence[Sequence[Box]],
            face_ids: Sequence[Sequence[str]] | None, plates: Sequence[Sequence[Box]],
            plate_ids: Sequence[Sequence[str]] | None) -> Box | None:
    """The main track's box at frame ``f`` (None when it is not there)."""
    if lead is None:
        return None
    for boxes, ids in ((faces, face_ids), (plates, plate_ids)):
        if ids is None or f >= len(ids) or f >= len(boxes):
            continue
        for b, tid in zip(boxes[f], ids[f], strict=False):
            if tid == lead:
                return b
    return None


def _fitting(boxes: Sequence[Box], cw: float, ch: float, first: bool = False) -> list[Box]:
    """The largest boxes whose union still fits in the crop (the others may leave it);
    ``first``: the first box leads whatever its size."""
    ordered = list(boxes[:1]) + sorted(boxes[1:], key=lambda b: b[2] * b[3], reverse=True) \
        if first else sorted(boxes, key=lambda b: b[2] * b[3], reverse=True)
    kept = [ordered[0]]
    for b in ordered[1:]:
        u = _union([*kept, b])
        if u[2] - u[0] <= cw and u[3] - u[1] <= ch:
            kept.append(b)
    return kept


def _union(boxes: Sequence[Box]) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 of the boxes together."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes))


def _axis(wanted: np.ndarray, lo_edge: np.ndarray, hi_edge: np.ndarray, side: int,
          full: int, default: float, smooth_s: float, fps: float) -> np.ndarray:
    """One coordinate of the corner over a shot: the path closest to the wanted corners
    with a penalty on its second difference (Whittaker smoother, zero-phase), kept inside
    the picture and around the main subject (lo_edge..hi_edge, with a margin) by raising
    the weight of the frames that stray, and made stiffer until its jerk is under
    ``JERK_LIMIT``."""
    limit = float(full - side)
    n = len(wanted)
    if limit <= 0.5:
        return np.zeros(n)
    known = ~np.isnan(wanted)
    target = _fill(wanted, default)
    weight = np.where(known, 1.0, 1e-3)
    margin = SUBJECT_MARGIN * side
    lo = np.zeros(n)
    hi = np.full(n, limit)
    held = ~np.isnan(lo_edge)
    # corner range that holds the subject: x ≤ its left - margin, x + side ≥ its right + margin
    lo[held] = np.clip(hi_edge[held] + margin - side, 0.0, limit)
    hi[held] = np.clip(lo_edge[held] - margin, 0.0, limit)
    swap = lo > hi  # subject wider than the crop: centre it
    mid = (lo + hi) / 2
    lo[swap], hi[swap] = mid[swap], mid[swap]
    lam = (max(1.0, smooth_s * fps) / 1.18) ** 4  # half-power period of a Gaussian of σ
    path = target
    for _ in range(STIFFEN_ROUNDS):
        hold = EDGE_WEIGHT * lam  # the picture's edges: as good as hard at any stiffness
        goal, w = target.copy(), weight.copy()
        for _ in range(CONSTRAIN_ROUNDS):
            path = _whittaker(goal, w, lam)
            # the subject's pull keeps its weight; the picture's edges are firm, so the
            # path slows down before them (a clipped path would stop dead at the edge)
            below, above = path < lo - 0.5, path > hi + 0.5
            out_lo, out_hi = path < -0.5, path > limit + 0.5
            if not (below.any() or above.any() or out_lo.any() or out_hi.any()):
                break
            goal[below], w[below] = lo[below], np.maximum(w[below], HOLD_WEIGHT)
            goal[above], w[above] = hi[above], np.maximum(w[above], HOLD_WEIGHT)
            goal[out_lo], w[out_lo] = 0.0, hold
            goal[out_hi], w[out_hi] = limit, hold
        path = np.clip(path, 0.0, limit)
        if n < 3 or np.abs(np.diff(path, 2)).max() * fps ** 2 / side <= JERK_LIMIT:
            break
        lam *= 1.5
    return path


def _whittaker(target: np.ndarray, weight: np.ndarray, lam: float) -> np.ndarray:
    """argmin Σ wᵢ(xᵢ − tᵢ)² + λ Σ (Δ²x)²: the symmetric pentadiagonal system
    (W + λ DᵀD) x = W t solved by a banded LDLᵀ (linear in the number of frames)."""
    n = len(target)
    if n < 3:
        return target.astype(float).copy()
    a0 = weight + lam * np.array([1, 5, *([6] * (n - 4)), 5, 1], float)[:n] if n >= 4 else \
        weight + lam * np.array([1, 4, 1], float)
    a1 = lam * np.array([-2, *([-4] * (n - 3)), -2], float) if n >= 4 else \
        lam * np.array([-2.0, -2.0])
    a2 = lam * np.ones(n - 2)
    d = np.zeros(n)
    l1 = np.zeros(n)
    l2 = np.zeros(n)
    for i in range(n):
        if i >= 2:
            l2[i] = a2[i - 2] / d[i - 2]
        if i >= 1:
            l1[i] = (a1[i - 1] - (l2[i] * l1[i - 1] * d[i - 2] if i >= 2 else 0.0)) / d[i - 1]
        d[i] = a0[i] - l1[i] ** 2 * (d[i - 1] if i >= 1 else 0.0) - \
            l2[i] ** 2 * (d[i - 2] if i >= 2 else 0.0)
    b = weight * target
    z = np.zeros(n)
    for i in range(n):
        z[i] = b[i] - (l1[i] * z[i - 1] if i >= 1 else 0.0) - (l2[i] * z[i - 2] if i >= 2 else 0.0)
    y = z / d
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = y[i] - (l1[i + 1] * x[i + 1] if i + 1 < n else 0.0) - \
            (l2[i + 2] * x[i + 2] if i + 2 < n else 0.0)
    return x


def _keyed(keys: Sequence[dict[str, Any]], axis: str, first: int, end: int, fps: float,
           side: int, full: int) -> np.ndarray | None:
    """The corner along ``axis`` from the user's keyframes in a shot: held before the first
    and after the last, eased (smoothstep) between them; None when no keyframe sets it."""
    points = sorted((float(k["t"]) * fps - first, float(k[axis]) * full - side / 2)
                    for k in keys if k.get(axis) is not None)
    if not points:
        return None
    limit = max(0.0, float(full - side))
    frames = np.arange(end - first, dtype=float)
    out = np.full(len(frames), points[0][1])
    for (fa, va), (fb, vb) in zip(points[:-1], points[1:], strict=True):
        inside = (frames >= fa) & (frames <= fb)
        u = (frames[inside] - fa) / max(fb - fa, 1e-6)
        out[inside] = va + (vb - va) * u * u * (3 - 2 * u)
    out[frames > points[-1][0]] = points[-1][1]
    return np.clip(out, 0.0, limit)


def _fill(values: np.ndarray, default: float) -> np.ndarray:
    """Gaps filled: linear between known values, held at the ends; ``default`` if none."""
    known = ~np.isnan(values)
    if not known.any():
        return np.full(len(values), default)
    idx = np.arange(len(values))
    return np.interp(idx, idx[known], values[known])


# -- measures -------------------------------------------------------------------------


def jerk(path: CropPath) -> dict[str, float]:
    """Second difference of the crop centre within each shot (a cut is not a jolt), in crop
    widths per s²: max and 95th percentile, with the limit."""
    values: list[np.ndarray] = []
    for first, end in path.shots:
        for axis, side in ((path.xs, path.width), (path.ys, path.height)):
            seg = axis[first:end]
            if len(seg) >= 3:
                values.append(np.abs(np.diff(seg, 2)) * path.fps ** 2 / side)
    allv = np.concatenate(values) if values else np.zeros(1)
    return {"max": float(allv.max()), "p95": float(np.percentile(allv, 95)),
            "limit": JERK_LIMIT}


# -- rendering ------------------------------------------------------------------------


def sendcmd_text(path: CropPath) -> str:
    """ffmpeg ``sendcmd`` lines moving the crop at every frame where it changes (half a
    frame ahead of the frame's time, so rounding never lands a move one frame late)."""
    lines = []
    last = path.corner(0)
    for f in range(1, len(path.xs)):
        corner = path.corner(f)
        if corner != last:
            t = max(0.0, (f - 0.5) / path.fps)
            lines.append(f"{t:.4f} crop x {corner[0]}, crop y {corner[1]};")
            last = corner
    return "\n".join(lines) + ("\n" if lines else "")


# -- formats and keyframes on the item --------------------------------------------------

FORMATS = {"9:16": 9 / 16, "4:5": 4 / 5, "1:1": 1.0, "16:9": 16 / 9}
FORMAT_NAMES = {"vertical": "9:16", "verticale": "9:16", "portrait": "4:5", "carre": "1:1",
                "carré": "1:1", "square": "1:1", "paysage": "16:9", "horizontal": "16:9"}


def format_of(width: int, height: int) -> str:
    """The format key (« 9:16 », « 4:5 », « 1:1 », « 16:9 ») nearest to width×height."""
    ratio = width / height
    return min(FORMATS, key=lambda k: abs(math.log(FORMATS[k] / ratio)))


def parse_format(text: str) -> str:
    """« 9:16 », « 9x16 », « 9/16 », « vertical », « carré »… → a format key; ValueError else."""
    key = text.strip().lower().replace("x", ":").replace("/", ":").replace("×", ":")
    key = FORMAT_NAMES.get(key, key)
    if key not in FORMATS:
        raise ValueError(text)
    return key


def item_keyframes(item: dict[str, Any], fmt: str) -> list[dict[str, Any]]:
    """The user's framing keyframes of ``item`` for the format ``fmt``, by time."""
    keys = ((item.get("reframe") or {}).get(fmt)) or []
    return sorted((k for k in keys if isinstance(k, dict) and "t" in k),
                  key=lambda k: float(k["t"]))
