"""Shared fixtures: sample media made on the fly, the bundled assets, tool availability."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
SHARED = ROOT.parent / "shared"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ffmpeg() -> str:
    from mediakit.media.ffmpeg import ffmpeg_exe

    return ffmpeg_exe()


def make_video(path: Path, seconds: float = 2.0, size: str = "320x240", fps: int = 25,
               audio: bool = True, extra: list[str] | None = None) -> Path:
    """A small H.264 (+AAC) clip made by the bundled ffmpeg."""
    cmd = [ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i",
           f"testsrc2=size={size}:rate={fps}:duration={seconds}"]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    cmd += ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast"]
    if audio:
        cmd += ["-c:a", "aac", "-shortest"]
    cmd += (extra or []) + [str(path)]
    subprocess.run(cmd, check=True)
    return path


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of good media: two photos and a video."""
    d = tmp_path_factory.mktemp("media")
    rng = np.random.default_rng(0)
    Image.fromarray(rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)).save(d / "a.jpg")
    Image.fromarray(rng.integers(0, 255, (100, 150, 3), dtype=np.uint8)).save(d / "b.png")
    make_video(d / "clip.mp4")
    return d


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} absent (installé par scripts/setup.sh)")
    return path


@pytest.fixture(scope="session")
def detector():
    from mediakit.privacy.detector import Detector

    return Detector()
