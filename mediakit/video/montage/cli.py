"""CLI: ``mediakit montage`` (render or preview a timeline) and ``mediakit derush``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from mediakit.errors import display_path
from mediakit.library.project import Operation

EXIT_OK = 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("montage", help="monter une vidéo courte dans la charte (timeline JSON)")
    p.add_argument("dir", help="dossier d'opération")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--timeline", metavar="FICHIER.json", help="timeline JSON (docs/montage.md)")
    src.add_argument("--name", help="timeline enregistrée dans le projet")
    p.add_argument("--channel", default="youtube", help="canal (préréglage), défaut youtube")
    p.add_argument("-o", "--out", required=True, help="vidéo (.mp4) ou image d'aperçu (.png)")
    p.add_argument("--preview", type=float, metavar="T", help="n'écrire que l'image à T s")
    p.add_argument("--check", action="store_true",
                   help="contrôler la vidéo déjà rendue (-o) contre la charte, sans la refaire")
    p.add_argument("--save", metavar="NOM", help="enregistrer la timeline dans le projet")
    p.add_argument("--srt", metavar="OUT.srt", help="exporter aussi les sous-titres en .srt")
    p.add_argument("--speed", default="medium", help="préréglage x264 (ultrafast … slow)")
    p.add_argument("--force", action="store_true",
                   help="passer outre la relecture des rushes et photos (avec --reason)")
    p.add_argument("--reason", help="raison écrite d'un --force (journalisée)")
    p.set_defaults(handler=cmd_montage)

    p = sub.add_parser("derush", help="dérushage : repères, plages, favoris, recherche")
    p.add_argument("dir", help="dossier d'opération")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("mark", help="poser un repère")
    a.add_argument("item")
    a.add_argument("t", type=float)
    _note_tags(a)
    a = acts.add_parser("range", help="définir une plage entrée/sortie")
    a.add_argument("item")
    a.add_argument("in_", metavar="in", type=float)
    a.add_argument("out", type=float)
    _note_tags(a)
    a.add_argument("--fav", action="store_true", help="plage favorite")
    a = acts.add_parser("fav", help="marquer un rush (ou une plage) comme favori")
    a.add_argument("item")
    a.add_argument("entry", nargs="?", help="identifiant de plage (r1 …)")
    a.add_argument("--off", action="store_true", help="retirer des favoris")
    a = acts.add_parser("poster", help="choisir l'image de couverture")
    a.add_argument("item")
    a.add_argument("t", type=float)
    a = acts.add_parser("remove", help="retirer un repère ou une plage")
    a.add_argument("item")
    a.add_argument("entry")
    a = acts.add_parser("list", help="lister le dérushage")
    a.add_argument("item", nargs="?")
    a = acts.add_parser("search", help="chercher dans les notes, mots-clés et noms")
    a.add_argument("text", nargs="?", default="")
    a.add_argument("--fav", action="store_true", help="favoris seulement")
    a.add_argument("--tag", help="mot-clé exact")
    p.set_defaults(handler=cmd_derush)


def _note_tags(a: argparse.ArgumentParser) -> None:
    a.add_argument("--note", default="", help="note libre")
    a.add_argument("--tags", default="", help="mots-clés séparés par des virgules")


def _tags(raw: str) -> list[str]:
    return [t.strip() for t in raw.split(",") if t.strip()]


def cmd_montage(args: argparse.Namespace) -> int:
    from mediakit.video.montage.preview import preview_frame
    from mediakit.video.montage.render import render_timeline
    from mediakit.video.montage.timeline import get_timeline, load_timeline_file, save_timeline

    op = Operation.open(args.dir)
    if args.timeline:
        timeline: dict[str, Any] = load_timeline_file(args.timeline)
        if args.save:
            save_timeline(op, args.save, timeline)
            op.save()
            print(f"timeline « {args.save} » enregistrée dans le projet")
    else:
        timeline = get_timeline(op, args.name)
    out = Path(args.out)
    if args.preview is not None:
        from mediakit.channels.presets import get_preset

        preview_frame(op, timeline, args.preview, out,
                      channel=get_preset(args.channel)["video"] if args.channel else None)
        print(f"aperçu à {args.preview:g} s : {display_path(out)}")
        return EXIT_OK
    if args.check:
        from mediakit.video.montage.check import summary
        from mediakit.video.montage.render import check_rendered

        report = check_rendered(op, timeline, out, channel=args.channel)
        print(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"{display_path(out)}: {summary(report)}")
        return EXIT_OK if report["ok"] else 1
    result = render_timeline(op, timeline, out, channel=args.channel, speed=args.speed,
                             srt_out=args.srt, progress=_progress, force=args.force,
                             reason=args.reason)
    print()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if "charte" in result:
        from mediakit.video.montage.check import summary

        print(f"{display_path(out)}: {summary(result['charte'])}")
    failed = [k for k, ok in result.get("checks", {}).items() if not ok]
    if failed:
        print(f"{display_path(out)}: contrôles en échec : {', '.join(failed)}")
        return 1
    return EXIT_OK


def _progress(fraction: float) -> None:
    print(f"\rmontage : {fraction * 100:5.1f} %", end="", flush=True)


def cmd_derush(args: argparse.Namespace) -> int:
    from mediakit.video.montage import derush

    op = Operation.open(args.dir)
    act = args.action
    if act == "search":
        hits = derush.search(op, args.text, favourites=args.fav, tag=args.tag)
        for h in hits:
            print(_line(h))
        if not hits:
            print("aucun résultat")
        return EXIT_OK
    if act == "list":
        shas = [op.resolve(args.item)] if args.item else list(op.items)
        for sha in shas:
            data = op.items[sha].get("derush")
            if data:
                hits = derush.search(op, op.items[sha]["name"])
                fav = " ★" if data.get("favourite") else ""
                poster = data.get("poster")
                print(f"{op.items[sha]['name']}{fav}"
                      f"{f' (couverture {poster:g} s)' if poster is not None else ''}")
                for h in (h for h in hits if h["sha"] == sha):
                    print("  " + _line(h))
        return EXIT_OK
    sha = op.resolve(args.item)
    if act == "mark":
        ident = derush.add_marker(op, sha, args.t, args.note, _tags(args.tags))
        print(f"repère {ident} posé")
    elif act == "range":
        ident = derush.add_range(op, sha, args.in_, args.out, args.note, _tags(args.tags),
                                 args.fav)
        print(f"plage {ident} définie")
    elif act == "fav":
        derush.set_favourite(op, sha, not args.off, args.entry)
        print("favori retiré" if args.off else "favori ajouté")
    elif act == "poster":
        derush.set_poster(op, sha, args.t)
        print(f"image de couverture à {args.t:g} s")
    elif act == "remove":
        derush.remove_entry(op, sha, args.entry)
        print(f"{args.entry} retiré")
    op.save()
    return EXIT_OK


def _line(h: dict[str, Any]) -> str:
    when = f"{h['t']:g} s" if "t" in h else f"{h['in']:g}–{h['out']:g} s"
    tags = f" #{' #'.join(h['tags'])}" if h.get("tags") else ""
    fav = " ★" if h.get("favourite") else ""
    return f"{h['name']} {h['id']} {when}{fav} {h.get('note', '')}{tags}".rstrip()
