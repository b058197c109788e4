"""Errors that carry a message meant for the user (one line, naming the file and the reason)."""

from __future__ import annotations

from pathlib import Path


def display_path(path: str | Path) -> str:
    """Render a path for a message, even when its name is not valid UTF-8."""
    raw = str(path)
    return raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class MediakitError(Exception):
    """Base class for errors shown to the user as they are."""


class MediaError(MediakitError):
    """A media file cannot be used; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{display_path(path)}: {reason}")


class ProjectError(MediakitError):
    """The operation folder or its project file cannot be used."""


class ConflictError(ProjectError):
    """An edit (an undo, a redo) would overwrite what another process changed meanwhile."""


class Cancelled(MediakitError):
    """The user cancelled a long task."""
