"""Shared helpers for infographic tests: render a bundled template from its sample data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from mediakit.infographic.charte import load_charte
from mediakit.infographic.render import Rendered, render_one
from mediakit.infographic.templates import Template, load_template

CHARTES = ("etat", "prefecture-exemple")
TEMPLATES = ("bilan-operation", "appel-a-temoins", "prevention", "alerte-crise", "chiffres-cles",
             "evenement-recrutement")


def render(charte: str, template: str, width: int = 1080, height: int = 1080,
           dpi: int | None = None, scale: float = 1.0, data: dict[str, Any] | None = None,
           tpl: Template | None = None) -> Rendered:
    c = load_charte(charte)
    t = tpl or load_template(c, template)
    sample, base = load_template(c, template).sample_data()
    return render_one(c, t, data if data is not None else sample, base, width, height, dpi,
                      scale)


def sample(charte: str, template: str) -> dict[str, Any]:
    return copy.deepcopy(load_template(load_charte(charte), template).sample_data()[0])


def edited_template(template: str, edit: Any, tmp_path: Path) -> Template:
    """A copy of a bundled template, changed by ``edit(data)`` and saved in ``tmp_path``."""
    t = load_template(load_charte("etat"), template)
    data = copy.deepcopy(t.data)
    edit(data)
    path = tmp_path / f"{template}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return Template(template, path, data)


@pytest.fixture(scope="session")
def etat():
    return load_charte("etat")
