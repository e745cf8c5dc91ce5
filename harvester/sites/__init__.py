"""Site modules: each owns one site's URL scheme and selectors; `get_site` looks one up by name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from harvester.errors import UsageError


@dataclass(frozen=True)
class DocumentPage:
    """Where things sit in a site's document page; each tuple is tried in order (the first that matches wins).

    `sections` and `section_links` name the field a linked-value section holds: by its heading
    (matched against the heading text, lower-cased, trailing colon dropped), else by where its
    links point. `evidence` lists marks of a document page beyond its title (a person or search
    page has a title too); `node_path` matches the Drupal path a document page has.
    """

    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    support_prefix: str = ""             # the support line's fixed start, when it is not in its own element
    transcript: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    pdf: tuple[str, ...] = ()            # elements whose `data` or `href` is the PDF
    blocks: str = ""                     # blocks holding a heading and linked values or a label and a value
    block_heading: str = ""
    heading_then_pills: str = ""         # headings whose next sibling holds the linked values
    pills: str = ""                      # one linked value
    pill_text: tuple[str, ...] = ()      # its text, inside the pill
    info_value: str = ""                 # a plain value inside a block
    not_page_parts: str = ""             # containers whose dates and summaries belong to other documents
    previews: str = ""                   # PDF previews, whose fallback text is not the transcript
    support_anywhere: str = ""           # where to look for the support line by its prefix
    settings_json: str = ""              # the script holding the page's settings (its current path)
    shortlink: str = ""                  # the link whose href holds the node number
    sections: tuple[tuple[str, re.Pattern[str]], ...] = ()
    section_links: tuple[tuple[str, re.Pattern[str]], ...] = ()
    evidence: tuple[str, ...] = ()
    node_path: re.Pattern[str] = re.compile(r"^node/(\d+)$")


@dataclass(frozen=True)
class Site:
    """What harvester knows of one site: where it lives, how its search is addressed, where things sit in its pages."""

    name: str
    home: str                        # canonical origin, e.g. https://digitalarchive.wilsoncenter.org
    hosts: frozenset[str]            # hosts whose document links are the same documents (production, staging)
    search_path: str                 # path of the search page
    query_param: str                 # full-text parameter name
    page_param: str                  # zero-based page parameter name
    page_size: int                   # results per page
    document_path: re.Pattern[str]   # matches a document path; group 1 is its id (slug or legacy number)
    search_view: tuple[str, ...]     # selectors of the search results container, tried in order: the narrowest first
    cards: tuple[str, ...]           # selectors of result cards, tried in order
    card_date: str
    card_title: str                  # element holding the title text
    card_link: tuple[str, ...]       # selectors of the title link inside a card, tried in order
    card_summary: str
    totals: str                      # selector of the "x - y of N" line
    totals_pattern: re.Pattern[str]
    totals_line: re.Pattern[str]     # the totals line as the whole text of an element, when not in its known places
    totals_anywhere: str             # the elements that may hold it then
    next_link: str
    document: DocumentPage = field(default_factory=DocumentPage)   # the document page's selectors

    def search_url(self, query: str, page: int, origin: str | None = None) -> str:
        """The URL of results page `page` (from 0) of a full-text search; the first page has no page parameter."""
        url = f"{(origin or self.home).rstrip('/')}{self.search_path}?{self.query_param}={quote(query, safe='')}"
        return f"{url}&{self.page_param}={page}" if page else url

    def canonical(self, url: str) -> str:
        """The same path and query on the site's canonical host (for provenance that does not depend on mirrors)."""
        parts = urlsplit(url)
        return f"{self.home}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def doc_id(self, href: str) -> str | None:
        """The document's id (its slug, or legacy number) from any link to it, on any of the site's hosts;
        a page known only by its Drupal path (/node/95423, as staging copies are saved) is "node-95423"."""
        path = urlsplit(href).path
        match = self.document_path.match(path)
        if match:
            return match.group(1)
        node = _NODE_PATH.match(path)
        return f"node-{node.group(1)}" if node else None

    def doc_url(self, doc_id: str, origin: str | None = None) -> str:
        """The document's absolute URL on the site's canonical host (or on `origin`: a mirror, a local server)."""
        node = _NODE_ID.match(doc_id)
        path = f"/node/{node.group(1)}" if node else f"/document/{doc_id}"
        return f"{(origin or self.home).rstrip('/')}{path}"


_NODE_PATH = re.compile(r"^/node/(\d+)/?$")
_NODE_ID = re.compile(r"^node-(\d+)$")


def get_site(name: str) -> Site:
    """The site called `name`; an unknown name is a usage error that lists the known ones."""
    from harvester.sites import wilson

    known = {wilson.SITE.name: wilson.SITE}
    if name not in known:
        raise UsageError(f"unknown --site {name!r}; known sites: {', '.join(sorted(known))}")
    return known[name]
