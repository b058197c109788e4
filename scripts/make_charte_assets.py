"""Generate the placeholder bloc-marque of every bundled charte.

Usage::

    python scripts/make_charte_assets.py

For each ``charte/<name>/charte.json`` with a ``bloc_marque.placeholder`` text, writes
``charte/<name>/<bloc_marque.placeholder_file>`` (a transparent PNG drawn with the bundled
open fonts, in the ``bloc_marque.ink`` colour) and one PNG per ``bloc_marque.versions``
entry (e.g. the reversed, all-white version for dark grounds, in that version's ``ink``).
Deterministic: a re-run gives the same pixels.

With ``--samples`` it also rebuilds the sample photos of the bundled templates from
``assets/photos`` (made up scenes, see ``assets/README.md``): ``point-presse.jpg`` has its
faces masked (mosaic, via the project's face detector) and ``vehicule.jpg`` shows the
vehicle of the « appel à témoins » sample.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from PIL import Image

from mediakit.atomic import atomic_path
from mediakit.infographic.blocmarque import draw_placeholder

ROOT = Path(__file__).resolve().parents[1] / "charte"
ASSETS = ROOT.parent / "assets" / "photos"
SAMPLES = ROOT / "etat" / "templates" / "samples"


def make_samples() -> None:
    from mediakit.privacy.faces import FaceDetector, Level
    from mediakit.privacy.masking import MaskStyle, apply_masks
    from mediakit.privacy.regions import expand_box

    with Image.open(ASSETS / "groupe.jpg") as im:
        rgb = np.array(im.convert("RGB"))
    faces = FaceDetector((Level(1.0, 2048), Level(2.0, 4096))).detect(rgb)
    apply_masks(rgb, [expand_box(f.box, 1.3) for f in faces], MaskStyle())
    for name, pic in (("point-presse.jpg", Image.fromarray(rgb)),
                      ("vehicule.jpg", Image.open(ASSETS / "plaque.jpg").convert("RGB"))):
        pic.thumbnail((1400, 1400), Image.Resampling.LANCZOS)
        with atomic_path(SAMPLES / name) as tmp:
            pic.save(tmp, "JPEG", quality=86)
            tmp.chmod(0o644)
        print((SAMPLES / name).relative_to(ROOT.parent))


def _ink(data: dict, ref: str) -> str:
    """Hex of a colour role or palette name of a (raw) charte."""
    name = data.get("roles", {}).get(ref, ref)
    return str(data.get("palette", {}).get(name, {}).get("hex", "#161616"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", action="store_true", help="rebuild the sample photos")
    args = parser.parse_args()
    if args.samples:
        make_samples()
    for path in sorted(ROOT.glob("*/charte.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        logo = data.get("bloc_marque", {})
        if "placeholder" not in logo:
            continue
        parent = ROOT / str(data.get("extends", "")) / "charte.json"
        if data.get("extends") and parent.is_file():  # inherited versions and palette
            pdata = json.loads(parent.read_text(encoding="utf-8"))
            logo = {**pdata.get("bloc_marque", {}), **logo}
            data = {**pdata, **data}
        # the standard version, then each other version (the reversed one: all white)
        drawn = [(logo["placeholder_file"], _ink(data, logo.get("ink", "text")), "#666666")]
        for version in logo.get("versions", {}).values():
            if version.get("placeholder_file"):
                colour = _ink(data, version.get("ink", "text"))
                drawn.append((version["placeholder_file"], colour, colour))
        for rel, colour, rule in drawn:
            target = path.parent / rel
            with atomic_path(target) as tmp:
                draw_placeholder(logo["placeholder"], colour=colour,
                                 rule_colour=rule).save(tmp, "PNG", optimize=True)
                tmp.chmod(0o644)
            print(target.relative_to(ROOT.parent))


if __name__ == "__main__":
    main()
