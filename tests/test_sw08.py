"""SW08 하자담보 책임기간 · 범위: the number bound to the 하자 period, hardware and manufacturer
provisos, work folded into free 하자보수, applicability by project kind."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw08_defect import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["OO시 통합 민원 플랫폼 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 계약일로부터 8개월"]


def check(*lines: str, kind: str = "SW개발", rows: list[list[str]] | None = None):
    blocks = [RawBlock(t) for t in (*HEAD, *lines)]
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {"kind": kind, "budget": "5억"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


# -- periods ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("clause, said", [
    ("하자보수 기간은 최종 검수일로부터 2년으로 한다.", "2년"),
    ("○ 무상 하자보수기간은 검사완료일로부터 24개월로 함", "24개월"),
    ("○ 계약 목적물의 무상 하자보수기간은 검사 완료일로부터 1년 이상으로 함", "1년 이상"),
    ("○ 하자담보책임기간 : 3년", "3년"),
])
def test_period_over_one_year_is_a_violation(clause, said):
    f, doc = check("5. 계약 조건", clause)
    assert f.status == "violation"
    assert said in f.message
    assert clause.lstrip("○ ").split("기간")[0] in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end].strip() == e.quote


@pytest.mark.parametrize("clause", [
    "하자담보 책임기간은 검수 완료일로부터 1년으로 함",
    "○ 무상 하자보수기간은 검수완료일로부터 12개월로 함",
    "○ 사업기간 종료 후 1년간 무상 하자보수 실시",
    "하자담보 책임기간은 검수 완료일로부터 1년 이내로 한다.",
])
def test_one_year_passes_and_is_quoted(clause):
    f, _ = check("5. 계약 조건", clause)
    assert f.status == "pass"
    assert f.evidence and clause.lstrip("○ ")[:8] in quotes(f)


def test_guarantee_deposit_percentage_is_not_a_period():
    f, _ = check("5. 계약 조건", "하자담보 책임기간은 검수 완료일로부터 1년으로 함",
                 "하자보수보증금은 계약금액의 2%로 하며, 하자보수보증금률은 3%로 한다.")
    assert f.status == "pass"


def test_response_hours_and_spare_parts_window_are_not_periods():
    f, _ = check("5. 계약 조건",
                 "○ 하자보수 기간은 1년으로 하며, 하자 발생 시 24시간 이내에 조치하여야 함",
                 "○ 하자보수기간 종료 후 2년간 예비부품을 공급할 수 있도록 확보하여야 함")
    assert f.status == "pass"


def test_track_record_years_are_not_a_period():
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 검수 후 1년으로 함",
                 "○ 제안사는 최근 3년간 하자보수 실적을 제출하여야 함")
    assert f.status == "pass"


# -- hardware and manufacturers ---------------------------------------------------------------

def test_longer_hardware_warranty_needs_review_not_violation():
    f, _ = check("5. 계약 조건", "○ 하자담보 책임기간은 검수 후 1년으로 함",
                 "○ 납품 서버 등 하드웨어의 하자보증기간은 검수 후 3년으로 함")
    assert f.status == "review"
    assert "하드웨어" in f.message and "3년" in f.message


def test_manufacturer_warranty_allowed_to_prevail_is_not_a_demand():
    f, _ = check("5. 계약 조건",
                 "- 하자담보책임기간은 사업종료(검수) 후 1년(단, 제조사 등에서 1년 이상의 하자담보책임기간을 "
                 "규정한 경우에는 제조사 규정(기준)을 우선 적용)으로 함",
                 "- 시스템의 하자담보기간은 12개월로 하며, 단 납품 물품 중 무상보증기간이 12개월 이상인 경우 그에 따름")
    assert f.status == "pass"


def test_manufacturer_warranty_of_a_supplied_server_is_a_product_spec():
    f, _ = check("5. 계약 조건", "○ 하자담보 책임기간은 검수 후 1년으로 함",
                 "○ 납품 서버는 제조사 무상보증 3년 이상 제품으로 공급하여야 함")
    assert f.status == "pass"


def test_vendor_support_years_of_commercial_software_are_not_defect_liability():
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 검수 후 1년으로 함",
                 "○ 도입 상용 소프트웨어는 무상 기술지원 3년을 제공하여야 함")
    assert f.status == "pass"


def test_free_years_of_software_maintenance_outside_the_defect_noun_are_a_violation():
    f, _ = check("3. 기능 요구사항", "○ 하자보수 기간은 사업 종료 후 1년 이내로 함",
                 "- 언어모델 및 관련 SW의 최신성을 사업 종료 후 2년간 무상보증")
    assert f.status == "violation"
    assert "2년간 무상보증" in quotes(f)


# -- scope: work folded into 하자보수 ------------------------------------------------------------

def test_upgrades_folded_into_free_defect_repair_need_review():
    f, _ = check("5. 계약 조건", "○ 무상 하자보수 기간은 검수 후 1년으로 함",
                 "○ 하자보수 기간 중 최신버전 업그레이드와 기능개선을 무상으로 제공하여야 함")
    assert f.status == "review"
    assert "기능개선" in f.message or "업그레이드" in f.message
    assert "업그레이드" in quotes(f)


def test_improvements_excluded_from_defect_repair_pass():
    f, _ = check("5. 계약 조건", "○ 무상 하자보수 기간은 검수 후 1년으로 함",
                 "○ 하자보수 이외의 기능개선, 업그레이드 등은 별도 유상 유지관리 계약으로 추진함",
                 "○ 새로운 기능의 추가는 하자보수에 포함하지 않음")
    assert f.status == "pass"


def test_maintenance_tasks_inside_a_defect_requirement_need_review():
    f, _ = check("4. 상세 요구사항", rows=[
        ["요구사항 고유번호", "PSR-003"],
        ["요구사항 명칭", "하자보수"],
        ["세부내용", "○ 무상 하자보수 기간은 최종 검수 후 1년간\n○ 정기적인 시스템 취약점 점검 수행(연 1회 이상)"],
    ])
    assert f.status == "review"
    assert "취약점 점검" in quotes(f)


def test_violation_wins_over_fold_and_mentions_both():
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 최종 검수일로부터 2년으로 한다",
                 "○ 하자보수 기간 중 발주기관이 요청하는 기능 개선은 하자보수에 포함하여 무상으로 처리하여야 함")
    assert f.status == "violation"
    assert "기능개선" in f.message or "하자가 아닌 작업" in f.message


# -- missing and applicability ---------------------------------------------------------------------

def test_development_without_a_defect_clause_is_missing():
    f, _ = check("5. 계약 조건", "○ 산출물은 검수 후 제출한다.")
    assert f.status == "missing"
    assert f.looked_for and "하자" in f.looked_for
    assert not f.evidence
    assert "SW개발" in (f.applies or "")


def test_consulting_project_is_not_applicable_even_with_a_period():
    f, _ = check("5. 계약 조건", "하자보수 기간은 2년으로 한다.", kind="ISP")
    assert f.status == "not_applicable"
    assert "ISP컨설팅" in f.message


def test_maintenance_project_is_checked_only_when_it_sets_a_period():
    f, _ = check("5. 계약 조건", "○ 운영 인력은 상주한다.", kind="유지관리")
    assert f.status == "not_applicable"
    f, _ = check("5. 계약 조건", "○ 변경된 부분의 하자보수 기간은 24개월로 함", kind="유지관리")
    assert f.status == "violation"


# -- key/value rows, spelled-out periods, context, periods that add up, evaluation items ------------

def check_doc(*lines: str, head: tuple = tuple(HEAD), rows: list[list[str]] | None = None):
    blocks = [RawBlock(t) for t in (*head, *lines)]
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {"kind": "SW개발", "budget": "5억"})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("rows, status, said", [
    ([["구분", "내용"], ["하자보증기간", "2년"]], "violation", "2년"),
    ([["구분", "기간"], ["하자보증", "3년"]], "violation", "3년"),
    ([["항목", "조건"], ["하자담보 책임기간", "준공 검사 후 30개월"]], "violation", "30개월"),
    ([["구분", "기간"], ["하자담보책임", "12개월"]], "pass", "12개월"),
    ([["항목", "내용"], ["하자보수기간", "2024. 3. 1. ~ 2026. 2. 28."]], "violation", "2년"),
])
def test_key_value_rows_are_read_with_their_value_and_quoted_whole(rows, status, said):
    f, doc = check("5. 계약 조건", rows=rows)
    assert f.status == status
    assert said in f.message
    assert f.evidence[0].quote == " | ".join(rows[-1])


@pytest.mark.parametrize("clause, said", [
    ("○ 하자보수 기간은 준공 후 3개년으로 한다.", "3개년"),
    ("○ 하자담보 책임기간은 삼(3)년으로 한다.", "3년"),
    ("○ 하자보수기간: 검수 후 540일간", "540일"),
])
def test_spelled_out_periods_are_read(clause, said):
    f, _ = check("5. 계약 조건", clause)
    assert f.status == "violation"
    assert said in f.message


def test_day_counts_that_are_deadlines_or_one_year_pass():
    f, _ = check("5. 계약 조건", "○ 하자 발생 시 30일 이내 조치하며 하자보수 기간은 365일간으로 한다.")
    assert f.status == "pass"


def test_free_period_after_the_defect_period_adds_up():
    f, _ = check("5. 계약 조건", "○ 하자보수는 검수 후 1년으로 하며, 하자보수기간 만료 후 6개월간 무상 유지관리를 추가로 제공하여야 함")
    assert f.status == "violation"
    assert "종료 후 무상 6개월" in f.message
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 사업 종료 후 1년으로 한다.",
                 "○ 하자보수기간 만료 후 2년간 유상 유지보수 계약을 체결할 수 있다.")
    assert f.status == "pass"


def test_extra_free_period_offered_in_the_proposal_is_a_violation():
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 검수 후 1년으로 하되, 제안사는 무상 하자보수 기간을 1년 초과하여 제시할 수 있음")
    assert f.status == "violation"
    assert "추가 무상기간" in f.message


def test_current_system_and_past_periods_are_not_demands():
    f, doc = check("5. 계약 조건", "○ 기존 시스템의 하자보증기간은 3년으로 운영되었음",
                   "○ 구 시스템 하자보수 기간(2년)은 2022년에 종료되었음",
                   "○ 하자보수 기간은 검수 후 1년으로 한다.")
    assert f.status == "pass"
    assert "3년" not in quotes(f) and "2022년" not in quotes(f)


def test_evaluation_item_scoring_longer_free_periods_is_a_violation():
    # CHECKS.md: extra free years offered in proposals are over the 1-year limit, scored or invited
    f, _ = check_doc("○ 하자보수 기간은 검수 후 1년으로 한다.", head=(HEAD[0], "1. 제안서 평가 기준"),
                     rows=[["평가항목", "평가기준", "배점"], ["무상 유지보수 기간 연장", "1년 연장 제안 시 2점", "4"]])
    assert f.status == "violation"
    assert "평가에서 추가 무상기간 가점" in f.message
    assert "무상 유지보수 기간 연장 | 1년 연장 제안 시 2점 | 4" in quotes(f)


def test_a_period_and_a_free_period_over_the_same_number_are_reported_once():
    f, _ = check("5. 계약 조건", "○ 무상 하자보수는 최종 검수 후 2년간 실시하여야 함")
    assert f.status == "violation"
    assert "무상 2년" not in f.message and "(2년)" in f.message


# -- verb-bound periods, unlimited responsibility, standby staff, references ----------------------

@pytest.mark.parametrize("clause, said", [
    ("○ 계약상대자는 최종 검수일부터 24개월간 발생한 하자를 무상으로 보완하여야 한다.", "24개월"),
    ("○ 납품 후 2년 동안은 발견된 하자를 계약상대자가 수리하여야 함", "2년"),
])
def test_period_bound_by_a_repair_verb_is_read(clause, said):
    f, _ = check("5. 계약 조건", clause)
    assert f.status == "violation"
    assert f"({said})" in f.message


def test_one_year_bound_by_a_repair_verb_passes():
    f, _ = check("5. 계약 조건", "○ 계약상대자는 검수일부터 1년간 발생한 하자를 무상으로 보완하여야 한다.")
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 하자에 대하여는 기간의 제한 없이 계약상대자가 무상으로 보수한다.",
    "○ 개발 프로그램의 하자는 무기한으로 계약상대자가 책임지고 조치한다.",
])
def test_defect_responsibility_without_a_time_limit_is_a_violation(clause):
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 검수 후 1년으로 한다.", clause)
    assert f.status == "violation"
    assert "기간 제한 없는 하자 책임" in f.message


def test_staff_placed_during_the_defect_period_needs_review():
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 검수 후 1년으로 하며, 그 기간 동안 유지보수 인력 2명을 배치하여야 한다.")
    assert f.status == "review"
    assert "상주(대기)" in f.message


def test_staff_not_required_on_site_stays_compliant():
    f, _ = check("5. 계약 조건", "○ 하자보수 기간은 검수 후 1년으로 하며, 하자보수를 위한 인력 상주는 요구하지 않는다.")
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 하자보수는 「소프트웨어 진흥법」 제60조에 의한다.",
    "○ 계약목적물의 하자담보책임은 용역계약일반조건에서 정한 바에 따름",
])
def test_reference_to_the_law_without_a_period_noun_passes(clause):
    f, _ = check("5. 계약 조건", clause)
    assert f.status == "pass"
    assert clause.lstrip("○ ")[:10] in quotes(f)


def test_defect_bond_reference_is_not_a_period():
    f, _ = check("5. 계약 조건", "○ 하자보수보증금은 용역계약일반조건에 따른다.")
    assert f.status == "missing"


# -- extra periods with 추가/연장 on either side of 기간, and the contractor's own free support ----------

@pytest.mark.parametrize("clause", [
    "○ 제안사는 무상 유지관리 기간의 연장을 제안할 수 있음",
    "○ 제안사는 하자보수 기간 만료 후의 무상 기술지원 기간을 추가하여 제시할 수 있다.",
    "○ 추가 무상 하자보수 기간을 제안하는 경우 그 기간과 범위를 명시하여야 함",
])
def test_extra_free_period_offers_in_other_word_orders_are_a_violation(clause):
    f, _ = check("5. 하자보수", "○ 하자보수 기간은 검수 후 1년으로 함", clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert "추가 무상기간" in f.message


def test_paid_extension_offer_is_not_an_extra_free_period():
    f, _ = check("5. 하자보수", "○ 하자보수 기간은 검수 후 1년으로 함",
                 "○ 하자보수 기간 종료 후 유상 유지보수 기간의 연장은 별도 계약으로 제안할 수 있음")
    assert f.status == "pass", (f.message, quotes(f))


def test_contractor_free_support_after_the_defect_period_adds_to_it():
    f, _ = check("5. 하자보수", "○ 하자담보 책임기간은 1년으로 하며, 하자담보 책임기간 만료 후 6개월간 무상 기술지원을 제공함")
    assert f.status == "violation", (f.message, quotes(f))
    assert "종료 후 무상 6개월" in f.message


def test_maker_support_years_named_with_the_product_stay_outside_defect_liability():
    f, _ = check("5. 하자보수", "○ 하자담보 책임기간은 1년으로 함",
                 "○ 도입 상용SW는 제조사의 무상 기술지원 3년을 포함하여 납품하여야 함")
    assert f.status == "pass", (f.message, quotes(f))


def test_second_period_after_a_note_line_is_read():
    cell = ("❍ 사업 종료 시 하자보증확약서를 제출하여야 함(제품별 제조사 확약서 포함)\n"
            "하자담보 책임기간은 최종 검수일로부터 2년으로 한다.")
    f, _ = check("5. 계약 조건", "하자보수기간은 사업종료 후 1년으로 한다.", cell)
    assert f.status == "violation" and "2년" in quotes(f)
