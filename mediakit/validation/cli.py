"""CLI: ``mediakit review pack|decide|sign|keygen|add-reviewer|import|changes|publish``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediakit.clitext import say, warn
from mediakit.errors import MediakitError, display_path
from mediakit.library.project import Operation

EXIT_OK, EXIT_PARTIAL = 0, 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="validation par le chef de service (paquet, décision, "
                                      "publication)")
    actions = p.add_subparsers(dest="review_action", metavar="ACTION", required=True)

    a = actions.add_parser("pack", help="préparer le paquet de relecture (zip)")
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("--items", nargs="*", metavar="ÉLÉMENT", help="éléments (par défaut : tous)")
    a.add_argument("--channels", metavar="CANAUX",
                   help="canaux à exporter dans le paquet (x,presse,… ou all)")
    a.add_argument("-o", "--out", required=True, metavar="FICHIER.zip",
                   help="fichier zip du paquet")
    a.add_argument("--workers", type=int, default=2, metavar="N",
                   help="nombre de travaux en parallèle")
    a.add_argument("--force", action="store_true",
                   help="y mettre aussi les éléments non relus (avec --reason ; journalisé)")
    a.add_argument("--reason", metavar="TEXTE", help="raison écrite d'un --force")
    a.set_defaults(handler=cmd_pack)

    a = actions.add_parser("decide", help="décider sur un paquet (mode relecture, en ligne "
                                          "de commande)")
    a.add_argument("bundle", metavar="PAQUET.zip", help="paquet de relecture (zip)")
    a.add_argument("--reviewer", required=True, metavar="NOM",
                   help="nom du relecteur (tel qu'enregistré)")
    a.add_argument("--key", metavar="CLÉ.pem", help="clé privée du relecteur (.pem) pour signer")
    a.add_argument("--approve", action="append", default=[], metavar="ÉLÉMENT[@CANAL]",
                   help="valider un élément (ou sa version pour un canal), répétable")
    a.add_argument("--request", action="append", nargs=2, default=[],
                   metavar=("ÉLÉMENT[@CANAL]", "COMMENTAIRE"), help="demander des corrections")
    a.add_argument("--note", action="append", nargs=2, default=[],
                   metavar=("ÉLÉMENT", "TEXTE"), help="commentaire joint à une validation")
    a.add_argument("-o", "--out", metavar="FICHIER",
                   help="fichier de décision (par défaut à côté du paquet)")
    a.set_defaults(handler=cmd_decide)

    a = actions.add_parser("sign", help="signer un fichier de décision avec sa clé")
    a.add_argument("decision", metavar="DÉCISION.json", help="fichier de décision")
    a.add_argument("--key", required=True, metavar="CLÉ.pem", help="clé privée (.pem)")
    a.add_argument("-o", "--out", metavar="FICHIER",
                   help="fichier signé (par défaut : remplace l'original)")
    a.set_defaults(handler=cmd_sign)

    a = actions.add_parser("keygen", help="créer la paire de clés d'un relecteur")
    a.add_argument("name", metavar="NOM", help="nom du relecteur")
    a.add_argument("-o", "--out", required=True, metavar="DOSSIER",
                   help="dossier où écrire les clés")
    a.set_defaults(handler=cmd_keygen)

    a = actions.add_parser("add-reviewer", help="enregistrer la clé publique d'un relecteur")
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("name", metavar="NOM", help="nom du relecteur")
    a.add_argument("pubkey", metavar="CLÉ_PUBLIQUE.pem", help="sa clé publique")
    a.set_defaults(handler=cmd_add_reviewer)

    a = actions.add_parser("import", help="importer une décision signée")
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("decision", metavar="DÉCISION.json", help="décision signée")
    a.set_defaults(handler=cmd_import)

    a = actions.add_parser("changes", help="modifications depuis la dernière relecture")
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("item", metavar="ÉLÉMENT",
                   help="élément (nom, nom sans extension, début du nom ou de l'empreinte)")
    a.set_defaults(handler=cmd_changes)

    a = actions.add_parser("publish", help="remplir exports/pret-a-publier (versions validées)")
    a.add_argument("dir", metavar="OPERATION", help="dossier d'opération")
    a.add_argument("--channels", metavar="CANAUX", help="canaux (par défaut : ceux validés)")
    a.add_argument("--items", nargs="*", metavar="ÉLÉMENT",
                   help="éléments (par défaut : tous)")
    a.set_defaults(handler=cmd_publish)
    for a in set(actions.choices.values()):
        a.set_defaults(parser=a)


def _channels(text: str | None) -> list[str] | None:
    from mediakit.channels.presets import resolve_channels

    return resolve_channels([c.strip() for c in text.split(",") if c.strip()]) if text else None


def cmd_pack(args: argparse.Namespace) -> int:
    from mediakit.validation.bundle import pack

    op = Operation.open(args.dir)
    result = pack(op, args.out, items=args.items, channels=_channels(args.channels),
                  workers=args.workers, force=args.force, reason=args.reason)
    for message in result.failed:
        warn(f"ÉCHEC {message}")
    for sha, version in result.items.items():
        say(f"{op.items[sha]['name']}: version {version}", clean=False)
    say(f"paquet {result.pack_id} → {display_path(result.bundle)} "
        f"(manifeste {result.manifest_sha256[:16]}…)", clean=False)
    return EXIT_PARTIAL if result.failed else EXIT_OK


def _find(manifest: dict[str, Any], ref: str) -> str:
    """The bundle's item that ``ref`` names (the same rules as in an operation)."""
    from mediakit.library.refs import match

    return match(ref, {e["item"]: (str(e["name"]),) for e in manifest["items"]}, "du paquet")


def _bundle_channel(name: str) -> str:
    """A channel as the agent's presets name it (« X » → x), else as typed (the reviewer's
    machine may not know the agent's own presets)."""
    from mediakit.channels.presets import resolve_channel

    try:
        return resolve_channel(name)
    except MediakitError:
        return name


def cmd_decide(args: argparse.Namespace) -> int:
    from mediakit.validation import decisions, keys
    from mediakit.validation.bundle import read_bundle
    from mediakit.validation.manifest import MANIFEST, check_bundle_files
    from mediakit.validation.versions import sha256_hex

    contents = read_bundle(args.bundle)
    manifest = check_bundle_files(contents)
    entries: dict[str, dict[str, Any]] = {}
    requests = [(ref, decisions.CORRECTIONS, text) for ref, text in args.request]
    for ref, decision, text in [(r, decisions.APPROVED, "") for r in args.approve] + requests:
        item_ref, _, channel = ref.partition("@")
        sha = _find(manifest, item_ref)
        entry = entries.setdefault(sha, {"decision": decisions.APPROVED, "comment": "",
                                         "channels": {}})
        if channel:
            entry["channels"][_bundle_channel(channel)] = {"decision": decision,
                                                           "comment": text}
        else:
            entry.update(decision=decision, comment=text)
    for ref, text in args.note:
        entries.setdefault(_find(manifest, ref), {"decision": decisions.APPROVED,
                                                  "channels": {}})["comment"] = text
    if not entries:
        raise MediakitError("aucune décision : utilisez --approve ou --request")
    doc = decisions.new_decision(manifest, sha256_hex(contents[MANIFEST]), args.reviewer,
                                 entries)
    if args.key:
        doc["signature"] = keys.sign(doc["decision"], keys.load_private(args.key))
    out = Path(args.out or Path(args.bundle).with_name(
        f"decision_{manifest['pack_id']}_{args.reviewer.replace(' ', '-')}.json"))
    decisions.dump(doc, out)
    state = "signée" if args.key else "NON signée (mediakit review sign)"
    say(f"décision {state} → {display_path(out)}", clean=False)
    return EXIT_OK


def cmd_sign(args: argparse.Namespace) -> int:
    from mediakit.validation.decisions import sign_file

    out = sign_file(args.decision, args.key, args.out)
    say(f"décision signée → {display_path(out)}", clean=False)
    return EXIT_OK


def cmd_keygen(args: argparse.Namespace) -> int:
    from mediakit.validation import keys

    private, public = keys.generate(args.name, args.out)
    key = keys.load_private(private)
    say(f"clé privée (à garder pour soi) : {display_path(private)}", clean=False)
    say(f"clé publique (à remettre à l'agent) : {display_path(public)}", clean=False)
    say(f"empreinte : {keys.fingerprint(key.public_key())}", clean=False)
    return EXIT_OK


def cmd_add_reviewer(args: argparse.Namespace) -> int:
    from mediakit.validation.keys import add_reviewer

    op = Operation.open(args.dir)
    say(f"relecteur « {args.name.strip()} » enregistré, empreinte "
        f"{add_reviewer(op, args.name, args.pubkey)}", clean=False)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from mediakit.validation.decisions import import_decision

    op = Operation.open(args.dir)
    outcome = import_decision(op, args.decision)
    for name in outcome["validated"]:
        say(f"VALIDÉ {name}", clean=False)
    for name in outcome["corrections"]:
        say(f"CORRECTIONS DEMANDÉES {name}", clean=False)
    say(f"décision de {outcome['reviewer']} importée", clean=False)
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    from mediakit.validation.versions import changes_since_review

    op = Operation.open(args.dir)
    item = op.item(args.item)
    version, lines = changes_since_review(item)
    if version is None:
        say(f"{item['name']}: jamais relu", clean=False)
        return EXIT_OK
    for comment in item.get("review_comments") or []:
        if comment["version"] == version:
            where = f" [{comment['channel']}]" if comment.get("channel") else ""
            say(f"demande de {comment['reviewer']}{where} : {comment['comment']}", clean=False)
    say(f"{item['name']}: {len(lines)} modification(s) depuis la version {version} relue", clean=False)
    for line in lines:
        say(f"  {line}", clean=False)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from mediakit.validation.gate import publication_text, publish

    op = Operation.open(args.dir)
    result = publish(op, channels=_channels(args.channels), items=args.items)
    say(publication_text(result), clean=False)
    return EXIT_OK if result.ok else EXIT_PARTIAL
