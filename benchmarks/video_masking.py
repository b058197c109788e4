"""Video masking benchmark: mediakit against deface on pan rushes with exact ground truth,
end-to-end speed at 1080p and on 4K HEVC phone-like rushes (rotation -90, and HLG HDR; made
by ``benchmarks/phone_clip.py``) against a plain ffmpeg transcode, and peak memory.

    .venv/bin/python benchmarks/video_masking.py [--quick] [--seeds 0,1,2] [--work DIR]
        [--speed-only] [--phone-seconds 5]

Pan rushes are made from the shared sets by ``../shared/eval/make_pan_video.py``
(``--images 4 --seconds 3``, seed 0 unless ``--seeds`` lists others, 1280x720; cached in
``--work``; with several seeds a summary line per rush and tool adds them up) and scored by
``../shared/eval/score_video.py`` (faces: medium set). deface is measured with
``../shared/eval/deface_baseline.py`` on the same rush, i.e. deface's CenterFace run on
every frame with its defaults (threshold 0.2, mask scale 1.3), the boxes it would mask
written per frame; deface's end-to-end speed is its own CLI (``deface --keep-metadata`` off,
libx264 veryfast crf 20). The 1080p clip is the shared face clip looped and scaled to
1920x1080 at 25 fps with its audio.

On face rushes mediakit is scored twice from one run: ``mediakit`` is what it masks alone,
``mk+susp`` what a person reviewing the rush can mask (the masks and the suspect tracks,
"à vérifier", together: the review-assisted recall). Every row also gives
``never_proposed``, the faces no box covers (70 %, score_video's rule) on any frame of
their shot, and ``mk+susp`` the suspect boxes a frame and the suspect tracks to decide.
``--suspect-floor`` replaces the video profile's suspect floor (to measure another).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED") or ROOT.parent / "shared")
EVAL = SHARED / "eval"
PY = sys.executable
sys.path.insert(0, str(Path(__file__).resolve().parent))
from phone_clip import make_phone_clip  # noqa: E402

SETS = {
    "faces/wider": ("faces", SHARED / "data/faces/wider"),
    "plates/ro-dashcam": ("plates", SHARED / "data/plates/ro-dashcam"),
    "plates/openalpr-eu": ("plates", SHARED / "data/plates/openalpr-eu"),
}
METRICS = ("frame_recall", "objects", "objects_ever_exposed", "longest_exposure_frames",
           "false_alarms_per_frame")
EXTRA = ("never_proposed", "suspects_per_frame", "suspect_tracks")


def ffmpeg() -> str:
    from mediakit.media.ffmpeg import ffmpeg_exe

    return ffmpeg_exe()


def pan_video(name: str, work: Path, seed: int = 0) -> Path:
    """The pan rush of a shared set for one random seed (made once, then cached)."""
    _, folder = SETS[name]
    out = work / f"pan_{name.replace('/', '_')}{f'_s{seed}' if seed else ''}.mp4"
    if not out.with_suffix(".gt.json").exists():
        subprocess.run([PY, str(EVAL / "make_pan_video.py"), str(folder / "gt.json"),
                        str(folder / "images"), str(out), "--images", "4", "--seconds", "3",
                        "--seed", str(seed), "--size", "1280x720"], check=True,
                       stdout=subprocess.DEVNULL)
    return out


def score(video: Path, detections: Path, gt: Path | None = None) -> dict:
    gt = gt or video.with_suffix(".gt.json")
    proc = subprocess.run([PY, str(EVAL / "score_video.py"), str(gt), str(detections),
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def edge_false_alarms(video: Path, detections: Path) -> float:
    """Share of false alarms (score_video's rule) touching the frame border: mostly faces
    cut by the edge, which the ground truth drops once less than half inside."""
    sys.path.insert(0, str(EVAL))
    from score import FALSE_ALARM_IOU, iou

    gt = json.loads(video.with_suffix(".gt.json").read_text())
    key, width, height = gt["label"] + "s", gt["width"], gt["height"]
    dets = {int(e["frame"]): [d["box"] for d in e["detections"]
                              if d.get("label", gt["label"]) == gt["label"]]
            for e in json.loads(detections.read_text())}
    total = edge = 0
    for frame in gt["frames"]:
        for b in dets.get(frame["frame"], []):
            if all(iou(b, o["box"]) < FALSE_ALARM_IOU for o in frame[key]):
                total += 1
                edge += b[0] <= 2 or b[1] <= 2 or b[0] + b[2] >= width - 2 \
                    or b[1] + b[3] >= height - 2
    return edge / total if total else 0.0


def valid_gt(video: Path, work: Path) -> tuple[Path, int]:
    """A copy of the rush's ground truth without degenerate boxes (negative width or height:
    objects past the frame edge that make_pan_video keeps, which no mask can cover), and how
    many objects had such boxes."""
    gt = json.loads(video.with_suffix(".gt.json").read_text())
    key = gt["label"] + "s"
    bad = set()
    for frame in gt["frames"]:
        bad |= {o["id"] for o in frame[key] if o["box"][2] <= 0 or o["box"][3] <= 0}
        frame[key] = [o for o in frame[key] if o["box"][2] > 0 and o["box"][3] > 0]
    out = work / f"{video.stem}.valid.gt.json"
    out.write_text(json.dumps(gt))
    return out, len(bad)


def never_proposed(gt_path: Path, detections: Path, face_set: str = "medium") -> int:
    """Objects (faces of ``face_set``) that no box covers (score_video's rule) on any frame
    they are in: never masked nor proposed in their shot (one shot a photo)."""
    sys.path.insert(0, str(EVAL))
    from score import COVER, coverage

    gt = json.loads(gt_path.read_text())
    label = gt["label"]
    dets = {int(e["frame"]): [d["box"] for d in e["detections"]
                              if d.get("label", label) == label]
            for e in json.loads(detections.read_text())}
    seen, covered = set(), set()
    for frame in gt["frames"]:
        for o in frame[label + "s"]:
            if label == "face" and face_set not in o.get("sets", []):
                continue
            seen.add(o["id"])
            if o["id"] not in covered and coverage([int(round(v)) for v in o["box"]],
                                                   dets.get(frame["frame"], []), None) >= COVER:
                covered.add(o["id"])
    return len(seen - covered)


def run_mediakit(video: Path, work: Path, detector) -> tuple[Path, Path, float, dict]:
    """mediakit's per-frame masks, and masks with suspects (one run), its speed, and the
    suspects' counts (boxes a frame, tracks)."""
    from mediakit.video.anonymize import frame_entries
    from mediakit.video.detect import track_video

    t0 = time.perf_counter()
    result = track_video(video, detector)
    size = (result["width"], result["height"])
    entries = frame_entries(video.name, result["tracks"], result["frames"], size,
                            suspects=True)
    fps = len(entries) / (time.perf_counter() - t0)
    masked = [{**e, "detections": [d for d in e["detections"] if not d.get("suspect")]}
              for e in entries]
    out = work / f"{video.stem}.mediakit.json"
    out.write_text(json.dumps(masked))
    review = work / f"{video.stem}.review.json"
    review.write_text(json.dumps(entries))
    n_boxes = sum(bool(d.get("suspect")) for e in entries for d in e["detections"])
    counts = {"suspects_per_frame": round(n_boxes / max(len(entries), 1), 3),
              "suspect_tracks": sum(t.get("state") == "suspect" for t in result["tracks"])}
    return out, review, fps, counts


def run_deface(video: Path, work: Path) -> tuple[Path, float]:
    """deface's per-frame masks on a rush (cached with its speed: deface does not change)."""
    out = work / f"{video.stem}.deface.json"
    speed = out.with_suffix(".fps")
    if not (out.exists() and speed.exists()):
        t0 = time.perf_counter()
        subprocess.run([PY, str(EVAL / "deface_baseline.py"), str(video), str(out)],
                       check=True, capture_output=True)
        n = len(json.loads(out.read_text()))
        speed.write_text(str(n / (time.perf_counter() - t0)))
    return out, float(speed.read_text())


def summary(scores: list[dict]) -> dict:
    """Several rushes' scores added up: mean frame recall and false alarms, objects and
    exposed objects summed, the longest exposure of all."""
    n = len(scores)
    return {"frame_recall": round(sum(s["frame_recall"] for s in scores) / n, 4),
            "objects": sum(s["objects"] for s in scores),
            "objects_ever_exposed": sum(s["objects_ever_exposed"] for s in scores),
            "longest_exposure_frames": max(s["longest_exposure_frames"] for s in scores),
            "false_alarms_per_frame": round(sum(s["false_alarms_per_frame"]
                                                for s in scores) / n, 3),
            "never_proposed": sum(s["never_proposed"] for s in scores),
            **({"suspects_per_frame": round(sum(s["suspects_per_frame"] for s in scores) / n,
                                            3),
                "suspect_tracks": sum(s["suspect_tracks"] for s in scores)}
               if "suspect_tracks" in scores[0] else {})}


def row(rush: str, tool: str, s: dict, fps: float | None = None) -> str:
    """One line of the table (blank where a figure does not apply)."""
    cells = [f"{s[m]!s:>24}" for m in METRICS] + [f"{s.get(m, '')!s:>18}" for m in EXTRA]
    return f"{rush:<24} {tool:<9} " + " ".join(cells) + ("" if fps is None else f" {fps:6.1f}")


def clip_1080(work: Path, seconds: int, size: str = "1920:1080") -> Path:
    out = work / f"clip_{size.replace(':', 'x')}_{seconds}s.mp4"
    if not out.exists():
        subprocess.run([ffmpeg(), "-v", "error", "-y", "-stream_loop", "-1", "-i",
                        str(SHARED / "data/video/egoblur_face_audio.mp4"), "-t", str(seconds),
                        "-vf", f"scale={size},setsar=1,fps=25", "-c:v", "libx264", "-preset",
                        "veryfast", "-crf", "18", "-c:a", "aac", str(out)], check=True)
    return out


def plain_transcode(clip: Path, work: Path) -> float:
    """Seconds of a plain ffmpeg transcode with mediakit's encoder settings (libx264
    veryfast crf 20, the same decoder and encoder threads, sound copied; pictures turned upright as ffmpeg does by default; an
    HDR source tone-mapped to SDR with the same filter as mediakit: what any SDR delivery
    needs)."""
    from mediakit.video.stream import TONEMAP, codec_threads, stream_facts, x264_params

    out = work / "plain.mp4"
    vf = ["-vf", TONEMAP] if stream_facts(clip)["hdr"] else []
    t0 = time.perf_counter()
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-threads", str(codec_threads()), "-i",
                    str(clip), *vf, "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
                    *x264_params(), "-pix_fmt", "yuv420p", "-c:a", "copy",
                    "-movflags", "+faststart", str(out)], check=True)
    return time.perf_counter() - t0


def deface_end_to_end(clip: Path, work: Path) -> float:
    out = work / "deface_out.mp4"
    cfg = json.dumps({"codec": "libx264", "pixelformat": "yuv420p",
                      "ffmpeg_params": ["-preset", "veryfast", "-crf", "20"]})
    t0 = time.perf_counter()
    subprocess.run([str(Path(PY).with_name("deface")), str(clip), "-o", str(out),
                    "--ffmpeg-config", cfg, "--keep-audio"], check=True, capture_output=True)
    return time.perf_counter() - t0


def frames_of(clip: Path) -> int:
    from mediakit.media.probe import video_info

    info = video_info(clip)
    return int(round(info["duration"] * info["fps"]))


MEASURE = """
import sys, time
from mediakit.privacy.masking import MaskStyle
from mediakit.video.anonymize import anonymize_video
{detector_import}
t0 = time.perf_counter()
r = anonymize_video(sys.argv[1], sys.argv[2], detector=DET, style=MaskStyle(),
                    one_pass=sys.argv[3] == "1")
print(r["passes"], r["frames"], time.perf_counter() - t0, r["tracks"], r["detections_run"])
"""


def anonymize_measured(clip: Path, out: Path, detector_spec: str, one_pass: bool = True,
                       ) -> dict:
    """Run anonymize_video in a child process; wall time and peak RSS of its process tree
    (``one_pass`` False: detection, then a second decode to mask, as before)."""
    code = MEASURE.format(detector_import=_detector_import(detector_spec))
    proc = subprocess.Popen([PY, "-c", code, str(clip), str(out), "1" if one_pass else "0"],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = [0]
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.05)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    stdout, _ = proc.communicate()
    stop.set()
    thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"anonymize_video failed on {clip}")
    passes, frames, seconds, tracks, runs = stdout.split()[-5:]
    return {"passes": int(passes), "frames": int(frames), "seconds": float(seconds),
            "tracks": int(tracks), "detections_run": int(runs),
            "peak_rss_mb": round(peak[0] / 2**20, 1)}


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            statm = (stat.parent / "statm").read_text().split()
        except OSError:
            continue
        p = int(stat.parent.name)
        parents[p] = int(fields[1])
        rss[p] = int(statm[1]) * page
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += [c for c, parent in parents.items() if parent == p]
    return total


def _detector_import(spec: str) -> str:
    if spec == "mediakit":
        return ("from mediakit.privacy.detector import Detector\n"
                "DET = Detector(faces=True, plates=True, profile='video')")
    module, cls = spec.split(":")
    return f"import sys; sys.path.insert(0, {str(Path(module).parent)!r})\n" \
           f"from {Path(module).stem} import {cls}\nDET = {cls}()"


def make_detector(spec: str):
    namespace: dict = {}
    exec(_detector_import(spec), namespace)  # noqa: S102 - benchmark option, local code
    return namespace["DET"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true",
                    help="faces rush and one plate rush; shorter speed and memory clips")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "mediakit-bench-video"))
    ap.add_argument("--seeds", default="0",
                    help="comma-separated make_pan_video seeds (one rush per set and seed)")
    ap.add_argument("--pans-only", action="store_true",
                    help="only the pan rushes' accuracy (no speed or memory runs)")
    ap.add_argument("--only", default="",
                    help="comma-separated rush names to run (e.g. faces/wider)")
    ap.add_argument("--suspect-floor", type=float, default=None,
                    help="suspect floor instead of the video profile's (measurement)")
    ap.add_argument("--phone-seconds", type=float, default=0.0,
                    help="length of the 4K phone clips (default 5 s, 2 s with --quick)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="speed runs alternated this many times, the best kept")
    ap.add_argument("--only-1080", action="store_true", help="speed: the 1080p clip only")
    ap.add_argument("--speed-only", action="store_true",
                    help="only the speed and memory runs (no pan rushes)")
    ap.add_argument("--detector", default="mediakit",
                    help="'mediakit' (Detector, profile video) or FILE.py:Class for development")
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    detector = make_detector(a.detector)
    names = ["faces/wider", "plates/ro-dashcam"] + ([] if a.quick else ["plates/openalpr-eu"])
    seeds = [int(s) for s in a.seeds.split(",")]
    if a.only:
        names = [n for n in SETS if n in a.only.split(",")]
    if a.speed_only:
        names = []
    print("== pan rushes (1280x720, 300 frames; faces: medium set) ==")
    if a.suspect_floor is not None:
        detector.suspect_floor = a.suspect_floor
    floor = getattr(detector, "suspect_floor", None)
    print(f"suspect floor: {floor}")
    header = f"{'rush':<24} {'tool':<9} " + " ".join(f"{m:>24}" for m in METRICS)
    print(header + " " + " ".join(f"{m:>18}" for m in EXTRA) + f" {'fps':>6}")
    footnotes: list[str] = []
    for name in names:
        totals: dict[tuple[str, str], list[dict]] = {}
        for seed in seeds:
            video = pan_video(name, work, seed)
            rush = name + (f" s{seed}" if len(seeds) > 1 else "")
            masked, review, mk_fps, counts = run_mediakit(video, work, detector)
            rows = [("mediakit", masked, mk_fps, {})]
            if SETS[name][0] == "faces":
                rows.append(("mk+susp", review, mk_fps, counts))
                rows.append(("deface", *run_deface(video, work), {}))
            clean, n_bad = valid_gt(video, work)
            variants = [(None, "")] + ([(clean, "*")] if n_bad else [])
            for tool, dets, fps, extra in rows:
                for gt, tag in variants:
                    s = score(video, dets, gt)
                    s["never_proposed"] = never_proposed(gt or video.with_suffix(".gt.json"),
                                                         dets)
                    s.update(extra)
                    totals.setdefault((tool, tag), []).append(s)
                    print(row(rush + tag, tool, s, fps), flush=True)
                # Rushes without unmaskable boxes count the same in both summaries.
                if not n_bad and len(seeds) > 1:
                    totals.setdefault((tool, "*"), []).append(s)
            for tool, dets, _, _ in rows:
                footnotes.append(f"{rush} {tool}: {edge_false_alarms(video, dets):.0%} of "
                                 "false alarms touch the frame border")
            if n_bad:
                footnotes.append(f"{rush}*: same, without the ground-truth boxes of negative "
                                 f"size (past the frame edge, unmaskable; {n_bad} object(s))")
        if len(seeds) > 1:
            for (tool, tag), scores in totals.items():
                if len(scores) == len(seeds):
                    print(row(name + " all" + tag, tool, summary(scores)), flush=True)
    for note in footnotes:
        print(note)
    if a.pans_only:
        return 0

    print("\n== end to end (decode → detect → mask → encode, audio copied) against a plain "
          "ffmpeg transcode with the same encoder settings, same run ==")
    print(f"{os.cpu_count()} CPU(s); plain: mean of one run before and one after mediakit; "
          f"best of {a.repeat}")
    clip = clip_1080(work, 4 if a.quick else 10)
    phone_s = a.phone_seconds or (2.0 if a.quick else 5.0)
    clips = [("1080p H.264", clip, True)]
    for hdr in () if a.only_1080 else ("none", "hlg"):
        clips.append((f"4K HEVC rot-90{' ' + hdr.upper() if hdr != 'none' else ''}",
                      make_phone_clip(work / f"phone_4k_{hdr}_{phone_s:g}s.mov", phone_s,
                                      hdr=hdr), False))
    for label, path, both in clips:
        n = frames_of(path)
        plains, runs, olds = [], [], []
        for _ in range(a.repeat):  # alternated; the best of each kept (a shared machine)
            plains.append(plain_transcode(path, work))
            runs.append(anonymize_measured(path, work / "ours.mp4", a.detector))
            if both:
                olds.append(anonymize_measured(path, work / "old.mp4", a.detector,
                                               one_pass=False))
            plains.append(plain_transcode(path, work))
        ours = min(runs, key=lambda r: r["seconds"])
        ours["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
        old = min(olds, key=lambda r: r["seconds"]) if olds else None
        plain = min((plains[i] + plains[i + 1]) / 2 for i in range(0, len(plains), 2))
        fps = ours["frames"] / ours["seconds"]
        print(f"{label:<20} {n} frames: plain ffmpeg {n / plain:5.1f} fps; mediakit "
              f"{fps:5.1f} fps = {fps / (n / plain):.2f}x plain ffmpeg "
              f"({ours['passes']} decode(s), {ours['detections_run']} detector runs, "
              f"{ours['tracks']} tracks), peak {ours['peak_rss_mb']:.0f} MB", flush=True)
        if old is not None:
            ofps = old["frames"] / old["seconds"]
            print(f"{'':<20} detection then a second decode (before): {ofps:5.1f} fps = "
                  f"{ofps / (n / plain):.2f}x, peak {old['peak_rss_mb']:.0f} MB", flush=True)
    if not a.quick:
        short = clip_1080(work, 2)
        t = deface_end_to_end(short, work)
        print(f"deface CLI             : {frames_of(short) / t:6.1f} fps (2 s clip)")

    if a.only_1080:
        return 0
    print("\n== peak memory (RSS of the process tree) ==")
    size = "640:360" if a.quick else "1280:720"
    for seconds in (10, 60):
        m = anonymize_measured(clip_1080(work, seconds, size), work / "mem.mp4", a.detector)
        print(f"{size.replace(':', 'x')} {seconds:>3} s: {m['peak_rss_mb']:7.1f} MB peak, "
              f"{m['frames'] / m['seconds']:.1f} fps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
