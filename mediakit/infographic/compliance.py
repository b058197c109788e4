"""Compliance with the charte: checks a layout record (the sidecar JSON of a render).

Checked: colours outside the palette; overlapping texts; text contrast under WCAG AA (4.5:1, 3:1 for large
text; 3:1 for pictograms); text under its role's minimum size; text outside its box or the
canvas; the bloc-marque missing, duplicated, too small, not on its background colour, or
with another element inside its clear space; missing mandatory mentions; photos that were
not anonymised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mediakit.infographic.charte import Charte
from mediakit.infographic.colours import (
    AA_LARGE,
    AA_NORMAL,
    contrast_ratio,
    is_hex,
    is_large_text,
    normalise_hex,
)
from mediakit.infographic.typography import format_number

TOLERANCE = 1.0  # px
PHOTO_OK = ("anonymisee", "deja_masquee", "diffusion_autorisee")


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    element: int | None = None


def _describe(el: dict[str, Any]) -> str:
    if el["kind"] == "text":
        text = " ".join(el.get("lines", [])) or el.get("text", "")
        short = text if len(text) <= 40 else text[:39] + "…"
        return f"texte « {short} »"
    return {"rect": "aplat", "disc": "pastille", "icon": "pictogramme", "image": "photo",
            "logo": "bloc-marque", "polyline": "courbe"}.get(el["kind"], el["kind"])


def _intersects(a: list[float], b: list[float]) -> bool:
    return (a[0] < b[0] + b[2] - TOLERANCE and b[0] < a[0] + a[2] - TOLERANCE
            and a[1] < b[1] + b[3] - TOLERANCE and b[1] < a[1] + a[3] - TOLERANCE)


def _contains(outer: list[float], inner: list[float]) -> bool:
    return (outer[0] - TOLERANCE <= inner[0] and outer[1] - TOLERANCE <= inner[1]
            and inner[0] + inner[2] <= outer[0] + outer[2] + TOLERANCE
            and inner[1] + inner[3] <= outer[1] + outer[3] + TOLERANCE)


def _polyline_box(el: dict[str, Any]) -> list[float]:
    xs, ys = [p[0] for p in el["points"]], [p[1] for p in el["points"]]
    w = el.get("width", 1)
    return [min(xs) - w, min(ys) - w, max(xs) - min(xs) + 2 * w, max(ys) - min(ys) + 2 * w]


def _box(el: dict[str, Any]) -> list[float]:
    return _polyline_box(el) if el["kind"] == "polyline" else el["box"]


def backdrop(elements: list[dict[str, Any]], index: int, background: str) -> tuple[str | None, str]:
    """Colour under element ``index`` (topmost earlier fill containing it), or ``None`` with a
    reason when it sits on a photo or straddles several colours."""
    target = _box(elements[index])
    for el in reversed(elements[:index]):
        if el["kind"] == "image" and _intersects(el["box"], target):
            return None, "posé sur une photo"
        if el["kind"] in ("rect", "disc") and _intersects(el["box"], target):
            if _contains(el["box"], target) or (el["kind"] == "disc"
                                                and _contains(_grown(el["box"]), target)):
                return el["colour"], ""
            return None, f"à cheval sur un aplat {el['colour']}"
    return background, ""


def _grown(box: list[float]) -> list[float]:
    return [box[0] - 1, box[1] - 1, box[2] + 2, box[3] + 2]


def check_record(rec: dict[str, Any], charte: Charte) -> list[Issue]:
    """Every violation of ``charte`` found in a layout record."""
    issues: list[Issue] = []
    els: list[dict[str, Any]] = rec.get("elements", [])
    palette = charte.palette_hexes
    width, height = rec["width"], rec["height"]
    u = min(width, height) / 100
    scale = rec.get("scale", 1.0)
    px_per_pt = rec.get("px_per_pt") or width / 270
    background = normalise_hex(rec.get("background", "#ffffff"))
    canvas = [0, 0, width, height]

    def add(code: str, message: str, el: dict[str, Any] | None = None) -> None:
        issues.append(Issue(code, message, el.get("id") if el else None))

    if background not in palette:
        add("couleur", f"fond {background} hors de la palette de la charte « {charte.name} »")
    for i, el in enumerate(els):
        colour = el.get("colour")
        if colour is not None and (not is_hex(colour) or normalise_hex(colour) not in palette):
            add("couleur", f"couleur {colour} hors de la palette ({_describe(el)})", el)
        if el["kind"] == "text":
            _check_text(el, i, els, charte, background, u, scale, px_per_pt, canvas, add)
        elif el["kind"] == "icon" and colour and is_hex(colour):
            under, _ = backdrop(els, i, background)
            if under and contrast_ratio(colour, under) < AA_LARGE - 0.005:
                add("contraste", f"pictogramme peu visible : contraste "
                    f"{format_number(contrast_ratio(colour, under), 1)}:1 < 3:1 "
                    f"({colour} sur {under})", el)
        elif el["kind"] == "image" and el.get("status") not in PHOTO_OK:
            add("photo", f"photo « {el.get('source')} » non anonymisée", el)
    texts = [el for el in els if el["kind"] == "text"]
    for a_i, a in enumerate(texts):
        for b in texts[a_i + 1:]:
            if _intersects(a["box"], b["box"]):
                add("chevauchement", f"{_describe(a)} chevauche {_describe(b)}", b)
    _check_logo(els, charte, background, scale, add)
    _check_mentions(els, charte, add)
    return issues


def _check_text(el: dict[str, Any], i: int, els: list[dict[str, Any]], charte: Charte,
                background: str, u: float, scale: float, px_per_pt: float,
                canvas: list[float], add: Any) -> None:
    role = el.get("role", "body")
    try:
        fr = charte.font_role(role)
        min_px = max(fr.min_size * u, charte.min_text_px * scale)
    except Exception:  # unknown role: only the charte-wide floor applies
        min_px = charte.min_text_px * scale
    if el["size_px"] < min_px - 0.5:
        add("taille", f"{_describe(el)} : {el['size_px']} px, sous le minimum de "
            f"{min_px:.0f} px du rôle « {role} »", el)
    box = el["box"]
    if not _contains(canvas, box) or ("frame_box" in el and not _contains(el["frame_box"], box)):
        add("debordement", f"{_describe(el)} déborde de son cadre", el)
    colour = el.get("colour")
    if not (colour and is_hex(colour)):
        return
    under, why = backdrop(els, i, background)
    if under is None:
        add("contraste", f"{_describe(el)} {why} : contraste non garanti", el)
        return
    ratio = contrast_ratio(colour, under)
    large = is_large_text(el["size_px"] / px_per_pt, bool(el.get("bold")))
    need = AA_LARGE if large else AA_NORMAL
    if ratio < need - 0.005:
        add("contraste", f"{_describe(el)} : contraste {format_number(ratio, 2)}:1 < "
            f"{format_number(need)}:1 "
            f"({charte.colour_name(colour)} sur {charte.colour_name(under)})", el)


def _check_logo(els: list[dict[str, Any]], charte: Charte, background: str, scale: float,
                add: Any) -> None:
    logos = [(i, el) for i, el in enumerate(els) if el["kind"] == "logo"]
    if not logos:
        add("bloc-marque", "bloc-marque absent")
        return
    if len(logos) > 1:
        add("bloc-marque", f"bloc-marque présent {len(logos)} fois (un seul autorisé)",
            logos[1][1])
    for i, logo in logos:
        x, y, w, h = logo["box"]
        min_w = charte.logo.get("min_width_px", 0) * scale
        if w < min_w - 0.5:
            add("bloc-marque", f"bloc-marque trop petit ({w:.0f} px < {min_w:.0f} px)", logo)
        clear = charte.logo["clear_space"] * h
        zone = [x - clear, y - clear, w + 2 * clear, h + 2 * clear]
        want = charte.colour(charte.logo.get("background", "background"))
        under, why = backdrop(els, i, background)
        if under is None or normalise_hex(under) != want:
            add("bloc-marque", f"bloc-marque hors de son fond obligatoire "
                f"{charte.colour_name(want)} ({why or under})", logo)
        for j, el in enumerate(els):
            if j == i:
                continue
            box = _box(el)
            if not _intersects(box, zone):
                continue
            if j < i and el["kind"] in ("rect", "disc") and _contains(box, zone):
                continue  # the background the bloc-marque sits on
            add("zone-protection", f"{_describe(el)} dans la zone de protection du bloc-marque",
                el)


def _check_mentions(els: list[dict[str, Any]], charte: Charte, add: Any) -> None:
    has_photo = any(el["kind"] == "image" for el in els)
    has_chart = any(el.get("role") in ("barre", "courbe") for el in els)
    present = {el.get("mention") for el in els if el["kind"] == "text" and el.get("lines")}
    for m in charte.mentions:
        when = m.get("when", "always")
        needed = when == "always" or (when == "photo" and has_photo) or (
            when == "chart" and has_chart)
        if needed and m["id"] not in present:
            add("mention", f"mention obligatoire absente : {m.get('label', m['id'])}")

