"""Make small Wilson-like results pages from lists of documents, for crawler tests (not fixtures)."""

from __future__ import annotations

import html
import math
from urllib.parse import parse_qs, urlsplit

import httpx

PAGE_SIZE = 10


def doc(n: int) -> tuple[str, str, str]:
    """Document number n: (slug, date line, title)."""
    return f"telegram-{n}", f"March {1 + n % 28}, 1956", f"Telegram No. {n} from Pyongyang to Moscow"


def results_page(docs: list[tuple[str, str, str]], page: int, total: int | None = None, query: str = "q",
                 size: int = PAGE_SIZE) -> str:
    """Results page `page` (from 0) of a search whose results are `docs`, `size` to a page."""
    total = len(docs) if total is None else total
    shown = docs[page * size:(page + 1) * size]
    rows = "".join(
        f'<tr><td class="document contextual-region"><div class="date">{html.escape(date)}</div>'
        f'<h3 class="title"><a href="/document/{slug}">{html.escape(title)}</a></h3>'
        f'<div class="text-block"><p>Summary of {html.escape(title)}.</p></div></td></tr>'
        for slug, date, title in shown
    )
    first, last = page * size + 1, page * size + len(shown)
    summary = f'<div class="results-summary"><span class="label">Results:</span> <span>{first} - {last} of {total}</span></div>' if total else ""
    has_next = (page + 1) * size < total
    pager = f'<nav class="pager"><ul><li class="pager__item pager__item--next"><a href="?search_api_fulltext={query}&amp;page={page + 1}" rel="next">Next</a></li></ul></nav>' if has_next else ""  # noqa: E501 (one page of markup reads best on one line)
    content = f'<table class="table"><tbody>{rows}</tbody></table>' if rows else '<div class="view-empty">No results found.</div>'
    return (
        '<!DOCTYPE html><html><head><title>Search</title></head><body class="path-search"><main>'
        f'<div class="view view-search"><div class="view-header">{summary}</div><div class="view-content">{content}</div>{pager}</div>'
        "</main></body></html>"
    )


def page_number(request: httpx.Request) -> int:
    return int(parse_qs(urlsplit(str(request.url)).query).get("page", ["0"])[0])


def search_handler(versions: list[list[tuple[str, str, str]]], log: list[int] | None = None):
    """Serve /search from successive versions of the results: version k answers the k-th search request."""
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /search/\n")
        if request.url.path != "/search":
            return httpx.Response(404)
        docs = versions[min(calls["n"], len(versions) - 1)]
        calls["n"] += 1
        number = page_number(request)
        if log is not None:
            log.append(number)
        return httpx.Response(200, text=results_page(docs, number), headers={"Content-Type": "text/html; charset=utf-8"})

    return handler


def page_count(n_docs: int) -> int:
    return math.ceil(n_docs / PAGE_SIZE)
