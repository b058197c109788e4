"""Technical facts about a photo or a video: size, dates, codecs, rotation, GPS presence."""

from __future__ import annotations

import logging
import re
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image

from mediakit.errors import MediaError
from mediakit.media.ffmpeg import ffmpeg_exe, last_error_line

EXIF_IFD = 0x8769
GPS_IFD = 0x8825
TAG_MAKE, TAG_MODEL, TAG_ORIENTATION, TAG_DATETIME = 0x010F, 0x0110, 0x0112, 0x0132
TAG_DATETIME_ORIGINAL = 0x9003
ORIENTATION_SWAPS_AXES = {5, 6, 7, 8}
LOG = logging.getLogger("mediakit")  # technical detail of errors (``mediakit -v``)

LOCATION_KEYS = ("location", "location-eng", "com.apple.quicktime.location.iso6709",
                 "com.android.gps", "gps", "xyz")
MAKE_KEYS = ("make", "com.apple.quicktime.make", "com.android.manufacturer")
MODEL_KEYS = ("model", "com.apple.quicktime.model", "com.android.model")


def photo_info(img: Image.Image) -> dict[str, Any]:
    """Facts read from a decoded image: dimensions as displayed, EXIF date, camera, GPS."""
    exif = img.getexif()
    orientation = int(exif.get(TAG_ORIENTATION, 1) or 1)
    width, height = img.size
    if orientation in ORIENTATION_SWAPS_AXES:
        width, height = height, width
    sub = exif.get_ifd(EXIF_IFD)
    gps = exif.get_ifd(GPS_IFD)
    return {
        "width": width,
        "height": height,
        "stored_width": img.size[0],
        "stored_height": img.size[1],
        "orientation": orientation,
        "format": img.format,
        "mode": img.mode,
        "capture_date": _exif_date(sub.get(TAG_DATETIME_ORIGINAL) or exif.get(TAG_DATETIME)),
        "camera_make": _clean(exif.get(TAG_MAKE)),
        "camera_model": _clean(exif.get(TAG_MODEL)),
        "gps": bool(gps and any(k in gps for k in (1, 2, 3, 4, 6))),
        "exif_thumbnail": _has_exif_thumbnail(img),
    }


def video_info(path: str | Path) -> dict[str, Any]:
    """Facts about a video from ffmpeg's own parser (through moviepy); MediaError if unreadable."""
    from moviepy.video.io.ffmpeg_reader import ffmpeg_parse_infos

    path = Path(path)
    try:
        infos = ffmpeg_parse_infos(str(path), check_duration=True)
    except (OSError, KeyError, IndexError, ValueError, AttributeError) as exc:
        LOG.debug("%s: %s", path, str(exc).strip())
        raise MediaError(path, f"vidéo illisible : {_reason(str(exc))}") from exc
    if not infos.get("video_found"):
        raise MediaError(path, "aucune piste vidéo lisible")
    streams = [s for inp in infos.get("inputs", []) for s in inp.get("streams", [])]
    vstream = next((s for s in streams if s.get("stream_type") == "video"), {})
    meta = {k.lower(): v for k, v in (infos.get("metadata") or {}).items()}
    meta.update({k.lower(): v for k, v in (vstream.get("metadata") or {}).items()
                 if k.lower() not in meta})
    width, height = infos.get("video_size") or (0, 0)
    header = _ffmpeg_header(path)
    rotation = _display_rotation(header)
    if rotation is None:
        rotation = int(infos.get("video_rotation") or 0) % 360
    disp_w, disp_h = (height, width) if rotation in (90, 270) else (width, height)
    return {
        "width": disp_w,
        "height": disp_h,
        "stored_width": width,
        "stored_height": height,
        "rotation": rotation,
        "duration": round(float(infos.get("duration") or 0.0), 3),
        "fps": round(float(infos.get("video_fps") or 0.0), 3),
        "frames": int(infos.get("video_n_frames") or 0),
        "video_codec": _codec(header, "Video") or infos.get("video_codec_name"),
        "audio": bool(infos.get("audio_found")),
        "audio_codec": _codec(header, "Audio") if infos.get("audio_found") else None,
        "audio_rate": _audio_rate(header) if infos.get("audio_found") else None,
        "capture_date": _iso_date(meta.get("creation_time")),
        "camera_make": _first(meta, MAKE_KEYS),
        "camera_model": _first(meta, MODEL_KEYS),
        "gps": any(meta.get(k) for k in LOCATION_KEYS),
    }


def _ffmpeg_header(path: Path) -> str:
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path)],
                          capture_output=True, timeout=60, check=False)
    return proc.stderr.decode("utf-8", "replace")


def _codec(header: str, kind: str) -> str | None:
    match = re.search(rf"Stream #0:\d+.*?: {kind}: (\w+)", header)
    return match.group(1) if match else None


def _audio_rate(header: str) -> int | None:
    match = re.search(r"Stream #0:\d+.*?: Audio: .*?(\d+) Hz", header)
    return int(match.group(1)) if match else None


def _display_rotation(header: str) -> int | None:
    """Clockwise rotation a player applies, from the display matrix (None if absent).

    ffmpeg prints the matrix angle counter-clockwise; the classic ``rotate`` tag (and this
    value) is clockwise, e.g. 90 for a phone held upright.
    """
    match = re.search(r"rotation of (-?\d+(?:\.\d+)?) degrees", header)
    if not match:
        return None
    return int(round(-float(match.group(1)))) % 360


def check_video_decodes(path: str | Path, duration: float) -> None:
    """Decode the first frame and a frame near the end; MediaError if the file is truncated."""
    path = Path(path)
    points = [0.0] + ([max(0.0, duration - 0.5)] if duration > 1.0 else [])
    for t in points:
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", "-ss", f"{t:.3f}",
               "-i", str(path), "-map", "0:v:0", "-frames:v", "1", "-f", "null", "-"]
        proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        err = proc.stderr.decode("utf-8", "replace").strip()
        if proc.returncode != 0 or _decode_error(err):
            _truncated(path, proc.stderr, "début" if t == 0 else "fin")
    # the end of the stream must really be there: the last packets must be readable
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", "-sseof", "-1", "-i",
           str(path), "-map", "0:v:0", "-f", "null", "-"]
    proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    if proc.returncode != 0 or _decode_error(proc.stderr.decode("utf-8", "replace")):
        _truncated(path, proc.stderr, "fin")


def _truncated(path: Path, stderr: bytes | None, where: str) -> None:
    """Raise the MediaError of a video that does not decode, in words; ffmpeg's own lines
    go to the log (shown by ``mediakit -v``) and ride along as the exception's cause."""
    text = (stderr or b"").decode("utf-8", "replace").strip()
    LOG.debug("%s: %s", path, text)
    low = text.lower()
    if "moov atom not found" in low:
        why = "l'index de la vidéo manque, copie interrompue ?"
    elif any(k in low for k in ("partial file", "truncat", "end of file")):
        why = "la fin de la vidéo manque"
    else:
        why = ("des images ne se décodent pas au début de la vidéo" if where == "début"
               else "des images ne se décodent pas à la fin de la vidéo")
    raise MediaError(path, f"vidéo tronquée ou corrompue ({why})") \
        from RuntimeError(last_error_line(stderr))


def _reason(ffmpeg_text: str, where: str = "") -> str:
    """What an ffmpeg or moviepy message means, in French (never the message itself)."""
    low = ffmpeg_text.lower()
    if "misdetection possible" in low or "low score" in low:
        return "contenu invalide : ce n'est pas une vidéo lisible"
    if "moov atom not found" in low:
        return "fichier incomplet : l'index de la vidéo manque (copie interrompue ?)"
    if "no such file" in low:
        return "fichier introuvable"
    if "permission denied" in low:
        return "lecture interdite (permissions)"
    if "invalid data" in low or "could not find codec" in low or "error passing" in low:
        return "contenu invalide : ce n'est pas une vidéo lisible"
    if any(k in low for k in ("partial file", "truncat", "stream 0, offset", "end of file")):
        return "fichier incomplet : la fin de la vidéo manque"
    if where:
        return f"des images ne se décodent pas ({where} de la vidéo)"
    return "format non reconnu ou fichier endommagé"


def _decode_error(stderr: str) -> bool:
    low = stderr.lower()
    return any(k in low for k in ("invalid data", "error while decoding", "truncat",
                                  "moov atom not found", "partial file", "corrupt",
                                  "stream 0, offset", "missing picture"))


def _has_exif_thumbnail(img: Image.Image) -> bool:
    raw = img.info.get("exif")
    if not raw:
        return False
    try:
        import piexif

        data = piexif.load(raw)
    except Exception:  # noqa: BLE001 - malformed EXIF simply means no usable thumbnail
        return False
    return bool(data.get("thumbnail"))


def _exif_date(value: Any) -> str | None:
    text = _clean(value)
    if not text:
        return None
    try:
        return datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return text


def _iso_date(value: Any) -> str | None:
    text = _clean(value)
    if not text:
        return None
    text = text.split(";")[0].strip()
    return re.sub(r"\.\d+Z$", "Z", text)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value).strip("\x00 ").strip()
    return text or None


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return _clean(meta[key])
    return None
