"""Infographics inside an operation: masked photos from its items, the review gate, the
deliverables an export keeps, their export per channel and their place in the review pack."""

import json

import numpy as np
import pytest
from PIL import Image

from mediakit.infographic.charte import load_charte
from mediakit.infographic.project import (
    channels_for,
    export_infographic,
    masked_photo,
    with_photos,
)
from mediakit.infographic.render import parse_formats
from mediakit.infographic.templates import load_template
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.media.images import load_oriented_rgb
from mediakit.privacy import review
from mediakit.privacy.review_gate import UnreviewedError, is_cleared
from tests.conftest import ASSETS

BOX = (200.0, 300.0, 400.0, 200.0)
FORMATS = parse_formats("1200x675,1200x627,1080x1080")


def _op(tmp_path, reviewed=True, detected=True):
    op = Operation.create(tmp_path / "op", "Info")
    import_files(op, [ASSETS / "photos" / "plaque.jpg"])
    sha = next(iter(op.items))
    if detected:
        review.store_detections(op, sha, [], "test")
        review.add_manual(op, sha, "plate", BOX)
    if reviewed:
        review.mark_reviewed(op, sha)
    op.save()
    return op, sha


def _export(op, sha, **kw):
    charte = load_charte("etat")
    template = load_template(charte, "appel-a-temoins")
    data, base = template.sample_data()
    return export_infographic(op, charte, template, data, base, name="Appel à témoins",
                              photos={"photo": sha}, formats=kw.pop("formats", FORMATS), **kw)


def test_the_photo_placed_is_the_masked_item_not_the_original(tmp_path):
    op, sha = _op(tmp_path)
    path = masked_photo(op, sha)
    assert path.parent == op.root / "cache" / "infographie"
    _, original = load_oriented_rgb(op.original_path(sha))
    before, after = np.asarray(original, dtype=float), np.asarray(Image.open(path), dtype=float)
    x, y, w, h = (int(v) for v in BOX)
    inside = np.abs(after[y:y + h, x:x + w] - before[y:y + h, x:x + w]).mean()
    outside = np.abs(after[:200, :150] - before[:200, :150]).mean()
    assert inside > 8 * max(outside, 1.0)  # masked where the review says, untouched elsewhere
    data = with_photos(op, {"photo": "samples/vehicule.jpg",
                            "photo_diffusion_autorisee": "parquet",
                            "photo_laisser_visible": "GZ-482-KT"}, {"photo": sha})
    assert data["photo"] == str(path) and data["photo_item"] == sha
    assert "photo_diffusion_autorisee" not in data and "photo_laisser_visible" not in data


def test_export_keeps_each_channel_size_as_a_deliverable(tmp_path):
    op, sha = _op(tmp_path)
    result = _export(op, sha)
    made = {s: it for s, it in op.items.items() if it["kind"] == "infographic"}
    # 1080×1080 is no channel's size (only an alternative): written, not kept as an item
    assert set(result.items) == {"1200x675", "1200x627"} and set(made) == set(
        result.items.values())
    assert any(p.name.endswith("1080x1080.png") for p in result.files)
    for fmt, item_sha in result.items.items():
        item = op.items[item_sha]
        assert item["sources"] == [sha] and item["format"] == [int(v) for v in fmt.split("x")]
        assert item["for_channels"] == channels_for(*item["format"])
        assert "Photo" in item["alt_text"]
        assert is_cleared(op.items, item_sha)
    actions = [e["action"] for e in audit.entries(op.root)]
    assert actions.count("infographic") == 1 and actions.count("infographic_registered") == 2
    entry = next(e for e in audit.entries(op.root) if e["action"] == "infographic")
    assert entry["details"]["sources"] == [sha] and entry["details"]["items"] == result.items
    again = _export(op, sha)  # same name: replaces, never piles up
    assert len([it for it in op.items.values() if it["kind"] == "infographic"]) == 2
    assert set(again.items) == set(result.items)


def test_unreviewed_photo_refused_then_forced_with_a_logged_reason(tmp_path):
    op, sha = _op(tmp_path, reviewed=False)
    with pytest.raises(UnreviewedError) as err:
        _export(op, sha)
    assert "masques non revus" in str(err.value) and "marquez la photo revue" in str(err.value)
    assert not (op.exports_dir / "infographies").exists()
    with pytest.raises(Exception, match="raison"):
        _export(op, sha, force=True, reason=" ")
    result = _export(op, sha, force=True, reason="diffusion urgente demandée par le préfet")
    overrides = [e for e in audit.entries(op.root) if e["action"] == "override"]
    assert len(overrides) == 1 and overrides[0]["details"]["what"] == "infographie"
    assert result.overridden == [sha]
    assert all("masques-non-revus" in p.name for p in result.files)
    record = json.loads(next(p for p in result.files if p.suffix == ".json").read_text())
    assert record["masques_non_revus"] == [sha]
    assert not any(is_cleared(op.items, s) for s in result.items.values())  # still gated


def test_photo_never_analysed_is_refused_even_forced(tmp_path):
    op, sha = _op(tmp_path, reviewed=False, detected=False)
    with pytest.raises(UnreviewedError, match="détection"):
        _export(op, sha, force=True, reason="pressé")
    assert not [e for e in audit.entries(op.root) if e["action"] == "override"]


def test_infographic_exports_only_to_the_channels_of_its_size(tmp_path):
    from mediakit.channels.export import run_export

    op, sha = _op(tmp_path)
    result = _export(op, sha)
    summary = run_export(op, ["x", "linkedin"], tmp_path / "canaux",
                         items=list(result.items.values()))
    assert not summary.failed and not summary.refused
    sizes = sorted((r["channel"], Image.open(r["output"]).size) for r in summary.outputs)
    assert sizes == [("linkedin", (1200, 627)), ("x", (1200, 675))]


def test_review_pack_takes_infographics_with_their_preview(tmp_path):
    from mediakit.validation.bundle import pack, read_bundle

    op, sha = _op(tmp_path)
    result = _export(op, sha)
    shas = list(result.items.values())
    packed = pack(op, tmp_path / "relecture.zip", items=[sha, *shas])
    assert set(shas) <= set(packed.items)
    files = read_bundle(tmp_path / "relecture.zip")
    manifest = json.loads(files["manifest.json"])
    entries = {e["item"]: e for e in manifest["items"]}
    for item_sha in shas:
        entry = entries[item_sha]
        assert entry["kind"] == "infographic" and entry["preview"] in files
        assert entry["status_before"] == "anonymized"
        assert entry["anonymisation"]["reviewed"] and not entry["anonymisation"]["alerts"]
        assert entry["anonymisation"]["applied"] == {"plaque": 1}
