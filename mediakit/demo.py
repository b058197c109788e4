"""``mediakit demo``: every capability that exists so far, run on the bundled sample media."""

from __future__ import annotations

import json
import time
from pathlib import Path

from mediakit.atomic import write_text_atomic
from mediakit.errors import display_path
from mediakit.library.project import PROJECT_FILE, Operation

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def _step(title: str) -> float:
    print(f"\n== {title}")
    return time.perf_counter()


def _done(t0: float) -> None:
    print(f"   ({time.perf_counter() - t0:.1f} s)")


def run_demo(out: Path, assets: Path = ASSETS) -> int:
    """Import the samples into ``out/operation`` and run every capability on them."""
    from mediakit.library.importer import import_files
    from mediakit.library.summary import item_lines

    if not assets.is_dir():
        print(f"mediakit demo: dossier d'exemples introuvable : {assets}")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    op_dir = out / "operation"
    t0 = _step("1. Opération et import des originaux (copiés, vérifiés, en lecture seule)")
    op = (Operation.open(op_dir) if (op_dir / PROJECT_FILE).exists()
          else Operation.create(op_dir, "Opération de démonstration"))
    sources = [p for p in (assets / "photos", assets / "rushes") if p.exists()]
    report = import_files(op, sources, on_message=lambda m: print("   " + m))
    print(f"   {len(report.imported)} importé(s), {len(report.duplicates)} déjà présent(s), "
          f"{len(report.failed)} en échec")
    _done(t0)

    t0 = _step("2. Inventaire (mediakit info)")
    for line in item_lines(op):
        print("   " + line)
    _done(t0)

    outputs = {"operation": op_dir}
    outputs.update(_anonymize_photos(op, out))
    print("\n== Sorties")
    for label, path in outputs.items():
        print(f"   {label:<22} {display_path(path)}")
    return 0 if report.ok else 1


def _anonymize_photos(op: Operation, out: Path) -> dict[str, Path]:
    from mediakit.photo.operation import anonymize_operation
    from mediakit.privacy.detector import Detector
    from mediakit.privacy.masking import MaskStyle

    t0 = _step("3. Anonymisation des photos (visages, plaques, métadonnées)")
    dest = out / "photos_anonymisees"
    results = anonymize_operation(op, dest, detector=Detector(), style=MaskStyle())
    for r in results:
        if "error" in r:
            print(f"   ÉCHEC {r['file']}: {r['error']}")
            continue
        print(f"   {r['file']}: {r['faces']} visage(s), {r['plates']} plaque(s) masqués "
              f"({r['style_note']}) ; métadonnées retirées : "
              f"{', '.join(r['metadata_removed']) or 'aucune'}")
    report = dest / "anonymisation_report.json"
    write_text_atomic(report, json.dumps(results, ensure_ascii=False, indent=1))
    _done(t0)
    return {"photos anonymisées": dest, "rapport anonymisation": report}
