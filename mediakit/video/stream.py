"""Raw frames through ffmpeg pipes: a decoder yielding frames as displayed (rotation applied,
constant frame rate) and an encoder writing H.264 with the source's audio.

Both wrap one ffmpeg subprocess; ``close`` (or an exception, KeyboardInterrupt included)
terminates it, so an interrupted run leaves no stray process behind.
"""

from __future__ import annotations

import contextlib
import queue
import subprocess
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.errors import MediaError
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line

PREFETCH = 4  # frames decoded ahead of the caller (a reader thread; memory: 4 frames)


def even_size(width: int, height: int) -> tuple[int, int]:
    """Frame size used for decoding and encoding: yuv420p needs even sides (last row/column
    of an odd-sized video is cropped, so coordinates are unchanged)."""
    return width - width % 2, height - height % 2


class _Process:
    """An ffmpeg subprocess whose stderr is drained by a thread (kept for the error message)."""

    def __init__(self, args: Sequence[str], source: Path, stdin: bool) -> None:
        self.source = source
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin" if not stdin else "-y", *args]
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL if stdin else subprocess.PIPE, stderr=subprocess.PIPE)
        self.stderr = bytearray()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for chunk in iter(lambda: self.proc.stderr.read(4096), b""):  # type: ignore[union-attr]
            self.stderr += chunk
            del self.stderr[:-65536]

    def terminate(self) -> None:
        """Stop the process now (used on errors and interruptions)."""
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=10)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self._thread.join(timeout=5)

    def finish(self, timeout: float = 600) -> int:
        """Wait for a normal end; returns the exit status."""
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.terminate()
            raise MediaError(self.source, "ffmpeg n'a pas répondu à temps") from exc
        self._thread.join(timeout=5)
        return code

    def error_line(self) -> str:
        return last_error_line(bytes(self.stderr))


class FrameReader:
    """Decode ``path`` into frames of ``size`` (w, h), as the video is displayed.

    ``pix_fmt`` is ``"rgb24"`` (H×W×3 arrays) or ``"yuv420p"`` ((H·3/2)×W planar arrays,
    the layout OpenCV calls I420). ``fps`` forces a constant rate (frames duplicated or
    dropped as a player would show them), so frame indices match between passes. Frames
    are read ``prefetch`` ahead by a thread, so decoding overlaps the caller's work.
    """

    def __init__(self, path: str | Path, display_size: tuple[int, int], fps: float,
                 size: tuple[int, int] | None = None, pix_fmt: str = "rgb24",
                 threads: int = 0, prefetch: int = PREFETCH) -> None:
        self.path = Path(path)
        self.prefetch = prefetch
        full = even_size(*display_size)
        self.size = size or full
        self.pix_fmt = pix_fmt
        w, h = self.size
        self.shape = (h, w, 3) if pix_fmt == "rgb24" else (h * 3 // 2, w)
        self.frame_bytes = w * h * 3 if pix_fmt == "rgb24" else w * h * 3 // 2
        filters = [f"crop={full[0]}:{full[1]}:0:0"]
        if self.size != full:
            filters.append(f"scale={w}:{h}:flags=area")
        args = ["-v", "error", "-threads", str(threads), "-i", str(self.path),
                "-map", "0:v:0", "-vf", ",".join(filters), "-r", f"{fps:.6f}",
                "-fps_mode", "cfr", "-f", "rawvideo", "-pix_fmt", pix_fmt, "pipe:1"]
        self._proc = _Process(args, self.path, stdin=False)
        self.count = 0

    def __iter__(self) -> Iterator[np.ndarray]:
        stdout = self._proc.proc.stdout
        assert stdout is not None
        frames: queue.Queue = queue.Queue(maxsize=max(1, self.prefetch))
        stop = threading.Event()
        pump = threading.Thread(target=self._pump, args=(stdout, frames, stop), daemon=True)
        pump.start()
        try:
            while True:
                item = frames.get()
                if isinstance(item, BaseException):
                    raise item
                if item is None:
                    break
                self.count += 1
                yield np.frombuffer(item, np.uint8).reshape(self.shape)
            code = self._proc.finish()
            if code != 0 or self.count == 0 or _decode_errors(self._proc.stderr):
                raise MediaError(self.path, "vidéo tronquée ou corrompue "
                                            f"({self._proc.error_line()})")
        finally:
            stop.set()
            self._proc.terminate()
            pump.join(timeout=5)

    def _pump(self, stdout: Any, frames: queue.Queue, stop: threading.Event) -> None:
        """Read frames ahead (ffmpeg decodes while the caller works on the previous ones);
        None at the end, the exception on an error."""

        def put(item: Any) -> bool:
            while not stop.is_set():
                try:
                    frames.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        try:
            while not stop.is_set():
                buf = bytearray(self.frame_bytes)
                n = stdout.readinto(buf)
                if not n:
                    put(None)
                    return
                if n < self.frame_bytes:
                    put(MediaError(self.path, "vidéo tronquée ou corrompue (image incomplète)"))
                    return
                if not put(buf):
                    return
        except (OSError, ValueError) as exc:  # pipe closed by close()
            put(MediaError(self.path, f"lecture interrompue ({exc})"))

    def close(self) -> None:
        self._proc.terminate()


def _decode_errors(stderr: bytes | bytearray) -> bool:
    low = bytes(stderr).decode("utf-8", "replace").lower()
    return any(k in low for k in ("invalid data", "error while decoding", "truncat",
                                  "moov atom not found", "partial file", "corrupt",
                                  "stream 0, offset", "missing picture", "invalid nal"))


class FrameWriter:
    """Encode yuv420p frames to H.264 in ``out``, muxing ``audio_args`` from ``source``.

    No container metadata is written: no dates, location, make/model, encoder or handler
    names, chapters; the output carries no display matrix (frames are already upright).
    """

    def __init__(self, out: str | Path, source: str | Path, size: tuple[int, int], fps: float,
                 audio_args: Sequence[str] = ("-an",), crf: int = 20,
                 preset: str = "veryfast") -> None:
        self.out = Path(out)
        w, h = size
        self.frame_bytes = w * h * 3 // 2
        args = ["-v", "error",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{w}x{h}",
                "-framerate", f"{fps:.6f}", "-i", "pipe:0",
                "-i", str(source),
                "-map", "0:v:0", *_audio_map(audio_args),
                "-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p",
                *audio_args,
                *metadata_free_args(), "-f", "mp4", str(self.out)]
        self._proc = _Process(args, Path(source), stdin=True)
        self.count = 0

    def write(self, frame: np.ndarray) -> None:
        stdin = self._proc.proc.stdin
        assert stdin is not None
        try:
            stdin.write(memoryview(np.ascontiguousarray(frame)).cast("B"))
        except (BrokenPipeError, OSError) as exc:
            self._proc.terminate()
            raise MediaError(self._proc.source,
                             f"l'encodage a échoué ({self._proc.error_line()})") from exc
        self.count += 1

    def finish(self) -> None:
        stdin = self._proc.proc.stdin
        assert stdin is not None
        with contextlib.suppress(BrokenPipeError, OSError):
            stdin.close()
        if self._proc.finish() != 0:
            raise MediaError(self._proc.source, f"l'encodage a échoué ({self._proc.error_line()})")

    def close(self) -> None:
        self._proc.terminate()


def _audio_map(audio_args: Sequence[str]) -> list[str]:
    if "-an" in audio_args or "[aout]" in audio_args:
        return []
    return ["-map", "1:a:0"]


def metadata_free_args() -> list[str]:
    """Muxer options that leave no identifying metadata in an MP4."""
    return ["-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact",
            "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-metadata:s:v", "handler_name=", "-metadata:s:a", "handler_name=",
            "-metadata:s:v", "encoder=", "-metadata", "encoder=",
            "-movflags", "+faststart"]
