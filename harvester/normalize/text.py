"""Text clean-up shared by every field: Unicode NFC, whitespace collapsed, nothing else changed."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[^\S\n]+")
_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def clean_text(value: str) -> str:
    """NFC-normalize and collapse runs of spaces; keep paragraph breaks ("\\n\\n") and line breaks.

    The archive's own spelling, typos and quotes (straight or curly) are kept exactly.
    """
    text = unicodedata.normalize("NFC", value)
    if "  " not in text and text.isprintable():  # no whitespace but single ASCII spaces (str.isprintable's rule)
        return text.strip()
    return _collapse(text)


def _collapse(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text.replace("\u00a0", " "))
    text = _AROUND_NEWLINE.sub("\n", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()
