"""Draw a layout with Pillow and export it: PNG or A4 PDF, sidecar record, alt text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from mediakit.atomic import atomic_path, write_text_atomic
from mediakit.errors import MediakitError
from mediakit.infographic.alttext import alt_text, plain
from mediakit.infographic.charte import Charte
from mediakit.infographic.colours import hex_to_rgb
from mediakit.infographic.icons import draw_icon
from mediakit.infographic.layout import Layout, build_layout
from mediakit.infographic.templates import Template
from mediakit.infographic.textfit import load_font
from mediakit.media.pdf import Figure, Page, TextLine, can_embed, write_pdf

A4_300DPI = (2480, 3508)
SUPER = 4  # supersampling for round shapes


def _round_mask(size: tuple[int, int], radius: float, ellipse: bool) -> Image.Image:
    w, h = max(1, size[0]), max(1, size[1])
    big = Image.new("L", (w * SUPER, h * SUPER), 0)
    d = ImageDraw.Draw(big)
    if ellipse:
        d.ellipse([0, 0, w * SUPER - 1, h * SUPER - 1], fill=255)
    else:
        d.rounded_rectangle([0, 0, w * SUPER - 1, h * SUPER - 1], radius=radius * SUPER, fill=255)
    return big.resize((w, h), Image.Resampling.LANCZOS)


def _fill_shape(im: Image.Image, box: list[float], colour: str, radius: float = 0,
                ellipse: bool = False) -> None:
    x, y, w, h = (round(v) for v in box)
    if w <= 0 or h <= 0:
        return
    rgb = hex_to_rgb(colour)
    if not ellipse and radius <= 0:
        ImageDraw.Draw(im).rectangle([x, y, x + w - 1, y + h - 1], fill=rgb)
        return
    im.paste(Image.new("RGB", (w, h), rgb), (x, y), _round_mask((w, h), radius, ellipse))


def _draw_text(draw: ImageDraw.ImageDraw, el: dict[str, Any]) -> None:
    font = load_font(el["font_file"], el["size_px"])
    x, y, w, _ = el["box"]
    for i, line in enumerate(el["lines"]):
        lw = font.getlength(line)
        lx = x if el["align"] == "left" else x + w - lw if el["align"] == "right" \
            else x + (w - lw) / 2
        draw.text((lx, y + i * el["line_height"]), line, font=font, anchor="la",
                  fill=hex_to_rgb(el["colour"]))


def draw(layout: Layout, without: frozenset[int] = frozenset()) -> Image.Image:
    """The RGB picture of a layout (``without`` the text elements of these ids: they are
    drawn in vector in the PDF)."""
    im = Image.new("RGB", (layout.width, layout.height),
                   hex_to_rgb(layout.charte.colour("background")))
    draw_ = ImageDraw.Draw(im)
    for el in layout.elements:
        kind = el["kind"]
        if kind == "rect":
            _fill_shape(im, el["box"], el["colour"], el.get("radius", 0))
        elif kind == "disc":
            _fill_shape(im, el["box"], el["colour"], ellipse=True)
        elif kind == "text":
            if el["id"] not in without:
                _draw_text(draw_, el)
        elif kind == "polyline":
            draw_.line([tuple(p) for p in el["points"]], fill=hex_to_rgb(el["colour"]),
                       width=round(el["width"]), joint="curve")
        elif kind == "icon":
            x, y, side, _ = (round(v) for v in el["box"])
            icon = draw_icon(el["name"], side, el["colour"])
            im.paste(icon, (x, y), icon)
        elif kind in ("image", "logo"):
            x, y, w, h = (round(v) for v in el["box"])
            pic = layout.images[el["id"]]
            if pic.size != (w, h):
                pic = pic.resize((w, h), Image.Resampling.LANCZOS)
            im.paste(pic, (x, y), pic if pic.mode == "RGBA" else None)
    return im


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def record(layout: Layout, alt: str) -> dict[str, Any]:
    """The sidecar description of what was drawn where (checked by ``charte check``)."""
    elements = []
    for el in layout.elements:
        el = dict(el)
        if "font_file" in el:
            el["font_file"] = Path(el["font_file"]).name
        elements.append(_rounded(el))
    return {
        "mediakit_infographic": 1, "charte": layout.charte.name,
        "template": layout.template.name, "variant": layout.variant,
        "width": layout.width, "height": layout.height, "scale": layout.scale,
        "dpi": layout.dpi, "px_per_pt": round(layout.px_per_pt, 3),
        "background": layout.charte.colour("background"), "alt": alt, "elements": elements,
        "typography": list(layout.typography),
    }


@dataclass
class Rendered:
    """One output format: the layout, its picture and its record."""

    name: str
    layout: Layout
    image: Image.Image
    record: dict[str, Any]
    issues: list[Any] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def parse_formats(spec: str) -> list[tuple[int, int, int | None]]:
    """``all`` or ``1080x1080,1200x630,a4`` → ``[(width, height, dpi)]``."""
    from mediakit.channels.presets import still_formats

    if spec.strip() == "all":
        out: list[tuple[int, int, int | None]] = [(f["width"], f["height"], None)
                                                  for f in still_formats()]
        return out + [(*A4_300DPI, 300)]
    out = []
    for part in spec.split(","):
        part = part.strip().lower()
        if part == "a4":
            out.append((*A4_300DPI, 300))
            continue
        try:
            w, h = (int(v) for v in part.split("x"))
        except ValueError as exc:
            raise MediakitError(f"format « {part} » invalide (attendu LxH, a4 ou all)") from exc
        if not (64 <= w <= 8000 and 64 <= h <= 8000):
            raise MediakitError(f"format « {part} » hors limites (64 à 8000 px)")
        out.append((w, h, None))
    return out


def format_name(width: int, height: int, dpi: int | None) -> str:
    return "a4" if dpi and (width, height) == A4_300DPI else f"{width}x{height}"


def render_one(charte: Charte, template: Template, data: dict[str, Any], base_dir: Path,
               width: int, height: int, dpi: int | None = None, scale: float = 1.0,
               detector: Any | None = None) -> Rendered:
    """Lay out, draw and check one format (nothing is written)."""
    from mediakit.infographic.compliance import check_record

    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    layout = build_layout(charte, template, data, w, h, base_dir=base_dir, scale=scale,
                          dpi=round(dpi * scale) if dpi else None, detector=detector)
    rec = record(layout, alt_text(template, charte, data, base_dir))
    image = draw(layout)
    return Rendered(format_name(width, height, dpi), layout, image, rec,
                    check_record(rec, charte))


# text roles read as headings by a screen reader (no H2 before the H1)
HEADING_ROLES = {"title": "H1", "urgent": "H1"}  # the kicker (label) stays a paragraph


def _bbox(el: dict[str, Any]) -> tuple[float, float, float, float]:
    """An element's extent: ``x0, y0, x1, y1``."""
    if el["kind"] == "polyline":
        xs, ys = [p[0] for p in el["points"]], [p[1] for p in el["points"]]
        half = el.get("width", 0) / 2
        return min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half
    x, y, w, h = el["box"]
    return x, y, x + w, y + h


def vector_texts(layout: Layout) -> frozenset[int]:
    """The text elements the PDF draws in vector: those whose font it can embed and over
    which nothing else is drawn later (else they stay in the picture, with an invisible
    text layer, so that the page looks as its PNG)."""
    out = set()
    elements = layout.elements
    for i, el in enumerate(elements):
        if el["kind"] != "text" or not can_embed(str(el["font_file"])):
            continue
        pad = el["size_px"] * 0.15  # ink may go a little past the box (accents, italics)
        x0, y0, x1, y1 = _bbox(el)
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        if not any(other["kind"] != "text" and _bbox(other)[0] < x1
                   and _bbox(other)[2] > x0 and _bbox(other)[1] < y1 and _bbox(other)[3] > y0
                   for other in elements[i + 1:]):
            out.add(el["id"])
    return frozenset(out)


def pdf_page(rendered: Rendered) -> Page:
    """The layout as an accessible PDF page: a picture without the text (colours, shapes,
    photos), then, in the order of the template (which is the reading order), every text
    line in vector (its font embedded, its colour, where Pillow draws it), the photos and
    the bloc-marque as figures with their alternative text."""
    lay = rendered.layout
    vector = vector_texts(lay)
    page = Page((lay.width, lay.height), lay.dpi or 300, background=draw(lay, vector))
    for el in lay.elements:
        kind = el["kind"]
        if kind == "text":
            font = load_font(el["font_file"], el["size_px"])
            ascent = font.getmetrics()[0]
            x, y, w, _ = el["box"]
            tag = HEADING_ROLES.get(el["role"], "P")
            colour = hex_to_rgb(el["colour"]) if el["id"] in vector else None
            for i, line in enumerate(el["lines"]):
                if not line.strip():
                    continue
                lw = font.getlength(line)
                lx = x if el["align"] == "left" else x + w - lw if el["align"] == "right" \
                    else x + (w - lw) / 2
                page.items.append(TextLine(
                    line, lx, y + i * el["line_height"] + ascent, lw, el["size_px"], tag,
                    el["id"], bool(el.get("bold")), colour=colour,
                    font_file=str(el["font_file"])))
        elif kind in ("image", "logo"):
            if kind == "logo":
                alt = f"Bloc-marque : {lay.charte.title}"
            else:
                alt = str(lay.data.get(f"{el['field']}_description") or "Photo")
            page.items.append(Figure(tuple(el["box"]), alt))  # type: ignore[arg-type]
    return page


def pdf_title(rendered: Rendered) -> str:
    """The document's title: the template's, and the infographic's own title when it has
    one (« Appel à témoins — Véhicule recherché… »)."""
    lay = rendered.layout
    own = lay.data.get("titre") or lay.data.get("title")
    return f"{lay.template.title} — {plain(str(own))}" if own else lay.template.title


def write_outputs(rendered: Rendered, out_dir: Path, forced: bool = False,
                  stem: str | None = None) -> list[Path]:
    """Write the picture (PNG, or PDF for A4), its ``.json`` record and ``.alt.txt``
    (named ``stem``, default ``<template>_<charte>_<format>``)."""
    lay = rendered.layout
    stem = stem or f"{lay.template.name}_{lay.charte.name}_{rendered.name}"
    is_pdf = rendered.name == "a4"
    target = out_dir / f"{stem}.{'pdf' if is_pdf else 'png'}"
    with atomic_path(target) as tmp:
        if is_pdf:
            title = pdf_title(rendered)
            write_pdf(tmp, [pdf_page(rendered)], title=title, author=lay.charte.title,
                      subject=rendered.record["alt"])
        else:
            rendered.image.save(tmp, "PNG", optimize=False, compress_level=6)
    rec = dict(rendered.record, file=target.name)
    if forced and rendered.issues:
        rec["forced"] = True
        rec["issues"] = [i.message for i in rendered.issues]
    sidecar, alt = out_dir / f"{stem}.json", out_dir / f"{stem}.alt.txt"
    write_text_atomic(sidecar, json.dumps(rec, ensure_ascii=False, indent=1) + "\n")
    write_text_atomic(alt, rendered.record["alt"] + "\n")
    rendered.files = [target, sidecar, alt]
    return rendered.files
