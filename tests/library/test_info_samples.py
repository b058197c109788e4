"""``mediakit info`` on the bundled samples, checked against ffprobe and exiftool."""

import json
import subprocess

import pytest

from mediakit.cli import main
from tests.conftest import ASSETS, require


@pytest.fixture(scope="module")
def sample_op(tmp_path_factory):
    op_dir = tmp_path_factory.mktemp("samples") / "op"
    assert main(["new", str(op_dir), "--name", "Échantillons"]) == 0
    assert main(["import", str(op_dir), str(ASSETS)]) == 0
    return op_dir


def _items(op_dir, capsys):
    capsys.readouterr()
    assert main(["info", str(op_dir), "--json"]) == 0
    return {it["name"]: it for it in json.loads(capsys.readouterr().out)["items"]}


def test_video_fields_match_ffprobe(sample_op, capsys):
    ffprobe = require("ffprobe")
    item = _items(sample_op, capsys)["rush.mp4"]
    probe = json.loads(subprocess.run(
        [ffprobe, "-v", "error", "-show_streams", "-show_format", "-of", "json",
         str(ASSETS / "rushes" / "rush.mp4")], capture_output=True, check=True).stdout)
    video = next(s for s in probe["streams"] if s["codec_type"] == "video")
    audio = next(s for s in probe["streams"] if s["codec_type"] == "audio")
    info = item["info"]
    assert (info["width"], info["height"]) == (video["width"], video["height"])
    assert info["video_codec"] == video["codec_name"]
    assert info["audio_codec"] == audio["codec_name"]
    assert info["audio_rate"] == int(audio["sample_rate"])
    num, den = (int(v) for v in video["avg_frame_rate"].split("/"))
    assert abs(info["fps"] - num / den) < 0.01
    assert abs(info["duration"] - float(probe["format"]["duration"])) < 0.05
    tags = {k.lower(): v for k, v in probe["format"].get("tags", {}).items()}
    assert info["gps"] == any("location" in k for k in tags)
    assert info["capture_date"].startswith(tags["creation_time"][:19])
    assert item["size"] == int(probe["format"]["size"])


def test_photo_fields_match_exiftool(sample_op, capsys):
    exiftool = require("exiftool")
    items = _items(sample_op, capsys)
    for name in ("gps.jpg", "groupe.jpg", "plaque.jpg"):
        tags = json.loads(subprocess.run([exiftool, "-j", "-n", str(ASSETS / "photos" / name)],
                                         capture_output=True, check=True).stdout)[0]
        info = items[name]["info"]
        assert (info["width"], info["height"]) == (tags["ImageWidth"], tags["ImageHeight"])
        assert info["gps"] == ("GPSLatitude" in tags), name
        assert info["camera_make"] == tags.get("Make")
        assert info["camera_model"] == tags.get("Model")
        if "DateTimeOriginal" in tags:
            assert info["capture_date"] == tags["DateTimeOriginal"].replace(":", "-", 2).replace(
                " ", "T")


def test_info_text_never_prints_coordinates(sample_op, capsys):
    capsys.readouterr()
    assert main(["info", str(sample_op)]) == 0
    out = capsys.readouterr().out
    assert "GPS : OUI" in out and "45." not in out and "48.85" not in out
    assert "rush.mp4" in out and "7,00\u00a0s" in out  # French decimal comma
