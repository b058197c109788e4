"""People lists screen: enrol from a reference photo, move, remove, undo, refused photo."""

import pytest
from PIL import Image
from PySide6.QtGui import QColor

from mediakit.library.project import Operation
from mediakit.ui.people_panel import ICON, PeoplePanel
from tests.conftest import ASSETS


@pytest.fixture()
def panel(qtbot, tmp_path):
    panel = PeoplePanel()
    qtbot.addWidget(panel)
    panel.set_operation(Operation.create(tmp_path / "op", "Personnes"))
    return panel


def _names(panel, list_name):
    widget = panel.lists[list_name]
    return [widget.item(i).text() for i in range(widget.count())]


def test_enrol_move_remove_and_undo(qtbot, panel, tmp_path):
    op = panel.op
    panel.ask_person = lambda: ("Eileen", "always_mask", [str(ASSETS / "photos" / "gps.jpg")])
    panel.choose_and_add()
    assert panel.worker is not None and not panel.add_button.isEnabled()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    assert "Eileen" in panel.status.text() and _names(panel, "always_mask") == ["Eileen"]
    item = panel.lists["always_mask"].item(0)
    face = item.icon().pixmap(ICON, ICON).toImage()
    assert not face.isNull() and face.pixelColor(face.width() // 2, face.height() // 2) \
        != QColor("#9aa0a6")  # the reference face, not the placeholder tile
    saved = Operation.open(op.root).doc.get(("people", "always_mask"))
    assert [p["name"] for p in saved] == ["Eileen"]  # saved with the operation

    assert not panel.move_button.isEnabled()
    item.setSelected(True)
    panel.move_selected()
    assert _names(panel, "always_mask") == [] and _names(panel, "keep_visible") == ["Eileen"]
    assert panel.selected_id() == saved[0]["id"] and "Laisser visible" in panel.status.text()
    op.doc.undo()
    qtbot.waitUntil(lambda: _names(panel, "always_mask") == ["Eileen"], timeout=3000)
    assert _names(panel, "keep_visible") == []

    panel.remove_selected()  # the selection followed the person back
    assert _names(panel, "always_mask") == [] and "retiré" in panel.status.text()
    op.doc.undo()
    qtbot.waitUntil(lambda: _names(panel, "always_mask") == ["Eileen"], timeout=3000)
    assert not panel.lists["always_mask"].item(0).icon().isNull()


def test_photo_without_a_face_is_reported(qtbot, panel, tmp_path):
    panel.add_person("  ", "always_mask", [])
    assert "Donnez un nom" in panel.status.text() and panel.worker is None
    Image.new("RGB", (200, 150), (90, 120, 150)).save(tmp_path / "mur.jpg")
    panel.add_person("Agent X", "always_mask", [str(tmp_path / "mur.jpg")])
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    assert "aucun visage trouvé" in panel.status.text() and "✖" in panel.status.text()
    assert _names(panel, "always_mask") == [] and not panel.op.doc.can_undo
    assert panel.add_button.isEnabled()


def test_english_labels(qtbot):
    from mediakit.ui import i18n

    assert i18n.install("en")
    try:
        panel = PeoplePanel()
        qtbot.addWidget(panel)
        assert (panel.windowTitle(), panel.move_button.text()) == ("People",
                                                                   "Move to the other list")
    finally:
        i18n.install("fr")
