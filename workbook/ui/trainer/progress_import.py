""""Import progress…" in the trainer views: many bundle files at once, off the GUI thread with a
progress bar, then a table that accounts for every file (rows added, already present, refused and
why).

A bundle signed by a PC this installation does not trust yet is offered for trust, showing the key
fingerprint first and then the PC's name as the bundle gives it (the trainer views are already behind
the passphrase); a bundle refused for an employee ID clash is offered for import merged into the local
profile. Either way the files are then imported again; everything else stands as the first pass left it.

Every name, file name and reason here comes from a file: it is shown as plain text (never HTML) and
through `printable` (one line, control and bidi characters as visible escapes), so it cannot fake or
hide the lines around it. Each profile merge an import records is named in the summary. A merge the
signing PC cannot speak for (`store/merge_vouching.py`) is not recorded unless the trainer says so:
each is asked about, naming both profiles and the PCs their progress came from; the default is no.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from msgspec.structs import replace
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.core.lookalike_signers import SAME_NAME, lookalikes
from workbook.core.outside_text import printable
from workbook.keys import CERTIFICATES, fingerprint, trust_key, trusted_key_list, trusted_keys
from workbook.store.bundle_merge import ImportResult, import_bundles
from workbook.store.bundles import BundleSigner
from workbook.store.learners import describe, get_learner
from workbook.store.merge_vouching import WithheldMerge, record_withheld
from workbook.store.merges import AppliedMerge, short_id
from workbook.store.row_provenance import summarized
from workbook.ui import dialogs
from workbook.ui.controllers.session import Session
from workbook.ui.i18n import translate
from workbook.ui.operations import Job, QueryOp
from workbook.ui.plain_text import plain_label

COLUMNS = (QT_TRANSLATE_NOOP("ImportSummary", "File"), QT_TRANSLATE_NOOP("ImportSummary", "Learner"),
           QT_TRANSLATE_NOOP("ImportSummary", "Rows added"),
           QT_TRANSLATE_NOOP("ImportSummary", "Already present"),
           QT_TRANSLATE_NOOP("ImportSummary", "Result"))


def merge_text(merge: AppliedMerge) -> str:
    """"Alex Moreno (f4698012) merged into Sam Taylor (ea74a080)", names shown literally (also in the
    status line after a sync ingest)."""
    def named(name: str | None, learner_id: str) -> str:
        if name is None:
            return translate("ImportSummary", "a profile not known here") + f" ({short_id(learner_id)})"
        return f"{printable(name)} ({short_id(learner_id)})"

    return translate("ImportSummary", "{away} merged into {into}").format(
        away=named(merge.from_name, merge.from_id), into=named(merge.into_name, merge.into_id))


class ImportSummary(QDialog):
    """One row per file: what it added, or why it was refused."""

    def __init__(self, parent: QWidget | None, results: list[ImportResult]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress imported"))
        self.resize(900, 420)
        added = sum(r.merged.added for r in results if r.merged is not None)
        refused = sum(r.refused for r in results)
        self.headline = QLabel(
            self.tr("%n file(s)", "", len(results)) + ": " + self.tr("%n row(s) added", "", added)
            + (self.tr(", {refused} refused (nothing from them was saved)").format(refused=refused) if refused
               else ""))
        merges = [m for r in results if r.merged is not None for m in r.merged.merges]
        # A merge changes whose progress counts for whom: named where the trainer reads first.
        self.merges_note = plain_label(
            self.tr("Profile merges recorded by this import (a merge cannot be undone):") + "\n"
            + "\n".join("\u2022 " + self.merge_text(merge) for merge in merges) if merges else "")
        self.merges_note.setWordWrap(True)
        self.merges_note.setVisible(bool(merges))
        withheld = [m for r in results if r.merged is not None for m in r.merged.withheld]
        self.withheld_note = plain_label(
            self.tr("Profile merges NOT recorded (the PC that signed them cannot speak for the profile "
                    "merged away; merge them on this PC if they are the same person):") + "\n"
            + "\n".join("\u2022 " + self.merge_text(m.applied()) for m in withheld) if withheld else "")
        self.withheld_note.setWordWrap(True)
        self.withheld_note.setVisible(bool(withheld))
        waiting = [m for r in results if r.merged is not None for m in r.merged.waiting]
        self.waiting_note = plain_label(
            self.tr("Profile merges waiting (the profile merged away has no activity here yet; each is "
                    "recorded when its rows arrive from the PC that signed it):") + "\n"
            + "\n".join("\u2022 " + self.merge_text(m) for m in waiting) if waiting else "")
        self.waiting_note.setWordWrap(True)
        self.waiting_note.setVisible(bool(waiting))
        self.table = QTableWidget(len(results), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Files imported"))
        for number, result in enumerate(results):
            for column, value in enumerate(self.summary_row(result)):
                self.table.setItem(number, column, QTableWidgetItem(value))
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.merges_note)
        layout.addWidget(self.withheld_note)
        layout.addWidget(self.waiting_note)
        layout.addWidget(self.table, 1)

    def merge_text(self, merge: AppliedMerge) -> str:
        return merge_text(merge)

    def summary_row(self, result: ImportResult) -> tuple[str, str, str, str, str]:
        merged = result.merged
        file_name = printable(result.path.name)
        if merged is None:
            refused = self.tr("refused: {reason}").format(reason=printable(result.reason))
            return (file_name, "", "", "", refused)
        if merged.learners_created:
            outcome = self.tr("new profile")
        elif merged.display_name != merged.bundle_name:
            outcome = self.tr("existing profile, named '{name}' here").format(
                name=printable(merged.display_name))
        else:
            outcome = self.tr("existing profile")
        if merged.merges_added:
            outcome += "; " + self.tr("%n profile merge(s)", "", merged.merges_added)
            if merged.merges:
                outcome += ": " + "; ".join(self.merge_text(merge) for merge in merged.merges)
        for line in summarized(merged.refused):  # kept aside, with the PC that sent them: who tried what
            outcome += "; " + self.tr("refused: {reason}").format(reason=printable(line))
        if merged.device_warning:
            outcome += "; " + printable(merged.device_warning)
        return (file_name, printable(merged.bundle_name), str(merged.added), str(merged.already_present),
                outcome)


class TrainerImport(QObject):
    def __init__(self, session: Session, changed: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.changed = changed
        self.running: QueryOp | None = None  # tests wait on it
        self.summary: ImportSummary | None = None
        self._offered: set[str | Path] = set()  # keys and files already asked about in this import

    def start(self) -> None:
        chosen = dialogs.ask_open_paths(self.session.window, self.tr("Import progress bundles"),
                                        self.tr("Progress bundles (*.zip);;All files (*)"))
        if chosen:
            self.run([Path(name) for name in chosen])

    def run(self, paths: list[Path], merge_into: dict[Path, str] | None = None,
            earlier: dict[Path, ImportResult] | None = None) -> None:
        if earlier is None:  # a new import: ask afresh
            self._offered = set()
        trusted = trusted_keys(self.session.data_dir)
        authorities = set(trusted_keys(self.session.data_dir, CERTIFICATES))

        def work(job: Job) -> list[ImportResult]:
            return import_bundles(paths, trusted, merge_into, authorities=authorities,
                                  progress=lambda done: job.progress(done, len(paths)))

        self.running = QueryOp(self.session.window, work, lambda results: self._imported(results, earlier),
                               progress=self.tr("Importing progress")).start()

    def _imported(self, results: list[ImportResult], earlier: dict[Path, ImportResult] | None) -> None:
        combined = {**(earlier or {}), **{result.path: result for result in results}}
        retry, merge_into = self._offers(results)  # each asked once: a "no" stays refused
        if retry:
            self.run(retry, merge_into, combined)
            return
        combined = {path: self._decide_withheld(result) for path, result in combined.items()}
        self.summary = ImportSummary(self.session.window, list(combined.values()))
        self.summary.open()
        self.changed()

    def _decide_withheld(self, result: ImportResult) -> ImportResult:
        """Ask about each merge the file carried that its PC cannot vouch for; record those the
        trainer accepts. The result then lists them as recorded, the others as withheld."""
        merged = result.merged
        if merged is None or not merged.withheld:
            return result
        recorded, still = list(merged.merges), []
        for merge in merged.withheld:
            if merge.record["id"] in self._offered or not self.offer_withheld_merge(merge):
                self._offered.add(merge.record["id"])
                still.append(merge)
                continue
            self._offered.add(merge.record["id"])
            applied = record_withheld(merge)
            if applied is None:
                still.append(merge)
            else:
                recorded.append(applied)
        return replace(result, merged=replace(merged, merges=tuple(recorded), withheld=tuple(still),
                                              merges_added=merged.merges_added + len(recorded)
                                              - len(merged.merges)))

    def offer_withheld_merge(self, merge: WithheldMerge) -> bool:
        """Ask whether to record a merge its signing PC cannot vouch for; Cancel (do not merge) is the
        default. Names both profiles, where their progress came from, and the PC that signed it."""
        def sources(found) -> str:
            return "\n".join("  \u2022 " + printable(source.text()) for source in found) or \
                "  \u2022 " + self.tr("no activity here")

        text = self.tr(
            "A progress file asks to record: {merge}.\n\nIt was signed by the PC '{pc}' (key {fingerprint}), "
            "but the progress of the profile it merges away did not all come from that PC:\n{away}:\n"
            "{away_sources}\n{into}:\n{into_sources}\n\nA learner can make a profile with a colleague's "
            "id on their own PC and merge it into themselves to take that colleague's progress. Record "
            "this merge only if you know both profiles are the same person; a merge cannot be undone."
        ).format(merge=self.merge_text(merge.applied()), pc=printable(merge.signer_pc),
                 fingerprint=merge.signer_fingerprint,
                 away=printable(merge.from_name or merge.from_id), away_sources=sources(merge.from_sources),
                 into=printable(merge.into_name or merge.into_id), into_sources=sources(merge.into_sources))
        return dialogs.confirm(self.session.window, self.tr("Record this profile merge?"), text,
                               self.tr("Merge anyway"))

    def merge_text(self, merge: AppliedMerge) -> str:
        return merge_text(merge)

    def _offers(self, results: list[ImportResult]) -> tuple[list[Path], dict[Path, str]]:
        retry: list[Path] = []
        signers: dict[str, BundleSigner] = {}
        for result in results:
            if result.untrusted is not None:
                signers.setdefault(result.untrusted.key_id, result.untrusted)
        for signer in signers.values():
            if signer.key_id in self._offered:
                continue
            self._offered.add(signer.key_id)
            if self.offer_trust(signer):
                trust_key(signer.public(), self.session.data_dir, signer.installation)
                retry += [r.path for r in results
                          if r.untrusted is not None and r.untrusted.key_id == signer.key_id]
        merge_into: dict[Path, str] = {}
        for result in results:
            local = get_learner(result.conflict_with) if result.conflict_with else None
            if local is None or result.path in self._offered:
                continue
            self._offered.add(result.path)
            if self.offer_merge(result, local):
                merge_into[result.path] = local.id
                retry.append(result.path)
        return retry, merge_into

    def offer_trust(self, signer: BundleSigner) -> bool:
        """Ask whether to trust the PC that signed a bundle: the fingerprint first, then the name the
        bundle gives (plain text, one line: it cannot draw a fake fingerprint or hide the real one),
        and a warning when it looks like a PC already trusted here."""
        text = self.tr("Some files were signed by a PC this installation does not trust yet.\n\n"
                       "Key fingerprint: {fingerprint}\nPC name, as the files give it: {pc}\n\n"
                       "Trust it only if this fingerprint is the one shown on one of your learner PCs: the "
                       "name proves nothing. Its bundles are then imported, now and later.").format(
                           pc=printable(signer.installation), fingerprint=signer.fingerprint)
        return dialogs.confirm(self.session.window, self.tr("Trust this PC?"),
                               text + "".join("\n\n" + line for line in self.lookalike_warnings(signer)),
                               self.tr("Trust and import"))

    def lookalike_warnings(self, signer: BundleSigner) -> list[str]:
        """A PC already trusted here with the same name, or whose fingerprint the name quotes."""
        trusted = [(entry.key_id, entry.name) for entry in trusted_key_list(self.session.data_dir)]
        warnings = []
        for lookalike in lookalikes(signer.installation, signer.key_id, trusted):
            other = {"name": printable(lookalike.name), "other": fingerprint(lookalike.key_id)}
            warnings.append(
                self.tr("Warning: a PC already trusted here, \u201c{name}\u201d (key {other}), has the same "
                        "name: this may be a copy of its name.").format(**other)
                if lookalike.kind == SAME_NAME else
                self.tr("Warning: the name quotes the fingerprint of \u201c{name}\u201d (key {other}), a PC "
                        "already trusted here; this PC's own fingerprint is {fingerprint}.").format(
                            fingerprint=signer.fingerprint, **other))
        return warnings

    def offer_merge(self, result: ImportResult, local) -> bool:
        """Ask whether a bundle refused for an employee ID clash is the local profile's person."""
        return dialogs.confirm(
            self.session.window, self.tr("Same person?"),
            self.tr("{file} was refused: {reason}.\n\nImport it merged into {name} ({who})? Both histories "
                    "then count as one person's; a merge cannot be undone.").format(
                        file=printable(result.path.name), reason=printable(result.reason),
                        name=printable(local.display_name), who=printable(describe(local))),
            self.tr("Import and merge"))
