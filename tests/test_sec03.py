"""SEC03 용역업체 보안관리: the end-of-project return/deletion decides, with a pledge or a 누출금지 list;
a pledge and a confidentiality clause alone are 누락; the 산출물 반출 clause (SW06) that deletes 누출금지
정보 before reuse is not the end-of-project return."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sec03_contractor_security import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

PLEDGE = "○ 계약상대자는 착수 시 대표자 및 참여인력 전원의 보안서약서를 제출하여야 함"
LEAK = "○ 누출금지 대상정보는 붙임 3과 같으며, 자료를 외부로 반출하려면 발주기관의 사전 승인을 받아야 함"
END = "○ 사업 종료 시 제공받은 자료와 산출물을 전량 반납하고 작업 장비의 자료를 완전 삭제하여야 함"


def check(*lines: str):
    head = ["제 안 요 청 서", "사업명 : 누리시 통계시스템 고도화 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용",
            "SER-002 보안 관리"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, {"사업유형": "고도화", "사업금액": "4억원"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_all_elements_pass_with_each_quoted():
    f, doc = check(PLEDGE, LEAK, END)
    assert f.status == "pass"
    q = quotes(f)
    assert "전량 반납" in q and "보안서약서" in q and "누출금지" in q
    assert "명시되지 않은" not in f.message
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_return_with_pledge_only_passes_and_names_what_is_absent():
    f, _ = check(PLEDGE, "○ 과업 완료 후에는 제공받은 자료를 즉시 파기하여야 함")
    assert f.status == "pass"
    assert "누출금지 정보 지정" in f.message


@pytest.mark.parametrize("lines", [
    (PLEDGE, "○ 계약상대자는 발주자의 동의 없이 자료를 제3자에게 유출, 공개 또는 대여할 수 없다"),
    (PLEDGE, LEAK),
    # the SW06 산출물 반출 clause: delete 누출금지 정보, then reuse
    (PLEDGE, "○ 계약상대자가 산출물을 반출하려는 경우 누출금지 정보로 명시한 정보를 삭제하고 활용하여야 하며, "
             "이를 확인하는 대표 명의의 확약서를 제출하여야 한다"),
])
def test_without_end_of_project_return_is_missing(lines):
    f, _ = check(*lines)
    assert f.status == "missing", quotes(f)
    assert "사업 종료 시 자료 회수·삭제" in f.message
    assert f.looked_for and not f.evidence


def test_nothing_is_missing():
    f, _ = check("○ 계약상대자는 성실히 과업을 수행한다")
    assert f.status == "missing"
    assert "보안서약" in f.message


def test_a_named_security_confirmation_form_counts_as_the_end_pledge():
    f, _ = check("[서식 11] 보안 및 비밀유지 각서", "[서식 12] 보안확약서")
    assert f.status == "pass"


def check_with(*lines: str, tail: tuple = ()):
    """Requirement lines, then a further top-level part (현황, 제안서 작성요령, 기술적용계획표 …)."""
    head = ["제 안 요 청 서", "사업명 : 누리시 통계시스템 고도화 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용",
            "SER-002 보안 관리"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines, *tail)])
    segment(doc)
    infer_facts(doc, {"사업유형": "고도화", "사업금액": "4억원"})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("line", [
    "○ 준공 시 수행사가 보관 중인 자료 일체를 파기하고 그 결과를 서면으로 보고하여야 함",
    "○ 용역 완료 후에는 작업 PC와 저장매체의 자료를 모두 삭제하여야 함",
    "○ 계약 종료 시 수행사가 보유한 모든 자료는 발주기관에 인계하고 사본을 남기지 않는다",
    "○ 검수 완료 후 개발 서버에 남은 운영 데이터 사본을 모두 파기하여야 함",
])
def test_other_wordings_of_the_end_of_project_return_pass(line):
    f, _ = check(PLEDGE, line)
    assert f.status == "pass", f.message


def test_a_handover_of_deliverables_alone_is_not_the_return():
    f, _ = check(PLEDGE, "○ 사업 종료 시 운영 매뉴얼과 산출물을 인계하여야 함")
    assert f.status == "missing"


@pytest.mark.parametrize("tail", [
    # what the former contractor did
    ("Ⅳ. 현행 시스템 현황", "○ 직전 사업자는 사업 종료 시 자료를 모두 반납하고 보안확약서를 제출하였음"),
    # a 기술적용계획표 row the bidder ticks
    ("[붙임 2] 기술적용계획표", "구분 | 적용 기술 및 기준 | 적용여부 | 적용계획/결과",
     "보안 | 용역 보안관리: 사업 종료 시 자료 회수·삭제 | ○ | "),
    # an outline row of the proposal
    ("Ⅳ. 제안서 작성 요령", "5. 보안 부문 : 사업 종료 시 자료 반납·삭제 계획"),
])
def test_current_state_template_and_outline_rows_do_not_count(tail):
    f, _ = check_with(PLEDGE, tail=tail)
    assert f.status == "missing", (f.message, quotes(f))
    assert "종료 시 자료 회수·삭제가 없습니다" in f.message


# -- elements the RFP waives ----------------------------------------------------------------------

def test_a_waived_pledge_is_missing_even_with_the_other_elements():
    f, _ = check(LEAK, END, "○ 단, 참여인력의 보안서약서 징구는 면제한다")
    assert f.status == "missing", f.message
    assert "보안서약" in f.message and "생략·제외" in f.message
    # the elements that are stated are not called absent
    assert "누출금지 정보 지정" in f.message.split("명시된 요소:")[1]


def test_waived_elements_are_not_listed_as_present():
    f, _ = check("○ 소규모 용역이므로 보안각서 제출과 산출물 반출 승인 절차는 생략하기로 한다")
    assert f.status == "missing", f.message
    assert "보안서약, 자료 반출 통제" in f.message and "명시된 요소" not in f.message


def test_a_ban_worded_with_a_negation_is_still_a_requirement():
    # "…제공하지 않는다" is the 누출 ban itself; "…하지 않은 인력" is a condition of the pledge
    f, _ = check("○ 누출금지 대상정보는 어떠한 경우에도 외부에 제공하지 않는다",
                 "○ 보안서약서를 제출하지 않은 인력은 투입할 수 없다", END)
    assert f.status == "pass", f.message
    assert "생략" not in f.message


@pytest.mark.parametrize("line", [
    "○ 발주기관이 비공개로 분류한 설계 도면은 외부 유출을 엄금한다",
    "○ 사업 관련 자료의 외부 누출을 금지한다",
])
def test_other_wordings_of_the_leak_ban(line):
    f, _ = check(line, END)
    assert f.status == "pass", f.message
    assert "누출금지 정보 지정" in f.message


def test_an_inspected_carry_in_and_out_is_export_control():
    f, _ = check(PLEDGE, END, "○ 외장 저장장치의 반출입 시에는 감독관이 내용을 확인한다")
    assert f.status == "pass"
    assert "자료 반출 통제" in f.message.split("명시되지 않은")[0]


# -- a licence delivered with no work on the agency's systems ---------------------------------------

def purchase(*lines: str, name: str = "누리시 문서편집 소프트웨어 라이선스 구매"):
    head = ["구 매 규 격 서", f"사업명 : {name}", "Ⅰ. 구매 개요", "○ 구매예산: 90,000,000원(부가세 포함)",
            "Ⅱ. 구매 내역", "품명 | 수량", "문서편집 소프트웨어 영구 라이선스 | 300카피"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def test_a_licence_only_delivery_is_not_applicable():
    f, _ = purchase("○ 라이선스 키는 전자우편으로 공급하며 설치 작업과 방문 지원은 요구하지 않는다",
                    "○ 납품 기한은 계약일로부터 30일로 한다", "○ 공급 제품은 최신 버전이어야 한다")
    assert f.status == "not_applicable", (f.status, f.applies)
    assert "라이선스" in f.applies and "설치" in f.applies


def test_a_licence_with_installation_on_site_still_applies():
    f, _ = purchase("○ 공급사는 청사를 방문하여 업무용 PC 300대에 설치하고 기존 버전을 제거한다",
                    "○ 납품 기한은 계약일로부터 30일로 한다", "○ 공급 제품은 최신 버전이어야 한다")
    assert f.status == "missing", (f.status, f.applies)


def _inferred(*lines: str):
    """A short document whose project kind is read from its own text (no given facts)."""
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in lines])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def test_a_short_licence_purchase_with_no_installation_is_not_applicable():
    f, _ = _inferred(
        "누리군 통계분석 소프트웨어 라이선스 구매 규격서", "Ⅰ. 구매 개요", "1. 구매명: 통계분석 소프트웨어 라이선스 구매",
        "2. 납품기한: 계약일로부터 20일", "3. 예산: 금 45,000,000원", "Ⅱ. 구매 규격",
        "1. 품목: 통계분석 SW 연간 구독 라이선스 120개",
        "2. 납품 방법: 설치 작업 없이 라이선스 키를 전자우편으로 전달하며, 설치는 발주기관이 자체적으로 한다.",
        "Ⅲ. 기타", "1. 공급 확인서 제출")
    assert f.status == "not_applicable", (f.status, f.message)
    assert "라이선스" in f.applies or "납품" in f.applies


def test_a_purchase_that_installs_on_site_still_applies():
    f, _ = _inferred(
        "누리군 통계분석 소프트웨어 라이선스 구매 규격서", "Ⅰ. 구매 개요", "1. 구매명: 통계분석 소프트웨어 라이선스 구매",
        "2. 납품기한: 계약일로부터 20일", "Ⅱ. 구매 규격", "1. 품목: 통계분석 SW 연간 구독 라이선스 120개",
        "2. 납품 방법: 공급자가 기관을 방문하여 업무용 PC에 설치하고 라이선스를 등록한다.")
    assert f.status == "missing", (f.status, f.message)


def test_export_needing_prior_approval_is_export_control():
    f, _ = check(PLEDGE, "○ 과업 수행 중 생산한 문서를 기관 밖으로 반출하려는 때에는 보안담당관의 사전 승인을 받아야 함",
                 END)
    assert f.status == "pass"
    assert "자료 반출 통제" in f.message and "명시되지 않은 요소: 누출금지" in f.message


@pytest.mark.parametrize("line", [
    "○ 업무 중 받은 문서는 청사 밖으로 옮기기 전에 감독관의 허가를 얻어야 함",
    "○ 개발 과정의 데이터는 외부로 가지고 나갈 수 없다",
    "○ 제공 자료를 회사 밖으로 가져가고자 하는 경우 미리 담당 부서의 동의를 받는다",
])
def test_plain_wordings_of_taking_material_out_are_export_control(line):
    f, _ = check(PLEDGE, END, line)
    assert f.status == "pass", f.message
    assert "자료 반출 통제" in f.message.split("명시되지 않은")[0], f.message


@pytest.mark.parametrize("line", [
    "○ 용역을 마치면 넘겨받은 자료 전부를 기관에 되돌려 주고 확인서를 낸다",
    "○ 계약이 만료되면 수행사가 가진 데이터는 모두 파기한다",
    "○ 받은 자료는 돌려드리고 작업용 복사본은 복원할 수 없게 지워야 한다",
])
def test_plain_wordings_of_the_end_of_work_return_pass(line):
    f, _ = check(PLEDGE, line)
    assert f.status == "pass", f.message
    assert "사업 종료 시 자료 회수·삭제" in f.message.split("명시되지 않은")[0]


def test_wiping_personal_data_or_a_route_approval_is_neither_element():
    f, _ = check(PLEDGE, "○ 보유기간이 지난 개인정보는 복구할 수 없도록 파기한다",
                 "○ 외부 전문가 자료를 참고하여 이동 경로를 승인받는다")
    assert f.status == "missing"
    assert "자료 반출 통제" in f.message and "사업 종료 시 자료 회수·삭제" in f.message


@pytest.mark.parametrize("line", [
    # a ban on mailing closed material controls how it leaves, not what happens at the end
    "○ 비공개 자료는 전자우편으로 주고받을 수 없으며 외부 메일 사용을 금지함",
    # a pledge to keep files on the designated server only
    "[붙임 7] 파일서버 보안 확약서",
])
def test_mail_ban_or_file_server_pledge_is_not_the_end_of_project_return(line):
    f, _ = check(PLEDGE, LEAK, line)
    assert f.status == "missing", quotes(f)
    assert "사업 종료 시 자료 회수·삭제" in f.message


@pytest.mark.parametrize("line", [
    "○ 설치는 기관 담당자가 직접 수행하며 공급사는 라이선스 증서만 납품한다",
    "○ 공급자는 라이선스 키만 전달하고 발주기관 담당자가 업무용 PC에 설치한다",
])
def test_installation_left_to_the_agencys_staff_is_supply_only(line):
    f, _ = purchase(line)
    assert f.status == "not_applicable", (f.status, f.applies)


def test_installation_by_the_supplier_beside_agency_staff_still_applies():
    f, _ = purchase("○ 공급사는 기관 담당자 입회하에 업무용 PC에 설치하고 라이선스를 등록한다")
    assert f.status == "missing", (f.status, f.applies)


def test_a_given_goods_purchase_still_reads_the_text_for_site_work():
    def given(line):
        head = ["구 매 규 격 서", "사업명 : 누리시 문서편집 소프트웨어 라이선스 구매", "Ⅰ. 구매 개요",
                "○ 구매예산: 90,000,000원(부가세 포함)", "Ⅱ. 구매 내역", "품명 | 수량",
                "문서편집 소프트웨어 영구 라이선스 | 300카피", line]
        doc = build_document("sample.txt", "txt", [RawBlock(t) for t in head])
        segment(doc)
        infer_facts(doc, {"사업유형": "상용SW"})
        return detect(CheckContext(doc))
    assert given("○ 설치는 발주기관 직원이 직접 한다").status == "not_applicable"
    assert given("○ 공급사가 기관을 방문하여 설치하고 교육한다").status == "missing"
