"""Second source of face suspects ("à vérifier"): CenterFace on the image turned a
quarter turn each way and enlarged 1.5x.

The pyramid of :mod:`mediakit.privacy.faces` looks at upright faces at 1x and 2x; the
faces it misses at the suspect floor are often tilted or lying (a head thrown back, a
person on the ground, a face upside down in a crowd) and faces between the pyramid's
scales. These passes propose them as suspects only: they are never masked without a
person's decision, so the masked regions and their false alarms do not change.
Measured on faces/wider (83 images, natural aspect) with the photo profile's floor at
0.2: review-assisted recall easy/medium/hard 0.938/0.947/0.895 at 3.24 suspects an image
(floor 0.17, no second source) -> 0.960/0.961/0.906 at 3.88 (see README, issue 18).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mediakit.privacy.faces import Level, fuse, run_level
from mediakit.privacy.regions import FACE, Detection

SOURCE = "centerface-tta"


@dataclass(frozen=True)
class SuspectPasses:
    """Extra CenterFace passes run for suspects: the image turned by each of ``turns``
    quarter turns (1: counter-clockwise) at 1x, and enlarged by each of ``scales``,
    every pass capped at ``max_side`` px; candidates from ``floor`` up are proposed."""

    turns: tuple[int, ...] = (1, 3)
    scales: tuple[float, ...] = (1.5,)
    max_side: int = 1600
    floor: float = 0.22


def unturn(dets: np.ndarray, turns: int, width: int, height: int) -> np.ndarray:
    """Rows x0, y0, x1, y1, ... found on ``np.rot90(image, turns)`` mapped back to the
    frame of the ``width`` x ``height`` image."""
    d, out = dets, dets.copy()
    k = turns % 4
    if k == 1:  # rotated[i, j] = image[j, w - 1 - i]
        out[:, 0], out[:, 2] = width - d[:, 3], width - d[:, 1]
        out[:, 1], out[:, 3] = d[:, 0], d[:, 2]
    elif k == 2:
        out[:, 0], out[:, 2] = width - d[:, 2], width - d[:, 0]
        out[:, 1], out[:, 3] = height - d[:, 3], height - d[:, 1]
    elif k == 3:
        out[:, 0], out[:, 2] = d[:, 1], d[:, 3]
        out[:, 1], out[:, 3] = height - d[:, 2], height - d[:, 0]
    return out


def _fused(dets: np.ndarray) -> np.ndarray:
    """One box per face within a pass (rows x0, y0, x1, y1, score)."""
    if not len(dets):
        return dets.reshape(0, 5)
    return fuse(dets, np.zeros(len(dets), int), 1)[:, :5]


def candidates(rgb: np.ndarray, cfg: SuspectPasses) -> np.ndarray:
    """Fused candidates of every pass scoring ``cfg.floor`` or more, image frame."""
    h, w = rgb.shape[:2]
    found = [np.empty((0, 5), np.float32)]
    for k in cfg.turns:
        turned = np.ascontiguousarray(np.rot90(rgb, k))
        found.append(unturn(_fused(run_level(turned, Level(1.0, cfg.max_side), cfg.floor)),
                            k, w, h))
    for s in cfg.scales:
        found.append(_fused(run_level(rgb, Level(s, cfg.max_side), cfg.floor)))
    rows = np.concatenate(found)
    return rows[(rows[:, 4] >= cfg.floor) & (rows[:, 2] - rows[:, 0] >= 2)
                & (rows[:, 3] - rows[:, 1] >= 2)]


def face_suspects(rgb: np.ndarray, cfg: SuspectPasses) -> list[Detection]:
    """The extra passes' candidates as ``suspect`` face detections (boxes x, y, w, h).
    Those that repeat a mask or a better suspect are left to
    :func:`mediakit.privacy.detector.distinct_suspects`."""
    return [Detection(FACE, (float(x0), float(y0), float(x1 - x0), float(y1 - y0)),
                      float(s), SOURCE, suspect=True)
            for x0, y0, x1, y1, s in candidates(rgb, cfg)]
