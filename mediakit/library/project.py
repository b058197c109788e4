"""An operation folder: its store (SQLite, safe for several processes) and its sub-folders.

Layout of an operation folder::

    mediakit.db          the project: items, and every later edit as data (mediakit.library.store)
    audit.jsonl          readable mirror of the audit trail kept in the store
    mediakit.json.v1.bak the project file of mediakit ≤ 0.x, kept once migrated
    originals/           imported originals, read-only, never written again
    cache/thumbs/        thumbnails (regenerable)
    exports/             anything mediakit writes for publication
    people/              reference face crops of the people lists (by person id)
"""

from __future__ import annotations

import contextlib
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mediakit import __version__
from mediakit.errors import ProjectError, display_path
from mediakit.jsonfile import read_json_object
from mediakit.library.document import Document
from mediakit.library.store import DB_FILE, MIRROR, Store, is_store

PROJECT_FILE = "mediakit.json"  # the single-file project of the previous version
BACKUP_SUFFIX = ".v1.bak"
SCHEMA_VERSION = 1  # the data's own format (inside the store, rows keep it)


def is_operation(root: str | Path) -> bool:
    """True when ``root`` holds an operation (a store, or a project file to migrate)."""
    root = Path(root)
    return (root / DB_FILE).exists() or (root / PROJECT_FILE).exists()


def now_iso() -> str:
    """Current UTC time, ISO 8601, second precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Operation:
    """One operation (an event covered by the comms officer) stored in a folder."""

    def __init__(self, root: Path, doc: Document, store: Store | None = None) -> None:
        self.root = root
        self.doc = doc
        self.store = store
        if store is not None:
            store.attach(doc)

    # -- folders -----------------------------------------------------------------------
    @property
    def project_file(self) -> Path:
        return self.root / DB_FILE

    @property
    def originals_dir(self) -> Path:
        return self.root / "originals"

    @property
    def thumbs_dir(self) -> Path:
        return self.root / "cache" / "thumbs"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def people_dir(self) -> Path:
        return self.root / "people"

    # -- life cycle --------------------------------------------------------------------
    @classmethod
    def create(cls, root: str | Path, name: str) -> Operation:
        """Create a new operation folder (it may exist but must not hold a project)."""
        root = Path(root)
        if is_operation(root):
            raise ProjectError(f"{display_path(root)}: une opération existe déjà dans ce dossier")
        root.mkdir(parents=True, exist_ok=True)
        data = {
            "schema_version": SCHEMA_VERSION,
            "app": f"mediakit {__version__}",
            "operation": {"id": uuid.uuid4().hex, "name": name, "created": now_iso()},
            "settings": {"credit": None, "copyright": None},
            "people": {"always_mask": [], "keep_visible": []},
            "items": {},
        }
        store = Store(root)
        if not store.initialise(data, [], f"mediakit {__version__}"):
            store.close()
            raise ProjectError(f"{display_path(root)}: une opération existe déjà dans ce dossier")
        op = cls(root, Document(store.load()), store)
        for folder in (op.originals_dir, op.thumbs_dir, op.exports_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return op

    @classmethod
    def open(cls, root: str | Path) -> Operation:
        """Open an operation folder; one made by the previous version (``mediakit.json``) is
        migrated into a store, once, its file kept as ``mediakit.json.v1.bak``."""
        root = Path(root)
        legacy = root / PROJECT_FILE
        if not is_store(root):
            if not legacy.exists():
                raise ProjectError(f"{display_path(root)}: aucune opération mediakit ici "
                                   f"(créez-en une : menu Fichier › Nouvelle opération)")
            _migrate_file(root, legacy)
        store = Store(root)
        try:
            data = store.load()
            store.reconcile_mirror()
        except BaseException:
            store.close()
            raise
        if legacy.exists():  # migrated by a process that stopped before renaming it
            with contextlib.suppress(OSError):
                os.replace(legacy, legacy.with_name(PROJECT_FILE + BACKUP_SUFFIX))
        clean_temporaries(root)
        return cls(root, Document(migrate(data)), store)

    def save(self) -> None:
        """Every edit is committed as it is made; this writes what code changed in memory
        without an edit (and is otherwise free)."""
        if self.store is not None:
            self.store.flush(self.doc)
        self.doc.dirty = False

    def refresh(self) -> bool:
        """Bring the project up to date with other processes' changes (listeners are told,
        with ``how == "external"``); False, and cheap, when nothing changed."""
        return self.store.refresh(self.doc) if self.store is not None else False

    def to_json(self) -> str:
        """The whole project as readable JSON (the previous version's file format)."""
        return self.doc.snapshot_json(ensure_ascii=False, indent=1)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    # -- items -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.doc.get(("operation", "name"), "")

    @property
    def id(self) -> str:
        return self.doc.get(("operation", "id"), "")

    @property
    def items(self) -> dict[str, dict[str, Any]]:
        """Items by SHA-256 of the original (read-only view: edit through ``doc``)."""
        return self.doc.data.setdefault("items", {})

    def item(self, ref: str) -> dict[str, Any]:
        """Find an item by full hash, hash prefix (≥ 6), or original file name."""
        return self.items[self.resolve(ref)]

    def resolve(self, ref: str) -> str:
        """The full hash of the item that ``ref`` names: hash or hash prefix (≥ 4), file
        name (any case, with or without extension, or its unique beginning), or path;
        ProjectError naming the candidates when ambiguous, or saying none matches."""
        from mediakit.library.refs import match

        if ref in self.items:
            return ref
        names = {h: tuple(str(n) for n in (it.get("name"), it.get("path")) if n)
                 for h, it in self.items.items()}
        return match(ref, {h: ns or (h,) for h, ns in names.items()})

    def original_path(self, sha: str) -> Path:
        return self.root / self.items[sha]["path"]

    def thumb_path(self, sha: str) -> Path:
        return self.thumbs_dir / f"{sha[:16]}.jpg"


def _migrate_file(root: Path, legacy: Path) -> None:
    """Build the store from the previous version's project file and audit trail (in one
    transaction: a crash leaves the old file in charge), then keep the file as a backup.
    Another process opening it at the same moment finds the store made (once)."""
    try:
        data = read_json_object(legacy, "fichier projet", ProjectError)
    except ProjectError:
        if not legacy.exists() and is_store(root):  # migrated meanwhile by another process
            return
        raise
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ProjectError(f"{display_path(legacy)}: version de schéma {version!r} non prise en "
                           f"charge (cette version de mediakit lit jusqu'à {SCHEMA_VERSION})")
    mirror = root / MIRROR
    lines = ([ln for ln in mirror.read_text(encoding="utf-8").splitlines() if ln.strip()]
             if mirror.exists() else [])
    store = Store(root)
    try:
        store.initialise(migrate(data), lines, f"migration de {PROJECT_FILE}")
    finally:
        store.close()
    with contextlib.suppress(FileNotFoundError):  # another process renamed it first
        os.replace(legacy, legacy.with_name(PROJECT_FILE + BACKUP_SUFFIX))


def clean_temporaries(root: Path) -> list[Path]:
    """Remove the temporary files (``.name.XXXX.part.ext``) that an interrupted write left in
    the operation folder; a file being written right now by another process is younger than
    a minute and kept."""
    import time

    removed = []
    for folder in (root, root / "originals", root / "exports", root / "cache" / "thumbs",
                   root / "renders", root / "review"):
        if not folder.is_dir():
            continue
        for path in folder.rglob(".*.part*"):
            with contextlib.suppress(OSError):
                if path.is_file() and time.time() - path.stat().st_mtime > 60:
                    path.unlink()
                    removed.append(path)
    return removed


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring older project data up to SCHEMA_VERSION (nothing to do yet at version 1)."""
    data.setdefault("people", {"always_mask": [], "keep_visible": []})
    data.setdefault("settings", {"credit": None, "copyright": None})
    data.setdefault("items", {})
    return data
