"""Infographic editor: charte and template pickers, a form for the fields, a live preview
per format, compliance warnings inline, the alt text, and export of every format."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError
from mediakit.infographic.charte import list_chartes, load_charte
from mediakit.infographic.render import parse_formats, render_one, write_outputs
from mediakit.infographic.templates import load_template
from mediakit.library.project import Operation
from mediakit.ui.i18n import tr

PREVIEW_SCALE = 0.4


class _PreviewSignals(QObject):
    done = Signal(int, int, object)


class _PreviewJob(QRunnable):
    def __init__(self, panel: InfographicPanel, index: int, data: dict[str, Any],
                 generation: int) -> None:
        super().__init__()
        self.panel, self.index, self.data, self.generation = panel, index, data, generation
        self.signals = panel._signals

    def run(self) -> None:
        try:
            result: object = self.panel.render_preview(self.index, self.data)
        except MediakitError as exc:
            result = str(exc)
        except Exception as exc:  # noqa: BLE001 - never let an exception reach Qt's pool
            result = f"aperçu impossible : {exc}"
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            self.signals.done.emit(self.generation, self.index, result)


class InfographicPanel(QWidget):
    """Fill a template, see it in each format, export them all."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.update_preview)
        self._signals = _PreviewSignals()
        self._signals.done.connect(self._show_preview)
        self._generation = 0
        self.charte_box = QComboBox()
        for charte in list_chartes():
            self.charte_box.addItem(charte.title, charte.name)
        self.template_box = QComboBox()
        self.charte_box.currentIndexChanged.connect(self._load_templates)
        self.template_box.currentIndexChanged.connect(self._load_form)
        self.form = QFormLayout()
        form_host = QWidget()
        form_host.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.alt = QPlainTextEdit()
        self.alt.setPlaceholderText(tr("Texte alternatif (généré depuis les champs si vide)"))
        self.alt.setMaximumHeight(90)
        self.alt.textChanged.connect(self.schedule)
        self.issues = QListWidget()
        self.issues.setMaximumHeight(110)
        self.previews = QTabWidget()
        self.previews.currentChanged.connect(self.schedule)
        self.formats = parse_formats("all")
        for width, height, dpi in self.formats:
            label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(320, 320)
            self.previews.addTab(label, "A4" if dpi else f"{width}×{height}")
        self.export_button = QPushButton(tr("Exporter tous les formats"))
        self.export_button.clicked.connect(self.export_all)
        self.result = QLabel()
        self.result.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Charte")))
        left.addWidget(self.charte_box)
        left.addWidget(QLabel(tr("Modèle")))
        left.addWidget(self.template_box)
        left.addWidget(scroll, 1)
        left.addWidget(QLabel(tr("Texte alternatif")))
        left.addWidget(self.alt)
        right = QVBoxLayout()
        right.addWidget(self.previews, 1)
        right.addWidget(QLabel(tr("Conformité à la charte")))
        right.addWidget(self.issues)
        right.addWidget(self.export_button)
        right.addWidget(self.result)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self._inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.base_dir = Path(".")
        self._load_templates()

    def set_operation(self, op: Operation | None) -> None:
        self.op = op

    # -- form --------------------------------------------------------------------------
    def _load_templates(self) -> None:
        self.charte = load_charte(self.charte_box.currentData())
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for name in sorted(self.charte.template_paths()):
            self.template_box.addItem(load_template(self.charte, name).title, name)
        self.template_box.blockSignals(False)
        self._load_form()

    def _load_form(self) -> None:
        self.template = load_template(self.charte, self.template_box.currentData())
        data, self.base_dir = self.template.sample_data()
        while self.form.rowCount():
            self.form.removeRow(0)
        self._inputs.clear()
        for name, spec in self.template.fields.items():
            if name == "alt":
                continue
            value = data.get(name, "")
            if spec.get("type", "text") == "text" and not isinstance(value, (list, dict)):
                widget: QLineEdit | QPlainTextEdit = QLineEdit(str(value))
                widget.textChanged.connect(self.schedule)
            else:
                widget = QPlainTextEdit(json.dumps(value, ensure_ascii=False, indent=1)
                                        if not isinstance(value, str) else value)
                widget.setMaximumHeight(140)
                widget.textChanged.connect(self.schedule)
            widget.setObjectName(name)
            self._inputs[name] = widget
            self.form.addRow(spec.get("label", name), widget)
        self.alt.blockSignals(True)
        self.alt.setPlainText(str(data.get("alt", "")))
        self.alt.blockSignals(False)
        self.schedule()

    def data(self) -> dict[str, Any]:
        """The form's fields (JSON fields parsed; a parse error names the field)."""
        out: dict[str, Any] = {}
        for name, widget in self._inputs.items():
            if isinstance(widget, QLineEdit):
                out[name] = widget.text()
                continue
            text = widget.toPlainText().strip()
            try:
                out[name] = json.loads(text) if text[:1] in "[{" else text
            except json.JSONDecodeError as exc:
                raise MediakitError(f"champ « {name} » : JSON invalide ({exc.msg})") from exc
        if self.alt.toPlainText().strip():
            out["alt"] = self.alt.toPlainText().strip()
        return out

    # -- preview -----------------------------------------------------------------------
    def schedule(self) -> None:
        self._timer.start()

    def update_preview(self) -> None:
        """Render the current format in the thread pool (the UI thread never waits)."""
        index = self.previews.currentIndex()
        try:
            data = self.data()
        except MediakitError as exc:
            self.issues.clear()
            self.issues.addItem(f"✖ {exc}")
            return
        self._generation += 1
        job = _PreviewJob(self, index, data, self._generation)
        QThreadPool.globalInstance().start(job)

    def render_preview(self, index: int, data: dict[str, Any]) -> Any:
        width, height, dpi = self.formats[index]
        return render_one(self.charte, self.template, data, self.base_dir, width, height, dpi,
                          scale=PREVIEW_SCALE * (0.3 if dpi else 1))

    def _show_preview(self, generation: int, index: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer edit is being rendered
        self.issues.clear()
        if isinstance(result, str):
            self.issues.addItem(f"✖ {result}")
            return
        rendered = result
        image = rendered.image.convert("RGB")
        qimage = QImage(image.tobytes(), image.width, image.height, 3 * image.width,
                        QImage.Format.Format_RGB888).copy()
        label: QLabel = self.previews.widget(index)
        label.setPixmap(QPixmap.fromImage(qimage).scaled(
            label.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        for issue in rendered.issues:
            self.issues.addItem(f"⚠ {issue.message}")
        if not rendered.issues:
            self.issues.addItem("✔ conforme à la charte")

    # -- export ------------------------------------------------------------------------
    def export_all(self) -> list[Path]:
        out_dir = (self.op.exports_dir if self.op else Path.cwd()) / "infographies"
        written: list[Path] = []
        try:
            data = self.data()
            for width, height, dpi in self.formats:
                rendered = render_one(self.charte, self.template, data, self.base_dir,
                                      width, height, dpi)
                if rendered.issues:
                    raise MediakitError(f"{rendered.name} : {rendered.issues[0].message}")
                written += write_outputs(rendered, out_dir)
        except MediakitError as exc:
            self.result.setText(f"Export refusé : {exc}")
            return written
        self.result.setText(f"{len(written) // 3} format(s) écrits dans {out_dir}")
        return written
