"""Golden images: small downscaled renders compared with a perceptual tolerance.

Regenerate after an intended design change with ``MEDIAKIT_UPDATE_GOLDENS=1 pytest
tests/infographic/test_golden.py`` and look at the new files before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from .conftest import TEMPLATES, render

GOLDEN = Path(__file__).with_name("golden")
SIZE = 160
MEAN_TOLERANCE = 4.0  # mean absolute difference, 0–255, after a light blur
PIXEL_TOLERANCE = 0.03  # share of pixels allowed to differ by more than 48


def _small(im: Image.Image) -> np.ndarray:
    w, h = im.size
    thumb = im.resize((SIZE, round(SIZE * h / w)), Image.Resampling.LANCZOS)
    return np.asarray(thumb.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32)


CASES = [(t, "etat", 1080, 1080) for t in TEMPLATES] + [
    ("bilan-operation", "prefecture-exemple", 1200, 630),
    ("appel-a-temoins", "etat", 1080, 1920),
]


@pytest.mark.parametrize("template, charte, width, height", CASES)
def test_matches_golden(template: str, charte: str, width: int, height: int) -> None:
    path = GOLDEN / f"{template}_{charte}_{width}x{height}.png"
    got = render(charte, template, width, height).image
    if os.environ.get("MEDIAKIT_UPDATE_GOLDENS"):
        GOLDEN.mkdir(exist_ok=True)
        w, h = got.size
        got.resize((SIZE, round(SIZE * h / w)), Image.Resampling.LANCZOS).save(path)
        pytest.skip("golden regenerated")
    assert path.is_file(), f"{path.name} missing: run with MEDIAKIT_UPDATE_GOLDENS=1"
    want = np.asarray(Image.open(path).convert("RGB").filter(ImageFilter.GaussianBlur(0.8)),
                      dtype=np.float32)
    have = _small(got)
    assert have.shape == want.shape
    diff = np.abs(have - want)
    assert diff.mean() <= MEAN_TOLERANCE, f"mean difference {diff.mean():.2f}"
    assert (diff.max(axis=2) > 48).mean() <= PIXEL_TOLERANCE
