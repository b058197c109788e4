"""Tracks as project data: interpolation, undoable edits, and their effect on the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.errors import ProjectError
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.regions import Detection
from mediakit.video import tracks as tr
from mediakit.video.operation import anonymize_items, detect_item
from mediakit.video.tracking import Tracker
from tests.video.conftest import SQUARE, SquareDetector, decode, is_masked


def test_interpolation_and_extrapolation() -> None:
    track = {"id": "t1", "label": "face", "source": "manual", "state": "accepted",
             "frames": [0, 20], "keyframes": {"4": [0, 0, 10, 10], "8": [40, 0, 10, 10]}}
    boxes = tr.TrackBoxes(track)
    assert boxes.box(6) == (20, 0, 10, 10)
    assert boxes.box(0) == (0, 0, 10, 10) and boxes.box(20) == (40, 0, 10, 10)  # held
    assert boxes.box(21) is None
    auto = tr.TrackBoxes({**track, "source": "auto"})
    x, _, w, _ = auto.box(10)
    assert x + w >= 60 + 10  # moves on at its speed, and grows with it


def test_tracker_bridges_a_gap() -> None:
    tracker = Tracker(max_gap=8)
    for f in (0, 4, 12, 16):  # missed at 8
        box = (10.0 + 2 * f, 10.0, 20.0, 20.0)
        tracker.update(f, [Detection("face", box, 0.9, "t", mask_box=box)])
    assert [t.frames for t in tracker.finish()] == [[0, 4, 12, 16]]


def _plate(box: tuple[float, float, float, float], score: float = 0.9) -> Detection:
    return Detection("plate", box, score, "t", mask_box=box)


def test_plate_boxed_differently_on_a_crop_stays_one_track() -> None:
    whole = (100.0, 100.0, 120.0, 30.0)  # the plate found on the whole frame
    part = (170.0, 105.0, 30.0, 16.0)  # part of its text found on a crop: IoU under 0.15
    tracker = Tracker()
    tracker.update(0, [_plate(whole)])
    tracker.update(8, [_plate(part)])  # crop: inside the track's box
    tracker.update(16, [_plate(whole), _plate(part, 0.5)])  # overlapping crops: both
    tracker.update(24, [_plate(whole)])
    tracks = tracker.finish()
    assert [t.frames for t in tracks] == [[0, 8, 16, 24]]
    assert tracks[0].boxes[2] == whole  # the part joined to the whole box


def test_plate_tracks_boxing_the_same_plate_are_merged() -> None:
    tracker = Tracker()
    tracker.update(0, [_plate((100.0, 100.0, 120.0, 30.0)), _plate((400.0, 100.0, 80.0, 20.0))])
    tracks = tracker.live
    # a duplicate of the first plate, as split tracks were built before, seen on 8 and 16
    dup = type(tracks[0])(99, "plate", [8, 16], [(170.0, 105.0, 30.0, 16.0)] * 2, [0.6, 0.6])
    tracker.update(8, [_plate((100.0, 100.0, 120.0, 30.0)), _plate((400.0, 100.0, 80.0, 20.0))])
    tracker.update(16, [_plate((100.0, 100.0, 120.0, 30.0))])
    tracker.done.append(dup)
    tracks = tracker.finish()
    assert [t.frames for t in tracks] == [[0, 8, 16], [0, 8]]  # the other plate kept apart
    faces = Tracker()
    faces.update(0, [Detection("face", (0.0, 0.0, 40.0, 40.0), 0.9, "t"),
                     Detection("face", (5.0, 5.0, 10.0, 10.0), 0.9, "t")])
    assert len(faces.finish()) == 2  # faces: a small face next to a larger one is another


def _operation(tmp_path: Path, clip: Path) -> tuple[Operation, str]:
    op = Operation.create(tmp_path / "op", "test")
    import_files(op, [clip])
    sha = next(iter(op.items))
    return op, sha


def test_edited_tracks_change_the_output(square_clip: Path, tmp_path: Path) -> None:
    op, sha = _operation(tmp_path, square_clip)
    found = detect_item(op, sha, SquareDetector())
    assert len(found) == 1 and found[0]["frames"] == [0, 39]
    track_id = found[0]["id"]
    tr.set_state(op, sha, track_id, tr.REJECTED)
    manual = tr.add_track(op, sha, "face", 0, (20, 150, 40, 40), last=39)
    tr.set_keyframe(op, sha, manual, 39, (260, 150, 40, 40))
    style = MaskStyle(style="solid")
    [result] = anonymize_items(op, tmp_path / "out", detector=SquareDetector(), style=style)
    frames = decode(Path(result["output"]))
    assert not any(is_masked(f, SQUARE) for f in frames)  # rejected track left visible
    assert float(frames[0][155:185, 25:55].mean()) < 40  # manual box at its first keyframe
    assert float(frames[39][155:185, 265:295].mean()) < 40  # ... and at its last
    assert float(frames[20][155:185, 145:175].mean()) < 40  # interpolated in between
    for _ in range(4):  # export record, keyframe, manual track, rejection
        op.doc.undo()
    assert tr.item_tracks(op, sha)[0]["state"] == "accepted"
    assert len(tr.item_tracks(op, sha)) == 1


def test_cut_and_extend(square_clip: Path, tmp_path: Path) -> None:
    op, sha = _operation(tmp_path, square_clip)
    [track] = detect_item(op, sha, SquareDetector())
    tr.set_span(op, sha, track["id"], first=10, last=20)
    cut = tr.item_tracks(op, sha)[0]
    assert cut["frames"] == [10, 20]
    assert all(10 <= int(f) <= 20 for f in cut["keyframes"])
    tr.set_span(op, sha, track["id"], last=30)
    assert tr.TrackBoxes(tr.item_tracks(op, sha)[0]).box(30) is not None
    with pytest.raises(ProjectError, match="pas d'image clé"):
        tr.remove_keyframe(op, sha, track["id"], 25)


def test_tracks_command(square_clip: Path, tmp_path: Path, capsys) -> None:
    from mediakit.cli import main

    op, sha = _operation(tmp_path, square_clip)
    [track] = detect_item(op, sha, SquareDetector())
    op.save()
    root = str(op.root)
    assert main(["tracks", root, sha[:8], "reject", track["id"]]) == 0
    assert main(["tracks", root, sha[:8], "add", "--frame", "5", "--box", "1,2,30,40",
                 "--last", "9"]) == 0
    new_id = capsys.readouterr().out.strip()
    assert main(["tracks", root, sha[:8], "keyframe", new_id, "--frame", "9",
                 "--box", "11,2,30,40"]) == 0
    assert main(["tracks", root, sha[:8], "list"]) == 0
    listing = capsys.readouterr().out
    assert "laissé visible" in listing and new_id in listing
    saved = Operation.open(op.root).items[sha]["tracks"]
    assert saved[0]["state"] == "rejected" and saved[1]["keyframes"]["9"] == [11, 2, 30, 40]


def test_extrapolation_never_shrinks_to_nothing() -> None:
    track = {"id": "t1", "label": "face", "source": "auto", "state": "accepted",
             "frames": [0, 30], "keyframes": {"10": [0, 0, 200, 200], "12": [20, 20, 40, 40]}}
    boxes = tr.TrackBoxes(track)
    for frame in range(31):
        box = boxes.box(frame)
        assert box is not None and box[2] > 0 and box[3] > 0


def test_track_entering_through_the_border_is_extended_back_to_its_entry():
    from mediakit.video.tracking import EDGE_EXTEND_S, LiveTrack, track_span

    size = (1280, 720)
    inside = LiveTrack(1, "plate", [40, 44, 48], [(600, 300, 80, 20)] * 3, [0.9] * 3)
    entering = LiveTrack(2, "plate", [40, 44, 48],
                         [(1230, 300, 80, 20), (1200, 300, 80, 20), (1170, 300, 80, 20)],
                         [0.9] * 3)
    assert track_span(inside, 200, [], 8, size, 25) == (32, 56)
    first, last = track_span(entering, 200, [], 8, size, 25)
    assert first == 40 - round(EDGE_EXTEND_S * 25) and last == 56
    assert track_span(entering, 200, [30], 8, size, 25)[0] == 30  # never across a cut
    # the extended frames are masked over the sliver still visible at the border
    data_boxes = tr.TrackBoxes({"label": "plate", "source": "auto", "frames": [first, last],
                                "keyframes": {"40": [1230, 300, 80, 20], "44": [1200, 300, 80, 20],
                                              "48": [1170, 300, 80, 20]}})
    x, _, w, _ = data_boxes.box(first)
    assert x + w >= size[0]
