"""Main window: operations (recent list, crash restore), import of files or folders with
progress, background detection after import, the chutier, anonymisation review, export and
validation, the Aide menu; undo/redo through the core's command mechanism. The default
size fits a 1366×768 laptop screen; every tab scrolls where it needs more room."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDir, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextEdit,
)

from mediakit.errors import MediakitError
from mediakit.library.importer import import_files
from mediakit.library.project import Operation, is_operation
from mediakit.media.kinds import PHOTO, PHOTO_EXTS, VIDEO, VIDEO_EXTS
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.chutier import Chutier, format_label, infographic_group
from mediakit.ui.compare import CompareDialog
from mediakit.ui.export_panel import ExportPanel
from mediakit.ui.help import GuideDialog, ShortcutsDialog, about_text
from mediakit.ui.i18n import LANGUAGES, install, language, tr
from mediakit.ui.infographic_panel import InfographicPanel
from mediakit.ui.item_state import item_state
from mediakit.ui.labels import kind_name
from mediakit.ui.mask_review import MaskReviewPanel
from mediakit.ui.messages import plain
from mediakit.ui.montage_panel import MontagePanel
from mediakit.ui.people_panel import PeoplePanel
from mediakit.ui.review_queue import ReviewQueuePanel
from mediakit.ui.rush_review import RushReviewPanel
from mediakit.ui.validation_panel import ValidationPanel
from mediakit.ui.widgets import ScrollTabs, default_size
from mediakit.ui.workers import Worker

MAX_RECENT = 8
AUTO_DETECT = "auto_detect"  # QSettings key: detect right after an import (default on)


class _Activity(QObject):
    """The background detection's current item, sent from its thread to the window."""

    detecting = Signal(str)


class MainWindow(QMainWindow):
    """One operation at a time; every long task runs in a worker thread."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("mediakit", "mediakit")
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.queued: list[str] = []  # items waiting for the background detection
        self.detecting: str | None = None
        self._activity = _Activity(self)
        self._activity.detecting.connect(self._detecting)
        self.setWindowTitle(tr("mediakit"))
        self.resize(default_size())
        self.chutier = Chutier()
        self.chutier.selected.connect(self._show_details)
        self.chutier.opened.connect(self.open_review)
        self.details = QLabel(tr("Ouvrez ou créez une opération (menu Fichier)."))
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setMinimumWidth(220)
        self.details.setContentsMargins(8, 4, 8, 4)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.log = QTextEdit(readOnly=True)
        self.log.setMaximumHeight(100)
        self.log.setPlaceholderText(tr("Journal : ce que l'import et la détection ont fait."))
        library = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.chutier)
        top.addWidget(self.details)
        top.setStretchFactor(0, 1)
        top.setSizes([940, 280])
        library.addWidget(top)
        library.addWidget(self.log)
        library.setStretchFactor(0, 1)
        library.setSizes([640, 64])
        self.review = MaskReviewPanel()
        self.queue = ReviewQueuePanel()  # every suspect of the operation, one key each
        self.queue.opened.connect(self.open_region)
        self.rush_review = RushReviewPanel()
        for panel in (self.review, self.rush_review):
            panel.next_requested.connect(self.open_next_to_review)
        self.infographic = InfographicPanel()
        self.montage = MontagePanel()
        self.montage.selection = lambda: self.chutier.selected_items()
        self.export = ExportPanel()
        self.people = PeoplePanel()
        self.validation = ValidationPanel()
        self.tabs = ScrollTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(library, tr("Chutier"))
        self.tabs.addTab(self.review, tr("Anonymisation"))
        self.tabs.addTab(self.queue, tr("Propositions à vérifier"))
        self.tabs.addTab(self.rush_review, tr("Rushes"))
        self.tabs.addTab(self.people, tr("Personnes"))
        self.tabs.addTab(self.infographic, tr("Infographies"))
        self.tabs.addTab(self.montage, tr("Montage"))
        self.tabs.addTab(self.export, tr("Export"))
        self.tabs.addTab(self.validation, tr("Validation"))
        self.setCentralWidget(self.tabs)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("Annuler"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.bridge = DocumentBridge(self._on_change, delay_ms=150, parent=self)
        # another process (a command, a colleague's window) may edit the operation: look
        # for its changes every second; views refresh through the bridge, selections and
        # this window's undo history stay
        self.external = QTimer(self)
        self.external.setInterval(1000)
        self.external.timeout.connect(self.refresh_from_store)
        self.external.start()
        self._build_menu()
        self.setAcceptDrops(True)

    @property
    def grid(self):  # noqa: ANN201 - the chutier's list widget (tests, shortcuts)
        return self.chutier.grid

    # -- menus -------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(tr("&Fichier"))
        self._add(menu, tr("&Nouvelle opération…"), self.new_operation, QKeySequence.StandardKey.New)
        self._add(menu, tr("&Ouvrir une opération…"), self.choose_operation,
                  QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu(tr("Opérations &récentes"))
        menu.addSeparator()
        self.import_action = self._add(menu, tr("&Importer des fichiers…"),
                                       self.choose_import_files, "Ctrl+I")
        self.import_folder_action = self._add(menu, tr("Importer un &dossier…"),
                                              self.choose_import, "Ctrl+Shift+I")
        menu.addSeparator()
        self._add(menu, tr("&Quitter"), self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu(tr("&Édition"))
        self.undo_action = self._add(edit, tr("Annuler"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._add(edit, tr("Rétablir"), self.redo, QKeySequence.StandardKey.Redo)
        edit.addSeparator()
        self._add(edit, tr("Comparer la sélection (2 à 4 photos)"), self.compare_selection, "C")
        view = self.menuBar().addMenu(tr("&Affichage"))
        lang_menu = view.addMenu(tr("Langue"))
        for code, label in LANGUAGES.items():
            action = lang_menu.addAction(label)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
        anon = self.menuBar().addMenu(tr("&Anonymisation"))
        self.detect_action = self._add(anon, tr("&Détecter visages et plaques"),
                                       self.detect_all, "Ctrl+D")
        self.next_action = self._add(anon, tr("Élément &suivant à relire"),
                                     self.open_next_to_review, "F3")
        self.auto_detect_action = QAction(tr("Détecter &automatiquement après l'import"), self)
        self.auto_detect_action.setCheckable(True)
        self.auto_detect_action.setChecked(self.auto_detect())
        self.auto_detect_action.toggled.connect(self.set_auto_detect)
        anon.addAction(self.auto_detect_action)
        aide = self.menuBar().addMenu(tr("Ai&de"))
        self._add(aide, tr("&Guide : le travail dans l'ordre"), self.show_guide,
                  QKeySequence.StandardKey.HelpContents)
        self._add(aide, tr("&Raccourcis clavier"), self.show_shortcuts, "Ctrl+/")
        aide.addSeparator()
        self._add(aide, tr("À &propos de mediakit"), self.show_about)
        self._fill_recent()
        self._update_actions()

    def _add(self, menu, text, slot, shortcut=None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self._try(
                lambda: self.set_operation(Operation.open(p))))
        self.recent_menu.setEnabled(bool(self.recent()))

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        self.settings.sync()
        self.statusBar().showMessage(tr("La langue choisie s'appliquera au prochain démarrage."),
                                     8000)

    def auto_detect(self) -> bool:
        """Whether detection starts by itself after an import (saved setting, default on)."""
        value = self.settings.value(AUTO_DETECT, True)
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")

    def set_auto_detect(self, on: bool) -> None:
        self.settings.setValue(AUTO_DETECT, bool(on))
        self.settings.sync()
        if self.auto_detect_action.isChecked() != bool(on):
            self.auto_detect_action.setChecked(bool(on))

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self, self.tabs)
        dialog.show()
        return dialog

    def show_guide(self) -> GuideDialog:
        dialog = GuideDialog(self)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, tr("À propos de mediakit"), about_text())

    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _update_actions(self) -> None:
        has_op, idle = self.op is not None, self.worker is None
        self.import_action.setEnabled(has_op and idle)
        self.import_folder_action.setEnabled(has_op and idle)
        self.detect_action.setEnabled(has_op and idle)
        self.undo_action.setEnabled(has_op and self.op.doc.can_undo)
        self.redo_action.setEnabled(has_op and self.op.doc.can_redo)

    # -- operations --------------------------------------------------------------------
    def new_operation(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Dossier de la nouvelle opération (un dossier vide, ou celui où la "
                     "ranger)"), QDir.homePath())
        if not folder:
            return
        name, ok = QInputDialog.getText(self, tr("Nouvelle opération"),
                                        tr("Nom de l'opération :"))
        if ok and name.strip():
            target = operation_folder(Path(folder), name)
            self._try(lambda: self.set_operation(Operation.create(target, name.strip())))
            if self.op is not None and self.op.root.resolve() == target.resolve():
                self.statusBar().showMessage(tr("Opération créée dans {folder}").format(
                    folder=target), 8000)

    def choose_operation(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Ouvrir une opération"),
                                                  QDir.homePath())
        if folder:
            self._try(lambda: self.set_operation(Operation.open(folder)))

    def set_operation(self, op: Operation) -> None:
        self.op = op
        self.bridge.watch(op.doc)
        self.setWindowTitle(f"mediakit — {op.name}")
        path = str(op.root.resolve())
        self.settings.setValue("recent", [path] + [p for p in self.recent() if p != path]
                               [: MAX_RECENT - 1])
        self.settings.setValue("open_operation", path)  # cleared on a clean exit
        self.settings.sync()
        self._fill_recent()
        for panel in (self.chutier, self.export, self.infographic, self.validation,
                      self.montage, self.people, self.queue):
            panel.set_operation(op)
        self._update_details()
        self._update_actions()

    def _on_change(self) -> None:
        self.chutier.refresh()
        self.validation.refresh()
        self._update_details()
        self._update_actions()

    def _update_details(self) -> None:
        """The side panel: the selected item, else the operation's counts (always current)."""
        if self.op is None:
            return
        current = self.chutier.grid.currentItem()
        sha = current.data(Qt.ItemDataRole.UserRole) if current else None
        if sha in self.op.items:
            self.details.setText(self._item_details(sha))
            return
        items = self.op.items
        photos = sum(1 for it in items.values() if it["kind"] == PHOTO)
        rushes = sum(1 for it in items.values() if it["kind"] == VIDEO)
        states: dict[str, int] = {}
        for s in items:
            text = self.chutier.state_of(s).text.split(" :")[0]
            states[text] = states.get(text, 0) + 1
        lines = "".join(f"<li>{n} {text}</li>" for text, n in sorted(states.items()))
        made = len(items) - photos - rushes  # montages and infographics
        counts = tr("{count} élément(s) : {photos} photo(s), {rushes} rush(es)").format(
            count=len(items), photos=photos, rushes=rushes)
        if made:
            counts += tr(", {n} montage(s) ou infographie(s)").format(n=made)
        advice = (tr("Double-cliquez une photo ou un rush pour revoir ses masques.") if items
                  else tr("Importez les photos et les rushes de l'opération : menu Fichier › "
                          "Importer des fichiers… ou Importer un dossier…, ou glissez-les "
                          "dans cette fenêtre."))
        self.details.setText(f"<h3>{self.op.name}</h3><p>{counts}</p>"
                             + (f"<ul>{lines}</ul>" if lines else "") + f"<p>{advice}</p>")

    def _item_details(self, sha: str) -> str:
        item = self.op.items[sha]
        info = item.get("info") or {}
        state = self.chutier.state_of(sha)
        rows = [(tr("Type"), kind_name(item["kind"]))]
        if info.get("width"):
            rows.append((tr("Taille"), f"{info['width']} × {info.get('height')}"))
        if item["kind"] in (VIDEO, "montage") and info.get("duration"):
            rows.append((tr("Durée"), f"{info['duration']:.1f} s".replace(".", ",")))
        if item["kind"] not in (PHOTO, VIDEO):  # made here: no camera, no place
            names = [self.op.items[s]["name"] for s in item.get("sources") or []
                     if s in self.op.items]
            rows.append((tr("Fait avec"), ", ".join(names) or tr("aucune photo ni rush")))
            group = self.chutier.group_of(sha)
            if len(group) > 1:  # one card for the infographic's formats, named as it is
                rows.append((tr("Formats"), ", ".join(format_label(self.op.items[s])
                                                      for s in group)))
                item = {**item, "name": infographic_group(item)[0]}
                state = self.chutier.group_state(group)
            return self._details_html(item, state, rows)
        rows.append((tr("Prise de vue"), info.get("capture_date") or tr("date inconnue")))
        camera = " ".join(x for x in (info.get("camera_make"), info.get("camera_model")) if x)
        rows.append((tr("Appareil"), camera or tr("inconnu")))
        rows.append((tr("Position GPS"), tr("présente (retirée à l'export)") if info.get("gps")
                     else tr("aucune")))
        return self._details_html(item, state, rows)

    @staticmethod
    def _details_html(item: dict, state, rows: list[tuple[str, str]]) -> str:  # noqa: ANN001
        table = "".join(f"<tr><td style='color:#555;padding-right:8px'>{k}</td><td>{v}</td></tr>"
                        for k, v in rows)
        return (f"<h3>{item['name']}</h3>"
                f"<p><span style='background:{state.colour};color:white'>&nbsp;{state.text}"
                f"&nbsp;</span></p><table>{table}</table>")

    def refresh_from_store(self) -> bool:
        """Take in what other processes changed in the operation (cheap when nothing)."""
        if self.op is None:
            return False
        try:
            return self.op.refresh()
        except MediakitError as exc:
            self.statusBar().showMessage(plain(str(exc)), 6000)
            return False

    def undo(self) -> None:
        self._undo_redo(redo=False)

    def redo(self) -> None:
        self._undo_redo(redo=True)

    def _undo_redo(self, redo: bool) -> None:
        if self.op is None:
            return
        try:
            if redo:
                self.op.doc.redo()
            else:
                self.op.doc.undo()
        except MediakitError as exc:  # another process changed it since: nothing done
            QMessageBox.warning(self, tr("mediakit"), plain(str(exc)))

    def compare_selection(self) -> CompareDialog | None:
        if self.op is None:
            return None
        shas = [s for s in self.chutier.selected_items() if self.op.items[s]["kind"] == PHOTO]
        try:
            from mediakit.photo.selection import compute_all_hints

            if 2 <= len(shas) <= 4:
                compute_all_hints(self.op, only=shas)  # a few photos: fast enough here
            dialog = CompareDialog(self.op, shas, self)
        except MediakitError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return None
        dialog.show()
        return dialog

    def open_review(self, sha: str) -> None:
        if self.op is None:
            return
        if self.op.items[sha]["kind"] == VIDEO:
            self.rush_review.set_item(self.op, sha)
            self.tabs.setCurrentWidget(self.rush_review)
            return
        if self.op.items[sha]["kind"] != PHOTO:
            return
        self.review.set_item(self.op, sha)
        self.tabs.setCurrentWidget(self.review)

    def open_next_to_review(self) -> str | None:
        """Open the next photo or rush still to review after the one on screen (by name,
        round again); say so when everything is reviewed."""
        if self.op is None:
            return None
        ordered = sorted((s for s, it in self.op.items.items() if it["kind"] in (PHOTO, VIDEO)),
                         key=lambda s: self.op.items[s]["name"])
        here = (self.rush_review.sha if self.tabs.currentWidget() is self.rush_review
                else self.review.sha)
        start = ordered.index(here) + 1 if here in ordered else 0
        for sha in ordered[start:] + ordered[:start]:
            if sha != here and self.chutier.state_of(sha).code in ("to_check", "to_review"):
                self.open_review(sha)
                return sha
        waiting = sum(1 for s in ordered if self.chutier.state_of(s).code == "not_detected")
        self.statusBar().showMessage(
            tr("Plus rien à relire : {n} élément(s) attendent la détection.").format(n=waiting)
            if waiting else tr("Toutes les photos et tous les rushes sont revus : passez aux "
                               "infographies, au montage ou à l'export."), 8000)
        return None

    def open_region(self, sha: str, region: str) -> None:
        """Open an item in its review tab on one region: the mask selected (photo), the
        middle of the track (rush)."""
        self.open_review(sha)
        item = self.op.items[sha] if self.op is not None else {}
        if item.get("kind") == PHOTO:
            self.review.select_mask(region)
        for track in item.get("tracks", []) if item.get("kind") == VIDEO else []:
            if track["id"] == region:
                self.rush_review.set_frame(sum(track["frames"]) // 2)

    # -- long tasks --------------------------------------------------------------------
    def choose_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Importer un dossier de photos et "
                                                           "rushes"), QDir.homePath())
        if folder:
            self.start_import([folder])

    def choose_import_files(self) -> None:
        patterns = " ".join(f"*{e}" for e in sorted(PHOTO_EXTS | VIDEO_EXTS))
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Importer des photos et des rushes"), QDir.homePath(),
            tr("Photos et rushes ({patterns})").format(patterns=patterns))
        if files:
            self.start_import(files)

    def start_import(self, sources: list[str]) -> None:
        if self.op is None or self.worker is not None:
            return
        op = self.op

        def task(progress, cancelled, on_message):  # noqa: ANN001
            return import_files(op, sources, progress=progress, cancelled=cancelled,
                                on_message=on_message)

        self._start(task, tr("Import"), self._import_done)

    def detect_all(self) -> None:
        """Detect on every photo and rush not reviewed yet (menu Anonymisation)."""
        if self.op is None:
            return
        ordered = sorted(self.op.items.items(), key=lambda kv: kv[1]["name"])
        todo = [s for s, it in ordered if item_state(it).code == "not_detected"]
        if not todo:
            todo = [s for s, it in ordered if it["kind"] in (PHOTO, VIDEO)
                    and item_state(it).code in ("to_review", "to_check")]
            if not todo or QMessageBox.question(
                    self, tr("Relancer la détection"),
                    tr("La détection a déjà été lancée sur chaque élément. La relancer sur les "
                       "{n} élément(s) non revus ? Les décisions prises sur leurs masques "
                       "automatiques seront remplacées.").format(n=len(todo))
            ) != QMessageBox.StandardButton.Yes:
                return
        self.start_detection(todo)

    def start_detection(self, shas: list[str]) -> None:
        """Detect faces and plates on ``shas`` in the background (progress, cancel)."""
        if self.op is None or self.worker is not None or not shas:
            return
        op, activity = self.op, self._activity
        self.queued = list(shas)
        self.chutier.set_activity(None, set(self.queued))

        def task(progress, cancelled, on_message):  # noqa: ANN001
            from mediakit.photo.batch import TimeLeft
            from mediakit.photo.operation import detect_item as detect_photo
            from mediakit.privacy.detector import Detector
            from mediakit.video.operation import detect_item as detect_rush

            detectors: dict[str, Detector] = {}
            done, timer = 0, TimeLeft()
            for i, sha in enumerate(shas):
                if cancelled():
                    break
                item = op.items[sha]
                activity.detecting.emit(sha)
                left = timer.text(i, len(shas))  # from the mean time of the items done
                label = (tr("{name} — reste environ {left}").format(name=item["name"], left=left)
                         if left else item["name"])
                progress(i * 100, len(shas) * 100, label)
                if item["kind"] == VIDEO:
                    detector = detectors.setdefault("video", Detector(profile="video"))
                    found = detect_rush(op, sha, detector, progress=lambda d, t, i=i,
                                        n=label: progress(i * 100 + (100 * d) // max(t, 1),
                                                          len(shas) * 100, n))
                    on_message(tr("{name} : {n} piste(s) proposée(s)").format(
                        name=item["name"], n=len(found)))
                else:
                    detector = detectors.setdefault("photo", Detector())
                    found = detect_photo(op, sha, detector)
                    on_message(tr("{name} : {n} masque(s) proposé(s)").format(
                        name=item["name"], n=len(found)))
                done += 1
            activity.detecting.emit("")
            op.save()
            return done

        self._start(task, tr("Détection"), self._detection_done)

    def _detecting(self, sha: str) -> None:
        if self.detecting and self.detecting in self.queued:
            self.queued.remove(self.detecting)
        self.detecting = sha or None
        if sha in self.queued:
            self.queued.remove(sha)
        self.chutier.set_activity(self.detecting, set(self.queued))
        self._update_details()

    def _detection_done(self, count: int) -> None:
        self.statusBar().showMessage(tr("Détection terminée sur {n} élément(s) : relisez les "
                                        "masques proposés").format(n=count), 10000)

    def _clear_activity(self) -> None:
        self.detecting, self.queued = None, []
        self.chutier.set_activity(None, set())

    def _start(self, task, title: str, done) -> None:  # noqa: ANN001
        # only bound methods of main-thread objects: Qt then queues the calls to this thread
        self._task_title, self._task_done = title, done
        self.worker = Worker(task)
        self.worker.progress.connect(self._on_progress)
        self.worker.message.connect(self.log.append)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._failed)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._update_actions()
        self.worker.start()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"{self._task_title} : {name}")

    def _on_finished(self, result) -> None:  # noqa: ANN001
        self._end_worker()
        self._task_done(result)

    def _import_done(self, report) -> None:  # noqa: ANN001
        for message in report.failed:
            self.log.append(tr("ÉCHEC {message}").format(message=plain(message)))
        self.statusBar().showMessage(
            tr("{imported} importé(s), {duplicates} doublon(s), {failed} en échec").format(
                imported=len(report.imported), duplicates=len(report.duplicates),
                failed=len(report.failed)), 10000)
        for panel in (self.export, self.infographic, self.montage, self.people):
            panel.set_operation(self.op)
        self._on_change()
        if report.imported and self.auto_detect():
            self.start_detection([s for s in report.imported if s in self.op.items
                                  and self.op.items[s]["kind"] in (PHOTO, VIDEO)])

    def _failed(self, message: str) -> None:
        cancelled = self.worker is not None and self.worker.was_cancelled
        self._end_worker()
        if cancelled:
            self.statusBar().showMessage(tr("{task} annulé(e)").format(task=self._task_title),
                                         10000)
        else:
            QMessageBox.warning(self, tr("mediakit"), message)
        self._on_change()

    def _end_worker(self) -> None:
        if self.worker is not None:
            self.worker.thread.wait(5000)
        self.worker = None
        self._clear_activity()
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_actions()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage(tr("Arrêt demandé : fin de l'élément en cours…"))

    # -- drag and drop, details, errors ------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.mimeData().hasUrls() and self.op is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.start_import(paths)

    def _show_details(self, _sha: str) -> None:
        self._update_details()

    def _try(self, fn) -> None:  # noqa: ANN001
        try:
            fn()
        except MediakitError as exc:
            QMessageBox.warning(self, tr("mediakit"), plain(str(exc)))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if self.worker is not None:
            self.worker.cancel()
            self.worker.thread.wait(10000)
        if self.rush_review.worker is not None:
            self.rush_review.worker.thread.wait(30000)
        if self.op is not None and self.op.doc.dirty:
            self.op.save()
        self.settings.remove("open_operation")
        self.settings.sync()
        super().closeEvent(event)


def operation_folder(chosen: Path, name: str) -> Path:
    """Where a new operation goes: the chosen folder when it is empty, else a new folder
    named after the operation inside it (never spread over a folder of other files)."""
    from mediakit.channels.naming import slug

    if chosen.is_dir() and not any(chosen.iterdir()):
        return chosen
    base = slug(name, 60) or "operation"
    target, n = chosen / base, 2
    while target.exists() and (not target.is_dir() or any(target.iterdir())):
        target, n = chosen / f"{base}-{n}", n + 1
    return target


def crashed_operation(settings: QSettings) -> str | None:
    """The operation that was open when the application last stopped without closing."""
    path = settings.value("open_operation")
    return path if path and is_operation(path) else None


def run(directory: str | None = None) -> int:
    """Start the application on ``directory``, or on the operation a crash left open."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mediakit")
    settings = QSettings("mediakit", "mediakit")
    install(language(settings))  # mediakit's strings and Qt's own dialogs

    window = MainWindow(settings)
    target = directory or crashed_operation(window.settings)
    if target:
        try:
            window.set_operation(Operation.open(Path(target)))
            if not directory:
                window.statusBar().showMessage(tr("Opération restaurée après un arrêt "
                                                  "inattendu."))
        except MediakitError as exc:
            QMessageBox.warning(window, tr("mediakit"), plain(str(exc)))
    window.show()
    return app.exec()

