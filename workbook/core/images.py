"""Where lesson images are found; kept apart from the loader so the UI can use it cheaply."""

from __future__ import annotations

from pathlib import Path


def default_assets_dir(content_root: Path) -> Path:
    """Images live in `assets/` beside the content folder; a trainer's own folder with none beside it
    uses the assets shipped with the app (the icon and fonts are always there)."""
    beside = Path(content_root).resolve().parent / "assets"
    if beside.is_dir():
        return beside
    from workbook.paths import bundled_assets_dir

    return bundled_assets_dir()


def resolve_image(source: str, folder: Path, assets: Path) -> Path | None:
    """Find an image named in Markdown: the module folder first, then `assets/`."""
    if not source or "://" in source or source.startswith("/"):
        return None
    for base in (folder, assets):
        try:
            candidate = (base / source).resolve()
            if candidate.is_file() and candidate.is_relative_to(base.resolve()):
                return candidate
        except (OSError, RuntimeError):  # a symlink loop or an unreadable folder: not found
            continue
    return None
