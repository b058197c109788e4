"""Render a timeline: resolve its sources (masked renderings, masked stills), measure the
mix's loudness on an audio-only graph, then run ONE ffmpeg filter graph into the channel's
encoding, written atomically and without metadata."""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.atomic import atomic_path, file_sha256, write_text_atomic
from mediakit.channels.presets import get_preset
from mediakit.channels.video_export import NO_METADATA
from mediakit.errors import MediakitError, display_path
from mediakit.library.project import Operation
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line, run_ffmpeg_progress
from mediakit.media.kinds import PHOTO, VIDEO
from mediakit.media.loudness import integrated_loudness, loudnorm_spec, parse_loudnorm
from mediakit.media.probe import video_info
from mediakit.video.montage.graph import Canvas, Graph, Overlays, Segment, build_graph, grounds
from mediakit.video.montage.subtitles import cues_to_ass, write_srt
from mediakit.video.montage.timeline import (
    MontageError,
    check_layout,
    clip_frames,
    clip_label,
    normalise,
)
from mediakit.video.montage.titles import VideoStyle, video_style

Source = Callable[[Operation, str], Path]
Progress = Callable[[float], None]


def clip_source(op: Operation, sha: str) -> Path:
    """The anonymised rendering of a rush; MontageError when there is none (never the original)."""
    item = op.items[sha]
    if item.get("kind") != VIDEO:
        raise MontageError(f"{item.get('name', sha[:12])}: n'est pas une vidéo")
    try:
        from mediakit.video.operation import masked_rendering  # type: ignore[import-not-found]
    except ImportError as exc:
        raise MontageError(f"{item['name']}: rush non anonymisé (rendu masqué indisponible), "
                           f"montage refusé") from exc
    try:
        path = Path(masked_rendering(op, sha))
    except MediakitError as exc:
        raise MontageError(f"{item['name']}: rush non anonymisé, montage refusé ({exc})") from exc
    if not path.is_file():
        raise MontageError(f"{item['name']}: rendu masqué introuvable ({display_path(path)})")
    return path


@cache
def _info(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    return video_info(path)


def source_info(path: Path) -> dict[str, Any]:
    st = path.stat()
    return _info(str(path), st.st_mtime_ns, st.st_size)


def masked_still(op: Operation, sha: str) -> Path:
    """A photo with its accepted masks applied (PNG cached under the operation)."""
    from mediakit.media.images import load_oriented_rgb
    from mediakit.privacy.masking import MaskStyle, apply_masks
    from mediakit.privacy.review import accepted_regions

    item = op.items[sha]
    if item.get("kind") != PHOTO:
        raise MontageError(f"{item.get('name', sha[:12])}: n'est pas une photo")
    if "masks" not in item:
        raise MontageError(f"{item['name']}: photo non anonymisée (aucune détection de masques, "
                           f"lancez la détection puis relisez ses masques), montage refusé")
    regions = accepted_regions(item["masks"])
    key = hashlib.sha256(json.dumps([sha, regions]).encode()).hexdigest()[:16]
    out = op.root / "cache" / "montage" / f"still-{key}.png"
    if not out.is_file():
        _, img = load_oriented_rgb(op.original_path(sha))
        frame = np.array(img.convert("RGB"))
        apply_masks(frame, regions, MaskStyle())
        with atomic_path(out) as tmp:
            Image.fromarray(frame).save(tmp, format="PNG")
    return out


def _file(tl: dict[str, Any], op: Operation | None, rel: str, what: str) -> Path:
    path = Path(rel).expanduser()
    if not path.is_absolute():
        base = Path(tl["_base"]) if tl.get("_base") else (op.root if op else Path.cwd())
        path = base / path
    if not path.is_file():
        raise MontageError(f"{what} : fichier introuvable ({display_path(path)})")
    return path


@dataclass
class Resolved:
    segments: list[Segment]
    overlays: Overlays
    canvas: Canvas
    style: VideoStyle
    timeline: dict[str, Any]


def resolve(op: Operation | None, timeline: dict[str, Any], *, source: Source = clip_source,
            canvas: Canvas | None = None) -> Resolved:
    """Sources, frame counts and overlays of a timeline (validated)."""
    tl = normalise(timeline)
    tl["_base"] = timeline.get("_base")
    style = video_style(str(tl.get("charte", "etat")))
    canvas = canvas or Canvas(tl["width"], tl["height"], tl["fps"])
    fps = canvas.fps
    segments, frames = [], []
    for i, clip in enumerate(tl["clips"]):
        where = clip_label(i, clip)
        seg = _segment(op, tl, clip, where, source, style)
        if clip["type"] == "video":
            info = source_info(seg.path)  # type: ignore[arg-type]
            seg.src_fps = info.get("fps") or fps
            seg.audio = bool(info.get("audio"))
            out = clip.get("out")
            if out is not None and out > info["duration"] + 0.5 / seg.src_fps:
                raise MontageError(f"{where} : sortie {out:g} s au-delà de la fin du rush "
                                   f"({info['duration']:g} s)")
            seg.start_s = round(clip["in"] * fps) / fps
            seg.frames = clip_frames(clip, fps, info["duration"])
        else:
            seg.frames = clip_frames(clip, fps)
        frames.append(seg.frames)
        segments.append(seg)
    tl_for_layout = {**tl, "fps": fps}
    for seg, d in zip(segments, check_layout(tl_for_layout, frames), strict=True):
        seg.transition_frames = d
    overlays = _overlays(op, tl, style)
    overlays.grounds = grounds(segments)
    return Resolved(segments, overlays, canvas, style, tl)


def _segment(op: Operation | None, tl: dict[str, Any], clip: dict[str, Any], where: str,
             source: Source, style: VideoStyle) -> Segment:
    common = {"frames": 0, "transition": clip["transition"]["type"], "fit": clip["fit"],
              "focus": tuple(clip.get("focus", (0.5, 0.5))), "label": where,
              "grade": dict(clip.get("color") or {}) if clip["type"] != "card" else {},
              "sound": dict(clip.get("audio") or {})}
    if clip["type"] == "card":
        return Segment("color", color=style.colour(str(clip.get("color") or "primary")),
                       **common)
    zoom = (1.0, float(clip.get("zoom", 1.0)))
    if clip.get("file"):
        return Segment("image", path=_file(tl, op, clip["file"], where), zoom=zoom, **common)
    if op is None:
        raise MontageError(f"{where} : élément de projet sans opération ouverte")
    try:
        sha = op.resolve(str(clip["item"]))
    except MediakitError as exc:
        raise MontageError(f"{where} : {exc}") from exc
    if clip["type"] == "still":
        return Segment("image", path=masked_still(op, sha), zoom=zoom, **common)
    return Segment("video", path=source(op, sha), **common)


def _overlays(op: Operation | None, tl: dict[str, Any], style: VideoStyle) -> Overlays:
    ov = Overlays(titles=list(tl["titles"]))
    if tl.get("logo"):
        spec = tl["logo"]
        ov.logo = (_file(tl, op, spec["file"], "logo") if spec.get("file") else style.logo)
        if ov.logo is None:
            raise MontageError(f"logo : aucun bloc-marque dans la charte « {style.name} »")
        ov.logo_spec = dict(spec)
        ov.logo_custom = bool(spec.get("file"))
        if not spec.get("file"):
            ov.logo_spec.setdefault("position", "top-left")
    if tl.get("music"):
        ov.music = _file(tl, op, tl["music"]["file"], "musique")
        ov.music_spec = dict(tl["music"])
    return ov


def subtitle_cues(tl: dict[str, Any], op: Operation | None) -> list[dict[str, Any]]:
    """Cues of the timeline: inline ``cues`` plus those of its ``file`` (SRT)."""
    from mediakit.video.montage.subtitles import read_srt

    subs = tl.get("subtitles") or {}
    cues = list(subs.get("cues") or [])
    if subs.get("file"):
        try:
            cues += read_srt(_file(tl, op, subs["file"], "sous-titres"))
        except ValueError as exc:
            raise MontageError(str(exc)) from exc
    return sorted(cues, key=lambda c: c["start"])


def prepare_subtitles(res: Resolved, op: Operation | None, workdir: Path) -> None:
    cues = subtitle_cues(res.timeline, op)
    if cues and res.timeline["subtitles"].get("burn", True):
        ass = workdir / "subtitles.ass"
        ass.write_text(cues_to_ass(cues, res.style, res.canvas.width, res.canvas.height),
                       encoding="utf-8")
        res.overlays.ass, res.overlays.fontsdir = ass, res.style.font_regular.parent


def measure_mix(res: Resolved, loud: dict[str, float], workdir: Path) -> dict[str, str] | None:
    """Loudness of the timeline's mix (audio-only graph); None when it is silent."""
    if not any(s.audio and not s.sound.get("mute") for s in res.segments) and \
            not res.overlays.music:
        return None
    graph = build_graph(res.segments, res.canvas, res.overlays, res.style, workdir,
                        video=False, loudnorm=loudnorm_spec(loud))
    script = workdir / "measure.txt"
    script.write_text(graph.script, encoding="utf-8")
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", *graph.input_args(),
           "-/filter_complex", str(script), "-map", f"[{graph.audio}]", "-f", "null", "-"]
    proc = subprocess.run(cmd, capture_output=True, timeout=3600, check=False)
    if proc.returncode != 0:
        raise MontageError(f"mesure du volume sonore impossible : {last_error_line(proc.stderr)}")
    measured = parse_loudnorm(proc.stderr)
    if measured is None:
        return None
    try:
        if not math.isfinite(float(measured["input_i"])) or float(measured["input_i"]) < -70:
            return None
    except (KeyError, ValueError):
        return None
    return measured


def channel_canvas(tl: dict[str, Any], video: dict[str, Any] | None) -> Canvas:
    if not video:
        return Canvas(tl["width"], tl["height"], tl["fps"])
    lo, hi = video.get("fps_range", [0, 1000])
    fps = tl["fps"] if lo <= tl["fps"] <= hi else min(max(tl["fps"], lo), hi)
    return Canvas(int(video["width"]), int(video["height"]), fps)


def encode_args(video: dict[str, Any] | None, canvas: Canvas, speed: str) -> list[str]:
    """H.264 yuv420p + AAC with the channel's caps, no metadata, faststart."""
    v = video or {"bitrate": "8M", "audio": {}}
    gop = max(1, int(round((v.get("gop_seconds") or 2) * canvas.fps)))
    audio = v.get("audio") or {}
    return ["-c:v", "libx264", "-preset", speed, "-profile:v", v.get("profile", "high"),
            "-level:v", str(v.get("level", "4.1")), "-pix_fmt", "yuv420p",
            "-b:v", v["bitrate"], "-maxrate", v.get("maxrate", v["bitrate"]),
            "-bufsize", v.get("bufsize", v["bitrate"]), "-g", str(gop),
            "-fps_mode", "cfr", "-r", canvas.rate,
            "-c:a", "aac", "-ar", str(audio.get("rate", 48000)),
            "-b:a", audio.get("bitrate", "192k"), "-ac", str(audio.get("channels", 2)),
            *NO_METADATA, "-movflags", "+faststart", "-f", "mp4"]


@dataclass
class Plan:
    """Everything needed to run the render: ffmpeg arguments (output last) and facts."""

    graph: Graph
    script: Path
    args: list[str]
    canvas: Canvas
    measured: dict[str, str] | None
    loudness: dict[str, float] | None
    style: VideoStyle


def plan_render(op: Operation | None, timeline: dict[str, Any], workdir: Path, *,
                channel: str | dict[str, Any] | None = "youtube",
                source: Source = clip_source, speed: str = "medium") -> Plan:
    """Resolve, measure loudness and write the filter script; the output path is added last.

    ``channel`` is a preset name, a preset's ``video`` section, or None (timeline size)."""
    video = get_preset(channel)["video"] if isinstance(channel, str) else channel
    canvas = channel_canvas(normalise(timeline), video)
    res = resolve(op, timeline, source=source, canvas=canvas)
    total = _total(res)
    if video and video.get("max_duration") and total / canvas.fps > video["max_duration"]:
        raise MontageError(f"timeline de {total / canvas.fps:.1f} s : au-delà du maximum du "
                           f"canal {channel} ({video['max_duration']} s)")
    prepare_subtitles(res, op, workdir)
    loud = (video or {}).get("loudness")
    measured = measure_mix(res, loud, workdir) if loud else None
    graph = build_graph(res.segments, canvas, res.overlays, res.style, workdir,
                        loudnorm=loudnorm_spec(loud, measured) if measured and loud else None)
    script = workdir / "graph.txt"
    script.write_text(graph.script, encoding="utf-8")
    args = ["-y", "-v", "error", *graph.input_args(), "-/filter_complex", str(script),
            "-map", f"[{graph.video}]", "-map", f"[{graph.audio}]",
            *encode_args(video, canvas, speed)]
    return Plan(graph, script, args, canvas, measured, loud, res.style)


def _total(res: Resolved) -> int:
    total = 0
    for i, seg in enumerate(res.segments):
        total += seg.frames - (seg.transition_frames if i else 0)
    return total


def render_timeline(op: Operation | None, timeline: dict[str, Any], out: str | Path, *,
                    channel: str | dict[str, Any] | None = "youtube",
                    source: Source = clip_source, speed: str = "medium", srt_out: str | Path | None = None,
                    progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    verify: bool = True, force: bool = False,
                    reason: str | None = None) -> dict[str, Any]:
    """Render ``timeline`` into ``out`` (MP4, atomically); returns facts and checks.

    Every project item the timeline uses must have passed the review gate (else
    :class:`~mediakit.privacy.review_gate.UnreviewedError` names them), unless ``force``
    with a written ``reason`` logs an override; the render is then flagged ``overridden``."""
    out = Path(out)
    overridden: list[str] = []
    if op is not None:
        from mediakit.privacy.review_gate import require_reviewed

        overridden = require_reviewed(op, timeline_items(timeline, op), "rendu de montage",
                                      force=force, reason=reason)
    with tempfile.TemporaryDirectory(prefix="mediakit-montage-") as tmpdir:
        workdir = Path(tmpdir)
        plan = plan_render(op, timeline, workdir, channel=channel, source=source, speed=speed)
        duration = plan.graph.frames / plan.canvas.fps
        with atomic_path(out) as tmp:
            run_with_progress([*plan.args, "-progress", "pipe:1", "-nostats", str(tmp)],
                              out, duration, progress, cancelled)
    result: dict[str, Any] = {"output": str(out), "frames": plan.graph.frames,
                              "duration": round(duration, 3), "width": plan.canvas.width,
                              "height": plan.canvas.height, "fps": plan.canvas.fps,
                              "loudness_target": (plan.loudness or {}).get("integrated"),
                              "sources": timeline_items(timeline, op), "overridden": overridden}
    cues = subtitle_cues(normalise(timeline) | {"_base": timeline.get("_base")}, op)
    if srt_out or (cues and not normalise(timeline)["subtitles"].get("burn", True)):
        sidecar = Path(srt_out) if srt_out else out.with_suffix(".srt")
        write_text_atomic(sidecar, write_srt(cues))
        result["srt"] = str(sidecar)
    if verify:
        result.update(_verify(out, plan))
    if op is not None:
        from mediakit.library import audit

        audit.record(op.root, "montage_render", output=out.name, sources=result["sources"],
                     overridden=overridden, duration=result["duration"],
                     sha256=file_sha256(out))
    return result


def check_rendered(op: Operation | None, timeline: dict[str, Any], video: str | Path, *,
                   channel: str | dict[str, Any] | None = "youtube",
                   source: Source = clip_source) -> dict[str, Any]:
    """The charte's legibility check of a montage already rendered from ``timeline`` on
    ``channel`` (nothing is rendered again)."""
    from mediakit.video.montage.check import check_video

    video = Path(video)
    if not video.is_file():
        raise MontageError(f"{display_path(video)}: vidéo introuvable")
    spec = get_preset(channel)["video"] if isinstance(channel, str) else channel
    canvas = channel_canvas(normalise(timeline), spec)
    res = resolve(op, timeline, source=source, canvas=canvas)
    with tempfile.TemporaryDirectory(prefix="mediakit-montage-check-") as tmpdir:
        graph = build_graph(res.segments, canvas, res.overlays, res.style, Path(tmpdir),
                            audio=False)
    info = video_info(video)
    if (info["width"], info["height"]) != (canvas.width, canvas.height):
        raise MontageError(f"{display_path(video)}: {info['width']}×{info['height']}, pas le "
                           f"format du canal ({canvas.width}×{canvas.height})")
    return check_video(video, graph.elements, canvas.width, canvas.height, canvas.fps,
                       graph.frames, res.style.min_contrast)


def timeline_items(timeline: dict[str, Any], op: Operation | None = None) -> list[str]:
    """The project items a timeline's clips use, in order, once each (resolved to their
    shas when ``op`` is given and knows them)."""
    refs = [c["item"] for c in timeline.get("clips", []) if isinstance(c, dict) and c.get("item")]
    if op is not None:
        refs = [op.resolve(r) if _known(op, r) else r for r in refs]
    return list(dict.fromkeys(refs))


def _known(op: Operation, ref: str) -> bool:
    try:
        op.resolve(ref)
    except MediakitError:
        return False
    return True


def _verify(out: Path, plan: Plan) -> dict[str, Any]:
    info = video_info(out)
    facts: dict[str, Any] = {"checks": {
        "dimensions": (info["width"], info["height"]) == (plan.canvas.width,
                                                         plan.canvas.height),
        "frames": abs(int(info["frames"]) - plan.graph.frames) <= 1}}
    if plan.measured and plan.loudness:
        got = integrated_loudness(out)
        if got is not None:
            facts["loudness"] = got
            facts["checks"]["loudness"] = abs(got - plan.loudness["integrated"]) <= 1
    facts["charte"] = charte_check(out, plan)
    facts["checks"]["charte"] = facts["charte"]["ok"]
    return facts


def charte_check(video: Path, plan: Plan) -> dict[str, Any]:
    """The charte's legibility check of a rendered montage (see ``check.py``)."""
    from mediakit.video.montage.check import check_video

    c = plan.canvas
    return check_video(video, plan.graph.elements, c.width, c.height, c.fps,
                       plan.graph.frames, plan.style.min_contrast)


def run_with_progress(args: list[str], out: Path, duration: float,
                      progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    """Run ffmpeg, reporting progress (0–1) and honouring cancellation."""
    try:
        run_ffmpeg_progress(args, duration=duration, progress=progress, cancelled=cancelled,
                            what="montage")
    except RuntimeError as exc:
        raise MontageError(f"{display_path(out)}: échec du rendu : {exc}") from exc
