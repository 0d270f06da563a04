"""checks/gates.py: the applicability gates (SW development, amount, proposal evaluation, negotiated
contract) and the context tests (law lists, self-check rows, one block) shared by SW02, SW07,
SW10–SW13, SW15, SW17 and SW18."""
from __future__ import annotations

import pytest
import regex

from rfpcheck.checks import _must_state, gates
from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.registry import get_rule
from rfpcheck.pipeline.model import Fact

from docbuild import build_doc as build
from docbuild import inferred


def match(doc, needle: str):
    """The first match of a literal (whitespace-free) on the document."""
    ctx = CheckContext(doc)
    return next(ctx.finditer(regex.escape("".join(needle.split()))))


# -- law lists ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lines, needle", [
    (("2. 관련 법령", "ㅇ 소프트웨어 진흥법", "ㅇ 공공데이터 관리지침", "ㅇ 전자정부법"), "공공데이터 관리지침"),
    (("2. 준수 법령", "- 정보시스템 구축·운영 지침", "- 전자정부 웹사이트 품질관리 지침(행정안전부 고시)"), "웹사이트 품질관리"),
    (("관련 법령",
      "ｏ정보시스템 구축·운영 지침(행정안전부고시)ｏ소프트웨어 기술성 평가기준(과학기술정보통신부고시)ｏ용역계약일반조건"),
     "소프트웨어 기술성 평가기준"),
])
def test_items_of_bare_law_lists(lines, needle):
    doc = build(*lines)
    assert gates.law_list_item(doc, match(doc, needle))


@pytest.mark.parametrize("line, needle", [
    ("ㅇ 본 사업은 「공공데이터 관리지침」에 따라 개방 데이터를 제출하여야 함", "공공데이터 관리지침"),
    ("ㅇ 평가기준 : 소프트웨어 기술성 평가기준", "소프트웨어 기술성 평가기준"),
    ("ㅇ 기술능력평가는 「소프트웨어 기술성 평가기준」", "소프트웨어 기술성 평가기준"),
])
def test_statements_that_apply_a_law_are_not_list_items(line, needle):
    doc = build("2. 평가 방법", line)
    assert not gates.law_list_item(doc, match(doc, needle))


# -- self-check rows ---------------------------------------------------------------------------------


def test_every_ticked_row_of_a_check_table_is_a_self_check_row():
    rows = [["점검항목", "준수여부"], ["과업심의위원회 개최", "예"], ["적정 사업기간 산정", "예"], ["영향평가 실시", "해당"]]
    doc = build("[붙임] 법제도 준수 체크리스트", rows=rows)
    for needle in ("과업심의위원회", "적정 사업기간 산정", "영향평가 실시"):
        assert gates.self_check_row(doc, match(doc, needle)), needle


def test_mark_ticks_count_without_a_check_header_and_outside_tables():
    doc = build("[붙임]", "15. SW사업 적정사업기간 산정 | O", rows=[["구분", "비고"], ["18. SW사업정보 제출", "○"]])
    assert gates.self_check_row(doc, match(doc, "적정사업기간 산정"))
    assert gates.self_check_row(doc, match(doc, "SW사업정보 제출"))


@pytest.mark.parametrize("rows, needle", [
    ([["구분", "내용"], ["제안서 보상", "해당(지침에 따라 2인 보상)"]], "제안서 보상"),
    ([["구분", "내용"], ["적정 사업기간 산정", "해당"]], "적정 사업기간 산정"),  # a word tick needs a check header
    ([["요구사항 ID", "요구사항 명칭", "필수"], ["PMR-004", "소프트웨어사업정보 제출", "O"]], "사업정보 제출"),
])
def test_overview_and_requirement_rows_are_not_self_check_rows(rows, needle):
    doc = build("3. 요구사항", rows=rows)
    assert not gates.self_check_row(doc, match(doc, needle))


@pytest.mark.parametrize("rows, needle", [
    ([["점검항목", "해당", "미해당"], ["SW사업 영향평가 결과서 첨부", "□", "□"]], "영향평가 결과서"),  # not ticked
    ([["점검항목", "해당", "미해당"], ["SW사업정보 제출", "■", "☐"]], "SW사업정보 제출"),
    ([["항목", "확인"], ["개인정보 영향평가 수행", "☐ 예 ☐ 아니오"]], "개인정보 영향평가"),
    ([["번호", "항목", "확인"], ["7", "데이터 품질진단 계획 수립", "예/아니오"]], "품질진단"),
    ([["항목", "결과"], ["과업심의위원회 개최 및 결과 반영 여부를 검토하였는가", "V"]], "과업심의위원회"),
])
def test_rows_that_only_offer_or_mark_a_choice_are_self_check_rows(rows, needle):
    doc = build("[별지] 법제도 준수 점검표", rows=rows)
    assert _must_state.self_check_row(doc, match(doc, needle).start), needle


@pytest.mark.parametrize("rows, needle", [
    ([["요구사항 ID", "요구사항 명칭", "필수"], ["PMR-004", "소프트웨어사업정보 제출", "O"]], "사업정보 제출"),
    ([["구분", "내용"], ["SW사업 영향평가", "실시 완료(결과서 붙임 4)"]], "영향평가"),
    ([["구분", "내용", "확인"], ["개인정보 영향평가", "설계 단계에서 수행", "□"]], "개인정보 영향평가"),
])
def test_rows_that_state_something_are_not_self_check_rows(rows, needle):
    doc = build("3. 추진 현황", rows=rows)
    assert not _must_state.self_check_row(doc, match(doc, needle).start), needle


def test_same_block():
    doc = build("5.3 SW사업정보 관리 방안", "○ 목차별 작성 내용은 제안사가 정함")
    ctx = CheckContext(doc)
    across = next(ctx.finditer(r"사업정보[^。]{0,40}?작성"))
    inside = next(ctx.finditer(r"목차별작성"))
    assert not gates.same_block(doc, across) and gates.same_block(doc, inside)


# -- does the project develop SW ---------------------------------------------------------------------


def test_web_operation_contract_is_not_development_but_a_rebuild_is():
    doc = inferred(build("○ 게시물 등록"), project_kinds=["유지관리운영", "홈페이지앱"],
                   project_name="기관 누리집 운영 및 콘텐츠 관리 용역")
    assert gates.development_scope(doc)[0] is False
    inferred(doc, project_name="기관 누리집 재구축 및 운영 용역")
    assert gates.development_scope(doc)[0] is True


def test_functional_requirements_make_an_inferred_operation_contract_develop_but_not_a_given_one():
    rows = [["ID", "명칭"]] + [[f"SFR-00{i}", f"신규 기능 {i}"] for i in range(1, 4)]
    doc = inferred(build("3. 요구사항", rows=rows), project_kinds=["유지관리운영"], project_name="통합 플랫폼 운영 용역")
    dev, why = gates.development_scope(doc)
    assert dev is True and "기능 요구사항 3건" in why
    doc = build("3. 요구사항", rows=rows, kind="유지관리운영")
    dev, why = gates.development_scope(doc)
    assert dev is False and "입력값" in why and "입력한 사업유형을 따름" in why


def test_unknown_kind_is_none():
    doc = build("○ 과업")
    doc.facts["project_kinds"] = Fact("project_kinds")
    assert gates.development_scope(doc)[0] is None


def test_amount_scope():
    rule = get_rule("SW15")
    doc = build("○ 과업", kind="SW개발", budget="5억")
    sc = gates.amount_scope(CheckContext(doc), rule, 100_000_000, strict=True)
    assert sc.finding is None and sc.unsure is None and sc.applies.endswith("→ 적용")
    doc = build("○ 과업", kind="SW개발", budget="1억")
    sc = gates.amount_scope(CheckContext(doc), rule, 100_000_000, strict=True)
    assert sc.finding is not None and sc.finding.status == "not_applicable"
    doc = build("○ 과업", kind="SW개발")
    sc = gates.amount_scope(CheckContext(doc), rule, 100_000_000, strict=True)
    assert sc.finding is None and "사업금액" in sc.unsure
    assert gates.silence(CheckContext(doc), rule, sc, "없음", "찾은 것", "확인").status == "review"
    doc = build("○ 과업", kind="유지관리운영", budget="5억")
    assert gates.amount_scope(CheckContext(doc), rule, 100_000_000).finding.status == "not_applicable"
    sc = gates.amount_scope(CheckContext(doc), rule, 100_000_000, operation=True)
    assert sc.finding is None and "유지관리·운영" in sc.applies


# -- proposal evaluation and the negotiated contract ---------------------------------------------------


def test_evaluation_and_negotiation_scope():
    rule = get_rule("SW11")
    task = ["누리시 누리집 개편 용역 과업지시서", "1. 과업 개요"]
    doc = build("○ 메뉴 개편", head=task, kind="홈페이지앱", budget="0.9억")
    assert gates.evaluation_scope(doc)[0] is False
    na, _, _ = gates.negotiation_scope(CheckContext(doc), rule)
    assert na.status == "not_applicable" and "평가" in na.message
    doc = build("6. 평가", "○ 기술능력평가와 가격평가를 합산한 종합평가점수로 협상적격자를 선정함", head=task,
                kind="SW개발", budget="3억", contract_method="적격심사")
    assert gates.evaluation_scope(doc)[0] is True
    na, _, _ = gates.negotiation_scope(CheckContext(doc), rule)
    assert na.status == "not_applicable" and "적격심사(입력값)" in na.message
    doc = build("6. 평가", "○ 기술능력평가와 가격평가를 합산한 종합평가점수로 협상적격자를 선정함", kind="SW개발", budget="3억")
    na, applies, n = gates.negotiation_scope(CheckContext(doc), rule)
    assert na is None and applies.endswith("→ 적용") and n >= 2


def test_iter_named_keeps_named_groups_and_skips_the_table_of_contents():
    doc = build("목차", "기술평가 90점 ········ 3", "1. 평가", "○ 기술평가 80점")
    assert doc.toc_ranges
    found = [(rm.group("n"), m) for rm, m in gates.iter_named(doc, regex.compile(r"기술평가(?P<n>[0-9]+)점"))]
    assert [n for n, _ in found] == ["80"]
    assert doc.text[found[0][1].start:found[0][1].end] == "기술평가 80점"


def test_local_matches_narrow_a_match_that_runs_out_of_a_heading():
    doc = build("가. 사업기간: 계약일로부터 9개월", "○ 본 사업의 기간은 적정 사업기간 종합산정서(붙임 4)에 따름",
                "5.3 SW사업정보 관리 방안", "○ 목차별 작성 내용은 제안사가 정함",
                rows=[["제안서 보상", "해당(차순위 2인)"]])
    ctx = CheckContext(doc)
    rx = regex.compile(r"사업기간[^。]{0,40}?종합산정서")
    found = gates.local_matches(ctx, rx)
    assert [doc.text[m.start:m.end] for m in found] == ["사업기간 종합산정서"]
    assert gates.local_matches(ctx, regex.compile(r"사업정보[^。]{0,40}?작성")) == []
    row = gates.local_matches(ctx, regex.compile(r"제안서보상\|해당"))
    assert len(row) == 1 and not gates.same_block(doc, row[0])


# -- run-in law-list items need a law's name; sentences are not items ---------------------------------


@pytest.mark.parametrize("lines, needle", [
    # the previous line ends in ")" and the line ends in a parenthesised note, yet it is a sentence
    (("라. 총사업비: 27억원(부가세 포함)", "ㅇ 탈락 제안사 중 상위 2인에게 작성비용 일부를 지급함(관리감독 지침 제17조)",
      "ㅇ 착수계 제출"), "상위 2인에게 작성비용"),
    (("마. 계약기간: 착수일부터 10개월(잠정)", "- 위원회 검토를 거쳐 개발 기간을 10개월로 확정하였음(별첨 참조)",
      "- 중간보고 1회"), "위원회 검토를 거쳐"),
    (("(단위: 천원)", "· 본 과업의 산출물은 기관에 귀속됨(계약 조건)", "· 보안서약서 제출"), "산출물은 기관에 귀속"),
])
def test_run_in_sentences_after_a_parenthesis_are_not_law_list_items(lines, needle):
    doc = build(*lines)
    assert not gates.law_list_item(doc, match(doc, needle))


@pytest.mark.parametrize("line, needle", [
    ("ｏ전자정부법 시행령(대통령령)ｏ소프트웨어 진흥법 제45조(적정 사업기간의 보장)ｏ국가계약법", "소프트웨어 진흥법"),
    ("- 지방계약법 시행규칙(행정안전부령)-「공공기관 정보시스템 운영 매뉴얼」-용역계약일반조건", "정보시스템 운영 매뉴얼"),
])
def test_run_in_law_names_with_articles_or_brackets_stay_list_items(line, needle):
    doc = build("관련 규정", line)
    assert gates.law_list_item(doc, match(doc, needle))


def test_evaluation_table_headers_in_the_evaluation_part_count_as_an_evaluation_section():
    task = ["누리시 민원 시스템 개발 용역 과업지시서", "1. 과업 개요"]
    table = [["평가항목", "평가요소", "배점"], ["사업 이해도", "추진 전략의 적정성", "20"], ["기술 방안", "구현 방안", "40"]]
    doc = build("2. 제안서 평가 기준", "○ 평가위원회에서 아래 기준으로 평가함", rows=table, head=task, kind="SW개발", budget="3억")
    ok, why, n = gates.evaluation_scope(doc)
    assert ok is True and n >= 2
    # the same column titles under a scope heading are not an evaluation part
    doc = build("2. 과업 내용", "○ 유지관리 항목은 아래와 같음", rows=table, head=task, kind="SW개발", budget="3억")
    assert gates.evaluation_scope(doc)[0] is False


# -- mentions of an earlier phase or project ----------------------------------------------------------

EARLIER_HISTORY = ("2. 추진 경과", "○ '23. 4. 1단계 통합 민원 플랫폼 구축 완료(협상에 의한 계약으로 발주)",
                   "○ '24. 2. 이용자 설문에서 검색 기능 개선 요구가 많았음")


@pytest.mark.parametrize("lines, needle", [
    (EARLIER_HISTORY, "협상에 의한 계약"),
    (("2. 현황 및 문제점", "○ 기 구축 시스템은 제안서 보상 없이 발주되었음"), "제안서 보상"),
    (("2. 추진 경위", "○ 1차 사업(2023년) 종료 후 SW사업정보를 저장소에 제출하였음"), "SW사업정보"),
    (("2. 추진 경위", "○ 2022년 포털 개편 사업 당시 SW사업 영향평가를 받았음"), "영향평가"),
])
def test_an_earlier_phase_told_in_the_history_is_a_previous_project_mention(lines, needle):
    doc = build(*lines, head=["가람시 통합 민원 플랫폼 2단계 구축 사업 제안요청서 (2024. 5.)", "1. 사업 개요",
                              "가. 사업기간: 계약일로부터 8개월"])
    assert gates.previous_project_mention(doc, match(doc, needle))


def test_a_year_named_project_older_than_the_document_is_earlier():
    doc = build("2. 추진 경과", "○ '22년 통합 민원 사업 종료 후 SW사업정보를 제출한 바 있음",
                head=["2024년 통합 민원 플랫폼 고도화 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 8개월"])
    assert gates.previous_project_mention(doc, match(doc, "SW사업정보"))
    same = build("2. 추진 경과", "○ '24년 통합 민원 사업 착수 전 SW사업정보 제출 계획을 수립함",
                 head=["2024년 통합 민원 플랫폼 고도화 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 8개월"])
    assert not gates.previous_project_mention(same, match(same, "SW사업정보"))


@pytest.mark.parametrize("lines, needle", [
    # this project's own steps, told in the past tense in its history
    (("2. 추진 경과", "○ 본 사업 SW사업 영향평가 실시(2024. 3.)"), "영향평가"),
    (("2. 추진 경과", "○ '24. 3. SW사업 영향평가 실시 및 결과 공시"), "영향평가"),
    (("2. 추진 경과", "○ '24. 4. 1차 과업심의위원회 개최 후 영향평가 결과서 작성"), "영향평가"),
    (("2. 추진 경과", "○ 금번 2단계 사업은 1단계와 같이 협상에 의한 계약으로 추진함"), "협상에 의한 계약"),
    # the earlier phase named outside a 현황 / 추진 경과 part states what applies now
    (("5. 제안 안내", "○ 1단계 사업과 같이 협상에 의한 계약으로 추진함"), "협상에 의한 계약"),
])
def test_this_project_or_a_statement_outside_the_history_is_not_a_previous_mention(lines, needle):
    doc = build(*lines)
    assert not gates.previous_project_mention(doc, match(doc, needle))


def test_the_phase_in_the_project_name_decides_which_phase_is_earlier():
    head = ["가람시 통합 민원 플랫폼 3단계 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 8개월"]
    doc = build("2. 추진 경과", "○ 2단계 구축 사업에서 SW사업 영향평가를 실시하였음", head=head)
    assert gates.previous_project_mention(doc, match(doc, "영향평가"))
    head2 = ["가람시 통합 민원 플랫폼 2단계 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 8개월"]
    doc2 = build("2. 추진 경과", "○ 2단계 구축 사업 SW사업 영향평가를 실시하였음(2024. 3.)", head=head2)
    assert not gates.previous_project_mention(doc2, match(doc2, "영향평가"))
