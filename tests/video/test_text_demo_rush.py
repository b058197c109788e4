"""The demo rush (assets/rushes/rush.mp4): wherever the photo pipeline masks text (the
astronaut's patches and name tape, the plates) on a frame extracted as a photo, the video
tracks mask it too on that frame. Without the photo-grade text keyframes the patch at the
left edge (frame 108) was left uncovered. The name tape (6-8 px glyphs) is found by the
photo pipeline's second look for small text (mediakit/privacy/text_second_look.py) from
frame 81 on, and the mission patch leaving by the left (frames 39-75) stays covered: its
track is no longer joined to the name tape that takes its place on the screen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mediakit.privacy.detector import Detector
from mediakit.privacy.regions import BoxTuple
from mediakit.video.detect import track_video
from mediakit.video.tracks import TrackIndex
from tests.video.conftest import decode

RUSH = Path(__file__).resolve().parents[2] / "assets" / "rushes" / "rush.mp4"


def _coverage(regions: list[BoxTuple], box: BoxTuple, size: tuple[int, int]) -> float:
    covered = np.zeros(size[::-1], bool)
    for x, y, w, h in regions:
        covered[max(0, int(y)):max(0, int(y + h)), max(0, int(x)):max(0, int(x + w))] = True
    x, y, w, h = (int(v) for v in box)
    sub = covered[max(0, y):y + h, max(0, x):x + w]
    return float(sub.mean()) if sub.size else 1.0


@pytest.fixture(scope="module")
def rush() -> tuple[list[np.ndarray], TrackIndex]:
    if not RUSH.exists():
        pytest.skip("sample rush absent")
    return decode(RUSH), TrackIndex(track_video(RUSH, Detector(profile="video"))["tracks"])


def _exposed(frames: list[np.ndarray], index: TrackIndex, sampled: list[int],
             where: tuple[float, float] | None = None) -> tuple[int, list]:
    """Photo text detections on ``sampled`` frames (only those whose box starts below
    ``where[0]`` and left of ``where[1]`` if given), and those the video leaves exposed."""
    size = (frames[0].shape[1], frames[0].shape[0])
    photo = Detector(faces=False, profile="photo")
    masked, exposed = 0, []
    for i in sampled:
        video = [box for _, box, _ in index.boxes(i)]
        for det in photo.detect(frames[i]):
            if where is not None and not (det.box[1] > where[0] and det.box[0] < where[1]):
                continue
            masked += 1
            if _coverage(video, det.box, size) < 0.95:
                exposed.append((i, det.extra.get("raw_text")))
    return masked, exposed


def test_demo_rush_masks_text_wherever_the_photo_pipeline_does(rush) -> None:
    frames, index = rush
    sampled = sorted(set(range(0, len(frames), 9)) | set(range(100, 116, 2)))
    masked, exposed = _exposed(frames, index, sampled)
    assert masked >= len(sampled) // 2  # the plates at least: the check is not empty
    assert exposed == []


def test_demo_rush_masks_the_name_tape_and_the_patch(rush) -> None:
    frames, index = rush
    tape = list(range(81, 109, 3))  # the name tape, low on the left
    masked, exposed = _exposed(frames, index, tape, where=(660, 300))
    assert masked >= len(tape) - 2  # found on (nearly) every frame: not an empty check
    assert exposed == []
    patch = [63, 66, 75]  # the mission patch leaving by the left edge
    masked, exposed = _exposed(frames, index, patch, where=(660, 300))
    assert masked >= 2
    assert exposed == []
