"""The human report as one self-contained HTML5 page, for a browser or for printing.

Everything is inline (CSS, one small optional filter script); the page loads nothing from outside and
reads in full without the script. Every string from a report is escaped with ``html.escape``, so text
taken from a document shows as text. Status is always written out in words; colour only repeats it.
Layout: a documents × rules matrix for a batch, then per document its facts, the table of every rule
and cards for the flagged findings (위반, 누락, 검토필요), like the Markdown report.
"""
from __future__ import annotations

from html import escape
from typing import Any

from ..model import STATUS_KO
from .markdown_report import (
    ALL_STATUSES,
    DETAIL_STATUSES,
    MAX_QUOTES,
    NOT_IMPLEMENTED_KO,
    SEVERITY_KO,
    citation_text,
    counts,
    doc_name,
    fact_rows,
    mark_counts,
    marks,
    notes,
    rule_rows,
    size_text,
)
from .text import _where

# short labels for the narrow cells of the batch matrix (the full label is in the cell's title)
_SHORT = {"violation": "위반", "missing": "누락", "review": "검토", "pass": "적합", "not_applicable": "—"}

_CSS = """
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg2:#f6f8fa;
--violation:#b42318;--violation-bg:#fde8e7;--missing:#9a5b00;--missing-bg:#fff4d6;
--review:#6e40c9;--review-bg:#f1ebff;--pass:#1a7f37;--pass-bg:#e6f6ea;
--not_applicable:#57606a;--not_applicable-bg:#eef1f4;--na-impl:#8c959f}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;color:var(--fg);line-height:1.55;
font-family:"Malgun Gothic","맑은 고딕","Apple SD Gothic Neo","Noto Sans KR","Nanum Gothic",sans-serif;font-size:15px}
h1{font-size:1.5em;margin:0 0 4px}
h2{font-size:1.3em;margin:40px 0 8px;padding-top:8px;border-top:3px solid var(--fg)}
h3{font-size:1.1em;margin:24px 0 8px}
.meta,.muted{color:var(--muted)}
.path{word-break:break-all}
table{border-collapse:collapse;margin:8px 0 16px;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--bg2);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 6px;border-radius:4px;border:1px solid currentColor;
font-weight:600;font-size:.9em;white-space:nowrap}
.mark{display:inline-block;padding:0 6px;border-radius:4px;border:1px dashed var(--muted);
color:var(--muted);font-size:.85em;white-space:nowrap;margin-left:4px}
.s-violation{color:var(--violation);background:var(--violation-bg)}
.s-missing{color:var(--missing);background:var(--missing-bg)}
.s-review{color:var(--review);background:var(--review-bg)}
.s-pass{color:var(--pass);background:var(--pass-bg)}
.s-not_applicable{color:var(--not_applicable);background:var(--not_applicable-bg)}
.s-none{color:var(--na-impl);background:#fff}
.matrix-wrap{overflow-x:auto}
section.summary{page:wide}
table.matrix{font-size:.8em;width:auto}
table.matrix th,table.matrix td{padding:2px 3px;text-align:center}
table.matrix thead th{vertical-align:bottom}
table.matrix th.v{writing-mode:vertical-rl;white-space:nowrap;padding:4px 2px}
table.matrix .badge{padding:0 2px}
table.matrix th.doc,table.matrix td.doc{text-align:left;white-space:nowrap}
table.matrix td.err{text-align:left;color:var(--violation)}
table.matrix td.cell{font-weight:600}
.legend span{margin-right:6px}
.error{border:2px solid var(--violation);background:var(--violation-bg);padding:8px 12px;border-radius:6px}
.finding{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;
padding:10px 14px;margin:12px 0;background:#fff}
.f-violation{border-left-color:var(--violation)}
.f-missing{border-left-color:var(--missing)}
.f-review{border-left-color:var(--review)}
.f-pass{border-left-color:var(--pass)}
.f-not_applicable{border-left-color:var(--not_applicable)}
.finding h4{margin:0 0 6px;font-size:1.05em}
.finding dl{margin:6px 0;display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}
.finding dt{font-weight:600}
.finding dd{margin:0}
blockquote{margin:6px 0;padding:6px 12px;border-left:4px solid var(--line);background:var(--bg2)}
blockquote p{margin:0;white-space:pre-wrap}
blockquote footer{color:var(--muted);font-size:.9em;margin-top:2px}
.clause{margin:0;padding:6px 12px;border:1px solid var(--pass);background:var(--pass-bg);border-radius:4px;white-space:pre-wrap}
#filter{margin:12px 0;padding:6px 10px;background:var(--bg2);border-radius:6px}
#filter label{margin-right:12px;white-space:nowrap}
.hidden-by-filter{display:none}
@page wide{size:A4 landscape}
@media print{
body{max-width:none;padding:0;font-size:10pt}
#filter{display:none}
a{color:inherit;text-decoration:none}
h2{break-before:page;border-top:none}
h2.first{break-before:auto}
.finding,tr,blockquote{break-inside:avoid}
.matrix-wrap{overflow:visible}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

# Hides rows and cards of unticked statuses. The page carries the whole report without it.
_SCRIPT = """
(function(){
var box=document.getElementById('filter');if(!box)return;box.hidden=false;
function apply(){var off={};box.querySelectorAll('input').forEach(function(i){off[i.value]=!i.checked;});
document.querySelectorAll('[data-status]').forEach(function(el){
el.classList.toggle('hidden-by-filter',!!off[el.getAttribute('data-status')]);});}
box.addEventListener('change',apply);apply();
})();
"""


def e(value: Any) -> str:
    """Escape any value for HTML text and attribute values."""
    return escape("" if value is None else str(value), quote=True)


def _badge(status: str | None, short: bool = False) -> str:
    if status is None:
        return f'<span class="badge s-none">{e(NOT_IMPLEMENTED_KO)}</span>'
    label = _SHORT.get(status, status) if short else STATUS_KO.get(status, status)
    return f'<span class="badge s-{e(status)}">{e(label)}</span>'


def _marks(finding: dict[str, Any]) -> str:
    out = []
    for m in marks(finding):
        title = ""
        if m == "억제됨":
            title = f' title="{e(finding["suppressed"].get("reason", ""))}"'
        out.append(f'<span class="mark"{title}>{e(m)}</span>')
    return "".join(out)


def _anchor(num: int, rule_id: str | None = None) -> str:
    return f"doc-{num}" + (f"-{rule_id}" if rule_id else "")


def _matrix(docs: list[dict[str, Any]]) -> list[str]:
    from rfpcheck.checks.registry import all_rules

    catalog = all_rules()
    rule_ids = list(catalog)
    seen = {f["rule_id"] for d in docs for f in d.get("findings") or []}
    rule_ids += sorted(seen - set(rule_ids))
    errors = sum(1 for d in docs if d.get("error"))
    flagged = sum(1 for d in docs if not d.get("error") and any(counts(d)[s] for s in ("violation", "missing")))
    out = ['<section class="summary" aria-labelledby="summary-h">', '<h2 id="summary-h" class="first">문서별 요약</h2>']
    out.append(f'<p>문서 {len(docs)}건 · 위반 또는 누락이 있는 문서 {flagged}건 · 읽지 못한 문서 {errors}건</p>')
    out.append('<p class="legend">범례: ' + "".join(f"<span>{_badge(s, True)} {e(STATUS_KO[s])}</span>" for s in ALL_STATUSES)
               + f"<span>{_badge(None)} 이 버전은 점검하지 않음</span> · 빈칸은 이번 실행에서 점검하지 않은 항목</p>")
    out.append('<div class="matrix-wrap"><table class="matrix">')
    head = ['<th class="doc" scope="col">문서</th>']
    head += [f'<th class="v" scope="col">{e(STATUS_KO[s])}</th>' for s in ALL_STATUSES]
    head += [f'<th class="v" scope="col" title="{e(catalog[r].title if r in catalog else r)}">{e(r)}</th>'
             for r in rule_ids]
    out.append("<thead><tr>" + "".join(head) + "</tr></thead>")
    out.append("<tbody>")
    for i, entry in enumerate(docs, 1):
        path = entry["document"]["path"]
        name = (f'<td class="doc"><a href="#{_anchor(i)}" title="{e(path)}">{i}. {e(doc_name(path))}</a></td>')
        if entry.get("error"):
            out.append("<tr>" + name + f'<td class="err" colspan="{len(ALL_STATUSES) + len(rule_ids)}">'
                       f'오류: {e(entry["error"].get("message", ""))}</td></tr>')
            continue
        c = counts(entry)
        cells = [name] + [f'<td class="num">{c[s]}</td>' for s in ALL_STATUSES]
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        not_impl = set(entry.get("rules_not_implemented") or [])
        for rid in rule_ids:
            f = by_id.get(rid)
            if f is None:
                cells.append(f'<td class="cell">{_badge(None, True)}</td>' if rid in not_impl
                             else '<td class="cell"></td>')
                continue
            title = f"{rid} {f.get('title', '')}: {STATUS_KO.get(f['status'], f['status'])}"
            if marks(f):
                title += " (" + ", ".join(marks(f)) + ")"
            label = _badge(f["status"], True)
            if f["status"] in DETAIL_STATUSES:
                label = f'<a href="#{_anchor(i, rid)}">{label}</a>'
            cells.append(f'<td class="cell" title="{e(title)}">{label}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    out.append("</section>")
    return out


def _facts(entry: dict[str, Any], verbose: bool) -> list[str]:
    out = ['<h3>사업 정보</h3>', '<table class="facts">',
           '<thead><tr><th scope="col">항목</th><th scope="col">내용</th><th scope="col">근거</th></tr></thead><tbody>']
    for label, value, basis in fact_rows(entry.get("facts") or {}, verbose):
        out.append(f'<tr><th scope="row">{e(label)}</th><td>{e(value)}</td><td class="muted">{e(basis)}</td></tr>')
    out.append("</tbody></table>")
    return out


def _finding(f: dict[str, Any], num: int) -> list[str]:
    rid = f["rule_id"]
    status = f["status"]
    out = [f'<article class="finding f-{e(status)}" id="{e(_anchor(num, rid))}" data-status="{e(status)}">']
    sev = SEVERITY_KO.get(f.get("severity", "none"))
    sev_html = f' <span class="muted">심각도 {e(sev)}</span>' if sev else ""
    out.append(f"<h4>{e(rid)} {e(f.get('title', ''))} {_badge(status)}{_marks(f)}{sev_html}</h4>")
    out.append("<dl>")
    for mark, detail in notes(f):
        out.append(f"<dt>{e(mark)}</dt><dd>{e(detail)}</dd>")
    out.append(f"<dt>판단</dt><dd>{e(f.get('message', ''))}</dd>")
    out.append("</dl>")
    evidence = f.get("evidence") or []
    for ev in evidence[:MAX_QUOTES]:
        out.append(f"<blockquote><p>{e(ev.get('quote', ''))}</p><footer>{e(_where(ev))}</footer></blockquote>")
    if len(evidence) > MAX_QUOTES:
        out.append(f'<p class="muted">외 문구 {len(evidence) - MAX_QUOTES}건</p>')
    out.append("<dl>")
    if f.get("looked_for"):
        out.append(f"<dt>찾은 내용</dt><dd>{e(f['looked_for'])}</dd>")
    cites = citation_text(f.get("citations") or [])
    if cites:
        out.append("<dt>법적 근거</dt><dd>" + "<br>".join(e(c) for c in cites) + "</dd>")
    if f.get("applies"):
        out.append(f"<dt>적용 이유</dt><dd>{e(f['applies'])}</dd>")
    if f.get("suggestion"):
        out.append(f'<dt>권고 문안</dt><dd><p class="clause">{e(f["suggestion"])}</p></dd>')
    out.append("</dl>")
    out.append("</article>")
    return out


def _document(entry: dict[str, Any], num: int, verbose: bool, first: bool) -> list[str]:
    doc = entry["document"]
    out = [f'<section class="document" id="{_anchor(num)}">']
    h2_class = ' class="first"' if first else ""
    out.append(f"<h2{h2_class}>{num}. {e(doc_name(doc['path']))}</h2>")
    out.append(f'<p class="meta"><span class="path">{e(doc["path"])}</span></p>')
    if entry.get("error"):
        out.append(f'<p class="error"><strong>오류</strong>: {e(entry["error"].get("message", ""))}</p>')
        out.append("<p>이 문서는 읽지 못해 점검하지 않았습니다.</p>")
        out.append("</section>")
        return out
    out.append(f'<p class="meta">{e(size_text(doc))}</p>')
    out += _facts(entry, verbose)

    rows = rule_rows(entry)
    c = counts(entry)
    parts = [f"{_badge(s)} {c[s]}" for s in ALL_STATUSES]
    n_impl = sum(1 for _, _, f in rows if f is None)
    if n_impl:
        parts.append(f"{_badge(None)} {n_impl}")
    mc = mark_counts(entry)
    tail = (" (" + " · ".join(f"{e(k)} {v}" for k, v in mc.items()) + ")") if mc else ""
    out.append(f"<p><strong>점검 결과</strong> ({len(rows)}개 항목): " + " · ".join(parts) + tail + "</p>")

    shown = ALL_STATUSES if verbose else DETAIL_STATUSES
    out.append("<h3>항목별 결과</h3>")
    out.append('<table class="rules"><thead><tr><th scope="col">ID</th><th scope="col">항목</th>'
               '<th scope="col">상태</th></tr></thead><tbody>')
    for rid, title, f in rows:
        status = f["status"] if f else None
        ident = e(rid)
        if f is not None and status in shown:
            ident = f'<a href="#{e(_anchor(num, rid))}">{ident}</a>'
        data = f' data-status="{e(status)}"' if status else ""
        out.append(f"<tr{data}><td>{ident}</td><td>{e(title)}</td><td>{_badge(status)}{_marks(f) if f else ''}</td></tr>")
    out.append("</tbody></table>")

    for status in shown:
        group = [f for _, _, f in rows if f is not None and f["status"] == status]
        if not group:
            continue
        out.append(f"<h3>{e(STATUS_KO[status])} ({len(group)}건)</h3>")
        for f in group:
            out += _finding(f, num)
    out.append("</section>")
    return out


def render(report: dict, verbose: bool = False, **options) -> str:
    tool = report.get("tool") or {}
    docs = report.get("documents") or []
    title = "공공 SW사업 제안요청서 법제도 점검 보고서"
    if len(docs) == 1:
        title += f" — {doc_name(docs[0]['document']['path'])}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="ko">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>공공 SW사업 제안요청서 법제도 점검 보고서</h1>",
        f'<p class="meta">{e(tool.get("name", "rfpcheck"))} {e(tool.get("version", ""))} · 문서 {len(docs)}건</p>',
        "</header>",
    ]
    # shown by the script only; without it every status stays visible
    out.append('<div id="filter" hidden><strong>표시할 상태</strong>: '
               + "".join(f'<label><input type="checkbox" value="{s}" checked> {e(STATUS_KO[s])}</label>'
                         for s in ALL_STATUSES) + "</div>")
    out.append("<main>")
    if len(docs) >= 2:
        out += _matrix(docs)
    for i, entry in enumerate(docs, 1):
        out += _document(entry, i, verbose, first=(i == 1 and len(docs) < 2))
    out.append("</main>")
    out.append(f'<script id="rfpcheck-filter">{_SCRIPT}</script>')
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
