"""SW10 협상에 의한 계약 · 경쟁적 대화: the method read next to its key (계약방법 : …) or in a
sentence, the lowest-price / 적격심사 violation for development, 수의계약 review, boilerplate traps, and
the evaluation-section gate shared with SW11/SW12."""
from __future__ import annotations

import pytest

from rfpcheck.checks.gates import evaluation_scope
from rfpcheck.checks.sw10_contract_method import detect

from rfpcheck.checks.context import CheckContext

from docbuild import quotes, run

EVAL = "○ 제안서 평가는 기술능력평가와 가격평가를 합산한 종합평가점수로 하며, 평가항목 및 배점은 붙임과 같음"
TASK_HEAD = ["가람시 누리집 개편 용역 과업지시서", "1. 과업 개요", "가. 과업기간: 계약일로부터 5개월"]


@pytest.mark.parametrize("clause", [
    "○ 계약방법 : 제한경쟁입찰(협상에 의한 계약)",
    "○ 낙찰자 결정방법 : 협상에 의한 계약체결",
    "본 사업은 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따른 협상에 의한 계약으로 추진함",
    "○ 본 사업은 「국가를 당사자로 하는 계약에 관한 법률 시행령」 제43조의3에 따른 경쟁적 대화에 의한 계약을 적용함",
])
def test_negotiation_or_dialogue_passes(clause):
    f, _ = run(detect, "5. 제안 안내", clause, EVAL, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "계약" in quotes(f)


def test_method_in_a_table_row_passes():
    f, _ = run(detect, "5. 제안 안내", EVAL, rows=[["입찰방식", "제한경쟁입찰"], ["사업자선정방식", "협상에 의한 계약"]],
               kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "협상에 의한" in quotes(f)


def test_lowest_price_for_development_is_a_violation():
    f, _ = run(detect, "5. 제안 안내", "○ 낙찰자 결정방법 : 적격심사(최저가)", EVAL, kind="SW개발", budget="5억")
    assert f.status == "violation"
    assert "적격심사" in quotes(f)


def test_lowest_price_with_a_stated_reason_needs_review():
    f, _ = run(detect, "5. 제안 안내", "○ 낙찰자 결정방법 : 적격심사", "○ 긴급 재공고 사업으로 적격심사를 적용함", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "review"


def test_private_contract_needs_review():
    f, _ = run(detect, "5. 제안 안내", "○ 계약방법 : 수의계약", EVAL, kind="유지관리운영", budget="5억")
    assert f.status == "review"
    assert "수의계약" in f.message


def test_mixed_methods_need_review():
    f, _ = run(detect, "5. 제안 안내", "○ 계약방법 : 협상에 의한 계약", "○ 낙찰자 결정방법 : 최저가 낙찰제", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "review"


@pytest.mark.parametrize("clause", [
    "○ 적격심사대상자로 선정된 후 서류제출의 기피 등 적격심사에 응하지 아니하여 낙찰자로 결정되지 못한 경우 보증금은 귀속됨",
    "○ 시행령 제18조의 규정에 의한 2단계 경쟁 등의 입찰의 경우 규격입찰서를 먼저 제출함",
    "○ 관련 규정 : 협상에 의한 계약체결기준(기획재정부 계약예규), 조달청 협상에 의한 계약 제안서평가 세부기준",
])
def test_boilerplate_and_reference_titles_are_not_the_method(clause):
    f, _ = run(detect, "5. 제안 안내", clause, EVAL, kind="SW개발", budget="5억")
    assert f.status == "missing"
    assert f.evidence == [] and "계약방법" in f.looked_for


def test_negotiation_procedure_without_a_method_line_passes_with_a_caveat():
    f, _ = run(detect, "5. 제안 안내", EVAL, "○ 기술평가점수가 배점한도의 85% 이상인 자를 협상적격자로 하여 협상순위를 정함",
               kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert "협상 절차" in f.message and "협상적격자" in quotes(f)


def test_negated_lowest_price_is_not_the_method():
    f, _ = run(detect, "5. 제안 안내", "○ 사업자 선정방식 : 최저가 낙찰이 아닌 기술 중심의 평가로 선정", EVAL,
               "○ 계약방법 : 협상에 의한 계약", kind="SW개발", budget="5억")
    assert f.status == "pass"


def test_task_order_without_evaluation_is_not_applicable():
    f, doc = run(detect, "2. 과업 내용", "○ 누리집 메뉴를 개편함", head=TASK_HEAD, kind="홈페이지앱", budget="0.95억")
    assert doc.facts.value("doc_type") == "과업지시서"
    assert f.status == "not_applicable"
    assert "평가" in f.message
    assert evaluation_scope(doc)[0] is False


def test_task_order_with_an_evaluation_part_applies():
    f, _ = run(detect, "6. 평가", EVAL, "○ 종합평가점수는 기술능력평가 점수와 가격평가 점수를 합산함",
               "○ 계약방법 : 협상에 의한 계약", head=TASK_HEAD, kind="SW개발", budget="3억")
    assert f.status == "pass"


def test_a_value_that_starts_with_a_digit_is_read():
    f, _ = run(detect, "5. 제안 안내", EVAL, rows=[["구분", "내용"], ["계약방법", "2단계 경쟁입찰(규격 후 가격)"]],
               kind="SW개발", budget="5억")
    assert f.status == "review"
    assert "2단계 경쟁입찰" in quotes(f)


def test_a_key_split_across_cells_is_read():
    f, _ = run(detect, "5. 제안 안내", EVAL, rows=[["입찰", "방식", "일반경쟁입찰, 적격심사"]], kind="SW개발", budget="5억")
    assert f.status == "violation"
    assert "적격심사" in quotes(f)


def test_a_table_of_contents_line_is_not_the_value():
    f, _ = run(detect, "목차", "5. 계약방법 ··········· 12", "5. 제안 안내", EVAL, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_lowest_bidders_screened_by_adequacy_review_is_the_method():
    f, _ = run(detect, "6. 낙찰자 선정", EVAL,
               "○ 예정가격 이하 입찰자 중 최저가격으로 입찰한 자부터 차례로 「용역 적격심사 기준」에 따라 심사하여 결정함",
               kind="SW개발", budget="5억")
    assert f.status == "violation"
    assert "최저가격으로 입찰한 자" in quotes(f)


def test_method_fact_read_next_to_its_key_is_the_fallback():
    from rfpcheck.pipeline.model import Fact

    f, doc = run(detect, "5. 제안 안내", EVAL, "○ 사업자 선정은 적격심사 결과로 갈음함", kind="SW개발", budget="5억")
    assert f.status == "missing"
    s = doc.text.index("적격심사 결과")
    doc.facts["contract_method"] = Fact("contract_method", "적격심사", "inferred", 0.9, [doc.evidence(s, s + 4)])
    f = detect(CheckContext(doc))
    assert f.status == "violation" and "적격심사" in quotes(f)
    # a method guessed from the vocabulary alone is not taken
    doc.facts["contract_method"] = Fact("contract_method", "적격심사", "inferred", 0.4, [doc.evidence(s, s + 4)])
    assert detect(CheckContext(doc)).status == "missing"


def test_document_without_evaluation_message_does_not_contradict_itself():
    f, _ = run(detect, "2. 입찰 안내", "○ 입찰참가자격 : 소프트웨어사업자", head=["구름시 관측 플랫폼 구축 입찰공고"],
               kind="SW개발", budget="5억", doc_type="입찰공고")
    assert f.status == "not_applicable"
    assert "제안서 평가 부분이 없는 문서" in f.message and "입찰공고에서 판단" not in f.message


# -- law titles, unusual keys and bare method cells ----------------------------------------------------

def test_article_titles_in_a_basis_list_are_not_the_method():
    f, _ = run(detect, "2. 추진 근거",
               "○ 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조(협상에 의한 계약) 등 관련 규정",
               "- 국가계약법 시행령 제43조의3(경쟁적 대화에 의한 계약)", EVAL, kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_article_title_applied_by_a_predicate_is_the_method():
    f, _ = run(detect, "5. 제안 안내",
               "○ 「국가계약법 시행령」 제43조(협상에 의한 계약)에 따라 계약상대자를 결정한다.", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "pass"


@pytest.mark.parametrize("rows, kind", [
    ([["구분", "내용"], ["사업자 선정", "경쟁적 대화에 의한 계약"]], "경쟁적 대화"),
    ([["구분", "내용"], ["계약체결 형태", "협상에 의한 계약"]], "협상"),
    ([["항목", "내용"], ["추진 형태", "제한경쟁(협상에 의한 계약)"]], "협상"),
])
def test_method_keys_without_the_word_method_and_bare_method_cells(rows, kind):
    f, _ = run(detect, "5. 제안 안내", EVAL, rows=rows, kind="SW개발", budget="5억")
    assert f.status == "pass"
    assert kind in f.message


def test_a_law_table_row_is_not_the_method():
    f, _ = run(detect, "2. 관련 근거", EVAL, rows=[["근거", "내용"], ["국가계약법 시행령 제43조", "협상에 의한 계약"]],
               kind="SW개발", budget="5억")
    assert f.status == "missing"


def test_key_with_separator_on_a_line_reads_the_lowest_price():
    f, _ = run(detect, "5. 제안 안내", "○ 낙찰자 선정 : 적격심사", EVAL, kind="SW개발", budget="5억")
    assert f.status == "violation"


def test_an_earlier_phase_negotiated_in_the_history_does_not_excuse_lowest_price_now():
    f, _ = run(detect, "2. 추진 경과", "○ '23. 4. 1단계 포털 구축 완료(협상에 의한 계약으로 추진)",
               "5. 입찰 및 낙찰", "○ 예정가격 이하 최저가격으로 입찰한 자 순으로 적격심사하여 낙찰자로 결정함", EVAL,
               kind="고도화", budget="5억")
    assert f.status == "violation"
    assert "1단계" not in quotes(f) and "적격심사" in quotes(f)


def test_this_project_told_in_the_history_still_counts():
    f, _ = run(detect, "2. 추진 경과", "○ 본 사업은 협상에 의한 계약으로 추진함(2024. 3. 사전규격 공개)", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "pass" and "협상에 의한" in quotes(f)


@pytest.mark.parametrize("clause", [
    "○ 계약상대자는 「지방자치단체 입찰시 낙찰자 결정기준」에서 정한 적격심사 기준으로 선정한다.",
    "○ 낙찰자는 「국가계약법 시행령」 제42조의 적격심사 방식으로 결정함",
])
def test_lowest_price_stated_subject_first_is_read(clause):
    f, _ = run(detect, "5. 입찰 안내", "○ 입찰방식 : 일반경쟁입찰", clause, EVAL, kind="SW개발", budget="5억")
    assert f.status == "violation"
    assert "적격심사" in quotes(f)


def test_mixed_subject_first_lowest_price_and_a_negotiation_line_need_review():
    f, _ = run(detect, "5. 입찰 안내", "○ 계약방법 : 협상에 의한 계약",
               "○ 낙찰자는 「지방자치단체 입찰시 낙찰자 결정기준」의 적격심사 기준에 따라 결정한다.", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "review"


def test_a_method_word_inside_a_cited_title_yields_to_the_value_after_it():
    f, _ = run(detect, "5. 입찰 안내", "○ 낙찰자 결정방법 : 「협상에 의한 계약 제안서평가 세부기준」 참고, 최저가 낙찰", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "violation"
    f, _ = run(detect, "5. 입찰 안내", "○ 계약방법 : 「협상에 의한 계약체결기준」에 따른 협상에 의한 계약", EVAL,
               kind="SW개발", budget="5억")
    assert f.status == "pass"


@pytest.mark.parametrize("clause", [
    "○ 이 입찰은 같은 시행령 제43조에 의거 협상에 의하여 계약상대자를 결정함.",
    "○ 협상을 통하여 낙찰자를 선정한다.",
])
def test_negotiation_as_the_way_to_choose_the_contractor_passes(clause):
    # no "계약" noun after 협상: the sentence still states the method
    f, _ = run(detect, "5. 제안서 평가", clause, EVAL, kind="SW개발", budget="9억")
    assert f.status == "pass"
    assert "협상" in quotes(f)


def test_negotiation_article_title_alone_is_still_missing():
    f, _ = run(detect, "1. 추진 근거", "○ 「국가를 당사자로 하는 계약에 관한 법률 시행령」 제43조(협상에 의한 계약)",
               "5. 제안서 평가", EVAL, kind="SW개발", budget="9억")
    assert f.status == "missing"
