"""CLI for anonymisation: ``detect``, ``anonymize``, ``masks`` and ``people``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mediakit.atomic import write_text_atomic
from mediakit.errors import MediaError, display_path
from mediakit.library.project import PROJECT_FILE, Operation
from mediakit.media.kinds import PHOTO, VIDEO, kind_of
from mediakit.privacy.masking import SHAPES, STYLES, MaskStyle

EXIT_OK, EXIT_PARTIAL = 0, 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="détecter visages et plaques (régions qui seraient masquées)")
    p.add_argument("inputs", nargs="+", help="images ou dossiers")
    p.add_argument("--json", dest="json_out", required=True, metavar="OUT.json")
    p.add_argument("--no-plates", action="store_true")
    p.add_argument("--no-faces", action="store_true")
    p.add_argument("--suspects", action="store_true",
                   help="ajouter les régions à vérifier (\"suspect\": true), non masquées")
    p.set_defaults(handler=cmd_detect)

    p = sub.add_parser("anonymize", aliases=["anonymise"],
                       help="écrire des copies masquées et nettoyées des métadonnées")
    p.add_argument("inputs", nargs="+", help="images, dossiers, ou un dossier d'opération")
    p.add_argument("-o", "--out", required=True, help="dossier de sortie")
    p.add_argument("--style", choices=STYLES, default="mosaic")
    p.add_argument("--shape", choices=SHAPES, default="rect")
    p.add_argument("--feather", type=float, default=0.0, help="adoucissement du bord (0–0.5)")
    p.add_argument("--credit", help="crédit à écrire dans l'EXIF (Artist)")
    p.add_argument("--copyright", help="copyright à écrire dans l'EXIF")
    p.add_argument("--audio", choices=["keep", "mute"], default="keep",
                   help="vidéo : garder le son (copie) ou le couper")
    p.add_argument("--bleep", action="append", default=[], metavar="DÉBUT-FIN",
                   help="vidéo : remplacer le son par un bip entre deux instants (s), répétable")
    p.set_defaults(handler=cmd_anonymize)

    p = sub.add_parser("masks", help="revoir les masques d'une opération")
    p.add_argument("dir", help="dossier d'opération")
    p.add_argument("action", choices=["detect", "list", "accept", "reject", "add", "resize",
                                      "reviewed"])
    p.add_argument("item", nargs="?", help="élément (hash, début du hash ou nom)")
    p.add_argument("masks", nargs="*", help="identifiants de masques (m1 m2 …)")
    p.add_argument("--box", help="x,y,l,h en pixels de l'image affichée")
    p.add_argument("--label", default="face", choices=["face", "plate"])
    p.set_defaults(handler=cmd_masks)

    p = sub.add_parser("people", help="listes de personnes (toujours masquer / laisser visible)")
    p.add_argument("dir", help="dossier d'opération")
    p.add_argument("action", choices=["add", "list", "remove", "move"])
    p.add_argument("name", nargs="?", help="nom (add) ; nom ou identifiant (remove, move)")
    p.add_argument("photos", nargs="*", help="photos de référence")
    p.add_argument("--list", dest="list_name", choices=["always_mask", "keep_visible"],
                   help="liste (add : always_mask par défaut ; move : l'autre liste par défaut)")
    p.set_defaults(handler=cmd_people)


def _expand(inputs: list[str]) -> tuple[list[Path], list[Path], list[str]]:
    """Photos and videos from files and folders; messages for inputs that are neither."""
    photos, videos, errors = [], [], []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file())
        elif not path.exists():
            errors.append(f"{display_path(path)}: introuvable")
            continue
        else:
            found = [path]
        for p in found:
            kind = kind_of(p)
            if kind == PHOTO:
                photos.append(p)
            elif kind == VIDEO:
                videos.append(p)
            elif not path.is_dir():
                errors.append(f"{display_path(p)}: type de fichier non pris en charge")
    return photos, videos, errors


def cmd_detect(args: argparse.Namespace) -> int:
    from mediakit.photo.detect import detect_file
    from mediakit.privacy.detector import Detector

    photos, videos, errors = _expand(args.inputs)
    entries = []
    if photos:
        detector = Detector(faces=not args.no_faces, plates=not args.no_plates)
        for path in photos:
            try:
                entries.append(detect_file(path, detector, suspects=args.suspects))
            except MediaError as exc:
                errors.append(str(exc))
    if videos:
        from mediakit.video.cli import detect_video_files

        video_detector = Detector(faces=not args.no_faces, plates=not args.no_plates,
                                  profile="video")
        for path in videos:  # one entry per frame: the regions masked in that frame
            try:
                entries += detect_video_files([path], video_detector,
                                              suspects=args.suspects)
            except MediaError as exc:
                errors.append(str(exc))
    write_text_atomic(args.json_out, json.dumps(entries, ensure_ascii=False, indent=1))
    for msg in errors:
        print(f"ÉCHEC {msg}", file=sys.stderr)
    n = sum(len(e["detections"]) for e in entries)
    print(f"{len(entries)} image(s) ou trame(s), {n} région(s) → {display_path(args.json_out)}")
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_anonymize(args: argparse.Namespace) -> int:
    from mediakit.photo.anonymize import anonymize_photos
    from mediakit.photo.operation import anonymize_operation
    from mediakit.privacy.detector import Detector

    style = MaskStyle(style=args.style, shape=args.shape, feather=args.feather)
    out_dir = Path(args.out)
    detector = Detector()
    results: list[dict[str, Any]] = []
    ops = [a for a in args.inputs if (Path(a) / PROJECT_FILE).exists()]
    loose = [a for a in args.inputs if a not in ops]
    for op_dir in ops:
        from mediakit.video.operation import anonymize_items

        op = Operation.open(op_dir)
        results += anonymize_operation(op, out_dir, detector=detector, style=style,
                                       progress=_progress)
        results += anonymize_items(op, out_dir, detector=Detector(profile="video"), style=style,
                                   audio=args.audio, bleeps=_bleeps(args))
    photos, videos, errors = _expand(loose)
    if photos:
        results += anonymize_photos(photos, out_dir, detector=detector, style=style,
                                    credit=args.credit, copyright_=args.copyright,
                                    progress=_progress)
    if videos:
        from mediakit.video.cli import anonymize_video_files

        results += anonymize_video_files(videos, out_dir, style, audio=args.audio,
                                         bleeps=_bleeps(args))
    results += [{"file": msg.split(":")[0], "error": msg.split(": ", 1)[-1]} for msg in errors]
    report = out_dir / "anonymisation_report.json"
    write_text_atomic(report, json.dumps(results, ensure_ascii=False, indent=1))
    failed = [r for r in results if "error" in r]
    for r in results:
        if "error" in r:
            print(f"ÉCHEC {r['file']}: {r['error']}", file=sys.stderr)
        else:
            what = f"{r['faces']} visage(s), {r['plates']} plaque(s) masqués"
            if "tracks" in r:
                what += (f" ({r['tracks_masked']} piste(s) sur {r['frames_masked']} trame(s), "
                         f"son : {r['audio']})")
            print(f"{r['file']} → {r['output']}  ({what} ; métadonnées retirées : "
                  f"{', '.join(r['metadata_removed']) or 'aucune'})")
    print(f"{len(results) - len(failed)} fichier(s) anonymisé(s), {len(failed)} en échec ; "
          f"rapport : {display_path(report)}")
    return EXIT_PARTIAL if failed else EXIT_OK


def cmd_masks(args: argparse.Namespace) -> int:
    from mediakit.photo.operation import detect_item
    from mediakit.privacy import review
    from mediakit.privacy.detector import Detector

    op = Operation.open(args.dir)
    if args.action == "detect":
        detector = Detector()
        shas = [op.resolve(args.item)] if args.item else [
            s for s, it in op.items.items() if it["kind"] == PHOTO]
        for sha in shas:
            masks = detect_item(op, sha, detector)
            print(f"{op.items[sha]['name']}: {len(masks)} masque(s) proposés")
        op.save()
        return EXIT_OK
    if not args.item:
        raise SystemExit("mediakit masks: précisez l'élément")
    sha = op.resolve(args.item)
    if args.action == "list":
        item = op.items[sha]
        if "detection" not in item:
            print(f"{item['name']}: détection non lancée", file=sys.stderr)
        for m in item.get("tracks" if item["kind"] == VIDEO else "masks", []):
            person = f" · {m['person']['name']} ({m['person']['list']})" if m.get("person") else ""
            where = (f"images {m['frames'][0]}-{m['frames'][1]}" if "frames" in m
                     else f"région {m['region']}")
            print(f"{m['id']:>4}  {m['label']:<5}  {STATE_FR.get(m['state'], m['state']):<14}  "
                  f"{m['source']:<16}  score {m.get('score') or 0:.2f}  {where}{person}")
        return EXIT_OK
    if args.action in ("accept", "reject"):
        from mediakit.video import tracks

        decide = tracks.set_state if op.items[sha]["kind"] == VIDEO else review.set_state
        for mask_id in args.masks:  # masks of a photo, tracks (t1 …) of a rush
            decide(op, sha, mask_id, "accepted" if args.action == "accept" else "rejected")
    elif args.action == "add":
        print(review.add_manual(op, sha, args.label, box_arg(args.box)))
    elif args.action == "resize":
        review.set_region(op, sha, args.masks[0], box_arg(args.box))
    elif args.action == "reviewed":  # photos and rushes: the same verb
        review.mark_reviewed(op, sha)
        print(f"{op.items[sha]['name']}: revu")
    op.save()
    return EXIT_OK


STATE_FR = {"accepted": "masqué", "rejected": "laissé visible", "suspect": "À VÉRIFIER"}


def cmd_people(args: argparse.Namespace) -> int:
    from mediakit.privacy import people

    op = Operation.open(args.dir)
    if args.action == "list":
        for list_name in people.LISTS:
            for person in op.doc.get(("people", list_name), []):
                print(f"{list_name:<13} {person['id']}  {person['name']}  "
                      f"({len(person['encodings'])} photo(s))")
        return EXIT_OK
    if not args.name:
        raise SystemExit(f"mediakit people {args.action}: nom de la personne requis")
    if args.action == "remove":
        done = f"{people.remove(op, args.name)['name']} retiré des listes"
    elif args.action == "move":
        done = f"{args.name} est dans la liste {people.move(op, args.name, args.list_name)}"
    else:
        if not args.photos:
            raise SystemExit("mediakit people add: nom et photo(s) de référence requis")
        list_name = args.list_name or "always_mask"
        person = people.enroll(op, args.name, list_name, args.photos)
        done = f"{person['name']} ajouté à la liste {list_name}"
    op.save()
    print(done)
    return EXIT_OK


def _bleeps(args: argparse.Namespace) -> list[tuple[float, float]]:
    from mediakit.video.audio import parse_segment

    try:
        return [parse_segment(b) for b in args.bleep]
    except ValueError as exc:
        raise SystemExit(f"--bleep : {exc}") from exc


def box_arg(text: str | None) -> tuple[float, float, float, float]:
    """``x,y,w,h`` from the command line."""
    try:
        x, y, w, h = (float(v) for v in (text or "").split(","))
    except ValueError as exc:
        raise SystemExit("--box attend x,y,l,h") from exc
    return (x, y, w, h)


def _progress(done: int, total: int, name: str) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r[{done}/{total}] {name[:50]:<50}", end="" if done < total else "\n",
              file=sys.stderr, flush=True)
