"""Single-frame preview at any time: a graph of only the clip(s) active at ``t``.

The active clip is sliced to the one frame wanted (two slices inside a transition, so the
mix is exact), overlays are shifted to the right time, and one RGB frame is read back.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.atomic import atomic_path
from mediakit.library.project import Operation
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line
from mediakit.video.montage.graph import Segment, build_graph
from mediakit.video.montage.render import (
    Source,
    channel_canvas,
    clip_source,
    prepare_subtitles,
    resolve,
)
from mediakit.video.montage.timeline import MontageError, layout, normalise


def active_at(segments: list[Segment], frame: int,
              fps: float) -> tuple[list[Segment], int, int]:
    """Segments sliced around timeline ``frame``: (mini-timeline, its first timeline frame,
    index of ``frame`` in it)."""
    starts, total = layout([s.frames for s in segments],
                           [s.transition_frames for s in segments])
    frame = min(max(frame, 0), total - 1)
    active = [i for i, (s, st) in enumerate(zip(segments, starts, strict=True))
              if st <= frame < st + s.frames]
    if len(active) == 1:
        i = active[0]
        seg = segments[i]
        return [seg.slice(frame - starts[i], 1, fps)], frame, 0
    a, b = active[0], active[-1]
    d = segments[b].transition_frames
    first = starts[b]
    sa = segments[a].slice(first - starts[a], d, fps)
    sb = segments[b].slice(0, d, fps)
    sb.transition, sb.transition_frames = segments[b].transition, d
    return [sa, sb], first, frame - first


def preview_frame(op: Operation | None, timeline: dict[str, Any], t: float,
                  out: str | Path | None = None, *, source: Source = clip_source,
                  channel: dict[str, Any] | None = None) -> np.ndarray:
    """The RGB frame (H×W×3 uint8) shown at time ``t`` s; also written as PNG to ``out``."""
    tl = normalise(timeline)
    canvas = channel_canvas(tl, channel)
    res = resolve(op, timeline, source=source, canvas=canvas)
    frame = int(round(t * canvas.fps))
    segments, first, index = active_at(res.segments, frame, canvas.fps)
    with tempfile.TemporaryDirectory(prefix="mediakit-preview-") as tmpdir:
        workdir = Path(tmpdir)
        prepare_subtitles(res, op, workdir)
        graph = build_graph(segments, canvas, res.overlays, res.style, workdir, audio=False,
                            pts_offset=first)
        script = workdir / "graph.txt"
        script.write_text(graph.script.rstrip() +
                          f";\n[{graph.video}]trim=start_frame={index},format=rgb24[pv]\n",
                          encoding="utf-8")
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", *graph.input_args(),
               "-/filter_complex", str(script), "-map", "[pv]", "-frames:v", "1",
               "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]
        proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    size = canvas.width * canvas.height * 3
    if proc.returncode != 0 or len(proc.stdout) < size:
        raise MontageError(f"aperçu à {t:.2f} s impossible : {last_error_line(proc.stderr)}")
    rgb = np.frombuffer(proc.stdout[:size], np.uint8).reshape(canvas.height, canvas.width, 3)
    if out is not None:
        with atomic_path(out, suffix=".png") as tmp:
            Image.fromarray(rgb).save(tmp, format="PNG")
    return rgb
