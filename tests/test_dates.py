"""Tests for harvester.normalize.dates: date lines to EDTF, day bounds, precision and the circa flag."""

from __future__ import annotations

import datetime
import functools
import random

import edtf
import pyparsing
import pytest

from harvester.normalize.dates import MONTH_NAMES, DateInfo, parse_date

# the edtf library parses with pyparsing's packrat cache at its default size, too small for its grammar: with no limit
# the oracle reads every string just the same, and parses the same parts of it over again far less often
pyparsing.ParserElement.enable_packrat(None, force=True)


@functools.cache   # the edtf library takes milliseconds a string, and a day's renderings share their codes
def edtf_of(code: str):
    """The oracle: the edtf library's reading of an EDTF string."""
    return edtf.parse_edtf(code)


# raw, edtf, start, end, precision, approximate
VALID = [
    # Wilson Center shapes
    ("March 17, 1969", "1969-03-17", "1969-03-17", "1969-03-17", "day", False),
    ("April, 1950", "1950-04", "1950-04-01", "1950-04-30", "month", False),
    ("October 1976", "1976-10", "1976-10-01", "1976-10-31", "month", False),
    ("June 07, 1951", "1951-06-07", "1951-06-07", "1951-06-07", "day", False),
    ("1958", "1958", "1958-01-01", "1958-12-31", "year", False),
    # other archives
    ("17 March 1969", "1969-03-17", "1969-03-17", "1969-03-17", "day", False),
    ("1969-03-17", "1969-03-17", "1969-03-17", "1969-03-17", "day", False),
    ("1950-04", "1950-04", "1950-04-01", "1950-04-30", "month", False),
    ("Dec. 1956", "1956-12", "1956-12-01", "1956-12-31", "month", False),
    ("Dec. 5, 1956", "1956-12-05", "1956-12-05", "1956-12-05", "day", False),
    ("Dec 5 1956", "1956-12-05", "1956-12-05", "1956-12-05", "day", False),
    ("Dec.5,1956", "1956-12-05", "1956-12-05", "1956-12-05", "day", False),
    ("Sept. 1956", "1956-09", "1956-09-01", "1956-09-30", "month", False),
    ("Sep 1956", "1956-09", "1956-09-01", "1956-09-30", "month", False),
    ("SEPTEMBER 1956", "1956-09", "1956-09-01", "1956-09-30", "month", False),
    ("may 1956", "1956-05", "1956-05-01", "1956-05-31", "month", False),
    ("February 1956", "1956-02", "1956-02-01", "1956-02-29", "month", False),
    ("February 1957", "1957-02", "1957-02-01", "1957-02-28", "month", False),
    ("February 29, 2000", "2000-02-29", "2000-02-29", "2000-02-29", "day", False),
    ("February 29, 1956", "1956-02-29", "1956-02-29", "1956-02-29", "day", False),
    # tolerated noise
    ("March 1st, 1956", "1956-03-01", "1956-03-01", "1956-03-01", "day", False),
    ("2nd March 1956", "1956-03-02", "1956-03-02", "1956-03-02", "day", False),
    ("March 23rd 1956", "1956-03-23", "1956-03-23", "1956-03-23", "day", False),
    ("  March   17 ,  1969  ", "1969-03-17", "1969-03-17", "1969-03-17", "day", False),
    ("March 17, 1969.", "1969-03-17", "1969-03-17", "1969-03-17", "day", False),
    ("1958.", "1958", "1958-01-01", "1958-12-31", "year", False),
    ("March\u00a017,\t1969\n", "1969-03-17", "1969-03-17", "1969-03-17", "day", False),
    # circa and uncertain
    ("c. 1956", "1956~", "1956-01-01", "1956-12-31", "year", True),
    ("c.1956", "1956~", "1956-01-01", "1956-12-31", "year", True),
    ("ca. 1960", "1960~", "1960-01-01", "1960-12-31", "year", True),
    ("ca 1960", "1960~", "1960-01-01", "1960-12-31", "year", True),
    ("circa 1956", "1956~", "1956-01-01", "1956-12-31", "year", True),
    ("Circa March 1956", "1956-03~", "1956-03-01", "1956-03-31", "month", True),
    ("approx. 1956", "1956~", "1956-01-01", "1956-12-31", "year", True),
    ("about 1956", "1956~", "1956-01-01", "1956-12-31", "year", True),
    ("1962 [?]", "1962?", "1962-01-01", "1962-12-31", "year", True),
    ("1962[?]", "1962?", "1962-01-01", "1962-12-31", "year", True),
    ("1956?", "1956?", "1956-01-01", "1956-12-31", "year", True),
    ("March 17, 1969?", "1969-03-17?", "1969-03-17", "1969-03-17", "day", True),
    ("c. 1956?", "1956%", "1956-01-01", "1956-12-31", "year", True),
    ("[c. 1956?]", "1956%", "1956-01-01", "1956-12-31", "year", True),
    ("[1956]", "1956", "1956-01-01", "1956-12-31", "year", False),
    ("[March 1956]", "1956-03", "1956-03-01", "1956-03-31", "month", False),
    ("[1956?]", "1956?", "1956-01-01", "1956-12-31", "year", True),
    # decades
    ("1950s", "195X", "1950-01-01", "1959-12-31", "decade", False),
    ("1950's", "195X", "1950-01-01", "1959-12-31", "decade", False),
    ("c. 1950s", "195X~", "1950-01-01", "1959-12-31", "decade", True),
    ("1950s?", "195X?", "1950-01-01", "1959-12-31", "decade", True),
    # ranges
    ("March 1-5, 1956", "1956-03-01/1956-03-05", "1956-03-01", "1956-03-05", "range", False),
    ("March 1 - 5, 1956", "1956-03-01/1956-03-05", "1956-03-01", "1956-03-05", "range", False),
    ("1-2 February 1955", "1955-02-01/1955-02-02", "1955-02-01", "1955-02-02", "range", False),
    ("30 March-2 April 1956", "1956-03-30/1956-04-02", "1956-03-30", "1956-04-02", "range", False),
    ("March 30-April 2, 1956", "1956-03-30/1956-04-02", "1956-03-30", "1956-04-02", "range", False),
    ("December 30 - January 2, 1957", "1956-12-30/1957-01-02", "1956-12-30", "1957-01-02", "range", False),
    ("30 December - 2 January 1957", "1956-12-30/1957-01-02", "1956-12-30", "1957-01-02", "range", False),
    ("November 1956 - January 1957", "1956-11/1957-01", "1956-11-01", "1957-01-31", "range", False),
    ("November - January 1957", "1956-11/1957-01", "1956-11-01", "1957-01-31", "range", False),
    ("March 1956 - April 1956", "1956-03/1956-04", "1956-03-01", "1956-04-30", "range", False),
    ("March-April 1956", "1956-03/1956-04", "1956-03-01", "1956-04-30", "range", False),
    ("March 1956 to April 1956", "1956-03/1956-04", "1956-03-01", "1956-04-30", "range", False),
    ("December 1956 - January 1957", "1956-12/1957-01", "1956-12-01", "1957-01-31", "range", False),
    ("Dec. 30, 1956-Jan. 2, 1957", "1956-12-30/1957-01-02", "1956-12-30", "1957-01-02", "range", False),
    ("1956-1957", "1956/1957", "1956-01-01", "1957-12-31", "range", False),
    ("1956 - 1957", "1956/1957", "1956-01-01", "1957-12-31", "range", False),
    ("1956\u20131957", "1956/1957", "1956-01-01", "1957-12-31", "range", False),
    ("1956\u20141957", "1956/1957", "1956-01-01", "1957-12-31", "range", False),
    ("1956/1957", "1956/1957", "1956-01-01", "1957-12-31", "range", False),
    ("1969-03-17/1969-03-20", "1969-03-17/1969-03-20", "1969-03-17", "1969-03-20", "range", False),
    ("1956-1956", "1956/1956", "1956-01-01", "1956-12-31", "range", False),
    ("1950s-1960s", "195X/196X", "1950-01-01", "1969-12-31", "range", False),
    ("1961-62", "1961/1962", "1961-01-01", "1962-12-31", "range", False),          # the end's century is the start's
    # two digits that could be a month and are a later year: the archive's years, whose bounds hold the month too
    ("1911-12", "1911/1912", "1911-01-01", "1912-12-31", "range", False),
    ("1908-11", "1908/1911", "1908-01-01", "1911-12-31", "range", False),
    ("1950-12", "1950-12", "1950-12-01", "1950-12-31", "month", False),             # 12 is no later year: a month
    ("1956/57", "1956/1957", "1956-01-01", "1957-12-31", "range", False),
    ("c. 1961/62", "1961~/1962~", "1961-01-01", "1962-12-31", "range", True),
    ("circa 1956-1957", "1956~/1957~", "1956-01-01", "1957-12-31", "range", True),
    ("1956-1957?", "1956?/1957?", "1956-01-01", "1957-12-31", "range", True),
    ("February 28-29, 1956", "1956-02-28/1956-02-29", "1956-02-28", "1956-02-29", "range", False),
]

INVALID = [
    "",
    "   ",
    "\n\t",
    "n.d.",
    "N.D.",
    "undated",
    "unknown",
    "no date",
    "garbage",
    "?",
    "[?]",
    "[]",
    "c.",
    "circa",
    "-",
    "/",
    "1956-",
    "-1956",
    "February 30, 1956",
    "February 29, 1957",
    "February 29, 1900",
    "April 31, 1956",
    "March 0, 1956",
    "March 32, 1956",
    "1956-13-01",
    "1956-13",
    "1956-00",
    "1956-02-30",
    "1956-02-00",
    "March 17, 69",
    "17/03/69",
    "3/17/1969",
    "'56",
    "956",
    "0956",
    "19567",
    "March 5",
    "March",
    "5 1956",
    "1956 March",
    "Smarch 1956",
    "1957-1956",
    "March 5-1, 1956",
    "April 1956 - March 1956",
    "1956/1956-03",
    "1950s-1956",
    "c. 1950s-1960s",
    "1961-13",      # no month 13; and "13" is no year after 1961 (nor 2013: a century is never guessed)
    "1961-61",
    "Spring 1956",
    "mid-1956",
    "1956 and 1957",
    "1956-1957-1958",
    "1945" * 30,
    "-" * 500,
    "\x00",
    "\u0661\u0669\u0665\u0666",
]


@pytest.mark.parametrize("raw, code, start, end, precision, approximate", VALID, ids=[row[0] for row in VALID])
def test_valid_shapes(raw: str, code: str, start: str, end: str, precision: str, approximate: bool) -> None:
    assert parse_date(raw) == DateInfo(code, start, end, precision, approximate, raw)


@pytest.mark.parametrize("raw", INVALID, ids=[repr(raw)[:30] for raw in INVALID])
def test_invalid_is_unknown(raw: str) -> None:
    assert parse_date(raw) == DateInfo("", "", "", "unknown", False, raw)


@pytest.mark.parametrize("raw, code, start, end, precision, approximate", VALID, ids=[row[0] for row in VALID])
def test_edtf_round_trips(raw: str, code: str, start: str, end: str, precision: str, approximate: bool) -> None:
    assert str(edtf_of(parse_date(raw).edtf)) == code


def test_an_invisible_mark_in_a_date_is_no_part_of_it() -> None:
    """A zero-width space, a soft hyphen, a byte-order mark or a direction mark pasted with a date made it unknown, unsaid
    (an isolate, as a page or a chat wraps text of either direction in, and the Arabic letter mark too)."""
    for raw in ("March 2,\u200b 1956", "\ufeffMarch 2, 1956", "Ma\u00adrch 2, 1956", "\u200fMarch 2, 1956\u200e", "\u202bMarch 2, 1956\u202c",
                "\u2068March 2, 1956\u2069", "\u2066March 2,\u2069 \u2067\u061c1956"):
        assert (parse_date(raw).edtf, parse_date(raw).raw) == ("1956-03-02", raw)


def test_raw_kept_exactly() -> None:
    raw = "  March 17, 1969.  "
    assert parse_date(raw).raw == raw


def test_is_frozen() -> None:
    with pytest.raises(AttributeError):
        parse_date("1958").edtf = "1959"  # type: ignore[misc]


def _renderings(day: datetime.date, rng: random.Random) -> list[tuple[str, str, str]]:
    """Many ways of writing one day, each with its expected EDTF and precision."""
    name = MONTH_NAMES[day.month - 1].capitalize()
    short = name[:3] + rng.choice(["", "."])
    iso_day, iso_month, year = day.isoformat(), day.isoformat()[:7], str(day.year)
    return [
        (f"{name} {day.day}, {day.year}", iso_day, "day"),
        (f"{short} {day.day:02d} {day.year}", iso_day, "day"),
        (f"{day.day} {name} {day.year}", iso_day, "day"),
        (iso_day, iso_day, "day"),
        (f"{name}, {day.year}", iso_month, "month"),
        (f"{short} {day.year}", iso_month, "month"),
        (year, year, "year"),
        (f"c. {year}", f"{year}~", "year"),
        (f"{name} {day.year}?", f"{iso_month}?", "month"),
        (f"{year[:3]}0s", f"{year[:3]}X", "decade"),
    ]


@pytest.mark.slow
def test_generated_dates_are_consistent() -> None:
    rng = random.Random(1956)
    first, last = datetime.date(1000, 1, 1).toordinal(), datetime.date(2999, 12, 31).toordinal()
    checked = 0
    for _ in range(60):
        day = datetime.date.fromordinal(rng.randint(first, last))
        later = day + datetime.timedelta(days=rng.randint(0, 400))
        ranges = [(f"{day.isoformat()}/{later.isoformat()}", f"{day.isoformat()}/{later.isoformat()}", "range")]
        if later.year == day.year and later.month == day.month:
            name = MONTH_NAMES[day.month - 1]
            ranges.append((f"{name} {day.day}-{later.day}, {day.year}", ranges[0][1], "range"))
        for raw, code, precision in _renderings(day, rng) + ranges:
            info = parse_date(raw)
            assert (info.edtf, info.precision) == (code, precision), raw
            assert info.start <= info.end, raw
            assert str(edtf_of(info.edtf)) == info.edtf, raw
            assert info.approximate == ("~" in code or "?" in code), raw
            if precision == "day":
                assert info.start == info.end == day.isoformat(), raw
            checked += 1
    assert checked > 600


def test_never_raises_on_fuzz() -> None:
    rng = random.Random(17)
    alphabet = "0123456789 -/.,?[]()~cCaAsS\u2013MarchDecJanuarySeptsndrth'\u00a0\x00"
    for _ in range(3000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        info = parse_date(raw)
        assert info.raw == raw
        if info.precision == "unknown":
            assert (info.edtf, info.start, info.end, info.approximate) == ("", "", "", False)
        else:
            assert info.start <= info.end and edtf_of(info.edtf)


def _edtf_bounds(code: str) -> tuple[str, str]:
    """The oracle: the edtf library's strict bounds of an EDTF string, as YYYY-MM-DD."""
    parsed = edtf_of(code)
    return tuple(f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}" for t in (parsed.lower_strict(), parsed.upper_strict()))


@pytest.mark.slow
def test_bounds_agree_with_the_edtf_library() -> None:
    rng = random.Random(1991)
    first, last = datetime.date(1000, 1, 1).toordinal(), datetime.date(2999, 12, 31).toordinal()
    raws = [row[0] for row in VALID]
    for _ in range(25):  # the edtf library takes milliseconds a string
        day = datetime.date.fromordinal(rng.randint(first, last))
        later = day + datetime.timedelta(days=rng.randint(0, 4000))
        raws += [raw for raw, _, _ in _renderings(day, rng)]
        raws += [f"{day.isoformat()}/{later.isoformat()}", f"{day.year}-{later.year}", f"c. {day.isoformat()[:7]}/{later.isoformat()[:7]}",
                 f"{str(day.year)[:3]}0s-{str(later.year)[:3]}0s", f"{MONTH_NAMES[day.month - 1]} {day.year}?"]
    for raw in raws:
        info = parse_date(raw)
        assert info.precision != "unknown", raw
        assert (info.start, info.end) == _edtf_bounds(info.edtf), raw
