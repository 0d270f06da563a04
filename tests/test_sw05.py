"""SW05 작업장소 협의: the statements that satisfy it, 상주 imposed at the agency, and the mentions of
상주 or 원격 work that are about something else."""
from __future__ import annotations

import pytest
from docbuild import build_doc

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw05_workplace import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

DEV = "하람시 버스정보시스템 구축 사업"
AGREED = "○ 작업장소는 발주기관과 계약상대자가 상호 협의하여 결정한다."


def check(*lines: str, name: str = DEV):
    head = ["제 안 요 청 서", f"사업명 : {name}", "Ⅰ. 사업 개요", "가. 사업기간: 계약일로부터 8개월",
            "Ⅲ. 제안요청 내용", "PMR-003 작업장소"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


@pytest.mark.parametrize("clause, what", [
    (AGREED, "상호 협의"),
    ("○ 원격지 개발 시 작업장소의 출입통제, 망분리 등 보안 요구사항을 충족하여야 함", "보안"),
    ("○ 작업장소 등 사업 수행에 필요한 비용은 사업예산에 계상되어 있음", "비용"),
    ("○ 사무공간은 계약상대자가 자체적으로 확보하여야 함", "상호 협의"),
])
def test_each_kind_of_statement_passes(clause, what):
    f, doc = check(clause)
    assert f.status == "pass"
    assert what in f.message
    assert clause.lstrip("○ ") in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_onsite_as_the_rule_with_agreement_only_when_unavoidable_is_a_violation():
    clause = "○ 투입인력은 발주기관에 상주 근무하는 것을 원칙으로 하되, 불가피한 경우 쌍방 합의하에 근무장소를 변경할 수 있음"
    f, _ = check(AGREED, clause)
    assert f.status == "violation"
    assert "불가피한 경우" in quotes(f)


def test_onsite_at_the_agency_without_agreement_is_a_violation():
    f, _ = check("○ 계약상대자의 참여인력 전원은 사업기간 동안 발주기관 전산실에 상주하여야 함")
    assert f.status == "violation"
    assert "전산실에 상주" in quotes(f)


def test_onsite_demand_next_to_agreement_needs_review():
    f, _ = check(AGREED, "○ SW 개발인력은 요구사항 정의 단계까지 현장에 상주해야 함")
    assert f.status == "review"
    assert "현장에 상주" in quotes(f) and "상호 협의" in quotes(f)


@pytest.mark.parametrize("lines, status", [
    # staff on site at the place that was agreed
    ((AGREED, "○ 참여인력 전체는 작업장소에 100% 상주하는 것을 원칙으로 한다."), "pass"),
    # a PM-only 상주 demand is a staffing matter (SW16)
    (("○ 사업관리자(PM)는 사업 전 기간 발주기관에 상주하여야 함",), "missing"),
    # 원격작업 named in a list of security breaches
    (("○ 보안위규 처리기준: 개발·유지관리 시 원격작업 사용, 비인가 저장매체 사용",), "missing"),
    # equipment cost at the work place is not the 작업장소 cost statement
    (("○ 작업장의 사업추진에 필요한 각종 개발장비 및 도구는 사업수행업체가 부담한다.",), "missing"),
])
def test_look_alikes(lines, status):
    f, _ = check(*lines)
    assert f.status == status, (f.message, quotes(f))


def test_place_fixed_by_the_agency_in_pure_operation_is_not_a_violation():
    f, _ = check("○ 작업장소는 발주기관 청사 내 사무실로 지정한다.", name="하람시 정보시스템 운영 용역")
    assert f.status == "missing"
    f, _ = check("○ 작업장소는 발주기관 청사 내 사무실로 지정한다.")
    assert f.status == "violation"


def test_missing_says_what_was_looked_for():
    f, _ = check("○ 계약상대자는 사업수행계획서를 제출하여야 한다.")
    assert f.status == "missing"
    assert f.evidence == [] and "협의" in f.looked_for


# -- wordings of on-site demands, bans on remote work, table rows and compliant look-alikes -------

def _rows_doc(rows: list[list[str]], *before: str, name: str = DEV):
    doc = build_doc(*before, rows=rows, head=["제 안 요 청 서", f"사업명 : {name}", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용"])
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("clause, what", [
    # the verb need not touch 상주, and the place may be named with a few words
    ("○ 수행인력은 착수일부터 종료일까지 발주처 본관 사무실에 상근하며 업무를 수행하여야 한다.", "상주"),
    ("○ 개발자는 사업기간 중 발주기관이 마련한 개발실에서 근무하는 것을 원칙으로 한다.", "상주"),
    ("○ 제안사는 구청 내 사무실에 상주하여 개발하여야 함", "상주"),
    # 상주 as the rule with no place named
    ("○ 참여인력은 사업기간 동안 상주를 원칙으로 한다.", "상주"),
    # the place fixed by the agency, in words other than 작업장소
    ("○ 개발 장소는 발주처가 지정한 장소로 한다.", "지정 작업장소"),
    ("○ 계약상대자는 투입인력을 발주기관이 지정하는 사무실에 배치하여야 한다.", "지정 작업장소"),
    # remote development or work banned outright
    ("○ 원격 근무는 불허한다.", "원격 개발 금지"),
    ("○ 외부에서의 개발은 일체 허용하지 않음", "원격 개발 금지"),
])
def test_unilateral_place_demands_are_violations(clause, what):
    f, doc = check(clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert what in f.message
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_onsite_rule_with_agreement_only_when_unavoidable_in_other_words():
    f, _ = check(AGREED, "○ 개발인력은 구청 전산실에서 근무하는 것을 원칙으로 하며, 부득이한 경우에 한하여 협의할 수 있다.")
    assert f.status == "violation"
    assert "예외로만" in f.message


def test_a_ban_on_remote_development_next_to_agreement_needs_review():
    f, _ = check(AGREED, "○ 원격지 개발은 허용하지 않는다.")
    assert f.status == "review"
    assert "원격 개발 금지" in f.message


@pytest.mark.parametrize("rows", [
    [["구분", "내용"], ["근무 장소", "발주기관 전산센터"]],
    [["항목", "조건"], ["근무형태", "전 인원 발주처 상주"]],
])
def test_a_place_row_at_the_agency_is_a_violation(rows):
    f, _ = _rows_doc(rows)
    assert f.status == "violation", f.message
    assert " | ".join(rows[1]) in quotes(f)


def test_a_place_row_left_to_agreement_passes():
    f, _ = _rows_doc([["구분", "내용"], ["작업 장소", "계약 후 상호 협의하여 결정"]])
    assert f.status == "pass"
    assert "작업 장소 | 계약 후 상호 협의하여 결정" in quotes(f)


@pytest.mark.parametrize("clause, what", [
    ("○ 작업장소는 계약 체결 후 쌍방 협의에 따른다.", "상호 협의"),
    ("○ 작업장소는 착수보고 전까지 발주기관과 협의하여 확정한다.", "상호 협의"),
    ("○ 발주기관 내 개발 공간이 필요한 경우 작업장소는 협의하여 제공한다.", "상호 협의"),
    ("○ 과업 수행 장소는 계약상대자의 사무실을 원칙으로 한다.", "계약상대자 사무실"),
    ("○ 제안사는 자사 사업장에서 개발하는 것을 원칙으로 한다.", "계약상대자 사무실"),
    ("○ 원격지에서 개발하는 경우 망분리와 출입통제 등 보안 대책을 마련하여야 함", "보안"),
    ("○ 원격 근무 시 VPN 접속과 단말 보안 조치를 하여야 함", "보안"),
])
def test_compliant_wordings_pass(clause, what):
    f, _ = check(clause)
    assert f.status == "pass", (f.message, quotes(f))
    assert what in f.message


@pytest.mark.parametrize("clause", [
    # a ban on remote access to systems is a security control, not a ban on remote development
    "○ 운영 서버에 대한 원격접속 작업은 금지한다.",
    # 상주 at the agreed site
    "○ 참여인력은 협의된 작업장소에 상주하는 것을 원칙으로 한다.",
])
def test_look_alikes_of_demands_are_not_violations(clause):
    f, _ = check(clause)
    assert f.status == "missing", (f.message, quotes(f))


def test_applies_names_the_facts():
    f, _ = check(AGREED)
    assert "공공 SW사업" in f.applies and "사업유형" in f.applies
    f, _ = check("○ 원격 근무는 불허한다.", name="하람시 정보시스템 운영 용역")
    assert f.status == "missing"
    assert "운영·유지관리" in f.applies


# -- work placed in a room the agency provides, staff supplied as on-site staff, and 상주 as a proviso ----

SECURITY = "○ 원격지에서 개발하는 경우 작업장소의 출입통제 등 보안 대책을 마련하여야 한다."


@pytest.mark.parametrize("clause, quoted", [
    ("○ 개발 업무는 발주기관이 준비한 작업실에서 진행한다.", "준비한 작업실에서 진행한다"),
    ("○ 수행사는 주관기관이 제공하는 개발공간에서 과업을 수행하여야 함", "제공하는 개발공간에서"),
    ("○ 모든 작업은 발주기관 내 작업공간에서 수행하여야 한다.", "작업공간에서 수행"),
    ("○ 참여 인력은 매일 ○○공사 본사로 출근하여 근무하여야 한다.", "본사로 출근"),
    ("○ 계약상대자는 착수 후 청사 내 상주 개발인력을 투입하여야 한다.", "상주 개발인력을 투입"),
])
def test_work_in_an_agency_room_is_a_violation_and_review_beside_a_separate_agreement(clause, quoted):
    f, _ = check(clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert quoted in quotes(f)
    # security rules for a remote site do not make the demand negotiable
    f, _ = check(SECURITY, clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert quoted in quotes(f)
    assert "협의로 정한다고 하면서" not in f.message
    # a genuine 협의 statement elsewhere does: a person decides which one holds
    f, _ = check(AGREED, clause)
    assert f.status == "review", (f.message, quotes(f))
    assert quoted in quotes(f) and "상호 협의하여 결정" in quotes(f)


@pytest.mark.parametrize("clause", [
    # a conditional about the agency's room, not a demand to work there
    "○ 발주기관이 제공한 사무실에서 사업을 수행할 경우 자료는 매일 반납한다.",
    # something else done at a place the agency names
    "○ 계약상대자는 발주기관이 지정한 장소에서 교육을 실시하여야 한다.",
    "○ 계약상대자는 발주기관이 지정하는 장소에서 시연을 진행하여야 한다.",
])
def test_other_uses_of_an_agency_room_are_not_demands(clause):
    f, _ = check(clause)
    assert f.status == "missing", (f.message, quotes(f))


def test_onsite_as_a_proviso_to_an_agreed_place_still_stands():
    # the sentence that imposes 상주 is not also the 협의 evidence that softens it
    clause = "○ 작업장소는 상호 협의하여 결정하되, 발주기관 청사 내 상주를 원칙으로 한다."
    f, _ = check(clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert "상주를 원칙으로" in quotes(f)
    assert "단서" in f.message


def test_agreement_after_the_fixed_place_keeps_it_negotiable():
    f, _ = check("○ 작업장소는 발주기관이 제공하는 사무실로 하며, 변경이 필요하면 상호 협의하여 정한다.")
    assert f.status == "pass", (f.message, quotes(f))


# -- only a genuine 협의 statement softens a unilateral demand ------------------------------------

COST = "○ 작업장소 관련 비용은 사업비에 포함되어 있음"


@pytest.mark.parametrize("ban", [
    "○ 외부에서의 개발은 허용하지 않으며 개발 작업은 발주기관 내에서 진행한다.",
    "○ 보안 정책상 원격지 개발은 불허한다.",
])
def test_ban_on_remote_development_beside_security_and_cost_is_a_violation(ban):
    f, _ = check(ban, SECURITY, COST)
    assert f.status == "violation", (f.message, quotes(f))
    assert "원격 개발 금지" in f.message
    assert "협의로 정한다고 하면서" not in f.message
    assert "협의로 정한다는 내용은 아닙니다" in f.message


def test_demand_beside_a_cost_statement_only_is_a_violation():
    f, _ = check("○ 모든 투입 인력은 발주기관 본관에 상주하여 근무하여야 함", COST)
    assert f.status == "violation", (f.message, quotes(f))
    assert "본관에 상주" in quotes(f) and "사업비에 포함" not in quotes(f)


def test_proviso_demand_with_a_separate_agreement_elsewhere_is_review():
    proviso = "○ 개발 장소는 발주기관과 협의하여 선정하되, 수행인력은 발주기관 청사에 상주하는 것을 원칙으로 함"
    f, _ = check(proviso)
    assert f.status == "violation", (f.message, quotes(f))
    assert quotes(f).count("협의하여 선정하되") == 1  # quoted once, as the demand
    f, _ = check(proviso, "○ 원격지 작업장소는 계약상대자가 제안할 수 있다.")
    assert f.status == "review", (f.message, quotes(f))
    assert "제안할 수 있다" in quotes(f)


# -- the work itself placed in an agency room with an ordinary verb -----------------------------------


@pytest.mark.parametrize("clause", [
    "○ 프로그램 개발 작업은 보안 유지를 위해 발주기관 서버실에서 수행하는 것을 원칙으로 한다.",
    "- 시스템 구축 업무는 시청 내 개발실에서 진행함",
    "○ 과업 수행은 발주처 본청 상황실에서 실시한다.",
])
def test_work_placed_in_an_agency_room_is_a_demand(clause):
    f, _ = check(clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert clause[2:10] in quotes(f)
    f, _ = check(AGREED, clause)
    assert f.status == "review", (f.message, quotes(f))


def test_installation_in_the_server_room_is_no_place_demand():
    f, _ = check("○ 장비 설치 작업은 발주기관 전산실에서 수행한다.")
    assert f.status == "missing", (f.message, quotes(f))


# -- agreement offered only as an exception to a named room ------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ 사업 수행 장소는 시청 본관 5층 프로젝트 사무실로 하며, 불가피한 경우에 한하여 협의 후 변경할 수 있다.",
    "○ 개발 장소는 발주기관 청사 내 지정 공간으로 한다. 특별한 사유가 있는 경우에만 협의하여 조정 가능",
])
def test_named_room_with_exception_only_agreement_is_a_violation(clause):
    f, _ = check(clause)
    assert f.status == "violation", f.message


def test_named_room_with_plain_agreement_is_still_softened():
    f, _ = check("○ 사업 수행 장소는 시청 본관 5층 프로젝트 사무실로 하며, 필요 시 상호 협의하여 변경할 수 있다.")
    assert f.status != "violation", f.message


# -- operation/maintenance projects: a 상주 demand beside the document's own 협의 statement ------------

OPS = "하람시 민원포털 유지 및 보수 용역"
STAY = "○ 과업 수행 인력은 계약기간 동안 발주기관이 지정하는 사무실에 전원 상주하여 근무하여야 한다."


def test_onsite_demand_in_an_operation_project_contradicting_its_agreement_needs_review():
    f, _ = check(AGREED, "SER-001 보안 일반", STAY, name=OPS)
    assert f.status == "review", (f.message, quotes(f))
    assert "전원 상주" in quotes(f) and "상호 협의" in quotes(f)
    assert "운영·유지관리" in f.message


def test_operation_project_without_an_agreement_statement_is_judged_on_its_statements():
    f, _ = check(STAY, name=OPS)
    assert f.status == "missing", (f.message, quotes(f))
    f, _ = check(STAY, "○ 원격지 개발 시 작업장소의 출입통제, 망분리 등 보안 요구사항을 충족하여야 함", name=OPS)
    assert f.status == "pass", (f.message, quotes(f))


def test_remote_ban_in_an_operation_project_with_agreement_stays_compliant():
    f, _ = check(AGREED, "○ 외부 클라우드를 이용한 개발 및 원격지 개발은 원칙적으로 불허한다.", name=OPS)
    assert f.status == "pass", (f.message, quotes(f))


def test_demand_in_a_security_requirement_row_of_a_development_project():
    f, _ = check(AGREED, "SER-001 보안 일반", STAY)
    assert f.status == "review", (f.message, quotes(f))
    f, _ = check("SER-001 보안 일반", STAY)
    assert f.status == "violation", (f.message, quotes(f))
