"""HWP 5 (.hwp) reader on olefile: body paragraphs, tables, text boxes, foot/endnotes, headings.

Format facts used (Hancom's public "한글 문서 파일 형식 5.0"):

* OLE2 container. ``FileHeader`` holds the signature, the version and flags (bit 0 compressed,
  bit 1 password, bit 2 distribution document 배포용). ``DocInfo`` holds paragraph shapes, numbering
  and bullet definitions and styles; ``BodyText/Section0..N`` hold the body, raw-deflate compressed
  when bit 0 is set.
* Each stream is a run of records with a 32-bit header: tag (10 bits), level (10 bits), size
  (12 bits; 0xFFF means a UINT32 size follows). Levels make a tree: a paragraph's text, line
  segments and controls sit one level below its PARA_HEADER; a control's lists (table cells,
  text-box text, note text) sit below its CTRL_HEADER.
* PARA_TEXT is UTF-16LE with control characters below 32 occupying 1 code unit (0, 10, 13, 24-31)
  or 8 code units (every other one: inline 4-9, 19, 20 and extended 1-3, 11-12, 14-18, 21-23).

What becomes a block, in reading order:

* Top-level paragraphs become PARAGRAPH blocks; HEADING (with ``level``, 0 = 개요 1) when the
  paragraph shape is an outline (개요) head or the style is named "개요 N"; LIST_ITEM when the shape
  is a number or bullet head. Automatic heads are written out as Hangul shows them ("1.", "가.",
  "(1)", "①", bullets), counted per numbering definition, deeper levels restarting under a
  shallower one.
* A table becomes one TABLE_CELL block per cell in row-major order, the cell's paragraphs joined by
  newlines; a table nested in a cell follows that cell (``depth`` 1 deeper). Captions become
  CAPTION blocks before or after the cells, where the caption sits.
* Text boxes (drawing objects, at any nesting depth) and foot/endnotes become NOTE blocks right
  after the paragraph that anchors them (a drawing object's caption a CAPTION block); inside a
  table cell their text joins the cell's text.
* Equations (수식) are read from their script as plain text ("평점 = 배점한도 × ( 최저입찰가격 /
  해당입찰가격 )") and added to the paragraph that holds them.
* Page headers and footers (머리말/꼬리말), master pages (바탕쪽) and hidden comments are dropped:
  they repeat on every page and carry no requirement text.

Provenance: ``section_no`` is the 0-based 구역 (BodyText/SectionN); ``para`` is the 0-based ordinal
of the top-level paragraph within its section, counting every paragraph including empty ones (the
paragraph a person reaches by moving through the section in Hangul), so a table cell or note
carries the ordinal of the paragraph that anchors it. ``page`` is estimated (``page_estimated``)
from the line layout Hangul stores with each paragraph: positions restart on every page, page and
section breaks start one, and tables and floating objects between two lines are laid out again
from their stored row heights and the page splits recorded inside their cells (the estimator in
layout.py, shared with the HWPX reader; "page estimate" below reads its inputs from the records).
On the corpus's HWP files with a PDF print, 88 % of sampled paragraphs and
cells get the printed page and all but a few are within one page; the document's ``pages`` is the
estimated count. A file without any stored layout gets no pages.
"""
from __future__ import annotations

import bisect
import re
import struct
import zlib
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..model import CAPTION, HEADING, LIST_ITEM, NOTE, PARAGRAPH, TABLE_CELL, RawBlock, build_document
from .layout import DEFAULT_BODY, Flow, LayCell, LayObj, LayPara, apply_pages, body_height, nested_pages

# record tags (HWPTAG_BEGIN = 16)
TAG_NUMBERING = 23
TAG_BULLET = 24
TAG_PARA_SHAPE = 25
TAG_STYLE = 26
TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
TAG_PARA_LINE_SEG = 69
TAG_CTRL_HEADER = 71
TAG_LIST_HEADER = 72
TAG_PAGE_DEF = 73
TAG_TABLE = 77
TAG_EQEDIT = 88
_WANTED_TAGS = frozenset((TAG_PARA_HEADER, TAG_PARA_TEXT, TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_TABLE,
                          TAG_EQEDIT, TAG_PARA_LINE_SEG, TAG_PAGE_DEF))

FLAG_COMPRESSED = 0x1
FLAG_PASSWORD = 0x2
FLAG_DISTRIBUTION = 0x4

# paragraph head types (PARA_SHAPE flags1 bits 23-24)
HEAD_NONE, HEAD_OUTLINE, HEAD_NUMBER, HEAD_BULLET = 0, 1, 2, 3

# control ids as they read after reversing the stored bytes
CTRL_TABLE = b"tbl "
CTRL_GSO = b"gso "
CTRL_SECTION = b"secd"
CTRL_FOOTNOTE = b"fn  "
CTRL_ENDNOTE = b"en  "
CTRL_EQUATION = b"eqed"
# page header/footer, hidden comment, section definition (its lists are master pages 바탕쪽)
_CTRL_DROP = frozenset((b"head", b"foot", b"tcmt", CTRL_SECTION))

_U32 = struct.Struct("<I")
_U16 = struct.Struct("<H")

# code units below 32 that occupy a single unit; every other control occupies 8
_ONE_UNIT = frozenset((0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31))
_ONE_UNIT_TEXT = {10: "\n", 24: "-", 30: " ", 31: " "}
_CTRL_RE = re.compile("[\x00-\x1f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_OUTLINE_STYLE_RE = re.compile(r"^개요\s*(\d+)$")
_LEVEL_REF_RE = re.compile(r"\^(\d+)")

MAX_DECOMPRESSED = 512 * 1024 * 1024  # all streams together; real RFPs inflate to a few MB

MSG_PASSWORD = "암호가 걸린 HWP 문서입니다. 한글에서 암호를 해제한 뒤 다시 실행하세요."
MSG_DISTRIBUTION = (
    "배포용으로 저장된 HWP 문서라 본문이 암호화되어 있어 읽을 수 없습니다. "
    "배포용으로 저장하기 전의 원본 문서(HWP·HWPX)나 PDF로 다시 실행하세요."
)


# -- paragraph text ----------------------------------------------------------------------------

def decode_para_text(data, start: int = 0, end: Optional[int] = None) -> str:
    """Text of a PARA_TEXT record body: controls removed or mapped, line breaks kept.

    A tab becomes a tab, a line break a newline, the non-breaking and fixed-width spaces a space,
    the hyphen control a hyphen. Eight-unit controls (tables, fields, numbers, tabs) are skipped
    whole, so their parameter units never leak into the text.
    """
    if end is None:
        end = len(data)
    if (end - start) & 1:
        end -= 1
    raw = bytes(data[start:end])
    text = raw.decode("utf-16le", "surrogatepass")
    if len(text) * 2 != len(raw):
        return _decode_units(raw)  # a surrogate pair merged two units: walk unit by unit
    search = _CTRL_RE.search
    m = search(text)
    if m is None:
        return _fix_surrogates(text)
    out = []
    pos = 0
    n = len(text)
    while m is not None:
        i = m.start()
        if i > pos:
            out.append(text[pos:i])
        c = ord(text[i])
        if c in _ONE_UNIT:
            rep = _ONE_UNIT_TEXT.get(c)
            if rep:
                out.append(rep)
            pos = i + 1
        else:
            if c == 9:
                out.append("\t")
            pos = i + 8
        if pos >= n:
            break
        m = search(text, pos)
    else:
        if pos < n:
            out.append(text[pos:])
    return _fix_surrogates("".join(out))


def _fix_surrogates(text: str) -> str:
    """Drop lone surrogates: half a character is never text."""
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub("", text)


def _decode_units(raw: bytes) -> str:
    """Slow path for text holding surrogate pairs: step through the 16-bit units."""
    n = len(raw) // 2
    units = struct.unpack_from(f"<{n}H", raw)
    out = []
    i = run = 0
    while i < n:
        c = units[i]
        if c >= 32:
            i += 1
            continue
        if i > run:
            out.append(raw[run * 2 : i * 2].decode("utf-16le", "ignore"))
        if c in _ONE_UNIT:
            rep = _ONE_UNIT_TEXT.get(c)
            if rep:
                out.append(rep)
            i += 1
        else:
            if c == 9:
                out.append("\t")
            i += 8
        run = i
    if run < n:
        out.append(raw[run * 2 :].decode("utf-16le", "ignore"))
    return "".join(out)


def iter_records(data):
    """Yield ``(tag, level, body_start, body_end)`` for each record of a decompressed stream.

    Raises ValueError when a record's declared size runs past the end of the stream.
    """
    unpack = _U32.unpack_from
    p = 0
    n = len(data)
    while p + 4 <= n:
        (h,) = unpack(data, p)
        p += 4
        size = h >> 20
        if size == 0xFFF:
            if p + 4 > n:
                raise ValueError("record header cut short")
            (size,) = unpack(data, p)
            p += 4
        e = p + size
        if e > n:
            raise ValueError("record runs past the end of the stream")
        yield h & 0x3FF, (h >> 10) & 0x3FF, p, e
        p = e


# -- equations --------------------------------------------------------------------------------

# Hangul's equation script: keywords that read as a symbol, and layout words that read as nothing
_EQ_SYMBOLS = {
    "times": "×", "div": "÷", "over": "/", "pm": "±", "mp": "∓", "cdot": "·", "sum": "Σ",
    "prod": "Π", "int": "∫", "sqrt": "√", "root": "√", "le": "≤", "leq": "≤", "ge": "≥",
    "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "inf": "∞", "infinity": "∞",
    "rarrow": "→", "larrow": "←", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
    "sigma": "σ", "mu": "μ", "pi": "π", "theta": "θ", "lambda": "λ",
}
_EQ_LAYOUT = {
    "left", "right", "rm", "it", "bold", "bigg", "big", "from", "to", "of", "under", "bar",
    "hat", "vec", "dot", "ddot", "tilde", "acute", "grave", "matrix", "pmatrix", "bmatrix",
    "dmatrix", "cases", "pile", "lpile", "rpile", "eqalign", "stack", "rstack", "sup", "sub",
}
_EQ_TOKEN_RE = re.compile(r"[A-Za-z]+|[^A-Za-z]")


def equation_script_to_text(script: str) -> str:
    """Read an equation script ("{최저입찰가격} over {해당입찰가격} TIMES 20") as plain text
    ("최저입찰가격 / 해당입찰가격 × 20"); words of the formula are kept, layout words dropped."""
    out = []
    for tok in _EQ_TOKEN_RE.findall(script):
        low = tok.lower()
        if tok.isalpha() and tok.isascii():
            if low in _EQ_SYMBOLS:
                out.append(f" {_EQ_SYMBOLS[low]} ")
            elif low in _EQ_LAYOUT:
                out.append(" ")
            else:
                out.append(tok)
        elif tok in "{}^_\"":
            out.append("")  # grouping, sub/superscript marks and quotes
        elif tok in "`~&":
            out.append(" ")  # thin and normal spaces, alignment marks
        elif tok == "#":
            out.append("\n")
        else:
            out.append(tok)
    text = re.sub(r"[ \t]+", " ", "".join(out))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def equation_text(data, s: int, e: int) -> str:
    """The script of an EQEDIT record as plain text."""
    if e - s < 6:
        return ""
    (ln,) = _U16.unpack_from(data, s + 4)
    end = min(e, s + 6 + 2 * ln)
    script = bytes(data[s + 6 : end]).decode("utf-16le", "replace")
    return equation_script_to_text(script)


def _append_to(ref: tuple, text: str) -> None:
    obj, i = ref
    if isinstance(obj, RawBlock):
        obj.text = f"{obj.text} {text}" if obj.text.strip() else text
    else:
        obj[i] = f"{obj[i]} {text}" if obj[i].strip() else text


# -- automatic paragraph heads -----------------------------------------------------------------

_CIRCLED_DIGITS = (
    [chr(0x2460 + i) for i in range(20)]  # ①..⑳
    + [chr(0x3251 + i) for i in range(15)]  # ㉑..㉟
    + [chr(0x32B1 + i) for i in range(15)]  # ㊱..㊿
)
_ROMAN_UPPER = [chr(0x2160 + i) for i in range(12)]  # Ⅰ..Ⅻ
_ROMAN_LOWER = [chr(0x2170 + i) for i in range(12)]  # ⅰ..ⅻ
_LATIN_UPPER = [chr(0x41 + i) for i in range(26)]
_LATIN_LOWER = [chr(0x61 + i) for i in range(26)]
_CIRCLED_LATIN_UPPER = [chr(0x24B6 + i) for i in range(26)]
_CIRCLED_LATIN_LOWER = [chr(0x24D0 + i) for i in range(26)]
_GANADA = list("가나다라마바사아자차카타파하")
_CIRCLED_GANADA = [chr(0x326E + i) for i in range(14)]  # ㉮..㉻
_JAMO = list("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ")
_CIRCLED_JAMO = [chr(0x3260 + i) for i in range(14)]  # ㉠..㉭
_HANGUL_NUMERALS = list("일이삼사오육칠팔구십")
_HANJA_NUMERALS = list("一二三四五六七八九十")
_CIRCLED_HANJA = [chr(0x3280 + i) for i in range(10)]  # ㊀..㊉
_GAPEUL = list("갑을병정무기경신임계")
_HANJA_GAPEUL = list("甲乙丙丁戊己庚辛壬癸")

# number shapes of a paragraph head (bits 5-8 of its properties)
_NUMBER_SHAPES: dict[int, list[str]] = {
    1: _CIRCLED_DIGITS, 2: _ROMAN_UPPER, 3: _ROMAN_LOWER, 4: _LATIN_UPPER, 5: _LATIN_LOWER,
    6: _CIRCLED_LATIN_UPPER, 7: _CIRCLED_LATIN_LOWER, 8: _GANADA, 9: _CIRCLED_GANADA,
    10: _JAMO, 11: _CIRCLED_JAMO, 12: _HANGUL_NUMERALS, 13: _HANJA_NUMERALS, 14: _CIRCLED_HANJA,
    15: _GAPEUL, 16: _HANJA_GAPEUL,
}


def format_number(value: int, shape: int) -> str:
    """One counter value in a Hangul number shape; digits when the shape runs out."""
    seq = _NUMBER_SHAPES.get(shape)
    if seq is None or value < 1 or value > len(seq):
        return str(value)
    return seq[value - 1]


class _Numbering:
    """A NUMBERING definition: per level a format ("^1.", "(^5)") and a number shape."""

    __slots__ = ("formats", "shapes", "starts")

    def __init__(self, formats: list[str], shapes: list[int], starts: list[int]) -> None:
        self.formats = formats
        self.shapes = shapes
        self.starts = starts


def _parse_numbering(data, s: int, e: int) -> _Numbering:
    formats: list[str] = []
    shapes: list[int] = []
    p = s
    for _lvl in range(7):
        if p + 14 > e:
            break
        props = _U32.unpack_from(data, p)[0]
        p += 12
        (ln,) = _U16.unpack_from(data, p)
        p += 2
        if p + ln * 2 > e:
            break
        formats.append(bytes(data[p : p + ln * 2]).decode("utf-16le", "replace"))
        shapes.append((props >> 5) & 0xF)
        p += ln * 2
    starts = [1] * len(formats)
    if p + 2 <= e:
        first = _U16.unpack_from(data, p)[0]
        p += 2
        if p + 4 * len(formats) <= e:
            starts = [struct.unpack_from("<I", data, p + 4 * i)[0] for i in range(len(formats))]
        elif first:
            starts = [first] * len(formats)
    starts = [v if 0 < v < 10000 else 1 for v in starts]
    return _Numbering(formats, shapes, starts)


class _HeadCounter:
    """Counts numbered paragraphs per numbering definition, the way Hangul shows them."""

    def __init__(self, numberings: list[_Numbering]) -> None:
        self.numberings = numberings
        self.values: dict[int, list[int]] = {}

    def next_label(self, numbering_id: int, level: int) -> str:
        if not 1 <= numbering_id <= len(self.numberings):
            return ""
        nb = self.numberings[numbering_id - 1]
        if level >= len(nb.formats):
            return ""
        vals = self.values.get(numbering_id)
        if vals is None:
            vals = [s - 1 for s in nb.starts]
            self.values[numbering_id] = vals
        vals[level] += 1
        for deeper in range(level + 1, len(vals)):
            vals[deeper] = nb.starts[deeper] - 1

        def sub(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            if not 0 <= lv < len(vals):
                return ""
            return format_number(max(vals[lv], nb.starts[lv]), nb.shapes[lv])

        return _LEVEL_REF_RE.sub(sub, nb.formats[level]).strip()


# -- DocInfo -----------------------------------------------------------------------------------

class DocInfo:
    """What the body needs from DocInfo: paragraph heads, numbering, bullets, style names."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, int, int]] = []  # per para shape id: (head type, level, id)
        self.numberings: list[_Numbering] = []
        self.bullets: list[str] = []
        self.style_names: list[str] = []
        self.style_outline: list[Optional[int]] = []  # 0-based level of "개요 N" styles


def read_docinfo(data) -> DocInfo:
    info = DocInfo()
    for tag, _lvl, s, e in iter_records(data):
        if tag == TAG_PARA_SHAPE:
            flags = _U32.unpack_from(data, s)[0] if e - s >= 4 else 0
            ref = _U16.unpack_from(data, s + 30)[0] if e - s >= 32 else 0
            info.shapes.append(((flags >> 23) & 0x3, (flags >> 25) & 0x7, ref))
        elif tag == TAG_NUMBERING:
            info.numberings.append(_parse_numbering(data, s, e))
        elif tag == TAG_BULLET:
            ch = _U16.unpack_from(data, s + 12)[0] if e - s >= 14 else 0
            info.bullets.append(chr(ch) if 32 < ch < 0xD800 or 0xE000 <= ch < 0xFFFE else "")
        elif tag == TAG_STYLE:
            name = ""
            if e - s >= 2:
                (ln,) = _U16.unpack_from(data, s)
                if s + 2 + ln * 2 <= e:
                    name = bytes(data[s + 2 : s + 2 + ln * 2]).decode("utf-16le", "replace")
            info.style_names.append(name)
            m = _OUTLINE_STYLE_RE.match(name.strip())
            info.style_outline.append(int(m.group(1)) - 1 if m else None)
    return info


# -- page estimate -----------------------------------------------------------------------------
#
# The estimate itself is format-neutral (see layout.py); here the stored layout is found in the
# records: PARA_LINE_SEG of top-level paragraphs, the object controls they anchor (tables, drawing
# objects, equations: char 11 in the text), a table's cell list headers and the lines of its
# cells' paragraphs, and each section's PAGE_DEF. Records are read where they lie in the
# decompressed stream, and a table's cells only when it must be laid out row by row.

_LINE_SEG = struct.Struct("<IiiiiiiiI")  # start, position, height, text height, baseline distance,
#                                          spacing, column start, segment width, flags
_LINE_POS = struct.Struct("<Iii16xiI")  # start, position, height, segment width, flags
_POS_HEIGHT = struct.Struct("<ii")
_CELL_LIST = struct.Struct("<4xI2xH2xH4xI4xHH")  # property, row, row span, height, top/bottom margin
_CELL_TITLE = 0x40000  # cell list header property: a title cell (제목 셀), repeated on each page
_CODE11_CTRLS = frozenset((CTRL_TABLE, CTRL_GSO, CTRL_EQUATION))  # objects written as char 11


def _lay_cell(attr: int, row: int, rowspan: int, height: int, top: int, bottom: int) -> LayCell:
    # a margin of 0xFFFF means the table's default margin
    return LayCell(row, rowspan, height, top if top < 0x8000 else 0, bottom if bottom < 0x8000 else 0,
                   bool(attr & _CELL_TITLE))


def _cell_lines(cell: LayCell, data, s: int, e: int) -> None:
    """The stored lines of one of a cell's paragraphs (a PARA_LINE_SEG record)."""
    for seg in _LINE_SEG.iter_unpack(data[s : s + (e - s) // 36 * 36]):
        cell.line(seg[1], seg[2])


class _LayObj(LayObj):
    """A table or drawing object anchored in a top-level paragraph, from its control header."""

    __slots__ = ("sub", "nested")

    def __init__(self, data, s: int, e: int, table: Optional[int]) -> None:
        attr, y_off, x, width, height = struct.unpack_from("<IiiII", data, s + 4) if e - s >= 24 else (0, 0, 0, 0, 0)
        char = bool(attr & 1)
        wrap, vrel = (attr >> 21) & 7, (attr >> 3) & 3  # wrap 0 square, 1 top and bottom; vrel 2 paragraph
        if e - s >= 36:
            _l, _r, top, bottom = struct.unpack_from("<4h", data, s + 28)
            margins = max(top, 0) + max(bottom, 0)
        else:
            margins = 0
        super().__init__(table, char, char or (wrap in (0, 1) and vrel == 2), vrel == 2, y_off, x, width, height,
                         margins)
        self.sub = e  # where the table's records (TABLE, cells) begin
        self.nested: list[int] = []  # where the control headers of tables in its cells are

    def read_cells(self, data) -> tuple[list[LayCell], bool]:
        """Read the table's cells and their stored lines."""
        cells: list[LayCell] = []
        nested = set(self.nested)
        repeat = False
        cell: Optional[LayCell] = None
        seen_table = False
        unpack32 = _U32.unpack_from
        unpack_line = _POS_HEIGHT.unpack_from
        p, n = self.sub, len(data)
        while p + 4 <= n:
            (h,) = unpack32(data, p)
            p += 4
            size = h >> 20
            if size == 0xFFF:
                if p + 4 > n:
                    break
                (size,) = unpack32(data, p)
                p += 4
            s, p = p, p + size
            if p > n:
                break
            level = (h >> 10) & 0x3FF
            if level == 3:
                tag = h & 0x3FF
                if tag == TAG_PARA_LINE_SEG and cell is not None:
                    if size == 36:  # one line, the common case
                        v, lh = unpack_line(data, s + 4)
                        if v < cell.last_v:  # the cell goes on on the next page
                            cell.parts.append(cell.ext)
                            cell.ext = 0
                        if v + lh > cell.ext:
                            cell.ext = v + lh
                        cell.last_v = v
                    else:
                        _cell_lines(cell, data, s, p)
                elif tag == TAG_CTRL_HEADER and cell is not None and s in nested:
                    self.nested_at[s] = (cell.row, len(cell.parts))
            elif level > 3:
                continue
            elif level <= 1:
                break
            elif level == 2:
                tag = h & 0x3FF
                if tag == TAG_TABLE and p - s >= 4:
                    seen_table = True
                    attr = unpack32(data, s)[0]
                    self.split, repeat = attr & 0x3, bool(attr & 0x4)
                elif tag == TAG_LIST_HEADER and seen_table and p - s >= 32:
                    cell = _lay_cell(*_CELL_LIST.unpack_from(data, s))
                    cells.append(cell)
        return cells, repeat


class _LayPara(LayPara):
    """A top-level paragraph: where its stored lines and text are."""

    __slots__ = ("lines_at", "text_at")

    def __init__(self, no: int, brk: int) -> None:
        super().__init__(no, brk)
        self.lines_at: Optional[tuple[int, int]] = None  # the PARA_LINE_SEG record
        self.text_at: Optional[tuple[int, int]] = None  # the PARA_TEXT record

    def segs(self, data) -> list[tuple]:
        """Its lines: (text start, position, height, segment width, flags)."""
        if self.lines_at is None:
            return []
        s, e = self.lines_at
        return list(_LINE_POS.iter_unpack(data[s : s + (e - s) // 36 * 36]))

    def obj_lines(self, data, segs: list[tuple]) -> list[int]:
        """The line each object is anchored in (line 0 unless the text says otherwise)."""
        objs = self.objs
        if len(segs) < 2 or self.text_at is None:
            return [0] * len(objs)
        s, e = self.text_at
        raw = bytes(data[s:e])
        pos = []
        i = raw.find(b"\x0b\x00")  # char 11: a table or drawing object, 8 code units long
        while i >= 0:
            if i & 1 == 0:
                pos.append(i // 2)
                i = raw.find(b"\x0b\x00", i + 16)
            else:
                i = raw.find(b"\x0b\x00", i + 1)
        if len(pos) != len(objs):
            return [0] * len(objs)
        starts = [g[0] for g in segs]
        return [max(bisect.bisect_right(starts, q) - 1, 0) for q in pos]


class PageLayout:
    """Collects where the stored layout is while the body is walked, then estimates pages."""

    def __init__(self) -> None:
        # per section: (section no, its data, [body height], paragraphs)
        self.sections: list[tuple[int, object, list, list]] = []
        self.para: Optional[_LayPara] = None
        self.table: Optional[_LayObj] = None  # the open top-level table
        self.nested: dict[int, tuple[_LayObj, int]] = {}  # nested table ordinal: (top, offset)
        self.seen = False  # any stored line at all

    def section(self, no: int, data) -> None:
        self.sections.append((no, data, [DEFAULT_BODY], []))
        self.para = None
        self.table = None

    def page_def(self, data, s: int, e: int) -> None:
        if e - s < 40 or not self.sections:
            return
        w, h, _l, _r, top, bottom, head, foot, _g, attr = struct.unpack_from("<9iI", data, s)
        body = body_height(w, h, bool(attr & 1), top, bottom, head, foot)  # property bit 0: landscape
        if body is not None:
            self.sections[-1][2][0] = body

    def paragraph(self, no: int, brk: int) -> None:
        self.para = para = _LayPara(no, brk)
        self.table = None
        if self.sections:
            self.sections[-1][3].append(para)

    def text(self, s: int, e: int) -> None:
        if self.para is not None:
            self.para.text_at = (s, e)

    def lines(self, s: int, e: int) -> None:
        if self.para is not None:
            self.para.lines_at = (s, e)
            self.seen = True

    def obj(self, cid: bytes, data, s: int, e: int, table: int) -> None:
        """A control in a top-level paragraph."""
        self.table = None
        if self.para is None or cid not in _CODE11_CTRLS:
            return
        o = _LayObj(data, s, e, table if cid == CTRL_TABLE else None)
        self.para.objs.append(o)
        if cid == CTRL_TABLE:
            self.table = o

    def nested_table(self, ordinal: int, s: int) -> None:
        """A table inside the open top-level table (``s``: where its control header is)."""
        t = self.table
        if t is not None:
            self.nested[ordinal] = (t, s)
            t.nested.append(s)

    def solve(self) -> tuple[dict, dict, dict, dict, int]:
        """Pages of paragraphs ``(section, para)``, of table rows ``(table, row)``, of whole
        tables ``table`` (rows not laid out one by one), of nested tables; and the page count."""
        para_pages: dict[tuple[int, int], int] = {}
        flow = Flow()
        for no, data, body, paras in self.sections:
            flow.section(body[0], data)
            for p in paras:
                para_pages[(no, p.no)] = flow.paragraph(p)
            flow.end_section()
        return para_pages, flow.row_pages, flow.table_pages, nested_pages(self.nested, flow), flow.page


# -- body --------------------------------------------------------------------------------------

class _Cell:
    __slots__ = ("row", "col", "texts", "children")

    def __init__(self, row: int, col: int) -> None:
        self.row = row
        self.col = col
        self.texts: list[str] = []
        self.children: list[RawBlock] = []


class _Ctx:
    """One open control on the walk's stack."""

    __slots__ = ("level", "kind", "table", "cells", "cell", "caption", "caption_after",
                 "seen_table", "in_caption")

    def __init__(self, level: int, kind: str) -> None:
        self.level = level
        self.kind = kind  # table | box | note | equation | drop | other
        self.table: Optional[int] = None
        self.cells: list[_Cell] = []
        self.cell: Optional[_Cell] = None
        self.caption: list[str] = []
        self.caption_after = False
        self.seen_table = False
        self.in_caption = False


class BodyWalker:
    """Turns the records of the body sections into RawBlocks in reading order."""

    def __init__(self, info: DocInfo) -> None:
        self.info = info
        self.blocks: list[RawBlock] = []
        self.tables = 0
        self.section_no = 0
        self.para = 0
        self.outline_numbering = 1
        self.heads = _HeadCounter(info.numberings)
        self.layout = PageLayout()

    def walk(self, section_no: int, data) -> None:
        info = self.info
        shapes = info.shapes
        bullets = info.bullets
        style_names = info.style_names
        style_outline = info.style_outline
        blocks = self.blocks
        unpack16 = _U16.unpack_from
        stack: list[_Ctx] = []
        self.section_no = section_no
        layout = self.layout
        layout.section(section_no, data)
        para = -1  # top-level paragraph ordinal
        para_level = 0  # level of the current PARA_HEADER
        head = HEAD_NONE
        head_level = 0
        style = 0
        label = ""
        # where the text of the latest paragraph at each record level went (for equations)
        para_refs: dict[int, tuple] = {}
        unpack32 = _U32.unpack_from
        wanted = _WANTED_TAGS
        p = 0
        n = len(data)
        while p + 4 <= n:
            (h,) = unpack32(data, p)
            p += 4
            size = h >> 20
            if size == 0xFFF:
                if p + 4 > n:
                    raise ValueError("record header cut short")
                (size,) = unpack32(data, p)
                p += 4
            s = p
            e = p + size
            if e > n:
                raise ValueError("record runs past the end of the stream")
            p = e
            tag = h & 0x3FF
            if tag not in wanted:
                continue  # shapes, fields: nothing to read, and they close nothing
            level = (h >> 10) & 0x3FF
            if tag == TAG_PARA_LINE_SEG:  # stored layout (for pages): closes nothing
                if level == 1:
                    layout.lines(s, e)
                continue
            if tag == TAG_PAGE_DEF:
                layout.page_def(data, s, e)
                continue
            # close the controls this record is not inside
            while stack and level <= stack[-1].level:
                self._close(stack)
            if tag == TAG_PARA_HEADER:
                para_level = level
                para_refs.pop(level, None)
                if e - s >= 11:
                    shape = unpack16(data, s + 8)[0]
                    style = data[s + 10]
                else:
                    shape = style = 0
                head, head_level, ref = shapes[shape] if shape < len(shapes) else (HEAD_NONE, 0, 0)
                label = ""
                if head == HEAD_OUTLINE:
                    label = self.heads.next_label(self.outline_numbering, head_level)
                elif head == HEAD_NUMBER:
                    label = self.heads.next_label(ref, head_level)
                elif head == HEAD_BULLET and 1 <= ref <= len(bullets):
                    label = bullets[ref - 1]
                if level == 0:
                    para += 1
                    self.para = para
                    layout.paragraph(para, data[s + 11] if e - s >= 12 else 0)
                continue
            if tag == TAG_PARA_TEXT:
                if level != para_level + 1:
                    continue
                text = decode_para_text(data, s, e)
                if level == 1:
                    layout.text(s, e)
                if label and text.strip():
                    text = f"{label} {text.lstrip()}"
                if not stack:
                    kind = PARAGRAPH
                    lvl: Optional[int] = None
                    outline = style_outline[style] if style < len(style_outline) else None
                    if head == HEAD_OUTLINE:
                        kind, lvl = HEADING, head_level
                    elif outline is not None:
                        kind, lvl = HEADING, outline
                    elif head != HEAD_NONE:
                        kind = LIST_ITEM
                    rb = RawBlock(text, kind=kind, level=lvl,
                                  style=style_names[style] if style < len(style_names) else None,
                                  section_no=section_no, para=para)
                    blocks.append(rb)
                    para_refs[para_level] = (rb, 0)
                else:
                    para_refs[para_level] = self._add_text(stack, text)
                continue
            if tag == TAG_EQEDIT:
                top = stack[-1] if stack else None
                if top is not None and top.kind == "equation" and level == top.level + 1:
                    eq = equation_text(data, s, e)
                    ref = para_refs.get(top.level - 1)
                    if eq and ref is not None:
                        _append_to(ref, eq)
                continue
            if tag == TAG_CTRL_HEADER:
                cid = bytes(data[s : s + 4])[::-1] if e - s >= 4 else b""
                if level == 1:
                    layout.obj(cid, data, s, e, self.tables)
                if cid == CTRL_TABLE:
                    if any(c.kind == "drop" for c in stack):
                        ctx = _Ctx(level, "drop")  # a table in a page header: dropped with it
                    else:
                        ctx = _Ctx(level, "table")
                        ctx.table = self.tables
                        if level > 1:
                            layout.nested_table(self.tables, s)
                        self.tables += 1
                elif cid == CTRL_GSO:
                    ctx = _Ctx(level, "box")
                elif cid == CTRL_FOOTNOTE or cid == CTRL_ENDNOTE:
                    ctx = _Ctx(level, "note")
                elif cid == CTRL_EQUATION:
                    ctx = _Ctx(level, "equation")
                elif cid in _CTRL_DROP:
                    if cid == CTRL_SECTION and e - s >= 20:
                        # the section's outline (개요) numbering definition
                        self.outline_numbering = unpack16(data, s + 18)[0] or self.outline_numbering
                    ctx = _Ctx(level, "drop")
                else:
                    ctx = _Ctx(level, "other")
                stack.append(ctx)
                continue
            if not stack:
                continue
            top = stack[-1]
            if top.kind == "box":
                if tag == TAG_LIST_HEADER:
                    # a list right under the object is its caption; deeper ones are text-box text
                    top.in_caption = level == top.level + 1
                continue
            if top.kind != "table" or level != top.level + 1:
                continue
            if tag == TAG_TABLE:
                top.seen_table = True
                top.in_caption = False
            elif tag == TAG_LIST_HEADER:
                if not top.seen_table:
                    # a list before the TABLE record is the caption; its side is in its flags
                    top.in_caption = True
                    if e - s >= 12:
                        top.caption_after = (_U32.unpack_from(data, s + 8)[0] & 0x3) in (1, 3)
                elif e - s >= 12:
                    col = unpack16(data, s + 8)[0]
                    row = unpack16(data, s + 10)[0]
                    top.cell = _Cell(row, col)
                    top.cells.append(top.cell)
                    top.in_caption = False

        while stack:
            self._close(stack)

    @staticmethod
    def _innermost_table(stack: list[_Ctx]) -> Optional[_Ctx]:
        for ctx in reversed(stack):
            if ctx.kind == "table":
                return ctx
        return None

    def _add_text(self, stack: list[_Ctx], text: str) -> Optional[tuple]:
        """Store the text of a paragraph inside controls; return where it went."""
        for ctx in stack:
            if ctx.kind == "drop":
                return None
        # a paragraph of a cell, or of a text box / note inside a cell, joins the cell's text
        table = self._innermost_table(stack)
        if table is not None:
            texts = table.caption if table.in_caption or table.cell is None else table.cell.texts
            texts.append(text)
            return (texts, len(texts) - 1)
        top = stack[-1]
        kind = CAPTION if top.kind == "box" and top.in_caption else NOTE
        rb = RawBlock(text, kind=kind, section_no=self.section_no, para=self.para, depth=len(stack))
        self.blocks.append(rb)
        return (rb, 0)

    def _close(self, stack: list[_Ctx]) -> None:
        ctx = stack.pop()
        if ctx.kind != "table":
            return
        depth = sum(1 for c in stack if c.kind == "table")
        section_no, para = self.section_no, self.para
        out: list[RawBlock] = []
        caption = "\n".join(ctx.caption).strip()
        cap_block = None
        if caption:
            cap_block = RawBlock(caption, kind=CAPTION, table=ctx.table, section_no=section_no,
                                 para=para, depth=depth)
            if not ctx.caption_after:
                out.append(cap_block)
        cells = ctx.cells
        if any((b.row, b.col) < (a.row, a.col) for a, b in zip(cells, cells[1:])):
            cells = sorted(cells, key=lambda c: (c.row, c.col))
        for cell in cells:
            out.append(RawBlock("\n".join(cell.texts), kind=TABLE_CELL, table=ctx.table,
                                row=cell.row, col=cell.col, section_no=section_no, para=para,
                                depth=depth))
            out.extend(cell.children)
        if cap_block is not None and ctx.caption_after:
            out.append(cap_block)
        parent = self._innermost_table(stack)
        if parent is not None and parent.cell is not None and not parent.in_caption:
            parent.cell.children.extend(out)
        else:
            self.blocks.extend(out)


# -- container ---------------------------------------------------------------------------------

def _open(path: str):
    import olefile

    try:
        return olefile.OleFileIO(path)
    except Exception as e:  # olefile raises OSError subclasses (and others) on damaged files
        raise InputError(path, f"손상된 HWP 파일입니다 (OLE 구조를 읽을 수 없음: {e}).", "corrupt") from None


def _read_stream(ole, path: str, name: str) -> bytes:
    try:
        return ole.openstream(name).read()
    except Exception as e:
        raise InputError(path, f"손상된 HWP 파일입니다 ({name} 스트림을 읽을 수 없음: {e}).", "corrupt") from None


def _inflate(path: str, name: str, raw: bytes, budget: int) -> bytes:
    """Raw-deflate ``raw``; more than ``budget`` bytes of output is refused as a bomb."""
    d = zlib.decompressobj(-15)
    try:
        out = d.decompress(raw, budget + 1)
    except zlib.error as e:
        raise InputError(path, f"손상된 HWP 파일입니다 ({name} 압축 해제 실패: {e}).", "corrupt") from None
    if len(out) > budget:
        raise InputError(path, "HWP 문서의 압축을 풀면 지나치게 커집니다 (압축 폭탄으로 보입니다).", "zip_bomb")
    if not d.eof:
        raise InputError(path, f"손상된 HWP 파일입니다 ({name} 스트림이 중간에 잘려 있음).", "corrupt")
    return out


def read_file_header(ole, path: str) -> tuple[int, int]:
    """``(version, flags)`` from FileHeader; InputError when it is missing or not HWP."""
    if not ole.exists("FileHeader"):
        raise InputError(path, "HWP 문서가 아닙니다 (FileHeader 스트림이 없음).", "corrupt")
    head = _read_stream(ole, path, "FileHeader")
    if len(head) < 40 or not head.startswith(b"HWP Document File"):
        raise InputError(path, "손상된 HWP 파일입니다 (FileHeader 서명이 올바르지 않음).", "corrupt")
    version, flags = struct.unpack_from("<II", head, 32)
    return version, flags


def _section_streams(ole, storage: str) -> list[tuple[int, str]]:
    out = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0] == storage and entry[1].startswith("Section"):
            num = entry[1][7:]
            if num.isdigit():
                out.append((int(num), f"{storage}/{entry[1]}"))
    out.sort()
    return out


def extract_hwp(path: str | Path):
    """Read an HWP 5 file into a Document. Raises InputError (Korean reason) on any failure."""
    path = str(path)
    ole = _open(path)
    try:
        version, flags = read_file_header(ole, path)
        if flags & FLAG_PASSWORD:
            raise InputError(path, MSG_PASSWORD, "encrypted")
        if version >> 24 != 5:
            raise InputError(path, f"지원하지 않는 HWP 버전입니다 ({version >> 24}.x).", "unsupported")
        if flags & FLAG_DISTRIBUTION:
            raise InputError(path, MSG_DISTRIBUTION, "encrypted")
        compressed = bool(flags & FLAG_COMPRESSED)

        budget = [MAX_DECOMPRESSED]

        def stream(name: str) -> bytes:
            raw = _read_stream(ole, path, name)
            data = _inflate(path, name, raw, budget[0]) if compressed else raw
            budget[0] -= len(data)
            return data

        sections = _section_streams(ole, "BodyText")
        if not sections:
            raise InputError(path, "손상된 HWP 파일입니다 (본문 BodyText 구역이 없음).", "corrupt")
        try:
            info = read_docinfo(memoryview(stream("DocInfo"))) if ole.exists("DocInfo") else DocInfo()
            walker = BodyWalker(info)
            for no, name in sections:
                walker.walk(no, memoryview(stream(name)))
        except (ValueError, IndexError, struct.error) as e:
            raise InputError(path, f"손상된 HWP 파일입니다 (레코드 구조 오류: {e}).", "corrupt") from None
    finally:
        ole.close()
    pages = _set_pages(walker)
    v = version
    meta = {
        "hwp_version": f"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}",
        "sections": len(sections),
        "tables": walker.tables,
        "page_source": "layout_cache" if pages is not None else None,
    }
    return build_document(path, "hwp", walker.blocks, pages=pages, meta=meta)


def _set_pages(walker: BodyWalker) -> Optional[int]:
    """Estimated pages for the blocks from the stored layout; the page count, or None (and no
    pages) when the file holds no layout, as files written by other programs may."""
    layout = walker.layout
    if not layout.seen:
        return None
    try:
        para_pages, row_pages, table_pages, nested, count = layout.solve()
    except (ValueError, IndexError, struct.error, ZeroDivisionError):
        return None  # a layout cache that does not add up: no pages rather than wrong ones
    apply_pages(walker.blocks, para_pages, row_pages, table_pages, nested)
    return count
