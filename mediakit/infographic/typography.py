"""French typography for short display texts.

* a no-break space (U+00A0) before « : », a narrow no-break space (U+202F) before
  « ; ! ? » and inside guillemets « » — only where the sign ends a word, so that times
  (14:30) and addresses (https://) are left alone;
* straight quotes become guillemets « » and apostrophes ’; three dots become « … »;
* numbers: thousands grouped by narrow no-break spaces (``format_number``, and numbers of
  five digits or more typed in a text: « 12000 » → « 12 000 »; four digits only before a
  unit, so that years stay whole; postal codes, phone numbers and numbers after « n° » are
  left alone), a no-break space between a number and its unit, phone numbers in pairs that
  never break;
* times: « 18h » → « 18 h », « 8h30 » → « 8 h 30 » (no-break spaces);
* :func:`changes` lists what was changed in words the officer can check.

Every function is idempotent: running it on its own output changes nothing.
"""

from __future__ import annotations

import difflib
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
    s = group_digits(times(s))
    return s


# 18h, 8h30, 18H, 18 h (a time or a duration in hours); never inside a word or a code
_TIME = re.compile(rf"(?<![\w:,.\-/])([01]?\d|2[0-4])[{SPACES}]?[hH](?:[{SPACES}]?([0-5]\d))?"
                   r"(?![\w])")


def times(text: str) -> str:
    """``18h`` → ``18 h``, ``8h30`` → ``8 h 30`` (no-break spaces); idempotent."""
    def fix(m: re.Match[str]) -> str:
        return f"{m.group(1)}{NBSP}h" + (f"{NBSP}{m.group(2)}" if m.group(2) else "")

    return _TIME.sub(fix, text)


# a whole number typed without grouping, not part of a code (letters, hyphens, slashes)
_BARE = re.compile(r"(?<![\w.,\-/+\u00a0\u202f°])(\d{4,})(?![\w\-/]|\.\d)")
_UNIT_AFTER = re.compile(rf"[{SPACES}]+(?:{_UNITS})\b")
_POSTAL_AFTER = re.compile(rf"[{SPACES}]+(?:[A-ZÉÈÀÂÎÔ]|[Cc]edex\b)")
_NUMBER_SIGN_BEFORE = re.compile(rf"(?:n°|N°|\bno|\bn\.|#|\bcode|\btél\.?|\btel\.?)[{SPACES}]*$",
                                 re.IGNORECASE)


def group_digits(text: str) -> str:
    """``12000`` → ``12 000`` in a text (narrow no-break spaces; see the module's rules)."""
    def fix(m: re.Match[str]) -> str:
        digits = m.group(1)
        after, before = re.sub(r"^,\d+", "", text[m.end():]), text[:m.start()]
        if digits.startswith("0") or _NUMBER_SIGN_BEFORE.search(before):
            return digits  # a code, a phone number, a file number
        if len(digits) == 4 and not _UNIT_AFTER.match(after):
            return digits  # a year (2026), a short number (3919)
        if len(digits) == 5 and _POSTAL_AFTER.match(after):
            return digits  # a postal code: 73300 Saint-Jean-de-Maurienne
        return format_number(int(digits))

    return _BARE.sub(fix, text)


def _plain_spaces(text: str) -> str:
    return re.sub(f"[{SPACES}]", " ", text)


# a word, with a grouped number or a time kept as one (« 12 000 », « 8 h 30 »)
_TOKEN = re.compile(r"\S*\d{1,3}(?: \d{3})+(?:,\d+)?\S*|\S*\d+ h(?: \d{2})?\b\S*|\S+")


def changes(typed: str, shown: str) -> list[tuple[str, str]]:
    """What typography changed that a reader can see, word by word: ``[("18h", "18 h")]``
    (no-break spaces shown as ordinary ones; a changed kind of space alone is not listed)."""
    a, b = _TOKEN.findall(_plain_spaces(typed)), _TOKEN.findall(_plain_spaces(shown))
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = list(zip(a[i1:i2], b[j1:j2], strict=True)) if i2 - i1 == j2 - j1 \
            else [(" ".join(a[i1:i2]), " ".join(b[j1:j2]))]
        for before, after in pairs:
            visible = before.replace(" ", "") != after.replace(" ", "") \
                or bool(re.search(r"\d", before))  # a number or a time spaced out
            if visible and before != after and (before, after) not in out:
                out.append((before, after))
    return out
