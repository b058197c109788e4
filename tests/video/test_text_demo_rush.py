"""The demo rush (assets/rushes/rush.mp4): wherever the photo pipeline masks text (the
astronaut's patches and name tape, the plates) on a frame extracted as a photo, the video
tracks mask it too on that frame. Without the photo-grade text keyframes the patch at the
left edge (frame 108) was left uncovered."""

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


@pytest.mark.skipif(not RUSH.exists(), reason="sample rush absent")
def test_demo_rush_masks_text_wherever_the_photo_pipeline_does() -> None:
    frames = decode(RUSH)
    size = (frames[0].shape[1], frames[0].shape[0])
    index = TrackIndex(track_video(RUSH, Detector(profile="video"))["tracks"])
    photo = Detector(faces=False, profile="photo")
    sampled = sorted(set(range(0, len(frames), 9)) | set(range(100, 116, 2)))
    masked, exposed = 0, []
    for i in sampled:
        video = [box for _, box, _ in index.boxes(i)]
        for det in photo.detect(frames[i]):
            masked += 1
            if _coverage(video, det.box, size) < 0.95:
                exposed.append((i, det.extra.get("raw_text")))
    assert masked >= len(sampled) // 2  # the plates at least: the check is not empty
    assert exposed == []
