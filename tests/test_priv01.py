"""PRIV01 개인정보 영향평가: a PIA requirement passes; a stated scale at the 시행령 제35조 thresholds
without it is 누락; a stated scale below them, or a statement that the system is not a target, is 해당없음;
personal data of the public with no readable scale is 검토필요 (never a guess); legal thresholds copied
into security clauses, law lists and proposal-outline items are not evidence."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.priv01_pia import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

PIA = "○ 분석·설계 단계에서 개인정보 영향평가를 수행하고 개선 권고사항을 설계에 반영하여야 함"
THRESHOLD_CLAUSE = ("○ 접속기록은 1년 이상 보관하되, 5만명 이상의 정보주체에 관하여 개인정보를 처리하거나 고유식별정보를 "
                    "처리하는 시스템은 2년 이상 보관하여야 함")


def check(*lines: str, given=None):
    head = ["제 안 요 청 서", "사업명 : 누리시 통합민원 포털 구축 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용",
            "SER-005 개인정보 보호"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, given or {"사업유형": "SW개발", "사업금액": "12억원"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_pia_requirement_passes():
    f, doc = check("○ 민원인 약 150만 명의 개인정보를 처리함", PIA)
    assert f.status == "pass"
    assert "영향평가를 수행" in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("line, basis", [
    ("○ 본 시스템은 회원 약 120만 명의 개인정보를 처리한다", "100만명"),
    ("○ 본 시스템은 주민등록번호 등 고유식별정보를 포함한 신청자 약 8만 명의 정보를 처리한다", "5만명"),
])
def test_stated_scale_at_the_threshold_without_pia_is_missing(line, basis):
    f, _ = check(line, THRESHOLD_CLAUSE)
    assert f.status == "missing"
    assert basis in f.message and "제35조" in f.message
    assert f.looked_for


def test_statement_that_it_is_a_target_without_pia_is_missing():
    f, _ = check("○ 본 시스템은 개인정보 영향평가 대상이다.")
    assert f.status == "missing"


def test_stated_small_scale_is_not_applicable():
    f, _ = check("○ 시스템이 처리하는 개인정보는 담당자 계정과 회원 약 8천 명의 연락처이다")
    assert f.status == "not_applicable"
    assert "8,000명" in f.message


def test_statement_that_it_is_not_a_target_is_not_applicable():
    f, _ = check("○ 회원 약 12만 명의 개인정보를 처리하나 고유식별정보는 수집하지 않아, 개인정보 영향평가 의무 대상 "
                 "규모에 해당하지 않음")
    assert f.status == "not_applicable"
    assert "해당하지 않" in quotes(f)


def test_mid_scale_without_sensitivity_needs_review():
    # the encryption boilerplate naming 고유식별정보 does not make the members' data sensitive
    f, _ = check("○ 회원 약 12만 명이 이용하는 예약 서비스",
                 "○ 고유식별정보, 비밀번호는 정보통신망으로 송신할 때 암호화하여야 함")
    assert f.status == "review"
    assert "민감정보" in f.message


def test_public_members_without_scale_need_review():
    f, _ = check("○ 모든 이용자는 회원가입 및 본인인증 후 서비스를 이용하여야 한다", THRESHOLD_CLAUSE)
    assert f.status == "review"
    assert "규모" in f.message and "규모를 읽을 수 없음" in f.applies


@pytest.mark.parametrize("lines", [
    ("○ 관련 고시: ｏ개인정보 영향평가에 관한 고시(개인정보보호위원회고시)ｏ전자정부법",),
    ("○ 제안서에는 개인정보영향평가 수행에 대한 추진방안 제시",),
    (THRESHOLD_CLAUSE,),
    # the SW사업 영향평가 (SW17) is another assessment
    ("○ 본 사업은 소프트웨어 진흥법 제43조에 따라 소프트웨어사업 영향평가를 실시하였음",),
    ("○ 정보주체 100만명 이상인 개인정보파일은 암호화하여 보관한다",),
])
def test_law_lists_outline_items_and_threshold_clauses_prove_nothing(lines):
    f, _ = check("○ 내부 직원용 업무 포털 기능 개선", *lines)
    assert f.status == "not_applicable", (f.status, quotes(f))
    assert "근거" in f.applies


def test_no_member_database_is_not_applicable():
    f, _ = check("○ 누리집에는 회원가입 기능을 두지 않으며, 교육 신청 시 성명과 연락처만 수집함")
    assert f.status == "not_applicable"


def test_given_fact_yes_applies():
    f, _ = check("○ 내부 업무 개선", given={"사업유형": "SW개발", "개인정보": "yes"})
    assert f.status == "missing"
    assert "입력값" in f.message
