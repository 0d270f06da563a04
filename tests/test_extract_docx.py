"""DOCX extraction on documents built here with python-docx (plus the raw XML Word writes for
numbering, text boxes, fields and page marks), and on damaged or hostile packages."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from rfpcheck.pipeline.errors import InputError
from rfpcheck.pipeline.extract import extract
from rfpcheck.pipeline.extract.docx import extract_docx
from rfpcheck.pipeline.model import HEADING, LIST_ITEM, NOTE, PARAGRAPH, TABLE_CELL

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def _x(xml: str):
    return parse_xml(xml.replace("NSDECL", NS))


def _add_korean_numbering(d) -> None:
    """Two lists: 1. / 가. / (1) / ① (numId 90) and 1) carried by a style (numId 91)."""
    numbering = d.part.numbering_part.element
    levels = [("decimal", "%1."), ("ganada", "%2."), ("decimal", "(%3)"), ("decimalEnclosedCircle", "%4")]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.insert(0, _x(f'<w:abstractNum NSDECL w:abstractNumId="90">{lvl_xml}</w:abstractNum>'))
    numbering.insert(1, _x(
        '<w:abstractNum NSDECL w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'))
    numbering.append(_x('<w:num NSDECL w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(_x('<w:num NSDECL w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))


def _numbered(d, text: str, ilvl: int, num_id: int = 90):
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        _x(f'<w:numPr NSDECL><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def _paragraph_style(d, name: str, base=None, outline: int | None = None, num_id: int | None = None):
    st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base is not None:
        st.base_style = base
    ppr = st.element.get_or_add_pPr()
    if num_id is not None:
        ppr.append(_x(f'<w:numPr NSDECL><w:numId w:val="{num_id}"/></w:numPr>'))
    if outline is not None:
        ppr.append(_x(f'<w:outlineLvl NSDECL w:val="{outline}"/>'))
    return st


def _build(path: Path) -> Path:
    d = docx.Document()
    _add_korean_numbering(d)
    chapter_base = _paragraph_style(d, "RFP 장 바탕", outline=0)
    chapter = _paragraph_style(d, "RFP 장", base=chapter_base)  # level only via basedOn
    item = _paragraph_style(d, "RFP 항목", num_id=91)  # numbering only via the style
    ko_heading = _paragraph_style(d, "제목 2")

    d.add_heading("제안요청서 개요", level=1)
    d.add_paragraph("본 사업은 시험용 사업이다.")
    d.add_heading("사업 범위", level=2)
    _numbered(d, "추진 배경", 0)
    _numbered(d, "세부 배경", 1)
    _numbered(d, "둘째 세부", 1)
    _numbered(d, "괄호 항목", 2)
    _numbered(d, "원문자 항목", 3)
    _numbered(d, "추진 목표", 0)
    _numbered(d, "목표의 세부", 1)  # the level restarts under a new parent
    d.add_paragraph("글머리 항목", style="List Bullet")
    d.add_paragraph("스타일 번호 하나", style=item)
    d.add_paragraph("스타일 번호 둘", style=item)
    d.add_paragraph("제안 안내", style=chapter)
    d.add_paragraph("입찰 방식", style=ko_heading)

    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "구분", "내용", "비고"
    t.cell(1, 0).merge(t.cell(1, 1)).text = "가로 병합"
    t.cell(1, 2).merge(t.cell(2, 2)).text = "세로 병합"
    t.cell(2, 0).text = "아래 왼쪽"
    t.cell(2, 1).text = "안쪽 표 위"
    inner = t.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "안쪽 하나", "안쪽 둘"

    p = d.add_paragraph("표 다음 문단")
    # a text box as Word writes it: the drawing and a VML fallback copy of the same text
    box = ('<w:r NSDECL><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
           '<w:txbxContent><w:p><w:r><w:t>글상자 안내문</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
           '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
           '<w:t>글상자 안내문</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r>')
    p._p.append(_x(box))
    # fields keep their result, not their instruction; deletions are gone, insertions kept
    d.add_paragraph()._p.extend([
        _x('<w:r NSDECL><w:t xml:space="preserve">목차 쪽 </w:t></w:r>'),
        _x('<w:r NSDECL><w:fldChar w:fldCharType="begin"/></w:r>'),
        _x('<w:r NSDECL><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>'),
        _x('<w:r NSDECL><w:fldChar w:fldCharType="separate"/></w:r>'),
        _x('<w:r NSDECL><w:t>7</w:t></w:r>'),
        _x('<w:r NSDECL><w:fldChar w:fldCharType="end"/></w:r>'),
        _x('<w:del NSDECL w:id="1" w:author="x"><w:r><w:delText>지운 글</w:delText></w:r></w:del>'),
        _x('<w:ins NSDECL w:id="2" w:author="x"><w:r><w:t xml:space="preserve"> 넣은 글</w:t></w:r></w:ins>'),
    ])
    # a block-level content control around a paragraph (Word does this for tables of contents)
    sdt = _x('<w:sdt NSDECL><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>콘텐츠 컨트롤 안 문단</w:t></w:r></w:p>'
             '</w:sdtContent></w:sdt>')
    d.element.body.insert(len(d.element.body) - 1, sdt)  # before the final sectPr
    d.save(path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("docx") / "built.docx")


def test_body_order_levels_and_labels(built):
    doc = extract_docx(built)
    got = [(b.kind, b.level, b.text) for b in doc.blocks if b.kind != TABLE_CELL and b.depth == 0]
    assert got == [
        (HEADING, 0, "제안요청서 개요"),
        (PARAGRAPH, None, "본 사업은 시험용 사업이다."),
        (HEADING, 1, "사업 범위"),
        (LIST_ITEM, 0, "1. 추진 배경"),
        (LIST_ITEM, 1, "가. 세부 배경"),
        (LIST_ITEM, 1, "나. 둘째 세부"),
        (LIST_ITEM, 2, "(1) 괄호 항목"),
        (LIST_ITEM, 3, "① 원문자 항목"),
        (LIST_ITEM, 0, "2. 추진 목표"),
        (LIST_ITEM, 1, "가. 목표의 세부"),
        (LIST_ITEM, 0, "• 글머리 항목"),  # the Symbol-font bullet of the default template
        (LIST_ITEM, 0, "1) 스타일 번호 하나"),
        (LIST_ITEM, 0, "2) 스타일 번호 둘"),
        (HEADING, 0, "제안 안내"),  # outline level inherited along basedOn
        (HEADING, 1, "입찰 방식"),  # Korean style name 제목 2
        (PARAGRAPH, None, "표 다음 문단"),
        (PARAGRAPH, None, "목차 쪽 7 넣은 글"),
        (PARAGRAPH, None, "콘텐츠 컨트롤 안 문단"),
    ]
    assert "PAGEREF" not in doc.text and "지운 글" not in doc.text
    assert doc.pages is None and all(b.page is None for b in doc.blocks)  # no layout saved
    assert all(b.para is not None and b.section_no == 0 for b in doc.blocks)


def test_tables_merged_cells_and_nesting(built):
    doc = extract_docx(built)
    cells = [(b.table, b.row, b.col, b.depth, b.text) for b in doc.blocks if b.kind == TABLE_CELL]
    assert cells == [
        (0, 0, 0, 0, "구분"), (0, 0, 1, 0, "내용"), (0, 0, 2, 0, "비고"),
        (0, 1, 0, 0, "가로 병합"),  # one cell spanning two grid columns, once
        (0, 1, 2, 0, "세로 병합"),  # the vertical continuation below is not repeated
        (0, 2, 0, 0, "아래 왼쪽"),
        (0, 2, 1, 0, "안쪽 표 위"),
        (1, 0, 0, 1, "안쪽 하나"), (1, 0, 1, 1, "안쪽 둘"),  # nested table after its cell
    ]
    assert doc.text.count("가로 병합") == 1 and doc.text.count("세로 병합") == 1
    assert "구분 | 내용 | 비고\n가로 병합 | 세로 병합\n아래 왼쪽 | 안쪽 표 위\n안쪽 하나 | 안쪽 둘" in doc.text


def test_text_box_once_as_note(built):
    doc = extract_docx(built)
    notes = [b for b in doc.blocks if b.kind == NOTE]
    assert [(b.text, b.depth) for b in notes] == [("글상자 안내문", 1)]
    idx = {b.text: b.index for b in doc.blocks}
    assert idx["표 다음 문단"] < idx["글상자 안내문"] < idx["목차 쪽 7 넣은 글"]


def test_pages_from_rendered_breaks(tmp_path):
    d = docx.Document()
    d.add_paragraph("첫 쪽 문단")
    p = d.add_paragraph("둘째 쪽으로 넘어가는 문단")
    p.runs[0]._r.insert(0, _x('<w:lastRenderedPageBreak NSDECL/>'))
    d.add_paragraph("둘째 쪽 끝").add_run().add_break(WD_BREAK.PAGE)
    # Word marks the top of the page after a hard break too: one new page, not two
    q = d.add_paragraph("셋째 쪽 문단")
    q.runs[0]._r.insert(0, _x('<w:lastRenderedPageBreak NSDECL/>'))
    d.add_table(rows=1, cols=1).cell(0, 0).text = "셋째 쪽 표"
    path = tmp_path / "paged.docx"
    d.save(path)
    doc = extract_docx(path)
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("첫 쪽 문단", 1), ("둘째 쪽으로 넘어가는 문단", 2), ("둘째 쪽 끝", 2), ("셋째 쪽 문단", 3),
        ("셋째 쪽 표", 3),
    ]
    assert doc.pages == 3 and doc.meta["page_source"] == "rendered_page_breaks"
    assert doc.blocks[0].location_label() == "1쪽"


def test_extract_routes_docx_by_content(built, tmp_path):
    renamed = tmp_path / "rfp.bin"
    renamed.write_bytes(built.read_bytes())
    doc = extract(renamed)
    assert doc.format == "docx" and "제안요청서 개요" in doc.text


def _rewrite(src: Path, dst: Path, replace: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    zout.writestr(info.filename, replace[info.filename])
            else:
                zout.writestr(info, zin.read(info))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def test_corrupt_docx_is_input_error(built, tmp_path):
    data = built.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError) as ei:
        extract_docx(cut)
    assert ei.value.code == "corrupt"
    bad_xml = _rewrite(built, tmp_path / "badxml.docx", {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(InputError) as ei:
        extract_docx(bad_xml)
    assert ei.value.code == "corrupt" and ei.value.reason
    no_types = _rewrite(built, tmp_path / "notypes.docx", {"[Content_Types].xml": None})
    with pytest.raises(InputError) as ei:
        extract(no_types)
    assert ei.value.code == "corrupt"


def test_docx_with_dtd_is_refused(built, tmp_path):
    with zipfile.ZipFile(built) as z:
        xml = z.read("word/document.xml")
    head, rest = xml.split(b"?>", 1)
    evil = head + b'?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' + rest
    path = _rewrite(built, tmp_path / "dtd.docx", {"word/document.xml": evil})
    with pytest.raises(InputError) as ei:
        extract_docx(path)
    assert ei.value.code == "corrupt" and "DTD" in ei.value.reason


def test_docx_zip_bomb_is_refused(built, tmp_path):
    path = _rewrite(built, tmp_path / "bomb.docx", {})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z, z.open("word/media/image9.png", "w") as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(300):
            f.write(chunk)
    with pytest.raises(InputError) as ei:
        extract(path)
    assert ei.value.code == "zip_bomb"
