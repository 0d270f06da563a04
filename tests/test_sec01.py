"""SEC01 소프트웨어 개발보안: the secure-coding requirement itself (보안약점 진단·조치) passes; a bare
시큐어코딩 line depends on the amount; law lists, 관련 법령 준수, server hardening and 원격지 개발보안
do not count; ISP and pure operation are 해당없음."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sec01_secure_coding import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

DEV = {"사업유형": "SW개발", "사업금액": "9억원"}
SMALL = {"사업유형": "SW개발", "사업금액": "9천만원"}

DIAG = "○ 개발 완료 후 소스코드 보안약점을 진단하고 발견된 보안약점을 제거한 조치 결과를 제출하여야 함"
SECURE = "○ 응용프로그램은 소프트웨어 개발보안 가이드에 따라 시큐어코딩을 적용하여 개발하여야 함"


def check(*lines: str, given=None):
    head = ["제 안 요 청 서", "사업명 : 누리시 민원 포털 구축 사업", "Ⅰ. 사업 개요",
            "가. 사업내용: 민원 포털 기능 개발 및 화면 구현", "Ⅲ. 제안요청 내용", "SER-001 보안 요구사항"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, DEV if given is None else given)
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_diagnosis_and_fix_passes_with_exact_quotes():
    f, doc = check(SECURE, DIAG)
    assert f.status == "pass"
    assert "보안약점을 제거한 조치 결과" in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote
    # 9억 ≥ 5억: the 감리 threshold is named; the 진단원 is suggested without calling the pass a breach
    assert "5억원" in f.applies and "감리" in f.applies
    assert "진단원" in f.message and "의무" not in f.message


def test_named_expert_and_certified_tool_need_no_remark():
    f, _ = check(DIAG, "○ 보안약점 진단은 소프트웨어 보안약점 진단원이 인증된 진단도구로 수행한다")
    assert f.status == "pass"
    assert "명시되지 않았" not in f.message


def test_secure_coding_alone_is_missing_the_diagnosis_above_one_eok():
    # CHECKS: 감리 대상 or SW개발비 ≥ 1억 needs a 보안약점 진단 and fixes, not only 시큐어코딩
    f, _ = check(SECURE)
    assert f.status == "missing"
    assert "시큐어코딩" in f.message and "1억원" not in f.message and "감리 대상" in f.message
    f, _ = check(SECURE, given={"사업유형": "SW개발", "사업금액": "2억원"})
    assert f.status == "missing"
    assert "SW개발비 1억원" in f.message


def test_secure_coding_alone_passes_below_one_eok():
    f, _ = check(SECURE, given=SMALL)
    assert f.status == "pass"
    assert "의무가 없" in f.message and "1억원" in f.message


def test_secure_coding_alone_with_unknown_amount_needs_review():
    f, _ = check(SECURE, given={"사업유형": "SW개발"})
    assert f.status == "review"
    assert "금액" in f.message


@pytest.mark.parametrize("lines", [
    # only named in a law list
    ("○ 관련 법령 및 지침", "- 소프트웨어 개발보안 가이드(행정안전부)", "- 전자정부 웹사이트 품질관리 지침(행정안전부)"),
    # a generic "관련 지침 등을 준용" clause
    ("- 그 외 보안이 요구되는 사항은 정보시스템 구축·운영 지침 및 소프트웨어 개발보안 등을 준용하여 대책 마련",),
    # 관련 법령 준수 only
    ("○ 계약상대자는 보안 관련 법령을 준수하여야 한다",),
    # server hardening is not secure coding
    ("○ 운영체제 및 서버 취약점 점검을 실시하고 불필요한 포트를 차단하는 조치를 하여야 함",),
    # 원격지 개발보안 is about the work place (SW05)
    ("○ 원격지 개발보안 대책을 수립하여 제출하여야 함",),
])
def test_what_is_not_enough_is_missing(lines):
    f, _ = check(*lines)
    assert f.status == "missing", (f.message, quotes(f))
    assert f.evidence == [] and f.looked_for
    assert "감리" in f.message


def test_technology_plan_template_rows_do_not_count():
    f, _ = check(
        "[붙임] 기술적용계획표",
        "구분 | 항목 | 적용계획/결과 | 부분적용/미적용 시 사유",
        "요소기술 | 소스코드 보안약점 분석도구 (성능평가로 도입 가능) | ○",
        "요소기술 | 모바일 서비스 보안취약점 및 보안약점 점검·조치 | ○",
    )
    assert f.status == "missing", quotes(f)


def test_consulting_is_not_applicable():
    f, _ = check(DIAG, given={"사업유형": "ISP", "사업금액": "3억원"})
    assert f.status == "not_applicable"
    assert "ISP컨설팅" in f.applies


def test_pure_operation_without_development_is_not_applicable():
    f, _ = check("○ 시스템 장애 대응 및 정기 점검을 수행한다", given={"사업유형": "유지관리", "사업금액": "2억원"})
    assert f.status == "not_applicable"
    assert "유지관리" in f.applies


def test_operation_that_asks_for_it_on_changed_programs_passes():
    f, _ = check("○ 유지관리로 변경된 소스코드의 보안약점을 점검하고 조치결과 보고서를 제출하여야 함",
                 given={"사업유형": "유지관리", "사업금액": "2억원"})
    assert f.status == "pass"
    assert "유지관리" in f.message


def check_in(section: str, *lines: str, given=None):
    """Lines placed under their own top-level heading (현황, 제안서 작성요령 …) after a requirement part."""
    head = ["제 안 요 청 서", "사업명 : 누리시 민원 포털 구축 사업", "Ⅰ. 사업 개요",
            "가. 사업내용: 민원 포털 기능 개발 및 화면 구현", "Ⅲ. 제안요청 내용", "SER-001 보안 요구사항",
            "○ 접근권한은 역할별로 부여한다", section]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, DEV if given is None else given)
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("section, lines", [
    # an outline row of the proposal that only names the topic
    ("Ⅳ. 제안서 작성 요령", ("3. 보안 부문 : 시큐어코딩 적용 및 보안약점 진단·제거 계획",)),
    # an instruction on what the proposal must describe
    ("Ⅳ. 제안서 작성 요령", ("○ 제안사는 소스코드 보안약점 진단 및 조치 방안을 구체적으로 기술하여야 함",)),
    # a past diagnosis of the current system
    ("Ⅳ. 현행 시스템 현황", ("○ 기존 포털은 2022년 소스코드 보안약점 진단을 받아 지적된 약점을 모두 조치하였음",)),
])
def test_outline_instruction_and_current_state_are_not_requirements(section, lines):
    f, _ = check_in(section, *lines)
    assert f.status == "missing", (f.message, quotes(f))


def test_a_contractor_obligation_inside_the_proposal_guide_still_counts():
    f, _ = check_in("Ⅳ. 제안서 작성 요령", "○ 계약상대자는 개발 완료 후 보안약점 진단을 수행하고 조치 결과를 제출하여야 한다")
    assert f.status == "pass", f.message


@pytest.mark.parametrize("line", [
    "○ 누출금지 대상정보 : 시스템 구성도, 소스코드 보안약점 진단 결과서, 사용자 계정 목록",
    "○ 서비스 개시 전에 주요정보통신기반시설 취약점 분석·평가를 받아 지적사항을 조치하여야 함",
    "○ 외부 전문업체의 모의해킹을 실시하여 발견된 취약점을 조치하여야 함",
    "○ 분기마다 취약점을 점검하고 조치 결과를 보고하여야 함",  # 무엇의 취약점인지 없음
])
def test_leak_lists_and_infrastructure_checks_are_not_secure_coding(line):
    f, _ = check(line)
    assert f.status == "missing", (f.message, quotes(f))


@pytest.mark.parametrize("line", [
    "○ 웹 응용프로그램의 취약점을 점검하고 발견된 사항을 조치하여 결과를 제출하여야 함",
    "○ 구현 완료 후 시큐어코딩 준수 여부를 검사하여 미흡한 부분을 보완하여야 함",
    "○ 계약상대자는 SW 개발보안 이행 점검을 받고 그 결과를 검수 시 제출하여야 함",
    "○ 구현 단계에서 보안약점이 남지 않도록 개발하여야 함",
])
def test_other_wordings_of_diagnosis_pass(line):
    f, _ = check(line)
    assert f.status == "pass", (f.message, quotes(f))


def test_a_pattern_does_not_run_into_the_next_heading():
    # "보안약점 … 조치" split between a requirement's last line and the next heading is no requirement
    f, _ = check_in("Ⅳ. 보안약점 조치 실적 평가", given=None)
    assert f.status == "missing"
    f, _ = check("○ 보안약점 유형별 점검 항목은 별첨 참조", "Ⅳ. 조치 결과 보고 일정")
    assert f.status == "missing", quotes(f)


def inferred(name: str, *lines: str):
    """A document whose facts are all read from its own text (no given facts)."""
    head = ["제 안 요 청 서", f"사업명 : {name}", "Ⅰ. 사업 개요", "○ 사업기간: 계약일로부터 6개월",
            "○ 사업예산: 300,000,000원(부가세 포함)", "Ⅲ. 제안요청 내용"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def test_homepage_build_worded_as_production_is_not_a_supply_contract():
    # few "개발" words, but a site is produced and built: SEC01 applies
    f, _ = inferred("누리시 누리집 리뉴얼 사업", "○ 반응형 누리집을 제작하고 게시판과 검색 화면을 구축한다",
                    "○ 웹 접근성 인증을 획득한다")
    assert f.status == "missing", f.applies
    assert "공급 사업" not in f.applies


def test_a_licence_supply_read_as_development_is_not_applicable():
    f, _ = inferred("누리시 협업 플랫폼 구축 사업", "○ 클라우드 협업 솔루션 구독 라이선스 500명분을 공급한다",
                    "○ 라이선스 납품 후 설치와 사용자 교육을 지원한다", "○ 구독 기간은 12개월로 한다")
    assert f.status == "not_applicable"
    assert "공급" in f.applies and "개발" in f.applies


# -- waived diagnoses, diagnoses left to others, bare mentions --------------------------------------

def test_a_diagnosis_the_rfp_sets_aside_does_not_count():
    f, _ = check(SECURE, "○ 단, 소스코드 보안약점 점검은 이번 사업의 범위에서 제외한다")
    assert f.status == "missing", (f.message, quotes(f))
    assert "제외" in f.message and "보안약점 점검" in f.message
    f, _ = check(SECURE, "○ 보안약점 진단 및 조치 결과 보고는 생략함")
    assert f.status == "missing", (f.message, quotes(f))


def test_a_negated_purpose_is_still_a_requirement():
    # "…남지 않도록 하여야" and "…않은 경우" state the duty, they do not waive it
    f, _ = check("○ 납품 전 보안약점이 남지 않도록 진단하고 제거하여야 하며, 제거하지 않은 경우 검수하지 않는다")
    assert f.status == "pass", (f.message, quotes(f))


def test_a_diagnosis_left_to_another_party_needs_review():
    f, doc = check("○ 개발 단계에는 시큐어코딩을 적용하고, 소스코드 보안약점 점검은 감리법인이 수행한다")
    assert f.status == "review", (f.message, quotes(f))
    assert "제3자" in f.message and "조치" in f.message
    assert all(doc.text[e.start:e.end] == e.quote for e in f.evidence)
    # the same diagnosis with the contractor bound to fix what it finds passes
    f, _ = check("○ 보안약점 점검은 감리법인이 수행하며 계약상대자는 지적된 보안약점을 제거한 결과를 제출한다")
    assert f.status == "pass", (f.message, quotes(f))


def test_a_bare_mention_of_weaknesses_needs_a_fix_in_its_clause():
    f, _ = check(SECURE, "○ 보안약점 진단 기준은 행정안전부 가이드를 따른다")
    assert f.status == "review", (f.message, quotes(f))
    f, _ = check(SECURE, "○ 보안약점 진단 기준에 따라 진단하고 발견된 약점은 조치하여 결과를 보고한다")
    assert f.status == "pass", (f.message, quotes(f))


def test_secure_coding_and_a_separate_clause_do_not_join_into_a_diagnosis():
    # "시큐어코딩 … 진단" must stand in one sub-clause, not across "…하며,"
    f, _ = check("○ 화면 개발 시 시큐어코딩을 적용하며, 진단 일정은 별도 협의한다")
    assert f.status == "missing", (f.message, quotes(f))


def test_an_evaluation_row_is_not_called_a_law_list():
    f, _ = check_in("Ⅳ. 제안서 평가 기준", "평가항목 | 배점", "소프트웨어 개발보안 적용 방안 | 5")
    assert f.status == "missing", (f.message, quotes(f))
    assert "법령" not in f.message


def _table_doc(*rows, given=None):
    """A requirement table whose rows are cells (ID | 명칭 | 내용)."""
    from rfpcheck.pipeline.model import TABLE_CELL
    head = ["제 안 요 청 서", "사업명 : 누리시 민원 포털 구축 사업", "Ⅰ. 사업 개요",
            "가. 사업내용: 민원 포털 기능 개발 및 화면 구현", "Ⅲ. 제안요청 내용"]
    raw = [RawBlock(t) for t in head]
    for r, cells in enumerate((("번호", "명칭", "내용"),) + rows):
        raw += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", raw)
    segment(doc)
    infer_facts(doc, DEV if given is None else given)
    return detect(CheckContext(doc)), doc


def test_a_technique_in_the_next_cell_is_no_diagnosis():
    # the name cell ends in 시큐어코딩 and the content cell lists techniques: nothing asks for a
    # diagnosis of the code, so a 9억 build lacks it
    f, _ = _table_doc(("SEC-010", "시큐어코딩 적용", "입력 데이터 유효성 검증과 XSS·SQL 인젝션 방지 기법을 적용한 개발"))
    assert f.status == "missing", (f.status, f.message)
    assert "시큐어코딩" in f.message


def test_a_diagnosis_inside_one_cell_still_counts():
    f, _ = _table_doc(("SEC-011", "보안약점 진단", "소스코드 보안약점을 진단도구로 점검하고 발견 항목을 제거한 결과를 제출"))
    assert f.status == "pass", (f.status, f.message)


def test_input_validation_is_a_technique_not_a_check():
    f, _ = check("○ 시큐어코딩 기법(입력값 검증)을 적용하여 화면과 기능을 개발하여야 함")
    assert f.status == "missing", (f.status, f.message)
