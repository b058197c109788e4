"""Decision files: what the chief decided on each item of a pack, signed with their Ed25519
key; checked (signature, configured reviewer, manifest, operation, versions) and applied to
the operation. A refused decision changes neither the project nor its audit trail; the
attempt is logged in ``review/refus.jsonl``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mediakit.atomic import write_bytes_atomic
from mediakit.errors import MediakitError, display_path
from mediakit.jsonfile import read_json_object
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.validation import keys
from mediakit.validation.html_page import DECISION_FORMAT
from mediakit.validation.manifest import load_pack_manifest, manifest_item
from mediakit.validation.versions import canonical, ensure_review_section, sha256_hex

APPROVED, CORRECTIONS = "approved", "corrections_requested"
DECISIONS = (APPROVED, CORRECTIONS)
STATUS = {APPROVED: "validated", CORRECTIONS: "corrections_requested"}
REFUSALS = "refus.jsonl"


class DecisionRefused(MediakitError):
    """A decision file that cannot be applied (nothing was changed)."""


def new_decision(manifest: dict[str, Any], manifest_sha: str, reviewer: str,
                 entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An unsigned decision document for a pack (``entries``: sha → decision, comment,
    channels)."""
    items = {}
    for sha, entry in entries.items():
        packed = manifest_item(manifest, sha)
        if packed is None:
            raise MediakitError(f"{sha[:12]}: élément absent de ce paquet")
        items[sha] = {"name": packed["name"], "version": packed["version"],
                      "decision": entry["decision"], "comment": entry.get("comment", ""),
                      "channels": entry.get("channels", {})}
    payload = {"operation_id": manifest["operation"]["id"],
               "operation_name": manifest["operation"]["name"],
               "pack_id": manifest["pack_id"], "manifest_sha256": manifest_sha,
               "reviewer": reviewer, "date": now_iso(), "items": items}
    return {"format": DECISION_FORMAT, "decision": payload, "signature": None}


def load(path: str | Path) -> dict[str, Any]:
    doc = read_json_object(path, "décision", DecisionRefused)
    if doc.get("format") != DECISION_FORMAT \
            or not isinstance(doc.get("decision"), dict):
        raise DecisionRefused(f"{display_path(path)}: ce n'est pas une décision mediakit")
    return doc


def dump(doc: dict[str, Any], path: str | Path) -> None:
    write_bytes_atomic(path, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode())


def sign_file(path: str | Path, key_file: str | Path, out: str | Path | None = None) -> Path:
    """Sign a decision file (from the HTML page or ``decide``) with the reviewer's key."""
    doc = load(path)
    key = keys.load_private(key_file)
    doc["signature"] = keys.sign(doc["decision"], key)
    target = Path(out or path)
    dump(doc, target)
    return target


def decision_id(doc: dict[str, Any]) -> str:
    return sha256_hex(canonical(doc["decision"]))


def check(op: Operation, doc: dict[str, Any]) -> dict[str, Any]:
    """The pack manifest the decision applies to; DecisionRefused with the first problem."""
    d = doc["decision"]
    if d.get("operation_id") != op.id:
        raise DecisionRefused(f"décision refusée : elle concerne une autre opération "
                              f"({d.get('operation_name') or d.get('operation_id')})")
    reviewer = d.get("reviewer")
    key = keys.reviewer_key(op, reviewer) if isinstance(reviewer, str) else None
    if key is None:
        raise DecisionRefused(f"décision refusée : le relecteur « {reviewer} » n'a pas de clé "
                              f"enregistrée (mediakit review add-reviewer)")
    if not doc.get("signature"):
        raise DecisionRefused("décision refusée : non signée (mediakit review sign)")
    if not keys.verify(d, doc["signature"], key):
        raise DecisionRefused(f"décision refusée : signature invalide pour « {reviewer} » "
                              f"(fichier modifié ou mauvaise clé)")
    try:
        manifest, manifest_sha = load_pack_manifest(op, d.get("pack_id"))
    except MediakitError as exc:
        raise DecisionRefused(f"décision refusée : {exc}") from exc
    recorded = op.doc.get(("review", "packs", d["pack_id"], "manifest_sha256"))
    if d.get("manifest_sha256") != manifest_sha or recorded != manifest_sha:
        raise DecisionRefused(f"décision refusée : le manifeste ne correspond pas au paquet "
                              f"{d['pack_id']} envoyé")
    if any(x["id"] == decision_id(doc) for x in op.doc.get(("review", "decisions")) or []):
        raise DecisionRefused("décision refusée : déjà importée")
    items = d.get("items")
    if not isinstance(items, dict) or not items:
        raise DecisionRefused("décision refusée : aucun élément")
    for sha, entry in items.items():
        _check_item(op, manifest, sha, entry)
    return manifest


def _check_item(op: Operation, manifest: dict[str, Any], sha: str, entry: Any) -> None:
    packed = manifest_item(manifest, sha)
    if packed is None or sha not in op.items or not isinstance(entry, dict):
        raise DecisionRefused(f"décision refusée : {str(sha)[:12]} n'est pas dans ce paquet")
    name = op.items[sha]["name"]
    channels = entry.get("channels") or {}
    if entry.get("decision") not in DECISIONS or not isinstance(channels, dict) or any(
            not isinstance(c, dict) or c.get("decision") not in DECISIONS
            for c in channels.values()):
        raise DecisionRefused(f"décision refusée : {name} : décision inconnue")
    if entry.get("version") != packed["version"]:
        raise DecisionRefused(f"décision refusée : {name} : version {entry.get('version')} "
                              f"différente de la version {packed['version']} du paquet")
    current = op.items[sha].get("version")
    if entry["version"] != current:
        raise DecisionRefused(f"décision refusée : {name} : la version {entry['version']} est "
                              f"périmée (version {current} soumise depuis)")


def import_decision(op: Operation, path: str | Path) -> dict[str, Any]:
    """Check and apply a decision file; returns {reviewer, validated, corrections}."""
    raw = Path(path).read_bytes() if Path(path).is_file() else b""
    try:
        doc = load(path)
        manifest = check(op, doc)
    except DecisionRefused as exc:
        _log_refusal(op, path, raw, str(exc))
        raise
    d, did = doc["decision"], decision_id(doc)
    ensure_review_section(op)
    outcome: dict[str, list[str]] = {"validated": [], "corrections": []}
    with op.doc.transaction(f"décision de {d['reviewer']} ({d['pack_id']})"):
        for sha, entry in d["items"].items():
            _apply_item(op, manifest, did, d, sha, entry)
            key = "validated" if entry["decision"] == APPROVED else "corrections"
            outcome[key].append(op.items[sha]["name"])
        op.doc.append(("review", "decisions"),
                      {"id": did, "pack_id": d["pack_id"], "reviewer": d["reviewer"],
                       "date": d["date"], "imported": now_iso(),
                       "by": audit.current_user(), "file_sha256": sha256_hex(raw)})
    store = op.root / "review" / "decisions" / f"{did[:16]}.json"
    write_bytes_atomic(store, raw)
    op.save()
    audit.record(op.root, "review_decision_imported", reviewer=d["reviewer"],
                 pack_id=d["pack_id"], decision_id=did, signed_date=d["date"],
                 validated=len(outcome["validated"]), corrections=len(outcome["corrections"]))
    for sha, entry in d["items"].items():
        audit.record(op.root, f"review_{STATUS[entry['decision']]}", item=sha,
                     reviewer=d["reviewer"], version=entry["version"], pack_id=d["pack_id"],
                     comment=entry.get("comment", ""),
                     channels={c: v["decision"] for c, v in (entry.get("channels") or {}).items()})
    return {"reviewer": d["reviewer"], **outcome}


def _apply_item(op: Operation, manifest: dict[str, Any], did: str, d: dict[str, Any], sha: str,
                entry: dict[str, Any]) -> None:
    packed = manifest_item(manifest, sha) or {}
    channels = entry.get("channels") or {}
    op.doc.set(("items", sha, "status"), STATUS[entry["decision"]])
    base = {"reviewer": d["reviewer"], "date": d["date"], "version": entry["version"],
            "pack_id": d["pack_id"]}
    op.doc.append(("items", sha, "reviews"),
                  {**base, "decision_id": did, "decision": entry["decision"],
                   "comment": entry.get("comment", ""), "channels": channels})
    notes = [(None, entry.get("comment", ""))] + [(c, v.get("comment", ""))
                                                  for c, v in sorted(channels.items())]
    for channel, text in notes:
        if text:
            op.doc.append(("items", sha, "review_comments"), {**base, "channel": channel,
                                                               "comment": text})
    if entry["decision"] == APPROVED:
        packed_channels = [o["channel"] for o in packed.get("outputs", [])]
        approved = None if not packed_channels else [
            c for c in packed_channels
            if (channels.get(c) or {}).get("decision", APPROVED) == APPROVED]
        op.doc.set(("items", sha, "approved"),
                   {**base, "content_hash": packed["content_hash"], "decision_id": did,
                    "channels": approved})
    else:
        op.doc.delete(("items", sha, "approved"))


def stored_decision(op: Operation, did: str) -> dict[str, Any] | None:
    """The signed decision ``did`` as it was imported (kept in ``review/decisions/``), or
    None when it is not there any more or is not the one imported under that id."""
    if not did or not any(x.get("id") == did for x in op.doc.get(("review", "decisions")) or []):
        return None
    try:
        doc = load(op.root / "review" / "decisions" / f"{did[:16]}.json")
    except DecisionRefused:
        return None
    return doc if decision_id(doc) == did else None


def _log_refusal(op: Operation, path: str | Path, raw: bytes, reason: str) -> None:
    """Keep a trace of a refused decision without touching the project or its audit trail."""
    folder = op.root / "review"
    folder.mkdir(parents=True, exist_ok=True)
    entry = {"ts": now_iso(), "who": audit.current_user(), "file": display_path(path),
             "file_sha256": sha256_hex(raw), "reason": reason}
    with open(folder / REFUSALS, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
