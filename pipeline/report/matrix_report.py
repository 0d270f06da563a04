"""The reviewer's spreadsheet in wide form: one row per document, one column per rule.

Columns: 문서, 형식, 사업명, 사업금액, then each rule of the report in catalog order holding the Korean
status (with " (억제)" when a configured suppression covers it), then the document's counts of 위반,
누락 and 검토필요, and 오류 내용 for a file that could not be read. The last row counts, per rule, the
documents where it was violated or missing. Counts include suppressed findings, as the JSON summary does.
"""
from __future__ import annotations

from ..model import STATUS_KO
from .csv_report import ERROR_STATUS, NOT_IMPLEMENTED_STATUS, rule_order, write_rows

TOTAL_LABEL = "합계 (위반+누락)"
SUPPRESSED_SUFFIX = " (억제)"
COUNTED = ("violation", "missing", "review")  # the per-document total columns
FAILING = ("violation", "missing")  # what the last row counts per rule


def _fact(entry: dict, name: str):
    fact = (entry.get("facts") or {}).get(name) or {}
    return fact.get("value")


def cell_status(finding: dict) -> str:
    s = STATUS_KO.get(finding["status"], finding["status"])
    return s + SUPPRESSED_SUFFIX if finding.get("suppressed") else s


def rows(report: dict) -> list[list]:
    """The table (header first, total row last) before CSV encoding."""
    rule_ids = rule_order(report)
    header = ["문서", "형식", "사업명", "사업금액", *rule_ids,
              *(STATUS_KO[s] for s in COUNTED), "오류 내용"]
    out: list[list] = [header]
    per_rule = dict.fromkeys(rule_ids, 0)
    grand = dict.fromkeys(COUNTED, 0)
    for entry in report.get("documents", []):
        doc = entry.get("document") or {}
        head = [doc.get("path"), (doc.get("format") or "").upper(),
                _fact(entry, "project_name"), _fact(entry, "budget_krw")]
        err = entry.get("error")
        if err:
            out.append([*head, *([ERROR_STATUS] * len(rule_ids)), *([""] * len(COUNTED)),
                        err.get("message")])
            continue
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        not_impl = set(entry.get("rules_not_implemented") or [])
        counts = dict.fromkeys(COUNTED, 0)
        cells = []
        for rid in rule_ids:
            f = by_id.get(rid)
            if f is None:
                cells.append(NOT_IMPLEMENTED_STATUS if rid in not_impl else "")
                continue
            cells.append(cell_status(f))
            if f["status"] in counts:
                counts[f["status"]] += 1
            if f["status"] in FAILING:
                per_rule[rid] += 1
        for k, v in counts.items():
            grand[k] += v
        out.append([*head, *cells, *(counts[s] for s in COUNTED), ""])
    out.append([TOTAL_LABEL, "", "", "", *(per_rule[r] for r in rule_ids),
                *(grand[s] for s in COUNTED), ""])
    return out


def render(report: dict, **options) -> str:
    return write_rows(rows(report))
