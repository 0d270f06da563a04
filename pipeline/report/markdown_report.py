"""The human report as Korean Markdown, for attaching to an e-approval or a wiki page.

Same content and order as the terminal report: per document the facts, a table of every rule, then
the flagged findings (위반, 누락, 검토필요) with judgement, quotes and their locations, legal basis,
applicability and a model clause. Every string that ends up in the Markdown is escaped, so text taken
from a document (a quote with ``|``, ``*`` or ``<script>``) can never change the layout.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from ..model import STATUS_KO
from .text import _FACT_LABELS, _SOURCE_KO, _fact_value, _where

# statuses that get a section with full detail; the others only appear in the rule table
DETAIL_STATUSES = ("violation", "missing", "review")
ALL_STATUSES = tuple(STATUS_KO)
# the facts an official looks for first, in this order
MAIN_FACTS = ("project_name", "budget_krw", "duration_months", "contract_method", "project_kinds")
BASELINE_KO = {"new": "신규", "unchanged": "기존"}
SEVERITY_KO = {"error": "오류", "warning": "경고", "info": "참고"}
MAX_QUOTES = 5
NOT_IMPLEMENTED_KO = "미구현"

# ---------------------------------------------------------------- helpers shared with html_report


def doc_name(path: str) -> str:
    """The file name of a document path, for either separator."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path


def fact_rows(facts: dict[str, Any], verbose: bool) -> list[tuple[str, str, str]]:
    """(label, value, where it came from) for the facts table."""
    labels = dict(_FACT_LABELS)
    names = list(MAIN_FACTS)
    if verbose:
        names += [n for n, _ in _FACT_LABELS if n not in MAIN_FACTS]
    rows = []
    for name in names:
        f = facts.get(name)
        if f is None:
            rows.append((labels[name], "확인 불가", ""))
            continue
        src = f.get("source", "unknown")
        basis = _SOURCE_KO.get(src, "") if src != "unknown" else ""
        ev = (f.get("evidence") or [None])[0]
        if ev and src != "unknown":
            basis += f" · {_where(ev)}"
        rows.append((labels[name], _fact_value(name, f), basis))
    return rows


def rule_rows(entry: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None]]:
    """(rule id, title, finding or None when not implemented) in catalog order."""
    from rfpcheck.checks.registry import all_rules

    by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
    not_impl = set(entry.get("rules_not_implemented") or [])
    rows = []
    for rid, rule in all_rules().items():
        f = by_id.pop(rid, None)
        if f is not None:
            rows.append((rid, f.get("title") or rule.title, f))
        elif rid in not_impl:
            rows.append((rid, rule.title, None))
    # a finding of a rule the installed catalog does not know still gets its row
    rows.extend((rid, f.get("title", ""), f) for rid, f in by_id.items())
    return rows


def marks(finding: dict[str, Any]) -> list[str]:
    """Korean marks beside a status: 억제됨, 신규/기존."""
    out = []
    if finding.get("suppressed"):
        out.append("억제됨")
    state = finding.get("baseline_state")
    if state in BASELINE_KO:
        out.append(BASELINE_KO[state])
    return out


def suppression_detail(finding: dict[str, Any]) -> str | None:
    """'사유 (출처)' of a suppressed finding, else None."""
    s = finding.get("suppressed")
    if not s:
        return None
    text = f"사유: {s.get('reason', '')}"
    if s.get("source"):
        text += f" ({s['source']})"
    return text


def baseline_detail(finding: dict[str, Any]) -> str | None:
    return {
        "new": "기준 보고서에 없던 지적입니다.",
        "unchanged": "기준 보고서에 이미 있던 지적입니다.",
    }.get(finding.get("baseline_state") or "")


def notes(finding: dict[str, Any]) -> list[tuple[str, str]]:
    """(mark, explanation) lines of a finding card: 억제됨 with its reason, 신규/기존."""
    out = []
    sup = suppression_detail(finding)
    if sup:
        out.append(("억제됨", sup))
    base = baseline_detail(finding)
    if base:
        out.append((BASELINE_KO[finding["baseline_state"]], base))
    return out


def counts(entry: dict[str, Any]) -> dict[str, int]:
    summary = entry.get("summary") or {}
    if summary:
        return {s: int(summary.get(s, 0)) for s in ALL_STATUSES}
    c = {s: 0 for s in ALL_STATUSES}
    for f in entry.get("findings") or []:
        c[f["status"]] = c.get(f["status"], 0) + 1
    return c


def mark_counts(entry: dict[str, Any]) -> dict[str, int]:
    """How many findings are 억제됨 / 신규 / 기존 (only the marks that occur)."""
    c: dict[str, int] = {}
    for f in entry.get("findings") or []:
        for m in marks(f):
            c[m] = c.get(m, 0) + 1
    return c


def citation_text(citations: Iterable[dict[str, Any]]) -> list[str]:
    return [
        f"{c.get('law', '')} {c.get('article', '')}".strip() + (f" ({c['note']})" if c.get("note") else "")
        for c in citations
    ]


def size_text(doc: dict[str, Any]) -> str:
    parts = []
    if doc.get("format"):
        parts.append(f"형식 {str(doc['format']).upper()}")
    parts.append(f"{doc['pages']}쪽" if doc.get("pages") else "쪽 정보 없음")
    if doc.get("sha256"):
        parts.append(f"sha256 {doc['sha256'][:12]}…")
    return " · ".join(parts)


# ---------------------------------------------------------------- Markdown escaping

_WS = re.compile(r"\s+")
# ASCII punctuation that starts or ends Markdown constructs anywhere in a line
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# what turns the start of a line into a heading, list, quote, rule or code block
_LEADING = re.compile(r"^(#|[-+=](?=\s|$|[-=])|\d+(?=[.)](?:\s|$)))")


def esc(text: Any) -> str:
    """Inline Markdown text: one line, every significant character backslash-escaped."""
    s = _WS.sub(" ", str(text)).strip()
    s = _INLINE.sub(r"\\\1", s)
    s = _ENTITY.sub(r"\\&", s)
    m = _LEADING.match(s)
    if m:
        if m.group(1)[0].isdigit():  # "1." -> "1\." so it stays text, not a list item
            s = m.group(1) + "\\" + s[len(m.group(1)):]
        else:
            s = "\\" + s
    return s


def _cell(text: Any) -> str:
    return esc(text) or " "


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    """Cells must already be escaped."""
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


# ---------------------------------------------------------------- rendering


def _status_cell(f: dict[str, Any] | None) -> str:
    if f is None:
        return NOT_IMPLEMENTED_KO
    label = esc(STATUS_KO.get(f["status"], f["status"]))
    if f["status"] in ("violation", "missing"):
        label = f"**{label}**"
    extra = marks(f)
    if extra:
        label += " (" + ", ".join(esc(m) for m in extra) + ")"
    return label


def _finding(f: dict[str, Any], num: int) -> list[str]:
    status = STATUS_KO.get(f["status"], f["status"])
    head = f"#### {num}. {esc(f['rule_id'])} {esc(f.get('title', ''))} — {esc(status)}"
    extra = marks(f)
    if extra:
        head += " · " + " · ".join(esc(m) for m in extra)
    out = [head, ""]
    sev = SEVERITY_KO.get(f.get("severity", "none"))
    if sev:
        out.append(f"- **심각도**: {esc(sev)}")
    for mark, detail in notes(f):
        out.append(f"- **{esc(mark)}**: {esc(detail)}")
    out.append(f"- **판단**: {esc(f.get('message', ''))}")
    out.append("")
    evidence = f.get("evidence") or []
    if evidence:
        out.append("**문구**")
        out.append("")
        for ev in evidence[:MAX_QUOTES]:
            out.append(f"> {esc(ev.get('quote', ''))}")
            out.append(">")
            out.append(f"> — {esc(_where(ev))}")
            out.append("")
        if len(evidence) > MAX_QUOTES:
            out.append(f"외 문구 {len(evidence) - MAX_QUOTES}건")
            out.append("")
    if f.get("looked_for"):
        out.append(f"- **찾은 내용**: {esc(f['looked_for'])}")
    cites = citation_text(f.get("citations") or [])
    if cites:
        out.append(f"- **법적 근거**: {'; '.join(esc(c) for c in cites)}")
    if f.get("applies"):
        out.append(f"- **적용 이유**: {esc(f['applies'])}")
    if f.get("suggestion"):
        out.append("- **권고 문안**:")
        out.append("")
        out.append(f"  > {esc(f['suggestion'])}")
    out.append("")
    return out


def _document(entry: dict[str, Any], num: int, verbose: bool) -> list[str]:
    doc = entry["document"]
    out = [f"## {num}. {esc(doc_name(doc['path']))}", ""]
    out.append(f"- 경로: {esc(doc['path'])}")
    if entry.get("error"):
        err = entry["error"]
        out.append("")
        out.append(f"> **오류**: {esc(err.get('message', ''))}")
        out.append("")
        out.append("이 문서는 읽지 못해 점검하지 않았습니다.")
        out.append("")
        return out
    out.append(f"- {esc(size_text(doc))}")
    out.append("")

    out.append("### 사업 정보")
    out.append("")
    out += _table(["항목", "내용", "근거"],
                  [[_cell(a), _cell(b), _cell(c)] for a, b, c in fact_rows(entry.get("facts") or {}, verbose)])
    out.append("")

    rows = rule_rows(entry)
    c = counts(entry)
    line = " · ".join(f"{STATUS_KO[s]} {c[s]}" for s in ALL_STATUSES)
    n_impl = sum(1 for _, _, f in rows if f is None)
    if n_impl:
        line += f" · {NOT_IMPLEMENTED_KO} {n_impl}"
    mc = mark_counts(entry)
    if mc:
        line += " (" + " · ".join(f"{k} {v}" for k, v in mc.items()) + ")"
    out.append(f"**점검 결과** ({len(rows)}개 항목): {esc(line)}")
    out.append("")

    out.append("### 항목별 결과")
    out.append("")
    out += _table(["ID", "항목", "상태"], [[_cell(rid), _cell(title), _status_cell(f)] for rid, title, f in rows])
    out.append("")

    shown = ALL_STATUSES if verbose else DETAIL_STATUSES
    for status in shown:
        group = [f for _, _, f in rows if f is not None and f["status"] == status]
        if not group:
            continue
        out.append(f"### {esc(STATUS_KO[status])} ({len(group)}건)")
        out.append("")
        for i, f in enumerate(group, 1):
            out += _finding(f, i)
    return out


def _batch_summary(docs: list[dict[str, Any]]) -> list[str]:
    head = ["번호", "문서"] + [STATUS_KO[s] for s in ALL_STATUSES] + ["비고"]
    rows = []
    for i, entry in enumerate(docs, 1):
        name = _cell(doc_name(entry["document"]["path"]))
        if entry.get("error"):
            rows.append([str(i), name] + ["-"] * len(ALL_STATUSES)
                        + [_cell("오류: " + entry["error"].get("message", ""))])
            continue
        c = counts(entry)
        note = ", ".join(f"{k} {v}" for k, v in mark_counts(entry).items())
        rows.append([str(i), name] + [str(c[s]) for s in ALL_STATUSES] + [_cell(note)])
    errors = sum(1 for e in docs if e.get("error"))
    flagged = sum(1 for e in docs if not e.get("error")
                  and any(counts(e)[s] for s in ("violation", "missing")))
    out = ["## 문서별 요약", ""]
    out.append(esc(f"문서 {len(docs)}건 · 위반 또는 누락이 있는 문서 {flagged}건 · 읽지 못한 문서 {errors}건"))
    out.append("")
    out += _table(head, rows)
    out.append("")
    return out


def render(report: dict, verbose: bool = False, **options) -> str:
    tool = report.get("tool") or {}
    docs = report.get("documents") or []
    out = ["# 공공 SW사업 제안요청서 법제도 점검 보고서", ""]
    out.append(esc(f"{tool.get('name', 'rfpcheck')} {tool.get('version', '')}".strip() + f" · 문서 {len(docs)}건"))
    out.append("")
    if len(docs) >= 2:
        out += _batch_summary(docs)
    for i, entry in enumerate(docs, 1):
        out += _document(entry, i, verbose)
    return "\n".join(out).rstrip() + "\n"
