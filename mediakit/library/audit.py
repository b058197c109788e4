"""Append-only audit trail of an operation: who did what, when (import, masks, exports,
review packs, decisions). Each line is JSON and carries the SHA-256 of the previous line, so
a removed or edited line breaks the chain (``verify``). Exportable as CSV."""

from __future__ import annotations

import csv
import getpass
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

from mediakit.atomic import write_text_atomic
from mediakit.library.project import now_iso

AUDIT_FILE = "audit.jsonl"
GENESIS = "0" * 64


def current_user() -> str:
    """The acting person: ``MEDIAKIT_USER`` if set, else the login name."""
    return os.environ.get("MEDIAKIT_USER") or getpass.getuser()


def audit_path(root: Path) -> Path:
    return Path(root) / AUDIT_FILE


def record(root: Path, action: str, *, item: str | None = None, who: str | None = None,
           **details: Any) -> dict[str, Any]:
    """Append one entry (flushed and fsynced) and return it."""
    path = audit_path(root)
    prev = _last_hash(path)
    entry = {"ts": now_iso(), "who": who or current_user(), "action": action, "item": item,
             "details": details, "prev": prev}
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return entry


def entries(root: Path) -> list[dict[str, Any]]:
    path = audit_path(root)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def verify(root: Path) -> list[str]:
    """Problems in the chain (empty when intact)."""
    problems, prev = [], GENESIS
    path = audit_path(root)
    if not path.exists():
        return problems
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"ligne {number} : illisible")
            prev = _hash(line)
            continue
        if entry.get("prev") != prev:
            problems.append(f"ligne {number} : chaîne rompue (ligne supprimée ou modifiée avant)")
        prev = _hash(line)
    return problems


def to_csv(root: Path, out: Path | None = None) -> str:
    """The trail as CSV (date, who, action, item, details); written to ``out`` if given."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["date", "qui", "action", "élément", "détails"])
    for e in entries(root):
        writer.writerow([e["ts"], e["who"], e["action"], e.get("item") or "",
                         json.dumps(e.get("details", {}), ensure_ascii=False, sort_keys=True)])
    text = buf.getvalue()
    if out is not None:
        write_text_atomic(out, text)
    return text


def _hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def _last_hash(path: Path) -> str:
    if not path.exists():
        return GENESIS
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - 65536))
        lines = [ln for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    return _hash(lines[-1]) if lines else GENESIS
