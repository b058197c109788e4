"""Small widgets shared by the screens."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget


def add_shortcut(owner: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
    """A keyboard shortcut active while ``owner`` or one of its children has the focus."""
    shortcut = QShortcut(QKeySequence(keys), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def action_column(owner: QWidget,
                  actions: Iterable[tuple[str, Callable[[], object], str]]) -> QVBoxLayout:
    """A column of buttons, each also reachable by its keyboard shortcut."""
    column = QVBoxLayout()
    for text, slot, keys in actions:
        button = QPushButton(text)
        button.clicked.connect(slot)
        column.addWidget(button)
        add_shortcut(owner, keys, slot)
    return column
