"""Accessible PDF pages written by hand (no PDF library is a dependency): each page is its
picture (drawn by Pillow) plus a text layer in reading order, so that the document is
searchable and read by a screen reader (RGAA).

* the picture of the page is an *artifact*; the pictures inside it that carry meaning
  (photos, thumbnails) are drawn again on top as *figures* with their alternative text;
* every line of text is written in an embedded TrueType font (the charte's Arimo, with a
  ``ToUnicode`` map so that it can be copied and searched), invisible (render mode 3) and
  stretched to the width of the drawn line, so that selecting it highlights the drawn text;
* the document is tagged (structure tree: ``Document`` → ``H1``/``P``/``Figure``… in
  reading order, marked content, ``MarkInfo``), with its language (``/Lang fr-FR``), its
  title shown by readers (``DisplayDocTitle``), and the same in XMP metadata.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from PIL import Image

from mediakit.media.fonts import FONT_DIR

# the spaces a font may lack, and what stands for them (same width class, same meaning)
_SPACE_STANDINS = {"\u202f": " ", "\u2009": " ", "\u00a0": " ", "\u2011": "-"}


# -- the TrueType font ---------------------------------------------------------------------
@dataclass
class TrueType:
    """What a PDF needs of a TrueType font: its glyphs by character, widths, metrics."""

    name: str
    data: bytes
    units: int
    cmap: dict[int, int]
    advances: list[int]
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    italic_angle: float

    def glyph(self, char: str) -> int:
        gid = self.cmap.get(ord(char))
        if gid is None and char in _SPACE_STANDINS:
            gid = self.cmap.get(ord(_SPACE_STANDINS[char]))
        return gid or 0

    def width(self, gid: int) -> int:
        """Advance width in thousandths of the size."""
        adv = self.advances[min(gid, len(self.advances) - 1)] if self.advances else 0
        return round(adv * 1000 / self.units)

    def text_width(self, text: str) -> float:
        """Width of ``text`` in thousandths of the size."""
        return float(sum(self.width(self.glyph(c)) for c in text))


@cache
def load_truetype(path: str) -> TrueType:
    """Read the tables of a ``.ttf`` that a PDF needs (cmap, hmtx, head, hhea, OS/2, post)."""
    data = Path(path).read_bytes()
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = data[offset:offset + length]
    head, hhea, maxp = tables["head"], tables["hhea"], tables["maxp"]
    units = struct.unpack(">H", head[18:20])[0]
    bbox = struct.unpack(">hhhh", head[36:44])
    ascent, descent = struct.unpack(">hh", hhea[4:8])
    n_metrics = struct.unpack(">H", hhea[34:36])[0]
    n_glyphs = struct.unpack(">H", maxp[4:6])[0]
    hmtx = tables["hmtx"]
    advances = [struct.unpack(">H", hmtx[4 * i:4 * i + 2])[0] for i in range(n_metrics)]
    advances += [advances[-1]] * (n_glyphs - n_metrics)
    cap = ascent
    os2 = tables.get("OS/2", b"")
    if len(os2) >= 90 and struct.unpack(">H", os2[0:2])[0] >= 2:
        cap = struct.unpack(">h", os2[88:90])[0]
    post = tables.get("post", b"")
    italic = struct.unpack(">i", post[4:8])[0] / 65536 if len(post) >= 8 else 0.0
    return TrueType(_ps_name(tables.get("name", b""), Path(path).stem), data, units,
                    _cmap(tables["cmap"]), advances, bbox, ascent, descent, cap, italic)


def _ps_name(table: bytes, fallback: str) -> str:
    """The PostScript name (name id 6), or ``fallback``."""
    if len(table) < 6:
        return fallback
    count, strings = struct.unpack(">HH", table[2:6])
    for i in range(count):
        platform, _, _, name_id, length, offset = struct.unpack(
            ">HHHHHH", table[6 + 12 * i:18 + 12 * i])
        if name_id == 6:
            raw = table[strings + offset:strings + offset + length]
            text = raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
            return "".join(c for c in text if c.isalnum() or c in "-_") or fallback
    return fallback


def _cmap(table: bytes) -> dict[int, int]:
    """Character → glyph from the Unicode subtable (format 12, else 4)."""
    count = struct.unpack(">H", table[2:4])[0]
    subtables = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", table[4 + 8 * i:12 + 8 * i])
        subtables[(platform, encoding)] = offset
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
        if key not in subtables:
            continue
        off = subtables[key]
        fmt = struct.unpack(">H", table[off:off + 2])[0]
        if fmt == 12:
            n = struct.unpack(">I", table[off + 12:off + 16])[0]
            out = {}
            for g in range(n):
                start, end, gid = struct.unpack(">III", table[off + 16 + 12 * g:off + 28 + 12 * g])
                out.update({c: gid + c - start for c in range(start, end + 1)})
            return out
        if fmt == 4:
            segs = struct.unpack(">H", table[off + 6:off + 8])[0] // 2
            arr = struct.unpack(f">{segs * 4 + 1}H", table[off + 14:off + 16 + segs * 8])
            ends, starts = arr[:segs], arr[segs + 1:2 * segs + 1]
            deltas, ranges = arr[2 * segs + 1:3 * segs + 1], arr[3 * segs + 1:]
            ranges_at = off + 16 + segs * 6
            out = {}
            for s in range(segs):
                for c in range(starts[s], ends[s] + 1):
                    if c == 0xFFFF:
                        continue
                    if ranges[s] == 0:
                        gid = (c + deltas[s]) & 0xFFFF
                    else:
                        at = ranges_at + 2 * s + ranges[s] + 2 * (c - starts[s])
                        gid = struct.unpack(">H", table[at:at + 2])[0]
                        gid = (gid + deltas[s]) & 0xFFFF if gid else 0
                    if gid:
                        out[c] = gid
            return out
    raise ValueError("police sans table Unicode")


# tables a PDF reader needs of an embedded TrueType font (the rest: layout, kerning…)
_KEPT_TABLES = ("cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp",
                "name", "OS/2", "post", "prep")


def subset(data: bytes, glyphs: set[int]) -> bytes:
    """``data`` (a TrueType font) with only the outlines of ``glyphs`` (and the glyphs
    they are built of) kept; glyph numbers unchanged, the other outlines emptied."""
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = data[offset:offset + length]
    if "glyf" not in tables or "loca" not in tables:
        return data
    long_loca = struct.unpack(">h", tables["head"][50:52])[0] == 1
    n = struct.unpack(">H", tables["maxp"][4:6])[0]
    loca = (struct.unpack(f">{n + 1}I", tables["loca"][:4 * (n + 1)]) if long_loca else
            [2 * v for v in struct.unpack(f">{n + 1}H", tables["loca"][:2 * (n + 1)])])
    glyf = tables["glyf"]
    keep, todo = set(), [g for g in glyphs if 0 <= g < n]
    while todo:
        g = todo.pop()
        if g in keep:
            continue
        keep.add(g)
        outline = glyf[loca[g]:loca[g + 1]]
        if len(outline) >= 10 and struct.unpack(">h", outline[:2])[0] < 0:  # composite
            at = 10
            while at + 4 <= len(outline):
                flags, part = struct.unpack(">HH", outline[at:at + 4])
                todo.append(part)
                at += 4 + (4 if flags & 1 else 2)
                at += 8 if flags & 0x80 else 4 if flags & 0x40 else 2 if flags & 8 else 0
                if not flags & 0x20:
                    break
    new_glyf, offsets = bytearray(), []
    for g in range(n):
        offsets.append(len(new_glyf))
        if g in keep:
            new_glyf += glyf[loca[g]:loca[g + 1]]
            new_glyf += b"\0" * (-len(new_glyf) % 4)
    offsets.append(len(new_glyf))
    tables["glyf"] = bytes(new_glyf)
    tables["loca"] = struct.pack(f">{n + 1}I", *offsets)
    tables["head"] = tables["head"][:50] + struct.pack(">h", 1) + tables["head"][52:]
    kept = [t for t in sorted(tables) if t in _KEPT_TABLES]
    out = bytearray(struct.pack(">IHHHH", 0x00010000, len(kept), 0, 0, 0))
    offset = 12 + 16 * len(kept)
    body = bytearray()
    for tag in kept:
        table = tables[tag]
        out += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(table),
                           offset + len(body), len(table))
        body += table + b"\0" * (-len(table) % 4)
    return bytes(out + body)


def _checksum(table: bytes) -> int:
    padded = table + b"\0" * (-len(table) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def sans_path(bold: bool = False) -> str:
    """The charte's open sans (Arimo) as a file."""
    return str(FONT_DIR / ("Arimo-Bold.ttf" if bold else "Arimo-Regular.ttf"))


# -- what a page holds -------------------------------------------------------------------
@dataclass
class TextLine:
    """One drawn line of text, in the page picture's pixels: left edge, baseline, width,
    size. Consecutive lines with the same ``group`` form one structure element (``tag``:
    ``H1``, ``H2``, ``P``, ``Caption``…)."""

    text: str
    x: float
    baseline: float
    width: float
    size: float
    tag: str = "P"
    group: int | str = 0
    bold: bool = False


@dataclass
class Figure:
    """A meaningful picture inside the page (pixels ``x, y, w, h``) and its alternative text."""

    box: tuple[float, float, float, float]
    alt: str


@dataclass
class Page:
    """A page: its picture at ``dpi``, its text lines and figures in reading order."""

    image: Image.Image
    dpi: float
    lines: list[TextLine] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # reading order: figure i comes before the first line whose index is figures_at[i]
    figures_at: list[int] = field(default_factory=list)


# -- writing -------------------------------------------------------------------------------
def _pdf_string(text: str) -> bytes:
    """A text string: UTF-16BE with its byte order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _escape_xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


class _Writer:
    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def put(self, body: bytes, num: int | None = None) -> int:
        if num is None:
            num = self.reserve()
        self.objects[num - 1] = body
        return num

    def stream(self, head: bytes, data: bytes, compress: bool = True,
               num: int | None = None) -> int:
        if compress:
            data = zlib.compress(data, 6)
            head += b" /Filter /FlateDecode"
        return self.put(b"<< " + head + b" /Length " + str(len(data)).encode() + b" >>\nstream\n"
                        + data + b"\nendstream", num)

    def bytes(self, root: int, info: int) -> bytes:
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(self.objects, start=1):
            offsets.append(out.tell())
            out.write(f"{n} 0 obj\n".encode() + (body or b"null") + b"\nendobj\n")
        xref = out.tell()
        out.write(f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode())
        for off in offsets:
            out.write(f"{off:010d} 00000 n \n".encode())
        out.write(f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R"
                  f" >>\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


class _Font:
    """A font as used in the document: the glyphs used, for widths and ToUnicode."""

    def __init__(self, tt: TrueType, resource: str) -> None:
        self.tt, self.resource = tt, resource
        self.used: dict[int, str] = {}

    def encode(self, text: str) -> bytes:
        out = []
        for char in text:
            gid = self.tt.glyph(char)
            shown = _SPACE_STANDINS.get(char, char) if not self.tt.cmap.get(ord(char)) else char
            # a glyph shared by several characters (space, no-break space) reads as the plain one
            if gid not in self.used or ord(shown) < ord(self.used[gid][0]):
                self.used[gid] = shown
            out.append(struct.pack(">H", gid))
        return b"<" + b"".join(out).hex().upper().encode() + b">"

    def write(self, w: _Writer, num: int) -> int:
        tt = self.tt
        data = subset(tt.data, set(self.used) | {0})
        file_obj = w.stream(f"/Length1 {len(data)}".encode(), data)
        scale = 1000 / tt.units
        desc = w.put(
            f"<< /Type /FontDescriptor /FontName /{tt.name} /Flags 32 /FontBBox "
            f"[{' '.join(str(round(v * scale)) for v in tt.bbox)}] /ItalicAngle "
            f"{tt.italic_angle:g} /Ascent {round(tt.ascent * scale)} /Descent "
            f"{round(tt.descent * scale)} /CapHeight {round(tt.cap_height * scale)} /StemV 80 "
            f"/FontFile2 {file_obj} 0 R >>".encode())
        widths = " ".join(f"{g} [{tt.width(g)}]" for g in sorted(self.used))
        cid = w.put(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{tt.name} /CIDSystemInfo "
            f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
            f"{desc} 0 R /W [{widths}] /DW 1000 /CIDToGIDMap /Identity >>".encode())
        lines = [f"<{g:04X}> <{''.join(f'{u:04X}' for u in _utf16(c))}>"
                 for g, c in sorted(self.used.items())]
        chunks = [lines[i:i + 100] for i in range(0, len(lines), 100)] or [[]]
        cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                + "".join(f"{len(c)} beginbfchar\n" + "\n".join(c) + "\nendbfchar\n"
                          for c in chunks if c)
                + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        to_unicode = w.stream(b"", cmap.encode())
        return w.put(f"<< /Type /Font /Subtype /Type0 /BaseFont /{tt.name} /Encoding "
                     f"/Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R "
                     f">>".encode(), num)


def _utf16(char: str) -> list[int]:
    raw = char.encode("utf-16-be")
    return [struct.unpack(">H", raw[i:i + 2])[0] for i in range(0, len(raw), 2)]


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality, subsampling=0, optimize=True)
    return buf.getvalue()


def _image(w: _Writer, image: Image.Image, quality: int) -> int:
    return w.stream(f"/Type /XObject /Subtype /Image /Width {image.width} /Height "
                    f"{image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 "
                    f"/Filter /DCTDecode".encode(), _jpeg(image, quality), compress=False)


class _PageWriter:
    """One page's content stream, images and structure elements (MCIDs in order)."""

    def __init__(self, w: _Writer, page: Page, doc_elem: int, fonts: dict[bool, _Font],
                 quality: int) -> None:
        self.w, self.page, self.doc_elem, self.fonts, self.quality = (w, page, doc_elem, fonts,
                                                                      quality)
        self.k = 72 / page.dpi  # points per pixel
        self.pw, self.ph = page.image.width * self.k, page.image.height * self.k
        self.num = w.reserve()
        self.xobjects = {"Im0": _image(w, page.image, quality)}
        self.ops = [b"/Artifact BMC q",
                    f"{self.pw:.3f} 0 0 {self.ph:.3f} 0 0 cm /Im0 Do Q EMC".encode()]
        self.mcid = 0
        self.elems: list[int] = []  # structure elements in reading order
        self.by_mcid: list[int] = []  # the element of each marked content

    def element(self, tag: str, kids: list[int], extra: str = "") -> None:
        num = self.w.put(f"<< /Type /StructElem /S /{tag} /P {self.doc_elem} 0 R /Pg "
                         f"{self.num} 0 R /K [{' '.join(map(str, kids))}]{extra} >>".encode())
        self.elems.append(num)
        self.by_mcid.extend([num] * len(kids))

    def figure(self, fig: Figure) -> None:
        k = self.k
        x, y, fw, fh = (round(v) for v in fig.box)
        name = f"Im{len(self.xobjects)}"
        self.xobjects[name] = _image(self.w, self.page.image.crop((x, y, x + fw, y + fh)),
                                     self.quality)
        bx, by = x * k, self.ph - (y + fh) * k
        self.ops.append(f"/Figure <</MCID {self.mcid}>> BDC q {fw * k:.3f} 0 0 {fh * k:.3f} "
                        f"{bx:.3f} {by:.3f} cm /{name} Do Q EMC".encode())
        self.element("Figure", [self.mcid], f" /Alt {_pdf_string(fig.alt).decode()} /A << /O "
                     f"/Layout /BBox [{bx:.2f} {by:.2f} {bx + fw * k:.2f} {by + fh * k:.2f}] >>")
        self.mcid += 1

    def line(self, line: TextLine) -> int:
        font, k = self.fonts[line.bold], self.k
        size = line.size * k
        natural = font.tt.text_width(line.text) * size / 1000
        stretch = 100 * (line.width * k) / natural if natural > 0 else 100
        self.ops.append(f"/{line.tag} <</MCID {self.mcid}>> BDC BT 3 Tr /{font.resource} "
                        f"{size:.3f} Tf {stretch:.3f} Tz 1 0 0 1 {line.x * k:.3f} "
                        f"{self.ph - line.baseline * k:.3f} Tm ".encode()
                        + font.encode(line.text) + b" Tj ET EMC")
        self.mcid += 1
        return self.mcid - 1

    def write(self, pages_obj: int, index: int, font_objs: dict[bool, int]) -> str:
        page = self.page
        at = page.figures_at or [0] * len(page.figures)
        group: tuple[int | str, str] | None = None
        kids: list[int] = []
        for i, line in enumerate(page.lines):
            before = [f for f, n in zip(page.figures, at, strict=True) if n == i]
            if (before or group != (line.group, line.tag)) and kids and group:
                self.element(group[1], kids)
                kids = []
            for fig in before:
                self.figure(fig)
            group = (line.group, line.tag)
            kids.append(self.line(line))
        if kids and group:
            self.element(group[1], kids)
        for fig, n in zip(page.figures, at, strict=True):
            if n >= len(page.lines):
                self.figure(fig)
        content = self.w.stream(b"", b"\n".join(self.ops))
        xobjects = " ".join(f"/{n} {o} 0 R" for n, o in self.xobjects.items())
        self.w.put(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {self.pw:.3f} "
                   f"{self.ph:.3f}] /Resources << /Font << /F1 {font_objs[False]} 0 R /F2 "
                   f"{font_objs[True]} 0 R >> /XObject << {xobjects} >> >> /Contents {content} "
                   f"0 R /StructParents {index} /Tabs /S >>".encode(), self.num)
        return f"{index} [{' '.join(f'{e} 0 R' for e in self.by_mcid)}]"


def write_pdf(path: str | Path, pages: list[Page], *, title: str, lang: str = "fr-FR",
              author: str = "", subject: str = "", quality: int = 85) -> Path:
    """Write ``pages`` as a tagged PDF with a text layer (see the module's docstring)."""
    path = Path(path)
    w = _Writer()
    catalog, pages_obj, struct_root, doc_elem = (w.reserve() for _ in range(4))
    fonts = {False: _Font(load_truetype(sans_path(False)), "F1"),
             True: _Font(load_truetype(sans_path(True)), "F2")}
    font_objs = {bold: w.reserve() for bold in fonts}
    page_refs, elems, parent_tree = [], [], []
    for index, page in enumerate(pages):
        pwriter = _PageWriter(w, page, doc_elem, fonts, quality)
        parent_tree.append(pwriter.write(pages_obj, index, font_objs))
        page_refs.append(pwriter.num)
        elems += pwriter.elems
    for bold, font in fonts.items():
        font.write(w, font_objs[bold])
    w.put(f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_refs)}] "
          f"/Count {len(page_refs)} >>".encode(), pages_obj)
    w.put(f"<< /Type /StructElem /S /Document /P {struct_root} 0 R /Lang "
          f"{_pdf_string(lang).decode()} /K [{' '.join(f'{e} 0 R' for e in elems)}] >>".encode(),
          doc_elem)
    w.put(f"<< /Type /StructTreeRoot /K [{doc_elem} 0 R] /ParentTree << /Nums "
          f"[{' '.join(parent_tree)}] >> /ParentTreeNextKey {len(pages)} >>".encode(),
          struct_root)
    now = datetime.now(UTC)
    metadata = w.stream(b"/Type /Metadata /Subtype /XML", _xmp(title, lang, author, subject,
                                                               now).encode(), compress=False)
    w.put(f"<< /Type /Catalog /Pages {pages_obj} 0 R /Lang {_pdf_string(lang).decode()} "
          f"/MarkInfo << /Marked true >> /StructTreeRoot {struct_root} 0 R /ViewerPreferences "
          f"<< /DisplayDocTitle true >> /Metadata {metadata} 0 R >>".encode(), catalog)
    info = w.put(b"<< /Title " + _pdf_string(title) + b" /Author " + _pdf_string(author)
                 + b" /Subject " + _pdf_string(subject) + b" /Creator (mediakit) /Producer "
                 b"(mediakit) /CreationDate (" + now.strftime("D:%Y%m%d%H%M%SZ").encode()
                 + b") >>")
    path.write_bytes(w.bytes(catalog, info))
    return path


def _xmp(title: str, lang: str, author: str, subject: str, when: datetime) -> str:
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    t, a, s = _escape_xml(title), _escape_xml(author), _escape_xml(subject)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:language><rdf:Bag><rdf:li>{_escape_xml(lang)}</rdf:li></rdf:Bag></dc:language>'
        f'<dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{s}</rdf:li></rdf:Alt>'
        f'</dc:description><xmp:CreateDate>{iso}</xmp:CreateDate>'
        '<xmp:CreatorTool>mediakit</xmp:CreatorTool><pdf:Producer>mediakit</pdf:Producer>'
        '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>')
