"""Montage editor: montages created from the chutier's selection, their clips (drag to
reorder, in/out to trim, transitions, remove), titles and lower-thirds (add, remove), a frame
preview at any instant of the montage's real length, and rendering off the UI thread with
progress and cancel. Every edit is a core timeline command (undoable)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediakit.channels.naming import slug
from mediakit.errors import MediakitError
from mediakit.library import deliverables
from mediakit.library.deliverables import RENDERS_DIR
from mediakit.library.project import Operation
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.item_state import item_state
from mediakit.ui.labels import kind_name
from mediakit.ui.messages import plain
from mediakit.ui.numbers import seconds_box
from mediakit.ui.preview_label import ScaledPreview
from mediakit.ui.widgets import TimeSlider
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


class SourcesDialog(QDialog):
    """The rushes and photos of the operation, to tick for a new montage (when nothing is
    selected in the Chutier): the officer never has to leave the tab to start one."""

    def __init__(self, parent: QWidget | None, op: Operation) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nouveau montage : rushes et photos"))
        self.items = QListWidget()
        for sha in sorted(op.items, key=lambda s: op.items[s]["name"]):
            item = op.items[sha]
            if item.get("kind") not in ("photo", "video"):
                continue
            entry = QListWidgetItem(f"{item['name']} ({kind_name(item['kind'])}) — "
                                    f"{item_state(item).text}")
            entry.setData(Qt.ItemDataRole.UserRole, sha)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(entry)
        self.items.itemChanged.connect(lambda _entry: self._update())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Cochez les rushes et les photos du montage, dans l'ordre "
                                   "où ils se suivront (vous pourrez les réordonner).")))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.buttons)
        self._order: list[str] = []
        self._update()

    def _update(self) -> None:
        ticked = [self.items.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.items.count())
                  if self.items.item(i).checkState() == Qt.CheckState.Checked]
        self._order = [s for s in self._order if s in ticked] + [
            s for s in ticked if s not in self._order]  # the order they were ticked in
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ticked))

    def chosen(self) -> list[str]:
        return list(self._order)


class MontagePanel(QWidget):
    """Create and edit the operation's montages (timelines), one at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.name = "principal"
        self.worker: Worker | None = None
        self.selection: Callable[[], list[str]] = list  # the chutier's selected items
        self.montages = QComboBox()
        self.montages.currentTextChanged.connect(self._choose)
        new_button = QPushButton(tr("Nouveau montage…"))
        new_button.setToolTip(tr("Crée un montage avec les rushes et photos sélectionnés "
                                 "dans le Chutier, dans l'ordre de la sélection"))
        new_button.clicked.connect(lambda: self.new_montage())
        self.add_button = QPushButton(tr("Ajouter la sélection du Chutier"))
        self.add_button.clicked.connect(self.add_selection)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Montage")))
        top.addWidget(self.montages, 1)
        top.addWidget(new_button)
        top.addWidget(self.add_button)
        self._signals = _FrameSignals()
        self._signals.done.connect(self._show_frame)
        self._generation = 0
        self._time_text = ""  # the preview instant, shown beside the slider
        self.bridge = DocumentBridge(self.refresh, delay_ms=50, parent=self)
        self.clips = QListWidget()
        self.clips.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.clips.model().rowsMoved.connect(self._rows_moved)
        self.clips.currentRowChanged.connect(self._load_clip)
        self.in_box, self.out_box = seconds_box(), seconds_box()
        self.transition = QComboBox()
        for key, label in TRANSITIONS.items():
            self.transition.addItem(label, key)
        apply_button = QPushButton(tr("Appliquer au clip"))
        apply_button.clicked.connect(self.apply_clip)
        remove_clip = QPushButton(tr("Retirer le clip"))
        remove_clip.clicked.connect(self.remove_clip)
        clip_buttons = QHBoxLayout()
        clip_buttons.addWidget(apply_button)
        clip_buttons.addWidget(remove_clip)
        clip_form = QFormLayout()
        clip_form.addRow(tr("Entrée"), self.in_box)
        clip_form.addRow(tr("Sortie / durée"), self.out_box)
        clip_form.addRow(tr("Transition"), self.transition)
        clip_form.addRow(clip_buttons)
        self.titles = QListWidget()
        self.title_text = QLineEdit()
        self.title_text.setPlaceholderText(tr("Texte du titre, ou Nom | Fonction"))
        self.title_start, self.title_end = seconds_box(), seconds_box()
        self.title_end.setValue(3.0)
        add_title = QPushButton(tr("Ajouter"))
        add_title.clicked.connect(self.add_title)
        remove_title = QPushButton(tr("Supprimer le titre"))
        remove_title.clicked.connect(self.remove_title)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(tr("de")))
        title_row.addWidget(self.title_start)
        title_row.addWidget(QLabel(tr("à")))
        for w in (self.title_end, add_title, remove_title):
            title_row.addWidget(w)
        self.preview = ScaledPreview()
        self.preview.setMinimumSize(320, 180)
        self.time = TimeSlider()
        self.time.setRange(0, 0)
        self.time.valueChanged.connect(lambda _v: self._timer.start())
        self.time_label = QLabel("0.0 s")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.render_button = QPushButton(tr("Rendre la vidéo"))
        self.render_button.clicked.connect(lambda: self.render())
        self.render_progress = QProgressBar()
        self.render_progress.setVisible(False)
        self.cancel_button = QPushButton(tr("Annuler le rendu"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_render)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_preview)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Clips (glisser pour réordonner)")))
        left.addWidget(self.clips, 1)
        left.addLayout(clip_form)
        left.addWidget(QLabel(tr("Titres et bandeaux")))
        left.addWidget(self.titles)
        left.addWidget(self.title_text)
        left.addLayout(title_row)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time, 1)
        time_row.addWidget(self.time_label)
        right.addLayout(time_row)
        render_row = QHBoxLayout()
        render_row.addWidget(self.render_button)
        render_row.addWidget(self.render_progress, 1)
        render_row.addWidget(self.cancel_button)
        right.addLayout(render_row)
        self.editor = QWidget()
        body = QHBoxLayout(self.editor)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)

    # -- model -------------------------------------------------------------------------
    def set_operation(self, op: Operation | None, name: str | None = None) -> None:
        self.op = op
        names = self.names()
        self.name = name or (names[0] if names else "principal")
        self.bridge.watch(op.doc if op else None)
        self.refresh()

    def names(self) -> list[str]:
        """The operation's montages, by name."""
        return sorted((self.op.doc.get(("timelines",)) or {}) if self.op else {})

    def _choose(self, name: str) -> None:
        if name and name != self.name:
            self.name = name
            self.refresh()

    def new_montage(self, name: str | None = None, shas: list[str] | None = None) -> bool:
        """A new montage from the chutier's selection (or ``shas``), named by the user."""
        if self.op is None:
            return False
        shas = list(shas if shas is not None else self.selection())
        if not shas and name is None:  # nothing selected in the Chutier: choose here
            dialog = SourcesDialog(self, self.op)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            shas = dialog.chosen()
        if name is None:
            name, ok = QInputDialog.getText(self, tr("Nouveau montage"),
                                            tr("Nom du montage :"),
                                            text=f"montage {len(self.names()) + 1}")
            if not ok:
                return False
        if self._try(lambda: tl_cmd.new_timeline(self.op, name, shas)):
            self.name = name.strip()
            self.refresh()
            return True
        return False

    def add_selection(self) -> None:
        if self.op is not None and self.timeline():
            self._try(lambda: tl_cmd.add_items(self.op, self.name, self.selection()) or
                      _raise(tr("choisissez d'abord des rushes ou des photos dans le Chutier")))

    def duration(self) -> float:
        """The montage's real length in seconds."""
        return tl_cmd.timeline_seconds(self.op, self.timeline()) if self.timeline() else 0.0

    def timeline(self) -> dict[str, Any]:
        if self.op is None:
            return {}
        return self.op.doc.get(("timelines", self.name)) or {}

    def refresh(self) -> None:
        names = self.names()
        self.montages.blockSignals(True)
        self.montages.clear()
        self.montages.addItems(names)
        if self.name in names:
            self.montages.setCurrentText(self.name)
        self.montages.blockSignals(False)
        tl = self.timeline()
        row = self.clips.currentRow()
        self.clips.blockSignals(True)
        self.clips.clear()
        for i, clip in enumerate(tl.get("clips", [])):
            ref = clip.get("item")
            name = self.op.items[ref]["name"] if ref and ref in self.op.items else (
                ref or clip.get("file") or clip.get("text") or clip.get("title") or "")
            seconds = tl_cmd.clip_seconds(self.op, clip)
            named = f" — {name}" if name else ""  # a card has no source: its titles name it
            label = f"{i + 1}. {kind_name(clip.get('type', 'video'))}{named} ({seconds:.1f} s)"
            self.clips.addItem(QListWidgetItem(_fr(label)))
        self.clips.blockSignals(False)
        if tl.get("clips"):
            self.clips.setCurrentRow(min(max(row, 0), self.clips.count() - 1))
        self.titles.clear()
        for title in tl.get("titles", []):
            text = title.get("text") or f"{title.get('name', '')} — {title.get('function', '')}"
            self.titles.addItem(_fr(f"{title.get('start', 0):.1f}–{title.get('end', 0):.1f} s"
                                    f"  {kind_name(title.get('type', 'title'))} : {text}"))
        self.editor.setEnabled(bool(tl))
        self.add_button.setEnabled(bool(tl))
        ticks = int(round(self.duration() * 10))
        self.time.setRange(0, max(0, ticks - 1))  # the last frame starts just before the end
        if not tl:
            self.message.setText(tr("Aucun montage dans cette opération : « Nouveau "
                                    "montage… » le fait avec les rushes et les photos "
                                    "sélectionnés dans le Chutier, ou avec ceux que vous "
                                    "cocherez."))
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
            self.message.setText(f"✖ {plain(str(exc))}")
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

    def remove_clip(self, row: int | None = None) -> None:
        row = self.clips.currentRow() if row is None else row
        if 0 <= row < len(self.timeline().get("clips", [])):
            if len(self.timeline()["clips"]) == 1:
                self.message.setText(tr("✖ un montage garde au moins un clip"))
                return
            self._try(lambda: tl_cmd.remove_clip(self.op, self.name, row))

    def remove_title(self, row: int | None = None) -> None:
        row = self.titles.currentRow() if row is None else row
        if 0 <= row < len(self.timeline().get("titles", [])):
            self._try(lambda: tl_cmd.remove_title(self.op, self.name, row))

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
        t = min(self.time.value() / 10, max(0.0, self.duration() - 0.05))
        self._time_text = _fr(f"{t:.1f} s / {self.duration():.1f} s")
        # the frame takes a few seconds to compose: say so until it is shown
        self.time_label.setText(self._time_text + " · " + tr("aperçu en préparation…"))
        self._generation += 1
        QThreadPool.globalInstance().start(_FrameJob(self, t, self._generation))

    def _show_frame(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self.time_label.setText(self._time_text)
        if isinstance(result, str):
            self.message.setText(f"✖ {result}")
            return
        frame = result
        h, w = frame.shape[:2]
        image = QImage(frame.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.preview.setPixmap(QPixmap.fromImage(image))

    def render(self, out: Path | None = None, speed: str = "medium") -> None:
        from mediakit.video.montage.render import render_timeline

        if self.op is None or self.worker is not None or not self.timeline():
            return
        op, timeline = self.op, dict(self.timeline())
        name = self.name
        out = out or op.root / RENDERS_DIR / f"montage_{slug(name, 40)}.mp4"

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            result = render_timeline(op, timeline, out, channel="youtube", speed=speed,
                                     progress=lambda f: progress(int(f * 100), 100, ""),
                                     cancelled=cancelled)
            # kept as an item: exported per channel, packed and published like a rush
            result["item"] = deliverables.register(op, out, deliverables.MONTAGE,
                                                   f"montage {name}", result["sources"])
            return result

        self.worker = Worker(task)
        self.worker.progress.connect(lambda done, _total, _name:
                                     self.render_progress.setValue(done))
        self.worker.finished.connect(self._rendered)
        self.worker.failed.connect(self._render_failed)
        self.render_button.setEnabled(False)
        self.render_progress.setRange(0, 100)
        self.render_progress.setValue(0)
        self.render_progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.message.setText(tr("Rendu en cours…"))
        self.worker.start()

    def cancel_render(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _end(self) -> None:
        self.worker.thread.wait(5000)
        self.worker = None
        self.render_button.setEnabled(True)
        self.render_progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _rendered(self, result) -> None:  # noqa: ANN001
        self._end()
        text = _fr(tr("Montage rendu ({seconds:.1f} s) : il figure dans le Chutier et "
                      "l'onglet Export.").format(seconds=result.get("duration", 0)))
        charte = result.get("charte")  # the charte's legibility check of the rendered frames
        if charte is not None:
            text += "\n" + (tr("Charte : lisibilité conforme ({count} élément(s) mesuré(s)).")
                            .format(count=len(charte["elements"])) if charte["ok"] else
                            tr("✖ Charte : {issues}").format(
                                issues=" ; ".join(i["message"] for i in charte["issues"])))
        self.message.setText(text)

    def _render_failed(self, message: str) -> None:
        cancelled = self.worker is not None and getattr(self.worker, "was_cancelled", False)
        self._end()
        self.message.setText(tr("Rendu annulé : aucun fichier écrit.") if cancelled
                             else f"✖ {plain(message)}")


def _fr(text: str) -> str:
    """Decimal points of a displayed text as French commas (« 2,5 s »)."""
    import re

    return re.sub(r"(?<=\d)\.(?=\d)", ",", text)


def _raise(message: str) -> None:
    raise MediakitError(message)
