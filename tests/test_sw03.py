"""SW03 중소SW사업자 참여지원 · 대기업 참여제한: the restriction statements that satisfy it, the
mentions that do not, and bid qualifications far beyond the project amount."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw03_sme import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["제 안 요 청 서", "사업명 : 다솜시 민원포털 고도화 사업", "Ⅰ. 사업 개요",
        "가. 사업기간: 계약일로부터 7개월"]


def check(*lines: str, budget: str | None = "5억"):
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*HEAD, "Ⅳ. 입찰 참가자격", *lines)])
    segment(doc)
    infer_facts(doc, {"budget": budget} if budget else {})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


@pytest.mark.parametrize("clause, kind", [
    ("○ 「소프트웨어 진흥법」 제48조제4항에 따라 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음", "상호출자제한기업집단"),
    ("○ 본 사업은 대기업 및 중견기업인 소프트웨어사업자의 입찰 참여를 제한함", "대기업"),
    ("○ 본 사업은 중소기업자간 경쟁제품으로 중소기업자만 입찰에 참가할 수 있음", "중소기업자만"),
    ("○ 정보시스템개발서비스 직접생산확인증명서를 소지한 자", "중소기업자만"),
])
def test_restriction_statements_pass(clause, kind):
    f, doc = check(clause)
    assert f.status == "pass"
    assert kind in f.message
    assert clause.lstrip("○ ") in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


@pytest.mark.parametrize("lines", [
    ("ㅇ 관련 법령", "ㅇ 중소 소프트웨어사업자의 사업 참여 지원에 관한 지침(과학기술정보통신부 고시)"),
    ("○ 제출서류: 사업자등록증, 중소기업확인서 혹은 비영리법인인 경우 설립허가증 등 증빙서",),
    ("○ 평가항목: 상생협력(중소기업 참여비율) 5점",),
])
def test_mentions_that_restrict_nothing_are_missing(lines):
    f, _ = check(*lines)
    assert f.status == "missing"
    assert "상호출자제한기업집단" in f.looked_for


def test_record_gate_far_beyond_the_project_is_a_violation():
    gate = "○ 최근 3년 이내 유사사업 계약금액 5억 이상 3건 이상 보유한 업체에 한정함"
    f, _ = check("○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음", gate, budget="5.2억")
    assert f.status == "violation"
    assert "15억원" in f.message and "2.9배" in f.message
    assert gate.lstrip("○ ") in quotes(f)


def test_record_gate_just_above_the_amount_needs_review():
    f, _ = check("○ 최근 3년 이내 단일 계약금액 7억원 이상 유사사업 실적을 보유한 업체에 한함", budget="5억")
    assert f.status == "review"


def test_record_gate_below_the_amount_is_fine():
    f, _ = check("○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음",
                 "○ 입찰공고일 기준 최근 3년 이내에 단일계약금액 200백만원 이상 유사사업 실적이 있는 업체에 한함",
                 budget="3억")
    assert f.status == "pass"


def test_record_gate_with_unknown_amount_needs_review():
    f, _ = check("○ 최근 3년 이내 유사사업 계약금액 5억 이상 3건 이상 보유한 업체에 한정함", budget=None)
    assert f.status == "review"
    assert "사업금액" in f.message


def test_record_items_in_the_evaluation_table_are_not_qualifications():
    doc = build_document("eval.txt", "txt", [RawBlock(t) for t in (
        *HEAD, "Ⅴ. 제안서 평가", "1. 평가 항목 및 배점",
        "○ 최근 3년 이내 유사사업 실적 30억원 이상 5건 이상인 업체는 만점 부여",
        "Ⅵ. 계약 조건", "○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음")])
    segment(doc)
    infer_facts(doc, {"budget": "5억"})
    f = detect(CheckContext(doc))
    assert f.status == "pass"


# -- qualifications written as a bare description, relative demands, and table rows --------------

def _table_doc(rows: list[list[str]], *before: str, budget: str = "5억"):
    raws = [RawBlock(t) for t in (*HEAD, "Ⅳ. 입찰 안내", *before)]
    for r, cells in enumerate(rows):
        for col, cell in enumerate(cells):
            raws.append(RawBlock(cell, kind="table_cell", table=0, row=r, col=col))
    doc = build_document("table.txt", "txt", raws)
    segment(doc)
    infer_facts(doc, {"budget": budget})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("clause", [
    # a qualification line ending in a bare noun: the line itself says it is a qualification
    "○ 참가자격 : 공고일 현재 최근 5년 이내 단일 계약으로 20억원 이상의 정보시스템 유지관리 실적을 보유한 자",
    # "…이 있어야 한다" with the bidder as the subject
    "○ 입찰에 참가하려는 자는 최근 3년간 건당 15억원 이상의 SW 구축 실적이 있어야 한다.",
    # no digit in the year ("직전 회계연도")
    "○ 직전 회계연도 매출액 30억원 이상인 업체",
    # a demand relative to the project amount
    "○ 입찰참가자격 : 최근 3년간 공공 SW 구축 실적 합계액이 사업금액의 5배 이상인 자",
])
def test_qualifications_in_other_wordings_are_violations(clause):
    f, doc = check("○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음", clause, budget="5억")
    assert f.status == "violation", f.message
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)
    assert "사업금액" in f.applies or "적용" in f.applies


def test_revenue_demand_is_named_as_revenue():
    f, _ = check("○ 최근 3년간 연평균 매출액이 40억원 이상인 업체에 한하여 참가할 수 있음", budget="5억")
    assert f.status == "violation"
    assert "매출액 40억원 이상" in f.message and "실적" not in f.message and "합계" not in f.message


def test_qualification_row_is_read_with_its_key_cell():
    f, _ = _table_doc([["구분", "요건"], ["실적 요건", "최근 3년 이내 10억원 이상 SW 개발 실적 2건 이상 보유 업체"]])
    assert f.status == "violation"
    assert "실적 요건 | 최근 3년 이내 10억원 이상" in quotes(f)
    assert "20억원" in f.message  # 2 contracts of 10억 each


def test_bare_record_description_outside_a_qualification_is_not_a_gate():
    # a form's instruction for listing past projects is not a bid qualification
    doc = build_document("form.txt", "txt", [RawBlock(t) for t in (
        *HEAD, "Ⅲ. 제안서 작성 요령", "○ 유사사업 실적표 : 최근 3년 이내 10억원 이상의 유사사업 수행 실적이 있는 경우 모두 기재",
        "Ⅳ. 입찰 참가자격", "○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음")])
    segment(doc)
    infer_facts(doc, {"budget": "3억"})
    f = detect(CheckContext(doc))
    assert f.status == "pass", f.message


def test_scored_record_is_not_a_qualification():
    f, _ = check("○ 최근 3년 이내 10억원 이상 유사 실적을 보유한 업체는 가점 2점을 부여함",
                 "○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음", budget="3억")
    assert f.status == "pass"


@pytest.mark.parametrize("rows", [
    [["구분", "내용"], ["대기업 참여 제한", "해당 없음"]],
    [["상호출자제한기업집단 소속회사 입찰 제한", "-"]],
])
def test_a_restriction_heading_whose_value_says_no_is_not_evidence(rows):
    f, _ = _table_doc(rows)
    assert f.status == "missing"


def test_a_restriction_row_with_a_value_is_quoted_whole():
    f, _ = _table_doc([["구분", "내용"], ["대기업 참여 제한", "적용(사업금액 20억원 미만)"]])
    assert f.status == "pass"
    assert "대기업 참여 제한 | 적용(사업금액 20억원 미만)" in quotes(f)


@pytest.mark.parametrize("clause", [
    "○ 입찰 시 중·소기업·소상공인 확인서를 제출하여야 함",
    "○ 제출서류 : 중소기업확인서 사본 1부, 법인등기부등본 1부",
])
def test_a_certificate_in_a_list_of_papers_restricts_nothing(clause):
    f, _ = check(clause)
    assert f.status == "missing", quotes(f)


@pytest.mark.parametrize("clause", [
    "○ 입찰방법 : 제한경쟁입찰(중소기업자에 한함)",
    "○ 본 입찰은 소기업·소상공인 간 경쟁입찰임",
    "○ 중소기업확인서(유효기간 내의 것)를 소지한 업체",
])
def test_sme_only_wordings_pass(clause):
    f, _ = check(clause)
    assert f.status == "pass"
    assert "중소기업자만" in f.message


def test_a_revenue_row_under_a_qualification_key_is_a_gate():
    f, _ = _table_doc([["항목", "기준"], ["참가자격", "직전연도 SW 매출액 60억원 이상"]], budget="5억")
    assert f.status == "violation"
    assert "매출액 60억원 이상" in f.message and "참가자격 | 직전연도 SW 매출액 60억원 이상" in quotes(f)


# -- record and revenue gates in other word orders and without a time window; scored tables ------------

@pytest.mark.parametrize("clause, what", [
    ("○ 사업예산의 5배 이상 규모의 구축 실적 보유 업체로 제한", "5배"),
    ("○ 실적 합계가 추정가격의 4배 이상인 자", "4배"),
    ("○ 단일 사업 기준 15억원 이상 공공 SW 구축 실적이 있는 업체", "실적 15억원"),
    ("○ 2020년 이후 완료된 12억원 이상 통계시스템 구축 실적을 보유한 업체", "실적 12억원"),
    ("○ 연간 매출액 80억원 이상 기업", "매출액 80억원"),
])
def test_gates_in_other_wordings_are_violations_even_beside_a_restriction(clause, what):
    for lines in ((clause,), ("○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음", clause)):
        f, _ = check(*lines, budget="5억")
        assert f.status == "violation", (lines, f.message)
        assert what in f.message
        assert clause.lstrip("○ ") in quotes(f)


def test_an_absolute_record_outside_a_qualification_is_not_a_gate():
    doc = build_document("ref.txt", "txt", [RawBlock(t) for t in (
        *HEAD, "Ⅱ. 추진 배경", "○ 유사 기관은 15억원 이상 통합 구축 실적이 있는 업체와 계약하여 운영 중임",
        "Ⅳ. 입찰 참가자격", "○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음")])
    segment(doc)
    infer_facts(doc, {"budget": "5억"})
    f = detect(CheckContext(doc))
    assert f.status == "pass", f.message


def test_a_scored_table_under_the_qualification_heading_is_not_a_gate():
    f, _ = _table_doc([["심사항목", "세부기준", "배점"], ["수행실적", "최근 3년간 20억원 이상 유사 실적 2건 이상", "15"]],
                      "1. 입찰참가자격", "○ 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없음")
    assert f.status == "pass", f.message
