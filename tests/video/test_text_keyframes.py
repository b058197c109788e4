"""Text keyframes stand for the video plate pass: on a frame where the photo profile's text
pass runs over the whole picture, its detections are the frame's plate detections and the
video plate pass (PP-OCRv4) does not run there too; it still runs between keyframes."""

from __future__ import annotations

import numpy as np
import pytest

import mediakit.video.detect as detect
from mediakit.privacy.regions import PLATE, Detection
from mediakit.video.detect import TEXT_EVERY, VideoTracker
from tests.video.conftest import SQUARE, frame_index, square_frames

FRAMES = 30
APPEAR = 5  # the "plate" shows from this frame: its start is searched between keyframes


class PlatePass:
    """A plate-only detector finding the white square of the synthetic frames; records
    the frame index and whether it saw the whole frame."""

    faces = None
    plates = True

    def __init__(self, source: str) -> None:
        self.source = source
        self.calls: list[tuple[int, bool]] = []

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        whole = rgb.shape[:2] == (240, 320)
        index = frame_index(rgb) if whole else -1
        self.calls.append((index, whole))
        ys, xs = np.nonzero(rgb[..., 1] > 200)
        if len(xs) < 20:
            return []
        box = (float(xs.min()), float(ys.min()), float(xs.max() - xs.min() + 1),
               float(ys.max() - ys.min() + 1))
        return [Detection(PLATE, box, 0.9, self.source, mask_box=box,
                          extra={"raw_text": "AB123CD", "text_confidence": 0.95})]


@pytest.fixture
def tracked(monkeypatch: pytest.MonkeyPatch) -> tuple[PlatePass, PlatePass, dict]:
    video, photo = PlatePass("video"), PlatePass("photo")
    monkeypatch.setattr(detect, "text_detector", lambda _: photo)
    frames = square_frames(FRAMES, appear=APPEAR)
    info = {"width": 320, "height": 240, "fps": 25.0, "rate": 25.0}
    tracker = VideoTracker(info, video, suspects=False)
    assert tracker.decoded == (320, 240)
    for frame in frames:
        tracker.feed(frame)
    return video, photo, tracker.result()


def test_the_photo_text_pass_stands_for_the_plate_pass_on_keyframes(tracked) -> None:
    video, photo, result = tracked
    keyframes = [i for i, _ in photo.calls]
    assert keyframes == list(range(0, FRAMES, TEXT_EVERY))  # 0, 12, 24
    assert result["text_runs"] == len(keyframes)
    assert not {i for i, _ in video.calls} & set(keyframes)


def test_the_video_pass_still_searches_between_keyframes(tracked) -> None:
    video, _, result = tracked
    # the square shows from frame 5, first seen on keyframe 12: the frames between are
    # searched by the video pass (this small frame: whole), and the last frame is a plate
    # frame that is no keyframe
    assert [i for i, _ in video.calls] == [*range(1, TEXT_EVERY), FRAMES - 1]
    (plate,) = [t for t in result["tracks"] if t["label"] == PLATE]
    # detected on frames 5-12 (the search, then the keyframe), 24 (keyframe) and 29
    assert plate["detections"] == TEXT_EVERY - APPEAR + 1 + 2
    assert plate["best"]["box"] == [float(v) for v in SQUARE]
