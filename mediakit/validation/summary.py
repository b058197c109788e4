"""What the chief needs to know about one item: anonymisation (masks, tracks, people kept
visible, manual changes, anything unreviewed) and the metadata scrub of its outputs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from mediakit.errors import MediakitError
from mediakit.metadata.inspect import identifying_metadata
from mediakit.privacy.regions import region_label

LABELS = {"face": "visage", "plate": "plaque", "text": "texte"}
METADATA_LABELS = {"gps": "GPS", "serial": "n° de série", "owner": "propriétaire",
                   "person": "auteur", "device": "appareil", "maker_note": "notes fabricant",
                   "date": "date", "comment": "commentaire", "thumbnail": "vignette",
                   "xmp": "XMP", "iptc": "IPTC", "png_text": "texte PNG",
                   "other_segments": "segments divers", "exif_unparsed": "EXIF illisible"}


def anonymisation(item: dict[str, Any],
                  items: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Counts and alerts for the masks and tracks of an item (alerts are shown in red).

    A region the officer rejected is a dismissed false detection (``dismissed``) unless it
    is a person left visible on purpose (the *keep visible* list: ``kept_visible``);
    suspects still undecided are counted apart and raise an alert. A montage or an
    infographic answers for the items it shows (give ``items``)."""
    from mediakit.library.status import is_reviewed
    from mediakit.privacy.review_gate import DERIVED_KINDS

    if item.get("kind") in DERIVED_KINDS:
        return _derived(item, items or {})
    masks = item.get("masks")
    tracks = item.get("tracks")
    regions = list(masks or []) + list(tracks or [])
    applied = Counter(LABELS.get(region_label(r), region_label(r)) for r in regions
                      if r.get("state") == "accepted")
    rejected = [r for r in regions if r.get("state") == "rejected"]
    kept = [r for r in rejected if (r.get("person") or {}).get("list") == "keep_visible"]
    suspects = [r for r in regions if r.get("state") == "suspect"]
    people = sorted({r["person"]["name"] for r in kept if r["person"].get("name")})
    manual = [r["id"] for r in regions if r.get("source") == "manual" or r.get("edited")]
    reviewed = is_reviewed(item)
    from mediakit.video.voice import summary as voice_summary

    voice = voice_summary(item)
    alerts = []
    if not item.get("detection") and masks is None and tracks is None:
        alerts.append("aucune détection lancée : rien n'a été recherché à masquer")
    if suspects:
        alerts.append(f"{len(suspects)} région(s) à vérifier non tranchée(s) par l'agent")
    if not reviewed:
        alerts.append("pistes non revues par l'agent" if tracks is not None and masks is None
                      else "masques non revus par l'agent")
        alerts += [f"{r['id']} ({LABELS.get(region_label(r), region_label(r))}) laissé visible "
                   f"sans personne identifiée" for r in rejected
                   if r not in kept and r.get("source") != "manual" and not r.get("edited")]
    return {"masks": len(masks or []), "tracks": len(tracks or []),
            "applied": dict(sorted(applied.items())), "kept_visible": len(kept),
            "dismissed": len(rejected) - len(kept), "suspects": len(suspects),
            "people_kept_visible": people, "manual": manual, "alerts": alerts,
            "reviewed": reviewed, "voice": [voice["text"] + f" ({voice['preset_label']})"]
            if voice else []}


def _derived(item: dict[str, Any], items: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A deliverable's summary: the sum of its sources' (their alerts name the source)."""
    from mediakit.library.status import is_reviewed

    out: dict[str, Any] = {"masks": 0, "tracks": 0, "applied": Counter(), "kept_visible": 0,
                           "dismissed": 0, "suspects": 0, "people_kept_visible": [],
                           "manual": [], "alerts": [], "reviewed": is_reviewed(item, items),
                           "voice": []}
    sources = item.get("sources")
    if sources is None:
        out["alerts"].append("sources inconnues : rien ne dit ce qu'il montre")
    for sha in dict.fromkeys(sources or []):
        src = items.get(sha)
        if src is None:
            out["alerts"].append(f"source {sha[:12]} absente de l'opération")
            continue
        one = anonymisation(src, items)
        for key in ("masks", "tracks", "kept_visible", "dismissed", "suspects"):
            out[key] += one[key]
        out["applied"].update(one["applied"])
        out["people_kept_visible"] = sorted({*out["people_kept_visible"],
                                             *one["people_kept_visible"]})
        out["manual"] += [f"{src.get('name', sha[:12])} {m}" for m in one["manual"]]
        out["voice"] += [f"{src.get('name', sha[:12])} : {v}" for v in one["voice"]]
        out["alerts"] += [f"{src.get('name', sha[:12])} : {a}" for a in one["alerts"]]
    out["applied"] = dict(sorted(out["applied"].items()))
    return out


def metadata_report(original: Path, outputs: list[Path],
                    allowed: set[str]) -> dict[str, Any]:
    """Identifying metadata of the original, and what each output still carries (should be
    nothing but ``allowed``: the ICC profile, and the credit when one is configured)."""
    allowed = allowed | {"icc_profile"}
    before = _categories(original)
    after = {p.name: _categories(p) for p in outputs}
    leaks = {name: sorted(set(cats) - allowed) for name, cats in after.items()
             if cats is not None and set(cats) - allowed}
    return {"original": before, "outputs": after, "leaks": leaks,
            "clean": not leaks}


def _categories(path: Path) -> list[str] | None:
    try:
        return sorted(k for k in identifying_metadata(path) if k != "icc_profile")
    except MediakitError:
        return None  # not an image (video): checked by the export itself


def describe_metadata(names: list[str] | None) -> str:
    if names is None:
        return "non vérifiable ici"
    return ", ".join(METADATA_LABELS.get(n, n) for n in names) or "aucune"
