"""Contact sheet: the selected photos (masked, adjusted) with their captions, as a PDF or
PNG pages, for a quick look by the chief."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageFont

from mediakit.atomic import atomic_path
from mediakit.library.project import Operation
from mediakit.media.fonts import sans, wrap_text
from mediakit.media.pdf import Canvas, Page, star, write_pdf
from mediakit.photo.preview import preview_path

PAGE = (1754, 1240)  # A4 landscape at 150 dpi
DPI = 150
COLS, ROWS, MARGIN = 3, 2, 60


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return sans(size, bold)


def _stars(canvas: Canvas, x: float, top: float, count: int, size: int) -> None:
    """``count`` stars after a name (drawn: Arimo has no « ★ »)."""
    r = size * 0.42
    for n in range(count):
        canvas.polygon(star(x + r + n * 2.2 * r, top + size * 0.6, r), "#161616")


def sheet_canvases(op: Operation, shas: list[str]) -> list[Canvas]:
    """The contact sheet's pages, drawn (pictures) and kept (vector pages: text, thumbnails
    with their alternative text, in reading order)."""
    cell_w = (PAGE[0] - 2 * MARGIN) // COLS
    cell_h = (PAGE[1] - 2 * MARGIN - 60) // ROWS
    pages = []
    per_page = COLS * ROWS
    for start in range(0, max(1, len(shas)), per_page):
        canvas = Canvas(PAGE, DPI)
        canvas.text((MARGIN, 20), f"{op.name} — planche contact "
                    f"({start // per_page + 1}/{(len(shas) - 1) // per_page + 1})", "#000091",
                    _font(30), "H1", "title")
        for i, sha in enumerate(shas[start:start + per_page]):
            item = op.items[sha]
            x = MARGIN + (i % COLS) * cell_w
            y = MARGIN + 50 + (i // COLS) * cell_h
            thumb = Image.open(preview_path(op, sha, side=800)).convert("RGB")
            thumb.thumbnail((cell_w - 20, cell_h - 110))
            tx = x + (cell_w - thumb.width) // 2
            ty = y + thumb.height + 8
            rating = item.get("rating") or 0
            said = f"{item['name']}, note {rating} sur 5" if rating else None  # read in words
            width = canvas.text((x + 10, ty), item["name"], "#161616", _font(20, True), "H2",
                                f"{sha}-name", actual=said)
            _stars(canvas, x + 10 + width + 6, ty, rating, 20)
            canvas.picture(thumb, (tx, y), item.get("alt") or item.get("caption")
                           or f"Photo {item['name']}")
            if not item.get("masks_reviewed"):
                warning = ("NON ANONYMISÉE" if "masks" not in item else "MASQUES NON REVUS")
                width = int(canvas.draw.textlength(warning, font=_font(18, True)))
                canvas.rect((x + 10, y + 8, x + 20 + width, y + 36), fill="#ce0500")
                canvas.text((x + 15, y + 11), warning, "white", _font(18, True),
                            group=f"{sha}-warning")
            caption = item.get("caption") or "(sans légende)"
            for n, line in enumerate(wrap_text(canvas.draw, caption, _font(18), cell_w - 20,
                                               3)):
                canvas.text((x + 10, ty + 26 + 22 * n), line, "#3a3a3a", _font(18),
                            group=f"{sha}-caption")
        pages.append(canvas)
    return pages


def sheet_pages(op: Operation, shas: list[str]) -> list[Page]:
    """The contact sheet's vector pages (see :func:`sheet_canvases`)."""
    return [canvas.page for canvas in sheet_canvases(op, shas)]


def render_pages(op: Operation, shas: list[str]) -> list[Image.Image]:
    """The pictures of the contact sheet's pages."""
    return [canvas.image for canvas in sheet_canvases(op, shas)]


def write_contact_sheet(op: Operation, shas: list[str], out: Path) -> Path:
    """Write a PDF (all pages: vector text, tagged, in French) or PNG (pages side by
    side vertically) contact sheet."""
    canvases = sheet_canvases(op, shas)
    with atomic_path(out) as tmp:
        if out.suffix.lower() == ".pdf":
            write_pdf(tmp, [canvas.page for canvas in canvases], title=f"{op.name} — planche contact",
                      subject=f"Planche contact de l'opération {op.name} : "
                              f"{len(shas)} photo(s) retenue(s)")
        else:
            sheet = Image.new("RGB", (PAGE[0], PAGE[1] * len(canvases)), "white")
            for n, canvas in enumerate(canvases):
                sheet.paste(canvas.image, (0, n * PAGE[1]))
            sheet.save(tmp, "PNG")
    return out
