"""The app's look in one place: palette colours, the widget style sheet, the reader's CSS."""

from __future__ import annotations

ACCENT = "#1f4f8a"
ACCENT_DARK = "#163a66"
SURFACE = "#f5f7fa"
CARD = "#ffffff"
BORDER = "#d5dce5"
MUTED = "#5b6675"
SUCCESS = "#1b6e3a"
WARNING = "#a12a2a"

APP_STYLE = f"""
QMainWindow, QWidget#page {{ background: {SURFACE}; }}
QLabel#pageTitle {{ font-size: 22px; font-weight: 600; color: #1f2d3d; }}
QLabel#pageSubtitle {{ color: {MUTED}; font-size: 13px; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#error {{ color: {WARNING}; }}
QFrame#card {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 8px; }}
QFrame#card:focus, QFrame#card[hovered="true"] {{ border: 2px solid {ACCENT}; }}
QFrame#unavailableCard {{ background: #fbf3f3; border: 1px dashed #c99; border-radius: 8px; }}
QLabel#cardTitle {{ font-size: 16px; font-weight: 600; color: #1f2d3d; }}
QLabel#chip {{ background: #e6eef8; color: {ACCENT_DARK}; border-radius: 9px;
               padding: 2px 8px; font-size: 11px; }}
QPushButton {{ padding: 6px 14px; border-radius: 5px; border: 1px solid {BORDER};
               background: {CARD}; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #9aa3ad; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; }}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled {{ background: #8aa3c2; }}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 4px; background: #eef1f5;
                height: 10px; text-align: center; font-size: 10px; }}
QProgressBar::chunk {{ background: {SUCCESS}; border-radius: 3px; }}
QListWidget {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 6px; }}
QListWidget::item {{ padding: 7px 6px; }}
QListWidget::item:selected {{ background: #dbe7f5; color: #1f2d3d; }}
QTextBrowser {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 6px; }}
QLineEdit {{ padding: 5px; border: 1px solid {BORDER}; border-radius: 4px; background: white; }}
QLineEdit:focus {{ border: 2px solid {ACCENT}; }}
QWidget#questionCard {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#questionPrompt {{ font-size: 16px; font-weight: 600; color: #1f2d3d; padding-bottom: 8px; }}
QLabel#callerLine {{ background: #f0f4f9; border-left: 4px solid {ACCENT}; padding: 6px 10px;
                     font-size: 14px; }}
QRadioButton#option, QCheckBox#option {{ font-size: 14px; padding: 7px 4px; }}
QRadioButton#option:focus, QCheckBox#option:focus {{ background: #e6eef8; border-radius: 4px; }}
QListWidget#orderingList {{ font-size: 14px; }}
QListWidget#orderingList::item {{ padding: 9px 6px; border-bottom: 1px solid #eef1f5; }}
QLabel#timer {{ font-size: 15px; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#quizFacts {{ font-size: 14px; }}
QLabel#sectionTitle {{ font-size: 18px; font-weight: 600; color: #1f2d3d; padding-top: 14px; }}
QPushButton#reply {{ text-align: left; padding: 9px 12px; font-size: 13px; }}
QPushButton#reply:focus {{ background: #e6eef8; }}
QLabel#moodLabel {{ font-size: 14px; }}
"""

READER_CSS = """
body { color: #1f2d3d; }
h1 { font-size: 1.7em; color: #163a66; margin-bottom: 6px; }
h2 { font-size: 1.3em; color: #1f4f8a; margin-top: 18px; }
h3 { font-size: 1.1em; color: #1f2d3d; margin-top: 12px; }
p { margin-top: 4px; margin-bottom: 10px; }
li { margin-bottom: 4px; }
blockquote { margin-left: 22px; margin-right: 22px; color: #2c3e50; font-style: italic; }
table { border-collapse: collapse; }
th { background-color: #e6eef8; padding: 4px; }
td { padding: 4px; }
code { font-family: monospace; background-color: #eef1f5; }
"""
