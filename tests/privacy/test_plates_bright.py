"""Bright plate rectangles: the photo profile's plate proposals made without text detection."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mediakit.privacy import plates
from mediakit.privacy.detector import Detector


def night_plate(text: str = "B 25 KUP") -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A small white plate with dark glyphs on a dark car rear, and a plain lamp beside it;
    returns the image and the plate box."""
    img = Image.new("RGB", (640, 360), (40, 30, 40))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=18)
    x0, y0, x1, y1 = draw.textbbox((300, 200), text, font=font)
    plate = (x0 - 5, y0 - 4, x1 + 5, y1 + 4)
    draw.rectangle(plate, fill=(235, 230, 235))
    draw.text((300, 200), text, fill=(30, 30, 30), font=font)
    draw.rectangle((100, 200, 180, 222), fill=(250, 240, 240))  # lamp: bright, no glyphs
    return np.asarray(img), plate


def test_bright_plate_found_and_lamp_not() -> None:
    rgb, (px0, py0, px1, py1) = night_plate()
    boxes = plates.bright_plate_boxes(rgb, plates.BrightPlates())
    assert len(boxes)  # one a scale where it fits; none on the lamp
    for x0, y0, x1, y1 in boxes[:, :4]:
        assert max(abs(x0 - px0), abs(y0 - py0), abs(x1 - px1), abs(y1 - py1)) <= 3


def test_bright_plates_skip_found_lines_and_need_characters() -> None:
    rgb, plate = night_plate()
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    bright=plates.BrightPlates())
    _, new = detector._bright_plates(rgb, [])
    assert len(new) == 1 and len(plates.normalise_plate_text(new[0][1])) >= 3
    found = [(np.array([*plate, 0.9], np.float32), "B25KUP", 0.95, 0.9)]
    assert not detector._bright_plates(rgb, found)[1]  # already boxed by a text line
    blank = rgb.copy()
    blank[plate[1]:plate[3], plate[0]:plate[2]] = 235
    assert not detector._bright_plates(blank, [])[1]


def test_unreadable_blob_replaced_by_bright_plate_inside() -> None:
    rgb, (px0, py0, px1, py1) = night_plate()
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    bright=plates.BrightPlates())
    blob = (np.array([px0 - 60, py0 - 40, px1 + 60, py1 + 40, 0.6], np.float32), "", 0.0, 0.48)
    small = (np.array([20, 20, 60, 34, 0.6], np.float32), "", 0.0, 0.48)  # too small to hold it
    lines, new = detector._bright_plates(rgb, [blob, small])
    assert len(lines) == 1 and lines[0] is small
    assert len(new) == 1 and new[0][3] >= plates.MIN_SCORE
    x0, y0, x1, y1 = new[0][0][:4]
    assert max(abs(x0 - px0), abs(y0 - py0), abs(x1 - px1), abs(y1 - py1)) <= 3


def test_bright_plates_in_both_profiles() -> None:
    photo = Detector(faces=False, profile="photo").plates
    video = Detector(faces=False, profile="video").plates
    assert photo is not None and photo.bright is not None
    assert video is not None and video.bright is not None
