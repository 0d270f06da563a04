"""English reports (--lang en): the locale is complete, and nothing but Korean content is left Korean.

The central check (:func:`leftover_hangul`) renders every human format in English on real sample
reports, removes the parts that are Korean on purpose — quotes and other text taken from the document,
the tool's detailed Korean judgement, the Korean model clause, user-written suppression reasons and
the Korean law names in parentheses — and asserts that no Hangul remains: any frame label, status,
fact value, location or legal-basis text left untranslated fails it.
"""
from __future__ import annotations

import copy
import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import needs_shared

from rfpcheck.checks.registry import all_rules
from rfpcheck.pipeline import i18n
from rfpcheck.pipeline.cli import main
from rfpcheck.pipeline.i18n import HANGUL, RULE_FIELDS, article_en, get_locale, has_hangul
from rfpcheck.pipeline.model import SEVERITIES, STATUSES
from rfpcheck.pipeline.report import FORMATS, render, validate
from rfpcheck.pipeline.run import check_file, make_report

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
HUMAN_FORMATS = ("text", "md", "html", "csv", "matrix", "sarif")
EN = get_locale("en")
KO = get_locale("ko")


# ── fixtures ────────────────────────────────────────────────────────────────────────────────────

@pytest.fixture(scope="module")
def entries(tmp_path_factory) -> list[dict]:
    bad = tmp_path_factory.mktemp("bad") / "broken.pdf"
    bad.write_bytes(b"")
    return [check_file(str(SAMPLES / "rfp_violations.pdf")), check_file(str(SAMPLES / "rfp_short.txt")),
            check_file(str(bad))]


@pytest.fixture(scope="module")
def batch(entries) -> dict:
    """Both samples and an unreadable file; one finding suppressed, baseline states set."""
    report = make_report(copy.deepcopy(entries))
    first = report["documents"][0]
    for i, f in enumerate(first["findings"]):
        f["baseline_state"] = "new" if i % 2 else "unchanged"
    flagged = next(f for f in first["findings"] if f["status"] == "violation")
    flagged["suppressed"] = {"reason": "법무 검토 완료", "source": "rfpcheck.toml"}
    return report


@pytest.fixture(scope="module")
def single(entries) -> dict:
    return make_report([copy.deepcopy(entries[0])])


# ── what may stay Korean, and the check ─────────────────────────────────────────────────────────

def _evidence_texts(ev: dict) -> list[str]:
    q = ev.get("quote") or ""
    section = ev.get("section") or ""
    # a section path is the document's own headings; SARIF also names each heading on its own
    return [q, q[:80], q[:60], section, *section.split(" > ")]


def allowed_korean(report: dict) -> set[str]:
    """Strings an English report shows in Korean on purpose, taken from the report itself."""
    out: set[str] = set()
    for entry in report["documents"]:
        out.add(entry["document"]["path"])
        if entry.get("error"):
            out.add(entry["error"].get("message") or "")
        for s in entry.get("sections") or []:
            out.add(s["title"])
        for name, fact in (entry.get("facts") or {}).items():
            if name == "project_name" and fact.get("value"):
                out.add(str(fact["value"]))  # document text
            for ev in fact.get("evidence") or []:
                out.update(_evidence_texts(ev))
        for f in entry["findings"]:
            out.update(f.get(k) or "" for k in ("message", "applies", "looked_for", "suggestion"))
            for ev in f.get("evidence") or []:
                out.update(_evidence_texts(ev))
            if f.get("suppressed"):
                out.update([f["suppressed"].get("reason") or "", f["suppressed"].get("source") or ""])
    # the Korean model clauses (SARIF carries every rule's clause in its rule descriptors)
    out.update(r.suggestion for r in all_rules().values() if r.suggestion)
    return out | _law_parentheses()


def _law_parentheses() -> set[str]:
    laws = {c.law for r in all_rules().values() for c in r.citations} | set(EN.data["laws"])
    return {f"({EN.law_ko_display(law)})" for law in laws}


def _canon(text: str) -> str:
    return re.sub(r"\s+", "", text)


def leftover_hangul(output: str, allowed: set[str]) -> list[str]:
    """Hangul left in ``output`` once every allowed string is removed (whitespace ignored, so wrapped
    lines still match). Returns short snippets around what is left."""
    text = _canon(output)
    for s in sorted({_canon(a) for a in allowed if a}, key=len, reverse=True):
        if s:
            text = text.replace(s, "\x00")
    return [text[max(0, m.start() - 30): m.end() + 30] for m in HANGUL.finditer(text)][:10]


def _md_plain(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def _visible(fmt: str, output: str) -> str:
    """The human text of a rendered report, with the format's own escaping undone."""
    if fmt == "md":
        return _md_plain(output)
    if fmt == "html":  # the text and attribute values a reader sees (not the style sheet's font names)
        body = re.sub(r"<(style|script)\b.*?</\1>", " ", output, flags=re.S)
        attrs = re.findall(r'\b(?:title|aria-label|alt)="([^"]*)"', body)
        return html.unescape(re.sub(r"<[^>]+>", " ", body) + "\n" + "\n".join(attrs))
    if fmt in ("csv", "matrix"):
        cells = [c[1:] if c.startswith("'") else c for row in csv.reader(io.StringIO(output)) for c in row]
        return "\n".join(cells)
    if fmt == "sarif":
        return "\n".join(_sarif_human_texts(json.loads(output)))
    return output


def _sarif_human_texts(log: dict) -> list[str]:
    """Message, description and help texts (not the machine ``properties``)."""
    out: list[str] = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "properties":
                    continue
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("text", "markdown", "name"):
            out.append(_md_plain(node) if key == "markdown" else node)

    walk(log)
    return out


# ── the locale files ────────────────────────────────────────────────────────────────────────────

def test_every_rule_has_every_english_text():
    rules = all_rules()
    assert set(EN.data["rules"]) == set(rules), "English texts for exactly the catalog's rules"
    for rid, rule in rules.items():
        en = EN.rule(rid)
        for field in RULE_FIELDS:
            text = en.get(field, "")
            if field == "forbidden":
                assert bool(text) == bool(rule.forbidden), f"{rid}: forbidden given iff the rule has one"
            else:
                assert text.strip(), f"{rid}.{field} is empty"
            assert not has_hangul(text), f"{rid}.{field} holds Hangul: {text[:80]}"
        assert en["title"] != rule.title


def test_every_citation_of_the_catalog_renders_in_english():
    for rid, rule in all_rules().items():
        for c in rule.citations:
            assert EN.law_en(c.law), f"{rid}: no English name for {c.law}"
            assert not has_hangul(EN.article(c.article)), f"{rid}: article {c.article!r} not rendered"
            if c.note:
                assert not has_hangul(EN.note(c.note)), f"{rid}: note {c.note!r} not translated"
            text = EN.citation(c.to_dict())
            # the only Korean left is the law's own name in parentheses
            assert not has_hangul(text.replace(f"({EN.law_ko_display(c.law)})", "")), text


def test_english_locale_strings_hold_no_hangul():
    d = EN.data
    groups = [d["labels"], d["statuses"], d["severity_word"], d["severity_level"], d["baseline"],
              d["fact_sources"], d["fact_labels"], d["error_codes"], d["laws"], d["articles"], d["notes"]]
    groups += list(d["fact_values"].values())
    for group in groups:
        for key, text in group.items():
            assert not has_hangul(text), f"{key}: {text}"


def test_both_locales_have_the_same_keys_and_cover_every_status_and_severity():
    ko, en = KO.data, EN.data
    for section in ("labels", "statuses", "severity_word", "severity_level", "baseline", "fact_sources",
                    "fact_labels", "error_codes"):
        assert set(ko[section]) == set(en[section]), section
    assert set(en["statuses"]) == set(STATUSES)
    assert set(en["severity_word"]) == set(en["severity_level"]) == set(SEVERITIES)
    assert ko["statuses"] == dict(zip(STATUSES, (KO.status(s) for s in STATUSES)))
    from rfpcheck.pipeline.model import STATUS_KO
    assert ko["statuses"] == STATUS_KO


def _keys_used_by_code() -> set[str]:
    """Label keys named literally in the renderers and the CLI, plus the ones built from a value."""
    files = list((REPO / "pipeline" / "report").glob("*.py")) + [REPO / "pipeline" / "cli.py",
                                                                 REPO / "pipeline" / "i18n.py"]
    keys: set[str] = set()
    for p in files:
        keys.update(re.findall(r"""\.t\(\s*["']([a-z_]+\.[a-z_.]+)["']""", p.read_text(encoding="utf-8")))
    keys.update(f"status_short.{s}" for s in STATUSES)
    keys.update(f"baseline.{s}_detail" for s in ("new", "unchanged"))
    keys.update(f"fact.{v}" for v in ("yes", "no", "unknown"))
    keys.update(f"finding.generic_{s}" for s in ("pass", "not_applicable"))
    from rfpcheck.pipeline.report import csv_report
    keys.update(f"csv.{c}" for c in csv_report._COLUMNS_EN)
    keys.update(key for _, key in i18n._LOC_PARTS)
    return keys


def test_every_label_the_code_uses_exists_in_both_locales():
    used = _keys_used_by_code()
    assert len(used) > 80  # the grep found the renderers' keys
    for L in (KO, EN):
        missing = sorted(k for k in used if k not in L.labels)
        assert not missing, f"{L.lang}: {missing}"


def test_error_codes_of_the_readers_have_english_reasons():
    from rfpcheck.pipeline.report.sarif_report import ERROR_CODES_KO

    codes = set(ERROR_CODES_KO)
    for p in (REPO / "pipeline").rglob("*.py"):
        codes.update(re.findall(r"""InputError\([^)]*?["']([a-z_]+)["']\s*\)""", p.read_text(encoding="utf-8")))
    codes.update(("too_complex", "internal"))
    for code in codes:
        assert code in EN.data["error_codes"], code


# ── the pieces ──────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("ko, en", [
    ("제50조", "Article 50"),
    ("제47조⑥", "Article 47(6)"),
    ("제48조②④", "Article 48(2) and (4)"),
    ("제24조~제28조", "Articles 24 to 28"),
    ("제7조, 제8조", "Articles 7 and 8"),
    ("제8조, 제10조②", "Articles 8 and 10(2)"),
    ("제43조, 제43조의3", "Articles 43 and 43-3"),
    ("제34조의3", "Article 34-3"),
    ("제30조제5호", "Article 30, subparagraph 5"),
    ("제49조제3항", "Article 49(3)"),
])
def test_article_numbers_are_kept_verbatim(ko, en):
    assert article_en(ko) == en


def test_an_article_that_is_not_a_number_is_not_guessed():
    assert article_en("용역업체 보안관리 조항") is None
    assert EN.article("용역업체 보안관리 조항") == "provisions on security management of service contractors"


@pytest.mark.parametrize("ko, en", [
    ("15쪽", "p. 15"),
    ("1번째 구역, 문단 229, 표 53 (5행 3열)", "section 1, paragraph 229, table 53 (row 5, col 3)"),
    ("3쪽, 표 1 (2행 2열)", "p. 3, table 1 (row 2, col 2)"),
    ("문단 26", "paragraph 26"),
    ("블록 4", "block 4"),
    # HWP/HWPX pages are estimates from the stored layout; the exact section/paragraph follow
    ("약 15쪽 (1번째 구역, 문단 229), 표 53 (5행 3열)",
     "approx. p. 15 (section 1, paragraph 229), table 53 (row 5, col 3)"),
    ("약 3쪽", "approx. p. 3"),
    ("붙임 2 서식", "붙임 2 서식"),  # not a location this understands: left as it is
])
def test_locations_are_rendered_in_english(ko, en):
    assert EN.location(ko) == en
    assert KO.location(ko) == ko


def test_amounts_and_fact_values():
    assert EN.won(1_850_000_000) == "KRW 1.85 billion (1,850,000,000)"
    assert EN.won(450_000_000) == "KRW 450 million (450,000,000)"
    assert EN.won(95_000_000) == "KRW 95 million (95,000,000)"
    assert KO.won(1_850_000_000) == "18.5억원 (1,850,000,000원)"
    budget = {"value": 1_100_000_000, "vat": "excluded"}
    assert EN.fact_value("budget_krw", budget) == "KRW 1.1 billion (1,100,000,000), VAT-exclusive amount converted to VAT-inclusive"
    assert EN.fact_value("project_kinds", {"value": ["SW개발", "유지관리운영"]}) == "Software development, Maintenance and operation"
    assert EN.fact_value("contract_method", {"value": "협상"}) == "Contract by negotiation"
    assert EN.fact_value("duration_months", {"value": 1}) == "1 month"
    assert EN.fact_value("priced_by_fp", {"value": "unknown"}) == "unknown"
    assert KO.fact_value("duration_months", {"value": 8}) == "8개월"


def test_explanations_follow_the_status(single):
    findings = single["documents"][0]["findings"]
    violation = next(f for f in findings if f["status"] == "violation")
    assert EN.explanation(violation) == EN.rule(violation["rule_id"])["violation"]
    failed = dict(violation, status="review", message="[내부 오류] 이 항목을 점검하는 중 …")
    assert "internal rfpcheck error" in EN.explanation(failed)
    assert KO.explanation(violation) == ""


# ── the reports ─────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
@pytest.mark.parametrize("verbose", [False, True])
def test_english_reports_leave_nothing_untranslated(batch, fmt, verbose):
    out = render(fmt, copy.deepcopy(batch), lang="en", verbose=verbose)
    left = leftover_hangul(_visible(fmt, out), allowed_korean(batch))
    assert not left, f"{fmt}: untranslated Korean: {left}"


def test_the_leftover_check_catches_an_untranslated_label(batch):
    """The check is not vacuous: an English report with one Korean frame label fails it."""
    out = render("text", copy.deepcopy(batch), lang="en")
    assert not leftover_hangul(out, allowed_korean(batch))
    spoiled = out.replace("Legal basis:", "법적 근거:", 1)
    assert leftover_hangul(spoiled, allowed_korean(batch))
    spoiled = out.replace("p. 15", "15쪽", 1)
    assert leftover_hangul(spoiled, allowed_korean(batch))


def test_english_finding_shows_explanation_korean_detail_quotes_basis_and_clause(single):
    f = next(f for f in single["documents"][0]["findings"] if f["rule_id"] == "SW08")
    assert f["status"] == "violation"
    en = EN.rule("SW08")
    for fmt in ("text", "md", "html"):
        out = _canon(_visible(fmt, render(fmt, copy.deepcopy(single), lang="en"))).replace("*", "")
        assert _canon("Defect liability period and scope") in out
        assert _canon(en["violation"]) in out
        assert re.search(re.escape(_canon("Detail (Korean)")) + ":?" + re.escape(_canon(f["message"])), out)
        assert _canon(f["evidence"][0]["quote"]) in out
        assert _canon("Software Promotion Act (소프트웨어 진흥법), Article 60(1)") in out
        assert _canon("Suggested clause (Korean, to paste into the RFP)") in out
        assert _canon(f["suggestion"]) in out
        where = EN.location(f["evidence"][0]["location"])
        assert where.startswith(("p. ", "section ")) and _canon(where) in out


def test_english_csv_has_an_explanation_column_before_the_korean_detail(single):
    rows = list(csv.reader(io.StringIO(render("csv", copy.deepcopy(single), lang="en"))))
    head = rows[0]
    assert head[head.index("Explanation") + 1] == "Detail (Korean)"
    assert head[-1] == "Fingerprint" and len(rows) == 1 + len(all_rules())
    sw08 = next(r for r in rows if r[2] == "SW08")
    assert sw08[4] == "Violation" and sw08[5] == "High"
    assert sw08[6] == EN.rule("SW08")["violation"]


def test_english_sarif_keeps_machine_fields_and_explains_in_english(single):
    ko = json.loads(render("sarif", copy.deepcopy(single)))
    en = json.loads(render("sarif", copy.deepcopy(single), lang="en"))
    run_ko, run_en = ko["runs"][0], en["runs"][0]
    assert run_en["language"] == "en-US" and run_ko["language"] == "ko-KR"
    strip = ("message", "name", "shortDescription", "fullDescription", "help", "language", "description")

    def machine(node):
        if isinstance(node, dict):
            return {k: machine(v) for k, v in node.items() if k not in strip}
        if isinstance(node, list):
            return [machine(v) for v in node]
        return node

    assert machine(run_en) == machine(run_ko)  # ids, kinds, levels, fingerprints, properties
    rule = next(r for r in run_en["tool"]["driver"]["rules"] if r["id"] == "SW08")
    assert rule["name"] == EN.rule_title("SW08")
    assert "Article 60(1)" in rule["help"]["text"]
    res = next(r for r in run_en["results"] if r["ruleId"] == "SW08")
    assert res["message"]["text"].startswith(f"[Violation] {EN.rule('SW08')['violation']} Detail (Korean): ")
    assert res["locations"][0]["message"]["text"].startswith("p. ")


@needs_shared
def test_english_sarif_is_valid_sarif(batch):
    from test_report_sarif import schema_errors

    for verbose in (False, True):
        log = json.loads(render("sarif", copy.deepcopy(batch), lang="en", verbose=verbose))
        assert not schema_errors(log)


def test_json_report_is_the_same_in_every_language(batch):
    assert render("json", copy.deepcopy(batch), lang="en") == render("json", copy.deepcopy(batch))
    validate(json.loads(render("json", copy.deepcopy(batch), lang="en")))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_korean_stays_the_default(batch, fmt):
    default = render(fmt, copy.deepcopy(batch), verbose=True)
    assert default == render(fmt, copy.deepcopy(batch), verbose=True, lang="ko")
    if fmt != "json":
        assert "Detail (Korean)" not in default
        assert any(word in default for word in ("위반", "누락", "판단"))


def test_html_marks_the_page_and_the_korean_parts(single):
    out = render("html", copy.deepcopy(single), lang="en")
    assert '<html lang="en">' in out
    assert '<p lang="ko">' in out and '<p class="clause" lang="ko">' in out
    assert '<html lang="ko">' in render("html", copy.deepcopy(single))


# ── the command line ────────────────────────────────────────────────────────────────────────────

def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_lang_en_prints_an_english_report():
    path = SAMPLES / "rfp_short.txt"
    r = _run(str(path), "--lang", "en", "--no-config", "--no-color")
    assert r.exit_code == 1  # the short sample has 위반
    assert "Results (26 rules:" in r.stdout and "Detail (Korean):" in r.stdout
    report = make_report([check_file(str(path))])
    assert not leftover_hangul(r.stdout, allowed_korean(report))
    assert "위반" in _run(str(path), "--no-config").stdout  # and Korean without the option


def test_cli_lang_en_writes_files_and_english_error_lines(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"")
    r = _run(str(SAMPLES / "rfp_short.txt"), str(bad), "--lang", "en", "--no-config", "-f", "md",
             "--out-dir", str(tmp_path / "out"))
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert any(ln.startswith(f"rfpcheck: {bad}: The file is damaged — Detail (Korean): ") for ln in lines)
    assert any(ln.startswith("[1/2]") and "Violation" in ln for ln in lines)
    assert any(ln.startswith("Report saved: ") for ln in lines)
    md = (tmp_path / "out" / "rfpcheck-report.md").read_text(encoding="utf-8")
    assert md.startswith("# Legal compliance report")


def test_cli_rules_and_explain_in_english():
    r = _run("rules", "--lang", "en")
    assert r.exit_code == 0
    for rid in all_rules():
        assert f"{rid:<7}{EN.rule_title(rid)}" in r.stdout
    assert not leftover_hangul(r.stdout, _law_parentheses())

    data = json.loads(_run("rules", "--format", "json", "--lang", "en").stdout)
    assert [d["id"] for d in data] == list(all_rules())
    assert all(d["title_en"] and not has_hangul(d["title_en"]) for d in data)

    for rid, rule in all_rules().items():
        r = _run("explain", rid.lower(), "--lang", "en")
        assert r.exit_code == 0
        en = EN.rule(rid)
        assert r.stdout.startswith(f"{rid} {en['title']}")
        for field in ("requirement", "applies", "violation", "missing", "review", "clause"):
            assert _canon(en[field]) in _canon(r.stdout), (rid, field)
        allowed = {rule.title, rule.suggestion, *rule.examples_pass, *rule.examples_violation} | _law_parentheses()
        assert not leftover_hangul(r.stdout, allowed), rid
    assert "소프트웨어 진흥법 제60조①" in _run("explain", "sw08").stdout  # Korean by default
