"""The chutier: thumbnail grid of photos and rushes with filters by kind, status and tag,
each with a coloured badge saying where it stands (detection, review, validation).

Thumbnails are read in a background thread pool so a large operation never blocks the UI.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.library.status import STATES, state_code
from mediakit.media.kinds import VIDEO
from mediakit.ui.i18n import tr
from mediakit.ui.item_state import ItemState, item_state
from mediakit.ui.labels import kind_name

STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry's ItemState
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the shas of an infographic's formats (one card)
# a group's state: its least advanced format's (corrections first: the chief asked for them)
_ORDER = ("corrections_requested", "not_detected", "to_check", "to_review", "reviewed",
          "exported", "to_validate", "validated")


def format_label(item: dict) -> str:
    """An infographic's format in words: « 1080×1350 », « A4 » (from its ``format``)."""
    from mediakit.infographic.render import A4_300DPI

    size = item.get("format") or []
    if len(size) != 2:
        return ""
    return "A4" if tuple(size) == tuple(A4_300DPI) else f"{size[0]}×{size[1]}"


def infographic_group(item: dict) -> tuple[str, str, str] | None:
    """The card an infographic's format goes on: (its name without the format, template,
    charte), as the export names each format « NOM 1080x1350 »; None for other items."""
    if item.get("kind") != "infographic":
        return None
    from mediakit.infographic.render import A4_300DPI, format_name

    name, size = str(item.get("name", "")), item.get("format") or []
    if len(size) == 2:
        fmt = format_name(size[0], size[1], 300 if tuple(size) == tuple(A4_300DPI) else None)
        if name.endswith(" " + fmt):
            name = name[:-len(fmt) - 1]
    return name, str(item.get("template", "")), str(item.get("charte", ""))


class _ThumbSignals(QObject):
    loaded = Signal(str, QImage)


class _ThumbJob(QRunnable):
    """Load a thumbnail; ``make`` first writes it (a montage or an infographic has none
    from the import: cut into the cache, off the UI thread)."""

    def __init__(self, sha: str, path: str, signals: _ThumbSignals,
                 make: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.sha, self.path, self.signals, self.make = sha, path, signals, make

    def run(self) -> None:
        if self.make is not None and not Path(self.path).is_file():
            try:
                self.make()
            except (MediakitError, OSError):
                return  # no picture: the entry keeps its name and state
        image = QImage(self.path)
        if not image.isNull():
            with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
                self.signals.loaded.emit(self.sha, image)


class BadgeDelegate(QStyledItemDelegate):
    """Draws each entry as usual, then its state as a coloured pill over the picture."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001
        super().paint(painter, option, index)
        state: ItemState | None = index.data(STATE_ROLE)
        if state is None:
            return
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        metrics = QFontMetrics(font)
        room = option.rect.width() - 16
        text = metrics.elidedText(state.text, Qt.TextElideMode.ElideRight, room - 12)
        pill = QRect(option.rect.left() + 8, option.rect.top() + 6,
                     metrics.horizontalAdvance(text) + 12, metrics.height() + 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(state.colour))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        group = index.data(GROUP_ROLE) or []
        if len(group) > 1:  # one infographic in several formats: « 6 formats »
            many = tr("{n} formats").format(n=len(group))
            box = QRect(0, 0, metrics.horizontalAdvance(many) + 12, metrics.height() + 4)
            box.moveTopRight(pill.topLeft() + QPoint(room + 4, 0))
            painter.setBrush(QColor("#1e3a8a"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, many)
        painter.restore()


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
        self.kind.addItem(tr("Montages"), "montage")
        self.kind.addItem(tr("Infographies"), "infographic")
        self.status = QComboBox()
        self.status.addItem(tr("Tous les statuts"), None)
        for key, label in STATES.items():
            self.status.addItem(tr(label).capitalize(), key)
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
        self.grid.setGridSize(QSize(204, 236))  # room for a two-line name under each picture
        self.grid.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.grid.setMovement(QListWidget.Movement.Static)
        self.grid.setItemDelegate(BadgeDelegate(self.grid))
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
        self._groups: dict[str, list[str]] = {}  # a card's sha: the formats it stands for
        self._icons: dict[str, QIcon] = {}
        # pictures arriving after the grid was laid out: one re-layout for a burst of them
        self._relayout = QTimer(self, singleShot=True, interval=100)
        self._relayout.timeout.connect(self.grid.doItemsLayout)
        self.pool = QThreadPool.globalInstance()
        self.detecting: str | None = None  # the item the background detection is on
        self.queued: set[str] = set()  # items waiting for it

    def set_activity(self, detecting: str | None, queued: set[str]) -> None:
        """What the window's background detection is doing (shown on the badges)."""
        self.detecting, self.queued = detecting, set(queued)
        self.refresh()

    def state_of(self, sha: str) -> ItemState | None:
        if self.op is None or sha not in self.op.items:
            return None
        return item_state(self.op.items[sha], items=self.op.items,
                          detecting=sha == self.detecting,
                          queued=sha in self.queued)

    def group_of(self, sha: str) -> list[str]:
        """The formats (shas, by name) on the card of ``sha``: itself alone for anything
        but an infographic made in several formats."""
        return list(self._groups.get(sha, [sha]))

    def group_state(self, shas: list[str]) -> ItemState | None:
        """A card's state: its least advanced format's."""
        states = [s for s in (self.state_of(sha) for sha in shas) if s is not None]
        if not states:
            return None
        return min(states, key=lambda st: _ORDER.index(st.code) if st.code in _ORDER else 0)

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
            if status and state_code(item, self.op.items) != status:
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
        self._groups.clear()
        cards: dict[tuple[str, str, str], list[str]] = {}
        shown = []
        for sha in self.visible_items():
            key = infographic_group(self.op.items[sha])
            if key is None:
                shown.append(sha)
            elif key not in cards:
                cards[key] = [sha]
                shown.append(sha)  # the card stands at its first format's place
            else:
                cards[key].append(sha)
        for shas in cards.values():
            for sha in shas:
                self._groups[sha] = shas
        for sha in shown:
            item = self.op.items[sha]
            group = self.group_of(sha)
            state = self.group_state(group)
            key = infographic_group(item)
            name = key[0] if key and len(group) > 1 else item["name"]
            entry = QListWidgetItem(self._icons.get(sha, QIcon()), name)
            entry.setData(Qt.ItemDataRole.UserRole, sha)
            entry.setData(STATE_ROLE, state)
            entry.setData(GROUP_ROLE, group)
            info = item.get("info") or {}
            size = (f" · {info['width']}×{info['height']}" if info.get("width")
                    and info.get("height") else "")
            if len(group) > 1:
                size = " · " + tr("{n} formats : {formats}").format(
                    n=len(group), formats=", ".join(format_label(self.op.items[s])
                                                    for s in group))
            entry.setToolTip(f"{name}\n{kind_name(item['kind'])}{size}\n{state.text}")
            self.grid.addItem(entry)
            self._entries[sha] = entry
            if sha == keep:
                self.grid.setCurrentItem(entry)
            if sha not in self._icons and item.get("thumb"):
                self.pool.start(_ThumbJob(sha, str(self.op.root / item["thumb"]), self._signals))
            elif sha not in self._icons and item["kind"] in ("montage", "infographic"):
                self.pool.start(_ThumbJob(sha, str(self.op.thumb_path(sha)), self._signals,
                                          make=self._thumb_maker(sha)))

    def _thumb_maker(self, sha: str) -> Callable[[], object]:
        from mediakit.library.importer import make_thumbnail

        op, item = self.op, self.op.items[sha]
        kind = VIDEO if item["kind"] == "montage" else "photo"
        original, info = op.original_path(sha), dict(item.get("info") or {})
        return lambda: make_thumbnail(op, sha, original, kind, info)

    def selected_items(self) -> list[str]:
        """The selected items: every format of a selected infographic card."""
        return [s for it in self.grid.selectedItems()
                for s in self.group_of(it.data(Qt.ItemDataRole.UserRole))]

    def _thumb_loaded(self, sha: str, image: QImage) -> None:
        icon = QIcon(QPixmap.fromImage(image))
        self._icons[sha] = icon
        entry = self._entries.get(sha)
        if entry is not None:
            entry.setIcon(icon)
            self._relayout.start()  # laid out without its picture, it overlapped its neighbour
