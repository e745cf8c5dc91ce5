"""Parse archive date lines ("March 17, 1969", "c. 1950s", "March 1-5, 1956") into EDTF and day bounds."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import NamedTuple

from harvester.normalize.text import text_cache

MONTH_NAMES = ("january", "february", "march", "april", "may", "june",
               "july", "august", "september", "october", "november", "december")
MONTHS: dict[str, int] = {
    form: number for number, name in enumerate(MONTH_NAMES, start=1) for form in (name, name[:3])
} | {"sept": 9}

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?P<year>[1-9][0-9]{3})"  # four digits, 1000-9999; a two-digit year alone is never guessed
_DAY = r"(?P<day>[0-9]{1,2})"
_FLAGS = re.ASCII | re.IGNORECASE

# Shapes one side of a date may take once cleaned (lower case, no commas, no ordinals, no periods).
# A side may lack its year or month; a range borrows them from the other side ("March 1-5 1956").
SIDE_SHAPES = [re.compile(p, _FLAGS) for p in (
    rf"{_YEAR}(?:-(?P<mm>[0-9]{{2}})(?:-(?P<dd>[0-9]{{2}}))?)?",  # ISO 1969-03-17, 1950-04, 1958
    rf"{_MONTH}(?: {_DAY})?(?: {_YEAR})?",                         # march 17 1969, april 1950, march
    rf"{_DAY} {_MONTH}(?: {_YEAR})?",                              # 17 march 1969, 1 february
    rf"{_DAY}(?: {_YEAR})?",                                       # 5 1956 (end of "march 1-5 1956"), 1
    r"(?P<decade>[1-9][0-9]{2})0'?s",                              # 1950s, 1950's
)]
CIRCA = re.compile(r"(?:circa|approximately|approx|about|ca|c)(?:\.\s*|\s+)", _FLAGS)
UNCERTAIN = re.compile(r"\s*(?:\[\?\]|\(\?\)|\?)$")
ORDINAL = re.compile(r"(?<=[0-9])(?:st|nd|rd|th)\b", _FLAGS)
DASHES = re.compile(r"\s*(?:[-\u2010-\u2015]|\bto\b)\s*", _FLAGS)
YEARS_SHORT = re.compile(r"(?P<century>[1-9][0-9])(?P<start>[0-9]{2})[-/](?P<end>[0-9]{2})")   # 1961-62, 1961/62
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
MAX_LENGTH = 100  # a date line is short; longer input is not a date (and keeps the range search cheap)


@dataclass(frozen=True)
class DateInfo:
    """One date line as EDTF plus the first and last full day it can mean."""

    edtf: str
    start: str
    end: str
    precision: str
    approximate: bool
    raw: str


class Side(NamedTuple):
    """One end of a date: year, month and day when known, or a decade's first three digits."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: str | None = None

    @property
    def precision(self) -> str:
        if self.decade:
            return "decade"
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def to_edtf(self) -> str:
        if self.decade:
            return f"{self.decade}X"
        return "-".join(f"{part:02d}" for part in (self.year, self.month, self.day) if part is not None)

    def is_valid(self) -> bool:
        if self.decade:
            return True
        if self.year is None or (self.day is not None and self.month is None):
            return False
        month, day = (1 if self.month is None else self.month), (1 if self.day is None else self.day)
        try:
            datetime.date(self.year, month, day)  # a real calendar day: edtf itself accepts 1900-02-29
        except ValueError:
            return False
        return True

    def first_day(self) -> datetime.date:
        """The first day this side can mean (EDTF's lower strict bound; qualifiers do not widen it)."""
        if self.decade:
            return datetime.date(int(self.decade) * 10, 1, 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """The last day this side can mean (EDTF's upper strict bound)."""
        if self.decade:
            return datetime.date(int(self.decade) * 10 + 9, 12, 31)
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


_ABBREVIATION_DOT = re.compile(r"(?<=[a-z])\.")


def _side(text: str) -> Side | None:
    """Read one side of a date, possibly missing its year or month; None when no shape fits."""
    for shape in SIDE_SHAPES:
        match = shape.fullmatch(text)
        if match:
            g = match.groupdict()
            if g.get("decade"):
                return Side(decade=g["decade"])
            month = MONTHS[g["month"].lower()] if g.get("month") else g.get("mm")
            day = g.get("day") or g.get("dd")
            return Side(*(int(v) if v else None for v in (g.get("year"), month, day)))
    return None


def _merge(left: Side, right: Side) -> tuple[Side, Side] | None:
    """Complete a range's sides from each other: the year comes from the right (the one before it when the range
    turns the year), a bare day borrows a month."""
    if right.decade or left.decade:
        return (left, right) if left.decade and right.decade else None
    if right.year is None:
        return None
    # a left side that would end after the right one is of the year before: "December 30 - January 2, 1957"
    turns = left.month is not None and right.month is not None and (left.month, left.day or 0) > (right.month, right.day or 0)
    left = left._replace(year=left.year or (right.year - 1 if turns else right.year))
    if left.day is not None and left.month is None:
        left = left._replace(month=right.month)
    if right.day is not None and right.month is None:
        right = right._replace(month=left.month)
    return (left, right) if left.is_valid() and right.is_valid() else None


def _sides(text: str) -> list[Side] | None:
    """One side for a single date, two for a range; None when the text is no date shape."""
    # "1961-62": the start's century. Before the ISO month: the archive writes its dates in words, so "1911-12" is the
    # years 1911 to 1912, whose bounds hold December 1911 too, not that month alone
    if (short := YEARS_SHORT.fullmatch(text)) and short["end"] > short["start"]:
        return [Side(int(short["century"] + short["start"])), Side(int(short["century"] + short["end"]))]
    single = _side(text)
    if single and single.is_valid():
        return [single]
    for i, char in enumerate(text):
        if char in "-/":
            left, right = _side(text[:i]), _side(text[i + 1:])
            merged = left and right and _merge(left, right)
            if merged:
                return list(merged)
    return None


def _strip_qualifiers(text: str) -> tuple[str, bool, bool]:
    """Peel brackets, circa prefixes and question marks; return (core text, circa, uncertain)."""
    circa = uncertain = False
    previous = None
    while text != previous:
        previous = text
        if UNCERTAIN.search(text):
            text, uncertain = UNCERTAIN.sub("", text), True
        text = text.rstrip(". ")
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1].strip()  # a cataloguer's inferred date: kept, not flagged approximate
        if CIRCA.match(text):
            text, circa = CIRCA.sub("", text, count=1), True
    return text, circa, uncertain


def _clean(text: str) -> str:
    """Lower-case and drop the noise: ordinals, commas, abbreviation periods, spaces around dashes."""
    text = ORDINAL.sub("", text.lower()).replace(",", " ")
    text = _ABBREVIATION_DOT.sub(" ", text)
    text = " ".join(text.split())
    return DASHES.sub("-", text).replace(" / ", "/").strip()


@text_cache(4096)   # an archive dates many documents alike: "1950s", "June 25, 1950"
def parse_date(raw: str) -> DateInfo:
    """Turn one date line into a DateInfo; anything unreadable gives precision "unknown", never an error."""
    unknown = DateInfo("", "", "", "unknown", False, raw)
    # (an invisible mark typed or pasted with it, a zero-width space, a soft hyphen, a left-to-right mark, is no part of it)
    text = " ".join(_INVISIBLE.sub("", raw).split()) if isinstance(raw, str) else ""
    if not text or len(text) > MAX_LENGTH:
        return unknown
    core, circa, uncertain = _strip_qualifiers(text)
    sides = _sides(_clean(core))
    if not sides:
        return unknown
    # Bounds come from the calendar: only valid sides get here, in the four shapes Side.to_edtf writes
    # (tests check them against the edtf library, which is too slow to call for every date).
    start, end = sides[0].first_day(), sides[-1].last_day()
    if start > sides[-1].first_day() or sides[0].last_day() > end:
        return unknown  # a range must not run backwards
    qualifier = "%" if circa and uncertain else "~" if circa else "?" if uncertain else ""
    if qualifier and len(sides) == 2 and sides[0].decade:
        return unknown  # "c. 1950s-1960s": EDTF has no qualified decade range (195X~/196X~ is not valid)
    code = "/".join(side.to_edtf() + qualifier for side in sides)
    precision = "range" if len(sides) == 2 else sides[0].precision
    return DateInfo(code, start.isoformat(), end.isoformat(), precision, circa or uncertain, raw)
