"""Page estimate from the layout Hangul stores with a document, shared by the HWP 5 and HWPX
readers.

Hangul saves its last layout with every paragraph (HWP 5: PARA_LINE_SEG records; HWPX:
``hp:linesegarray``): per line the text start, the vertical position on the page (in a table
cell: in the cell), the line height, the segment width and flags. Positions restart at the top of
every page, which gives the page breaks between lines. What lines do not show is how many pages a
table or floating object takes between two of them. Such an object is laid out again: one that
fits where the stored layout put it stays on that page; otherwise its rows are stacked by the
stored cell heights, and the line positions inside each cell, which also restart where a cell was
split over a page, tell which rows ran over pages and how much of them went where. The next line
after the object then says on which page the object really ended.

Each reader fills a small model: per section its body height and top-level paragraphs
(:class:`LayPara`: break kind, stored lines, anchored objects :class:`LayObj`), a table's cells
(:class:`LayCell`) read only when the table has to be laid out row by row. :class:`Flow` lays the
paragraphs out; :func:`apply_pages` gives the blocks their pages. Lengths are HWPUNIT (1/7200 in).
"""
from __future__ import annotations

from typing import Optional

SEG_FIRST_OF_LINE = 0x20000  # line segment flag: the first segment of a line
BREAK_SECTION, BREAK_PAGE = 0x01, 0x04  # paragraph break kinds (구역 나누기, 쪽 나누기)
DEFAULT_BODY = 70000  # A4 body height, for a section without a page definition
_FIT = 1.015  # stored layouts run a little past the computed body height: rows within that fit
_ROOM = 0.95  # an object that ends above this share of the body surely ended on its page


def body_height(width: int, height: int, landscape: bool, top: int, bottom: int, header: int,
                footer: int) -> Optional[int]:
    """The body height of a page definition (paper given portrait, turned when landscape);
    None when it does not leave a usable body."""
    body = (width if landscape else height) - top - bottom - header - footer
    return body if body > 1000 else None


class LayCell:
    """A cell of a top-level table: its stored height and the extents of its parts per page."""

    __slots__ = ("row", "rowspan", "height", "top", "margins", "title", "parts", "ext", "last_v")

    def __init__(self, row: int, rowspan: int, height: int, top: int, bottom: int, title: bool) -> None:
        self.row = row
        self.rowspan = rowspan if rowspan > 0 else 1
        self.height = height
        self.top = top
        self.margins = top + bottom
        self.title = title  # a title cell (제목 셀), repeated on each page
        self.parts: list[int] = []  # extents of the parts on the pages before the last
        self.ext = 0  # extent on the last page
        self.last_v = -1

    def line(self, v: int, h: int) -> None:
        """One stored line of one of its paragraphs (position in the cell, height)."""
        if v < self.last_v:  # the cell goes on on the next page
            self.parts.append(self.ext)
            self.ext = 0
        if v + h > self.ext:
            self.ext = v + h
        self.last_v = v


class LayObj:
    """A table or drawing object anchored in a top-level paragraph. A reader subclasses it to
    read a table's cells (:meth:`read_cells`) when they are needed."""

    __slots__ = ("table", "char", "flows", "para_rel", "y_off", "x", "width", "height", "margins",
                 "split", "cells", "rows", "start", "nested_at")

    def __init__(self, table: Optional[int], char: bool, flows: bool, para_rel: bool, y_off: int, x: int,
                 width: int, height: int, margins: int) -> None:
        self.table = table  # the table's ordinal; None for drawing objects
        self.char = char  # treated as a character: it sits in its line
        self.para_rel = para_rel  # positioned from its paragraph (not from the page or paper)
        # in the text flow: as a character, or wrapped square / top-and-bottom and positioned
        # from the paragraph; one on the paper or page, behind or in front of text takes no room
        self.flows = flows
        self.y_off = max(y_off, 0)
        self.x, self.width = x, width  # to tell objects side by side from stacked ones
        self.height = height  # as laid out (a table split over pages: its first part)
        self.margins = margins  # outer margins, top and bottom
        self.split = 2  # 0 kept whole, 1 split between rows, 2 split inside cells too
        self.cells: Optional[list[LayCell]] = None  # read when needed
        self.rows: Optional[tuple] = None
        self.start: Optional[tuple[int, float]] = None  # (page, y) where it was laid out
        self.nested_at: dict = {}  # tables in its cells: key → (row, page part in the cell)

    def read_cells(self, src) -> tuple[list[LayCell], bool]:
        """The cells with their stored lines, and whether title rows repeat on every page;
        sets ``split`` and ``nested_at``."""
        return [], False

    def load(self, src) -> list[LayCell]:
        """Read the table's cells (once)."""
        if self.cells is not None:
            return self.cells
        self.cells = []
        cells, repeat = self.read_cells(src)
        self.cells = cells
        self.rows = row_data(cells, repeat) if cells else None
        return cells

    def low_height(self) -> int:
        """The smaller of the object's own height and its rows' (either may be stale)."""
        h = self.height
        if self.rows is not None:
            h = min(h, self.rows[0][-1])
        return h + self.margins


class LayPara:
    """A top-level paragraph: its break kind and anchored objects; a reader subclasses it to
    give its stored lines."""

    __slots__ = ("no", "brk", "objs")

    def __init__(self, no: int, brk: int) -> None:
        self.no = no
        self.brk = brk
        self.objs: list[LayObj] = []

    def segs(self, src) -> list[tuple]:
        """Its lines: (text start, position, height, segment width, flags)."""
        return []

    def obj_lines(self, src, segs: list[tuple]) -> list[int]:
        """The line each object is anchored in."""
        return [0] * len(self.objs)


def row_data(cells: list[LayCell], repeat: bool) -> tuple:
    """Per row: its top (``bounds``, one more entry: the table's height), page breaks inside it,
    its extent on the last and on the first of its pages, the extent of its cells' lines (``fill``,
    with margins; the height when a cell spans it from another row); and the height of the title
    rows repeated on every page."""
    n = max(c.row + c.rowspan for c in cells)
    bounds = [0] * (n + 1)
    breaks = [0] * n
    last = [0] * n
    first = [0] * n
    fill = [0] * n
    spanned = [False] * n
    done = 0
    for c in sorted(cells, key=lambda c: c.row):
        r = c.row
        while done < r:
            done += 1
            if bounds[done] < bounds[done - 1]:
                bounds[done] = bounds[done - 1]
        parts = c.parts
        height = c.height
        content = sum(parts) + c.ext + c.margins if parts else c.ext + c.margins
        if content > height:
            height = content
        end = r + c.rowspan
        if bounds[r] + height > bounds[end]:
            bounds[end] = bounds[r] + height
        if c.rowspan > 1:
            for k in range(r, min(end, n)):
                spanned[k] = True
        elif c.ext + c.margins > fill[r]:
            fill[r] = c.ext + c.margins
        nb = len(parts)
        if nb > breaks[r]:
            breaks[r], last[r], first[r] = nb, c.ext + c.margins, parts[0] + c.top
        elif nb and nb == breaks[r] and c.ext + c.margins > last[r]:
            last[r] = c.ext + c.margins
    for k in range(1, n + 1):
        if bounds[k] < bounds[k - 1]:
            bounds[k] = bounds[k - 1]
    for k in range(n):
        if spanned[k] or fill[k] > bounds[k + 1] - bounds[k]:
            fill[k] = bounds[k + 1] - bounds[k]
    title = 0
    if repeat:
        heads = [True] * n
        for c in cells:
            if not c.title:
                heads[c.row] = False
        k = 0
        while k < n and heads[k]:
            k += 1
        if 0 < k < n:
            title = bounds[k]
    return bounds, breaks, last, first, title, fill


class Flow:
    """Lays the top-level paragraphs out page by page: feed it sections (:meth:`section`,
    :meth:`paragraph` for each, :meth:`end_section`) in reading order."""

    def __init__(self) -> None:
        self.row_pages: dict[tuple[int, int], int] = {}
        self.table_pages: dict[int, int] = {}
        self.page = 1
        self.used = False  # anything on the current page
        self.body = DEFAULT_BODY
        self.src = None  # what the section's paragraphs and objects read their layout from
        self.y = 0.0  # bottom of the last thing placed on the page
        self.prev_v: Optional[int] = None  # position of the last line on this page
        self.mark: Optional[tuple[int, Optional[int]]] = None  # (page, prev_v) before objects
        self.last: Optional[LayObj] = None  # the last object laid out since the last line
        self.deferred: list[LayObj] = []  # floating objects waiting for the next page
        self.reserved = 0  # the last page an object off the text flow runs onto

    def section(self, body: int, src) -> None:
        """A new 구역 starts on a new page."""
        if self.used:
            self.new_page()
            self._past_reserved()
            self.mark = None
            self.used = False
        self.body = body
        self.src = src

    def end_section(self) -> None:
        while self.deferred:
            self.new_page()

    def new_page(self) -> None:
        self.page += 1
        self.y = 0.0
        self.prev_v = None
        deferred, self.deferred = self.deferred, []
        for o in deferred:
            self.place(o, 0.0)

    def paragraph(self, p: LayPara) -> int:
        """Lay out one top-level paragraph; returns the page of its first line."""
        if p.brk & (BREAK_PAGE | BREAK_SECTION) and self.used:
            self.new_page()
            self._past_reserved()
            self.mark = (self.page, None) if self.y > 0 else None
        src = self.src
        segs = p.segs(src)
        if not segs:  # no stored layout: the paragraph follows the last one
            for o in p.objs:
                self._fixed(o)
            return self.page
        if not p.objs:  # text only: its lines say it all
            first_page = None
            for li, (_start, v, h, _width, flags) in enumerate(segs):
                if self.mark is not None:
                    self._after_objects(v, bool(li and flags & SEG_FIRST_OF_LINE))
                elif self.prev_v is not None and (
                        v < self.prev_v or (v == self.prev_v and li and flags & SEG_FIRST_OF_LINE)):
                    self.new_page()
                    if self.y > 0 and v < self.y - 0.15 * self.body:
                        self.new_page()
                self.prev_v = v
                self.y = v + h
                if first_page is None:
                    first_page = self.page
            self.used = True
            return first_page
        lines = p.obj_lines(src, segs)
        first_page = None
        for li, (_start, v, h, width, flags) in enumerate(segs):
            at: list[LayObj] = []
            before: list[LayObj] = []
            fixed: list[LayObj] = []
            for i, o in enumerate(p.objs):
                if lines[i] != li:
                    continue
                if not o.flows:
                    fixed.append(o)
                elif o.char or width == 0 or o.y_off >= h:
                    at.append(o)  # starts at this line (the line is beside or above it)
                else:
                    before.append(o)  # sits before its line, which is pushed below it
            if before:
                self._lay(before, self.y, v)
            new_line = li > 0 and flags & SEG_FIRST_OF_LINE
            if self.mark is not None:
                self._after_objects(v, bool(new_line))
            elif self.prev_v is not None and (v < self.prev_v or (new_line and v == self.prev_v)):
                self.new_page()
                if self.y > 0 and v < self.y - 0.15 * self.body:
                    self.new_page()  # objects waiting for this page took it: the line is on the next
            self.prev_v = v
            self.y = v + h
            self.used = True
            if first_page is None:
                first_page = self.page
            for o in fixed:
                self._fixed(o, v)
            if at:
                self._lay(at, v, None, v + h)
        return first_page if first_page is not None else self.page

    def _lay(self, objs: list[LayObj], top: float, line_v: Optional[int], line_end: float = 0.0) -> None:
        """Lay out the objects of one line from ``top``: each at its own offset, below an earlier
        one it would overlap, side by side otherwise. With ``line_v`` they come before that line;
        one that the line follows directly did not fit and waits for the next page while the
        text goes on. A character object in a line that ends within the page stays there whole."""
        page0 = self.page
        end = (page0, self.y)
        placed: list[tuple[int, int, tuple[int, float]]] = []
        last = None
        fit = self.body * _FIT
        for o in objs:
            start = (page0, top if o.char else top + o.y_off)
            for x0, x1, stop in placed:
                if o.x < x1 and x0 < o.x + o.width and stop > start:
                    start = stop
            if line_v is not None:
                y0 = start[1]
                if (start[0] == page0 and self.prev_v is not None and line_v >= self.prev_v
                        and line_v - y0 < 0.5 * min(o.low_height(), self.body - y0)):
                    self.deferred.append(o)
                    continue
            if self.mark is None:
                self.mark = (page0, self.prev_v)
            self.page = start[0]
            if o.char and start[0] == page0 and line_end <= fit:
                self._whole(o, start[1], line_end)  # the stored line holds it: it fits
            else:
                self.place(o, start[1])
            stop = (self.page, self.y)
            placed.append((o.x, o.x + o.width, stop))
            if stop >= end:
                end, last = stop, o
        self.page, self.y = end
        if last is not None:
            self.last = last

    def _whole(self, o: LayObj, y: float, end: float) -> None:
        o.start = (self.page, y)
        if o.table is not None:
            self.table_pages[o.table] = self.page
        self.y = end
        self.last = o

    def place(self, o: LayObj, y: float) -> None:
        """Lay an object out from ``y`` on the current page."""
        self.last = o
        body = self.body
        if o.table is None or (not o.char and y + o.height + o.margins <= body * _ROOM):
            # a drawing object, or a table that ends well within the page as laid out
            h = o.height + o.margins
            if y + h > body * _FIT and y > 0 and h <= body:
                self.page, y = self.page + 1, 0.0
            o.start = (self.page, y)
            if o.table is not None:
                self.table_pages[o.table] = self.page
            y += h
            while y > body * _FIT:
                self.page, y = self.page + 1, y - body
            self.y = y
            return
        cells = o.load(self.src)
        if not cells:
            o.start = (self.page, y)
            self.table_pages[o.table] = self.page
            self.y = y + o.height + o.margins
            return
        self.page, self.y = _place_rows(o, self.page, y, body, self.row_pages)

    def _fixed(self, o: LayObj, v: Optional[int] = None) -> None:
        """An object off the text flow: on the anchor's page; a table positioned from its line
        at ``v`` that runs past the page goes on over the next pages, which the text does not
        take after a page break."""
        if o.table is None:
            return
        self.table_pages[o.table] = self.page
        if v is None or not o.para_rel or not o.load(self.src):
            return
        y = v + o.y_off
        if y + o.rows[0][-1] + o.margins <= self.body * _FIT:
            return
        end, _y = _place_rows(o, self.page, y, self.body, self.row_pages)
        if end > self.reserved:
            self.reserved = end

    def _past_reserved(self) -> None:
        if self.page <= self.reserved:
            self.page = self.reserved + 1

    def _after_objects(self, v: int, new_line: bool) -> None:
        """Place the line at ``v`` after objects laid out since the last line: on the page where
        the estimate ended, or the next or previous one, whichever puts the line nearest to the
        estimated end; never where it would overlap the last object, nor before the last line."""
        body = self.body
        page0, prev_v = self.mark
        d = (self.y - v) / body
        k = int(d + 0.5) if d >= 0 else -int(0.5 - d)
        for _ in range(k):
            self.new_page()
        if k < 0:
            self.page += k
        floor = page0 + (1 if prev_v is not None and (v < prev_v or (new_line and v == prev_v)) else 0)
        if self.page < floor:
            self.page = floor
        o = self.last
        if o is not None and o.start is not None:
            sp, sy = o.start
            if self.page <= sp and v < sy + 0.5 * min(o.low_height(), body - sy):
                self.page = sp
                self.new_page()
        self.mark = None
        self.last = None


def _place_rows(o: LayObj, page: int, y: float, body: int, row_pages: dict) -> tuple[int, float]:
    """Lay a table's rows out from ``y`` on ``page``; set their pages; return where it ends."""
    fit = body * _FIT
    bounds, breaks, last, first, title, fill = o.rows
    if title > body / 2:
        title = 0
    if o.split == 0 and y > 0 and y + bounds[-1] + o.margins > fit and not any(breaks):
        page, y = page + 1, 0.0  # a table that may not split moves whole
    o.start = None
    y += o.margins / 2
    placed = False  # any row on this page
    ordinal = o.table
    for r in range(len(breaks)):
        if breaks[r]:
            # a row split over pages: its first part fills the rest of the page it starts on
            if y + first[r] > fit and placed:
                page, y = page + 1, float(title)
            if o.start is None:
                o.start = (page, y)
            row_pages[(ordinal, r)] = page
            page += breaks[r]
            y = title + last[r]
            placed = True
            continue
        h = bounds[r + 1] - bounds[r]
        if (y + h > fit and (placed or y > 0) and h <= body - title
                and not (o.split == 2 and y + fill[r] <= fit)):
            # the row moves to the next page whole; one that may split in its cells stays when
            # their lines fit (else they would have been split): only blank height runs over
            page, y = page + 1, float(title)
        if o.start is None:
            o.start = (page, y)
        row_pages[(ordinal, r)] = page
        y += h
        placed = True
        while y > fit:  # a row taller than the rest of the page runs over
            page, y = page + 1, title + (y - body)
    return page, y + o.margins / 2


def nested_pages(nested: dict, flow: Flow) -> dict[int, int]:
    """Pages of tables inside top-level tables (``nested``: ordinal → (top-level object, key
    of its place in the cells)): the page of the row and of the part of the cell that holds it,
    else the whole top-level table's page."""
    out = {}
    for ordinal, (t, key) in nested.items():
        at = t.nested_at.get(key)
        if at is not None:
            base = flow.row_pages.get((t.table, at[0]))
            if base is not None:
                out[ordinal] = base + at[1]
                continue
        page = flow.table_pages.get(t.table)
        if page is not None:
            out[ordinal] = page
    return out


def apply_pages(blocks, para_pages: dict, row_pages: dict, table_pages: dict, nested: dict) -> None:
    """Give the blocks their estimated pages: a table cell its row's, else its table's (placed
    whole, or nested); everything else its top-level paragraph's ``(section, para)``."""
    for rb in blocks:
        page = None
        if rb.table is not None:
            if rb.row is not None:
                page = row_pages.get((rb.table, rb.row))
            if page is None:
                page = table_pages.get(rb.table)
            if page is None:
                page = nested.get(rb.table)
        if page is None:
            page = para_pages.get((rb.section_no, rb.para))
        if page is not None:
            rb.page = page
            rb.page_estimated = True
