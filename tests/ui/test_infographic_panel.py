"""Infographic editor driven through its widgets: figures and chart data typed in tables
(French numbers), a stale preview that says why, photos taken from the operation behind the
review gate, and the export that keeps each render as a deliverable."""

import json

import pytest
from PySide6.QtCore import QPoint

from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from mediakit.ui.figures_table import ICON, LABEL, UNIT, VALUE
from tests.conftest import ASSETS

NNBSP, NBSP = "\u202f", "\u00a0"


def _panel(qtbot, window, template, op=None):
    if op is not None:
        window.set_operation(op)
    panel = window.infographic
    panel.template_box.setCurrentIndex(panel.template_box.findData(template))
    return panel


def _fresh(qtbot, panel):
    """Render now and wait for the preview of the current fields."""
    panel.last_rendered = None
    blocker = qtbot.waitSignal(panel.preview_updated, timeout=30_000)
    if panel.update_preview():
        blocker.wait()
    return panel.last_rendered


def _set(table, row, column, text):
    table.table.item(row, table.columns.index(column)).setText(text)


def _texts(rendered, field):
    return [" ".join(el["lines"]) for el in rendered.layout.elements
            if el["kind"] == "text" and el.get("field") == field]


def _op(tmp_path, reviewed=True, detected=True):
    op = Operation.create(tmp_path / "op", "Info")
    import_files(op, [ASSETS / "photos" / "plaque.jpg"])
    sha = next(iter(op.items))
    if detected:
        review.store_detections(op, sha, [], "test")
        review.add_manual(op, sha, "plate", (200.0, 300.0, 400.0, 200.0))
    if reviewed:
        review.mark_reviewed(op, sha)
    op.save()
    return op, sha


def test_figures_are_typed_in_a_table_and_reach_the_picture(qtbot, window, tmp_path):
    panel = _panel(qtbot, window, "bilan-operation")
    table = panel.tables["chiffres"]
    assert table.columns[:3] == (LABEL, VALUE, UNIT)
    assert not any(w.__class__.__name__ == "QPlainTextEdit" for w in panel.tables.values())
    assert table.table.rowCount() == 6  # the sample's figures, one per row
    assert table.table.item(2, 1).text() == f"18{NNBSP}500"  # shown the French way
    _set(table, 0, LABEL, "interpellations en flagrant délit")
    _set(table, 0, VALUE, "1 234,5")
    _set(table, 0, UNIT, "kg")
    assert table.table.item(0, 1).text() == f"1{NNBSP}234,5"
    figure = panel.data()["chiffres"][0]
    assert figure["valeur"] == 1234.5 and figure["unite"] == "kg"
    assert figure["icone"] == "menottes"  # the icon column kept
    rendered = _fresh(qtbot, panel)
    assert rendered is not None and not panel.is_stale()
    texts = _texts(rendered, "chiffres")
    assert f"1{NNBSP}234,5{NBSP}kg" in texts
    assert any("flagrant" in t for t in texts)


def test_rows_are_added_removed_and_moved(qtbot, window):
    panel = _panel(qtbot, window, "bilan-operation")
    table = panel.tables["chiffres"]
    first = table.raw_rows()[0]
    table.table.setCurrentCell(0, 0)
    table.down_button.click()
    assert table.raw_rows()[1] == first and table.table.currentRow() == 1
    table.up_button.click()
    assert table.raw_rows()[0] == first
    table.add_button.click()
    assert table.table.rowCount() == 7
    _set(table, 6, LABEL, "chiens détecteurs")
    _set(table, 6, VALUE, "2")
    assert panel.data()["chiffres"][-1] == {"valeur": 2, "libelle": "chiens détecteurs"}
    table.table.setCurrentCell(6, 0)
    table.remove_button.click()
    assert table.table.rowCount() == 6
    assert all(f["libelle"] != "chiens détecteurs" for f in panel.data()["chiffres"])
    combo = table.table.cellWidget(0, table.columns.index(ICON))
    combo.setCurrentIndex(combo.findData("euro"))
    assert panel.data()["chiffres"][0]["icone"] == "euro"


@pytest.mark.parametrize(("typed", "value"), [("2,5", 2.5), ("2.5", 2.5), ("1 480", 1480),
                                              (f"12{NNBSP}000,25", 12000.25), ("7", 7)])
def test_chart_values_read_a_comma_as_decimal_separator(qtbot, window, typed, value):
    panel = _panel(qtbot, window, "chiffres-cles")
    table = panel.tables["donnees"]
    assert [r[LABEL] for r in table.raw_rows()] == ["2021", "2022", "2023", "2024", "2025"]
    _set(table, 4, VALUE, typed)
    assert panel.data()["donnees"][4] == ["2025", value]


def test_chart_edit_changes_the_drawn_values(qtbot, window):
    panel = _panel(qtbot, window, "chiffres-cles")
    table = panel.tables["donnees"]
    _set(table, 4, VALUE, "1 100,5")
    rendered = _fresh(qtbot, panel)
    assert f"1{NNBSP}100,5" in _texts(rendered, "donnees")
    assert "1 214" not in " ".join(_texts(rendered, "donnees"))


def test_invalid_value_marks_the_preview_outdated_and_says_why(qtbot, window):
    panel = _panel(qtbot, window, "bilan-operation")
    assert _fresh(qtbot, panel) is not None and not panel.is_stale()
    old = panel.previews.currentWidget().source().toImage()
    _set(panel.tables["chiffres"], 1, VALUE, "trois")
    panel.update_preview()
    assert panel.is_stale()
    assert "Aperçu périmé" in panel.stale.text()
    assert "ligne 2" in panel.stale.text() and "trois" in panel.stale.text()
    assert panel.previews.currentWidget().source().toImage() == old  # kept, but faded
    assert panel._fade.opacity() < 1
    _set(panel.tables["chiffres"], 1, VALUE, "3")
    assert _fresh(qtbot, panel) is not None and not panel.is_stale()
    assert panel._fade.opacity() == 1


def test_overflow_message_fits_a_laptop_screen(qtbot, window):
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = _panel(qtbot, window, "bilan-operation")
    window.tabs.setCurrentWidget(panel)
    panel._inputs["titre"].setText("Opération " + "très " * 150 + "longue")
    _fresh(qtbot, panel)
    assert panel.is_stale() and "titre" in panel.stale.text()
    assert len(panel.stale.text()) > 80  # a long message, so the wrap matters
    qtbot.waitUntil(lambda: panel.stale.isVisible(), timeout=3000)
    assert panel.stale.wordWrap()
    right = panel.stale.mapTo(window, QPoint(panel.stale.width(), 0)).x()
    assert 0 < right <= window.width()
    assert panel.stale.heightForWidth(panel.stale.width()) <= panel.stale.height() + 2


def test_photo_comes_from_the_operation_masked(qtbot, window, tmp_path):
    op, sha = _op(tmp_path)
    panel = _panel(qtbot, window, "appel-a-temoins", op)
    photo = panel.photo_fields["photo"]
    assert photo.combo.findData(sha) > 0  # the operation's photos, no file dialog
    panel.update_preview()
    assert panel.is_stale() and "choisissez une photo" in panel.stale.text()
    photo.select(sha)
    rendered = _fresh(qtbot, panel)
    assert rendered is not None, panel.stale.text()
    image = next(el for el in rendered.layout.elements if el["kind"] == "image")
    assert image["item"] == sha and image["source"].startswith("photo-")
    assert image["source"] != op.items[sha]["name"]  # never the original file


def test_unreviewed_photo_is_refused_until_a_reasoned_override(qtbot, window, tmp_path,
                                                               monkeypatch):
    op, sha = _op(tmp_path, reviewed=False)
    panel = _panel(qtbot, window, "appel-a-temoins", op)
    photo = panel.photo_fields["photo"]
    photo.select(sha)
    panel.update_preview()
    assert panel.is_stale() and "masques non revus" in panel.stale.text()
    assert "marquez la photo revue" in photo.state.text()
    assert photo.override_button.isVisibleTo(panel)
    assert panel.export_all() is False
    assert "refusé" in panel.result.text()
    assert not any(it["kind"] == "infographic" for it in op.items.values())
    monkeypatch.setattr(panel, "ask_reason", lambda blockers: None)
    assert panel.override_photo("photo") is False  # no reason, no override
    assert not [e for e in audit.entries(op.root) if e["action"] == "override"]
    monkeypatch.setattr(panel, "ask_reason", lambda blockers: "réquisition du parquet")
    assert panel.override_photo("photo")
    overrides = [e for e in audit.entries(op.root) if e["action"] == "override"]
    assert len(overrides) == 1 and overrides[0]["details"]["reason"] == "réquisition du parquet"
    assert overrides[0]["details"]["items"] == [sha]
    assert _fresh(qtbot, panel) is not None and not panel.is_stale()
    assert panel.export_all()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    result = panel.last_export
    assert result is not None and result.overridden == [sha]
    assert all("masques-non-revus" in p.name for p in result.pictures)
    assert "masques non revus" in panel.result.text()


def test_photo_never_analysed_cannot_be_let_through(qtbot, window, tmp_path):
    op, sha = _op(tmp_path, reviewed=False, detected=False)
    panel = _panel(qtbot, window, "appel-a-temoins", op)
    panel.photo_fields["photo"].select(sha)
    panel.update_preview()
    assert panel.is_stale() and "détection" in panel.stale.text()
    assert not panel.photo_fields["photo"].override_button.isVisibleTo(panel)
    assert panel.override_photo("photo") is False


def test_export_registers_deliverables_with_their_photo(qtbot, window, tmp_path):
    op, sha = _op(tmp_path)
    panel = _panel(qtbot, window, "appel-a-temoins", op)
    panel.photo_fields["photo"].select(sha)
    panel.name_edit.setText("Délit de fuite rue des Lilas")
    assert panel.export_all()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=120_000)
    result = panel.last_export
    assert result is not None, panel.result.text()
    made = {s: it for s, it in op.items.items() if it["kind"] == "infographic"}
    assert set(made) == set(result.items.values()) and len(made) >= 5
    for item in made.values():
        assert item["sources"] == [sha]
        assert item["name"].startswith("Délit de fuite rue des Lilas ")
        assert item["alt_text"] and (op.root / item["path"]).is_file()
    by_format = {it["name"].rsplit(" ", 1)[1]: it for it in made.values()}
    assert by_format["1200x675"]["for_channels"] == ["x"]
    entries = [e for e in audit.entries(op.root) if e["action"] == "infographic"]
    assert len(entries) == 1 and entries[0]["details"]["sources"] == [sha]
    record = json.loads(next(p for p in result.files if p.name.endswith("1200x675.json"))
                        .read_text(encoding="utf-8"))
    assert [el["item"] for el in record["elements"] if el["kind"] == "image"] == [sha]
    window.export.refresh_items()
    labels = [window.export.items.item(i).text() for i in range(window.export.items.count())]
    assert sum("infographie" in label for label in labels) == len(made)
    assert str(len(made)) in panel.result.text()


def test_list_field_is_edited_row_by_row(qtbot, window):
    from mediakit.ui.figures_table import TEXT

    panel = _panel(qtbot, window, "prevention")
    table = panel.tables["conseils"]
    assert table.columns == (TEXT,) and table.table.rowCount() == 4
    _set(table, 3, TEXT, "Verrouillez le garage et la cabane de jardin.")
    assert panel.data()["conseils"][3] == "Verrouillez le garage et la cabane de jardin."
    rendered = _fresh(qtbot, panel)
    assert any("cabane de jardin" in t for t in _texts(rendered, "conseils"))


def test_photo_reviewed_elsewhere_clears_the_refusal(qtbot, window, tmp_path):
    op, sha = _op(tmp_path, reviewed=False)
    panel = _panel(qtbot, window, "appel-a-temoins", op)
    panel.photo_fields["photo"].select(sha)
    panel.update_preview()
    assert panel.is_stale()
    review.mark_reviewed(op, sha)  # done in the review screen: the panel hears of it
    qtbot.waitUntil(lambda: not panel.is_stale(), timeout=30_000)
    assert "revu" in panel.photo_fields["photo"].combo.currentText()
    assert not [e for e in audit.entries(op.root) if e["action"] == "override"]


def test_message_is_typed_in_a_box_of_a_few_lines_with_the_same_data(qtbot, window):
    """« Message » wraps on several visible lines (it used to scroll out of a one-line
    field); the template still receives one string; a short field stays one line."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    panel = _panel(qtbot, window, "alerte-crise")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(panel)
    message = panel._inputs["message"]
    assert isinstance(message, QPlainTextEdit)
    assert isinstance(panel._inputs["titre"], QLineEdit)
    assert isinstance(panel._inputs["niveau"], QLineEdit)
    line = message.fontMetrics().lineSpacing()
    assert 3 * line <= message.height() <= 7 * line  # a few lines, not a page
    text = ("Évitez le secteur de la gare : une intervention est en cours, suivez les "
            "consignes des forces de l'ordre et ne relayez que les informations officielles.")
    message.setText(text)
    qtbot.waitUntil(lambda: message.document().firstBlock().layout().lineCount() > 0)
    assert message.document().firstBlock().layout().lineCount() >= 2  # wrapped, in sight
    assert message.horizontalScrollBar().maximum() == 0  # nothing scrolls sideways
    assert panel.data()["message"] == text
    assert panel.data()["titre"] == panel._inputs["titre"].text()
    rendered = _fresh(qtbot, panel)
    assert rendered is not None
    # Tab leaves the box (moves to the next field) instead of typing a tab
    assert message.tabChangesFocus()
