import pytest

pytest.importorskip("PySide6")


@pytest.fixture()
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from mediakit.ui.app import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    return win


def show_review(qtbot, window, op, sha):
    """Open the operation in the window, shown, with ``sha`` in its review screen."""
    window.set_operation(op)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_review(sha)
