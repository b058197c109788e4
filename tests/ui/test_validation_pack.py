"""The review bundle prepared from the Validation tab: items to submit (unreviewed ones
flagged), channels whose exported files are joined, through the real dialogs."""

from __future__ import annotations

import json
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from mediakit.channels.presets import load_presets
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from mediakit.ui.messages import has_command_line
from mediakit.ui.validation_panel import PackDialog
from mediakit.ui.widgets import WARNING_MARK
from tests.conftest import ASSETS
from tests.ui.gestures import answering, click


@pytest.fixture()
def dialogs():
    yield from answering()


def _op(tmp_path, reviewed: int = 3) -> tuple[Operation, list[str]]:
    """Three photos with one manual mask each, the first ``reviewed`` marked reviewed."""
    op = Operation.create(tmp_path / "op", "Paquet")
    import_files(op, [ASSETS / "photos" / n for n in ("gps.jpg", "groupe.jpg", "plaque.jpg")])
    shas = sorted(op.items, key=lambda s: op.items[s]["name"])
    for i, sha in enumerate(shas):
        review.store_detections(op, sha, [], "test")
        review.add_manual(op, sha, "face", (10.0, 10.0, 100.0, 100.0))
        if i < reviewed:
            review.mark_reviewed(op, sha)
    op.save()
    return op, shas


def _entries(dialog: PackDialog) -> dict[str, object]:
    return {dialog.items.item(i).data(Qt.ItemDataRole.UserRole): dialog.items.item(i)
            for i in range(dialog.items.count())}


def test_pack_dialog_flags_unreviewed_items_and_needs_one(qtbot, tmp_path):
    op, shas = _op(tmp_path, reviewed=2)
    dialog = PackDialog(None, op, load_presets())
    qtbot.addWidget(dialog)
    entries = _entries(dialog)
    assert list(entries) == shas and dialog.chosen_items() == shas  # all ticked
    assert dialog.chosen_channels() == []  # previews only unless a channel is ticked
    flagged = [s for s, e in entries.items() if e.text().startswith(WARNING_MARK)]
    assert flagged == [shas[2]]
    assert "revu" in entries[shas[2]].toolTip() and "mediakit" not in entries[shas[2]].toolTip()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for entry in entries.values():
        entry.setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()  # nothing to submit
    entries[shas[0]].setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled() and dialog.chosen_items() == [shas[0]]


def test_pack_chosen_items_with_a_channel_from_the_window(qtbot, window, dialogs, tmp_path):
    from mediakit.validation.bundle import read_bundle
    from mediakit.validation.manifest import MANIFEST

    op, shas = _op(tmp_path)
    window.set_operation(op)
    window.show()
    qtbot.waitExposed(window)
    panel = window.validation
    window.tabs.setCurrentWidget(panel)

    def choose(dialog: QDialog) -> None:
        _entries(dialog)[shas[1]].setCheckState(Qt.CheckState.Unchecked)
        click(dialog.boxes["linkedin"])
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    out = tmp_path / "relecture.zip"
    dialogs.expect(QDialog, choose)
    dialogs.folder(out)
    click(panel.pack_button)
    dialogs.check()
    assert panel.busy.isVisible() and not panel.pack_button.isEnabled()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    assert not panel.busy.isVisible() and panel.pack_button.isEnabled()
    assert "prêt" in panel.log.toPlainText(), panel.log.toPlainText()
    assert zipfile.is_zipfile(out)
    files = read_bundle(out)
    manifest = json.loads(files[MANIFEST])
    assert [e["item"] for e in manifest["items"]] == [shas[0], shas[2]]
    assert manifest["channels"] == ["linkedin"]
    for entry in manifest["items"]:
        [output] = entry["outputs"]
        assert output["channel"] == "linkedin" and output["file"] in files
        assert (output["width"], output["height"]) == (1200, 627)


def test_pack_cancelled_in_the_dialog_writes_nothing(qtbot, window, dialogs, tmp_path):
    op, _shas = _op(tmp_path)
    window.set_operation(op)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.validation)
    dialogs.expect(QDialog, lambda d: d.reject())
    click(window.validation.pack_button)
    dialogs.check()
    assert window.validation.worker is None and not op.doc.get(("review", "packs"))


def test_a_pack_without_channel_is_asked_about(qtbot, dialogs, tmp_path):
    """Publication copies the files the chief saw: without a channel nothing could be
    published, and the dialog says so before it closes."""
    from PySide6.QtWidgets import QMessageBox

    op, _shas = _op(tmp_path)
    dialog = PackDialog(None, op, load_presets())
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[str] = []

    def no(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    dialogs.expect(QMessageBox, no)
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    dialogs.check()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "aucun fichier ne pourra être publié" in seen[0]
    click(dialog.boxes["x"])  # with a channel: no question
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_chief_signs_in_the_window_and_the_officer_applies_it(qtbot, window, dialogs,
                                                                   tmp_path):
    from mediakit.validation import decisions, keys
    from mediakit.validation.manifest import load_pack_manifest

    op, shas = _op(tmp_path)
    window.set_operation(op)
    window.show()
    qtbot.waitExposed(window)
    panel = window.validation
    window.tabs.setCurrentWidget(panel)
    private, public = keys.generate("Chef Martin", tmp_path / "cles")
    assert panel.register_reviewer("Chef Martin", public)
    assert panel.pack(tmp_path / "p.zip", channels=["x"])
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    [pack_id] = list(op.doc.get(("review", "packs")))
    manifest, manifest_sha = load_pack_manifest(op, pack_id)
    unsigned = tmp_path / "decision_non-signee.json"  # as the review page saves it
    decisions.dump(decisions.new_decision(manifest, manifest_sha, "Chef Martin", {
        sha: {"decision": decisions.APPROVED} for sha in shas}), unsigned)
    assert panel.import_decision(unsigned) is None  # unsigned: refused
    dialogs.files(unsigned)
    dialogs.files(private)
    click(panel.sign_button)
    dialogs.check()
    signed = tmp_path / "decision-signee.json"
    assert signed.is_file() and "Renvoyez ce fichier" in panel.log.toPlainText()
    result = panel.import_decision(signed)
    assert result is not None and len(result["validated"]) == 3
    assert not has_command_line(panel.log.toPlainText())
