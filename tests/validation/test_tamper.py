"""Forged, altered or stale decisions are refused with one French line; nothing changes."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest

from mediakit.library.project import Operation
from mediakit.validation import keys
from mediakit.validation.decisions import REFUSALS, DecisionRefused, import_decision
from tests.validation.conftest import CHIEF, run


@pytest.fixture
def packed(reviewed_op, chief_keys, tmp_path):
    """The operation packed once, and a valid signed decision approving alpha."""
    bundle, decision = tmp_path / "p.zip", tmp_path / "d.json"
    assert run("pack", reviewed_op.root, "-o", bundle) == 0
    assert run("decide", bundle, "--reviewer", CHIEF, "--key", chief_keys[0], "--approve",
               "alpha.jpg", "--request", "bravo.jpg", "corriger", "-o", decision) == 0
    return reviewed_op.root, bundle, decision


def _state(root: Path) -> tuple[str, bytes]:
    op = Operation.open(root)
    try:
        return op.to_json(), (root / "audit.jsonl").read_bytes()
    finally:
        op.close()


def _refused(root: Path, decision: Path, expected: str) -> None:
    before = _state(root)
    with pytest.raises(DecisionRefused) as info:
        import_decision(Operation.open(root), decision)
    message = str(info.value)
    assert expected in message and "\n" not in message, message
    assert _state(root) == before  # project and audit trail byte-identical
    assert (root / "review" / REFUSALS).read_text().count("\n") >= 1


def _edit(decision: Path, change) -> Path:
    doc = json.loads(decision.read_text())
    change(doc)
    out = decision.with_name("forged.json")
    out.write_text(json.dumps(doc, ensure_ascii=False))
    return out


def test_valid_decision_imports_once(packed):
    root, _, decision = packed
    assert run("import", root, decision) == 0
    _refused(root, decision, "déjà importée")


def test_edited_decision_text_refused(packed):
    root, _, decision = packed

    def change(doc):
        doc["decision"]["items"] = {sha: {**e, "decision": "approved", "comment": ""}
                                    for sha, e in doc["decision"]["items"].items()}
    _refused(root, _edit(decision, change), "signature invalide")


def test_altered_signature_refused(packed):
    root, _, decision = packed

    def change(doc):
        raw = bytearray(base64.b64decode(doc["signature"]["value"]))
        raw[0] ^= 1
        doc["signature"]["value"] = base64.b64encode(bytes(raw)).decode()
    _refused(root, _edit(decision, change), "signature invalide")


def test_unsigned_and_unknown_reviewer_refused(packed, tmp_path):
    root, _, decision = packed
    _refused(root, _edit(decision, lambda d: d.update(signature=None)), "non signée")
    other_private, _ = keys.generate("Intrus", tmp_path / "intrus")

    def impostor(doc):
        doc["decision"]["reviewer"] = "Intrus"
        doc["signature"] = keys.sign(doc["decision"], keys.load_private(other_private))
    _refused(root, _edit(decision, impostor), "n'a pas de clé enregistrée")

    def wrong_key(doc):  # signed by someone else under the chief's name
        doc["signature"] = keys.sign(doc["decision"], keys.load_private(other_private))
    _refused(root, _edit(decision, wrong_key), "signature invalide")


def test_decision_for_another_operation_refused(packed, chief_keys, tmp_path):
    root, _, decision = packed

    def change(doc):
        doc["decision"]["operation_id"] = "0" * 32
        doc["signature"] = keys.sign(doc["decision"], keys.load_private(chief_keys[0]))
    _refused(root, _edit(decision, change), "autre opération")


def test_tampered_bundle_file_refused(packed, chief_keys, tmp_path):
    root, bundle, _ = packed
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(forged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if "/apercus/" in info.filename:
                data = data[:-10] + b"0123456789"
            dst.writestr(info, data)
    before = _state(root)
    assert run("decide", forged, "--reviewer", CHIEF, "--key", chief_keys[0], "--approve",
               "alpha.jpg", "-o", tmp_path / "x.json") == 2
    assert not (tmp_path / "x.json").exists() and _state(root) == before


def test_manifest_mismatch_refused(packed, chief_keys):
    root, _, decision = packed

    def change(doc):  # a decision made on a re-forged bundle (manifest rewritten)
        doc["decision"]["manifest_sha256"] = "f" * 64
        doc["signature"] = keys.sign(doc["decision"], keys.load_private(chief_keys[0]))
    _refused(root, _edit(decision, change), "manifeste ne correspond pas")
    stored = root / "review" / "packs" / json.loads(decision.read_text())["decision"][
        "pack_id"] / "manifest.json"
    stored.write_bytes(stored.read_bytes().replace(b'"version": 1', b'"version": 9', 1))
    _refused(root, decision, "manifeste ne correspond pas")


def test_older_version_refused(packed, tmp_path):
    root, _, decision = packed
    op = Operation.open(root)
    sha = next(s for s, it in op.items.items() if it["name"] == "alpha.jpg")
    op.doc.set(("items", sha, "caption"), "nouvelle légende")
    op.save()
    assert run("pack", root, "-o", tmp_path / "p2.zip") == 0  # alpha is now version 2
    _refused(root, decision, "périmée")
