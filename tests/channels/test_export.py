import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mediakit.channels.export import STATE_FILE, run_export
from mediakit.channels.presets import load_presets
from mediakit.channels.reframe import crop_for_aspect
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.privacy import review
from tests.conftest import ASSETS, require


def _reviewed_op(tmp_path, photos):
    op = Operation.create(tmp_path / "op", "Opération Été")
    import_files(op, photos)
    for sha in op.items:
        review.store_detections(op, sha, [], "test")  # detection ran and found nothing
        review.mark_reviewed(op, sha)
    op.save()
    return op


def test_face_near_edge_stays_inside_vertical_crop():
    face = (1750.0, 300.0, 120.0, 150.0)  # right edge of a 1920x1080 picture
    x, y, w, h = crop_for_aspect(1920, 1080, 9 / 16, [face])
    assert w == 608 and h == 1080
    assert x <= face[0] and face[0] + face[2] <= x + w
    cx, _, cw, _ = crop_for_aspect(1920, 1080, 9 / 16)
    assert not (cx <= face[0] and face[0] + face[2] <= cx + cw)  # a centre crop would lose it


def test_each_still_preset_size_format_cap_and_no_metadata(tmp_path):
    exiftool = require("exiftool")
    op = _reviewed_op(tmp_path, [ASSETS / "photos" / "gps.jpg"])
    summary = run_export(op, ["all"], tmp_path / "out")
    assert summary.ok, summary.failed + summary.refused
    presets = load_presets()
    stills = [r for r in summary.outputs]
    assert {r["channel"] for r in stills} == {n for n, p in presets.items() if p.get("still")}
    for r in stills:
        still = presets[r["channel"]]["still"]
        img = Image.open(r["output"])
        if still["width"]:
            assert img.size == (still["width"], still["height"]), r["channel"]
        else:
            assert img.size == (1024, 768)
        assert img.format == "JPEG"
        assert all(r["checks"].values())
        if still.get("max_bytes"):
            assert Path(r["output"]).stat().st_size <= still["max_bytes"]
    out = json.loads(subprocess.run([exiftool, "-j", "-a", "-G1", *[r["output"] for r in stills]],
                                    capture_output=True, check=True).stdout)
    for tags in out:
        assert not [k for k in tags if k.split(":")[0] in ("GPS", "IFD1", "IPTC", "MakerNotes")
                    or "Serial" in k or k.startswith("XMP")], tags
    assert (tmp_path / "out" / "export_summary.txt").read_text().count("OK") == len(stills)
    name = Path(stills[0]["output"]).name
    assert "_operation-ete_" in name and name.endswith(".jpg")


def test_masked_regions_stay_masked_after_crop(tmp_path):
    op = _reviewed_op(tmp_path, [ASSETS / "photos" / "gps.jpg"])
    sha = next(iter(op.items))
    region = (400.0, 150.0, 250.0, 300.0)
    review.add_manual(op, sha, "face", region)
    op.save()
    [r] = run_export(op, ["press"], tmp_path / "out").outputs
    out = np.asarray(Image.open(r["output"]).convert("RGB")).astype(int)
    src = np.asarray(Image.open(ASSETS / "photos" / "gps.jpg").convert("RGB")).astype(int)
    x, y, w, h = (int(v) for v in region)
    assert np.abs(out[y:y + h, x:x + w] - src[y:y + h, x:x + w]).mean() > 10


def test_unreviewed_item_refused_unless_forced_with_a_logged_reason(tmp_path):
    from mediakit.errors import MediakitError
    from mediakit.library import audit

    op = Operation.create(tmp_path / "op", "Revue")
    import_files(op, [ASSETS / "photos" / "gps.jpg"])
    sha = next(iter(op.items))
    summary = run_export(op, ["x"], tmp_path / "out")
    assert not summary.outputs and "gps.jpg" in summary.refused[0]
    assert "détection n'a jamais été lancée" in summary.refused[0]
    assert "masks" not in op.items[sha]  # no silent detection behind the officer's back
    review.store_detections(op, sha, [], "test")
    summary = run_export(op, ["x"], tmp_path / "out")
    assert not summary.outputs and "masques non revus" in summary.refused[0]
    with pytest.raises(MediakitError, match="raison"):
        run_export(op, ["x"], tmp_path / "out", force=True)
    forced = run_export(op, ["x"], tmp_path / "out", force=True, reason="urgence préfet")
    [r] = forced.outputs
    assert "masques-non-revus" in Path(r["output"]).name and r["forced"]
    [override] = [e for e in audit.entries(op.root) if e["action"] == "override"]
    assert override["details"]["reason"] == "urgence préfet"
    assert override["details"]["items"] == [sha]
    assert not op.items[sha].get("masks_reviewed")


SLOW_EXPORT = r"""
import sys
from pathlib import Path
from mediakit.channels import export
from mediakit.library.project import Operation
real = export.export_still
def slow(*a, **k):
    import time; time.sleep(0.4)
    return real(*a, **k)
export.export_still = slow
op = Operation.open(sys.argv[1])
export.run_export(op, ["x", "linkedin", "facebook"], Path(sys.argv[2]), workers=1)
"""


def test_killed_batch_resumes_without_redoing_finished_jobs(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    rng = np.random.default_rng(3)
    for i in range(4):
        Image.fromarray(rng.integers(0, 255, (300, 400, 3), np.uint8)).save(photos / f"p{i}.jpg")
    op = _reviewed_op(tmp_path, [photos])
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, str(op.root), str(out)])
    state = out / STATE_FILE
    deadline = time.time() + 60
    while time.time() < deadline:
        if state.exists() and 2 <= len(json.loads(state.read_text() or "{}")) < 12:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = json.loads(state.read_text())
    assert 2 <= len(finished) < 12
    mtimes = {v["output"]: os.stat(v["output"]).st_mtime_ns for v in finished.values()}
    summary = run_export(Operation.open(op.root), ["x", "linkedin", "facebook"], out)
    assert len(summary.skipped) == len(finished)
    assert len(summary.outputs) == 12
    for path, mtime in mtimes.items():
        assert os.stat(path).st_mtime_ns == mtime  # not rewritten
    assert not [p for p in out.iterdir() if ".part" in p.name and p.stat().st_size == 0]


# one preset per shape (16:9, 4:5, 9:16) and the broadcast loudness target (press, -23 LUFS)
@pytest.mark.parametrize("channel", ["youtube", "instagram-feed", "tiktok", "press"])
def test_video_preset_output_matches(tmp_path, channel):
    ffprobe = require("ffprobe")
    from mediakit.channels.video_export import export_video
    from tests.conftest import make_video

    clip = make_video(tmp_path / "c.mp4", seconds=2.0, size="640x360", fps=30)
    video = load_presets()[channel]["video"]
    r = export_video(clip, video, tmp_path / f"{channel}.mp4")
    probe = json.loads(subprocess.run([ffprobe, "-v", "error", "-show_streams", "-show_format",
                                       "-of", "json", r["output"]], capture_output=True,
                                      check=True).stdout)
    v = next(s for s in probe["streams"] if s["codec_type"] == "video")
    a = next(s for s in probe["streams"] if s["codec_type"] == "audio")
    assert (v["width"], v["height"]) == (video["width"], video["height"])
    assert v["codec_name"] == "h264" and v["profile"] == "High" and v["pix_fmt"] == "yuv420p"
    assert v["avg_frame_rate"] == "30/1"
    assert int(a["sample_rate"]) == video["audio"]["rate"] and a["codec_name"] == "aac"
    assert r["checks"]["loudness"], r.get("loudness")
    assert abs(r["loudness"] - video["loudness"]["integrated"]) <= 1.0
    tags = {**probe["format"].get("tags", {}), **v.get("tags", {})}
    assert not {"creation_time", "location", "encoder"} & {k.lower() for k in tags}


def test_video_longer_than_the_cap_is_cut_to_it(tmp_path):
    from mediakit.channels.video_export import export_video
    from tests.conftest import make_video

    clip = make_video(tmp_path / "c.mp4", seconds=2.0, size="320x180", fps=25)
    video = {**load_presets()["x"]["video"], "max_duration": 1.0, "width": 320, "height": 180}
    r = export_video(clip, video, tmp_path / "x.mp4")
    assert r["checks"]["duration_cap"] and 0.9 <= r["duration"] <= 1.05, r["duration"]
