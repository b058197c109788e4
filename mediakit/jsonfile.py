"""Reading a JSON object from a file, with a one-line error that names the file and the
reason (unreadable, invalid JSON with its line, not an object)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mediakit.errors import MediakitError, display_path


def read_json_object(path: str | Path, what: str = "fichier",
                     error: type[Exception] = MediakitError) -> dict[str, Any]:
    """The JSON object in ``path``; ``error`` with a French message otherwise."""
    name = display_path(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{name}: {what} illisible ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{name}: {what} illisible (pas du texte UTF-8)") from exc
    except json.JSONDecodeError as exc:
        raise error(f"{name}: {what} illisible, JSON invalide ligne {exc.lineno} "
                    f"({exc.msg})") from exc
    if not isinstance(data, dict):
        raise error(f"{name}: {what} illisible, un objet JSON est attendu")
    return data
