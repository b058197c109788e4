"""A face boxed twice (a smaller box inside a bigger one on the same face) is merged into
one mask; two distinct faces, even overlapping, never are."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mediakit.privacy.detector import (
    Detector,
    cover,
    face_mask_box,
    merge_nested_faces,
    merge_nested_text,
    nested_face,
)
from mediakit.privacy.regions import FACE, PLATE, Detection

GROUPE = Path(__file__).resolve().parents[2] / "assets" / "photos" / "groupe.jpg"


def _face(box, score=0.6, suspect=False, label=FACE) -> Detection:
    return Detection(label, box, score, "centerface",
                     mask_box=face_mask_box(box, 1.45, 1.3), suspect=suspect)


# assets' groupe.jpg before the merge: m1 and the half face m8 boxed inside it
BIG = (1168.0, 572.5, 119.5, 153.8)
HALF = (1249.9, 585.0, 43.2, 124.9)


def test_a_half_face_inside_a_face_is_merged_into_it_with_both_regions_masked():
    big, half = _face(BIG, 0.67), _face(HALF, 0.36)
    before = (big.mask_box, half.mask_box)
    other = _face((271.7, 582.2, 118.2, 148.8), 0.6)
    plate = _face((1250.0, 600.0, 40.0, 20.0), 0.5, label=PLATE)
    kept = merge_nested_faces([half, other, big, plate])
    assert kept == [other, big, plate]
    assert big.box == BIG and big.extra["merged"] == 1 and big.score == 0.67
    assert min(cover(big.mask_box, before[0]), cover(big.mask_box, before[1])) > 1 - 1e-9


def test_a_small_background_face_inside_a_big_face_region_stays_a_face():
    big = _face((400.0, 300.0, 200.0, 240.0))
    # a face farther away, seen over the big one's shoulder: wholly inside its region,
    # centre inside its box, but under half its height
    far = _face((540.0, 310.0, 50.0, 60.0), 0.5)
    assert cover(big.mask_box, far.mask_box) >= 0.9
    assert not nested_face(big, far)
    assert merge_nested_faces([big, far]) == [big, far]
    assert "merged" not in big.extra


def test_two_faces_of_one_size_side_by_side_stay_two():
    left = _face((100.0, 100.0, 100.0, 120.0))
    right = _face((170.0, 105.0, 100.0, 120.0))  # overlapping by a third: cheek to cheek
    assert merge_nested_faces([left, right]) == [left, right]


def test_suspects_are_left_to_distinct_suspects():
    big, half = _face(BIG, 0.67), _face(HALF, 0.18, suspect=True)
    assert merge_nested_faces([big, half]) == [big, half]


@pytest.mark.skipif(not GROUPE.is_file(), reason="assets/photos/groupe.jpg absent")
def test_groupe_has_one_mask_per_face():
    rgb = np.asarray(Image.open(GROUPE).convert("RGB"))
    faces = [d for d in Detector(plates=False).detect(rgb) if d.label == FACE]
    assert len(faces) == 7  # seven people around the table
    assert sum(d.extra.get("merged", 0) for d in faces) == 2  # m8 and m9 of before
    for a in faces:
        assert not any(b is not a and nested_face(a, b) for b in faces)


def _text(box, text, reads, score=0.8) -> Detection:
    x, y, w, h = box
    return Detection(PLATE, box, score, "ppocr", mask_box=(x - 4, y - 4, w + 8, h + 8),
                     extra={"raw_text": text, "reads_as": reads})


def test_part_of_a_text_line_read_again_is_merged_into_the_line():
    line = _text((100.0, 50.0, 200.0, 30.0), "M. ARNAUD", "text", 0.7)
    part = _text((210.0, 52.0, 80.0, 26.0), "NAUD", "text", 0.9)
    apart = _text((100.0, 120.0, 90.0, 30.0), "AB-123-CD", "plate")
    before = line.mask_box
    kept = merge_nested_text([part, apart, line])
    assert kept == [apart, line] and line.score == 0.9 and line.extra["merged"] == 1
    assert cover(line.mask_box, before) == 1.0 and cover(line.mask_box, part.mask_box) == 1.0
    assert line.extra["reads_as"] == "text"
    # a plate read inside a bigger box: the merged region is named a plate
    sign = _text((0.0, 0.0, 400.0, 40.0), "GARAGE AB-123-CD", "text")
    plate = _text((250.0, 4.0, 140.0, 32.0), "AB-123-CD", "plate")
    assert merge_nested_text([sign, plate]) == [sign] and sign.extra["reads_as"] == "plate"


@pytest.mark.skipif(not GROUPE.is_file(), reason="assets/photos/groupe.jpg absent")
def test_groupe_has_no_text_box_inside_another():
    rgb = np.asarray(Image.open(GROUPE).convert("RGB"))
    texts = [d for d in Detector(faces=False).detect(rgb) if d.label == PLATE]
    assert texts
    for a in texts:
        assert not any(b is not a and cover(a.mask_box, b.mask_box) >= 0.9 for b in texts)


def test_a_line_inside_a_much_taller_text_box_stays_apart():
    jacket = _text((476.0, 312.0, 804.0, 408.0), "po", "plate")  # a false alarm
    tape = _text((512.0, 253.0, 107.0, 40.0), "DUPONT", "text")
    tape.box, tape.mask_box = (512.0, 320.0, 107.0, 40.0), (504.0, 312.0, 124.0, 56.0)
    assert merge_nested_text([jacket, tape]) == [jacket, tape]
