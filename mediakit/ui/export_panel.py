"""Export screen: items × channels, presets summary, per-job progress, cancel, summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediakit.channels import framing
from mediakit.channels.export import run_export, summary_text
from mediakit.channels.presets import load_presets
from mediakit.library.project import Operation
from mediakit.privacy.review_gate import unreviewed
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.labels import channel_label, kind_name
from mediakit.ui.messages import plain
from mediakit.ui.numbers import DecimalBox, format_decimal, seconds_box
from mediakit.ui.workers import Worker


class _FramePicker(QLabel):
    """A video picture on which a click picks the frame's centre (shares of width/height)."""

    def __init__(self, on_pick) -> None:  # noqa: ANN001
        super().__init__()
        self.on_pick = on_pick
        self.image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def set_image(self, image: QImage, x: float, y: float | None) -> None:
        self.image = image
        self._draw(x, y)

    def _draw(self, x: float, y: float | None) -> None:
        if self.image is None:
            return
        pixmap = QPixmap.fromImage(self.image)
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor("#ffb000"), 2))
        cx = int(x * pixmap.width())
        cy = int((0.5 if y is None else y) * pixmap.height())
        painter.drawLine(cx, 0, cx, pixmap.height())
        if y is not None:
            painter.drawLine(0, cy, pixmap.width(), cy)
        painter.end()
        self.setPixmap(pixmap)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self.image is None:
            return
        pos = event.position()
        x = min(max(pos.x() / max(self.image.width(), 1), 0.0), 1.0)
        y = min(max(pos.y() / max(self.image.height(), 1), 0.0), 1.0)
        self.on_pick(round(x, 3), round(y, 3))
        self._draw(x, y)


class ExportPanel(QWidget):
    """Choose items and channels, run the batch off the UI thread, show the summary."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.items = QListWidget()
        self.channels: dict[str, QCheckBox] = {}
        presets = self.presets = load_presets()
        box = QGroupBox(tr("Canaux"))
        grid = QGridLayout(box)
        for i, (name, preset) in enumerate(sorted(presets.items())):
            check = QCheckBox(channel_label(name, preset))
            check.setToolTip(self._summary(preset))
            self.channels[name] = check
            grid.addWidget(check, i // 2, i % 2)
        self.fit = QComboBox()
        self.fit.addItem(tr("Recadrer sur les sujets"), "crop")
        self.fit.addItem(tr("Fond flouté (letterbox)"), "letterbox")
        self.force = QCheckBox(tr("Passer outre la relecture pour les éléments non revus "
                                  "(raison demandée, journalisé, fichiers signalés)"))
        self.out_dir = QLineEdit()
        browse = QPushButton(tr("Choisir…"))
        browse.clicked.connect(self._browse)
        self.start_button = QPushButton(tr("Exporter"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Tout annuler"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_job_button = QPushButton(tr("Annuler ce travail"))
        self.cancel_job_button.setToolTip(tr("Annule le travail choisi dans la liste ; les "
                                             "autres continuent"))
        self.cancel_job_button.setEnabled(False)
        self.cancel_job_button.clicked.connect(lambda: self.cancel_job())
        check_all = QPushButton(tr("Tout cocher"))
        check_all.clicked.connect(lambda: self.check_all(True))
        uncheck_all = QPushButton(tr("Tout décocher"))
        uncheck_all.clicked.connect(lambda: self.check_all(False))
        self.open_button = QPushButton(tr("Ouvrir le dossier"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.out_dir.text())))
        self.jobs = QTableWidget(0, 2)
        self.jobs.setHorizontalHeaderLabels([tr("Travail"), tr("Progression")])
        # the job's name takes the room left (long item names elided in the middle, whole in
        # the tooltip); the progress column keeps a bar's width
        header = self.jobs.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 120)
        self.jobs.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.jobs.setWordWrap(False)
        self.overall = QProgressBar()
        self.summary = QTextEdit(readOnly=True)
        framing_box = self._framing_box()
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Éléments")))
        left.addWidget(self.items)
        checks = QHBoxLayout()
        checks.addWidget(check_all)
        checks.addWidget(uncheck_all)
        left.addLayout(checks)
        left.addWidget(framing_box)
        right = QVBoxLayout()
        right.addWidget(box)
        right.addWidget(self.fit)
        right.addWidget(self.force)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Dossier :")))
        row.addWidget(self.out_dir, 1)
        row.addWidget(browse)
        right.addLayout(row)
        actions = QHBoxLayout()
        for button in (self.start_button, self.cancel_job_button, self.cancel_button,
                       self.open_button):
            actions.addWidget(button)
        right.addLayout(actions)
        right.addWidget(self.overall)
        right.addWidget(self.jobs, 1)
        right.addWidget(self.summary, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self._rows: dict[str, int] = {}
        self._skipped: set[str] = set()
        self.bridge = DocumentBridge(self.refresh_items, delay_ms=200, parent=self)

    def _framing_box(self) -> QGroupBox:
        """Framing keyframes of the chosen video, per format: « centre here at this time »."""
        box = QGroupBox(tr("Cadrage des vidéos (formats verticaux et carrés)"))
        self.frame_format = QComboBox()
        self.frame_format.addItem(tr("9:16 (reel, story, shorts, TikTok)"), "9:16")
        self.frame_format.addItem(tr("4:5 (fil Instagram, Facebook)"), "4:5")
        self.frame_format.addItem(tr("1:1 (carré)"), "1:1")
        self.frame_time = seconds_box()
        self.frame_x = DecimalBox(0.0, 1.0, 2, step=0.05)
        self.frame_x.setValue(0.5)
        self.frame_x.setToolTip(tr("Centre du cadre : 0 = bord gauche, 1 = bord droit"))
        self.frame_y = DecimalBox(0.0, 1.0, 2, step=0.05)
        self.frame_y.setValue(0.5)
        self.frame_y.setToolTip(tr("Centre du cadre : 0 = haut, 1 = bas"))
        self.frame_y_auto = QCheckBox(tr("hauteur automatique"))
        self.frame_y_auto.setChecked(True)
        self.frame_y_auto.toggled.connect(lambda on: self.frame_y.setEnabled(not on))
        self.frame_y.setEnabled(False)
        set_key = QPushButton(tr("Centrer ici à cet instant"))
        set_key.clicked.connect(self.set_framing_key)
        remove_key = QPushButton(tr("Retirer l'image clé"))
        remove_key.clicked.connect(self.remove_framing_key)
        clear_keys = QPushButton(tr("Cadrage automatique"))
        clear_keys.setToolTip(tr("Retire toutes les images clés de ce format"))
        clear_keys.clicked.connect(self.clear_framing_keys)
        self.frame_keys = QLabel()
        self.frame_keys.setWordWrap(True)
        self.frame_view = _FramePicker(self._picked)
        self.frame_view.setToolTip(tr("Cliquez sur l'image pour centrer le cadre à cet endroit, "
                                      "puis « Centrer ici à cet instant »"))
        show = QPushButton(tr("Voir l'image à cet instant"))
        show.clicked.connect(self.show_frame)
        self._frame_worker: Worker | None = None
        self._frame_size = (320, 180)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(tr("Format :")), 0, 0)
        grid.addWidget(self.frame_format, 0, 1, 1, 3)
        grid.addWidget(QLabel(tr("Instant :")), 1, 0)
        grid.addWidget(self.frame_time, 1, 1)
        grid.addWidget(QLabel(tr("Centre x :")), 1, 2)
        grid.addWidget(self.frame_x, 1, 3)
        grid.addWidget(self.frame_y_auto, 2, 0, 1, 2)
        grid.addWidget(QLabel(tr("Centre y :")), 2, 2)
        grid.addWidget(self.frame_y, 2, 3)
        grid.addWidget(set_key, 3, 0, 1, 2)
        grid.addWidget(remove_key, 3, 2)
        grid.addWidget(clear_keys, 3, 3)
        grid.addWidget(self.frame_keys, 4, 0, 1, 4)
        grid.addWidget(show, 5, 0, 1, 4)
        grid.addWidget(self.frame_view, 6, 0, 1, 4)
        self.items.currentItemChanged.connect(lambda *_: self.show_framing_keys())
        self.frame_format.currentIndexChanged.connect(lambda *_: self.show_framing_keys())
        return box

    def show_frame(self) -> None:
        """Decode the highlighted video's picture at the chosen time, off the UI thread."""
        sha = self._framing_video()
        if sha is None or self.op is None or self._frame_worker is not None:
            self.show_framing_keys()
            return
        from mediakit.ui.rush_review import decode_frame

        info = self.op.items[sha].get("info") or {}
        width, height = int(info.get("width") or 320), int(info.get("height") or 180)
        vw = 320
        vh = max(2, int(round(height * vw / width / 2)) * 2)
        path, t = str(self.op.original_path(sha)), self.frame_time.value()

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            return decode_frame(path, t, vw, vh)

        self._frame_size = (vw, vh)
        worker = self._frame_worker = Worker(task)
        # bound slots of this widget: run on the UI thread (a lambda would run on the worker's)
        worker.finished.connect(self._frame_ready)
        worker.failed.connect(self._frame_ready)
        worker.start()

    def _frame_ready(self, data: object) -> None:
        width, height = self._frame_size
        if self._frame_worker is not None:
            self._frame_worker.thread.wait(2000)
        self._frame_worker = None
        if not isinstance(data, bytes):
            self.frame_keys.setText(plain(str(data)))
            return
        image = QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.frame_view.set_image(image, self.frame_x.value(),
                                  None if self.frame_y_auto.isChecked() else self.frame_y.value())

    def _picked(self, x: float, y: float) -> None:
        """A click on the picture: its place becomes the centre to set."""
        self.frame_x.setValue(x)
        if not self.frame_y_auto.isChecked():
            self.frame_y.setValue(y)

    def _framing_video(self) -> str | None:
        """The highlighted item when it is a video (rush or montage), else None."""
        entry = self.items.currentItem()
        if self.op is None or entry is None:
            return None
        sha = entry.data(Qt.ItemDataRole.UserRole)
        item = self.op.items.get(sha) or {}
        return sha if item.get("kind") in ("video", "montage") else None

    def show_framing_keys(self) -> None:
        """List the keyframes of the highlighted video for the chosen format."""
        sha = self._framing_video()
        if sha is None:
            self.frame_keys.setText(tr("Choisissez une vidéo dans la liste pour régler son "
                                       "cadrage ; sans image clé, le cadre suit les sujets."))
            return
        from mediakit.channels.video_reframe import item_keyframes

        assert self.op is not None
        keys = item_keyframes(self.op.items[sha], self.frame_format.currentData())
        if not keys:
            self.frame_keys.setText(tr("Cadrage automatique : le cadre suit les sujets."))
            return
        parts = []
        for k in keys:
            centre = format_decimal(k["x"]) if k.get("x") is not None else tr("auto")
            if k.get("y") is not None:
                centre += " ; " + format_decimal(k["y"])
            parts.append(tr("{t} s : centre {c}").format(t=format_decimal(k["t"]), c=centre))
        self.frame_keys.setText(tr("Images clés : ") + ", ".join(parts))

    def set_framing_key(self) -> None:
        """« Centre here at this time » for the highlighted video and the chosen format."""
        sha = self._framing_video()
        if sha is None or self.op is None:
            self.show_framing_keys()
            return
        y = None if self.frame_y_auto.isChecked() else self.frame_y.value()
        try:
            framing.set_keyframe(self.op, sha, self.frame_format.currentData(),
                                 self.frame_time.value(), self.frame_x.value(), y)
        except Exception as exc:  # noqa: BLE001 - shown to the user in words
            self.summary.setPlainText(plain(str(exc)))
            return
        self.op.save()
        self.show_framing_keys()

    def remove_framing_key(self) -> None:
        sha = self._framing_video()
        if sha is None or self.op is None:
            self.show_framing_keys()
            return
        try:
            framing.remove_keyframe(self.op, sha, self.frame_format.currentData(),
                                    self.frame_time.value())
        except Exception as exc:  # noqa: BLE001 - shown to the user in words
            self.summary.setPlainText(plain(str(exc)))
            return
        self.op.save()
        self.show_framing_keys()

    def clear_framing_keys(self) -> None:
        sha = self._framing_video()
        if sha is None or self.op is None:
            self.show_framing_keys()
            return
        framing.clear_keyframes(self.op, sha, self.frame_format.currentData())
        self.op.save()
        self.show_framing_keys()

    @staticmethod
    def _summary(preset: dict) -> str:
        still, video = preset.get("still") or {}, preset.get("video") or {}
        parts = []
        if still:
            parts.append(tr("image {w}×{h}").format(w=still["width"], h=still["height"])
                         if still.get("width") and still.get("height")
                         else tr("image en pleine résolution"))
        if video:
            parts.append(tr("vidéo {w}×{h}, {rate} b/s, {lufs} LUFS").format(
                w=video["width"], h=video["height"], rate=video["bitrate"],
                lufs=str(video["loudness"]["integrated"]).replace(".", ",")))
        return " ; ".join(parts)

    def set_operation(self, op: Operation | None) -> None:
        self.op = op
        self.bridge.watch(op.doc if op else None)
        self.items.clear()
        if op is None:
            return
        self.out_dir.setText(str(op.exports_dir / "canaux"))
        self.refresh_items()

    def refresh_items(self) -> None:
        """List every deliverable (photos, rushes, montage renders, infographics), keeping
        the user's ticks; a new item arrives ticked."""
        if self.op is None:
            return
        unticked = {self.items.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.items.count())
                    if self.items.item(i).checkState() != Qt.CheckState.Checked}
        current = self.items.currentItem()
        current_sha = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.items.clear()
        for sha, item in sorted(self.op.items.items(), key=lambda kv: kv[1]["name"]):
            label = item["name"]
            if item.get("kind") in ("montage", "infographic"):
                label = f"{label} ({kind_name(item['kind'])})"
            entry = QListWidgetItem(label)
            entry.setData(Qt.ItemDataRole.UserRole, sha)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked if sha in unticked
                                else Qt.CheckState.Checked)
            self.items.addItem(entry)
            if sha == current_sha:
                self.items.setCurrentItem(entry)
        self.show_framing_keys()

    def selected_items(self) -> list[str]:
        return [self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.items.count()):
            self.items.item(i).setCheckState(state)

    def selected_channels(self) -> list[str]:
        return [name for name, check in self.channels.items() if check.isChecked()]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Dossier d'export"))
        if folder:
            self.out_dir.setText(folder)

    def start(self) -> None:
        if self.op is None or self.worker is not None:
            return
        items, channels = self.selected_items(), self.selected_channels()
        if not items or not channels:
            self.summary.setPlainText(tr("Choisissez au moins un élément et un canal."))
            return
        op, out, fit, force = self.op, Path(self.out_dir.text()), self.fit.currentData(), \
            self.force.isChecked()
        reason = None
        blockers = unreviewed(op, items)
        if force and blockers:
            reason = self.ask_reason(blockers)
            if not reason:
                self.summary.setPlainText(tr("Export non lancé : passer outre la relecture "
                                             "demande une raison écrite."))
                return
        force = bool(force and blockers)
        self.jobs.setRowCount(0)
        self._rows.clear()
        skipped = self._skipped = set()

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            return run_export(op, channels, out, items=items, force=force, reason=reason,
                              fit=fit, skip=lambda job: job in skipped,
                              progress=lambda p: progress(p["done"], p["total"],
                                                          f"{p['job']}\t{p['fraction']}"),
                              cancelled=cancelled)

        self.worker = Worker(task)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_job_button.setEnabled(True)
        self.summary.setPlainText(tr("Export en cours…"))
        self.worker.start()

    def ask_reason(self, blockers: list) -> str | None:  # noqa: ANN001
        """The officer's written reason to let unreviewed items out (None: not given)."""
        listed = "\n".join(f"• {plain(str(b))}" for b in blockers[:12])
        more = f"\n… et {len(blockers) - 12} autre(s)" if len(blockers) > 12 else ""
        text, ok = QInputDialog.getMultiLineText(
            self, tr("Passer outre la relecture"),
            tr("Ces éléments n'ont pas été relus :") + f"\n{listed}{more}\n\n"
            + tr("Leur export sera journalisé et signalé « masques non revus ». "
                 "Raison (obligatoire) :"))
        return text.strip() if ok and text.strip() else None

    def cancel_job(self, row: int | None = None) -> None:
        """Cancel the chosen job alone; the rest of the batch goes on."""
        row = self.jobs.currentRow() if row is None else row
        item = self.jobs.item(row, 0) if row >= 0 else None
        if item is None or self.worker is None:
            return
        self._skipped.add(item.data(Qt.ItemDataRole.UserRole))
        self._mark(row, tr("annulé"))

    def _mark(self, row: int, text: str) -> None:
        self.jobs.removeCellWidget(row, 1)
        self.jobs.setItem(row, 1, QTableWidgetItem(text))

    def _progress(self, done: int, total: int, text: str) -> None:
        job, _, fraction = text.partition("\t")
        self.overall.setMaximum(max(total, 1))
        self.overall.setValue(done)
        if job not in self._rows:
            row = self.jobs.rowCount()
            self.jobs.insertRow(row)
            self.jobs.setItem(row, 0, self._job_item(job))
            self.jobs.setCellWidget(row, 1, QProgressBar())
            self._rows[job] = row
        bar = self.jobs.cellWidget(self._rows[job], 1)
        if isinstance(bar, QProgressBar):  # a cancelled row keeps its word
            bar.setValue(int(float(fraction or 0) * 100))

    def _job_item(self, job: str) -> QTableWidgetItem:
        """A job's row: « item → channel label » shown (whole in the tooltip), the core's
        « item → channel » kept as its key."""
        name, sep, channel = job.rpartition(" → ")
        text = f"{name} → {channel_label(channel, self.presets.get(channel))}" if sep else job
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        cell.setData(Qt.ItemDataRole.UserRole, job)
        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return cell

    def _finish(self) -> None:
        if self.worker is not None:
            self.worker.thread.wait(5000)
        self.worker = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.cancel_job_button.setEnabled(False)
        self.open_button.setEnabled(Path(self.out_dir.text()).is_dir())

    def _settle_rows(self, done: set[str], word: str) -> None:
        """Rows that did not finish say so (never stuck at a percentage)."""
        for job, row in self._rows.items():
            if job in self._skipped:
                self._mark(row, tr("annulé"))
            elif job in done:
                self._mark(row, tr("terminé"))
            elif isinstance(self.jobs.cellWidget(row, 1), QProgressBar):
                self._mark(row, word)

    def _done(self, summary) -> None:  # noqa: ANN001
        self._finish()
        self.overall.setValue(self.overall.maximum())
        done = {f"{r['name']} → {r['channel']}" for r in summary.outputs}
        self._settle_rows(done, tr("non fait"))
        self.summary.setPlainText(plain(summary_text(summary)))  # no command-line hint

    def _failed(self, message: str) -> None:
        cancelled = self.worker is not None and getattr(self.worker, "was_cancelled", False)
        self._finish()
        self._settle_rows(set(), tr("annulé") if cancelled else tr("interrompu"))
        self.summary.setPlainText(tr("Export annulé : les fichiers déjà écrits restent dans "
                                      "le dossier.") if cancelled
                                   else tr("Export interrompu : ") + plain(message))

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
