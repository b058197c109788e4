"""Small synthetic clips and a stub detector that finds bright squares."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from mediakit.privacy.regions import Detection
from tests.conftest import ffmpeg

FPS = 25
SQUARE = (200, 60, 60, 60)  # x, y, w, h of the "face" in the synthetic clips


class SquareDetector:
    """Finds the bright square of the synthetic clips (boxes in the frame it is given).

    ``from_frame``: frames whose index (encoded in the top-left block) is lower are missed,
    as a real detector misses a face turning towards the camera.
    """

    def __init__(self, from_frame: int = 0) -> None:
        self.from_frame = from_frame
        self.calls: list[int] = []

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        h, w = rgb.shape[:2]
        scale = w / 320
        index = frame_index(rgb, scale)
        self.calls.append(index)
        if index < self.from_frame:
            return []
        ys, xs = np.nonzero(rgb[..., 1] > 200)
        ys, xs = ys[xs > 30 * scale], xs[xs > 30 * scale]
        if len(xs) < 20:
            return []
        box = (float(xs.min()), float(ys.min()), float(xs.max() - xs.min() + 1),
               float(ys.max() - ys.min() + 1))
        return [Detection("face", box, 0.9, "stub", mask_box=box)]


def frame_index(rgb: np.ndarray, scale: float = 1.0) -> int:
    block = rgb[: int(16 * scale), : int(16 * scale), 0]
    return int(round(float(block.mean()) / 4))


def square_frames(n: int, appear: int = 0, size: tuple[int, int] = (320, 240),
                  square: tuple[int, int, int, int] = SQUARE) -> list[np.ndarray]:
    """Grey frames with the index in the top-left block and a white square from ``appear``."""
    w, h = size
    frames = []
    for i in range(n):
        f = np.full((h, w, 3), 90, np.uint8)
        f[:16, :16] = 4 * i
        if i >= appear:
            x, y, sw, sh = square
            f[y:y + sh, x:x + sw] = 255
        frames.append(f)
    return frames


def write_clip(path: Path, frames: list[np.ndarray], audio: bool = True,
               extra: list[str] | None = None) -> Path:
    """Encode RGB frames (near-lossless H.264) plus a 440 Hz AAC track."""
    h, w = frames[0].shape[:2]
    seconds = len(frames) / FPS
    cmd = [ffmpeg(), "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
           "-s", f"{w}x{h}", "-framerate", str(FPS), "-i", "pipe:0"]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    cmd += ["-c:v", "libx264", "-preset", "ultrafast", "-qp", "4", "-pix_fmt", "yuv420p"]
    if audio:
        cmd += ["-c:a", "aac", "-shortest"]
    cmd += ["-metadata", "creation_time=2024-05-01T10:00:00Z",
            "-metadata", "location=+48.8566+002.3522/", *(extra or []), str(path)]
    subprocess.run(cmd, input=b"".join(f.tobytes() for f in frames), check=True)
    return path


def decode(path: Path) -> list[np.ndarray]:
    """Frames of a video as displayed (bundled ffmpeg, rotation applied)."""
    from mediakit.media.probe import video_info

    info = video_info(path)
    w, h = info["width"], info["height"]
    raw = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-f", "rawvideo",
                          "-pix_fmt", "rgb24", "pipe:1"], capture_output=True, check=True).stdout
    return list(np.frombuffer(raw, np.uint8).reshape(-1, h, w, 3))


def is_masked(frame: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """The solid style's dark fill covers the box (the clip's square is white)."""
    x, y, w, h = box
    return float(frame[y + 2:y + h - 2, x + 2:x + w - 2].mean()) < 60


@pytest.fixture(scope="session")
def square_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("vclips")
    return write_clip(d / "square.mp4", square_frames(40))
