"""Run core tasks off the UI thread, with progress, messages and cancel.

Failures reach the window as plain French sentences (:func:`mediakit.ui.messages.plain`):
never a command line. A task stopped by ``cancel`` (``Cancelled`` raised) still emits
``failed`` with ``was_cancelled`` set, so a caller may say « annulé » rather than « échec »."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from mediakit.errors import Cancelled
from mediakit.ui.messages import plain


class Worker(QObject):
    """Runs ``fn(progress=..., cancelled=..., on_message=...)`` in a QThread."""

    progress = Signal(int, int, str)
    message = Signal(str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()
        self.was_cancelled = False
        self.thread = QThread()
        self.moveToThread(self.thread)
        self.thread.started.connect(self._run)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _run(self) -> None:
        try:
            result = self._fn(progress=self.progress.emit, cancelled=self._cancel.is_set,
                              on_message=self.message.emit)
        except Cancelled as exc:
            self.was_cancelled = True
            self.failed.emit(plain(str(exc)))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never swallowed
            traceback.print_exc()
            self.failed.emit(plain(str(exc)))
        else:
            self.finished.emit(result)
        finally:
            self.thread.quit()
