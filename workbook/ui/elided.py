"""A label and a button whose long text is cut with "…" to the width they get, never widening the
window: a module or call title, or "Continue where you left off: <module> › <section>", can be longer
than a 1280-pixel screen. The full text stays in `text()`, the tooltip and the accessible name."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

MIN_TEXT_WIDTH = 120  # enough for a few words and "…"


class ElidedLabel(QLabel):
    """A one-line plain-text label that elides at the right instead of asking for more width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setAccessibleName(text)
        self._fit()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_TEXT_WIDTH), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        margins = self.contentsMargins()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 4,
                     hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        width = max(0, self.width() - margins.left() - margins.right())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        QLabel.setText(self, shown)
        self.setToolTip(self._full if shown != self._full else "")


def elide_words_middle(text: str, width: int, metrics) -> str:
    """`text` with whole words taken out of its middle for one "…" until it fits `width` ("Continue
    where you left off: Active … › Paraphrasing, summarizing and notes"), never a word cut in two
    ("Active lis…g"); Qt's character elision only when even the first and last word do not fit.
    Each word is measured once and candidates are sized by adding widths (a label is fitted at every
    resize, and measuring every candidate took 5 ms of the home page's start); the one chosen is
    measured whole, and a candidate that does not fit after all (kerning) is passed over."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    widths = [metrics.horizontalAdvance(word) for word in words]
    space, ellipsis = metrics.horizontalAdvance(" "), metrics.horizontalAdvance("\u2026")
    count = len(words)
    for kept in range(count - 1, 1, -1):
        sized = sorted(((sum(widths[:left]) + sum(widths[count - (kept - left):]) + ellipsis + space * kept,
                         left) for left in range(kept - 1, 0, -1)), reverse=True)
        for estimate, left in sized:  # the widest that fits, as measured
            if estimate > width + space:  # far too wide even allowing for kerning
                continue
            candidate = " ".join(words[:left] + ["\u2026"] + words[count - (kept - left):])
            if metrics.horizontalAdvance(candidate) <= width:
                return candidate
    return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width)


class ElidedButton(QPushButton):
    """A push button that elides its text in the middle (both the start and the end of
    "Continue …: module › section" say something), word by word, when the row is too narrow for it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._chrome_width = 0
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # a push button's default never shrinks
        self.setSizePolicy(policy)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.setAccessibleName(text)
        self._fit()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def _chrome(self) -> int:
        """Padding and border around the text, as the style draws them."""
        QPushButton.setText(self, "x")
        width = super().sizeHint().width() - self.fontMetrics().horizontalAdvance("x")
        return width

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(self._chrome_width + self.fontMetrics().horizontalAdvance(self._full), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._chrome_width + MIN_TEXT_WIDTH, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (a style sheet changes the padding and font)
        super().changeEvent(event)
        if event.type() in (event.Type.StyleChange, event.Type.FontChange):
            self._fit()

    def _fit(self) -> None:
        self._chrome_width = self._chrome()
        width = max(0, self.width() - self._chrome_width)
        shown = elide_words_middle(self._full, width, self.fontMetrics())
        QPushButton.setText(self, shown.replace("&", "&&"))
        self.setToolTip(self._full if shown != self._full else "")
