"""What happens to a rush's sound: kept (stream copy when MP4 takes the codec), muted,
bleeped over time segments (a 1 kHz tone replaces the sound there), or disguised over time
ranges (« voix modifiée », :mod:`mediakit.video.voice`); a bleep goes over a disguise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mediakit.video.voice import VoicePlan

AUDIO_MODES = ("keep", "mute")
MP4_AUDIO_CODECS = frozenset({"aac", "mp3", "alac", "opus", "flac", "ac3", "eac3"})
BLEEP_HZ = 1000

Segment = tuple[float, float]


def parse_segment(text: str) -> Segment:
    """``"12.5-14"`` → (12.5, 14.0); ValueError with a French message otherwise."""
    try:
        start, end = (float(v) for v in text.split("-", 1))
    except ValueError as exc:
        raise ValueError(f"segment invalide : {text!r} (attendu DÉBUT-FIN en secondes)") from exc
    if start < 0 or end <= start:
        raise ValueError(f"segment invalide : {text!r} (la fin doit suivre le début)")
    return start, end


def audio_args(mode: str, codec: str | None, has_audio: bool,
               bleeps: Sequence[Segment] = (),
               voice: VoicePlan | None = None) -> tuple[list[str], str]:
    """ffmpeg output options for the audio (input 1 is the source) and the action taken
    (``bleeped`` wins over ``disguised`` when both apply)."""
    if mode not in AUDIO_MODES:
        raise ValueError(f"mode audio inconnu : {mode} (choix : {', '.join(AUDIO_MODES)})")
    if not has_audio:
        return ["-an"], "absent"
    if mode == "mute":
        return ["-an"], "muted"
    if bleeps or voice is not None:
        graph, src = [], "[1:a:0]"
        if voice is not None:
            graph.append(voice.graph(src, "[voiced]" if bleeps else "[aout]"))
            src = "[voiced]"
        if bleeps:
            graph.append(bleep_filter(bleeps, src))
        return ["-filter_complex", ";".join(graph), "-map", "[aout]", "-c:a", "aac",
                "-b:a", "192k"], "bleeped" if bleeps else "disguised"
    if (codec or "").lower() in MP4_AUDIO_CODECS:
        return ["-c:a", "copy"], "copied"
    return ["-c:a", "aac", "-b:a", "192k"], "reencoded"


def bleep_filter(bleeps: Sequence[Segment], src: str = "[1:a:0]") -> str:
    """filter_complex graph: the source sound silenced on each segment, plus a tone there."""
    cond = "+".join(f"between(t,{a:.3f},{b:.3f})" for a, b in bleeps)
    return (f"{src}volume=0:enable='{cond}'[muted];"
            f"sine=frequency={BLEEP_HZ}:sample_rate=48000,volume=0.3,"
            f"volume=0:enable='not({cond})'[tone];"
            f"[muted][tone]amix=inputs=2:duration=first:normalize=0[aout]")
