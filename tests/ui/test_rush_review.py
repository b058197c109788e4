"""Rush review: frame display and stepping, reject a track, draw a manual track and undo,
dérushage in/out marks, boxes moved and resized with the mouse, track spans, playback."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.video import tracks
from tests.conftest import make_video
from tests.ui.conftest import show_review
from tests.ui.test_mask_review import _drag


def _setup(qtbot, window, tmp_path):
    clip = make_video(tmp_path / "rush.mp4", seconds=2.0, size="320x240")
    op = Operation.create(tmp_path / "op", "Rushes")
    import_files(op, [clip])
    sha = next(iter(op.items))
    tracks.add_track(op, sha, "face", 0, (100.0, 60.0, 80.0, 80.0), last=30)
    op.save()
    show_review(qtbot, window, op, sha)
    panel = window.rush_review
    assert window.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.shown_frame == 0, timeout=5000)
    return op, sha, panel


def test_rush_review(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    assert len(panel._overlays) == 1  # the track's box on frame 0
    assert not panel._pixmap.pixmap().isNull()

    QTest.keyClick(panel, Qt.Key.Key_Right)
    assert panel.frame == 1
    QTest.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert panel.frame == 26
    QTest.keyClick(panel, Qt.Key.Key_Left)
    assert panel.frame == 25
    qtbot.waitUntil(lambda: panel.shown_frame == 25, timeout=5000)
    assert "image 25" in panel.position.text()

    panel.select_track("t1")
    QTest.keyClick(panel, Qt.Key.Key_R)
    assert op.items[sha]["tracks"][0]["state"] == "rejected"
    assert Operation.open(op.root).items[sha]["tracks"][0]["state"] == "rejected"  # saved
    QTest.keyClick(panel, Qt.Key.Key_V)
    assert op.items[sha]["tracks_reviewed"]

    # a new manual track, drawn with nothing selected
    panel.select_track(None)
    QTest.keyClick(panel, Qt.Key.Key_D)
    assert panel.view.drawing
    _drag(panel.view, QPointF(20, 20), QPointF(120, 100))
    qtbot.waitUntil(lambda: len(op.items[sha]["tracks"]) == 2, timeout=3000)
    new = op.items[sha]["tracks"][1]
    assert new["source"] == "manual" and new["frames"][0] == 25
    x, y, w, h = new["keyframes"]["25"]
    assert abs(x - 20) < 6 and abs(w - 100) < 8 and abs(h - 80) < 8
    assert not panel.view.drawing
    window.undo()
    assert [t["id"] for t in op.items[sha]["tracks"]] == ["t1"]

    # a keyframe on the selected track
    panel.select_track("t1")
    panel.set_frame(40)
    panel.toggle_drawing()
    _drag(panel.view, QPointF(150, 100), QPointF(250, 200))
    qtbot.waitUntil(lambda: "40" in op.items[sha]["tracks"][0]["keyframes"], timeout=3000)
    assert op.items[sha]["tracks"][0]["frames"] == [0, 40]

    # dérushage: in at frame 5, out at frame 30, a marker at frame 30
    panel.set_frame(5)
    QTest.keyClick(panel, Qt.Key.Key_I)
    panel.set_frame(30)
    QTest.keyClick(panel, Qt.Key.Key_O)
    QTest.keyClick(panel, Qt.Key.Key_M)
    derush = op.items[sha]["derush"]
    assert [(r["in"], r["out"]) for r in derush["ranges"]] == [(0.2, 1.2)]
    assert [m["t"] for m in derush["markers"]] == [1.2]


def test_strip_click_seeks(qtbot, window, tmp_path):
    _, _, panel = _setup(qtbot, window, tmp_path)
    strip = panel.strip
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     strip.rect().center())
    assert abs(panel.frame - panel.frame_count() // 2) <= 1


def _keyframes(op, sha):
    return op.items[sha]["tracks"][0]["keyframes"]


def test_move_and_resize_a_box(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    panel.set_frame(10)
    _drag(panel.view, QPointF(140, 100), QPointF(170, 120))  # the box's middle: a move
    assert panel._selected == "t1"  # the press selected the track
    assert panel.list.currentItem().text(0) == "t1"
    x, y, w, h = _keyframes(op, sha)["10"]
    assert abs(x - 130) < 3 and abs(y - 80) < 3 and (w, h) == (80.0, 80.0)
    op.doc.undo()
    assert list(_keyframes(op, sha)) == ["0"]
    qtbot.waitUntil(lambda: panel._overlays["t1"].pos().x() == 100, timeout=3000)

    _drag(panel.view, QPointF(178, 138), QPointF(198, 168))  # the bottom-right handle
    x, y, w, h = _keyframes(op, sha)["10"]
    assert (x, y) == (100.0, 60.0) and abs(w - 100) < 3 and abs(h - 110) < 3
    qtbot.waitUntil(lambda: panel._overlays["t1"].rect().width() == w, timeout=3000)


def test_track_span_and_keyframe_removal(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    track = lambda: op.items[sha]["tracks"][0]  # noqa: E731
    panel.set_frame(5)
    QTest.keyClick(panel, Qt.Key.Key_BracketLeft)
    assert "Sélectionnez" in panel.status.text() and track()["frames"] == [0, 30]
    panel.select_track("t1")
    QTest.keyClick(panel, Qt.Key.Key_BracketLeft)
    assert track()["frames"] == [5, 30] and list(track()["keyframes"]) == ["5"]
    panel.set_frame(20)
    QTest.keyClick(panel, Qt.Key.Key_BracketRight)
    assert track()["frames"] == [5, 20]
    panel.set_frame(25)
    QTest.keyClick(panel, Qt.Key.Key_O, Qt.KeyboardModifier.ShiftModifier)
    assert track()["frames"] == [5, 25]
    panel.set_frame(2)
    QTest.keyClick(panel, Qt.Key.Key_BracketRight)  # before the start: refused
    assert track()["frames"] == [5, 25]
    assert "précède le début" in panel.status.text()

    tracks.set_keyframe(op, sha, "t1", 15, (120.0, 60.0, 80.0, 80.0))
    panel.set_frame(15)
    QTest.keyClick(panel, Qt.Key.Key_Delete)
    assert list(track()["keyframes"]) == ["5"]
    QTest.keyClick(panel, Qt.Key.Key_Delete)
    assert "pas d'image clé" in panel.status.text()
    panel.set_frame(5)
    QTest.keyClick(panel, Qt.Key.Key_Delete)
    assert "seule image clé" in panel.status.text() and list(track()["keyframes"]) == ["5"]
    op.doc.undo()  # the removal
    assert sorted(track()["keyframes"]) == ["15", "5"]


def test_play_and_pause(qtbot, window, tmp_path):
    _, _, panel = _setup(qtbot, window, tmp_path)
    panel.set_frame(10)
    QTest.keyClick(panel, Qt.Key.Key_Space)
    if panel._player is None:  # no Qt Multimedia backend here: a message, still frames
        assert "✖" in panel.status.text() and not panel.playing()
        return
    qtbot.waitUntil(lambda: panel.frame > 12, timeout=5000)  # the playhead follows the video
    assert panel._video.isVisible() and panel.slider.value() == panel.frame
    assert all(box.edited is None for box in panel._overlays.values())  # boxes follow only
    QTest.keyClick(panel, Qt.Key.Key_Space)
    assert not panel.playing() and panel.play_button.text() == "Lecture (Espace)"
    qtbot.waitUntil(lambda: panel.shown_frame == panel.frame, timeout=5000)  # a still again
    assert not panel._video.isVisible()
    assert all(box.edited is not None for box in panel._overlays.values())  # editable again


def _picture(panel):
    image = panel._pixmap.pixmap().toImage()
    return [[image.pixelColor(x, y).getRgb()[:3] for x in range(0, 320, 8)]
            for y in range(0, 240, 8)]


def test_before_after_shows_the_frame_masked(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    before = _picture(panel)
    QTest.keyClick(panel, Qt.Key.Key_B)
    assert panel.show_masked and not panel._overlays  # the picture as exported, no boxes
    qtbot.waitUntil(lambda: _picture(panel) != before, timeout=5000)
    after = _picture(panel)
    inside = {(r, c) for r in range(30) for c in range(40)
              if 60 <= r * 8 < 140 and 100 <= c * 8 < 180}
    changed = {(r, c) for r in range(30) for c in range(40) if after[r][c] != before[r][c]}
    assert changed and changed <= inside  # the mask lands on the track's box only
    tracks.set_state(op, sha, "t1", tracks.REJECTED)  # a rejected track is not masked
    qtbot.waitUntil(lambda: _picture(panel) == before, timeout=5000)
    QTest.keyClick(panel, Qt.Key.Key_B)
    assert not panel.show_masked and len(panel._overlays) == 1
