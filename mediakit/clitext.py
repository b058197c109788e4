"""The command line's language: argparse in French, help texts in English on request, and
messages in plain words (no ffmpeg log line, no English system error, no Python repr).

``MEDIAKIT_LANG=en`` gives argparse's own English texts and the English help texts of
:mod:`mediakit.cli_en`; anything else gives French. :class:`Parser` is the
:class:`argparse.ArgumentParser` every ``mediakit`` command uses; :func:`plain` turns a
message from the core into what the user reads (the raw text is shown with ``-v``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any, NoReturn

LOG = logging.getLogger("mediakit")


def language() -> str:
    """``en`` when ``MEDIAKIT_LANG`` asks for English, else ``fr``."""
    return "en" if (os.environ.get("MEDIAKIT_LANG") or "").lower().startswith("en") else "fr"


def t(text: str, /, **values: Any) -> str:
    """A French text of the command line in the current language; with ``values``, a
    template (``{n} importé(s)``) translated, then filled (numbers in the language's
    typography: :func:`number`)."""
    if language() != "fr":
        from mediakit.cli_en import EN

        text = EN.get(text, text)
    if not values:
        return text
    return text.format(**{k: number(v) if isinstance(v, int | float) and not isinstance(v, bool)
                          else v for k, v in values.items()})


# -- numbers in the language's typography ----------------------------------------------------
NBSP, NNBSP = "\u00a0", "\u202f"
# units after which a number's decimal point becomes a comma in French (and the space a
# no-break one)
_UNITS = r"s|ms|min|h|o|Ko|Mo|Go|kB|MB|GB|LUFS|dB|dBFS|%|px|i/s|fps|Mb/s|kb/s|°|st"


def number(value: float | int, decimals: int | None = None, unit: str = "") -> str:
    """``12000`` → « 12 000 » (narrow no-break space), ``2.5`` → « 2,5 », with ``unit``
    « 2,5 s » (no-break space); in English ``12,000`` and ``2.5 s``."""
    from mediakit.infographic.typography import format_number

    if decimals is not None:
        value = round(float(value), decimals)
    if language() == "fr":
        text = format_number(value, decimals).replace("−", "-")
        return f"{text}{NBSP}{unit}" if unit else text
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(
            2, len(repr(float(value)).split(".")[1]))
    text = f"{value:,.{decimals}f}"
    return f"{text} {unit}" if unit else text


_DECIMAL_POINT = re.compile(rf"(?<![\w.,])(\d+)\.(\d+)(?=[ {NBSP}]?(?:{_UNITS})(?![\w/]))")
_SCORE = re.compile(r"(?<=\bscore )(\d+)\.(\d+)\b")
_NUMBER_UNIT = re.compile(rf"(?<![\w.,])(\d+(?:,\d+)?) (?=(?:{_UNITS})(?![\w/]))")
# a French decimal comma; « 12,000 » or « 1,234,567 » is an English number (thousands)
_FR_DECIMAL = re.compile(rf"(?<![\w.,])(\d+),(?!\d{{3}}(?:,\d{{3}})*(?!\d|,\d))(\d+)(?=[ {NBSP}]?(?:{_UNITS})(?![\w/])|\b)")
_FR_BYTES = re.compile(rf"(\d[ {NBSP}])(o|Ko|Mo|Go)\b")
_FR_THOUSANDS = re.compile(rf"(?<![\w.,])(\d{{1,3}})((?:{NNBSP}\d{{3}})+)(?![\d])")


def typeset(text: str) -> str:
    """Numbers of a message in the language's typography: in French « 2,50 s », « 0,54 Mo »,
    « score 0,67 » (decimal comma, no-break space before the unit); in English « 2.50 s »,
    « 12,000 » (a French number that came from the core, in English)."""
    if language() == "fr":
        text = _DECIMAL_POINT.sub(r"\1,\2", text)
        text = _SCORE.sub(r"\1,\2", text)
        return _NUMBER_UNIT.sub(rf"\1{NBSP}", text)
    text = _FR_DECIMAL.sub(r"\1.\2", text)
    text = _FR_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(NNBSP, ","), text)
    text = _FR_BYTES.sub(lambda m: m.group(1) + {"o": "B", "Ko": "kB", "Mo": "MB",
                                                   "Go": "GB"}[m.group(2)], text)
    text = re.sub(rf"«[ {NBSP}{NNBSP}]*(.*?)[ {NBSP}{NNBSP}]*»", r'"\1"', text)
    return text.replace(NBSP, " ").replace(NNBSP, " ")


# -- whole messages in English ---------------------------------------------------------------
# a message is split at these (first group), then matched to the generic templates, then
# split at the second group
_SEPARATORS = (("\n", " ; ", " · ", " — "), (" : ", ", "))


def translate(message: str) -> str:
    """A French message of the command line or of the core, in the current language: its
    English text (:mod:`mediakit.cli_en`) when it is known as is, or as a template
    (``« {name} » : canal inconnu``, whose parts are translated in turn), or piece by piece
    between lines, « ; », « · » and « — », then by a short template (``{path}: {reason}``),
    then between « : » and « , »; unknown messages are left as they are."""
    if language() == "fr" or not message:
        return message
    from mediakit.cli_en import EN, patterns

    found = EN.get(message)
    if found is not None:
        return found
    lead = re.match(r"^(\s+)(.*?)(\s*)$", message, re.DOTALL)
    if lead and (lead.group(1) or lead.group(3)):
        return lead.group(1) + translate(lead.group(2)) + lead.group(3)
    specific, generic = patterns()
    found = _by_template(message, specific)
    if found is not None:
        return found
    found = _by_parts(message, _SEPARATORS[0])
    if found is None:
        found = _by_template(message, generic)  # « {path}: {reason} » and the like
    if found is None:
        found = _by_parts(message, _SEPARATORS[1])
    return message if found is None else found


def _by_parts(message: str, separators: tuple[str, ...]) -> str | None:
    for sep in separators:
        if sep in message:
            parts = message.split(sep)
            done = [translate(part) for part in parts]
            if done != parts:
                return sep.join(done)
    return None


def _by_template(message: str, templates: list[tuple[re.Pattern[str], str]]) -> str | None:
    for regex, english in templates:
        m = regex.fullmatch(message)
        if m:
            return english.format(**{k: translate(v) for k, v in m.groupdict().items()})
    return None


# -- argparse in French -------------------------------------------------------------------
# argparse's own texts (Python 3.11 to 3.13), translated where argparse calls gettext
ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "subcommands": "sous-commandes",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "l'un de ces arguments est obligatoire : %s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "valeur « %s » inattendue",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë : %(option)s peut désigner %(matches)s",
    "unexpected option string: %s": "option inattendue : %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "« %(parser_name)s » inconnu (choix : %(choices)s)",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "invalid %(type)s value: %(value)r": "valeur invalide : « %(value)s »",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : « %(value)s » (choix possibles : %(choices)s)",
    "%(prog)s: error: ": "%(prog)s : erreur : ",
}
ARGPARSE_FR_PLURAL = {
    ("expected %s argument", "expected %s arguments"):
        ("%s valeur attendue", "%s valeurs attendues"),
}


def _fr(text: str) -> str:
    return ARGPARSE_FR.get(text, text)


def _fr_n(singular: str, plural: str, n: int) -> str:
    fr = ARGPARSE_FR_PLURAL.get((singular, plural))
    if fr is None:
        return singular if n == 1 else plural
    return fr[0] if n == 1 else fr[1]


_depth = [0]


@contextlib.contextmanager
def argparse_language() -> Iterator[None]:
    """While inside, argparse's own texts are in the command line's language."""
    if language() != "fr" or getattr(argparse, "_", None) is None:
        yield
        return
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _fr, _fr_n  # type: ignore[attr-defined]
    _depth[0] += 1
    try:
        yield
    finally:
        _depth[0] -= 1
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with French typography (« options : ») and translated texts."""

    def start_section(self, heading: str | None) -> None:
        if heading and language() == "fr":
            heading = heading + NBSP  # « options : », argparse adds the colon
        super().start_section(heading)

    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        if prefix is None:
            prefix = t("utilisation : ") if language() == "fr" else None
        super().add_usage(usage, actions, groups, prefix)


def _translated(kwargs: dict[str, Any]) -> dict[str, Any]:
    """An argument's help and metavar in the command line's language."""
    if isinstance(kwargs.get("help"), str) and kwargs["help"] is not argparse.SUPPRESS:
        kwargs["help"] = t(kwargs["help"])
    if isinstance(kwargs.get("metavar"), str):
        kwargs["metavar"] = t(kwargs["metavar"])
    elif isinstance(kwargs.get("metavar"), tuple):
        kwargs["metavar"] = tuple(t(m) for m in kwargs["metavar"])
    if kwargs.get("action") == "version":
        kwargs.setdefault("help", "afficher la version et quitter")
        kwargs["help"] = t(kwargs["help"])
    return kwargs


def _translating(group: Any) -> Any:
    """An argument group whose arguments are translated like the parser's."""
    original = group.add_argument

    def add_argument(*args: Any, **kwargs: Any) -> argparse.Action:
        with argparse_language():
            return original(*args, **_translated(kwargs))

    group.add_argument = add_argument
    return group


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the command line's language: argparse's own texts,
    help texts (English from :mod:`mediakit.cli_en` when asked), errors in words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        for key in ("description", "epilog"):
            if kwargs.get(key):
                kwargs[key] = t(kwargs[key])
        with argparse_language():
            super().__init__(*args, **kwargs)
        if kwargs.get("add_help", True) and "-v" not in self._option_string_actions:
            # the technical detail of errors; at every level (« mediakit import -v … »)
            self.add_argument("-v", "--verbose", action="store_true",
                              default=argparse.SUPPRESS,
                              help="afficher le détail technique des erreurs")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with argparse_language():
            return super().add_argument(*args, **_translated(kwargs))

    def add_mutually_exclusive_group(self, **kwargs: Any) -> Any:
        return _translating(super().add_mutually_exclusive_group(**kwargs))

    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        for key in ("title", "description"):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = t(kwargs[key])
        return _translating(super().add_argument_group(*args, **kwargs))

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        kwargs.setdefault("parser_class", Parser)
        for key in ("help", "metavar"):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = t(kwargs[key])
        with argparse_language():
            action = super().add_subparsers(**kwargs)
        original = action.add_parser

        def add_parser(name: str, **kw: Any) -> argparse.ArgumentParser:
            if isinstance(kw.get("help"), str):
                kw["help"] = t(kw["help"])
                kw.setdefault("description", kw["help"])
            return original(name, **kw)

        action.add_parser = add_parser  # type: ignore[method-assign]
        return action

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        with argparse_language():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None,
                         namespace: argparse.Namespace | None = None
                         ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_language():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_language():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_language():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        message = typeset(translate(message))
        with argparse_language():
            self.print_usage(sys.stderr)
            self.exit(2, argparse._("%(prog)s: error: %(message)s\n")  # type: ignore[attr-defined]
                      % {"prog": self.prog, "message": message})

    # argparse writes repr()s ('x') in these two: words and « » instead
    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            if language() != "fr":
                super()._check_value(action, value)  # type: ignore[misc]
                return
            choices = ", ".join(map(str, action.choices))
            raise argparse.ArgumentError(
                action, f"choix invalide : « {value} » (choix possibles : {choices})")

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        if language() != "fr":
            return super()._get_value(action, arg_string)  # type: ignore[misc]
        try:
            return super()._get_value(action, arg_string)  # type: ignore[misc]
        except argparse.ArgumentError as exc:
            kind = {int: "nombre entier", float: "nombre"}.get(action.type)  # type: ignore
            if kind is None:
                raise
            raise argparse.ArgumentError(
                action, f"« {arg_string} » n'est pas un {kind}") from exc


class UsageError(Exception):
    """A command given wrongly (a missing item, a bad --box): said as argparse would, exit 2."""


def subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[list[str],
                                                                   argparse.ArgumentParser]]:
    """Every parser under ``parser`` (itself first) with its command words."""
    yield [], parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:  # an alias
                    continue
                seen.add(id(sub))
                for words, found in subcommands(sub):
                    yield [name, *words], found


# -- messages in plain words ----------------------------------------------------------------
# technical fragments that the core passes on (system errors in English, ffmpeg's and
# Pillow's messages) and what the user reads instead
_PHRASES: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.IGNORECASE), fr) for p, fr in [
    (r"\[Errno \d+\]\s*", ""),
    (r"No such file or directory", "introuvable"),
    (r"Permission denied", "accès refusé"),
    (r"Operation not permitted", "opération non permise"),
    (r"No space left on device", "plus de place sur le disque"),
    (r"Disk quota exceeded", "quota disque dépassé"),
    (r"Read-only file system", "support en lecture seule"),
    (r"Is a directory", "c'est un dossier"),
    (r"Not a directory", "n'est pas un dossier"),
    (r"File exists", "existe déjà"),
    (r"Directory not empty", "dossier non vide"),
    (r"Input/output error", "erreur de lecture du support"),
    (r"File name too long", "nom de fichier trop long"),
    (r"Too many open files", "trop de fichiers ouverts"),
    (r"Device or resource busy", "support occupé"),
    (r"Invalid argument", "argument invalide"),
    (r"moov atom not found", "fichier incomplet (index de la vidéo absent)"),
    (r"Invalid data found when processing input", "contenu invalide"),
    (r"cannot identify image file[^()]*", "format d'image inconnu"),
    (r"image file is truncated[^()]*", "image tronquée (fichier incomplet)"),
    (r"broken data stream[^()]*", "données endommagées"),
    (r"Decompressed Data Too Large", "image trop grande"),
    (r"Error passing `ffmpeg -i` command output:?", "format non reconnu"),
    (r"Conversion failed!?", "conversion impossible"),
]]
_QUOTED = re.compile(r"(?<=[\s(:\[])'([^'\s]+)'(?=[\s),;\]]|$)")
_FFMPEG_LINE = re.compile(r"\[[^\]\n]* @ 0x[0-9a-fA-F]+\][^\n()]*")
_REPR = re.compile(r"\{'|<[\w.]+ object at 0x[0-9a-fA-F]+>|Traceback \(most recent")
# words that say a fragment is still English (none is French)
_ENGLISH = re.compile(r"\b(the|error|errors|failed|cannot|could|such|while|decoding|passing|"
                      r"command|output|missing|unknown|unable|found|invalid|file|is|of|and|"
                      r"with|from|for|not|no|at|in)\b", re.IGNORECASE)
TECHNICAL = "détail technique avec -v"


def is_technical(text: str) -> bool:
    """True when ``text`` still holds an ffmpeg log line, a repr or (in French) an English
    phrase."""
    english = language() == "fr" and len(_ENGLISH.findall(text)) >= 2
    return bool(_FFMPEG_LINE.search(text) or _REPR.search(text) or english or "@ 0x" in text)


def plain(message: str) -> str:
    """``message`` in words: known technical phrases translated, ffmpeg log lines and any
    fragment left in English replaced by a pointer to ``-v`` (the core's French untouched).
    The file name that starts a message (« chemin: raison ») is never changed."""
    if not message:
        return message
    lead = re.match(r"^((?:ÉCHEC |REFUSÉ |ANNULÉ |mediakit : )?)(.*?[^ :]): (.*)$", message,
                    re.DOTALL)
    if lead and "\n" not in lead.group(2) and len(lead.group(2)) < 400:
        return f"{lead.group(1)}{lead.group(2)}: {_plain_reason(lead.group(3))}"
    return _plain_reason(message)


def _plain_reason(text: str) -> str:
    text = _FFMPEG_LINE.sub("", text)
    text = _QUOTED.sub(r"« \1 »", text)  # a Python repr of a name: 'a.zip' → « a.zip »
    for pattern, fr in _PHRASES:
        text = pattern.sub(fr, text)
    text = re.sub(r"\(\s*\)", f"({TECHNICAL})", text)

    def group(match: re.Match[str]) -> str:
        return f"({TECHNICAL})" if is_technical(match.group(1)) else match.group(0)

    text = re.sub(r"\(([^()]*)\)", group, text)
    # « raison : détail » — a detail left in English after the last colon
    head, sep, tail = text.rpartition(" : ")
    if sep and is_technical(tail):
        text = f"{head} : {TECHNICAL}"
    if is_technical(text):
        text = f"erreur ({TECHNICAL})"
    text = re.sub(r"[ \t]{2,}", " ", text).replace(" ,", ",").strip()
    return text.rstrip(":").rstrip() or f"erreur ({TECHNICAL})"


class Output:
    """Where the command line writes: messages in plain words; with ``verbose`` the raw text
    follows a message that was reworded."""

    verbose = False

    @classmethod
    def say(cls, message: str, stream: IO[str] | None = None, clean: bool = True) -> None:
        out = stream or sys.stdout
        cleaned = plain(message) if clean else message
        shown = typeset(translate(cleaned))
        print(shown, file=out, flush=True)
        if cls.verbose and cleaned != message:  # reworded: the raw text with -v
            print(t("  détail technique : {msg}", msg=message), file=out, flush=True)

    @classmethod
    def fail(cls, message: str) -> None:
        cls.say(message, sys.stderr)


def say(message: str, stream: IO[str] | None = None, clean: bool = True) -> None:
    """Print a message (standard output by default) in the command line's language, in
    plain words (``clean=False``: a message built here, not reworded), numbers typeset."""
    Output.say(message, stream, clean)


def warn(message: str) -> None:
    """Print a message on the error output, in plain words."""
    Output.fail(message)


# -- the core's codes, in words --------------------------------------------------------------
AUDIO_FR = {"copied": "conservé (copié sans réencodage)", "reencoded": "conservé (réencodé)",
            "muted": "coupé", "bleeped": "bipé sur les passages choisis", "absent": "absent",
            "kept": "conservé", "disguised": "conservé"}
LISTS_FR = {"always_mask": "toujours masquer", "keep_visible": "laisser visible"}
LIST_NAMES = {"always_mask": "always_mask", "keep_visible": "keep_visible",
              "masquer": "always_mask", "toujours-masquer": "always_mask",
              "visible": "keep_visible", "laisser-visible": "keep_visible"}
CHECKS_FR = {"dimensions": "dimensions", "size_cap": "taille maximale du fichier",
             "duration_cap": "durée maximale", "min_duration": "durée minimale",
             "loudness": "volume sonore", "frames": "nombre d'images",
             "text_length": "longueur des textes", "audio": "son", "charte": "charte"}
LABELS_FR = {"face": "visage", "plate": "plaque", "text": "texte"}


def checks_text(checks: dict[str, Any] | None) -> str:
    """« contrôles OK » or « contrôles en échec : durée maximale, volume sonore »."""
    if not checks:
        return "aucun contrôle"
    bad = [CHECKS_FR.get(k, k.replace("_", " ")) for k, ok in checks.items() if not ok]
    return "contrôles OK" if not bad else "contrôles en échec : " + ", ".join(bad)


def camera_text(make: str | None, model: str | None) -> str:
    """« Canon EOS R6 », not « Canon Canon EOS R6 » (many cameras repeat the make)."""
    make, model = (make or "").strip(), (model or "").strip()
    if make and model and model.lower().startswith(make.lower().split()[0]):
        return model
    return " ".join(x for x in (make, model) if x)


def adjust_text(adjust: dict[str, Any]) -> str:
    """A photo's settings in words: « exposition +0,30 · contraste +0,10 · recadrage »."""
    names = {"exposure": "exposition", "contrast": "contraste", "saturation": "saturation",
             "temperature": "température", "tint": "teinte", "highlights": "hautes lumières",
             "shadows": "ombres", "sharpen": "netteté", "straighten": "redressement",
             "vibrance": "vibrance", "gamma": "gamma", "brightness": "luminosité",
             "auto": "automatique", "rotate": "rotation"}
    parts = []
    for key, value in adjust.items():
        name = names.get(key, key.replace("_", " "))
        if key == "crop":
            if value:
                parts.append("recadrage " + " × ".join(_num(v) for v in value[2:4]))
        elif isinstance(value, bool):
            parts.append(name + (" oui" if value else " non"))
        elif isinstance(value, int | float):
            parts.append(f"{name} {'+' if value > 0 else ''}{_num(value)}"
                         + (" °" if key in ("straighten", "rotate") else ""))
        elif value is not None:
            parts.append(f"{name} {value}")
    return " · ".join(parts) or "aucun réglage"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",").replace("-", "−")


METADATA_FR = {"gps": "GPS", "serial": "n° de série", "owner": "propriétaire",
               "person": "personne", "device": "appareil", "maker_note": "notes du fabricant",
               "date": "date", "comment": "commentaire", "thumbnail": "vignette",
               "xmp": "XMP", "iptc": "IPTC", "png_text": "textes PNG",
               "other_segments": "autres segments", "creation_time": "date de prise",
               "location": "lieu", "make": "marque", "model": "modèle",
               "icc_profile": "profil de couleur"}


def metadata_text(keys: Sequence[str] | None) -> str:
    """« GPS, date, appareil » (the identifying metadata removed), or « aucune »."""
    return ", ".join(METADATA_FR.get(k, k) for k in keys or []) or "aucune"
