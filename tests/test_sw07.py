"""SW07 개발SW 공동활용 사전명시: the sharing statement (none / with range / without range), the
DB-design and 행정정보 공동이용 traps, and the "does it develop SW" scope shared with SW13/15/17/18."""
from __future__ import annotations

import pytest

from rfpcheck.checks.gates import development_scope
from rfpcheck.checks.sw07_shared_use import detect

from rfpcheck.checks.context import CheckContext

from docbuild import build_doc, inferred, quotes, run

NO_SHARING = "○ 본 사업으로 개발되는 소프트웨어는 용역계약일반조건 제56조에 따라 타 기관과 공동활용할 계획이 없음"


@pytest.mark.parametrize("clause", [
    NO_SHARING,
    "○ 개발 소프트웨어의 공동활용 계획 : 없음",
    "○ 공동활용 대상 기관 : 해당없음",
    "본 사업의 결과물은 다른 기관과 공동으로 활용할 계획은 없다.",
    "□ 개발SW 공동활용 : 해당없음",
    "○ 타 기관 공동활용 : 없음",
])
def test_statement_that_nothing_is_shared_passes(clause):
    f, _ = run(detect, "8. 기타사항", clause, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "공동" in quotes(f)


def test_sharing_with_a_named_range_passes():
    f, _ = run(detect, "8. 기타사항",
               "○ 본 사업으로 개발되는 소프트웨어는 도내 시·군과 공동활용할 계획이며, 공동활용 범위는 도내 14개 시·군으로 함",
               kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "범위" in f.message


def test_sharing_without_a_range_needs_review():
    f, _ = run(detect, "8. 기타사항", "○ 개발된 소프트웨어는 타 기관과 공동활용할 예정임", kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "범위" in f.message and f.evidence


def test_silence_in_a_development_project_is_missing():
    f, _ = run(detect, "8. 기타사항", "○ 계약상대자는 산출물을 발주기관에 제출하여야 함", kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "공동활용" in f.looked_for
    assert "SW개발" in f.applies


@pytest.mark.parametrize("clause", [
    "○ 테이블, 컬럼 등의 중복을 최소화하고 각 기능에서 공동활용이 가능하도록 통합 설계하여야 함",
    "○ 행정정보 공동이용 대상 기관과의 연계는 기존 방식을 유지함",
])
def test_database_design_and_administrative_data_sharing_are_not_the_statement(clause):
    f, _ = run(detect, "3. 요구사항", clause, kind="SW개발", budget="5억")
    assert f.status == "missing"


@pytest.mark.parametrize("kind", ["ISP컨설팅", "연구용역", "감리PMO", "유지관리운영"])
def test_projects_that_do_not_develop_are_not_applicable(kind):
    f, _ = run(detect, "8. 기타사항", NO_SHARING, kind=kind, budget="5억")
    assert f.status == "not_applicable"
    assert "SW 개발" in f.message


def test_operation_contract_with_functional_requirements_develops():
    rows = [["요구사항 고유번호", "요구사항 명칭"]] + [[f"SFR-00{i}", f"신규 기능 {i} 개발"] for i in range(1, 5)]
    _, doc = run(detect, "3. 요구사항", "○ 운영 중 요청되는 기능을 개발하여 반영하여야 함", rows=rows, budget="3억")
    inferred(doc, project_kinds=["유지관리운영"], project_name="통합 민원 플랫폼 운영 용역")
    f = detect(CheckContext(doc))
    assert f.status == "missing"
    assert "기능 요구사항 4건" in f.applies
    # a kind the user gave is not overridden by the requirement ids
    f, _ = run(detect, "3. 요구사항", "○ 운영 중 요청되는 기능을 개발하여 반영하여야 함", rows=rows,
               kind="유지관리운영", budget="3억")
    assert f.status == "not_applicable"
    assert "입력한 사업유형" in f.message


def test_licence_subscription_is_a_purchase_not_development():
    _, doc = run(detect, "3. 사업범위", "❍ 생성형 AI 라이선스 구독 및 공급 (교직원 1,000명)", budget="1.5억")
    inferred(doc, project_kinds=["SW개발", "상용SW구매"], project_name="생성형 AI 도입 구축사업")
    dev, why = development_scope(doc)
    assert dev is False and "구독" in why
    assert detect(CheckContext(doc)).status == "not_applicable"
    # the user's own statement of the kind is taken as it is
    f, _ = run(detect, "3. 사업범위", "❍ 생성형 AI 라이선스 구독 및 공급", kind="SW개발,상용SW구매", budget="1.5억")
    assert f.status == "missing"


def test_db_build_in_the_name_is_not_development():
    _, doc = run(detect, "8. 기타사항", "○ 연구성과물 데이터 입력 및 검수", budget="2억")
    inferred(doc, project_kinds=["SW개발", "유지관리운영", "DB구축"],
             project_name="2025년 시스템 운영 및 연구성과물 DB구축 사업")
    assert development_scope(doc)[0] is False
    assert detect(CheckContext(doc)).status == "not_applicable"
    inferred(doc, project_name="연구성과물 DB구축 및 검색시스템 개발 사업")
    assert development_scope(doc)[0] is True


def test_unknown_kind_gives_review_not_silence():
    from rfpcheck.pipeline.model import Fact
    doc = build_doc("8. 기타사항", "○ 산출물은 발주기관에 귀속됨", budget="5억")
    doc.facts["project_kinds"] = Fact("project_kinds")
    f = detect(CheckContext(doc))
    assert f.status == "review"


@pytest.mark.parametrize("clause, status", [
    ("○ 본 시스템은 도 산하 18개 교육지원청이 공동으로 활용할 예정임", "pass"),
    ("○ 본 사업의 산출물은 다른 공공기관과 공동으로 활용하지 않음", "pass"),
    ("○ 공동활용 예정 기관 : ○○도 소속 11개 시·군 보건소", "pass"),
    ("○ 본 시스템은 타 기관 공동활용 대상이 아님", "pass"),
    ("○ 구축되는 플랫폼은 여러 부서가 공동으로 활용할 수 있도록 권한을 설계하여야 함", "missing"),
])
def test_sharing_phrased_without_the_agency_noun(clause, status):
    f, _ = run(detect, "8. 기타사항", clause, kind="SW개발", budget="5억")
    assert f.status == status
    if status == "pass":
        assert "공동" in quotes(f)


def test_homepage_operation_contract_is_not_development():
    _, doc = run(detect, "3. 과업 내용", "○ 부서 요청 게시물을 2일 이내에 등록하여야 함", budget="4억")
    inferred(doc, project_kinds=["유지관리운영", "홈페이지앱"], project_name="기관 누리집 운영 및 게시물 관리 용역")
    dev, why = development_scope(doc)
    assert dev is False and "SW 개발" in why
    assert detect(CheckContext(doc)).status == "not_applicable"
    # a contract that rebuilds the site develops it
    inferred(doc, project_name="기관 누리집 개편 및 운영 용역")
    assert development_scope(doc)[0] is True


@pytest.mark.parametrize("clause", [
    "○ 개발 소프트웨어의 공동활용 대상 기관 : 추후 협의",
    "○ 타 기관 공동활용 여부 : 미정",
    "○ 공동활용 계획은 사업 착수 후 별도로 결정한다.",
])
def test_sharing_left_open_needs_review_not_a_pass(clause):
    f, _ = run(detect, "8. 기타사항", clause, kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "공동활용" in quotes(f)


def test_aim_to_make_the_platform_shareable_without_a_range_needs_review():
    f, _ = run(detect, "Ⅲ. 제안요청 내용", "1. 공통 요구사항",
               "○ 구축하는 플랫폼은 타 지자체에서도 공동 활용할 수 있도록 모듈화하여 개발한다.",
               kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "모듈화" in quotes(f)


def test_aim_to_share_with_a_named_range_passes():
    f, _ = run(detect, "Ⅲ. 제안요청 내용", "1. 공통 요구사항",
               "○ 본 시스템은 도내 9개 시·군이 공동 활용이 가능하도록 다중 기관 구조로 개발한다.",
               kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_module_reuse_inside_the_system_is_not_a_sharing_aim():
    f, _ = run(detect, "Ⅲ. 제안요청 내용", "1. 공통 요구사항",
               "○ 인증 모듈은 업무별 화면에서 공동으로 활용할 수 있도록 공통 컴포넌트로 개발한다.",
               kind="SW개발", budget="5억")
    assert f.status == "missing"


# -- the agencies as subject, an implied subject, and "none" beside a plan --------------------------

def test_agencies_as_the_subject_of_sharing_with_a_range_pass():
    f, _ = run(detect, "8. 기타사항", "○ 개발된 플랫폼은 도 산하 시·군이 함께 공동활용하며 공동활용 범위는 도내 11개 시·군으로 한다.",
               kind="SW개발", budget="5억")
    assert f.status == "pass", (f.message, quotes(f))
    assert "시·군이 함께 공동활용" in quotes(f)


def test_agencies_as_the_subject_without_a_generic_range_need_review():
    f, _ = run(detect, "8. 기타사항", "○ 개발 시스템은 협력기관들이 공동활용한다.", kind="SW개발", budget="5억")
    assert f.status == "review", (f.message, quotes(f))


def test_departments_of_the_issuer_sharing_a_system_is_not_the_statement():
    f, _ = run(detect, "3. 요구사항", "○ 본 시스템은 발주기관 내 각 부서가 공동활용하는 시스템임", kind="SW개발", budget="5억")
    assert f.status == "missing", (f.message, quotes(f))


def test_intent_with_an_implied_subject_needs_review():
    f, _ = run(detect, "3. 요구사항", "○ 다른 지방자치단체에서도 공동활용이 가능하도록 모듈화하여 구축하여야 함",
               kind="SW개발", budget="5억")
    assert f.status == "review", (f.message, quotes(f))
    assert "범위" in f.message


@pytest.mark.parametrize("other, word", [
    ("○ 향후 개발SW를 타 지자체와 공동으로 활용할 예정이며 대상은 별도로 결정함", "추후 정한다"),
    ("○ 완성된 시스템은 다른 기관과 공동활용할 예정임", "공동활용 계획"),
])
def test_none_statement_beside_a_plan_or_an_open_decision_needs_review(other, word):
    f, _ = run(detect, "1. 사업 개요", "○ 타 기관과 공동활용할 계획이 없음", "8. 기타사항", other, kind="SW개발", budget="5억")
    assert f.status == "review", (f.message, quotes(f))
    assert word in f.message
    assert "계획이 없음" in quotes(f) and "예정" in quotes(f)


def test_none_statement_beside_an_evaluation_item_on_sharing_passes():
    rows = [["평가항목", "평가기준", "배점"], ["확산성", "공동활용 계획 : 있음 여부 및 확산 방안", "3"]]
    lines = ("Ⅰ. 사업 개요", "○ 타 기관과 공동활용할 계획이 없음", "Ⅳ. 제안서 평가 방법")
    f, _ = run(detect, *lines, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "pass", (f.message, quotes(f))
    # the same row outside the evaluation chapter is a plan beside the "none" statement
    f, _ = run(detect, *lines[:2], "Ⅲ. 제안요청 내용", rows=rows, kind="SW개발", budget="5억")
    assert f.status == "review", (f.message, quotes(f))


# -- spaced/particle forms and spreading (확산·보급) to other agencies ---------------------------------


def test_agencies_with_a_parenthetical_sharing_passes_with_range():
    f, _ = run(detect, "1. 사업 개요", "○ 완성된 플랫폼은 권역 내 9개 시·군(세부 목록 별첨)이 공동으로 활용함",
               kind="SW개발", budget="5억")
    assert f.status == "pass", (f.message, quotes(f))
    assert "공동으로 활용함" in quotes(f)


@pytest.mark.parametrize("clause, status", [
    ("○ 개발 모듈은 향후 다른 지자체로의 확산·보급이 가능하도록 표준 구조로 설계하여야 한다.", "review"),
    ("○ 구축 시스템은 관내 12개 교육지원청으로 확산 보급할 예정임", "pass"),
    ("○ 개발된 프로그램은 타 기관에 배포할 계획이 없음", "pass"),
    ("○ 시스템은 타 기관에 제공이 가능하도록 개발하여야 함", "review"),
])
def test_spreading_to_other_agencies_is_a_sharing_statement(clause, status):
    f, _ = run(detect, "3. 요구사항", clause, kind="SW개발", budget="5억")
    assert f.status == status, (f.message, quotes(f))


@pytest.mark.parametrize("clause", [
    "○ 스마트폰 보급 확대로 모바일 민원 신청이 늘고 있음",
    "○ 보급형 태블릿 30대를 각 기관에 보급하여야 한다.",
])
def test_other_senses_of_boguep_are_no_statement(clause):
    f, _ = run(detect, "3. 요구사항", clause, kind="SW개발", budget="5억")
    assert f.status == "missing", (f.message, quotes(f))


@pytest.mark.parametrize("clause", [
    "- 향후 다른 기관에 확산·배포가 가능하도록 모듈화하여 개발하여야 함",
    "- 향후 타 지자체에 배포·확산할 수 있도록 표준 구조로 개발함",
])
def test_distribution_joined_by_a_middle_dot_is_sharing_intent(clause):
    f, _ = run(detect, "3. 개발 요구사항", clause, kind="SW개발", budget="5억")
    assert f.status == "review"
