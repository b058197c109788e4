"""CLI: ``mediakit export`` and ``mediakit presets``."""

from __future__ import annotations

import argparse
import json
import sys

from mediakit.channels.naming import DEFAULT_PATTERN
from mediakit.channels.presets import get_preset, load_presets, resolve_channels
from mediakit.clitext import UsageError, say, t, warn
from mediakit.library.project import Operation


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="exporter pour les canaux de diffusion (par lot)",
                       epilog="Canaux : leur nom (x, instagram-feed, press…), en majuscules "
                              "ou minuscules, leur nom français (presse, instagram, story) ou "
                              "le début du nom ; « mediakit presets list » les liste.")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("--items", nargs="*", metavar="ÉLÉMENT", help="éléments (par défaut : tous)")
    p.add_argument("--channels", required=True, metavar="CANAUX",
                   help="x,instagram-feed,presse,… ou all (tous)")
    p.add_argument("-o", "--out", required=True, metavar="DOSSIER", help="dossier de sortie")
    p.add_argument("--force", action="store_true",
                   help="passer outre la relecture (avec --reason ; journalisé, fichiers signalés)")
    p.add_argument("--reason", metavar="TEXTE",
                   help="raison écrite d'un --force (obligatoire avec lui)")
    p.add_argument("--fit", choices=["crop", "letterbox"], default="crop",
                   help="recadrer sur les sujets (crop), ou fond flouté (letterbox)")
    p.add_argument("--pattern", default=DEFAULT_PATTERN, metavar="MOTIF",
                   help="motif des noms de fichiers")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="nombre de travaux en parallèle")
    p.set_defaults(handler=cmd_export, parser=p)

    p = sub.add_parser(
        "reframe", help="cadrage des exports verticaux et carrés d'une vidéo (images clés)",
        epilog="actions : list (les images clés), set INSTANT (centrer le cadre à cet "
               "instant), remove INSTANT, clear (cadrage automatique partout). Formats : "
               "9:16 (reel, story, shorts, TikTok), 4:5 (fil Instagram, Facebook), 1:1. "
               "Exemple : mediakit reframe set OP rush 5,5 --format 9:16 --x 0,62")
    p.add_argument("action", choices=REFRAME_ACTIONS, metavar="ACTION",
                   help=", ".join(REFRAME_ACTIONS))
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("item", metavar="ÉLÉMENT", help="rush ou montage")
    p.add_argument("time", nargs="?", metavar="INSTANT", help="secondes (5,5)")
    p.add_argument("--format", dest="fmt", metavar="FORMAT",
                   help="9:16, 4:5, 1:1 (ou vertical, carré) ; par défaut 9:16")
    p.add_argument("--x", metavar="X", help="centre du cadre, part de la largeur (0 à 1)")
    p.add_argument("--y", metavar="Y", help="centre du cadre, part de la hauteur (0 à 1)")
    p.set_defaults(handler=cmd_reframe, parser=p)

    p = sub.add_parser("presets", help="préréglages des canaux",
                       epilog="actions : list (tous les canaux), show CANAL (le détail)")
    p.add_argument("action", choices=["list", "show"], metavar="ACTION", help="list ou show")
    p.add_argument("name", nargs="?", metavar="CANAL", help="canal (show)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_presets, parser=p)


def channel_list(text: str) -> list[str]:
    """``x,Instagram,presse`` → the preset names (``all`` kept); MediakitError if unknown."""
    return resolve_channels([c.strip() for c in text.split(",") if c.strip()])


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mediakit.channels.export import run_export, summary_text

    op = Operation.open(args.dir)
    channels = channel_list(args.channels)

    def progress(p: dict) -> None:
        if sys.stderr.isatty():
            print(f"\r[{p['done']}/{p['total']}] {p['job'][:50]:<50} {p['fraction']:4.0%}",
                  end="", file=sys.stderr, flush=True)

    summary = run_export(op, channels, Path(args.out), items=args.items, pattern=args.pattern,
                         force=args.force, reason=args.reason, fit=args.fit, workers=args.workers, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in summary_text(summary).splitlines():
        say(line)
    if summary.refused:
        warn("pour débloquer : « mediakit masks list OP ÉLÉMENT », décidez les régions à "
             "vérifier, puis « mediakit masks reviewed OP ÉLÉMENT » (ou --force --reason \"…\")")
    return 0 if summary.ok else 1


REFRAME_ACTIONS = ["list", "set", "remove", "clear"]


def _number(text: str | None, what: str) -> float | None:
    """A French number (« 5,5 ») or None; UsageError naming ``what`` otherwise."""
    if text is None:
        return None
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise UsageError(f"mediakit reframe : {what} « {text} » n'est pas un nombre") from None


def _fr(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def cmd_reframe(args: argparse.Namespace) -> int:
    from mediakit.channels import framing
    from mediakit.channels.video_reframe import FORMATS, item_keyframes, parse_format

    op = Operation.open(args.dir)
    sha = op.resolve(args.item)
    name = op.items[sha]["name"]
    try:
        fmt = parse_format(args.fmt) if args.fmt else None
    except ValueError:
        raise UsageError(f"mediakit reframe : format « {args.fmt} » inconnu "
                         f"({', '.join(FORMATS)})") from None
    if args.action == "list":
        shown = 0
        for key in ([fmt] if fmt else list(FORMATS)):
            for k in item_keyframes(op.items[sha], key):
                centre = ", ".join(f"{axis} = {_fr(k[axis])}" for axis in ("x", "y")
                                   if k.get(axis) is not None)
                say(f"{name} {key} " + t("à {t} s : centre {centre}", t=_fr(k["t"]), centre=centre),
                    clean=False)
                shown += 1
        if not shown:
            say(t("{name} : cadrage automatique (aucune image clé)", name=name), clean=False)
        return 0
    if args.action == "clear":
        count = framing.clear_keyframes(op, sha, fmt)
        op.save()
        say(t("{name} : {n} image(s) clé retirée(s), cadrage automatique", name=name, n=count),
            clean=False)
        return 0
    instant = _number(args.time, "l'instant")
    if instant is None:
        raise UsageError(f"mediakit reframe {args.action} : INSTANT requis (secondes)")
    fmt = fmt or "9:16"
    if args.action == "remove":
        framing.remove_keyframe(op, sha, fmt, instant)
        op.save()
        say(f"{name} {fmt} " + t(": image clé de {t} s retirée", t=_fr(instant)), clean=False)
        return 0
    x, y = _number(args.x, "x"), _number(args.y, "y")
    if x is None and y is None:
        raise UsageError("mediakit reframe set : --x et/ou --y requis (centre, de 0 à 1)")
    key = framing.set_keyframe(op, sha, fmt, instant, x, y)
    op.save()
    centre = ", ".join(f"{axis} = {_fr(key[axis])}" for axis in ("x", "y")
                       if key.get(axis) is not None)
    say(f"{name} {fmt} " + t("à {t} s : cadre centré sur {centre}", t=_fr(key["t"]), centre=centre),
        clean=False)
    return 0


def cmd_presets(args: argparse.Namespace) -> int:
    presets = load_presets()
    if args.action == "show":
        if not args.name:
            raise UsageError("show : précisez le canal (mediakit presets show x)")
        print(json.dumps(get_preset(args.name), ensure_ascii=False, indent=2))
        return 0
    if args.json:
        print(json.dumps(sorted(presets), ensure_ascii=False))
        return 0
    for name, p in sorted(presets.items()):
        still = p.get("still") or {}
        video = p.get("video") or {}
        s = f"{still.get('width')}×{still.get('height')}" if still.get("width") else (
            t("pleine résolution") if still else "—")
        v = f"{video['width']}×{video['height']} {video['bitrate']}b/s" if video else "—"
        cap = f" ≤ {video['max_duration']} s" if video.get("max_duration") else ""
        say(f"{name:<16} {t(p.get('label', '')):<44} {t('image')} {s:<18} {t('vidéo')} "
            f"{v}{cap}", clean=False)
    return 0
