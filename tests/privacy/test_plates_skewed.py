"""Plates seen at an angle: bright quadrilateral proposals, deskewed for reading."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mediakit.privacy import plates


def skewed_plate(text: str = "CFW 0660") -> tuple[np.ndarray, np.ndarray]:
    """A white 2:1 plate with dark glyphs, warped into a sheared, foreshortened view on a
    dark car body; returns the image and the plate's corners (tl, tr, br, bl)."""
    flat = Image.new("RGB", (120, 60), (235, 235, 240))
    draw = ImageDraw.Draw(flat)
    draw.text((8, 16), text, fill=(30, 30, 60), font=ImageFont.load_default(size=24))
    corners = np.float32([[300, 180], [372, 210], [372, 262], [300, 232]])
    src = np.float32([[0, 0], [120, 0], [120, 60], [0, 60]])
    warp = cv2.getPerspectiveTransform(src, corners)
    body = np.full((400, 640, 3), (40, 45, 60), np.uint8)
    plate = cv2.warpPerspective(np.asarray(flat), warp, (640, 400))
    inside = cv2.warpPerspective(np.full((60, 120), 255, np.uint8), warp, (640, 400)) > 127
    body[inside] = plate[inside]
    return body, corners


def test_skewed_plate_found_as_quadrilateral() -> None:
    rgb, corners = skewed_plate()
    boxes = plates.bright_plate_boxes(rgb, plates.BrightPlates())
    assert len(boxes)
    quads = boxes[~np.isnan(boxes[:, 5])]
    assert len(quads)  # the axis-aligned test alone (aspect 2.2+) misses it
    x0, y0, x1, y1 = quads[0, :4]
    cx0, cy0 = corners.min(0)
    cx1, cy1 = corners.max(0)
    assert max(abs(x0 - cx0), abs(y0 - cy0), abs(x1 - cx1), abs(y1 - cy1)) <= 6
    assert np.abs(quads[0, 5:13].reshape(4, 2) - corners).max() <= 6


def test_skewed_plate_read_deskewed() -> None:
    rgb, _ = skewed_plate()
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    bright=plates.BrightPlates())
    _, new = detector._bright_plates(rgb, [])
    assert len(new) == 1
    assert len(plates.normalise_plate_text(new[0][1])) >= 3


def test_no_quadrilateral_without_glyphs() -> None:
    rgb, corners = skewed_plate("")
    boxes = plates.bright_plate_boxes(rgb, plates.BrightPlates())
    assert not len(boxes)


def test_deskew_stretches_foreshortened_plate() -> None:
    quad = np.float32([[0, 0], [40, 0], [40, 40], [0, 40]])
    img = np.zeros((50, 50), np.uint8)
    assert plates.deskew(img, quad, 48).shape == (48, 48)
    assert plates.deskew(img, quad, 48, 2.0).shape == (48, 96)


def square_text(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Dark text on a white panel, with its text region boxed too square (1.4:1) to be a
    one-row plate; returns the image and that region (x0, y0, x1, y1, score)."""
    img = Image.new("RGB", (320, 200), (60, 60, 70))
    draw = ImageDraw.Draw(img)
    draw.rectangle((100, 60, 230, 130), fill=(235, 235, 240))
    draw.text((110, 82), text, fill=(20, 20, 40), font=ImageFont.load_default(size=24))
    return np.asarray(img), np.array([[115, 50, 215, 120, 0.7]], np.float32)


def test_square_region_kept_when_read_as_plate_text() -> None:
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    second_look=plates.SecondLook())
    rgb, region = square_text("CFW 0660")
    assert not plates.plate_shaped(region[0], 10.0)
    kept = detector._square_reads(rgb, region)
    assert len(kept) == 1 and kept[0][3] > plates.PLATE_TEXT_SCORE
    rgb, region = square_text("Stop")
    assert not detector._square_reads(rgb, region)
