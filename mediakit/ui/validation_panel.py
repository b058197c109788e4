"""Validation screen: the signing keys (explained), statuses and the chief's comments per
item, pack a review bundle (warning first about items whose masks were not reviewed),
apply a signed decision, publish the approved versions to the channels chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediakit.channels.naming import slug
from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.privacy.review_gate import unreviewed as gate_unreviewed
from mediakit.ui.i18n import tr, tr_noop
from mediakit.ui.item_state import item_state
from mediakit.ui.labels import channel_label, kind_name
from mediakit.ui.messages import plain
from mediakit.ui.widgets import ERROR_MARK, OK_MARK, WARNING_MARK, heading, hint
from mediakit.ui.workers import Worker

KEYS_HELP = tr_noop(
    "La décision du chef de service est signée : mediakit n'applique une décision que si sa "
    "signature correspond à une clé publique enregistrée ici. Une paire de clés se compose "
    "d'une clé privée, que son propriétaire garde pour lui seul et qui sert à signer, et "
    "d'une clé publique, que l'on peut remettre à tous et qui sert à vérifier.")


def unreviewed(op: Operation, shas: list[str]) -> list[str]:
    """One plain sentence per item whose masks or tracks were not reviewed (the gate's
    reason and what unblocks it)."""
    return [plain(str(b)) for b in gate_unreviewed(op, shas)]


def channel_boxes(channels: dict[str, dict], ticked: set[str]
                  ) -> tuple[QGridLayout, dict[str, QCheckBox]]:
    """One checkbox a channel (the presets, by their labels), two columns."""
    boxes: dict[str, QCheckBox] = {}
    grid = QGridLayout()
    for i, (name, preset) in enumerate(sorted(channels.items())):
        box = QCheckBox(channel_label(name, preset))
        box.setChecked(name in ticked)
        boxes[name] = box
        grid.addWidget(box, i // 2, i % 2)
    return grid, boxes


class ChannelDialog(QDialog):
    """Publish: one checkbox a channel (the presets), the approved ones ticked."""

    def __init__(self, parent: QWidget | None, channels: dict[str, dict],
                 ticked: set[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Publier : choix des canaux"))
        grid, self.boxes = channel_boxes(channels, ticked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in self.boxes.values():
            box.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(tr("Seules les versions validées par le chef de service sont "
                                 "publiées, et seulement pour les canaux qu'il a approuvés.")))
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self._update()

    def chosen(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))


class PackDialog(QDialog):
    """Pack: the items to submit (all ticked; those not reviewed say so) and the channels
    whose exported files go into the bundle (none ticked: masked previews only)."""

    def __init__(self, parent: QWidget | None, op: Operation, channels: dict[str, dict],
                 ticked: set[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Préparer un paquet de relecture"))
        self.items = QListWidget()
        for sha in sorted(op.items, key=lambda s: op.items[s]["name"]):
            item = op.items[sha]
            blockers = unreviewed(op, [sha])
            label = item["name"]
            if item.get("kind") in ("montage", "infographic"):
                label += f" ({kind_name(item['kind'])})"
            label += f" — {item_state(item, items=op.items).text}"
            entry = QListWidgetItem(f"{WARNING_MARK} {label}" if blockers else label)
            entry.setToolTip("\n".join(blockers))
            entry.setData(Qt.ItemDataRole.UserRole, sha)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(entry)
        self.items.itemChanged.connect(lambda _entry: self._update())
        grid, self.boxes = channel_boxes(channels, ticked or set())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Éléments soumis au chef de service")))
        layout.addWidget(self.items, 1)
        layout.addWidget(heading(tr("Fichiers exportés joints au paquet")))
        layout.addWidget(hint(tr(
            "Cochez les canaux où ces éléments seront publiés : leurs fichiers, exportés et "
            "masqués comme ils seront publiés, sont joints au paquet, et le chef de service "
            "décide canal par canal. Sans canal, il ne voit que les aperçus masqués, et rien "
            "ne pourra être publié après sa décision.")))
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self._update()

    def accept(self) -> None:
        """Without a channel, say that nothing could be published, and ask."""
        if not self.chosen_channels() and QMessageBox.question(
                self, tr("Aucun canal coché"), tr(
                    "Aucun canal n'est coché : le chef de service ne verra que les aperçus "
                    "masqués, et aucun fichier ne pourra être publié après sa décision "
                    "(la publication copie les fichiers qu'il a vus). Préparer quand même ce "
                    "paquet ?")) != QMessageBox.StandardButton.Yes:
            return
        super().accept()

    def chosen_items(self) -> list[str]:
        return [self.items.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def chosen_channels(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_items()))


class ValidationPanel(QWidget):
    """The hand-off to the chief of service, from the officer's side."""

    def __init__(self) -> None:
        super().__init__()
        self.op: Operation | None = None
        self.worker: Worker | None = None
        self.reviewers = QLabel()
        self.reviewers.setWordWrap(True)
        self.keygen_button = QPushButton(tr("Créer une paire de clés…"))
        self.keygen_button.clicked.connect(self.choose_keygen)
        self.add_key_button = QPushButton(tr("Enregistrer la clé publique du chef…"))
        self.add_key_button.clicked.connect(self.choose_reviewer_key)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Élément"), tr("Statut"), tr("Version"),
                                              tr("Commentaires")])
        header = self.table.horizontalHeader()
        for column in range(3):  # name, state, version: as wide as their text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the comments
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(160)
        self.log = QTextEdit(readOnly=True)
        self.log.setMaximumHeight(120)
        self.pack_button = QPushButton(tr("Préparer un paquet de relecture…"))
        self.pack_button.clicked.connect(self.choose_pack)
        self.import_button = QPushButton(tr("Appliquer une décision signée…"))
        self.import_button.clicked.connect(self.choose_decision)
        self.publish_button = QPushButton(tr("Publier les versions validées…"))
        self.publish_button.clicked.connect(self.choose_publish)
        self.sign_button = QPushButton(tr("Signer une décision (chef de service)…"))
        self.sign_button.setToolTip(tr(
            "Pour le chef de service, sur son poste : signe avec sa clé privée le fichier de "
            "décision enregistré depuis la page de relecture du paquet."))
        self.sign_button.clicked.connect(self.choose_sign)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: the core reports no progress for these
        self.busy.setVisible(False)
        self.busy_label = QLabel()
        self.busy_label.setVisible(False)
        keys = QHBoxLayout()
        keys.addWidget(self.add_key_button)
        keys.addWidget(self.keygen_button)
        keys.addWidget(self.sign_button)
        keys.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.pack_button, self.import_button, self.publish_button):
            buttons.addWidget(b)
        buttons.addWidget(self.busy_label)
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading(tr("1. Clés de signature")))
        layout.addWidget(hint(tr(KEYS_HELP)))
        layout.addWidget(self.reviewers)
        layout.addLayout(keys)
        layout.addSpacing(6)
        layout.addWidget(heading(tr("2. Relecture par le chef de service")))
        layout.addWidget(hint(tr("Rien n'est publié avant la validation du chef de service. "
                                 "Préparez le paquet, remettez-le-lui, puis appliquez sa "
                                 "décision signée ; publiez enfin les versions validées.")))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.log)

    def set_operation(self, op: Operation | None) -> None:
        self.op = op
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        self._show_reviewers()
        if self.op is None:
            return
        for item in sorted(self.op.items.values(), key=lambda it: it["name"]):
            row = self.table.rowCount()
            self.table.insertRow(row)
            comments = " | ".join(c.get("comment", "") for c in item.get("review_comments", [])
                                  if c.get("comment"))
            values = [item["name"], item_state(item, items=self.op.items).text,
                      str(item.get("version", "—")), comments]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _show_reviewers(self) -> None:
        from mediakit.validation.keys import reviewers

        known = reviewers(self.op) if self.op is not None else {}
        if not known:
            self.reviewers.setText(f"{WARNING_MARK} " + tr(
                "Aucune clé de relecteur enregistrée : la décision du chef ne pourra pas être "
                "appliquée. Enregistrez sa clé publique (fichier .pem qu'il vous remet), ou "
                "créez sa paire de clés ici et remettez-lui la clé privée."))
            return
        names = ", ".join(f"{name} (empreinte {entry['fingerprint'][:16]}…)"
                          for name, entry in sorted(known.items()))
        self.reviewers.setText(f"{OK_MARK} " + tr("Relecteur(s) enregistré(s) : {names}")
                               .format(names=names))

    # -- keys ----------------------------------------------------------------------------
    def choose_keygen(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Créer une paire de clés"), tr(
            "Nom du titulaire de la clé (par exemple le chef de service) :"))
        if not ok or not name.strip():
            return
        folder = QFileDialog.getExistingDirectory(self, tr(
            "Dossier où écrire les deux clés (une clé USB personnelle, par exemple)"),
            QDir.homePath())
        if not folder:
            return
        register = QMessageBox.question(self, tr("Créer une paire de clés"), tr(
            "Enregistrer aussitôt la clé publique de « {name} » comme relecteur de cette "
            "opération ?").format(name=name.strip())) == QMessageBox.StandardButton.Yes
        self.create_keys(name, Path(folder), register=register)

    def create_keys(self, name: str, folder: Path, *, register: bool = True
                    ) -> tuple[Path, Path] | None:
        """Write ``name``'s key pair into ``folder``; optionally register its public key."""
        from mediakit.validation import keys

        try:
            private, public = keys.generate(name.strip(), folder)
            if register and self.op is not None:
                keys.add_reviewer(self.op, name, public)
        except MediakitError as exc:
            self._say_error(str(exc))
            return None
        self.log.append(f"{OK_MARK} " + tr(
            "Clés de « {name} » créées. Clé privée, à remettre à son titulaire seul et à ne "
            "jamais envoyer : {private}. Clé publique : {public}.").format(
                name=name.strip(), private=private, public=public))
        self.refresh()
        return private, public

    def choose_reviewer_key(self) -> None:
        if self.op is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, tr("Clé publique du chef de service"),
                                              QDir.homePath(),
                                              tr("Clé publique (*.pem)"))
        if not path:
            return
        name, ok = QInputDialog.getText(self, tr("Clé publique du chef de service"), tr(
            "Nom du relecteur, tel qu'il signera ses décisions :"))
        if ok and name.strip():
            self.register_reviewer(name, Path(path))

    def register_reviewer(self, name: str, public_key: Path) -> str | None:
        """Register ``name``'s public key in the operation; returns its fingerprint."""
        from mediakit.validation.keys import add_reviewer

        if self.op is None:
            return None
        try:
            fingerprint = add_reviewer(self.op, name, public_key)
        except MediakitError as exc:
            self._say_error(str(exc))
            return None
        self.log.append(f"{OK_MARK} " + tr("Clé de « {name} » enregistrée (empreinte {fp}).")
                        .format(name=name.strip(), fp=fingerprint))
        self.refresh()
        return fingerprint

    def choose_sign(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Décision à signer (enregistrée depuis la page de relecture)"),
            QDir.homePath(), tr("Décision (*.json)"))
        if not path:
            return
        key, _ = QFileDialog.getOpenFileName(self, tr("Votre clé privée"), str(Path(path).parent),
                                             tr("Clé privée (*.pem)"))
        if key:
            self.sign_decision(Path(path), Path(key))

    def sign_decision(self, decision: Path, private_key: Path) -> Path | None:
        """The chief's side: sign ``decision`` with ``private_key`` into a new file beside
        it (``…-signee.json``), to send back to the officer."""
        from mediakit.validation.decisions import sign_file

        stem = decision.stem.removesuffix("_non-signee").removesuffix("-non-signee")
        out = decision.with_name(f"{stem}-signee.json")
        try:
            sign_file(decision, private_key, out)
        except MediakitError as exc:
            self._say_error(str(exc))
            return None
        self.log.append(f"{OK_MARK} " + tr(
            "Décision signée : {file}. Renvoyez ce fichier à l'agent, qui l'appliquera avec "
            "« Appliquer une décision signée… ».").format(file=out))
        return out

    # -- background tasks ----------------------------------------------------------------
    def _run(self, fn, done, what: str) -> None:  # noqa: ANN001
        """``fn`` off the UI thread, ``what`` shown with a busy bar meanwhile; the buttons
        wait for it (the core's pack and publish cannot be stopped half-way)."""
        if self.worker is not None:
            return
        self._done = done
        self.worker = Worker(lambda progress, cancelled, on_message: fn())
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._set_busy(what)
        self.worker.start()

    def _set_busy(self, what: str | None) -> None:
        self.busy.setVisible(what is not None)
        self.busy_label.setText(what or "")
        self.busy_label.setVisible(what is not None)
        for button in (self.pack_button, self.import_button, self.publish_button,
                       self.keygen_button, self.add_key_button, self.sign_button):
            button.setEnabled(what is None)

    def _end_worker(self) -> None:
        self.worker.thread.wait(5000)
        self.worker = None
        self._set_busy(None)

    def _finished(self, result) -> None:  # noqa: ANN001
        self._end_worker()
        self._done(result)
        self.refresh()

    def _failed(self, message: str) -> None:
        self._end_worker()
        self._say_error(message)
        self.refresh()

    def _say_error(self, message: str) -> None:
        self.log.append(f"{ERROR_MARK} {plain(message)}")

    # -- pack ----------------------------------------------------------------------------
    def choose_pack(self) -> None:
        if self.op is None:
            return
        from mediakit.channels.presets import load_presets

        dialog = PackDialog(self, self.op, load_presets())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start = self.op.exports_dir / f"relecture-{slug(self.op.name, 30)}.zip"
        path, _ = QFileDialog.getSaveFileName(self, tr("Paquet de relecture"), str(start),
                                              tr("Paquet (*.zip)"))
        if path:
            self.pack(Path(path), dialog.chosen_items(), dialog.chosen_channels())

    def confirm_override(self, blockers: list[str]) -> str | None:
        """Ask before packing unreviewed items; the reason typed, or None to stop."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Masques non revus"), tr(
            "Ces éléments n'ont pas été entièrement revus : un visage ou une plaque peut y "
            "rester visible.\n\n{items}\n\nRevoyez-les d'abord (onglets Anonymisation et "
            "Rushes), ou passez outre en donnant une raison : elle est inscrite au journal et "
            "ces éléments sont marqués NON VALIDÉ.").format(items="\n".join(blockers)), parent=self)
        review = box.addButton(tr("Revoir d'abord"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(tr("Passer outre…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(review)
        box.exec()
        if box.clickedButton() is review:
            return None
        reason, ok = QInputDialog.getText(self, tr("Passer outre"), tr(
            "Raison (inscrite au journal d'audit) :"))
        return reason.strip() if ok and reason.strip() else None

    def pack(self, out: Path, items: list[str] | None = None,
             channels: list[str] | None = None) -> bool:
        """Pack ``items`` (default: all) with their files exported for ``channels`` (none:
        previews only); unreviewed ones only after confirm_override."""
        from mediakit.validation import bundle

        if self.op is None:
            return False
        op = self.op
        shas = items or sorted(op.items, key=lambda s: op.items[s]["name"])
        blockers = unreviewed(op, shas)
        options = {}
        if blockers:
            reason = self.confirm_override(blockers)
            if reason is None:
                self.log.append(f"{WARNING_MARK} " + tr("Paquet non préparé : {n} élément(s) à "
                                                        "revoir.").format(n=len(blockers)))
                return False
            options = {"force": True, "reason": reason}  # one logged override
        self._run(lambda: bundle.pack(op, out, items=shas, channels=list(channels or []),
                                      **options),
                  self._packed, tr("Préparation du paquet de relecture…"))
        return True

    def _packed(self, result) -> None:  # noqa: ANN001 - bundle.PackResult
        for message in result.failed:
            self._say_error(message)
        self.log.append(f"{OK_MARK} " + tr(
            "Paquet {pack_id} prêt : {bundle} ({n} élément(s)) — à remettre au chef de "
            "service.").format(pack_id=result.pack_id, bundle=result.bundle,
                               n=len(result.items)))

    # -- decision, publication -----------------------------------------------------------
    def choose_decision(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Décision signée du chef de service"),
                                              QDir.homePath(),
                                              tr("Décision (*.json)"))
        if path:
            self.import_decision(Path(path))

    def import_decision(self, path: Path) -> dict | None:
        from mediakit.validation.decisions import import_decision

        if self.op is None:
            return None
        try:
            result = import_decision(self.op, path)
        except MediakitError as exc:
            reason = plain(str(exc)).removeprefix("décision refusée : ")  # said once
            self._say_error(tr("décision refusée : {reason}").format(reason=reason))
            return None
        self.log.append(f"{OK_MARK} " + tr(
            "Décision de {reviewer} appliquée : {ok} validé(s), {fix} à corriger").format(
                reviewer=result.get("reviewer"), ok=len(result.get("validated", [])),
                fix=len(result.get("corrections", []))))
        self.refresh()
        return result

    def choose_publish(self) -> None:
        from mediakit.channels.presets import load_presets
        from mediakit.validation.gate import approved_channels

        if self.op is None:
            return
        presets = load_presets()
        ticked: set[str] = set()
        for item in self.op.items.values():
            ticked |= set(approved_channels(item) or [])
        dialog = ChannelDialog(self, presets, ticked & set(presets))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.publish(dialog.chosen())

    def publish(self, channels: list[str]) -> None:
        from mediakit.validation.gate import publication_text, publish

        op = self.op
        self._run(lambda: publish(op, channels=channels),
                  lambda r: self.log.append(plain(publication_text(r))),
                  tr("Publication des versions validées…"))
