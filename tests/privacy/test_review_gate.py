"""The review gate: reviewed only after detection and decided suspects (photo and rush,
same verb), refusals naming the item and the action, overrides logged with their reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.errors import MediakitError
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.library.status import is_reviewed
from mediakit.privacy import review
from mediakit.privacy.regions import Detection
from mediakit.privacy.review_gate import (
    NOT_DETECTED,
    NOT_REVIEWED,
    SUSPECTS,
    Blocker,
    UnreviewedError,
    detection_ran,
    require_reviewed,
    undecided,
    unreviewed,
)
from mediakit.video import tracks as tr


@pytest.fixture
def op(tmp_path: Path, media_dir: Path) -> Operation:
    operation = Operation.create(tmp_path / "op", "Gate")
    import_files(operation, [media_dir / "a.jpg", media_dir / "clip.mp4"])
    return operation


def _shas(op: Operation) -> tuple[str, str]:
    photo = next(s for s, it in op.items.items() if it["kind"] == "photo")
    video = next(s for s, it in op.items.items() if it["kind"] == "video")
    return photo, video


def _detected_photo(op: Operation, sha: str, suspect: bool) -> None:
    dets = [Detection("face", (10, 10, 20, 20), 0.9, "stub", mask_box=(8, 8, 24, 24)),
            Detection("face", (60, 60, 20, 20), 0.3, "stub", mask_box=(58, 58, 24, 24))]
    if suspect:
        dets[1].suspect = True  # the field the detector sets below its masking threshold
    masks = [review.mask_from_detection(d, i) for i, d in enumerate(dets, 1)]
    review.store_detections(op, sha, masks, "stub")


def _detected_video(op: Operation, sha: str, suspect: bool) -> None:
    track = {"id": "t1", "label": "face", "source": "auto", "state": "accepted",
             "frames": [0, 10], "keyframes": {"0": [5, 5, 20, 20]}, "score": 0.9,
             "best": None, "person": None}
    tracks = [track]
    if suspect:
        tracks.append({**track, "id": "t2", "state": "suspect", "suspect": True, "score": 0.3})
    with op.doc.transaction("détection"):
        op.doc.set(("items", sha, "tracks"), tracks)
        op.doc.set(("items", sha, "detection"), {"detector": "stub"})
        op.doc.set(("items", sha, "tracks_reviewed"), False)


def test_suspect_detection_makes_an_unmasked_suspect_mask() -> None:
    det = Detection("face", (1, 2, 3, 4), 0.2, "stub")
    det.suspect = True
    mask = review.mask_from_detection(det, 1)
    assert mask["state"] == review.SUSPECT and mask["suspect"] is True
    assert review.accepted_regions([mask]) == []
    listed = review.mask_from_detection(det, 2, {"name": "A", "list": "always_mask"})
    assert listed["state"] == review.ACCEPTED and listed["suspect"] is True
    plain = review.mask_from_detection(Detection("face", (1, 2, 3, 4), 0.9, "stub"), 3)
    assert plain["state"] == review.ACCEPTED and "suspect" not in plain


@pytest.mark.parametrize("kind", ["photo", "video"])
def test_reviewed_refused_before_detection(op: Operation, kind: str) -> None:
    sha = dict(zip(("photo", "video"), _shas(op), strict=True))[kind]
    before = len(audit.entries(op.root))
    with pytest.raises(UnreviewedError) as err:
        review.mark_reviewed(op, sha)
    [blocker] = err.value.blockers
    assert blocker.code == NOT_DETECTED and blocker.sha == sha
    name = op.items[sha]["name"]
    assert f"«{name}»" in str(err.value) and "lancez la détection" in str(err.value)
    assert "mediakit" not in str(err.value)  # no command line in a core message
    assert not is_reviewed(op.items[sha]) and len(audit.entries(op.root)) == before


@pytest.mark.parametrize("kind", ["photo", "video"])
def test_reviewed_refused_while_suspects_undecided(op: Operation, kind: str) -> None:
    photo, video = _shas(op)
    sha = photo if kind == "photo" else video
    (_detected_photo if kind == "photo" else _detected_video)(op, sha, suspect=True)
    assert detection_ran(op.items[sha]) and len(undecided(op.items[sha])) == 1
    with pytest.raises(UnreviewedError) as err:
        review.mark_reviewed(op, sha)  # the same verb for a photo and a rush
    assert err.value.blockers[0].code == SUSPECTS
    assert "à vérifier" in str(err.value) and "écartez" in str(err.value)
    region = op.items[sha]["masks" if kind == "photo" else "tracks"][-1]
    if kind == "photo":
        review.set_state(op, sha, region["id"], review.REJECTED)
    else:
        tr.set_state(op, sha, region["id"], tr.ACCEPTED)
    assert undecided(op.items[sha]) == []
    before = len(audit.entries(op.root))
    (review.mark_reviewed if kind == "photo" else tr.mark_reviewed)(op, sha)
    assert is_reviewed(op.items[sha])
    [entry] = audit.entries(op.root)[before:]
    key = "masks_reviewed" if kind == "photo" else "tracks_reviewed"
    assert entry["action"] == key and entry["details"] == {"old": False, "new": True}
    assert op.items[sha][key] is True


def test_deciding_a_suspect_keeps_its_origin_and_cannot_go_back(op: Operation) -> None:
    photo, _ = _shas(op)
    _detected_photo(op, photo, suspect=True)
    mask_id = op.items[photo]["masks"][-1]["id"]
    before = len(audit.entries(op.root))
    review.set_state(op, photo, mask_id, review.ACCEPTED)
    mask = op.items[photo]["masks"][-1]
    assert mask["state"] == review.ACCEPTED and mask["suspect"] is True
    [entry] = audit.entries(op.root)[before:]
    assert entry["details"]["old"] == "suspect" and entry["details"]["new"] == "accepted"
    assert entry["details"]["suspect"] is True
    with pytest.raises(ValueError):
        review.set_state(op, photo, mask_id, review.SUSPECT)
    op.doc.undo()
    assert op.items[photo]["masks"][-1]["state"] == review.SUSPECT


def test_unreviewed_names_each_item_and_its_action(op: Operation) -> None:
    photo, video = _shas(op)
    _detected_photo(op, photo, suspect=False)
    blockers = unreviewed(op, [photo, video])
    assert [(b.sha, b.code) for b in blockers] == [(photo, NOT_REVIEWED), (video, NOT_DETECTED)]
    assert str(blockers[0]) == (f"«a.jpg» : {blockers[0].reason} — {blockers[0].action}")
    assert "marquez la photo revue" in blockers[0].action
    review.mark_reviewed(op, photo)
    assert unreviewed(op, [photo]) == []
    assert require_reviewed(op, [photo], "export") == []


def test_deliverable_answers_for_its_sources(op: Operation) -> None:
    photo, video = _shas(op)
    with op.doc.transaction("montage"):
        op.doc.set(("items", "m" * 64), {"kind": "montage", "name": "montage.mp4",
                                        "sources": [video, photo]})
    blockers = unreviewed(op, ["m" * 64])
    assert {b.sha for b in blockers} == {photo, video}
    assert all("montage.mp4" in b.reason for b in blockers)
    _detected_photo(op, photo, suspect=False)
    _detected_video(op, video, suspect=False)
    review.mark_reviewed(op, photo)
    review.mark_reviewed(op, video)
    assert unreviewed(op, ["m" * 64]) == []
    assert is_reviewed(op.items["m" * 64], op.items)
    assert not is_reviewed(op.items["m" * 64])  # a deliverable needs its sources to tell


def test_require_reviewed_refuses_then_overrides_with_a_logged_reason(
        op: Operation, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAKIT_USER", "adj.durand")
    photo, video = _shas(op)
    _detected_photo(op, photo, suspect=False)
    review.mark_reviewed(op, photo)
    before = len(audit.entries(op.root))
    with pytest.raises(UnreviewedError) as err:
        require_reviewed(op, [photo, video], "export")
    assert [b.sha for b in err.value.blockers] == [video]
    assert isinstance(err.value.blockers[0], Blocker) and isinstance(err.value, MediakitError)
    for reason in (None, "", "   "):
        with pytest.raises(MediakitError):
            require_reviewed(op, [video], "export", force=True, reason=reason)
    assert len(audit.entries(op.root)) == before  # refusals change nothing
    forced = require_reviewed(op, [photo, video], "export", force=True,
                              reason="  urgence préfecture ")
    assert forced == [video]
    [entry] = audit.entries(op.root)[before:]
    assert entry["action"] == "override" and entry["who"] == "adj.durand"
    assert entry["details"]["reason"] == "urgence préfecture"
    assert entry["details"]["what"] == "export" and entry["details"]["items"] == [video]
    assert op.items[video]["overrides"][0]["reason"] == "urgence préfecture"
    assert audit.verify(op.root) == []


def test_anonymize_of_an_operation_takes_only_reviewed_items(op, tmp_path):
    from mediakit.cli import main

    photo, video = _shas(op)
    _detected_photo(op, photo, suspect=False)
    review.mark_reviewed(op, photo)
    out = tmp_path / "anon"
    assert main(["anonymize", str(op.root), "-o", str(out)]) == 1  # the rush is refused
    written = {p.name for p in out.iterdir()}
    assert any(n.startswith("a_anonymise") for n in written)
    assert not any(n.startswith("clip") for n in written)  # never detected: never written
    assert "override" not in [e["action"] for e in audit.entries(op.root)]
    assert main(["anonymize", str(op.root), "-o", str(out), "--force"]) == 2  # no reason
    assert main(["anonymize", str(op.root), "-o", str(out), "--force", "--reason",
                 "diffusion urgente, chef prévenu"]) == 0
    overrides = [e for e in audit.entries(op.root) if e["action"] == "override"]
    assert len(overrides) == 1 and overrides[0]["details"]["what"] == "anonymisation"
    assert any(p.name.startswith("clip") for p in out.iterdir())
