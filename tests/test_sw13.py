"""SW13 제안서 보상: decided mostly by facts (SW 개발, 총사업예산 ≥ 20억); compensation offered,
declined (검토필요 at ≥ 20억) or absent, and the other meanings of 보상."""
from __future__ import annotations

import pytest

from rfpcheck.checks.sw13_compensation import detect

from rfpcheck.checks.context import CheckContext
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["가람시 통합 민원 플랫폼 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 계약일로부터 8개월"]


def run(detect, *lines, rows=None, head=HEAD, **given):
    """Build a small document (lines, then one table of ``rows``), read its facts (``given`` wins)
    and run ``detect``; return (finding, document)."""
    blocks = [RawBlock(t) for t in (*head, *lines)]
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, given)
    f = detect(CheckContext(doc))
    for e in f.evidence:  # every quote is an exact substring of the text at its offsets
        assert doc.text[e.start:e.end].strip() == e.quote or e.quote.endswith("…")
    return f, doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


OFFERED = ("○ 낙찰자로 결정되지 아니한 자 중 기술능력평가 점수가 85% 이상인 상위 2인에게 제안서 작성비용의 일부를 "
           "보상한다(총사업예산의 1천분의 8 및 1천분의 5).")
DECLINED = "○ 본 사업은 제안서 보상 대상 사업에 해당하지 않으므로 제안서 보상을 실시하지 않음"


def test_compensation_offered_passes():
    f, _ = run(detect, "5. 제안 안내", OFFERED, kind="SW개발", budget="25억")
    assert f.status == "pass"
    assert "보상" in quotes(f)


def test_reference_to_the_guideline_passes():
    f, _ = run(detect, "5. 제안 안내", "□ SW사업 제안서 보상 : “소프트웨어사업 계약 및 관리감독에 관한 지침” 준용",
               kind="SW개발", budget="25억")
    assert f.status == "pass"


def test_declined_over_twenty_billion_needs_review():
    f, _ = run(detect, "5. 제안 안내", DECLINED, kind="SW개발", budget="36억")
    assert f.status == "review"
    assert "20억원" in f.message and f.evidence


def test_silence_over_twenty_billion_is_missing():
    f, _ = run(detect, "5. 제안 안내", "○ 제출된 제안서는 반환하지 않음",
               "○ 보안 위반 시 손해배상 및 보상금 청구에 응하여야 함", kind="SW개발", budget="25억")
    assert f.status == "missing"
    assert f.evidence == [] and "보상" in f.looked_for


@pytest.mark.parametrize("budget, kind", [("19억", "SW개발"), ("25억", "유지관리운영"), ("25억", "ISP컨설팅")])
def test_not_applicable_by_amount_or_kind(budget, kind):
    f, _ = run(detect, "5. 제안 안내", DECLINED, kind=kind, budget=budget)
    assert f.status == "not_applicable"


def test_unknown_amount_is_review():
    f, doc = run(detect, "5. 제안 안내", DECLINED, kind="SW개발")
    assert not doc.facts.get_fact("budget_krw").known
    assert f.status == "review" and "사업금액" in f.message
