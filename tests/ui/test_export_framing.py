"""Export tab: « centre here at this time » on a video, per format, undoable."""

from PySide6.QtCore import QPoint, Qt

from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from tests.conftest import make_video


def test_framing_keyframe_set_from_the_export_tab(qtbot, window, tmp_path):
    clip = make_video(tmp_path / "rush.mp4", seconds=2.0, size="320x180", audio=False)
    op = Operation.create(tmp_path / "op", "Cadrage")
    import_files(op, [clip])
    sha = next(iter(op.items))
    window.set_operation(op)
    panel = window.export
    panel.items.setCurrentRow(0)
    panel.frame_format.setCurrentIndex(0)  # 9:16
    panel.frame_time.setValue(1.25)
    panel.frame_x.setValue(0.3)
    panel.set_framing_key()
    assert op.items[sha]["reframe"]["9:16"] == [{"t": 1.25, "x": 0.3, "y": None}]
    assert "1,25 s" in panel.frame_keys.text()
    panel.frame_format.setCurrentIndex(2)  # 1:1: none there
    assert "automatique" in panel.frame_keys.text()
    op.doc.undo()
    assert not (op.items[sha].get("reframe") or {}).get("9:16")
    # the picture at that time, off the UI thread; a click on it picks the centre
    panel.frame_format.setCurrentIndex(0)
    panel.show_frame()
    qtbot.waitUntil(lambda: panel._frame_worker is None, timeout=20000)
    assert panel.frame_view.image is not None and panel.frame_view.image.width() == 320
    qtbot.mouseClick(panel.frame_view, Qt.MouseButton.LeftButton, pos=QPoint(240, 40))
    assert abs(panel.frame_x.value() - 0.75) < 0.01
    panel.set_framing_key()
    assert op.items[sha]["reframe"]["9:16"][0]["x"] == 0.75
