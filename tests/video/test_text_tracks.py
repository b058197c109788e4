"""Text tracks follow the camera motion; legible text triggers the in-between search."""

from __future__ import annotations

import numpy as np

from mediakit.privacy.plates import reads_as
from mediakit.privacy.regions import FACE, PLATE, Detection, region_label
from mediakit.video.motion import Motions
from mediakit.video.text_tracks import MotionTracker, legible_text, worth_refining
from mediakit.video.tracking import Tracker, to_data

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


def _read(track_dets: list[Detection]) -> str | None:
    tracker = Tracker(max_gap=36)
    for f, det in enumerate(track_dets):
        tracker.update(f * 12, [det])
    (track,) = tracker.finish()
    return to_data(track, 0, 40, [], 0).get("reads_as")


def test_a_track_of_words_is_named_text_and_one_read_as_a_plate_is_not() -> None:
    def det(text: str, fmt: str | None) -> Detection:
        word = _word(900, text)
        word.extra.update(reads_as=reads_as(text, 0.99), format=fmt)
        return word

    assert _read([det("DUPONT", None), det("DUP0NT", None)]) == "text"
    assert region_label({"label": PLATE, "reads_as": "text"}) == "text"
    # one reading of the track matched a plate format: a plate, whatever the others read
    assert _read([det("DUPONT", None), det("AB123CD", "FR")]) is None
    assert _read([_word(900), _word(900)]) is None  # nothing read: unknown, a plate
