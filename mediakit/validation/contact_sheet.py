"""Printable contact sheet of a review pack (multi-page A4 PDF): thumbnail, version, status,
caption and alerts (in red) for each item; an accessible PDF (vector text in reading order,
embedded fonts, tags, language, title: :mod:`mediakit.media.pdf`), or Pillow pictures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageFont

from mediakit.atomic import atomic_path
from mediakit.media.fonts import sans, wrap_text
from mediakit.media.pdf import Canvas, Page
from mediakit.media.pdf import write_pdf as write_accessible_pdf

PAGE = (1240, 1754)  # A4 portrait at 150 dpi
COLS, ROWS, MARGIN, HEADER = 2, 3, 70, 130
RED, BLACK, GREY = (200, 0, 0), (20, 20, 20), (110, 110, 110)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """The charte's open sans (every French glyph)."""
    return sans(size)


def render_pages(title: str, subtitle: str, cells: list[dict[str, Any]]) -> list[Image.Image]:
    """Pages for ``cells``: each has ``image`` (path or None), ``title``, ``lines`` (text,
    colour) and ``caption``."""
    return [canvas.image for canvas in sheet_canvases(title, subtitle, cells)]


def sheet_pages(title: str, subtitle: str, cells: list[dict[str, Any]]) -> list[Page]:
    """The vector pages: text, thumbnails with their alternative text (see
    :func:`render_pages`)."""
    return [canvas.page for canvas in sheet_canvases(title, subtitle, cells)]


def sheet_canvases(title: str, subtitle: str, cells: list[dict[str, Any]]) -> list[Canvas]:
    """The pages, drawn and kept as vector pages (see :func:`render_pages`)."""
    per_page = COLS * ROWS
    cell_w = (PAGE[0] - 2 * MARGIN) // COLS
    cell_h = (PAGE[1] - 2 * MARGIN - HEADER) // ROWS
    big, mid, small = _font(34), _font(24), _font(20)
    pages = []
    count = max(1, -(-len(cells) // per_page))
    for number in range(count):
        drawn = Canvas(PAGE, 150)
        drawn.text((MARGIN, MARGIN - 20), title, BLACK, big, "H1", "title")
        drawn.text((MARGIN, MARGIN + 28), subtitle, GREY, small, group="subtitle")
        for slot, cell in enumerate(cells[number * per_page:(number + 1) * per_page]):
            x = MARGIN + (slot % COLS) * cell_w
            y = MARGIN + HEADER + (slot // COLS) * cell_h
            _draw_cell(drawn, cell, x, y, cell_w - 30, cell_h - 20, mid, small, slot)
        drawn.text((PAGE[0] - MARGIN - 140, PAGE[1] - MARGIN + 20),
                   f"page {number + 1}/{count}", GREY, small, group="folio")
        pages.append(drawn)
    return pages


def _draw_cell(drawn: Canvas, cell: dict[str, Any], x: int, y: int, w: int, h: int,
               mid: Any, small: Any, slot: int) -> None:
    draw = drawn.draw
    thumb_h = int(h * 0.55)
    drawn.rect((x, y, x + w, y + thumb_h), outline=(200, 200, 200), fill=(245, 245, 245))
    ty = y + thumb_h + 10
    drawn.text((x, ty), cell["title"][:60], BLACK, mid, "H2", f"{slot}-title")
    if cell.get("image"):
        with Image.open(cell["image"]) as img:
            thumb = img.convert("RGB")
            thumb.thumbnail((w - 4, thumb_h - 4))
            tx, tyy = x + (w - thumb.width) // 2, y + (thumb_h - thumb.height) // 2
        drawn.picture(thumb, (tx, tyy), cell.get("alt") or cell.get("caption")
                      or f"Aperçu de {cell['title']}")
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
    """The contact sheet as an accessible PDF (vector text, tags, ``fr-FR``, title)."""
    pages = sheet_pages(title, subtitle, cells)
    with atomic_path(out) as tmp:
        write_accessible_pdf(tmp, pages, title=title, subject=subtitle)
    return out
