"""`make wheelhouse`: every wheel the app needs to run, pinned with hashes, for an offline install.

    python packaging/wheelhouse.py [--platform win_amd64 --python-version 3.11] [--out wheelhouse]

pip resolves the app's pinned dependencies (a dry run with a JSON report, which carries each file's
sha256 from the index), downloads exactly those files with --require-hashes, builds the app's own
wheel beside them and writes wheelhouse/requirements.txt with a hash on every line. On the offline
PC (the same OS and Python as the wheelhouse was made for):

    python -m venv workbook-env
    workbook-env/bin/pip install --no-index --find-links wheelhouse --require-hashes \\
        -r wheelhouse/requirements.txt          (Windows: workbook-env\\Scripts\\pip ...)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pip(*arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *arguments], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "wheelhouse"),
                        help="folder to fill (default: wheelhouse/)")
    parser.add_argument("--platform",
                        help="pip platform tag for another OS, e.g. win_amd64, macosx_11_0_arm64")
    parser.add_argument("--python-version", default=f"{sys.version_info.major}.{sys.version_info.minor}")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = ["--only-binary=:all:", "--python-version", args.python_version, "--platform", args.platform] \
        if args.platform else []
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT))
        own = max(out.glob("difficult_calls_workbook-*.whl"), key=lambda p: p.stat().st_mtime)
        pip("install", "--quiet", "--dry-run", "--ignore-installed", *target, "--report", str(report),
            str(own))
        chosen = json.loads(report.read_text(encoding="utf-8"))["install"]
    lines = []
    for item in chosen:
        name, version = item["metadata"]["name"], item["metadata"]["version"]
        hashes = item["download_info"].get("archive_info", {}).get("hashes", {})
        if "sha256" not in hashes:
            hash_line = subprocess.run([sys.executable, "-m", "pip", "hash", str(own)], check=True,
                                       capture_output=True, text=True).stdout.split()[-1]
            lines.append(f"{name}=={version} {hash_line}")
        else:
            lines.append(f"{name}=={version} --hash=sha256:{hashes['sha256']}")
    requirements = out / "requirements.txt"
    requirements.write_text("# Made by packaging/wheelhouse.py: install with --no-index --find-links "
                            "wheelhouse --require-hashes\n" + "\n".join(sorted(lines, key=str.lower)) + "\n",
                            encoding="utf-8")
    pip("download", "--quiet", "--no-deps", "--require-hashes", *target, "--dest", str(out),
        "--find-links", str(out), "-r", str(requirements))
    print(f"{len(lines)} wheels, each pinned with its sha256, in {out}; requirements: {requirements}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
