"""An operation made by the previous version (one ``mediakit.json`` file, written by that
version's code: ``tests/library/data/op_v1``) opens, is migrated once with a backup, and
keeps all its data and its audit chain."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from mediakit.cli import main
from mediakit.library import audit
from mediakit.library.project import BACKUP_SUFFIX, PROJECT_FILE, Operation
from mediakit.library.store import DB_FILE
from mediakit.photo.selection import edit_field

DATA = Path(__file__).parent / "data" / "op_v1"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "op_v1"
    shutil.copytree(DATA, root)
    return root


def test_previous_version_opens_with_all_its_data(tmp_path):
    root = _copy(tmp_path)
    before = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    trail = (root / "audit.jsonl").read_text(encoding="utf-8")
    op = Operation.open(root)
    assert json.loads(op.to_json()) == before  # every key, item, mask, timeline, person
    assert (root / DB_FILE).is_file() and not (root / PROJECT_FILE).exists()
    backup = root / (PROJECT_FILE + BACKUP_SUFFIX)
    assert json.loads(backup.read_text(encoding="utf-8")) == before
    assert (root / "audit.jsonl").read_text(encoding="utf-8") == trail  # lines kept as they were
    assert audit.verify(root) == [] and len(audit.entries(root)) == trail.count("\n")

    # the chain goes on from the migrated lines; the data is editable and saved
    sha = next(s for s, it in op.items.items() if it.get("caption"))
    edit_field(op, sha, "caption", "Contrôle routier, RN 7 (corrigé)", "légende")
    op.close()
    again = Operation.open(root)  # not migrated twice: the backup is the old file
    assert again.items[sha]["caption"] == "Contrôle routier, RN 7 (corrigé)"
    assert json.loads(backup.read_text(encoding="utf-8")) == before
    assert audit.verify(root) == [] and audit.entries(root)[-1]["action"] == "photo_edit"
    assert main(["audit", str(root), "--verify"]) == 0
    out = tmp_path / "projet.json"
    assert main(["info", str(root), "--projet", str(out)]) == 0  # readable by a person
    assert json.loads(out.read_text(encoding="utf-8"))["timelines"] == before["timelines"]
    again.close()


def test_two_processes_opening_it_at_once_migrate_it_once(tmp_path):
    root = _copy(tmp_path)
    code = ("import sys; from mediakit.library.project import Operation; "
            "op = Operation.open(sys.argv[1]); print(len(op.items))")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(root)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(3)]
    outs = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e.decode()[-500:] for _, e in outs]
    assert {o.strip() for o, _ in outs} == {b"2"}
    op = Operation.open(root)
    assert len(audit.entries(root)) == (DATA / "audit.jsonl").read_text().count("\n")
    assert audit.verify(root) == []
    op.close()
