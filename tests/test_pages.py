"""Estimated pages: the location label of estimated pages, and the page estimate from the stored
line layout (layout.py, shared by the HWP 5 and HWPX readers) on HWP 5 record streams built by
hand. The estimate on real files, against their PDF twins, and on hand-built HWPX packages is
tested in test_extract_hwp.py and test_extract_hwpx.py."""
from __future__ import annotations

import struct

from rfpcheck.pipeline.extract.hwp import (
    TAG_CTRL_HEADER,
    TAG_LIST_HEADER,
    TAG_PAGE_DEF,
    TAG_PARA_HEADER,
    TAG_PARA_LINE_SEG,
    TAG_PARA_TEXT,
    TAG_TABLE,
    BodyWalker,
    DocInfo,
    _set_pages,
)
from rfpcheck.pipeline.model import PARAGRAPH, TABLE_CELL, Block, RawBlock, build_document

# -- the label ---------------------------------------------------------------------------------


def _block(**kw) -> Block:
    return Block(index=0, text="x", kind=PARAGRAPH, start=0, end=1, **kw)


def test_estimated_page_reads_about_with_section_and_paragraph():
    b = _block(page=15, section_no=0, para=228, page_estimated=True)
    assert b.location_label() == "약 15쪽 (1번째 구역, 문단 229)"


def test_estimated_page_of_a_table_cell_keeps_the_cell():
    b = _block(page=7, section_no=1, para=40, table=2, row=1, col=0, page_estimated=True)
    assert b.location_label() == "약 7쪽 (2번째 구역, 문단 41), 표 3 (2행 1열)"


def test_printed_page_stays_plain_and_no_page_keeps_section_and_paragraph():
    assert _block(page=15).location_label() == "15쪽"
    assert _block(section_no=0, para=228).location_label() == "1번째 구역, 문단 229"
    # an estimate flag without a page changes nothing
    assert _block(section_no=0, para=3, page_estimated=True).location_label() == "1번째 구역, 문단 4"


def test_build_document_carries_the_flag_only_with_a_page():
    doc = build_document("x.hwp", "hwp", [
        RawBlock("가", page=3, section_no=0, para=0, page_estimated=True),
        RawBlock("나", page=None, section_no=0, para=1, page_estimated=True),
        RawBlock("다", page=4),
    ])
    assert [b.page_estimated for b in doc.blocks] == [True, False, False]
    assert doc.blocks[0].location_label() == "약 3쪽 (1번째 구역, 문단 1)"
    assert doc.blocks[2].location_label() == "4쪽"


# -- HWP 5 records built by hand -----------------------------------------------------------------

# A4 portrait with margins top 5669, bottom 4251, header and footer 2134 each: a 70000 body
PAGE_DEF = struct.pack("<9iI", 59528, 84188, 5669, 5669, 5669, 4251, 2134, 2134, 0, 0) + bytes(4)
TABLE_CHAR = b"\x0b\x00" + b" lbt" + bytes(8) + b"\x0b\x00"  # the 8 code units of a table


def _rec(tag: int, level: int, body: bytes) -> bytes:
    assert len(body) < 0xFFF
    return struct.pack("<I", tag | (level << 10) | (len(body) << 20)) + body


def _lines(level: int, lines: list[tuple[int, int]], width: int = 42000) -> bytes:
    """A PARA_LINE_SEG record: per line (position, height); text starts 10 apart."""
    return _rec(TAG_PARA_LINE_SEG, level, b"".join(
        struct.pack("<IiiiiiiiI", i * 10, v, h, h, h * 85 // 100, h // 2, 0, width, 0x60000)
        for i, (v, h) in enumerate(lines)
    ))


def _para(level: int, text: str, lines: list[tuple[int, int]], brk: int = 0, width: int = 42000,
          raw: bytes = b"") -> bytes:
    """A paragraph: header (``brk``: 1 section, 4 page break), text (``raw`` units first), lines."""
    units = raw + text.encode("utf-16le") + b"\x0d\x00"
    head = struct.pack("<IIHBB", len(units) // 2, 0, 0, 0, brk) + bytes(12)
    return _rec(TAG_PARA_HEADER, level, head) + _rec(TAG_PARA_TEXT, level + 1, units) + _lines(level + 1, lines, width)


def _page_def() -> bytes:
    """The section definition control ('secd', stored reversed) with its page definition."""
    return _rec(TAG_CTRL_HEADER, 1, b"dces" + bytes(32)) + _rec(TAG_PAGE_DEF, 2, PAGE_DEF)


def _table(rows: list[tuple[int, list[list[tuple[int, int]]]]], char: bool, height: int, split: int = 2,
           wrap: int = 1) -> bytes:
    """A table control of a top-level paragraph (positioned from the paragraph; ``wrap`` 1 top
    and bottom, 3 in front of text): per row the stored height of its one cell and the lines of
    the cell's paragraphs. ``split``: 2 may split inside cells, 1 only between rows."""
    attr = (1 if char else 0) | (2 << 3) | (wrap << 21)
    ctrl = b" lbt" + struct.pack("<IiiII", attr, 0, 0, 40000, height) + struct.pack("<i4h", 0, 0, 0, 0, 0)
    out = _rec(TAG_CTRL_HEADER, 1, ctrl + bytes(4))
    out += _rec(TAG_TABLE, 2, struct.pack("<IHH", split, len(rows), 1) + bytes(10))
    for r, (row_height, paras) in enumerate(rows):
        cell = struct.pack("<HHIHHHHII4HH", len(paras), 0, 0, 0, r, 1, 1, 40000, row_height,
                           141, 141, 141, 141, 1)
        out += _rec(TAG_LIST_HEADER, 2, cell + bytes(13))
        for lines in paras:
            out += _para(2, f"셀 {r}", lines)
    return out


def _estimate(*sections: bytes):
    walker = BodyWalker(DocInfo())
    for no, data in enumerate(sections):
        walker.walk(no, memoryview(data))
    pages = _set_pages(walker)
    return walker.blocks, pages


def _pages_of(blocks) -> dict[str, int]:
    return {b.text: b.page for b in blocks}


def test_falling_line_position_and_page_break_start_new_pages():
    data = _para(0, "첫 문단", [(0, 1000)]) + _page_def()
    data += _para(0, "같은 쪽", [(30000, 1000), (31600, 1000)])
    data += _para(0, "다음 쪽", [(0, 1000)])  # the position falls back: a new page
    data += _para(0, "긴 문단", [(68000, 1000), (0, 1000)])  # its second line opens page 3
    data += _para(0, "셋째 쪽", [(1600, 1000)])
    data += _para(0, "쪽 나누기", [(0, 1000)], brk=0x04)
    blocks, pages = _estimate(data)
    assert _pages_of(blocks) == {"첫 문단": 1, "같은 쪽": 1, "다음 쪽": 2, "긴 문단": 2, "셋째 쪽": 3,
                                 "쪽 나누기": 4}
    assert pages == 4
    assert all(b.page_estimated for b in blocks)


def test_a_new_section_starts_a_new_page():
    blocks, pages = _estimate(_para(0, "첫 구역", [(0, 1000)]), _para(0, "둘째 구역", [(0, 1000)], brk=0x03))
    assert _pages_of(blocks) == {"첫 구역": 1, "둘째 구역": 2} and pages == 2


def test_rows_of_a_table_split_over_pages_take_their_pages():
    # a floating table at a zero-width line at 20000 of a 70000 body; its middle row's cell
    # has lines that restart at the top: that row runs onto page 2, and so does the last row
    rows = [
        (30000, [[(0, 1000)]]),
        (30000, [[(0, 1000), (12000, 1000)], [(0, 1000)]]),
        (30000, [[(0, 1000)]]),
    ]
    data = _para(0, "표 앞", [(18000, 1000)]) + _page_def()
    data += _para(0, "", [(20000, 1000)], width=0, raw=TABLE_CHAR) + _table(rows, char=False, height=50000)
    data += _para(0, "표 뒤", [(45000, 1000)])
    blocks, pages = _estimate(data)
    assert [b.page for b in blocks if b.kind == TABLE_CELL] == [1, 1, 2]
    assert _pages_of(blocks)["표 뒤"] == 2 and pages == 2
    # without a restart inside the cell the stored layout did not split the middle row. In a
    # table split only between rows it does not fit under the first one and moves to page 2
    # whole, the last row follows it
    rows[1] = (30000, [[(0, 1000)]])
    data = _para(0, "표 앞", [(18000, 1000)]) + _page_def()
    data += _para(0, "", [(20000, 1000)], width=0, raw=TABLE_CHAR) + _table(rows, False, 50000, split=1)
    data += _para(0, "표 뒤", [(61000, 1000)])
    blocks, pages = _estimate(data)
    assert [b.page for b in blocks if b.kind == TABLE_CELL] == [1, 2, 2]
    assert _pages_of(blocks)["표 뒤"] == 2 and pages == 2
    # in one that may split inside cells the row's one line fits: it stays, only its blank
    # height runs onto page 2, where the last row follows
    data = _para(0, "표 앞", [(18000, 1000)]) + _page_def()
    data += _para(0, "", [(20000, 1000)], width=0, raw=TABLE_CHAR) + _table(rows, False, 50000, split=2)
    data += _para(0, "표 뒤", [(61000, 1000)])
    blocks, pages = _estimate(data)
    assert [b.page for b in blocks if b.kind == TABLE_CELL] == [1, 1, 2]
    assert _pages_of(blocks)["표 뒤"] == 2 and pages == 2


def test_a_table_in_front_of_text_runs_over_and_a_page_break_goes_past_it():
    rows = [(40000, [[(0, 1000)]]), (40000, [[(0, 1000)]])]
    data = _para(0, "표 앞", [(0, 1000)]) + _page_def()
    data += _para(0, "", [(10000, 1000)], raw=TABLE_CHAR) + _table(rows, False, 40000, split=1, wrap=3)
    data += _para(0, "표 밑 글", [(12000, 1000)])  # the text goes on under the table
    data += _para(0, "쪽 나누기", [(0, 1000)], brk=0x04)  # page 2 holds the table's last row
    blocks, pages = _estimate(data)
    assert [b.page for b in blocks if b.kind == TABLE_CELL] == [1, 2]
    assert _pages_of(blocks)["표 밑 글"] == 1 and _pages_of(blocks)["쪽 나누기"] == 3 and pages == 3


def test_a_table_in_a_line_that_fits_stays_on_its_page():
    rows = [(10000, [[(0, 1000)]]), (10000, [[(0, 1000)]])]
    data = _para(0, "표 앞", [(0, 1000)]) + _page_def()
    data += _para(0, "", [(1600, 20300)], raw=TABLE_CHAR) + _table(rows, char=True, height=20000)
    data += _para(0, "표 뒤", [(22500, 1000)])
    blocks, pages = _estimate(data)
    assert {b.page for b in blocks} == {1} and pages == 1


def test_without_stored_lines_there_are_no_pages():
    units = "줄 배치 없음".encode("utf-16le") + b"\x0d\x00"
    data = _rec(TAG_PARA_HEADER, 0, struct.pack("<IIHBB", len(units) // 2, 0, 0, 0, 0) + bytes(12))
    data += _rec(TAG_PARA_TEXT, 1, units)
    blocks, pages = _estimate(data)
    assert pages is None and all(b.page is None and not b.page_estimated for b in blocks)
