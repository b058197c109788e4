"""The main window drives the core: open an operation, import off the UI thread, undo."""

import pytest

pytest.importorskip("PySide6")

from mediakit.library.project import Operation  # noqa: E402
from mediakit.ui.app import MainWindow  # noqa: E402


def test_import_in_background_then_undo(qtbot, tmp_path, media_dir):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_operation(Operation.create(tmp_path / "op", "UI"))
    window.start_import([str(media_dir)])
    assert window.worker is not None  # work runs off the UI thread
    qtbot.waitUntil(lambda: window.worker is None, timeout=60_000)
    assert window.grid.count() == 3
    assert "3 importé(s)" in window.statusBar().currentMessage()
    window.undo()
    assert window.grid.count() == 2
    assert len(Operation.open(tmp_path / "op").items) == 2  # undo is saved
