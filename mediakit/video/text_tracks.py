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

Finding the text is the photo pipeline's job too: the video plate pass (PP-OCRv4 mobile on
frames downscaled to 1120 px) misses small or soft text that the photo profile's pass
(PP-OCRv6, 1x and a focused 1.6x) finds on the same frame extracted as a photo. So on text
keyframes (one plate frame in ``TEXT_EVERY``, :mod:`mediakit.video.detect`) that photo
pass runs on the whole frame, at the resolution the photo pipeline would use (up to
1600 px), and what it finds that the video pass does not already box joins these tracks.
"""

from __future__ import annotations

from mediakit.privacy.plates import READ_CONFIDENCE, normalise_plate_text
from mediakit.privacy.regions import PLATE, BoxTuple, Detection
from mediakit.video.motion import Motions, carry
from mediakit.video.tracking import LiveTrack, Tracker

MIN_CHARS = 3  # characters read for a line to count as legible text


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

    def predictions(self, track: LiveTrack, frame: int) -> list[BoxTuple]:
        guesses = super().predictions(track, frame)
        last = track.frames[-1]
        if track.label == PLATE and last < frame < len(self.motions):
            guesses.append(carry(track.boxes[-1], self.motions, last, frame))
        return guesses
