"""SW05 작업장소 협의: the statements that satisfy it, 상주 imposed at the agency, and the mentions of
상주 or 원격 work that are about something else."""
from __future__ import annotations

import pytest

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
