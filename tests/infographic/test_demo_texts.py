"""The demo's appel à témoins says what its picture shows (a blue saloon), in every format."""

from __future__ import annotations

from mediakit.demo import DEMO_TEXTS
from mediakit.infographic.charte import load_charte
from mediakit.infographic.render import parse_formats, render_one
from mediakit.infographic.templates import load_template


def test_demo_appel_a_temoins_matches_its_photo() -> None:
    texts = DEMO_TEXTS["appel-a-temoins"]
    for text in texts.values():
        assert "bleue" in text and "grise" not in text
    charte = load_charte("etat")
    template = load_template(charte, "appel-a-temoins")
    data, base = template.sample_data()
    assert data["photo"].endswith("vehicule.jpg") and data["photo_laisser_visible"] == "GZ-482-KT"
    for w, h, dpi in parse_formats("all"):
        rendered = render_one(charte, template, {**data, **texts}, base, w, h, dpi)
        assert not rendered.issues, rendered.issues
        assert "grise" not in rendered.record["alt"] and "berline bleue" in rendered.record["alt"]


def test_sample_appel_a_temoins_matches_its_photo() -> None:
    """The template's own sample (used by the goldens and the window's form) describes the
    same blue saloon as its photo."""
    data, _ = load_template(load_charte("etat"), "appel-a-temoins").sample_data()
    for key in ("photo_description", "description"):
        assert "berline bleue" in data[key] and "grise" not in data[key], data[key]
