"""The whole loop: pack → decide → import → fix → repack → approve → publish, audited."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from mediakit.library import audit
from mediakit.library.project import Operation
from mediakit.validation.gate import is_validated, ready_dir
from mediakit.validation.manifest import pack_dir
from tests.validation.conftest import CHIEF, run, shas_by_name


def _pack(op_root: Path, out: Path) -> dict:
    assert run("pack", op_root, "--channels", "x", "-o", out) == 0
    with zipfile.ZipFile(out) as zf:
        [name] = [n for n in zf.namelist() if n.endswith("/manifest.json")]
        return json.loads(zf.read(name))


def test_pack_decide_import_fix_repack_publish(reviewed_op, chief_keys, tmp_path, capsys):
    root = reviewed_op.root
    names = shas_by_name(reviewed_op)
    alpha, bravo = names["alpha.jpg"], names["bravo.jpg"]
    reviewed_op.doc.set(("items", alpha, "caption"), "Contrôle routier à Lyon")
    reviewed_op.save()

    manifest = _pack(root, tmp_path / "p1.zip")
    assert {e["name"]: e["version"] for e in manifest["items"]} == {"alpha.jpg": 1,
                                                                     "bravo.jpg": 1}
    entry = next(e for e in manifest["items"] if e["item"] == alpha)
    assert entry["caption"] == "Contrôle routier à Lyon"
    assert {"gps", "serial", "device", "person"} <= set(entry["metadata"]["original"])
    assert entry["metadata"]["clean"] and entry["outputs"][0]["channel"] == "x"
    assert (pack_dir(reviewed_op, manifest["pack_id"]) / "manifest.json").is_file()
    with zipfile.ZipFile(tmp_path / "p1.zip") as zf:
        files = {n.split("/", 1)[1] for n in zf.namelist()}
        assert {"index.html", "manifest.json", "SHA256SUMS", "planche-contact.pdf"} <= files
        top = zf.namelist()[0].split("/")[0]
        assert zf.read(f"{top}/planche-contact.pdf").startswith(b"%PDF")
        assert manifest["operation"]["id"] in zf.read(f"{top}/index.html").decode()
        assert not [n for n in files if n.startswith("originals")]

    decision = tmp_path / "d1.json"
    assert run("decide", tmp_path / "p1.zip", "--reviewer", CHIEF, "--key", chief_keys[0],
               "--approve", "alpha.jpg", "--request", "bravo.jpg", "flouter le visage au fond",
               "-o", decision) == 0
    assert run("import", root, decision) == 0
    op = Operation.open(root)
    assert op.items[alpha]["status"] == "validated" and is_validated(op.items[alpha], "x")
    assert op.items[bravo]["status"] == "corrections_requested"
    assert op.items[bravo]["review_comments"][0]["comment"] == "flouter le visage au fond"
    assert not is_validated(op.items[bravo])

    # the officer fixes bravo: a manual mask and a caption
    from mediakit.privacy import review

    review.add_manual(op, bravo, "face", (10.0, 10.0, 50.0, 60.0))
    op.doc.set(("items", bravo, "caption"), "Visage flouté")
    op.save()
    capsys.readouterr()
    assert run("changes", root, "bravo.jpg") == 0
    out = capsys.readouterr().out
    assert "masque m1 (face, manual) ajouté" in out and "Visage flouté" in out
    assert "flouter le visage au fond" in out

    manifest2 = _pack(root, tmp_path / "p2.zip")
    versions = {e["name"]: e for e in manifest2["items"]}
    assert versions["alpha.jpg"]["version"] == 1 and versions["bravo.jpg"]["version"] == 2
    assert any("m1" in line for line in versions["bravo.jpg"]["changes"])
    assert versions["bravo.jpg"]["previous_version"] == 1

    decision2 = tmp_path / "d2.json"
    assert run("decide", tmp_path / "p2.zip", "--reviewer", CHIEF, "--key", chief_keys[0],
               "--approve", "bravo.jpg", "-o", decision2) == 0
    assert run("import", root, decision2) == 0

    # alpha changes after approval: no longer publishable until validated again
    op = Operation.open(root)
    op.doc.set(("items", alpha, "caption"), "Légende changée après validation")
    op.save()
    assert run("publish", root) == 0
    ready = ready_dir(op)
    published = sorted(p.name for p in ready.glob("*.jpg"))
    assert len(published) == 1 and "bravo" not in published[0]  # names use the index
    data = json.loads((ready / "publication.json").read_text())
    assert [o["item"] for o in data["outputs"]] == [bravo]
    assert data["outputs"][0]["identical_to_reviewed"] is True
    assert "NON-VALIDE" not in published[0]
    assert any("alpha.jpg" in m for m in data["not_validated"])

    # a plain export elsewhere says alpha is not validated
    assert run("publish", root, "--items", "alpha.jpg") == 0  # nothing, no error
    from mediakit.channels.export import run_export

    summary = run_export(Operation.open(root), ["x"], tmp_path / "ailleurs")
    flags = {o["item"]: (o["validated"], Path(o["output"]).name) for o in summary.outputs}
    assert flags[alpha][0] is False and "_NON-VALIDE" in flags[alpha][1]
    assert flags[bravo][0] is True and "NON-VALIDE" not in flags[bravo][1]

    rows = list(csv.reader(io.StringIO(audit.to_csv(root))))
    actions = [r[2] for r in rows[1:]]
    for action in ("review_reviewer_added", "review_pack", "review_decision_imported",
                   "review_validated", "review_corrections_requested", "review_publish"):
        assert action in actions, action
    assert actions.count("review_pack") == 2 and actions.count("review_decision_imported") == 2
    assert audit.verify(root) == []


def test_publish_withdraws_files_no_longer_validated(reviewed_op, chief_keys, tmp_path):
    root = reviewed_op.root
    _pack(root, tmp_path / "p.zip")
    assert run("decide", tmp_path / "p.zip", "--reviewer", CHIEF, "--key", chief_keys[0],
               "--approve", "alpha.jpg", "--approve", "bravo.jpg", "-o",
               tmp_path / "d.json") == 0
    assert run("import", root, tmp_path / "d.json") == 0
    assert run("publish", root) == 0
    op = Operation.open(root)
    assert len(list(ready_dir(op).glob("*.jpg"))) == 2
    alpha = shas_by_name(op)["alpha.jpg"]
    op.doc.set(("items", alpha, "masks_reviewed"), False)
    op.save()
    assert run("publish", root) == 0
    assert len(list(ready_dir(op).glob("*.jpg"))) == 1
    assert len(list((op.exports_dir / "retires").rglob("*.jpg"))) == 1


def test_per_channel_corrections_limit_publication(reviewed_op, chief_keys, tmp_path):
    root = reviewed_op.root
    assert run("pack", root, "--channels", "x,linkedin", "-o", tmp_path / "p.zip") == 0
    assert run("decide", tmp_path / "p.zip", "--reviewer", CHIEF, "--key", chief_keys[0],
               "--approve", "alpha.jpg", "--request", "alpha.jpg@linkedin", "recadrer",
               "-o", tmp_path / "d.json") == 0
    assert run("import", root, tmp_path / "d.json") == 0
    op = Operation.open(root)
    item = op.items[shas_by_name(op)["alpha.jpg"]]
    assert item["approved"]["channels"] == ["x"]
    assert is_validated(item, "x") and not is_validated(item, "linkedin")
    assert run("publish", root) == 0
    data = json.loads((ready_dir(op) / "publication.json").read_text())
    assert [o["channel"] for o in data["outputs"]] == ["x"]
