"""Project facts: amount spellings and traps, durations, contract methods, document type, public-SW
status, user-given facts, and the corpus figures (budget, type, method, public SW, duration)."""
from __future__ import annotations

import re

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


@pytest.mark.parametrize("name", [
    "누리군 가축 방역관리 시스템 구축 사업",
    "누리시 학교급식 식재료 관리 플랫폼 구축",
    "누리구 공원 조경 관리 정보시스템 고도화",
])
def test_a_facility_word_before_a_system_build_does_not_make_it_a_facility_service(name):
    doc = mkdoc(f"{name} 제안요청서", f"사업명 : {name}", "○ 농가 점검 기록과 소독 실적을 관리하는 기능을 개발한다.",
                "「국가를 당사자로 하는 계약에 관한 법률」을 따른다.")
    f = infer_facts(doc)
    assert f.value("public_sw_project") is True, f["public_sw_project"].note
    assert "비SW" not in f.value("project_kinds")


@pytest.mark.parametrize("name", ["2026년 청사 방역 소독 용역", "누리시 학교급식 위탁 운영", "누리시 청사 시설관리 용역"])
def test_a_facility_service_is_still_not_public_sw(name):
    doc = mkdoc(f"{name} 과업지시서", f"사업명 : {name}", "○ 월 2회 청사 전 구역을 점검하고 결과를 보고한다.",
                "「국가를 당사자로 하는 계약에 관한 법률」을 따른다.")
    f = infer_facts(doc)
    assert f.value("public_sw_project") is False
    assert f.value("project_kinds") == ["비SW"]


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


def test_large_noisy_document_still_reads_the_overview():
    # speed is measured by scripts/benchmark.py; here: a large document full of budget- and
    # period-like noise does not make the overview's own figures lose to the noise
    body = [
        "사업예산 : 300,000,000원(VAT 포함) 계약금액의 10% 하도급 금액 예산 1,000 2,000 2024. 10. 31.",
        "사업기간 : 계약일로부터 5개월, 과업심의위원회, 협상에 의한 계약, 개인정보 회원가입 (단위: 천원)",
    ] * 6000  # ~1 MB
    doc = mkdoc(*COVER, *body)
    facts = infer_facts(doc)
    assert facts.get_fact("budget_krw").known


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


# ------------------------------------------------------------------------------------------------
# secondary facts: kinds and yes/no facts read from the document's own scope, in section context
# ------------------------------------------------------------------------------------------------


def sectioned(name, scope, *rest):
    """A segmented RFP: cover, 사업개요 with a 사업범위 holding ``scope`` lines, then ``rest`` (headed
    sections given as lines, e.g. "3. 시스템 현황")."""
    from rfpcheck.pipeline.segment import segment

    doc = mkdoc("제 안 요 청 서", f"사 업 명 : {name}", "Ⅰ. 사업 개요", "1. 사업개요",
                f"○ 사업명 : {name}", "○ 사업기간 : 계약일로부터 6개월",
                "○ 사업예산 : 금 500,000,000원(부가가치세 포함)", "2. 사업범위", *scope, *rest)
    segment(doc)
    return doc


def kinds_of(doc):
    return set(infer_facts(doc).value("project_kinds"))


@pytest.mark.parametrize(
    "name, scope, expected",
    [
        ("민원 통합 플랫폼 구축", ["○ 민원 신청·조회 시스템 개발", "○ 관리자 기능 구축"], {"SW개발"}),
        ("학사정보시스템 고도화", ["○ 수강신청 모듈 기능 개선", "○ 성적 관리 화면 개편"], {"고도화"}),
        ("2025년 행정정보시스템 위탁운영", ["○ 시스템 모니터링 및 장애 대응", "○ 헬프데스크 운영"], {"유지관리운영"}),
        ("차세대 정보화전략계획(ISP) 수립", ["○ 현황 분석 및 목표모델 수립", "○ 이행계획 수립"], {"ISP컨설팅"}),
        ("기관 홈페이지 개편", ["○ 반응형 웹 디자인 전면 개편", "○ 홈페이지 메뉴 구조 개선"], {"고도화", "홈페이지앱"}),
        ("연구성과물 DB구축 사업", ["○ 학술자료 수집 및 DB 상시 구축"], {"DB구축"}),
        ("정보시스템 감리 용역", ["○ 요구정의·설계·종료 단계 감리 수행"], {"감리PMO"}),
        ("전산장비 통합 구축", ["○ 학습·추론 서버 도입(2대)", "○ 스토리지 증설"], {"SW개발", "HW인프라"}),
    ],
)
def test_kind_from_name_and_scope(name, scope, expected):
    assert kinds_of(sectioned(name, scope)) == expected


def test_operation_project_with_an_upgrade_scope_item():
    doc = sectioned("통합사회정보시스템 운영지원", ["○ 시스템 유지보수 및 장애 대응"],
                    "Ⅱ. 사업 내용", "1. 주요내용", "가. 통합사회정보시스템 기능개선", "○ 예산 집행률 화면 개선")
    assert kinds_of(doc) == {"유지관리운영", "고도화"}


def test_licence_subscription_is_a_purchase_not_a_development():
    doc = sectioned("생성형 AI 도입 구축사업", ["❍ 생성형 AI 라이선스 구독 및 공급", "❍ 사용자 교육 및 기술 지원"])
    f = infer_facts(doc)
    assert set(f.value("project_kinds")) == {"상용SW구매"}
    assert f.value("buys_commercial_sw") == "yes"
    assert f.value("priced_by_fp") == "no"  # nothing is developed
    assert any("라이선스" in e.quote for e in f["project_kinds"].evidence)


def test_research_study_is_not_a_development():
    doc = sectioned("AI 기반 업무지원체계 구축 연구용역", ["□ 구축방안 도출", "□ 체계 설계 방안 마련"])
    f = infer_facts(doc)
    assert "SW개발" not in f.value("project_kinds") and "연구용역" in f.value("project_kinds")
    assert (f.value("buys_commercial_sw"), f.value("builds_db"), f.value("personal_info_system")) == ("no", "no", "no")


def test_inventory_of_the_current_system_is_not_a_purchase():
    doc = sectioned(
        "민원 포털 고도화", ["○ 민원 포털 기능 고도화", "○ 통계 화면 개선"],
        "3. 시스템 현황",
        ["구분", "장비명", "수량"], ["네트워크", "L3 스위치 도입(2013년)", "2"], ["보안", "방화벽 설치", "1"],
        ["SW", "WEB/WAS 라이선스 구매", "2"],
        "Ⅱ. 제안요청 내용", "1. 보안 준수사항",
        "○ 라우터 설정정보, 방화벽 정책, 네트워크 구성도는 누출금지 정보로 관리한다.",
        "○ 보안장비 도입 현황 등 자료는 반출을 금지한다.",
    )
    f = infer_facts(doc)
    assert f.value("buys_network_or_security_equipment") == "no"
    assert f.value("buys_commercial_sw") == "no"
    assert "HW인프라" not in f.value("project_kinds")


def test_equipment_requirements_name_what_is_bought():
    doc = sectioned(
        "재난통합관리시스템 구축", ["○ 재난관리 시스템 개발"],
        "Ⅱ. 제안요청 내용", "1. 요구사항 목록",
        "ECR-01 | 재난통합관리 서버", "ECR-02 | 네트워크 스위치(L3)", "ECR-03 | 웹방화벽", "SFR-01 | 상황 관리 기능",
    )
    f = infer_facts(doc)
    assert f.value("buys_network_or_security_equipment") == "yes"
    assert "HW인프라" in f.value("project_kinds")
    assert "ECR" in f["buys_network_or_security_equipment"].evidence[0].quote
    assert f["buys_network_or_security_equipment"].note


def test_plain_l2_switch_is_not_a_security_conformity_product():
    doc = sectioned("상황관제시스템 구축", ["○ 관제 화면 개발"], "Ⅱ. 제안요청 내용",
                    "ECR-01 | 98inch 디스플레이", "ECR-02 | L2 스위치", "ECR-03 | 영상 분배 장치")
    f = infer_facts(doc)
    assert f.value("buys_network_or_security_equipment") == "no"
    assert "HW인프라" in f.value("project_kinds")


def test_direct_purchase_plan_with_a_ticked_security_item():
    doc = sectioned("AI 그룹웨어 구축", ["○ 그룹웨어 개발"],
                    "[붙임 2] 직접구매 대상 상용 소프트웨어 구매 계획",
                    "연번 | 품명 | 수량 | 구분", "1 | 서버보안 | 1식 | 직접구매[O] 제외[]")
    f = infer_facts(doc)
    assert f.value("buys_network_or_security_equipment") == "yes"


@pytest.mark.parametrize(
    "lines, value",
    [
        (["○ 회원가입 및 회원정보 관리 기능 개발", "○ 회원 로그인·탈퇴 처리"], "yes"),
        (["○ 휴대폰 본인인증 연동", "○ 본인확인 후 신청서 접수", "○ 실명인증 결과 저장"], "yes"),
        (["○ 임직원 업무용 챗봇 개발 (내부망)", "○ 문서 요약 기능"], "no"),
    ],
)
def test_personal_information_system(lines, value):
    doc = sectioned("서비스 플랫폼 구축", lines,
                    "Ⅴ. 보안 준수사항", "○ 보안서약서, 개인정보보호 서약서를 제출한다.",
                    "○ 주민등록번호 등 개인정보가 포함된 자료는 반출을 금지한다.")
    assert infer_facts(doc).value("personal_info_system") == value


def test_pledge_forms_do_not_make_a_personal_information_system():
    doc = sectioned("내부 문서관리 시스템 구축", ["○ 문서 등록·검색 기능 개발"],
                    "[서식 3] 참여인력 이력서", "성명 | 주민등록번호 | 주소", "회원증 사본 | 가입자 명부",
                    "[서식 4] 개인정보 수집·이용 동의서", "수집 항목 : 성명, 주민등록번호, 연락처")
    assert infer_facts(doc).value("personal_info_system") == "no"


@pytest.mark.parametrize(
    "line, value",
    [
        ("○ 본 사업은 기능점수 기반으로 수립되어 투입인력 관리 대상이 아님", "yes"),
        ("○ 본 사업은 사업대가를 기능점수(FP) 방식으로 선정한 사업임", "yes"),
        ("○ 추정가격은 기능점수 기준 920FP 상당으로 산출하였음", "yes"),
        ("○ SW사업정보 중 기능점수 데이터 작성을 위해 기능점수 측정전문가를 포함토록 함", None),
        ("○ ① 기능점수(FP) 기반 SW사업 적정개발기간 산정표 : 기능점수(FP) 82.8", None),
    ],
)
def test_priced_by_function_points(line, value):
    doc = sectioned("민원 통합 플랫폼 구축", ["○ 민원 시스템 개발"], "Ⅱ. 제안요청 내용", "1. 사업관리", line)
    assert infer_facts(doc).value("priced_by_fp") == value  # None: unknown (not stated)


def test_fp_is_not_asked_of_an_operation_project():
    doc = sectioned("2025년 행정정보시스템 위탁운영", ["○ 시스템 모니터링 및 장애 대응"])
    assert infer_facts(doc).value("priced_by_fp") == "no"


def test_db_build_for_development_and_not_for_plain_operation():
    dev = sectioned("통합 민원시스템 구축", ["○ 민원 시스템 개발", "○ DB 설계 및 데이터 이관"])
    assert infer_facts(dev).value("builds_db") == "yes"
    ops = sectioned("2025년 행정정보시스템 위탁운영", ["○ 시스템 모니터링 및 장애 대응", "○ DB 백업 점검"])
    assert infer_facts(ops).value("builds_db") == "no"


def test_secondary_facts_carry_value_source_note():
    f = infer_facts(sectioned("통합 민원시스템 구축", ["○ 회원가입 기능 개발", "○ 회원정보 관리"]))
    for name in ("buys_commercial_sw", "buys_network_or_security_equipment", "builds_db",
                 "personal_info_system", "priced_by_fp"):
        fact = f[name]
        assert fact.value in ("yes", "no", "unknown")
        assert fact.note and re.search(r"[가-힣]", fact.note), name
        assert fact.source == ("unknown" if fact.value == "unknown" else "inferred")
    assert f["personal_info_system"].evidence and "회원" in f["personal_info_system"].evidence[0].quote


# ------------------------------------------------------------------------------------------------
# corpus: secondary facts
# ------------------------------------------------------------------------------------------------


@needs_shared
def test_corpus_secondary_facts():
    """Accuracy floors on the labelled corpus (labels that say "unknown" are not scored)."""
    results = _corpus_results()
    assert results
    names = ("buys_commercial_sw", "buys_network_or_security_equipment", "builds_db",
             "personal_info_system", "priced_by_fp")
    ok = {n: 0 for n in names}
    total = {n: 0 for n in names}
    kinds_ok = 0
    misses = []
    for did, f, lab in results:
        if set(f.value("project_kinds")) == set(lab["project_kinds"]):
            kinds_ok += 1
        else:
            misses.append((did, "kinds", f.value("project_kinds"), lab["project_kinds"]))
        for n in names:
            if lab.get(n) in ("yes", "no"):
                total[n] += 1
                ok[n] += f.value(n) == lab[n]
    n = len(results)
    assert kinds_ok >= 0.62 * n, misses
    for name, floor in (("buys_commercial_sw", 0.88), ("buys_network_or_security_equipment", 0.93),
                        ("builds_db", 0.93), ("personal_info_system", 0.85), ("priced_by_fp", 0.93)):
        assert ok[name] >= floor * total[name], (name, ok[name], total[name])


@needs_shared
def test_corpus_twins_agree_on_secondary_facts():
    """The same RFP in two formats reads the same facts (extraction differences aside)."""
    from conftest import manifest

    by_id = {did: f for did, f, _ in _corpus_results()}
    pairs = [(r["id"], r["twin_of"]) for r in manifest() if r.get("twin_of")]
    assert pairs
    same = 0
    for a, b in pairs:
        fa, fb = by_id[a], by_id[b]
        same += all(fa.value(n) == fb.value(n) for n in ("buys_commercial_sw", "builds_db", "priced_by_fp")) \
            and set(fa.value("project_kinds")) == set(fb.value("project_kinds"))
    assert same >= len(pairs) - 2


def test_a_glossed_db_abbreviation_in_the_name_is_a_db_build():
    from rfpcheck.pipeline.facts import infer_facts
    from rfpcheck.pipeline.model import RawBlock, build_document
    from rfpcheck.pipeline.segment import segment

    lines = ["누리시 시정 기록물 데이터베이스(DB) 구축 사업 과업지시서", "1. 사업 개요",
             "가. 사업명: 누리시 시정 기록물 데이터베이스(DB) 구축 사업",
             "나. 과업 내용: 기록물 스캔, 메타데이터 입력, DB 적재 및 검수"]
    doc = build_document("db.txt", "txt", [RawBlock(t) for t in lines])
    segment(doc)
    infer_facts(doc, {})
    assert "DB구축" in doc.facts.value("project_kinds")
    assert "SW개발" not in doc.facts.value("project_kinds")


def test_a_method_word_inside_a_cited_title_is_not_the_contract_method():
    from rfpcheck.pipeline.facts import infer_facts
    from rfpcheck.pipeline.model import RawBlock, build_document
    from rfpcheck.pipeline.segment import segment

    lines = ["누리시 민원 포털 고도화 사업 제안요청서", "1. 사업 개요",
             "가. 낙찰자 결정방법: 「협상에 의한 계약 제안서평가 세부기준」 준용 없이 적격심사로 결정",
             "나. 사업기간: 계약일로부터 6개월"]
    doc = build_document("m.txt", "txt", [RawBlock(t) for t in lines])
    segment(doc)
    infer_facts(doc, {})
    assert doc.facts.value("contract_method") == "적격심사"
