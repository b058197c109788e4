"""Reviewers' Ed25519 keys: key pairs, public keys configured in the operation, signatures
over canonical JSON."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mediakit.channels.naming import slug
from mediakit.errors import MediakitError, display_path
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.validation.versions import canonical, ensure_review_section, sha256_hex

ALGORITHM = "Ed25519"


def key_paths(name: str, out_dir: Path) -> tuple[Path, Path]:
    base = slug(name)
    return out_dir / f"{base}.cle-privee.pem", out_dir / f"{base}.cle-publique.pem"


def generate(name: str, out_dir: str | Path) -> tuple[Path, Path]:
    """Write a new key pair for ``name``; the private key file is readable by its owner only."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path, public_path = key_paths(name, out_dir)
    for path in (private_path, public_path):
        if path.exists():
            raise MediakitError(f"{display_path(path)}: existe déjà (une clé n'est jamais "
                                f"écrasée)")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(private_pem)
    public_path.write_bytes(public_pem(key.public_key()).encode())
    return private_path, public_path


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw 32-byte public key, hex."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sha256_hex(raw)


def load_private(path: str | Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise MediakitError(f"{display_path(path)}: clé privée illisible ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise MediakitError(f"{display_path(path)}: ce n'est pas une clé Ed25519")
    return key


def load_public(pem: bytes, origin: str = "clé publique") -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise MediakitError(f"{origin}: clé publique illisible ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise MediakitError(f"{origin}: ce n'est pas une clé publique Ed25519")
    return key


def sign(payload: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, str]:
    """The signature block of ``payload`` (signed over its canonical JSON)."""
    value = key.sign(canonical(payload))
    return {"algorithm": ALGORITHM, "key_fingerprint": fingerprint(key.public_key()),
            "value": base64.b64encode(value).decode()}


def verify(payload: dict[str, Any], signature: dict[str, Any], key: Ed25519PublicKey) -> bool:
    if not isinstance(signature, dict) or signature.get("algorithm") != ALGORITHM:
        return False
    try:
        key.verify(base64.b64decode(str(signature.get("value", "")), validate=True),
                   canonical(payload))
    except (InvalidSignature, ValueError):
        return False
    return True


def reviewers(op: Operation) -> dict[str, dict[str, Any]]:
    return op.doc.get(("review", "reviewers")) or {}


def reviewer_key(op: Operation, name: str) -> Ed25519PublicKey | None:
    entry = reviewers(op).get(name)
    return load_public(entry["public_key"].encode(), name) if entry else None


def add_reviewer(op: Operation, name: str, public_key_file: str | Path) -> str:
    """Configure (or replace) ``name``'s public key in the operation; returns its fingerprint."""
    name = name.strip()
    if not name:
        raise MediakitError("nom du relecteur vide")
    try:
        pem = Path(public_key_file).read_bytes()
    except OSError as exc:
        raise MediakitError(f"{display_path(public_key_file)}: illisible ({exc})") from exc
    key = load_public(pem, display_path(public_key_file))
    print_ = fingerprint(key)
    ensure_review_section(op)
    replaced = name in reviewers(op)
    op.doc.set(("review", "reviewers", name),
               {"public_key": public_pem(key), "fingerprint": print_, "added": now_iso(),
                "added_by": audit.current_user()}, label=f"relecteur {name}")
    op.save()
    audit.record(op.root, "review_reviewer_added", reviewer=name, fingerprint=print_,
                 replaced=replaced)
    return print_
