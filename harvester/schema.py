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


RECORDS = Table("records", "", "one row per document, in the order the site listed them", RECORD_COLUMNS, ("id",))

PEOPLE = Table("people", ".people", "one row per person named in the dataset (written by the people-table stage, when present)", (
    Column("name", "string", "the person's one written form, as in the records' people column", "Kim Il Sung"),
    Column("sort_name", "string", "the form to sort by: family name first", "Kim, Il Sung"),
    Column("variants", "list", "the other spellings seen in this dataset", "Kim Il-sung; KIM IL SUNG"),
    Column("documents", "integer", "how many documents name the person", "2"),
    Column("first_date", "date", "the earliest date_start of those documents", "1956-09-21"),
    Column("last_date", "date", "the latest date_end of those documents", "1956-10-01"),
), ("name",))

TABLES: tuple[Table, ...] = (RECORDS, PEOPLE)


def markdown_table(columns: tuple[Column, ...] = RECORD_COLUMNS) -> str:
    """The columns as the README's Markdown table."""
    lines = ["| column | type | meaning | example |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {c.description} | `{c.example}` |" for c in columns]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
