"""Related documents: the `related` column read from the document pages, and NAME.links.csv, the edge list of the
documents' network (related documents, and the people each document names)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from harvester.normalize.names import NameTable
from harvester.parse.document import parse_document
from harvester.pipeline import reparse
from harvester.records import LINK_COLUMNS, details_of
from harvester.sites import get_site
from tests.conftest import FIXTURES, dataset

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
DOCUMENTS = FIXTURES / "wilson" / "documents"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed search re-parsed with its 19 document pages (as `harvest --details` gives it)."""
    out = tmp_path_factory.mktemp("links")
    pages = [DOCUMENTS / f"{card['href'].rsplit('/', 1)[-1]}.html" for name in ("page-0", "page-1")
             for card in json.loads((SEED / f"{name}.expected.json").read_text(encoding="utf-8"))["cards"]]
    reparse([SEED, *pages], WILSON, out, "kwp", ["csv", "json"], workers=0)
    return out


def links(out: Path) -> list[dict]:
    with (out / "kwp.links.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def expected_related(doc_id: str) -> list[str]:
    return json.loads((DOCUMENTS / f"{doc_id}.expected.json").read_text(encoding="utf-8"))["details"]["related"]


def test_the_links_file_has_the_declared_header(corpus: Path):
    header = (corpus / "kwp.links.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "source_id,target_id,kind" == ",".join(c.name for c in LINK_COLUMNS)


def test_related_edges_are_the_fixtures_related_documents_in_dataset_and_page_order(corpus: Path):
    records = dataset(corpus, "kwp")
    wanted = [(r["id"], target) for r in records for target in expected_related(r["id"])]
    related = [(link["source_id"], link["target_id"]) for link in links(corpus) if link["kind"] == "related"]
    assert related == wanted
    assert ("telegram-mikoyan-cpsu-central-committee-0", "record-meeting-between-soviet-and-chinese-delegations") == related[0]
    assert ("journal-soviet-ambassador-dprk-am-puzanov-13-august-1960",   # a document outside the dataset is linked too
            "journal-soviet-ambassador-dprk-am-puzanov-23-july-1960") in related
    assert [r["related"] for r in records if r["id"] == "telegram-mikoyan-cpsu-central-committee-0"] == [[
        "record-meeting-between-soviet-and-chinese-delegations",
        "record-meeting-between-sino-soviet-delegation-and-korean-workers-party-presidium",
        "telegram-mikoyan-cpsu-central-committee"]]


def test_person_edges_are_the_people_tables_documents(corpus: Path):
    people = dataset(corpus, "kwp.people")
    wanted = sorted((doc_id, person["name"]) for person in people for doc_id in person["document_ids"])
    persons = [(link["source_id"], link["target_id"]) for link in links(corpus) if link["kind"] == "person"]
    assert sorted(persons) == wanted and len(persons) == len(set(persons)) > 19
    assert ("telegram-mikoyan-cpsu-central-committee", "Kim Il Sung") in persons   # from the page's heading "Kim, Il-sŏng"


def test_related_edges_come_before_person_edges_and_no_edge_is_twice(corpus: Path):
    kinds = [link["kind"] for link in links(corpus)]
    assert kinds == sorted(kinds, key=["related", "person"].index) and set(kinds) == {"related", "person"}
    assert len({tuple(link.values()) for link in links(corpus)}) == len(kinds)


def test_the_data_package_lists_the_links_table_and_validates(corpus: Path):
    from frictionless import validate

    package = json.loads((corpus / "kwp.datapackage.json").read_text(encoding="utf-8"))
    [table] = [r for r in package["resources"] if r["path"] == "kwp.links.csv"]
    assert table["name"] == "links" and table["schema"]["primaryKey"] == ["source_id", "target_id", "kind"]
    report = validate(str(corpus / "kwp.datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_without_details_there_is_no_links_file(tmp_path: Path):
    reparse([SEED], WILSON, tmp_path, "plain", ["csv"], workers=0)
    assert not (tmp_path / "plain.links.csv").exists() and (tmp_path / "plain.people.csv").exists()


PAGE = ('<html><body><main><div class="content-block"><div class="date">May 1, 1956</div><h1 class="title">T</h1></div>'
        '{block}</main></body></html>')


@pytest.mark.parametrize(("block", "ids"), [
    ('<div class="related-documents"><h3 class="title">Related Documents</h3><div class="views-row"><div class="date">'
     'May 2, 1956</div><h4 class="title"><a href="/document/b">B</a></h4></div><div class="views-row"><h4 class="title">'
     '<a href="https://digitalarchive.wilsoncenter.org/document/a">A</a></h4></div></div>', ["b", "a"]),
    ('<div class="pill-block"><h3 class="title">Related Documents</h3><a class="pill" href="/document/c"><div class="name">'
     '<span>C</span></div></a><a class="pill" href="/document/c"><div class="name"><span>C again</span></div></a></div>',
     ["c"]),
    ('<div class="related-documents"><h3 class="title">Related Documents</h3><h4 class="title"><a href="/document/t">'
     'This one</a></h4><h4 class="title"><a href="/node/95423">A node</a></h4></div>', ["node-95423"]),
], ids=["cards", "pills-once-each", "itself-left-out"])
def test_related_documents_in_either_layout_give_ids_in_page_order(block: str, ids: list[str]):
    raw = parse_document(PAGE.format(block=block), "https://digitalarchive.wilsoncenter.org/document/t", WILSON)
    details = details_of(raw, NameTable.load(), WILSON)
    assert details["related"] == ids and details["warnings"] == []


def test_a_related_link_on_the_sites_host_as_cited_is_its_document():
    """www., as the site's host is cited: one rule with a page saved from there (the link was left out, as off the site)."""
    block = ('<div class="related-documents"><h3 class="title">Related Documents</h3><h4 class="title"><a href='
             '"https://www.digitalarchive.wilsoncenter.org/document/w">W</a></h4></div>')
    details = details_of(parse_document(PAGE.format(block=block), "http://127.0.0.1:8000/document/t", WILSON), NameTable.load(), WILSON)
    assert details["related"] == ["w"] and details["warnings"] == []


def test_a_related_link_to_no_document_of_the_site_is_left_out_with_a_warning():
    """A topic's page, and another archive's document (its path alone looks like one of the site's)."""
    block = ('<div class="related-documents"><h3 class="title">Related Documents</h3><h4 class="title"><a href="/topics/x">'
             'A topic</a></h4><h4 class="title"><a href="https://archive.example.org/document/e">E</a></h4>'
             '<h4 class="title"><a href="https://digitalarchive.wilsoncenter.org/document/f">F</a></h4>'
             '<h4 class="title"><a href="/document/d">D</a></h4></div>')
    raw = parse_document(PAGE.format(block=block), "https://digitalarchive.wilsoncenter.org/document/t", WILSON)
    details = details_of(raw, NameTable.load(), WILSON)
    assert details["related"] == ["f", "d"]
    assert details["warnings"] == [
        "Related Documents: 'A topic' links to '/topics/x', not to a document of the site; left out",
        "Related Documents: 'E' links to 'https://archive.example.org/document/e', not to a document of the site; left out"]
