"""Loudness with ffmpeg: loudnorm's first-pass measurement and second-pass filter (EBU R128,
linear), and the integrated loudness of a finished file (ebur128, cheaper, for checks)."""

from __future__ import annotations

import functools
import json
import re
import subprocess
from pathlib import Path

from mediakit.media.ffmpeg import ffmpeg_exe

Target = dict[str, float]  # {"integrated": LUFS, "true_peak": dBTP, "lra": LU}
_LOUDNORM_JSON = re.compile(r"\{[^{}]*\"input_i\"[^{}]*\}", re.S)
_INTEGRATED = re.compile(r"Integrated loudness:\s*I:\s*(-?[\d.]+|-inf)\s*LUFS", re.S)


def loudnorm_spec(target: Target, measured: dict[str, str] | None = None) -> str:
    """The loudnorm filter: measuring (JSON printed) or, given a measurement, normalising."""
    base = f"loudnorm=I={target['integrated']}:TP={target['true_peak']}:LRA={target['lra']}"
    if measured is None:
        return base + ":print_format=json"
    return (f"{base}:measured_I={measured['input_i']}:measured_TP={measured['input_tp']}:"
            f"measured_LRA={measured['input_lra']}:measured_thresh={measured['input_thresh']}:"
            f"offset={measured['target_offset']}:linear=true")


def parse_loudnorm(stderr: bytes | str) -> dict[str, str] | None:
    """loudnorm's measurement from ffmpeg's log, or None when there is none."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    match = _LOUDNORM_JSON.search(text)
    return json.loads(match.group(0)) if match else None


def measure_loudness(src: str | Path, target: Target) -> dict[str, str] | None:
    """First loudnorm pass over the first audio stream, or None when there is none.

    Remembered per file version and target: a batch sends one rendering to several channels.
    """
    stat = Path(src).stat()
    return _measure(str(src), stat.st_mtime_ns, stat.st_size, target["integrated"],
                    target["true_peak"], target["lra"])


def clear_loudness_cache() -> None:
    _measure.cache_clear()


@functools.lru_cache(maxsize=64)
def _measure(src: str, _mtime_ns: int, _size: int, integrated: float, true_peak: float,
             lra: float) -> dict[str, str] | None:
    spec = loudnorm_spec({"integrated": integrated, "true_peak": true_peak, "lra": lra})
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", src, "-map", "0:a:0",
                           "-af", spec, "-f", "null", "-"],
                          capture_output=True, timeout=3600, check=False)
    return parse_loudnorm(proc.stderr) if proc.returncode == 0 else None


def integrated_loudness(path: str | Path) -> float | None:
    """Integrated loudness (LUFS) of the first audio stream of a file, or None (no audio,
    silence)."""
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", "-i",
                           str(path), "-map", "0:a:0", "-af", "ebur128=framelog=quiet",
                           "-f", "null", "-"], capture_output=True, timeout=3600, check=False)
    match = _INTEGRATED.search(proc.stderr.decode("utf-8", "replace"))
    if proc.returncode != 0 or not match or match.group(1) == "-inf":
        return None
    value = float(match.group(1))
    return value if value > -70 else None
