"""Charte graphique as data: find, load and validate ``charte/<name>/charte.json``.

A charte folder holds ``charte.json`` (palette, typefaces, bloc-marque rules, margins,
mandatory mentions), its assets and ``templates/``. ``"extends": "etat"`` inherits every
key and template of another charte, so a service variant only states what differs.

Search order (a later folder overrides an earlier one by charte name): the bundled
``charte/`` folder of the repository, ``~/.config/mediakit/chartes``, then the folders
listed in ``MEDIAKIT_CHARTES`` (separated by ``os.pathsep``).

Restricted State assets (the Marianne typeface, the official bloc-marque) are never
bundled: they are looked up in the user's folder (``MEDIAKIT_MARQUE_DIR``, else the
charte's ``user_assets_dir``, else ``~/.config/mediakit/marque``); open fallbacks are used
when they are missing.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image

from mediakit.errors import MediakitError
from mediakit.infographic.colours import is_hex, normalise_hex
from mediakit.jsonfile import read_json_object

BUNDLED = Path(__file__).resolve().parents[2] / "charte"
CHARTE_FILE = "charte.json"
WEIGHTS = ("regular", "bold", "extrabold", "italic")


class CharteError(MediakitError):
    """A charte or one of its files cannot be used."""


def search_dirs() -> list[Path]:
    dirs = [BUNDLED, Path.home() / ".config" / "mediakit" / "chartes"]
    env = os.environ.get("MEDIAKIT_CHARTES")
    if env:
        dirs += [Path(p).expanduser() for p in env.split(os.pathsep) if p]
    return dirs


def charte_folders() -> dict[str, Path]:
    """Every charte folder by name (later search folders override earlier ones)."""
    found: dict[str, Path] = {}
    for root in search_dirs():
        if root.is_dir():
            for sub in sorted(root.iterdir()):
                if (sub / CHARTE_FILE).is_file():
                    found[sub.name] = sub
    return found


def _read_json(path: Path) -> dict[str, Any]:
    return read_json_object(path, "charte", CharteError)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@dataclass(frozen=True)
class FontRole:
    """A text role (title, figure, body…): typeface, weight, sizes in units (1 u = 1 % of
    the canvas' short side) and line spacing."""

    name: str
    typeface: str
    weight: str
    min_size: float
    leading: float = 1.2
    uppercase: bool = False


@dataclass
class Charte:
    """A loaded, validated charte."""

    name: str
    folder: Path
    data: dict[str, Any]
    chain: list[Path] = field(default_factory=list)  # own folder first, then ancestors

    # ------------------------------------------------------------------ basic fields
    @property
    def title(self) -> str:
        return str(self.data.get("title", self.name))

    @property
    def palette(self) -> dict[str, dict[str, Any]]:
        return self.data["palette"]

    @property
    def palette_hexes(self) -> set[str]:
        return {normalise_hex(c["hex"]) for c in self.palette.values()}

    @property
    def margin(self) -> float:
        return float(self.data["layout"]["margin"])

    @property
    def min_text_px(self) -> float:
        return float(self.data["layout"].get("min_text_px", 0))

    @property
    def mentions(self) -> list[dict[str, Any]]:
        return list(self.data.get("mentions", []))

    @property
    def logo(self) -> dict[str, Any]:
        return self.data["bloc_marque"]

    def colour(self, ref: str) -> str:
        """Hex value of a colour role, palette name or palette hex; anything else is refused."""
        roles = self.data.get("roles", {})
        name = roles.get(ref, ref)
        if name in self.palette:
            return normalise_hex(self.palette[name]["hex"])
        if is_hex(name) and normalise_hex(name) in self.palette_hexes:
            return normalise_hex(name)
        raise CharteError(f"couleur « {ref} » hors de la charte « {self.name} » "
                          f"(rôles : {', '.join(sorted(roles))})")

    def colour_name(self, hex_value: str) -> str:
        for name, c in self.palette.items():
            if normalise_hex(c["hex"]) == normalise_hex(hex_value):
                return str(c.get("label", name))
        return hex_value

    def font_role(self, role: str) -> FontRole:
        spec = self.data["fonts"].get(role)
        if spec is None:
            raise CharteError(f"rôle typographique « {role} » absent de la charte « {self.name} »")
        return FontRole(role, spec["typeface"], spec.get("weight", "regular"),
                        float(spec["min_size"]), float(spec.get("leading", 1.2)),
                        bool(spec.get("uppercase", False)))

    # ------------------------------------------------------------------ files
    def find_file(self, rel: str) -> Path | None:
        """A bundled file, searched in this charte, its ancestors, then the shared ``charte/``."""
        for folder in self.chain:
            for base in (folder, folder.parent):
                path = base / rel
                if path.is_file():
                    return path
        path = BUNDLED / rel
        return path if path.is_file() else None

    def user_assets_dir(self) -> Path:
        env = os.environ.get("MEDIAKIT_MARQUE_DIR")
        if env:
            return Path(env).expanduser()
        configured = self.data.get("user_assets_dir")
        if configured:
            return Path(os.path.expandvars(str(configured))).expanduser()
        return Path.home() / ".config" / "mediakit" / "marque"

    def font_file(self, typeface: str, weight: str) -> tuple[Path, bool]:
        """Font file for a typeface and weight, and whether it is the restricted original."""
        face = self.data["typefaces"][typeface]
        restricted = face.get("restricted_files", {})
        if weight in restricted:
            path = self.user_assets_dir() / restricted[weight]
            if path.is_file():
                return path, True
        fallback = face.get("fallback_files", {})
        rel = fallback.get(weight) or fallback.get("regular")
        path = self.find_file(rel) if rel else None
        if path is None:
            raise CharteError(f"charte « {self.name} » : fichier de police introuvable pour "
                              f"{typeface}/{weight} ({rel})")
        return path, False

    def logo_image(self) -> tuple[Image.Image, str]:
        """The bloc-marque (RGBA) and its source: ``officiel`` or ``provisoire``."""
        official = self.logo.get("official_file")
        if official:
            path = self.user_assets_dir() / official
            if path.is_file():
                return _load_rgba(path), "officiel"
        rel = self.logo["placeholder_file"]
        path = self.find_file(rel)
        if path is None:
            raise CharteError(f"charte « {self.name} » : bloc-marque introuvable ({rel})")
        return _load_rgba(path), "provisoire"

    def logo_versions(self) -> list[str]:
        """Names of the bloc-marque's versions: ``standard`` then ``bloc_marque.versions``."""
        return ["standard", *self.logo.get("versions", {})]

    def logo_version(self, version: str = "standard") -> tuple[Path, str, str] | None:
        """File, source (``officiel``/``provisoire``) and ink colour (hex) of a bloc-marque
        version; None when it has no file. The official file of a version is used when the
        user has it; the placeholder of that version otherwise, and never the official
        file of another version (a bloc-marque is never recoloured)."""
        spec = self.logo if version == "standard" else self.logo.get("versions", {}).get(version)
        if spec is None:
            raise CharteError(f"charte « {self.name} » : version « {version} » du bloc-marque "
                              f"inconnue ({', '.join(self.logo_versions())})")
        ink = self.colour(str(spec.get("ink", "text")))
        official = spec.get("official_file")
        if official and (self.user_assets_dir() / official).is_file():
            return self.user_assets_dir() / official, "officiel", ink
        if official and version != "standard" and self.logo.get("official_file") and \
                (self.user_assets_dir() / self.logo["official_file"]).is_file():
            return None  # the official standard version without its own reversed file
        rel = spec.get("placeholder_file")
        path = self.find_file(rel) if rel else None
        return (path, "provisoire", ink) if path else None

    @property
    def video(self) -> dict[str, Any]:
        """Rules for titles, lower-thirds and the bloc-marque over moving pictures."""
        return dict(self.data.get("video", {}))

    def template_paths(self) -> dict[str, Path]:
        """Templates by name; the charte's own override inherited ones."""
        found: dict[str, Path] = {}
        for folder in reversed(self.chain):
            tdir = folder / "templates"
            if tdir.is_dir():
                for path in sorted(tdir.glob("*.json")):
                    if not path.name.endswith(".sample.json"):
                        found[path.stem] = path
        return found


@cache
def _load_rgba_cached(path: str, mtime: float) -> Image.Image:
    with Image.open(path) as im:
        return im.convert("RGBA")


def _load_rgba(path: Path) -> Image.Image:
    return _load_rgba_cached(str(path), path.stat().st_mtime)


REQUIRED = ("palette", "roles", "typefaces", "fonts", "bloc_marque", "layout")
REQUIRED_ROLES = ("primary", "accent", "text", "background")


def validate(charte: Charte) -> None:
    """Raise :class:`CharteError` naming the first inconsistent field."""
    data, name = charte.data, charte.name
    for key in REQUIRED:
        if key not in data:
            raise CharteError(f"charte « {name} » : champ « {key} » manquant")
    for cname, spec in data["palette"].items():
        if not is_hex(spec.get("hex")):
            raise CharteError(f"charte « {name} » : couleur « {cname} » sans valeur #rrggbb")
    for role in REQUIRED_ROLES:
        if role not in data["roles"]:
            raise CharteError(f"charte « {name} » : rôle de couleur « {role} » manquant")
    for role, cname in data["roles"].items():
        if cname not in data["palette"]:
            raise CharteError(f"charte « {name} » : le rôle « {role} » désigne « {cname} », "
                              f"absent de la palette")
    for role, spec in data["fonts"].items():
        if spec.get("typeface") not in data["typefaces"]:
            raise CharteError(f"charte « {name} » : le rôle typographique « {role} » désigne "
                              f"une police inconnue")
        if spec.get("weight", "regular") not in WEIGHTS:
            raise CharteError(f"charte « {name} » : graisse inconnue pour « {role} »")
        if not isinstance(spec.get("min_size"), int | float):
            raise CharteError(f"charte « {name} » : taille minimale manquante pour « {role} »")
        charte.font_file(spec["typeface"], spec.get("weight", "regular"))
    if "margin" not in data["layout"]:
        raise CharteError(f"charte « {name} » : marge (layout.margin) manquante")
    for key in ("placeholder_file", "width", "clear_space", "position"):
        if key not in data["bloc_marque"]:
            raise CharteError(f"charte « {name} » : bloc_marque.{key} manquant")
    charte.logo_image()
    _validate_video(charte)


def _validate_video(charte: Charte) -> None:
    """The bloc-marque's versions and the ``video`` rules name palette colours and known
    versions (both optional)."""
    logo, video = charte.data["bloc_marque"], charte.video
    for version in charte.logo_versions():
        spec = logo if version == "standard" else logo["versions"][version]
        charte.colour(str(spec.get("ink", "text")))
    for ref in video.get("text_colours", []):
        charte.colour(str(ref))
    for key in ("cartouche", "lower_third"):
        for field_name in ("colour", "accent"):
            if field_name in video.get(key, {}):
                charte.colour(str(video[key][field_name]))
    rules = video.get("bloc_marque", {})
    if "colour" in rules.get("cartouche", {}):
        charte.colour(str(rules["cartouche"]["colour"]))
    for key in ("on_light", "on_dark", "over_footage"):
        choice = rules.get(key)
        if choice is not None and choice != "cartouche" and choice not in charte.logo_versions():
            raise CharteError(f"charte « {charte.name} » : video.bloc_marque.{key} désigne "
                              f"« {choice} », ni « cartouche » ni une version du bloc-marque "
                              f"({', '.join(charte.logo_versions())})")
    if "min_contrast" in video and not isinstance(video["min_contrast"], int | float):
        raise CharteError(f"charte « {charte.name} » : video.min_contrast doit être un nombre")


def load_charte(name: str) -> Charte:
    """Load and validate a charte by name (or by folder path)."""
    folders = charte_folders()
    candidate = Path(name)
    if (candidate / CHARTE_FILE).is_file():
        folder = candidate
    elif name in folders:
        folder = folders[name]
    else:
        raise CharteError(f"charte « {name} » inconnue (chartes : {', '.join(sorted(folders))})")
    data, chain, seen = _read_json(folder / CHARTE_FILE), [folder], {folder.name}
    parent = data.get("extends")
    while parent:
        if parent in seen or parent not in folders:
            raise CharteError(f"charte « {folder.name} » : parent « {parent} » introuvable "
                              f"ou circulaire")
        seen.add(parent)
        pdata = _read_json(folders[parent] / CHARTE_FILE)
        chain.append(folders[parent])
        data = _merge(pdata, data)
        parent = pdata.get("extends")
    data.pop("extends", None)
    charte = Charte(folder.name, folder, data, chain)
    validate(charte)
    return charte


def list_chartes() -> list[Charte]:
    return [load_charte(name) for name in charte_folders()]
