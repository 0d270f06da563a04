"""SW15 적정 사업기간 산정: the statement or the attached 종합산정서, the self-check and law-list
traps, a 산정서 that computes a longer period, "not applied" statements, and the > 1억 gate."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw15_duration import detect

from rfpcheck.checks.context import CheckContext
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["가람시 통합 민원 플랫폼 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 계약일로부터 8개월"]


def run(detect, *lines, rows=None, head=HEAD, **given):
    """Build a small document (lines, then one table of ``rows``), read its facts (``given`` wins)
    and run ``detect``; return (finding, document)."""
    blocks = [RawBlock(t) for t in (*head, *lines)]
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, given)
    f = detect(CheckContext(doc))
    for e in f.evidence:  # every quote is an exact substring of the text at its offsets
        assert doc.text[e.start:e.end].strip() == e.quote or e.quote.endswith("…")
    return f, doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


STATEMENT = "※ 본 사업은 「소프트웨어 개발사업의 적정 사업기간 산정 기준」에 따른 사업임"


@pytest.mark.parametrize("clause", [
    STATEMENT,
    "[붙임 3] 소프트웨어 개발사업의 적정 사업기간 종합산정서",
    "【첨부 3】 소프트웨어 개발사업의 적정사업기간 위원별 산정서",
])
def test_statement_or_attachment_passes(clause):
    f, _ = run(detect, "2. 사업 개요", clause, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "적정" in quotes(f)


def test_missing_when_only_the_period_is_given():
    f, _ = run(detect, "2. 사업 개요", "○ 사업기간 : 계약일로부터 8개월", kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "종합산정서" in f.looked_for


def test_self_check_row_is_not_evidence():
    rows = [["점검 항목", "적용여부"], ["15.SW사업 적정사업기간 산정", "O"], ["16.투입인력 요구 및 관리 금지", "O"]]
    f, _ = run(detect, "[붙임] 법제도 자가점검표", rows=rows, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_law_list_item_is_not_evidence():
    f, _ = run(detect, "관련 법령", "ｏ정보시스템 구축·운영 지침(행정안전부고시)ｏ소프트웨어 개발사업의 적정 사업기간 산정 기준"
               "(과학기술정보통신부고시)ｏ용역계약일반조건(기획재정부 계약예규)", kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_shorter_period_than_the_computed_one_needs_review():
    f, _ = run(detect, "2. 사업 개요", STATEMENT, "[붙임 3] 적정 사업기간 종합산정서",
               rows=[["종합의견", "검토 결과 적정사업기간 12개월로 판단됨"]], kind="SW개발", budget="5억", duration="8개월")
    assert f.status == "review"
    assert "12개월" in f.message and "8개월" in f.message


def test_not_applied_statement_in_development_needs_review():
    f, _ = run(detect, "2. 사업 개요", "○ 본 사업은 적정 사업기간 산정 기준을 적용하지 않음", kind="SW개발", budget="5억")
    assert f.status == "review"


def test_exactly_one_hundred_million_is_not_applicable():
    f, _ = run(detect, "2. 사업 개요", "○ 사업기간 : 5개월", kind="SW개발", budget="100,000,000원")
    assert f.status == "not_applicable"


@pytest.mark.parametrize("kind", ["유지관리운영", "ISP컨설팅"])
def test_not_applicable_without_development(kind):
    f, _ = run(detect, "2. 사업 개요", STATEMENT, kind=kind, budget="5억")
    assert f.status == "not_applicable"


def test_unknown_amount_is_review_without_a_statement():
    f, _ = run(detect, "2. 사업 개요", "○ 사업기간 : 8개월", kind="SW개발")
    assert f.status == "review"
