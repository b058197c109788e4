"""Plain data for detected regions, shared by detectors, masks, photo and video."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

FACE = "face"
PLATE = "plate"
LABELS = (FACE, PLATE)
# what a region of the plate detector shows when it read words that are no plate (a name
# card, a banner, a name tape): masked as a plate, named « texte » (mask key ``reads_as``)
TEXT = "text"

BoxTuple = tuple[float, float, float, float]  # x, y, w, h in image pixels


@dataclass
class Detection:
    """One region found by a detector, in the pixel frame of the image it ran on.

    ``box`` is the detector's own box (x, y, w, h); the region actually masked is
    ``mask_box``, the box enlarged by the label's margin (hair, ears, plate frame),
    filled in by :class:`mediakit.privacy.detector.Detector`. A ``suspect`` scored under
    the masking threshold: it is proposed to a person ("à vérifier"), never masked alone.
    """

    label: str
    box: BoxTuple
    score: float
    source: str
    mask_box: BoxTuple | None = None
    text: str | None = None
    extra: dict = field(default_factory=dict)
    suspect: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["box"] = [round(v, 2) for v in self.box]
        if self.mask_box is not None:
            data["mask_box"] = [round(v, 2) for v in self.mask_box]
        data["score"] = round(float(self.score), 4)
        return data


def region_label(region: dict) -> str:
    """The label a mask or track is named by: its ``label``, but ``"text"`` for a plate
    region that read as text (``reads_as``, see :func:`mediakit.privacy.plates.reads_as`)
    and for a mask drawn as text."""
    label = str(region.get("label") or "")
    return TEXT if label == PLATE and region.get("reads_as") == TEXT else label


def union_box(a: BoxTuple, b: BoxTuple) -> BoxTuple:
    """The smallest (x, y, w, h) box holding both boxes."""
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    return x0, y0, max(a[0] + a[2], b[0] + b[2]) - x0, max(a[1] + a[3], b[1] + b[3]) - y0


def clip_box(box: BoxTuple, width: int, height: int) -> BoxTuple:
    """Clip an (x, y, w, h) box to the image; may return a zero-size box."""
    x, y, w, h = box
    x0, y0 = max(0.0, x), max(0.0, y)
    x1, y1 = min(float(width), x + w), min(float(height), y + h)
    return (x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))


def expand_box(box: BoxTuple, scale_w: float, scale_h: float | None = None,
               shift_up: float = 0.0) -> BoxTuple:
    """Grow a box around its centre by ``scale_w``/``scale_h``; ``shift_up`` moves it up
    by that fraction of the original height (to cover hair above a face)."""
    x, y, w, h = box
    scale_h = scale_w if scale_h is None else scale_h
    cx, cy = x + w / 2, y + h / 2 - shift_up * h
    nw, nh = w * scale_w, h * scale_h
    return (cx - nw / 2, cy - nh / 2, nw, nh)


def iou(a: BoxTuple, b: BoxTuple) -> float:
    """Intersection over union of two (x, y, w, h) boxes."""
    ax1, ay1, bx1, by1 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    iw = max(0.0, min(ax1, bx1) - max(a[0], b[0]))
    ih = max(0.0, min(ay1, by1) - max(a[1], b[1]))
    inter = iw * ih
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0
