"""People lists: enrolment from a reference photo (face crop kept), remove, move, undo, CLI."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from mediakit.cli import main
from mediakit.errors import MediaError, ProjectError
from mediakit.library.project import Operation
from mediakit.privacy import people
from tests.conftest import ASSETS


def _person(pid: str, name: str) -> dict:
    return {"id": pid, "name": name, "encodings": [[0.0] * 128], "photos": [], "added": "x"}


@pytest.fixture()
def op(tmp_path) -> Operation:
    op = Operation.create(tmp_path / "op", "Personnes")
    op.doc.set(("people", "always_mask"), [_person("a1", "Agent A"), _person("b2", "Agent B")])
    op.doc.set(("people", "keep_visible"), [_person("c3", "Préfète")])
    op.doc.undo_stack.clear()
    return op


def _names(op: Operation, list_name: str) -> list[str]:
    return [p["name"] for p in op.doc.get(("people", list_name))]


def test_enroll_keeps_the_face_crop_in_the_operation(tmp_path) -> None:
    op = Operation.create(tmp_path / "op", "Enrôlement")
    photo = shutil.copy(ASSETS / "photos" / "gps.jpg", tmp_path / "ref.jpg")
    person = people.enroll(op, " Eileen ", "keep_visible", [photo])
    (tmp_path / "ref.jpg").unlink()  # the reference photo moves away: the crop stays
    assert person["name"] == "Eileen" and len(person["encodings"][0]) == 128
    assert op.doc.get(("people", "keep_visible", 0, "id")) == person["id"]
    face = people.face_path(op, person)
    assert face is not None and face.parent == op.people_dir
    with Image.open(face) as img:
        assert max(img.size) == people.FACE_SIZE and abs(img.width - img.height) <= 2
    assert people.PeopleMatcher(op.doc.get(("people",)))
    op.doc.undo()
    assert op.doc.get(("people", "keep_visible")) == []


def test_photo_without_a_face_is_refused(tmp_path) -> None:
    op = Operation.create(tmp_path / "op", "Sans visage")
    Image.new("RGB", (160, 120), (90, 120, 150)).save(tmp_path / "mur.jpg")
    with pytest.raises(MediaError, match="aucun visage"):
        people.enroll(op, "Personne", "always_mask", [tmp_path / "mur.jpg"])
    with pytest.raises(ValueError, match="liste inconnue"):
        people.enroll(op, "Personne", "amis", [tmp_path / "mur.jpg"])
    assert not op.doc.can_undo and not op.people_dir.exists()


def test_remove_and_move_are_single_undo_steps(op: Operation) -> None:
    assert people.remove(op, "Agent A")["id"] == "a1"
    assert _names(op, "always_mask") == ["Agent B"]
    op.doc.undo()
    assert _names(op, "always_mask") == ["Agent A", "Agent B"]  # back at its place
    assert people.move(op, "b2") == "keep_visible"  # by id, to the other list
    assert _names(op, "always_mask") == ["Agent A"]
    assert _names(op, "keep_visible") == ["Préfète", "Agent B"]
    assert people.move(op, "Préfète", "keep_visible") == "keep_visible"  # already there
    assert [c.label for c in op.doc.undo_stack] == ["déplacer Agent B vers keep_visible"]
    op.doc.undo()
    assert _names(op, "always_mask") == ["Agent A", "Agent B"]
    assert _names(op, "keep_visible") == ["Préfète"]


def test_unknown_and_ambiguous_people(op: Operation) -> None:
    op.doc.append(("people", "keep_visible"), _person("d4", "Agent A"))
    with pytest.raises(ProjectError, match="plusieurs personnes"):
        people.remove(op, "Agent A")
    with pytest.raises(ProjectError, match="personne inconnue"):
        people.move(op, "Z")
    assert people.remove(op, "d4")["name"] == "Agent A"  # the id settles it


def test_cli_lists_moves_and_removes(op: Operation, capsys) -> None:
    op.save()
    assert main(["people", str(op.root), "move", "Agent B"]) == 0
    assert main(["people", str(op.root), "remove", "a1"]) == 0
    assert main(["people", str(op.root), "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["laisser visible   c3  Préfète  (1 photo(s))",
                        "laisser visible   b2  Agent B  (1 photo(s))"]
    assert main(["people", str(op.root), "remove", "Inconnu"]) == 2
    assert "personne inconnue" in capsys.readouterr().err
