"""Scoring the tool against the corpus labels (`rfpcheck eval`).

A rule is *flagged* when its status is ``violation`` or ``missing``. Per rule: precision = flagged
by both / flagged by the tool, recall = flagged by both / flagged by the label. A label's ``review``
is left out of precision and recall (a careful reviewer could not decide); the tool's ``review``
where the label flags counts as a miss. Status agreement over all five values is reported beside
it. Rules the tool did not report for a document are left out of that rule's scoring and show up
as lower coverage.

Facts are scored on the documents whose label states them: budget (exact, in won), document type,
contract method, public-SW status and duration in months.

A tool result is ``{"facts": {name: value}, "rules": {rule_id: status}}``; a label is the parsed
``labels/<id>.json``.
"""
from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

FLAGGED = ("violation", "missing")
STATUSES = ("violation", "missing", "review", "pass", "not_applicable")
PRIMARY_FACTS = ("budget_krw", "doc_type", "contract_method", "public_sw_project", "duration_months")
SECONDARY_FACTS = (
    "project_kinds", "buys_commercial_sw", "buys_network_or_security_equipment", "builds_db",
    "personal_info_system", "priced_by_fp",
)


# ------------------------------------------------------------------------------------------------
# Building tool results
# ------------------------------------------------------------------------------------------------


def tool_result_from(facts: Any, findings: Iterable[Any]) -> dict[str, Any]:
    """The tool-result shape from a :class:`~rfpcheck.pipeline.model.Facts` and a list of findings
    (objects with ``rule_id`` and ``status``, or dicts with those keys)."""
    fvals: dict[str, Any] = {}
    for name, f in (facts or {}).items():
        value = getattr(f, "value", f)
        source = getattr(f, "source", "inferred")
        fvals[name] = None if source == "unknown" and value != "unknown" else value
    rules: dict[str, str] = {}
    for fd in findings or []:
        rid = fd["rule_id"] if isinstance(fd, dict) else fd.rule_id
        st = fd["status"] if isinstance(fd, dict) else fd.status
        rules[rid] = st
    return {"facts": fvals, "rules": rules}


# ------------------------------------------------------------------------------------------------
# Facts
# ------------------------------------------------------------------------------------------------


def _label_status(entry: Any) -> Optional[str]:
    if isinstance(entry, dict):
        return entry.get("status")
    return entry if isinstance(entry, str) else None


def budget_matches(tool_facts: dict[str, Any], label_facts: dict[str, Any]) -> bool:
    """Exact budget agreement, like with like.

    The label's ``budget_krw`` is the amount as the document states it, with ``budget_vat`` saying
    whether VAT was included. The tool's ``budget_krw`` is normalised to VAT-included won (a
    VAT-excluded figure × 1.1) and ``budget_stated_krw`` keeps the stated figure. So: equal
    VAT-included amounts, or equal stated amounts when the label's figure excluded VAT.
    """
    lv = label_facts.get("budget_krw")
    if lv is None:
        return False
    tv = tool_facts.get("budget_krw")
    if tv is not None and int(tv) == int(lv):
        return True
    if label_facts.get("budget_vat") == "excluded":
        stated = tool_facts.get("budget_stated_krw")
        if stated is not None and int(stated) == int(lv):
            return True
        if tv is not None and int(tv) == int((Decimal(int(lv)) * Decimal("1.1")).to_integral_value()):
            return True
    return False


def _norm_method(v: Any) -> str:
    return "unknown" if v in (None, "", "unknown") else str(v)


def _fact_equal(name: str, tool_facts: dict[str, Any], label_facts: dict[str, Any]) -> bool:
    lv = label_facts.get(name)
    tv = tool_facts.get(name)
    if name == "budget_krw":
        return budget_matches(tool_facts, label_facts)
    if name == "contract_method":
        return _norm_method(tv) == _norm_method(lv)
    if name == "duration_months":
        if tv is None or lv is None:
            return tv is None and lv is None
        try:
            return abs(float(tv) - float(lv)) < 0.01
        except (TypeError, ValueError):
            return False
    if name == "public_sw_project":
        return tv is not None and bool(tv) == bool(lv)
    if name == "project_kinds":
        return set(tv or []) == set(lv or [])
    return tv == lv


def _fact_scored(name: str, label_facts: dict[str, Any]) -> bool:
    """Whether a label states ``name`` well enough to score it."""
    if name not in label_facts:
        return False
    lv = label_facts.get(name)
    if name in ("budget_krw", "duration_months"):
        return lv is not None
    if name in SECONDARY_FACTS and name != "project_kinds":
        return lv in ("yes", "no")
    return lv is not None


# ------------------------------------------------------------------------------------------------
# Scoring
# ------------------------------------------------------------------------------------------------


def _ratio(a: int, b: int) -> Optional[float]:
    return a / b if b else None


def _f1(p: Optional[float], r: Optional[float]) -> Optional[float]:
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def _mean(xs: list[Optional[float]]) -> Optional[float]:
    vals = [x for x in xs if x is not None]
    return sum(vals) / len(vals) if vals else None


def score(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Score ``(tool_result, label)`` pairs. See the module docstring for the definitions."""
    rule_ids: list[str] = []
    seen: set[str] = set()
    for _, lab in pairs:
        for rid in (lab.get("rules") or {}):
            if rid not in seen:
                seen.add(rid)
                rule_ids.append(rid)
    rules: dict[str, dict[str, Any]] = {}
    tot = {"tp": 0, "fp": 0, "fn": 0, "agree": 0, "compared": 0}
    for rid in rule_ids:
        r = {"labeled": 0, "covered": 0, "tp": 0, "fp": 0, "fn": 0, "tn": 0, "excluded_review": 0,
             "agree": 0, "compared": 0, "confusion": {}, "misses": []}
        for tool, lab in pairs:
            ls = _label_status((lab.get("rules") or {}).get(rid))
            if ls is None:
                continue
            r["labeled"] += 1
            ts = (tool.get("rules") or {}).get(rid)
            if ts is None:
                continue
            r["covered"] += 1
            r["compared"] += 1
            key = f"{ls}->{ts}"
            r["confusion"][key] = r["confusion"].get(key, 0) + 1
            if ts == ls:
                r["agree"] += 1
            if ls == "review":
                r["excluded_review"] += 1
                continue
            lf = ls in FLAGGED
            tf = ts in FLAGGED
            doc = lab.get("id", "?")
            if lf and tf:
                r["tp"] += 1
            elif tf and not lf:
                r["fp"] += 1
                r["misses"].append((doc, "fp", ls, ts))
            elif lf and not tf:
                r["fn"] += 1
                r["misses"].append((doc, "fn", ls, ts))
            else:
                r["tn"] += 1
        r["precision"] = _ratio(r["tp"], r["tp"] + r["fp"])
        r["recall"] = _ratio(r["tp"], r["tp"] + r["fn"])
        r["f1"] = _f1(r["precision"], r["recall"])
        r["agreement"] = _ratio(r["agree"], r["compared"])
        r["coverage"] = _ratio(r["covered"], r["labeled"])
        rules[rid] = r
        for k in ("tp", "fp", "fn", "agree", "compared"):
            tot[k] += r[k]
    covered_rules = [r for r in rules.values() if r["covered"]]
    micro_p = _ratio(tot["tp"], tot["tp"] + tot["fp"])
    micro_r = _ratio(tot["tp"], tot["tp"] + tot["fn"])
    overall = {
        "micro": {"precision": micro_p, "recall": micro_r, "f1": _f1(micro_p, micro_r),
                  "tp": tot["tp"], "fp": tot["fp"], "fn": tot["fn"]},
        "macro": {
            "precision": _mean([r["precision"] for r in covered_rules]),
            "recall": _mean([r["recall"] for r in covered_rules]),
            "f1": _mean([r["f1"] for r in covered_rules]),
            "agreement": _mean([r["agreement"] for r in covered_rules]),
        },
        "agreement": _ratio(tot["agree"], tot["compared"]),
        "rules_total": len(rules),
        "rules_covered": len(covered_rules),
    }

    facts: dict[str, dict[str, Any]] = {}
    for name in PRIMARY_FACTS + SECONDARY_FACTS:
        f = {"correct": 0, "total": 0, "misses": []}
        for tool, lab in pairs:
            lf = lab.get("facts") or {}
            if not _fact_scored(name, lf):
                continue
            tf = tool.get("facts") or {}
            f["total"] += 1
            if _fact_equal(name, tf, lf):
                f["correct"] += 1
            else:
                f["misses"].append((lab.get("id", "?"), tf.get(name), lf.get(name)))
        f["accuracy"] = _ratio(f["correct"], f["total"])
        f["primary"] = name in PRIMARY_FACTS
        facts[name] = f
    return {"documents": len(pairs), "rules": rules, "overall": overall, "facts": facts}


def _safe_run(run_one: Callable[[str], dict[str, Any]], path: str) -> tuple[dict[str, Any], Optional[str]]:
    try:
        result = run_one(path)
    except Exception as e:  # one bad document must not stop a corpus run
        return {"facts": {}, "rules": {}}, f"{type(e).__name__}: {e}"
    err = result.get("error") if isinstance(result, dict) else None
    return result, (str(err) if err else None)


def run_eval(
    label_dir: str | Path,
    doc_paths: Iterable[str | Path],
    run_one: Callable[[str], dict[str, Any]],
    jobs: int = 1,
) -> dict[str, Any]:
    """Run ``run_one(path) -> tool_result`` on every document that has ``label_dir/<stem>.json``
    and score the results. A document the tool fails on (an exception, or a result with an
    ``"error"``) is listed under ``errors``; its missing rules count as not covered and its missing
    facts as wrong. With ``jobs`` > 1 the documents run in a process pool (``run_one`` must then
    be a module-level function)."""
    label_dir = Path(label_dir)
    todo: list[tuple[str, dict[str, Any]]] = []
    unlabeled: list[str] = []
    for p in doc_paths:
        p = Path(p)
        lp = label_dir / f"{p.stem}.json"
        if not lp.is_file():
            unlabeled.append(str(p))
            continue
        label = json.loads(lp.read_text(encoding="utf-8"))
        label.setdefault("id", p.stem)
        todo.append((str(p), label))
    paths = [t[0] for t in todo]
    if jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(partial(_safe_run, run_one), paths, chunksize=1))
    else:
        outcomes = [_safe_run(run_one, p) for p in paths]
    pairs = []
    errors: dict[str, str] = {}
    for (path, label), (result, err) in zip(todo, outcomes):
        if err:
            errors[Path(path).stem] = err
        pairs.append((result, label))
    out = score(pairs)
    out["doc_ids"] = [Path(p).stem for p in paths]
    out["errors"] = errors
    out["unlabeled"] = unlabeled
    return out


# ------------------------------------------------------------------------------------------------
# Table
# ------------------------------------------------------------------------------------------------


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def _pad(s: str, w: int, right: bool = False) -> str:
    gap = max(0, w - _width(s))
    return (" " * gap + s) if right else (s + " " * gap)


def _pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(_pad(c, w, right=i > 0) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()


def format_table(scores: dict[str, Any], max_misses: int = 30) -> str:
    """A fixed-width report of :func:`score` output (rules, overall, facts, fact misses)."""
    lines: list[str] = []
    n = scores.get("documents", 0)
    lines.append(f"평가 문서 {n}건")
    if scores.get("errors"):
        lines.append(f"실패 {len(scores['errors'])}건: " + ", ".join(sorted(scores["errors"])))
    lines.append("")
    lines.append("규칙별 성능 (flagged = 위반·누락; 라벨 검토필요는 정밀도·재현율에서 제외)")
    head = ["규칙", "적용범위", "TP", "FP", "FN", "정밀도", "재현율", "F1", "상태일치"]
    widths = [8, 9, 4, 4, 4, 7, 7, 7, 8]
    lines.append(_row(head, widths))
    lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    for rid, r in scores.get("rules", {}).items():
        cov = f"{r['covered']}/{r['labeled']}"
        lines.append(_row([rid, cov, str(r["tp"]), str(r["fp"]), str(r["fn"]), _pct(r["precision"]),
                           _pct(r["recall"]), _pct(r["f1"]), _pct(r["agreement"])], widths))
    ov = scores.get("overall", {})
    if ov:
        lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        mi, ma = ov["micro"], ov["macro"]
        lines.append(_row(["micro", f"{ov['rules_covered']}/{ov['rules_total']}", str(mi["tp"]), str(mi["fp"]),
                           str(mi["fn"]), _pct(mi["precision"]), _pct(mi["recall"]), _pct(mi["f1"]),
                           _pct(ov["agreement"])], widths))
        lines.append(_row(["macro", "", "", "", "", _pct(ma["precision"]), _pct(ma["recall"]),
                           _pct(ma["f1"]), _pct(ma["agreement"])], widths))
    lines.append("")
    lines.append("사실 정확도 (라벨에 값이 있는 문서만)")
    rows = [(name if f.get("primary") else f"{name} (참고)", f) for name, f in scores.get("facts", {}).items()]
    fw = [max([_width("사실")] + [_width(r[0]) for r in rows]) + 2, 10, 8]
    lines.append(_row(["사실", "맞음/전체", "정확도"], fw))
    lines.append("-" * (sum(fw) + 4))
    for label, f in rows:
        lines.append(_row([label, f"{f['correct']}/{f['total']}", _pct(f["accuracy"])], fw))
    misses = [(name, m) for name, f in scores.get("facts", {}).items() if f.get("primary") for m in f["misses"]]
    if misses:
        lines.append("")
        lines.append("틀린 사실")
        for name, (doc, tv, lv) in misses[:max_misses]:
            lines.append(f"  {doc}  {name}: 도구={tv!r} 라벨={lv!r}")
        if len(misses) > max_misses:
            lines.append(f"  … 외 {len(misses) - max_misses}건")
    return "\n".join(lines)
