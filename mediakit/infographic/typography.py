"""French typography for short display texts.

* a no-break space (U+00A0) before « : », a narrow no-break space (U+202F) before
  « ; ! ? » and inside guillemets « » — only where the sign ends a word, so that times
  (14:30) and addresses (https://) are left alone;
* straight quotes become guillemets « » and apostrophes ’; three dots become « … »;
* numbers: thousands grouped by narrow no-break spaces (``format_number``), a no-break
  space between a number and its unit, phone numbers in pairs that never break.

Every function is idempotent: running it on its own output changes nothing.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = " \u00a0\u202f\u2009"

_UNITS = (r"kg|g|t|mg|km|m|cm|mm|€|k€|M€|%|h|min|s|ans?|mois|jours?|personnes|"
          r"véhicules?|interpellations?|gardes à vue")


def format_number(value: float | int | str, decimals: int | None = None) -> str:
    """``12000`` → ``12 000`` (narrow no-break spaces), ``3.5`` → ``3,5``."""
    if isinstance(value, str):
        cleaned = value.replace(NNBSP, "").replace(NBSP, "").replace(" ", "").replace(",", ".")
        try:
            value = float(cleaned) if "." in cleaned else int(cleaned)
        except ValueError:
            return french(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(2, len(repr(float(value)).split(".")[1]))
    text = f"{abs(value):,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    return ("−" if value < 0 else "") + text


def format_phone(text: str) -> str:
    """French numbers in pairs joined by no-break spaces: ``0123456789`` → ``01 23 45 67 89``.

    Short numbers (``17``, ``3919``) and international forms are kept as typed (but never
    broken across lines)."""
    digits = re.sub(r"[\s.\-\u00a0\u202f]", "", text)
    if re.fullmatch(r"0\d{9}", digits):
        return NBSP.join(digits[i:i + 2] for i in range(0, 10, 2))
    return re.sub(r"\s", NBSP, text.strip())


def french(text: str) -> str:
    """Apply French typographic spacing and signs to a display text."""
    if not text:
        return text
    s = text.replace("...", "…").replace("'", "’")
    # straight double quotes, paired → « »
    parts = s.split('"')
    if len(parts) > 1 and len(parts) % 2 == 1:
        s = "".join(p if i % 2 == 0 else f"«{p.strip()}»" for i, p in enumerate(parts))
    s = re.sub(rf"«[{SPACES}]*", f"«{NNBSP}", s)
    s = re.sub(rf"[{SPACES}]*»", f"{NNBSP}»", s)
    # high punctuation: only when the sign ends a word (followed by a space, sign or the end)
    s = re.sub(rf"(?<=\S)[{SPACES}]*:(?=[\s»)]|$)", f"{NBSP}:", s)
    s = re.sub(rf"(?<=[^\s{SPACES}])[{SPACES}]*([;!?])(?=[\s»)!?]|$)", rf"{NNBSP}\1", s)
    # repeated signs (?!) stay together
    s = re.sub(rf"([!?]){NNBSP}([!?])", r"\1\2", s)
    # grouped numbers typed with plain spaces: 12 000 → 12 000 (narrow, unbreakable)
    s = re.sub(r"\b(\d{1,3})((?: \d{3})+)\b",
               lambda m: m.group(1) + m.group(2).replace(" ", NNBSP), s)
    # number + unit, percent sign
    s = re.sub(rf"(\d)[ \u2009]+({_UNITS})(?=\b|\s|$|[.,;:!?)])", rf"\1{NBSP}\2", s)
    s = re.sub(rf"(\d)[{SPACES}]*%", rf"\1{NNBSP}%", s)
    # n° 12, p. 3
    s = re.sub(r"\b(n°|N°|no|art\.|p\.) (\d)", rf"\1{NBSP}\2", s)
    return s
