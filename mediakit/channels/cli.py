"""CLI: ``mediakit export`` and ``mediakit presets``."""

from __future__ import annotations

import argparse
import json
import sys

from mediakit.channels.naming import DEFAULT_PATTERN
from mediakit.channels.presets import get_preset, load_presets
from mediakit.library.project import Operation


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="exporter pour les canaux de diffusion (par lot)")
    p.add_argument("dir", help="dossier d'opération")
    p.add_argument("--items", nargs="*", help="éléments (par défaut : tous)")
    p.add_argument("--channels", required=True, help="x,instagram-feed,… ou all")
    p.add_argument("-o", "--out", required=True, help="dossier de sortie")
    p.add_argument("--force", action="store_true",
                   help="passer outre la relecture (avec --reason ; journalisé, fichiers signalés)")
    p.add_argument("--reason", help="raison écrite d'un --force (obligatoire avec lui)")
    p.add_argument("--fit", choices=["crop", "letterbox"], default="crop",
                   help="recadrage sur les sujets, ou fond flouté")
    p.add_argument("--pattern", default=DEFAULT_PATTERN, help="motif des noms de fichiers")
    p.add_argument("--workers", type=int, default=2)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("presets", help="préréglages des canaux")
    p.add_argument("action", choices=["list", "show"])
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_presets)


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mediakit.channels.export import run_export, summary_text

    op = Operation.open(args.dir)
    channels = [c.strip() for c in args.channels.split(",") if c.strip()]

    def progress(p: dict) -> None:
        if sys.stderr.isatty():
            print(f"\r[{p['done']}/{p['total']}] {p['job'][:50]:<50} {p['fraction']:4.0%}",
                  end="", file=sys.stderr, flush=True)

    summary = run_export(op, channels, Path(args.out), items=args.items, pattern=args.pattern,
                         force=args.force, reason=args.reason, fit=args.fit, workers=args.workers, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(summary_text(summary))
    if summary.refused:
        print("pour débloquer : « mediakit masks OP list ITEM », décidez les régions à vérifier, "
              "puis « mediakit masks OP reviewed ITEM » (ou --force --reason \"…\")",
              file=sys.stderr)
    return 0 if summary.ok else 1


def cmd_presets(args: argparse.Namespace) -> int:
    presets = load_presets()
    if args.action == "show":
        print(json.dumps(get_preset(args.name or ""), ensure_ascii=False, indent=2))
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
