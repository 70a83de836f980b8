"""The one exception long work raises when the user stops it, so the UI can tell a cancel from a
failure by type, whichever layer (reports, store) the work ran in."""

from __future__ import annotations


class Cancelled(Exception):
    """The user stopped the job; it wrote nothing."""
