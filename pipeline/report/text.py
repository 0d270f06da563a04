"""The human report for a terminal: one block per document, one entry per rule of the catalog."""
from __future__ import annotations

import textwrap

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
        out.append(_style(head, color, fg=_STATUS_COLOR[status], bold=status in ("violation", "missing")))
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
    return "\n".join(lines).rstrip() + "\n"
