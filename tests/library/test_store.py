"""The SQLite store: edits committed as they happen, other processes' changes seen, undo
refused when it would overwrite someone else's change, nothing half-done on an error."""

from __future__ import annotations

import pytest

from mediakit.errors import ConflictError
from mediakit.library import audit
from mediakit.library.project import Operation
from mediakit.photo.selection import edit_field
from mediakit.privacy import review


@pytest.fixture
def two(tmp_path, monkeypatch):
    """One operation opened twice, as two processes would (each its own connection)."""
    first = Operation.create(tmp_path / "op", "Deux")
    with first.doc.transaction("élément"):
        first.doc.set(("items", "a" * 64), {"name": "IMG_1.jpg", "kind": "photo", "masks": []})
    second = Operation.open(tmp_path / "op")
    yield first, second
    first.close()
    second.close()


def test_changes_of_the_other_are_seen_and_notified(two):
    first, second = two
    heard = []
    second.doc.subscribe(lambda command, how: heard.append(how))
    assert second.refresh() is False  # nothing new: cheap, nobody told
    edit_field(first, "a" * 64, "caption", "Exercice NRBC", "légende")
    assert second.items["a" * 64].get("caption") is None  # not before looking
    assert second.refresh() is True and heard == ["external"]
    assert second.items["a" * 64]["caption"] == "Exercice NRBC"
    assert not second.doc.undo_stack  # someone else's edit is not ours to undo


def test_an_edit_starts_from_the_latest_data(two):
    first, second = two
    review.add_manual(first, "a" * 64, "face", (1, 1, 10, 10))
    review.add_manual(second, "a" * 64, "plate", (20, 20, 10, 5))  # no refresh in between
    masks = Operation.open(first.root).items["a" * 64]["masks"]
    assert [(m["id"], m["label"]) for m in masks] == [("m1", "face"), ("m2", "plate")]


def test_an_operation_opened_while_another_commits_misses_nothing(two, monkeypatch):
    """Opening reads the rows, then reconciles the audit mirror in a write transaction of
    its own: what another process commits in between must still reach the new copy (it
    was once skipped, and the next edit wrote a stale item over the other's change)."""
    from mediakit.library import store as store_module

    first, _ = two
    real = store_module.Store.reconcile_mirror

    def late(self):  # another process commits between load() and the mirror's check
        edit_field(first, "a" * 64, "rating", 3, "note")
        real(self)

    monkeypatch.setattr(store_module.Store, "reconcile_mirror", late)
    third = Operation.open(first.root)
    monkeypatch.setattr(store_module.Store, "reconcile_mirror", real)
    try:
        edit_field(third, "a" * 64, "caption", "Vue du PC", "légende")
        fresh = Operation.open(first.root)
        assert fresh.items["a" * 64]["rating"] == 3  # not overwritten by a stale copy
        assert fresh.items["a" * 64]["caption"] == "Vue du PC"
        fresh.close()
    finally:
        third.close()


def test_undo_refused_when_another_changed_it_since(two, monkeypatch):
    first, second = two
    edit_field(first, "a" * 64, "caption", "brouillon", "légende")
    monkeypatch.setenv("MEDIAKIT_USER", "cdt.leroy")
    edit_field(second, "a" * 64, "caption", "version du chef", "légende")
    with pytest.raises(ConflictError) as info:
        first.doc.undo()
    message = str(info.value)
    assert "IMG_1.jpg" in message and "caption" in message and "cdt.leroy" in message
    assert first.items["a" * 64]["caption"] == "version du chef"  # nothing overwritten
    assert Operation.open(first.root).items["a" * 64]["caption"] == "version du chef"
    assert first.doc.can_undo  # still there: the user decides


def test_undo_finds_a_list_element_another_process_moved(two):
    first, second = two
    review.add_manual(second, "a" * 64, "face", (1, 1, 10, 10))
    review.add_manual(first, "a" * 64, "plate", (20, 20, 10, 5))
    with second.doc.transaction("insérer devant"):  # another process inserts before it
        second.doc.insert(("items", "a" * 64, "masks"), 0, {"id": "m9", "label": "face"})
    first.doc.undo()  # removes the plate it added, wherever it now is
    masks = Operation.open(first.root).items["a" * 64]["masks"]
    assert [m["id"] for m in masks] == ["m9", "m1"]


def test_a_failed_edit_leaves_project_and_trail_as_they_were(two):
    first, _ = two
    edit_field(first, "a" * 64, "rating", 3, "note")
    before, lines = first.to_json(), audit.lines(first.root)
    with pytest.raises(RuntimeError), first.doc.transaction("échoue"):
        first.doc.set(("items", "a" * 64, "caption"), "jamais")
        audit.record(first.root, "photo_edit", item="a" * 64, field="caption")
        raise RuntimeError("panne au milieu")
    assert first.to_json() == before and audit.lines(first.root) == lines
    again = Operation.open(first.root)
    assert again.to_json() == before and audit.verify(first.root) == []
    assert (first.root / "audit.jsonl").read_text().count("\n") == len(lines)
    again.close()


def test_a_mirror_line_never_committed_is_cut_at_open_even_the_first(tmp_path):
    """A kill between the mirror's append and the first COMMIT leaves the mirror one line
    ahead of an empty trail: the next open empties the mirror (it used to fail)."""
    op = Operation.create(tmp_path / "op", "Vide")
    op.close()
    mirror = tmp_path / "op" / "audit.jsonl"
    mirror.write_text('{"action": "import"}\n', encoding="utf-8")
    again = Operation.open(tmp_path / "op")
    try:
        assert mirror.read_text(encoding="utf-8") == ""
        assert audit.verify(again.root) == []
    finally:
        again.close()
