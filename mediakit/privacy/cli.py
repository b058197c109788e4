"""CLI for anonymisation: ``detect``, ``anonymize``, ``masks`` and ``people``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mediakit.atomic import write_text_atomic
from mediakit.clitext import (
    AUDIO_FR,
    LABELS_FR,
    LIST_NAMES,
    LISTS_FR,
    UsageError,
    metadata_text,
    number,
    say,
    t,
    warn,
)
from mediakit.errors import MediaError, display_path
from mediakit.library.project import Operation, is_operation
from mediakit.media.kinds import PHOTO, VIDEO, kind_of
from mediakit.privacy.masking import SHAPES, STYLES, MaskStyle
from mediakit.privacy.regions import region_label

EXIT_OK, EXIT_PARTIAL = 0, 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="détecter visages et plaques (régions qui seraient masquées)")
    p.add_argument("inputs", nargs="+", metavar="FICHIER", help="images, vidéos ou dossiers")
    p.add_argument("--json", dest="json_out", required=True, metavar="SORTIE.json",
                   help="fichier JSON des régions détectées")
    p.add_argument("--no-plates", action="store_true", help="ne pas chercher les plaques")
    p.add_argument("--no-faces", action="store_true", help="ne pas chercher les visages")
    p.add_argument("--suspects", action="store_true",
                   help="ajouter les régions à vérifier (\"suspect\": true), non masquées")
    p.set_defaults(handler=cmd_detect, parser=p)

    p = sub.add_parser("anonymize", aliases=["anonymise"],
                       help="écrire des copies masquées et nettoyées des métadonnées")
    p.add_argument("inputs", nargs="+", metavar="SOURCE",
                   help="images, vidéos, dossiers, ou un dossier d'opération")
    p.add_argument("-o", "--out", required=True, metavar="DOSSIER", help="dossier de sortie")
    p.add_argument("--style", choices=STYLES, default="mosaic",
                   help="mosaïque (mosaic), aplat (solid) ou flou (blur)")
    p.add_argument("--shape", choices=SHAPES, default="rect",
                   help="forme du masque : rectangle (rect) ou ellipse")
    p.add_argument("--feather", type=float, default=0.0, help="adoucissement du bord (0–0.5)")
    p.add_argument("--credit", metavar="TEXTE", help="crédit à écrire dans l'EXIF (Artist)")
    p.add_argument("--copyright", metavar="TEXTE", help="copyright à écrire dans l'EXIF")
    p.add_argument("--audio", choices=["keep", "mute"], default="keep",
                   help="vidéo : garder le son (copie) ou le couper")
    p.add_argument("--bleep", action="append", default=[], metavar="DÉBUT-FIN",
                   help="vidéo : remplacer le son par un bip entre deux instants (s), répétable")
    p.add_argument("--voice", action="append", default=[], metavar="DÉBUT-FIN",
                   help="vidéo : voix modifiée entre deux instants (s ; DÉBUT- : jusqu'à la "
                        "fin ; tout : tout le rush), répétable ; pour une opération, "
                        "« mediakit voice »")
    p.add_argument("--voice-preset", choices=["grave", "aigu"], default="grave",
                   help="voix modifiée : plus grave (défaut) ou plus aiguë")
    p.add_argument("--force", action="store_true",
                   help="opération : passer outre la relecture (avec --reason ; journalisé)")
    p.add_argument("--reason", metavar="TEXTE",
                   help="raison écrite d'un --force (obligatoire avec lui)")
    p.set_defaults(handler=cmd_anonymize, parser=p)

    p = sub.add_parser(
        "masks", help="revoir les masques d'une opération (photos ; pistes des rushes)",
        epilog="actions : detect (proposer les masques), list (les lister), accept / reject "
               "(masquer / laisser visible m1 m2…), add (--box), resize (--box), reviewed "
               "(marquer l'élément revu). Exemple : mediakit masks reject OP groupe m3")
    p.add_argument("action", choices=MASK_ACTIONS, metavar="ACTION",
                   help="detect, list, accept, reject, add, resize ou reviewed")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("refs", nargs="*", default=[], metavar="ÉLÉMENT",
                   help="élément (nom, nom sans extension, début du nom ou de l'empreinte), "
                        "puis pour accept, reject, resize les masques (m1 m2…) ; detect, list "
                        "et reviewed acceptent plusieurs éléments")
    p.add_argument("--box", metavar="X,Y,L,H", help="x,y,l,h en pixels de l'image affichée")
    p.add_argument("--label", default="face", choices=["face", "plate", "visage", "plaque"],
                   help="nature de la région ajoutée : face (visage) ou plate (plaque)")
    p.set_defaults(handler=cmd_masks, parser=p)

    p = sub.add_parser("people", help="listes de personnes (toujours masquer / laisser visible)",
                       epilog="actions : add NOM PHOTO… (photos de référence), list, remove "
                              "NOM, move NOM (vers l'autre liste). Listes : always_mask "
                              "(toujours masquer) ou keep_visible (laisser visible).")
    p.add_argument("action", choices=["add", "list", "remove", "move"], metavar="ACTION",
                   help="add, list, remove ou move")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("name", nargs="?", metavar="NOM",
                   help="nom (add) ; nom ou identifiant (remove, move)")
    p.add_argument("photos", nargs="*", default=[], metavar="PHOTO", help="photos de référence (add)")
    p.add_argument("--list", dest="list_name", metavar="LISTE", type=list_arg,
                   help="always_mask (toujours masquer, par défaut pour add) ou keep_visible "
                        "(laisser visible) ; move : l'autre liste par défaut")
    p.set_defaults(handler=cmd_people, parser=p)


MASK_ACTIONS = ["detect", "list", "accept", "reject", "add", "resize", "reviewed"]


def list_arg(text: str) -> str:
    """A people list by its code or French name (« toujours-masquer », « visible »)."""
    key = "-".join(text.strip().lower().replace("_", "-").split())
    found = LIST_NAMES.get(key) or LIST_NAMES.get(key.replace("-", "_"))
    if not found:
        raise argparse.ArgumentTypeError(
            f"liste inconnue : « {text} » (always_mask : toujours masquer, keep_visible : "
            f"laisser visible)")
    return found


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
    from mediakit.photo.batch import detect_batch
    from mediakit.privacy.detector import Detector

    photos, videos, errors = _expand(args.inputs)
    entries = []
    if photos:  # one detector (models loaded once), next photo decoded during detection
        detector = Detector(faces=not args.no_faces, plates=not args.no_plates)
        for entry in detect_batch(photos, detector, suspects=args.suspects,
                                  progress=Progress()):
            if "error" in entry:
                errors.append(entry["message"])
            else:
                entries.append(entry)
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
        warn(f"ÉCHEC {msg}")
    n = sum(len(e["detections"]) for e in entries)
    say(t("{n} image(s) ou trame(s), {regions} région(s) → {path}", n=len(entries), regions=n,
          path=display_path(args.json_out)))
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_anonymize(args: argparse.Namespace) -> int:
    from mediakit.photo.anonymize import anonymize_photos
    from mediakit.photo.operation import anonymize_operation
    from mediakit.privacy.detector import Detector

    style = MaskStyle(style=args.style, shape=args.shape, feather=args.feather)
    out_dir = Path(args.out)
    detector = Detector()
    results: list[dict[str, Any]] = []
    ops = [a for a in args.inputs if is_operation(a)]
    loose = [a for a in args.inputs if a not in ops]
    voice = _voice(args)
    if voice and ops:
        raise UsageError("--voice : pour une opération, la voix modifiée est enregistrée sur "
                         "le rush (mediakit voice add OPÉRATION RUSH DÉBUT-FIN) et appliquée "
                         "à chaque export")
    for op_dir in ops:
        from mediakit.video.operation import anonymize_items

        op = Operation.open(op_dir)
        photo_shas, video_shas, refused = _gate(op, args)
        results += refused
        results += anonymize_operation(op, out_dir, detector=detector, style=style,
                                       progress=Progress(), shas=photo_shas)
        results += anonymize_items(op, out_dir, detector=Detector(profile="video"), style=style,
                                   audio=args.audio, bleeps=_bleeps(args), shas=video_shas)
    photos, videos, errors = _expand(loose)
    if photos:
        results += anonymize_photos(photos, out_dir, detector=detector, style=style,
                                    credit=args.credit, copyright_=args.copyright,
                                    progress=Progress())
    if videos:
        from mediakit.video.cli import anonymize_video_files

        results += anonymize_video_files(videos, out_dir, style, audio=args.audio,
                                         bleeps=_bleeps(args), voice=voice)
    results += [{"file": msg.split(":")[0], "error": msg.split(": ", 1)[-1]} for msg in errors]
    report = out_dir / "anonymisation_report.json"
    write_text_atomic(report, json.dumps(results, ensure_ascii=False, indent=1))
    failed = [r for r in results if "error" in r]
    for r in results:
        if "error" in r:
            warn(f"ÉCHEC {r['file']}: {r['error']}")
        else:
            texts = f", {r['texts']} texte(s)" if r.get("texts") else ""
            what = f"{r['faces']} visage(s), {r['plates']} plaque(s){texts} masqués"
            if "tracks" in r:
                what += (f" ({r['tracks_masked']} piste(s) sur {r['frames_masked']} trame(s), "
                         f"son {AUDIO_FR.get(r['audio'], r['audio'])})")
            if r.get("voice"):
                from mediakit.video.voice import describe_ranges

                what += f", voix modifiée : {describe_ranges(r['voice'])}"
            say(f"{r['file']} → {r['output']}  ({what} ; métadonnées retirées : "
                f"{metadata_text(r['metadata_removed'])})", clean=False)
    say(t("{n} fichier(s) anonymisé(s), {failed} en échec ; rapport : {path}",
          n=len(results) - len(failed), failed=len(failed), path=display_path(report)))
    return EXIT_PARTIAL if failed else EXIT_OK


def _gate(op: Operation, args: argparse.Namespace) -> tuple[list[str], list[str],
                                                             list[dict[str, Any]]]:
    """The operation's photos and rushes that may be anonymised: those that passed the
    review gate, or all of them by one logged override (``--force --reason``); the others
    as refusals naming the item and what unblocks it."""
    from mediakit.privacy.review_gate import check_reason, require_reviewed, unreviewed

    check_reason(args.force, args.reason)
    shas = [s for s, it in op.items.items() if it["kind"] in (PHOTO, VIDEO)]
    blockers = unreviewed(op, shas)
    refused: list[dict[str, Any]] = []
    if blockers and args.force:
        require_reviewed(op, shas, "anonymisation", force=True, reason=args.reason)
    elif blockers:
        blocked = {b.sha for b in blockers}
        refused = [{"file": b.name, "error": f"non relu : {b.reason} — {b.action} "
                    f"(ou --force --reason)"} for b in blockers]
        shas = [s for s in shas if s not in blocked]
    return ([s for s in shas if op.items[s]["kind"] == PHOTO],
            [s for s in shas if op.items[s]["kind"] == VIDEO], refused)


def cmd_masks(args: argparse.Namespace) -> int:
    from mediakit.photo.batch import decode_ahead
    from mediakit.photo.operation import detect_item
    from mediakit.privacy import review
    from mediakit.privacy.detector import Detector

    op = Operation.open(args.dir)
    label = {"visage": "face", "plaque": "plate"}.get(args.label, args.label)
    if args.action == "detect":
        detector = Detector()
        shas = [op.resolve(r) for r in args.refs] if args.refs else [
            s for s, it in op.items.items() if it["kind"] == PHOTO]
        failed = 0
        for sha, loaded in decode_ahead(shas, op.original_path):  # next photo decoded meanwhile
            if isinstance(loaded, MediaError):
                warn(f"ÉCHEC {loaded}")
                failed += 1
                continue
            try:
                masks = detect_item(op, sha, detector, loaded=loaded)
            finally:
                loaded[0].close()
            pending = sum(m["state"] == "suspect" for m in masks)
            say(t("{name}: {n} masque(s) proposés, dont {pending} à vérifier" if pending else
                  "{name}: {n} masque(s) proposés", name=op.items[sha]["name"], n=len(masks),
                  pending=pending), clean=False)
        op.save()
        return EXIT_PARTIAL if failed else EXIT_OK
    if not args.refs:
        raise UsageError(f"{args.action} : précisez l'élément "
                         f"(mediakit masks {args.action} OPERATION ÉLÉMENT)")
    if args.action in ("list", "reviewed"):
        for sha in [op.resolve(r) for r in args.refs]:
            if args.action == "list":
                _list_masks(op, sha)
            else:  # photos and rushes: the same verb
                review.mark_reviewed(op, sha)
                say(t("{name}: revu", name=op.items[sha]["name"]), clean=False)
        op.save()
        return EXIT_OK
    sha = op.resolve(args.refs[0])
    ids = args.refs[1:]
    if args.action in ("accept", "reject"):
        from mediakit.video import tracks

        if not ids:
            raise UsageError(f"{args.action} : précisez les masques (m1 m2…) ou les "
                             f"pistes (t1…) après l'élément")
        video = op.items[sha]["kind"] == VIDEO
        known = {r["id"] for r in op.items[sha].get("tracks" if video else "masks") or []}
        unknown = [i for i in ids if i not in known]
        if unknown:  # said before any decision is written
            raise UsageError(f"{unknown[0]}: aucun {'piste' if video else 'masque'} de ce nom "
                             f"sur {op.items[sha]['name']}".replace("aucun piste",
                                                                     "aucune piste"))
        decide = tracks.set_state if video else review.set_state
        for mask_id in ids:  # masks of a photo, tracks (t1 …) of a rush
            decide(op, sha, mask_id, "accepted" if args.action == "accept" else "rejected")
        say(t("{name}: {ids} masqué(s)" if args.action == "accept" else
              "{name}: {ids} laissé(s) visible(s)", name=op.items[sha]["name"],
              ids=", ".join(ids)), clean=False)
    elif args.action == "add":
        print(review.add_manual(op, sha, label, box_arg(args.box)))
    elif args.action == "resize":
        if not ids:
            raise UsageError("resize : précisez le masque (m1…) après l'élément")
        review.set_region(op, sha, ids[0], box_arg(args.box))
    op.save()
    return EXIT_OK


def _list_masks(op: Operation, sha: str) -> None:
    item = op.items[sha]
    if "detection" not in item:
        say(t("{name}: détection non lancée", name=item["name"]), sys.stderr, clean=False)
    for m in item.get("tracks" if item["kind"] == VIDEO else "masks", []):
        person = (f" · {m['person']['name']} ({t(LISTS_FR.get(m['person']['list'], ''))})"
                  if m.get("person") else "")
        where = (t("images {first}-{last}", first=m["frames"][0], last=m["frames"][1])
                 if "frames" in m else
                 t("région {box}", box=",".join(f"{round(v)}" for v in m["region"])))
        label = region_label(m)  # « texte » for words read that are no plate
        print(f"{m['id']:>4}  {t(LABELS_FR.get(label, label)):<7}  "
              f"{t(STATE_FR.get(m['state'], m['state'])):<14}  "
              f"{t(SOURCES_FR.get(m['source'], m['source'])):<16}  "
              f"score {number(m.get('score') or 0, 2)}  {where}{person}")


STATE_FR = {"accepted": "masqué", "rejected": "laissé visible", "suspect": "À VÉRIFIER"}
SOURCES_FR = {"auto": "automatique", "manual": "manuel", "person": "personne reconnue",
              "people": "personne reconnue", "tracker": "suivi"}


def cmd_people(args: argparse.Namespace) -> int:
    from mediakit.privacy import people

    op = Operation.open(args.dir)
    if args.action == "list":
        for list_name in people.LISTS:
            for person in op.doc.get(("people", list_name), []):
                say(f"{t(LISTS_FR.get(list_name, list_name)):<17} {person['id']}  "
                    f"{person['name']}  ({number(len(person['encodings']))} photo(s))",
                    clean=False)
        return EXIT_OK
    if not args.name:
        raise UsageError(f"{args.action} : précisez le nom de la personne")
    if args.action == "remove":
        done = t("{name} retiré des listes", name=people.remove(op, args.name)["name"])
    elif args.action == "move":
        moved = people.move(op, args.name, args.list_name)
        done = t("{name} est dans la liste « {list} »", name=args.name,
                 list=t(LISTS_FR.get(moved, moved)))
    else:
        if not args.photos:
            raise UsageError("add : précisez le nom puis la ou les photos de référence")
        list_name = args.list_name or "always_mask"
        person = people.enroll(op, args.name, list_name, args.photos)
        done = t("{name} ajouté à la liste « {list} »", name=person["name"],
                 list=t(LISTS_FR[list_name]))
    op.save()
    say(done, clean=False)
    return EXIT_OK


def _bleeps(args: argparse.Namespace) -> list[tuple[float, float]]:
    from mediakit.video.audio import parse_segment

    try:
        return [parse_segment(b) for b in args.bleep]
    except ValueError as exc:
        raise UsageError(f"--bleep : {exc}") from exc


def _voice(args: argparse.Namespace) -> tuple[list[tuple[float, float | None]], str] | None:
    """The ``--voice`` ranges and preset (None without ``--voice``)."""
    from mediakit.video.voice import parse_range

    if not args.voice:
        return None
    try:
        return [parse_range(v) for v in args.voice], args.voice_preset
    except ValueError as exc:
        raise UsageError(f"--voice : {exc}") from exc


def box_arg(text: str | None) -> tuple[float, float, float, float]:
    """``x,y,w,h`` from the command line."""
    try:
        x, y, w, h = (float(v) for v in (text or "").split(","))
    except ValueError as exc:
        raise UsageError("--box attend x,y,l,h (quatre nombres séparés par des virgules)") \
            from exc
    return (x, y, w, h)


class Progress:
    """``progress(done, total, name)`` of a batch on a terminal: « [3/100] nom — reste
    environ 2 min 10 s »."""

    def __init__(self) -> None:
        from mediakit.photo.batch import TimeLeft

        self.left = TimeLeft()

    def __call__(self, done: int, total: int, name: str) -> None:
        if sys.stderr.isatty() and total:
            left = self.left.text(done, total)
            line = f"[{done}/{total}] {name[:40]}" + (
                " — " + t("reste environ {durée}").format(durée=left) if left else "")
            print(f"\r{line:<80}", end="" if done < total else "\n", file=sys.stderr,
                  flush=True)

