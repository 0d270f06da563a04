"""SW09 특정규격 명시 금지: a product named in a requirement or spec sheet, and the places where a
product name is legitimate (현황, 기존 제품의 전환·연계, 호환 대상, 양식, 지침 제목, 평가)."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw09_brand import assess, detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["OO시 통합 민원 플랫폼 구축 사업 제안요청서", "Ⅰ. 사업 개요", "1. 사업기간: 계약일로부터 8개월"]


def check(*lines: str, kind: str = "SW개발", rows: list[list[str]] | None = None, caption: str | None = None):
    blocks = [RawBlock(t) for t in (*HEAD, *lines)]
    if caption:
        blocks.append(RawBlock(caption))
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {"kind": kind, "budget": "5억"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


REQ = "Ⅲ. 제안요청 내용"
REQ2 = "1. 상세 요구사항"


# -- violations --------------------------------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ DBMS는 Oracle 19c 이상으로 구축하여야 한다.",
    "- CPU : Intel Xeon Gold 6430 이상 2개",
    "- GPU : NVIDIA L40S 48GB 4개 도입",
    "○ 웹 애플리케이션 서버는 JEUS 8 이상을 적용할 것",
    "○ 운영체제는 Rocky Linux 9로 설치하여야 함",
    "○ 에이전트 오케스트레이션은 LangGraph 기반으로 구현하여야 함",
    "○ 공간정보 편집 도구로 QGIS를 설치하여 제공",
])
def test_product_in_a_requirement_is_a_violation(clause):
    f, doc = check(REQ, REQ2, clause)
    assert f.status == "violation"
    assert clause.lstrip("○- ") in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end].strip() == e.quote


def test_maker_and_model_written_together_are_one_product_not_a_list():
    f, _ = check(REQ, REQ2, "- 싱글포트 NVIDIA ConnectX-7 어댑터 8개")
    assert f.status == "violation"


def test_partner_agreement_with_a_named_maker_is_a_violation_even_for_an_owned_product():
    f, _ = check(REQ, REQ2, "○ 기관이 보유한 챗봇 솔루션은 원 제조사인 삼성SDS와의 비즈니스 파트너 계약서를 제출하여야 함")
    assert f.status == "violation"
    assert "파트너 계약서" in quotes(f)


def test_new_build_on_the_current_product_line_is_still_a_violation():
    f, _ = check("Ⅱ. 현행 시스템 현황", "DBMS : Tibero 6", REQ, REQ2,
                 "○ 신규 구축하는 통계 DB는 Tibero 7 이상으로 구성하여야 함")
    assert f.status == "violation"
    assert "Tibero 7" in quotes(f)
    assert "Tibero 6" not in quotes(f)


def test_spec_table_row_is_a_violation():
    f, _ = check(REQ, "1. 서버 도입 사양", rows=[["구분", "사양"], ["CPU", "Xeon Silver 4410Y 2개"]])
    assert f.status == "violation"
    assert "Xeon Silver" in quotes(f)


# -- review ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ GPU는 NVIDIA L40S 4개 또는 동급 이상의 제품을 도입",
    "○ 웹서버는 Apache HTTP Server 2.4 또는 동등 이상의 제품을 적용하여야 함",
    "○ 데이터 구조 설계는 ERwin 등의 설계 도구를 이용하여 작성",
])
def test_equivalent_or_example_is_review(clause):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "review"
    assert clause.lstrip("○ ")[:12] in quotes(f)


def test_two_named_products_without_an_example_marker_is_review():
    f, _ = check(REQ, REQ2, "○ DBMS는 Oracle 또는 Tibero로 구축하여야 함")
    assert f.status == "review"


def test_extension_of_owned_equipment_limited_to_the_maker_is_review():
    f, _ = check(REQ, REQ2, "○ 기존 장비(Unity XT 480) 증설 구축으로, 장비 제조사의 정품 디스크로 제공하여야 함")
    assert f.status == "review"


def test_open_platform_named_in_a_requirement_is_review():
    f, _ = check(REQ, REQ2, "○ 서비스는 Kubernetes 클러스터에 배포하여야 함")
    assert f.status == "review"


def test_maintenance_contract_naming_the_maintained_stack_is_review():
    f, _ = check("Ⅲ. 유지관리 요구사항", "○ 운영 DB는 MySQL 8로 구성하여 관리하여야 함", kind="유지관리운영")
    assert f.status == "review"


def test_maintenance_contract_buying_a_named_product_is_still_a_violation():
    f, _ = check("Ⅲ. 기능개선 요구사항", "○ 신규 구축하는 통계 DB는 Tibero 7 이상으로 구성하여야 함",
                 kind="유지관리운영")
    assert f.status == "violation"


def test_brand_experience_as_bid_qualification_is_review():
    f, _ = check("Ⅳ. 입찰 참가자격", "③ 최근 3년 이내 ASP.NET 기반 시스템 구축 실적이 있는 업체")
    assert f.status == "review"


# -- legitimate mentions (pass) -------------------------------------------------------------------

def test_current_system_section_is_not_a_violation():
    f, _ = check("Ⅱ. 현행 시스템 현황", "○ DBMS: Oracle 11g, WAS: JEUS 7, 웹서버: WebtoB 4.1",
                 REQ, REQ2, "○ DBMS는 관계형 데이터베이스로서 이중화를 지원하여야 한다.")
    assert f.status == "pass"


def test_current_table_caption_marks_a_table_as_current():
    f, _ = check(REQ, REQ2, caption="ㅇ 주요 소프트웨어 현황",
                 rows=[["구분", "내용"], ["DBMS", "Oracle"], ["WAS", "JEUS(WebtoB)"]])
    assert f.status == "pass"


def test_list_under_an_existing_environment_lead_in_is_current():
    f, _ = check(REQ, REQ2, "o 본 사업은 기존 운영환경에 맞게 개발되어야 함\n- 클라우드 환경 : KT 클라우드\n- 백업 : NAS")
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 기관이 보유한 챗봇(Brity Assistant)과 연동하여 상담 기능을 구현하여야 함",
    "○ 현재 사용 중인 JEUS의 버전 업그레이드를 수행하여야 함",
    "○ 기존 DBMS 라이선스(Oracle RAC)를 재활용하여 구축",
    "○ 관리자 화면은 Chrome, Edge 등 주요 브라우저에서 정상 동작하여야 함",
    "○ 백업 소프트웨어는 VMware ESXi, Hyper-V 등 다양한 가상화 환경을 지원하여야 함",
    "○ 국가정보원의 「챗GPT 등 생성형 AI 활용 보안 가이드라인」을 준수하여야 함",
    "○ 아래한글(hwp, hwpx), PDF 문서의 본문을 추출하여 색인하여야 함",
    "○ 기존 상용 모델(ChatGPT, Gemini 등)을 벤치마킹한 대화형 화면을 제공",
    "○ 현 Spring Framework로 구축하거나 타 프레임워크로 변경 제안 가능",
    "○ 개발언어는 Java, 서버 운영체제는 Linux 계열을 적용하여야 함",
    "○ 개발인력은 Oracle, JEUS 운영 경력이 있는 자로 구성",
])
def test_legitimate_mentions_pass(clause):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "pass", (f.status, quotes(f))


def test_template_standard_list_is_ignored():
    f, _ = check("[붙임 3] 기술적용계획표",
                 rows=[["구 분", "항 목", "적용계획/결과", "부분적용/미적용시 사유"],
                       ["운영체제", "- Windows Server", "O", ""], ["", "- Linux", "O", ""]])
    assert f.status == "pass"


def test_evaluation_and_background_sections_are_ignored():
    f, _ = check("2. 추진배경", "○ ChatGPT 등 생성형 AI의 도입으로 업무 환경이 바뀌고 있음",
                 "Ⅱ. 제안서 평가기준", "○ 평가 시 ChatGPT, Gemini 등 상용 AI와 답변 품질을 비교")
    assert f.status == "pass"


def test_narrative_mention_outside_a_titled_background_is_ignored():
    f, _ = check(REQ, REQ2, "○ ChatGPT 등 생성형 AI의 등장으로 행정 서비스 패러다임이 변화하는 추세임")
    assert f.status == "pass"


def test_pass_quotes_a_brand_neutral_clause():
    f, _ = check(REQ, REQ2, "○ 기관은 특정 상표, 규격 또는 모델을 지정하지 않으며 동등 이상의 제품은 거부하지 않는다.")
    assert f.status == "pass"
    assert "특정 상표" in quotes(f)


def test_every_mention_gets_a_reason():
    _, doc = check("Ⅱ. 현행 시스템 현황", "DBMS : Oracle 11g", REQ, REQ2, "○ DBMS는 Tibero 7 이상으로 구축")
    ms = assess(doc)
    verdicts = {(m.term, m.verdict) for m in ms}
    assert ("Oracle", "skip") in verdicts and ("Tibero", "violation") in verdicts
    assert all(m.reason for m in ms)


def test_comparison_table_reads_the_target_column_only():
    f, _ = check(REQ, "1. 시스템 전환 계획",
                 rows=[["구분", "현행", "목표"], ["DBMS", "Oracle 11g", "Tibero 7 이상"]])
    assert f.status == "violation"
    assert "Tibero" in quotes(f) and "Oracle" not in quotes(f)


def test_inventory_table_with_acquisition_dates_is_current():
    f, _ = check(REQ, REQ2, rows=[["장비명", "제조사", "모델", "도입일"], ["DB서버", "Dell", "PowerEdge R740", "2019.03"]])
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 전자정부 표준프레임워크(Spring Framework 기반)를 적용하여 구축하여야 함",
    "○ 문서 편집기는 MS Office와 호환되어야 함",
    "○ 개발 서버의 VM 및 OS(Windows Server)는 기관에서 제공 예정",
    "○ 비즈니스 인텔리전스 대시보드를 구현하여야 함",
])
def test_standards_compatibility_and_provided_environment_pass(clause):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "pass", (f.status, quotes(f))


def test_proposal_outline_example_is_not_a_requirement():
    f, _ = check("Ⅳ. 제안서 작성요령", "3. 시스템 구성 방안(DBMS, WAS 구성 예: Oracle, JEUS)")
    assert f.status == "pass"


def test_proposal_guide_obligation_naming_a_product_is_still_judged():
    f, _ = check("Ⅳ. 제안서 작성요령", "○ 제안 DBMS는 Oracle 19c 이상으로 제안하여야 함")
    assert f.status == "violation"


# -- migration targets, maintained systems, unlisted names --------------------------------------------

@pytest.mark.parametrize("clause, name", [
    ("○ 현행 JEUS 7 기반 WAS를 Apache Tomcat 10으로 이관하여 구성하여야 한다.", "Tomcat"),
    ("○ 기존 Oracle 데이터베이스를 신규 MariaDB 11 환경으로 구축한다.", "MariaDB"),
])
def test_the_product_moved_to_is_a_new_demand(clause, name):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "violation"
    assert name in f.message
    assert "JEUS" not in f.message and "Oracle" not in f.message


def test_version_change_of_the_product_in_place_is_not_a_new_demand():
    f, _ = check(REQ, REQ2, "○ 기존 Tibero 6을 Tibero 7로 전환하여 운영 안정성을 확보한다.")
    assert f.status == "pass"


def test_products_of_the_maintained_systems_are_existing():
    f, _ = check("Ⅲ. 과업 내용", "1. 유지관리 범위",
                 "○ 위탁운영 대상 장비인 Dell PowerEdge R750 서버와 NetApp 스토리지의 펌웨어를 점검한다.",
                 kind="유지관리운영")
    assert f.status == "pass"


def test_product_list_in_a_maintenance_contract_is_not_a_demand():
    f, _ = check("Ⅲ. 과업 내용", "1. 점검 범위", "○ WEB/WAS(WebtoB, JEUS) 및 DB(Tibero) 로그를 매월 점검한다.",
                 kind="유지관리운영")
    assert f.status == "pass"


@pytest.mark.parametrize("clause, name", [
    ("○ 엔드포인트 보안은 Trend Micro Apex One을 도입하여야 한다.", "Trend Micro"),
    ("○ 통합 백업은 Commvault 11 이상으로 구성하여야 한다.", "Commvault"),
    ("○ DBMS는 MariaDB10.11로 구축하여야 한다.", "MariaDB"),
])
def test_vendors_and_glued_versions_are_recognised(clause, name):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "violation"
    assert name in f.message


def test_an_unlisted_name_with_a_version_is_review_only():
    f, _ = check(REQ, REQ2, "○ 메시지 큐는 RabbitMQ 3.12 이상을 설치하여야 한다.")
    assert f.status == "review"
    assert "RabbitMQ 3.12" in f.message


@pytest.mark.parametrize("clause", [
    "○ 보안 등급은 Level 2 이상으로 구성하여야 한다.",
    "○ 서버는 Java 17 이상에서 동작하도록 구축하여야 한다.",
    "○ 참고로 Lorem 3 문서는 열람만 한다.",
])
def test_name_shapes_that_are_not_products_or_not_acquired_pass(clause):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "pass"


# -- a search engine is a compatibility target only when the site is exposed to it -----------------

@pytest.mark.parametrize("clause", [
    "○ 통합 검색엔진은 OpenSearch 2.x를 기반으로 구성하여야 한다.",
    "○ 전문 검색엔진은 Elasticsearch로 구축한다.",
])
def test_search_engine_the_project_builds_on_a_product_is_a_violation(clause):
    f, _ = check(REQ, REQ2, clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert clause.lstrip("○ ") in quotes(f)


def test_portal_search_engine_the_site_is_exposed_to_is_a_compatibility_target():
    f, doc = check(REQ, REQ2, "○ 기관 홈페이지가 구글 검색 등 포털 검색엔진에 노출되도록 검색엔진 최적화를 적용하여야 한다.")
    assert f.status == "pass", (f.message, quotes(f))
    assert [m.reason for m in assess(doc) if m.verdict != "skip"] == []
    assert any(m.reason == "호환 대상" for m in assess(doc))


# -- several products, each demanded by its own verb -------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ 소스 저장소는 Bitbucket을 도입하고 빌드 서버는 Jenkins로 구성하여야 한다.",
    "○ 모니터링은 Grafana를 적용하여 구성하며 로그 수집은 Elasticsearch로 구축할 것",
])
def test_products_each_demanded_separately_are_a_violation(clause):
    f, _ = check("Ⅲ. 제안요청 내용", "1. 개발환경 요구사항", clause)
    assert f.status == "violation", f.message


def test_products_listed_together_stay_for_review():
    f, _ = check("Ⅲ. 제안요청 내용", "1. 개발환경 요구사항", "○ 형상관리 및 빌드 도구로 GitLab, Jenkins를 도입하여야 한다.")
    assert f.status != "violation", f.message


def test_sentence_that_describes_the_system_in_place_is_not_a_demand():
    f, _ = check("□ 세부 추진내용", "현행 시스템 현황: DBMS는 Oracle 11g, WAS는 JEUS 7로 운영 중임")
    assert f.status != "violation" and f.status != "review"


def test_current_label_with_a_demand_is_still_judged():
    f, _ = check(REQ, REQ2, "현행 시스템 현황: Oracle 11g로 운영 중이며, 신규 DBMS는 Oracle 19c로 구축하여야 한다.")
    assert f.status == "violation"
