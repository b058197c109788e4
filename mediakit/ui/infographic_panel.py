"""Infographic editor: charte and template pickers, a form whose widgets follow the template's
field kinds (text lines, tables of figures or chart data, list rows, a photo picked among the
operation's photos), a live preview per format that says when it is out of date and why,
compliance warnings inline, the alt text, and export of every format as deliverables."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediakit.errors import MediakitError, display_path
from mediakit.infographic.chart import read_series
from mediakit.infographic.charte import list_chartes, load_charte
from mediakit.infographic.project import (
    ACTION,
    ExportResult,
    export_infographic,
    never_detected,
    operation_photos,
    photo_blockers,
    with_photos,
)
from mediakit.infographic.render import parse_formats, render_one
from mediakit.infographic.templates import load_template
from mediakit.library.project import Operation
from mediakit.privacy.review_gate import Blocker, require_reviewed
from mediakit.ui.bridge import DocumentBridge
from mediakit.ui.figures_table import FIGURES, LINES, SERIES, FiguresTable
from mediakit.ui.i18n import tr
from mediakit.ui.item_state import item_state
from mediakit.ui.messages import plain
from mediakit.ui.preview_label import ScaledPreview
from mediakit.ui.widgets import ERROR_MARK, OK_MARK, WARNING_MARK
from mediakit.ui.workers import Worker

PREVIEW_SCALE = 0.4
_SPEC_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # « (CSV libellé,valeur) » after a label
TABLE_KINDS = {"figures": FIGURES, "chart": SERIES, "list": LINES}
STALE_STYLE = ("QLabel { background: #fdecea; color: #7f1d1d; border: 1px solid #f5c2c0;"
               " border-radius: 4px; padding: 6px; }")


class _PreviewSignals(QObject):
    done = Signal(int, int, object)


class _PreviewJob(QRunnable):
    """Render one format in Qt's pool; the result (or the error's text) comes back by
    signal, tagged with its generation so that a late, older render is dropped."""

    def __init__(self, signals: _PreviewSignals, index: int, render: Callable[[], Any],
                 generation: int) -> None:
        super().__init__()
        self.signals, self.index, self.render, self.generation = (signals, index, render,
                                                                  generation)

    def run(self) -> None:
        try:
            result: object = self.render()
        except MediakitError as exc:
            result = plain(str(exc))
        except Exception as exc:  # noqa: BLE001 - never let an exception reach Qt's pool
            result = tr("aperçu impossible : {error}").format(error=exc)
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            self.signals.done.emit(self.generation, self.index, result)


class ParagraphEdit(QPlainTextEdit):
    """A text field of a few visible lines (a message, a description): long text wraps
    instead of scrolling out of sight. Same ``text()``/``setText()`` as a line edit, the
    same string in the data (a line break typed starts a new paragraph)."""

    LINES = 4

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setTabChangesFocus(True)  # Tab goes to the next field, as in a line edit
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES
                            + 2 * int(self.document().documentMargin())
                            + margins.top() + margins.bottom() + 2 * self.frameWidth())

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the line edit's name
        self.setPlainText(text)


def is_paragraph(spec: dict[str, Any], sample: object) -> bool:
    """A text field edited on several lines: the template says so (``"multiline": true``),
    or, when it does not, its sample text is long (over 100 characters or on several
    lines)."""
    if "multiline" in spec:
        return bool(spec["multiline"])
    text = str(sample or "")
    return len(text) > 100 or "\n" in text


class PhotoField(QWidget):
    """A photo field: one of the operation's photos (never a file from disk), its
    description for the alt text, and why it may not be used yet."""

    changed = Signal()

    def __init__(self, name: str, required: bool) -> None:
        super().__init__()
        self.name, self.required = name, required
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.description = QLineEdit()
        self.description.setPlaceholderText(tr("Description de la photo (texte alternatif)"))
        self.description.textChanged.connect(lambda _t: self.changed.emit())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.override_button = QPushButton(tr("Utiliser sans relecture…"))
        self.override_button.setToolTip(tr("Demande une raison écrite, journalisée ; "
                                           "l'infographie sera signalée « masques non revus »"))
        self.override_button.setVisible(False)
        rows = QFormLayout()
        rows.setContentsMargins(12, 0, 0, 0)
        rows.addRow(tr("Photo de l'opération"), self.combo)
        rows.addRow(tr("Description"), self.description)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(rows)
        layout.addWidget(self.state)
        layout.addWidget(self.override_button)
        self.fill(None)

    def sha(self) -> str | None:
        return self.combo.currentData()

    def fill(self, op: Operation | None) -> None:
        """List the operation's photos with their review state, keeping the choice."""
        keep = self.sha()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr("— aucune photo —") if op is not None
                           else tr("— ouvrez une opération pour choisir une photo —"), None)
        for sha in operation_photos(op) if op is not None else []:
            item = op.items[sha]
            self.combo.addItem(f"{item['name']} — {item_state(item).text}", sha)
        found = self.combo.findData(keep) if keep else -1
        self.combo.setCurrentIndex(max(found, 0))
        self.combo.blockSignals(False)

    def select(self, sha: str | None) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(sha), 0) if sha else 0)


class InfographicPanel(QWidget):
    """Fill a template, see it in each format, export them all."""

    preview_updated = Signal()  # a render came back: shown, or the preview marked stale

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.last_export: ExportResult | None = None
        self.last_rendered: Any = None  # the preview shown (layout, record, issues)
        self._overrides: dict[str, str] = {}  # photo sha → the officer's logged reason
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.update_preview)
        self._signals = _PreviewSignals()
        self._signals.done.connect(self._show_preview)
        self._generation = 0
        self.stale_reason = ""
        self.charte_box = QComboBox()
        for charte in list_chartes():
            self.charte_box.addItem(charte.title, charte.name)
        self.template_box = QComboBox()
        self.charte_box.currentIndexChanged.connect(self._load_templates)
        self.template_box.currentIndexChanged.connect(self._load_form)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Nom de l'infographie dans l'opération"))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form_host = QWidget()
        form_host.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.alt = QPlainTextEdit()
        self.alt.setPlaceholderText(tr("Texte alternatif (généré depuis les champs si vide)"))
        self.alt.setMaximumHeight(70)
        self.alt.textChanged.connect(self.schedule)
        self.stale = QLabel()
        self.stale.setObjectName("stale")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(STALE_STYLE)
        self.stale.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.stale.setVisible(False)
        self.issues = QListWidget()
        self.issues.setWordWrap(True)
        self.issues.setMaximumHeight(90)
        self.previews = QTabWidget()
        self.previews.currentChanged.connect(self.schedule)
        self._fade = QGraphicsOpacityEffect(self.previews)
        self._fade.setOpacity(1.0)
        self.previews.setGraphicsEffect(self._fade)
        self.formats = parse_formats("all")
        for width, height, dpi in self.formats:
            label = ScaledPreview()
            self.previews.addTab(label, "A4" if dpi else f"{width}×{height}")
        self.export_button = QPushButton(tr("Exporter tous les formats"))
        self.export_button.setToolTip(tr("Écrit chaque format et l'ajoute à l'opération : "
                                         "onglet Export et paquet de relecture"))
        self.export_button.clicked.connect(self.export_all)
        self.cancel_button = QPushButton(tr("Annuler"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QVBoxLayout()
        choose = QFormLayout()
        choose.addRow(tr("Charte"), self.charte_box)
        choose.addRow(tr("Modèle"), self.template_box)
        choose.addRow(tr("Nom"), self.name_edit)
        left.addLayout(choose)
        left.addWidget(scroll, 1)
        left.addWidget(QLabel(tr("Texte alternatif")))
        left.addWidget(self.alt)
        right = QVBoxLayout()
        right.addWidget(self.stale)
        right.addWidget(self.previews, 1)
        right.addWidget(QLabel(tr("Conformité à la charte")))
        right.addWidget(self.issues)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.cancel_button)
        right.addLayout(actions)
        right.addWidget(self.result)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self._inputs: dict[str, QLineEdit | ParagraphEdit] = {}
        self.tables: dict[str, FiguresTable] = {}
        self.photo_fields: dict[str, PhotoField] = {}
        self.base_dir = Path(".")
        self.bridge = DocumentBridge(self._refresh_photos, delay_ms=200, parent=self)
        self._load_templates()

    def set_operation(self, op: Operation | None) -> None:
        self.op = op
        self._overrides.clear()
        self.bridge.watch(op.doc if op else None)
        for field in self.photo_fields.values():
            field.fill(op)
        self.schedule()

    def _refresh_photos(self) -> None:
        """The operation changed (a photo reviewed, imported…): update the photo lists and,
        when a chosen photo's state changed, the preview."""
        before = {n: f.combo.currentText() for n, f in self.photo_fields.items()}
        for field in self.photo_fields.values():
            field.fill(self.op)
        if before != {n: f.combo.currentText() for n, f in self.photo_fields.items()}:
            self.schedule()

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
        """One widget per template field, filled with the template's sample data (a photo
        is never taken from the samples: it must be one of the operation's)."""
        self.template = load_template(self.charte, self.template_box.currentData())
        data, self.base_dir = self.template.sample_data()
        while self.form.rowCount():
            self.form.removeRow(0)
        self._inputs.clear()
        self.tables.clear()
        self.photo_fields.clear()
        self.name_edit.setText(self.template.title)
        for name, spec in self.template.fields.items():
            if name == "alt":
                continue
            kind = spec.get("type", "text")
            label = spec.get("label", name)
            if kind in TABLE_KINDS or kind == "image":  # the widget says how to fill it
                label = _SPEC_NOTE.sub("", label) or name
            if spec.get("required"):
                label += " *"
            widget: QWidget
            if kind in TABLE_KINDS:
                table = FiguresTable(TABLE_KINDS[kind], field_label=spec.get("label", name))
                self._fill_table(table, kind, data.get(name))
                table.changed.connect(self.schedule)
                if kind == "chart":
                    table.layout().addWidget(self._csv_button(table))
                self.tables[name] = table
                widget = table
            elif kind == "image":
                photo = PhotoField(name, bool(spec.get("required")))
                photo.fill(self.op)
                photo.changed.connect(self._photo_changed)
                photo.override_button.clicked.connect(
                    lambda _c=False, n=name: self.override_photo(n))
                self.photo_fields[name] = photo
                widget = photo
            else:
                line: QLineEdit | ParagraphEdit
                if kind == "text" and is_paragraph(spec, data.get(name)):
                    line = ParagraphEdit(str(data.get(name, "")))
                else:
                    line = QLineEdit(str(data.get(name, "")))
                if kind == "phone":
                    line.setPlaceholderText(tr("par exemple 01 23 45 67 89"))
                line.textChanged.connect(self.schedule)
                self._inputs[name] = line
                widget = line
            widget.setObjectName(name)
            if kind in TABLE_KINDS or kind == "image":  # wide: its label above it
                self.form.addRow(QLabel(label))
                self.form.addRow(widget)
            else:
                self.form.addRow(label, widget)
        self.alt.blockSignals(True)
        self.alt.setPlainText(str(data.get("alt", "")))
        self.alt.blockSignals(False)
        self.schedule()

    def _fill_table(self, table: FiguresTable, kind: str, value: Any) -> None:
        if kind == "figures":
            table.set_figures(value if isinstance(value, list) else [])
        elif kind == "list":
            table.set_texts(value if isinstance(value, list) else [])
        elif value:
            try:
                table.set_series(read_series(value, self.base_dir)[1])
            except MediakitError:
                table.set_series([])
        if not table.raw_rows():
            table.add_row()

    def _csv_button(self, table: FiguresTable) -> QPushButton:
        button = QPushButton(tr("Remplir depuis un tableau CSV…"))
        button.clicked.connect(lambda: self.import_csv(table))
        return button

    def import_csv(self, table: FiguresTable, path: str | None = None) -> None:
        """Fill a chart's table from a CSV file (libellé, valeur)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Données du graphique"), "",
                                                  tr("Tableaux CSV (*.csv *.txt)"))
        if not path:
            return
        try:
            table.set_series(read_series(path)[1])
        except MediakitError as exc:
            self._mark_stale(plain(str(exc)))

    def data(self) -> dict[str, Any]:
        """The form's fields as the template reads them (tables parsed the French way;
        an invalid value raises MediakitError naming the field and row)."""
        out: dict[str, Any] = {name: w.text() for name, w in self._inputs.items()}
        for name, table in self.tables.items():
            kind = self.template.fields[name].get("type")
            out[name] = (table.figures() if kind == "figures" else table.texts()
                         if kind == "list" else table.series())
        for name, photo in self.photo_fields.items():
            if photo.description.text().strip():
                out[f"{name}_description"] = photo.description.text().strip()
        if self.alt.toPlainText().strip():
            out["alt"] = self.alt.toPlainText().strip()
        return out

    def photos(self) -> dict[str, str]:
        """Chosen photo per photo field (operation item shas)."""
        return {n: f.sha() for n, f in self.photo_fields.items() if f.sha()}

    def photo_problems(self) -> list[str]:
        """Why the chosen photos cannot be used now (missing, not reviewed…), in words."""
        problems = []
        for name, field in self.photo_fields.items():
            label = self.template.fields[name].get("label", name)
            sha = field.sha()
            if sha is None:
                field.state.setText("")
                field.override_button.setVisible(False)
                if field.required:
                    problems.append(
                        tr("« {field} » : choisissez une photo de l'opération").format(field=label)
                        if self.op is not None else
                        tr("« {field} » : ouvrez une opération et choisissez une de ses photos")
                        .format(field=label))
                continue
            blockers = photo_blockers(self.op, sha) if self.op is not None else []
            never = never_detected(blockers)
            if blockers and sha in self._overrides and not never:
                field.state.setText(f"{WARNING_MARK} " + tr(
                    "Utilisée sans relecture (raison journalisée) : l'infographie sera "
                    "signalée « masques non revus »."))
                field.override_button.setVisible(False)
                continue
            if blockers:
                reasons = " ; ".join(plain(str(b)) for b in blockers)
                field.state.setText(f"{ERROR_MARK} " + tr("Photo refusée : ") + reasons)
                field.override_button.setVisible(not never)
                problems.append(tr("photo refusée : ") + reasons)
                continue
            field.state.setText(f"{OK_MARK} " + tr("Photo relue : ses masques sont appliqués."))
            field.override_button.setVisible(False)
        return problems

    def _photo_changed(self) -> None:
        self.photo_problems()
        self.schedule()

    # -- review gate override ----------------------------------------------------------
    def ask_reason(self, blockers: list[Blocker]) -> str | None:
        """The officer's written reason to use an unreviewed photo (None: not given)."""
        listed = "\n".join(f"• {plain(str(b))}" for b in blockers)
        text, ok = QInputDialog.getMultiLineText(
            self, tr("Passer outre la relecture"),
            tr("Cette photo n'a pas été relue :") + f"\n{listed}\n\n"
            + tr("Son usage sera journalisé et l'infographie signalée « masques non revus ». "
                 "Raison (obligatoire) :"))
        return text.strip() if ok and text.strip() else None

    def override_photo(self, name: str) -> bool:
        """Let an unreviewed photo into the infographic after a written, logged reason."""
        field = self.photo_fields.get(name)
        sha = field.sha() if field else None
        if self.op is None or sha is None:
            return False
        blockers = photo_blockers(self.op, sha)
        if not blockers:
            return True
        if never_detected(blockers):
            self.photo_problems()
            return False
        reason = self.ask_reason(blockers)
        if not reason:
            self.result.setText(tr("Photo non utilisée : passer outre la relecture demande "
                                   "une raison écrite."))
            return False
        require_reviewed(self.op, [sha], ACTION, force=True, reason=reason)
        self.op.save()
        self._overrides[sha] = reason
        self._photo_changed()
        return True

    # -- preview -----------------------------------------------------------------------
    def schedule(self) -> None:
        self._timer.start()

    def _inputs_ready(self) -> dict[str, Any] | None:
        """The fields and photos to render, or None after marking the preview stale."""
        try:
            data = self.data()
        except MediakitError as exc:
            self._mark_stale(plain(str(exc)))
            return None
        problems = self.photo_problems()
        if problems:
            self._mark_stale(" ; ".join(problems))
            return None
        return data

    def update_preview(self) -> bool:
        """Render the current format in the thread pool (the UI thread never waits);
        False when the fields cannot be rendered (the preview is marked stale at once)."""
        index = self.previews.currentIndex()
        data = self._inputs_ready()
        if data is None:
            return False
        op, photos, charte, template, base = (self.op, self.photos(), self.charte,
                                              self.template, self.base_dir)
        width, height, dpi = self.formats[index]

        def render() -> Any:
            return render_one(charte, template, with_photos(op, data, photos), base, width,
                              height, dpi, scale=PREVIEW_SCALE * (0.3 if dpi else 1))

        self._generation += 1
        QThreadPool.globalInstance().start(_PreviewJob(self._signals, index, render,
                                                       self._generation))
        return True

    def _mark_stale(self, reason: str) -> None:
        """Say that the picture shown no longer matches the fields, and why."""
        self._generation += 1  # a render still running is for older fields: drop it
        self.stale_reason = reason
        self.stale.setText(f"{ERROR_MARK} " + tr("Aperçu périmé : ") + reason)
        self.stale.setVisible(True)
        self._fade.setOpacity(0.35)
        self.issues.clear()
        self.issues.addItem(f"{ERROR_MARK} {reason}")

    def _mark_fresh(self) -> None:
        self.stale_reason = ""
        self.stale.setVisible(False)
        self.stale.clear()
        self._fade.setOpacity(1.0)

    def is_stale(self) -> bool:
        return self.stale.isVisibleTo(self)

    def _show_preview(self, generation: int, index: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer edit is being rendered
        if isinstance(result, str):
            self._mark_stale(result)
            self.preview_updated.emit()
            return
        self._mark_fresh()
        self.issues.clear()
        rendered = self.last_rendered = result
        image = rendered.image.convert("RGB")
        qimage = QImage(image.tobytes(), image.width, image.height, 3 * image.width,
                        QImage.Format.Format_RGB888).copy()
        label = self.previews.widget(index)
        if isinstance(label, ScaledPreview):
            label.setImage(qimage)
        for issue in rendered.issues:
            self.issues.addItem(f"{WARNING_MARK} {issue.message}")
        if not rendered.issues:
            self.issues.addItem(f"{OK_MARK} " + tr("conforme à la charte"))
        self.preview_updated.emit()

    # -- export ------------------------------------------------------------------------
    def export_all(self) -> bool:
        """Render and write every format off the UI thread and keep them in the operation
        (onglet Export, paquet de relecture); False when refused before starting."""
        if self.worker is not None:
            return False
        if self.op is None:
            self.result.setText(tr("Ouvrez une opération pour exporter : les infographies "
                                   "y sont gardées pour l'export par canal et la relecture."))
            return False
        data = self._inputs_ready()
        if data is None:
            self.result.setText(f"{ERROR_MARK} " + tr("Export refusé : ") + self.stale_reason)
            return False
        name = self.name_edit.text().strip() or self.template.title
        op, photos, charte, template, base = (self.op, self.photos(), self.charte,
                                              self.template, self.base_dir)
        overridden = {s for s in photos.values() if s in self._overrides}

        def task(progress, cancelled, on_message):  # noqa: ANN001, ARG001
            return export_infographic(op, charte, template, data, base, name=name,
                                      photos=photos, overridden=overridden,
                                      progress=progress, cancelled=cancelled)

        self.last_export = None
        self.worker = Worker(task)
        self.worker.progress.connect(self._export_progress)
        self.worker.finished.connect(self._exported)
        self.worker.failed.connect(self._export_failed)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.result.setText(tr("Export en cours…"))
        self.worker.start()
        return True

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _export_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if name:
            self.result.setText(tr("Export en cours : {format}…").format(format=name))

    def _end_export(self) -> None:
        if self.worker is not None:
            self.worker.thread.wait(5000)
        self.worker = None
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _exported(self, result: ExportResult) -> None:
        self._end_export()
        self.last_export = result
        folder = display_path(result.pictures[0].parent) if result.pictures else ""
        formats = sum(1 for p in result.files if p.suffix == ".json")  # one record each
        text = tr("{n} format(s) écrit(s) dans {folder} ; {k} ajouté(s) à l'opération "
                  "(onglet Export, paquet de relecture).").format(n=formats, folder=folder,
                                                                  k=len(result.items))
        if result.overridden:
            text += " " + tr("Signalée « masques non revus » : une photo n'a pas été relue.")
        self.result.setText(f"{OK_MARK} {text}")

    def _export_failed(self, message: str) -> None:
        cancelled = self.worker is not None and getattr(self.worker, "was_cancelled", False)
        self._end_export()
        self.result.setText(tr("Export annulé.") if cancelled
                            else f"{ERROR_MARK} " + tr("Export refusé : ") + plain(message))

