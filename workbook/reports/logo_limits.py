"""How large a logo a certificate may carry: verification reads no certificate over 8 MB
(reports/verify.MAX_FILE_BYTES), and a PNG logo is stored as its pixels, so a photograph too large
would make every certificate issued with it unverifiable."""

from __future__ import annotations

from pathlib import Path

MAX_LOGO_SIDE = 1600  # pixels: printed a few centimeters wide, a logo needs far fewer
MAX_LOGO_BYTES = 3 * 1024 * 1024


def logo_problem(path: Path, size: tuple[int, int] | None) -> str | None:
    """Why this file cannot be a certificate's logo, or None; `size` is its (width, height) in
    pixels, or None when it could not be read as an image."""
    if not path.is_file():
        return f"{path}: no such file"
    if size is None or min(size) <= 0:
        return f"{path.name}: not a PNG or JPEG image this workbook can read"
    if path.stat().st_size > MAX_LOGO_BYTES:
        return (f"{path.name} is {path.stat().st_size / 1024 / 1024:.1f} MB; a logo may be at most "
                f"{MAX_LOGO_BYTES // (1024 * 1024)} MB (certificates carrying it must stay verifiable)")
    if max(size) > MAX_LOGO_SIDE:
        return (f"{path.name} is {size[0]} x {size[1]} pixels; a logo may be at most {MAX_LOGO_SIDE} pixels "
                "on its longer side (scale it down in an image editor)")
    return None
