"""Reading back the PDFs mediakit writes, for tests: Qt's PDF reader (PDFium) when it is
there, and a small parser of the document's own objects (catalog, fonts, structure tree,
text through each font's ToUnicode map) that needs nothing."""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.DOTALL)


@dataclass
class Pdf:
    objects: dict[int, bytes]  # dictionary part
    streams: dict[int, bytes]  # decoded stream data

    def obj(self, ref: bytes | int) -> bytes:
        return self.objects[int(ref)]

    def ref(self, body: bytes, key: str) -> int | None:
        m = re.search(rb"/" + key.encode() + rb"\s+(\d+) 0 R", body)
        return int(m.group(1)) if m else None

    @property
    def catalog(self) -> bytes:
        return next(b for b in self.objects.values() if b"/Type /Catalog" in b)

    @property
    def info(self) -> bytes:
        return next(b for b in self.objects.values() if b"/Producer" in b and b"/Title" in b)


def read(path: str | Path) -> Pdf:
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF-")
    objects, streams = {}, {}
    for m in _OBJ.finditer(data):
        num, body = int(m.group(1)), m.group(2)
        if b"stream" in body:
            head, _, rest = body.partition(b"stream")
            raw = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0].rstrip(b"\r\n")
            if b"/FlateDecode" in head:
                raw = zlib.decompress(raw)
            streams[num] = raw
            body = head
        objects[num] = body
    return Pdf(objects, streams)


def pdf_text(value: bytes) -> str:
    """A PDF text string (``<FEFF…>`` or ``(…)``)."""
    value = value.strip()
    if value.startswith(b"<"):
        raw = bytes.fromhex(value[1:-1].decode())
        return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode()
    return value[1:-1].decode("latin-1")


def string_value(body: bytes, key: str) -> str | None:
    m = re.search(rb"/" + key.encode() + rb"\s*(<[0-9A-Fa-f]*>|\([^)]*\))", body)
    return pdf_text(m.group(1)) if m else None


def _to_unicode(pdf: Pdf, font: bytes) -> dict[int, str]:
    ref = pdf.ref(font, "ToUnicode")
    assert ref is not None, "font without ToUnicode"
    cmap = pdf.streams[ref].decode()
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for src, dst in re.findall(r"<([0-9A-F]+)>\s*<([0-9A-F]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    return out


_LITERAL_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def _literal(raw: str) -> bytes:
    """The bytes of a literal string's content (backslash escapes undone)."""
    out = re.sub(r"\\([0-7]{1,3}|.)", lambda m: chr(int(m.group(1), 8)) if m.group(1).isdigit()
                 else _LITERAL_ESCAPES.get(m.group(1), m.group(1)), raw, flags=re.DOTALL)
    return out.encode("latin-1")


@dataclass
class Run:
    """A string shown on a page: its text, text render mode (0 fill, 3 invisible), fill
    colour (0-1), font resource, and the ``/ActualText`` of the marked content around it."""

    text: str
    mode: int
    colour: tuple[float, float, float]
    font: str | None
    actual: str | None


# in a content stream: a marked content (with its ActualText), its end, a graphics state
# saved or restored, a fill colour, a text render mode, a font selection, a string shown
_CONTENT_OPS = re.compile(
    r"/\w+ <</MCID \d+(?: /ActualText <([0-9A-Fa-f]*)>)?>> BDC|(?<!\S)(EMC|q|Q)(?!\S)|"
    r"([\d.]+) ([\d.]+) ([\d.]+) rg|(\d) Tr|/(F\d+)\s+[\d.]+\s+Tf|"
    r"<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj", re.DOTALL)


def page_runs(pdf: Pdf) -> list[list[Run]]:
    """Each page's strings shown, in the order of its content stream."""
    out = []
    for body in pdf.objects.values():
        if not re.search(rb"/Type /Page\b(?!s)", body):
            continue
        res = pdf.ref(body, "Resources")
        resources = pdf.obj(res) if res is not None else body  # indirect or inline
        fonts = dict(re.findall(rb"/(F\d+) (\d+) 0 R", resources))
        maps = {name.decode(): _to_unicode(pdf, pdf.obj(ref)) for name, ref in fonts.items()}
        content = pdf.streams[pdf.ref(body, "Contents")].decode("latin-1")
        runs: list[Run] = []
        state: tuple[int, tuple[float, float, float]] = (0, (0.0, 0.0, 0.0))
        saved: list[tuple[int, tuple[float, float, float]]] = []
        font: str | None = None
        actual: list[str | None] = []
        for m in _CONTENT_OPS.finditer(content):
            op = m.group(2)
            if m.group(0).endswith("BDC"):
                actual.append(pdf_text(f"<{m.group(1)}>".encode()) if m.group(1) else None)
            elif op == "EMC":
                actual = actual[:-1]
            elif op == "q":
                saved.append(state)
            elif op == "Q":
                state = saved.pop()
            elif m.group(3):
                state = (state[0], (float(m.group(3)), float(m.group(4)), float(m.group(5))))
            elif m.group(6):
                state = (int(m.group(6)), state[1])
            elif m.group(7):
                font = m.group(7)
            else:
                raw = bytes.fromhex(m.group(8)) if m.group(8) is not None \
                    else _literal(m.group(9))
                gids = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]
                text = "".join(maps[font].get(g, "\ufffd") for g in gids) if font else ""
                runs.append(Run(text, state[0], state[1], font,
                                next((a for a in reversed(actual) if a), None)))
        out.append(runs)
    return out


def page_texts(pdf: Pdf) -> list[list[str]]:
    """Each page's text lines (one per string shown), in the order of its content stream."""
    return [[run.text for run in runs] for runs in page_runs(pdf)]


def images(pdf: Pdf) -> list[tuple[int, int]]:
    """The pixel size of every picture in the document."""
    return [(int(re.search(rb"/Width (\d+)", body).group(1)),
             int(re.search(rb"/Height (\d+)", body).group(1)))
            for body in pdf.objects.values() if b"/Subtype /Image" in body]


def embedded_fonts(pdf: Pdf) -> list[tuple[str, bool]]:
    """Every font of the document: its name and whether its program is embedded."""
    fonts = []
    for num, body in pdf.objects.items():
        if not re.search(rb"/Type /Font\b(?!Descriptor)", body):
            continue
        if b"/Subtype /Type0" in body:
            name = re.search(rb"/BaseFont /(\S+)", body).group(1).decode()
            cid = pdf.obj(re.search(rb"/DescendantFonts \[(\d+) 0 R", body).group(1))
            desc = pdf.obj(pdf.ref(cid, "FontDescriptor"))
            ref = pdf.ref(desc, "FontFile2") or pdf.ref(desc, "FontFile3")
            fonts.append((name, ref is not None and len(pdf.streams.get(ref, b"")) > 1000))
        elif b"/CIDFontType2" not in body:
            fonts.append((f"object {num}", False))
    return fonts


def structure(pdf: Pdf) -> list[tuple[str, str | None]]:
    """The structure elements under the document, in order: tag and alternative text."""
    root = pdf.obj(pdf.ref(pdf.catalog, "StructTreeRoot"))
    doc = pdf.obj(re.search(rb"/K \[(\d+) 0 R", root).group(1))
    kids = re.search(rb"/K \[([^\]]*)\]", doc).group(1)
    out = []
    for ref in re.findall(rb"(\d+) 0 R", kids):
        elem = pdf.obj(ref)
        tag = re.search(rb"/S /(\w+)", elem).group(1).decode()
        out.append((tag, string_value(elem, "Alt")))
    return out


@contextlib.contextmanager
def _qt_document(path: str | Path) -> Iterator[Any]:
    """The PDF opened by Qt's reader (PDFium), or None without QtPdf."""
    try:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtWidgets import QApplication
    except ImportError:
        yield None
        return
    # a QApplication (not a bare QGuiApplication) so that later widget tests can share it
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive
    doc = QPdfDocument()
    if doc.load(str(path)) != QPdfDocument.Error.None_:
        raise AssertionError(f"Qt cannot open {path}: {doc.status()}")
    try:
        yield doc
    finally:
        doc.close()


def qt_text(path: str | Path) -> list[str] | None:
    """Each page's text as Qt's PDF reader (PDFium) extracts it; None without QtPdf."""
    with _qt_document(path) as doc:
        if doc is None:
            return None
        texts = [doc.getAllText(i).text() for i in range(doc.pageCount())]
        return [str(doc.metaData(type(doc).MetaDataField.Title)), *texts]


def qt_render(path: str | Path, size: tuple[int, int], page: int = 0) -> np.ndarray | None:
    """A page as Qt's PDF reader (PDFium) draws it at ``size`` pixels, on white paper (RGB
    array); None without QtPdf."""
    with _qt_document(path) as doc:
        if doc is None:
            return None
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QImage

        image = doc.render(page, QSize(*size)).convertToFormat(QImage.Format.Format_ARGB32)
    w, h = size
    data = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine() // 4, 4)
    bgra = data[:, :w].astype(np.float32)
    alpha = bgra[..., 3:] / 255
    rgb = bgra[..., [2, 1, 0]] * alpha + 255 * (1 - alpha)
    return np.round(rgb).astype(np.uint8)
