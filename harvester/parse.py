"""Results page -> raw cards (strings as found), totals and next link. Pure; fails loudly on drift."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from harvester.errors import BlockedError, LayoutError
from harvester.page import is_challenge
from harvester.sites import Site

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RawCard:
    """One search result exactly as the page shows it (whitespace collapsed, nothing interpreted)."""

    href: str
    date: str
    title: str
    summary: str


@dataclass(frozen=True)
class ResultsPage:
    """What one results page says: its range of the total, its cards, and the link to the next page."""

    url: str
    total: int | None          # None when the page carries no "x - y of N" line
    first: int | None
    last: int | None
    cards: tuple[RawCard, ...]
    next_url: str | None
    warnings: tuple[str, ...] = ()


def parse_results(html: str, url: str, site: Site, name: str | None = None) -> ResultsPage:
    """Parse one search results page of `site`; `url` resolves its links, `name` (default: url) names it in errors."""
    where = name or url
    tree = LexborHTMLParser(html)
    view = next((found for selector in site.search_view if (found := tree.css_first(selector)) is not None), None)
    if view is None and is_challenge(html):  # looked for only on a page that is not a results page: it costs
        raise BlockedError(f"{where}: the site answered with a bot-protection challenge, not a results page")
    if view is None:
        raise LayoutError(f"{where}: not a search results page (no search results view found)")
    totals = _totals(view, site)
    cards = tuple(_card(node, index, where, site) for index, node in enumerate(_card_nodes(view, site), 1))
    total, first, last = totals if totals else (None, None, None)
    if not cards and total:
        raise LayoutError(f"{where}: the page says {total} results but holds no result cards (layout changed?)")
    if not cards and totals is None:
        total = 0
    if totals and cards and len(cards) < last - first + 1:
        raise LayoutError(f"{where}: the page says results {first} - {last} but holds only {len(cards)} cards (truncated page, or layout changed?)")
    return ResultsPage(url, total, first, last, cards, _next_url(view, tree, url, site), _warnings(totals, cards))


def _card_nodes(view: LexborNode, site: Site) -> list[LexborNode]:
    for selector in site.cards:
        nodes = view.css(selector)
        if nodes:
            return nodes
    return []


def _card(node: LexborNode, index: int, url: str, site: Site) -> RawCard:
    link = next((found for sel in site.card_link if (found := node.css_first(sel)) is not None), None)
    title_node = node.css_first(site.card_title)
    if link is None:
        shown = f" ({inline_text(title_node)!r})" if title_node is not None else ""
        raise LayoutError(f"{url}: result card {index}{shown} has no title link")
    title = inline_text(link) or (inline_text(title_node) if title_node is not None else "")
    if not title:
        raise LayoutError(f"{url}: result card {index} has a link but no title text")
    return RawCard(
        href=(link.attributes.get("href") or "").strip(),
        date=_optional_text(node, site.card_date),
        title=title,
        summary=_block_text(node.css_first(site.card_summary)),
    )


def _optional_text(node: LexborNode, selector: str) -> str:
    found = node.css_first(selector)
    return inline_text(found) if found is not None else ""


def inline_text(node: LexborNode) -> str:
    """The text of an element as a reader sees it: tags dropped, <br> a newline, other whitespace one space."""
    only = node.child
    if only is not None and only.next is None and only.tag == "-text":   # most often one run of text: what the loop gives
        return " ".join((only.text_content or "").split())   # str.split's whitespace is \s's: the same text, faster
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            parts.append(_WHITESPACE.sub(" ", child.text_content or ""))
        elif child.tag == "br":
            parts.append("\n")
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(lines).strip()


def _block_text(block: LexborNode | None) -> str:
    """A summary block: each paragraph's text, paragraphs separated by a blank line."""
    if block is None:
        return ""
    paragraphs = block.css("p")
    if not paragraphs:
        return inline_text(block)
    return "\n\n".join(text for p in paragraphs if (text := inline_text(p)))


def _totals(view: LexborNode, site: Site) -> tuple[int, int, int] | None:
    """The "x - y of N" line: in its known places first, else any element whose whole text is that line."""
    candidates = [node.text() for node in view.css(site.totals)]
    match = next((m for text in candidates if (m := site.totals_pattern.search(text))), None)
    if match is None:
        whole_line = re.compile(rf"^\s*(?:Results:)?\s*{site.totals_pattern.pattern}\s*$")
        texts = (node.text() for node in view.css("div, span, p, h2, h3, header"))
        match = next((m for text in texts if (m := whole_line.match(text))), None)
    if match is None:
        return None
    first, last, total = (int(group.replace(",", "")) for group in match.groups())
    return total, first, last


def _next_url(view: LexborNode, tree: LexborHTMLParser, url: str, site: Site) -> str | None:
    """The pager's next link: in the results view, where Drupal puts it (a quick look), else anywhere on the page."""
    link = view.css_first(site.next_link) or tree.css_first(site.next_link)
    href = link.attributes.get("href") if link is not None else None
    return urljoin(url, href) if href else None


def _warnings(totals: tuple[int, int, int] | None, cards: tuple[RawCard, ...]) -> tuple[str, ...]:
    if totals is None:
        return ("no 'x - y of N' totals line: completeness cannot be checked",) if cards else ()
    total, first, last = totals
    if cards and len(cards) > last - first + 1:
        return (f"the page says results {first} - {last} but holds {len(cards)} cards",)
    return ()
