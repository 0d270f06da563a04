"""SW12 SW기술성 평가기준 적용: the 지침 named where the evaluation applies it, 차등점수제, an
evaluation table built on the 별표1 categories, and the law-list / proposal-outline / requirement-class
traps."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw12_tech_eval import detect

from docbuild import quotes, run

NEGO = "○ 계약방법 : 협상에 의한 계약"
EVAL = "○ 평가비율 : 기술평가(90%), 가격평가(10%), 종합평가점수로 협상적격자를 선정함"
CATEGORY_ROWS = [["평가부문", "평가항목", "배점"], ["전략 및 방법론", "사업이해도", "15"], ["기술 및 기능", "기능 요구사항", "25"],
                 ["성능 및 품질", "성능 요구사항", "20"], ["프로젝트 관리", "일정계획", "10"], ["프로젝트 지원", "교육훈련", "10"]]


@pytest.mark.parametrize("clause", [
    "○ 기술능력 평가항목 및 배점은 「소프트웨어 기술성 평가기준 지침」(과학기술정보통신부 고시)을 준용함",
    "○ 기술능력평가기준 : 「소프트웨어 기술성 평가기준」 별표1 적용",
])
def test_named_in_the_evaluation_passes(clause):
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, clause, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "기술성" in quotes(f)


def test_differential_scoring_is_quoted_too():
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL,
               "○ 본 사업은 「소프트웨어 기술성 평가기준 지침」 제4조제5항에 따른 차등점수제를 적용하지 않음",
               kind="SW개발", budget="5억")
    assert f.status == "pass" and "차등점수제" in f.message


def test_evaluation_table_with_the_annex_categories_passes():
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, rows=CATEGORY_ROWS, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "별표1" in f.message


def test_annex_table_title_passes():
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, "[기술제안서 평가항목 및 배점한도](일반SW개발사업)",
               kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_law_list_only_is_missing():
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL,
               "ｏ소프트웨어사업 대가산정 가이드(한국소프트웨어산업협회)ｏ소프트웨어 기술성 평가기준(지식경제부고시)"
               "ｏ용역계약일반조건(기획재정부 계약예규)", rows=[["평가항목", "배점"], ["사업 이해도", "20"], ["수행 능력", "30"]],
               kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "법령 목록" in f.message


def test_requirement_classes_and_proposal_outline_are_not_evaluation_rows():
    f, _ = run(detect, "3. 요구사항", NEGO, EVAL, "10) 프로젝트 관리 요구사항(PMR)", "11) 프로젝트 지원 요구사항(PSR)",
               "Ⅱ. 전략 및 방법론 1. 사업이해도", "Ⅲ. 기술 및 기능 1. 기능요구사항", "Ⅳ. 성능 및 품질 1. 성능요구사항",
               kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_proposal_request_without_any_evaluation_needs_review_for_a_form_reference():
    f, _ = run(detect, "5. 제안 안내", NEGO,
               "❍ 본 사업은 기술성 평가 시 ‘하도급계획적정성’을 평가항목에 포함하는 사업으로 「소프트웨어 기술성 평가기준 지침」 "
               "별지 제4호서식 하도급 계획 적정성 확인서를 제출해야 함", kind="SW개발", budget="5억")
    assert f.status == "review"


def test_task_order_without_evaluation_is_not_applicable():
    head = ["가람시 누리집 개편 용역 과업지시서", "1. 과업 개요"]
    f, _ = run(detect, "2. 과업 내용", "○ 메뉴 개편", head=head, kind="홈페이지앱", budget="0.95억")
    assert f.status == "not_applicable"


def test_proposal_outline_table_with_page_counts_is_not_an_evaluation_table():
    rows = [["목차", "분량(쪽)", "작성 요령"], ["전략 및 방법론", "8", "추진 전략"], ["기술 및 기능", "30", "구현 방안"],
            ["성능 및 품질", "8", "품질 보증"], ["프로젝트 관리", "6", "일정 관리"], ["프로젝트 지원", "4", "교육 계획"]]
    f, _ = run(detect, "5. 제안서 작성 요령", NEGO, EVAL, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_scores_with_a_unit_count_whatever_the_header():
    rows = [["구분", "점수"]] + [[r[0], r[2] + "점"] for r in CATEGORY_ROWS[1:]]
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "pass"
    bare = [["구분", "점수"]] + [[r[0], r[2]] for r in CATEGORY_ROWS[1:]]
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, rows=bare, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_guideline_named_only_for_the_subcontract_form_is_not_evidence():
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL,
               "○ 하도급 계획의 적정성은 「소프트웨어 기술성 평가기준 지침」 별표 3에 따라 평가함",
               rows=[["평가항목", "배점"], ["사업 이해도", "20"], ["수행 능력", "30"]], kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == []


def test_guideline_as_the_object_of_a_sentence_is_not_a_law_list():
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, "○ 제안서 기술능력평가 기준은 「소프트웨어 기술성 평가기준 지침」",
               kind="SW개발", budget="5억")
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 본 사업의 기술평가는 「SW 기술성 평가기준」을 준용하지 아니하고 재단 평가규정에 따름",
    "○ 「소프트웨어 기술성 평가기준 지침」은 적용하지 않으며, 평가항목은 아래 표와 같다.",
    "○ 제안서 평가는 「소프트웨어 기술성 평가기준」에 따르지 않고 기관 내부 기준으로 한다.",
])
def test_named_but_set_aside_is_missing(clause):
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, clause, kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert "적용(준용)하지 않는다" in f.message and "기술성" in quotes(f)


@pytest.mark.parametrize("joined", [("전략·방법론", "기술·기능", "성능·품질"), ("전략, 방법론", "기술, 기능", "성능, 품질"),
                                    ("전략과 방법론", "기술과 기능", "성능과 품질")])
def test_annex_categories_joined_without_mit_pass(joined):
    rows = [["평가부문", "평가항목", "배점"], [joined[0], "사업 이해", "10"], [joined[1], "구현 방안", "35"],
            [joined[2], "품질 확보", "15"], ["프로젝트 관리", "일정 관리", "20"]]
    f, _ = run(detect, "6. 제안서 평가", NEGO, EVAL, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "pass" and "별표1" in f.message


def test_an_earlier_evaluation_recalled_in_the_history_is_not_evidence():
    f, _ = run(detect, "2. 추진 현황", "○ 1단계 구축 사업 평가 때 「SW 기술성 평가기준」과 다른 항목으로 이의가 제기되었음",
               "6. 제안서 평가", NEGO, EVAL, rows=[["평가항목", "배점"], ["사업 이해도", "20"], ["수행 능력", "70"]],
               kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert "1단계" not in quotes(f)


def test_award_by_eligibility_review_inferred_is_not_applicable():
    f, _ = run(detect, "6. 낙찰자 결정", "○ 낙찰자 결정방법: 적격심사", "○ 평가기준: 조달청 적격심사 세부기준",
               kind="SW개발", budget="4억")
    assert f.status == "not_applicable"
