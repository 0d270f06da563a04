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
    # 9억 ≥ 5억: the 감리 threshold is named, and the missing 진단원 is pointed out
    assert "5억원" in f.applies and "감리" in f.applies
    assert "진단원" in f.message


def test_named_expert_and_certified_tool_need_no_remark():
    f, _ = check(DIAG, "○ 보안약점 진단은 소프트웨어 보안약점 진단원이 인증된 진단도구로 수행한다")
    assert f.status == "pass"
    assert "명시되지 않았" not in f.message


def test_secure_coding_alone_needs_review_above_one_eok():
    f, _ = check(SECURE)
    assert f.status == "review"
    assert "시큐어코딩" in quotes(f)


def test_secure_coding_alone_passes_below_one_eok():
    f, _ = check(SECURE, given=SMALL)
    assert f.status == "pass"
    assert "의무가 아닙니다" in f.message


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
