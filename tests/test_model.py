"""The Document model: offsets, the whitespace-free matching view and text clean-up."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import HEADING, PARAGRAPH, TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.normalize import clean_text, looks_garbled, text_quality


def _doc(blocks):
    return build_document("mem.txt", "txt", blocks, sha256="0" * 64)


def test_blocks_offsets_point_into_text():
    doc = _doc([
        RawBlock("Ⅵ. 계약 조건", HEADING, page=30),
        RawBlock("하자보수 기간은\n검수 완료 후 2 년으로 한다.", PARAGRAPH, page=31),
        RawBlock("평가항목", TABLE_CELL, page=31, table=0, row=0, col=0),
        RawBlock("배점", TABLE_CELL, page=31, table=0, row=0, col=1),
        RawBlock("기술능력", TABLE_CELL, page=31, table=0, row=1, col=0),
        RawBlock("80", TABLE_CELL, page=31, table=0, row=1, col=1),
    ])
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
    # a table row reads as one line, cells separated
    assert "평가항목 | 배점\n기술능력 | 80" in doc.text


def test_compact_view_maps_back_to_exact_original_span():
    doc = _doc([RawBlock("하 도 급 비율은 50 %를\n초과할 수 없다. 하자보수 기간은 2 년", PARAGRAPH, page=3)])
    m = regex.search(r"하도급비율[^.]{0,30}?(\d+)%[^.]{0,6}?초과", doc.compact)
    assert m
    s, e = doc.span_from_compact(m.start(), m.end())
    assert doc.text[s:e] == "하 도 급 비율은 50 %를\n초과"
    m2 = regex.search(r"기간은(\d+)년", doc.compact)
    s, e = doc.span_from_compact(*m2.span())
    assert doc.text[s:e] == "기간은 2 년"
    ev = doc.evidence(s, e)
    assert ev.page == 3 and ev.quote == "기간은 2 년"


def test_clean_text_strips_invisibles_and_controls():
    raw = "사업\ufffe개요\u200b\u00ad 및\u00a0범위\x07\t\t예산\r\n다음"
    assert clean_text(raw) == "사업개요 및 범위 예산\n다음"


def test_clean_text_maps_symbol_bullets_and_drops_unknown_private_use():
    assert clean_text("\uf0b7 항목\ue123") == "• 항목"
    assert clean_text("\uf53a글 2010") == "한글 2010"  # Hancom glyph for 한


def test_text_quality_separates_korean_from_garbage():
    korean = "하자보수 기간은 검수 완료 후 1년으로 한다. 「소프트웨어 진흥법」 제60조를 따른다. " * 10
    assert not looks_garbled(korean)
    # fonts without a Unicode map decode to Yi syllables, Latin Extended-E and the like
    garbage = "꭯땚 듶랖꫊꿮 ꃖ꺗 꼎ꭖ쏚쐿 ꩞쐎 ꡾ꅎꡛ 꿮ꖟ " * 20
    assert text_quality(garbage).other_share > 0.2
    assert looks_garbled(garbage)


def test_sentence_span_stays_inside_its_block():
    doc = _doc([
        RawBlock("첫 문장이다. 재하도급은 금지한다. 마지막 문장.", PARAGRAPH),
        RawBlock("다음 블록", PARAGRAPH),
    ])
    i = doc.text.index("재하도급")
    s, e = doc.sentence_span(i, i + 4)
    assert doc.text[s:e].strip() == "재하도급은 금지한다."


def test_sentence_span_runs_to_the_end_of_the_block_the_match_ends_in():
    doc = _doc([
        RawBlock("계약방법", TABLE_CELL, table=0, row=0, col=0),
        RawBlock("제한경쟁입찰(적격심사) 후 협상", TABLE_CELL, table=0, row=0, col=1),
    ])
    i = doc.text.index("계약방법")
    j = doc.text.index("(적격심사") + 5
    s, e = doc.sentence_span(i, j)
    assert doc.text[s:e] == "계약방법 | 제한경쟁입찰(적격심사) 후 협상"


def test_sentence_span_does_not_stop_at_a_dot_inside_a_word():
    doc = _doc([RawBlock("정보는 SW사업정보 저장소(www.spir.kr)에 제출하여야 한다. 다음 문장.", PARAGRAPH)])
    i = doc.text.index("에 제출")
    s, e = doc.sentence_span(i, i + 4)
    assert doc.text[s:e] == "정보는 SW사업정보 저장소(www.spir.kr)에 제출하여야 한다."
