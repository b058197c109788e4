"""Printable contact sheet of a review pack (multi-page A4 PDF drawn with Pillow): thumbnail,
version, status, caption and alerts (in red) for each item; an accessible PDF (text layer in
reading order, tags, language, title: :mod:`mediakit.media.pdf`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from mediakit.atomic import atomic_path
from mediakit.media.fonts import sans, wrap_text
from mediakit.media.pdf import Figure, Page, TextLine
from mediakit.media.pdf import write_pdf as write_accessible_pdf

PAGE = (1240, 1754)  # A4 portrait at 150 dpi
COLS, ROWS, MARGIN, HEADER = 2, 3, 70, 130
RED, BLACK, GREY = (200, 0, 0), (20, 20, 20), (110, 110, 110)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """The charte's open sans (every French glyph)."""
    return sans(size)


class _Drawn:
    """Draws on a page and keeps each line of text for the PDF's text layer."""

    def __init__(self, page: Page) -> None:
        self.page, self.draw = page, ImageDraw.Draw(page.image)

    def text(self, xy: tuple[float, float], text: str, fill: Any, font: Any, tag: str = "P",
             group: int | str = 0) -> None:
        self.draw.text(xy, text, fill=fill, font=font)
        ascent = font.getmetrics()[0] if hasattr(font, "getmetrics") else 0
        self.page.lines.append(TextLine(text, xy[0], xy[1] + ascent,
                                        self.draw.textlength(text, font=font),
                                        getattr(font, "size", 20), tag, group))


def render_pages(title: str, subtitle: str, cells: list[dict[str, Any]]) -> list[Image.Image]:
    """Pages for ``cells``: each has ``image`` (path or None), ``title``, ``lines`` (text,
    colour) and ``caption``."""
    return [page.image for page in sheet_pages(title, subtitle, cells)]


def sheet_pages(title: str, subtitle: str, cells: list[dict[str, Any]]) -> list[Page]:
    """The pages with their text layer and figures (see :func:`render_pages`)."""
    per_page = COLS * ROWS
    cell_w = (PAGE[0] - 2 * MARGIN) // COLS
    cell_h = (PAGE[1] - 2 * MARGIN - HEADER) // ROWS
    big, mid, small = _font(34), _font(24), _font(20)
    pages = []
    count = max(1, -(-len(cells) // per_page))
    for number in range(count):
        page = Page(Image.new("RGB", PAGE, "white"), 150)
        drawn = _Drawn(page)
        drawn.text((MARGIN, MARGIN - 20), title, BLACK, big, "H1", "title")
        drawn.text((MARGIN, MARGIN + 28), subtitle, GREY, small, group="subtitle")
        for slot, cell in enumerate(cells[number * per_page:(number + 1) * per_page]):
            x = MARGIN + (slot % COLS) * cell_w
            y = MARGIN + HEADER + (slot // COLS) * cell_h
            _draw_cell(drawn, cell, x, y, cell_w - 30, cell_h - 20, mid, small, slot)
        drawn.text((PAGE[0] - MARGIN - 140, PAGE[1] - MARGIN + 20),
                   f"page {number + 1}/{count}", GREY, small, group="folio")
        pages.append(page)
    return pages


def _draw_cell(drawn: _Drawn, cell: dict[str, Any], x: int, y: int, w: int, h: int,
               mid: Any, small: Any, slot: int) -> None:
    page, draw = drawn.page, drawn.draw
    thumb_h = int(h * 0.55)
    draw.rectangle((x, y, x + w, y + thumb_h), outline=(200, 200, 200), fill=(245, 245, 245))
    ty = y + thumb_h + 10
    drawn.text((x, ty), cell["title"][:60], BLACK, mid, "H2", f"{slot}-title")
    if cell.get("image"):
        with Image.open(cell["image"]) as img:
            thumb = img.convert("RGB")
            thumb.thumbnail((w - 4, thumb_h - 4))
            tx, tyy = x + (w - thumb.width) // 2, y + (thumb_h - thumb.height) // 2
            page.image.paste(thumb, (tx, tyy))
        page.figures.append(Figure((tx, tyy, thumb.width, thumb.height),
                                   cell.get("alt") or cell.get("caption")
                                   or f"Aperçu de {cell['title']}"))
        page.figures_at.append(len(page.lines))
    else:
        drawn.text((x + 20, y + thumb_h // 2 - 12), "aperçu indisponible", GREY, mid,
                   group=f"{slot}-image")
    ty += 32
    for n, (text, colour) in enumerate(cell.get("lines", [])):
        for line in wrap_text(draw, text, small, w, 2):
            if ty > y + h - 24:
                return
            drawn.text((x, ty), line, colour, small, group=f"{slot}-line{n}")
            ty += 25
    for line in wrap_text(draw, f"Légende : {cell.get('caption') or '—'}", small, w, 3):
        if ty > y + h - 24:
            return
        drawn.text((x, ty), line, BLACK, small, group=f"{slot}-caption")
        ty += 25


def write_pdf(out: Path, title: str, subtitle: str, cells: list[dict[str, Any]]) -> Path:
    """The contact sheet as an accessible PDF (text layer, tags, ``fr-FR``, title)."""
    pages = sheet_pages(title, subtitle, cells)
    with atomic_path(out) as tmp:
        write_accessible_pdf(tmp, pages, title=title, subject=subtitle)
    return out
