"""SW15 적정 사업기간 산정: the statement or the attached 종합산정서, the self-check and law-list
traps, a 산정서 that computes a longer period, "not applied" statements, and the > 1억 gate."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw15_duration import detect

from docbuild import quotes, run

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


@pytest.mark.parametrize("lines", [
    ("2. 관련 법령", "ㅇ 소프트웨어 진흥법", "ㅇ 소프트웨어 개발사업의 적정 사업기간 산정 기준(과학기술정보통신부 고시)", "ㅇ 전자정부법"),
    ("2. 준수 법령", "- 소프트웨어 진흥법 및 같은 법 시행령", "- 소프트웨어 개발사업의 적정 사업기간 산정 기준",
     "- 정보시스템 구축·운영 지침"),
])
def test_bulleted_law_lists_are_not_evidence(lines):
    f, _ = run(detect, *lines, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_self_check_rows_ticked_with_words_are_not_evidence():
    rows = [["점검항목", "준수여부"], ["과업심의위원회 개최", "예"], ["적정 사업기간 산정 기준 적용", "예"], ["SW사업정보 제출", "예"]]
    f, _ = run(detect, "[붙임 5] 법제도 준수 체크리스트", rows=rows, kind="SW개발", budget="5억")
    assert f.status == "missing"


@pytest.mark.parametrize("clause", [
    "※ 사업기간은 「소프트웨어 진흥법」 제45조에 따라 적정 사업기간을 산정하여 정하였음",
    "○ 사업기간은 적정 사업기간 산정 결과(9개월)를 반영하여 계약일로부터 9개월로 함",
])
def test_computed_period_statements_pass(clause):
    f, _ = run(detect, "2. 사업 개요", clause, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "적정 사업기간" in quotes(f)


def test_period_set_by_the_committee_without_the_standard_needs_review():
    f, _ = run(detect, "2. 사업 개요", "○ 개발기간 7개월은 과업심의위원회 심의 시 산정된 기간임", kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "과업심의위원회" in f.message and "과업심의" in quotes(f)


def test_committee_that_only_adjusts_amounts_is_not_a_period_computation():
    f, _ = run(detect, "2. 사업 개요", "○ 과업 변경 시 과업심의위원회 심의를 거쳐 계약금액·기간을 조정함", kind="SW개발",
               budget="5억")
    assert f.status == "missing"


def test_statement_after_a_parenthesised_line_is_not_a_law_list_item():
    f, _ = run(detect, "2. 사업 개요", "○ 사업예산 : 4억원(부가세 포함)",
               "○ 사업기간은 적정 사업기간을 산정하여 9개월로 하였음(붙임 참조)", "○ 착수 보고 : 계약 후 10일 이내",
               kind="SW개발", budget="4억")
    assert f.status == "pass"


# The corpus labels accept either element alone as 적합 (지침 제10조 asks for both); the message then names
# the element that was not found.

def test_statement_alone_passes_and_names_the_missing_summary_sheet():
    f, _ = run(detect, "2. 사업 개요", "○ 사업기간은 「소프트웨어 개발사업의 적정 사업기간 산정 기준」을 적용하여 정하였음",
               kind="SW개발", budget="3억")
    assert f.status == "pass"
    assert "종합산정서" in f.message and "확인하지 못했" in f.message


def test_summary_sheet_alone_passes_and_names_the_missing_statement():
    f, _ = run(detect, "2. 사업 개요", "<붙임 2> 적정 사업기간 종합산정서", kind="SW개발", budget="3억")
    assert f.status == "pass"
    assert "문구는 따로 확인하지 못했" in f.message


def test_statement_and_summary_sheet_are_both_quoted():
    f, _ = run(detect, "2. 사업 개요", STATEMENT, "<붙임 2> 적정 사업기간 종합산정서", kind="SW개발", budget="3억")
    assert f.status == "pass"
    assert "모두" in f.message
    assert "산정 기준" in quotes(f) and "종합산정서" in quotes(f)


def test_basis_with_a_note_that_the_sheet_is_not_attached_needs_review():
    f, _ = run(detect, "2. 사업 개요",
               "○ 사업기간: 계약일로부터 9개월 - 적정 사업기간 산정 기준을 참고하여 산정함(종합산정서 미첨부)",
               kind="SW개발", budget="6억")
    assert f.status == "review"
    assert "첨부하지 않았다" in f.message
    assert "산정 기준" in quotes(f)


def test_attached_sheet_is_not_undone_by_an_unrelated_note():
    f, _ = run(detect, "2. 사업 개요", STATEMENT, "<붙임 3> 적정 사업기간 종합산정서", "○ 세부 일정표는 미첨부",
               kind="SW개발", budget="6억")
    assert f.status == "pass"
