"""Montage editor: the timeline's clips (drag to reorder, in/out to trim, transitions),
titles and lower-thirds, a frame preview at any time, and rendering off the UI thread.
Every edit is a core timeline command (undoable)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.workers import Worker
from mediakit.video.montage import timeline as tl_cmd

TRANSITIONS = {"cut": "Coupe franche", "crossfade": "Fondu enchaîné",
               "dip_black": "Passage au noir", "dip_white": "Passage au blanc"}


class _FrameSignals(QObject):
    done = Signal(int, object)


class _FrameJob(QRunnable):
    def __init__(self, panel: MontagePanel, t: float, generation: int) -> None:
        super().__init__()
        self.panel, self.t, self.generation = panel, t, generation
        self.timeline = dict(panel.timeline())
        self.signals = panel._signals

    def run(self) -> None:
        from mediakit.video.montage.preview import preview_frame

        try:
            result: object = preview_frame(self.panel.op, self.timeline, self.t)
        except MediakitError as exc:
            result = str(exc)
        except Exception as exc:  # noqa: BLE001 - never let an exception reach Qt's pool
            result = f"aperçu impossible : {exc}"
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            self.signals.done.emit(self.generation, result)


class MontagePanel(QWidget):
    """Edit one timeline of the operation (named ``principal`` by default)."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.name = "principal"
        self.worker: Worker | None = None
        self._signals = _FrameSignals()
        self._signals.done.connect(self._show_frame)
        self._generation = 0
        self.bridge = DocumentBridge(self.refresh, delay_ms=50, parent=self)
        self.clips = QListWidget()
        self.clips.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.clips.model().rowsMoved.connect(self._rows_moved)
        self.clips.currentRowChanged.connect(self._load_clip)
        self.in_box, self.out_box = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self.in_box, self.out_box):
            box.setRange(0, 36000)
            box.setDecimals(2)
            box.setSingleStep(0.1)
            box.setSuffix(" s")
        self.transition = QComboBox()
        for key, label in TRANSITIONS.items():
            self.transition.addItem(label, key)
        apply_button = QPushButton(tr("Appliquer au clip"))
        apply_button.clicked.connect(self.apply_clip)
        clip_form = QFormLayout()
        clip_form.addRow(tr("Entrée"), self.in_box)
        clip_form.addRow(tr("Sortie"), self.out_box)
        clip_form.addRow(tr("Transition"), self.transition)
        clip_form.addRow(apply_button)
        self.titles = QListWidget()
        self.title_text = QLineEdit()
        self.title_text.setPlaceholderText(tr("Texte du titre, ou Nom | Fonction"))
        self.title_start, self.title_end = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self.title_start, self.title_end):
            box.setRange(0, 36000)
            box.setSuffix(" s")
        add_title = QPushButton(tr("Ajouter le titre"))
        add_title.clicked.connect(self.add_title)
        title_row = QHBoxLayout()
        for w in (self.title_text, self.title_start, self.title_end, add_title):
            title_row.addWidget(w)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 270)
        self.time = QSlider(Qt.Orientation.Horizontal)
        self.time.setRange(0, 600)
        self.time.valueChanged.connect(lambda _v: self._timer.start())
        self.time_label = QLabel("0.0 s")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.render_button = QPushButton(tr("Rendre la vidéo"))
        self.render_button.clicked.connect(self.render)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_preview)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Clips (glisser pour réordonner)")))
        left.addWidget(self.clips, 1)
        left.addLayout(clip_form)
        left.addWidget(QLabel(tr("Titres et bandeaux")))
        left.addWidget(self.titles)
        left.addLayout(title_row)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time, 1)
        time_row.addWidget(self.time_label)
        right.addLayout(time_row)
        right.addWidget(self.render_button)
        right.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

    # -- model -------------------------------------------------------------------------
    def set_operation(self, op: Operation | None, name: str = "principal") -> None:
        self.op, self.name = op, name
        self.bridge.watch(op.doc if op else None)
        self.refresh()

    def timeline(self) -> dict[str, Any]:
        if self.op is None:
            return {}
        return self.op.doc.get(("timelines", self.name)) or {}

    def refresh(self) -> None:
        tl = self.timeline()
        row = self.clips.currentRow()
        self.clips.blockSignals(True)
        self.clips.clear()
        for i, clip in enumerate(tl.get("clips", [])):
            label = tl_cmd.clip_label(i, clip)
            ref = clip.get("item")
            if ref and self.op is not None and ref in self.op.items:
                label = label.replace(ref, self.op.items[ref]["name"])
            self.clips.addItem(QListWidgetItem(label))
        self.clips.blockSignals(False)
        if tl.get("clips"):
            self.clips.setCurrentRow(min(max(row, 0), self.clips.count() - 1))
        self.titles.clear()
        for title in tl.get("titles", []):
            text = title.get("text") or f"{title.get('name', '')} — {title.get('function', '')}"
            self.titles.addItem(f"{title.get('start', 0):.1f}–{title.get('end', 0):.1f} s  {text}")
        self.setEnabled(bool(tl))
        if not tl:
            self.message.setText(tr("Aucun montage dans cette opération pour l'instant."))
        else:
            self._timer.start()

    def _load_clip(self, row: int) -> None:
        clips = self.timeline().get("clips", [])
        if not 0 <= row < len(clips):
            return
        clip = clips[row]
        self.in_box.setValue(float(clip.get("in", 0.0)))
        self.out_box.setValue(float(clip.get("out", clip.get("duration", 0.0))))
        self.in_box.setEnabled(clip.get("type", "video") == "video")
        kind = (clip.get("transition") or {}).get("type", "cut")
        self.transition.setCurrentIndex(max(0, self.transition.findData(kind)))

    # -- edits -------------------------------------------------------------------------
    def _try(self, fn) -> bool:  # noqa: ANN001
        try:
            fn()
        except MediakitError as exc:
            self.message.setText(f"✖ {exc}")
            return False
        self.op.save()
        self.message.setText("")
        return True

    def _rows_moved(self, _parent, start: int, _end: int, _dest, row: int) -> None:  # noqa: ANN001
        dst = row - 1 if row > start else row
        if not self._try(lambda: tl_cmd.move_clip(self.op, self.name, start, dst)):
            self.refresh()

    def move_clip(self, src: int, dst: int) -> None:
        self._try(lambda: tl_cmd.move_clip(self.op, self.name, src, dst))

    def apply_clip(self) -> None:
        row = self.clips.currentRow()
        clip = self.timeline().get("clips", [])[row]
        kind = self.transition.currentData()
        changes: dict[str, Any] = {"transition": {"type": kind, "duration": 0.5}
                                   if kind != "cut" else None}
        if clip.get("type", "video") == "video":
            changes.update({"in": self.in_box.value(), "out": self.out_box.value()})
        else:
            changes["duration"] = self.out_box.value()
        self._try(lambda: tl_cmd.update_clip(self.op, self.name, row, **changes))

    def add_title(self) -> None:
        text = self.title_text.text().strip()
        if not text:
            return
        start, end = self.title_start.value(), self.title_end.value()
        if "|" in text:
            name, function = (p.strip() for p in text.split("|", 1))
            title = {"type": "lower_third", "name": name, "function": function,
                     "start": start, "end": end}
        else:
            title = {"type": "title", "text": text, "start": start, "end": end}
        if self._try(lambda: tl_cmd.add_title(self.op, self.name, title)):
            self.title_text.clear()

    # -- preview and render ------------------------------------------------------------
    def update_preview(self) -> None:
        if not self.timeline():
            return
        t = self.time.value() / 10
        self.time_label.setText(f"{t:.1f} s")
        self._generation += 1
        QThreadPool.globalInstance().start(_FrameJob(self, t, self._generation))

    def _show_frame(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, str):
            self.message.setText(f"✖ {result}")
            return
        frame = result
        h, w = frame.shape[:2]
        image = QImage(frame.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def render(self, out: Path | None = None) -> None:
        from mediakit.video.montage.render import render_timeline

        if self.op is None or self.worker is not None:
            return
        op, timeline = self.op, dict(self.timeline())
        out = out or op.exports_dir / f"montage_{self.name}.mp4"

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            return render_timeline(op, timeline, out, channel="youtube",
                                   progress=lambda f: progress(int(f * 100), 100, ""),
                                   cancelled=cancelled)

        self.worker = Worker(task)
        self.worker.finished.connect(self._rendered)
        self.worker.failed.connect(self._render_failed)
        self.render_button.setEnabled(False)
        self.message.setText(tr("Rendu en cours…"))
        self.worker.start()

    def _end(self) -> None:
        self.worker.thread.wait(5000)
        self.worker = None
        self.render_button.setEnabled(True)

    def _rendered(self, result) -> None:  # noqa: ANN001
        self._end()
        self.message.setText(f"{result.get('output', '')} — {result.get('duration', 0):.1f} s")

    def _render_failed(self, message: str) -> None:
        self._end()
        self.message.setText(f"✖ {message}")
