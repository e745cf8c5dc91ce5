"""Every output column described once (name, type, meaning, example); docs and data are made from this."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a dataset: its type: "string", "edtf", "date", "datetime", "boolean", "integer" or "list" (of strings)."""

    name: str
    type: str
    description: str
    example: str


@dataclass(frozen=True)
class Table:
    """One table of a dataset: its files are NAME + suffix + .csv/.json/...; what one row is; its columns and key."""

    name: str
    suffix: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()


RECORD_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "the document's slug: the last part of its /document/ path, the same on every host",
           "telegram-mikoyan-cpsu-central-committee"),
    Column("url", "string", "the document's address on the archive's own host",
           "https://digitalarchive.wilsoncenter.org/document/telegram-mikoyan-cpsu-central-committee"),
    Column("title", "string", "the title as the archive shows it (its typos kept)",
           "Telegram from A. Mikoyan to the CPSU Central Committee"),
    Column("summary", "string", "the card's summary; paragraphs separated by a blank line; empty when the card has none",
           "A meeting with Kim Il Sung reveals ..."),
    Column("date", "edtf", "the date in EDTF: 1969-03-17, 1950-04, 1958, 1956~ (circa), 1962? (uncertain), "
           "195X (a decade), 1956-03-01/1956-03-05 (a range); empty when undated", "1956-09-21"),
    Column("date_start", "date", "the first day the date can mean (YYYY-MM-DD), for sorting and filtering", "1956-09-21"),
    Column("date_end", "date", "the last day the date can mean (YYYY-MM-DD)", "1956-09-21"),
    Column("date_precision", "string", "day, month, year, decade, range, or unknown (undated, or a date line "
           "harvester cannot read)", "day"),
    Column("date_approximate", "boolean", "true for c., ca., circa, approx., ? and [?]", "false"),
    Column("date_raw", "string", "the date line exactly as shown", "September 21, 1956"),
    Column("doc_type", "string", "the kind of document, from the title's wording (see Document types)", "telegram"),
    Column("senders", "list", "who a telegram, cable or letter is from, as the title names them", "A. Mikoyan"),
    Column("recipients", "list", "to whom it is addressed, as the title names them", "CPSU Central Committee"),
    Column("participants", "list", "the parties of a conversation or meeting, as the title names them",
           "N.G. Sudarikov; Kim Il Sung"),
    Column("people", "list", "the persons among the parties, each written one way across the dataset", "Anastas Mikoyan"),
    Column("query", "string", "the search that found the document", "Korean Workers' Party"),
    Column("source_page", "string", "the results page it was last seen on, on the archive's own host (for re-parsed "
           "pages whose address is unknown: the file)",
           "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party"),
    Column("harvested_at", "datetime", "when that results page was fetched (UTC, ISO 8601); for re-parsed pages, when the "
           "file was last modified", "2026-11-26T23:50:01+00:00"),
    Column("first_seen", "datetime", "when a run of this dataset first listed the document (the start of that run; "
           "for re-parsed pages, the page's time)", "2026-11-19T03:00:00+00:00"),
    Column("last_seen", "datetime", "the start of the latest run that listed the document", "2026-11-26T03:00:00+00:00"),
)


def markdown_table(columns: tuple[Column, ...] = RECORD_COLUMNS) -> str:
    """The columns as the README's Markdown table."""
    lines = ["| column | type | meaning | example |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {c.description} | `{c.example}` |" for c in columns]
    return "\n".join(lines) + "\n"


DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("record_id", "string", "the archive's Record ID from the document page (not Drupal's node number)", "120194"),
    Column("authors", "list", "the page's Author(s), as its name headings read (persons and bodies)",
           "Mikoyan, Anastas Ivanovich, 1895-1978"),
    Column("people_orgs", "list", "the page's Associated People & Organizations, as its headings read",
           "Kim, Il-sŏng, 1912-1994; Peng, Dehuai, 1898-1974"),
    Column("contributors", "list", "the page's Document Contributor(s), as its headings read", "Kohl, Helmut"),
    Column("page_people", "list", "the persons among authors, people_orgs and contributors, each written one way "
           "(the same name as in the people table)", "Anastas Mikoyan; Kim Il Sung"),
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
    Column("pdf_url", "string", "the original scan (PDF), on the archive's own host; empty when the page has none",
           "https://digitalarchive.wilsoncenter.org/sites/default/files/documents/120194.pdf"),
    Column("transcript", "string", "the document's text (translation or transcription); paragraphs separated by a blank "
           "line; in JSON always, in CSV only when asked for (it is long)", "Top Secret [to the] CPSU CC ..."),
)
JSON_ONLY_COLUMNS: tuple[str, ...] = ("transcript",)  # left out of CSV unless asked for

PEOPLE_COLUMNS: tuple[Column, ...] = (
    Column("name", "string", "the person's one name in the dataset: the names table's form, else the heading's, else "
           "the title's; family name first for Chinese, Korean and Vietnamese names", "Kim Il Sung"),
    Column("sort_name", "string", "the name to sort by: family name, comma, given names (the heading's, when there is one)",
           "Gorbachev, Mikhail Sergeevich"),
    Column("birth", "integer", "the year of birth, when a heading gives it", "1912"),
    Column("death", "integer", "the year of death, when a heading gives it", "1994"),
    Column("variants", "list", "every other way the dataset writes the person: title spellings, headings, the headings' "
           "alternative forms and nicknames", "Kim Il-sung; Kim, Il-sŏng, 1912-1994"),
    Column("documents", "integer", "how many documents of the dataset name the person", "12"),
    Column("first_date", "date", "the earliest of those documents' dates (its first day)", "1955-12-15"),
    Column("last_date", "date", "the latest of those documents' dates (its last day)", "1969-03-17"),
    Column("document_ids", "list", "those documents' ids, in the dataset's order", "telegram-mikoyan-cpsu-central-committee"),
)

RECORDS = Table("records", "", "one row per document, in the order the site listed them (the details columns only "
                "with --details)", RECORD_COLUMNS + DETAIL_COLUMNS, ("id",))
PEOPLE = Table("people", ".people", "one row per person named in the dataset's titles or document pages", PEOPLE_COLUMNS,
               ("name",))
TABLES: tuple[Table, ...] = (RECORDS, PEOPLE)

_JSON_TYPES: dict[str, dict[str, object]] = {
    "string": {"type": ["string", "null"]},
    "edtf": {"type": ["string", "null"]},
    "date": {"type": ["string", "null"], "format": "date"},
    "datetime": {"type": ["string", "null"], "format": "date-time"},
    "boolean": {"type": "boolean"},
    "integer": {"type": ["integer", "null"]},
    "list": {"type": ["array", "null"], "items": {"type": "string"}},
}


def json_schema(columns: tuple[Column, ...], title: str) -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of a JSON output file: an array of objects with exactly these columns, in order."""
    properties = {c.name: {**_JSON_TYPES[c.type], "description": c.description, "examples": [_example(c)]} for c in columns}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "array",
        "items": {"type": "object", "properties": properties, "required": [c.name for c in columns],
                  "additionalProperties": False},
    }


def _example(column: Column) -> object:
    if column.type == "list":
        return column.example.split("; ")
    if column.type == "integer":
        return int(column.example)
    if column.type == "boolean":
        return column.example == "true"
    return column.example

if __name__ == "__main__":
    print(markdown_table(), end="")
