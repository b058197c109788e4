"""Append-only audit trail of an operation: who did what, when (import, masks, exports,
review packs, decisions). Each line is JSON and carries the SHA-256 of the previous line, so
a removed or edited line breaks the chain (``verify``). Exportable as CSV.

The lines live in the operation's store (:mod:`mediakit.library.store`): an entry recorded
while this thread edits the operation joins that edit's transaction, so the log holds an act
if and only if the project does. ``audit.jsonl`` is their human-readable mirror."""

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
from mediakit.library.store import Store, is_store, store_for

AUDIT_FILE = "audit.jsonl"
GENESIS = "0" * 64


def current_user() -> str:
    """The acting person: ``MEDIAKIT_USER`` if set, else the login name."""
    return os.environ.get("MEDIAKIT_USER") or getpass.getuser()


def audit_path(root: Path) -> Path:
    return Path(root) / AUDIT_FILE


def record(root: Path, action: str, *, item: str | None = None, who: str | None = None,
           **details: Any) -> dict[str, Any]:
    """Add one entry, inside the edit this thread has open on the operation (else in a
    transaction of its own), and return it."""
    store, temporary = _store(root)
    if store is None:  # a folder that is not (yet) a store: the plain file
        return _append_file(audit_path(root), action, item, who, details)
    try:
        with store.write():
            entry = _entry(store.last_audit_hash() or GENESIS, action, item, who, details)
            line = json.dumps(entry, ensure_ascii=False, sort_keys=True)
            store.add_audit(line, line_hash(line))
        return entry
    finally:
        if temporary:
            store.close()


def _entry(prev: str, action: str, item: str | None, who: str | None,
           details: dict[str, Any]) -> dict[str, Any]:
    return {"ts": now_iso(), "who": who or current_user(), "action": action, "item": item,
            "details": details, "prev": prev}


def _append_file(path: Path, action: str, item: str | None, who: str | None,
                 details: dict[str, Any]) -> dict[str, Any]:
    entry = _entry(_last_hash(path), action, item, who, details)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return entry


def _store(root: Path) -> tuple[Store | None, bool]:
    """The store of ``root`` (this process's open one, else a temporary connection)."""
    store = store_for(root)
    if store is not None:
        return store, False
    if is_store(root):
        return Store(Path(root)), True
    return None, False


def lines(root: Path) -> list[str]:
    """The trail's lines, in order (the store's; the plain file for an unmigrated folder)."""
    store, temporary = _store(root)
    if store is None:
        return _file_lines(audit_path(root))
    try:
        return store.audit_lines()
    finally:
        if temporary:
            store.close()


def entries(root: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines(root)]


def verify(root: Path) -> list[str]:
    """Problems in the chain, and differences between the store and its readable mirror
    ``audit.jsonl`` (empty when intact)."""
    problems, prev = [], GENESIS
    chain = lines(root)
    for number, line in enumerate(chain, start=1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"ligne {number} : illisible")
            prev = _hash(line)
            continue
        if entry.get("prev") != prev:
            problems.append(f"ligne {number} : chaîne rompue (ligne supprimée ou modifiée avant)")
        prev = _hash(line)
    if is_store(root):
        mirror = _file_lines(audit_path(root))
        for number, (ours, theirs) in enumerate(zip(chain, mirror, strict=False), start=1):
            if ours != theirs:
                problems.append(f"{AUDIT_FILE} ligne {number} : diffère du journal de la base "
                                f"(fichier modifié à la main ?)")
                break
        else:
            if len(mirror) != len(chain):
                problems.append(f"{AUDIT_FILE} : {len(mirror)} ligne(s) pour {len(chain)} dans "
                                f"la base (fichier modifié à la main ?)")
    return problems


def _file_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


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


def line_hash(line: str) -> str:
    """The SHA-256 that the next line carries as ``prev``."""
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


_hash = line_hash


def _last_hash(path: Path) -> str:
    if not path.exists():
        return GENESIS
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - 65536))
        lines = [ln for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    return _hash(lines[-1]) if lines else GENESIS
