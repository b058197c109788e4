"""Safe image loading: size limits, truncation, HEIC, EXIF orientation."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from mediakit.errors import MediaError

MAX_PIXELS = 100_000_000  # refuse decompression bombs above 100 megapixels

ImageFile.LOAD_TRUNCATED_IMAGES = False
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

_heif_ready = False


def _register_heif() -> None:
    global _heif_ready
    if not _heif_ready:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # pragma: no cover - optional at run time
            pass
        _heif_ready = True


def open_image(path: str | Path) -> Image.Image:
    """Open and fully decode an image file, or raise MediaError with a one-line reason.

    The returned image is as stored (no orientation applied); its ``info``/``getexif()``
    keep the metadata.
    """
    _register_heif()
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            raise MediaError(path, "fichier vide (0 octet)")
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise MediaError(path, f"image trop grande ({width}×{height} = "
                                       f"{width * height / 1e6:.0f} Mpx, limite "
                                       f"{MAX_PIXELS // 1_000_000} Mpx)")
            img.load()
    except MediaError:
        raise
    except PermissionError as exc:
        raise MediaError(path, "lecture interdite (permissions)") from exc
    except FileNotFoundError as exc:
        raise MediaError(path, "fichier introuvable") from exc
    except UnidentifiedImageError as exc:
        raise MediaError(path, "n'est pas une image lisible (format inconnu ou contenu invalide)") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaError(path, f"image trop grande (plus de {MAX_PIXELS // 1_000_000} Mpx)") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        msg = str(exc).lower()
        if "truncated" in msg or "premature" in msg or "broken data" in msg:
            raise MediaError(path, "image tronquée (fichier incomplet)") from exc
        raise MediaError(path, f"image illisible ({exc})") from exc
    return img


def load_oriented_rgb(path: str | Path) -> tuple[Image.Image, Image.Image]:
    """Return ``(original, oriented)``: the decoded file and an RGB copy with EXIF orientation
    applied, i.e. the picture the viewer sees (detection and masks work on that one)."""
    img = open_image(path)
    oriented = ImageOps.exif_transpose(img)
    if oriented.mode != "RGB":
        oriented = to_rgb(oriented)
    return img, oriented


def to_rgb(img: Image.Image) -> Image.Image:
    """Convert to RGB, compositing transparency over white."""
    if img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if img.mode == "I;16" or img.mode.startswith("I;16"):
        return img.point(lambda v: v / 256).convert("RGB")
    return img.convert("RGB")
