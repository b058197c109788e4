"""Phone rushes as they come: HEVC, rotation tags, variable frame rate, 10-bit HDR (HLG,
PQ): outputs upright, SDR, with the source's timing and the sound in sync, from one decode."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from mediakit.media.probe import video_info
from mediakit.privacy.masking import MaskStyle
from mediakit.video.anonymize import anonymize_video
from mediakit.video.detect import source_info
from tests.conftest import ffmpeg
from tests.video.conftest import SquareDetector, decode, frame_index, is_masked, square_frames

SOLID = MaskStyle(style="solid")


def _encode(path: Path, frames: list[np.ndarray], args: list[str], vf: str = "",
            audio: float | None = None) -> Path:
    h, w = frames[0].shape[:2]
    cmd = [ffmpeg(), "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
           "-s", f"{w}x{h}", "-framerate", "25", "-i", "pipe:0"]
    if audio is not None:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={audio}"]
    cmd += (["-vf", vf] if vf else []) + args
    if audio is not None:
        cmd += ["-c:a", "aac"]
    subprocess.run(cmd + [str(path)], input=b"".join(f.tobytes() for f in frames), check=True)
    return path


def _stream_line(path: Path) -> str:
    header = subprocess.run([ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True,
                            text=True).stderr
    return next(line for line in header.splitlines() if "Video:" in line)


def _audio_seconds(path: Path) -> float:
    raw = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-map", "0:a:0", "-f", "s16le",
                          "-ac", "1", "-ar", "8000", "pipe:1"], capture_output=True,
                         check=True).stdout
    return len(raw) / 2 / 8000


def test_rotated_portrait_hevc_rush_is_upright_and_masked(tmp_path: Path) -> None:
    """A landscape-stored HEVC clip tagged -90 (a phone held upright): the output is the
    portrait picture a player shows, masked, with no rotation tag and the sound kept."""
    frames = square_frames(30, size=(320, 240), square=(200, 60, 60, 60))
    stored = _encode(tmp_path / "stored.mp4", frames,
                     ["-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hvc1",
                      "-pix_fmt", "yuv420p"], audio=1.2)
    rush = tmp_path / "phone.mov"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-display_rotation", "-90", "-i", str(stored),
                    "-c", "copy", str(rush)], check=True)
    info = video_info(rush)
    assert info["video_codec"] == "hevc" and (info["width"], info["height"]) == (240, 320)
    shown = decode(rush)[0]
    ys, xs = np.nonzero(shown[..., 1] > 200)
    keep = ys > 30  # not the index block (top-right once turned)
    box = (int(xs[keep].min()), int(ys[keep].min()), int(np.ptp(xs[keep])) + 1,
           int(np.ptp(ys[keep])) + 1)
    out = tmp_path / "out.mp4"
    report = anonymize_video(rush, out, detector=SquareDetector(), style=SOLID)
    assert report["passes"] == 1
    o = video_info(out)
    assert o["rotation"] == 0 and (o["width"], o["height"]) == (240, 320)
    assert o["audio"] and abs(_audio_seconds(out) - _audio_seconds(rush)) < 0.05
    result = decode(out)
    assert len(result) == 30 and all(is_masked(f, box) for f in result)


def test_variable_frame_rate_keeps_the_source_timing(tmp_path: Path) -> None:
    """25 fps for a second, then 12.5 fps: decoded at the nominal 25 fps, every output
    frame shows the source frame on screen at its time, and the sound lasts as long."""
    frames = square_frames(50)
    times = "if(lt(N,25),N/25,1+(N-25)*0.08)/TB"  # frame 25 at 1.0 s, then every 80 ms
    rush = _encode(tmp_path / "vfr.mp4", frames,
                   ["-fps_mode", "passthrough", "-c:v", "libx264", "-preset", "ultrafast",
                    "-qp", "4", "-pix_fmt", "yuv420p", "-video_track_timescale", "12800"],
                   vf=f"setpts='{times}'", audio=3.0)
    info = source_info(rush)
    assert info["fps"] < 20 and info["rate"] == 25.0  # VFR: average rate under the nominal
    out = tmp_path / "out.mp4"
    report = anonymize_video(rush, out, detector=SquareDetector(), style=SOLID)
    shown = [frame_index(f) for f in decode(out)]
    # the last source frame's duration is the container's guess: 74 or 75 frames
    assert report["fps"] == 25.0 and len(shown) in (74, 75)
    expected = [k if k < 25 else 25 + (k - 25) // 2 for k in range(len(shown))]
    assert all(abs(a - b) <= 1 for a, b in zip(shown, expected, strict=True))
    assert shown[40] == expected[40] and shown[10] == 10
    assert abs(video_info(out)["duration"] - 3.0) <= 0.08
    assert abs(_audio_seconds(out) - 3.0) <= 0.05


def _colour_chart() -> np.ndarray:
    f = np.full((240, 320, 3), 90, np.uint8)
    f[20:80, 20:100] = (200, 30, 30)
    f[20:80, 120:200] = 128
    f[20:80, 220:300] = 235
    f[:16, :16] = 0
    return f


@pytest.mark.parametrize("transfer", ["arib-std-b67", "smpte2084"])
def test_hdr_rush_is_tone_mapped_to_sdr(tmp_path: Path, transfer: str) -> None:
    """A 10-bit HEVC HDR clip (HLG or PQ, BT.2020, diffuse white at 203 nits as phones
    record it) made from an SDR chart comes out 8-bit BT.709 with the chart's colours:
    grey and background within 8 levels, white bright, red still red. Read without tone
    mapping, the same file gives a dark, flat picture (grey 83-88)."""
    chart = _colour_chart()
    rush = _encode(
        tmp_path / f"hdr_{transfer}.mp4", [chart] * 10,
        ["-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hvc1",
         "-color_primaries", "bt2020", "-color_trc", transfer, "-colorspace", "bt2020nc"],
        vf=f"zscale=tin=bt709:min=bt709:pin=bt709:rin=full:t={transfer}:m=bt2020nc:p=bt2020:"
           "r=tv:npl=203,format=yuv420p10le", audio=0.4)
    assert "yuv420p10le" in _stream_line(rush) and source_info(rush)["hdr"] in ("HLG", "PQ")
    out = tmp_path / "out.mp4"
    nothing = SquareDetector(from_frame=10**6)  # finds nothing: the chart is left as it is
    report = anonymize_video(rush, out, detector=nothing, style=SOLID)
    assert report["hdr_tonemapped"] in ("HLG", "PQ")
    line = _stream_line(out)
    assert "yuv420p(" in line and "bt709" in line and "10le" not in line
    frame = decode(out)[5].astype(int)
    grey, white, red, bg = frame[50, 160], frame[50, 260], frame[50, 60], frame[150, 150]
    assert np.abs(grey - 128).max() <= 8 and np.abs(bg - 90).max() <= 8
    assert white.min() >= 195
    assert red[0] >= 170 and red[1] <= 50 and red[2] <= 50
    assert _chart_error(frame) <= 8
    naive = subprocess.run([ffmpeg(), "-v", "error", "-i", str(rush), "-frames:v", "1", "-f",
                            "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], capture_output=True,
                           check=True).stdout
    assert _chart_error(np.frombuffer(naive, np.uint8).reshape(240, 320, 3).astype(int)) >= 15


def _chart_error(frame: np.ndarray) -> int:
    """Largest difference (levels) from the chart on its grey and background."""
    chart = _colour_chart().astype(int)
    return max(int(np.abs(frame[y, x] - chart[y, x]).max()) for y, x in ((50, 160), (150, 150)))
