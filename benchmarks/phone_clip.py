"""Phone-like rushes for the video benchmarks: HEVC (or H.264), 4K or 1080p, a rotation tag
(a phone held upright records landscape pictures tagged -90), AAC sound, location and
camera tags, optionally 10-bit HDR (HLG or PQ in BT.2020, diffuse white at 203 nits, as
iPhones record).

    .venv/bin/python benchmarks/phone_clip.py OUT.mov [--seconds 5] [--size 3840x2160]
        [--fps 30] [--codec hevc|h264] [--rotation -90] [--hdr none|hlg|pq]

The pictures are the shared face clip (``../shared/data/video/egoblur_face_audio.mp4``,
people at a few metres) looped, cropped to 16:9 and scaled; without the shared data, ffmpeg's
test pattern and a tone.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED") or ROOT.parent / "shared")
SOURCE = SHARED / "data/video/egoblur_face_audio.mp4"
TRANSFERS = {"hlg": "arib-std-b67", "pq": "smpte2084"}


def ffmpeg() -> str:
    from mediakit.media.ffmpeg import ffmpeg_exe

    return ffmpeg_exe()


def make_phone_clip(out: Path, seconds: float = 5.0, size: tuple[int, int] = (3840, 2160),
                    fps: int = 30, codec: str = "hevc", rotation: int = -90,
                    hdr: str = "none") -> Path:
    """Write the clip (made once: an existing ``out`` is kept) and return its path."""
    if out.exists():
        return out
    w, h = size
    if SOURCE.exists():
        inputs = ["-stream_loop", "-1", "-i", str(SOURCE)]
        video = f"[0:v]crop=iw:iw*9/16,scale={w}:{h}:flags=bicubic,setsar=1,fps={fps}"
        audio = ["-map", "0:a:0"]
    else:
        inputs = ["-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate={fps}",
                  "-f", "lavfi", "-i", "sine=frequency=440"]
        video = "[0:v]setsar=1"
        audio = ["-map", "1:a:0"]
    if hdr != "none":
        trc = TRANSFERS[hdr]
        video += (f",zscale=tin=bt709:min=bt709:pin=bt709:t={trc}:m=bt2020nc:p=bt2020:"
                  "r=tv:npl=203,format=yuv420p10le")
        tags = ["-color_primaries", "bt2020", "-color_trc", trc, "-colorspace", "bt2020nc"]
    else:
        video += ",format=yuv420p"
        tags = []
    if codec == "hevc":
        enc = ["-c:v", "libx265", "-preset", "ultrafast", "-crf", "22",
               "-x265-params", "log-level=error", "-tag:v", "hvc1"]
    else:
        enc = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20"]
    with tempfile.TemporaryDirectory() as tmp:
        stored = Path(tmp) / "stored.mov"
        subprocess.run([ffmpeg(), "-v", "error", "-y", *inputs, "-t", str(seconds),
                        "-filter_complex", video + "[v]", "-map", "[v]", *audio, *enc, *tags,
                        "-c:a", "aac", "-b:a", "128k",
                        "-metadata", "creation_time=2026-05-14T09:30:00Z",
                        "-metadata", "location=+48.8566+002.3522/",
                        "-metadata", "com.apple.quicktime.location.ISO6709=+48.8566+002.3522/",
                        "-metadata", "com.apple.quicktime.make=Apple",
                        "-metadata", "com.apple.quicktime.model=iPhone 15 Pro",
                        "-movflags", "use_metadata_tags", str(stored)], check=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([ffmpeg(), "-v", "error", "-y", "-display_rotation", str(rotation),
                        "-i", str(stored), "-map", "0", "-c", "copy", "-movflags",
                        "use_metadata_tags", str(out)], check=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--size", default="3840x2160")
    ap.add_argument("--fps", type=int, default=30)
    ap.add_argument("--codec", choices=("hevc", "h264"), default="hevc")
    ap.add_argument("--rotation", type=int, default=-90)
    ap.add_argument("--hdr", choices=("none", "hlg", "pq"), default="none")
    a = ap.parse_args()
    w, h = (int(v) for v in a.size.split("x"))
    print(make_phone_clip(Path(a.out), a.seconds, (w, h), a.fps, a.codec, a.rotation, a.hdr))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
