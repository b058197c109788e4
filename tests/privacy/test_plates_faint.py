"""Bright plate rectangles with faint glyphs, and letters-only reads in bright rectangles."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from mediakit.privacy import plates

CFG = plates.BrightPlates()


def plate_image(ink: int, ground: int = 200,
                text: str = "B 25 KUP") -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A small plate of ``ground`` grey with glyphs of ``ink`` grey on a dark car rear;
    returns the RGB image and the plate box."""
    img = Image.new("RGB", (640, 360), (40, 30, 40))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=18)
    x0, y0, x1, y1 = draw.textbbox((300, 200), text, font=font)
    plate = (x0 - 5, y0 - 4, x1 + 5, y1 + 4)
    draw.rectangle(plate, fill=(ground,) * 3)
    draw.text((300, 200), text, fill=(ink,) * 3, font=font)
    return np.asarray(img), plate


@pytest.mark.parametrize(("ink", "score"), [(30, CFG.score), (185, CFG.faint_score)])
def test_faint_glyphs_give_a_faint_rectangle(ink: int, score: float) -> None:
    rgb, (px0, py0, px1, py1) = plate_image(ink)
    boxes = plates.bright_plate_boxes(rgb, CFG)
    assert len(boxes)
    for x0, y0, x1, y1, s in boxes[:, :5]:
        assert max(abs(x0 - px0), abs(y0 - py0), abs(x1 - px1), abs(y1 - py1)) <= 3
        assert s == pytest.approx(score)


def test_no_rectangle_without_glyphs() -> None:
    rgb, _ = plate_image(ink=196)  # 4 grey levels: no glyphs to speak of
    assert not len(plates.bright_plate_boxes(rgb, CFG))


def reads(detector: plates.PlateDetector, rgb: np.ndarray, rect: np.ndarray, text: str,
          conf: float, monkeypatch: pytest.MonkeyPatch) -> list:
    """What :meth:`PlateDetector._bright_reads` keeps of ``rect`` read as ``text``, at a
    score that is masked."""
    def score(_rgb: np.ndarray, lines: np.ndarray) -> list:
        return [(b, text, conf, plates.text_score(text, conf, float(b[4]))) for b in lines]
    monkeypatch.setattr(detector, "_score", score)
    return [item for item in detector._bright_reads(rgb, rect[None])
            if item[3] is not None and item[3] >= plates.MIN_SCORE]


def test_faint_rectangle_needs_plate_text(monkeypatch: pytest.MonkeyPatch) -> None:
    rgb, plate = plate_image(ink=185)
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    bright=CFG, plate_filter=plates.PlateFilter())
    faint = np.array([*plate, CFG.faint_score], np.float32)
    kept = reads(detector, rgb, faint, "B 25 KUP", 0.95, monkeypatch)
    assert len(kept) == 1 and kept[0][3] >= 0.9
    assert not reads(detector, rgb, faint, "B2SK", 0.5, monkeypatch)  # unreadable
    assert not reads(detector, rgb, faint, "BOSKUP", 0.95, monkeypatch)  # letters only
    clear = np.array([*plate, CFG.score], np.float32)
    assert reads(detector, rgb, clear, "B2SK", 0.5, monkeypatch)


def test_letters_only_read_in_bright_rectangle(monkeypatch: pytest.MonkeyPatch) -> None:
    rgb, plate = plate_image(ink=30)
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    bright=CFG, plate_filter=plates.PlateFilter())
    rect = np.array([*plate, CFG.score], np.float32)
    kept = reads(detector, rgb, rect, "BOSKUP", 0.95, monkeypatch)  # 0/O, 5/S misread
    assert len(kept) == 1 and kept[0][3] >= plates.MIN_SCORE
    assert not reads(detector, rgb, rect, "BUS", 0.95, monkeypatch)  # too short for a plate
    # light letters on a dark ground (a badge): dropped by the plate filter
    badge, _ = plate_image(ink=230, ground=60)
    assert not reads(detector, badge, rect, "BOSKUP", 0.95, monkeypatch)
