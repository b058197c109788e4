"""« Propositions à vérifier »: 100 suspects decided with the keyboard alone, each decision
audited once, the gate then open; undo gives a decision back and selects it; the grid cuts
each crop once (a decision restyles its cell only); rushes' suspect tracks; the product's
detection stores suspects and the queue lists them."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from mediakit.privacy.regions import Detection
from mediakit.privacy.review_gate import UnreviewedError
from tests.conftest import make_video

DECISIONS = ("mask_accepted", "mask_rejected", "track_accepted", "track_rejected")


def _photos(folder: Path, count: int) -> list[Path]:
    """Small JPEGs of different content (the importer drops duplicates)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    paths = []
    for i in range(count):
        rgb = rng.integers(0, 255, (300, 400, 3), dtype=np.uint8)
        path = folder / f"photo_{i}.jpg"
        Image.fromarray(rgb).save(path, quality=80)
        paths.append(path)
    return paths


def _suspect_operation(tmp_path: Path, photos: int, per_photo: int,
                       accepted: int = 0) -> tuple[Operation, list[str]]:
    """An operation of ``photos`` imported pictures, each with ``per_photo`` suspects (and
    ``accepted`` ordinary masks) stored as the detection stores them."""
    op = Operation.create(tmp_path / "op", "Suspects")
    report = import_files(op, _photos(tmp_path / "media", photos))
    shas = sorted(report.imported, key=lambda s: op.items[s]["name"])
    assert len(shas) == photos
    for sha in shas:
        dets = [Detection("face", (10.0 + 70 * (i % 5), 10.0 + 55 * (i // 5), 40.0, 40.0), 0.2,
                          "test", suspect=True) for i in range(per_photo)]
        dets += [Detection("face", (360.0, 250.0, 30.0, 30.0), 0.9, "test")] * accepted
        review.store_detections(op, sha, [review.mask_from_detection(d, i)
                                          for i, d in enumerate(dets, 1)], "test")
    op.save()
    return op, shas


def _open_queue(qtbot, window, op):
    window.set_operation(op)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.tabs.setCurrentWidget(window.queue)
    panel = window.queue
    qtbot.waitUntil(lambda: panel.grid.hasFocus(), timeout=3000)  # the tab gives it the keys
    return panel


def _state(op: Operation, sha: str, rid: str) -> str:
    return next(m for m in op.items[sha]["masks"] if m["id"] == rid)["state"]


def test_hundred_suspects_decided_with_one_key_each(qtbot, window, tmp_path):
    op, shas = _suspect_operation(tmp_path, photos=4, per_photo=25)
    with pytest.raises(UnreviewedError):
        review.mark_reviewed(op, shas[0])  # the gate: suspects undecided
    panel = _open_queue(qtbot, window, op)
    assert len(panel._cells) == 100 and panel.counter.text() == "100 à vérifier"
    qtbot.waitUntil(lambda: panel.thumbs_computed == 100, timeout=30_000)
    first = panel.cell(*panel.current())
    assert not first.icon().isNull()  # a crop of the original
    cells = {key: panel.cell(*key) for key in panel._cells}
    keys = (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_M, Qt.Key.Key_X)
    expected: dict[tuple[str, str], str] = {}
    t0 = time.perf_counter()
    for n in range(100):
        key = panel.current()
        assert key is not None and _state(op, *key) == "suspect"
        press = keys[n % 4]
        qtbot.keyClick(panel.grid, press)
        expected[key] = "accepted" if press in (Qt.Key.Key_A, Qt.Key.Key_M) else "rejected"
        assert _state(op, *key) == expected[key]
        assert state_text(panel, key) in ("masqué", "laissé visible")
        if n < 99:  # the next undecided one, at once
            assert panel.current() != key and _state(op, *panel.current()) == "suspect"
    elapsed = time.perf_counter() - t0
    assert len(expected) == 100
    assert elapsed < 30, f"100 décisions en {elapsed:.1f} s"  # the officer's time is the rest
    assert panel.counter.text() == "0 à vérifier"
    qtbot.wait(100)  # the document's change notices reach the panel
    assert panel.thumbs_computed == 100  # no crop cut again
    assert all(panel.cell(*key) is cell for key, cell in cells.items())  # not rebuilt
    decided = Counter((e["item"], e["details"]["mask"]) for e in audit.entries(op.root)
                      if e["action"] in DECISIONS)
    assert set(decided) == set(expected) and set(decided.values()) == {1}
    for e in audit.entries(op.root):
        if e["action"] in DECISIONS:
            assert e["details"]["old"] == "suspect" and e["details"]["suspect"] is True
    for sha in shas:
        review.mark_reviewed(op, sha)  # every suspect decided: the gate lets it through
        assert op.items[sha]["masks_reviewed"]
    saved = Operation.open(op.root)
    assert all(_state(saved, *key) == state for key, state in expected.items())


def state_text(panel, key) -> str:
    return panel.cell(*key).text().splitlines()[1].split(" · ")[1]


def test_undo_gives_the_decision_back_and_selects_it(qtbot, window, tmp_path):
    op, shas = _suspect_operation(tmp_path, photos=2, per_photo=3)
    panel = _open_queue(qtbot, window, op)
    qtbot.waitUntil(lambda: panel.thumbs_computed == 6, timeout=30_000)
    first = panel.current()
    qtbot.keyClick(panel.grid, Qt.Key.Key_A)
    assert _state(op, *first) == "accepted" and panel.current() != first
    assert panel.counter.text() == "5 à vérifier"
    qtbot.keyClick(panel.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(op, *first) == "suspect"
    assert panel.current() == first and panel.counter.text() == "6 à vérifier"
    assert state_text(panel, first) == "à vérifier"
    # undone elsewhere (menu Édition › Annuler): the queue follows the document
    qtbot.keyClick(panel.grid, Qt.Key.Key_X)
    assert _state(op, *first) == "rejected" and panel.current() != first
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.current() == first, timeout=3000)
    assert _state(op, *first) == "suspect" and panel.counter.text() == "6 à vérifier"
    assert panel.thumbs_computed == 6


def test_masks_on_demand_and_double_click_opens_the_review(qtbot, window, tmp_path):
    op, shas = _suspect_operation(tmp_path, photos=2, per_photo=2, accepted=1)
    panel = _open_queue(qtbot, window, op)
    qtbot.waitUntil(lambda: panel.thumbs_computed == 4, timeout=30_000)
    assert len(panel._cells) == 4  # suspects only
    panel.show_all.setChecked(True)
    assert len(panel._cells) == 6 and panel.counter.text() == "4 à vérifier"
    qtbot.waitUntil(lambda: panel.thumbs_computed == 6, timeout=30_000)  # the 2 masks only
    accepted = next(k for k in panel._order if _state(op, *k) == "accepted")
    assert state_text(panel, accepted) == "masqué"
    panel.show_all.setChecked(False)
    assert len(panel._cells) == 4 and panel.thumbs_computed == 6  # crops kept
    sha, rid = panel._order[-1]
    cell = panel.cell(sha, rid)
    rect = panel.grid.visualItemRect(cell)
    qtbot.mouseClick(panel.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.review
    assert window.review.sha == sha and window.review._selected == rid


def test_a_rush_suspect_track_is_cropped_and_decided(qtbot, window, tmp_path):
    op = Operation.create(tmp_path / "op", "Rush")
    clip = make_video(tmp_path / "rush.mp4", seconds=2.0, audio=False)
    [sha] = import_files(op, [clip]).imported
    track = {"id": "t1", "label": "face", "source": "auto", "state": "suspect",
             "suspect": True, "frames": [10, 30], "keyframes": {"10": [40, 40, 60, 60],
                                                                "30": [120, 80, 60, 60]},
             "score": 0.2, "person": None}
    with op.doc.transaction("détection"):
        op.doc.set(("items", sha, "tracks"), [track])
        op.doc.set(("items", sha, "detection"), {"detector": "test"})
    op.save()
    panel = _open_queue(qtbot, window, op)
    qtbot.waitUntil(lambda: panel.thumbs_computed == 1, timeout=30_000)
    assert panel.current() == (sha, "t1")
    assert not panel.cell(sha, "t1").icon().isNull()  # the frame in the middle, cropped
    assert "rush.mp4" in panel.cell(sha, "t1").text()
    qtbot.keyClick(panel.grid, Qt.Key.Key_M)
    assert op.items[sha]["tracks"][0]["state"] == "accepted"
    assert [e["action"] for e in audit.entries(op.root)].count("track_accepted") == 1
    qtbot.keyClick(panel.grid, Qt.Key.Key_M)  # already masked: nothing more to log
    assert [e["action"] for e in audit.entries(op.root)].count("track_accepted") == 1
    review.mark_reviewed(op, sha)
    assert op.items[sha]["tracks_reviewed"]
    qtbot.keyClick(panel.grid, Qt.Key.Key_Return)  # the rush, in the middle of the track
    assert window.tabs.currentWidget() is window.rush_review
    assert window.rush_review.sha == sha and window.rush_review.frame == 20


class SuspectDetector:
    """A detector giving one sure face, and one suspect when asked for suspects."""

    def detect(self, rgb: np.ndarray, suspects: bool = False) -> list[Detection]:
        found = [Detection("face", (20.0, 20.0, 50.0, 50.0), 0.9, "fake",
                           mask_box=(15.0, 15.0, 60.0, 60.0))]
        if suspects:
            found.append(Detection("face", (200.0, 120.0, 40.0, 40.0), 0.2, "fake",
                                   mask_box=(195.0, 115.0, 50.0, 50.0), suspect=True))
        return found


def test_the_windows_detection_stores_suspects_listed_by_the_queue(qtbot, window, tmp_path,
                                                                   monkeypatch):
    import mediakit.privacy.detector

    monkeypatch.setattr(mediakit.privacy.detector, "Detector", lambda **_kw: SuspectDetector())
    op = Operation.create(tmp_path / "op", "Détection")
    [sha] = import_files(op, _photos(tmp_path / "media", 1)).imported
    panel = _open_queue(qtbot, window, op)
    assert panel.counter.text() == "0 à vérifier"
    window.start_detection([sha])
    qtbot.waitUntil(lambda: window.worker is None, timeout=30_000)
    masks = op.items[sha]["masks"]
    assert [m["state"] for m in masks] == ["accepted", "suspect"] and masks[1]["suspect"]
    qtbot.waitUntil(lambda: panel.counter.text() == "1 à vérifier", timeout=3000)
    assert panel.current() == (sha, masks[1]["id"])


def test_suspects_arriving_later_replace_the_empty_message(qtbot, window, tmp_path):
    op, shas = _suspect_operation(tmp_path, photos=1, per_photo=0, accepted=1)
    panel = _open_queue(qtbot, window, op)
    assert "Aucune proposition" in panel.status.text()
    dets = [Detection("face", (10.0, 10.0, 40.0, 40.0), 0.2, "test", suspect=True)]
    review.store_detections(op, shas[0], [review.mask_from_detection(d, 1) for d in dets],
                            "test")  # a detection run since (the window's or another's)
    qtbot.waitUntil(lambda: panel.counter.text() == "1 à vérifier", timeout=3000)
    assert "Aucune proposition" not in panel.status.text()
    assert "A ou M" in panel.status.text()
