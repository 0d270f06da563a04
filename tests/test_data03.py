"""DATA03 기록관리: 행정정보 데이터세트, 기록물 등록·이관, 공공기록물법 준수 pass; 로그·이력
'기록관리' and a law list do not; consulting and subscription supply are 해당없음."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.data03_records import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import Fact, RawBlock, build_document
from rfpcheck.pipeline.segment import segment


def check(*lines: str, given=None):
    head = ["제 안 요 청 서", "사업명 : 누리시 인허가 관리시스템 구축 사업", "Ⅰ. 사업 개요",
            "가. 사업내용: 인허가 처리 기능 개발, 통계 화면 구현", "Ⅲ. 제안요청 내용", "SFR-020 기록관리"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, given or {"사업유형": "SW개발", "사업금액": "6억원"})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("line", [
    "○ 시스템이 생산하는 행정정보 데이터세트의 기록 유형을 구분하고 관리기준표 작성을 지원하여야 함",
    "○ 「공공기록물 관리에 관한 법률」에 따라 전자기록물을 기록관리시스템으로 이관하는 기능을 구현하여야 함",
    "○ 결재 문서는 기록물철 등록 후 기록물 분류기준표에 따라 관리되어야 함",
])
def test_records_statements_pass(line):
    f, doc = check(line)
    assert f.status == "pass"
    e = f.evidence[0]
    assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("line", [
    "○ 데이터 수집 관련(출처, 데이터 명칭 등) 기록관리를 철저히 하여야 함",
    "○ 장애 조치 완료 후 처리사항에 대한 기록관리를 하여야 함",
    "○ 관련 법령: ｏ공공기록물 관리에 관한 법률(법률)ｏ전자정부법(법률)",
])
def test_other_kinds_of_record_keeping_are_missing(line):
    f, _ = check(line)
    assert f.status == "missing", [e.quote for e in f.evidence]
    assert "행정정보 데이터세트" in f.message and f.looked_for


def test_consulting_is_not_applicable():
    f, _ = check("○ 정보화 전략 수립", given={"사업유형": "ISP", "사업금액": "2억원"})
    assert f.status == "not_applicable"


def test_a_supply_project_read_as_development_is_not_applicable():
    """Facts that guess 'SW개발' for a licence subscription are overruled by the text, which barely
    speaks of developing anything; a given kind is taken as it is."""
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (
        "제 안 요 청 서", "사업명 : 누리대학교 생성형 AI 도입 구축사업", "Ⅰ. 사업 개요",
        "○ 생성형 AI 라이선스 구독 및 공급", "○ 교직원 및 학생 대상 사용자 교육", "○ 관리자 대시보드 제공")])
    segment(doc)
    infer_facts(doc, {})
    doc.facts["project_kinds"] = Fact("project_kinds", ["SW개발"], "inferred", 0.6)
    f = detect(CheckContext(doc))
    assert f.status == "not_applicable"
    assert "개발·구현" in f.applies
    infer_facts(doc, {"사업유형": "SW개발"})
    assert detect(CheckContext(doc)).status == "missing"


@pytest.mark.parametrize("line", [
    # a strong records term is not vetoed by the word in front of it (상담·작업 기록 …)
    "○ 종결된 상담 기록은 기록관리시스템과 연계하여 이관하여야 함",
    "○ 작업 일지는 전자기록 관리 절차에 따라 보존하여야 함",
    # particles between the words
    "○ 시스템 운영 데이터 중 데이터세트형 기록물의 관리기준을 수립하여야 함",
    "○ 지원금 지급 기록물은 보존기간을 준수하여 관리하여야 함",
    "○ 시설 관리 데이터 세트의 기록 유형을 구분하고 이관 주기를 정하여야 함",
])
def test_other_wordings_of_records_management_pass(line):
    f, doc = check(line)
    assert f.status == "pass", f.message
    e = f.evidence[0]
    assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("line", [
    "○ 계약상대자는 「개인정보 보호법」, 「공공기록물 관리에 관한 법률」 등 관련 법령을 준수하여야 함",
    "○ 「전자정부법」, 「공공기록물 관리에 관한 법률」을 준수하여야 함",
])
def test_a_generic_list_of_laws_to_obey_is_missing(line):
    f, _ = check(line)
    assert f.status == "missing", [e.quote for e in f.evidence]


def test_the_law_named_with_a_specific_duty_passes():
    f, _ = check("○ 「공공기록물 관리에 관한 법률」에 따라 처리 결과 문서를 기록물로 등록하여야 함")
    assert f.status == "pass"


@pytest.mark.parametrize("line", [
    "○ 업무 중 생산한 전자문서는 기록물관리시스템(RMS)으로 매일 자동 이관되도록 연계한다",
    "○ 결재 완료 문서를 RMS로 자동 이관하는 인터페이스를 개발한다",
])
def test_transfer_to_the_records_management_system_passes(line):
    f, doc = check(line)
    assert f.status == "pass", f.message
    assert doc.text[f.evidence[0].start:f.evidence[0].end] == f.evidence[0].quote


def test_a_records_transfer_the_rfp_excludes_does_not_count():
    f, _ = check("○ 기록관리시스템 연계 및 이관 기능은 본 사업 범위에서 제외한다")
    assert f.status == "missing", f.message


def _inferred(*lines: str):
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in lines])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


_HW_HEAD = ("2025년 누리군 정보통신장비 유지보수 용역 과업지시서", "Ⅰ. 용역 개요", "1. 용역명: 정보통신장비 유지보수",
            "2. 용역기간: 2025. 3. 1. ~ 2026. 2. 28.", "Ⅱ. 유지보수 대상", "1. 서버 14대, 백업 스토리지 2식, 스위치 25대",
            "Ⅲ. 과업 내용")


def test_equipment_upkeep_alone_is_not_applicable():
    f, _ = _inferred(*_HW_HEAD, "○ 장비 정기 점검(월 1회)과 고장 시 부품 교체", "○ 장애 접수 후 4시간 이내 현장 출동")
    assert f.status == "not_applicable", (f.status, f.applies)
    assert "전산장비" in f.applies


def test_equipment_upkeep_with_application_operation_still_applies():
    f, _ = _inferred(*_HW_HEAD, "○ 장비 정기 점검(월 1회)과 고장 시 부품 교체",
                     "○ 행정포털 응용 프로그램의 운영과 사용자 지원")
    assert f.status == "missing", (f.status, f.applies)
