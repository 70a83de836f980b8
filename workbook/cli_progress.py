"""Progress bundle subcommands: export one learner's activity, import bundles from other machines."""

from __future__ import annotations

import argparse


def add_progress_commands(commands, common: argparse.ArgumentParser,
                          content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    return {}
