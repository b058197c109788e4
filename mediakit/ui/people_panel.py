"""People lists screen: who is always masked, who stays visible, with their reference faces.

Enrolment (face detection and encoding, about a second a photo) runs in a worker thread; the
list edit itself is made on the UI thread, as one undoable step of the operation.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.privacy import people
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.i18n import tr
from mediakit.ui.workers import Worker

ICON = 96  # px, side of the face shown in the lists


def list_title(list_name: str) -> str:
    """The French (translated) title of a people list."""
    return {"always_mask": tr("Toujours masquer"), "keep_visible": tr("Laisser visible")}[
        list_name]


class PeoplePanel(QWidget):
    """The operation's two people lists; add (off the UI thread), remove, move between them."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("Personnes"))
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self._pending: tuple[Operation, str, str] | None = None
        self.bridge = DocumentBridge(self.refresh, delay_ms=50, parent=self)
        explain = QLabel(tr(
            "« Toujours masquer » : personnes à protéger (agents enrôlés…), masquées sur toutes "
            "les photos et vidéos même si leur masque a été rejeté par erreur. « Laisser "
            "visible » : personnes qui ont consenti (porte-parole…), laissées visibles mais "
            "signalées à la relecture. Chaque personne est reconnue d'après le visage de ses "
            "photos de référence."))
        explain.setWordWrap(True)
        self.lists: dict[str, QListWidget] = {}
        columns = QHBoxLayout()
        for list_name in people.LISTS:
            widget = QListWidget()
            widget.setViewMode(QListView.ViewMode.IconMode)
            widget.setIconSize(QSize(ICON, ICON))
            widget.setGridSize(QSize(ICON + 40, ICON + 40))
            widget.setResizeMode(QListView.ResizeMode.Adjust)
            widget.setMovement(QListView.Movement.Static)
            widget.setWordWrap(True)
            widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            widget.itemSelectionChanged.connect(lambda n=list_name: self._selected_in(n))
            self.lists[list_name] = widget
            box = QGroupBox(list_title(list_name))
            QVBoxLayout(box).addWidget(widget)
            columns.addWidget(box)
        self.add_button = QPushButton(tr("Ajouter une personne…"))
        self.add_button.clicked.connect(self.choose_and_add)
        self.remove_button = QPushButton(tr("Retirer"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.move_button = QPushButton(tr("Déplacer vers l'autre liste"))
        self.move_button.clicked.connect(self.move_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.move_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._update_buttons()

    # -- showing -----------------------------------------------------------------------
    def set_operation(self, op: Operation | None) -> None:
        self.op = op
        self.bridge.watch(op.doc if op else None)
        self.status.clear()
        self.refresh()

    def refresh(self) -> None:
        """Rebuild both lists from the document, keeping the selected person selected."""
        keep = self.selected_id()
        for list_name, widget in self.lists.items():
            widget.blockSignals(True)
            widget.clear()
            for person in self.op.doc.get(("people", list_name), []) if self.op else []:
                item = QListWidgetItem(self._icon(person), person["name"])
                item.setData(Qt.ItemDataRole.UserRole, person["id"])
                item.setToolTip(tr("{count} photo(s) de référence :\n{photos}").format(
                    count=len(person.get("encodings", [])),
                    photos="\n".join(person.get("photos", []))))
                widget.addItem(item)
                if person["id"] == keep:
                    item.setSelected(True)
            widget.blockSignals(False)
        self._update_buttons()

    def _icon(self, person: dict) -> QIcon:
        path = people.face_path(self.op, person) if self.op else None
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():  # no crop stored (enrolled by an older version): a grey tile
            pixmap = QPixmap(ICON, ICON)
            pixmap.fill(QColor("#9aa0a6"))
        return QIcon(pixmap)

    def selected_id(self) -> str | None:
        """Id of the selected person (one selection across both lists), or None."""
        for widget in self.lists.values():
            for item in widget.selectedItems():
                return item.data(Qt.ItemDataRole.UserRole)
        return None

    def _selected_in(self, list_name: str) -> None:
        if self.lists[list_name].selectedItems():
            for other, widget in self.lists.items():
                if other != list_name:
                    widget.blockSignals(True)
                    widget.clearSelection()
                    widget.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.op is not None and self.worker is None
        self.add_button.setEnabled(idle)
        for button in (self.remove_button, self.move_button):
            button.setEnabled(idle and self.selected_id() is not None)

    # -- adding ------------------------------------------------------------------------
    def ask_person(self) -> tuple[str, str, list[str]] | None:
        """Name, list and reference photos from dialogs; None when cancelled."""
        name, ok = QInputDialog.getText(self, tr("Ajouter une personne"), tr("Nom :"))
        if not ok or not name.strip():
            return None
        titles = [list_title(n) for n in people.LISTS]
        title, ok = QInputDialog.getItem(self, tr("Ajouter une personne"), tr("Liste :"),
                                         titles, 0, False)
        if not ok:
            return None
        photos, _ = QFileDialog.getOpenFileNames(
            self, tr("Photos de référence (un visage bien visible)"), "",
            tr("Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)"))
        if not photos:
            return None
        return name, people.LISTS[titles.index(title)], photos

    def choose_and_add(self) -> None:
        answer = self.ask_person()
        if answer is not None:
            self.add_person(*answer)

    def add_person(self, name: str, list_name: str, photos: list[str]) -> None:
        """Enrol ``name`` on ``list_name``: faces are found and encoded in a worker thread."""
        if self.op is None or self.worker is not None:
            return
        if not name.strip() or not photos:
            self.status.setText(tr("✖ Donnez un nom et au moins une photo de référence."))
            return
        self._pending = (self.op, name.strip(), list_name)
        self.worker = Worker(lambda progress, cancelled, on_message:
                             people.encode_references(photos))
        self.worker.finished.connect(self._encoded)
        self.worker.failed.connect(self._failed)
        self.status.setText(tr("Recherche du visage de {name} sur {count} photo(s)…").format(
            name=name.strip(), count=len(photos)))
        self._update_buttons()
        self.worker.start()

    def _end_worker(self) -> tuple[Operation, str, str]:
        self.worker.thread.wait(5000)
        self.worker = None
        pending, self._pending = self._pending, None
        self._update_buttons()
        return pending

    def _encoded(self, refs: people.References) -> None:
        op, name, list_name = self._end_worker()
        try:
            people.add_person(op, name, list_name, refs)
            op.save()
        except (MediakitError, OSError, ValueError) as exc:
            self._failed_now(str(exc))
            return
        self.status.setText(tr("{name} ajouté(e) à « {list} ».").format(
            name=name, list=list_title(list_name)))
        self.refresh()

    def _failed(self, message: str) -> None:
        self._end_worker()
        self._failed_now(message)

    def _failed_now(self, message: str) -> None:
        self.status.setText(tr("✖ Personne non ajoutée : {message}").format(message=message))

    # -- removing, moving --------------------------------------------------------------
    def remove_selected(self) -> None:
        """Take the selected person off the lists (undoable from the Edit menu)."""
        def remove(op: Operation, pid: str) -> str:
            return tr("{name} retiré(e) des listes (Ctrl+Z pour annuler).").format(
                name=people.remove(op, pid)["name"])

        self._edit(remove)

    def move_selected(self) -> None:
        """Move the selected person to the other list."""
        def move(op: Operation, pid: str) -> str:
            target = people.move(op, pid)
            return tr("{name} déplacé(e) vers « {list} ».").format(
                name=people.find(op, pid)[2]["name"], list=list_title(target))

        self._edit(move)

    def _edit(self, fn: Callable[[Operation, str], str]) -> None:
        """Apply ``fn(op, person id)`` to the selected person, save, show its message."""
        pid = self.selected_id()
        if self.op is None or pid is None or self.worker is not None:
            return
        try:
            message = fn(self.op, pid)
            self.op.save()
        except (MediakitError, OSError) as exc:
            self.status.setText(f"✖ {exc}")
            return
        self.status.setText(message)
        self.refresh()
