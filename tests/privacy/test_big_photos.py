"""Camera-sized photos: faces of a given pixel size are found as in a small image."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from mediakit.privacy import faces
from mediakit.privacy.detector import Detector
from mediakit.privacy.regions import FACE


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    skimage_data = pytest.importorskip("skimage.data")
    return skimage_data.astronaut()


def _small_face(astronaut: np.ndarray, k: float = 0.12) -> np.ndarray:
    """The astronaut scaled so that her face is ~13 px tall."""
    return cv2.resize(astronaut, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)


def _faces_at(dets, cx: float, cy: float, radius: float = 10.0) -> list:
    return [d for d in dets if d.label == FACE and not d.suspect
            and abs(d.box[0] + d.box[2] / 2 - cx) < radius
            and abs(d.box[1] + d.box[3] / 2 - cy) < radius]


def test_small_face_in_a_24_mp_photo_is_found_as_in_a_small_image(astronaut) -> None:
    small = _small_face(astronaut)
    det = Detector(plates=False)
    # the same 13 px face in a 600 px image and in a 6000 x 4000 photo
    canvas = np.full((416, 600, 3), 120, np.uint8)
    canvas[100:100 + small.shape[0], 100:100 + small.shape[1]] = small
    ref = _faces_at(det.detect(canvas), 100 + 215 * 0.12, 100 + 105 * 0.12)
    photo = np.full((4000, 6000, 3), 120, np.uint8)
    photo[1800:1800 + small.shape[0], 2500:2500 + small.shape[1]] = small
    found = _faces_at(det.detect(photo), 2500 + 215 * 0.12, 1800 + 105 * 0.12)
    assert ref and found, "the small face is not masked in the large photo"
    assert abs(found[0].score - ref[0].score) < 0.1
    fx, fy, fw, fh = found[0].mask_box
    assert fw >= 13 and fh >= 13  # the mask covers the face
    # only the textured tiles were searched at native resolution
    assert det.faces.last_stats["native_tiles"] < det.faces.last_stats["tiles"] / 4
    # the capped search (longest side to 1600 px, 2x pass to 3200 px) misses it
    capped = Detector(plates=False)
    capped.faces.native = None
    assert not _faces_at(capped.detect(photo), 2500 + 215 * 0.12, 1800 + 105 * 0.12)


def test_even_tiles_cover_the_image_with_the_overlap() -> None:
    for w, h in ((4032, 3024), (6000, 4000), (1100, 700), (500, 300)):
        tiles = faces.even_tiles(w, h, 1024, 128)
        cover = np.zeros((h, w), bool)
        for x0, y0, x1, y1 in tiles:
            assert x1 - x0 <= 1024 and y1 - y0 <= 1024 and x1 <= w and y1 <= h
            cover[y0:y1, x0:x1] = True
        assert cover.all()
        xs = sorted({t[0] for t in tiles})
        length = tiles[0][2] - tiles[0][0]
        assert all(b - a <= length - 128 for a, b in zip(xs, xs[1:], strict=False))
    # 4032 px: 5 tiles of 909 px (4545 px searched) instead of 5 of 1024 (5120 px)
    starts, length = faces.even_starts(4032, 1024, 128)
    assert len(starts) == 5 and length * 5 < 4600


def test_tile_by_tile_upscaled_pass_matches_a_resized_pass(astronaut) -> None:
    """run_scaled resamples each tile on its own; the same faces as a resized pass."""
    rgb = cv2.resize(astronaut, (256, 256), interpolation=cv2.INTER_AREA)
    ref = faces.run_level(rgb, faces.Level(2.0, 4000), 0.5)
    got = faces.run_scaled(rgb, 2.0, 0.5, [(0, 0, 256, 256)], tile=320, overlap=128)
    assert len(ref) and len(got)
    best_ref, best_got = ref[ref[:, 4].argmax()], got[got[:, 4].argmax()]
    assert np.abs(best_ref[:4] - best_got[:4]).max() < 3
    assert abs(best_ref[4] - best_got[4]) < 0.1


def test_flat_tiles_are_skipped_textured_ones_kept() -> None:
    img = np.full((300, 400, 3), 90, np.uint8)
    img[200:210, 300:310] = 200  # a small bright detail in the bottom right
    tiles = [(0, 0, 200, 150), (200, 0, 400, 150), (0, 150, 200, 300), (200, 150, 400, 300)]
    assert faces.textured_tiles(img, 1.0, tiles, 3.0) == [(200, 150, 400, 300)]
    # the same picture as the half-size overview of an 800 x 600 photo
    big = [tuple(2 * v for v in t) for t in tiles]
    assert faces.textured_tiles(img, 0.5, big, 3.0) == [(400, 300, 800, 600)]


def test_video_profile_keeps_its_capped_single_pass() -> None:
    video = Detector(plates=False, profile="video").faces
    assert video is not None and video.native is None
    assert Detector(plates=False).faces.native is not None


def test_small_plate_in_a_24_mp_photo_is_found_and_read() -> None:
    """A plate of ~12 px glyphs (a 26 px text line) in a 6000 x 4000 photo."""
    from tests.privacy.test_detection import plate_image

    img, (x0, y0, x1, y1) = plate_image("AB-123-CD")
    small = cv2.resize(np.asarray(img), None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    photo = np.full((4000, 6000, 3), 120, np.uint8)
    photo[2500:2500 + small.shape[0], 3100:3100 + small.shape[1]] = small
    cx, cy = 3100 + 0.5 * (x0 + x1) / 2, 2500 + 0.5 * (y0 + y1) / 2

    def plates_at(det: Detector) -> list:
        return [d for d in det.detect(photo) if d.label == "plate"
                and abs(d.box[0] + d.box[2] / 2 - cx) < 20 and abs(d.box[1] + d.box[3] / 2 - cy) < 10]

    det = Detector(faces=False)
    found = [d for d in plates_at(det) if d.extra["proposal"] == "text"]
    assert found and found[0].text == "AB-123-CD"  # found by the text detector
    assert det.plates.last_stats["native_tiles"] < det.plates.last_stats["tiles"]
    # the capped search's text detection misses it (only the bright rectangle finder,
    # which always works on the native pixels, sees that plate there)
    capped = Detector(faces=False)
    capped.plates.native = None
    assert not [d for d in plates_at(capped) if d.extra["proposal"] == "text"]


def test_native_tiles_keep_the_focused_pass_on_its_regions(monkeypatch) -> None:
    """In a native tile, the 1.6x pass stays on the regions around the small blobs even
    when they cover most of the tile (a crowd): never the whole tile at 1.6x."""
    from mediakit.privacy import plates

    seen: list = []
    real = plates.detect_text_and_blobs

    def spy(rgb, level, regions=None, **kw):
        seen.append((rgb.shape[:2], level.upscale, regions))
        boxes, _ = real(rgb, level, regions, **kw)
        # every pixel of the tile holds a small blob: regions span the tile
        h, w = rgb.shape[:2]
        blobs = np.array([[x, y, x + 4, y + 4] for y in range(0, h, 40)
                          for x in range(0, w, 40)], np.float32)
        return boxes, blobs

    monkeypatch.setattr(plates, "detect_text_and_blobs", spy)
    det = Detector(faces=False).plates
    rng = np.random.default_rng(0)
    photo = rng.integers(0, 255, (1700, 2000, 3), np.uint8)
    det._candidates(photo)
    focused = [r for _, up, r in seen if up > 1]
    assert focused and all(r is not None for r in focused)
    assert det.last_stats["native_tiles"] == det.last_stats["tiles"]
    # a small image keeps the small-image rule: the whole image when regions cover most
    seen.clear()
    det._candidates(np.ascontiguousarray(photo[:600, :800]))
    assert [r for _, up, r in seen if up > 1] == [None]
