"""Pack manifests: the SHA-256 of every bundle file and the version of each item, kept in the
operation (``review/packs/<pack_id>/``) so a decision can be checked against what was sent."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mediakit.atomic import file_sha256
from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.validation.versions import sha256_hex

FORMAT = "mediakit-review-pack/1"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
PAGE = "index.html"
PACK_ID = re.compile(r"[0-9A-Za-z-]{6,64}")


def pack_dir(op: Operation, pack_id: str) -> Path:
    return op.root / "review" / "packs" / pack_id


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def files_table(folder: Path, exclude: set[str]) -> dict[str, str]:
    """{relative posix path: sha256} of every file under ``folder`` except ``exclude``."""
    table = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel not in exclude:
            table[rel] = file_sha256(path)
    return table


def sums_text(table: dict[str, str]) -> str:
    """``sha256sum``-compatible lines (checkable with ``sha256sum -c SHA256SUMS``)."""
    return "".join(f"{digest}  {rel}\n" for rel, digest in sorted(table.items()))


def parse_sums(text: str) -> dict[str, str]:
    table = {}
    for line in text.splitlines():
        if line.strip():
            digest, _, rel = line.partition("  ")
            table[rel] = digest
    return table


def check_bundle_files(contents: dict[str, bytes]) -> dict[str, Any]:
    """Verify a bundle's files (name → bytes) against its SHA256SUMS and manifest; returns the
    manifest. Raises MediakitError naming the first altered, missing or unlisted file."""
    if SUMS not in contents or MANIFEST not in contents:
        raise MediakitError("paquet incomplet : manifest.json ou SHA256SUMS absent")
    listed = parse_sums(contents[SUMS].decode("utf-8", "replace"))
    for rel in sorted(set(contents) - {SUMS}):
        if rel not in listed:
            raise MediakitError(f"paquet altéré : {rel} n'est pas listé dans SHA256SUMS")
        if sha256_hex(contents[rel]) != listed[rel]:
            raise MediakitError(f"paquet altéré : {rel} ne correspond pas à son empreinte")
    missing = sorted(set(listed) - set(contents))
    if missing:
        raise MediakitError(f"paquet incomplet : {missing[0]} manque")
    try:
        manifest = json.loads(contents[MANIFEST])
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MediakitError(f"paquet altéré : manifest.json illisible ({exc})") from exc
    if manifest.get("format") != FORMAT:
        raise MediakitError("paquet : format de manifeste inconnu")
    for rel, digest in manifest.get("files", {}).items():
        if listed.get(rel) != digest:
            raise MediakitError(f"paquet altéré : {rel} diffère du manifeste")
    return manifest


def load_pack_manifest(op: Operation, pack_id: str) -> tuple[dict[str, Any], str]:
    """The stored manifest of a pack and its SHA-256 (MediakitError when unknown)."""
    if not isinstance(pack_id, str) or not PACK_ID.fullmatch(pack_id) \
            or not (pack_dir(op, pack_id) / MANIFEST).is_file():
        raise MediakitError(f"paquet {pack_id} inconnu dans cette opération")
    path = pack_dir(op, pack_id) / MANIFEST
    data = path.read_bytes()
    return json.loads(data), sha256_hex(data)


def manifest_item(manifest: dict[str, Any], sha: str) -> dict[str, Any] | None:
    for entry in manifest.get("items", []):
        if entry["item"] == sha:
            return entry
    return None
