"""Output file names from a pattern such as ``{date}_{operation}_{channel}_{index}.{ext}``."""

from __future__ import annotations

import re
import string
import unicodedata

DEFAULT_PATTERN = "{date}_{operation}_{channel}_{index}.{ext}"
FIELDS = {"date", "operation", "channel", "index", "name", "ext", "item"}


def slug(text: str, max_len: int = 40) -> str:
    """ASCII, lower-case, dash-separated (accents folded)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:max_len] or "sans-nom"


def check_pattern(pattern: str) -> None:
    """Raise ValueError when the pattern names an unknown field."""
    names = {f for _, f, _, _ in string.Formatter().parse(pattern) if f}
    unknown = names - FIELDS
    if unknown:
        raise ValueError(f"motif de nom : champ(s) inconnu(s) {', '.join(sorted(unknown))} "
                         f"(champs : {', '.join(sorted(FIELDS))})")


def output_name(pattern: str, **fields: str | int) -> str:
    """Fill the pattern; the index is zero-padded to 2 digits."""
    values = {k: (f"{v:02d}" if k == "index" and isinstance(v, int) else slug(str(v))
                  if k in ("operation", "name") else str(v)) for k, v in fields.items()}
    return pattern.format(**values)
