"""Gestures of a user on the window, for tests that drive it through its own widgets: menu
actions, buttons found by their words or the key their label names, clicks on list entries,
typing (accents included), drags on a picture, and the window's modal dialogs answered by
filling the real dialog widgets (file choosers, text prompts, questions, custom dialogs)."""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

LEFT, NO_MOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


# -- dialogs: the real widgets, filled as a user would --------------------------------------
class Dialogs:
    """Answers the window's modal dialogs in the order the test expects them.

    Each expectation is a dialog class and a function that fills and closes it. A dialog
    nobody expected, or of the wrong kind, is rejected and reported (never a hang)."""

    def __init__(self) -> None:
        self.expected: deque[tuple[type, Callable[[QWidget], None]]] = deque()
        self.errors: list[str] = []
        self.answered: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def expect(self, kind: type, fill: Callable[[QWidget], None]) -> None:
        self.expected.append((kind, fill))

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        if dialog.property("answered"):  # still open: the answer did not close it
            if time.monotonic() > dialog.property("answered") + 10:
                self.errors.append(f"{type(dialog).__name__} « {dialog.windowTitle()} » "
                                   f"resté ouvert après la réponse")
                dialog.reject()
            return
        dialog.setProperty("answered", time.monotonic())
        title = f"{type(dialog).__name__} « {dialog.windowTitle()} »"
        if not self.expected:
            self.errors.append(f"dialogue inattendu : {title}")
            dialog.reject()
            return
        kind, fill = self.expected.popleft()
        if not isinstance(dialog, kind):
            self.errors.append(f"{title} au lieu d'un {kind.__name__}")
            dialog.reject()
            return
        self.answered.append(title)
        fill(dialog)

    def check(self) -> None:
        """Every expected dialog came and was answered, and no other."""
        assert not self.errors, self.errors
        assert not self.expected, f"dialogue(s) jamais ouvert(s) : {list(self.expected)}"

    def folder(self, path: Path) -> None:
        self.expect(QFileDialog, lambda d: _choose_files(d, [path]))

    def files(self, *paths: Path) -> None:
        self.expect(QFileDialog, lambda d: _choose_files(d, list(paths)))

    def text(self, value: str) -> None:
        def fill(d: QInputDialog) -> None:
            d.setTextValue(value)
            d.accept()
        self.expect(QInputDialog, fill)

    def answer(self, button: QMessageBox.StandardButton) -> None:
        self.expect(QMessageBox, lambda d: d.button(button).click())


def _choose_files(dialog: QFileDialog, paths: list[Path], tries: int = 100) -> None:
    """Go to the folder of ``paths``, type their names in the name field, accept once the
    dialog has them (its folder's listing loads in the background: retried until it does)."""
    names = [f'"{p.name}"' for p in paths] if len(paths) > 1 else [paths[0].name]
    dialog.setDirectory(str(paths[0].parent))
    dialog.findChild(QLineEdit, "fileNameEdit").setText(" ".join(names))
    if sorted(Path(f).resolve() for f in dialog.selectedFiles()) == sorted(
            p.resolve() for p in paths):
        dialog.accept()
    elif tries:
        QTimer.singleShot(50, lambda: _choose_files(dialog, paths, tries - 1))


def answering() -> Iterator[Dialogs]:
    """For a fixture: ``yield from answering()`` (the poll stops with the test)."""
    dialogs = Dialogs()
    yield dialogs
    dialogs.timer.stop()


# -- gestures ----------------------------------------------------------------------------
def action(window, text: str) -> QAction:
    """The window's menu action labelled ``text`` (without its & marks)."""
    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    assert len(found) == 1, text
    return found[0]


def button(panel: QWidget, text: str) -> QPushButton:
    found = [b for b in panel.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, text
    return found[0]


def key_button(panel: QWidget, key: str) -> QPushButton:
    """The button of ``panel`` whose label names the key ``key`` (« Masquer (A ou M) »): the
    words may change, the key a user reads on it does not."""
    found = []
    for b in panel.findChildren(QPushButton):
        keys = re.search(r"\(([^()]*)\)$", b.text())
        if keys and key in re.split(r"[,\s]+", keys.group(1)):
            found.append(b)
    assert len(found) == 1, (key, [b.text() for b in found])
    return found[0]


def click(widget: QWidget) -> None:
    """A click where the button takes it (a check box: its box and its words)."""
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    point = widget.rect().center()
    if isinstance(widget, QCheckBox):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        point = widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option,
                                              widget).center()
    QTest.mouseClick(widget, LEFT, NO_MOD, point)


def show_tab(qtbot, window, panel: QWidget) -> None:
    """Click the tab of ``panel`` in the window's tab bar."""
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(panel)
    QTest.mouseClick(bar, LEFT, NO_MOD, bar.tabRect(index).center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is panel, timeout=5000)


def _item_point(view: QAbstractItemView, item, qtbot) -> QPoint:
    view.scrollToItem(item)
    qtbot.waitUntil(lambda: view.visualItemRect(item).isValid(), timeout=5000)
    return view.visualItemRect(item).center()


def click_item(qtbot, view: QAbstractItemView, item, modifier=NO_MOD) -> None:
    QTest.mouseClick(view.viewport(), LEFT, modifier, _item_point(view, item, qtbot))


def double_click_item(qtbot, view: QAbstractItemView, item) -> None:
    point = _item_point(view, item, qtbot)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, point)
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, point)


def type_into(box: QWidget, text: str) -> None:
    """Select what the field holds and type ``text`` (a spin box is read back at once)."""
    line = box if isinstance(box, QLineEdit) else box.lineEdit()
    line.selectAll()
    for char in text:  # key events carrying the character (QTest.keyClicks: ASCII only)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(line, QKeyEvent(kind, 0, NO_MOD, char))
    if not isinstance(box, QLineEdit):
        box.interpretText()


def drag(view, start: QPointF, end: QPointF) -> None:
    """A mouse drag on a graphics view, between two points of its scene."""
    vp = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(vp, LEFT, NO_MOD, a)
    for i in range(1, 6):
        QTest.mouseMove(vp, a + (b - a) * i / 5)
    QTest.mouseRelease(vp, LEFT, NO_MOD, b)


def grid_entry(window, name: str):
    grid = window.grid
    for i in range(grid.count()):
        if grid.item(i).text() == name:
            return grid.item(i)
    raise AssertionError(f"{name} absent du Chutier")


def open_from_chutier(qtbot, window, name: str, panel: QWidget) -> None:
    show_tab(qtbot, window, window.tabs.widget(0))
    double_click_item(qtbot, window.grid, grid_entry(window, name))
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is panel, timeout=5000)
