"""Validation screen: statuses and the chief's comments per item, pack a review bundle,
import a signed decision, publish the approved versions to the ready folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.library.status import status_fr
from mediakit.ui.i18n import tr
from mediakit.ui.workers import Worker


class ValidationPanel(QWidget):
    """The hand-off to the chief of service, from the officer's side."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Élément"), tr("Statut"), tr("Version"), tr("Commentaires")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.log = QTextEdit(readOnly=True)
        self.log.setMaximumHeight(160)
        self.pack_button = QPushButton(tr("Préparer un paquet de relecture…"))
        self.pack_button.clicked.connect(self.choose_pack)
        self.import_button = QPushButton(tr("Importer une décision signée…"))
        self.import_button.clicked.connect(self.choose_decision)
        self.publish_button = QPushButton(tr("Publier les versions validées"))
        self.publish_button.clicked.connect(self.publish)
        buttons = QHBoxLayout()
        for b in (self.pack_button, self.import_button, self.publish_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Rien n'est publié avant la validation du chef de service.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.log)

    def set_operation(self, op: Operation | None) -> None:
        self.op = op
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        if self.op is None:
            return
        for item in sorted(self.op.items.values(), key=lambda it: it["name"]):
            row = self.table.rowCount()
            self.table.insertRow(row)
            comments = " | ".join(c.get("comment", "") for c in item.get("review_comments", [])
                                  if c.get("comment"))
            values = [item["name"], status_fr(item),
                      str(item.get("version", "—")), comments]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _run(self, fn, done) -> None:  # noqa: ANN001
        if self.worker is not None:
            return
        self._done = done
        self.worker = Worker(lambda progress, cancelled, on_message: fn())
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _finished(self, result) -> None:  # noqa: ANN001
        self.worker.thread.wait(5000)
        self.worker = None
        self._done(result)
        self.refresh()

    def _failed(self, message: str) -> None:
        self.worker.thread.wait(5000)
        self.worker = None
        self.log.append(f"⛔ {message}")
        self.refresh()

    def choose_pack(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Paquet de relecture", "relecture.zip",
                                              "Paquet (*.zip)")
        if path:
            self.pack(Path(path))

    def pack(self, out: Path) -> None:
        from mediakit.validation.bundle import pack

        op = self.op
        self._run(lambda: pack(op, out), lambda r: self.log.append(
            f"Paquet {r.pack_id} : {r.bundle} ({len(r.items)} élément(s))"))

    def choose_decision(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Décision signée", "", "Décision (*.json)")
        if path:
            self.import_decision(Path(path))

    def import_decision(self, path: Path) -> None:
        from mediakit.validation.decisions import import_decision

        if self.op is None:
            return
        try:
            result = import_decision(self.op, path)
        except MediakitError as exc:
            self.log.append(f"⛔ décision refusée : {exc}")
            return
        self.log.append(f"Décision de {result.get('reviewer')} appliquée : "
                        f"{len(result.get('validated', []))} validé(s), "
                        f"{len(result.get('corrections', []))} à corriger")
        self.refresh()

    def publish(self) -> None:
        from mediakit.validation.gate import publication_text, publish

        op = self.op
        self._run(lambda: publish(op), lambda r: self.log.append(publication_text(r)))
