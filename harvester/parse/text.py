"""The text of an element as a reader sees it: inline runs, and blocks as paragraphs."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from harvester.errors import LayoutError

_WHITESPACE = re.compile(r"\s+")
BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, pre"


def inline_text(node: LexborNode) -> str:
    """Tags dropped, <br> a newline, other runs of whitespace one space."""
    if (only := _only_text(node)) is not None:   # nothing to walk
        return " ".join((only.text_content or "").split())
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            parts.append(_WHITESPACE.sub(" ", child.text_content or ""))
        elif child.tag == "br":
            parts.append("\n")
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(lines).strip()


def paragraphs(node: LexborNode, skip: frozenset[int] = frozenset(), kinds: str = BLOCKS) -> str:
    """A block's text as paragraphs (the innermost elements of `kinds`) separated by a blank line.

    Elements inside a node whose id is in `skip` (a PDF preview's fallback text) are left out."""
    blocks = [n for n in node.css(kinds) if not _holds(n, kinds) and not within(n, skip)]
    if not blocks:
        return inline_text(node)
    return "\n\n".join(text for block in blocks if (text := inline_text(block)))


def within(node: LexborNode, ids: frozenset[int] | set[int]) -> bool:
    """True when an ancestor of the node (not the node itself) is one of `ids`."""
    if not ids:
        return False   # (no walk up to the root for nothing: most paragraphs are asked with nothing to skip)
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _holds(node: LexborNode, kinds: str) -> bool:
    """True for a paragraph-like element that holds others (an li with p inside): its inner ones are the paragraphs."""
    return _only_text(node) is None and any(inner.mem_id != node.mem_id for inner in node.css(kinds))


def _only_text(node: LexborNode) -> LexborNode | None:
    """The node's one child when that is a run of text (so the node holds no element)."""
    only = node.child
    return only if only is not None and only.next is None and only.tag == "-text" else None


MAX_PAGE = 5_000_000   # characters: the site's largest pages (long transcripts) are a few hundred thousand
MAX_DEPTH = 400        # elements inside elements: the site's pages nest about thirty deep
_UNNESTED = "area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|dt|dd|tr|td|th|option"
# an element that holds what follows it ("" for one that opens, "/" for its end), known by its name in lower case, which
# is quicker: an uppercase <BR> counts as nesting, an uppercase end (or "</P>") lowers nothing, and a bound raised too high
# only makes the page walked tag by tag. An end's name is read whole, as the walk reads it: "</p_x>" ends a p
_NESTING = re.compile(rf"<(?:(/)(?!(?:{_UNNESTED})(?![a-z0-9-]))[a-z][a-z0-9-]*(?![A-Z])|(?!(?:{_UNNESTED})\b)[a-zA-Z])")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)(?:>|\Z)")   # a tag never closed runs to the end, as in a browser
_STRETCH = 8192        # characters counted at a time


def check_bounds(html: str, where: str) -> None:
    """Refuse, before its tree is built, a page no site serves: too large, or nested so deep that building its tree
    would take minutes (the parser's work grows much faster than the nesting). The depth is estimated a stretch of
    the page at a time, by counting its tags; only a page whose estimate passes the limit is walked tag by tag. The
    estimate is no bound (end tags that close nothing, early in a stretch, hide as much nesting after them), and the
    tags are read roughly, not as the HTML parser reads them (an end tag in a comment still counts): this stops a
    broken page, not one made to be slow to parse."""
    if len(html) > MAX_PAGE:
        raise LayoutError(f"{where}: a page of {len(html):,} characters, larger than any page of the site; not parsed")
    depth = start = 0
    while start < len(html):
        end = html.find("<", start + _STRETCH)    # a stretch ends before a tag: no tag is cut in two
        end = len(html) if end < 0 else end
        marks = _NESTING.findall(html, start, end)
        closed = marks.count("/")
        if depth + len(marks) - closed > MAX_DEPTH:
            return _check_depth(html, where)
        depth = max(0, depth + len(marks) - 2 * closed)
        start = end


def _check_depth(html: str, where: str) -> None:
    depth = 0
    unnested = frozenset(_UNNESTED.split("|"))
    for closing, tag, rest in _TAG.findall(html):
        if tag.lower() in unnested:      # they hold nothing, so their ends close nothing either
            continue
        if closing:
            depth = max(0, depth - 1)
        elif not rest.endswith("/"):     # (<path/> in an inline SVG holds nothing)
            depth += 1
            if depth > MAX_DEPTH:
                raise LayoutError(f"{where}: elements nested more than {MAX_DEPTH} deep, as no page of the site is; not parsed")
