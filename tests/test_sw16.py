"""SW16 투입인력 요구·관리 금지: which projects it applies to (read from the name, the kinds and a
stated price basis), the staffing demands that violate it, and the look-alikes that do not."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw16_staffing import clause_span, detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, RawBlock, build_document
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


# -- more kinds of demand, table rows, the agency's own staff, the price basis and the wording -----

def _table(rows: list[list[str]], *before: str, name: str = DEV, given: dict | None = None):
    head = ["제 안 요 청 서", f"사업명 : {name}", "Ⅰ. 사업 개요", *before]
    raws = [RawBlock(t) for t in head]
    for r, cells in enumerate(rows):
        for col, cell in enumerate(cells):
            raws.append(RawBlock(cell, kind="table_cell", table=0, row=r, col=col))
    doc = build_document("rows.txt", "txt", raws)
    segment(doc)
    infer_facts(doc, given or {})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("clause, kind", [
    ("○ 개발인력의 휴가 사용 시 3일 전까지 감독관의 승인을 받아야 함", "근태·휴가·출장"),
    ("○ 계약상대자는 참여인력의 출퇴근 현황을 매주 발주기관에 보고하여야 한다.", "근태·휴가·출장"),
    ("○ 수행인력을 사업 도중 철수시키려면 발주기관의 동의를 얻어야 한다.", "교체·변경 통제"),
    ("○ 분석 단계에는 DBA 1명과 아키텍트 1명을 투입하여야 함", "인원수 지정"),
    # the change word has no object of its own: its object is the clause's staff subject
    ("○ 핵심 개발자는 오픈 시까지 본 사업에 전담으로 참여하여야 하며 임의로 교체할 수 없다.", "교체·변경 통제"),
])
def test_more_staffing_demands_are_violations(clause, kind):
    f, doc = check(REQ, PMR, clause)
    assert f.status == "violation", f.message
    assert kind in f.message
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)


@pytest.mark.parametrize("clause", [
    # the agency's own staff, designated by the agency
    "○ 발주기관은 사업 담당자 2명을 지정하여 사업을 관리한다.",
    # equipment withdrawn, and staff leaving with a rule about something else
    "○ 구 장비 철수 시 저장매체의 데이터를 완전 삭제하여야 함",
    "○ 사업 종료로 인력 철수 시 모든 출입증과 보안 자료를 반납하여야 하며 사업 자료를 외부로 가져갈 수 없다.",
    # a submission place, not a trip
    "○ 제출장소 : 발주기관 정보화담당관실(방문 제출 시 사전 연락 후 승인을 받아 출입)",
])
def test_more_look_alikes_are_not_demands(clause):
    f, _ = check(REQ, PMR, clause)
    assert f.status == "pass", (f.message, quotes(f))


def test_a_staffing_table_is_read_row_by_row_with_its_header():
    f, doc = _table([["역할", "기술등급", "인원", "투입 M/M"],
                     ["PL", "고급", "2", "12"],
                     ["개발자", "중급", "4", "24"]], "Ⅲ. 제안요청 내용", "PMR-003 투입인력 계획")
    assert f.status == "violation", f.message
    assert "등급·경력·자격" in f.message and "인원수 지정" in f.message and "투입공수" in f.message
    assert "PL | 고급 | 2 | 12" in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_an_evaluation_row_is_read_across_its_cells():
    f, _ = _table([["평가 항목", "평가 요소", "배점"],
                   ["수행 인력", "투입 인력의 기술 자격 보유 현황", "8"]], "Ⅴ. 제안서 평가", "1. 기술능력 평가")
    assert f.status == "violation", f.message
    assert "수행 인력 | 투입 인력의 기술 자격 보유 현황 | 8" in quotes(f)


def test_a_roles_table_without_numbers_or_grades_is_not_a_demand():
    f, _ = _table([["역할", "담당 업무"], ["PM", "사업 총괄 및 일정 관리"], ["개발자", "화면 및 기능 개발"]],
                  "Ⅲ. 제안요청 내용", "PMR-003 수행 조직")
    assert f.status == "pass", (f.message, quotes(f))


def test_given_fp_price_makes_an_operation_named_project_subject():
    lines = (REQ, PMR, "○ 기능개선 개발인력 2명은 사업기간 동안 발주기관에 상주하여야 함")
    f, _ = check(*lines, name="가온시 민원시스템 운영 및 유지관리 용역", given={"fp": "yes"})
    assert f.status == "violation"
    assert "기능점수(FP)(입력값)" in f.applies
    # without the given fact the same project is an operation project
    f, _ = check(*lines, name="가온시 민원시스템 운영 및 유지관리 용역")
    assert f.status == "not_applicable"


def test_given_non_fp_price_is_not_applicable_and_says_so():
    f, _ = check(REQ, PMR, "○ PM 1명은 사업기간 동안 발주기관에 상주하여야 함", given={"fp": "no"})
    assert f.status == "not_applicable"
    assert "입력값" in f.applies and "위반이 아님" in f.applies


def test_given_fp_price_does_not_make_a_consulting_project_subject():
    f, _ = check(REQ, PMR, "○ PM은 특급기술자로 하여야 함", name="가온시 정보화전략계획(ISP) 수립 용역",
                 given={"fp": "yes", "kind": "ISP"})
    assert f.status == "not_applicable"
    assert "ISP" in f.applies


def test_inferred_fp_price_is_named_in_applies():
    f, _ = check("○ 본 사업의 사업대가는 기능점수(FP) 방식으로 산정하였다.", REQ, PMR,
                 "○ 참여인력의 이력서를 제출하여야 함")
    assert f.status == "violation"
    assert "기능점수" in f.applies and "추정 사실 priced_by_fp=yes" in f.applies


@pytest.mark.parametrize("clause, phrase", [
    ("○ PM 1명, 개발자 3명 이상을 투입하여야 함", "인원수 지정이 있습니다"),
    ("○ 투입인력은 발주기관에 상주하여야 함", "상주 요구가 있습니다"),
])
def test_messages_choose_the_particle_by_the_last_syllable(clause, phrase):
    f, _ = check(REQ, PMR, clause)
    assert phrase in f.message


def test_declared_exemption_message_is_grammatical():
    f, _ = check("○ 본 사업은 일부 투입공수 방식의 사업대가를 포함하는 사업으로 투입인력 요구 및 관리 금지 대상 사업에서 제외됨",
                 REQ, PMR, "○ 개발인력은 발주기관에 상주하여야 함")
    assert f.status == "review"
    assert "상주 요구" in f.message and "가 있습니다" in f.message and "요구를 요구" not in f.message


def test_a_change_word_without_an_object_reaches_back_to_the_staff_subject_only_as_a_verb():
    f, _ = check(REQ, PMR, "○ 핵심인력은 계약기간 동안 다른 사업을 겸할 수 없으며 중간에 변경할 수 없다.")
    assert f.status == "violation" and "교체·변경 통제" in f.message
    # "변경된 요구사항" modifies a noun: nothing about staff changes
    f, _ = check(REQ, PMR, "○ 투입인력은 요구사항 분석을 수행하며 변경된 요구사항은 발주기관 승인을 받아 반영한다.")
    assert f.status == "pass", (f.message, quotes(f))


# -- change verbs, declaratives, floors, security rosters and the extent of a declared exemption --------

@pytest.mark.parametrize("clause, kind", [
    # 바꾸다 as the change verb, the staff object far before it
    ("○ 계약상대자는 착수보고 때 제출한 투입 인력을 사업 종료 시까지 발주기관과 협의 없이 다른 사람으로 바꿔서는 안 된다.",
     "교체·변경 통제"),
    ("○ 수행사는 제안서에 적은 핵심 인력을 감독관 승인 없이 다른 기술자로 바꾸어서는 안 된다.", "교체·변경 통제"),
    # a plain declarative of a qualification or a headcount
    ("○ 총괄책임자(PM)는 정보시스템감리사 자격 소지자로 한다.", "등급·경력·자격"),
    ("○ 분석·설계 단계의 참여 인원은 최소 4명으로 편성한다.", "인원수 지정"),
    # a floor on the headcount with no verb at all
    ("○ 개발 인력: 5명 이상(PM 포함)", "인원수 지정"),
    # a roster together with the staff's careers
    ("○ 참여 인력 명단과 각자의 경력 사항을 제출한다.", "이력·경력 자료"),
])
def test_demands_in_other_wordings_are_violations(clause, kind):
    f, doc = check(REQ, PMR, clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert kind in f.message
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("clause", [
    # a roster for access and security pledges asks nothing of the staff's careers
    "○ 착수계 제출 시 출입증 발급을 위하여 참여 인력 명단을 함께 제출한다.",
    "○ 보안교육 실시 후 참여 인원 명부와 비밀유지 서약서를 보관한다.",
    # the system's users, a change of something other than staff, and a plain role split
    "○ 시스템은 관리자 10명 이상이 동시에 사용할 수 있어야 한다.",
    "○ 계약상대자는 인력을 보강하고 일정을 바꿀 수 없다.",
    "○ 교육은 업무 담당자 20명 이상을 대상으로 실시한다.",
    "○ 사업 기간 중 수행 인력의 역할 분담은 계약상대자가 정한다.",
])
def test_look_alikes_in_other_wordings_are_not_demands(clause):
    f, _ = check(REQ, PMR, clause)
    assert f.status == "pass", (f.message, quotes(f))


def test_whole_price_by_effort_is_not_applicable_and_part_of_it_needs_review():
    demand = "○ PM과 개발자 2명은 사업기간 동안 발주기관에 상주하여야 함"
    f, _ = check("○ 본 사업의 사업대가는 전액 투입공수 방식으로 산정하였으므로 투입인력 요구·관리 금지 대상에서 제외함",
                 REQ, PMR, demand)
    assert f.status == "not_applicable", f.message
    assert "전체" in f.applies and "해당없음" in f.applies
    assert "투입공수 방식으로 산정" in quotes(f)
    f, _ = check("○ 본 사업은 운영 부문에 한해 일부 투입공수 방식의 대가를 포함하므로 투입인력 요구·관리 금지 대상에서 제외함",
                 REQ, PMR, demand)
    assert f.status == "review"
    assert "일부 대가" in f.message and "일부 대가" in f.applies
    # the declaration itself is not quoted twice as a demand
    assert len({e.quote for e in f.evidence}) == len(f.evidence)
    assert sum("금지 대상에서 제외" in e.quote for e in f.evidence) == 1


def test_an_exemption_without_its_reason_needs_review_and_says_the_reason_is_missing():
    f, _ = check("○ 본 사업은 투입인력 요구 및 관리 금지 대상이 아님", REQ, PMR, "○ 개발인력은 발주기관에 상주하여야 함")
    assert f.status == "review"
    assert "대가 산정 방식은 밝히지 않음" in f.message and "일부 대가" not in f.message
    assert "적혀 있지 않음" in f.applies


@pytest.mark.parametrize("clause", [
    "○ 개발인력 4명은 사업기간 동안 발주기관 전산실에 상주한다.",
    "○ PM과 PL은 개발 기간 중 발주기관에 상주함",
])
def test_plain_declarative_onsite_presence_is_a_demand(clause):
    f, _ = check(REQ, PMR, clause)
    assert f.status == "violation", f.message
    assert "상주 요구" in f.message and "상주" in quotes(f)


def test_onsite_staff_of_a_mixed_project_without_a_price_basis_needs_review():
    f, _ = check("Ⅱ. 운영 현황", "○ 업무시스템 6종 운영", REQ, "1. 유지관리", "○ 장애 대응 및 정기 점검", "2. 기능 고도화",
                 "○ 모바일 조회 기능 개발", "○ 고도화 개발인력 2명은 개발 기간 동안 발주기관에 상주한다.",
                 name="가온시 행정정보시스템 통합 유지관리 및 기능 고도화")
    assert f.status == "review", f.message
    assert "상주" in quotes(f)


def _table_check(rows: list[list[str]]):
    head = ["제 안 요 청 서", f"사업명 : {DEV}", "Ⅰ. 사업 개요", "가. 사업기간: 계약일로부터 8개월",
            "나. 사업예산: 금 500,000,000원(부가가치세 포함)", "Ⅴ. 계약 조건", "3. 수행 조직"]
    blocks = [RawBlock(t) for t in head]
    for r, cells in enumerate(rows):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def test_role_with_a_qualification_floor_in_a_table_row_is_a_violation():
    f, _ = _table_check([["역할", "요건"], ["사업총괄(PM)", "정보관리기술사 자격 보유, 경력 12년 이상"],
                         ["설계 담당", "중급기술자 이상"]])
    assert f.status == "violation"
    assert "경력 12년 이상" in quotes(f)


def test_role_table_without_any_floor_is_compliant():
    f, _ = _table_check([["역할", "담당 업무"], ["사업총괄(PM)", "일정·위험 관리"], ["설계 담당", "화면 설계"]])
    assert f.status == "pass"


def test_evaluation_row_scoring_staff_grade_and_career_is_a_violation():
    f, _ = _table_check([["평가부문", "평가항목", "배점"], ["사업 관리", "참여인력의 기술등급 및 경력", "6"],
                         ["기술 및 기능", "요구사항 이행 방안", "40"]])
    assert f.status == "violation"
    assert "경력" in quotes(f)
