import json
import shutil
import subprocess

import numpy as np
import piexif
import pytest
from PIL import Image

from mediakit.media.images import load_oriented_rgb
from mediakit.photo.anonymize import anonymize_photos
from mediakit.privacy.masking import MaskStyle
from tests.conftest import ASSETS, require, sha256
from tests.metadata.test_scrub import make_identifying_jpeg

GROUP = ASSETS / "photos" / "groupe.jpg"
PLATE = ASSETS / "photos" / "plaque.jpg"
GPS = ASSETS / "photos" / "gps.jpg"


def _changed(a: np.ndarray, b: np.ndarray, box) -> float:
    x, y, w, h = (int(v) for v in box)
    return float(np.abs(a[y:y + h, x:x + w].astype(int) - b[y:y + h, x:x + w]).mean())


def test_masks_cover_faces_and_plates_of_samples(tmp_path, detector):
    results = anonymize_photos([GROUP, PLATE], tmp_path, detector=detector, style=MaskStyle())
    by_name = {r["file"].split("/")[-1]: r for r in results}
    assert by_name["groupe.jpg"]["faces"] >= 6
    assert by_name["plaque.jpg"]["plates"] >= 1
    for src in (GROUP, PLATE):
        r = by_name[src.name]
        before = np.asarray(Image.open(src).convert("RGB"))
        after = np.asarray(Image.open(r["output"]).convert("RGB"))
        for mask in r["masks"]:
            if mask["state"] == "accepted":
                x, y, w, h = mask["box"]
                assert _changed(before, after, (x, y, w, h)) > 8, mask


def test_orientation_6_masks_land_on_displayed_pixels(tmp_path, detector):
    # store the astronaut rotated, with Orientation=6 so that viewers show it upright
    upright = Image.open(GPS).convert("RGB")
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a sideways camera writes
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6}})
    src = tmp_path / "rot.jpg"
    stored.save(src, quality=95, exif=exif)
    _, displayed = load_oriented_rgb(src)
    assert displayed.size == upright.size
    [result] = anonymize_photos([src], tmp_path / "out", detector=detector, style=MaskStyle())
    faces = [m for m in result["masks"] if m["label"] == "face"]
    assert faces, "the upright face must be found"
    out = Image.open(result["output"])
    assert out.size == upright.size and not out.getexif().get(0x0112)
    x, y, w, h = faces[0]["box"]
    # the face of the upright astronaut is in the upper-middle of the picture
    assert 0.25 * upright.width < x + w / 2 < 0.75 * upright.width
    assert y + h / 2 < 0.6 * upright.height
    assert _changed(np.asarray(displayed), np.asarray(out.convert("RGB")), faces[0]["box"]) > 8


def test_outputs_scrubbed_originals_untouched_bad_file_reported(tmp_path, detector):
    exiftool = require("exiftool")
    corpus = tmp_path / "in"
    corpus.mkdir()
    make_identifying_jpeg(corpus / "identifiant.jpg")
    shutil.copy(GPS, corpus / "gps.jpg")
    (corpus / "corrompue.jpg").write_bytes(GPS.read_bytes()[:5000])
    (corpus / "vide.png").write_bytes(b"")
    before = {p.name: sha256(p) for p in corpus.iterdir()}
    files = sorted(corpus.iterdir())
    results = anonymize_photos(files, tmp_path / "out", detector=detector, style=MaskStyle())
    errors = {r["file"].split("/")[-1]: r["error"] for r in results if "error" in r}
    assert set(errors) == {"corrompue.jpg", "vide.png"}
    assert "tronquée" in errors["corrompue.jpg"] and "vide" in errors["vide.png"]
    assert {p.name: sha256(p) for p in corpus.iterdir()} == before
    outputs = [r["output"] for r in results if "output" in r]
    assert len(outputs) == 2
    proc = subprocess.run([exiftool, "-j", "-a", "-G1", *outputs], capture_output=True,
                          check=True)
    for tags in json.loads(proc.stdout):
        groups = {k.split(":")[0] for k in tags if ":" in k}
        assert not {"GPS", "IPTC", "Photoshop", "IFD1", "MakerNotes"} & groups, groups
        assert not any(g.startswith("XMP") for g in groups), groups
        for key in tags:
            assert "Serial" not in key and "Owner" not in key and "Thumbnail" not in key, key
    gps_report = next(r for r in results if r["file"].endswith("gps.jpg"))
    assert {"gps", "serial", "thumbnail", "xmp", "iptc", "maker_note"} <= set(
        gps_report["metadata_removed"])


@pytest.mark.parametrize("style", ["solid", "blur"])
def test_styles_are_reported(tmp_path, detector, style):
    [r] = anonymize_photos([GPS], tmp_path, detector=detector, style=MaskStyle(style=style))
    assert r["style"] == style and r["faces"] >= 1
    if style == "blur":
        assert "faible" in r["style_note"]
