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
