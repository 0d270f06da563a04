"""Project facts: amount spellings and traps, durations, contract methods, document type, public-SW
status, user-given facts, and the corpus figures (budget, type, method, public SW, duration)."""
from __future__ import annotations

import time

import pytest

from rfpcheck.pipeline.facts import (
    TextView,
    infer_facts,
    parse_amount,
    parse_given,
    parse_korean_numeral,
)
from rfpcheck.pipeline.model import PARAGRAPH, TABLE_CELL, RawBlock, build_document

from conftest import corpus_docs, doc_id, extracted, label, needs_shared


def mkdoc(*items, name="t.txt"):
    """Build a Document from lines; a list item is a table row (cells joined by " | ")."""
    raws = []
    table = 0
    for row_no, it in enumerate(items):
        if isinstance(it, list):
            for c, cell in enumerate(it):
                raws.append(RawBlock(cell, kind=TABLE_CELL, table=table, row=row_no, col=c))
        else:
            table += 1
            raws.append(RawBlock(it, kind=PARAGRAPH))
    return build_document(name, "txt", raws)


COVER = ["제 안 요 청 서", "사 업 명 : 통합 정보시스템 구축 사업", "Ⅰ. 사업 개요"]


def facts_of(*lines, given=None):
    return infer_facts(mkdoc(*COVER, *lines), given)


# ------------------------------------------------------------------------------------------------
# amounts
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, won",
    [
        ("1,250,000,000원", 1_250_000_000),
        ("금 1,250,000,000원(부가가치세 포함)", 1_250_000_000),
        ("금1,250,000,000원정", 1_250_000_000),
        ("12.5억원", 1_250_000_000),
        ("12억 5천만원", 1_250_000_000),
        ("12억 5,000만원", 1_250_000_000),
        ("1,250백만원", 1_250_000_000),
        ("금일십이억오천만원정", 1_250_000_000),
        ("일금 일십이억오천만원정", 1_250_000_000),
        ("금 일금 1,250,000,000원", 1_250_000_000),
        ("金壹拾貳億伍仟萬圓整", 1_250_000_000),
        ("₩1,250,000,000", 1_250_000_000),
        ("49,500천원", 49_500_000),
        ("197.3억원", 19_730_000_000),
        ("12억", 1_200_000_000),
        ("1250000000", 1_250_000_000),
        ("금사억칠천팔백육십구만원", 478_690_000),
    ],
)
def test_parse_amount_spellings(text, won):
    assert parse_amount(text) == won


def test_parse_amount_rejects_non_amounts():
    assert parse_amount("계약일로부터 8개월") is None
    assert parse_amount("") is None


@pytest.mark.parametrize(
    "numeral, value",
    [("일십이억오천만", 1_250_000_000), ("일억삼천삼백팔십일만이천", 133_812_000), ("오천만", 50_000_000),
     ("삼억이천칠백만", 327_000_000), ("壹億貳仟萬", 120_000_000), ("이삼", None), ("계약", None)],
)
def test_korean_numerals(numeral, value):
    assert parse_korean_numeral(numeral) == value


def test_view_removes_spaces_but_keeps_numbers_apart():
    v = TextView("사 업 비 : 금 498,563,000 원\n1,000 2,000")
    assert v.s == "사업비:금498,563,000원\n1,000 2,000"
    s, e = v.orig(0, 3)
    assert v.text[s:e] == "사 업 비"


# ------------------------------------------------------------------------------------------------
# budget and its traps
# ------------------------------------------------------------------------------------------------


def test_budget_vat_included_with_evidence():
    f = facts_of("사업예산 : 금 1,250,000,000원(부가가치세 포함)", "사업기간 : 계약일로부터 8개월")
    b = f["budget_krw"]
    assert (b.value, b.source) == (1_250_000_000, "inferred")
    assert f.value("budget_vat") == "included"
    assert "사업예산" in b.evidence[0].quote and "1,250,000,000" in b.evidence[0].quote
    assert b.confidence >= 0.75


def test_budget_korean_numeral_only():
    f = facts_of("사업비 : 금사억칠천팔백육십구만원 (VAT 포함)")
    assert f.value("budget_krw") == 478_690_000


def test_budget_ignores_bid_bond_before_it():
    f = facts_of("입찰보증금 : 금 50,000,000원", "사업예산 : 800,000,000원(VAT 포함)")
    assert f.value("budget_krw") == 800_000_000


def test_budget_prefers_total_over_yearly_shares():
    f = facts_of(
        ["구분", "예산"],
        ["2025년 사업비", "500,000,000원"],
        ["2026년 사업비", "700,000,000원"],
        ["총사업비", "1,200,000,000원(부가가치세 포함)"],
    )
    assert f.value("budget_krw") == 1_200_000_000


def test_budget_ignores_unit_price_and_compensation():
    f = facts_of(
        "유지보수 월 단가 금액 : 5,000,000원",
        "제안서 보상 예산 : 20,000,000원",
        "사업예산 : 300,000,000원 이내(VAT 포함)",
    )
    assert f.value("budget_krw") == 300_000_000


def test_budget_ignores_threshold_sentences():
    f = facts_of(
        "본 사업은 사업금액 20억원 미만인 사업으로 대기업의 참여를 제한한다.",
        "사업금액 : 900,000,000원(부가세 포함)",
    )
    assert f.value("budget_krw") == 900_000_000


def test_estimated_price_vat_excluded_is_normalised():
    f = facts_of("추정가격 : 1,000,000,000원(부가가치세 별도)")
    assert f.value("budget_krw") == 1_100_000_000
    assert f.value("budget_stated_krw") == 1_000_000_000
    assert f.value("budget_vat") == "excluded"
    assert "1.1" in f["budget_krw"].note


def test_estimated_price_without_vat_words_reads_as_excluded():
    f = facts_of("추정가격 : 500,000,000원")
    assert f.value("budget_vat") == "excluded"
    assert f.value("budget_krw") == 550_000_000


def test_thousand_won_unit_written_and_vat_excluded():
    f = facts_of("사업예산 : 288,584천원(VAT별도)")
    assert f.value("budget_stated_krw") == 288_584_000
    assert f.value("budget_krw") == 317_442_400


def test_table_unit_thousand_won_applies_to_bare_number():
    f = facts_of("(단위: 천원)", ["구분", "금액"], ["총사업비", "1,250,000"])
    assert f.value("budget_krw") == 1_250_000_000


def test_line_items_are_summed():
    f = facts_of("사업예산 : 개발비 359백만원, H/W 484백만원(VAT 포함)")
    assert f.value("budget_krw") == 843_000_000


def test_budget_written_in_words_then_figures():
    f = facts_of("사업예산 : 금 일십이억오천만원정(₩1,250,000,000, 부가가치세 포함)")
    assert f.value("budget_krw") == 1_250_000_000
    assert f.value("budget_vat") == "included"


def test_estimated_price_and_base_price_agree():
    f = facts_of("추정가격 : 1,136,363,636원(부가가치세 별도)", "기초금액 : 1,250,000,000원(부가가치세 포함)")
    assert f.value("budget_krw") == 1_250_000_000


def test_table_unit_column_header_is_not_an_amount():
    f = facts_of(["구분", "금액(백만원)"], ["총사업비", "1,250"])
    assert f.value("budget_krw") == 1_250_000_000


def test_header_row_table():
    f = facts_of(["사업명", "사업기간", "사업예산"], ["통합 정보시스템 구축", "착수일로부터 8개월", "500,000,000원(VAT 포함)"])
    assert f.value("budget_krw") == 500_000_000
    assert f.value("duration_months") == 8


def test_law_article_is_not_an_amount():
    f = facts_of("상호출자제한기업집단 소속회사는 사업금액에 관계없이 참여를 제한(소프트웨어 진흥법 제48조제4항)")
    assert f.value("budget_krw") is None


def test_no_budget_is_unknown():
    f = facts_of("사업기간 : 계약일로부터 6개월")
    assert f["budget_krw"].source == "unknown"
    assert f.value("budget_krw") is None


# ------------------------------------------------------------------------------------------------
# durations
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, months",
    [
        ("사업기간 : 계약일로부터 8개월", 8),
        ("사업기간 : 착수일로부터 240일 이내", 8),
        ("과업기간 : 2026년 2월 1일 ~ 2027년 1월 31일", 12),
        ("사업기간 : 2024년 4월 ~ 2024년 12월", 9),
        ("사업기간 : 2025. 1. 1. ~ 12. 31.까지", 12),
        ("용역기간 : 10개월", 10),
        ("용역기간 : 착수일로부터 1년", 12),
        ("사업기간 : 계약일로부터 4월(120일)", 4),
        ("사업기간 : 계약일로부터 8.5개월", 8.5),
        ("사업기간 : 계약일로부터 90일(3개월)", 3),
    ],
)
def test_durations(line, months):
    f = facts_of(line)
    assert f.value("duration_months") == months
    assert f["duration_months"].evidence


def test_months_win_over_end_date():
    assert facts_of("사업기간 : 계약일로부터 2025. 12. 31.까지(약 8개월)").value("duration_months") == 8


def test_open_range_from_contract_date_is_unknown():
    f = facts_of("사업기간 : 계약체결일 ~ 2025. 12. 31.")
    d = f["duration_months"]
    assert d.source == "unknown" and d.value is None
    assert d.extra.get("end_date") == "2025-12-31"
    assert d.evidence and "2025" in d.evidence[0].quote


def test_warranty_period_is_not_the_project_period():
    f = facts_of("하자보수기간 : 검수 후 12개월", "사업기간 : 착수일로부터 6개월")
    assert f.value("duration_months") == 6


# ------------------------------------------------------------------------------------------------
# contract method, document type, public SW
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, method",
    [
        ("계약방법 : 제한경쟁입찰(협상에 의한 계약)", "협상"),
        ("낙찰자 결정방법 : 적격심사", "적격심사"),
        ("입찰방법 : 2단계 경쟁입찰(규격·가격 분리입찰)", "2단계경쟁"),
        ("계약방법 : 경쟁적 대화에 의한 계약", "경쟁적대화"),
        ("계약방법 : 수의계약", "수의계약"),
        ("낙찰자 결정방법 : 최저가 낙찰제", "최저가"),
    ],
)
def test_contract_methods(line, method):
    assert facts_of(line).value("contract_method") == method


def test_contract_method_from_negotiation_procedure_words():
    f = facts_of("입찰방법 : 일반경쟁입찰", "기술능력 평가 후 협상적격자를 선정하여 우선협상대상자와 협상한다.")
    assert f.value("contract_method") == "협상"


def test_contract_method_unknown_when_not_stated():
    f = facts_of("사업예산 : 100,000,000원")
    assert f.value("contract_method") is None
    assert f["contract_method"].source == "unknown"


@pytest.mark.parametrize(
    "cover, doc_type",
    [
        ("과 업 지 시 서", "과업지시서"),
        ("2026년 채용대행 용역 과업내용서", "과업내용서"),
        ("(용역) 입찰공고문", "입찰공고문"),
        ("F-16 모의비행장비 성능개선 사업 규격입찰요청서", "규격서"),
        ("제안요청서(RFP)", "제안요청서"),
        ("사업 안내", "기타"),
    ],
)
def test_doc_type_from_cover(cover, doc_type):
    doc = mkdoc(cover, "사업명 : 어떤 사업", "본문입니다.")
    assert infer_facts(doc).value("doc_type") == doc_type


SW_BODY = [
    "본 사업은 「소프트웨어 진흥법」 제50조에 따라 과업심의위원회를 운영한다.",
    "기능 요구사항(SFR-001) 통합 정보시스템 구축, 소스코드 제출, 시큐어코딩 적용",
    "보안약점 진단을 수행하고 소프트웨어사업 영향평가 결과를 첨부한다.",
    "「국가를 당사자로 하는 계약에 관한 법률」에 따라 계약한다.",
]


def test_public_sw_project_true_for_system_build():
    f = facts_of(*SW_BODY)
    assert f.value("public_sw_project") is True
    assert "SW개발" in f.value("project_kinds")


def test_recruiting_service_is_not_public_sw():
    doc = mkdoc("2026년 채용대행 용역 제안요청서", "사업명 : 2026년 채용대행 용역",
                "신입직원 채용 서류전형과 필기전형을 대행한다.", "「국가를 당사자로 하는 계약에 관한 법률」을 따른다.")
    f = infer_facts(doc)
    assert f.value("public_sw_project") is False
    assert f.value("project_kinds") == ["비SW"]
    assert "채용" in f["public_sw_project"].note


def test_private_bank_is_not_public_sw():
    doc = mkdoc("제안요청서", "사업명 : 업무 효율화를 위한 BPR시스템 구축",
                *(["당행의 「계약준칙」에 따라 협상에 의한 계약을 체결한다. 시스템 구축 개발 소스코드"] * 4))
    f = infer_facts(doc)
    assert f.value("public_sw_project") is False


def test_project_name_from_table_cell_spanning_lines():
    doc = mkdoc("제 안 요 청 서", ["사 업 명", "상권 정보 관련 생성형 AI 서비스 및\n모델링 고도화 용역"])
    f = infer_facts(doc)
    assert f.value("project_name") == "상권 정보 관련 생성형 AI 서비스 및 모델링 고도화 용역"
    assert "고도화" in f.value("project_kinds")


# ------------------------------------------------------------------------------------------------
# given facts
# ------------------------------------------------------------------------------------------------


def test_given_facts_override_inferred():
    f = facts_of(
        "사업예산 : 300,000,000원(VAT 포함)",
        given={"budget": "12억", "kind": "SW개발,DB구축", "contract_method": "협상에 의한 계약",
               "public_sw": "no", "duration": "240일", "doc_type": "과업지시서"},
    )
    assert f.value("budget_krw") == 1_200_000_000 and f["budget_krw"].source == "given"
    assert f.value("project_kinds") == ["SW개발", "DB구축"]
    assert f.value("contract_method") == "협상"
    assert f.value("public_sw_project") is False
    assert f.value("duration_months") == 8
    assert f.value("doc_type") == "과업지시서"
    assert f["doc_type"].source == "given"


def test_given_budget_vat_excluded():
    g = parse_given({"사업금액": "10억 VAT 별도"})
    assert g["budget_krw"][0] == 1_100_000_000
    assert g["budget_vat"][0] == "excluded"
    assert g["budget_stated_krw"][0] == 1_000_000_000


def test_given_rejects_unknown_names_and_values():
    with pytest.raises(ValueError, match="알 수 없는 사실"):
        parse_given({"colour": "blue"})
    with pytest.raises(ValueError, match="이해하지 못했습니다"):
        parse_given({"budget": "많음"})
    with pytest.raises(ValueError):
        parse_given({"contract_method": "추첨"})


# ------------------------------------------------------------------------------------------------
# performance: linear passes
# ------------------------------------------------------------------------------------------------


def test_large_document_is_fast():
    body = [
        "사업예산 : 300,000,000원(VAT 포함) 계약금액의 10% 하도급 금액 예산 1,000 2,000 2024. 10. 31.",
        "사업기간 : 계약일로부터 5개월, 과업심의위원회, 협상에 의한 계약, 개인정보 회원가입 (단위: 천원)",
    ] * 6000  # ~1 MB of budget- and period-like noise
    doc = mkdoc(*COVER, *body)
    t = time.perf_counter()
    infer_facts(doc)
    assert time.perf_counter() - t < 8.0


# ------------------------------------------------------------------------------------------------
# corpus
# ------------------------------------------------------------------------------------------------


def _corpus_results():
    out = []
    for p in corpus_docs():
        doc = extracted(str(p))
        out.append((doc_id(p), infer_facts(doc), label(doc_id(p))["facts"]))
    return out


@needs_shared
def test_corpus_facts():
    from rfpcheck.pipeline.evaluate import budget_matches
    from rfpcheck.pipeline.facts import facts_values

    results = _corpus_results()
    assert results
    budget_total = budget_ok = 0
    dur_total = dur_ok = 0
    method_ok = 0
    wrong = []
    for did, f, lab in results:
        vals = facts_values(f)
        if lab.get("budget_krw") is not None:
            budget_total += 1
            if budget_matches(vals, lab):
                budget_ok += 1
            else:
                wrong.append((did, "budget", vals.get("budget_krw"), lab["budget_krw"]))
        if f.value("doc_type") != lab["doc_type"]:
            wrong.append((did, "doc_type", f.value("doc_type"), lab["doc_type"]))
        if f.value("public_sw_project") != lab["public_sw_project"]:
            wrong.append((did, "public_sw", f.value("public_sw_project"), lab["public_sw_project"]))
        if (f.value("contract_method") or "unknown") == lab["contract_method"]:
            method_ok += 1
        if lab.get("duration_months") is not None:
            dur_total += 1
            dur_ok += f.value("duration_months") == lab["duration_months"]
    assert budget_ok >= 0.9 * budget_total, wrong
    assert not [w for w in wrong if w[1] in ("doc_type", "public_sw")], wrong
    assert method_ok >= 0.9 * len(results)
    assert dur_ok >= 0.85 * dur_total


@needs_shared
def test_corpus_budget_evidence_is_a_quote_of_the_document():
    for did, f, lab in _corpus_results():
        b = f["budget_krw"]
        if b.known:
            doc = extracted(str(next(p for p in corpus_docs() if doc_id(p) == did)))
            ev = b.evidence[0]
            assert doc.text[ev.start:ev.end].strip().startswith(ev.quote[:20]), did


def test_commercial_sw_negated_statement():
    f = facts_of(*SW_BODY, "○ 본 사업에는 직접구매 대상 상용SW가 없으며, 사업 수행을 위하여 상용SW를 구매하지 않음")
    assert f.value("buys_commercial_sw") == "no"
    assert "상용SW구매" not in f.value("project_kinds")
    g = facts_of(*SW_BODY, "○ 상용SW 라이선스 구매: DBMS 2식", "○ 상용SW 라이선스 구매: WAS 2식")
    assert g.value("buys_commercial_sw") == "yes"
