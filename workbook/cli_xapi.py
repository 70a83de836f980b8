"""xAPI subcommand: write the activity as xAPI 1.0.3 statements for a Learning Record Store."""

from __future__ import annotations

import argparse


def add_xapi_commands(commands, common: argparse.ArgumentParser,
                      content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    return {}
