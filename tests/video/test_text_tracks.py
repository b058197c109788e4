"""Text tracks follow the camera motion; legible text triggers the in-between search."""

from __future__ import annotations

import numpy as np

from mediakit.privacy.regions import FACE, PLATE, Detection
from mediakit.video.motion import Motions
from mediakit.video.text_tracks import MotionTracker, legible_text, worth_refining
from mediakit.video.tracking import Tracker

PAN = -12.0  # px a frame: the scene moves left


def _word(x: float, text: str = "DUPONT", conf: float = 0.99, score: float = 0.25) -> Detection:
    box = (x, 260.0, 110.0, 36.0)
    return Detection(PLATE, box, score, "ppocr", mask_box=box,
                     extra={"raw_text": text, "text_confidence": conf})


def _pan(frames: int) -> Motions:
    motions = Motions()
    for _ in range(frames):
        motions.append(np.array([[1.0, 0.0, PAN], [0.0, 1.0, 0.0]]))
    return motions


def _tracks(tracker: Tracker) -> list[list[int]]:
    for f in (0, 12, 24):  # plate scans 144 px apart, more than the word's width
        tracker.update(f, [_word(900 + PAN * f)])
    return [t.frames for t in tracker.finish()]


def test_a_word_carried_by_the_camera_pan_stays_one_track() -> None:
    assert _tracks(MotionTracker(_pan(30), max_gap=36)) == [[0, 12, 24]]
    assert _tracks(Tracker(max_gap=36)) == [[0], [12], [24]]  # the constant-velocity guess


def test_faces_keep_the_constant_velocity_guess() -> None:
    tracker = MotionTracker(_pan(30), max_gap=36)
    box = (900.0, 200.0, 60.0, 60.0)
    tracker.update(0, [Detection(FACE, box, 0.9, "t", mask_box=box)])
    assert tracker.predictions(tracker.live[0], 12) == [box]


def test_legible_text_is_worth_refining_whatever_its_score() -> None:
    assert legible_text(_word(0)) and worth_refining(_word(0), 0.5)
    unread = _word(0, text="", conf=0.0)
    assert not legible_text(unread) and not worth_refining(unread, 0.5)
    assert worth_refining(_word(0, text="", conf=0.0, score=0.6), 0.5)
    assert not legible_text(_word(0, text="AB", conf=0.99))
    assert not worth_refining(None, 0.5)
