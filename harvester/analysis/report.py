"""The harvest report: one self-contained HTML page (inline CSS and SVG, no script, no network) about a dataset."""

from __future__ import annotations

import json
import math
from collections import Counter
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from harvester import __version__
from harvester.errors import InputError, UsageError
from harvester.analysis.load import load, locate
from harvester.analysis.summary import Summary, summarize
from harvester.fetch.saved import REPORT_PAGE_SUFFIX
from harvester.normalize.names import NameTable
from harvester.output.files import write_atomically
from harvester.output.package import PACKAGE_SUFFIX, RUN_REPORT_SUFFIX
from harvester.records import PEOPLE

CHART_WIDTH, CHART_HEIGHT = 1000, 300
STYLE = """
:root { --ink: #1d2733; --muted: #5b6675; --line: #d9dee5; --bar: #2f6db5; --meter: #9dbbe0; --warn: #a4471b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
       background: #f5f7fa; }
main { max-width: 1100px; margin: 0 auto; padding: 28px 28px 40px; }
h1 { font-size: 26px; margin: 0 0 6px; } h2 { font-size: 18px; margin: 0 0 12px; }
.facts { color: var(--muted); margin: 0 0 20px; } .facts span { margin-right: 18px; white-space: nowrap; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin-bottom: 18px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; background: none; border: 0; padding: 0; }
.card { flex: 1 1 140px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card b { display: block; font-size: 26px; white-space: nowrap; } .card span { color: var(--muted); }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; margin-bottom: 18px; } .grid section { margin: 0; }
table { border-collapse: collapse; width: 100%; } td { padding: 3px 6px; border-bottom: 1px solid #eef1f4; vertical-align: top; }
td.n { text-align: right; width: 3em; font-variant-numeric: tabular-nums; }
td.meter { width: 40%; } .meter i { display: block; height: 12px; background: var(--meter); border-radius: 2px; min-width: 2px; }
svg { width: 100%; height: auto; display: block; } .bar { fill: var(--bar); } .axis { stroke: #9aa4b1; } .grid-line { stroke: #eef1f4; }
svg text { font-size: 12px; fill: var(--muted); } svg text.value { fill: var(--ink); font-size: 11px; }
.note, .empty { color: var(--muted); font-size: 13px; } ul.warnings { margin: 0; padding-left: 20px; } .warnings li { color: var(--warn); }
footer { color: var(--muted); font-size: 12px; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"      # the page may load nothing: no script, font, image or request
GENERATOR = '<meta name="generator" content="harvester report">'


def write_report(dataset: Path, out: Path | None = None, now: datetime | None = None) -> Path:
    """Find the dataset's files, sum it up and write the page: `out`, or NAME.report.html in the folder `out` or beside
    the dataset, unless a file of one's own is there."""
    records_file, stem = locate(dataset)
    page = out if out is not None and not out.is_dir() else (out or stem.parent) / (stem.name + REPORT_PAGE_SUFFIX)
    if page != out and page.is_file() and not made_here(page):
        raise UsageError(f"{page}: a file of your own (not a page harvester report made) is where the page goes: move it "
                         "away, or write the page elsewhere with --out FILE")
    package = _read_json(stem.with_name(stem.name + PACKAGE_SUFFIX))
    run_report = _read_json(stem.with_name(stem.name + RUN_REPORT_SUFFIX))
    run = package.get("harvest", {}) if isinstance(package.get("harvest"), dict) else {}
    warnings = _strings(run_report.get("warnings")) if "warnings" in run_report else _strings(run.get("warnings"))
    frame = load(records_file)
    searches = run.get("searches") if isinstance(run.get("searches"), list) else []
    said = [s["words"] for s in searches if isinstance(s, dict) and isinstance(s.get("words"), str)] or [
        f"\u201c{q}\u201d" for q in sorted({str(q) for q in frame["query"].dropna() if str(q).strip()})]
    title = "Harvest report: " + (", ".join(said) or stem.name)
    summary = summarize(frame, NameTable.load(), title, warnings, run.get("total"), _facts(run, frame, records_file),
                        _people_table(stem))
    made = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    titles = dict(zip(frame["id"], frame["title"].fillna("")))
    return write_atomically(page, render(summary, made, changes_section(run_report, titles)))


def _people_table(stem: Path) -> Counter[str] | None:
    """The documents of each person as the dataset's own people table counts them (the titles' names and, with
    --details, the pages' headings, each person under one name, by the names table the dataset was made with); None
    when there is no such file that can be read."""
    readers = {".csv": lambda path: pd.read_csv(path, dtype={"name": str}, keep_default_na=False), ".json": pd.read_json,
               ".jsonl": lambda path: pd.read_json(path, lines=True), ".parquet": pd.read_parquet}
    for suffix, read in readers.items():
        path = stem.with_name(f"{stem.name}{PEOPLE.suffix}{suffix}")
        if path.is_file():
            try:
                people = read(path)
                return Counter(dict(zip(people["name"].astype(str), people["documents"].astype(int))))
            except (OSError, ValueError, KeyError, ImportError):   # a file damaged or edited: the records' people, then
                return None
    return None


def made_here(page: Path) -> bool:
    """Whether a page is one `harvester report` made: its head has the generator mark (or, made before the mark, the
    page's own content policy)."""
    try:
        with page.open("rb") as stream:
            head = stream.read(2048)
    except OSError:
        return False
    return GENERATOR.encode() in head or f'content="{CSP}"'.encode() in head


def render(summary: Summary, made: str, since: str = "") -> str:
    """The whole page (`since`: the section on what changed since the last run); every text from the data is escaped."""
    facts = "\n".join(f"<span>{escape(label)}: <b>{escape(value)}</b></span>" for label, value in summary.facts)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
{GENERATOR}
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(summary.title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{escape(summary.title)}</h1>
<p class="facts">{facts}</p>
{_cards(summary)}
{since}
<section id="years"><h2>Documents per year</h2>
{year_chart(summary.per_year)}
<p class="note">{escape(_year_note(summary))}</p>
</section>
<div class="grid">
{_ranking("types", "Document types", summary.doc_types, "No documents.")}
{_ranking("people", "People named most" + _of(summary.people, summary.distinct_people), summary.people,
           "No person is named in the documents." if summary.from_pages else "No person is named in the titles.")}
{_ranking("places", "Places named most" + _of(summary.places, summary.distinct_places), summary.places,
           "No place is named in the documents." if summary.from_pages else "No place is named in the titles.",
           note="from the document pages' Associated Places" if summary.from_pages else "from the titles")}
{_ranking("precision", "Date precision", summary.precision, "No documents.", note=f"{summary.approximate} approximate (c., ?)")}
</div>
{_warnings(summary.warnings)}
<footer>Made {escape(made)} by harvester {escape(__version__)}. This page loads nothing from the network.</footer>
</main>
</body>
</html>
"""


SHOWN = 100   # documents each list of the changes shows; the run report holds them all
CHANGE_LISTS = {"new": "New", "listed_again": "Listed again", "changed": "Changed", "no_longer_listed": "No longer listed"}


def changes_section(run_report: dict[str, Any], titles: dict[str, str]) -> str:
    """The section on what the last run found changed since the run before: the documents new, listed again, changed
    (each changed field as it was and as it is, when the run report says) and no longer listed. No section ("") for a
    dataset with no run report (a re-parse's); for a first run, one line."""
    lists = {key: run_report.get(key) for key in CHANGE_LISTS}
    if not all(isinstance(value, list) for value in lists.values()):
        return ""
    if run_report.get("first_run", run_report.get("run") == 1):   # (a run report of an earlier harvester: run 1)
        new = len(lists["new"])
        found = {0: ", and it found no documents", 1: ": its one document is new"}.get(new, f": its {new} documents are all new")
        return f'<section id="changes"><h2>Since the last run</h2><p class="note">This is the dataset\'s first run{found}.</p></section>'

    counts = ", ".join(f"{len(lists[key])} {heading.lower()}" for key, heading in CHANGE_LISTS.items())

    def named(entry: object) -> str:   # its title and id: from the files, or from the entry (a document no longer listed)
        doc_id = entry.get("id", "") if isinstance(entry, dict) else entry
        title = titles.get(str(doc_id)) or (entry.get("title") if isinstance(entry, dict) else None)
        return f'{escape(str(title))} <span class="note">{escape(str(doc_id))}</span>' if title else escape(str(doc_id))

    parts = [f'<section id="changes"><h2>Since the last run (run {escape(str(run_report.get("run", "")))})</h2><p>{counts}</p>']
    for key, heading in CHANGE_LISTS.items():
        if not lists[key]:
            continue
        items = []
        for entry in lists[key][:SHOWN]:
            if key != "changed" or not isinstance(entry, dict):
                items.append(f"<li>{named(entry)}</li>")
                continue
            was, now = entry.get("was"), entry.get("now")
            said = [str(field) for field in entry.get("fields")] if isinstance(entry.get("fields"), list) else []
            if isinstance(was, dict) and isinstance(now, dict):
                fields = "".join(f"<br>{escape(field)}: <del>{escape(str(was.get(field, '')))}</del> \u2192 "
                                 f"<ins>{escape(str(now.get(field, '')))}</ins>" for field in said)
            else:   # a run report of an earlier harvester names the fields only
                fields = f"<br>{escape(', '.join(said))}" if said else ""
            items.append(f"<li>{named(entry)}{fields}</li>")
        more = f'<p class="note">and {len(lists[key]) - SHOWN} more (all in the run report)</p>' if len(lists[key]) > SHOWN else ""
        parts.append(f"<h3>{heading}</h3><ul>{''.join(items)}</ul>{more}")
    return "".join(parts) + "</section>"


def year_chart(per_year: list[tuple[int, int]]) -> str:
    """Documents per year as an inline SVG bar chart: one rect.bar per year with documents, each with a tooltip."""
    if not per_year:
        return '<p class="empty">No document has a date to place on a timeline.</p>'
    left, right, top, bottom = 44, 12, 16, 34
    width, height = CHART_WIDTH - left - right, CHART_HEIGHT - top - bottom
    peak = _nice_ceiling(max(count for _, count in per_year))
    band = width / len(per_year)
    label_every = next(step for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if len(per_year) / step <= 25)
    parts = [f'<svg id="year-chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
             f'aria-label="Documents per year, {per_year[0][0]} to {per_year[-1][0]}">']
    for tick in range(0, peak + 1, max(1, peak // 4)):
        y = top + height - height * tick / peak
        parts.append(f'<line class="grid-line" x1="{left}" x2="{left + width}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for index, (year, count) in enumerate(per_year):
        x = left + index * band
        if count:
            bar = height * count / peak
            parts.append(f'<rect class="bar" x="{x + band * 0.1:.1f}" y="{top + height - bar:.1f}" width="{max(band * 0.8, 1):.1f}" '
                         f'height="{bar:.1f}"><title>{year}: {count} document{"" if count == 1 else "s"}</title></rect>')
            if len(per_year) <= 40:
                parts.append(f'<text class="value" x="{x + band / 2:.1f}" y="{top + height - bar - 4:.1f}" text-anchor="middle">{count}</text>')
        if year % label_every == 0 or len(per_year) == 1:
            parts.append(f'<text x="{x + band / 2:.1f}" y="{top + height + 20}" text-anchor="middle">{year}</text>')
    parts.append(f'<line class="axis" x1="{left}" x2="{left + width}" y1="{top + height}" y2="{top + height}"/></svg>')
    return "\n".join(parts)


def _cards(summary: Summary) -> str:
    years = f"{summary.per_year[0][0]}\u2013{summary.per_year[-1][0]}" if summary.per_year else "\u2013"
    of_total = f" of {summary.total}" if summary.total is not None and summary.total != summary.documents else ""
    cards = [(f"{summary.documents}{of_total}", "documents"), (years, "years"), (str(summary.undated), "undated"),
             (str(len(summary.doc_types)), "document types"), (str(summary.distinct_people), "people"),
             (str(len(summary.warnings)), "warnings")]
    return '<section class="cards">' + "".join(f'<div class="card"><b>{escape(v)}</b><span>{escape(k)}</span></div>'
                                               for v, k in cards) + "</section>"


def _ranking(anchor: str, heading: str, rows: list[tuple[str, int]], empty: str, note: str = "") -> str:
    peak = max((count for _, count in rows), default=0)
    body = "".join(f'<tr><td>{escape(label)}</td><td class="n">{count}</td>'
                   f'<td class="meter">{_meter(count, peak)}</td></tr>' for label, count in rows)
    table = f"<table>{body}</table>" if peak else f'<p class="empty">{escape(empty)}</p>'
    return f'<section id="{anchor}"><h2>{escape(heading)}</h2>{table}' + (f'<p class="note">{escape(note)}</p>' if note else "") + "</section>"


def _of(shown: list, distinct: int) -> str:
    """' (15 of 30)' when a list is cut."""
    return f" ({len(shown)} of {distinct})" if len(shown) < distinct else ""


def _meter(count: int, peak: int) -> str:
    return f'<i style="width:{100 * count / peak:.0f}%"></i>' if count else ""


def _warnings(warnings: list[str]) -> str:
    items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
    none = '<p class="empty">None: the run reported none, and every card had a date harvester could read.</p>'
    body = f'<ul class="warnings">{items}</ul>' if warnings else none
    return f'<section id="warnings"><h2>Warnings</h2>{body}</section>'


def _year_note(summary: Summary) -> str:
    left_out = [f"{summary.spanning} dated only to more than a year (a decade, a range of years)"] if summary.spanning else []
    left_out += [f"{summary.undated} undated"] if summary.undated else []
    left_out += [f"{summary.unreadable} whose date line harvester cannot read"] if summary.unreadable else []
    return "Each document dated within one year counts in that year." + (f" Not shown: {', '.join(left_out)}." if left_out else "")


def _facts(run: dict[str, Any], frame: pd.DataFrame, records_file: Path) -> list[tuple[str, str]]:
    times = frame["harvested_at"].dropna()
    facts = [("site", str(run.get("home", "")))] if run.get("home") else []
    if run.get("origin") and run.get("origin") != run.get("home"):
        facts.append(("fetched from", str(run["origin"])))
    if len(times):
        first, last = (t.strftime("%Y-%m-%d %H:%M UTC") for t in (times.min(), times.max()))
        facts.append(("harvested", first if first == last else f"{first} \u2013 {last}"))
    facts += [(label, str(run[key])) for label, key in (("pages", "pages"), ("requests", "requests"), ("by", "harvester")) if run.get(key)]
    return facts + [("file", records_file.name)]


def _nice_ceiling(value: int) -> int:
    magnitude = 10 ** max(0, int(math.log10(value))) if value > 0 else 1
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot be read as JSON ({error})") from None
    return data if isinstance(data, dict) else {}


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []
