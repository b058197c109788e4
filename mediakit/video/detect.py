"""Pass 1 of video anonymisation: decode at reduced size, detect every few frames, track.

Detection runs on one frame in ``every``; when the set of objects changes between two
detected frames (something appears or disappears), the frames in between, kept in a small
buffer, are detected too, so tracks start and end on the right frame. Memory does not
depend on the clip's length: only ``every`` small frames are held.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from mediakit.errors import Cancelled, MediaError
from mediakit.media.probe import video_info
from mediakit.privacy.people import PeopleMatcher
from mediakit.privacy.regions import Detection
from mediakit.video.motion import MotionEstimator, Motions
from mediakit.video.stream import FrameReader, even_size
from mediakit.video.tracking import MAX_GAP, Tracker, to_data

DETECT_EVERY = 2  # faces are detected on one frame in this many
PLATE_EVERY = 8  # plates (slower to find, slower to move across the frame) one in this many
# Longest side of the frames the face detector sees, cycled over detection frames: two
# scales find more faces between them than either alone (large faces are found better
# small), at less cost than one larger pass. Never upscaled.
DETECT_SIDES = (640, 480)
PLATE_SIDE = 960  # plates are small: the plate detector sees more pixels
EXTEND = 8  # frames a track is extended before its first / after its last detection
REFINE_SCORE = 0.5  # only confident appearances / disappearances trigger in-between detection
CUT_DIFF = 40.0  # mean absolute difference (0-255) of tiny grey frames marking a scene cut
# Faces are looked for down to this score, under the detector's own threshold: a weak
# detection continues a track (a face turning away, blurred, half out of the picture) but
# a track is kept only if one of its detections reaches the detector's threshold.
LOW_FACE_SCORE = 0.15

Progress = Callable[[int, int], None]


def source_info(path: str | Path) -> dict[str, Any]:
    """video_info with the values the pipeline needs checked (MediaError otherwise)."""
    info = video_info(path)
    if not info["width"] or not info["height"]:
        raise MediaError(path, "dimensions de la vidéo introuvables")
    if not info["fps"] or info["fps"] <= 0:
        raise MediaError(path, "cadence de la vidéo introuvable")
    return info


def detection_size(width: int, height: int, side: int) -> tuple[int, int]:
    s = min(1.0, side / max(width, height))
    return even_size(max(2, round(width * s)), max(2, round(height * s)))


def split_detector(detector: Any, every: int, plate_every: int, sides: Sequence[int],
                   plate_side: int) -> list[tuple[Any, int, tuple[int, ...], float]]:
    """(detector, period, sides, keep score) schedules: a mediakit Detector finding both
    labels is split in two (same models) so plates can be looked for less often, at a higher
    resolution; its face detector is run down to LOW_FACE_SCORE, tracks being kept from its
    own threshold (see :class:`Tracker`)."""
    has_faces = getattr(detector, "faces", True) is not None
    has_plates = getattr(detector, "plates", None) is not None
    if has_plates and not has_faces:
        return [(detector, plate_every, (plate_side,), 0.0)]
    faces, keep = detector, 0.0
    threshold = getattr(getattr(detector, "faces", None), "threshold", None)
    if has_plates or isinstance(threshold, float):
        faces = copy.copy(detector)
        faces.plates = None
    if isinstance(threshold, float) and threshold > LOW_FACE_SCORE:
        faces.faces = copy.copy(detector.faces)
        faces.faces.threshold, keep = LOW_FACE_SCORE, threshold
    plan = [(faces, every, tuple(sides), keep)]
    if has_plates:
        plates = copy.copy(detector)
        plates.faces = None
        plan.append((plates, plate_every, (plate_side,), 0.0))
    return plan


class _Schedule:
    """One detector run every ``every`` frames at sizes cycled from ``sides``, with its own
    tracker and in-between refinement."""

    def __init__(self, detector: Any, every: int, sides: Sequence[int],
                 full: tuple[int, int], keep_crops: bool, keep_score: float = 0.0) -> None:
        self.detector, self.every, self.full = detector, every, full
        self.sizes = [detection_size(*full, side) for side in sides]
        self.tracker = Tracker(max_gap=max(MAX_GAP, 3 * every), keep_score=keep_score)
        self.keep_crops = keep_crops
        self.last = -1
        self.runs = 0

    def detect(self, frame: np.ndarray) -> tuple[np.ndarray, list[Detection]]:
        size = self.sizes[self.runs % len(self.sizes)]
        if frame.shape[1] != size[0]:
            frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        self.runs += 1
        scale = (self.full[0] / size[0], self.full[1] / size[1])
        return frame, [_scaled(d, scale) for d in self.detector.detect(frame)]

    def process(self, index: int, frame: np.ndarray, buffer: deque, cuts: list[int]) -> None:
        image, dets = self.detect(frame)
        last = self.last
        cut = max((c for c in cuts if last < c <= index), default=None)
        if cut is not None:  # a new shot: nothing carries over, find its objects from its start
            self.tracker.close_all()
            last = cut - 1
        if last >= 0 and index - last > 1:
            _, new, lost = self.tracker.match(index, dets)
            new = [d for d in new if dets[d].score >= REFINE_SCORE]
            live = self.tracker.live
            lost = [t for t in lost if live[t].frames[-1] == last
                    and max(live[t].scores) >= REFINE_SCORE]
            if new or lost or cut is not None:  # something appeared or left: find when
                for j, img in list(buffer):
                    if last < j < index:
                        self._update(j, *self.detect(img))
        self._update(index, image, dets)
        self.last = index

    def _update(self, index: int, image: np.ndarray, dets: list[Detection]) -> None:
        scale = (self.full[0] / image.shape[1], self.full[1] / image.shape[0])
        self.tracker.update(index, dets, image if self.keep_crops else None, scale)


def track_video(path: str | Path, detector: Any, *, matcher: PeopleMatcher | None = None,
                every: int = DETECT_EVERY, plate_every: int = PLATE_EVERY,
                sides: Sequence[int] = DETECT_SIDES, plate_side: int = PLATE_SIDE,
                extend: int = EXTEND,
                info: dict[str, Any] | None = None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Tracks of every face and plate of a video (project form), with the frame count."""
    path = Path(path)
    info = info or source_info(path)
    full = even_size(info["width"], info["height"])
    plan = split_detector(detector, every, plate_every, sides, plate_side)
    decoded = detection_size(*full, max(max(s) for _, _, s, _ in plan))
    schedules = [_Schedule(det, n, s, full, bool(matcher), keep) for det, n, s, keep in plan]
    reader = FrameReader(path, (info["width"], info["height"]), info["fps"], size=decoded)
    buffer: deque[tuple[int, np.ndarray]] = deque(maxlen=max(n for _, n, _, _ in plan))
    cuts: list[int] = []
    prev_thumb: np.ndarray | None = None
    estimator = MotionEstimator(full)
    motions = Motions()
    expected = max(1, int(info.get("frames") or 0))
    count = 0
    try:
        for index, frame in enumerate(reader):
            if cancelled and cancelled():
                raise Cancelled("anonymisation annulée")
            grey = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
            thumb = cv2.resize(grey, (64, 36), interpolation=cv2.INTER_AREA).astype(np.int16)
            if prev_thumb is not None and np.abs(thumb - prev_thumb).mean() > CUT_DIFF:
                cuts.append(index)
                estimator.reset()
            prev_thumb = thumb
            motions.append(estimator.step(grey))
            buffer.append((index, frame))
            for sched in schedules:
                if index % sched.every == 0:
                    sched.process(index, frame, buffer, cuts)
            count = index + 1
            if progress:
                progress(count, max(expected, count))
        if count == 0:
            raise MediaError(path, "aucune image décodable")
        for sched in schedules:
            if sched.last != count - 1:
                sched.process(count - 1, buffer[-1][1], buffer, cuts)
    finally:
        reader.close()
    finished = sorted((t for s in schedules for t in s.tracker.finish()),
                      key=lambda t: (t.frames[0], t.label))
    tracks = [to_data(t, i, count, cuts, extend, size=full, fps=info["fps"], motions=motions)
              for i, t in enumerate(finished, start=1)]
    if matcher:
        for live, data in zip(finished, tracks, strict=True):
            if live.crop is not None:
                image, box = live.crop
                data["person"] = matcher.match(image, box)
                if data["person"] and data["person"]["list"] == "keep_visible":
                    data["state"] = "rejected"
    return {"frames": count, "fps": info["fps"], "width": full[0], "height": full[1],
            "tracks": tracks, "cuts": cuts, "detections_run": sum(s.runs for s in schedules),
            "detect_sizes": [list(size) for size in schedules[0].sizes], "detect_every": every,
            "plate_every": plate_every}


def _scaled(det: Detection, scale: tuple[float, float]) -> Detection:
    sx, sy = scale

    def conv(b: Any) -> Any:
        return None if b is None else (b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy)

    return replace(det, box=conv(det.box), mask_box=conv(det.mask_box))
