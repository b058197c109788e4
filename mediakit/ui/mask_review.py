"""Anonymisation review of a photo: masks drawn over the picture, accept/reject, move and
resize with the mouse, draw new ones, before/after toggle, keyboard shortcuts.

Suspects (regions "à vérifier", not masked until accepted) are drawn apart, a dashed
orange outline labelled « à vérifier »; Tab goes through them first, A or M masks the
selected region, R or X leaves it visible, and the next undecided suspect is selected
at once, as in the « Propositions à vérifier » tab.

Every change goes through :mod:`mediakit.privacy.review` (undoable commands, audit trail);
this widget only draws the project's state and turns gestures into those calls.
The box item and the view are shared with the rush review (:mod:`mediakit.ui.rush_review`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.photo.preview import cached_preview, preview_path
from mediakit.privacy import review
from mediakit.privacy.regions import BoxTuple
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.item_state import item_state
from mediakit.ui.labels import label_name, region_name, source_name, state_name
from mediakit.ui.messages import plain
from mediakit.ui.widgets import action_column, add_shortcut

ACCEPTED_PEN = QColor("#18753c")
REJECTED_PEN = QColor("#ce0500")
SUSPECT_PEN = QColor("#d97706")  # « à vérifier »: undecided, not masked
SUSPECT = "suspect"
HANDLE = 14.0  # size of the resize handle, in view pixels


class _PreviewSignals(QObject):
    ready = Signal()


class _PreviewJob(QRunnable):
    """Renders (and caches) a photo's screen preview off the UI thread."""

    def __init__(self, op: Operation, sha: str, masked: bool, signals: _PreviewSignals) -> None:
        super().__init__()
        self.op, self.sha, self.masked, self.signals = op, sha, masked, signals

    def run(self) -> None:
        try:
            preview_path(self.op, self.sha, masked=self.masked)
        except Exception:  # noqa: BLE001 - an unreadable picture just shows no preview
            return
        with contextlib.suppress(RuntimeError):  # the panel was closed meanwhile
            self.signals.ready.emit()


class BoxItem(QGraphicsRectItem):
    """A box on the picture with its label: filled green when masked, dashed red otherwise,
    dashed orange and unfilled for an undecided suspect (``suspect``).

    An editable box (``edited`` given) moves by dragging and resizes by its bottom-right
    corner; ``pressed`` is called on a press, ``edited`` with the new (x, y, w, h) on release
    when the box has changed. Both run inside the mouse event: they must not delete the item
    (project changes redraw through the document bridge, after the event).
    """

    def __init__(self, box: Sequence[float], text: str, masked: bool, zoom: float,
                 width: float = 3, pressed: Callable[[], object] | None = None,
                 edited: Callable[[BoxTuple], object] | None = None,
                 suspect: bool = False) -> None:
        x, y, w, h = box
        super().__init__(0, 0, w, h)
        self.setPos(x, y)
        self.box = (float(x), float(y), float(w), float(h))
        self.pressed, self.edited = pressed, edited
        if edited is not None:
            self.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable)
            self.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsMovable)
        else:  # clicks go through to the view
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        color = SUSPECT_PEN if suspect else ACCEPTED_PEN if masked else REJECTED_PEN
        pen = QPen(color, width + 1 if suspect else width)
        pen.setCosmetic(True)
        if suspect:
            pen.setDashPattern([4.0, 3.0])
        elif not masked:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.suspect = suspect
        fill = QColor(color)
        fill.setAlpha(40 if masked and not suspect else 0)
        self.setBrush(QBrush(fill))
        label = QGraphicsSimpleTextItem(text, self)
        label.setBrush(QBrush(color))
        label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setPos(0, -18 / max(zoom, 1e-3))
        # a light plate under the words: readable on any picture (faces, brick, night)
        plate = QGraphicsRectItem(label.boundingRect().adjusted(-3, -1, 3, 1), label)
        plate.setBrush(QBrush(QColor(255, 255, 255, 215)))
        plate.setPen(QPen(Qt.PenStyle.NoPen))
        plate.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemStacksBehindParent)
        plate.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._resizing = False

    def set_width(self, width: float) -> None:
        pen = self.pen()
        pen.setWidthF(width)
        self.setPen(pen)

    def _handle_size(self) -> float:
        return HANDLE / max(self.scene().views()[0].transform().m11(), 1e-3)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        r = self.rect()
        h = self._handle_size()
        self._resizing = (event.pos().x() > r.right() - h and event.pos().y() > r.bottom() - h)
        if self.pressed is not None:
            self.pressed()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self._resizing:
            p = event.pos()
            self.setRect(QRectF(0, 0, max(4.0, p.x()), max(4.0, p.y())))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().mouseReleaseEvent(event)
        r = self.rect()
        region = (self.pos().x() + r.x(), self.pos().y() + r.y(), r.width(), r.height())
        self._resizing = False
        changed = any(abs(a - b) >= 0.5 for a, b in zip(self.box, region, strict=True))
        if self.edited is not None and changed:
            self.edited(region)


class ReviewView(QGraphicsView):
    """The picture; in drawing mode a drag on it adds a manual mask."""

    drawn = Signal(QRectF)

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#2a2a2a"))
        self.drawing = False
        self._start: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None

    def fit(self) -> None:
        if not self.scene().sceneRect().isEmpty():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self.drawing and event.button() == Qt.MouseButton.LeftButton:
            self._start = self.mapToScene(event.position().toPoint())
            pen = QPen(QColor("#0063cb"), 2)
            pen.setCosmetic(True)
            self._rubber = self.scene().addRect(QRectF(self._start, self._start), pen)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self._rubber is not None and self._start is not None:
            here = self.mapToScene(event.position().toPoint())
            self._rubber.setRect(QRectF(self._start, here).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self._rubber is not None:
            rect = self._rubber.rect()
            self.scene().removeItem(self._rubber)
            self._rubber, self._start = None, None
            if rect.width() > 4 and rect.height() > 4:
                self.drawn.emit(rect)
            return
        super().mouseReleaseEvent(event)


class MaskReviewPanel(QWidget):
    """Review of one photo's masks; ``next_requested`` asks the window for the next item
    still to review."""

    next_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.sha: str | None = None
        self.show_masked = False
        self.view = ReviewView()
        self.view.drawn.connect(self._add_drawn)
        self.list = QListWidget()
        self.list.setMaximumWidth(260)
        self.list.currentItemChanged.connect(self._list_selection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = action_column(self, (
            (tr("Masquer (A ou M)"), self.accept_current, "A"),
            (tr("Laisser visible (R ou X)"), self.reject_current, "R"),
            (tr("Dessiner un masque (D)"), self.toggle_drawing, "D"),
            (tr("Avant / après (Espace)"), self.toggle_before_after, "Space"),
            (tr("Masque suivant (Tab)"), self.next_mask, "Tab"),
            (tr("Marquer comme revu (V)"), self.mark_reviewed, "V"),
        ))
        add_shortcut(self, "M", self.accept_current, tr("Masquer la région (comme A)"))
        add_shortcut(self, "X", self.reject_current, tr("Laisser la région visible (comme R)"))
        side = QVBoxLayout()
        side.addWidget(QLabel(tr("Masques")))
        side.addWidget(self.list)
        side.addLayout(buttons)
        self.draw_label = QComboBox()  # what a drawn mask covers (the chief reads it)
        for key in ("face", "plate", "text"):
            self.draw_label.addItem(tr("Masque dessiné : {what}").format(what=label_name(key)),
                                    key)
        side.addWidget(self.draw_label)
        self.next_button = QPushButton(tr("Élément suivant à relire (F3)"))
        self.next_button.clicked.connect(self.next_requested)
        side.addWidget(self.next_button)
        side.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(side)
        self._rects: dict[str, BoxItem] = {}
        self._selected: str | None = None
        self._preview_signals = _PreviewSignals()
        self._preview_signals.ready.connect(self._refresh_if_valid)
        # redraws come after the mouse event that caused them has finished with its items
        self.bridge = DocumentBridge(self._refresh_if_valid, delay_ms=0, parent=self)

    # -- model -------------------------------------------------------------------------
    def set_item(self, op: Operation, sha: str) -> None:
        self.op, self.sha = op, sha
        self.bridge.watch(op.doc)
        self._selected = None
        self.refresh()
        self.view.fit()
        self.view.setFocus()  # the panel's shortcuts need the focus inside it

    def _refresh_if_valid(self) -> None:
        if self.op is not None and self.sha in self.op.items:
            self.refresh()

    def masks(self) -> list[dict]:
        return self.op.items[self.sha].get("masks", []) if self.op and self.sha else []

    def refresh(self) -> None:
        scene = self.view.scene()
        scene.clear()
        self._rects.clear()
        if self.op is None or self.sha is None:
            return
        item = self.op.items[self.sha]
        full_w, full_h = item["info"]["width"], item["info"]["height"]
        path = cached_preview(self.op, self.sha, masked=self.show_masked)
        if path.exists():
            pixmap = QPixmap(str(path))
            pix = QGraphicsPixmapItem(pixmap)
            pix.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            pix.setScale(full_w / max(1, pixmap.width()))
            scene.addItem(pix)
        else:  # first view: decode in the thread pool, redraw when it is ready
            QThreadPool.globalInstance().start(_PreviewJob(self.op, self.sha, self.show_masked,
                                                           self._preview_signals))
        scene.setSceneRect(QRectF(0, 0, full_w, full_h))
        if not self.show_masked:
            zoom = self.view.transform().m11()
            for mask in self.masks():
                mask_id = mask["id"]
                suspect = mask["state"] == SUSPECT
                text = f"{mask_id} {region_name(mask)}"
                rect = BoxItem(mask["region"],
                               f"{text} · {tr('à vérifier')}" if suspect else text,
                               mask["state"] == review.ACCEPTED, zoom,
                               pressed=lambda m=mask_id: self.select_mask(m),
                               edited=lambda box, m=mask_id: self.region_edited(m, box),
                               suspect=suspect)
                scene.addItem(rect)
                self._rects[mask["id"]] = rect
            if self._selected in self._rects:
                self._rects[self._selected].setSelected(True)
        self.list.blockSignals(True)
        self.list.clear()
        for mask in self.masks():
            mark = {review.ACCEPTED: "✔", SUSPECT: "?"}.get(mask["state"], "✘")
            who = f" · {mask['person']['name']}" if mask.get("person") else ""
            entry = QListWidgetItem(f"{mark} {mask['id']} {region_name(mask)} — "
                                    f"{state_name(mask['state'])}{who}")
            entry.setToolTip(tr("{source}, score {score}").format(
                source=source_name(mask["source"]),
                score=f"{mask['score']:.2f}".replace(".", ",")))
            entry.setData(Qt.ItemDataRole.UserRole, mask["id"])
            if mask["state"] == SUSPECT:
                entry.setForeground(SUSPECT_PEN)
            self.list.addItem(entry)
            if mask["id"] == self._selected:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        mode = tr("après (masqué)") if self.show_masked else tr("avant (contours)")
        left = self.suspects_left()
        suspects = (tr("{n} région(s) à vérifier restante(s) : A ou M masque, R ou X laisse "
                       "visible").format(n=left) if left
                    else tr("Aucune région à vérifier restante."))
        # « détection non lancée », « à relire : 3 masque(s), 2 à vérifier », « revu »…
        done = ("\n" + tr("Revu. F3 : élément suivant à relire.")
                if item_state(item).code == "reviewed" else "")
        self.status.setText(f"{item['name']} — {item_state(item).text}\n{suspects}\n"
                            + tr("Affichage : {mode}").format(mode=mode) + done)

    def suspects_left(self) -> int:
        """How many of the photo's suspects are still undecided."""
        return sum(1 for m in self.masks() if m.get("state") == SUSPECT)

    # -- actions -----------------------------------------------------------------------
    def select_mask(self, mask_id: str) -> None:
        self._selected = mask_id
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == mask_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
        rect = self._rects.get(mask_id)
        if rect is not None and not rect.isSelected():
            self.view.scene().clearSelection()
            rect.setSelected(True)

    def _list_selection(self, current, _previous) -> None:  # noqa: ANN001
        if current is not None:
            self._selected = current.data(Qt.ItemDataRole.UserRole)
            rect = self._rects.get(self._selected)
            if rect is not None:
                self.view.scene().clearSelection()
                rect.setSelected(True)

    def _set_state(self, state: str) -> None:
        """Decide the selected mask, then select the next undecided suspect (if any)."""
        if self.op and self.sha and self._selected:
            decided = self._selected
            try:
                review.set_state(self.op, self.sha, decided, state)
            except (MediakitError, KeyError) as exc:
                self.status.setText(f"✖ {plain(str(exc))}")
                return
            self.op.save()
            ids = [m["id"] for m in self.masks()]
            pending = {m["id"] for m in self.masks() if m.get("state") == SUSPECT}
            start = ids.index(decided) + 1 if decided in ids else 0
            following = next((i for i in ids[start:] + ids[:start] if i in pending), None)
            if following is not None:
                self.select_mask(following)

    def accept_current(self) -> None:
        self._set_state(review.ACCEPTED)

    def reject_current(self) -> None:
        self._set_state(review.REJECTED)

    def next_mask(self) -> None:
        """The next mask: through the undecided suspects first, then through every mask."""
        ids = [m["id"] for m in self.masks() if m.get("state") == SUSPECT]
        ids = ids or [m["id"] for m in self.masks()]
        if ids:
            i = ids.index(self._selected) + 1 if self._selected in ids else 0
            self.select_mask(ids[i % len(ids)])
            self._list_selection(self.list.currentItem(), None)

    def toggle_drawing(self) -> None:
        self.view.drawing = not self.view.drawing
        self.view.setCursor(Qt.CursorShape.CrossCursor if self.view.drawing
                            else Qt.CursorShape.ArrowCursor)

    def toggle_before_after(self) -> None:
        self.show_masked = not self.show_masked
        self.refresh()

    def mark_reviewed(self) -> bool:
        """Mark the photo reviewed; a refusal (detection never ran, suspects left) is shown
        in the status line, in French, with what to do."""
        if not (self.op and self.sha):
            return False
        try:
            review.mark_reviewed(self.op, self.sha)
        except MediakitError as exc:
            self.status.setText(f"✖ {plain(str(exc))}")
            return False
        self.op.save()
        return True

    def region_edited(self, mask_id: str, region: tuple[float, float, float, float]) -> None:
        if self.op and self.sha:
            review.set_region(self.op, self.sha, mask_id, region)
            self.op.save()

    def _add_drawn(self, rect: QRectF) -> None:
        if self.op and self.sha:
            if "masks" not in self.op.items[self.sha]:
                self.op.doc.set(("items", self.sha, "masks"), [])
            self._selected = review.add_manual(self.op, self.sha,
                                               self.draw_label.currentData() or "face",
                                               (rect.x(), rect.y(), rect.width(), rect.height()))
            self.op.save()
            self.toggle_drawing()
