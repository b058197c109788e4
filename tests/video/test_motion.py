"""Camera motion estimation and tracks carried by it."""

from __future__ import annotations

import numpy as np
import pytest

from mediakit.privacy.regions import Detection
from mediakit.video.motion import IDENTITY, MotionEstimator, Motions, carry, warp_box
from mediakit.video.tracking import EDGE_EXTEND_S, LiveTrack, Tracker, extension, to_data

SIZE = (1280, 720)


def _texture(w: int, h: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (h // 8, w // 8), dtype=np.uint8)
    return np.kron(small, np.ones((8, 8), np.uint8))


def _motions(n: int, dx: float, dy: float = 0.0) -> Motions:
    motions = Motions()
    for _ in range(n):
        m = IDENTITY.copy()
        m[:, 2] = (dx, dy)
        motions.append(m)
    return motions


def test_estimator_measures_a_pan_in_full_frame_pixels() -> None:
    scene = _texture(1600, 900)
    est = MotionEstimator(SIZE)
    first = est.step(scene[50:50 + 720, 100:100 + 1280])
    assert np.allclose(first, IDENTITY)  # nothing to compare with yet
    moved = est.step(scene[50 + 6:50 + 6 + 720, 100 - 12:100 - 12 + 1280])
    # the camera moved left/down: the picture moves right by 12 px and up by 6 px
    assert moved[0, 2] == pytest.approx(12, abs=1.0) and moved[1, 2] == pytest.approx(-6, abs=1.0)
    assert np.allclose(moved[:, :2], np.eye(2), atol=0.01)
    est.reset()
    assert np.allclose(est.step(scene[:720, :1280]), IDENTITY)


def test_flat_picture_has_no_motion() -> None:
    est = MotionEstimator(SIZE)
    flat = np.full((720, 1280), 90, np.uint8)
    est.step(flat)
    assert np.allclose(est.step(flat), IDENTITY)


def test_carry_both_ways() -> None:
    motions = _motions(10, 5.0, -2.0)
    box = (100.0, 100.0, 40.0, 40.0)
    assert carry(box, motions, 2, 6) == pytest.approx((120, 92, 40, 40))
    assert carry(carry(box, motions, 2, 6), motions, 6, 2) == pytest.approx(box)
    zoom = np.array([[2.0, 0, 0], [0, 2.0, 0]])
    assert warp_box(box, zoom) == pytest.approx((200, 200, 80, 80))


def _leaving_track() -> LiveTrack:
    # a plate near the right border, last seen at frame 48, the camera panning left
    boxes = [(1180.0 + 10 * k, 300.0, 80.0, 20.0) for k in range(3)]
    return LiveTrack(1, "plate", [40, 44, 48], boxes, [0.9] * 3)


def test_track_leaving_the_picture_ends_when_its_mask_is_out() -> None:
    track = _leaving_track()
    moving = _motions(200, 5.0)  # the picture moves right 5 px a frame
    first, last, keys = extension(track, 200, [], 8, SIZE, 25, moving)
    edge = round(EDGE_EXTEND_S * 25)
    # the box (x=1200 at 48, touching the border) is carried right and is (nearly) out of
    # the picture ~14 frames later, not held at the border for the full EDGE_EXTEND_S
    assert 48 + 12 < last < 48 + 25 < 48 + edge
    x, _, _, _ = keys[last]
    assert x < SIZE[0] and keys[last][0] > keys[48 + 2][0]  # it moved with the picture
    # a static camera: nothing says it has gone, the mask is held for the full extension
    still = _motions(200, 0.0)
    assert extension(track, 200, [], 8, SIZE, 25, still)[1] == 48 + edge


def test_entering_track_is_carried_back_to_its_entry() -> None:
    # first detected at frame 40 half inside the left border, the picture moving right
    track = LiveTrack(1, "face", [40, 42], [(-20.0, 300.0, 60.0, 60.0), (-10.0, 300, 60, 60)],
                      [0.9, 0.9])
    first, last, keys = extension(track, 200, [], 8, SIZE, 25, _motions(200, 5.0))
    # 40 px of it inside at 40: wholly out ~9 frames earlier, under a quarter of it inside
    # (CARRY_MIN_INSIDE: a sliver of the face) ~6 frames earlier
    assert 40 - 9 < first <= 40 - 5
    data = to_data(track, 1, 200, [], 8, SIZE, 25, _motions(200, 5.0))
    assert data["frames"] == [first, last]
    assert str(first) in data["keyframes"] and data["keyframes"][str(first)][0] < -20


def test_weak_detections_continue_a_track_but_do_not_make_one() -> None:
    tracker = Tracker(keep_score=0.3)

    def det(x: float, score: float) -> Detection:
        box = (x, 100.0, 40.0, 40.0)
        return Detection("face", box, score, "t", mask_box=box)

    for f in range(0, 20, 2):  # a face seen clearly from frame 6 on, weakly before
        tracker.update(f, [det(100 + f, 0.9 if f >= 6 else 0.2), det(600, 0.2)])
    [kept] = tracker.finish()  # the weak-only track at x=600 is dropped
    assert kept.frames[0] == 0 and kept.boxes[0][0] == 100


def test_changes_mark_what_came_in_and_what_moved_not_the_panned_background() -> None:
    from mediakit.video.motion import Changes

    scene = _texture(1600, 900)
    est = MotionEstimator(SIZE)
    changes = Changes(est)
    assert changes.mask() is None  # no reference yet
    est.step(scene[50:770, 100:1380])
    changes.set_reference()
    assert not changes.mask().any()  # the reference itself
    frame = scene[50:770, 100 - 40:100 - 40 + 1280].copy()  # panned: 40 px came in on the left
    frame[300:420, 600:720] = 255 - frame[300:420, 600:720]  # and something changed inside
    changes.step(est.step(frame))
    mask = changes.mask()
    sx = est.small[0] / SIZE[0]
    cols = np.nonzero(mask.any(0))[0]
    assert mask[:, : int(30 * sx)].all()  # the strip that came in
    inside = mask[int(320 * sx * 0.95):int(400 * sx), int(620 * sx):int(700 * sx)]
    assert inside.mean() > 0.5  # the change (where it is more than a few grey levels;
    # the regions scanned are this mask widened by REGION_PAD)
    assert mask.mean() < 0.15 and int(500 * sx) not in cols  # not the rest of the picture
    changes.invalidate()
    assert changes.mask() is None


def test_same_picture_tolerates_noise_only() -> None:
    from mediakit.video.motion import same_picture

    rng = np.random.default_rng(1)
    a = _texture(320, 176)
    noisy = np.clip(a.astype(int) + rng.integers(-1, 2, a.shape), 0, 255).astype(np.uint8)
    assert same_picture(a, noisy)
    assert not same_picture(a, np.roll(a, 8, axis=1))


def test_carried_mask_ends_when_a_sliver_is_left() -> None:
    from mediakit.video.tracking import CARRY_MIN_INSIDE, _outside

    size = (1280, 720)
    assert not _outside((1200.0, 300.0, 80.0, 80.0), size)  # whole
    assert not _outside((1250.0, 300.0, 80.0, 80.0), size)  # 30 of 80 px inside
    inside = CARRY_MIN_INSIDE * 80 - 1
    assert _outside((1280.0 - inside, 300.0, 80.0, 80.0), size)
    assert _outside((-79.0, -79.0, 80.0, 80.0), size)  # a corner pixel only
    assert _outside((1300.0, 300.0, 80.0, 80.0), size)


def test_plate_boxed_on_its_last_characters_at_the_border_keeps_its_width() -> None:
    from mediakit.video.tracking import hold_at_border

    moving = _motions(60, 5.0)  # the picture moves right 5 px a frame: the plate leaves
    # a plate 120 px wide reaching the right border, then boxed on 40 px of its characters
    boxes = [(1150.0, 500.0, 120.0, 30.0), (1160.0, 500.0, 120.0, 30.0), (1238.0, 502.0, 40.0, 26.0)]
    held = hold_at_border([10, 12, 14], boxes, moving, SIZE)
    x, y, w, h = held[2]
    assert x <= 1170.0 + 1e-6 and x + w >= SIZE[0] - 1e-6  # the carried plate, to the border
    assert held[:2] == boxes[:2]
    # away from the border a narrower box is left alone (a plate farther away)
    inner = [(500.0, 300.0, 120.0, 30.0), (520.0, 300.0, 40.0, 12.0)]
    assert hold_at_border([10, 12], inner, moving, SIZE) == inner
    # a plate coming in: the first, partial box is joined to the next one carried back
    entering = [(0.0, 400.0, 30.0, 20.0), (0.0, 400.0, 110.0, 30.0)]
    first = hold_at_border([20, 22], entering, moving, SIZE)[0]  # it moves right, in
    assert first[0] == 0.0 and first[2] >= 90.0


def test_one_face_boxed_twice_makes_one_track_covering_both_boxes() -> None:
    from mediakit.video.detect import join_twins

    a = Detection("face", (100, 100, 40, 50), 0.9, "t", mask_box=(90, 90, 60, 70))
    b = Detection("face", (104, 96, 40, 56), 0.2, "t", mask_box=(94, 86, 60, 76))
    far = Detection("face", (300, 100, 40, 50), 0.5, "t", mask_box=(290, 90, 60, 70))
    plate = Detection("plate", (95, 95, 40, 50), 0.8, "t", mask_box=(92, 88, 58, 70))
    out = join_twins([b, far, a, plate])
    faces = [d for d in out if d.label == "face"]
    assert len(faces) == 2 and len(out) == 3
    joined = max(faces, key=lambda d: d.score)
    assert joined.score == 0.9 and joined.box == a.box
    assert joined.mask_box == (90, 86, 64, 76)  # holds both mask boxes
    tracker = Tracker()
    for frame in (0, 2, 4):
        tracker.update(frame, join_twins([a, b]))
    assert len(tracker.finish()) == 1
