"""Take an organisation's logo back out of a certificate page, as a file the page can be drawn with
again, so that verification can check it against the digest the signed record holds.

A JPEG logo is stored in the PDF as the file's own bytes: they are written back unchanged (decoding
and re-encoding would change its pixels). Any other logo is stored as pixels plus, for a PNG with
transparency, a soft mask: pdfium gives the pixels, and the mask is read back by drawing the image
alone at its own resolution.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

MAX_LOGO_PIXELS = 5000 * 5000  # far more than any logo; keeps a hostile image from filling memory


def extract_logo(document: pdfium.PdfDocument, folder: Path) -> Path | None:
    """The one image on the first page saved into `folder`, or None when the page does not hold
    exactly one image or it cannot be read back."""
    import pypdfium2.raw as raw

    page = document[0]
    try:
        images = list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)))
        if len(images) != 1:
            return None
        image = images[0]
        width, height = image.get_px_size()
        if width * height > MAX_LOGO_PIXELS:
            return None
        if image.get_filters(skip_simple=True) == ["DCTDecode"]:
            target = folder / "logo.jpg"
            target.write_bytes(bytes(image.get_data(decode_simple=True)))
            return target
        return _save_png(image, folder / "logo.png")
    except Exception:  # pdfium's errors on a damaged image: the logo cannot match its digest
        return None
    finally:
        page.close()


def _save_png(image, target: Path) -> Path:
    pixels = image.get_bitmap(render=False).to_pil().convert("RGB")
    drawn = image.get_bitmap(render=True).to_pil()  # the image alone, its soft mask applied
    if drawn.mode == "RGBA":
        alpha = drawn.getchannel("A")
        if alpha.size != pixels.size:
            alpha = alpha.resize(pixels.size)
        if alpha.getextrema()[0] < 255:
            pixels.putalpha(alpha)
    pixels.save(target, format="PNG")
    return target
