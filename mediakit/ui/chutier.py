"""The chutier: thumbnail grid of photos and rushes with filters by kind, status and tag.

Thumbnails are read in a background thread pool so a large operation never blocks the UI.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediakit.library.project import Operation
from mediakit.library.status import STATUS_FR, item_status
from mediakit.ui.i18n import tr


class _ThumbSignals(QObject):
    loaded = Signal(str, QImage)


class _ThumbJob(QRunnable):
    def __init__(self, sha: str, path: str, signals: _ThumbSignals) -> None:
        super().__init__()
        self.sha, self.path, self.signals = sha, path, signals

    def run(self) -> None:
        image = QImage(self.path)
        if not image.isNull():
            with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
                self.signals.loaded.emit(self.sha, image)


class Chutier(QWidget):
    """Thumbnail grid; emits ``opened(sha)`` on double-click."""

    opened = Signal(str)
    selected = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.kind = QComboBox()
        self.kind.addItem(tr("Tous les médias"), None)
        self.kind.addItem(tr("Photos"), "photo")
        self.kind.addItem(tr("Rushes"), "video")
        self.status = QComboBox()
        self.status.addItem(tr("Tous les statuts"), None)
        for key, label in STATUS_FR.items():
            self.status.addItem(label.capitalize(), key)
        self.cull = QComboBox()
        self.cull.addItem(tr("Toutes les photos"), None)
        self.cull.addItem(tr("Retenues"), "pick")
        self.cull.addItem(tr("Écartées"), "reject")
        for stars in range(1, 6):
            self.cull.addItem("★" * stars + tr(" et plus"), stars)
        self.cull.currentIndexChanged.connect(self.refresh)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(tr("Filtrer par étiquette ou nom…"))
        for widget in (self.kind, self.status):
            widget.currentIndexChanged.connect(self.refresh)
        self.tag.textChanged.connect(self.refresh)
        self.grid = QListWidget()
        self.grid.setViewMode(QListWidget.ViewMode.IconMode)
        self.grid.setIconSize(QSize(180, 180))
        self.grid.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.grid.setSpacing(8)
        self.grid.setWordWrap(True)
        self.grid.setGridSize(QSize(204, 244))
        self.grid.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)  # room for a two-line label under each picture
        self.grid.setMovement(QListWidget.Movement.Static)
        self.grid.itemDoubleClicked.connect(
            lambda it: self.opened.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.grid.currentItemChanged.connect(
            lambda cur, _prev: cur and self.selected.emit(cur.data(Qt.ItemDataRole.UserRole)))
        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addWidget(self.status)
        filters.addWidget(self.cull)
        filters.addWidget(self.tag, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.grid)
        self._signals = _ThumbSignals()
        self._signals.loaded.connect(self._thumb_loaded)
        self._entries: dict[str, QListWidgetItem] = {}
        self._icons: dict[str, QIcon] = {}
        self.pool = QThreadPool.globalInstance()

    def set_operation(self, op: Operation | None) -> None:
        self.op = op
        self._icons.clear()
        self.refresh()

    def visible_items(self) -> list[str]:
        if self.op is None:
            return []
        kind, status, cull = (self.kind.currentData(), self.status.currentData(),
                              self.cull.currentData())
        text = self.tag.text().strip().lower()
        out = []
        for sha, item in sorted(self.op.items.items(), key=lambda kv: kv[1]["name"]):
            if kind and item["kind"] != kind:
                continue
            if status and item_status(item) != status:
                continue
            if isinstance(cull, str) and item.get("flag") != cull:
                continue
            if isinstance(cull, int) and (item.get("rating") or 0) < cull:
                continue
            if text and text not in item["name"].lower() and not any(
                    text in t.lower() for t in item.get("tags", [])):
                continue
            out.append(sha)
        return out

    def refresh(self) -> None:
        current = self.grid.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.grid.clear()
        self._entries.clear()
        if self.op is None:
            return
        for sha in self.visible_items():
            item = self.op.items[sha]
            status = STATUS_FR[item_status(item)]
            flag = " ✔" if item.get("masks_reviewed") else ""
            entry = QListWidgetItem(self._icons.get(sha, QIcon()), f"{item['name']}\n{status}{flag}")
            entry.setData(Qt.ItemDataRole.UserRole, sha)
            entry.setToolTip(f"{item['kind']} · {item['info'].get('width')}×"
                             f"{item['info'].get('height')}")
            self.grid.addItem(entry)
            self._entries[sha] = entry
            if sha == keep:
                self.grid.setCurrentItem(entry)
            if sha not in self._icons and item.get("thumb"):
                self.pool.start(_ThumbJob(sha, str(self.op.root / item["thumb"]), self._signals))

    def selected_items(self) -> list[str]:
        return [it.data(Qt.ItemDataRole.UserRole) for it in self.grid.selectedItems()]

    def _thumb_loaded(self, sha: str, image: QImage) -> None:
        icon = QIcon(QPixmap.fromImage(image))
        self._icons[sha] = icon
        entry = self._entries.get(sha)
        if entry is not None:
            entry.setIcon(icon)
