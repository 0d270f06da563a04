"""The human report as one self-contained HTML5 page, for a browser or for printing.

Everything is inline (CSS, one small optional filter script); the page loads nothing from outside and
reads in full without the script. Every string from a report is escaped with ``html.escape``, so text
taken from a document shows as text. Status is always written out in words; colour only repeats it.
Layout: a documents × rules matrix for a batch, then per document its facts, the table of every rule
and cards for the flagged findings (위반, 누락, 검토필요), like the Markdown report. With ``lang="en"`` the
page is English (``<html lang="en">``) and its Korean parts — quotes, detailed judgement, model clause —
carry ``lang="ko"``.
"""
from __future__ import annotations

from html import escape
from typing import Any

from ..i18n import Locale, get_locale
from .markdown_report import (
    ALL_STATUSES,
    DETAIL_STATUSES,
    MAX_QUOTES,
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
from .text import error_text

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


def _badge(status: str | None, L: Locale, short: bool = False) -> str:
    """A status badge; ``short`` labels fit the narrow cells of the batch matrix (the full label is in
    the cell's title)."""
    if status is None:
        return f'<span class="badge s-none">{e(L.t("status.not_implemented"))}</span>'
    label = L.t(f"status_short.{status}") if short else L.status(status)
    return f'<span class="badge s-{e(status)}">{e(label)}</span>'


def _ko(text: str, L: Locale) -> str:
    """Escaped Korean text inside an English page, marked as Korean for screen readers and fonts."""
    return f'<span lang="ko">{e(text)}</span>' if L.en else e(text)


def _marks(finding: dict[str, Any], L: Locale) -> str:
    out = []
    for m in marks(finding, L):
        title = ""
        if m == L.t("mark.suppressed"):
            title = f' title="{e(finding["suppressed"].get("reason", ""))}"'
        out.append(f'<span class="mark"{title}>{e(m)}</span>')
    return "".join(out)


def _anchor(num: int, rule_id: str | None = None) -> str:
    return f"doc-{num}" + (f"-{rule_id}" if rule_id else "")


def _matrix(docs: list[dict[str, Any]], L: Locale) -> list[str]:
    from rfpcheck.checks.registry import all_rules

    catalog = all_rules()
    rule_ids = list(catalog)
    seen = {f["rule_id"] for d in docs for f in d.get("findings") or []}
    rule_ids += sorted(seen - set(rule_ids))
    errors = sum(1 for d in docs if d.get("error"))
    flagged = sum(1 for d in docs if not d.get("error") and any(counts(d)[s] for s in ("violation", "missing")))
    out = ['<section class="summary" aria-labelledby="summary-h">',
           f'<h2 id="summary-h" class="first">{e(L.t("batch.heading"))}</h2>']
    out.append(f'<p>{e(L.t("batch.line", docs=len(docs), flagged=flagged, errors=errors))}</p>')
    out.append(f'<p class="legend">{e(L.t("matrix.legend"))}: '
               + "".join(f"<span>{_badge(s, L, True)} {e(L.status(s))}</span>" for s in ALL_STATUSES)
               + f"<span>{_badge(None, L)} {e(L.t('html.not_implemented_legend'))}</span> · "
               + f"{e(L.t('html.blank_legend'))}</p>")
    out.append('<div class="matrix-wrap"><table class="matrix">')
    head = [f'<th class="doc" scope="col">{e(L.t("matrix.document"))}</th>']
    head += [f'<th class="v" scope="col">{e(L.status(s))}</th>' for s in ALL_STATUSES]
    head += [f'<th class="v" scope="col" title="{e(L.rule_title(r, catalog[r].title) if r in catalog else r)}">'
             f'{e(r)}</th>' for r in rule_ids]
    out.append("<thead><tr>" + "".join(head) + "</tr></thead>")
    out.append("<tbody>")
    for i, entry in enumerate(docs, 1):
        path = entry["document"]["path"]
        name = (f'<td class="doc"><a href="#{_anchor(i)}" title="{e(path)}">{i}. {e(doc_name(path))}</a></td>')
        if entry.get("error"):
            out.append("<tr>" + name + f'<td class="err" colspan="{len(ALL_STATUSES) + len(rule_ids)}">'
                       f'{e(L.t("label.error"))}: {e(error_text(entry["error"], L))}</td></tr>')
            continue
        c = counts(entry)
        cells = [name] + [f'<td class="num">{c[s]}</td>' for s in ALL_STATUSES]
        by_id = {f["rule_id"]: f for f in entry.get("findings") or []}
        not_impl = set(entry.get("rules_not_implemented") or [])
        for rid in rule_ids:
            f = by_id.get(rid)
            if f is None:
                cells.append(f'<td class="cell">{_badge(None, L, True)}</td>' if rid in not_impl
                             else '<td class="cell"></td>')
                continue
            title = f"{rid} {L.rule_title(rid, f.get('title', ''))}: {L.status(f['status'])}"
            if marks(f, L):
                title += " (" + ", ".join(marks(f, L)) + ")"
            label = _badge(f["status"], L, True)
            if f["status"] in DETAIL_STATUSES:
                label = f'<a href="#{_anchor(i, rid)}">{label}</a>'
            cells.append(f'<td class="cell" title="{e(title)}">{label}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    out.append("</section>")
    return out


def _facts(entry: dict[str, Any], verbose: bool, L: Locale) -> list[str]:
    out = [f'<h3>{e(L.t("facts.heading"))}</h3>', '<table class="facts">',
           f'<thead><tr><th scope="col">{e(L.t("facts.col_name"))}</th><th scope="col">{e(L.t("facts.col_value"))}'
           f'</th><th scope="col">{e(L.t("facts.col_basis"))}</th></tr></thead><tbody>']
    for label, value, basis in fact_rows(entry.get("facts") or {}, verbose, L):
        out.append(f'<tr><th scope="row">{e(label)}</th><td>{e(value)}</td><td class="muted">{e(basis)}</td></tr>')
    out.append("</tbody></table>")
    return out


def _finding(f: dict[str, Any], num: int, L: Locale) -> list[str]:
    rid = f["rule_id"]
    status = f["status"]
    out = [f'<article class="finding f-{e(status)}" id="{e(_anchor(num, rid))}" data-status="{e(status)}">']
    sev = L.severity(f.get("severity", "none"))
    sev_html = f' <span class="muted">{e(L.t("finding.severity"))} {e(sev)}</span>' if sev else ""
    out.append(f"<h4>{e(rid)} {e(L.rule_title(rid, f.get('title', '')))} {_badge(status, L)}{_marks(f, L)}{sev_html}</h4>")
    out.append("<dl>")
    for mark, detail in notes(f, L):
        out.append(f"<dt>{e(mark)}</dt><dd>{e(detail)}</dd>")
    why = L.explanation(f)
    if why:
        out.append(f"<dt>{e(L.t('finding.why'))}</dt><dd>{e(why)}</dd>")
    out.append(f"<dt>{e(L.t('finding.detail'))}</dt><dd>{_ko(f.get('message', ''), L)}</dd>")
    out.append("</dl>")
    evidence = f.get("evidence") or []
    quote_lang = ' lang="ko"' if L.en else ""
    for ev in evidence[:MAX_QUOTES]:
        out.append(f"<blockquote><p{quote_lang}>{e(ev.get('quote', ''))}</p>"
                   f"<footer>{e(L.where(ev))}</footer></blockquote>")
    if len(evidence) > MAX_QUOTES:
        out.append(f'<p class="muted">{e(L.t("finding.more_quotes", n=len(evidence) - MAX_QUOTES))}</p>')
    out.append("<dl>")
    if f.get("looked_for"):
        out.append(f"<dt>{e(L.t('finding.looked_for'))}</dt><dd>{_ko(f['looked_for'], L)}</dd>")
    cites = citation_text(f.get("citations") or [], L)
    if cites:
        out.append(f"<dt>{e(L.t('finding.basis'))}</dt><dd>" + "<br>".join(e(c) for c in cites) + "</dd>")
    if f.get("applies"):
        out.append(f"<dt>{e(L.t('finding.applies'))}</dt><dd>{_ko(f['applies'], L)}</dd>")
    if f.get("suggestion"):
        lang_attr = ' lang="ko"' if L.en else ""
        out.append(f'<dt>{e(L.t("finding.suggestion"))}</dt><dd><p class="clause"{lang_attr}>{e(f["suggestion"])}</p></dd>')
        gist = L.rule(rid).get("clause")
        if gist:
            out.append(f"<dt>{e(L.t('finding.clause_en'))}</dt><dd>{e(gist)}</dd>")
    out.append("</dl>")
    out.append("</article>")
    return out


def _document(entry: dict[str, Any], num: int, verbose: bool, first: bool, L: Locale) -> list[str]:
    doc = entry["document"]
    out = [f'<section class="document" id="{_anchor(num)}">']
    h2_class = ' class="first"' if first else ""
    out.append(f"<h2{h2_class}>{num}. {e(doc_name(doc['path']))}</h2>")
    out.append(f'<p class="meta"><span class="path">{e(doc["path"])}</span></p>')
    if entry.get("error"):
        out.append(f'<p class="error"><strong>{e(L.t("label.error"))}</strong>: {e(error_text(entry["error"], L))}</p>')
        out.append(f"<p>{e(L.t('doc.unread'))}</p>")
        out.append("</section>")
        return out
    out.append(f'<p class="meta">{e(size_text(doc, L))}</p>')
    out += _facts(entry, verbose, L)

    rows = rule_rows(entry, L)
    c = counts(entry)
    parts = [f"{_badge(s, L)} {c[s]}" for s in ALL_STATUSES]
    n_impl = sum(1 for _, _, f in rows if f is None)
    if n_impl:
        parts.append(f"{_badge(None, L)} {n_impl}")
    mc = mark_counts(entry, L)
    tail = (" (" + " · ".join(f"{e(k)} {v}" for k, v in mc.items()) + ")") if mc else ""
    out.append(f"<p><strong>{e(L.t('results.label'))}</strong> ({e(L.t('results.rules_n', n=len(rows)))}): "
               + " · ".join(parts) + tail + "</p>")

    shown = ALL_STATUSES if verbose else DETAIL_STATUSES
    out.append(f"<h3>{e(L.t('results.by_rule'))}</h3>")
    out.append(f'<table class="rules"><thead><tr><th scope="col">ID</th><th scope="col">{e(L.t("results.col_rule"))}</th>'
               f'<th scope="col">{e(L.t("results.col_status"))}</th></tr></thead><tbody>')
    for rid, title, f in rows:
        status = f["status"] if f else None
        ident = e(rid)
        if f is not None and status in shown:
            ident = f'<a href="#{e(_anchor(num, rid))}">{ident}</a>'
        data = f' data-status="{e(status)}"' if status else ""
        out.append(f"<tr{data}><td>{ident}</td><td>{e(title)}</td><td>{_badge(status, L)}{_marks(f, L) if f else ''}</td></tr>")
    out.append("</tbody></table>")

    for status in shown:
        group = [f for _, _, f in rows if f is not None and f["status"] == status]
        if not group:
            continue
        out.append(f"<h3>{e(L.t('results.group', status=L.status(status), n=len(group)))}</h3>")
        for f in group:
            out += _finding(f, num, L)
    out.append("</section>")
    return out


def render(report: dict, verbose: bool = False, lang: str | None = None, **options) -> str:
    L = get_locale(lang)
    tool = report.get("tool") or {}
    docs = report.get("documents") or []
    heading = L.t("report.title")
    title = heading
    if len(docs) == 1:
        title += f" — {doc_name(docs[0]['document']['path'])}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{L.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(heading)}</h1>",
        f'<p class="meta">{e(tool.get("name", "rfpcheck"))} {e(tool.get("version", ""))} · '
        f'{e(L.t("report.docs_n", n=len(docs)))}</p>',
        "</header>",
    ]
    # shown by the script only; without it every status stays visible
    out.append(f'<div id="filter" hidden><strong>{e(L.t("html.filter"))}</strong>: '
               + "".join(f'<label><input type="checkbox" value="{s}" checked> {e(L.status(s))}</label>'
                         for s in ALL_STATUSES) + "</div>")
    out.append("<main>")
    if len(docs) >= 2:
        out += _matrix(docs, L)
    for i, entry in enumerate(docs, 1):
        out += _document(entry, i, verbose, first=(i == 1 and len(docs) < 2), L=L)
    out.append("</main>")
    out.append(f'<script id="rfpcheck-filter">{_SCRIPT}</script>')
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
