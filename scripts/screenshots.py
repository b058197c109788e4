"""Screenshots of every screen, taken in a real window under Xvfb, for the README.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [docs/img]

(``scripts/screenshots.sh`` does exactly this.) The screen is a 1366×768 laptop's; the
window opens at its default size, as an officer sees it. The operation is built from
``assets/`` with the real detector, so the pictures show what an officer sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from mediakit.library.importer import import_files
    from mediakit.library.project import Operation
    from mediakit.photo.operation import detect_item
    from mediakit.privacy.detector import Detector
    from mediakit.ui.app import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from mediakit.ui.i18n import install

    install(os.environ.get("MEDIAKIT_LANG", "fr"))  # Qt's own texts too, as run() does
    with tempfile.TemporaryDirectory() as tmp:
        op = Operation.create(Path(tmp) / "op", "Opération de démonstration")
        import_files(op, [ROOT / "assets"])
        detector = Detector()
        photos = [s for s, it in op.items.items() if it["kind"] == "photo"]
        for sha in photos:
            detect_item(op, sha, detector)
        from mediakit.video.montage.demo import demo_timeline
        from mediakit.video.montage.timeline import save_timeline
        from mediakit.video.operation import detect_item as detect_rush

        rushes = [s for s, it in op.items.items() if it["kind"] == "video"]
        for sha in rushes:
            detect_rush(op, sha, Detector(profile="video"))
        group = next(s for s in photos if op.items[s]["name"] == "groupe.jpg")
        if rushes:
            save_timeline(op, "principal", demo_timeline(op, rushes[0], group))
        from mediakit.privacy.people import enroll

        enroll(op, "Porte-parole (consentement écrit)", "keep_visible",
               [ROOT / "assets" / "photos" / "gps.jpg"])
        op.save()
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.set_operation(op)
        window.show()  # default size: fits the 1366×768 screen

        def settle(ms: int = 600) -> None:
            for _ in range(ms // 20):
                app.processEvents()
                time.sleep(0.02)

        settle(1200)
        print(f"fenêtre {window.width()}×{window.height()}")
        shots = {"ui-chutier.png": window.tabs.widget(0)}
        for name, tab in shots.items():
            window.tabs.setCurrentWidget(tab)
            settle()
            window.grab().save(str(out / name))
        window.open_review(group)
        settle(1500)
        window.grab().save(str(out / "ui-anonymisation.png"))
        if rushes:
            window.open_review(rushes[0])
            window.rush_review.slider.setValue(60)
            settle(2500)
            window.grab().save(str(out / "ui-rushes.png"))
            window.tabs.setCurrentWidget(window.montage)
            window.montage.time.setValue(60)
            settle(4000)
            window.grab().save(str(out / "ui-montage.png"))
        window.tabs.setCurrentWidget(window.queue)
        window.queue.show_all.setChecked(True)  # the grid with every mask, not only suspects
        settle(3000)
        window.grab().save(str(out / "ui-propositions.png"))
        window.tabs.setCurrentWidget(window.people)
        settle()
        window.grab().save(str(out / "ui-personnes.png"))
        window.tabs.setCurrentWidget(window.infographic)
        boxes = window.infographic.template_box  # the key figures: their table shows
        index = next((i for i in range(boxes.count()) if "chiffres" in str(boxes.itemData(i))), 0)
        boxes.setCurrentIndex(index)
        settle()
        window.infographic.update_preview()
        settle(2500)
        window.grab().save(str(out / "ui-infographies.png"))
        window.tabs.setCurrentWidget(window.export)
        window.export.channels["instagram-feed"].setChecked(True)
        window.export.channels["x"].setChecked(True)
        settle()
        window.grab().save(str(out / "ui-export.png"))
        window.tabs.setCurrentWidget(window.validation)
        settle()
        window.grab().save(str(out / "ui-validation.png"))
        dialog = window.show_shortcuts()
        settle()
        dialog.grab().save(str(out / "ui-raccourcis.png"))
        dialog.close()
        window.close()
    print(f"captures écrites dans {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
