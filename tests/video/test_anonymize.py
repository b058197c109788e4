"""End-to-end video anonymisation on synthetic clips with a stub detector."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from mediakit.errors import MediaError
from mediakit.media.probe import video_info
from mediakit.privacy.masking import MaskStyle
from mediakit.video.anonymize import anonymize_video, detect_video
from tests.conftest import ffmpeg, require
from tests.video.conftest import (
    FPS,
    SQUARE,
    SquareDetector,
    decode,
    is_masked,
    square_frames,
    write_clip,
)

SOLID = MaskStyle(style="solid")


def test_masks_every_frame_and_keeps_audio(square_clip: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.mp4"
    report = anonymize_video(square_clip, out, detector=SquareDetector(), style=SOLID)
    assert report["audio"] == "copied" and report["tracks_masked"] == 1
    frames = decode(out)
    assert len(frames) == 40
    assert all(is_masked(f, SQUARE) for f in frames)
    src, dst = video_info(square_clip), video_info(out)
    assert dst["audio_codec"] == src["audio_codec"] == "aac"
    assert abs(dst["duration"] - src["duration"]) <= 1 / FPS + 1e-3
    assert not list(tmp_path.glob(".*part*"))


def test_mute_and_bleep(square_clip: Path, tmp_path: Path) -> None:
    muted = anonymize_video(square_clip, tmp_path / "m.mp4", detector=SquareDetector(),
                            style=SOLID, audio="mute")
    assert muted["audio"] == "muted" and not video_info(tmp_path / "m.mp4")["audio"]
    bleeped = anonymize_video(square_clip, tmp_path / "b.mp4", detector=SquareDetector(),
                              style=SOLID, bleeps=[(0.5, 1.0)])
    info = video_info(tmp_path / "b.mp4")
    assert bleeped["audio"] == "bleeped" and info["audio_codec"] == "aac"
    assert abs(info["duration"] - 40 / FPS) <= 1 / FPS + 0.03


def test_no_identifying_metadata(square_clip: Path, tmp_path: Path) -> None:
    ffprobe = require("ffprobe")
    out = tmp_path / "out.mp4"
    anonymize_video(square_clip, out, detector=SquareDetector(), style=SOLID)
    src = subprocess.run([ffprobe, "-v", "error", "-show_entries", "format_tags",
                          "-of", "json", str(square_clip)], capture_output=True, text=True)
    assert "location" in src.stdout  # the fixture really carries them
    probe = subprocess.run([ffprobe, "-v", "error", "-show_entries",
                            "format_tags:stream_tags:stream_side_data", "-of", "json", str(out)],
                           capture_output=True, text=True, check=True)
    text = probe.stdout.lower()
    for key in ("location", "creation_time", "encoder", "make", "model", "rotation",
                "lavf", "displaymatrix"):
        assert key not in text, key


def test_backward_extension(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "late.mp4", square_frames(40, appear=9), audio=False)
    detector = SquareDetector(from_frame=14)  # first detection well after it appears
    out = tmp_path / "out.mp4"
    anonymize_video(clip, out, detector=detector, style=SOLID)
    frames = decode(out)
    assert all(is_masked(f, SQUARE) for f in frames[9:])
    entries = detect_video(clip, SquareDetector(from_frame=14))
    first = min(e["frame"] for e in entries if e["detections"])
    assert first <= 9


def test_rotated_phone_clip(tmp_path: Path) -> None:
    frames = square_frames(20, size=(320, 240), square=(200, 60, 60, 60))
    clip = write_clip(tmp_path / "phone.mp4", frames,
                      extra=["-metadata:s:v:0", "rotate=90"])
    rotated = tmp_path / "rot.mp4"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-display_rotation", "90", "-i", str(clip),
                    "-c", "copy", str(rotated)], check=True)
    info = video_info(rotated)
    assert info["rotation"] in (90, 270) and (info["width"], info["height"]) == (240, 320)
    shown = decode(rotated)[0]  # as a player shows it
    ys, xs = (shown[..., 1] > 200).nonzero()
    keep = xs > 30
    xs, ys = xs[keep], ys[keep]
    box = (int(xs.min()), int(ys.min()), int(xs.max() - xs.min()) + 1,
           int(ys.max() - ys.min()) + 1)
    out = tmp_path / "out.mp4"
    anonymize_video(rotated, out, detector=SquareDetector(), style=SOLID)
    out_info = video_info(out)
    assert out_info["rotation"] == 0 and (out_info["width"], out_info["height"]) == (240, 320)
    result = decode(out)
    assert all(is_masked(f, box) for f in result)
    assert float(result[5][300:, 100:].mean()) > 80  # the rest is untouched


def test_truncated_video(square_clip: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cut.mp4"
    data = square_clip.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out" / "cut_anonymise.mp4"
    with pytest.raises(MediaError) as err:
        anonymize_video(bad, out, detector=SquareDetector(), style=SOLID)
    assert "cut.mp4" in str(err.value)
    assert not out.exists() and not list(out.parent.glob("*"))


def test_detect_entries_format(square_clip: Path) -> None:
    entries = detect_video(square_clip, SquareDetector())
    assert [e["frame"] for e in entries] == list(range(40))
    det = entries[0]["detections"][0]
    assert det["label"] == "face" and len(det["box"]) == 4
    json.dumps(entries)


def test_interrupt_leaves_nothing(square_clip: Path, tmp_path: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        if len(calls) == 30:  # while masked frames are being encoded (one decode)
            raise KeyboardInterrupt
        return False

    out = tmp_path / "out.mp4"
    with pytest.raises(KeyboardInterrupt):
        anonymize_video(square_clip, out, detector=SquareDetector(), style=SOLID,
                        cancelled=cancelled)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert not _live_children()


def _live_children() -> list[int]:
    """Running (not zombie) child processes of this one, from /proc."""
    me, found = os.getpid(), []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_real_detector_on_group_photo_clip(tmp_path: Path) -> None:
    pytest.importorskip("mediakit.privacy.detector")
    from mediakit.privacy.detector import Detector
    from tests.conftest import ASSETS

    clip = tmp_path / "groupe.mp4"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-loop", "1", "-i",
                    str(ASSETS / "photos" / "groupe.jpg"), "-t", "1", "-r", str(FPS),
                    "-vf", "scale=640:-2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    str(clip)], check=True)
    entries = detect_video(clip, Detector(faces=True, plates=True, profile="video"))
    faces = [sum(d["label"] == "face" for d in e["detections"]) for e in entries]
    assert len(entries) == FPS and min(faces) >= 1
    assert max(faces) - min(faces) <= 1  # a still shot: the same faces in every frame


def test_repeated_pictures_are_detected_once(tmp_path: Path) -> None:
    """A 10 fps source at 25 fps (each picture shown 2-3 times): the detector runs on new
    pictures only (every DETECT_EVERY-th), and every frame is still masked."""
    pictures = square_frames(12, appear=4)
    frames = [pictures[int(i * 10 / FPS)] for i in range(30)]
    clip = write_clip(tmp_path / "repeats.mp4", frames, audio=False)
    detector = SquareDetector()
    entries = detect_video(clip, detector)
    assert len(detector.calls) < 0.6 * len(frames) / 2  # not one frame in two
    assert len(set(detector.calls)) == len(detector.calls)  # never the same picture twice
    assert all(e["detections"] for e in entries[10:])  # picture 4 is shown from frame 10


class _WhitePlates:
    """A plate-only stub: white rectangles are plates; records the image sizes it sees."""

    faces = None
    plates = True

    def __init__(self) -> None:
        self.shapes: list[tuple[int, int]] = []

    def detect(self, rgb):
        from mediakit.privacy.regions import Detection

        self.shapes.append(rgb.shape[:2])
        ys, xs = np.nonzero(rgb.min(axis=2) > 240)
        if len(xs) < 20:
            return []
        box = (float(xs.min()), float(ys.min()), float(xs.max() - xs.min() + 1),
               float(ys.max() - ys.min() + 1))
        return [Detection("plate", box, 0.9, "stub", mask_box=box)]


def test_plates_are_looked_for_where_the_picture_changed(tmp_path: Path) -> None:
    """Between whole-frame scans, a still scene costs the plate detector nothing but the
    changed regions: a plate appearing mid-shot is still found from its first frame and
    kept masked (carried) while the picture around it does not change."""
    rng = np.random.default_rng(0)
    background = np.kron(rng.integers(0, 200, (60, 80, 3), dtype=np.uint8),
                         np.ones((8, 8, 1), np.uint8))
    frames = []
    for i in range(60):
        f = background.copy()
        if i >= 29:  # after the whole-frame scan of frame 24
            f[200:220, 300:360] = 255
        frames.append(f)
    clip = write_clip(tmp_path / "plate.mp4", frames, audio=False)
    detector = _WhitePlates()
    entries = detect_video(clip, detector)
    assert all(e["detections"] for e in entries[29:])
    assert not any(e["detections"] for e in entries[:20])
    full = sum(s == (480, 640) for s in detector.shapes)
    crops = [s for s in detector.shapes if s != (480, 640)]
    assert full == 3  # frames 0, 24, 48 (every PLATE_FULL_EVERY)
    assert crops and all(h * w < 0.5 * 480 * 640 for h, w in crops)
