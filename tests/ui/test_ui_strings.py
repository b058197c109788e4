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
