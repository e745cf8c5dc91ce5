"""`python -m bench.titles`: microseconds per title to read its kind and parties, over real titles.

Two sets: the hand-labelled sample (tests/data/titles.csv) and every title in the fixtures'
expected files. Each pass clears the title module's caches first, so every title is read cold,
as a harvest reads it; the figure is the fastest of several passes. The sample is also split
into titles whose grammar finds a kind and those it finds none in ("other"), the case a pattern
tried after another makes slowest.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from harvester.normalize import titles
from harvester.normalize.titles import doc_type, parties

ROOT = Path(__file__).resolve().parent.parent


def sample_titles() -> list[str]:
    with (ROOT / "tests" / "data" / "titles.csv").open(encoding="utf-8", newline="") as f:
        return [row["title"] for row in csv.DictReader(f)]


def fixture_titles() -> list[str]:
    found: dict[str, None] = {}
    for path in sorted((ROOT / "fixtures").rglob("*.expected.json")):
        for title in _titles_in(json.loads(path.read_text(encoding="utf-8"))):
            found.setdefault(title)
    return list(found)


def _titles_in(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "title" and isinstance(item, str):
                yield item
            else:
                yield from _titles_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _titles_in(item)


def _clear_caches() -> None:
    for value in vars(titles).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def per_title(texts: list[str], passes: int, read: Callable[[str], object]) -> float:
    """Microseconds per title, the fastest of `passes` cold passes."""
    best = float("inf")
    for _ in range(passes):
        _clear_caches()
        start = time.perf_counter()
        for text in texts:
            read(text)
        best = min(best, time.perf_counter() - start)
    return best / max(len(texts), 1) * 1e6


def _both(title: str) -> None:
    doc_type(title), parties(title)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=20)
    args = parser.parse_args()
    sample = sample_titles()
    kinded = [t for t in sample if doc_type(t) != "other"]
    unkinded = [t for t in sample if doc_type(t) == "other"]
    for name, texts in (("sample", sample), ("sample, a kind found", kinded), ("sample, no kind found", unkinded),
                        ("fixtures", fixture_titles())):
        print(f"{name:24} {len(texts):4} titles  {per_title(texts, args.passes, _both):7.1f} µs per title "
              f"(doc_type and parties)")


if __name__ == "__main__":
    main()
