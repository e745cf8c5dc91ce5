"""The benchmark's generated site is in the real site's markup: harvester parses it unchanged, card for card."""

from __future__ import annotations

from pathlib import Path

from bench.sitegen import PAGE_BYTES, generate_cards, write_site
from harvester.parse.results import parse_results
from harvester.pipeline import reparse
from harvester.fetch.saved import read_saved
from harvester.sites import get_site
from tests.conftest import dataset

WILSON = get_site("wilson")


def test_generated_pages_parse_to_the_cards_they_were_made_from(tmp_path: Path):
    site = write_site(tmp_path / "site", "Korean War", 3, seed=7)
    expected = generate_cards("Korean War", 3, seed=7)
    for number, cards in enumerate(expected):
        page, text, _ = read_saved(site.search_dir / f"page-{number}.html")
        assert page.url == WILSON.home + site.search_path(number)
        assert PAGE_BYTES[0] <= len(page.body) <= PAGE_BYTES[1]
        results = parse_results(text, page.url, WILSON)
        assert (results.total, results.first, results.last) == (30, number * 10 + 1, number * 10 + 10)
        assert results.next_url == (WILSON.home + site.search_path(number + 1) if number < 2 else None)
        assert [(c.href, c.date, c.title, c.summary) for c in results.cards] == [
            (f"/document/{c.slug}", c.date or "", c.title, "\n\n".join(c.summary)) for c in cards]
        assert all((site.root / "document" / f"{c.slug}.html").is_file() for c in cards)


def test_the_site_is_the_same_for_the_same_seed_and_reparses_whole(tmp_path: Path):
    one, two = write_site(tmp_path / "one", "Korean War", 2, seed=1), write_site(tmp_path / "two", "Korean War", 2, seed=1)
    assert [p.read_bytes() for p in sorted(one.search_dir.iterdir())] == [p.read_bytes() for p in sorted(two.search_dir.iterdir())]
    outcome = reparse([one.search_dir], WILSON, tmp_path / "out", "bench", ["json"], workers=0)
    records = dataset(tmp_path / "out", "bench")
    assert (len(records), outcome.documents, outcome.total, outcome.warnings) == (20, 20, 20, [])
    assert {r["date_precision"] for r in records} - {"day", "month", "year", "decade", "range", "unknown"} == set()
