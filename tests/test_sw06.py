"""SW06 산출물 활용 보장: joint or sole ownership of the deliverables' IP, the 반출 route, and the
clauses that only look like ownership statements."""
from __future__ import annotations

import pytest
from docbuild import build_doc

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw06_ip import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["제 안 요 청 서", "사업명 : 나래군 통합예약시스템 구축 사업", "Ⅰ. 사업 개요",
        "가. 사업기간: 계약일로부터 6개월", "Ⅵ. 계약 조건", "5. 지식재산권 및 산출물 활용"]

JOINT = "○ 본 사업의 산출물에 대한 지식재산권은 발주기관과 계약상대자가 공동으로 소유한다."
ROUTE = "○ 계약상대자는 지식재산권의 활용을 위하여 SW산출물의 반출을 요청할 수 있으며, 발주기관은 30일 이내에 결과를 통보한다."
SOLE = "○ 본 사업으로 개발된 프로그램 등 계약목적물의 지식재산권 및 저작권은 발주기관에 귀속된다."


def check(*lines: str):
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*HEAD, *lines)])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_joint_ownership_and_route_pass_with_both_quoted():
    f, doc = check(JOINT, ROUTE)
    assert f.status == "pass"
    assert "공동으로 소유한다" in quotes(f) and "반출을 요청할 수 있으며" in quotes(f)
    assert "반출 요청 절차" in f.message
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("clause", [
    "○ 계약목적물의 지식재산권은 발주기관과 사업자가 공동 소유를 원칙으로 하되, 별도의 정함이 없는 한 지분은 균등한 것으로 간주함",
    "○ 과업 수행 결과물의 지식재산권 귀속은 용역계약일반조건 제56조에서 정한 바에 따름",
])
def test_joint_ownership_alone_passes(clause):
    f, _ = check(clause)
    assert f.status == "pass"
    assert clause.lstrip("○ ") in quotes(f)


def test_sole_agency_ownership_without_route_is_a_violation():
    f, _ = check(SOLE)
    assert f.status == "violation"
    assert "지식재산권 및 저작권은 발주기관에 귀속된다" in quotes(f)


def test_all_deliverables_vested_in_the_agency_is_a_violation():
    f, _ = check("○ 본 사업으로 인한 모든 성과물은 발주처에 귀속되며 계약상대자에게 반환하지 않음")
    assert f.status == "violation"
    assert "성과물" in f.message


def test_sole_and_joint_clauses_together_need_review():
    f, _ = check(JOINT, ROUTE, "Ⅶ. 보안 유지",
                 "○ 과업성과품에 대한 지적재산권 일체와 2차적 저작물의 저작권은 발주기관이 소유하며, 발주기관은 필요시 내용을 보완할 수 있음")
    assert f.status == "review"
    assert "공동소유" in f.message and "지적재산권 일체" in quotes(f)


def test_sole_ownership_with_a_route_needs_review():
    f, _ = check("○ 계약목적물의 지식재산권은 발주기관이 소유함을 원칙으로 하되 세부사항은 협의하여 결정", ROUTE)
    assert f.status == "review"


def test_explicit_ban_on_taking_deliverables_out():
    f, _ = check("○ 본 사업으로 개발되는 소프트웨어와 산출물의 지식재산권은 발주기관에 단독으로 귀속됨",
                 "○ 계약상대자는 사업 종료 후 산출물을 반출하거나 다른 사업에 활용할 수 없음")
    assert f.status == "violation"
    assert "반출하거나 다른 사업에 활용할 수 없음" in quotes(f)


@pytest.mark.parametrize("lines", [
    # the "unless agreed otherwise" sentence of the standard clause is not joint ownership by itself,
    # nor is the SW07 template line about 공동활용
    ("○ 계약당사자간의 협의를 통해 지식재산권 귀속주체 등에 대해 공동소유와 달리 정할 수 있음",
     "○ 본 사업을 통해 개발되는 소프트웨어는 용역계약일반조건 제56조(계약목적물의 지식재산권 귀속 등)에 따라 타 기관과 공동활용할 계획이 없음"),
    # infringement and third-party licences are not ownership statements
    ("○ 계약상대자는 제3자의 지식재산권을 침해하지 않도록 하여야 하며 분쟁 시 책임을 진다",
     "○ 납품한 상용SW 라이선스의 저작권은 원저작자에게 있음"),
    # a heading alone, and security rules about carrying equipment out
    ("○ 계약목적물의 지식재산권 귀속", "○ 사업자 PC 등 장비는 발주기관 담당자의 승인 후 반출하여야 함"),
])
def test_look_alikes_leave_the_rule_missing(lines):
    f, _ = check(*lines)
    assert f.status == "missing", (f.message, quotes(f))
    assert f.looked_for and "공동" in f.looked_for


def test_security_carve_out_from_joint_ownership_stays_compliant():
    f, _ = check(JOINT, "○ 제1항에도 불구하고 보안관련 산출물의 소유권 및 지적재산권은 발주기관이 소유한다.")
    assert f.status == "pass"


def test_nda_clause_on_supplied_information_is_not_a_sole_ip_clause():
    f, _ = check(JOINT, ROUTE, "○ 본 협약에 따라 제공되는 비밀정보에 관한 소유권, 지식재산권 등의 모든 권리는 정보제공자에 속한다.")
    assert f.status == "pass"


def test_physical_deliverables_to_the_agency_do_not_contradict_joint_ip():
    f, _ = check("○ 사업수행 상의 성과품과 산출물 등에 대한 소유권은 발주기관에 귀속되며, 본 사업과 관련하여 발생하는 지식재산권은 발주기관과 사업자가 공동으로 소유함")
    assert f.status == "pass"


def test_routine_ban_on_unauthorised_export_is_not_a_denial_of_use():
    f, _ = check("○ 사업 수행 중 산출물의 무단 반출을 금지하며, 반출 시 발주기관의 승인을 받아야 한다.")
    assert f.status == "missing"


@pytest.mark.parametrize("clause", [
    "○ 본 사업의 입찰보증금은 발주기관에 귀속된다.",
    "○ 본 사업으로 구축된 시스템 구성요소에 대한 사용권은 발주기관에 있음",
    "○ 본인은 업무수행의 결과물에 대한 권리가 기관에 귀속됨을 인정하고 이를 준수하겠습니다.",
])
def test_other_things_vested_in_the_agency_are_not_ip_clauses(clause):
    f, _ = check(clause)
    assert f.status == "missing", quotes(f)


# -- ownership verbs, key/value rows and repeated quotes ------------------------------------------

def _rows_doc(rows: list[list[str]], *before: str):
    raws = [RawBlock(t) for t in (*HEAD, *before)]
    for r, cells in enumerate(rows):
        for col, cell in enumerate(cells):
            raws.append(RawBlock(cell, kind="table_cell", table=0, row=r, col=col))
    doc = build_document("rows.txt", "txt", raws)
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("clause", [
    "○ 본 용역의 결과물에 관한 저작권 등 일체의 권리는 발주처가 보유한다.",
    "○ 개발된 프로그램의 특허권과 저작권은 발주기관이 단독으로 갖는다.",
    "○ 계약목적물의 저작재산권은 발주기관에 양도하여야 한다.",
    "○ 사업 수행 과정에서 작성된 저작물의 저작권은 발주기관에 귀속된다.",
])
def test_sole_agency_ownership_in_other_verbs_is_a_violation(clause):
    f, doc = check(clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)


@pytest.mark.parametrize("clause", [
    # rights of the contract not transferred to a third party: not an ownership statement
    "○ 계약상대자는 계약상의 권리와 의무를 제3자에게 양도할 수 없다.",
    # the contractor holds the rights
    "○ 본 사업 산출물의 저작권은 계약상대자가 보유한다.",
])
def test_other_holders_and_transfers_are_not_sole_agency_ownership(clause):
    f, _ = check(clause)
    assert f.status == "missing", (f.message, quotes(f))


@pytest.mark.parametrize("rows, status", [
    ([["항목", "내용"], ["지식재산권 귀속", "발주처 단독 소유"]], "violation"),
    ([["구분", "내용"], ["산출물 소유권", "발주기관"]], "violation"),
    ([["구분", "내용"], ["저작권", "발주기관과 계약상대자 공동 소유"]], "pass"),
    # a heading whose value says nothing decides nothing
    ([["구분", "내용"], ["지식재산권 귀속", "-"]], "missing"),
])
def test_key_value_rows_are_read_as_one_clause(rows, status):
    f, doc = _rows_doc(rows)
    assert f.status == status, (f.message, quotes(f))
    if status != "missing":
        assert " | ".join(rows[1]) in quotes(f)
        for e in f.evidence:
            assert doc.text[e.start:e.end] == e.quote


def test_a_sentence_that_is_both_ownership_and_route_is_quoted_once():
    clause = "○ 산출물의 지식재산권은 발주기관과 계약상대자가 공동 소유하며, 계약상대자는 산출물의 반출을 요청할 수 있다."
    f, _ = check(clause)
    assert f.status == "pass"
    assert len(f.evidence) == 1
    assert "공공 SW사업" in f.applies


def test_a_route_requested_in_writing_passes():
    f, _ = check("○ 계약상대자는 지식재산권 활용을 위해 산출물 반출을 서면으로 요청할 수 있다.")
    assert f.status == "pass"
    assert "반출" in f.message


# -- ownership in other words: assets, "all rights", registration in the agency's name -------------

@pytest.mark.parametrize("clause", [
    "○ 용역 수행 결과 얻어진 일체의 권리는 발주기관의 재산으로 본다.",
    "○ 과업 수행 중 발생한 발명은 발주기관 단독 명의로 특허 출원한다.",
    "○ 이 사업으로 만들어진 프로그램과 그에 관한 권리 일체는 수요기관의 자산이다.",
])
def test_assets_all_rights_and_registration_in_the_agency_name_are_sole_ownership(clause):
    f, _ = check(clause)
    assert f.status == "violation"
    assert clause.lstrip("○ ")[:15] in quotes(f)


def test_patent_filed_in_joint_names_is_joint_ownership():
    f, _ = check("○ 과업 수행 중 발생한 발명은 발주기관과 계약상대자의 공동 명의로 특허를 출원한다.")
    assert f.status == "pass"


COVER = ["제 안 요 청 서", "사 업 명 | 해솔 통합 예약 플랫폼 구축", "주관기관 | 한빛문화진흥원",
         "담당 | 책임연구원 | 홍길동", "Ⅰ. 사업 개요", "가. 사업기간: 계약일로부터 6개월", "Ⅵ. 계약 조건"]


def check_cover(*lines: str):
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*COVER, *lines)])
    segment(doc)
    infer_facts(doc, {})
    return detect(CheckContext(doc)), doc


def test_the_agency_is_read_off_the_cover_and_used_as_the_owner():
    from rfpcheck.checks.sw06_ip import agency_names

    f, doc = check_cover("○ 개발 결과물의 저작권은 한빛문화진흥원이 보유한다.")
    names = agency_names(doc)
    assert "한빛문화진흥원" in names and "책임연구원" not in names
    assert f.status == "violation"
    assert "한빛문화진흥원이 보유한다" in quotes(f)


def test_the_agency_named_with_the_contractor_is_joint():
    f, _ = check_cover("○ 개발 결과물의 저작권은 한빛문화진흥원과 계약상대자가 공동으로 보유한다.")
    assert f.status == "pass"


def test_a_local_government_in_the_title_is_an_agency_name():
    from rfpcheck.checks.sw06_ip import agency_names

    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (
        "해솔군 하천 감시 시스템 구축 사업 제안요청서", "Ⅰ. 사업 개요", "가. 홍수감시 기능 고도화")])
    segment(doc)
    infer_facts(doc, {})
    names = agency_names(doc)
    assert "해솔군" in names and "홍수감시" not in names


@pytest.mark.parametrize("route", [
    "○ 계약상대자가 산출물 반출을 요청할 때에는 발주기관의 승인을 받는다.",
    "○ 수행사가 산출물의 반출을 요청하는 경우 발주기관은 보안성을 검토하여 승인한다.",
    "○ 수행사가 사업화하기 위하여 산출물 반출을 신청하면 발주기관은 검토 후 승인한다.",
    "○ 계약상대자가 성과물을 재사용하고자 발주기관에 반출을 요청하면 특별한 사유가 없는 한 허용한다.",
])
def test_request_routes_in_other_endings_soften_sole_ownership(route):
    f, _ = check(SOLE, route)
    assert f.status == "review", (f.message, quotes(f))
    assert "반출" in quotes(f)


# -- the issuer's type word as the owner, general terms with a bracketed kind, a written 반출 request ---

def _titled(title: str, *lines: str, rows: list[list[str]] | None = None):
    doc = build_doc(*lines, rows=rows, head=[title, "Ⅰ. 사업 개요", "가. 사업기간: 계약일로부터 6개월", "Ⅵ. 계약 조건"])
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("title, short", [
    ("한울시립병원 의료정보시스템 재구축 제안요청서", "병원"),
    ("한국누리공사 통합구매시스템 구축 제안요청서", "공사"),
    ("가람과학대학교 학생지원포털 구축 제안요청서", "대학교"),
])
def test_issuer_type_word_alone_is_the_agency(title, short):
    f, _ = _titled(title, rows=[["조건", "내용"], ["지식재산권 귀속", f"{short} 단독 소유"], ["산출물 반출", "불가"]])
    assert f.status == "violation", f.message


@pytest.mark.parametrize("clause", [
    "○ 성과물의 지식재산권은 「(계약예규) 용역계약일반조건」 제56조에 따르며, 세부 사항은 발주기관과 협의한다.",
    "○ 산출물 지식재산권은 (계약예규) 용역계약일반조건을 따르며 계약상대자는 이를 활용할 수 있다.",
])
def test_general_terms_with_bracketed_kind_pass(clause):
    f, _ = check(clause)
    assert f.status == "pass", f.message


@pytest.mark.parametrize("clause", [
    "○ 계약상대자가 산출물을 사업화하려는 경우 반출 신청서를 제출하여야 하며 발주기관은 보안성 검토 후 승인한다.",
    "○ 계약상대자는 발주기관의 승인을 받아 산출물을 반출할 수 있다.",
])
def test_written_export_request_is_a_route(clause):
    f, _ = check(SOLE, clause)
    assert f.status == "review", f.message


# -- the agency's own source material is not the deliverables ----------------------------------------

@pytest.mark.parametrize("clause", [
    "발주기관이 제공한 원천자료의 소유권은 발주기관에 있으며, 계약상대자는 사업 종료 후 이를 반납하여야 한다.",
    "사업 수행을 위해 발주처가 제공하는 기초자료에 대한 지식재산권은 발주처에 귀속된다.",
    "나래군이 보유한 데이터의 저작권은 나래군에 있으며 사업 목적 외로 사용할 수 없다.",
])
def test_ownership_of_supplied_source_material_is_not_sole_ownership(clause):
    # the item title and the sentence share one block (a requirement cell), as in real tables
    f, _ = check(JOINT, ROUTE, "산출물 관리 및 지식재산권 소유\n" + clause)
    assert f.status == "pass", (f.message, quotes(f))
    assert clause[:12] not in quotes(f)


def test_deliverables_named_with_the_supplied_material_still_count():
    f, _ = check(JOINT, ROUTE, "○ 산출물 및 발주기관이 제공한 자료의 지식재산권은 발주기관에 귀속된다.")
    assert f.status == "review", (f.message, quotes(f))
    assert "제공한 자료의 지식재산권" in quotes(f)
