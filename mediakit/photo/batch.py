"""Photo batches (a photo report: hundreds of camera frames): the models are loaded once
for the batch, the next photo is decoded while the current one is detected, and the
progress reports the time left."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image

from mediakit.errors import Cancelled, MediaError, display_path
from mediakit.media.images import load_oriented_rgb

Loaded = tuple[Image.Image, Image.Image]  # (original as stored, oriented RGB)
K = TypeVar("K")


def decode_ahead(keys: Iterable[K], path_of: Callable[[K], Path],
                 load: Callable[[Path], Loaded] = load_oriented_rgb,
                 ) -> Iterator[tuple[K, Loaded | MediaError]]:
    """``(key, (original, oriented))`` for each key, or ``(key, MediaError)`` for a file
    that cannot be read; the next file is decoded in a background thread while the
    caller works on the current one (Pillow's JPEG and HEIF decoders release the GIL,
    so decoding uses the core that detection leaves idle between model runs). At most
    two decoded photos are held at a time."""
    keys = list(keys)

    def job(key: K) -> Loaded | MediaError:
        try:
            return load(path_of(key))
        except MediaError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mk-decode") as pool:
        pending: Future | None = pool.submit(job, keys[0]) if keys else None
        for index, key in enumerate(keys):
            assert pending is not None
            loaded = pending.result()
            pending = pool.submit(job, keys[index + 1]) if index + 1 < len(keys) else None
            yield key, loaded


class TimeLeft:
    """Estimate of the time left in a batch, from the mean time of the items done."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.start = clock()

    def seconds(self, done: int, total: int) -> float | None:
        """Seconds left after ``done`` of ``total`` items (None before the first)."""
        if done <= 0 or total <= 0:
            return None
        return (self.clock() - self.start) / done * max(0, total - done)

    def text(self, done: int, total: int) -> str:
        """The time left, « 2 min 10 s » (empty before the first item and at the end)."""
        left = self.seconds(done, total)
        return "" if left is None or done >= total else duration_text(left)


def duration_text(seconds: float) -> str:
    """« 45 s », « 2 min 10 s », « 1 h 05 min » (French)."""
    s = max(0, round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def detect_batch(paths: Iterable[str | Path], detector: Any, *, suspects: bool = False,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
    """``mediakit detect`` entries (see :func:`mediakit.photo.detect.detect_decoded`) of
    a batch of photos with one ``detector`` (models loaded once), decoding ahead; a file
    that cannot be read gets ``{"file", "error", "message"}`` and the batch goes on.
    ``progress(done, total, name)`` as the other batches."""
    from mediakit.photo.detect import detect_decoded

    paths = [Path(p) for p in paths]
    results: list[dict[str, Any]] = []
    for index, (path, loaded) in enumerate(decode_ahead(paths, lambda p: p)):
        if cancelled and cancelled():
            raise Cancelled("détection annulée")
        if progress:
            progress(index, len(paths), display_path(path.name))
        if isinstance(loaded, MediaError):
            results.append({"file": display_path(path.name), "error": loaded.reason,
                            "message": str(loaded)})
            continue
        original, oriented = loaded
        try:
            results.append(detect_decoded(path, original, oriented, detector, suspects))
        finally:
            original.close()
    if progress:
        progress(len(paths), len(paths), "")
    return results
