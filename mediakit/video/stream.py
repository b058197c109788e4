"""Raw frames through ffmpeg pipes: a decoder yielding frames as displayed (rotation applied,
constant frame rate, HDR tone-mapped to SDR) and an encoder writing H.264 with the source's
audio.

Phone rushes come as they are: H.264 or HEVC, 8 or 10 bits, a rotation tag (ffmpeg turns
the pictures upright), a variable frame rate (decoded at the stream's nominal rate, ``tbr``:
every source frame shown at its time within half a frame, repeats filling the slow parts),
HDR (HLG or PQ in BT.2020, as iPhones record) tone-mapped to SDR BT.709 with zscale and
tonemap (both in the imageio-ffmpeg binary). Decoding uses the machine's video hardware
when it has some (``-hwaccel auto``, software otherwise; see :func:`hwaccel_args`).

Both wrap one ffmpeg subprocess; ``close`` (or an exception, KeyboardInterrupt included)
terminates it, so an interrupted run leaves no stray process behind.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import subprocess
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.errors import MediaError
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line

PREFETCH = 4  # frames decoded ahead of the caller (a reader thread; memory: 4 frames)
# Threads of the decoder and of libx264: at most this many (ffmpeg's default, about 1.5 per
# core, gives each thread its own frames in flight: libx264 at 4K holds ~50 MB a frame).
# 2160x3840 from raw frames on 2 cores: libx264 veryfast 1045 MB (3 threads) -> 919 MB
# with 2 threads and sync-lookahead=0, same size (1 410 567 B, same crf: same quality);
# HEVC decoder with the pipeline's filters 530 -> 458 MB.
MAX_THREADS = 4


HDR_TRANSFERS = {"smpte2084": "PQ", "arib-std-b67": "HLG"}
# HDR to SDR: linear light with HDR reference white (203 nits, ITU-R BT.2408: where phones
# put diffuse white) at 1.0, BT.709 primaries, Möbius curve (values up to reference white
# kept, highlights rolled off into the top; no desaturation), BT.709 transfer and matrix,
# limited range. Measured on HLG and PQ clips made from an SDR picture (tests): grey 128
# stays 128, white 235 becomes 207, red 200 becomes 189; Hable's curve gave 86 / 147 / 129
# (a dark, flat picture), at 100 nits 112 / 182 / 161.
TONEMAP = ("zscale=t=linear:npl=203,format=gbrpf32le,zscale=p=bt709,"
           "tonemap=tonemap=mobius:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p")


def stream_facts(path: str | Path) -> dict[str, Any]:
    """Facts of the first video stream ffmpeg prints that :func:`video_info` leaves out:
    pixel format, colour transfer (``hdr``: "HLG", "PQ" or None) and nominal rate
    (``tbr``: the rate a variable-frame-rate stream is timed on)."""
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path)],
                          capture_output=True, timeout=60, check=False)
    header = proc.stderr.decode("utf-8", "replace")
    line = next((ln for ln in header.splitlines() if re.search(r"Stream #0:\d+.*: Video:", ln)),
                "")
    pix = re.search(r"Video: [^,]+, (\w+)(?:\(([^)]*)\))?", line)
    colours = (pix.group(2) or "") if pix else ""
    transfer = next((t for t in HDR_TRANSFERS if t in colours), None)
    tbr = re.search(r"([\d.]+)(k?) tbr", line)
    rate = None
    if tbr:
        rate = float(tbr.group(1)) * (1000 if tbr.group(2) else 1)
    return {"pix_fmt": pix.group(1) if pix else None,
            "hdr": HDR_TRANSFERS.get(transfer or ""), "tbr": rate}


def output_rate(fps: float, tbr: float | None) -> float:
    """The constant rate a source is decoded at: its average rate, or its nominal rate when
    that is higher (a variable frame rate: 16.8 fps on average for 25 fps timing), up to
    60 fps (a 90k ``tbr`` is a timebase, not a rate)."""
    if tbr and fps * 1.01 < tbr <= 60.0:
        return tbr
    return fps


def hwaccel_args() -> list[str]:
    """``-hwaccel auto`` where the machine has a video device (NVIDIA, or a DRM render node:
    Intel/AMD VA-API), nothing otherwise; ffmpeg decodes in software when the hardware
    cannot. ``MEDIAKIT_HWACCEL``: "none" turns it off, another value names the method."""
    choice = os.environ.get("MEDIAKIT_HWACCEL", "").strip().lower()
    if choice in ("none", "off", "0", "no"):
        return []
    if choice:
        return ["-hwaccel", choice]
    devices = Path("/dev/nvidia0").exists() or any(Path("/dev/dri").glob("renderD*")) \
        if Path("/dev").exists() else False
    return ["-hwaccel", "auto"] if devices else []


def codec_threads() -> int:
    """Threads for the decoder and the encoder: one a core, at most MAX_THREADS."""
    return max(1, min(os.cpu_count() or 1, MAX_THREADS))


def x264_params() -> list[str]:
    """libx264 options keeping its memory bounded: :func:`codec_threads` frame threads and
    no sync look-ahead buffer (frames queued between the look-ahead thread and the
    encoder, which change neither the bitstream's quality nor its rate control)."""
    return ["-x264-params", f"threads={codec_threads()}:sync-lookahead=0"]


def even_size(width: int, height: int) -> tuple[int, int]:
    """Frame size used for decoding and encoding: yuv420p needs even sides (last row/column
    of an odd-sized video is cropped, so coordinates are unchanged)."""
    return width - width % 2, height - height % 2


class _Process:
    """An ffmpeg subprocess whose stderr is drained by a thread (kept for the error message)."""

    def __init__(self, args: Sequence[str], source: Path, stdin: bool,
                 pass_fds: Sequence[int] = ()) -> None:
        self.source = source
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin" if not stdin else "-y", *args]
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL if stdin else subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=tuple(pass_fds))
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
    ``small`` (w, h): the same decode also gives each frame as RGB at that size (ffmpeg
    scales it, on its threads), and iterating yields (frame, small frame) pairs.
    """

    def __init__(self, path: str | Path, display_size: tuple[int, int], fps: float,
                 size: tuple[int, int] | None = None, pix_fmt: str = "rgb24",
                 threads: int = 0, prefetch: int = PREFETCH, hdr: str | None = None,
                 hwaccel: bool = True, small: tuple[int, int] | None = None) -> None:
        self.path = Path(path)
        self.prefetch = prefetch
        full = even_size(*display_size)
        self.size = size or full
        self.pix_fmt = pix_fmt
        w, h = self.size
        self.shape = (h, w, 3) if pix_fmt == "rgb24" else (h * 3 // 2, w)
        self.frame_bytes = w * h * 3 if pix_fmt == "rgb24" else w * h * 3 // 2
        filters = [TONEMAP] if hdr else []
        filters.append(f"crop={full[0]}:{full[1]}:0:0")
        if self.size != full:
            filters.append(f"scale={w}:{h}:flags=area")
        rate = ["-r", f"{fps:.6f}", "-fps_mode", "cfr"]
        head = ["-v", "error", *(hwaccel_args() if hwaccel else []),
                "-threads", str(threads or codec_threads()), "-i", str(self.path)]
        self.small = small
        self._small_fd: int | None = None
        if small is None:
            args = [*head, "-map", "0:v:0", "-vf", ",".join(filters), *rate,
                    "-f", "rawvideo", "-pix_fmt", pix_fmt, "pipe:1"]
            self._proc = _Process(args, self.path, stdin=False)
        else:
            sw, sh = small
            graph = (f"[0:v:0]{','.join(filters)},split=2[full][s];"
                     f"[s]scale={sw}:{sh}:flags=area,format=rgb24[small]")
            read_fd, write_fd = os.pipe()
            args = [*head, "-filter_complex", graph,
                    "-map", "[full]", *rate, "-f", "rawvideo", "-pix_fmt", pix_fmt, "pipe:1",
                    "-map", "[small]", *rate, "-f", "rawvideo", "-pix_fmt", "rgb24",
                    f"pipe:{write_fd}"]
            try:
                self._proc = _Process(args, self.path, stdin=False, pass_fds=(write_fd,))
            finally:
                os.close(write_fd)
            self._small_fd = read_fd
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        stdout = self._proc.proc.stdout
        assert stdout is not None
        stop = threading.Event()
        streams = [(stdout, self.frame_bytes, self.shape)]
        if self.small is not None and self._small_fd is not None:
            sw, sh = self.small
            streams.append((os.fdopen(self._small_fd, "rb", buffering=0), sw * sh * 3,
                            (sh, sw, 3)))
            self._small_fd = None
        queues: list[queue.Queue] = [queue.Queue(maxsize=max(1, self.prefetch)) for _ in streams]
        pumps = [threading.Thread(target=self._pump, args=(pipe, q, stop, size), daemon=True)
                 for (pipe, size, _), q in zip(streams, queues, strict=True)]
        for pump in pumps:
            pump.start()
        try:
            while True:
                items = [q.get() for q in queues]
                for item in items:
                    if isinstance(item, BaseException):
                        raise item
                if any(item is None for item in items):
                    if not all(item is None for item in items):
                        raise MediaError(self.path, "vidéo tronquée ou corrompue "
                                                    "(sorties de longueurs différentes)")
                    break
                self.count += 1
                arrays = [np.frombuffer(item, np.uint8).reshape(shape)
                          for item, (_, _, shape) in zip(items, streams, strict=True)]
                yield arrays[0] if len(arrays) == 1 else tuple(arrays)
            code = self._proc.finish()
            if code != 0 or self.count == 0 or _decode_errors(self._proc.stderr):
                raise MediaError(self.path, "vidéo tronquée ou corrompue "
                                            f"({self._proc.error_line()})")
        finally:
            stop.set()
            self._proc.terminate()
            for pipe, _, _ in streams[1:]:
                with contextlib.suppress(OSError):
                    pipe.close()
            for pump in pumps:
                pump.join(timeout=5)

    def _pump(self, stdout: Any, frames: queue.Queue, stop: threading.Event,
              frame_bytes: int) -> None:
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
                buf = bytearray(frame_bytes)
                n = _read_full(stdout, buf)
                if not n:
                    put(None)
                    return
                if n < frame_bytes:
                    put(MediaError(self.path, "vidéo tronquée ou corrompue (image incomplète)"))
                    return
                if not put(buf):
                    return
        except (OSError, ValueError) as exc:  # pipe closed by close()
            put(MediaError(self.path, f"lecture interrompue ({exc})"))

    def close(self) -> None:
        self._proc.terminate()
        if self._small_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._small_fd)
            self._small_fd = None


def _read_full(pipe: Any, buf: bytearray) -> int:
    """Fill ``buf`` from ``pipe`` (an unbuffered pipe returns what is there); bytes read."""
    view = memoryview(buf)
    got = 0
    while got < len(buf):
        n = pipe.readinto(view[got:])
        if not n:
            break
        got += n
    return got


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
                 preset: str = "veryfast", sdr_tags: bool = False, queued: int = 0) -> None:
        self.out = Path(out)
        w, h = size
        self.frame_bytes = w * h * 3 // 2
        tags = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                "-color_range", "tv"] if sdr_tags else []
        args = ["-v", "error",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{w}x{h}",
                "-framerate", f"{fps:.6f}", "-i", "pipe:0",
                "-i", str(source),
                "-map", "0:v:0", *_audio_map(audio_args),
                "-c:v", "libx264", "-preset", preset, "-crf", str(crf), *x264_params(),
                "-pix_fmt", "yuv420p",
                *tags, *audio_args,
                *metadata_free_args(), "-f", "mp4", str(self.out)]
        self._proc = _Process(args, Path(source), stdin=True)
        self.count = 0
        # ``queued``: frames handed to a thread that writes them (the caller goes on while
        # the encoder takes the previous ones; memory: that many frames)
        self._queue: queue.Queue | None = queue.Queue(maxsize=queued) if queued else None
        self._failed: BaseException | None = None
        self._thread: threading.Thread | None = None
        if self._queue is not None:
            self._thread = threading.Thread(target=self._pump, daemon=True)
            self._thread.start()

    def _pump(self) -> None:
        assert self._queue is not None
        while True:
            frame = self._queue.get()
            if frame is None:
                return
            if self._failed is None:
                try:
                    self._write(frame)
                except BaseException as exc:  # noqa: BLE001 - reported by write/finish
                    self._failed = exc

    def write(self, frame: np.ndarray) -> None:
        """Encode one frame (with a queue: hand it over; an earlier failure is raised)."""
        if self._failed is not None:
            raise self._failed
        if self._queue is None:
            self._write(frame)
        else:
            self._queue.put(frame)
        self.count += 1

    def _write(self, frame: np.ndarray) -> None:
        stdin = self._proc.proc.stdin
        assert stdin is not None
        try:
            stdin.write(memoryview(np.ascontiguousarray(frame)).cast("B"))
        except (BrokenPipeError, OSError) as exc:
            self._proc.terminate()
            raise MediaError(self._proc.source,
                             f"l'encodage a échoué ({self._proc.error_line()})") from exc

    def _drain(self) -> None:
        if self._thread is not None and self._queue is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def finish(self) -> None:
        self._drain()
        if self._failed is not None:
            raise self._failed
        stdin = self._proc.proc.stdin
        assert stdin is not None
        with contextlib.suppress(BrokenPipeError, OSError):
            stdin.close()
        if self._proc.finish() != 0:
            raise MediaError(self._proc.source, f"l'encodage a échoué ({self._proc.error_line()})")

    def close(self) -> None:
        self._proc.terminate()
        if self._thread is not None and self._queue is not None:
            while True:  # room for the end marker: frames not written are dropped
                try:
                    self._queue.put_nowait(None)
                    break
                except queue.Full:
                    with contextlib.suppress(queue.Empty):
                        self._queue.get_nowait()
            self._thread.join(timeout=5)
            self._thread = None


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
