"""SW02 상용SW 직접구매 · BMT: a 직접구매 plan (and one that excludes every item), commercial SW
bought inside the contract (named licence/package → 누락, GS-certified → 위반), "none" statements, the
3억 gate (plan amounts count; unknown amount → 검토필요) and the 하도급-form / self-check / negation traps."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw02_commercial_sw import detect

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


PLAN = "[붙임 2] 직접구매 대상 상용소프트웨어 구매계획"
LICENCE = ["ECR-001 챗봇 엔진 라이선스 구매", "○ 라이선스 수량 : 50 user, 영구 라이선스로 납품"]


def test_plan_passes():
    f, _ = run(detect, "2. 사업 개요", "○ 본 사업에 필요한 상용SW는 분리발주를 통하여 발주기관이 직접 구매함", PLAN,
               rows=[["상용소프트웨어 품목", "수량", "직접구매 여부", "제외사유"], ["백업 SW", "1식", "직접구매[O] 제외[ ]", ""]],
               kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "구매계획" in quotes(f) or "분리발주" in quotes(f)


def test_plan_counts_even_under_three_hundred_million():
    f, _ = run(detect, "2. 사업 개요", "* SW직접구매 : 103,400,000원 (별도, 나라장터 직접구매)", kind="SW개발", budget="2.3억")
    assert f.status == "pass"
    assert "총사업규모" in f.applies


def test_plan_that_excludes_every_item_needs_review():
    rows = [["상용소프트웨어 품목", "수량", "직접구매 여부", "제외사유"],
            ["DRM 연계 SW", "1", "직접구매( ) 제외(✓)", "통합 발주 필요"],
            ["검색엔진", "1", "직접구매( ) 제외(✓)", "통합 발주 필요"]]
    f, _ = run(detect, "[첨부 4]", PLAN, rows=rows, kind="SW개발", budget="30억")
    assert f.status == "review"
    assert "제외" in f.message


def test_named_licence_bought_inside_the_contract_is_missing():
    f, _ = run(detect, "3. 시스템 장비 구성 요구사항", *LICENCE, kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert "라이선스" in quotes(f)
    assert "구매계획" in f.looked_for


def test_certified_package_inside_the_contract_is_a_violation():
    f, _ = run(detect, "3. 시스템 장비 구성 요구사항", "o 그룹웨어 상용 패키지 S/W 도입", "- 사용자 라이선스 수량 : 500명",
               "- GS인증 제품으로 공급할 것", kind="SW개발", budget="5.2억")
    assert f.status == "violation"
    assert "상용 패키지" in quotes(f)


def test_statement_that_nothing_is_bought_is_not_applicable():
    f, _ = run(detect, "2. 사업 개요", "○ 본 사업에는 직접구매 대상 상용SW가 없으며, 사업 수행을 위하여 상용SW를 구매하지 않음",
               kind="SW개발", budget="5억")
    assert f.status == "not_applicable"
    assert f.evidence and "직접구매" in quotes(f)


def test_none_statement_with_commercial_hints_needs_review():
    f, _ = run(detect, "2. 사업 개요", "◦ 분리발주에 관한 사항 : 상용SW 직접구매 없음",
               "❍ 언어모델 적용 시 라이선스 조건과 비용 구조를 제시함", "❍ 상용 LLM API 사용 시 토큰 비용 절감 방안 제시",
               "❍ 라이선스 갱신 절차 제시", kind="SW개발", budget="5억")
    assert f.status == "review"


@pytest.mark.parametrize("budget", ["2.9억", "290,000,000원"])
def test_under_three_hundred_million_is_not_applicable(budget):
    f, _ = run(detect, "3. 요구사항", *LICENCE, kind="SW개발", budget=budget)
    assert f.status == "not_applicable"


def test_unknown_amount_needs_review():
    f, doc = run(detect, "3. 요구사항", *LICENCE, kind="SW개발")
    assert not doc.facts.get_fact("budget_krw").known
    assert f.status == "review" and "사업금액" in f.message


def test_licence_named_only_in_the_proposal_guide_is_not_a_purchase():
    f, _ = run(detect, "2. 제안서 작성 요령", "○ 제안하는 솔루션의 라이선스 구매 조건과 라이선스 수량 : 50 user 기준 단가를 제시",
               kind="SW개발", budget="5억", buys_commercial_sw="no")
    assert f.status == "not_applicable"


def test_consulting_is_not_applicable():
    f, _ = run(detect, "3. 과업 내용", "○ 목표 시스템 구성과 상용 솔루션 후보를 검토함", kind="ISP컨설팅", budget="4억")
    assert f.status == "not_applicable"


@pytest.mark.parametrize("clause", [
    "○ 하도급계획서에는 입찰자가 직접 구매하려는 물품(하드웨어, 상용소프트웨어, 설비 등)에 대한 구매금액을 적음",
    "2. 상용SW 직접구매 및 SW품질성능평가시험(BMT) | O",
    "○ 분리발주된 SW 공급자와의 협력방안을 기술하여야 함",
])
def test_forms_checklists_and_proposal_items_are_not_a_plan(clause):
    f, _ = run(detect, "3. 시스템 장비 구성 요구사항", *LICENCE, "5. 제안 안내", clause, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_funding_table_wording_is_not_a_purchase():
    f, _ = run(detect, "3. 요구사항", "- SW개발 및 재개발사업 : 발주금액 기준 1억원 이상(HW, 상용SW구매 비용 등을 포함한 통합발주 금액 기준)",
               kind="SW개발", budget="5억", buys_commercial_sw="no")
    assert f.status == "not_applicable"
