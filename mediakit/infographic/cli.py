"""CLI: ``mediakit infographic …`` (render, ``--list``) and ``mediakit charte check|list``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from mediakit.clitext import UsageError, language, say, t, translate, warn
from mediakit.errors import MediakitError, display_path
from mediakit.infographic.charte import list_chartes, load_charte
from mediakit.infographic.compliance import Issue, check_record
from mediakit.infographic.render import parse_formats, render_one, write_outputs
from mediakit.infographic.templates import Template, load_template, read_data, validate_template
from mediakit.infographic.textfit import TextFitError
from mediakit.jsonfile import read_json_object

EXIT_OK, EXIT_FAIL = 0, 1
DEFAULT_CHARTE = "etat"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("infographic", aliases=["infographie"],
                       help="infographie aux couleurs de la charte, dans tous les formats")
    p.add_argument("template", nargs="?", metavar="MODÈLE", help="modèle (voir --list)")
    p.add_argument("--data", metavar="FICHIER", help="champs (JSON, ou CSV champ,valeur / données du graphique) ; "
                                  "données d'exemple si absent")
    p.add_argument("--charte", default=DEFAULT_CHARTE, metavar="CHARTE",
                   help="charte (défaut : etat)")
    p.add_argument("--formats", default="all", metavar="FORMATS",
                   help="all, ou LxH,… et a4 (PDF 300 dpi)")
    p.add_argument("-o", "--out", metavar="DOSSIER", help="dossier de sortie")
    p.add_argument("--force", action="store_true",
                   help="exporter même si la charte n'est pas respectée (écarts consignés)")
    p.add_argument("--list", action="store_true", help="lister les couples charte/modèle")
    p.add_argument("--json", action="store_true", help="sortie JSON (avec --list)")
    p.set_defaults(handler=cmd_infographic, parser=p)

    p = sub.add_parser("charte", help="chartes graphiques : vérifier, lister")
    csub = p.add_subparsers(dest="charte_command", metavar="ACTION", required=True)
    c = csub.add_parser("check", help="vérifier une infographie rendue (.json/.png) ou un modèle")
    c.add_argument("target", metavar="CIBLE",
                   help="fiche .json d'un rendu, image rendue, nom ou fichier de modèle")
    c.add_argument("--charte", metavar="CHARTE",
                   help="charte (défaut : celle du rendu, sinon etat)")
    c.add_argument("--data", metavar="FICHIER",
                   help="données du modèle (défaut : données d'exemple)")
    c.add_argument("--formats", default="all", metavar="FORMATS",
                   help="formats à vérifier pour un modèle")
    c.add_argument("--json", action="store_true", help="sortie JSON")
    c.set_defaults(handler=cmd_charte_check)
    c = csub.add_parser("list", help="lister les chartes disponibles")
    c.add_argument("--json", action="store_true", help="sortie JSON")
    c.set_defaults(handler=cmd_charte_list)


def pairs() -> list[dict[str, str]]:
    return [{"charte": c.name, "template": t} for c in list_chartes()
            for t in sorted(c.template_paths())]


def cmd_infographic(args: argparse.Namespace) -> int:
    if args.list:
        rows = pairs()
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        else:
            for row in rows:
                print(f"{row['charte']:<24} {row['template']}")
        return EXIT_OK
    if not args.template or not args.out:
        raise UsageError("indiquez un modèle et un dossier de sortie (-o), ou --list")
    charte = load_charte(args.charte)
    template = load_template(charte, args.template)
    data, base = _data(template, args.data)
    out = Path(args.out)
    rendered = [render_one(charte, template, data, base, w, h, dpi)
                for w, h, dpi in parse_formats(args.formats)]
    failing = [(r.name, i) for r in rendered for i in r.issues]
    if failing and not args.force:
        for name, issue in failing:
            warn(f"NON CONFORME {name}: {issue.message}")
        raise MediakitError(f"export refusé : {len(failing)} écart(s) à la charte "
                            f"« {charte.name} » (corriger, ou --force pour exporter quand même)")
    for r in rendered:
        files = write_outputs(r, out, forced=bool(r.issues))
        flag = t(" (forcé, non conforme)") if r.issues else ""
        say(f"{display_path(files[0])}{flag}", clean=False)
    for line in typography_lines(rendered):  # already translated; the texts as they are
        print(line)
    return EXIT_OK


def typography_lines(rendered: list[Any]) -> list[str]:
    """What French typography changed in the typed texts, once for all formats."""
    seen: list[dict[str, str]] = []
    for r in rendered:
        seen += [c for c in r.record.get("typography", []) if c not in seen]
    if not seen:
        return []
    return [t("typographie corrigée (le texte saisi est inchangé) :")] + [
        t("  champ « {field} » : « {typed} » → « {shown} »").format(**c) for c in seen]


def _data(template: Template, path: str | None) -> tuple[dict[str, Any], Path]:
    if path:
        return read_data(path, template), Path(path).resolve().parent
    return template.sample_data()


def _issues_of_template(template: Template, charte: Any, data_path: str | None,
                        formats: str) -> dict[str, list[Issue]]:
    data, base = _data(template, data_path)
    results: dict[str, list[Issue]] = {}
    for w, h, dpi in parse_formats(formats):
        name = "a4" if dpi else f"{w}x{h}"
        try:
            results[name] = render_one(charte, template, data, base, w, h, dpi).issues
        except TextFitError as exc:
            results[name] = [Issue("texte", str(exc))]
        except MediakitError as exc:
            results[name] = [Issue("modele", str(exc))]
    return results


def cmd_charte_check(args: argparse.Namespace) -> int:
    target = Path(args.target)
    if target.suffix.lower() in (".png", ".pdf", ".jpg") and target.with_suffix(".json").is_file():
        target = target.with_suffix(".json")
    results: dict[str, list[Issue]]
    if target.is_file() and target.suffix.lower() == ".json":
        doc = read_json_object(target)
        charte = load_charte(args.charte or doc.get("charte") or DEFAULT_CHARTE)
        if "elements" in doc:
            results = {target.name: check_record(doc, charte)}
        elif "variants" in doc:
            template = Template(target.stem, target, doc)
            validate_template(template)
            results = _issues_of_template(template, charte, args.data, args.formats)
        else:
            raise MediakitError(f"{display_path(target)} : ni fiche de rendu ni modèle")
    elif target.exists():
        raise MediakitError(f"{display_path(target)} : fiche .json du rendu introuvable")
    else:
        charte = load_charte(args.charte or DEFAULT_CHARTE)
        results = _issues_of_template(load_template(charte, args.target), charte, args.data,
                                      args.formats)
    total = sum(len(v) for v in results.values())
    if args.json:
        print(json.dumps({"charte": charte.name, "ok": total == 0, "results": {
            k: [{"code": i.code, "message": i.message, "element": i.element} for i in v]
            for k, v in results.items()}}, ensure_ascii=False, indent=1))
    else:
        for name, issues in results.items():
            say(f"{'OK' if not issues else t('NON CONFORME')}  {name}", clean=False)
            for issue in issues:
                say(f"  - {translate(issue.message)}", clean=False)
        say(t("{n} écart(s) à la charte « {name} »", n=total, name=charte.name), clean=False)
    return EXIT_OK if total == 0 else EXIT_FAIL


def cmd_charte_list(args: argparse.Namespace) -> int:
    rows = []
    for c in list_chartes():
        logo = c.logo_image()[1]
        fonts = {t: ("originale" if c.font_file(t, "regular")[1] else "substitution")
                 for t in c.data["typefaces"]}
        rows.append({"charte": c.name, "title": c.title, "folder": str(c.folder),
                     "templates": sorted(c.template_paths()), "bloc_marque": logo,
                     "fonts": fonts})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            colon = " : " if language() == "fr" else ": "
            fonts = ", ".join(f"{k}{colon}{t(v)}" for k, v in r["fonts"].items())
            say(t("{charte} {title} — bloc-marque {logo}, polices {fonts}, {n} modèle(s)",
                  charte=f"{r['charte']:<22}", title=t(r["title"]), logo=t(r["bloc_marque"]),
                  fonts=fonts, n=len(r["templates"])), clean=False)
    return EXIT_OK
