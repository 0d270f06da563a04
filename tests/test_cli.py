"""The command line as a user runs it: reports, JSON contract, exit codes, bad inputs."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import CORPUS, needs_shared

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
from rfpcheck.checks.registry import all_rules
from rfpcheck.pipeline.cli import main
from rfpcheck.pipeline.report import schema, validate

DRAFT = """# 제안요청서

## Ⅰ. 사업 개요

1. 사업명: 민원 안내 시스템 구축
2. 사업예산: 금 450,000,000원(부가가치세 포함)
3. 사업기간: 계약일로부터 8개월
4. 계약방법: 제한경쟁입찰(협상에 의한 계약)

## Ⅱ. 제안요청 내용

하자보수 기간은 검수 완료 후 1년으로 한다. 재하도급은 금지한다.
"""


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_rules_lists_the_whole_catalog():
    r = run("rules")
    assert r.exit_code == 0
    for rid in all_rules():
        assert rid in r.output
    assert len(all_rules()) == 26


def test_explain_prints_requirement_citation_and_clause():
    r = run("explain", "sw08")
    assert r.exit_code == 0
    assert "하자담보" in r.output
    assert "소프트웨어 진흥법 제60조①" in r.output
    assert "권고 문안" in r.output
    assert run("explain", "XX99").exit_code == 2


def test_schema_command_prints_a_valid_json_schema():
    r = run("schema")
    assert r.exit_code == 0
    s = json.loads(r.output)
    jsonschema.Draft202012Validator.check_schema(s)
    assert s == schema()


def test_json_report_validates_and_carries_document_metadata(draft, tmp_path):
    out = tmp_path / "r.json"
    r = run(str(draft), "--format", "json", "-o", str(out), "--fail-on", "none")
    assert r.exit_code == 0, r.output
    rep = json.loads(out.read_text(encoding="utf-8"))
    validate(rep)
    d = rep["documents"][0]
    assert d["error"] is None
    assert d["document"]["format"] == "txt" and len(d["document"]["sha256"]) == 64
    # every rule is either a finding or declared not implemented — never both, never neither
    ids = {f["rule_id"] for f in d["findings"]} | set(d["rules_not_implemented"])
    assert ids == set(all_rules())
    assert not ({f["rule_id"] for f in d["findings"]} & set(d["rules_not_implemented"]))


def test_default_output_folder_is_out(draft, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run(str(draft), "--format", "json", "--fail-on", "none")
    assert r.exit_code == 0
    assert (tmp_path / "out" / "draft.json").is_file()


def test_text_report_names_document_and_rules(draft):
    r = run(str(draft), "--fail-on", "none")
    assert r.exit_code == 0
    assert "draft.txt" in r.output and "점검 결과" in r.output
    assert "SW08" in r.output


def test_missing_file_is_one_korean_line_and_exit_2(tmp_path):
    r = CliRunner().invoke(main, [str(tmp_path / "없음.pdf")])
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "없음.pdf" in lines[0] and "파일이 없습니다" in lines[0]


def test_wrong_extension_is_read_by_content_or_named(draft, tmp_path):
    # a real document under another document's extension is read by its content
    renamed = tmp_path / "draft.docx"
    shutil.copy(SAMPLES / "rfp_violations.pdf", renamed)
    r = run(str(renamed), "--format", "json", "-o", "-", "--fail-on", "none")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["documents"][0]["document"]["format"] == "pdf"
    # plain text posing as a PDF is not the document its name promises: one clear line, exit 2
    disguised = tmp_path / "draft.pdf"
    shutil.copy(draft, disguised)
    r = run(str(disguised), "--format", "json", "-o", "-", "--fail-on", "none")
    assert r.exit_code == 2
    assert json.loads(r.stdout)["documents"][0]["error"]["code"] == "corrupt"
    assert "확장자는 PDF" in r.stderr


def test_batch_goes_on_after_a_bad_file_and_exits_2(draft, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(draft, folder / "a.txt")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    (folder / "c.hwp").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # OLE magic, no body
    out = tmp_path / "r.json"
    r = CliRunner().invoke(main, [str(folder), "--format", "json", "-o", str(out)])
    assert r.exit_code == 2
    rep = json.loads(out.read_text(encoding="utf-8"))
    validate(rep)
    by_name = {Path(d["document"]["path"]).name: d for d in rep["documents"]}
    assert set(by_name) == {"a.txt", "b.pdf", "c.hwp"}
    assert by_name["a.txt"]["error"] is None
    assert by_name["b.pdf"]["error"]["code"] in ("corrupt", "no_text")
    assert by_name["c.hwp"]["error"]["code"] == "corrupt"
    err_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("rfpcheck:")]
    assert any("b.pdf" in ln for ln in err_lines)


@needs_shared
def test_garbled_pdf_is_refused_with_ocr_hint():
    r = CliRunner().invoke(main, [str(CORPUS / "bad" / "garbled-text-layer.pdf")])
    assert r.exit_code == 2
    assert "OCR" in r.stderr


def test_fail_on_threshold_sets_exit_code(draft, monkeypatch):
    rule = all_rules()["SW08"]
    verdict = {"status": "pass"}

    def fake_detector(ctx):
        i = ctx.doc.text.index("하자보수")
        return ctx.finding(rule, verdict["status"], "시험용 판정", [ctx.evidence(i, i + 4)])

    monkeypatch.setattr(rule, "detector", fake_detector)
    assert run(str(draft), "--rule", "SW08").exit_code == 0
    verdict["status"] = "review"  # a warning
    assert run(str(draft), "--rule", "SW08").exit_code == 0
    assert run(str(draft), "--rule", "SW08", "--fail-on", "warning").exit_code == 1
    verdict["status"] = "violation"  # an error
    assert run(str(draft), "--rule", "SW08").exit_code == 1
    assert run(str(draft), "--fail-on", "none").exit_code == 0
    r = run(str(draft), "--format", "json", "-o", "-", "--fail-on", "none")
    rep = json.loads(r.stdout)
    validate(rep)
    f = next(f for f in rep["documents"][0]["findings"] if f["rule_id"] == "SW08")
    assert f["evidence"][0]["quote"].startswith("하자보수 기간은")
    assert f["citations"][0] == {"law": "소프트웨어 진흥법", "article": "제60조①", "note": "하자담보책임 1년 이내"}
    assert f["suggestion"]


def test_console_script_runs(draft):
    exe = Path(sys.executable).parent / "rfpcheck"
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    p = subprocess.run([str(exe), str(draft), "--format", "json", "-o", "-"], capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    validate(json.loads(p.stdout))


def test_a_stub_file_is_an_input_error_not_an_all_not_applicable_report(tmp_path):
    stub = tmp_path / "stub.txt"
    stub.write_text("제안요청서 초안", encoding="utf-8")
    r = CliRunner().invoke(main, [str(stub)])
    assert r.exit_code == 2
    assert "stub.txt" in r.stderr and "점검할 수 없습니다" in r.stderr


def test_a_failing_detector_costs_only_its_rule_and_says_so(tmp_path, monkeypatch):
    """A defect in one detector: that rule is 검토필요 with the reason, the other 25 rules are judged,
    the failure is one stderr line, and the exit code is 2 so a CI job notices."""
    from click.testing import CliRunner

    from rfpcheck.checks import registry
    from rfpcheck.pipeline.cli import main

    rule = registry.all_rules()["SW08"]

    def broken(ctx):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(rule, "detector", broken)
    res = CliRunner().invoke(main, [str(SAMPLES / "rfp_short.txt"), "-f", "json", "-o", "-", "--no-config"])
    assert res.exit_code == 2
    rep = json.loads(res.stdout)
    findings = {f["rule_id"]: f for f in rep["documents"][0]["findings"]}
    assert findings["SW08"]["status"] == "review"
    assert "내부 오류" in findings["SW08"]["message"] and "ZeroDivisionError" in findings["SW08"]["message"]
    assert findings["SW14"]["status"] == "violation"  # the others still judged
    assert len([ln for ln in res.stderr.splitlines() if "SW08" in ln]) == 1


def test_a_reader_defect_fails_that_file_only(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from rfpcheck.pipeline import run as runmod
    from rfpcheck.pipeline.cli import main

    real = runmod._cached_structure

    def flaky(path):
        if path.endswith("b.txt"):
            raise RuntimeError("reader bug")
        return real(path)

    monkeypatch.setattr(runmod, "_cached_structure", flaky)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text((SAMPLES / "rfp_short.txt").read_text(encoding="utf-8"), encoding="utf-8")
    res = CliRunner().invoke(main, [str(tmp_path), "-f", "json", "-o", "-", "--no-config"])
    assert res.exit_code == 2
    docs = json.loads(res.stdout)["documents"]
    assert docs[0]["error"] is None and len(docs[0]["findings"]) == 26
    assert docs[1]["error"]["code"] == "internal" and "RuntimeError" in docs[1]["error"]["message"]


def test_a_folder_scan_skips_project_notes_and_lock_files(tmp_path):
    from rfpcheck.pipeline.extract import is_candidate_file

    for name in ("README.md", "readme.txt", "LICENSE.txt", "CHANGELOG.md", "~$draft.docx", ".hidden.pdf"):
        assert not is_candidate_file(tmp_path / name), name
    for name in ("과업지시서.txt", "draft.md", "rfp.hwp", "rfp.HWPX", "제안요청서 (최종).pdf", "readme-rfp.hwp"):
        assert is_candidate_file(tmp_path / name), name
    # a note named on the command line is still checked: only folder scans filter
    (tmp_path / "README.md").write_text((SAMPLES / "rfp_short.txt").read_text(encoding="utf-8"), encoding="utf-8")
    res = CliRunner().invoke(main, [str(tmp_path / "README.md"), "-f", "json", "-o", "-", "--no-config"])
    assert json.loads(res.stdout)["documents"][0]["error"] is None
    res = CliRunner().invoke(main, [str(tmp_path), "--no-config"])
    assert res.exit_code == 2 and "문서" in res.output


def test_a_passing_rule_shows_its_statement_before_headings_and_scope_lists():
    """The report shows one quote for a 적합 rule: it must be the sentence that states the requirement,
    not the section heading above it or an item of the overview's scope list."""
    from rfpcheck.pipeline.run import check_file

    entry = check_file(str(SAMPLES / "rfp_violations.pdf"))
    by_id = {f["rule_id"]: f for f in entry["findings"]}
    for rid in ("SW18", "PROC01", "SEC01"):
        f = by_id[rid]
        assert f["status"] == "pass" and len(f["evidence"]) > 1
        first = f["evidence"][0]
        assert first["quote"].strip() not in {s["title"] for s in entry["sections"]}, rid
        assert first["quote"].count(",") < 2, (rid, first["quote"])
    assert "제출하여야" in by_id["SW18"]["evidence"][0]["quote"]
    assert "개최" in by_id["PROC01"]["evidence"][0]["quote"]


def test_a_file_named_as_a_binary_format_without_its_signature_is_reported_as_such(tmp_path):
    from rfpcheck.pipeline.errors import InputError
    from rfpcheck.pipeline.extract import sniff

    for name, label in (("draft.hwp", "HWP"), ("draft.pdf", "PDF"), ("draft.docx", "DOCX"), ("draft.hwpx", "HWPX")):
        p = tmp_path / name
        p.write_text("과업지시서 초안입니다. " * 20, encoding="utf-8")
        with pytest.raises(InputError) as e:
            sniff(p)
        assert e.value.code == "corrupt" and f"확장자는 {label}" in e.value.reason
    # plain text under a text name is still text
    t = tmp_path / "draft.txt"
    t.write_text("과업지시서 초안입니다. " * 20, encoding="utf-8")
    assert sniff(t) == "txt"


def test_reports_are_ordinary_files_not_private_temp_files(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        res = CliRunner().invoke(main, [str(SAMPLES / "rfp_short.txt"), "-f", "json", "-f", "csv", "--out-dir",
                                        str(tmp_path / "r"), "--no-config"])
    finally:
        os.umask(old)
    assert res.exit_code == 1
    for f in (tmp_path / "r").iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o644, f
