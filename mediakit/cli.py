"""Command-line interface: ``mediakit COMMANDE ...`` (``mediakit`` alone opens the window).

One grammar: ``mediakit <domaine> <action> OPERATION [ÉLÉMENT…] [options]`` (``masks``,
``tracks``, ``people``, ``photo``, ``derush``, ``review``); the one-verb commands take the
operation first (``mediakit info OP``). The forms of the previous version (``masks OP
ACTION``, ``tracks OP ITEM ACTION``, ``people OP ACTION``, ``derush OP ACTION``) still work
for this version, with a deprecation notice on the error output.

Messages are in French (``MEDIAKIT_LANG=en``: argparse's own texts and the help in English),
in words: no traceback, no ffmpeg line, no English system error; ``-v`` adds the detail.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import json
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from mediakit import __version__
from mediakit.clitext import (
    LOG,
    Output,
    Parser,
    UsageError,
    plain,
    say,
    t,
    translate,
    typeset,
    warn,
)
from mediakit.errors import MediakitError, display_path

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="mediakit",
        description="Import, anonymisation et export des médias d'une opération.",
        epilog="Grammaire : mediakit <domaine> <action> OPERATION [ÉLÉMENT…] [options] ; "
               "un ÉLÉMENT se désigne par son nom (avec ou sans extension), le début de son "
               "nom s'il est unique, ou le début de son empreinte. "
               "« mediakit COMMANDE --help » détaille chaque commande.")
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    p = sub.add_parser("gui", help="ouvrir l'application (par défaut sans commande)")
    p.add_argument("dir", nargs="?", metavar="OPERATION", help="dossier d'opération à ouvrir")

    p = sub.add_parser("new", help="créer une opération dans un dossier")
    p.add_argument("dir", metavar="OPERATION", help="dossier de la nouvelle opération")
    p.add_argument("--name", required=True, help="nom de l'opération")

    p = sub.add_parser("import", help="importer photos et rushes (fichiers ou dossiers)")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="fichiers ou dossiers (récursif)")

    p = sub.add_parser("info", help="lister les éléments d'une opération et leur état")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("--json", action="store_true",
                   help="sortie JSON (avec l'état de chaque élément : clé « state »)")
    p.add_argument("--projet", metavar="FICHIER", dest="project_json",
                   help="écrire le projet entier en JSON lisible dans ce fichier "
                        "(« - » : sur la sortie)")

    p = sub.add_parser("audit", help="journal d'audit de l'opération (qui a fait quoi, quand)")
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("--csv", metavar="FICHIER", help="exporter en CSV dans ce fichier")
    p.add_argument("--verify", action="store_true", help="vérifier l'intégrité de la chaîne")

    p = sub.add_parser("demo", help="démonstration complète sur les médias d'exemple")
    p.add_argument("-o", "--out", default="mediakit-demo", metavar="DOSSIER",
                   help="dossier de sortie")

    for module in _EXTRA_COMMANDS:
        importlib.import_module(module).add_parser(sub)
    return parser


# Core command modules that register their own sub-commands (kept out of this file).
_EXTRA_COMMANDS = ("mediakit.privacy.cli", "mediakit.video.cli", "mediakit.photo.cli",
                   "mediakit.channels.cli", "mediakit.infographic.cli",
                   "mediakit.validation.cli", "mediakit.video.montage.cli")

# -- the previous version's argument orders ------------------------------------------------
# domain: its actions; the old form put the operation (and for tracks the item) first
ACTION_FIRST = {
    "masks": ("detect", "list", "accept", "reject", "add", "resize", "reviewed"),
    "people": ("add", "list", "remove", "move"),
    "derush": ("mark", "range", "fav", "poster", "remove", "list", "search"),
    "tracks": ("detect", "list", "accept", "reject", "add", "keyframe", "unkeyframe", "cut",
               "extend", "reviewed"),
}
GLOBAL_FLAGS = ("-v", "--verbose")
OLD_FORM = ("mediakit : « mediakit {old} … » est l'ancienne forme, acceptée encore dans cette "
            "version ; écrivez désormais « mediakit {new} … »")
INTERNAL = ("erreur interne inattendue : l'opération n'a pas été modifiée au-delà de ce qui "
            "était déjà enregistré (relancez avec -v pour le détail technique et signalez-le)")


def modernise(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """``argv`` in the new order, and a deprecation notice when it used an old one."""
    args = list(argv)
    i = 0
    while i < len(args) and args[i] in GLOBAL_FLAGS:
        i += 1
    if i >= len(args) or args[i] not in ACTION_FIRST:
        return args, None
    domain, actions = args[i], ACTION_FIRST[args[i]]
    rest = args[i + 1:]
    if not rest or rest[0] in actions or rest[0].startswith("-"):
        return args, None
    # old: DOMAIN OP ACTION … ; tracks: DOMAIN OP ITEM ACTION …
    at = 2 if domain == "tracks" else 1
    if len(rest) <= at or rest[at] not in actions or any(a.startswith("-") for a in rest[:at]):
        return args, None
    old = " ".join([domain, *["OP", "ITEM"][:at], rest[at]])
    new = " ".join([domain, rest[at], *["OP", "ITEM"][:at]])
    reordered = args[:i + 1] + [rest[at]] + rest[:at] + rest[at + 1:]
    notice = t(OLD_FORM).format(old=old, new=new)
    return reordered, notice


# -- running a command -----------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    argv2, notice = modernise(raw)
    parser = build_parser()
    try:
        args = parser.parse_args(argv2)
    except SystemExit as exc:  # --help, --version, or a usage error already said
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if notice:
        print(notice, file=sys.stderr)
    verbose = bool(getattr(args, "verbose", False))
    _set_verbose(verbose)
    command = args.command or "gui"
    try:
        if command == "gui":
            return run_gui(getattr(args, "dir", None))
        handler = getattr(args, "handler", None) or _HANDLERS[command]
        return handler(args)
    except UsageError as exc:
        sub = getattr(args, "parser", None) or parser
        try:
            sub.error(typeset(translate(str(exc))))
        except SystemExit as stop:
            return stop.code if isinstance(stop.code, int) else EXIT_ERROR
        return EXIT_ERROR
    except MediakitError as exc:
        _report(plain(str(exc)), exc, verbose)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(t("mediakit : interrompu"), file=sys.stderr)
        return 130
    except OSError as exc:
        _report(os_error_text(exc), exc, verbose)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user, -v shows it
        _report(t(INTERNAL), exc, verbose)
        return EXIT_ERROR


def _set_verbose(verbose: bool) -> None:
    """``-v``: the technical detail the core logs goes to the error output (and only then)."""
    Output.verbose = verbose
    for handler in [h for h in LOG.handlers if getattr(h, "_mediakit", False)]:
        LOG.removeHandler(handler)
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(t("  détail technique : {msg}",
                                                 msg="%(message)s")))
        handler._mediakit = True  # type: ignore[attr-defined]
        LOG.addHandler(handler)
        LOG.setLevel(logging.DEBUG)
    else:
        LOG.setLevel(logging.NOTSET)


def _report(message: str, exc: BaseException, verbose: bool) -> None:
    print(typeset(translate(f"mediakit : {message}")), file=sys.stderr)
    if not verbose:
        return
    cause: BaseException | None = exc
    seen = 0
    while cause is not None and seen < 5:
        text = str(cause).strip()
        if text and plain(text) != text or cause is not exc:
            print(t("  détail technique : {msg}", msg=f"{type(cause).__name__}: {text}"),
                  file=sys.stderr)
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    if not isinstance(exc, MediakitError):
        traceback.print_exception(exc, file=sys.stderr)


OS_ERRORS = {errno.ENOENT: "introuvable", errno.EACCES: "accès refusé (permissions)",
             errno.EPERM: "opération non permise", errno.ENOSPC: "plus de place sur le disque",
             errno.EROFS: "support en lecture seule", errno.EISDIR: "c'est un dossier",
             errno.ENOTDIR: "n'est pas un dossier", errno.EEXIST: "existe déjà",
             errno.EIO: "erreur de lecture du support", errno.ENAMETOOLONG: "nom trop long",
             errno.EDQUOT: "quota disque dépassé", errno.EMFILE: "trop de fichiers ouverts",
             errno.ENOTEMPTY: "dossier non vide", errno.EBUSY: "support occupé"}


def os_error_text(exc: OSError) -> str:
    """« chemin : raison » for a system error, in French."""
    reason = OS_ERRORS.get(exc.errno or -1, "erreur du système de fichiers")
    where = exc.filename if exc.filename is not None else None
    return f"{display_path(where)}: {reason}" if where else reason


def run_gui(directory: str | None) -> int:
    # imported by name so the Qt-free core never imports Qt (see the import contract)
    app = importlib.import_module("mediakit.ui.app")
    return app.run(directory)


def cmd_new(args: argparse.Namespace) -> int:
    from mediakit.library.project import Operation

    op = Operation.create(args.dir, args.name)
    say(t("Opération « {name} » créée dans {path}", name=op.name, path=display_path(op.root)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from mediakit.library.importer import import_files
    from mediakit.library.project import Operation

    op = Operation.open(args.dir)
    missing = [s for s in args.sources if not Path(s).exists()]
    for src in missing:
        warn(f"ÉCHEC {display_path(src)}: introuvable")
    sources = [s for s in args.sources if Path(s).exists()]

    def say(msg: str) -> None:
        failed = msg.startswith("ÉCHEC")
        Output.say(msg, sys.stderr if failed else sys.stdout, clean=failed)

    report = import_files(op, sources, on_message=say)
    say(t("{n} importé(s), {dup} doublon(s), {skipped} ignoré(s), {failed} en échec",
          n=len(report.imported), dup=len(report.duplicates), skipped=len(report.skipped),
          failed=len(report.failed) + len(missing)))
    return EXIT_OK if report.ok and not missing else EXIT_PARTIAL


def cmd_info(args: argparse.Namespace) -> int:
    from mediakit.library.project import Operation
    from mediakit.library.status import state
    from mediakit.library.summary import item_lines

    op = Operation.open(args.dir)
    if args.project_json:
        text = op.to_json() + "\n"
        if args.project_json == "-":
            sys.stdout.write(text)
        else:
            from mediakit.atomic import write_text_atomic

            write_text_atomic(args.project_json, text)
            say(t("projet écrit dans {path}", path=display_path(Path(args.project_json))))
        return EXIT_OK
    if args.json:
        items = [{**item, "state": state(item, op.items)} for item in op.items.values()]
        print(json.dumps({"operation": op.doc.data["operation"], "items": items},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    say(t("Opération « {name} » — {n} élément(s) — {path}", name=op.name, n=len(op.items),
          path=display_path(op.root)))
    for line in item_lines(op):
        say(line, clean=False)
    return EXIT_OK


# the audit trail's action codes (kept as they are in the CSV), in words
AUDIT_FR = {"import": "import", "detection": "détection", "anonymize": "anonymisation",
            "export": "export", "export_refused": "export refusé",
            "infographic": "infographie", "montage_render": "rendu du montage",
            "override": "relecture passée outre", "person_added": "personne ajoutée",
            "person_moved": "personne changée de liste", "person_removed": "personne retirée",
            "photo_edit": "retouche photo", "mask_added": "masque ajouté",
            "mask_changed": "masque modifié", "mask_accepted": "masque gardé",
            "mask_rejected": "masque écarté", "masks_reviewed": "masques revus",
            "masks_unreviewed": "revue des masques retirée", "tracks_reviewed": "pistes revues",
            "tracks_unreviewed": "revue des pistes retirée", "track_added": "piste ajoutée",
            "track_keyframe": "image clé posée", "track_keyframe_removed": "image clé retirée",
            "track_span": "piste recoupée", "track_accepted": "piste gardée",
            "track_rejected": "piste écartée", "review_validated": "validé par le chef",
            "review_corrections_requested": "corrections demandées",
            "review_decision_imported": "décision importée", "review_pack": "paquet de relecture",
            "review_publish": "publication", "review_reviewer_added": "relecteur enregistré",
            "review_withdrawn": "validation retirée", "montage_registered": "montage enregistré",
            "infographic_registered": "infographie enregistrée"}


def cmd_audit(args: argparse.Namespace) -> int:
    from mediakit.library import audit
    from mediakit.library.project import Operation

    op = Operation.open(args.dir)
    if args.verify:
        problems = audit.verify(op.root)
        for problem in problems:
            warn(t("journal d'audit : {msg}", msg=problem))
        say(t("journal d'audit intact" if not problems else "journal d'audit ALTÉRÉ"))
        return EXIT_PARTIAL if problems else EXIT_OK
    if args.csv:
        audit.to_csv(op.root, Path(args.csv))
        say(t("journal exporté : {path}", path=display_path(args.csv)))
        return EXIT_OK
    for e in audit.entries(op.root):
        item = op.items.get(e.get("item") or "", {}).get("name", e.get("item") or "")
        action = t(AUDIT_FR.get(e["action"], str(e["action"]).replace("_", " ")))
        print(f"{e['ts']}  {e['who']:<12} {action:<26} {item}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from mediakit.demo import run_demo

    return run_demo(Path(args.out))


_HANDLERS = {"new": cmd_new, "import": cmd_import, "info": cmd_info, "demo": cmd_demo,
             "audit": cmd_audit}

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
