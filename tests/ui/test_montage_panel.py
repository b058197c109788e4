"""Montage editor: a two-clip montage built, trimmed, titled, previewed and rendered."""

from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.media.probe import video_info
from mediakit.privacy import review
from mediakit.privacy.detector import Detector
from mediakit.video import tracks
from mediakit.video.montage.timeline import save_timeline
from mediakit.video.operation import detect_item
from tests.conftest import make_video


def test_two_clip_montage_through_the_editor(qtbot, window, tmp_path):
    make_video(tmp_path / "a.mp4", seconds=2.0, size="320x240")
    make_video(tmp_path / "b.mp4", seconds=2.0, size="320x240", extra=["-vf", "negate"])
    op = Operation.create(tmp_path / "op", "Montage")
    import_files(op, [tmp_path / "a.mp4", tmp_path / "b.mp4"])
    detector = Detector(profile="video")
    for sha in op.items:  # the rushes are anonymised (tracks reviewed) before the edit
        detect_item(op, sha, detector)
        for track in tracks.item_tracks(op, sha):  # test pattern: its suspects are no face
            if track["state"] == tracks.SUSPECT:
                tracks.set_state(op, sha, track["id"], tracks.REJECTED)
        review.mark_reviewed(op, sha)
    save_timeline(op, "principal", {"width": 320, "height": 240, "fps": 25, "clips": [
        {"item": "a.mp4", "in": 0.0, "out": 1.5}, {"item": "b.mp4", "in": 0.0, "out": 1.5}]})
    op.save()
    window.set_operation(op)
    panel = window.montage
    qtbot.waitUntil(lambda: panel.clips.count() == 2, timeout=3000)
    panel.move_clip(1, 0)  # what a drag in the list does
    qtbot.waitUntil(lambda: "b.mp4" in panel.clips.item(0).text(), timeout=3000)
    panel.clips.setCurrentRow(1)
    panel.in_box.setValue(0.2)
    panel.out_box.setValue(1.2)
    panel.transition.setCurrentIndex(panel.transition.findData("crossfade"))
    panel.apply_clip()
    clip = op.doc.get(("timelines", "principal", "clips", 1))
    assert (clip["in"], clip["out"], clip["transition"]["type"]) == (0.2, 1.2, "crossfade")
    panel.title_text.setText("Opération Test")
    panel.title_end.setValue(1.0)
    panel.add_title()
    assert op.doc.get(("timelines", "principal", "titles", 0, "text")) == "Opération Test"
    panel.time.setValue(5)
    panel.update_preview()
    assert "aperçu en préparation" in panel.time_label.text()  # said while it composes
    qtbot.waitUntil(lambda: panel.preview.pixmap() is not None
                    and not panel.preview.pixmap().isNull(), timeout=60_000)
    qtbot.waitUntil(lambda: "préparation" not in panel.time_label.text(), timeout=10_000)
    window.undo()  # the title goes away
    assert not op.doc.get(("timelines", "principal", "titles"))
    out = tmp_path / "montage.mp4"
    panel.render(out)
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    assert out.exists(), panel.message.text()
    assert abs(video_info(out)["duration"] - 2.1) < 0.15  # 1.5 + 1.0 - 0.5 crossfade
    assert "Charte : lisibilité conforme" in panel.message.text()  # the check's verdict
