"""Text clean-up shared by every field: Unicode NFC, whitespace collapsed, nothing else changed; and the normalizers'
cache of texts."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
LONGEST_CACHED = 1000   # characters: the archive's titles are up to about 250, its date lines and headings shorter

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


def text_cache(maxsize: int, long: int = 0) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """functools.lru_cache for a function of a text (its first argument) that keeps no text longer than any title: a
    hostile page's title or date line of megabytes is worked out when asked, not kept thousands of times over. A
    function whose answers are short may keep its last `long` answers of longer texts (those texts only are kept)."""
    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        cached, last = functools.lru_cache(maxsize)(function), functools.lru_cache(long)(function)

        @functools.wraps(function)
        def call(text: str, *args: object, **kwargs: object) -> T:
            return (cached if len(text) <= LONGEST_CACHED else last)(text, *args, **kwargs)
        call.cache_clear = lambda: (cached.cache_clear(), last.cache_clear())   # type: ignore[attr-defined]
        return call
    return wrap
