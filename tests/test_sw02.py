"""SW02 상용SW 직접구매 · BMT: a 직접구매 plan (and one that excludes every item), commercial SW
bought inside the contract (named licence/package → 누락, GS-certified → 위반), "none" statements, the
3억 gate (plan amounts count; unknown amount → 검토필요) and the 하도급-form / self-check / negation traps."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw02_commercial_sw import detect

from rfpcheck.checks.context import CheckContext

from docbuild import quotes, run

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


# -- purchases phrased with particles, quantities and subjects ---------------------------------------


@pytest.mark.parametrize("clause", [
    "○ 문서 변환 서버용 라이선스를 구매하여 설치하여야 함",
    "○ 백업 관리 소프트웨어 라이선스 4 core를 도입하여 이중화 환경을 구성함",
    "○ 음성인식 엔진 라이선스(동시 채널 20개)를 제공하여야 한다",
    "○ 상용 DBMS(동등 이상) 2식을 구매하여 이중화할 것",
    "○ 시스템 구성에 필요한 WEB·WAS 등 상용 소프트웨어 일체는 계약상대자가 공급한다.",
    "○ 회계 업무 상용 패키지(ERP)를 도입하고 기관 업무에 맞게 설정하여야 함",
    "○ 전자서명 검증 솔루션을 구매하여 포털에 연계하여야 함",
    "○ 계약상대자는 서버 백신 S/W 40카피를 납품하여야 함",
    "○ 웹 방화벽 솔루션(상용) 1식 공급",
])
def test_purchase_phrasings_inside_the_contract_are_missing(clause):
    f, _ = run(detect, "3. 시스템 구성 요구사항", clause, kind="SW개발", budget="9억")
    assert f.status == "missing"
    assert quotes(f) == clause.lstrip("○ ")


def test_purchase_table_rows_are_read():
    rows = [["구분", "품목", "수량"], ["S/W", "서버 접근제어 소프트웨어", "3식"], ["H/W", "웹 서버", "2대"]]
    f, _ = run(detect, "3. 도입 품목", "○ 도입 품목은 다음과 같음", rows=rows, kind="SW개발", budget="9억")
    assert f.status == "missing"
    assert "접근제어 소프트웨어 | 3식" in quotes(f) and "웹 서버" not in quotes(f)
    # a certified product in the same table makes it a violation
    rows.append(["S/W", "개인정보 필터링 솔루션", "1식 (GS인증)"])
    f, _ = run(detect, "3. 도입 품목", "○ 도입 품목은 다음과 같음", rows=rows, kind="SW개발", budget="9억")
    assert f.status == "violation"


def test_a_hardware_table_or_an_inventory_is_not_a_purchase():
    rows = [["품목", "규격", "수량"], ["웹 서버", "8 core", "2대"], ["L3 스위치", "24 port", "2대"]]
    f, _ = run(detect, "3. 도입 장비", "○ 도입 장비는 다음과 같음", rows=rows, kind="SW개발", budget="9억",
               buys_commercial_sw="no")
    assert f.status == "not_applicable"


def test_none_row_that_says_no_commercial_sw_is_bought_is_not_a_purchase():
    rows = [["구분", "내용"], ["분리발주에 관한 사항", "해당없음(상용SW 구매 없음)"]]
    f, _ = run(detect, "1. 사업 개요", "○ 사업 개요는 다음과 같음", rows=rows, kind="SW개발", budget="9억")
    assert f.status == "not_applicable"
    assert "해당없음" in quotes(f)


def test_none_statement_but_a_licence_purchase_needs_review():
    f, _ = run(detect, "1. 사업 개요", "○ 직접구매 대상 : 없음", "3. 요구사항", "○ 통계 분석 엔진 라이선스를 공급하여야 함",
               kind="SW개발", budget="9억")
    assert f.status == "review"
    assert "라이선스를 공급" in quotes(f) and "직접구매 대상" in quotes(f)


def test_licences_already_owned_are_not_bought():
    for clause in ("○ 본 사업은 발주기관이 기 구매한 라이선스를 활용함", "○ 개발 도구는 계약상대자가 보유한 라이선스를 사용함"):
        f, _ = run(detect, "3. 요구사항", clause, kind="SW개발", budget="9억", buys_commercial_sw="no")
        assert f.status == "not_applicable", clause


def test_commercial_words_with_only_a_guess_of_no_purchase_need_review():
    """A weak hint in the requirements and an inferred 'no purchase' (low confidence) is not a silent 해당없음."""
    from rfpcheck.pipeline.model import Fact

    f, doc = run(detect, "3. 요구사항", "○ 구축에 쓰는 상용 S/W는 정식 사용권 증빙을 제출하여야 함", kind="SW개발", budget="9억")
    doc.facts["buys_commercial_sw"] = Fact("buys_commercial_sw", "no", "inferred", 0.45)
    f = detect(CheckContext(doc))
    assert f.status == "review"
    assert "상용 S/W" in quotes(f)


def test_a_conditional_purchase_is_not_a_purchase():
    f, _ = run(detect, "3. 요구사항", "○ 상용SW를 도입하는 경우 발주기관과 사전에 협의하여야 함", kind="SW개발", budget="9억")
    assert f.status == "review"


# -- products bought without particles, certified or mall products, and a plan title that says "none" ----

@pytest.mark.parametrize("clause", [
    "○ 문서 변환 엔진 2식 구매 및 설치",
    "○ 도면 뷰어 30카피 납품",
    "○ 웹 에디터 1식 도입 후 게시판 연계",
])
def test_product_with_quantity_and_verb_is_a_purchase(clause):
    f, _ = run(detect, "3. 시스템 구성 요구사항", clause, kind="SW개발", budget="9억")
    assert f.status == "missing"
    assert clause.lstrip("○ ") in quotes(f)


@pytest.mark.parametrize("clause", [
    "○ DB 암호화 솔루션은 CC인증 제품으로 납품한다.",
    "○ 조달청 디지털서비스몰 등록 제품을 구매하여 적용하여야 한다.",
    "○ 보고서 생성 도구는 GS인증 1등급 제품으로 구매하여야 함",
])
def test_certified_or_mall_product_bought_in_a_requirement_is_a_violation(clause):
    f, _ = run(detect, "3. 시스템 구성 요구사항", clause, kind="SW개발", budget="9억")
    assert f.status == "violation"
    assert clause.lstrip("○ ") in quotes(f)


def test_cc_certified_hardware_alone_is_not_a_software_purchase():
    f, _ = run(detect, "3. 시스템 구성 요구사항", "○ 방화벽은 CC인증 제품으로 납품한다.", kind="SW개발", budget="9억",
               buys_commercial_sw="no")
    assert f.status != "violation"


@pytest.mark.parametrize("clause", [
    "○ 직접구매 대상 상용소프트웨어 구매계획은 해당 없음",
    "○ 직접구매 대상 상용SW 구매계획 : 없음",
])
def test_plan_title_followed_by_none_is_not_applicable(clause):
    f, _ = run(detect, "3. 기타 사항", clause, kind="SW개발", budget="9억")
    assert f.status == "not_applicable"
    assert "없다고" in f.message


def test_proposal_that_may_add_commercial_sw_needs_review():
    f, _ = run(detect, "3. 요구사항", "○ 민원 신청 화면을 개발한다.", "Ⅳ. 제안서 작성 요령",
               "- 상용SW를 제안하는 경우 제품명과 라이선스 조건을 기재", kind="SW개발", budget="6억", buys_commercial_sw="no")
    assert f.status == "review"
    assert "상용SW를 제안하는 경우" in quotes(f)


# -- a 직접구매 plan does not end the reading of what the contract itself buys -----------------------

PLAN_SENTENCE = "○ 직접구매 대상 상용SW는 [붙임 3] 직접구매 대상 상용소프트웨어 구매계획에 따라 발주기관이 분리하여 직접 구매함"


@pytest.mark.parametrize("clause, quoted", [
    ("○ 수행사는 DB 접근제어 솔루션(CC인증 제품) 1식을 납품하여야 함", "접근제어 솔루션"),
    ("○ 계약상대자는 전자결재 솔루션(GS인증 제품) 1식을 납품하여야 함", "전자결재 솔루션"),
    ("○ 계약상대자는 조달청 종합쇼핑몰 등록 솔루션을 구매하여 설치하여야 함", "종합쇼핑몰"),
])
def test_plan_with_certified_software_the_contractor_supplies_is_a_violation(clause, quoted):
    f, _ = run(detect, "2. 추진 방안", PLAN_SENTENCE, "5. 보안 요구사항", clause, kind="SW개발", budget="12억")
    assert f.status == "violation", (f.message, quotes(f))
    assert quoted in quotes(f) and "구매계획" in quotes(f)
    assert "계약상대자" in f.message


def test_plan_with_a_priced_product_the_contractor_supplies_needs_review():
    rows = [["품명", "수량", "단가(원)", "비고"], ["백업 소프트웨어", "2식", "90,000,000", "계약상대자 공급"]]
    f, _ = run(detect, "2. 추진 방안", PLAN_SENTENCE, "5. 도입 SW", rows=rows, kind="SW개발", budget="12억")
    assert f.status == "review", (f.message, quotes(f))
    assert "9,000만원" in f.message and "백업 소프트웨어" in quotes(f)
    # below 5천만 the plan decides
    rows[1][2] = "30,000,000"
    f, _ = run(detect, "2. 추진 방안", PLAN_SENTENCE, "5. 도입 SW", rows=rows, kind="SW개발", budget="12억")
    assert f.status == "pass", (f.message, quotes(f))


def test_plan_with_exclusion_reasons_and_a_certified_supply_needs_review():
    rows = [["상용소프트웨어 품목", "수량", "직접구매 여부", "제외사유"],
            ["백업 SW", "1식", "직접구매[O] 제외[ ]", ""],
            ["전자결재", "1식", "직접구매[ ] 제외[O]", "기존 시스템과의 호환성"]]
    f, _ = run(detect, "2. 추진 방안", PLAN_SENTENCE, "○ 계약상대자는 전자결재 솔루션(GS인증 제품) 1식을 납품하여야 함",
               PLAN, rows=rows, kind="SW개발", budget="12억")
    assert f.status == "review", (f.message, quotes(f))
    assert "제외 사유" in f.message and "전자결재 솔루션" in quotes(f)


def test_priced_product_bundled_without_a_plan_is_a_violation_and_unpriced_is_missing():
    f, _ = run(detect, "5. 도입 SW", "○ 계약상대자는 전자결재 솔루션 1식(약 9천만원)을 공급하여야 함", kind="SW개발", budget="12억")
    assert f.status == "violation", (f.message, quotes(f))
    assert "9,000만원" in f.message
    f, _ = run(detect, "5. 도입 SW", "○ 계약상대자는 전자결재 솔루션 1식을 공급하여야 함", kind="SW개발", budget="12억")
    assert f.status == "missing", (f.message, quotes(f))


def test_amounts_are_read_in_their_usual_forms():
    from rfpcheck.checks.common import load_lexicon
    from rfpcheck.checks.sw02_commercial_sw import won_amounts
    rx = load_lexicon("sw02").rx("amount")
    assert won_amounts("단가65,000,000원", rx) == [65_000_000]
    assert won_amounts("약1.2억원", rx) == [120_000_000]
    assert won_amounts("1억2천만원", rx) == [120_000_000]
    assert won_amounts("약8천만원", rx) == [80_000_000]
    assert won_amounts("7,000만원", rx) == [70_000_000]
    assert won_amounts("1식|2대|24시간", rx) == []


@pytest.mark.parametrize("clause", [
    "- 문서뷰어는 GS인증(1등급) 제품으로 2식을 계약상대자가 공급·설치하여야 함",
    "○ 백신 관리 솔루션은 CC인증(EAL2) 제품으로 1식을 구매하여 구축한다.",
    "○ 통계 분석 도구는 GS인증을 받은 제품으로 10copy를 사업자가 납품 및 설치하여야 한다.",
])
def test_certified_product_with_parenthetical_and_quantity_is_bought_in_the_contract(clause):
    f, _ = run(detect, "3. 솔루션 도입", clause, kind="SW개발", budget="9억")
    assert f.status == "violation", (f.message, quotes(f))
    assert clause[2:10] in quotes(f)


def test_certified_engine_in_a_vertical_requirement_table_is_a_violation():
    rows = [["요구사항 고유번호", "SWR-011"], ["요구사항 명칭", "지도 엔진 도입"],
            ["세부 내용", "GS인증(1등급) 지도 엔진 1식을 계약상대자가 납품·설치하여야 함"]]
    f, _ = run(detect, "3. 시스템 구성 요구사항", rows=rows, kind="SW개발", budget="9억")
    assert f.status == "violation"
    assert "GS인증" in quotes(f)


def test_purchase_plan_said_to_be_none_is_no_purchase():
    f, _ = run(detect, "7. 기타", "○ 직접구매 대상 상용SW 구매계획: 해당없음(본 사업은 상용SW 구매를 포함하지 않음)",
               kind="SW개발", budget="9억")
    assert f.status == "not_applicable"


def test_product_said_to_be_unregistered_is_not_called_certified():
    f, _ = run(detect, "3. 도입 SW", "- 문서관리 연계 솔루션(디지털서비스몰 등록 제품 아님) 1식 구매·설치함, 추정가 8천만원",
               kind="SW개발", budget="9억")
    assert f.status == "violation"
    assert "GS인증" not in f.message and "8,000만원" in f.message
