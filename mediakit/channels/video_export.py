"""Video export for a channel: one ffmpeg process per job (reframe, fps, two-pass loudnorm,
H.264 with the preset's caps), metadata-free, written through a temporary file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.atomic import atomic_path
from mediakit.channels.reframe import crop_for_aspect
from mediakit.errors import MediaError
from mediakit.media.ffmpeg import run_ffmpeg_progress
from mediakit.media.loudness import integrated_loudness, loudnorm_spec, measure_loudness
from mediakit.media.probe import video_info
from mediakit.privacy.regions import BoxTuple

NO_METADATA = ["-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact",
               "-flags:v", "+bitexact", "-flags:a", "+bitexact",
               "-metadata:s:v", "encoder=", "-metadata:s:a", "encoder="]
SubjectTrack = Sequence[tuple[float, Sequence[BoxTuple]]]  # (time s, boxes) samples


def crop_path(info: dict[str, Any], aspect: float, subjects: SubjectTrack | None,
              step: float = 0.1, smooth_s: float = 1.0) -> tuple[int, int, list[tuple[float,
                                                                                       int, int]]]:
    """Crop size and a smoothed (time, x, y) path that follows the subjects (no jitter)."""
    w, h = info["width"], info["height"]
    x0, y0, cw, ch = crop_for_aspect(w, h, aspect)
    if not subjects:
        return cw, ch, [(0.0, x0, y0)]
    duration = max(info.get("duration") or 0.0, step)
    times = np.arange(0.0, duration + step, step)
    xs, ys = np.full(len(times), np.nan), np.full(len(times), np.nan)
    for t, boxes in subjects:
        if boxes:
            x, y, _, _ = crop_for_aspect(w, h, aspect, boxes)
            i = min(len(times) - 1, int(round(t / step)))
            xs[i], ys[i] = x, y
    xs, ys = _fill(xs, x0), _fill(ys, y0)
    sigma = max(1.0, smooth_s / step / 2)
    xs, ys = _smooth(xs, sigma), _smooth(ys, sigma)
    path = [(float(t), int(round(min(max(x, 0), w - cw))), int(round(min(max(y, 0), h - ch))))
            for t, x, y in zip(times, xs, ys, strict=True)]
    return cw, ch, path


def _fill(values: np.ndarray, default: float) -> np.ndarray:
    known = ~np.isnan(values)
    if not known.any():
        return np.full_like(values, default)
    idx = np.arange(len(values))
    return np.interp(idx, idx[known], values[known])


def _smooth(values: np.ndarray, sigma: float) -> np.ndarray:
    radius = int(3 * sigma)
    kernel = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    kernel /= kernel.sum()
    padded = np.pad(values, radius, mode="edge")
    return np.convolve(padded, kernel, mode="valid")


def video_filters(info: dict[str, Any], video: dict[str, Any], fit: str,
                  subjects: SubjectTrack | None, cmd_file: Path) -> str:
    """The -vf chain: reframe (moving crop or blurred letterbox), scale, fps."""
    tw, th = video["width"], video["height"]
    fps_lo, fps_hi = video.get("fps_range", [0, 1000])
    src_fps = info.get("fps") or 25
    fps = f",fps={min(max(src_fps, fps_lo), fps_hi):.3f}" if not fps_lo <= src_fps <= fps_hi else ""
    if fit == "letterbox" and abs(info["width"] / info["height"] - tw / th) > 0.01:
        return (f"split[a][b];[a]scale={tw}:{th}:force_original_aspect_ratio=increase,"
                f"crop={tw}:{th},boxblur=40:2,eq=brightness=-0.15[bg];"
                f"[b]scale={tw}:{th}:force_original_aspect_ratio=decrease[fg];"
                f"[bg][fg]overlay=(W-w)/2:(H-h)/2,setsar=1,format=yuv420p{fps}")
    cw, ch, path = crop_path(info, tw / th, subjects)
    x, y = path[0][1], path[0][2]
    crop = f"crop={cw}:{ch}:{x}:{y}"
    if len(path) > 1:
        cmd_file.write_text("".join(f"{t:.3f} crop x {px}, crop y {py};\n"
                                    for t, px, py in path[1:]), encoding="utf-8")
        crop = f"sendcmd=f='{_escape(cmd_file)}',{crop}"
    return (f"{crop},scale={tw}:{th}:flags=lanczos,setsar=1,format=yuv420p{fps}")


def _escape(path: Path) -> str:
    return str(path).replace("\\", "/").replace(":", "\\:").replace("'", "\\'")


def export_video(src: Path, video: dict[str, Any], out: Path, *, fit: str = "crop",
                 subjects: SubjectTrack | None = None,
                 progress: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Encode ``src`` (already masked) for a channel into ``out``; returns facts and checks."""
    info = video_info(src)
    duration = info["duration"]
    max_duration = video.get("max_duration")
    loud = video.get("loudness")
    measured = measure_loudness(src, loud) if info["audio"] and loud else None
    audio = video.get("audio", {})
    gop = int(round((video.get("gop_seconds") or 2) * (info.get("fps") or 25)))
    with atomic_path(out) as tmp:
        cmd_file = tmp.with_suffix(".cmd")
        args = ["-y", "-v", "error", "-progress", "pipe:1", "-i", src]
        args += ["-vf", video_filters(info, video, fit, subjects, cmd_file)]
        args += ["-c:v", "libx264", "-preset", "medium", "-profile:v", video.get("profile", "high"),
                 "-level:v", str(video.get("level", "4.1")), "-pix_fmt", "yuv420p",
                 "-b:v", video["bitrate"], "-maxrate", video.get("maxrate", video["bitrate"]),
                 "-bufsize", video.get("bufsize", video["bitrate"]), "-g", str(gop),
                 "-threads", "2"]
        if info["audio"]:
            args += ["-c:a", "aac", "-ar", str(audio.get("rate", 48000)),
                     "-b:a", audio.get("bitrate", "192k"), "-ac", str(audio.get("channels", 2))]
            if measured:
                args += ["-af", loudnorm_spec(loud, measured) + ",aresample=48000"]
        if max_duration and duration > max_duration:
            args += ["-t", f"{max_duration:.3f}"]
        args += [*NO_METADATA, "-movflags", "+faststart", "-f", "mp4", tmp]
        try:
            _run_with_progress(args, src, duration, progress, cancelled)
        finally:
            cmd_file.unlink(missing_ok=True)
    return _facts(out, video, measured is not None)


def _run_with_progress(args: list, src: Path, duration: float,
                       progress: Callable[[float], None] | None,
                       cancelled: Callable[[], bool] | None) -> None:
    try:
        run_ffmpeg_progress(args, duration=duration, progress=progress, cancelled=cancelled,
                            what="export")
    except RuntimeError as exc:
        raise MediaError(src, f"échec de l'encodage : {exc}") from exc


def _facts(out: Path, video: dict[str, Any], normalised: bool) -> dict[str, Any]:
    info = video_info(out)
    size = out.stat().st_size
    checks = {
        "dimensions": (info["width"], info["height"]) == (video["width"], video["height"]),
        "size_cap": not video.get("max_bytes") or size <= video["max_bytes"],
        "duration_cap": not video.get("max_duration") or
        info["duration"] <= video["max_duration"] + 0.05,
        "min_duration": not video.get("min_duration") or
        info["duration"] >= video["min_duration"],
    }
    result = {"output": str(out), "width": info["width"], "height": info["height"],
              "duration": info["duration"], "fps": info["fps"], "bytes": size,
              "audio": info["audio"], "checks": checks}
    if normalised and video.get("loudness"):
        got = integrated_loudness(out)
        if got is not None:
            result["loudness"] = got
            checks["loudness"] = abs(got - video["loudness"]["integrated"]) <= 1
    return result
