"""SW18 SW사업정보 제출: the submission clause (any of its spellings), the scope (development or
operation, not ISP/consulting) and the 1억 gate (unknown amount → 검토필요)."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw18_project_info import detect

from docbuild import quotes, run

CLAUSE = "○ 계약상대자는 「소프트웨어 진흥법」 제46조에 따라 SW사업정보(SW사업 수행 및 실적정보) 데이터를 작성하여 제출하여야 함"


@pytest.mark.parametrize("clause", [
    CLAUSE,
    "○ 제출방법 : SW사업정보 저장소(www.spir.kr) 자료실의 등록방법 안내 참조",
    "○ 소프트웨어사업 정보는 계약 후 1개월 이내에 작성·제출함",
])
def test_submission_clause_passes(clause):
    f, _ = run(detect, "6. 프로젝트관리 요구사항", clause, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert f.evidence and "5억원" in f.applies


def test_requirement_row_naming_the_submission_passes():
    f, _ = run(detect, "6. 요구사항 목록", rows=[["요구사항 고유번호", "요구사항 명칭"], ["PMR-004", "소프트웨어사업정보 제출"]],
               kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_missing_in_development_over_the_threshold():
    f, _ = run(detect, "6. 프로젝트관리 요구사항", "○ 착수계 및 사업수행계획서를 제출하여야 함", kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "SW사업정보" in f.looked_for


def test_operation_contracts_are_in_scope():
    f, _ = run(detect, "6. 운영 요구사항", "○ 월간 운영보고서를 제출하여야 함", kind="유지관리운영", budget="2억")
    assert f.status == "missing"
    assert "유지관리·운영" in f.applies


@pytest.mark.parametrize("kind", ["ISP컨설팅", "연구용역"])
def test_consulting_and_research_are_not_applicable(kind):
    f, _ = run(detect, "6. 기타", CLAUSE, kind=kind, budget="5억")
    assert f.status == "not_applicable"


def test_under_one_hundred_million_is_not_applicable():
    f, _ = run(detect, "6. 기타", "○ 착수계를 제출함", kind="SW개발", budget="9,900만원")
    assert f.status == "not_applicable"
    assert "1억원" in f.applies


def test_unknown_amount_needs_review_unless_the_clause_is_there():
    f, doc = run(detect, "6. 기타", "○ 착수계를 제출함", kind="SW개발")
    assert not doc.facts.get_fact("budget_krw").known
    assert f.status == "review" and "사업금액" in f.message
    f, _ = run(detect, "6. 기타", CLAUSE, kind="SW개발")
    assert f.status == "pass"


def test_self_check_row_that_is_not_the_last_is_not_evidence():
    rows = [["점검항목", "확인"], ["18. SW사업정보 제출", "O"], ["17. SW사업 영향평가", "O"]]
    f, _ = run(detect, "[붙임] 자가점검표", rows=rows, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_bulleted_law_list_is_not_evidence():
    f, _ = run(detect, "2. 관련 법령", "ㅇ 소프트웨어 진흥법", "ㅇ SW사업정보 저장소 운영 규정", "ㅇ 전자정부법",
               kind="SW개발", budget="5억")
    assert f.status == "missing"


@pytest.mark.parametrize("lines", [
    ("○ 계약상대자는 착수 시 SW사업 정보보안 서약서를 작성하여 제출하여야 함",),
    ("2. 제안서 목차", "5.3 SW사업정보 관리 방안", "○ 목차별 작성 내용은 제안사가 정함"),
])
def test_other_topics_and_outline_items_are_not_the_submission(lines):
    f, _ = run(detect, "6. 기타", *lines, kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == []


# -- a leak of "SW사업 정보" is another topic; the article applied in one sentence ---------------------

@pytest.mark.parametrize("clause", [
    "○ 수행사는 SW사업 정보의 외부 누출을 막기 위해 비밀유지 확약서를 작성하여 제출한다.",
    "○ 소프트웨어사업 정보 보호를 위하여 참여자 전원의 보안서약서를 등록한다.",
])
def test_security_of_project_information_is_not_the_submission(clause):
    f, _ = run(detect, "6. 보안 요구사항", clause, kind="SW개발", budget="5억")
    assert f.status == "missing", quotes(f)


def test_the_article_applied_in_one_sentence_passes_and_a_law_list_does_not():
    f, doc = run(detect, "6. 프로젝트관리 요구사항",
                 "○ 계약상대자는 「소프트웨어 진흥법」 제46조에 따라 사업 종료 후 규모·일정·품질에 관한 자료를 장관이 정하는 곳에 등록한다.",
                 kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "제46조" in quotes(f)
    f, _ = run(detect, "2. 관련 법령", "- 「소프트웨어 진흥법」 제46조", "- 「전자정부법」", "6. 프로젝트관리 요구사항",
               "○ 착수계와 사업수행계획서를 제출한다.", kind="SW개발", budget="5억")
    assert f.status == "missing", quotes(f)
    # the article in one sentence, a submission in the next: not one statement
    f, _ = run(detect, "6. 기타", "○ 「소프트웨어 진흥법」 제46조는 별도로 안내한다. 착수계는 계약 후 7일 이내에 제출한다.",
               kind="SW개발", budget="5억")
    assert f.status == "missing", quotes(f)


def test_an_earlier_phase_submission_in_the_history_is_not_this_contracts_duty():
    f, _ = run(detect, "2. 추진 현황", "○ 1차 사업 종료 후 SW사업정보 저장소에 사업정보를 제출한 바 있음", kind="고도화",
               budget="5억")
    assert f.status == "missing"
    f, _ = run(detect, "2. 추진 현황", "○ 1차 사업 종료 후 SW사업정보 저장소에 사업정보를 제출한 바 있음",
               "6. 프로젝트관리 요구사항", CLAUSE, kind="고도화", budget="5억")
    assert f.status == "pass" and "1차" not in quotes(f)


@pytest.mark.parametrize("line", [
    "- 소프트웨어 진흥법 제46조(소프트웨어사업 정보의 제출)",
    "관련 근거: 「소프트웨어 진흥법」 제46조(소프트웨어사업 정보의 제출)",
])
def test_article_title_alone_is_not_the_submission(line):
    f, _ = run(detect, "1. 사업개요", line, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_article_title_followed_by_the_duty_still_passes():
    f, _ = run(detect, "6. 기타", "○ 소프트웨어 진흥법 제46조(소프트웨어사업 정보의 제출)에 따라 계약상대자는 "
               "사업 종료 후 사업 정보를 작성하여 제출하여야 함", kind="SW개발", budget="5억")
    assert f.status == "pass"
