"""Timeline and dérushage commands (undoable), SRT, the documented example, the CLI."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from mediakit.errors import MediakitError
from mediakit.library.project import Operation
from mediakit.video.montage import cli as montage_cli
from mediakit.video.montage import derush, timeline
from mediakit.video.montage.demo import demo_timeline
from mediakit.video.montage.subtitles import parse_srt, write_srt
from mediakit.video.montage.timeline import MontageError, normalise

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str]) -> int:
    """The sub-commands as ``mediakit.cli.main`` runs them (exit 2 on a user error)."""
    parser = argparse.ArgumentParser()
    montage_cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except MediakitError as exc:
        print(f"mediakit: {exc}", file=sys.stderr)
        return 2


def test_timeline_commands_undo_redo(mt_op):
    op = mt_op
    red, blue = op.resolve("red.mp4"), op.resolve("blue.mp4")
    timeline.save_timeline(op, "main", {"clips": [{"item": red, "in": 0, "out": 1}]})
    timeline.add_clip(op, "main", {"item": blue, "in": 0.5, "out": 1.5})
    timeline.set_transition(op, "main", 1, "crossfade", 0.4)
    timeline.move_clip(op, "main", 1, 0)
    timeline.add_title(op, "main", {"type": "title", "text": "Bilan", "start": 0, "end": 1})
    tl = timeline.get_timeline(op, "main")
    assert [c["item"] for c in tl["clips"]] == [blue, red] and len(tl["titles"]) == 1
    op.doc.undo()  # title
    op.doc.undo()  # move
    tl = timeline.get_timeline(op, "main")
    assert [c["item"] for c in tl["clips"]] == [red, blue] and not tl.get("titles")
    assert tl["clips"][1]["transition"] == {"type": "crossfade", "duration": 0.4}
    op.doc.undo()  # transition
    assert "transition" not in timeline.get_timeline(op, "main")["clips"][1]
    op.doc.redo()
    op.doc.redo()
    assert [c["item"] for c in timeline.get_timeline(op, "main")["clips"]] == [blue, red]
    # an invalid edit is refused and leaves nothing behind
    depth = len(op.doc.undo_stack)
    with pytest.raises(MontageError, match="clip 1.*sortie"):
        timeline.trim_clip(op, "main", 0, 1.0, 0.5)
    assert len(op.doc.undo_stack) == depth
    assert timeline.get_timeline(op, "main")["clips"][0]["out"] == 1.5
    op.save()
    again = Operation.open(op.root)
    assert [c["item"] for c in timeline.get_timeline(again, "main")["clips"]] == [blue, red]


def test_derush_markers_ranges_search_and_undo(mt_op):
    op = mt_op
    red = op.resolve("red.mp4")
    derush.add_marker(op, red, 0.5, "Arrivée du préfet", ["préfet"])
    rid = derush.add_range(op, red, 0.2, 1.4, "Discours", ["Discours", "élus"])
    derush.set_favourite(op, red, True, rid)
    derush.set_poster(op, red, 1.0)
    assert [h["id"] for h in derush.search(op, "prefet")] == ["p1"]  # accents ignored
    assert [h["id"] for h in derush.search(op, "", favourites=True)] == [rid]
    assert [h["id"] for h in derush.search(op, tag="ELUS")] == [rid]
    assert derush.range_clip(op, red, rid) == {"type": "video", "item": red, "in": 0.2,
                                               "out": 1.4}
    with pytest.raises(MontageError, match="red.mp4.*hors du rush"):
        derush.add_marker(op, red, 9.0)
    op.doc.undo()  # poster
    assert op.items[red]["derush"]["poster"] is None
    op.doc.undo()  # favourite
    assert derush.search(op, "", favourites=True) == []


def test_srt_round_trip_and_errors():
    text = "\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Bonjour</i>\r\nà tous\r\n\r\n" \
           "2\r\n00:00:03,000 --> 00:00:04,000\r\nFin\r\n"
    cues = parse_srt(text)
    assert cues == [{"start": 1.0, "end": 2.5, "text": "Bonjour\nà tous"},
                    {"start": 3.0, "end": 4.0, "text": "Fin"}]
    assert parse_srt(write_srt(cues)) == cues
    with pytest.raises(ValueError, match="subs.srt: fin avant début"):
        parse_srt("1\n00:00:02,000 --> 00:00:01,000\nx\n", "subs.srt")


def test_validation_messages_name_the_clip():
    with pytest.raises(MontageError, match=r"clip 2 \(video r\).*transition « wipe »"):
        normalise({"clips": [{"item": "r", "out": 1}, {"item": "r", "out": 1,
                                                       "transition": "wipe"}]})
    with pytest.raises(MontageError, match="titre 1 : la fin précède"):
        normalise({"clips": [{"type": "card"}], "titles": [{"text": "a", "start": 2, "end": 1}]})


def test_example_and_demo_timelines_are_valid(mt_op):
    example = timeline.load_timeline_file(ROOT / "docs" / "timeline.example.json")
    assert example["clips"] and example["titles"]
    from mediakit.library.importer import import_files

    import_files(mt_op, [ROOT / "assets" / "rushes" / "rush.mp4"])
    demo = normalise(demo_timeline(mt_op, mt_op.resolve("rush.mp4")))
    from mediakit.video.montage.render import resolve
    from tests.video.montage.conftest import originals

    res = resolve(mt_op, demo, source=originals)
    total = sum(s.frames for s in res.segments) - sum(s.transition_frames for s in res.segments)
    assert 8 * 25 <= total <= 15 * 25 and any(t["type"] == "lower_third" for t in demo["titles"])


def test_cli_montage_render_preview_and_masked_source(mt_op, tmp_path, monkeypatch, capsys):
    presets = tmp_path / "presets"
    presets.mkdir()
    from tests.video.montage.conftest import MINI

    (presets / "mini.json").write_text(json.dumps({"name": "mini", "video": MINI}))
    monkeypatch.setenv("MEDIAKIT_PRESETS", str(presets))
    card = {"width": 320, "height": 240, "clips": [
        {"type": "card", "color": "primary", "duration": 0.6},
        {"type": "card", "color": "blanc", "duration": 0.6, "transition": "crossfade"}],
        "titles": [{"text": "Titre", "start": 0, "end": 0.5}]}
    tfile = tmp_path / "tl.json"
    tfile.write_text(json.dumps(card))
    out = tmp_path / "out.mp4"
    assert main(["montage", str(mt_op.root), "--timeline", str(tfile), "--channel", "mini",
                 "-o", str(out), "--speed", "ultrafast", "--save", "cartes"]) == 0
    assert out.is_file() and "cartes" in Operation.open(mt_op.root).doc.data["timelines"]
    png = tmp_path / "frame.png"
    assert main(["montage", str(mt_op.root), "--name", "cartes", "--channel", "mini",
                 "--preview", "0.2", "-o", str(png)]) == 0
    assert png.is_file()
    rush = {"clips": [{"item": "red.mp4", "out": 1}]}
    tfile.write_text(json.dumps(rush))
    capsys.readouterr()
    # a rush without tracks is detected and masked first: the edit reads that rendering
    assert main(["montage", str(mt_op.root), "--timeline", str(tfile), "--channel", "mini",
                 "-o", str(tmp_path / "rush.mp4"), "--speed", "ultrafast"]) == 0
    assert "tracks" in Operation.open(mt_op.root).items[mt_op.resolve("red.mp4")]
    bad = {"clips": [{"item": "absent.mp4", "out": 1}]}
    tfile.write_text(json.dumps(bad))
    assert main(["montage", str(mt_op.root), "--timeline", str(tfile), "--channel", "mini",
                 "-o", str(tmp_path / "refused.mp4")]) == 2
    assert "absent.mp4" in capsys.readouterr().err
    assert not (tmp_path / "refused.mp4").exists()
