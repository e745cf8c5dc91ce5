"""Document page -> raw fields (strings as found). Pure; fails loudly on drift.

`parse_document` reads what one /document/ page says, keeping every string as shown
(`harvester.details` turns it into what the dataset carries). Each part is found by several cues
(class names, heading words, where links point), so a small change on the site does not silently
empty a field, and a page that is not a document page at all (a challenge, a person or search
page) is an error naming the page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from harvester.errors import BlockedError, LayoutError
from harvester.page import is_challenge
from harvester.parse import RawCard, inline_text
from harvester.sites import DocumentPage, Site

_BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, pre"
_SHORTLINK = re.compile(r"/node/(\d+)\b")


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
    """A labelled plain value of the Document Information ("Source", "Record ID", ...) and the field it feeds."""

    label: str
    field: str
    value: str


@dataclass(frozen=True)
class RawDocument:
    """One document page exactly as it reads (whitespace collapsed, nothing interpreted); "" where the page has nothing."""

    url: str
    node_id: str          # Drupal's node number (not the Record ID)
    date: str
    title: str
    support: str          # "This document was made possible with support from ..."
    transcript: str       # the text tab; paragraphs separated by a blank line
    summary: str
    pdf_url: str          # the PDF, on the site's own host when the page's host is the site's
    sections: tuple[RawSection, ...]
    info: tuple[RawInfo, ...]


def parse_document(html: str, url: str, site: Site, name: str | None = None) -> RawDocument:
    """Parse one document page of `site`; `url` resolves its links, `name` (default: url) names it in errors."""
    where = name or url
    if is_challenge(html):
        raise BlockedError(f"{where}: the site answered with a bot-protection challenge, not a document page")
    tree = LexborHTMLParser(html)
    page = _Page(tree, site.document)
    node_id = _node_id(tree, site.document, where)
    title = page.first_text(site.document.title)
    if not title:
        raise LayoutError(f"{where}: not a document page (no document title: none of {', '.join(site.document.title)} found)")
    if not any(tree.css_first(selector) is not None for selector in site.document.evidence):
        raise LayoutError(f"{where}: not a document page (a title, but no date, text, linked values or document information)")
    sections, info = page.sections_and_info()
    return RawDocument(
        url=url,
        node_id=node_id,
        date=page.first_text(site.document.date),
        title=title,
        support=page.support(),
        transcript=page.transcript(),
        summary=page.summary(),
        pdf_url=page.pdf_url(url, site),
        sections=sections,
        info=info,
    )


def card_of(raw: RawDocument) -> RawCard:
    """The page's own date, title and summary as a results card: a saved document page alone still gives a record."""
    return RawCard(href=urlsplit(raw.url).path, date=raw.date, title=raw.title, summary=raw.summary)


def _node_id(tree: LexborHTMLParser, page: DocumentPage, where: str) -> str:
    """Drupal's node number from the settings JSON, else the shortlink; a path that is no node is not a document."""
    script = tree.css_first("script[data-drupal-selector='drupal-settings-json']")
    path = _current_path(script.text() if script is not None else "")
    if path is not None:
        match = page.node_path.match(path)
        if match is None:
            raise LayoutError(f"{where}: not a document page (its Drupal path is {path!r}, not node/<id>)")
        return match.group(1)
    link = tree.css_first("link[rel='shortlink'][href]")
    match = _SHORTLINK.search(link.attributes.get("href") or "") if link is not None else None
    return match.group(1) if match else ""


def _current_path(settings: str) -> str | None:
    try:
        path = json.loads(settings)["path"]["currentPath"] if settings.strip() else None
    except (ValueError, KeyError, TypeError):
        return None
    return path if isinstance(path, str) else None


def paragraphs(node: LexborNode, skip: frozenset[int] = frozenset()) -> str:
    """A block's text as paragraphs (innermost p, li, headings, pre) separated by a blank line; <br> is a line break.

    Elements inside a node whose id is in `skip` (a PDF preview's fallback text) are left out.
    """
    blocks = [n for n in node.css(_BLOCKS) if not _holds_blocks(n) and not _within(n, skip)]
    if not blocks:
        return inline_text(node)
    return "\n\n".join(text for block in blocks if (text := inline_text(block)))


def _holds_blocks(node: LexborNode) -> bool:
    """True for a paragraph-like element that holds others (an li with p inside): its inner ones are the paragraphs."""
    return any(inner.mem_id != node.mem_id for inner in node.css(_BLOCKS))


def _ids(tree: LexborHTMLParser | LexborNode, selector: str) -> frozenset[int]:
    return frozenset(n.mem_id for n in tree.css(selector)) if selector else frozenset()


def _within(node: LexborNode, ids: frozenset[int] | set[int]) -> bool:
    """True when an ancestor of the node (not the node itself) is one of `ids`."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


class _Page:
    """One parsed page and the parts of it that are not this document's (related documents, menus, PDF previews)."""

    def __init__(self, tree: LexborHTMLParser, selectors: DocumentPage) -> None:
        self.tree, self.sel = tree, selectors
        self.other = _ids(tree, selectors.not_page_parts)
        self.previews = _ids(tree, "object, .pdf-preview")
        self.blocks = _ids(tree, selectors.blocks)

    def first_text(self, selectors: tuple[str, ...], skip: frozenset[int] = frozenset()) -> str:
        """The text of the first element any selector finds outside other documents' parts."""
        for selector in selectors:
            for node in self.tree.css(selector):
                if not _within(node, self.other | skip) and (text := inline_text(node)):
                    return text
        return ""

    def support(self) -> str:
        found = self.first_text(self.sel.support)
        if found or not self.sel.support_prefix:
            return found
        for node in self.tree.css("main p, main div, main span"):
            text = inline_text(node)
            if text.startswith(self.sel.support_prefix) and len(text) < 300:
                return text
        return ""

    def transcript(self) -> str:
        for selector in self.sel.transcript:
            for node in self.tree.css(selector):
                if not _within(node, self.other) and (text := paragraphs(node, self.previews)):
                    return text
        return ""

    def summary(self) -> str:
        panes = frozenset(n.mem_id for selector in self.sel.transcript for n in self.tree.css(selector))
        for selector in self.sel.summary:
            for node in self.tree.css(selector):
                if not _within(node, self.other | panes) and (text := paragraphs(node)):
                    return text
        return ""

    def pdf_url(self, url: str, site: Site) -> str:
        for selector in self.sel.pdf:
            for node in self.tree.css(selector):
                value = next((v for key in ("data", "src", "href") if (v := (node.attributes.get(key) or "").strip())), "")
                if value and not _within(node, self.other):
                    return _on_site(urljoin(url, value), url, site)
        return ""

    def sections_and_info(self) -> tuple[tuple[RawSection, ...], tuple[RawInfo, ...]]:
        """Every block with linked values is a section, every block with a labelled plain value an info; in page order."""
        sections: list[RawSection] = []
        info: list[RawInfo] = []
        done: set[int] = set()
        sel = self.sel
        for node in self.tree.css(f"{sel.blocks}, {sel.heading_then_pills}"):
            if _within(node, done) or node.mem_id in self.other or _within(node, self.other):
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
                value = holder.css_first(sel.info_value)
                info.append(RawInfo(heading, field, paragraphs(value) if value is not None else ""))
        return tuple(sections), tuple(info)

    def _has_blocks(self, node: LexborNode) -> bool:
        """A heading's sibling that is (or holds) blocks of its own is a set of sections, not the heading's values."""
        return node.mem_id in self.blocks or node.css_first(self.sel.blocks) is not None


def _on_site(link: str, page_url: str, site: Site) -> str:
    """A link on the page's own host (or a mirror of the site) is written on the site's canonical host."""
    host = urlsplit(link).netloc
    return site.canonical(link) if host == urlsplit(page_url).netloc or host in site.hosts else link


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    return sibling


def _heading(node: LexborNode | None) -> str:
    return inline_text(node).rstrip(":").strip() if node is not None else ""


def _pill(node: LexborNode, page: DocumentPage) -> Pill:
    text_node = next((found for sel in page.pill_text if (found := node.css_first(sel)) is not None), node)
    link = node if node.tag == "a" else (node.css_first("a[href]") or _link_ancestor(node))
    href = (link.attributes.get("href") or "").strip() if link is not None else ""
    return Pill(inline_text(text_node), href)


def _link_ancestor(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    return parent if parent is not None and parent.tag == "a" else None


def _field(heading: str, pills: tuple[Pill, ...], page: DocumentPage) -> str:
    """The details field a section feeds: by its heading's words, else by where its first link points."""
    wanted = heading.lower().rstrip(":").strip()
    for field, pattern in page.sections:
        if wanted and pattern.search(wanted):
            return field
    href = next((p.href for p in pills if p.href), "")
    return next((field for field, pattern in page.section_links if href and pattern.search(href)), "")
