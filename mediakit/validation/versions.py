"""Item versions for review: a content hash over what the chief validates (masks, tracks,
caption, alt text, credit, picture adjustments, review state), a version number bumped when it changes between
packs, snapshots of each packed version and a readable diff between two versions."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from mediakit.library.project import Operation, now_iso

CONTENT_FIELDS = ("caption", "alt_text", "credit", "masks", "tracks", "masks_reviewed",
                  "adjust")
FIELD_LABELS = {"caption": "légende", "alt_text": "texte alternatif", "credit": "crédit"}


def canonical(obj: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, no spaces, UTF-8): what is hashed and signed."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content(item: dict[str, Any]) -> dict[str, Any]:
    """What the chief validates for one item (absent fields are None)."""
    data = {field: item.get(field) for field in CONTENT_FIELDS}
    data["sha256"] = item["sha256"]
    if item.get("voice"):  # only when set: the versions of other items keep their hash
        data["voice"] = item["voice"]
    return data


def content_hash(item: dict[str, Any]) -> str:
    return sha256_hex(canonical(content(item)))


def ensure_review_section(op: Operation) -> None:
    """Create the project's ``review`` section (reviewers, packs, decisions) if missing."""
    if not isinstance(op.doc.get(("review",)), dict):
        op.doc.set(("review",), {"reviewers": {}, "packs": {}, "decisions": []})
    for key, empty in (("reviewers", {}), ("packs", {}), ("decisions", [])):
        if op.doc.get(("review", key)) is None:
            op.doc.set(("review", key), empty)


def next_version(item: dict[str, Any], pack_id: str) -> tuple[int, dict[str, Any] | None]:
    """The item's version for this pack and, when its content changed since the last pack,
    the snapshot of the new version to record (:func:`record_version`); nothing is edited."""
    digest = content_hash(item)
    versions = item.get("versions") or []
    if versions and versions[-1]["content_hash"] == digest:
        return int(item["version"]), None
    number = int(item.get("version") or 0) + 1
    return number, {"version": number, "content_hash": digest, "date": now_iso(),
                    "pack_id": pack_id, "content": content(item)}


def record_version(op: Operation, sha: str, snapshot: dict[str, Any]) -> None:
    """Keep a new version's snapshot in ``item["versions"]`` and make it current."""
    op.doc.set(("items", sha, "version"), snapshot["version"])
    op.doc.append(("items", sha, "versions"), snapshot)


def snapshot(item: dict[str, Any], version: int | None) -> dict[str, Any] | None:
    """The packed content of ``version`` (None when unknown)."""
    for entry in item.get("versions") or []:
        if entry["version"] == version:
            return entry["content"]
    return None


def last_reviewed_version(item: dict[str, Any]) -> int | None:
    reviews = item.get("reviews") or []
    return reviews[-1]["version"] if reviews else None


def changes_since_review(item: dict[str, Any]) -> tuple[int | None, list[str]]:
    """(reviewed version, change lines) between the last reviewed version and now."""
    version = last_reviewed_version(item)
    old = snapshot(item, version)
    if old is None:
        return None, []
    return version, diff(old, content(item))


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Readable French lines for what changed from ``old`` to ``new`` content."""
    lines = []
    for field, label in FIELD_LABELS.items():
        if (old.get(field) or "") != (new.get(field) or ""):
            lines.append(f"{label} : « {old.get(field) or '—'} » → « {new.get(field) or '—'} »")
    lines += _diff_regions("masque", old.get("masks") or [], new.get("masks") or [])
    lines += _diff_regions("piste", old.get("tracks") or [], new.get("tracks") or [])
    if old.get("voice") != new.get("voice"):
        from mediakit.video.voice import describe_ranges

        lines.append("voix modifiée : " + " → ".join(
            describe_ranges(v["ranges"]) if v else "aucune"
            for v in (old.get("voice"), new.get("voice"))))
    if old.get("adjust") != new.get("adjust"):
        lines.append("retouches de l'image modifiées")
    if bool(old.get("masks_reviewed")) != bool(new.get("masks_reviewed")):
        lines.append("masques marqués revus" if new.get("masks_reviewed")
                     else "masques de nouveau à revoir")
    return lines


def _diff_regions(kind: str, old: list[dict], new: list[dict]) -> list[str]:
    before = {r.get("id"): r for r in old}
    after = {r.get("id"): r for r in new}
    lines = []
    for rid, r in after.items():
        if rid not in before:
            lines.append(f"{kind} {rid} ({r.get('label')}, {r.get('source')}) ajouté, "
                         f"{_state(r)}")
            continue
        b = before[rid]
        if b.get("state") != r.get("state"):
            lines.append(f"{kind} {rid} : {_state(b)} → {_state(r)}")
        moved = [k for k in ("region", "keyframes", "frames") if b.get(k) != r.get(k)]
        if moved:
            lines.append(f"{kind} {rid} : zone modifiée ({', '.join(moved)})")
    lines += [f"{kind} {rid} ({r.get('label')}) supprimé" for rid, r in before.items()
              if rid not in after]
    return lines


def _state(region: dict[str, Any]) -> str:
    return {"accepted": "masqué", "rejected": "laissé visible"}.get(region.get("state", ""),
                                                                     str(region.get("state")))
