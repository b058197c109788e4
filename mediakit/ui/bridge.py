"""Bring document change notifications onto the UI thread, coalesced.

Core listeners may be called from a worker thread (an import in the background); widgets must
only be touched on the UI thread. The bridge re-emits through a queued Qt signal and
coalesces bursts into one refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from mediakit.library.document import Document


class DocumentBridge(QObject):
    """Calls ``callback`` on the UI thread at most once per ``delay_ms`` after changes."""

    _poke = Signal(int)

    def __init__(self, callback: Callable[[], None], delay_ms: int = 60,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(callback)
        self._poke.connect(self._schedule)  # queued when emitted from another thread
        self._doc: Document | None = None

    def watch(self, doc: Document | None) -> None:
        if self._doc is not None:
            self._doc.unsubscribe(self._listener)
        self._doc = doc
        if doc is not None:
            doc.subscribe(self._listener)

    def _listener(self, _command, _how) -> None:  # noqa: ANN001 - any thread
        self._poke.emit(0)

    def _schedule(self, _unused: int = 0) -> None:
        if not self._timer.isActive():
            self._timer.start()
