"""Review of a rush's tracks: the frame at the playhead with its masks, frame stepping, the
track list (accept/reject), a presence strip, keyframes drawn with the mouse, detection off
the UI thread, and the dérushage marks (in/out ranges, markers).

Every change goes through :mod:`mediakit.video.tracks` and
:mod:`mediakit.video.montage.derush` (undoable commands, audit trail); this widget only
draws the project's state and turns gestures into those calls.
"""

from __future__ import annotations

import contextlib
import subprocess
from typing import Any

from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.media.ffmpeg import ffmpeg_exe
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.mask_review import ACCEPTED_PEN, REJECTED_PEN, ReviewView
from mediakit.ui.widgets import action_column, add_shortcut
from mediakit.ui.workers import Worker
from mediakit.video import tracks as tracks_cmd
from mediakit.video.montage import derush

MAX_WIDTH = 960  # decoded frames are scaled down to this width at most
SELECTED_PEN = QColor("#0063cb")
MARK_PEN = QColor("#b34000")


def decode_frame(path: str, t: float, width: int, height: int) -> bytes | str:
    """One RGB24 frame of ``path`` at ``t`` seconds, ``width``×``height``; an error message
    (French) when nothing could be decoded."""
    cmd = [ffmpeg_exe(), "-v", "error", "-nostdin", "-ss", f"{max(0.0, t):.4f}", "-i", path,
           "-frames:v", "1", "-vf", f"scale={width}:{height}", "-f", "rawvideo",
           "-pix_fmt", "rgb24", "-"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"décodage impossible : {exc}"
    if len(proc.stdout) < width * height * 3:
        return "image indisponible à cet instant"
    return proc.stdout[: width * height * 3]


class _FrameSignals(QObject):
    done = Signal(int, int, object)  # generation, frame, bytes | message


class _FrameJob(QRunnable):
    def __init__(self, signals: _FrameSignals, generation: int, frame: int, path: str,
                 t: float, size: tuple[int, int]) -> None:
        super().__init__()
        self.signals, self.generation, self.frame = signals, generation, frame
        self.path, self.t, self.size = path, t, size

    def run(self) -> None:
        result = decode_frame(self.path, self.t, *self.size)
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            self.signals.done.emit(self.generation, self.frame, result)


class TrackStrip(QWidget):
    """Where each track is present: one row per track, coloured spans; a click seeks."""

    seek = Signal(int)
    ROW = 7

    def __init__(self) -> None:
        super().__init__()
        self.tracks: list[dict[str, Any]] = []
        self.frames = 1
        self.current = 0
        self.selected: str | None = None
        self.marks: list[tuple[int, int]] = []  # dérushage ranges, in frames
        self.setMinimumHeight(24)

    def set_data(self, tracks: list[dict[str, Any]], frames: int, selected: str | None,
                 marks: list[tuple[int, int]]) -> None:
        self.tracks, self.frames, self.selected, self.marks = tracks, max(1, frames), \
            selected, marks
        self.setMinimumHeight(max(24, 6 + self.ROW * len(tracks)))
        self.update()

    def set_current(self, frame: int) -> None:
        self.current = frame
        self.update()

    def _x(self, frame: float) -> float:
        return frame * self.width() / self.frames

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#2a2a2a"))
        for first, last in self.marks:
            p.fillRect(QRectF(self._x(first), 0, self._x(last) - self._x(first), 3),
                       MARK_PEN)
        for row, track in enumerate(self.tracks):
            first, last = track["frames"]
            color = ACCEPTED_PEN if tracks_cmd.is_masked(track) else REJECTED_PEN
            if track["id"] == self.selected:
                color = SELECTED_PEN
            rect = QRectF(self._x(first), 4 + row * self.ROW,
                          max(2.0, self._x(last + 1) - self._x(first)), self.ROW - 2)
            p.fillRect(rect, color)
        p.setPen(QPen(QColor("white"), 1))
        x = self._x(self.current + 0.5)
        p.drawLine(int(x), 0, int(x), self.height())
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.width() > 0:
            frame = int(event.position().x() * self.frames / self.width())
            self.seek.emit(max(0, min(self.frames - 1, frame)))


class RushReviewPanel(QWidget):
    """Review of one rush's tracks and its dérushage marks."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.sha: str | None = None
        self.worker: Worker | None = None
        self.frame = 0
        self.shown_frame: int | None = None  # frame of the picture on screen
        self.mark_in: float | None = None
        self.mark_out: float | None = None
        self._selected: str | None = None
        self._index: tracks_cmd.TrackIndex | None = None
        self._overlays: list[QGraphicsRectItem] = []
        self._generation = 0
        self._signals = _FrameSignals()
        self._signals.done.connect(self._show_frame)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one ffmpeg at a time, only the latest waits

        self.view = ReviewView()
        self.view.drawn.connect(self._add_drawn)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.view.scene().addItem(self._pixmap)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.valueChanged.connect(self.set_frame)
        self.strip = TrackStrip()
        self.strip.seek.connect(self.set_frame)
        self.position = QLabel()
        self.list = QTreeWidget()
        self.list.setHeaderLabels([tr("Piste"), tr("Type"), tr("Images"), tr("État"),
                                   tr("Source")])
        self.list.setRootIsDecorated(False)
        self.list.setMaximumWidth(340)
        self.list.currentItemChanged.connect(self._list_selection)
        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = action_column(self, (
            (tr("Accepter (A)"), self.accept_current, "A"),
            (tr("Rejeter (R)"), self.reject_current, "R"),
            (tr("Dessiner une image clé (D)"), self.toggle_drawing, "D"),
            (tr("Marquer comme revu (V)"), self.mark_reviewed, "V"),
            (tr("Point d'entrée (I)"), self.set_in, "I"),
            (tr("Point de sortie (O)"), self.set_out, "O"),
            (tr("Repère (M)"), self.add_marker, "M"),
        ))
        self.detect_button = QPushButton(tr("Détecter"))
        self.detect_button.clicked.connect(self.detect)
        buttons.addWidget(self.detect_button)
        for keys, step in (("Left", -1), ("Right", 1), ("Shift+Left", -1000),
                           ("Shift+Right", 1000)):
            add_shortcut(self, keys, lambda s=step: self.step(s))

        side = QVBoxLayout()
        side.addWidget(QLabel(tr("Pistes")))
        side.addWidget(self.list, 1)
        side.addLayout(buttons)
        side.addWidget(self.status)
        main = QVBoxLayout()
        main.addWidget(self.view, 1)
        main.addWidget(self.slider)
        main.addWidget(self.strip)
        main.addWidget(self.position)
        layout = QHBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addLayout(side)
        self.bridge = DocumentBridge(self._refresh_if_valid, delay_ms=0, parent=self)

    # -- model -------------------------------------------------------------------------
    def set_item(self, op: Operation, sha: str) -> None:
        self.op, self.sha = op, sha
        self.bridge.watch(op.doc)
        self._selected = None
        self.mark_in = self.mark_out = None
        self.shown_frame = None
        self._pixmap.setPixmap(QPixmap())
        info = self.info()
        self.view.scene().setSceneRect(QRectF(0, 0, info["width"], info["height"]))
        self.slider.blockSignals(True)
        self.slider.setRange(0, self.frame_count() - 1)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self.frame = -1
        self.refresh()
        self.set_frame(0)
        self.view.fit()
        self.view.setFocus()  # the panel's shortcuts need the focus inside it

    def info(self) -> dict[str, Any]:
        return self.op.items[self.sha]["info"]  # type: ignore[union-attr,index]

    def fps(self) -> float:
        return float(self.info().get("fps") or 25.0)

    def frame_count(self) -> int:
        info = self.info()
        frames = int(info.get("frames") or round(float(info.get("duration") or 0) * self.fps()))
        return max(1, frames)

    def tracks(self) -> list[dict[str, Any]]:
        return self.op.items[self.sha].get("tracks", []) if self.op and self.sha else []

    def _refresh_if_valid(self) -> None:
        if self.op is not None and self.sha in self.op.items:
            self.refresh()

    def refresh(self) -> None:
        """Redraw from the project: track list, strip, masks of the current frame."""
        if self.op is None or self.sha is None:
            return
        tracks = self.tracks()
        if self._selected not in {t["id"] for t in tracks}:
            self._selected = None
        self._index = tracks_cmd.TrackIndex(tracks, masked_only=False)
        self.list.blockSignals(True)
        self.list.clear()
        for track in tracks:
            first, last = track["frames"]
            state = tr("accepté") if tracks_cmd.is_masked(track) else tr("rejeté")
            source = tr("manuel") if track.get("source") == "manual" else tr("auto")
            entry = QTreeWidgetItem([track["id"], track["label"], f"{first}–{last}", state,
                                     source])
            entry.setData(0, Qt.ItemDataRole.UserRole, track["id"])
            self.list.addTopLevelItem(entry)
            if track["id"] == self._selected:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        fps = self.fps()
        ranges = derush.derush_of(self.op, self.sha)["ranges"]
        self.strip.set_data(tracks, self.frame_count(), self._selected,
                            [(int(r["in"] * fps), int(r["out"] * fps)) for r in ranges])
        self._draw_overlays()
        self._update_status()

    def _update_status(self) -> None:
        item = self.op.items[self.sha]  # type: ignore[index]
        reviewed = tr("revu") if item.get("tracks_reviewed") else tr("NON REVU")
        data = derush.derush_of(self.op, self.sha)  # type: ignore[arg-type]
        text = tr("{name} — {tracks} piste(s) — {reviewed}\n{ranges} plage(s), "
                  "{markers} repère(s)").format(
            name=item["name"], tracks=len(self.tracks()), reviewed=reviewed,
            ranges=len(data["ranges"]), markers=len(data["markers"]))
        if self.mark_in is not None:
            text += "\n" + tr("Entrée : {t:.2f} s").format(t=self.mark_in)
        if self.view.drawing:
            text += "\n" + tr("Mode dessin : tracez un rectangle sur l'image.")
        self.status.setText(text)

    def _draw_overlays(self) -> None:
        scene = self.view.scene()
        for rect in self._overlays:
            scene.removeItem(rect)
        self._overlays.clear()
        if self._index is None:
            return
        scale = 1 / max(self.view.transform().m11(), 1e-3)
        for label, box, track in self._index.boxes(self.frame):
            masked = tracks_cmd.is_masked(track)
            color = ACCEPTED_PEN if masked else REJECTED_PEN
            pen = QPen(color, 4 if track["id"] == self._selected else 2)
            pen.setCosmetic(True)
            if not masked:
                pen.setStyle(Qt.PenStyle.DashLine)
            x, y, w, h = box
            rect = QGraphicsRectItem(x, y, w, h)
            rect.setPen(pen)
            fill = QColor(color)
            fill.setAlpha(40 if masked else 0)
            rect.setBrush(QBrush(fill))
            text = QGraphicsSimpleTextItem(f"{track['id']} {label}", rect)
            text.setBrush(QBrush(color))
            text.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            text.setPos(x, y - 18 * scale)
            scene.addItem(rect)
            self._overlays.append(rect)

    # -- frames ------------------------------------------------------------------------
    def set_frame(self, frame: int) -> None:
        if self.op is None or self.sha is None:
            return
        frame = max(0, min(self.frame_count() - 1, int(frame)))
        if self.slider.value() != frame:
            self.slider.blockSignals(True)
            self.slider.setValue(frame)
            self.slider.blockSignals(False)
        if frame == self.frame:
            return
        self.frame = frame
        fps = self.fps()
        self.position.setText(tr("{t:.2f} s — image {frame} / {total}").format(
            t=frame / fps, frame=frame, total=self.frame_count() - 1))
        self.strip.set_current(frame)
        self._draw_overlays()
        self._request_frame()

    def step(self, frames: int) -> None:
        """Move by ``frames``; ±1000 stands for one second either way."""
        if abs(frames) == 1000:
            frames = int(round(self.fps())) * (1 if frames > 0 else -1)
        self.set_frame(self.frame + frames)

    def time(self) -> float:
        return self.frame / self.fps()

    def _out_size(self) -> tuple[int, int]:
        """Size of the decoded frames: the displayed frame, at most MAX_WIDTH wide, even."""
        info = self.info()
        width, height = max(1, int(info["width"])), max(1, int(info["height"]))
        out_w = max(2, min(MAX_WIDTH, width) // 2 * 2)
        return out_w, max(2, int(round(height * out_w / width / 2)) * 2)

    def _request_frame(self) -> None:
        self._generation += 1
        # seek a little before the frame's time so rounding never skips it
        t = max(0.0, (self.frame - 0.25) / self.fps())
        self._pool.clear()  # requests not started yet are outdated
        self._pool.start(_FrameJob(self._signals, self._generation, self.frame,
                                   str(self.op.original_path(self.sha)),  # type: ignore[union-attr,arg-type]
                                   t, self._out_size()))

    def _show_frame(self, generation: int, frame: int, result: object) -> None:
        if generation != self._generation or self.op is None:
            return
        if isinstance(result, str):
            self.position.setText(f"{self.position.text()} — ⛔ {result}")
            return
        out_w, out_h = self._out_size()
        image = QImage(result, out_w, out_h, 3 * out_w,  # type: ignore[arg-type]
                       QImage.Format.Format_RGB888).copy()
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self._pixmap.setScale(int(self.info()["width"]) / out_w)
        self.shown_frame = frame

    # -- actions -----------------------------------------------------------------------
    def _try(self, fn) -> bool:  # noqa: ANN001
        try:
            fn()
        except (MediakitError, KeyError, ValueError) as exc:
            self.status.setText(f"⛔ {exc}")
            return False
        self.op.save()  # type: ignore[union-attr]
        return True

    def select_track(self, track_id: str | None) -> None:
        self._selected = track_id
        self.refresh()

    def _list_selection(self, current, _previous) -> None:  # noqa: ANN001
        if current is not None:
            self.select_track(current.data(0, Qt.ItemDataRole.UserRole))

    def _set_state(self, state: str) -> None:
        if self.op and self.sha and self._selected:
            op, sha, track_id = self.op, self.sha, self._selected
            self._try(lambda: tracks_cmd.set_state(op, sha, track_id, state))

    def accept_current(self) -> None:
        self._set_state(tracks_cmd.ACCEPTED)

    def reject_current(self) -> None:
        self._set_state(tracks_cmd.REJECTED)

    def mark_reviewed(self) -> None:
        if self.op and self.sha:
            op, sha = self.op, self.sha
            self._try(lambda: tracks_cmd.mark_reviewed(op, sha))

    def toggle_drawing(self) -> None:
        self.view.drawing = not self.view.drawing
        self.view.setCursor(Qt.CursorShape.CrossCursor if self.view.drawing
                            else Qt.CursorShape.ArrowCursor)
        if self.op and self.sha:
            self._update_status()

    def _add_drawn(self, rect: QRectF) -> None:
        if not (self.op and self.sha):
            return
        op, sha, frame = self.op, self.sha, self.frame
        box = (rect.x(), rect.y(), rect.width(), rect.height())
        if self._selected:
            track_id = self._selected
            self._try(lambda: tracks_cmd.set_keyframe(op, sha, track_id, frame, box))
        else:  # a new manual track, held for one second from this frame
            last = min(self.frame_count() - 1, frame + int(round(self.fps())))
            created: list[str] = []
            if self._try(lambda: created.append(
                    tracks_cmd.add_track(op, sha, "face", frame, box, last=last))):
                self._selected = created[0]
        self.toggle_drawing()

    def set_in(self) -> None:
        self.mark_in = self.time()
        self._maybe_add_range()
        if self.op and self.sha:
            self._update_status()

    def set_out(self) -> None:
        self.mark_out = self.time()
        self._maybe_add_range()

    def _maybe_add_range(self) -> None:
        if not (self.op and self.sha) or self.mark_in is None or self.mark_out is None:
            return
        op, sha, in_, out = self.op, self.sha, self.mark_in, self.mark_out
        if out <= in_:
            self.mark_out = None
            self.status.setText(tr("La sortie doit suivre l'entrée."))
            return
        self.mark_in = self.mark_out = None
        self._try(lambda: derush.add_range(op, sha, in_, out, note=""))

    def add_marker(self) -> None:
        if self.op and self.sha:
            op, sha, t = self.op, self.sha, self.time()
            self._try(lambda: derush.add_marker(op, sha, t))

    def detect(self) -> None:
        if self.op is None or self.sha is None or self.worker is not None:
            return
        op, sha = self.op, self.sha

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            from mediakit.privacy.detector import Detector
            from mediakit.video.operation import detect_item

            found = detect_item(op, sha, Detector(profile="video"),
                                progress=lambda d, t: progress(d, t, op.items[sha]["name"]))
            op.save()
            return len(found)

        self.detect_button.setEnabled(False)
        self.status.setText(tr("Détection en cours…"))
        self.worker = Worker(task)
        self.worker.finished.connect(self._detected)
        self.worker.failed.connect(self._detect_failed)
        self.worker.start()

    def _end_worker(self) -> None:
        if self.worker is not None:
            self.worker.thread.wait(5000)
        self.worker = None
        self.detect_button.setEnabled(True)

    def _detected(self, count: int) -> None:
        self._end_worker()
        self.refresh()
        self.status.setText(self.status.text() + "\n"
                            + tr("{count} piste(s) détectée(s)").format(count=count))

    def _detect_failed(self, message: str) -> None:
        self._end_worker()
        self.status.setText(f"⛔ {message}")
