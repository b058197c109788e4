"""kill -9 at random points of import, detection, export and pack: the operation opens, lists
exactly what was committed (and logged), originals are intact, no listed output is partial."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from mediakit.validation.bundle import read_bundle
from mediakit.validation.manifest import MANIFEST

POINTS = 20
CHILD = r"""
import sys
import mediakit.channels.cli, mediakit.library.importer, mediakit.privacy.cli  # noqa
import mediakit.privacy.detector, mediakit.validation.cli  # noqa
from mediakit.cli import main
print("ready", flush=True)
sys.exit(main(sys.argv[1:]))
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _photos(folder: Path, n: int, size: tuple[int, int] = (480, 360),
            seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1000 + seed)
    out = []
    for i in range(n):
        img = Image.fromarray(rng.integers(0, 255, (size[1], size[0], 3), dtype=np.uint8))
        ImageDraw.Draw(img).ellipse((40 + i, 40, 140 + i, 170), fill=(225, 190, 160))
        out.append(folder / f"p{i:02d}.jpg")
        img.save(out[-1], quality=92)
    return out


def _run(args: list[str]) -> tuple[subprocess.Popen, float]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout.readline().strip() == b"ready"
    return proc, time.monotonic()


def _duration(args: list[str]) -> float:
    proc, start = _run(args)
    proc.communicate()
    assert proc.returncode in (0, 3), proc.returncode  # 3: partial
    return time.monotonic() - start


def _kill_at_random_points(args_for: Callable, duration: float, check: Callable,
                           seed: int) -> int:
    """Start the command again and again, killing it at spread random instants of its run;
    ``check`` after each. Returns how many runs were killed before they ended."""
    rng = np.random.default_rng(seed)
    killed = 0
    for k in range(POINTS):
        proc, start = _run(args_for(k))
        time.sleep(max(0.0, start + duration * (k + rng.random()) / POINTS - time.monotonic()))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        check()
    return killed


def _check(root: Path, sources: dict[str, str], bundles: Path | None = None) -> None:
    """The invariants after any crash."""
    for path, digest in sources.items():  # the SD card is only read
        assert _sha(Path(path)) == digest
    op = Operation.open(root)
    try:
        assert audit.verify(root) == []
        entries = audit.entries(root)
        logged = [e["item"] for e in entries if e["action"] == "import"]
        assert sorted(logged) == sorted(op.items)  # listed iff its import is logged, once
        for sha, item in op.items.items():
            assert _sha(op.original_path(sha)) == sha  # the original, byte for byte
            for export in item.get("exports", []):  # a listed output is whole
                assert _sha(Path(export["path"])) == export["sha256"], export
            detections = sum(1 for e in entries if e["action"] == "detection"
                             and e["item"] == sha)
            assert bool(item.get("detection")) == bool(detections)
            assert ("masks" in item) == bool(item.get("detection"))
        packs = op.doc.get(("review", "packs")) or {}
        assert len(packs) == sum(1 for e in entries if e["action"] == "review_pack")
        for pack in packs.values():
            files = read_bundle(bundles / pack["bundle"])
            assert hashlib.sha256(files[MANIFEST]).hexdigest() == pack["manifest_sha256"]
    finally:
        op.close()


@pytest.fixture
def sd(tmp_path):
    paths = _photos(tmp_path / "sd", 20)
    return tmp_path / "sd", {str(p): _sha(p) for p in paths}


def test_kill_during_import(tmp_path):
    cards = [tmp_path / f"sd{k}" for k in range(POINTS + 1)]  # a new card for each run
    sources = {}
    for k, card in enumerate(cards):
        sources.update({str(p): _sha(p) for p in _photos(card, 5, seed=k)})
    probe = tmp_path / "probe"
    Operation.create(probe, "Mesure").close()
    duration = _duration(["import", probe, cards[-1]])
    root = tmp_path / "op"
    Operation.create(root, "Import").close()
    killed = _kill_at_random_points(lambda k: ["import", root, cards[k]], duration,
                                    lambda: _check(root, sources), seed=1)
    assert killed >= POINTS // 2
    _duration(["import", root, *cards[:-1]])  # every card again: it finishes what is left
    _check(root, sources)
    op = Operation.open(root)
    assert len(op.items) == 5 * POINTS
    op.close()


def _imported(tmp_path: Path, folder: Path, n: int | None = None) -> Path:
    root = tmp_path / "op"
    op = Operation.create(root, "Crash")
    files = sorted(folder.iterdir())[:n]
    import_files(op, files)
    op.close()
    return root


def test_kill_during_detection(tmp_path, sd):
    folder, sources = sd
    root = _imported(tmp_path, folder, 4)
    probe = tmp_path / "probe"
    shutil.copytree(root, probe)
    duration = _duration(["masks", probe, "detect"])
    killed = _kill_at_random_points(lambda k: ["masks", root, "detect"], duration,
                                    lambda: _check(root, sources), seed=2)
    assert killed >= POINTS // 2


def _reviewed(root: Path) -> None:
    op = Operation.open(root)
    for sha in op.items:
        review.store_detections(op, sha, [], "test")  # nothing found, logged
        review.mark_reviewed(op, sha)
    op.close()


def test_kill_during_export(tmp_path, sd):
    folder, sources = sd
    root = _imported(tmp_path, folder, 3)
    _reviewed(root)
    probe = tmp_path / "probe"
    shutil.copytree(root, probe)
    channels = "x,instagram-feed"
    duration = _duration(["export", probe, "--channels", channels, "-o", tmp_path / "pout"])
    out = tmp_path / "out"
    killed = _kill_at_random_points(  # a new folder each time: each run does the whole job
        lambda k: ["export", root, "--channels", channels, "-o", out / str(k)], duration,
        lambda: _check(root, sources), seed=3)
    assert killed >= POINTS // 2
    resumed = [out / str(k) for k in (0, POINTS // 2, POINTS - 1)]
    for folder in resumed:  # a stopped export, run again, completes and lists every file
        _duration(["export", root, "--channels", channels, "-o", folder])
    _check(root, sources)
    op = Operation.open(root)
    listed = [e["path"] for it in op.items.values() for e in it.get("exports", [])]
    for folder in resumed:
        assert sum(Path(p).parent == folder for p in set(listed)) == 6, folder
    op.close()


def test_kill_during_pack(tmp_path, sd):
    folder, sources = sd
    root = _imported(tmp_path, folder, 2)
    _reviewed(root)
    probe = tmp_path / "probe"
    shutil.copytree(root, probe)
    duration = _duration(["review", "pack", probe, "-o", tmp_path / "probe.zip"])
    bundles = tmp_path / "bundles"
    bundles.mkdir()
    killed = _kill_at_random_points(
        lambda k: ["review", "pack", root, "-o", bundles / f"paquet{k}.zip"], duration,
        lambda: _check(root, sources, bundles), seed=4)
    assert killed >= POINTS // 2
