"""The harvest report: its figures, a self-contained escaped page, where it finds a dataset, and a real render in headless Chromium."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, UTC
from html import unescape
from pathlib import Path

import pytest

import harvester
from harvester.errors import InputError, UsageError, storage_error
from harvester.analysis.report import locate, write_report, year_chart
from harvester.normalize.names import NameTable
from harvester.pipeline import reparse
from harvester.sites import get_site
from harvester.analysis.summary import data_warnings, per_year, summarize
from tests.conftest import FIXTURES, replaced, write_dataset
from tests.test_cli import run_cli
from tests.test_export import RECORD, UNDATED

SEED = FIXTURES / "wilson" / "seed"
MADE = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
BAR_COLOUR = (0x2F, 0x6D, 0xB5)          # --bar in the page's CSS: the year chart's bars, and nothing else


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """The seed search re-parsed as the pipeline writes it (CSV, JSON, Parquet, package); returns DIR/NAME."""
    out = tmp_path_factory.mktemp("seed")
    reparse([SEED], get_site("wilson"), out, "kwp", ["csv", "json", "parquet"])
    return out / "kwp"


@pytest.fixture(scope="module")
def page(seed: Path, tmp_path_factory) -> Path:
    return write_report(seed.with_suffix(".csv"), tmp_path_factory.mktemp("page") / "kwp.html", now=MADE)


def test_the_seed_figures(seed: Path):
    summary = summarize(harvester.load(f"{seed}.csv"), NameTable.load(), "t")
    assert summary.documents == 19 and dict(summary.per_year)[1956] == 12
    assert sum(count for _, count in summary.per_year) + summary.spanning + summary.undated + summary.unreadable == 19
    assert summary.people[:3] == [("A. M. Puzanov", 3), ("Anastas Mikoyan", 3), ("Kim Il Sung", 2)]
    assert sum(count for _, count in summary.doc_types) == 19
    assert [p for p, _ in summary.precision] == ["day", "month", "year", "range", "decade", "unknown"]
    assert sum(count for _, count in summary.precision) == 19


def test_only_documents_dated_within_one_year_are_counted_in_a_year(tmp_path: Path):
    """A decade, or a range of years, is in no one year; a date line harvester cannot read is not "undated"."""
    from harvester.normalize.dates import parse_date

    def dated(n: int, line: str) -> dict:
        found = parse_date(line)
        return replaced(RECORD, id=f"d{n}", date_raw=line, date=found.edtf, date_start=found.start, date_end=found.end,
                        date_precision=found.precision, date_approximate=found.approximate)

    lines = ["September 19, 1956 - September 21, 1956", "1958", "1950s", "1950s-1960s", "1948-1950", "Spring 1953", ""]
    [path] = write_dataset([dated(n, line) for n, line in enumerate(lines)], tmp_path, "d", ["csv"])
    summary = summarize(harvester.load(path), NameTable.load(), "t")
    assert [(year, n) for year, n in summary.per_year if n] == [(1956, 1), (1958, 1)]
    assert (summary.spanning, summary.undated, summary.unreadable) == (3, 1, 1)


def test_every_year_between_the_first_and_last_is_on_the_axis():
    assert per_year([1953, 1950, 1950]) == [(1950, 2), (1951, 0), (1952, 0), (1953, 1)]
    assert per_year([]) == []


def test_places_come_from_the_parties_the_names_table_calls_places(tmp_path: Path):
    frame = harvester.load(_written([replaced(RECORD, recipients=("Pyongyang", "Peking")), replaced(UNDATED, senders=("Peiping",))], tmp_path))
    assert summarize(frame, NameTable.load(), "t").places == [("Beijing", 2), ("Pyongyang", 1)]


def test_data_warnings_name_cards_with_no_date_and_dates_not_understood(tmp_path: Path):
    unread = replaced(RECORD, id="unread", title="Unread", date="", date_start="", date_end="", date_precision="unknown", date_raw="Spring-ish")
    frame = harvester.load(_written([RECORD, UNDATED, unread], tmp_path))
    assert data_warnings(frame, total=5) == [
        f"1 document with no date on the card: {UNDATED['title']}",
        '1 document whose date line harvester cannot read: "Spring-ish"',
        "the dataset holds 3 of the 5 documents the site reported",
    ]


def test_the_page_has_every_section_and_the_run_facts(page: Path):
    html = unescape(page.read_text(encoding="utf-8"))
    for anchor in ("years", "types", "people", "places", "precision", "warnings"):
        assert f'<section id="{anchor}">' in html, anchor
    assert "Harvest report: \u201cKorean Workers' Party\u201d" in html
    assert "pages: <b>2</b>" in html and "file: <b>kwp.csv</b>" in html and "Made 2026-11-27T09:00:00+00:00" in html
    assert "A. M. Puzanov" in html


def test_the_year_chart_has_one_bar_per_year_with_documents(seed: Path, page: Path):
    summary = summarize(harvester.load(f"{seed}.csv"), NameTable.load(), "t")
    bars = re.findall(r'<rect class="bar"[^>]*><title>(\d{4}): (\d+) documents?</title>', page.read_text(encoding="utf-8"))
    assert [(int(y), int(n)) for y, n in bars] == [(y, n) for y, n in summary.per_year if n]


def test_the_page_loads_nothing_and_escapes_the_data(tmp_path: Path):
    hostile = replaced(UNDATED, title='<script>alert("x")</script> & <img src=x onerror=alert(1)>')
    page = write_report(_written([RECORD, hostile], tmp_path), now=MADE)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert not [tag for tag in re.findall(r"<[a-z][^>]*>", html) if re.search(r"\b(src|href)=", tag)]
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_warnings_come_from_the_run_report_when_there_is_one(seed: Path, tmp_path: Path):
    for path in seed.parent.glob("kwp.*"):
        shutil.copy(path, tmp_path / path.name)
    package = json.loads((tmp_path / "kwp.datapackage.json").read_text(encoding="utf-8"))
    package["harvest"]["warnings"] = ["page 3: the page says results 21 - 30 but holds 11 cards"]
    (tmp_path / "kwp.datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert "holds 11 cards" in write_report(tmp_path / "kwp.csv").read_text(encoding="utf-8")
    (tmp_path / "kwp.report.json").write_text(json.dumps({"warnings": ["robots.txt asked for 10 s between requests"]}))
    html = write_report(tmp_path / "kwp.csv").read_text(encoding="utf-8")
    assert "robots.txt asked for 10 s" in html and "holds 11 cards" not in html


def test_a_damaged_run_report_is_a_one_line_error_and_a_damaged_people_table_gives_way_to_the_records_people(seed: Path,
                                                                                                             tmp_path: Path):
    for path in seed.parent.glob("kwp.*"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "kwp.people.csv").write_text("name\nKim Il Sung\n", encoding="utf-8")   # (edited: its counts gone)
    html = write_report(tmp_path / "kwp.csv").read_text(encoding="utf-8")
    assert "<td>Kim Il Sung</td>" in html[html.index("People named most"):html.index("Places named most")]
    (tmp_path / "kwp.report.json").write_text('{"warnings": [', encoding="utf-8")
    with pytest.raises(InputError, match=r"kwp\.report\.json: cannot be read as JSON \("):
        write_report(tmp_path / "kwp.csv")


def test_an_undated_or_empty_dataset_still_gets_a_page(tmp_path: Path):
    html = write_report(_written([UNDATED], tmp_path), now=MADE).read_text(encoding="utf-8")
    assert "No document has a date" in html and "<rect" not in html
    (tmp_path / "e").mkdir()
    html = write_report(_written([], tmp_path / "e"), now=MADE).read_text(encoding="utf-8")
    assert "<b>0</b><span>documents</span>" in html


def test_year_chart_labels_thin_out_on_a_long_span():
    chart = year_chart([(year, 1) for year in range(1900, 2000)])
    assert chart.count('<rect class="bar"') == 100
    assert '>1905</text>' in chart and '>1901</text>' not in chart


@pytest.mark.parametrize("given", ["kwp.csv", "kwp.json", "kwp.parquet", "kwp.datapackage.json", "kwp.xlsx", "kwp", ".",
                                   "kwp.people.csv", "kwp.people.parquet", "kwp.links.json", "kwp.report.json",
                                   "kwp.report.html", "kwp.excel.csv", "kwp.sqlite", "kwp.metadata.json"])
def test_the_dataset_can_be_named_by_any_of_its_files_its_stem_or_its_folder(seed: Path, given: str):
    records_file, stem = locate(seed.parent / given)
    assert stem == seed and records_file.parent == seed.parent
    assert records_file.name == (given if given in ("kwp.csv", "kwp.json", "kwp.parquet") else "kwp.csv")


def test_a_dataset_named_as_the_warc_folder_beside_it_is_named_by_its_stem_as_the_error_advises(tmp_path: Path):
    """A harvest named "archive" writes DIR/archive.csv beside DIR/archive/, its WARC files (docs/scheduled.md's name)."""
    write_dataset([RECORD], tmp_path, "archive", ["csv"])
    write_dataset([RECORD], tmp_path, "kwp", ["csv"])
    (tmp_path / "archive").mkdir()
    with pytest.raises(UsageError, match=rf"holds datasets archive, kwp: name one, as {tmp_path / 'archive'}"):
        locate(tmp_path)
    assert locate(tmp_path / "archive") == (tmp_path / "archive.csv", tmp_path / "archive")
    write_dataset([RECORD], tmp_path / "v", "kwp.v2", ["csv"])   # a name with a dot that ends no file of a dataset
    assert locate(tmp_path / "v" / "kwp.v2") == (tmp_path / "v" / "kwp.v2.csv", tmp_path / "v" / "kwp.v2")
    assert locate(tmp_path / "v" / "kwp.v2.people.csv") == (tmp_path / "v" / "kwp.v2.csv", tmp_path / "v" / "kwp.v2")
    write_dataset([RECORD], tmp_path / "r", "nk.report", ["csv"])   # a name that ends as a companion's name does
    assert locate(tmp_path / "r" / "nk.report.csv") == (tmp_path / "r" / "nk.report.csv", tmp_path / "r" / "nk.report")
    write_dataset([RECORD], tmp_path / "kwp", "inner", ["csv"])   # a folder that holds a dataset is that folder's
    assert locate(tmp_path / "kwp") == (tmp_path / "kwp" / "inner.csv", tmp_path / "kwp" / "inner")


def test_a_folder_of_several_datasets_or_none_is_an_error(tmp_path: Path):
    write_dataset([RECORD], tmp_path, "a", ["csv"])
    write_dataset([RECORD], tmp_path, "b", ["json"])
    with pytest.raises(UsageError, match=r"holds datasets a, b: name one"):
        locate(tmp_path)
    with pytest.raises(InputError, match=r"no records file of dataset 'c'"):
        locate(tmp_path / "c.datapackage.json")


@pytest.mark.parametrize("given", ["harvests.toml", "archive/kwp-run0001-part1.warc.gz"])
def test_a_file_of_no_dataset_is_said_so_not_looked_for_as_a_dataset_of_its_name(tmp_path: Path, given: str):
    """It was "no records file of dataset 'harvests.toml' in . (looked for harvests.toml.csv, ...)"."""
    write_dataset([RECORD], tmp_path, "kwp", ["csv"])
    (tmp_path / given).parent.mkdir(exist_ok=True)
    (tmp_path / given).write_text("[[harvest]]\n", encoding="utf-8")
    with pytest.raises(UsageError, match=rf"^{re.escape(str(tmp_path / given))}: not a file of a dataset; give a dataset's "
                                         r"NAME.csv \(or another of its files\), its folder or DIR/NAME$"):
        locate(tmp_path / given)


def test_the_run_state_named_as_the_datasets_database_is_said_so_and_the_dataset_named(monkeypatch, capsys, tmp_path: Path):
    """DIR/.harvester/NAME.sqlite beside DIR/NAME.sqlite: it was "not a harvester records file (missing url, date, ...)"."""
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path), "--port", "0", "-q")
    assert code == 0, err
    state = tmp_path / ".harvester" / "wilson-korean-workers-party.sqlite"
    code, _, err = run_cli(monkeypatch, capsys, "report", str(state))
    assert code == 2 and err == (f"harvester: error: {state}: the dataset's run state, not its records; give "
                                 f"{tmp_path / 'wilson-korean-workers-party'}\n")


def test_a_datasets_sqlite_in_a_folder_named_harvester_is_its_records_not_a_run_state(monkeypatch, capsys, tmp_path: Path):
    """--out ~/.harvester --format sqlite: DIR/NAME.sqlite was refused as "the dataset's run state"."""
    out = tmp_path / ".harvester"
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--out", str(out), "--port", "0", "--format", "sqlite", "-q")
    assert code == 0, err
    assert len(harvester.load(out / "wilson-korean-workers-party.sqlite")) == 19


def test_the_report_command(monkeypatch, capsys, seed: Path, tmp_path: Path):
    out = tmp_path / "page.html"
    code, stdout, err = run_cli(monkeypatch, capsys, "report", f"{seed}.parquet", "--out", str(out))
    assert code == 0, err
    assert stdout == f"wrote {out}\n" and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    code, stdout, _ = run_cli(monkeypatch, capsys, "report", "--help")
    assert code == 0 and "Example" in stdout and "harvester report" in stdout
    code, _, err = run_cli(monkeypatch, capsys, "report", str(tmp_path / "nothing"))
    assert code == 2 and err.startswith("harvester: error: ") and "no records file" in err


def test_a_report_into_a_folder_that_is_not_there_is_one_line_saying_so(monkeypatch, capsys, seed: Path, tmp_path: Path):
    code, _, err = run_cli(monkeypatch, capsys, "report", f"{seed}.csv", "--out", str(tmp_path / "nowhere" / "r.html"))
    assert code == 2 and err == (f"harvester: error: {tmp_path / 'nowhere' / 'r.html'}: cannot write: its folder does not exist: "
                                 "create it, or give another path\n")


def test_the_report_never_writes_over_a_file_that_is_no_web_page(monkeypatch, capsys, seed: Path):
    before = Path(f"{seed}.csv").read_bytes()
    code, _, err = run_cli(monkeypatch, capsys, "report", f"{seed}.csv", "--out", f"{seed}.csv")
    assert code == 2 and err == (f"harvester: error: --out {seed}.csv: the report is a web page; give a file name ending in "
                                 ".html, or a folder that is there\n")
    assert Path(f"{seed}.csv").read_bytes() == before


def chromium() -> str:
    """The Chromium to render with; missing, the test is skipped, except in CI (CI=true) where it must run."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "chromium is not installed (apt-get install chromium); the report is not rendered in a real browser"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI: {reason}")
    pytest.skip(reason)


def render_in_chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-color-profile=srgb",
             f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([chromium(), *flags, *args, page.resolve().as_uri()], capture_output=True, text=True, timeout=90)


def bar_pixels(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    return dict((colour, count) for count, colour in colours).get(BAR_COLOUR, 0)


@pytest.mark.slow
def test_chromium_renders_the_report_with_its_year_chart(page: Path, tmp_path: Path):
    shot = tmp_path / "report.png"
    # one launch gives both the DOM Chromium built and the picture it painted (the page runs no script, so the window's
    # size changes nothing in its DOM)
    result = render_in_chromium(page, tmp_path, "--dump-dom", f"--screenshot={shot}", "--window-size=1200,1600")
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r'<svg id="year-chart"', result.stdout) and len(re.findall(r'<rect class="bar"', result.stdout)) >= 5
    assert shot.stat().st_size > 20_000, result.stderr[-2000:]
    assert bar_pixels(shot) > 5_000                       # the bars are painted, not only present in the DOM


@pytest.mark.slow
def test_without_dated_documents_chromium_paints_no_bars(tmp_path: Path):
    page = write_report(_written([UNDATED], tmp_path), now=MADE)
    shot = tmp_path / "report.png"
    result = render_in_chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1200,1600")
    assert result.returncode == 0 and shot.is_file(), result.stderr[-2000:]
    assert bar_pixels(shot) == 0


def _written(records, folder: Path) -> Path:
    """Records written into folder as d.csv; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    [path] = write_dataset(records, folder, "d", ["csv"])
    return path


def test_a_details_report_whose_pages_all_failed_names_the_titles_places(tmp_path: Path, monkeypatch, capsys):
    """No document page could be read (the site served none): the places come from the titles, and the page says so,
    not "No place is named in the documents" of pages it never read."""
    from harvester.serve import Serving

    with Serving([SEED]) as serving:   # the results pages alone: every document page is a 404
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean Workers' Party", "--base-url",
                               serving.origin, "--out", str(tmp_path), "--name", "d", "--delay", "0", "--details")
    assert code == 1 and "HTTP 404" in err
    html = unescape(write_report(tmp_path / "d.json", now=MADE).read_text(encoding="utf-8"))
    section = html[html.index('<section id="places">'):]
    assert "from the titles" in section[:section.index("</section>")] and "Associated Places" not in html


def test_a_details_report_counts_the_pages_places_and_says_where_the_pages_came_from(tmp_path: Path, monkeypatch, capsys):
    from harvester.serve import Serving

    with Serving([SEED, FIXTURES / "wilson" / "documents"]) as serving:
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean Workers' Party", "--base-url",
                               serving.origin, "--out", str(tmp_path), "--name", "d", "--delay", "0", "--details")
        origin = serving.origin
    assert code in (0, 1), err
    frame = harvester.load(tmp_path / "d.json")
    summary = summarize(frame, NameTable.load(), "t")
    expected = sorted({p for row in frame["places"] for p in row}, key=lambda p: (-sum(p in row for row in frame["places"]), p))
    assert summary.from_pages and [p for p, _ in summary.places] == expected[:15]
    assert summary.places[0] == ("Korea (North)", sum("Korea (North)" in row for row in frame["places"]))
    html = unescape(write_report(tmp_path / "d.json", tmp_path / "d.html", now=MADE).read_text(encoding="utf-8"))
    assert f"fetched from: <b>{origin}</b>" in html and "site: <b>https://digitalarchive.wilsoncenter.org</b>" in html
    # the people as the dataset's people table counts them: the titles' names and the pages' headings, one name each
    table = json.loads((tmp_path / "d.people.json").read_text(encoding="utf-8"))
    assert len(table) > 15 and f"People named most (15 of {len(table)})" in html
    ranked = sorted(table, key=lambda person: (-person["documents"], person["name"]))[:15]
    section = html[html.index("People named most"):]
    shown = re.findall(r"<td>([^<]+)</td><td[^>]*>(\d+)</td>", section)[:15]
    assert [(name, int(count)) for name, count in shown] == [(person["name"], person["documents"]) for person in ranked]
    assert shown[:4] == [("Kim Il Sung", "11"), ("Anastas Mikoyan", "5"), ("Choe Chang-ik", "4"), ("Pak Chang-ok", "4")]


def test_the_people_named_most_are_the_people_tables_made_with_ones_own_names(monkeypatch, capsys, tmp_path: Path):
    (tmp_path / "names.csv").write_text("canonical,kind,variant,note\nKim Il-song,person,Kim Il Sung,our form\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp", "--names",
                           str(tmp_path / "names.csv"))
    assert code == 0, err
    table = json.loads((out / "kwp.people.json").read_text(encoding="utf-8"))
    html = write_report(out / "kwp.csv", now=MADE).read_text(encoding="utf-8")
    section = html[html.index("People named most"):html.index("Places named most")]
    assert "Kim Il-song" in [person["name"] for person in table] and "<td>Kim Il-song</td>" in section
    assert "Kim Il Sung" not in section


def test_a_page_made_earlier_is_made_again_from_each_new_run_and_none_is_made_unasked(monkeypatch, capsys, tmp_path: Path):
    """A weekly run brings the page `harvester report` wrote beside the dataset up to date: left alone, it would tell
    of an earlier run. A dataset with no page gets none."""
    out = tmp_path / "out"
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED / "page-0.html"), "--out", str(out), "--name", "kwp")
    assert code == 1 and "hold 10 of its 19 documents" in err    # one page of two: a warning
    assert not (out / "kwp.report.html").exists()
    run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"))
    assert "pages: <b>1</b>" in (out / "kwp.report.html").read_text(encoding="utf-8")   # the first results page
    code, stdout, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")
    assert code == 0, err
    assert stdout.splitlines()[-1] == f"wrote {out / 'kwp.report.html'}"
    assert "pages: <b>2</b>" in (out / "kwp.report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("mine", ["<html><body>My notes on the harvest</body></html>", ""])
def test_a_file_of_ones_own_named_as_the_page_is_never_written_over(monkeypatch, capsys, tmp_path: Path, mine: str):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kwp.report.html").write_text(mine, encoding="utf-8")
    code, stdout, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")
    assert code == 1 and f"{out / 'kwp.report.html'}: not a page harvester report made (a file of your own?)" in err
    assert (out / "kwp.report.html").read_text(encoding="utf-8") == mine and "kwp.report.html" not in stdout
    assert len(harvester.load(out / "kwp.csv")) == 19


@pytest.mark.parametrize("given", ["kwp.xlsx", "kwp.excel.csv", "."])
def test_a_dataset_of_spreadsheets_alone_is_said_to_need_a_format_that_is_read_back(monkeypatch, capsys, tmp_path: Path,
                                                                                    given: str):
    out = tmp_path / "out"
    run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp", "--format", "xlsx,csv-excel")
    code, _, err = run_cli(monkeypatch, capsys, "report", str(out / given))
    assert code == 2 and err.count("\n") == 1 and "dataset 'kwp' in" in err
    assert "has only spreadsheet files (kwp.xlsx, kwp.excel.csv), which are made for people, not read back; harvest it " \
           "with --format csv (or json) too" in err


def test_harvester_report_never_writes_over_a_file_of_ones_own(monkeypatch, capsys, tmp_path: Path):
    out = tmp_path / "out"
    run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")
    (out / "kwp.report.html").write_text("<p>My notes</p>", encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"))
    assert code == 2 and err == (f"harvester: error: {out / 'kwp.report.html'}: a file of your own (not a page harvester "
                                 "report made) is where the page goes: move it away, or write the page elsewhere with --out FILE\n")
    assert (out / "kwp.report.html").read_text(encoding="utf-8") == "<p>My notes</p>"
    code, _, _ = run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"), "--out", str(tmp_path / "elsewhere.html"))
    assert code == 0 and (tmp_path / "elsewhere.html").is_file()
    code, _, err = run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"), "--out", str(out))   # its own folder: the same
    assert code == 2 and "a file of your own" in err and (out / "kwp.report.html").read_text(encoding="utf-8") == "<p>My notes</p>"


def test_a_report_into_a_folder_is_named_after_its_dataset(monkeypatch, capsys, seed: Path, tmp_path: Path):
    (tmp_path / "reports").mkdir()
    code, stdout, err = run_cli(monkeypatch, capsys, "report", f"{seed}.csv", "--out", str(tmp_path / "reports"))
    assert code == 0, err
    page = tmp_path / "reports" / f"{seed.name}.report.html"
    assert stdout == f"wrote {page}\n" and page.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_a_page_made_before_the_generator_mark_is_made_again(monkeypatch, capsys, tmp_path: Path):
    out = tmp_path / "out"
    run_cli(monkeypatch, capsys, "reparse", str(SEED / "page-0.html"), "--out", str(out), "--name", "kwp")
    run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"))
    page = out / "kwp.report.html"
    page.write_text(page.read_text(encoding="utf-8").replace('<meta name="generator" content="harvester report">\n', ""),
                    encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")
    assert code == 0, err
    assert "pages: <b>2</b>" in page.read_text(encoding="utf-8") and "generator" in page.read_text(encoding="utf-8")


def test_a_page_that_cannot_be_made_again_is_a_warning_and_the_dataset_stands(monkeypatch, capsys, tmp_path: Path):
    out = tmp_path / "out"
    run_cli(monkeypatch, capsys, "reparse", str(SEED / "page-0.html"), "--out", str(out), "--name", "kwp")
    run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"))

    def disk_full(*args, **kwargs):   # stands in for a disk that fills as the page is written
        raise storage_error(out / "kwp.report.html", OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr("harvester.analysis.report.write_report", disk_full)
    code, stdout, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")
    assert code == 1 and f"{out / 'kwp.report.html'}: not made again, so it tells of an earlier run" in err
    assert "kwp.report.html" not in stdout and len(harvester.load(out / "kwp.csv")) == 19


@pytest.mark.parametrize("at", ["write_report", "made_here"], ids=["as-it-is-made", "as-its-module-loads"])
def test_a_stop_while_the_page_is_made_again_says_the_new_files_are_written(monkeypatch, capsys, tmp_path: Path, at):
    """SIGTERM at that moment (cron, systemd): the dataset's new files stand, and the line says so, not "nothing
    written". So too as the report's module loads (pandas, a long moment), before the page is looked at."""
    import sys

    out = tmp_path / "out"
    run_cli(monkeypatch, capsys, "reparse", str(SEED / "page-0.html"), "--out", str(out), "--name", "kwp")
    run_cli(monkeypatch, capsys, "report", str(out / "kwp.csv"))
    script = f"""
import sys
import harvester.analysis.report
from harvester import cli

def stopped(*args, **kwargs):   # stands in for a SIGTERM that comes as the page is made
    raise cli.Terminated

harvester.analysis.report.{at} = stopped
sys.argv = ["harvester", "reparse", {str(SEED)!r}, "--out", {str(out)!r}, "--name", "kwp"]
cli.main()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 143 and done.stderr.splitlines()[-1] == (
        f"harvester: stopped (SIGTERM): the dataset's new files are written; {out / 'kwp.report.html'} still tells of an "
        f"earlier run: harvester report {out / 'kwp.datapackage.json'} makes it again")
    assert len(harvester.load(out / "kwp.csv")) == 19


@pytest.mark.parametrize("paged, rest", [("kwp", "; to finish the run: harvester run {harvests} later"), ("later", "")],
                         ids=["of-the-first-harvest", "of-the-last"])
def test_a_stop_while_a_runs_harvest_makes_its_page_again_leaves_that_harvest_out_of_what_finishes_the_run(tmp_path: Path,
                                                                                                         monkeypatch, capsys,
                                                                                                         paged, rest):
    """A harvests file run, Ctrl-C as a harvest's page is made again: its files are written, so the command that finishes
    the run names the harvests after it alone (it said "to finish the run: harvester run FILE kwp later", which would ask
    the site for the whole of kwp again), and nothing when it is the last."""
    from harvester.serve import Serving

    harvests = tmp_path / "h.toml"
    with Serving([SEED]) as serving:
        harvests.write_text(f'base_url = "{serving.origin}"\ndelay = 0\ncontact = "me@example.org"\n[[harvest]]\nquery = '
                            f'"Korean Workers\' Party"\nname = "kwp"\n[[harvest]]\nquery = "Korean Workers\' Party"\nname = '
                            '"later"\n', encoding="utf-8")
        code, _, err = run_cli(monkeypatch, capsys, "-q", "run", str(harvests))   # (only the stopped run needs a process)
        assert code == 0, err
        write_report(tmp_path / "output" / f"{paged}.csv")
        script = f"""
import sys
import harvester.analysis.report
from harvester import cli

def stopped(*args, **kwargs):   # stands in for a Ctrl-C that comes as the page is made
    raise KeyboardInterrupt

harvester.analysis.report.write_report = stopped
sys.argv = ["harvester", "-q", "run", {str(harvests)!r}]
cli.main()
"""
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                              cwd=Path(__file__).resolve().parent.parent)
    package = tmp_path / "output" / f"{paged}.datapackage.json"
    assert done.returncode == 130 and done.stderr.splitlines()[-1] == (
        f"harvester: interrupted: harvest {1 if paged == 'kwp' else 2}, {paged}: the dataset's new files are written; "
        f"{package.with_name(f'{paged}.report.html')} still tells of an earlier run: harvester report {package} makes it "
        f"again{rest.format(harvests=harvests)}")


def test_the_page_says_what_changed_since_the_last_run_as_it_was_and_as_it_is(tmp_path: Path):
    """The week's news, which the weekly reader opens the page for: new, changed (before and after), gone."""
    from tests.faultserver import FaultServer, synthetic_pages
    from tests.sitegen import doc
    from tests.test_runs import run

    docs = [doc(n) for n in range(12)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path)
        first = unescape(write_report(tmp_path / "s.csv", now=MADE).read_text(encoding="utf-8"))
        docs[3] = (docs[3][0], docs[3][1], "A corrected <title> & more")
        del docs[5]
        docs.append(("telegram-99", "May 1, 1957", "Telegram No. 99, just uploaded"))
        run(server, tmp_path)
    html = write_report(tmp_path / "s.csv", now=MADE).read_text(encoding="utf-8")
    assert "This is the dataset's first run: its 12 documents are all new." in first
    assert '<section id="changes"><h2>Since the last run (run 2)</h2><p>1 new, 0 listed again, 1 changed, 1 no longer listed</p>' in html
    assert "<h3>New</h3><ul><li>Telegram No. 99, just uploaded" in html
    assert ("title: <del>Telegram No. 3 from Pyongyang to Moscow</del> \u2192 <ins>A corrected &lt;title&gt; &amp; more</ins>"
            in html)
    # a document no longer listed is in no file: its title as last seen, and its id
    assert '<h3>No longer listed</h3><ul><li>Telegram No. 5 from Pyongyang to Moscow <span class="note">telegram-5</span></li></ul>' in html
    assert "A corrected <title>" not in html                             # the data's markup is escaped


@pytest.mark.parametrize("report, said", [
    ({"run": 1, "new": [], "listed_again": [], "changed": [], "no_longer_listed": []},
     "This is the dataset's first run, and it found no documents."),
    ({"run": 1, "new": ["a"], "listed_again": [], "changed": [], "no_longer_listed": []},
     "This is the dataset's first run: its one document is new."),
    ({"run": 3, "new": [], "listed_again": [], "changed": [{"id": "a", "fields": ["title", "date"]}], "no_longer_listed": []},
     "<h3>Changed</h3><ul><li>A title <span class=\"note\">a</span><br>title, date</li></ul>"),   # an earlier harvester's report
    ({"run": 2, "new": [], "listed_again": [], "changed": [], "no_longer_listed": ["b"]},
     "<h3>No longer listed</h3><ul><li>b</li></ul>"),                               # an earlier harvester's report: ids
    ({"run": 2, "new": [], "listed_again": [], "changed": [], "no_longer_listed": [{"id": "b", "title": "<B> gone", "url": "u"}]},
     '<h3>No longer listed</h3><ul><li>&lt;B&gt; gone <span class="note">b</span></li></ul>'),
    ({"run": 2, "warnings": []}, None),                                           # no lists: no section
    ({"run": 2, "new": [], "listed_again": [], "changed": [{"id": "a", "fields": 2, "was": {}, "now": {}}, {"id": "a"}],
      "no_longer_listed": []}, "<h3>Changed</h3><ul><li>A title <span class=\"note\">a</span></li><li>A title"),   # odd values
])
def test_the_changes_section_of_any_run_report(report: dict, said: str | None):
    from harvester.analysis.report import changes_section

    html = changes_section(report, {"a": "A title"})
    assert (said in html) if said else html == ""

