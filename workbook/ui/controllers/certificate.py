"""The learner's certificate: issued into the data folder, previewed with "Save as…"; the
certificate settings (organization, signer, logo) from the File menu, behind the trainer passphrase:
what every certificate prints is the trainer's to set, never a learner's; and File > Verify a
certificate, for the PDF a learner emails back (the same checks as `workbook verify-certificate`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from workbook.reports import issue
from workbook.store import learners
from workbook.store.connection import StoreError
from workbook.ui import certificate_dialog, certificate_settings_dialog, dialogs
from workbook.ui.controllers.session import Session
from workbook.ui.operations import QueryOp
from workbook.ui.requirement_text import requirement_line


class CertificateController(QObject):
    def __init__(self, session: Session, home: Callable[[], None],
                 trainer_unlock: Callable[[], bool] = lambda: True) -> None:
        super().__init__(session.window)
        self.session = session
        self._home = home
        self._trainer_unlock = trainer_unlock
        self.running: QueryOp | None = None  # the certificate being drawn (tests wait on it)

    def issue(self) -> None:
        """Reopen the learner's certificate if one was issued and its file is still there; otherwise
        issue one into the data folder off the GUI thread (drawing the PDF loads reportlab and takes
        a moment). Either way it is previewed with "Save as…"."""
        if self.running is not None and not self.running.done:
            return  # a second click while the first certificate is drawn
        library, data_dir, learner_id = self.session.library, self.session.data_dir, self.session.learner_id
        learner = learners.get_learner(learner_id)
        folder = data_dir / "certificates"
        for issued in issue.issued_certificates(learner_id):  # newest first
            if issued.file and (folder / issued.file).is_file():
                certificate_dialog.show_certificate(self.session.window, folder / issued.file,
                                                    issued.certificate_id, learner.display_name)
                return
        folder.mkdir(parents=True, exist_ok=True)
        stem = "".join(ch if ch.isalnum() else "-" for ch in learner.display_name).strip("-") or "learner"
        target = folder / f"certificate-{stem}.pdf"
        number = 2
        while target.exists():
            target = folder / f"certificate-{stem}-{number}.pdf"
            number += 1
        self.running = QueryOp(
            self.session.window, lambda job: issue.issue_certificate(library, learner_id, data_dir, target),
            lambda issued: self._issued(issued, learner.display_name),
            lambda error: self._not_issued(error, folder),
            progress=self.tr("Issuing your certificate")).start()

    def _issued(self, issued: issue.IssuedCertificate, name: str) -> None:
        window = self.session.window
        window.save_status.setText("\u2714 " + self.tr("Certificate issued"))
        self._home()
        certificate_dialog.show_certificate(window, issued.path, issued.certificate_id, name)

    def _not_issued(self, error: Exception, folder: Path) -> None:
        window = self.session.window
        if isinstance(error, issue.NotEligible):
            dialogs.show_error(window, self.tr("Not yet"), "\n".join(
                requirement_line(r) for r in error.eligibility.missing))
        elif isinstance(error, (OSError, StoreError)):
            dialogs.show_error(window, self.tr("Certificate not issued"),
                               self.tr("The certificate could not be written to {folder}:\n\n{error}").format(
                                   folder=folder, error=error))
        else:
            dialogs.show_error(window, self.tr("Certificate not issued"),
                               self.tr("The certificate was not issued: {error}").format(error=error))

    def edit_settings(self) -> None:
        if self.session.library is None or not self._trainer_unlock():
            return
        chosen = certificate_settings_dialog.edit_certificate_settings(
            self.session.window, issue.certificate_settings(self.session.library))
        if chosen is not None:
            self.session.write(issue.save_certificate_settings, chosen)

    def verify(self) -> None:
        """Ask for a certificate PDF and check it off the GUI thread (drawing both pages takes a
        moment), against this PC's trusted keys and its register of issued certificates."""
        chosen = dialogs.ask_open_path(self.session.window, self.tr("Verify a certificate"),
                                       self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        data_dir, path = self.session.data_dir, Path(chosen)
        self.running = QueryOp(self.session.window, lambda job: _verify(path, data_dir),
                               lambda result: self._verified(path, result),
                               progress=self.tr("Checking the certificate")).start()

    def _verified(self, path: Path, result) -> None:
        from workbook.reports.verify import Status

        headline = {
            Status.VALID: self.tr("Genuine: this certificate is valid."),
            Status.TAMPERED: self.tr("Tampered: this file was changed after it was issued."),
            Status.UNKNOWN_ISSUER: self.tr("Unknown issuer: the key that signed it is not trusted here."),
            Status.NOT_AN_ISSUER: self.tr("Not a trusted issuer: the PC that signed it is trusted for "
                                          "progress only."),
            Status.NOT_ISSUED_HERE: self.tr("Not in the register: the issuing PC never recorded it."),
            Status.SUPERSEDED: self.tr("Superseded: it was issued again since."),
            Status.NOT_A_CERTIFICATE: self.tr("Not a workbook certificate."),
            Status.UNREADABLE: self.tr("The file cannot be read."),
        }[result.status]
        text = f"{headline}\n\n{path.name}\n{result.message}"
        title = self.tr("Certificate check")
        if result.status == Status.VALID:
            self.session.window.save_status.setText("\u2714 " + self.tr("Certificate valid"))
            dialogs.show_info(self.session.window, title, text)
        else:
            self.session.window.save_status.setText("\u26a0 " + self.tr("Certificate not valid"))
            dialogs.show_error(self.session.window, title, text)


def _verify(path: Path, data_dir: Path):
    """Runs on a worker thread: the register check reads the open database, as the CLI does."""
    from workbook.reports.verify import verify_certificate
    from workbook.store.certificates import issued_with_key

    return verify_certificate(path, data_dir, issued_with_key)
