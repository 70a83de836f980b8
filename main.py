"""Entry point: `python main.py` opens the workbook; subcommands run headless jobs."""

import sys

from workbook.cli import main

if __name__ == "__main__":
    sys.exit(main())
