"""CLI: ``mediakit montage`` (render or preview a timeline) and ``mediakit derush``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mediakit.clitext import checks_text, number, say, t, translate
from mediakit.errors import display_path
from mediakit.library.project import Operation

EXIT_OK = 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("montage", help="monter une vidéo courte dans la charte (timeline JSON)")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--timeline", metavar="FICHIER.json", help="timeline JSON (docs/montage.md)")
    src.add_argument("--name", metavar="NOM", help="timeline enregistrée dans le projet")
    p.add_argument("--channel", default="youtube", metavar="CANAL",
                   help="canal (préréglage), défaut youtube")
    p.add_argument("-o", "--out", required=True, metavar="FICHIER",
                   help="vidéo (.mp4) ou image d'aperçu (.png)")
    p.add_argument("--preview", type=seconds, metavar="T", help="n'écrire que l'image à T s")
    p.add_argument("--check", action="store_true",
                   help="contrôler la vidéo déjà rendue (-o) contre la charte, sans la refaire")
    p.add_argument("--save", metavar="NOM", help="enregistrer la timeline dans le projet")
    p.add_argument("--srt", metavar="SORTIE.srt", help="exporter aussi les sous-titres en .srt")
    p.add_argument("--speed", default="medium", metavar="PRÉRÉGLAGE",
                   help="préréglage x264 (ultrafast … slow)")
    p.add_argument("--force", action="store_true",
                   help="passer outre la relecture des rushes et photos (avec --reason)")
    p.add_argument("--reason", metavar="TEXTE", help="raison écrite d'un --force (journalisée)")
    p.add_argument("--json", action="store_true", help="compte rendu du rendu en JSON")
    p.set_defaults(handler=cmd_montage, parser=p)

    p = sub.add_parser("derush", help="dérushage : repères, plages, favoris, recherche",
                       epilog="Exemple : mediakit derush mark OP MVI_0006 2,4 --note "
                              "\"arrivée du préfet\"")
    acts = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = acts.add_parser("mark", help="poser un repère")
    _op_item(a)
    a.add_argument("t", type=seconds, metavar="T", help="instant en secondes")
    _note_tags(a)
    a = acts.add_parser("range", help="définir une plage entrée/sortie")
    _op_item(a)
    a.add_argument("in_", metavar="ENTRÉE", type=seconds, help="début en secondes")
    a.add_argument("out", metavar="SORTIE", type=seconds, help="fin en secondes")
    _note_tags(a)
    a.add_argument("--fav", action="store_true", help="plage favorite")
    a = acts.add_parser("fav", help="marquer un rush (ou une plage) comme favori")
    _op_item(a)
    a.add_argument("entry", nargs="?", metavar="PLAGE", help="identifiant de plage (r1 …)")
    a.add_argument("--off", action="store_true", help="retirer des favoris")
    a = acts.add_parser("poster", help="choisir l'image de couverture")
    _op_item(a)
    a.add_argument("t", type=seconds, metavar="T", help="instant en secondes")
    a = acts.add_parser("remove", help="retirer un repère ou une plage")
    _op_item(a)
    a.add_argument("entry", metavar="REPÈRE", help="identifiant de repère ou de plage")
    a = acts.add_parser("list", help="lister le dérushage")
    _op_item(a, optional=True)
    a = acts.add_parser("search", help="chercher dans les notes, mots-clés et noms")
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("text", nargs="?", default="", metavar="TEXTE", help="texte cherché")
    a.add_argument("--fav", action="store_true", help="favoris seulement")
    a.add_argument("--tag", metavar="MOT", help="mot-clé exact")
    for a in set(acts.choices.values()):
        a.set_defaults(parser=a)
    p.set_defaults(handler=cmd_derush)


def _op_item(a: argparse.ArgumentParser, optional: bool = False) -> None:
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("item", nargs="?" if optional else None, metavar="ÉLÉMENT",
                   help="rush (nom, nom sans extension, début du nom ou de l'empreinte)")


def seconds(text: str) -> float:
    """An instant typed in French or English (« 2,4 » or « 2.4 »)."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre de secondes") \
            from exc


def _note_tags(a: argparse.ArgumentParser) -> None:
    a.add_argument("--note", default="", metavar="TEXTE", help="note libre")
    a.add_argument("--tags", default="", metavar="MOTS",
                   help="mots-clés séparés par des virgules")


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
            say(t("timeline « {name} » enregistrée dans le projet", name=args.save),
                clean=False)
    else:
        timeline = get_timeline(op, args.name)
    out = Path(args.out)
    if args.preview is not None:
        from mediakit.channels.presets import get_preset

        preview_frame(op, timeline, args.preview, out,
                      channel=get_preset(args.channel)["video"] if args.channel else None)
        say(t("aperçu à {t} s : {path}", t=number(args.preview), path=display_path(out)),
            clean=False)
        return EXIT_OK
    from mediakit.channels.presets import resolve_channel

    channel = resolve_channel(args.channel)
    if args.check:
        from mediakit.video.montage.render import check_rendered

        report = check_rendered(op, timeline, out, channel=channel)
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=1))
        say(f"{display_path(out)}: {charte_text(report)}", clean=False)
        return EXIT_OK if report["ok"] else 1
    result = render_timeline(op, timeline, out, channel=channel, speed=args.speed,
                             srt_out=args.srt, progress=_progress, force=args.force,
                             reason=args.reason)
    if sys.stdout.isatty():
        print()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        say(render_text(result), clean=False)
    if "charte" in result:
        say(f"{display_path(out)}: {charte_text(result['charte'])}", clean=False)
    failed = [k for k, ok in result.get("checks", {}).items() if not ok]
    return 1 if failed else EXIT_OK


def render_text(result: dict[str, Any]) -> str:
    """A render's facts in words, in the command line's language: « montage.mp4 : 1920×1080,
    25 i/s, 12,4 s, −14,0 LUFS ; contrôles OK »."""
    facts = [f"{result.get('width')}×{result.get('height')}",
             t("{fps} i/s", fps=number(result.get("fps", 0))),
             number(result.get("duration", 0), 1, "s")]
    if result.get("loudness") is not None:
        facts.append(number(result["loudness"], 1, "LUFS").replace("-", "−"))
    text = t("{name} : {facts} ; {checks}", name=display_path(Path(result.get("output", "")).name),
             facts=", ".join(facts), checks=translate(checks_text(result.get("checks"))))
    if result.get("srt"):
        text += t(" ; sous-titres : {path}", path=display_path(result["srt"]))
    if result.get("overridden"):
        text += t(" ; RELECTURE PASSÉE OUTRE (journalisé)")
    return text


def charte_text(report: dict[str, Any]) -> str:
    """The charte check's line (:func:`~mediakit.video.montage.check.summary`) in the
    command line's language, each issue translated on its own."""
    from mediakit.video.montage.check import summary

    if report.get("ok") or not report.get("issues"):
        return translate(summary(report))
    return t("charte : {msg}", msg=" ; ".join(translate(i["message"]) for i in report["issues"]))


def _progress(fraction: float) -> None:
    if sys.stdout.isatty():
        print(f"\rmontage : {fraction * 100:5.1f} %", end="", flush=True)


def cmd_derush(args: argparse.Namespace) -> int:
    from mediakit.video.montage import derush

    op = Operation.open(args.dir)
    act = args.action
    if act == "search":
        hits = derush.search(op, args.text, favourites=args.fav, tag=args.tag)
        for h in hits:
            say(_line(h), clean=False)
        if not hits:
            say(t("aucun résultat"), clean=False)
        return EXIT_OK
    if act == "list":
        shas = [op.resolve(args.item)] if args.item else list(op.items)
        for sha in shas:
            data = op.items[sha].get("derush")
            if data:
                hits = derush.search(op, op.items[sha]["name"])
                fav = " ★" if data.get("favourite") else ""
                poster = data.get("poster")
                cover = (t(" (couverture {t} s)", t=number(poster)) if poster is not None
                         else "")
                say(f"{op.items[sha]['name']}{fav}{cover}", clean=False)
                for h in (h for h in hits if h["sha"] == sha):
                    say("  " + _line(h), clean=False)
        return EXIT_OK
    sha = op.resolve(args.item)
    if act == "mark":
        ident = derush.add_marker(op, sha, args.t, args.note, _tags(args.tags))
        say(t("repère {id} posé", id=ident), clean=False)
    elif act == "range":
        ident = derush.add_range(op, sha, args.in_, args.out, args.note, _tags(args.tags),
                                 args.fav)
        say(t("plage {id} définie", id=ident), clean=False)
    elif act == "fav":
        derush.set_favourite(op, sha, not args.off, args.entry)
        say(t("favori retiré" if args.off else "favori ajouté"), clean=False)
    elif act == "poster":
        derush.set_poster(op, sha, args.t)
        say(t("image de couverture à {t} s", t=number(args.t)), clean=False)
    elif act == "remove":
        derush.remove_entry(op, sha, args.entry)
        say(t("{id} retiré", id=args.entry), clean=False)
    op.save()
    return EXIT_OK


def _line(h: dict[str, Any]) -> str:
    when = (number(h["t"], unit="s") if "t" in h
            else f"{number(h['in'])}–{number(h['out'], unit='s')}")
    tags = f" #{' #'.join(h['tags'])}" if h.get("tags") else ""
    fav = " ★" if h.get("favourite") else ""
    return f"{h['name']} {h['id']} {when}{fav} {h.get('note', '')}{tags}".rstrip()
