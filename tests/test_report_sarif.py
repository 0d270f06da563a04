"""The SARIF report: a valid SARIF 2.1.0 log whose results, locations, fingerprints, suppressions,
baseline states and notifications carry what the machine report says, on real sample documents."""
from __future__ import annotations

import copy
import functools
import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from conftest import SAMPLES, SHARED, needs_shared
from rfpcheck.checks.registry import all_rules
from rfpcheck.pipeline.report import json_report
from rfpcheck.pipeline.report.sarif_report import FINGERPRINT_KEY, artifact_uri, render
from rfpcheck.pipeline.run import check_file, make_report

SARIF_SCHEMA = SHARED / "reference" / "schemas" / "sarif-schema-2.1.0.json"
FLAGGED = ("violation", "missing", "review")
KOREAN_NAME = "제안 요청서 (최종).txt"
# a short draft whose defect clause makes SW08 a real 검토필요 (review) finding
DRAFT = """# 제안요청서

## Ⅰ. 사업 개요

1. 사업명: 민원 안내 시스템 구축
2. 사업예산: 금 450,000,000원(부가가치세 포함)
3. 사업기간: 계약일로부터 8개월
4. 계약방법: 제한경쟁입찰(협상에 의한 계약)

## Ⅱ. 제안요청 내용

하자보수 기간은 검수 완료 후 1년으로 하며, 기능개선 및 업그레이드를 무상 하자보수에 포함한다. 재하도급은 금지한다.
"""


@functools.lru_cache(maxsize=1)
def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # the schema file keeps the log's own shape under definitions/Root; validate against that
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        schema = {**schema, "$ref": "#/definitions/Root"}
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def schema_errors(log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sarif_validator().iter_errors(log)]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[dict, dict[str, Path]]:
    tmp = tmp_path_factory.mktemp("sarif")
    korean = tmp / KOREAN_NAME
    shutil.copy(SAMPLES / "rfp_short.txt", korean)
    draft = tmp / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    empty = tmp / "빈 문서.pdf"
    empty.write_bytes(b"")
    paths = {
        "pdf": SAMPLES / "rfp_violations.pdf",
        "docx": SAMPLES / "rfp_compliant.docx",
        "hwpx": SAMPLES / "rfp_sample.hwpx",
        "korean": korean,
        "draft": draft,
        "empty": empty,
    }
    report = make_report([check_file(str(p)) for p in paths.values()])
    return report, paths


@pytest.fixture(scope="module")
def report(batch) -> dict:
    return batch[0]


@pytest.fixture(scope="module")
def log(report) -> dict:
    return json.loads(render(report))


@pytest.fixture(scope="module")
def verbose_log(report) -> dict:
    return json.loads(render(report, verbose=True))


def readable(report: dict) -> dict:
    """The same batch without the unreadable document."""
    return {**report, "documents": [d for d in report["documents"] if d["error"] is None]}


def findings(report: dict, statuses=FLAGGED) -> list[dict]:
    return [f for d in report["documents"] if d["error"] is None for f in d["findings"] if f["status"] in statuses]


def run_of(log: dict) -> dict:
    assert len(log["runs"]) == 1
    return log["runs"][0]


def marked_copy(report: dict) -> tuple[dict, dict]:
    """A copy of the report with one violation suppressed and baseline states on flagged findings,
    as the configuration and baseline steps mark them."""
    marked = copy.deepcopy(report)
    flagged = findings(marked)
    target = next(f for f in flagged if f["status"] == "violation")
    target["suppressed"] = {"reason": "정보화팀 검토 완료(2025-03)", "source": "rfpcheck.toml [[suppress]] 1"}
    for i, f in enumerate(flagged):
        f["baseline_state"] = "unchanged" if i % 3 == 0 else "new"
    return marked, target


# -- validity ---------------------------------------------------------------------------------

@needs_shared
def test_every_log_is_valid_sarif_2_1_0(report, log, verbose_log):
    marked, _ = marked_copy(report)
    logs = {
        "default": log,
        "verbose": verbose_log,
        "marked": json.loads(render(marked)),
        "marked-verbose": json.loads(render(marked, verbose=True)),
        "readable-only": json.loads(render(readable(report))),
        "empty": json.loads(render(make_report([]))),
    }
    for name, one in logs.items():
        assert schema_errors(one) == [], name
        assert one["version"] == "2.1.0"


@needs_shared
def test_schema_check_catches_broken_logs(log):
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["kind"] = "violation"  # not a SARIF kind
    assert schema_errors(broken)
    broken = copy.deepcopy(log)
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert schema_errors(broken)


def test_text_is_utf8_json_with_two_space_indent(report):
    text = render(report, color=True, unknown_option=1)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.splitlines()[1].startswith('  "') and not text.splitlines()[1].startswith('   ')
    assert "위반" in text and "\\u" not in text
    assert text == render(report)  # deterministic; unknown options ignored


# -- results ----------------------------------------------------------------------------------

def test_statuses_map_to_kind_and_level(report, log):
    results = run_of(log)["results"]
    flagged = findings(report)
    assert {f["status"] for f in flagged} == set(FLAGGED)  # the batch has all three
    assert len(results) == len(flagged)
    for f, r in zip(flagged, results):
        assert r["ruleId"] == f["rule_id"]
        if f["status"] == "review":
            assert (r["kind"], r["level"]) == ("review", "none")
        else:
            assert r["kind"] == "fail"
            assert r["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]
        assert r["properties"]["status"] == f["status"]


def test_verbose_adds_pass_and_not_applicable_without_severity(report, verbose_log):
    results = run_of(verbose_log)["results"]
    every = findings(report, statuses=("violation", "missing", "review", "pass", "not_applicable"))
    assert len(results) == len(every) > len(findings(report))
    kinds = {f["status"]: (r["kind"], r["level"]) for f, r in zip(every, results)}
    assert kinds["pass"] == ("pass", "none")
    assert kinds["not_applicable"] == ("notApplicable", "none")
    assert kinds["violation"][0] == "fail"


def test_message_is_the_judgement_with_the_first_citation(report, log):
    for f, r in zip(findings(report), run_of(log)["results"]):
        text = r["message"]["text"]
        assert f["message"] in text
        c = f["citations"][0]
        assert f"{c['law']} {c['article']}" in text


def test_fingerprints_equal_the_json_report(report, log):
    machine = json.loads(json_report.render(report))
    expected = [f["fingerprint"] for d in machine["documents"] for f in d["findings"] if f["status"] in FLAGGED]
    got = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run_of(log)["results"]]
    assert got == expected and len(got) == len(findings(report))


# -- locations --------------------------------------------------------------------------------

def test_each_document_is_one_artifact_with_hash_and_media_type(report, log):
    run = run_of(log)
    arts = run["artifacts"]
    assert len(arts) == len(report["documents"])
    mime = {"pdf": "application/pdf", "hwpx": "application/hwp+zip", "txt": "text/plain",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    for entry, art in zip(report["documents"], arts):
        doc = entry["document"]
        assert art["location"]["uri"] == artifact_uri(doc["path"])[0]
        if entry["error"] is None:
            assert art["hashes"] == {"sha-256": doc["sha256"]}
            assert art["mimeType"] == mime[doc["format"]]
        else:
            assert "hashes" not in art and "mimeType" not in art
    # a document given twice is still one artifact
    twice = {**report, "documents": report["documents"][:1] * 2}
    again = run_of(json.loads(render(twice)))
    assert len(again["artifacts"]) == 1
    assert {loc["physicalLocation"]["artifactLocation"]["index"]
            for r in again["results"] for loc in r["locations"]} == {0}


def test_korean_file_name_with_space_is_percent_encoded(batch, log):
    report, paths = batch
    i = [d["document"]["path"] for d in report["documents"]].index(str(paths["korean"]))
    uri = run_of(log)["artifacts"][i]["location"]["uri"]
    assert uri.isascii() and " " not in uri
    assert uri.startswith("file:///")
    assert uri.endswith("/%EC%A0%9C%EC%95%88%20%EC%9A%94%EC%B2%AD%EC%84%9C%20(%EC%B5%9C%EC%A2%85).txt")
    assert unquote(urlparse(uri).path) == str(paths["korean"].resolve())
    results = [r for r in run_of(log)["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == i]
    assert results and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri for r in results)


def test_relative_path_stays_relative_under_srcroot(tmp_path, monkeypatch):
    folder = tmp_path / "검토 대상"
    folder.mkdir()
    shutil.copy(SAMPLES / "rfp_short.txt", folder / "제안 요청서.txt")
    monkeypatch.chdir(tmp_path)
    run = run_of(json.loads(render(make_report([check_file("검토 대상/제안 요청서.txt")]))))
    loc = run["artifacts"][0]["location"]
    expected_uri = ("%EA%B2%80%ED%86%A0%20%EB%8C%80%EC%83%81/"  # 검토 대상/
                    "%EC%A0%9C%EC%95%88%20%EC%9A%94%EC%B2%AD%EC%84%9C.txt")  # 제안 요청서.txt
    assert loc == {"uri": expected_uri, "uriBaseId": "%SRCROOT%"}
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {**loc, "index": 0}


def test_uris_of_awkward_paths():
    assert artifact_uri("./검토//a.pdf") == ("%EA%B2%80%ED%86%A0/a.pdf", True)
    assert artifact_uri("a:b 1.pdf") == ("a%3Ab%201.pdf", True)  # no colon that would read as a scheme
    assert artifact_uri("50%.hwp") == ("50%25.hwp", True)
    uri, relative = artifact_uri("x/../rfp.pdf")  # ".." is resolved, not left to the consumer
    assert not relative and uri.startswith("file:///") and "/../" not in uri and uri.endswith("/rfp.pdf")
    assert artifact_uri("C:\\문서\\a b.pdf") == ("file:///C:/%EB%AC%B8%EC%84%9C/a%20b.pdf", False)


def test_first_quote_is_the_location_and_the_rest_are_related(report, log):
    pairs = [(f, r) for f, r in zip(findings(report), run_of(log)["results"]) if len(f["evidence"]) > 1]
    assert pairs
    for f, r in pairs:
        assert len(r["locations"]) == 1
        primary = r["locations"][0]
        assert primary["properties"]["quote"] == f["evidence"][0]["quote"]
        assert f["evidence"][0]["quote"] in primary["message"]["text"]
        related = r["relatedLocations"]
        assert [loc["properties"]["quote"] for loc in related] == [e["quote"] for e in f["evidence"][1:]]
        ids = [primary["id"]] + [loc["id"] for loc in related]
        assert len(set(ids)) == len(ids)
        for ev, loc in zip(f["evidence"], [primary] + related):
            if ev["page"] is not None:
                assert loc["properties"]["page"] == ev["page"]
                assert ev["location"] in loc["message"]["text"]


def test_no_line_numbers_are_invented(verbose_log):
    def keys(node):
        if isinstance(node, dict):
            for k, v in node.items():
                yield k
                yield from keys(v)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v)

    found = set(keys(verbose_log))
    assert not found & {"region", "contextRegion", "startLine", "startColumn", "charOffset", "byteOffset"}


def test_missing_finding_points_at_the_document_only(report, log):
    pairs = [(f, r) for f, r in zip(findings(report), run_of(log)["results"]) if f["status"] == "missing"]
    assert pairs
    for f, r in pairs:
        assert not f["evidence"]
        (loc,) = r["locations"]
        assert set(loc) == {"id", "physicalLocation"}
        assert set(loc["physicalLocation"]) == {"artifactLocation"}
        assert "relatedLocations" not in r


def test_section_paths_become_a_logical_location_tree(log):
    run = run_of(log)
    table = run["logicalLocations"]
    checked = 0
    for r in run["results"]:
        for loc in r["locations"] + r.get("relatedLocations", []):
            section = loc.get("properties", {}).get("section")
            if not section:
                assert "logicalLocations" not in loc
                continue
            (ref,) = loc["logicalLocations"]
            node, names = table[ref["index"]], []
            assert ref["kind"] == node["kind"] == "section" and ref["name"] == node["name"]
            while True:
                names.append(node["name"])
                if "parentIndex" not in node:
                    break
                node = table[node["parentIndex"]]
            assert " > ".join(reversed(names)) == section
            assert ref.get("fullyQualifiedName", ref["name"]) == section
            checked += 1
    assert checked > 5
    assert len({json.dumps(x, sort_keys=True) for x in table}) == len(table)


# -- suppressions, baseline -------------------------------------------------------------------

def test_suppression_and_baseline_state_are_carried(report, log):
    assert all("suppressions" not in r and "baselineState" not in r for r in run_of(log)["results"])
    marked, target = marked_copy(report)
    results = run_of(json.loads(render(marked)))["results"]
    for f, r in zip(findings(marked), results):
        assert r["baselineState"] == f["baseline_state"]
        if f is target:
            assert r["suppressions"] == [{
                "kind": "external", "status": "accepted", "justification": "정보화팀 검토 완료(2025-03)",
                "properties": {"source": "rfpcheck.toml [[suppress]] 1"},
            }]
        else:
            assert r["suppressions"] == []  # suppression information is given for every result
    assert {r["baselineState"] for r in results} == {"new", "unchanged"}
    # pass results were not compared with the baseline; they never fail a run
    verbose = run_of(json.loads(render(marked, verbose=True)))["results"]
    passes = [r for r in verbose if r["kind"] == "pass"]
    assert passes and all(r["baselineState"] == "unchanged" and r["suppressions"] == [] for r in passes)


# -- unreadable documents ---------------------------------------------------------------------

def test_unreadable_document_is_an_error_notification(batch, log):
    report, paths = batch
    run = run_of(log)
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    bad = next(d for d in report["documents"] if d["error"])
    assert bad["document"]["path"] == str(paths["empty"])
    assert note["level"] == "error"
    assert bad["error"]["message"] in note["message"]["text"] and "빈 파일" in note["message"]["text"]
    art = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert run["artifacts"][art["index"]]["location"]["uri"] == art["uri"] == artifact_uri(str(paths["empty"]))[0]
    descriptor = run["tool"]["driver"]["notifications"][note["descriptor"]["index"]]
    assert descriptor["id"] == note["descriptor"]["id"] == bad["error"]["code"]
    assert all(loc["physicalLocation"]["artifactLocation"]["index"] != art["index"]
               for r in run["results"] for loc in r["locations"])
    clean = run_of(json.loads(render(readable(report))))["invocations"][0]
    assert clean == {"executionSuccessful": True}


# -- rules ------------------------------------------------------------------------------------

def test_rules_are_the_whole_catalog_and_indices_agree(verbose_log):
    run = run_of(verbose_log)
    driver = run["tool"]["driver"]
    catalog = all_rules()
    assert driver["name"] == "rfpcheck" and driver["semanticVersion"] == driver["version"]
    assert [r["id"] for r in driver["rules"]] == list(catalog) and len(catalog) == 26
    for desc in driver["rules"]:
        rule = catalog[desc["id"]]
        assert desc["shortDescription"]["text"] == desc["name"] == rule.title
        assert rule.requirement.rstrip(".") in desc["fullDescription"]["text"]
        assert rule.applies_when in desc["fullDescription"]["text"]
        for c in rule.citations:
            assert c.label() in desc["help"]["text"]
        assert rule.suggestion in desc["help"]["text"]
        assert desc["help"]["markdown"].startswith("**근거 법령**")
        assert "helpUri" not in desc
        assert desc["properties"]["citations"] == [c.label() for c in rule.citations]
        assert desc["defaultConfiguration"]["level"] == "error"
    assert run["results"]
    for r in run["results"]:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
