"""Alternative text: what a screen reader should say, built from the fields.

A data field ``alt`` replaces the generated text entirely (the officer's wording wins).
Fields are read in the template's declared order; a field spec may set ``"alt": false``
to leave it out, or ``"alt_label"`` to introduce it (« Numéro à appeler : … »).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mediakit.infographic.chart import read_series
from mediakit.infographic.typography import format_number, format_phone


def plain(text: str) -> str:
    """Single-line text with ordinary spaces (screen readers ignore typographic spacing)."""
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", str(text)).strip()


def _sentence(text: str) -> str:
    text = plain(text)
    return text if not text or text[-1] in ".!?…»" else f"{text}."


def _figures(items: list[dict[str, Any]]) -> str:
    parts = []
    for item in items:
        value = item.get("valeur", "")
        value = format_number(value) if isinstance(value, int | float) else str(value)
        unit = f" {item['unite']}" if item.get("unite") else ""
        parts.append(plain(f"{value}{unit} {item.get('libelle', '')}"))
    return " ; ".join(parts)


def alt_text(template: Any, charte: Any, data: dict[str, Any], base_dir: Path) -> str:
    """The alternative text of an infographic filled with ``data``."""
    if data.get("alt"):
        return plain(data["alt"])
    parts = [_sentence(f"Infographie {charte.data.get('intitule', charte.title)} — "
                       f"{template.title}")]
    for name, spec in template.fields.items():
        value = data.get(name)
        if spec.get("alt") is False or value in (None, "", []) or name == "alt":
            continue
        ftype = spec.get("type", "text")
        label = spec.get("alt_label")
        if ftype == "figures":
            text = _figures(value)
        elif ftype == "list":
            text = " ".join(f"{i}. {_sentence(v)}" for i, v in enumerate(value, start=1))
        elif ftype == "chart":
            _, series = read_series(value, base_dir)
            kind = spec.get("alt_kind", "en barres")
            text = f"Graphique {kind} : " + " ; ".join(
                f"{lab} : {format_number(v)}" for lab, v in series)
        elif ftype == "image":
            text = data.get(f"{name}_description") or ""
            label = label or "Photo"
        elif ftype == "phone":
            text = format_phone(str(value))
        else:
            text = str(value)
        if text:
            parts.append(_sentence(f"{label} : {text}" if label else text))
    return plain(" ".join(parts))
