"""The infographics' A4 PDF and the photo contact sheet are real documents (RGAA): text
that can be searched and read aloud, embedded fonts, language, title, tags, alt texts
(that the text is drawn in vector, and looks as the PNG: test_pdf_vector.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mediakit.infographic.charte import load_charte
from mediakit.infographic.render import parse_formats, render_one, write_outputs
from mediakit.infographic.templates import load_template
from tests.pdfread import embedded_fonts, page_texts, qt_text, read, string_value, structure


def _plain(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text).strip()


def _a4(tmp_path: Path, template: str, **fields: str) -> tuple[Path, dict]:
    charte = load_charte("etat")
    tpl = load_template(charte, template)
    data, base = tpl.sample_data()
    data = {**data, **fields}
    (w, h, dpi), = parse_formats("a4")
    rendered = render_one(charte, tpl, data, base, w, h, dpi)
    files = write_outputs(rendered, tmp_path)
    return files[0], {"data": data, "rendered": rendered}


def test_infographic_pdf_has_its_text_in_reading_order(tmp_path: Path) -> None:
    pdf_path, ctx = _a4(tmp_path, "appel-a-temoins", description="Le 13 mai vers 22h, "
                        "12000 euros de dégâts rue des Lilas.")
    pdf = read(pdf_path)
    (lines,) = page_texts(pdf)
    text = _plain(" ".join(lines))
    data = ctx["data"]
    # every text drawn is in the text layer, as drawn (typography applied)
    for drawn in [el for el in ctx["rendered"].layout.elements if el["kind"] == "text"]:
        assert _plain(" ".join(drawn["lines"])) in text
    assert "vers 22 h, 12 000 euros" in text
    # reading order: the kicker, then the title, the description, the call, the number
    order = [text.index(_plain(s)) for s in (data["surtitre"].upper(), "Véhicule recherché",
                                               "Le 13 mai", "Appelez", "01 23 45 67 89")]
    assert order == sorted(order)
    # an independent reader (PDFium, through Qt) finds the same text and the title
    qt = qt_text(pdf_path)
    if qt is not None:
        title, page = qt
        assert title.startswith("Appel à témoins — Véhicule recherché")
        assert "12 000 euros" in _plain(page) and "01 23 45 67 89" in _plain(page)


def test_infographic_pdf_is_tagged_in_french_with_embedded_fonts(tmp_path: Path) -> None:
    pdf_path, ctx = _a4(tmp_path, "appel-a-temoins")
    pdf = read(pdf_path)
    assert string_value(pdf.catalog, "Lang") == "fr-FR"
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true\s*>>", pdf.catalog)
    assert b"/DisplayDocTitle true" in pdf.catalog
    assert string_value(pdf.info, "Title").startswith("Appel à témoins — ")
    assert string_value(pdf.info, "Subject") == ctx["rendered"].record["alt"]
    xmp = pdf.streams[pdf.ref(pdf.catalog, "Metadata")].decode()
    assert "<rdf:li>fr-FR</rdf:li>" in xmp and "Appel à témoins — " in xmp
    fonts = embedded_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    tags = structure(pdf)
    assert ("H1", None) in tags and tags.count(("P", None)) >= 3
    first_h1 = tags.index(("H1", None))
    assert not [t for t, _ in tags[:first_h1] if t.startswith("H")]  # headings in order
    figures = [alt for tag, alt in tags if tag == "Figure"]
    assert ctx["data"]["photo_description"] in figures
    assert any(alt and alt.startswith("Bloc-marque") for alt in figures)
    # the picture of the page is an artifact: nothing is read twice
    content = b"".join(pdf.streams.values())
    assert b"/Artifact BMC" in content


def test_every_template_a4_pdf_has_text(tmp_path: Path) -> None:
    charte = load_charte("etat")
    for name in sorted(charte.template_paths()):
        tpl = load_template(charte, name)
        data, base = tpl.sample_data()
        (w, h, dpi), = parse_formats("a4")
        rendered = render_one(charte, tpl, data, base, w, h, dpi)
        pdf_path = write_outputs(rendered, tmp_path)[0]
        (lines,) = page_texts(read(pdf_path))
        drawn = [line for el in rendered.layout.elements if el["kind"] == "text"
                 for line in el["lines"] if line.strip()]
        assert [_plain(x) for x in lines] == [_plain(x) for x in drawn], name


def test_contact_sheet_pdf_is_a_document(tmp_path: Path) -> None:
    from mediakit.cli import main
    from tests.photo.test_selection import _op_with_variants

    op, _ = _op_with_variants(tmp_path)
    out = tmp_path / "planche.pdf"
    assert main(["photo", "sheet", str(op.root), "-o", str(out), "--all"]) == 0
    pdf = read(out)
    assert string_value(pdf.catalog, "Lang") == "fr-FR"
    assert "planche contact" in string_value(pdf.info, "Title")
    pages = page_texts(pdf)
    text = _plain(" ".join(line for page in pages for line in page))
    assert "planche contact" in text
    names = [item["name"] for item in op.items.values()]
    assert names and all(name in text for name in names)
    assert all(embedded for _, embedded in embedded_fonts(pdf))
    tags = structure(pdf)
    assert tags[0] == ("H1", None)
    assert sum(1 for tag, _ in tags if tag == "Figure") == len(names)
    assert all(alt for tag, alt in tags if tag == "Figure")
    qt = qt_text(out)
    if qt is not None:
        assert "planche contact" in qt[0] and all(n in " ".join(qt[1:]) for n in names)


@pytest.mark.parametrize("text", ["Saint-Jean-de-Maurienne", "12\u202f000 €", "« À vous ! »",
                                  "Œuvre n° 3 — 18\u00a0h"])
def test_pdf_writer_round_trips_french_text(tmp_path: Path, text: str) -> None:
    from PIL import Image

    from mediakit.media.pdf import Page, TextLine, write_pdf

    page = Page((600, 300), 150, [TextLine(text, 20, 100, 400, 30, "H1", colour=(0, 0, 0))],
                background=Image.new("RGB", (600, 300), "white"))
    out = write_pdf(tmp_path / "t.pdf", [page], title="Essai")
    (lines,) = page_texts(read(out))
    assert _plain(lines[0]) == _plain(text)


def test_review_contact_sheet_pdf_is_a_document(tmp_path: Path) -> None:
    from mediakit.validation.contact_sheet import write_pdf

    photo = Path(__file__).resolve().parents[2] / "assets" / "photos" / "plaque.jpg"
    cells = [{"image": photo, "title": "plaque.jpg — version 2", "caption": "Contrôle routier",
              "lines": [("MASQUES NON REVUS", (200, 0, 0)), ("2 visages masqués", (20, 20, 20))]},
             {"image": None, "title": "clip.mp4 — version 1", "caption": ""}]
    out = write_pdf(tmp_path / "planche.pdf", "Relecture — Essai", "paquet 2026-1", cells)
    pdf = read(out)
    assert string_value(pdf.catalog, "Lang") == "fr-FR"
    assert string_value(pdf.info, "Title") == "Relecture — Essai"
    text = _plain(" ".join(page_texts(pdf)[0]))
    for expected in ("Relecture — Essai", "plaque.jpg — version 2", "MASQUES NON REVUS",
                     "Légende : Contrôle routier", "aperçu indisponible", "page 1/1"):
        assert expected in text, expected
    assert all(embedded for _, embedded in embedded_fonts(pdf))
    assert ("Figure", "Contrôle routier") in structure(pdf)
