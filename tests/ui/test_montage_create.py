"""A montage made in the window: from the chutier's selection, French numbers, titles added
and removed with buttons, a preview bounded by the real length, render with progress and
cancel."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from mediakit.channels.export import run_export
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from tests.conftest import make_video


def _op(tmp_path):
    make_video(tmp_path / "a.mp4", seconds=2.0, size="320x240")
    make_video(tmp_path / "b.mp4", seconds=2.0, size="320x240", extra=["-vf", "negate"])
    op = Operation.create(tmp_path / "op", "Montage")
    import_files(op, [tmp_path / "a.mp4", tmp_path / "b.mp4"])
    for sha in op.items:  # synthetic rushes without faces: detection ran, reviewed
        op.doc.set(("items", sha, "tracks"), [])
        op.doc.set(("items", sha, "detection"), {"detector": "test"})
        review.mark_reviewed(op, sha)
    op.save()
    return op


def test_new_montage_from_the_chutier_selection(qtbot, window, tmp_path, monkeypatch):
    op = _op(tmp_path)
    window.set_operation(op)
    panel = window.montage
    assert not panel.editor.isEnabled() and "Nouveau montage" in panel.message.text()
    window.grid.selectAll()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Reportage", True))
    assert panel.new_montage()
    tl = op.doc.get(("timelines", "Reportage"))
    assert [c["type"] for c in tl["clips"]] == ["video", "video"]
    assert panel.montages.currentText() == "Reportage" and panel.clips.count() == 2
    assert "vidéo" in panel.clips.item(0).text()  # kinds in French, not "video"
    assert abs(panel.duration() - 4.0) < 0.1
    assert panel.time.maximum() < 40  # the slider ends inside the 4 s montage

    panel.clips.setCurrentRow(1)
    panel.in_box.lineEdit().selectAll()
    QTest.keyClicks(panel.in_box.lineEdit(), "0,5")  # French decimal comma
    panel.in_box.interpretText()
    assert panel.in_box.value() == 0.5
    panel.apply_clip()
    assert op.doc.get(("timelines", "Reportage", "clips", 1, "in")) == 0.5
    assert abs(panel.duration() - 3.5) < 0.1

    panel.title_text.setText("Opération Test")
    panel.title_end.setValue(1.0)
    panel.add_title()
    qtbot.waitUntil(lambda: panel.titles.count() == 1, timeout=3000)
    assert "titre" in panel.titles.item(0).text()
    panel.titles.setCurrentRow(0)
    panel.remove_title()
    assert not op.doc.get(("timelines", "Reportage", "titles"))
    qtbot.waitUntil(lambda: panel.titles.count() == 0, timeout=3000)

    panel.time.setValue(panel.time.maximum())  # the last instant previews, no error
    panel.update_preview()
    qtbot.waitUntil(lambda: not panel.preview.source().isNull(), timeout=60_000)
    assert "✖" not in panel.message.text()

    out = tmp_path / "montage.mp4"
    panel.render(out, speed="ultrafast")
    assert not panel.render_progress.isHidden() and not panel.cancel_button.isHidden()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    assert out.exists(), panel.message.text()
    assert panel.render_progress.isHidden()
    [(sha, item)] = [(s, it) for s, it in op.items.items() if it["kind"] == "montage"]
    assert item["name"] == "montage Reportage"
    assert set(item["sources"]) == {s for s, it in op.items.items() if it["kind"] == "video"}
    summary = run_export(op, ["x"], tmp_path / "canaux", items=[sha])  # a deliverable
    assert len(summary.outputs) == 1 and summary.outputs[0]["output"].endswith(".mp4")

    cancelled = tmp_path / "annule.mp4"
    panel.render(cancelled, speed="ultrafast")
    panel.cancel_render()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    assert not cancelled.exists()
    assert "annulé" in panel.message.text() or "✖" in panel.message.text()


def test_new_montage_needs_a_selection(qtbot, window, tmp_path):
    op = _op(tmp_path)
    window.set_operation(op)
    window.grid.clearSelection()
    assert not window.montage.new_montage(name="vide")
    assert "Chutier" in window.montage.message.text() or "chutier" in window.montage.message.text()
    QTest.keyClick(window.montage, Qt.Key.Key_Escape)


def test_new_montage_without_a_selection_offers_the_rushes_and_photos(qtbot, window,
                                                                       tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from mediakit.ui.montage_panel import SourcesDialog

    op = _op(tmp_path)
    window.set_operation(op)
    window.grid.clearSelection()
    names = {it["name"]: s for s, it in op.items.items()}

    def tick(dialog: SourcesDialog) -> int:
        entries = [dialog.items.item(i) for i in range(dialog.items.count())]
        assert sorted(e.text().split(" ")[0] for e in entries) == ["a.mp4", "b.mp4"]
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # nothing ticked yet
        for wanted in ("b.mp4", "a.mp4"):  # ticked in this order: the montage's order
            next(e for e in entries if e.text().startswith(wanted)).setCheckState(
                Qt.CheckState.Checked)
        assert ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SourcesDialog, "exec", tick)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sans sélection", True))
    assert window.montage.new_montage()
    clips = op.doc.get(("timelines", "Sans sélection", "clips"))
    assert [c["item"] for c in clips] == [names["b.mp4"], names["a.mp4"]]
