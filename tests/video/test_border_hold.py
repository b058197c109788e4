"""Masks of an object leaving (or entering) the picture never narrower than the object."""

from __future__ import annotations

from mediakit.privacy.regions import clip_box
from mediakit.video.motion import IDENTITY, Motions
from mediakit.video.tracking import PLATE_VIDEO_WIDEN, LiveTrack, hold_full_size, to_data
from mediakit.video.tracks import TrackBoxes

SIZE = (1280, 720)


def _still(n: int) -> Motions:
    motions = Motions()
    for _ in range(n):
        motions.append(IDENTITY)
    return motions


def _leaving_left(frames: list[int], speed: float = 7.5, width: float = 105.0,
                  shrink: float = 0.9) -> tuple[list[tuple], list[tuple]]:
    """A plate driving out through the left border (camera still): its true box, and the
    boxes a detector gives, only part of what is still inside once it reaches the border,
    a little less each time (a gradual shrink, never under 0.8 of the step before)."""
    truth, seen = [], []
    for k, f in enumerate(frames):
        x = 200.0 - speed * f
        true = (x, 360.0, width, 36.0)
        truth.append(true)
        cx, cy, cw, ch = clip_box(true, *SIZE)
        if x > 0:
            seen.append(true)
        else:  # the inside part, boxed from its right edge, a bit short of the border
            w = cw * shrink ** (k - sum(1 for t in truth if t[0] > 0) + 1)
            seen.append((cx + cw - w, cy, w, ch))
    return truth, seen


def test_box_leaving_the_picture_keeps_the_objects_width() -> None:
    frames = list(range(0, 40, 2))
    truth, seen = _leaving_left(frames)
    held = hold_full_size(frames, seen, SIZE)
    for true, box in zip(truth, held, strict=True):
        visible = clip_box(true, *SIZE)
        if visible[2] <= 0:
            continue
        # what is still in the picture is covered, and the box is as wide as the plate
        assert box[0] <= visible[0] + 1e-6 and box[0] + box[2] >= visible[0] + visible[2] - 1e-6
        assert box[2] >= true[2] - 1e-6
    assert held[:4] == seen[:4]  # clear of the border: unchanged


def test_box_entering_the_picture_is_held_backwards() -> None:
    frames = list(range(0, 40, 2))
    truth, seen = _leaving_left(frames)
    held = hold_full_size(frames[::-1], seen[::-1], SIZE)  # played backwards: coming in
    for true, box in zip(truth[::-1], held, strict=True):
        visible = clip_box(true, *SIZE)
        if visible[2] > 0:
            assert box[0] + box[2] >= visible[0] + visible[2] - 1e-6 and box[2] >= true[2] - 1e-6


def test_away_from_the_border_nothing_is_held() -> None:
    frames = [0, 2, 4, 6]
    shrinking = [(500.0, 300.0, 120.0 - 10 * k, 30.0) for k in range(4)]  # driving away
    assert hold_full_size(frames, shrinking, SIZE) == shrinking


def test_project_track_of_a_plate_leaving_masks_the_whole_plate() -> None:
    """End to end through to_data and the project boxes: on every frame until the plate is
    gone, the masked region covers the plate's visible part and is as wide as the plate."""
    frames = list(range(0, 40, 2))
    truth, seen = _leaving_left(frames)
    track = LiveTrack(1, "plate", frames=frames, boxes=seen, scores=[0.9] * len(frames),
                      confirmed=True)
    data = to_data(track, 1, 60, [], 8, SIZE, 25.0, _still(60))
    boxes = TrackBoxes(data)
    for f in range(0, 40):
        true = (200.0 - 7.5 * f, 360.0, 105.0, 36.0)
        visible = clip_box(true, *SIZE)
        if visible[2] <= 0:
            continue
        box = boxes.box(f)
        assert box is not None, f
        assert box[0] <= visible[0] + 1e-6 and box[0] + box[2] >= visible[0] + visible[2] - 1e-6
        assert box[2] >= true[2] * PLATE_VIDEO_WIDEN - 1e-6


def test_plate_mask_covers_its_bands() -> None:
    """The demo's last frame: the text line's mask box 330 px wide for a plate of 351 px
    (its EU band and regional band outside); the project box holds the whole plate."""
    track = LiveTrack(1, "plate", frames=[168, 174],
                      boxes=[(515.6, 491.6, 327.6, 84.1), (510.3, 490.9, 330.3, 86.8)],
                      scores=[0.9, 0.9], confirmed=True)
    box = TrackBoxes(to_data(track, 1, 175, [], 8, SIZE, 25.0, _still(175))).box(174)
    assert box is not None and box[0] <= 500 - 5 and box[0] + box[2] >= 851 + 5
