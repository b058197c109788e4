import subprocess
import sys

from mediakit.ui import i18n
from tests.conftest import ROOT


def test_english_interface_when_chosen(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from mediakit.ui.app import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.language(settings) == "fr"
    monkeypatch.setenv("MEDIAKIT_LANG", "en")
    assert i18n.install(i18n.language(settings))
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert window.tabs.tabText(0) == "Clip bin"
        assert window.review.findChildren(type(window.export.start_button))[0].text() == \
            "Mask (A or M)"
    finally:
        i18n.install("fr")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Chutier"


def test_every_ui_string_has_an_english_translation():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"),
                           "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_qt_own_dialog_buttons_and_shortcut_names_follow_the_language(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from mediakit.ui.labels import label_name, source_name

    buttons = (QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes
               | QDialogButtonBox.StandardButton.Close)
    try:
        assert i18n.install("fr")
        box = QDialogButtonBox(buttons)
        assert {b.text().replace("&", "") for b in box.buttons()} == {"Annuler", "Oui",
                                                                       "Fermer"}
        message = QMessageBox(QMessageBox.Icon.Question, "t", "q",
                              QMessageBox.StandardButton.No)
        assert message.buttons()[0].text().replace("&", "") == "Non"
        assert i18n.shortcut_text("Ctrl+Shift+Z") == "Ctrl+Maj+Z"
        assert i18n.shortcut_text("Delete") == "Suppr"
        assert label_name("face") == "visage" and source_name("manual") == "manuel"
        assert i18n.install("en")
        box = QDialogButtonBox(buttons)
        assert {b.text().replace("&", "") for b in box.buttons()} == {"Cancel", "Yes", "Close"}
        assert i18n.shortcut_text("Ctrl+Shift+Z") == "Ctrl+Shift+Z"
        assert label_name("face") == "face" and label_name("plate") == "plate"
    finally:
        i18n.install("fr")


def test_file_dialogs_have_no_english_left(qtbot, tmp_path):
    """Qt's French catalogue lacks a few file-dialog strings of Qt 6 (« Look in: », « Files
    of type: », the « Folder » type): mediakit supplies them, and English stays English."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    (tmp_path / "dossier").mkdir()

    def texts() -> tuple[list[str], list[str]]:
        dialog = QFileDialog(None, "t", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        view = dialog.findChild(QTreeView)
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1, timeout=5000)
        types = [model.index(0, 2, view.rootIndex()).data()]
        return [w.text().replace("&", "") for w in dialog.findChildren(QLabel)], types

    try:
        assert i18n.install("fr")
        labels, types = texts()
        assert "Voir dans\u00a0:" in labels and "Fichiers de type\u00a0:" in labels, labels
        assert "Nom de fichier\u00a0:" in labels  # Qt's own translations still answer
        assert types == ["Dossier"]
        assert i18n.install("en")
        labels, types = texts()
        assert "Look in:" in labels and types == ["Folder"]
    finally:
        i18n.install("fr")
