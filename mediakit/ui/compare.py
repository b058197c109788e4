"""Side-by-side compare of two to four photos (masked previews), with their hints, rating
and flag; pick, reject or rate from here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.photo import selection
from mediakit.photo.preview import preview_path
from mediakit.ui.i18n import tr


class CompareDialog(QDialog):
    """Two to four photos next to each other."""

    def __init__(self, op: Operation, shas: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not 2 <= len(shas) <= 4:
            raise MediakitError(tr("Choisissez de deux à quatre photos à comparer."))
        self.op, self.shas = op, shas
        self.setWindowTitle(tr("Comparer"))
        self.resize(1400, 800)
        grid = QGridLayout(self)
        self.cells: dict[str, QLabel] = {}
        for col, sha in enumerate(shas):
            item = op.items[sha]
            picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            picture.setPixmap(QPixmap(str(preview_path(op, sha, side=900))).scaled(
                640, 560, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            info = QLabel()
            info.setWordWrap(True)
            self.cells[sha] = info
            rating = QSpinBox(minimum=0, maximum=5, value=int(item.get("rating") or 0))
            rating.setPrefix("★ ")
            rating.valueChanged.connect(lambda v, s=sha: self._edit(
                lambda: selection.set_rating(self.op, s, v)))
            pick = QPushButton(tr("Retenir"))
            pick.clicked.connect(lambda _=False, s=sha: self._edit(
                lambda: selection.set_flag(self.op, s, "pick")))
            reject = QPushButton(tr("Écarter"))
            reject.clicked.connect(lambda _=False, s=sha: self._edit(
                lambda: selection.set_flag(self.op, s, "reject")))
            buttons = QHBoxLayout()
            for widget in (rating, pick, reject):
                buttons.addWidget(widget)
            column = QVBoxLayout()
            column.addWidget(picture, 1)
            column.addWidget(info)
            column.addLayout(buttons)
            grid.addLayout(column, 0, col)
        self.refresh()

    def _edit(self, fn) -> None:  # noqa: ANN001
        fn()
        self.op.save()
        self.refresh()

    def refresh(self) -> None:
        for sha, label in self.cells.items():
            item = self.op.items[sha]
            hints = item.get("hints") or {}
            flag = {"pick": tr("retenue"), "reject": tr("écartée")}.get(item.get("flag"), "—")
            defects = ", ".join(hints.get("flags", [])) or tr("aucun défaut détecté")
            label.setText(f"<b>{item['name']}</b> — {flag}<br>"
                          f"{item['info']['width']}×{item['info']['height']} · "
                          f"{tr('netteté')} {hints.get('sharpness', 0):.0f} · {defects}")
