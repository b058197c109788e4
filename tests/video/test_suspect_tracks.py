"""Suspect tracks ("à vérifier"): a face scored under the masking threshold is tracked,
stored on the item, never masked until a person accepts it, and holds the review gate."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy.detector import Detector
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.regions import Detection
from mediakit.privacy.review_gate import SUSPECTS, UnreviewedError
from mediakit.video import tracks as tr
from mediakit.video.anonymize import anonymize_video, detect_video
from mediakit.video.detect import LOW_FACE_SCORE, split_detector, track_video
from mediakit.video.operation import detect_item, masked_rendering
from mediakit.video.tracking import Tracker
from tests.video.conftest import SQUARE, SquareDetector, decode, is_masked


class WeakSquare(SquareDetector):
    """The synthetic clip's square found under the masking threshold: a suspect, as the
    mediakit detector flags one (``suspect``, its score under the threshold)."""

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        return [replace(d, score=0.2, suspect=True) for d in super().detect(rgb)]


class SquareTwice(SquareDetector):
    """The square found confidently, plus a weak second box inside it (the same face)."""

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        out = super().detect(rgb)
        for d in list(out):
            x, y, w, h = d.box
            inner = (x + w * 0.3, y + h * 0.3, w * 0.35, h * 0.35)
            out.append(Detection("face", inner, 0.2, "stub", mask_box=inner, suspect=True))
        return out


def _operation(tmp_path: Path, clip: Path) -> tuple[Operation, str]:
    op = Operation.create(tmp_path / "op", "test")
    import_files(op, [clip])
    return op, next(iter(op.items))


def test_weak_only_track_is_a_suspect_with_a_floor() -> None:
    def weak(x: float) -> Detection:
        box = (x, 100.0, 40.0, 40.0)
        return Detection("face", box, 0.2, "t", mask_box=box)

    for floor, expected in ((None, 0), (0.25, 0), (0.15, 1)):
        tracker = Tracker(keep_score=0.3, suspect_floor=floor)
        for f in range(0, 20, 2):
            tracker.update(f, [weak(100 + f)])
        kept = tracker.finish()
        assert len(kept) == expected
        assert all(not t.confirmed for t in kept)


def test_video_detector_runs_down_to_its_suspect_floor() -> None:
    detector = Detector(plates=False, profile="video")
    [plan] = split_detector(detector, 2, 12, (640,), 1120)
    assert plan.keep == detector.faces.threshold  # tracks confirmed (masked) from it
    assert plan.floor == detector.suspect_floor and plan.low == LOW_FACE_SCORE
    assert plan.detector.faces.threshold == min(LOW_FACE_SCORE, plan.floor)
    assert detector.faces.threshold == plan.keep  # the caller's detector is left as it was
    detector.suspect_floor = 0.1
    [plan] = split_detector(detector, 2, 12, (640,), 1120)
    assert plan.floor == plan.detector.faces.threshold == 0.1
    assert plan.low == LOW_FACE_SCORE  # masked tracks are made as without suspects


def test_suspect_track_stored_not_masked_until_accepted(square_clip: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    from mediakit.cli import main

    op, sha = _operation(tmp_path, square_clip)
    [track] = detect_item(op, sha, WeakSquare())
    op.save()
    stored = op.items[sha]["tracks"]
    assert [t["state"] for t in stored] == ["suspect"] and stored[0]["suspect"] is True
    assert stored[0]["frames"] == [0, 39]  # tracked over the frames like any track
    entry = [e for e in audit.entries(op.root) if e["action"] == "detection"][-1]
    assert entry["details"]["suspects"] == 1

    style = MaskStyle(style="solid")
    frames = decode(masked_rendering(op, sha, style=style))
    assert not any(is_masked(f, SQUARE) for f in frames)  # undecided: visible, not masked

    root = str(op.root)
    with pytest.raises(UnreviewedError) as refused:  # the gate waits for a decision
        tr.mark_reviewed(op, sha)
    assert refused.value.blockers[0].code == SUSPECTS
    assert main(["tracks", root, sha[:8], "list"]) == 0
    assert "À VÉRIFIER" in capsys.readouterr().out
    assert main(["tracks", root, sha[:8], "reviewed"]) != 0
    assert "à vérifier" in capsys.readouterr().err
    assert not Operation.open(root).items[sha].get("tracks_reviewed")

    assert main(["tracks", root, sha[:8], "accept", track["id"]]) == 0
    op = Operation.open(root)
    [decided] = op.items[sha]["tracks"]
    assert decided["state"] == "accepted" and decided["suspect"] is True
    frames = decode(masked_rendering(op, sha, style=style))
    assert all(is_masked(f, SQUARE) for f in frames)  # accepted: masked on every frame
    tr.mark_reviewed(op, sha)
    assert op.items[sha]["tracks_reviewed"] is True


def test_rejected_suspect_stays_visible(square_clip: Path, tmp_path: Path) -> None:
    op, sha = _operation(tmp_path, square_clip)
    [track] = detect_item(op, sha, WeakSquare())
    tr.set_state(op, sha, track["id"], tr.REJECTED)
    tr.mark_reviewed(op, sha)  # decided: the gate opens
    out = anonymize_video(op.original_path(sha), tmp_path / "out.mp4", detector=None,
                          style=MaskStyle(style="solid"), tracks=op.items[sha]["tracks"])
    assert out["tracks_masked"] == 0
    assert not any(is_masked(f, SQUARE) for f in decode(tmp_path / "out.mp4"))


def test_loose_anonymisation_never_masks_a_suspect(square_clip: Path, tmp_path: Path) -> None:
    out = anonymize_video(square_clip, tmp_path / "out.mp4", detector=WeakSquare(),
                          style=MaskStyle(style="solid"))
    assert out["tracks"] == 1 and out["tracks_masked"] == 0
    assert not any(is_masked(f, SQUARE) for f in decode(tmp_path / "out.mp4"))


def test_suspect_inside_a_masked_track_is_not_proposed_again(square_clip: Path) -> None:
    tracks = track_video(square_clip, SquareTwice())["tracks"]
    assert [(t["state"], t["id"]) for t in tracks] == [("accepted", "t1")]
    assert len(track_video(square_clip, WeakSquare(), suspects=False)["tracks"]) == 0


def test_detect_entries_flag_suspects(square_clip: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    plain = detect_video(square_clip, WeakSquare())
    assert not any(e["detections"] for e in plain)
    flagged = detect_video(square_clip, WeakSquare(), suspects=True)
    assert all([d["suspect"] for d in e["detections"]] == [True] for e in flagged)

    from mediakit import cli
    from mediakit.privacy import detector as detector_module

    monkeypatch.setattr(detector_module, "Detector", lambda **_: WeakSquare())
    out = tmp_path / "dets.json"
    assert cli.main(["detect", "--json", str(out), "--suspects", str(square_clip)]) == 0
    entries = json.loads(out.read_text())
    assert len(entries) == 40 and all(d.get("suspect") is True
                                      for e in entries for d in e["detections"])
    assert sum(len(e["detections"]) for e in entries) == 40
    assert cli.main(["detect", "--json", str(out), str(square_clip)]) == 0
    assert not any(e["detections"] for e in json.loads(out.read_text()))


class BlipSquare(WeakSquare):
    """The weak square on one detected frame only (a blip: noise, most likely)."""

    def detect(self, rgb: np.ndarray) -> list[Detection]:
        from tests.video.conftest import frame_index

        return super().detect(rgb) if frame_index(rgb, rgb.shape[1] / 320) == 20 else []


def test_one_frame_suspect_blip_is_still_proposed(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Dropping one-frame suspects cost review-assisted recall on the face pans: kept."""
    import mediakit.video.detect as detect
    from tests.video.conftest import square_frames, write_clip

    clip = write_clip(tmp_path / "c.mp4", square_frames(40), audio=False)
    [blip] = track_video(clip, BlipSquare())["tracks"]
    assert blip["state"] == "suspect" and blip["detections"] == 1
    monkeypatch.setattr(detect, "SUSPECT_MIN_DETECTIONS", 2)  # the filter, when set, works
    assert track_video(clip, BlipSquare())["tracks"] == []
    assert len(track_video(clip, WeakSquare())["tracks"]) == 1


def test_covered_share_counts_the_union_of_masks() -> None:
    from mediakit.video.detect import covered_share

    box = (0.0, 0.0, 10.0, 10.0)
    assert covered_share(box, []) == 0.0
    assert covered_share(box, [(0.0, 0.0, 5.0, 10.0)]) == 0.5
    # two masks each holding half of it: inside the masks, though in neither alone
    assert covered_share(box, [(0.0, 0.0, 5.0, 10.0), (5.0, 0.0, 5.0, 10.0)]) == 1.0
