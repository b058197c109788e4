"""Video side of an operation: detection stored as reviewable tracks, anonymised exports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mediakit.errors import MediaError, display_path
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.media.kinds import VIDEO
from mediakit.privacy.masking import MaskStyle
from mediakit.privacy.people import PeopleMatcher
from mediakit.video.anonymize import anonymize_video
from mediakit.video.audio import Segment
from mediakit.video.detect import track_video

DETECTOR_NAME = "mediakit-video"


def output_name(path: Path, suffix: str = "_anonymise") -> str:
    """``rush.mov`` → ``rush_anonymise.mp4``."""
    stem = display_path(path.stem).replace("\ufffd", "_")[:100]
    return f"{stem}{suffix}.mp4"


def detection_rate(item: dict[str, Any]) -> float | None:
    """The rate the item's track frames count at (its detection's decoding rate), if known."""
    fps = (item.get("detection") or {}).get("fps")
    return float(fps) if fps else None


def detect_item(op: Operation, sha: str, detector: Any, matcher: PeopleMatcher | None = None,
                progress: Callable[[int, int], None] | None = None) -> list[dict[str, Any]]:
    """Track faces and plates of a video item and store the tracks (manual ones kept)."""
    item = op.items[sha]
    matcher = matcher or PeopleMatcher(op.doc.get(("people",), {}))
    result = track_video(op.original_path(sha), detector, matcher=matcher or None,
                         progress=progress)
    tracks = result["tracks"]
    with op.doc.transaction(f"détection sur {item['name']}"):  # manual tracks read inside it
        manual = [t for t in item.get("tracks", []) if t.get("source") == "manual"]
        start = 1 + max((int(t["id"][1:]) for t in manual if t["id"][1:].isdigit()), default=0)
        for offset, track in enumerate(tracks):
            track["id"] = f"t{start + offset}"
        op.doc.set(("items", sha, "tracks"), manual + tracks)
        op.doc.set(("items", sha, "detection"), {
            "detector": DETECTOR_NAME, "date": now_iso(), "frames": result["frames"],
            "fps": result["fps"], "detect_every": result["detect_every"],
            "detect_sizes": result["detect_sizes"]})
        op.doc.set(("items", sha, "tracks_reviewed"), False)
        audit.record(op.root, "detection", item=sha, detector=DETECTOR_NAME,
                     tracks=len(tracks), suspects=sum(t.get("state") == "suspect" for t in tracks),
                     old={"reviewed": bool(item.get("tracks_reviewed"))},
                     new={"reviewed": False})
    return tracks


def anonymize_items(op: Operation, out_dir: Path, *, detector: Any, style: MaskStyle,
                    shas: Sequence[str] | None = None, audio: str = "keep",
                    bleeps: Sequence[Segment] = (),
                    progress: Callable[[int, int, str], None] | None = None,
                    ) -> list[dict[str, Any]]:
    """Anonymise the operation's videos with their stored tracks (detected first where none
    exist) and their stored voice disguise, and record each export on its item."""
    from mediakit.video.voice import item_plan

    shas = list(shas) if shas is not None else [s for s, it in op.items.items()
                                                if it["kind"] == VIDEO]
    results = []
    for sha in shas:
        item = op.items[sha]
        try:
            if "tracks" not in item:
                detect_item(op, sha, detector)
            out = out_dir / output_name(Path(item["name"]))
            result = anonymize_video(op.original_path(sha), out, detector=detector, style=style,
                                     tracks=item["tracks"], audio=audio, bleeps=bleeps,
                                     voice=item_plan(op, sha), progress=progress,
                                     fps=detection_rate(op.items[sha]))
        except MediaError as exc:
            results.append({"file": item["name"], "error": exc.reason})
            continue
        result.update(file=item["name"], item=sha,
                      tracks_reviewed=bool(item.get("tracks_reviewed")))
        with op.doc.transaction(f"anonymiser {item['name']}"):
            op.doc.append(("items", sha, "exports"),
                          {"path": str(out), "date": now_iso(), "kind": "anonymized",
                           "tracks_masked": result["tracks_masked"], "audio": result["audio"],
                           "voice": result["voice"],
                           "tracks_reviewed": result["tracks_reviewed"]})
            audit.record(op.root, "anonymize", item=sha, output=out.name,
                         tracks_masked=result["tracks_masked"], audio=result["audio"],
                         voice=result["voice"], reviewed=result["tracks_reviewed"])
        results.append(result)
    op.save()
    return results


def masked_rendering(op: Operation, sha: str, *, style: MaskStyle | None = None,
                     detector: Any = None,
                     cancelled: Callable[[], bool] | None = None) -> Path:
    """The anonymised rendering of a rush with its project tracks (detected first if none)
    and its voice disguise, cached under the operation and redone whenever the tracks, the
    style or the disguise change. Montage, channel export and review bundle read this,
    never the original."""
    import hashlib
    import json

    from mediakit.atomic import atomic_path

    style = style or MaskStyle()
    item = op.items[sha]
    if item["kind"] != VIDEO:
        raise MediaError(item["name"], "n'est pas une vidéo")
    if "tracks" not in item:
        if detector is None:
            from mediakit.privacy.detector import Detector

            detector = Detector(profile="video")
        detect_item(op, sha, detector)
        op.save()
    from mediakit.video.voice import item_plan, voice_of

    facts: list[Any] = [sha, item["tracks"], style.style, style.shape, style.feather]
    if voice_of(item):  # only then: the renderings of other rushes keep their cache
        facts.append(voice_of(item))
    from mediakit.video.stream import stream_facts

    if stream_facts(op.original_path(sha))["hdr"]:  # renderings made before tone mapping
        facts.append("sdr")
    key = hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:20]
    out = op.root / "cache" / "masked" / f"{key}.mp4"
    if out.exists():
        return out
    with atomic_path(out) as tmp:
        anonymize_video(op.original_path(sha), tmp, detector=detector, style=style,
                        tracks=item["tracks"], voice=item_plan(op, sha), cancelled=cancelled,
                        fps=detection_rate(item))
    return out


def subject_samples(op: Operation, sha: str, step: float = 0.2
                    ) -> list[tuple[float, list[tuple[float, float, float, float]]]]:
    """Face boxes of the accepted tracks, sampled every ``step`` seconds, for reframing."""
    from mediakit.video.tracks import TrackBoxes, is_masked

    item = op.items[sha]
    fps = detection_rate(item) or float(item["info"].get("fps") or 25.0)
    faces = [TrackBoxes(t) for t in item.get("tracks", [])
             if t["label"] == "face" and is_masked(t)]
    frames = int(item["info"].get("frames") or item["info"].get("duration", 0) * fps)
    samples = []
    stride = max(1, int(round(step * fps)))
    for frame in range(0, max(frames, 1), stride):
        boxes = [b for b in (tb.box(frame) for tb in faces) if b is not None]
        samples.append((frame / fps, boxes))
    return samples
