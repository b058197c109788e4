"""The ffmpeg binary shipped by imageio-ffmpeg, and a helper to run it."""

from __future__ import annotations

import functools
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from mediakit.errors import Cancelled, MediaError


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the bundled ffmpeg binary (imageio-ffmpeg), never a system one."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(args: Sequence[str | Path], *, source: str | Path | None = None,
               timeout: float | None = None, capture: bool = True) -> subprocess.CompletedProcess:
    """Run ffmpeg with ``args`` (without the binary name); raise MediaError naming ``source``.

    stdout is returned as bytes; stderr is kept for the error message.
    """
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", *map(str, args)]
    try:
        proc = subprocess.run(cmd, capture_output=capture, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise MediaError(source or "ffmpeg", "ffmpeg n'a pas répondu à temps") from exc
    if proc.returncode != 0:
        raise MediaError(source or "ffmpeg", f"ffmpeg a échoué : {last_error_line(proc.stderr)}")
    return proc


def last_error_line(stderr: bytes | None) -> str:
    """The most telling line of ffmpeg's stderr, for a one-line message."""
    if not stderr:
        return "erreur inconnue"
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    for line in reversed(lines):
        low = line.lower()
        if any(k in low for k in ("invalid", "error", "not found", "no such", "moov", "denied")):
            return line[:200]
    return lines[-1][:200] if lines else "erreur inconnue"


def run_ffmpeg_progress(args: Sequence[str | Path], *, duration: float,
                        progress: Callable[[float], None] | None = None,
                        cancelled: Callable[[], bool] | None = None,
                        what: str = "traitement") -> None:
    """Run ffmpeg with ``-progress pipe:1`` among ``args``, reporting 0–1 and honouring
    cancellation (the process is killed). Raises RuntimeError with ffmpeg's telling line on
    failure; stderr goes to a temporary file so a chatty ffmpeg never blocks on a full pipe.
    """
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", *map(str, args)]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:
                if cancelled and cancelled():
                    raise Cancelled(f"{what} annulé")
                line = raw.decode("ascii", "replace").strip()
                if progress and line.startswith("out_time_us=") and duration > 0:
                    value = line.split("=", 1)[1]
                    if value.isdigit():
                        progress(min(1.0, int(value) / 1e6 / duration))
            proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(last_error_line(err.read()))
