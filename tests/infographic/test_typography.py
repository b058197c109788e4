from __future__ import annotations

import pytest

from mediakit.infographic.typography import NBSP, NNBSP, format_number, format_phone, french


@pytest.mark.parametrize("raw, expected", [
    ("Attention : danger", f"Attention{NBSP}: danger"),
    ("Attention: danger", f"Attention{NBSP}: danger"),
    ("Vraiment ?", f"Vraiment{NNBSP}?"),
    ("Stop!", f"Stop{NNBSP}!"),
    ("un ; deux", f"un{NNBSP}; deux"),
    ("Quoi ?!", f"Quoi{NNBSP}?!"),
    ('Opération "Place nette"', f"Opération «{NNBSP}Place nette{NNBSP}»"),
    ("« Place nette »", f"«{NNBSP}Place nette{NNBSP}»"),
    ("l'opération", "l’opération"),
    ("Et puis...", "Et puis…"),
    ("12 000 euros", f"12{NNBSP}000 euros"),
    ("3 kg saisis", f"3{NBSP}kg saisis"),
    ("45% des cas", f"45{NNBSP}% des cas"),
])
def test_french_spacing(raw: str, expected: str) -> None:
    assert french(raw) == expected


@pytest.mark.parametrize("raw", ["RDV à 14:30", "https://www.interieur.gouv.fr", "ratio 3:1",
                                 "01 23 45 67 89", "en 2026 300 agents"])
def test_french_leaves_times_urls_and_codes(raw: str) -> None:
    assert french(raw) == raw


def test_french_is_idempotent() -> None:
    text = 'Bilan : "12 000" saisies ; 3 kg ! Et l\'enquête ?'
    assert french(french(text)) == french(text)


def test_format_number() -> None:
    assert format_number(12000) == f"12{NNBSP}000"
    assert format_number(1234567) == f"1{NNBSP}234{NNBSP}567"
    assert format_number(999) == "999"
    assert format_number(3.5) == "3,5"
    assert format_number("18 500") == f"18{NNBSP}500"
    assert format_number(-1200) == f"−1{NNBSP}200"


def test_format_phone() -> None:
    assert format_phone("0123456789") == NBSP.join(["01", "23", "45", "67", "89"])
    assert format_phone("01.23.45.67.89") == NBSP.join(["01", "23", "45", "67", "89"])
    assert format_phone("17") == "17"
    assert " " not in format_phone("+33 1 23 45 67 89")
