"""PROC01 제안요청 설명회: 추정가격 (VAT 제외) ≥ 20억 needs the briefing's date/time/place (or online
way); the bidders' 제안설명회 presentation is not it; "설명회 없음" is 누락 above 20억; unknown or
VAT-ambiguous amounts are 검토필요; below 20억 is 해당없음."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.proc01_briefing import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

BIG = {"사업유형": "SW개발", "사업금액": "33억원(부가가치세 포함)"}
BRIEFING = ("○ 제안요청 설명회는 2025. 4. 2.(수) 14:00 누리시청 별관 2층 회의실에서 개최함",)
PRESENTATION = ("라. 제안서 평가를 위한 제안설명회(프레젠테이션) 시행 예정",
                "○ 제안서 접수 마감 후 제안설명회 일시와 장소를 각 제안사에 통보함")


def check(*lines: str, given=None):
    head = ["제 안 요 청 서", "사업명 : 누리시 차세대 행정정보시스템 구축 사업", "Ⅰ. 사업 개요",
            "Ⅳ. 입찰 안내", "3. 기타 안내"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, BIG if given is None else given)
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_briefing_with_date_and_place_passes():
    f, doc = check(*BRIEFING)
    assert f.status == "pass"
    assert "14:00" in quotes(f)
    assert "추정가격 약 30억원" in f.applies
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_online_briefing_announced_with_the_notice_passes():
    f, _ = check("□ 사업 설명회", "○ 사업 및 과업 관련 상세 안내를 위해 온라인으로 개최하며, 참가신청은 입찰공고문 참조")
    assert f.status == "pass"


def test_bidders_presentation_is_not_the_briefing():
    f, _ = check(*PRESENTATION)
    assert f.status == "missing"
    assert not f.evidence and f.looked_for


def test_declared_no_briefing_is_missing_above_the_threshold():
    f, _ = check("○ 별도의 제안요청 설명회는 실시하지 않으며, 문의는 서면으로 받음")
    assert f.status == "missing"
    assert "열지 않는다" in f.message and "실시하지 않으며" in f.message
    assert not f.evidence and f.looked_for


def test_replaced_by_the_rfp_is_missing_even_with_dates_nearby():
    f, _ = check("○ 제안요청 설명회: 본 제안요청서로 갈음", "○ 제안서 제출 일시: 2025. 4. 20. 17:00까지")
    assert f.status == "missing"
    assert "갈음" in f.message


def test_below_the_threshold_is_not_applicable():
    f, _ = check(*PRESENTATION, given={"사업유형": "SW개발", "사업금액": "5억원"})
    assert f.status == "not_applicable"
    assert "< 20억원" in f.applies


@pytest.mark.parametrize("given, status", [
    ({"사업유형": "SW개발", "사업금액": "21억원", "부가세": "포함"}, "not_applicable"),  # 추정가격 약 19.1억
    ({"사업유형": "SW개발", "사업금액": "21억원", "부가세": "별도"}, "missing"),
    ({"사업유형": "SW개발", "사업금액": "21억원", "부가세": "모름"}, "review"),
    ({"사업유형": "SW개발"}, None),  # amount not given: read from the (amount-less) text
])
def test_vat_decides_between_20_and_22_eok(given, status):
    f, _ = check("○ 과업 내용은 본 제안요청서에 따름", given=given)
    if status is None:
        assert f.status == "review"
        assert "확인하지 못해" in f.applies
    else:
        assert f.status == status, f.applies
