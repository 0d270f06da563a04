"""The human report for a terminal: one block per document, one entry per rule of the catalog.

Korean by default. ``lang="en"`` (``rfpcheck FILE --lang en``) gives the English report for a reader
without Korean: English frame, statuses, rule titles, fact values, locations and legal basis, and per
flagged finding the English explanation of its status, then the tool's detailed judgement, the quotes
and the model clause in Korean, labelled as such (strings: pipeline/i18n.py and report/locale_*.json).
"""
from __future__ import annotations

import textwrap
import unicodedata
from collections import Counter
from pathlib import PurePath

from ..i18n import Locale, get_locale
from ..model import STATUS_KO

_STATUS_COLOR = {
    "violation": "red",
    "missing": "yellow",
    "review": "magenta",
    "pass": "green",
    "not_applicable": "bright_black",
}
# the facts shown, in this order, with their Korean labels (both from the locale file)
_FACT_LABELS = list(get_locale("ko").data["fact_labels"].items())
WRAP_CHARS = 60
WRAP_EN = 96  # characters of English text per line
LABEL_MAX = 24  # an English label longer than this goes on a line of its own


def _style(text: str, color: bool, **kw) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kw)


def format_won(value) -> str:
    """1850000000 -> '18.5억원 (1,850,000,000원)'."""
    return get_locale("ko").won(value)


def _wrap(label: str, text: str, indent: str = "    ", L: Locale | None = None, english: bool = False) -> list[str]:
    """``label: text`` wrapped under itself. Korean text wraps at WRAP_CHARS characters (Hangul takes
    two terminal columns); English text (``english``) at WRAP_EN."""
    if L is not None and L.en:
        width = WRAP_EN if english else WRAP_CHARS
        lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
        head = f"{indent}{label}: "
        if display_width(head) > LABEL_MAX:  # a long label gets its own line
            pad = indent + "  "
            return [f"{indent}{label}:"] + [pad + ln for ln in lines]
        pad = " " * display_width(head)
        return [head + lines[0]] + [pad + ln for ln in lines[1:]]
    head = f"{indent}{label}: "
    # Hangul takes two terminal columns: wrap Korean-heavy text at about half the width in chars
    lines = textwrap.wrap(text, width=WRAP_CHARS, break_long_words=True) or [""]
    out = [head + lines[0]]
    pad = " " * (len(indent) + 2 * len(label) + 2)
    out += [pad + ln for ln in lines[1:]]
    return out


def _render_document(entry: dict, color: bool, verbose: bool, L: Locale) -> list[str]:
    from rfpcheck.checks.registry import all_rules

    d = entry["document"]
    out: list[str] = []
    out.append(_style(f"■ {d['path']}", color, bold=True))
    if entry.get("error"):
        out.append(_style(f"  {L.t('label.error')}: {error_text(entry['error'], L)}", color, fg="red"))
        return out
    size = L.t("doc.pages", n=d["pages"]) if d.get("pages") else L.t("doc.no_pages")
    out.append(f"  {L.t('doc.format', fmt=d['format'].upper())} · {size} · sha256 {d['sha256'][:12]}…")

    facts = entry.get("facts") or {}
    if facts:
        out.append(f"  {L.t('facts.heading')}")
        for name, _ in _FACT_LABELS:
            f = facts.get(name)
            if not f:
                continue
            src = L.source(f.get("source", "unknown"))
            line = f"    {L.fact_label(name)}: {L.fact_value(name, f)}"
            if f.get("source") != "unknown":
                line += f" ({src})"
            ev = (f.get("evidence") or [None])[0]
            if ev and verbose:
                line += f" ← \"{ev['quote'][:60]}\" [{L.location(ev.get('location')) or ''}]"
            out.append(line)

    secs = entry.get("sections") or []
    if secs:
        titles = [s["title"] for s in secs]  # a title carries its own numbering ("Ⅰ. 사업 개요")
        shown = " / ".join(titles[:12]) + (" …" if len(titles) > 12 else "")
        out.extend(_wrap(L.t("toc.label"), shown, "  ", L))

    rules = all_rules()
    by_id = {f["rule_id"]: f for f in entry["findings"]}
    summary = entry.get("summary", {})
    not_impl = entry.get("rules_not_implemented") or []
    counts = " · ".join(f"{L.status(k)} {summary.get(k, 0)}" for k in STATUS_KO)
    if not_impl:
        counts += f" · {L.t('status.not_implemented')} {len(not_impl)}"
    out.append(f"  {L.t('text.results', n=len(rules), counts=counts)}")
    for rid, rule in rules.items():
        f = by_id.get(rid)
        if f is None:
            if rid in not_impl:
                out.append(_style(f"  {rid:<6} {L.rule_title(rid, rule.title)} ─ {L.t('rule.not_implemented_line')}",
                                  color, fg="bright_black"))
            continue
        out.extend(_render_finding(f, color, verbose, L))
    return out


def _render_finding(f: dict, color: bool, verbose: bool, L: Locale) -> list[str]:
    out: list[str] = []
    rid = f["rule_id"]
    status = f["status"]
    head = f"  {rid:<6} {L.rule_title(rid, f['title'])} ─ {L.status(status)}"
    if f["severity"] != "none":
        head += f" ({f['severity']})"
    marks = []
    if f.get("baseline_state"):
        marks.append(L.baseline(f["baseline_state"]))
    if f.get("suppressed"):
        marks.append(L.t("mark.suppressed"))
    if marks:
        head += " [" + ", ".join(marks) + "]"
    out.append(_style(head, color, fg=_STATUS_COLOR[status], bold=status in ("violation", "missing"),
                      dim=bool(f.get("suppressed"))))
    if f.get("suppressed"):
        sup = f["suppressed"]
        out.extend(_wrap(L.t("text.suppression_reason"), f"{sup['reason']} ({sup.get('source') or L.t('text.config')})",
                         L=L))
    detail = status in ("violation", "missing", "review") or verbose
    if not detail:
        if f.get("evidence"):
            ev = f["evidence"][0]
            out.append(f"    {L.t('text.quote')}: \"{ev['quote'][:80]}\" [{L.where(ev)}]")
        elif status == "not_applicable" and f.get("applies"):
            out.extend(_wrap(L.t("text.reason"), f["applies"], L=L))
        return out
    why = L.explanation(f)
    if why:
        out.extend(_wrap(L.t("finding.why"), why, L=L, english=True))
    out.extend(_wrap(L.t("finding.detail"), f["message"], L=L))
    for ev in f.get("evidence", [])[:5]:
        out.extend(_wrap(L.t("text.quote"), f"\"{ev['quote']}\"", L=L))
        out.extend(_wrap(L.t("text.location"), L.where(ev), L=L))
    if f.get("looked_for"):
        out.extend(_wrap(L.t("finding.looked_for"), f["looked_for"], L=L))
    cites = "; ".join(L.citation(c) for c in f["citations"])
    out.extend(_wrap(L.t("text.basis"), cites, L=L, english=True))
    if f.get("applies"):
        out.extend(_wrap(L.t("text.applies"), f["applies"], L=L))
    if f.get("suggestion"):
        out.extend(_wrap(L.t("text.suggestion"), f["suggestion"], L=L))
        gist = L.rule(rid).get("clause")
        if gist:
            out.extend(_wrap(L.t("finding.clause_en"), gist, L=L, english=True))
    return out


def error_text(err: dict, L: Locale) -> str:
    """The message of an unreadable document: Korean as it is; in English the reason by its code
    followed by the Korean message, labelled."""
    if not L.en:
        return err.get("message", "")
    return f"{L.error_reason(err.get('code'))} — {L.t('finding.detail')}: {err.get('message', '')}"


def render(report: dict, color: bool = False, verbose: bool = False, lang: str | None = None, **options) -> str:
    L = get_locale(lang)
    tool = report["tool"]
    lines = [L.t("text.heading", name=tool["name"], version=tool["version"]), ""]
    for entry in report["documents"]:
        lines.extend(_render_document(entry, color, verbose, L))
        lines.append("")
    if len(report["documents"]) > 1:
        lines.extend(_render_batch_matrix(report, color, L))
    return "\n".join(lines).rstrip() + "\n"


# ── batch summary: documents × rules, one mark per cell ─────────────────────────────────────────
MARKS = {
    "violation": "✗",
    "missing": "△",
    "review": "?",
    "pass": "○",
    "not_applicable": "·",
}
ERROR_MARK = "!"
UNCHECKED_MARK = "-"
NAME_MAX = 28  # terminal columns for a document name in the matrix
_TALLIED = ("violation", "missing", "review")  # the per-document total columns


def display_width(text: str) -> int:
    """Terminal columns of ``text``: wide and full-width characters (Hangul, CJK) take two, combining
    marks none. Ambiguous-width symbols count as one, as most terminals draw them."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def _truncate(text: str, width: int) -> str:
    """Fit ``text`` into ``width`` columns keeping its start and its file extension (name….hwpx)."""
    if display_width(text) <= width:
        return text
    suffix = PurePath(text).suffix
    tail = suffix if 0 < len(suffix) <= 6 else ""
    room = width - 1 - display_width(tail)
    used, cut = 0, 0
    for ch in text[: len(text) - len(tail)]:
        used += display_width(ch)
        if used > room:
            break
        cut += 1
    return text[:cut] + "…" + tail


def _matrix_names(docs: list[dict]) -> list[str]:
    """Short names of the documents: the file name, or parent/file name where file names repeat."""
    paths = [PurePath((e.get("document") or {}).get("path") or "") for e in docs]
    seen = Counter(p.name for p in paths)
    repeated = {n for n, k in seen.items() if k > 1}
    return [
        _truncate(f"{p.parent.name}/{p.name}" if p.name in repeated and p.parent.name else p.name, NAME_MAX)
        for p in paths
    ]


def _render_batch_matrix(report: dict, color: bool, L: Locale | None = None) -> list[str]:
    from .csv_report import rule_order

    docs = report["documents"]
    rule_ids = rule_order(report)
    L = L or get_locale("ko")
    legend = "  ".join(f"{MARKS[k]} {L.status(k)}" for k in MARKS)
    legend += f"  {ERROR_MARK} {L.t('label.error')}  {UNCHECKED_MARK} {L.t('matrix.unchecked')}"
    out = [
        _style(L.t("matrix.heading", docs=len(docs), rules=len(rule_ids)), color, bold=True),
        f"  {L.t('matrix.legend')}: {legend}",
    ]
    # columns: a cell is wide enough for the largest per-rule count plus a space; a rule family whose
    # label is longer than its cells ("PRIV" over one rule) gets the difference after its last cell
    cw = max(3, len(str(len(docs))) + 1)
    groups: list[tuple[str, list[str]]] = []
    for rid in rule_ids:
        fam = rid.rstrip("0123456789")
        if groups and groups[-1][0] == fam:
            groups[-1][1].append(rid)
        else:
            groups.append((fam, [rid]))
    extra = dict.fromkeys(rule_ids, 0)
    for fam, ids in groups:
        extra[ids[-1]] = max(0, len(fam) + 1 - cw * len(ids))

    names = _matrix_names(docs)
    total_label = L.t("matrix.total")
    doc_label = L.t("matrix.document")
    nw = max([display_width(n) for n in names] + [display_width(doc_label), display_width(total_label)]) + 2
    # short heads of the per-document totals (위반, 누락, 검토 · Viol, Miss, Rev)
    totals_head = [L.t("matrix.short_violation"), L.t("matrix.short_missing"), L.t("matrix.short_review")]
    tw = max(4, len(str(len(docs) * len(rule_ids))))

    def cells(values: dict[str, tuple[str, str]]) -> str:
        """Rule cells from rid -> (plain text, styled text), padded on the plain text."""
        parts = []
        for rid in rule_ids:
            plain, styled = values.get(rid, ("", ""))
            parts.append(styled + " " * (cw + extra[rid] - display_width(plain)))
        return "".join(parts)

    def totals(nums: list) -> str:
        return " ".join(_pad(str(n), tw, right=True) for n in nums)

    fam_line = " " * nw + "".join(_pad(fam, sum(cw + extra[r] for r in ids)) for fam, ids in groups)
    num_line = _pad(doc_label, nw) + cells({r: (r[len(r.rstrip("0123456789")):],) * 2 for r in rule_ids})
    num_line += " " + totals(totals_head)
    out.append("  " + fam_line.rstrip())
    out.append("  " + _style(num_line, color, bold=True))

    per_rule = dict.fromkeys(rule_ids, 0)
    grand = [0, 0, 0]
    for entry, name in zip(docs, names):
        row = _pad(name, nw)
        if entry.get("error"):
            mark = _style(ERROR_MARK, color, fg="red", bold=True)
            out.append("  " + (row + cells({r: (ERROR_MARK, mark) for r in rule_ids})).rstrip())
            continue
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        values = {}
        counts = [0, 0, 0]
        for rid in rule_ids:
            f = by_id.get(rid)
            if f is None:
                values[rid] = (UNCHECKED_MARK, _style(UNCHECKED_MARK, color, fg="bright_black"))
                continue
            st = f["status"]
            mark = MARKS.get(st, UNCHECKED_MARK)
            failing = st in ("violation", "missing")
            # a suppressed finding keeps its mark, drawn faint
            styled = _style(mark, color, fg=_STATUS_COLOR.get(st), bold=True if failing else None,
                            dim=True if f.get("suppressed") else None)
            values[rid] = (mark, styled)
            if st in _TALLIED:
                counts[_TALLIED.index(st)] += 1
            if failing:
                per_rule[rid] += 1
        grand = [a + b for a, b in zip(grand, counts)]
        out.append("  " + row + cells(values) + " " + totals(counts))
    count_cells = {r: (str(n),) * 2 for r, n in per_rule.items()}
    out.append("  " + _style(_pad(total_label, nw) + cells(count_cells) + " " + totals(grand), color, bold=True))
    return out
