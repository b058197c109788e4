"""Video anonymisation: with no tracks given, detection, tracking and masking from one
decode of the source (:mod:`mediakit.video.onepass`); with the reviewed tracks of a project,
one streaming pass decode → mask → encode. The audio is kept, muted, bleeped or disguised,
no metadata is written, and the output appears only once complete (atomic rename)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from mediakit.atomic import atomic_path
from mediakit.errors import Cancelled, display_path
from mediakit.privacy.masking import STYLE_NOTES, MaskStyle, apply_masks
from mediakit.privacy.people import PeopleMatcher
from mediakit.privacy.regions import PLATE, TEXT, BoxTuple, clip_box, region_label
from mediakit.video.audio import Segment, audio_args
from mediakit.video.detect import source_info, track_video
from mediakit.video.onepass import anonymize_one_pass
from mediakit.video.stream import FrameReader, FrameWriter, even_size
from mediakit.video.tracks import SUSPECT, TrackIndex, is_masked

if TYPE_CHECKING:
    from mediakit.video.voice import VoicePlan

Progress = Callable[[int, int, str], None]
SOURCE_METADATA = (("creation_time", "capture_date"), ("location", "gps"),
                   ("make", "camera_make"), ("model", "camera_model"))


def metadata_removed(info: dict[str, Any]) -> list[str]:
    """Identifying metadata the source carried (none of it is written to the output)."""
    found = [key for key, field in SOURCE_METADATA if info.get(field)]
    if info.get("rotation"):
        found.append("rotation (appliquée aux images)")
    return found


def mask_i420(frame: np.ndarray, boxes: Sequence[BoxTuple], style: MaskStyle) -> None:
    """Mask ``boxes`` on a planar yuv420p frame ((H·3/2)×W, in place) with
    :func:`apply_masks`: only each box's neighbourhood goes through RGB."""
    height, width = frame.shape[0] * 2 // 3, frame.shape[1]
    flat = frame.reshape(-1)
    y_plane = flat[:height * width].reshape(height, width)
    quarter = height * width // 4
    u_plane = flat[height * width:height * width + quarter].reshape(height // 2, width // 2)
    v_plane = flat[height * width + quarter:].reshape(height // 2, width // 2)
    for box in boxes:
        if box[2] <= 0 or box[3] <= 0:
            continue
        pad = 2 + int(round(style.feather * min(box[2], box[3]))) if style.feather > 0 else 2
        x, y, w, h = clip_box((box[0] - pad, box[1] - pad, box[2] + 2 * pad, box[3] + 2 * pad),
                              width, height)
        x0, y0 = int(x) & ~1, int(y) & ~1
        x1 = min(width, (int(np.ceil(x + w)) + 1) & ~1)
        y1 = min(height, (int(np.ceil(y + h)) + 1) & ~1)
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        rw, rh = x1 - x0, y1 - y0
        roi = np.empty((rh * 3 // 2, rw), np.uint8)
        rflat = roi.reshape(-1)
        rq = rw * rh // 4
        roi[:rh] = y_plane[y0:y1, x0:x1]
        rflat[rw * rh:rw * rh + rq] = u_plane[y0 // 2:y1 // 2, x0 // 2:x1 // 2].reshape(-1)
        rflat[rw * rh + rq:] = v_plane[y0 // 2:y1 // 2, x0 // 2:x1 // 2].reshape(-1)
        rgb = cv2.cvtColor(roi, cv2.COLOR_YUV2RGB_I420)
        apply_masks(rgb, [(box[0] - x0, box[1] - y0, box[2], box[3])], style)
        back = cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420).reshape(-1)
        y_plane[y0:y1, x0:x1] = back[:rw * rh].reshape(rh, rw)
        u_plane[y0 // 2:y1 // 2, x0 // 2:x1 // 2] = back[rw * rh:rw * rh + rq].reshape(rh // 2,
                                                                                       rw // 2)
        v_plane[y0 // 2:y1 // 2, x0 // 2:x1 // 2] = back[rw * rh + rq:].reshape(rh // 2, rw // 2)


def anonymize_video(path: str | Path, out: str | Path, *, detector: Any, style: MaskStyle,
                    matcher: PeopleMatcher | None = None,
                    tracks: list[dict[str, Any]] | None = None, audio: str = "keep",
                    bleeps: Sequence[Segment] = (), voice: VoicePlan | None = None,
                    progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None, fps: float | None = None,
                    one_pass: bool = True, **track_options: Any) -> dict[str, Any]:
    """Mask every face and plate of a video into ``out`` (MP4, H.264) and return a report.

    ``tracks`` (project tracks, already reviewed) replaces a fresh detection when given,
    ``fps`` the rate their frames count at (the project's detection rate; default the
    source's, see :func:`mediakit.video.detect.source_info`). ``voice`` disguises the voice
    over its ranges (see :mod:`mediakit.video.voice`). ``one_pass``: a fresh detection
    masks from the same decode (False: detect, then decode again to mask).
    """
    path, out = Path(path), Path(out)
    info = source_info(path)
    if fps:
        info["rate"] = float(fps)
    name = display_path(path.name)
    pass1: dict[str, Any] = {}
    a_args, audio_action = audio_args(audio, info.get("audio_codec"), bool(info.get("audio")),
                                      bleeps, voice)
    size = even_size(info["width"], info["height"])
    masked_frames = 0
    with atomic_path(out) as tmp:
        if tracks is None and one_pass:
            pass1 = anonymize_one_pass(
                path, tmp, info, detector=detector, style=style, mask=mask_i420,
                audio_args=a_args, matcher=matcher, cancelled=cancelled,
                progress=(lambda d, t: progress(d, t, name)) if progress else None,
                **track_options)
            tracks = pass1["tracks"]
            written, masked_frames = pass1["frames_written"], pass1["frames_masked"]
        if tracks is None:
            pass1 = track_video(path, detector, matcher=matcher, info=info,
                                cancelled=cancelled,
                                progress=(lambda d, t: progress(d, 2 * t, name)) if progress
                                else None, **track_options)
            tracks = pass1["tracks"]
        if not pass1 or pass1.get("passes", 2) == 2:
            written, masked_frames = _render(path, tmp, info, tracks, style, a_args,
                                             progress, cancelled, name,
                                             int(pass1.get("frames") or 0))
    masked = [t for t in tracks if is_masked(t)]
    return {
        "file": display_path(path),
        "output": display_path(out),
        "width": size[0],
        "height": size[1],
        "fps": info["rate"],
        "frames": written,
        "passes": pass1.get("passes", 2) if pass1 else 1,
        "second_pass": pass1.get("second_pass"),
        "hdr_tonemapped": info.get("hdr"),
        "rotation_applied": info.get("rotation", 0),
        "style": style.style,
        "style_note": STYLE_NOTES[style.style],
        "tracks": len(tracks),
        "tracks_masked": len(masked),
        "faces": sum(t["label"] == "face" for t in masked),
        "plates": sum(region_label(t) == PLATE for t in masked),
        "texts": sum(region_label(t) == TEXT for t in masked),
        "frames_masked": masked_frames,
        "people_kept": [t["person"] for t in tracks
                        if t.get("person") and not is_masked(t)],
        "audio": audio_action,
        "bleeps": [list(b) for b in bleeps] if audio_action == "bleeped" else [],
        "voice": (voice.as_json() if voice is not None and audio_action in
                  ("bleeped", "disguised") else []),
        "metadata_removed": metadata_removed(info),
        "detections_run": pass1.get("detections_run"),
    }


def _render(path: Path, tmp: Path, info: dict[str, Any], tracks: list[dict[str, Any]],
            style: MaskStyle, a_args: Sequence[str], progress: Progress | None,
            cancelled: Callable[[], bool] | None, name: str, detected: int) -> tuple[int, int]:
    """Decode → mask ``tracks`` → encode into ``tmp``; (frames written, frames masked).
    ``detected``: frames of a detection pass just run (progress counts both passes)."""
    size = even_size(info["width"], info["height"])
    index = TrackIndex(tracks)
    expected = max(1, int(detected or info.get("frames") or 0))
    masked_frames = 0
    reader = FrameReader(path, (info["width"], info["height"]), info["rate"],
                         pix_fmt="yuv420p", hdr=info.get("hdr"))
    writer = FrameWriter(tmp, path, size, info["rate"], a_args, sdr_tags=bool(info.get("hdr")),
                         queued=2)
    try:
        for i, frame in enumerate(reader):
            if cancelled and cancelled():
                raise Cancelled("anonymisation annulée")
            boxes = [box for _, box, _ in index.boxes(i)]
            if boxes:
                mask_i420(frame, boxes, style)
                masked_frames += 1
            writer.write(frame)
            if progress:
                done = i + 1
                progress(done + (expected if detected else 0),
                         expected * (2 if detected else 1), name)
        writer.finish()
    except BaseException:
        writer.close()
        reader.close()
        raise
    return writer.count, masked_frames


def detect_video(path: str | Path, detector: Any, suspects: bool = False,
                 **track_options: Any) -> list[dict[str, Any]]:
    """One entry per frame: the regions that will be masked, in displayed-frame pixels
    (the format of ``score_video.py``); with ``suspects``, the boxes of the suspect
    tracks too, each with ``"suspect": true`` (not masked unless a person accepts them)."""
    path = Path(path)
    result = track_video(path, detector, **track_options)
    return frame_entries(display_path(path.name), result["tracks"], result["frames"],
                         (result["width"], result["height"]), suspects=suspects)


def frame_entries(name: str, tracks: list[dict[str, Any]], n_frames: int,
                  size: tuple[int, int], suspects: bool = False) -> list[dict[str, Any]]:
    """Per-frame masked regions of ``tracks`` (clipped to the frame); with ``suspects``,
    the regions of the undecided suspect tracks too, flagged ``"suspect": true``."""
    index = TrackIndex(tracks)
    pending = TrackIndex([t for t in tracks if t.get("state") == SUSPECT and not is_masked(t)]
                         if suspects else [], masked_only=False)
    entries = []
    for i in range(n_frames):
        dets = []
        for flag, idx in ((False, index), (True, pending)):
            for label, box, track in idx.boxes(i):
                clipped = clip_box(box, *size)
                if clipped[2] > 0 and clipped[3] > 0:
                    dets.append({"label": label, "box": [round(v, 1) for v in clipped],
                                 "score": track.get("score", 1.0), "track": track["id"],
                                 **({"suspect": True} if flag else {})})
        entries.append({"file": name, "frame": i, "detections": dets})
    return entries
