"""What a certificate's record signs for an organisation's own logo: its size and pixels.

Kept apart from the page comparison (which needs pdfium) so issuing a certificate stays light.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def image_digest(width: int, height: int, rgb: bytes) -> str:
    """A digest of an image's size and RGB pixels."""
    return hashlib.sha256(f"{width}x{height}|".encode() + rgb).hexdigest()


def logo_file_digest(path: Path) -> str:
    """The digest of a logo file's pixels, as drawn (converted to RGB)."""
    from PIL import Image

    with Image.open(path) as image:
        rgb = image.convert("RGB")
        return image_digest(rgb.width, rgb.height, rgb.tobytes())
