"""SW17 SW사업 영향평가: the 결과서 attached or the assessment stated, the exemptions read from the
document (claims, the 결과서 form's ticks, users inside one agency) or from the kind (상용SW 구매, 단순
운영, DB 구축), and the 개인정보 영향평가 trap."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw17_impact import detect

from docbuild import quotes, run

PUBLIC = ["○ 시민이 누리집에서 회원가입 후 민원을 신청하고 이용자는 처리 결과를 조회함"] * 4
FORM_HEAD = "구분 | ①상용소프트웨어의 구매·설치 및 유지관리 사업 | {1} ②국가안보, 치안, 외교 등 민간이 서비스하기에 부적합한 사업 | □ " \
            "③민간투자형 소프트웨어 사업 | □ ④단일기관 내부(소속기관 제외) 직원을 대상으로 제공하는 소프트웨어 사업 | {4} " \
            "⑤데이터베이스 구축 사업 | □ ⑥소프트웨어 변경이 없는 운영 사업 | □ ⑦그 외 소프트웨어 사업 | {7} ※ 구분 ①~⑥에 해당하는 경우"


@pytest.mark.parametrize("clause", [
    "※ 본 사업은 「소프트웨어 진흥법」 제43조에 따라 SW사업 영향평가를 미리 실시한 사업임(붙임 1)",
    "[붙임 5] 소프트웨어사업 영향평가 결과서",
])
def test_assessment_stated_or_attached_passes(clause):
    f, _ = run(detect, "2. 사업 개요", clause, *PUBLIC, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "영향평가" in quotes(f)


def test_public_service_without_assessment_is_missing():
    f, _ = run(detect, "2. 사업 개요", *PUBLIC, "○ 개인정보 영향평가를 수행하고 결과를 반영하여야 함",
               kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "영향평가 결과서" in f.looked_for


def test_claimed_exemption_is_not_applicable():
    f, _ = run(detect, "2. 사업 개요",
               "○ 본 사업은 지침 제6조에 따라 ‘단일기관 내부사용 목적의 소프트웨어사업’으로 소프트웨어사업 영향평가 제외 대상 사업임",
               kind="SW개발", budget="5억")
    assert f.status == "not_applicable"
    assert f.evidence


def test_form_ticking_an_exempt_category_is_not_applicable():
    form = FORM_HEAD.replace("{1}", "□").replace("{4}", "■").replace("{7}", "□")
    f, _ = run(detect, "[붙임 5] 소프트웨어사업 영향평가 결과서", form, *PUBLIC, kind="SW개발", budget="5억")
    assert f.status == "not_applicable"
    assert "단일기관" in f.applies


def test_form_ticking_other_software_passes():
    form = FORM_HEAD.replace("{1}", "□").replace("{4}", "□").replace("{7}", "■")
    f, _ = run(detect, "[붙임 5] 소프트웨어사업 영향평가 결과서", form, kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_form_with_internal_users_only_is_not_applicable():
    users = "2. 운영계획 | 운영기관 | ■단일기관 □다수기관 사용자 | 구분 | 예상사용자수 ■내부직원 | 약 800명 □타기관직원 | 명 □일반국민 또는 기업 | 명"
    f, _ = run(detect, "[붙임 5] 소프트웨어사업 영향평가 결과서", users, kind="SW개발", budget="5억")
    assert f.status == "not_applicable"
    assert "내부" in f.message


def test_groupware_for_own_staff_is_not_applicable():
    staff = ["○ 임직원 전원이 그룹웨어로 전자결재와 업무포털을 사용하며 내부직원 업무지원 기능을 제공함"] * 4
    f, _ = run(detect, "2. 사업 개요", *staff, kind="SW개발", budget="5억", project_name="AI 그룹웨어 고도화")
    assert f.status == "not_applicable"
    assert "내부" in f.applies


def test_mostly_internal_users_without_a_clear_name_needs_review():
    staff = ["○ 임직원이 사용하는 시스템으로 내부직원 업무담당자가 이용함"] * 3
    f, _ = run(detect, "2. 사업 개요", *staff, "○ 일부 이용자 안내 화면 제공", "○ 이용자 문의 응대",
               "○ 이용자 만족도 조사", "○ 고객 안내",
               kind="SW개발", budget="5억", project_name="통합 정보시스템 구축")
    assert f.status == "review"


@pytest.mark.parametrize("kind", ["유지관리운영", "상용SW구매", "DB구축"])
def test_exempt_kinds_are_not_applicable(kind):
    f, _ = run(detect, "2. 사업 개요", *PUBLIC, kind=kind, budget="5억")
    assert f.status == "not_applicable"


def test_consulting_is_not_exempt():
    f, _ = run(detect, "2. 사업 개요", *PUBLIC, kind="ISP컨설팅", budget="3억")
    assert f.status == "missing"


def test_other_impact_assessments_are_not_the_sw_assessment():
    f, _ = run(detect, "2. 사업 개요", "○ 하천 정비에 따른 환경영향평가 결과서는 발주기관이 별도로 제공함", *PUBLIC,
               kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == []


@pytest.mark.parametrize("clause, rows", [
    ("○ 사업 개요는 다음과 같음", [["구분", "내용"], ["SW사업 영향평가", "실시 완료(결과서 붙임)"]]),
    ("○ 「소프트웨어 진흥법」 제43조에 따른 영향평가 결과: 민간시장 침해 우려 없음(붙임 2)", None),
])
def test_assessment_in_an_overview_row_or_a_result_sentence_passes(clause, rows):
    f, _ = run(detect, "1. 사업 개요", clause, *PUBLIC, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "영향평가" in quotes(f)


def test_a_policing_project_without_the_assessment_needs_review():
    head = ["2025년 경찰 현장단말 기능개선 사업 제안요청서", "1. 사업 개요", "가. 사업명: 경찰 현장단말 기능개선 사업"]
    f, _ = run(detect, "2. 과업 내용", *PUBLIC, head=head, kind="고도화", budget="5억")
    assert f.status == "review"
    assert "안보·치안·외교" in f.message


# -- negated exemptions, internal-use statements and names, unticked check rows ---------------------

@pytest.mark.parametrize("clause", [
    "○ 본 사업은 SW사업 영향평가 면제 사업에 해당하지 않으며 결과서는 사전규격 공개 전에 공시할 예정임",
    "○ 본 사업은 소프트웨어사업 영향평가 제외 대상이 아니므로 평가를 진행 중임",
])
def test_a_negated_exemption_is_not_an_exemption(clause):
    f, _ = run(detect, "2. 추진 근거", clause, *PUBLIC, kind="SW개발", budget="5억")
    assert f.status == "missing", (f.message, f.applies)


def test_a_statement_that_only_staff_use_the_system_needs_review_whatever_the_counts():
    lines = ("2. 사업 목적", "○ 이 시스템은 본청 소속 공무원만 이용하는 내부 행정업무 시스템이다.", *PUBLIC[:2])
    f, doc = run(detect, *lines, kind="SW개발", budget="5억",
                 head=["가온시 행정업무 통합시스템 구축 제안요청서", "1. 사업 개요", "가. 사업기간: 8개월"])
    assert f.status == "review", (f.message, f.applies)
    assert "내부 직원만" in f.message and "공무원만 이용" in quotes(f)
    # an admin screen closed to outsiders is access control, not a single-agency system
    f, _ = run(detect, "2. 보안 요구사항", "○ 관리자 화면은 내부 직원만 접속할 수 있도록 접근을 통제한다.", *PUBLIC,
               kind="SW개발", budget="5억")
    assert f.status == "missing", (f.message, f.applies)


def test_an_internal_project_name_needs_review():
    f, _ = run(detect, "2. 사업 내용", "○ 결재 양식 편집과 결재선 지정 기능을 개선한다.", kind="SW개발", budget="5억",
               head=["가온시 전자결재시스템 고도화 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 6개월"])
    assert f.status == "review", (f.message, f.applies)
    assert "사업명" in f.applies


@pytest.mark.parametrize("cells", [["□", "□"], ["☐ 예 ☐ 아니오"], ["V"]])
def test_a_check_row_ticked_or_not_is_no_evidence(cells):
    f, _ = run(detect, "2. 사업 개요", *PUBLIC, "[별지] 법제도 준수 점검표",
               rows=[["점검 항목", *(["해당", "미해당"] if len(cells) == 2 else ["확인"])],
                     ["소프트웨어사업 영향평가 결과서 첨부", *cells]], kind="SW개발", budget="5억")
    assert f.status == "missing", (f.message, quotes(f))


@pytest.mark.parametrize("clause", [
    "○ 2024. 6. 소프트웨어사업 영향평가 완료",
    "○ 본 사업은 SW사업 영향평가를 실시하였으며 그 결과를 공시하였음",
])
def test_a_done_mention_without_the_result_sheet_needs_review(clause):
    f, _ = run(detect, "2. 추진 경과", clause, *PUBLIC, kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "결과서" in f.message and "영향평가" in quotes(f)


def test_a_done_mention_with_the_result_sheet_listed_elsewhere_passes():
    f, _ = run(detect, "2. 추진 경과", "○ 2024. 6. 소프트웨어사업 영향평가 완료", *PUBLIC,
               "○ 붙임 4. 소프트웨어사업 영향평가 결과서", kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_an_earlier_phase_assessment_in_the_history_is_not_this_projects():
    f, _ = run(detect, "2. 추진 경과", "○ 1단계('23년) 구축 사업 때 SW사업 영향평가를 실시하여 결과를 공시하였음", *PUBLIC,
               kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == []


@pytest.mark.parametrize("clause", [
    "○ SW사업 영향평가: 민간시장 영향 없음(결과서 별첨)",
    "○ 본 사업은 SW사업 영향평가에서 민간 시장 침해가 없는 것으로 나타남(결과서 첨부)",
])
def test_assessment_result_with_sheet_attached_passes(clause):
    f, _ = run(detect, "2. 사업 개요", clause, *PUBLIC, kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_assessment_result_row_in_a_table_passes():
    f, _ = run(detect, "2. 사전 절차", *PUBLIC, kind="SW개발", budget="5억",
               rows=[["절차", "결과"], ["SW사업 영향평가", "민간시장 영향 없음(결과서 별첨)"], ["과업심의", "완료"]])
    assert f.status == "pass"
    assert "영향평가" in quotes(f)


def test_assessment_result_without_the_sheet_needs_review():
    f, _ = run(detect, "2. 사업 개요", "○ SW사업 영향평가: 민간시장 영향 없음", *PUBLIC, kind="SW개발", budget="5억")
    assert f.status == "review"
