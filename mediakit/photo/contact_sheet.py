"""Contact sheet: the selected photos (masked, adjusted) with their captions, as a PDF or
PNG pages, for a quick look by the chief."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from mediakit.atomic import atomic_path
from mediakit.library.project import Operation
from mediakit.media.fonts import sans, wrap_text
from mediakit.photo.preview import preview_path

PAGE = (1754, 1240)  # A4 landscape at 150 dpi
COLS, ROWS, MARGIN = 3, 2, 60


def _font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    return sans(size, bold)


def render_pages(op: Operation, shas: list[str]) -> list[Image.Image]:
    cell_w = (PAGE[0] - 2 * MARGIN) // COLS
    cell_h = (PAGE[1] - 2 * MARGIN - 60) // ROWS
    pages = []
    per_page = COLS * ROWS
    for start in range(0, max(1, len(shas)), per_page):
        page = Image.new("RGB", PAGE, "white")
        draw = ImageDraw.Draw(page)
        draw.text((MARGIN, 20), f"{op.name} — planche contact "
                                f"({start // per_page + 1}/{(len(shas) - 1) // per_page + 1})",
                  fill="#000091", font=_font(30))
        for i, sha in enumerate(shas[start:start + per_page]):
            item = op.items[sha]
            x = MARGIN + (i % COLS) * cell_w
            y = MARGIN + 50 + (i // COLS) * cell_h
            thumb = Image.open(preview_path(op, sha, side=800)).convert("RGB")
            thumb.thumbnail((cell_w - 20, cell_h - 110))
            page.paste(thumb, (x + (cell_w - thumb.width) // 2, y))
            ty = y + thumb.height + 8
            stars = "★" * (item.get("rating") or 0)
            draw.text((x + 10, ty), f"{item['name']} {stars}", fill="#161616",
                      font=_font(20, True))
            if not item.get("masks_reviewed"):
                warning = ("NON ANONYMISÉE" if "masks" not in item else "MASQUES NON REVUS")
                width = int(draw.textlength(warning, font=_font(18, True)))
                draw.rectangle((x + 10, y + 8, x + 20 + width, y + 36), fill="#ce0500")
                draw.text((x + 15, y + 11), warning, fill="white", font=_font(18, True))
            caption = item.get("caption") or "(sans légende)"
            for n, line in enumerate(wrap_text(draw, caption, _font(18), cell_w - 20, 3)):
                draw.text((x + 10, ty + 26 + 22 * n), line, fill="#3a3a3a", font=_font(18))
        pages.append(page)
    return pages


def write_contact_sheet(op: Operation, shas: list[str], out: Path) -> Path:
    """Write a PDF (all pages) or PNG (pages side by side vertically) contact sheet."""
    pages = render_pages(op, shas)
    with atomic_path(out) as tmp:
        if out.suffix.lower() == ".pdf":
            pages[0].save(tmp, "PDF", resolution=150, save_all=True, append_images=pages[1:])
        else:
            sheet = Image.new("RGB", (PAGE[0], PAGE[1] * len(pages)), "white")
            for n, page in enumerate(pages):
                sheet.paste(page, (0, n * PAGE[1]))
            sheet.save(tmp, "PNG")
    return out
