"""clean_text gives what its rule, written as regular expressions, gives."""

from __future__ import annotations

import random
import re
import unicodedata

from harvester.normalize.text import clean_text

ALPHABET = ["a", "Z", "é", "e\u0301", " ", "  ", "\n", "\n\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2009", "\u3000",
            "\u2028", "“", "’", "한", ".", "\x0b", "\x0c", "\x1c", "\x85", "\u200b"]


def test_clean_text_collapses_spaces_keeps_paragraphs_and_composes():
    assert clean_text("  Cable,\u00a0Mao  Zedong to\r\n\r\n\r\nFilippov  ") == "Cable, Mao Zedong to\n\nFilippov"
    assert clean_text("Choe Chang-ik \t Vice\u00a0 Premier\n1956\t\t300 tons") == "Choe Chang-ik\tVice Premier\n1956\t\t300 tons"
    assert clean_text("Pe\u0301ter") == "P\u00e9ter"
    assert clean_text("Plenun of the KWP") == "Plenun of the KWP"


def _collapse_by_rule(text: str) -> str:
    """The collapse's rule, step by step: lines unified, runs of whitespace but newlines and tabs one space, the spaces
    around a newline or a tab dropped, at most one blank line in a row, the ends stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[^\S\n\t]+", " ", text)
    text = re.sub(r" *([\n\t]) *", r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def test_the_collapse_agrees_with_its_rule_on_random_text():
    rng = random.Random(1950)
    for _ in range(5000):
        value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
        assert clean_text(value) == _collapse_by_rule(unicodedata.normalize("NFC", value)), repr(value)
