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


@pytest.mark.parametrize("lines", [
    # the next heading or schedule row speaks of 평가: that is not this line's business
    ("○ 제안요청 설명회: 2025. 4. 2.(수) 14:00, 본청 5층 회의실", "Ⅴ. 제안서 평가 방법", "1. 평가 개요"),
    ("구분 | 일정", "제안요청 설명회 | 2025. 4. 2.(수) 14:00, 본청 5층 회의실", "제안서 평가 | 2025. 4. 25.(금)"),
    # other names of the agency's briefing
    ("○ 입찰 참가자 설명회: 2025. 4. 8. 14:00, 3층 세미나실",),
    ("○ RFP 설명회: 4. 7.(월) 15:00, 본원 강당",),
    ("○ 사업 내용 안내를 위한 사전 설명회를 4월 9일 14시 시청 대회의실에서 개최함",),
    ("○ 과업설명회는 4월 2일 14시 기관 유튜브 채널로 생중계함",),
    ("○ 제안요청 설명회 일시·장소: 입찰공고문 참조",),
    # a 제안설명회 in the bid schedule that bidders attend before submitting
    ("구분 | 일시 | 비고", "제안설명회 | 2025. 3. 14.(금) 14:00 | 조달청 대회의실, 참석 자율",
     "제안서 제출 | 2025. 3. 28.(금) 17:00 | 나라장터"),
])
def test_briefings_written_in_other_ways_pass(lines):
    f, doc = check(*lines)
    assert f.status == "pass", f.message
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("line", [
    "○ 사업설명회 일시 및 장소는 추후 통보함",
    "○ 제안요청 설명회 개최 여부는 추후 결정하여 공지함",
    "○ 제안요청 설명회는 일정과 장소를 별도로 안내할 예정임",
])
def test_a_briefing_put_off_to_later_is_missing(line):
    f, _ = check(line, "○ 계약 체결: 2025. 5월 중")
    assert f.status == "missing", f.message
    assert "언급만" in f.message and not f.evidence and f.looked_for


def test_bare_words_for_date_and_place_are_not_details():
    f, _ = check("○ 제안요청 설명회의 일시와 장소를 정하여 개최함")
    assert f.status == "missing"


def test_details_under_a_bare_name_are_read_but_not_those_of_the_next_step():
    f, _ = check("나. 사업설명회", "- 일시: 2025. 4. 3.(목) 14:00", "- 장소: 본관 대회의실")
    assert f.status == "pass"
    assert "14:00" in quotes(f)
    # the line under the name is the submission deadline, not the briefing's date
    f, _ = check("○ 제안요청 설명회", "○ 제안서 제출: 2025. 4. 20. 17:00까지")
    assert f.status == "missing", quotes(f)


def test_a_given_amount_without_a_vat_basis_is_said_to_be_taken_as_included():
    f, doc = check("○ 과업 내용은 본 제안요청서에 따름", given={"사업유형": "SW개발", "사업금액": "21억원"})
    assert f.status == "not_applicable"
    assert "부가세 포함으로 간주" in f.applies and "부가세 포함, 입력값" not in f.applies
    # where the facts record that the user stated the basis, the reason says so
    doc.facts["budget_krw"].extra["vat_assumed"] = False
    f = detect(CheckContext(doc))
    assert "부가세 포함, 입력값" in f.applies and "간주" not in f.applies


def test_an_amount_read_with_its_vat_basis_names_the_basis():
    f, _ = check("○ 과업 내용은 본 제안요청서에 따름", "2. 사업예산: 금 2,100,000,000원(부가가치세 포함)",
                 given={"사업유형": "SW개발"})
    assert f.status == "not_applicable"
    assert "부가세 포함, 추정" in f.applies and "간주" not in f.applies


def test_an_earlier_phase_briefing_in_the_history_is_not_this_projects_briefing():
    """A 2단계 project whose 추진 경과 tells of the 1단계 briefing has not announced its own."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from docbuild import run as build_run

    from rfpcheck.checks.proc01_briefing import detect

    head = ["누리시 2단계 스마트 행정 플랫폼 구축 제안요청서", "Ⅰ. 사업 개요", "○ 사업명: 2단계 스마트 행정 플랫폼 구축",
            "○ 사업예산: 금 2,800,000,000원(부가가치세 포함)", "Ⅱ. 추진 경과"]
    f, _ = build_run(detect, "○ 2024. 4. 2. 1단계 사업 제안요청 설명회를 본청 회의실에서 개최하고 1단계 사업을 완료하였음",
                     "Ⅲ. 제안요청 내용", "○ 1단계 플랫폼에 민원 업무 9종을 추가 통합", head=head)
    assert f.status == "missing", (f.status, f.message)
    # the same briefing sentence about this project counts
    f, _ = build_run(detect, "○ 본 사업 제안요청 설명회는 2025. 4. 2. 14:00 본청 회의실에서 개최함", head=head)
    assert f.status == "pass", (f.status, f.message)


@pytest.mark.parametrize("line", [
    "○ 입찰 참가 희망업체 대상 과업 안내회: 2025. 5. 7.(수) 10:00 누리시청 별관 2층 세미나실",
    "○ 사업 설명회: 2025년 4월 2일(수) 오후 2시, 온라인 화상회의",
    "○ 입찰 설명회는 2025. 4. 9.(수) 14:00 본청 5층 대회의실에서 개최함",
    "○ 현장 설명회: 2025. 4. 3.(목) 10:00, 누리시 하수처리장 관리동 회의실",
])
def test_briefings_under_other_names_pass(line):
    f, _ = check(line)
    assert f.status == "pass", (f.status, f.message)


def test_a_guidance_session_that_is_not_held_is_missing():
    f, _ = check("○ 과업 안내회는 개최하지 않음")
    assert f.status == "missing", (f.status, f.message)
