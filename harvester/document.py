"""Document page -> raw fields (strings as found) -> the document's details (normalized). Pure; fails loudly on drift.

`parse_document` reads what one /document/ page says, keeping every string as shown;
`details_of` turns that into the typed, cleaned `DocumentDetails` the dataset carries next to a
record. A page is found by several cues (class names, heading words, where links point), so
a small change on the site does not silently empty a field, and a page that is not a document
page at all (a challenge, a person or search page) is an error naming the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from harvester.errors import BlockedError, LayoutError
from harvester.normalize.dates import parse_date
from harvester.normalize.headings import canonical_name, parse_heading
from harvester.normalize.names import NameTable, match_key
from harvester.normalize.text import clean_text
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


@dataclass(frozen=True)
class DocumentDetails:
    """What a document page adds to a record, normalized; its field order IS the export schema of the details columns."""

    record_id: str
    authors: tuple[str, ...]
    people_orgs: tuple[str, ...]
    contributors: tuple[str, ...]
    page_people: tuple[str, ...]
    places: tuple[str, ...]
    topics: tuple[str, ...]
    subjects: tuple[str, ...]
    original_archive: tuple[str, ...]
    source: str
    languages: tuple[str, ...]
    rights: str
    classification: str
    doc_type_page: str
    donors: tuple[str, ...]
    uploaded: str
    pdf_url: str
    transcript: str
    warnings: tuple[str, ...] = ()   # what could not be read; not a column


DETAIL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DocumentDetails) if f.name != "warnings")
DETAIL_LIST_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(DocumentDetails) if f.name != "warnings" and f.type == "tuple[str, ...]"
)


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


# ---- details: what we believe ---------------------------------------------------------------

_SPLIT = {"languages": re.compile(r"\s*[;,\n]\s*"), "donors": re.compile(r"\s*[;\n]\s*"),
          "original_archive": re.compile(r"\s*[;\n]\s*")}
_DEFAULT_SPLIT = re.compile(r"\s*[;\n]\s*")
_PERSON_FIELDS = ("authors", "people_orgs", "contributors")


def details_of(raw: RawDocument, names: NameTable) -> DocumentDetails:
    """Normalize a raw document page: clean text, lists from linked values, ISO upload date, the persons it names."""
    lists = {name: _values(raw, name) for name in DETAIL_LIST_FIELDS if name != "page_people"}
    uploaded_shown = _value(raw, "uploaded")
    uploaded, warnings = _iso_day(uploaded_shown)
    if not lists["donors"] and raw.support:
        lists["donors"] = _donors_of_support(clean_text(raw.support))
    return DocumentDetails(
        record_id=_value(raw, "record_id"),
        page_people=page_people((h for f in _PERSON_FIELDS for h in lists[f]), names),
        source=_value(raw, "source"),
        rights=_value(raw, "rights"),
        classification=_value(raw, "classification"),
        doc_type_page=_value(raw, "doc_type_page"),
        uploaded=uploaded,
        pdf_url=raw.pdf_url,
        transcript=clean_text(raw.transcript),
        warnings=warnings,
        **lists,
    )


def page_people(headings: Iterable[str], names: NameTable) -> tuple[str, ...]:
    """The persons among name headings, each in its canonical form (names table first), de-duplicated in order."""
    people: dict[str, str] = {}
    for text in headings:
        heading = parse_heading(text)
        if heading.kind == "person" and names.kind(heading.display) in (None, "person"):
            name = canonical_name(heading, names)
            people.setdefault(match_key(name), name)
    return tuple(people.values())


def _values(raw: RawDocument, field: str) -> tuple[str, ...]:
    """A list field: the texts of its linked values, else its plain value split into items."""
    items = [clean_text(p.text) for s in raw.sections if s.field == field for p in s.pills]
    if not items:
        split = _SPLIT.get(field, _DEFAULT_SPLIT)
        items = [part for i in raw.info if i.field == field for part in split.split(clean_text(i.value))]
    return tuple(dict.fromkeys(item for item in items if item))


def _value(raw: RawDocument, field: str) -> str:
    """A single-valued field: its first plain value, else the text of its first linked value."""
    found = next((clean_text(i.value) for i in raw.info if i.field == field and i.value.strip()), "")
    return found or next((clean_text(p.text) for s in raw.sections if s.field == field for p in s.pills), "")


def _iso_day(shown: str) -> tuple[str, tuple[str, ...]]:
    """"2011-11-20" (or another full date) -> "2011-11-20"; anything less than a day is kept out, with a warning."""
    if not shown:
        return "", ()
    date = parse_date(shown)
    if date.precision == "day" and not date.approximate:
        return date.start, ()
    return "", (f"Original Uploaded Date {shown!r} is not a full date; left empty",)


def _donors_of_support(support: str) -> tuple[str, ...]:
    """"This document was made possible with support from the ROK Ministry of Unification, Leon Levy Foundation"."""
    match = re.search(r"support from\s+(.+?)\.?$", support, re.IGNORECASE)
    if match is None:
        return ()
    parts = (re.sub(r"^the\s+", "", p.strip(), flags=re.IGNORECASE) for p in match.group(1).split(","))
    return tuple(dict.fromkeys(p for p in parts if p))
