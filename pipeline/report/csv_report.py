"""The reviewer's spreadsheet in long form: one row per document × rule, one row per unreadable file.

Every rule row is written whatever its status (a reviewer filters the 상태 column in the spreadsheet
program), so the row count of a batch is documents × rules + unreadable files. Cells that hold text
from a document are untrusted: a cell a spreadsheet would read as a formula gets a leading apostrophe.
With ``lang="en"`` the headers and labels are English and an "Explanation" column (the English meaning of
the status for the rule) comes before the Korean judgement.
"""
from __future__ import annotations

import csv
import io
from typing import Iterable, Optional

from ..i18n import Locale, get_locale

# the columns, as locale keys ``csv.<column>`` (Korean: 문서, 형식, 규칙, 항목, 상태, 심각도, 판단, 근거 문구,
# 위치, 법적 근거, 권고 문안, 억제 사유, 기준선, 지문); an English sheet has one more column, the English
# explanation of the status, before the Korean judgement
_COLUMNS = ["document", "format", "rule", "title", "status", "severity", "detail", "quotes", "location",
            "basis", "suggestion", "suppression", "baseline", "fingerprint"]
_COLUMNS_EN = _COLUMNS[:6] + ["explanation"] + _COLUMNS[6:]
QUOTE_SEP = " / "

# a spreadsheet starts a formula (or a DDE call) at a cell beginning with one of these
_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")
# other C0 control characters only confuse spreadsheet programs; line breaks and tabs are kept
_CONTROL = {c: " " for c in range(32) if c not in (9, 10, 13)}
_CONTROL[0x7F] = " "


def safe_cell(value) -> str:
    """A cell value as text that a spreadsheet program shows as text, never evaluates."""
    if value is None:
        return ""
    s = value if isinstance(value, str) else str(value)
    s = s.translate(_CONTROL)
    if s.startswith(_FORMULA_LEAD):
        s = "'" + s
    return s


def write_rows(rows: Iterable[list]) -> str:
    """RFC 4180 CSV (quoted where needed, CRLF line ends) with every cell passed through safe_cell."""
    buf = io.StringIO()
    w = csv.writer(buf, dialect="excel", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in rows:
        w.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


def rule_order(report: dict) -> list[str]:
    """Rule IDs that occur in the report (findings or not implemented), in catalog order."""
    from rfpcheck.checks.registry import all_rules

    seen: set[str] = set()
    for entry in report.get("documents", []):
        seen.update(f["rule_id"] for f in entry.get("findings") or [])
        seen.update(entry.get("rules_not_implemented") or [])
    catalog = list(all_rules())
    ordered = [rid for rid in catalog if rid in seen]
    return ordered + sorted(seen.difference(catalog))  # ids unknown to this catalog go last


def citation_text(citations: list[dict], L: Locale | None = None) -> str:
    L = L or get_locale("ko")
    return "; ".join(L.citation(c) for c in citations or [])


def where(ev: dict, L: Locale | None = None) -> str:
    return (L or get_locale("ko")).where(ev, empty="")


def _row(L: Locale, **cells) -> list:
    """One row in the column order of the language (absent cells are empty)."""
    return [cells.get(k, "") for k in (_COLUMNS_EN if L.en else _COLUMNS)]


def _finding_row(doc: dict, f: dict, L: Locale) -> list:
    evidence = f.get("evidence") or []
    suppressed: Optional[dict] = f.get("suppressed")
    severity = f.get("severity")
    return _row(
        L,
        document=doc.get("path"),
        format=(doc.get("format") or "").upper(),
        rule=f["rule_id"],
        title=L.rule_title(f["rule_id"], f.get("title")),
        status=L.status(f["status"]),
        severity=L.severity(severity, "level") if severity in ("error", "warning", "info", "none") else severity,
        explanation=L.explanation(f),
        detail=f.get("message"),
        quotes=QUOTE_SEP.join(ev.get("quote") or "" for ev in evidence),
        location=QUOTE_SEP.join(where(ev, L) for ev in evidence if where(ev, L)),
        basis=citation_text(f.get("citations"), L),
        suggestion=f.get("suggestion"),
        suppression=suppressed.get("reason") if suppressed else "",
        baseline=L.baseline(f.get("baseline_state")) or f.get("baseline_state"),
        fingerprint=f.get("fingerprint"),
    )


def header(L: Locale | None = None) -> list[str]:
    L = L or get_locale("ko")
    return [L.t(f"csv.{k}") for k in (_COLUMNS_EN if L.en else _COLUMNS)]


def rows(report: dict, lang: str | None = None) -> list[list]:
    """The table (header first) before CSV encoding."""
    from rfpcheck.checks.registry import all_rules

    L = get_locale(lang)
    catalog = all_rules()
    out: list[list] = [header(L)]
    for entry in report.get("documents", []):
        doc = entry.get("document") or {}
        fmt = (doc.get("format") or "").upper()
        err = entry.get("error")
        if err:
            if L.en:
                out.append(_row(L, document=doc.get("path"), format=fmt, status=L.t("label.error"),
                                explanation=L.error_reason(err.get("code")), detail=err.get("message")))
            else:
                out.append(_row(L, document=doc.get("path"), format=fmt, status=L.t("label.error"),
                                detail=err.get("message")))
            continue
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        not_impl = set(entry.get("rules_not_implemented") or [])
        for rid in rule_order({"documents": [entry]}):
            f = by_id.get(rid)
            if f is not None:
                out.append(_finding_row(doc, f, L))
            elif rid in not_impl:
                rule = catalog.get(rid)
                out.append(_row(
                    L, document=doc.get("path"), format=fmt, rule=rid,
                    title=L.rule_title(rid, rule.title) if rule else "", status=L.t("status.not_implemented"),
                    **{"explanation" if L.en else "detail": L.t("csv.not_implemented_detail")},
                    basis=(("; ".join(L.citation(c) for c in rule.citations) if L.en else rule.citation_label())
                           if rule else ""),
                ))
    return out


def render(report: dict, verbose: bool = False, lang: str | None = None, **options) -> str:
    # every rule row is written with or without ``verbose``: filtering belongs to the spreadsheet
    return write_rows(rows(report, lang))
