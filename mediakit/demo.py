"""``mediakit demo``: every capability that exists so far, run on the bundled sample media."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from mediakit.atomic import write_text_atomic
from mediakit.clitext import AUDIO_FR, adjust_text, metadata_text, plain, typeset
from mediakit.errors import MediaError, MediakitError, display_path
from mediakit.library.project import Operation, is_operation

ASSETS = Path(__file__).resolve().parents[1] / "assets"

Step = Callable[[Operation, Path], dict[str, Path]]


def _out(text: str = "") -> None:
    """One line of the demo's report, numbers in French typography (« 2,5 s », « 129,7 Ko »)."""
    print(typeset(text))


def run_demo(out: Path, assets: Path = ASSETS) -> int:
    """Import the samples into ``out/operation`` and run every capability on them."""
    from mediakit.library.importer import import_files
    from mediakit.library.summary import item_lines

    if not assets.is_dir():
        _out(f"mediakit demo : dossier d'exemples introuvable : {display_path(assets)}")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    op_dir = out / "operation"
    t0 = _step("Opération et import des originaux (copiés, vérifiés, en lecture seule)")
    op = (Operation.open(op_dir) if is_operation(op_dir)
          else Operation.create(op_dir, "Opération de démonstration"))
    sources = [p for p in (assets / "photos", assets / "rushes") if p.exists()]
    report = import_files(op, sources, on_message=lambda m: _out("   " + plain(m)))
    _out(f"   {len(report.imported)} importé(s), {len(report.duplicates)} déjà présent(s), "
          f"{len(report.failed)} en échec")
    _done(t0)
    t0 = _step("Inventaire (mediakit info)")
    for line in item_lines(op):
        _out("   " + line)
    _done(t0)

    outputs: dict[str, Path] = {"opération": op_dir}
    failures = 0
    for title, step in STEPS:
        t0 = _step(title)
        try:
            outputs.update(step(op, out))
        except MediakitError as exc:
            failures += 1
            _out(f"   ÉCHEC : {plain(str(exc))}")
        _done(t0)
    _out("\n== Sorties")
    for label, path in outputs.items():
        _out(f"   {label:<28} {display_path(path)}")
    return 0 if report.ok and not failures else 1


def _step(title: str) -> float:
    _out(f"\n== {title}")
    return time.perf_counter()


def _done(t0: float) -> None:
    _out(f"   ({time.perf_counter() - t0:.1f} s)")


def _photos(op: Operation) -> list[str]:
    return sorted((s for s, it in op.items.items() if it["kind"] == "photo"),
                  key=lambda s: op.items[s]["name"])


DEMO_PERSON = "Agent protégé (démo)"


def step_people(op: Operation, out: Path) -> dict[str, Path]:
    """Enrol a protected agent from a reference photo: masked wherever recognised."""
    from mediakit.privacy.people import enroll, face_path

    listed = [p for p in op.doc.get(("people", "always_mask"), []) if p["name"] == DEMO_PERSON]
    reference = next((op.original_path(s) for s in _photos(op)
                      if op.items[s]["name"] == "gps.jpg"), None)
    if not listed and reference is None:
        raise MediakitError("photo de référence gps.jpg absente des exemples")
    person = listed[0] if listed else enroll(op, DEMO_PERSON, "always_mask", [reference])
    op.save()
    _out(f"   « {person['name']} » sur la liste « toujours masquer » "
          f"({len(person['encodings'])} photo(s) de référence) : masqué même si un masque est "
          f"rejeté par erreur")
    face = face_path(op, person)
    return {"visage de référence": face} if face else {}


def step_anonymize_photos(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.photo.operation import anonymize_operation, detect_item
    from mediakit.privacy.detector import Detector
    from mediakit.privacy.masking import MaskStyle
    from mediakit.privacy.review import ACCEPTED, mark_reviewed, set_state
    from mediakit.privacy.review_gate import undecided

    detector = Detector()
    suspects = 0
    for sha in _photos(op):  # the demo stands in for the officer's review, before any output
        try:
            if "masks" not in op.items[sha]:
                detect_item(op, sha, detector)  # masks and suspects ("à vérifier")
        except MediaError as exc:
            _out(f"   ÉCHEC {plain(str(exc))}")
            continue
        for mask in undecided(op.items[sha]):  # suspects: the demo masks them (safe side)
            set_state(op, sha, mask["id"], ACCEPTED)
            suspects += 1
        mark_reviewed(op, sha)
    op.save()
    _out(f"   (démo : {suspects} région(s) à vérifier masquée(s), masques marqués comme revus ;"
          f" en vrai, l'agent les revoit un à un)")
    dest = out / "photos_anonymisees"
    results = anonymize_operation(op, dest, detector=detector, style=MaskStyle())
    for r in results:
        if "error" in r:
            _out(f"   ÉCHEC {plain(r['file'] + ': ' + r['error'])}")
            continue
        known = sorted({m["person"]["name"] for m in r["masks"] if m.get("person")})
        texts = f", {r['texts']} texte(s)" if r.get("texts") else ""
        _out(f"   {r['file']}: {r['faces']} visage(s), {r['plates']} plaque(s){texts} masqués, "
              f"{r['style_note']} ; métadonnées retirées : "
              f"{metadata_text(r['metadata_removed'])}"
              + (f" ; reconnu(s) : {', '.join(known)}" if known else ""))
    report = dest / "anonymisation_report.json"
    write_text_atomic(report, json.dumps(results, ensure_ascii=False, indent=1))
    return {"photos anonymisées": dest, "rapport anonymisation": report}


def _videos(op: Operation) -> list[str]:
    return sorted((s for s, it in op.items.items() if it["kind"] == "video"),
                  key=lambda s: op.items[s]["name"])


DEMO_VOICE = (2.0, 5.0)  # s: the witness's answer in the sample rush


def step_voice(op: Operation, out: Path) -> dict[str, Path]:
    """A witness's answer with a disguised voice, heard before/after; every output of the
    rush (anonymisation, montage, channel export, review bundle) carries it."""
    import shutil

    from mediakit.video import voice

    videos = [s for s in _videos(op) if (op.items[s].get("info") or {}).get("audio")]
    if not videos:
        raise MediakitError("aucun rush sonore dans l'opération")
    sha = videos[0]
    start, end = DEMO_VOICE
    ranges = voice.add_range(op, sha, start, end, preset="grave")
    op.save()
    settings = voice.settings_of(op.items[sha]["voice"])
    files = {}
    for treated, label, name in ((False, "voix : avant", "voix_avant.wav"),
                                 (True, "voix : après", "voix_modifiee.wav")):
        preview = voice.preview_path(op, sha, start, end, treated, settings)
        shutil.copyfile(preview, out / name)
        files[label] = out / name
    _out(f"   {op.items[sha]['name']} : voix modifiée ({voice.PRESET_FR[settings.preset]}) "
          f"sur {voice.describe_ranges(ranges)} ; écoute avant/après : "
          f"{', '.join(p.name for p in files.values())}")
    return files


def step_anonymize_videos(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.privacy.detector import Detector
    from mediakit.privacy.masking import MaskStyle
    from mediakit.video import tracks as track_edits
    from mediakit.video.operation import anonymize_items
    from mediakit.video.voice import describe_ranges

    dest = out / "videos_anonymisees"
    results = anonymize_items(op, dest, detector=Detector(profile="video"), style=MaskStyle(),
                              shas=_videos(op))
    for r in results:
        if "error" in r:
            raise MediakitError(f"{r['file']}: {r['error']}")
        _out(f"   {r['file']}: {r['tracks_masked']} piste(s) masquée(s) ({r['faces']} visage(s), "
              f"{r['plates']} plaque(s)"
              + (f", {r['texts']} texte(s)" if r.get("texts") else "")
              + f") sur {r['frames_masked']}/{r['frames']} trames ; "
              f"son {AUDIO_FR.get(r['audio'], r['audio'])}"
              + (f" (voix modifiée : {describe_ranges(r['voice'])})" if r.get("voice") else "")
              + f" ; métadonnées retirées : {metadata_text(r['metadata_removed'])}")
    from mediakit.privacy.review_gate import undecided

    for sha in _videos(op):  # suspect tracks: the demo masks them (safe side)
        for track in undecided(op.items[sha]):
            track_edits.set_state(op, sha, track["id"], track_edits.ACCEPTED)
        track_edits.mark_reviewed(op, sha)
    op.save()
    write_text_atomic(dest / "anonymisation_report.json",
                      json.dumps(results, ensure_ascii=False, indent=1))
    return {"vidéos anonymisées": dest}


def step_montage(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.video.montage.demo import demo_timeline
    from mediakit.video.montage.render import render_timeline
    from mediakit.video.montage.timeline import save_timeline

    videos = _videos(op)
    if not videos:
        raise MediakitError("aucun rush dans l'opération")
    photo = next((s for s in _photos(op) if op.items[s]["name"] == "groupe.jpg"), None)
    timeline = demo_timeline(op, videos[0], photo)
    save_timeline(op, "principal", timeline)
    op.save()
    result = render_timeline(op, timeline, out / "montage.mp4", channel="youtube",
                             speed="veryfast")
    from mediakit.video.montage.cli import render_text

    _out(f"   {render_text(result)}")
    return {"montage": out / "montage.mp4"}


def step_selection(op: Operation, out: Path) -> dict[str, Path]:
    import numpy as np

    from mediakit.media.images import load_oriented_rgb
    from mediakit.photo.adjust import auto_enhance
    from mediakit.photo.captions import set_text
    from mediakit.photo.contact_sheet import write_contact_sheet
    from mediakit.photo.selection import compute_all_hints, suggest

    compute_all_hints(op)
    rows = suggest(op)
    for row in rows:
        _out(f"   {'✔' if row['selected'] else '✘'} {row['name']:<14} {' ; '.join(row['reasons'])}")
    group = next((s for s in _photos(op) if op.items[s]["name"] == "groupe.jpg"), None)
    if group:
        _, img = load_oriented_rgb(op.original_path(group))
        adjust = auto_enhance(np.asarray(img)) | {"straighten": 1.5, "crop": [0.05, 0.1, 0.9, 0.85]}
        op.doc.set(("items", group, "adjust"), adjust, label="réglages (démo)")
        set_text(op, group, caption="Point presse à l'issue de l'opération.",
                 credit="Service de communication",
                 alt_text="Quatre intervenants assis derrière une table de conférence de presse, "
                          "visages masqués.")
        _out(f"   groupe.jpg : réglages {adjust_text(adjust)}")
    op.save()
    sheet = write_contact_sheet(op, [r["item"] for r in rows if r["selected"]],
                                out / "planche_contact.pdf")
    return {"planche contact": sheet}


# the demo's texts, true to its pictures: the car sought in samples/vehicule.jpg is a blue
# saloon seen from behind (GZ-482-KT), a white car parked further back (its plate masked)
DEMO_TEXTS = {"appel-a-temoins": {
    "photo_description": "Photo d’une berline bleue vue de l’arrière, immatriculée GZ-482-KT ; "
                         "la plaque de la voiture blanche garée derrière elle est masquée.",
    "description": "Le 13 mai vers 22 h, rue des Lilas à Exempleville, le conducteur de "
                   "cette berline bleue a renversé un cycliste puis pris la fuite. Toute "
                   "information peut être utile à l’enquête.",
}}


def step_infographic(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.infographic.charte import load_charte
    from mediakit.infographic.render import parse_formats, render_one, write_outputs
    from mediakit.infographic.templates import load_template

    dest = out / "infographies"
    charte = load_charte("etat")
    written = 0
    for name in ("bilan-operation", "appel-a-temoins"):
        template = load_template(charte, name)
        data, base = template.sample_data()
        data = {**data, **DEMO_TEXTS.get(name, {})}
        for width, height, dpi in parse_formats("all"):
            rendered = render_one(charte, template, data, base, width, height, dpi)
            if rendered.issues:
                raise MediakitError(f"{name} {rendered.name}: {rendered.issues[0].message}")
            write_outputs(rendered, dest)
            written += 1
    _out(f"   {written} rendus conformes à la charte (PNG + PDF A4, fiches et textes alternatifs)")
    return {"infographies": dest}


def step_export(op: Operation, out: Path) -> dict[str, Path]:
    """Every channel preset for the photos and the rush (crops that follow the subjects),
    and the montage, kept as a deliverable, to YouTube, Instagram Reel and X."""
    from mediakit.channels.export import run_export, summary_text
    from mediakit.library.deliverables import MONTAGE, register
    from mediakit.video.montage.render import timeline_items
    from mediakit.video.montage.timeline import get_timeline

    dest = out / "export"
    summary = run_export(op, ["all"], dest, items=_photos(op) + _videos(op), speed="ultrafast")
    montage = out / "montage.mp4"
    if montage.exists():
        sources = timeline_items(get_timeline(op, "principal"), op)
        sha = register(op, montage, MONTAGE, "montage principal", sources)
        op.save()
        more = run_export(op, ["youtube", "instagram-reel", "x"], dest, items=[sha],
                          speed="ultrafast")
        summary.outputs += more.outputs
        summary.failed += more.failed
        summary.refused += more.refused
    for line in summary_text(summary).splitlines():
        _out("   " + plain(line))
    return {"export par canal": dest}


def step_review_bundle(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.validation.bundle import pack

    result = pack(op, out / "relecture.zip", items=_photos(op), channels=["instagram-feed"])
    _out(f"   paquet {result.pack_id} : {len(result.items)} élément(s), "
          f"empreinte du manifeste {result.manifest_sha256[:16]}…")
    return {"paquet de relecture": result.bundle}


def step_audit(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.library import audit

    path = out / "journal_audit.csv"
    audit.to_csv(op.root, path)
    problems = audit.verify(op.root)
    _out(f"   {len(audit.entries(op.root))} entrées, chaîne "
          f"{'intacte' if not problems else 'ALTÉRÉE'}")
    return {"journal d'audit": path}


STEPS: list[tuple[str, Step]] = [
    ("Listes de personnes (agent protégé reconnu sur sa photo de référence)", step_people),
    ("Anonymisation des photos (visages, plaques, métadonnées)", step_anonymize_photos),
    ("Voix modifiée d'un témoin sur une plage du rush (écoute avant/après)", step_voice),
    ("Anonymisation des rushes (pistes suivies, son conservé ou voix modifiée, métadonnées)",
     step_anonymize_videos),
    ("Montage à la charte (titre, bandeau, sous-titres, fondus, volume normalisé)", step_montage),
    ("Sélection et retouche (suggestions, réglages, légendes, planche contact)", step_selection),
    ("Infographies à la charte (tous formats)", step_infographic),
    ("Export par canal (recadrage sur les sujets, plafonds de taille)", step_export),
    ("Paquet de relecture pour le chef de service", step_review_bundle),
    ("Journal d'audit", step_audit),
]
