"""Rush review: frame display and stepping, reject a track, draw a manual track and undo,
dérushage in/out marks, boxes moved and resized with the mouse, track spans, playback;
« Nouvelle piste », drawing never goes into a rejected track, keyframes only on a masked
one, suspect tracks (à vérifier) first, Tab to the next, A/M and R/X; the table fits
1366×768."""

import copy

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from mediakit.library import audit
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
    op.doc.set(("items", sha, "detection"), {"detector": "test"})  # ran, found nothing
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

    # D continues the selected track once it is masked again (a manual one)
    panel.select_track("t1")
    QTest.keyClick(panel, Qt.Key.Key_A)
    assert op.items[sha]["tracks"][0]["state"] == "accepted"
    panel.set_frame(40)
    panel.toggle_drawing()
    assert "piste t1" in panel.status.text()
    _drag(panel.view, QPointF(150, 100), QPointF(250, 200))
    qtbot.waitUntil(lambda: "40" in op.items[sha]["tracks"][0]["keyframes"], timeout=3000)
    assert op.items[sha]["tracks"][0]["frames"] == [0, 40]

    # dérushage: in at frame 5, out at frame 30, a marker at frame 30
    panel.set_frame(5)
    QTest.keyClick(panel, Qt.Key.Key_I)
    panel.set_frame(30)
    QTest.keyClick(panel, Qt.Key.Key_O)
    QTest.keyClick(panel, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier)
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


def _track(op, sha, track_id):
    return next(t for t in op.items[sha]["tracks"] if t["id"] == track_id)


def _rows(panel):
    return [[panel.list.topLevelItem(i).text(c) for c in range(panel.list.columnCount())]
            for i in range(panel.list.topLevelItemCount())]


def test_new_track_starts_at_the_current_frame(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    panel.select_track("t1")  # a masked manual track selected: N still makes a new one
    before = copy.deepcopy(_track(op, sha, "t1"))
    panel.set_frame(12)
    QTest.keyClick(panel, Qt.Key.Key_N)
    assert panel.view.drawing and "Nouvelle piste" in panel.status.text()
    _drag(panel.view, QPointF(200, 20), QPointF(260, 80))
    qtbot.waitUntil(lambda: len(op.items[sha]["tracks"]) == 2, timeout=3000)
    new = _track(op, sha, "t2")
    assert new["source"] == "manual" and new["state"] == "accepted"
    assert new["frames"][0] == 12 and list(new["keyframes"]) == ["12"]
    assert _track(op, sha, "t1") == before
    assert panel._selected == "t2" and not panel.view.drawing
    [added] = [e for e in audit.entries(op.root) if e["action"] == "track_added"
               and e["details"]["track"] == "t2"]
    assert added["details"]["frame"] == 12

    QTest.keyClick(panel, Qt.Key.Key_N)  # N twice: armed, then cancelled
    QTest.keyClick(panel, Qt.Key.Key_N)
    assert not panel.view.drawing
    QTest.keyClick(panel, Qt.Key.Key_N)
    QTest.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.view.drawing and len(op.items[sha]["tracks"]) == 2


def test_drawing_never_goes_into_a_rejected_or_automatic_track(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    tracks.set_state(op, sha, "t1", tracks.REJECTED)
    op.doc.append(("items", sha, "tracks"), {
        "id": "t2", "label": "plate", "source": "auto", "state": "accepted",
        "frames": [0, 10], "keyframes": {"0": [10.0, 10.0, 40.0, 20.0]}, "score": 0.9,
        "best": None, "person": None})
    rejected, automatic = (copy.deepcopy(_track(op, sha, t)) for t in ("t1", "t2"))
    for selected, frame, start in (("t1", 45, QPointF(20, 20)), ("t2", 5, QPointF(200, 120))):
        panel.select_track(selected)
        panel.set_frame(frame)
        count = len(op.items[sha]["tracks"])
        QTest.keyClick(panel, Qt.Key.Key_D)
        assert "Nouvelle piste" in panel.status.text()
        _drag(panel.view, start, start + QPointF(60, 50))
        qtbot.waitUntil(lambda c=count: len(op.items[sha]["tracks"]) == c + 1, timeout=3000)
        new = op.items[sha]["tracks"][-1]
        assert new["source"] == "manual" and new["frames"][0] == frame
        assert list(new["keyframes"]) == [str(frame)]
    assert _track(op, sha, "t1") == rejected  # time range and keyframes untouched
    assert _track(op, sha, "t2") == automatic


def test_keyframe_only_on_a_masked_track(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    QTest.keyClick(panel, Qt.Key.Key_E)
    assert "Sélectionnez" in panel.status.text() and not panel.view.drawing
    panel.select_track("t1")
    QTest.keyClick(panel, Qt.Key.Key_R)
    before = copy.deepcopy(_track(op, sha, "t1"))
    panel.set_frame(20)
    QTest.keyClick(panel, Qt.Key.Key_E)
    assert "refusée" in panel.status.text() and "t1" in panel.status.text()
    assert not panel.view.drawing and _track(op, sha, "t1") == before

    QTest.keyClick(panel, Qt.Key.Key_A)  # masked again: E is allowed, on that track
    QTest.keyClick(panel, Qt.Key.Key_E)
    assert panel.view.drawing and "piste t1" in panel.status.text()
    _drag(panel.view, QPointF(150, 100), QPointF(230, 180))
    qtbot.waitUntil(lambda: "20" in _track(op, sha, "t1")["keyframes"], timeout=3000)
    assert len(op.items[sha]["tracks"]) == 1 and _track(op, sha, "t1")["frames"] == [0, 30]


def _suspect(track_id, first, last, best):
    return {"id": track_id, "label": "face", "source": "auto", "state": "suspect",
            "suspect": True, "frames": [first, last],
            "keyframes": {str(first): [200.0, 20.0, 50.0, 50.0],
                          str(last): [210.0, 30.0, 50.0, 50.0]},
            "score": 0.3, "best": {"frame": best, "box": [205.0, 25.0, 50.0, 50.0]},
            "person": None}


def test_suspect_tracks_first_tab_and_decisions(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    op.doc.append(("items", sha, "tracks"), _suspect("t2", 30, 40, 35))
    op.doc.append(("items", sha, "tracks"), _suspect("t3", 10, 20, 15))
    op.doc.append(("items", sha, "tracks"), _suspect("t4", 12, 22, 18))
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 4, timeout=3000)
    rows = _rows(panel)
    assert [r[0] for r in rows] == ["t3", "t4", "t2", "t1"]  # suspects first, by start
    assert [r[3] for r in rows] == ["à vérifier"] * 3 + ["masqué"]
    assert "3 piste(s) à vérifier" in panel.status.text()

    QTest.keyClick(panel, Qt.Key.Key_V)  # refused: suspects undecided, said in the status
    assert not op.items[sha].get("tracks_reviewed")
    assert "✖" in panel.status.text() and "à vérifier" in panel.status.text()

    QTest.keyClick(panel, Qt.Key.Key_Tab)
    assert panel._selected == "t3" and panel.frame == 15  # at its best frame
    assert panel.list.currentItem().text(0) == "t3"
    box = panel._overlays["t3"]  # dashed orange, not filled: not masked yet
    assert box.pen().style() == Qt.PenStyle.CustomDashLine  # as in the photo review
    assert box.pen().color() == QColor("#d97706") and box.brush().color().alpha() == 0
    assert panel._overlays["t1"].pen().style() == Qt.PenStyle.SolidLine
    label = next(c for c in box.childItems() if hasattr(c, "text"))
    assert label.text().endswith("à vérifier")
    assert not [r for r in _rows(panel) if r[0] in ("t2", "t3", "t4") and r[3] != "à vérifier"]
    QTest.keyClick(panel, Qt.Key.Key_Tab)
    assert panel._selected == "t4" and panel.frame == 18
    QTest.keyClick(panel, Qt.Key.Key_Tab)
    assert panel._selected == "t2"
    QTest.keyClick(panel, Qt.Key.Key_Tab)  # round again
    assert panel._selected == "t3"

    QTest.keyClick(panel, Qt.Key.Key_E)  # a suspect takes no keyframe before its decision
    assert "refusée" in panel.status.text() and not panel.view.drawing

    QTest.keyClick(panel, Qt.Key.Key_A)  # masquer
    assert _track(op, sha, "t3")["state"] == "accepted"
    [entry] = [e for e in audit.entries(op.root) if e["action"] == "track_accepted"]
    assert entry["item"] == sha and entry["details"]["track"] == "t3"
    assert entry["details"]["old"] == "suspect" and entry["details"]["suspect"] is True
    QTest.keyClick(panel, Qt.Key.Key_Tab)  # decided ones are skipped
    assert panel._selected == "t4"
    QTest.keyClick(panel, Qt.Key.Key_X)  # laisser visible (a false detection dismissed)
    qtbot.waitUntil(lambda: {r[0]: r[3] for r in _rows(panel)}["t4"] == "laissé visible",
                    timeout=3000)
    QTest.keyClick(panel, Qt.Key.Key_Tab)
    assert panel._selected == "t2"
    QTest.keyClick(panel, Qt.Key.Key_M)  # masquer, the other key
    assert [_track(op, sha, t)["state"] for t in ("t2", "t3", "t4")] == \
        ["accepted", "accepted", "rejected"]
    assert sum(e["action"] in ("track_accepted", "track_rejected")
               for e in audit.entries(op.root)) == 3
    QTest.keyClick(panel, Qt.Key.Key_Tab)
    assert "Aucune piste à vérifier" in panel.status.text()
    QTest.keyClick(panel, Qt.Key.Key_V)
    assert op.items[sha]["tracks_reviewed"]


def test_refused_review_before_detection_is_shown(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    op.doc.delete(("items", sha, "detection"))
    QTest.keyClick(panel, Qt.Key.Key_V)
    assert not op.items[sha].get("tracks_reviewed")
    assert "✖" in panel.status.text() and "détection" in panel.status.text()
    assert "mediakit" not in panel.status.text() and "--" not in panel.status.text()


def test_every_column_visible_at_1366x768(qtbot, window, tmp_path):
    from mediakit.ui.widgets import MAX_DEFAULT

    op, sha, panel = _setup(qtbot, window, tmp_path)
    op.doc.append(("items", sha, "tracks"), _suspect("t12", 100, 148, 120))
    op.doc.append(("items", sha, "tracks"), {**_suspect("t13", 0, 10, 5), "label": "name_tape",
                                             "state": "rejected"})
    # the default size on a 1366×768 screen (its task bar and the window frame taken off)
    window.resize(MAX_DEFAULT.boundedTo(QSize(1366 - 16, 768 - 40 - 40)))
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 3, timeout=3000)
    QTest.qWait(50)
    tree, header = panel.list, panel.list.header()
    room = tree.viewport().width()
    for column in range(tree.columnCount()):
        assert not header.isSectionHidden(column)
        assert header.sectionViewportPosition(column) >= 0
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room
    assert tree.horizontalScrollBar().maximum() == 0
    metrics = tree.fontMetrics()
    for column in (0, 2, 3):  # the essential ones are never cut
        for i in range(tree.topLevelItemCount()):
            text = tree.topLevelItem(i).text(column)
            assert metrics.horizontalAdvance(text) <= header.sectionSize(column), text
    area = window.tabs.area(panel)  # the tab's scroll area
    assert area.horizontalScrollBar().maximum() == 0
    assert area.verticalScrollBar().maximum() == 0
    assert panel.view.width() > 600  # the picture keeps most of the room
    width = panel.view.width()
    QTest.keyClick(panel, Qt.Key.Key_Tab)  # long status lines wrap, the picture stays put
    QTest.keyClick(panel, Qt.Key.Key_N)
    QTest.qWait(50)
    assert len(panel.status.text().splitlines()) >= 4 and panel.view.width() == width
    assert area.verticalScrollBar().maximum() == 0


def _drag_strip(strip, x0: float, x1: float) -> None:
    y = strip.height() // 2
    a, b = QPointF(x0 * strip.width(), y).toPoint(), QPointF(x1 * strip.width(), y).toPoint()
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 6):
        QTest.mouseMove(strip, a + (b - a) * i / 5)
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def test_voice_disguise_on_a_range_listen_and_undo(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    panel.disguise_selection()  # nothing selected yet: says how
    assert "Sélectionnez d'abord une plage" in panel.status.text()
    assert "voice" not in op.items[sha]

    _drag_strip(panel.strip, 0.2, 0.6)  # 2 s rush: about 0.4 s to 1.2 s
    start, end = panel.selection
    assert abs(start - 0.4) < 0.1 and abs(end - 1.2) < 0.1
    assert panel.strip.selection is not None and "Sélection" in panel.status.text()
    panel.voice_preset.setCurrentIndex(panel.voice_preset.findData("aigu"))
    QTest.keyClick(panel, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    voice = op.items[sha]["voice"]
    assert voice["preset"] == "aigu" and voice["ranges"] == [[start, end]]
    assert voice["seed"] == panel._voice_seed  # the one the preview used
    assert Operation.open(op.root).items[sha]["voice"] == voice  # saved
    qtbot.waitUntil(lambda: bool(panel.strip.voice), timeout=3000)  # drawn under the band
    assert "Voix modifiée : " in panel.status.text()
    entry = [e for e in audit.entries(op.root) if e["action"] == "audio_voice"][-1]
    assert entry["details"] == {"old": None, "new": {"preset": "aigu",
                                                     "ranges": [[start, end]]}}

    # listen after, then before: rendered off the UI thread into the operation's cache
    panel.listen_after()
    assert panel.preview_worker is not None
    qtbot.waitUntil(lambda: panel.preview_worker is None, timeout=30000)
    after = panel.last_preview
    assert after.parent == op.root / "cache" / "voice" and after.stat().st_size > 1000
    panel.listen_before()
    qtbot.waitUntil(lambda: panel.preview_worker is None, timeout=30000)
    before = panel.last_preview
    assert before != after and before.read_bytes() != after.read_bytes()
    assert "Écoute" in panel.status.text()

    window.undo()
    assert "voice" not in op.items[sha]
    qtbot.waitUntil(lambda: not panel.strip.voice, timeout=3000)
    window.redo()
    assert op.items[sha]["voice"]["ranges"] == [[start, end]]

    # the whole rush, then its original voice back on I/O's range
    panel.select_whole()
    panel.disguise_selection()
    assert op.items[sha]["voice"]["ranges"] == [[0.0, None]]
    panel.set_frame(10)
    QTest.keyClick(panel, Qt.Key.Key_I)
    panel.set_frame(20)
    QTest.keyClick(panel, Qt.Key.Key_O)
    assert panel.selection == (0.4, 0.8)
    panel.restore_selection()
    assert op.items[sha]["voice"]["ranges"] == [[0.0, 0.4], [0.8, None]]


def test_a_click_on_the_slider_moves_the_playhead_there(qtbot, window, tmp_path):
    op, sha, panel = _setup(qtbot, window, tmp_path)
    slider = panel.slider
    qtbot.waitUntil(lambda: slider.width() > 100, timeout=3000)
    y = slider.height() // 2
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPointF(slider.width() * 0.75, y).toPoint())
    wanted = 0.75 * slider.maximum()  # where the click was, not one page step from 0
    assert abs(panel.frame - wanted) <= 0.05 * slider.maximum() + 1, (panel.frame, wanted)
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPointF(slider.width() * 0.25, y).toPoint())
    assert abs(panel.frame - 0.25 * slider.maximum()) <= 0.05 * slider.maximum() + 1
