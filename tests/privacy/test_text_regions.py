"""Text read by the plate detector that is no plate (name cards, banners) is named
« texte »: ``reads_as`` goes from the detection to the stored mask, the CLI JSON, the
listings and the chief's summary; it is masked as a plate all the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mediakit.privacy.detector import Detector, detections_to_json
from mediakit.privacy.plates import reads_as
from mediakit.privacy.regions import PLATE, TEXT, Detection, region_label
from mediakit.privacy.review import accepted_regions, mask_from_detection

PHOTOS = Path(__file__).resolve().parents[2] / "assets" / "photos"


@pytest.mark.parametrize(("text", "conf", "kind"), [
    ("PRESSE", 1.0, TEXT), ("M. CHARPIN", 0.98, TEXT), ("MME BERGER", 0.999, TEXT),
    ("GZ-482-KT", 1.0, PLATE), ("82-KT", 1.0, PLATE),  # a plate format, generic included
    ("IURVO", 0.43, PLATE), ("POLICE", 0.5, PLATE),  # unreadable: may be a plate
    ("AB", 0.99, PLATE)])  # too little read to tell
def test_reads_as(text: str, conf: float, kind: str) -> None:
    assert reads_as(text, conf) == kind


def _plate(read: str | None) -> Detection:
    extra = {"reads_as": read} if read else {}
    return Detection(PLATE, (10, 10, 80, 20), 0.3, "ppocr", mask_box=(5, 5, 90, 30),
                     extra=extra)


def test_a_text_region_is_stored_named_and_masked_as_a_plate():
    text, plate, old = (mask_from_detection(_plate(r), i) for i, r in
                        enumerate((TEXT, PLATE, None), start=1))
    assert text["label"] == PLATE and text["reads_as"] == TEXT
    assert [region_label(m) for m in (text, plate, old)] == [TEXT, PLATE, PLATE]
    assert accepted_regions([text]) == [(5, 5, 90, 30)]  # masked all the same
    assert region_label({"label": "text", "source": "manual"}) == TEXT  # drawn as text
    entries = detections_to_json("x.jpg", [_plate(TEXT), _plate(None)])["detections"]
    assert [e.get("reads_as") for e in entries] == [TEXT, None]


def test_chief_summary_counts_text_apart_from_plates():
    from mediakit.validation.summary import anonymisation

    photo = {"kind": "photo", "detection": {"detector": "t"},  # not reviewed: alerts
             "masks": [{"id": "m1", "label": PLATE, "reads_as": TEXT, "state": "accepted",
                        "source": "auto:ppocr"},
                       {"id": "m2", "label": PLATE, "state": "accepted", "source": "auto"},
                       {"id": "m3", "label": PLATE, "reads_as": TEXT, "state": "rejected",
                        "source": "auto:ppocr"}]}
    anon = anonymisation(photo)
    assert anon["applied"] == {"plaque": 1, "texte": 1}
    assert any("m3 (texte) laissé visible" in a for a in anon["alerts"])


@pytest.mark.skipif(not PHOTOS.is_dir(), reason="assets/photos absent")
def test_name_cards_read_as_text_and_plates_as_plates():
    detector = Detector(faces=False)
    found = {}
    for name in ("groupe.jpg", "plaque.jpg"):
        rgb = np.asarray(Image.open(PHOTOS / name).convert("RGB"))
        found[name] = [d.extra["reads_as"] for d in detector.detect(rgb)]
    assert found["groupe.jpg"] and set(found["groupe.jpg"]) == {TEXT}  # cards, banner
    assert found["plaque.jpg"] and set(found["plaque.jpg"]) == {PLATE}


def test_the_anonymisation_report_counts_text_apart_from_plates(tmp_path):
    from PIL import Image

    from mediakit.photo.anonymize import anonymize_photo
    from mediakit.privacy.masking import MaskStyle

    src = tmp_path / "carte.jpg"
    Image.new("RGB", (120, 60), (200, 200, 200)).save(src)
    masks = [mask_from_detection(_plate(r), i) for i, r in enumerate((TEXT, PLATE), start=1)]
    result = anonymize_photo(src, tmp_path / "out.jpg", detector=None, style=MaskStyle(),
                             masks=masks)
    assert (result["plates"], result["texts"]) == (1, 1)
