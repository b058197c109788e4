"""Bar and line charts as layout elements (drawn later by the renderer, checked like text).

Data come from a CSV file (first column: labels; second: values; a header row is
recognised when its second cell is not a number) or from a list of ``[label, value]``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from mediakit.errors import MediakitError, display_path
from mediakit.infographic.typography import format_number, french


def _number(text: str) -> float:
    cleaned = str(text).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    return float(cleaned.replace(",", "."))


def read_series(source: Any, base: Path | None = None) -> tuple[str, list[tuple[str, float]]]:
    """``(value header, [(label, value)])`` from a CSV path or an inline list."""
    if isinstance(source, list):
        rows, header = [list(map(str, r)) for r in source], ""
    else:
        path = Path(source)
        if base is not None and not path.is_absolute():
            path = base / path
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                sample = fh.read(2048)
                fh.seek(0)
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
                rows = [r for r in csv.reader(fh, dialect) if any(c.strip() for c in r)]
        except OSError as exc:
            raise MediakitError(f"{display_path(path)} : CSV illisible ({exc.strerror})") from exc
        except csv.Error:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                rows = [r for r in csv.reader(fh) if any(c.strip() for c in r)]
        header = ""
        if rows and len(rows[0]) > 1:
            try:
                _number(rows[0][1])
            except ValueError:
                header = rows.pop(0)[1].strip()
    series = []
    for i, row in enumerate(rows, start=1):
        if len(row) < 2:
            raise MediakitError(f"données du graphique, ligne {i} : deux colonnes attendues "
                                f"(libellé, valeur)")
        try:
            series.append((row[0].strip(), _number(row[1])))
        except ValueError as exc:
            raise MediakitError(f"données du graphique, ligne {i} : « {row[1]} » n'est pas un "
                                f"nombre") from exc
    if not series:
        raise MediakitError("données du graphique vides")
    if any(v < 0 for _, v in series):
        raise MediakitError("données du graphique : valeurs négatives non prises en charge")
    return header, series


def chart_geometry(series: list[tuple[str, float]], box: tuple[float, float, float, float],
                   kind: str, value_h: float, label_h: float) -> dict[str, Any]:
    """Plot rectangles/points for ``series`` inside ``box`` (x, y, w, h in pixels).

    Leaves ``value_h`` above the tallest bar for value labels and ``label_h`` below the
    baseline for category labels."""
    x, y, w, h = box
    n = len(series)
    top, base = y + value_h, y + h - label_h
    vmax = max(v for _, v in series) or 1.0
    slot = w / n
    items = []
    for i, (label, value) in enumerate(series):
        cx = x + slot * (i + 0.5)
        vy = base - (base - top) * (value / vmax)
        bar_w = slot * 0.62
        items.append({"label": french(label), "value": format_number(value), "cx": cx,
                      "vy": vy, "bar": (cx - bar_w / 2, vy, bar_w, base - vy),
                      "slot": (x + slot * i, slot)})
    return {"items": items, "baseline": base, "top": top, "kind": kind}
