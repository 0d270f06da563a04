"""The human report as Markdown (Korean, or English with ``lang="en"``), for attaching to an e-approval
or a wiki page.

Same content and order as the terminal report: per document the facts, a table of every rule, then
the flagged findings (위반, 누락, 검토필요) with judgement, quotes and their locations, legal basis,
applicability and a model clause. Every string that ends up in the Markdown is escaped, so text taken
from a document (a quote with ``|``, ``*`` or ``<script>``) can never change the layout.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from ..i18n import Locale, get_locale
from ..model import STATUS_KO
from .text import _FACT_LABELS, error_text

# statuses that get a section with full detail; the others only appear in the rule table
DETAIL_STATUSES = ("violation", "missing", "review")
ALL_STATUSES = tuple(STATUS_KO)
# the facts an official looks for first, in this order
MAIN_FACTS = ("project_name", "budget_krw", "duration_months", "contract_method", "project_kinds")
MAX_QUOTES = 5

_KO = get_locale("ko")

# ---------------------------------------------------------------- helpers shared with html_report


def doc_name(path: str) -> str:
    """The file name of a document path, for either separator."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path


def fact_rows(facts: dict[str, Any], verbose: bool, L: Locale = _KO) -> list[tuple[str, str, str]]:
    """(label, value, where it came from) for the facts table."""
    names = list(MAIN_FACTS)
    if verbose:
        names += [n for n, _ in _FACT_LABELS if n not in MAIN_FACTS]
    rows = []
    for name in names:
        f = facts.get(name)
        if f is None:
            rows.append((L.fact_label(name), L.t("fact.unknown"), ""))
            continue
        src = f.get("source", "unknown")
        basis = L.source(src) if src != "unknown" else ""
        ev = (f.get("evidence") or [None])[0]
        if ev and src != "unknown":
            basis += f" · {L.where(ev)}"
        rows.append((L.fact_label(name), L.fact_value(name, f), basis))
    return rows


def rule_rows(entry: dict[str, Any], L: Locale = _KO) -> list[tuple[str, str, dict[str, Any] | None]]:
    """(rule id, title, finding or None when not implemented) in catalog order."""
    from rfpcheck.checks.registry import all_rules

    by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
    not_impl = set(entry.get("rules_not_implemented") or [])
    rows = []
    for rid, rule in all_rules().items():
        f = by_id.pop(rid, None)
        if f is not None:
            rows.append((rid, L.rule_title(rid, f.get("title") or rule.title), f))
        elif rid in not_impl:
            rows.append((rid, L.rule_title(rid, rule.title), None))
    # a finding of a rule the installed catalog does not know still gets its row
    rows.extend((rid, L.rule_title(rid, f.get("title", "")), f) for rid, f in by_id.items())
    return rows


def marks(finding: dict[str, Any], L: Locale = _KO) -> list[str]:
    """Marks beside a status: 억제됨, 신규/기존 (Suppressed, New/Unchanged)."""
    out = []
    if finding.get("suppressed"):
        out.append(L.t("mark.suppressed"))
    state = finding.get("baseline_state")
    if L.baseline(state):
        out.append(L.baseline(state))
    return out


def suppression_detail(finding: dict[str, Any], L: Locale = _KO) -> str | None:
    """'사유: reason (source)' of a suppressed finding, else None."""
    s = finding.get("suppressed")
    if not s:
        return None
    text = f"{L.t('mark.reason')}: {s.get('reason', '')}"
    if s.get("source"):
        text += f" ({s['source']})"
    return text


def baseline_detail(finding: dict[str, Any], L: Locale = _KO) -> str | None:
    state = finding.get("baseline_state")
    return L.t(f"baseline.{state}_detail") if state in ("new", "unchanged") else None


def notes(finding: dict[str, Any], L: Locale = _KO) -> list[tuple[str, str]]:
    """(mark, explanation) lines of a finding card: suppressed with its reason, new/unchanged."""
    out = []
    sup = suppression_detail(finding, L)
    if sup:
        out.append((L.t("mark.suppressed"), sup))
    base = baseline_detail(finding, L)
    if base:
        out.append((L.baseline(finding["baseline_state"]), base))
    return out


def counts(entry: dict[str, Any]) -> dict[str, int]:
    summary = entry.get("summary") or {}
    if summary:
        return {s: int(summary.get(s, 0)) for s in ALL_STATUSES}
    c = {s: 0 for s in ALL_STATUSES}
    for f in entry.get("findings") or []:
        c[f["status"]] = c.get(f["status"], 0) + 1
    return c


def mark_counts(entry: dict[str, Any], L: Locale = _KO) -> dict[str, int]:
    """How many findings carry each mark (only the marks that occur)."""
    c: dict[str, int] = {}
    for f in entry.get("findings") or []:
        for m in marks(f, L):
            c[m] = c.get(m, 0) + 1
    return c


def citation_text(citations: Iterable[dict[str, Any]], L: Locale = _KO) -> list[str]:
    return [L.citation(c) for c in citations]


def size_text(doc: dict[str, Any], L: Locale = _KO) -> str:
    parts = []
    if doc.get("format"):
        parts.append(L.t("doc.format", fmt=str(doc["format"]).upper()))
    parts.append(L.t("doc.pages", n=doc["pages"]) if doc.get("pages") else L.t("doc.no_pages"))
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


def _status_cell(f: dict[str, Any] | None, L: Locale) -> str:
    if f is None:
        return esc(L.t("status.not_implemented"))
    label = esc(L.status(f["status"]))
    if f["status"] in ("violation", "missing"):
        label = f"**{label}**"
    extra = marks(f, L)
    if extra:
        label += " (" + ", ".join(esc(m) for m in extra) + ")"
    return label


def _finding(f: dict[str, Any], num: int, L: Locale) -> list[str]:
    status = L.status(f["status"])
    title = L.rule_title(f["rule_id"], f.get("title", ""))
    head = f"#### {num}. {esc(f['rule_id'])} {esc(title)} — {esc(status)}"
    extra = marks(f, L)
    if extra:
        head += " · " + " · ".join(esc(m) for m in extra)
    out = [head, ""]
    sev = L.severity(f.get("severity", "none"))
    if sev:
        out.append(f"- **{esc(L.t('finding.severity'))}**: {esc(sev)}")
    for mark, detail in notes(f, L):
        out.append(f"- **{esc(mark)}**: {esc(detail)}")
    why = L.explanation(f)
    if why:
        out.append(f"- **{esc(L.t('finding.why'))}**: {esc(why)}")
    out.append(f"- **{esc(L.t('finding.detail'))}**: {esc(f.get('message', ''))}")
    out.append("")
    evidence = f.get("evidence") or []
    if evidence:
        out.append(f"**{esc(L.t('finding.quotes'))}**")
        out.append("")
        for ev in evidence[:MAX_QUOTES]:
            out.append(f"> {esc(ev.get('quote', ''))}")
            out.append(">")
            out.append(f"> — {esc(L.where(ev))}")
            out.append("")
        if len(evidence) > MAX_QUOTES:
            out.append(esc(L.t("finding.more_quotes", n=len(evidence) - MAX_QUOTES)))
            out.append("")
    if f.get("looked_for"):
        out.append(f"- **{esc(L.t('finding.looked_for'))}**: {esc(f['looked_for'])}")
    cites = citation_text(f.get("citations") or [], L)
    if cites:
        out.append(f"- **{esc(L.t('finding.basis'))}**: {'; '.join(esc(c) for c in cites)}")
    if f.get("applies"):
        out.append(f"- **{esc(L.t('finding.applies'))}**: {esc(f['applies'])}")
    if f.get("suggestion"):
        out.append(f"- **{esc(L.t('finding.suggestion'))}**:")
        out.append("")
        out.append(f"  > {esc(f['suggestion'])}")
        gist = L.rule(f["rule_id"]).get("clause")
        if gist:
            out.append("")
            out.append(f"- **{esc(L.t('finding.clause_en'))}**: {esc(gist)}")
    out.append("")
    return out


def _document(entry: dict[str, Any], num: int, verbose: bool, L: Locale) -> list[str]:
    doc = entry["document"]
    out = [f"## {num}. {esc(doc_name(doc['path']))}", ""]
    out.append(f"- {esc(L.t('doc.path'))}: {esc(doc['path'])}")
    if entry.get("error"):
        err = entry["error"]
        out.append("")
        out.append(f"> **{esc(L.t('label.error'))}**: {esc(error_text(err, L))}")
        out.append("")
        out.append(esc(L.t("doc.unread")))
        out.append("")
        return out
    out.append(f"- {esc(size_text(doc, L))}")
    out.append("")

    out.append(f"### {esc(L.t('facts.heading'))}")
    out.append("")
    out += _table([esc(L.t("facts.col_name")), esc(L.t("facts.col_value")), esc(L.t("facts.col_basis"))],
                  [[_cell(a), _cell(b), _cell(c)] for a, b, c in fact_rows(entry.get("facts") or {}, verbose, L)])
    out.append("")

    rows = rule_rows(entry, L)
    c = counts(entry)
    line = " · ".join(f"{L.status(s)} {c[s]}" for s in ALL_STATUSES)
    n_impl = sum(1 for _, _, f in rows if f is None)
    if n_impl:
        line += f" · {L.t('status.not_implemented')} {n_impl}"
    mc = mark_counts(entry, L)
    if mc:
        line += " (" + " · ".join(f"{k} {v}" for k, v in mc.items()) + ")"
    out.append(f"**{esc(L.t('results.label'))}** ({esc(L.t('results.rules_n', n=len(rows)))}): {esc(line)}")
    out.append("")

    out.append(f"### {esc(L.t('results.by_rule'))}")
    out.append("")
    out += _table(["ID", esc(L.t("results.col_rule")), esc(L.t("results.col_status"))],
                  [[_cell(rid), _cell(title), _status_cell(f, L)] for rid, title, f in rows])
    out.append("")

    shown = ALL_STATUSES if verbose else DETAIL_STATUSES
    for status in shown:
        group = [f for _, _, f in rows if f is not None and f["status"] == status]
        if not group:
            continue
        out.append(f"### {esc(L.t('results.group', status=L.status(status), n=len(group)))}")
        out.append("")
        for i, f in enumerate(group, 1):
            out += _finding(f, i, L)
    return out


def _batch_summary(docs: list[dict[str, Any]], L: Locale) -> list[str]:
    head = [esc(L.t("batch.col_no")), esc(L.t("batch.col_document"))] + [esc(L.status(s)) for s in ALL_STATUSES] \
        + [esc(L.t("batch.col_notes"))]
    rows = []
    for i, entry in enumerate(docs, 1):
        name = _cell(doc_name(entry["document"]["path"]))
        if entry.get("error"):
            rows.append([str(i), name] + ["-"] * len(ALL_STATUSES)
                        + [_cell(f"{L.t('label.error')}: " + error_text(entry["error"], L))])
            continue
        c = counts(entry)
        note = ", ".join(f"{k} {v}" for k, v in mark_counts(entry, L).items())
        rows.append([str(i), name] + [str(c[s]) for s in ALL_STATUSES] + [_cell(note)])
    errors = sum(1 for e in docs if e.get("error"))
    flagged = sum(1 for e in docs if not e.get("error")
                  and any(counts(e)[s] for s in ("violation", "missing")))
    out = [f"## {esc(L.t('batch.heading'))}", ""]
    out.append(esc(L.t("batch.line", docs=len(docs), flagged=flagged, errors=errors)))
    out.append("")
    out += _table(head, rows)
    out.append("")
    return out


def render(report: dict, verbose: bool = False, lang: str | None = None, **options) -> str:
    L = get_locale(lang)
    tool = report.get("tool") or {}
    docs = report.get("documents") or []
    out = [f"# {esc(L.t('report.title'))}", ""]
    out.append(esc(f"{tool.get('name', 'rfpcheck')} {tool.get('version', '')}".strip()
                   + f" · {L.t('report.docs_n', n=len(docs))}"))
    out.append("")
    if len(docs) >= 2:
        out += _batch_summary(docs, L)
    for i, entry in enumerate(docs, 1):
        out += _document(entry, i, verbose, L)
    return "\n".join(out).rstrip() + "\n"
