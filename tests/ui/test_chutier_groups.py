"""One infographic made in several formats is one card in the chutier (« 3 formats »),
while a selection, export and review still get each format's own item."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt

from mediakit.library import deliverables
from mediakit.library.project import Operation
from mediakit.ui.chutier import GROUP_ROLE, format_label, infographic_group


def _infographic(op, tmp_path, name: str, size: tuple[int, int], fmt: str, sources) -> str:
    png = tmp_path / f"{name}-{fmt}.png"
    Image.new("RGB", (size[0] // 8, size[1] // 8), (ord(name[0]), 0, 145)).save(png)
    return deliverables.register(op, png, deliverables.INFOGRAPHIC, f"{name} {fmt}", sources,
                                 extra={"format": list(size), "template": "bilan-operation",
                                        "charte": "etat"})


def test_group_key_strips_the_format_from_the_name():
    item = {"kind": "infographic", "name": "Bilan Tempête a4", "format": [2480, 3508],
            "template": "t", "charte": "etat"}
    assert infographic_group(item) == ("Bilan Tempête", "t", "etat")
    assert format_label(item) == "A4"
    assert infographic_group({"kind": "photo", "name": "a.jpg"}) is None
    other = {**item, "name": "Bilan 1080x1350", "format": [1080, 1350]}
    assert infographic_group(other)[0] == "Bilan" and format_label(other) == "1080×1350"


def test_one_card_per_infographic_with_its_formats(qtbot, window, tmp_path):
    window.set_auto_detect(False)
    op = Operation.create(tmp_path / "op", "UI")
    window.set_operation(op)
    bilan = [_infographic(op, tmp_path, "Bilan", size, fmt, [])
             for size, fmt in (((1080, 1080), "1080x1080"), ((1200, 630), "1200x630"),
                               ((2480, 3508), "a4"))]
    appel = _infographic(op, tmp_path, "Appel", (1080, 1080), "1080x1080", [])
    op.save()
    window.chutier.refresh()
    grid = window.grid
    cards = {grid.item(i).text(): grid.item(i) for i in range(grid.count())}
    assert set(cards) == {"Bilan", "Appel 1080x1080"}  # a lone format keeps its name
    card = cards["Bilan"]
    assert sorted(card.data(GROUP_ROLE)) == sorted(bilan)
    assert "3 formats : 1080×1080, 1200×630, A4" in card.toolTip()
    assert cards["Appel 1080x1080"].data(GROUP_ROLE) == [appel]
    grid.clearSelection()
    card.setSelected(True)
    assert sorted(window.chutier.selected_items()) == sorted(bilan)  # each format's file
    grid.setCurrentItem(card)
    window._update_details()
    text = window.details.text()
    assert "<h3>Bilan</h3>" in text and "1080×1080, 1200×630, A4" in text
    # the counts still count each format: export, review and publication see them all
    grid.setCurrentItem(None)
    grid.clearSelection()
    window._update_details()
    assert "4 montage(s) ou infographie(s)" in window.details.text()
    assert card.data(Qt.ItemDataRole.UserRole) in bilan
