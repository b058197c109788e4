"""The officer's whole job in the window, through its own menus, buttons, lists and dialogs.

From an empty folder: create an operation, import the sample media, let the background
detection run, review the masks of the photos and the tracks of the rush (one rejected, a
new manual track drawn), make an infographic, create and render a montage, export
everything to three channels, set up the keys (the officer's pair, the chief's public key),
pack the review bundle, apply the chief's signed decision and publish to a chosen channel.

Dialogs are answered by filling the real dialog widgets the window opens (file choosers,
text prompts, questions, the channel choice), never by patching them out. Core functions are
used only to check what each step wrote, and for what happens on the chief's side (his key
pair, his signature): the test set-up. The sample rush is cut to about a second, with its
identifying container metadata kept, so the test stays short.
"""

from __future__ import annotations

import json
import stat
import subprocess
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
)

from mediakit.ui.widgets import WARNING_MARK
from tests.conftest import ASSETS, ffmpeg, require, sha256
from tests.ui.gestures import (
    action,
    answering,
    button,
    click,
    click_item,
    drag,
    grid_entry,
    key_button,
    open_from_chutier,
    show_tab,
    type_into,
)

CHANNELS = {"x": ((1200, 675), (1920, 1080)),  # channel: (photo size, video size)
            "instagram-feed": ((1080, 1350), (1080, 1350)),
            "linkedin": ((1200, 627), (1920, 1080))}
PUBLISH_CHANNEL = "x"
DRAWN_BOX = (900, 120, 160, 180)  # drawn on the rush at frame 5: the brick wall, textured
OFFICER, CHIEF = "Agent Durand", "Commissaire Lefort"
# what the samples carry and no output may: place, people, camera, serial numbers
PHOTO_SECRETS = [b"Bellecour", b"Jeanne", b"MARTIN", b"Canon", b"032021004417", b"8130004562",
                 b"Lyon", b"Lefevre", "Lefèvre".encode()]
VIDEO_SECRETS = [b"iPhone", b"Rivoli", b"Jeanne Martin", b"+48.8566", b"com.apple.quicktime"]
VIDEO_TAGS = {"location", "location-eng", "creation_time", "make", "model", "artist",
              "comment", "com.apple.quicktime.location.ISO6709", "com.apple.quicktime.make"}


# -- checks of what was written ----------------------------------------------------------
def probe(path: Path) -> dict:
    out = subprocess.run([require("ffprobe"), "-v", "error", "-show_format", "-show_streams",
                          "-of", "json", str(path)], capture_output=True, check=True, text=True)
    return json.loads(out.stdout)


def check_clean_photo(path: Path, size: tuple[int, int]) -> None:
    """A JPEG of the channel's size without identifying metadata."""
    assert path.stat().st_size > 10_000, path
    with Image.open(path) as img:
        assert img.format == "JPEG" and img.size == size, (path.name, img.size)
        exif = img.getexif()
        assert not {0x010F, 0x0110, 0x013B, 0x8298, 0xA431}.intersection(exif), path.name
        assert not exif.get_ifd(0x8825), f"{path.name} : GPS restant"
        assert "xmp" not in img.info and "photoshop" not in img.info, path.name
    raw = path.read_bytes()
    assert not [s for s in PHOTO_SECRETS if s in raw], path.name


def check_clean_video(path: Path, size: tuple[int, int], seconds: float) -> None:
    """An H.264 + AAC MP4 of the channel's size and the expected length, no place, date,
    camera or author in its container."""
    assert path.stat().st_size > 10_000, path
    facts = probe(path)
    video = next(s for s in facts["streams"] if s["codec_type"] == "video")
    audio = [s for s in facts["streams"] if s["codec_type"] == "audio"]
    assert video["codec_name"] == "h264" and (video["width"], video["height"]) == size, \
        (path.name, video["width"], video["height"])
    assert audio and audio[0]["codec_name"] == "aac", path.name
    assert abs(float(facts["format"]["duration"]) - seconds) < 0.35, (path.name, seconds)
    tags = {k.lower() for k in facts["format"].get("tags", {})}
    assert not tags & {t.lower() for t in VIDEO_TAGS}, (path.name, tags)
    raw = path.read_bytes()
    assert not [s for s in VIDEO_SECRETS if s in raw], path.name


def for_channel(item: dict, channel: str) -> bool:
    """Whether ``item`` is exported to ``channel`` (an infographic: only the channels of the
    size it was drawn for, never cropped)."""
    return item.get("for_channels") is None or channel in item["for_channels"]


def reopened(window):
    """The operation as stored on disk now (what another process would read)."""
    from mediakit.library.project import Operation

    return Operation.open(window.op.root)


def tick(dialog: QDialog, label: str) -> None:
    """Tick the dialog's check box labelled ``label``."""
    [box] = [b for b in dialog.findChildren(QCheckBox) if b.text() == label]
    if not box.isChecked():
        click(box)
    assert box.isChecked()


def ok(dialog: QDialog) -> None:
    [buttons] = dialog.findChildren(QDialogButtonBox)
    click(buttons.button(QDialogButtonBox.StandardButton.Ok))


@pytest.fixture()
def dialogs():
    yield from answering()


# -- set-up: a short cut of the sample rush, the chief's own key pair ---------------------
@pytest.fixture()
def short_rush(tmp_path) -> Path:
    """The first 1.2 s of the sample rush (the pedestrian's face), its container metadata
    (place, date, camera, author) kept so that the export has something to remove."""
    out = tmp_path / "carte-sd" / "rush_court.mp4"
    out.parent.mkdir()
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-i", str(ASSETS / "rushes" / "rush.mp4"),
                    "-t", "1.2", "-map_metadata", "0", "-movflags", "use_metadata_tags",
                    "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(out)],
                   check=True)
    return out


def test_whole_job_in_the_window(qtbot, window, dialogs, tmp_path, short_rush):
    from mediakit.privacy import review
    from mediakit.privacy.review_gate import unreviewed
    from mediakit.video import tracks as tracks_cmd

    started = time.monotonic()
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)

    # -- 1. a new operation in an empty folder -------------------------------------------
    folder = tmp_path / "operation-tempete"
    folder.mkdir()
    dialogs.folder(folder)
    dialogs.text("Opération Tempête")
    action(window, "Nouvelle opération…").trigger()
    dialogs.check()
    assert window.op is not None and window.op.name == "Opération Tempête"
    assert window.op.root.resolve() == folder.resolve()
    assert reopened(window).name == "Opération Tempête"  # written on disk
    op = window.op

    # -- 2. import the sample photos (a folder) and the rush (files); detection follows ---
    photos = sorted(p.name for p in (ASSETS / "photos").iterdir())
    dialogs.folder(ASSETS / "photos")
    action(window, "Importer un dossier…").trigger()
    qtbot.waitUntil(lambda: len(op.items) == 3 and window.worker is None, timeout=120_000)
    dialogs.files(short_rush)
    action(window, "Importer des fichiers…").trigger()
    dialogs.check()
    qtbot.waitUntil(lambda: len(op.items) == 4, timeout=60_000)
    # the background detection runs by itself after each import
    qtbot.waitUntil(lambda: window.worker is None and all(
        it.get("detection") for it in op.items.values()), timeout=180_000)
    assert window.grid.count() == 4
    qtbot.waitUntil(lambda: "4 élément(s) : 3 photo(s), 1 rush(es)" in window.details.text(),
                    timeout=5000)
    by_name = {it["name"]: sha for sha, it in op.items.items()}
    assert sorted(by_name) == sorted([*photos, short_rush.name])
    for name, sha in by_name.items():
        original = op.original_path(sha)
        source = (ASSETS / "photos" / name) if name in photos else short_rush
        assert sha256(original) == sha256(source) == sha  # copied once, verified
        assert not original.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        assert window.chutier.state_of(sha).code in ("to_review", "to_check"), name
    rush = by_name[short_rush.name]
    assert op.items[rush]["tracks"], "aucune piste proposée sur le rush"
    assert op.items[by_name["groupe.jpg"]]["masks"], "aucun masque proposé sur groupe.jpg"

    # -- 3. masks of the photos: reject one, accept one, decide suspects, mark reviewed ---
    panel = window.review
    for name in photos:
        sha = by_name[name]
        open_from_chutier(qtbot, window, name, panel)
        assert panel.sha == sha and panel.list.count() == len(op.items[sha]["masks"])
        if name == "groupe.jpg":
            masks = op.items[sha]["masks"]
            rejected = next(m["id"] for m in reversed(masks))
            kept = masks[0]["id"]
            click_item(qtbot, panel.list, _mask_entry(panel, rejected))
            click(key_button(panel, "R"))
            qtbot.waitUntil(lambda s=sha, r=rejected: _mask(op, s, r)["state"]
                            == review.REJECTED, timeout=5000)
            click_item(qtbot, panel.list, _mask_entry(panel, kept))
            click(key_button(panel, "A"))
            assert _mask(op, sha, kept)["state"] == review.ACCEPTED
        for mask in [m for m in op.items[sha]["masks"] if m["state"] == "suspect"]:
            click_item(qtbot, panel.list, _mask_entry(panel, mask["id"]))
            click(key_button(panel, "A"))  # « à vérifier » : masked, the safe side
        click(key_button(panel, "V"))
        assert op.items[sha].get("masks_reviewed"), panel.status.text()
    stored = reopened(window).items
    assert _mask(None, by_name["groupe.jpg"], rejected, stored)["state"] == review.REJECTED
    assert all(stored[by_name[n]].get("masks_reviewed") for n in photos)

    # -- 4. tracks of the rush: reject one, draw a new manual track, mark reviewed -------
    rushes = window.rush_review
    open_from_chutier(qtbot, window, short_rush.name, rushes)
    assert rushes.sha == rush and rushes.list.topLevelItemCount() == len(op.items[rush]["tracks"])
    entry = rushes.list.topLevelItem(0)  # the first listed (suspects come first)
    first = entry.data(0, Qt.ItemDataRole.UserRole)
    click_item(qtbot, rushes.list, entry)
    click(key_button(rushes, "R"))  # « Écarter (R, X) »: left visible
    qtbot.waitUntil(lambda: _track(op, rush, first)["state"] == tracks_cmd.REJECTED,
                    timeout=5000)
    # a new manual track, the rejected one still selected: it must not take the box
    rushes.slider.setValue(5)
    before = {t["id"]: json.dumps(t, sort_keys=True) for t in op.items[rush]["tracks"]}
    click(key_button(rushes, "N"))  # « Nouvelle piste (N) »
    x, y, w, h = DRAWN_BOX
    drag(rushes.view, QPointF(x, y), QPointF(x + w, y + h))
    qtbot.waitUntil(lambda: len(op.items[rush]["tracks"]) == len(before) + 1, timeout=5000)
    [new] = [t for t in op.items[rush]["tracks"] if t["id"] not in before]
    assert new["source"] == "manual" and new["state"] == tracks_cmd.ACCEPTED
    assert new["frames"][0] == 5
    for track in op.items[rush]["tracks"]:  # the others, the rejected one above all, kept
        if track["id"] in before:
            assert json.dumps(track, sort_keys=True) == before[track["id"]]
    for track in [t for t in op.items[rush]["tracks"] if t["state"] == "suspect"]:
        click_item(qtbot, rushes.list, _track_entry(rushes, track["id"]))
        click(key_button(rushes, "A"))
    click(key_button(rushes, "V"))
    assert op.items[rush].get("tracks_reviewed"), rushes.status.text()
    stored = reopened(window).items[rush]
    assert stored["tracks_reviewed"] and len(stored["tracks"]) == len(before) + 1
    assert not unreviewed(op, list(op.items))

    # -- 5. an infographic showing one of the reviewed photos ----------------------------
    info = window.infographic
    show_tab(qtbot, window, info)
    info.charte_box.setCurrentIndex(info.charte_box.findData("etat"))
    info.template_box.setCurrentIndex(info.template_box.findData("appel-a-temoins"))
    type_into(info.name_edit, "Appel Tempête")
    type_into(info.findChild(QLineEdit, "titre"), "Appel à témoins : place de la gare")
    photo = info.photo_fields["photo"]
    photo.combo.setCurrentIndex(photo.combo.findData(by_name["groupe.jpg"]))
    type_into(photo.description, "Quatre personnes assises à une table, visages masqués")
    qtbot.waitUntil(lambda: not info.is_stale() and info.issues.count() > 0
                    and "conforme" in info.issues.item(0).text(), timeout=60_000)
    click(info.export_button)
    qtbot.waitUntil(lambda: info.worker is None, timeout=120_000)
    assert info.last_export is not None, info.result.text()
    assert "ajouté(s) à l'opération" in info.result.text(), info.result.text()
    graphics = {s: it for s, it in op.items.items() if it["kind"] == "infographic"}
    assert set(graphics) == set(info.last_export.items.values())
    for width, height, dpi in info.formats:
        stem = f"appel-tempete_etat_{'a4' if dpi else f'{width}x{height}'}"
        picture = op.exports_dir / "infographies" / f"{stem}.{'pdf' if dpi else 'png'}"
        assert picture.stat().st_size > 5000, picture.name
        assert picture.with_suffix(".alt.txt").read_text(encoding="utf-8").strip()
        record = json.loads(picture.with_suffix(".json").read_text(encoding="utf-8"))
        assert "place de la gare" in json.dumps(record, ensure_ascii=False)
        if dpi:
            assert picture.read_bytes().startswith(b"%PDF")
        else:
            with Image.open(picture) as img:
                assert img.format == "PNG" and img.size == (width, height)
    for item in graphics.values():  # kept as deliverables of the channels of their size
        assert item["sources"] == [by_name["groupe.jpg"]] and item["for_channels"]
    assert {s for s, it in reopened(window).items.items() if it["kind"] == "infographic"} \
        == set(graphics)

    # -- 6. a montage from the chutier's selection, trimmed, titled, rendered -------------
    show_tab(qtbot, window, window.tabs.widget(0))
    click_item(qtbot, window.grid, grid_entry(window, short_rush.name))
    click_item(qtbot, window.grid, grid_entry(window, "groupe.jpg"),
               Qt.KeyboardModifier.ControlModifier)
    assert set(window.chutier.selected_items()) == {rush, by_name["groupe.jpg"]}
    montage = window.montage
    show_tab(qtbot, window, montage)
    dialogs.text("Reportage")
    click(button(montage, "Nouveau montage…"))
    dialogs.check()
    assert montage.clips.count() == 2 and montage.montages.currentText() == "Reportage"
    photo_row = next(i for i in range(2) if "groupe.jpg" in montage.clips.item(i).text())
    click_item(qtbot, montage.clips, montage.clips.item(photo_row))
    type_into(montage.out_box, "0,8")  # the photo shown 0.8 s (French decimal comma)
    click(button(montage, "Appliquer au clip"))
    type_into(montage.title_text, "Opération Tempête")
    type_into(montage.title_end, "1,5")
    click(button(montage, "Ajouter"))
    timeline = op.doc.get(("timelines", "Reportage"))
    assert timeline["clips"][photo_row]["duration"] == 0.8
    assert timeline["titles"][0]["text"] == "Opération Tempête"
    assert timeline["titles"][0]["end"] == 1.5
    length = montage.duration()
    assert abs(length - 2.0) < 0.15  # 1.2 s of rush + 0.8 s of photo
    click(button(montage, "Rendre la vidéo"))
    assert montage.render_progress.isVisible()
    qtbot.waitUntil(lambda: montage.worker is None, timeout=240_000)
    assert "Montage rendu" in montage.message.text(), montage.message.text()
    [film] = [s for s, it in op.items.items() if it["kind"] == "montage"]
    assert set(op.items[film]["sources"]) == {rush, by_name["groupe.jpg"]}
    rendered = op.original_path(film)
    check_clean_video(rendered, (1920, 1080), length)
    assert reopened(window).items[film]["name"] == "montage Reportage"

    # -- 7. export every deliverable to three channels ------------------------------------
    export = window.export
    show_tab(qtbot, window, export)
    qtbot.waitUntil(lambda: export.items.count() == len(op.items), timeout=5000)
    assert set(export.selected_items()) == set(op.items)  # every deliverable ticked
    for channel in CHANNELS:
        click(export.channels[channel])
    assert sorted(export.selected_channels()) == sorted(CHANNELS)
    click(button(export, "Exporter"))
    qtbot.waitUntil(lambda: export.worker is None, timeout=400_000)
    summary = export.summary.toPlainText()
    assert "0 en échec" in summary and "0 refusé(s)" in summary, summary
    deliverables = set(op.items)  # photos, rush, montage, infographics
    _check_outputs(op, deliverables, CHANNELS, summary, {rush: 1.2, film: length})
    assert export.open_button.isEnabled()
    assert len(reopened(window).items[rush]["exports"]) == len(CHANNELS)
    # the box drawn on the rush is masked in what leaves, the wall beside it is not
    [x_rush] = [Path(e["path"]) for e in op.items[rush]["exports"] if e["channel"] == "x"]
    _check_masked(x_rush, short_rush, DRAWN_BOX, (1920, 1080), t=7 / 25)

    # -- 8. keys: the officer's own pair, the chief's public key --------------------------
    validation = window.validation
    show_tab(qtbot, window, validation)
    officer_dir = tmp_path / "cle-usb-agent"
    officer_dir.mkdir()
    dialogs.text(OFFICER)
    dialogs.folder(officer_dir)
    dialogs.answer(QMessageBox.StandardButton.No)  # the officer's key is not a reviewer's
    click(validation.keygen_button)
    dialogs.check()
    private = sorted(officer_dir.glob("*.cle-privee.pem"))
    public = sorted(officer_dir.glob("*.cle-publique.pem"))
    assert len(private) == len(public) == 1
    assert stat.S_IMODE(private[0].stat().st_mode) == 0o600  # its owner's alone
    from mediakit.validation import keys

    keys.load_private(private[0])
    keys.load_public(public[0].read_bytes())
    assert "Aucune clé de relecteur" in validation.reviewers.text()
    # the chief makes his own pair on his machine (set-up) and hands over the public key
    chief_private, chief_public = keys.generate(CHIEF, tmp_path / "poste-du-chef")
    dialogs.files(chief_public)
    dialogs.text(CHIEF)
    click(validation.add_key_button)
    dialogs.check()
    registered = keys.reviewers(reopened(window))
    assert list(registered) == [CHIEF]
    fingerprint = keys.fingerprint(keys.load_public(chief_public.read_bytes()))
    assert registered[CHIEF]["fingerprint"] == fingerprint
    assert CHIEF in validation.reviewers.text()

    # -- 9. the review bundle, with the files exported for the channel of publication ----
    def pack_choice(dialog: QDialog) -> None:
        entries = [dialog.items.item(i) for i in range(dialog.items.count())]
        assert len(entries) == len(op.items)  # every item offered, ticked, none flagged
        assert all(e.checkState() == Qt.CheckState.Checked for e in entries)
        assert not [e.text() for e in entries if e.text().startswith(WARNING_MARK)]
        tick(dialog, export.channels[PUBLISH_CHANNEL].text())
        ok(dialog)

    bundle_path = tmp_path / "pour-le-chef" / "relecture.zip"
    bundle_path.parent.mkdir()
    dialogs.expect(QDialog, pack_choice)
    dialogs.folder(bundle_path)
    click(validation.pack_button)
    dialogs.check()  # every item was reviewed: no override asked
    assert validation.busy.isVisible() and not validation.publish_button.isEnabled()
    qtbot.waitUntil(lambda: validation.worker is None, timeout=240_000)
    assert "prêt" in validation.log.toPlainText(), validation.log.toPlainText()
    assert not validation.busy.isVisible() and validation.publish_button.isEnabled()
    packs = op.doc.get(("review", "packs"))
    [pack_id] = list(packs)
    assert packs[pack_id]["channels"] == [PUBLISH_CHANNEL]
    _check_bundle(op, bundle_path, pack_id, deliverables)

    # -- 10. the chief's signed decision (signed on his side), applied in the window ------
    from mediakit.validation import decisions
    from mediakit.validation.manifest import load_pack_manifest

    manifest, manifest_sha = load_pack_manifest(op, pack_id)
    decision = decisions.new_decision(manifest, manifest_sha, CHIEF, {
        sha: {"decision": decisions.APPROVED, "comment": "Bon pour publication.",
              "channels": {PUBLISH_CHANNEL: {"decision": decisions.APPROVED}}
              if for_channel(op.items[sha], PUBLISH_CHANNEL) else {}}
        for sha in deliverables})
    decision_file = tmp_path / "poste-du-chef" / "decision.json"
    decisions.dump(decision, decision_file)
    decisions.sign_file(decision_file, chief_private)
    dialogs.files(decision_file)
    click(validation.import_button)
    dialogs.check()
    log = validation.log.toPlainText()
    assert f"Décision de {CHIEF} appliquée : {len(deliverables)} validé(s)" in log, log
    from mediakit.validation.gate import is_validated, ready_dir

    stored = reopened(window).items
    assert all(is_validated(stored[s]) for s in deliverables)
    assert all(stored[s]["status"] == "validated" for s in deliverables)
    assert validation.table.rowCount() == len(op.items)

    # -- 11. publish to the channel chosen in the dialog ---------------------------------
    def choose(dialog: QDialog) -> None:
        boxes = {b.text(): b for b in dialog.findChildren(QCheckBox)}
        label = export.channels[PUBLISH_CHANNEL].text()  # the same words in both screens
        assert boxes[label].isChecked()  # the channel the chief approved, ticked
        assert [t for t, b in boxes.items() if b.isChecked()] == [label]
        ok(dialog)

    dialogs.expect(QDialog, choose)
    click(validation.publish_button)
    dialogs.check()
    qtbot.waitUntil(lambda: validation.worker is None, timeout=240_000)
    log = validation.log.toPlainText()
    to_publish = {s for s in deliverables if for_channel(op.items[s], PUBLISH_CHANNEL)}
    assert f"{len(to_publish)} fichier(s) prêt(s) à publier" in log, log
    ready = ready_dir(op)
    published = json.loads((ready / "publication.json").read_text(encoding="utf-8"))
    assert {r["channel"] for r in published["outputs"]} == {PUBLISH_CHANNEL}
    assert {r["item"] for r in published["outputs"]} == to_publish
    photo_size, video_size = CHANNELS[PUBLISH_CHANNEL]
    from mediakit.validation.bundle import read_bundle

    reviewed = read_bundle(bundle_path)  # what the chief opened
    signed = {(e["item"], o["channel"]): o for e in manifest["items"] for o in e["outputs"]}
    for r in published["outputs"]:
        path = Path(r["output"])
        assert path.parent == ready and "NON-VALIDE" not in path.name
        # the very file he saw, stills and videos alike: copied, never encoded again
        packed = signed[(r["item"], r["channel"])]
        assert r["identical_to_reviewed"] is True, path.name
        assert sha256(path) == packed["sha256"] == r["sha256"], path.name
        assert path.read_bytes() == reviewed[packed["file"]], path.name
        kind = op.items[r["item"]]["kind"]
        if kind in ("photo", "infographic"):
            check_clean_photo(path, photo_size)
        else:
            check_clean_video(path, video_size, {rush: 1.2, film: length}[r["item"]])
    assert "réencodé" not in log and log.count("identique au fichier relu") == len(to_publish)
    assert not (op.exports_dir / "retires").exists()
    assert not [p for p in ready.iterdir() if p.suffix in (".jpg", ".mp4")
                and p.name not in {Path(r["output"]).name for r in published["outputs"]}]
    dialogs.check()
    print(f"travail complet en {time.monotonic() - started:.0f} s")


def _mask_entry(panel, mask_id: str):
    for i in range(panel.list.count()):
        if panel.list.item(i).data(Qt.ItemDataRole.UserRole) == mask_id:
            return panel.list.item(i)
    raise AssertionError(mask_id)


def _track_entry(panel, track_id: str):
    for i in range(panel.list.topLevelItemCount()):
        if panel.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == track_id:
            return panel.list.topLevelItem(i)
    raise AssertionError(track_id)


def _mask(op, sha: str, mask_id: str, items: dict | None = None) -> dict:
    items = items if items is not None else op.items
    return next(m for m in items[sha]["masks"] if m["id"] == mask_id)


def _track(op, sha: str, track_id: str) -> dict:
    return next(t for t in op.items[sha]["tracks"] if t["id"] == track_id)


def _check_outputs(op, items: set[str], channels: dict, summary: str,
                   seconds: dict[str, float]) -> None:
    """Each item exported once per channel, at the channel's size, metadata scrubbed, and the
    panel's summary names every file written."""
    for sha in items:
        exports = op.items[sha].get("exports", [])
        assert sorted(e["channel"] for e in exports) == sorted(
            c for c in channels if for_channel(op.items[sha], c)), op.items[sha]["name"]
        for entry in exports:
            path = Path(entry["path"])
            assert path.is_file() and sha256(path) == entry["sha256"]
            assert path.name in summary, path.name
            photo_size, video_size = channels[entry["channel"]]
            if op.items[sha]["kind"] in ("photo", "infographic"):
                check_clean_photo(path, photo_size)
            else:
                check_clean_video(path, video_size, seconds[sha])


def _frame(path: Path, t: float, size: tuple[int, int]) -> np.ndarray:
    """The RGB frame of ``path`` at ``t`` seconds, scaled to ``size``."""
    width, height = size
    raw = subprocess.run([ffmpeg(), "-v", "error", "-ss", f"{t:.3f}", "-i", str(path),
                          "-frames:v", "1", "-vf", f"scale={width}:{height}", "-f", "rawvideo",
                          "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8)[: width * height * 3].reshape(height, width, 3)


def _check_masked(export: Path, original: Path, box: tuple[int, int, int, int],
                  size: tuple[int, int], t: float) -> None:
    """Inside ``box`` (in the original's pixels) the exported frame differs from the
    original far more than a control area outside every track does (encoding noise)."""
    k = size[0] / 1280
    out = _frame(export, t, size).astype(float)
    ref = _frame(original, t, size).astype(float)
    x, y, w, h = (int(v * k) for v in box)
    inside = np.abs(out[y + 10:y + h - 10, x + 10:x + w - 10] - ref[y + 10:y + h - 10,
                                                                     x + 10:x + w - 10]).mean()
    control = np.abs(out[20:140, 60:360] - ref[20:140, 60:360]).mean()  # top-left windows
    assert inside > 4 * control and inside > 4, (inside, control)


def _check_bundle(op, bundle: Path, pack_id: str, items: set[str]) -> None:
    """The zip holds the manifest of every item, masked previews, the contact sheet and the
    offline page; the manifest kept in the operation is the one in the zip."""
    from mediakit.validation import versions
    from mediakit.validation.bundle import read_bundle
    from mediakit.validation.manifest import MANIFEST, PAGE, pack_dir

    assert zipfile.is_zipfile(bundle) and bundle.stat().st_size > 50_000
    files = read_bundle(bundle)
    assert MANIFEST in files and PAGE in files and "planche-contact.pdf" in files
    assert files["planche-contact.pdf"].startswith(b"%PDF")
    manifest = json.loads(files[MANIFEST])
    assert manifest["pack_id"] == pack_id
    assert {e["item"] for e in manifest["items"]} == items
    assert files[MANIFEST] == (pack_dir(op, pack_id) / MANIFEST).read_bytes()
    for entry in manifest["items"]:
        assert entry["metadata"]["clean"], entry["name"]
        channels = [o["channel"] for o in entry["outputs"]]
        assert channels == ([PUBLISH_CHANNEL] if for_channel(op.items[entry["item"]],
                                                             PUBLISH_CHANNEL) else [])
        for output in entry["outputs"]:  # the exported file, as it will be published
            assert versions.sha256_hex(files[output["file"]]) == output["sha256"]
            photo_size, video_size = CHANNELS[output["channel"]]
            size = video_size if output["file"].endswith(".mp4") else photo_size
            assert (output["width"], output["height"]) == size, output["file"]
        if entry["kind"] == "photo":
            preview = files[entry["preview"]]
            assert preview[:2] == b"\xff\xd8" and not [s for s in PHOTO_SECRETS if s in preview]
    assert op.doc.get(("review", "packs", pack_id, "bundle")) == bundle.name
