"""Infographic editor, export dialog and validation panel driven through their widgets."""

import zipfile

from PySide6.QtCore import Qt

from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from tests.conftest import ASSETS


def _reviewed_op(tmp_path):
    op = Operation.create(tmp_path / "op", "Panneaux")
    import_files(op, [ASSETS / "photos" / "gps.jpg", ASSETS / "photos" / "plaque.jpg"])
    for sha in op.items:
        review.store_detections(op, sha, [], "test")
        review.add_manual(op, sha, "face", (10.0, 10.0, 100.0, 100.0))
        review.mark_reviewed(op, sha)
    op.save()
    return op


def test_infographic_preview_warns_then_exports_every_format(qtbot, window, tmp_path):
    window.set_operation(Operation.create(tmp_path / "op", "Info"))
    panel = window.infographic
    panel.template_box.setCurrentIndex(panel.template_box.findData("bilan-operation"))
    panel.update_preview()
    qtbot.waitUntil(lambda: panel.issues.count() > 0, timeout=20_000)
    assert "conforme" in panel.issues.item(0).text()
    assert not panel.previews.currentWidget().pixmap().isNull()
    panel._inputs["titre"].setText("Opération " + "très " * 120 + "longue")
    panel.update_preview()
    qtbot.waitUntil(lambda: "✖" in panel.issues.item(0).text(), timeout=20_000)
    assert "titre" in panel.issues.item(0).text() and panel.is_stale()
    panel._inputs["titre"].setText("Bilan de la semaine")
    assert panel.export_all()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    written = panel.last_export.files
    records = [p for p in written if p.suffix == ".json"]
    assert len(records) == len(panel.formats) and all(p.exists() for p in written)
    assert written[0].parent.parent == window.op.exports_dir


def test_export_panel_two_channels_with_progress(qtbot, window, tmp_path):
    op = _reviewed_op(tmp_path)
    window.set_operation(op)
    panel = window.export
    panel.channels["x"].setChecked(True)
    panel.channels["linkedin"].setChecked(True)
    panel.out_dir.setText(str(tmp_path / "sorties"))
    panel.start()
    assert panel.worker is not None and panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    assert "4 fichier(s)" in panel.summary.toPlainText()
    assert panel.jobs.rowCount() == 4 and panel.open_button.isEnabled()
    assert len(list((tmp_path / "sorties").glob("*.jpg"))) == 4


def test_validation_panel_packs_a_review_bundle(qtbot, window, tmp_path):
    op = _reviewed_op(tmp_path)
    window.set_operation(op)
    panel = window.validation
    assert panel.table.rowCount() == 2
    panel.pack(tmp_path / "relecture.zip")
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    assert "Paquet" in panel.log.toPlainText()
    with zipfile.ZipFile(tmp_path / "relecture.zip") as zf:
        names = zf.namelist()
    assert any(n.endswith(".html") for n in names) and any(n.endswith(".pdf") for n in names)
    qtbot.waitUntil(lambda: "valider" in panel.table.item(0, 1).text(), timeout=3000)
    assert panel.table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEnabled


def test_compare_two_photos_and_filter_by_culling(qtbot, window, tmp_path):
    op = _reviewed_op(tmp_path)
    window.set_operation(op)
    qtbot.waitUntil(lambda: window.grid.count() == 2, timeout=3000)
    window.grid.selectAll()
    dialog = window.compare_selection()
    assert dialog is not None and len(dialog.cells) == 2
    qtbot.addWidget(dialog)
    first = next(iter(dialog.cells))
    dialog.findChildren(type(window.export.start_button))[0].click()  # "Retenir" on the first
    assert op.items[first]["flag"] == "pick"
    assert "retenue" in dialog.cells[first].text()
    window.chutier.cull.setCurrentIndex(window.chutier.cull.findData("pick"))
    assert window.grid.count() == 1
    window.grid.clearSelection()
    assert window.compare_selection() is None  # fewer than two photos: a clear message
    assert "deux à quatre" in window.statusBar().currentMessage()


def test_validation_panel_sets_up_keys_from_the_window(qtbot, window, tmp_path):
    from mediakit.validation.keys import reviewers

    op = _reviewed_op(tmp_path)
    window.set_operation(op)
    panel = window.validation
    assert "Aucune clé" in panel.reviewers.text()
    private, public = panel.create_keys("Chef de service", tmp_path / "cles", register=False)
    assert private.exists() and public.exists() and not reviewers(op)
    assert "jamais envoyer" in panel.log.toPlainText()
    fingerprint = panel.register_reviewer("Chef de service", public)
    assert reviewers(op)["Chef de service"]["fingerprint"] == fingerprint
    assert "Chef de service" in panel.reviewers.text()
    assert panel.create_keys("Chef de service", tmp_path / "cles") is None  # never overwritten
    assert "existe déjà" in panel.log.toPlainText()


def test_pack_warns_about_unreviewed_items_and_stops(qtbot, window, tmp_path):
    op = _reviewed_op(tmp_path)
    sha = next(iter(op.items))
    review.mark_reviewed(op, sha, False)
    window.set_operation(op)
    panel = window.validation
    asked = []
    panel.confirm_override = lambda blockers: asked.append(blockers)  # "Revoir d'abord"
    assert not panel.pack(tmp_path / "relecture.zip")
    assert len(asked[0]) == 1 and op.items[sha]["name"] in asked[0][0]
    assert panel.worker is None and not (tmp_path / "relecture.zip").exists()
    assert "1 élément(s) à revoir" in panel.log.toPlainText()


def test_pack_with_an_override_reason_goes_on(qtbot, window, tmp_path):
    op = _reviewed_op(tmp_path)
    review.mark_reviewed(op, next(iter(op.items)), False)
    window.set_operation(op)
    panel = window.validation
    panel.confirm_override = lambda blockers: "urgence préfecture"
    assert panel.pack(tmp_path / "relecture.zip")
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    assert (tmp_path / "relecture.zip").exists(), panel.log.toPlainText()
    from mediakit.library.audit import AUDIT_FILE

    assert "urgence préfecture" in (op.root / AUDIT_FILE).read_text(encoding="utf-8")


def test_publish_asks_which_channels(qtbot, window, tmp_path):
    from mediakit.ui.validation_panel import ChannelDialog

    op = _reviewed_op(tmp_path)
    window.set_operation(op)
    from mediakit.channels.presets import load_presets

    dialog = ChannelDialog(window.validation, load_presets(), {"x"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert set(dialog.boxes) == set(load_presets()) and dialog.chosen() == ["x"]
    dialog.boxes["x"].setChecked(False)
    assert not ok.isEnabled()  # at least one channel
    dialog.boxes["linkedin"].setChecked(True)
    assert dialog.chosen() == ["linkedin"] and ok.isEnabled()
    window.validation.publish(["linkedin"])
    qtbot.waitUntil(lambda: window.validation.worker is None, timeout=60_000)
    text = window.validation.log.toPlainText()
    assert "0 fichier(s) prêt(s) à publier" in text and "NON VALIDÉ" in text
    assert "--channels" not in text


def test_validation_table_keeps_its_comments_wide_and_a_refusal_is_said_once(
        qtbot, window, tmp_path):
    import json

    op = _reviewed_op(tmp_path)
    window.set_operation(op)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.validation)
    panel = window.validation
    panel.refresh()  # refreshed again (a key registered, a decision applied…)
    qtbot.wait(20)
    table = panel.table
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert right >= table.viewport().width() - 2  # the comments column fills the row
    bad = tmp_path / "decision.json"
    from mediakit.validation.html_page import DECISION_FORMAT

    bad.write_text(json.dumps({"format": DECISION_FORMAT,  # no known reviewer, unsigned
                               "decision": {"operation_id": op.id, "reviewer": "X"}}),
                   encoding="utf-8")
    assert panel.import_decision(bad) is None
    text = panel.log.toPlainText()
    assert text.count("décision refusée") == 1 and "relecteur" in text, text
