"""One case per saved page in fixtures/: the parser's output must match the expected file beside it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

import pytest

from harvester.errors import BlockedError, LayoutError
from harvester.parse.results import parse_results
from harvester.pipeline import reparse
from harvester.fetch.saved import read_saved
from harvester.sites import get_site
from tests.conftest import FIXTURES

WILSON = get_site("wilson")
PAGES = sorted([*FIXTURES.glob("wilson/**/*.html"), *FIXTURES.glob("wilson/**/*.mhtml")])   # MHTML: a browser's single file


def expected_of(page: Path) -> dict:
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


def parse_saved(page: Path):
    saved, text, _ = read_saved(page)
    assert saved.url == (expected_of(page)["source_url"] or ""), "the saved-from URL is read from the page"
    return parse_results(text, saved.url or f"{WILSON.home}/search", WILSON, name=str(page))


def test_every_page_has_an_expected_file():
    assert len(PAGES) >= 12
    assert [p for p in PAGES if not p.with_suffix(".expected.json").is_file()] == []


@pytest.mark.parametrize("page", [p for p in PAGES if expected_of(p)["kind"] in ("results", "empty")],
                         ids=lambda p: str(p.relative_to(FIXTURES)))
def test_results_page_matches_its_expected_file(page: Path):
    expected = expected_of(page)
    parsed = parse_saved(page)
    assert (parsed.total, parsed.first, parsed.last) == (expected["total"], expected["first"], expected["last"])
    assert parsed.next_url == expected["next_url"]
    assert len(parsed.cards) == len(expected["cards"])
    for number, (card, wanted) in enumerate(zip(parsed.cards, expected["cards"]), 1):
        assert asdict(card) == wanted, f"card {number}"


@pytest.mark.parametrize("page", [p for p in PAGES if expected_of(p)["kind"] in ("layout_error", "blocked")],
                         ids=lambda p: str(p.relative_to(FIXTURES)))
def test_bad_page_fails_loudly_naming_the_page(page: Path):
    expected = expected_of(page)
    error = BlockedError if expected["kind"] == "blocked" else LayoutError
    with pytest.raises(error) as raised:
        parse_saved(page)
    message = str(raised.value)
    assert str(page) in message
    for word in expected.get("error_mentions") or []:
        assert word in message


@pytest.mark.parametrize("page", [p for p in PAGES if "records" in expected_of(p)], ids=lambda p: str(p.relative_to(FIXTURES)))
def test_records_of_each_page_match_its_expected_file(page: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(FIXTURES.parent)              # a page with no known URL is named by its path, as given
    outcome = reparse([page.relative_to(FIXTURES.parent)], WILSON, tmp_path, "page", ["json"], workers=0)
    written = json.loads((tmp_path / "page.json").read_text(encoding="utf-8"))
    expected = expected_of(page)["records"]
    assert len(written) == len(expected) == outcome.documents
    for number, (row, wanted) in enumerate(zip(written, expected), 1):
        for when in ("harvested_at", "first_seen", "last_seen"):      # the file's time: not part of the spec
            row.pop(when)
        assert row == {k: (v if v != "" else None) for k, v in wanted.items()}, f"record {number} ({wanted['id']})"


def test_a_page_saved_as_utf8_with_an_old_single_byte_meta_charset_is_read_as_utf8():
    from harvester.fetch.page import decode_html

    body = '<html><head><meta charset="windows-1252"></head><body>Télégramme “Moscow”</body></html>'.encode()
    assert decode_html(body) == (body.decode(), None)
    cp1252 = '<html><head><meta charset="windows-1252"></head><body>Télégramme “Moscow”</body></html>'.encode("cp1252")
    assert decode_html(cp1252) == (body.decode(), None)
    assert decode_html(body.replace(b"windows-1252", b"utf-8"))[0] == body.decode().replace("windows-1252", "utf-8")


@pytest.mark.parametrize("page", [p for p in PAGES if "facets" in expected_of(p)], ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_pages_search_and_its_facets_labels_are_read_from_it(page: Path):
    from harvester.pipeline import read_saved_page
    from harvester.normalize.names import NameTable

    expected = expected_of(page)
    saved = read_saved_page(str(page), page, WILSON, NameTable.load())
    assert [{"facet": n, "id": i, "label": label} for n, i, label in saved.results.facets] == expected["facets"]
    params = [(k, v) for k, v in expected["search_params"] if k != "page"]
    assert saved.search == WILSON.search_of(f"{WILSON.home}/search?" + "&".join(f"{k}={quote(v)}" for k, v in params))
    assert saved.search.facets == tuple((f["facet"], f["id"]) for f in expected["facets"])
