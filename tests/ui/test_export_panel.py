"""Export tab: check or uncheck every item, one job cancelled alone, rows that say how they
ended, a summary of what was written, an override that asks for a reason."""

from pathlib import Path

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
