"""Draw the platform icons from assets/icon.svg: packaging/icon.ico (Windows) and packaging/icon.icns
(macOS). The outputs are committed; run this again only when the SVG changes:

    python packaging/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "assets" / "icon.svg"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """One square rendering, anti-aliased, as a Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG}: not a valid SVG", file=sys.stderr)
        return 1
    largest = render(renderer, 1024)
    sized = {size: render(renderer, size) for size in ICO_SIZES}
    sized[256].save(HERE / "icon.ico", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=[sized[s] for s in ICO_SIZES if s != 256])
    largest.save(HERE / "icon.icns", sizes=[(s, s) for s in ICNS_SIZES])
    print(f"wrote {HERE / 'icon.ico'} and {HERE / 'icon.icns'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
