"""Main window: operations (recent list, crash restore), import with progress, the chutier,
anonymisation review and export, with undo/redo through the core's command mechanism."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
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
    QTabWidget,
    QTextEdit,
)

from mediakit.errors import MediakitError
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.library.summary import describe
from mediakit.media.kinds import PHOTO, VIDEO
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.chutier import Chutier
from mediakit.ui.compare import CompareDialog
from mediakit.ui.export_panel import ExportPanel
from mediakit.ui.i18n import LANGUAGES, install, language, tr
from mediakit.ui.infographic_panel import InfographicPanel
from mediakit.ui.mask_review import MaskReviewPanel
from mediakit.ui.montage_panel import MontagePanel
from mediakit.ui.people_panel import PeoplePanel
from mediakit.ui.rush_review import RushReviewPanel
from mediakit.ui.validation_panel import ValidationPanel
from mediakit.ui.workers import Worker

MAX_RECENT = 8


class MainWindow(QMainWindow):
    """One operation at a time; every long task runs in a worker thread."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("mediakit", "mediakit")
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.setWindowTitle(tr("mediakit"))
        self.resize(1280, 800)
        self.chutier = Chutier()
        self.chutier.selected.connect(self._show_details)
        self.chutier.opened.connect(self.open_review)
        self.details = QLabel(tr("Ouvrez ou créez une opération (menu Fichier)."))
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.log = QTextEdit(readOnly=True)
        self.log.setMaximumHeight(120)
        library = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.chutier)
        top.addWidget(self.details)
        top.setSizes([900, 300])
        library.addWidget(top)
        library.addWidget(self.log)
        self.review = MaskReviewPanel()
        self.rush_review = RushReviewPanel()
        self.infographic = InfographicPanel()
        self.montage = MontagePanel()
        self.export = ExportPanel()
        self.people = PeoplePanel()
        self.validation = ValidationPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(library, tr("Chutier"))
        self.tabs.addTab(self.review, tr("Anonymisation"))
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
        self.import_action = self._add(menu, tr("&Importer un dossier…"), self.choose_import,
                                       "Ctrl+I")
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
        self.detect_action = self._add(anon, tr("&Détecter visages et plaques (photos)"),
                                       self.detect_all, "Ctrl+D")
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

    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _update_actions(self) -> None:
        has_op, idle = self.op is not None, self.worker is None
        self.import_action.setEnabled(has_op and idle)
        self.detect_action.setEnabled(has_op and idle)
        self.undo_action.setEnabled(has_op and self.op.doc.can_undo)
        self.redo_action.setEnabled(has_op and self.op.doc.can_redo)

    # -- operations --------------------------------------------------------------------
    def new_operation(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Dossier de la nouvelle opération")
        if not folder:
            return
        name, ok = QInputDialog.getText(self, "Nouvelle opération", "Nom de l'opération :")
        if ok and name:
            self._try(lambda: self.set_operation(Operation.create(folder, name)))

    def choose_operation(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Ouvrir une opération")
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
                      self.montage, self.people):
            panel.set_operation(op)
        self.details.setText(tr("Opération : {name}\n{count} élément(s). Double-cliquez une photo "
                                "pour revoir ses masques.").format(name=op.name,
                                                                   count=len(op.items)))
        self._update_actions()

    def _on_change(self) -> None:
        self.chutier.refresh()
        self.validation.refresh()
        self._update_actions()

    def undo(self) -> None:
        if self.op and self.op.doc.undo():
            self.op.save()

    def redo(self) -> None:
        if self.op and self.op.doc.redo():
            self.op.save()

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

    # -- long tasks --------------------------------------------------------------------
    def choose_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Importer photos et rushes")
        if folder:
            self.start_import([folder])

    def start_import(self, sources: list[str]) -> None:
        if self.op is None or self.worker is not None:
            return
        op = self.op

        def task(progress, cancelled, on_message):  # noqa: ANN001
            return import_files(op, sources, progress=progress, cancelled=cancelled,
                                on_message=on_message)

        self._start(task, "Import", self._import_done)

    def detect_all(self) -> None:
        if self.op is None or self.worker is not None:
            return
        op = self.op

        def task(progress, cancelled, on_message):  # noqa: ANN001
            from mediakit.photo.operation import detect_item
            from mediakit.privacy.detector import Detector

            detector = Detector()
            shas = [s for s, it in op.items.items() if it["kind"] == PHOTO]
            for i, sha in enumerate(shas):
                if cancelled():
                    break
                progress(i, len(shas), op.items[sha]["name"])
                masks = detect_item(op, sha, detector)
                on_message(f"{op.items[sha]['name']} : {len(masks)} masque(s) proposé(s)")
            op.save()
            return len(shas)

        self._start(task, "Détection", lambda n: self.statusBar().showMessage(
            f"Détection terminée sur {n} photo(s)", 10000))

    def _start(self, task, title: str, done) -> None:  # noqa: ANN001
        # only bound methods of main-thread objects: Qt then queues the calls to this thread
        self._task_title, self._task_done = title, done
        self.worker = Worker(task)
        self.worker.progress.connect(self._on_progress)
        self.worker.message.connect(self.log.append)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._failed)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
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
            self.log.append(f"ÉCHEC {message}")
        self.statusBar().showMessage(
            f"{len(report.imported)} importé(s), {len(report.duplicates)} doublon(s), "
            f"{len(report.failed)} en échec", 10000)
        self.chutier.refresh()
        self.export.set_operation(self.op)

    def _failed(self, message: str) -> None:
        self._end_worker()
        QMessageBox.warning(self, "mediakit", message)
        self.chutier.refresh()

    def _end_worker(self) -> None:
        if self.worker is not None:
            self.worker.thread.wait(5000)
        self.worker = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_actions()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    # -- drag and drop, details, errors ------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.mimeData().hasUrls() and self.op is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.start_import(paths)

    def _show_details(self, sha: str) -> None:
        if self.op is not None and sha in self.op.items:
            self.details.setText("\n".join(describe(sha, self.op.items[sha])))

    def _try(self, fn) -> None:  # noqa: ANN001
        try:
            fn()
        except MediakitError as exc:
            QMessageBox.warning(self, "mediakit", str(exc))

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


def crashed_operation(settings: QSettings) -> str | None:
    """The operation that was open when the application last stopped without closing."""
    path = settings.value("open_operation")
    return path if path and Path(path, "mediakit.json").exists() else None


def run(directory: str | None = None) -> int:
    """Start the application on ``directory``, or on the operation a crash left open."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mediakit")
    settings = QSettings("mediakit", "mediakit")
    install(language(settings))
    window = MainWindow(settings)
    target = directory or crashed_operation(window.settings)
    if target:
        try:
            window.set_operation(Operation.open(Path(target)))
            if not directory:
                window.statusBar().showMessage("Opération restaurée après un arrêt inattendu.")
        except MediakitError as exc:
            QMessageBox.warning(window, "mediakit", str(exc))
    window.show()
    return app.exec()

