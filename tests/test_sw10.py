"""SW10 협상에 의한 계약 · 경쟁적 대화: the method read next to its key (계약방법 : …) or in a
sentence, the lowest-price / 적격심사 violation for development, 수의계약 review, boilerplate traps, and
the evaluation-section gate shared with SW11/SW12."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw10_contract_method import detect, evaluation_scope

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


EVAL = "○ 제안서 평가는 기술능력평가와 가격평가를 합산한 종합평가점수로 하며, 평가항목 및 배점은 붙임과 같음"
TASK_HEAD = ["가람시 누리집 개편 용역 과업지시서", "1. 과업 개요", "가. 과업기간: 계약일로부터 5개월"]


@pytest.mark.parametrize("clause", [
    "○ 계약방법 : 제한경쟁입찰(협상에 의한 계약)",
    "○ 낙찰자 결정방법 : 협상에 의한 계약체결",
    "본 사업은 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따른 협상에 의한 계약으로 추진함",
    "○ 본 사업은 「국가를 당사자로 하는 계약에 관한 법률 시행령」 제43조의3에 따른 경쟁적 대화에 의한 계약을 적용함",
])
def test_negotiation_or_dialogue_passes(clause):
    f, _ = run(detect, "5. 제안 안내", clause, EVAL, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "계약" in quotes(f)


def test_method_in_a_table_row_passes():
    f, _ = run(detect, "5. 제안 안내", EVAL, rows=[["입찰방식", "제한경쟁입찰"], ["사업자선정방식", "협상에 의한 계약"]],
               kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "협상에 의한" in quotes(f)


def test_lowest_price_for_development_is_a_violation():
    f, _ = run(detect, "5. 제안 안내", "○ 낙찰자 결정방법 : 적격심사(최저가)", EVAL, kind="SW개발", budget="5억")
    assert f.status == "violation"
    assert "적격심사" in quotes(f)


def test_lowest_price_with_a_stated_reason_needs_review():
    f, _ = run(detect, "5. 제안 안내", "○ 낙찰자 결정방법 : 적격심사", "○ 긴급 재공고 사업으로 적격심사를 적용함", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "review"


def test_private_contract_needs_review():
    f, _ = run(detect, "5. 제안 안내", "○ 계약방법 : 수의계약", EVAL, kind="유지관리운영", budget="5억")
    assert f.status == "review"
    assert "수의계약" in f.message


def test_mixed_methods_need_review():
    f, _ = run(detect, "5. 제안 안내", "○ 계약방법 : 협상에 의한 계약", "○ 낙찰자 결정방법 : 최저가 낙찰제", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "review"


@pytest.mark.parametrize("clause", [
    "○ 적격심사대상자로 선정된 후 서류제출의 기피 등 적격심사에 응하지 아니하여 낙찰자로 결정되지 못한 경우 보증금은 귀속됨",
    "○ 시행령 제18조의 규정에 의한 2단계 경쟁 등의 입찰의 경우 규격입찰서를 먼저 제출함",
    "○ 관련 규정 : 협상에 의한 계약체결기준(기획재정부 계약예규), 조달청 협상에 의한 계약 제안서평가 세부기준",
])
def test_boilerplate_and_reference_titles_are_not_the_method(clause):
    f, _ = run(detect, "5. 제안 안내", clause, EVAL, kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "계약방법" in f.looked_for


def test_negotiation_procedure_without_a_method_line_passes_with_a_caveat():
    f, _ = run(detect, "5. 제안 안내", EVAL, "○ 기술평가점수가 배점한도의 85% 이상인 자를 협상적격자로 하여 협상순위를 정함",
               kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "협상 절차" in f.message and "협상적격자" in quotes(f)


def test_negated_lowest_price_is_not_the_method():
    f, _ = run(detect, "5. 제안 안내", "○ 사업자 선정방식 : 최저가 낙찰이 아닌 기술 중심의 평가로 선정", EVAL,
               "○ 계약방법 : 협상에 의한 계약", kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_task_order_without_evaluation_is_not_applicable():
    f, doc = run(detect, "2. 과업 내용", "○ 누리집 메뉴를 개편함", head=TASK_HEAD, kind="홈페이지앱", budget="0.95억")
    assert doc.facts.value("doc_type") == "과업지시서"
    assert f.status == "not_applicable"
    assert "평가" in f.message
    assert evaluation_scope(doc)[0] is False


def test_task_order_with_an_evaluation_part_applies():
    f, _ = run(detect, "6. 평가", EVAL, "○ 종합평가점수는 기술능력평가 점수와 가격평가 점수를 합산함",
               "○ 계약방법 : 협상에 의한 계약", head=TASK_HEAD, kind="SW개발", budget="3억")
    assert f.status == "pass"
