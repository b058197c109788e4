"""Templates as data: ``charte/<name>/templates/<template>.json`` plus sample data.

A template lists its fields and, per aspect variant (``square``, ``portrait``, ``tall``,
``landscape``), the blocks to place. Sample data sit beside it as
``<template>.sample.json`` (paths inside are relative to that file).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediakit.errors import MediakitError, display_path
from mediakit.infographic.charte import Charte, CharteError
from mediakit.jsonfile import read_json_object

VARIANT_FALLBACKS = {
    "tall": ("tall", "portrait", "square"),
    "portrait": ("portrait", "square"),
    "square": ("square",),
    "landscape": ("landscape", "square"),
}
BLOCK_TYPES = ("rect", "text", "logo", "image", "figures", "list", "chart", "mention", "icon",
               "rule")


def aspect_variant(width: int, height: int) -> str:
    ratio = height / width
    if ratio >= 1.6:
        return "tall"
    if ratio >= 1.15:
        return "portrait"
    if ratio > 0.87:
        return "square"
    return "landscape"


@dataclass
class Template:
    name: str
    path: Path
    data: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.data.get("title", self.name))

    @property
    def fields(self) -> dict[str, dict[str, Any]]:
        return self.data.get("fields", {})

    @property
    def sample_path(self) -> Path:
        return self.path.with_name(f"{self.name}.sample.json")

    def variant(self, width: int, height: int) -> tuple[str, list[dict[str, Any]]]:
        variants = self.data["variants"]
        for name in VARIANT_FALLBACKS[aspect_variant(width, height)]:
            if name in variants:
                return name, variants[name]["blocks"]
        raise MediakitError(f"modèle « {self.name} » : aucune variante pour {width}×{height}")

    def sample_data(self) -> tuple[dict[str, Any], Path]:
        if not self.sample_path.is_file():
            raise MediakitError(f"modèle « {self.name} » : pas de données d'exemple "
                                f"({display_path(self.sample_path)}) — utiliser --data")
        return read_data(self.sample_path, self), self.sample_path.parent


def load_template(charte: Charte, name: str) -> Template:
    paths = charte.template_paths()
    if name not in paths:
        raise MediakitError(f"modèle « {name} » inconnu pour la charte « {charte.name} » "
                            f"(modèles : {', '.join(sorted(paths))})")
    path = paths[name]
    data = read_json_object(path, "modèle", CharteError)
    template = Template(name, path, data)
    validate_template(template)
    return template


def validate_template(template: Template) -> None:
    data, name = template.data, template.name
    if not isinstance(data.get("variants"), dict) or "square" not in data["variants"]:
        raise CharteError(f"modèle « {name} » : variante « square » obligatoire")
    for vname, variant in data["variants"].items():
        if vname not in VARIANT_FALLBACKS:
            raise CharteError(f"modèle « {name} » : variante inconnue « {vname} »")
        for i, block in enumerate(variant.get("blocks", []), start=1):
            btype = block.get("type")
            if btype not in BLOCK_TYPES:
                raise CharteError(f"modèle « {name} », variante {vname}, bloc {i} : type "
                                  f"« {btype} » inconnu")
            if btype not in ("logo",) and len(block.get("box", [])) != 4:
                raise CharteError(f"modèle « {name} », variante {vname}, bloc {i} : « box » "
                                  f"[x, y, l, h] attendu")
            field = block.get("field")
            if field and field not in template.fields:
                raise CharteError(f"modèle « {name} », variante {vname}, bloc {i} : champ "
                                  f"« {field} » non déclaré dans « fields »")


def read_data(path: str | Path, template: Template) -> dict[str, Any]:
    """Fields from JSON, or from CSV: ``champ,valeur`` rows, or a chart's data series."""
    path = Path(path)
    if not path.is_file():
        raise MediakitError(f"{display_path(path)} : fichier de données introuvable")
    try:
        if path.suffix.lower() == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as fh:
                rows = [r for r in csv.reader(fh) if r]
            if rows and [c.strip().lower() for c in rows[0][:2]] == ["champ", "valeur"]:
                return {r[0].strip(): r[1] for r in rows[1:] if len(r) >= 2}
            chart = [f for f, spec in template.fields.items() if spec.get("type") == "chart"]
            if not chart:
                raise MediakitError(f"{display_path(path)} : CSV « champ,valeur » attendu "
                                    f"pour le modèle « {template.name} »")
            return {chart[0]: str(path.resolve())}
    except OSError as exc:
        raise MediakitError(f"{display_path(path)} : illisible ({exc.strerror})") from exc
    return read_json_object(path, "fichier de champs")
