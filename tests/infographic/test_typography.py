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


# -- times, numbers typed in texts, what changed ---------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("vers 22h, rue des Lilas", f"vers 22{NBSP}h, rue des Lilas"),
    ("de 8h30 à 18H", f"de 8{NBSP}h{NBSP}30 à 18{NBSP}h"),
    ("ouvert 24h/24", f"ouvert 24{NBSP}h/24"),
    ("12000 personnes", f"12{NNBSP}000{NBSP}personnes"),
    ("123456789 euros", f"123{NNBSP}456{NNBSP}789 euros"),
    ("12000,5 euros", f"12{NNBSP}000,5 euros"),
    ("1500 kg saisis", f"1{NNBSP}500{NBSP}kg saisis"),
])
def test_times_and_bare_numbers(raw: str, expected: str) -> None:
    assert french(raw) == expected
    assert french(expected) == expected


@pytest.mark.parametrize("raw", ["73300 Saint-Jean-de-Maurienne", "75007 cedex", "en 2026", "le 3919",
                                 "dossier n° 123456", "0123456789", "EH-907-PL", "A4H",
                                 "pi vaut 3,14159", "version 2.10000", "RDV à 14:30"])
def test_codes_years_and_postcodes_are_left_alone(raw: str) -> None:
    assert french(raw).replace(NBSP, " ") == raw.replace(NBSP, " ")


def test_changes_lists_what_the_officer_typed_and_what_is_shown() -> None:
    from mediakit.infographic.typography import changes

    typed = "Le 13 mai vers 22h, 12000 euros"
    assert changes(typed, french(typed)) == [("22h,", "22 h,"), ("12000", "12 000")]
    assert changes("deux : trois", french("deux : trois")) == []  # only the kind of space


# -- line breaks: compound names at their hyphens, no word alone on a title's last line ----
def _title_lines(template: str, title: str) -> dict[str, list[str]]:
    from mediakit.infographic.charte import load_charte
    from mediakit.infographic.render import parse_formats, render_one
    from mediakit.infographic.templates import load_template

    charte = load_charte("etat")
    tpl = load_template(charte, template)
    data, base = tpl.sample_data()
    out = {}
    for w, h, dpi in parse_formats("1080x1080,1080x1920,1200x630"):
        rendered = render_one(charte, tpl, {**data, "titre": title}, base, w, h, dpi)
        out[rendered.name] = next(el["lines"] for el in rendered.layout.elements
                                  if el["kind"] == "text" and el.get("field") == "titre")
    return out


def test_a_long_commune_name_is_broken_at_its_hyphens() -> None:
    name = "Saint-Jean-de-Maurienne-sur-Exemple"
    for template in ("appel-a-temoins", "bilan-operation"):
        for fmt, lines in _title_lines(template, f"Accident à {name}").items():
            assert "".join(lines).replace(" ", "") == f"Accidentà{name}", (template, fmt)
            broken = [line for line in lines if line.endswith("-")]
            # every break inside the name is after one of its hyphens
            assert all(line.rsplit(" ", 1)[-1].endswith("-") for line in broken)
            assert lines[-1].count(" ") or "-" in lines[-1] or len(lines) == 1


def test_hyphen_breaks_only_when_needed() -> None:
    from mediakit.infographic.textfit import fit_text
    from tests.infographic.test_textfit import BOLD

    fitted = fit_text("Saint-Malo", BOLD, (800, 300), 80, 30)
    assert fitted.lines == ["Saint-Malo"]
    fitted = fit_text("Saint-Jean-de-Maurienne-sur-Exemple", BOLD, (500, 400), 60, 50)
    assert len(fitted.lines) > 1 and all(line.endswith("-") for line in fitted.lines[:-1])
    assert "".join(fitted.lines) == "Saint-Jean-de-Maurienne-sur-Exemple"


def test_no_single_word_on_a_title_last_line() -> None:
    from mediakit.infographic.textfit import load_font, wrap
    from tests.infographic.test_textfit import BOLD

    font = load_font(BOLD, 40)
    text = "Véhicule recherché après un délit de fuite"
    width = font.getlength("Véhicule recherché après un délit de") + 2
    assert wrap(text, font, width)[-1] == "fuite"  # greedy: the widow
    balanced = wrap(text, font, width, balance=True)
    assert balanced[-1] == "de fuite" and " ".join(balanced) == text
    assert all(font.getlength(line) <= width for line in balanced)
    # no better break: two words, one per line, stay as they are
    assert wrap("Alerte inondation", font, font.getlength("inondation") + 1,
                balance=True) == ["Alerte", "inondation"]
    # the title of the sample appel à témoins, in every format
    for fmt, lines in _title_lines("appel-a-temoins", text).items():
        assert len(lines) == 1 or " " in lines[-1], (fmt, lines)


def test_the_officer_sees_what_typography_changed(tmp_path, capsys, monkeypatch) -> None:
    import json

    from mediakit.cli import main
    from mediakit.infographic.charte import load_charte
    from mediakit.infographic.templates import load_template

    monkeypatch.delenv("MEDIAKIT_LANG", raising=False)
    template = load_template(load_charte("etat"), "appel-a-temoins")
    data, base = template.sample_data()
    data = {**data, "photo": str(base / data["photo"]),
            "description": "Le 13 mai vers 22h, 12000 euros de dégâts."}
    (tmp_path / "d.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["infographic", "appel-a-temoins", "--data", str(tmp_path / "d.json"),
                 "--formats", "1080x1080", "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "typographie corrigée (le texte saisi est inchangé)" in out
    assert "champ « description » : « 22h, » → « 22 h, »" in out
    assert "champ « description » : « 12000 » → « 12 000 »" in out
    record = json.loads((tmp_path / "out" / "appel-a-temoins_etat_1080x1080.json").read_text())
    assert {"field": "description", "typed": "12000", "shown": "12 000"} in record["typography"]
