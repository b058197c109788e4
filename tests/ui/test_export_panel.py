"""Export tab: check or uncheck every item, one job cancelled alone, rows that say how they
ended, a summary of what was written, an override that asks for a reason."""

from pathlib import Path

from PySide6.QtCore import Qt

from mediakit.channels.export import run_export
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from tests.conftest import ASSETS


def _op(tmp_path: Path, reviewed: bool = True) -> Operation:
    op = Operation.create(tmp_path / "op", "Export")
    import_files(op, [ASSETS / "photos" / "gps.jpg", ASSETS / "photos" / "plaque.jpg"])
    for sha in op.items:
        review.store_detections(op, sha, [], "test")
        if reviewed:
            review.mark_reviewed(op, sha)
    op.save()
    return op


def test_one_job_cancelled_alone_in_the_core(tmp_path):
    op = _op(tmp_path)
    summary = run_export(op, ["x", "linkedin"], tmp_path / "out",
                         skip=lambda job: job.startswith("gps.jpg") and job.endswith("x"))
    assert summary.cancelled == ["gps.jpg → x"]
    assert len(summary.outputs) == 3  # the rest of the batch went on


def test_export_panel_checks_summary_rows_and_folder(qtbot, window, tmp_path):
    op = _op(tmp_path)
    window.set_operation(op)
    panel = window.export
    panel.check_all(False)
    assert panel.selected_items() == []
    panel.start()
    assert panel.worker is None and "au moins un élément" in panel.summary.toPlainText()
    panel.check_all(True)
    panel.channels["x"].setChecked(True)
    panel.out_dir.setText(str(tmp_path / "sorties"))
    panel.start()
    assert panel.cancel_job_button.isEnabled()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    text = panel.summary.toPlainText()
    assert "2 fichier(s)" in text and ".jpg" in text  # what was written, by name
    assert all(panel.jobs.item(r, 1).text() == "terminé" for r in range(panel.jobs.rowCount()))
    assert panel.open_button.isEnabled()


def test_override_asks_a_reason_and_logs_it(qtbot, window, tmp_path, monkeypatch):
    op = _op(tmp_path, reviewed=False)
    window.set_operation(op)
    panel = window.export
    panel.channels["x"].setChecked(True)
    panel.out_dir.setText(str(tmp_path / "sorties"))
    panel.force.setChecked(True)
    monkeypatch.setattr(panel, "ask_reason", lambda blockers: None)
    panel.start()
    assert panel.worker is None and "raison" in panel.summary.toPlainText()
    monkeypatch.setattr(panel, "ask_reason", lambda blockers: "urgence : point presse")
    panel.start()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    assert "MASQUES NON REVUS" in panel.summary.toPlainText()
    [entry] = [e for e in audit.entries(op.root) if e["action"] == "override"]
    assert entry["details"]["reason"] == "urgence : point presse"


def test_job_rows_name_the_channel_by_its_label_and_keep_long_names_readable(
        qtbot, window, tmp_path):
    """At 1366×768 the job column takes the room; rows say « Instagram (fil) », not the
    preset's id; a long item name is elided in the middle and whole in the tooltip."""
    op = Operation.create(tmp_path / "op", "Export")
    long_name = "conference-de-presse-du-prefet-de-police-sur-les-interpellations.jpg"
    source = tmp_path / long_name
    source.write_bytes((ASSETS / "photos" / "gps.jpg").read_bytes())
    import_files(op, [source])
    for sha in op.items:
        review.store_detections(op, sha, [], "test")
        review.mark_reviewed(op, sha)
    op.save()
    window.set_operation(op)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.export)
    panel = window.export
    assert panel.channels["instagram-feed"].text() == "Instagram (fil)"
    panel.channels["instagram-feed"].setChecked(True)
    panel.out_dir.setText(str(tmp_path / "sorties"))
    panel.start()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    cell = panel.jobs.item(0, 0)
    assert cell.text() == f"{long_name} → Instagram (fil)"
    assert "instagram-feed" not in cell.text()
    assert cell.toolTip() == cell.text()
    assert cell.data(Qt.ItemDataRole.UserRole) == f"{long_name} → instagram-feed"  # the key
    viewport = panel.jobs.viewport().width()
    assert panel.jobs.columnWidth(0) >= viewport - panel.jobs.columnWidth(1) - 2
    assert panel.jobs.columnWidth(0) > 2 * panel.jobs.columnWidth(1)
    assert panel.jobs.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_channel_labels_are_english_in_the_english_interface(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from mediakit.channels.presets import load_presets
    from mediakit.ui import i18n
    from mediakit.ui.app import MainWindow
    from mediakit.ui.labels import CHANNEL_LABELS, channel_label

    bundled = {name: p for name, p in load_presets().items() if "label" in p}
    assert {p["label"] for p in bundled.values()} <= set(CHANNEL_LABELS)  # none forgotten
    monkeypatch.setenv("MEDIAKIT_LANG", "en")
    assert i18n.install("en")
    try:
        assert channel_label("instagram-feed") == "Instagram (feed)"
        assert channel_label("press").startswith("Press")
        assert channel_label("unknown-channel") == "unknown-channel"
        window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        assert window.export.channels["instagram-feed"].text() == "Instagram (feed)"
        assert window.export._job_item("a.jpg → instagram-story").text() == \
            "a.jpg → Instagram (story)"
    finally:
        i18n.install("fr")
