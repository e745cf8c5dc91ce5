"""Text clean-up shared by every field: Unicode NFC, whitespace collapsed, nothing else changed."""

from __future__ import annotations

import re
import unicodedata

_MANY_NEWLINES = re.compile(r"\n{3,}")


def clean_text(value: str) -> str:
    """NFC-normalize and collapse runs of spaces; keep paragraph breaks ("\\n\\n"), line breaks and tabs (the parser
    puts one between a table row's cells, and no other).

    The archive's own spelling, typos and quotes (straight or curly) are kept exactly.
    """
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    # each line's runs of whitespace (a no-break space too) made one space, and the line and each of its cells stripped
    text = "\n".join("\t".join(" ".join(cell.split()) for cell in line.split("\t")) if "\t" in line else " ".join(line.split())
                     for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()
