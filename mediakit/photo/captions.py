"""Caption, credit and alt text per photo (French), with per-channel length checks."""

from __future__ import annotations

from typing import Any

from mediakit.channels.presets import load_presets
from mediakit.library import audit
from mediakit.library.project import Operation

FIELDS = ("caption", "credit", "alt_text")


def set_text(op: Operation, sha: str, **values: str | None) -> None:
    """Set caption / credit / alt_text (one undo step); empty string clears a field."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"champ inconnu : {', '.join(sorted(unknown))}")
    item = op.items[sha]
    changes = {k: (item.get(k), v.strip() or None) for k, v in values.items()
               if v is not None and item.get(k) != (v.strip() or None)}
    if not changes:
        return
    with op.doc.transaction(f"légende de {item['name']}"):
        for key, (_, value) in changes.items():
            if value is None:
                op.doc.delete(("items", sha, key))
            else:
                op.doc.set(("items", sha, key), value)
        audit.record(op.root, "photo_edit", item=sha, field=",".join(changes),
                     old={k: o for k, (o, _) in changes.items()},
                     new={k: n for k, (_, n) in changes.items()})


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
