"""Photo masking benchmark: mediakit's Detector against the deface baseline.

    python benchmarks/photo_masking.py [--sets faces/wider,plates/ro-dashcam] [--limit N]
                                       [--profile photo|video]
    python benchmarks/photo_masking.py --big [--quick]   # 12/24 MP: big_photos.py

For each set, both tools run on the same images in this same run; both outputs are
scored by ``shared/eval/score.py --json``. Face sets run the face detector only and
plate sets the plate detector only (deface does no plates: its figures are printed as
they come, ~0). ``shared/`` is found next to the repository or from ``MEDIAKIT_SHARED``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

from mediakit.privacy.detector import Detector, detections_to_json

SETS = ("faces/wider", "faces/dlib", "plates/openalpr-eu", "plates/ro-dashcam")
IMAGE_EXT = (".jpg", ".jpeg", ".png")


def shared_dir() -> Path:
    """The shared evaluation folder."""
    env = os.environ.get("MEDIAKIT_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def prepare(set_dir: Path, limit: int | None, tmp: Path) -> tuple[Path, Path, list[str]]:
    """Image folder, gt file and file names for the run (symlinked subset with --limit)."""
    gt = json.loads((set_dir / "gt.json").read_text())
    names = sorted(i["file"] for i in gt["images"])[:limit]
    if limit is None:
        return set_dir / "images", set_dir / "gt.json", names
    images = tmp / "images"
    images.mkdir()
    for name in names:
        (images / name).symlink_to(set_dir / "images" / name)
    keep = set(names)
    gt["images"] = [i for i in gt["images"] if i["file"] in keep]
    (tmp / "gt.json").write_text(json.dumps(gt))
    return images, tmp / "gt.json", names


def run_mediakit(images: Path, names: list[str], label: str, profile: str,
                 out: Path) -> tuple[float, float]:
    """Detect on every image (suspects included), write the detections file of the masked
    regions (``out``) and of masks plus suspects (``out`` with suffix ``.assisted.json``);
    return ms per image and suspects per image."""
    detector = Detector(faces=label == "faces", plates=label == "plates", profile=profile)
    first = cv2.cvtColor(cv2.imread(str(images / names[0])), cv2.COLOR_BGR2RGB)
    detector.detect(first)  # loads the models: not timed, as deface's load is not
    results, assisted, elapsed, suspects = [], [], 0.0, 0
    for name in names:
        rgb = cv2.cvtColor(cv2.imread(str(images / name)), cv2.COLOR_BGR2RGB)
        t0 = time.perf_counter()
        dets = detector.detect(rgb, suspects=True)
        elapsed += time.perf_counter() - t0
        suspects += sum(d.suspect for d in dets)
        results.append(detections_to_json(name, dets))
        assisted.append(detections_to_json(name, dets, suspects=True))
    out.write_text(json.dumps(results))
    out.with_suffix(".assisted.json").write_text(json.dumps(assisted))
    return elapsed / len(names) * 1000, suspects / len(names)


def run_deface(shared: Path, images: Path, out: Path) -> float:
    """Run the deface baseline script, return its ms per image."""
    proc = subprocess.run([sys.executable, str(shared / "eval" / "deface_baseline.py"),
                           str(images), str(out)], capture_output=True, text=True, check=True)
    match = re.search(r"\((\d+(?:\.\d+)?) ms/image\)", proc.stdout)
    return float(match.group(1)) if match else float("nan")


def score(shared: Path, gt: Path, dets: Path) -> dict:
    """score.py's JSON summary."""
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gt),
                           str(dets), "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def metrics(label: str) -> list[tuple[str, str]]:
    """(row name, score.py key) pairs printed for a label."""
    if label == "faces":
        return [("recall easy", "recall_easy"), ("recall medium", "recall_medium"),
                ("recall hard", "recall_hard"), ("recall h<16", "recall_h<16"),
                ("recall 16-32", "recall_16-32"), ("recall 32-64", "recall_32-64"),
                ("recall h>=64", "recall_h>=64")]
    return [("plate recall", "recall_all"), ("recall h<16", "recall_h<16"),
            ("recall h>=16", "recall_h>=16")]


def plate_recall_16(gt: Path, summary: dict) -> float | None:
    """Recall over plates at least 16 px tall, from score.py's per-height buckets."""
    heights = [p["box"][3] for i in json.loads(gt.read_text())["images"] for p in i["plates"]]
    hits = total = 0.0
    for lo, hi, bucket in ((16, 32, "16-32"), (32, 64, "32-64"), (64, 10**9, "h>=64")):
        n = sum(lo <= h < hi for h in heights)
        hits += summary.get(f"recall_{bucket}", 0.0) * n
        total += n
    return round(hits / total, 4) if total else None


_SHARED = shared_dir()


def bench_set(name: str, limit: int | None, profile: str) -> None:
    """Run, score and print one set."""
    set_dir = _SHARED / "data" / name
    label = name.split("/")[0]
    with tempfile.TemporaryDirectory(prefix="mk-bench-") as tmp_name:
        tmp = Path(tmp_name)
        images, gt, names = prepare(set_dir, limit, tmp)
        ms_mk, per_image = run_mediakit(images, names, label, profile, tmp / "mediakit.json")
        ms_df = run_deface(_SHARED, images, tmp / "deface.json")
        res_mk = score(_SHARED, gt, tmp / "mediakit.json")
        res_as = score(_SHARED, gt, tmp / "mediakit.assisted.json")
        res_df = score(_SHARED, gt, tmp / "deface.json")
        if label == "plates":
            res_mk["recall_h>=16"] = plate_recall_16(gt, res_mk)
            res_df["recall_h>=16"] = plate_recall_16(gt, res_df)
    print(f"\n== {name}: {len(names)} images, {res_mk.get('n_hard', res_mk.get('n_all'))} "
          f"objects (profile {profile})")
    print(f"{'':<22}{'mediakit':>10}{'deface':>10}{'ratio':>8}")
    rows = [*metrics(label), ("false alarms/image", "false_alarms_per_image")]
    for title, key in rows:
        a, b = res_mk.get(key), res_df.get(key)
        if a is None and b is None:
            continue
        ratio = f"{a / b:8.2f}" if a is not None and b else f"{'-':>8}"
        print(f"{title:<22}{_fmt(a):>10}{_fmt(b):>10}{ratio}")
    print(f"{'ms/image':<22}{ms_mk:>10.0f}{ms_df:>10.0f}{ms_mk / ms_df:8.2f}")
    print("review-assisted (masks + suspects, what a person is shown):")
    for title, key in metrics(label)[:3] if label == "faces" else metrics(label)[:1]:
        print(f"  {title:<20}{_fmt(res_as.get(key)):>10}")
    print(f"  {'suspects/image':<20}{per_image:>10.2f}")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main() -> None:
    if "--big" in sys.argv:  # camera-sized photos: benchmarks/big_photos.py (issue 22)
        import big_photos

        sys.argv.remove("--big")
        return big_photos.main()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated, e.g. faces/wider")
    ap.add_argument("--limit", type=int, default=None, help="first N images of each set")
    ap.add_argument("--profile", default="photo", choices=("photo", "video"))
    args = ap.parse_args()
    if not (_SHARED / "data").is_dir():
        sys.exit(f"shared data not found at {_SHARED} (set MEDIAKIT_SHARED)")
    print(f"shared: {_SHARED}; ratio = mediakit / deface; CPU threads: 2 per model")
    for name in args.sets.split(","):
        bench_set(name.strip(), args.limit, args.profile)


if __name__ == "__main__":
    main()
