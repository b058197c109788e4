import numpy as np
import pytest

from mediakit.privacy.masking import MaskStyle, apply_masks


def _image():
    rng = np.random.default_rng(1)
    return rng.integers(0, 255, (200, 300, 3), dtype=np.uint8)


@pytest.mark.parametrize("style", ["mosaic", "solid", "blur"])
def test_inside_changed_outside_untouched(style):
    img = _image()
    out = apply_masks(img.copy(), [(50, 40, 80, 60)], MaskStyle(style=style))
    inside, orig_inside = out[40:100, 50:130], img[40:100, 50:130]
    assert np.abs(inside.astype(int) - orig_inside).mean() > 20
    mask = np.ones(img.shape[:2], bool)
    mask[40:100, 50:130] = False
    assert np.array_equal(out[mask], img[mask])


def test_mosaic_is_coarse():
    out = apply_masks(_image(), [(0, 0, 120, 120)], MaskStyle(style="mosaic", cells=6))
    region = out[:120, :120].reshape(-1, 3)
    assert len(np.unique(region, axis=0)) <= 36


def test_ellipse_leaves_corners_and_feather_softens_outside():
    img = _image()
    out = apply_masks(img.copy(), [(50, 50, 100, 100)], MaskStyle(style="solid", shape="ellipse"))
    assert np.array_equal(out[50, 50], img[50, 50])  # corner of the box: outside the ellipse
    assert tuple(out[100, 100]) == (22, 22, 22)
    soft = apply_masks(img.copy(), [(50, 50, 100, 100)], MaskStyle(style="solid", feather=0.1))
    assert (soft[50:150, 50:150] == 22).all()  # the box itself stays fully covered
    assert not np.array_equal(soft[45, 100], img[45, 100])  # soft edge just outside


def test_boxes_outside_or_partly_outside_are_clipped():
    img = _image()
    out = apply_masks(img.copy(), [(-20, -20, 40, 40), (1000, 1000, 5, 5)],
                      MaskStyle(style="solid"))
    assert (out[:20, :20] == 22).all()
    assert np.array_equal(out[25:, 25:], img[25:, 25:])


def test_unknown_style_rejected():
    with pytest.raises(ValueError):
        MaskStyle(style="sticker")
