"""Shared detector helpers: lexicon validation, term matching, section context, gates."""
from __future__ import annotations

import pytest

from rfpcheck.checks.common import (
    LexiconError,
    budget_gate,
    parse_lexicon,
    row_text,
    section_kind,
    table_header,
)
from rfpcheck.pipeline.model import HEADING, PARAGRAPH, TABLE_CELL, Fact, Facts, RawBlock, build_document
from rfpcheck.pipeline.segment import segment


def test_lexicon_schema_rejects_spaces_in_patterns_and_bad_regexes():
    ok = parse_lexicon({"rule": "SW08", "description": "x", "patterns": {"period": [r"하자보수기간"]}}, "t.yaml")
    assert ok.rx("period").search("하자보수기간은")
    with pytest.raises(LexiconError, match="t.yaml: patterns/period"):
        parse_lexicon({"rule": "SW08", "description": "x", "patterns": {"period": ["하자 보수"]}}, "t.yaml")
    with pytest.raises(LexiconError, match="unterminated|missing"):
        parse_lexicon({"rule": "SW08", "description": "x", "patterns": {"p": ["(하자"]}}, "t.yaml")
    with pytest.raises(LexiconError):
        parse_lexicon({"rule": "SW08", "description": "x", "extra": 1}, "t.yaml")


def test_terms_match_any_spacing_but_not_inside_longer_words():
    lex = parse_lexicon({"rule": "SW09", "description": "x", "terms": {"db": ["Oracle", "MS-SQL", "Tibero 7"]}}, "t.yaml")
    rx = lex.terms_rx("db")
    assert rx.search("DBMS는 oracle 19c 이상").group(0) == "oracle"
    assert rx.search("Tibero7 또는").group(0) == "Tibero7"
    assert rx.search("Tibero\n7").group(0) == "Tibero\n7"
    assert rx.search("OracleLinux") is None


def _doc():
    doc = build_document("m.txt", "txt", [
        RawBlock("Ⅱ. 현황", HEADING, level=0),
        RawBlock("현행 시스템의 DBMS는 Oracle 11g이다.", PARAGRAPH),
        RawBlock("Ⅲ. 제안요청 내용", HEADING, level=0),
        RawBlock("1. 기능 요구사항", HEADING, level=1),
        RawBlock("DBMS는 Oracle 19c 이상으로 구축한다.", PARAGRAPH),
        RawBlock("Ⅴ. 제안서 평가", HEADING, level=0),
        RawBlock("구분", TABLE_CELL, table=0, row=0, col=0),
        RawBlock("배점", TABLE_CELL, table=0, row=0, col=1),
        RawBlock("기술능력평가", TABLE_CELL, table=0, row=1, col=0),
        RawBlock("90", TABLE_CELL, table=0, row=1, col=1),
        RawBlock("Ⅵ. 계약 조건", HEADING, level=0),
        RawBlock("하자보수 기간은 1년으로 한다.", PARAGRAPH),
    ], sha256="0" * 64)
    segment(doc)
    return doc


def test_section_kind_reads_the_heading_path():
    doc = _doc()
    at = lambda s: section_kind(doc, doc.text.index(s))  # noqa: E731
    assert at("Oracle 11g") == "current"
    assert at("Oracle 19c") == "requirement"
    assert at("기술능력평가") == "evaluation"
    assert at("하자보수") == "contract"


def test_table_header_and_row():
    doc = _doc()
    i = doc.text.index("90")
    assert table_header(doc, i) == "구분 | 배점"
    assert row_text(doc, i) == "기술능력평가 | 90"


def test_budget_gate_says_why_and_defers_when_unknown():
    doc = _doc()
    doc.facts = Facts()
    ok, why = budget_gate(doc, 300_000_000)
    assert ok is None and "확인하지 못해" in why
    doc.facts["budget_krw"] = Fact("budget_krw", 420_000_000, "inferred", 0.9)
    ok, why = budget_gate(doc, 300_000_000)
    assert ok is True and "4.2억원" in why and "≥ 3억원" in why
    ok, _ = budget_gate(doc, 2_000_000_000)
    assert ok is False
