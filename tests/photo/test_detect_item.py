"""Detection of a photo item stores the detector's suspects ("à vérifier") beside its masks,
in the project (window, ``masks OP detect``, export of a never-analysed photo all go
through :func:`mediakit.photo.operation.detect_item`); the gate then waits for them."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from mediakit.cli import main
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.photo.operation import detect_item
from mediakit.privacy import review
from mediakit.privacy.regions import Detection
from mediakit.privacy.review_gate import UnreviewedError


class SuspectDetector:
    """One sure face, and one uncertain face when asked for suspects (as Detector does)."""

    def __init__(self, **_kwargs: object) -> None:
        self.calls: list[bool] = []

    def detect(self, rgb: np.ndarray, suspects: bool = False) -> list[Detection]:
        self.calls.append(suspects)
        found = [Detection("face", (20.0, 20.0, 50.0, 50.0), 0.9, "fake",
                           mask_box=(15.0, 15.0, 60.0, 60.0))]
        if suspects:
            found.append(Detection("face", (200.0, 120.0, 40.0, 40.0), 0.2, "fake",
                                   mask_box=(195.0, 115.0, 50.0, 50.0), suspect=True))
        return found


@pytest.fixture()
def photo_op(tmp_path):
    path = tmp_path / "scene.jpg"
    rgb = np.random.default_rng(3).integers(0, 255, (240, 320, 3), dtype=np.uint8)
    Image.fromarray(rgb).save(path)
    op = Operation.create(tmp_path / "op", "Détection")
    [sha] = import_files(op, [path]).imported
    return op, sha


def test_detection_of_a_photo_item_stores_its_suspects(photo_op):
    op, sha = photo_op
    detector = SuspectDetector()
    masks = detect_item(op, sha, detector)
    assert detector.calls == [True]
    stored = op.items[sha]["masks"]
    assert [m["state"] for m in stored] == ["accepted", "suspect"] and stored == masks
    assert stored[1]["suspect"] and stored[1]["region"] == [195.0, 115.0, 50.0, 50.0]
    assert review.accepted_regions(stored) == [(15.0, 15.0, 60.0, 60.0)]  # not masked yet
    [entry] = [e for e in audit.entries(op.root) if e["action"] == "detection"]
    assert entry["details"]["suspects"] == 1
    with pytest.raises(UnreviewedError, match="à vérifier"):
        review.mark_reviewed(op, sha)
    review.set_state(op, sha, stored[1]["id"], review.REJECTED)
    review.mark_reviewed(op, sha)
    assert op.items[sha]["masks_reviewed"]


def test_masks_detect_command_stores_and_counts_suspects(photo_op, monkeypatch, capsys):
    import mediakit.privacy.detector

    op, sha = photo_op
    op.save()
    monkeypatch.setattr(mediakit.privacy.detector, "Detector", SuspectDetector)
    assert main(["masks", str(op.root), "detect"]) == 0
    assert "2 masque(s) proposés, dont 1 à vérifier" in capsys.readouterr().out
    saved = Operation.open(op.root).items[sha]["masks"]
    assert [m["state"] for m in saved] == ["accepted", "suspect"]
