import os
import shutil
import stat
import subprocess

import numpy as np
import pytest
from PIL import Image

from mediakit.library.importer import import_files, safe_name
from mediakit.library.project import Operation
from tests.conftest import make_video, sha256


def _tree_hashes(folder):
    return {p: sha256(p) for p in folder.rglob("*") if p.is_file() and os.access(p, os.R_OK)}


@pytest.fixture()
def bad_dir(tmp_path, media_dir):
    """Good media beside every kind of bad input named in the issue."""
    d = tmp_path / "sd"
    shutil.copytree(media_dir, d / "good")
    (d / "zero.jpg").write_bytes(b"")
    (d / "texte.jpg").write_text("ceci n'est pas une image", encoding="utf-8")
    jpg = (media_dir / "a.jpg").read_bytes()
    (d / "tronquee.jpg").write_bytes(jpg[: len(jpg) // 2])
    mp4 = (media_dir / "clip.mp4").read_bytes()
    (d / "tronquee.mp4").write_bytes(mp4[: len(mp4) // 2])
    fast = make_video(tmp_path / "fast.mp4", extra=["-movflags", "+faststart"]).read_bytes()
    (d / "tronquee_debut.mp4").write_bytes(fast[: len(fast) * 2 // 3])  # index first, data cut
    # a decompression bomb: 12000 x 9000 = 108 Mpx, tiny on disk
    Image.new("1", (12000, 9000)).save(d / "bombe.png", optimize=True)
    locked = d / "interdit.jpg"
    Image.new("RGB", (30, 20), "green").save(locked)
    locked.chmod(0)
    weird = os.fsencode(str(d)) + b"/photo_\xe9t\xe9.jpg"  # Latin-1 name, not UTF-8
    Image.new("RGB", (40, 20), "orange").save(os.fsdecode(weird), "PNG")  # PNG named .jpg
    long_name = d / ("tres_long_" + "é" * 110 + ".png")
    Image.new("RGB", (64, 48), "navy").save(long_name)
    (d / "zz_copie").mkdir()
    shutil.copy(media_dir / "a.jpg", d / "zz_copie" / "doublon.jpg")  # walked after good/
    (d / "notes.txt").write_text("à ignorer")
    yield d
    locked.chmod(0o644)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_unreadable_file_reported(tmp_path, bad_dir):
    op = Operation.create(tmp_path / "op", "Perm")
    report = import_files(op, [bad_dir / "interdit.jpg"])
    assert "permissions" in report.failed[0]


def test_bad_files_reported_good_ones_imported_originals_untouched(tmp_path, bad_dir):
    before = _tree_hashes(bad_dir)
    modes = {p: p.stat().st_mode for p in bad_dir.rglob("*")}
    op = Operation.create(tmp_path / "op", "Import")
    report = import_files(op, [bad_dir])
    names = {it["name"] for it in op.items.values()}
    assert {"a.jpg", "b.png", "clip.mp4"} <= names
    assert any(n.startswith("photo_") for n in names)  # non-UTF-8 name imported
    assert any(n.startswith("tres_long_") for n in names)
    failed = "\n".join(report.failed)
    for name, reason in [("zero.jpg", "vide"), ("texte.jpg", "pas une image"),
                         ("tronquee.jpg", "tronquée"), ("tronquee.mp4", "vidéo"),
                         ("tronquee_debut.mp4", "tronquée"),
                         ("bombe.png", "trop grande")]:
        line = next(line for line in report.failed if name in line)
        assert reason in line, line
    assert len(report.failed) == 6 + (0 if os.geteuid() == 0 else 1), failed
    assert any("doublon.jpg" in m and "déjà importé" in m for m in report.duplicates)
    assert any("notes.txt" in m for m in report.skipped)
    assert not report.ok
    # sources byte-identical and never chmod-ed
    assert _tree_hashes(bad_dir) == before
    assert {p: p.stat().st_mode for p in bad_dir.rglob("*")} == modes
    # stored copies: read-only, named by hash, identical to the source
    for sha, item in op.items.items():
        stored = op.root / item["path"]
        assert sha256(stored) == sha
        assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        assert len(stored.name.encode()) < 120
        stored.name.encode("utf-8")
        assert (op.root / item["thumb"]).exists()
    reopened = Operation.open(op.root)
    assert set(reopened.items) == set(op.items)


def test_reimport_is_a_noop(tmp_path, media_dir):
    op = Operation.create(tmp_path / "op", "Re")
    first = import_files(op, [media_dir])
    second = import_files(op, [media_dir])
    assert len(first.imported) == 3 and not second.imported
    assert len(second.duplicates) == 3 and second.ok
    assert len(list(op.originals_dir.iterdir())) == 3


def test_import_is_undoable(tmp_path, media_dir):
    op = Operation.create(tmp_path / "op", "Undo")
    import_files(op, [media_dir / "a.jpg"])
    assert len(op.items) == 1
    op.doc.undo()
    assert not op.items


def test_video_facts(tmp_path):
    clip = make_video(tmp_path / "rot.mp4", seconds=1.0, size="320x240",
                      extra=["-metadata:s:v:0", "rotate=90"])
    # recent ffmpeg ignores the rotate tag on output: set a display matrix instead
    fixed = tmp_path / "rot2.mp4"
    from tests.conftest import ffmpeg
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-display_rotation", "90", "-i", str(clip),
                    "-c", "copy", str(fixed)], check=True)
    op = Operation.create(tmp_path / "op", "Vid")
    report = import_files(op, [fixed])
    assert report.ok, report.failed
    info = next(iter(op.items.values()))["info"]
    assert info["rotation"] in (90, 270)
    assert (info["width"], info["height"]) == (240, 320)
    assert info["audio"] and info["audio_codec"] == "aac"
    assert info["video_codec"] == "h264"
    assert abs(info["fps"] - 25) < 0.01


def test_safe_name():
    assert safe_name("a/b:c?.JPG") == "a_b_c.jpg"
    assert safe_name("x" * 300 + ".jpeg").endswith(".jpeg")
    assert len(safe_name("x" * 300 + ".jpeg")) <= 80
    assert safe_name(os.fsdecode(b"caf\xe9.png")) == "caf.png"


def test_photo_facts_from_exif(tmp_path):
    import piexif

    exif = piexif.dump({"0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"EOS R6",
                                piexif.ImageIFD.Orientation: 6},
                        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:05:14 09:30:00"},
                        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N",
                                piexif.GPSIFD.GPSLatitude: ((48, 1), (51, 1), (0, 1))}})
    path = tmp_path / "p.jpg"
    Image.fromarray(np.zeros((60, 80, 3), np.uint8)).save(path, exif=exif)
    op = Operation.create(tmp_path / "op", "Exif")
    import_files(op, [path])
    info = next(iter(op.items.values()))["info"]
    assert info["camera_make"] == "Canon" and info["camera_model"] == "EOS R6"
    assert info["capture_date"] == "2026-05-14T09:30:00"
    assert info["gps"] is True
    assert info["orientation"] == 6 and (info["width"], info["height"]) == (60, 80)
