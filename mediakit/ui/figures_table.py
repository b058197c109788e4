"""A table to type an infographic's figures, chart data or list items, never raw JSON.

Each row is a figure (Libellé, Valeur, Unité, Icône), a data point of a chart (Libellé,
Valeur) or a line of a list (Texte). Values are read the French way (« 1 234,5 ») and shown
so; a value that is not a number is marked in the table and named by :meth:`values`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.ui.i18n import tr, tr_noop
from mediakit.ui.numbers import format_decimal, parse_decimal

LABEL, VALUE, UNIT, ICON, TEXT = "label", "value", "unit", "icon", "text"
FIGURES = (LABEL, VALUE, UNIT, ICON)
SERIES = (LABEL, VALUE)
LINES = (TEXT,)
HEADERS = {LABEL: tr_noop("Libellé"), VALUE: tr_noop("Valeur"), UNIT: tr_noop("Unité"),
           ICON: tr_noop("Icône"), TEXT: tr_noop("Texte")}
# the charte's pictograms (mediakit.infographic.icons), named for the officer
ICON_NAMES = {"personne": tr_noop("personne"), "groupe": tr_noop("groupe"),
              "menottes": tr_noop("menottes"), "poids": tr_noop("poids"),
              "vehicule": tr_noop("véhicule"), "bouclier": tr_noop("bouclier"),
              "telephone": tr_noop("téléphone"), "calendrier": tr_noop("calendrier"),
              "lieu": tr_noop("lieu"), "alerte": tr_noop("alerte"),
              "horloge": tr_noop("horloge"), "maison": tr_noop("maison"),
              "oeil": tr_noop("œil"), "coche": tr_noop("coche"), "colis": tr_noop("colis"),
              "euro": tr_noop("euro"), "info": tr_noop("information")}
INVALID = QColor("#f8d7da")


class FiguresTable(QWidget):
    """Rows of ``columns`` with buttons to add, remove and move them; ``changed`` fires on
    every edit."""

    changed = Signal()

    def __init__(self, columns: tuple[str, ...] = FIGURES, parent: QWidget | None = None,
                 field_label: str = "") -> None:
        super().__init__(parent)
        self.columns = columns
        self.field_label = field_label
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([tr(HEADERS[c]) for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        for i, col in enumerate(columns):
            mode = (QHeaderView.ResizeMode.Stretch if col in (LABEL, TEXT)
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(i, mode)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(tr("Ajouter une ligne"))
        self.remove_button = QPushButton(tr("Supprimer"))
        self.up_button = QPushButton(tr("Monter"))
        self.down_button = QPushButton(tr("Descendre"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(lambda: self.remove_row())
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    # -- rows as plain texts -----------------------------------------------------------
    def _col(self, name: str) -> int:
        return self.columns.index(name)

    def _cell_text(self, row: int, col: str) -> str:
        if col == ICON:
            box = self.table.cellWidget(row, self._col(ICON))
            return (box.currentData() or "") if isinstance(box, QComboBox) else ""
        item = self.table.item(row, self._col(col))
        return item.text().strip() if item is not None else ""

    def raw_rows(self) -> list[dict[str, str]]:
        """Every row as typed (texts, icon keys)."""
        return [{c: self._cell_text(r, c) for c in self.columns}
                for r in range(self.table.rowCount())]

    def set_raw_rows(self, rows: list[dict[str, Any]]) -> None:
        """Replace the rows (values shown the French way when they are numbers)."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            self._insert(self.table.rowCount(), row)
        self.table.blockSignals(False)
        self.changed.emit()

    def _insert(self, index: int, row: dict[str, Any]) -> None:
        self.table.insertRow(index)
        for i, col in enumerate(self.columns):
            value = row.get(col, "")
            if col == ICON:
                box = QComboBox()
                box.addItem("—", "")
                for key, name in ICON_NAMES.items():
                    box.addItem(tr(name), key)
                found = box.findData(value or "")
                if value and found < 0:  # a pictogram this table does not know: kept
                    box.addItem(str(value), value)
                    found = box.count() - 1
                box.setCurrentIndex(max(found, 0))
                box.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(index, i, box)
                continue
            if col == VALUE and isinstance(value, int | float) and not isinstance(value, bool):
                value = format_decimal(value)
            item = QTableWidgetItem(str(value))
            if col == VALUE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(index, i, item)

    # -- editing -----------------------------------------------------------------------
    def add_row(self, row: dict[str, Any] | None = None) -> int:
        """Append a row (empty unless given) and put the cursor in its first cell."""
        index = self.table.rowCount()
        self.table.blockSignals(True)
        self._insert(index, row or {})
        self.table.blockSignals(False)
        self.table.setCurrentCell(index, 0)
        self.changed.emit()
        return index

    def remove_row(self, row: int | None = None) -> None:
        row = self.table.currentRow() if row is None else row
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
            self.changed.emit()

    def move_row(self, step: int, row: int | None = None) -> None:
        """Move a row up (``-1``) or down (``1``), keeping it selected."""
        row = self.table.currentRow() if row is None else row
        target = row + step
        if not (0 <= row < self.table.rowCount() and 0 <= target < self.table.rowCount()):
            return
        rows = self.raw_rows()
        rows[row], rows[target] = rows[target], rows[row]
        self.set_raw_rows(rows)
        self.table.setCurrentCell(target, 0)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self.columns[item.column()] == VALUE:
            self.table.blockSignals(True)
            try:
                value = parse_decimal(item.text())
            except ValueError:
                if item.text().strip():
                    item.setBackground(QBrush(INVALID))
                    item.setToolTip(tr("Nombre attendu, par exemple 1 234,5"))
                else:
                    item.setBackground(QBrush())
                    item.setToolTip("")
            else:
                item.setText(format_decimal(value))
                item.setBackground(QBrush())
                item.setToolTip("")
            self.table.blockSignals(False)
        self.changed.emit()

    # -- values for the template ---------------------------------------------------------
    def values(self) -> list[dict[str, Any]]:
        """The filled rows, numbers parsed (empty rows skipped); MediakitError names the
        first row whose value is missing or not a number."""
        out = []
        what = self.field_label or tr("tableau")
        for number, row in enumerate(self.raw_rows(), start=1):
            if not any(row.values()):
                continue
            if VALUE in self.columns:
                text = row[VALUE]
                if not text:
                    raise MediakitError(tr("« {what} », ligne {row} : valeur manquante")
                                        .format(what=what, row=number))
                try:
                    row = {**row, VALUE: parse_decimal(text)}
                except ValueError:
                    raise MediakitError(
                        tr("« {what} », ligne {row} : « {text} » n'est pas un nombre "
                           "(par exemple 1 234,5)").format(what=what, row=number, text=text)
                    ) from None
            out.append(row)
        return out

    def figures(self) -> list[dict[str, Any]]:
        """Rows as a figures field: ``[{"valeur", "unite", "libelle", "icone"}]``."""
        out = []
        for row in self.values():
            figure: dict[str, Any] = {"valeur": row[VALUE], "libelle": row.get(LABEL, "")}
            if row.get(UNIT):
                figure["unite"] = row[UNIT]
            if row.get(ICON):
                figure["icone"] = row[ICON]
            out.append(figure)
        return out

    def set_figures(self, figures: list[dict[str, Any]]) -> None:
        self.set_raw_rows([{LABEL: f.get("libelle", ""), VALUE: f.get("valeur", ""),
                            UNIT: f.get("unite", ""), ICON: f.get("icone", "")}
                           for f in figures or [] if isinstance(f, dict)])

    def series(self) -> list[list[Any]]:
        """Rows as chart data: ``[[label, value]]``."""
        return [[row.get(LABEL, ""), row[VALUE]] for row in self.values()]

    def set_series(self, series: list[tuple[str, float]] | list[list[Any]]) -> None:
        self.set_raw_rows([{LABEL: str(label), VALUE: value} for label, value in series])

    def texts(self) -> list[str]:
        """Rows as a list field."""
        return [row[TEXT] for row in self.values() if row.get(TEXT)]

    def set_texts(self, texts: list[str]) -> None:
        self.set_raw_rows([{TEXT: str(t)} for t in texts or []])
