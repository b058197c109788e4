"""Atomic file writes: write to a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str | None = None,
                durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` if the block succeeds.

    The temporary file keeps the target's extension (encoders pick the format from it).
    On any error, or on KeyboardInterrupt, the temporary file is removed and ``target``
    is left as it was. ``durable=False`` skips the fsyncs, for outputs whose content is
    verified again before being trusted (batch export checks hashes on resume).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    ext = suffix if suffix is not None else target.suffix
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=f".part{ext}",
                                    dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise OSError(f"{target}: nothing was written")
        if tmp.stat().st_mode & 0o777 == 0o600:  # mkstemp's private mode: make it a normal file
            os.chmod(tmp, 0o644)
        if durable:
            _fsync_file(tmp)
        os.replace(tmp, target)
        if durable:
            _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_text_atomic(target: str | Path, text: str, durable: bool = True) -> None:
    """Write ``text`` to ``target`` atomically."""
    with atomic_path(target, durable=durable) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes_atomic(target: str | Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target, durable=durable) as tmp:
        tmp.write_bytes(data)


def file_sha256(path: str | Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file, read in chunks (OSError propagates)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
