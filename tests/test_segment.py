"""Heading grammar, nesting, TOC detection and section lookups (pipeline/segment.py)."""
from __future__ import annotations

import re

import pytest

from rfpcheck.pipeline.model import HEADING, PARAGRAPH, TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

from conftest import CORPUS, extracted, label, needs_shared


def _doc(*items):
    """Build a Document from strings (one paragraph each) and ready RawBlocks, then segment it."""
    raws = [it if isinstance(it, RawBlock) else RawBlock(it, PARAGRAPH) for it in items]
    doc = build_document("mem.txt", "txt", raws)
    segment(doc)
    return doc


def _row(table, row, *cells):
    return [RawBlock(c, TABLE_CELL, table=table, row=row, col=k) for k, c in enumerate(cells)]


def _titles(secs):
    return [s.title for s in secs]


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _body(title: str) -> str:
    """A heading title without its numbering, spaces removed: "Ⅲ. 제안요청 내용" -> "제안요청내용"."""
    t = re.sub(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]+\b|\d{1,2})\s*[.]?\s*", "", title.strip())
    return _compact(t)


def _at(doc, needle: str):
    return doc.section_at(doc.text.index(needle))


# ------------------------------------------------------------------------------------------------
# numbering forms and nesting


def test_roman_arabic_hangul_nesting_and_offsets():
    doc = _doc(
        "Ⅰ. 사업 개요",
        "1. 추진 배경",
        "노후 시스템을 교체할 필요가 있다.",
        "2. 사업 범위",
        "가. 시스템 구축",
        "나. 데이터 이관",
        "Ⅱ. 제안요청 내용",
        "1. 기능 요구사항",
        "사용자 관리 기능을 제공해야 한다.",
    )
    assert _titles(doc.sections) == ["Ⅰ. 사업 개요", "Ⅱ. 제안요청 내용"]
    first = doc.sections[0]
    assert _titles(first.children) == ["1. 추진 배경", "2. 사업 범위"]
    assert _titles(first.children[1].children) == ["가. 시스템 구축", "나. 데이터 이관"]
    assert [s.level for s in doc.all_sections] == [0, 1, 1, 2, 2, 0, 1]
    assert [s.kind for s in doc.all_sections[:4]] == ["roman", "arabic", "arabic", "hangul"]
    assert first.label == "Ⅰ."
    # a section ends where the next sibling-or-higher heading starts
    second = doc.sections[1]
    assert first.end == second.start
    assert doc.text[second.start:].startswith("Ⅱ. 제안요청 내용")
    assert second.end == len(doc.text)
    sec = _at(doc, "노후 시스템")
    assert sec.path_label() == "Ⅰ. 사업 개요 > 1. 추진 배경"
    assert _at(doc, "사용자 관리").path_label() == "Ⅱ. 제안요청 내용 > 1. 기능 요구사항"
    # all_sections is in document order and parent/children agree
    assert [s.start for s in doc.all_sections] == sorted(s.start for s in doc.all_sections)
    for s in doc.all_sections:
        assert s.parent is None or s in s.parent.children


def test_ascii_roman_chapters_and_decimal_levels():
    doc = _doc(
        "제1장 총칙",
        "1.1 목적",
        "1.2 적용 범위",
        "1.2.1 대상 시스템",
        "1.2.2 제외 대상",
        "제 2 장 과업 내용",
        "2.1 개발 범위",
    )
    assert _titles(doc.sections) == ["제1장 총칙", "제 2 장 과업 내용"]
    assert _titles(doc.sections[0].children) == ["1.1 목적", "1.2 적용 범위"]
    assert _titles(doc.sections[0].children[1].children) == ["1.2.1 대상 시스템", "1.2.2 제외 대상"]
    assert doc.sections[0].kind == "chapter"
    assert doc.sections[0].children[0].kind == "decimal"

    doc2 = _doc("I. 사업 개요", "1. 목적", "II. 과업 범위", "1. 개발", "III 입찰 안내")
    assert _titles(doc2.sections) == ["I. 사업 개요", "II. 과업 범위", "III 입찰 안내"]
    assert all(s.kind == "roman" for s in doc2.sections)


def test_paren_and_circled_forms_nest_in_order_first_seen():
    doc = _doc(
        "1. 기능 요구사항",
        "가. 사용자 관리",
        "1) 회원 가입",
        "가) 본인 인증",
        "(1) 휴대폰 인증",
        "(가) 통신사 선택",
        "① 화면 구성",
        "② 오류 처리",
        "(2) 아이핀 인증",
        "나) 약관 동의",
        "2) 회원 탈퇴",
        "나. 권한 관리",
    )
    levels = {s.title: s.level for s in doc.all_sections}
    assert levels == {
        "1. 기능 요구사항": 0, "가. 사용자 관리": 1, "1) 회원 가입": 2, "가) 본인 인증": 3,
        "(1) 휴대폰 인증": 4, "(가) 통신사 선택": 5, "① 화면 구성": 6, "② 오류 처리": 6,
        "(2) 아이핀 인증": 4, "나) 약관 동의": 3, "2) 회원 탈퇴": 2, "나. 권한 관리": 1,
    }
    assert _at(doc, "오류 처리").path_label() == (
        "1. 기능 요구사항 > 가. 사용자 관리 > 1) 회원 가입 > 가) 본인 인증 > (1) 휴대폰 인증 > "
        "(가) 통신사 선택 > ② 오류 처리")
    kinds = {s.title: s.kind for s in doc.all_sections}
    assert kinds["1) 회원 가입"] == "paren" and kinds["① 화면 구성"] == "circled"


def test_nesting_order_comes_from_the_document_not_a_table():
    # here 가. is the top level and 1. sits under it (the reverse of the usual order)
    doc = _doc("가. 일반 사항", "1. 목적", "2. 범위", "나. 세부 사항", "1. 기능", "2. 성능")
    assert _titles(doc.sections) == ["가. 일반 사항", "나. 세부 사항"]
    assert _titles(doc.sections[1].children) == ["1. 기능", "2. 성능"]


def test_a_style_seen_later_under_another_parent_keeps_its_depth():
    doc = _doc(
        "Ⅰ. 개요",
        "1. 목적",
        "가. 배경",
        "1) 현황",
        "Ⅱ. 범위",
        "1) 개발",  # 1) directly under Ⅱ: it goes one level down, not beside Ⅱ
        "2) 운영",
        "Ⅲ. 기타",
    )
    assert _titles(doc.sections) == ["Ⅰ. 개요", "Ⅱ. 범위", "Ⅲ. 기타"]
    assert _titles(doc.sections[1].children) == ["1) 개발", "2) 운영"]


def test_long_numbered_sentences_are_list_items_not_sections():
    doc = _doc(
        "1. 일반 사항",
        "2. 제출 서류",
        "1. 제안서는 한글로 작성하여야 하며 외국어를 사용하는 경우에는 한글 번역본을 함께 제출해야 한다.",
        "2. 제출된 서류는 반환하지 않음.",
        "3. 평가 방법",
    )
    assert _titles(doc.sections) == ["1. 일반 사항", "2. 제출 서류", "3. 평가 방법"]
    assert _at(doc, "제출된 서류는").title == "2. 제출 서류"


def test_a_numbered_list_restarting_inside_a_section_is_not_a_heading():
    doc = _doc(
        "1. 사업 개요",
        "2. 하도급 제한",
        "1. 신기술이 필요한 경우",
        "2. 그 밖에 필요한 경우",
        "3. 공정한 경우",
        "3. 입찰 방법",
    )
    assert _titles(doc.sections) == ["1. 사업 개요", "2. 하도급 제한", "3. 입찰 방법"]


def test_box_bullet_is_a_section_only_when_it_introduces_items():
    doc = _doc(
        "Ⅰ. 사업 개요",
        "□ 추진 배경",
        "○ 노후 장비 교체",
        "○ 보안 강화",
        "□ 사업 범위",
        "- 시스템 구축",
        "□ 예산은 별도로 정한다",
        "□ 기간은 계약일로부터 6개월",
    )
    assert _titles(doc.sections[0].children) == ["□ 추진 배경", "□ 사업 범위"]
    assert all(s.kind == "bullet" for s in doc.sections[0].children)
    # other bullets never make sections
    assert not any(s.title.startswith(("○", "-")) for s in doc.all_sections)


def test_spaced_titles_and_cover():
    doc = _doc("제 안 요 청 서", "사업명: 통합 시스템 구축", "Ⅰ. 사업 개요", "1. 목적", "Ⅱ. 과업 내용")
    assert _titles(doc.sections) == ["제안요청서", "Ⅰ. 사업 개요", "Ⅱ. 과업 내용"]
    assert doc.sections[0].kind == "spaced"
    assert _at(doc, "사업명").title == "제안요청서"
    # table headers spelled with spaces are not headings
    doc2 = _doc("1. 현황", "구 분 세 부 내 용", "사 업 명", "2. 계획")
    assert _titles(doc2.all_sections) == ["1. 현황", "2. 계획"]


def test_heading_blocks_with_style_levels():
    doc = _doc(
        RawBlock("사업 개요", HEADING, level=0),
        "본문",
        RawBlock("추진 배경", HEADING, level=1),
        RawBlock("추진 근거", HEADING, level=2),
        RawBlock("사업 범위", HEADING, level=1),
        RawBlock("제안 안내", HEADING, level=0),
    )
    assert _titles(doc.sections) == ["사업 개요", "제안 안내"]
    assert _titles(doc.sections[0].children) == ["추진 배경", "사업 범위"]
    assert _titles(doc.sections[0].children[0].children) == ["추진 근거"]
    assert doc.sections[0].kind == "style"


def test_title_box_tables_are_headings_but_numbered_cells_are_not():
    raws = [
        *_row(0, 0, "Ⅰ", "사업 개요"),
        RawBlock("1. 추진 배경"),
        *_row(1, 0, "구분", "내용"),
        *_row(1, 1, "1. 현황", "노후화"),
        *_row(1, 2, "2. 문제점", "보안 취약"),
        *_row(2, 0, "Ⅱ", "제안 요청 내용"),
        # a title printed one glyph per cell
        *_row(3, 0, "Ⅲ", ".", "입", "찰", "안", "내"),
    ]
    doc = _doc(*raws)
    assert [_body(s.title) for s in doc.sections] == ["사업개요", "제안요청내용", "입찰안내"]
    assert [s.kind for s in doc.sections] == ["roman"] * 3
    assert _titles(doc.sections[0].children) == ["1. 추진 배경"]


# ------------------------------------------------------------------------------------------------
# requirement IDs


def test_requirement_tables_become_deepest_sections():
    raws = [
        RawBlock("Ⅲ. 제안요청 내용"),
        RawBlock("2. 보안 요구사항"),
        # the summary list: IDs one per row are not sections
        *_row(0, 0, "고유번호", "요구사항 명칭"),
        *_row(0, 1, "SER-001", "접근 통제"),
        *_row(0, 2, "SER-002", "암호화"),
        *_row(0, 3, "SER-003", "로그 관리"),
        RawBlock("가. 상세 요구사항"),
        *_row(1, 0, "요구사항 고유번호", "SER-001"),
        *_row(1, 1, "요구사항 명칭", "접근 통제"),
        *_row(1, 2, "세부 내용", "1) 관리자 인증을 적용할 것"),
        *_row(2, 0, "요구사항 고유번호", "SER-001"),  # the same table continued on the next page
        *_row(2, 1, "세부 내용", "2) 권한을 분리할 것"),
        *_row(3, 0, "요구사항 고유번호", "SER-003"),
        *_row(3, 1, "요구사항 명칭", "로그 관리"),
        *_row(3, 2, "세부 내용", "접속기록을 1년 이상 보관"),
        RawBlock("3. 성능 요구사항"),
    ]
    doc = _doc(*raws)
    req = [s for s in doc.all_sections if s.kind == "reqid"]
    assert _titles(req) == ["SER-001 접근 통제", "SER-003 로그 관리"]
    assert [s.label for s in req] == ["SER-001", "SER-003"]
    assert all(s.parent.title == "가. 상세 요구사항" for s in req)
    ev = doc.evidence(doc.text.index("접속기록"), doc.text.index("접속기록") + 4)
    assert ev.section == "Ⅲ. 제안요청 내용 > 2. 보안 요구사항 > 가. 상세 요구사항 > SER-003 로그 관리"
    assert _at(doc, "권한을 분리").title == "SER-001 접근 통제"
    # the next heading closes the requirement
    assert _at(doc, "3. 성능 요구사항").title == "3. 성능 요구사항"


def test_requirement_heading_lines_and_labelled_lines():
    doc = _doc(
        "1. 기능 요구사항",
        "요구사항 번호 SFR-001",
        "요구사항 명칭 회원 관리",
        "회원 정보를 관리한다.",
        "SFR-002 게시판",
        "게시판 기능을 제공한다.",
        "한글 ID 보안-01 형식",
    )
    req = [s for s in doc.all_sections if s.kind == "reqid"]
    assert _titles(req) == ["SFR-001 회원 관리", "SFR-002 게시판"]
    assert _at(doc, "게시판 기능").path_label() == "1. 기능 요구사항 > SFR-002 게시판"


# ------------------------------------------------------------------------------------------------
# table of contents


def test_toc_with_title_and_dot_leaders_is_excluded():
    doc = _doc(
        "제 안 요 청 서",
        "목 차",
        "Ⅰ. 사업 개요 ··············· 1",
        "1. 추진 배경 ··············· 1",
        "Ⅱ. 제안 요청 내용 ··········· 3",
        "표 목차",
        "<표 1> 추진 일정 ··········· 2",
        "Ⅰ. 사업 개요",
        "1. 추진 배경",
        "Ⅱ. 제안 요청 내용",
    )
    assert len(doc.toc_ranges) == 1
    s, e = doc.toc_ranges[0]
    assert doc.text[s:e].startswith("목 차") and doc.text[s:e].endswith("2")
    assert [_body(x.title) for x in doc.sections] == ["제안요청서", "사업개요", "제안요청내용"]
    assert not any(s <= x.start < e for x in doc.all_sections)
    toc_blocks = [b.text for b in doc.blocks if b.in_toc]
    assert toc_blocks[0] == "목 차" and len(toc_blocks) == 6
    assert doc.in_toc(doc.text.index("추진 배경 ···")) and not doc.in_toc(doc.text.rindex("추진 배경"))


def test_toc_without_title_word_and_with_group_lines():
    doc = _doc(
        "Ⅰ. 사업 개요 1",
        "Ⅱ. 과업 내용 4",
        "Ⅲ. 제안서 작성 요령 12",
        "Ⅳ. 기타 사항 20",
        "Ⅰ. 사업 개요",
        "내용",
        "Ⅱ. 과업 내용",
    )
    assert len(doc.toc_ranges) == 1
    assert _titles(doc.sections) == ["Ⅰ. 사업 개요", "Ⅱ. 과업 내용"]
    assert doc.sections[0].start == doc.text.rindex("Ⅰ. 사업 개요")

    # titled TOC whose chapters have no page numbers, only their sub-entries do
    doc2 = _doc(
        "목 차",
        "Ⅰ. 사업 개요",
        "1. 추진배경 ········ 1",
        "2. 사업 범위 ········ 2",
        "Ⅱ. 제안 안내",
        "1. 입찰 방식 ········ 5",
        "Ⅰ 사업 개요",
        "추진배경",  # the number was in a graphic: the TOC names it
        "2. 사업 범위",
        "Ⅱ 제안 안내",
    )
    assert _titles(doc2.sections) == ["Ⅰ 사업 개요", "Ⅱ 제안 안내"]
    assert _titles(doc2.sections[0].children) == ["추진배경", "2. 사업 범위"]
    assert doc2.sections[0].children[0].label == "1."


def test_toc_typed_into_a_table_cell():
    raws = [
        *_row(0, 0, "목 차"),
        *_row(0, 1, "Ⅰ. 사업개요 1\n1. 사업개요 1\n2. 추진배경 2\nⅡ. 제안안내 3\n1. 입찰방식 3"),
        *_row(1, 0, "Ⅰ", "사업 개요"),
        RawBlock("1. 사업개요"),
        RawBlock("2. 추진배경"),
        *_row(2, 0, "Ⅱ", "제안안내"),
    ]
    doc = _doc(*raws)
    assert doc.toc_ranges
    assert [_body(s.title) for s in doc.sections] == ["사업개요", "제안안내"]
    assert all(b.in_toc for b in doc.blocks[:2])


def test_the_toc_rejects_a_proposal_outline_printed_in_the_body():
    doc = _doc(
        "목 차",
        "Ⅰ. 사업 개요 ······ 1",
        "Ⅱ. 제안서 작성 요령 ······ 5",
        "1. 제안서 목차 ······ 5",
        "2. 작성 방법 ······ 6",
        "Ⅲ. 기타 사항 ······ 9",
        "Ⅰ. 사업 개요",
        "Ⅱ. 제안서 작성 요령",
        "1. 제안서 목차",
        "Ⅰ. 일반 현황",  # the proposal's own outline
        "1. 회사 개요",
        "2. 조직",
        "Ⅱ. 전략 및 방법론",
        "1. 추진 전략",
        "2. 작성 방법",
        "Ⅲ. 기타 사항",
    )
    assert _titles(doc.sections) == ["Ⅰ. 사업 개요", "Ⅱ. 제안서 작성 요령", "Ⅲ. 기타 사항"]
    assert _titles(doc.sections[1].children) == ["1. 제안서 목차", "2. 작성 방법"]
    # without a TOC the restart of Ⅰ. is caught as well
    doc2 = _doc("Ⅰ. 개요", "Ⅱ. 작성 요령", "1. 목차", "Ⅰ. 일반 현황", "Ⅱ. 전략", "Ⅲ. 기술", "Ⅳ. 관리", "내용")
    assert _titles(doc2.sections) == ["Ⅰ. 개요", "Ⅱ. 작성 요령"]


def test_annexes_and_forms():
    doc = _doc(
        "Ⅰ. 사업 개요",
        "제출 서류는 다음과 같다.",
        "[붙임 1] 입찰참가신청서",  # a list of attachments is not a set of annexes
        "[붙임 2] 보안서약서",
        "Ⅱ. 기타 사항",
        "[붙임 3] 누출금지 정보 참조",
        "[붙임 1] 보안 특약",
        "1. 목적",
        "[별지 제1호 서식]",
        "입 찰 참 가 신 청 서",
        "[붙임 2] 서약서",
    )
    assert _titles(doc.sections) == ["Ⅰ. 사업 개요", "Ⅱ. 기타 사항", "[붙임 1] 보안 특약", "[붙임 2] 서약서"]
    assert [s.kind for s in doc.sections[2:]] == ["annex", "annex"]
    annex1 = doc.sections[2]
    assert _titles(annex1.children) == ["1. 목적"]
    form = _at(doc, "[별지 제1호 서식]")
    assert form.title == "[별지 제1호 서식] 입찰참가신청서"  # the spaced form title joins its label
    assert form.path()[0] is annex1  # a form stays inside its annex
    assert _at(doc, "입 찰 참 가") is form


def test_headings_run_together_in_one_block_are_split():
    doc = _doc("Ⅰ. 제안요청 내용", "2. 요구사항 가. 기능 요구사항", "내용", "나. 성능 요구사항")
    titles = {s.title: s.level for s in doc.all_sections}
    assert titles == {"Ⅰ. 제안요청 내용": 0, "2. 요구사항": 1, "가. 기능 요구사항": 2, "나. 성능 요구사항": 2}
    sec = [s for s in doc.all_sections if s.title == "가. 기능 요구사항"][0]
    assert doc.text[sec.start:].startswith("가. 기능 요구사항")


def test_segment_is_idempotent_and_handles_empty_documents():
    doc = _doc("Ⅰ. 개요", "1. 목적", "Ⅱ. 범위")
    first = [(s.title, s.start, s.end, s.level) for s in doc.all_sections]
    segment(doc)
    assert [(s.title, s.start, s.end, s.level) for s in doc.all_sections] == first
    empty = build_document("none.txt", "txt", [])
    segment(empty)
    assert empty.sections == [] and empty.all_sections == [] and empty.toc_ranges == []
    assert empty.section_at(0) is None


def test_a_large_document_segments_completely():
    def make(n_chapters: int):
        raws = [RawBlock("목 차")]
        raws += [RawBlock(f"{k}. 장 제목 {k} ········ {k}") for k in range(1, 10)]
        for c in range(n_chapters):
            raws.append(RawBlock(f"{c % 9 + 1}. 장 제목 {c}"))
            for k in range(1, 6):
                raws.append(RawBlock(f"가. 항목 {k}"))
                raws += [RawBlock(f"○ 세부 내용 {c}-{k}-{j} 을 수행하여야 한다.") for j in range(8)]
                raws += _row(c * 10 + k, 0, "요구사항 고유번호", f"SFR-{c * 10 + k:03d}")
                raws += _row(c * 10 + k, 1, "요구사항 명칭", "기능")
        return build_document("big.txt", "txt", raws)

    # speed is measured by scripts/benchmark.py; here: a large document segments completely
    big = make(320)
    segment(big)
    assert len(big.blocks) > 20000
    assert sum(1 for s in big.all_sections if s.kind == "reqid") == 320 * 5


# ------------------------------------------------------------------------------------------------
# real documents (the corpus in ../shared)

# top-level headings as the documents print them (compared without numbering and spaces)
REAL_TOPS = {
    "d002": ["사업안내", "사업추진방안", "제안요청내용", "제안안내사항", "과업의수행지침", "기타사항"],
    "d004": ["사업개요", "사업내용", "주요사업내용", "추진방법", "시스템현황", "세부과업내용", "제안서작성요령",
             "제안안내사항", "기타사항", "별지서식"],
    "d008": ["사업개요", "시스템운영현황", "사업추진방안", "제안요청내용", "제안서작성요령", "제안안내사항", "붙임"],
    "d011": ["사업개요", "사업추진계획", "제안요청내용", "제안서작성요령", "제안안내사항", "기타사항"],
    "d017": ["사업개요", "사업내용", "제안서작성및평가"],
    "d021": ["개요", "일정및내용", "유의사항", "제안서의작성·제출및평가", "입찰관련사항", "첨부"],
    "d039": ["사업안내", "대상업무현황", "사업추진방안", "제안요청내용", "제안안내", "제안서작성기준"],
    "d001": ["사업안내", "사업추진방안", "제안요청내용", "제안안내사항", "과업의수행지침", "기타사항"],
    "d003": ["사업개요", "사업내용", "주요사업내용", "추진방법", "시스템현황", "세부과업내용", "제안서작성요령",
             "제안안내사항", "기타사항", "별지서식"],
    "d007": ["사업개요", "시스템운영현황", "사업추진방안", "제안요청내용", "제안서작성요령", "제안안내사항", "붙임"],
    "d013": ["연구용역개요", "연구용역수행범위", "연구용역기관선정방법", "제안서작성및제출", "제출서류"],
    "d006": ["사업개요", "현황및문제점", "사업추진방안", "제안요청내용", "제안서작성요령", "제안안내", "기타사항"],
    "d012": ["사업개요", "사업추진계획", "제안요청내용", "제안서작성요령", "제안안내사항", "기타사항"],
}


def _corpus_path(doc_id: str) -> str:
    return str(next((CORPUS / "docs").glob(f"{doc_id}.*")))


@needs_shared
@pytest.mark.parametrize("doc_id", sorted(REAL_TOPS))
def test_real_documents_top_level_headings(doc_id):
    doc = extracted(_corpus_path(doc_id))
    tops = [_body(s.title) for s in doc.sections if s.kind in ("roman", "arabic", "chapter", "toc")]
    assert tops == REAL_TOPS[doc_id], [s.title for s in doc.sections]
    # every section lies inside the text and starts at its heading's block
    for s in doc.all_sections:
        assert 0 <= s.start < s.end <= len(doc.text)
        b = doc.blocks[s.block_index]
        assert b.start <= s.start < max(b.end, s.start + 1)
        assert s.parent is None or s.parent.start <= s.start and s.end <= s.parent.end


@needs_shared
@pytest.mark.parametrize("doc_id", ["d002", "d004", "d005", "d008", "d011", "d001", "d003", "d006", "d012"])
def test_real_documents_toc_is_found_and_excluded(doc_id):
    doc = extracted(_corpus_path(doc_id))
    assert doc.toc_ranges, "no table of contents found"
    s, e = doc.toc_ranges[0]
    assert e - s > 40
    first = doc.sections[0] if doc.sections[0].kind != "spaced" else doc.sections[1]
    assert first.start >= e  # the body starts after the TOC
    assert not any(a <= x.start < b for x in doc.all_sections for a, b in doc.toc_ranges)
    toc_blocks = [b for b in doc.blocks if b.in_toc]
    assert toc_blocks and all(s - 2 <= b.start < e + 2 for b in toc_blocks[:3])
    # the TOC lists the same chapters the body has
    toc_text = _compact(doc.text[s:e])
    assert _body(first.title)[:4] in toc_text


@needs_shared
@pytest.mark.parametrize("doc_id,first,count", [("d002", "ECR-001", 80), ("d001", "ECR-001", 80),
                                                ("d004", "SFR-001", 60), ("d011", "ECR-01", 30)])
def test_real_documents_requirement_ids_are_nodes(doc_id, first, count):
    doc = extracted(_corpus_path(doc_id))
    req = [s for s in doc.all_sections if s.kind == "reqid"]
    assert len(req) >= count
    assert req[0].label == first
    assert len({s.label for s in req}) == len(req)  # a table continued on the next page is one node
    for s in req:
        assert s.title.startswith(s.label) and len(s.title) > len(s.label) + 1  # ID + its name
        assert s.parent is not None and s.parent.kind != "reqid" and not s.children


@needs_shared
@pytest.mark.parametrize("doc_id,rule,quote,path", [
    ("d002", "SW04", "하도급은 불허함", ["기타사항", "공동수급및하도급"]),
    ("d002", "SW08", "하자보수기간은 사업종료 후 1년으로", ["제안요청내용", "요구사항상세", "PSR-003"]),
    ("d001", "SW08", "하자보수기간은 사업종료 후 1년으로", ["제안요청내용", "요구사항상세", "PSR-003"]),
    ("d004", "SW04", "반드시 하도급계약 전에 발주기관으로부터", ["제안안내사항", "입찰참가자격"]),
    ("d017", "SW04", "본 사업은 하도급 불허", ["제안서작성및평가", "입찰참가자격"]),
    ("d039", "SW03", "대기업은 입찰에 참여할 수 없음", ["제안안내", "입찰안내사항"]),
])
def test_real_evidence_quotes_get_a_sensible_path(doc_id, rule, quote, path):
    assert any(_compact(quote) in _compact(q) for q in label(doc_id)["rules"][rule]["evidence"])
    doc = extracted(_corpus_path(doc_id))
    i = doc.compact.find(_compact(quote))
    assert i >= 0
    start, end = doc.span_from_compact(i, i + len(_compact(quote)))
    ev = doc.evidence(start, end)
    got = _compact(ev.section or "")
    pos = 0
    for part in path:  # each expected title appears, in this order
        k = got.find(part, pos)
        assert k >= 0, (part, ev.section)
        pos = k + len(part)
