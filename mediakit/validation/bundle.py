"""Review bundles: for the items proposed for publication, masked previews and the exported
files per channel, texts, anonymisation and metadata summaries, a contact sheet PDF, an
offline HTML page and a manifest of SHA-256s, zipped; the manifest is kept in the operation."""

from __future__ import annotations

import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image

from mediakit.atomic import atomic_path, write_bytes_atomic
from mediakit.channels.naming import slug
from mediakit.errors import MediakitError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.library.status import item_status, state
from mediakit.media.ffmpeg import run_ffmpeg
from mediakit.media.kinds import PHOTO
from mediakit.privacy.review_gate import require_reviewed
from mediakit.validation import contact_sheet, html_page, versions
from mediakit.validation.keys import reviewers
from mediakit.validation.manifest import (
    FORMAT,
    MANIFEST,
    PAGE,
    SUMS,
    files_table,
    manifest_bytes,
    pack_dir,
    sums_text,
)
from mediakit.validation.summary import anonymisation, metadata_report

SHEET = "planche-contact.pdf"
PREVIEW_SIDE = 1600
STORED = (".jpg", ".jpeg", ".png", ".webp", ".mp4", ".pdf")  # already compressed
RED, BLACK = (200, 0, 0), (20, 20, 20)


@dataclass
class PackResult:
    pack_id: str
    bundle: Path
    manifest_sha256: str
    items: dict[str, int]  # sha → version
    failed: list[str]


def new_pack_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


def pack(op: Operation, out: str | Path, *, items: list[str] | None = None,
         channels: list[str] | None = None, workers: int = 2, force: bool = False,
         reason: str | None = None) -> PackResult:
    """Build the review bundle ``out`` (zip) for ``items`` (default: all) and ``channels``.

    Only items that passed the review gate go in (:class:`UnreviewedError` names the others
    and what unblocks them); ``force`` with a written ``reason`` packs them anyway by one
    logged override, flagged in the bundle. A photo never analysed is never packed (its
    preview would show unmasked faces)."""
    shas = [op.resolve(r) for r in items] if items else sorted(
        op.items, key=lambda s: op.items[s]["name"])
    if not shas:
        raise MediakitError("aucun élément à soumettre à la relecture")
    never = [op.items[s]["name"] for s in shas
             if op.items[s]["kind"] == PHOTO and "masks" not in op.items[s]]
    if never:  # a preview would show unmasked faces: detect first
        raise MediakitError(f"{', '.join(never)} : aucune détection lancée, rien ne sort non "
                            f"masqué — lancez la détection puis relisez les masques")
    overridden = require_reviewed(op, shas, "paquet de relecture", force=force, reason=reason)
    order = {s: i + 1 for i, s in enumerate(sorted(op.items, key=lambda s: op.items[s]["name"]))}
    pack_id, date = new_pack_id(), now_iso()
    top = f"relecture-{slug(op.name, 30)}-{pack_id}"
    failed: list[str] = []
    outputs = _stage_exports(op, shas, channels or [], pack_id, workers, failed, overridden)
    versions.ensure_review_section(op)
    with tempfile.TemporaryDirectory(prefix="mediakit-pack-") as tmp:
        folder = Path(tmp) / top
        folder.mkdir()
        # built outside any transaction (minutes for rushes: the user may go on editing);
        # the project records the pack in one undo step once the bundle is written
        planned = {sha: versions.next_version(op.items[sha], pack_id) for sha in shas}
        entries = [_item_entry(op, sha, order[sha], planned[sha][0],
                               op.items[sha].get("version"), outputs.get(sha, []), folder)
                   for sha in shas]
        sheet_cells = [_cell(e, folder) for e in entries]
        contact_sheet.write_pdf(folder / SHEET, f"Relecture — {op.name}",
                                f"opération {op.id} · paquet {pack_id} · {date}", sheet_cells)
        manifest = {"format": FORMAT, "operation": {"id": op.id, "name": op.name},
                    "pack_id": pack_id, "date": date, "packed_by": audit.current_user(),
                    "channels": channels or [], "items": entries,
                    "files": files_table(folder, set())}
        raw = manifest_bytes(manifest)
        (folder / MANIFEST).write_bytes(raw)
        manifest_sha = versions.sha256_hex(raw)
        people = [{"name": n, "fingerprint": r["fingerprint"]}
                  for n, r in sorted(reviewers(op).items())]
        (folder / PAGE).write_text(html_page.render(manifest, manifest_sha, people, folder),
                                   encoding="utf-8")
        sums = sums_text(files_table(folder, {SUMS}))
        (folder / SUMS).write_text(sums, encoding="utf-8")
        _zip(folder, Path(out))
        keep = pack_dir(op, pack_id)
        keep.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(keep / MANIFEST, raw)
        write_bytes_atomic(keep / SUMS, sums.encode())
    with op.doc.transaction(f"paquet de relecture {pack_id}"):
        for sha, (_, new_version) in planned.items():
            if new_version is not None:
                versions.record_version(op, sha, new_version)
        status_edits(op, shas, pack_id)
        op.doc.set(("review", "packs", pack_id),
                   {"date": date, "by": audit.current_user(), "manifest_sha256": manifest_sha,
                    "items": {e["item"]: e["version"] for e in entries},
                    "channels": channels or [], "bundle": Path(out).name,
                    "bundle_path": str(Path(out).resolve())})
        audit.record(op.root, "review_pack", pack_id=pack_id, manifest_sha256=manifest_sha,
                     items={e["item"][:12]: e["version"] for e in entries},
                     channels=channels or [], bundle=Path(out).name,
                     overridden=[s[:12] for s in overridden])
    op.save()
    return PackResult(pack_id, Path(out), manifest_sha, {e["item"]: e["version"] for e in entries},
                      failed)


def status_edits(op: Operation, shas: list[str], pack_id: str) -> None:
    """Packed items not validated in their current version are "to_validate"."""
    from mediakit.validation.gate import is_validated

    for sha in shas:
        item = op.items[sha]
        if not is_validated(item):
            op.doc.set(("items", sha, "status"), "to_validate", label=f"à valider ({pack_id})")


def _stage_exports(op: Operation, shas: list[str], channels: list[str], pack_id: str,
                   workers: int, failed: list[str],
                   overridden: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Export the items for ``channels`` into ``exports/relecture/<pack_id>`` (masked, as they
    would be published; items packed by override are exported flagged)."""
    if not channels:
        return {}
    from mediakit.channels.export import run_export

    summary = run_export(op, channels, op.exports_dir / "relecture" / pack_id, items=shas,
                         overridden=overridden, workers=workers)
    failed += summary.failed
    by_item: dict[str, list[dict[str, Any]]] = {}
    for r in summary.outputs:
        by_item.setdefault(r["item"], []).append(r)
    return by_item


def _item_entry(op: Operation, sha: str, index: int, version: int, previous: int | None,
                outputs: list[dict[str, Any]], folder: Path) -> dict[str, Any]:
    item = op.items[sha]
    stem = f"{index:02d}_{slug(Path(item['name']).stem)}"
    files = []
    for r in sorted(outputs, key=lambda r: r["channel"]):
        rel = f"canaux/{Path(r['output']).name}"
        (folder / "canaux").mkdir(exist_ok=True)
        shutil.copyfile(r["output"], folder / rel)
        files.append({"channel": r["channel"], "file": rel, "sha256": r["sha256"],
                      "width": r.get("width"), "height": r.get("height"),
                      "checks": r.get("checks", {}), "forced": r.get("forced", False)})
    preview = _preview(op, sha, files, folder / "apercus" / f"{stem}.jpg")
    allowed = {"person"} if (op.doc.get(("settings", "credit"))
                             or op.doc.get(("settings", "copyright"))) else set()
    outs = [folder / f["file"] for f in files] + ([folder / preview] if preview else [])
    reviewed_version, changes = versions.changes_since_review(item)
    return {"item": sha, "index": index, "name": item["name"], "kind": item["kind"],
            "version": version, "content_hash": versions.content_hash(item),
            "status_before": item_status(item, op.items),
            "state_before": state(item, op.items),  # the words of the window and of info
            "caption": item.get("caption"), "alt_text": item.get("alt_text"),
            "credit": item.get("credit"), "anonymisation": anonymisation(item, op.items),
            "metadata": metadata_report(op.original_path(sha), outs, allowed),
            "preview": preview, "outputs": files,
            "previous_version": reviewed_version if reviewed_version is not None else previous,
            "changes": changes if reviewed_version is not None else None}


def _preview(op: Operation, sha: str, files: list[dict[str, Any]], out: Path) -> str | None:
    """A masked preview (≤ 1600 px) in the bundle; never the unmasked original."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if op.items[sha]["kind"] == PHOTO:
        from mediakit.photo.preview import preview_path

        shutil.copyfile(preview_path(op, sha, side=PREVIEW_SIDE, masked=True), out)
        return out.relative_to(out.parents[1]).as_posix()
    kind = op.items[sha]["kind"]
    if kind == "infographic":  # made of masked photos: the render itself is the preview
        with Image.open(op.original_path(sha)) as img:
            pic = img.convert("RGB")
        pic.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
        pic.save(out, "JPEG", quality=88)
        return out.relative_to(out.parents[1]).as_posix()
    video = next((f for f in files if f["file"].endswith(".mp4")), None)
    if video is None and kind != "montage":
        return None  # no masked rendering to show
    # a montage render is made of masked rushes and photos: its own frame will do
    source = out.parents[1] / video["file"] if video else op.original_path(sha)
    try:
        run_ffmpeg(["-v", "error", "-y", "-i", str(source), "-frames:v", "1",
                    "-vf", "scale='min(1280,iw)':-2", "-map_metadata", "-1",
                    # bitexact: no encoder comment (COM segment) flagged as a leak
                    "-flags", "+bitexact", "-fflags", "+bitexact", str(out)],
                   source=source)
    except MediakitError:
        return None
    return out.relative_to(out.parents[1]).as_posix() if out.exists() else None


def _cell(e: dict[str, Any], folder: Path) -> dict[str, Any]:
    anon = e["anonymisation"]
    applied = ", ".join(f"{n} {label}(s)" for label, n in anon["applied"].items()) or "aucun"
    lines = [(f"Statut : {html_page.state_words(e)}", BLACK),
             (f"Masqués : {applied} ; laissés visibles : {anon['kept_visible']}", BLACK)]
    if anon.get("voice"):
        lines.append((f"Voix modifiée : {' ; '.join(anon['voice'])}", BLACK))
    lines += [(f"(!) {a}", RED) for a in anon["alerts"]]
    if not e["metadata"]["clean"]:
        lines.append(("(!) métadonnées identifiantes restantes", RED))
    if e.get("changes"):
        lines.append((f"{len(e['changes'])} modification(s) depuis la v{e['previous_version']}",
                      BLACK))
    channels = ", ".join(o["channel"] for o in e["outputs"])
    if channels:
        lines.append((f"Canaux : {channels}", BLACK))
    return {"image": folder / e["preview"] if e.get("preview") else None,
            "title": f"{e['index']:02d} · {e['name']} — v{e['version']}", "lines": lines,
            "caption": e.get("caption")}


def _zip(folder: Path, out: Path) -> None:
    with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            arc = path.relative_to(folder.parent).as_posix()
            method = zipfile.ZIP_STORED if path.suffix.lower() in STORED \
                else zipfile.ZIP_DEFLATED
            zf.write(path, arc, compress_type=method)


def read_bundle(path: str | Path) -> dict[str, bytes]:
    """The files of a bundle zip, by path relative to its top folder."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/")]
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or any("/" not in n for n in names):
                raise MediakitError(f"{path}: ce n'est pas un paquet de relecture mediakit")
            return {n.split("/", 1)[1]: zf.read(n) for n in names}
    except (OSError, zipfile.BadZipFile) as exc:
        raise MediakitError(f"{path}: paquet illisible ({exc})") from exc
