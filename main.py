"""Entry point: `python main.py` opens the workbook; subcommands run headless jobs."""

import sys

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the built app: a worker process (trainer reports) starts here too
        import multiprocessing

        multiprocessing.freeze_support()
    from workbook.cli import main

    sys.exit(main())
