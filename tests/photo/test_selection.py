import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

from mediakit.channels.export import run_export
from mediakit.cli import main
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.photo import captions, selection
from mediakit.photo.adjust import apply_adjustments, transform_boxes
from mediakit.photo.preview import preview_path
from mediakit.privacy import review
from tests.conftest import ASSETS, sha256

GROUP = ASSETS / "photos" / "groupe.jpg"


def _op_with_variants(tmp_path):
    src = Image.open(GROUP).convert("RGB")
    d = tmp_path / "in"
    d.mkdir()
    src.save(d / "nette.jpg", quality=92)
    src.filter(ImageFilter.GaussianBlur(6)).save(d / "floue.jpg", quality=92)
    ImageEnhance.Brightness(src).enhance(2.6).save(d / "surex.jpg", quality=92)
    src.resize((1000, 650)).save(d / "proche.jpg", quality=80)  # near-duplicate
    Image.open(ASSETS / "photos" / "plaque.jpg").save(d / "autre.jpg")
    op = Operation.create(tmp_path / "op", "Tri")
    import_files(op, [d])
    return op, {it["name"]: sha for sha, it in op.items.items()}


def test_blurred_and_overexposed_flagged_and_ranked_below_sharp(tmp_path):
    op, by = _op_with_variants(tmp_path)
    assert not selection.compute_all_hints(op)
    hints = {n: op.items[s]["hints"] for n, s in by.items()}
    assert "flou" in hints["floue.jpg"]["flags"]
    assert "surexposée" in hints["surex.jpg"]["flags"]
    assert not hints["nette.jpg"]["flags"]
    rows = {r["name"]: r for r in selection.suggest(op)}
    assert rows["nette.jpg"]["selected"] and rows["autre.jpg"]["selected"]
    assert not rows["floue.jpg"]["selected"] and not rows["surex.jpg"]["selected"]
    assert rows["nette.jpg"]["score"] > rows["floue.jpg"]["score"]
    assert rows["nette.jpg"]["score"] > rows["surex.jpg"]["score"]
    groups = op.doc.get(("duplicate_groups",))
    group = next(g for g in groups if by["nette.jpg"] in g)
    assert by["proche.jpg"] in group and by["autre.jpg"] not in group
    assert not rows["proche.jpg"]["selected"]
    assert any("doublon de nette.jpg" in r for r in rows["proche.jpg"]["reasons"])


def test_ratings_flags_adjustments_survive_reload_and_undo(tmp_path, capsys):
    op, by = _op_with_variants(tmp_path)
    sha = by["nette.jpg"]
    assert main(["photo", "rate", str(op.root), sha[:8], "4"]) == 0
    assert main(["photo", "adjust", str(op.root), sha[:8], "exposure=0.5", "rotate=90"]) == 0
    assert main(["photo", "caption", str(op.root), sha[:8], "--caption", "x" * 300]) == 0
    assert "trop longue pour x" in capsys.readouterr().out
    op = Operation.open(op.root)
    item = op.items[sha]
    assert item["rating"] == 4 and item["adjust"] == {"exposure": 0.5, "rotate": 90.0}
    selection.set_flag(op, sha, "pick")
    op.doc.set(("items", sha, "adjust"), {"exposure": 1.0}, label="réglages")
    op.doc.undo()
    assert op.items[sha]["adjust"] == {"exposure": 0.5, "rotate": 90.0}
    op.doc.undo()
    assert "flag" not in op.items[sha]
    assert captions.length_problems(op.items[sha], ["x"])


def test_crop_and_rotation_keep_face_mask_over_face_in_export(tmp_path):
    op, by = _op_with_variants(tmp_path)
    sha = by["nette.jpg"]
    before = sha256(op.original_path(sha))
    review.store_detections(op, sha, [], "test")
    face = (700.0, 490.0, 170.0, 220.0)  # Mme Berger's face
    review.add_manual(op, sha, "face", face)
    review.mark_reviewed(op, sha)
    adjust = {"rotate": 90, "straighten": 4.0, "crop": [0.15, 0.1, 0.7, 0.8], "contrast": 0.1}
    op.doc.set(("items", sha, "adjust"), adjust)
    op.save()
    [r] = run_export(op, ["press"], tmp_path / "out", items=[sha]).outputs
    out = np.asarray(Image.open(r["output"]).convert("RGB")).astype(int)
    ref = apply_adjustments(np.asarray(Image.open(GROUP).convert("RGB")), adjust).astype(int)
    assert out.shape == ref.shape
    [(x, y, w, h)] = transform_boxes([face], adjust, 2000, 1300)
    x0, y0, x1, y1 = int(x) + 4, int(y) + 4, int(x + w) - 4, int(y + h) - 4
    inside = np.abs(out[y0:y1, x0:x1] - ref[y0:y1, x0:x1]).mean()
    outside = np.abs(out[:, : max(1, x0 - 40)] - ref[:, : max(1, x0 - 40)]).mean()
    assert inside > 15 > outside + 5  # masked where the face went, untouched elsewhere
    assert sha256(op.original_path(sha)) == before


def test_preview_is_cached_and_masked(tmp_path):
    op, by = _op_with_variants(tmp_path)
    sha = by["nette.jpg"]
    op.doc.set(("items", sha, "masks"), [])
    review.add_manual(op, sha, "face", (700.0, 490.0, 170.0, 220.0))
    first = preview_path(op, sha, side=800)
    mtime = first.stat().st_mtime_ns
    assert preview_path(op, sha, side=800) == first and first.stat().st_mtime_ns == mtime
    img = Image.open(first)
    assert max(img.size) == 800
    op.doc.set(("items", sha, "adjust"), {"exposure": 0.3})
    assert preview_path(op, sha, side=800) != first  # any change renders a new preview


def test_contact_sheet_pdf(tmp_path):
    op, _ = _op_with_variants(tmp_path)
    out = tmp_path / "planche.pdf"
    assert main(["photo", "sheet", str(op.root), "-o", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
