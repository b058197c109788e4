"""Printable contact sheet of a review pack (multi-page A4 PDF drawn with Pillow): thumbnail,
version, status, caption and alerts (in red) for each item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from mediakit.atomic import atomic_path
from mediakit.media.fonts import sans, wrap_text

PAGE = (1240, 1754)  # A4 portrait at 150 dpi
COLS, ROWS, MARGIN, HEADER = 2, 3, 70, 130
RED, BLACK, GREY = (200, 0, 0), (20, 20, 20), (110, 110, 110)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """The charte's open sans (every French glyph)."""
    return sans(size)


def render_pages(title: str, subtitle: str, cells: list[dict[str, Any]]) -> list[Image.Image]:
    """Pages for ``cells``: each has ``image`` (path or None), ``title``, ``lines`` (text,
    colour) and ``caption``."""
    per_page = COLS * ROWS
    cell_w = (PAGE[0] - 2 * MARGIN) // COLS
    cell_h = (PAGE[1] - 2 * MARGIN - HEADER) // ROWS
    big, mid, small = _font(34), _font(24), _font(20)
    pages = []
    count = max(1, -(-len(cells) // per_page))
    for number in range(count):
        page = Image.new("RGB", PAGE, "white")
        draw = ImageDraw.Draw(page)
        draw.text((MARGIN, MARGIN - 20), title, fill=BLACK, font=big)
        draw.text((MARGIN, MARGIN + 28), subtitle, fill=GREY, font=small)
        draw.text((PAGE[0] - MARGIN - 140, PAGE[1] - MARGIN + 20),
                  f"page {number + 1}/{count}", fill=GREY, font=small)
        for slot, cell in enumerate(cells[number * per_page:(number + 1) * per_page]):
            x = MARGIN + (slot % COLS) * cell_w
            y = MARGIN + HEADER + (slot // COLS) * cell_h
            _draw_cell(page, draw, cell, x, y, cell_w - 30, cell_h - 20, mid, small)
        pages.append(page)
    return pages


def _draw_cell(page: Image.Image, draw: ImageDraw.ImageDraw, cell: dict[str, Any], x: int,
               y: int, w: int, h: int, mid: Any, small: Any) -> None:
    thumb_h = int(h * 0.55)
    draw.rectangle((x, y, x + w, y + thumb_h), outline=(200, 200, 200), fill=(245, 245, 245))
    if cell.get("image"):
        with Image.open(cell["image"]) as img:
            thumb = img.convert("RGB")
            thumb.thumbnail((w - 4, thumb_h - 4))
            page.paste(thumb, (x + (w - thumb.width) // 2, y + (thumb_h - thumb.height) // 2))
    else:
        draw.text((x + 20, y + thumb_h // 2 - 12), "aperçu indisponible", fill=GREY, font=mid)
    ty = y + thumb_h + 10
    draw.text((x, ty), cell["title"][:60], fill=BLACK, font=mid)
    ty += 32
    for text, colour in cell.get("lines", []):
        for line in wrap_text(draw, text, small, w, 2):
            if ty > y + h - 24:
                return
            draw.text((x, ty), line, fill=colour, font=small)
            ty += 25
    for line in wrap_text(draw, f"Légende : {cell.get('caption') or '—'}", small, w, 3):
        if ty > y + h - 24:
            return
        draw.text((x, ty), line, fill=BLACK, font=small)
        ty += 25


def write_pdf(out: Path, title: str, subtitle: str, cells: list[dict[str, Any]]) -> Path:
    pages = render_pages(title, subtitle, cells)
    with atomic_path(out) as tmp:
        pages[0].save(tmp, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    return out
