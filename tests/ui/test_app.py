"""The main window drives the core: open an operation, import off the UI thread, undo,
crash restore."""

from mediakit.library.project import Operation
from mediakit.ui.app import crashed_operation


def test_import_in_background_then_undo(qtbot, window, tmp_path, media_dir):
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    window.start_import([str(media_dir)])
    assert window.worker is not None  # work runs off the UI thread
    qtbot.waitUntil(lambda: window.worker is None, timeout=60_000)
    assert window.grid.count() == 3
    assert "3 importé(s)" in window.statusBar().currentMessage()
    window.undo()
    qtbot.waitUntil(lambda: window.grid.count() == 2, timeout=3000)  # coalesced refresh
    assert len(Operation.open(tmp_path / "op").items) == 2  # undo is saved


def test_chutier_filters_by_kind(qtbot, window, tmp_path, media_dir):
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    window.start_import([str(media_dir)])
    qtbot.waitUntil(lambda: window.worker is None, timeout=60_000)
    qtbot.waitUntil(lambda: window.grid.count() == 3, timeout=3000)
    window.chutier.kind.setCurrentIndex(window.chutier.kind.findData("video"))
    assert window.grid.count() == 1
    window.chutier.tag.setText("a.jp")
    assert window.grid.count() == 0


def test_operation_left_open_is_restored_after_a_crash(window, tmp_path):
    op = Operation.create(tmp_path / "op", "Crash")
    window.set_operation(op)
    # no closeEvent: the process "crashed"
    assert crashed_operation(window.settings) == str(op.root.resolve())
    window.close()
    assert crashed_operation(window.settings) is None
    assert window.recent()[0] == str(op.root.resolve())
