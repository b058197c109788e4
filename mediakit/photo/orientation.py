"""Map boxes between the displayed picture (EXIF orientation applied) and the stored pixels."""

from __future__ import annotations

from mediakit.privacy.regions import BoxTuple


def displayed_to_stored(box: BoxTuple, orientation: int, stored_w: int,
                        stored_h: int) -> BoxTuple:
    """Box in the displayed frame → the same region in the stored (file) pixel frame."""
    x, y, w, h = box
    corners = [_point(px, py, orientation, stored_w, stored_h)
               for px, py in ((x, y), (x + w, y + h))]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _point(xd: float, yd: float, o: int, sw: int, sh: int) -> tuple[float, float]:
    table = {
        1: (xd, yd),
        2: (sw - xd, yd),
        3: (sw - xd, sh - yd),
        4: (xd, sh - yd),
        5: (yd, xd),
        6: (yd, sh - xd),
        7: (sw - yd, sh - xd),
        8: (sw - yd, xd),
    }
    return table.get(o, (xd, yd))
