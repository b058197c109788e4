"""The main window drives the core: open an operation, import files or folders off the UI
thread (counts refresh), detection right after import (a saved setting turns it off),
undo, crash restore, the Aide menu, a default size that fits a 1366×768 laptop."""

import shutil

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QLabel

from mediakit.library.project import Operation
from mediakit.ui.app import MainWindow, crashed_operation
from mediakit.ui.messages import has_command_line
from mediakit.ui.widgets import default_size


def _import(qtbot, window, sources):
    window.start_import([str(s) for s in sources])
    assert window.worker is not None  # work runs off the UI thread
    qtbot.waitUntil(lambda: window.worker is None, timeout=120_000)


def _states(window):
    return {window.op.items[s]["name"]: window.chutier.state_of(s) for s in window.op.items}


def test_import_in_background_then_undo(qtbot, window, tmp_path, media_dir):
    window.set_auto_detect(False)
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    _import(qtbot, window, [media_dir])
    assert window.grid.count() == 3
    assert "3 importé(s)" in window.statusBar().currentMessage()
    window.undo()
    qtbot.waitUntil(lambda: window.grid.count() == 2, timeout=3000)  # coalesced refresh
    assert len(Operation.open(tmp_path / "op").items) == 2  # undo is saved


def test_import_files_then_more_files_refreshes_the_counts(qtbot, window, tmp_path, media_dir):
    window.set_auto_detect(False)
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    _import(qtbot, window, [media_dir / "a.jpg"])
    assert "1 élément(s)" in window.details.text()
    _import(qtbot, window, [media_dir / "b.png", media_dir / "clip.mp4"])
    qtbot.waitUntil(lambda: "3 élément(s)" in window.details.text(), timeout=3000)
    assert "2 photo(s), 1 rush(es)" in window.details.text()
    assert {st.text for st in _states(window).values()} == {"détection non lancée"}


def test_detection_starts_after_import_and_says_what_is_left(qtbot, window, tmp_path,
                                                              media_dir):
    assert window.auto_detect() and window.auto_detect_action.isChecked()  # on by default
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    _import(qtbot, window, [media_dir / "a.jpg", media_dir / "clip.mp4"])
    qtbot.waitUntil(lambda: window.worker is None and all(
        it.get("detection") for it in window.op.items.values()), timeout=180_000)
    states = _states(window)
    assert states["a.jpg"].text.startswith("à relire : ")
    assert "masque(s)" in states["a.jpg"].text
    assert "piste(s)" in states["clip.mp4"].text
    assert "Détection terminée sur 2" in window.statusBar().currentMessage()


def test_auto_detection_setting_is_saved(qtbot, tmp_path, media_dir):
    path = str(tmp_path / "s.ini")
    first = MainWindow(QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.auto_detect_action.setChecked(False)  # the menu's checkbox
    again = MainWindow(QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert not again.auto_detect() and not again.auto_detect_action.isChecked()
    again.set_operation(Operation.create(tmp_path / "op", "UI"))
    _import(qtbot, again, [media_dir / "a.jpg"])
    qtbot.wait(300)
    assert again.worker is None  # no detection started
    assert [st.code for st in _states(again).values()] == ["not_detected"]


def test_drop_imports_files(qtbot, window, tmp_path, media_dir):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    window.set_auto_detect(False)
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    shutil.copy(media_dir / "a.jpg", tmp_path / "dropped.jpg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.jpg"))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.worker is None, timeout=60_000)
    assert [it["name"] for it in window.op.items.values()] == ["dropped.jpg"]


def test_operation_left_open_is_restored_after_a_crash(window, tmp_path):
    op = Operation.create(tmp_path / "op", "Crash")
    window.set_operation(op)
    # no closeEvent: the process "crashed"
    assert crashed_operation(window.settings) == str(op.root.resolve())
    window.close()
    assert crashed_operation(window.settings) is None
    assert window.recent()[0] == str(op.root.resolve())


def test_default_size_fits_a_laptop_screen(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    room = QGuiApplication.primaryScreen().availableGeometry().size()
    assert window.width() <= min(1280, room.width())
    assert window.height() <= min(720, room.height())
    assert default_size().boundedTo(QSize(1280, 720)) == default_size()


def test_every_tab_fits_1366x768(qtbot, window, tmp_path):
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert window.width() <= 1366 and window.height() <= 768, window.tabs.tabText(index)
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 728
    assert window.tabs.currentWidget() is window.validation  # the panel, not its scroll area
    window.tabs.setCurrentWidget(window.review)
    assert window.tabs.currentWidget() is window.review


def test_no_tab_scrolls_at_the_default_size(qtbot, window, tmp_path):
    """At the default size (1280×720: a 1366×768 screen minus its task bar), no tab needs a
    scroll bar, and none cuts the last line of its text: word-wrapped messages do not ask
    for their preferred height when the lists and previews can give up some room."""
    from mediakit.ui.widgets import MAX_DEFAULT

    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    window.resize(MAX_DEFAULT)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(30)
        panel = window.tabs.widget(index)
        area = window.tabs.area(panel)
        name = window.tabs.tabText(index)
        assert area.verticalScrollBar().maximum() == 0, name
        assert area.horizontalScrollBar().maximum() == 0, name
        for label in panel.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text():
                need = label.heightForWidth(label.width())
                assert label.height() >= need, (name, label.text()[:40])


def test_aide_menu_lists_shortcuts_of_every_tab(qtbot, window):
    from mediakit.ui.help import shortcuts
    from mediakit.ui.i18n import install

    assert install("fr")
    try:
        rows = shortcuts(window, window.tabs)
        where = {w for w, _what, _keys in rows}
        assert {"Fichier", "Édition", "Anonymisation", "Rushes", "Aide"} <= where
        assert ("Fichier", "Importer un dossier…", "Ctrl+Maj+I") in rows
        assert ("Anonymisation", "Masquer", "A") in rows
        assert all(what for _w, what, _k in rows)  # every shortcut says what it does
        assert len({(w, what) for w, what, _k in rows}) == len(rows)  # one line an action
        assert ("Rushes", "Masquer", "A, M") in rows
        dialog = window.show_shortcuts()
        qtbot.addWidget(dialog)
        assert dialog.tree.topLevelItemCount() == len(where)
        guide = window.show_guide()
        qtbot.addWidget(guide)
        [text] = [w.text() for w in guide.findChildren(QLabel) if "<h3>" in w.text()]
        for index in range(window.tabs.count()):  # the guide names every tab, in French
            assert window.tabs.tabText(index).replace("&", "") in text
        assert not has_command_line(text)
    finally:
        install("fr")


def test_scaled_preview_fits_a_story_picture(qtbot):
    from PySide6.QtGui import QColor, QPixmap

    from mediakit.ui.preview_label import ScaledPreview

    label = ScaledPreview()
    qtbot.addWidget(label)
    label.resize(300, 400)
    label.show()
    story = QPixmap(1080, 1920)
    story.fill(QColor("red"))
    label.setPixmap(story)
    shown = label.pixmap()
    assert shown.width() <= 300 and shown.height() <= 400 and shown.height() >= 390
    assert label.source().size() == story.size()  # the full picture kept
    label.resize(200, 200)
    qtbot.waitUntil(lambda: label.pixmap().height() <= 200, timeout=2000)
    assert label.minimumSizeHint().height() < 1920


def test_an_infographic_in_the_chutier_has_its_picture_and_its_sources_state(
        qtbot, window, tmp_path, media_dir):
    """A deliverable made in the window stands where its sources do (« revu » once they
    are), shows its own picture, and the side panel counts it and names its sources."""
    from PIL import Image

    from mediakit.library import deliverables
    from mediakit.privacy import review

    window.set_auto_detect(False)
    op = Operation.create(tmp_path / "op", "UI")
    window.set_operation(op)
    _import(qtbot, window, [media_dir / "a.jpg"])
    [photo] = list(op.items)
    op.doc.set(("items", photo, "masks"), [])
    op.doc.set(("items", photo, "detection"), {"detector": "test"})
    review.mark_reviewed(op, photo)
    png = tmp_path / "bilan.png"
    Image.new("RGB", (1080, 1080), (0, 0, 145)).save(png)
    sha = deliverables.register(op, png, deliverables.INFOGRAPHIC, "Bilan 1080x1080", [photo])
    op.save()
    window.chutier.refresh()
    assert window.chutier.state_of(sha).text == "revu"  # its source is reviewed
    qtbot.waitUntil(lambda: not window.chutier._entries[sha].icon().isNull(), timeout=10_000)
    window.chutier.grid.clearSelection()
    window.chutier.grid.setCurrentItem(None)
    window._update_details()
    assert "1 montage(s) ou infographie(s)" in window.details.text()
    window.chutier.grid.setCurrentItem(window.chutier._entries[sha])
    window._update_details()
    assert "a.jpg" in window.details.text() and "Appareil" not in window.details.text()


def test_a_new_operation_never_spreads_over_a_folder_of_other_files(tmp_path):
    from mediakit.ui.app import operation_folder

    empty = tmp_path / "vide"
    empty.mkdir()
    assert operation_folder(empty, "Opération Tempête") == empty
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "note.txt").write_text("x")
    first = operation_folder(documents, "Opération Tempête")
    assert first.parent == documents and first.name == "operation-tempete"
    Operation.create(first, "Opération Tempête")
    second = operation_folder(documents, "Opération Tempête")  # that one is taken now
    assert second != first and second.parent == documents and not second.exists()


def test_f3_opens_the_next_item_still_to_review(qtbot, window, tmp_path, media_dir):

    window.set_auto_detect(False)
    op = Operation.create(tmp_path / "op", "UI")
    window.set_operation(op)
    _import(qtbot, window, [media_dir])
    names = {it["name"]: s for s, it in op.items.items()}
    for sha in op.items:  # detection ran on all, nothing found
        key = "tracks" if op.items[sha]["kind"] == "video" else "masks"
        op.doc.set(("items", sha, key), [])
        op.doc.set(("items", sha, "detection"), {"detector": "test"})
    window.open_review(names["a.jpg"])
    assert window.review.mark_reviewed()
    qtbot.waitUntil(lambda: "F3" in window.review.status.text(), timeout=3000)
    window.next_action.trigger()  # a.jpg is reviewed: b.png, then the rush
    assert window.tabs.currentWidget() is window.review and window.review.sha == names["b.png"]
    assert window.review.mark_reviewed()
    window.review.next_button.click()
    assert window.tabs.currentWidget() is window.rush_review
    assert window.rush_review.sha == names["clip.mp4"]
    window.rush_review.mark_reviewed()
    qtbot.waitUntil(lambda: "F3" in window.rush_review.status.text(), timeout=3000)
    window.next_action.trigger()
    assert "sont revus" in window.statusBar().currentMessage()
