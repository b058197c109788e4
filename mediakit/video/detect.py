"""Pass 1 of video anonymisation: decode at reduced size, detect every few frames, track.

Detection runs on one frame in ``every``; when the set of objects changes between two
detected frames (something appears or disappears), the frames in between, kept in a small
buffer, are detected too, so tracks start and end on the right frame. Memory does not
depend on the clip's length: only a few (MAX_WAIT) small frames are held.

Work is spent on new pictures only: a frame repeating the previous picture (frame-rate
conversion, frozen frame) does not count towards ``every`` and is never refined. Plates
(PP-OCR text detection, ~10x the face cost) are looked for over the whole frame once in
PLATE_FULL_EVERY frames; the plate frames between only look where the picture changed since
(camera motion undone: what came in through the border, what moved on its own) and around
live plate tracks, and refinement only looks around the plate that appeared or left.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import cv2
import numpy as np

from mediakit.errors import Cancelled, MediaError
from mediakit.media.probe import video_info
from mediakit.privacy.detector import SUSPECT_COVER, Detector, cover
from mediakit.privacy.people import PeopleMatcher
from mediakit.privacy.regions import FACE, BoxTuple, Detection, clip_box, iou, union_box
from mediakit.video.motion import Changes, MotionEstimator, Motions, carry, same_picture
from mediakit.video.stream import FrameReader, even_size, output_rate, stream_facts
from mediakit.video.text_tracks import MotionTracker, worth_refining
from mediakit.video.tracking import (
    CARRY_KEY_STEP,
    EDGE_EXTEND_S,
    MAX_GAP,
    LiveTrack,
    Tracker,
    to_data,
)
from mediakit.video.tracks import SUSPECT, TrackBoxes, is_masked

DETECT_EVERY = 2  # faces are detected on one frame in this many
# Plates (slower to find, slower to move across the frame) one in this many; when a plate
# appears or leaves between two such frames, the frames between are looked at too.
PLATE_EVERY = 12
# Longest side of the frames the face detector sees, cycled over detection frames: two
# scales find more faces between them than either alone (large faces are found better
# small), at less cost than one larger pass. Never upscaled.
DETECT_SIDES = (640, 480)
# Plates are small: the plate detector sees more pixels than faces. Six ro-dashcam pan
# rushes (benchmarks/video_masking.py --seeds 0,1,2,3,4,5): 960 px one frame in 8 masked
# 0.86 of plate-frames and left three plates exposed for a whole shot (28 px tall at
# 1280: too small at 960 for PP-OCRv4 mobile); 1120 px one in 12: 0.91 (0.62 -> 0.86
# false alarms a frame), same end-to-end speed; 1280 px one in 12:
# 0.93 but 20 % slower end to end, and faces (decoded at the plate side) lost a point.
PLATE_SIDE = 1120
EXTEND = 8  # frames a track is extended before its first / after its last detection
REFINE_SCORE = 0.5  # only confident appearances / disappearances trigger in-between detection
CUT_DIFF = 40.0  # mean absolute difference (0-255) of tiny grey frames marking a scene cut
# Faces are looked for down to this score, under the detector's own threshold: a weak
# detection continues a track (a face turning away, blurred, half out of the picture) but
# a track is kept only if one of its detections reaches the detector's threshold.
LOW_FACE_SCORE = 0.15
# Plates are looked for over the whole frame at least once in this many frames; on the plate
# frames between, only where the picture changed since the last whole-frame scan (camera
# motion undone: what came in through the border, what moved on its own) and around the live
# plate tracks. The same regions-only search finds when a plate appeared or left (in-between
# frames, around that plate only). Above PARTIAL_MAX of the frame, the whole frame is scanned.
PLATE_FULL_EVERY = 24
PARTIAL_MAX = 0.5
REGION_PAD = 128  # context around a plate (track or refined object), in detector pixels
CHANGE_PAD = 64  # context around a changed region, in detector pixels
# A repeated picture (frame-rate conversion of a 10-15 fps source, frozen frame) is not a
# new one: detectors run on one *new* picture in ``every``, but at least once in MAX_WAIT
# frames. A clip without repeats is detected exactly as before.
MAX_WAIT = 8
FACE_TWIN_IOU = 0.5  # see join_twins
# Suspect tracks (see track_video) detected on fewer frames than this are left out. One-frame
# suspects are mostly noise, but leaving them out (2) cost review-assisted frame recall on
# four face pans (seeds 0, 1, 6, 7): 0.977 -> 0.974 (seed 7: 1.0 -> 0.981) for 16 % fewer
# suspect tracks. Kept.
SUSPECT_MIN_DETECTIONS = 1
# Text keyframes (name tapes, RIO numbers, lettering; see mediakit.video.text_tracks): on one
# plate frame in this many, the photo profile's own text pass (PP-OCRv6, 1x + focused 1.6x,
# its verification rules) runs on the whole frame at up to TEXT_SIDE px, so text the photo
# pipeline would mask on that frame is found as it is there; the plate tracker carries it
# between keyframes (camera motion, interpolation, extension). The video plate pass alone
# (PP-OCRv4 mobile at PLATE_SIDE) misses small or soft text the photo pass finds.
TEXT_EVERY = 12
TEXT_SIDE = 1600  # the photo profile's 1x cap
# On a text keyframe the photo text pass's detections are the frame's plate detections: the
# video plate pass (PP-OCRv4 at PLATE_SIDE) is not run there too (it ran on every plate
# frame, since TEXT_EVERY == PLATE_EVERY, for what the photo pass finds anyway); it still
# runs on the regions searched between keyframes. 1080p 10 s clip, detection alone: v4 time
# 4.9 -> 1.5 s, 35.7 -> 32.4 s in all; plate pans seeds 0-3 recall 0.9868 both, false alarms
# 2.18 -> 1.84 a frame (with REFINE_TEXT_SCORE and the plate-piece rule of text_tracks).
TEXT_FOR_PLATES = True
# New objects of a text keyframe searched back to where they appeared from this score (the
# photo pass's own scores: unreadable lines score 0.8 x a detector score lower than the video
# pass's on the same line). At REFINE_SCORE (0.5), a plate read unreadably on its first
# keyframe (0.40 there, 0.56 with v4) was not searched back: exposed a frame (pan seed 3).
REFINE_TEXT_SCORE = 0.0

Progress = Callable[[int, int], None]


def source_info(path: str | Path) -> dict[str, Any]:
    """video_info with the values the pipeline needs checked (MediaError otherwise), plus
    what :func:`mediakit.video.stream.stream_facts` reads: ``hdr`` ("HLG", "PQ" or None),
    ``pix_fmt``, and ``rate``, the constant rate frames are decoded at (frame indices of
    tracks count at that rate; the nominal rate of a variable-frame-rate source)."""
    info = video_info(path)
    if not info["width"] or not info["height"]:
        raise MediaError(path, "dimensions de la vidéo introuvables")
    if not info["fps"] or info["fps"] <= 0:
        raise MediaError(path, "cadence de la vidéo introuvable")
    facts = stream_facts(path)
    info.update(hdr=facts["hdr"], pix_fmt=facts["pix_fmt"],
                rate=round(output_rate(info["fps"], facts["tbr"]), 3))
    return info


def detection_size(width: int, height: int, side: int) -> tuple[int, int]:
    s = min(1.0, side / max(width, height))
    return even_size(max(2, round(width * s)), max(2, round(height * s)))


class Plan(NamedTuple):
    """One detector schedule (see :func:`split_detector`)."""

    detector: Any
    every: int  # run on one frame in this many
    sides: tuple[int, ...]  # longest sides of the detector input, cycled
    keep: float = 0.0  # a track is confirmed (masked) by a detection scored this or more
    low: float = 0.0  # detections under this score only make or lengthen suspect tracks
    floor: float | None = None  # unconfirmed tracks scored this or more are suspects


def split_detector(detector: Any, every: int, plate_every: int, sides: Sequence[int],
                   plate_side: int) -> list[Plan]:
    """The detector's schedules: a mediakit Detector finding both labels is split in two
    (same models) so plates can be looked for less often, at a higher resolution; its face
    detector is run down to LOW_FACE_SCORE, or its profile's ``suspect_floor`` when lower:
    tracks are made from LOW_FACE_SCORE and confirmed (masked) from its own threshold,
    suspect tracks from the floor (see :class:`_Schedule`). Any other detector's
    detections confirm their tracks unless flagged ``suspect`` (suspect floor: its
    ``suspect_floor`` attribute, 0 by default)."""
    has_faces = getattr(detector, "faces", True) is not None
    has_plates = getattr(detector, "plates", None) is not None
    if has_plates and not has_faces:
        return [Plan(detector, plate_every, (plate_side,))]
    faces, keep, low = detector, 0.0, 0.0
    floor: float | None = getattr(detector, "suspect_floor", 0.0)
    threshold = getattr(getattr(detector, "faces", None), "threshold", None)
    if has_plates or isinstance(threshold, float):
        faces = copy.copy(detector)
        faces.plates = None
    if isinstance(threshold, float):
        floor = min(threshold, floor) if isinstance(floor, (int, float)) else None
        low = min(LOW_FACE_SCORE, threshold)
        run = low if floor is None else min(low, floor)
        if threshold > run:
            faces.faces = copy.copy(detector.faces)
            faces.faces.threshold, keep = run, threshold
    plan = [Plan(faces, every, tuple(sides), keep, low, floor)]
    if has_plates:
        plates = copy.copy(detector)
        plates.faces = None
        plan.append(Plan(plates, plate_every, (plate_side,)))
    return plan


Rect = tuple[int, int, int, int]  # x0, y0, x1, y1 in detector pixels


class _Schedule:
    """One detector run every ``every`` frames at sizes cycled from ``sides``, with its own
    tracker and in-between refinement. With ``full_every``, the whole frame is scanned only
    that often (see PLATE_FULL_EVERY); in between, regions only.

    With a suspect floor, a second tracker follows every detection from the floor (under
    ``low`` too): its tracks that no detection confirmed are the suspect tracks. The first
    tracker, whose confirmed tracks are masked, sees only detections from ``low`` not
    flagged ``suspect``: what is masked does not depend on the suspects (weaker detections
    lengthening masked tracks: +6 false alarms a frame on six face pans, no more recall)."""

    def __init__(self, plan: Plan, full: tuple[int, int], keep_crops: bool,
                 full_every: int | None = None, motions: Motions | None = None,
                 text: Any = None, text_every: int = TEXT_EVERY) -> None:
        self.detector, self.every, self.full = plan.detector, plan.every, full
        self.text, self.text_every = text, text_every
        self.last_text = -(10**9)
        self.text_runs = 0
        self.low = plan.low
        self.sizes = [detection_size(*full, side) for side in plan.sides]
        gap = max(MAX_GAP, 3 * plan.every)  # text and plates also follow the camera motion
        self.tracker = Tracker(max_gap=gap, keep_score=plan.keep) if motions is None \
            else MotionTracker(motions, max_gap=gap, keep_score=plan.keep)
        self.suspects = None if plan.floor is None else \
            Tracker(max_gap=gap, keep_score=plan.keep, suspect_floor=plan.floor)
        self.keep_crops = keep_crops
        self.full_every = full_every
        self.last = -1
        self.last_full = -(10**9)
        self.fresh = 0  # new pictures since the last run
        self.runs = 0
        self.region_runs = 0
        self.pixels = 0.0  # detector input, in whole frames

    def due(self, index: int, repeat: bool) -> bool:
        """Whether frame ``index`` (``repeat``: the same picture as the previous frame) is
        one to run the detector on."""
        self.fresh += not repeat
        return self.last < 0 or self.fresh >= self.every \
            or index - self.last >= max(self.every, MAX_WAIT)

    def detect(self, frame: np.ndarray,
               regions: list[Rect] | None = None) -> tuple[np.ndarray, list[Detection]]:
        """Detections of the frame (``regions`` of it only, when given; detector pixels)."""
        size = self.sizes[self.runs % len(self.sizes)]
        if frame.shape[1] != size[0]:
            frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        self.runs += 1
        scale = (self.full[0] / size[0], self.full[1] / size[1])
        if regions is None:
            self.pixels += 1
            return frame, [_scaled(d, scale) for d in self.detector.detect(frame)]
        self.region_runs += 1
        dets: list[Detection] = []
        for x0, y0, x1, y1 in regions:
            self.pixels += (x1 - x0) * (y1 - y0) / (size[0] * size[1])
            crop = np.ascontiguousarray(frame[y0:y1, x0:x1])
            dets += [self._shifted(d, x0, y0, size) for d in self.detector.detect(crop)]
        return frame, [_scaled(d, scale) for d in _dedupe(dets)]

    def text_pass(self, frame: np.ndarray) -> list[Detection]:
        """The photo profile's text detections of the whole frame (output pixels)."""
        self.text_runs += 1
        h, w = frame.shape[:2]
        return [_scaled(d, (self.full[0] / w, self.full[1] / h)) for d in self.text.detect(frame)]

    def _shifted(self, det: Detection, dx: int, dy: int, size: tuple[int, int]) -> Detection:
        box = (det.box[0] + dx, det.box[1] + dy, det.box[2], det.box[3])
        if isinstance(self.detector, Detector):  # the margin, cut by the crop, redone
            mask = clip_box(self.detector.mask_box(det.label, box), *size)
        else:
            mask = None if det.mask_box is None else (det.mask_box[0] + dx, det.mask_box[1] + dy,
                                                      det.mask_box[2], det.mask_box[3])
        return replace(det, box=box, mask_box=mask)

    def _regions(self, boxes: Sequence[BoxTuple], changed: np.ndarray | None = None,
                 pad: int = REGION_PAD) -> list[Rect] | None:
        """Rectangles (detector pixels) covering ``boxes`` (output pixels) grown by half their
        size and ``pad`` px, and the ``changed`` mask with CHANGE_PAD px of context, merged;
        None when they cover over PARTIAL_MAX of the frame (scan it all)."""
        w, h = self.sizes[0]
        cell = 8  # coarse grid the regions are drawn on
        gw, gh = -(-w // cell), -(-h // cell)
        grid = np.zeros((gh, gw), np.uint8)
        if changed is not None and changed.any():
            coarse = cv2.resize(changed.astype(np.uint8) * 255, (gw, gh),
                                interpolation=cv2.INTER_AREA)
            c = -(-CHANGE_PAD // cell)
            grid[cv2.dilate((coarse > 0).astype(np.uint8), np.ones((2 * c + 1, 2 * c + 1),
                                                                     np.uint8)) > 0] = 1
        sx, sy = self.full[0] / w, self.full[1] / h
        for bx, by, bw, bh in boxes:  # objects: more context (crops change what is found)
            x0, y0 = int((bx - bw / 2) / sx - pad) // cell, int((by - bh / 2) / sy - pad) // cell
            x1 = int((bx + 1.5 * bw) / sx + pad) // cell + 1
            y1 = int((by + 1.5 * bh) / sy + pad) // cell + 1
            grid[max(0, y0):max(0, y1), max(0, x0):max(0, x1)] = 1
        if not grid.any():
            return []
        n, _, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
        rects = [(int(x) * cell, int(y) * cell, min(w, int(x + bw) * cell),
                  min(h, int(y + bh) * cell)) for x, y, bw, bh, _ in stats[1:]]
        area = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in rects)
        return None if area > PARTIAL_MAX * w * h else rects

    def process(self, index: int, frame: np.ndarray, buffer: deque, cuts: list[int],
                motions: Motions | None = None, changes: Changes | None = None) -> None:
        last = self.last
        self.fresh = 0
        cut = max((c for c in cuts if last < c <= index), default=None)
        keyframe = self.text is not None and (
            cut is not None or index - self.last_text >= self.text_every)
        regions = None
        if (self.full_every and changes is not None and cut is None
                and index - self.last_full < self.full_every
                and not (keyframe and TEXT_FOR_PLATES)):
            changed = changes.mask()
            if changed is not None:
                live = [b for t in self.tracker.live for b in self.tracker.predictions(t, index)]
                regions = self._regions(live, changed)
        if keyframe and TEXT_FOR_PLATES:  # the photo pass stands for the video pass
            image, dets = frame, self.text_pass(frame)
        else:
            image, dets = self.detect(frame, regions)
        if keyframe:
            if not TEXT_FOR_PLATES:
                dets = dets + _new_regions(self.text_pass(frame), dets)
            self.last_text = index
        if regions is None:
            self.last_full = index
            if changes is not None:
                changes.set_reference()
        if cut is not None:  # a new shot: nothing carries over, find its objects from its start
            self.tracker.close_all()
            if self.suspects is not None:
                self.suspects.close_all()
            last = cut - 1
        if last >= 0 and index - last > 1:
            sure = self._sure(dets)
            _, new, lost = self.tracker.match(index, sure)
            floor = REFINE_TEXT_SCORE if keyframe and TEXT_FOR_PLATES else REFINE_SCORE
            new = [d for d in new if worth_refining(sure[d], floor)]  # text too
            live = self.tracker.live
            lost = [t for t in lost if live[t].frames[-1] == last
                    and worth_refining(live[t].best, REFINE_SCORE)]
            if new or lost or cut is not None:  # something appeared or left: find when
                for j, img, repeat in list(buffer):
                    if last < j < index and not repeat:  # a repeat: its predecessor's result
                        around = None
                        if self.full_every and motions is not None and cut is None:
                            boxes = [carry(_mask_of(sure[d]), motions, index, j) for d in new]
                            boxes += [carry(live[t].boxes[-1], motions, live[t].frames[-1], j)
                                      for t in lost]
                            around = self._regions(boxes)
                        self._update(j, *self.detect(img, around))
        self._update(index, image, dets)
        self.last = index

    def _update(self, index: int, image: np.ndarray, dets: list[Detection]) -> None:
        scale = (self.full[0] / image.shape[1], self.full[1] / image.shape[0])
        crops = image if self.keep_crops else None
        self.tracker.update(index, join_twins(self._sure(dets)), crops, scale)
        if self.suspects is not None:
            self.suspects.update(index, join_twins(dets), crops, scale)

    def _sure(self, dets: list[Detection]) -> list[Detection]:
        """The detections the masked tracks are made of."""
        return [d for d in dets if d.score >= self.low and not d.suspect]

    def finish(self) -> list[LiveTrack]:
        """The confirmed tracks, then the suspect ones (trackers emptied)."""
        tracks = self.tracker.finish()
        if self.suspects is not None:
            tracks += [t for t in self.suspects.finish() if not t.confirmed]
        return tracks


def track_video(path: str | Path, detector: Any, *, matcher: PeopleMatcher | None = None,
                every: int = DETECT_EVERY, plate_every: int = PLATE_EVERY,
                sides: Sequence[int] = DETECT_SIDES, plate_side: int = PLATE_SIDE,
                extend: int = EXTEND, full_every: int | None = PLATE_FULL_EVERY,
                info: dict[str, Any] | None = None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None,
                suspects: bool = True, text_every: int | None = TEXT_EVERY) -> dict[str, Any]:
    """Tracks of every face and plate of a video (project form), with the frame count.

    With ``suspects``, face tracks that never reached the masking threshold but whose best
    detection reached the suspect floor come too, as suspect tracks (``"state":
    "suspect"``, ``"suspect": true``: not masked until a person accepts them); one lying
    inside a masked track on every frame it was detected (the same face boxed twice) is
    left out. The masked tracks do not depend on ``suspects``. The video is decoded once,
    at the detectors' largest size (see :class:`VideoTracker`). With ``text_every``, the
    photo profile's text pass runs on one plate frame in that many (see TEXT_EVERY)."""
    path = Path(path)
    info = info or source_info(path)
    tracker = VideoTracker(info, detector, matcher=matcher, every=every,
                           plate_every=plate_every, sides=sides, plate_side=plate_side,
                           extend=extend, full_every=full_every, suspects=suspects,
                           text_every=text_every)
    reader = FrameReader(path, (info["width"], info["height"]), info["rate"],
                         size=tracker.decoded, hdr=info.get("hdr"))
    expected = max(1, int(info.get("frames") or 0))
    try:
        for frame in reader:
            if cancelled and cancelled():
                raise Cancelled("anonymisation annulée")
            count = tracker.feed(frame)
            if progress:
                progress(count, max(expected, count))
        if tracker.count == 0:
            raise MediaError(path, "aucune image décodable")
    finally:
        reader.close()
    return tracker.result()


class VideoTracker:
    """Detection and tracking fed one frame at a time (RGB at :attr:`decoded` size, the
    detectors' largest input): :meth:`feed` each frame, then :meth:`result`. Between the
    two, :meth:`masks` gives the regions the tracks found so far mask on a frame already
    fed (see :mod:`mediakit.video.onepass`, which masks from the same decode)."""

    def __init__(self, info: dict[str, Any], detector: Any, *,
                 matcher: PeopleMatcher | None = None, every: int = DETECT_EVERY,
                 plate_every: int = PLATE_EVERY, sides: Sequence[int] = DETECT_SIDES,
                 plate_side: int = PLATE_SIDE, extend: int = EXTEND,
                 full_every: int | None = PLATE_FULL_EVERY, suspects: bool = True,
                 text_every: int | None = TEXT_EVERY) -> None:
        self.info, self.matcher, self.extend = info, matcher, extend
        self.every, self.plate_every = every, plate_every
        self.fps = float(info.get("rate") or info["fps"])
        self.full = even_size(info["width"], info["height"])
        plan = split_detector(detector, every, plate_every, sides, plate_side)
        self.estimator = MotionEstimator(self.full)
        self.motions = Motions()
        text = text_detector(detector) if text_every else None
        side = max(max(p.sides) for p in plan)
        self.decoded = detection_size(*self.full, max(side, TEXT_SIDE) if text else side)
        self.schedules = [
            _Schedule(p if suspects else p._replace(floor=None), self.full, bool(matcher),
                      *((full_every, self.motions, text, text_every or TEXT_EVERY)
                        if getattr(p.detector, "faces", True) is None else (None, None)))
            for p in plan]
        held = max(MAX_WAIT, *(p.every for p in plan))
        self.buffer: deque[tuple[int, np.ndarray, bool]] = deque(maxlen=held)
        self.cuts: list[int] = []
        self._prev_thumb: np.ndarray | None = None
        self.changes = Changes(self.estimator)
        self.count = 0
        self._finished = False
        self._cache: dict[tuple[int, int], tuple[tuple[int, int, int], TrackBoxes]] = {}
        self._retired: set[tuple[int, int]] = set()

    def feed(self, frame: np.ndarray) -> int:
        """Take the next frame (RGB, :attr:`decoded` size); returns the frames fed."""
        index = self.count
        grey = self.estimator.shrink(frame)
        thumb = cv2.resize(grey, (64, 36), interpolation=cv2.INTER_AREA).astype(np.int16)
        if self._prev_thumb is not None and np.abs(thumb - self._prev_thumb).mean() > CUT_DIFF:
            self.cuts.append(index)
            self.estimator.reset()
            self.changes.invalidate()
        self._prev_thumb = thumb
        before = self.estimator.current
        motion = self.estimator.step(grey)
        repeat = before is not None and same_picture(before, self.estimator.current)
        self.motions.append(motion)
        self.changes.step(motion)
        self.buffer.append((index, frame, repeat))
        for sched in self.schedules:
            if sched.due(index, repeat):
                sched.process(index, frame, self.buffer, self.cuts, self.motions, self.changes)
        self.count = index + 1
        return self.count

    def masks(self, frame: int) -> list[BoxTuple]:
        """Regions masked at ``frame`` (fed already; asked in increasing order) by the
        confirmed tracks found so far, live or ended, in their project form over the frames
        fed. A track found later, or confirmed later, or extended back further than the
        frames fed since, is not in it (:mod:`mediakit.video.onepass` checks the final
        tracks against what it masked)."""
        out = []
        reach = max(self.extend, int(round(EDGE_EXTEND_S * self.fps))) + 1
        for k, sched in enumerate(self.schedules):
            for done, track in [*((True, t) for t in sched.tracker.done),
                                *((False, t) for t in sched.tracker.live)]:
                key = (k, track.id)
                if not track.confirmed or key in self._retired \
                        or track.frames[0] > frame + reach:
                    continue
                state = (len(track.frames), len(self.cuts), self.count)
                cached = self._cache.get(key)
                # recomputed when the track changed, or this frame is near where its forward
                # extension was cut by the frames fed then (the extension's last keyframe)
                if cached is None or cached[0][:2] != state[:2] or (
                        cached[1].last == cached[0][2] - 1
                        and frame >= cached[1].last - CARRY_KEY_STEP):
                    data = to_data(track, 0, self.count, self.cuts, self.extend, size=self.full,
                                   fps=self.fps, motions=self.motions)
                    cached = (state, TrackBoxes(data))
                    self._cache[key] = cached
                boxes = cached[1]
                if frame > boxes.last and done \
                        and boxes.last < cached[0][2] - 1:
                    self._retired.add(key)  # ended for good before this frame
                    del self._cache[key]
                    continue
                box = boxes.box(frame)
                if box is not None:
                    out.append(box)
        return out

    def result(self) -> dict[str, Any]:
        """The tracks (project form) and the facts of the run, as :func:`track_video`."""
        count, full = self.count, self.full
        if not self._finished:
            self._finished = True
            for sched in self.schedules:
                if count and sched.last != count - 1:
                    sched.process(count - 1, self.buffer[-1][1], self.buffer, self.cuts,
                                  self.motions, self.changes)
        finished = sorted((t for s in self.schedules for t in s.finish()),
                          key=lambda t: (t.frames[0], t.label))
        tracks = [to_data(t, i, count, self.cuts, self.extend, size=full, fps=self.fps,
                          motions=self.motions)
                  for i, t in enumerate(finished, start=1)]
        finished, tracks = distinct_suspect_tracks(finished, tracks)
        for i, data in enumerate(tracks, start=1):
            data["id"] = f"t{i}"
        if self.matcher:
            for live, data in zip(finished, tracks, strict=True):
                if live.crop is not None:
                    image, box = live.crop
                    data["person"] = self.matcher.match(image, box)
                    if data["person"] and data["person"]["list"] == "keep_visible":
                        data["state"] = "rejected"
        schedules = self.schedules
        return {"frames": count, "fps": self.fps, "width": full[0], "height": full[1],
                "tracks": tracks, "cuts": self.cuts,
                "detections_run": sum(s.runs for s in schedules),
                "detector_frames": [round(s.pixels, 1) for s in schedules],
                "detect_sizes": [list(size) for size in schedules[0].sizes],
                "detect_every": self.every, "plate_every": self.plate_every,
                "text_runs": sum(s.text_runs for s in schedules)}


def text_detector(detector: Any) -> Detector | None:
    """The photo profile's text (plate) detector for the text keyframes of a mediakit
    video Detector that looks for plates; None otherwise (a photo-profile or foreign
    detector, or plates off)."""
    if not isinstance(detector, Detector) or detector.plates is None \
            or detector.profile == "photo":
        return None
    return Detector(faces=False, plates=True, profile="photo")


def distinct_suspect_tracks(live: list[LiveTrack], tracks: list[dict[str, Any]],
                            ) -> tuple[list[LiveTrack], list[dict[str, Any]]]:
    """``live`` and their project forms ``tracks`` without the suspect tracks that only
    repeat what is masked: on every frame a suspect was detected, its box lies mostly
    (SUSPECT_COVER) inside the regions the masked tracks of its label mask there (the same
    face boxed twice, a weak second box on it); and without the suspects seen on fewer
    than SUSPECT_MIN_DETECTIONS frames. Four face pans (seeds 0, 1, 6, 7): 1470 -> 675
    suspect tracks, 36.9 -> 18.7 suspect boxes a frame, review-assisted frame recall
    0.9772 -> 0.9769."""
    masked = [TrackBoxes(t) for t in tracks if is_masked(t)]
    keep = []
    for lt, data in zip(live, tracks, strict=True):
        if data.get("state") == SUSPECT and (len(lt.frames) < SUSPECT_MIN_DETECTIONS or all(
                covered_share(b, [m for tb in masked if tb.label == lt.label
                                  and (m := tb.box(f)) is not None]) >= SUSPECT_COVER
                for f, b in zip(lt.frames, lt.boxes, strict=True))):
            continue
        keep.append((lt, data))
    return [lt for lt, _ in keep], [d for _, d in keep]


def covered_share(box: BoxTuple, others: Sequence[BoxTuple], cells: int = 16) -> float:
    """Share of ``box`` inside the union of ``others`` (sampled on a ``cells`` grid)."""
    x, y, w, h = box
    if w <= 0 or h <= 0 or not others:
        return 0.0
    xs = x + (np.arange(cells) + 0.5) * w / cells
    ys = y + (np.arange(cells) + 0.5) * h / cells
    inside = np.zeros((cells, cells), bool)
    for ox, oy, ow, oh in others:
        inside |= ((ys >= oy) & (ys < oy + oh))[:, None] & ((xs >= ox) & (xs < ox + ow))[None]
    return float(inside.mean())


def _scaled(det: Detection, scale: tuple[float, float]) -> Detection:
    sx, sy = scale

    def conv(b: Any) -> Any:
        return None if b is None else (b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy)

    return replace(det, box=conv(det.box), mask_box=conv(det.mask_box))


def _mask_of(det: Detection) -> BoxTuple:
    return det.mask_box or det.box


def join_twins(dets: list[Detection], overlap: float = FACE_TWIN_IOU) -> list[Detection]:
    """Face detections whose mask boxes overlap by ``overlap`` (IoU) are one face boxed
    twice: the best-scored one kept, its mask box grown to hold the other's (nothing that
    either covered is left out). Each would otherwise start its own track."""
    kept: list[Detection] = []
    for det in sorted(dets, key=lambda d: -d.score):
        for i, other in enumerate(kept):
            if det.label == FACE == other.label \
                    and iou(_mask_of(det), _mask_of(other)) >= overlap:
                kept[i] = replace(other, mask_box=union_box(_mask_of(other), _mask_of(det)))
                break
        else:
            kept.append(det)
    return kept


def _new_regions(found: list[Detection], dets: list[Detection],
                 overlap: float = 0.3) -> list[Detection]:
    """The detections of ``found`` that no detection of ``dets`` of their label already
    boxes (``overlap``: share of either's mask box inside the other's): the video pass's own
    boxes keep a track's box shape, the text keyframes add what it missed."""
    return [f for f in found
            if all(d.label != f.label or max(cover(_mask_of(d), _mask_of(f)),
                                             cover(_mask_of(f), _mask_of(d))) < overlap
                   for d in dets)]


def _dedupe(dets: list[Detection], overlap: float = 0.5) -> list[Detection]:
    """Detections of overlapping regions found twice: the best-scored one kept."""
    kept: list[Detection] = []
    for det in sorted(dets, key=lambda d: -d.score):
        if all(d.label != det.label or iou(d.box, det.box) < overlap for d in kept):
            kept.append(det)
    return kept
