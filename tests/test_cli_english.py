"""``MEDIAKIT_LANG=en``: the command line in English, with no French left in its helps, its
summaries (import, detect, anonymize, export, pack) and its errors naming a file and the
reason; and in French, the same commands with no English."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from mediakit.cli import build_parser, main
from mediakit.clitext import number, subcommands, translate, typeset
from tests.test_cli_french import english_or_repr

# French words and signs that no English message holds (names and paths are scrubbed first)
FRENCH = re.compile(
    r"[éèêàâùûôîçœ«»]|\b(le|la|les|des|du|un|une|et|ou|pour|avec|aucun|aucune|dans|sur|est|"
    r"sont|pas|fichier|fichiers|élément|éléments|échec|importé|doublon|ignoré|refusé|masqué|"
    r"revu|introuvable|opération|paquet|planche|détection|lancez|précisez|illisible|"
    r"visage|plaque|région|masque|masques|inconnu|inconnue|canal|canaux|photos de|"
    r"utilisation|erreur|obligatoires|choix|valeur)\b", re.IGNORECASE)
# values of the command line that stay as they are in English (choices, names, folders)
LITERALS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|--\w[\w-]*|\b(tout|etat|grave|aigu|presse|projet|"
                      r"pret-a-publier|visage|plaque|masquer|laisser-visible|Essai)\b")


def french_in(text: str) -> list[str]:
    """The French words left in ``text`` (paths, file names and command values aside)."""
    found = []
    for line in text.splitlines():
        line = re.sub(r"\S*[/\\]\S*|\S+\.(jpe?g|png|mp4|pdf|zip|json|txt|csv|wav|srt)\b|"
                      r"\b[0-9a-f]{10,}\b|\S*NON-VALIDE\S*", "", line, flags=re.IGNORECASE)
        line = LITERALS.sub("", line)
        found += [m.group(0) for m in FRENCH.finditer(line)]
    return found


def run(capsys, *argv: object) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture()
def english(monkeypatch):
    monkeypatch.setenv("MEDIAKIT_LANG", "en")


@pytest.fixture(scope="module")
def workflow_dir(tmp_path_factory, media_dir):
    """An operation with two photos and a rush, and the bad files of a corpus."""
    root = tmp_path_factory.mktemp("en")
    group = Path(__file__).resolve().parents[1] / "assets" / "photos" / "groupe.jpg"
    shutil.copy(group, root / "groupe.jpg")
    shutil.copy(media_dir / "a.jpg", root / "a.jpg")
    data = (media_dir / "clip.mp4").read_bytes()
    (root / "cut.mp4").write_bytes(data[: len(data) // 3])
    (root / "junk.mp4").write_bytes(b"x" * 100)
    (root / "texte.jpg").write_text("ceci n'est pas une image")
    return root


def _commands(root: Path, lang: str) -> list[list[object]]:
    op, out = root / f"op-{lang}", root / f"out-{lang}"
    return [
        ["new", op, "--name", "Essai"],
        ["import", op, root / "groupe.jpg", root / "a.jpg", root / "cut.mp4", root / "junk.mp4",
         root / "texte.jpg", root / "absent.jpg"],
        ["import", op, root / "a.jpg"],
        ["info", op],
        ["masks", "list", op, "a"],
        ["masks", "list", op, "zz"],
        ["export", op, "--channels", "X", "-o", out],  # refused: not reviewed
        ["export", op, "--channels", "zz", "-o", out],
        ["review", "pack", op, "-o", root / f"pack-{lang}.zip"],
        ["masks", "detect", op, "groupe", "a"],
        ["masks", "list", op, "groupe"],
        ["masks", "accept", op, "groupe", "m1", "m99"],
        ["masks", "reject", op, "groupe", "m1"],
        ["masks", "reviewed", op, "groupe", "a"],
        ["detect", "--json", root / f"r-{lang}.json", root / "a.jpg", root / "texte.jpg"],
        ["anonymize", op, "-o", root / f"anon-{lang}"],
        ["export", op, "--channels", "x,presse", "-o", out],
        ["review", "pack", op, "-o", root / f"pack-{lang}.zip"],
        ["review", "keygen", "Chef", "-o", root / f"keys-{lang}"],
        ["review", "decide", root / f"pack-{lang}.zip", "--reviewer", "Chef", "--key",
         root / f"keys-{lang}" / "chef.cle-privee.pem", "--approve", "a", "--request",
         "groupe", "fond flou", "-o", root / f"dec-{lang}.json"],
        ["review", "import", op, root / f"dec-{lang}.json"],  # refused: key not registered
        ["review", "add-reviewer", op, "Chef", root / f"keys-{lang}" / "chef.cle-publique.pem"],
        ["review", "import", op, root / f"dec-{lang}.json"],
        ["review", "changes", op, "groupe"],
        ["review", "publish", op],  # refused: choose the channels
        ["review", "publish", op, "--channels", "x"],
        ["photo", "rate", op, "a", "9"],
        ["photo", "adjust", op, "a", "exposure=0,3", "contrast=0.1"],
        ["photo", "suggest", op], ["photo", "hints", op],
        ["photo", "sheet", op, "-o", root / f"sheet-{lang}.pdf", "--all"],
        ["audit", op], ["audit", op, "--verify"],
        ["info", root / "absent"],
    ]


def test_workflow_in_english_has_no_french(workflow_dir, english, capsys):
    said = []
    for argv in _commands(workflow_dir, "en"):
        code, text = run(capsys, *argv)
        assert not french_in(text), (argv, french_in(text), text)
        assert "technical detail" not in text, (argv, text)  # English is not "technical"
        said.append(text)
    joined = "\n".join(said)
    # the summaries, in English (a sample of what each says)
    for expected in ("imported, 1 duplicate(s)", "already imported (same as",
                     "not a readable image (unknown format or invalid content)",
                     "junk.mp4: unreadable video: invalid content", "absent.jpg: not found",
                     "mask(s) proposed", "score 0.", "m99: no mask of that name on groupe.jpg",
                     "file(s) anonymised", "MB — OK", "bundle ", "(manifest ",
                     "contact sheet (2 photo(s))", "audit trail intact",
                     "detection was never run", "unknown channel (channels:",
                     "a.jpg: exposure +0.3 · contrast +0.1", "sharpness",
                     "decision refused: the reviewer \"Chef\" has no registered key",
                     "APPROVED a.jpg", "CHANGES REQUESTED groupe.jpg",
                     "file(s) ready to publish"):
        assert expected in joined, expected


def test_workflow_in_french_has_no_english(workflow_dir, monkeypatch, capsys):
    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    said = []
    for argv in _commands(workflow_dir, "fr"):
        code, text = run(capsys, *argv)
        assert not english_or_repr(text), (argv, english_or_repr(text))
        said.append(text)
    joined = "\n".join(said)
    # French numbers: decimal commas, a no-break space before the unit
    assert re.search(r"score 0,\d\d", joined) and re.search(r"\d,\d\d\u00a0Mo — OK", joined)
    assert not re.search(r"\d\.\d+ ?(Mo|Ko|s)\b", joined)
    assert "a.jpg: exposition +0,3 · contraste +0,1" in joined


def test_helps_in_english_have_no_french(english, capsys):
    for words in [w for w, _ in subcommands(build_parser())]:
        code, text = run(capsys, *words, "--help")
        assert code == 0 and text.startswith("usage: mediakit"), words
        assert not french_in(text), (words, french_in(text))


def test_bad_inputs_in_english(english, workflow_dir, tmp_path, capsys):
    op = workflow_dir / "op-bad"
    assert main(["new", str(op), "--name", "Essai"]) == 0
    capsys.readouterr()
    corpus = [["frobnicate"], ["masks"], ["masks", "foo", op], ["masks", "list", op],
              ["photo", "rate", op, "zz", "beaucoup"], ["photo", "sheet", op],
              ["export", op, "--channels", "zz", "-o", tmp_path], ["new", op, "--name", "x"],
              ["info", tmp_path / "absent"], ["info", op, "--nope"],
              ["infographic", "modele-inexistant", "-o", tmp_path], ["infographic"]]
    for argv in corpus:
        code, text = run(capsys, *argv)
        assert code != 0 and text.strip(), argv
        assert not french_in(text), (argv, french_in(text), text)


def test_numbers_in_each_language(monkeypatch):
    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    assert number(12000) == "12\u202f000" and number(2.5, unit="s") == "2,5\u00a0s"
    assert typeset("clip.mp4: 1920×1080, 2.50 s, 0.54 Mo, score 0.67") == \
        "clip.mp4: 1920×1080, 2,50\u00a0s, 0,54\u00a0Mo, score 0,67"
    assert typeset("MVI_0006.MP4 v1.2") == "MVI_0006.MP4 v1.2"  # names are left alone
    monkeypatch.setenv("MEDIAKIT_LANG", "en")
    assert number(12000) == "12,000" and number(2.5, unit="s") == "2.5 s"
    assert typeset("2,50\u00a0s, 12\u202f000 fichiers, 392,8 Ko") == "2.50 s, 12,000 fichiers, " \
                                                                       "392.8 kB"
    # an English number written by number() is not read back as a French decimal
    assert typeset(f"{number(12000)} file(s), frames {number(1234)}-{number(1300)}, "
                   f"{number(1234567)}") == "12,000 file(s), frames 1,234-1,300, 1,234,567"
    # a message from the core, translated with its parts
    assert translate("ÉCHEC /x/junk.mp4: vidéo illisible : contenu invalide : ce n'est pas "
                     "une vidéo lisible") == ("FAILED /x/junk.mp4: unreadable video: invalid "
                                              "content: not a readable video")
    assert translate("inconnu de tous") == "inconnu de tous"  # unknown: left as it is


def _lists(tmp_path: Path, media_dir: Path, capsys) -> dict[str, str]:
    """``tracks list``, ``voice list`` (before and after disguising ranges) and ``presets
    list`` of an operation with a rush, one manual track left visible."""
    op = tmp_path / "op"
    for argv in (["new", op, "--name", "Essai"], ["import", op, media_dir / "clip.mp4"],
                 ["tracks", "add", op, "clip", "--frame", "0", "--box", "10,10,40,40"]):
        assert run(capsys, *argv)[0] == 0, argv
    said = {"voice-none": run(capsys, "voice", "list", op, "clip")[1]}
    edits = []
    for argv in (["tracks", "reject", op, "clip", "t1"],
                 ["voice", "add", op, "clip", "0,5-1", "--preset", "aigu"],
                 ["voice", "add", op, "clip", "1,5-"],
                 ["voice", "preview", op, "clip", "0-1", "-o", tmp_path / "apres.wav"],
                 ["reframe", "set", op, "clip", "0,5", "--x", "0,3"],
                 ["reframe", "list", op, "clip"], ["reframe", "remove", op, "clip", "0,5"],
                 ["reframe", "list", op, "clip"]):
        code, text = run(capsys, *argv)
        assert code == 0, argv
        edits.append(text)
    said["edits"] = "".join(edits)  # what the edits said, in the same language
    said["tracks"] = run(capsys, "tracks", "list", op, "clip")[1]
    said["voice"] = run(capsys, "voice", "list", op, "clip")[1]
    said["presets"] = run(capsys, "presets", "list")[1]
    return said


def test_list_commands_in_english(media_dir, tmp_path, english, capsys):
    said = _lists(tmp_path, media_dir, capsys)
    for name, text in said.items():
        assert not french_in(text), (name, french_in(text), text)
    assert re.search(r"t1\s+face\s+left visible\s+manual\s+frames 0–\d+\s+\d+ keyframe\(s\)"
                     r"\s+score 1\.00", said["tracks"]), said["tracks"]
    assert "clip.mp4: original voice (no range disguised)" in said["voice-none"]
    assert "clip.mp4: disguised voice (higher): 0.5–1.0 s ; 1.5 s–end" in said["voice"]
    assert re.search(r"instagram-feed +Instagram \(feed\) +image 1080×1350 +video 1080×1350",
                     said["presets"])
    assert "Press (full-resolution JPEG, 1080p master)" in said["presets"]
    assert "image full resolution" in said["presets"]


def test_list_commands_in_french(media_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    said = _lists(tmp_path, media_dir, capsys)
    for name, text in said.items():
        assert not english_or_repr(text), (name, english_or_repr(text), text)
    assert re.search(r"t1\s+visage\s+laissée visible\s+manuelle\s+images 0–\d+\s+\d+ clé\(s\)"
                     r"\s+score 1,00", said["tracks"]), said["tracks"]
    assert "clip.mp4: voix d'origine (aucune plage modifiée)" in said["voice-none"]
    assert "clip.mp4: voix modifiée (plus aiguë) : 0,5–1,0\u00a0s ; 1,5\u00a0s–fin" in \
        said["voice"]
    assert re.search(r"instagram-feed +Instagram \(fil\) +image 1080×1350 +vidéo", said["presets"])


def _montage_charte_people(tmp_path: Path, media_dir: Path, monkeypatch, capsys) -> dict[str, str]:
    """What montage (save, preview, render, check of a tiny timeline of cards), derush,
    infographic, charte and people say, by command."""
    import json

    from PIL import Image

    from mediakit.library.project import Operation
    from mediakit.privacy import people
    from tests.video.montage.conftest import MINI

    presets = tmp_path / "presets"
    presets.mkdir()
    (presets / "mini.json").write_text(json.dumps({"name": "mini", "video": MINI}))
    monkeypatch.setenv("MEDIAKIT_PRESETS", str(presets))
    op = tmp_path / "op"
    for argv in (["new", op, "--name", "Essai"], ["import", op, media_dir / "clip.mp4"]):
        assert run(capsys, *argv)[0] == 0, argv
    people.add_person(Operation.open(op), "Agent X", "always_mask",
                      people.References([[0.0] * 128], ["ref.jpg"], Image.new("RGB", (8, 8))))
    timeline = tmp_path / "tl.json"
    timeline.write_text(json.dumps({"width": 320, "height": 240, "clips": [
        {"type": "card", "color": "primary", "duration": 0.6},
        {"type": "card", "color": "blanc", "duration": 0.6, "transition": "crossfade"}],
        "titles": [{"text": "Title", "start": 0, "end": 0.5}]}))
    out, igt = tmp_path / "cards.mp4", tmp_path / "igt"
    base = ["--channel", "mini", "-o"]
    commands = {
        "save": ["montage", op, "--timeline", timeline, *base, out, "--speed", "ultrafast",
                 "--save", "cards"],
        "preview": ["montage", op, "--name", "cards", *base, tmp_path / "f.png", "--preview",
                    "0,2"],
        "check": ["montage", op, "--name", "cards", *base, out, "--check"],
        "mark": ["derush", "mark", op, "clip", "0,5", "--note", "arrival", "--tags", "crowd"],
        "range": ["derush", "range", op, "clip", "0,2", "1,5", "--fav"],
        "fav": ["derush", "fav", op, "clip"], "unfav": ["derush", "fav", op, "clip", "--off"],
        "poster": ["derush", "poster", op, "clip", "1,5"],
        "derush-list": ["derush", "list", op], "search": ["derush", "search", op, "arrival"],
        "none": ["derush", "search", op, "zzz"], "remove": ["derush", "remove", op, "clip", "p1"],
        "infographic-list": ["infographic", "--list"],
        "render": ["infographic", "chiffres-cles", "-o", igt, "--formats", "1080x1080"],
        "charte-check": ["charte", "check", "chiffres-cles", "--formats", "1080x1080"],
        "charte-list": ["charte", "list"],
        "people-list": ["people", "list", op], "move": ["people", "move", op, "Agent X"],
        "people-list-2": ["people", "list", op], "unlist": ["people", "remove", op, "Agent X"],
    }
    said = {}
    for name, argv in commands.items():
        code, said[name] = run(capsys, *argv)
        assert code == 0, (argv, said[name])
    # a rendered record with a colour outside the palette: one issue
    record = json.loads((igt / "chiffres-cles_etat_1080x1080.json").read_text())
    record["elements"].append({"kind": "rect", "box": [540, 540, 4, 4], "colour": "#123456"})
    (tmp_path / "bad.json").write_text(json.dumps(record))
    code, said["bad"] = run(capsys, "charte", "check", tmp_path / "bad.json")
    assert code == 1, said["bad"]
    return said


def test_montage_charte_people_in_english(media_dir, tmp_path, english, monkeypatch, capsys):
    said = _montage_charte_people(tmp_path, media_dir, monkeypatch, capsys)
    for name, text in said.items():
        assert not french_in(text), (name, french_in(text), text)
    assert 'timeline "cards" saved in the project' in said["save"]
    assert re.search(r"cards\.mp4: 320×240, 25 fps, \d\.\d s(, −?\d+\.\d LUFS)?; checks OK",
                     said["save"]), said["save"]
    assert "preview at 0.2 s: " in said["preview"]
    assert "charter: legibility compliant (" in said["check"]
    assert said["mark"].strip() == "marker p1 set" and "favourite added" in said["fav"]
    assert "clip.mp4 (cover 1.5 s)" in said["derush-list"]
    assert "clip.mp4 p1 0.5 s arrival #crowd" in said["search"]
    assert re.search(r"r1 0\.2–1\.5 s ★", said["derush-list"]), said["derush-list"]
    assert said["none"].strip() == "no result" and said["remove"].strip() == "p1 removed"
    assert "0 deviation(s) from the charter \"etat\"" in said["charte-check"]
    assert "State — generic identity (DSFR) — brand block provisional, fonts sans: " \
           "substitute" in said["charte-list"]
    assert "NOT COMPLIANT  bad.json" in said["bad"]
    assert "  - colour #123456 outside the palette (fill)" in said["bad"]
    assert re.search(r"always mask +\w+  Agent X  \(1 photo\(s\)\)", said["people-list"])
    assert 'Agent X is in the list "keep visible"' in said["move"]
    assert "keep visible" in said["people-list-2"] and "removed from the lists" in said["unlist"]


def test_montage_charte_people_in_french(media_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    said = _montage_charte_people(tmp_path, media_dir, monkeypatch, capsys)
    for name, text in said.items():
        assert not english_or_repr(text), (name, english_or_repr(text), text)
    assert "timeline « cards » enregistrée dans le projet" in said["save"]
    assert re.search(r"cards\.mp4 : 320×240, 25\u00a0i/s, \d,\d\u00a0s(, −?\d+,\d\u00a0LUFS)? ; "
                     r"contrôles OK", said["save"]), said["save"]
    assert "aperçu à 0,2\u00a0s : " in said["preview"]
    assert "charte : lisibilité conforme (" in said["check"]
    assert said["mark"].strip() == "repère p1 posé" and "favori ajouté" in said["fav"]
    assert "clip.mp4 (couverture 1,5\u00a0s)" in said["derush-list"]
    assert re.search(r"r1 0,2–1,5\u00a0s ★", said["derush-list"]), said["derush-list"]
    assert said["none"].strip() == "aucun résultat" and said["remove"].strip() == "p1 retiré"
    assert "0 écart(s) à la charte « etat »" in said["charte-check"]
    assert "bloc-marque provisoire, polices sans : substitution" in said["charte-list"]
    assert "  - couleur #123456 hors de la palette (aplat)" in said["bad"]
    assert re.search(r"toujours masquer +\w+  Agent X  \(1 photo\(s\)\)", said["people-list"])
    assert "Agent X est dans la liste « laisser visible »" in said["move"]
