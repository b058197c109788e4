"""Review of a rush's tracks: the frame at the playhead with its masks, frame stepping,
playback with sound (Qt Multimedia, the masks drawn over the moving picture), the track list
(masquer/écarter, first/last frame), a presence strip, keyframes drawn, moved and resized with
the mouse, detection off the UI thread, the dérushage marks (in/out ranges, markers), and
the voice disguise (« voix modifiée ») of a range selected on the band or with I/O, heard
before/after from a short preview rendered off the UI thread.

Suspect tracks (« à vérifier », detections below the masking threshold) come first in the
list, dashed orange on the frame; Tab goes to the next undecided one, A/M masks it, R/X
dismisses it. A drawn box makes a new manual track (« Nouvelle piste », N) unless the
selected track is a masked manual one being drawn; adding a keyframe to any masked track is
its own action (E), refused on a track left visible or still to check.

Every change goes through :mod:`mediakit.video.tracks`, :mod:`mediakit.video.voice` and
:mod:`mediakit.video.montage.derush` (undoable commands, audit trail); this widget only
draws the project's state and turns gestures into those calls.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QObject,
    QRectF,
    QRunnable,
    QSizeF,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsPixmapItem,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.media.ffmpeg import ffmpeg_exe
from mediakit.privacy.masking import MaskStyle, apply_masks
from mediakit.privacy.regions import BoxTuple
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.item_state import item_state
from mediakit.ui.labels import region_name, source_detail, source_name, state_name
from mediakit.ui.mask_review import ACCEPTED_PEN, REJECTED_PEN, BoxItem, ReviewView
from mediakit.ui.messages import plain
from mediakit.ui.widgets import ERROR_MARK, TimeSlider, add_shortcut
from mediakit.ui.workers import Worker
from mediakit.video import tracks as tracks_cmd
from mediakit.video import voice as voice_cmd
from mediakit.video.montage import derush

MAX_WIDTH = 960  # decoded frames are scaled down to this width at most
SELECTED_PEN = QColor("#0063cb")
SUSPECT_PEN = QColor("#d97706")  # « à vérifier »: the chutier's badge colour
MARK_PEN = QColor("#b34000")
VOICE_PEN = QColor("#8b3fd9")  # disguised ranges, under the strip
SELECTION_BRUSH = QColor(0, 99, 203, 90)  # the range selected on the strip
DRAG_PIXELS = 4  # a press that moves less than this is a click (seek), not a selection
BOX_WIDTH, SELECTED_WIDTH = 2, 4  # pen widths of the track boxes
NEW, KEYFRAME, AUTO = "new", "keyframe", "auto"  # where the next drawn box goes
COLUMNS = 5  # piste, type, images, état, source


def is_suspect(track: dict[str, Any]) -> bool:
    """A track still waiting for the officer's decision (« à vérifier »)."""
    return track.get("state") == tracks_cmd.SUSPECT


def review_order(tracks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Undecided suspects first (by first frame), then the others as stored."""
    pending = sorted((t for t in tracks if is_suspect(t)),
                     key=lambda t: (int(t["frames"][0]), t["id"]))
    return pending + [t for t in tracks if not is_suspect(t)]


def track_colour(track: dict[str, Any]) -> QColor:
    if is_suspect(track):
        return SUSPECT_PEN
    return ACCEPTED_PEN if tracks_cmd.is_masked(track) else REJECTED_PEN


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
    """Decode one frame; with ``masks`` (boxes in decoded pixels), mask it as the export will."""

    def __init__(self, signals: _FrameSignals, generation: int, frame: int, path: str,
                 t: float, size: tuple[int, int], masks: list[BoxTuple] | None = None) -> None:
        super().__init__()
        self.signals, self.generation, self.frame = signals, generation, frame
        self.path, self.t, self.size, self.masks = path, t, size, masks

    def run(self) -> None:
        result = decode_frame(self.path, self.t, *self.size)
        if self.masks and isinstance(result, bytes):
            rgb = np.frombuffer(result, np.uint8).reshape(self.size[1], self.size[0], 3).copy()
            apply_masks(rgb, self.masks, MaskStyle())
            result = rgb.tobytes()
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            self.signals.done.emit(self.generation, self.frame, result)


class TrackStrip(QWidget):
    """Where each track is present: one row per track, coloured spans, the disguised
    voice ranges underneath; a click seeks, a drag selects a range of frames."""

    seek = Signal(int)
    selected_range = Signal(int, int)  # first, last frame dragged over
    ROW = 7
    VOICE = 4  # height of the disguised-voice band

    def __init__(self) -> None:
        super().__init__()
        self.tracks: list[dict[str, Any]] = []
        self.frames = 1
        self.current = 0
        self.selected: str | None = None
        self.marks: list[tuple[int, int]] = []  # dérushage ranges, in frames
        self.voice: list[tuple[int, int]] = []  # disguised ranges, in frames
        self.selection: tuple[int, int] | None = None  # in frames
        self._press: tuple[float, int] | None = None  # x and frame of a press being dragged
        self.setMinimumHeight(24)
        # a click keeps the focus in the panel: its shortcuts (Maj+V…) go on working
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def set_data(self, tracks: list[dict[str, Any]], frames: int, selected: str | None,
                 marks: list[tuple[int, int]],
                 voice: list[tuple[int, int]] | None = None) -> None:
        self.tracks, self.frames, self.selected, self.marks = tracks, max(1, frames), \
            selected, marks
        self.voice = voice or []
        self.setMinimumHeight(max(24, 6 + self.VOICE + self.ROW * len(tracks)))
        self.update()

    def set_selection(self, selection: tuple[int, int] | None) -> None:
        self.selection = selection
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
            color = track_colour(track)
            if track["id"] == self.selected:
                color = SELECTED_PEN
            rect = QRectF(self._x(first), 4 + row * self.ROW,
                          max(2.0, self._x(last + 1) - self._x(first)), self.ROW - 2)
            p.fillRect(rect, color)
        for first, last in self.voice:
            p.fillRect(QRectF(self._x(first), self.height() - self.VOICE,
                              max(2.0, self._x(last + 1) - self._x(first)), self.VOICE),
                       VOICE_PEN)
        if self.selection is not None:
            first, last = self.selection
            p.fillRect(QRectF(self._x(first), 0, max(2.0, self._x(last + 1) - self._x(first)),
                              self.height()), SELECTION_BRUSH)
        p.setPen(QPen(QColor("white"), 1))
        x = self._x(self.current + 0.5)
        p.drawLine(int(x), 0, int(x), self.height())
        p.end()

    def _frame_at(self, x: float) -> int:
        return max(0, min(self.frames - 1, int(x * self.frames / max(1, self.width()))))

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.width() > 0:
            frame = self._frame_at(event.position().x())
            self._press = (event.position().x(), frame)
            self.seek.emit(frame)

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self._press is None or abs(event.position().x() - self._press[0]) < DRAG_PIXELS:
            return
        frame = self._frame_at(event.position().x())
        self.set_selection((min(frame, self._press[1]), max(frame, self._press[1])))

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if abs(event.position().x() - press[0]) >= DRAG_PIXELS and self.selection:
            self.selected_range.emit(*self.selection)


class RushReviewPanel(QWidget):
    """Review of one rush's tracks and its dérushage marks (``next_requested``: the window
    opens the next item still to review).

    Paused, the picture is a still decoded by ffmpeg at the playhead; playing, a Qt
    Multimedia player renders the original into a video item of the same scene, under the
    track boxes, and its position drives the playhead. The player is created on first use, so
    the screen works (without playback) where Qt Multimedia has no backend.
    """

    next_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.sha: str | None = None
        self.worker: Worker | None = None
        self.frame = 0
        self.shown_frame: int | None = None  # frame of the picture on screen
        self.mark_in: float | None = None
        self.mark_out: float | None = None
        self.selection: tuple[float, float | None] | None = None  # seconds; None: to the end
        self._voice_seed = voice_cmd.new_seed()  # a preview heard before the first range
        self.preview_worker: Worker | None = None
        self.last_preview: Any = None  # Path of the preview last heard
        self._audio_player: Any = None  # QMediaPlayer for the previews
        self._preview_treated = False  # what the preview being rendered is
        self._selected: str | None = None
        self._index: tracks_cmd.TrackIndex | None = None
        self._overlays: dict[str, BoxItem] = {}
        self.show_masked = False  # "after": the frame masked as exported, no boxes
        self._player: Any = None  # QMediaPlayer, created by _ensure_player
        self._video: Any = None  # its QGraphicsVideoItem
        self._start_ms: int | None = None  # where to start once the rush is loaded
        self._generation = 0
        self._signals = _FrameSignals()
        self._signals.done.connect(self._show_frame)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one ffmpeg at a time, only the latest waits

        self.view = ReviewView()
        self.view.drawn.connect(self._add_drawn)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._pixmap.setZValue(-2)  # under the video, under the boxes
        self.view.scene().addItem(self._pixmap)
        self.slider = TimeSlider()
        self.slider.valueChanged.connect(self.set_frame)
        self.strip = TrackStrip()
        self.strip.seek.connect(self.set_frame)
        self.strip.selected_range.connect(self._strip_selected)
        self.voice_preset = QComboBox()
        for text, preset in ((tr("Voix plus grave"), "grave"), (tr("Voix plus aiguë"), "aigu")):
            self.voice_preset.addItem(text, preset)
        self.voice_preset.setToolTip(tr("Voix modifiée : plus grave ou plus aiguë (une seule "
                                        "pour tout le rush)"))
        self.position = QLabel()
        self.play_button = QPushButton(tr("Lecture (Espace)"))
        self.play_button.clicked.connect(self.toggle_play)
        self._draw_mode = AUTO  # NEW, KEYFRAME or AUTO, while self.view.drawing
        self._draw_track: str | None = None  # the track a KEYFRAME drawing goes to
        self.list = QTreeWidget()
        self.list.setHeaderLabels([tr("Piste"), tr("Type"), tr("Images"), tr("État"),
                                   tr("Source")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,  # long labels elide
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.list.currentItemChanged.connect(self._list_selection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # long messages wrap: they never widen the side column (the picture would jump)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.detect_button = QPushButton(tr("Détecter"))
        self.detect_button.clicked.connect(self.detect)
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(6)
        buttons.setVerticalSpacing(4)
        for row, pair in enumerate((
            ((tr("Masquer (A ou M)"), self.accept_current, ("A", "M")),
             (tr("Laisser visible (R ou X)"), self.reject_current, ("R", "X"))),
            ((tr("Nouvelle piste (N)"), self.new_track, ("N",)),
             (tr("À vérifier suivante (Tab)"), self.next_suspect, ("Tab",))),
            ((tr("Ajouter une image clé à la piste (E)"), self.add_keyframe, ("E",)),),
            ((tr("Dessiner un cadre (D)"), self.toggle_drawing, ("D",)),
             (tr("Retirer l'image clé (Suppr)"), self.remove_keyframe, ("Delete",))),
            ((tr("Début de piste ici ([)"), self.set_track_first, ("[",)),
             (tr("Fin de piste ici (])"), self.set_track_last, ("]",))),
            ((tr("Point d'entrée (I)"), self.set_in, ("I",)),
             (tr("Point de sortie (O)"), self.set_out, ("O",))),
            ((tr("Repère (Maj+M)"), self.add_marker, ("Shift+M",)),
             (tr("Avant / après (B)"), self.toggle_masked, ("B",))),
            ((tr("Marquer comme revu (V)"), self.mark_reviewed, ("V",)), None),
            ((tr("Élément suivant à relire (F3)"), self.next_requested.emit, ()),),
            ((tr("Voix modifiée (Maj+V)"), self.disguise_selection, ("Shift+V",)),
             (tr("Voix d'origine"), self.restore_selection, ())),
            ((tr("Écouter avant"), self.listen_before, ()),
             (tr("Écouter après"), self.listen_after, ())),
            ((tr("Tout le rush"), self.select_whole, ()), "preset"),
        )):
            for column, action in enumerate(pair):
                if action is None:
                    buttons.addWidget(self.detect_button, row, column)
                    continue
                if action == "preset":
                    buttons.addWidget(self.voice_preset, row, column)
                    continue
                text, slot, keys = action
                button = QPushButton(text)
                button.clicked.connect(slot)
                buttons.addWidget(button, row, column, 1, 2 if len(pair) == 1 else 1)
                what = text.rsplit(" (", 1)[0]
                for key in keys:
                    add_shortcut(self, key, slot, what)
        for keys, step, text in (("Left", -1, tr("Image précédente")),
                                 ("Right", 1, tr("Image suivante")),
                                 ("Shift+Left", -1000, tr("Une seconde en arrière")),
                                 ("Shift+Right", 1000, tr("Une seconde en avant"))):
            add_shortcut(self, keys, lambda s=step: self.step(s), text)
        # "[" and "]" need AltGr on a French keyboard: Maj+I / Maj+O as well
        add_shortcut(self, "Shift+I", self.set_track_first, tr("Début de piste ici"))
        add_shortcut(self, "Shift+O", self.set_track_last, tr("Fin de piste ici"))
        add_shortcut(self, "Space", self.toggle_play, tr("Lecture / pause"))
        add_shortcut(self, "K", self.pause, tr("Pause"))
        add_shortcut(self, "Escape", self.cancel_drawing, tr("Annuler le dessin en cours"))

        side = QVBoxLayout()
        side.addWidget(QLabel(tr("Pistes")))
        side.addWidget(self.list, 1)
        side.addLayout(buttons)
        side.addWidget(self.status)
        main = QVBoxLayout()
        main.addWidget(self.view, 1)
        main.addWidget(self.slider)
        main.addWidget(self.strip)
        transport = QHBoxLayout()
        transport.addWidget(self.play_button)
        transport.addWidget(self.position, 1)
        main.addLayout(transport)
        layout = QHBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addLayout(side)
        self.bridge = DocumentBridge(self._refresh_if_valid, delay_ms=0, parent=self)

    # -- model -------------------------------------------------------------------------
    def set_item(self, op: Operation, sha: str) -> None:
        self.stop()
        self.op, self.sha = op, sha
        self.bridge.watch(op.doc)
        self._selected = None
        self.mark_in = self.mark_out = None
        self.selection = None
        self.strip.set_selection(None)
        self._voice_seed = voice_cmd.new_seed()
        if self._audio_player is not None:
            self._audio_player.stop()
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
        tracks = review_order(self.tracks())
        if self._selected not in {t["id"] for t in tracks}:
            self._selected = None
        self._index = tracks_cmd.TrackIndex(tracks, masked_only=False)
        self.list.blockSignals(True)
        self.list.clear()
        for track in tracks:
            first, last = track["frames"]
            # a person on the « toujours masquer » list is masked whatever the state says
            state = track.get("state")
            if not is_suspect(track) and tracks_cmd.is_masked(track):
                state = tracks_cmd.ACCEPTED
            texts = [track["id"], region_name(track), f"{first}–{last}",
                     state_name(state), source_name(track.get("source"))]
            entry = QTreeWidgetItem(texts)
            entry.setData(0, Qt.ItemDataRole.UserRole, track["id"])
            entry.setForeground(3, track_colour(track))
            for column, text in enumerate(texts):
                entry.setToolTip(column, text)  # the whole text where it is elided
            entry.setToolTip(4, source_detail(track.get("source")))
            if is_suspect(track):
                font = entry.font(0)
                font.setBold(True)
                for column in range(COLUMNS):
                    entry.setFont(column, font)
            self.list.addTopLevelItem(entry)
        self.list.blockSignals(False)
        self._show_selection()
        fps = self.fps()
        ranges = derush.derush_of(self.op, self.sha)["ranges"]
        last = self.frame_count() - 1
        voice = voice_cmd.voice_of(self.op.items[self.sha])
        disguised = [(int(a * fps), last if b is None else min(last, int(b * fps)))
                     for a, b in voice_cmd.stored_ranges(voice)]
        self.strip.set_data(tracks, self.frame_count(), self._selected,
                            [(int(r["in"] * fps), int(r["out"] * fps)) for r in ranges],
                            disguised)
        if voice is not None:  # the rush's preset, shown
            self.voice_preset.blockSignals(True)
            self.voice_preset.setCurrentIndex(max(0, self.voice_preset.findData(
                voice.get("preset"))))
            self.voice_preset.blockSignals(False)
        self._draw_overlays()
        if self.show_masked and not self.playing():
            self._request_frame()  # the masks changed: so does the masked picture
        self._update_status()

    def undecided(self) -> list[dict[str, Any]]:
        """The suspect tracks still to decide, in the list's order."""
        return [t for t in review_order(self.tracks()) if is_suspect(t)]

    def track(self, track_id: str | None) -> dict[str, Any] | None:
        return next((t for t in self.tracks() if t["id"] == track_id), None)

    def _update_status(self) -> None:
        item = self.op.items[self.sha]  # type: ignore[index]
        data = derush.derush_of(self.op, self.sha)  # type: ignore[arg-type]
        # « détection non lancée », « à relire : 3 piste(s), 2 à vérifier », « revu »…
        text = tr("{name} — {tracks} piste(s) — {state}\n{ranges} plage(s), "
                  "{markers} repère(s)").format(
            name=item["name"], tracks=len(self.tracks()), state=item_state(item).text,
            ranges=len(data["ranges"]), markers=len(data["markers"]))
        pending = len(self.undecided())
        if pending:
            text += "\n" + tr("{n} piste(s) à vérifier : Tab pour la suivante, A pour la "
                              "masquer, R pour la laisser visible.").format(n=pending)
        if item_state(item).code == "reviewed":
            text += "\n" + tr("Revu. F3 : élément suivant à relire.")
        voice = voice_cmd.voice_of(item)
        if voice is not None:
            text += "\n" + tr("Voix modifiée : {ranges}").format(
                ranges=voice_cmd.describe_ranges(voice["ranges"]))
        if self.selection is not None:
            text += "\n" + tr("Sélection : {range}").format(
                range=voice_cmd.describe_ranges([self.selection]))
        if self.mark_in is not None:
            text += "\n" + tr("Entrée : {t:.2f} s").format(t=self.mark_in)
        if self.view.drawing:
            text += "\n" + self._drawing_text()
        self.status.setText(text)

    def _drawing_text(self) -> str:
        """What the box about to be drawn will become."""
        target = self._draw_target()
        if target is None:
            return tr("Nouvelle piste : tracez son cadre sur l'image ; elle commence à "
                      "l'image {frame} (Échap pour annuler).").format(frame=self.frame)
        return tr("Image clé {frame} de la piste {track} : tracez son cadre sur l'image "
                  "(Échap pour annuler).").format(frame=self.frame, track=target)

    def _show_selection(self) -> None:
        """The selected track highlighted in the list and the strip."""
        self.list.blockSignals(True)
        for i in range(self.list.topLevelItemCount()):
            entry = self.list.topLevelItem(i)
            if entry.data(0, Qt.ItemDataRole.UserRole) == self._selected:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        self.strip.selected = self._selected
        self.strip.update()

    def _draw_overlays(self) -> None:
        """The boxes of the current frame; paused, they move and resize with the mouse."""
        scene = self.view.scene()
        for rect in self._overlays.values():
            scene.removeItem(rect)
        self._overlays.clear()
        if self._index is None or (self.show_masked and not self.playing()):
            return  # the masked still needs no boxes; the playing original does
        zoom = self.view.transform().m11()
        editable = not self.playing()
        for label, box, track in self._index.boxes(self.frame):
            track_id = track["id"]
            text = f"{track_id} {region_name({**track, 'label': label})}"
            if is_suspect(track):
                text += " — " + tr("à vérifier")
            # the photo review's look: dashed orange, unfilled until a person decides
            rect = BoxItem(
                box, text, tracks_cmd.is_masked(track), zoom,
                width=SELECTED_WIDTH if track_id == self._selected else BOX_WIDTH,
                pressed=(lambda t=track_id: self._box_pressed(t)) if editable else None,
                edited=(lambda b, t=track_id: self.box_edited(t, b)) if editable else None,
                suspect=is_suspect(track) and not tracks_cmd.is_masked(track))
            scene.addItem(rect)
            self._overlays[track_id] = rect

    def _box_pressed(self, track_id: str) -> None:
        """A press on a box selects its track (the boxes are restyled, not redrawn: the
        pressed one is about to be dragged)."""
        self._selected = track_id
        for other, rect in self._overlays.items():
            rect.set_width(SELECTED_WIDTH if other == track_id else BOX_WIDTH)
        self._show_selection()

    def box_edited(self, track_id: str, box: BoxTuple) -> None:
        """A box moved or resized with the mouse: a keyframe at the current frame."""
        frame = self.frame
        self._on_track(lambda op, sha, t: tracks_cmd.set_keyframe(op, sha, t, frame, box),
                       track_id)

    # -- frames ------------------------------------------------------------------------
    def set_frame(self, frame: int, seek_player: bool = True) -> None:
        """Move the playhead; while playing, the player follows unless it is the one
        moving it (``seek_player`` False)."""
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
        if not self.playing():
            self._request_frame()
        elif seek_player:
            self._player.setPosition(self._ms(frame))

    def step(self, frames: int) -> None:
        """Pause and move by ``frames``; ±1000 stands for one second either way."""
        self.pause()
        if abs(frames) == 1000:
            frames = int(round(self.fps())) * (1 if frames > 0 else -1)
        self.set_frame(self.frame + frames)

    def time(self) -> float:
        return self.frame / self.fps()

    def _ms(self, frame: int) -> int:
        return int(round(frame / self.fps() * 1000))

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
        size = self._out_size()
        masks = None
        if self.show_masked and self._index is not None:
            k = size[0] / max(1, int(self.info()["width"]))
            masks = [(x * k, y * k, w * k, h * k) for _, (x, y, w, h), track
                     in self._index.boxes(self.frame) if tracks_cmd.is_masked(track)]
        self._pool.start(_FrameJob(self._signals, self._generation, self.frame,
                                   str(self.op.original_path(self.sha)),  # type: ignore[union-attr,arg-type]
                                   t, size, masks))

    def toggle_masked(self) -> None:
        """Before/after: the original with its boxes, or the frame masked as exported."""
        self.show_masked = not self.show_masked
        self._draw_overlays()
        if self.op and self.sha and not self.playing():
            self._request_frame()

    def _show_frame(self, generation: int, frame: int, result: object) -> None:
        if generation != self._generation or self.op is None:
            return
        if isinstance(result, str):
            self.position.setText(f"{self.position.text()} — ✖ {result}")
            return
        out_w, out_h = self._out_size()
        image = QImage(result, out_w, out_h, 3 * out_w,  # type: ignore[arg-type]
                       QImage.Format.Format_RGB888).copy()
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self._pixmap.setScale(int(self.info()["width"]) / out_w)
        self.shown_frame = frame
        if self._video is not None and not self.playing():
            self._video.hide()  # the still replaces the paused video

    # -- playback ----------------------------------------------------------------------
    def _ensure_player(self) -> bool:
        """Create the player on first use; False, with a message, when Qt Multimedia cannot
        play here."""
        if self._player is not None:
            return True
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
            from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
        except ImportError as exc:
            self.status.setText("✖ " + tr("Lecture impossible : Qt Multimedia est absent "
                                          "({error}).").format(error=exc))
            return False
        player = QMediaPlayer(self)
        if not player.isAvailable():
            player.deleteLater()
            self.status.setText("✖ " + tr("Lecture impossible : aucun moteur de lecture "
                                          "vidéo sur ce poste."))
            return False
        if not QMediaDevices.audioOutputs():
            self.status.setText(tr("Lecture sans son : aucune sortie audio sur ce poste."))
        player.setAudioOutput(QAudioOutput(player))
        self._video = QGraphicsVideoItem()
        self._video.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)
        self._video.setZValue(-1)  # over the still, under the boxes
        self._video.hide()
        self.view.scene().addItem(self._video)
        player.setVideoOutput(self._video)
        player.positionChanged.connect(self._player_moved)
        player.playbackStateChanged.connect(self._player_state)
        player.mediaStatusChanged.connect(self._media_status)
        player.errorOccurred.connect(self._player_error)
        self._player = player
        return True

    def playing(self) -> bool:
        return self._player is not None and self._player.isPlaying()

    def toggle_play(self) -> None:
        if self.playing() or self._start_ms is not None:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Play the original rush with its sound from the playhead (from the start when at
        the end)."""
        if self.op is None or self.sha is None or self.playing() or not self._ensure_player():
            return
        if self.frame >= self.frame_count() - 1:
            self.set_frame(0)
        info = self.info()
        self._video.setSize(QSizeF(float(info["width"]), float(info["height"])))
        self._video.show()
        url = QUrl.fromLocalFile(str(self.op.original_path(self.sha)))
        if self._player.source() != url:
            self._start_ms = self._ms(self.frame)  # a position is only kept once loaded
            self._player.setSource(url)
        else:
            self._player.setPosition(self._ms(self.frame))
            self._player.play()

    def pause(self) -> None:
        self._start_ms = None
        if self.playing():
            self._player.pause()

    def stop(self) -> None:
        """Stop playing and forget the rush (another one is opened)."""
        self._start_ms = None
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())
            self._video.hide()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.pause()
        super().hideEvent(event)

    def _media_status(self, status: object) -> None:
        if self._start_ms is not None and status == self._player.MediaStatus.LoadedMedia:
            self._player.setPosition(self._start_ms)
            self._start_ms = None
            self._player.play()

    def _player_moved(self, ms: int) -> None:
        if self.playing():
            self.set_frame(round(ms / 1000 * self.fps()), seek_player=False)

    def _player_state(self, _state: object) -> None:
        """Playing: the boxes follow the video. Paused or at the end: back to a still."""
        playing = self.playing()
        self.play_button.setText(tr("Pause (Espace)") if playing else tr("Lecture (Espace)"))
        self.shown_frame = None
        self._draw_overlays()  # editable only while paused
        if playing:
            self._generation += 1  # a still still being decoded would hide the video
            self._video.show()
        elif self.op is not None and self.sha in self.op.items:
            self._request_frame()

    def _player_error(self, _error: object, message: str) -> None:
        self.stop()
        self.status.setText("✖ " + tr("Lecture impossible : {error}").format(error=message))

    # -- actions -----------------------------------------------------------------------
    def _try(self, fn) -> bool:  # noqa: ANN001
        try:
            fn()
        except (MediakitError, ValueError) as exc:  # a refusal: why, and what to do
            self.status.setText(f"{ERROR_MARK} {plain(str(exc))}")
            return False
        self.op.save()  # type: ignore[union-attr]
        return True

    def select_track(self, track_id: str | None) -> None:
        self._selected = track_id
        self.refresh()

    def _list_selection(self, current, _previous) -> None:  # noqa: ANN001
        if current is not None:
            self.select_track(current.data(0, Qt.ItemDataRole.UserRole))

    def _on_track(self, fn: Callable[[Operation, str, str], object],
                  track_id: str | None = None) -> None:
        """``fn(op, sha, track_id)`` on the given or selected track, errors in the status."""
        track_id = track_id or self._selected
        if self.op is None or self.sha is None:
            return
        if track_id is None:
            self.status.setText(tr("Sélectionnez d'abord une piste (liste ou clic sur son "
                                   "cadre)."))
            return
        op, sha = self.op, self.sha
        self._try(lambda: fn(op, sha, track_id))

    def accept_current(self) -> None:
        self._on_track(lambda op, sha, t: tracks_cmd.set_state(op, sha, t, tracks_cmd.ACCEPTED))

    def reject_current(self) -> None:
        self._on_track(lambda op, sha, t: tracks_cmd.set_state(op, sha, t, tracks_cmd.REJECTED))

    def set_track_first(self) -> None:
        """The selected track starts at the current frame."""
        frame = self.frame
        self._on_track(lambda op, sha, t: tracks_cmd.set_span(op, sha, t, first=frame))

    def set_track_last(self) -> None:
        """The selected track ends at the current frame."""
        frame = self.frame
        self._on_track(lambda op, sha, t: tracks_cmd.set_span(op, sha, t, last=frame))

    def remove_keyframe(self) -> None:
        """Remove the selected track's keyframe at the current frame."""
        frame = self.frame
        self._on_track(lambda op, sha, t: tracks_cmd.remove_keyframe(op, sha, t, frame))

    def mark_reviewed(self) -> None:
        if self.op and self.sha:
            op, sha = self.op, self.sha
            self._try(lambda: tracks_cmd.mark_reviewed(op, sha))

    def next_suspect(self) -> None:
        """Select the next undecided suspect after the selected track (Tab) and show it
        at its best frame."""
        pending = self.undecided()
        if not pending:
            self.status.setText(tr("Aucune piste à vérifier sur ce rush."))
            return
        ids = [t["id"] for t in pending]
        i = ids.index(self._selected) + 1 if self._selected in ids else 0
        track = pending[i % len(pending)]
        best = (track.get("best") or {}).get("frame")
        if best is None:
            frames = sorted(int(f) for f in track.get("keyframes", {})) or [track["frames"][0]]
            best = frames[0]
        self.pause()
        self.select_track(track["id"])
        self.set_frame(int(best))

    # -- drawing -----------------------------------------------------------------------
    def _draw_target(self) -> str | None:
        """The track the box being drawn goes to as a keyframe; None: a new manual track.

        Never a track left visible or still to check: D continues the selected track only
        when it is a masked manual one (being drawn); E (KEYFRAME) was allowed on a masked
        track and is checked again on release."""
        if self._draw_mode == NEW:
            return None
        track_id = self._draw_track if self._draw_mode == KEYFRAME else self._selected
        track = self.track(track_id)
        if track is None or track.get("state") != tracks_cmd.ACCEPTED:
            return None
        if self._draw_mode == AUTO and track.get("source") != "manual":
            return None
        return track_id

    def _start_drawing(self, mode: str, track_id: str | None = None) -> None:
        self._draw_mode, self._draw_track = mode, track_id
        self.pause()
        self.view.drawing = True
        self.view.setCursor(Qt.CursorShape.CrossCursor)
        if self.op and self.sha:
            self._update_status()

    def cancel_drawing(self) -> None:
        """Leave drawing mode without adding anything."""
        self.view.drawing = False
        self._draw_mode, self._draw_track = AUTO, None
        self.view.setCursor(Qt.CursorShape.ArrowCursor)
        if self.op and self.sha:
            self._update_status()

    def toggle_drawing(self) -> None:
        """D: draw a box — a new manual track, or the next keyframe of the selected
        masked manual track."""
        if self.view.drawing:
            self.cancel_drawing()
        else:
            self._start_drawing(AUTO)

    def new_track(self) -> None:
        """Nouvelle piste (N): the next box drawn starts a new manual track here."""
        if self.view.drawing and self._draw_mode == NEW:
            self.cancel_drawing()
        elif self.op and self.sha:
            self._start_drawing(NEW)

    def add_keyframe(self) -> None:
        """E: the next box drawn is a keyframe of the selected track, a masked one only."""
        if not (self.op and self.sha):
            return
        track = self.track(self._selected)
        if track is None:
            self.status.setText(tr("Sélectionnez d'abord une piste masquée (liste ou clic "
                                   "sur son cadre)."))
            return
        if track.get("state") != tracks_cmd.ACCEPTED:
            if is_suspect(track):
                why = tr("Image clé refusée : la piste {track} est à vérifier ; masquez-la "
                         "(A) ou écartez-la (R) d'abord.")
            else:
                why = tr("Image clé refusée : la piste {track} est laissée visible ; "
                         "masquez-la (A) d'abord, ou créez une nouvelle piste (N).")
            self.status.setText(f"{ERROR_MARK} " + why.format(track=track["id"]))
            return
        self._start_drawing(KEYFRAME, track["id"])

    def _add_drawn(self, rect: QRectF) -> None:
        if not (self.op and self.sha):
            return
        op, sha, frame = self.op, self.sha, self.frame
        box = (rect.x(), rect.y(), rect.width(), rect.height())
        target = self._draw_target()
        self.cancel_drawing()
        if target is not None:
            self._try(lambda: tracks_cmd.set_keyframe(op, sha, target, frame, box))
            return
        # a new manual track, held for one second from this frame
        last = min(self.frame_count() - 1, frame + int(round(self.fps())))
        created: list[str] = []
        if self._try(lambda: created.append(
                tracks_cmd.add_track(op, sha, "face", frame, box, last=last))):
            self.select_track(created[0])

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
        self._set_selection((in_, out))
        self._try(lambda: derush.add_range(op, sha, in_, out, note=""))

    def add_marker(self) -> None:
        if self.op and self.sha:
            op, sha, t = self.op, self.sha, self.time()
            self._try(lambda: derush.add_marker(op, sha, t))

    # -- voice disguise ----------------------------------------------------------------
    def _set_selection(self, selection: tuple[float, float | None] | None) -> None:
        """The range the voice buttons act on (seconds; end None: to the end)."""
        self.selection = selection
        if selection is None:
            self.strip.set_selection(None)
        else:
            fps, last = self.fps(), self.frame_count() - 1
            end = last if selection[1] is None else max(0, int(round(selection[1] * fps)) - 1)
            self.strip.set_selection((int(round(selection[0] * fps)), min(last, end)))
        if self.op and self.sha:
            self._update_status()

    def _strip_selected(self, first: int, last: int) -> None:
        fps = self.fps()
        end = None if last >= self.frame_count() - 1 else round((last + 1) / fps, 3)
        self._set_selection((round(first / fps, 3), end))

    def select_whole(self) -> None:
        """Select the whole rush (for a voice disguised from start to end)."""
        if self.op and self.sha:
            self._set_selection((0.0, None))

    def _need_selection(self) -> tuple[float, float | None] | None:
        if self.op is None or self.sha is None:
            return None
        if self.selection is None:
            self.status.setText(tr("Sélectionnez d'abord une plage : glissez sur la bande "
                                   "sous l'image, ou I puis O."))
        return self.selection

    def voice_settings(self) -> voice_cmd.VoiceSettings:
        """The preset chosen and the rush's seed (or the one a new disguise will take)."""
        voice = voice_cmd.voice_of(self.op.items[self.sha]) if self.op and self.sha else None
        seed = int((voice or {}).get("seed") or self._voice_seed)
        return voice_cmd.VoiceSettings(self.voice_preset.currentData(), seed)

    def disguise_selection(self) -> None:
        """« Voix modifiée » on the selected range (undoable, in the audit trail)."""
        selection = self._need_selection()
        if selection is None:
            return
        op, sha, settings = self.op, self.sha, self.voice_settings()
        self._try(lambda: voice_cmd.add_range(op, sha, selection[0], selection[1],  # type: ignore[arg-type]
                                              settings.preset, settings.seed))

    def restore_selection(self) -> None:
        """The selected range gets its original voice back."""
        selection = self._need_selection()
        if selection is None:
            return
        op, sha = self.op, self.sha
        self._try(lambda: voice_cmd.remove_range(op, sha, *selection))  # type: ignore[arg-type]

    def listen_before(self) -> None:
        self._listen(False)

    def listen_after(self) -> None:
        self._listen(True)

    def _listen(self, treated: bool) -> None:
        """Render the selected range's preview off the UI thread (cached), then play it."""
        selection = self._need_selection()
        if selection is None or self.preview_worker is not None:
            return
        op, sha, settings = self.op, self.sha, self.voice_settings()

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            return voice_cmd.preview_path(op, sha, selection[0], selection[1],  # type: ignore[arg-type]
                                          treated, settings)

        self.status.setText(tr("Préparation de l'écoute…"))
        self._preview_treated = treated
        self.preview_worker = Worker(task)
        # bound methods of this widget: called on the UI thread (a lambda would not be)
        self.preview_worker.finished.connect(self._preview_ready)
        self.preview_worker.failed.connect(self._preview_failed)
        self.preview_worker.start()

    def _end_preview_worker(self) -> None:
        if self.preview_worker is not None:
            self.preview_worker.thread.wait(5000)
        self.preview_worker = None

    def _preview_failed(self, message: str) -> None:
        self._end_preview_worker()
        self.status.setText(f"{ERROR_MARK} " + tr("Écoute impossible : {error}").format(
            error=message))

    def _preview_ready(self, path: Any) -> None:
        self._play_preview(path, self._preview_treated)

    def _play_preview(self, path: Any, treated: bool) -> None:
        self._end_preview_worker()
        self.last_preview = path
        self.pause()
        what = tr("après (voix modifiée)") if treated else tr("avant (voix d'origine)")
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
        except ImportError:
            self.status.setText(tr("Écoute prête mais impossible ici : Qt Multimedia est "
                                   "absent."))
            return
        if self._audio_player is None:
            player = QMediaPlayer(self)
            player.setAudioOutput(QAudioOutput(player))
            self._audio_player = player
        if not self._audio_player.isAvailable() or not QMediaDevices.audioOutputs():
            self.status.setText(tr("Écoute {what} prête, mais ce poste n'a pas de sortie "
                                   "audio.").format(what=what))
            return
        self._audio_player.setSource(QUrl.fromLocalFile(str(path)))
        self._audio_player.play()
        self.status.setText(tr("Écoute {what}").format(what=what))

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
        self.status.setText(f"✖ {message}")
