"""Ctrl+F or Ctrl+K: search every lesson section, quiz explanation and practice-call feedback. Results are
ranked; Enter opens one (a section opens with the matching words highlighted)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from workbook.ui.theme import MUTED

KIND_LABELS = {"section": "Lesson", "question": "Quiz", "call": "Practice call"}  # as the index titles them
SHOWN_KIND_LABELS = {"section": QT_TRANSLATE_NOOP("SearchDialog", "Lesson"),
                     "question": QT_TRANSLATE_NOOP("SearchDialog", "Quiz"),
                     "call": QT_TRANSLATE_NOOP("SearchDialog", "Practice call")}
HTML_ROLE = Qt.ItemDataRole.UserRole + 1


class RichTextDelegate(QStyledItemDelegate):
    """Draws an item's HTML (kind, title, snippet with the matching words in bold), wrapped to the
    list's width; a plain QListWidget would show the match markers as raw characters."""

    MARGIN = 6

    def _document(self, html: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(self.MARGIN)
        document.setHtml(html)
        document.setTextWidth(max(100, width))
        return document

    def paint(self, painter, option, index) -> None:
        html = index.data(HTML_ROLE)
        if html is None:
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        if selected:  # white on the highlight, the muted kind label included
            html = f"<div style='color:#ffffff'>{html.replace(MUTED, '#dce8f5')}</div>"
        document = self._document(html, option.rect.width())
        painter.translate(option.rect.topLeft())
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        html = index.data(HTML_ROLE)
        if html is None:
            return super().sizeHint(option, index)
        width = option.widget.viewport().width() if option.widget is not None else option.rect.width()
        document = self._document(html, width)
        return QSize(width, int(document.size().height()) + 2)


class SearchDialog(QDialog):
    hit_chosen = Signal(object, str)  # the Hit, and the query (for highlighting)

    def __init__(self, index, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setWindowTitle(self.tr("Search the workbook"))
        self.resize(760, 520)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("e.g. calm down, first contact resolution, refund"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap the results on resize
        self.results.setAccessibleName(self.tr("Results"))
        self.status = QLabel("")
        self.status.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _: self.debounce.start())
        self.query.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.hits: list = []

    def run(self) -> None:
        text = self.query.text().strip()
        self.hits = self.index.search(text) if text else []
        self.results.clear()
        for hit in self.hits:
            label = KIND_LABELS.get(str(hit.kind), str(hit.kind))
            title = hit.title.removeprefix(f"{label}: ")
            label = self.tr(SHOWN_KIND_LABELS[str(hit.kind)]) if str(hit.kind) in SHOWN_KIND_LABELS else label
            plain = _unescape(hit.snippet.replace("<b>", "").replace("</b>", ""))
            item = QListWidgetItem(f"{label}: {title}\n{plain}")  # for screen readers and tests
            item.setData(HTML_ROLE, f"<span style='color:{MUTED}'>{escape(label)}</span> \u00b7 "
                                    f"<b>{escape(title)}</b><br>{hit.snippet}")
            self.results.addItem(item)
        count = len(self.hits)
        self.status.setText(self.tr("%n result(s)", "", count) if text else "")
        if self.hits:
            self.results.setCurrentRow(0)

    def open_current(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            self.hit_chosen.emit(self.hits[row], self.query.text())
            self.accept()

    def keyPressEvent(self, event) -> None:  # arrows move through the results from the query box
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            last = self.results.count() - 1
            self.results.setCurrentRow(max(0, min(last, self.results.currentRow() + step)))
            return
        super().keyPressEvent(event)


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)
