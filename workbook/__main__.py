"""`python -m workbook`: the same as the `workbook` command."""

import sys

from workbook.cli import main

if __name__ == "__main__":
    sys.exit(main())
