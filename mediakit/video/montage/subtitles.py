"""Subtitles: SRT read/write, and ASS generation in the charte font for libass burn-in."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mediakit.errors import display_path
from mediakit.video.montage.titles import SUBTITLE_SIZE, VideoStyle

Cue = dict[str, Any]  # {"start": s, "end": s, "text": str}
_TIME = re.compile(r"(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})")


def _seconds(match: re.Match[str]) -> float:
    h, m, s, ms = match.groups()
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms.ljust(3, "0")) / 1000


def parse_srt(text: str, source: str | Path = "SRT") -> list[Cue]:
    """Cues of an SRT text (BOM, CRLF, missing numbers tolerated); ValueError naming the line."""
    cues: list[Cue] = []
    blocks = re.split(r"\n\s*\n", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    for block in blocks:
        lines = [ln for ln in block.strip("\n").split("\n")]
        if not lines or not any(ln.strip() for ln in lines):
            continue
        idx = next((i for i, ln in enumerate(lines) if "-->" in ln), None)
        if idx is None:
            raise ValueError(f"{display_path(source)}: bloc sans horodatage « {lines[0][:40]} »")
        times = _TIME.findall(lines[idx])
        parts = lines[idx].split("-->")
        m1, m2 = _TIME.search(parts[0]), _TIME.search(parts[1]) if len(parts) > 1 else None
        if len(times) < 2 or m1 is None or m2 is None:
            raise ValueError(f"{display_path(source)}: horodatage illisible « {lines[idx][:60]} »")
        start, end = _seconds(m1), _seconds(m2)
        if end <= start:
            raise ValueError(f"{display_path(source)}: fin avant début « {lines[idx][:60]} »")
        body = "\n".join(lines[idx + 1:]).strip()
        body = re.sub(r"</?[ibu]>|</?font[^>]*>", "", body)
        cues.append({"start": round(start, 3), "end": round(end, 3), "text": body})
    cues.sort(key=lambda c: c["start"])
    return cues


def read_srt(path: str | Path) -> list[Cue]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{display_path(path)}: sous-titres illisibles ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    return parse_srt(text, path)


def _srt_time(t: float) -> str:
    ms = int(round(t * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def write_srt(cues: list[Cue]) -> str:
    """SRT text of ``cues`` (numbered from 1)."""
    out = []
    for i, c in enumerate(sorted(cues, key=lambda c: c["start"]), 1):
        out.append(f"{i}\n{_srt_time(c['start'])} --> {_srt_time(c['end'])}\n{c['text']}\n")
    return "\n".join(out)


def _ass_time(t: float) -> str:
    cs = int(round(max(t, 0) * 100))
    return f"{cs // 360000}:{cs // 6000 % 60:02d}:{cs // 100 % 60:02d}.{cs % 100:02d}"


def _ass_colour(hex_value: str, alpha: int = 0) -> str:
    r, g, b = hex_value[1:3], hex_value[3:5], hex_value[5:7]
    return f"&H{alpha:02X}{b}{g}{r}".upper()


def cues_to_ass(cues: list[Cue], style: VideoStyle, width: int, height: int,
                size: float = SUBTITLE_SIZE) -> str:
    """An ASS script: white charte-font text on a dark grey box, inside the safe margins."""
    px = int(round(min(width, height) * size))
    margin = style.margin(width, height)
    fg = _ass_colour(style.colour("on_primary"))
    box = _ass_colour(style.colour("text"), 0x30)
    head = (
        "[Script Info]\nScriptType: v4.00+\n"
        f"PlayResX: {width}\nPlayResY: {height}\nWrapStyle: 0\nScaledBorderAndShadow: yes\n\n"
        "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, "
        "OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, "
        "Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        f"Style: Default,{style.family(bold=False)},{px},{fg},{fg},{box},{box},0,0,0,0,100,100,0,"
        f"0,3,{max(2, px // 5)},0,2,{margin},{margin},{margin},1\n\n"
        "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    )
    lines = []
    for c in sorted(cues, key=lambda c: c["start"]):
        text = str(c["text"]).replace("{", "(").replace("}", ")").replace("\n", "\\N")
        lines.append(f"Dialogue: 0,{_ass_time(c['start'])},{_ass_time(c['end'])},Default,,0,0,0,,"
                     f"{text}")
    return head + "\n".join(lines) + "\n"
