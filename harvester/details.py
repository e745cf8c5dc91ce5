"""Raw document page -> the document's details: what the dataset carries next to a record (typed, cleaned).

`details_of` keeps the page's headings as shown (authors, associated people, contributors) and
adds `page_people`, the persons among them written as the names table and the people table write
them; list fields come from the page's linked values, else from a plain value split into items;
the upload date becomes ISO; donors come from the Donor(s) box, else from the support line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from harvester.document import RawDocument
from harvester.normalize.dates import parse_date
from harvester.normalize.headings import canonical_name, is_person, parse_heading
from harvester.normalize.names import NameTable, match_key
from harvester.normalize.text import clean_text


@dataclass(frozen=True)
class DocumentDetails:
    """What a document page adds to a record, normalized; its field order IS the export schema of the details columns."""

    record_id: str
    authors: tuple[str, ...]
    people_orgs: tuple[str, ...]
    contributors: tuple[str, ...]
    page_people: tuple[str, ...]
    places: tuple[str, ...]
    topics: tuple[str, ...]
    subjects: tuple[str, ...]
    original_archive: tuple[str, ...]
    source: str
    languages: tuple[str, ...]
    rights: str
    classification: str
    doc_type_page: str
    donors: tuple[str, ...]
    uploaded: str
    pdf_url: str
    transcript: str
    warnings: tuple[str, ...] = ()   # what could not be read; not a column


DETAIL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DocumentDetails) if f.name != "warnings")
DETAIL_LIST_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(DocumentDetails) if f.name != "warnings" and f.type == "tuple[str, ...]"
)


_SPLIT = {"languages": re.compile(r"\s*[;,\n]\s*")}   # "Polish, English"; an archive's name may hold a comma
_DEFAULT_SPLIT = re.compile(r"\s*[;\n]\s*")
_PERSON_FIELDS = ("authors", "people_orgs", "contributors")


def details_of(raw: RawDocument, names: NameTable) -> DocumentDetails:
    """Normalize a raw document page: clean text, lists from linked values, ISO upload date, the persons it names."""
    lists = {name: _values(raw, name) for name in DETAIL_LIST_FIELDS if name != "page_people"}
    uploaded_shown = _value(raw, "uploaded")
    uploaded, warnings = _iso_day(uploaded_shown)
    if not lists["donors"] and raw.support:
        lists["donors"] = _donors_of_support(clean_text(raw.support))
    return DocumentDetails(
        record_id=_value(raw, "record_id"),
        page_people=page_people((h for f in _PERSON_FIELDS for h in lists[f]), names),
        source=_value(raw, "source"),
        rights=_value(raw, "rights"),
        classification=_value(raw, "classification"),
        doc_type_page=_value(raw, "doc_type_page"),
        uploaded=uploaded,
        pdf_url=raw.pdf_url,
        transcript=clean_text(raw.transcript),
        warnings=warnings,
        **lists,
    )


def page_people(headings: Iterable[str], names: NameTable) -> tuple[str, ...]:
    """The persons among name headings, each in its canonical form (names table first), de-duplicated in order."""
    people: dict[str, str] = {}
    for text in headings:
        heading = parse_heading(text)
        if is_person(heading, names):
            name = canonical_name(heading, names)
            people.setdefault(match_key(name), name)
    return tuple(people.values())


def _values(raw: RawDocument, field: str) -> tuple[str, ...]:
    """A list field: the texts of its linked values, else its plain value split into items."""
    items = [clean_text(p.text) for s in raw.sections if s.field == field for p in s.pills]
    if not items:
        split = _SPLIT.get(field, _DEFAULT_SPLIT)
        items = [part for i in raw.info if i.field == field for part in split.split(clean_text(i.value))]
    return tuple(dict.fromkeys(item for item in items if item))


def _value(raw: RawDocument, field: str) -> str:
    """A single-valued field: its first plain value, else the text of its first linked value."""
    found = next((clean_text(i.value) for i in raw.info if i.field == field and i.value.strip()), "")
    return found or next((clean_text(p.text) for s in raw.sections if s.field == field for p in s.pills), "")


def _iso_day(shown: str) -> tuple[str, tuple[str, ...]]:
    """"2011-11-20" (or another full date) -> "2011-11-20"; anything less than a day is kept out, with a warning."""
    if not shown:
        return "", ()
    date = parse_date(shown)
    if date.precision == "day" and not date.approximate:
        return date.start, ()
    return "", (f"Original Uploaded Date {shown!r} is not a full date; left empty",)


def _donors_of_support(support: str) -> tuple[str, ...]:
    """"This document was made possible with support from the ROK Ministry of Unification, Leon Levy Foundation"."""
    match = re.search(r"support from\s+(.+?)\.?$", support, re.IGNORECASE)
    if match is None:
        return ()
    parts = (re.sub(r"^the\s+", "", p.strip(), flags=re.IGNORECASE) for p in match.group(1).split(","))
    return tuple(dict.fromkeys(p for p in parts if p))
