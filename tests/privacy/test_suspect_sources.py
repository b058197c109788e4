"""Second source of face suspects: CenterFace turned and enlarged (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from mediakit.privacy.detector import Detector, cover
from mediakit.privacy.faces import Level, run_level
from mediakit.privacy.regions import FACE
from mediakit.privacy.suspect_sources import SOURCE, SuspectPasses, candidates, unturn

WIDER = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "faces" / "wider"
LYING = "0_Parade_Parade_0_459.jpg"  # an easy face that only the turned passes propose


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@pytest.mark.parametrize("turns", [1, 2, 3])
def test_unturn_maps_a_box_back_to_the_image(turns: int) -> None:
    h, w = 60, 100
    image = np.zeros((h, w), np.uint8)
    image[10:25, 70:90] = 1  # box x0, y0, x1, y1 = 70, 10, 90, 25
    ys, xs = np.nonzero(np.rot90(image, turns))
    turned = np.array([[xs.min(), ys.min(), xs.max() + 1, ys.max() + 1, 0.5]], np.float32)
    assert unturn(turned, turns, w, h)[0].tolist() == [70, 10, 90, 25, 0.5]


def test_turned_passes_find_the_face_where_it_is() -> None:
    skimage_data = pytest.importorskip("skimage.data")
    rgb = np.ascontiguousarray(np.rot90(skimage_data.astronaut(), 3))
    upright = run_level(rgb, Level(1.0, 1600), 0.5)
    face = upright[np.argmax(upright[:, 4])]
    found = candidates(rgb, SuspectPasses(turns=(1, 3), scales=(), floor=0.5))
    assert len(found)
    assert all(_iou(face, row) > 0.5 for row in found)  # each pass: Eileen Collins' face


@pytest.mark.skipif(not (WIDER / "images" / LYING).is_file(),
                    reason="shared evaluation data not available")
def test_second_source_proposes_a_face_the_pyramid_misses() -> None:
    gt = json.loads((WIDER / "gt.json").read_text())
    faces = next(i["faces"] for i in gt["images"] if i["file"] == LYING)
    target = next(f["box"] for f in faces if f["box"][0] == pytest.approx(76.4))
    rgb = cv2.cvtColor(cv2.imread(str(WIDER / "images" / LYING)), cv2.COLOR_BGR2RGB)
    detector = Detector(plates=False, profile="photo")
    assert detector.extra_suspects is not None
    masks = [d.mask_box for d in detector.detect(rgb)]
    with_source = detector.detect(rgb, suspects=True)
    detector.extra_suspects = None
    without = detector.detect(rgb, suspects=True)

    def covers(dets: list) -> bool:
        return any(cover(d.mask_box, target) >= 0.7 for d in dets if d.label == FACE)

    assert not covers(without)
    assert covers([d for d in with_source if d.source == SOURCE])
    assert all(d.suspect for d in with_source if d.source == SOURCE)  # never masked alone
    assert [d.mask_box for d in with_source if not d.suspect] == masks


def test_video_profile_has_no_second_source() -> None:
    assert Detector(plates=False, profile="video").extra_suspects is None
