"""Publication copies the very files the chief reviewed (checked by the SHA-256 his signed
decision fixes through the pack manifest), never encodes them again, and publishes nothing
for a channel whose reviewed file is gone or altered."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from mediakit.atomic import file_sha256
from mediakit.library.project import Operation
from mediakit.validation.gate import publish, ready_dir
from mediakit.validation.manifest import pack_dir
from tests.validation.conftest import CHIEF, run


def _pack_and_approve(op: Operation, keys: tuple[Path, Path], tmp: Path,
                      channels: str | None = "x") -> dict:
    extra = ["--channels", channels] if channels else []
    assert run("pack", op.root, *extra, "-o", tmp / "p.zip") == 0
    assert run("decide", tmp / "p.zip", "--reviewer", CHIEF, "--key", keys[0],
               "--approve", "alpha.jpg", "--approve", "bravo.jpg", "-o", tmp / "d.json") == 0
    assert run("import", op.root, tmp / "d.json") == 0
    with zipfile.ZipFile(tmp / "p.zip") as zf:
        [name] = [n for n in zf.namelist() if n.endswith("/manifest.json")]
        return json.loads(zf.read(name))


def _bundle_files(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as zf:
        return {n.split("/", 1)[1]: zf.read(n) for n in zf.namelist()}


def test_published_files_are_the_reviewed_bytes_never_encoded_again(
        reviewed_op, chief_keys, tmp_path, monkeypatch):
    manifest = _pack_and_approve(reviewed_op, chief_keys, tmp_path)
    from mediakit.channels import export, stills

    def no_encoding(*args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("publication encoded a file again")

    monkeypatch.setattr(export, "run_export", no_encoding)
    monkeypatch.setattr(stills, "export_still", no_encoding)
    monkeypatch.setattr(export, "export_still", no_encoding)
    op = Operation.open(reviewed_op.root)
    result = publish(op)
    assert result.ok and len(result.outputs) == 2, result
    bundle = _bundle_files(tmp_path / "p.zip")
    by_item = {e["item"]: e for e in manifest["items"]}
    for r in result.outputs:
        [packed] = by_item[r["item"]]["outputs"]
        published = Path(r["output"]).read_bytes()
        assert published == bundle[packed["file"]]  # what the chief opened, byte for byte
        assert file_sha256(r["output"]) == packed["sha256"] == r["sha256"]
        assert r["identical_to_reviewed"] is True
        assert "NON-VALIDE" in packed["file"] and "NON-VALIDE" not in Path(r["output"]).name
        assert Path(r["output"]).parent == ready_dir(op)
    text = (ready_dir(op) / "publication.txt").read_text(encoding="utf-8")
    assert text.count("identique au fichier relu") == 2
    # published files are noted on their items, in one audit entry naming each file
    op = Operation.open(reviewed_op.root)
    for r in result.outputs:
        assert any(e.get("published") and e["sha256"] == r["sha256"]
                   for e in op.items[r["item"]]["exports"])
    from mediakit.library import audit

    entries = [e for e in audit.entries(op.root) if e["action"] == "review_publish"]
    assert len(entries) == 1
    assert {f["sha256"] for f in entries[0]["details"]["published"]} == {r["sha256"]
                                                             for r in result.outputs}
    # publishing again changes nothing and withdraws nothing
    again = publish(Operation.open(reviewed_op.root))
    assert again.ok and not again.withdrawn
    assert {r["sha256"] for r in again.outputs} == {r["sha256"] for r in result.outputs}


def test_an_altered_staged_file_is_taken_from_the_bundle_or_not_published(
        reviewed_op, chief_keys, tmp_path):
    manifest = _pack_and_approve(reviewed_op, chief_keys, tmp_path)
    staged = reviewed_op.exports_dir / "relecture" / manifest["pack_id"]
    files = sorted(p for p in staged.glob("*.jpg"))
    assert len(files) == 2
    files[0].write_bytes(files[0].read_bytes()[:-100] + b"\0" * 100)  # altered after review
    files[1].unlink()  # cleaned away
    result = publish(Operation.open(reviewed_op.root))
    assert result.ok and len(result.outputs) == 2  # both from the bundle the chief saw
    bundle = _bundle_files(tmp_path / "p.zip")
    for r in result.outputs:
        assert Path(r["output"]).read_bytes() == bundle[r["reviewed_file"]]

    # neither the staged file nor the bundle: nothing published for that channel
    for p in ready_dir(reviewed_op).glob("*.jpg"):
        p.unlink()
    (tmp_path / "p.zip").unlink()
    result = publish(Operation.open(reviewed_op.root))
    assert not result.ok and len(result.failed) == 2 and not result.outputs
    assert all("introuvable ou a changé" in m and "nouveau paquet" in m for m in result.failed)
    assert not list(ready_dir(reviewed_op).glob("*.jpg"))


def test_a_manifest_changed_since_the_signature_publishes_nothing(
        reviewed_op, chief_keys, tmp_path):
    manifest = _pack_and_approve(reviewed_op, chief_keys, tmp_path)
    stored = pack_dir(reviewed_op, manifest["pack_id"]) / "manifest.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    data["items"][0]["outputs"][0]["sha256"] = "0" * 64  # someone points it at another file
    stored.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    result = publish(Operation.open(reviewed_op.root))
    assert not result.outputs and len(result.failed) == 2
    assert all("ne correspond plus" in m for m in result.failed)


def test_an_item_approved_on_its_preview_alone_is_not_published(reviewed_op, chief_keys,
                                                                tmp_path):
    _pack_and_approve(reviewed_op, chief_keys, tmp_path, channels=None)
    result = publish(Operation.open(reviewed_op.root), channels=["x"])
    assert not result.outputs and len(result.no_file) == 2 and not result.not_validated
    assert all("aucun fichier pour x" in m for m in result.no_file)
    text = (ready_dir(reviewed_op) / "publication.txt").read_text(encoding="utf-8")
    assert text.count("SANS FICHIER RELU") == 2
    assert not list(ready_dir(reviewed_op).glob("*.jpg"))


@pytest.mark.parametrize("tampered", ["signature", "missing"])
def test_the_signed_decision_must_still_be_there(reviewed_op, chief_keys, tmp_path, tampered):
    _pack_and_approve(reviewed_op, chief_keys, tmp_path)
    [stored] = list((reviewed_op.root / "review" / "decisions").glob("*.json"))
    if tampered == "missing":
        stored.unlink()
    else:
        doc = json.loads(stored.read_text(encoding="utf-8"))
        doc["decision"]["pack_id"] = doc["decision"]["pack_id"][:-1] + "x"
        stored.write_text(json.dumps(doc), encoding="utf-8")
    result = publish(Operation.open(reviewed_op.root))
    assert not result.outputs and len(result.failed) == 2
