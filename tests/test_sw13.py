"""SW13 제안서 보상: decided mostly by facts (SW 개발, 총사업예산 ≥ 20억); compensation offered,
declined (검토필요 at ≥ 20억) or absent, and the other meanings of 보상."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw13_compensation import detect

from docbuild import quotes, run

OFFERED = ("○ 낙찰자로 결정되지 아니한 자 중 기술능력평가 점수가 85% 이상인 상위 2인에게 제안서 작성비용의 일부를 "
           "보상한다(총사업예산의 1천분의 8 및 1천분의 5).")
DECLINED = "○ 본 사업은 제안서 보상 대상 사업에 해당하지 않으므로 제안서 보상을 실시하지 않음"


def test_compensation_offered_passes():
    f, _ = run(detect, "5. 제안 안내", OFFERED, kind="SW개발", budget="25억")
    assert f.status == "pass"
    assert "보상" in quotes(f)


def test_reference_to_the_guideline_passes():
    f, _ = run(detect, "5. 제안 안내", "□ SW사업 제안서 보상 : “소프트웨어사업 계약 및 관리감독에 관한 지침” 준용",
               kind="SW개발", budget="25억")
    assert f.status == "pass"


def test_declined_over_twenty_billion_needs_review():
    f, _ = run(detect, "5. 제안 안내", DECLINED, kind="SW개발", budget="36억")
    assert f.status == "review"
    assert "20억원" in f.message and f.evidence


def test_silence_over_twenty_billion_is_missing():
    f, _ = run(detect, "5. 제안 안내", "○ 제출된 제안서는 반환하지 않음",
               "○ 보안 위반 시 손해배상 및 보상금 청구에 응하여야 함", kind="SW개발", budget="25억")
    assert f.status == "missing"
    assert f.evidence == [] and "보상" in f.looked_for


@pytest.mark.parametrize("budget, kind", [("19억", "SW개발"), ("25억", "유지관리운영"), ("25억", "ISP컨설팅")])
def test_not_applicable_by_amount_or_kind(budget, kind):
    f, _ = run(detect, "5. 제안 안내", DECLINED, kind=kind, budget=budget)
    assert f.status == "not_applicable"


def test_unknown_amount_is_review():
    f, doc = run(detect, "5. 제안 안내", DECLINED, kind="SW개발")
    assert not doc.facts.get_fact("budget_krw").known
    assert f.status == "review" and "사업금액" in f.message


@pytest.mark.parametrize("clause", [
    "○ 제안서 보상 : 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제16조를 준용함",
    "○ 탈락한 제안사 중 평가 점수가 높은 제안자에게는 제안서 작성 비용의 일부를 보상할 수 있음",
    "○ 낙찰되지 못한 입찰자 중 상위 2인에게 제안서 작성비용을 보상함",
    "○ 우수 제안서 보상 : 낙찰자를 제외한 차순위자 2인에게 보상금을 지급함",
])
def test_compensation_phrasings_pass(clause):
    f, _ = run(detect, "5. 제안 안내", clause, kind="SW개발", budget="25억")
    assert f.status == "pass"
    assert "보상" in quotes(f)


def test_overview_row_that_says_compensation_applies_passes():
    rows = [["구분", "내용"], ["제안서 보상", "해당(지침에 따라 차순위 2인 보상)"]]
    f, _ = run(detect, "1. 사업 개요", "○ 사업 개요는 다음과 같음", rows=rows, kind="SW개발", budget="25억")
    assert f.status == "pass"
    rows = [["구분", "내용"], ["제안서 보상", "해당없음"]]
    f, _ = run(detect, "1. 사업 개요", "○ 사업 개요는 다음과 같음", rows=rows, kind="SW개발", budget="25억")
    assert f.status == "review"


def test_other_losses_not_compensated_are_not_a_refusal():
    f, _ = run(detect, "7. 계약 조건", "○ 천재지변으로 발생한 손해는 발주기관이 보상하지 아니함", kind="SW개발", budget="25억")
    assert f.status == "missing"
    assert f.evidence == []


def test_terms_split_over_a_merged_key_cell_pass():
    rows = [["항목", "구분", "내용"], ["제안서 보상", "대상", "낙찰자 외 차순위 2인"], ["", "금액", "총사업예산의 1천분의 8, 1천분의 5"]]
    f, _ = run(detect, "5. 제안 안내", "○ 제안 안내는 다음과 같음", rows=rows, kind="SW개발", budget="30억")
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 협상 결과 낙찰되지 않은 입찰자 가운데 점수 상위 2개사에 제안서 작성비용을 보상함",
    "○ 낙찰자를 제외한 협상적격자 중 차점자 2인에게 제안서 작성비용의 일부를 지원한다(예산 범위 내)",
    "○ 차순위 제안사 2곳에 작성비용 일부를 지급함",
    "○ 제안서 작성비용 보상 : 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제16조, 제17조에 따름",
])
def test_more_compensation_phrasings_pass(clause):
    f, _ = run(detect, "5. 제안 안내", clause, kind="SW개발", budget="25억")
    assert f.status == "pass"


def test_proposal_costs_not_paid_back_is_a_refusal():
    f, _ = run(detect, "5. 제안 안내", "○ 제안서 작성비용은 지급하지 않음", kind="SW개발", budget="25억")
    assert f.status == "review"


@pytest.mark.parametrize("clause", [
    "○ 우선협상대상자로 선정되지 못한 제안사 중 차순위 1개사에 제안서 보상비를 지급함",
    "○ 제안서 보상금은 낙찰자를 제외한 상위 2개 업체에 지원한다",
])
def test_compensation_named_by_its_money_passes(clause):
    f, _ = run(detect, "5. 제안 안내", clause, kind="SW개발", budget="40억")
    assert f.status == "pass"
    assert "보상" in quotes(f)


def test_the_budget_share_anywhere_in_the_sentence_makes_a_compensation_clause():
    clause = ("○ 총사업예산의 1천분의 13에 해당하는 금액 범위에서 기술능력 평가점수 상위 2인의 제안서 작성에 대한 보상을 "
              "실시할 예정임")
    f, _ = run(detect, "5. 제안 안내", clause, kind="SW개발", budget="40억")
    assert f.status == "pass"
    assert "1천분의 13" in quotes(f)


def test_the_budget_share_without_a_proposal_compensation_is_not_enough():
    f, _ = run(detect, "5. 제안 안내", "○ 계약보증금은 계약금액의 10/1000 이상을 납부하여야 함", kind="SW개발", budget="40억")
    assert f.status == "missing"


@pytest.mark.parametrize("clause", [
    "○ 발주기관은 낙찰자로 결정되지 아니한 자 중 기술능력평가 점수가 배점한도의 85% 이상이고 낙찰자와의 점수 차가 5점 "
    "미만인 상위 2인에게 예산 범위에서 제안서 작성비용의 일부를 보상하여야 한다.",
    "○ 제안서 보상은 총사업예산의 1천분의 8 이내로 보상하여야 한다.",
    "○ 우수 제안자의 제안서 작성비용 일부를 보상함",
])
def test_compensation_as_an_obligation_passes(clause):
    f, _ = run(detect, "6. 제안서 평가", clause, kind="SW개발", budget="30억")
    assert f.status == "pass", f.message
    assert "보상" in quotes(f)


def test_an_earlier_phase_compensated_in_the_history_is_not_evidence():
    f, _ = run(detect, "2. 현황 및 문제점", "○ 1차 구축 사업은 낙찰되지 않은 우수 제안사 2곳에 제안서 보상을 실시하였음",
               kind="SW개발", budget="30억")
    assert f.status == "missing"
    assert f.evidence == []
