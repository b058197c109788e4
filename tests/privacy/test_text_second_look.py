"""The second look for small text (mediakit/privacy/text_second_look.py): the demo rush's
name tape, whose glyphs (6-8 px, soft after resampling and H.264) leave no trace in the
photo text passes' probability maps, is found by a 2x pass on a crop chosen from rows of
small strokes; the crops stay bounded and featureless pictures get none."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from mediakit.privacy import text_second_look as second
from mediakit.privacy.detector import Detector
from tests.video.conftest import decode

RUSH = Path(__file__).resolve().parents[2] / "assets" / "rushes" / "rush.mp4"
TAPE_FRAMES = (84, 90, 96, 102)  # the name tape, low on the left of the frame


def _tape(dets: list, limit_x: float = 300) -> list:
    """Text masks on the name tape's strip (bottom-left of the 720p frame)."""
    return [d for d in dets if d.box[1] > 660 and d.box[0] < limit_x]


@pytest.fixture(scope="module")
def frames() -> dict[int, np.ndarray]:
    if not RUSH.exists():
        pytest.skip("sample rush absent")
    decoded = decode(RUSH)
    return {i: decoded[i] for i in TAPE_FRAMES}


def test_name_tape_found_only_with_the_second_look(frames: dict[int, np.ndarray],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    photo = Detector(faces=False, profile="photo")
    found = {i: _tape(photo.detect(rgb)) for i, rgb in frames.items()}
    assert all(found.values()), found
    for dets in found.values():  # a text line, masked by the photo rules as unreadable text
        assert all(10 <= d.box[3] <= 40 and d.score >= 0.2 for d in dets)
    monkeypatch.setattr(second, "small_text_reads", lambda *a, **k: [])
    without = {i: _tape(photo.detect(rgb)) for i, rgb in frames.items()}
    assert not any(without.values()), without  # the 1x and 1.6x passes miss it


def test_crops_are_bounded_and_hold_the_tape(frames: dict[int, np.ndarray]) -> None:
    cfg = second.SmallText()
    for rgb in frames.values():
        crops = second.small_text_crops(rgb, np.zeros((0, 4), np.float32), cfg)
        assert 1 <= len(crops) <= cfg.max_crops
        assert all(x1 - x0 <= cfg.max_side and y1 - y0 <= cfg.max_side
                   for x0, y0, x1, y1 in crops)
        x0, y0, x1, y1 = crops[0]  # the best row is the tape's (or its patch's, above it)
        assert x0 < 200 and y1 > 690


def test_no_crop_on_featureless_pictures() -> None:
    rng = np.random.default_rng(3)
    flat = np.full((480, 640, 3), (40, 44, 110), np.uint8)  # a uniform patch, no text
    soft = cv2.GaussianBlur(rng.normal(120, 30, (480, 640)).astype(np.float32), (0, 0), 4)
    texture = np.repeat(np.clip(soft, 0, 255).astype(np.uint8)[..., None], 3, -1)
    cfg = second.SmallText()
    for rgb in (flat, texture):
        assert second.small_text_crops(rgb, np.zeros((0, 4), np.float32), cfg) == []
        assert second.small_text_lines(rgb, np.zeros((0, 4), np.float32), cfg, 10.0).shape \
            == (0, 5)


def test_rows_inside_known_text_are_not_searched_again(frames: dict[int, np.ndarray]) -> None:
    cfg = second.SmallText()
    rgb = frames[TAPE_FRAMES[0]]
    everything = np.array([[0, 0, rgb.shape[1], rgb.shape[0]]], np.float32)
    assert second.small_text_crops(rgb, everything, cfg) == []
