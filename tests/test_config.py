"""Settings file, suppressions with reasons and baselines: what a CI job on a shared document
repository relies on — only new findings fail a build, a known finding is silenced only with a reason,
and a bad settings or baseline file is one clear line and exit code 2."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rfpcheck.pipeline import config as cfgmod
from rfpcheck.pipeline.cli import main
from rfpcheck.pipeline.report import validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# a clause the short sample does not have: a two-year defect period (SW08 위반)
NEW_VIOLATION = "\n바. 하자보수 기간은 검수 완료일로부터 2년으로 한다.\n"


@pytest.fixture()
def work(tmp_path, monkeypatch):
    """A document repository: the short text sample and the compliant DOCX, run from its root."""
    shutil.copy(SAMPLES / "rfp_short.txt", tmp_path / "short.txt")
    shutil.copy(SAMPLES / "rfp_compliant.docx", tmp_path / "ok.docx")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, list(args))
    return result


def flagged(report):
    return [(d["document"]["path"], f) for d in report["documents"] for f in d["findings"]
            if f["status"] in ("violation", "missing", "review")]


def test_baseline_keeps_known_findings_out_of_the_exit_code_and_marks_new_ones(work):
    first = run("short.txt", "ok.docx", "-f", "json", "-o", "base.json")
    assert first.exit_code == 1  # the short sample has violations
    base = json.loads((work / "base.json").read_text(encoding="utf-8"))
    assert flagged(base)

    # the same documents against their own baseline: nothing new, the build passes
    again = run("short.txt", "ok.docx", "--baseline", "base.json", "-f", "json", "-o", "now.json")
    assert again.exit_code == 0, again.output
    now = json.loads((work / "now.json").read_text(encoding="utf-8"))
    validate(now)
    assert {f["baseline_state"] for _, f in flagged(now)} == {"unchanged"}
    assert now["run"]["baseline"] == "base.json"
    assert "신규 0건" in again.stderr

    # an edit elsewhere keeps old findings matched; the added clause is the only new one and fails
    text = (work / "short.txt").read_text(encoding="utf-8")
    (work / "short.txt").write_text("머리말 한 줄을 더함\n" + text + NEW_VIOLATION, encoding="utf-8")
    edited = run("short.txt", "ok.docx", "--baseline", "base.json", "-f", "json", "-o", "edited.json")
    assert edited.exit_code == 1
    rep = json.loads((work / "edited.json").read_text(encoding="utf-8"))
    new = [f for _, f in flagged(rep) if f["baseline_state"] == "new"]
    assert [f["rule_id"] for f in new] == ["SW08"]
    assert "2년" in new[0]["evidence"][0]["quote"]
    old_prints = {f["fingerprint"] for _, f in flagged(base)}
    assert {f["fingerprint"] for _, f in flagged(rep) if f["baseline_state"] == "unchanged"} == old_prints


def test_a_renamed_document_is_matched_by_its_content(work):
    assert run("short.txt", "-f", "json", "-o", "base.json").exit_code == 1
    (work / "short.txt").rename(work / "renamed.txt")
    res = run("renamed.txt", "--baseline", "base.json", "-f", "json", "-o", "-")
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert {f["baseline_state"] for _, f in flagged(rep)} == {"unchanged"}


@pytest.mark.parametrize("content, words", [
    ("not json", "읽을 수 없습니다"),
    ('{"documents": []}', "보고서 형식이 아닙니다"),
])
def test_a_bad_baseline_is_one_line_and_exit_2(work, content, words):
    (work / "base.json").write_text(content, encoding="utf-8")
    res = run("short.txt", "--baseline", "base.json")
    assert res.exit_code == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and words in lines[0] and "base.json" in lines[0]
    assert not list(work.glob("out/*"))


def test_missing_baseline_says_how_to_make_one(work):
    res = run("short.txt", "--baseline", "nope.json")
    assert res.exit_code == 2
    assert "-f json -o" in res.stderr


def test_suppression_with_reason_is_reported_and_does_not_fail(work):
    base = json.loads(run("short.txt", "-f", "json", "-o", "-").stdout)
    rules = sorted({f["rule_id"] for _, f in flagged(base) if f["severity"] == "error"})
    assert rules
    body = "\n".join(f'[[suppress]]\nrule = "{r}"\npath = "short.*"\nreason = "사업부서 검토 완료 ({r})"\n' for r in rules)
    (work / "rfpcheck.toml").write_text(body, encoding="utf-8")
    res = run("short.txt", "-f", "json", "-o", "-")
    assert res.exit_code == 0, res.stderr
    rep = json.loads(res.stdout)
    validate(rep)
    sup = [f for _, f in flagged(rep) if "suppressed" in f]
    assert sorted({f["rule_id"] for f in sup}) == rules
    assert all(f["suppressed"]["reason"].startswith("사업부서 검토 완료") for f in sup)
    assert rep["run"]["config"] == "rfpcheck.toml"
    assert "억제" in res.stderr
    # the same settings do not touch another document (the glob names the short sample only)
    other = json.loads(run("ok.docx", "-f", "json", "-o", "-").stdout)
    assert not any("suppressed" in f for _, f in flagged(other))


def test_suppression_by_quote_covers_only_that_finding(work):
    base = json.loads(run("short.txt", "-f", "json", "-o", "-").stdout)
    target = next(f for _, f in flagged(base) if f["evidence"])
    word = "".join(target["evidence"][0]["quote"].split())[:12]
    (work / "rfpcheck.toml").write_text(
        f'[[suppress]]\nrule = "{target["rule_id"]}"\nquote = "{word}"\nreason = "확인함"\n'
        f'[[suppress]]\nrule = "{target["rule_id"]}"\nquote = "이 문서에 없는 말"\nreason = "확인함"\n',
        encoding="utf-8")
    rep = json.loads(run("short.txt", "-f", "json", "-o", "-").stdout)
    sup = [f for _, f in flagged(rep) if "suppressed" in f]
    assert [f["fingerprint"] for f in sup] == [target["fingerprint"]]


def test_an_expired_suppression_no_longer_applies_and_warns(work):
    (work / "rfpcheck.toml").write_text(
        '[[suppress]]\nrule = "SW14"\nreason = "한시 예외"\nexpires = 2020-01-31\n', encoding="utf-8")
    res = run("short.txt", "-f", "json", "-o", "-")
    rep = json.loads(res.stdout)
    assert not any("suppressed" in f for _, f in flagged(rep))
    assert "기한(2020-01-31)" in res.stderr


@pytest.mark.parametrize("body, words", [
    ('[[suppress]]\nrule = "SW09"\n', "reason"),
    ('[[suppress]]\nrule = "SW99"\nreason = "x"\n', "rule"),
    ('fail_on = "often"\n', "fail_on"),
    ('colour = true\n', "colour"),
    ('rules = ["SW01", "XX01"]\n', "XX01"),
    ('format = ["pdf"]\n', "pdf"),
    ('jobs = 0\n', "jobs"),
    ('[[suppress]]\nrule = "SW09"\nreason = "x"\nexpires = "다음 달"\n', "expires"),
    ("fail_on = \n", "TOML"),
])
def test_bad_settings_are_one_line_naming_file_and_key(work, body, words):
    (work / "rfpcheck.toml").write_text(body, encoding="utf-8")
    res = run("short.txt")
    assert res.exit_code == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert "rfpcheck.toml" in lines[0] and words in lines[0]


def test_pyproject_section_is_found_and_the_command_line_wins(work):
    (work / "pyproject.toml").write_text(
        '[project]\nname = "docs"\n\n[tool.rfpcheck]\nfail_on = "none"\nformat = ["json"]\nout_dir = "reports"\n'
        'ignore = ["SW14"]\n', encoding="utf-8")
    res = run("short.txt")
    assert res.exit_code == 0  # fail_on none from the file
    rep = json.loads((work / "reports" / "short.json").read_text(encoding="utf-8"))
    assert "SW14" not in {f["rule_id"] for f in rep["documents"][0]["findings"]}
    assert len(rep["documents"][0]["findings"]) == 25
    # --fail-on on the command line overrides the file; --no-config ignores it
    assert run("short.txt", "--fail-on", "error").exit_code == 1
    res = run("short.txt", "--no-config", "-f", "json", "-o", "-")
    assert "SW14" in {f["rule_id"] for f in json.loads(res.stdout)["documents"][0]["findings"]}


def test_an_explicit_config_that_is_missing_is_an_error(work):
    res = run("short.txt", "--config", "nowhere.toml")
    assert res.exit_code == 2 and "nowhere.toml" in res.stderr


def test_facts_in_the_settings_file_are_used(work):
    (work / "rfpcheck.toml").write_text('[facts]\nbudget = "25억"\n', encoding="utf-8")
    rep = json.loads(run("short.txt", "-f", "json", "-o", "-").stdout)
    fact = rep["documents"][0]["facts"]["budget_krw"]
    assert fact["value"] == 2_500_000_000 and fact["source"] == "given"


def test_several_formats_in_one_run(work):
    res = run("short.txt", "ok.docx", "-f", "json", "-f", "text", "--out-dir", "r")
    assert res.exit_code == 1
    assert "short.txt" in res.stdout  # text on the screen
    assert json.loads((work / "r" / "rfpcheck-report.json").read_text(encoding="utf-8"))["documents"]
    bad = run("short.txt", "-f", "json", "-f", "text", "-o", "x.json")
    assert bad.exit_code == 2 and not (work / "x.json").exists()


def test_ignore_and_rule_cannot_remove_everything(work):
    res = run("short.txt", "--rule", "SW01", "--ignore", "SW01")
    assert res.exit_code == 2


def test_suppression_matching_unit():
    f = {"rule_id": "SW09", "status": "violation", "fingerprint": "a" * 20,
         "evidence": [{"quote": "DBMS는 Oracle 19c 이상"}]}
    base = Path.cwd()
    assert cfgmod.Suppression("SW09", "r", quote="Oracle19c", base=base).covers("x/a.hwp", f)
    assert not cfgmod.Suppression("SW08", "r", base=base).covers("x/a.hwp", f)
    assert cfgmod.Suppression("SW09", "r", path="a.hwp", base=base).covers("x/a.hwp", f)
    assert cfgmod.Suppression("SW09", "r", path="x/*.hwp", base=base).covers("x/a.hwp", f)
    assert not cfgmod.Suppression("SW09", "r", path="y/*.hwp", base=base).covers("x/a.hwp", f)
    assert not cfgmod.Suppression("SW09", "r", fingerprint="b" * 20, base=base).covers("x/a.hwp", f)
    s = cfgmod.Suppression("SW09", "r", expires=dt.date(2026, 1, 1), base=base)
    assert s.active(dt.date(2026, 1, 1)) and not s.active(dt.date(2026, 1, 2))


def test_the_text_report_shows_suppression_reason_and_baseline_state(work):
    assert run("short.txt", "-f", "json", "-o", "base.json").exit_code == 1
    (work / "short.txt").write_text((work / "short.txt").read_text(encoding="utf-8") + NEW_VIOLATION,
                                    encoding="utf-8")
    (work / "rfpcheck.toml").write_text('[[suppress]]\nrule = "SW14"\nreason = "과업 범위 문구는 다음 개정에서 정리"\n',
                                        encoding="utf-8")
    res = run("short.txt", "--baseline", "base.json", "--no-color")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    sw08 = next(ln for ln in lines if ln.strip().startswith("SW08"))
    sw14 = next(ln for ln in lines if ln.strip().startswith("SW14"))
    assert "[신규]" in sw08
    assert "기존" in sw14 and "억제됨" in sw14
    assert any("억제 사유" in ln and "다음 개정" in ln for ln in lines)
