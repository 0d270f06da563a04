"""PDF: glyphs and ruling lines from PDFium (pypdfium2), laid out by geometry.

Why this shape (measured on the 21 corpus PDFs, 1,512 pages, CPU seconds on the project's 2-core
VM; label evidence = the 510 verbatim quotes of labels/*.json, whitespace-insensitive):

* PDFium's own text order is the content-stream order. PDFs printed through "Microsoft: Print To
  PDF" draw each line in several runs, one per font, so digits, Latin words and punctuation come
  out after the Hangul of their line ("사업종료 후 년으로 한다1."); landscape pages printed 2-up
  interleave their two columns. Stream order finds 339 of the 446 quotes of labels made from
  reading-order text. Ordering glyphs by baseline and x, and splitting 2-up pages at their
  gutter, finds 445; pdftotext 417, pdfplumber 392.
* pdfplumber (pdfminer) parses a page about 12 times slower (136 s against 11 s for the corpus,
  text alone). Tables need only the ruling lines, which PDFium hands over as path objects:
  horizontal and vertical strokes, boxes and dotted rules become a grid here, cells merge where a
  border is missing, and each cell's glyphs become one TABLE_CELL block. 98.4 % of the non-empty
  cells pdfplumber's table finder reports are found inside this module's cells; most of the rest
  are rows pdfplumber runs together across dotted rules. pdfplumber is not used; the whole path
  costs about what poppler's pdftotext does (12 s).
* Word spaces come from each line's geometry, not from PDFium's text, whose spaces follow one
  gap threshold for every line: justified and distributed lines stretch every gap, some layout
  engines leave room between Hangul and digits ("2 년"), and space glyphs drawn out of order
  land inside words ("사업금 액"). A space glyph of the content stream counts where it sits; a
  gap counts where it is clearly wider than the line's ordinary gap. Against the same RFPs
  saved as HWP/HWPX (ten twins, 507,000 character boundaries compared inside lines) the
  spacing inside lines disagrees at 45 boundaries, against 379 with PDFium's spaces. Korean
  text wraps inside words; a wrap joins tight where the document spells the joined word
  elsewhere (see ``_Words``).
* Page numbers and lines repeated in the same margin on most pages (digits aside) are dropped; a
  layer with too few letters, or with glyphs of fonts that have no Unicode map, is an error,
  never an empty or garbage Document.
"""
from __future__ import annotations

import bisect
import ctypes
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import InputError
from ..model import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Document, RawBlock, build_document
from ..normalize import clean_text, looks_garbled

NO_TEXT_MSG = "텍스트 층이 없는 PDF입니다(스캔 이미지로 보입니다). OCR로 텍스트를 입힌 뒤 다시 실행하세요."
GARBLED_MSG = (
    "PDF의 텍스트 층이 깨져 있습니다(글꼴에 유니코드 대응표가 없어 글자가 엉뚱한 문자로 읽힙니다). "
    "원본(HWP·DOCX)으로 검사하거나, OCR로 텍스트를 다시 입힌 PDF로 실행하세요."
)
ENCRYPTED_MSG = "암호가 걸린 PDF입니다. 암호를 해제한 뒤 다시 실행하세요."

# A page whose text layer holds fewer letters than this is "without text"; so is a document whose
# pages hold fewer on average, or which is mostly such pages.
MIN_CHARS_PER_PAGE = 30

_SNAP = 2.5  # ruling lines closer than this (pt) are one line (double borders, stroke widths)
_JOIN = 3.0  # collinear segments with a gap up to this are one line (dotted rules too)
_THIN = 3.0  # a path thinner than this is a line, not a box
_TOUCH = 2.0  # a horizontal and a vertical line this close are connected
_MAX_GRID = 4000  # base cells; beyond this a connected set of lines is a drawing


# -- characters ------------------------------------------------------------------------------

class _Char:
    """One glyph: its box on the displayed page, baseline, text, its ordinal among the page's
    glyphs in content-stream order, and whether PDFium generated a space right before it in
    that order. A space glyph drawn by the content stream is kept too (``ch == " "``): where it
    sits tells a word space."""

    __slots__ = ("x0", "top", "x1", "bottom", "base", "ch", "idx", "gsp")

    def __init__(self, x0: float, top: float, x1: float, bottom: float, base: float, ch: str,
                 idx: int = 0, gsp: bool = False) -> None:
        self.x0, self.top, self.x1, self.bottom, self.base, self.ch = x0, top, x1, bottom, base, ch
        self.idx, self.gsp = idx, gsp

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def _transform(rot: int, w: float, h: float):
    """Map PDF user space (x, y up) onto the displayed page (x right, y down) for /Rotate."""
    if rot == 90:
        return lambda x, y: (y, x)
    if rot == 180:
        return lambda x, y: (w - x, y)
    if rot == 270:
        return lambda x, y: (h - y, w - x)
    return lambda x, y: (x, h - y)


def _page_chars(textpage, rot: int, w: float, h: float) -> list[_Char]:
    """The page's glyphs with boxes in displayed coordinates (x right, y down)."""
    tp = textpage.raw
    n = pdfium_c.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = pdfium_c.FPDFText_GetText(tp, 0, n, buf)
    text = bytes(buf)[: max(got - 1, 0) * 2].decode("utf-16-le", "replace")
    if len(text) != n:  # characters outside the BMP: PDFium counts each UTF-16 unit
        text = _text_by_index(tp, n)
    tf = _transform(rot, w, h)
    rect = pdfium_c.FS_RECTF()
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    ref = ctypes.byref(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    oxr, oyr = ctypes.byref(ox), ctypes.byref(oy)
    is_generated = pdfium_c.FPDFText_IsGenerated
    out: list[_Char] = []
    append = out.append
    generated = False
    for i, ch in enumerate(text):
        if ch in "\r\n":
            continue
        if ch.isspace():
            if is_generated(tp, i):
                # PDFium's guess from the text positioning: heard only where the glyph boxes
                # cannot tell (below, _row_text)
                generated = True
                continue
            ch = " "  # a space glyph of the content stream
        elif ch == "\xad":
            ch = "-"  # a PDF is laid out already: a soft hyphen in it was drawn, as a hyphen
        elif ch == "\ufffe":
            if pdfium_c.FPDFText_GetUnicode(tp, i) == 2:
                ch = "-"  # a hyphen glyph mapped to U+0002 ("SHA-256", "AA-")
            else:
                ch = " "  # a glyph without a Unicode value; seen on space glyphs
        if ch == " ":
            # a space glyph needs only its box: it is placed on a line by where it sits
            if not get_box(tp, i, ref):
                continue
            if rot == 0:
                x0, x1, top, bottom = rect.left, rect.right, h - rect.top, h - rect.bottom
            else:
                x0, top = tf(rect.left, rect.top)
                x1, bottom = tf(rect.right, rect.bottom)
            if x1 < x0:
                x0, x1 = x1, x0
            if bottom < top:
                top, bottom = bottom, top
            append(_Char(x0, top, x1, bottom, bottom, ch, len(out)))
            continue
        if not get_box(tp, i, ref) or not get_origin(tp, i, oxr, oyr):
            continue
        if rot == 0:
            x0, x1, top, bottom, base = rect.left, rect.right, h - rect.top, h - rect.bottom, h - oy.value
        else:
            x0, top = tf(rect.left, rect.top)
            x1, bottom = tf(rect.right, rect.bottom)
            base = tf(ox.value, oy.value)[1]
        if x1 < x0:
            x0, x1 = x1, x0
        if bottom < top:
            top, bottom = bottom, top
        if bottom - top < 0.5:  # degenerate box: give it a nominal height above its baseline
            top, bottom = base - 4.0, base + 1.0
        append(_Char(x0, top, x1, bottom, base, ch, len(out), generated))
        generated = False
    return out


def _text_by_index(tp, n: int) -> str:
    """One character per PDFium index; a surrogate pair is joined on its first index and its
    second index becomes a placeholder that is dropped."""
    units = [pdfium_c.FPDFText_GetUnicode(tp, i) for i in range(n)]
    out = []
    i = 0
    while i < n:
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < n and 0xDC00 <= units[i + 1] < 0xE000:
            out.append(chr(0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)))
            out.append("\r")
            i += 2
            continue
        out.append(chr(u) if u and not 0xD800 <= u < 0xE000 else "\ufffe")
        i += 1
    return "".join(out)


# -- ruling lines --------------------------------------------------------------------------

@dataclass
class _Edge:
    pos: float  # y of a horizontal line / x of a vertical line (displayed coordinates)
    a0: float  # extent along the line
    a1: float


def _page_edges(page, rot: int, width: float, height: float) -> tuple[list[_Edge], list[_Edge]]:
    """Horizontal and vertical ruling segments from the page's path objects."""
    raw = page.raw
    tf = _transform(rot, width, height)
    identity = rot == 0
    hs: list[_Edge] = []
    vs: list[_Edge] = []
    nobj = pdfium_c.FPDFPage_CountObjects(raw)
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    px, py = ctypes.c_float(), ctypes.c_float()
    mat = pdfium_c.FS_MATRIX()

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        if identity:
            ax, ay, bx, by = x0, height - y0, x1, height - y1
        else:
            ax, ay = tf(x0, y0)
            bx, by = tf(x1, y1)
        w, h = abs(bx - ax), abs(by - ay)
        if w < _THIN and h > w:
            vs.append(_Edge((ax + bx) / 2, min(ay, by), max(ay, by)))
        elif h < _THIN and w > h:
            hs.append(_Edge((ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif w >= _THIN and h >= _THIN:  # a box: its four sides
            x0_, x1_ = min(ax, bx), max(ax, bx)
            y0_, y1_ = min(ay, by), max(ay, by)
            hs.append(_Edge(y0_, x0_, x1_))
            hs.append(_Edge(y1_, x0_, x1_))
            vs.append(_Edge(x0_, y0_, y1_))
            vs.append(_Edge(x1_, y0_, y1_))

    for k in range(nobj):
        obj = pdfium_c.FPDFPage_GetObject(raw, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
            continue
        w, h = r.value - l.value, t.value - b.value
        if min(w, h) < _THIN:
            # a stroke or a thin filled bar: the bounds say it all. Short pieces are kept too:
            # dotted rules are drawn dot by dot and joined into lines later.
            if max(w, h) >= 0.5 and w != h:
                add(l.value, b.value, r.value, t.value)
            continue
        nseg = pdfium_c.FPDFPath_CountSegments(obj)
        if nseg > 2000:
            continue  # a drawing, not a table
        # a compound path: take its straight axis-aligned pieces
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(mat)):
            continue
        a, bb, c, d, e, f = mat.a, mat.b, mat.c, mat.d, mat.e, mat.f
        prev = start = None
        for s in range(nseg):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, s)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
                continue
            x, y = px.value, py.value
            pt = (a * x + c * y + e, bb * x + d * y + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = pt
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                _add_segment(add, prev, pt)
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and kind != pdfium_c.FPDF_SEGMENT_MOVETO:
                _add_segment(add, pt, start)
            prev = pt
    return hs, vs


def _add_segment(add, p: tuple[float, float], q: tuple[float, float]) -> None:
    dx, dy = abs(q[0] - p[0]), abs(q[1] - p[1])
    if dy < 0.5 and dx >= _THIN:
        add(min(p[0], q[0]), p[1], max(p[0], q[0]), p[1])
    elif dx < 0.5 and dy >= _THIN:
        add(p[0], min(p[1], q[1]), p[0], max(p[1], q[1]))


def _merge_edges(edges: list[_Edge]) -> list[_Edge]:
    """Snap nearly equal positions together and join collinear touching segments."""
    if not edges:
        return []
    edges = sorted(edges, key=lambda e: e.pos)
    groups: list[list[_Edge]] = [[edges[0]]]
    for e in edges[1:]:
        if e.pos - groups[-1][0].pos <= _SNAP:
            groups[-1].append(e)
        else:
            groups.append([e])
    out: list[_Edge] = []
    for g in groups:
        pos = sum(e.pos for e in g) / len(g)
        g.sort(key=lambda e: e.a0)
        cur = _Edge(pos, g[0].a0, g[0].a1)
        for e in g[1:]:
            if e.a0 <= cur.a1 + _JOIN:
                cur.a1 = max(cur.a1, e.a1)
            else:
                out.append(cur)
                cur = _Edge(pos, e.a0, e.a1)
        out.append(cur)
    return out


# -- tables --------------------------------------------------------------------------------

@dataclass
class _Table:
    x0: float
    top: float
    x1: float
    bottom: float
    xs: list[float]
    ys: list[float]
    group: list[list[int]]  # base-grid (row band, col band) -> cell id
    cells: dict[int, tuple[int, int]] = field(default_factory=dict)  # cell id -> (row band, col band)
    boxes: dict[int, list[float]] = field(default_factory=dict)  # cell id -> [x0, top, x1, bottom]
    chars: dict[int, list[_Char]] = field(default_factory=lambda: defaultdict(list))
    parent: Optional["_Table"] = None  # the smallest table whose cell holds this one
    demoted: bool = False  # fewer than two non-empty cells: a box around text, not a table
    cell_lines: dict[int, list["_Line"]] = field(default_factory=dict)
    children: dict[int, list["_Table"]] = field(default_factory=lambda: defaultdict(list))
    depth: int = 0

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)

    def is_frame(self, page_w: float, page_h: float) -> bool:
        """A page drawn inside a grid: one cell spans the table's width and either runs down
        half the page or holds most of the table's text. Its content reads as page text."""
        width = self.x1 - self.x0
        total = sum(len(ls) for ls in self.cell_lines.values())
        for g, (x0, top, x1, bottom) in self.boxes.items():
            n = len(self.cell_lines.get(g, ()))
            if (x1 - x0) < 0.9 * width or n < 8:
                continue
            if bottom - top >= 0.5 * page_h:
                return True
            if (x1 - x0) * (bottom - top) >= 0.3 * page_w * page_h and n >= 0.7 * total:
                return True
        return False

    def encloses(self, o: "_Table") -> bool:
        return self.x0 - 1 <= o.x0 and o.x1 <= self.x1 + 1 and self.top - 1 <= o.top and o.bottom <= self.bottom + 1

    def cell_of(self, x: float, y: float) -> int:
        i = min(max(bisect.bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        j = min(max(bisect.bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        return self.group[i][j]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, a: int) -> int:
        p = self.p
        while p[a] != a:
            p[a] = p[p[a]]
            a = p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _snap_positions(values: list[float]) -> list[float]:
    values = sorted(values)
    out: list[float] = []
    for v in values:
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def _by_position(edges: list[_Edge], grid: list[float]) -> list[list[_Edge]]:
    """For each grid line, the ruling segments lying on it."""
    out: list[list[_Edge]] = [[] for _ in grid]
    for e in edges:
        k = bisect.bisect_left(grid, e.pos - _SNAP)
        while k < len(grid) and grid[k] <= e.pos + _SNAP:
            out[k].append(e)
            k += 1
    return out


def _covers(edges: list[_Edge], mid: float) -> bool:
    return any(e.a0 - _TOUCH <= mid <= e.a1 + _TOUCH for e in edges)


def _find_tables(hs: list[_Edge], vs: list[_Edge]) -> list[_Table]:
    """Group connected ruling lines into grids; cells are base-grid rectangles merged where the
    border between them is missing. Open outer sides (no left/right border) are closed."""
    hs = [e for e in _merge_edges(hs) if e.a1 - e.a0 >= 6]
    vs = [e for e in _merge_edges(vs) if e.a1 - e.a0 >= 4]
    if not hs or not vs:
        return []
    uf = _UnionFind(len(hs) + len(vs))
    vs_sorted = sorted(range(len(vs)), key=lambda k: vs[k].pos)
    vpos = [vs[k].pos for k in vs_sorted]
    for hi, h in enumerate(hs):
        lo = bisect.bisect_left(vpos, h.a0 - _TOUCH)
        hi_ = bisect.bisect_right(vpos, h.a1 + _TOUCH)
        for k in vs_sorted[lo:hi_]:
            v = vs[k]
            if v.a0 - _TOUCH <= h.pos <= v.a1 + _TOUCH:
                uf.union(hi, len(hs) + k)
    comps: dict[int, tuple[list[_Edge], list[_Edge]]] = defaultdict(lambda: ([], []))
    for hi, h in enumerate(hs):
        comps[uf.find(hi)][0].append(h)
    for k, v in enumerate(vs):
        comps[uf.find(len(hs) + k)][1].append(v)
    tables: list[_Table] = []
    for ch, cv in comps.values():
        if not ch or not cv or len(ch) + len(cv) < 3:
            continue
        x0 = min(min(e.a0 for e in ch), min(e.pos for e in cv))
        x1 = max(max(e.a1 for e in ch), max(e.pos for e in cv))
        top = min(min(e.pos for e in ch), min(e.a0 for e in cv))
        bottom = max(max(e.pos for e in ch), max(e.a1 for e in cv))
        if x1 - x0 < 10 or bottom - top < 6:
            continue
        xs = _snap_positions([x0, x1] + [e.pos for e in cv])
        ys = _snap_positions([top, bottom] + [e.pos for e in ch])
        xs[0], xs[-1] = min(xs[0], x0), max(xs[-1], x1)
        ys[0], ys[-1] = min(ys[0], top), max(ys[-1], bottom)
        nr, nc = len(ys) - 1, len(xs) - 1
        if nr * nc < 2 or nr * nc > _MAX_GRID:
            continue  # one cell, or a drawing's hatching rather than a table
        on_x, on_y = _by_position(cv, xs), _by_position(ch, ys)
        uf2 = _UnionFind(nr * nc)
        for i in range(nr):
            ymid = (ys[i] + ys[i + 1]) / 2
            for j in range(nc):
                xmid = (xs[j] + xs[j + 1]) / 2
                if j + 1 < nc and not _covers(on_x[j + 1], ymid):
                    uf2.union(i * nc + j, i * nc + j + 1)
                if i + 1 < nr and not _covers(on_y[i + 1], xmid):
                    uf2.union(i * nc + j, (i + 1) * nc + j)
        group = [[uf2.find(i * nc + j) for j in range(nc)] for i in range(nr)]
        cells: dict[int, tuple[int, int]] = {}
        boxes: dict[int, list[float]] = {}
        for i in range(nr):
            for j in range(nc):
                g = group[i][j]
                if g not in cells:
                    cells[g] = (i, j)
                    boxes[g] = [xs[j], ys[i], xs[j + 1], ys[i + 1]]
                else:
                    bx = boxes[g]
                    bx[2] = max(bx[2], xs[j + 1])
                    bx[3] = max(bx[3], ys[i + 1])
        if len(cells) < 2:
            continue
        tables.append(_Table(x0, top, x1, bottom, xs, ys, group, cells, boxes))
    # a grid inside another grid (a table in a cell, a page frame around a table): remember the
    # smallest enclosing one; characters go to the innermost table that holds them
    tables.sort(key=lambda t: t.area)
    for i, t in enumerate(tables):
        t.parent = next((u for u in tables[i + 1:] if u.encloses(t)), None)
    return tables


# -- lines ---------------------------------------------------------------------------------

@dataclass
class _Line:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float  # median character height
    trail: bool = False  # a space glyph follows the last glyph (the line broke at a space)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _extent(row: list[_Char]) -> tuple[float, float, float, float]:
    c = row[0]
    x0, top, x1, bottom = c.x0, c.top, c.x1, c.bottom
    for c in row:
        if c.x0 < x0:
            x0 = c.x0
        if c.top < top:
            top = c.top
        if c.x1 > x1:
            x1 = c.x1
        if c.bottom > bottom:
            bottom = c.bottom
    return (x0, top, x1, bottom)


def _vertical_overlap(a: tuple, b: tuple) -> float:
    """Overlap of two extents' vertical spans as a share of the shorter one."""
    ov = min(a[3], b[3]) - max(a[1], b[1])
    return ov / max(min(a[3] - a[1], b[3] - b[1]), 0.1)


def _build_lines(chars: list[_Char]) -> list[_Line]:
    """Characters into lines: group by baseline, order by x, put spaces where gaps are.

    Grouping by baseline (not by glyph box) keeps digits and Latin words of another font on
    their line. Rows that sit on a baseline of their own but share the line's height are folded
    back in: a superscript mark ("추세*"), a bullet from a symbol font, a label centred beside
    two lines of text. Space glyphs take no part in the grouping; each is attached afterwards to
    the line it sits on."""
    if not chars:
        return []
    spaces = [c for c in chars if c.ch == " "]
    chars = sorted((c for c in chars if c.ch != " "), key=lambda c: (c.base, c.x0))
    if not chars:
        return []
    rows: list[list[_Char]] = []
    row_base = 0.0
    tol = 0.0
    for c in chars:
        if rows and c.base - row_base <= tol:
            rows[-1].append(c)
            continue
        rows.append([c])
        row_base = c.base
        tol = max(0.2 * (c.bottom - c.top), 1.0)
    if len(rows) > 1:
        rows, extents = _fold_rows(rows)
    else:
        extents = [_extent(rows[0])]
    row_spaces = _attach_spaces(extents, spaces)
    lines: list[_Line] = []
    for row, sps, (x0, top, x1, bottom) in zip(rows, row_spaces, extents):
        row.sort(key=lambda c: c.x0)
        heights = sorted(c.bottom - c.top for c in row)
        size = heights[len(heights) // 2]
        text = clean_text(_row_text(row, sps, size)).strip()
        if text:
            trail = bool(sps) and sps[-1].cx > row[-1].cx
            lines.append(_Line(x0, top, x1, bottom, text, size, trail))
    return lines


def _attach_spaces(extents: list[tuple[float, float, float, float]],
                   spaces: list[_Char]) -> list[list[_Char]]:
    """For each row (given by its extent), the space glyphs lying on it: their middle within
    the row's height and width, with a little room at the right end for a space that ends the
    line."""
    out: list[list[_Char]] = [[] for _ in extents]
    if not spaces:
        return out
    keys = []
    for k, (x0, top, x1, bottom) in enumerate(extents):
        keys.append((top, bottom, x0, x1 + 0.5 * (bottom - top), k))
    keys.sort()
    tops = [k[0] for k in keys]
    for s in spaces:
        cx, cy = (s.x0 + s.x1) / 2, (s.top + s.bottom) / 2
        j = bisect.bisect_right(tops, cy) - 1
        stop = max(j - 8, -1)  # rows starting further up than a few lines cannot reach it
        while j > stop:
            _, bottom, x0, x1, k = keys[j]
            if cy <= bottom and x0 <= cx <= x1:
                out[k].append(s)
                break
            j -= 1
    for sps in out:
        if len(sps) > 1:
            sps.sort(key=lambda c: c.x0)
    return out


# Gap widths in shares of the line's Hangul glyph width, over the line's ordinary gap between
# glyphs, measured against the spacing of the same documents saved as HWP/HWPX/DOCX: word
# spaces come out from about 0.2 up, gaps inside words stay below 0.15. Between Hangul and a
# digit or Latin letter some layout engines add about 0.2 of room that is no space ("10 년"),
# so that pair needs more. Where the line has space glyphs, a gap without one must also come
# near their width. A glyph box reaching a fifth of that width into the next glyph is wider
# than the glyph's advance (fonts whose widths the file does not give): that gap says nothing,
# and neither, often, does the gap beside a punctuation mark or symbol drawn in a font of its
# own (its box may be a full-width cell). There the content stream's positioning, as PDFium
# reads it, decides.
_WORD_GAP = 0.18
_WORD_GAP_MIXED = 0.24
_SPACE_SHARE = 0.6
_SPACE_SHARE_MIXED = 0.75
_OVERLAP = 0.2


def _char_class(ch: str) -> int:
    """0 Hangul, 1 other letters and digits, 2 punctuation and symbols."""
    if "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e":
        return 0
    return 1 if ch.isalnum() else 2


def _row_text(row: list[_Char], spaces: list[_Char], size: float) -> str:
    """A line's text from its glyphs (ordered by x) and the space glyphs on it.

    A space goes where the content stream drew a space glyph between two glyphs, or where the
    gap is clearly wider than the line's ordinary gap: justified and distributed lines stretch
    every gap of the line, so the ordinary gap is measured on the line itself. PDFium's own
    spaces (a fixed threshold on the positioning) are heard only where the boxes cannot tell."""
    glyphs: list[_Char] = []
    chars: list[str] = []
    x0s: list[float] = []
    x1s: list[float] = []
    pch, px0, pw = "", 0.0, 0.0
    for c in row:
        ch, x0, x1 = c.ch, c.x0, c.x1
        if ch == pch and abs(x0 - px0) < 0.25 * (pw if pw > 1.0 else 1.0):
            continue  # the same glyph printed twice (faux bold)
        glyphs.append(c)
        chars.append(ch)
        x0s.append(x0)
        x1s.append(x1)
        pch, px0, pw = ch, x0, x1 - x0
    n = len(glyphs)
    if n == 1:
        return chars[0]
    ws = [b - a for a, b in zip(x0s, x1s)]
    cls = [0 if "\uac00" <= ch <= "\ud7a3" else _char_class(ch) for ch in chars]
    hws = [w for w, k in zip(ws, cls) if not k]
    sized = False  # Hangul of more than one size on the line
    if hws:
        lo, hi = min(hws), max(hws)
        if hi - lo > 0.05 * hi:
            sized = True
            hws.sort()
            unit = hws[len(hws) // 2]
        else:
            unit = hi
    else:
        unit = 0.9 * size
    slack = _OVERLAP * unit
    gaps = [0.0]  # gaps[i]: before glyph i
    gaps += [a - b for a, b in zip(islice(x0s, 1, None), x1s)]
    if not spaces and max(gaps[1:]) - min(gaps[1:]) <= 0.1 * unit and not any(c.gsp for c in glyphs):
        return "".join(chars)  # every gap alike, no space glyph, no space from PDFium: one word
    # blind[i]: the gap before glyph i says nothing. A box reaching well into the next glyph is
    # wider than the glyph's advance (fonts whose widths the file does not give); so, likely,
    # is the box of that next glyph, if it is of the same kind or not Hangul.
    blind = [False] * (n + 1)
    if min(gaps) < -slack:
        for i in range(1, n):
            if gaps[i] < -slack:
                blind[i] = True
                if cls[i] == cls[i - 1] or cls[i]:
                    blind[i + 1] = True
    # marked[i]: the middle of a space glyph lies between the starts of glyphs i - 1 and i
    marked = [False] * n
    for sp in spaces:
        i = bisect.bisect_left(x0s, (sp.x0 + sp.x1) / 2)
        if 0 < i < n:
            marked[i] = True
    # the ordinary gap of the line: between Hangul syllables of one size where there are
    # enough of them (their boxes are the most regular; a line may mix fonts), else between
    # any glyphs
    free = [i for i in range(1, n) if not (marked[i] or blind[i])]
    base = 0.0
    bases = {}
    hh = [] if sized else sorted(gaps[i] for i in free if not (cls[i] or cls[i - 1]))
    if len(hh) >= 3:
        base = hh[int(0.4 * (len(hh) - 1))]
    else:
        plain = sorted(gaps[i] for i in free)
        if len(plain) >= 3:
            base = plain[int(0.4 * (len(plain) - 1))]
        if sized:
            by_size: dict[float, list[float]] = {}
            for i in free:
                if not cls[i] and not cls[i - 1]:
                    w = ws[i]
                    if abs(ws[i - 1] - w) < 0.05 * w:
                        by_size.setdefault(round(w, 1), []).append(gaps[i])
            for key, gs in by_size.items():
                if len(gs) >= 3:
                    gs.sort()
                    bases[key] = gs[int(0.4 * (len(gs) - 1))]
    word_share, mixed_share = _WORD_GAP, _WORD_GAP_MIXED
    if spaces:
        # the width of the space glyphs drawn on the line: a gap without one is a word space
        # only if it comes close to that width
        sw = sorted(sp.x1 - sp.x0 for sp in spaces)
        drawn = sw[len(sw) // 2]
        if 0.1 * unit < drawn < 0.5 * unit:  # else a box that is not the advance
            word_share = max(word_share, _SPACE_SHARE * drawn / unit)
            mixed_share = max(mixed_share, _SPACE_SHARE_MIXED * drawn / unit)
    o, u = base, unit  # the ordinary gap and the Hangul width that apply at the gap
    if bases:
        todo = range(1, n)
    else:  # only gaps that can be spaces
        lim = base + word_share * unit
        todo = [i for i in range(1, n)
                if gaps[i] > lim or marked[i] or blind[i] or cls[i] == 2 or cls[i - 1] == 2]
    ref = unit
    cuts = []
    eager = None
    for i in todo:
        a, b = cls[i - 1], cls[i]
        if bases:
            if not a:
                ref = ws[i - 1]
            elif not b:
                ref = ws[i]
            key = round(ref, 1)
            if key in bases:
                o, u = bases[key], ref
            else:
                o, u = base, unit
        if marked[i]:
            cuts.append(i)
            continue
        # condensed letter spacing (o < 0) takes a share of each glyph's width: less after a
        # narrow glyph ("(", "1") than after a Hangul syllable
        d = gaps[i] - (o * min(1.0, ws[i - 1] / u) if o < 0 else o)
        if blind[i] or a == 2 or b == 2:
            c, p = glyphs[i], glyphs[i - 1]
            space = c.gsp and c.idx == p.idx + 1  # PDFium's reading of the positioning
            if space and not blind[i]:
                if eager is None:
                    eager = _pdfium_eager(glyphs, cls, gaps, base + 0.1 * unit)
                space = not eager
            if not space and not blind[i]:
                space = d > word_share * u
        elif a != b:
            space = d > mixed_share * u
        else:
            space = d > word_share * u
        if space:
            cuts.append(i)
    if not cuts:
        return "".join(chars)
    words = []
    last = 0
    for i in cuts:
        words.append("".join(chars[last:i]))
        last = i
    words.append("".join(chars[last:]))
    return " ".join(words)


def _pdfium_eager(glyphs: list[_Char], cls: list[int], gaps: list[float], limit: float) -> bool:
    """Whether PDFium put spaces inside words on this line (a stretched line read glyph by
    glyph): twice or more between Hangul syllables whose gap is no wider than ``limit``."""
    seen = 0
    for i in range(1, len(glyphs)):
        c = glyphs[i]
        if c.gsp and not (cls[i] or cls[i - 1]) and gaps[i] <= limit and c.idx == glyphs[i - 1].idx + 1:
            seen += 1
            if seen >= 2:
                return True
    return False


def _fold_rows(rows: list[list[_Char]]) -> tuple[list[list[_Char]], list[tuple]]:
    """The rows folded together, and the extent of each."""
    ext = [_extent(r) for r in rows]
    alive = [True] * len(rows)
    # a row of one to three glyphs joins the neighbouring line it overlaps most
    for i, row in enumerate(rows):
        if len(row) > 3:
            continue
        best, best_ov = -1, 0.3
        for j in (i - 1, i + 1):
            if 0 <= j < len(rows) and alive[j] and len(rows[j]) > 3:
                ov = _vertical_overlap(ext[i], ext[j])
                if ov >= best_ov:
                    best, best_ov = j, ov
        if best >= 0:
            rows[best].extend(row)
            alive[i] = False
    out: list[list[_Char]] = []
    out_ext: list[tuple] = []
    for i, row in enumerate(rows):
        if not alive[i]:
            continue
        e = _extent(row)
        # rows side by side at nearly the same height (a label beside its value) are one line
        if out and _vertical_overlap(out_ext[-1], e) > 0.6 and (e[0] >= out_ext[-1][2] or e[2] <= out_ext[-1][0]):
            out[-1].extend(row)
            p = out_ext[-1]
            out_ext[-1] = (min(p[0], e[0]), min(p[1], e[1]), max(p[2], e[2]), max(p[3], e[3]))
            continue
        out.append(row)
        out_ext.append(e)
    return out, out_ext


# -- paragraphs ----------------------------------------------------------------------------

# Markers that always open a new block: section numbers, bullets, requirement IDs.
_STRONG = re.compile(
    r"""^(?:
        [ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+\s*[.)]?
      | [IVX]{1,4}\.\s
      | 제\s*\d+\s*[장편]
      | [①-⑳㉠-㉻㈀-㈜⑴-⒇⒜-⒵]
      | \(\s*\d{1,2}\s*\) | \(\s*[가-하]\s*\) | \(\s*[a-z]\s*\)
      | [□■◻◼☐○●◦◎◯∘◇◆▪▫•※▶►▷▸‣➢➤➔→⇒✓✔❍❏❑❖⦁➀-➉▣◈☞★△▲¡]
      | [-–—－*oｏ]\s
      | [A-Z]{2,5}-?\d{2,4}(?![\d.])
      | [<〈《\[【「]\s*(?:표|그림|별표|별첨|붙임|서식|부록|참고)
    )""",
    re.X,
)
# Markers that open a block unless the previous line clearly runs on into this one.
_WEAK = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)](?!\d)|\d{1,2}(?:\.\d{1,2}){1,3}\s+(?=\D)|[가-하]\s*[.)]\s"
    r"|[a-z][.)]\s|[-–—－*](?=[^\s\d])|[·∙ㆍ․･‧]\s*(?=\S)|제\s*\d+\s*[절조]\s)"
)
_BULLET_KIND = re.compile(r"^(?:[□■◻◼☐○●◦◎◯∘◇◆▪▫•∙·ㆍ․･‧※▶►▷▸‣➢➤➔→⇒✓✔❍❏❑❖⦁▣◈☞★△▲¡\-–—－*]|[oｏ]\s)")
_ROMAN = re.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+\s*[.)]?|[IVX]{1,4}\.\s|제\s*\d+\s*[장편])")
_CAPTION = re.compile(r"^(?:[<〈《\[【]\s*(?:표|그림)\s*[\d\-.]*\s*[>〉》\]】]?|(?:표|그림)\s*\d{1,2}(?:[.\-]\d{1,2})*\.?\s)")
_SENT_END = re.compile(r"(?:[.。!?:;]|[다음함됨임음요]\.?|[)\]」』>〉])$")


def _marker(text: str) -> Optional[str]:
    if _STRONG.match(text):
        return "strong"
    if _WEAK.match(text):
        return "weak"
    return None


def _join_lines(a: str, b: str, glue: bool = False) -> str:
    """Join a wrapped line to the next. Hyphenated codes and slashes join tight, and so does a
    word the wrap broke (``glue``, see ``_Words``); else a space."""
    if glue or a.endswith(("-", "/", "(", "·")) or b.startswith((")", ",", ".", "·")):
        return a + b
    return a + " " + b


_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")


class _Words:
    """The words of a document as its lines spell them, to tell a word that a wrap broke
    ("사업금" / "액의": Korean text wraps inside words) from two words ("사업의" / "과업"). Only
    words inside a line count: the first and last word of a line may be pieces of a broken one.

    Measured on the ten corpus PDFs that have an HWP/HWPX twin, at wraps with no space glyph
    ending the line: where the line holds three words or more and the document has the joined
    word (or a word that begins with the first piece and the next syllable), the twin has one
    word 1,760 times out of 1,769; where neither piece is a word of the document and the first
    is one syllable or the start of a word, 96 times out of 99; where the next line starts with
    a syllable that begins under 5 % of the document's words containing it, 149 out of 154; a
    number and its unit, 24 out of 24. The other wraps are taken for spaces: 2,289 are, 818 are
    not. After a line of one or two words (labels in narrow cells: "세부" / "내용") the wrap is a
    space about as often as not."""

    def __init__(self, lines) -> None:
        count: Counter = Counter()
        strip = _EDGE_PUNCT.sub
        for text in lines:
            toks = text.split()
            for t in toks[1:-1]:
                if not (t[0].isalnum() and t[-1].isalnum()):
                    t = strip("", t)
                count[t] += 1
        count.pop("", None)
        self.words = count
        prefixes = set()
        starts: Counter = Counter()  # syllable -> times it begins a word
        inside: Counter = Counter()  # syllable -> times it stands later in a word
        for w, c in count.items():
            for k in range(2, len(w)):
                prefixes.add(w[:k])
            starts[w[0]] += c
            for ch in w[1:]:
                inside[ch] += c
        self.prefixes = prefixes
        self.starts, self.inside = starts, inside

    def broken(self, line: str, nxt: str) -> bool:
        """Whether the wrap between ``line`` and the next line ``nxt`` broke a word."""
        if not line or not nxt:
            return False
        if "0" <= line[-1] <= "9":
            return nxt[0] in _COUNTERS  # "30" / "일 이내": a number and its unit
        if not _is_hangul_syllable(line[-1]) or not _is_hangul_syllable(nxt[0]):
            return False
        cut = line.rfind(" ")
        if line.count(" ", 0, max(cut, 0)) < 1:
            return False  # fewer than three words on the line
        head = _EDGE_PUNCT.sub("", line[cut + 1:])
        sp = nxt.find(" ")
        tail = _EDGE_PUNCT.sub("", nxt if sp < 0 else nxt[:sp])
        if not head or not tail:
            return False
        words = self.words
        if head + tail in words or head + tail[0] in self.prefixes:
            return True
        # neither piece is a word of the document, and the first looks like the start of one
        if head not in words and tail not in words and (len(head) == 1 or head in self.prefixes):
            return True
        # the next line starts with a syllable that (almost) never begins a word here ("켜야")
        first = tail[0]
        begins, later = self.starts[first], self.inside[first]
        return begins + later >= 5 and begins < 0.05 * (begins + later)


# Units and counters written right after a number ("30일", "제54조", "90점"); syllables that
# also begin common words after numbers (시스템, 주관, 분석) are left out.
_COUNTERS = frozenset("조항호년월일점개명회건원억만천배장절쪽차")


def _is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _family(text: str) -> str:
    """The numbering family of a weak marker: siblings share one."""
    c = text[:1]
    if c.isdigit():
        return "num"
    if "가" <= c <= "하":
        return "hangul"
    if c.isalpha():
        return "alpha"
    return "dash"


def _paragraphs(lines: list[_Line], right: float, body_size: float,
                words: Optional["_Words"] = None) -> list[tuple[str, str]]:
    """Lines of one region (page text between tables, or one cell) into (kind, text) blocks.

    A line opens a new block when it starts with a heading/bullet marker, after a vertical gap or
    a change of font size, or when the line before it stopped short of the right margin. A weak
    marker ("1.", "가.", "-") at the start of a line that merely continues a full line ("…하여야
    한" / "다. 또한") does not, unless it lines up with a sibling that opened the block."""
    out: list[tuple[str, str]] = []
    cur: list[_Line] = []
    cur_kind = PARAGRAPH
    cur_mk: Optional[str] = None
    left = min((ln.x0 for ln in lines), default=0.0)

    def flush() -> None:
        nonlocal cur
        if cur:
            text = cur[0].text
            for p, ln in zip(cur, cur[1:]):
                glue = words is not None and not p.trail and words.broken(p.text, ln.text)
                text = _join_lines(text, ln.text, glue)
            out.append((cur_kind, text))
            cur = []

    for ln in lines:
        mk = _marker(ln.text)
        start = not cur
        if cur:
            p = cur[-1]
            # the previous line ran to the right edge (allowing a word's width of slack)
            full = p.x1 >= right - min(2.5 * p.size, 0.2 * (right - left))
            gap = ln.top - p.bottom
            if mk == "strong":
                start = True
            elif mk == "weak" and (
                not full
                or _SENT_END.search(p.text)
                or (cur_mk == "weak" and _family(ln.text) == _family(cur[0].text) and abs(ln.x0 - cur[0].x0) <= 2)
            ):
                start = True
            elif gap > 0.9 * max(p.height, ln.height) or gap < -0.5 * ln.height:
                start = True
            elif abs(ln.size - p.size) > 0.2 * max(ln.size, p.size):
                start = True
            elif not full:
                start = True  # the previous line stopped short: its paragraph ended
        if start:
            flush()
            cur_kind = _kind(ln, mk, body_size)
            cur_mk = mk
        cur.append(ln)
    flush()
    return out


_REQ_ID = re.compile(r"^[A-Z]{2,5}-?\d")


def _kind(ln: _Line, mk: Optional[str], body_size: float) -> str:
    text = ln.text
    if _CAPTION.match(text) and len(text) <= 80:
        return CAPTION
    if _ROMAN.match(text):
        return HEADING
    big = body_size > 0 and ln.size >= 1.2 * body_size and len(text) <= 80
    if mk and _BULLET_KIND.match(text):
        return LIST_ITEM
    if mk:
        return HEADING if big or _REQ_ID.match(text) else LIST_ITEM
    return HEADING if big else PARAGRAPH


# -- page furniture --------------------------------------------------------------------------

_PAGE_NO = re.compile(
    r"""^\s*(?:
        [-–—]\s*\d{1,4}\s*(?:/\s*\d{1,4}\s*)?[-–—]
      | \d{1,4}\s*(?:/\s*\d{1,4})?
      | (?:page|p\.)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?
      | \d{1,4}\s*(?:쪽|페이지)(?:\s*/\s*\d{1,4}\s*(?:쪽|페이지)?)?
    )\s*$""",
    re.X | re.I,
)
_PAGE_NO_DASHED = re.compile(r"^(?:\s*[-–—]\s*\d{1,4}\s*(?:/\s*\d{1,4}\s*)?[-–—]\s*){1,2}$")
_DIGITS = re.compile(r"\d+")
_WS = re.compile(r"\s+")


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", _WS.sub("", text))


@dataclass
class _Region:
    """One reading column of a page: free lines top to bottom, and the tables in it."""

    lines: list[_Line]
    tables: list[tuple[_Table, dict[int, list[_Line]]]]


@dataclass
class _Page:
    number: int
    width: float
    height: float
    regions: list[_Region]
    letters: int  # Hangul, Latin and other letters among the glyphs


def _margin_lines(rg: _Region, height: float, k: int = 3, zone: float = 0.16) -> list[int]:
    """Indexes of the first and last ``k`` free lines of a region that sit in the top/bottom
    margin zone, above/below every table."""
    idx: list[int] = []
    table_top = min((t.top for t, _ in rg.tables), default=height)
    table_bottom = max((t.bottom for t, _ in rg.tables), default=0.0)
    for i, ln in enumerate(rg.lines[:k]):
        if ln.bottom <= height * zone and ln.bottom <= table_top + 1:
            idx.append(i)
    n = len(rg.lines)
    for i in range(max(0, n - k), n):
        ln = rg.lines[i]
        if ln.top >= height * (1 - zone) and ln.top >= table_bottom - 1 and i not in idx:
            idx.append(i)
    return idx


def _margin_cells(rg: _Region, height: float, zone: float = 0.16):
    """(table, cell id, key) of table cells lying wholly in the top or bottom margin zone: page
    headers drawn as a table ("문서번호 … 페이지 4/19")."""
    for t, cl in rg.tables:
        for g, lines in cl.items():
            top = min(ln.top for ln in lines)
            bottom = max(ln.bottom for ln in lines)
            if bottom <= height * zone or top >= height * (1 - zone):
                text = " ".join(ln.text for ln in lines)
                yield t, g, ("cell", _furniture_key(text)), top


def _strip_furniture(pages: list[_Page]) -> None:
    """Drop page numbers, and lines repeated in the same margin on most pages (digits aside).

    A margin line is furniture when its text (digits aside) recurs at the same height on 40 % of
    the pages. Table cells in the margin (a header drawn as a table) need 60 %, so that the
    heading row of tables that happen to start at the top of many pages survives."""
    tops: dict[tuple, list[float]] = defaultdict(list)
    cand: list[list[tuple[int, tuple]]] = []
    for pg in pages:
        seen: dict[tuple, float] = {}
        for rg in pg.regions:
            lst = []
            for i in _margin_lines(rg, pg.height):
                ln = rg.lines[i]
                key = ("line", ln.top < pg.height / 2, _furniture_key(ln.text))
                lst.append((i, key))
                seen.setdefault(key, ln.top)
            for _, g, key, top in _margin_cells(rg, pg.height):
                seen.setdefault(key, top)
            cand.append(lst)
        for key, top in seen.items():
            tops[key].append(top)
    n = len(pages)
    line_min = max(3, int(0.4 * n + 0.999)) if n >= 4 else n + 1
    cell_min = max(3, int(0.6 * n + 0.999)) if n >= 4 else n + 1
    medians = {k: sorted(v)[len(v) // 2] for k, v in tops.items() if len(v) >= line_min}

    def repeated(key: tuple, top: float, minimum: int) -> bool:
        return len(tops[key]) >= minimum and abs(top - medians[key]) <= 4

    k = 0
    for pg in pages:
        for rg in pg.regions:
            drop = set()
            for i, key in cand[k]:
                ln = rg.lines[i]
                if _PAGE_NO.match(ln.text) or repeated(key, ln.top, line_min):
                    drop.add(i)
            k += 1
            for i, ln in enumerate(rg.lines):
                if _PAGE_NO_DASHED.match(ln.text):  # "- 3 -" is a page number wherever it sits
                    drop.add(i)
            if drop:
                rg.lines = [ln for i, ln in enumerate(rg.lines) if i not in drop]
            for t, g, key, top in list(_margin_cells(rg, pg.height)):
                if repeated(key, top, cell_min):
                    del t.cell_lines[g]


# -- the extractor ---------------------------------------------------------------------------

def _open(path: str):
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError(path, ENCRYPTED_MSG, "encrypted") from None
        raise InputError(path, "손상되었거나 잘린 PDF 파일이라 열 수 없습니다.", "corrupt") from None
    except FileNotFoundError:
        raise InputError(path, "파일이 없습니다.", "not_found") from None


def _gutter(chars: list[_Char], tables: list[_Table], width: float, height: float) -> Optional[float]:
    """The x of a vertical gap splitting a landscape page into two columns (2-up printing), when
    nothing crosses it and both sides hold a fair share of the text; else None."""
    if width <= height:
        return None
    chars = [c for c in chars if c.ch != " "]
    spans = [(c.x0, c.x1) for c in chars]
    spans += [(t.x0, t.x1) for t in tables]
    if len(spans) < 50:
        return None
    spans.sort()
    lo_limit, hi_limit = 0.3 * width, 0.7 * width
    best: Optional[tuple[float, float]] = None
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a > reach:
            gap0, gap1 = max(reach, lo_limit), min(a, hi_limit)
            if gap1 - gap0 >= 10 and (best is None or gap1 - gap0 > best[1] - best[0]):
                best = (gap0, gap1)
        reach = max(reach, b)
    if best is None:
        return None
    mid = (best[0] + best[1]) / 2
    left = sum(1 for c in chars if c.x1 <= mid)
    if not (0.15 * len(chars) <= left <= 0.85 * len(chars)):
        return None
    return mid


def _make_region(chars: list[_Char], tables: list[_Table], page_w: float, page_h: float) -> _Region:
    """Assign characters to table cells (innermost table first) or to the free text, build the
    lines of each, and drop grids that hold fewer than two non-empty cells (boxes around text)
    or that frame a page of running text."""
    free: list[_Char] = []
    if tables:
        # smallest first; the cell lookup of _Table.cell_of, inlined (it runs for every glyph)
        boxes = [(t.x0, t.top, t.x1, t.bottom, t.ys, t.xs, len(t.ys) - 2, len(t.xs) - 2, t.group, t.chars)
                 for t in tables]
        ux0 = min(b[0] for b in boxes)
        utop = min(b[1] for b in boxes)
        ux1 = max(b[2] for b in boxes)
        ubottom = max(b[3] for b in boxes)
        bisect_right = bisect.bisect_right
        for c in chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            if ux0 <= cx <= ux1 and utop <= cy <= ubottom:
                for x0, top, x1, bottom, ys, xs, last_i, last_j, group, cells in boxes:
                    if x0 <= cx <= x1 and top <= cy <= bottom:
                        i = bisect_right(ys, cy) - 1
                        i = 0 if i < 0 else (last_i if i > last_i else i)
                        j = bisect_right(xs, cx) - 1
                        j = 0 if j < 0 else (last_j if j > last_j else j)
                        cells[group[i][j]].append(c)
                        break
                else:
                    free.append(c)
            else:
                free.append(c)
    else:
        free = list(chars)
    for t in tables:  # smallest first, so a box's text reaches its enclosing table in time
        cell_lines = {g: _build_lines(cs) for g, cs in t.chars.items()}
        t.cell_lines = {g: ls for g, ls in cell_lines.items() if ls}
        if len(t.cell_lines) >= 2 and not (t.parent is not None and len(t.xs) == 2) and not t.is_frame(page_w, page_h):
            continue
        # else: a box around text, a one-column stack of boxes inside a cell (shading drawn
        # line by line) or a page frame: its text belongs to the enclosing cell or to the page
        t.demoted = True
        dest = t.parent
        for cs in t.chars.values():
            for c in cs:
                if dest is not None:
                    dest.chars[dest.cell_of(c.cx, c.cy)].append(c)
                else:
                    free.append(c)
    top: list[tuple[_Table, dict[int, list[_Line]]]] = []
    for t in tables:
        if t.demoted:
            continue
        p = t.parent
        while p is not None and p.demoted:
            p = p.parent
        t.parent = p
        if p is None:
            top.append((t, t.cell_lines))
        else:
            p.children[p.cell_of((t.x0 + t.x1) / 2, (t.top + t.bottom) / 2)].append(t)
    for t in tables:
        t.chars.clear()  # the lines are built; the glyphs need not stay alive for the document
    return _Region(_build_lines(free), top)


def _read_page(pdf, index: int) -> _Page:
    page = pdf[index]
    try:
        pw, ph = page.get_size()  # as displayed, /Rotate applied
        rot = page.get_rotation() % 360
        w, h = (ph, pw) if rot in (90, 270) else (pw, ph)  # PDF user space
        textpage = page.get_textpage()
        try:
            chars = _page_chars(textpage, rot, w, h)
        finally:
            textpage.close()
        tables = _find_tables(*_page_edges(page, rot, w, h)) if chars else []
    finally:
        page.close()
    letters = sum(1 for c in chars if c.ch.isalpha())
    split = _gutter(chars, tables, pw, ph)
    if split is None:
        regions = [_make_region(chars, tables, pw, ph)]
    else:
        regions = [
            _make_region([c for c in chars if c.cx < split], [t for t in tables if t.x1 <= split], pw / 2, ph),
            _make_region([c for c in chars if c.cx >= split], [t for t in tables if t.x0 >= split], pw / 2, ph),
        ]
    return _Page(index + 1, pw, ph, regions, letters)


def extract_pdf(path: str | Path) -> Document:
    """Read a PDF's text layer into a Document (blocks carry their 1-based page)."""
    path = str(path)
    pdf = _open(path)
    pages: list[_Page] = []
    try:
        n = len(pdf)
        if n == 0:
            raise InputError(path, "쪽이 하나도 없는 PDF입니다.", "corrupt")
        for i in range(n):
            try:
                pages.append(_read_page(pdf, i))
            except pdfium.PdfiumError:
                raise InputError(path, f"PDF의 {i + 1}쪽을 읽을 수 없습니다(파일이 손상되었습니다).", "corrupt") from None
    finally:
        pdf.close()

    # letters, not glyphs: a layer of punctuation and digits alone (letters drawn as shapes) is
    # no text either; a document mostly of such pages is a scan with a stray stamp or two
    letters = sum(p.letters for p in pages)
    bare = sum(1 for p in pages if p.letters < MIN_CHARS_PER_PAGE)
    if letters < MIN_CHARS_PER_PAGE * len(pages) or bare > len(pages) / 2:
        raise InputError(path, NO_TEXT_MSG, "no_text")
    if looks_garbled(clean_text("\n".join(_all_text(pages)))):
        raise InputError(path, GARBLED_MSG, "garbled")

    _strip_furniture(pages)
    sizes = Counter(round(ln.size, 1) for p in pages for rg in p.regions for ln in rg.lines)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    words = _Words(_all_text(pages))

    blocks: list[RawBlock] = []
    counter = [-1]  # the last table number given out
    empty_pages = []
    for pg in pages:
        if pg.letters < MIN_CHARS_PER_PAGE:
            empty_pages.append(pg.number)  # a scanned page, or one whose letters are drawn as shapes
        for rg in pg.regions:
            right = _right_edge(rg.lines)
            items: list[tuple[float, int, object]] = [(ln.top, 0, ln) for ln in rg.lines]
            items += [(t.top, 1, t) for t, _ in rg.tables]
            items.sort(key=lambda it: (it[0], it[1]))
            run: list[_Line] = []
            for _, kind, obj in items:
                if kind == 0:
                    run.append(obj)  # type: ignore[arg-type]
                    continue
                if run:
                    _emit_text(blocks, run, right, body_size, pg.number, words)
                    run = []
                counter[0] += 1
                _emit_table(blocks, obj, counter[0], pg.number, body_size, counter, words)  # type: ignore[arg-type]
            if run:
                _emit_text(blocks, run, right, body_size, pg.number, words)
    meta = {"tables": counter[0] + 1, "pages_without_text": empty_pages, "extractor": "pypdfium2"}
    return build_document(path, "pdf", blocks, pages=len(pages), meta=meta)


def _all_text(pages: list[_Page]):
    for p in pages:
        for rg in p.regions:
            for ln in rg.lines:
                yield ln.text
            for _, cl in rg.tables:
                for ls in cl.values():
                    for ln in ls:
                        yield ln.text


def _emit_text(blocks: list[RawBlock], lines: list[_Line], right: float, body_size: float, page: int,
               words: Optional[_Words] = None) -> None:
    for kind, text in _paragraphs(lines, right, body_size, words):
        blocks.append(RawBlock(text, kind, page=page))


def _right_edge(lines: list[_Line]) -> float:
    """The right margin of a run of lines: a high percentile of their right ends."""
    if not lines:
        return 0.0
    xs = sorted(ln.x1 for ln in lines)
    return xs[int(0.9 * (len(xs) - 1))]


def _emit_table(blocks: list[RawBlock], t: _Table, tno: int, page: int, body_size: float, counter: list[int],
                words: Optional[_Words] = None) -> None:
    """One TABLE_CELL per non-empty cell, rows top to bottom, cells left to right. A merged cell
    is emitted once, at its top-left grid position; a table nested in a cell follows that cell.
    Rows and columns are numbered densely over the bands where some cell starts. A table that
    runs onto the next page continues there as a table of its own."""
    cell_lines = t.cell_lines
    starts = sorted({t.cells[g][0] for g in cell_lines} | {t.cells[g][0] for g in t.children})
    row_of = {band: k for k, band in enumerate(starts)}
    cols = sorted({t.cells[g][1] for g in cell_lines} | {t.cells[g][1] for g in t.children})
    col_of = {band: k for k, band in enumerate(cols)}
    for g in sorted(set(cell_lines) | set(t.children), key=lambda g: t.cells[g]):
        lines = cell_lines.get(g)
        if lines:
            right = max(ln.x1 for ln in lines)
            text = "\n".join(p for _, p in _paragraphs(lines, right, body_size, words))
            if not _PAGE_NO_DASHED.match(text):
                band_row, band_col = t.cells[g]
                blocks.append(RawBlock(text, TABLE_CELL, page=page, table=tno, row=row_of[band_row],
                                       col=col_of[band_col], depth=t.depth))
        for child in sorted(t.children.get(g, ()), key=lambda c: (c.top, c.x0)):
            counter[0] += 1
            child.depth = t.depth + 1
            _emit_table(blocks, child, counter[0], page, body_size, counter, words)
