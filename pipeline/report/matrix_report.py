"""The reviewer's spreadsheet in wide form: one row per document, one column per rule.

Columns: 문서, 형식, 사업명, 사업금액, then each rule of the report in catalog order holding the Korean
status (with " (억제)" when a configured suppression covers it), then the document's counts of 위반,
누락 and 검토필요, and 오류 내용 for a file that could not be read. The last row counts, per rule, the
documents where it was violated or missing. Counts include suppressed findings, as the JSON summary does.
With ``lang="en"`` headers, statuses and labels are English.
"""
from __future__ import annotations

from ..i18n import Locale, get_locale
from .csv_report import rule_order, write_rows
from .text import error_text

COUNTED = ("violation", "missing", "review")  # the per-document total columns
FAILING = ("violation", "missing")  # what the last row counts per rule


def _fact(entry: dict, name: str):
    fact = (entry.get("facts") or {}).get(name) or {}
    return fact.get("value")


def cell_status(finding: dict, L: Locale | None = None) -> str:
    L = L or get_locale("ko")
    s = L.status(finding["status"])
    return s + L.t("matrix_csv.suppressed_suffix") if finding.get("suppressed") else s


def rows(report: dict, lang: str | None = None) -> list[list]:
    """The table (header first, total row last) before CSV encoding."""
    L = get_locale(lang)
    rule_ids = rule_order(report)
    header = [L.t("matrix_csv.document"), L.t("matrix_csv.format"), L.t("matrix_csv.project_name"),
              L.t("matrix_csv.budget"), *rule_ids, *(L.status(s) for s in COUNTED), L.t("matrix_csv.error")]
    out: list[list] = [header]
    per_rule = dict.fromkeys(rule_ids, 0)
    grand = dict.fromkeys(COUNTED, 0)
    for entry in report.get("documents", []):
        doc = entry.get("document") or {}
        head = [doc.get("path"), (doc.get("format") or "").upper(),
                _fact(entry, "project_name"), _fact(entry, "budget_krw")]
        err = entry.get("error")
        if err:
            out.append([*head, *([L.t("label.error")] * len(rule_ids)), *([""] * len(COUNTED)),
                        error_text(err, L)])
            continue
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        not_impl = set(entry.get("rules_not_implemented") or [])
        counts = dict.fromkeys(COUNTED, 0)
        cells = []
        for rid in rule_ids:
            f = by_id.get(rid)
            if f is None:
                cells.append(L.t("status.not_implemented") if rid in not_impl else "")
                continue
            cells.append(cell_status(f, L))
            if f["status"] in counts:
                counts[f["status"]] += 1
            if f["status"] in FAILING:
                per_rule[rid] += 1
        for k, v in counts.items():
            grand[k] += v
        out.append([*head, *cells, *(counts[s] for s in COUNTED), ""])
    out.append([L.t("matrix_csv.total"), "", "", "", *(per_rule[r] for r in rule_ids),
                *(grand[s] for s in COUNTED), ""])
    return out


def render(report: dict, lang: str | None = None, **options) -> str:
    return write_rows(rows(report, lang))
