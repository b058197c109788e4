"""Building tracks from detections made every few frames: IoU association with a
constant-velocity prediction, gaps bridged, and tracks extended backward and forward
(up to a scene cut) so an object is masked from the first frame it appears.

Extensions follow the camera motion when it is known (:mod:`mediakit.video.motion`): the
mask goes where the background goes, and stops once it has left the picture, instead of
being held at the border where the object was last seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mediakit.privacy.regions import PLATE, TEXT, BoxTuple, Detection, clip_box, iou, union_box
from mediakit.video.motion import Motions, inverse, warp_box

MATCH_IOU = 0.15
SINGLE_EXTEND = 2  # extension of a track detected on a single frame
EDGE_EXTEND_S = 1.5  # extension of a track that enters or leaves through the frame border
MAX_GAP = 12  # frames a track survives without a detection (bridged by interpolation)
CARRY_GROWTH = 0.01  # growth per side per frame of a box carried by the camera motion (× side)
CARRY_KEY_STEP = 2  # keyframe spacing of the carried part of a track
# A carried mask ends once less than this share of it is in the picture. A face's mask box
# is the face x1.45 (and more for small faces): what is left of the face in the picture is
# then a sliver (< ~15 % of its width or height), while the mask went on being counted as
# a false alarm (pan rush: 11.8 -> 10.3 false alarms a frame, recall unchanged).
CARRY_MIN_INSIDE = 0.25
# A plate box narrower than this share of its neighbouring detection's box carried by the
# camera motion to the frame border covers only part of the plate: see
# hold_at_border (a plate leaving the picture was boxed on its last characters only).
BORDER_HOLD = 0.8
# A plate box mostly inside another (this share of the smaller one covered) is the same
# plate: the text detector run on a crop (see mediakit.video.detect) boxes a plate somewhat
# differently than on the whole frame (part of its text, or more), under MATCH_IOU at times.
PLATE_COVER = 0.6
# A plate's mask box (the text line x PLATE_MARGIN, mediakit.privacy.detector) leaves out
# the plate's bands: on the demo rush's last frame (a keyframe: no in-between growth), the
# text GZ-482-KT boxed 287 px, its mask 330 px, the plate with its EU band "F" and regional
# band 351 px (x 500-851), and the band and a digit showed. Video plate masks are this much
# wider (x 1.32 the text line; 380 px there, 14 px to spare on each side).
PLATE_VIDEO_WIDEN = 1.15
# While a track's box touches the frame border, its box is never narrower than its last
# box clear of the border: that box, held against the box's inner edge and carried at the
# track's speed (see hold_full_size), the speed for at most this many frames.
HOLD_SPEED_FRAMES = 25
# An object coming in is held at the size it has once in (see hold_full_size) only if it
# is in within this time: the look-ahead of the one-decode pass (mediakit.video.onepass).
HOLD_BACK_S = 1.0
BORDER_NEAR = 0.25  # "at the border": this share of the object's last full size from it


@dataclass
class LiveTrack:
    """A track being built: its detections by frame, best one kept for the people lists."""

    id: int
    label: str
    frames: list[int] = field(default_factory=list)
    boxes: list[BoxTuple] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    best: Detection | None = None
    best_frame: int = 0
    crop: Any = None  # (image, box in it) of the best detection, when people lists are used
    # a detection confirmed the track (see Tracker): masked; otherwise a suspect at most
    confirmed: bool = False
    # plates: a detection read clearly as words that are no plate / as a plate format
    read_text: bool = False
    read_plate: bool = False

    def predict(self, frame: int) -> BoxTuple:
        """Constant-velocity guess of the mask box at ``frame``."""
        if len(self.frames) < 2:
            return self.boxes[-1]
        span = self.frames[-1] - self.frames[-2]
        u = (frame - self.frames[-1]) / span
        return tuple(b + (b - a) * u for a, b in  # type: ignore[return-value]
                     zip(self.boxes[-2], self.boxes[-1], strict=True))


def _note_reading(track: LiveTrack, det: Detection) -> None:
    """Keep what the recogniser read of a plate track's detection (see :func:`reads_as`)."""
    if det.label == PLATE:
        track.read_text |= det.extra.get("reads_as") == TEXT
        track.read_plate |= bool(det.extra.get("format"))


def reads_as(track: LiveTrack) -> str | None:
    """``"text"`` for a plate track some detection of which read clearly as words matching
    no plate format (a name tape, lettering) and none as a plate: named « texte », masked
    as a plate; None otherwise."""
    return TEXT if track.label == PLATE and track.read_text and not track.read_plate else None


def cover(a: BoxTuple, b: BoxTuple) -> float:
    """Share of the smaller of two (x, y, w, h) boxes covered by the other."""
    iw = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    smaller = min(a[2] * a[3], b[2] * b[3])
    return iw * ih / smaller if smaller > 0 else 0.0


def _affinity(pred: BoxTuple, box: BoxTuple, label: str = "") -> float:
    """IoU; for plates, a box mostly inside the other (PLATE_COVER) scores just under
    MATCH_IOU; or a small positive score for a near box of similar size (fast small
    faces)."""
    overlap = iou(pred, box)
    if overlap >= MATCH_IOU:
        return overlap
    if label == PLATE and cover(pred, box) >= PLATE_COVER:
        return 0.1 + 0.05 * cover(pred, box)
    side_p, side_b = max(pred[2], pred[3]), max(box[2], box[3])
    if not 0.5 <= side_b / max(side_p, 1e-6) <= 2.0:
        return 0.0
    dx = (pred[0] + pred[2] / 2) - (box[0] + box[2] / 2)
    dy = (pred[1] + pred[3] / 2) - (box[1] + box[3] / 2)
    return 0.1 if (dx * dx + dy * dy) ** 0.5 <= 0.6 * side_p else 0.0


class Tracker:
    """Associates each frame's detections (mask boxes) with live tracks, frame by frame.

    ``keep_score``: a finished track is *confirmed* (masked) only if one of its
    detections, not flagged ``suspect``, scored at least this; weaker detections only
    lengthen and fill the tracks of confirmed objects (a detector run under its usual
    threshold, as ByteTrack does). ``suspect_floor``: an unconfirmed track whose best
    detection scored at least this is kept too, as a suspect (to be decided by a person);
    None: dropped."""

    def __init__(self, max_gap: int = MAX_GAP, keep_score: float = 0.0,
                 suspect_floor: float | None = None) -> None:
        self.max_gap = max_gap
        self.keep_score = keep_score
        self.suspect_floor = suspect_floor
        self.live: list[LiveTrack] = []
        self.done: list[LiveTrack] = []
        self._next = 1

    def match(self, frame: int, dets: list[Detection]) -> tuple[list[tuple[int, int]],
                                                                 list[int], list[int]]:
        """Greedy best-first association: (track, detection) index pairs, unmatched
        detections, unmatched live tracks."""
        pairs = []
        for ti, track in enumerate(self.live):
            preds = self.predictions(track, frame)
            for di, det in enumerate(dets):
                if det.label == track.label:
                    score = max(_affinity(pred, _mask(det), det.label) for pred in preds)
                    if det.label == PLATE:  # a box of another style skews the velocity
                        score = max(score, _affinity(track.boxes[-1], _mask(det), PLATE))
                    if score > 0:
                        pairs.append((score, ti, di))
        pairs.sort(reverse=True)
        used_t: set[int] = set()
        used_d: set[int] = set()
        matched = []
        for _, ti, di in pairs:
            if ti not in used_t and di not in used_d:
                used_t.add(ti)
                used_d.add(di)
                matched.append((ti, di))
        return (matched, [d for d in range(len(dets)) if d not in used_d],
                [t for t in range(len(self.live)) if t not in used_t])

    def predictions(self, track: LiveTrack, frame: int) -> list[BoxTuple]:
        """Where ``track`` may be at ``frame`` (mask boxes): its constant-velocity guess
        (:class:`mediakit.video.text_tracks.MotionTracker` adds the camera motion's)."""
        return [track.predict(frame)]

    def update(self, frame: int, dets: list[Detection], image: np.ndarray | None = None,
               scale: tuple[float, float] = (1.0, 1.0)) -> None:
        """Add ``frame``'s detections (boxes in output pixels). ``image`` (the frame the
        detector saw, ``scale`` from it to output pixels) keeps a crop of each track's best
        detection for the people lists."""
        matched, new, _ = self.match(frame, dets)
        for ti, di in matched:
            self._add(self.live[ti], frame, dets[di], image, scale)
        claimed = [self.live[ti] for ti, _ in matched]
        for di in sorted(new, key=lambda d: -dets[d].score):
            if self._absorb(claimed, frame, dets[di]):
                continue
            track = LiveTrack(self._next, dets[di].label)
            self._next += 1
            self._add(track, frame, dets[di], image, scale)
            self.live.append(track)
            claimed.append(track)
        still = []
        for track in self.live:
            (still if frame - track.frames[-1] <= self.max_gap else self.done).append(track)
        self.live = still

    @staticmethod
    def _absorb(claimed: list[LiveTrack], frame: int, det: Detection) -> bool:
        """A second plate box of this frame mostly inside (or around) one a track already
        took on it: the same plate boxed twice (overlapping crops, part of its text), its
        box joined to the track's instead of starting a duplicate track."""
        if det.label != PLATE:
            return False
        box = _mask(det)
        for track in claimed:
            if track.label == PLATE and track.frames[-1] == frame \
                    and cover(track.boxes[-1], box) >= PLATE_COVER:
                track.boxes[-1] = union_box(track.boxes[-1], box)
                _note_reading(track, det)
                if det.score > track.scores[-1]:
                    track.scores[-1] = float(det.score)
                    if track.best is None or det.score > track.best.score:
                        track.best, track.best_frame = det, frame
                return True
        return False

    def _add(self, track: LiveTrack, frame: int, det: Detection, image: np.ndarray | None,
             scale: tuple[float, float]) -> None:
        track.frames.append(frame)
        track.boxes.append(_mask(det))
        track.scores.append(float(det.score))
        track.confirmed |= not det.suspect and det.score >= self.keep_score
        _note_reading(track, det)
        if track.best is None or det.score > track.best.score:
            track.best, track.best_frame = det, frame
            if image is not None and det.label == "face":
                track.crop = _crop(image, det.box, scale)

    def close_all(self) -> None:
        """End every live track (at a scene cut nothing carries over)."""
        self.done += self.live
        self.live = []

    def finish(self) -> list[LiveTrack]:
        """Every kept track (confirmed ones, and suspects from ``suspect_floor``), in order
        of appearance (the tracker is emptied)."""
        floor = self.suspect_floor
        tracks = sorted((t for t in _merge_plates(self.done + self.live)
                         if t.confirmed or (floor is not None and max(t.scores) >= floor)),
                        key=lambda t: (t.frames[0], t.id))
        self.live, self.done = [], []
        return tracks


def _merge_plates(tracks: list[LiveTrack]) -> list[LiveTrack]:
    """Plate tracks seen together on some frames, one box mostly inside the other
    (PLATE_COVER) on every such frame, are one plate boxed twice: merged (boxes of the
    common frames joined)."""
    out: list[LiveTrack] = []
    for track in sorted(tracks, key=lambda t: (t.frames[0], t.id)):
        if track.label == PLATE:
            boxes = dict(zip(track.frames, track.boxes, strict=True))
            for kept in out:
                if kept.label != PLATE:
                    continue
                mine = dict(zip(kept.frames, kept.boxes, strict=True))
                common = mine.keys() & boxes.keys()
                if common and all(cover(mine[f], boxes[f]) >= PLATE_COVER for f in common):
                    _join(kept, track)
                    break
            else:
                out.append(track)
        else:
            out.append(track)
    return out


def _join(track: LiveTrack, other: LiveTrack) -> None:
    boxes = dict(zip(track.frames, track.boxes, strict=True))
    scores = dict(zip(track.frames, track.scores, strict=True))
    for f, b, sc in zip(other.frames, other.boxes, other.scores, strict=True):
        boxes[f] = union_box(boxes[f], b) if f in boxes else b
        scores[f] = max(scores.get(f, sc), sc)
    track.frames = sorted(boxes)
    track.boxes = [boxes[f] for f in track.frames]
    track.scores = [scores[f] for f in track.frames]
    if other.best is not None and (track.best is None or other.best.score > track.best.score):
        track.best, track.best_frame, track.crop = other.best, other.best_frame, other.crop
    track.confirmed |= other.confirmed


def touches_edge(box: BoxTuple, size: tuple[int, int] | None, margin: float = 0.35) -> bool:
    """True when the box is within ``margin`` of its own size from a frame border: the
    object is entering or leaving the picture, partly visible before/after detection."""
    if size is None:
        return False
    x, y, w, h = box
    mx, my = margin * w, margin * h
    return x <= mx or y <= my or x + w >= size[0] - mx or y + h >= size[1] - my


def track_span(track: LiveTrack, n_frames: int, cuts: list[int], extend: int,
               size: tuple[int, int] | None = None, fps: float = 25.0) -> tuple[int, int]:
    """[first, last] frames of a finished track after extension, cut-limited (the bound of
    :func:`extension` without camera motion).

    A track that starts (or ends) at the frame border is extended much further, up to
    EDGE_EXTEND_S seconds: the detector only fires once enough of a face or plate is inside
    the picture, but the sliver that came in before is just as identifying.
    """
    first, last = track.frames[0], track.frames[-1]
    before = after = extend
    if len(track.frames) == 1:  # seen once only: likely a false alarm, extend little
        before = after = min(extend, SINGLE_EXTEND)
    edge = int(round(EDGE_EXTEND_S * fps))
    if touches_edge(track.boxes[0], size):
        before = max(before, edge)
    if touches_edge(track.boxes[-1], size):
        after = max(after, edge)
    shot_start = max((c for c in cuts if c <= first), default=0)
    shot_end = min((c - 1 for c in cuts if c > last), default=n_frames - 1)
    return max(shot_start, first - before), min(shot_end, last + after, n_frames - 1)


def extension(track: LiveTrack, n_frames: int, cuts: list[int], extend: int,
              size: tuple[int, int] | None = None, fps: float = 25.0,
              motions: Motions | None = None,
              boxes: list[BoxTuple] | None = None) -> tuple[int, int, dict[int, BoxTuple]]:
    """[first, last] frames of a finished track after extension, and the boxes of the
    extended frames (keyframes) when ``motions`` is given.

    The track's first box is carried back by the camera motion (its last box forward) over
    at most the :func:`track_span` bound, growing by CARRY_GROWTH of its side a frame; the
    extension stops where the carried box is (nearly) out of the picture (CARRY_MIN_INSIDE):
    the object had not come in yet, or has gone. ``boxes``: the track's boxes as they will be keyframed
    (default: its detections)."""
    lo, hi = track_span(track, n_frames, cuts, extend, size, fps)
    if motions is None:
        return lo, hi, {}
    boxes = boxes or track.boxes
    keys: dict[int, BoxTuple] = {}
    first = _carry(boxes[0], track.frames[0], lo, motions, size, keys, track.boxes[0])
    last = _carry(boxes[-1], track.frames[-1], hi, motions, size, keys, track.boxes[-1])
    return first, last, keys


def _carry(box: BoxTuple, start: int, stop: int, motions: Motions,
           size: tuple[int, int] | None, keys: dict[int, BoxTuple],
           probe: BoxTuple | None = None) -> int:
    """Carry ``box`` from frame ``start`` towards ``stop`` (keyframes into ``keys``); the
    last frame reached with the box still in the picture. ``probe`` (the detection the box
    was made from; default the box), carried alike, says when it has left: a box held at
    its full size at the border (see hold_full_size) lies mostly outside already."""
    step = 1 if stop >= start else -1
    side = max(box[2], box[3])
    probe = probe or box
    frame, grown = start, box
    while frame != stop:
        nxt = frame + step
        matrix = motions[nxt] if step > 0 else inverse(motions[frame])
        box, probe = warp_box(box, matrix), warp_box(probe, matrix)
        g = CARRY_GROWTH * abs(nxt - start) * side
        candidate = (box[0] - g, box[1] - g, box[2] + 2 * g, box[3] + 2 * g)
        gp = CARRY_GROWTH * abs(nxt - start) * max(probe[2], probe[3])
        if size is not None and _outside((probe[0] - gp, probe[1] - gp, probe[2] + 2 * gp,
                                          probe[3] + 2 * gp), size):
            break
        frame, grown = nxt, candidate
        if abs(frame - start) % CARRY_KEY_STEP == 0:
            keys[frame] = grown
    if frame != start:
        keys[frame] = grown
    return frame


def _outside(box: BoxTuple, size: tuple[int, int]) -> bool:
    """Whether less than CARRY_MIN_INSIDE of the box lies in the picture."""
    _, _, iw, ih = clip_box(box, *size)
    return iw * ih < CARRY_MIN_INSIDE * box[2] * box[3]


def hold_at_border(frames: list[int], boxes: list[BoxTuple], motions: Motions,
                   size: tuple[int, int]) -> list[BoxTuple]:
    """Plate boxes at the frame border, where the text detector often boxes only some of
    the characters still in the picture: a box narrower than BORDER_HOLD of its
    neighbouring detection's box carried there by the camera motion and clipped to the
    frame, when that one touches the border, is joined to it; forward, then backward (a
    plate leaving, a plate coming in)."""
    out = list(boxes)
    n = len(out)
    for step in (1, -1):
        for i in (range(1, n) if step > 0 else range(n - 2, -1, -1)):
            box, near = out[i], out[i - step]
            if step > 0:
                for f in range(frames[i - 1] + 1, frames[i] + 1):
                    near = warp_box(near, motions[f])
            else:
                for f in range(frames[i + 1], frames[i], -1):
                    near = warp_box(near, inverse(motions[f]))
            near = clip_box(near, *size)
            if near[2] > 0 and near[3] > 0 and _at_border(near, size) \
                    and box[2] < BORDER_HOLD * near[2]:
                out[i] = union_box(box, near)
    return out


def _at_border(box: BoxTuple, size: tuple[int, int], margin: float = 2.0) -> bool:
    x, y, w, h = box
    return x <= margin or y <= margin or x + w >= size[0] - margin or y + h >= size[1] - margin


def widen(box: BoxTuple, factor: float) -> BoxTuple:
    """``box`` ``factor`` times wider, same centre and height."""
    x, y, w, h = box
    return (x - (factor - 1) * w / 2, y, w * factor, h)


def hold_full_size(frames: list[int], boxes: list[BoxTuple], size: tuple[int, int],
                   back: int | None = None) -> list[BoxTuple]:
    """Boxes of an object leaving (or entering) the picture never narrower than it was: a
    detector boxes only the part still inside, and the box shrinks frame after frame,
    however slowly. While a box is at the border (within BORDER_NEAR of the object's size:
    its last box clear of the border, the next one going backwards for an object coming
    in), that box is joined to it twice: held against the box's inner edges (the object's
    side still in the picture), and moved on at the track's speed (its box centre's, over
    the last two boxes clear of the border; for at most HOLD_SPEED_FRAMES frames).
    Nothing changes away from the border. ``back``: an object coming in is held only from
    a box this many frames later at most (what a one-decode pass has seen ahead)."""
    out = list(boxes)
    for order in (range(len(boxes)), range(len(boxes) - 1, -1, -1)):
        refs: list[int] = []  # the last (up to two) boxes clear of the border, in order
        for i in order:
            clipped = clip_box(boxes[i], *size)
            ref = boxes[refs[-1]] if refs else clipped
            margins = (max(2.0, BORDER_NEAR * ref[2]), max(2.0, BORDER_NEAR * ref[3]))
            if not _near_border(clipped, size, margins):
                refs = (refs + [i])[-2:]
                continue
            if not refs or clipped[2] <= 0 or clipped[3] <= 0:
                continue
            r = refs[-1]
            if back is not None and order.step < 0 and frames[r] - frames[i] > back:
                continue
            grown = union_box(out[i], _held_against(clipped, ref, size, margins))
            if len(refs) == 2 and abs(frames[i] - frames[r]) <= HOLD_SPEED_FRAMES:
                q = boxes[refs[0]]
                span = frames[r] - frames[refs[0]]
                u = (frames[i] - frames[r]) / span if span else 0.0
                cx = (ref[0] + ref[2] / 2) - (q[0] + q[2] / 2)
                cy = (ref[1] + ref[3] / 2) - (q[1] + q[3] / 2)
                grown = union_box(grown, (ref[0] + cx * u, ref[1] + cy * u, ref[2], ref[3]))
            out[i] = grown
    return out


def _near_border(box: BoxTuple, size: tuple[int, int], margins: tuple[float, float]) -> bool:
    x, y, w, h = box
    mx, my = margins
    return w <= 0 or h <= 0 or x <= mx or y <= my or x + w >= size[0] - mx \
        or y + h >= size[1] - my


def _held_against(clipped: BoxTuple, ref: BoxTuple, size: tuple[int, int],
                  margins: tuple[float, float]) -> BoxTuple:
    """``ref``'s size placed on ``clipped`` (a box at the border): against its inner edge
    on each axis where it is near one border, centred on it otherwise."""
    x, y, w, h = clipped
    mx, my = margins
    rw, rh = max(w, ref[2]), max(h, ref[3])
    left, right = x <= mx, x + w >= size[0] - mx
    top, bottom = y <= my, y + h >= size[1] - my
    nx = x + w - rw if left and not right else x if right and not left else x + w / 2 - rw / 2
    ny = y + h - rh if top and not bottom else y if bottom and not top else y + h / 2 - rh / 2
    return (nx, ny, rw, rh)


def to_data(track: LiveTrack, index: int, n_frames: int, cuts: list[int],
            extend: int, size: tuple[int, int] | None = None,
            fps: float = 25.0, motions: Motions | None = None) -> dict[str, Any]:
    """The project form of a finished track (see :mod:`mediakit.video.tracks`)."""
    boxes = track.boxes
    if track.label == PLATE:
        boxes = [widen(b, PLATE_VIDEO_WIDEN) for b in boxes]
        if motions is not None and size is not None:
            boxes = hold_at_border(track.frames, boxes, motions, size)
    if size is not None:
        boxes = hold_full_size(track.frames, boxes, size, int(round(HOLD_BACK_S * fps)))
    boxes = _smooth(boxes)
    first, last, carried = extension(track, n_frames, cuts, extend, size, fps, motions, boxes)
    keys = {f: b for f, b in carried.items() if first <= f <= last}
    keys.update(zip(track.frames, boxes, strict=True))
    best = track.best
    suspect = {} if track.confirmed else {"suspect": True}
    return {
        "id": f"t{index}",
        "label": track.label,
        "source": "auto",
        "state": "suspect" if suspect else "accepted",
        **suspect,
        "frames": [first, last],
        "keyframes": {str(f): [round(v, 1) for v in keys[f]] for f in sorted(keys)},
        "score": round(max(track.scores), 4),
        "detections": len(track.frames),
        "best": None if best is None else {"frame": track.best_frame,
                                           "box": [round(v, 1) for v in best.box],
                                           "score": round(float(best.score), 4)},
        "person": None,
        **({"reads_as": TEXT} if reads_as(track) else {}),
    }


def _smooth(boxes: list[BoxTuple]) -> list[BoxTuple]:
    """Steady mask sizes: width/height averaged with the neighbours (1-2-1), never below the
    detection itself, centre unchanged."""
    if len(boxes) < 3:
        return boxes
    arr = np.asarray(boxes, dtype=np.float64)
    size = arr[:, 2:].copy()
    size[1:-1] = (arr[:-2, 2:] + 2 * arr[1:-1, 2:] + arr[2:, 2:]) / 4
    size = np.maximum(size, arr[:, 2:])
    centre = arr[:, :2] + arr[:, 2:] / 2
    out = np.concatenate([centre - size / 2, size], axis=1)
    return [tuple(map(float, row)) for row in out]  # type: ignore[misc]


def _mask(det: Detection) -> BoxTuple:
    return det.mask_box or det.box


def _crop(image: np.ndarray, box: BoxTuple, scale: tuple[float, float]) -> tuple:
    """A padded crop around ``box`` (output pixels) of ``image`` (detector pixels)."""
    sx, sy = scale
    x, y, w, h = box[0] / sx, box[1] / sy, box[2] / sx, box[3] / sy
    height, width = image.shape[:2]
    x0, y0 = max(0, int(x - w / 2)), max(0, int(y - h / 2))
    x1, y1 = min(width, int(x + 1.5 * w) + 1), min(height, int(y + 1.5 * h) + 1)
    return image[y0:y1, x0:x1].copy(), (x - x0, y - y0, w, h)
