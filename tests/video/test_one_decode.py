"""One decode for detection, tracking and masking: the same masks as detecting first and
decoding again, tracks still reaching back to an object's first frame, bounded memory, and
a second decode only when a track reaches back further than the look-ahead."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mediakit.privacy.masking import MaskStyle
from mediakit.video import stream
from mediakit.video.anonymize import anonymize_video
from mediakit.video.onepass import LOOKAHEAD_BYTES, LOOKAHEAD_MIN, lookahead_frames
from tests.video.conftest import SquareDetector, decode, is_masked, square_frames, write_clip

SOLID = MaskStyle(style="solid")
EDGE = (260, 60, 60, 60)  # a square against the right border (320 px wide frames)


@pytest.fixture()
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every source decode started (FrameReader instances), by path."""
    started: list[Path] = []
    real = stream.FrameReader.__init__

    def counting(self: stream.FrameReader, path: str | Path, *args: object, **kw: object) -> None:
        started.append(Path(path))
        real(self, path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(stream.FrameReader, "__init__", counting)
    return started


def test_one_decode_gives_the_two_decode_masks(square_clip: Path, tmp_path: Path,
                                               decodes: list[Path]) -> None:
    one = anonymize_video(square_clip, tmp_path / "one.mp4", detector=SquareDetector(),
                          style=SOLID)
    assert one["passes"] == 1 and len(decodes) == 1  # detection and masking: one decode
    two = anonymize_video(square_clip, tmp_path / "two.mp4", detector=SquareDetector(),
                          style=SOLID, one_pass=False)
    assert two["passes"] == 2 and len(decodes) == 3
    a, b = decode(tmp_path / "one.mp4"), decode(tmp_path / "two.mp4")
    assert len(a) == len(b) == 40
    diff = max(float(np.abs(x.astype(int) - y.astype(int)).mean()) for x, y in zip(a, b,
                                                                                   strict=True))
    assert diff < 0.5  # the same frames, masked the same (encoder noise only)


def test_a_face_found_late_is_masked_from_its_first_frame(tmp_path: Path,
                                                          decodes: list[Path]) -> None:
    """The square is at the border from frame 0 but found from frame 40 only (the edge
    extension reaches 1.5 s back): masked from frame 3 on, in one decode."""
    clip = write_clip(tmp_path / "edge.mp4", square_frames(62, square=EDGE), audio=False)
    report = anonymize_video(clip, tmp_path / "out.mp4", detector=SquareDetector(from_frame=40),
                             style=SOLID)
    assert report["passes"] == 1 and len(decodes) == 1
    frames = decode(tmp_path / "out.mp4")
    first = next(i for i, f in enumerate(frames) if is_masked(f, EDGE))
    assert first <= 40 - 36 and all(is_masked(f, EDGE) for f in frames[first:])


def test_beyond_the_look_ahead_a_second_decode_masks_it_all(
        tmp_path: Path, decodes: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """With a look-ahead of LOOKAHEAD_MIN frames, the track found at frame 40 reaches back
    past frames already written: checked, and the clip rendered again from the final
    tracks; the output is the one a longer look-ahead gives."""
    monkeypatch.setenv("MEDIAKIT_VIDEO_LOOKAHEAD_MB", "0.01")
    clip = write_clip(tmp_path / "edge.mp4", square_frames(62, square=EDGE), audio=False)
    report = anonymize_video(clip, tmp_path / "out.mp4", detector=SquareDetector(from_frame=40),
                             style=SOLID)
    assert report["passes"] == 2 and len(decodes) == 2 and report["second_pass"]
    frames = decode(tmp_path / "out.mp4")
    first = next(i for i, f in enumerate(frames) if is_masked(f, EDGE))
    assert first <= 40 - 36 and all(is_masked(f, EDGE) for f in frames[first:])
    assert len(frames) == 62 and report["frames"] == 62


def test_memory_is_bounded_whatever_the_length() -> None:
    """The ring: 2.5 s where it fits (1080p), else the byte budget (4K), never under
    LOOKAHEAD_MIN frames; it does not depend on the clip's length."""
    assert lookahead_frames(30, (1920, 1080)) == 75
    four_k = lookahead_frames(30, (3840, 2160))
    assert four_k * 3840 * 2160 * 3 // 2 <= LOOKAHEAD_BYTES and four_k >= 45
    assert lookahead_frames(60, (7680, 4320)) == LOOKAHEAD_MIN
