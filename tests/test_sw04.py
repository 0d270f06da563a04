"""SW04 하도급 제한: negation and permission around 하도급/재하도급, the ratio bound to 하도급, and
forms or pledges that only name 하도급."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sw04_subcontract import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["OO군 행정정보시스템 고도화 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 계약일로부터 6개월"]


def check(*lines: str):
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*HEAD, *lines)])
    segment(doc)
    infer_facts(doc, {"kind": "고도화", "budget": "3억"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


@pytest.mark.parametrize("clause", [
    "○ 본 사업은 하도급을 불허함",
    "○ 공동수급 및 하도급은 불가함",
    "○ 하도급 허용여부 : 하도급 불허",
    "○ 본 계약과 관련하여 제3의 업체에게 하도급을 일절 불허한다",
])
def test_outright_ban_passes(clause):
    f, _ = check("4. 계약 조건", clause)
    assert f.status == "pass"
    assert "허용하지 않는다" in f.message
    assert clause.lstrip("○ ") in quotes(f)


def test_full_set_of_conditions_passes_with_each_quoted():
    f, _ = check("4. 계약 조건",
                 "○ 하도급을 하려는 경우 반드시 하도급계약 전에 발주기관으로부터 사전승인을 받아야 함",
                 "○ 하도급 비율은 사업금액의 50% 초과 불가",
                 "○ 재하도급은 금지한다.",
                 "○ 하도급계획서를 제안서와 함께 제출하여야 함")
    assert f.status == "pass"
    q = quotes(f)
    for part in ("사전승인", "50% 초과 불가", "재하도급은 금지", "하도급계획서"):
        assert part in q
    assert "찾지 못했습니다" not in f.message


def test_approval_only_passes_and_says_what_is_lacking():
    f, _ = check("4. 계약 조건", "- 발주기관의 사전 승인 없이 하도급을 할 수 없음")
    assert f.status == "pass"
    assert "재하도급 금지" in f.message  # named as not found


@pytest.mark.parametrize("clause, why", [
    ("○ 하도급은 사업금액의 60% 이내에서 허용함", "60%"),
    ("○ 하도급 비율은 사업금액의 100분의 70을 초과할 수 없다.", "70%"),
    ("○ 재하도급은 발주기관의 승인 없이 가능하다.", "재하도급"),
    ("○ 재하도급은 발주기관에 통보한 후 할 수 있음", "재하도급"),
    ("○ 하도급 및 재하도급은 계약상대자의 책임 아래 자율적으로 할 수 있음", "재하도급"),
    ("○ 하도급은 별도 승인 없이 자유롭게 할 수 있다.", "승인 없는 하도급"),
])
def test_permissions_beyond_the_law_are_violations(clause, why):
    f, doc = check("4. 계약 조건", "○ 하도급계획서를 제출하여야 함", clause)
    assert f.status == "violation"
    assert why in f.message
    assert clause.lstrip("○ ").rstrip(".") in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end].strip() == e.quote


def test_statutory_exception_for_re_subcontracting_is_not_a_violation():
    f, _ = check("4. 계약 조건",
                 "○ 하도급 비율은 사업금액의 100분의 50을 초과할 수 없으며, 재하도급은 원칙적으로 불허함. "
                 "다만, 같은 법 제51조제3항 각 호에 해당하는 경우 재하도급을 할 수 있음")
    assert f.status == "pass"


def test_prohibition_worded_with_a_permission_verb_is_not_a_violation():
    f, _ = check("4. 계약 조건", "○ 승인 없이 하도급을 할 수 없으며, 재하도급은 허용하지 않음")
    assert f.status == "pass"


def test_forms_and_pledges_that_name_subcontracting_are_not_evidence():
    f, _ = check("7. 붙임 서식",
                 "청렴계약 이행서약서: 당사 및 하도급업체의 임직원은 투명·공정한 계약을 위해 노력하겠습니다.",
                 "보안확약서: 하도급업체가 보안사항을 위반할 경우 주사업자로서 책임을 지겠습니다.",
                 "제출서류: 1. 하도급(또는 재하도급) 계약서 사본 2. 계약 준수사항 이행을 증명할 수 있는 서류",
                 "하도급금액비율 합계 50% 초과 사유: ________")
    assert f.status == "missing"
    assert f.looked_for and "재하도급" in f.looked_for
    assert not f.evidence


def test_price_percentages_are_not_subcontracting_ratios():
    f, _ = check("6. 평가 방법", "○ 입찰가격이 추정가격의 100분의 80 이상인 경우 평점은 배점한도로 한다.",
                 "○ 하도급 사항은 별도로 정하지 않는다.")
    assert f.status == "missing"


def test_advance_payment_and_adequacy_scores_are_not_subcontracting_allowances():
    f, _ = check("4. 계약 조건", "○ 본 사업은 하도급을 불허함",
                 "○ 계약금액의 100분의 50을 초과하지 않는 범위 내에서 선금을 지급할 수 있음",
                 "○ 부분하도급률(%) = (하도급계약금액/하도급예정액)×100, 하도급률 90% 이하 : 30점")
    assert f.status == "pass"
    assert "선금" not in quotes(f)


def test_no_clause_at_all_is_missing_with_applicability():
    f, _ = check("4. 계약 조건", "○ 산출물은 한글 파일로 제출한다.")
    assert f.status == "missing"
    assert "모든 SW사업" in (f.applies or "")


# -- negation, provisos, key/value rows, fractions, after-the-fact notice --------------------------

def check_rows(*lines: str, rows: list[list[str]], head: tuple = (*HEAD, "4. 계약 조건")):
    from rfpcheck.pipeline.model import TABLE_CELL

    blocks = [RawBlock(t) for t in (*head, *lines)]
    for r, cells in enumerate(rows):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, {"kind": "고도화", "budget": "3억"})
    return detect(CheckContext(doc)), doc


APPROVAL = "○ 하도급하려는 경우 하도급계획서를 제출하여 발주기관의 사전 승인을 받아야 함"


@pytest.mark.parametrize("clause, why", [
    ("○ 재하도급을 금지하지 않는다.", "금지하지 않음"),
    ("○ 재하도급은 불허하지 아니함", "금지하지 않음"),
    ("○ 하도급 비율은 100분의 50 이내로 한다. 다만, 수급인은 발주기관 승인 없이 재하도급할 수 있다.", "승인 없이"),
    ("○ 수급인은 발주기관 동의 없이 하도급할 수 있다.", "승인 없는 하도급"),
    ("○ 재하도급은 허용하며 발주기관에 사후 보고한다.", "재하도급"),
    ("○ 사업자는 과업의 전부를 하도급할 수 있다.", "전부 하도급"),
    ("○ 하도급 범위는 총 사업금액의 5분의 3 이내로 한다.", "60%"),
])
def test_permissions_win_over_an_approval_sentence(clause, why):
    f, doc = check("4. 계약 조건", APPROVAL, clause)
    assert f.status == "violation"
    assert why in f.message
    assert "사전 승인" in f.message  # the compliant sentence is named, and overruled
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_negated_ban_is_not_quoted_as_a_ban():
    f, _ = check("4. 계약 조건", "○ 재하도급은 금지하지 아니한다.")
    assert f.status == "violation"
    assert "재하도급 금지" not in f.message


@pytest.mark.parametrize("clause", [
    "○ 재하도급은 원칙적으로 금지한다. 다만 승인 없이 재하도급한 경우 계약을 해지할 수 있다.",
    "○ 재하도급은 원칙적으로 금지하며, 다만 같은 법 제51조제3항 각 호의 경우 발주기관 승인을 받아 재하도급할 수 있다.",
    "○ 계약상대자는 승인 없이 하도급을 하여서는 아니 된다.",
    "○ 하도급은 사업금액의 2분의 1 이내에서 허용한다.",
    "○ 하도급 비율이 50%를 초과하는 경우 하도급을 승인하지 않는다.",
])
def test_sanctions_statutory_provisos_and_caps_pass(clause):
    f, _ = check("4. 계약 조건", clause)
    assert f.status == "pass"


@pytest.mark.parametrize("rows, status, why", [
    ([["재하도급", "가능"]], "violation", "재하도급 허용"),
    ([["구분", "내용"], ["하도급 한도", "사업금액의 80%"]], "violation", "80%"),
    ([["하도급", "허용(승인 불요)"]], "violation", "승인 없는 하도급"),
    ([["재하도급 여부", "불가"]], "pass", "재하도급 금지"),
    ([["구분", "내용"], ["하도급 상한 비율", "40%"]], "pass", "50% 이내"),
    ([["하도급", "불허"]], "pass", "하도급 불허"),
    ([["하도급", "해당없음"]], "missing", ""),
])
def test_key_value_rows_are_read_with_their_value(rows, status, why):
    f, _ = check_rows(rows=rows)
    assert f.status == status
    assert why in f.message
    if f.evidence:
        assert " | " in f.evidence[0].quote  # the whole row is quoted, not the key cell alone


def test_rows_in_an_evaluation_table_are_not_allowances():
    f, _ = check_rows(rows=[["평가항목", "배점"], ["하도급 비율", "70%"]], head=(HEAD[0], "1. 제안서 평가 기준"))
    assert f.status == "missing"


def test_notice_after_contract_without_any_approval_rule_is_a_violation():
    clause = "○ 하도급 계약을 체결한 후 10일 이내에 발주기관에 통보하여야 한다."
    f, _ = check("4. 계약 조건", clause)
    assert f.status == "violation"
    assert "사후 통보" in f.message
    f, _ = check("4. 계약 조건", APPROVAL, clause)  # a notice on top of prior approval is fine
    assert f.status == "pass"


def test_ban_word_used_as_a_qualifier_is_not_a_ban():
    f, _ = check("6. 제안서 작성 요령", "○ 하도급 계획서를 제출하여야 함(하도급 불허 사업의 경우 제외)")
    assert "하도급을 허용하지 않는다" not in f.message


# -- caps in other wordings, numbers bound to other amounts, and payment clauses -----------------------

APPROVAL = "○ 하도급을 하려는 경우 발주기관의 사전 승인을 받아야 한다."


@pytest.mark.parametrize("clause, pct", [
    ("○ 하도급 비율 상한: 60%", 60),
    ("○ 하도급 가능 비율은 사업금액의 100분의 70으로 한다.", 70),
    ("○ 하도급 비율의 한도는 계약금액의 65%로 정한다.", 65),
    ("○ 수급인은 과업의 70% 이하를 하도급할 수 있다.", 70),
    ("○ 계약상대자는 계약금액의 80% 범위 내에서 하도급할 수 있다.", 80),
    ("○ 하도급 금액은 계약금액의 60퍼센트까지 허용한다.", 60),
])
def test_caps_above_half_are_violations_even_beside_an_approval_rule(clause, pct):
    for lines in ((clause,), (APPROVAL, clause)):
        f, _ = check("4. 계약 조건", *lines)
        assert f.status == "violation", lines
        assert f"{pct}%" in f.message
        assert clause.lstrip("○ ") in quotes(f)


@pytest.mark.parametrize("clause", [
    "○ 하도급은 발주기관의 사전 승인을 받아야 하며, 지체상금은 계약금액의 60% 한도로 한다.",
    "○ 하도급하려는 경우 사전에 승인을 받아야 하고, 하도급 부분 기성금은 80% 범위에서 지급한다.",
    "○ 하도급 시 사전 승인을 받아야 하며, 하도급 부분의 선급금은 90%까지 지급할 수 있다.",
])
def test_a_number_bound_to_another_amount_is_no_cap(clause):
    f, _ = check("4. 계약 조건", clause)
    assert f.status == "pass", f.message
    assert "사전 승인" in f.message


def test_exceeding_the_cap_refused_is_a_compliant_cap():
    f, _ = check("4. 계약 조건", "○ 하도급 비율이 사업금액의 50%를 초과하면 승인하지 않는다.")
    assert f.status == "pass"
    assert "50% 이내" in f.message


def test_a_payment_clause_does_not_hide_the_approval_rule():
    f, _ = check("4. 계약 조건", "○ 계약상대자는 하도급 전에 발주기관의 승인을 얻어야 하며, 하도급대금은 기성 지급일부터 15일 이내에 지급한다.")
    assert f.status == "pass", f.message
    assert "사전 승인" in f.message


# -- after-the-fact notice in inflected forms; approval in a table value cell ------------------------


@pytest.mark.parametrize("clause", [
    "○ 계약상대자는 사업의 일부를 하도급할 수 있으며 하도급 계약을 체결한 날로부터 10일 이내에 발주기관에 신고하여야 한다.",
    "- 하도급 계약 체결 후 지체 없이 발주기관에 알려야 함",
    "○ 하도급은 가능하며, 하도급 계약을 체결한 때에는 그 내용을 발주기관에 통지한다.",
])
def test_notice_after_signing_without_approval_is_a_violation(clause):
    f, _ = check("3. 하도급", clause)
    assert f.status == "violation", (f.message, quotes(f))
    assert "사후 통보" in f.message


def test_notice_after_signing_beside_prior_approval_is_not_a_violation():
    f, _ = check("3. 하도급", "○ 하도급하려는 경우 발주기관의 사전 승인을 받아야 하며, 하도급 계약을 체결한 날부터 "
                 "7일 이내에 계약서 사본을 통보하여야 한다.")
    assert f.status == "pass", (f.message, quotes(f))


@pytest.mark.parametrize("key, value", [
    ("하도급", "발주기관 사전 승인"),
    ("하도급 허용 여부", "허용(사전 서면 승인)"),
    ("하도급 승인", "사전 승인"),
])
def test_prior_approval_in_a_table_value_cell_counts(key, value):
    from docbuild import run as run_rows

    f, _ = run_rows(detect, "5. 하도급 조건", rows=[["항목", "내용"], [key, value]], kind="고도화", budget="3억")
    assert f.status == "pass", (f.message, quotes(f))
    assert "사전 승인" in f.message.split("다만")[0]


def test_approved_firms_named_in_a_cell_are_not_the_approval_rule():
    from docbuild import run as run_rows

    f, _ = run_rows(detect, "5. 하도급 현황", rows=[["항목", "내용"], ["하도급 업체", "사전 승인을 받은 업체에 한함"]],
                    kind="고도화", budget="3억")
    assert f.status == "missing", (f.message, quotes(f))


# -- re-subcontracting allowed on a mere notice -------------------------------------------------------

@pytest.mark.parametrize("clause", [
    "○ 재하도급은 발주기관에 미리 통보한 경우에 한하여 허용한다.",
    "○ 재하도급 : 사전 신고한 경우에 한해 가능",
    "5. 재하도급 : 발주처에 서면 통지한 때에 한하여 허용",
])
def test_resubcontracting_on_notice_only_is_a_violation(clause):
    f, _ = check(APPROVAL, clause)
    assert f.status == "violation", f.message
    assert "재하도급" in quotes(f)


def test_resubcontracting_with_statutory_approval_is_not_a_violation():
    f, _ = check(APPROVAL, "○ 재하도급은 금지한다. 다만, 법 제51조제3항 각 호의 경우로서 발주기관의 승인을 받은 경우에 한하여 허용한다.")
    assert f.status != "violation", f.message
