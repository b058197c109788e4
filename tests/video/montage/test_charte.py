"""The charte on moving pictures: the bloc-marque's version by ground, cartouches over
footage, and the compliance check that measures legibility on the rendered frames."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mediakit.infographic.charte import load_charte
from mediakit.video.montage import blocmarque
from mediakit.video.montage.check import timecode
from mediakit.video.montage.graph import Segment, grounds
from mediakit.video.montage.render import render_timeline
from mediakit.video.montage.titles import video_style
from tests.conftest import ffmpeg
from tests.video.montage.conftest import FPS, MINI, H, W, read_frames

BLEU = (0, 0, 0x91)


@pytest.fixture(scope="module")
def walls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Busy bright footage: a brick wall (light mortar joints) and ffmpeg's testsrc2."""
    d = tmp_path_factory.mktemp("walls")
    y, x = np.indices((H, W))
    mortar = (y % 16 < 3) | ((x + 16 * (y // 16 % 2)) % 32 < 3)
    rng = np.random.default_rng(7)
    img = np.stack([150 + rng.integers(0, 60, (H, W)), 60 + rng.integers(0, 30, (H, W)),
                    45 + rng.integers(0, 25, (H, W))], axis=-1).astype(np.uint8)
    img[mortar] = (215, 210, 200)
    Image.fromarray(img).save(d / "brick.png")
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"testsrc2=s={W}x{H}:r=1", "-frames:v", "1", str(d / "testsrc2.png")],
                   check=True)
    return {"brick": d / "brick.png", "testsrc2": d / "testsrc2.png"}


def _render(tl: dict, out: Path) -> dict:
    return render_timeline(None, {"width": W, "height": H, "fps": FPS, **tl}, out, channel=MINI,
                           speed="ultrafast")


def _cards_then(wall: Path, logo: dict) -> dict:
    """1 s of dark blue title card, then 1 s of footage; the bloc-marque top-left."""
    return {"clips": [{"type": "card", "color": "primary", "duration": 1.0},
                      {"type": "still", "file": str(wall), "duration": 1.0, "fit": "fill"}],
            "titles": [{"type": "title", "text": "Opération Été", "start": 0.1, "end": 0.9}],
            "logo": {"charte": True, "width": 0.3, "position": "top-left", **logo}}


def test_black_bloc_marque_on_dark_blue_fails_the_check_and_the_charte_rule_passes(
        walls, tmp_path):
    bad = _render(_cards_then(walls["brick"], {"version": "standard"}), tmp_path / "bad.mp4")
    report = bad["charte"]
    assert not report["ok"] and not bad["checks"]["charte"]
    issue = next(i for i in report["issues"] if i["element"] == "bloc-marque")
    assert issue["contrast"] < 2, issue  # black ink on bleu France, ~1.2:1
    assert "bloc-marque à 00:00," in issue["message"] and "4,5:1" in issue["message"]
    assert issue["timecode"] in issue["timecodes"] and issue["timecodes"][0] == "00:00,0"
    assert all(i["element"] == "bloc-marque" for i in report["issues"]), report["issues"]

    good = _render(_cards_then(walls["brick"], {}), tmp_path / "good.mp4")
    assert good["charte"]["ok"] and good["checks"]["charte"], good["charte"]["issues"]
    logos = [e for e in good["charte"]["elements"] if e["element"] == "bloc-marque"]
    assert [(e["start"], e["end"]) for e in logos] == [(0.0, 1.0), (1.0, 2.0)]
    assert "blanche" in logos[0]["note"] and "cartouche" in logos[1]["note"]
    assert min(e["contrast"] for e in logos) > 10
    # on the pixels: white ink on the card, a white cartouche over the wall
    frames = read_frames(tmp_path / "good.mp4").astype(int)
    x, y, w, h = blocmarque.geometry(video_style("etat").logos["standard"].path,
                                     {"width": 0.3, "position": "top-left"},
                                     video_style("etat"), W, H)
    on_card, on_wall = frames[12, y:y + h, x:x + w], frames[37, y:y + h, x:x + w]
    assert (on_card.min(axis=-1) > 100).sum() > 100  # white strokes on blue
    assert (np.abs(on_card - BLEU).max(axis=-1) < 40).mean() > 0.6
    assert (on_wall.min(axis=-1) > 200).mean() > 0.7 and (on_wall.max(axis=-1) < 80).sum() > 50
    old = read_frames(tmp_path / "bad.mp4").astype(int)[12, y:y + h, x:x + w]
    assert (old.min(axis=-1) > 100).sum() == 0  # the old render: nothing light on the card


@pytest.mark.parametrize("wall", ["brick", "testsrc2"])
def test_lower_third_over_busy_footage_passes_with_its_cartouche_only(walls, wall, tmp_path):
    band = {"type": "lower_third", "name": "Jean Dupont", "function": "Préfet",
            "start": 0.2, "end": 1.4, "color": "blanc"}
    clips = [{"type": "still", "file": str(walls[wall]), "duration": 1.6, "fit": "fill"}]
    ok = _render({"clips": clips, "titles": [band]}, tmp_path / "ok.mp4")
    assert ok["charte"]["ok"], ok["charte"]["issues"]
    assert ok["charte"]["elements"][0]["contrast"] > 7
    bare = _render({"clips": clips, "titles": [{**band, "cartouche": False}]},
                   tmp_path / "bare.mp4")
    assert not bare["charte"]["ok"]
    (issue,) = bare["charte"]["issues"]
    assert issue["element"] == "bandeau 1 « Jean Dupont »"
    assert 0.2 <= issue["time"] < 1.4 and issue["message"].startswith(
        f"bandeau 1 « Jean Dupont » à {issue['timecode']} : contraste ")
    assert issue["contrast"] < 4.5


def test_title_on_a_card_takes_the_readable_colour_and_a_forced_dark_one_fails(tmp_path):
    tl = {"clips": [{"type": "card", "color": "primary", "duration": 1.0}],
          "titles": [{"type": "title", "text": "Bilan", "start": 0.0, "end": 1.0,
                      "background": None}]}
    auto = _render(tl, tmp_path / "auto.mp4")
    assert auto["charte"]["ok"] and auto["charte"]["elements"][0]["note"] == "sans cartouche"
    forced = _render({**tl, "titles": [{**tl["titles"][0], "color": "text"}]},
                     tmp_path / "forced.mp4")
    assert [i["element"] for i in forced["charte"]["issues"]] == ["titre 1 « Bilan »"]


def test_grounds_cards_footage_and_transitions():
    segs = [Segment("color", 25, color="#000091"),
            Segment("image", 25, transition="crossfade", transition_frames=5),
            Segment("color", 20, color="#ffffff", transition="dip_black", transition_frames=4)]
    assert grounds(segs) == [(0, 20, "#000091"), (20, 45, None), (45, 61, "#ffffff")]
    assert blocmarque.ground_under(grounds(segs), 0.0, 0.8, 25) == "#000091"
    assert blocmarque.ground_under(grounds(segs), 0.5, 0.9, 25) is None  # into the crossfade


def test_version_rules_come_from_the_charte(tmp_path, monkeypatch):
    style = video_style("etat")
    assert blocmarque.choose(style, "#ffffff") == (style.logos["standard"], None)
    assert blocmarque.choose(style, "#000091") == (style.logos["reversed"], None)
    version, box = blocmarque.choose(style, None)  # footage
    assert version.name == "standard" and box is not None and box.colour == "#ffffff"
    # an official bloc-marque without its own reversed file is never recoloured: cartouche
    only_standard = dataclasses.replace(style, logos={"standard": style.logos["standard"]})
    version, box = blocmarque.choose(only_standard, "#000091")
    assert version.name == "standard" and box is not None
    # another charte's rule: a white cartouche on dark grounds too
    folder = tmp_path / "chartes" / "service-cartouche"
    folder.mkdir(parents=True)
    (folder / "charte.json").write_text(json.dumps(
        {"extends": "etat", "video": {"bloc_marque": {"on_dark": "cartouche"}}}),
        encoding="utf-8")
    monkeypatch.setenv("MEDIAKIT_CHARTES", str(tmp_path / "chartes"))
    other = video_style("service-cartouche")
    version, box = blocmarque.choose(other, "#000091")
    assert version.name == "standard" and box is not None
    assert load_charte("service-cartouche").logo_version("reversed")[2] == "#ffffff"


def test_official_bloc_marque_without_reversed_file(tmp_path, monkeypatch):
    Image.new("RGBA", (200, 90), (22, 22, 22, 255)).save(tmp_path / "bloc-marque.png")
    monkeypatch.setenv("MEDIAKIT_MARQUE_DIR", str(tmp_path))
    charte = load_charte("etat")
    assert charte.logo_version("standard")[:2] == (tmp_path / "bloc-marque.png", "officiel")
    assert charte.logo_version("reversed") is None
    Image.new("RGBA", (200, 90), (255, 255, 255, 255)).save(tmp_path / "bloc-marque-blanc.png")
    assert charte.logo_version("reversed")[:2] == (tmp_path / "bloc-marque-blanc.png",
                                                   "officiel")


def test_timecode():
    assert timecode(3.2) == "00:03,2" and timecode(0) == "00:00,0"
    assert timecode(75.04) == "01:15,0" and timecode(59.97) == "01:00,0"


def test_cli_render_reports_the_check_and_check_reads_a_rendered_file(tmp_path, capsys):
    from mediakit.cli import main
    from mediakit.library.project import Operation

    Operation.create(tmp_path / "op", "Opération charte")
    card = {"clips": [{"type": "card", "color": "primary", "duration": 0.6}],
            "logo": {"charte": True, "width": 0.14, "position": "top-left"}}
    for name, logo in (("bon", {}), ("noir", {"version": "standard"})):
        tl = {**card, "logo": {**card["logo"], **logo}}
        (tmp_path / f"{name}.json").write_text(json.dumps(tl), encoding="utf-8")
    out = tmp_path / "bon.mp4"
    base = [str(tmp_path / "op"), "--channel", "youtube", "-o", str(out)]
    assert main(["montage", *base, "--timeline", str(tmp_path / "bon.json"),
                 "--speed", "ultrafast"]) == 0
    assert "lisibilité conforme" in capsys.readouterr().out
    assert main(["montage", *base, "--timeline", str(tmp_path / "bon.json"), "--check"]) == 0
    capsys.readouterr()
    assert main(["montage", str(tmp_path / "op"), "-o", str(tmp_path / "noir.mp4"),
                 "--timeline", str(tmp_path / "noir.json"), "--speed", "ultrafast"]) == 1
    text = capsys.readouterr().out
    assert "bloc-marque à 00:00,0 : contraste 1," in text and "contrôles en échec : charte" in text
    # the check alone, on the black render: same verdict without rendering again
    assert main(["montage", str(tmp_path / "op"), "-o", str(tmp_path / "noir.mp4"),
                 "--timeline", str(tmp_path / "noir.json"), "--check"]) == 1
    assert "bloc-marque à 00:00," in capsys.readouterr().out
