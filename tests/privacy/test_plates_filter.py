"""Plate false-alarm filter of the photo profile: car badges and small unreadable noise."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mediakit.privacy import plates
from mediakit.privacy.detector import Detector

RULE = plates.PlateFilter()
GLYPHS = plates.BrightPlates()


def lettering(text: str, ink: int, ground: int) -> tuple[np.ndarray, np.ndarray]:
    """Grey image of ``text`` in ``ink`` on a ``ground`` patch; returns it and a text-line
    box (x0, y0, x1, y1, score) around it, with DB's unclip margin."""
    img = Image.new("L", (320, 120), 60)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=24)
    x0, y0, x1, y1 = draw.textbbox((100, 45), text, font=font)
    draw.rectangle((x0 - 12, y0 - 8, x1 + 12, y1 + 8), fill=ground)
    draw.text((100, 45), text, fill=ink, font=font)
    box = np.array([x0 - 10, y0 - 10, x1 + 10, y1 + 10, 0.8], np.float32)
    return np.asarray(img), box


def test_letters_only_word_kept_only_with_dark_glyphs() -> None:
    plate, box = lettering("BIMMIAN", 20, 225)  # vanity plate: dark glyphs on white
    assert plates.plausible_plate(plate, box, "BIMMIAN", 0.99, RULE, GLYPHS)
    badge, box = lettering("OCTAVIA", 200, 40)  # chrome letters on dark paint
    assert not plates.plausible_plate(badge, box, "OCTAVIA", 0.99, RULE, GLYPHS)
    # plate text with digits and unsure reads are not judged by their colours
    assert plates.plausible_plate(badge, box, "AB123CD", 0.99, RULE, GLYPHS)
    assert plates.plausible_plate(badge, box, "OCTAVIA", 0.5, RULE, GLYPHS)


def test_small_unreadable_line_needs_glyphs_or_a_high_score() -> None:
    plate, box = lettering("B 25 KUP", 20, 225)
    weak = box.copy()
    weak[4] = 0.3
    assert plates.plausible_plate(plate, weak, "", 0.1, RULE, GLYPHS)  # holds glyphs
    blank = np.full_like(plate, 60)
    assert not plates.plausible_plate(blank, weak, "", 0.1, RULE, GLYPHS)
    assert plates.plausible_plate(blank, box, "", 0.1, RULE, GLYPHS)  # confident detector
    tall = weak.copy()
    tall[[1, 3]] += [-20, 20]  # left to the second look and the bright rectangles
    assert plates.plausible_plate(blank, tall, "", 0.1, RULE, GLYPHS)


def test_filter_in_photo_profile_only() -> None:
    photo = Detector(faces=False, profile="photo").plates
    video = Detector(faces=False, profile="video").plates
    assert photo is not None and photo.filter is not None
    assert video is not None and video.filter is None
