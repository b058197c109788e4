import subprocess

from mediakit.media.ffmpeg import ffmpeg_exe
from mediakit.media.loudness import integrated_loudness, measure_loudness

TARGET = {"integrated": -14.0, "true_peak": -1.0, "lra": 11.0}


def _clip(path, audio: bool):
    cmd = [ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=64x64:d=2"]
    if audio:
        cmd += ["-f", "lavfi", "-i", "sine=frequency=440:duration=2:sample_rate=48000",
                "-c:a", "aac", "-shortest"]
    subprocess.run([*cmd, "-c:v", "libx264", "-pix_fmt", "yuv420p", str(path)], check=True)
    return path


def test_the_check_agrees_with_the_first_pass(tmp_path):
    clip = _clip(tmp_path / "a.mp4", audio=True)
    measured = float(measure_loudness(clip, TARGET)["input_i"])
    got = integrated_loudness(clip)
    assert got is not None and abs(got - measured) < 0.2
    assert -25 < got < -10  # a full-scale sine at 1/8 amplitude, not a default value


def test_no_audio_gives_none(tmp_path):
    clip = _clip(tmp_path / "v.mp4", audio=False)
    assert integrated_loudness(clip) is None
    assert measure_loudness(clip, TARGET) is None
