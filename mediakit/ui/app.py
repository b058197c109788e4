"""Main window: open or create an operation, import with progress, browse the chutier."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextEdit,
)

from mediakit.errors import MediakitError
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.library.summary import STATUS_FR, describe
from mediakit.ui.workers import Worker


class MainWindow(QMainWindow):
    """The chutier of one operation, with import and undo/redo."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.setWindowTitle("mediakit")
        self.resize(1100, 720)
        self.grid = QListWidget()
        self.grid.setViewMode(QListWidget.ViewMode.IconMode)
        self.grid.setIconSize(QSize(180, 180))
        self.grid.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.grid.setSpacing(8)
        self.grid.setWordWrap(True)
        self.grid.currentItemChanged.connect(self._show_details)
        self.details = QLabel("Ouvrez ou créez une opération (menu Fichier).")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.log = QTextEdit(readOnly=True)
        self.log.setMaximumHeight(140)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.grid)
        top.addWidget(self.details)
        top.setSizes([800, 300])
        split.addWidget(top)
        split.addWidget(self.log)
        self.setCentralWidget(split)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Annuler")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._build_menu()
        self.setAcceptDrops(True)

    # -- menus -------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Fichier")
        self._add(file_menu, "&Nouvelle opération…", self.new_operation, QKeySequence.StandardKey.New)
        self._add(file_menu, "&Ouvrir une opération…", self.choose_operation,
                  QKeySequence.StandardKey.Open)
        self.import_action = self._add(file_menu, "&Importer un dossier…", self.choose_import,
                                       "Ctrl+I")
        file_menu.addSeparator()
        self._add(file_menu, "&Quitter", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Édition")
        self.undo_action = self._add(edit_menu, "Annuler", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._add(edit_menu, "Rétablir", self.redo,
                                     QKeySequence.StandardKey.Redo)
        self._update_actions()

    def _add(self, menu, text, slot, shortcut=None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _update_actions(self) -> None:
        has_op = self.op is not None
        self.import_action.setEnabled(has_op and self.worker is None)
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
        if self.op is not None:
            self.op.doc.unsubscribe(self._on_change)
        self.op = op
        op.doc.subscribe(self._on_change)
        self.setWindowTitle(f"mediakit — {op.name}")
        self.refresh()

    def _on_change(self, _command, _how) -> None:  # noqa: ANN001
        self.refresh()

    def undo(self) -> None:
        if self.op and self.op.doc.undo():
            self.op.save()

    def redo(self) -> None:
        if self.op and self.op.doc.redo():
            self.op.save()

    # -- import ------------------------------------------------------------------------
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

        self.worker = Worker(task)
        self.worker.progress.connect(self._on_progress)
        self.worker.message.connect(self.log.append)
        self.worker.finished.connect(self._import_done)
        self.worker.failed.connect(self._import_failed)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._update_actions()
        self.worker.start()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"Import : {name}")

    def _import_done(self, report) -> None:  # noqa: ANN001
        self._end_worker()
        self.statusBar().showMessage(
            f"{len(report.imported)} importé(s), {len(report.duplicates)} doublon(s), "
            f"{len(report.failed)} en échec", 10000)
        self.refresh()

    def _import_failed(self, message: str) -> None:
        self._end_worker()
        QMessageBox.warning(self, "Import", message)
        self.refresh()

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

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.mimeData().hasUrls() and self.op is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.start_import(paths)

    # -- chutier -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.grid.clear()
        if self.op is None:
            return
        for sha, item in sorted(self.op.items.items(), key=lambda kv: kv[1]["name"]):
            thumb = self.op.root / item["thumb"] if item.get("thumb") else None
            icon = QIcon(QPixmap(str(thumb))) if thumb and thumb.exists() else QIcon()
            status = STATUS_FR.get(item.get("status", ""), "")
            entry = QListWidgetItem(icon, f"{item['name']}\n{status}")
            entry.setData(Qt.ItemDataRole.UserRole, sha)
            self.grid.addItem(entry)
        self._update_actions()

    def _show_details(self, current, _previous) -> None:  # noqa: ANN001
        if current is None or self.op is None:
            return
        sha = current.data(Qt.ItemDataRole.UserRole)
        self.details.setText("\n".join(describe(sha, self.op.items[sha])))

    def _try(self, fn) -> None:  # noqa: ANN001
        try:
            fn()
        except MediakitError as exc:
            QMessageBox.warning(self, "mediakit", str(exc))


def run(directory: str | None = None) -> int:
    """Start the application, optionally on an operation folder."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mediakit")
    window = MainWindow()
    if directory:
        window.set_operation(Operation.open(Path(directory)))
    window.show()
    return app.exec()
