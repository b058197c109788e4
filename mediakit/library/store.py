"""The operation's store: one SQLite database (``mediakit.db``) shared safely by every process.

Like the catalogues of Lightroom Classic, darktable and digiKam: SQLite in write-ahead-log
mode, one writer at a time (the others wait), readers never blocked, every commit durable.

The project stays a JSON tree in memory (:class:`~mediakit.library.document.Document`), cut
into rows: one row per item (``["items", sha]``), per timeline (``["timelines", name]``) and
per other top-level key. Each outermost edit of the document is one SQLite transaction:

1. ``BEGIN IMMEDIATE`` takes the write lock (other writers wait, up to ``BUSY_MS``);
2. the rows other processes changed since our last look are re-read (``changes`` table), so
   the edit reads what it changes inside the transaction;
3. the edit runs in memory; the rows it touched, their ``changes`` lines and the audit lines
   recorded meanwhile (:mod:`mediakit.library.audit`) are written; ``COMMIT``.

So two processes never lose each other's edits, and the audit log holds an act if and only if
the project does. Undoing an edit that another process has changed since is refused
(:class:`~mediakit.errors.ConflictError`). ``OP/audit.jsonl`` is a human-readable mirror of the
audit table, appended under the same write lock and reconciled at open.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mediakit.errors import ConflictError, ProjectError, display_path
from mediakit.library.document import _MISSING, Command, Document, Edit

DB_FILE = "mediakit.db"
STORE_VERSION = 2  # PRAGMA user_version; version 1 was the single file mediakit.json
BUSY_MS = 30_000
SPLIT = ("items", "timelines")  # top-level dicts stored one row per entry
MIRROR = "audit.jsonl"
EXTERNAL = "external"  # listeners' ``how`` for changes made by another process

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rows (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL,
    who TEXT, ts TEXT, label TEXT);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, pid INTEGER, who TEXT, ts TEXT,
    label TEXT);
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL, hash TEXT NOT NULL);
"""

_OPEN: dict[str, weakref.WeakSet[Store]] = {}  # this process's open stores, by folder
_OPEN_LOCK = threading.Lock()


def row_key(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row holding ``path``: two levels under a split key, else the top-level key."""
    return tuple(path[:2]) if path[0] in SPLIT and len(path) >= 2 else (path[0],)


def _key_text(key: Iterable[Any]) -> str:
    return json.dumps(list(key), ensure_ascii=False)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def is_store(root: Path) -> bool:
    """True when ``root`` holds an initialised store."""
    path = Path(root) / DB_FILE
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_MS / 1000)
        try:
            return conn.execute("SELECT value FROM meta WHERE key='created'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def store_for(root: Path) -> Store | None:
    """The store this process has open on ``root``: the one this thread is writing with
    first (its transaction is joined), else any; None when none."""
    with _OPEN_LOCK:
        stores = [s for s in _OPEN.get(str(Path(root).resolve()), ()) if not s.closed]
    me = threading.get_ident()
    for store in stores:
        if store.depth and store.owner == me:
            return store
    return stores[0] if stores else None


class Store:
    """The SQLite database of one operation folder, for one process (all its threads)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / DB_FILE
        self.lock = threading.RLock()  # the document's lock: one thread at a time in here
        self.conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None,
                                    check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        self.conn.executescript(_SCHEMA)
        self.last_seq = 0
        self.depth = 0  # open write transactions (nested calls join the outer one)
        self.pending_audit: list[tuple[str, str]] = []
        self._mirror_size: int | None = None
        self.doc: Document | None = None
        self.owner: int | None = None  # the thread with the open write transaction
        self.closed = False
        with _OPEN_LOCK:
            _OPEN.setdefault(str(self.root.resolve()), weakref.WeakSet()).add(self)

    # -- life cycle --------------------------------------------------------------------
    @property
    def initialised(self) -> bool:
        return self.conn.execute("SELECT 1 FROM meta WHERE key='created'").fetchone() is not None

    def initialise(self, data: dict[str, Any], audit_lines: list[str], origin: str) -> bool:
        """Fill an empty store with ``data`` and audit lines, in one transaction; False when
        another process did it first (then nothing is written)."""
        from mediakit.library.audit import line_hash  # audit imports this module

        with self.write():
            if self.initialised:
                return False
            for key, value in split_rows(data):
                self._put(key, value, "création")
            for line in audit_lines:
                self.conn.execute("INSERT INTO audit (line, hash) VALUES (?, ?)",
                                  (line, line_hash(line)))
            self.conn.execute(f"PRAGMA user_version={STORE_VERSION}")
            self.conn.execute("INSERT INTO meta VALUES ('created', ?)", (origin,))
        return True

    def load(self) -> dict[str, Any]:
        """The whole project as one JSON tree."""
        with self.lock:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > STORE_VERSION:
                raise ProjectError(f"{display_path(self.path)}: version de base {version} non "
                                   f"prise en charge (cette version de mediakit lit jusqu'à "
                                   f"{STORE_VERSION})")
            self.conn.execute("BEGIN")
            try:
                rows = self.conn.execute("SELECT key, value FROM rows").fetchall()
                self.last_seq = self._max_seq()
            finally:
                self.conn.execute("COMMIT")
        data: dict[str, Any] = {key: {} for key in SPLIT}
        for key_text, value in rows:
            _place(data, tuple(json.loads(key_text)), json.loads(value))
        return data

    def attach(self, doc: Document) -> None:
        """Make ``doc`` commit through this store (and share its lock)."""
        self.doc = doc
        doc.lock = self.lock
        doc.backend = self

    def close(self) -> None:
        with self.lock, contextlib.suppress(sqlite3.Error):
            self.closed = True
            self.conn.close()

    # -- the write transaction (Document's backend protocol) ----------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction of its own, or joined with the one this thread has open."""
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.finish(())

    def begin(self) -> None:
        """Take the write lock and bring the document up to date (outermost call only)."""
        self.lock.acquire()
        self.depth += 1
        if self.depth > 1:
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            self.depth -= 1
            self.lock.release()
            raise ProjectError(f"{display_path(self.root)}: opération occupée par un autre "
                               f"programme ({exc}) ; réessayez dans un instant") from exc
        self.owner = threading.get_ident()
        self.pending_audit = []
        self._mirror_size = None
        if self.doc is not None:
            try:
                self._pull(self.doc)
            except BaseException:
                self.rollback()
                raise

    def commit(self, doc: Document, command: Command) -> None:
        """Write the rows ``command`` touched (outermost call: and COMMIT)."""
        self.finish(command.edits, command.label, doc)

    def finish(self, edits: Iterable[Edit], label: str = "", doc: Document | None = None) -> None:
        try:
            if self.depth == 1:
                doc = doc or self.doc
                if doc is not None:
                    self._write_rows(doc, edits, label)
                self._write_audit()
                seen = self._max_seq()  # read before COMMIT: after it, others may write
                self.conn.execute("COMMIT")
                if self.doc is not None:  # without a document nothing was pulled: what others
                    self.last_seq = seen  # committed meanwhile must still be read
            elif doc is not None:  # nested commit: the outer one writes
                self._write_rows(doc, edits, label)
        except BaseException:
            self.rollback()
            raise
        self.depth -= 1
        self.lock.release()

    def rollback(self) -> None:
        if self.depth == 1:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            self._undo_mirror()
            self.pending_audit = []
        self.depth -= 1
        self.lock.release()

    def check_edit(self, doc: Document, edit: Edit, label: str, redo: bool) -> None:
        """Refuse to undo (``redo``: redo) ``edit`` when another process changed what it
        touched since; called edit by edit, just before each is reverted (re-applied)."""
        expected = edit.old if redo else edit.new
        if edit.op == "set":
            ok = doc.get_raw(edit.path) == expected
        elif (edit.op == "insert") != redo:  # removing an element: it must be there
            ok = _find(doc, edit, expected)
        else:  # putting an element back: its list must exist
            ok = isinstance(doc.get_raw(edit.path[:-1]), list)
        if not ok:
            raise ConflictError(self._conflict_text(doc, edit.path, label, redo))

    # -- other processes' changes ------------------------------------------------------
    def refresh(self, doc: Document) -> bool:
        """Re-read what other processes committed; False when nothing changed (cheap)."""
        if not self.lock.acquire(blocking=False):
            return False  # this process is editing: the next edit brings it up to date
        try:
            if self.depth:
                return False
            if self._max_seq() == self.last_seq:
                return False
            self.conn.execute("BEGIN")
            try:
                changed = self._pull(doc)
            finally:
                self.conn.execute("COMMIT")
            return changed
        finally:
            self.lock.release()

    def _pull(self, doc: Document) -> bool:
        rows = self.conn.execute("SELECT DISTINCT key FROM changes WHERE seq > ?",
                                 (self.last_seq,)).fetchall()
        self.last_seq = self._max_seq()
        if not rows:
            return False
        edits = []
        for (key_text,) in rows:
            key = tuple(json.loads(key_text))
            found = self.conn.execute("SELECT value FROM rows WHERE key = ?",
                                      (key_text,)).fetchone()
            new = json.loads(found[0]) if found else _MISSING
            old = doc.get_raw(key)
            if old == new:
                continue
            _replace(doc.data, key, new)
            edits.append(Edit(key, old, new))
        if edits:
            doc.notify_external(Command("modification par un autre processus", edits))
        return bool(edits)

    # -- rows --------------------------------------------------------------------------
    def _write_rows(self, doc: Document, edits: Iterable[Edit], label: str) -> None:
        keys: dict[tuple[Any, ...], None] = {}
        for edit in edits:
            path = tuple(edit.path)
            if path[0] in SPLIT and len(path) == 1:  # a whole split dict replaced
                existing = {tuple(json.loads(k)) for (k,) in self.conn.execute(
                    "SELECT key FROM rows WHERE key LIKE ?", (_key_text([path[0]])[:-1] + ",%",))}
                current = doc.data.get(path[0]) or {}
                keys.update(dict.fromkeys(existing | {(path[0], k) for k in current}))
            else:
                keys[row_key(path)] = None
        for key in keys:
            value = doc.get_raw(key)
            if value is _MISSING:
                self._drop(key, label)
            else:
                self._put(key, value, label)

    def flush(self, doc: Document) -> int:
        """Write rows changed in memory without an edit (code that mutated them in place);
        rows another process changed meanwhile are re-read instead. Returns rows written."""
        with self.write():
            known = dict(self.conn.execute("SELECT key, value FROM rows").fetchall())
            written = 0
            for key, value in split_rows(doc.data):
                text = _dumps(value)
                if known.get(_key_text(key)) != text:
                    self._put(key, value, "enregistrer")
                    written += 1
        return written

    def _put(self, key: tuple[Any, ...], value: Any, label: str) -> None:
        from mediakit.library.audit import current_user
        from mediakit.library.project import now_iso

        who, ts, text = current_user(), now_iso(), _key_text(key)
        self.conn.execute(
            "INSERT INTO rows (key, value, version, who, ts, label) VALUES (?, ?, 1, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value, version=rows.version+1, "
            "who=excluded.who, ts=excluded.ts, label=excluded.label",
            (text, _dumps(value), who, ts, label))
        self.conn.execute("INSERT INTO changes (key, pid, who, ts, label) VALUES (?, ?, ?, ?, ?)",
                          (text, os.getpid(), who, ts, label))

    def _drop(self, key: tuple[Any, ...], label: str) -> None:
        from mediakit.library.audit import current_user
        from mediakit.library.project import now_iso

        text = _key_text(key)
        self.conn.execute("DELETE FROM rows WHERE key = ?", (text,))
        self.conn.execute("INSERT INTO changes (key, pid, who, ts, label) VALUES (?, ?, ?, ?, ?)",
                          (text, os.getpid(), current_user(), now_iso(), label))

    def _max_seq(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]

    def _conflict_text(self, doc: Document, path: tuple[Any, ...], label: str,
                       redo: bool) -> str:
        key = row_key(path)
        found = self.conn.execute("SELECT who, ts, label FROM rows WHERE key = ?",
                                  (_key_text(key),)).fetchone()
        who, ts, other = found if found else ("?", "?", "suppression")
        name = doc.get_raw((*key, "name")) if key[0] == "items" else None
        where = f"« {name} »" if isinstance(name, str) else "/".join(map(str, key))
        field = "/".join(str(p) for p in path[len(key):]) or "l'élément entier"
        verb = "rétablir" if redo else "annuler"
        return (f"{where} : impossible d'{verb} « {label} » : {field} a été modifié entre-temps "
                f"par {who} ({ts}, « {other} ») ; rien n'a été changé")

    # -- audit -------------------------------------------------------------------------
    def add_audit(self, line: str, digest: str) -> None:
        """Insert one audit line in the open transaction (its mirror line is appended at
        commit, under the same lock, so the mirror keeps the database's order)."""
        self.conn.execute("INSERT INTO audit (line, hash) VALUES (?, ?)", (line, digest))
        self.pending_audit.append((line, digest))

    def last_audit_hash(self) -> str | None:
        found = self.conn.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return found[0] if found else None

    def audit_lines(self) -> list[str]:
        with self.lock:
            return [line for (line,) in self.conn.execute("SELECT line FROM audit ORDER BY seq")]

    def _write_audit(self) -> None:
        if not self.pending_audit:
            return
        mirror = self.root / MIRROR
        self._mirror_size = mirror.stat().st_size if mirror.exists() else 0
        with open(mirror, "a", encoding="utf-8") as fh:
            fh.write("".join(line + "\n" for line, _ in self.pending_audit))
            fh.flush()
            os.fsync(fh.fileno())
        self.pending_audit = []

    def _undo_mirror(self) -> None:
        """The commit failed after the mirror was appended: cut the mirror back."""
        if self._mirror_size is None:
            return
        with contextlib.suppress(OSError), open(self.root / MIRROR, "r+b") as fh:
            fh.truncate(self._mirror_size)
        self._mirror_size = None

    def reconcile_mirror(self) -> None:
        """At open: the mirror holds exactly the database's audit lines. Lines a crash left
        uncommitted at its end are cut; lines committed but not mirrored are appended. A
        mirror that differs otherwise is left as it is (``audit --verify`` reports it)."""
        mirror = self.root / MIRROR
        with self.write():
            lines = [line for (line,) in self.conn.execute("SELECT line FROM audit ORDER BY seq")]
            text = mirror.read_text(encoding="utf-8") if mirror.exists() else ""
            mirrored = [ln for ln in text.splitlines() if ln.strip()]
            if mirrored == lines:
                return
            if not lines:  # a crash before the first commit: its lines were never committed
                with open(mirror, "w", encoding="utf-8") as fh:
                    os.fsync(fh.fileno())
            elif mirrored[: len(lines)] == lines or lines[: len(mirrored)] == mirrored:
                from mediakit.atomic import write_text_atomic

                write_text_atomic(mirror, "".join(ln + "\n" for ln in lines))


def split_rows(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The rows of a project tree."""
    for top, value in data.items():
        if top in SPLIT and isinstance(value, dict):
            for key, entry in value.items():
                yield (top, key), entry
        else:
            yield (top,), value


def _place(data: dict[str, Any], key: tuple[Any, ...], value: Any) -> None:
    if len(key) == 2:
        data.setdefault(key[0], {})[key[1]] = value
    else:
        data[key[0]] = value


def _replace(data: dict[str, Any], key: tuple[Any, ...], new: Any) -> None:
    """Put a re-read row into the tree; an item's dict keeps its identity (code holding it
    sees the new values)."""
    parent = data.setdefault(key[0], {}) if len(key) == 2 else data
    name = key[-1]
    if new is _MISSING:
        parent.pop(name, None)
    elif isinstance(parent.get(name), dict) and isinstance(new, dict):
        current = parent[name]  # never emptied on the way: other threads may be reading it
        current.update(new)
        for key in [k for k in current if k not in new]:
            del current[key]
    else:
        parent[name] = new


def _find(doc: Document, edit: Edit, value: Any) -> bool:
    """True when the list element ``edit`` points at is ``value``; when another process
    moved it, point the edit at its new index."""
    lst = doc.get_raw(edit.path[:-1])
    if not isinstance(lst, list):
        return False
    index = edit.path[-1]
    if 0 <= index < len(lst) and lst[index] == value:
        return True
    for i, element in enumerate(lst):
        if element == value:
            edit.path = (*edit.path[:-1], i)
            return True
    return False
