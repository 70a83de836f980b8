"""One store write from the UI: run it, say in the status bar whether it was saved, and hand back a
typed result that the caller checks before it goes on.

Call it with the store function itself and its arguments, `write(window, data_dir,
notes.add_note, learner_id, module_id, section_id, body)`, so a reader can follow the call to the
function that writes the row. Every store write is one transaction, so a failure leaves earlier
progress as it was; the learner is told why and carries on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from msgspec import Struct

from workbook.store.connection import StoreError, describe_store_error, is_locked
from workbook.ui import dialogs
from workbook.ui.i18n import translate

if TYPE_CHECKING:
    from pathlib import Path

    from workbook.ui.main_window import MainWindow

T = TypeVar("T")

SAVED_TEXT = "\u2714 Progress saved"  # in English; the status bar shows these in the interface language
NOT_SAVED_TEXT = "\u26a0 Progress not saved"


class Saved(Struct, Generic[T], frozen=True):
    """The write reached the database; `value` is what the store function returned."""

    value: T

    def __bool__(self) -> Literal[True]:
        return True


class NotSaved(Struct, frozen=True):
    """The write did not happen; the user has already been told why."""

    error: Exception

    def __bool__(self) -> Literal[False]:
        return False


StoreResult = Saved[T] | NotSaved


def write(window: MainWindow, data_dir: Path, change: Callable[..., T], *args: Any,
          refuses: tuple[type[Exception], ...] = (), refusal_title: str | None = None,
          announce: bool = True) -> Saved[T] | NotSaved:
    """`change(*args)` as a `Saved` result, or `NotSaved` after showing why.

    A `StoreError` (disk full, database held by another program) is a failure to save and says
    where the data lives; an exception in `refuses` is the store turning the input down (a note
    too long, a cohort name taken) and is shown as its own message under `refusal_title`.
    """
    try:
        value = change(*args)
    except StoreError as error:
        window.save_status.setText("\u26a0 " + translate("StoreOp", "Progress not saved"))
        reason = describe_store_error(error, data_dir)
        if is_locked(error):  # not the disk: saying "check free disk space" would send them astray
            text = translate("StoreOp", "This step could not be saved: {reason}.\n\nEarlier progress is "
                                        "safe. Close that program, then try the step again.")
        else:
            text = translate("StoreOp", "The last step could not be saved: {reason}.\n\n"
                                        "Earlier progress is safe. Check free disk space and that no other "
                                        "program holds the database, then carry on.")
        dialogs.show_error(window, translate("StoreOp", "Progress not saved"), text.format(reason=reason))
        return NotSaved(error)
    except refuses as refusal:
        dialogs.show_error(window, refusal_title or translate("StoreOp", "Not saved"), str(refusal))
        return NotSaved(refusal)
    if announce:  # a remembered setting (the last profile, the zoom) is not the learner's progress
        window.save_status.setText("\u2714 " + translate("StoreOp", "Progress saved"))
        window.progress_saved.emit()
    return Saved(value)
