"""SW16 투입인력 요구·관리 금지: which projects it applies to (read from the name, the kinds and a
stated price basis), the staffing demands that violate it, and the look-alikes that do not."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw16_staffing import clause_span, detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

DEV = "가온시 민원정보시스템 구축 사업"


def check(*lines: str, name: str = DEV, given: dict | None = None):
    head = ["제 안 요 청 서", f"사업명 : {name}", "Ⅰ. 사업 개요", "가. 사업기간: 계약일로부터 8개월",
            "나. 사업예산: 금 500,000,000원(부가가치세 포함)"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, given or {})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


REQ = "Ⅲ. 제안요청 내용"
PMR = "PMR-002 사업수행 조직 및 인력"


@pytest.mark.parametrize("clause, kind", [
    ("○ 계약상대자는 PM 1명과 개발자 5명을 사업기간 동안 발주기관에 상주시켜야 함", "상주 요구"),
    ("○ 투입인력을 변경하려는 경우 사전에 발주기관의 승인을 받아야 함", "교체·변경 통제"),
    ("○ 계약상대자는 투입된 수행자를 임의로 교체할 수 없다.", "교체·변경 통제"),
    ("○ 발주기관은 부적합하다고 판단되는 인력의 교체를 요구할 수 있으며 계약상대자는 즉시 교체하여야 함", "교체·변경 통제"),
    ("○ 사업관리자(PM)는 고급기술자 이상으로서 경력 10년 이상인 자이어야 함", "등급·경력·자격"),
    ("○ 착수 시 참여인력의 이력서와 경력증명서를 제출하여야 함", "이력·경력 자료"),
    ("○ 단계별 투입인력의 투입공수(M/M)를 제시하여야 함", "투입공수"),
    ("○ 데이터 품질관리 전담자를 투입하여야 함", "투입·배치"),
])
def test_staffing_demands_in_a_development_project_are_violations(clause, kind):
    f, doc = check(REQ, PMR, clause)
    assert f.status == "violation", f.message
    assert kind in f.message
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)
    for e in f.evidence:  # quotes are exact text
        assert doc.text[e.start:e.end] == e.quote
    assert "적용" in f.applies and "SW 개발" in f.applies


def test_silence_is_compliant():
    f, _ = check(REQ, PMR, "○ 계약상대자는 사업수행 조직과 역할을 자율적으로 제안한다.")
    assert f.status == "pass"
    assert f.evidence == []
    assert "침묵" in f.message


def test_no_manage_statement_is_quoted_as_evidence():
    stmt = "○ 발주기관은 투입인력의 수, 등급, 투입기간을 요구하거나 관리하지 않는다."
    f, _ = check(REQ, PMR, stmt)
    assert f.status == "pass"
    assert "투입인력의 수, 등급, 투입기간을 요구하거나 관리하지 않는다" in quotes(f)


def test_no_manage_statement_followed_by_demands_is_a_violation():
    f, _ = check(REQ, PMR,
                 "○ 본 사업은 투입인력의 수와 투입기간을 제안요청하지 않으며 관리하지 아니함",
                 "○ 다만 핵심인력은 사업 전 기간 상주를 원칙으로 함",
                 "○ 핵심인력의 임의 교체를 금지하며 교체 시 발주기관의 승인을 받아야 함")
    assert f.status == "violation"
    assert f.message.startswith("투입인력을 요구·관리하지 않는다고 밝히고도")
    assert "상주를 원칙으로" in quotes(f) and "임의 교체를 금지" in quotes(f)


@pytest.mark.parametrize("lines", [
    # the agency's own staff described in the 현황 section
    ("Ⅱ. 현황", "1. 현행 운영 현황", "○ 현재 운영인력 3명이 상주하며 고급기술자 1명이 시스템을 관리하고 있다."),
    # the SW사업정보 template line
    (REQ, "○ SW사업정보 중 기능점수 데이터의 작성을 위해 사업수행인원 중 기능점수 산정 가능 전문가를 포함토록 함",),
    # security pledges for on-site and remote staff
    (REQ, "SER-003 참여인력 보안", "- 상주인력: 참여자용 보안서약서를 제출하여야 함",
     "○ 참여인력(상주/비상주인력)에 대해 월 1회 이상 보안교육을 실시하여야 함"),
    # attendance at the proposal presentation
    ("Ⅳ. 제안서 작성 요령", "○ 제안 발표는 업체별 참석인원 3명 이내로 하며 PM이 직접 발표하여야 함"),
    # a function of the system being built (the staff of the users' audits)
    (REQ, "SFR-010 감사계획 관리", "○ 참여 인원은 소속, 부서, 참여 일수를 입력할 수 있어야 하며 인원수만큼 입력창을 생성하여야 함"),
    # knowledge transfer when staff change: not a control of the change
    (REQ, PMR, "○ 산출물은 인력 변경에 따른 인계인수에 활용 가능하도록 정비하여야 함"),
    # the place of work, not the staff (a SW05 matter)
    (REQ, "○ 사업수행은 발주기관이 제시하는 장소에 상주를 원칙으로 하되, 협의를 통해 원격 개발로 조정 가능함"),
])
def test_look_alikes_are_not_demands(lines):
    f, _ = check(*lines)
    assert f.status == "pass", (f.message, quotes(f))


@pytest.mark.parametrize("name, why", [
    ("가온시 정보화전략계획(ISP) 수립 용역", "ISP"),
    ("가온시 통합정보시스템 감리 용역", "감리"),
    ("가온시 정보시스템 운영 용역", "운영·유지관리"),
    ("가온시 홈페이지 유지관리 용역", "운영·유지관리"),
    ("가온시 고문헌 DB구축 사업", "DB 구축"),
])
def test_exempt_project_types_are_not_applicable(name, why):
    f, _ = check(REQ, PMR, "○ 투입인력은 고급기술자 이상 3명으로 구성하고 전원 상주하여야 함", name=name)
    assert f.status == "not_applicable"
    assert why in f.applies and "적용 대상 아님" in f.applies


def test_commercial_software_purchase_without_development_is_not_applicable():
    f, _ = check(REQ, "○ 생성형 AI 구독형 서비스 라이선스 300식을 공급하여야 함",
                 "○ PM은 해당 서비스 도입 경험이 있는 자로 하여야 함",
                 name="가온대학교 생성형 AI 서비스 도입", given={"kind": "상용SW"})
    assert f.status == "not_applicable"
    assert "상용SW" in f.applies


def test_stated_fp_price_makes_an_operation_named_project_subject_to_the_rule():
    f, _ = check("○ 본 사업은 기능점수 기반으로 수립되어 개발비를 산정한 사업이다.", REQ, PMR,
                 "○ 발주기관은 투입인력의 교체를 요구할 수 있으며 계약상대자는 이에 응하여야 함",
                 name="가온시 홈페이지 유지관리 용역")
    assert f.status == "violation"
    assert "기능점수" in f.applies


def test_fp_priced_part_of_a_mixed_project_ignores_fixed_cost_operation_staff():
    lines = ("○ (대가 산정) 유지관리·운영 부문은 월 정액의 고정비 방식으로, 기능개선 부문은 기능점수(FP) 방식으로 산정함",
             REQ, "OPR-002 운영 인력", "○ 운영 인력 3명은 협의된 작업장소에 상주하며 서비스 운영을 지원")
    f, _ = check(*lines, name="가온시 누리집 유지관리 및 기능개선 용역")
    assert f.status == "pass"
    f, _ = check(*lines, PMR, "○ 기능개선 개발인력은 고급기술자 이상 2명으로 구성하여야 함",
                 name="가온시 누리집 유지관리 및 기능개선 용역")
    assert f.status == "violation"
    assert "기능개선 개발인력" in quotes(f) and "운영 인력 3명" not in quotes(f)


def test_mixed_project_without_stated_price_needs_review():
    f, _ = check(REQ, PMR, "○ 기능개선 개발인력은 고급기술자 이상 2명으로 구성하여야 함",
                 name="가온시 누리집 유지관리 및 기능개선 용역")
    assert f.status == "review"
    assert "대가 산정 방식" in f.message


def test_declared_exemption_with_demands_needs_review():
    f, _ = check("○ 본 사업은 일부 투입공수 방식의 사업대가를 포함하는 사업으로 투입인력 요구 및 관리 금지 대상 사업에서 제외됨",
                 REQ, PMR, "○ 핵심인력은 유사 프로젝트 참여 경험이 있는 전문인력으로 구성하여야 함")
    assert f.status == "review"
    assert "투입공수" in quotes(f)


def test_a_bare_form_header_is_quoted_with_its_row():
    raws = [RawBlock(t) for t in ["제 안 요 청 서", f"사업명 : {DEV}", "Ⅰ. 사업 개요", "[서식 5] 참여인력 현황"]]
    for col, cell in enumerate(["성명", "기술등급", "참여기간", "참여율"]):
        raws.append(RawBlock(cell, kind="table_cell", table=0, row=0, col=col))
    doc = build_document("form.txt", "txt", raws)
    segment(doc)
    infer_facts(doc, {})
    f = detect(CheckContext(doc))
    assert f.status == "violation"
    assert any("성명 | 기술등급 | 참여기간 | 참여율" == e.quote for e in f.evidence)


def test_clause_span_joins_wrapped_lines_and_stops_at_bullets():
    doc = build_document("wrap.txt", "txt", [RawBlock(
        "○ 본 사업과 관련하여 발생하는 지식재산권은 발주기관과 사업자가\n공동으로 소유함\n○ 다음 항목")])
    i = doc.text.index("지식재산권")
    s, e = clause_span(doc, i, i + 5)
    assert doc.text[s:e] == "본 사업과 관련하여 발생하는 지식재산권은 발주기관과 사업자가\n공동으로 소유함"


def test_a_system_for_maintenance_work_is_still_a_development_project():
    f, _ = check(REQ, PMR, "○ 참여인력의 이력서를 제출하여야 함", name="가온시 시설물 유지관리시스템 구축 사업")
    assert f.status == "violation"
