"""SW14 요구사항 상세화: open-scope catch-alls (위반), legitimate clauses that share their words,
ID'd requirements by type (적합), their absence (누락) and applicability by project kind."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw14_requirements import applicability, detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["OO시 통합 민원 플랫폼 구축 사업 제안요청서", "Ⅰ. 사업 개요", "1. 사업기간: 계약일로부터 8개월",
        "Ⅱ. 제안요청 내용"]

# a requirement sheet with IDs of six types
REQS = [
    ["요구사항 고유번호", "요구사항 명칭"],
    ["SFR-001", "통합 로그인"], ["SFR-002", "민원 접수"], ["SFR-003", "민원 처리 현황 조회"],
    ["PER-001", "응답시간"], ["SIR-001", "행정정보 연계"], ["DAR-001", "데이터 이관"],
    ["SER-001", "접근통제"], ["QUR-001", "웹 접근성"], ["PMR-001", "품질보증"],
]


def check(*lines: str, kind: str | None = "SW개발", rows: list[list[str]] | None = REQS):
    blocks = [RawBlock(t) for t in (*HEAD, *lines)]
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    given = {"budget": "5억"}
    if kind:
        given["kind"] = kind
    infer_facts(doc, given)
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


# -- catch-alls ----------------------------------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ 기타 발주기관이 요구하는 사항",
    "○ 통계 보고서 자동 생성 등 민원 분석에 필요한 기능 일체를 구현하여야 함",
    "○ 제안요청서에 명시되지 않은 사항이라도 사업 목적상 필요한 사항은 발주기관의 지시에 따라 수행하여야 함",
    "○ 본 제안요청서에 기술되지 않은 사항이라도 사업에 필요하다고 판단되는 사항은 제안범위에 포함하여 제안",
    "○ 상세 기능은 발주기관과 협의하여 추가한다.",
    "○ 기타 시스템 운영에 필요한 관리 기능을 제안 및 구축",
    "○ 사업 수행 중 신규 요구사항 및 개선 사항을 수용하여야 한다.",
    "○ 발주기관은 계획된 산출물 이외에 별도의 산출물을 요구할 수 있음",
    "○ 사업기간 중 관련 지침이 변경되거나 새로 발표되는 경우 이를 사업에 반영하여야 함",
    "○ 본 제안요청서에 명시된 모든 조항은 최소한의 사항만 규정하였으므로 누락된 사항도 검토하여 수행하여야 함",
    "○ 개발 범위는 업무분석 결과 및 추가요청 등에 따라 변동될 수 있음",
    "○ 과업 내용의 일부가 추가되는 경우 별도의 비용을 청구하지 않고 수행하여야 함",
])
def test_catch_all_is_a_violation_even_with_detailed_requirements(clause):
    f, doc = check(clause)
    assert f.status == "violation"
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end].strip() == e.quote


def test_closing_scope_item_other_needed_work_is_a_violation():
    f, _ = check("○ 시스템 설계 및 구현", "○ 테스트 및 시범운영", "○ 기타 사업 수행에 필요한 사항")
    assert f.status == "violation"
    assert "기타 사업 수행에 필요한 사항" in quotes(f)


def test_other_needed_matters_that_defer_to_law_are_not_a_scope_item():
    f, _ = check("○ 기타 사업 수행에 필요한 사항은 관계 법령 및 용역계약 일반조건에 따른다.")
    assert f.status == "pass", quotes(f)


def test_role_table_duty_list_is_not_a_scope_clause():
    rows = REQS + [["구분", "역할"], ["주관사업자", "○ 사업이행 추진 ○ 기타 사업수행에 필요한 사항 등"]]
    f, _ = check("○ 요구사항은 아래와 같다.", rows=rows)
    assert f.status == "pass", quotes(f)


def test_every_catch_all_is_quoted_once():
    f, _ = check("○ 기타 발주기관이 요구하는 사항", "○ 업무 처리에 필요한 기능 일체를 구현",
                 "○ 기타 발주기관이 요구하는 사항")
    assert f.status == "violation"
    assert len(f.evidence) == 2


# -- legitimate clauses sharing the words ------------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ 기타 사항은 관련 법령에 따른다.",
    "○ 이 과업지시서에 정하지 않은 사항은 용역계약 일반조건에 따름",
    "○ 본 제안요청서에 명시되지 않은 사항은 국가계약법 등 관계 법령에 따른다.",
    "○ 과업 수행에 필요한 비용 일체는 계약금액에 포함되어 있음",
    "○ 일체의 비용은 계약상대자가 부담한다.",
    "○ 착수보고회 일정은 발주기관과 협의하여 결정한다.",
    "○ 과업 내용이 변경되는 경우 과업심의위원회의 심의를 거쳐 계약금액과 기간을 조정한다.",
    "○ 지식재산권은 공동 소유를 원칙으로 하되 세부사항은 협의하여 결정",
    "○ 제안서의 내용은 계약서에 명시되지 않더라도 계약서와 동일한 효력을 가짐",
    "○ 작업장소는 발주기관과 계약상대자가 상호 협의하여 정함",
    "○ 응답시간 기준은 상호 협의하여 변경할 수 있음",
    "○ 본 계약에서 별도로 정의되지 아니한 용어는 개인정보 보호법에 따른다.",
])
def test_legitimate_clause_passes(clause):
    f, _ = check(clause)
    assert f.status == "pass", quotes(f)


def test_words_from_two_sentences_do_not_make_a_catch_all():
    f, _ = check("○ 명시되지 않은 사항은 관계 법령에 따른다. 필요한 자료는 발주기관이 제공하여야 한다.")
    assert f.status == "pass", quotes(f)


# -- pass / missing ---------------------------------------------------------------------------------

def test_typed_requirement_ids_without_catch_all_pass():
    f, _ = check("○ 요구사항은 아래 표와 같다.")
    assert f.status == "pass"
    assert "SFR" in f.message and f.evidence


def test_development_without_typed_requirements_is_missing():
    f, _ = check("○ 민원 접수 화면과 통계 화면을 개발한다.", rows=None)
    assert f.status == "missing"
    assert f.looked_for and "SFR" in f.looked_for


# -- applicability -----------------------------------------------------------------------------------

def test_consulting_project_is_not_applicable():
    f, _ = check("○ 기타 발주기관이 요구하는 사항", kind="ISP컨설팅")
    assert f.status == "not_applicable"
    assert "ISP컨설팅" in f.applies


def test_pure_operation_contract_is_not_applicable():
    f, _ = check("○ 정기 점검과 장애 대응을 수행한다.", kind="유지관리운영", rows=None)
    assert f.status == "not_applicable"


def test_maintenance_with_functional_requirements_applies():
    f, _ = check("○ 사용자 요청에 따른 기능변경을 수행", kind="유지관리운영")
    assert f.status == "violation"
    assert "개발 과업" in f.applies


def test_commercial_product_purchase_without_development_is_not_applicable():
    _, doc = check("○ 생성형 AI 구독 서비스 라이선스를 공급한다.", kind="SW개발,상용SW구매", rows=None)
    ok, why = applicability(doc)
    assert ok is False and "상용SW" in why


def test_unknown_project_kind_gives_review():
    blocks = [RawBlock("제안요청서"), RawBlock("○ 기타 발주기관이 요구하는 사항")]
    doc = build_document("x.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {})
    ok, _ = applicability(doc)
    if ok is None:  # the facts stage could not tell the kind
        f = detect(CheckContext(doc))
        assert f.status == "review"
        assert "기타 발주기관이 요구하는 사항" in quotes(f)


def test_catch_all_in_an_evaluation_table_without_its_heading_is_not_a_scope_clause():
    rows = REQS + [["평가요소", "세부 평가기준", "배점"], ["확장성", "기타 발주기관이 요구하는 사항에 대한 대응 방안", "5"]]
    f, _ = check(rows=rows)
    assert f.status == "pass"
    # the same catch-all in a requirement table is a scope clause
    f, _ = check(rows=REQS + [["SFR-004", "기타 발주기관이 요구하는 사항"]])
    assert f.status == "violation"


# -- catch-alls ending in other nouns, and the ID families of the message ---------------------------

@pytest.mark.parametrize("clause", [
    "○ 그 밖에 수요기관이 사업 수행 중 요청하는 작업",
    "○ 기타 발주기관이 추가로 지시하는 과업",
    "○ 기타 주관기관이 요구하는 산출물",
])
def test_other_agency_demands_ending_in_work_or_deliverables_are_catch_alls(clause):
    f, _ = check(clause)
    assert f.status == "violation"
    assert "기타" in f.message


def test_a_requirement_row_that_leaves_the_function_open_is_a_catch_all():
    rows = REQS + [["SFR-004", "기타 기능", "기타 발주기관이 업무상 요구하는"]]
    f, _ = check("○ 요구사항은 아래 표와 같다.", rows=rows)
    assert f.status == "violation"
    assert "요구하는" in quotes(f)


def test_a_heading_named_other_functions_alone_is_not_a_catch_all():
    rows = REQS + [["SFR-004", "기타 기능", "민원 처리 결과 문자 알림 발송"]]
    f, _ = check("○ 요구사항은 아래 표와 같다.", rows=rows)
    assert f.status == "pass"


def test_the_pass_message_counts_every_requirement_id_family():
    rows = REQS + [["PSR-001", "사용자 교육"], ["COR-001", "표준프레임워크 적용"], ["TER-001", "통합시험"]]
    f, _ = check("○ 요구사항은 아래 표와 같다.", rows=rows)
    assert f.status == "pass"
    for family in ("SFR 3", "PMR 1", "PSR 1", "COR 1", "TER 1"):
        assert family in f.message


@pytest.mark.parametrize("clause", [
    "○ 대시보드 화면의 세부 항목은 착수 후 담당 부서와 협의하여 추가·확정한다.",
    "○ 알림 메뉴의 표시 내용은 분석 단계에서 발주기관과 협의 후 추가 및 반영함",
    "○ 통계 기능의 조회 조건은 현업과 협의하여 추가할 수 있다.",
])
def test_a_topic_widened_later_by_agreement_is_a_catch_all_whatever_its_noun(clause):
    f, _ = check(clause)
    assert f.status == "violation", f.message
    assert "협의" in quotes(f)


def test_agreeing_the_schedule_or_a_report_form_later_is_not_a_catch_all():
    f, _ = check("○ 중간보고회 일정은 발주기관과 협의하여 추가·확정한다.")
    assert f.status == "pass", (f.message, quotes(f))


@pytest.mark.parametrize("clause", [
    "○ 기타 발주기관이 필요하다고 인정하는 사항",
    "○ 그 밖에 필요하다고 판단되는 업무",
    "○ 상세 기능은 착수 후 사용부서와의 협의를 통해 확정하며, 확정된 기능은 추가 비용 없이 반영한다.",
])
def test_open_scope_variants_are_violations(clause):
    f, _ = check("2. 과업 범위", clause)
    assert f.status == "violation"
    assert clause.lstrip("○ ")[:8] in quotes(f)


def test_scope_change_paid_through_procedure_is_not_a_catch_all():
    f, _ = check("2. 과업 변경", "○ 기능 추가가 필요한 경우 과업심의위원회 심의를 거쳐 비용을 조정하여 반영한다.")
    assert f.status == "pass"


SHORT_DIVERSE = [["요구사항 고유번호", "요구사항 명칭"], ["SFR-001", "로그인"], ["SFR-002", "신청"],
                 ["PER-001", "응답시간"], ["SIR-001", "연계"], ["SER-001", "암호화"], ["QUR-001", "접근성"]]


def test_short_but_diverse_requirement_list_passes():
    f, _ = check("2. 요구사항", rows=SHORT_DIVERSE)
    assert f.status == "pass"


def test_few_ids_of_few_types_are_missing():
    rows = [["요구사항 고유번호", "요구사항 명칭"], ["SFR-001", "로그인"], ["SFR-002", "신청"],
            ["PER-001", "응답시간"], ["SER-001", "암호화"], ["SER-002", "접근통제"], ["SFR-003", "조회"]]
    f, _ = check("2. 요구사항", rows=rows)
    assert f.status == "missing"
