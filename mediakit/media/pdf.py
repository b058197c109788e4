"""Accessible PDF pages, written with fpdf2: real documents (RGAA) whose text is vector
text, visible, selectable, searchable and read by a screen reader.

* a page is drawn in the order of its items, which is also its reading order: lines of
  text, figures (photos, thumbnails) and shapes (rectangles, stars), over an optional
  *background* picture (what Pillow drew without the text: colours, shapes, photos);
* every line of text is written in its own font file (the charte's Arimo, Spectral…:
  embedded, subset, with its ``ToUnicode`` map: fpdf2's ``add_font``), in its colour, at
  the size and place Pillow would draw it, stretched by a hair to the width Pillow's
  shaping gives it (kerning), so that the page looks like its PNG. A line without a
  colour is *invisible* (``TextMode.INVISIBLE``): its glyphs are already in the background
  (a text that cannot be drawn in vector), and it is only the text layer over them;
* the background and the shapes are *artifacts*; the figures carry their alternative text
  (fpdf2's ``image(..., alt_text=...)``);
* the document is tagged (``Document`` → ``H1``/``P``/``Figure``… in reading order), with
  its language (``/Lang fr-FR``), its title shown by readers (``DisplayDocTitle``), and the
  same in XMP metadata. A line may carry an ``actual`` text, read instead of what is drawn
  (``/ActualText``: « note 3 sur 5 » for three drawn stars).

fpdf2 has no public API to tag text (only images and outline entries) nor to mark an
artifact: :class:`_TaggedPDF` adds both, in a few lines, on the marked-content helper that
fpdf2 itself uses for figures (``FPDF._add_marked_content``, the extension point its
maintainers point to, py-pdf/fpdf2 issue 355).
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF
from fpdf.enums import TextMode
from fpdf.prefs import ViewerPreferences
from PIL import Image, ImageColor, ImageDraw, ImageFont

from mediakit.atomic import write_bytes_atomic
from mediakit.media.fonts import FONT_DIR

RGB = tuple[int, int, int]


def sans_path(bold: bool = False) -> str:
    """The charte's open sans (Arimo) as a file."""
    return str(FONT_DIR / ("Arimo-Bold.ttf" if bold else "Arimo-Regular.ttf"))


# -- what a page holds -------------------------------------------------------------------
@dataclass
class TextLine:
    """One line of text, in the page's pixels: left edge, baseline, width (as Pillow lays
    it out), size (the font's em, in pixels). Consecutive lines with the same ``group``
    form one structure element (``tag``: ``H1``, ``H2``, ``P``, ``Caption``…).

    ``colour``: drawn visibly in that colour; None: invisible, over the background's own
    drawing of it. ``font_file``: None for Arimo (regular or ``bold``). ``actual``: what a
    reader reads instead of ``text``."""

    text: str
    x: float
    baseline: float
    width: float
    size: float
    tag: str = "P"
    group: int | str = 0
    bold: bool = False
    colour: RGB | None = None
    font_file: str | None = None
    actual: str | None = None

    @property
    def font_path(self) -> str:
        return self.font_file or sans_path(self.bold)


@dataclass
class Figure:
    """A meaningful picture (pixels ``x, y, w, h``) and its alternative text: ``image``,
    or else that part of the page's background."""

    box: tuple[float, float, float, float]
    alt: str
    image: Image.Image | None = None


@dataclass
class Shape:
    """A decoration (an artifact): a polygon in pixels, filled and/or outlined."""

    points: list[tuple[float, float]]
    fill: RGB | None = None
    outline: RGB | None = None
    width: float = 1.0

    @classmethod
    def rect(cls, box: tuple[float, float, float, float], fill: RGB | None = None,
             outline: RGB | None = None, width: float = 1.0) -> Shape:
        """Pillow's ``rectangle((x0, y0, x1, y1))``: both corners included."""
        x0, y0, x1, y1 = box
        x1, y1 = x1 + 1, y1 + 1
        return cls([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill, outline, width)


def star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """A five-pointed star's polygon, centred on ``cx, cy``, outer radius ``r``."""
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(angle), cy + rad * math.sin(angle)))
    return pts


Item = TextLine | Figure | Shape


@dataclass
class Page:
    """A page of ``size`` pixels at ``dpi``: its items in drawing and reading order, over
    an optional background picture."""

    size: tuple[int, int]
    dpi: float
    items: list[Item] = field(default_factory=list)
    background: Image.Image | None = None

    @property
    def lines(self) -> list[TextLine]:
        return [i for i in self.items if isinstance(i, TextLine)]

    @property
    def figures(self) -> list[Figure]:
        return [i for i in self.items if isinstance(i, Figure)]


class Canvas:
    """A page drawn with Pillow (for PNG pages) that keeps what it draws as the items of a
    vector :class:`Page` (for the PDF): text, rectangles, stars and pictures."""

    def __init__(self, size: tuple[int, int], dpi: float, background: str = "white") -> None:
        self.image = Image.new("RGB", size, background)
        self.draw = ImageDraw.Draw(self.image)
        self.page = Page(size, dpi)

    def text(self, xy: tuple[float, float], text: str, colour: str | RGB,
             font: ImageFont.FreeTypeFont | ImageFont.ImageFont, tag: str = "P",
             group: int | str = 0, actual: str | None = None) -> float:
        """Draw ``text`` with its top-left at ``xy`` (Pillow's default anchor); its width."""
        self.draw.text(xy, text, fill=colour, font=font)
        width = self.draw.textlength(text, font=font)
        ascent = font.getmetrics()[0] if isinstance(font, ImageFont.FreeTypeFont) else 0
        path = getattr(font, "path", None)
        self.page.items.append(TextLine(
            text, xy[0], xy[1] + ascent, width, float(getattr(font, "size", 10)), tag, group,
            colour=_rgb(colour), font_file=path if isinstance(path, str) else None,
            actual=actual))
        return width

    def rect(self, box: tuple[float, float, float, float], fill: str | RGB | None = None,
             outline: str | RGB | None = None) -> None:
        """Pillow's ``rectangle`` (corners included), an artifact of the page."""
        self.draw.rectangle(box, fill=fill, outline=outline)
        self.page.items.append(Shape.rect(box, _rgb(fill) if fill else None,
                                          _rgb(outline) if outline else None))

    def polygon(self, points: list[tuple[float, float]], fill: str | RGB) -> None:
        """A filled polygon (a star), an artifact of the page."""
        self.draw.polygon(points, fill=fill)
        self.page.items.append(Shape(points, _rgb(fill)))

    def picture(self, image: Image.Image, xy: tuple[int, int], alt: str) -> None:
        """Paste ``image`` at ``xy``: a figure with its alternative text."""
        self.image.paste(image, xy)
        self.page.items.append(Figure((xy[0], xy[1], image.width, image.height), alt, image))


def _rgb(colour: str | RGB) -> RGB:
    rgb = ImageColor.getrgb(colour) if isinstance(colour, str) else colour
    return (rgb[0], rgb[1], rgb[2])


# -- writing -------------------------------------------------------------------------------
class _TaggedPDF(FPDF):
    """fpdf2 plus the two marked contents it has no public API for."""

    @contextmanager
    def tagged(self, tag: str, actual: str | None = None) -> Iterator[None]:
        """What is drawn inside is one structure element ``tag`` (``H1``, ``P``…) of the
        document, in the order of the calls (one MCID per element, as fpdf2 counts them);
        ``actual``: its text as read."""
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        self._add_marked_content(struct_type=f"/{tag}", mcid=mcid)
        extra = f" /ActualText {_pdf_string(actual)}" if actual else ""
        self._out(f"/{tag} <</MCID {mcid}{extra}>> BDC")
        yield
        self._out("EMC")

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """What is drawn inside is not read (background, decorations)."""
        self._out("/Artifact BMC")
        yield
        self._out("EMC")


@functools.cache
def can_embed(path: str) -> bool:
    """Whether fpdf2 can embed the font file ``path`` (else its text stays a picture)."""
    try:
        FPDF().add_font("probe", "", path)
    except Exception:  # noqa: BLE001 - any font fpdf2 refuses or fails on
        return False
    return True


def _pdf_string(text: str) -> str:
    """A PDF text string in UTF-16 (hexadecimal)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _jpeg(image: Image.Image, quality: int) -> io.BytesIO:
    """``image`` as a JPEG, which fpdf2 embeds as it is (DCTDecode)."""
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality, subsampling=0, optimize=True)
    buf.seek(0)
    return buf


class _Writer:
    """Draws pages on one document, with a font family per font file."""

    def __init__(self, pdf: _TaggedPDF, quality: int) -> None:
        self.pdf, self.quality = pdf, quality
        self.families: dict[str, str] = {}

    def family(self, path: str) -> str:
        if path not in self.families:
            name = f"font{len(self.families)}"
            self.pdf.add_font(name, "", path)
            self.families[path] = name
        return self.families[path]

    def page(self, page: Page) -> None:
        pdf, k = self.pdf, 72 / page.dpi  # points per pixel
        pdf.add_page(format=(page.size[0] * k, page.size[1] * k))
        if page.background is not None:
            with pdf.artifact():
                pdf.image(_jpeg(page.background, self.quality), 0, 0, pdf.w, pdf.h)
        runs: list[list[Item]] = []
        for item in page.items:  # consecutive lines of one group and tag: one element
            last = runs[-1][-1] if runs else None
            if (isinstance(item, TextLine) and isinstance(last, TextLine)
                    and (last.group, last.tag) == (item.group, item.tag)
                    and not item.actual and not last.actual):
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            head = run[0]
            if isinstance(head, Figure):
                self.figure(page, head, k)
            elif isinstance(head, Shape):
                with pdf.artifact():
                    self.shape(head, k)
            else:
                with pdf.tagged(head.tag, head.actual):
                    for line in run:
                        self.line(line, k)  # type: ignore[arg-type]

    def figure(self, page: Page, fig: Figure, k: float) -> None:
        x, y, w, h = fig.box
        image = fig.image
        if image is None:
            assert page.background is not None, "a figure without its picture"
            image = page.background.crop((round(x), round(y), round(x + w), round(y + h)))
        self.pdf.image(_jpeg(image, self.quality), x * k, y * k, w * k, h * k,
                       alt_text=fig.alt)

    def shape(self, shape: Shape, k: float) -> None:
        pdf = self.pdf
        if shape.fill:
            pdf.set_fill_color(*shape.fill)
        if shape.outline:
            pdf.set_draw_color(*shape.outline)
            pdf.set_line_width(shape.width * k)
        style = ("F" if shape.fill else "") + ("D" if shape.outline else "")
        if style:
            pdf.polygon([(x * k, y * k) for x, y in shape.points], style=style[::-1])

    def line(self, line: TextLine, k: float) -> None:
        pdf = self.pdf
        pdf.set_font(self.family(line.font_path), "", line.size * k)
        if line.colour is None:
            pdf.text_mode = TextMode.INVISIBLE
        else:
            pdf.text_mode = TextMode.FILL
            pdf.set_text_color(*line.colour[:3])
        pdf.set_stretching(100)
        natural = pdf.get_string_width(line.text)
        pdf.set_stretching(100 * line.width * k / natural if natural > 0 else 100)
        pdf.text(line.x * k, line.baseline * k, line.text)


def write_pdf(path: str | Path, pages: list[Page], *, title: str, lang: str = "fr-FR",
              author: str = "", subject: str = "", quality: int = 85) -> Path:
    """Write ``pages`` as a tagged PDF with vector text (see the module's docstring),
    atomically."""
    path = Path(path)
    pdf = _TaggedPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
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
    writer = _Writer(pdf, quality)
    for page in pages:
        writer.page(page)
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
