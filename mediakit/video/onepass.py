"""Detection, tracking and masking from one decode of the source.

Frames are decoded once, at full size (planar yuv420p). Each goes to the detectors at their
size (:class:`mediakit.video.detect.VideoTracker`; ffmpeg scales the same decoded frame to a
second pipe, on its own threads: 7 ms a 720p frame saved on the Python side) and into
a look-ahead ring; a frame leaves the ring, masked with the tracks found so far, once
LOOKAHEAD_S seconds more have been detected: a face or plate found later is still masked
back to its first frame, as long as that is within the look-ahead (tracks are extended
backwards by at most EDGE_EXTEND_S, and an object is found a few frames after it appears).
The last frames are masked with the final tracks.

Memory is the ring, bounded by LOOKAHEAD_BYTES (so shorter at 4K), whatever the clip's
length. Nothing is left to chance: once the final tracks are
known, every frame already written is checked against them (each box the final tracks mask
there lies inside what was masked, and no track of the *laisser visible* list was masked);
if one is not, the clip is rendered again from the final tracks (a second decode, reported
as ``passes: 2``), as the two-pass pipeline did.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from mediakit.errors import Cancelled, MediaError
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.people import PeopleMatcher
from mediakit.privacy.regions import BoxTuple, clip_box
from mediakit.video.detect import VideoTracker, covered_share
from mediakit.video.stream import FrameReader, FrameWriter, even_size
from mediakit.video.tracks import TrackIndex

# Seconds detected ahead of the frame being masked. A track found late reaches furthest
# back when it enters at the border (EDGE_EXTEND_S, 1.5 s, before its second detection) and
# is a plate (its second detection 12-24 frames after the first): about 2.3 s.
LOOKAHEAD_S = 2.5
# At most this much frame memory in the ring (MEDIAKIT_VIDEO_LOOKAHEAD_MB to change it):
# 1080p holds the whole 2.5 s (230 MB at 30 fps), 4K 51 frames (1.7 s at 30 fps).
LOOKAHEAD_BYTES = 640 * 2**20
LOOKAHEAD_MIN = 24  # frames, whatever the size
WRITE_QUEUE = 2  # frames handed to the encoder's writing thread

Masker = Callable[[np.ndarray, Sequence[BoxTuple], MaskStyle], None]


def lookahead_frames(fps: float, size: tuple[int, int]) -> int:
    """Frames the ring holds for a clip of ``size`` (w, h) at ``fps``."""
    frame_bytes = size[0] * size[1] * 3 // 2
    budget = LOOKAHEAD_BYTES
    with contextlib.suppress(KeyError, ValueError):
        budget = int(float(os.environ["MEDIAKIT_VIDEO_LOOKAHEAD_MB"]) * 2**20)
    return max(LOOKAHEAD_MIN, min(int(round(LOOKAHEAD_S * fps)), budget // frame_bytes))


def covered(final: Sequence[BoxTuple], masked: Sequence[BoxTuple], size: tuple[int, int],
            ) -> bool:
    """Whether every box of ``final`` (clipped to the frame, less a pixel each side)
    lies inside the union of ``masked`` (sampled every 2 px)."""
    for box in final:
        x, y, w, h = clip_box(box, *size)
        if w <= 2 or h <= 2:
            continue
        inner = (x + 1, y + 1, w - 2, h - 2)
        cells = max(16, int(max(w, h) / 2))
        if covered_share(inner, masked, cells) < 1.0:
            return False
    return True


def anonymize_one_pass(path: Path, tmp: Path, info: dict[str, Any], *, detector: Any,
                       style: MaskStyle, mask: Masker, audio_args: Sequence[str],
                       matcher: PeopleMatcher | None = None,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None,
                       **track_options: Any) -> dict[str, Any]:
    """Detect, track and mask ``path`` into ``tmp`` from one decode (a second only when the
    check of the module docstring fails); the tracking result with ``passes``,
    ``frames_written``, ``frames_masked`` and ``lookahead`` added."""
    size = even_size(info["width"], info["height"])
    rate = float(info["rate"])
    tracker = VideoTracker(info, detector, matcher=matcher, **track_options)
    ahead = lookahead_frames(rate, size)
    reader = FrameReader(path, (info["width"], info["height"]), rate, pix_fmt="yuv420p",
                         hdr=info.get("hdr"), small=tracker.decoded)
    writer = FrameWriter(tmp, path, size, rate, audio_args, sdr_tags=bool(info.get("hdr")),
                         queued=WRITE_QUEUE)
    ring: deque[np.ndarray] = deque()
    masked_at: list[list[BoxTuple]] = []  # what each written frame got (a few boxes each)
    written = masked_frames = 0
    expected = max(1, int(info.get("frames") or 0))
    try:
        for frame, small in reader:
            if cancelled and cancelled():
                raise Cancelled("anonymisation annulée")
            count = tracker.feed(small)
            ring.append(frame)
            if len(ring) > ahead:
                boxes = tracker.masks(written)
                out = ring.popleft()
                if boxes:
                    mask(out, boxes, style)
                    masked_frames += 1
                writer.write(out)
                masked_at.append(boxes)
                written += 1
            if progress:
                progress(count, max(expected, count))
        if tracker.count == 0:
            raise MediaError(path, "aucune image décodable")
        result = tracker.result()
        index = TrackIndex(result["tracks"])
        early = written
        while ring:
            out = ring.popleft()
            boxes = [box for _, box, _ in index.boxes(written)]
            if boxes:
                mask(out, boxes, style)
                masked_frames += 1
            writer.write(out)
            written += 1
        reason = _recheck(result, index, masked_at, size, early)
        if reason is None:
            writer.finish()
        else:
            writer.close()
    except BaseException:
        writer.close()
        reader.close()
        raise
    result.update(passes=1 if reason is None else 2, frames_written=written,
                  frames_masked=masked_frames, lookahead=ahead)
    if reason is not None:
        result["second_pass"] = reason
    return result


def _recheck(result: dict[str, Any], index: TrackIndex, masked_at: list[list[BoxTuple]],
             size: tuple[int, int], early: int) -> str | None:
    """None when the frames written before the end (``early`` of them) masked all the final
    tracks mask there and nothing kept visible; otherwise why not."""
    for track in result["tracks"]:
        person = track.get("person") or {}
        if person.get("list") == "keep_visible" and int(track["frames"][0]) < early:
            return "une personne de la liste « laisser visible » a été reconnue"
    for frame in range(early):
        final = [box for _, box, _ in index.boxes(frame)]
        if final and not covered(final, masked_at[frame], size):
            return f"piste prolongée en arrière au-delà de l'avance (image {frame})"
    return None
