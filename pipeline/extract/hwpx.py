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
* page numbers estimated from the layout cache Hangul stores in ``hp:linesegarray`` (a line's
  vertical position falls back at a new page), explicit page breaks and section starts; rows of
  tables that run over pages are stacked by their stored heights. The cache is Hangul's layout
  on the machine that saved the file, so pages are close, not exact (another machine's fonts
  move breaks). Files without a layout cache get no page numbers.

Namespace URIs differ between Hangul versions (2011/2016 schemas), so elements are matched by
local name only.
"""
from __future__ import annotations

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


class _Reader:
    def __init__(self, header: _Header) -> None:
        self.h = header
        self.blocks: list[RawBlock] = []
        self.tables = 0
        self.page = 1
        self.page_has_content = False
        self.last_vpos: Optional[int] = None
        self.body_height = 0
        self.cur_vpos = 0
        self.layout_seen = False  # any stored line positions at all
        self.numberings: dict[str, _Numbering] = {}
        self.outline_ref = "1"
        self.section_no = 0
        self.para_no = 0

    # -- sections ------------------------------------------------------------------------------
    def read_section(self, root: etree._Element, section_no: int) -> None:
        self.section_no = section_no
        if section_no > 0 and self.page_has_content:
            self._new_page()
        self.last_vpos = None
        paras = [el for el in root if local(el.tag) == "p"]
        if paras:  # the section's page setup sits in the first paragraph's first run
            for run in paras[0]:
                for el in run:
                    if local(el.tag) == "secPr":
                        self._section_props(el)
        for i, p in enumerate(paras):
            self.para_no = i
            self._page_from_layout(p)
            self._body_para(p)

    def _new_page(self) -> None:
        self.page += 1
        self.page_has_content = False

    def _page_from_layout(self, p: etree._Element) -> None:
        """Advance the page counter from a top-level paragraph's layout cache: Hangul stores
        each line's vertical position on its page, so a position lower than the previous
        line's means a new page."""
        self.cur_vpos = 0
        if p.get("pageBreak") == "1" and self.page_has_content:
            self._new_page()
            self.last_vpos = None
        first = True
        for c in p:
            if local(c.tag) != "linesegarray":
                continue
            for seg in c:
                vpos = _int(seg.get("vertpos"), -1)
                if vpos < 0:
                    continue
                self.layout_seen = True
                if self.last_vpos is not None and vpos < self.last_vpos:
                    self._new_page()
                self.last_vpos = vpos
                if first:
                    self.cur_vpos = vpos
                    first = False
        self.page_has_content = True

    def _flow_rows(self, tbl: etree._Element, bounds: list[int], header_rows: int) -> tuple[list[int], int]:
        """Pages of a top-level table's rows, laid out from the anchor line downwards.

        Hangul keeps no page positions for rows, so rows are stacked by their stored heights:
        a table that may split inside cells (pageBreak CELL) breaks a row at the page end,
        otherwise a row that does not fit moves to the next page; repeated header rows take
        their height again on every continued page."""
        body = self.body_height
        nrows = len(bounds) - 1
        pages = [self.page] * max(nrows, 0)
        if body <= 0 or nrows <= 0:
            return pages, self.page
        split_cells = tbl.get("pageBreak", "CELL") == "CELL"
        header = bounds[header_rows] - bounds[0] if tbl.get("repeatHeader") == "1" else 0
        if header > body / 2:
            header = 0
        page, y = self.page, self.cur_vpos
        for r in range(nrows):
            h = max(bounds[r + 1] - bounds[r], 0)
            if y + h > body and y > header:
                if split_cells:
                    pages[r] = page
                    rest = y + h - body
                    page += 1
                    y = header
                    while y + rest > body:
                        rest -= body - y
                        page += 1
                    y += rest
                    continue
                page += 1
                y = header
            pages[r] = page
            y += h
            while y > body:  # a row taller than a page
                page += 1
                y = header + (y - body)
        if page != self.page:
            # where the table ends on its last page is only estimated; let the next line's
            # stored position decide about one more page with some slack
            self.last_vpos = max(int(y - 0.3 * body), 0)
        return pages, page

    def _section_props(self, sec: etree._Element) -> None:
        self.outline_ref = sec.get("outlineShapeIDRef") or self.outline_ref
        for c in sec:
            if local(c.tag) == "pagePr":
                height = _int(c.get("height"))
                if c.get("landscape") == "NARROWLY":  # width and height are swapped
                    height = _int(c.get("width"))
                margins = 0
                for m in c:
                    if local(m.tag) == "margin":
                        margins = sum(_int(m.get(k)) for k in ("top", "bottom", "header", "footer"))
                self.body_height = max(height - margins, 0)

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

    def _body_para(self, p: etree._Element, depth: int = 0, kind: Optional[str] = None) -> None:
        """Emit a paragraph outside tables: text blocks split around inline objects."""
        label, lkind, level = self._label(p)
        style = self._style(p)
        segs = self._segments(p)
        first = True
        for seg in segs:
            if seg.obj is not None:
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
        rb.page = self.page
        rb.page_estimated = True  # from the stored layout, not a printed page
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
        row_pages: Optional[list[int]] = None
        end_page = self.page
        if depth == 0 and cells:
            row_pages, end_page = self._flow_rows(tbl, *_row_bounds(cells))
        for row, col, _, tc in cells:
            if row_pages is not None and 0 <= row < len(row_pages):
                self.page = row_pages[row]
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
            for obj in pending:
                self._object(obj, depth + 1)
        if end_page > self.page:
            self.page = end_page
            self.page_has_content = True
        for side, cap in captions:
            if side not in ("TOP", "LEFT"):
                for p in _sublist_paras(cap):
                    self._body_para(p, depth, CAPTION)


def _row_bounds(cells: list[tuple[int, int, int, etree._Element]]) -> tuple[list[int], int]:
    """Row boundary positions from the cells' stored heights and spans (longest path over the
    rows, so spanning cells push later rows down), and the number of leading header rows."""
    nrows = 0
    spans = []
    for row, _, _, tc in cells:
        rs, h, head = 1, 0, tc.get("header") == "1"
        for c in tc:
            cn = local(c.tag)
            if cn == "cellSpan":
                rs = max(_int(c.get("rowSpan"), 1), 1)
            elif cn == "cellSz":
                h = _int(c.get("height"))
        spans.append((row, rs, h, head))
        nrows = max(nrows, row + rs)
    bounds = [0] * (nrows + 1)
    header_rows = nrows
    for row, rs, h, head in spans:  # cells are sorted by row
        if not head:
            header_rows = min(header_rows, row)
    done = 0  # bounds[0..done] are final
    for row, rs, h, _ in spans:
        if row < 0:
            continue
        while done < row:  # every cell ending at a row up to here has been seen
            done += 1
            if bounds[done] < bounds[done - 1]:
                bounds[done] = bounds[done - 1]
        end = row + rs
        bounds[end] = max(bounds[end], bounds[row] + h)
    for k in range(1, nrows + 1):
        if bounds[k] < bounds[k - 1]:
            bounds[k] = bounds[k - 1]
    return bounds, (header_rows if header_rows < nrows else 0)


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
    pages: Optional[int] = reader.page if reader.blocks else None
    if not reader.layout_seen:
        # written by a tool that stores no layout: page numbers would all be guesses
        pages = None
        for rb in reader.blocks:
            rb.page = None
    meta = {
        "sections": len(sections),
        "tables": reader.tables,
        "page_source": "layout_cache" if pages is not None else None,
        "extract_seconds": round(time.perf_counter() - t0, 3),
    }
    return build_document(path, "hwpx", reader.blocks, pages=pages, meta=meta)
