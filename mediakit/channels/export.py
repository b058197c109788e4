"""Batch export: items × channels jobs, in parallel on the available cores, with progress,
cancel, resume after a crash (finished jobs are not redone) and a summary.

Nothing unmasked ever leaves: photos are masked from their project masks before any crop,
videos are exported from their anonymised rendering. An item that did not pass the review
gate (``privacy.review_gate``) is refused, naming what unblocks it, unless an override with a
written reason was logged; a forced export says so in its file name and the summary.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from mediakit.atomic import file_sha256, write_text_atomic
from mediakit.channels.naming import DEFAULT_PATTERN, check_pattern, output_name
from mediakit.channels.presets import get_preset, load_presets, resolve_channels
from mediakit.channels.reframe import salient_focus
from mediakit.channels.stills import EXT, export_still
from mediakit.clitext import CHECKS_FR, number, translate, typeset
from mediakit.errors import Cancelled, MediakitError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.media.images import load_oriented_rgb
from mediakit.media.kinds import PHOTO, VIDEO
from mediakit.photo.adjust import apply_adjustments, transform_boxes
from mediakit.photo.captions import length_problems
from mediakit.privacy.masking import MaskStyle, apply_masks
from mediakit.privacy.review import accepted_regions
from mediakit.privacy.review_gate import sort_out
from mediakit.validation.gate import NOT_VALIDATED_TAG, is_validated

STATE_FILE = ".mediakit-export.json"
UNREVIEWED_TAG = "masques-non-revus"

Progress = Callable[[dict[str, Any]], None]


@dataclass
class Job:
    """One item exported for one channel."""

    sha: str
    channel: str
    index: int
    kind: str
    key: str = ""
    output: Path | None = None
    forced: bool = False
    validated: bool = False


@dataclass
class ExportSummary:
    outputs: list[dict[str, Any]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already done (resume)
    cancelled: list[str] = field(default_factory=list)  # jobs the user cancelled alone

    @property
    def ok(self) -> bool:
        return not self.failed and not self.refused


def plan(op: Operation, items: list[str] | None, channels: list[str], out_dir: Path,
         pattern: str, force: bool, summary: ExportSummary,
         reason: str | None = None, overridden: Collection[str] = ()) -> list[Job]:
    """The jobs to run; items refused by the review gate are listed in ``summary`` (with
    ``force`` and a ``reason`` they go through by one logged override, flagged;
    ``overridden`` are items the caller already let through by its own logged override)."""
    check_pattern(pattern)
    presets = load_presets()
    channels = resolve_channels(channels)  # « X », « presse »…; clear error for an unknown one
    if channels == ["all"]:
        channels = sorted(presets)
    shas = [op.resolve(r) for r in items] if items else sorted(
        op.items, key=lambda s: op.items[s]["name"])
    order = {s: i + 1 for i, s in enumerate(sorted(op.items, key=lambda s: op.items[s]["name"]))}
    cleared, forced, blockers = sort_out(op, [s for s in shas if s not in overridden],
                                         "export", force=force, reason=reason)
    forced += [s for s in shas if s in overridden]
    summary.refused += [str(b) for b in blockers]
    jobs = []
    for sha in shas:
        item = op.items[sha]
        if sha not in cleared and sha not in forced:
            continue
        reviewed = sha in cleared
        for ch in channels:
            if item.get("for_channels") is not None and ch not in item["for_channels"]:
                continue  # an infographic drawn for other channels' sizes: never cropped
            preset = presets[ch]
            still = _is_still(item["kind"])
            section = preset.get("still") if still else preset.get("video")
            if not section:
                continue
            job = Job(sha, ch, order[sha], PHOTO if still else VIDEO, forced=not reviewed,
                      validated=is_validated(item, ch))
            job.key = _job_key(item, preset) + ("" if job.validated else "-nv")
            ext = EXT.get(section.get("format", "jpeg"), ".jpg")[1:] if job.kind == PHOTO \
                else "mp4"
            name = output_name(pattern, date=date.today().isoformat(), operation=op.name,
                               channel=ch, index=job.index, name=Path(item["name"]).stem,
                               item=sha[:8], ext=ext)
            if job.forced:
                stem, dot, suffix = name.rpartition(".")
                name = f"{stem}_{UNREVIEWED_TAG}{dot}{suffix}"
            if not job.validated:  # not approved by the chief (mediakit review)
                stem, dot, suffix = name.rpartition(".")
                name = f"{stem}_{NOT_VALIDATED_TAG}{dot}{suffix}"
            job.output = out_dir / name
            jobs.append(job)
    return jobs


def _is_still(kind: str) -> bool:
    """Photos and infographics export as stills; rushes and montage renders as videos."""
    return kind in (PHOTO, "infographic")


def _job_key(item: dict[str, Any], preset: dict[str, Any]) -> str:
    """Changes whenever the item's masks or the preset change (the job must be redone)."""
    payload = json.dumps([item["sha256"], item.get("masks"), item.get("tracks"),
                          item.get("reframe"), item.get("adjust"),
                          {k: v for k, v in preset.items() if k != "file"}], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def run_export(op: Operation, channels: list[str], out_dir: Path, *,
               items: list[str] | None = None, pattern: str = DEFAULT_PATTERN,
               force: bool = False, reason: str | None = None,
               overridden: Collection[str] = (), fit: str = "crop",
               style: MaskStyle | None = None,
               workers: int = 2, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None,
               skip: Callable[[str], bool] | None = None,
               speed: str = "medium") -> ExportSummary:
    """Run every job; finished jobs recorded in ``out_dir/.mediakit-export.json`` are skipped.
    ``speed`` is the x264 preset of the video jobs (« veryfast » for a quick try)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    jobs = plan(op, items, channels, out_dir, pattern, force, summary, reason, overridden)
    state = _load_state(out_dir)
    todo = []
    for job in jobs:
        done = state.get(job.key + job.channel)
        if done and Path(done["output"]).exists() and file_sha256(Path(done["output"])) == done["sha256"]:
            summary.skipped.append(done["output"])
            summary.outputs.append(done)
        else:
            todo.append(job)
    lock = threading.Lock()
    style = style or MaskStyle()
    counter = {"done": 0}

    def record(job: Job, result: dict[str, Any]) -> None:
        result.update(item=job.sha, name=op.items[job.sha]["name"], channel=job.channel,
                      forced=job.forced, validated=job.validated,
                      sha256=file_sha256(Path(result["output"])), date=now_iso())
        with lock:
            state[job.key + job.channel] = result
            _save_state(out_dir, state)
            summary.outputs.append(result)

    def label(job: Job) -> str:
        return f"{op.items[job.sha]['name']} → {job.channel}"

    def tick(job: Job, fraction: float) -> None:
        if progress:
            progress({"job": label(job), "fraction": fraction,
                      "done": counter["done"], "total": len(todo)})

    def job_cancelled(job: Job) -> Callable[[], bool]:
        """Stops this job alone when the user cancels it (``skip``), or the whole batch."""
        return lambda: bool((cancelled and cancelled()) or (skip and skip(label(job))))

    def one_cancelled(job: Job) -> bool:
        """True (and noted) when the user cancelled this job, not the whole batch."""
        if skip and skip(label(job)) and not (cancelled and cancelled()):
            with lock:
                summary.cancelled.append(label(job))
            return True
        return False

    def run_item(group: list[Job]) -> None:
        try:
            if group[0].kind == PHOTO:
                _photo_jobs(op, group, style, fit, record, tick, cancelled, job_cancelled,
                            one_cancelled)
            else:
                _video_jobs(op, group, style, fit, record, tick, cancelled, job_cancelled,
                            one_cancelled, speed)
        except Cancelled:
            raise
        except MediakitError as exc:
            with lock:
                summary.failed.append(f"{op.items[group[0].sha]['name']}: {exc}")
        finally:
            with lock:
                counter["done"] += len(group)

    groups: dict[str, list[Job]] = {}
    for job in todo:
        groups.setdefault(job.sha, []).append(job)
    photos = [g for g in groups.values() if g[0].kind == PHOTO]
    videos = [g for g in groups.values() if g[0].kind == VIDEO]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for future in [pool.submit(run_item, g) for g in photos]:
            future.result()
    for group in videos:  # ffmpeg already uses both cores
        run_item(group)
    _record_on_items(op, summary)
    _write_summary(out_dir, summary)
    return summary


def _record_on_items(op: Operation, summary: ExportSummary) -> None:
    """Note each output not yet noted on its item with its audit entry (one undo step, one
    commit). A file that a stopped run wrote but had not recorded is noted when the resumed
    run finds it whole."""
    def noted(r: dict[str, Any]) -> bool:
        return any(e.get("path") == r["output"] and e.get("sha256") == r["sha256"]
                   for e in op.items[r["item"]].get("exports", []))

    if summary.outputs:
        with op.doc.transaction("exporter") as command:
            new = [r for r in summary.outputs if r["item"] in op.items and not noted(r)]
            command.label = f"exporter {len(new)} fichier(s)"
            for r in new:
                op.doc.append(("items", r["item"], "exports"),
                              {"path": r["output"], "channel": r["channel"], "date": r["date"],
                               "sha256": r["sha256"], "forced": r["forced"]})
                audit.record(op.root, "export", item=r["item"], channel=r["channel"],
                             output=Path(r["output"]).name, sha256=r["sha256"],
                             forced=r["forced"])
    for message in summary.refused:
        audit.record(op.root, "export_refused", reason=message)
    op.save()


def _photo_jobs(op: Operation, jobs: list[Job], style: MaskStyle, fit: str,
                record: Callable, tick: Callable, cancelled: Callable[[], bool] | None,
                job_cancelled: Callable, one_cancelled: Callable) -> None:
    sha = jobs[0].sha
    item = op.items[sha]
    if item["kind"] == PHOTO and "masks" not in item:  # overridden, never analysed: detect
        from mediakit.photo.operation import detect_item
        from mediakit.privacy.detector import Detector

        with _DETECT_LOCK:
            detect_item(op, sha, Detector())
    original, oriented = load_oriented_rgb(op.original_path(sha))
    icc = original.info.get("icc_profile")
    original.close()
    rgb = np.array(oriented)
    height, width = rgb.shape[:2]
    masks = item.get("masks", [])
    apply_masks(rgb, accepted_regions(masks), style)  # before any crop: masks follow pixels
    adjust = item.get("adjust")
    rgb = apply_adjustments(rgb, adjust)
    people = []  # every detected face, masked or not, is a person to keep in the frame
    for m in masks:
        if m["label"] == "face":
            box = [tuple(m["region"])]
            box = transform_boxes(box, adjust, width, height) if adjust else box
            people += [(str(m["id"]), box[0])] if box else []
    faces = [b for _, b in people]
    focus = None if faces else salient_focus(rgb)  # once per picture, not per channel
    pil = Image.fromarray(rgb)
    for job in jobs:
        if cancelled and cancelled():
            raise Cancelled("export annulé")
        if one_cancelled(job):
            continue
        tick(job, 0.0)
        preset = get_preset(job.channel)
        result = export_still(rgb, preset["still"], job.output, people=people, fit=fit,
                              focus=focus, pil=pil,
                              icc_profile=icc, credit=op.doc.get(("settings", "credit")),
                              copyright_=op.doc.get(("settings", "copyright")))
        if result.get("left_out"):
            result["left_out"] = [_where(pid, dict(people)[pid], rgb.shape[1], rgb.shape[0])
                                  for pid in result["left_out"]]
        _write_texts(item, job, result)
        record(job, result)
        tick(job, 1.0)


def _where(pid: str, box: tuple, width: int, height: int) -> str:
    """« m3 (à droite) »: a person left out of a crop, by mask id and place in the photo."""
    cx = (box[0] + box[2] / 2) / width
    cy = (box[1] + box[3] / 2) / height
    if abs(cx - 0.5) >= abs(cy - 0.5):
        place = "à gauche" if cx < 0.5 else "à droite"
    else:
        place = "en haut" if cy < 0.5 else "en bas"
    return f"{pid} ({place})"


def _write_texts(item: dict[str, Any], job: Job, result: dict[str, Any]) -> None:
    """Carry caption, credit and alt text: in the summary and in a sidecar .txt file."""
    texts = {k: item.get(k) for k in ("caption", "credit", "alt_text") if item.get(k)}
    if not texts or job.output is None:
        return
    labels = {"caption": "Légende", "credit": "Crédit", "alt_text": "Texte alternatif"}
    body = "\n".join(f"{labels[k]} : {v}" for k, v in texts.items()) + "\n"
    write_text_atomic(job.output.with_suffix(".txt"), body)
    result.update(texts)
    problems = length_problems(item, [job.channel])
    result["checks"]["text_length"] = not problems
    if problems:
        result["text_problems"] = problems


_DETECT_LOCK = threading.Lock()


def _video_jobs(op: Operation, jobs: list[Job], style: MaskStyle, fit: str,
                record: Callable, tick: Callable, cancelled: Callable[[], bool] | None,
                job_cancelled: Callable, one_cancelled: Callable, speed: str = "medium") -> None:
    from mediakit.channels.video_export import export_video
    from mediakit.video.operation import masked_rendering

    sha = jobs[0].sha
    item = op.items[sha]
    if item["kind"] == VIDEO:
        source = masked_rendering(op, sha, style=style, cancelled=cancelled)
    else:  # a montage render: made of masked rushes and photos already
        source = op.original_path(sha)
    framer = _Framer(source, item, cancelled)
    for job in jobs:
        if one_cancelled(job):
            continue
        preset = get_preset(job.channel)
        video = preset["video"]
        path = framer.path(video["width"], video["height"]) if fit == "crop" else None
        tick(job, 0.0)
        try:
            result = export_video(source, video, job.output, fit=fit, path=path, speed=speed,
                                  progress=lambda f, j=job: tick(j, f),
                                  cancelled=job_cancelled(job))
        except Cancelled:
            if one_cancelled(job):  # this job alone: the batch goes on
                continue
            raise
        if path is not None:
            result["reframe"] = framer.facts(path)
        record(job, result)


class _Framer:
    """The crop paths of one video: its low-resolution analysis (cuts, moving region) and
    its tracks read once, one path per output format (with the user's keyframes)."""

    def __init__(self, source: Path, item: dict[str, Any],
                 cancelled: Callable[[], bool] | None) -> None:
        self.source, self.item, self.cancelled = source, item, cancelled
        self._analysis: Any = None
        self._subjects: Any = None
        self._paths: dict[str, Any] = {}

    def path(self, width: int, height: int) -> Any:
        """The crop path for a width×height output; None when no crop is needed."""
        from mediakit.channels.video_reframe import analyse, format_of, item_keyframes, plan_path
        from mediakit.media.probe import video_info

        fmt = format_of(width, height)
        if fmt in self._paths:
            return self._paths[fmt]
        if self._analysis is None:
            info = video_info(self.source)
            self._analysis = analyse(self.source, info, cancelled=self.cancelled)
            self._subjects = self._tracks(info)
        a = self._analysis
        if abs(a.width / a.height - width / height) < 0.01:
            self._paths[fmt] = None
            return None
        faces, plates, face_ids, plate_ids = self._subjects
        self._paths[fmt] = plan_path(a, width / height, faces, plates,
                                     item_keyframes(self.item, fmt), face_ids=face_ids,
                                     plate_ids=plate_ids)
        self._paths[fmt].format = fmt
        return self._paths[fmt]

    def _tracks(self, info: dict[str, Any]) -> tuple[list, list, list, list]:
        from mediakit.channels.video_reframe import track_subjects

        tracks = self.item.get("tracks") or []
        frames = self._analysis.frames
        known = self.item.get("info") or {}
        sx = info["width"] / known["width"] if known.get("width") else 1.0
        sy = info["height"] / known["height"] if known.get("height") else 1.0
        return track_subjects(tracks, frames, (sx, sy), with_ids=True)

    def facts(self, path: Any) -> dict[str, Any]:
        """What the summary says about the framing of one output."""
        from mediakit.channels.video_reframe import item_keyframes, jerk

        j = jerk(path)
        return {"format": path.format, "mode": path.source, "shots": len(path.shots),
                "jerk_max": round(j["max"], 3),
                "keyframes": len(item_keyframes(self.item, path.format))}


def _load_state(out_dir: Path) -> dict[str, Any]:
    path = out_dir / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def _save_state(out_dir: Path, state: dict[str, Any]) -> None:
    # not fsynced: a lost entry only means a job is redone; a kept one is re-hashed on resume
    write_text_atomic(out_dir / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1),
                      durable=False)


def summary_text(summary: ExportSummary) -> str:
    """The human-readable summary (also written as export_summary.txt): French sentences,
    numbers in the command line's typography (:func:`~mediakit.clitext.number`: « 0,54 Mo »,
    « 2,50 s » in French)."""
    lines = []
    for r in sorted(summary.outputs, key=lambda r: r["output"]):
        checks = r.get("checks", {})
        bad = [CHECKS_FR.get(k, k) for k, v in checks.items() if not v]
        if r.get("left_out"):
            bad.append(f"{len(r['left_out'])} personne(s) sur {r.get('people', '?')} hors "
                       f"cadre : {', '.join(r['left_out'])}")
        dims = f"{r['width']}×{r['height']}"
        dur = f", {number(r['duration'], 2)} s" if r.get("duration") else ""
        loud = f", {number(r['loudness'], 1)} LUFS" if r.get("loudness") is not None else ""
        flag = " [MASQUES NON REVUS]" if r.get("forced") else ""
        flag += "" if r.get("validated", True) else " [NON VALIDÉ]"
        state = "OK" if not bad else "À VÉRIFIER : " + ", ".join(bad)
        if not bad and r.get("framing") == "fit":
            state += (" (la personne gardée" if r.get("people") == 1 else
                      f" (les {r.get('people')} personnes gardées") + \
                ", image entière sur fond flouté)"
        if r.get("reframe", {}).get("mode") in ("auto", "keyframes"):
            frame = r["reframe"]
            state += (f" (cadrage {frame['format']} suivant les sujets"
                      + (f", {frame['keyframes']} image(s) clé" if frame.get("keyframes") else "")
                      + ")")
        lines.append(f"{Path(r['output']).name}: {dims}{dur}, {number(r['bytes'] / 1e6, 2)} Mo{loud} — "
                     f"{state}{flag}")
    lines += [f"REFUSÉ {m}" for m in summary.refused]
    lines += [f"ÉCHEC {m}" for m in summary.failed]
    lines += [f"ANNULÉ {m}" for m in summary.cancelled]
    lines.append(f"{len(summary.outputs)} fichier(s) ({len(summary.skipped)} déjà faits), "
                 f"{len(summary.refused)} refusé(s), {len(summary.failed)} en échec"
                 + (f", {len(summary.cancelled)} annulé(s)" if summary.cancelled else ""))
    return "\n".join(lines)


def _write_summary(out_dir: Path, summary: ExportSummary) -> None:
    """Write export_summary.json/.txt for everything in ``out_dir``: this batch merged with
    the summary already there (an earlier batch into the same folder), by output path; an
    earlier refusal or failure is dropped once its item has an output or a new message."""
    merged = _merge_summary(_read_summary(out_dir), summary)
    data = {"outputs": merged.outputs, "refused": merged.refused, "failed": merged.failed,
            "skipped": merged.skipped, "cancelled": merged.cancelled}
    write_text_atomic(out_dir / "export_summary.json", json.dumps(data, ensure_ascii=False,
                                                                  indent=1))
    write_text_atomic(out_dir / "export_summary.txt", summary_file_text(merged) + "\n")


def summary_file_text(summary: ExportSummary) -> str:
    """export_summary.txt: :func:`summary_text` as the command line shows it, line by line
    (French « 0,54 Mo » with a no-break space; English « 0.54 MB » under
    ``MEDIAKIT_LANG=en``)."""
    return "\n".join(typeset(translate(line)) for line in summary_text(summary).splitlines())


def _read_summary(out_dir: Path) -> ExportSummary:
    try:
        data = json.loads((out_dir / "export_summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ExportSummary()
    if not isinstance(data, dict):
        return ExportSummary()

    def listed(key: str) -> list[Any]:
        value = data.get(key)
        return list(value) if isinstance(value, list) else []

    return ExportSummary(outputs=[r for r in listed("outputs")
                                  if isinstance(r, dict) and isinstance(r.get("output"), str)],
                         refused=[m for m in listed("refused") if isinstance(m, str)],
                         failed=[m for m in listed("failed") if isinstance(m, str)],
                         skipped=[m for m in listed("skipped") if isinstance(m, str)],
                         cancelled=[m for m in listed("cancelled") if isinstance(m, str)])


def _merge_summary(previous: ExportSummary, batch: ExportSummary) -> ExportSummary:
    """``previous`` (files still on disk) and ``batch``; the batch wins for a same path."""
    outputs = {r["output"]: r for r in previous.outputs if Path(r["output"]).exists()}
    outputs.update({r["output"]: r for r in batch.outputs})
    names = {str(r.get("name", "")) for r in batch.outputs} - {""}
    new_messages = set(batch.refused + batch.failed + batch.cancelled)

    def still_true(message: str) -> bool:
        return message not in new_messages and not any(
            message.startswith((f"{n}:", f"«{n}»", f"{n} →")) for n in names)

    def keep(old: list[str], new: list[str]) -> list[str]:
        return [m for m in old if still_true(m)] + new

    return ExportSummary(outputs=sorted(outputs.values(), key=lambda r: r["output"]),
                         refused=keep(previous.refused, batch.refused),
                         failed=keep(previous.failed, batch.failed),
                         skipped=[p for p in dict.fromkeys(previous.skipped + batch.skipped)
                                  if p in outputs],
                         cancelled=keep(previous.cancelled, batch.cancelled))
