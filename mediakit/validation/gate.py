"""The publishing gate: an item is validated for a channel only when the chief approved it
and its content is still exactly the approved version. ``publish`` fills the ready-to-publish
folder with validated versions only and withdraws files that no longer are."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediakit.atomic import atomic_path, file_sha256, write_text_atomic
from mediakit.errors import MediakitError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.privacy.review_gate import unreviewed
from mediakit.validation.versions import content_hash

READY_DIR = "pret-a-publier"
WITHDRAWN_DIR = "retires"
NOT_VALIDATED_TAG = "NON-VALIDE"
TEXT_LABELS = {"caption": "Légende", "credit": "Crédit", "alt_text": "Texte alternatif"}
SUMMARY_FILES = {"export_summary.json", "export_summary.txt", "publication.json",
                 "publication.txt"}


def approved_channels(item: dict[str, Any]) -> list[str] | None:
    """Channels approved for the item (None: the approval covers every channel)."""
    approved = item.get("approved") or {}
    return approved.get("channels")


def is_validated(item: dict[str, Any], channel: str | None = None) -> bool:
    """True when the approved version is the item's current content (and covers ``channel``)."""
    approved = item.get("approved")
    if not approved or approved.get("content_hash") != content_hash(item):
        return False
    channels = approved.get("channels")
    return channel is None or channels is None or channel in channels


@dataclass
class PublishResult:
    outputs: list[dict[str, Any]] = field(default_factory=list)
    not_validated: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    no_file: list[str] = field(default_factory=list)  # validated, no reviewed file to copy

    @property
    def ok(self) -> bool:
        return not self.refused and not self.failed


def ready_dir(op: Operation) -> Path:
    return op.exports_dir / READY_DIR


def publish(op: Operation, channels: list[str] | None = None,
            items: list[str] | None = None) -> PublishResult:
    """Copy into the ready folder, byte for byte, the channel files the chief approved.

    Nothing is encoded again: each file comes from the review (``exports/relecture/`` or the
    bundle zip) and is checked against the SHA-256 that the pack manifest gives it, the
    manifest itself against the SHA-256 that the chief's signed decision names. An item
    approved on its preview alone (packed without channels) has no reviewed file to publish:
    it must be packed again with its channels. ``channels`` narrows the approved ones."""
    from mediakit.channels.export import ExportSummary, summary_text
    from mediakit.channels.presets import load_presets

    if channels == ["all"]:
        channels = sorted(load_presets())
    result = PublishResult()
    shas = [op.resolve(r) for r in items] if items else sorted(
        op.items, key=lambda s: op.items[s]["name"])
    out = ready_dir(op)
    for sha in shas:
        item = op.items[sha]
        if not is_validated(item):
            result.not_validated.append(f"{item['name']}: {_why_not(item)}")
            continue
        blockers = unreviewed(op, [sha])  # approved, but its review was withdrawn since
        if blockers:
            result.not_validated += [str(b) for b in blockers]
            continue
        try:
            entry = _signed_entry(op, sha)
        except MediakitError as exc:
            result.failed.append(f"{item['name']}: {exc}")
            continue
        packed = {o["channel"]: o for o in entry.get("outputs", [])}
        wanted = approved_channels(item)
        wanted = [c for c in (packed if wanted is None else wanted)
                  if c in packed and (not channels or c in channels)]
        if not wanted:
            result.no_file.append(
                f"{item['name']}: validé, mais le paquet ne contenait aucun fichier "
                f"{'pour ' + ', '.join(channels) if channels else 'par canal'} — pour le "
                f"publier, soumettez-le avec un canal où il se publie")
            continue
        for ch in wanted:
            if packed[ch].get("forced"):
                result.not_validated.append(f"{item['name']} ({ch}): fichier relu "
                                            f"exporté sans relecture des masques")
                continue
            try:
                result.outputs.append(_copy_reviewed(op, sha, entry, packed[ch], out))
            except MediakitError as exc:
                result.failed.append(f"{item['name']} ({ch}): {exc}")
    keep = {Path(r["output"]).name for r in result.outputs}
    keep |= {Path(name).with_suffix(".txt").name for name in keep}  # caption sidecars
    result.withdrawn = _withdraw_stale(op, out, keep)
    combined = ExportSummary(outputs=result.outputs, failed=result.failed)
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "export_summary.txt", summary_text(combined) + "\n")
    _write_publication(out, result)
    with op.doc.transaction(f"publier {len(result.outputs)} fichier(s)"):
        for r in result.outputs:
            op.doc.append(("items", r["item"], "exports"),
                          {"path": r["output"], "channel": r["channel"], "date": r["date"],
                           "sha256": r["sha256"], "forced": False, "published": True})
        audit.record(op.root, "review_publish", files=len(result.outputs),
                     published=[{"item": r["item"][:12], "channel": r["channel"],
                                 "file": Path(r["output"]).name, "sha256": r["sha256"],
                                 "pack_id": r["pack_id"]} for r in result.outputs],
                     not_validated=len(result.not_validated), refused=len(result.refused),
                     failed=len(result.failed), withdrawn=len(result.withdrawn),
                     no_file=len(result.no_file))
    op.save()
    return result


def _signed_entry(op: Operation, sha: str) -> dict[str, Any]:
    """The item's entry in the manifest of the pack its approval came from, once that
    manifest is checked against the SHA-256 named by the chief's signed decision."""
    from mediakit.validation import keys
    from mediakit.validation.decisions import stored_decision
    from mediakit.validation.manifest import load_pack_manifest, manifest_item

    approved = op.items[sha].get("approved") or {}
    pack_id = approved.get("pack_id", "")
    doc = stored_decision(op, approved.get("decision_id", ""))
    if doc is None:
        raise MediakitError("décision du chef de service introuvable dans l'opération : "
                            "rien n'est publié ; appliquez de nouveau sa décision signée")
    signed = doc["decision"]
    key = keys.reviewer_key(op, signed.get("reviewer", ""))
    if key is None or not keys.verify(signed, doc.get("signature") or {}, key):
        raise MediakitError(f"la signature de la décision de « {signed.get('reviewer')} » ne "
                            f"se vérifie plus : rien n'est publié")
    try:
        manifest, manifest_sha = load_pack_manifest(op, pack_id)
    except MediakitError as exc:
        raise MediakitError(f"{exc} : rien n'est publié ; préparez un nouveau paquet") from exc
    if signed.get("pack_id") != pack_id or signed.get("manifest_sha256") != manifest_sha:
        raise MediakitError(f"le manifeste du paquet {pack_id} ne correspond plus à celui que "
                            f"le chef de service a signé : rien n'est publié")
    entry = manifest_item(manifest, sha)
    if entry is None or entry.get("content_hash") != approved.get("content_hash"):
        raise MediakitError(f"absent du paquet {pack_id} validé : rien n'est publié")
    return entry


def published_name(reviewed_file: str) -> str:
    """The name of a reviewed channel file once validated: without its ``_NON-VALIDE`` tag
    (the only difference with the file the chief saw is the name)."""
    name = Path(reviewed_file).name
    return re.sub(rf"_{NOT_VALIDATED_TAG}(?=\.[^.]+$)", "", name)


def _sources(op: Operation, pack_id: str, reviewed_file: str) -> Iterator[tuple[str, Any]]:
    """Where the reviewed file may still be: the pack's staging folder, then the bundle."""
    yield "file", op.exports_dir / "relecture" / pack_id / Path(reviewed_file).name
    bundle = op.doc.get(("review", "packs", pack_id, "bundle_path"))
    if bundle:
        yield "zip", (Path(bundle), reviewed_file)


def _copy_reviewed(op: Operation, sha: str, entry: dict[str, Any],
                   packed: dict[str, Any], out: Path) -> dict[str, Any]:
    """Copy one reviewed channel file into ``out``, checked by its manifest SHA-256."""
    item = op.items[sha]
    pack_id = (item.get("approved") or {})["pack_id"]
    target = out / published_name(packed["file"])
    expected = packed["sha256"]
    done = target.is_file() and file_sha256(target) == expected
    for how, where in ([] if done else _sources(op, pack_id, packed["file"])):
        try:
            with atomic_path(target) as tmp:
                if how == "file":
                    shutil.copyfile(where, tmp)
                else:
                    _extract(where[0], where[1], tmp)
                if file_sha256(tmp) != expected:
                    raise ValueError("not the reviewed file")
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            continue
        done = True
        break
    if not done:
        raise MediakitError(
            f"le fichier relu {Path(packed['file']).name} est introuvable ou a changé "
            f"(exports/relecture/{pack_id} et le paquet) : rien n'est publié pour ce canal ; "
            f"préparez un nouveau paquet")
    texts = {k: entry.get(k) for k in ("caption", "credit", "alt_text") if entry.get(k)}
    if texts:  # the texts the chief read in the manifest, beside the file
        write_text_atomic(target.with_suffix(".txt"), "".join(
            f"{TEXT_LABELS[k]} : {v}\n" for k, v in texts.items()))
    return {"item": sha, "name": item["name"], "channel": packed["channel"],
            "output": str(target), "sha256": expected, "width": packed.get("width"),
            "height": packed.get("height"), "checks": packed.get("checks", {}),
            "bytes": target.stat().st_size, "forced": False, "validated": True, "date": now_iso(), "pack_id": pack_id,
            "reviewed_file": packed["file"], "identical_to_reviewed": True, **texts}


def _extract(bundle: Path, reviewed_file: str, tmp: Path) -> None:
    """Copy ``reviewed_file`` (a path inside the bundle's top folder) out of the zip."""
    with zipfile.ZipFile(bundle) as zf:
        name = next(n for n in zf.namelist() if n.split("/", 1)[-1] == reviewed_file)
        with zf.open(name) as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def _why_not(item: dict[str, Any]) -> str:
    if item.get("approved"):
        return "modifié depuis la version validée (à soumettre de nouveau)"
    if item.get("status") == "corrections_requested":
        return "corrections demandées"
    return "non validé"


def _withdraw_stale(op: Operation, out: Path, keep: set[str]) -> list[str]:
    """Move files of the ready folder that are no longer validated to ``exports/retires/``."""
    stale = [p for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")
             and p.name not in SUMMARY_FILES and p.name not in keep] if out.exists() else []
    if not stale:
        return []
    target = op.exports_dir / WITHDRAWN_DIR / now_iso().replace(":", "")
    target.mkdir(parents=True, exist_ok=True)
    for path in stale:
        shutil.move(str(path), target / path.name)
        audit.record(op.root, "review_withdrawn", file=path.name)
    return [p.name for p in stale]


def publication_text(result: PublishResult) -> str:
    lines = []
    for r in sorted(result.outputs, key=lambda r: r["output"]):
        same = ("identique au fichier relu" if r.get("identical_to_reviewed")
                else "différent du fichier relu")
        lines.append(f"PUBLIABLE {Path(r['output']).name} — {r['name']} ({r['channel']}) — {same}")
    lines += [f"NON VALIDÉ {m}" for m in result.not_validated]
    lines += [f"SANS FICHIER RELU {m}" for m in result.no_file]
    lines += [f"REFUSÉ {m}" for m in result.refused]
    lines += [f"ÉCHEC {m}" for m in result.failed]
    lines += [f"RETIRÉ {m} (plus validé)" for m in result.withdrawn]
    lines.append(f"{len(result.outputs)} fichier(s) prêt(s) à publier, "
                 f"{len(result.not_validated)} élément(s) non validé(s), "
                 f"{len(result.withdrawn)} retiré(s)"
                 + (f", {len(result.no_file)} validé(s) sans fichier relu"
                    if result.no_file else ""))
    return "\n".join(lines)


def _write_publication(out: Path, result: PublishResult) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = {"date": now_iso(), "outputs": result.outputs, "not_validated": result.not_validated,
            "no_file": result.no_file,
            "refused": result.refused, "failed": result.failed, "withdrawn": result.withdrawn}
    write_text_atomic(out / "publication.json", json.dumps(data, ensure_ascii=False, indent=1))
    write_text_atomic(out / "publication.txt", publication_text(result) + "\n")
