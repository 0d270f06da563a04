"""Label scoring: precision/recall of flagged statuses, review handling, coverage, fact accuracy."""
from __future__ import annotations

import json

import pytest

from rfpcheck.pipeline.evaluate import budget_matches, format_table, run_eval, score, tool_result_from
from rfpcheck.pipeline.model import Fact, Facts, Finding


def lab(doc, rules, **facts):
    statuses = {k: {"status": v, "evidence": [], "note": ""} for k, v in rules.items()}
    return {"id": doc, "facts": facts, "rules": statuses}


def tool(rules, **facts):
    return {"facts": facts, "rules": rules}


PAIRS = [
    (
        tool({"R1": "violation", "R2": "missing", "R3": "review", "R4": "pass"}),
        lab("a", {"R1": "violation", "R2": "pass", "R3": "missing", "R4": "review", "R5": "missing"}),
    ),
    (
        tool({"R1": "missing", "R2": "pass", "R3": "missing", "R4": "violation"}),
        lab("b", {"R1": "violation", "R2": "missing", "R3": "not_applicable", "R4": "pass", "R5": "pass"}),
    ),
    (
        tool({"R1": "pass", "R2": "not_applicable", "R3": "missing", "R4": "review"}),
        lab("c", {"R1": "pass", "R2": "not_applicable", "R3": "missing", "R4": "review", "R5": "pass"}),
    ),
]


def test_per_rule_precision_recall():
    s = score(PAIRS)
    r1, r2, r3, r4, r5 = (s["rules"][k] for k in ("R1", "R2", "R3", "R4", "R5"))
    # R1: a TP (violation/violation), b TP (violation vs missing: both flagged), c TN
    assert (r1["tp"], r1["fp"], r1["fn"]) == (2, 0, 0)
    assert r1["precision"] == 1.0 and r1["recall"] == 1.0
    assert r1["agreement"] == pytest.approx(2 / 3)  # b differs in status value
    # R2: a FP (tool missing, label pass), b FN (tool pass, label missing), c TN
    assert (r2["tp"], r2["fp"], r2["fn"]) == (0, 1, 1)
    assert r2["precision"] == 0.0 and r2["recall"] == 0.0
    # R3: a tool review where label flags = FN; b FP; c TP
    assert (r3["tp"], r3["fp"], r3["fn"]) == (1, 1, 1)
    assert r3["precision"] == 0.5 and r3["recall"] == 0.5
    # R4: label review twice -> left out; b FP
    assert r4["excluded_review"] == 2
    assert (r4["tp"], r4["fp"], r4["fn"]) == (0, 1, 0)
    assert r4["precision"] == 0.0 and r4["recall"] is None
    assert r4["agreement"] == pytest.approx(1 / 3)  # c: review == review
    # R5: never reported by the tool -> not covered, no figures
    assert r5["covered"] == 0 and r5["labeled"] == 3 and r5["coverage"] == 0.0
    assert r5["precision"] is None and r5["recall"] is None


def test_overall_micro_and_macro():
    s = score(PAIRS)
    ov = s["overall"]
    assert (ov["micro"]["tp"], ov["micro"]["fp"], ov["micro"]["fn"]) == (3, 3, 2)
    assert ov["micro"]["precision"] == pytest.approx(3 / 6)
    assert ov["micro"]["recall"] == pytest.approx(3 / 5)
    # macro over covered rules R1..R4; R4 recall undefined is skipped
    assert ov["macro"]["precision"] == pytest.approx((1.0 + 0.0 + 0.5 + 0.0) / 4)
    assert ov["macro"]["recall"] == pytest.approx((1.0 + 0.0 + 0.5) / 3)
    assert ov["rules_covered"] == 4 and ov["rules_total"] == 5
    # agreement: R1 a,c; R2 c; R3 c; R4 c -> 5 of 12 compared
    assert ov["agreement"] == pytest.approx(5 / 12)


def test_fact_accuracy():
    pairs = [
        (tool({}, budget_krw=1_250_000_000, doc_type="제안요청서", contract_method="협상",
              public_sw_project=True, duration_months=8),
         lab("a", {}, budget_krw=1_250_000_000, budget_vat="included", doc_type="제안요청서",
             contract_method="협상", public_sw_project=True, duration_months=8)),
        # VAT-excluded label: the tool's VAT-included figure is the label's × 1.1
        (tool({}, budget_krw=341_000_000, budget_stated_krw=310_000_000, doc_type="과업지시서",
              contract_method=None, public_sw_project=False, duration_months=None),
         lab("b", {}, budget_krw=310_000_000, budget_vat="excluded", doc_type="제안요청서",
             contract_method="unknown", public_sw_project=True, duration_months=None)),
        (tool({}, budget_krw=999, doc_type="제안요청서", contract_method="적격심사", public_sw_project=True,
              duration_months=12),
         lab("c", {}, budget_krw=1000, budget_vat="included", doc_type="제안요청서", contract_method="협상",
             public_sw_project=True, duration_months=12)),
        # a label without budget does not count for the budget
        (tool({}, budget_krw=5), lab("d", {}, budget_krw=None, doc_type="기타")),
    ]
    f = score(pairs)["facts"]
    assert (f["budget_krw"]["correct"], f["budget_krw"]["total"]) == (2, 3)
    assert f["budget_krw"]["misses"] == [("c", 999, 1000)]
    assert (f["doc_type"]["correct"], f["doc_type"]["total"]) == (2, 4)
    assert (f["contract_method"]["correct"], f["contract_method"]["total"]) == (2, 3)
    assert (f["public_sw_project"]["correct"], f["public_sw_project"]["total"]) == (2, 3)
    assert (f["duration_months"]["correct"], f["duration_months"]["total"]) == (2, 2)


def test_budget_matches_like_with_like():
    assert budget_matches({"budget_krw": 1_100_000_000}, {"budget_krw": 1_000_000_000, "budget_vat": "excluded"})
    assert budget_matches({"budget_krw": 1, "budget_stated_krw": 1_000_000_000},
                          {"budget_krw": 1_000_000_000, "budget_vat": "excluded"})
    assert not budget_matches({"budget_krw": 1_100_000_000}, {"budget_krw": 1_000_000_000, "budget_vat": "included"})
    assert not budget_matches({"budget_krw": None}, {"budget_krw": 1_000_000_000})


def test_tool_result_from_pipeline_objects():
    facts = Facts(budget_krw=Fact("budget_krw", 5, "inferred", 0.9),
                  contract_method=Fact("contract_method", None, "unknown"))
    findings = [Finding("SW01", "pass", "none", "t", "m"), {"rule_id": "SW02", "status": "missing"}]
    r = tool_result_from(facts, findings)
    assert r == {"facts": {"budget_krw": 5, "contract_method": None}, "rules": {"SW01": "pass", "SW02": "missing"}}


def test_format_table_lines_up():
    s = score(PAIRS)
    out = format_table(s)
    assert "R1" in out and "100.0%" in out and "micro" in out and "macro" in out
    assert "사실 정확도" in out
    from rfpcheck.pipeline.evaluate import _width

    rule_rows = [ln for ln in out.splitlines() if ln.startswith(("R1", "R2", "R3", "R4", "규칙 "))]
    assert len({_width(ln) for ln in rule_rows}) == 1, rule_rows


def test_run_eval(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    for doc, l in (("x1", PAIRS[0][1]), ("x2", PAIRS[1][1])):
        (labels / f"{doc}.json").write_text(json.dumps(l, ensure_ascii=False), encoding="utf-8")
    docs = [tmp_path / "x1.pdf", tmp_path / "x2.hwp", tmp_path / "x3.pdf"]

    def run_one(path):
        if path.endswith("x2.hwp"):
            raise RuntimeError("extract failed")
        return PAIRS[0][0]

    s = run_eval(labels, docs, run_one)
    assert s["documents"] == 2
    assert s["errors"] == {"x2": "RuntimeError: extract failed"}
    assert s["unlabeled"] == [str(tmp_path / "x3.pdf")]
    assert s["rules"]["R1"]["covered"] == 1 and s["rules"]["R1"]["labeled"] == 2
    assert "실패 1건" in format_table(s)


def _fake_tool(path):
    """Module-level so a process pool can run it."""
    if path.endswith("x2.hwp"):
        return {"facts": {}, "rules": {}, "error": "손상된 파일"}
    return {"facts": {"doc_type": "제안요청서"}, "rules": {"R1": "violation"}}


def test_run_eval_in_a_process_pool(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    for doc, l in (("x1", PAIRS[0][1]), ("x2", PAIRS[1][1])):
        (labels / f"{doc}.json").write_text(json.dumps(l, ensure_ascii=False), encoding="utf-8")
    s = run_eval(labels, [tmp_path / "x1.pdf", tmp_path / "x2.hwp"], _fake_tool, jobs=2)
    assert s["doc_ids"] == ["x1", "x2"]
    assert s["errors"] == {"x2": "손상된 파일"}
    assert s["rules"]["R1"]["tp"] == 1 and s["rules"]["R1"]["covered"] == 1
