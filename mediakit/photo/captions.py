"""Caption, credit and alt text per photo (French), with per-channel length checks."""

from __future__ import annotations

from typing import Any

from mediakit.channels.presets import load_presets
from mediakit.library.project import Operation

FIELDS = ("caption", "credit", "alt_text")


def set_text(op: Operation, sha: str, **values: str | None) -> None:
    """Set caption / credit / alt_text (one undo step); empty string clears a field."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"champ inconnu : {', '.join(sorted(unknown))}")
    with op.doc.transaction(f"légende de {op.items[sha]['name']}"):
        for key, value in values.items():
            if value is None:
                continue
            if value == "":
                op.doc.delete(("items", sha, key))
            else:
                op.doc.set(("items", sha, key), value.strip())


def length_problems(item: dict[str, Any], channels: list[str] | None = None) -> list[str]:
    """One message per channel whose caption or alt text limit the item exceeds."""
    problems = []
    for name, preset in sorted(load_presets().items()):
        if channels and name not in channels:
            continue
        limits = preset.get("text") or {}
        for field, key, label in (("caption", "caption_max", "légende"),
                                  ("alt_text", "alt_text_max", "texte alternatif")):
            text, limit = item.get(field) or "", limits.get(key)
            if limit and len(text) > limit:
                problems.append(f"{item['name']} : {label} trop longue pour {name} "
                                f"({len(text)} caractères, maximum {limit})")
    return problems
