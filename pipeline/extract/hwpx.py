"""HWPX (OWPML, Hangul 2010+) reader: a ZIP of XML parts read with :mod:`safezip` and lxml.

What is read:

* section order from ``Contents/content.hpf`` (the OPF spine), else section-number order;
* ``hp:p`` paragraphs with their ``hp:run``/``hp:t`` text (tabs, line breaks, fixed-width and
  non-breaking spaces, composed characters, form-control captions, equation scripts);
* tables ``hp:tbl`` → one TABLE_CELL block per ``hp:tc`` in row-major order, with the row and
  column from ``hp:cellAddr``; a cell's text is one block and the tables nested in it follow
  it, with their own ordinal and a deeper ``depth``;
* text of drawing objects (text boxes ``hp:drawText``, grouped shapes, captions) and foot/endnotes
  as NOTE/CAPTION blocks; page headers and footers are page furniture and are left out;
* heading levels from ``Contents/header.xml``: a paragraph whose ``hh:paraPr`` has
  ``hh:heading type="OUTLINE"`` is a HEADING with that level; NUMBER/BULLET paragraphs are
  LIST_ITEMs. Their visible label ("1.", "가.", "□") is rebuilt and put before the text;
* page numbers estimated from the layout cache Hangul stores (``hp:linesegarray``/``hp:lineseg``
  of every paragraph, the tables' ``hp:sz``/``hp:pos`` and cell sizes ``hp:cellSz``, each
  section's ``hp:pagePr``) by the estimator shared with the HWP 5 reader (:mod:`.layout`): line
  positions restart on every page, page breaks and sections start one, tables and floating
  objects are laid out again from their stored row heights and the page splits recorded inside
  their cells. The cache is Hangul's layout on the machine that saved the file, so pages are
  close, not exact (another machine's fonts move breaks); they are marked estimated. Files
  without a layout cache (written by other programs) get no page numbers.

Namespace URIs differ between Hangul versions (2011/2016 schemas), so elements are matched by
local name only.
"""
from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from lxml import etree

from ..errors import InputError
from ..model import (
    CAPTION,
    HEADING,
    LIST_ITEM,
    NOTE,
    PARAGRAPH,
    TABLE_CELL,
    Document,
    RawBlock,
    build_document,
)
from .layout import (
    BREAK_PAGE,
    DEFAULT_BODY,
    Flow,
    LayCell,
    LayObj,
    LayPara,
    apply_pages,
    body_height,
    nested_pages,
)
from .safezip import SafeZip, format_counter, local

_SECTION_RE = re.compile(r"^Contents/section(\d+)\.xml$", re.IGNORECASE)

# Hangul numbering formats → safezip.format_counter styles
_NUM_FORMATS = {
    "DIGIT": "decimal",
    "CIRCLED_DIGIT": "circled",
    "ROMAN_CAPITAL": "roman_glyph_upper",
    "ROMAN_SMALL": "roman_glyph_lower",
    "LATIN_CAPITAL": "latin_upper",
    "LATIN_SMALL": "latin_lower",
    "CIRCLED_LATIN_CAPITAL": "circled_latin_upper",
    "CIRCLED_LATIN_SMALL": "circled_latin_lower",
    "HANGUL_SYLLABLE": "hangul_syllable",
    "CIRCLED_HANGUL_SYLLABLE": "circled_hangul_syllable",
    "HANGUL_JAMO": "hangul_jamo",
    "CIRCLED_HANGUL_JAMO": "circled_hangul_jamo",
    "HANGUL_PHONETIC": "hangul_digit",
    "IDEOGRAPH": "ideograph",
    "CIRCLED_IDEOGRAPH": "circled_ideograph",
}

# Drawing objects that may carry text (in hp:drawText or hp:caption) or hold other objects.
_SHAPES = {
    "rect", "ellipse", "arc", "polygon", "curve", "connectLine", "line", "container", "pic",
    "ole", "textart", "video", "chart",
}
# Inline characters inside hp:t
_T_CHARS = {"tab": "\t", "lineBreak": "\n", "fwSpace": " ", "nbSpace": " ", "hyphen": "-"}
_FORM_CONTROLS = {"btn", "checkBtn", "radioBtn", "comboBox", "listBox", "edit", "scrollBar"}
_EQ_WORDS = re.compile(r"\b(?:rm|it|bold|LEFT|RIGHT|left|right|Left|Right)\b")


@dataclass
class _ParaShape:
    head: str = "NONE"  # NONE | OUTLINE | NUMBER | BULLET
    ref: str = "0"  # numbering/bullet id
    level: int = 0  # 0-based


@dataclass
class _Header:
    para: dict[str, _ParaShape] = field(default_factory=dict)
    styles: dict[str, tuple[str, Optional[str]]] = field(default_factory=dict)  # id → (name, paraPr)
    numberings: dict[str, dict[int, tuple[int, str, str]]] = field(default_factory=dict)
    bullets: dict[str, str] = field(default_factory=dict)


def _int(v: Optional[str], default: int = 0) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def _read_header(root: etree._Element) -> _Header:
    h = _Header()
    for el in root.iter():
        name = local(el.tag)
        if name == "paraPr":
            shape = _ParaShape()
            for c in el:
                if local(c.tag) == "heading":
                    shape = _ParaShape(c.get("type", "NONE"), c.get("idRef", "0"), _int(c.get("level")))
                    break
            h.para[el.get("id", "")] = shape
        elif name == "style":
            h.styles[el.get("id", "")] = (el.get("name") or "", el.get("paraPrIDRef"))
        elif name == "numbering":
            levels: dict[int, tuple[int, str, str]] = {}
            for c in el:
                if local(c.tag) == "paraHead":
                    lv = _int(c.get("level"), 1)
                    levels[lv] = (
                        _int(c.get("start"), 1),
                        _NUM_FORMATS.get(c.get("numFormat", "DIGIT"), "decimal"),
                        c.text or "",
                    )
            h.numberings[el.get("id", "")] = levels
        elif name == "bullet":
            h.bullets[el.get("id", "")] = el.get("char") or ""
    return h


class _Numbering:
    """Counters of one numbering definition (10 levels, Hangul's 1-based paraHead levels)."""

    def __init__(self, levels: dict[int, tuple[int, str, str]]) -> None:
        self.levels = levels
        self.counts = [0] * 11

    def next_label(self, level: int) -> str:
        lv = min(max(level + 1, 1), 10)
        self.counts[lv] += 1
        for deeper in range(lv + 1, 11):
            self.counts[deeper] = 0
        template = self.levels.get(lv, (1, "decimal", ""))[2]
        if not template:
            return ""
        return re.sub(r"\^(\d{1,2})", lambda m: self._value(int(m.group(1))), template)

    def _value(self, lv: int) -> str:
        start, style, _ = self.levels.get(lv, (1, "decimal", ""))
        n = start + max(self.counts[lv] - 1, 0) if 1 <= lv <= 10 else start
        return format_counter(n, style)


@dataclass
class _Seg:
    """Paragraph content in order: text, or an object (table, shape, note) found inline."""

    text: Optional[str] = None
    obj: Optional[etree._Element] = None


# -- page layout model ---------------------------------------------------------------------------
#
# What the shared estimator (layout.py) needs, from the XML: per top-level paragraph its
# ``pageBreak``, its stored lines (``hp:lineseg``: textpos, vertpos, vertsize, horzsize, flags)
# and the objects anchored in it (tables, drawing objects, equations: their ``hp:sz``, ``hp:pos``
# and ``hp:outMargin``); a table's cells (``hp:cellAddr``, ``hp:cellSpan``, ``hp:cellSz``,
# ``hp:cellMargin``, title cells ``header="1"``) and the lines of their paragraphs are read only
# when the table must be laid out row by row.

_LAY_OBJECTS = _SHAPES | {"tbl", "equation"}
_TABLE_SPLIT = {"NONE": 0, "TABLE": 1, "CELL": 2}  # hp:tbl pageBreak: whole, between rows, in cells
_WRAP_FLOWS = ("SQUARE", "TOP_AND_BOTTOM")
# units of a paragraph's text positions: text counts its UTF-16 code units, these inline marks
# one, a tab and every control (objects, fields, section/column definitions, ...) eight
_T_ONE_UNIT = frozenset(("lineBreak", "hyphen", "nbSpace", "fwSpace"))
_EIGHT_UNITS = frozenset(("secPr", "compose", "dutmal")) | _FORM_CONTROLS


def _signed(v: Optional[str]) -> int:
    """A 32-bit offset: written unsigned by some versions."""
    n = _int(v)
    return n - (1 << 32) if n >= 1 << 31 else n


class _LayObj(LayObj):
    """A table or drawing object anchored in a top-level paragraph (``table``: the table's
    ordinal, given when the reader reaches it)."""

    __slots__ = ("el", "has_nested")

    def __init__(self, el: etree._Element, is_table: bool) -> None:
        char, vrel = False, "PARA"
        y_off = x = width = height = margins = 0
        for c in el:
            name = local(c.tag)
            if name == "sz":
                width, height = _int(c.get("width")), _int(c.get("height"))
            elif name == "pos":
                char = c.get("treatAsChar") == "1"
                vrel = c.get("vertRelTo", "PARA")
                y_off, x = _signed(c.get("vertOffset")), _signed(c.get("horzOffset"))
            elif name == "outMargin":
                margins = max(_int(c.get("top")), 0) + max(_int(c.get("bottom")), 0)
            elif name == "tr":
                break
        flows = char or (el.get("textWrap", "TOP_AND_BOTTOM") in _WRAP_FLOWS and vrel == "PARA")
        super().__init__(-1 if is_table else None, char, flows, vrel == "PARA", y_off, x, width, height, margins)
        self.el: Optional[etree._Element] = el
        self.has_nested = False  # tables in its cells (known once the reader went through it)

    def read_cells(self, src) -> tuple[list[LayCell], bool]:
        """The table's cells with the stored lines of their own paragraphs; where tables nested
        in them sit, keyed (cell in document order, k-th table in the cell)."""
        tbl = self.el
        if tbl is None:
            return [], False
        self.split = _TABLE_SPLIT.get(tbl.get("pageBreak", "CELL"), 2)
        nested = self.has_nested
        in_top = in_bottom = 0
        cells: list[LayCell] = []
        seq = 0
        for tr in tbl:
            tname = local(tr.tag)
            if tname == "inMargin":
                in_top, in_bottom = _int(tr.get("top")), _int(tr.get("bottom"))
                continue
            if tname != "tr":
                continue
            for tc in tr:
                if local(tc.tag) != "tc":
                    continue
                row, rowspan, height = 0, 1, 0
                top, bottom = in_top, in_bottom
                sub = None
                for c in tc:
                    cn = local(c.tag)
                    if cn == "subList":
                        sub = c
                    elif cn == "cellAddr":
                        row = _int(c.get("rowAddr"))
                    elif cn == "cellSpan":
                        rowspan = _int(c.get("rowSpan"), 1)
                    elif cn == "cellSz":
                        height = _int(c.get("height"))
                    elif cn == "cellMargin" and tc.get("hasMargin") == "1":
                        top, bottom = _int(c.get("top")), _int(c.get("bottom"))
                if not 0 <= row < 0x10000:  # as the binary format bounds it
                    seq += 1
                    continue
                cell = LayCell(row, min(rowspan, 0x10000 - row), height, top, bottom, tc.get("header") == "1")
                cells.append(cell)
                k = 0
                for p in (sub if sub is not None else ()):
                    if local(p.tag) != "p" or not len(p):
                        continue
                    lines = p[-1]  # the layout follows the runs
                    if local(lines.tag) != "linesegarray":
                        lines = next((c for c in p if local(c.tag) == "linesegarray"), ())
                    for seg in lines:
                        cell.line(_int(seg.get("vertpos")), _int(seg.get("vertsize")))
                    if nested:
                        for c in p:
                            if local(c.tag) == "run":
                                for el in c:
                                    if local(el.tag) == "tbl":  # placed after its paragraph's lines
                                        self.nested_at[(seq, k)] = (row, len(cell.parts))
                                        k += 1
                seq += 1
        return cells, tbl.get("repeatHeader") == "1"


class _LayPara(LayPara):
    """A top-level paragraph with its stored lines."""

    __slots__ = ("lines", "el")

    def __init__(self, no: int, brk: int, el: etree._Element) -> None:
        super().__init__(no, brk)
        self.lines: list[tuple[int, int, int, int, int]] = []
        self.el: Optional[etree._Element] = el

    def segs(self, src) -> list[tuple]:
        return self.lines

    def obj_lines(self, src, segs: list[tuple]) -> list[int]:
        """The line each object is anchored in, from its position in the text."""
        objs = self.objs
        if len(segs) < 2 or self.el is None:
            return [0] * len(objs)
        pos = _object_positions(self.el)
        if len(pos) != len(objs):
            return [0] * len(objs)
        starts = [g[0] for g in segs]
        return [max(bisect.bisect_right(starts, q) - 1, 0) for q in pos]


def _lay_para(p: etree._Element, no: int) -> _LayPara:
    lp = _LayPara(no, BREAK_PAGE if p.get("pageBreak") == "1" else 0, p)
    for c in p:
        name = local(c.tag)
        if name == "run":
            for el in c:
                if local(el.tag) in _LAY_OBJECTS:
                    lp.objs.append(_LayObj(el, local(el.tag) == "tbl"))
        elif name == "linesegarray":
            lines = lp.lines
            for seg in c:
                v = _int(seg.get("vertpos"), -1)
                if v >= 0:
                    lines.append((_int(seg.get("textpos")), v, _int(seg.get("vertsize")),
                                  _int(seg.get("horzsize")), _int(seg.get("flags"))))
    return lp


def _units(s: Optional[str]) -> int:
    return len(s.encode("utf-16-le")) // 2 if s else 0


def _object_positions(p: etree._Element) -> list[int]:
    """Text positions of the layout objects in a paragraph's runs, counted as Hangul counts
    them in ``textpos``."""
    out: list[int] = []
    pos = 0
    for run in p:
        if local(run.tag) != "run":
            continue
        for el in run:
            name = local(el.tag)
            if name == "t":
                pos += _units(el.text)
                for c in el:
                    if isinstance(c.tag, str):
                        cn = local(c.tag)
                        pos += 8 if cn == "tab" else 1 if cn in _T_ONE_UNIT else 0
                    pos += _units(c.tail)
            elif name in _LAY_OBJECTS:
                out.append(pos)
                pos += 8
            elif name == "ctrl":
                pos += 8 * sum(1 for c in el if isinstance(c.tag, str))
            elif name in _EIGHT_UNITS:
                pos += 8
    return out


class _Reader:
    def __init__(self, header: _Header) -> None:
        self.h = header
        self.blocks: list[RawBlock] = []
        self.tables = 0
        # page estimate: the flow over all sections, the section's body height, the pages found
        self.flow = Flow()
        self.body = DEFAULT_BODY
        self.layout_seen = False  # any stored line positions at all
        self.layout_failed = False
        self.para_pages: dict[tuple[int, int], int] = {}
        self.nested: dict[int, tuple[_LayObj, Optional[tuple[int, int]]]] = {}
        self.lay_tables: Iterator[_LayObj] = iter(())  # the current top-level paragraph's tables
        self.lay_table: Optional[_LayObj] = None  # the top-level table being read
        self.lay_top = False  # the next table read is that top-level table
        self.nest_key: Optional[tuple[int, int]] = None  # (cell, k-th table) of the next nested one
        self.numberings: dict[str, _Numbering] = {}
        self.outline_ref = "1"
        self.section_no = 0
        self.para_no = 0

    # -- sections ------------------------------------------------------------------------------
    def read_section(self, root: etree._Element, section_no: int) -> None:
        self.section_no = section_no
        self.body = DEFAULT_BODY
        paras = [el for el in root if local(el.tag) == "p"]
        if paras:  # the section's page setup sits in the first paragraph's first run
            for run in paras[0]:
                for el in run:
                    if local(el.tag) == "secPr":
                        self._section_props(el)
        lay_paras: list[_LayPara] = []
        for i, p in enumerate(paras):
            self.para_no = i
            lp = _lay_para(p, i)
            if lp.lines:
                self.layout_seen = True
            lay_paras.append(lp)
            self.lay_tables = iter([o for o in lp.objs if o.table is not None])
            self._body_para(p, top=True)
        self._lay_out(section_no, lay_paras)

    def _lay_out(self, section_no: int, paras: list[_LayPara]) -> None:
        """Estimate the pages of the section's paragraphs and tables while its XML is at hand;
        then let go of the elements."""
        if not self.layout_failed:
            flow = self.flow
            try:
                flow.section(self.body, None)
                for lp in paras:
                    self.para_pages[(section_no, lp.no)] = flow.paragraph(lp)
                flow.end_section()
            except (ValueError, IndexError, ZeroDivisionError):
                self.layout_failed = True  # a layout cache that does not add up: no pages
        for lp in paras:
            lp.el = None
            for o in lp.objs:
                o.el = None

    def _section_props(self, sec: etree._Element) -> None:
        self.outline_ref = sec.get("outlineShapeIDRef") or self.outline_ref
        for c in sec:
            if local(c.tag) == "pagePr":
                # width and height are the portrait sheet's; NARROWLY turns it to landscape
                m = {}
                for el in c:
                    if local(el.tag) == "margin":
                        m = el.attrib
                body = body_height(_int(c.get("width")), _int(c.get("height")), c.get("landscape") == "NARROWLY",
                                   _int(m.get("top")), _int(m.get("bottom")), _int(m.get("header")),
                                   _int(m.get("footer")))
                if body is not None:
                    self.body = body

    # -- paragraphs ----------------------------------------------------------------------------
    def _label(self, p: etree._Element) -> tuple[str, Optional[str], Optional[int]]:
        """(label, kind, level) from the paragraph shape: '' / None when it is plain text."""
        shape = self.h.para.get(p.get("paraPrIDRef", ""))
        if shape is None or shape.head == "NONE":
            return "", None, None
        if shape.head == "BULLET":
            return self.h.bullets.get(shape.ref, ""), LIST_ITEM, shape.level
        ref = self.outline_ref if shape.head == "OUTLINE" else shape.ref
        num = self.numberings.get(ref)
        if num is None:
            num = self.numberings[ref] = _Numbering(self.h.numberings.get(ref, {}))
        label = num.next_label(shape.level)
        return label, (HEADING if shape.head == "OUTLINE" else LIST_ITEM), shape.level

    def _style(self, p: etree._Element) -> Optional[str]:
        st = self.h.styles.get(p.get("styleIDRef", ""))
        return st[0] if st else None

    def _segments(self, p: etree._Element) -> list[_Seg]:
        segs: list[_Seg] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                segs.append(_Seg(text="".join(buf)))
                buf.clear()

        for run in p:
            if local(run.tag) != "run":
                continue
            for el in run:
                name = local(el.tag)
                if name == "t":
                    _t_text(el, buf)
                elif name == "tbl" or name in _SHAPES:
                    flush()
                    segs.append(_Seg(obj=el))
                elif name == "ctrl":
                    for c in el:
                        if local(c.tag) in ("footNote", "endNote"):
                            flush()
                            segs.append(_Seg(obj=c))
                        elif local(c.tag) == "secPr":
                            self._section_props(c)
                elif name == "secPr":
                    self._section_props(el)
                elif name == "equation":
                    buf.append(_equation_text(el))
                elif name == "compose":
                    buf.append(el.get("composeText") or "")
                elif name == "dutmal":
                    for c in el:
                        if local(c.tag) == "mainText":
                            buf.append(c.text or "")
                elif name in _FORM_CONTROLS:
                    cap = el.get("caption")
                    if cap:
                        buf.append(cap)
        flush()
        return segs

    def _body_para(self, p: etree._Element, depth: int = 0, kind: Optional[str] = None,
                   top: bool = False) -> None:
        """Emit a paragraph outside tables: text blocks split around inline objects. ``top``: a
        paragraph of the section itself, whose tables are laid out for pages."""
        label, lkind, level = self._label(p)
        style = self._style(p)
        segs = self._segments(p)
        first = True
        for seg in segs:
            if seg.obj is not None:
                if top and local(seg.obj.tag) == "tbl":
                    lay = next(self.lay_tables, None)
                    if lay is not None:
                        lay.table = self.tables  # the ordinal _table gives it
                        self.lay_table, self.lay_top = lay, True
                    self._object(seg.obj, depth)
                    self.lay_table, self.lay_top = None, False
                    continue
                self._object(seg.obj, depth)
                continue
            text = seg.text or ""
            if first:
                if label:
                    text = f"{label} {text.lstrip()}"
                first = False
                bkind = kind or lkind or PARAGRAPH
                blevel = level if bkind in (HEADING, LIST_ITEM) else None
            else:
                bkind, blevel = kind or PARAGRAPH, None
            self._emit(RawBlock(text, bkind, level=blevel, style=style, depth=depth))

    def _emit(self, rb: RawBlock) -> None:
        rb.section_no = self.section_no
        rb.para = self.para_no
        self.blocks.append(rb)

    # -- objects -------------------------------------------------------------------------------
    def _object(self, el: etree._Element, depth: int) -> None:
        name = local(el.tag)
        if name == "tbl":
            self._table(el, depth)
        elif name in ("footNote", "endNote"):
            for p in _sublist_paras(el):
                self._body_para(p, depth + 1, NOTE)
        else:
            self._shape(el, depth)

    def _shape(self, el: etree._Element, depth: int) -> None:
        if local(el.tag) == "textart" and el.get("text"):
            self._emit(RawBlock(el.get("text") or "", NOTE, depth=depth + 1))
        for c in el:
            name = local(c.tag)
            if name == "drawText":
                for p in _sublist_paras(c):
                    self._body_para(p, depth + 1, NOTE)
            elif name == "caption":
                for p in _sublist_paras(c):
                    self._body_para(p, depth + 1, CAPTION)
            elif name in _SHAPES:
                self._shape(c, depth)

    def _table(self, tbl: etree._Element, depth: int) -> None:
        ordinal = self.tables
        self.tables += 1
        is_top, self.lay_top = self.lay_top, False
        if not is_top and self.lay_table is not None:  # inside a top-level table: pages from it
            self.nested[ordinal] = (self.lay_table, self.nest_key)
            self.lay_table.has_nested = True
            self.nest_key = None
        cells: list[tuple[int, int, int, etree._Element]] = []
        captions: list[tuple[str, etree._Element]] = []
        seq = 0
        r_i = -1
        for tr in tbl:
            tname = local(tr.tag)
            if tname == "caption":
                captions.append((tr.get("side", "TOP"), tr))
                continue
            if tname != "tr":
                continue
            r_i += 1
            col_guess = 0
            for tc in tr:
                if local(tc.tag) != "tc":
                    continue
                row, col = r_i, col_guess
                span = 1
                for c in tc:
                    cn = local(c.tag)
                    if cn == "cellAddr":
                        row = _int(c.get("rowAddr"), row)
                        col = _int(c.get("colAddr"), col)
                    elif cn == "cellSpan":
                        span = max(_int(c.get("colSpan"), 1), 1)
                col_guess = col + span
                cells.append((row, col, seq, tc))
                seq += 1
        for side, cap in captions:
            if side in ("TOP", "LEFT"):
                for p in _sublist_paras(cap):
                    self._body_para(p, depth, CAPTION)
        cells.sort(key=lambda c: (c[0], c[1], c[2]))
        for row, col, seq, tc in cells:
            texts: list[str] = []
            pending: list[etree._Element] = []
            for p in _sublist_paras(tc):
                label, _, _ = self._label(p)
                parts = []
                for seg in self._segments(p):
                    if seg.obj is not None:
                        pending.append(seg.obj)
                    elif seg.text:
                        parts.append(seg.text)
                line = "".join(parts)
                if label:
                    line = f"{label} {line.lstrip()}"
                texts.append(line)
            self._emit(RawBlock("\n".join(texts), TABLE_CELL, table=ordinal, row=row, col=col, depth=depth))
            k = 0
            for obj in pending:
                if is_top and local(obj.tag) == "tbl":
                    self.nest_key = (seq, k)  # as _LayObj.read_cells counts them
                    k += 1
                self._object(obj, depth + 1)
        for side, cap in captions:
            if side not in ("TOP", "LEFT"):
                for p in _sublist_paras(cap):
                    self._body_para(p, depth, CAPTION)


def _sublist_paras(el: etree._Element) -> Iterator[etree._Element]:
    for c in el:
        if local(c.tag) == "subList":
            for p in c:
                if local(p.tag) == "p":
                    yield p


def _t_text(t: etree._Element, out: list[str]) -> None:
    """Text of one ``hp:t`` with its inline tab/line-break/space markers."""
    if t.text:
        out.append(t.text)
    for c in t:
        if isinstance(c.tag, str):
            ch = _T_CHARS.get(local(c.tag))
            if ch:
                out.append(ch)
        if c.tail:
            out.append(c.tail)


def _equation_text(eq: etree._Element) -> str:
    """A readable form of an equation script (``a over b`` → ``a / b``); the typeset form is
    not text, but its words are what a reader searches for."""
    for c in eq:
        if local(c.tag) == "script" and c.text:
            s = c.text.replace("`", " ").replace("~", " ").replace("#", " ")
            s = re.sub(r"\bover\b", "/", s, flags=re.IGNORECASE)
            s = re.sub(r"\btimes\b", "×", s, flags=re.IGNORECASE)
            s = _EQ_WORDS.sub(" ", s)
            s = s.replace("{", " ").replace("}", " ")
            return " " + re.sub(r"\s+", " ", s).strip() + " "
    return ""


def _section_names(z: SafeZip) -> list[str]:
    """Section parts in reading order: the OPF spine, else section number order."""
    found = {}
    for n in z.names():
        m = _SECTION_RE.match(n)
        if m:
            found[n] = int(m.group(1))
    ordered: list[str] = []
    hpf = z.find("Contents/content.hpf")
    if hpf:
        try:
            root = z.xml(hpf)
        except InputError:
            root = None
        if root is not None:
            hrefs = {}
            spine: list[str] = []
            for el in root.iter():
                name = local(el.tag)
                if name == "item":
                    hrefs[el.get("id", "")] = el.get("href", "")
                elif name == "itemref":
                    spine.append(el.get("idref", ""))
            for idref in spine:
                href = hrefs.get(idref, "")
                stored = z.find(href) if href else None
                if stored in found and stored not in ordered:
                    ordered.append(stored)
    rest = sorted((n for n in found if n not in ordered), key=lambda n: found[n])
    return ordered + rest


def extract_hwpx(path: str | Path) -> Document:
    """Read an HWPX file into a Document. Raises InputError on damaged or hostile packages."""
    path = str(path)
    t0 = time.perf_counter()
    with SafeZip(path, kind="HWPX") as z:
        sections = _section_names(z)
        if not sections:
            raise InputError(path, "HWPX 본문(Contents/section*.xml)이 없습니다. 손상된 파일일 수 있습니다.", "corrupt")
        hname = z.find("Contents/header.xml")
        header = _read_header(z.xml(hname)) if hname else _Header()
        reader = _Reader(header)
        for i, name in enumerate(sections):
            root = z.xml(name)
            reader.read_section(root, i)
            del root
    pages: Optional[int] = None
    if reader.layout_seen and not reader.layout_failed and reader.blocks:
        # (a file written by a tool that stores no layout gets no pages: they would be guesses)
        flow = reader.flow
        apply_pages(reader.blocks, reader.para_pages, flow.row_pages, flow.table_pages,
                    nested_pages(reader.nested, flow))
        pages = flow.page
    meta = {
        "sections": len(sections),
        "tables": reader.tables,
        "page_source": "layout_cache" if pages is not None else None,
        "extract_seconds": round(time.perf_counter() - t0, 3),
    }
    return build_document(path, "hwpx", reader.blocks, pages=pages, meta=meta)
