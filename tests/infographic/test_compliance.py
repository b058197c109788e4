"""The compliance check fails, with the right message, on deliberately broken inputs."""

from __future__ import annotations

import argparse
import copy
import json

import pytest

from mediakit.errors import MediakitError
from mediakit.infographic import cli
from mediakit.infographic.charte import load_charte
from mediakit.infographic.compliance import check_record
from mediakit.infographic.templates import load_template
from mediakit.infographic.textfit import TextFitError

from .conftest import edited_template, render, sample


def _messages(rec, charte) -> list[str]:
    return [i.message for i in check_record(rec, charte)]


def test_too_long_title_is_refused_naming_the_field() -> None:
    data = sample("etat", "bilan-operation")
    data["titre"] = "Un titre beaucoup trop long " * 12
    with pytest.raises(TextFitError) as exc:
        render("etat", "bilan-operation", data=data)
    assert exc.value.field == "titre" and "taille minimale" in str(exc.value)


def test_forbidden_colour_in_a_record(etat) -> None:
    rec = copy.deepcopy(render("etat", "prevention", scale=0.4).record)
    rec["elements"][-1]["colour"] = "#ff00ff"
    assert any("#ff00ff hors de la palette" in m for m in _messages(rec, etat))


def test_forbidden_colour_in_a_template(tmp_path) -> None:
    def edit(d):
        d["variants"]["square"]["blocks"][3]["colour"] = "#ff00ff"
    tpl = edited_template("prevention", edit, tmp_path)
    with pytest.raises(MediakitError, match="hors de la charte"):
        render("etat", "prevention", tpl=tpl)


def test_low_contrast_text(tmp_path, etat) -> None:
    def edit(d):
        for b in d["variants"]["square"]["blocks"]:
            if b.get("field") == "titre":
                b["colour"] = "surface_alt"  # bleu France 925 on white
    r = render("etat", "prevention", tpl=edited_template("prevention", edit, tmp_path))
    msgs = [i.message for i in r.issues]
    assert any("contraste" in m and "Bleu France 925 sur Blanc" in m for m in msgs), msgs


def test_two_logos(tmp_path) -> None:
    def edit(d):
        d["variants"]["square"]["blocks"].append({"type": "logo"})
    r = render("etat", "prevention", tpl=edited_template("prevention", edit, tmp_path))
    assert "bloc-marque présent 2 fois (un seul autorisé)" in [i.message for i in r.issues]


def test_missing_logo_and_missing_mention(tmp_path) -> None:
    def edit(d):
        d["variants"]["square"]["blocks"] = [b for b in d["variants"]["square"]["blocks"]
                                             if b["type"] not in ("logo", "mention")]
    msgs = [i.message for i in render("etat", "prevention",
                                      tpl=edited_template("prevention", edit, tmp_path)).issues]
    assert "bloc-marque absent" in msgs
    assert "mention obligatoire absente : Signature du service" in msgs


def test_photo_credit_is_mandatory() -> None:
    data = sample("etat", "evenement-recrutement")
    del data["credit"]
    msgs = [i.message for i in render("etat", "evenement-recrutement", data=data).issues]
    assert "mention obligatoire absente : Crédit photo" in msgs


def test_element_inside_the_clear_space(tmp_path) -> None:
    def edit(d):
        d["variants"]["square"]["blocks"].append(
            {"type": "text", "text": "Intrus", "frame": "safe", "box": [0, 0, 20, 5],
             "font": "body", "colour": "text"})
    msgs = [i.message for i in render("etat", "prevention",
                                      tpl=edited_template("prevention", edit, tmp_path)).issues]
    assert any("zone de protection du bloc-marque" in m for m in msgs), msgs


def test_text_under_minimum_size(etat) -> None:
    rec = copy.deepcopy(render("etat", "prevention").record)
    el = next(e for e in rec["elements"] if e["kind"] == "text" and e["role"] == "body")
    el["size_px"] = 12
    assert any("sous le minimum" in m for m in _messages(rec, etat))


# ---------------------------------------------------------------- CLI
def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_cli_render_then_check(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    assert _run(["infographic", "prevention", "-o", str(out), "--formats", "1080x1080"]) == 0
    png = out / "prevention_etat_1080x1080.png"
    assert png.is_file() and png.with_suffix(".json").is_file()
    assert (out / "prevention_etat_1080x1080.alt.txt").is_file()
    assert _run(["charte", "check", str(png)]) == 0
    rec = json.loads(png.with_suffix(".json").read_text(encoding="utf-8"))
    rec["elements"] = [e for e in rec["elements"] if e["kind"] != "logo"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(rec), encoding="utf-8")
    assert _run(["charte", "check", str(broken)]) == 1
    assert "bloc-marque absent" in capsys.readouterr().out


def test_cli_refuses_failing_export_unless_forced(tmp_path, capsys) -> None:
    data = sample("etat", "evenement-recrutement")
    del data["credit"]
    base = load_template(load_charte("etat"), "evenement-recrutement").sample_data()[1]
    data["photo"] = str(base / "samples" / "point-presse.jpg")
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["infographic", "evenement-recrutement", "--data", str(path), "-o", str(out),
            "--formats", "1080x1080"]
    with pytest.raises(MediakitError, match="export refusé"):
        _run(argv)
    assert "Crédit photo" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    assert _run(argv + ["--force"]) == 0
    rec = json.loads((out / "evenement-recrutement_etat_1080x1080.json").read_text("utf-8"))
    assert rec["forced"] and any("Crédit photo" in m for m in rec["issues"])


def test_cli_check_template_with_broken_data(tmp_path, capsys) -> None:
    data = sample("etat", "alerte-crise")
    data["titre"] = "Beaucoup trop long " * 30
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _run(["charte", "check", "alerte-crise", "--formats", "1080x1080"]) == 0
    assert _run(["charte", "check", "alerte-crise", "--data", str(path), "--formats",
                 "1080x1080"]) == 1
    assert "« titre »" in capsys.readouterr().out


def test_cli_list_json(capsys) -> None:
    assert _run(["infographic", "--list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"charte": "prefecture-exemple", "template": "chiffres-cles"} in rows
    assert len(rows) >= 12
    assert _run(["charte", "list"]) == 0
