"""Every template renders in every channel format for both chartes, and passes the check."""

from __future__ import annotations

import json

import pytest

from mediakit.channels.presets import still_formats
from mediakit.infographic.compliance import check_record
from mediakit.infographic.render import A4_300DPI, parse_formats, write_outputs

from .conftest import CHARTES, TEMPLATES, render

FORMATS = [(f["width"], f["height"], None) for f in still_formats()] + [(*A4_300DPI, 300)]


def test_formats_cover_the_channel_presets() -> None:
    assert parse_formats("all") == FORMATS
    assert (1080, 1920, None) in FORMATS and (1200, 627, None) in FORMATS


@pytest.mark.parametrize("charte", CHARTES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_format_renders_and_complies(charte: str, template: str) -> None:
    for width, height, dpi in FORMATS:
        # reduced scale keeps the suite fast; sizes and rules scale with the canvas
        scale = 0.3 if dpi else 0.5
        r = render(charte, template, width, height, dpi, scale=scale)
        assert r.image.size == (round(width * scale), round(height * scale))
        assert r.issues == [], (r.name, [i.message for i in r.issues])


@pytest.mark.parametrize("template", TEMPLATES)
def test_full_size_render_writes_png_record_and_alt(template: str, tmp_path, etat) -> None:
    r = render("etat", template, 1080, 1350)
    assert r.issues == []
    png, sidecar, alt = write_outputs(r, tmp_path)
    assert png.suffix == ".png" and png.stat().st_size > 10_000
    rec = json.loads(sidecar.read_text(encoding="utf-8"))
    assert rec["template"] == template and rec["width"] == 1080
    assert check_record(rec, etat) == []
    assert sum(el["kind"] == "logo" for el in rec["elements"]) == 1
    assert alt.read_text(encoding="utf-8").strip() == rec["alt"]


def test_a4_is_a_300_dpi_pdf(tmp_path) -> None:
    r = render("prefecture-exemple", "prevention", *A4_300DPI, dpi=300)
    assert r.issues == []
    pdf = write_outputs(r, tmp_path)[0]
    assert pdf.name == "prevention_prefecture-exemple_a4.pdf"
    head = pdf.read_bytes()[:8]
    assert head.startswith(b"%PDF")


def test_variants_follow_the_aspect() -> None:
    assert render("etat", "prevention", 1080, 1920, scale=0.25).layout.variant == "tall"
    assert render("etat", "prevention", 1200, 627, scale=0.25).layout.variant == "landscape"
    assert render("etat", "prevention", 1080, 1080, scale=0.25).layout.variant == "square"


def test_text_never_leaves_its_box() -> None:
    r = render("etat", "bilan-operation")
    for el in r.record["elements"]:
        if el["kind"] == "text":
            x, y, w, h = el["box"]
            fx, fy, fw, fh = el["frame_box"]
            assert fx - 1 <= x and x + w <= fx + fw + 1 and fy - 1 <= y and y + h <= fy + fh + 1
