"""Small widgets shared by the screens: shortcuts that the Aide menu can list, buttons with
their shortcut, tabs that scroll on a small screen, the markers every font can draw."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# Markers in front of messages: glyphs of the common UI fonts (DejaVu, Segoe UI, Noto),
# never emoji (« ⛔ » is drawn as an empty box where no emoji font is installed).
ERROR_MARK = "✖"
WARNING_MARK = "⚠"
OK_MARK = "✔"
DESCRIPTION = "description"  # QShortcut property: what the shortcut does (Aide menu)
_KEY_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")

MAX_DEFAULT = QSize(1280, 720)  # fits a 1366×768 laptop screen minus its task bar


def add_shortcut(owner: QWidget, keys: str, slot: Callable[[], object],
                 text: str | None = None) -> QShortcut:
    """A keyboard shortcut active while ``owner`` or one of its children has the focus;
    ``text`` says what it does (listed by Aide › Raccourcis clavier)."""
    shortcut = QShortcut(QKeySequence(keys), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    if text:
        shortcut.setProperty(DESCRIPTION, text)
    return shortcut


def action_column(owner: QWidget,
                  actions: Iterable[tuple[str, Callable[[], object], str]]) -> QVBoxLayout:
    """A column of buttons, each also reachable by its keyboard shortcut."""
    column = QVBoxLayout()
    for text, slot, keys in actions:
        button = QPushButton(text)
        button.clicked.connect(slot)
        column.addWidget(button)
        add_shortcut(owner, keys, slot, _KEY_SUFFIX.sub("", text))
    return column


def heading(text: str) -> QLabel:
    """A section title: bold, a little larger than the text under it."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def hint(text: str) -> QLabel:
    """A short explanation under a title, wrapped, in the palette's secondary colour."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that grows with it (a tab on a small screen)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class ScrollTabs(QTabWidget):
    """Tabs whose pages scroll when the window is smaller than they need.

    The panels are wrapped in scroll areas; ``indexOf``, ``setCurrentWidget``,
    ``currentWidget`` and ``widget`` speak of the panels themselves.
    """

    def addTab(self, widget: QWidget, label: str) -> int:  # noqa: N802 - Qt API
        return super().addTab(scrolled(widget), label)

    def widget(self, index: int) -> QWidget | None:
        page = super().widget(index)
        return page.widget() if isinstance(page, QScrollArea) else page

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt API
        for index in range(self.count()):
            if self.widget(index) is widget or super().widget(index) is widget:
                return index
        return -1

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt API
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)


def default_size() -> QSize:
    """The window's first size: at most 1280×720, never bigger than the available screen."""
    screen = QGuiApplication.primaryScreen()
    size = QSize(MAX_DEFAULT)
    if screen is not None:
        room = screen.availableGeometry().size()  # the window frame and title bar too
        size = size.boundedTo(QSize(room.width() - 16, room.height() - 40))
    return size
