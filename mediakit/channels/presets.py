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


def get_preset(name: str) -> dict[str, Any]:
    presets = load_presets()
    if name not in presets:
        raise MediakitError(f"{name}: canal inconnu (canaux : {', '.join(sorted(presets))})")
    return presets[name]


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
