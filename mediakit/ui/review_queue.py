"""« Propositions à vérifier »: every undecided suspect of the operation as a grid of crops,
decided one key at a time.

Each cell is a crop of the original around one region (a photo's mask, or a rush's track
at a frame in the middle of its span) with the item's name and the region's state. A or M
masks the selected region, R or X leaves it visible (dismisses the suspect); the next
undecided cell is selected at once. Ctrl+Z undoes through the operation's document and
selects the region it gave back. A double-click opens the item in its review tab.

Decisions go through :func:`mediakit.privacy.review.set_state` (photo masks) and
:func:`mediakit.video.tracks.set_state` (rush tracks), which write the audit trail. Crops are
cut in a thread pool and kept in memory by region: a decision restyles its own cell only,
and a change of the document (undo included) updates the cells whose state changed.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image, ImageDraw
from PySide6.QtCore import QEvent, QObject, QRect, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.media.images import load_oriented_rgb
from mediakit.media.kinds import PHOTO, VIDEO
from mediakit.privacy import review
from mediakit.privacy.regions import region_label
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.labels import label_name, state_name
from mediakit.ui.messages import plain
from mediakit.ui.widgets import add_shortcut, hint
from mediakit.video import tracks as tracks_cmd

THUMB = 144  # side of a crop, in pixels
MARGIN = 0.6  # context kept around a region, as a share of its longer side, each way
FRAME_WIDTH = 960  # a rush's frame is decoded at this width at most
STATE_COLOURS = {review.ACCEPTED: "#18753c", review.REJECTED: "#ce0500",
                 tracks_cmd.SUSPECT: "#d97706"}
CELL_ROLE = Qt.ItemDataRole.UserRole  # the cell's key: (sha, region id)
BADGE_ROLE = Qt.ItemDataRole.UserRole + 1  # (state text, colour)
ACCEPT_KEYS = (Qt.Key.Key_A, Qt.Key.Key_M)
REJECT_KEYS = (Qt.Key.Key_R, Qt.Key.Key_X)


@dataclass(frozen=True)
class Entry:
    """One region shown in the grid."""

    sha: str
    rid: str  # mask id (photo) or track id (rush)
    video: bool
    name: str  # the item's name
    label: str
    state: str
    crop: tuple  # what the crop depends on: region (photo) or (frame, box) (rush)

    @property
    def key(self) -> tuple[str, str]:
        return (self.sha, self.rid)

    @property
    def thumb_key(self) -> tuple:
        return (self.sha, self.rid, self.crop)

    @property
    def undecided(self) -> bool:
        return self.state == tracks_cmd.SUSPECT


def entries(op: Operation, show_all: bool = False) -> list[Entry]:
    """The regions of the grid, by item name: every suspect (undecided or decided, so a
    decision stays in sight), and with ``show_all`` every other mask and track too."""
    out: list[Entry] = []
    for sha, item in sorted(op.items.items(), key=lambda kv: (kv[1].get("name", ""), kv[0])):
        kind = item.get("kind")
        if kind == PHOTO:
            regions = item.get("masks") or []
        elif kind == VIDEO:
            regions = item.get("tracks") or []
        else:
            continue
        for region in regions:
            suspect = region.get("state") == tracks_cmd.SUSPECT or region.get("suspect")
            if not (suspect or show_all):
                continue
            crop = _track_crop(region) if kind == VIDEO else tuple(region.get("region") or ())
            if crop is None or not crop:
                continue
            out.append(Entry(sha, region["id"], kind == VIDEO, item.get("name", sha[:12]),
                             region_label(region), region.get("state", ""), crop))
    return out


def _track_crop(track: dict[str, Any]) -> tuple | None:
    """(frame, box) in the middle of a track's span (its nearest keyframe's box when the
    middle has none)."""
    try:
        boxes = tracks_cmd.TrackBoxes(track)
    except (KeyError, TypeError, ValueError):
        return None
    if not boxes.frames:
        return None
    frame = (boxes.first + boxes.last) // 2
    box = boxes.box(frame)
    if box is None:
        frame = min(boxes.frames, key=lambda f: abs(f - frame))
        box = boxes.boxes[boxes.frames.index(frame)]
    return (frame, tuple(round(float(v), 1) for v in box))


def crop_around(rgb: np.ndarray, box: tuple, side: int = THUMB) -> QImage:
    """A ``side``×``side`` crop of ``rgb`` around ``box`` (x, y, w, h) with some context,
    the region outlined."""
    height, width = rgb.shape[:2]
    x, y, w, h = (float(v) for v in box)
    half = max(w, h) * (0.5 + MARGIN) + 8
    cx, cy = x + w / 2, y + h / 2
    x0, y0 = int(max(0, cx - half)), int(max(0, cy - half))
    x1, y1 = int(min(width, cx + half)), int(min(height, cy + half))
    if x1 <= x0 or y1 <= y0:
        return QImage()
    part = Image.fromarray(np.ascontiguousarray(rgb[y0:y1, x0:x1]))
    scale = side / max(part.width, part.height)
    part = part.resize((max(1, round(part.width * scale)), max(1, round(part.height * scale))),
                       Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(part)
    rect = [(x - x0) * scale, (y - y0) * scale, (x + w - x0) * scale, (y + h - y0) * scale]
    draw.rectangle([v - 1 for v in rect], outline=(0, 0, 0))
    draw.rectangle(rect, outline=(255, 255, 255), width=2)
    data = part.tobytes()
    return QImage(data, part.width, part.height, 3 * part.width,
                  QImage.Format.Format_RGB888).copy()


class _CropSignals(QObject):
    ready = Signal(object, QImage)  # thumb key, crop (null when unreadable)


class _CropJob(QRunnable):
    """Cuts the crops of one item: its picture decoded once (photo), or one frame per track
    (rush, decoded by ffmpeg)."""

    def __init__(self, op: Operation, sha: str, video: bool, wanted: list[tuple],
                 signals: _CropSignals) -> None:
        super().__init__()
        self.op, self.sha, self.video, self.wanted, self.signals = op, sha, video, wanted, \
            signals

    def run(self) -> None:
        try:
            crops = self._video() if self.video else self._photo()
        except Exception:  # noqa: BLE001 - an unreadable original shows no crop
            crops = [(key, QImage()) for key in self.wanted]
        for key, image in crops:
            with contextlib.suppress(RuntimeError):  # the panel was closed meanwhile
                self.signals.ready.emit(key, image)

    def _photo(self) -> list[tuple[tuple, QImage]]:
        original, oriented = load_oriented_rgb(self.op.original_path(self.sha))
        try:
            rgb = np.asarray(oriented)
        finally:
            original.close()
        return [(key, crop_around(rgb, key[2])) for key in self.wanted]

    def _video(self) -> list[tuple[tuple, QImage]]:
        from mediakit.ui.rush_review import decode_frame  # the Rushes tab's frame reader

        info = self.op.items[self.sha]["info"]
        full_w, full_h = int(info["width"]), int(info["height"])
        fps = float(info.get("fps") or 25.0)
        width = min(FRAME_WIDTH, full_w)
        height = max(2, round(full_h * width / full_w) // 2 * 2)
        sx, sy = width / full_w, height / full_h
        path = str(self.op.original_path(self.sha))
        out = []
        for key in self.wanted:
            frame, (x, y, w, h) = key[2]
            data = decode_frame(path, frame / fps, width, height)
            if not isinstance(data, bytes):
                out.append((key, QImage()))
                continue
            rgb = np.frombuffer(data, np.uint8).reshape(height, width, 3)
            out.append((key, crop_around(rgb, (x * sx, y * sy, w * sx, h * sy))))
        return out


class _BadgeDelegate(QStyledItemDelegate):
    """Draws a cell as usual, then its state as a coloured pill over the crop."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001
        super().paint(painter, option, index)
        badge = index.data(BADGE_ROLE)
        if not badge:
            return
        text, colour = badge
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        metrics = QFontMetrics(font)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, option.rect.width() - 20)
        pill = QRect(option.rect.left() + 6, option.rect.top() + 4,
                     metrics.horizontalAdvance(text) + 12, metrics.height() + 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class CropGrid(QListWidget):
    """The grid of crops; its decision keys and Ctrl+Z win over the window's shortcuts
    while it has the focus."""

    decided = Signal(str)  # review.ACCEPTED or review.REJECTED
    undo_requested = Signal()
    open_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 24, THUMB + 52))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setItemDelegate(_BadgeDelegate(self))

    def _action(self, event) -> str | None:  # noqa: ANN001
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo"
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        if event.key() in ACCEPT_KEYS:
            return review.ACCEPTED
        if event.key() in REJECT_KEYS:
            return review.REJECTED
        return None

    def event(self, event) -> bool:  # noqa: ANN001 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and self._action(event):
            event.accept()  # a key press for this grid, not the window's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        action = self._action(event)
        if action == "undo":
            self.undo_requested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not action:
            self.open_requested.emit()
        elif action:
            self.decided.emit(action)
        else:
            super().keyPressEvent(event)


class ReviewQueuePanel(QWidget):
    """Every undecided suspect of the operation, decided one key at a time; emits
    ``opened(sha, region id)`` on a double-click."""

    opened = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.thumbs_computed = 0  # crops cut so far (a decision cuts none)
        self._entries: dict[tuple[str, str], Entry] = {}
        self._order: list[tuple[str, str]] = []
        self._cells: dict[tuple[str, str], QListWidgetItem] = {}
        self._cache: dict[tuple, QPixmap | None] = {}  # thumb key → crop (None: unreadable)
        self._pending: set[tuple] = set()
        self._deciding = False
        self._signals = _CropSignals()
        self._signals.ready.connect(self._crop_ready)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)

        self.counter = QLabel()
        font = self.counter.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.counter.setFont(font)
        self.show_all = QCheckBox(tr("Afficher aussi les masques"))
        self.show_all.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_all.toggled.connect(self._toggled)
        self.grid = CropGrid()
        self.grid.decided.connect(self.decide)
        self.grid.undo_requested.connect(self.undo)
        self.grid.itemDoubleClicked.connect(self._double_clicked)
        self.grid.open_requested.connect(self._open_current)
        self.status = QLabel()
        self.status.setWordWrap(True)
        mask_button = QPushButton(tr("Masquer (A ou M)"))
        mask_button.clicked.connect(self.accept_current)
        keep_button = QPushButton(tr("Laisser visible (R ou X)"))
        keep_button.clicked.connect(self.reject_current)
        for button in (mask_button, keep_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the grid
        top = QHBoxLayout()
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.show_all)
        bottom = QHBoxLayout()
        bottom.addWidget(mask_button)
        bottom.addWidget(keep_button)
        bottom.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint(tr("Chaque vignette « à vérifier » est une région que la "
                                 "détection n'a pas masquée seule. A ou M : masquer ; R ou X : "
                                 "laisser visible (fausse détection) ; la suivante est choisie "
                                 "aussitôt. Ctrl+Z annule la dernière décision. Double-clic "
                                 "ou Entrée : ouvrir l'élément dans sa relecture.")))
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        # listed in Aide › Raccourcis clavier; the grid takes these keys itself first
        for keys, slot, text in (("A", self.accept_current, tr("Masquer la région")),
                                 ("M", self.accept_current, tr("Masquer la région")),
                                 ("R", self.reject_current, tr("Laisser la région visible")),
                                 ("X", self.reject_current, tr("Laisser la région visible"))):
            add_shortcut(self, keys, slot, text)
        self.bridge = DocumentBridge(self._sync, delay_ms=30, parent=self)
        self._update_counter()

    # -- model -------------------------------------------------------------------------
    def set_operation(self, op: Operation) -> None:
        self.op = op
        self.bridge.watch(op.doc)
        self._cache.clear()
        self._pending.clear()
        self._sync(rebuild=True)

    def current(self) -> tuple[str, str] | None:
        """(sha, region id) of the selected cell."""
        cell = self.grid.currentItem()
        return cell.data(CELL_ROLE) if cell is not None else None

    def cell(self, sha: str, rid: str) -> QListWidgetItem | None:
        return self._cells.get((sha, rid))

    def undecided_count(self) -> int:
        return sum(1 for e in self._entries.values() if e.undecided)

    def _toggled(self, _on: bool) -> None:
        self._sync(rebuild=True)

    def _sync(self, rebuild: bool = False) -> None:
        """Bring the grid in line with the document: the cells whose state or region
        changed are updated in place; the grid is laid out again only when the set of
        regions changed. A change made elsewhere (undo, another tab) selects its cell."""
        if self.op is None:
            return
        fresh = entries(self.op, self.show_all.isChecked())
        order = [e.key for e in fresh]
        old = dict(self._entries)
        changed = [e.key for e in fresh if e.key in old and old[e.key] != e]
        current = self.current()
        if rebuild or order != self._order:
            self._rebuild(fresh)
        else:
            by_key = {e.key: e for e in fresh}
            for key in changed:
                self._entries[key] = by_key[key]
                self._style(key)
            if any(old[k].crop != by_key[k].crop for k in changed):
                self._request_crops()  # a region moved: its crop only
        target = next((k for k in changed if old[k].state != self._entries[k].state), None)
        if target is not None and not self._deciding:
            self._select(target)
        elif current in self._cells and self.grid.currentItem() is None:
            self._select(current)
        elif self.grid.currentItem() is None:
            self._select_next(None)
        self._update_counter()

    def _rebuild(self, fresh: list[Entry]) -> None:
        current = self.current()
        self.grid.setUpdatesEnabled(False)
        self.grid.blockSignals(True)
        self.grid.clear()
        self._cells.clear()
        self._entries = {e.key: e for e in fresh}
        self._order = [e.key for e in fresh]
        for entry in fresh:
            cell = QListWidgetItem()
            cell.setData(CELL_ROLE, entry.key)
            cell.setSizeHint(self.grid.gridSize() - QSize(4, 4))
            self.grid.addItem(cell)
            self._cells[entry.key] = cell
            self._style(entry.key)
        self.grid.blockSignals(False)
        self.grid.setUpdatesEnabled(True)
        if current in self._cells:
            self._select(current)
        self._request_crops()

    def _style(self, key: tuple[str, str]) -> None:
        """One cell's text, state badge and crop (asked for when not cut yet)."""
        entry, cell = self._entries[key], self._cells[key]
        state = state_name(entry.state)
        where = tr("rush") if entry.video else tr("photo")
        cell.setText(f"{entry.name}\n{label_name(entry.label)} · {state}")
        cell.setToolTip(tr("{name} ({where}), {region} : {state}").format(
            name=entry.name, where=where, region=entry.rid, state=state))
        cell.setData(BADGE_ROLE, (state, STATE_COLOURS.get(entry.state, "#475569")))
        pixmap = self._cache.get(entry.thumb_key)
        cell.setIcon(QIcon(pixmap) if pixmap is not None else QIcon())

    # -- crops -------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        self._request_crops()
        self.grid.setFocus()

    def _request_crops(self) -> None:
        """Cut, off the UI thread, the crops the grid lacks (only while it is shown)."""
        if self.op is None or not self.isVisible():
            return
        todo: dict[tuple[str, bool], list[tuple]] = {}
        for entry in self._entries.values():
            key = entry.thumb_key
            if key in self._cache or key in self._pending:
                continue
            self._pending.add(key)
            todo.setdefault((entry.sha, entry.video), []).append(key)
        for (sha, video), wanted in todo.items():
            self._pool.start(_CropJob(self.op, sha, video, wanted, self._signals))

    def _crop_ready(self, key: tuple, image: QImage) -> None:
        self._pending.discard(key)
        self.thumbs_computed += 1
        self._cache[key] = None if image.isNull() else QPixmap.fromImage(image)
        cell = self._cells.get(key[:2])
        entry = self._entries.get(key[:2])
        if cell is not None and entry is not None and entry.thumb_key == key:
            pixmap = self._cache[key]
            cell.setIcon(QIcon(pixmap) if pixmap is not None else QIcon())

    def wait_for_crops(self, msecs: int = 30_000) -> bool:
        """Block until every crop asked for is cut (tests, screenshots)."""
        return self._pool.waitForDone(msecs)

    # -- decisions ---------------------------------------------------------------------
    def accept_current(self) -> None:
        self.decide(review.ACCEPTED)

    def reject_current(self) -> None:
        self.decide(review.REJECTED)

    def decide(self, state: str) -> None:
        """Decide the selected region (audited by the core), then select the next
        undecided one; only that cell is restyled."""
        key = self.current()
        if self.op is None or key is None or key not in self._entries:
            return
        entry = self._entries[key]
        if entry.state == state:  # already so: nothing to decide (nor to log)
            self._select_next(key)
            return
        setter = tracks_cmd.set_state if entry.video else review.set_state
        self._deciding = True
        try:
            setter(self.op, entry.sha, entry.rid, state)
            self.op.save()
        except (MediakitError, KeyError, ValueError) as exc:
            self.status.setText(f"✖ {plain(str(exc))}")
            return
        finally:
            self._deciding = False
        region = self._region(entry)
        if region is not None:
            self._entries[key] = Entry(entry.sha, entry.rid, entry.video, entry.name,
                                       entry.label, region.get("state", state), entry.crop)
            self._style(key)
        self.status.setText(tr("{name}, {region} : {state}").format(
            name=entry.name, region=entry.rid, state=state_name(state)))
        self._select_next(key)
        self._update_counter()

    def undo(self) -> None:
        """Undo the last edit of the operation; the region it concerns is selected again."""
        if self.op is None or not self.op.doc.can_undo:
            return
        try:
            self.op.doc.undo()
        except MediakitError as exc:  # another program changed it since: nothing undone
            self.status.setText(f"✖ {plain(str(exc))}")
            return
        self._sync()

    def _region(self, entry: Entry) -> dict[str, Any] | None:
        item = self.op.items.get(entry.sha) if self.op else None
        regions = (item or {}).get("tracks" if entry.video else "masks") or []
        return next((r for r in regions if r.get("id") == entry.rid), None)

    # -- selection ---------------------------------------------------------------------
    def _select(self, key: tuple[str, str]) -> None:
        cell = self._cells.get(key)
        if cell is not None:
            self.grid.setCurrentItem(cell)
            self.grid.scrollToItem(cell)

    def _select_next(self, after: tuple[str, str] | None) -> None:
        """The first undecided cell after ``after`` (wrapping round); stays put when none."""
        start = self._order.index(after) + 1 if after in self._order else 0
        for key in self._order[start:] + self._order[:start]:
            if self._entries[key].undecided:
                self._select(key)
                return
        if after is None and self._order:
            self._select(self._order[0])

    def _double_clicked(self, cell: QListWidgetItem) -> None:
        sha, rid = cell.data(CELL_ROLE)
        self.opened.emit(sha, rid)

    def _open_current(self) -> None:
        cell = self.grid.currentItem()
        if cell is not None:
            self._double_clicked(cell)

    def _update_counter(self) -> None:
        n = self.undecided_count()
        self.counter.setText(tr("{n} à vérifier").format(n=n))
        empty = tr("Aucune proposition à vérifier dans cette opération.")
        if not self._entries:
            self.status.setText(empty)
        elif self.status.text() == empty:  # suspects came since (detection, another program)
            self.status.setText(tr("Toutes les propositions sont tranchées.") if n == 0
                                else tr("A ou M : masquer la vignette choisie ; R ou X : la "
                                        "laisser visible."))
