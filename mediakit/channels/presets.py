"""Channel presets: one editable, versioned JSON file per channel.

Bundled presets live beside this module; a user's folder (``MEDIAKIT_PRESETS`` or
``~/.config/mediakit/presets``) may add channels or override bundled ones by file name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mediakit.errors import MediakitError
from mediakit.jsonfile import read_json_object

BUNDLED = Path(__file__).with_name("presets")


def user_dir() -> Path:
    env = os.environ.get("MEDIAKIT_PRESETS")
    return Path(env) if env else Path.home() / ".config" / "mediakit" / "presets"


def load_presets() -> dict[str, dict[str, Any]]:
    """All presets by name (user files override bundled ones)."""
    presets: dict[str, dict[str, Any]] = {}
    for folder in (BUNDLED, user_dir()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            data = read_json_object(path, "préréglage")
            data.setdefault("name", path.stem)
            data["file"] = str(path)
            presets[data["name"]] = data
    return presets


# French (and usual) names of the bundled channels; a preset may add its own ("aliases")
ALIASES = {"presse": "press", "journaux": "press", "twitter": "x", "instagram": "instagram-feed",
           "insta": "instagram-feed", "fil-instagram": "instagram-feed",
           "instagram-fil": "instagram-feed", "story": "instagram-story",
           "stories": "instagram-story", "instagram-stories": "instagram-story",
           "reel": "instagram-reel", "reels": "instagram-reel", "réel": "instagram-reel",
           "shorts": "youtube-shorts", "youtube-short": "youtube-shorts", "fb": "facebook"}


def _key(text: str) -> str:
    """A channel name as compared: lower case, spaces and underscores as hyphens."""
    return "-".join(text.strip().lower().replace("_", " ").split())


def resolve_channel(name: str, presets: dict[str, dict[str, Any]] | None = None) -> str:
    """The preset name that ``name`` designates: exact, any case (« X »), a French or usual
    name (« presse », « instagram », « story »), its label (« Instagram (fil) ») or a unique
    beginning (« link »); MediakitError naming the known channels otherwise."""
    presets = load_presets() if presets is None else presets
    if name in presets:
        return name
    key = _key(name)
    by_key: dict[str, str] = {}
    for preset_name, preset in presets.items():
        names = [preset_name, str(preset.get("label") or "")] + list(preset.get("aliases") or [])
        for other in names:
            if other:
                by_key.setdefault(_key(other), preset_name)
    for alias, target in ALIASES.items():
        if target in presets:
            by_key.setdefault(_key(alias), target)
    if key in by_key:
        return by_key[key]
    starts = sorted({target for k, target in by_key.items() if key and k.startswith(key)})
    if len(starts) == 1:
        return starts[0]
    known = ", ".join(sorted(presets))
    if starts:
        raise MediakitError(f"« {name} » : canal ambigu ({', '.join(starts)}) ; précisez")
    raise MediakitError(f"« {name} » : canal inconnu (canaux : {known})")


def resolve_channels(names: list[str]) -> list[str]:
    """Each name resolved (``all`` kept as is), duplicates dropped, order kept."""
    if names == ["all"] or [n.strip().lower() for n in names] in (["all"], ["tous"]):
        return ["all"]
    presets = load_presets()
    out: list[str] = []
    for name in names:
        resolved = resolve_channel(name, presets)
        if resolved not in out:
            out.append(resolved)
    return out


def get_preset(name: str) -> dict[str, Any]:
    """The preset of a channel, by any name :func:`resolve_channel` accepts."""
    presets = load_presets()
    return presets[resolve_channel(name, presets)]


def still_formats() -> list[dict[str, Any]]:
    """Distinct still pixel sizes of all channels: ``[{"width", "height", "channels"}]``."""
    sizes: dict[tuple[int, int], list[str]] = {}
    for name, preset in load_presets().items():
        still = preset.get("still") or {}
        pairs = [(still.get("width"), still.get("height"))]
        pairs += [tuple(a) for a in still.get("alternatives", [])]
        for w, h in pairs:
            if w and h:
                sizes.setdefault((int(w), int(h)), []).append(name)
    return [{"width": w, "height": h, "channels": ch} for (w, h), ch in sorted(sizes.items())]
