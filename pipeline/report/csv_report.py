"""The reviewer's spreadsheet in long form: one row per document × rule, one row per unreadable file.

Every rule row is written whatever its status (a reviewer filters the 상태 column in the spreadsheet
program), so the row count of a batch is documents × rules + unreadable files. Cells that hold text
from a document are untrusted: a cell a spreadsheet would read as a formula gets a leading apostrophe.
"""
from __future__ import annotations

import csv
import io
from typing import Iterable, Optional

from ..model import STATUS_KO

HEADER = [
    "문서", "형식", "규칙", "항목", "상태", "심각도", "판단", "근거 문구", "위치",
    "법적 근거", "권고 문안", "억제 사유", "기준선", "지문",
]
ERROR_STATUS = "오류"
NOT_IMPLEMENTED_STATUS = "미구현"
SEVERITY_KO = {"error": "높음", "warning": "보통", "info": "낮음", "none": ""}
BASELINE_KO = {"new": "신규", "unchanged": "기존"}
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


def citation_text(citations: list[dict]) -> str:
    return "; ".join(
        f"{c['law']} {c['article']}".strip() + (f" ({c['note']})" if c.get("note") else "")
        for c in citations or []
    )


def where(ev: dict) -> str:
    parts = [p for p in (ev.get("location"), ev.get("section")) if p]
    return " · ".join(parts)


def _finding_row(doc: dict, f: dict) -> list:
    evidence = f.get("evidence") or []
    suppressed: Optional[dict] = f.get("suppressed")
    return [
        doc.get("path"),
        (doc.get("format") or "").upper(),
        f["rule_id"],
        f.get("title"),
        STATUS_KO.get(f["status"], f["status"]),
        SEVERITY_KO.get(f.get("severity"), f.get("severity")),
        f.get("message"),
        QUOTE_SEP.join(ev.get("quote") or "" for ev in evidence),
        QUOTE_SEP.join(where(ev) for ev in evidence if where(ev)),
        citation_text(f.get("citations")),
        f.get("suggestion"),
        suppressed.get("reason") if suppressed else "",
        BASELINE_KO.get(f.get("baseline_state"), f.get("baseline_state")),
        f.get("fingerprint"),
    ]


def rows(report: dict) -> list[list]:
    """The table (header first) before CSV encoding."""
    from rfpcheck.checks.registry import all_rules

    catalog = all_rules()
    out: list[list] = [list(HEADER)]
    for entry in report.get("documents", []):
        doc = entry.get("document") or {}
        err = entry.get("error")
        if err:
            out.append([doc.get("path"), (doc.get("format") or "").upper(), "", "", ERROR_STATUS, "",
                        err.get("message"), "", "", "", "", "", "", ""])
            continue
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        not_impl = set(entry.get("rules_not_implemented") or [])
        for rid in rule_order({"documents": [entry]}):
            f = by_id.get(rid)
            if f is not None:
                out.append(_finding_row(doc, f))
            elif rid in not_impl:
                rule = catalog.get(rid)
                out.append([doc.get("path"), (doc.get("format") or "").upper(), rid,
                            rule.title if rule else "", NOT_IMPLEMENTED_STATUS, "",
                            "이 버전은 이 항목을 점검하지 않습니다.", "", "",
                            rule.citation_label() if rule else "", "", "", "", ""])
    return out


def render(report: dict, verbose: bool = False, **options) -> str:
    # every rule row is written with or without ``verbose``: filtering belongs to the spreadsheet
    return write_rows(rows(report))
