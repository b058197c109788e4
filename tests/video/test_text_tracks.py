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


def _plate(x: float, width: float) -> Detection:
    box = (x, 400.0, width, 40.0)
    return Detection(PLATE, box, 0.6, "ppocr", mask_box=box)


def test_a_piece_of_a_plate_keeps_the_plate_mask() -> None:
    tracker = MotionTracker(_pan(30), max_gap=36)
    tracker.update(10, [_plate(600, 150)])
    tracker.update(11, [_plate(600 + PAN + 20, 60)])  # the left part of the line read alone
    track = tracker.live[0]
    assert track.frames == [10, 11]
    x, _, w, _ = track.boxes[-1]
    assert x == 600 + PAN and w == 150  # the whole plate, carried by the camera pan
    tracker.update(12, [_plate(600 + 2 * PAN, 150)])
    assert track.boxes[-1][2] == 150
    # twelve frames on (a plate frame), a smaller box is the plate seen smaller: kept
    tracker.update(24, [_plate(600 + 14 * PAN, 90)])
    assert track.boxes[-1][2] == 90


def test_faces_are_not_joined_as_pieces() -> None:
    tracker = MotionTracker(_pan(30), max_gap=36)
    for f, w in ((10, 150.0), (11, 105.0)):
        box = (600.0 + PAN * (f - 10) + (150 - w) / 2, 200.0, w, w)
        tracker.update(f, [Detection(FACE, box, 0.9, "t", mask_box=box)])
    (track,) = tracker.live
    assert [b[2] for b in track.boxes] == [150.0, 105.0]
