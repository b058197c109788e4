"""How a user names an item: full name, name without extension, unique beginning of the
name, or beginning of the hash (the same rules for an operation and a review bundle)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import PurePosixPath

from mediakit.errors import ProjectError

MIN_HASH_PREFIX = 4  # hexadecimal digits


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _stem(name: str) -> str:
    return PurePosixPath(name).stem if "." in name.lstrip(".") else name


def match(ref: str, names: Mapping[str, tuple[str, ...]], what: str = "de l'opération") -> str:
    """The key (hash) of ``names`` that ``ref`` designates; ``names`` gives each key's names
    (file name first, then other names such as its path). Tried in order, the first rule
    with any match wins: the hash itself; a name exactly; a name in any case; a name without
    its extension; the beginning of the hash (≥ 4 digits) or of a name. ProjectError names
    the candidates when several match, or says none does."""
    ref = ref.strip()
    if not ref:
        raise ProjectError(f"élément non précisé : donnez son nom ou le début de son empreinte "
                           f"(éléments {what})")
    if ref in names:
        return ref
    folded = _fold(ref)
    is_hex = len(ref) >= MIN_HASH_PREFIX and all(c in "0123456789abcdef" for c in folded)
    rules = [
        lambda key, ns: ref in ns,
        lambda key, ns: folded in (_fold(n) for n in ns),
        lambda key, ns: folded in (_fold(_stem(PurePosixPath(n).name)) for n in ns),
        lambda key, ns: (is_hex and key.startswith(folded))
        or any(_fold(PurePosixPath(n).name).startswith(folded) for n in ns[:1]),
    ]
    for rule in rules:
        found = [key for key, ns in names.items() if rule(key, ns)]
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{names[k][0]} ({k[:8]})" for k in sorted(
                found, key=lambda k: names[k][0])[:6])
            more = f" et {len(found) - 6} autre(s)" if len(found) > 6 else ""
            raise ProjectError(f"« {ref} » : plusieurs éléments {what} correspondent "
                               f"({listed}{more}) ; précisez le nom complet ou le début de "
                               f"l'empreinte")
    raise ProjectError(f"« {ref} » : aucun élément {what} ne correspond (nom, nom sans "
                       f"extension, début du nom ou de l'empreinte ; « mediakit info OP » "
                       f"les liste)")
