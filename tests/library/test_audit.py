import csv
import io

from mediakit.cli import main
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review


def test_trail_records_import_and_mask_review_with_who(tmp_path, media_dir, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_USER", "lt.martin")
    op = Operation.create(tmp_path / "op", "Audit")
    import_files(op, [media_dir / "a.jpg"])
    sha = next(iter(op.items))
    op.doc.set(("items", sha, "masks"), [])
    op.doc.set(("items", sha, "detection"), {"detector": "test"})  # the gate needs it
    mask_id = review.add_manual(op, sha, "face", (1, 2, 30, 40))
    review.set_state(op, sha, mask_id, "rejected")
    review.mark_reviewed(op, sha)
    actions = [e["action"] for e in audit.entries(op.root)]
    assert actions == ["import", "mask_added", "mask_rejected", "masks_reviewed"]
    assert {e["who"] for e in audit.entries(op.root)} == {"lt.martin"}
    rows = list(csv.reader(io.StringIO(audit.to_csv(op.root))))
    assert rows[0][:3] == ["date", "qui", "action"] and len(rows) == 5
    assert audit.verify(op.root) == []


def test_tampering_breaks_the_chain(tmp_path, media_dir, capsys):
    op = Operation.create(tmp_path / "op", "Audit")
    import_files(op, [media_dir])
    path = audit.audit_path(op.root)
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines[:1] + lines[2:]) + "\n")  # drop one entry
    assert audit.verify(op.root)
    assert main(["audit", str(op.root), "--verify"]) == 1
    assert "ALTÉRÉ" in capsys.readouterr().out
