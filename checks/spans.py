"""Spans a finding quotes: the clause around a match, joined across PDF line wraps and cut at list
bullets, and the table row a cell belongs to.

Matches are found on the whitespace-free view and can run across blocks or lines; these helpers turn
them into the exact, readable piece of the original text an official should see.
"""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Document

_BULLETS = "○●◦❍◎▪•□■◇◆※¡☐❑➢▶►ㅇ①②③④⑤⑥⑦⑧⑨⑩"
_CLAUSE_MAX = 400


def _is_bullet(text: str, i: int) -> bool:
    """A list bullet opens a clause when it starts a line or follows whitespace or a cell bar."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    if ch in _BULLETS:
        return before.isspace() or before in "|:"
    if ch in "-–":  # a dash bullet stands between spaces ("- 개발인력은 …")
        after = text[i + 1] if i + 1 < len(text) else " "
        return before.isspace() and after.isspace()
    return False


_LINE_END = regex.compile(r"(?:[다함음임됨요것\.。:：\)\]」』>|]|(?<![0-9])\d+)\s*$")
_LINE_START = regex.compile(r"^\s*(?:[○●◦❍◎▪•□■◇◆※¡☐❑➢▶►ㅇ①②③④⑤⑥⑦⑧⑨⑩\-–—*·]|\d+[\.\)]|[가-하][\.\)]|\(\d+\)|[A-Z]{2,4}-\d)")


def _joins(text: str, nl: int) -> bool:
    """Whether the line break at ``nl`` only wraps a sentence (PDF lines): the line before does not end a
    sentence and the line after does not open a list item."""
    line_start = text.rfind("\n", 0, nl) + 1
    before = text[line_start:nl]
    after_end = text.find("\n", nl + 1)
    after = text[nl + 1: after_end if after_end >= 0 else len(text)]
    if not before.strip() or not after.strip():
        return False
    return not _LINE_END.search(before) and not _LINE_START.match(after)


def clause_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence around a match (joining wrapped lines of one sentence), narrowed to the list item
    (bullet) it stands in."""
    s, e = doc.sentence_span(start, end)
    text = doc.text
    b = doc.block_at(start)
    lo, hi = (b.start, b.end) if b else (0, len(text))
    for _ in range(2):  # a sentence wrapped over lines of one block
        if s > lo and text[s - 1] == "\n" and _joins(text, s - 1):
            s = doc.sentence_span(s - 2, s - 1)[0]
        else:
            break
    for _ in range(2):
        nl = e - 1 if e > 0 and text[e - 1] == "\n" else (e if e < hi and text[e:e + 1] == "\n" else -1)
        if 0 <= nl < hi - 1 and _joins(text, nl):
            e = doc.sentence_span(nl + 1, nl + 2)[1]
        else:
            break
    for i in range(start - 1, s, -1):
        if _is_bullet(text, i):
            s = i
            break
    for j in range(end, e):
        if _is_bullet(text, j):
            e = j
            break
    if e - s > _CLAUSE_MAX:  # a run-on cell: keep a window around the match
        s = max(s, start - _CLAUSE_MAX // 2)
        e = min(e, end + _CLAUSE_MAX // 2)
    while s < e and (text[s] in _BULLETS or text[s] in "-– \t"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def narrow_match(doc: Document, start: int, end: int, rx: "regex.Pattern") -> tuple[int, int]:
    """A match on the whitespace-free view can run across blocks (from a heading into the paragraph
    under it): the match found inside one block, the last such block first; the span itself when
    no single block matches."""
    first, last = doc.block_at(start), doc.block_at(max(start, end - 1))
    if first is None or last is None or first.index == last.index:
        return start, end
    for i in range(last.index, first.index - 1, -1):
        b = doc.blocks[i]
        keep = [j for j, ch in enumerate(b.text) if not ch.isspace()]
        m = rx.search("".join(b.text[j] for j in keep))
        if m is not None and m.end() > m.start():
            return b.start + keep[m.start()], b.start + keep[m.end() - 1] + 1
    return start, end


def tight_span(doc: Document, s: int, e: int, rx: "regex.Pattern") -> tuple[int, int]:
    """Within a multi-line span, the line that matches ``rx`` on its own, with the lines its sentence
    wraps onto (a match on the whitespace-free view can run from a heading into the next line); the
    span itself when no single line matches."""
    text = doc.text
    if "\n" not in text[s:e]:
        return s, e
    pos = s
    for line in text[s:e].split("\n"):
        if line.strip() and rx.search("".join(line.split())):
            ls = pos + (len(line) - len(line.lstrip()))
            le = pos + len(line)
            while le < e and text[le] == "\n" and _joins(text, le):
                nxt = text.find("\n", le + 1)
                le = e if nxt < 0 or nxt > e else nxt
            while le > ls and text[le - 1].isspace():
                le -= 1
            return ls, le
        pos += len(line) + 1
    return s, e


def row_span(doc: Document, offset: int) -> Optional[tuple[int, int]]:
    """The span of the whole table row ``offset`` stands in ("하자보수기간 | 2년"), or None outside
    tables. A row reads as one line of ``doc.text`` (cells joined by " | "), so the span is exact
    original text and can be quoted as it is."""
    b = doc.block_at(offset)
    if b is None or b.table is None:
        return None
    return doc.blocks[_row_first(doc, b.index)].start, doc.blocks[_row_last(doc, b.index)].end


def _row_first(doc: Document, i: int) -> int:
    b, blocks = doc.blocks[i], doc.blocks
    while i > 0 and blocks[i - 1].table == b.table and blocks[i - 1].row == b.row:
        i -= 1
    return i


def _row_last(doc: Document, j: int) -> int:
    b, blocks = doc.blocks[j], doc.blocks
    while j + 1 < len(blocks) and blocks[j + 1].table == b.table and blocks[j + 1].row == b.row:
        j += 1
    return j


_EMPTY_VALUE = regex.compile(r"^(?:비해당|해당없음|해당사항없음|없음|불요|미해당|-|—|–|N/?A|x|X)$")


def row_clause(doc: Document, offset: int) -> Optional[tuple[str, str, tuple[int, int]]]:
    """For a match in a table's key cell, the (key, value, span) of its row: the key cell's text, the
    text of the other cells of the row joined by spaces, and the row's span. None outside tables or
    when the row has no other cell. Callers read "하자보수기간 | 2년" as the clause "하자보수기간 2년";
    a value such as 비해당/해당없음/- is reported as an empty value ("")."""
    b = doc.block_at(offset)
    span = row_span(doc, offset)
    if b is None or span is None:
        return None
    blocks = doc.blocks
    others = [x.text for x in blocks[_row_first(doc, b.index): _row_last(doc, b.index) + 1] if x.index != b.index]
    if not others:
        return None
    value = " ".join(t for t in others if not _EMPTY_VALUE.match("".join(t.split())))
    return b.text, value, span


# -- short key/value rows on the whitespace-free view, quotes, and clause modality ----------------

_ROW_MAX_CELLS = 4
_ROW_QUOTE_MAX = 300
_CELL_SHORT = 60  # a key or value cell this short is quoted with its row


def row_cell_count(doc: Document, offset: int) -> int:
    """How many cells the table row at ``offset`` has (0 outside tables)."""
    b = doc.block_at(offset)
    if b is None or b.table is None:
        return 0
    return _row_last(doc, b.index) - _row_first(doc, b.index) + 1


def short_row_compact(doc: Document, offset: int, max_cells: int = _ROW_MAX_CELLS) -> Optional[tuple[int, int]]:
    """The whitespace-free span of the table row at ``offset`` when the row is a short key/value row
    (2..``max_cells`` cells, e.g. "하자보수기간 | 2년"); None otherwise. A clause read on the
    whitespace-free view may run across this row's cell bars, never past the row."""
    n = row_cell_count(doc, offset)
    if not 2 <= n <= max_cells:
        return None
    span = row_span(doc, offset)
    if span is None:
        return None
    return doc.compact_index(span[0]), doc.compact_index(span[1])


def compact_clause(doc: Document, cs: int, ce: int, bound_rx: "regex.Pattern", maxlen: int) -> tuple[int, int]:
    """The clause around a whitespace-free match [cs, ce): from the last ``bound_rx`` boundary before
    it to the next one after it, at most ``maxlen`` characters each way. In a short key/value table
    row the cell bars (and a bullet opening a cell) do not end the clause, so "하자보수기간 | 2년" reads
    as one clause; the row's own ends still do."""
    compact = doc.compact
    lo, hi = max(0, cs - maxlen), min(len(compact), ce + maxlen)
    row = None
    if cs < len(doc.compact_map):
        row = short_row_compact(doc, doc.compact_map[cs])
    if row is not None:
        lo, hi = max(lo, row[0]), min(hi, row[1])

    def ignored(m: "regex.Match") -> bool:
        return row is not None and (m.group() == "|" or (m.start() > 0 and compact[m.start() - 1] == "|"))

    a = lo
    for m in bound_rx.finditer(compact, lo, cs):
        if not ignored(m):
            a = m.end()
    b = hi
    for m in bound_rx.finditer(compact, ce, hi):
        if not ignored(m):
            b = m.start()
            break
    return a, b


def quote_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The span an official should read for a match: the whole row when the match stands in a short
    key/value table row ("하자보수기간 | 2년"), otherwise the clause (:func:`clause_span`), carried on
    to the end of the clause the match ends in when the match runs across blocks."""
    n = row_cell_count(doc, start)
    if 2 <= n <= _ROW_MAX_CELLS:
        span = row_span(doc, start)
        b = doc.block_at(start)
        crosses = b is not None and end > b.end
        # a match in a short cell (a key, a one-line value) or across cells reads with its row; a match
        # inside one long cell (a requirement's detail text) keeps its own clause
        if span is not None and end <= span[1] + 1 and span[1] - span[0] <= _ROW_QUOTE_MAX and (
                crosses or (b is not None and len(b.text) <= _CELL_SHORT and "\n" not in b.text.strip())):
            return span
    s, e = clause_span(doc, start, end)
    first, last = doc.block_at(start), doc.block_at(max(start, end - 1))
    if first is not None and last is not None and last.index != first.index:
        e = max(e, clause_span(doc, max(start, end - 1), end)[1])
    return s, e


# a prohibition that is itself negated ("금지하지 아니한다", "불허하지 않음", "제한하지 않는다")
_NEGATED_BAN = regex.compile(r"(?:금\s*지|불\s*허|제\s*한|배\s*제)\s*(?:하|되)\s*지\s*(?:는\s*)?(?:않|아니)")
# sub-clause openers inside one sentence: a proviso, or a comma after a connective ending
_SUBCLAUSE = regex.compile(r"다만|단\s*,|(?<=[며고나되만데서])\s*,")


def negated_ban(text: str) -> bool:
    """Whether ``text`` negates a prohibition ("재하도급은 금지하지 아니한다" allows it)."""
    return bool(_NEGATED_BAN.search(text))


def clause_modality(text: str) -> str:
    """prohibit | permit | oblige | neutral of one clause, as :func:`checks.common.modality` reads it
    (surface forms, morphology when markers conflict), except that a negated prohibition
    ("금지하지 아니한다") is a permission."""
    from .common import modality

    if not _NEGATED_BAN.search(text):
        return modality(text)
    rest = _NEGATED_BAN.sub(" ", text)
    m = modality(rest)
    return "permit" if m in ("neutral", "oblige", "permit") else m


def subclause(text: str, start: int, end: int) -> tuple[int, int]:
    """Within one sentence ``text``, the sub-clause holding [start, end): cut at "다만", "단," and at
    a comma after a connective ending ("…금지하며, …", "…할 수 있으나, …")."""
    a, b = 0, len(text)
    for m in _SUBCLAUSE.finditer(text):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def row_cells(doc: Document, offset: int) -> list:
    """The cells (blocks, in order) of the table row ``offset`` stands in; [] outside tables."""
    b = doc.block_at(offset)
    if b is None or b.table is None:
        return []
    return doc.blocks[_row_first(doc, b.index): _row_last(doc, b.index) + 1]


def wrapped_line_span(doc: Document, offset: int, max_lines: int = 3) -> tuple[int, int]:
    """The line of ``doc.text`` around ``offset`` — the whole row in a table, otherwise the physical
    line joined with up to ``max_lines`` lines before and after that only wrap the same sentence (PDF
    line breaks; never into a heading or a table). A window read around a match on the whitespace-free
    view stays inside it, so it does not reach into the next heading, list item or table row."""
    rs = row_span(doc, offset)
    if rs is not None:
        return rs
    text = doc.text

    def heading(i: int) -> bool:
        return any(s.block_index == i for s in doc.all_sections)

    def wraps(nl: int) -> bool:
        if not _joins(text, nl):
            return False
        b1, b2 = doc.block_at(max(0, nl - 1)), doc.block_at(nl + 1)
        if b1 is None or b2 is None:
            return False
        return b1.index == b2.index or not (b1.table is not None or b2.table is not None
                                            or heading(b1.index) or heading(b2.index))

    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    hi = len(text) if hi < 0 else hi
    for _ in range(max_lines):
        if lo > 0 and wraps(lo - 1):
            lo = text.rfind("\n", 0, lo - 1) + 1
        else:
            break
    for _ in range(max_lines):
        if hi < len(text) and wraps(hi):
            nxt = text.find("\n", hi + 1)
            hi = len(text) if nxt < 0 else nxt
        else:
            break
    return lo, hi
