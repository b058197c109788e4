"""Bundle content: unreviewed items flagged in red, metadata leaks reported, keys and CLI
errors."""

from __future__ import annotations

import json
import zipfile

import pytest

from mediakit.errors import MediakitError
from mediakit.library import audit
from mediakit.validation import keys
from mediakit.validation.summary import metadata_report
from tests.validation.conftest import make_photos, run, shas_by_name


def _read(bundle, suffix):
    with zipfile.ZipFile(bundle) as zf:
        [name] = [n for n in zf.namelist() if n.endswith(suffix)]
        return zf.read(name)


def test_unreviewed_item_refused_then_packed_by_logged_override_flagged_in_red(op, tmp_path):
    bravo = shas_by_name(op)["bravo.jpg"]
    op.doc.set(("items", bravo, "masks_reviewed"), False)
    op.doc.set(("items", bravo, "masks"), [
        {"id": "m1", "label": "face", "region": [5, 5, 40, 40], "box": [5, 5, 40, 40],
         "state": "rejected", "source": "auto:yunet", "score": 0.9, "edited": False,
         "person": {"name": "Préfète", "list": "keep_visible"}, "text": None}])
    op.save()
    assert run("pack", op.root, "--channels", "x", "-o", tmp_path / "p.zip") == 2
    assert not (tmp_path / "p.zip").exists()
    assert run("pack", op.root, "--channels", "x", "-o", tmp_path / "p.zip", "--force",
               "--reason", "avis du chef demandé sur ce masque") == 0
    [override] = [e for e in audit.entries(op.root) if e["action"] == "override"]
    assert override["details"]["items"] == [bravo]
    assert override["details"]["reason"] == "avis du chef demandé sur ce masque"
    manifest = json.loads(_read(tmp_path / "p.zip", "/manifest.json"))
    entry = next(e for e in manifest["items"] if e["item"] == bravo)
    assert "masques non revus par l'agent" in entry["anonymisation"]["alerts"]
    assert entry["anonymisation"]["people_kept_visible"] == ["Préfète"]
    assert "masques-non-revus" in entry["outputs"][0]["file"]
    html = _read(tmp_path / "p.zip", "/index.html").decode()
    assert '<p class="alert">⚠ masques non revus par l&#x27;agent</p>' in html
    assert "Préfète" in html and html.count('class="alert">⚠ masques non revus') == 1
    alpha = next(e for e in manifest["items"] if e["item"] != bravo)
    assert alpha["caption"] is None and "<dd>—</dd>" in html


def test_metadata_leak_is_reported(tmp_path):
    [original, _] = make_photos(tmp_path)
    report = metadata_report(original, [original], allowed=set())
    assert not report["clean"] and "gps" in report["leaks"][original.name]


def test_keys_refuse_overwrite_and_bad_files(tmp_path):
    private, public = keys.generate("Préfet Martin", tmp_path)
    assert private.stat().st_mode & 0o077 == 0
    with pytest.raises(MediakitError, match="existe déjà"):
        keys.generate("Préfet Martin", tmp_path)
    with pytest.raises(MediakitError, match="illisible"):
        keys.load_private(public)


def test_cli_errors_are_one_line(op, tmp_path, capsys):
    assert run("import", op.root, tmp_path / "absent.json") == 2
    assert run("decide", tmp_path / "absent.zip", "--reviewer", "X", "--approve", "a") == 2
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("mediakit:")]
    assert len(lines) == 2 and all("\n" not in ln for ln in lines)


def test_previews_are_masked_and_unanalysed_photos_refused(op, tmp_path):
    import io

    import numpy as np
    from PIL import Image

    from mediakit.privacy import review

    alpha = shas_by_name(op)["alpha.jpg"]
    review.add_manual(op, alpha, "face", (100.0, 60.0, 120.0, 120.0))
    op.save()
    assert run("pack", op.root, "--items", "alpha.jpg", "-o", tmp_path / "p.zip") == 0
    preview = np.asarray(Image.open(io.BytesIO(_read(tmp_path / "p.zip", "alpha.jpg"))),
                         dtype=int)
    original = np.asarray(Image.open(op.original_path(alpha)).convert("RGB"), dtype=int)
    assert preview.shape == original.shape
    inside = np.abs(preview[60:180, 100:220] - original[60:180, 100:220]).mean()
    outside = np.abs(preview[:50, :90] - original[:50, :90]).mean()
    assert inside > 3 * outside
    op.doc.delete(("items", alpha, "masks"))
    op.save()
    assert run("pack", op.root, "-o", tmp_path / "q.zip") == 2
    assert not (tmp_path / "q.zip").exists()
