"""A JSON document whose every change is an undoable edit (old and new values kept).

Like OpenShot's actions: each edit records what it replaced, so undo applies the reverse
edit; listeners (views, autosave) are told of every change.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

Path_ = tuple[Any, ...]


class _Missing:
    """Marks a key that did not exist (kept identical through deep copies)."""

    def __copy__(self) -> _Missing:
        return self

    def __deepcopy__(self, memo: dict) -> _Missing:
        return self

    def __repr__(self) -> str:
        return "<missing>"


_MISSING = _Missing()


@dataclass
class Edit:
    """One primitive change at ``path``.

    ``op`` is ``"set"`` (``old`` is _MISSING when the key did not exist, ``new`` is _MISSING
    for a deleted key), ``"insert"`` (list insertion of ``new``) or ``"remove"`` (list removal
    of ``old``).
    """

    path: Path_
    old: Any
    new: Any
    op: str = "set"

    def apply(self, root: Any) -> None:
        if self.op == "insert":
            _parent(root, self.path).insert(self.path[-1], copy.deepcopy(self.new))
        elif self.op == "remove":
            del _parent(root, self.path)[self.path[-1]]
        else:
            _write(root, self.path, self.new)

    def revert(self, root: Any) -> None:
        if self.op == "insert":
            del _parent(root, self.path)[self.path[-1]]
        elif self.op == "remove":
            _parent(root, self.path).insert(self.path[-1], copy.deepcopy(self.old))
        else:
            _write(root, self.path, self.old)


@dataclass
class Command:
    """A user-level action: one or more edits undone and redone together."""

    label: str
    edits: list[Edit] = field(default_factory=list)


Listener = Callable[[Command, str], None]  # (command, "do" | "undo" | "redo" | "external")


class Backend(Protocol):
    """Where a document's edits are committed (:class:`mediakit.library.store.Store`)."""

    def begin(self) -> None: ...
    def commit(self, doc: Document, command: Command) -> None: ...
    def rollback(self) -> None: ...
    def check_edit(self, doc: Document, edit: Edit, label: str, redo: bool) -> None: ...


class Document:
    """Holds ``data`` (plain JSON types) and the undo/redo stacks."""

    def __init__(self, data: dict[str, Any] | None = None, max_undo: int = 500) -> None:
        self.data: dict[str, Any] = data if data is not None else {}
        self.undo_stack: list[Command] = []
        self.redo_stack: list[Command] = []
        self.max_undo = max_undo
        self._listeners: list[Listener] = []
        self._open: Command | None = None
        self.dirty = False
        # edits may come from a worker (background detection) while the user edits: one
        # thread at a time inside an edit, an undo or a snapshot; re-entrant for listeners
        self.lock = threading.RLock()
        # with a backend, each outermost transaction, undo and redo is committed through it
        # (which may first bring ``data`` up to date with other processes' changes)
        self.backend: Backend | None = None

    # -- reading -----------------------------------------------------------------------
    def get(self, path: Path_, default: Any = None) -> Any:
        node: Any = self.data
        for key in path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def get_raw(self, path: Path_) -> Any:
        """The value at ``path``, or the _MISSING marker when there is none."""
        return _read(self.data, path)

    # -- listening ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _notify(self, command: Command, how: str) -> None:
        self.dirty = True
        for listener in list(self._listeners):
            listener(command, how)

    def notify_external(self, command: Command) -> None:
        """Tell listeners about ``command``, a change another process made (not undoable
        here: the undo stacks are left as they are)."""
        for listener in list(self._listeners):
            listener(command, "external")

    # -- editing -----------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, label: str) -> Iterator[Command]:
        """Group every edit made inside the block into one undo step (other threads wait)."""
        with self.lock:
            if self._open is not None:  # nested in this thread: join the outer command
                yield self._open
                return
            if self.backend is not None:
                self.backend.begin()
            self._open = Command(label)
            try:
                yield self._open
            except BaseException:
                self._abandon()
                if self.backend is not None:
                    self.backend.rollback()
                raise
            if self.backend is not None:
                try:
                    self.backend.commit(self, self._open)  # rolls back itself on failure
                except BaseException:
                    self._abandon()
                    raise
            command, self._open = self._open, None
            if command.edits:
                self._push(command)
                self._notify(command, "do")

    def _abandon(self) -> None:
        assert self._open is not None
        for edit in reversed(self._open.edits):
            edit.revert(self.data)
        self._open = None

    def snapshot_json(self, **dumps_options: Any) -> str:
        """The data as JSON text, consistent even while another thread edits."""
        with self.lock:
            return json.dumps(self.data, **dumps_options)

    def set(self, path: Path_, value: Any, label: str | None = None) -> None:
        """Set the value at ``path`` (creating the last key if needed)."""
        with self.lock:
            old = copy.deepcopy(_read(self.data, path))
            if old is not _MISSING and old == value:
                return
            self._record(Edit(tuple(path), old, copy.deepcopy(value)),
                         label or f"set {path[-1]}")

    def delete(self, path: Path_, label: str | None = None) -> None:
        """Remove the key or list element at ``path``."""
        with self.lock:
            old = copy.deepcopy(_read(self.data, path))
            if old is _MISSING:
                return
            op = "remove" if isinstance(_parent(self.data, path), list) else "set"
            self._record(Edit(tuple(path), old, _MISSING, op), label or f"delete {path[-1]}")

    def insert(self, path: Path_, index: int, value: Any, label: str | None = None) -> None:
        """Insert ``value`` at ``index`` of the list at ``path`` (created if missing)."""
        with self.transaction(label or f"insert into {path[-1]}"):
            if _read(self.data, path) is _MISSING:
                self.set(path, [])
            index = min(max(index, 0), len(self.get(path)))
            edit = Edit((*path, index), _MISSING, copy.deepcopy(value), "insert")
            self._record(edit, "insert")

    def append(self, path: Path_, value: Any, label: str | None = None) -> None:
        """Append ``value`` to the list at ``path`` (created if missing)."""
        with self.lock:
            lst = self.get(path)
            self.insert(path, len(lst) if isinstance(lst, list) else 0, value,
                        label or f"append to {path[-1]}")

    def move(self, path: Path_, src: int, dst: int, label: str | None = None) -> None:
        """Move a list element from ``src`` to ``dst`` (one undo step)."""
        with self.transaction(label or f"move in {path[-1]}"):
            value = self.get((*path, src))
            self.delete((*path, src))
            self.insert(path, dst, value)

    def _record(self, edit: Edit, label: str) -> None:
        with self.transaction(label) as command:
            edit.apply(self.data)
            command.edits.append(edit)

    def _push(self, command: Command) -> None:
        self.undo_stack.append(command)
        del self.undo_stack[: -self.max_undo]
        self.redo_stack.clear()

    # -- undo/redo ---------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def undo(self) -> Command | None:
        """Revert the last command; ConflictError (nothing changed) when another process has
        changed what it touched since."""
        with self.lock:
            if not self.undo_stack:
                return None
            command = self.undo_stack[-1]
            self._replay(command, redo=False)
            self.undo_stack.pop()
            self.redo_stack.append(command)
            self._notify(command, "undo")
            return command

    def redo(self) -> Command | None:
        with self.lock:
            if not self.redo_stack:
                return None
            command = self.redo_stack[-1]
            self._replay(command, redo=True)
            self.redo_stack.pop()
            self.undo_stack.append(command)
            self._notify(command, "redo")
            return command

    def _replay(self, command: Command, redo: bool) -> None:
        """Re-apply (``redo``) or revert ``command``, committed through the backend; on any
        error every edit already replayed is put back and the error raised."""
        backend = self.backend
        if backend is not None:
            backend.begin()
        done: list[Edit] = []
        try:
            for edit in (command.edits if redo else reversed(command.edits)):
                if backend is not None:
                    backend.check_edit(self, edit, command.label, redo)
                if redo:
                    edit.apply(self.data)
                else:
                    edit.revert(self.data)
                done.append(edit)
        except BaseException:
            self._unplay(done, redo)
            if backend is not None:
                backend.rollback()
            raise
        if backend is not None:
            try:
                backend.commit(self, command)  # rolls back itself on failure
            except BaseException:
                self._unplay(done, redo)
                raise

    def _unplay(self, done: list[Edit], redo: bool) -> None:
        for edit in reversed(done):
            if redo:
                edit.revert(self.data)
            else:
                edit.apply(self.data)


def _read(root: Any, path: Path_) -> Any:
    node = root
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


def _parent(root: Any, path: Path_) -> Any:
    node = root
    for key in path[:-1]:
        node = node[key]
    return node


def _write(root: Any, path: Path_, value: Any) -> None:
    """Write ``value`` at ``path``; _MISSING deletes the key."""
    parent = _parent(root, path)
    key = path[-1]
    if isinstance(parent, list):
        parent[key] = copy.deepcopy(value)
    elif value is _MISSING:
        parent.pop(key, None)
    else:
        parent[key] = copy.deepcopy(value)
