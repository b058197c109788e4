"""Camera formats: HEIC with orientation, 16-bit TIFF, JPEG with a wide-gamut ICC profile:
masks land on the displayed picture and the colour profile is kept in the export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms

from mediakit.media.images import load_oriented_rgb
from mediakit.photo.anonymize import anonymize_photo
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.regions import FACE, Detection

TAG_ORIENTATION = 0x0112


class BoxDetector:
    """Detects one 'face' at a fixed box of the displayed picture; keeps what it saw."""

    def __init__(self, box: tuple[float, float, float, float]) -> None:
        self.box = box
        self.seen: np.ndarray | None = None

    def detect(self, rgb: np.ndarray, suspects: bool = False) -> list[Detection]:
        self.seen = rgb.copy()
        det = Detection(FACE, self.box, 0.9, "test")
        det.mask_box = self.box
        return [det]


def _icc() -> bytes:
    """An ICC profile (the sRGB one Little CMS builds, standing in for Adobe RGB: what
    is checked is that the bytes travel to the export unchanged)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _upright_scene(astronaut: np.ndarray) -> np.ndarray:
    """A portrait picture (512 x 640): the astronaut on top of a grey band."""
    scene = np.full((640, 512, 3), 110, np.uint8)
    scene[:512] = astronaut
    return scene


def test_heic_with_orientation_is_masked_on_the_displayed_face(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif")
    skimage_data = pytest.importorskip("skimage.data")
    from mediakit.privacy.detector import Detector

    upright = _upright_scene(skimage_data.astronaut())
    # stored sideways, with the EXIF orientation (6: turn 90 degrees clockwise) to show it
    stored = Image.fromarray(upright).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[TAG_ORIENTATION] = 6
    src = tmp_path / "phone.heic"
    stored.save(src, exif=exif.tobytes(), quality=95)
    _, shown = load_oriented_rgb(src)
    assert shown.size == (512, 640)  # displayed upright
    out = tmp_path / "phone_anonymise.jpg"
    report = anonymize_photo(src, out, detector=Detector(plates=False),
                             style=MaskStyle(style="solid"))
    faces = [m for m in report["masks"] if m["label"] == "face" and m["state"] == "accepted"]
    assert faces, "the upright face was not found"
    x, y, w, h = max(faces, key=lambda m: m["score"])["region"]
    assert 150 < x + w / 2 < 260 and 50 < y + h / 2 < 170  # Eileen Collins' face, upright
    with Image.open(out) as img:
        assert img.size == (512, 640)
        got = np.asarray(img.convert("RGB")).astype(int)
    face = got[int(y + h * 0.3):int(y + h * 0.7), int(x + w * 0.3):int(x + w * 0.7)]
    assert face.std(axis=(0, 1)).max() < 6  # solid mask on the displayed face
    control = np.abs(got[560:630, 20:490] - upright[560:630, 20:490].astype(int))
    assert control.mean() < 4  # the rest of the picture is the picture, upright


def test_16_bit_tiff_keeps_its_profile_and_colour(tmp_path: Path) -> None:
    tifffile = pytest.importorskip("tifffile")
    icc = _icc()
    rng = np.random.default_rng(3)
    base = np.zeros((90, 120, 3), np.uint16)
    base[:] = (52000, 30000, 9000)  # an orange, 16 bits a channel
    base += rng.integers(0, 200, base.shape, dtype=np.uint16)
    src = tmp_path / "scan.tif"
    tifffile.imwrite(src, base, photometric="rgb", extratags=[(34675, "B", len(icc), icc, True)])
    det = BoxDetector((10, 10, 30, 30))
    out = tmp_path / "scan_anonymise.tif"
    anonymize_photo(src, out, detector=det, style=MaskStyle(style="solid"))
    assert det.seen is not None and det.seen.shape == (90, 120, 3)
    assert np.abs(det.seen[60, 80].astype(int) - np.array([203, 117, 35])).max() <= 2
    with Image.open(out) as img:
        assert img.info.get("icc_profile") == icc
        px = np.asarray(img.convert("RGB")).astype(int)
    assert np.abs(px[70, 100] - (base[70, 100] >> 8)).max() <= 2  # colour kept
    assert np.abs(px[20, 20] - (base[20, 20] >> 8)).max() > 20  # the mask is there


def test_jpeg_with_wide_gamut_profile_and_orientation(tmp_path: Path) -> None:
    icc = _icc()
    upright = np.full((200, 300, 3), (180, 60, 40), np.uint8)
    upright[20:60, 230:280] = (20, 200, 30)  # a green patch, top right as displayed
    stored = Image.fromarray(upright).transpose(Image.Transpose.ROTATE_270)  # shown with 8
    exif = Image.Exif()
    exif[TAG_ORIENTATION] = 8
    src = tmp_path / "camera.jpg"
    stored.save(src, quality=95, icc_profile=icc, exif=exif.tobytes())
    det = BoxDetector((225, 15, 60, 50))  # the green patch in the displayed frame
    out = tmp_path / "camera_anonymise.jpg"
    anonymize_photo(src, out, detector=det, style=MaskStyle(style="solid"))
    assert det.seen is not None and det.seen.shape == (200, 300, 3)
    assert det.seen[40, 255, 1] > 150  # the detector saw the picture as displayed
    with Image.open(out) as img:
        assert img.info.get("icc_profile") == icc
        assert img.getexif().get(TAG_ORIENTATION) in (None, 1)
        px = np.asarray(img.convert("RGB")).astype(int)
    assert px.shape == (200, 300, 3)
    assert px[40, 255, 1] < 150  # masked where it is displayed
    assert np.abs(px[150, 50] - (180, 60, 40)).max() < 8  # colour kept elsewhere


def test_16_bit_grey_png_is_not_clipped_to_white(tmp_path: Path) -> None:
    grey = np.full((40, 50), 30000, np.uint16)  # mid-dark grey in 16 bits
    src = tmp_path / "grey16.png"
    Image.fromarray(grey).save(src)
    _, shown = load_oriented_rgb(src)
    assert abs(int(np.asarray(shown)[10, 10, 0]) - 30000 // 257) <= 1
