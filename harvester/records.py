"""Every column harvester writes, declared once, and how a results card and a document page become a record.

A record is a plain dict whose keys are the columns' names, in the columns' order: the files, the data
package's Table Schemas, the Parquet types and the README's tables are all made from the declarations here.
Run `python -m harvester.records` to print the records table of docs/dataset.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from harvester.normalize.dates import parse_date
from harvester.normalize.headings import person_of
from harvester.normalize.names import NameTable, match_key, person_names
from harvester.normalize.people import Mention
from harvester.normalize.text import clean_text
from harvester.parse.document import RawDocument
from harvester.parse.results import RawCard
from harvester.sites import Site

Record = dict[str, Any]   # one row: a value for each column of its table, keyed by the column's name
# a record as JSON text, its letters as they are: how the state keeps it and the JSON files hold it
to_json = json.JSONEncoder(ensure_ascii=False).encode


@dataclass(frozen=True)
class Column:
    """One column: its type is "string", "edtf", "date", "datetime", "boolean", "integer" or "list" (of strings)."""

    name: str
    type: str
    description: str
    example: str
    in_csv: bool = True    # False: long text, in the JSON formats always but in CSV only when asked for


@dataclass(frozen=True)
class Table:
    """One table of a dataset: its files are NAME + suffix + .csv/.json/...; what one row is; its columns and key."""

    name: str
    suffix: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()


RECORD_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "the document's slug: the last part of its /document/ path, the same on every host (a page known "
           "only by its Drupal address, /node/95423, is node-95423)",
           "telegram-mikoyan-cpsu-central-committee"),
    Column("url", "string", "the document's address on the archive's own host, as a browser asks for it",
           "https://digitalarchive.wilsoncenter.org/document/telegram-mikoyan-cpsu-central-committee"),
    Column("title", "string", "the title as the archive shows it (its typos kept)",
           "Telegram from A. Mikoyan to the CPSU Central Committee"),
    Column("summary", "string", "the card's summary; paragraphs separated by a blank line; empty when the card has none",
           "A meeting with Kim Il Sung reveals ..."),
    Column("date", "edtf", "the date in EDTF: 1969-03-17, 1950-04, 1958, 1956~ (circa), 1962? (uncertain), "
           "195X (a decade), 1956-03-01/1956-03-05 (a range; \"1961-62\" and \"1911-12\" are years, 1961/1962 and "
           "1911/1912); empty when undated", "1956-09-21"),
    Column("date_start", "date", "the first day the date can mean (YYYY-MM-DD), for sorting and filtering", "1956-09-21"),
    Column("date_end", "date", "the last day the date can mean (YYYY-MM-DD)", "1956-09-21"),
    Column("date_precision", "string", "day, month, year, decade, range, or unknown (undated, or a date line "
           "harvester cannot read)", "day"),
    Column("date_approximate", "boolean", "true for c., ca., circa, approx., ? and [?]", "false"),
    Column("date_raw", "string", "the date line exactly as shown", "September 21, 1956"),
    Column("doc_type", "string", "the kind of document, from the title's wording (see Document types)", "telegram"),
    Column("senders", "list", "who the document is from, as the title names them: a message's sender, a report's, journal's or "
           "speech's author, a resolution's body", "A. Mikoyan"),
    Column("recipients", "list", "to whom it is addressed, as the title names them", "CPSU Central Committee"),
    Column("participants", "list", "the parties of a conversation or meeting, as the title names them",
           "N.G. Sudarikov; Kim Il Sung"),
    Column("people", "list", "the persons among the parties, and those the document brings in (the people of a message "
           "it transmits or of a talk it reports): the names table's form, else the title's spelling tidied (the same in "
           "every dataset)", "Anastas Mikoyan"),
    Column("query", "string", "the full-text query of the search that found the document (empty for a search by facets alone)",
           "Korean Workers' Party"),
    Column("search", "string", "that search's address on the archive's own host, without a page: its query, facets and "
           "any sort, as harvester asked for them (the facets and the other parameters sorted, a list's values numbered "
           "from 0, however the address you gave ordered or numbered them: one address for one dataset)", "https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908"),
    Column("source_page", "string", "the results page it was last seen on, on the archive's own host (for re-parsed "
           "pages whose address is unknown: the file)",
           "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party"),
    Column("harvested_at", "datetime", "when that results page was fetched (UTC, ISO 8601); for re-parsed pages, when the "
           "saving tool says it saved them (a WARC record's date, an MHTML file's date, SingleFile's saved date, the Wayback "
           "Machine's capture), else empty: a browser's own save as HTML records no time", "2026-11-26T23:50:01+00:00"),
    Column("first_seen", "datetime", "when a run of this dataset first listed the document (the start of that run; "
           "for re-parsed pages, the time of the earliest page that lists it, empty when no page says it)",
           "2026-11-19T03:00:00+00:00"),
    Column("last_seen", "datetime", "the start of the latest run that listed the document (for re-parsed pages, the "
           "time of the latest page that lists it)", "2026-11-26T03:00:00+00:00"),
)

DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("record_id", "string", "the archive's Record ID from the document page (not Drupal's node number)", "120194"),
    Column("authors", "list", "the page's Author(s), as its name headings read (persons and bodies)",
           "Mikoyan, Anastas Ivanovich, 1895-1978"),
    Column("people_orgs", "list", "the page's Associated People & Organizations, as its headings read",
           "Kim, Il-sŏng, 1912-1994; Peng, Dehuai, 1898-1974"),
    Column("contributors", "list", "the page's Document Contributor(s), as its headings read", "Kohl, Helmut"),
    Column("page_people", "list", "the persons among authors, people_orgs and contributors: the names table's form, else "
           "the heading's name in its culture's order", "Anastas Mikoyan; Kim Il Sung"),
    Column("places", "list", "the page's Associated Places", "Korea (North); China"),
    Column("topics", "list", "the page's Associated Topics", "August 1956 Plenum Incident"),
    Column("subjects", "list", "the page's Subjects Discussed (Library of Congress subject headings)",
           "Korea (North)--Foreign relations--Soviet Union"),
    Column("original_archive", "list", "the archive that holds the original", "State Archive of the Russian Federation (GARF)"),
    Column("source", "string", "the archival reference (fond, opis, delo, pages) and who obtained and translated it",
           "GARF, Fond 5446, Opis 98c, Delo 718, Listy 12-16. Translated by Gary Goldberg."),
    Column("languages", "list", "the language(s) of the original", "Russian"),
    Column("rights", "string", "the page's rights statement, as shown", "The History and Public Policy Program welcomes reuse ..."),
    Column("classification", "string", "the original classification, as shown; empty when the page gives none", "Top Secret"),
    Column("doc_type_page", "string", "the document's Type as the page gives it (doc_type is read from the title)", "Telegram"),
    Column("donors", "list", "who supported the document's translation: the page's Donor(s), else its support line",
           "MacArthur Foundation"),
    Column("uploaded", "date", "the Original Uploaded Date (YYYY-MM-DD)", "2011-11-20"),
    Column("related", "list", "the ids of the documents the page lists under Related Documents, in the page's order "
           "(in this dataset or not)", "record-meeting-between-sino-soviet-delegation-and-korean-workers-party-presidium"),
    Column("pdf_url", "string", "the original scan (PDF), on the archive's own host, as a browser asks for it (a space as %20); "
           "empty when the page has none",
           "https://digitalarchive.wilsoncenter.org/sites/default/files/documents/120194.pdf"),
    Column("transcript", "string", "the document's text (translation or transcription); paragraphs separated by a blank "
           "line, a table's rows paragraphs with a tab between cells; in JSON always, in CSV only when asked for (it is "
           "long)", "Top Secret [to the] CPSU CC ...", in_csv=False),
)

PDF_COLUMNS: tuple[Column, ...] = (
    Column("pdf_file", "string", "with --pdfs: the original scan as downloaded, its path relative to the output folder; "
           "empty when the page links none or it could not be had", "pdfs/telegram-mikoyan-cpsu-central-committee.pdf"),
    Column("pdf_sha256", "string", "the SHA-256 checksum of that file (hex)",
           "ff9cf969aa75479ad1793467208b7794efe20eb7376766c26a0ecb232cdde9d4"),
    Column("pdf_bytes", "integer", "that file's size in bytes", "876"),
)

PEOPLE_COLUMNS: tuple[Column, ...] = (
    Column("name", "string", "the person's one name in the dataset: the names table's form, else the heading's, else "
           "the title's; family name first for Chinese, Korean, Vietnamese and Khmer names", "Kim Il Sung"),
    Column("sort_name", "string", "the name to sort by: family name, comma, given names (the heading's, when there is one)",
           "Gorbachev, Mikhail Sergeevich"),
    Column("birth", "integer", "the year of birth, when a heading gives it", "1912"),
    Column("death", "integer", "the year of death, when a heading gives it", "1994"),
    Column("variants", "list", "every other way the dataset writes the person: title spellings (a code name too: "
           "\"Filippov\" of \"Filippov [Stalin]\"), headings, the headings' alternative forms and nicknames",
           "Kim Il-sung; Kim, Il-sŏng, 1912-1994"),
    Column("documents", "integer", "how many documents of the dataset name the person", "12"),
    Column("first_date", "date", "the earliest of those documents' dates (its first day)", "1955-12-15"),
    Column("last_date", "date", "the latest of those documents' dates (its last day)", "1969-03-17"),
    Column("document_ids", "list", "those documents' ids, in the dataset's order", "telegram-mikoyan-cpsu-central-committee"),
)

LINK_COLUMNS: tuple[Column, ...] = (
    Column("source_id", "string", "a document of the dataset (its id)", "telegram-mikoyan-cpsu-central-committee"),
    Column("target_id", "string", "for kind related, a document its page lists under Related Documents (its id; in the "
           "dataset or not); for kind person, a person it names (their name in the people table)", "Kim Il Sung"),
    Column("kind", "string", "related (document to document) or person (document to a person it names in its title or "
           "its page's name headings)", "person"),
)

def records_columns(detailed: bool = False, pdfs: bool = False) -> tuple[Column, ...]:
    """A dataset's records columns: the record's, then the details' (--details), then the PDFs' (--pdfs)."""
    return RECORD_COLUMNS + (DETAIL_COLUMNS if detailed else ()) + (PDF_COLUMNS if pdfs else ())


RECORDS = Table("records", "", "one row per document, in the order the site listed them (the details columns only "
                "with --details, the PDF columns only with --pdfs)", RECORD_COLUMNS + DETAIL_COLUMNS + PDF_COLUMNS, ("id",))
PEOPLE = Table("people", ".people", "one row per person named in the dataset's titles or document pages", PEOPLE_COLUMNS,
               ("name",))
LINKS = Table("links", ".links", "one row per edge of the documents' network (with --details): each document to the "
              "documents its page lists as related, in the page's order, then to each person it names", LINK_COLUMNS,
              ("source_id", "target_id", "kind"))
TABLES: tuple[Table, ...] = (RECORDS, PEOPLE, LINKS)


def record_of(doc_id: str, card: RawCard, source_page: str, site: Site, query: str, search_address: str, harvested_at: str,
              names: NameTable) -> Record:
    """Normalize one raw card: clean text, EDTF date, document type, the parties its title names.

    first_seen and last_seen are the page's time here; a harvest sets them from its runs when it writes the files."""
    # (the title grammar takes a moment to compile: a harvest's first record compiles it, in the wait before its next
    # request; a command that reads no title, as --help, never does)
    from harvester.normalize.titles import doc_type, parties

    title = clean_text(card.title)
    date = parse_date(clean_text(card.date))
    named = parties(title)
    return {"id": doc_id, "url": site.doc_url(doc_id), "title": title, "summary": clean_text(card.summary),
            "date": date.edtf, "date_start": date.start, "date_end": date.end, "date_precision": date.precision,
            "date_approximate": date.approximate, "date_raw": card.date, "doc_type": doc_type(title),
            "senders": list(named.senders), "recipients": list(named.recipients), "participants": list(named.participants),
            "people": list(person_names(named, names)), "query": query, "search": search_address, "source_page": source_page,
            "harvested_at": harvested_at, "first_seen": harvested_at, "last_seen": harvested_at}


_SPLIT = {"languages": re.compile(r"\s*[;,\n]\s*")}   # "Polish, English"; an archive's name may hold a comma
_DEFAULT_SPLIT = re.compile(r"\s*[;\n]\s*")
HEADING_COLUMNS = ("authors", "people_orgs", "contributors")   # the details columns of name headings


def details_of(raw: RawDocument, names: NameTable, site: Site) -> Record:
    """A document page's values of the details columns (typed, cleaned), and under "warnings" what could not be read.

    Headings stay as the page writes them; `page_people` gives the persons among them one way. A list comes from
    the page's linked values, else from its plain values split into items; the upload date becomes ISO; donors
    come from the Donor(s) box, else from the support line; related documents are the ids their links give."""
    details: Record = {c.name: _values(raw, c.name) if c.type == "list" else _value(raw, c.name) for c in DETAIL_COLUMNS}
    details["uploaded"], warnings = _iso_day(details["uploaded"])
    if not details["donors"] and raw.support and site.document.support_donors:
        details["donors"] = _donors_of_support(clean_text(raw.support), site.document.support_donors)
    details["page_people"] = page_people((h for f in HEADING_COLUMNS for h in details[f]), names)
    details["related"], unknown = _related(raw, site)
    details.update(pdf_url=raw.pdf_url, transcript=clean_text(raw.transcript), warnings=warnings + unknown)
    return details


def _related(raw: RawDocument, site: Site) -> tuple[list[str], list[str]]:
    """The ids of the documents the page lists as related (its own id aside), in order, once each; and a warning for
    each link there that is no document's of the site."""
    links = [p for s in raw.sections if s.field == "related" for p in s.pills] + list(raw.related)
    own, found = site.doc_id(raw.url), [(link, site.doc_id(link.href)) for link in links]
    ids = {doc_id: None for link, doc_id in found if doc_id and doc_id != own and site.on_site(link.href, raw.url)}
    unknown = [f"Related Documents: {link.text!r} links to {link.href!r}, not to a document of the site; left out"
               for link, doc_id in found if not doc_id or not site.on_site(link.href, raw.url)]
    return list(ids), unknown


def links_of(records: Iterable[Record], people: Iterable[Record]) -> Iterator[Record]:
    """The rows of the links table: each record's related documents, in the dataset's order and then the page's; then
    each person of the people table to the documents that name them."""
    for record in records:
        yield from ({"source_id": record["id"], "target_id": target, "kind": "related"} for target in record["related"])
    for person in people:
        yield from ({"source_id": doc_id, "target_id": person["name"], "kind": "person"} for doc_id in person["document_ids"])


def mention_of(record: Record) -> Mention:
    """What a record (with its page's details, when it has them) says of its people."""
    headings = tuple(h for key in HEADING_COLUMNS for h in record.get(key, ()))
    written = tuple(party for key in ("senders", "recipients", "participants") for party in record[key])
    return Mention(record["id"], record["date_start"], record["date_end"], tuple(record["people"]), headings, written)


def with_details(record: Record, details: Record | None) -> Record:
    """The record followed by its page's details columns (empty when the page could not be had)."""
    return record | {c.name: (details or {}).get(c.name, [] if c.type == "list" else "") for c in DETAIL_COLUMNS}


def page_people(headings: Iterable[str], names: NameTable) -> list[str]:
    """The persons among name headings, each in its canonical form (names table first), de-duplicated in order."""
    people: dict[str, str] = {}
    for text in headings:
        if name := person_of(text, names)[1]:
            people.setdefault(match_key(name), name)
    return list(people.values())


def _values(raw: RawDocument, field: str) -> list[str]:
    """A list field: the texts of its linked values, else its plain values split into items."""
    items = [clean_text(p.text) for s in raw.sections if s.field == field for p in s.pills]
    if not items:
        split = _SPLIT.get(field, _DEFAULT_SPLIT)
        items = [part for i in raw.info if i.field == field for value in i.values for part in split.split(clean_text(value))]
    return list(dict.fromkeys(item for item in items if item))


def _value(raw: RawDocument, field: str) -> str:
    """A single-valued field: its first plain value, else the text of its first linked value."""
    found = next((clean_text("\n\n".join(i.values)) for i in raw.info if i.field == field and any(v.strip() for v in i.values)), "")
    return found or next((clean_text(p.text) for s in raw.sections if s.field == field for p in s.pills), "")


def _iso_day(shown: str) -> tuple[str, list[str]]:
    """"2011-11-20" (or another full date) -> "2011-11-20"; anything less than a day is kept out, with a warning."""
    if not shown:
        return "", []
    date = parse_date(shown)
    if date.precision == "day" and not date.approximate:
        return date.start, []
    return "", [f"Original Uploaded Date {shown!r} is not a full date; left empty"]


def _donors_of_support(support: str, donors: re.Pattern[str]) -> list[str]:
    """"This document was made possible with support from the ROK Ministry of Unification, Leon Levy Foundation"."""
    match = donors.search(support)
    if match is None:
        return []
    parts = (re.sub(r"^the\s+", "", p.strip(), flags=re.IGNORECASE) for p in match.group(1).split(","))
    return list(dict.fromkeys(p for p in parts if p))


def markdown_table(columns: tuple[Column, ...] = RECORD_COLUMNS) -> str:
    """The columns as the README's (and docs/dataset.md's) Markdown table."""
    lines = ["| column | type | meaning | example |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {c.description} | `{c.example}` |" for c in columns]
    return "\n".join(lines) + "\n"


def doc_types_table() -> str:
    """The values of doc_type and the titles that give each, as docs/dataset.md's Markdown table."""
    from harvester.normalize.titles import DOC_TYPE_HELP

    lines = ["| doc_type | titles that give it |", "|---|---|"]
    lines += [f"| `{kind}` | {help} |" for kind, help in DOC_TYPE_HELP.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), doc_types_table(), sep="\n", end="")
