"""One case per saved document page: the raw fields and the details must match the expected file beside it."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harvester.errors import BlockedError, LayoutError
from harvester.fetch.saved import read_saved
from harvester.normalize.dates import parse_date
from harvester.normalize.names import NameTable
from harvester.parse.document import RawDocument, RawInfo, card_of, parse_document
from harvester.records import DETAIL_COLUMNS, details_of
from harvester.sites import get_site
from tests.conftest import FIXTURES

WILSON = get_site("wilson")
NAMES = NameTable.load()
DOCUMENTS = FIXTURES / "wilson" / "documents"
PAGES = sorted(DOCUMENTS.glob("*.html"))


def expected_of(page: Path) -> dict:
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


def parse_saved(page: Path, url: str | None = None) -> RawDocument:
    saved, text, _ = read_saved(page)
    assert saved.url == expected_of(page)["source_url"], "the saved-from URL is read from the page"
    return parse_document(text, url or saved.url, WILSON, name=str(page))


def plain(value: object) -> object:
    """Tuples and dataclasses as the JSON of the expected file has them (lists and dicts)."""
    return json.loads(json.dumps(asdict(value) if hasattr(value, "__dataclass_fields__") else value, ensure_ascii=False))


def kinds(*wanted: str) -> list[Path]:
    return [p for p in PAGES if expected_of(p)["kind"] in wanted]


def test_every_document_page_has_an_expected_file():
    assert len(PAGES) >= 27
    assert [p for p in PAGES if not p.with_suffix(".expected.json").is_file()] == []


@pytest.mark.parametrize("page", kinds("document"), ids=lambda p: p.stem)
def test_raw_fields_match_the_expected_file(page: Path):
    raw, wanted = plain(parse_saved(page)), expected_of(page)["raw"]
    assert list(raw) == list(wanted), "the expected file names every raw field, in order"
    for field, value in wanted.items():
        assert raw[field] == value, field


@pytest.mark.parametrize("page", kinds("document"), ids=lambda p: p.stem)
def test_details_match_the_expected_file(page: Path):
    details = details_of(parse_saved(page), NAMES, WILSON)
    wanted = expected_of(page)["details"]
    assert list(wanted) == [c.name for c in DETAIL_COLUMNS], "the expected file names every details column, in order"
    for field, value in wanted.items():
        assert details[field] == value, field
    assert details["warnings"] == []


@pytest.mark.parametrize("page", kinds("document_blocked", "document_layout_error"), ids=lambda p: p.stem)
def test_a_page_that_is_no_document_fails_loudly_naming_the_page(page: Path):
    expected = expected_of(page)
    error = BlockedError if expected["kind"] == "document_blocked" else LayoutError
    with pytest.raises(error) as raised:
        parse_saved(page)
    assert str(page) in str(raised.value)
    for words in expected["error_mentions"]:
        assert words in str(raised.value)


def seed_cards() -> list[dict]:
    return [card for name in ("page-0", "page-1")
            for card in json.loads((FIXTURES / "wilson" / "seed" / f"{name}.expected.json").read_text(encoding="utf-8"))["cards"]]


@pytest.mark.parametrize("card", seed_cards(), ids=lambda c: c["href"].rsplit("/", 1)[-1][:60])
def test_every_result_of_the_seed_search_has_its_document_page(card: dict):
    """A --details harvest of the seed search finds each document's page; the page repeats its card."""
    [page] = [p for p in kinds("document") if urlsplit(expected_of(p)["source_url"]).path == card["href"]]
    raw = parse_saved(page)
    assert (raw.date, raw.title, raw.summary) == (card["date"], card["title"], card["summary"])
    assert card_of(raw).href == card["href"]


@pytest.mark.parametrize(("path", "words"), [
    ("seed/page-0.html", "its Drupal path is 'search'"),
    ("broken/not-results.html", "no document title"),
])
def test_results_and_other_pages_are_not_document_pages(path: str, words: str):
    page = FIXTURES / "wilson" / path
    saved, text, _ = read_saved(page)
    with pytest.raises(LayoutError, match="not a document page") as raised:
        parse_document(text, saved.url, WILSON, name=str(page))
    assert str(page) in str(raised.value) and words in str(raised.value)


def test_a_title_alone_is_not_a_document_page():
    html = '<html><body><main><h1 class="title">Filatov, S.</h1><p>Popular Documents</p></main></body></html>'
    with pytest.raises(LayoutError, match="x.html: not a document page .a title, but no date"):
        parse_document(html, "https://digitalarchive.wilsoncenter.org/people/filatov-s", WILSON, name="x.html")


def test_the_page_date_is_kept_when_the_title_says_otherwise():
    raw = parse_saved(DOCUMENTS / "transcript-sed-politburo-session-held-5-september-1989.html")
    assert "5 September 1989" in raw.title
    assert parse_date(card_of(raw).date).start == "1985-09-05"


def test_a_transcripts_tables_quotations_divisions_and_loose_text_are_kept_in_its_order(tmp_path: Path):
    """Every text of the transcript, as a reader sees it: a table's rows its lines (their cells separated by a tab),
    a quotation, a division, a list and the text between blocks, each a paragraph."""
    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    inserted = ("<table><tr><th>Name</th><th>Post</th></tr><tr><td>Choe Chang-ik</td><td>Vice  Premier</td></tr></table>"
                "Said at the plenum:<blockquote>We shall<br>not yield.</blockquote><div>A division <b>of</b> text</div>"
                "<ul><li><p>first point</p></li><li>second point</li></ul>")
    html = page.read_text(encoding="utf-8").replace(
        "came down to the following:</p>", "came down to the following:</p>" + inserted, 1)
    raw = parse_document(html, "https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev", WILSON)
    assert ("came down to the following:\n\nName\tPost\n\nChoe Chang-ik\tVice Premier\n\nSaid at the plenum:\n\n"
            "We shall\nnot yield.\n\nA division of text\n\nfirst point\n\nsecond point\n\n") in raw.transcript
    assert raw.transcript.replace("\n\n".join(["Name\tPost", "Choe Chang-ik\tVice Premier", "Said at the plenum:",
                                                 "We shall\nnot yield.", "A division of text", "first point",
                                                 "second point"]) + "\n\n", "") == parse_saved(page).transcript
    assert "Name\tPost\n\nChoe Chang-ik\tVice Premier\n\n" in details_of(raw, NameTable.load(), WILSON)["transcript"]


def test_a_tables_cells_keep_their_columns_and_a_skipped_part_says_nothing():
    """Cells that hold paragraphs (as a word processor writes them) stay in their row's line; an empty cell keeps its
    place; the part to skip (a PDF preview's fallback text) is left out, plain text as it is."""
    from selectolax.lexbor import LexborHTMLParser

    from harvester.parse.text import paragraphs

    tree = LexborHTMLParser('<div id="t"><div class="preview">PDF preview unavailable</div><p>Real text.</p><table>'
                            '<tr><th></th><th>1961</th><th>1962</th></tr><tr><td><p>Coal</p></td><td><p>5</p><p>mt</p></td>'
                            '<td>6<br>mt</td></tr><tr><td></td><td></td><td></td></tr>'            # a spacer row: nothing
                            '<tr><td class="preview">x</td><td>Oil<table><tr><td>a</td><td>b</td></tr></table>c</td>'
                            '<td>7</td></tr></table>After.</div>')                                   # a table in a cell
    skip = frozenset(node.mem_id for node in tree.css(".preview"))
    assert paragraphs(tree.css_first("#t"), skip) == ("Real text.\n\n\t1961\t1962\n\nCoal\t5 mt\t6 mt\n\n\tOil a b c\t7"
                                                      "\n\nAfter.")


@pytest.mark.parametrize("cited", ["https://www.cia.gov/readingroom/docs/map-1956.pdf",    # another site's file
                                   "/sites/default/files/documents/120173.pdf"])           # another document's scan
def test_a_pdf_the_documents_text_links_to_is_not_its_scan(cited: str):
    page = DOCUMENTS / "telegram-ponomarev-cpsu-central-committee.html"   # a page with no scan
    html = page.read_text(encoding="utf-8").replace("<p>[to the] CPSU CC</p>",
                                                    f'<p>[to the] CPSU CC (see <a href="{cited}">the map</a>)</p>', 1)
    raw = parse_document(html, "https://digitalarchive.wilsoncenter.org/document/telegram-ponomarev-cpsu-central-committee", WILSON)
    assert raw.pdf_url == "" and "(see the map)" in raw.transcript


SCAN_120172 = "https://digitalarchive.wilsoncenter.org/sites/default/files/documents/120172.pdf"


@pytest.mark.parametrize(("pane", "scan"), [
    ('<p><a href="/sites/default/files/documents/120172.pdf">The original</a></p>', SCAN_120172),   # the scan's own tab
    ('<p>The original scan, in Korean: <a href="/sites/default/files/documents/120172.pdf">PDF</a></p><p>Courtesy of the '
     'Russian State Archive of Contemporary History.</p>', SCAN_120172),                              # with a caption
    ("<p>" + "Dear Comrade N. S. Khrushchev! " * 10 + '</p><p>See <a href="/sites/default/files/documents/999999.pdf">the '
     "reply</a>.</p>", ""),                                                        # a text of its own, citing another scan
], ids=["a-tab-with-the-link-alone", "a-tab-with-a-caption", "a-tab-of-text-citing-another-scan"])
def test_a_link_in_a_tab_with_no_preview_is_the_scan_unless_the_tab_is_a_text(pane: str, scan: str):
    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    html = re.sub(r'<object class="pdf-preview".*?</object>', pane, page.read_text(encoding="utf-8"), count=1, flags=re.S)
    raw = parse_document(html, "https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev", WILSON)
    assert raw.pdf_url == scan and raw.transcript == parse_saved(page).transcript


@pytest.mark.parametrize(("link", "scan"), [
    ("/download/123/Some File.pdf", "https://digitalarchive.wilsoncenter.org/download/123/Some%20File.pdf"),
    ("/sites/default/files/Письмо 1.pdf?v=a b", "https://digitalarchive.wilsoncenter.org/sites/default/files/"
     "%D0%9F%D0%B8%D1%81%D1%8C%D0%BC%D0%BE%201.pdf?v=a%20b"),
    ("/sites/default/files/already%20sent.pdf", "https://digitalarchive.wilsoncenter.org/sites/default/files/already%20sent.pdf"),
], ids=["a-space", "another-script-and-a-query", "already-encoded"])
def test_a_scan_is_linked_as_a_browser_asks_for_it(link: str, scan: str):
    """pdf_url can be pasted as it is: a space, or a letter of another script, percent-encoded as httpx sends it."""
    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    html = page.read_text(encoding="utf-8").replace('data="/sites/default/files/documents/120172.pdf"', f'data="{link}"', 1)
    raw = parse_document(html, "https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev", WILSON)
    assert raw.pdf_url == scan
    assert WILSON.doc_url("some doc") == "https://digitalarchive.wilsoncenter.org/document/some%20doc"


@pytest.mark.parametrize(("page_url", "link"), [
    ("http://127.0.0.1:8000", "https://digitalarchive.wilsoncenter.org./sites/default/files/documents/120172.pdf"),
    ("http://localhost:8000", "http://LOCALHOST:8000/sites/default/files/documents/120172.pdf"),
    ("http://127.0.0.1:8000", "http://127.1:8000/sites/default/files/documents/120172.pdf"),
    ("http://127.0.0.1:8000", "https://www.digitalarchive.wilsoncenter.org/sites/default/files/documents/120172.pdf"),
    ("http://localhost", "http://localhost:80/sites/default/files/documents/120172.pdf"),
], ids=["the-sites-host-with-its-final-dot", "the-pages-host-in-capitals", "the-pages-host-written-otherwise",
        "the-sites-host-as-cited", "the-pages-port-written-out"])
def test_a_scan_on_the_site_or_the_pages_host_in_another_spelling_is_the_scan(page_url: str, link: str):
    """A link to one host in another spelling is to that host, as browsers and the rest of harvester read it (it was
    another site's file, and the document had no scan)."""
    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    html = page.read_text(encoding="utf-8").replace('"/sites/default/files/documents/120172.pdf"', f'"{link}"')
    assert parse_document(html, f"{page_url}/document/letter-ri-sang-jo-ns-khrushchev", WILSON).pdf_url == SCAN_120172


@pytest.mark.parametrize("link", ["http://127.0.0.1:9000/sites/default/files/documents/120172.pdf",
                                  "https://127.0.0.1:8000/sites/default/files/documents/120172.pdf"], ids=["port", "scheme"])
def test_a_scan_on_another_origin_of_the_pages_host_is_no_scan_of_the_site(link: str):
    """Another port or scheme of the page's host is another server, as browsers and the fetcher read it: its file is
    not at the site's address of its path (that address was given as the document's scan)."""
    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    html = page.read_text(encoding="utf-8").replace('"/sites/default/files/documents/120172.pdf"', f'"{link}"')
    assert parse_document(html, "http://127.0.0.1:8000/document/letter-ri-sang-jo-ns-khrushchev", WILSON).pdf_url == ""


def test_a_page_served_from_a_local_copy_links_its_pdf_on_the_archive_host():
    page = DOCUMENTS / "telegram-mikoyan-cpsu-central-committee.html"
    raw = parse_saved(page, url="http://127.0.0.1:8000/document/telegram-mikoyan-cpsu-central-committee")
    assert raw.pdf_url == "https://digitalarchive.wilsoncenter.org/sites/default/files/documents/120194.pdf"
    assert raw.url == "http://127.0.0.1:8000/document/telegram-mikoyan-cpsu-central-committee"


def test_a_document_page_alone_gives_a_results_card():
    raw = parse_saved(DOCUMENTS / "node-95423.html")
    card = card_of(raw)
    assert (card.href, card.date, card.title) == ("/node/95423", "September 19, 1956",
                                                  "Draft of Record of a Meeting between the Soviet and Chinese Delegations")
    assert card.summary.startswith("Mao Zedong reveals")


MINIMAL = RawDocument("u", "", "", "T", "", "", "", "", (), ())


@pytest.mark.parametrize(("shown", "iso", "warned"), [
    ("2011-11-20", "2011-11-20", False),
    ("November 20, 2011", "2011-11-20", False),
    ("2011", "", True),
    ("c. 2011-11-20", "", True),
    ("", "", False),
])
def test_the_upload_date_is_iso_or_empty_with_a_warning(shown: str, iso: str, warned: bool):
    raw = replace(MINIMAL, info=(RawInfo("Original Uploaded Date", "uploaded", (shown,) if shown else ()),))
    details = details_of(raw, NAMES, WILSON)
    assert details["uploaded"] == iso
    assert bool(details["warnings"]) is warned


@pytest.mark.parametrize(("support", "donors"), [
    ("This document was made possible with support from Kyungnam University", ["Kyungnam University"]),
    ("This document was made possible with support from the ROK Ministry of Unification, Leon Levy Foundation",
     ["ROK Ministry of Unification", "Leon Levy Foundation"]),
    ("This document was made possible with support from Chun & Jane Chiu Family Foundation", ["Chun & Jane Chiu Family Foundation"]),
    ("", []),
])
def test_donors_come_from_the_support_line_when_the_page_has_no_donor_box(support: str, donors: list[str]):
    assert details_of(replace(MINIMAL, support=support), NAMES, WILSON)["donors"] == donors


@pytest.mark.parametrize(("box", "field", "values", "expected"), [
    ('<div class="text"><div>Leon Levy Foundation</div><div>MacArthur Foundation</div></div>', "donors",
     ("Leon Levy Foundation", "MacArthur Foundation"), ["Leon Levy Foundation", "MacArthur Foundation"]),
    ('<div class="text">Leon Levy Foundation</div><div class="text">MacArthur Foundation</div>', "donors",
     ("Leon Levy Foundation", "MacArthur Foundation"), ["Leon Levy Foundation", "MacArthur Foundation"]),
    ('<div class="text"><span>Russian</span><span>Chinese</span></div>', "languages", ("Russian", "Chinese"), ["Russian", "Chinese"]),
    ('<div class="text"><p>Polish, English</p></div>', "languages", ("Polish, English",), ["Polish", "English"]),
    ('<div class="text"><p>Archive of the Ministry, Moscow</p></div>', "original_archive", ("Archive of the Ministry, Moscow",),
     ["Archive of the Ministry, Moscow"]),
    ('<div class="text">Secret <a href="/x">(see note)</a></div>', "classification", ("Secret (see note)",), "Secret (see note)"),
], ids=["two-donor-elements", "two-value-boxes", "two-language-spans", "one-language-list", "an-archive-with-a-comma", "inline-link"])
def test_plain_values_in_elements_of_their_own_are_items_of_their_own(box: str, field: str, values: tuple, expected: object):
    """A box of the Document Information holding several values, each in an element of its own, gives each as an
    item (they were read as one value joined by a space); a value with inline markup stays one value."""
    label = {"donors": "Donor(s)", "languages": "Language", "original_archive": "Original Archive",
             "classification": "Original Classification"}[field]
    html = (f'<html><body><main><div class="content-block"><div class="date">May 1, 1956</div><h1 class="title">T</h1></div>'
            f'<div class="information-block"><h3 class="sub-title">{label}</h3>{box}</div></main></body></html>')
    raw = parse_document(html, "https://digitalarchive.wilsoncenter.org/document/t", WILSON)
    assert [(i.field, i.values) for i in raw.info] == [(field, values)]
    assert details_of(raw, NAMES, WILSON)[field] == expected


def test_a_link_that_is_no_web_address_is_passed_over_for_the_next_one():
    """An unclosed bracket in a preview's address ("http://[..."): the scan is the next link that is an address."""
    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    html = page.read_text(encoding="utf-8").replace('data="/sites/default/files/documents/120172.pdf"',
                                                    'data="https://[digitalarchive/120172.pdf"', 1)
    raw = parse_document(html, "https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev", WILSON)
    assert raw.pdf_url == SCAN_120172


def test_what_a_page_never_shows_is_no_text_of_its_paragraphs():
    """A script, a style, a comment, a template and what shows without scripts only are not the page's words."""
    from selectolax.lexbor import LexborHTMLParser

    from harvester.parse.text import paragraphs

    tree = LexborHTMLParser('<div id="t"><p>Before<script>var x = 1;</script><!-- a note --> after.</p><style>p {}</style>'
                            '<noscript>Enable JavaScript</noscript><template>Later</template><p>End.</p></div>')
    assert paragraphs(tree.css_first("#t")) == "Before after.\n\nEnd."
