"""HWP 5 extraction: record and text decoding on hand-made bytes, the real corpus documents
(their labels' evidence quotes, their PDF twins, tables, notes, headings) and damaged or locked
files."""
from __future__ import annotations

import bisect
import functools
import os
import re
import shutil
import struct
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, corpus_docs, label, manifest, needs_shared
from rfpcheck.pipeline.errors import InputError
from rfpcheck.pipeline.extract import OLE_MAGIC, extract, sniff
from rfpcheck.pipeline.extract.hwp import (
    FLAG_DISTRIBUTION,
    FLAG_PASSWORD,
    MSG_PASSWORD,
    decode_para_text,
    equation_script_to_text,
    extract_hwp,
    format_number,
    iter_records,
)
from rfpcheck.pipeline.model import CAPTION, HEADING, LIST_ITEM, NOTE, PARAGRAPH, TABLE_CELL
from rfpcheck.pipeline.normalize import text_quality

# -- bytes made by hand ------------------------------------------------------------------------


def _units(*parts) -> bytes:
    """UTF-16LE from strings and raw code units (ints)."""
    out = bytearray()
    for p in parts:
        if isinstance(p, int):
            out += struct.pack("<H", p)
        else:
            out += p.encode("utf-16le")
    return bytes(out)


def _ctrl(code: int, payload: bytes = b"") -> bytes:
    """An 8-unit control: the code, six units of parameters, the code again."""
    payload = (payload + bytes(12))[:12]
    return struct.pack("<H", code) + payload + struct.pack("<H", code)


def test_eight_unit_controls_are_skipped_whole():
    # a table control whose parameter units hold ' lbt' and units that look like controls
    # (13 = paragraph end, 10 = line break): none of it may reach the text
    table = _ctrl(11, b" lbt" + struct.pack("<HHHH", 13, 10, 0x8C30, 0x0103))
    tab = _ctrl(9, struct.pack("<HH", 0xC2E0, 0x0000))  # a tab's width parameters read as '신'
    field = _ctrl(3, b"klc%") + _units("값") + _ctrl(4)
    data = _units("평가") + table + _units("항목") + tab + _units("배점", 10, "80") + field + _units(13)
    assert decode_para_text(data) == "평가항목\t배점\n80값"


def test_one_unit_controls_map_to_spaces_and_hyphens():
    data = _units("하자", 30, "보수", 31, "기간", 24, "1년", 0, 13)
    assert decode_para_text(data) == "하자 보수 기간-1년"


def test_text_with_a_surrogate_pair_keeps_control_stepping():
    data = _units("𠀀가") + _ctrl(11, b" lbt") + _units("나", 13)
    assert decode_para_text(data) == "𠀀가나"
    # half a surrogate pair is not text
    assert decode_para_text(_units("가", 0xD800, "나", 13)) == "가나"
    assert decode_para_text(_units("𠀀", 0xDC00, "나", 13)) == "𠀀나"


def test_record_headers_with_long_size_form():
    long_body = bytes(5000)
    recs = struct.pack("<I", 67 | (1 << 10) | (4 << 20)) + b"abcd"
    recs += struct.pack("<I", 71 | (2 << 10) | (0xFFF << 20)) + struct.pack("<I", len(long_body)) + long_body
    recs += struct.pack("<I", 66 | (0 << 10) | (0 << 20))
    got = [(t, lv, e - s) for t, lv, s, e in iter_records(recs)]
    assert got == [(67, 1, 4), (71, 2, 5000), (66, 0, 0)]
    with pytest.raises(ValueError):
        list(iter_records(recs + struct.pack("<I", 67 | (10 << 20)) + b"ab"))  # 10 declared, 2 there


def test_number_shapes_of_paragraph_heads():
    assert [format_number(i, 8) for i in (1, 2, 14)] == ["가", "나", "하"]
    assert format_number(3, 1) == "③" and format_number(4, 2) == "Ⅳ" and format_number(2, 5) == "b"
    assert format_number(3, 0) == "3" and format_number(15, 8) == "15"  # past 하: digits


def test_equation_script_reads_as_text():
    script = "평점=입찰가격평가`배점한도 TIMES  LEFT ( {최저입찰가격} over {해당입찰가격} RIGHT )"
    assert equation_script_to_text(script) == "평점=입찰가격평가 배점한도 × ( 최저입찰가격 / 해당입찰가격 )"


def test_random_bytes_behind_the_ole_magic_are_corrupt(tmp_path):
    p = tmp_path / "broken.hwp"
    p.write_bytes(OLE_MAGIC + os.urandom(3000))
    with pytest.raises(InputError) as e:
        extract_hwp(p)
    assert e.value.code == "corrupt"
    with pytest.raises(InputError) as e:
        extract(p)
    assert e.value.code == "corrupt"


# -- corpus helpers ----------------------------------------------------------------------------


def _hwp_paths() -> list[Path]:
    """Corpus documents whose content is HWP 5, whatever their extension says."""
    out = []
    for p in corpus_docs():
        try:
            if sniff(p) == "hwp":
                out.append(p)
        except InputError:
            pass
    return out


HWP_PATHS = {p.stem: p for p in _hwp_paths()}
HWP_IDS = sorted(HWP_PATHS) or ["none"]


def _twin_pairs() -> list[tuple[str, str]]:
    """(hwp id, pdf id) for the manifest's twin_of pairs whose one side is HWP 5."""
    if not HWP_PATHS:
        return []
    rows = {r["id"]: r for r in manifest()}
    pairs = []
    for r in rows.values():
        other = r.get("twin_of") or ""
        if other not in rows:
            continue
        for a, b in ((r["id"], other), (other, r["id"])):
            if a in HWP_PATHS and rows[b]["file"].endswith(".pdf"):
                pairs.append((a, b))
    return sorted(set(pairs))


TWINS = _twin_pairs() or [("none", "none")]
_TIMES: dict[str, float] = {}


@functools.lru_cache(maxsize=None)
def _doc(doc_id: str):
    path = HWP_PATHS.get(doc_id) or next(CORPUS.glob(f"docs/{doc_id}.*"))
    t0 = time.perf_counter()
    doc = extract(path)
    _TIMES[doc_id] = time.perf_counter() - t0
    return doc


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _quotes(doc_id: str) -> list[str]:
    lab = label(doc_id)
    out = [q for v in lab["rules"].values() for q in v.get("evidence", [])]
    out += [v for k, v in lab["facts"].items() if k.endswith("_evidence") and isinstance(v, str) and v]
    return out


def _block_trigrams(doc) -> Counter:
    """Character 3-grams of each block's whitespace-free text, never across two blocks."""
    grams: Counter = Counter()
    for b in doc.blocks:
        s = _compact(b.text)
        grams.update(s[i : i + 3] for i in range(len(s) - 2))
    return grams


def twin_similarity(a, b) -> float:
    """Dice overlap of the two documents' block-local character 3-gram multisets.

    Why this measure: the same RFP printed to PDF and saved as HWP differs in spacing (removed
    here), in line wrapping and in the order blocks come out (table cells, text boxes, columns),
    so order-sensitive diffs punish layout rather than lost text; grams are taken inside blocks
    so the joins between blocks, which differ by layout, count for nothing. What remains falls
    when text is missing on one side (a dropped table or text box) or when one side holds junk
    (a mis-stepped control). Counting is linear in the text, unlike a sequence diff.
    """
    ga, gb = _block_trigrams(a), _block_trigrams(b)
    total = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / total if total else 0.0


# -- corpus: every document, its labels, its twin ----------------------------------------------


@needs_shared
@pytest.mark.parametrize("doc_id", HWP_IDS)
def test_every_corpus_hwp_extracts(doc_id):
    doc = _doc(doc_id)
    assert doc.format == "hwp"
    assert len(doc.compact) > 5000, "an RFP holds thousands of characters"
    assert all(b.section_no is not None and b.para is not None for b in doc.blocks)
    assert any(b.kind == TABLE_CELL for b in doc.blocks)


# Control ids as the text reads them when a control is stepped over with the wrong width
# (" lbt" for a table reads "氠瑢"): the typical junk of a mis-stepped control.
_CTRL_ID_JUNK = re.compile("|".join(
    re.escape(cid[::-1].decode("utf-16le"))
    for cid in (b"tbl ", b"gso ", b"secd", b"cold", b"head", b"foot", b"fn  ", b"en  ", b"atno",
                b"nwno", b"pgnp", b"pghd", b"eqed", b"bokm", b"tcps", b"%hlk", b"%clk", b"%fmu")
))


@needs_shared
@pytest.mark.parametrize("doc_id", HWP_IDS)
def test_junk_characters_stay_below_bound(doc_id):
    # a control read with the wrong width turns its parameter units into CJK/Yi/Latin junk
    text = _doc(doc_id).text
    q = text_quality(text)
    assert q.other_share < 0.002, f"{doc_id}: {q.other} odd characters of {q.chars}"
    assert q.hanja_share < 0.01, f"{doc_id}: {q.hanja} hanja of {q.chars}"
    junk = _CTRL_ID_JUNK.findall(text)
    assert not junk and "\ufffd" not in text, f"{doc_id}: control ids read as text {junk[:5]}"


@needs_shared
@pytest.mark.parametrize("doc_id", HWP_IDS)
def test_label_evidence_quotes_are_in_the_text(doc_id):
    # quotes may run across two cells of a row; the row joiner is layout, not text
    haystack = _doc(doc_id).compact.replace("|", "")
    quotes = _quotes(doc_id)
    missing = [q for q in quotes if _compact(q).replace("|", "") not in haystack]
    assert not missing, f"{doc_id}: {len(quotes) - len(missing)}/{len(quotes)} found; missing {missing}"


@needs_shared
@pytest.mark.parametrize("hwp_id,pdf_id", TWINS)
def test_twins_agree(hwp_id, pdf_id):
    sim = twin_similarity(_doc(hwp_id), _doc(pdf_id))
    assert sim >= 0.9, f"{hwp_id} vs {pdf_id}: similarity {sim:.3f}"


# -- corpus: estimated pages against the PDF twins ---------------------------------------------

_SAMPLED_KINDS = (PARAGRAPH, HEADING, LIST_ITEM, TABLE_CELL)


def _pdf_page_finder(pdf):
    """A function from a whitespace-free key to the PDF page holding it, None unless it occurs
    exactly once in the PDF's text."""
    parts, starts, pages = [], [], []
    pos = 0
    for b in pdf.blocks:
        c = _compact(b.text)
        starts.append(pos)
        pages.append(b.page)
        parts.append(c)
        pos += len(c)
    text = "".join(parts)

    def find(key: str):
        i = text.find(key)
        if i < 0 or text.find(key, i + 1) >= 0:
            return None
        return pages[bisect.bisect_right(starts, i) - 1]

    return find


def _page_pairs(hwp_id: str, pdf_id: str) -> list[tuple]:
    """(block, PDF page) for every paragraph or cell of 30 characters or more whose first 30
    characters occur once in the twin; skips twins printed two pages to a sheet."""
    doc, pdf = _doc(hwp_id), _doc(pdf_id)
    if doc.pages and pdf.pages and pdf.pages * 1.5 < doc.pages:
        pytest.skip(f"{pdf_id} is printed {doc.pages} pages on {pdf.pages} sheets")
    find = _pdf_page_finder(pdf)
    out = []
    for b in doc.blocks:
        c = _compact(b.text)
        if b.kind in _SAMPLED_KINDS and len(c) >= 30:
            page = find(c[:30])
            if page is not None:
                out.append((b, page))
    return out


@needs_shared
@pytest.mark.parametrize("hwp_id,pdf_id", TWINS)
def test_estimated_pages_agree_with_the_pdf_twin(hwp_id, pdf_id):
    # the estimate follows the layout Hangul stored on the machine that saved the file; the
    # twin may have been printed from another layout, so a page off is allowed, rarely more
    pairs = _page_pairs(hwp_id, pdf_id)
    assert len(pairs) >= 50
    exact = sum(b.page == p for b, p in pairs) / len(pairs)
    near = sum(abs(b.page - p) <= 1 for b, p in pairs) / len(pairs)
    assert near >= 0.95 and exact >= 0.5, f"{hwp_id}: exact {exact:.0%}, within a page {near:.0%}"
    doc, pdf = _doc(hwp_id), _doc(pdf_id)
    assert abs(doc.pages - pdf.pages) <= 2
    assert all(b.page_estimated for b, _ in pairs)


@needs_shared
def test_estimated_pages_are_mostly_exact_over_all_twins():
    exact = total = 0
    for hwp_id, pdf_id in TWINS:
        if hwp_id not in HWP_PATHS:
            continue
        try:
            pairs = _page_pairs(hwp_id, pdf_id)
        except pytest.skip.Exception:
            continue
        exact += sum(b.page == p for b, p in pairs)
        total += len(pairs)
    if not total:
        pytest.skip("no twins to compare")
    assert exact / total >= 0.8, f"{exact}/{total} on the PDF's page"


@needs_shared
def test_a_heading_after_many_split_tables_lands_on_its_printed_page():
    # d022's project management requirements come after some thirty pages of requirement tables
    # that run over pages; the PDF twin prints the heading on its page 31
    doc = _need("d022")
    head = next(b for b in doc.blocks if _compact(b.text).startswith("□프로젝트관리요구사항"))
    find = _pdf_page_finder(_doc("d023"))
    printed = find(_compact(head.text)[:20])
    assert printed == 31 and abs(head.page - printed) <= 1
    assert head.location_label() == f"약 {head.page}쪽 (1번째 구역, 문단 {head.para + 1})"
    # pages of body blocks go forward (a floating table that waits for the next page may come
    # before text still on the page before)
    pages = [b.page for b in doc.blocks if b.depth == 0]
    assert sum(b < a for a, b in zip(pages, pages[1:])) <= 2 and pages[-1] == doc.pages


# -- corpus: structure -------------------------------------------------------------------------


def _need(doc_id: str):
    if doc_id not in HWP_PATHS:
        pytest.skip(f"{doc_id} is not in this corpus")
    return _doc(doc_id)


@needs_shared
def test_evaluation_table_reads_row_by_row():
    doc = _need("d009")
    header = [b for b in doc.blocks if b.kind == TABLE_CELL and _compact(b.text) == "평가항목"]
    assert header
    cell = header[0]
    row = [b for b in doc.blocks if b.table == cell.table and b.row == cell.row]
    names = [_compact(b.text) for b in row]
    assert names == ["평가부문", "평가항목", "평가요소", "배점"]
    assert [b.col for b in row] == sorted(b.col for b in row) and len({b.col for b in row}) == 4
    # the row reads as one line, and the next row holds the first item with its points
    assert "평가부문 | 평가항목 | 평가요소 | 배점" in doc.text
    nxt = {b.col: _compact(b.text) for b in doc.blocks if b.table == cell.table and b.row == cell.row + 1}
    assert nxt[row[1].col] == "경영상태" and nxt[row[3].col] == "20"
    # every table's cells come out in row-major order
    by_table: dict[int, list] = {}
    for b in doc.blocks:
        if b.kind == TABLE_CELL:
            by_table.setdefault(b.table, []).append((b.row, b.col))
    assert all(cells == sorted(cells) for cells in by_table.values())


@needs_shared
def test_nested_tables_text_boxes_and_footnotes_keep_their_text():
    doc = _need("d001")
    # a table inside a cell ("목 차" heads the table of contents, nested in the cover table)
    toc = [b for b in doc.blocks if b.kind == TABLE_CELL and _compact(b.text) == "목차"]
    assert toc and toc[0].depth == 1
    # text boxes (drawing objects) under the project overview
    notes = [b.text for b in doc.blocks if b.kind == NOTE]
    assert any("과업심의위원회 개최를 요청" in n for n in notes)
    doc = _need("d007")
    # a footnote follows the paragraph that anchors it
    i = next(i for i, b in enumerate(doc.blocks) if b.kind == NOTE and "고객만족도 조사 업무" in b.text)
    assert doc.blocks[i - 1].para == doc.blocks[i].para


@needs_shared
def test_headings_and_automatic_numbers():
    doc = _need("d031")
    heads = [(b.level, b.text) for b in doc.blocks if b.kind == HEADING]
    assert heads[:4] == [(0, "1. 사업개요"), (0, "2. 추진배경 및 필요성"), (0, "3. 사업범위"), (0, "4. 기대효과")]
    assert all(b.style == "개요 1" for b in doc.blocks if b.kind == HEADING)
    doc = _need("d046")
    items = [b.text for b in doc.blocks if b.kind == LIST_ITEM]
    assert items[0] == "1. 추진배경" and items[1].startswith("❍ 2023 평택시 강소형 스마트시티")
    assert "2. 사업개요" in items and "3. 입찰 자격 요건" in items


@needs_shared
def test_equations_and_captions_are_read():
    doc = _need("d009")
    assert "평점=입찰가격평가배점한도 × ( 최저입찰가격 / 해당입찰가격 )" in doc.text
    doc = _need("d050")
    caps = [b for b in doc.blocks if b.kind == CAPTION]
    assert any("기술평가 평가항목 및 평가기준, 배점" in b.text for b in caps)


@needs_shared
def test_hancom_private_glyphs_are_mapped():
    doc = _need("d032")
    assert "한글2002" in doc.compact
    assert not re.search("[\ue000-\uf8ff]", doc.text)


# -- damaged and locked files ------------------------------------------------------------------


def _small_hwp() -> Path:
    if not HWP_PATHS:
        pytest.skip("no corpus HWP to start from")
    return min(HWP_PATHS.values(), key=lambda p: p.stat().st_size)


def _with_flags(src: Path, dst: Path, set_bits: int) -> Path:
    import olefile

    shutil.copy(src, dst)
    with olefile.OleFileIO(str(dst), write_mode=True) as ole:
        head = bytearray(ole.openstream("FileHeader").read())
        flags = struct.unpack_from("<I", head, 36)[0] | set_bits
        struct.pack_into("<I", head, 36, flags)
        ole.write_stream("FileHeader", bytes(head))
    return dst


@needs_shared
def test_password_flag_is_reported_as_encrypted(tmp_path):
    p = _with_flags(_small_hwp(), tmp_path / "locked.hwp", FLAG_PASSWORD)
    for fn in (extract_hwp, extract):
        with pytest.raises(InputError) as e:
            fn(p)
        assert e.value.code == "encrypted" and e.value.reason == MSG_PASSWORD


@needs_shared
def test_distribution_flag_is_reported_as_encrypted(tmp_path):
    p = _with_flags(_small_hwp(), tmp_path / "dist.hwp", FLAG_DISTRIBUTION)
    with pytest.raises(InputError) as e:
        extract(p)
    assert e.value.code == "encrypted" and "배포용" in e.value.reason


@needs_shared
@pytest.mark.parametrize("keep", [0.05, 0.5, 0.9])
def test_truncated_hwp_is_corrupt_not_a_crash(tmp_path, keep):
    src = _small_hwp().read_bytes()
    p = tmp_path / "cut.hwp"
    p.write_bytes(src[: int(len(src) * keep)])
    with pytest.raises(InputError) as e:
        extract_hwp(p)
    assert e.value.code == "corrupt"


@needs_shared
@pytest.mark.parametrize("how", ["noise", "cut"])
def test_damaged_body_stream_is_corrupt(tmp_path, how):
    import olefile

    p = tmp_path / "damaged.hwp"
    shutil.copy(_small_hwp(), p)
    with olefile.OleFileIO(str(p), write_mode=True) as ole:
        body = ole.openstream("BodyText/Section0").read()
        if how == "noise":
            bad = bytes((b * 7 + 13) & 0xFF for b in body)
        else:  # the deflate stream ends early: zero bytes in place of its second half
            bad = body[: len(body) // 2] + bytes(len(body) - len(body) // 2)
        ole.write_stream("BodyText/Section0", bad)
    with pytest.raises(InputError) as e:
        extract_hwp(p)
    assert e.value.code == "corrupt"
