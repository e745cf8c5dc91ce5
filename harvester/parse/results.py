"""Results page -> raw cards (strings as found), totals and next link. Pure; fails loudly on drift."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from harvester.errors import BlockedError, LayoutError
from harvester.fetch.page import is_challenge
from harvester.parse.text import check_bounds, inline_text, paragraphs
from harvester.sites import Site, web_address

TOTALS_BOX = 1000   # characters: the most a box of the totals line holds (the site's holds "Results: 1 - 10 of 19")


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
    facets: tuple[tuple[str, str, str], ...] = ()   # the facets of the page's search it shows, (name, id, label)
    facet_names: tuple[str, ...] = ()               # the names of the facets the page offers (none: it shows none)
    fields: tuple[str, ...] = ()                    # the fields of its search form (none: it shows none)

    @property
    def belied(self) -> bool:
        return total_belied(self.total, self.last, len(self.cards))


def total_belied(total: int | None, last: int | None, cards: int) -> bool:
    """A page's total is fewer than the results it shows ("1 - 10 of 0", "11 - 20 of 15" above ten cards): no total, as
    a search lists no fewer results than one of its pages shows."""
    return total is not None and total < max(cards, last or 0)


def parse_results(html: str, url: str, site: Site, name: str | None = None) -> ResultsPage:
    """Parse one search results page of `site`; `url` resolves its links, `name` (default: url) names it in errors."""
    where = name or url
    check_bounds(html, where)
    tree = LexborHTMLParser(html)
    view = next((found for selector in site.search_view if (found := tree.css_first(selector)) is not None), None)
    if view is None and is_challenge(html):
        raise BlockedError(f"{where}: the site answered with a bot-protection challenge, not a results page")
    if view is None:
        raise LayoutError(f"{where}: not a search results page (no search results view found)")
    totals = _totals(view, site)
    nodes = next((found for selector in site.cards if (found := view.css(selector))), [])
    cards = tuple(_card(node, index, where, site) for index, node in enumerate(nodes, 1))
    total, first, last = totals if totals else (None, None, None)
    if len(cards) > 1 and not any(card.title for card in cards):   # (a page's one card may lack it, as one of ten may)
        raise LayoutError(f"{where}: none of its {len(cards)} result cards has a title text (layout changed?)")
    if not cards and total:
        raise LayoutError(f"{where}: the page says {total} results but holds no result cards (layout changed?)")
    if not cards and totals is None:
        if view.css_first(site.no_results) is None and tree.css_first(site.no_results) is None:
            raise LayoutError(f"{where}: no result cards, no totals line and no 'no results' message ({site.no_results!r}): "
                              "not a results page as the site writes them (layout changed?)")
        total = 0
    link = view.css_first(site.next_link) or tree.css_first(site.next_link)
    href = (link.attributes.get("href") or "").strip() if link is not None else None
    groups = [(group.attributes.get(site.facet_name) or "", group) for group in tree.css(site.facet_groups)]
    facets = tuple((name, a.attributes.get(site.facet_value) or "", inline_text(label))
                   for name, group in groups for a in group.css(site.active_facets)
                   if (label := a.css_first(site.facet_label)) is not None)
    next_url = urljoin(url, href) if href and web_address(href) else None
    unusable = (f"its next-page link {href!r} is not a web address: not followed",) if href and not next_url else ()
    return ResultsPage(url, total, first, last, cards, next_url, _warnings(totals, nodes, cards, site) + unusable,
                       tuple(f for f in facets if all(f)), tuple(name for name, _ in groups),
                       tuple(dict.fromkeys(field.attributes.get("name") or "" for field in tree.css(site.form_fields))))


def _card(node: LexborNode, index: int, url: str, site: Site) -> RawCard:
    link = next((found for sel in site.card_link if (found := node.css_first(sel)) is not None), None)
    title = inline_text(link) if link is not None else ""
    title_node = None if title else node.css_first(site.card_title)   # looked for only when the link shows no title
    if link is None:
        shown = f" ({inline_text(title_node)!r})" if title_node is not None else ""
        raise LayoutError(f"{url}: result card {index}{shown} has no title link")
    title = title or (inline_text(title_node) if title_node is not None else "")   # none: a warning of the page's
    date, summary = node.css_first(site.card_date), node.css_first(site.card_summary)
    return RawCard(href=(link.attributes.get("href") or "").strip(), date=inline_text(date) if date is not None else "",
                   title=title, summary=paragraphs(summary) if summary is not None else "")


def _totals(view: LexborNode, site: Site) -> tuple[int, int, int] | None:
    """The "x - y of N" line: in its known places first, else any element whose whole text is that line."""
    # (a box holding more than a line or two is looked for in the boxes inside it: each text read once, not once a box)
    texts = (text for node in view.css(site.totals) if len(text := node.text()) <= TOTALS_BOX)
    match = next((m for text in texts if (m := site.totals_pattern.search(text))), None)
    if match is None:
        texts = (text for node in view.css(site.totals_anywhere) if len(text := node.text()) <= TOTALS_BOX)
        match = next((m for text in texts if (m := site.totals_line.match(text))), None)
    # (a number whose thousands two signs separate, "1,234.567", is a locale's decimal fraction: no count)
    if match is None or any(len({sign for sign in group if not sign.isdecimal()}) > 1 for group in match.groups()):
        return None
    first, last, total = (int("".join(filter(str.isdecimal, group))) for group in match.groups())
    return total, first, last


def _warnings(totals: tuple[int, int, int] | None, nodes: list[LexborNode], cards: tuple[RawCard, ...], site: Site) -> tuple[str, ...]:
    """What the page lacks that the site's layout promises: a totals line, the cards it counts, the cards' titles, dates
    and summaries."""
    warnings = []
    if totals is None and cards:
        warnings.append("no 'x - y of N' totals line: the page does not count the search's results")
    if totals and cards and len(cards) != totals[2] - totals[1] + 1:   # (a document left out is then missing at the end)
        warnings.append(f"the page says results {totals[1]} - {totals[2]} but holds {len(cards)} cards")
    if totals and total_belied(totals[0], totals[2], len(cards)):
        warnings.append(f"the page says results {totals[1]} - {totals[2]} of {totals[0]} and holds {len(cards)} cards: "
                        "its total is fewer than the results it shows")
    if untitled := [str(number) for number, card in enumerate(cards, 1) if not card.title]:
        warnings.append(f"result card {', '.join(untitled)} has a link but no title text: its record's title is empty"
                        if len(untitled) == 1 else f"result cards {', '.join(untitled)} have links but no title text: "
                        "their records' titles are empty")
    # a card may lack a summary (the site then leaves its element out): only a page of several says the layout changed
    for what, selector, fewest in (("date", site.card_date, 1), ("summary", site.card_summary, 3)):
        if len(cards) >= fewest and all(node.css_first(selector) is None for node in nodes):
            none = f"none of its {len(cards)} cards has a {what}" if len(cards) > 1 else f"its one card has no {what}"
            warnings.append(f"{none} ({selector!r} found nothing): has the layout changed?")
    return tuple(warnings)
