"""harvest() and reparse(): the only place the stages meet, top to bottom."""

from __future__ import annotations

import contextlib
import logging
import math
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx

from harvester.client import Fetcher, make_client
from harvester.crawl import Crawl, crawl_search
from harvester.errors import UsageError
from harvester.export import write_dataset
from harvester.normalize.names import NameTable
from harvester.package import provenance, write_package
from harvester.parse import parse_results
from harvester.records import Record, build_record, unify_people
from harvester.saved import find_html, read_saved
from harvester.settings import Settings
from harvester.sites import Site

log = logging.getLogger("harvester")


@dataclass
class Outcome:
    """What a run produced and how it went; the CLI prints it."""

    records: list[Record]
    files: list[Path]
    pages: int
    total: int | None
    requests: int = 0
    warnings: list[str] = field(default_factory=list)


def utc_now() -> datetime:
    return datetime.now(UTC)


def harvest(
    site: Site,
    query: str,
    out_dir: Path,
    name: str,
    formats: Iterable[str],
    settings: Settings,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], datetime] = utc_now,
    names: NameTable | None = None,
) -> Outcome:
    """Crawl every results page of `query` on `site`, normalize the cards and write the dataset files."""
    prepare_output(out_dir)
    names = names or NameTable.load()
    with contextlib.nullcontext(client) if client else make_client(settings) as http:
        fetcher = Fetcher(http, settings.base_url or site.home, settings, sleep=sleep, now=now)
        crawl = crawl_search(fetcher.get, site, query, settings)
    records = to_records([crawl], site, names)
    files = write_dataset(records, out_dir, name, formats)
    outcome = Outcome(records, files, crawl.pages_fetched, crawl.total, fetcher.requests, crawl.warnings)
    outcome.files.append(write_package(out_dir, name, outcome, provenance(outcome, site, [query], "harvest", now())))
    return outcome


def reparse(
    paths: Iterable[Path],
    site: Site,
    out_dir: Path,
    name: str | None,
    formats: Iterable[str],
    names: NameTable | None = None,
) -> Outcome:
    """Parse saved results pages again, with no network, and write the dataset files."""
    prepare_output(out_dir)
    names = names or NameTable.load()
    files = find_html(list(paths))
    crawls: dict[str, Crawl] = {}
    for path in files:
        page, text = read_saved(path)
        results = parse_results(text, page.url or f"{site.home}{site.search_path}", site, name=str(path))
        crawl = crawls.setdefault(search_key(page.url, site), Crawl(query_of(page.url, site)))
        crawl.pages_fetched += 1
        crawl.total = results.total if results.total is not None else crawl.total
        crawl.add(results, site, site.canonical(page.url) if page.url else str(path), page.fetched_at)
    records = to_records(crawls.values(), site, names)
    warnings = [w for crawl in crawls.values() for w in crawl.warnings + coverage_warnings(crawl, site)]
    queries = {crawl.query for crawl in crawls.values()}
    name = name or default_name(site, queries.pop() if len(queries) == 1 else "reparse")
    written = write_dataset(records, out_dir, name, formats)
    outcome = Outcome(records, written, len(files), sum(c.total or 0 for c in crawls.values()), 0, warnings)
    outcome.files.append(write_package(out_dir, name, outcome, provenance(outcome, site, [c.query for c in crawls.values()], "reparse", utc_now())))
    return outcome


def to_records(crawls: Iterable[Crawl], site: Site, names: NameTable) -> list[Record]:
    """Every distinct document of the crawls as a normalized Record, people written one way throughout."""
    built: dict[str, Record] = {}
    for crawl in crawls:
        for doc_id, seen in crawl.documents.items():
            if doc_id not in built:
                built[doc_id] = build_record(doc_id, seen.card, seen.source_page, site, crawl.query, seen.seen_at, names)
    return unify_people(list(built.values()), names)


def coverage_warnings(crawl: Crawl, site: Site) -> list[str]:
    """For saved pages: say when they hold fewer documents than their search's total."""
    if crawl.total is None or len(crawl.documents) >= crawl.total:
        return []
    pages = math.ceil(crawl.total / site.page_size)
    search = repr(crawl.query) if crawl.query else "an unknown search"
    return [f"saved pages of {search} hold {len(crawl.documents)} of its {crawl.total} documents ({pages} pages in all)"]


def search_key(url: str, site: Site) -> str:
    """Which search a page belongs to: its path and parameters without the page number."""
    if not url:
        return ""
    parts = urlsplit(url)
    params = sorted((k, v) for k, v in parse_qsl(parts.query) if k != site.page_param)
    return f"{parts.path}?{params}"


def query_of(url: str, site: Site) -> str:
    """The full-text query a search URL carries ('' when none)."""
    return dict(parse_qsl(urlsplit(url).query)).get(site.query_param, "") if url else ""


def default_name(site: Site, query: str) -> str:
    """A file name from the site and the query: 'wilson-korean-workers-party'."""
    folded = unicodedata.normalize("NFKD", query).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.replace("'", "").replace("\u2019", "")).strip("-")[:60].strip("-")
    return f"{site.name}-{slug or 'all'}"


def check_name(name: str) -> str:
    """A dataset name must be a plain file name stem."""
    if not name or not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        raise UsageError(f"--name {name!r}: use letters, digits, '.', '-' and '_' only")
    return name


def prepare_output(out_dir: Path) -> None:
    """Create the output folder and prove it is writable before any work is done."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as error:
        raise UsageError(f"--out {out_dir}: cannot write there ({error.strerror or error})") from None
