"""Number fields that read French: a comma is the decimal separator (« 2,5 » is 2.5 s,
never 25), a point is accepted too, and values show with a comma."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


class DecimalBox(QDoubleSpinBox):
    """A QDoubleSpinBox in French, without thousands grouping, accepting ``,`` or ``.``."""

    def __init__(self, minimum: float = 0.0, maximum: float = 36000.0, decimals: int = 2,
                 suffix: str = "", step: float = 0.1) -> None:
        super().__init__()
        locale = QLocale(FRENCH)
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        self.setLocale(locale)
        self.setRange(minimum, maximum)
        self.setDecimals(decimals)
        self.setSingleStep(step)
        if suffix:
            self.setSuffix(suffix)

    def _plain(self, text: str) -> str:
        text = text.strip()
        if self.suffix() and text.endswith(self.suffix().strip()):
            text = text[: -len(self.suffix().strip())].strip()
        return text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(".", ",")

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 - Qt API
        plain = self._plain(text)
        if plain in ("", ",", "-"):
            return QValidator.State.Intermediate, text, pos
        value, ok = self.locale().toDouble(plain)
        if not ok:
            return QValidator.State.Invalid, text, pos
        if not self.minimum() <= value <= self.maximum():
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt API
        value, ok = self.locale().toDouble(self._plain(text))
        return value if ok else self.value()


def seconds_box(maximum: float = 36000.0) -> DecimalBox:
    """Seconds, to the hundredth, shown « 2,50 s »."""
    return DecimalBox(0.0, maximum, 2, " s")


_SPACES = (" ", "\xa0", "\u202f", "\u2009")


def parse_decimal(text: str) -> float | int:
    """A number typed the French way: « 1 234,5 » → 1234.5, « 12 » → 12; a point is read
    as the decimal separator too. ValueError when ``text`` is not a number."""
    plain = str(text).strip().replace("−", "-")
    for space in _SPACES:
        plain = plain.replace(space, "")
    if plain.count(",") + plain.count(".") > 1 or not plain:
        raise ValueError(text)
    value = float(plain.replace(",", "."))  # ValueError on anything else
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return int(value) if value.is_integer() and "," not in plain and "." not in plain \
        else value


def format_decimal(value: float | int, decimals: int = 2) -> str:
    """``1234.5`` → « 1 234,5 » (narrow no-break space between thousands, comma, trailing
    zeros dropped)."""
    text = f"{abs(value):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.replace(",", "\u202f").replace(".", ",")
    return ("-" if value < 0 and text.strip("0,\u202f") else "") + text
