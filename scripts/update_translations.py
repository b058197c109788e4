"""Collect the UI's ``tr("…")`` and ``tr_noop("…")`` strings into the .ts catalogue and compile the .qm.

    .venv/bin/python scripts/update_translations.py [--check] [--fill FILE.json ...]

Existing translations are kept; new strings are added as unfinished. ``--fill`` takes
English translations from JSON files ``{"source": "translation"}`` (a branch's new strings,
kept beside its work so that merged catalogues can be rebuilt). ``--check`` fails when a
string has no translation (the test suite runs it).
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "mediakit" / "ui"
TS = UI / "translations" / "mediakit_en.ts"
MARKERS = ("tr", "tr_noop")  # tr_noop: strings kept in tables, translated when shown


def ui_strings() -> list[str]:
    found: dict[str, None] = {}
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
    return list(found)


def read_ts() -> dict[str, str]:
    if not TS.exists():
        return {}
    out = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") is None:
            out[source] = translation.text
    return out


def write_ts(strings: list[str], known: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="fr_FR")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "mediakit"
    for text in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if text in known:
            translation.text = known[text]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    TS.parent.mkdir(parents=True, exist_ok=True)
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")


def fills(argv: list[str]) -> dict[str, str]:
    """Translations given with ``--fill FILE.json`` (any number of times)."""
    out: dict[str, str] = {}
    for flag, value in zip(argv, argv[1:], strict=False):
        if flag == "--fill":
            out.update(json.loads(Path(value).read_text(encoding="utf-8")))
    return out


def main() -> int:
    strings, known = ui_strings(), {**fills(sys.argv), **read_ts()}
    missing = [s for s in strings if s not in known]
    if "--check" in sys.argv:
        for text in missing:
            print(f"sans traduction anglaise : {text!r}")
        return 1 if missing else 0
    write_ts(strings, known)
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name(
        "pyside6-lrelease"))
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True)
    print(f"{len(strings)} chaînes, {len(missing)} à traduire → {TS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
