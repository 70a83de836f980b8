"""Where things live: the per-user data folder, the bundled content and assets."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "WORKBOOK_DATA_DIR"
DATABASE_NAME = "workbook.sqlite"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """`--data-dir` wins, then `WORKBOOK_DATA_DIR`, then the platform's per-user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir  # only when needed: it is 7 ms of start-up

    return Path(user_data_dir("difficult-calls-workbook", appauthor=False))


DATABASE_URL_ENV = "WORKBOOK_DATABASE_URL"
SERVER_SCHEMES = ("postgresql", "postgres")


def resolve_database_url(explicit: str | None = None) -> str | None:
    """`--database URL` wins, then `WORKBOOK_DATABASE_URL`; None means the SQLite file in the data
    folder (the default, which needs nothing set up)."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or None


def is_server_url(url: str | None) -> bool:
    return bool(url) and url.split(":", 1)[0] in SERVER_SCHEMES


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def walk_cache_path(data_dir: Path) -> Path:
    """Which practice-call scripts already passed the exhaustive walk (safe to delete)."""
    return data_dir / "cache" / "call-walks.json"


def parse_cache_path(data_dir: Path) -> Path:
    """Content YAML files already parsed, by a digest of their text (safe to delete)."""
    return data_dir / "cache" / "parsed-yaml.pickle"


def content_cache_path(data_dir: Path, content_root: Path) -> Path:
    """The last library loaded from `content_root`, to skip reading it again (safe to delete)."""
    import hashlib

    folder = hashlib.sha256(str(Path(content_root).resolve()).encode()).hexdigest()[:16]
    return data_dir / "cache" / f"content-{folder}.pickle"


def bundled_content_dir() -> Path:
    """The `lessons/` folder shipped with the app."""
    return _bundled("lessons")


def bundled_assets_dir() -> Path:
    """The `assets/` folder (icon, fonts, images) shipped with the app."""
    return _bundled("assets")


def _bundled(name: str) -> Path:
    """A wheel or a frozen build carries the folder inside the package (`workbook/lessons`); a source
    checkout or an editable install keeps it at the top of the repository."""
    packaged = _PROJECT_ROOT / "workbook" / name  # the package's own folder, as importlib.resources
    if packaged.is_dir():  # finds it (importing that costs every start a few ms)
        return packaged
    return _PROJECT_ROOT / name
