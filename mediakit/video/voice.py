"""Voice disguise (« voix modifiée ») for a whole rush or time ranges, with ffmpeg only.

The chain, at 48 kHz (chosen by measurement on espeak-ng speech, see the README):

1. **pitch and formant shift, independently**: ``asetrate`` moves pitch and formants
   together by the formant step, then ``rubberband`` (formant preserved, tempo restored)
   moves the pitch alone to the pitch step. Pitch −6 and formants −2 semitones for
   « grave » (+6/+2 for « aigu »): since the two steps differ, neither the usual inverse
   pitch shift (formants following the pitch) nor a formant-preserving one gives the
   envelope back.
2. **time-varying transformation**, so that no single inverse shift restores the voice:
   a moving spectral ripple (``afftfilt``: ±6 dB in the spectral envelope, its phase
   drifting with the time at random slow rates) and a quasi-random pitch warble (two
   ``vibrato`` at incommensurate rates). Both are drift-free: unlike rubberband's
   runtime pitch commands, which lose up to 2 ms a second when the ratio changes, they
   keep the picture in sync for any length.

The wet chain's latency is measured once (a click through it) and trimmed; its loudness
is matched to the original's over the disguised ranges (the channel export's loudnorm then
brings the whole file to the channel target). Outside the ranges the original sound is
kept; 20 ms ramps sit *outside* each range, so no original voice is heard inside it.

Stored on the item as ``item["voice"]``, an undoable edit written to the audit log::

    {"preset": "grave", "seed": 1234567, "ranges": [[12.5, 20.0], [31.0, null]]}

(``null``: to the end of the rush). The seed, drawn once per rush, sets the time-varying
part; renderings are reproducible (previews, cache, exports all agree).
"""

from __future__ import annotations

import functools
import math
import re
import secrets
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.errors import MediaError, ProjectError
from mediakit.library import audit
from mediakit.library.project import Operation
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line
from mediakit.media.kinds import VIDEO

RATE = 48000
PRESETS: dict[str, tuple[float, float]] = {"grave": (-6.0, -2.0), "aigu": (6.0, 2.0)}
PRESET_FR = {"grave": "plus grave", "aigu": "plus aiguë"}
DEFAULT_PRESET = "grave"
RAMP = 0.02  # s, crossfade between the original and the disguised voice (outside a range)
STEP = 0.01  # s, gain evaluation step (samples per gain value = STEP × RATE)
RIPPLE_DB = 6.0  # depth of the moving spectral ripple
RIPPLE_OCTAVES = 0.6  # its period along the frequency axis
FFT_SIZE = 2048
VIBRATO_DEPTH = 0.6
MIN_RANGE = 0.05  # s
PREVIEW_MARGIN = 0.5  # s of context before and after a previewed range
PREVIEW_MAX = 30.0  # s

VoiceRange = tuple[float, float | None]  # (start, end); end None: to the end of the rush


@dataclass(frozen=True)
class VoiceSettings:
    """A preset (pitch and formant steps) and the seed of the time-varying part."""

    preset: str = DEFAULT_PRESET
    seed: int = 1

    def __post_init__(self) -> None:
        if self.preset not in PRESETS:
            raise ValueError(f"voix modifiée : préréglage inconnu {self.preset!r} "
                             f"(choix : {', '.join(PRESETS)})")

    @property
    def pitch(self) -> float:
        return PRESETS[self.preset][0]

    @property
    def formant(self) -> float:
        return PRESETS[self.preset][1]


def new_seed() -> int:
    return secrets.randbelow(2**31 - 1) + 1


def _num(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def disguise_chain(settings: VoiceSettings, offset: float = 0.0) -> str:
    """The wet filter chain (one audio stream in, one out, at :data:`RATE`); ``offset``:
    the source time of the stream's first sample (a preview starts inside the rush)."""
    k = 2 ** (settings.formant / 12)
    rest = 2 ** ((settings.pitch - settings.formant) / 12)
    rng = np.random.default_rng(settings.seed)
    rates = rng.uniform(0.15, 0.6, 3)
    phases = rng.uniform(0, 2 * math.pi, 3)
    vibratos = rng.uniform(2.5, 5.5, 2)
    t = f"(pts/sr+{_num(offset)})"
    phi = "+".join(f"2.2*sin({_num(2 * math.pi * f)}*{t}+{_num(p)})"
                   for f, p in zip(rates, phases, strict=True))
    # gain = 10^(±RIPPLE_DB/20 · sin(2π·log2(f/150 Hz)/RIPPLE_OCTAVES + φ(t)))
    gain = (f"exp({_num(RIPPLE_DB / 20 * math.log(10))}*sin({_num(2 * math.pi / math.log(2))}"
            f"*log(max(b*sr/{FFT_SIZE},60)/150)/{_num(RIPPLE_OCTAVES)}+{phi}))")
    return ",".join([
        f"aresample={RATE}",
        f"asetrate={round(RATE * k)}", f"aresample={RATE}",
        f"rubberband=tempo={_num(1 / k)}:pitch={_num(rest)}:formant=preserved"
        f":pitchq=quality:channels=together",
        f"asettb=expr=1/{RATE}",
        f"afftfilt=real='re*{gain}':imag='im*{gain}':win_size={FFT_SIZE}:overlap=0.75",
        *(f"vibrato=f={_num(f)}:d={VIBRATO_DEPTH}" for f in vibratos),
    ])


def _run(args: Sequence[str], what: str, *, stdin: bytes | None = None,
         timeout: float = 3600) -> subprocess.CompletedProcess:
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", *args], input=stdin,
                          capture_output=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise MediaError(what, f"ffmpeg a échoué : {last_error_line(proc.stderr)}")
    return proc


@functools.lru_cache(maxsize=16)
def chain_latency(settings: VoiceSettings) -> float:
    """Seconds the wet chain delays the sound, measured on clicks sent through it."""
    n = 4 * RATE
    clicks = np.zeros(n, np.float32)
    for at in (1.0, 2.0, 3.0):
        i = int(at * RATE)
        clicks[i:i + 48] = 0.8
    out = _run(["-f", "f32le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0",
                "-af", disguise_chain(settings), "-f", "f32le", "-ac", "1", "pipe:1"],
               "voix modifiée (mesure du délai)", stdin=clicks.tobytes(), timeout=120).stdout
    wet = np.frombuffer(out, np.float32)[:n]
    kernel = np.ones(96) / 96
    a = np.convolve(np.abs(clicks), kernel, "same")
    b = np.convolve(np.abs(np.pad(wet, (0, n - len(wet)))), kernel, "same")
    max_lag = int(0.2 * RATE)
    size = 1 << int(math.ceil(math.log2(2 * n)))
    corr = np.fft.irfft(np.fft.rfft(b, size) * np.conj(np.fft.rfft(a, size)), size)
    lags = np.concatenate([corr[:max_lag], corr[-max_lag:]])
    lag = int(np.argmax(lags))
    lag = lag if lag < max_lag else lag - 2 * max_lag
    return max(0.0, lag / RATE)


def parse_range(text: str) -> VoiceRange:
    """``"12,5-20"`` → (12.5, 20.0); ``"31-"`` → (31.0, None) (to the end); ``"tout"`` →
    the whole rush. ValueError (French) otherwise."""
    raw = text.strip().lower()
    if raw in ("tout", "all"):
        return (0.0, None)
    try:
        start_text, end_text = raw.replace(",", ".").split("-", 1)
        start = float(start_text)
        end = float(end_text) if end_text.strip() else None
    except ValueError as exc:
        raise ValueError(f"plage invalide : {text!r} (attendu DÉBUT-FIN, DÉBUT- ou tout, "
                         f"en secondes)") from exc
    if start < 0 or (end is not None and end - start < MIN_RANGE):
        raise ValueError(f"plage invalide : {text!r} (la fin doit suivre le début)")
    return (start, end)


def normalise_ranges(ranges: Sequence[Sequence[float | None]],
                     duration: float | None = None) -> list[VoiceRange]:
    """Sorted, merged ranges (gaps shorter than two ramps are closed); an end at or past
    ``duration`` (within 50 ms) becomes None (to the end). ValueError (French) on an empty or inverted
    range."""
    spans: list[tuple[float, float]] = []
    for raw in ranges:
        start, end = float(raw[0] or 0.0), raw[1]
        stop = math.inf if end is None else float(end)
        if start < 0 or stop - start < MIN_RANGE:
            raise ValueError(f"plage invalide : {start:g}–{end if end is not None else 'fin'} "
                             f"(la fin doit suivre le début)")
        if duration and stop >= duration - MIN_RANGE:  # to the last frame: to the end
            stop = math.inf
        spans.append((round(start, 3), stop if stop == math.inf else round(stop, 3)))
    merged: list[list[float]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1] + 2 * RAMP + STEP:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([start, stop])
    return [(a, None if b == math.inf else b) for a, b in merged]


def subtract_range(ranges: Sequence[VoiceRange], start: float,
                   end: float | None) -> list[VoiceRange]:
    """``ranges`` without [start, end] (the original voice comes back there)."""
    stop = math.inf if end is None else end
    out: list[VoiceRange] = []
    for a, b in ranges:
        bb = math.inf if b is None else b
        if bb <= start or a >= stop:
            out.append((a, b))
            continue
        if a < start - MIN_RANGE:
            out.append((a, round(start, 3)))
        if bb > stop + MIN_RANGE:
            out.append((round(stop, 3), b))
    return out


def _weight(ranges: Sequence[VoiceRange], offset: float) -> str:
    """Per-step gain of the disguised voice (1 over every step touching a range)."""
    t = f"(t+{_num(offset)})"
    terms = []
    for a, b in ranges:
        up = f"clip(({t}-{_num(a - STEP - RAMP)})/{_num(RAMP)},0,1)"
        terms.append(up if b is None else
                     f"min({up},clip(({_num(b + RAMP)}-{t})/{_num(RAMP)},0,1))")
    return f"min(1,{'+'.join(terms)})" if terms else "0"


@dataclass(frozen=True)
class VoicePlan:
    """What one rendering applies: ranges, settings, and the measured latency and gain."""

    ranges: tuple[VoiceRange, ...]
    settings: VoiceSettings
    latency: float = 0.0
    gain_db: float = 0.0

    def graph(self, src: str, out: str, offset: float = 0.0) -> str:
        """filter_complex part from the audio pad ``src`` to ``out`` (both ``[label]``)."""
        w = _weight(self.ranges, offset)
        n = int(STEP * RATE)
        return (f"{src}aresample={RATE},asplit=2[vdry0][vwet0];"
                f"[vwet0]{disguise_chain(self.settings, offset)},"
                f"atrim=start={_num(self.latency)},asetpts=PTS-STARTPTS,"
                f"volume={self.gain_db:.2f}dB,apad,asetnsamples=n={n},"
                f"volume='{w}':eval=frame[vwet];"
                f"[vdry0]asetnsamples=n={n},volume='1-{w}':eval=frame[vdry];"
                f"[vdry][vwet]amix=inputs=2:duration=first:normalize=0{out}")

    def as_json(self) -> list[list[float | None]]:
        return [[a, b] for a, b in self.ranges]


_INTEGRATED = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")


def _loudness(source: Path, ranges: Sequence[VoiceRange], chain: str | None) -> float | None:
    """Integrated loudness of ``source``'s sound over ``ranges`` (put end to end, then
    through ``chain`` when given: its cost follows the ranges, not the rush)."""
    select = "+".join(f"between(t,{_num(a)},{_num(b) if b is not None else 1e9})"
                      for a, b in ranges)
    post = f"{chain}," if chain else ""
    try:
        proc = _run(["-nostats", "-i", str(source), "-map", "0:a:0", "-af",
                     f"aresample={RATE},aselect='{select}',asetpts=N/SR/TB,{post}"
                     f"ebur128=framelog=quiet", "-f", "null", "-"], str(source))
    except MediaError:  # no sound to measure (a silent rush): nothing to match
        return None
    found = _INTEGRATED.findall(proc.stderr.decode("utf-8", "replace"))
    if not found or found[-1] == "-inf" or float(found[-1]) < -70:
        return None
    return float(found[-1])


@functools.lru_cache(maxsize=32)
def _gain(source: str, _mtime: int, _size: int, ranges: tuple[VoiceRange, ...],
          settings: VoiceSettings, latency: float) -> float:
    path = Path(source)
    dry = _loudness(path, ranges, None)
    wet_chain = (f"{disguise_chain(settings)},atrim=start={_num(latency)},"
                 f"asetpts=PTS-STARTPTS")
    wet = _loudness(path, ranges, wet_chain)
    if dry is None or wet is None:
        return 0.0
    return round(max(-12.0, min(12.0, dry - wet)), 2)


def plan(source: str | Path, ranges: Sequence[Sequence[float | None]],
         settings: VoiceSettings) -> VoicePlan | None:
    """The plan for ``source``: latency measured, loudness over the ranges matched to the
    original's; None when there is nothing to disguise."""
    norm = tuple(normalise_ranges(ranges))
    if not norm:
        return None
    latency = chain_latency(settings)
    st = Path(source).stat()
    gain = _gain(str(source), st.st_mtime_ns, st.st_size, norm, settings, latency)
    return VoicePlan(norm, settings, latency, gain)


# -- project -------------------------------------------------------------------------------
def voice_of(item: dict[str, Any]) -> dict[str, Any] | None:
    """The item's stored disguise (None when its voice is kept everywhere)."""
    voice = item.get("voice")
    return voice if voice and voice.get("ranges") else None


def settings_of(voice: dict[str, Any]) -> VoiceSettings:
    return VoiceSettings(voice.get("preset", DEFAULT_PRESET), int(voice.get("seed") or 1))


def stored_ranges(voice: dict[str, Any] | None) -> list[VoiceRange]:
    return [(float(a), None if b is None else float(b))
            for a, b in (voice or {}).get("ranges", [])]


def item_plan(op: Operation, sha: str) -> VoicePlan | None:
    """The disguise to apply to a rush of the operation (None: none)."""
    voice = voice_of(op.items[sha])
    if voice is None or not (op.items[sha].get("info") or {}).get("audio", True):
        return None
    return plan(op.original_path(sha), stored_ranges(voice), settings_of(voice))


def _video(op: Operation, sha: str) -> dict[str, Any]:
    item = op.items[sha]
    if item.get("kind") != VIDEO:
        raise ProjectError(f"{item.get('name', sha[:12])} : la voix modifiée concerne les "
                           f"rushes")
    return item


def _duration(item: dict[str, Any]) -> float | None:
    value = (item.get("info") or {}).get("duration")
    return float(value) if value else None


def set_voice(op: Operation, sha: str, ranges: Sequence[Sequence[float | None]],
              preset: str | None = None, seed: int | None = None) -> list[VoiceRange]:
    """Replace the rush's disguised ranges (none: its voice is kept everywhere), in one
    undoable edit with an ``audio_voice`` audit entry (before/after). ``seed`` (that of a
    preview just heard) is used only when the rush has none yet."""
    return _edit(op, sha, lambda _current: list(ranges), preset, seed)


def _edit(op: Operation, sha: str,
          change: Callable[[list[VoiceRange]], Sequence[Sequence[float | None]]],
          preset: str | None = None, seed: int | None = None) -> list[VoiceRange]:
    item = _video(op, sha)
    if preset is not None:
        VoiceSettings(preset)  # validates
    duration = _duration(item)
    with op.doc.transaction(f"voix modifiée sur {item['name']}"):
        old = op.items[sha].get("voice")  # read inside the edit: the latest data
        try:
            norm = normalise_ranges(change(stored_ranges(voice_of(op.items[sha]))), duration)
        except ValueError as exc:
            raise ProjectError(f"{item['name']} : {exc}") from exc
        for a, _ in norm:
            if duration and a >= duration:
                raise ProjectError(f"{item['name']} : plage à {a:g} s au-delà de la fin du "
                                   f"rush ({duration:g} s)")
        if norm:
            new: dict[str, Any] | None = {
                "preset": preset or (old or {}).get("preset") or DEFAULT_PRESET,
                "seed": int((old or {}).get("seed") or seed or new_seed()),
                "ranges": [[a, b] for a, b in norm]}
            op.doc.set(("items", sha, "voice"), new)
        else:
            new = None
            if old is not None:
                op.doc.delete(("items", sha, "voice"))
        audit.record(op.root, "audio_voice", item=sha,
                     old=_audit_view(old), new=_audit_view(new))
    return norm


def _audit_view(voice: dict[str, Any] | None) -> dict[str, Any] | None:
    """Before/after in the audit log (the seed stays in the project only)."""
    if not voice or not voice.get("ranges"):
        return None
    return {"preset": voice.get("preset", DEFAULT_PRESET), "ranges": voice["ranges"]}


def add_range(op: Operation, sha: str, start: float, end: float | None,
              preset: str | None = None, seed: int | None = None) -> list[VoiceRange]:
    """Disguise the voice over [start, end] (end None: to the end of the rush)."""
    return _edit(op, sha, lambda current: [*current, (start, end)], preset, seed)


def remove_range(op: Operation, sha: str, start: float,
                 end: float | None) -> list[VoiceRange]:
    """Give [start, end] its original voice back."""
    return _edit(op, sha, lambda current: subtract_range(current, start, end))


def clear(op: Operation, sha: str) -> None:
    set_voice(op, sha, [])


def describe_ranges(ranges: Sequence[Sequence[float | None]]) -> str:
    """« 12,5–20,0 s ; 31,0 s–fin » (French decimal comma), « tout le rush » from 0 to end."""
    parts = []
    for a, b in ranges:
        if b is None and not a:
            return "tout le rush"
        start = f"{a:.1f}".replace(".", ",")
        parts.append(f"{start} s–fin" if b is None
                     else f"{start}–{b:.1f} s".replace(".", ","))
    return " ; ".join(parts)


def summary(item: dict[str, Any]) -> dict[str, Any] | None:
    """For the chief's page: which ranges are disguised, how (None: voice kept)."""
    voice = voice_of(item)
    if voice is None:
        return None
    return {"preset": voice.get("preset", DEFAULT_PRESET),
            "preset_label": PRESET_FR.get(voice.get("preset", DEFAULT_PRESET), ""),
            "ranges": voice["ranges"], "text": describe_ranges(voice["ranges"])}


# -- preview -------------------------------------------------------------------------------
def preview_span(start: float, end: float | None, duration: float | None) -> tuple[float, float]:
    """(first second, length) of the preview of a range: its context, at most 30 s."""
    first = max(0.0, start - PREVIEW_MARGIN)
    last = (end if end is not None else (duration or start + PREVIEW_MAX)) + PREVIEW_MARGIN
    if duration:
        last = min(last, duration)
    return first, max(0.1, min(PREVIEW_MAX, last - first))


def render_preview(source: str | Path, out: str | Path, vplan: VoicePlan | None,
                   start: float, length: float) -> Path:
    """A WAV of ``source``'s sound from ``start`` for ``length`` s: disguised as exported
    when ``vplan`` is given, else the original (the « avant »)."""
    from mediakit.atomic import atomic_path

    out = Path(out)
    with atomic_path(out) as tmp:
        args = ["-y", "-v", "error", "-ss", f"{start:.3f}", "-t", f"{length:.3f}",
                "-i", str(source)]
        if vplan is None:
            args += ["-map", "0:a:0", "-ar", str(RATE)]
        else:
            args += ["-filter_complex", vplan.graph("[0:a:0]", "[aout]", offset=start),
                     "-map", "[aout]"]
        _run([*args, "-c:a", "pcm_s16le", "-f", "wav", str(tmp)], str(source))
    return out


def preview_path(op: Operation, sha: str, start: float, end: float | None,
                 treated: bool, settings: VoiceSettings) -> Path:
    """Render (or reuse, from the operation's cache) the before/after preview of a range
    (blocking: call it off the UI thread)."""
    import hashlib
    import json

    item = _video(op, sha)
    first, length = preview_span(start, end, _duration(item))
    if treated:
        ranges = normalise_ranges([(start, end)])
        vplan: VoicePlan | None = plan(op.original_path(sha), ranges, settings)
    else:
        vplan = None
    key = hashlib.sha256(json.dumps([sha, first, length, treated, settings.preset,
                                     settings.seed]).encode()).hexdigest()[:20]
    out = op.root / "cache" / "voice" / f"{key}.wav"
    if not out.exists():
        render_preview(op.original_path(sha), out, vplan, first, length)
    return out
