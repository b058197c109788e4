"""The publishing gate: an item is validated for a channel only when the chief approved it
and its content is still exactly the approved version. ``publish`` fills the ready-to-publish
folder with validated versions only and withdraws files that no longer are."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediakit.atomic import write_text_atomic
from mediakit.errors import MediakitError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.privacy.review_gate import unreviewed
from mediakit.validation.versions import content_hash

READY_DIR = "pret-a-publier"
WITHDRAWN_DIR = "retires"
NOT_VALIDATED_TAG = "NON-VALIDE"
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

    @property
    def ok(self) -> bool:
        return not self.refused and not self.failed


def ready_dir(op: Operation) -> Path:
    return op.exports_dir / READY_DIR


def publish(op: Operation, channels: list[str] | None = None,
            items: list[str] | None = None, workers: int = 2) -> PublishResult:
    """Export every validated item (for its approved channels) into the ready folder."""
    from mediakit.channels.export import ExportSummary, run_export, summary_text
    from mediakit.channels.presets import load_presets

    if channels == ["all"]:
        channels = sorted(load_presets())
    result = PublishResult()
    shas = [op.resolve(r) for r in items] if items else sorted(
        op.items, key=lambda s: op.items[s]["name"])
    by_channel: dict[str, list[str]] = {}
    for sha in shas:
        item = op.items[sha]
        if not is_validated(item):
            result.not_validated.append(f"{item['name']}: {_why_not(item)}")
            continue
        blockers = unreviewed(op, [sha])  # approved, but its review was withdrawn since
        if blockers:
            result.not_validated += [str(b) for b in blockers]
            continue
        wanted = approved_channels(item)
        if wanted is None:
            wanted = channels
            if not wanted:
                raise MediakitError(f"{item['name']} : validé pour tous les canaux, "
                                    f"choisissez les canaux de publication")
        elif channels:
            wanted = [c for c in wanted if c in channels]
        for ch in wanted:
            by_channel.setdefault(ch, []).append(sha)
    out = ready_dir(op)
    for ch, group in sorted(by_channel.items()):
        summary = run_export(op, [ch], out, items=group, workers=workers)
        result.outputs += summary.outputs
        result.refused += summary.refused
        result.failed += summary.failed
    for r in result.outputs:
        r["identical_to_reviewed"] = _identical_to_reviewed(op, r)
    keep = {Path(r["output"]).name for r in result.outputs}
    keep |= {Path(name).with_suffix(".txt").name for name in keep}  # caption sidecars
    result.withdrawn = _withdraw_stale(op, out, keep)
    combined = ExportSummary(outputs=result.outputs, refused=result.refused,
                             failed=result.failed)
    write_text_atomic(out / "export_summary.txt", summary_text(combined) + "\n")
    _write_publication(out, result)
    audit.record(op.root, "review_publish", files=len(result.outputs),
                 not_validated=len(result.not_validated), refused=len(result.refused),
                 failed=len(result.failed), withdrawn=len(result.withdrawn))
    return result


def _why_not(item: dict[str, Any]) -> str:
    if item.get("approved"):
        return "modifié depuis la version validée (à soumettre de nouveau)"
    if item.get("status") == "corrections_requested":
        return "corrections demandées"
    return "non validé"


def _identical_to_reviewed(op: Operation, output: dict[str, Any]) -> bool | None:
    """Whether the published file is byte-identical to the one the chief saw in the bundle."""
    from mediakit.validation.manifest import load_pack_manifest, manifest_item

    approved = op.items[output["item"]].get("approved") or {}
    try:
        manifest, _ = load_pack_manifest(op, approved.get("pack_id", ""))
    except MediakitError:
        return None
    entry = manifest_item(manifest, output["item"]) or {}
    for packed in entry.get("outputs", []):
        if packed["channel"] == output["channel"]:
            return packed["sha256"] == output["sha256"]
    return None


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
        same = {True: "identique au fichier relu", False: "réencodé (diffère du fichier relu)",
                None: "fichier relu non disponible"}[r.get("identical_to_reviewed")]
        lines.append(f"PUBLIABLE {Path(r['output']).name} — {r['name']} ({r['channel']}) — {same}")
    lines += [f"NON VALIDÉ {m}" for m in result.not_validated]
    lines += [f"REFUSÉ {m}" for m in result.refused]
    lines += [f"ÉCHEC {m}" for m in result.failed]
    lines += [f"RETIRÉ {m} (plus validé)" for m in result.withdrawn]
    lines.append(f"{len(result.outputs)} fichier(s) prêt(s) à publier, "
                 f"{len(result.not_validated)} élément(s) non validé(s), "
                 f"{len(result.withdrawn)} retiré(s)")
    return "\n".join(lines)


def _write_publication(out: Path, result: PublishResult) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = {"date": now_iso(), "outputs": result.outputs, "not_validated": result.not_validated,
            "refused": result.refused, "failed": result.failed, "withdrawn": result.withdrawn}
    write_text_atomic(out / "publication.json", json.dumps(data, ensure_ascii=False, indent=1))
    write_text_atomic(out / "publication.txt", publication_text(result) + "\n")
