"""Montage: dérushage, timelines as project data, one-graph ffmpeg render, previews.

Public entry points (imported lazily)::

    from mediakit.video.montage import render_timeline, preview_frame, demo_timeline
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "MontageError": "timeline", "normalise": "timeline", "load_timeline_file": "timeline",
    "render_timeline": "render", "clip_source": "render", "preview_frame": "preview",
    "demo_timeline": "demo",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f"mediakit.video.montage.{_EXPORTS[name]}")
        return getattr(module, name)
    raise AttributeError(name)
