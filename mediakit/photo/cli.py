"""CLI: ``mediakit photo rate|pick|reject|unflag|label|adjust|caption|hints|suggest|sheet``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from mediakit.clitext import UsageError, adjust_text, number, say, t, translate, typeset, warn
from mediakit.errors import MediakitError, display_path
from mediakit.library.project import Operation
from mediakit.media.kinds import PHOTO

ACTIONS = ["rate", "pick", "reject", "unflag", "label", "adjust", "caption", "hints",
           "suggest", "sheet"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "photo", help="tri, réglages et légendes des photos",
        epilog="actions : rate (note 0-5), pick / reject / unflag (retenir, écarter, ni l'un "
               "ni l'autre), label (couleur), adjust (clé=valeur…, --auto, --reset), caption "
               "(--caption, --credit, --alt), hints, suggest, sheet (-o). "
               "Exemple : mediakit photo rate OP groupe 4")
    p.add_argument("action", choices=ACTIONS, metavar="ACTION", help=", ".join(ACTIONS))
    p.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    p.add_argument("item", nargs="?", metavar="ÉLÉMENT",
                   help="photo (nom, nom sans extension, début du nom ou de l'empreinte)")
    p.add_argument("values", nargs="*", default=[], metavar="VALEUR",
                   help="note (rate), couleur (label), clé=valeur (adjust)")
    p.add_argument("--auto", action="store_true", help="adjust : partir de l'auto-correction")
    p.add_argument("--reset", action="store_true", help="adjust : tout remettre à zéro")
    p.add_argument("--caption", metavar="TEXTE", help="caption : légende")
    p.add_argument("--credit", metavar="TEXTE", help="caption : crédit")
    p.add_argument("--alt", metavar="TEXTE", help="caption : texte alternatif")
    p.add_argument("--refresh", action="store_true", help="hints : tout recalculer")
    p.add_argument("--all", action="store_true", help="sheet : toutes les photos")
    p.add_argument("-o", "--out", metavar="FICHIER", help="sheet : fichier PDF ou PNG")
    p.add_argument("--json", action="store_true", help="suggest : sortie JSON")
    p.set_defaults(handler=cmd_photo, parser=p)


def cmd_photo(args: argparse.Namespace) -> int:
    op = Operation.open(args.dir)
    handler = {"hints": _hints, "suggest": _suggest, "sheet": _sheet}.get(args.action)
    if handler:
        return handler(op, args)
    if not args.item:
        raise UsageError(f"{args.action} : précisez la photo "
                         f"(mediakit photo {args.action} OPERATION ÉLÉMENT)")
    sha = op.resolve(args.item)
    if op.items[sha]["kind"] != PHOTO:
        raise MediakitError(f"{op.items[sha]['name']} : n'est pas une photo")
    _edit(op, sha, args)
    op.save()
    return 0


def _edit(op: Operation, sha: str, args: argparse.Namespace) -> None:
    from mediakit.photo import captions, selection

    if args.action == "rate":
        selection.set_rating(op, sha, _rating(args.values))
    elif args.action in ("pick", "reject", "unflag"):
        selection.set_flag(op, sha, None if args.action == "unflag" else args.action)
    elif args.action == "label":
        selection.set_label(op, sha, args.values[0] if args.values else None)
    elif args.action == "caption":
        captions.set_text(op, sha, caption=args.caption, credit=args.credit, alt_text=args.alt)
        for problem in captions.length_problems(op.items[sha]):
            say(f"attention : {problem}", clean=False)
    elif args.action == "adjust":
        _adjust(op, sha, args)


def _adjust(op: Operation, sha: str, args: argparse.Namespace) -> None:
    from mediakit.media.images import load_oriented_rgb
    from mediakit.photo.adjust import auto_enhance, normalise

    current = {} if args.reset else dict(op.items[sha].get("adjust") or {})
    if args.auto:
        _, img = load_oriented_rgb(op.original_path(sha))
        current.update(auto_enhance(np.asarray(img)))
    for pair in args.values:
        key, _, value = pair.partition("=")
        try:
            if key == "crop":
                current[key] = [_float(v) for v in value.split(",")] if value else None
            else:
                current[key] = _float(value)
        except ValueError as exc:
            raise UsageError(f"adjust : « {pair} » attend clé=nombre (exposure=0,5 ; "
                             f"crop=x,y,l,h en fractions)") from exc
    try:
        normalise(current)
    except ValueError as exc:
        raise MediakitError(str(exc)) from exc
    from mediakit.photo.selection import edit_field

    edit_field(op, sha, "adjust", current or None, f"réglages de {op.items[sha]['name']}")
    say(f"{op.items[sha]['name']}: {adjust_text(current)}", clean=False)


def _hints(op: Operation, args: argparse.Namespace) -> int:
    from mediakit.photo.selection import compute_all_hints

    errors = compute_all_hints(op, refresh=args.refresh)
    op.save()
    for msg in errors:
        warn(f"ÉCHEC {msg}")
    for item in sorted(op.items.values(), key=lambda it: it["name"]):
        hints = item.get("hints")
        if hints:
            flags = ", ".join(t(f) for f in hints["flags"]) or "ok"
            print(f"{item['name']:<30} {t('netteté')} {number(hints['sharpness'], 1):>8}  "
                  f"{flags}")
    return 1 if errors else 0


def _suggest(op: Operation, args: argparse.Namespace) -> int:
    from mediakit.photo.selection import compute_all_hints, suggest

    compute_all_hints(op)
    op.save()
    rows = suggest(op)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        mark = "✔" if row["selected"] else "✘"
        reasons = " ; ".join(typeset(translate(r)) for r in row["reasons"])
        print(f"{mark} {row['name']:<30} {reasons}")
    return 0


def _sheet(op: Operation, args: argparse.Namespace) -> int:
    from mediakit.photo.contact_sheet import write_contact_sheet
    from mediakit.photo.selection import compute_all_hints, suggest

    if not args.out:
        raise UsageError("sheet : précisez le fichier de sortie (-o planche.pdf)")
    if args.all:
        shas = sorted((s for s, it in op.items.items() if it["kind"] == PHOTO),
                      key=lambda s: op.items[s]["name"])
    else:
        compute_all_hints(op)
        shas = [r["item"] for r in suggest(op) if r["selected"]]
    out = write_contact_sheet(op, shas, Path(args.out))
    say(f"planche contact ({len(shas)} photo(s)) : {display_path(out)}", clean=False)
    return 0


def _float(text: str) -> float:
    """A number as typed in French or English (« 0,5 » or « 0.5 »)."""
    return float(text.strip().replace(",", ".").replace("−", "-"))


def _rating(values: list[str]) -> int:
    if not values:
        return 0
    try:
        value = int(values[0])
    except ValueError as exc:
        raise UsageError(f"rate : « {values[0]} » n'est pas une note (0 à 5)") from exc
    return value
