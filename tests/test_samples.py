"""End to end on the bundled samples: every format reads, quotes are found, facts and implemented
rules agree with each sample's expected-findings file."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SAMPLES
from rfpcheck.checks.registry import all_rules
from rfpcheck.pipeline.report import validate
from rfpcheck.pipeline.run import check_file, make_report

EXPECTED = sorted(SAMPLES.glob("*.expected.json"))
_WS = re.compile(r"\s+")


def _sample_files():
    for exp in EXPECTED:
        stem = exp.name[: -len(".expected.json")]
        for f in sorted(SAMPLES.glob(stem + ".*")):
            if f.suffix in (".pdf", ".docx", ".hwpx", ".hwp", ".txt"):
                yield pytest.param(f, exp, id=f.name)


SAMPLE_FILES = list(_sample_files())


def test_there_are_samples_in_every_written_format():
    formats = {p.values[0].suffix for p in SAMPLE_FILES}
    assert {".pdf", ".docx", ".hwpx", ".txt"} <= formats


@pytest.fixture(scope="module")
def results():
    cache: dict[Path, dict] = {}

    def get(path: Path) -> dict:
        if path not in cache:
            cache[path] = check_file(str(path))
        return cache[path]

    return get


@pytest.mark.parametrize("path,expected", SAMPLE_FILES)
def test_sample_reads_and_every_expected_quote_is_in_the_text(path, expected):
    from rfpcheck.pipeline.extract import extract

    doc = extract(path)
    exp = json.loads(expected.read_text(encoding="utf-8"))
    compact = doc.compact
    quotes = [q for r in exp["rules"].values() for q in r["evidence"]]
    assert quotes
    missing = [q for q in quotes if _WS.sub("", q) not in compact]
    assert not missing, f"{path.name}: quotes not found: {missing[:5]}"


@pytest.mark.parametrize("path,expected", SAMPLE_FILES)
def test_sample_facts_match_expected(path, expected, results):
    entry = results(path)
    assert entry["error"] is None
    validate(make_report([entry]))
    exp = json.loads(expected.read_text(encoding="utf-8"))["facts"]
    facts = {k: v["value"] for k, v in entry["facts"].items()}
    assert facts.get("doc_type") == exp["doc_type"]
    assert facts.get("budget_krw") == exp["budget_krw"]
    assert facts.get("contract_method") == exp["contract_method"]
    assert facts.get("public_sw_project") == exp["public_sw_project"]


@pytest.mark.parametrize("path,expected", SAMPLE_FILES)
def test_implemented_rules_give_the_expected_status(path, expected, results):
    entry = results(path)
    exp = json.loads(expected.read_text(encoding="utf-8"))["rules"]
    got = {f["rule_id"]: f["status"] for f in entry["findings"]}
    implemented = [rid for rid, r in all_rules().items() if r.implemented]
    wrong = {rid: (got.get(rid), exp[rid]["status"]) for rid in implemented if got.get(rid) != exp[rid]["status"]}
    assert not wrong, f"{path.name}: (got, expected) {wrong}"
