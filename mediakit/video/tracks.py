"""Tracks as project data: one masked object over a span of frames, and undoable edits on it.

A track is plain JSON stored in ``items[sha]["tracks"]``::

    {"id": "t3", "label": "face", "source": "auto" | "manual",
     "state": "accepted" | "rejected" | "suspect", "frames": [first, last],
     "keyframes": {"12": [x, y, w, h], "16": [...]}, "score": 0.91,
     "best": {"frame": 16, "box": [...]}, "person": null}

``keyframes`` is the compact form of the per-frame boxes (displayed-frame pixels, the
region masked): a box at every frame of ``frames`` is interpolated linearly between
keyframes; before the first and after the last, an automatic track moves on at its
last velocity (for a few frames, then holds) while a manual one holds still. A suspect
track (``"suspect": true``, kept after the decision) is not masked until accepted. Automatic
boxes are also grown with their speed and with their distance to the nearest keyframe,
so a mask never lags behind a moving head.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from mediakit.errors import ProjectError
from mediakit.library import audit
from mediakit.library.project import Operation
from mediakit.privacy.regions import BoxTuple

ACCEPTED, REJECTED, SUSPECT = "accepted", "rejected", "suspect"
MAX_EXTRAPOLATION = 8  # frames an automatic track may move on past its keyframes
SPEED_MARGIN = 0.75  # box growth per side, in frames of motion
UNCERTAINTY = 0.04  # extra growth per side per frame away from a keyframe (× box side)


def keyframes(track: dict[str, Any]) -> list[tuple[int, BoxTuple]]:
    """The track's keyframes as sorted (frame, box) pairs."""
    return sorted((int(f), tuple(b)) for f, b in track.get("keyframes", {}).items())  # type: ignore[misc]


def is_masked(track: dict[str, Any]) -> bool:
    """Accepted tracks are masked; a person on the *always mask* list is masked regardless."""
    person = track.get("person") or {}
    return track.get("state") == ACCEPTED or person.get("list") == "always_mask"


class TrackBoxes:
    """Fast per-frame boxes of one track (keyframes sorted once)."""

    def __init__(self, track: dict[str, Any]) -> None:
        self.track = track
        self.label: str = track["label"]
        self.first, self.last = (int(v) for v in track["frames"])
        kfs = keyframes(track)
        self.frames = [f for f, _ in kfs]
        self.boxes = [b for _, b in kfs]
        self.auto = track.get("source") == "auto"

    def box(self, frame: int) -> BoxTuple | None:
        """The region masked at ``frame`` (None outside the track or without keyframes)."""
        if not self.frames or not self.first <= frame <= self.last:
            return None
        fr, bx = self.frames, self.boxes
        i = bisect.bisect_left(fr, frame)
        if i < len(fr) and fr[i] == frame:
            box, dist, vel = bx[i], 0, self._velocity(max(i, 1))
        elif 0 < i < len(fr):
            u = (frame - fr[i - 1]) / (fr[i] - fr[i - 1])
            box = tuple(a + (b - a) * u for a, b in zip(bx[i - 1], bx[i], strict=True))
            dist, vel = min(frame - fr[i - 1], fr[i] - frame), self._velocity(i)
        else:
            j = 0 if i == 0 else len(fr) - 1
            dist = abs(frame - fr[j])
            vel = self._velocity(1 if i == 0 else len(fr) - 1)
            if self.auto:  # the centre moves on at its speed; the size is kept
                steps = max(-MAX_EXTRAPOLATION, min(MAX_EXTRAPOLATION, frame - fr[j]))
                x, y, w, h = bx[j]
                box = (x + (vel[0] + vel[2] / 2) * steps, y + (vel[1] + vel[3] / 2) * steps,
                       w, h)
            else:
                box = bx[j]
        if not self.auto:
            return box  # type: ignore[return-value]
        return _grow(box, vel, dist)  # type: ignore[arg-type]

    def _velocity(self, i: int) -> tuple[float, float, float, float]:
        """Per-frame change of the box between keyframes i-1 and i (zero if only one)."""
        if len(self.frames) < 2:
            return (0.0, 0.0, 0.0, 0.0)
        i = min(max(i, 1), len(self.frames) - 1)
        span = self.frames[i] - self.frames[i - 1]
        return tuple((b - a) / span for a, b in  # type: ignore[return-value]
                     zip(self.boxes[i - 1], self.boxes[i], strict=True))


def _grow(box: BoxTuple, vel: tuple[float, ...], dist: int) -> BoxTuple:
    x, y, w, h = box[0], box[1], max(0.0, box[2]), max(0.0, box[3])
    side = max(w, h)
    gx = SPEED_MARGIN * (abs(vel[0]) + abs(vel[2])) + UNCERTAINTY * dist * side
    gy = SPEED_MARGIN * (abs(vel[1]) + abs(vel[3])) + UNCERTAINTY * dist * side
    return (x - gx, y - gy, w + 2 * gx, h + 2 * gy)


class TrackIndex:
    """Boxes to mask at each frame for a set of tracks (only masked tracks)."""

    def __init__(self, tracks: Iterable[dict[str, Any]], masked_only: bool = True) -> None:
        self.tracks = sorted((TrackBoxes(t) for t in tracks
                              if t.get("keyframes") and (is_masked(t) or not masked_only)),
                             key=lambda t: t.first)

    def boxes(self, frame: int) -> list[tuple[str, BoxTuple, dict[str, Any]]]:
        """(label, box, track) for every track present at ``frame``."""
        out = []
        for tb in self.tracks:
            if tb.first > frame:
                break
            box = tb.box(frame)
            if box is not None:
                out.append((tb.label, box, tb.track))
        return out


# -- undoable edits on an operation's item -----------------------------------------------


def item_tracks(op: Operation, sha: str) -> list[dict[str, Any]]:
    return op.items[sha].get("tracks", [])


def find(op: Operation, sha: str, track_id: str) -> int:
    """Index of a track in the item's list; KeyError with a French message otherwise."""
    for i, track in enumerate(item_tracks(op, sha)):
        if track["id"] == track_id:
            return i
    raise ProjectError(f"{track_id}: aucune piste de ce nom sur {op.items[sha]['name']}")


def set_state(op: Operation, sha: str, track_id: str, state: str) -> None:
    """Accept (mask) or reject (leave visible, dismiss a suspect) a whole track."""
    if state not in (ACCEPTED, REJECTED):
        raise ValueError(f"état de piste inconnu : {state}")
    verb = "accepter" if state == ACCEPTED else "rejeter"
    i = find(op, sha, track_id)
    track = item_tracks(op, sha)[i]
    old = track.get("state")
    with op.doc.transaction(f"{verb} la piste {track_id}"):
        op.doc.set(("items", sha, "tracks", i, "state"), state)
        audit.record(op.root, f"track_{state}", item=sha, track=track_id,
                     label=track.get("label"), suspect=bool(track.get("suspect")), old=old,
                     new=state)


def add_track(op: Operation, sha: str, label: str, frame: int, box: BoxTuple,
              last: int | None = None) -> str:
    """Add a manual track (accepted) holding ``box`` from ``frame`` to ``last``."""
    tracks = item_tracks(op, sha)
    track_id = f"t{1 + max((_num(t['id']) for t in tracks), default=0)}"
    track = {"id": track_id, "label": label, "source": "manual", "state": ACCEPTED,
             "frames": [frame, frame if last is None else max(frame, last)],
             "keyframes": {str(frame): _round(box)}, "score": 1.0, "best": None,
             "person": None}
    with op.doc.transaction(f"ajouter la piste {track_id}"):
        op.doc.append(("items", sha, "tracks"), track)
        audit.record(op.root, "track_added", item=sha, track=track_id, label=label,
                     frame=frame, box=_round(box), old=None, new=ACCEPTED)
    return track_id


def set_keyframe(op: Operation, sha: str, track_id: str, frame: int, box: BoxTuple) -> None:
    """Place the track's box at ``frame`` (boxes between keyframes are interpolated);
    the track is extended to ``frame`` if needed."""
    i = find(op, sha, track_id)
    first, last = op.items[sha]["tracks"][i]["frames"]
    old = op.items[sha]["tracks"][i]["keyframes"].get(str(frame))
    with op.doc.transaction(f"image clé {frame} de la piste {track_id}"):
        op.doc.set(("items", sha, "tracks", i, "keyframes", str(frame)), _round(box))
        op.doc.set(("items", sha, "tracks", i, "frames"), [min(first, frame), max(last, frame)])
        op.doc.set(("items", sha, "tracks", i, "edited"), True)
        audit.record(op.root, "track_keyframe", item=sha, track=track_id, frame=frame,
                     box=_round(box), old=old, new=_round(box))


def remove_keyframe(op: Operation, sha: str, track_id: str, frame: int) -> None:
    """Remove the keyframe at ``frame``; ValueError when there is none there or it is the
    track's only one (a track needs a box)."""
    i = find(op, sha, track_id)
    keys = op.items[sha]["tracks"][i]["keyframes"]
    if str(frame) not in keys:
        raise ProjectError(f"piste {track_id} : pas d'image clé à l'image {frame}")
    if len(keys) == 1:
        raise ProjectError(f"piste {track_id} : sa seule image clé ne peut pas être retirée")
    old = list(keys[str(frame)])
    with op.doc.transaction(f"retirer l'image clé {frame} de la piste {track_id}"):
        op.doc.delete(("items", sha, "tracks", i, "keyframes", str(frame)))
        audit.record(op.root, "track_keyframe_removed", item=sha, track=track_id,
                     frame=frame, old=old, new=None)


def set_span(op: Operation, sha: str, track_id: str, first: int | None = None,
             last: int | None = None) -> None:
    """Cut or extend a track to [first, last]; keyframes outside the span are dropped."""
    i = find(op, sha, track_id)
    track = op.items[sha]["tracks"][i]
    old_first, old_last = track["frames"]
    first = old_first if first is None else max(0, first)
    last = old_last if last is None else last
    if last < first:
        raise ProjectError(f"piste {track_id} : la fin ({last}) précède le début ({first})")
    kept = {f: b for f, b in track["keyframes"].items() if first <= int(f) <= last}
    if not kept:  # keep the nearest box so the track still has a position
        near = min(track["keyframes"].items(),
                   key=lambda kv: min(abs(int(kv[0]) - first), abs(int(kv[0]) - last)))
        kept = {str(first if int(near[0]) < first else last): near[1]}
    with op.doc.transaction(f"durée de la piste {track_id}"):
        op.doc.set(("items", sha, "tracks", i, "frames"), [first, last])
        op.doc.set(("items", sha, "tracks", i, "keyframes"), kept)
        op.doc.set(("items", sha, "tracks", i, "edited"), True)
        audit.record(op.root, "track_span", item=sha, track=track_id, first=first, last=last,
                     old=[old_first, old_last], new=[first, last])


def mark_reviewed(op: Operation, sha: str, reviewed: bool = True) -> None:
    """The officer has reviewed every track of the rush (export gate): the same verb as
    photos, refused before detection ran and while a suspect track is undecided."""
    from mediakit.privacy.review import mark_reviewed as mark

    mark(op, sha, reviewed)


def _round(box: Iterable[float]) -> list[float]:
    return [round(float(v), 1) for v in box]


def _num(track_id: str) -> int:
    digits = "".join(ch for ch in track_id if ch.isdigit())
    return int(digits) if digits else 0
