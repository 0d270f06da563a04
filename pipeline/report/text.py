"""The human report for a terminal: one block per document, one entry per rule of the catalog."""
from __future__ import annotations

import textwrap
import unicodedata
from collections import Counter
from pathlib import PurePath

from ..model import STATUS_KO

_STATUS_COLOR = {
    "violation": "red",
    "missing": "yellow",
    "review": "magenta",
    "pass": "green",
    "not_applicable": "bright_black",
}
_FACT_LABELS = [
    ("doc_type", "문서유형"),
    ("project_name", "사업명"),
    ("budget_krw", "사업금액"),
    ("duration_months", "사업기간"),
    ("contract_method", "계약방법"),
    ("project_kinds", "사업유형"),
    ("public_sw_project", "공공 SW사업"),
    ("priced_by_fp", "FP 대가산정"),
]
_SOURCE_KO = {"inferred": "추정", "given": "입력", "unknown": "확인 불가"}
WRAP_CHARS = 60


def _style(text: str, color: bool, **kw) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kw)


def format_won(value) -> str:
    """1850000000 -> '18.5억원 (1,850,000,000원)'."""
    try:
        v = int(value)
    except (TypeError, ValueError):
        return str(value)
    if v >= 100_000_000:
        eok = v / 100_000_000
        s = f"{eok:.2f}".rstrip("0").rstrip(".")
        return f"{s}억원 ({v:,}원)"
    if v >= 10_000:
        return f"{v / 10_000:,.0f}만원 ({v:,}원)"
    return f"{v:,}원"


def _fact_value(name: str, fact: dict) -> str:
    v = fact.get("value")
    if v is None:
        return "확인 불가"
    if name == "budget_krw":
        vat = fact.get("vat") or fact.get("budget_vat")
        s = format_won(v)
        if vat == "excluded":
            s += ", 부가세 별도 금액을 포함 금액으로 환산"
        return s
    if name == "duration_months":
        return f"{v}개월"
    if isinstance(v, bool):
        return "예" if v else "아니오"
    if isinstance(v, list):
        return ", ".join(map(str, v)) if v else "확인 불가"
    return {"yes": "예", "no": "아니오", "unknown": "확인 불가"}.get(str(v), str(v))


def _wrap(label: str, text: str, indent: str = "    ") -> list[str]:
    head = f"{indent}{label}: "
    # Hangul takes two terminal columns: wrap Korean-heavy text at about half the width in chars
    lines = textwrap.wrap(text, width=WRAP_CHARS, break_long_words=True) or [""]
    out = [head + lines[0]]
    pad = " " * (len(indent) + 2 * len(label) + 2)
    out += [pad + ln for ln in lines[1:]]
    return out


def _render_document(entry: dict, color: bool, verbose: bool) -> list[str]:
    from rfpcheck.checks.registry import all_rules

    d = entry["document"]
    out: list[str] = []
    out.append(_style(f"■ {d['path']}", color, bold=True))
    if entry.get("error"):
        out.append(_style(f"  오류: {entry['error']['message']}", color, fg="red"))
        return out
    size = f"{d['pages']}쪽" if d.get("pages") else "쪽 정보 없음"
    out.append(f"  형식 {d['format'].upper()} · {size} · sha256 {d['sha256'][:12]}…")

    facts = entry.get("facts") or {}
    if facts:
        out.append("  사업 정보")
        for name, label in _FACT_LABELS:
            f = facts.get(name)
            if not f:
                continue
            src = _SOURCE_KO.get(f.get("source", "unknown"), "")
            line = f"    {label}: {_fact_value(name, f)}"
            if f.get("source") != "unknown":
                line += f" ({src})"
            ev = (f.get("evidence") or [None])[0]
            if ev and verbose:
                line += f" ← \"{ev['quote'][:60]}\" [{ev.get('location') or ''}]"
            out.append(line)

    secs = entry.get("sections") or []
    if secs:
        titles = [s["title"] for s in secs]  # a title carries its own numbering ("Ⅰ. 사업 개요")
        shown = " / ".join(titles[:12]) + (" …" if len(titles) > 12 else "")
        out.extend(_wrap("목차 구조", shown, "  "))

    rules = all_rules()
    by_id = {f["rule_id"]: f for f in entry["findings"]}
    summary = entry.get("summary", {})
    not_impl = entry.get("rules_not_implemented") or []
    counts = " · ".join(f"{STATUS_KO[k]} {summary.get(k, 0)}" for k in STATUS_KO)
    if not_impl:
        counts += f" · 미구현 {len(not_impl)}"
    out.append(f"  점검 결과 ({len(rules)}개 항목: {counts})")
    for rid, rule in rules.items():
        f = by_id.get(rid)
        if f is None:
            if rid in not_impl:
                out.append(_style(f"  {rid:<6} {rule.title} ─ 미구현 (이 버전은 점검하지 않음)", color, fg="bright_black"))
            continue
        status = f["status"]
        head = f"  {rid:<6} {f['title']} ─ {STATUS_KO[status]}"
        if f["severity"] != "none":
            head += f" ({f['severity']})"
        marks = []
        if f.get("baseline_state"):
            marks.append("신규" if f["baseline_state"] == "new" else "기존")
        if f.get("suppressed"):
            marks.append("억제됨")
        if marks:
            head += " [" + ", ".join(marks) + "]"
        out.append(_style(head, color, fg=_STATUS_COLOR[status], bold=status in ("violation", "missing"),
                          dim=bool(f.get("suppressed"))))
        if f.get("suppressed"):
            out.extend(_wrap("억제 사유", f"{f['suppressed']['reason']} ({f['suppressed'].get('source') or '설정'})"))
        detail = status in ("violation", "missing", "review") or verbose
        if not detail:
            if f.get("evidence"):
                ev = f["evidence"][0]
                out.append(f"    문구: \"{ev['quote'][:80]}\" [{_where(ev)}]")
            elif status == "not_applicable" and f.get("applies"):
                out.extend(_wrap("사유", f["applies"]))
            continue
        out.extend(_wrap("판단", f["message"]))
        for ev in f.get("evidence", [])[:5]:
            out.extend(_wrap("문구", f"\"{ev['quote']}\""))
            out.extend(_wrap("위치", _where(ev)))
        if f.get("looked_for"):
            out.extend(_wrap("찾은 내용", f["looked_for"]))
        cites = "; ".join(
            f"{c['law']} {c['article']}" + (f" ({c['note']})" if c.get("note") else "") for c in f["citations"]
        )
        out.extend(_wrap("기준", cites))
        if f.get("applies"):
            out.extend(_wrap("적용", f["applies"]))
        if f.get("suggestion"):
            out.extend(_wrap("권고", f["suggestion"]))
    return out


def _where(ev: dict) -> str:
    parts = [p for p in (ev.get("location"), ev.get("section")) if p]
    return " · ".join(parts) if parts else "위치 정보 없음"


def render(report: dict, color: bool = False, verbose: bool = False, **options) -> str:
    tool = report["tool"]
    lines = [f"{tool['name']} {tool['version']} ─ 공공 SW사업 제안요청서 법제도 점검", ""]
    for entry in report["documents"]:
        lines.extend(_render_document(entry, color, verbose))
        lines.append("")
    if len(report["documents"]) > 1:
        lines.extend(_render_batch_matrix(report, color))
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


def _render_batch_matrix(report: dict, color: bool) -> list[str]:
    from .csv_report import rule_order

    docs = report["documents"]
    rule_ids = rule_order(report)
    legend = "  ".join(f"{MARKS[k]} {STATUS_KO[k]}" for k in MARKS)
    legend += f"  {ERROR_MARK} 오류  {UNCHECKED_MARK} 미점검"
    out = [
        _style(f"문서 × 항목 ({len(docs)}개 문서, {len(rule_ids)}개 항목)", color, bold=True),
        f"  범례: {legend}",
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
    total_label = "위반+누락"
    nw = max([display_width(n) for n in names] + [display_width("문서"), display_width(total_label)]) + 2
    totals_head = [STATUS_KO["violation"], STATUS_KO["missing"], "검토"]  # 검토필요, shortened
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
    num_line = _pad("문서", nw) + cells({r: (r[len(r.rstrip("0123456789")):],) * 2 for r in rule_ids})
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
