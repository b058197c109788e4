"""Video export for a channel: one ffmpeg process per job (reframe, fps, two-pass loudnorm,
H.264 with the preset's caps), metadata-free, written through a temporary file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mediakit.atomic import atomic_path
from mediakit.channels.reframe import crop_for_aspect
from mediakit.channels.video_reframe import CropPath, sendcmd_text
from mediakit.errors import MediaError
from mediakit.media.ffmpeg import run_ffmpeg_progress
from mediakit.media.loudness import integrated_loudness, loudnorm_spec, measure_loudness
from mediakit.media.probe import video_info

NO_METADATA = ["-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact",
               "-flags:v", "+bitexact", "-flags:a", "+bitexact",
               "-metadata:s:v", "encoder=", "-metadata:s:a", "encoder="]


def video_filters(info: dict[str, Any], video: dict[str, Any], fit: str,
                  path: CropPath | None, cmd_file: Path) -> str:
    """The -vf chain: reframe (the crop ``path``, the centred crop without one, or a
    blurred letterbox), scale, fps. A moving crop is driven by ``sendcmd`` lines written to
    ``cmd_file`` (one per frame where the corner changes): no per-frame work in Python."""
    tw, th = video["width"], video["height"]
    fps_lo, fps_hi = video.get("fps_range", [0, 1000])
    src_fps = info.get("fps") or 25
    fps = f",fps={min(max(src_fps, fps_lo), fps_hi):.3f}" if not fps_lo <= src_fps <= fps_hi else ""
    if fit == "letterbox" and abs(info["width"] / info["height"] - tw / th) > 0.01:
        return (f"split[a][b];[a]scale={tw}:{th}:force_original_aspect_ratio=increase,"
                f"crop={tw}:{th},boxblur=40:2,eq=brightness=-0.15[bg];"
                f"[b]scale={tw}:{th}:force_original_aspect_ratio=decrease[fg];"
                f"[bg][fg]overlay=(W-w)/2:(H-h)/2,setsar=1,format=yuv420p{fps}")
    if path is None or (path.width, path.height) == (info["width"], info["height"]):
        x, y, cw, ch = crop_for_aspect(info["width"], info["height"], tw / th)
        crop = f"crop={cw}:{ch}:{x}:{y}"
    else:
        x, y = path.corner(0)
        crop = f"crop={path.width}:{path.height}:{x}:{y}"
        commands = sendcmd_text(path)
        if commands:
            cmd_file.write_text(commands, encoding="utf-8")
            crop = f"sendcmd=f='{_escape(cmd_file)}',{crop}"
    return (f"{crop},scale={tw}:{th}:flags=lanczos,setsar=1,format=yuv420p{fps}")


def _escape(path: Path) -> str:
    return str(path).replace("\\", "/").replace(":", "\\:").replace("'", "\\'")


def export_video(src: Path, video: dict[str, Any], out: Path, *, fit: str = "crop",
                 path: CropPath | None = None, speed: str = "medium",
                 progress: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Encode ``src`` (already masked) for a channel into ``out``; returns facts and checks.

    ``path`` is the crop path that follows the subjects (:func:`video_reframe.plan_path`);
    without it the crop is centred. ``speed`` is the x264 preset."""
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
        args += ["-vf", video_filters(info, video, fit, path, cmd_file)]
        args += ["-c:v", "libx264", "-preset", speed, "-profile:v", video.get("profile", "high"),
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
