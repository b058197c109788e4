"""Compliance of a rendered montage with the charte: the legibility of what is drawn over
moving pictures, measured on the rendered frames.

For each title, lower-third and bloc-marque span (the :class:`~.titles.Placed` records of
the render's graph), a few frames of its time span are decoded (one ffmpeg pass, the
imageio-ffmpeg binary) and the background is sampled in a ring just around its box: inside
its cartouche when it has one, the footage itself otherwise. The WCAG contrast ratio
between the element's ink and each sampled pixel is computed; the element's contrast at
that frame is the 10th percentile (90 % of what surrounds the text reaches it: a brick
wall's light mortar counts, a few noisy pixels do not). Under the charte's
``video.min_contrast`` (4.5:1) the element fails, named with the time code (« 00:03,2 »).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.infographic.colours import relative_luminance
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line
from mediakit.video.montage.blocmarque import span_frames
from mediakit.video.montage.titles import Placed

PERCENTILE = 10
SAMPLES = 3  # frames measured per element (first, middle, last of its span)
_LINEAR = np.array([(c / 255 / 12.92) if c / 255 <= 0.04045 else
                    ((c / 255 + 0.055) / 1.055) ** 2.4 for c in range(256)])


def timecode(t: float) -> str:
    """« 00:03,2 »: minutes, seconds and tenths, French decimal comma."""
    tenths = int(round(max(t, 0.0) * 10))
    return f"{tenths // 600:02d}:{tenths % 600 // 10:02d},{tenths % 10}"


def _ratio(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of every pixel of an RGB uint8 array."""
    lin = _LINEAR[rgb]
    return lin[..., 0] * 0.2126 + lin[..., 1] * 0.7152 + lin[..., 2] * 0.0722


def ring_mask(shape: tuple[int, int], box: tuple[int, int, int, int], gap: int,
              ring: int) -> np.ndarray:
    """Pixels between ``gap`` and ``gap + ring`` around ``box`` (clipped to the frame)."""
    h, w = shape
    x, y, bw, bh = box
    mask = np.zeros((h, w), bool)
    g, r = gap, gap + ring
    mask[max(0, y - r):max(0, y + bh + r), max(0, x - r):max(0, x + bw + r)] = True
    mask[max(0, y - g):max(0, y + bh + g), max(0, x - g):max(0, x + bw + g)] = False
    return mask


def contrast_around(frame: np.ndarray, element: Placed) -> float | None:
    """The element's contrast against what surrounds it in ``frame`` (10th percentile of
    the per-pixel WCAG ratios in its ring); None when the ring is off the frame."""
    if element.ink is None:
        return None
    mask = ring_mask(frame.shape[:2], element.box, element.gap, element.ring)
    if not mask.any():
        return None
    lum = luminance(frame[mask])
    ink = relative_luminance(element.ink)
    ratios = (np.maximum(lum, ink) + 0.05) / (np.minimum(lum, ink) + 0.05)
    return float(np.percentile(ratios, PERCENTILE))


def sample_frames(element: Placed, fps: float, total: int) -> list[int]:
    """Frames measured for an element: first, middle and last of its span."""
    first, end = span_frames(element.start, element.end, fps)
    first, end = max(first, 0), min(end, total)
    if end <= first:
        return []
    picks = np.linspace(first, end - 1, min(SAMPLES, end - first)).round().astype(int)
    return sorted({int(k) for k in picks})


def decode_frames(path: Path, frames: list[int], width: int, height: int) -> dict[int, np.ndarray]:
    """The given frames of a video as RGB arrays, decoded in one ffmpeg pass."""
    if not frames:
        return {}
    wanted = sorted(set(frames))
    expr = "+".join(f"eq(n\\,{k})" for k in wanted)
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", "-i", str(path),
           "-vf", f"select='{expr}',format=rgb24", "-fps_mode", "passthrough",
           "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]
    proc = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
    if proc.returncode != 0:
        from mediakit.video.montage.timeline import MontageError

        raise MontageError(f"{path.name}: images illisibles pour le contrôle de la charte : "
                           f"{last_error_line(proc.stderr)}")
    size = width * height * 3
    got = len(proc.stdout) // size
    arrays = np.frombuffer(proc.stdout[:got * size], np.uint8).reshape(got, height, width, 3)
    return dict(zip(wanted, arrays, strict=False))


@dataclass
class Measure:
    element: Placed
    t: float
    contrast: float


def check_video(path: str | Path, elements: list[Placed], width: int, height: int,
                fps: float, total: int, min_contrast: float) -> dict[str, Any]:
    """The charte's legibility check of a rendered montage: ``ok``, the minimum, one entry
    per element (worst contrast and when) and one issue per failing element."""
    path = Path(path)
    picks = {id(el): sample_frames(el, fps, total) for el in elements}
    frames = decode_frames(path, [k for ks in picks.values() for k in ks], width, height)
    report: dict[str, Any] = {"min_contrast": min_contrast, "elements": [], "issues": [],
                              "unchecked": []}
    for el in elements:
        measures = [Measure(el, k / fps, c) for k in picks[id(el)] if k in frames
                    for c in [contrast_around(frames[k], el)] if c is not None]
        if not measures:
            report["unchecked"].append(f"{el.name} ({timecode(el.start)})")
            continue
        worst = min(measures, key=lambda m: m.contrast)
        failing = [m for m in measures if m.contrast < min_contrast - 0.005]
        report["elements"].append({
            "element": el.name, "note": el.note, "start": round(el.start, 3),
            "end": round(el.end, 3), "contrast": round(worst.contrast, 2),
            "at": timecode(worst.t), "ok": not failing})
        if failing:
            report["issues"].append({
                "element": el.name, "time": round(worst.t, 3), "timecode": timecode(worst.t),
                "contrast": round(worst.contrast, 2),
                "timecodes": [timecode(m.t) for m in failing],
                "message": (f"{el.name} à {timecode(worst.t)} : contraste "
                            f"{_ratio(worst.contrast)}:1 < {_ratio(min_contrast)}:1 avec "
                            f"l'image derrière lui ({el.note})")})
    report["ok"] = not report["issues"]
    return report


def summary(report: dict[str, Any]) -> str:
    """One line for the window and the CLI."""
    if report.get("ok"):
        return (f"charte : lisibilité conforme ({len(report.get('elements', []))} élément(s) "
                f"mesuré(s), contraste ≥ {_ratio(report['min_contrast'])}:1)")
    return "charte : " + " ; ".join(i["message"] for i in report.get("issues", []))
