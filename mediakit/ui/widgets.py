"""Small widgets shared by the screens: shortcuts that the Aide menu can list, buttons with
their shortcut, tabs that scroll on a small screen, the markers every font can draw."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleOptionSlider,
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


class TimeSlider(QSlider):
    """A horizontal slider where a click puts the handle under the mouse (a playhead, as in
    every video tool), rather than stepping a page towards it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                                 QStyle.SubControl.SC_SliderHandle, self)
            if not handle.contains(event.position().toPoint()):
                groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                                     QStyle.SubControl.SC_SliderGroove, self)
                x = int(event.position().x()) - groove.x() - handle.width() // 2
                span = max(1, groove.width() - handle.width())
                self.setValue(QStyle.sliderValueFromPosition(
                    self.minimum(), self.maximum(), x, span, option.upsideDown))
        super().mousePressEvent(event)


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


class _FitLayout(QLayout):
    """Holds one panel at the whole size of its scroll area.

    It reports no height-for-width, so the area scrolls only when it is smaller than the
    panel's minimum size: Qt otherwise asks a panel with word-wrapped text for its
    *preferred* height at that width, and a tab scrolled on a 1366×768 screen although
    everything fitted once its lists and preview took a little less room."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)
        self._item: QLayoutItem | None = None

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._item = item

    def count(self) -> int:
        return 1 if self._item is not None else 0

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._item if index == 0 else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        item = self._item if index == 0 else None
        if item is not None:
            self._item = None
        return item

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._item.sizeHint() if self._item is not None else QSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        return self._item.minimumSize() if self._item is not None else QSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        if self._item is not None:
            self._item.setGeometry(rect)


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that grows with it (a tab on a small screen);
    it scrolls only below the widget's minimum size."""
    holder = QWidget()
    _FitLayout(holder).addWidget(widget)
    holder.panel = widget  # type: ignore[attr-defined]
    area = QScrollArea()
    area.setWidget(holder)
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
        if isinstance(page, QScrollArea):
            return getattr(page.widget(), "panel", page.widget())
        return page

    def area(self, widget: QWidget) -> QScrollArea | None:
        """The scroll area that holds the panel ``widget``."""
        page = super().widget(self.indexOf(widget))
        return page if isinstance(page, QScrollArea) else None

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
