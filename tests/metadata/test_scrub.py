import json
import subprocess

import numpy as np
import piexif
from PIL import Image, PngImagePlugin

from mediakit.metadata.inspect import identifying_metadata
from mediakit.metadata.scrub import save_clean
from tests.conftest import require

XMP = (b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
       b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
       b"xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='48,51.0N'/>"
       b"</rdf:RDF></x:xmpmeta>")
IPTC = (b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0e"
        b"\x1c\x02\x50\x00\x0aJean Dupont")  # By-line


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def make_identifying_jpeg(path):
    """A JPEG carrying GPS, serials, owner, maker note, XMP, IPTC, comment and a thumbnail."""
    thumb_img = Image.fromarray(np.full((40, 60, 3), 200, np.uint8))
    import io
    buf = io.BytesIO()
    thumb_img.save(buf, "JPEG")
    exif = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"EOS R6",
                piexif.ImageIFD.Artist: b"Agent X", piexif.ImageIFD.ImageDescription: b"op"},
        "Exif": {piexif.ExifIFD.BodySerialNumber: b"0123456789",
                 piexif.ExifIFD.LensSerialNumber: b"LS42",
                 piexif.ExifIFD.CameraOwnerName: b"Brigade",
                 piexif.ExifIFD.MakerNote: b"secret-maker-note",
                 piexif.ExifIFD.DateTimeOriginal: b"2026:05:14 09:30:00"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((48, 1), (51, 1), (0, 1)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((2, 1), (21, 1), (0, 1))},
        "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0,
                piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
        "thumbnail": buf.getvalue()})
    img = Image.fromarray(np.random.default_rng(0).integers(0, 255, (120, 160, 3), np.uint8))
    img.save(path, "JPEG", exif=exif, comment=b"prise par l'agent X")
    data = path.read_bytes()
    data = data[:2] + _segment(0xE1, XMP) + _segment(0xED, IPTC) + data[2:]
    path.write_bytes(data)
    return path


def test_inspect_finds_every_category(tmp_path):
    src = make_identifying_jpeg(tmp_path / "src.jpg")
    found = identifying_metadata(src)
    for key in ("gps", "serial", "owner", "person", "device", "maker_note", "comment",
                "thumbnail", "xmp", "iptc", "date"):
        assert key in found, key


def test_clean_copy_has_nothing_identifying_per_exiftool(tmp_path):
    exiftool = require("exiftool")
    src = make_identifying_jpeg(tmp_path / "src.jpg")
    before = json.loads(subprocess.run([exiftool, "-j", "-a", "-G1", str(src)],
                                       capture_output=True, check=True).stdout)[0]
    assert any(k.startswith("GPS") for k in before) and "IFD1:ThumbnailLength" in before
    img = Image.open(src)
    out = save_clean(img.convert("RGB"), tmp_path / "out.jpg", credit="Préfecture de police",
                     copyright_="© Préfecture")
    tags = json.loads(subprocess.run([exiftool, "-j", "-a", "-G1", str(out)],
                                     capture_output=True, check=True).stdout)[0]
    groups = {k.split(":")[0] for k in tags if ":" in k}
    assert not {"GPS", "XMP-x", "XMP-exif", "IPTC", "Photoshop", "IFD1", "MakerNotes",
                "Canon"} & groups, groups
    text = json.dumps(tags)
    for needle in ("0123456789", "LS42", "Brigade", "Agent X", "Canon", "secret", "48 deg"):
        assert needle not in text, needle
    assert tags.get("IFD0:Artist") == "Préfecture de police"
    assert identifying_metadata(out).keys() <= {"person"}  # only the configured credit


def test_png_text_chunks_dropped_icc_kept(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Agent X")
    info.add_text("Location", "48.85,2.35")
    src = tmp_path / "src.png"
    from PIL import ImageCms
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (40, 30), "red").save(src, pnginfo=info, icc_profile=icc)
    assert identifying_metadata(src)["png_text"] == ["Author", "Location"]
    img = Image.open(src)
    out = save_clean(img, tmp_path / "out.png", icc_profile=img.info["icc_profile"])
    again = Image.open(out)
    assert not getattr(again, "text", {})
    assert again.info.get("icc_profile") == icc
