"""The GIFT dialect shared by `gift_writer` and `gift_parser`: Moodle's plain-text question format
plus our `// workbook: {...}` comments, which carry what GIFT cannot say (ids, skills, the ordering
and best-response types, settings). Moodle ignores the comments; the parser reads them back.
"""

from __future__ import annotations

import re

META_PREFIX = "workbook:"
SETTINGS_PREFIX = "workbook-settings:"
# A text starting like this would lose its first characters to the reader; the writer guards it.
FORMAT_MARK = re.compile(r"\[(moodle|html|plain|markdown)\]")


def best_response_text(context: str, caller_line: str, prompt: str) -> str:
    """How a best-response question reads in Moodle, which has no context or caller-line fields."""
    return f"Context: {context}\n\nThe caller says: \"{caller_line}\"\n\n{prompt}"
