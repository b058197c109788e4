"""Rendering a timeline: durations, frame-accurate cuts, transitions, titles, subtitles,
masks and loudness, checked on the pixels and samples of the output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mediakit.media.probe import video_info
from mediakit.privacy import review
from mediakit.privacy.review_gate import UnreviewedError
from mediakit.video.montage import render as render_mod
from mediakit.video.montage.preview import preview_frame
from mediakit.video.montage.render import render_timeline
from mediakit.video.montage.timeline import MontageError
from tests.video.montage.conftest import FPS, MINI, SQUARE, H, W, originals, read_frames


def _render(op, tl, out: Path, source=originals, **kw):
    return render_timeline(op, {"width": W, "height": H, "fps": FPS, **tl}, out, channel=MINI,
                           source=source, speed="ultrafast", **kw)


def _near(pixel: np.ndarray, rgb: tuple[int, int, int], tol: int = 40) -> bool:
    return bool(np.all(np.abs(pixel.astype(int) - np.array(rgb)) <= tol))


def test_duration_and_frame_accurate_cut(mt_op, tmp_path):
    tl = {"clips": [{"item": "coded.mp4", "in": 0.8, "out": 1.6},
                    {"item": "red.mp4", "in": 0.2, "out": 1.2}]}
    result = _render(mt_op, tl, tmp_path / "cut.mp4")
    assert result["frames"] == 20 + 25
    info = video_info(tmp_path / "cut.mp4")
    assert info["frames"] == 45 and abs(info["duration"] - 1.8) < 0.05
    luma = read_frames(tmp_path / "cut.mp4", pix="gray")[:, 10:40, 10:40].mean(axis=(1, 2))
    # frame k of the edit is source frame 20 + k of the coded clip (luma 4·n), ±1 frame
    for k in (0, 1, 10, 19):
        assert abs(luma[k] / 4 - (20 + k)) <= 1, (k, luma[k])
    assert abs(luma[0] / 4 - 20) < 0.5 and abs(luma[19] / 4 - 39) < 0.5  # exact in and out
    rgb = read_frames(tmp_path / "cut.mp4")
    assert not _near(rgb[19, 120, 160], (255, 0, 0)) and _near(rgb[20, 120, 160], (255, 0, 0))
    assert result["checks"]["frames"] and result["checks"]["dimensions"]


def test_crossfade_mixes_both_clips_at_midpoint(mt_op, tmp_path):
    tl = {"clips": [{"item": "red.mp4", "in": 0, "out": 2},
                    {"item": "blue.mp4", "in": 0, "out": 2,
                     "transition": {"type": "crossfade", "duration": 0.8}}]}
    result = _render(mt_op, tl, tmp_path / "xf.mp4")
    assert result["frames"] == 50 + 50 - 20
    rgb = read_frames(tmp_path / "xf.mp4")
    assert _near(rgb[29, 120, 160], (255, 0, 0), 30)  # before the overlap: red only
    mid = rgb[40, 120, 160].astype(int)  # 10 frames into a 20-frame crossfade
    assert 80 < mid[0] < 180 and 80 < mid[2] < 180, mid
    assert _near(rgb[60, 120, 160], (0, 0, 255), 30)
    # the preview of the same instant computes the same mix
    pv = preview_frame(mt_op, {"width": W, "height": H, "fps": FPS, **tl}, 40 / FPS,
                       source=originals, channel=MINI)
    assert np.abs(pv[120, 160].astype(int) - mid).max() <= 12


def test_dip_to_black_goes_through_black(mt_op, tmp_path):
    tl = {"clips": [{"item": "red.mp4", "in": 0, "out": 1},
                    {"item": "blue.mp4", "in": 0, "out": 1,
                     "transition": {"type": "dip_black", "duration": 0.8}}]}
    _render(mt_op, tl, tmp_path / "dip.mp4")
    rgb = read_frames(tmp_path / "dip.mp4")
    darkest = rgb[5:25, 120, 160].max(axis=-1)  # the 20-frame dip
    assert darkest.min() < 20 and rgb[4, 120, 160, 0] > 230 and rgb[25, 120, 160, 2] > 230
    black = int(darkest.argmin()) + 5
    assert rgb[5:black, 120, 160, 2].max() < 20 and rgb[black:25, 120, 160, 0].max() < 20


def test_title_appears_in_charte_colour_at_its_time(mt_op, tmp_path):
    tl = {"clips": [{"item": "red.mp4", "in": 0, "out": 2}],
          "titles": [{"type": "title", "text": "Opération Été", "start": 0.8, "end": 1.4}]}
    _render(mt_op, tl, tmp_path / "title.mp4")
    rgb = read_frames(tmp_path / "title.mp4").astype(int)
    bleu = np.all(np.abs(rgb - np.array([0, 0, 0x91])) <= 30, axis=-1).sum(axis=(1, 2))
    inside = range(20, 35)  # frames of [0.8 s, 1.4 s)
    assert all(bleu[k] > 2000 for k in inside), bleu[18:37]
    assert all(bleu[k] == 0 for k in range(50) if k not in inside and k not in (19, 35)), bleu


def test_subtitles_change_pixels_only_between_their_times(mt_op, tmp_path):
    base = {"clips": [{"item": "blue.mp4", "in": 0, "out": 2}]}
    _render(mt_op, base, tmp_path / "plain.mp4")
    subs = {**base, "subtitles": {"cues": [{"start": 0.6, "end": 1.2,
                                            "text": "Préfecture : « bilan »"}]}}
    result = _render(mt_op, subs, tmp_path / "subs.mp4", srt_out=tmp_path / "subs.srt")
    a = read_frames(tmp_path / "plain.mp4").astype(int)
    b = read_frames(tmp_path / "subs.mp4").astype(int)
    changed = [k for k in range(len(a)) if (np.abs(a[k] - b[k]) > 40).sum() > 200]
    assert changed == list(range(15, 30)), changed
    bottom = np.abs(a[20] - b[20]).sum(axis=-1)
    assert bottom[H // 2:].sum() > 20 * bottom[: H // 2].sum()  # burned in at the bottom
    assert "Préfecture" in Path(result["srt"]).read_text(encoding="utf-8")


def test_masked_rush_stays_masked_in_the_edit(mt_op, mt_clips, tmp_path):
    sha = mt_op.resolve("square.mp4")
    masked = {sha: mt_clips["square_masked"]}

    def source(op, s):
        return masked[s]

    tl = {"clips": [{"item": "square.mp4", "in": 0.2, "out": 1.0},
                    {"item": "square.mp4", "in": 1.0, "out": 1.8,
                     "transition": {"type": "crossfade", "duration": 0.4}}]}
    _render(mt_op, tl, tmp_path / "masked.mp4", source=source)
    rgb = read_frames(tmp_path / "masked.mp4")
    x, y, w, h = SQUARE
    region = rgb[:, y + 5:y + h - 5, x + 5:x + w - 5]
    assert region.max() < 200, "the bright square leaked into the edit"
    assert np.abs(region.astype(int) - 128).max() < 30
    # the product never falls back to the original: it reads the masked rendering, made
    # (detection, tracks stored on the item, masking) when the rush has none yet
    rendered = render_mod.clip_source(mt_op, sha)
    assert rendered != mt_op.original_path(sha) and "masked" in rendered.parts
    assert "tracks" in mt_op.items[sha]


def test_still_photo_is_masked_and_zooms(mt_op, tmp_path):
    from PIL import Image

    from mediakit.library.importer import import_files

    img = np.full((240, 320, 3), 40, np.uint8)
    img[80:160, 120:200] = (np.indices((80, 80)).sum(axis=0) // 4 % 2 * 255)[..., None]
    img[:, 60:70] = 255  # a bar outside the mask: the zoom moves it outwards
    Image.fromarray(img).save(tmp_path / "photo.png")
    import_files(mt_op, [tmp_path / "photo.png"])
    sha = mt_op.resolve("photo.png")
    tl = {"clips": [{"type": "still", "item": sha, "duration": 1.0, "zoom": 1.2}]}
    with pytest.raises(UnreviewedError, match="photo.png.*détection n'a jamais été lancée"):
        _render(mt_op, tl, tmp_path / "still.mp4")
    review.store_detections(mt_op, sha, [], "test")
    review.add_manual(mt_op, sha, "face", (120.0, 80.0, 80.0, 80.0))
    with pytest.raises(UnreviewedError, match="photo.png.*masques non revus"):
        _render(mt_op, tl, tmp_path / "still.mp4")
    review.mark_reviewed(mt_op, sha)
    _render(mt_op, tl, tmp_path / "still.mp4")
    rgb = read_frames(tmp_path / "still.mp4")
    assert len(rgb) == 25
    # mosaic cells average the checkerboard: no black or white pixel left in the region
    region = rgb[0, 88:152, 128:192].astype(int)
    assert region.min() > 40 and region.max() < 215, (region.min(), region.max())
    bar = [int(np.argmax(rgb[k, 20, :, 1] > 150)) for k in (0, 12, 24)]
    assert bar[0] > bar[1] > bar[2], bar  # slow zoom: the bar drifts outwards frame by frame


def test_loudness_is_normalised_with_music_bed(mt_op, mt_clips, tmp_path):
    tl = {"clips": [{"item": "red.mp4", "in": 0, "out": 2, "audio": {"volume": 0.3}},
                    {"item": "blue.mp4", "in": 0, "out": 2, "audio": {"mute": True},
                     "transition": {"type": "crossfade", "duration": 0.4}}],
          "music": {"file": str(mt_clips["square"]), "volume": 0.5, "duck": True}}
    result = _render(mt_op, tl, tmp_path / "loud.mp4")
    assert abs(result["loudness"] - MINI["loudness"]["integrated"]) <= 1.0, result
    assert result["checks"]["loudness"]


def test_preview_matches_render_with_title_and_lower_third(mt_op, tmp_path):
    tl = {"width": W, "height": H, "fps": FPS,
          "clips": [{"type": "card", "color": "blanc", "duration": 1.0},
                    {"item": "red.mp4", "in": 0, "out": 2,
                     "transition": {"type": "crossfade", "duration": 0.4}}],
          "titles": [{"type": "lower_third", "name": "Jean Dupont", "function": "Préfet",
                      "start": 1.2, "end": 2.2}]}
    render_timeline(mt_op, tl, tmp_path / "lt.mp4", channel=MINI, source=originals,
                    speed="ultrafast", verify=False)
    frames = read_frames(tmp_path / "lt.mp4").astype(int)
    for t in (0.3, 0.8, 1.5, 2.4):
        pv = preview_frame(mt_op, tl, t, tmp_path / "pv.png", source=originals, channel=MINI)
        k = int(round(t * FPS))
        assert np.abs(pv.astype(int) - frames[k]).mean() < 3, t
    assert (tmp_path / "pv.png").is_file()
    bleu = np.all(np.abs(frames[35] - np.array([0, 0, 0x91])) <= 30, axis=-1)
    assert bleu[H // 2:, : W // 2].sum() > 500  # the band sits bottom-left


def test_out_point_beyond_rush_is_refused(mt_op, tmp_path):
    tl = {"clips": [{"item": "red.mp4", "in": 0, "out": 9}]}
    with pytest.raises(MontageError, match=r"clip 1 \(video red.mp4\).*au-delà"):
        _render(mt_op, tl, tmp_path / "x.mp4")
    assert not (tmp_path / "x.mp4").exists()
