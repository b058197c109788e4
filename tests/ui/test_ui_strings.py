"""No string the window shows tells the user to type a command, nor uses an emoji marker
that common fonts lack; core messages with a command hint are shown the window's way."""

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mediakit.ui.messages import VERBS, has_command_line, plain
from tests.conftest import ROOT

UI = ROOT / "mediakit" / "ui"
EMOJI = set("⛔✅❌❗⭐⏳⌛🔒🔓")


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    patterns = {id(sub) for node in ast.walk(tree)  # re.compile(...): what is looked for
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "compile" for sub in ast.walk(node)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings | patterns]


def _translations() -> list[str]:
    root = ET.parse(UI / "translations" / "mediakit_en.ts").getroot()
    return [text for m in root.iter("message")
            for text in (m.findtext("source"), m.findtext("translation")) if text]


def test_no_command_line_in_any_ui_string_or_translation():
    found = [f"{path.name}:{line}: {text!r}" for path in sorted(UI.glob("*.py"))
             for line, text in _literals(path) if has_command_line(text)]
    found += [f"translations: {text!r}" for text in _translations() if has_command_line(text)]
    assert not found, "\n".join(found)


def test_no_emoji_marker_in_ui_strings():
    found = [f"{path.name}:{line}: {text!r}" for path in sorted(UI.glob("*.py"))
             for line, text in _literals(path) if EMOJI & set(text)
             or any(ord(c) >= 0x1F000 for c in text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("text", ["mediakit new", "lancez « mediakit masks DIR detect »",
                                  "utilisez --force", "précisez --channels"])
def test_the_scan_catches_command_lines(text):
    assert has_command_line(text)


@pytest.mark.parametrize("text", ["cette version de mediakit lit jusqu'à 3",
                                  "Photos — 2025", "mediakit"])
def test_the_scan_leaves_plain_sentences(text):
    assert not has_command_line(text)


def test_verbs_are_the_command_lines_own():
    import argparse

    from mediakit.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(VERBS) == set(sub.choices)


@pytest.mark.parametrize("core", [
    "/tmp/x: aucune opération mediakit ici (créez-la avec « mediakit new »)",
    "a.jpg: masques non revus — revoyez-les (mediakit masks … reviewed) ou utilisez --force",
    "a.jpg: aucune détection lancée, rien ne sort non masqué (mediakit masks DIR detect)",
    "décision refusée : le relecteur « Chef » n'a pas de clé enregistrée "
    "(mediakit review add-reviewer)",
    "décision refusée : non signée (mediakit review sign)",
    "a.jpg: validé pour tous les canaux, précisez --channels",
    "b.jpg: photo non anonymisée (aucune détection de masques, lancez « mediakit masks DIR "
    "detect »), montage refusé",
])
def test_core_messages_are_shown_without_their_command(core):
    shown = plain(core)
    assert not has_command_line(shown), shown
    assert shown.split(":")[0] == core.split(":")[0]  # the item named stays


def test_core_hint_becomes_the_windows_way():
    shown = plain("/tmp/x: aucune opération mediakit ici (créez-la avec « mediakit new »)")
    assert "Nouvelle opération" in shown
    assert "onglet Validation" in plain("(mediakit review add-reviewer)")


def test_a_summary_keeps_its_lines():
    summary = ("REFUSÉ a.jpg: masques non revus — revoyez-les (mediakit masks … reviewed) ou "
               "utilisez --force\nÉCRIT b.jpg (x)\n2 fichier(s)")
    shown = plain(summary).splitlines()
    assert len(shown) == 3 and shown[1:] == ["ÉCRIT b.jpg (x)", "2 fichier(s)"]
    assert not has_command_line(shown[0]) and "onglet Anonymisation" in shown[0]


# -- the core's data words (face, auto:centerface, video…) never shown as such ----------

RAW_CODES = ("face", "plate", "text", "name_tape", "auto", "auto:centerface", "centerface",
             "ppocr", "manual", "video", "still", "accepted", "rejected", "suspect")
RAW = __import__("re").compile(r"(?<![\w:])(?:" + "|".join(sorted(RAW_CODES, key=len,
                                                                  reverse=True))
                               + r")(?![\w:])")


def _raw_in(texts) -> list[str]:
    return [text for text in texts if text and RAW.search(text)]


def test_the_raw_code_scan_catches_codes_and_leaves_french():
    assert _raw_in(["t1 face", "auto:centerface", "(manual)", "video · 320×240", "suspect"]) \
        == ["t1 face", "auto:centerface", "(manual)", "video · 320×240", "suspect"]
    assert not _raw_in(["t1 visage", "automatique", "manuel", "vidéo", "à vérifier",
                        "laissé visible", "rush.mp4", "plaque"])


def _operation(tmp_path):
    from mediakit.library.importer import import_files
    from mediakit.library.project import Operation
    from mediakit.privacy import review
    from mediakit.privacy.regions import Detection
    from mediakit.video import tracks
    from tests.conftest import ASSETS, make_video

    op = Operation.create(tmp_path / "op", "Libellés")
    import_files(op, [ASSETS / "photos" / "gps.jpg", make_video(tmp_path / "rush.mp4")])
    photo = next(s for s, it in op.items.items() if it["kind"] == "photo")
    rush = next(s for s, it in op.items.items() if it["kind"] == "video")
    masks = [review.mask_from_detection(Detection("face", (10, 10, 40, 40), 0.9, "centerface"), 1),
             review.mask_from_detection(Detection("plate", (80, 10, 60, 20), 0.8, "ppocr"), 2)]
    review.store_detections(op, photo, masks, "mediakit-photo")
    op.doc.set(("items", rush, "detection"), {"detector": "mediakit-video"})
    box = [100.0, 60.0, 80.0, 80.0]
    for i, (label, source, state) in enumerate((("face", "auto", "accepted"),
                                                ("plate", "auto", "rejected"),
                                                ("face", "auto", "suspect"),
                                                ("name_tape", "auto", "suspect"))):
        op.doc.append(("items", rush, "tracks"), {
            "id": f"t{i + 1}", "label": label, "source": source, "state": state,
            "suspect": state == "suspect", "frames": [0, 30], "keyframes": {"0": box},
            "score": 0.5, "best": None, "person": None})
    tracks.add_track(op, rush, "face", 0, (20.0, 20.0, 40.0, 40.0), last=20)
    op.save()
    return op, photo, rush


def test_rush_review_and_chutier_show_no_raw_code(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QLabel

    from tests.ui.conftest import show_review

    op, _, rush = _operation(tmp_path)
    show_review(qtbot, window, op, rush)
    panel = window.rush_review
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 5, timeout=5000)
    tree = panel.list
    shown = [tree.headerItem().text(c) for c in range(tree.columnCount())]
    for i in range(tree.topLevelItemCount()):
        entry = tree.topLevelItem(i)
        shown += [entry.text(c) for c in range(tree.columnCount())]
        shown += [entry.toolTip(c) for c in range(tree.columnCount())]
    boxes = [item.text() for item in panel.view.scene().items()
             if isinstance(item, QGraphicsSimpleTextItem)]
    assert len(boxes) == 5  # every track's box is labelled on frame 0
    shown += boxes + [label.text() for label in panel.findChildren(QLabel)]
    assert {"visage", "plaque", "bande patronymique"} <= {tree.topLevelItem(i).text(1)
                                                         for i in range(5)}
    assert {"automatique", "manuel"} == {tree.topLevelItem(i).text(4) for i in range(5)}
    assert not _raw_in(shown), _raw_in(shown)

    chutier = window.chutier
    grid = chutier.grid
    assert grid.count() == 2
    shown = [grid.item(i).text() for i in range(grid.count())]
    shown += [grid.item(i).toolTip() for i in range(grid.count())]
    shown += [combo.itemText(i) for combo in (chutier.kind, chutier.status, chutier.cull)
              for i in range(combo.count())]
    assert any("vidéo" in text for text in shown)
    assert not _raw_in(shown), _raw_in(shown)


def test_labels_name_every_code_in_french():
    from mediakit.ui.labels import (
        detector_name,
        kind_name,
        label_name,
        region_name,
        region_text,
        source_detail,
        source_name,
        state_name,
    )

    assert [label_name(c) for c in ("face", "plate", "text")] == ["visage", "plaque", "texte"]
    assert [source_name(c) for c in ("manual", "auto", "auto:centerface")] == \
        ["manuel", "automatique", "automatique"]
    assert source_detail("auto:centerface") == "automatique (détecteur de visages)"
    assert detector_name("ppocr") == "lecteur de plaques et de textes"
    assert [kind_name(c) for c in ("video", "still", "photo")] == ["vidéo", "image fixe", "photo"]
    assert state_name("suspect") == "à vérifier"
    assert region_text({"label": "plate", "source": "auto:ppocr", "state": "rejected"}) == \
        "plaque, automatique, laissé visible"
    # words read by the plate detector that are no plate (a name card): « texte »
    assert region_text({"label": "plate", "reads_as": "text", "source": "auto:ppocr",
                        "state": "accepted"}) == "texte, automatique, masqué"
    assert region_name({"label": "plate", "reads_as": "plate"}) == "plaque"
