"""Legible text in video (name tapes, RIO numbers, lettering on people and vehicles),
tracked like plates.

The decision of what text to mask is the photo pipeline's own: the video's plate pass
runs the same PP-OCR text detection and the same classifier
(:func:`mediakit.privacy.plates.text_score`), so a name tape read as a word is a
``plate``-labelled detection in both, with no second rule set and no second detector
pass. What differed was the tracking. A word scores low by design (0.3 x its detector
score, ~0.25: vanity plates are letters only), under the score that triggers the search
between two plate scans for when an object appeared or left, and text on a uniform moves
with the person and the camera, far more between two plate scans (12 frames) than a
parked car's plate does in a hand-held pan: each scan started a new track of one
detection, masked 2 frames around it, and the name was readable in between.

Here text tracks are associated through the camera motion (the last box carried by the
estimated motion is a candidate position besides the constant-velocity guess), and text
the recogniser reads confidently triggers the in-between search whatever its score.
A plate track also matches a box where its last box was (a parked plate); when the camera
motion carried that last box away by more than its size, such a match is another object
come to the same place on the screen (demo rush: the mission patch leaving by the left at
frame 48, the name tape in its place at 84, joined and interpolated across the patch's
frames 63-75, left exposed), so it is refused and the two tracks each follow the camera.

Finding the text is the photo pipeline's job too: the video plate pass (PP-OCRv4 mobile on
frames downscaled to 1120 px) misses small or soft text that the photo profile's pass
(PP-OCRv6, 1x and a focused 1.6x) finds on the same frame extracted as a photo. So on text
keyframes (one plate frame in ``TEXT_EVERY``, :mod:`mediakit.video.detect`) that photo
pass runs on the whole frame, at the resolution the photo pipeline would use (up to
1600 px), and what it finds that the video pass does not already box joins these tracks.
"""

from __future__ import annotations

from typing import Any

from mediakit.privacy.plates import READ_CONFIDENCE, normalise_plate_text
from mediakit.privacy.regions import PLATE, BoxTuple, Detection, union_box
from mediakit.video.motion import Motions, carry
from mediakit.video.tracking import LiveTrack, Tracker, _affinity, _mask, cover

MIN_CHARS = 3  # characters read for a line to count as legible text
# A plate box narrower than PIECE_WIDTH x the track's box of at most PIECE_GAP frames before
# (carried by the camera motion), lying inside it (PIECE_COVER of it), is a piece of the
# plate: a line read in two, a crop that cut it. Its mask keeps the carried box (see
# MotionTracker._add).
PIECE_WIDTH = 0.75
PIECE_GAP = 2
PIECE_COVER = 0.9


def legible_text(det: Detection | None) -> bool:
    """Whether ``det`` is a text line (plate pass) that the recogniser read confidently,
    ``MIN_CHARS`` characters or more: a word, a name, a number someone can read."""
    if det is None or det.label != PLATE:
        return False
    conf = float(det.extra.get("text_confidence") or 0.0)
    return conf >= READ_CONFIDENCE and \
        len(normalise_plate_text(str(det.extra.get("raw_text") or ""))) >= MIN_CHARS


def worth_refining(det: Detection | None, min_score: float) -> bool:
    """Whether an appearance or a disappearance of ``det`` is worth finding the exact
    frame of: a detection of ``min_score`` or more, or legible text at any kept score."""
    return det is not None and (det.score >= min_score or legible_text(det))


class MotionTracker(Tracker):
    """A :class:`~mediakit.video.tracking.Tracker` whose plate and text tracks may also
    be where the camera motion carried their last box (``motions``: the clip's
    frame-to-frame motions, filled as frames are decoded)."""

    def __init__(self, motions: Motions, max_gap: int, keep_score: float = 0.0) -> None:
        super().__init__(max_gap=max_gap, keep_score=keep_score)
        self.motions = motions

    def match(self, frame: int, dets: list[Detection]) -> tuple[list[tuple[int, int]],
                                                                 list[int], list[int]]:
        """:meth:`Tracker.match` without the plate pairs that only the track's last box
        supports where the camera motion carried that box away (see the module)."""
        matched, new, lost = super().match(frame, dets)
        keep = []
        for ti, di in matched:
            if self._left_behind(self.live[ti], frame, dets[di]):
                new.append(di)
                lost.append(ti)
            else:
                keep.append((ti, di))
        return keep, sorted(new), sorted(lost)

    def _left_behind(self, track: LiveTrack, frame: int, det: Detection) -> bool:
        """Whether ``det`` matches ``track`` only by its last box, which the camera motion
        moved away by more than the box's size since."""
        last = track.frames[-1]
        if track.label != PLATE or not last < frame < len(self.motions):
            return False
        box = _mask(det)
        old, moved = track.boxes[-1], carry(track.boxes[-1], self.motions, last, frame)
        # the constant-velocity guess is the last box itself for a single detection
        preds = [moved, track.predict(frame)] if len(track.frames) > 1 else [moved]
        if any(_affinity(p, box, PLATE) > 0 for p in preds):
            return False
        shift = max(abs(moved[0] + moved[2] / 2 - old[0] - old[2] / 2),
                    abs(moved[1] + moved[3] / 2 - old[1] - old[3] / 2))
        return shift > max(old[2], old[3])

    def _add(self, track: LiveTrack, frame: int, det: Detection, image: Any,
             scale: tuple[float, float]) -> None:
        """:meth:`Tracker._add`; a plate box that is a piece of the track's previous one
        (see PIECE_WIDTH) is joined to that box carried to this frame: the mask does not
        shrink to a piece of the plate (the search between two plate frames runs on
        crops, where the video pass can box part of a line)."""
        super()._add(track, frame, det, image, scale)
        if track.label != PLATE or len(track.frames) < 2:
            return
        last, box = track.frames[-2], track.boxes[-1]
        if not 0 < frame - last <= PIECE_GAP or frame >= len(self.motions):
            return
        moved = carry(track.boxes[-2], self.motions, last, frame)
        if box[2] < PIECE_WIDTH * moved[2] and cover(moved, box) >= PIECE_COVER:
            track.boxes[-1] = union_box(box, moved)

    def predictions(self, track: LiveTrack, frame: int) -> list[BoxTuple]:
        guesses = super().predictions(track, frame)
        last = track.frames[-1]
        if track.label == PLATE and last < frame < len(self.motions):
            guesses.append(carry(track.boxes[-1], self.motions, last, frame))
        return guesses
