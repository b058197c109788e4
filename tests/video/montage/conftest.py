"""Tiny coded clips (solid colours, frame-number luma, a bright square and its masked
rendering) imported into one operation, and a small channel preset."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from tests.conftest import ffmpeg

W, H, FPS = 320, 240, 25
MINI = {"width": W, "height": H, "bitrate": "1M", "fps_range": [24, 30],
        "loudness": {"integrated": -16.0, "true_peak": -1.5, "lra": 11.0}}
SQUARE = (120, 80, 80, 80)  # x, y, w, h of the bright square ("face")


def _encode(path: Path, video: str, audio: str | None, seconds: float) -> Path:
    cmd = [ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", video]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"{audio}:duration={seconds}"]
    cmd += ["-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0",
            "-pix_fmt", "yuv420p", "-g", "12"]
    cmd += (["-c:a", "aac", "-b:a", "128k"] if audio else []) + [str(path)]
    subprocess.run(cmd, check=True)
    return path


def read_frames(path: Path, w: int = W, h: int = H, pix: str = "rgb24") -> np.ndarray:
    """Every frame of a video (N×H×W×3 RGB, or N×H×W luma with ``pix="gray"``)."""
    fmt = ["-pix_fmt", "yuv420p"] if pix == "gray" else ["-pix_fmt", "rgb24"]
    proc = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-f", "rawvideo", *fmt,
                           "-"], capture_output=True, check=True)
    if pix == "gray":
        frame = w * h * 3 // 2
        raw = np.frombuffer(proc.stdout, np.uint8).reshape(-1, frame)
        return raw[:, : w * h].reshape(-1, h, w)
    return np.frombuffer(proc.stdout, np.uint8).reshape(-1, h, w, 3)


@pytest.fixture(scope="session")
def mt_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("montage-clips")
    sq = "drawbox=x={}:y={}:w={}:h={}:color=white:t=fill".format(*SQUARE)
    grey = "drawbox=x={}:y={}:w={}:h={}:color=0x808080:t=fill".format(*SQUARE)
    base = f"color=c=0x202020:s={W}x{H}:r={FPS}"
    return {
        "red": _encode(d / "red.mp4", f"color=c=red:s={W}x{H}:r={FPS}", "sine=frequency=440", 2),
        "blue": _encode(d / "blue.mp4", f"color=c=blue:s={W}x{H}:r={FPS}",
                        "sine=frequency=660", 2),
        # luma = 4 × frame number: a frame identifies itself
        "coded": _encode(d / "coded.mp4", f"{base},geq=lum='4*N':cb=128:cr=128", None, 2.4),
        "square": _encode(d / "square.mp4", f"{base},{sq}", "sine=frequency=550", 2),
        "square_masked": _encode(d / "square_masked.mp4", f"{base},{grey}",
                                 "sine=frequency=550", 2),
    }


@pytest.fixture()
def mt_op(tmp_path: Path, mt_clips: dict[str, Path]) -> Operation:
    op = Operation.create(tmp_path / "op", "Opération montage")
    import_files(op, [mt_clips[k] for k in ("red", "blue", "coded", "square")])
    for sha in op.items:  # synthetic clips without faces: detected (nothing) and reviewed
        op.doc.set(("items", sha, "tracks"), [])
        op.doc.set(("items", sha, "detection"), {"detector": "test"})
        op.doc.set(("items", sha, "tracks_reviewed"), True)
    op.save()
    return op


def originals(op: Operation, sha: str) -> Path:
    """Test-only clip source: the original file (the product never does this)."""
    return op.original_path(sha)


def sha_of(op: Operation, name: str) -> str:
    return op.resolve(name)
