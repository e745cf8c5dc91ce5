"""Document page -> raw fields (strings as found). Pure; fails loudly on drift.

`parse_document` reads what one /document/ page says, keeping every string as shown
(`harvester.records.details_of` turns it into what the dataset carries). Each part is found by several cues
(class names, heading words, where links point), so a small change on the site does not silently
empty a field, and a page that is not a document page at all (a challenge, a person or search
page) is an error naming the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from harvester.errors import BlockedError, LayoutError
from harvester.fetch.page import is_challenge
from harvester.fetch.saved import wayback_notice
from harvester.parse.results import RawCard, parse_results
from harvester.parse.text import check_bounds, inline_text, paragraphs, within
from harvester.sites import DocumentSelectors, Site, web_address

@dataclass(frozen=True)
class Pill:
    """One linked value of a section: its text and where it links, as found."""

    text: str
    href: str


@dataclass(frozen=True)
class RawSection:
    """A section of linked values ("Author(s)", "Associated Places", ...) and the details field it feeds ("" if unknown)."""

    heading: str
    field: str
    pills: tuple[Pill, ...]


@dataclass(frozen=True)
class RawInfo:
    """A labelled plain value of the Document Information ("Source", "Record ID", ...) and the field it feeds; a box
    holding several values in elements of their own (two donors, two languages) gives each as one item."""

    label: str
    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class RawDocument:
    """One document page exactly as it reads (whitespace collapsed, nothing interpreted); "" where the page has nothing."""

    url: str
    date: str
    title: str
    support: str          # "This document was made possible with support from ..."
    transcript: str       # the text tab; paragraphs separated by a blank line
    summary: str
    pdf_url: str          # the PDF, on the site's own host when the page's host is the site's
    sections: tuple[RawSection, ...]
    info: tuple[RawInfo, ...]
    related: tuple[Pill, ...] = ()   # the links of the Related Documents list (other documents' cards), in page order


def parse_document(html: str, url: str, site: Site, name: str | None = None) -> RawDocument:
    """Parse one document page of `site`; `url` resolves its links, `name` (default: url) names it in errors."""
    where = name or url
    check_bounds(html, where)
    tree = LexborHTMLParser(html)
    page = _ParsedDocument(tree, site.document)
    title = page.first_text(site.document.title)
    if not title and is_challenge(html):
        raise BlockedError(f"{where}: the site answered with a bot-protection challenge, not a document page")
    _check_node(html, site, where)
    if not title:
        raise LayoutError(f"{where}: not a document page (no document title: none of {', '.join(site.document.title)} found)")
    if not any(tree.css_first(selector) is not None for selector in site.document.evidence):
        raise LayoutError(f"{where}: not a document page (a title, but no date, text, linked values or document information)")
    sections, info = page.sections_and_info()
    return RawDocument(
        url=url,
        date=page.first_text(site.document.date),
        title=title,
        support=page.support(),
        transcript=page.transcript(),
        summary=page.summary(),
        pdf_url=page.pdf_url(url, site),
        sections=sections,
        info=info,
        related=page.related(),
    )


def card_of(raw: RawDocument) -> RawCard:
    """The page's own date, title and summary as a results card: a saved document page alone still gives a record."""
    return RawCard(href=urlsplit(raw.url).path, date=raw.date, title=raw.title, summary=raw.summary)


def is_old_layout(html: str, site: Site) -> bool:
    """Whether a page is a document page of the site's former layout, which is none of the selectors above."""
    return bool(site.document.old_layout) and LexborHTMLParser(html).css_first(site.document.old_layout) is not None


def wayback_stand_in(html: str, site: Site) -> str | None:
    """The Wayback Machine's notice (see wayback_notice) of a page saved in the place of one of the site's: a page that
    reads as the site's results or as a document is the site's, whatever its text quotes."""
    if (notice := wayback_notice(html)) is None:
        return None
    for parse in (parse_results, parse_document):
        try:
            parse(html, site.home, site)
            return None
        except (LayoutError, BlockedError):
            continue
    return notice


def _check_node(html: str, site: Site, where: str) -> None:
    """A page whose settings give a Drupal path that is no node (a search, a person's page) is not a document page."""
    path = site.setting(html, site.current_path)
    if isinstance(path, str) and not site.document.node_path.match(path):
        raise LayoutError(f"{where}: not a document page (its Drupal path is {path!r}, not node/<id>)")


CAPTION = 200   # characters a tab may hold beside the link to its scan ("The original scan, in Russian: ..."): more is a text


def _ids(tree: LexborHTMLParser | LexborNode, selector: str) -> frozenset[int]:
    return frozenset(n.mem_id for n in tree.css(selector)) if selector else frozenset()


class _ParsedDocument:
    """One parsed page and the parts of it that are not this document's (related documents, menus, PDF previews)."""

    def __init__(self, tree: LexborHTMLParser, selectors: DocumentSelectors) -> None:
        self.tree, self.sel = tree, selectors
        self.other = _ids(tree, selectors.not_page_parts)
        self.previews = _ids(tree, selectors.previews)
        self.blocks = _ids(tree, selectors.blocks)
        self.panes = frozenset(n.mem_id for selector in selectors.transcript for n in tree.css(selector))   # its text's

    def _found(self, selectors: tuple[str, ...], skip: frozenset[int] = frozenset()) -> Iterator[LexborNode]:
        """The elements the selectors find, selector by selector, outside other documents' parts (and `skip`)."""
        outside = self.other | skip
        return (node for selector in selectors for node in self.tree.css(selector) if not within(node, outside))

    def first_text(self, selectors: tuple[str, ...]) -> str:
        """The text of the first element any selector finds outside other documents' parts."""
        return next((text for node in self._found(selectors) if (text := inline_text(node))), "")

    def support(self) -> str:
        found = self.first_text(self.sel.support)
        if found or not self.sel.support_prefix:
            return found
        for node in self.tree.css(self.sel.support_anywhere):
            text = inline_text(node)
            if text.startswith(self.sel.support_prefix) and len(text) < 300:
                return text
        return ""

    def transcript(self) -> str:
        return next((text for node in self._found(self.sel.transcript) if (text := paragraphs(node, self.previews))), "")

    def summary(self) -> str:
        return next((text for node in self._found(self.sel.summary, self.panes) if (text := paragraphs(node))), "")

    def pdf_url(self, url: str, site: Site) -> str:
        """The original scan: a preview's file, else a link to a PDF (or a download) on the site, but for a file a
        text of the page links to (a link in a pane of text, more than a caption beside the link), or another site's."""
        for node in self._found(self.sel.pdf):
            if node.tag == "a" and not within(node, self.previews) and (pane := self._pane_of(node)) is not None \
                    and len(paragraphs(pane, self.previews)) > len(inline_text(node)) + CAPTION:
                continue
            value = next((v for key in ("data", "src", "href") if (v := (node.attributes.get(key) or "").strip())), "")
            if value and web_address(value):
                link = urljoin(url, value)
                if site.on_site(link, url):
                    return site.canonical(link)   # (a mirror's, a local copy's: the site's)
        return ""

    def _pane_of(self, node: LexborNode) -> LexborNode | None:
        """The tab pane (of the text's) that holds the node, if one does."""
        parent = node.parent
        while parent is not None and parent.mem_id not in self.panes:
            parent = parent.parent
        return parent

    def related(self) -> tuple[Pill, ...]:
        """The title links of the Related Documents' cards (a list of other documents, kept out of this page's parts)."""
        for selector in self.sel.related:
            links = self.tree.css(selector)
            if links:
                return tuple(Pill(inline_text(link), (link.attributes.get("href") or "").strip()) for link in links)
        return ()

    def sections_and_info(self) -> tuple[tuple[RawSection, ...], tuple[RawInfo, ...]]:
        """Every block with linked values is a section, every block with a labelled plain value an info; in page order."""
        sections: list[RawSection] = []
        info: list[RawInfo] = []
        done: set[int] = set()
        sel = self.sel
        for node in self.tree.css(f"{sel.blocks}, {sel.heading_then_pills}"):
            if within(node, done) or node.mem_id in self.other or within(node, self.other):
                continue
            if node.mem_id in self.blocks:
                holder, heading = node, _heading(node.css_first(sel.block_heading))
            else:
                holder = _next_element(node)
                if holder is None or holder.css_first(sel.pills) is None or self._has_blocks(holder):
                    continue
                heading = _heading(node)
            done.add(holder.mem_id)
            pills = tuple(_pill(p, sel) for p in holder.css(sel.pills))
            field = _field(heading, pills, sel)
            if pills:
                sections.append(RawSection(heading, field, pills))
            elif heading:
                info.append(RawInfo(heading, field, _info_values(holder, sel)))
        return tuple(sections), tuple(info)

    def _has_blocks(self, node: LexborNode) -> bool:
        """A heading's sibling that is (or holds) blocks of its own is a set of sections, not the heading's values."""
        return node.mem_id in self.blocks or node.css_first(self.sel.blocks) is not None


def _info_values(holder: LexborNode, sel: DocumentSelectors) -> tuple[str, ...]:
    """The plain values of a box: each value element's paragraphs, or its child elements when it holds nothing else."""
    values: list[str] = []
    for node in holder.css(sel.info_value):
        children = [child for child in node.iter() if child.tag not in ("br", "-comment")]
        loose = any((child.text_content or "").strip() for child in node.iter(include_text=True) if child.tag == "-text")
        values += [inline_text(c) for c in children] if len(children) > 1 and not loose else paragraphs(node).split("\n\n")
    return tuple(v for v in values if v)


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    return sibling


def _heading(node: LexborNode | None) -> str:
    return inline_text(node).rstrip(":").strip() if node is not None else ""


def _pill(node: LexborNode, sel: DocumentSelectors) -> Pill:
    text_node = next((found for sel in sel.pill_text if (found := node.css_first(sel)) is not None), node)
    link = node if node.tag == "a" else (node.css_first("a[href]") or _link_ancestor(node))
    href = (link.attributes.get("href") or "").strip() if link is not None else ""
    return Pill(inline_text(text_node), href)


def _link_ancestor(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    return parent if parent is not None and parent.tag == "a" else None


def _field(heading: str, pills: tuple[Pill, ...], sel: DocumentSelectors) -> str:
    """The details field a section feeds: by its heading's words, else by where its first link points."""
    wanted = heading.lower().rstrip(":").strip()
    for field, pattern in sel.sections:
        if wanted and pattern.search(wanted):
            return field
    href = next((p.href for p in pills if p.href), "")
    return next((field for field, pattern in sel.section_links if href and pattern.search(href)), "")
