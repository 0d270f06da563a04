"""DATA02 공공데이터 제출: 개방데이터 목록, 메타데이터 등록, 공공데이터포털 연계 pass; the
기술적용계획표 row, a 공공데이터 관리지침 in a law list, 공공데이터 as a source to call, and AI document
metadata do not; consulting is 해당없음, operation applies."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.data02_public_data import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment


def check(*lines: str, kind="SW개발"):
    head = ["제 안 요 청 서", "사업명 : 누리시 교통정보 플랫폼 구축 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용",
            "DAR-010 데이터 개방 요구사항"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, {"사업유형": kind, "사업금액": "6억원"})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("line, word", [
    ("○ 구축되는 시스템과 연관된 개방데이터 목록을 식별하여 제출하여야 함", "개방데이터 목록"),
    ("○ 목표시스템의 메타데이터를 작성하여 중앙메타관리시스템에 등록하여야 함", "메타데이터"),
    ("○ 개방 데이터(파일 및 오픈API)는 공공데이터포털에 연계·제공하여야 함", "공공데이터포털"),
])
def test_each_statement_passes(line, word):
    f, doc = check(line)
    assert f.status == "pass"
    assert word in f.evidence[0].quote
    assert doc.text[f.evidence[0].start:f.evidence[0].end] == f.evidence[0].quote


def test_list_beats_a_plan_in_the_evidence_order():
    f, _ = check("○ 데이터 개방 방안을 제시하여야 함", "○ 개방데이터 목록을 식별하여 제출하여야 함")
    assert "목록" in f.evidence[0].quote


@pytest.mark.parametrize("lines", [
    ("○ 관련 지침", "ｏ공공데이터 관리지침(행정안전부고시)ｏ공공기관의 데이터베이스 표준화 지침(행정안전부고시)"),
    ("[붙임] 기술적용계획표", "구분 | 항목 | 적용계획/결과 | 부분적용/미적용 시 사유",
     "데이터 | 데이터는 공공데이터로 제공하기 위하여 기계판독이 가능한 형태로 정비하여야 함 | ○"),
    ("○ 기상 정보는 공공데이터포털의 오픈API를 연계하여 수집한다",),
    ("○ 업로드 문서의 메타데이터 추출 및 자동 분류 기능을 제공하여야 함",),
])
def test_look_alikes_are_missing(lines):
    f, _ = check(*lines)
    assert f.status == "missing", [e.quote for e in f.evidence]
    assert f.looked_for


def test_consulting_is_not_applicable_and_operation_applies():
    f, _ = check("○ 현황 분석", kind="ISP")
    assert f.status == "not_applicable"
    f, _ = check("○ 정기 점검", kind="유지관리")
    assert f.status == "missing"
    assert "운영" in f.applies


@pytest.mark.parametrize("line", [
    # consuming open data is not opening the project's data
    "○ 공공데이터포털의 미세먼지 API를 연계하여 측정 정보를 수집하여야 함",
    "○ 공공데이터포털(www.data.go.kr)에서 제공하는 주소 데이터를 가져와 검색 기능에 활용한다",
    # a system feature that manages metadata or access is not registration of public data
    "○ 내부 문서 카탈로그의 메타데이터를 등록·수정하는 관리 기능을 개발하여야 함",
    "○ 부서별 데이터 열람 권한의 개방 여부를 설정하는 기능을 제공하여야 함",
])
def test_consumption_and_system_features_are_missing(line):
    f, _ = check(line)
    assert f.status == "missing", [e.quote for e in f.evidence]


@pytest.mark.parametrize("line, word", [
    ("○ 버스 도착 정보는 data.go.kr에 오픈API로 개방하여야 함", "data.go.kr"),
    ("○ 교통량 통계는 국가중점데이터로 제공할 수 있도록 표준 형식으로 정비하여 제출한다", "국가중점데이터"),
    ("○ 「공공데이터의 제공 및 이용 활성화에 관한 법률」 제17조에 따라 보유 데이터를 목록으로 등록하여야 함", "목록으로 등록"),
    ("○ 공공데이터포털에 시스템 보유 데이터를 등록하여 개방하여야 함", "공공데이터포털"),
    ("○ 개방 데이터셋 목록을 작성하여 발주기관에 제출한다", "데이터셋 목록"),
])
def test_other_wordings_of_opening_the_data_pass(line, word):
    f, _ = check(line)
    assert f.status == "pass"
    assert word in f.evidence[0].quote


def test_a_match_does_not_run_into_the_next_heading():
    # "목록 … 작성" must not take "작성" from the heading that follows
    f, doc = check("○ 운영 중인 시스템의 공공데이터 목록을 현행화하여야 함", "Ⅳ. 제안서 작성 요령",
                   "1. 제안서 작성 일반사항")
    assert f.status == "pass"
    assert f.evidence[0].quote == "운영 중인 시스템의 공공데이터 목록을 현행화하여야 함"
    f, _ = check("○ 관리 대상: 공공데이터 목록", "Ⅳ. 제안서 작성 요령")
    assert f.status == "missing", [e.quote for e in f.evidence]


def test_an_outline_row_of_the_proposal_does_not_count():
    f, _ = check("○ 기상 자료를 조회한다", "Ⅳ. 제안서 작성 요령", "5. 데이터 부문 : 데이터 개방 계획 및 활용 방안")
    assert f.status == "missing", [e.quote for e in f.evidence]


# -- metadata and open data sets kept current, with a short gap before the verb ----------------------

@pytest.mark.parametrize("line, word", [
    ("○ 변경된 테이블의 메타데이터는 분기마다 갱신한다", "메타데이터"),
    ("○ 개방 데이터는 연 2회 갱신하여 포털에 반영한다", "개방 데이터"),
    ("○ 개방데이터셋의 원천 테이블이 바뀌면 즉시 현행화한다", "개방데이터셋"),
])
def test_upkeep_of_metadata_and_open_data_passes_in_operation(line, word):
    f, doc = check(line, kind="유지관리")
    assert f.status == "pass", f.message
    assert word in f.evidence[0].quote


@pytest.mark.parametrize("line", [
    "○ 개방 데이터 조회 화면에서 사용자가 관심 데이터를 등록할 수 있어야 한다",
    "○ 첨부파일의 메타데이터 추출 결과를 등록한다",
    "○ 문서 제목, 작성자 등 메타데이터, 본문 데이터 등록 기능을 제공한다",
])
def test_screens_extraction_and_system_functions_do_not_count(line):
    f, _ = check(line)
    assert f.status == "missing", [e.quote for e in f.evidence]
