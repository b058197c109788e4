"""Layout: turn a template variant, a charte and field values into placed elements.

Block boxes are ``[x, y, w, h]`` in percent of a frame: ``content`` (default: the safe
area below the bloc-marque and its clear space), ``safe`` (inside the margins) or
``canvas`` (full bleed). Sizes are in units ``u`` = 1 % of the canvas' short side.
Elements are plain dicts (pixel boxes, hex colours, fitted lines) so the same list is
drawn by :mod:`render`, saved as the sidecar record and checked by :mod:`compliance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from mediakit.errors import MediakitError
from mediakit.infographic.chart import chart_geometry, read_series
from mediakit.infographic.charte import Charte
from mediakit.infographic.imaging import cover_crop, prepare_photo
from mediakit.infographic.templates import Template
from mediakit.infographic.textfit import FittedText, TextFitError, fit_text
from mediakit.infographic.typography import changes, format_number, format_phone, french

Rect = tuple[float, float, float, float]
PHOTO_MODES = {"anonymisee": "anonymisee", "deja_masquee": "deja_masquee"}
# text roles set as titles: no word alone on their last line when a better break exists
BALANCED_ROLES = ("title", "urgent", "accroche")


@dataclass
class Layout:
    """Everything drawn on one canvas, in drawing order."""

    charte: Charte
    template: Template
    width: int
    height: int
    variant: str
    scale: float
    dpi: int | None
    elements: list[dict[str, Any]] = field(default_factory=list)
    images: dict[int, Image.Image] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    # what French typography changed in the typed texts: {"field", "typed", "shown"}
    typography: list[dict[str, str]] = field(default_factory=list)

    def typed(self, field_name: str | None, typed: str, shown: str) -> str:
        """Note what typography changed in ``typed`` (seen by the officer); ``shown``."""
        for before, after in changes(typed, shown):
            entry = {"field": field_name or "texte", "typed": before, "shown": after}
            if entry not in self.typography:
                self.typography.append(entry)
        return shown

    @property
    def u(self) -> float:
        return min(self.width, self.height) / 100

    @property
    def px_per_pt(self) -> float:
        """Pixels per typographic point: the print resolution, or a 1080 px-wide post seen on a
        phone at 360 CSS px (about 270 pt across)."""
        return self.dpi / 72 if self.dpi else self.width / 270

    def add(self, element: dict[str, Any]) -> dict[str, Any]:
        element["id"] = len(self.elements) + 1
        self.elements.append(element)
        return element


class _Builder:
    def __init__(self, layout: Layout, base_dir: Path, detector: Any | None) -> None:
        self.lay, self.charte, self.base_dir, self.detector = (layout, layout.charte, base_dir,
                                                               detector)
        c, lay = self.charte, layout
        self.margin = c.margin * lay.u
        logo_img, self.logo_source = c.logo_image()
        logo_w = max(c.logo["width"] * lay.u, c.logo.get("min_width_px", 0) * lay.scale)
        self.logo_rect = (self.margin, self.margin, logo_w,
                          logo_w * logo_img.height / logo_img.width)
        self.logo_img = logo_img
        self.clear = c.logo["clear_space"] * self.logo_rect[3]
        top = self.logo_rect[1] + self.logo_rect[3] + self.clear
        w, h, m = lay.width, lay.height, self.margin
        self.frames: dict[str, Rect] = {
            "canvas": (0, 0, w, h),
            "safe": (m, m, w - 2 * m, h - 2 * m),
            "content": (m, top, w - 2 * m, h - m - top),
        }

    # ------------------------------------------------------------------ helpers
    def box(self, block: dict[str, Any]) -> Rect:
        fx, fy, fw, fh = self.frames[block.get("frame", "content")]
        x, y, w, h = block["box"]
        x, y, w, h = fx + fw * x / 100, fy + fh * y / 100, fw * w / 100, fh * h / 100
        bleed = block.get("bleed", [])  # sides pushed to the canvas edge: left, right…
        if "left" in bleed:
            x, w = 0.0, w + x
        if "top" in bleed:
            y, h = 0.0, h + y
        if "right" in bleed:
            w = self.lay.width - x
        if "bottom" in bleed:
            h = self.lay.height - y
        return x, y, w, h

    def value(self, block: dict[str, Any]) -> Any:
        if "text" in block:
            return block["text"]
        name = block.get("field")
        spec = self.lay.template.fields.get(name, {})
        val = self.lay.data.get(name)
        if val in (None, "", []) and spec.get("required"):
            raise MediakitError(f"champ obligatoire « {name} » ({spec.get('label', name)}) "
                                f"manquant dans les données")
        return val

    def fit(self, text: str, role: str, rect: Rect, size: float, field_name: str,
            max_lines: int | None = None, uppercase: bool = False) -> FittedText:
        fr = self.charte.font_role(role)
        path, _ = self.charte.font_file(fr.typeface, fr.weight)
        if fr.uppercase or uppercase:
            text = text.upper()
        min_px = max(fr.min_size * self.lay.u, self.charte.min_text_px * self.lay.scale)
        return fit_text(text, path, (rect[2], rect[3]), max(size * self.lay.u, min_px), min_px,
                        leading=fr.leading, max_lines=max_lines, field=field_name,
                        balance=role in BALANCED_ROLES)

    def place_text(self, fitted: FittedText, rect: Rect, role: str, colour: str,
                   align: str = "left", valign: str = "top", field_name: str | None = None,
                   text: str = "") -> dict[str, Any]:
        fr = self.charte.font_role(role)
        x, y, w, h = rect
        bh = fitted.height
        top = y if valign == "top" else y + h - bh if valign == "bottom" else y + (h - bh) / 2
        bw = fitted.width
        left = x if align == "left" else x + w - bw if align == "right" else x + (w - bw) / 2
        return self.lay.add({
            "kind": "text", "role": role, "field": field_name, "text": text,
            "lines": fitted.lines, "box": [left, top, bw, bh], "frame_box": list(rect),
            "align": align, "size_px": fitted.size, "line_height": fitted.line_height,
            "min_px": max(fr.min_size * self.lay.u, self.charte.min_text_px * self.lay.scale),
            "font_file": fitted.font_path, "typeface": fr.typeface, "weight": fr.weight,
            "bold": fr.weight in ("bold", "extrabold"), "colour": self.charte.colour(colour),
            "shrunk": fitted.shrunk,
        })

    def text(self, text: str, block: dict[str, Any], rect: Rect | None = None,
             field_name: str | None = None) -> dict[str, Any]:
        rect = rect or self.box(block)
        role = block.get("font", "body")
        fitted = self.fit(text, role, rect, block.get("size", 4), field_name or
                          block.get("field") or "texte", block.get("max_lines"),
                          block.get("uppercase", False))
        return self.place_text(fitted, rect, role, block.get("colour", "text"),
                               block.get("align", "left"), block.get("valign", "top"),
                               field_name or block.get("field"), text)

    def same_size_texts(self, texts: list[str], rects: list[Rect], block: dict[str, Any],
                        role: str, size: float, colour: str, field_name: str,
                        align: str = "center", valign: str = "top",
                        max_lines: int | None = None) -> None:
        """Several texts at one common size (the largest that fits them all)."""
        fits = [self.fit(t, role, r, size, f"{field_name}[{i}]", max_lines)
                for i, (t, r) in enumerate(zip(texts, rects, strict=True))]
        common = min(f.size for f in fits) / self.lay.u
        for i, (t, r) in enumerate(zip(texts, rects, strict=True)):
            fitted = self.fit(t, role, r, common, f"{field_name}[{i}]", max_lines)
            self.place_text(fitted, r, role, colour, align, valign, field_name, t)

    # ------------------------------------------------------------------ blocks
    def block_rect(self, block: dict[str, Any]) -> None:
        x, y, w, h = self.box(block)
        self.lay.add({"kind": "rect", "box": [x, y, w, h], "colour": self.charte.colour(
            block.get("colour", "primary")), "radius": block.get("radius", 0) * self.lay.u,
            "role": block.get("role", "fond")})

    block_rule = block_rect

    def block_logo(self, block: dict[str, Any]) -> None:
        x, y, w, h = self.logo_rect
        self.lay.images[len(self.lay.elements) + 1] = self.logo_img
        self.lay.add({"kind": "logo", "box": [x, y, w, h], "clear_space": self.clear,
                      "source": self.logo_source})

    def block_icon(self, block: dict[str, Any]) -> None:
        x, y, w, h = self.box(block)
        side = min(w, h)
        self.lay.add({"kind": "icon", "name": block.get("icon") or self.value(block),
                      "box": [x + (w - side) / 2, y + (h - side) / 2, side, side],
                      "colour": self.charte.colour(block.get("colour", "primary"))})

    def block_text(self, block: dict[str, Any]) -> None:
        val = self.value(block)
        if val in (None, ""):
            return
        ftype = self.lay.template.fields.get(block.get("field"), {}).get("type", "text")
        text = format_phone(str(val)) if ftype == "phone" else french(str(val))
        self.text(self.lay.typed(block.get("field"), str(val), text), block)

    def block_mention(self, block: dict[str, Any]) -> None:
        mention = next((m for m in self.charte.mentions if m["id"] == block["id"]), None)
        if mention is None:
            raise MediakitError(f"mention « {block['id']} » inconnue de la charte "
                                f"« {self.charte.name} »")
        raw = self.lay.data.get(mention["field"]) if mention.get("field") else mention.get("text")
        if not raw:
            return
        typed = f"{mention.get('prefix', '')}{raw}"
        el = self.text(self.lay.typed(mention.get("field"), typed, french(typed)),
                       {**block, "font": block.get("font", "mention")},
                       field_name=mention.get("field") or f"mention:{mention['id']}")
        el["mention"] = mention["id"]

    def block_image(self, block: dict[str, Any]) -> None:
        name = block["field"]
        path = self.value(block)
        if not path:
            return
        path = Path(path) if Path(path).is_absolute() else self.base_dir / path
        release = self.lay.data.get(f"{name}_diffusion_autorisee")
        if release and not block.get("allow_release"):
            raise MediakitError(f"champ « {name}_diffusion_autorisee » : ce modèle n'autorise "
                                f"pas la diffusion d'une photo non anonymisée")
        mode = ("diffusion_autorisee" if release else
                "deja_masquee" if self.lay.data.get(f"{name}_anonymisee") else "anonymisee")
        visible = self.lay.data.get(f"{name}_laisser_visible") or ""
        keep = tuple(t.strip() for t in (visible if isinstance(visible, list)
                                          else str(visible).split(",")) if t.strip())
        photo = prepare_photo(path, mode, self.detector, keep if release else ())
        x, y, w, h = self.box(block)
        pw, ph = max(1, round(w)), max(1, round(h))
        cropped, crop = cover_crop(photo.image, pw, ph, photo.faces)
        self.lay.images[len(self.lay.elements) + 1] = cropped
        self.lay.add({"kind": "image", "field": name, "box": [round(x), round(y), pw, ph],
                      "source": path.name, "status": photo.status, "masks": photo.masked,
                      "faces_in_frame": len(photo.faces), "crop": [round(v) for v in crop],
                      "release": release or None})
        if self.lay.data.get(f"{name}_item"):  # an operation's item: which one
            self.lay.elements[-1]["item"] = self.lay.data[f"{name}_item"]

    def block_figures(self, block: dict[str, Any]) -> None:
        items = self.value(block) or []
        if not items:
            return
        x, y, w, h = self.box(block)
        cols = min(block.get("columns", 3), len(items))
        rows = -(-len(items) // cols)
        gap = block.get("gap", 3) * self.lay.u
        cw, ch = (w - gap * (cols - 1)) / cols, (h - gap * (rows - 1)) / rows
        horizontal = block.get("arrangement") == "row"
        icon_share = block.get("icon_share", 0.3)
        values, labels, vrects, lrects = [], [], [], []
        for i, item in enumerate(items):
            r, c = divmod(i, cols)
            # centre a short last row
            in_row = min(cols, len(items) - r * cols)
            offset = (cols - in_row) * (cw + gap) / 2
            cx, cy = x + offset + c * (cw + gap), y + r * (ch + gap)
            if block.get("cell_colour"):
                self.lay.add({"kind": "rect", "box": [cx, cy, cw, ch], "role": "cellule",
                              "colour": self.charte.colour(block["cell_colour"]),
                              "radius": block.get("radius", 0) * self.lay.u})
            pad = block.get("padding", 0) * self.lay.u
            ix, iy, iw, ih = cx + pad, cy + pad, cw - 2 * pad, ch - 2 * pad
            if horizontal:
                side = min(ih * 0.7, iw * icon_share)
                icon = (ix, iy + (ih - side) / 2, side, side)
                tx, tw = ix + side + gap * 0.6, iw - side - gap * 0.6
                vrects.append((tx, iy, tw, ih * 0.55))
                lrects.append((tx, iy + ih * 0.55, tw, ih * 0.45))
            else:
                side = min(ih * icon_share, iw * 0.5)
                icon = (ix + (iw - side) / 2, iy, side, side)
                rest = ih - side
                share = block.get("value_share", 0.47)
                vrects.append((ix, iy + side + rest * 0.03, iw, rest * (share - 0.03)))
                lrects.append((ix, iy + side + rest * (share + 0.04), iw,
                               rest * (0.96 - share)))
            if item.get("icone"):
                self.lay.add({"kind": "icon", "name": item["icone"], "box": list(icon),
                              "colour": self.charte.colour(block.get("icon_colour", "primary"))})
            value = format_number(item["valeur"]) if isinstance(item.get("valeur"), int | float) \
                else self.lay.typed(block["field"], str(item.get("valeur", "")),
                                    french(str(item.get("valeur", ""))))
            if item.get("unite"):
                value = f"{value}\u00a0{item['unite']}"
            values.append(value)
            label = str(item.get("libelle", ""))
            labels.append(self.lay.typed(block["field"], label, french(label)))
        align = "left" if horizontal else "center"
        fname = block["field"]
        self.same_size_texts(values, vrects, block, block.get("value_font", "figure"),
                             block.get("value_size", 9), block.get("value_colour", "primary"),
                             fname, align, "bottom" if not horizontal else "bottom", 1)
        self.same_size_texts(labels, lrects, block, block.get("label_font", "body"),
                             block.get("label_size", 3.6), block.get("label_colour", "text"),
                             fname, align, "top", block.get("label_lines", 3))

    def block_list(self, block: dict[str, Any]) -> None:
        items = [str(i) for i in (self.value(block) or [])]
        if not items:
            return
        x, y, w, h = self.box(block)
        gap = block.get("gap", 2) * self.lay.u
        rh = (h - gap * (len(items) - 1)) / len(items)
        disc = min(rh * 0.8, block.get("disc", 9) * self.lay.u)
        texts, rects = [], []
        for i, item in enumerate(items):
            ry = y + i * (rh + gap)
            dy = ry + (rh - disc) / 2 if block.get("valign", "middle") == "middle" else ry
            self.lay.add({"kind": "disc", "box": [x, dy, disc, disc], "role": "puce",
                          "colour": self.charte.colour(block.get("disc_colour", "primary"))})
            num = self.fit(str(i + 1), block.get("number_font", "figure"),
                           (x, dy, disc, disc * 0.9), disc / self.lay.u * 0.55, "numéro")
            self.place_text(num, (x, dy, disc, disc), block.get("number_font", "figure"),
                            block.get("number_colour", "on_primary"), "center", "middle",
                            None, str(i + 1))
            texts.append(self.lay.typed(block["field"], item, french(item)))
            rects.append((x + disc + gap * 1.2, ry, w - disc - gap * 1.2, rh))
        self.same_size_texts(texts, rects, block, block.get("font", "body"),
                             block.get("size", 4.4), block.get("colour", "text"), block["field"],
                             "left", block.get("valign", "middle"))

    def block_chart(self, block: dict[str, Any]) -> None:
        source = self.value(block)
        if not source:
            return
        _, series = read_series(source, self.base_dir)
        x, y, w, h = self.box(block)
        u, kind = self.lay.u, block.get("kind", "bar")
        label_h = block.get("label_height", 9) * h / 100 + u
        value_h = block.get("value_height", 10) * h / 100
        geo = chart_geometry(series, (x, y, w, h), kind, value_h, label_h)
        colour = self.charte.colour(block.get("bar_colour", "primary"))
        highlight = self.charte.colour(block.get("highlight_colour", block.get("bar_colour",
                                                                                "primary")))
        last = len(geo["items"]) - 1
        for i, item in enumerate(geo["items"]):
            c = highlight if i == last else colour
            if kind == "bar":
                self.lay.add({"kind": "rect", "box": list(item["bar"]), "colour": c,
                              "role": "barre"})
        if kind == "line":
            pts = [[it["cx"], it["vy"]] for it in geo["items"]]
            self.lay.add({"kind": "polyline", "points": pts, "colour": colour,
                          "width": max(2.0, 0.7 * u), "role": "courbe"})
            r = max(3.0, 1.2 * u)
            for i, (px, py) in enumerate(pts):
                self.lay.add({"kind": "disc", "box": [px - r, py - r, 2 * r, 2 * r],
                              "colour": highlight if i == last else colour, "role": "point"})
        self.lay.add({"kind": "rect", "box": [x, geo["baseline"], w, max(1.0, 0.3 * u)],
                      "colour": self.charte.colour(block.get("axis_colour", "text")),
                      "role": "axe"})
        slot = geo["items"][0]["slot"][1]
        vrects = [(it["slot"][0], it["vy"] - value_h - (u if kind == "line" else 0),
                   slot, value_h - 0.5 * u) for it in geo["items"]]
        lrects = [(it["slot"][0] + 0.03 * slot, geo["baseline"] + u, slot * 0.94, label_h - u)
                  for it in geo["items"]]
        self.same_size_texts([it["value"] for it in geo["items"]], vrects, block,
                             block.get("value_font", "figure-small"), block.get("value_size", 4),
                             block.get("value_colour", "primary"), block["field"], "center",
                             "bottom", 1)
        self.same_size_texts([it["label"] for it in geo["items"]], lrects, block,
                             block.get("label_font", "body"), block.get("label_size", 3),
                             block.get("label_colour", "text"), block["field"], "center", "top",
                             2)


def build_layout(charte: Charte, template: Template, data: dict[str, Any], width: int,
                 height: int, *, base_dir: Path, scale: float = 1.0, dpi: int | None = None,
                 detector: Any | None = None) -> Layout:
    """Place every block of the template variant matching ``width × height``."""
    variant, blocks = template.variant(width, height)
    layout = Layout(charte, template, width, height, variant, scale, dpi, data=data)
    builder = _Builder(layout, base_dir, detector)
    for block in blocks:
        handler = getattr(builder, f"block_{block['type']}")
        try:
            handler(block)
        except TextFitError as exc:
            raise TextFitError(exc.field, f"{template.name} {width}×{height} — {exc}") from None
    return layout
