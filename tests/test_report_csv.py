"""The reviewer's batch outputs: long CSV, documents × rules matrix CSV, and the terminal batch summary."""
from __future__ import annotations

import copy
import csv
import io
import re
import shutil

import pytest

from conftest import SAMPLES
from rfpcheck.checks.registry import all_rules
from rfpcheck.pipeline.model import STATUS_KO
from rfpcheck.pipeline.report import csv_report, matrix_report, text
from rfpcheck.pipeline.run import check_file, make_report

SAMPLE_FILES = ["rfp_violations.pdf", "rfp_compliant.docx", "rfp_sample.hwpx"]
LONG_BAD_NAME = "망가진_제안요청서_최종본_수정본_진짜최종_제출용.hwp"
HANGUL_NAME = "한글이름_제안요청서.txt"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    """Three samples, the short TXT under a Hangul file name, and an empty file that cannot be read."""
    d = tmp_path_factory.mktemp("batch")
    shutil.copy(SAMPLES / "rfp_short.txt", d / HANGUL_NAME)
    (d / LONG_BAD_NAME).write_bytes(b"")
    paths = [str(SAMPLES / n) for n in SAMPLE_FILES] + [str(d / HANGUL_NAME), str(d / LONG_BAD_NAME)]
    return make_report([check_file(p) for p in paths])


def parse(out: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(out, newline="")))


def ok_docs(report):
    return [e for e in report["documents"] if not e["error"]]


def first_violation(rep: dict) -> dict:
    return next(f for e in ok_docs(rep) for f in e["findings"] if f["status"] == "violation")


# ── long CSV ─────────────────────────────────────────────────────────────────────────────────────────

def test_csv_header_and_row_count(report):
    out = csv_report.render(report)
    rows = parse(out)
    assert rows[0] == ["문서", "형식", "규칙", "항목", "상태", "심각도", "판단", "근거 문구", "위치",
                       "법적 근거", "권고 문안", "억제 사유", "기준선", "지문"]
    n_rules = len(all_rules())
    assert n_rules == 26
    assert len(ok_docs(report)) == 4
    assert len(rows) - 1 == 4 * n_rules + 1
    assert all(len(r) == len(rows[0]) for r in rows)
    assert out.endswith("\r\n") and "\r\n" in out


def test_csv_statuses_quotes_and_citations_match_the_json(report):
    rows = parse(csv_report.render(report))
    h = {name: i for i, name in enumerate(rows[0])}
    by_key = {(r[h["문서"]], r[h["규칙"]]): r for r in rows[1:]}
    catalog = all_rules()
    checked = 0
    for entry in ok_docs(report):
        path = entry["document"]["path"]
        rule_rows = [r for r in rows[1:] if r[h["문서"]] == path]
        assert [r[h["규칙"]] for r in rule_rows] == list(catalog)  # catalog order
        for f in entry["findings"]:
            r = by_key[(path, f["rule_id"])]
            assert r[h["상태"]] == STATUS_KO[f["status"]]
            assert r[h["형식"]] == entry["document"]["format"].upper()
            assert r[h["항목"]] == f["title"]
            assert r[h["지문"]] == f["fingerprint"]
            assert r[h["판단"]] == f["message"]
            quotes = [e["quote"] for e in f["evidence"]]
            if quotes and not quotes[0].startswith(("=", "+", "-", "@")):
                assert r[h["근거 문구"]] == " / ".join(quotes)
                assert r[h["위치"]].split(" / ")[0].startswith(f["evidence"][0]["location"])
            assert r[h["법적 근거"]].startswith(f"{f['citations'][0]['law']} {f['citations'][0]['article']}")
            assert r[h["권고 문안"]] == (f["suggestion"] or "")
            assert r[h["억제 사유"]] == "" and r[h["기준선"]] == ""
            checked += 1
    assert checked == 4 * 26
    sw01 = by_key[(str(SAMPLES / "rfp_violations.pdf"), "SW01")]
    assert sw01[h["상태"]] == "위반" and sw01[h["심각도"]] == "높음"
    assert "소프트웨어 진흥법 제50조" in sw01[h["법적 근거"]]
    assert "쪽" in sw01[h["위치"]] and "과업심의위원회" in sw01[h["위치"]]  # location · section
    # a finding with two quotes joins them with " / "
    multi = [f for e in ok_docs(report) for f in e["findings"] if len(f["evidence"]) >= 2]
    assert multi


def test_csv_error_row_carries_the_korean_message(report):
    rows = parse(csv_report.render(report))
    h = {name: i for i, name in enumerate(rows[0])}
    bad = [r for r in rows[1:] if r[h["상태"]] == "오류"]
    assert len(bad) == 1
    assert bad[0][h["문서"]].endswith(LONG_BAD_NAME)
    err = next(e["error"] for e in report["documents"] if e["error"])
    assert bad[0][h["판단"]] == err["message"] and "빈 파일" in err["message"]
    assert bad[0][h["규칙"]] == ""


def test_csv_verbose_does_not_drop_rows(report):
    assert csv_report.render(report, verbose=False) == csv_report.render(report, verbose=True, color=True)


def test_csv_injection_guard_on_document_text(report):
    rep = copy.deepcopy(report)
    f = first_violation(rep)
    f["evidence"][0]["quote"] = '=HYPERLINK("http://example.invalid/x","열기")'
    f["evidence"].append(dict(f["evidence"][0], quote="두 번째, \"인용\"\n줄바꿈"))
    f["message"] = "+1+2"
    rows = parse(csv_report.render(rep))
    h = {name: i for i, name in enumerate(rows[0])}
    r = next(r for r in rows[1:] if r[h["지문"]] == f["fingerprint"])
    assert r[h["근거 문구"]] == '\'=HYPERLINK("http://example.invalid/x","열기") / 두 번째, "인용"\n줄바꿈'
    assert r[h["판단"]] == "'+1+2"
    for lead in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_report.safe_cell(lead + "SUM(A1)") == "'" + lead + "SUM(A1)"
    assert csv_report.safe_cell("a=b") == "a=b"
    assert csv_report.safe_cell("하도급은 50% 이내") == "하도급은 50% 이내"
    assert csv_report.safe_cell("널\x00문자") == "널 문자"
    assert csv_report.safe_cell(None) == ""
    # no cell of the real report starts a formula
    for row in parse(csv_report.render(report)):
        assert not any(c.startswith(("=", "+", "-", "@")) for c in row)


def test_csv_suppressed_and_baseline_columns(report):
    rep = copy.deepcopy(report)
    f = first_violation(rep)
    f["suppressed"] = {"reason": "발주기관 협의로 예외 처리", "source": ".rfpcheck.yml"}
    f["baseline_state"] = "unchanged"
    g = next(x for e in ok_docs(rep) for x in e["findings"] if x["status"] == "missing")
    g["baseline_state"] = "new"
    rows = parse(csv_report.render(rep))
    h = {name: i for i, name in enumerate(rows[0])}
    rf = next(r for r in rows[1:] if r[h["지문"]] == f["fingerprint"])
    rg = next(r for r in rows[1:] if r[h["지문"]] == g["fingerprint"])
    assert rf[h["억제 사유"]] == "발주기관 협의로 예외 처리" and rf[h["기준선"]] == "기존"
    assert rf[h["상태"]] == "위반"
    assert rg[h["기준선"]] == "신규" and rg[h["억제 사유"]] == ""


# ── matrix CSV ───────────────────────────────────────────────────────────────────────────────────────

def test_matrix_cells_facts_and_totals(report):
    rows = parse(matrix_report.render(report))
    head = rows[0]
    rule_ids = list(all_rules())
    assert head[:4] == ["문서", "형식", "사업명", "사업금액"]
    assert head[4:4 + len(rule_ids)] == rule_ids
    assert head[4 + len(rule_ids):] == ["위반", "누락", "검토필요", "오류 내용"]
    assert len(rows) == 1 + len(report["documents"]) + 1
    col = {name: i for i, name in enumerate(head)}
    per_rule = dict.fromkeys(rule_ids, 0)
    for entry, row in zip(report["documents"], rows[1:-1]):
        assert row[0] == entry["document"]["path"]
        if entry["error"]:
            assert row[4:4 + len(rule_ids)] == ["오류"] * len(rule_ids)
            assert row[-1] == entry["error"]["message"]
            continue
        assert row[col["사업명"]] == entry["facts"]["project_name"]["value"]
        assert row[col["사업금액"]] == str(entry["facts"]["budget_krw"]["value"])
        for f in entry["findings"]:
            assert row[col[f["rule_id"]]] == STATUS_KO[f["status"]]
            per_rule[f["rule_id"]] += f["status"] in ("violation", "missing")
        cells = row[4:4 + len(rule_ids)]
        for k, name in (("violation", "위반"), ("missing", "누락"), ("review", "검토필요")):
            assert int(row[col[name]]) == entry["summary"][k] == cells.count(STATUS_KO[k])
        assert row[-1] == ""
    last = rows[-1]
    assert last[0] == "합계 (위반+누락)"
    assert [int(last[col[r]]) for r in rule_ids] == [per_rule[r] for r in rule_ids]
    assert int(last[col["위반"]]) == sum(e["summary"]["violation"] for e in ok_docs(report))
    assert sum(per_rule.values()) > 0
    # the sample with violations is counted on SW01 and SW04 at least
    assert per_rule["SW01"] >= 1 and per_rule["SW04"] >= 1


def test_matrix_suppressed_suffix_subset_of_rules_and_injection_guard(report):
    rep = copy.deepcopy(report)
    f = first_violation(rep)
    f["suppressed"] = {"reason": "예외"}
    entry = next(e for e in ok_docs(rep) if f in e["findings"])
    entry["facts"]["project_name"]["value"] = "@SUM(1+1)*cmd"
    rows = parse(matrix_report.render(rep))
    col = {name: i for i, name in enumerate(rows[0])}
    row = next(r for r in rows if r[0] == entry["document"]["path"])
    assert row[col[f["rule_id"]]] == "위반 (억제)"
    assert row[col["사업명"]] == "'@SUM(1+1)*cmd"
    assert int(row[col["위반"]]) == entry["summary"]["violation"]  # still counted, as in the summary

    # a run limited to some rules shows only those, in catalog order
    keep = {"PRIV01", "SW08", "SEC02"}
    for e in rep["documents"]:
        e["findings"] = [x for x in e["findings"] if x["rule_id"] in keep]
    head = parse(matrix_report.render(rep))[0]
    assert head[4:7] == ["SW08", "SEC02", "PRIV01"] and head[7] == "위반"


# ── terminal batch summary ──────────────────────────────────────────────────────────────────────────

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _matrix_lines(out: str) -> list[str]:
    lines = out.splitlines()
    i = next(i for i, ln in enumerate(lines) if ln.startswith("문서 × 항목"))
    return lines[i:]


def _columns(line: str) -> dict[int, str]:
    """Display column -> character for every non-space character of ``line``."""
    cols, x = {}, 0
    for ch in line:
        if ch != " ":
            cols[x] = ch
        x += text.display_width(ch)
    return cols


def test_text_batch_matrix_present_for_a_batch_only(report):
    out = text.render(report)
    assert out.count("문서 × 항목") == 1
    m = _matrix_lines(out)
    legend = m[1]
    for mark, word in (("✗", "위반"), ("△", "누락"), ("?", "검토필요"), ("○", "적합"), ("·", "해당없음"), ("!", "오류")):
        assert f"{mark} {word}" in legend
    single = make_report([report["documents"][0]])
    assert "문서 × 항목" not in text.render(single)
    # the per-document blocks come first
    assert out.index("■ ") < out.index("문서 × 항목")


def test_text_batch_matrix_rows_are_aligned_and_counted(report):
    m = _matrix_lines(text.render(report))
    fam, head, *body = m[2:]
    rows, total = body[:-1], body[-1]
    assert len(rows) == len(report["documents"])
    rule_ids = list(all_rules())
    hc = _columns(head)
    # two-digit rule numbers in the header, after the "문서" label
    starts = sorted(x for x, ch in hc.items() if ch.isdigit() and x + 1 in hc and hc[x + 1].isdigit()
                    and x - 1 not in hc)
    assert len(starts) == len(rule_ids)
    fc = _columns(fam)
    for family in ("SW", "SEC", "DATA", "PRIV", "PROC"):
        first = next(i for i, r in enumerate(rule_ids) if r.startswith(family) and r[len(family)].isdigit())
        assert fc.get(starts[first]) == family[0]  # the family label sits over its first rule
    ends = {w: max(x for x, ch in hc.items() if ch == w[-1]) for w in ("위반", "누락", "검토")}

    per_rule = [0] * len(rule_ids)
    for entry, line in zip(report["documents"], rows):
        rc = _columns(line)
        marks = [rc.get(x) for x in starts]
        if entry["error"]:
            assert marks == ["!"] * len(rule_ids)
            name = line.strip().split("  ")[0]
            assert text.display_width(name) <= text.NAME_MAX and name.endswith("….hwp")
            continue
        by_id = {f["rule_id"]: f["status"] for f in entry["findings"]}
        assert marks == [text.MARKS[by_id[r]] for r in rule_ids]
        # no stray characters between the rule columns
        assert all(x < starts[0] or x in starts or x > starts[-1] + 2 for x in rc)
        # per-row totals right-aligned under their headers
        nums = line.split()[-3:]
        assert [int(n) for n in nums] == [entry["summary"][k] for k in ("violation", "missing", "review")]
        for n, w in zip(nums, ("위반", "누락", "검토")):
            assert rc[ends[w] + 1] == n[-1]  # a Hangul header ends one column after its last glyph starts
        for i, r in enumerate(rule_ids):
            per_rule[i] += by_id[r] in ("violation", "missing")
    assert any(HANGUL_NAME in ln for ln in rows)  # Hangul name padded to the same columns as the rest
    tc = _columns(total)
    assert total.strip().startswith("위반+누락")
    assert [int(tc[x]) for x in starts] == per_rule


def test_text_batch_matrix_color_only_adds_styling(report):
    plain = text.render(report, color=False)
    colored = text.render(report, color=True)
    assert "\x1b[" in colored and "\x1b[" not in plain
    assert ANSI.sub("", colored) == plain


def test_display_width_and_truncation():
    assert text.display_width("SW01") == 4
    assert text.display_width("제안요청서") == 10
    assert text.display_width("가\u0301") == 2  # combining mark takes no column
    t = text._truncate("아주긴제안요청서파일이름입니다정말로아주깁니다.hwpx", 20)
    assert text.display_width(t) <= 20 and t.endswith("….hwpx") and t.startswith("아주긴")
    assert text._truncate("short.pdf", 20) == "short.pdf"
