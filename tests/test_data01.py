"""DATA01 DB 표준화·품질진단: applies when the text shows DB design/build work; the DB 표준화 지침,
행정표준코드 or a data-quality 진단 stated as a requirement passes; the same names in a law list or the
기술적용계획표 template do not; AI training-data checks are not DB quality."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.data01_db_standard import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import RawBlock, build_document
from rfpcheck.pipeline.segment import segment

DB = "○ 신규 통계 DB 설계 및 구축, 테이블 정의서와 ERD를 작성하여 제출하여야 함"
STD = "○ 데이터베이스는 「공공기관의 데이터베이스 표준화 지침」을 준수하여 설계하고 코드는 행정표준코드를 적용하여야 함"
QUAL = "○ 구축 완료 시 데이터 품질진단을 실시하고 오류 데이터 개선 결과를 제출하여야 함"


def check(*lines: str, given=None, section="DAR-001 데이터 요구사항"):
    head = ["제 안 요 청 서", "사업명 : 누리도 산림정보시스템 고도화 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용", section]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *lines)])
    segment(doc)
    infer_facts(doc, given or {"사업유형": "고도화", "사업금액": "5억원"})
    return detect(CheckContext(doc)), doc


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_standard_and_quality_pass():
    f, doc = check(DB, STD, QUAL)
    assert f.status == "pass"
    assert "표준화 지침" in quotes(f) and "품질진단" in quotes(f)
    assert "DB 설계·구축" in f.applies
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_standard_alone_needs_review_for_the_missing_quality_diagnosis():
    # CHECKS asks for the standards and a quality diagnosis: the standards alone are not enough
    f, doc = check(DB, STD)
    assert f.status == "review"
    assert "품질진단" in f.message and "없습니다" in f.message
    assert f.evidence and all(doc.text[e.start:e.end] == e.quote for e in f.evidence)
    f, _ = check(DB, "○ 통합 DB 재설계 시 데이터 표준 사전(용어·단어·도메인)을 정의하여 적용한다")
    assert f.status == "review", f.message


def test_db_work_without_any_statement_is_missing():
    f, _ = check(DB)
    assert f.status == "missing"
    assert f.looked_for and not f.evidence


@pytest.mark.parametrize("lines, note", [
    (("○ 관련 법령", "ｏ공공기관의 데이터베이스 표준화 지침(행정안전부고시)ｏ공공데이터 관리지침(행정안전부고시)"), True),
    (("[붙임] 기술적용계획표", "구분 | 항목 | 적용계획/결과 | 부분적용/미적용 시 사유",
      "데이터 | 행정정보의 공동활용에 필요한 행정코드는 행정표준코드를 준수하여야 함 | ○"), True),
    (("○ 학습용 데이터 변환 시 데이터 품질 검증 방안을 제시하여야 함",), False),
])
def test_names_in_lists_templates_or_ai_data_do_not_count(lines, note):
    f, _ = check(DB, *lines)
    assert f.status == "missing", quotes(f)
    assert ("기술적용계획표" in f.message) == note


def test_consulting_is_not_applicable():
    f, _ = check(DB, given={"사업유형": "ISP", "사업금액": "3억원"})
    assert f.status == "not_applicable"


def test_kept_db_structure_is_not_applicable():
    f, _ = check("○ 누리집 화면을 개편하며 기존 데이터베이스 구조는 유지한다")
    assert f.status == "not_applicable"
    assert "유지" in f.applies


def test_operation_without_db_design_is_not_applicable():
    f, _ = check("○ 정기 점검과 장애 대응을 수행하고 변경 시 테이블 정의서를 현행화한다",
                 given={"사업유형": "유지관리", "사업금액": "2억원"}, section="MPR-001 운영 요구사항")
    assert f.status == "not_applicable"
    # the same operation contract with a DB 구조 변경 task applies
    f, _ = check("○ 신규 기능 추가에 따른 DB 구조 변경을 수행한다", given={"사업유형": "유지관리", "사업금액": "2억원"},
                 section="MPR-001 운영 요구사항")
    assert f.status == "missing"


def test_given_fact_decides():
    f, _ = check("○ 화면 개선", given={"사업유형": "고도화", "db구축": "yes"})
    assert f.status == "missing"
    f, _ = check(DB, given={"사업유형": "고도화", "db구축": "no"})
    assert f.status == "not_applicable"


@pytest.mark.parametrize("line", [
    "○ 민원 이력 관리를 위해 DB 스키마를 재설계하여야 함",
    "○ 예약 기능 추가에 따라 데이터 모델을 재설계하고 신규 테이블 8개를 신설한다",
])
def test_other_wordings_of_db_design_apply_even_in_operation(line):
    f, _ = check(line, given={"사업유형": "유지관리", "사업금액": "2억원"}, section="MPR-001 운영 요구사항")
    assert f.status == "missing", f.applies
    # the cue is quoted as written, not as a fragment of a pattern
    assert "‘" in f.applies and "(?" not in f.applies


def test_the_cue_is_the_written_word():
    # the requirement id under which the DB work stands, whole ("DAR-001"), not the pattern's "DAR-0"
    f, _ = check("○ 화면 개선")
    assert "‘DAR-001’" in f.applies


def test_a_data_standard_definition_and_conformance_check_pass():
    f, _ = check(DB, "○ 데이터 표준 정의서를 작성하고 구축 완료 시 표준 준수율을 점검하여 보고하여야 함")
    assert f.status == "pass"


def check_guide(*guide_lines: str):
    head = ["제 안 요 청 서", "사업명 : 누리도 산림정보시스템 고도화 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용",
            "DAR-001 데이터 요구사항", DB, "Ⅳ. 제안서 작성 요령"]
    doc = build_document("sample.txt", "txt", [RawBlock(t) for t in (*head, *guide_lines)])
    segment(doc)
    infer_facts(doc, {"사업유형": "고도화", "사업금액": "5억원"})
    return detect(CheckContext(doc)), doc


@pytest.mark.parametrize("line", [
    "○ 데이터 부문에는 DB 구축 시 데이터 품질관리 방안을 기술할 것",
    "4. 데이터 부문 : 행정표준코드 적용 및 데이터 품질진단 계획",
])
def test_proposal_writing_instructions_and_outline_rows_do_not_count(line):
    f, _ = check_guide(line)
    assert f.status == "missing", quotes(f)


# -- notes after the nouns, conformance checks, counts and particles in either order ----------------

@pytest.mark.parametrize("line", [
    "○ 통합 DB 재설계 시 데이터 표준 사전(용어·단어·도메인)을 정의하여 적용하고 신규 항목의 표준 준수율을 점검한다",
    "○ 신규 DB 항목의 용어·도메인 표준 준수 여부를 점검하여 결과를 보고한다",
])
def test_data_standards_in_other_wordings_pass(line):
    # a check of conformance to the data standards is both the standard and its diagnosis
    f, _ = check(DB, line)
    assert f.status == "pass", f.message
    assert "DB 표준화" in f.message


def test_web_standards_are_not_data_standards():
    f, _ = check(DB, "○ 사용자 화면의 웹 표준 준수 여부를 점검한다")
    assert f.status == "missing", quotes(f)


@pytest.mark.parametrize("line", [
    "○ 알림 서비스 추가에 따라 테이블을 3개 신설한다",
    "○ 통계 기능을 위해 집계 테이블 2개를 생성한다",
    "○ 예약 이력을 위해 민원 DB(운영계)를 재설계한다",
])
def test_table_and_db_work_with_counts_and_particles_apply_in_operation(line):
    f, _ = check(line, given={"사업유형": "유지관리", "사업금액": "2억원"}, section="MPR-001 운영 요구사항")
    assert f.status == "missing", f.applies


# -- negated and waived statements -----------------------------------------------------------------

def test_db_work_the_rfp_excludes_is_not_db_work():
    f, _ = check("○ 정기 백업과 쿼리 성능 개선을 수행한다",
                 "○ 테이블 추가 등 DB 스키마 변경은 이번 유지관리 범위에 포함하지 않는다",
                 given={"사업유형": "유지관리", "사업금액": "3억원"}, section="MPR-001 운영 요구사항")
    assert f.status == "not_applicable", (f.status, f.applies)


def test_a_waived_quality_diagnosis_does_not_count():
    f, _ = check(DB, STD, "○ 데이터 품질진단은 차기 사업에서 수행하므로 본 사업에서는 생략한다")
    assert f.status == "review", (f.status, f.message)
    assert "품질진단" in f.message and "없습니다" in f.message
    assert all("생략" not in e.quote for e in f.evidence)


@pytest.mark.parametrize("line", [
    "○ 감면 기능을 위해 테이블 3개를 새로 생성하고 기존 컬럼 구조를 변경한다",
    "○ 정산 화면 추가에 따라 컬럼 5개를 추가한다",
    "○ 이력 관리를 위해 테이블 구조를 개선한다",
])
def test_new_tables_and_column_changes_are_db_design_in_operation(line):
    f, _ = check(line, given={"사업유형": "유지관리", "사업금액": "2억원"}, section="MPR-001 운영 요구사항")
    assert f.status == "missing", f.applies
    assert "DB 설계·구축 과업 있음" in f.applies


def test_column_words_without_a_change_are_not_db_design_in_operation():
    f, _ = check("○ 조회 화면의 컬럼 정렬 순서를 사용자별로 저장한다",
                 given={"사업유형": "유지관리", "사업금액": "2억원"}, section="MPR-001 운영 요구사항")
    assert f.status == "not_applicable", f.applies


@pytest.mark.parametrize("line", [
    "○ 운영 DB는 매일 백업하며 데이터베이스 백업 때 블록 무결성을 미리 검증하는 기능을 제공할 것",
    "○ 데이터 모델 검증 기준 : 중복 테이블, 중복 칼럼, 중복 데이터 정합성 유지 방안 | 데이터 모델 검증 결과서",
    "○ 이관 데이터의 무결성을 검증하여 데이터 훼손을 막을 것",
])
def test_backup_model_or_integrity_checks_are_not_a_quality_diagnosis(line):
    f, _ = check(DB, line)
    assert f.status == "missing", quotes(f)


def test_consistency_check_of_migrated_data_still_counts():
    f, _ = check(DB, "○ 데이터 이관 후 원천 데이터와 대상 데이터의 정합성을 검증하여 결과를 보고할 것")
    assert f.status == "pass", f.message


@pytest.mark.parametrize("line", [
    "○ 관계 법령 : 「전자정부법」, 「공공데이터법」, 「공공기관의 데이터베이스 표준화 지침」, 「정보보안 기본지침」",
    "「개인정보 보호법」, 「공공기관의 데이터베이스 표준화 지침」(행정안전부 고시), 「전자정부법 시행령」",
    "ㅇ 공공기관의 데이터베이스 표준화 지침(행정안전부 고시)",
])
def test_guideline_named_in_a_law_list_line_is_not_a_requirement(line):
    f, _ = check(DB, line)
    assert f.status == "missing", quotes(f)
    assert "법령 목록" in f.message


def test_guideline_applied_on_a_line_with_other_laws_still_counts():
    f, _ = check(DB, "○ 「전자정부법」과 「공공기관의 데이터베이스 표준화 지침」을 준수하여 DB를 설계할 것", QUAL)
    assert f.status == "pass", f.message
    assert "표준화 지침" in quotes(f)


@pytest.mark.parametrize("line", [
    "○ 기존 3개 시스템의 데이터를 신규 DB로 이관한다",
    "○ 민원·상담 이력 데이터를 통합 데이터베이스에 적재한다",
    "○ 신규 DB로 기존 업무 데이터를 전환한다",
])
def test_data_moved_into_a_new_database_is_db_work(line):
    f, _ = check(line, "○ 관련 법령: 전자정부법, 공공기관의 데이터베이스 표준화 지침", section="SFR-001 기능 요구사항")
    assert f.status != "not_applicable", (f.status, f.applies)


@pytest.mark.parametrize("line", [
    "○ 구축 완료 후 업무규칙 기반 값 검증을 수행한다",
    "○ 데이터 품질 수준(오류율)을 측정하여 보고한다",
    "○ 적재한 DB의 오류율을 산출하여 제출한다",
])
def test_other_wordings_of_a_quality_diagnosis(line):
    f, _ = check(DB, STD, line)
    assert f.status == "pass", (f.status, f.message)


def test_input_value_validation_is_not_a_quality_diagnosis():
    f, _ = check(DB, STD, "○ 모든 입력값 검증을 수행하여 시큐어코딩 기준을 지킨다")
    assert f.status != "pass", (f.status, f.message)
