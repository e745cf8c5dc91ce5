"""A dataset's figures for the harvest report: counts, documents per year, kinds, people, places, precision, warnings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from harvester.errors import plural
from harvester.normalize.names import NameTable
from harvester.records import DETAIL_COLUMNS

PARTY_COLUMNS = ("senders", "recipients", "participants")
PRECISIONS = ("day", "month", "year", "range", "decade", "unknown")
TOP = 15
QUOTED = 5   # the titles or date lines a warning quotes


@dataclass(frozen=True)
class Summary:
    """What the report shows; every list is (label, count) pairs, most frequent first unless said otherwise."""

    title: str
    documents: int
    total: int | None                       # the site's total, when the run recorded it
    per_year: list[tuple[int, int]]         # every year from the first to the last, in order, zeros included
    spanning: int                           # documents dated only to more than a year (a decade, "1948-1950"): not in per_year
    undated: int                            # documents with no date line
    unreadable: int                         # documents whose date line harvester cannot read ("Spring 1953")
    doc_types: list[tuple[str, int]]
    people: list[tuple[str, int]]
    places: list[tuple[str, int]]
    precision: list[tuple[str, int]]        # in PRECISIONS order
    approximate: int
    distinct_people: int
    distinct_places: int
    from_pages: bool                        # places from the document pages' fields (a --details dataset that has them)
    warnings: list[str]
    facts: list[tuple[str, str]] = field(default_factory=list)   # provenance lines: (label, value)


def summarize(frame: pd.DataFrame, names: NameTable, title: str, run_warnings: Iterable[str] = (),
              total: int | None = None, facts: Iterable[tuple[str, str]] = (), people: Counter[str] | None = None) -> Summary:
    """The figures of a frame as harvester.load gives it; `run_warnings` come from the run (report or package);
    `people`, the documents of each person as the dataset's people table counts them (else the records' people)."""
    starts, ends = frame["date_start"].dt.year, frame["date_end"].dt.year.fillna(frame["date_start"].dt.year)
    within_a_year = frame["date_start"].notna() & (starts == ends)
    people = people if people is not None else Counter(p for row in frame["people"] for p in row)
    from_pages = _has_pages(frame)
    named_places = Counter(p for row in frame["places"] for p in set(row)) if from_pages else places(frame, names)
    return Summary(
        title=title,
        documents=len(frame),
        total=total,
        per_year=per_year(starts[within_a_year].astype(int).tolist()),
        spanning=int((frame["date_start"].notna() & ~within_a_year).sum()),
        undated=int((frame["date_start"].isna() & frame["date_raw"].isna()).sum()),
        unreadable=int((frame["date_start"].isna() & frame["date_raw"].notna()).sum()),
        doc_types=_ranked(Counter(frame["doc_type"].fillna("other"))),
        people=_ranked(people)[:TOP],
        places=_ranked(named_places)[:TOP],
        precision=[(p, int((frame["date_precision"] == p).sum())) for p in PRECISIONS],
        approximate=int(frame["date_approximate"].sum()),
        distinct_people=len(people),
        distinct_places=len(named_places),
        from_pages=from_pages,
        warnings=[*run_warnings, *data_warnings(frame, total)],
        facts=list(facts),
    )


def per_year(years: Iterable[int]) -> list[tuple[int, int]]:
    """Documents per year, every year from the first to the last (a year with none is a gap, not missing)."""
    counts = Counter(years)
    return [(year, counts[year]) for year in range(min(counts), max(counts) + 1)] if counts else []


def _has_pages(frame: pd.DataFrame) -> bool:
    """Whether any document has its page's details (a --details dataset none of whose pages could be read has none)."""
    columns = [c for c in DETAIL_COLUMNS if c.name in frame.columns]
    return any(frame[c.name].map(len).any() if c.type == "list" else frame[c.name].notna().any() for c in columns)


def places(frame: pd.DataFrame, names: NameTable) -> Counter[str]:
    """Places the titles name as parties (the names table says which names are places), once per document."""
    found: Counter[str] = Counter()
    for row in frame[list(PARTY_COLUMNS)].itertuples(index=False):
        found.update({names.lookup(p) or p for parties in row for p in parties if names.kind(p) == "place"})
    return found


def data_warnings(frame: pd.DataFrame, total: int | None = None) -> list[str]:
    """What the data itself says is missing: cards with no date, date lines not understood, documents short of the total."""
    warnings = []
    no_date = frame[frame["date_raw"].isna()]
    unread = frame[frame["date_raw"].notna() & (frame["date_precision"] == "unknown")]
    if len(no_date):
        warnings.append(f"{plural(len(no_date), 'document')} with no date on the card: {_titles(no_date)}")
    if len(unread):
        lines = "; ".join(f'"{raw}"' for raw in unread["date_raw"].head(QUOTED))
        warnings.append(f"{plural(len(unread), 'document')} whose date line harvester cannot read: {lines}")
    if total is not None and len(frame) < total:
        warnings.append(f"the dataset holds {len(frame)} of the {total} documents the site reported")
    return warnings


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _titles(rows: pd.DataFrame) -> str:
    titles = [str(t) for t in rows["title"].fillna(rows["id"]).head(QUOTED)]
    return "; ".join(titles) + (f"; and {len(rows) - QUOTED} more" if len(rows) > QUOTED else "")
