"""The text of an element as a reader sees it: inline runs, and blocks as paragraphs."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from harvester.errors import LayoutError

_WHITESPACE = re.compile(r"\s+")


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


def paragraphs(node: LexborNode, skip: frozenset[int] = frozenset()) -> str:
    """A block's text as a reader sees it: each block (a paragraph, list item, heading, quotation, division, table
    row) and each run of text between blocks a paragraph, separated by a blank line; a row's cells separated by a tab,
    <br> a newline. Elements whose id is in `skip` (a PDF preview's fallback text) are left out."""
    if (only := _only_text(node)) is not None:   # nothing to walk
        return " ".join((only.text_content or "").split())
    found: list[str] = []
    line: list[str] = []
    _walk(node, skip, found, line)
    _flush(found, line)
    return "\n\n".join(found)


_BREAKS = frozenset("p li dt dd h1 h2 h3 h4 h5 h6 pre div blockquote table ul ol dl section article header footer figure "
                    "figcaption address hr".split())
_UNSEEN = frozenset(("-comment", "script", "style", "template", "noscript"))
_CELL_EDGES = re.compile(r" *\t *")
_SPACES = re.compile(r" {2,}")
_BLOCK_END, _ROW_END, _CELL_END, _SPACE = "the end of a block", "the end of a table row", "the end of a table cell", " "


def _walk(node: LexborNode, skip: frozenset[int], found: list[str], line: list[str]) -> None:
    """Gather the node's text into `found` (paragraphs) and `line` (the paragraph so far), in document order. The
    walk keeps a list for a stack (a page may nest deeper than Python recurses): an element's children, last first,
    under what its end does (a block's ends its paragraph; a row's, its line of cells)."""
    todo: list[LexborNode | str] = _children(node)
    rows: list[int] = []    # the cells so far of each table row the walk is in (a table may hold a table)
    in_cells = 0            # the table cells the walk is in: a paragraph in a cell stays in its row's line
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if item == _SPACE:   # after a block or a table in a cell: its words stay apart from what follows
                line.append(" ")
            elif item == _CELL_END:
                in_cells -= 1
            elif item == _ROW_END:
                rows.pop()
            if item == _BLOCK_END or (item == _ROW_END and not in_cells):
                _flush(found, line)
            continue
        tag = item.tag
        if tag in _UNSEEN:
            continue
        if tag in ("td", "th"):   # a cell keeps its place in its row, empty or skipped
            if rows:   # between a row's cells a tab; in a cell, a table's cells are words of that cell
                line.append(("\t" if in_cells == 0 else " ") if rows[-1] else "")
                rows[-1] += 1
            in_cells += 1
            todo += [_CELL_END, *([] if skip and item.mem_id in skip else _children(item))]
        elif skip and item.mem_id in skip:
            continue
        elif tag == "-text":
            text = item.text_content or ""
            if line or not text.isspace():   # (the spaces between blocks are nothing)
                line.append(_WHITESPACE.sub(" ", text))
        elif tag == "br":
            line.append(" " if in_cells else "\n")
        elif tag == "tr":
            if in_cells:
                line.append(" ")
            else:
                _flush(found, line)
            rows.append(0)
            todo += [*([_SPACE] if in_cells else []), _ROW_END, *_children(item)]
        elif tag in _BREAKS and in_cells:
            line.append(" ")
            todo += [_SPACE, *_children(item)]
        elif tag in _BREAKS:
            _flush(found, line)
            todo += [_BLOCK_END, *_children(item)]
        else:
            todo += _children(item)


def _children(node: LexborNode) -> list[LexborNode | str]:
    """The node's children, last first."""
    children: list[LexborNode | str] = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children[::-1]


def _flush(found: list[str], line: list[str]) -> None:
    """The text gathered so far as a paragraph (if it holds any), its lines stripped."""
    if not line:
        return
    text = "\n".join(_CELL_EDGES.sub("\t", _SPACES.sub(" ", part)).strip(" ") for part in "".join(line).split("\n")).strip("\n ")
    if text.strip():   # (a row of empty cells, tabs alone, says nothing)
        found.append(text)
    line.clear()


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
