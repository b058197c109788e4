"""Human-readable lines describing an operation's items (``mediakit info``)."""

from __future__ import annotations

from typing import Any

from mediakit.clitext import camera_text
from mediakit.library.project import Operation
from mediakit.library.status import state_text

KINDS_FR = {"photo": "photo", "video": "vidéo", "montage": "montage",
            "infographic": "infographie"}


def item_lines(op: Operation) -> list[str]:
    """One block of lines per item, sorted by kind then name."""
    lines = []
    for sha, item in sorted(op.items.items(), key=lambda kv: (kv[1]["kind"], kv[1]["name"])):
        lines.extend(describe(sha, item, op.items))
    return lines


def describe(sha: str, item: dict[str, Any],
             items: dict[str, dict[str, Any]] | None = None) -> list[str]:
    info = item.get("info", {})
    kind = KINDS_FR.get(item["kind"], item["kind"])
    head = f"{sha[:10]}  {kind:<5}  {item['name']}  ({_size(item['size'])})"
    facts = [f"{info.get('width')}×{info.get('height')}"]
    if item["kind"] == "video":
        facts += [f"{info.get('duration', 0):.2f} s", f"{info.get('fps')} i/s",
                  f"vidéo {info.get('video_codec')}",
                  f"audio {info.get('audio_codec')}" if info.get("audio") else "sans audio"]
        if info.get("rotation"):
            facts.append(f"rotation {info['rotation']}°")
    elif info.get("orientation", 1) != 1:
        facts.append(f"orientation EXIF {info['orientation']}")
    facts.append(f"prise {info.get('capture_date') or 'date inconnue'}")
    camera = camera_text(info.get("camera_make"), info.get("camera_model"))
    facts.append(f"appareil {camera or 'inconnu'}")
    facts.append("GPS : OUI" if info.get("gps") else "GPS : non")
    return [head, " " * 12 + " · ".join(facts) + f" · {state_text(item, items)}"]


def _size(n: int) -> str:
    for unit in ("o", "Ko", "Mo", "Go"):
        if n < 1024 or unit == "Go":
            return f"{n:.0f} {unit}" if unit == "o" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)
