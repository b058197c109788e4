"""Deliverables: a montage render or an infographic kept in the operation as an item
(``"kind": "montage"`` / ``"infographic"``), so export per channel, the review pack and
publication take it like a photo or a rush. Its review state derives from its ``sources``
(the items it shows); a new render of the same name replaces the previous one (new content,
so any approval of the old one no longer applies)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mediakit.atomic import atomic_path, file_sha256
from mediakit.errors import MediakitError, display_path
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso

MONTAGE, INFOGRAPHIC = "montage", "infographic"
KINDS = (MONTAGE, INFOGRAPHIC)
RENDERS_DIR = "renders"


def register(op: Operation, path: str | Path, kind: str, name: str,
             sources: list[str], *, extra: dict[str, Any] | None = None) -> str:
    """Keep the rendered file ``path`` as the deliverable ``name``; returns its sha.

    A file outside the operation's ``renders/`` folder is copied there first (the item
    must not depend on a file the user may move). ``extra`` adds facts to the item (its
    alt text, the channels it was made for…), never over the keys set here."""
    if kind not in KINDS:
        raise MediakitError(f"{name} : genre de livrable inconnu ({kind})")
    path = Path(path)
    if not path.is_file():
        raise MediakitError(f"{display_path(path)} : rendu introuvable")
    renders = op.root / RENDERS_DIR
    if path.resolve().parent != renders.resolve():
        target = renders / path.name
        with atomic_path(target) as tmp:
            shutil.copyfile(path, tmp)
        path = target
    sha = file_sha256(path)
    info = _info(path, kind)
    with op.doc.transaction(f"livrable {name}"):  # read inside: another process may edit
        old = [s for s, it in op.items.items()
               if it.get("kind") == kind and it.get("name") == name]
        for stale in old:
            if stale != sha:
                op.doc.delete(("items", stale))
        op.doc.set(("items", sha), {
            **(extra or {}), "sha256": sha, "name": name, "kind": kind,
            "path": path.relative_to(op.root).as_posix(), "sources": list(sources),
            "created": now_iso(), "info": info, "status": "to_anonymize"})
        audit.record(op.root, f"{kind}_registered", item=sha, name=name, sources=sources,
                     replaced=[s for s in old if s != sha])
    return sha


def _info(path: Path, kind: str) -> dict:
    if kind == MONTAGE:
        from mediakit.media.probe import video_info

        facts = video_info(path)
        return {k: facts.get(k) for k in ("width", "height", "duration", "fps")}
    from PIL import Image

    with Image.open(path) as img:
        return {"width": img.width, "height": img.height}
