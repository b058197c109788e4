"""Accessible PDF pages, written with fpdf2: each page is its picture (drawn by Pillow) plus
a text layer in reading order, so that the document is searchable and read by a screen
reader (RGAA).

* the picture of the page is an *artifact*; the pictures inside it that carry meaning
  (photos, thumbnails) are drawn again on top as *figures* with their alternative text
  (fpdf2's ``image(..., alt_text=...)``);
* every line of text is written in the charte's Arimo (embedded, subset, with its
  ``ToUnicode`` map: fpdf2's ``add_font``), invisible (``TextMode.INVISIBLE``) and
  stretched to the width of the drawn line, so that selecting it highlights the drawn text;
* the document is tagged (``Document`` → ``H1``/``P``/``Figure``… in reading order), with
  its language (``/Lang fr-FR``), its title shown by readers (``DisplayDocTitle``), and the
  same in XMP metadata.

fpdf2 has no public API to tag text (only images and outline entries) nor to mark an
artifact: :class:`_TaggedPDF` adds both, in a few lines, on the marked-content helper that
fpdf2 itself uses for figures (``FPDF._add_marked_content``, the extension point its
maintainers point to, py-pdf/fpdf2 issue 355).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF
from fpdf.enums import TextMode
from fpdf.prefs import ViewerPreferences
from PIL import Image

from mediakit.atomic import write_bytes_atomic
from mediakit.media.fonts import FONT_DIR

_FAMILY = "Arimo"


def sans_path(bold: bool = False) -> str:
    """The charte's open sans (Arimo) as a file."""
    return str(FONT_DIR / ("Arimo-Bold.ttf" if bold else "Arimo-Regular.ttf"))


# -- what a page holds -------------------------------------------------------------------
@dataclass
class TextLine:
    """One drawn line of text, in the page picture's pixels: left edge, baseline, width,
    size. Consecutive lines with the same ``group`` form one structure element (``tag``:
    ``H1``, ``H2``, ``P``, ``Caption``…)."""

    text: str
    x: float
    baseline: float
    width: float
    size: float
    tag: str = "P"
    group: int | str = 0
    bold: bool = False


@dataclass
class Figure:
    """A meaningful picture inside the page (pixels ``x, y, w, h``) and its alternative text."""

    box: tuple[float, float, float, float]
    alt: str


@dataclass
class Page:
    """A page: its picture at ``dpi``, its text lines and figures in reading order."""

    image: Image.Image
    dpi: float
    lines: list[TextLine] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # reading order: figure i comes before the first line whose index is figures_at[i]
    figures_at: list[int] = field(default_factory=list)


# -- writing -------------------------------------------------------------------------------
class _TaggedPDF(FPDF):
    """fpdf2 plus the two marked contents it has no public API for."""

    @contextmanager
    def tagged(self, tag: str) -> Iterator[None]:
        """What is drawn inside is one structure element ``tag`` (``H1``, ``P``…) of the
        document, in the order of the calls (one MCID per element, as fpdf2 counts them)."""
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        self._add_marked_content(struct_type=f"/{tag}", mcid=mcid)
        self._out(f"/{tag} <</MCID {mcid}>> BDC")
        yield
        self._out("EMC")

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """What is drawn inside is not read (the picture of the page)."""
        self._out("/Artifact BMC")
        yield
        self._out("EMC")


def _jpeg(image: Image.Image, quality: int) -> io.BytesIO:
    """``image`` as a JPEG, which fpdf2 embeds as it is (DCTDecode)."""
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality, subsampling=0, optimize=True)
    buf.seek(0)
    return buf


def _page(pdf: _TaggedPDF, page: Page, quality: int) -> None:
    """Add ``page``: its picture, then its lines and figures in reading order."""
    k = 72 / page.dpi  # points per pixel
    pdf.add_page(format=(page.image.width * k, page.image.height * k))
    with pdf.artifact():
        pdf.image(_jpeg(page.image, quality), 0, 0, pdf.w, pdf.h)

    def figure(fig: Figure) -> None:
        x, y, w, h = (round(v) for v in fig.box)
        pdf.image(_jpeg(page.image.crop((x, y, x + w, y + h)), quality), x * k, y * k,
                  w * k, h * k, alt_text=fig.alt)

    def line(text_line: TextLine) -> None:
        pdf.set_font(_FAMILY, "B" if text_line.bold else "", text_line.size * k)
        natural = pdf.get_string_width(text_line.text) * 100 / pdf.font_stretching
        pdf.set_stretching(100 * text_line.width * k / natural if natural > 0 else 100)
        pdf.text(text_line.x * k, text_line.baseline * k, text_line.text)

    at = page.figures_at or [0] * len(page.figures)
    # consecutive lines of one group (and tag), not split by a figure, are one element
    runs: list[tuple[list[Figure], list[TextLine]]] = []
    for i, text_line in enumerate(page.lines):
        before = [f for f, n in zip(page.figures, at, strict=True) if n == i]
        last = runs[-1][1][-1] if runs else None
        if before or last is None or (last.group, last.tag) != (text_line.group, text_line.tag):
            runs.append((before, []))
        runs[-1][1].append(text_line)
    for before, lines in runs:
        for fig in before:
            figure(fig)
        with pdf.tagged(lines[0].tag):
            for text_line in lines:
                line(text_line)
    for fig, n in zip(page.figures, at, strict=True):
        if n >= len(page.lines):
            figure(fig)


def write_pdf(path: str | Path, pages: list[Page], *, title: str, lang: str = "fr-FR",
              author: str = "", subject: str = "", quality: int = 85) -> Path:
    """Write ``pages`` as a tagged PDF with a text layer (see the module's docstring),
    atomically."""
    path = Path(path)
    pdf = _TaggedPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.text_mode = TextMode.INVISIBLE
    for bold in sorted({line.bold for page in pages for line in page.lines}):
        pdf.add_font(_FAMILY, "B" if bold else "", sans_path(bold))
    now = datetime.now(UTC).replace(microsecond=0)
    pdf.set_creation_date(now)
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_author(author)
    pdf.set_subject(subject)
    pdf.set_creator("mediakit")
    pdf.set_producer("mediakit")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.set_xmp_metadata(_xmp(title, lang, author, subject, now))
    for page in pages:
        _page(pdf, page, quality)
    write_bytes_atomic(path, bytes(pdf.output()))
    return path


def _xmp(title: str, lang: str, author: str, subject: str, when: datetime) -> str:
    """The XMP metadata (fpdf2 writes its own only for PDF/A, and without the language)."""
    t, a, s, lg = (escape(v) for v in (title, author, subject, lang))
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:language><rdf:Bag><rdf:li>{lg}</rdf:li></rdf:Bag></dc:language>'
        f'<dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{s}</rdf:li></rdf:Alt>'
        f'</dc:description><xmp:CreateDate>{when.strftime("%Y-%m-%dT%H:%M:%SZ")}'
        '</xmp:CreateDate><xmp:CreatorTool>mediakit</xmp:CreatorTool>'
        '<pdf:Producer>mediakit</pdf:Producer></rdf:Description></rdf:RDF></x:xmpmeta>')
