"""The learner's certificate: issued into the data folder, previewed with "Save as…"; and the
certificate settings (organization, signer) from the File menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from workbook.reports import issue
from workbook.store import learners
from workbook.store.connection import StoreError
from workbook.ui import certificate_dialog, certificate_settings_dialog, dialogs
from workbook.ui.controllers.session import Session


class CertificateController(QObject):
    def __init__(self, session: Session, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self._home = home

    def issue(self) -> None:
        """Issue the certificate into the data folder, then preview it with "Save as…"."""
        window, data_dir, learner_id = self.session.window, self.session.data_dir, self.session.learner_id
        learner = learners.get_learner(learner_id)
        folder = data_dir / "certificates"
        folder.mkdir(parents=True, exist_ok=True)
        stem = "".join(ch if ch.isalnum() else "-" for ch in learner.display_name).strip("-") or "learner"
        target = folder / f"certificate-{stem}.pdf"
        number = 2
        while target.exists():
            target = folder / f"certificate-{stem}-{number}.pdf"
            number += 1
        try:
            issued = issue.issue_certificate(self.session.library, learner_id, data_dir, target)
        except issue.NotEligible as refusal:
            dialogs.show_error(window, "Not yet", "\n".join(refusal.eligibility.reasons()))
            return
        except (OSError, StoreError) as error:
            dialogs.show_error(window, "Certificate not issued",
                               f"The certificate could not be written to {folder}:\n\n{error}")
            return
        window.save_status.setText("\u2714 Certificate issued")
        self._home()
        certificate_dialog.show_certificate(window, issued.path, issued.certificate_id, learner.display_name)

    def edit_settings(self) -> None:
        if self.session.library is None:
            return
        chosen = certificate_settings_dialog.edit_certificate_settings(
            self.session.window, issue.certificate_settings(self.session.library))
        if chosen is not None:
            self.session.write(issue.save_certificate_settings, chosen)
