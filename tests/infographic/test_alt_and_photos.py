from __future__ import annotations

import numpy as np
from PIL import Image

from mediakit.infographic.imaging import anonymise, cover_crop
from mediakit.privacy.regions import Detection

from .conftest import render, sample


def test_alt_text_is_generated_from_the_fields() -> None:
    alt = render("etat", "bilan-operation", scale=0.5).record["alt"]
    assert alt.startswith("Infographie Ministère de l’Intérieur — Bilan d’opération.")
    assert "12 interpellations" in alt and "18 500 €" in alt
    assert "\u202f" not in alt and "\u00a0" not in alt
    chart = render("etat", "chiffres-cles", scale=0.5).record["alt"]
    assert "Graphique en barres : 2021 : 1 480" in chart and "Source :" in chart
    phone = render("etat", "appel-a-temoins", scale=0.5).record["alt"]
    assert "Numéro à appeler : 01 23 45 67 89" in phone


def test_alt_field_overrides() -> None:
    data = sample("etat", "prevention")
    data["alt"] = "Mon texte alternatif relu."
    assert render("etat", "prevention", scale=0.5, data=data).record["alt"] == \
        "Mon texte alternatif relu."


def test_crop_keeps_faces_in_frame() -> None:
    img = Image.new("RGB", (1600, 600), "white")
    face = (1350.0, 200.0, 120.0, 150.0)
    crop = cover_crop(img, 400, 400, [face])[1]
    x, _, w, _ = crop
    assert x <= face[0] and face[0] + face[2] <= x + w


def test_crop_follows_salient_content_without_faces() -> None:
    a = np.full((600, 1600, 3), 200, np.uint8)
    rng = np.random.default_rng(0)
    a[:, 100:500] = rng.integers(0, 255, (600, 400, 3))
    x, _, w, _ = cover_crop(Image.fromarray(a), 300, 300)[1]
    assert x < 300 and x + w > 300


class _FakeDetector:
    def detect(self, rgb):
        return [Detection("face", (10, 10, 40, 40), 0.9, "test", mask_box=(5, 5, 50, 50))]


def test_photos_are_masked_when_not_already() -> None:
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 255, (100, 100, 3), dtype=np.uint8)
    out, faces, n = anonymise(rgb, _FakeDetector())
    assert n == 1 and faces == [(10.0, 10.0, 40.0, 40.0)]
    assert not np.array_equal(out[5:55, 5:55], rgb[5:55, 5:55])
    assert np.array_equal(out[60:, 60:], rgb[60:, 60:])


def test_photo_status_is_recorded() -> None:
    rec = render("etat", "appel-a-temoins", scale=0.5).record
    img = next(e for e in rec["elements"] if e["kind"] == "image")
    assert img["status"] == "diffusion_autorisee" and img["release"]


class _TwoPlates:
    """The released vehicle's plate and a bystander's (as PP-OCR reads them)."""

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        return [Detection("plate", (10, 10, 30, 10), 0.9, "fake", text="GZ-482-KT"),
                Detection("plate", (60, 60, 30, 10), 0.9, "fake", text="EH 907 PL")]


def test_release_keeps_only_the_named_plate_readable() -> None:
    rgb = np.random.default_rng(2).integers(0, 255, (100, 100, 3), dtype=np.uint8)
    out, _, n = anonymise(rgb, _TwoPlates(), keep_plates=("gz482kt",))
    assert n == 1
    assert np.array_equal(out[10:20, 10:40], rgb[10:20, 10:40])  # released: readable
    assert not np.array_equal(out[60:70, 60:90], rgb[60:70, 60:90])  # bystander: masked
    _, _, n = anonymise(rgb, _TwoPlates())  # a release names what it covers, nothing else
    assert n == 2


def test_appel_a_temoins_sample_masks_the_bystander_plate() -> None:
    rec = render("etat", "appel-a-temoins", scale=0.5).record
    img = next(e for e in rec["elements"] if e["kind"] == "image")
    assert img["masks"] >= 1  # EH-907-PL, parked behind the wanted car
