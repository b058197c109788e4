"""Infographics made inside an operation: photos taken from its items (their masked
rendering, never the original), the review gate on those photos, and the export that keeps
each rendered format as a deliverable item (exported per channel, packed for the chief).

A photo field of a template names an item of the operation. The picture placed is the item
with its accepted masks applied (faces of the *always mask* list included) and its picture
adjustments, the pixels the officer reviewed; a photo whose review is not done is refused
with the gate's reason unless the caller passes it through a logged override.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.atomic import atomic_path
from mediakit.channels.naming import slug
from mediakit.errors import Cancelled, MediakitError
from mediakit.infographic.charte import Charte
from mediakit.infographic.render import (
    Rendered,
    format_name,
    parse_formats,
    render_one,
    write_outputs,
)
from mediakit.infographic.templates import Template
from mediakit.library import audit, deliverables
from mediakit.library.project import Operation
from mediakit.media.kinds import PHOTO
from mediakit.privacy.review_gate import (
    NOT_DETECTED,
    Blocker,
    UnreviewedError,
    blockers_of,
    require_reviewed,
)

ACTION = "infographie"
UNREVIEWED_TAG = "masques-non-revus"
# data keys of a photo field that only make sense for a file outside an operation: with an
# item, the officer's review decides what stays visible (and that decision is logged)
_FILE_ONLY = ("_diffusion_autorisee", "_laisser_visible", "_anonymisee")


def image_fields(template: Template) -> list[str]:
    """The template's photo fields, in declared order."""
    return [n for n, spec in template.fields.items() if spec.get("type") == "image"]


def operation_photos(op: Operation) -> list[str]:
    """The operation's photos (shas), by name."""
    return sorted((s for s, it in op.items.items() if it.get("kind") == PHOTO),
                  key=lambda s: op.items[s].get("name", s))


def photo_blockers(op: Operation, sha: str) -> list[Blocker]:
    """Why this photo may not be used yet (empty: it may)."""
    item = op.items.get(sha)
    if item is not None and item.get("kind") != PHOTO:
        return [Blocker(sha, item.get("name", sha[:12]), NOT_DETECTED, "n'est pas une photo",
                        "choisissez une photo de l'opération")]
    return blockers_of(op.items, sha)


def never_detected(blockers: Iterable[Blocker]) -> list[Blocker]:
    """Blockers no override can lift: nothing was ever searched to mask on the photo."""
    return [b for b in blockers if b.code == NOT_DETECTED]


def masked_photo(op: Operation, sha: str) -> Path:
    """The item's masked rendering at full size (JPEG cached under the operation): accepted
    masks and *always mask* faces applied, then the picture adjustments."""
    from mediakit.media.images import load_oriented_rgb
    from mediakit.photo.adjust import apply_adjustments
    from mediakit.photo.anonymize import force_always_masked
    from mediakit.privacy.masking import MaskStyle, apply_masks
    from mediakit.privacy.review import accepted_regions

    item = op.items.get(sha)
    if item is None or item.get("kind") != PHOTO:
        raise MediakitError(f"{sha[:12]} : pas une photo de l'opération")
    if "masks" not in item:
        raise MediakitError(f"«{item['name']}» : la détection n'a jamais été lancée, la photo "
                            f"ne peut pas servir sans masques")
    regions = accepted_regions(force_always_masked(item["masks"]))
    style = MaskStyle()
    key = hashlib.sha256(json.dumps([sha, regions, item.get("adjust"), style.style,
                                     style.shape], default=str).encode()).hexdigest()[:20]
    out = op.root / "cache" / "infographie" / f"photo-{key}.jpg"
    if out.is_file():
        return out
    original, oriented = load_oriented_rgb(op.original_path(sha))
    original.close()
    rgb = np.array(oriented.convert("RGB"))
    apply_masks(rgb, regions, style)  # before adjustments: masks follow the pixels
    rgb = apply_adjustments(rgb, item.get("adjust"))
    with atomic_path(out) as tmp:
        Image.fromarray(rgb).save(tmp, "JPEG", quality=95)
    return out


def with_photos(op: Operation | None, data: dict[str, Any],
                photos: dict[str, str]) -> dict[str, Any]:
    """``data`` with each photo field pointing at its item's masked rendering."""
    out = dict(data)
    for name, sha in photos.items():
        for suffix in _FILE_ONLY:
            out.pop(f"{name}{suffix}", None)
        if op is None:
            raise MediakitError(f"champ « {name} » : ouvrez une opération pour choisir une photo")
        out[name] = str(masked_photo(op, sha))
        out[f"{name}_anonymisee"] = True  # masks of the project's review, already applied
        out[f"{name}_item"] = sha
        if not out.get(f"{name}_description") and op.items[sha].get("alt_text"):
            out[f"{name}_description"] = op.items[sha]["alt_text"]
    return out


def check_photos(op: Operation, photos: dict[str, str],
                 overridden: Collection[str] = ()) -> None:
    """Refuse photos that did not pass the review gate (UnreviewedError naming them and
    what unblocks them), unless already let through by a logged override; a photo never
    analysed is refused even then (its masks would be missing)."""
    blockers: list[Blocker] = []
    for sha in dict.fromkeys(photos.values()):
        blockers += photo_blockers(op, sha)
    never = never_detected(blockers)
    if never:
        raise UnreviewedError(never, ACTION)
    left = [b for b in blockers if b.sha not in overridden]
    if left:
        raise UnreviewedError(left, ACTION)


@dataclass
class ExportResult:
    """What an export wrote and kept."""

    name: str
    files: list[Path] = field(default_factory=list)  # every file written (pictures, records)
    items: dict[str, str] = field(default_factory=dict)  # format → deliverable sha
    sources: list[str] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)

    @property
    def pictures(self) -> list[Path]:
        return [p for p in self.files if p.suffix in (".png", ".pdf")]


def channels_for(width: int, height: int, dpi: int | None = None) -> list[str]:
    """The channels that publish a picture of exactly this size (nothing is cropped to
    fit): the print master (A4) goes to the channels that take full-size pictures."""
    from mediakit.channels.presets import load_presets

    out = []
    for name, preset in sorted(load_presets().items()):
        still = preset.get("still") or {}
        if not still:
            continue
        size = (still.get("width"), still.get("height"))
        if (dpi and size == (None, None)) or (not dpi and size == (width, height)):
            out.append(name)
    return out


def export_infographic(op: Operation, charte: Charte, template: Template,
                       data: dict[str, Any], base_dir: Path, *, name: str,
                       photos: dict[str, str] | None = None,
                       formats: list[tuple[int, int, int | None]] | None = None,
                       out_dir: Path | None = None, overridden: Collection[str] = (),
                       force: bool = False, reason: str | None = None,
                       progress: Callable[[int, int, str], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Render every format, write them (PNG, A4 PDF, records and alt texts) and keep each
    PNG as an ``infographic`` deliverable whose sources are the photos it shows.

    Photos must pass the review gate, unless in ``overridden`` (let through by the caller's
    own logged override) or ``force`` with a written ``reason`` (one ``override`` entry);
    their outputs are then tagged « masques-non-revus ». A format that breaks the charte
    refuses the whole export (nothing written). One audit entry ``infographic`` records the
    render, in the same undo step as the deliverables."""
    photos = dict(photos or {})
    formats = formats or parse_formats("all")
    overridden = set(overridden)
    if force:  # a photo never analysed stays refused: no override lifts missing masks
        never = never_detected(b for s in photos.values() for b in photo_blockers(op, s))
        if never:
            raise UnreviewedError(never, ACTION)
        overridden |= set(require_reviewed(op, list(photos.values()), ACTION, force=True,
                                           reason=reason))
    check_photos(op, photos, overridden)
    sources = list(dict.fromkeys(photos.values()))
    forced = [s for s in sources if s in overridden]
    full = with_photos(op, data, photos)
    steps = len(formats) + 1
    rendered = []
    for i, (width, height, dpi) in enumerate(formats):
        if cancelled and cancelled():
            raise Cancelled("export annulé")
        if progress:
            progress(i, steps, format_name(width, height, dpi))
        one = render_one(charte, template, full, base_dir, width, height, dpi)
        if one.issues:
            raise MediakitError(f"{one.name} : {one.issues[0].message}")
        rendered.append(one)
    out_dir = out_dir or op.exports_dir / "infographies"
    stem = slug(name, 40)
    result = ExportResult(name, sources=sources, overridden=forced)
    keep: list[tuple[Rendered, Path, list[str]]] = []  # what becomes a deliverable
    tag = f"_{UNREVIEWED_TAG}" if forced else ""
    for one in rendered:
        files = write_outputs(one, out_dir, stem=f"{stem}_{charte.name}_{one.name}{tag}")
        if forced:
            _flag_record(files[1], forced)
        result.files += files
        channels = channels_for(one.layout.width, one.layout.height, one.layout.dpi)
        if not channels:
            continue  # a size no channel publishes as such: kept in the folder only
        picture = files[0]
        if picture.suffix == ".pdf":  # the print master, as a picture for the channels
            picture = picture.with_suffix(".png")
            with atomic_path(picture) as tmp:
                one.image.save(tmp, "PNG", compress_level=6)
            result.files.append(picture)
        keep.append((one, picture, channels))
    if progress:
        progress(len(formats), steps, "")
    with op.doc.transaction(f"infographie {name}"):
        for one, picture, channels in keep:
            result.items[one.name] = deliverables.register(
                op, picture, deliverables.INFOGRAPHIC, f"{name} {one.name}", sources,
                extra={"alt_text": one.record["alt"],
                       "format": [one.layout.width, one.layout.height],
                       "for_channels": channels, "template": template.name,
                       "charte": charte.name, "overridden": forced})
        audit.record(op.root, "infographic", name=name, template=template.name,
                     charte=charte.name, formats=[one.name for one in rendered],
                     items=result.items, sources=sources, overridden=forced,
                     outputs=[p.name for p in result.pictures])
    op.save()
    if progress:
        progress(steps, steps, "")
    return result


def _flag_record(sidecar: Path, forced: list[str]) -> None:
    from mediakit.atomic import write_text_atomic

    rec = json.loads(sidecar.read_text(encoding="utf-8"))
    rec["masques_non_revus"] = forced
    write_text_atomic(sidecar, json.dumps(rec, ensure_ascii=False, indent=1) + "\n")

