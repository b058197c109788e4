"""Photo batches: decoding ahead, errors, time left."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
from PIL import Image

from mediakit.errors import MediaError
from mediakit.photo.batch import TimeLeft, decode_ahead, detect_batch, duration_text
from mediakit.privacy.regions import FACE, Detection


class FakeDetector:
    """Finds one face in the top-left quarter; records the threads it ran on."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def detect(self, rgb: np.ndarray, suspects: bool = False) -> list[Detection]:
        self.calls.append(rgb.shape[:2])
        time.sleep(0.05)
        h, w = rgb.shape[:2]
        det = Detection(FACE, (0.0, 0.0, w / 4, h / 4), 0.9, "fake")
        det.mask_box = det.box
        return [det]


def _photos(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for k in range(n):
        p = tmp_path / f"p{k}.jpg"
        Image.new("RGB", (80 + k, 60), (k * 20, 100, 100)).save(p)
        paths.append(p)
    return paths


def test_decode_ahead_overlaps_the_work_and_keeps_the_order(tmp_path: Path) -> None:
    paths = _photos(tmp_path, 4)
    starts: dict[str, float] = {}
    threads = set()

    def load(p: Path):
        starts[p.name] = time.monotonic()
        threads.add(threading.current_thread().name)
        img = Image.open(p)
        img.load()
        return img, img.convert("RGB")

    seen, handed = [], {}
    for path, loaded in decode_ahead(paths, lambda p: p, load):
        handed[path.name] = time.monotonic()
        seen.append((path.name, loaded[1].size[0]))
        time.sleep(0.3)  # detection of this photo
    assert seen == [(f"p{k}.jpg", 80 + k) for k in range(4)]
    # the next photo was being decoded before the current one's work had finished
    for k in range(3):
        assert starts[f"p{k + 1}.jpg"] < handed[f"p{k}.jpg"] + 0.25
    assert all(name.startswith("mk-decode") for name in threads)


def test_detect_batch_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    paths = _photos(tmp_path, 3)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a jpeg")
    det = FakeDetector()
    calls = []
    out = detect_batch([paths[0], bad, paths[1], paths[2]], det,
                       progress=lambda d, t, n: calls.append((d, t, n)))
    assert [e["file"] for e in out] == ["p0.jpg", "bad.jpg", "p1.jpg", "p2.jpg"]
    assert "error" in out[1] and "bad.jpg" in out[1]["message"]
    assert out[0]["detections"][0]["label"] == "face"
    assert out[2]["detections"][0]["box"] == [0.0, 0.0, 20.2, 15.0]
    assert len(det.calls) == 3  # one detector for the batch
    assert calls[0] == (0, 4, "p0.jpg") and calls[-1] == (4, 4, "")


def test_decode_errors_are_returned_not_raised(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jpg"
    (key, loaded), = list(decode_ahead([missing], lambda p: p))
    assert key == missing and isinstance(loaded, MediaError)


def test_time_left() -> None:
    now = [100.0]
    left = TimeLeft(clock=lambda: now[0])
    assert left.seconds(0, 10) is None and left.text(0, 10) == ""
    now[0] = 130.0  # 3 photos in 30 s
    assert left.seconds(3, 10) == 70.0
    assert left.text(3, 10) == "1 min 10 s"
    assert left.text(10, 10) == ""
    assert duration_text(45) == "45 s" and duration_text(3900) == "1 h 05 min"
