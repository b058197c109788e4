"""CLI: ``mediakit export`` and ``mediakit presets``."""

from __future__ import annotations

import argparse
import json
import sys

from mediakit.channels.naming import DEFAULT_PATTERN
from mediakit.channels.presets import get_preset, load_presets, resolve_channels
from mediakit.clitext import UsageError, say, warn
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
            "pleine résolution" if still else "—")
        v = f"{video['width']}×{video['height']} {video['bitrate']}b/s" if video else "—"
        cap = f" ≤ {video['max_duration']} s" if video.get("max_duration") else ""
        print(f"{name:<16} {p.get('label', ''):<44} image {s:<18} vidéo {v}{cap}")
    return 0
