"""A name tape on a uniform is masked in video wherever the photo pipeline masks it, and
stays masked in the vertical (TikTok) export of the anonymised rush.

The clip: a camera pan (12 px a frame, 144 px between two plate scans, more than the name
tape's width) across a navy jacket whose name tape is hidden until frame
17, between two plate scans, so both the tracking through the camera motion and the
search for when the text appeared are needed (an arm over it, say: here the jacket's navy).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from mediakit.channels.presets import get_preset
from mediakit.channels.reframe import crop_for_aspect
from mediakit.channels.video_export import export_video
from mediakit.media.fonts import sans
from mediakit.privacy.detector import Detector
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.plates import read_text
from mediakit.privacy.regions import BoxTuple, clip_box
from mediakit.video.anonymize import anonymize_video
from mediakit.video.detect import track_video
from mediakit.video.tracks import TrackIndex
from tests.video.conftest import decode, write_clip

SIZE = (1280, 720)
FRAMES = 48
PAN = 12  # px a frame
REVEAL = 17  # first frame the name tape is visible
NAME = "DUPONT"
JACKET = (28, 38, 70)  # navy


def _world() -> tuple[np.ndarray, BoxTuple, tuple[int, int, int, int]]:
    """The scene (wider than a frame), the name tape's box in it, what hides it first."""
    rng = np.random.default_rng(1)
    width = SIZE[0] + PAN * FRAMES
    pil = Image.new("RGB", (width, SIZE[1]), (150, 144, 132))
    draw = ImageDraw.Draw(pil)
    for _ in range(width // 40):  # soft discs: texture for the camera motion, not text-like
        x, y, r = rng.integers(0, width), rng.integers(0, SIZE[1]), rng.integers(30, 90)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(int(v) for v in rng.integers(90, 200, 3)))
    pil = pil.filter(ImageFilter.GaussianBlur(3))
    draw = ImageDraw.Draw(pil)
    draw.rectangle([860, 180, 1260, 720], fill=JACKET)
    font = sans(19, bold=True)
    text_w = int(draw.textlength(NAME, font=font))
    tape = (900, 260, text_w + 16, 27)
    draw.rectangle([tape[0], tape[1], tape[0] + tape[2], tape[1] + tape[3]], fill=(196, 190, 160))
    draw.text((tape[0] + 8, tape[1] + 3), NAME, font=font, fill=(18, 18, 18))
    hidden = (tape[0] - 20, tape[1] - 20, tape[0] + tape[2] + 20, tape[1] + tape[3] + 20)
    return np.asarray(pil), tape, hidden


def _frames() -> tuple[list[np.ndarray], list[BoxTuple]]:
    world, tape, hidden = _world()
    frames, boxes = [], []
    for i in range(FRAMES):
        x = PAN * i
        frame = world[:, x:x + SIZE[0]].copy()
        if i < REVEAL:
            frame[hidden[1]:hidden[3], hidden[0] - x:hidden[2] - x] = JACKET
        frames.append(frame)
        boxes.append((tape[0] - x, tape[1], tape[2], tape[3]))
    return frames, boxes


def _coverage(regions: list[BoxTuple], box: BoxTuple) -> float:
    """Share of ``box`` (clipped to the frame) under the union of ``regions``."""
    covered = np.zeros(SIZE[::-1], bool)
    for r in regions:
        x, y, w, h = (int(round(v)) for v in clip_box(r, *SIZE))
        covered[y:y + h, x:x + w] = True
    x, y, w, h = (int(v) for v in clip_box(box, *SIZE))
    return float(covered[y:y + h, x:x + w].mean()) if w * h else 1.0


@pytest.fixture(scope="module")
def tape_clip(tmp_path_factory: pytest.TempPathFactory) -> dict:
    frames, boxes = _frames()
    clip = write_clip(tmp_path_factory.mktemp("vtext") / "tape.mp4", frames, audio=False)
    result = track_video(clip, Detector(profile="video"))
    return {"clip": clip, "frames": frames, "boxes": boxes, "tracks": result["tracks"]}


def test_name_tape_masked_on_every_frame_the_photo_pipeline_masks(tape_clip: dict) -> None:
    photo = Detector(faces=False, profile="photo")
    index = TrackIndex(tape_clip["tracks"])
    sampled = sorted(set(range(0, FRAMES, 4)) | set(range(REVEAL - 1, REVEAL + 3)))
    photo_masked, exposed = [], []
    for i in sampled:
        frame, tape = tape_clip["frames"][i], tape_clip["boxes"][i]
        # masks of the name tape itself, not large regions that happen to hold it
        own = [b for b in (d.mask_box or d.box for d in photo.detect(frame))
               if b[2] * b[3] <= 4 * tape[2] * tape[3]]
        if _coverage(own, tape) < 0.7:
            continue
        photo_masked.append(i)
        if _coverage([box for _, box, _ in index.boxes(i)], tape) < 0.95:
            exposed.append(i)
    # the photo pipeline masks the name whenever it is in sight (hidden before REVEAL)
    assert [i for i in sampled if i >= REVEAL] == photo_masked
    assert exposed == []


def _tape_in_export(box: BoxTuple, crop: tuple[int, int, int, int],
                    out: tuple[int, int]) -> np.ndarray | None:
    """The tape's box in the vertical export (x0, y0, x1, y1, score), None unless whole."""
    cx, cy, cw, ch = crop
    if box[0] < cx or box[0] + box[2] > cx + cw:
        return None
    s = out[0] / cw
    x0, y0 = (box[0] - cx) * s, (box[1] - cy) * s
    return np.array([x0, y0, x0 + box[2] * s, y0 + box[3] * s, 1.0], np.float32)


def test_vertical_export_keeps_the_name_tape_masked(tape_clip: dict, tmp_path: Path) -> None:
    video = get_preset("tiktok")["video"]
    out = (video["width"], video["height"])
    crop = crop_for_aspect(*SIZE, out[0] / out[1])  # no face: the centred crop
    masked = tmp_path / "anonymise.mp4"
    anonymize_video(tape_clip["clip"], masked, detector=None, style=MaskStyle(),
                    tracks=tape_clip["tracks"])
    reads = {}
    for name, src in (("raw", tape_clip["clip"]), ("masked", masked)):
        exported = export_video(src, video, tmp_path / f"{name}_tiktok.mp4")
        assert (exported["width"], exported["height"]) == out
        frames = decode(tmp_path / f"{name}_tiktok.mp4")
        visible = [i for i in range(REVEAL, FRAMES)
                   if _tape_in_export(tape_clip["boxes"][i], crop, out) is not None]
        boxes = np.stack([_tape_in_export(tape_clip["boxes"][i], crop, out) for i in visible])
        reads[name] = [read_text(frames[i], boxes[k:k + 1])[0][0]
                       for k, i in enumerate(visible)]
    assert len(reads["raw"]) >= 10
    assert sum(NAME in text.replace(" ", "") for text in reads["raw"]) >= 0.8 * len(reads["raw"])
    assert not any(NAME in text.replace(" ", "") for text in reads["masked"])
