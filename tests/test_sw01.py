"""SW01 과업심의위원회: the committee and the request right as evidence, and the clauses that make
the contractor absorb added or changed work — with the costs a contractor normally bears kept apart."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw01_task_review import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["OO공단 자산관리시스템 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 계약일로부터 7개월"]
HELD = "○ 본 사업은 「소프트웨어 진흥법」 제50조에 따른 과업내용 확정을 위하여 과업심의위원회를 개최한 사업임"
REQUEST = ("○ 과업내용 변경 및 그에 따른 계약금액·계약기간 조정이 필요한 경우, 계약상대자는 소프트웨어사업 "
           "과업변경요청서를 제출하여 과업심의위원회 개최를 요청할 수 있음")


def check(*lines: str, kind: str = "SW개발"):
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*HEAD, *lines)])
    segment(doc)
    infer_facts(doc, {"kind": kind, "budget": "8억"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


# -- compliant --------------------------------------------------------------------------------------

def test_committee_held_and_request_right_pass_with_both_quoted():
    f, _ = check("5. 계약 조건", HELD, REQUEST)
    assert f.status == "pass"
    assert "개최한 사업임" in quotes(f) and "요청할 수 있음" in quotes(f)
    assert "찾지 못했습니다" not in f.message


def test_checkbox_forms_are_read():
    f, _ = check("5. 계약 조건", "○ 과업내용 확정을 위하여 과업심의위원회를 (✔)개최 또는 ( )미개최한 사업임")
    assert f.status == "pass"
    assert "요청권" in f.message  # the request right is named as not found
    f, _ = check("5. 계약 조건", "○ 과업내용 확정을 위하여 과업심의위원회를 ( )개최 또는 (✔)미개최한 사업임")
    assert f.status == "missing"
    assert "미개최" in f.message or "열지 않은" in f.message


def test_request_right_alone_passes():
    f, _ = check("5. 계약 조건", "※ 본 사업은 「소프트웨어 진흥법」 제50조에 따라 계약당사자가 과업변경심의위원회 개최를 요청할 수 있음")
    assert f.status == "pass"
    assert "개최 여부" in f.message


def test_committee_planned_before_contract_counts():
    f, _ = check("5. 계약 조건", "※ 과업심의위원회를 미개최한 사업임(계약 전까지 개최 예정)", REQUEST)
    assert f.status == "pass"
    assert "열지 않은" not in f.message


# -- violations --------------------------------------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ 다만, 과업 변경에 따른 추가 비용은 계약상대자가 부담하며, 변경된 과업은 당초 기간 안에 완료하여야 함",
    "○ 과업 범위 내의 경미한 변경 사항은 별도의 비용을 청구하지 않고 수행하여야 함",
    "○ 과업지시서에 명시되지 않은 사항이라도 사업 수행상 당연히 필요한 경미한 사항은 본 계약에 포함된 것으로 봄",
    "○ 제안요청서에 반영되지 않은 경우에도 필요한 기능은 구현하여야 하며, 해당 비용은 계약금액에 포함됨",
    "○ 향후 전산실 이전 시 장비 이전 비용은 계약상대자가 부담함",
    "○ 과업 진행 중 관련 법령이 변경되었을 경우 기존 과업범위에 포함하여 추진한다.",
    "○ 본 사업을 수행 중 제안요청서에 누락된 사항 및 발주기관의 변경요구가 있을 시 지체없이 수행하여야 함",
])
def test_absorbing_added_or_changed_work_is_a_violation_even_with_a_committee(clause):
    f, doc = check("5. 계약 조건", HELD, REQUEST, clause)
    assert f.status == "violation"
    assert clause.lstrip("○ ")[:25] in quotes(f)
    assert "적혀 있으나" in f.message  # the committee statements are acknowledged
    for e in f.evidence:
        assert doc.text[e.start:e.end].strip() == e.quote


def test_violation_without_committee_says_both():
    f, _ = check("5. 계약 조건", "○ 과업 내용이 추가되는 경우 별도의 비용을 청구하지 않고 수행하여야 함")
    assert f.status == "violation"
    assert "과업변경 심의 요청권도 적혀 있지 않습니다" in f.message


# -- costs a contractor normally bears, and unstated items that are not imposed ------------------------

@pytest.mark.parametrize("clause", [
    "○ 제안서 작성에 소요되는 일체의 비용은 제안사가 부담함",
    "○ 하자보수 기간 중 추가로 발생한 오류 수정 비용은 계약상대자가 부담함",
    "○ 보안서약서 이행에 따른 추가 비용은 사업자가 부담함",
    "○ 인력 교체 시 인수인계 기간의 추가 인건비는 사업자 부담으로 함",
    "○ 제안하는 모든 기능은 추가비용 없이 설치 및 사용이 가능하여야 함",
    "○ 이행실적에 대한 입증책임은 입찰자가 부담하며, 평가결과에 대해서 제안사는 이의를 제기할 수 없음",
    "○ 추가 도입 제품의 연동이 안될 경우 제품 교체에 따른 비용은 계약상대자가 부담함",
    "○ 제안요청서에 명시되지 않은 사항은 관계 법령 및 용역계약일반조건에 따른다.",
    "○ 제안요청서에 명시되지 않았으나 필요하다고 판단되는 사항은 별도 표시하여 추가로 제안할 수 있음",
    "○ 제안요청서에 명시되지 않은 사항이라도 필요한 경우 상호 협의하여 결정함",
    "○ 제안서에 제시된 내용은 계약서에 명시하지 않더라도 계약서와 동일한 효력을 가진다.",
])
def test_ordinary_costs_and_open_items_are_not_violations(clause):
    f, _ = check("5. 계약 조건", HELD, REQUEST, clause)
    assert f.status == "pass", f.message


def test_unstated_equipment_parts_without_a_cost_clause_are_not_a_violation():
    f, _ = check("5. 계약 조건", HELD, REQUEST,
                 "○ 하드웨어 요구사항에는 명시되지 않았으나 정상 동작에 필수적인 부품은 기본 장착하여 납품")
    assert f.status == "pass"


# -- missing / not applicable --------------------------------------------------------------------------

def test_nothing_about_the_committee_is_missing():
    f, _ = check("5. 계약 조건", "○ 요건 및 내용이 변경될 경우 과업변경 절차에 따라 상호 협의하여 결정")
    assert f.status == "missing"
    assert f.looked_for and "과업심의위원회" in f.looked_for
    assert not f.evidence


def test_change_request_form_title_alone_is_not_a_request_right():
    f, _ = check("7. 붙임", "[별지 제27호] 소프트웨어사업 과업변경요청서",
                 "처리절차: 신청서 작성 → 접수 → 과업심의위원회 개최 → 심의·의결 → 결과 통보")
    assert f.status == "missing"


def test_pure_hardware_project_is_not_applicable():
    f, _ = check("5. 계약 조건", "○ LED 전광판 납품 및 설치", kind="HW")
    assert f.status == "not_applicable"
    assert "HW" in f.message


# -- wording the first lexicon missed, tables, negated demands, quotes --------------------------------

def check_rows(*lines: str, rows: list[list[str]]):
    from rfpcheck.pipeline.model import TABLE_CELL

    blocks = [RawBlock(t) for t in (*HEAD, *lines)]
    for r, cells in enumerate(rows):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {"kind": "SW개발", "budget": "8억"})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("clause", [
    "○ 사업 진행 중 기관 요청으로 화면이 추가되더라도 계약금액의 조정 없이 처리하여야 함",
    "- 연계 대상이 늘어나는 경우에도 용역대가 및 사업기간은 변경하지 아니한다.",
    "○ 과업 범위가 확대되더라도 계약상대자는 추가 대가를 청구할 수 없음",
    "- 추가 보고서 작성 요청 시 별도 대가 요구 불가",
    "○ 기능이 추가되더라도 계약상대자는 사업비 증액을 요청할 수 없다.",
    "○ 청사가 이전될 경우 장비 재설치 비용은 사업자가 부담한다.",
    "○ 요구사항 변경 시 발생하는 추가 개발은 계약자의 책임과 비용으로 수행한다.",
])
def test_absorbed_change_wins_over_a_committee_sentence(clause):
    f, doc = check("5. 계약 조건", HELD, REQUEST, clause)
    assert f.status == "violation"
    assert clause.lstrip("○- ").rstrip(".") in quotes(f)
    assert "어긋납니다" in f.message  # the compliant sentences are named, and overruled
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_agency_promising_not_to_demand_unpaid_work_is_not_a_violation():
    f, _ = check("5. 계약 조건", HELD, "○ 발주기관은 계약금액 조정 없이 추가 과업을 요구할 수 없다.")
    assert f.status == "pass"
    f, _ = check("5. 계약 조건", HELD, "○ 계약금액 조정 없이 추가 과업을 수행하여야 하며 이를 거부할 수 없다.")
    assert f.status == "violation"


def test_bid_negotiation_and_contractor_requested_changes_are_not_scope_changes():
    f, _ = check("5. 계약 조건", HELD,
                 "○ 협상 과정에서 입찰금액 이외의 추가 금액을 요구할 수 없다.",
                 "○ 계약상대자의 요청에 의한 일정 변경은 계약상대자 부담으로 한다.",
                 "○ 투입 인력 교체 시 발생하는 비용은 계약상대자가 부담한다.")
    assert f.status == "pass"


def test_key_value_row_is_read_and_quoted_as_one_clause():
    f, doc = check_rows("5. 계약 조건", rows=[["구분", "조건"], ["과업 추가", "계약금액 증액 없이 수행"]])
    assert f.status == "violation"
    assert quotes(f) == "과업 추가 | 계약금액 증액 없이 수행"


@pytest.mark.parametrize("lines, rows", [
    (["○ 과업심의위원회 개최일 : 2024년 5월 10일"], []),
    ([], [["항목", "내용"], ["과업심의위원회 심의 일자", "2023. 11. 7."]]),
    (["○ 계약상대자는 과업 내용 변경이 필요하면 과업심의위원회에 심의를 요청할 수 있다."], []),
])
def test_committee_dates_and_request_wordings_pass(lines, rows):
    f, _ = check_rows("5. 계약 조건", *lines, rows=rows)
    assert f.status == "pass"
    assert f.evidence


def test_procedure_diagram_row_is_not_a_held_committee():
    f, _ = check_rows("붙임 3. 과업변경 요청서 처리 절차",
                      rows=[["신청", "접수", "과업심의위원회 심의", "결과 통보"]])
    assert f.status == "missing"


def test_one_sentence_with_both_statements_is_quoted_once():
    f, _ = check("5. 계약 조건", "○ 본 사업은 과업심의위원회를 개최한 사업이며, 계약상대자는 과업변경요청서를 "
                              "제출하여 과업심의위원회 개최를 요청할 수 있음")
    assert f.status == "pass"
    assert len(f.evidence) == 1


def test_particle_agrees_with_the_word_before_a_parenthesis():
    f, _ = check("5. 계약 조건", HELD)
    assert "개최(예정)가 적혀" in f.message


# -- more wordings of the same violations, alone and beside a compliant committee statement -------------

@pytest.mark.parametrize("clause, quoted", [
    ("○ 사업 범위가 확대되더라도 계약금액은 변동되지 않는다.", "변동되지 않는다"),
    ("○ 추가로 요구되는 기능은 계약금액 변동 없이 구현하여야 한다.", "변동 없이"),
    ("○ 발주기관이 추가로 요청하는 화면은 수행사가 무상으로 개발한다.", "무상으로 개발한다"),
    ("○ 화면 추가 요청이 있으면 무상으로 추가 작업을 수행하여야 한다.", "무상으로 추가 작업을"),
    ("○ 과업 범위 변경에 따른 추가 대가는 청구할 수 없다.", "청구할 수 없다"),
    ("○ 설계 변경으로 늘어난 작업의 추가 비용은 인정하지 아니함", "인정하지 아니함"),
    ("○ 요구사항이 추가되더라도 추가 비용은 일체 발생하지 않는 것으로 한다.", "발생하지 않는 것으로"),
    ("○ 추가 과업에 대한 비용은 계약상대자가 전액 부담한다.", "전액 부담"),
    ("○ 변경 요구사항이 발생하는 때에는 계약상대자가 이를 반영하여야 한다.", "반영하여야"),
    ("○ 과업지시서에 기술되지 않은 사항이라도 운영에 필요하면 수행사가 무상으로 지원해야 함", "무상으로 지원해야"),
])
def test_reworded_violations_are_quoted_even_beside_the_committee(clause, quoted):
    for lines in ((clause,), (HELD, REQUEST, clause)):
        f, _ = check("5. 계약 조건", *lines)
        assert f.status == "violation", lines
        assert quoted in quotes(f)
    assert "어긋납니다" in f.message  # the committee statements are named, and the clause still decides


@pytest.mark.parametrize("clause", [
    # the change goes through the committee or an adjustment
    "○ 추가 요구사항이 발생하는 경우 계약금액 조정을 거쳐 수용하여야 한다.",
    # a promise not to demand unpaid work, with or without a named subject
    "○ 기능이 추가되는 경우에도 별도 대가 없이 수행하도록 요구하지 아니한다.",
    "○ 발주기관은 계약상대자에게 무상으로 추가 작업을 수행하도록 요구할 수 없다.",
    # free work that is the contractor's own duty, or part of the stated scope
    "○ 하자보수 기간 중 발견된 오류는 무상으로 수정하여야 한다.",
    "○ 시스템 운영에 필요한 사용자 교육은 무상으로 지원하여야 한다.",
])
def test_reworded_non_violations_stay_clear(clause):
    f, _ = check("5. 계약 조건", clause)
    assert f.status == "missing", f.message


def test_a_negated_demand_does_not_hide_a_contractor_duty_in_the_same_sentence():
    # the contractor is the subject and the no-cost wording stands on its own
    f, _ = check("5. 계약 조건", "○ 계약상대자는 추가 기능을 별도 비용 없이 구현하며, 추가 대가를 요구할 수 없다.")
    assert f.status == "violation"


# -- terse 함/임 endings and dated reviews ---------------------------------------------------------


@pytest.mark.parametrize("clause", [
    "- 운영 중 접수되는 기능 추가 요청은 사업비 변동 없이 반영함",
    "○ 요구사항 변경에 따른 화면 추가는 무상으로 처리함",
    "○ 사용자 부서의 추가 요청 사항은 모두 수용함",
])
def test_terse_ham_duty_without_full_stop_is_a_violation(clause):
    # the next line is a chapter heading that must not be read into the clause
    f, _ = check(HELD, "2. 과업 범위", clause, "Ⅳ. 제안서 작성 요령", "○ 제안서는 인쇄본으로 제출한다.")
    assert f.status == "violation", (f.message, quotes(f))
    assert clause[2:12] in quotes(f)


def test_terse_ham_free_service_in_the_scope_is_not_a_violation():
    f, _ = check(HELD, REQUEST, "○ 사용자 교육은 무상으로 실시함", "Ⅳ. 제안서 작성 요령")
    assert f.status == "pass", (f.message, quotes(f))


@pytest.mark.parametrize("held", [
    "다. 과업 확정: 과업심의위원회 심의 완료(2024. 5.)",
    "○ 과업 범위는 과업심의위원회의 심의(2024. 4. 9.)를 거쳐 확정되었음",
    "○ 과업심의위원회 개최(2024.1.30.) 완료",
])
def test_dated_or_completed_review_counts_as_held(held):
    f, _ = check(held, REQUEST)
    assert f.status == "pass", (f.message, quotes(f))
    assert "개최 여부" not in f.message and "적혀 있지 않습니다" not in f.message
    f, _ = check(held, "○ 추가 과업은 계약금액 변동 없이 수행함")
    assert f.status == "violation", (f.message, quotes(f))
    assert "개최 여부와" not in f.message and "어긋납니다" in f.message


# -- minor scope adjustments charged to the contractor, terse "held" lines ----------------------------

@pytest.mark.parametrize("key, value", [
    ("소규모 기능 조정", "수행사 부담으로 처리"),
    ("요구사항 변경(경미)", "계약상대자 비용으로 수용"),
    ("업무 추가", "사업자 자체 부담으로 해결"),
])
def test_scope_change_row_at_contractor_cost_is_a_violation(key, value):
    f, _ = check_rows(HELD, REQUEST, rows=[["변경 유형", "비용 처리"], [key, value],
                                          ["대규모 과업 변경", "과업심의 후 계약금액 조정"]])
    assert f.status == "violation", f.message
    assert value in quotes(f)


def test_scope_change_row_with_adjustment_is_not_a_violation():
    f, _ = check_rows(HELD, REQUEST, rows=[["변경 유형", "비용 처리"], ["기능 변경", "과업심의 후 계약금액 조정"]])
    assert f.status == "pass", f.message


@pytest.mark.parametrize("line", [
    "5. 과업심의위원회 : 2023. 11. 개최 완료",
    "- 과업심의위원회: 지난 2월 심의 완료",
])
def test_terse_key_value_line_counts_as_held(line):
    f, _ = check(line, REQUEST)
    assert f.status == "pass", f.message
    assert line.split(":")[0].strip("-5. ") in quotes(f)


def test_terse_line_saying_not_held_is_not_held():
    f, _ = check("5. 과업심의위원회 : 미개최 완료 여부 미정")
    assert f.status != "pass"


# -- a list item in a reflowed table cell is its own clause ------------------------------------------

_LONG_ITEM = ("ㅇ 사업 착수 후 2주 이내에 수행계획서를 제출하고 발주기관의 승인을 받은 뒤 그 계획에 따라 "
              "단계별 산출물을 작성하여 검토를 받아야 함")


def test_no_cost_clause_after_a_short_list_item_in_the_same_cell_is_a_violation():
    cell = "\n".join([
        _LONG_ITEM,
        "ㅇ 현장 근무 시 책상과 전화는 기관이 제공하나 그 밖의 필요한 사무용품과 개발 장비는 수행사가 마련하며 "
        "원격 근무 시 보안 점검표를 매월 제출함",
        "- 원격 근무 시 필요한 집기 등은 수행사가 준비",
        "기관 요청으로 화면 수가 늘어나더라도 수행사는 계약금액과 기간의 조정 없이 이를 반영하여야 한다.",
    ])
    f, doc = check_rows(REQUEST, rows=[["요구사항 번호", "PMR-009"], ["상세 내용", cell]])
    assert f.status == "violation", f.message
    q = quotes(f)
    assert "조정 없이 이를 반영" in q
    assert "집기" not in q  # the quote starts at the clause, not at the list item above it
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_a_cost_word_on_a_long_wrapped_line_still_belongs_to_the_clause():
    # similar line lengths: the break only wraps the sentence, so the defect context still decides
    cell = "\n".join([
        _LONG_ITEM,
        "ㅇ 검수 이후 하자보수 기간 중에 발견된 결함과 오류에 대하여 계약상대자는 원인을 분석하고 재발 방지 대책을",
        "수립하여 별도의 비용을 청구하지 않고 즉시 수정하여야 하며 그 결과를 발주기관에 서면으로 보고하여야 함",
    ])
    f, _ = check_rows(HELD, REQUEST, rows=[["요구사항 번호", "PMR-010"], ["상세 내용", cell]])
    assert f.status == "pass", (f.message, quotes(f))


@pytest.mark.parametrize("lines", [
    # a past practice told in the 현황 chapter, under a sub-heading that names contracts
    ("Ⅱ. 현황 및 문제점", "2. 종전 계약 방식", "○ 지난 사업에서는 변경된 과업을 계약상대자 부담으로 수행한 사례가 있었음",
     "Ⅴ. 계약 조건", "1. 과업심의위원회 심의를 거쳐 과업을 확정함(2024.3.)",
     "2. 계약상대자는 과업 변경 시 과업심의위원회 개최를 요청할 수 있으며 그 결과에 따라 계약금액을 조정함"),
    # a past practice said to be reformed, wherever it stands
    ("Ⅴ. 계약 조건", "○ 이전에는 추가 과업을 계약상대자 부담으로 하였으나 본 사업부터 이를 폐지함",
     "○ 계약상대자는 과업 변경 시 과업심의위원회 개최를 요청할 수 있으며 그 결과에 따라 계약금액을 조정함"),
])
def test_past_practice_is_no_clause_of_this_rfp(lines):
    f, _ = check(*lines)
    assert f.status != "violation", f.message
    assert "부담" not in quotes(f)


def test_live_clause_in_a_contract_chapter_still_a_violation():
    f, _ = check("Ⅴ. 계약 조건", "○ 사업 수행 중 추가된 과업은 계약상대자 부담으로 처리한다")
    assert f.status == "violation"
