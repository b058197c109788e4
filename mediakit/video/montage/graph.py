"""One ffmpeg filter graph for a whole timeline: resolved segments in, labelled outputs out.

Every segment is brought to the canvas (size, fps, yuv420p, 48 kHz stereo) and to an exact
number of frames (``fps`` then ``trim=end_frame``), then joined by ``concat`` (cut) or
``xfade``/``acrossfade`` (transitions); titles, logo and subtitles go on top, the music bed
is ducked under the clips' sound (``sidechaincompress``) and the mix is loudness-normalised.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediakit.video.montage import blocmarque, escape
from mediakit.video.montage.blocmarque import Ground
from mediakit.video.montage.timeline import TRANSITIONS, layout
from mediakit.video.montage.titles import Placed, VideoStyle, title_filters

RATE = 48000
AFMT = f"aresample={RATE},aformat=sample_fmts=fltp:channel_layouts=stereo"


@dataclass
class Segment:
    """A clip resolved to a file: ``video`` (rush), ``image`` (still) or ``color`` (card)."""

    kind: str
    frames: int
    path: Path | None = None
    color: str = "#000091"  # card colour
    start_s: float = 0.0  # source in-point (video)
    src_fps: float = 25.0
    audio: bool = False
    transition: str = "cut"
    transition_frames: int = 0
    fit: str = "fill"
    focus: tuple[float, float] = (0.5, 0.5)
    zoom: tuple[float, float] = (1.0, 1.0)  # (start, end) zoom of a still
    grade: dict[str, Any] = field(default_factory=dict)
    sound: dict[str, Any] = field(default_factory=dict)
    label: str = ""

    def slice(self, first: int, count: int, fps: float) -> Segment:
        """The part [first, first+count) of this segment (for previews)."""
        z0, z1 = self.zoom
        span = max(self.frames - 1, 1)
        zoom = (z0 + (z1 - z0) * first / span, z0 + (z1 - z0) * (first + count - 1) / span)
        return dataclasses.replace(self, frames=count, start_s=self.start_s + first / fps,
                                   zoom=zoom, transition="cut", transition_frames=0,
                                   sound=dict(self.sound))


@dataclass
class Overlays:
    """What goes on top of the joined clips."""

    titles: list[dict[str, Any]] = field(default_factory=list)
    logo: Path | None = None
    logo_spec: dict[str, Any] = field(default_factory=dict)
    logo_custom: bool = False  # a file of the timeline's, not the charte's bloc-marque
    grounds: list[Ground] = field(default_factory=list)  # of the whole timeline
    ass: Path | None = None
    fontsdir: Path | None = None
    music: Path | None = None
    music_spec: dict[str, Any] = field(default_factory=dict)


@dataclass
class Graph:
    """Input arguments, the filter script and its output labels."""

    inputs: list[list[str]]
    script: str
    video: str | None
    audio: str | None
    frames: int
    elements: list[Placed] = field(default_factory=list)  # what the overlays drew, where

    def input_args(self) -> list[str]:
        return [a for args in self.inputs for a in args]


@dataclass
class Canvas:
    width: int
    height: int
    fps: float

    @property
    def rate(self) -> str:
        f = self.fps
        return str(int(f)) if float(f).is_integer() else f"{f:.6f}"


def grounds(segments: list[Segment]) -> list[Ground]:
    """The timeline cut into grounds: runs of frames where one card alone fills the
    picture (its colour), and the rest (rushes, stills, transitions: None)."""
    starts, total = layout([s.frames for s in segments],
                           [s.transition_frames for s in segments])
    covering = [0] * total
    colour: list[str | None] = [None] * total
    for seg, start in zip(segments, starts, strict=True):
        for k in range(start, min(start + seg.frames, total)):
            covering[k] += 1
            colour[k] = seg.color if seg.kind == "color" else None
    out: list[Ground] = []
    for k in range(total):
        c = colour[k] if covering[k] == 1 else None
        if out and out[-1][2] == c and out[-1][1] == k:
            out[-1] = (out[-1][0], k + 1, c)
        else:
            out.append((k, k + 1, c))
    return out


class _Builder:
    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.inputs: list[list[str]] = []
        self.lines: list[str] = []
        self.n = 0

    def add_input(self, args: list[str]) -> int:
        self.inputs.append(args)
        return len(self.inputs) - 1

    def label(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def line(self, text: str) -> None:
        self.lines.append(text)


def _fit(seg: Segment, w: int, h: int, tag: str = "") -> str:
    if seg.fit == "fit":
        return (f"scale={w}:{h}:force_original_aspect_ratio=decrease,"
                f"pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black")
    if seg.fit == "blur":
        return (f"split[bg0{tag}][fg0{tag}];"
                f"[bg0{tag}]scale={w}:{h}:force_original_aspect_ratio=increase,"
                f"crop={w}:{h},boxblur=40:2,eq=brightness=-0.15[bg1{tag}];"
                f"[fg0{tag}]scale={w}:{h}:force_original_aspect_ratio=decrease[fg1{tag}];"
                f"[bg1{tag}][fg1{tag}]overlay=(W-w)/2:(H-h)/2")
    fx, fy = seg.focus
    return (f"scale={w}:{h}:force_original_aspect_ratio=increase,"
            f"crop={w}:{h}:(iw-{w})*{fx:g}:(ih-{h})*{fy:g}")


def grade_filters(grade: dict[str, Any]) -> list[str]:
    """Colour correction: exposure (stops), contrast, saturation, temperature (K), .cube LUT."""
    out = []
    if grade.get("exposure"):
        out.append(f"exposure=exposure={float(grade['exposure']):g}")
    eq = []
    for key in ("contrast", "saturation", "brightness", "gamma"):
        if key in grade and grade[key] is not None:
            eq.append(f"{key}={float(grade[key]):g}")
    if eq:
        out.append("eq=" + ":".join(eq))
    if grade.get("temperature"):
        out.append(f"colortemperature=temperature={float(grade['temperature']):g}")
    if grade.get("lut"):
        out.append(f"lut3d=file={escape.value(Path(grade['lut']))}")
    return out


def _seek(seg: Segment) -> float:
    """Input seek point: half a frame before the in-point (the in-point frame is kept)."""
    return max(0.0, seg.start_s - 0.5 / seg.src_fps) if seg.start_s > 0 else 0.0


def _seek_args(seg: Segment, duration: float, drop: str) -> list[str]:
    seek = _seek(seg)
    args = ["-ss", escape.seconds(seek)] if seek > 0 else []
    return [*args, "-t", escape.seconds(duration), drop, "-i", str(seg.path)]


def _video_segment(b: _Builder, seg: Segment, out: str) -> None:
    c, n = b.c, seg.frames
    w, h = c.width, c.height
    tail = ",".join([*grade_filters(seg.grade), "format=yuv420p", "setsar=1",
                     f"settb=1/{c.rate}", "setpts=N"])
    if seg.kind == "video":
        k = b.add_input(_seek_args(seg, n / c.fps + 4 / seg.src_fps, "-an"))
        b.line(f"[{k}:v]setpts=PTS-STARTPTS,fps={c.rate},tpad=stop_mode=clone:stop=4,"
               f"trim=end_frame={n},{_fit(seg, w, h, out)},{tail}[{out}]")
    elif seg.kind == "image":
        k = b.add_input(["-i", str(seg.path)])
        z0, z1 = seg.zoom
        if max(z0, z1) > 1.0:
            step = (z1 - z0) / max(n - 1, 1)
            b.line(f"[{k}:v]{_fit(seg, 2 * w, 2 * h, out)},setsar=1,"
                   f"zoompan=z='{z0:.6f}+{step:.8f}*on':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'"
                   f":d={n}:s={w}x{h}:fps={c.rate},{tail}[{out}]")
        else:
            b.line(f"[{k}:v]{_fit(seg, w, h, out)},loop=loop={n - 1}:size=1:start=0,{tail}[{out}]")
    else:
        b.line(f"color=c={escape.colour(seg.color)}:s={w}x{h}:r={c.rate},"
               f"trim=end_frame={n},{tail}[{out}]")


def _audio_segment(b: _Builder, seg: Segment, out: str) -> None:
    dur = escape.seconds(seg.frames / b.c.fps)
    s = seg.sound
    if seg.kind == "video" and seg.audio and not s.get("mute"):
        chain = [AFMT, f"atrim=start={escape.seconds(s.get('_pre', 0.0))}:duration={dur}",
                 "asetpts=PTS-STARTPTS", f"apad=whole_dur={dur}", f"atrim=duration={dur}"]
        src = f"[{s['_input']}:a]"
    else:
        chain = [f"atrim=duration={dur}"]
        src = f"anullsrc=r={RATE}:cl=stereo,"
    if s.get("volume") is not None and float(s["volume"]) != 1.0:
        chain.append(f"volume={float(s['volume']):g}")
    if s.get("fade_in"):
        chain.append(f"afade=t=in:st=0:d={float(s['fade_in']):g}")
    if s.get("fade_out"):
        start = max(0.0, seg.frames / b.c.fps - float(s["fade_out"]))
        chain.append(f"afade=t=out:st={escape.seconds(start)}:d={float(s['fade_out']):g}")
    b.line(f"{src}{','.join(chain)},asetpts=N/SR/TB[{out}]")


def build_graph(segments: list[Segment], canvas: Canvas, overlays: Overlays,
                style: VideoStyle, workdir: Path, *, video: bool = True, audio: bool = True,
                loudnorm: str | None = None, pts_offset: int = 0) -> Graph:
    """The whole filter graph; ``pts_offset`` (frames) shifts overlay timing (previews)."""
    b = _Builder(canvas)
    fps = canvas.fps
    vacc = aacc = None
    length = 0
    for i, seg in enumerate(segments):
        v, a = f"v{i}", f"a{i}"
        if video:
            _video_segment(b, seg, v)
        if audio:
            if seg.kind == "video" and seg.audio and not seg.sound.get("mute"):
                # a separate input for the sound: the mix's look-ahead (acrossfade, loudnorm)
                # then never makes ffmpeg queue decoded pictures of the same file
                seg.sound["_input"] = b.add_input(_seek_args(seg, seg.frames / fps + 0.2, "-vn"))
                seg.sound["_pre"] = seg.start_s - _seek(seg)
            _audio_segment(b, seg, a)
        if i == 0:
            vacc, aacc, length = v, a, seg.frames
            continue
        d = seg.transition_frames if seg.transition != "cut" else 0
        nv, na = b.label("vj"), b.label("aj")
        if video:
            if d:
                b.line(f"[{vacc}][{v}]xfade=transition={TRANSITIONS[seg.transition]}:"
                       f"duration={escape.seconds(d / fps)}:"
                       f"offset={escape.seconds((length - d) / fps)}[{nv}]")
            else:
                b.line(f"[{vacc}][{v}]concat=n=2:v=1:a=0[{nv}]")
            vacc = nv
        if audio:
            if d:
                b.line(f"[{aacc}][{a}]acrossfade=d={escape.seconds(d / fps)}:c1=tri:c2=tri"
                       f"[{na}]")
            else:
                b.line(f"[{aacc}][{a}]concat=n=2:v=0:a=1[{na}]")
            aacc = na
        length += seg.frames - d
    vout, elements = (_video_overlays(b, vacc, overlays, style, workdir, pts_offset)
                      if video else (None, []))
    aout = _audio_mix(b, aacc, overlays, length, loudnorm) if audio else None
    return Graph(b.inputs, ";\n".join(b.lines) + "\n", vout, aout, length, elements)


def _video_overlays(b: _Builder, vin: str | None, ov: Overlays, style: VideoStyle,
                    workdir: Path, pts_offset: int) -> tuple[str, list[Placed]]:
    c = b.c
    chain = [f"setpts=PTS+{pts_offset}"] if pts_offset else []
    elements: list[Placed] = []
    for i, title in enumerate(ov.titles):
        ground = blocmarque.ground_under(ov.grounds, float(title["start"]), float(title["end"]),
                                         c.fps)
        filters, element = title_filters(title, style, c.width, c.height, workdir, i, ground)
        chain += filters
        elements.append(element)
    cur = b.label("vt")
    b.line(f"[{vin}]{','.join(chain) or 'null'}[{cur}]")
    if ov.logo:
        cur = _logo(b, cur, ov, style, elements)
    out = b.label("vout")
    subs = ""
    if ov.ass:
        subs = f"ass=filename={escape.value(ov.ass)}"
        if ov.fontsdir:
            subs += f":fontsdir={escape.value(ov.fontsdir)}"
        subs += ","
    b.line(f"[{cur}]{subs}format=yuv420p[{out}]")
    return out, elements


def _enable(spans: list[tuple[float, float]]) -> str:
    terms = [f"gte(t,{escape.seconds(a)})*lt(t,{escape.seconds(b)})" for a, b in spans]
    return f"enable='{'+'.join(terms)}'"


def _logo(b: _Builder, cur: str, ov: Overlays, style: VideoStyle,
          elements: list[Placed]) -> str:
    """The bloc-marque, version by version over its grounds, each with its cartouche."""
    c, spec = b.c, ov.logo_spec
    whole = ov.grounds or [(0, 1 << 30, None)]
    draws = blocmarque.logo_draws(spec, style, ov.logo if ov.logo_custom else None, whole,
                                  c.fps)
    opacity = float(spec.get("opacity", 1.0))
    margin = style.margin(c.width, c.height)
    for draw in draws:
        box = blocmarque.geometry(draw.version.path, spec, style, c.width, c.height)
        x, y, lw, lh = box
        if draw.cartouche is not None:
            bx, by, bw, bh = blocmarque.cartouche_box(box, draw.cartouche, c.width, c.height,
                                                      margin)
            alpha = None if draw.cartouche.opacity >= 1 else draw.cartouche.opacity
            nxt = b.label("vc")
            b.line(f"[{cur}]drawbox=x={bx}:y={by}:w={bw}:h={bh}:"
                   f"color={escape.colour(draw.cartouche.colour, alpha)}:t=fill:"
                   f"{_enable(draw.spans)}[{nxt}]")
            cur = nxt
        k = b.add_input(["-i", str(draw.version.path)])
        lg, nxt = b.label("logo"), b.label("vl")
        b.line(f"[{k}:v]format=rgba,scale={lw}:{lh},colorchannelmixer=aa={opacity:g}[{lg}]")
        b.line(f"[{cur}][{lg}]overlay=x={x}:y={y}:format=auto:{_enable(draw.spans)}[{nxt}]")
        cur = nxt
        if draw.version.ink is not None:
            elements += blocmarque.placed(draw, box, style, c.width, c.height)
    return cur


def _audio_mix(b: _Builder, ain: str | None, ov: Overlays, frames: int,
               loudnorm: str | None) -> str:
    dur = escape.seconds(frames / b.c.fps)
    cur = ain
    if ov.music:
        spec = ov.music_spec
        k = b.add_input(["-stream_loop", "-1", "-i", str(ov.music)])
        chain = [AFMT, f"atrim=duration={dur}", "asetpts=PTS-STARTPTS",
                 f"volume={float(spec.get('volume', 0.3)):g}"]
        if spec.get("fade_in"):
            chain.append(f"afade=t=in:st=0:d={float(spec['fade_in']):g}")
        if spec.get("fade_out"):
            st = max(0.0, frames / b.c.fps - float(spec["fade_out"]))
            chain.append(f"afade=t=out:st={escape.seconds(st)}:d={float(spec['fade_out']):g}")
        mus = b.label("mus")
        b.line(f"[{k}:a]{','.join(chain)}[{mus}]")
        mixed = b.label("amix")
        if spec.get("duck", True):
            sp, sc, dk = b.label("sp"), b.label("sc"), b.label("duck")
            ratio = float(spec.get("duck_ratio", 8))
            b.line(f"[{cur}]asplit=2[{sp}][{sc}]")
            b.line(f"[{mus}][{sc}]sidechaincompress=threshold=0.02:ratio={ratio:g}:"
                   f"attack=20:release=400[{dk}]")
            b.line(f"[{sp}][{dk}]amix=inputs=2:duration=first:normalize=0[{mixed}]")
        else:
            b.line(f"[{cur}][{mus}]amix=inputs=2:duration=first:normalize=0[{mixed}]")
        cur = mixed
    out = b.label("aout")
    tail = f"{loudnorm},aresample={RATE}" if loudnorm else "anull"
    b.line(f"[{cur}]{tail},atrim=duration={dur}[{out}]")
    return out
