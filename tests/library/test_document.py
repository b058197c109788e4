from mediakit.library.document import Document


def test_set_undo_redo_records_old_values():
    doc = Document({"items": {"a": {"tags": []}}})
    seen = []
    doc.subscribe(lambda cmd, how: seen.append((cmd.label, how)))
    doc.set(("items", "a", "rating"), 3, label="noter")
    doc.set(("items", "a", "rating"), 5, label="noter")
    assert doc.get(("items", "a", "rating")) == 5
    doc.undo()
    assert doc.get(("items", "a", "rating")) == 3
    doc.undo()
    assert "rating" not in doc.data["items"]["a"]
    doc.redo()
    assert doc.get(("items", "a", "rating")) == 3
    assert seen[-1] == ("noter", "redo")


def test_list_insert_delete_move_are_reversible():
    doc = Document({"l": ["a", "b", "c"]})
    doc.delete(("l", 1))
    assert doc.data["l"] == ["a", "c"]
    doc.undo()
    assert doc.data["l"] == ["a", "b", "c"]
    doc.move(("l",), 0, 2)
    assert doc.data["l"] == ["b", "c", "a"]
    doc.undo()
    assert doc.data["l"] == ["a", "b", "c"]
    doc.append(("l",), "d")
    doc.insert(("l",), 0, "z")
    assert doc.data["l"] == ["z", "a", "b", "c", "d"]
    doc.undo()
    doc.undo()
    assert doc.data["l"] == ["a", "b", "c"]


def test_transaction_is_one_undo_step_and_rolls_back_on_error():
    doc = Document({})
    with doc.transaction("deux"):
        doc.set(("x",), 1)
        doc.set(("y",), 2)
    assert len(doc.undo_stack) == 1
    doc.undo()
    assert doc.data == {}
    try:
        with doc.transaction("échoue"):
            doc.set(("x",), 1)
            raise RuntimeError
    except RuntimeError:
        pass
    assert doc.data == {} and not doc.can_undo


def test_new_edit_clears_redo_and_stored_values_are_copies():
    doc = Document({})
    value = {"a": [1]}
    doc.set(("v",), value)
    value["a"].append(2)
    assert doc.data["v"] == {"a": [1]}
    doc.undo()
    doc.set(("w",), 1)
    assert not doc.can_redo


def test_an_edit_from_another_thread_never_joins_an_open_transaction():
    import threading

    doc = Document({"masks": [], "note": ""})
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:  # background detection: a transaction left open a moment
        with doc.transaction("détection"):
            doc.append(("masks",), "m1")
            inside.set()
            release.wait(5)
            doc.append(("masks",), "m2")

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    user = threading.Thread(target=lambda: doc.set(("note",), "vu", label="note"))
    user.start()
    user.join(0.3)
    assert user.is_alive()  # the user's edit waits for the worker's transaction
    release.set()
    thread.join(5)
    user.join(5)
    assert [c.label for c in doc.undo_stack] == ["détection", "note"]
    doc.undo()  # undoes only the user's note
    assert doc.data == {"masks": ["m1", "m2"], "note": ""}
    assert '"m2"' in doc.snapshot_json()
