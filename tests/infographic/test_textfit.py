from __future__ import annotations

import pytest

from mediakit.infographic.charte import BUNDLED
from mediakit.infographic.textfit import TextFitError, fit_text, load_font, printable, wrap

BOLD = str(BUNDLED / "fonts" / "arimo" / "Arimo-Bold.ttf")
SERIF = str(BUNDLED / "fonts" / "spectral" / "Spectral-Regular.woff")


def test_fits_at_full_size_when_room() -> None:
    f = fit_text("Court", BOLD, (800, 200), 80, 30)
    assert f.size == 80 and f.lines == ["Court"] and not f.shrunk


def test_wraps_then_shrinks() -> None:
    text = "Un titre assez long pour tenir sur plusieurs lignes dans ce cadre"
    f = fit_text(text, BOLD, (500, 200), 80, 20)
    assert len(f.lines) > 1 and f.shrunk and 20 <= f.size < 80
    font = load_font(BOLD, f.size)
    assert all(font.getlength(line) <= 500 for line in f.lines)
    assert f.height <= 200
    assert " ".join(f.lines) == text


def test_max_lines_respected() -> None:
    f = fit_text("un deux trois quatre cinq six sept huit", BOLD, (300, 1000), 60, 10, max_lines=2)
    assert len(f.lines) <= 2


def test_error_names_the_field_at_minimum_size() -> None:
    with pytest.raises(TextFitError) as exc:
        fit_text("mot " * 200, BOLD, (400, 100), 60, 30, field="titre")
    assert exc.value.field == "titre"
    assert "« titre »" in str(exc.value) and "taille minimale (30 px)" in str(exc.value)


def test_error_for_a_word_wider_than_the_box() -> None:
    with pytest.raises(TextFitError, match="anticonstitutionnellement"):
        fit_text("anticonstitutionnellement", BOLD, (100, 400), 40, 30, field="x")


def test_no_break_spaces_hold_words_together() -> None:
    font = load_font(BOLD, 40)
    lines = wrap("appelez le\u00a017\u202f!", font, 200)
    assert lines is not None and any("17\u202f!" in line for line in lines)


def test_printable_keeps_spaces_the_font_has() -> None:
    assert printable("a\u202fb", SERIF) == "a\u202fb"
