import json
import os
import signal
import subprocess
import sys
import time

import pytest

from mediakit.errors import ProjectError
from mediakit.library.project import PROJECT_FILE, Operation
from mediakit.library.store import DB_FILE


def test_create_open_roundtrip(tmp_path):
    op = Operation.create(tmp_path / "op", "Opération Test")
    op.doc.set(("settings", "credit"), "Préfecture")
    op.save()
    again = Operation.open(tmp_path / "op")
    assert again.name == "Opération Test"
    assert again.doc.get(("settings", "credit")) == "Préfecture"
    data = json.loads(again.to_json())
    assert data["schema_version"] == 1 and data["settings"]["credit"] == "Préfecture"
    assert (tmp_path / "op" / DB_FILE).is_file() and not (tmp_path / "op" / PROJECT_FILE).exists()
    for sub in ("originals", "cache/thumbs", "exports"):
        assert (tmp_path / "op" / sub).is_dir()


def test_create_refuses_existing_and_open_refuses_missing(tmp_path):
    Operation.create(tmp_path, "A")
    with pytest.raises(ProjectError, match="existe déjà"):
        Operation.create(tmp_path, "B")
    with pytest.raises(ProjectError, match="aucune opération"):
        Operation.open(tmp_path / "nowhere")


def test_open_refuses_newer_schema_and_garbage(tmp_path):
    path = tmp_path / PROJECT_FILE  # a project file of the previous version, to migrate
    path.write_text(json.dumps({"schema_version": 99}))
    with pytest.raises(ProjectError, match="version de schéma"):
        Operation.open(tmp_path)
    path.write_text("{not json")
    with pytest.raises(ProjectError, match="illisible"):
        Operation.open(tmp_path)


SAVER = r"""
import sys
from mediakit.library.project import Operation
op = Operation.open(sys.argv[1])
big = "x" * 200_000
i = 0
print("ready", flush=True)
while True:
    i += 1
    op.doc.set(("items", "k%d" % (i % 50)), {"name": "n%d" % i, "blob": big, "kind": "photo"})
"""


def test_killing_during_saves_leaves_a_loadable_project(tmp_path):
    Operation.create(tmp_path, "Crash")
    for attempt in range(3):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(tmp_path)],
                                stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.3 + 0.17 * attempt)  # in the middle of a stream of 200 kB edits
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        op = Operation.open(tmp_path)  # must open
        assert op.name == "Crash"
        assert all(it["blob"] == "x" * 200_000 for it in op.items.values())
        op.close()
