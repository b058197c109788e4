"""Command-line interface: ``mediakit COMMAND ...`` (``mediakit`` alone opens the window)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mediakit import __version__
from mediakit.errors import MediakitError, display_path

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediakit",
        description="Import, anonymisation et export des médias d'une opération.")
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    p = sub.add_parser("gui", help="ouvrir l'application (par défaut sans commande)")
    p.add_argument("dir", nargs="?", help="dossier d'opération à ouvrir")

    p = sub.add_parser("new", help="créer une opération dans un dossier")
    p.add_argument("dir")
    p.add_argument("--name", required=True, help="nom de l'opération")

    p = sub.add_parser("import", help="importer photos et rushes (fichiers ou dossiers)")
    p.add_argument("dir", help="dossier d'opération")
    p.add_argument("sources", nargs="+", help="fichiers ou dossiers (récursif)")

    p = sub.add_parser("info", help="lister les éléments d'une opération")
    p.add_argument("dir")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--projet", metavar="FICHIER", dest="project_json",
                   help="écrire le projet entier en JSON lisible dans ce fichier "
                        "(« - » : sur la sortie)")

    p = sub.add_parser("audit", help="journal d'audit de l'opération (qui a fait quoi, quand)")
    p.add_argument("dir")
    p.add_argument("--csv", help="exporter en CSV dans ce fichier")
    p.add_argument("--verify", action="store_true", help="vérifier l'intégrité de la chaîne")

    p = sub.add_parser("demo", help="démonstration complète sur les médias d'exemple")
    p.add_argument("-o", "--out", default="mediakit-demo", help="dossier de sortie")

    for module in _EXTRA_COMMANDS:
        importlib.import_module(module).add_parser(sub)
    return parser


# Core command modules that register their own sub-commands (kept out of this file).
_EXTRA_COMMANDS = ("mediakit.privacy.cli", "mediakit.video.cli", "mediakit.photo.cli",
                   "mediakit.channels.cli", "mediakit.infographic.cli",
                   "mediakit.validation.cli", "mediakit.video.montage.cli")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "gui":
            return run_gui(getattr(args, "dir", None))
        handler = getattr(args, "handler", None) or _HANDLERS[command]
        return handler(args)
    except MediakitError as exc:
        print(f"mediakit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("mediakit: interrompu", file=sys.stderr)
        return 130


def run_gui(directory: str | None) -> int:
    # imported by name so the Qt-free core never imports Qt (see the import contract)
    app = importlib.import_module("mediakit.ui.app")
    return app.run(directory)


def cmd_new(args: argparse.Namespace) -> int:
    from mediakit.library.project import Operation

    op = Operation.create(args.dir, args.name)
    print(f"Opération « {op.name} » créée dans {display_path(op.root)}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from mediakit.library.importer import import_files
    from mediakit.library.project import Operation

    op = Operation.open(args.dir)
    missing = [s for s in args.sources if not Path(s).exists()]
    for src in missing:
        print(f"ÉCHEC {display_path(src)}: introuvable", file=sys.stderr)
    sources = [s for s in args.sources if Path(s).exists()]

    def say(msg: str) -> None:
        print(msg, file=sys.stderr if msg.startswith("ÉCHEC") else sys.stdout, flush=True)

    report = import_files(op, sources, on_message=say)
    print(f"{len(report.imported)} importé(s), {len(report.duplicates)} doublon(s), "
          f"{len(report.skipped)} ignoré(s), {len(report.failed) + len(missing)} en échec")
    return EXIT_OK if report.ok and not missing else EXIT_PARTIAL


def cmd_info(args: argparse.Namespace) -> int:
    from mediakit.library.project import Operation
    from mediakit.library.summary import item_lines

    op = Operation.open(args.dir)
    if args.project_json:
        text = op.to_json() + "\n"
        if args.project_json == "-":
            sys.stdout.write(text)
        else:
            from mediakit.atomic import write_text_atomic

            write_text_atomic(args.project_json, text)
            print(f"projet écrit dans {display_path(Path(args.project_json))}")
        return EXIT_OK
    if args.json:
        print(json.dumps({"operation": op.doc.data["operation"], "items": list(op.items.values())},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"Opération « {op.name} » — {len(op.items)} élément(s) — {display_path(op.root)}")
    for line in item_lines(op):
        print(line)
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from mediakit.library import audit
    from mediakit.library.project import Operation

    op = Operation.open(args.dir)
    if args.verify:
        problems = audit.verify(op.root)
        for problem in problems:
            print(f"journal d'audit : {problem}", file=sys.stderr)
        print("journal d'audit intact" if not problems else "journal d'audit ALTÉRÉ")
        return EXIT_PARTIAL if problems else EXIT_OK
    if args.csv:
        audit.to_csv(op.root, Path(args.csv))
        print(f"journal exporté : {display_path(args.csv)}")
        return EXIT_OK
    for e in audit.entries(op.root):
        item = op.items.get(e.get("item") or "", {}).get("name", e.get("item") or "")
        print(f"{e['ts']}  {e['who']:<12} {e['action']:<16} {item}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from mediakit.demo import run_demo

    return run_demo(Path(args.out))


_HANDLERS = {"new": cmd_new, "import": cmd_import, "info": cmd_info, "demo": cmd_demo,
             "audit": cmd_audit}

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
