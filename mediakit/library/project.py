"""An operation folder: its project file (JSON, atomic saves) and its sub-folders.

Layout of an operation folder::

    mediakit.json        the project: items, and every later edit as data
    originals/           imported originals, read-only, never written again
    cache/thumbs/        thumbnails (regenerable)
    exports/             anything mediakit writes for publication
    people/              reference face crops of the people lists (by person id)
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mediakit import __version__
from mediakit.atomic import write_text_atomic
from mediakit.errors import ProjectError, display_path
from mediakit.jsonfile import read_json_object
from mediakit.library.document import Document

PROJECT_FILE = "mediakit.json"
SCHEMA_VERSION = 1


def now_iso() -> str:
    """Current UTC time, ISO 8601, second precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Operation:
    """One operation (an event covered by the comms officer) stored in a folder."""

    def __init__(self, root: Path, doc: Document) -> None:
        self.root = root
        self.doc = doc
        self._save_lock = threading.Lock()

    # -- folders -----------------------------------------------------------------------
    @property
    def project_file(self) -> Path:
        return self.root / PROJECT_FILE

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
        if (root / PROJECT_FILE).exists():
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
        op = cls(root, Document(data))
        for folder in (op.originals_dir, op.thumbs_dir, op.exports_dir):
            folder.mkdir(parents=True, exist_ok=True)
        op.save()
        return op

    @classmethod
    def open(cls, root: str | Path) -> Operation:
        """Open an existing operation folder."""
        root = Path(root)
        path = root / PROJECT_FILE
        if not path.exists():
            raise ProjectError(f"{display_path(root)}: aucune opération mediakit ici "
                               f"(créez-la avec « mediakit new »)")
        data = read_json_object(path, "fichier projet", ProjectError)
        version = data.get("schema_version")
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ProjectError(f"{display_path(path)}: version de schéma {version!r} non prise en "
                               f"charge (cette version de mediakit lit jusqu'à {SCHEMA_VERSION})")
        data = migrate(data)
        return cls(root, Document(data))

    def save(self) -> None:
        """Write the project atomically (temporary file, fsync, rename). Saves from several
        threads are serialised, so an older snapshot never replaces a newer one on disk."""
        with self._save_lock:
            text = self.doc.snapshot_json(ensure_ascii=False, indent=1, sort_keys=False)
            write_text_atomic(self.project_file, text + "\n")
            self.doc.dirty = False

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
        """The full hash of the item that ``ref`` names; ProjectError when none or ambiguous."""
        if ref in self.items:
            return ref
        matches = [h for h, it in self.items.items()
                   if (len(ref) >= 6 and h.startswith(ref)) or it.get("name") == ref
                   or it.get("path") == ref]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ProjectError(f"{ref}: aucun élément de l'opération ne correspond")
        raise ProjectError(f"{ref}: plusieurs éléments correspondent, précisez")

    def original_path(self, sha: str) -> Path:
        return self.root / self.items[sha]["path"]

    def thumb_path(self, sha: str) -> Path:
        return self.thumbs_dir / f"{sha[:16]}.jpg"


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older project file up to SCHEMA_VERSION (nothing to do yet at version 1)."""
    data.setdefault("people", {"always_mask": [], "keep_visible": []})
    data.setdefault("settings", {"credit": None, "copyright": None})
    data.setdefault("items", {})
    return data
