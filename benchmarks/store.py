"""Project store: 1,000 edits and the import of 500 photos, in the SQLite store against the
previous store (the whole project rewritten as one JSON file after every edit, the audit
trail appended to its own file), in the same run on the same files.

    .venv/bin/python benchmarks/store.py [--quick]

Prints seconds for each store and the ratio (new / previous: below 1 is faster). Target:
no worse than the previous store (ratio ≤ 1.0 for both measures).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediakit.atomic import write_text_atomic  # noqa: E402
from mediakit.library.document import Document  # noqa: E402
from mediakit.library.importer import import_files  # noqa: E402
from mediakit.library.project import Operation  # noqa: E402
from mediakit.photo.selection import edit_field  # noqa: E402
from mediakit.privacy import review  # noqa: E402


class PreviousStore(Operation):
    """The store of the previous version: the project in memory, the whole file rewritten
    atomically (temporary file, fsync, rename) after each edit, as its commands did."""

    @classmethod
    def make(cls, root: Path, name: str) -> PreviousStore:
        root.mkdir(parents=True)
        data = {"schema_version": 1, "operation": {"id": "x", "name": name},
                "settings": {}, "people": {"always_mask": [], "keep_visible": []}, "items": {}}
        op = cls(root, Document(data))
        for folder in (op.originals_dir, op.thumbs_dir, op.exports_dir):
            folder.mkdir(parents=True, exist_ok=True)
        op.doc.subscribe(lambda _command, _how: op.save())
        return op

    def save(self) -> None:
        write_text_atomic(self.root / "mediakit.json",
                          self.doc.snapshot_json(ensure_ascii=False, indent=1) + "\n")


def photos(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    out = []
    for i in range(n):
        img = rng.integers(0, 255, (480, 640, 3), dtype=np.uint8)
        out.append(folder / f"IMG_{i:04d}.jpg")
        Image.fromarray(img).save(out[-1], quality=85)
    return out


def edits(op: Operation, n: int) -> None:
    """``n`` edits as an officer makes them: captions, ratings, mask decisions."""
    shas = sorted(op.items)
    for sha in shas:
        review.store_detections(op, sha, [
            {"id": "", "label": "face", "region": [k, k, k + 9, k + 9], "box": [k, k, k + 9, k + 9],
             "score": 0.9, "source": "auto", "state": "accepted"} for k in range(6)], "bench")
    for i in range(n):
        sha = shas[i % len(shas)]
        kind = i % 3
        if kind == 0:
            edit_field(op, sha, "caption", f"légende {i}", "légende")
        elif kind == 1:
            edit_field(op, sha, "rating", i % 5 + 1, "note")
        else:
            review.set_state(op, sha, f"m{i % 6 + 1}", "rejected" if i % 2 else "accepted")


def measure(make, files: list[Path], n_edits: int, work: Path) -> tuple[float, float]:  # noqa: ANN001
    op = make(work, "Mesure")
    t0 = time.perf_counter()
    report = import_files(op, files)
    t_import = time.perf_counter() - t0
    assert len(report.imported) == len(files), report.failed
    t0 = time.perf_counter()
    edits(op, n_edits)
    return t_import, time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 photos, 200 edits")
    args = parser.parse_args()
    n_photos, n_edits = (100, 200) if args.quick else (500, 1000)
    with tempfile.TemporaryDirectory(prefix="mediakit-store-") as tmp:
        files = photos(Path(tmp) / "sd", n_photos)
        new = measure(Operation.create, files, n_edits, Path(tmp) / "sqlite")
        old = measure(PreviousStore.make, files, n_edits, Path(tmp) / "json")
    print(f"{n_photos} photos importées : SQLite {new[0]:.2f} s, fichier JSON {old[0]:.2f} s, "
          f"rapport {new[0] / old[0]:.2f}")
    print(f"{n_edits} modifications (+ {n_photos} détections) : SQLite {new[1]:.2f} s, "
          f"fichier JSON {old[1]:.2f} s, rapport {new[1] / old[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
