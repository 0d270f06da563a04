"""The Korean RFP heading grammar: blocks → a section tree, and the table of contents.

:func:`segment` reads ``doc.blocks`` and fills ``doc.sections`` (top level), ``doc.all_sections``
(flat, document order), ``doc.toc_ranges`` and ``Block.in_toc``.

How it works, in linear passes over *units* (a line of a non-table block; a whole row of a table):

1. **Table of contents.** A title line (목차, 차례, Contents, 표 목차 …) followed by entries with dot
   leaders or page numbers, or a run of such entries without a title. The range ends where the body
   repeats an entry's title. Stray leader lines elsewhere (two-column layouts) are TOC lines too.
   Entries are parsed into a small tree that later guides the body.
2. **Candidates.** Each unit is matched against the numbering grammar: 제1편/PART, 제1장, Ⅰ./I.,
   1., 1 (title boxes), 1.1/1-1, 가., 1), 가), (1), (가), ①, ㉮, □, requirement IDs (SFR-001,
   "요구사항 고유번호 | SFR-001"), annexes ([붙임 1], [별지 제1호 서식]), spaced titles
   (제 안 요 청 서), and HEADING blocks from the extractor (style level). A candidate must look like
   a title: short, no sentence ending, numbering in sequence with its siblings.
3. **Tree.** The nesting order of numbering styles is learnt from the document (the order in which
   they first appear, with 편 > 장 > Ⅰ always above the others); each heading closes every open
   section of the same or deeper style. Requirement IDs sit at the deepest level. Where the TOC
   lists the children of a section, a body heading of that style must match one of them (this
   drops the proposal outlines that RFPs print inside "제안서 작성요령").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Optional

from .model import HEADING, TABLE_CELL, Document, Section

# ------------------------------------------------------------------------------------------------
# Lexical pieces

_ROMAN_U = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_ROMAN_L = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ"
_ASCII_ROMAN = {r: i + 1 for i, r in enumerate(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])}
_HANGUL_SEQ = "가나다라마바사아자차카타파하"
_HG = "[" + _HANGUL_SEQ + "]"

_TOKENS: list[tuple[str, re.Pattern]] = [
    # order matters: the first match wins
    ("part", re.compile(r"(?:PART|Part)\s*(\d{1,2}|[IVX]{1,4}|[Ⅰ-Ⅻ])(?![A-Za-z0-9])\s*[.:]?\s*"
                        r"|제\s*(\d{1,2})\s*[편부](?=\s|$|[.:])\s*[.:]?\s*")),
    ("chapter", re.compile(r"제\s*(\d{1,2})\s*장(?=\s|$|[.:])\s*[.:]?\s*")),
    ("article", re.compile(r"제\s*(\d{1,3})\s*조(?:의\s*\d{1,2})?\s*(?=[(（])")),
    ("roman", re.compile(r"([Ⅰ-Ⅻⅰ-ⅻ])(?![Ⅰ-Ⅻⅰ-ⅻ])\s*[.．:]?\s*")),
    ("roman", re.compile(r"(XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)(?:\s*[.．]\s*|\s+(?=[가-힣]))")),
    ("dec4", re.compile(r"(\d{1,2}[.-]\d{1,2}[.-]\d{1,2}[.-]\d{1,2})(?:\.|\))?(?:\s+|(?=[가-힣A-Za-z(]))")),
    ("dec3", re.compile(r"(\d{1,2}[.-]\d{1,2}[.-]\d{1,2})(?:\.|\))?(?:\s+|(?=[가-힣A-Za-z(]))")),
    ("dec2", re.compile(r"(\d{1,2}[.-]\d{1,2})(?:\.|\))?(?:\s+|(?=[가-힣A-Za-z(]))")),
    ("arabic", re.compile(r"(\d{1,2})\s*[.．](?!\d)\s*")),
    ("arabic_rparen", re.compile(r"(\d{1,2})\s*\)\s*")),
    ("hangul", re.compile(r"(" + _HG + r")\s*[.．]\s*")),
    ("hangul_rparen", re.compile(r"(" + _HG + r")\s*\)\s*")),
    ("arabic_paren", re.compile(r"[(（]\s*(\d{1,2})\s*[)）]\s*|([⑴-⒇])\s*")),
    ("hangul_paren", re.compile(r"[(（]\s*(" + _HG + r")\s*[)）]\s*|([㈎-㈛])\s*")),
    ("circled", re.compile(r"([①-⑳])\s*")),
    ("circled_hangul", re.compile(r"([㉮-㉻]|[㉠-㉭])\s*")),
    ("box", re.compile(r"[□■❏❑◻◼▣]\s*")),
    ("arabic_bare", re.compile(r"0?([1-9]\d?)\s+(?=[가-힣])")),
]

# bullets that only ever mark list items
_BULLET = re.compile(r"(?:[○●◯❍◦ㅇ•·∙▪▸►▶◆◇◎※*＊\-–—➢✓→]|o(?=\s))\s*")

# public kind per style (Section.kind)
_KIND = {
    "part": "part", "chapter": "chapter", "article": "article", "roman": "roman",
    "dec4": "decimal", "dec3": "decimal", "dec2": "decimal", "arabic": "arabic", "arabic_bare": "arabic",
    "arabic_rparen": "paren", "hangul_rparen": "paren", "arabic_paren": "paren",
    "hangul_paren": "paren", "hangul": "hangul", "circled": "circled",
    "circled_hangul": "circled", "box": "bullet", "reqid": "reqid", "annex": "annex", "form": "annex",
    "spaced": "spaced",
}
_STRONG = {"part": 0, "chapter": 1, "roman": 2}
_MAJOR = {"part", "chapter", "roman", "arabic", "arabic_bare", "dec2", "dec3", "dec4"}
_TOP = {"annex", "spaced"}
# the names RFP chapters carry: a roman chapter with one of them may follow a gap in the numbering
# (a chapter heading lost in a text box or an image, a renumbered draft) — Ⅱ … Ⅴ. 계약 조건
_CHAPTER_NAME = re.compile(
    r"^(?:사업|과업|용역)?(?:개요|현황|추진|목표|범위|내용|세부|요구|제안|평가|계약|입찰|기타|보안|유의|일반|붙임|별첨|서식|부록)"
)
_ANNEX_FAMILY = {"붙임", "별첨", "첨부", "부록"}  # the others (별지, 별표, 서식, 참고) are forms
# styles that print the same heading differently in the TOC and in a title box of the body
_BOX_VARIANTS = {"roman", "arabic_bare", "chapter", "part"}  # and a bare number may be at any level

_REQ_ID = r"[A-Z]{2,6}(?:-[A-Z0-9]{1,6})?-\d{1,4}(?:-\d{1,3})?"
_REQ_ID_KO = r"[가-힣]{1,6}-\d{1,4}"
_REQ_LABELLED = re.compile(
    r"^(?:요구\s*사항\s*)?(?:고유\s*번호|고유\s*ID|번\s*호|ID|식별\s*(?:번호|자)|아이디)\s*[|:：]?\s*"
    r"(" + _REQ_ID + r"|" + _REQ_ID_KO + r")(?![A-Za-z0-9])\s*(.*)$")
_REQ_BARE = re.compile(r"^(" + _REQ_ID + r")(?![A-Za-z0-9-])\s*(.*)$")
_REQ_NAME = re.compile(r"^(?:요구\s*사항\s*)?(?:명\s*칭|명)\s*[|:：]?\s*(.+)$")
_REQ_OTHER_LABEL = re.compile(r"^(?:요구\s*사항\s*)?(?:분\s*류|정\s*의|세부\s*내용|상세\s*설명)")

_ANNEX = re.compile(
    r"^[\[<【〈《(]\s*(붙임|별첨|별지|별표|첨부|부록|참고|서식)\s*(?:제\s*)?(\d{1,2})\s*(?:호)?\s*(?:서식)?\s*"
    r"[\]>】〉》)]\s*|^(붙임|별첨|첨부|부록)\s*(\d{1,2})\s*[.:]?\s+")
_SPACED = re.compile(r"^(?:[가-힣]\s){2,}[가-힣]$")
_DOC_TITLE_END = re.compile(r"(?:서|서식|증명원|위임장)$")
_SECTION_NOUN_END = re.compile(
    r"(?:개요|현황|방안|사항|요령|기준|안내|목적|범위|계획|일정|조건|절차|방법|내용|과업|일반|총칙|부칙)$")
_TABLE_HEAD_START = re.compile(r"^(?:구분|항목|비고|내용|번호|순번|성명|회사명|사업명)")

_SENTENCE_END = re.compile(
    r"(?:다|니다)\s*[.。]?\s*$|(?:함|음|임|됨|것|바람|요망|한다)\s*[.。]\s*$"
    r"|(?:하여야\s*함|해야\s*함|할\s*것|하여야\s*한다|할\s*수\s*있음|있어야\s*함)\s*$")
_CONTINUES = re.compile(r"(?:및|와|과|의|을|를|에|·|ㆍ|,|、|/|-|\()\s*$")
_HAS_WORD = re.compile(r"[가-힣A-Za-z]")
_REPEAT_RUN = re.compile(r"(.)\1{2,}")
_LEADER = re.compile(r"(?:[·•∙.…‥ㆍ・]\s?){4,}")
_LEADER_TAIL = re.compile(r"\s*(?:[·•∙.…‥ㆍ・]\s?){2,}\s*[-(]?\s*(\d{1,3})?\s*[-)]?\s*$")
_LEADER_PAGE = re.compile(r"(?:[·•∙.…‥ㆍ・]\s?){4,}\s*[-(]?\s*\d{1,3}\s*[-)]?\s*$")
_PAGE_TAIL = re.compile(r"(?<=\S)\s+[-(]?\s*(\d{1,3})\s*[-)]?\s*$")
_PAGE_LINE = re.compile(r"^[-–(\[]?\s*(?:\d{1,3}|[ivxIVX]{1,5})\s*[-–)\]]?$|^-\s*\d{1,3}\s*-(?:\s+-\s*\d{1,3}\s*-)*$")
_TOC_TITLE = re.compile(
    r"^[\-–<\[【〈《(\s]*(?:목\s*차|차\s*례|contents|table\s*of\s*contents|"
    r"(?:표|그림|도표|표\s*및\s*그림)\s*(?:목\s*차|차\s*례))\s*(?:\(\s*contents\s*\))?[\-–>\]】〉》)\s]*$",
    re.I)
_WS = re.compile(r"\s+")
_NUMERAL_CELL = re.compile(r"^(?:[Ⅰ-Ⅻ]|[IVX]{1,4}|0?\d{1,2})\s*\.?$")
_LONE_ROMAN = re.compile(r"^(?:[Ⅰ-Ⅻ]|I|II|III|IV|V|VI|VII|VIII|IX|X)\s*\.?$")
_BARE_NUM = re.compile(r"0?[1-9]\d?\s+\S")

_TITLE_MAX = 120


def _compact(s: str) -> str:
    return "".join(s.split())


def _num_of(style: str, tok: str) -> Optional[int]:
    if not tok:
        return None
    if tok.isascii() and tok.isdigit():
        return int(tok)
    if style.startswith("dec"):
        return int(re.split(r"[.-]", tok)[-1])
    c = tok[0]
    if c in _ROMAN_U:
        return _ROMAN_U.index(c) + 1
    if c in _ROMAN_L:
        return _ROMAN_L.index(c) + 1
    if tok in _ASCII_ROMAN:
        return _ASCII_ROMAN[tok]
    if c in _HANGUL_SEQ:
        return _HANGUL_SEQ.index(c) + 1
    o = ord(c)
    for lo, hi in ((0x2460, 0x2473), (0x2474, 0x2487), (0x320E, 0x321B), (0x326E, 0x327B), (0x3260, 0x326D)):
        if lo <= o <= hi:
            return o - lo + 1
    return None


def _dec_prefix(tok: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.split(r"[.-]", tok)[:-1])


def _sentence_like(title: str) -> bool:
    if len(title) > 25 and title.rstrip()[-1:] in ("함", "음", "됨", "임"):
        return True  # "… 과업에 포함하여 수행함": a clause, not a title
    return bool(_SENTENCE_END.search(title[-16:]))


def _derepeat(text: str) -> str:
    """Undo glyph over-printing ("ⅠⅠⅠⅠ 사업안내", "제제제제안안안") seen in some PDF exports."""
    if len(text) < 3 or not (text[0] == text[1] == text[2]) or not _REPEAT_RUN.search(text):
        return text
    runs = _REPEAT_RUN.findall(text)
    if text[0] in _ROMAN_U and text.startswith(text[0] * 3):
        return text[0] + text.lstrip(text[0])
    # whole line made of runs: keep one of each
    collapsed = _REPEAT_RUN.sub(r"\1", text)
    if len(runs) >= 3 and len(collapsed) * 2 < len(text):
        return collapsed
    return text


# ------------------------------------------------------------------------------------------------
# Units


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str  # whitespace-normalised, " | " between the cells of a row
    block: int
    page: Optional[int]
    heading_level: Optional[int]  # from a HEADING block
    in_table: bool  # a cell of a real (multi-cell) table
    title_box: bool  # a one-row table short enough to be a heading box
    table: Optional[int] = None
    cell_line: bool = False  # one line of a long multi-line table cell (a TOC typed into a cell)
    last_block: int = -1  # a row or a box spans the blocks block..last_block


def _norm(t: str) -> str:
    if "\n" in t or "  " in t:
        return " ".join(t.split())
    return t.strip()


def _units(doc: Document) -> list[_Unit]:
    blocks = doc.blocks
    # table shape: rows and distinct cells per table
    rows: dict[int, set] = {}
    cells: dict[int, set] = {}
    tchars: dict[int, int] = {}
    tiny: dict[int, bool] = {}  # every cell holds at most two characters (a title spread over glyph cells)
    for b in blocks:
        if b.kind == TABLE_CELL and b.table is not None:
            rows.setdefault(b.table, set()).add(b.row)
            cells.setdefault(b.table, set()).add((b.row, b.col))
            tchars[b.table] = tchars.get(b.table, 0) + len(b.text)
            tiny[b.table] = tiny.get(b.table, True) and len(b.text) <= 2
    out: list[_Unit] = []
    i, n = 0, len(blocks)
    while i < n:
        b = blocks[i]
        if (b.kind == TABLE_CELL and b.table is not None and 1 < len(rows.get(b.table, ())) <= 3
                and tchars.get(b.table, 0) <= 40 and (len(cells[b.table]) <= 12 or tiny.get(b.table))
                and _is_box(blocks, i, b.table)):
            # a heading box drawn as a small table, its glyphs spread over cells and rows
            j = i
            while j + 1 < n and blocks[j + 1].kind == TABLE_CELL and blocks[j + 1].table == b.table:
                j += 1
            box_text = _box_text([_norm(blocks[k].text) for k in range(i, j + 1)])
            out.append(_Unit(b.start, blocks[j].end, box_text, i, b.page, None, True, True, b.table, False, j))
            i = j + 1
            continue
        if b.kind == TABLE_CELL and b.table is not None and len(cells.get(b.table, ())) > 1:
            # one unit per row
            j = i
            while (j + 1 < n and blocks[j + 1].kind == TABLE_CELL and blocks[j + 1].table == b.table
                   and blocks[j + 1].row == b.row):
                j += 1
            if any(blocks[k].text.count("\n") >= 2 for k in range(i, j + 1)):
                # a row with long multi-line cells: each line is a unit of its own
                for k in range(i, j + 1):
                    _lines_into(out, blocks[k], k, True)
                i = j + 1
                continue
            parts = [_norm(blocks[k].text) for k in range(i, j + 1)]
            single_row = len(rows.get(b.table, ())) == 1
            box = single_row and tchars.get(b.table, 0) <= 80 and (j - i < 3 or j - i < 40 and all(
                len(p) <= 2 for p in parts))
            if box and j - i >= 3:
                row_text = _box_text(parts)
            elif box and len(parts) > 1 and _NUMERAL_CELL.match(parts[-1]) and not _NUMERAL_CELL.match(parts[0]):
                row_text = " | ".join([parts[-1]] + parts[:-1])  # "사업 개요 | Ⅰ": the number first
            else:
                row_text = " | ".join(parts)
            out.append(_Unit(b.start, blocks[j].end, row_text, i, b.page, None, True, box, b.table, False, j))
            i = j + 1
            continue
        lvl = b.level if b.kind == HEADING else None
        if b.kind == HEADING or "\n" not in b.text:
            t = _norm(b.text)
            if t:
                out.append(_Unit(b.start, b.end, t, i, b.page, lvl, False, False, None))
        else:
            _lines_into(out, b, i, False)
        i += 1
    return _split_run_together(out)


def _is_box(blocks, i: int, table: int) -> bool:
    """A small table is a heading box when, besides its number, it holds a short title only."""
    parts = []
    k = i
    while k < len(blocks) and blocks[k].kind == TABLE_CELL and blocks[k].table == table:
        parts.append(_norm(blocks[k].text))
        k += 1
    rest = [p for p in parts if not _NUMERAL_CELL.match(p) and not _is_note(p)]
    return 0 < len("".join(rest)) <= 24 and len(rest) <= 12 and not any(ch.isdigit() for ch in "".join(rest))


def _box_text(parts: list[str]) -> str:
    """The heading in a box drawn as table cells: its number first, glyph cells joined."""
    nums = [p for p in parts if _NUMERAL_CELL.match(p)]
    rest = [p for p in parts if p not in nums and not _is_note(p)]
    sep = "" if all(len(p) <= 2 for p in rest) else " "
    body = sep.join(rest)
    if nums and body.startswith("."):
        nums[-1] += "."
        body = body[1:].strip()
    return (" ".join(nums) + " " + body).strip()


def _is_note(p: str) -> bool:
    return len(p) > 2 and bool(_BULLET.match(p))


def _lines_into(out: list[_Unit], b, idx: int, cell: bool) -> None:
    pos = b.start
    for line in b.text.split("\n"):
        t = line.strip()
        if t:
            st = pos + len(line) - len(line.lstrip())
            out.append(_Unit(st, st + len(t), _norm(t), idx, b.page, None, cell, False, b.table if cell else None,
                             cell))
        pos += len(line) + 1


# a second heading run into the first by the extractor: "2. 제안요청 내용 가. 요구사항 구성"
_EMBEDDED = re.compile(r"\s(?=(?:[가나]\s?[.)]|[12]\s?[.)]|\([12가나]\)|[①②])\s*[가-힣A-Za-z]"
                       r"|[ㅇ○❍◦□■▪•※]\s)")


def _join_lone_numerals(units: list[_Unit]) -> list[_Unit]:
    """A chapter number printed apart from its title box ("사업개요" then "Ⅰ"): one heading."""
    out: list[_Unit] = []
    skip = False
    for k, u in enumerate(units):
        if skip:
            skip = False
            continue
        if not u.in_table and _LONE_ROMAN.match(u.text):
            nb = [m for m in (k - 1, k + 1) if 0 <= m < len(units) and units[m].title_box
                  and not _match_token(units[m].text) and len(units[m].text) <= 30]
            if nb:
                m = nb[0]
                t = units[m]
                merged = _Unit(min(u.start, t.start), max(u.end, t.end), u.text + " " + t.text.replace(" | ", " "),
                               min(u.block, t.block), u.page, None, True, True, t.table, False,
                               max(u.block, t.block, t.last_block))
                if m == k - 1:
                    out[-1] = merged
                else:
                    out.append(merged)
                    skip = True
                continue
        out.append(u)
    return out


def _split_run_together(units: list[_Unit]) -> list[_Unit]:
    units = _join_lone_numerals(units)
    out: list[_Unit] = []
    for u in units:
        if u.in_table or u.heading_level is not None or len(u.text) > 120 or not _match_token(u.text):
            out.append(u)
            continue
        m = _EMBEDDED.search(u.text, 3)
        first = u.text[: m.start()].strip() if m else ""
        if not m or len(first) > 40 or _sentence_like(first) or ":" in first:
            out.append(u)
            continue
        rest = u.text[m.end():]
        t1, t2 = _match_token(first), _match_token(rest)
        if t2 is None and _BULLET.match(rest) and len(first) <= 30:
            t2 = ("bullet", "", "", None)
        if not t1 or not t2 or t1[0] == t2[0] or not t1[2]:
            out.append(u)
            continue
        off = m.end()
        out.append(_Unit(u.start, u.start + len(first), first, u.block, u.page, None, False, False, None))
        out.append(_Unit(u.start + off, u.end, u.text[off:], u.block, u.page, None, False, False, None))
    return out


# ------------------------------------------------------------------------------------------------
# Candidates


@dataclass(slots=True)
class _Cand:
    style: str
    num: Optional[int]
    label: str
    title: str  # full heading text as written (normalised)
    body: str  # title without its numbering token
    unit: int
    last_unit: int  # a heading continued on following lines ends here
    strong: bool = False  # from a HEADING block
    dec: tuple[int, ...] = ()
    ident: str = ""  # the requirement ID, or the annex family (붙임, 별첨 …)


# first characters a numbering token can start with (a quick test before the regexes)
_TOKEN_FIRST = set("0123456789(（PI VX제" + _ROMAN_U + _ROMAN_L + _HANGUL_SEQ + "□■❏❑◻◼▣")
_TOKEN_FIRST.update(chr(c) for c in range(0x2460, 0x2488))  # ① … ⒇
_TOKEN_FIRST.update(chr(c) for c in range(0x320E, 0x321C))  # ㈎ …
_TOKEN_FIRST.update(chr(c) for c in range(0x3260, 0x327C))  # ㉠ … ㉻


@lru_cache(maxsize=16384)
def _match_token(text: str) -> Optional[tuple[str, str, str, re.Match]]:
    if not text or text[0] not in _TOKEN_FIRST:
        return None
    for style, rx in _TOKENS:
        m = rx.match(text)
        if m:
            tok = next((g for g in m.groups() if g), "") if m.groups() else ""
            return style, tok, text[m.end():].strip(), m
    return None


def _title_limit(style: str) -> int:
    if style in _TOP:
        return 60
    if style in _MAJOR:
        return 45
    return 40


def _plausible(style: str, body: str) -> bool:
    if not body or not _HAS_WORD.search(body):
        return False
    if len(body) > _title_limit(style):
        return False
    if _sentence_like(body):
        return False
    if body[0] in ")]】>.,":
        return False
    return True


def _classify(u: _Unit) -> Optional[_Cand]:
    raw = u.text
    if u.in_table:
        if not u.title_box:
            return None
        raw = raw.replace(" | ", " ").strip()
    text = _derepeat(raw)
    if u.heading_level is not None and len(text) <= 80 and not _sentence_like(text):
        m = _match_token(text)
        if m and m[0] != "box" and m[2]:
            style, tok, body, _ = m
            return _Cand(style, _num_of(style, tok), text[: m[3].end()].strip(), text[:_TITLE_MAX], body,
                         0, 0, strong=True, dec=_dec_prefix(tok) if style.startswith("dec") else ())
        return _Cand(f"style{u.heading_level}", None, "", text[:_TITLE_MAX], text, 0, 0, strong=True)
    if len(text) > 160:
        return None
    am = _ANNEX.match(text)
    if am:
        body = text[am.end():].strip()
        if body and body[0] in ",，、·" or _ANNEX.match(body):
            return None
        if (len(text) <= 70 and not _sentence_like(text) and not re.search(r"(?:참조|참고|같음|\d+\s*부)\)?$", text)):
            word = am.group(1) or am.group(3)
            num = int(am.group(2) or am.group(4))
            style = "annex" if word in _ANNEX_FAMILY else "form"
            c = _Cand(style, num, am.group(0).strip(), text[:_TITLE_MAX], body or text, 0, 0)
            c.ident = word  # the annex family, for numbering
            return c
        return None
    m = _match_token(text)
    if m is None:
        st = text.strip("[]<>【】()〈〉《》 ")
        if _SPACED.match(st):
            title = _compact(st)
            if len(title) >= 3 and not _TABLE_HEAD_START.match(title) and (
                    _DOC_TITLE_END.search(title) or (len(title) >= 4 and _SECTION_NOUN_END.search(title))):
                return _Cand("spaced", None, "", title, title, 0, 0)
        if text != raw and len(text) <= 20 and _DOC_TITLE_END.search(text):  # over-printed cover title
            return _Cand("spaced", None, "", text, text, 0, 0)
        return None
    style, tok, body, mm = m
    if style == "box" and (":" in body[:14] or "：" in body[:14] or re.match(r"[(（][^)）]{1,10}[)）]\s*\S", body)):
        return None
    if style == "arabic_bare" and (len(text) > 40 or u.in_table and not u.title_box):
        return None
    if style == "roman" and tok in _ASCII_ROMAN and not re.match(r"[가-힣]", body or "x") and "." not in text[:5]:
        return None
    if not _plausible(style, body):
        return None
    label = text[: mm.end()].strip()
    if style == "article":
        pm = re.match(r"[(（][^)）]{1,30}[)）]", body)
        if not pm:
            return None
        body = pm.group(0)
        text = label + body
    return _Cand(style, _num_of(style, tok), label, text[:_TITLE_MAX], body, 0, 0,
                 dec=_dec_prefix(tok) if style.startswith("dec") else ())


def _reqid(units: list[_Unit], i: int) -> Optional[tuple[str, str, bool]]:
    """(ID, name, labelled) when unit ``i`` introduces a requirement."""
    t = units[i].text
    m = _REQ_LABELLED.match(t)
    labelled = True
    if not m:
        m = _REQ_BARE.match(t)
        labelled = False
        if not m:
            return None
    rid = m.group(1)
    rest = m.group(2).strip(" |:：-")
    if not labelled and rest.startswith("|"):
        rest = rest.strip(" |")
    name = ""
    nm = _REQ_NAME.match(rest)
    if nm:
        name = nm.group(1)
    elif rest and not _REQ_OTHER_LABEL.match(rest):
        name = rest
    if not name:
        for k in range(i + 1, min(i + 4, len(units))):
            nm = _REQ_NAME.match(units[k].text)
            if nm:
                name = nm.group(1)
                break
    name = name.split(" | ")[0].strip(" |")
    return rid, name[:80], labelled


# ------------------------------------------------------------------------------------------------
# Table of contents


@dataclass
class _Entry:
    style: str
    num: Optional[int]
    label: str
    body_c: str  # compact title without numbering
    unit: int
    parent: int = -1
    children_styles: set = field(default_factory=set)
    matched: bool = False


def _maybe_leader(t: str) -> bool:
    return "··" in t or "…" in t or "‥" in t or ".." in t or "∙∙" in t or "ㆍㆍ" in t or "・・" in t \
        or "· ·" in t or ". ." in t


def _is_leader_line(t: str) -> bool:
    return _maybe_leader(t) and bool(_LEADER.search(t))


def _strip_toc_tail(t: str) -> tuple[str, bool]:
    m = _LEADER_TAIL.search(t)
    if m:
        return t[: m.start()].strip(), True
    m = _LEADER.search(t)
    if m:  # leader in the middle (two columns run together): keep the left side
        return t[: m.start()].strip(), True
    return t, False


_LEADER_SEG = re.compile(r"(?:[·•∙.…‥ㆍ・]\s?){3,}\s*(?:[-(]?\s*\d{1,3}\s*[-)]?(?=\s|$))?")


def _toc_segments(t: str) -> list[str]:
    """One TOC line may hold several entries run together ("Ⅰ. 개요 ···· 1 1. 목적 ···· 1")."""
    t = t.replace(" | ", " ")
    out: list[str] = []
    pos = 0
    for m in _LEADER_SEG.finditer(t):
        seg = t[pos:m.start()].strip()
        if seg:
            out.append(seg + " ··· ")
        pos = m.end()
    tail = t[pos:].strip()
    if tail:
        out.append(tail)
    return out


def _entry_of(t: str, unit: int) -> Optional[_Entry]:
    t = _derepeat(t.replace(" | ", " "))
    core, had = _strip_toc_tail(t)
    if not had:
        m = _PAGE_TAIL.search(core)
        if m:
            core = core[: m.start()].strip()
    if not core or not _HAS_WORD.search(core):
        return None
    am = _ANNEX.match(core)
    if am:
        style = "annex" if (am.group(1) or am.group(3)) in _ANNEX_FAMILY else "form"
        return _Entry(style, int(am.group(2) or am.group(4)), am.group(0).strip(),
                      _compact(core[am.end():]) or _compact(core), unit)
    m = _match_token(core)
    if m and m[2]:
        style, tok, body, mm = m
        return _Entry(style, _num_of(style, tok), core[: mm.end()].strip(), _compact(body), unit)
    return _Entry("plain", None, "", _compact(core), unit)


def _headingish(t: str) -> bool:
    if len(t) > 60 or _sentence_like(t) or not _HAS_WORD.search(t):
        return False
    return True


def _page_run(units: list[_Unit], i: int) -> int:
    """Length of a run of heading-like lines ending with a page number starting at ``i``."""
    k, last_page, first_page = i, -1, -1
    while k < len(units):
        t = units[k].text.replace(" | ", " ")
        m = _PAGE_TAIL.search(t)
        if not m or len(t) > 70:
            break
        mt = _match_token(_derepeat(t))
        if not mt or mt[0] in ("box", "arabic_bare") and not mt[2]:
            break
        p = int(m.group(1))
        if p < last_page:
            break
        if k == i:
            first_page = p
        last_page = p
        k += 1
    if k - i >= 2 and last_page <= first_page:
        return 1
    return k - i


def _find_tocs(units: list[_Unit]) -> tuple[list[tuple[int, int]], list[_Entry], set[int]]:
    """Unit ranges (inclusive) of TOCs, their entries, and stray TOC lines elsewhere."""
    n = len(units)
    ranges: list[tuple[int, int]] = []
    entries: list[_Entry] = []
    lead_page = [_maybe_leader(u.text) and bool(_LEADER_PAGE.search(u.text)) for u in units]
    tail = [len(u.text) <= 70 and u.text[-1:].isdigit() for u in units]
    i = 0
    while i < n:
        t = units[i].text
        titled = len(t) <= 30 and bool(_TOC_TITLE.match(t))
        leaders = lead_page[i] and sum(lead_page[i:i + 4]) >= 3
        if not (titled or leaders or tail[i] and _page_run(units, i) >= 4):
            i += 1
            continue
        end, ents = _scan_toc(units, i, titled)
        if len(ents) >= 2:
            start = i
            if not titled:
                # chapter lines without a page number just before the first numbered entry
                while start > 0 and (ranges[-1][1] if ranges else -1) < start - 1 \
                        and units[start - 1].block == units[i].block and _headingish(units[start - 1].text):
                    start -= 1
                    e = _entry_of(units[start].text, start)
                    if e is not None:
                        ents.insert(0, e)
            # a TOC title printed after its entries
            if end + 1 < n and len(units[end + 1].text) <= 30 and _TOC_TITLE.match(units[end + 1].text):
                end += 1
            ranges.append((start, end))
            entries.extend(ents)
            i = end + 1
        else:
            i += 1
    in_range = set()
    for a, b in ranges:
        in_range.update(range(a, b + 1))
    stray = {k for k in range(n) if lead_page[k] and k not in in_range and len(units[k].text) < 140}
    return ranges, entries, stray


def _scan_toc(units: list[_Unit], i: int, titled: bool) -> tuple[int, list[_Entry]]:
    n = len(units)
    k = i + 1 if titled else i
    last = i
    misses = 0
    seen_titles: set[str] = set()
    ents: list[_Entry] = []
    pending: list[_Entry] = []  # heading-like lines without a page number (group titles, lists)
    stop_by_body = False
    page_mode = not titled and not _is_leader_line(units[i].text)
    while k < n and k - last <= 40:
        u = units[k]
        t = u.text
        if _TOC_TITLE.match(t) and len(t) <= 30:
            ents.extend(pending)
            pending = []
            last, misses = k, 0
        elif _is_leader_line(t) or (_PAGE_TAIL.search(t) and _page_run(units, k) >= (1 if ents else 2)
                                     and len(t) <= 70):
            got = [e for e in (_entry_of(seg, k) for seg in _toc_segments(t)) if e is not None]
            if got:
                ents.extend(pending)
                pending = []
                ents.extend(got)
                seen_titles.update(e.body_c for e in got)
                last, misses = k, 0
        elif _PAGE_LINE.match(t):
            pass
        elif _headingish(t) and not page_mode:
            e = _entry_of(t, k)
            if e is not None:
                if (ents or pending) and e.body_c in seen_titles and not _leader_follows(units, k):
                    stop_by_body = True
                    break
                if e.style != "plain" or len(t) <= 40:
                    pending.append(e)
                    seen_titles.add(e.body_c)
                else:
                    misses += 1
        else:
            misses += 1
            if misses >= 3:
                break
        k += 1
    if stop_by_body:
        ents.extend(pending)
        end = k - 1
        while end > last and _PAGE_LINE.match(units[end].text):
            end -= 1
        end = max(end, last)
    else:
        end = last
    return end, [e for e in ents if e.unit <= end]


def _leader_follows(units: list[_Unit], k: int) -> bool:
    return any(_is_leader_line(units[j].text) for j in range(k + 1, min(k + 3, len(units))))


def _toc_tree(entries: list[_Entry]) -> None:
    """Give each entry its parent by the nesting order of the TOC's own numbering."""
    order: list[str] = []
    stack: list[int] = []
    for idx, e in enumerate(entries):
        if e.style == "plain":
            # an unnumbered entry: child of the last numbered one, or a sibling of a previous plain
            while stack and entries[stack[-1]].style == "plain":
                stack.pop()
            e.parent = stack[-1] if stack else -1
        else:
            style = "top" if e.style in _TOP else e.style
            if style not in order:
                if style == "top":
                    order.insert(0, style)
                elif style in _STRONG:
                    pos = 0
                    while pos < len(order) and (order[pos] == "top" or (
                            order[pos] in _STRONG and _STRONG[order[pos]] <= _STRONG[style])):
                        pos += 1
                    order.insert(pos, style)
                else:
                    order.append(style)
            r = order.index(style)
            while stack and (entries[stack[-1]].style == "plain" or
                             order.index("top" if entries[stack[-1]].style in _TOP else entries[stack[-1]].style) >= r):
                stack.pop()
            e.parent = stack[-1] if stack else -1
        if e.parent >= 0:
            entries[e.parent].children_styles.add(e.style)
        stack.append(idx)


@lru_cache(maxsize=16384)
def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    la, lb = len(a), len(b)
    if min(la, lb) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    if abs(la - lb) > max(la, lb) // 2:
        return False
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sm.real_quick_ratio() >= 0.8 and sm.quick_ratio() >= 0.8 and sm.ratio() >= 0.8


# ------------------------------------------------------------------------------------------------
# Tree building


@dataclass
class _Open:
    sec: Section
    style: str
    num: Optional[int]
    entry: int = -1  # matched TOC entry
    level: Optional[int] = None  # heading level from the extractor's styles
    cover: bool = False  # a title before the body (제 안 요 청 서 on the cover)
    last: dict = field(default_factory=dict)  # style -> number of the last child of that style


def segment(doc: Document) -> None:
    """Fill ``doc.sections``, ``doc.all_sections``, ``doc.toc_ranges`` and ``Block.in_toc``."""
    doc.sections = []
    doc.all_sections = []
    doc.toc_ranges = []
    doc._section_starts = None  # type: ignore[attr-defined]
    for b in doc.blocks:
        b.in_toc = False
    units = _units(doc)
    if not units:
        return
    ranges, entries, stray = _find_tocs(units)
    toc_units = set(stray)
    for a, b in ranges:
        toc_units.update(range(a, b + 1))
    _toc_tree(entries)

    cands = _candidates(units, toc_units)
    secs = _build(doc, units, cands, entries, use_toc=bool(entries))
    if entries:
        matched = sum(1 for e in entries if e.matched)
        if matched < 0.4 * len(entries):
            for e in entries:
                e.matched = False
            secs = _build(doc, units, cands, entries, use_toc=False)
    doc.all_sections = secs
    doc.sections = [s for s in secs if s.parent is None]

    # TOC offsets and block flags
    spans: list[tuple[int, int]] = []
    for a, b in ranges:
        spans.append((units[a].start, units[b].end))
    for k in sorted(stray):
        if spans and spans[-1][1] >= units[k].start - 1 and spans[-1][0] <= units[k].start:
            spans[-1] = (spans[-1][0], max(spans[-1][1], units[k].end))
        else:
            spans.append((units[k].start, units[k].end))
    spans.sort()
    doc.toc_ranges = spans
    if spans:
        covered: dict[int, int] = {}
        for k in toc_units:
            u = units[k]
            if u.last_block > u.block:
                for bi in range(u.block, u.last_block + 1):
                    covered[bi] = doc.blocks[bi].end - doc.blocks[bi].start
            else:
                covered[u.block] = covered.get(u.block, 0) + (u.end - u.start)
        for bi, c in covered.items():
            blk = doc.blocks[bi]
            if 2 * c >= blk.end - blk.start:
                blk.in_toc = True


def _candidates(units: list[_Unit], toc_units: set[int]) -> list[Optional[_Cand]]:
    n = len(units)
    out: list[Optional[_Cand]] = [None] * n
    req: list[Optional[tuple[str, str, bool]]] = [None] * n
    for i, u in enumerate(units):
        if i in toc_units:
            continue
        r = _reqid(units, i)
        if r is not None:
            req[i] = r
            continue
        c = _classify(u)
        if c is not None:
            c.unit = c.last_unit = i
            out[i] = c
    # requirement IDs: a labelled one always; a bare one unless it is a row of a list of IDs
    for i, r in enumerate(req):
        if r is None:
            continue
        rid, name, labelled = r
        if not labelled:
            near = any(req[k] is not None and not req[k][2] and req[k][0] != rid
                       for k in range(max(0, i - 4), min(n, i + 5)) if k != i)
            if near:
                continue
        title = f"{rid} {name}".strip()
        out[i] = _Cand("reqid", None, rid, title[:_TITLE_MAX], name, i, i, ident=rid)
    # a bare number is a heading box ("1 사업 개요") only when it is not a column of numbered rows
    for i, c in enumerate(out):
        if c is not None and c.style == "arabic_bare" and not units[i].title_box:
            if any(_BARE_NUM.match(units[k].text) for k in (i - 1, i + 1) if 0 <= k < n and k not in toc_units):
                out[i] = None
    # a box bullet is a heading only when it introduces deeper items
    for i, c in enumerate(out):
        if c is None or c.style != "box":
            continue
        nxt = _next_content(units, i, toc_units)
        keep = False
        if nxt is not None:
            t = units[nxt].text
            oc = out[nxt]
            tok = _match_token(t)
            if oc is None and (_BULLET.match(t) or tok and tok[0] != "box" and tok[0] not in _MAJOR):
                keep = True  # □ 추진 배경 followed by ○ items or 1) items
            elif oc is not None and oc.style != "box" and oc.style not in _MAJOR and oc.style not in _TOP:
                keep = True
        if not keep:
            out[i] = None
    # annex lines listed one after another are a list, not headings
    for i, c in enumerate(out):
        if c is not None and c.style in ("annex", "form"):
            if any(out[k] is not None and out[k].style in ("annex", "form", "annex_list")
                   for k in (i - 1, i + 1) if 0 <= k < n):
                c.style = "annex_list"
    for i, c in enumerate(out):
        if c is not None and c.style == "annex_list":
            out[i] = None
    # a heading broken over two lines: join a short continuation
    for i, c in enumerate(out):
        if c is None or c.style in ("reqid", "spaced") or units[i].in_table:
            continue
        j = i + 1
        if c.style in ("annex", "form") and c.body == c.title and j < n and out[j] is not None \
                and out[j].style == "spaced":
            # [별지 제1호 서식] + 입 찰 참 가 신 청 서
            c.title = (c.title + " " + out[j].title)[:_TITLE_MAX]
            c.body = out[j].title
            c.last_unit = j
            out[j] = None
            continue
        if j < n and out[j] is None and j not in toc_units and not units[j].in_table and req[j] is None:
            t = units[j].text
            cont = len(t) <= 25 and (_CONTINUES.search(c.title[-4:]) or c.title.count("(") > c.title.count(")"))
            annex_title = c.style in ("annex", "form") and c.body == c.title and len(t) <= 40 and not _ANNEX.match(t)
            if (cont or annex_title) and not _BULLET.match(t) and not _match_token(t) and not _sentence_like(t):
                c.title = (c.title + " " + t)[:_TITLE_MAX]
                c.body = c.body + " " + t
                c.last_unit = j
    return out


def _next_content(units: list[_Unit], i: int, toc_units: set[int]) -> Optional[int]:
    for k in range(i + 1, min(i + 4, len(units))):
        if k in toc_units or _PAGE_LINE.match(units[k].text):
            continue
        t = units[k].text
        # a wrapped continuation of the same line is not the next item
        if not _BULLET.match(t) and not _match_token(t) and len(units[i].text) >= 30:
            continue
        return k
    return None


class _Tree:
    """Stack of open sections plus the nesting relations learnt so far."""

    def __init__(self, text_len: int) -> None:
        self.stack: list[_Open] = []
        self.deeper: set[tuple[str, str]] = set()  # (a, b): a has been seen nested inside b
        self.root_last: dict = {}
        self.top_ctx = 0
        self.body_started = False
        self.roman_max: dict[int, int] = {}
        self.text_len = text_len
        self.secs: list[Section] = []

    def closes(self, style: str, num: Optional[int], level: Optional[int], o: _Open) -> bool:
        """Does a new heading of ``style`` end the open section ``o``?"""
        if o.cover:
            return True
        t = o.style
        if t == style:
            return True
        if t == "reqid":
            return True
        if style == "reqid":
            return False
        if level is not None and o.level is not None:
            return level <= o.level
        if style in _TOP:
            return True
        if style == "form":
            # a form (별지, 별표, 서식) closes the minor headings, stays inside a chapter or an annex
            if t == "annex":
                return False
            return t in _TOP or t == "form" or not (t in _MAJOR or t.startswith("style"))
        if t in _TOP:
            # an annex holds its own numbering; the main roman sequence going on ends it
            return style in _STRONG and num is not None and num == self.roman_max.get(self.top_ctx - 1, -9) + 1
        if (style, t) in self.deeper:
            return False
        if (t, style) in self.deeper:
            return True
        if style in _STRONG or t in _STRONG:
            return _STRONG.get(style, 9) <= _STRONG.get(t, 9)
        if style.startswith("style") and t.startswith("style"):
            return int(style[5:]) <= int(t[5:])
        return False  # a style not seen before goes one level down (the document's own order)

    def parent_index(self, style: str, num: Optional[int], level: Optional[int]) -> int:
        """Index in the stack of the section a new heading would be a child of (-1: top level)."""
        st = self.stack
        if style in _TOP:
            return -1
        for j in range(len(st) - 1, -1, -1):
            if st[j].style == style and not st[j].cover:
                return j - 1
        j = len(st) - 1
        while j >= 0 and self.closes(style, num, level, st[j]):
            j -= 1
        return j

    def push(self, pidx: int, pos: int, c: _Cand, style: str, kind: str, block: int, entry: int,
             level: Optional[int]) -> None:
        st = self.stack
        for o in st[pidx + 1:]:
            o.sec.end = pos
        del st[pidx + 1:]
        parent = st[-1] if st else None
        for o in st:
            if o.style != style:
                self.deeper.add((style, o.style))
        sec = Section(title=c.title, level=len(st), label=c.label, kind=kind, block_index=block,
                      start=pos, end=self.text_len, parent=parent.sec if parent else None)
        if parent is not None:
            parent.sec.children.append(sec)
        self.secs.append(sec)
        cover = style in _TOP and not self.body_started
        if style in _TOP:
            self.top_ctx += 1
        elif style != "reqid":
            self.body_started = True
        st.append(_Open(sec, style, c.num, entry, level, cover))

    def finish(self) -> list[Section]:
        for o in self.stack:
            o.sec.end = self.text_len
        self.stack = []
        return self.secs


def _build(doc: Document, units: list[_Unit], cands: list[Optional[_Cand]], entries: list[_Entry],
           use_toc: bool) -> list[Section]:
    tree = _Tree(len(doc.text))
    stack = tree.stack
    by_title: dict[str, list[int]] = {}
    if use_toc:
        for idx, e in enumerate(entries):
            by_title.setdefault(e.body_c, []).append(idx)
    toc_ptr = 0
    toc_top_styles = {e.style for e in entries if e.parent < 0} if use_toc else set()
    toc_styles = {e.style for e in entries}
    toc_last_unit = max((e.unit for e in entries), default=-1)
    outline_until = -1  # a proposal outline printed in the body: no headings in here
    zone_roman = -1
    shadow: dict = {}  # numbered lists restarting under a heading: key -> (last number, unit)

    # where each short line's compact text occurs (to know whether a TOC title comes later)
    where: dict[str, int] = {}
    if use_toc:
        wanted = {e.body_c for e in entries}
        for k, uu in enumerate(units):
            if len(uu.text) <= 60:
                cc = cands[k]
                key_c = _compact(cc.body) if cc is not None else _compact(_derepeat(uu.text))
                if key_c in wanted:
                    where[key_c] = k

    def later_title(body_c: str, i: int) -> bool:
        return where.get(body_c, -1) > i

    def find_entry(c: Optional[_Cand], body_c: str, strict: bool, loose_num: bool = False) -> int:
        if not use_toc or not body_c:
            return -1
        best = -1
        lo, hi = (toc_ptr, toc_ptr + 2) if c is None else (toc_ptr - 2, toc_ptr + (8 if c.num is None else 40))
        for idx in by_title.get(body_c, ()):
            if not entries[idx].matched and lo <= idx <= hi:
                best = idx
                break
        if best < 0 and not strict:
            for idx in range(max(0, toc_ptr - 2), min(len(entries), toc_ptr + 12)):
                e = entries[idx]
                if not e.matched and _similar(e.body_c, body_c):
                    best = idx
                    break
        if best < 0:
            return -1
        e = entries[best]
        if c is not None and c.num is not None and e.num is not None:
            if c.num != e.num and not (loose_num and e.style == c.style and abs(c.num - e.num) == 1):
                return -1
            if c.style != e.style and not (c.style in _BOX_VARIANTS and e.style in _BOX_VARIANTS
                                           or c.style == "arabic_bare"):
                return -1
        return best

    for i, c in enumerate(cands):
        u = units[i]
        entry = -1
        if c is None:
            # an unnumbered line the TOC names (the number was printed in a graphic and is lost)
            if not use_toc or (u.in_table and not u.title_box and " | " in u.text) or u.cell_line \
                    or len(u.text) > 50 \
                    or i <= outline_until:
                continue
            t = _derepeat(u.text.replace(" | ", " "))
            if _BULLET.match(t) or _sentence_like(t):
                continue
            entry = find_entry(None, _compact(t), strict=True)
            if entry < 0:
                continue
            e = entries[entry]
            c = _Cand(e.style if e.style != "plain" else "tocplain", e.num, e.label, t[:_TITLE_MAX], t, i, i)
        style = c.style
        num = c.num
        level = units[i].heading_level if c.strong else None

        # --- a proposal outline (Ⅰ. 일반현황 …) printed inside 제안서 작성요령
        if i <= outline_until and not c.strong and style != "reqid":
            if entry < 0:
                entry = find_entry(c, _compact(c.body), strict=False)
            if entry < 0:
                if style != "roman":
                    continue
                mx = tree.roman_max.get(tree.top_ctx, 0)
                if use_toc or num != mx + 1 or i - zone_roman < 15:
                    outline_until, zone_roman = i + 30, i
                    continue
            outline_until = -1

        # --- requirement IDs: deepest level, one after another
        if style == "reqid":
            if stack and stack[-1].style == "reqid" and stack[-1].sec.label == c.ident:
                continue  # the same requirement table continued on the next page
            pidx = len(stack) - 1
            if stack and stack[-1].style == "reqid":
                pidx -= 1
            tree.push(pidx, u.start, c, style, "reqid", u.block, -1, None)
            continue

        if style == "spaced" and tree.body_started:
            style = "form"  # a form title (입 찰 참 가 신 청 서) after the body: like a 별지 form
        if style == "tocplain":
            par = entries[entry].parent
            pstyle = next((o.style for o in reversed(stack) if o.entry == par), None) if par >= 0 else None
            style = "plain_" + (pstyle or "top")

        # --- inside a requirement only a heading at or above the requirement's parent counts
        if stack and stack[-1].style == "reqid" and not c.strong and entry < 0 and style not in _TOP:
            par = stack[-2] if len(stack) > 1 else None
            if par is not None and not tree.closes(style, num, level, par):
                entry = find_entry(c, _compact(c.body), strict=False)
                if entry < 0:
                    continue

        if not c.strong and entry < 0 and use_toc and num is not None:
            # a heading the TOC names needs no further proof, as long as its number goes forward
            e_idx = find_entry(c, _compact(c.body), strict=False, loose_num=True)
            if e_idx >= 0:
                e_style = entries[e_idx].style
                t_style = e_style if e_style != style and style in _BOX_VARIANTS and e_style != "plain" \
                    and e_style not in _TOP else style
                t_pidx = tree.parent_index(t_style, num, level)
                t_par = stack[t_pidx] if t_pidx >= 0 else None
                last = (t_par.last if t_par is not None else tree.root_last).get(
                    t_style if t_par is not None else (t_style, tree.top_ctx))
                if last is None or num > last:
                    entry = e_idx
                    style = t_style  # a number in a box takes the level the TOC gives it

        pidx = tree.parent_index(style, num, level)
        parent = stack[pidx] if pidx >= 0 else None
        seq = parent.last if parent is not None else tree.root_last
        key = style if parent is not None else (style, tree.top_ctx)
        if style == "annex" and not c.strong and entry < 0 and num is not None:
            # 붙임 1, 붙임 2 …: an annex number out of order is a mention, not the annex itself
            fam = ("annex", c.ident)
            last = tree.root_last.get(fam)
            if not (num <= 2 if last is None else last < num <= last + 2):
                if find_entry(c, _compact(c.body), strict=False) < 0:
                    continue
            tree.root_last[fam] = num
        if not c.strong and entry < 0:
            if num is not None and style not in _TOP and style != "form":
                skey = (id(parent.sec) if parent is not None else None, key)
                sh = shadow.get(skey)
                if sh is not None and num == sh[0] + 1 and i - sh[1] <= 12:
                    shadow[skey] = (num, i)  # the next item of a numbered list, not a heading
                    continue
                last = seq.get(key)
                if last is None and parent is None and style in _STRONG:
                    last = seq.get((style, tree.top_ctx - 1))  # the main sequence going on after an annex
                if last is None:
                    ok = num <= 2 or (style in _STRONG and num <= 3)
                else:
                    if num == last:
                        # a repeated heading (running header, page break), or a list restarting
                        shadow[skey] = (num, i)
                        continue
                    ok = last < num <= last + (2 if style in _MAJOR else 1) or (num == 1 and style not in _MAJOR)
                    if not ok and style == "roman" and parent is None and last < num <= last + 4 \
                            and len(c.body) <= 30 and _CHAPTER_NAME.match(_compact(c.body)):
                        ok = True
                if style == "roman" and parent is None:
                    mx = tree.roman_max.get(tree.top_ctx, 0)
                    if mx and num <= mx:
                        outline_until, zone_roman = i + 30, i  # Ⅰ again: an outline printed in the body
                        continue
                if style.startswith("dec") and c.dec and parent is not None and parent.num is not None \
                        and parent.style in ("arabic", "arabic_bare", "dec2", "dec3") and c.dec[-1] != parent.num:
                    ok = False
                if not ok:
                    if num <= 2:
                        shadow[skey] = (num, i)
                    continue
            if use_toc:
                entry = find_entry(c, _compact(c.body), strict=False)
                if entry < 0 and style in _STRONG and style not in toc_styles and tree.body_started:
                    continue  # Ⅰ. after a body numbered 1., 2. that the TOC lists: an outline, not a chapter
                if entry < 0 and style not in _TOP:
                    # where the TOC lists the children of a section (or the top level), a heading it
                    # does not name must be the very next number, and the heading the TOC gives
                    # that number must not come later
                    pe = parent.entry if parent is not None else -1
                    covered = (style in entries[pe].children_styles) if pe >= 0 else (
                        parent is None and style in toc_top_styles and i > toc_last_unit)
                    if covered:
                        prev = seq.get(key)
                        if prev is None and parent is None:
                            prev = seq.get((style, tree.top_ctx - 1))
                        if num is None or num != (prev or 0) + 1:
                            continue
                        if any(e.parent == pe and e.style == style and e.num == num and later_title(e.body_c, i)
                               for e in entries):
                            continue
        elif entry < 0 and use_toc:
            entry = find_entry(c, _compact(c.body), strict=False)

        if entry >= 0 and style in _BOX_VARIANTS and entries[entry].style not in (style, "plain") \
                and entries[entry].style not in _TOP and not c.strong:
            # a number in a box ("1 사업 개요") takes the level the TOC gives it
            style = entries[entry].style
            pidx = tree.parent_index(style, num, level)
            parent = stack[pidx] if pidx >= 0 else None
            seq = parent.last if parent is not None else tree.root_last
            key = style if parent is not None else (style, tree.top_ctx)
        if num is not None and style not in _TOP and style != "form":
            seq[key] = num
        if style == "roman" and parent is None and num is not None:
            tree.roman_max[tree.top_ctx] = max(tree.roman_max.get(tree.top_ctx, 0), num)
        if entry >= 0:
            entries[entry].matched = True
            toc_ptr = max(toc_ptr, entry + 1)
        kind = _KIND.get(c.style)
        if kind is None:
            if c.style.startswith("style"):
                kind = "style"
            elif entry >= 0:
                kind = _KIND.get(entries[entry].style, "toc")
            else:
                kind = "toc"
        tree.push(pidx, u.start, c, style, kind, u.block, entry, level)
    return tree.finish()
