"""The command line speaks French in words: every ``--help``, the errors of a bad-input
corpus, one grammar (old orders still accepted), item and channel names, one vocabulary of
item states, export summaries that cover every batch."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from mediakit.channels.presets import resolve_channel, resolve_channels
from mediakit.cli import build_parser, main, modernise
from mediakit.clitext import camera_text, checks_text, plain, subcommands
from mediakit.errors import MediakitError, ProjectError
from mediakit.library.project import Operation
from mediakit.library.status import STATES, state_code, state_text

ENGLISH = (" the ", "usage:", "options:", "error:", "Traceback", "show this help", "required",
           "invalid choice", "Error ", "copied", "positional arguments", "unrecognized",
           "expected one argument", "No such file", "Permission denied", "Invalid data")
REPR = re.compile(r"\{'|<[\w.]+ object at|@ 0x[0-9a-f]|\bNone\b|\bTrue\b|\bFalse\b|\[\w+#\d"
                  r"|(?<![\w])'[^'\s]+'(?![\w])|Errno")


def english_or_repr(text: str) -> list[str]:
    """What in ``text`` is English or a Python repr (empty when it is all words)."""
    found = [m for m in ENGLISH if m.lower() in text.lower()]
    found += REPR.findall(text)
    return found


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


# -- every help ---------------------------------------------------------------------------------
def test_every_help_is_french(capsys):
    commands = [words for words, _ in subcommands(build_parser())]
    assert len(commands) > 25  # every domain and its actions (review, derush, charte…)
    for words in commands:
        code, out, err = run(capsys, *words, "--help")
        assert code == 0, words
        assert out.startswith("utilisation : mediakit"), words
        assert not english_or_repr(out + err), (words, english_or_repr(out + err))
        assert "options\u00a0:" in out  # French typography


def test_usage_errors_are_french(capsys):
    code, out, err = run(capsys, "masks")
    assert code == 2 and "arguments obligatoires manquants : ACTION, OPERATION" in err
    code, _, err = run(capsys, "masks", "foo", "op")
    assert code == 2 and "choix invalide : « foo » (choix possibles : detect, list" in err
    code, _, err = run(capsys, "info", "op", "--nope")
    assert code == 2 and "arguments non reconnus : --nope" in err
    code, _, err = run(capsys, "tracks", "list", "op", "x", "--frame", "dix")
    assert code == 2 and "« dix » n'est pas un nombre entier" in err
    assert "mediakit tracks : erreur :" in err


def test_english_on_request(capsys, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_LANG", "en")
    code, out, _ = run(capsys, "masks", "--help")
    assert code == 0 and out.startswith("usage: mediakit masks")
    assert "show the technical detail of errors" in out
    assert "dossier" not in out
    code, _, err = run(capsys, "masks")
    assert "the following arguments are required" in err


def test_every_help_text_has_its_english(monkeypatch):
    from mediakit.cli import INTERNAL, OLD_FORM
    from mediakit.cli_en import EN

    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    missing = {text for text in (INTERNAL, OLD_FORM) if text not in EN}
    for _, parser in subcommands(build_parser()):
        for text in (parser.description, parser.epilog):
            if text and text not in EN:
                missing.add(text)
        for action in parser._actions:
            names = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
            for text in (action.help, *names):
                if isinstance(text, str) and text not in EN:
                    missing.add(text)
    assert not missing, sorted(missing)


def test_deprecation_notice_in_english(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("MEDIAKIT_LANG", "en")
    assert "is the old form" in modernise(["masks", "OP", "list"])[1]


# -- a bad-input corpus -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_op(tmp_path_factory, media_dir):
    root = tmp_path_factory.mktemp("fr")
    op_dir = root / "op"
    assert main(["new", str(op_dir), "--name", "Essai"]) == 0
    assert main(["import", str(op_dir), str(media_dir)]) == 0
    shutil.copy(media_dir / "a.jpg", root / "a-copie.jpg")
    return op_dir


def test_bad_inputs_say_what_in_words(small_op, media_dir, tmp_path, capsys):
    truncated = tmp_path / "tronquee.mp4"
    data = (media_dir / "clip.mp4").read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"x" * 100)
    fake = tmp_path / "texte.jpg"
    fake.write_text("ceci n'est pas une image")
    op, out = str(small_op), str(tmp_path / "sortie")
    corpus = [
        ["frobnicate"], ["masks"], ["masks", "foo", op], ["masks", "list", op],
        ["masks", "list", op, "zz"], ["masks", "accept", op, "a"], ["tracks", "list", op],
        ["tracks", "accept", op, "clip"], ["masks", "add", op, "a", "--box", "1,2"],
        ["photo", "rate", op, "a", "beaucoup"], ["photo", "rate", op, "clip", "3"],
        ["photo", "adjust", op, "a", "exposure=fort"], ["photo", "sheet", op],
        ["people", "add", op, "Nom"], ["people", "add", op, "Nom", str(fake), "--list", "zz"],
        ["people", "remove", op], ["export", op], ["export", op, "--channels", "zz", "-o", out],
        ["export", op, "--channels", "you", "-o", out], ["presets", "show", "zz"],
        ["presets", "show"], ["info", str(tmp_path / "absent")], ["info", op, "--nope"],
        ["new", op, "--name", "Encore"], ["import", op, str(truncated), str(junk), str(fake),
                                          str(tmp_path / "absent.jpg")],
        ["detect", "--json", str(tmp_path / "r.json"), str(fake), str(junk)],
        ["anonymize", str(fake), str(tmp_path / "absent.jpg"), "-o", out],
        ["review", "decide", str(tmp_path / "absent.zip"), "--reviewer", "Chef",
         "--approve", "a"],
        ["review", "changes", op, "zz"], ["charte", "check", "modele-inexistant"],
        ["infographic", "modele-inexistant", "-o", out], ["infographic"],
        ["montage", op, "--timeline", str(tmp_path / "absent.json"), "-o", str(tmp_path / "m.mp4")],
        ["derush", "mark", op, "zz", "1"], ["derush", "mark", op, "clip", "deux"],
        ["audit", str(tmp_path / "absent")],
    ]
    for argv in corpus:
        code, stdout, stderr = run(capsys, *argv)
        assert code != 0, argv
        assert stderr.strip(), argv
        assert not english_or_repr(stdout + stderr), (argv, stdout + stderr)
    # the corrupt files are named, with a reason in words
    code, _, err = run(capsys, "import", op, str(truncated), str(junk), str(fake))
    assert "tronquee.mp4: vidéo illisible : fichier incomplet" in err
    assert "junk.mp4: vidéo illisible : contenu invalide" in err
    assert "texte.jpg: n'est pas une image lisible" in err


def test_verbose_shows_the_technical_detail(small_op, media_dir, tmp_path, capsys):
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"x" * 100)
    code, _, err = run(capsys, "import", "-v", small_op, junk)
    assert code == 1 and "détail technique" in err and "moov atom not found" in err
    code, _, err = run(capsys, "import", small_op, junk)  # without -v: words only
    assert code == 1 and "détail technique" not in err and "moov" not in err


def test_plain_words_replace_technical_text():
    assert plain("x.mp4: vidéo illisible : Error passing `ffmpeg -i` command output:") == \
        "x.mp4: vidéo illisible : format non reconnu"
    text = plain("x.mp4: échec ([vist#0:0/h264 @ 0x55d] Invalid NAL unit size)")
    assert text == "x.mp4: échec (détail technique avec -v)"
    assert plain("a.jpg: lecture impossible (Permission denied)") == \
        "a.jpg: lecture impossible (accès refusé)"
    assert plain("b.jpg: erreur {'a': 1}") == "b.jpg: erreur (détail technique avec -v)"
    kept = "/photos of the day/x.jpg: déjà importé (identique à originals/x.jpg), ignoré"
    assert plain(kept) == kept  # the file name is never touched


def test_words_for_the_cores_codes():
    assert camera_text("Canon", "Canon EOS R6") == "Canon EOS R6"
    assert camera_text("Apple", "iPhone 15 Pro") == "Apple iPhone 15 Pro"
    assert camera_text(None, "X100") == "X100"
    assert checks_text({"dimensions": True, "size_cap": False}) == \
        "contrôles en échec : taille maximale du fichier"
    assert checks_text({"dimensions": True}) == "contrôles OK"


# -- one grammar ----------------------------------------------------------------------------
def test_old_orders_are_rewritten_with_a_notice():
    assert modernise(["masks", "OP", "list", "a"])[0] == ["masks", "list", "OP", "a"]
    assert modernise(["tracks", "OP", "clip", "reject", "t1"])[0] == \
        ["tracks", "reject", "OP", "clip", "t1"]
    assert modernise(["-v", "people", "OP", "list"])[0] == ["-v", "people", "list", "OP"]
    assert modernise(["derush", "OP", "mark", "clip", "1"])[0] == \
        ["derush", "mark", "OP", "clip", "1"]
    new, notice = modernise(["masks", "list", "OP", "a"])
    assert new == ["masks", "list", "OP", "a"] and notice is None
    assert "ancienne forme" in modernise(["masks", "OP", "list"])[1]


def test_old_and_new_orders_both_work(small_op, capsys):
    op = str(small_op)
    code, new_out, new_err = run(capsys, "masks", "list", op, "a")
    code_old, old_out, old_err = run(capsys, "masks", op, "list", "a")
    assert code == code_old == 0 and new_out == old_out
    assert "ancienne forme" in old_err and "ancienne forme" not in new_err
    assert "écrivez désormais « mediakit masks list OP … »" in old_err
    assert run(capsys, "people", "list", op)[0] == 0
    code, _, err = run(capsys, "people", op, "list")
    assert code == 0 and "mediakit people list OP" in err
    assert run(capsys, "derush", "mark", op, "clip", "0,5", "--note", "arrivée")[0] == 0
    code, _, err = run(capsys, "derush", op, "mark", "clip", "1.5")
    assert code == 0 and "ancienne forme" in err
    marks = Operation.open(small_op).item("clip.mp4")["derush"]["markers"]
    assert [m["t"] for m in marks] == [0.5, 1.5]
    assert run(capsys, "tracks", "list", op, "clip")[0] == 0
    code, _, err = run(capsys, "tracks", op, "clip", "list")
    assert code == 0 and "« mediakit tracks list OP ITEM … »" in err


# -- item and channel names ---------------------------------------------------------------------
def _op_with(tmp_path, names):
    op = Operation.create(tmp_path / "op", "Noms")
    shas = {}
    for i, name in enumerate(names):
        sha = f"{i:x}" * 64 if i < 10 else f"{i:02x}" * 32
        sha = ("abc" + sha)[:64] if name == "MVI_0006.MP4" else sha
        op.doc.set(("items", sha), {"sha256": sha, "kind": "photo", "name": name,
                                    "path": f"originals/{sha[:12]}-{name}", "size": 1},
                   label="test")
        shas[name] = sha
    return op, shas


def test_items_match_by_name_stem_prefix_or_hash(tmp_path):
    op, shas = _op_with(tmp_path, ["MVI_0006.MP4", "MVI_0007.MP4", "groupe.jpg", "a.jpg",
                                   "a.png", "plaque.jpg"])
    assert op.resolve("MVI_0006.MP4") == shas["MVI_0006.MP4"]
    assert op.resolve("MVI_0006") == shas["MVI_0006.MP4"]  # without extension
    assert op.resolve("mvi_0006.mp4") == shas["MVI_0006.MP4"]  # any case
    assert op.resolve("grou") == shas["groupe.jpg"]  # unique beginning
    assert op.resolve("abc0") == shas["MVI_0006.MP4"]  # hash beginning
    assert op.resolve(shas["plaque.jpg"][:10]) == shas["plaque.jpg"]
    assert op.resolve("a.png") == shas["a.png"]
    with pytest.raises(ProjectError, match=r"« MVI » : plusieurs éléments .*MVI_0006\.MP4.*"
                                           r"MVI_0007\.MP4.*précisez"):
        op.resolve("MVI")
    with pytest.raises(ProjectError, match=r"« a » : plusieurs éléments .*a\.jpg.*a\.png"):
        op.resolve("a")
    with pytest.raises(ProjectError, match="« zz » : aucun élément de l'opération"):
        op.resolve("zz")


def test_channels_any_case_and_french_names():
    assert resolve_channel("X") == "x"
    assert resolve_channel("presse") == "press"
    assert resolve_channel("Instagram") == "instagram-feed"
    assert resolve_channel("story") == "instagram-story"
    assert resolve_channel("LinkedIn") == "linkedin"
    assert resolve_channel("Instagram (fil)") == "instagram-feed"
    assert resolve_channel("YouTube Shorts") == "youtube-shorts"
    assert resolve_channel("link") == "linkedin"
    assert resolve_channels(["X", "x", "Presse"]) == ["x", "press"]
    assert resolve_channels(["Tous"]) == ["all"]
    with pytest.raises(MediakitError, match=r"« you » : canal ambigu \(youtube, youtube-shorts"):
        resolve_channel("you")
    with pytest.raises(MediakitError, match=r"« zz » : canal inconnu \(canaux : facebook"):
        resolve_channel("zz")


# -- one vocabulary of states ---------------------------------------------------------------
def _states_op(tmp_path):
    op = Operation.create(tmp_path / "etats", "États")
    det = {"detector": "test"}
    mask = {"id": "m1", "label": "face", "region": [0, 0, 4, 4], "state": "accepted",
            "source": "manual", "score": 1.0}
    suspect = dict(mask, id="m2", state="suspect")
    cases = {
        "not_detected": {},
        "to_check": {"detection": det, "masks": [mask, suspect]},
        "to_review": {"detection": det, "masks": [mask]},
        "reviewed": {"detection": det, "masks": [mask], "masks_reviewed": True},
        "exported": {"detection": det, "masks": [mask], "masks_reviewed": True,
                     "exports": [{"path": "x.jpg"}]},
        "to_validate": {"detection": det, "masks_reviewed": True, "status": "to_validate"},
        "validated": {"detection": det, "masks_reviewed": True, "status": "validated"},
        "corrections_requested": {"status": "corrections_requested"},
    }
    for i, (code, extra) in enumerate(cases.items()):
        sha = f"{i + 1:x}" * 64
        op.doc.set(("items", sha), {"sha256": sha, "kind": "photo", "name": f"{code}.jpg",
                                    "size": 10, "status": "to_anonymize", "info": {},
                                    "path": f"originals/{code}.jpg", **extra}, label="test")
    rush = "f" * 64
    op.doc.set(("items", rush), {"sha256": rush, "kind": "video", "name": "rush.mp4",
                                 "size": 10, "info": {}, "detection": det, "path": "o/r.mp4",
                                 "status": "to_anonymize",
                                 "tracks": [dict(mask, id="t1", state="suspect")]},
               label="test")
    return op


def test_info_and_json_agree_on_every_state(tmp_path, capsys):
    op = _states_op(tmp_path)
    code, text, _ = run(capsys, "info", op.root)
    assert code == 0
    code, raw, _ = run(capsys, "info", op.root, "--json")
    items = json.loads(raw)["items"]
    assert {it["state"]["code"] for it in items} == set(STATES)
    for it in items:
        assert "status" in it  # the existing keys are kept
        assert it["state"]["text"] == state_text(it)
        block = text.split(it["name"], 1)[1].split("\n")[1]
        assert block.endswith(f" · {it['state']['text']}"), it["name"]
        if it["kind"] == "photo" and it["name"] != "to_check.jpg":
            assert it["state"]["code"] == it["name"].removesuffix(".jpg")
    rush = next(it for it in items if it["name"] == "rush.mp4")
    assert rush["state"] == {"code": "to_check", "text": "à relire : 1 piste(s), 1 à vérifier"}


def test_window_and_chiefs_page_use_the_same_words(tmp_path):
    pytest.importorskip("PySide6")
    from mediakit.ui.item_state import WORDS, item_state
    from mediakit.validation.html_page import state_words

    assert set(STATES.values()) <= set(WORDS)
    op = _states_op(tmp_path)
    for item in op.items.values():
        assert item_state(item).code == state_code(item)
        assert item_state(item).text == state_text(item)
        assert state_words({"state_before": {"code": state_code(item),
                                             "text": state_text(item)}}) == state_text(item)
    assert state_words({"status_before": "anonymized"}) == STATES["reviewed"]  # older bundles


# -- export summaries -----------------------------------------------------------------------
def test_export_summary_covers_every_batch(tmp_path):
    from mediakit.channels.export import ExportSummary, _write_summary

    out = tmp_path / "export"
    out.mkdir()

    def output(name, item):
        path = out / name
        path.write_bytes(b"x")
        return {"output": str(path), "name": item, "width": 10, "height": 10, "bytes": 1,
                "checks": {"dimensions": True}}

    _write_summary(out, ExportSummary(outputs=[output("a_x.jpg", "a.jpg")],
                                      refused=["«b.jpg» : masques non revus — revoyez-les"]))
    _write_summary(out, ExportSummary(outputs=[output("b_x.jpg", "b.jpg"),
                                               output("a_x.jpg", "a.jpg")]))
    data = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in data["outputs"]] == ["a.jpg", "b.jpg"]
    assert data["refused"] == []  # b.jpg was exported since
    text = (out / "export_summary.txt").read_text(encoding="utf-8")
    assert "a_x.jpg" in text and "b_x.jpg" in text and "2 fichier(s)" in text
    (out / "a_x.jpg").unlink()  # a file gone from the folder leaves the summary
    _write_summary(out, ExportSummary())
    data = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in data["outputs"]] == ["b.jpg"]


def test_export_summary_file_has_the_languages_numbers(tmp_path, monkeypatch):
    """export_summary.txt: « 0,54 Mo », « 2,50 s », « -14,0 LUFS » in French (no-break space
    before the unit), « 0.54 MB » and English words under MEDIAKIT_LANG=en; the JSON keeps
    the raw numbers."""
    from mediakit.channels.export import ExportSummary, _write_summary

    out = tmp_path / "export"
    out.mkdir()
    (out / "a_x.mp4").write_bytes(b"x")
    summary = ExportSummary(outputs=[{
        "output": str(out / "a_x.mp4"), "name": "a.mp4", "width": 1080, "height": 1920,
        "bytes": 540_000, "duration": 2.5, "loudness": -14.04,
        "checks": {"dimensions": True}}])
    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    _write_summary(out, summary)
    text = (out / "export_summary.txt").read_text(encoding="utf-8")
    assert "a_x.mp4: 1080×1920, 2,50\u00a0s, 0,54\u00a0Mo, -14,0\u00a0LUFS — OK" in text
    assert not re.search(r"\d\.\d", text)
    data = json.loads((out / "export_summary.json").read_text(encoding="utf-8"))
    assert data["outputs"][0]["bytes"] == 540_000 and data["outputs"][0]["duration"] == 2.5
    monkeypatch.setenv("MEDIAKIT_LANG", "en")
    _write_summary(out, summary)
    text = (out / "export_summary.txt").read_text(encoding="utf-8")
    assert "a_x.mp4: 1080×1920, 2.50 s, 0.54 MB, -14.0 LUFS — OK" in text
    assert "1 file(s) (0 already done), 0 refused, 0 failed" in text
    assert "Mo" not in text and "fichier" not in text
