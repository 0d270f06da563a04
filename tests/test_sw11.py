"""SW11 기술능력평가 비중 90%: the technical share read only from a 기술 N : 가격 M pair (N + M = 100),
the 협상적격자 85% and sub-total traps, the 80점 exceptions (검토필요), technical-only evaluation and
the evaluation-section gate."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw11_tech_weight import detect, read_shares

from docbuild import quotes, run

NEGO = "○ 계약방법 : 협상에 의한 계약"


@pytest.mark.parametrize("clause", [
    "○ 평가비율 : 기술평가(90%), 가격평가(10%)",
    "종합평가점수(100점) = 기술능력평가점수(90점) + 입찰가격평가점수(10점)",
    "○ 기술능력평가 : 입찰가격평가 = 90 : 10",
    "○ 기술, 가격평가 배점을 각각 90점, 10점으로 함",
])
def test_ninety_ten_passes(clause):
    f, _ = run(detect, "6. 제안서 평가", NEGO, clause, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "90" in quotes(f)


@pytest.mark.parametrize("clause, share", [
    ("○ 평가비율 : 기술능력평가(80%), 입찰가격평가(20%)", 80),
    ("○ 평가는 총점 100점을 만점으로 하고 기술평가 80점, 가격평가 20점의 비율로 평가", 80),
    ("○ 기술능력평가 : 80점(정량적평가 20점, 정성적평가 60점) - 입찰가격평가 : 20점", 80),
    ("○ 제안서 평가는 기술평가(70%)와 가격평가(30%)로 함", 70),
])
def test_technical_share_below_ninety_is_a_violation(clause, share):
    f, _ = run(detect, "6. 제안서 평가", NEGO, clause, kind="SW개발", budget="5억")
    assert f.status == "violation"
    assert f"{share}%" in f.message
    assert str(share) in quotes(f)


def test_negotiation_threshold_and_subtotals_are_not_shares():
    f, doc = run(detect, "6. 제안서 평가", NEGO,
                 "○ 기술평가점수가 기술평가분야 배점한도의 85% 이상(76.5점)인 자를 협상적격자로 선정",
                 "○ 기술능력평가(90점) = 정량적평가(20점) + 정성적평가(70점)",
                 "○ 평가비율 : 기술평가(90%), 가격평가(10%)", kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert {t for t, _ in read_shares(doc)} == {90}


def test_lone_technical_score_with_its_price_partner_in_a_table():
    rows = [["구분", "배점"], ["기술능력평가(90점)", "정량 20 / 정성 70"], ["가격평가(10점)", "입찰가격"]]
    f, _ = run(detect, "6. 제안서 평가", NEGO, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_hardware_heavy_project_at_eighty_needs_review():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 평가비율 : 기술평가(80%), 가격평가(20%)",
               "○ 본 사업은 하드웨어 구매 비중이 추정가격의 50% 이상인 사업임", kind="SW개발", budget="9억")
    assert f.status == "review"
    assert "80점 예외" in f.message


def test_small_development_project_at_eighty_needs_review():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 평가비율 : 기술평가(80%), 가격평가(20%)", kind="SW개발",
               budget="8천만원")
    assert f.status == "review"
    assert "1억원 미만" in f.message


def test_technical_only_evaluation_needs_review():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 종합평가점수(100%) = 기술능력평가(100%)", kind="SW개발", budget="5억")
    assert f.status == "review"


def test_technical_weight_without_its_price_partner_needs_review():
    f, _ = run(detect, "6. 제안서 평가", NEGO, rows=[["평가부문", "배점"], ["기술평가 90점", "세부항목 참조"]],
               kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "90" in quotes(f)


def test_no_weights_in_a_proposal_request_is_missing():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 평가위원회에서 제안서를 평가함", kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "가격" in f.looked_for


def test_task_order_without_evaluation_is_not_applicable():
    head = ["가람시 누리집 개편 용역 과업지시서", "1. 과업 개요"]
    f, _ = run(detect, "2. 과업 내용", "○ 메뉴 개편", head=head, kind="홈페이지앱", budget="0.95억")
    assert f.status == "not_applicable"


def test_lowest_price_contract_is_not_applicable():
    f, _ = run(detect, "6. 제안서 평가", "○ 낙찰자 결정방법 : 적격심사", "○ 평가비율 : 기술평가(80%), 가격평가(20%)",
               kind="SW개발", budget="5억", contract_method="적격심사")
    assert f.status == "not_applicable"


@pytest.mark.parametrize("lines, rows, share", [
    ((), [["평가 구분", "배점"], ["기술능력평가", "90"], ["입찰가격평가", "10"], ["합계", "100"]], 90),
    ((), [["평가 구분", "배점"], ["기술능력평가", "85점"], ["입찰가격평가", "15점"]], 85),
    ((), [["구분", "기술평가", "가격평가", "합계"], ["비율(%)", "80", "20", "100"]], 80),
    (("○ 입찰가격평가는 10점, 기술능력평가는 90점으로 함",), None, 90),
    (("○ 기술능력평가 배점한도 75점, 입찰가격평가 배점한도 25점",), None, 75),
    (("○ 배점 비율 - 기술(90) : 가격(10)",), None, 90),
    (("○ 기술 60 : 가격 40의 비율로 종합평가함",), None, 60),
    (("○ 정량적 평가 15점, 정성적 평가 75점(소계 90점), 입찰가격 평가 10점",), None, 90),
    (("○ 기술능력평가 점수(배점 80점)와 가격평가 점수(배점 20점)를 합산함",), None, 80),
])
def test_shares_in_tables_reversed_order_and_subtotals(lines, rows, share):
    f, doc = run(detect, "6. 제안서 평가", NEGO, *lines, rows=rows, kind="SW개발", budget="5억")
    assert {t for t, _ in read_shares(doc)} == {share}
    assert f.status == ("pass" if share == 90 else "violation")


def test_thresholds_and_decimals_are_not_shares():
    f, doc = run(detect, "6. 제안서 평가", NEGO, "○ 기술능력평가 점수가 배점한도의 85% 이상인 자 중 입찰가격평가 15점 만점 기준",
                 "○ 기술평가 82.5점 이상, 가격평가 17.5점", kind="SW개발", budget="5억")
    assert read_shares(doc) == []
    assert f.status != "pass"


def test_hardware_items_alone_do_not_make_the_eighty_point_exception():
    rows = [["ID", "명칭", "내용"], ["ECR-001", "웹 서버", "서버 2대"], ["ECR-002", "DB 서버", "서버 2대"],
            ["ECR-003", "스위치", "L2 스위치 4대"]]
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 기술능력평가 80점, 가격평가 20점", rows=rows, kind="SW개발", budget="9억")
    assert f.status == "violation"
    assert "80점 예외로 보지 않았습니다" in f.message
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 기술능력평가 80점, 가격평가 20점", rows=rows, kind="HW인프라", budget="9억")
    assert f.status == "review"


def test_a_stated_hardware_share_over_half_needs_review():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 장비 구입비가 총사업비의 65% 이상이어서 기술능력평가 80점, 가격평가 20점을 적용함",
               kind="SW개발", budget="9억")
    assert f.status == "review"
    assert "HW 비중" in f.message


@pytest.mark.parametrize("clause, share", [
    ("○ 배점 비율은 기술평가 : 입찰가격평가 = 75 : 25로 한다", 75),
    ("○ 기술능력평가와 가격평가의 배점은 각각 70점과 30점으로 함", 70),
    ("○ 종합평가 시 반영비율(기술/가격) 85/15", 85),
    ("○ 기술 대 가격 평가비율은 8 대 2로 함", 80),
])
def test_labels_first_then_numbers_are_read(clause, share):
    f, doc = run(detect, "6. 제안서 평가", NEGO, clause, kind="SW개발", budget="5억")
    assert f.status == "violation" and f"{share}%" in f.message
    assert {t for t, _ in read_shares(doc)} == {share}


def test_labels_first_ratio_to_ten_at_nine_to_one_passes():
    f, doc = run(detect, "6. 제안서 평가", NEGO, "○ 평가 반영비율 — 기술제안 : 가격 = 9 : 1", kind="SW개발", budget="5억")
    assert f.status == "pass" and {t for t, _ in read_shares(doc)} == {90}


def test_labels_with_unrelated_numbers_are_not_a_ratio():
    f, doc = run(detect, "6. 제안서 평가", NEGO, "○ 기술 및 가격 제안서 제출 : 3월 12일 10:00까지", kind="SW개발", budget="5억")
    assert read_shares(doc) == []


@pytest.mark.parametrize("clause", [
    "○ 직전 사업은 기술 80, 가격 20으로 평가했으나 금번 사업은 기술평가 90점, 가격평가 10점으로 평가함",
    "○ 본 사업은 전년도 사업(기술평가 80%, 가격평가 20%)과 달리 기술평가 90%, 가격평가 10%로 평가함",
])
def test_a_pair_about_an_earlier_project_gives_way_to_this_project(clause):
    f, _ = run(detect, "6. 제안서 평가", NEGO, clause, kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_two_pairs_about_this_project_still_conflict():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 기술평가 80%, 가격평가 20%", "○ 기술평가 90%, 가격평가 10%",
               kind="SW개발", budget="5억")
    assert f.status == "review"


# -- the HW-share exception, lone price weights and background parts ------------------------------

@pytest.mark.parametrize("claim", [
    "○ 장비 도입비가 총사업비의 55%를 초과하는 사업으로 기술능력평가 80점, 가격평가 20점을 적용함",
    "○ 하드웨어 구매 금액이 사업예산의 절반을 넘는 사업이므로 기술능력평가 80점, 가격평가 20점으로 함",
    "○ H/W 구입비가 사업비의 2분의 1 이상을 차지하여 기술능력평가 80점, 가격평가 20점으로 평가함",
    "○ 사업비의 과반이 하드웨어 도입 비용인 사업으로 기술능력평가 80점, 가격평가 20점으로 평가함",
])
def test_other_wordings_of_a_hardware_share_over_half_need_review(claim):
    f, _ = run(detect, "6. 제안서 평가", NEGO, claim, kind="SW개발", budget="12억")
    assert f.status == "review"
    assert "HW 비중 50% 이상" in f.message


def test_a_hardware_percentage_about_subcontracting_or_track_record_is_no_exception():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 기술능력평가 80점, 가격평가 20점",
               "○ 하드웨어 등 직접 구매 물품을 빼고 하도급 금액 비율이 60%를 초과하는 사유를 적을 것",
               "○ 장비 납품 실적이 본 사업 예산의 100% 이상인 자", kind="SW개발", budget="12억")
    assert f.status == "violation"


def test_a_budget_breakdown_with_hardware_over_half_makes_eighty_compliant():
    f, _ = run(detect, "2. 사업 개요", "○ 소요예산 구성 : 하드웨어(전광판, 제어 서버) 7.2억원, 소프트웨어 개발 4.8억원",
               "3. 제안서 평가", NEGO, "○ 기술능력평가 80점, 가격평가 20점으로 평가함", kind="SW개발", budget="12억")
    assert f.status == "pass"
    assert "60%" in f.message and "7.2억원" in quotes(f)


def test_a_budget_breakdown_table_with_hardware_under_half_keeps_the_violation():
    rows = [["구분", "금액(천원)"], ["H/W 구매비", "300,000"], ["S/W 개발비", "900,000"]]
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 기술능력평가 80점, 가격평가 20점으로 평가함", rows=rows,
               kind="SW개발", budget="12억")
    assert f.status == "violation"
    assert "25%" in f.message and "50% 미만" in f.message


def test_a_claimed_exception_that_the_breakdown_contradicts_needs_review():
    f, _ = run(detect, "2. 사업 개요", "○ 예산 내역 : 하드웨어 2억원, 소프트웨어 개발 6억원",
               "3. 제안서 평가", NEGO, "○ 하드웨어 비중이 사업비의 50% 이상이어서 기술능력평가 80점, 가격평가 20점으로 함",
               kind="SW개발", budget="8억")
    assert f.status == "review"
    assert "25%" in f.message


@pytest.mark.parametrize("clause, status, share", [
    ("○ 입찰가격평가 배점 : 30점", "violation", 70),
    ("○ 가격평가는 10점 만점으로 평가함", "pass", 90),
])
def test_a_price_weight_alone_gives_the_technical_share(clause, status, share):
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 기술능력평가는 발표와 질의응답으로 평가함", clause,
               kind="SW개발", budget="5억")
    assert f.status == status
    assert f"{share}" in f.message and "가격평가 배점" in f.message


def test_a_price_threshold_is_not_a_price_weight():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 가격평가 점수 5점 미만인 자는 협상 대상에서 제외함",
               kind="SW개발", budget="5억")
    assert f.status == "missing"


@pytest.mark.parametrize("heading", ["2. 추진 현황", "2. 추진 경위"])
def test_a_pair_told_in_the_background_part_gives_way_to_the_evaluation_part(heading):
    f, _ = run(detect, heading, "○ 2020년 1단계 사업은 기술평가 80%, 가격평가 20%로 발주하였음",
               "3. 제안서 평가", NEGO, "○ 기술평가(90%)와 가격평가(10%)를 합산하여 평가함", kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "80" not in quotes(f)


@pytest.mark.parametrize("lines, rows, share", [
    (("○ 평가 비율 : 기술 8 대 가격 2",), None, 80),
    (("○ 평가비율은 기술9:가격1로 함",), None, 90),
    ((), [["평가 부문", "정량평가", "정성평가", "가격평가", "합계"], ["배점(점)", "15", "60", "25", "100"]], 75),
    ((), [["평가 부문", "정량평가", "정성평가", "가격평가", "합계"], ["배점(점)", "10", "80", "10", "100"]], 90),
])
def test_ratio_of_ten_and_quantitative_qualitative_columns(lines, rows, share):
    f, doc = run(detect, "6. 제안서 평가", NEGO, *lines, rows=rows, kind="SW개발", budget="7억")
    assert {t for t, _ in read_shares(doc)} == {share}
    assert f.status == ("pass" if share == 90 else "violation")


def test_award_by_eligibility_review_inferred_is_not_applicable():
    f, doc = run(detect, "6. 낙찰자 선정", "○ 적격심사에 의한 낙찰자 결정", "○ 조달청 물품구매 적격심사 세부기준 적용",
                 kind="SW개발", budget="4억")
    assert doc.facts.get_fact("contract_method").source != "given"
    assert f.status == "not_applicable" and "적격심사" in f.applies


def test_eligibility_review_word_beside_a_negotiation_keeps_the_rule():
    f, _ = run(detect, "6. 제안서 평가", NEGO, "○ 하도급 적격심사 기준은 별도로 정함", kind="SW개발", budget="5억")
    assert f.status == "missing"
