"""The Aide menu's dialogs: every keyboard shortcut of the window, the job in order, the
version."""

from __future__ import annotations

from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediakit import __version__
from mediakit.ui.i18n import shortcut_text, tr, tr_noop
from mediakit.ui.widgets import DESCRIPTION

STEPS = (
    (tr_noop("Importer"), tr_noop(
        "Fichier › Nouvelle opération…, puis Fichier › Importer des fichiers… ou un dossier, "
        "ou glissez-les dans la fenêtre : ils arrivent dans le Chutier. La détection des "
        "visages et des plaques démarre aussitôt.")),
    (tr_noop("Anonymiser les photos"), tr_noop(
        "Onglet Propositions à vérifier : tranchez chaque région incertaine (A masque, R "
        "laisse visible). Puis double-cliquez chaque photo « à relire » du Chutier (onglet "
        "Anonymisation) : vérifiez chaque masque, dessinez ce qui manque (D), marquez-la "
        "revue (V). Onglet Personnes : qui masquer toujours, qui laisser visible.")),
    (tr_noop("Revoir les rushes"), tr_noop(
        "Double-cliquez chaque rush (onglet Rushes) : masquez ou laissez visible chaque piste, "
        "ajoutez ce qui manque (N, puis un cadre), modifiez la voix d'une plage (I, O, puis "
        "Maj+V) si elle ferait reconnaître quelqu'un, puis marquez-le revu (V).")),
    (tr_noop("Infographies et montage"), tr_noop(
        "Onglet Infographies : un modèle de la charte, ses textes et ses chiffres, « Exporter "
        "tous les formats ». Onglet Montage : « Nouveau montage… », l'ordre des clips, les "
        "titres, « Rendre la vidéo ».")),
    (tr_noop("Export"), tr_noop(
        "Onglet Export : cochez les canaux (X, LinkedIn, presse…) et exportez ; aucune "
        "métadonnée identifiante ne sort.")),
    (tr_noop("Validation"), tr_noop(
        "Onglet Validation : enregistrez la clé publique du chef de service, préparez le "
        "paquet de relecture avec les canaux où vous publierez, remettez-le-lui, puis "
        "appliquez sa décision signée.")),
    (tr_noop("Publication"), tr_noop(
        "« Publier les versions validées… » copie dans le dossier « prêt à publier » les "
        "fichiers mêmes que le chef de service a validés, canal par canal.")),
)


def shortcuts(window: QWidget, tabs: QTabWidget) -> list[tuple[str, str, str]]:
    """(where, what, keys) for the menus' actions and every tab's shortcuts."""
    rows: list[tuple[str, str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        where = menu_action.text().replace("&", "")
        for action in menu.actions():
            if isinstance(action, QAction) and not action.shortcut().isEmpty():
                keys = ", ".join(shortcut_text(k) for k in action.shortcuts())
                rows.append((where, action.text().replace("&", ""), keys))
    for index in range(tabs.count()):
        page = tabs.widget(index)
        where = tabs.tabText(index).replace("&", "")
        for shortcut in page.findChildren(QShortcut):
            what = shortcut.property(DESCRIPTION) or ""
            rows.append((where, what, shortcut_text(shortcut.key())))
    merged: dict[tuple[str, str], list[str]] = {}  # one line an action: « A, M »
    for where, what, keys in rows:
        merged.setdefault((where, what), [])
        if keys not in merged[(where, what)]:
            merged[(where, what)].append(keys)
    return [(where, what, ", ".join(keys)) for (where, what), keys in merged.items()]


class ShortcutsDialog(QDialog):
    """Aide › Raccourcis clavier: one table, grouped by menu and tab."""

    def __init__(self, window: QWidget, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Raccourcis clavier"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Action"), tr("Touches")])
        groups: dict[str, QTreeWidgetItem] = {}
        for where, what, keys in shortcuts(window, tabs):
            group = groups.get(where)
            if group is None:
                group = groups[where] = QTreeWidgetItem(self.tree, [where])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            QTreeWidgetItem(group, [what, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 520)


class GuideDialog(QDialog):
    """Aide › Guide: the job in order, one short paragraph a step."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Guide : le travail dans l'ordre"))
        parts = [f"<h3>{i}. {tr(title)}</h3><p>{tr(text)}</p>"
                 for i, (title, text) in enumerate(STEPS, 1)]
        text = QLabel("".join(parts))
        text.setWordWrap(True)
        text.setContentsMargins(4, 0, 12, 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(620, 600)


def about_text() -> str:
    return tr("<b>mediakit</b> {version}<br>Boîte à outils média des chargés de "
              "communication : anonymisation, infographies, montage, export par canal et "
              "validation par le chef de service.").format(version=__version__)
