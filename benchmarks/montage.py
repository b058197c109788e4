"""Montage render: a 60 s 1080p timeline (6 clips, 5 crossfades, a title, a lower-third,
subtitles, loudness normalisation) rendered by ``render_timeline``, against the same filter
script run by plain ffmpeg. Targets: speed ratio ≥ 0.9×, peak memory < 1 GB, cuts ±1 frame.

    .venv/bin/python benchmarks/montage.py [--quick] [--speed veryfast]

Each source clip carries its frame number in two small luma patches (top-left), so the
benchmark reads back which source frame every edited frame shows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediakit.library.importer import import_files  # noqa: E402
from mediakit.library.project import Operation, is_operation  # noqa: E402
from mediakit.media.ffmpeg import ffmpeg_exe  # noqa: E402
from mediakit.video.montage.render import plan_render, render_timeline  # noqa: E402

W, H, FPS = 1920, 1080, 25
IN_S = 0.48  # every clip starts 12 frames into its rush


def make_clip(path: Path, index: int, seconds: float) -> None:
    """testsrc2 (hue-shifted per clip) + sine, with the frame number coded in two patches."""
    code = (f"color=c=black:s=64x64:r={FPS},format=yuv420p,geq=lum='16+mod(N,50)*4':cb=128:cr=128[a];"
            f"color=c=black:s=64x64:r={FPS},format=yuv420p,geq=lum='16+floor(N/50)*30':cb=128:cr=128[b];"
            f"testsrc2=s={W}x{H}:r={FPS},hue=h={index * 60}[bg];"
            f"[bg][a]overlay=0:0:shortest=1[c];[c][b]overlay=64:0:shortest=1[v]")
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-filter_complex", code,
                    "-f", "lavfi", "-i", f"sine=frequency={300 + 80 * index}:duration={seconds}",
                    "-map", "[v]", "-map", "0:a", "-t", str(seconds), "-c:v", "libx264",
                    "-preset", "ultrafast", "-crf", "12", "-g", "50", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", str(path)], check=True)


def frame_codes(path: Path) -> np.ndarray:
    """Source frame number shown by every frame of ``path``."""
    proc = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-vf",
                           "crop=128:64:0:0", "-pix_fmt", "yuv420p", "-f", "rawvideo", "-"],
                          capture_output=True, check=True)
    frames = np.frombuffer(proc.stdout, np.uint8).reshape(-1, 64 * 128 * 3 // 2)
    frames = frames[:, : 64 * 128].reshape(-1, 64, 128)  # the luma plane
    a = frames[:, 16:48, 16:48].mean(axis=(1, 2))
    b = frames[:, 16:48, 80:112].mean(axis=(1, 2))
    return np.round((a - 16) / 4) + 50 * np.round((b - 16) / 30)


def build(op: Operation, shas: list[str], clip_s: float, fade: float) -> dict:
    clips = []
    for i, sha in enumerate(shas):
        clip = {"item": sha, "in": IN_S, "out": round(IN_S + clip_s, 2)}
        if i:
            clip["transition"] = {"type": "crossfade", "duration": fade}
        clips.append(clip)
    total = len(shas) * clip_s - (len(shas) - 1) * fade
    return {"fps": FPS, "width": W, "height": H, "clips": clips,
            "titles": [{"type": "title", "text": "Opération Été 2026", "start": 0.5, "end": 3.5},
                       {"type": "lower_third", "name": "Marie Durand",
                        "function": "Préfète de la Gironde", "start": 5.0, "end": 9.0}],
            "subtitles": {"cues": [{"start": 2.0 + 6 * k, "end": 5.0 + 6 * k,
                                    "text": f"Sous-titre numéro {k + 1} : « essai »"}
                                   for k in range(int(total // 6))]},
            "_total": total}


def check_cuts(out: Path, tl: dict) -> tuple[int, int]:
    """(frames checked, worst error in frames) at both ends of every clip's visible part."""
    codes = frame_codes(out)
    fade = int(round(tl["clips"][1]["transition"]["duration"] * FPS))
    length = int(round((tl["clips"][0]["out"] - IN_S) * FPS))
    first = int(round(IN_S * FPS))
    worst, checked, start = 0, 0, 0
    for i in range(len(tl["clips"])):
        lo = start + (fade if i else 0)  # first frame not in a crossfade
        hi = start + length - (fade if i < len(tl["clips"]) - 1 else 0) - 1
        for frame, expected in ((lo, first + lo - start), (hi, first + hi - start)):
            worst = max(worst, int(abs(codes[frame] - expected)))
            checked += 1
        start += length - fade
    return checked, worst


def _source(o: Operation, sha: str) -> Path:
    return o.original_path(sha)  # benchmark only: the sources hold no one to mask


def render_child(work: Path, speed: str) -> int:
    """Child process: the product's render (its memory is measured with its ffmpeg)."""
    op = Operation.open(work / "op")
    tl = json.loads((work / "timeline.json").read_text(encoding="utf-8"))
    result = render_timeline(op, tl, work / "montage.mp4", channel="youtube", source=_source,
                             speed=speed)
    (work / "result.json").write_text(json.dumps(result), encoding="utf-8")
    return 0


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB of the process tree, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="13 s au lieu de 60 s")
    parser.add_argument("--speed", default="veryfast", help="préréglage x264")
    parser.add_argument("--keep", help="dossier de travail à garder")
    parser.add_argument("--render", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.render:
        return render_child(Path(args.render), args.speed)
    clip_s, fade = (2.52, 0.4) if args.quick else (10.52, 0.6)  # whole frames
    work = Path(args.keep or tempfile.mkdtemp(prefix="mediakit-bench-montage-"))
    work.mkdir(parents=True, exist_ok=True)
    srcs = []
    t0 = time.perf_counter()
    for i in range(6):
        path = work / f"src{i}_{clip_s}.mp4"
        if not path.exists():
            make_clip(path, i, clip_s + IN_S + 0.5)
        srcs.append(path)
    print(f"sources 1080p : {time.perf_counter() - t0:.1f} s")
    op = (Operation.open(work / "op") if is_operation(work / "op")
          else Operation.create(work / "op", "Benchmark montage"))
    import_files(op, srcs)
    shas = [op.resolve(f"src{i}_{clip_s}.mp4") for i in range(6)]
    tl = build(op, shas, clip_s, fade)
    (work / "timeline.json").write_text(json.dumps(tl), encoding="utf-8")

    ours, ours_rss, rc = timed([sys.executable, __file__, "--render", str(work),
                                "--speed", args.speed])
    if rc != 0:
        print("render_timeline : échec")
        return 1
    result = json.loads((work / "result.json").read_text(encoding="utf-8"))
    out = work / "montage.mp4"
    # the same graph, as plain ffmpeg runs it (loudness values measured by the plan)
    with tempfile.TemporaryDirectory() as tmp:
        plan = plan_render(op, tl, Path(tmp), channel="youtube", source=_source,
                           speed=args.speed)
        plain, plain_rss, rc = timed([ffmpeg_exe(), "-hide_banner", "-nostdin", *plan.args,
                                      str(work / "plain.mp4")])
    if rc != 0:
        print("ffmpeg seul : échec")
        return 1
    checked, worst = check_cuts(out, tl)
    ratio = plain / ours
    print(f"timeline : {result['duration']:.2f} s ({result['frames']} images) "
          f"{result['width']}x{result['height']}, attendu {tl['_total']:.2f} s")
    print(f"mediakit render_timeline : {ours:.1f} s (mesure du volume + rendu + vérifications)")
    print(f"ffmpeg seul, même graphe : {plain:.1f} s")
    print(f"rapport vitesse : {ratio:.2f}× (cible ≥ 0.9×)")
    print(f"mémoire max (processus et ffmpeg) : mediakit {ours_rss:.0f} Mo, "
          f"ffmpeg seul {plain_rss:.0f} Mo (cible < 1024 Mo)")
    print(f"loudness : {result.get('loudness')} LUFS (cible -14), contrôles {result['checks']}")
    print(f"coupes : {checked} images vérifiées, écart max {worst} image(s) (cible ≤ 1)")
    ok = ratio >= 0.9 and ours_rss < 1024 and worst <= 1 and all(result["checks"].values())
    print("OK" if ok else "ÉCHEC")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
