"""Contact sheet: the selected photos (masked, adjusted) with their captions, as a PDF or
PNG pages, for a quick look by the chief."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from mediakit.atomic import atomic_path
from mediakit.library.project import Operation
from mediakit.media.fonts import sans, wrap_text
from mediakit.media.pdf import Figure, Page, TextLine, write_pdf
from mediakit.photo.preview import preview_path

PAGE = (1754, 1240)  # A4 landscape at 150 dpi
DPI = 150
COLS, ROWS, MARGIN = 3, 2, 60


def _font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    return sans(size, bold)


def _text(draw: ImageDraw.ImageDraw, page: Page, xy: tuple[float, float], text: str,
          colour: str, size: int, bold: bool = False, tag: str = "P",
          group: int | str = 0) -> None:
    """Draw ``text`` and add it to the page's text layer (same place, same width)."""
    font = _font(size, bold)
    draw.text(xy, text, fill=colour, font=font)
    ascent = font.getmetrics()[0] if hasattr(font, "getmetrics") else size
    page.lines.append(TextLine(text, xy[0], xy[1] + ascent, draw.textlength(text, font=font),
                               size, tag, group, bold))


def sheet_pages(op: Operation, shas: list[str]) -> list[Page]:
    """The contact sheet's pages: pictures with their text layer and figures (thumbnails
    with their alternative text)."""
    cell_w = (PAGE[0] - 2 * MARGIN) // COLS
    cell_h = (PAGE[1] - 2 * MARGIN - 60) // ROWS
    pages = []
    per_page = COLS * ROWS
    for start in range(0, max(1, len(shas)), per_page):
        page = Page(Image.new("RGB", PAGE, "white"), DPI)
        draw = ImageDraw.Draw(page.image)
        _text(draw, page, (MARGIN, 20), f"{op.name} — planche contact "
              f"({start // per_page + 1}/{(len(shas) - 1) // per_page + 1})", "#000091", 30,
              tag="H1", group="title")
        for i, sha in enumerate(shas[start:start + per_page]):
            item = op.items[sha]
            x = MARGIN + (i % COLS) * cell_w
            y = MARGIN + 50 + (i // COLS) * cell_h
            thumb = Image.open(preview_path(op, sha, side=800)).convert("RGB")
            thumb.thumbnail((cell_w - 20, cell_h - 110))
            tx = x + (cell_w - thumb.width) // 2
            page.image.paste(thumb, (tx, y))
            ty = y + thumb.height + 8
            stars = "★" * (item.get("rating") or 0)
            rating = f", note {item['rating']} sur 5" if item.get("rating") else ""
            _text(draw, page, (x + 10, ty), f"{item['name']} {stars}".strip(), "#161616", 20,
                  True, "H2", f"{sha}-name")
            page.lines[-1].text = f"{item['name']}{rating}"  # read: the rating in words
            page.figures.append(Figure((tx, y, thumb.width, thumb.height),
                                       item.get("alt") or item.get("caption")
                                       or f"Photo {item['name']}"))
            page.figures_at.append(len(page.lines))
            if not item.get("masks_reviewed"):
                warning = ("NON ANONYMISÉE" if "masks" not in item else "MASQUES NON REVUS")
                width = int(draw.textlength(warning, font=_font(18, True)))
                draw.rectangle((x + 10, y + 8, x + 20 + width, y + 36), fill="#ce0500")
                _text(draw, page, (x + 15, y + 11), warning, "white", 18, True,
                      group=f"{sha}-warning")
            caption = item.get("caption") or "(sans légende)"
            for n, line in enumerate(wrap_text(draw, caption, _font(18), cell_w - 20, 3)):
                _text(draw, page, (x + 10, ty + 26 + 22 * n), line, "#3a3a3a", 18,
                      group=f"{sha}-caption")
        pages.append(page)
    return pages


def render_pages(op: Operation, shas: list[str]) -> list[Image.Image]:
    """The pictures of the contact sheet's pages."""
    return [page.image for page in sheet_pages(op, shas)]


def write_contact_sheet(op: Operation, shas: list[str], out: Path) -> Path:
    """Write a PDF (all pages: tagged, with a text layer, in French) or PNG (pages side by
    side vertically) contact sheet."""
    pages = sheet_pages(op, shas)
    with atomic_path(out) as tmp:
        if out.suffix.lower() == ".pdf":
            write_pdf(tmp, pages, title=f"{op.name} — planche contact",
                      subject=f"Planche contact de l'opération {op.name} : "
                              f"{len(shas)} photo(s) retenue(s)")
        else:
            sheet = Image.new("RGB", (PAGE[0], PAGE[1] * len(pages)), "white")
            for n, page in enumerate(pages):
                sheet.paste(page.image, (0, n * PAGE[1]))
            sheet.save(tmp, "PNG")
    return out
