"""The PDFs' text is visible vector text (not a picture with an invisible layer): drawn in
its own embedded font and colour, where Pillow draws it, so that PDFium's rendering of the
page looks as the PNG; the pictures of the page carry no text."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mediakit.infographic.charte import load_charte
from mediakit.infographic.colours import hex_to_rgb
from mediakit.infographic.render import (
    draw,
    parse_formats,
    pdf_page,
    render_one,
    vector_texts,
    write_outputs,
)
from mediakit.infographic.templates import load_template
from mediakit.media.pdf import Canvas, Figure, Page, Shape, TextLine, write_pdf
from tests.pdfread import (
    embedded_fonts,
    images,
    page_runs,
    qt_render,
    qt_text,
    read,
    structure,
)

SPECTRAL = Path(__file__).resolve().parents[2] / "charte" / "fonts" / "spectral" / \
    "Spectral-Italic.woff"


def _plain(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text).strip()


def _rendered(template: str):  # noqa: ANN202 - a Rendered
    charte = load_charte("etat")
    tpl = load_template(charte, template)
    data, base = tpl.sample_data()
    (w, h, dpi), = parse_formats("a4")
    return render_one(charte, tpl, data, base, w, h, dpi)


def _text_mask(rendered, shape: tuple[int, int]) -> np.ndarray:  # noqa: ANN001
    """Where the text elements are (their boxes)."""
    mask = np.zeros(shape, bool)
    for el in rendered.layout.elements:
        if el["kind"] == "text":
            x, y, w, h = (round(v) for v in el["box"])
            mask[max(0, y):y + h, max(0, x):x + w] = True
    return mask


@pytest.mark.parametrize("template", ["appel-a-temoins", "chiffres-cles"])
def test_infographic_pdf_text_is_vector_and_looks_as_the_png(tmp_path: Path,
                                                            template: str) -> None:
    rendered = _rendered(template)
    texts = [el for el in rendered.layout.elements if el["kind"] == "text"]
    assert vector_texts(rendered.layout) == {el["id"] for el in texts}
    pdf_path = write_outputs(rendered, tmp_path)[0]
    pdf = read(pdf_path)
    (runs,) = page_runs(pdf)
    # every line is shown visibly (fill, not the invisible mode 3), in its element's colour
    drawn = [(line, el["colour"]) for el in texts for line in el["lines"] if line.strip()]
    assert [_plain(r.text) for r in runs] == [_plain(line) for line, _ in drawn]
    assert all(run.mode == 0 for run in runs), {run.mode for run in runs}
    for run, (_, colour) in zip(runs, drawn, strict=True):
        assert tuple(round(c * 255) for c in run.colour) == hex_to_rgb(colour), run.text
    fonts = embedded_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all(name.endswith("Arimo") or "Arimo" in name for name, _ in fonts), fonts
    # the page's picture is drawn without the text, and PDFium's page is the PNG
    png = np.asarray(rendered.image).astype(int)
    background = np.asarray(draw(rendered.layout, vector_texts(rendered.layout))).astype(int)
    mask = _text_mask(rendered, png.shape[:2])
    assert np.abs(background - png)[mask].mean() > 8  # the text is not in the picture
    page = qt_render(pdf_path, (rendered.layout.width, rendered.layout.height))
    if page is None:
        pytest.skip("QtPdf absent")
    diff = np.abs(page.astype(int) - png)
    assert diff.mean() < 2.5, diff.mean()
    assert diff[mask].mean() < 0.25 * np.abs(background - png)[mask].mean(), \
        (diff[mask].mean(), np.abs(background - png)[mask].mean())
    assert "Appelez" in _plain(qt_text(pdf_path)[1]) or template != "appel-a-temoins"


def test_text_under_a_later_element_stays_in_the_picture(tmp_path: Path) -> None:
    rendered = _rendered("appel-a-temoins")
    lay = rendered.layout
    title = next(el for el in lay.elements if el["kind"] == "text" and el["role"] == "title")
    x, y, w, h = title["box"]
    # a shape drawn over the title, after it: the title must stay under it, as in the PNG
    lay.elements.append({"kind": "rect", "id": 999, "box": [x, y + h / 3, w / 2, h / 3],
                         "colour": lay.charte.colour("background")})
    vector = vector_texts(lay)
    assert title["id"] not in vector and len(vector) == sum(
        1 for el in lay.elements if el["kind"] == "text") - 1
    rendered.image = draw(lay)
    page = pdf_page(rendered)
    invisible = [line for line in page.lines if line.colour is None]
    assert [line.text for line in invisible] == [t for t in title["lines"] if t.strip()]
    out = write_pdf(tmp_path / "t.pdf", [page], title="Essai")
    (runs,) = page_runs(read(out))
    assert {r.text for r in runs if r.mode == 3} == {t for t in title["lines"] if t.strip()}
    assert all(r.mode == 0 for r in runs if r.text not in title["lines"])
    shown = qt_render(out, (lay.width, lay.height))
    if shown is not None:
        diff = np.abs(shown.astype(int) - np.asarray(rendered.image).astype(int))
        assert diff.mean() < 2.5


def test_a_charte_font_other_than_arimo_is_embedded(tmp_path: Path) -> None:
    page = Page((600, 200), 150, [
        TextLine("Une accroche en italique", 20, 100, 380, 40, "P", colour=(0, 0, 145),
                 font_file=str(SPECTRAL)),
        TextLine("Puis du texte", 20, 160, 200, 30, "P", "b", colour=(20, 20, 20))])
    out = write_pdf(tmp_path / "t.pdf", [page], title="Essai")
    pdf = read(out)
    names = [name for name, embedded in embedded_fonts(pdf) if embedded]
    assert any("Spectral" in n for n in names) and any("Arimo" in n for n in names), names
    (runs,) = page_runs(pdf)
    assert [r.text for r in runs] == ["Une accroche en italique", "Puis du texte"]
    assert runs[0].font != runs[1].font and all(r.mode == 0 for r in runs)


def test_shapes_figures_and_actual_text(tmp_path: Path) -> None:
    thumb = Image.new("RGB", (80, 60), (10, 120, 30))
    page = Page((400, 300), 150, [
        TextLine("Titre", 20, 50, 100, 30, "H1", colour=(0, 0, 0)),
        TextLine("photo.jpg", 20, 100, 120, 20, "H2", "n", colour=(0, 0, 0),
                 actual="photo.jpg, note 3 sur 5"),
        Figure((20, 120, 80, 60), "Un arbre", thumb),
        Shape.rect((30, 130, 90, 150), fill=(206, 5, 0))])
    out = write_pdf(tmp_path / "t.pdf", [page], title="Essai")
    pdf = read(out)
    assert structure(pdf) == [("H1", None), ("H2", None), ("Figure", "Un arbre")]
    (runs,) = page_runs(pdf)
    assert runs[1].actual == "photo.jpg, note 3 sur 5" and runs[0].actual is None
    assert images(pdf) == [(80, 60)]
    shown = qt_render(out, (400, 300))
    if shown is not None:
        assert tuple(shown[140, 60]) == (206, 5, 0)  # the shape drawn over the figure
        assert abs(int(shown[170, 60][1]) - 120) < 12  # the figure itself
        assert shown[35:50, 20:120].min() < 60  # the title's ink


def _sheet_ok(pdf_path: Path, canvases: list[Canvas], thumbs: int) -> None:
    """A contact sheet: visible vector text, no picture of a whole page, PDFium's pages as
    the pictures Pillow draws (the text exactly; the thumbnails, resampled, closely)."""
    pictures = [canvas.image for canvas in canvases]
    pdf = read(pdf_path)
    runs = [run for page in page_runs(pdf) for run in page]
    assert runs and all(run.mode == 0 for run in runs)
    assert all(embedded for _, embedded in embedded_fonts(pdf))
    sizes = images(pdf)
    assert len(sizes) == thumbs
    width, height = pictures[0].size
    assert all(w < width / 2 and h < height / 2 for w, h in sizes)  # thumbnails only
    for n, picture in enumerate(pictures):
        shown = qt_render(pdf_path, picture.size, n)
        if shown is None:
            return
        diff = np.abs(shown.astype(int) - np.asarray(picture.convert("RGB")).astype(int))
        thumb = np.zeros(diff.shape[:2], bool)
        for fig in canvases[n].page.figures:
            x, y, w, h = (round(v) for v in fig.box)
            thumb[y:y + h, x:x + w] = True
        assert diff.mean() < 4.0, diff.mean()
        assert diff[~thumb].mean() < 1.0, diff[~thumb].mean()  # text, shapes, stars
        assert diff[thumb].mean() < 10.0, diff[thumb].mean()  # PDFium smooths pictures


def test_photo_contact_sheet_is_vector(tmp_path: Path) -> None:
    from mediakit.cli import main
    from mediakit.photo import selection
    from mediakit.photo.contact_sheet import sheet_canvases
    from tests.photo.test_selection import _op_with_variants

    op, by = _op_with_variants(tmp_path)
    selection.set_rating(op, by["nette.jpg"], 4)
    op.save()
    out = tmp_path / "planche.pdf"
    assert main(["photo", "sheet", str(op.root), "-o", str(out), "--all"]) == 0
    op = type(op).open(op.root)
    shas = list(op.items)
    _sheet_ok(out, sheet_canvases(op, shas), len(shas))
    runs = [run for page in page_runs(read(out)) for run in page]
    named = next(run for run in runs if run.text == "nette.jpg")
    assert named.actual == "nette.jpg, note 4 sur 5"
    warning = next(run for run in runs if run.text in ("NON ANONYMISÉE", "MASQUES NON REVUS"))
    assert warning.colour == (1.0, 1.0, 1.0)


def test_review_contact_sheet_is_vector(tmp_path: Path) -> None:
    from mediakit.validation.contact_sheet import sheet_canvases, write_pdf

    photo = Path(__file__).resolve().parents[2] / "assets" / "photos" / "plaque.jpg"
    cells = [{"image": photo, "title": "plaque.jpg — version 2", "caption": "Contrôle routier",
              "lines": [("MASQUES NON REVUS", (200, 0, 0)), ("2 visages masqués", (20, 20, 20))]},
             {"image": None, "title": "clip.mp4 — version 1", "caption": ""}]
    out = write_pdf(tmp_path / "planche.pdf", "Relecture — Essai", "paquet 2026-1", cells)
    _sheet_ok(out, sheet_canvases("Relecture — Essai", "paquet 2026-1", cells), 1)
    runs = page_runs(read(out))[0]
    alert = next(run for run in runs if run.text == "MASQUES NON REVUS")
    assert tuple(round(c * 255) for c in alert.colour) == (200, 0, 0)
