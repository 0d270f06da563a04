"""The Markdown and HTML reports on real sample reports: content, escaping, batch summary, marks."""
from __future__ import annotations

import copy
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rfpcheck.pipeline.model import STATUS_KO
from rfpcheck.pipeline.report import html_report, markdown_report
from rfpcheck.pipeline.report.markdown_report import esc
from rfpcheck.pipeline.report.text import format_won
from rfpcheck.pipeline.run import check_file, make_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = ["rfp_violations.pdf", "rfp_compliant.docx", "rfp_sample.hwpx", "rfp_short.txt"]
PAYLOAD = "<script>alert(1)</script> | *x*"
FLAGGED = ("violation", "missing")


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict:
    bad = tmp_path_factory.mktemp("bad") / "broken.pdf"
    bad.write_bytes(b"")
    entries = [check_file(str(SAMPLES / name)) for name in SAMPLE_FILES]
    entries.append(check_file(str(bad)))
    return make_report(entries)


@pytest.fixture(scope="module")
def single(batch) -> dict:
    return make_report([batch["documents"][0]])


def _ok_docs(report):
    return [d for d in report["documents"] if not d["error"]]


def _first_violation(entry):
    return next(f for f in entry["findings"] if f["status"] == "violation" and f["evidence"])


class _Checker(HTMLParser):
    """Well-formedness of the tags a page opens and closes; collects scripts, ids, links and text."""

    VOID = {"meta", "br", "hr", "input", "img", "col", "wbr", "link", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.scripts: list[dict] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.data: list[str] = []
        self.html_attrs: dict = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a)
        if tag == "html":
            self.html_attrs = a
        if "id" in a:
            if a["id"] in self.ids:
                self.problems.append(f"duplicate id {a['id']}")
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in self.VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            self.problems.append(f"end tag of void <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] not in ("script", "style"):
            self.data.append(data)


def _parse(page: str) -> _Checker:
    c = _Checker()
    c.feed(page)
    c.close()
    return c


def _assert_well_formed(page: str) -> _Checker:
    c = _parse(page)
    assert c.problems == []
    assert c.stack == []
    assert page.startswith("<!DOCTYPE html>")
    assert c.html_attrs.get("lang") == "ko"
    assert '<meta charset="utf-8">' in page
    assert len(c.scripts) == 1 and c.scripts[0].get("id") == "rfpcheck-filter"
    for href in c.hrefs:  # every in-page link has its target
        assert href.startswith("#") and href[1:] in c.ids, href
    return c


# ------------------------------------------------------------------------- Markdown


def test_markdown_shows_every_flagged_finding_with_quote_and_basis(batch):
    md = markdown_report.render(batch)
    for entry in _ok_docs(batch):
        for f in entry["findings"]:
            if f["status"] not in FLAGGED:
                continue
            head = re.search(rf"^#### \d+\. {f['rule_id']} .* — {STATUS_KO[f['status']]}$", md, re.M)
            assert head, f["rule_id"]
            if f["evidence"]:
                assert f"> {esc(f['evidence'][0]['quote'])}\n" in md
            assert esc(f["citations"][0]["law"]) in md
    assert "- **법적 근거**: 소프트웨어 진흥법 제50조" in md
    assert "- **권고 문안**:" in md and "- **적용 이유**:" in md


def test_markdown_document_block_facts_counts_and_rule_table(single):
    entry = single["documents"][0]
    md = markdown_report.render(single)
    assert "## 문서별 요약" not in md  # one document: no batch table
    assert md.startswith("# ")
    assert "## 1. rfp\\_violations.pdf" in md
    facts = entry["facts"]
    assert f"| 사업명 | {esc(facts['project_name']['value'])} |" in md
    assert f"| 사업금액 | {esc(format_won(facts['budget_krw']['value']))} |" in md
    for label in ("사업기간", "계약방법", "사업유형"):
        assert f"| {label} | " in md
    s = entry["summary"]
    assert f"위반 {s['violation']} · 누락 {s['missing']} · 검토필요 {s['review']} · 적합 {s['pass']}" in md
    rule_rows = re.findall(r"^\| ([A-Z]+\d\d) \| .* \| (.*) \|$", md, re.M)
    assert [r for r, _ in rule_rows] == [f["rule_id"] for f in entry["findings"]]
    for (rid, cell), f in zip(rule_rows, entry["findings"]):
        assert STATUS_KO[f["status"]] in cell
    # pass / not applicable only in the table; verbose gives them cards too
    cards = re.findall(r"^#### ", md, re.M)
    assert len(cards) == s["violation"] + s["missing"] + s["review"]
    order = [m.group(1) for m in re.finditer(r"^### (위반|누락|검토필요|적합|해당없음) \(", md, re.M)]
    assert order == ["위반", "누락"]
    verbose = markdown_report.render(single, verbose=True)
    assert len(re.findall(r"^#### ", verbose, re.M)) == len(entry["findings"])
    assert "### 적합 (" in verbose


def test_markdown_batch_summary_with_an_errored_document(batch):
    md = markdown_report.render(batch)
    assert md.index("## 문서별 요약") < md.index("## 1. ")
    rows = re.findall(r"^\| (\d) \| (\S+) \| (.*) \|$", md, re.M)
    assert [int(n) for n, _, _ in rows] == [1, 2, 3, 4, 5]
    for (n, name, rest), entry in zip(rows, batch["documents"]):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", rest)]
        if entry["error"]:
            assert name == "broken.pdf"
            assert cells[:5] == ["-"] * 5 and cells[5] == "오류: 빈 파일입니다 (0바이트)."
        else:
            assert [int(c) for c in cells[:5]] == [entry["summary"][s] for s in STATUS_KO]
    assert "## 5. broken.pdf" in md
    err_block = md[md.index("## 5. broken.pdf"):]
    assert "> **오류**: 빈 파일입니다 (0바이트)." in err_block
    assert "#### " not in err_block and "### 사업 정보" not in err_block


def test_markdown_escaping_keeps_a_hostile_quote_inert(single):
    report = copy.deepcopy(single)
    entry = report["documents"][0]
    f = _first_violation(entry)
    f["evidence"][0]["quote"] = PAYLOAD
    entry["facts"]["project_name"]["value"] = "A | B # `c` <b>"
    md = markdown_report.render(report)
    assert "<script>" not in md and "<b>" not in md
    assert "> \\<script\\>alert(1)\\</script\\> \\| \\*x\\*\n" in md
    assert "| 사업명 | A \\| B # \\`c\\` \\<b\\> |" in md
    # a table row still has exactly its three cells (unescaped pipes = 4)
    row = next(ln for ln in md.splitlines() if ln.startswith("| 사업명 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 4


def test_markdown_renders_hostile_text_as_text_in_a_commonmark_parser(single):
    markdown_it = pytest.importorskip("markdown_it")
    report = copy.deepcopy(single)
    entry = report["documents"][0]
    f = _first_violation(entry)
    f["evidence"][0]["quote"] = PAYLOAD
    f["message"] = "# 제목 아님 _강조 아님_ [링크](x)"
    entry["facts"]["project_name"]["value"] = PAYLOAD
    out = markdown_it.MarkdownIt("commonmark").enable("table").render(markdown_report.render(report))
    assert "<script>" not in out and "<em>" not in out and "<a href" not in out
    assert out.count("&lt;script&gt;alert(1)&lt;/script&gt; | *x*") == 2  # quote and fact cell
    assert "# 제목 아님 _강조 아님_ [링크](x)" in out
    # every row of the facts and rule tables keeps three cells
    for table in re.findall(r"<table>.*?</table>", out, re.S):
        for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
            n = len(re.findall(r"<t[dh][ >]", tr))
            assert n in (3,), tr


def test_markdown_escape_only_where_it_matters():
    assert esc("23.5억원") == "23.5억원"
    assert esc("1. 개요") == "1\\. 개요"
    assert esc("# 제목") == "\\# 제목"
    assert esc("- 항목") == "\\- 항목"
    assert esc("a\n\nb  c") == "a b c"
    assert esc("&amp; 그리고 & 기호") == "\\&amp; 그리고 & 기호"


def test_markdown_and_html_show_suppression_and_baseline(single):
    report = copy.deepcopy(single)
    flagged = [f for f in report["documents"][0]["findings"] if f["status"] in FLAGGED]
    sup, new = flagged[0], flagged[1]
    sup["suppressed"] = {"reason": "정보화팀 검토 완료(2025-03)", "source": "설정 파일 억제: SW01"}
    sup["baseline_state"] = "unchanged"
    new["baseline_state"] = "new"
    md = markdown_report.render(report)
    assert re.search(rf"^\| {sup['rule_id']} \| .* \| \*\*위반\*\* \(억제됨, 기존\) \|$", md, re.M)
    assert re.search(rf"^\| {new['rule_id']} \| .* \(신규\) \|$", md, re.M)
    card = md[md.index(f"{sup['rule_id']} {esc(sup['title'])} — "):]
    card = card[:card.index("\n#### ")]
    assert "- **억제됨**: 사유: 정보화팀 검토 완료(2025-03) (설정 파일 억제: SW01)" in card
    assert "- **기존**: 기준 보고서에 이미 있던 지적입니다." in card
    assert "(억제됨 1 · 기존 1 · 신규 1)" in md

    page = html_report.render(report)
    c = _assert_well_formed(page)
    art = page[page.index(f'id="doc-1-{sup["rule_id"]}"'):]
    art = art[:art.index("</article>")]
    assert '<span class="mark" title="정보화팀 검토 완료(2025-03)">억제됨</span>' in art
    assert "<dt>억제됨</dt><dd>사유: 정보화팀 검토 완료(2025-03) (설정 파일 억제: SW01)</dd>" in art
    assert '<span class="mark">기존</span>' in art
    assert f'id="doc-1-{new["rule_id"]}"' in page and '<span class="mark">신규</span>' in page
    assert "기준 보고서에 없던 지적입니다." in "".join(c.data)


# ------------------------------------------------------------------------- HTML


def test_html_is_self_contained_well_formed_and_print_ready(batch):
    page = html_report.render(batch)
    _assert_well_formed(page)
    low = page.lower()
    for outside in ("http://", "https://", "src=", "url(", "@import", "<link", "@font-face"):
        assert outside not in low, outside
    assert "@media print" in page and "<style>" in page
    # the filter box is hidden until the script shows it: the page reads in full without it
    assert '<div id="filter" hidden>' in page
    assert "hidden-by-filter" not in page.split("<style>")[1].split("</style>")[1].split("<script")[0]


def test_html_shows_every_flagged_finding_with_label_and_quote(batch):
    page = html_report.render(batch)
    for i, entry in enumerate(batch["documents"], 1):
        if entry["error"]:
            continue
        for f in entry["findings"]:
            if f["status"] not in FLAGGED:
                continue
            start = page.index(f'<article class="finding f-{f["status"]}" id="doc-{i}-{f["rule_id"]}"')
            art = page[start:page.index("</article>", start)]
            assert f"<h4>{f['rule_id']} " in art
            assert f'<span class="badge s-{f["status"]}">{STATUS_KO[f["status"]]}</span>' in art
            if f["evidence"]:
                assert f"<blockquote><p>{escape(f['evidence'][0]['quote'])}</p>" in art
            assert "<dt>법적 근거</dt>" in art and escape(f["citations"][0]["law"]) in art
            if f["suggestion"]:
                assert escape(f["suggestion"]) in art
        # pass / not applicable are table rows only
        assert f'<article class="finding f-pass" id="doc-{i}-' not in page


def test_html_batch_matrix_links_each_document_and_shows_the_error(batch):
    page = html_report.render(batch)
    c = _assert_well_formed(page)
    matrix = page[page.index('<table class="matrix">'):page.index("</table>", page.index('<table class="matrix">'))]
    rows = re.findall(r"<tr>(.*?)</tr>", matrix.split("<tbody>")[1], re.S)
    assert len(rows) == len(batch["documents"])
    for i, (row, entry) in enumerate(zip(rows, batch["documents"]), 1):
        assert f'<a href="#doc-{i}"' in row and f"doc-{i}" in c.ids
        if entry["error"]:
            assert "오류: 빈 파일입니다 (0바이트)." in row
            continue
        nums = re.findall(r'<td class="num">(\d+)</td>', row)
        assert [int(n) for n in nums] == [entry["summary"][s] for s in STATUS_KO]
        labels = re.findall(r'<span class="badge s-(\w+)">([^<]+)</span>', row)
        assert [s for s, _ in labels] == [f["status"] for f in entry["findings"]]
        for s, text in labels:  # every coloured cell also carries words or a sign
            assert text.strip()
    sec = page[page.index('<section class="document" id="doc-5">'):]
    assert '<p class="error"><strong>오류</strong>: 빈 파일입니다 (0바이트).</p>' in sec
    single_page = html_report.render(make_report([batch["documents"][0]]))
    assert '<table class="matrix">' not in single_page


def test_html_escapes_every_document_derived_string(single):
    report = copy.deepcopy(single)
    entry = report["documents"][0]
    f = _first_violation(entry)
    f["evidence"][0]["quote"] = PAYLOAD
    f["evidence"][0]["section"] = '"><script>x</script>'
    f["message"] = PAYLOAD
    entry["document"]["path"] = 'docs/"<script>alert(2)</script>.pdf'
    entry["facts"]["project_name"]["value"] = PAYLOAD
    err = copy.deepcopy(entry)
    err["findings"], err["facts"] = [], {}
    err["error"] = {"code": "corrupt", "message": "<img src=x onerror=alert(3)>"}
    report["documents"].append(err)
    page = html_report.render(report)
    c = _assert_well_formed(page)  # exactly one <script>: the page's own
    text = "".join(c.data)
    assert text.count(PAYLOAD) >= 3  # quote, message, fact value come out as plain text
    assert "<img src=x onerror=alert(3)>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *x*" in page
    assert "<img" not in page
    assert 'docs/&quot;&lt;script&gt;alert(2)&lt;/script&gt;.pdf' in page


def test_html_verbose_and_limited_rules(single):
    report = copy.deepcopy(single)
    entry = report["documents"][0]
    page = html_report.render(report, verbose=True, color=True, unknown_option=1)
    _assert_well_formed(page)
    assert page.count('<article class="finding') == len(entry["findings"])
    keep = {"SW01", "SW13"}
    entry["findings"] = [f for f in entry["findings"] if f["rule_id"] in keep]
    limited = html_report.render(report)
    rows = re.findall(r'<tr data-status="\w+"><td>(?:<a [^>]+>)?(\w+)<', limited)
    assert rows == ["SW01", "SW13"]
    md = markdown_report.render(report)
    assert re.findall(r"^\| ([A-Z]+\d\d) \|", md, re.M) == ["SW01", "SW13"]


def test_both_formats_survive_a_report_of_only_an_errored_document(batch):
    report = make_report([batch["documents"][-1]])
    md = markdown_report.render(report)
    assert "오류**: 빈 파일입니다 (0바이트)." in md
    page = html_report.render(report)
    _assert_well_formed(page)
    assert "빈 파일입니다 (0바이트)." in unescape(page)
