"""CLI for rushes: ``mediakit tracks`` (review tracks of a video item), ``mediakit voice``
(voice disguise of a rush's ranges), and the video halves of ``mediakit detect`` /
``mediakit anonymize`` (wired by file kind)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mediakit.clitext import LABELS_FR, LISTS_FR, UsageError, number, say, t, translate
from mediakit.errors import MediaError, display_path
from mediakit.library.project import Operation
from mediakit.privacy.cli import box_arg
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.regions import region_label
from mediakit.video.audio import Segment

EXIT_OK = 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tracks", help="revoir les pistes de masquage d'une vidéo",
        epilog="actions : detect, list, accept / reject PISTE, add (--frame, --box), keyframe "
               "/ unkeyframe PISTE (--frame, --box), cut / extend PISTE (--first, --last), "
               "reviewed. Exemple : mediakit tracks reject OP MVI_0006 t2")
    p.add_argument("action", choices=TRACK_ACTIONS, metavar="ACTION",
                   help=", ".join(TRACK_ACTIONS))
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("item", metavar="ÉLÉMENT",
                   help="rush (nom, nom sans extension, début du nom ou de l'empreinte)")
    p.add_argument("track", nargs="?", metavar="PISTE", help="identifiant de piste (t1, t2 …)")
    p.add_argument("--frame", type=int, metavar="N", help="image (numérotée depuis 0)")
    p.add_argument("--box", metavar="X,Y,L,H", help="x,y,l,h en pixels de l'image affichée")
    p.add_argument("--label", default="face", choices=["face", "plate", "visage", "plaque"],
                   help="nature de la piste ajoutée : face (visage) ou plate (plaque)")
    p.add_argument("--first", type=int, metavar="N", help="première image de la piste")
    p.add_argument("--last", type=int, metavar="N", help="dernière image de la piste")
    p.set_defaults(handler=cmd_tracks, parser=p)

    p = sub.add_parser(
        "voice", help="voix modifiée sur des plages d'un rush (témoins, victimes, agents "
                      "protégés)",
        epilog="actions : list (les plages), add / remove DÉBUT-FIN (modifier la voix d'une "
               "plage ou la rendre), clear (voix d'origine partout), preview -o F.wav "
               "(écouter avant/après). Exemple : mediakit voice add OP MVI_0006 12,5-20")
    p.add_argument("action", choices=VOICE_ACTIONS, metavar="ACTION",
                   help=", ".join(VOICE_ACTIONS))
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("item", metavar="ÉLÉMENT",
                   help="rush (nom, nom sans extension, début du nom ou de l'empreinte)")
    p.add_argument("range", nargs="?", metavar="DÉBUT-FIN",
                   help="secondes (12,5-20 ; 31- : jusqu'à la fin ; tout : tout le rush)")
    p.add_argument("--preset", choices=["grave", "aigu"],
                   help="add : voix plus grave (défaut) ou plus aiguë")
    p.add_argument("-o", "--out", help="preview : fichier WAV à écrire")
    p.add_argument("--before", action="store_true",
                   help="preview : le son d'origine (l'« avant ») au lieu de la voix modifiée")
    p.set_defaults(handler=cmd_voice, parser=p)


TRACK_ACTIONS = ["detect", "list", "accept", "reject", "add", "keyframe", "unkeyframe", "cut",
                 "extend", "reviewed"]
STATES_FR = {"accepted": "masquée", "rejected": "laissée visible", "suspect": "À VÉRIFIER"}
SOURCES_FR = {"auto": "automatique", "manual": "manuelle"}
TRACK, FRAME = "la piste (t1…)", "l'image (--frame N)"
VOICE_ACTIONS = ["list", "add", "remove", "clear", "preview"]



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
        say(t("{name}: {n} piste(s) proposée(s)", name=op.items[sha]["name"], n=len(found)),
            clean=False)
    elif action == "list":
        for track in tr.item_tracks(op, sha):
            say(_track_line(track, tr.SUSPECT), clean=False)
        return EXIT_OK
    elif action in ("accept", "reject"):
        tr.set_state(op, sha, _need(args.track, TRACK),
                     tr.ACCEPTED if action == "accept" else tr.REJECTED)
    elif action == "add":
        frame = _need(args.frame, FRAME)
        label = {"visage": "face", "plaque": "plate"}.get(args.label, args.label)
        print(tr.add_track(op, sha, label, frame, box_arg(args.box), args.last))
    elif action == "keyframe":
        tr.set_keyframe(op, sha, _need(args.track, TRACK), _need(args.frame, FRAME),
                        box_arg(args.box))
    elif action == "unkeyframe":
        tr.remove_keyframe(op, sha, _need(args.track, TRACK), _need(args.frame, FRAME))
    elif action in ("cut", "extend"):
        tr.set_span(op, sha, _need(args.track, TRACK), args.first, args.last)
    elif action == "reviewed":
        tr.mark_reviewed(op, sha)
        say(t("{name}: revu", name=op.items[sha]["name"]), clean=False)
    op.save()
    return EXIT_OK


def _track_line(track: dict[str, Any], suspect: str) -> str:
    """One row of ``mediakit tracks list``, its words in the command line's language."""
    person = (f" · {track['person']['name']} "
              f"({t(LISTS_FR.get(track['person']['list'], ''))})" if track.get("person") else "")
    state = t(STATES_FR.get(track["state"], track["state"]))
    if track.get("suspect") and track["state"] != suspect:
        state += " " + t("(était à vérifier)")  # a decided suspect
    label = t(LABELS_FR.get(region_label(track), region_label(track)))
    source = t(SOURCES_FR.get(track["source"], track["source"]))
    # frame numbers as they are (no thousands separator: they name frames)
    frames = t("images {first}–{last}", first=str(track["frames"][0]),
               last=str(track["frames"][1]))
    keys = t("{n} clé(s)", n=len(track["keyframes"]))
    return (f"{track['id']:>4}  {label:<7}  {state:<15}  {source:<12}  {frames}  {keys}  "
            f"score {number(track.get('score', 1.0), 2)}{person}")


def cmd_voice(args: argparse.Namespace) -> int:
    from mediakit.video import voice as vc

    op = Operation.open(args.dir)
    sha = op.resolve(args.item)
    item = op.items[sha]
    if args.action == "list":
        current = vc.voice_of(item)
        if current is None:
            say(t("{name}: voix d'origine (aucune plage modifiée)", name=item["name"]),
                clean=False)
        else:
            say(t("{name}: voix modifiée ({preset}) : {ranges}", name=item["name"],
                  preset=t(vc.PRESET_FR[current["preset"]]),
                  ranges=translate(vc.describe_ranges(current["ranges"]))), clean=False)
        return EXIT_OK
    if args.action == "clear":
        vc.clear(op, sha)
        op.save()
        say(t("{name}: voix d'origine partout", name=item["name"]), clean=False)
        return EXIT_OK
    if not args.range:
        raise UsageError(f"mediakit voice {args.action} : plage DÉBUT-FIN requise")
    try:
        start, end = vc.parse_range(args.range)
    except ValueError as exc:
        raise UsageError(f"mediakit voice : {exc}") from exc
    if args.action == "preview":
        if not args.out:
            raise UsageError("mediakit voice preview : -o FICHIER.wav requis")
        current = vc.voice_of(item)
        settings = vc.settings_of(current) if current else vc.VoiceSettings(
            args.preset or vc.DEFAULT_PRESET)
        path = vc.preview_path(op, sha, start, end, not args.before, settings)
        import shutil

        shutil.copyfile(path, args.out)
        say(t("avant → {path}" if args.before else "après → {path}", path=display_path(args.out)),
            clean=False)
        return EXIT_OK
    if args.action == "add":
        ranges = vc.add_range(op, sha, start, end, args.preset)
    else:
        ranges = vc.remove_range(op, sha, start, end)
    op.save()
    say(t("{name}: voix modifiée : {ranges}", name=item["name"],
          ranges=vc.describe_ranges(ranges) or t("aucune plage")), clean=False)
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
                          detector: Any = None,
                          voice: tuple[Sequence[tuple[float, float | None]], str] | None = None,
                          ) -> list[dict[str, Any]]:
    """Anonymise loose video files into ``out_dir``; a bad file gets an ``error`` entry.
    ``voice``: (ranges, preset) of a voice disguise applied to every file."""
    from mediakit.video.anonymize import anonymize_video
    from mediakit.video.operation import output_name
    from mediakit.video.voice import VoiceSettings, new_seed, plan

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
            vplan = plan(path, voice[0], VoiceSettings(voice[1], new_seed())) if voice else None
            results.append(anonymize_video(path, out_dir / name, detector=detector, style=style,
                                           audio=audio, bleeps=bleeps, voice=vplan,
                                           progress=progress))
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
        raise UsageError(f"précisez {what}")
    return value


