"""CLI for rushes: ``mediakit tracks`` (review tracks of a video item), and the video
halves of ``mediakit detect`` / ``mediakit anonymize`` (wired by file kind)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mediakit.errors import MediaError, display_path
from mediakit.library.project import Operation
from mediakit.privacy.cli import box_arg
from mediakit.privacy.masking import MaskStyle
from mediakit.video.audio import Segment

EXIT_OK = 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tracks", help="revoir les pistes de masquage d'une vidéo")
    p.add_argument("dir", help="dossier d'opération")
    p.add_argument("item", help="élément vidéo (hash, début du hash ou nom)")
    p.add_argument("action", choices=["detect", "list", "accept", "reject", "add", "keyframe",
                                      "unkeyframe", "cut", "extend", "reviewed"])
    p.add_argument("track", nargs="?", help="identifiant de piste (t1, t2 …)")
    p.add_argument("--frame", type=int, help="image (numérotée depuis 0)")
    p.add_argument("--box", help="x,y,l,h en pixels de l'image affichée")
    p.add_argument("--label", default="face", choices=["face", "plate"])
    p.add_argument("--first", type=int, help="première image de la piste")
    p.add_argument("--last", type=int, help="dernière image de la piste")
    p.set_defaults(handler=cmd_tracks)


def cmd_tracks(args: argparse.Namespace) -> int:
    from mediakit.video import tracks as tr

    op = Operation.open(args.dir)
    sha = op.resolve(args.item)
    action = args.action
    if action == "detect":
        from mediakit.privacy.detector import Detector
        from mediakit.video.operation import detect_item

        found = detect_item(op, sha, Detector(profile="video"),
                            progress=lambda d, t: progress_bar(d, t, op.items[sha]["name"]))
        print(f"{op.items[sha]['name']}: {len(found)} piste(s) proposée(s)")
    elif action == "list":
        from mediakit.privacy.cli import STATE_FR

        for t in tr.item_tracks(op, sha):
            person = f" · {t['person']['name']} ({t['person']['list']})" if t.get("person") else ""
            state = STATE_FR.get(t["state"], t["state"])
            if t.get("suspect") and t["state"] != tr.SUSPECT:
                state += " (était à vérifier)"  # a decided suspect
            print(f"{t['id']:>4}  {t['label']:<5}  {state:<14}  {t['source']:<6}  "
                  f"images {t['frames'][0]}–{t['frames'][1]}  "
                  f"{len(t['keyframes'])} clé(s)  score {t.get('score', 1.0):.2f}{person}")
        return EXIT_OK
    elif action in ("accept", "reject"):
        tr.set_state(op, sha, _need(args.track, "piste"),
                     tr.ACCEPTED if action == "accept" else tr.REJECTED)
    elif action == "add":
        frame = _need(args.frame, "--frame")
        print(tr.add_track(op, sha, args.label, frame, box_arg(args.box), args.last))
    elif action == "keyframe":
        tr.set_keyframe(op, sha, _need(args.track, "piste"), _need(args.frame, "--frame"),
                        box_arg(args.box))
    elif action == "unkeyframe":
        tr.remove_keyframe(op, sha, _need(args.track, "piste"), _need(args.frame, "--frame"))
    elif action in ("cut", "extend"):
        tr.set_span(op, sha, _need(args.track, "piste"), args.first, args.last)
    elif action == "reviewed":
        tr.mark_reviewed(op, sha)
    op.save()
    return EXIT_OK


def detect_video_files(paths: Sequence[str | Path], detector: Any,
                       suspects: bool = False) -> list[dict[str, Any]]:
    """Per-frame entries (``score_video.py`` format) for each video, with the suspect
    tracks' boxes (``"suspect": true``) when ``suspects``; a bad file raises MediaError
    naming it."""
    from mediakit.video.anonymize import detect_video

    entries: list[dict[str, Any]] = []
    for path in paths:
        entries += detect_video(path, detector, suspects=suspects)
    return entries


def anonymize_video_files(paths: Sequence[str | Path], out_dir: str | Path, style: MaskStyle,
                          audio: str = "keep", bleeps: Sequence[Segment] = (),
                          progress: Callable[[int, int, str], None] | None = None,
                          detector: Any = None) -> list[dict[str, Any]]:
    """Anonymise loose video files into ``out_dir``; a bad file gets an ``error`` entry."""
    from mediakit.video.anonymize import anonymize_video
    from mediakit.video.operation import output_name

    if detector is None:
        from mediakit.privacy.detector import Detector

        detector = Detector(faces=True, plates=True, profile="video")
    progress = progress or progress_bar
    out_dir = Path(out_dir)
    results: list[dict[str, Any]] = []
    used: set[str] = set()
    for path in map(Path, paths):
        name = output_name(path)
        n = 2
        while name in used:
            name = output_name(path, f"_anonymise_{n}")
            n += 1
        used.add(name)
        try:
            results.append(anonymize_video(path, out_dir / name, detector=detector, style=style,
                                           audio=audio, bleeps=bleeps, progress=progress))
        except MediaError as exc:
            results.append({"file": display_path(path), "error": exc.reason})
    return results


_last_draw = [0.0]


def progress_bar(done: int, total: int, name: str) -> None:
    """A one-line progress bar on stderr, only when it is a terminal (at most 10 Hz)."""
    if not sys.stderr.isatty() or not total:
        return
    now = time.monotonic()
    if done < total and now - _last_draw[0] < 0.1:
        return
    _last_draw[0] = now
    filled = int(30 * done / total)
    print(f"\r{display_path(name)[:40]:<40} [{'#' * filled}{'.' * (30 - filled)}] "
          f"{100 * done // total:3d} %", end="\n" if done >= total else "", file=sys.stderr,
          flush=True)


def _need(value: Any, what: str) -> Any:
    if value is None:
        raise SystemExit(f"mediakit tracks: {what} requis")
    return value


