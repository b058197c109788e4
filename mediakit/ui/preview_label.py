"""A preview that always fits: the picture is scaled down to the label's size (aspect kept),
so a 1080×1920 story or a 4000 px photo never pushes the window past a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ScaledPreview(QLabel):
    """A QLabel showing ``setPixmap``/``setImage``'s picture scaled down to fit, never cut.

    ``source()`` is the full-size picture; ``pixmap()`` the scaled one on screen. The label
    asks for little room (``minimum``) and grows with its layout.
    """

    def __init__(self, parent: QWidget | None = None, minimum: QSize | None = None) -> None:
        super().__init__(parent)
        self._source = QPixmap()
        self._minimum = minimum or QSize(160, 160)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def setPixmap(self, pixmap: QPixmap) -> None:  # noqa: N802 - Qt API
        self._source = QPixmap(pixmap)
        self._rescale()

    def setImage(self, image: QImage) -> None:  # noqa: N802 - Qt naming
        self.setPixmap(QPixmap.fromImage(image))

    def source(self) -> QPixmap:
        return self._source

    def clear(self) -> None:
        self._source = QPixmap()
        super().clear()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._minimum

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._minimum

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return -1  # free aspect: the layout decides, the picture fits inside

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._source.isNull():
            super().setPixmap(QPixmap())
            return
        ratio = self.devicePixelRatioF()
        room = self.contentsRect().size() * ratio
        if room.width() < 2 or room.height() < 2:
            return
        if (self._source.width() <= room.width()
                and self._source.height() <= room.height()):
            scaled = QPixmap(self._source)  # fits already: never blown up
        else:
            scaled = self._source.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        super().setPixmap(scaled)
