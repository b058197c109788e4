"""Every privacy-relevant act writes exactly one audit entry; the chief's summary tells a
reviewed rush, dismissed false detections and people left visible apart."""

from __future__ import annotations

from pathlib import Path

from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.photo import captions, selection
from mediakit.privacy import people, review
from mediakit.validation.summary import anonymisation
from mediakit.video import tracks
from tests.conftest import ASSETS


def _count(op: Operation, action: str) -> int:
    return sum(e["action"] == action for e in audit.entries(op.root))


def _once(op: Operation, action: str, fn, *args, **kwargs):  # noqa: ANN001, ANN202
    before, total = _count(op, action), len(audit.entries(op.root))
    result = fn(*args, **kwargs)
    assert _count(op, action) == before + 1, action
    assert len(audit.entries(op.root)) == total + 1, f"{action}: more than one entry"
    return result


def test_each_act_writes_exactly_one_entry_with_before_and_after(tmp_path: Path,
                                                                 media_dir: Path) -> None:
    op = Operation.create(tmp_path / "op", "Audit")
    import_files(op, [ASSETS / "photos" / "gps.jpg", media_dir / "clip.mp4"])
    photo = next(s for s, it in op.items.items() if it["kind"] == "photo")
    video = next(s for s, it in op.items.items() if it["kind"] == "video")
    _once(op, "detection", review.store_detections, op, photo, [], "test")
    mask = _once(op, "mask_added", review.add_manual, op, photo, "face", (1, 2, 30, 40))
    _once(op, "mask_rejected", review.set_state, op, photo, mask, "rejected")
    _once(op, "mask_changed", review.set_region, op, photo, mask, (2, 2, 30, 40))
    _once(op, "masks_reviewed", review.mark_reviewed, op, photo)
    _once(op, "photo_edit", selection.set_rating, op, photo, 4)
    _once(op, "photo_edit", selection.set_flag, op, photo, "pick")
    _once(op, "photo_edit", captions.set_text, op, photo, caption="Exercice")
    op.doc.set(("items", video, "detection"), {"detector": "test"})
    track = _once(op, "track_added", tracks.add_track, op, video, "face", 0, (5, 5, 20, 20))
    _once(op, "track_rejected", tracks.set_state, op, video, track, "rejected")
    _once(op, "tracks_reviewed", review.mark_reviewed, op, video)
    person = _once(op, "person_added", people.enroll, op, "Porte-parole", "keep_visible",
                   [ASSETS / "photos" / "gps.jpg"])
    _once(op, "person_moved", people.move, op, person["id"], "always_mask")
    _once(op, "person_removed", people.remove, op, person["id"])
    entry = next(e for e in reversed(audit.entries(op.root)) if e["action"] == "person_moved")
    assert entry["details"]["old"] == "keep_visible" and entry["details"]["new"] == "always_mask"
    edit = next(e for e in audit.entries(op.root) if e["action"] == "photo_edit")
    assert edit["details"] == {"field": "rating", "old": None, "new": 4}
    assert audit.verify(op.root) == []


def test_chief_summary_tells_dismissed_from_kept_visible() -> None:
    rush = {"kind": "video", "detection": {"detector": "t"}, "tracks_reviewed": True,
            "tracks": [{"id": "t1", "label": "face", "state": "rejected", "source": "auto"},
                       {"id": "t2", "label": "face", "state": "rejected", "source": "auto",
                        "person": {"name": "Préfète", "list": "keep_visible"}},
                       {"id": "t3", "label": "face", "state": "accepted", "source": "auto"}]}
    anon = anonymisation(rush)
    assert anon["reviewed"] and not anon["alerts"]  # a reviewed rush is not "non revu"
    assert anon["dismissed"] == 1 and anon["kept_visible"] == 1
    assert anon["people_kept_visible"] == ["Préfète"]
    rush["tracks"].append({"id": "t4", "label": "face", "state": "suspect", "suspect": True})
    anon = anonymisation(rush)
    assert anon["suspects"] == 1 and not anon["reviewed"]
    assert any("à vérifier" in a for a in anon["alerts"])
