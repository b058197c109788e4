"""Voice disguise (« voix modifiée ») measured on espeak-ng speech, two voices.

Measures, in numpy only: median F0 by YIN, mean MFCC (c1–c12, 40 mel bands, 32 ms frames)
over the speech frames, and the time-aligned MFCC distance frame by frame.

Threshold on the mean-MFCC distance, ``ENVELOPE_T`` = 4.0: above the distance between the
same espeak voice reading two different sentences (2.7 and 3.5 measured, checked again by
:func:`test_threshold_between_same_and_other_voice`), below that between two different
voices (≥ 9). A disguised reading of the *same* sentence that is farther than this from the
original no longer matches it better than the speaker's own other sentences do.
Frame-aligned: ``FRAME_T`` = 6.0, half as much again as what a pitch shift and its exact
inverse leave (4.1–4.4: rubberband is not lossless), against 20 between two voices; the
disguise, its first stage undone exactly, stays at 8.2–10.8 for these samples.
"""

from __future__ import annotations

import json
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from scipy.fft import dct

from mediakit.errors import ProjectError
from mediakit.library import audit
from mediakit.library.importer import import_files
from mediakit.library.project import Operation
from mediakit.media.loudness import integrated_loudness
from mediakit.privacy.masking import MaskStyle
from mediakit.video import voice as vc
from tests.conftest import ffmpeg, require

SR = 16000
FPS = 25
ENVELOPE_T = 4.0
FRAME_T = 6.0
SENTENCE = ("Je suis arrivé vers vingt deux heures devant le bâtiment, et j'ai vu deux "
            "hommes sortir par la porte de derrière avec des sacs noirs.")
OTHER = ("Le témoin affirme que la scène a duré moins de cinq minutes, puis que le "
         "quartier est redevenu calme jusqu'au matin.")
VOICES = {"homme": "fr", "femme": "fr+f3"}


# -- measures ------------------------------------------------------------------------------
def load(path: Path, sr: int = SR) -> np.ndarray:
    out = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-map", "0:a:0", "-ac", "1",
                          "-ar", str(sr), "-f", "f32le", "-"], capture_output=True,
                         check=True).stdout
    return np.frombuffer(out, np.float32).astype(np.float64)


def yin_f0(x: np.ndarray, sr: int = SR, fmin: float = 60, fmax: float = 500,
           frame: int = 1024, hop: int = 160, threshold: float = 0.15) -> np.ndarray:
    """F0 per frame (Hz; NaN unvoiced or silent) by YIN (de Cheveigné & Kawahara 2002)."""
    tmax, tmin = int(sr / fmin), int(sr / fmax)
    size = 1 << int(np.ceil(np.log2(2 * (frame + tmax))))
    lags = np.arange(tmax + 1)
    f0 = []
    for s in range(0, len(x) - frame - tmax, hop):
        seg = x[s:s + frame + tmax]
        if np.sqrt(np.mean(seg[:frame] ** 2)) < 0.01:
            f0.append(np.nan)
            continue
        energy = np.concatenate([[0.0], np.cumsum(seg ** 2)])
        corr = np.fft.irfft(np.fft.rfft(seg, size) * np.conj(np.fft.rfft(seg[:frame], size)),
                            size)[:tmax + 1]
        diff = energy[frame] + energy[lags + frame] - energy[lags] - 2 * corr
        cmnd = np.ones_like(diff)
        cmnd[1:] = diff[1:] * lags[1:] / np.maximum(np.cumsum(diff[1:]), 1e-12)
        below = np.nonzero(cmnd[tmin:] < threshold)[0]
        if not len(below):
            f0.append(np.nan)
            continue
        t = below[0] + tmin
        while t + 1 <= tmax and cmnd[t + 1] < cmnd[t]:
            t += 1
        if 1 <= t < tmax:  # parabolic interpolation
            a, b, c = cmnd[t - 1], cmnd[t], cmnd[t + 1]
            t = t + (0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c else 0)
        f0.append(sr / t)
    return np.array(f0)


def semitones(a: np.ndarray, b: np.ndarray) -> float:
    return float(12 * np.log2(np.nanmedian(yin_f0(b)) / np.nanmedian(yin_f0(a))))


def _mel_bank(n_mels: int, nfft: int, sr: int) -> np.ndarray:
    mel = 2595 * np.log10(1 + np.array([50.0, sr / 2]) / 700)
    points = 700 * (10 ** (np.linspace(mel[0], mel[1], n_mels + 2) / 2595) - 1)
    bins = np.fft.rfftfreq(nfft, 1 / sr)
    bank = np.zeros((n_mels, len(bins)))
    for i in range(n_mels):
        lo, mid, hi = points[i:i + 3]
        bank[i] = np.clip(np.minimum((bins - lo) / (mid - lo), (hi - bins) / (hi - mid)), 0,
                          None)
    return bank


def mfcc(x: np.ndarray, sr: int = SR, nfft: int = 512, hop: int = 160
         ) -> tuple[np.ndarray, np.ndarray]:
    """MFCC c1–c12 per frame, and which frames carry speech (above 10 % of the loudest)."""
    frames = np.lib.stride_tricks.sliding_window_view(x, nfft)[::hop] * np.hanning(nfft)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    level = frames.std(axis=1)
    logmel = np.log(power @ _mel_bank(40, nfft, sr).T + 1e-10)
    return dct(logmel, type=2, axis=1, norm="ortho")[:, 1:13], level > 0.1 * level.max()


def envelope_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Distance between the mean MFCCs of the speech frames (long-term spectral envelope)."""
    ca, ka = mfcc(a)
    cb, kb = mfcc(b)
    return float(np.linalg.norm(ca[ka].mean(0) - cb[kb].mean(0)))


def frame_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Mean MFCC distance frame by frame (the disguise keeps the timing)."""
    ca, ka = mfcc(a)
    cb, kb = mfcc(b)
    n = min(len(ca), len(cb))
    keep = ka[:n] & kb[:n]
    return float(np.mean(np.linalg.norm(ca[:n][keep] - cb[:n][keep], axis=1)))


def run_af(src: Path, out: Path, chain: str) -> Path:
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-i", str(src), "-af", chain, "-ar", "48000",
                    str(out)], check=True)
    return out


def disguise(src: Path, out: Path, preset: str, seed: int = 7,
             ranges: list[tuple[float, float | None]] | None = None) -> Path:
    plan = vc.plan(src, ranges or [(0.0, None)], vc.VoiceSettings(preset, seed))
    assert plan is not None
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-i", str(src), "-filter_complex",
                    plan.graph("[0:a:0]", "[aout]"), "-map", "[aout]", str(out)], check=True)
    return out


def static_shift(pitch: float, formant: float) -> str:
    """Pitch and formant steps (semitones) without the time-varying part: the exact
    inverse of the disguise's first stage when given its negated steps."""
    k = 2 ** (formant / 12)
    return (f"aresample=48000,asetrate={round(48000 * k)},aresample=48000,"
            f"rubberband=tempo={1 / k:.6f}:pitch={2 ** ((pitch - formant) / 12):.6f}"
            f":formant=preserved:pitchq=quality")


# -- samples -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sentence read by two espeak-ng voices, and the other sentence by the first."""
    espeak = require("espeak-ng")
    d = tmp_path_factory.mktemp("speech")
    out = {}
    for name, voice in VOICES.items():
        out[name] = d / f"{name}.wav"
        subprocess.run([espeak, "-v", voice, "-s", "150", "-w", str(out[name]), SENTENCE],
                       check=True)
    out["homme_autre"] = d / "homme_autre.wav"
    subprocess.run([espeak, "-v", "fr", "-s", "150", "-w", str(out["homme_autre"]), OTHER],
                   check=True)
    return out


def test_threshold_between_same_and_other_voice(speech: dict[str, Path]) -> None:
    man, woman, other = (load(speech[k]) for k in ("homme", "femme", "homme_autre"))
    assert envelope_distance(man, other) < ENVELOPE_T  # same voice, another sentence
    assert envelope_distance(man, woman) > 2 * ENVELOPE_T  # another voice
    assert abs(semitones(man, woman)) > 10  # the two voices are far apart in pitch too


@pytest.mark.parametrize("voice_name", list(VOICES))
@pytest.mark.parametrize("preset", ["grave", "aigu"])
def test_disguise_moves_pitch_and_envelope_and_resists_the_inverse_shift(
        speech: dict[str, Path], tmp_path: Path, voice_name: str, preset: str) -> None:
    src = speech[voice_name]
    original = load(src)
    out = disguise(src, tmp_path / "d.wav", preset)
    treated = load(out)
    shift = semitones(original, treated)
    assert abs(shift) >= 4 and np.sign(shift) == np.sign(vc.PRESETS[preset][0])
    assert envelope_distance(original, treated) > ENVELOPE_T
    pitch, formant = vc.PRESETS[preset]
    undo = 2 ** (-pitch / 12)
    for name, chain in (("inverse (formants suivent)", f"rubberband=pitch={undo:.6f}"),
                        ("inverse (formants gardés)",
                         f"rubberband=pitch={undo:.6f}:formant=preserved")):
        back = load(run_af(out, tmp_path / "back.wav", chain))
        assert abs(semitones(original, back)) < 1.5, name  # the pitch is back...
        assert envelope_distance(original, back) > ENVELOPE_T, name  # ...not the voice
    # an attacker knowing the preset undoes the first stage exactly: the time-varying
    # second stage stays (a pitch shift and its inverse alone leave about 4)
    exact = load(run_af(out, tmp_path / "exact.wav", static_shift(-pitch, -formant)))
    assert frame_distance(original, exact) > FRAME_T


def test_a_plain_pitch_shift_is_undone_by_its_inverse(speech: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """The control: what the two stages are for. A rubberband pitch shift alone moves the
    voice as far, and its inverse brings it back within the thresholds."""
    src = speech["homme"]
    original = load(src)
    shifted = run_af(src, tmp_path / "s.wav", "rubberband=pitch=0.7071")
    assert envelope_distance(original, load(shifted)) > ENVELOPE_T
    back = load(run_af(shifted, tmp_path / "b.wav", "rubberband=pitch=1.4142"))
    assert envelope_distance(original, back) < ENVELOPE_T
    assert frame_distance(original, back) < FRAME_T


def test_ranges_parse_merge_and_subtract() -> None:
    assert vc.parse_range("12,5-20") == (12.5, 20.0)
    assert vc.parse_range("31-") == (31.0, None) and vc.parse_range("tout") == (0.0, None)
    for bad in ("abc", "5-4", "-3"):
        with pytest.raises(ValueError):
            vc.parse_range(bad)
    assert vc.normalise_ranges([(5, 6), (1, 2), (2.01, 3)]) == [(1.0, 3.0), (5.0, 6.0)]
    assert vc.normalise_ranges([(1, 9.99)], duration=10.0) == [(1.0, None)]
    assert vc.subtract_range([(0.0, None)], 2.0, 3.0) == [(0.0, 2.0), (3.0, None)]
    assert vc.subtract_range([(1.0, 2.0)], 0.0, None) == []
    assert vc.describe_ranges([(0.0, None)]) == "tout le rush"
    assert vc.describe_ranges([[1.25, 2.0], [5.0, None]]) == "1,2–2,0 s ; 5,0 s–fin"


# -- a rush: sync, untouched sound outside the ranges, loudness ---------------------------
BEEPS = (1.0, 3.0, 5.0)  # s: a 1 kHz beep in the sound and a white picture, together


@pytest.fixture(scope="module")
def rush(speech: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """6 s, 25 fps: the man's speech, with a beep at each of BEEPS where the picture turns
    white for one frame (a clapperboard)."""
    d = tmp_path_factory.mktemp("rush")
    rate = 48000
    voice = load(speech["homme"], rate)[: 6 * rate]
    sound = np.zeros(6 * rate)
    sound[:len(voice)] = voice
    t = np.arange(int(0.1 * rate)) / rate
    for at in BEEPS:
        i = int(at * rate)
        sound[i:i + len(t)] = 0.5 * np.sin(2 * np.pi * 1000 * t)
    wav = d / "sound.wav"
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(sound, -1, 1) * 32767).astype("<i2").tobytes())
    flash = "+".join(f"eq(n,{int(at * FPS)})" for at in BEEPS)
    out = d / "rush.mp4"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"color=c=0x202020:s=160x120:r={FPS}:d=6", "-i", str(wav), "-vf",
                    f"drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='{flash}'",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-b:a", "192k", "-shortest", str(out)], check=True)
    return out


def _flashes(path: Path) -> list[float]:
    raw = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-f", "rawvideo",
                          "-pix_fmt", "gray", "-"], capture_output=True, check=True).stdout
    frames = np.frombuffer(raw, np.uint8).reshape(-1, 120 * 160).mean(axis=1)
    return [i / FPS for i in np.nonzero(frames > 128)[0]], len(frames)  # type: ignore[return-value]


def _onset(sound: np.ndarray, near: float, rate: int) -> float:
    seg = np.abs(sound[int((near - 0.15) * rate):int((near + 0.15) * rate)])
    smooth = np.convolve(seg, np.ones(rate // 500) / (rate // 500), "same")
    # the beep stands far above the speech: its rise past half its height
    return near - 0.15 + int(np.argmax(smooth > 0.5 * smooth.max())) / rate


def _anonymise(src: Path, out: Path, ranges: list[tuple[float, float | None]]) -> dict:
    from mediakit.video.anonymize import anonymize_video

    plan = vc.plan(src, ranges, vc.VoiceSettings("grave", 11))
    return anonymize_video(src, out, detector=None, style=MaskStyle(), tracks=[], voice=plan)


def test_rush_stays_in_sync_and_keeps_its_sound_outside_the_ranges(rush: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "out.mp4"
    report = _anonymise(rush, out, [(0.5, 2.5), (4.0, None)])
    assert report["audio"] == "disguised" and report["voice"] == [[0.5, 2.5], [4.0, None]]
    rate = 48000
    before, after = load(rush, rate), load(out, rate)
    flashes, frames = _flashes(out)
    assert frames == 6 * FPS
    assert abs(len(after) / rate - frames / FPS) <= 1 / FPS  # same length as the picture
    assert [round(f * FPS) for f in flashes] == [round(b * FPS) for b in BEEPS]
    for at in BEEPS:  # disguised (1 s, 5 s) or not (3 s): the beep lands on its frame
        assert abs(_onset(after, at, rate) - at) <= 1 / FPS, at
    # outside the ranges the sound is the original; inside, it is not
    def corr(lo: float, hi: float) -> float:
        a, b = before[int(lo * rate):int(hi * rate)], after[int(lo * rate):int(hi * rate)]
        return float(np.corrcoef(a, b)[0, 1])

    assert corr(2.7, 2.95) > 0.95 and corr(3.15, 3.8) > 0.95
    assert abs(corr(1.2, 2.3)) < 0.5 and abs(corr(4.2, 4.9)) < 0.5


def test_loudness_kept_then_on_the_channel_target(rush: Path, tmp_path: Path) -> None:
    from mediakit.channels.video_export import export_video

    out = tmp_path / "whole.mp4"
    _anonymise(rush, out, [(0.0, None)])
    original, disguised = integrated_loudness(rush), integrated_loudness(out)
    assert original is not None and disguised is not None
    assert abs(disguised - original) <= 1.0  # matched over the disguised range
    target = {"integrated": -16.0, "true_peak": -1.5, "lra": 11.0}
    result = export_video(out, {"width": 160, "height": 120, "bitrate": "300k",
                                "loudness": target, "audio": {"rate": 48000}},
                          tmp_path / "channel.mp4")
    assert result["checks"]["loudness"] and abs(result["loudness"] - target["integrated"]) <= 1


# -- project: undoable edit, audit, every output, chief's page ----------------------------
@pytest.fixture()
def op(rush: Path, tmp_path: Path) -> tuple[Operation, str]:
    operation = Operation.create(tmp_path / "op", "Témoins")
    import_files(operation, [rush])
    sha = next(iter(operation.items))
    operation.doc.set(("items", sha, "tracks"), [])
    operation.doc.set(("items", sha, "detection"), {"detector": "test"})
    operation.save()
    return operation, sha


def _audit(op: Operation, action: str) -> list[dict]:
    return [e for e in audit.entries(op.root) if e["action"] == action]


def test_stored_as_an_undoable_edit_with_its_audit_entry(op: tuple[Operation, str]) -> None:
    operation, sha = op
    vc.add_range(operation, sha, 1.0, 2.0, preset="aigu", seed=5)
    voice = operation.items[sha]["voice"]
    assert voice == {"preset": "aigu", "seed": 5, "ranges": [[1.0, 2.0]]}
    vc.add_range(operation, sha, 4.0, None)
    assert operation.items[sha]["voice"]["ranges"] == [[1.0, 2.0], [4.0, None]]
    assert operation.items[sha]["voice"]["seed"] == 5  # kept: renderings stay the same
    vc.remove_range(operation, sha, 4.5, 5.0)
    assert operation.items[sha]["voice"]["ranges"] == [[1.0, 2.0], [4.0, 4.5], [5.0, None]]
    entries = _audit(operation, "audio_voice")
    assert len(entries) == 3
    assert entries[0]["item"] == sha and entries[0]["details"]["old"] is None
    assert entries[0]["details"]["new"] == {"preset": "aigu", "ranges": [[1.0, 2.0]]}
    assert entries[-1]["details"]["old"]["ranges"] == [[1.0, 2.0], [4.0, None]]
    assert "seed" not in json.dumps(entries)
    operation.doc.undo()
    assert operation.items[sha]["voice"]["ranges"] == [[1.0, 2.0], [4.0, None]]
    vc.clear(operation, sha)
    assert "voice" not in operation.items[sha]
    operation.doc.undo()
    assert operation.items[sha]["voice"]["ranges"] == [[1.0, 2.0], [4.0, None]]
    operation.save()
    assert Operation.open(operation.root).items[sha]["voice"]["preset"] == "aigu"
    with pytest.raises(ProjectError, match="au-delà de la fin"):
        vc.set_voice(operation, sha, [(7.0, 8.0)])  # the rush lasts 6 s
    with pytest.raises(ProjectError):
        vc.add_range(operation, sha, 2.0, 1.0)


def test_every_output_of_the_rush_is_disguised(op: tuple[Operation, str],
                                               tmp_path: Path) -> None:
    from mediakit.validation import html_page
    from mediakit.validation.summary import anonymisation
    from mediakit.validation.versions import content_hash
    from mediakit.video.operation import anonymize_items, masked_rendering

    operation, sha = op
    plain = masked_rendering(operation, sha)
    hash_before = content_hash(operation.items[sha])
    assert anonymisation(operation.items[sha])["voice"] == []
    vc.add_range(operation, sha, 0.5, 2.5, seed=3)
    operation.save()
    disguised = masked_rendering(operation, sha)  # channel export and review bundle read it
    assert disguised != plain and disguised.exists()
    from mediakit.video.montage.render import clip_source

    assert clip_source(operation, sha) == disguised  # and so does every montage
    rate = 48000
    a, b = load(plain, rate), load(disguised, rate)
    seg = slice(int(1.2 * rate), int(2.3 * rate))
    assert abs(np.corrcoef(a[seg], b[seg])[0, 1]) < 0.5
    assert content_hash(operation.items[sha]) != hash_before  # the chief sees a new version
    results = anonymize_items(operation, tmp_path / "out", detector=None, style=MaskStyle())
    assert results[0]["audio"] == "disguised" and results[0]["voice"] == [[0.5, 2.5]]
    assert operation.items[sha]["exports"][-1]["voice"] == [[0.5, 2.5]]
    summary = anonymisation(operation.items[sha])
    assert summary["voice"] == ["0,5–2,5 s (plus grave)"]
    entry = {"item": sha, "index": 1, "name": "rush.mp4", "kind": "video", "version": 1,
             "anonymisation": summary,
             "metadata": {"original": [], "outputs": {}, "leaks": {}, "clean": True},
             "outputs": []}
    page = html_page._item_html(entry, tmp_path)
    assert "Voix modifiée</dt><dd>0,5–2,5 s (plus grave)" in page
    assert "Voix modifiée" not in html_page._item_html(
        {**entry, "kind": "photo", "anonymisation": {**summary, "voice": []}}, tmp_path)


def test_preview_before_and_after(op: tuple[Operation, str]) -> None:
    operation, sha = op
    settings = vc.VoiceSettings("grave", 9)
    after = vc.preview_path(operation, sha, 1.0, 2.0, True, settings)
    before = vc.preview_path(operation, sha, 1.0, 2.0, False, settings)
    assert after.parent == before.parent == operation.root / "cache" / "voice"
    a, b = load(before, 48000), load(after, 48000)
    assert abs(len(a) - 2.0 * 48000) < 480 and abs(len(b) - len(a)) < 480  # range ± 0.5 s
    inner = slice(int(0.6 * 48000), int(1.4 * 48000))
    assert abs(np.corrcoef(a[inner], b[inner])[0, 1]) < 0.5  # the range is disguised
    edge = slice(int(0.05 * 48000), int(0.4 * 48000))
    assert np.corrcoef(a[edge], b[edge])[0, 1] > 0.95  # its context is not
    assert vc.preview_path(operation, sha, 1.0, 2.0, True, settings) == after  # cached


def test_cli_voice_and_anonymize_voice(op: tuple[Operation, str], rush: Path,
                                       tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from mediakit.cli import main

    operation, sha = op
    assert main(["voice", "add", str(operation.root), sha[:10], "1-2,5", "--preset", "aigu"]) == 0
    assert main(["voice", "list", str(operation.root), sha[:10]]) == 0
    assert "1,0–2,5\u00a0s" in capsys.readouterr().out  # French typography: no-break space
    reopened = Operation.open(operation.root)
    assert reopened.items[sha]["voice"]["ranges"] == [[1.0, 2.5]]
    wav = tmp_path / "after.wav"
    assert main(["voice", "preview", str(operation.root), sha[:10], "1-2", "-o", str(wav)]) == 0
    assert wav.stat().st_size > 1000
    assert main(["voice", "clear", str(operation.root), sha[:10]]) == 0
    assert "voice" not in Operation.open(operation.root).items[sha]
    capsys.readouterr()
    assert main(["anonymize", str(operation.root), "-o", str(tmp_path / "x"),
                 "--voice", "1-2"]) != 0
    assert "mediakit voice add" in capsys.readouterr().err
    out = tmp_path / "loose"
    assert main(["anonymize", str(rush), "-o", str(out), "--voice", "tout"]) == 0
    report = json.loads((out / "anonymisation_report.json").read_text(encoding="utf-8"))
    assert report[0]["audio"] == "disguised" and report[0]["voice"] == [[0.0, None]]
