"""Four processes and the window edit one operation at once: no edit is lost, each is logged
exactly once, the window sees the others' changes and keeps its own selection and undo."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt, QTimer

from mediakit.cli import main
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.photo.selection import edit_field

WORKERS, BASE = 4, 8
# 12 imports, 13 captions, 12 ratings, 13 mask decisions: 50 edits, interleaved
KINDS = ["import", "caption", "rating", "mask"] * 12 + ["caption", "mask"]

WORKER = r"""
import json, sys, time
from pathlib import Path
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.photo.selection import edit_field
from mediakit.privacy import review

root, w = Path(sys.argv[1]), int(sys.argv[2])
plan = json.loads(Path(sys.argv[3]).read_text())
op = Operation.open(root)
go = root.parent / "go"
while not go.exists():
    time.sleep(0.01)
for step in plan:
    if step[0] == "import":
        report = import_files(op, [step[1]])
        assert len(report.imported) == 1, report.failed
    elif step[0] == "caption":
        edit_field(op, step[1], "caption", step[2], "légende")
    elif step[0] == "rating":
        edit_field(op, step[1], "rating", step[2], "note")
    else:
        review.set_state(op, step[1], step[2], "rejected")
print("ok", flush=True)
"""


def _photo(path: Path, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 255, (48, 64, 3), dtype=np.uint8)).save(path, quality=90)
    return path


def _plans(tmp: Path, base: list[str]) -> list[list[list]]:
    """Each worker's 50 edits: its own imports, captions of its own two items, ratings of
    two other items (edited by another worker's captions at the same time), decisions on
    masks of every base item (the same items as the other workers)."""
    plans = []
    for w in range(WORKERS):
        masks = [(base[j], f"m{k + 1}") for j in range(BASE) for k in range(8)
                 if (j * 8 + k) % WORKERS == w]
        counts: Counter[str] = Counter()
        plan: list[list] = []
        for kind in KINDS:
            n = counts[kind]
            counts[kind] += 1
            if kind == "import":
                folder = tmp / f"sd{w}"
                folder.mkdir(exist_ok=True)
                plan.append(["import", str(_photo(folder / f"w{w}_{n}.jpg", 1000 * (w + 1) + n))])
            elif kind == "caption":
                plan.append(["caption", base[2 * w + n % 2], f"légende {w}-{n}"])
            elif kind == "rating":
                plan.append(["rating", base[(2 * w + 2 + n % 2) % BASE], n // 2 % 5 + 1])
            else:
                plan.append(["mask", *masks[n]])
        plans.append(plan)
    return plans


def test_four_processes_and_the_window_lose_no_edit(qtbot, window, tmp_path):
    root = tmp_path / "op"
    op = Operation.create(root, "Concurrence")
    sd = tmp_path / "base"
    sd.mkdir()
    import_files(op, [_photo(sd / f"base{i}.jpg", i) for i in range(BASE + 1)])
    base = sorted(op.items)
    mine = base.pop()  # the window's own item
    for sha in base:
        with op.doc.transaction("masques de test"):
            op.doc.set(("items", sha, "masks"), [
                {"id": f"m{k + 1}", "label": "face", "region": [k, k, k + 5, k + 5],
                 "box": [k, k, k + 5, k + 5], "score": 0.9, "source": "auto",
                 "state": "accepted"} for k in range(8)])
            op.doc.set(("items", sha, "detection"), {"detector": "test"})
    start = len(audit.entries(root))

    window.set_operation(op)
    window.show()
    qtbot.waitExposed(window)
    grid = window.chutier.grid
    selected = next(grid.item(i) for i in range(grid.count())
                    if grid.item(i).data(Qt.ItemDataRole.UserRole) == mine)
    grid.setCurrentItem(selected)

    plans = _plans(tmp_path, base)
    assert all(len(plan) == 50 for plan in plans)
    procs = []
    for w, plan in enumerate(plans):
        plan_file = tmp_path / f"plan{w}.json"
        plan_file.write_text(json.dumps(plan))
        procs.append(subprocess.Popen([sys.executable, "-c", WORKER, str(root), str(w),
                                       str(plan_file)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE))
    own = []

    def window_edit() -> None:  # the officer captions their photo meanwhile
        if len(own) < 5:
            own.append(f"fenêtre {len(own)}")
            edit_field(window.op, mine, "caption", own[-1], "légende")

    timer = QTimer()
    timer.timeout.connect(window_edit)
    timer.start(300)
    (tmp_path / "go").touch()
    qtbot.waitUntil(lambda: all(p.poll() is not None for p in procs), timeout=240_000)
    qtbot.waitUntil(lambda: len(own) == 5, timeout=10_000)
    timer.stop()
    for p in procs:
        out, err = p.communicate()
        assert p.returncode == 0 and out.strip() == b"ok", err.decode()[-2000:]

    total = BASE + 1 + WORKERS * 12
    # the window noticed the other processes' imports within a second or two
    qtbot.waitUntil(lambda: len(window.op.items) == total and grid.count() == total,
                    timeout=5_000)
    assert grid.currentItem() is not None
    assert grid.currentItem().data(Qt.ItemDataRole.UserRole) == mine  # selection kept
    assert [c.label for c in window.op.doc.undo_stack[-5:]] == ["légende"] * 5

    fresh = Operation.open(root)
    assert len(fresh.items) == total
    entries = audit.entries(root)[start:]
    counts = Counter(e["action"] for e in entries)
    assert counts == {"import": WORKERS * 12, "photo_edit": WORKERS * 25 + 5,
                      "mask_rejected": WORKERS * 13}
    for w, plan in enumerate(plans):
        last: dict[tuple[str, str], object] = {}
        for step in plan:
            if step[0] in ("caption", "rating"):
                last[(step[1], step[0])] = step[2]
            elif step[0] == "mask":
                mask = next(m for m in fresh.items[step[1]]["masks"] if m["id"] == step[2])
                assert mask["state"] == "rejected", (w, step)
        for (sha, field), value in last.items():
            assert fresh.items[sha][field] == value, (w, sha, field)
    assert fresh.items[mine]["caption"] == own[-1]

    # the workers really ran at the same time: their imports and captions interleave in the
    # log (run one after another they would change hands only WORKERS - 1 times)
    order = [e["details"]["name"].split("_")[0] if e["action"] == "import"
             else "w" + str(e["details"]["new"]).split()[1].split("-")[0]
             for e in entries if e["action"] == "import"
             or (e["action"] == "photo_edit" and e["details"]["field"] == "caption"
                 and str(e["details"]["new"]).startswith("légende "))]
    assert len(order) == WORKERS * 25
    assert sum(a != b for a, b in zip(order, order[1:], strict=False)) >= WORKERS, order
    # each field's entries chain old → new: no edit was made from a stale copy
    chains: dict[tuple[str, str], list[dict]] = {}
    for e in entries:
        if e["action"] == "photo_edit":
            chains.setdefault((e["item"], e["details"]["field"]), []).append(e["details"])
    for changes in chains.values():
        for before, after in zip(changes, changes[1:], strict=False):
            assert after["old"] == before["new"]
    assert audit.verify(root) == []
    assert main(["audit", str(root), "--verify"]) == 0

    window.op.doc.undo()  # the window's own undo still works on its last edit
    assert window.op.items[mine]["caption"] == own[-2]
