"""Import photos and rushes into an operation: copied once, verified, read-only, by SHA-256.

The sources are only ever opened for reading. Each bad file gets a one-line message naming
it and the reason, and the import goes on with the others.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediakit.atomic import atomic_path, file_sha256
from mediakit.errors import Cancelled, MediaError, display_path
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.library.thumbnails import photo_thumbnail, video_poster
from mediakit.media.images import open_image
from mediakit.media.kinds import PHOTO, VIDEO, kind_of
from mediakit.media.probe import check_video_decodes, photo_info, video_info

CHUNK = 1 << 20
MAX_NAME = 80

Progress = Callable[[int, int, str], None]


@dataclass
class ImportReport:
    """What happened to each source file."""

    imported: list[str] = field(default_factory=list)  # hashes
    duplicates: list[str] = field(default_factory=list)  # messages
    skipped: list[str] = field(default_factory=list)  # messages (not media files)
    failed: list[str] = field(default_factory=list)  # messages

    @property
    def ok(self) -> bool:
        return not self.failed


def iter_sources(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under ``sources`` (files or folders, recursive, sorted, hidden files left)."""
    for src in sources:
        src = Path(src)
        if src.is_dir():
            for dirpath, dirnames, filenames in os.walk(src):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.startswith("."):
                        yield Path(dirpath) / name
        else:
            yield src


def import_files(op: Operation, sources: Iterable[str | Path], *,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 on_message: Callable[[str], None] | None = None) -> ImportReport:
    """Import ``sources`` into ``op`` and save the project after each file.

    ``progress(done, total, name)`` is called per file; ``cancelled()`` is polled between
    files (raises Cancelled, the files already imported stay). ``on_message`` gets every
    one-line message as it happens.
    """
    files = list(iter_sources(sources))
    report = ImportReport()
    say = on_message or (lambda _msg: None)
    for index, path in enumerate(files):
        if cancelled and cancelled():
            raise Cancelled("import annulé")
        if progress:
            progress(index, len(files), display_path(path.name))
        kind = kind_of(path)
        if kind is None:
            msg = f"{display_path(path)}: ignoré (type de fichier non pris en charge)"
            report.skipped.append(msg)
            say(msg)
            continue
        try:
            sha = import_one(op, path, kind, report)
        except MediaError as exc:
            report.failed.append(str(exc))
            say(f"ÉCHEC {exc}")
            continue
        if sha is None:
            say(report.duplicates[-1])
        else:
            say(f"importé {display_path(path)} → {op.items[sha]['path']}")
    if progress:
        progress(len(files), len(files), "")
    return report


def import_one(op: Operation, path: Path, kind: str, report: ImportReport) -> str | None:
    """Import one file; returns its hash, or None for a duplicate."""
    if path.is_symlink() and not path.exists():
        raise MediaError(path, "lien symbolique cassé")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MediaError(path, f"inaccessible ({exc.strerror})") from exc
    if size == 0:
        raise MediaError(path, "fichier vide (0 octet)")
    if not os.access(path, os.R_OK):
        raise MediaError(path, "lecture interdite (permissions)")
    sha = sha256_file(path)
    op.refresh()  # another process may have imported it meanwhile
    if sha in op.items:
        return _duplicate(op, path, sha, report)
    info = probe(path, kind)
    dest = op.originals_dir / f"{sha[:12]}-{safe_name(path.name)}"
    copy_verified(path, dest, sha)
    item: dict[str, Any] = {
        "sha256": sha,
        "kind": kind,
        "name": display_path(path.name),
        "source": display_path(path),
        "path": dest.relative_to(op.root).as_posix(),
        "size": size,
        "imported": now_iso(),
        "info": info,
        "status": "to_anonymize",
        "tags": [],
    }
    try:
        make_thumbnail(op, sha, dest, kind, info)
        item["thumb"] = op.thumb_path(sha).relative_to(op.root).as_posix()
    except MediaError:
        item["thumb"] = None  # a missing thumbnail never blocks an import
    # listed and logged together, once the original is in place: a crash before this commit
    # leaves an unlisted copy, reused by the next import of the same file
    with op.doc.transaction(f"importer {item['name']}"):
        if sha in op.items:  # imported by another process while this one copied it
            return _duplicate(op, path, sha, report)
        op.doc.set(("items", sha), item)
        audit.record(op.root, "import", item=sha, name=item["name"], source=item["source"],
                     size=size, kind=kind)
    report.imported.append(sha)
    return sha


def _duplicate(op: Operation, path: Path, sha: str, report: ImportReport) -> None:
    msg = f"{display_path(path)}: déjà importé (identique à {op.items[sha]['path']}), ignoré"
    report.duplicates.append(msg)
    return None


def probe(path: Path, kind: str) -> dict[str, Any]:
    """Validate the file fully and read its facts; MediaError if it cannot be used."""
    if kind == PHOTO:
        img = open_image(path)
        try:
            return photo_info(img)
        finally:
            img.close()
    info = video_info(path)
    check_video_decodes(path, info["duration"])
    return info


def make_thumbnail(op: Operation, sha: str, original: Path, kind: str,
                   info: dict[str, Any]) -> Path:
    """(Re)build the cached thumbnail of an item."""
    out = op.thumb_path(sha)
    if kind == VIDEO:
        return video_poster(original, out, info.get("duration") or 0.0)
    img = open_image(original)
    try:
        return photo_thumbnail(img, out)
    finally:
        img.close()


def copy_verified(src: Path, dest: Path, sha: str) -> None:
    """Copy ``src`` to ``dest`` through a temporary file, check the copy's hash, make it
    read-only. The source is only read."""
    if dest.exists():
        if sha256_file(dest) == sha:
            return
        raise MediaError(dest, "un autre fichier occupe déjà cet emplacement")
    try:
        with atomic_path(dest) as tmp:
            with open(src, "rb") as fin, open(tmp, "wb") as fout:
                shutil.copyfileobj(fin, fout, CHUNK)
            if sha256_file(tmp) != sha:
                raise MediaError(src, "la copie ne correspond pas à l'original (support instable ?)")
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    except OSError as exc:
        raise MediaError(src, f"copie impossible ({exc.strerror or exc})") from exc


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    try:
        return file_sha256(path, CHUNK)
    except PermissionError as exc:
        raise MediaError(path, "lecture interdite (permissions)") from exc
    except OSError as exc:
        raise MediaError(path, f"lecture impossible ({exc.strerror or exc})") from exc


def safe_name(name: str) -> str:
    """A portable file name: valid UTF-8, no separators or control characters, short."""
    name = display_path(name)
    name = unicodedata.normalize("NFC", name).replace("\ufffd", "_")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = re.sub(r"[^\w.\- ()]+", "_", stem).strip(" ._") or "fichier"
    ext = re.sub(r"[^\w]+", "", ext)[:8].lower()
    while len(stem.encode("utf-8")) > MAX_NAME - len(ext) - 1:
        stem = stem[:-1]
    return f"{stem}.{ext}" if ext else stem
