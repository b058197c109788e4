"""Anonymisation review with the mouse: move a mask, undo, draw one, reject one."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from tests.conftest import ASSETS
from tests.ui.conftest import show_review


def _drag(view, start: QPointF, end: QPointF) -> None:
    vp = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 6):
        QTest.mouseMove(vp, a + (b - a) * i / 5)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def _setup(qtbot, window, tmp_path):
    op = Operation.create(tmp_path / "op", "Revue")
    import_files(op, [ASSETS / "photos" / "gps.jpg"])
    sha = next(iter(op.items))
    review.store_detections(op, sha, [], "test")
    review.add_manual(op, sha, "face", (300.0, 150.0, 300.0, 300.0))
    op.save()
    show_review(qtbot, window, op, sha)
    qtbot.wait(50)
    return op, sha


def test_move_mask_with_mouse_then_undo(qtbot, window, tmp_path):
    op, sha = _setup(qtbot, window, tmp_path)
    view = window.review.view
    _drag(view, QPointF(450, 300), QPointF(530, 360))
    qtbot.waitUntil(lambda: op.items[sha]["masks"][0]["region"][0] != 300.0, timeout=3000)
    x, y, w, h = op.items[sha]["masks"][0]["region"]
    assert abs(x - 380) < 12 and abs(y - 210) < 12 and (w, h) == (300.0, 300.0)
    assert Operation.open(op.root).items[sha]["masks"][0]["region"][0] == x  # saved
    window.undo()
    assert op.items[sha]["masks"][0]["region"] == [300.0, 150.0, 300.0, 300.0]


def test_resize_from_corner_draw_new_and_reject(qtbot, window, tmp_path):
    op, sha = _setup(qtbot, window, tmp_path)
    panel, view = window.review, window.review.view
    _drag(view, QPointF(597, 447), QPointF(680, 520))  # bottom-right handle
    qtbot.waitUntil(lambda: op.items[sha]["masks"][0]["region"][2] != 300.0, timeout=3000)
    x, y, w, h = op.items[sha]["masks"][0]["region"]
    assert (x, y) == (300.0, 150.0) and w > 350 and h > 340
    panel.toggle_drawing()
    _drag(view, QPointF(50, 50), QPointF(200, 180))
    qtbot.waitUntil(lambda: len(op.items[sha]["masks"]) == 2, timeout=3000)
    new = op.items[sha]["masks"][1]
    assert new["source"] == "manual" and abs(new["region"][2] - 150) < 10
    panel.select_mask("m1")
    QTest.keyClick(panel, Qt.Key.Key_R)
    assert op.items[sha]["masks"][0]["state"] == "rejected"
    QTest.keyClick(panel, Qt.Key.Key_V)
    assert op.items[sha]["masks_reviewed"]
    panel.toggle_before_after()
    assert panel.show_masked and not panel._rects  # the masked picture, no outlines


def test_view_maps_masks_on_the_picture(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QGraphicsPixmapItem

    _, _ = _setup(qtbot, window, tmp_path)
    view = window.review.view
    # the picture is decoded off the UI thread on first view, then drawn under the masks
    qtbot.waitUntil(lambda: any(isinstance(i, QGraphicsPixmapItem)
                                for i in view.scene().items()), timeout=10_000)
    rect = window.review._rects["m1"]
    top_left = view.mapFromScene(rect.mapToScene(rect.rect().topLeft()))
    assert isinstance(top_left, QPoint) and view.viewport().rect().contains(top_left)


def test_marking_reviewed_is_refused_while_a_suspect_is_undecided(qtbot, window, tmp_path):
    from mediakit.privacy.regions import Detection

    op = Operation.create(tmp_path / "op", "Suspects")
    import_files(op, [ASSETS / "photos" / "gps.jpg"])
    sha = next(iter(op.items))
    det = Detection("face", (300.0, 150.0, 80.0, 80.0), 0.2, "test", suspect=True)
    review.store_detections(op, sha, [review.mask_from_detection(det, 1)], "test")
    show_review(qtbot, window, op, sha)
    panel = window.review
    assert not panel.mark_reviewed()
    assert "à vérifier" in panel.status.text() and not op.items[sha].get("masks_reviewed")
    review.set_state(op, sha, "m1", review.REJECTED)  # dismissed: a false detection
    assert panel.mark_reviewed() and op.items[sha]["masks_reviewed"]


def test_suspects_drawn_apart_tab_goes_to_them_first_one_key_decides(qtbot, window, tmp_path):
    from mediakit.library import audit
    from mediakit.privacy.regions import Detection
    from mediakit.ui.mask_review import SUSPECT_PEN

    op = Operation.create(tmp_path / "op", "Suspects")
    import_files(op, [ASSETS / "photos" / "gps.jpg"])
    sha = next(iter(op.items))
    dets = [Detection("face", (50.0 + 200 * i, 100.0, 80.0, 80.0), 0.9 if i % 2 == 0 else 0.2,
                      "test", suspect=i % 2 == 1) for i in range(4)]
    review.store_detections(op, sha, [review.mask_from_detection(d, i)
                                      for i, d in enumerate(dets, 1)], "test")
    show_review(qtbot, window, op, sha)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    panel = window.review
    qtbot.waitUntil(panel.view.hasFocus, timeout=3000)  # opening the photo gives it the keys
    suspect, masked = panel._rects["m2"], panel._rects["m1"]
    assert suspect.pen().color() == SUSPECT_PEN and masked.pen().color() != SUSPECT_PEN
    assert suspect.pen().style() == Qt.PenStyle.CustomDashLine
    assert suspect.brush().color().alpha() == 0  # outlined only: not masked
    label = next(c for c in suspect.childItems() if hasattr(c, "text"))
    assert "à vérifier" in label.text()
    assert "2 région(s) à vérifier restante(s)" in panel.status.text()
    for expected in ("m2", "m4", "m2"):  # Tab: through the suspects only while some are left
        QTest.keyClick(panel.view, Qt.Key.Key_Tab)
        assert panel._selected == expected
    QTest.keyClick(panel.view, Qt.Key.Key_M)  # masquer: the next undecided suspect is selected
    assert op.items[sha]["masks"][1]["state"] == "accepted" and panel._selected == "m4"
    QTest.keyClick(panel.view, Qt.Key.Key_X)  # laisser visible (a false detection)
    assert op.items[sha]["masks"][3]["state"] == "rejected"
    qtbot.waitUntil(lambda: "Aucune région à vérifier restante" in panel.status.text(),
                    timeout=3000)
    assert panel._rects["m2"].pen().color() != SUSPECT_PEN  # decided: drawn as a mask
    QTest.keyClick(panel.view, Qt.Key.Key_Tab)  # none left: Tab goes through every mask
    assert panel._selected == "m1"
    acts = [(e["action"], e["details"]["mask"]) for e in audit.entries(op.root)
            if e["action"].startswith("mask_")]
    assert acts == [("mask_accepted", "m2"), ("mask_rejected", "m4")]
    assert panel.mark_reviewed() and op.items[sha]["masks_reviewed"]


def test_a_drawn_mask_says_what_it_covers(qtbot, window, tmp_path):
    """A box drawn over a plate is a plate (the chief's summary counts it as such)."""
    op = Operation.create(tmp_path / "op", "Dessin")
    import_files(op, [ASSETS / "photos" / "plaque.jpg"])
    [sha] = list(op.items)
    review.store_detections(op, sha, [], "test")
    op.save()
    show_review(qtbot, window, op, sha)
    panel = window.review
    assert panel.draw_label.currentData() == "face"  # the usual case first
    assert [panel.draw_label.itemText(i) for i in range(3)] == [
        "Masque dessiné : visage", "Masque dessiné : plaque", "Masque dessiné : texte"]
    panel.draw_label.setCurrentIndex(panel.draw_label.findData("plate"))
    panel.toggle_drawing()  # D
    _drag(panel.view, QPointF(200, 200), QPointF(320, 260))
    qtbot.waitUntil(lambda: len(op.items[sha].get("masks") or []) == 1, timeout=3000)
    assert op.items[sha]["masks"][0]["label"] == "plate"
