"""What harvester is measured against, each run as its own process by the bench:

    python -m bench.baselines lexbor DIR            read and decode every page, build its Lexbor tree: nothing else
    python -m bench.baselines bs4 DIR OUT LIMIT     a BeautifulSoup extractor of the cards' fields, to CSV and JSON

Each prints one JSON line: what it did (pages, bytes, records), so the bench can check it did all of it.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

FIELDS = ("href", "date", "title", "summary")


def pages_of(folder: Path) -> list[Path]:
    return sorted(folder.glob("page-*.html"), key=lambda p: int(p.stem.split("-")[1]))


def lexbor(folder: Path) -> dict:
    """The ceiling of any selectolax parser: the Lexbor tree of every page, and nothing done with it."""
    from selectolax.lexbor import LexborHTMLParser

    pages = size = 0
    for path in pages_of(folder):
        body = path.read_bytes()
        LexborHTMLParser(body.decode("utf-8"))
        pages, size = pages + 1, size + len(body)
    return {"pages": pages, "bytes": size}


def bs4(folder: Path, out: Path, limit: int) -> dict:
    """What public scrapers of the archive do: BeautifulSoup (html.parser), select the cards, write what they say."""
    from bs4 import BeautifulSoup

    rows, pages, size = [], 0, 0
    for path in pages_of(folder)[:limit]:
        body = path.read_bytes()
        soup = BeautifulSoup(body, "html.parser")
        for card in soup.select("td.document"):
            link, date = card.select_one(".title a"), card.select_one(".date")
            paragraphs = (" ".join(p.get_text(" ").split()) for p in card.select(".text-block p"))
            rows.append({"href": link.get("href", "") if link else "", "date": date.get_text(strip=True) if date else "",
                         "title": " ".join(link.get_text(" ").split()) if link else "",
                         "summary": "\n\n".join(p for p in paragraphs if p)})
        pages, size = pages + 1, size + len(body)
    with (out / "bs4.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    (out / "bs4.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    return {"pages": pages, "bytes": size, "records": len(rows)}


def main(argv: list[str]) -> None:
    what, *args = argv
    if what == "lexbor":
        result = lexbor(Path(args[0]))
    elif what == "bs4":
        result = bs4(Path(args[0]), Path(args[1]), int(args[2]))
    else:
        raise SystemExit(f"unknown baseline {what!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
