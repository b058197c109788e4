"""An operation of small generated photos (no detector), reviewers' keys and a CLI runner."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import piexif
import pytest
from PIL import Image

from mediakit.errors import MediakitError
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.validation import cli

CHIEF = "Chef Dupont"


def run(*argv: str) -> int:
    """Run ``mediakit review ...`` like mediakit.cli.main (errors → 2)."""
    parser = argparse.ArgumentParser(prog="mediakit")
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["review", *map(str, argv)])
    try:
        return args.handler(args)
    except MediakitError as exc:
        print(f"mediakit: {exc}")
        return 2


def make_photos(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    paths = []
    for i, name in enumerate(("alpha.jpg", "bravo.jpg")):
        pixels = rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)
        exif = piexif.dump({"0th": {piexif.ImageIFD.Make: b"Canon",
                                    piexif.ImageIFD.Artist: f"agent {i}".encode()},
                            "Exif": {piexif.ExifIFD.BodySerialNumber: b"123456"},
                            "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N",
                                    piexif.GPSIFD.GPSLatitude: ((48, 1), (51, 1), (0, 1))}})
        Image.fromarray(pixels).save(folder / name, exif=exif, quality=85)
        paths.append(folder / name)
    return paths


@pytest.fixture
def op(tmp_path: Path) -> Operation:
    operation = Operation.create(tmp_path / "op", "Opération Été")
    import_files(operation, make_photos(tmp_path / "src"))
    for sha in operation.items:
        operation.doc.set(("items", sha, "masks"), [])
        operation.doc.set(("items", sha, "detection"), {"detector": "test"})  # ran, found none
        operation.doc.set(("items", sha, "masks_reviewed"), True)
    operation.save()
    return operation


@pytest.fixture(scope="session")
def chief_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from mediakit.validation.keys import generate

    return generate(CHIEF, tmp_path_factory.mktemp("keys"))


@pytest.fixture
def reviewed_op(op: Operation, chief_keys: tuple[Path, Path]) -> Operation:
    assert run("add-reviewer", op.root, CHIEF, chief_keys[1]) == 0
    return Operation.open(op.root)


def shas_by_name(op: Operation) -> dict[str, str]:
    return {it["name"]: sha for sha, it in op.items.items()}
