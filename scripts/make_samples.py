#!/usr/bin/env python3
"""Build the synthetic sample RFPs in ``samples/`` and their expected findings.

Every sample is invented text (agencies, projects and people do not exist). One document model
renders to DOCX (python-docx), PDF (LibreOffice converts the DOCX), HWPX (OWPML 2011 written
directly as XML in a zip) and plain text. Evidence for the expected findings is marked inline
in the content as ``[[TAG|text]]``: the marker is removed from the rendered text and ``text`` is
recorded as a quote for ``TAG`` (a rule ID, ``budget``/``duration`` for facts, ``?RULE`` for a
context quote that a note mentions but that is not evidence). So every quote in an
``.expected.json`` is by construction a substring of the rendered document, and ``--check``
re-reads every output file to prove it.

Usage::

    python scripts/make_samples.py            # build everything into samples/ and check it
    python scripts/make_samples.py --no-pdf   # skip the LibreOffice step
    python scripts/make_samples.py --check    # only re-check the files already in samples/
"""
from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional
from xml.sax.saxutils import escape as _xml_escape

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

RULE_IDS = [
    "SW01", "SW02", "SW03", "SW04", "SW05", "SW06", "SW07", "SW08", "SW09", "SW10", "SW11",
    "SW12", "SW13", "SW14", "SW15", "SW16", "SW17", "SW18", "SEC01", "SEC02", "SEC03",
    "DATA01", "DATA02", "DATA03", "PRIV01", "PROC01",
]
STATUSES = ("violation", "missing", "review", "pass", "not_applicable")
FIXED_TIME = (2025, 3, 3, 9, 0, 0)
SILENT_PASS = {"SW09", "SW14", "SW16"}

# --------------------------------------------------------------------------------------------
# Document model
# --------------------------------------------------------------------------------------------

_MARK = re.compile(r"\[\[([^|\]]+)\|(.+?)\]\]")


@dataclass
class Quotes:
    """Quotes collected from ``[[TAG|text]]`` markers, per tag, in document order."""

    by_tag: dict[str, list[str]] = field(default_factory=dict)

    def add(self, tag: str, text: str) -> None:
        lst = self.by_tag.setdefault(tag, [])
        if text not in lst:
            lst.append(text)


def strip_marks(s: str, quotes: Optional[Quotes] = None) -> str:
    def rep(m: re.Match) -> str:
        text = m.group(2)
        if quotes is not None:
            for tag in m.group(1).split(","):
                quotes.add(tag.strip(), text)
        return text

    out = _MARK.sub(rep, s)
    if "[[" in out or "]]" in out:
        raise ValueError(f"unbalanced evidence marker in: {s[:80]}")
    return out


@dataclass
class Node:
    kind: str  # cover | toc | h | p | bullet | table | pagebreak | req
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # cm
    header: bool = True
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    indent: int = 0
    align: str = "left"
    size: Optional[float] = None
    bold: bool = False
    lines: list[str] = field(default_factory=list)


def H(level: int, text: str) -> Node:
    return Node("h", text=text, level=level)


def P(text: str, indent: int = 0, align: str = "left", size: Optional[float] = None, bold: bool = False) -> Node:
    return Node("p", text=text, indent=indent, align=align, size=size, bold=bold)


def B(text: str, indent: int = 1) -> Node:
    """A bulleted line; the bullet glyph is part of the text as in real RFPs."""
    return Node("bullet", text=text, indent=indent)


def T(rows: list[list[str]], widths: list[float], header: bool = True,
      merges: Optional[list[tuple[int, int, int, int]]] = None) -> Node:
    return Node("table", rows=rows, widths=widths, header=header, merges=merges or [])


def REQ(rid: str, name: str, kind: str, definition: str, details: list[str], outputs: str) -> Node:
    """A requirement sheet as real RFPs print it: a two-column form table."""
    rows = [
        ["요구사항 번호", rid],
        ["요구사항 명칭", name],
        ["요구사항 분류", kind],
        ["정의", definition],
        ["세부 내용", "\n".join(details)],
        ["산출정보", outputs],
    ]
    return Node("table", rows=rows, widths=[3.2, 13.3], header=False)


def PB() -> Node:
    return Node("pagebreak")


def COVER(lines: list[tuple[str, float, bool]]) -> Node:
    """Cover lines: (text, point size, bold)."""
    return Node("cover", rows=[[t, str(sz), "1" if b else ""] for t, sz, b in lines])


def TOC() -> Node:
    return Node("toc")


@dataclass
class Sample:
    name: str
    title: str
    issuer: str
    nodes: list[Node]
    facts: dict
    labels: dict  # rule -> (status, note)
    formats: tuple[str, ...]
    quotes: Quotes = field(default_factory=Quotes)

    def plain_nodes(self) -> list[Node]:
        """Nodes with markers removed (quotes collected once)."""
        self.quotes = Quotes()
        out = []
        for n in self.nodes:
            m = Node(**{**n.__dict__})
            m.text = strip_marks(n.text, self.quotes)
            m.rows = [[strip_marks(c, self.quotes) for c in row] for row in n.rows]
            out.append(m)
        return out

    def headings(self, nodes: list[Node], max_level: int = 1) -> list[Node]:
        return [n for n in nodes if n.kind == "h" and n.level <= max_level]


# --------------------------------------------------------------------------------------------
# Expected findings
# --------------------------------------------------------------------------------------------


def expected_json(sample: Sample) -> dict:
    q = sample.quotes.by_tag
    facts = dict(sample.facts)
    if "budget" in q:
        facts["budget_evidence"] = q["budget"][0]
    if "duration" in q:
        facts["duration_evidence"] = q["duration"][0]
    rules = {}
    for rid in RULE_IDS:
        status, note = sample.labels[rid]
        assert status in STATUSES, (sample.name, rid, status)
        ev = list(q.get(rid, []))
        if status == "missing" and ev:
            raise ValueError(f"{sample.name} {rid}: missing but has evidence {ev}")
        # rules whose 적합 is the absence of a forbidden clause may pass on silence
        if (status == "violation" or (status == "pass" and rid not in SILENT_PASS)) and not ev:
            raise ValueError(f"{sample.name} {rid}: {status} needs evidence")
        rules[rid] = {"status": status, "evidence": ev, "note": note}
    unknown = set(k for k in q if not k.startswith("?")) - set(RULE_IDS) - {"budget", "duration"}
    if unknown:
        raise ValueError(f"{sample.name}: unknown evidence tags {sorted(unknown)}")
    return {"id": sample.name, "facts": facts, "rules": rules}




# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------

FONT = "맑은 고딕"


def _set_run_font(run, size: Optional[float] = None, bold: Optional[bool] = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def _style_font(style, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _shade(cell, fill: str = "D9D9D9") -> None:
    from docx.oxml.ns import qn

    tcpr = cell._element.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tcpr.append(shd)


def _page_field(paragraph) -> None:
    """Append a PAGE field to a paragraph ("- 3 -")."""
    from docx.oxml.ns import qn

    def add_run(text=None, fld=None, instr=None):
        r = paragraph.add_run()
        _set_run_font(r, 9)
        if fld:
            el = r._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): fld})
            r._element.append(el)
        if instr:
            el = r._element.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = instr
            r._element.append(el)
        if text is not None:
            r.text = text
        return r

    add_run(text="- ")
    add_run(fld="begin")
    add_run(instr=" PAGE ")
    add_run(fld="separate")
    add_run(text="1")
    add_run(fld="end")
    add_run(text=" -")


def render_docx(sample: Sample, nodes: list[Node], path: Path, toc_pages: dict[str, int]) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(1.8)
    sec.different_first_page_header_footer = True
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(fp)

    _style_font(d.styles["Normal"], 10.5)
    d.styles["Normal"].paragraph_format.space_after = Pt(3)
    d.styles["Normal"].paragraph_format.line_spacing = 1.15
    for lvl, size in ((1, 16), (2, 13), (3, 11.5)):
        st = d.styles[f"Heading {lvl}"]
        _style_font(st, size, bold=True)
        st.paragraph_format.space_before = Pt(12 if lvl == 1 else 8)
        st.paragraph_format.space_after = Pt(6 if lvl == 1 else 4)
        st.paragraph_format.keep_with_next = True

    cp = d.core_properties
    cp.title = sample.title
    cp.author = sample.issuer
    cp.last_modified_by = sample.issuer
    cp.created = cp.modified = _dt.datetime(*FIXED_TIME)
    cp.revision = 1
    cp.comments = ""

    def para(text: str, indent: int = 0, align: str = "left", size: Optional[float] = None,
             bold: bool = False, style: Optional[str] = None):
        p = d.add_paragraph(style=style)
        if indent:
            p.paragraph_format.left_indent = Cm(0.6 * indent)
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = p.add_run(text)
        _set_run_font(r, size, bold if bold else None)
        return p

    first_h1 = True
    for n in nodes:
        if n.kind == "cover":
            for _ in range(6):
                para("")
            for text, size, bold in n.rows:
                p = para(text, align="center", size=float(size), bold=bool(bold))
                p.paragraph_format.space_after = Pt(18)
            p.add_run().add_break(WD_BREAK.PAGE)
        elif n.kind == "toc":
            p = para("목  차", align="center", size=16, bold=True)
            p.paragraph_format.space_after = Pt(18)
            for h in sample.headings(nodes, 1):
                pg = toc_pages.get(h.text, 0)
                p = d.add_paragraph()
                p.paragraph_format.space_after = Pt(1)
                p.paragraph_format.space_before = Pt(5 if h.level == 0 else 0)
                p.paragraph_format.line_spacing = 1.05
                p.paragraph_format.left_indent = Cm(0.0 if h.level == 0 else 0.8)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
                r = p.add_run(f"{h.text}\t{pg}")
                _set_run_font(r, 11 if h.level == 0 else 10.5, h.level == 0)
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif n.kind == "pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif n.kind == "h":
            h = d.add_heading(level=min(n.level + 1, 3))
            if n.level == 0 and not first_h1:
                h.paragraph_format.page_break_before = True  # each chapter opens a page
            if n.level == 0:
                first_h1 = False
            r = h.add_run(n.text)
            _set_run_font(r)
        elif n.kind == "p":
            para(n.text, n.indent, n.align, n.size, n.bold)
        elif n.kind == "bullet":
            p = para(n.text, n.indent)
            p.paragraph_format.first_line_indent = Cm(-0.4)
            p.paragraph_format.left_indent = Cm(0.6 * n.indent + 0.4)
        elif n.kind == "table":
            ncols = len(n.widths)
            t = d.add_table(rows=len(n.rows), cols=ncols)
            t.style = d.styles["Table Grid"]
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
            for ci, wcm in enumerate(n.widths):
                t.columns[ci].width = Cm(wcm)  # the grid LibreOffice lays out by
            covered = set()
            for (r0, c0, r1, c1) in n.merges:
                for rr in range(r0, r1 + 1):
                    for cc in range(c0, c1 + 1):
                        if (rr, cc) != (r0, c0):
                            covered.add((rr, cc))
            for ri, row in enumerate(n.rows):
                for ci in range(ncols):
                    cell = t.cell(ri, ci)
                    cell.width = Cm(n.widths[ci])
                    if (ri, ci) in covered:
                        continue
                    text = row[ci] if ci < len(row) else ""
                    lines = text.split("\n")
                    cell.paragraphs[0].text = ""
                    for li, line in enumerate(lines):
                        cp_ = cell.paragraphs[0] if li == 0 else cell.add_paragraph()
                        cp_.paragraph_format.space_after = Pt(1)
                        r = cp_.add_run(line)
                        is_head = (n.header and ri == 0) or (not n.header and ci == 0 and ncols == 2)
                        _set_run_font(r, 9.5, True if is_head else None)
                        if n.header and ri == 0:
                            cp_.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    if (n.header and ri == 0) or (not n.header and ci == 0 and ncols == 2):
                        _shade(cell, "E7E6E6" if not n.header else "D9D9D9")
            for (r0, c0, r1, c1) in n.merges:
                keep = t.cell(r0, c0).text
                m = t.cell(r0, c0).merge(t.cell(r1, c1))
                # merge() concatenates paragraphs of the merged cells; keep the first cell only
                for extra in m.paragraphs[1:]:
                    if not extra.text.strip():
                        extra._element.getparent().remove(extra._element)
                assert m.text.replace("\n", "") == keep.replace("\n", ""), (m.text, keep)
            d.add_paragraph().paragraph_format.space_after = Pt(2)
        else:
            raise ValueError(n.kind)

    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that builds are byte-reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# PDF (LibreOffice) and the table of contents' page numbers
# --------------------------------------------------------------------------------------------


def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="mksamples_lo_") as prof:
        cmd = [soffice, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if res.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"soffice failed: {res.stdout}\n{res.stderr}")
    return pdf


def pdf_pages_text(pdf_path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close()
            page.close()
        return out
    finally:
        pdf.close()


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def heading_pages(sample: Sample, nodes: list[Node], pages: list[str]) -> dict[str, int]:
    """Physical page on which each TOC heading is printed (searching after the TOC pages)."""
    cpages = [_compact(p) for p in pages]
    heads = sample.headings(nodes, 1)
    # the TOC lists every heading: skip the pages that hold it
    toc_end = 0
    for i, cp in enumerate(cpages):
        if ".........." in cp or "··········" in cp:
            toc_end = i
    result, cur = {}, toc_end + 1
    for h in heads:
        key = _compact(h.text)
        for i in range(cur, len(cpages)):
            if key in cpages[i]:
                result[h.text] = i + 1
                cur = i
                break
        else:
            raise RuntimeError(f"heading not found in PDF: {h.text}")
    return result


def build_docx_pdf(sample: Sample, out_dir: Path, make_pdf: bool) -> None:
    nodes = sample.plain_nodes()
    docx_path = out_dir / f"{sample.name}.docx"
    if not make_pdf:
        render_docx(sample, nodes, docx_path, {})
        return
    with tempfile.TemporaryDirectory(prefix="mksamples_") as tmp:
        tmpd = Path(tmp)
        toc: dict[str, int] = {h.text: 0 for h in sample.headings(nodes, 1)}
        for _ in range(4):  # the numbers settle after one or two passes
            render_docx(sample, nodes, docx_path, toc)
            pdf = docx_to_pdf(docx_path, tmpd)
            new = heading_pages(sample, nodes, pdf_pages_text(pdf))
            if new == toc:
                break
            toc = new
        else:
            raise RuntimeError("TOC page numbers did not settle")
        shutil.copyfile(pdf, out_dir / f"{sample.name}.pdf")


# --------------------------------------------------------------------------------------------
# HWPX (OWPML 2011)
# --------------------------------------------------------------------------------------------

NS_DECL = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:opf="http://www.idpf.org/2007/opf/"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
LANGS = ("HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER")
LANG_ATTRS = ("hangul", "latin", "hanja", "japanese", "other", "symbol", "user")

# charPr ids
CH_BODY, CH_BOLD, CH_H1, CH_H2, CH_H3, CH_TITLE, CH_CELL, CH_CELL_BOLD, CH_SUB = range(9)
# paraPr ids
PP_BODY, PP_CENTER, PP_OUT1, PP_OUT2, PP_OUT3, PP_INDENT1, PP_INDENT2, PP_CELL, PP_CELL_CENTER, PP_RIGHT = range(10)
# style ids
ST_NORMAL, ST_BODY, ST_OUT1, ST_OUT2, ST_OUT3 = range(5)
TEXT_WIDTH = 48190  # A4 width 59528 minus 2 x 5669 margins (HWPUNIT)
CM = 2834.6  # HWPUNIT per cm (7200 per inch)


def _x(s: str) -> str:
    return _xml_escape(s, {'"': "&quot;"})


def _char_pr(cid: int, height: int, bold: bool) -> str:
    attrs = lambda v: " ".join(f'{a}="{v}"' for a in LANG_ATTRS)  # noqa: E731
    return (
        f'<hh:charPr id="{cid}" height="{height}" textColor="#000000" shadeColor="none" useFontSpace="0" '
        f'useKerning="0" symMark="NONE" borderFillIDRef="1">'
        f'<hh:fontRef {attrs(1 if bold else 0)}/><hh:ratio {attrs(100)}/><hh:spacing {attrs(0)}/>'
        f'<hh:relSz {attrs(100)}/><hh:offset {attrs(0)}/>'
        + ("<hh:bold/>" if bold else "")
        + '<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/>'
        '<hh:outline type="NONE"/><hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/></hh:charPr>'
    )


def _para_pr(pid: int, align: str, heading: str = "NONE", level: int = 0, left: int = 0,
             prev: int = 0, nxt: int = 0, line: int = 160, keep_next: int = 0) -> str:
    id_ref = 1 if heading == "OUTLINE" else 0
    return (
        f'<hh:paraPr id="{pid}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" '
        f'suppressLineNumbers="0" checked="0"><hh:align horizontal="{align}" vertical="BASELINE"/>'
        f'<hh:heading type="{heading}" idRef="{id_ref}" level="{level}"/>'
        f'<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" widowOrphan="0" '
        f'keepWithNext="{keep_next}" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>'
        f'<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>'
        f'<hh:margin><hc:intent value="0" unit="HWPUNIT"/><hc:left value="{left}" unit="HWPUNIT"/>'
        f'<hc:right value="0" unit="HWPUNIT"/><hc:prev value="{prev}" unit="HWPUNIT"/>'
        f'<hc:next value="{nxt}" unit="HWPUNIT"/></hh:margin>'
        f'<hh:lineSpacing type="PERCENT" value="{line}" unit="HWPUNIT"/>'
        f'<hh:border borderFillIDRef="1" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="0" '
        f'connect="0" ignoreMargin="0"/></hh:paraPr>'
    )


def _border_fill(bid: int, solid: bool, fill: Optional[str] = None) -> str:
    t = "SOLID" if solid else "NONE"
    s = (
        f'<hh:borderFill id="{bid}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">'
        '<hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>'
        + "".join(f'<hh:{side}Border type="{t}" width="0.12 mm" color="#000000"/>'
                  for side in ("left", "right", "top", "bottom"))
        + '<hh:diagonal type="NONE" width="0.1 mm" color="#000000"/>'
    )
    if fill:
        s += f'<hc:fillBrush><hc:winBrush faceColor="{fill}" hatchColor="#000000" alpha="0"/></hc:fillBrush>'
    return s + "</hh:borderFill>"


def hwpx_header() -> str:
    fonts = "".join(
        f'<hh:fontface lang="{lang}" fontCnt="2">'
        '<hh:font id="0" face="함초롬바탕" type="TTF" isEmbedded="0"/>'
        '<hh:font id="1" face="함초롬돋움" type="TTF" isEmbedded="0"/></hh:fontface>'
        for lang in LANGS
    )
    borders = _border_fill(1, False) + _border_fill(2, True) + _border_fill(3, True, "#E5E5E5")
    chars = "".join([
        _char_pr(CH_BODY, 1000, False), _char_pr(CH_BOLD, 1000, True), _char_pr(CH_H1, 1600, True),
        _char_pr(CH_H2, 1300, True), _char_pr(CH_H3, 1100, True), _char_pr(CH_TITLE, 2400, True),
        _char_pr(CH_CELL, 950, False), _char_pr(CH_CELL_BOLD, 950, True), _char_pr(CH_SUB, 1400, True),
    ])
    paras = "".join([
        _para_pr(PP_BODY, "JUSTIFY"),
        _para_pr(PP_CENTER, "CENTER"),
        _para_pr(PP_OUT1, "LEFT", "OUTLINE", 0, prev=1200, nxt=600, keep_next=1),
        _para_pr(PP_OUT2, "LEFT", "OUTLINE", 1, prev=800, nxt=400, keep_next=1),
        _para_pr(PP_OUT3, "LEFT", "OUTLINE", 2, left=600, prev=400, nxt=200, keep_next=1),
        _para_pr(PP_INDENT1, "JUSTIFY", left=1400),
        _para_pr(PP_INDENT2, "JUSTIFY", left=2800),
        _para_pr(PP_CELL, "LEFT", line=130),
        _para_pr(PP_CELL_CENTER, "CENTER", line=130),
        _para_pr(PP_RIGHT, "RIGHT"),
    ])
    # outline numbering with empty heads: the numbers are written in the text itself
    heads = "".join(
        f'<hh:paraHead start="1" level="{lv}" align="LEFT" useInstWidth="1" autoIndent="1" widthAdjust="0" '
        f'textOffsetType="PERCENT" textOffset="50" numFormat="DIGIT" charPrIDRef="4294967295" checkable="0"/>'
        for lv in range(1, 8)
    )
    styles = (
        f'<hh:style id="{ST_NORMAL}" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="{PP_BODY}" '
        f'charPrIDRef="{CH_BODY}" nextStyleIDRef="{ST_NORMAL}" langID="1042" lockForm="0"/>'
        f'<hh:style id="{ST_BODY}" type="PARA" name="본문" engName="Body" paraPrIDRef="{PP_INDENT1}" '
        f'charPrIDRef="{CH_BODY}" nextStyleIDRef="{ST_BODY}" langID="1042" lockForm="0"/>'
        f'<hh:style id="{ST_OUT1}" type="PARA" name="개요 1" engName="Outline 1" paraPrIDRef="{PP_OUT1}" '
        f'charPrIDRef="{CH_H1}" nextStyleIDRef="{ST_NORMAL}" langID="1042" lockForm="0"/>'
        f'<hh:style id="{ST_OUT2}" type="PARA" name="개요 2" engName="Outline 2" paraPrIDRef="{PP_OUT2}" '
        f'charPrIDRef="{CH_H2}" nextStyleIDRef="{ST_NORMAL}" langID="1042" lockForm="0"/>'
        f'<hh:style id="{ST_OUT3}" type="PARA" name="개요 3" engName="Outline 3" paraPrIDRef="{PP_OUT3}" '
        f'charPrIDRef="{CH_H3}" nextStyleIDRef="{ST_NORMAL}" langID="1042" lockForm="0"/>'
    )
    return (
        XML_HEAD + f'<hh:head {NS_DECL} version="1.4" secCnt="1">'
        '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>'
        f'<hh:refList><hh:fontfaces itemCnt="7">{fonts}</hh:fontfaces>'
        f'<hh:borderFills itemCnt="3">{borders}</hh:borderFills>'
        f'<hh:charProperties itemCnt="9">{chars}</hh:charProperties>'
        '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>'
        f'<hh:numberings itemCnt="1"><hh:numbering id="1" start="0">{heads}</hh:numbering></hh:numberings>'
        f'<hh:paraProperties itemCnt="10">{paras}</hh:paraProperties>'
        f'<hh:styles itemCnt="5">{styles}</hh:styles></hh:refList>'
        '<hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>'
        '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption>'
        '</hh:head>'
    )


SEC_PR = (
    '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" '
    'tabStopUnit="HWPUNIT" outlineShapeIDRef="1" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">'
    '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/>'
    '<hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>'
    '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" '
    'fill="SHOW_ALL" hideFirstPageNum="1" hideFirstEmptyLine="0" showLineNumber="0"/>'
    '<hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/>'
    '<hp:pagePr landscape="WIDELY" width="59528" height="84188" gutterType="LEFT_ONLY">'
    '<hp:margin header="2834" footer="2834" gutter="0" left="5669" right="5669" top="4251" bottom="4251"/>'
    '</hp:pagePr>'
    '<hp:footNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/>'
    '<hp:noteLine length="-1" type="SOLID" width="0.12 mm" color="#000000"/>'
    '<hp:noteSpacing betweenNotes="283" belowLine="567" aboveLine="850"/>'
    '<hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="EACH_COLUMN" beneathText="0"/>'
    '</hp:footNotePr>'
    '<hp:endNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/>'
    '<hp:noteLine length="14692344" type="SOLID" width="0.12 mm" color="#000000"/>'
    '<hp:noteSpacing betweenNotes="0" belowLine="567" aboveLine="850"/>'
    '<hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="END_OF_DOCUMENT" beneathText="0"/>'
    '</hp:endNotePr>'
    '<hp:pageBorderFill type="BOTH" borderFillIDRef="1" textBorder="PAPER" headerInside="0" footerInside="0" '
    'fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill>'
    '</hp:secPr>'
    '<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>'
)


class _HwpxWriter:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.tbl_id = 1000
        self.first = True
        self.next_break = False

    def _p_open(self, para_pr: int, style: int) -> str:
        pb = "1" if self.next_break else "0"
        self.next_break = False
        return (f'<hp:p id="0" paraPrIDRef="{para_pr}" styleIDRef="{style}" pageBreak="{pb}" '
                f'columnBreak="0" merged="0">')

    def _runs(self, runs: list[tuple[str, int]]) -> str:
        out = []
        if self.first:
            out.append(f'<hp:run charPrIDRef="{CH_BODY}">{SEC_PR}'
                       '<hp:ctrl><hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"/></hp:ctrl>'
                       '</hp:run>')
            self.first = False
        for text, ch in runs:
            out.append(f'<hp:run charPrIDRef="{ch}"><hp:t>{_x(text)}</hp:t></hp:run>')
        return "".join(out)

    def para(self, runs: list[tuple[str, int]], para_pr: int = PP_BODY, style: int = ST_NORMAL) -> None:
        self.parts.append(self._p_open(para_pr, style) + self._runs(runs) + "</hp:p>")

    def table(self, n: Node) -> None:
        ncols = len(n.widths)
        total_cm = sum(n.widths)
        widths = [int(TEXT_WIDTH * w / total_cm) for w in n.widths]
        covered, spans = set(), {}
        for (r0, c0, r1, c1) in n.merges:
            spans[(r0, c0)] = (c1 - c0 + 1, r1 - r0 + 1)
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    if (rr, cc) != (r0, c0):
                        covered.add((rr, cc))
        rows_xml = []
        row_h = 1400
        for ri, row in enumerate(n.rows):
            cells = []
            for ci in range(ncols):
                if (ri, ci) in covered:
                    continue
                cspan, rspan = spans.get((ri, ci), (1, 1))
                text = row[ci] if ci < len(row) else ""
                head = (n.header and ri == 0) or (not n.header and ci == 0 and ncols == 2)
                ch = CH_CELL_BOLD if head else CH_CELL
                pp = PP_CELL_CENTER if (n.header and ri == 0) else PP_CELL
                paras = "".join(
                    f'<hp:p id="0" paraPrIDRef="{pp}" styleIDRef="{ST_NORMAL}" pageBreak="0" columnBreak="0" '
                    f'merged="0"><hp:run charPrIDRef="{ch}"><hp:t>{_x(line)}</hp:t></hp:run></hp:p>'
                    for line in text.split("\n")
                )
                w = sum(widths[ci:ci + cspan])
                cells.append(
                    f'<hp:tc name="" header="{1 if (n.header and ri == 0) else 0}" hasMargin="0" protect="0" '
                    f'editable="0" dirty="0" borderFillIDRef="{3 if head else 2}">'
                    f'<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="TOP" '
                    f'linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" '
                    f'hasNumRef="0">{paras}</hp:subList>'
                    f'<hp:cellAddr colAddr="{ci}" rowAddr="{ri}"/>'
                    f'<hp:cellSpan colSpan="{cspan}" rowSpan="{rspan}"/>'
                    f'<hp:cellSz width="{w}" height="{row_h * rspan}"/>'
                    f'<hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>'
                )
            rows_xml.append("<hp:tr>" + "".join(cells) + "</hp:tr>")
        self.tbl_id += 1
        tbl = (
            f'<hp:tbl id="{self.tbl_id}" zOrder="{self.tbl_id - 1000}" numberingType="TABLE" '
            f'textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" '
            f'repeatHeader="{1 if n.header else 0}" rowCnt="{len(n.rows)}" colCnt="{ncols}" cellSpacing="0" '
            f'borderFillIDRef="2" noAdjust="0">'
            f'<hp:sz width="{sum(widths)}" widthRelTo="ABSOLUTE" height="{row_h * len(n.rows)}" '
            f'heightRelTo="ABSOLUTE" protect="0"/>'
            '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" '
            'vertRelTo="PARA" horzRelTo="PARA" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>'
            '<hp:outMargin left="283" right="283" top="283" bottom="283"/>'
            '<hp:inMargin left="510" right="510" top="141" bottom="141"/>'
            + "".join(rows_xml) + "</hp:tbl>"
        )
        self.parts.append(self._p_open(PP_BODY, ST_NORMAL) + self._runs([])
                          + f'<hp:run charPrIDRef="{CH_BODY}">{tbl}<hp:t/></hp:run></hp:p>')


def _split_label(text: str) -> list[tuple[str, int]]:
    """Paragraphs that open with a bracketed label ("(하자담보) ...") get a bold first run."""
    m = re.match(r"^(\s*(?:[○◦\-※]\s*)?\([^)]{1,14}\)\s?)(.+)$", text)
    if m:
        return [(m.group(1), CH_BOLD), (m.group(2), CH_BODY)]
    return [(text, CH_BODY)]


def render_hwpx(sample: Sample, path: Path) -> str:
    """Write the HWPX; return the plain text in reading order (for the preview and checks)."""
    nodes = sample.plain_nodes()
    w = _HwpxWriter()
    plain: list[str] = []
    # page numbers for the TOC: estimated from text volume (HWPX has no stored layout)
    est, chars, page = {}, 0, 3
    for n in nodes:
        if n.kind == "h" and n.level == 0 and chars:
            page += 1 + chars // 1900
            chars = 0
        if n.kind == "h":
            est[n.text] = page + chars // 1900
        chars += len(n.text) + sum(len(c) + 12 for row in n.rows for c in row)
    for n in nodes:
        if n.kind == "cover":
            for _ in range(5):
                w.para([("", CH_BODY)], PP_CENTER)
            for text, size, bold in n.rows:
                ch = CH_TITLE if float(size) >= 20 else (CH_SUB if float(size) >= 13 else CH_BODY)
                w.para([(text, ch)], PP_CENTER)
                plain.append(text)
            w.next_break = True
        elif n.kind == "toc":
            w.para([("목  차", CH_H1)], PP_CENTER)
            plain.append("목  차")
            for h in sample.headings(nodes, 1):
                dots = "·" * max(4, 44 - len(h.text) * 2)
                line = f"{'' if h.level == 0 else '  '}{h.text} {dots} {est.get(h.text, 0)}"
                w.para([(line, CH_BOLD if h.level == 0 else CH_BODY)])
                plain.append(line)
            w.next_break = True
        elif n.kind == "pagebreak":
            w.next_break = True
        elif n.kind == "h":
            pp, st, ch = ((PP_OUT1, ST_OUT1, CH_H1), (PP_OUT2, ST_OUT2, CH_H2), (PP_OUT3, ST_OUT3, CH_H3))[min(n.level, 2)]
            if n.level == 0 and plain and not w.next_break:
                w.next_break = True
            w.para([(n.text, ch)], pp, st)
            plain.append(n.text)
        elif n.kind in ("p", "bullet"):
            pp = {0: PP_BODY, 1: PP_INDENT1}.get(n.indent, PP_INDENT2)
            if n.align == "center":
                pp = PP_CENTER
            elif n.align == "right":
                pp = PP_RIGHT
            runs = _split_label(n.text) if not n.bold else [(n.text, CH_BOLD)]
            w.para(runs, pp, ST_BODY if n.indent else ST_NORMAL)
            plain.append(n.text)
        elif n.kind == "table":
            w.table(n)
            for row in n.rows:
                plain.append(" | ".join(row))
        else:
            raise ValueError(n.kind)
    section = XML_HEAD + f"<hs:sec {NS_DECL}>" + "".join(w.parts) + "</hs:sec>"
    text = "\n".join(plain)
    write_hwpx_package(path, sample.title, sample.issuer, hwpx_header(), section, text)
    return text


def write_hwpx_package(path: Path, title: str, creator: str, header: str, section: str, preview: str) -> None:
    version = (XML_HEAD + '<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" '
               'tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1" os="1" '
               'xmlVersion="1.4" application="rfpcheck sample generator" appVersion="1.0"/>')
    stamp = "%04d-%02d-%02dT%02d:%02d:%02dZ" % FIXED_TIME
    content = (
        XML_HEAD + f'<opf:package {NS_DECL} version="" unique-identifier="" id="">'
        f'<opf:metadata><opf:title>{_x(title)}</opf:title><opf:language>ko</opf:language>'
        f'<opf:meta name="creator" content="text">{_x(creator)}</opf:meta>'
        f'<opf:meta name="CreatedDate" content="text">{stamp}</opf:meta>'
        f'<opf:meta name="ModifiedDate" content="text">{stamp}</opf:meta></opf:metadata>'
        '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '<opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest>'
        '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/>'
        '</opf:spine></opf:package>'
    )
    container = (
        XML_HEAD + '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles>'
        '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
        '<ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/>'
        '</ocf:rootfiles></ocf:container>'
    )
    manifest = XML_HEAD + '<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
    settings = (XML_HEAD + '<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
                'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0">'
                '<ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>')
    prv = preview[:1024].replace("\n", "\r\n")
    entries = [
        ("mimetype", b"application/hwp+zip", zipfile.ZIP_STORED),
        ("version.xml", version.encode(), zipfile.ZIP_STORED),
        ("Contents/header.xml", header.encode(), zipfile.ZIP_DEFLATED),
        ("Contents/section0.xml", section.encode(), zipfile.ZIP_DEFLATED),
        ("Preview/PrvText.txt", prv.encode(), zipfile.ZIP_DEFLATED),
        ("settings.xml", settings.encode(), zipfile.ZIP_DEFLATED),
        ("META-INF/container.xml", container.encode(), zipfile.ZIP_DEFLATED),
        ("META-INF/manifest.xml", manifest.encode(), zipfile.ZIP_DEFLATED),
        ("Contents/content.hpf", content.encode(), zipfile.ZIP_DEFLATED),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method in entries:
            zi = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            zi.compress_type = method
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    path.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------


def render_txt(sample: Sample, path: Path) -> str:
    nodes = sample.plain_nodes()
    lines: list[str] = []
    for n in nodes:
        if n.kind == "cover":
            for text, _sz, _b in n.rows:
                lines.append(text)
            lines.append("")
        elif n.kind == "h":
            if lines and lines[-1] != "":
                lines.append("")
            lines.append(n.text)
        elif n.kind in ("p", "bullet"):
            lines.append(("  " * n.indent) + n.text)
        elif n.kind == "table":
            for row in n.rows:
                lines.append("  " + " | ".join(c.replace("\n", " / ") for c in row))
            lines.append("")
        elif n.kind in ("pagebreak", "toc"):
            continue
    text = "\n".join(lines).rstrip() + "\n"
    path.write_text(text, encoding="utf-8")
    return text


# --------------------------------------------------------------------------------------------
# Sample 1: 가람시 통합 교통민원 플랫폼 구축 (violations mixed with compliant clauses)
# --------------------------------------------------------------------------------------------


def sample_violations() -> Sample:
    nodes: list[Node] = [
        COVER([
            ("가람시 통합 교통민원 플랫폼 구축 사업", 22, True),
            ("제 안 요 청 서", 26, True),
            ("2025. 3.", 14, False),
            ("가람시 스마트교통과", 14, True),
        ]),
        TOC(),
        # ---------------------------------------------------------------- Ⅰ
        H(0, "Ⅰ. 사업 개요"),
        H(1, "1. 사업 개요"),
        T([
            ["구 분", "내 용"],
            ["사 업 명", "가람시 통합 교통민원 플랫폼 구축 사업"],
            ["사업기간", "[[duration|계약일로부터 10개월]]"],
            ["사업예산", "[[budget|금 2,350,000,000원(부가가치세 포함)]]"],
            ["계약방법", "제한경쟁입찰, 협상에 의한 계약"],
            ["대가산정", "소프트웨어 개발비는 「SW사업 대가산정 가이드」의 기능점수(FP) 방식으로 산정"],
            ["발주기관", "가람시 스마트교통과"],
        ], [3.5, 13.0]),
        H(1, "2. 추진 배경 및 필요성"),
        B("○ 가람시는 주정차 위반 의견진술, 교통유발부담금 이의신청, 버스·택시 불편 신고 등 교통 분야 "
          "민원을 부서별로 나뉜 5개 시스템에서 접수·처리하고 있어, 시민은 민원 유형마다 다른 창구를 "
          "찾아야 하고 처리 상황을 한곳에서 확인할 수 없음"),
        B("○ 최근 3년간 교통 분야 민원 접수 건수는 연평균 14% 늘었으나, 접수 경로가 흩어져 있어 같은 "
          "내용의 중복 민원과 부서 간 이관 지연이 되풀이되고 있음"),
        B("○ 2014년에 구축한 기존 시스템은 기반SW의 기술지원이 종료되어 유지비 부담이 커졌고, "
          "모바일 환경 대응이 미흡하여 단일 플랫폼으로의 통합이 시급함"),
        B("○ 흩어진 민원 데이터를 한데 모아 분석함으로써 주차·대중교통 정책 수립의 근거를 마련할 필요가 있음"),
        H(1, "3. 사업 범위"),
        T([
            ["구 분", "주요 내용"],
            ["통합 민원 접수", "웹·모바일 통합 접수창구, 민원 유형 자동 분류, 본인확인 연계"],
            ["민원 처리·이관", "부서별 처리함, 이관·협조 요청, 처리기한 관리, 처리결과 통지"],
            ["단속·과태료 연계", "주정차 단속시스템 및 과태료 시스템과의 실시간 연계"],
            ["통계·분석", "민원 현황 대시보드, 정책 지표 산출, 개방데이터 제공"],
            ["데이터 전환", "기존 5개 시스템의 민원 이력 약 420만 건과 첨부파일 전환"],
            ["보안·품질", "시큐어코딩, 보안약점 진단, 개인정보 영향평가 지원, 품질보증 활동"],
            ["교육·지원", "사용자·관리자 교육, 기술이전, 안정화 지원, 하자보수"],
        ], [4.0, 12.5]),
        H(1, "4. 사업 예산"),
        T([
            ["구 분", "금액(원)", "비 고"],
            ["소프트웨어 개발비", "1,985,000,000", "기능점수(FP) 방식 산정"],
            ["데이터 전환비", "170,000,000", "기존 민원 이력 정제·전환"],
            ["직접경비", "195,000,000", "원격지 작업장소 운영, 보안약점 진단, 성능 시험"],
            ["합 계", "2,350,000,000", "부가가치세 포함"],
        ], [5.0, 4.5, 7.0]),
        P("※ 분리발주 대상 상용SW의 구매 비용은 위 사업예산에 포함되지 않으며 발주기관이 별도로 집행함", indent=1),
        H(1, "5. 상용SW 직접구매(분리발주) 계획"),
        B("○ [[SW02|본 사업에 필요한 상용SW는 「소프트웨어 진흥법」 제54조에 따라 분리발주하여 발주기관이 직접 구매함]]"),
        T([
            ["품 목", "수량", "추정금액(원)", "구매 방법"],
            ["통합검색 엔진", "1식", "90,000,000", "경쟁입찰(성능평가 실시)"],
            ["보고서 작성·출력 도구", "1식", "65,000,000", "디지털서비스몰 구매"],
            ["전자서명 검증 모듈", "1식", "30,000,000", "종합쇼핑몰 구매"],
        ], [5.5, 2.0, 3.5, 5.5]),
        B("○ [[SW02|직접구매 대상 상용SW 구매계획서(별지 제2호 서식)는 붙임 2와 같음]]"),
        B("○ [[SW02|경쟁입찰로 구매하는 품목은 성능평가(BMT)를 실시하고 그 결과를 제품 선정에 반영함]]"),
        B("○ 계약상대자는 분리발주된 상용SW의 설치·연계·최적화를 수행하고, 해당 제품 공급자와 협력하여 "
          "플랫폼과의 통합 시험을 완료하여야 함"),
        H(1, "6. 추진 일정"),
        T([
            ["단 계", "기 간", "주요 활동"],
            ["착수·분석", "1~2개월", "사업수행계획 수립, 현행 업무·시스템 분석, 요구사항 확정"],
            ["설 계", "2~4개월", "아키텍처·화면·DB 설계, 개인정보 영향평가 수행 지원"],
            ["구 현", "4~8개월", "기능·연계 개발, 데이터 전환 프로그램 개발, 단위시험"],
            ["시험·전환", "8~9개월", "통합·성능 시험, 데이터 전환, 보안약점 진단 및 조치"],
            ["이행·안정화", "9~10개월", "시범운영, 사용자 교육, 검수"],
        ], [3.5, 3.0, 10.0]),
        B("○ [[SW15|본 사업의 기간은 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제10조의 적정 사업기간 "
          "산정 기준에 따라 산정하였으며, 적정 사업기간 종합산정서(별지 제4호 서식)를 붙임 3으로 첨부함]]"),
        H(1, "7. 기대 효과"),
        B("○ (시민) 교통 민원을 한 번에 접수하고 처리 상황을 실시간으로 확인하여 민원 편의 향상"),
        B("○ (행정) 자동 분류와 이관 관리로 평균 처리기간을 현재 9.4일에서 6일 이내로 단축"),
        B("○ (정책) 통합 민원 데이터에 기반한 주차 수요·대중교통 불편 지점 분석으로 정책 효과성 제고"),
        B("○ (운영) 5개 시스템을 하나로 통합하여 연간 유지관리 비용 절감"),
        # ---------------------------------------------------------------- Ⅱ
        H(0, "Ⅱ. 현황"),
        H(1, "1. 업무 현황"),
        T([
            ["민원 유형", "연간 접수(건)", "담당 부서", "접수 경로"],
            ["주정차 위반 의견진술", "186,000", "교통지도과", "전용 홈페이지, 방문"],
            ["교통유발부담금 이의신청", "4,300", "교통정책과", "우편, 방문"],
            ["버스 불편 신고", "21,500", "대중교통과", "콜센터, 홈페이지"],
            ["택시 불편 신고", "9,800", "대중교통과", "콜센터"],
            ["교통시설물 정비 요청", "33,000", "도로시설과", "홈페이지, 모바일 앱"],
        ], [5.0, 3.0, 3.5, 5.0]),
        H(1, "2. 현행 시스템 현황"),
        T([
            ["구 분", "현 황"],
            ["서버", "가상서버 8식(시 통합데이터센터), 2014년 구축, 2019년 일부 증설"],
            ["운영체제", "Linux 계열(기술지원 종료 예정)"],
            ["DBMS", "Oracle 11g (기술지원 종료)"],
            ["WAS / 웹서버", "JEUS 7 / WebtoB 4.1"],
            ["개발 프레임워크", "전자정부 표준프레임워크 2.6"],
            ["민원 데이터", "누적 약 420만 건, 첨부파일 약 3.1TB"],
        ], [4.0, 12.5]),
        P("※ 현행 교통민원시스템의 기반SW 구성은 [[?SW09|DBMS: Oracle 11g, WAS: JEUS 7]], 웹서버: WebtoB 4.1이며, "
          "5개 시스템이 각각 별도의 회원·코드 체계를 사용하고 있음", indent=1),
        H(1, "3. 문제점 및 개선 방향"),
        T([
            ["문제점", "개선 방향"],
            ["민원 유형별 접수 창구 분산", "웹·모바일 단일 접수창구 제공"],
            ["부서 간 이관 지연, 처리기한 관리 미흡", "이관 이력과 처리기한의 자동 관리"],
            ["민원 데이터 분산으로 통계 산출 곤란", "통합 데이터베이스와 분석 대시보드 구축"],
            ["노후 기반SW의 기술지원 종료", "지원 가능한 기반SW로 전환하고 이중화 구성"],
            ["시스템별 상이한 코드 체계", "행정표준코드 중심으로 코드 표준화"],
        ], [8.0, 8.5]),
        # ---------------------------------------------------------------- Ⅲ
        H(0, "Ⅲ. 제안요청 내용"),
        H(1, "1. 요구사항 총괄"),
        T([
            ["구 분", "요구사항 수", "고유번호"],
            ["시스템 장비 구성 요구사항", "1", "ECR-001"],
            ["기능 요구사항", "8", "SFR-001 ~ SFR-008"],
            ["성능 요구사항", "2", "PER-001 ~ PER-002"],
            ["인터페이스 요구사항", "2", "SIR-001 ~ SIR-002"],
            ["데이터 요구사항", "4", "DAR-001 ~ DAR-004"],
            ["테스트 요구사항", "2", "TER-001 ~ TER-002"],
            ["보안 요구사항", "4", "SER-001 ~ SER-004"],
            ["품질 요구사항", "2", "QUR-001 ~ QUR-002"],
            ["제약사항", "3", "COR-001 ~ COR-003"],
            ["프로젝트 관리 요구사항", "3", "PMR-001 ~ PMR-003"],
            ["프로젝트 지원 요구사항", "3", "PSR-001 ~ PSR-003"],
            ["합 계", "34", ""],
        ], [7.0, 3.0, 6.5]),
        H(1, "2. 시스템 장비 구성 요구사항"),
        REQ("ECR-001", "운영 인프라 구성", "시스템 장비 구성",
            "발주기관 통합데이터센터의 클라우드 인프라에 운영·개발·검증 환경을 구성",
            ["○ 발주기관이 제공하는 가상서버(운영 10식, 개발·검증 4식)에 플랫폼을 설치·구성하여야 함",
             "○ 서버 자원(CPU, 메모리, 스토리지) 산정 근거를 설계 단계에서 제시하고 발주기관과 확정하여야 함",
             "○ 웹·WAS 다중화와 DB 이중화로 단일 장애점이 없도록 구성하여야 함"],
            "인프라 구성도, 자원 산정서"),
        H(1, "3. 기능 요구사항"),
        REQ("SFR-001", "통합 민원 접수", "기능",
            "웹과 모바일에서 교통 분야 민원을 하나의 창구로 접수하는 기능",
            ["○ PC 웹과 모바일 웹(반응형)에서 동일한 접수 화면을 제공하여야 함",
             "○ 민원 유형(5개 대분류, 38개 소분류) 선택에 따라 입력 항목을 동적으로 구성",
             "○ 사진·동영상 첨부(건당 최대 50MB)와 지도 기반 위치 입력 기능 제공",
             "○ 접수 즉시 접수번호를 발급하고 문자 또는 알림톡으로 안내",
             "○ 비회원 접수 시 휴대전화 본인확인 후 접수하도록 처리"],
            "화면설계서, 프로그램 목록"),
        REQ("SFR-002", "민원 유형 자동 분류", "기능",
            "민원 내용을 분석하여 처리 부서와 세부 유형을 추천하는 기능",
            ["○ 민원 본문과 첨부 정보를 분석하여 처리 부서와 소분류를 추천하여야 함",
             "○ 추천 결과를 담당자가 확정·수정한 이력을 관리",
             "○ 분류 정확도를 월별로 측정하여 관리자 화면에 표시(목표 정확도 85% 이상)",
             "○ 분류 기준(키워드, 규칙)을 관리자가 편집할 수 있어야 함"],
            "분류 모델 설계서, 정확도 측정 결과서"),
        REQ("SFR-003", "민원 처리 및 이관", "기능",
            "접수된 민원을 부서·담당자별로 처리하고 부서 간 이관을 관리하는 기능",
            ["○ 부서별·담당자별 처리함(접수, 처리 중, 완료, 이관) 제공",
             "○ 부서 간 이관·협조 요청과 이관 사유 기록",
             "○ 법정 처리기한을 자동 계산하고 기한 2일 전 담당자에게 알림",
             "○ 처리 결과를 문자·알림톡·전자우편으로 통지하고 민원인 만족도 조사 실시"],
            "업무흐름도, 화면설계서"),
        REQ("SFR-004", "단속·과태료 연계 처리", "기능",
            "주정차 위반 의견진술을 단속·과태료 업무와 연계하여 처리하는 기능",
            ["○ 의견진술 접수 시 단속시스템의 단속 자료(사진, 일시, 장소)를 자동 조회",
             "○ 의견진술 심의 결과를 과태료 시스템에 전송",
             "○ 연계 오류 발생 시 자동 재전송하고 오류 이력을 관리"],
            "연계 명세서"),
        REQ("SFR-005", "민원인 포털", "기능",
            "민원인이 자신의 민원과 안내 정보를 조회하는 포털",
            ["○ 나의 민원 조회(처리 단계, 담당 부서, 처리 결과) 기능 제공",
             "○ 자주 묻는 질문, 민원 안내, 처리 절차 안내 콘텐츠 관리 기능",
             "○ 처리 완료 민원의 결과 문서 내려받기 기능"],
            "화면설계서"),
        REQ("SFR-006", "통계 및 대시보드", "기능",
            "민원 현황과 정책 지표를 조회·분석하는 기능",
            ["○ 민원 유형별·지역별·기간별 접수·처리 현황 대시보드 제공",
             "○ 처리기한 준수율, 재민원율 등 정책 지표를 산출하여 월별 추이로 표시",
             "○ 통계 자료의 내려받기, 정기 보고서 자동 생성 등 [[SW14|민원 분석에 필요한 기능 일체]]를 구현하여야 함"],
            "통계 항목 정의서"),
        REQ("SFR-007", "관리자 기능", "기능",
            "플랫폼 운영을 위한 사용자·권한·코드 관리 기능",
            ["○ 역할 기반 접근통제에 따른 사용자·권한 관리",
             "○ 민원 유형, 처리기한, 안내문 서식 관리",
             "○ 접속 이력과 개인정보 처리 이력 조회"],
            "권한 정의서"),
        REQ("SFR-008", "통합 알림 발송", "기능",
            "문자, 알림톡, 앱 푸시, 전자우편을 하나의 모듈로 발송하는 기능",
            ["○ 발송 채널별 서식 관리와 발송 예약",
             "○ 발송 결과를 수신하여 실패 건을 재발송",
             "○ 야간(21시~08시) 발송 제한 설정"],
            "인터페이스 설계서"),
        H(1, "4. 성능 요구사항"),
        REQ("PER-001", "응답 시간", "성능",
            "주요 업무 화면과 조회의 응답 시간 기준",
            ["○ 동시 사용자 1,000명 환경에서 주요 화면 응답시간 3초 이내(요청의 95% 기준)",
             "○ 최근 3년 민원 검색 응답시간 5초 이내",
             "○ 시험 단계에서 성능 시험을 수행하고 결과서를 제출"],
            "성능 시험 결과서"),
        REQ("PER-002", "가용성 및 확장성", "성능",
            "서비스 중단을 최소화하고 사용량 증가에 대응하는 구조",
            ["○ 연간 가용률 99.5% 이상을 목표로 구성",
             "○ 서버 추가만으로 수평 확장이 가능한 구조로 설계"],
            "아키텍처 설계서"),
        H(1, "5. 인터페이스 요구사항"),
        REQ("SIR-001", "사용자 인터페이스", "인터페이스",
            "누구나 쉽게 이용할 수 있는 화면 구성",
            ["○ 「한국형 웹 콘텐츠 접근성 지침」을 준수하고 웹 접근성 품질인증 획득을 지원",
             "○ 주요 브라우저의 최신 2개 버전에서 별도 플러그인 설치 없이 동작"],
            "UI 표준 정의서"),
        REQ("SIR-002", "외부 시스템 연계", "인터페이스",
            "기존 행정 시스템과의 연계",
            ["○ 주정차 단속시스템, 과태료 시스템, 시 통합인증, 행정기관 문자발송 서비스와 연계",
             "○ 연계는 표준 API(REST/JSON) 방식을 우선 적용하고 연계 명세서를 작성"],
            "연계 명세서"),
        H(1, "6. 데이터 요구사항"),
        REQ("DAR-001", "데이터베이스 설계 및 표준화", "데이터",
            "통합 민원 데이터베이스의 설계와 표준 적용",
            ["○ [[DATA01|「공공기관의 데이터베이스 표준화 지침」에 따라 표준 용어와 도메인을 정의하고 데이터베이스를 설계하여야 함]]",
             "○ [[DATA01|코드는 「행정기관의 코드표준화 추진지침」에 따른 행정표준코드를 우선 적용하여야 함]]",
             "○ 데이터 표준 정의서와 논리·물리 데이터 모델을 작성하여 발주기관에 제출"],
            "데이터 표준 정의서, 데이터 모델"),
        REQ("DAR-002", "데이터 전환", "데이터",
            "기존 5개 시스템의 민원 데이터 전환",
            ["○ 민원 이력 약 420만 건과 첨부파일을 신규 데이터베이스로 전환",
             "○ 전환 전 정제 규칙을 정의하고, 전환 후 건수·코드 정합성을 검증",
             "○ 전환 실패 데이터 목록과 조치 결과를 제출"],
            "데이터 전환 계획서, 전환 결과서"),
        REQ("DAR-003", "데이터 품질 관리", "데이터",
            "구축 데이터의 품질 확보",
            ["○ 완전성·유효성·일관성 기준의 품질 관리 규칙 정의",
             "○ [[DATA01|사업 완료 전 데이터 품질진단을 실시하고 오류 데이터를 개선하여 그 결과를 제출하여야 함]]"],
            "데이터 품질진단 결과서"),
        REQ("DAR-004", "공공데이터 개방 및 기록관리", "데이터",
            "구축 데이터의 개방과 행정정보 데이터세트의 기록관리",
            ["○ [[DATA02|본 사업으로 구축되는 데이터 중 개방 가능한 데이터를 식별하여 공공데이터 목록과 메타데이터를 작성하고 공공데이터포털 등록을 지원하여야 함]]",
             "○ [[DATA03|시스템에서 생산되는 행정정보 데이터세트의 기록 유형을 구분하여 기록관리기준표에 반영하고, 기록관리 절차에 따라 기록물관리기관에 이관할 수 있도록 구현하여야 함]]"],
            "개방데이터 목록, 데이터세트 기록관리 명세"),
        H(1, "7. 테스트 요구사항"),
        REQ("TER-001", "시험 계획 및 수행", "테스트",
            "단위·통합·성능 시험의 계획과 수행",
            ["○ 시험 계획서에 시험 범위, 시나리오, 합격 기준을 정의",
             "○ 결함은 결함관리 도구로 추적하고 조치 결과를 재시험"],
            "시험 계획서, 시험 결과서"),
        REQ("TER-002", "인수 시험", "테스트",
            "발주기관이 참여하는 인수 시험",
            ["○ 요구사항 추적표에 따라 모든 요구사항의 충족 여부를 확인",
             "○ 인수 시험에서 발견된 결함을 검수 전까지 조치"],
            "인수 시험 결과서, 요구사항 추적표"),
        H(1, "8. 보안 요구사항"),
        REQ("SER-001", "소프트웨어 개발보안", "보안",
            "개발 단계의 보안약점 제거",
            ["○ [[SEC01|「행정기관 및 공공기관 정보시스템 구축·운영 지침」의 소프트웨어 개발보안 기준에 따라 설계·구현 단계에 시큐어코딩을 적용하여야 함]]",
             "○ [[SEC01|개발 완료 후 소프트웨어 보안약점 진단원이 인증받은 진단도구를 사용하여 보안약점을 진단하고, 발견된 보안약점을 모두 제거한 결과를 제출하여야 함]]"],
            "보안약점 진단 및 조치 결과서"),
        REQ("SER-002", "개인정보 보호 및 영향평가", "보안",
            "민원인 개인정보의 보호",
            ["○ [[PRIV01|본 시스템은 민원인 약 62만 명의 개인정보를 처리하고 주정차 단속시스템과 50만 명 이상의 정보를 연계하므로 「개인정보 보호법」 제33조에 따른 개인정보 영향평가 대상임]]",
             "○ [[PRIV01|계약상대자는 분석·설계 단계에서 지정 영향평가기관이 수행하는 개인정보 영향평가를 지원하고, 개선 권고 사항을 설계와 구현에 반영하여야 함]]",
             "○ 주민등록번호는 수집하지 않으며, 연락처 등 개인정보는 암호화하여 저장하고 접근기록을 보관"],
            "개인정보 영향평가 개선계획 반영 결과"),
        REQ("SER-003", "용역업체 보안관리", "보안",
            "용역 수행 중 정보 유출 방지",
            ["○ [[SEC03|계약상대자는 착수 시 대표자 및 참여인력 전원의 보안서약서를 제출하여야 함]]",
             "○ [[SEC03|누출금지 대상 정보(붙임 4)를 외부에 유출하여서는 아니 되며]], 산출물과 자료의 반출은 발주기관의 보안 검토를 거쳐야 함",
             "○ [[SEC03|사업 종료 시 제공받은 자료와 저장매체를 반납하고 잔여 자료의 완전 삭제 확인서를 제출하여야 함]]"],
            "보안서약서, 자료 삭제 확인서"),
        REQ("SER-004", "원격지 개발 보안", "보안",
            "원격지 작업장소의 보안 통제",
            ["○ [[SW05|원격지에서 개발하는 경우 작업장소의 출입통제, 망분리, 저장매체 통제 등 보안 요구사항을 충족하여야 하며, 발주기관은 이를 정기적으로 점검함]]",
             "○ 원격 접속은 발주기관이 승인한 전용 회선과 인증 수단만 사용"],
            "원격지 보안 점검표"),
        H(1, "9. 품질 요구사항"),
        REQ("QUR-001", "품질보증 활동", "품질",
            "사업 전 단계의 품질보증",
            ["○ 품질보증 계획을 수립하고 단계별 산출물을 검토",
             "○ 정보시스템 감리 지적사항에 대한 조치 계획과 결과를 제출"],
            "품질보증 계획서, 감리 조치 결과서"),
        REQ("QUR-002", "유지보수성", "품질",
            "운영 단계의 유지보수 용이성 확보",
            ["○ 공통 모듈을 재사용하고 코딩 표준을 준수",
             "○ 소스코드와 설정 정보를 형상관리 도구로 관리"],
            "코딩 표준 정의서, 형상관리 대장"),
        H(1, "10. 제약사항"),
        REQ("COR-001", "개발 표준 준수", "제약사항",
            "공공 정보시스템 개발 표준의 적용",
            ["○ 전자정부 표준프레임워크를 적용하여 개발하여야 함",
             "○ 웹 표준(HTML5)과 웹 호환성 기준을 준수"],
            "표준 적용 점검표"),
        REQ("COR-002", "기반 소프트웨어", "제약사항",
            "신규 플랫폼의 기반 소프트웨어 구성",
            ["○ [[SW09|DBMS는 Oracle 19c 이상으로 구축]]하여야 하며, 기존 데이터와의 호환성을 보장하여야 함",
             "○ [[?SW09|웹서버는 Apache HTTP Server 2.4 또는 동등 이상의 제품을 적용]]하여야 함",
             "○ 기반 소프트웨어는 사업 종료일 기준 5년 이상 기술지원이 가능한 버전을 적용"],
            "기반SW 구성 명세서"),
        REQ("COR-003", "관련 법령 준수", "제약사항",
            "사업 수행 시 관계 법령과 지침의 준수",
            ["○ 「소프트웨어 진흥법」, 「전자정부법」, 「개인정보 보호법」 등 관계 법령을 준수하여야 함",
             "○ 사업 기간 중 법령이나 지침이 개정되는 경우 발주기관과 적용 시점을 정함"],
            "-"),
        H(1, "11. 프로젝트 관리 요구사항"),
        REQ("PMR-001", "사업 관리", "프로젝트 관리",
            "사업 계획과 진척의 관리",
            ["○ 착수 후 14일 이내에 사업수행계획서를 제출",
             "○ 주간·월간 보고와 단계별 보고회를 실시",
             "○ 위험과 이슈를 식별하여 대응 계획과 함께 관리"],
            "사업수행계획서, 주간·월간 보고서"),
        REQ("PMR-002", "사업 수행 조직", "프로젝트 관리",
            "사업 수행 조직의 구성과 운영",
            ["○ [[SW16|계약상대자는 PM 1명, 특급기술자 이상 개발자 5명을 상호 협의된 작업장소에 상주시켜야 함]]",
             "○ [[SW16|투입인력을 변경하려는 경우 사전에 발주기관의 승인을 받아야 하며]], 변경 인력은 기존 인력과 같은 등급 이상이어야 함",
             "○ [[SW16|투입인력의 이력서와 기술자 경력증명서를 착수계와 함께 제출]]하여야 함"],
            "사업 수행 조직도, 투입인력 현황"),
        REQ("PMR-003", "산출물 관리 및 검수", "프로젝트 관리",
            "산출물의 작성, 제출과 검수",
            ["○ 단계별 산출물을 발주기관이 정한 양식으로 작성하여 제출",
             "○ 최종 산출물은 전자파일과 인쇄본 각 1부를 제출하고 검수를 받음"],
            "산출물 목록"),
        H(1, "12. 프로젝트 지원 요구사항"),
        REQ("PSR-001", "교육 및 기술이전", "프로젝트 지원",
            "사용자·관리자 교육과 운영 기술이전",
            ["○ 부서별 사용자 교육(8회 이상)과 관리자 교육(2회 이상)을 실시",
             "○ 운영자 매뉴얼과 장애 대응 절차서를 작성하여 기술이전"],
            "교육 계획서, 교육 결과서, 운영자 매뉴얼"),
        REQ("PSR-002", "안정화 지원", "프로젝트 지원",
            "서비스 개시 후의 안정화 지원",
            ["○ 서비스 개시 후 1개월간 장애 대응 체계를 운영",
             "○ 안정화 기간 중 발생한 오류를 즉시 조치하고 결과를 보고",
             "○ 그 밖에 [[SW14|기타 발주기관이 요구하는 사항]]을 성실히 지원하여야 함"],
            "안정화 결과 보고서"),
        REQ("PSR-003", "하자보수", "프로젝트 지원",
            "검수 이후의 하자보수",
            ["○ [[SW08|하자보수 기간은 최종 검수일로부터 2년으로 한다]]",
             "○ [[SW08|하자보수 기간 중 발주기관이 요청하는 기능 개선 및 화면 변경은 하자보수에 포함하여 무상으로 처리하여야 함]]",
             "○ 장애 접수 후 4시간 이내에 조치에 착수"],
            "하자보수 계획서"),
        # ---------------------------------------------------------------- Ⅳ
        H(0, "Ⅳ. 제안서 작성 요령"),
        H(1, "1. 일반 사항"),
        B("○ 제안서는 이 제안요청서의 목차와 작성 지침에 따라 작성하며, 요구사항별로 제안서의 해당 쪽을 "
          "표시한 대비표를 첨부하여야 함"),
        B("○ 제안서는 A4 세로 방향으로 작성하고, 본문은 120쪽 이내로 함"),
        B("○ '가능하다', '고려하겠다' 등 모호한 표현은 평가 시 제안하지 않은 것으로 봄"),
        B("○ 제출된 제안서의 내용은 수정할 수 없으며, 협상을 거쳐 확정된 제안 내용은 계약서의 일부가 됨"),
        H(1, "2. 제안서 목차"),
        T([
            ["구 분", "목 차"],
            ["Ⅰ. 제안 개요", "제안 배경 및 목적, 제안 범위, 제안의 특장점"],
            ["Ⅱ. 제안사 일반", "일반 현황, 유사 사업 수행 실적"],
            ["Ⅲ. 기술 부문", "목표 시스템 구성, 기능·성능·인터페이스·데이터 구현 방안, 보안 대책"],
            ["Ⅳ. 사업관리 부문", "사업 수행 조직, 일정 관리, 품질·위험 관리, 하도급 계획"],
            ["Ⅴ. 지원 부문", "교육 및 기술이전, 안정화 지원, 하자보수 방안"],
        ], [4.5, 12.0]),
        H(1, "3. 제안서 제출"),
        B("○ 제출 일시, 방법 및 제출 서류는 입찰공고문에 따름"),
        B("○ 제안서는 전자파일(PDF)로 제출하고, 제안 발표 자료는 발표일 전일까지 제출"),
        H(1, "4. 제안요청 설명회"),
        B("○ [[PROC01|제안요청 설명회는 2025. 3. 18.(화) 14:00 가람시청 별관 3층 대회의실에서 개최함]]"),
        B("○ 설명회 참석은 입찰 참가의 조건이 아니며, 설명회 자료는 입찰공고 게시판에 함께 게시함"),
        # ---------------------------------------------------------------- Ⅴ
        H(0, "Ⅴ. 제안서 평가"),
        H(1, "1. 평가 방법"),
        B("○ [[SW10|본 사업은 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따른 협상에 의한 계약으로 추진함]]"),
        B("○ [[SW11|제안서 평가는 기술능력평가(80%)와 입찰가격평가(20%)를 합산하여 종합평가점수를 산출함]]"),
        B("○ [[SW12|기술능력평가의 평가부문과 평가항목은 「소프트웨어 기술성 평가기준 지침」(과학기술정보통신부 고시)을 적용함]]"),
        B("○ [[SW12|본 사업은 같은 지침에 따른 차등점수제를 적용함]]"),
        B("○ 기술능력평가 점수가 배점한도의 85% 이상인 자를 협상적격자로 선정하고, 종합평가점수가 높은 순으로 협상함"),
        H(1, "2. 평가 항목 및 배점"),
        T([
            ["평가 부문", "평가 항목", "배점"],
            ["기술능력평가(80점)", "사업 이해도 및 추진 전략", "10"],
            ["", "기술 및 기능", "30"],
            ["", "성능 및 품질", "10"],
            ["", "보안", "10"],
            ["", "프로젝트 관리", "10"],
            ["", "프로젝트 지원", "10"],
            ["가격평가(20점)", "입찰가격", "20"],
            ["합 계", "", "100"],
        ], [4.5, 9.0, 3.0], merges=[(1, 0, 6, 0), (8, 0, 8, 1)]),
        # ---------------------------------------------------------------- Ⅵ
        H(0, "Ⅵ. 계약 조건 및 기타 사항"),
        H(1, "1. 과업심의위원회"),
        B("○ [[?SW01|본 사업의 과업 내용은 「소프트웨어 진흥법」 제50조에 따라 과업심의위원회의 심의를 거쳐 확정하였음]]"),
        B("○ [[?SW01|계약상대자는 과업 내용의 변경이 필요한 경우 과업심의위원회 개최를 요청할 수 있으며, 심의 결과에 따라 계약금액과 계약기간을 조정할 수 있음]]"),
        B("○ 다만, [[SW01|과업 변경에 따른 추가 비용은 계약상대자가 부담]]하며, 변경된 과업은 당초 계약기간 안에 완료하여야 함"),
        H(1, "2. 입찰 참가 및 공동수급"),
        B("○ [[SW03|본 사업은 「소프트웨어 진흥법」 제48조에 따라 상호출자제한기업집단 소속회사의 입찰 참여를 제한함]]"),
        B("○ [[SW03|중소 소프트웨어사업자의 참여를 지원하기 위하여 공동수급체 구성원 중 중소 소프트웨어사업자의 지분율에 따라 기술성 평가에서 가점을 부여함]]"),
        B("○ 공동수급은 공동이행 방식으로 하며, 구성원은 5개사 이하, 구성원별 최소 지분율은 10% 이상으로 함"),
        H(1, "3. 하도급"),
        B("○ 하도급을 하려는 경우 하도급 계획서를 제안서에 포함하여 제출하여야 함"),
        B("○ [[SW04|하도급은 사업금액의 70% 이내에서 허용함]]"),
        B("○ [[SW04|재하도급은 발주기관에 통보한 후 할 수 있음]]"),
        H(1, "4. 작업장소"),
        B("○ [[SW05|작업장소는 「소프트웨어 진흥법」 제49조제3항에 따라 발주기관과 계약상대자가 상호 협의하여 정함]]"),
        B("○ [[SW05|원격지 작업장소 운영에 필요한 비용은 사업예산의 직접경비에 반영되어 있음]]"),
        H(1, "5. 지식재산권 및 공동활용"),
        B("○ [[SW06|본 사업으로 개발되는 소프트웨어와 산출물의 지식재산권은 발주기관에 단독으로 귀속됨]]"),
        B("○ [[SW06|계약상대자는 사업 종료 후 산출물을 반출하거나 다른 사업에 활용할 수 없음]]"),
        B("○ [[SW07|본 사업으로 개발되는 소프트웨어는 도내 시·군과 공동활용할 계획이며, 공동활용 대상 기관의 범위는 도내 시·군의 교통 민원 담당 부서로 함]]"),
        H(1, "6. SW사업 정보 제출"),
        B("○ [[SW18|계약상대자는 「소프트웨어 진흥법」 제46조에 따라 계약 체결 후와 사업 종료 후 SW사업 정보를 작성하여 SW사업정보 저장소에 제출하여야 함]]"),
        H(1, "7. 기타 사항"),
        B("○ 하자보수에 관한 사항은 PSR-003에 따름"),
        B("○ 이 제안요청서에 정하지 않은 사항은 관계 법령과 용역계약 일반조건에 따름"),
        B("○ 문의: 가람시 스마트교통과 정보화팀(입찰공고문의 연락처 참조)"),
        # ---------------------------------------------------------------- 붙임
        PB(),
        P("붙임 1. 제안서 서식 1부.", bold=True),
        P("붙임 2. 직접구매 대상 상용SW 구매계획서 1부.", bold=True),
        P("붙임 3. 적정 사업기간 종합산정서 1부.", bold=True),
        P("붙임 4. 누출금지 대상 정보 목록 1부.", bold=True),
        P("붙임 5. 보안서약서 1부.  끝.", bold=True),
        P(""),
        P("[붙임 3] 적정 사업기간 종합산정서(요약)", bold=True),
        T([
            ["항 목", "내 용"],
            ["사업명", "가람시 통합 교통민원 플랫폼 구축 사업"],
            ["산정 방식", "규모(기능점수) 기반 표준 기간 산정 후 난이도 보정"],
            ["개발 규모", "약 3,600 기능점수"],
            ["산정 결과", "표준 기간 9.2개월, 난이도 보정 후 10개월"],
            ["확정 사업기간", "계약일로부터 10개월"],
        ], [4.0, 12.5]),
        P("[붙임 4] 누출금지 대상 정보 목록", bold=True),
        T([
            ["구 분", "대상 정보"],
            ["1", "시스템 구성도, IP 주소 등 내부 네트워크 정보"],
            ["2", "민원인 개인정보 및 민원 처리 내역"],
            ["3", "사용자 계정, 비밀번호, 접근권한 정보"],
            ["4", "보안약점 진단 결과 및 취약점 정보"],
            ["5", "그 밖에 발주기관이 비공개로 분류한 자료"],
        ], [2.5, 14.0]),
    ]
    facts = {
        "doc_type": "제안요청서",
        "public_sw_project": True,
        "budget_krw": 2350000000,
        "budget_vat": "included",
        "duration_months": 10,
        "contract_method": "협상",
        "project_kinds": ["SW개발"],
        "buys_commercial_sw": "yes",
        "buys_network_or_security_equipment": "no",
        "builds_db": "yes",
        "personal_info_system": "yes",
        "priced_by_fp": "yes",
    }
    labels = {
        "SW01": ("violation", "과업심의위원회 review and the right to request a 과업변경 심의 are stated "
                 "('과업심의위원회의 심의를 거쳐 확정', '과업심의위원회 개최를 요청할 수 있으며'), but the next "
                 "clause makes the contractor bear the added cost of changed 과업."),
        "SW02": ("pass", "Budget 23.5억 ≥ 3억; commercial SW items of 9천만/6.5천만 are bought separately "
                 "(분리발주), the 구매계획서 (별지 제2호) is attached as 붙임 2 and BMT is applied to the "
                 "competitively bid item."),
        "SW03": ("pass", "상호출자제한기업집단 participation restricted; 중소 SW사업자 share earns points."),
        "SW04": ("violation", "하도급 up to 70% of the contract amount (> 50%) and 재하도급 after mere "
                 "notification (no approval, not prohibited)."),
        "SW05": ("pass", "작업장소 decided by mutual 협의, its cost is in the budget, 원격지 개발 보안 "
                 "requirements stated (SER-004). The staffing clause places staff at the agreed place, "
                 "so it is judged under SW16, not here."),
        "SW06": ("violation", "All IP is vested solely in the agency and the contractor may not take the "
                 "deliverables out or reuse them: no 반출 route."),
        "SW07": ("pass", "Shared use with the province's 시·군 stated, with the range of agencies."),
        "SW08": ("violation", "하자보수 2년 (> 1년), and feature changes are folded into free 하자보수."),
        "SW09": ("violation", "COR-002 requires 'Oracle 19c 이상' for the new platform. The 현행 시스템 "
                 "description 'DBMS: Oracle 11g, WAS: JEUS 7' is legitimate context, not a violation; "
                 "'웹서버는 Apache HTTP Server 2.4 또는 동등 이상의 제품을 적용' would be 검토필요 on its own."),
        "SW10": ("pass", "협상에 의한 계약 (지방계약법 시행령 제43조)."),
        "SW11": ("violation", "기술 80 : 가격 20 (technical share < 90)."),
        "SW12": ("pass", "평가항목 follow the 소프트웨어 기술성 평가기준 지침; 차등점수제 use stated."),
        "SW13": ("missing", "SW 개발, 23.5억 ≥ 20억: looked for 제안서 보상 (whether and how 우수 "
                 "제안서 are compensated): none."),
        "SW14": ("violation", "Requirements are split by type with IDs, but two open catch-alls remain: "
                 "'…에 필요한 기능 일체' (SFR-006) and '기타 발주기관이 요구하는 사항' (PSR-002)."),
        "SW15": ("pass", "Period set by the 적정 사업기간 산정 기준; 종합산정서 attached as 붙임 3."),
        "SW16": ("violation", "FP-priced development: headcount and grade (PM 1명, 특급기술자 이상 5명, "
                 "상주), approval of replacements and CVs/경력증명서 are demanded."),
        "SW17": ("missing", "Public-facing SW 개발 (not exempt): looked for SW사업 영향평가 결과서 or any "
                 "영향평가 statement: none."),
        "SW18": ("pass", "SW사업 정보 submission after contract and after completion required."),
        "SEC01": ("pass", "시큐어코딩 and 보안약점 진단 by a 진단원 with a certified tool, with fixes."),
        "SEC02": ("not_applicable", "No network or information-security equipment is bought: the platform "
                  "runs on the agency's existing cloud infrastructure."),
        "SEC03": ("pass", "보안서약서, 누출금지 정보 (붙임 4), 반출 통제 and return/deletion at the end."),
        "DATA01": ("pass", "DB 표준화 지침, 행정표준코드 and a data quality 진단 are required."),
        "DATA02": ("pass", "공공데이터 목록·메타데이터 and portal registration required."),
        "DATA03": ("pass", "행정정보 데이터세트 기록 유형 구분 and 기록관리 절차 required."),
        "PRIV01": ("pass", "About 62만 민원인 and a ≥ 50만 연계: 영향평가 applies; done in 분석·설계 and "
                   "its recommendations reflected."),
        "PROC01": ("pass", "추정가격 about 21.4억 (23.5억 incl. VAT) ≥ 20억: 설명회 date, time and place "
                   "stated."),
    }
    return Sample("rfp_violations", "가람시 통합 교통민원 플랫폼 구축 사업 제안요청서", "가람시",
                  nodes, facts, labels, ("docx", "pdf"))


# --------------------------------------------------------------------------------------------
# Sample 2: 한결도 산림병해충 예찰·방제 정보시스템 고도화 (fully compliant)
# --------------------------------------------------------------------------------------------


def sample_compliant() -> Sample:
    nodes: list[Node] = [
        COVER([
            ("산림병해충 예찰·방제 정보시스템 고도화 사업", 22, True),
            ("제 안 요 청 서", 26, True),
            ("2025. 4.", 14, False),
            ("한결도 산림환경연구원", 14, True),
        ]),
        TOC(),
        # ---------------------------------------------------------------- Ⅰ
        H(0, "Ⅰ. 사업 개요"),
        H(1, "1. 사업 개요"),
        T([
            ["구 분", "내 용"],
            ["사 업 명", "산림병해충 예찰·방제 정보시스템 고도화 사업"],
            ["사업기간", "[[duration|계약일로부터 7개월]]"],
            ["사업예산", "[[budget|금 520,000,000원(부가가치세 포함)]]"],
            ["계약방법", "협상에 의한 계약"],
            ["대가산정", "소프트웨어 개발비는 기능점수(FP) 방식으로 산정"],
            ["발주기관", "한결도 산림환경연구원 산림보호과"],
        ], [3.5, 13.0]),
        H(1, "2. 추진 배경"),
        B("○ 연구원은 2017년부터 예찰 정보시스템으로 소나무재선충병, 참나무시들음병 등 주요 산림병해충의 "
          "발생 정보를 관리하고 있으나, 현장 조사 결과를 종이 야장에 적은 뒤 사무실에서 다시 입력하고 있어 "
          "집계가 늦고 입력 오류가 잦음"),
        B("○ 방제 사업의 발주·실적 관리가 별도 엑셀 파일로 이루어져 예찰 정보와 방제 실적을 함께 볼 수 없고, "
          "시·군별 방제 효과를 비교하기 어려움"),
        B("○ 현장 모바일 조사, 예찰·방제 정보 통합, 공간정보 기반 분석 기능을 갖추도록 시스템을 고도화할 필요가 있음"),
        H(1, "3. 사업 범위"),
        T([
            ["구 분", "주요 내용"],
            ["모바일 예찰 조사", "현장 조사 앱(오프라인 저장 후 동기화), 위치·사진 기록"],
            ["예찰·방제 통합 관리", "예찰 결과와 방제 사업·실적의 연계 관리, 시·군 보고 절차 전산화"],
            ["공간정보 분석", "발생지 지도 표출, 확산 추세 분석, 방제 우선순위 산출"],
            ["데이터 정비", "2017년 이후 예찰 자료 정제 및 표준화"],
            ["보안·품질", "시큐어코딩, 보안약점 진단, 데이터 품질진단"],
            ["교육·지원", "시·군 담당자 교육, 운영 기술이전"],
        ], [4.0, 12.5]),
        H(1, "4. 사업 예산"),
        T([
            ["구 분", "금액(원)", "비 고"],
            ["소프트웨어 개발비", "452,000,000", "기능점수(FP) 방식 산정"],
            ["데이터 정비비", "41,000,000", "예찰 자료 정제·표준화"],
            ["직접경비", "27,000,000", "보안약점 진단, 데이터 품질진단"],
            ["합 계", "520,000,000", "부가가치세 포함"],
        ], [5.0, 4.5, 7.0]),
        B("○ [[SW02|본 사업에는 직접구매 대상 상용SW가 없으며, 사업 수행을 위하여 상용SW를 구매하지 않음]]"),
        H(1, "5. 추진 일정 및 사업기간 산정"),
        T([
            ["단 계", "기 간", "주요 활동"],
            ["분 석", "1~2개월", "현행 업무 분석, 요구사항 상세화"],
            ["설 계", "2~3개월", "화면·데이터·연계 설계"],
            ["구현·시험", "3~6개월", "기능 개발, 데이터 정비, 통합 시험, 보안약점 진단"],
            ["이 행", "6~7개월", "시범 운영, 교육, 검수"],
        ], [3.5, 3.0, 10.0]),
        B("○ [[SW15|사업기간은 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제10조에 따른 소프트웨어 개발사업의 적정 사업기간 산정 기준을 적용하여 산정하였으며, 적정 사업기간 종합산정서는 붙임 2와 같음]]"),
        # ---------------------------------------------------------------- Ⅱ
        H(0, "Ⅱ. 현황"),
        H(1, "1. 업무 현황"),
        B("○ 예찰 조사: 시·군 예찰 인력 140여 명이 연간 약 2만 4천 지점을 조사"),
        B("○ 방제 사업: 시·군이 연간 300여 건의 방제 사업을 발주하고 연구원이 실적을 취합"),
        B("○ 보고 체계: 시·군 → 연구원 → 도 산림부서로 월 1회 실적 보고"),
        H(1, "2. 현행 시스템 현황"),
        T([
            ["구 분", "현 황"],
            ["서버", "물리 서버 2대(웹·WAS 겸용 1대, DB 1대), 2017년 도입"],
            ["운영체제", "CentOS 7"],
            ["DBMS", "MariaDB 10.3"],
            ["WAS", "Apache Tomcat 8.5"],
            ["공간정보", "도 공간정보 플랫폼의 배경지도 서비스 연계"],
            ["데이터", "예찰 자료 약 19만 건, 방제 실적 엑셀 파일 약 2,100개"],
        ], [4.0, 12.5]),
        P("※ 위 표는 현행 시스템의 구성을 설명한 것이며, 고도화 이후의 기반 소프트웨어 제품을 정한 것이 아님", indent=1),
        H(1, "3. 문제점 및 개선 방향"),
        T([
            ["문제점", "개선 방향"],
            ["현장 조사 후 이중 입력", "모바일 현장 입력과 자동 동기화"],
            ["예찰과 방제 정보의 분리", "예찰 지점과 방제 사업의 연계 관리"],
            ["운영체제 기술지원 종료", "기술지원이 가능한 운영 환경으로 전환"],
            ["분석 기능 부족", "공간정보 기반 확산 추세 분석과 우선순위 산출"],
        ], [8.0, 8.5]),
        # ---------------------------------------------------------------- Ⅲ
        H(0, "Ⅲ. 제안요청 내용"),
        H(1, "1. 요구사항 총괄"),
        T([
            ["구 분", "요구사항 수", "고유번호"],
            ["기능 요구사항", "5", "SFR-001 ~ SFR-005"],
            ["성능 요구사항", "1", "PER-001"],
            ["인터페이스 요구사항", "1", "SIR-001"],
            ["데이터 요구사항", "3", "DAR-001 ~ DAR-003"],
            ["테스트 요구사항", "1", "TER-001"],
            ["보안 요구사항", "3", "SER-001 ~ SER-003"],
            ["품질 요구사항", "1", "QUR-001"],
            ["제약사항", "2", "COR-001 ~ COR-002"],
            ["프로젝트 관리 요구사항", "2", "PMR-001 ~ PMR-002"],
            ["프로젝트 지원 요구사항", "2", "PSR-001 ~ PSR-002"],
            ["합 계", "21", ""],
        ], [7.0, 3.0, 6.5]),
        H(1, "2. 기능 요구사항"),
        REQ("SFR-001", "모바일 예찰 조사", "기능",
            "현장에서 예찰 결과를 기록하고 서버와 동기화하는 모바일 기능",
            ["○ 조사 지점 목록 내려받기와 지도 기반 위치 확인",
             "○ 통신이 되지 않는 산림에서 조사 결과를 단말에 임시 저장하고 통신 재개 시 자동 동기화",
             "○ 피해목 사진(지점당 최대 10장)과 위치 좌표를 함께 기록",
             "○ 입력값 검증(필수 항목, 수치 범위)으로 입력 오류를 방지"],
            "화면설계서, 프로그램 목록"),
        REQ("SFR-002", "예찰·방제 통합 관리", "기능",
            "예찰 결과와 방제 사업을 연계하여 관리하는 기능",
            ["○ 예찰 지점별 피해 등급에 따라 방제 대상지를 자동 추천",
             "○ 방제 사업의 발주, 착수, 완료 실적을 단계별로 등록",
             "○ 방제 후 재조사 결과를 등록하여 방제 효과를 산출"],
            "업무흐름도"),
        REQ("SFR-003", "시·군 보고", "기능",
            "시·군 실적 보고와 취합의 전산화",
            ["○ 시·군 담당자의 월별 실적 보고서 작성·제출",
             "○ 연구원 담당자의 검토, 보완 요청, 확정 처리",
             "○ 확정된 실적의 도 단위 집계표 자동 작성"],
            "보고서 양식 정의서"),
        REQ("SFR-004", "공간정보 분석", "기능",
            "발생 정보를 지도에 표출하고 확산 추세를 분석하는 기능",
            ["○ 병해충 종류별 발생지점과 피해 등급을 지도에 표출",
             "○ 최근 3년 발생 자료를 이용한 시·군별 확산 추세 그래프",
             "○ 피해 밀도, 보호수역 인접 여부를 반영한 방제 우선순위 산출"],
            "분석 로직 설계서"),
        REQ("SFR-005", "사용자 및 권한 관리", "기능",
            "기관·역할에 따른 사용자와 권한의 관리",
            ["○ 연구원, 시·군, 조사원 역할별 메뉴·데이터 접근 권한 관리",
             "○ 장기 미사용 계정의 자동 잠금(90일)",
             "○ 접속 이력과 권한 변경 이력 조회"],
            "권한 정의서"),
        H(1, "3. 성능·인터페이스 요구사항"),
        REQ("PER-001", "응답 시간", "성능",
            "주요 화면의 응답 시간 기준",
            ["○ 동시 사용자 200명 환경에서 주요 화면 응답시간 3초 이내",
             "○ 지도 표출(시·군 단위) 5초 이내",
             "○ 성능 시험 결과를 시험 단계에서 제출"],
            "성능 시험 결과서"),
        REQ("SIR-001", "외부 시스템 연계", "인터페이스",
            "도 공간정보 플랫폼과 통합인증의 연계",
            ["○ 도 공간정보 플랫폼의 배경지도 서비스를 표준 지도 서비스 규격으로 연계",
             "○ 도 통합인증(SSO)과 연계하여 단일 로그인 제공",
             "○ 연계 명세서를 작성하고 연계 오류 이력을 관리"],
            "연계 명세서"),
        H(1, "4. 데이터 요구사항"),
        REQ("DAR-001", "데이터베이스 표준화", "데이터",
            "데이터베이스 설계 시 표준의 적용",
            ["○ [[DATA01|「공공기관의 데이터베이스 표준화 지침」을 준수하여 표준 용어·도메인·코드를 정의하고 데이터베이스를 설계하여야 함]]",
             "○ [[DATA01|시·군, 병해충 종류 등의 코드는 「행정기관의 코드표준화 추진지침」에 따른 행정표준코드를 적용하여야 함]]"],
            "데이터 표준 정의서, 데이터 모델"),
        REQ("DAR-002", "데이터 정비 및 품질진단", "데이터",
            "기존 예찰 자료의 정비와 구축 데이터의 품질 확보",
            ["○ 2017년 이후 예찰 자료 약 19만 건의 좌표·코드 오류를 정제",
             "○ 방제 실적 엑셀 파일을 표준 구조로 전환",
             "○ [[DATA01|검수 전에 데이터 품질진단을 실시하고 오류 데이터의 개선 결과를 제출하여야 함]]"],
            "데이터 정비 결과서, 품질진단 결과서"),
        REQ("DAR-003", "공공데이터 개방 및 기록관리", "데이터",
            "구축 데이터의 개방과 기록관리",
            ["○ [[DATA02|산림병해충 발생 통계 등 개방 가능한 데이터를 공공데이터 목록으로 작성하고, 메타데이터와 함께 공공데이터포털에 등록할 수 있도록 제공하여야 함]]",
             "○ [[DATA03|시스템이 생산하는 행정정보 데이터세트의 기록 유형을 구분하고, 「공공기록물 관리에 관한 법률」에 따른 기록관리 절차에 맞추어 보존·이관 기능을 구현하여야 함]]"],
            "개방데이터 목록, 데이터세트 관리 명세"),
        H(1, "5. 테스트·보안·품질 요구사항"),
        REQ("TER-001", "시험 및 검수", "테스트",
            "단위·통합·인수 시험의 수행",
            ["○ 시험 계획서에 시험 범위, 시나리오, 합격 기준을 정의",
             "○ 요구사항 추적표에 따라 모든 요구사항의 충족 여부를 확인",
             "○ 발견된 결함은 검수 전까지 조치하고 재시험"],
            "시험 계획서, 시험 결과서"),
        REQ("SER-001", "소프트웨어 개발보안", "보안",
            "개발 단계의 보안약점 제거",
            ["○ [[SEC01|설계·구현 단계에서 「행정기관 및 공공기관 정보시스템 구축·운영 지침」의 소프트웨어 개발보안 기준에 따라 시큐어코딩을 적용하여야 함]]",
             "○ [[SEC01|구현 완료 후 보안약점 진단원이 인증된 진단도구로 소스코드를 진단하고, 발견된 보안약점을 제거한 결과를 제출하여야 함]]"],
            "보안약점 진단 및 조치 결과서"),
        REQ("SER-002", "개인정보 보호", "보안",
            "시스템이 처리하는 개인정보의 보호",
            ["○ [[PRIV01|시스템이 처리하는 개인정보는 조사원·담당자 계정 정보와 산주 연락처 약 8천 건으로, 개인정보 영향평가 의무 대상 규모에 해당하지 않음]]",
             "○ 연락처 등 개인정보는 암호화하여 저장하고 접근 기록을 1년 이상 보관"],
            "개인정보 처리 현황"),
        REQ("SER-003", "용역업체 보안관리", "보안",
            "용역 수행 중 자료 유출 방지",
            ["○ [[SEC03|계약상대자는 대표자와 참여자 전원의 보안서약서를 착수 시 제출하여야 함]]",
             "○ [[SEC03|누출금지 대상 정보는 붙임 3과 같으며, 자료를 외부로 반출하려면 연구원의 사전 승인을 받아야 함]]",
             "○ [[SEC03|사업 종료 시 제공받은 자료를 반납하고 작업 장비에 남은 자료를 삭제한 뒤 삭제 확인서를 제출하여야 함]]",
             "○ [[SW05|원격지에서 작업하는 경우 작업장소의 출입 통제, 인터넷망과 업무망의 분리, 저장매체 통제 기준을 지켜야 함]]"],
            "보안서약서, 자료 삭제 확인서"),
        REQ("QUR-001", "품질보증", "품질",
            "산출물과 소스코드의 품질 확보",
            ["○ 단계별 산출물의 검토 절차와 코딩 표준을 정의하여 적용",
             "○ 소스코드와 설정 정보를 형상관리 도구로 관리"],
            "품질보증 계획서"),
        H(1, "6. 제약사항"),
        REQ("COR-001", "개발 표준", "제약사항",
            "개발 표준과 운영 환경에 관한 제약",
            ["○ 전자정부 표준프레임워크를 적용하여 개발하여야 함",
             "○ 데이터베이스 접근은 표준 SQL과 표준 인터페이스를 사용하여 특정 데이터베이스 제품에 종속되지 않도록 구현",
             "○ 운영체제 등 기반 소프트웨어는 사업 종료일 기준 5년 이상 기술지원이 가능한 것을 적용"],
            "기반SW 구성 명세서"),
        REQ("COR-002", "웹 표준 및 접근성", "제약사항",
            "웹 표준과 접근성의 준수",
            ["○ 「한국형 웹 콘텐츠 접근성 지침」을 준수",
             "○ 주요 브라우저의 최신 2개 버전에서 별도 프로그램 설치 없이 동작"],
            "접근성 점검 결과서"),
        H(1, "7. 프로젝트 관리·지원 요구사항"),
        REQ("PMR-001", "사업 관리", "프로젝트 관리",
            "사업 계획과 진척 관리",
            ["○ 착수 후 14일 이내에 사업수행계획서를 제출",
             "○ 월간 보고와 단계별 보고회를 실시",
             "○ 위험과 이슈를 식별하여 대응 계획과 함께 관리"],
            "사업수행계획서, 월간 보고서"),
        REQ("PMR-002", "산출물 관리", "프로젝트 관리",
            "산출물의 작성과 검수",
            ["○ 단계별 산출물 목록을 사업수행계획서에 정의",
             "○ 최종 산출물은 전자파일로 제출하고 검수를 받음"],
            "산출물 목록"),
        REQ("PSR-001", "교육 및 기술이전", "프로젝트 지원",
            "사용자 교육과 운영 기술이전",
            ["○ 시·군 담당자 교육 4회, 조사원 교육 6회 실시",
             "○ 운영자 매뉴얼과 장애 대응 절차서를 작성하여 기술이전"],
            "교육 결과서, 운영자 매뉴얼"),
        REQ("PSR-002", "하자보수", "프로젝트 지원",
            "검수 이후의 하자보수",
            ["○ [[SW08|하자담보 책임기간은 검수 완료일로부터 1년으로 함]]",
             "○ [[SW08|하자보수의 범위는 계약목적물의 하자에 한정하며, 새로운 기능의 추가나 변경은 하자보수에 포함하지 않음]]",
             "○ 하자 접수 후 8시간 이내에 조치에 착수하고 결과를 보고"],
            "하자보수 계획서"),
        # ---------------------------------------------------------------- Ⅳ
        H(0, "Ⅳ. 제안서 작성 요령"),
        H(1, "1. 일반 사항"),
        B("○ 제안서는 이 제안요청서의 목차와 작성 지침에 따라 작성하고, 요구사항 고유번호별 대비표를 첨부하여야 함"),
        B("○ 제안서 본문은 A4 세로 방향 80쪽 이내로 작성함"),
        B("○ 제안 내용은 구체적이고 측정 가능한 표현으로 기술하여야 함"),
        H(1, "2. 제안서 목차"),
        T([
            ["구 분", "목 차"],
            ["Ⅰ. 제안 개요", "제안 배경과 목적, 제안 범위"],
            ["Ⅱ. 제안사 일반", "일반 현황, 유사 사업 수행 실적"],
            ["Ⅲ. 기술 부문", "목표 시스템 구성, 요구사항별 구현 방안, 보안 대책"],
            ["Ⅳ. 사업관리 부문", "수행 조직과 역할 분담, 일정·품질·위험 관리, 하도급 계획"],
            ["Ⅴ. 지원 부문", "교육과 기술이전, 하자보수 방안"],
        ], [4.5, 12.0]),
        H(1, "3. 제안서 제출 및 설명회"),
        B("○ 제출 일시, 방법과 제출 서류는 입찰공고문에 따름"),
        B("○ [[PROC01|본 사업은 추정가격 20억원 미만으로 별도의 제안요청 설명회를 개최하지 않음]]"),
        # ---------------------------------------------------------------- Ⅴ
        H(0, "Ⅴ. 제안서 평가"),
        H(1, "1. 평가 방법"),
        B("○ [[SW10|본 사업은 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따른 협상에 의한 계약으로 추진함]]"),
        B("○ [[SW11|제안서는 기술능력평가 90점과 가격평가 10점으로 평가함]]"),
        B("○ [[SW12|평가부문과 평가항목은 「소프트웨어 기술성 평가기준 지침」에 따라 구성하였음]]"),
        B("○ [[SW12|본 사업은 같은 지침의 차등점수제를 적용하지 않음]]"),
        B("○ 기술능력평가 점수가 배점한도의 85% 이상인 자를 협상적격자로 선정함"),
        H(1, "2. 평가 항목 및 배점"),
        T([
            ["평가 부문", "평가 항목", "배점"],
            ["기술능력평가(90점)", "사업 이해도 및 추진 전략", "10"],
            ["", "기술 및 기능", "35"],
            ["", "성능 및 품질", "10"],
            ["", "보안", "10"],
            ["", "프로젝트 관리", "15"],
            ["", "프로젝트 지원", "10"],
            ["가격평가(10점)", "입찰가격", "10"],
            ["합 계", "", "100"],
        ], [4.5, 9.0, 3.0], merges=[(1, 0, 6, 0), (8, 0, 8, 1)]),
        # ---------------------------------------------------------------- Ⅵ
        H(0, "Ⅵ. 계약 조건 및 기타 사항"),
        H(1, "1. 과업심의위원회"),
        B("○ [[SW01|본 사업의 과업 내용은 「소프트웨어 진흥법」 제50조에 따른 과업심의위원회의 심의를 거쳐 확정하였음]]"),
        B("○ [[SW01|계약상대자는 과업 내용이 변경되는 경우 과업심의위원회의 개최를 요청할 수 있으며, 연구원은 심의 결과에 따라 계약금액과 계약기간을 조정함]]"),
        H(1, "2. 입찰 참가 자격"),
        B("○ [[SW03|본 사업은 「소프트웨어 진흥법」 제48조에 따라 상호출자제한기업집단 소속회사의 입찰 참가를 제한함]]"),
        B("○ [[SW03|본 사업은 사업금액 20억원 미만으로 중소 소프트웨어사업자만 참여할 수 있음]]"),
        H(1, "3. 하도급"),
        B("○ [[SW04|하도급을 하려는 경우 하도급 계획서를 제출하고 연구원의 사전 승인을 받아야 함]]"),
        B("○ [[SW04|하도급 금액의 합계는 사업금액의 50%를 초과할 수 없음]]"),
        B("○ [[SW04|재하도급은 금지함]]"),
        B("○ [[SW04|연구원은 「소프트웨어 진흥법」 제51조에 따라 하도급 계획의 적정성을 하도급 금액 비율, 하도급 대금 지급 조건 등을 기준으로 판단함]]"),
        H(1, "4. 작업장소"),
        B("○ [[SW05|작업장소는 연구원과 계약상대자가 상호 협의하여 정하며, 계약상대자의 사업장에서 원격으로 작업할 수 있음]]"),
        B("○ [[SW05|작업장소 운영 비용은 사업예산에 포함되어 있지 않으며, 연구원 내 작업이 필요한 경우 회의실을 무상으로 제공함]]"),
        H(1, "5. 지식재산권 및 산출물 활용"),
        B("○ [[SW06|본 사업의 산출물에 대한 지식재산권은 용역계약 일반조건에 따라 연구원과 계약상대자가 공동으로 소유함]]"),
        B("○ [[SW06|계약상대자는 산출물의 반출을 요청할 수 있으며, 연구원은 누출금지 정보 포함 여부를 검토하여 30일 이내에 반출 승인 여부를 통보함]]"),
        B("○ [[SW07|본 사업으로 개발되는 소프트웨어는 도내 시·군 산림 부서와 공동활용할 계획이며, 공동활용 범위는 도내 14개 시·군으로 함]]"),
        H(1, "6. 투입인력"),
        B("○ [[SW16|연구원은 계약상대자에게 투입인력의 수, 등급, 투입기간을 요구하거나 관리하지 않으며, 과업 범위와 산출물의 품질로 사업을 관리함]]"),
        H(1, "7. 법정 사항"),
        B("○ [[SW09|연구원은 특정 상표, 규격 또는 모델을 지정하지 않으며, 요구 성능과 동등 이상의 제품은 상표나 모델이 다르다는 이유로 거부하지 않음]]"),
        B("○ [[SW13|본 사업은 총사업예산 20억원 미만으로 제안서 보상 대상이 아님]]"),
        B("○ [[SW17|본 사업은 「소프트웨어 진흥법」 제43조에 따라 소프트웨어사업 영향평가를 실시하였으며, 그 결과서를 붙임 1로 첨부함]]"),
        B("○ [[SW18|계약상대자는 「소프트웨어 진흥법」 제46조에 따라 SW사업 정보를 계약 체결 후와 사업 종료 후에 각각 SW사업정보 저장소에 제출하여야 함]]"),
        # ---------------------------------------------------------------- 붙임
        PB(),
        P("붙임 1. 소프트웨어사업 영향평가 결과서 1부.", bold=True),
        P("붙임 2. 적정 사업기간 종합산정서 1부.", bold=True),
        P("붙임 3. 누출금지 대상 정보 목록 1부.  끝.", bold=True),
        P(""),
        P("[붙임 1] 소프트웨어사업 영향평가 결과서(요약)", bold=True),
        T([
            ["항 목", "검토 결과"],
            ["민간 시장 영향", "유사 상용 서비스 없음, 민간 시장 침해 우려 낮음"],
            ["중복 여부", "도내 유사 시스템 없음"],
            ["결론", "사업 추진 적정"],
        ], [4.5, 12.0]),
        P("[붙임 2] 적정 사업기간 종합산정서(요약)", bold=True),
        T([
            ["항 목", "내 용"],
            ["개발 규모", "약 820 기능점수"],
            ["산정 결과", "표준 기간 6.6개월, 보정 후 7개월"],
            ["확정 사업기간", "계약일로부터 7개월"],
        ], [4.5, 12.0]),
        P("[붙임 3] 누출금지 대상 정보 목록", bold=True),
        T([
            ["구 분", "대상 정보"],
            ["1", "서버 구성, IP 주소 등 네트워크 정보"],
            ["2", "사용자 계정과 접근권한 정보"],
            ["3", "산주 연락처 등 개인정보"],
            ["4", "보안약점 진단 결과"],
        ], [2.5, 14.0]),
    ]
    facts = {
        "doc_type": "제안요청서",
        "public_sw_project": True,
        "budget_krw": 520000000,
        "budget_vat": "included",
        "duration_months": 7,
        "contract_method": "협상",
        "project_kinds": ["고도화"],
        "buys_commercial_sw": "no",
        "buys_network_or_security_equipment": "no",
        "builds_db": "yes",
        "personal_info_system": "no",
        "priced_by_fp": "yes",
    }
    labels = {
        "SW01": ("pass", "과업심의위원회 review done; the contractor may request a 심의 and amount/period are adjusted."),
        "SW02": ("not_applicable", "Budget 5.2억 ≥ 3억, but the RFP states that no commercial SW is bought."),
        "SW03": ("pass", "상호출자제한기업집단 excluded; < 20억 so only 중소 SW사업자 may bid."),
        "SW04": ("pass", "Prior approval with a 하도급 계획서, ≤ 50%, 재하도급 prohibited, 적정성 기준 stated."),
        "SW05": ("pass", "작업장소 by mutual 협의 (remote work allowed), whether its cost is budgeted, 원격지 보안 "
                 "requirements (SER-003)."),
        "SW06": ("pass", "Joint IP ownership and a 반출 procedure (30일 통보)."),
        "SW07": ("pass", "Shared use planned with the province's 14 시·군 (range stated)."),
        "SW08": ("pass", "하자담보 1년 from 검수; scope limited to 하자 (no new features)."),
        "SW09": ("pass", "Requirements are functional (COR-001 asks for standard SQL, no product). The product names "
                 "in Ⅱ-2 (CentOS 7, MariaDB 10.3, Apache Tomcat 8.5) describe the 현행 시스템 and are not "
                 "violations; the 특정 상표 금지 / 동등 이상 clause is stated."),
        "SW10": ("pass", "협상에 의한 계약 (지방계약법 시행령 제43조)."),
        "SW11": ("pass", "기술 90 : 가격 10."),
        "SW12": ("pass", "기술성 평가기준 지침 applied; 차등점수제 not applied (stated)."),
        "SW13": ("not_applicable", "5.2억 < 20억 (stated)."),
        "SW14": ("pass", "21 requirements split by type with IDs and details; no open catch-all."),
        "SW15": ("pass", "적정 사업기간 산정 기준 applied; 종합산정서 attached (붙임 2)."),
        "SW16": ("pass", "FP-priced; the RFP states that staff numbers, grades and periods are not required "
                 "or managed, and no staffing demand appears."),
        "SW17": ("pass", "영향평가 done; 결과서 attached (붙임 1)."),
        "SW18": ("pass", "SW사업 정보 submission after contract and after completion."),
        "SEC01": ("pass", "시큐어코딩 and 보안약점 진단 by a 진단원 with a certified tool, with fixes."),
        "SEC02": ("not_applicable", "No network or information-security equipment is bought."),
        "SEC03": ("pass", "보안서약서, 누출금지 정보 (붙임 3), 반출 승인, return and deletion at the end."),
        "DATA01": ("pass", "DB 표준화 지침, 행정표준코드 and 데이터 품질진단 required."),
        "DATA02": ("pass", "개방데이터 목록 and metadata for the 공공데이터포털."),
        "DATA03": ("pass", "행정정보 데이터세트 기록 유형 구분 and 기록관리 절차 required."),
        "PRIV01": ("not_applicable", "Personal data limited to accounts and about 8천 산주 contacts: below the "
                   "영향평가 thresholds (stated)."),
        "PROC01": ("not_applicable", "추정가격 < 20억 (5.2억 incl. VAT); no 설명회 (stated)."),
    }
    return Sample("rfp_compliant", "산림병해충 예찰·방제 정보시스템 고도화 사업 제안요청서", "한결도 산림환경연구원",
                  nodes, facts, labels, ("docx", "pdf"))


# --------------------------------------------------------------------------------------------
# Sample 3: 새솔시설관리공단 통합예약시스템 유지관리 및 기능개선 (HWPX, a few violations)
# --------------------------------------------------------------------------------------------


def sample_hwpx() -> Sample:
    nodes: list[Node] = [
        COVER([
            ("공공체육시설 통합예약시스템", 22, True),
            ("유지관리 및 기능개선 용역", 22, True),
            ("제 안 요 청 서", 26, True),
            ("2025. 11.", 14, False),
            ("새솔시설관리공단", 14, True),
        ]),
        TOC(),
        # ---------------------------------------------------------------- Ⅰ
        H(0, "Ⅰ. 사업 개요"),
        H(1, "1. 사업 개요"),
        T([
            ["구 분", "내 용"],
            ["사 업 명", "공공체육시설 통합예약시스템 유지관리 및 기능개선 용역"],
            ["사업기간", "[[duration|2026. 1. 1. ~ 2026. 12. 31.(12개월)]]"],
            ["사업예산", "[[budget|금 340,000,000원(부가가치세 포함)]]"],
            ["계약방법", "협상에 의한 계약"],
            ["발주기관", "새솔시설관리공단 정보전략팀"],
        ], [3.5, 13.0]),
        H(1, "2. 추진 배경"),
        B("○ 공단은 체육관, 수영장, 풋살장 등 42개 공공체육시설의 예약을 통합예약시스템으로 운영하고 있으며, "
          "회원 약 12만 명이 연간 약 48만 건의 예약을 이용하고 있음"),
        B("○ 안정적인 서비스 운영을 위한 유지관리와 함께, 모바일 예약 편의 개선, 대기자 자동 배정, "
          "이용 통계 분석 등 이용자 요구가 많은 기능을 개선하고자 함"),
        H(1, "3. 사업 범위"),
        T([
            ["구 분", "주요 내용"],
            ["유지관리·운영", "시스템 모니터링, 장애 대응, 백업, 정기 점검, 운영 보고"],
            ["기능개선", "모바일 예약 화면 개선, 대기자 자동 배정, 이용 통계 데이터베이스와 대시보드 구축, 환불 처리 개선"],
        ], [4.0, 12.5]),
        H(1, "4. 사업 예산 및 대가 산정"),
        T([
            ["구 분", "금액(원)", "산정 방식"],
            ["유지관리·운영", "265,000,000", "고정비(월 정액)"],
            ["기능개선", "75,000,000", "기능점수(FP)"],
            ["합 계", "340,000,000", "부가가치세 포함"],
        ], [5.0, 4.5, 7.0]),
        B("○ (대가 산정) 유지관리·운영 부문은 월 정액의 고정비 방식으로, 기능개선 부문은 기능점수(FP) 방식으로 산정함"),
        B("○ [[SW02|본 사업에는 직접구매 대상 상용SW가 없음]]"),
        B("○ [[SW15|기능개선 부문의 수행 기간은 적정 사업기간 산정 기준에 따라 산정하였으며, 적정 사업기간 종합산정서를 붙임 2로 첨부함]]"),
        # ---------------------------------------------------------------- Ⅱ
        H(0, "Ⅱ. 현황"),
        H(1, "1. 현행 시스템 현황"),
        T([
            ["구 분", "현 황"],
            ["서버", "가상서버 6식(공단 전산실)"],
            ["DBMS", "Tibero 6"],
            ["WAS / 웹서버", "JEUS 8 / WebtoB 5"],
            ["개발 프레임워크", "전자정부 표준프레임워크 3.10"],
            ["회원 및 예약", "회원 약 12만 명, 연간 예약 약 48만 건"],
            ["외부 연계", "결제대행 서비스, 본인확인 서비스, 문자발송 서비스"],
        ], [4.0, 12.5]),
        H(1, "2. 운영 현황 및 개선 요구"),
        T([
            ["구 분", "현황 및 요구"],
            ["장애", "2024년 장애 11건(결제 연계 6건, 서버 자원 부족 3건, 기타 2건)"],
            ["모바일", "예약의 71%가 모바일에서 이루어지나 화면이 PC 기준으로 구성됨"],
            ["대기자", "취소 발생 시 담당자가 대기자에게 전화로 개별 안내"],
            ["통계", "시설별 가동률과 이용자 분석 자료를 수작업으로 작성"],
        ], [4.0, 12.5]),
        # ---------------------------------------------------------------- Ⅲ
        H(0, "Ⅲ. 과업 내용"),
        H(1, "1. 유지관리·운영 과업"),
        REQ("OPR-001", "시스템 운영", "운영",
            "통합예약시스템의 안정적 운영",
            ["○ 서버, 데이터베이스, 응용 프로그램의 상태를 상시 모니터링",
             "○ 장애 등급별 조치 기준: 1등급 1시간 이내, 2등급 4시간 이내, 3등급 1일 이내 복구",
             "○ 일 단위 증분 백업, 주 단위 전체 백업과 분기별 복구 훈련"],
            "운영 일지, 장애 처리 보고서"),
        REQ("OPR-002", "운영 인력 및 근무", "운영",
            "유지관리·운영 인력의 근무 형태",
            ["○ [[?SW16|운영 인력 3명은 협의된 작업장소에 상주하며 평일 09:00~18:00 서비스 운영을 지원]]",
             "○ 야간·휴일에는 원격 모니터링과 비상 연락 체계를 운영"],
            "비상 연락 체계도"),
        REQ("OPR-003", "정기 점검 및 보고", "운영",
            "정기 점검과 운영 실적 보고",
            ["○ 월 1회 정기 점검을 실시하고 점검 결과를 보고",
             "○ 월간 운영 보고서(장애, 요청 처리, 자원 사용 추이)를 제출"],
            "정기 점검 보고서, 월간 운영 보고서"),
        H(1, "2. 기능개선 과업"),
        REQ("SFR-001", "모바일 예약 화면 개선", "기능",
            "모바일 환경에 맞춘 예약 화면 재구성",
            ["○ 시설 검색, 일정 선택, 결제 단계를 모바일 화면에 맞추어 재설계",
             "○ 예약 단계를 현재 6단계에서 4단계 이내로 축소",
             "○ 웹 접근성 기준을 준수"],
            "화면설계서"),
        REQ("SFR-002", "대기자 자동 배정", "기능",
            "예약 취소 시 대기자에게 자동으로 배정하는 기능",
            ["○ 시설·시간대별 대기 신청(최대 5명)",
             "○ 취소 발생 시 대기 순서에 따라 자동 배정하고 알림 발송",
             "○ 배정 후 2시간 안에 결제하지 않으면 다음 대기자에게 배정"],
            "업무흐름도"),
        REQ("SFR-003", "이용 통계 데이터베이스 및 대시보드", "기능",
            "시설 이용 통계를 위한 데이터베이스와 분석 화면",
            ["○ 시설별 가동률, 시간대별 이용률, 이용자 연령대 분포를 산출하는 통계 데이터베이스 구축",
             "○ 관리자용 대시보드와 월간 통계 보고서 내려받기"],
            "통계 항목 정의서"),
        REQ("SFR-004", "환불 처리 개선", "기능",
            "예약 취소에 따른 환불의 자동 처리",
            ["○ 환불 규정(이용일 기준 기간별 환불률)에 따른 환불 금액 자동 계산",
             "○ 결제대행 서비스와 연계한 환불 자동 처리와 결과 통지"],
            "연계 명세서"),
        H(1, "3. 데이터·보안 요구사항"),
        REQ("DAR-001", "데이터베이스 표준화 및 품질", "데이터",
            "신규 통계 데이터베이스의 설계 표준과 품질",
            ["○ [[DATA01|통계 데이터베이스는 「공공기관의 데이터베이스 표준화 지침」에 따라 설계하고, 코드는 행정표준코드를 우선 적용하여야 함]]",
             "○ [[DATA01|구축 완료 시 데이터 품질진단을 실시하여 결과를 제출하여야 함]]"],
            "데이터 표준 정의서, 품질진단 결과서"),
        REQ("DAR-002", "공공데이터 및 기록관리", "데이터",
            "개방데이터 제공과 기록관리",
            ["○ [[DATA02|시설 목록, 시설별 이용 현황 등 개방 가능한 데이터의 공공데이터 목록과 메타데이터를 현행화하여 제출하여야 함]]",
             "○ [[DATA03|예약·환불 처리 기록 등 행정정보 데이터세트의 기록 유형을 구분하고, 기록관리 절차에 따라 보존할 수 있도록 하여야 함]]"],
            "개방데이터 목록"),
        REQ("SER-001", "소프트웨어 개발보안", "보안",
            "기능개선 소스코드의 보안약점 제거",
            ["○ [[SEC01|기능개선 부문은 소프트웨어 개발보안 기준에 따라 시큐어코딩을 적용하여야 함]]",
             "○ [[SEC01|기능개선 완료 후 보안약점 진단원이 인증된 진단도구로 보안약점을 진단하고 조치 결과를 제출하여야 함]]"],
            "보안약점 진단 결과서"),
        REQ("SER-002", "용역업체 보안관리 및 개인정보 보호", "보안",
            "자료 유출 방지와 개인정보 보호",
            ["○ [[SEC03|계약상대자와 참여 인력은 착수 시 보안서약서를 제출하여야 함]]",
             "○ [[SEC03|누출금지 대상 정보(회원 정보, 시스템 구성 정보, 계정 정보)를 외부로 반출하여서는 아니 됨]]",
             "○ [[SEC03|사업 종료 시 보유 자료를 반납하고 삭제 확인서를 제출하여야 함]]",
             "○ [[PRIV01|시스템은 회원 약 12만 명의 개인정보를 처리하나 고유식별정보는 수집하지 않아, 개인정보 영향평가 의무 대상 규모에 해당하지 않음]]"],
            "보안서약서, 삭제 확인서"),
        H(1, "4. 제약사항"),
        REQ("COR-001", "기반 소프트웨어 및 표준", "제약사항",
            "기능개선 부문의 기반 소프트웨어와 개발 표준",
            ["○ 현행 전자정부 표준프레임워크 기반 구조를 유지하여 개발",
             "○ [[SW09|신규 구축하는 통계 DB는 Tibero 7 이상으로 구성]]하여야 함"],
            "기반SW 구성 명세서"),
        H(1, "5. 사업 관리 및 하자보수"),
        REQ("PMR-001", "사업 관리", "프로젝트 관리",
            "사업 계획과 보고",
            ["○ 착수 후 10일 이내에 사업수행계획서를 제출",
             "○ 월간 보고와 분기별 점검 회의를 실시"],
            "사업수행계획서"),
        REQ("PMR-002", "기능개선 수행 조직", "프로젝트 관리",
            "기능개선 부문의 수행 조직",
            ["○ [[SW16|기능개선 개발인력은 고급기술자 이상 2명으로 구성하여야 하며]], 착수 시 경력증명서를 제출",
             "○ [[SW16|기능개선 인력을 교체하려는 경우 공단의 사전 승인을 받아야 함]]"],
            "수행 조직도"),
        REQ("PSR-001", "하자보수", "프로젝트 지원",
            "기능개선 결과물의 하자보수",
            ["○ [[SW08|기능개선 부문의 하자담보 책임기간은 검수 완료일로부터 24개월로 함]]",
             "○ 하자 접수 후 1일 이내에 조치 계획을 통보"],
            "하자보수 계획서"),
        # ---------------------------------------------------------------- Ⅳ
        H(0, "Ⅳ. 제안서 작성 및 평가"),
        H(1, "1. 제안서 작성"),
        B("○ 제안서는 유지관리·운영 방안과 기능개선 방안을 구분하여 작성함"),
        B("○ 제출 일시와 방법은 입찰공고문에 따르며, [[PROC01|제안요청 설명회는 개최하지 않음]]"),
        H(1, "2. 평가 방법"),
        B("○ [[SW10|본 사업은 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따른 협상에 의한 계약으로 추진함]]"),
        B("○ [[SW11|기술능력평가 90점, 가격평가 10점으로 평가함]]"),
        B("○ [[SW12|평가 항목은 「소프트웨어 기술성 평가기준 지침」에 따르며, 차등점수제는 적용하지 않음]]"),
        T([
            ["평가 부문", "평가 항목", "배점"],
            ["기술능력평가", "유지관리·운영 방안", "35"],
            ["", "기능개선 방안", "30"],
            ["", "보안 및 품질", "10"],
            ["", "사업 관리", "15"],
            ["가격평가", "입찰가격", "10"],
            ["합 계", "", "100"],
        ], [4.5, 9.0, 3.0], merges=[(1, 0, 4, 0), (6, 0, 6, 1)]),
        # ---------------------------------------------------------------- Ⅴ
        H(0, "Ⅴ. 계약 조건 및 기타 사항"),
        H(1, "1. 과업심의 및 입찰 참가"),
        B("○ [[SW01|본 사업의 과업 내용은 과업심의위원회의 심의를 거쳐 확정하였음]]"),
        B("○ [[SW01|계약상대자는 과업 변경이 필요한 경우 과업심의위원회 개최를 요청할 수 있으며, 공단은 심의 결과에 따라 계약금액과 계약기간을 조정함]]"),
        B("○ [[SW03|상호출자제한기업집단 소속회사는 「소프트웨어 진흥법」 제48조에 따라 입찰에 참가할 수 없음]]"),
        B("○ [[SW03|본 사업은 사업금액 20억원 미만으로 중소 소프트웨어사업자의 참여를 지원함]]"),
        H(1, "2. 하도급 및 작업장소"),
        B("○ [[SW04|하도급은 공단의 사전 승인을 받은 경우에 한하여 사업금액의 50% 이내에서 할 수 있으며, 재하도급은 허용하지 않음]]"),
        B("○ [[SW04|하도급을 하려는 경우 하도급 계획서를 제안서와 함께 제출하여야 함]]"),
        B("○ [[SW05|작업장소는 공단과 계약상대자가 상호 협의하여 정하며, 기능개선 개발은 원격지에서 수행할 수 있음]]"),
        B("○ [[SW05|원격지 작업 시 작업장소의 출입 통제와 망분리 등 공단의 보안 기준을 준수하여야 함]]"),
        H(1, "3. 지식재산권"),
        B("○ [[SW06|기능개선 결과물의 지식재산권은 공단과 계약상대자가 공동으로 소유함]]"),
        B("○ [[SW06|계약상대자는 공단의 보안 검토를 거쳐 산출물을 반출하여 활용할 수 있음]]"),
        H(1, "4. 기타 사항"),
        B("○ [[SW13|본 사업은 총사업예산 20억원 미만으로 제안서 보상 대상이 아님]]"),
        B("○ [[SW17|소프트웨어사업 영향평가 결과서를 붙임 1로 첨부함]]"),
        B("○ 이 제안요청서에 정하지 않은 사항은 관계 법령과 용역계약 일반조건에 따름"),
        P(""),
        P("붙임 1. 소프트웨어사업 영향평가 결과서 1부.", bold=True),
        P("붙임 2. 적정 사업기간 종합산정서 1부.  끝.", bold=True),
    ]
    facts = {
        "doc_type": "제안요청서",
        "public_sw_project": True,
        "budget_krw": 340000000,
        "budget_vat": "included",
        "duration_months": 12,
        "contract_method": "협상",
        "project_kinds": ["유지관리운영", "고도화"],
        "buys_commercial_sw": "no",
        "buys_network_or_security_equipment": "no",
        "builds_db": "yes",
        "personal_info_system": "yes",
        "priced_by_fp": "yes",
    }
    labels = {
        "SW01": ("pass", "과업심의위원회 review done; the contractor may request a 심의 with amount/period adjustment."),
        "SW02": ("not_applicable", "Budget 3.4억 ≥ 3억, but no commercial SW is bought (stated)."),
        "SW03": ("pass", "상호출자제한기업집단 excluded; 중소 SW사업자 participation supported (< 20억)."),
        "SW04": ("pass", "Prior approval, ≤ 50%, 재하도급 not allowed, 하도급 계획서 submitted."),
        "SW05": ("pass", "작업장소 by mutual 협의, remote development allowed, 원격지 보안 rules. The 운영 staff "
                 "work at the agreed place, which is not a unilateral 상주 order."),
        "SW06": ("pass", "Joint IP ownership; the contractor may take deliverables out after a security review."),
        "SW07": ("missing", "The 기능개선 part is SW development: looked for a statement on shared use (공동활용) "
                 "of the developed SW with other agencies: none."),
        "SW08": ("violation", "하자담보 24개월 for the 기능개선 (development) part (> 1년)."),
        "SW09": ("violation", "COR-001 requires 'Tibero 7 이상' for the new statistics DB. 'Tibero 6' and "
                 "'JEUS 8 / WebtoB 5' in the 현행 시스템 table are legitimate context."),
        "SW10": ("pass", "협상에 의한 계약."),
        "SW11": ("pass", "기술 90 : 가격 10."),
        "SW12": ("pass", "기술성 평가기준 지침; 차등점수제 not applied (stated)."),
        "SW13": ("not_applicable", "3.4억 < 20억 (stated)."),
        "SW14": ("pass", "Operation and development requirements are itemised with IDs; no open catch-all."),
        "SW15": ("pass", "The 기능개선 period is set by the 적정 사업기간 산정 기준; 종합산정서 attached (붙임 2)."),
        "SW16": ("violation", "Mixed project with stated pricing: the 기능개선 part is FP-priced and its staff are "
                 "specified by grade and number and their replacement needs approval. The 운영 staffing "
                 "('운영 인력 3명은 협의된 작업장소에 상주') is fixed-cost operation and is not the violation."),
        "SW17": ("pass", "영향평가 결과서 attached (붙임 1)."),
        "SW18": ("missing", "유지관리·운영 and development with 3.4억 ≥ 1억: looked for SW사업 정보 submission "
                 "(SW사업정보 저장소, 제46조): none."),
        "SEC01": ("pass", "시큐어코딩 and 보안약점 진단 for the development part."),
        "SEC02": ("not_applicable", "No network or information-security equipment is bought."),
        "SEC03": ("pass", "보안서약서, 누출금지 정보, return and deletion at the end."),
        "DATA01": ("pass", "New statistics DB: DB 표준화 지침, 행정표준코드, 품질진단."),
        "DATA02": ("pass", "공공데이터 목록·메타데이터 kept current and submitted."),
        "DATA03": ("pass", "행정정보 데이터세트 기록 유형 구분 and 기록관리 절차."),
        "PRIV01": ("not_applicable", "About 12만 members, no 고유식별정보: below the 영향평가 thresholds (stated)."),
        "PROC01": ("not_applicable", "추정가격 < 20억; no 설명회 (stated)."),
    }
    return Sample("rfp_sample", "공공체육시설 통합예약시스템 유지관리 및 기능개선 용역 제안요청서", "새솔시설관리공단",
                  nodes, facts, labels, ("hwpx",))


# --------------------------------------------------------------------------------------------
# Sample 4: 다온군 농업기술센터 누리집 개편 과업지시서 (plain text, short)
# --------------------------------------------------------------------------------------------


def sample_short() -> Sample:
    nodes: list[Node] = [
        COVER([("다온군 농업기술센터 누리집 개편 용역 과업지시서", 14, True),
               ("2025. 5.  다온군 농업기술센터 농업정보팀", 10, False)]),
        H(0, "1. 과업 개요"),
        B("가. 용역명: 다온군 농업기술센터 누리집 개편 용역", 0),
        B("나. 용역기간: [[duration|계약일로부터 5개월]]", 0),
        B("다. 소요예산: [[budget|금 95,000,000원(부가가치세 포함)]]", 0),
        B("라. 목적: 농업인 교육 신청, 영농 기술 정보, 농기계 임대 안내 등 흩어진 누리집 메뉴를 이용자 중심으로 재구성하고 모바일 환경을 지원함", 0),
        H(0, "2. 과업 범위"),
        B("가. 누리집 정보구조 재설계와 화면 디자인 개편(반응형 웹)", 0),
        B("나. 교육 신청, 농기계 임대 예약 화면 개선", 0),
        B("다. 콘텐츠 관리 기능 개선(게시판 12종 통합 관리)", 0),
        B("라. 웹 접근성 품질인증 획득 지원", 0),
        B("마. [[SW14|기타 발주기관이 필요하다고 판단하는 사항은 과업에 포함]]하여 수행함", 0),
        H(0, "3. 세부 과업 내용"),
        B("가. 정보구조 설계: 현행 메뉴 96개를 분석하여 이용 빈도에 따라 재배치하고 메뉴 체계도를 작성", 0),
        B("나. 화면 개편: 주요 화면 40종을 반응형으로 설계·구현하고 화면 설계서를 제출", 0),
        B("다. 교육 신청: 교육 과정별 정원, 대기 신청, 신청 결과 문자 안내 기능 구현", 0),
        B("라. 농기계 임대: 기종별 보유 현황과 예약 가능일 표시 기능 구현", 0),
        B("마. 데이터: [[DATA01|기존 데이터베이스 구조는 유지]]하며 게시물 약 1만 8천 건을 새 화면에 맞추어 정리", 0),
        H(0, "4. 보안 및 품질"),
        B("가. [[SEC01|누리집 개발 시 소프트웨어 개발보안 가이드에 따른 시큐어코딩을 적용]]하여야 함", 0),
        B("나. [[SEC03|계약상대자는 과업 착수 시 참여 인력의 보안서약서를 제출하고, 과업 수행 중 취득한 자료를 외부에 누출하여서는 아니 되며, 과업 종료 시 관련 자료를 반납하고 삭제하여야 함]]", 0),
        B("다. [[PRIV01|누리집에는 회원가입 기능을 두지 않으며, 교육 신청 시 성명과 연락처만 수집함]]", 0),
        B("라. 교육 신청자의 개인정보는 교육 종료 후 1년이 지나면 파기하는 기능을 구현함", 0),
        H(0, "5. 수행 조건"),
        B("가. [[SW01|과업 범위 내의 경미한 변경 사항은 별도의 비용을 청구하지 않고 수행]]하여야 함", 0),
        B("나. [[SW04|하도급 및 재하도급은 계약상대자의 책임 아래 자율적으로 할 수 있음]]", 0),
        B("다. [[SW08|하자보수 기간은 검수일로부터 1년으로 함]]", 0),
        B("라. 과업 완료 시 소스코드, 화면 설계서, 운영자 매뉴얼을 제출함", 0),
        B("마. 이 과업지시서에 정하지 않은 사항은 용역계약 일반조건에 따름", 0),
        H(0, "6. 제출 산출물"),
        T([
            ["단 계", "산출물", "제출 시기"],
            ["착수", "사업수행계획서, 보안서약서", "착수 후 7일 이내"],
            ["설계", "메뉴 체계도, 화면 설계서", "설계 완료 시"],
            ["구현·시험", "시험 결과서, 웹 접근성 점검 결과서", "시험 완료 시"],
            ["완료", "소스코드, 운영자 매뉴얼, 완료 보고서", "검수 요청 시"],
        ], [3.0, 8.0, 4.0]),
    ]
    facts = {
        "doc_type": "과업지시서",
        "public_sw_project": True,
        "budget_krw": 95000000,
        "budget_vat": "included",
        "duration_months": 5,
        "contract_method": "unknown",
        "project_kinds": ["홈페이지앱", "고도화"],
        "buys_commercial_sw": "no",
        "buys_network_or_security_equipment": "no",
        "builds_db": "no",
        "personal_info_system": "no",
        "priced_by_fp": "unknown",
    }
    labels = {
        "SW01": ("violation", "The contractor must carry out scope changes without charging ('별도의 비용을 청구하지 "
                 "않고'); no 과업심의위원회 statement either."),
        "SW02": ("not_applicable", "0.95억 < 3억."),
        "SW03": ("missing", "Looked for 상호출자제한기업집단 restriction or 중소 SW사업자 support: none."),
        "SW04": ("violation", "하도급 and 재하도급 left to the contractor without approval or a ratio limit."),
        "SW05": ("missing", "Looked for 작업장소 협의: none."),
        "SW06": ("missing", "Looked for 지식재산권 ownership / 산출물 반출: none (only delivery of source code)."),
        "SW07": ("missing", "Looked for a 공동활용 statement: none."),
        "SW08": ("pass", "하자보수 1년 from 검수."),
        "SW09": ("pass", "No product, brand or model is named."),
        "SW10": ("not_applicable", "과업지시서 without an evaluation section."),
        "SW11": ("not_applicable", "과업지시서 without an evaluation section."),
        "SW12": ("not_applicable", "과업지시서 without an evaluation section."),
        "SW13": ("not_applicable", "0.95억 < 20억."),
        "SW14": ("violation", "Open catch-all: '기타 발주기관이 필요하다고 판단하는 사항은 과업에 포함'."),
        "SW15": ("not_applicable", "SW개발 of 0.95억 ≤ 1억."),
        "SW16": ("pass", "No headcount, grade, M/M, 상주 or replacement approval is demanded."),
        "SW17": ("missing", "Public homepage redevelopment (not exempt): looked for SW사업 영향평가: none."),
        "SW18": ("not_applicable", "0.95억 < 1억."),
        "SEC01": ("pass", "시큐어코딩 required (보안약점 진단 not mandatory: 개발비 < 1억, no 감리)."),
        "SEC02": ("not_applicable", "No network or security equipment."),
        "SEC03": ("pass", "보안서약서, no disclosure, return and deletion at the end."),
        "DATA01": ("not_applicable", "The existing DB structure is kept; no DB design or build."),
        "DATA02": ("missing", "System (re)build: looked for 공공데이터 목록/개방 submission: none."),
        "DATA03": ("missing", "System (re)build: looked for 기록관리 / 행정정보 데이터세트: none."),
        "PRIV01": ("not_applicable", "No member database; only names and contacts of course applicants."),
        "PROC01": ("not_applicable", "0.95억 < 20억."),
    }
    return Sample("rfp_short", "다온군 농업기술센터 누리집 개편 용역 과업지시서", "다온군 농업기술센터",
                  nodes, facts, labels, ("txt",))


# --------------------------------------------------------------------------------------------
# Sample 5: 미르도 청년 통합지원 플랫폼 구축 (SW clauses in order; every security, data, privacy
# and procedure requirement absent or present only as a look-alike)
# --------------------------------------------------------------------------------------------


def sample_security_gaps() -> Sample:
    nodes: list[Node] = [
        COVER([
            ("미르도 청년 통합지원 플랫폼 구축 사업", 22, True),
            ("제 안 요 청 서", 26, True),
            ("2025. 5.", 14, False),
            ("미르도 청년정책과", 14, True),
        ]),
        TOC(),
        # ---------------------------------------------------------------- Ⅰ
        H(0, "Ⅰ. 사업 개요"),
        H(1, "1. 사업 개요"),
        T([
            ["구 분", "내 용"],
            ["사 업 명", "미르도 청년 통합지원 플랫폼 구축 사업"],
            ["사업기간", "[[duration|계약일로부터 12개월]]"],
            ["사업예산", "[[budget|금 2,750,000,000원(부가가치세 포함)]]"],
            ["계약방법", "제한경쟁입찰, 협상에 의한 계약"],
            ["대가산정", "소프트웨어 개발비는 기능점수(FP) 방식, 장비 도입비는 조달 단가를 기준으로 산정"],
            ["발주기관", "미르도 청년정책과"],
        ], [3.5, 13.0]),
        H(1, "2. 추진 배경 및 필요성"),
        B("○ 도와 시·군이 운영하는 청년 지원 사업은 수당, 주거, 일자리, 교육의 4개 분야 60여 개에 이르지만 "
          "사업마다 신청 창구와 자격 확인 방법이 달라, 청년이 자신에게 맞는 지원을 찾기 어려움"),
        B("○ 청년수당, 월세 지원, 구직활동 지원은 신청 시스템이 따로 구축되어 있어 같은 서류를 여러 번 내야 "
          "하고, 담당 부서는 자격을 확인하기 위해 제출 서류를 하나하나 대조하고 있음"),
        B("○ 한 번의 회원가입으로 모든 청년 지원 사업을 찾아 신청하고 처리 상황을 확인할 수 있는 대국민 통합 "
          "플랫폼을 새로 구축하여, 신청 편의와 행정 효율을 함께 높이고자 함"),
        H(1, "3. 사업 범위"),
        T([
            ["구 분", "주요 내용"],
            ["통합 회원·본인확인", "도민 회원가입, 휴대전화 본인확인, 기존 3개 신청 시스템 회원의 통합 전환"],
            ["통합 신청·자격 확인", "지원사업 검색과 맞춤 추천, 온라인 신청, 자격 자동 판정, 처리 상황 안내"],
            ["심사·지급 관리", "도·시·군 담당자 심사, 지급 결정, 사후 관리"],
            ["통계·대시보드", "분야별 신청·지급 현황과 정책 지표"],
            ["데이터베이스 구축", "통합 회원·신청 데이터베이스 설계·구축, 기존 시스템 자료 이관"],
            ["인프라 구축", "대국민 서비스 구간의 L3 스위치, 방화벽, 웹방화벽 도입과 구성"],
            ["교육·지원", "사용자·관리자 교육, 기술이전, 안정화 지원, 하자보수"],
        ], [4.0, 12.5]),
        H(1, "4. 사업 예산"),
        T([
            ["구 분", "금액(원)", "비 고"],
            ["소프트웨어 개발비", "2,080,000,000", "기능점수(FP) 방식 산정"],
            ["장비 도입비", "340,000,000", "L3 스위치, 방화벽, 웹방화벽"],
            ["데이터 이관비", "170,000,000", "기존 3개 시스템의 회원·신청 이력"],
            ["직접경비", "160,000,000", "원격지 작업장소 운영, 성능 시험, 웹 접근성 인증"],
            ["합 계", "2,750,000,000", "부가가치세 포함"],
        ], [5.0, 4.5, 7.0]),
        P("※ 분리발주하는 상용SW의 구매 비용은 위 예산에 들어 있지 않으며 도가 따로 집행함", indent=1),
        H(1, "5. 상용SW 직접구매(분리발주) 계획"),
        B("○ [[SW02|본 사업에 쓰이는 상용SW 가운데 직접구매 대상은 「소프트웨어 진흥법」 제54조에 따라 도가 분리발주하여 직접 구매함]]"),
        T([
            ["품 목", "수량", "추정금액(원)", "구매 방법"],
            ["통합검색 엔진", "1식", "85,000,000", "경쟁입찰(성능평가 실시)"],
            ["보고서 생성 도구", "1식", "55,000,000", "디지털서비스몰 구매"],
        ], [5.5, 2.0, 3.5, 5.5]),
        B("○ [[SW02|직접구매 대상 상용SW의 구매계획서(별지 제2호 서식)를 붙임 2로 첨부함]]"),
        B("○ [[SW02|경쟁입찰로 구매하는 통합검색 엔진은 성능평가(BMT)를 거쳐 선정함]]"),
        B("○ 계약상대자는 도가 구매한 상용SW를 플랫폼에 설치·연계하고, 제품 공급자와 함께 통합 시험을 마쳐야 함"),
        H(1, "6. 추진 일정"),
        T([
            ["단 계", "기 간", "주요 활동"],
            ["착수·분석", "1~2개월", "사업수행계획 수립, 현행 업무 분석, 요구사항 확정"],
            ["설 계", "2~4개월", "아키텍처, 화면, 데이터베이스 설계, 장비 구성 설계"],
            ["구현·도입", "4~9개월", "기능·연계 개발, 장비 설치, 이관 프로그램 개발"],
            ["시험·이관", "9~11개월", "통합·성능 시험, 자료 이관, 장비 점검"],
            ["개통·안정화", "11~12개월", "시범 서비스, 사용자 교육, 검수"],
        ], [3.5, 3.0, 10.0]),
        B("○ [[SW15|사업기간은 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제10조의 적정 사업기간 산정 기준에 따라 정하였고, 적정 사업기간 종합산정서를 붙임 3으로 첨부함]]"),
        H(1, "7. 기대 효과"),
        B("○ (청년) 한 번의 가입과 본인확인으로 도와 시·군의 청년 지원 사업을 모두 신청하고 결과를 확인"),
        B("○ (행정) 자격 자동 판정으로 서류 대조 업무를 줄이고 평균 처리기간을 14일에서 7일 이내로 단축"),
        B("○ (정책) 분야별 신청·수혜 현황을 한눈에 보아 중복 수혜와 사각지대를 줄이는 정책 근거 마련"),
        H(1, "8. 관련 법령 및 지침"),
        B("○ 본 사업과 관련된 주요 법령과 지침은 다음과 같음"),
        B("- 「소프트웨어 진흥법」 및 같은 법 시행령", indent=2),
        B("- [[?SEC01|「소프트웨어 개발보안 가이드」(행정안전부)]]", indent=2),
        B("- [[?PRIV01|「개인정보 영향평가에 관한 고시」(개인정보보호위원회 고시)]]", indent=2),
        B("- [[?DATA02|「공공데이터 관리지침」(행정안전부 고시)]]", indent=2),
        B("- [[?DATA01|「공공기관의 데이터베이스 표준화 지침」(행정안전부 고시)]]", indent=2),
        B("- 「전자정부법」 및 같은 법 시행령", indent=2),
        # ---------------------------------------------------------------- Ⅱ
        H(0, "Ⅱ. 현황"),
        H(1, "1. 업무 현황"),
        T([
            ["분 야", "주요 지원 사업", "연간 신청(건)", "신청 경로"],
            ["수 당", "청년수당, 구직활동 지원금", "48,000", "청년수당 신청 시스템"],
            ["주 거", "월세 지원, 전세보증금 이자 지원", "31,000", "주거지원 신청 시스템"],
            ["일자리", "청년 인턴, 창업 공간 입주", "12,500", "일자리 포털, 방문"],
            ["교 육", "역량 강화 교육, 자격시험 응시료 지원", "26,000", "시·군 누리집, 방문"],
        ], [2.5, 6.0, 3.0, 5.0]),
        H(1, "2. 현행 시스템 현황"),
        T([
            ["구 분", "현 황"],
            ["신청 시스템", "청년수당 신청 시스템(2018년), 주거지원 신청 시스템(2020년), 일자리 포털(2016년)"],
            ["서버", "가상서버 6식(도 데이터센터)"],
            ["DBMS", "[[?SW09|PostgreSQL 11]](3개 시스템 공통)"],
            ["네트워크·보안 장비", "[[?SEC02|도 데이터센터 공용 방화벽 사용(CC인증 제품, 2016년 도입)]], 대국민 서비스 전용 구간 없음"],
            ["보유 자료", "3개 시스템 회원 정보 약 96만 건(중복 가입 포함), 신청 이력 약 210만 건"],
        ], [4.0, 12.5]),
        P("※ 위 표는 현행 시스템을 설명한 것이며, 새로 구축하는 플랫폼의 제품을 정한 것이 아님", indent=1),
        H(1, "3. 문제점 및 개선 방향"),
        T([
            ["문제점", "개선 방향"],
            ["지원 사업별로 나뉜 신청 창구", "하나의 회원 체계와 통합 신청 창구"],
            ["서류 대조에 의존하는 자격 확인", "행정정보 공동이용을 통한 자격 자동 판정"],
            ["시스템마다 다른 회원·신청 자료 구조", "통합 데이터베이스 설계와 자료 이관"],
            ["대국민 서비스 전용 네트워크 구간 부재", "서비스 구간 분리와 전용 장비 도입"],
        ], [8.0, 8.5]),
        # ---------------------------------------------------------------- Ⅲ
        H(0, "Ⅲ. 제안요청 내용"),
        H(1, "1. 요구사항 총괄"),
        T([
            ["구 분", "요구사항 수", "고유번호"],
            ["시스템 장비 구성 요구사항", "1", "ECR-001"],
            ["기능 요구사항", "6", "SFR-001 ~ SFR-006"],
            ["성능 요구사항", "1", "PER-001"],
            ["인터페이스 요구사항", "2", "SIR-001 ~ SIR-002"],
            ["데이터 요구사항", "2", "DAR-001 ~ DAR-002"],
            ["테스트 요구사항", "1", "TER-001"],
            ["보안 요구사항", "4", "SER-001 ~ SER-004"],
            ["품질 요구사항", "1", "QUR-001"],
            ["제약사항", "2", "COR-001 ~ COR-002"],
            ["프로젝트 관리 요구사항", "2", "PMR-001 ~ PMR-002"],
            ["프로젝트 지원 요구사항", "2", "PSR-001 ~ PSR-002"],
            ["합 계", "24", ""],
        ], [7.0, 3.0, 6.5]),
        H(1, "2. 시스템 장비 구성 요구사항"),
        REQ("ECR-001", "서비스 구간 네트워크·보안 장비 도입", "시스템 장비 구성",
            "도 데이터센터에 대국민 서비스 전용 구간을 만들기 위한 네트워크 장비와 정보보호시스템의 도입·설치",
            ["○ 아래 표의 장비를 새로 도입하여 이중화 구성으로 설치하여야 함",
             "○ 장비 설정은 도 데이터센터의 망 구성 기준에 맞추고 설정 내역서를 제출하여야 함",
             "○ 장애가 나면 4시간 안에 현장에서 지원할 수 있는 체계를 갖추어야 함"],
            "장비 구성도, 장비 설정 내역서"),
        T([
            ["품 명", "주요 규격", "수량", "설치 위치"],
            ["[[?SEC02|L3 스위치]]", "10G 포트 24개 이상, OSPF 라우팅, 이중 전원", "2대", "서비스 구간 코어"],
            ["[[?SEC02|방화벽]]", "처리성능 10Gbps 이상, 동시 세션 200만 이상, 이중화(HA)", "2대", "인터넷 경계"],
            ["웹방화벽", "HTTPS 처리 2Gbps 이상, 이중화", "2대", "웹서버 앞단"],
        ], [3.0, 8.0, 1.8, 3.7]),
        H(1, "3. 기능 요구사항"),
        REQ("SFR-001", "통합 회원가입 및 본인확인", "기능",
            "도민 청년이 하나의 계정으로 플랫폼을 이용하도록 하는 회원 기능",
            ["○ 만 19세부터 39세까지의 도민이 휴대전화 본인확인을 거쳐 회원으로 가입하는 기능",
             "○ 기존 3개 신청 시스템의 회원이 다시 가입하지 않고 본인확인만으로 통합 회원으로 전환하는 기능",
             "○ 회원 정보 변경, 탈퇴, 장기 미이용 회원 안내 기능"],
            "화면설계서, 프로그램 목록"),
        REQ("SFR-002", "지원사업 검색 및 맞춤 추천", "기능",
            "회원 조건에 맞는 지원 사업을 찾아 주는 기능",
            ["○ 분야, 지역, 연령, 소득 구간별 지원사업 검색",
             "○ 회원이 입력한 조건에 맞는 지원사업을 추천하고 신청 기간을 알림",
             "○ 시·군 담당자가 지원사업 공고를 등록·수정하는 관리 화면"],
            "화면설계서"),
        REQ("SFR-003", "온라인 신청 및 자격 판정", "기능",
            "지원 사업의 신청서 접수와 자격 자동 판정",
            ["○ 지원사업별 신청서 작성과 증빙서류 첨부(건당 20MB 이내)",
             "○ 신청인의 주민등록번호를 받아 행정정보 공동이용으로 주민등록·소득 정보를 조회하고 자격을 자동으로 판정",
             "○ 신청서 임시 저장, 제출 후 처리 상황 조회, 보완 요청 알림"],
            "업무흐름도, 자격 판정 규칙 정의서"),
        REQ("SFR-004", "심사 및 지급 관리", "기능",
            "신청 건의 심사, 지급 결정과 사후 관리",
            ["○ 도·시·군 담당자별 심사함과 심사 결과 등록",
             "○ 지급 결정, 지급 내역 관리, 중복 수혜 의심 건 표시",
             "○ 처리 결과를 문자와 알림톡으로 통지"],
            "화면설계서, 업무흐름도"),
        REQ("SFR-005", "통계 및 대시보드", "기능",
            "신청·지급 현황과 정책 지표의 조회",
            ["○ 분야별, 시·군별, 연령대별 신청과 지급 현황",
             "○ 중복 수혜율, 평균 처리기간 같은 정책 지표의 월별 추이",
             "○ 통계표를 엑셀과 CSV 파일로 내려받는 기능"],
            "통계 항목 정의서"),
        REQ("SFR-006", "관리자 기능", "기능",
            "플랫폼 운영을 위한 사용자, 권한, 코드 관리",
            ["○ 도, 시·군, 위탁기관 역할별 메뉴와 데이터 접근 권한 관리",
             "○ 지원 분야, 자격 요건, 안내문 서식 관리",
             "○ 관리자 접속 이력 조회"],
            "권한 정의서"),
        H(1, "4. 성능 요구사항"),
        REQ("PER-001", "응답 시간 및 확장성", "성능",
            "신청 마감일의 집중 접속에도 안정적인 응답",
            ["○ 동시 사용자 3,000명 환경에서 주요 화면 응답시간 3초 이내(요청의 95% 기준)",
             "○ 서버를 추가하는 것만으로 처리 용량을 늘릴 수 있는 구조로 설계",
             "○ 시험 단계에서 성능 시험을 하고 결과서를 제출"],
            "성능 시험 결과서"),
        H(1, "5. 인터페이스 요구사항"),
        REQ("SIR-001", "사용자 인터페이스", "인터페이스",
            "누구나 쉽게 쓸 수 있는 화면",
            ["○ 「한국형 웹 콘텐츠 접근성 지침」을 지키고 웹 접근성 품질인증 획득을 지원",
             "○ PC와 모바일에서 같은 기능을 쓸 수 있는 반응형 화면으로 구현"],
            "UI 표준 정의서"),
        REQ("SIR-002", "외부 시스템 연계", "인터페이스",
            "행정 시스템과 외부 정보의 연계",
            ["○ 행정정보 공동이용센터와 연계하여 주민등록·소득 정보를 조회",
             "○ 시·군 보조금 관리 시스템에 지급 결과를 전송",
             "○ [[?DATA02|공공데이터포털의 OpenAPI를 연계하여 청년 일자리 공고를 수집하고 화면에 표출]]"],
            "연계 명세서"),
        H(1, "6. 데이터 요구사항"),
        REQ("DAR-001", "통합 데이터베이스 설계 및 구축", "데이터",
            "회원, 지원사업, 신청, 심사, 지급 정보를 관리하는 데이터베이스",
            ["○ 회원, 지원사업, 신청, 심사, 지급 정보를 관리하는 통합 데이터베이스를 설계·구축하여야 함",
             "○ 논리·물리 데이터 모델과 테이블 정의서를 작성하여 제출",
             "○ 회원 약 150만 명 규모와 연간 신청 증가량을 고려하여 저장 용량을 산정"],
            "데이터 모델, 테이블 정의서"),
        REQ("DAR-002", "기존 자료 이관", "데이터",
            "기존 3개 신청 시스템 자료의 이관",
            ["○ 기존 시스템의 회원 정보와 신청 이력을 새 데이터베이스 구조로 변환하여 적재",
             "○ 이관 대상과 변환 규칙을 정한 이관 계획서를 작성하여 도의 승인을 받아야 함",
             "○ 시스템별 이관 건수를 정리한 이관 결과 보고서를 제출"],
            "이관 계획서, 이관 결과 보고서"),
        H(1, "7. 테스트 요구사항"),
        REQ("TER-001", "시험 및 검수", "테스트",
            "단위·통합·인수 시험의 수행",
            ["○ 시험 계획서에 시험 범위, 시나리오, 합격 기준을 정의",
             "○ 요구사항 추적표로 모든 요구사항의 충족 여부를 확인",
             "○ 발견된 결함은 검수 전까지 고치고 다시 시험"],
            "시험 계획서, 시험 결과서, 요구사항 추적표"),
        H(1, "8. 보안 요구사항"),
        REQ("SER-001", "접근통제 및 인증", "보안",
            "사용자와 관리자의 접근 통제",
            ["○ 역할 기반 접근통제로 도·시·군 담당자의 메뉴와 데이터 접근 범위를 구분",
             "○ 관리자 화면은 내부망에서만 접속하도록 하고 2단계 인증을 적용",
             "○ 5회 연속으로 인증에 실패하면 계정을 잠금"],
            "접근통제 정의서"),
        REQ("SER-002", "개인정보 보호", "보안",
            "회원 개인정보의 안전한 처리",
            ["○ 본 플랫폼은 [[?PRIV01|회원 약 150만 명의 개인정보를 처리하며, 지원 자격을 확인하기 위하여 주민등록번호 등 고유식별정보를 수집함]]",
             "○ 주민등록번호는 암호화하여 저장하고, 화면에는 뒷자리를 가려서 표시",
             "○ 개인정보를 조회하거나 내려받은 기록을 남기고 2년간 보관"],
            "개인정보 처리 흐름도"),
        REQ("SER-003", "서버·네트워크 보안 점검", "보안",
            "서비스 개시 전 인프라 보안 점검",
            ["○ [[?SEC01|서비스 개시 전 운영 서버, 운영체제와 네트워크 장비의 취약점을 점검하고 조치 결과를 제출하여야 함]]",
             "○ [[?SEC03|계약상대자는 보안 관련 법령과 도의 정보보안 규정을 준수하여야 함]]"],
            "인프라 점검 결과서"),
        REQ("SER-004", "원격지 개발 보안", "보안",
            "원격지 작업장소의 보안 통제",
            ["○ [[SW05|원격지에서 개발하는 경우 계약상대자는 원격지 개발보안 기준에 따라 작업장소 출입을 통제하고, 개발망과 인터넷망을 분리하며, 휴대용 저장매체 사용을 통제하여야 함]]",
             "○ 도는 원격지 작업장소의 보안 이행 상태를 분기마다 확인함"],
            "원격지 보안 확인표"),
        H(1, "9. 품질 요구사항"),
        REQ("QUR-001", "품질보증", "품질",
            "산출물과 소스코드의 품질 확보",
            ["○ 품질보증 계획을 세우고 단계별 산출물을 검토",
             "○ 코딩 표준을 정하여 적용하고 소스코드와 설정 정보를 형상관리 도구로 관리",
             "○ 정보시스템 감리 지적사항의 조치 계획과 결과를 제출"],
            "품질보증 계획서, 감리 조치 결과서"),
        H(1, "10. 제약사항"),
        REQ("COR-001", "개발 표준", "제약사항",
            "개발 표준과 운영 환경에 관한 제약",
            ["○ 전자정부 표준프레임워크를 적용하여 개발하여야 함",
             "○ 데이터베이스 접근은 표준 SQL로 구현하여 특정 데이터베이스 제품에 종속되지 않도록 함",
             "○ 기반 소프트웨어는 사업 종료일 기준 5년 이상 기술지원을 받을 수 있는 버전을 적용"],
            "기반SW 구성 명세서"),
        REQ("COR-002", "관련 법령 준수", "제약사항",
            "사업 수행 시 관계 법령의 준수",
            ["○ [[?DATA03|「개인정보 보호법」, 「공공기록물 관리에 관한 법률」 등 관련 법령을 준수하여야 함]]",
             "○ 사업 산출물은 「전자정부법」에 따른 정보시스템 구축 기준에 맞게 작성"],
            "-"),
        H(1, "11. 프로젝트 관리 요구사항"),
        REQ("PMR-001", "사업 관리", "프로젝트 관리",
            "사업 계획과 진척 관리",
            ["○ 착수 후 14일 이내에 사업수행계획서를 제출",
             "○ 월간 보고와 단계별 보고회를 실시",
             "○ 위험과 이슈를 찾아 대응 계획과 함께 관리"],
            "사업수행계획서, 월간 보고서"),
        REQ("PMR-002", "산출물 관리", "프로젝트 관리",
            "산출물의 작성과 검수",
            ["○ 단계별 산출물 목록을 사업수행계획서에 정의",
             "○ 최종 산출물은 전자파일로 제출하고 검수를 받음"],
            "산출물 목록"),
        H(1, "12. 프로젝트 지원 요구사항"),
        REQ("PSR-001", "교육 및 기술이전", "프로젝트 지원",
            "사용자 교육과 운영 기술이전",
            ["○ 도·시·군 담당자 교육 6회와 관리자 교육 2회 실시",
             "○ 운영자 매뉴얼과 장애 대응 절차서를 작성하여 기술이전"],
            "교육 결과서, 운영자 매뉴얼"),
        REQ("PSR-002", "하자보수", "프로젝트 지원",
            "검수 이후의 하자보수",
            ["○ [[SW08|하자담보 책임기간은 검수를 마친 날부터 1년으로 함]]",
             "○ [[SW08|하자보수는 계약목적물의 결함을 바로잡는 일에 한정하며, 기능 추가와 화면 개편은 포함하지 않음]]",
             "○ 하자를 접수하면 8시간 안에 조치를 시작하고 결과를 보고"],
            "하자보수 계획서"),
        # ---------------------------------------------------------------- Ⅳ
        H(0, "Ⅳ. 제안서 작성 요령"),
        H(1, "1. 일반 사항"),
        B("○ 제안서는 이 제안요청서의 목차와 작성 지침에 따라 작성하고, 요구사항 고유번호별 대비표를 붙여야 함"),
        B("○ 제안서 본문은 A4 세로 방향 100쪽 이내로 작성함"),
        B("○ 제안 내용은 구체적이고 확인할 수 있는 표현으로 적어야 하며, 협상으로 확정된 내용은 계약서의 일부가 됨"),
        H(1, "2. 제안서 목차"),
        T([
            ["구 분", "목 차"],
            ["Ⅰ. 제안 개요", "제안 배경과 목적, 제안 범위, 제안의 특장점"],
            ["Ⅱ. 제안사 일반", "일반 현황, 유사 사업 수행 실적"],
            ["Ⅲ. 기술 부문", "목표 시스템 구성, 요구사항별 구현 방안, [[?SEC03|보안 대책(보안서약, 자료 반출 통제 방안)]]"],
            ["Ⅳ. 사업관리 부문", "수행 조직과 역할, 일정·품질·위험 관리, 하도급 계획"],
            ["Ⅴ. 지원 부문", "교육과 기술이전, 안정화 지원, 하자보수 방안"],
        ], [4.5, 12.0]),
        H(1, "3. 제안서 제출 및 제안설명회"),
        B("○ 제출 일시, 방법과 제출 서류는 입찰공고문에 따름"),
        B("○ [[?PROC01|제안설명회는 제안서 접수 마감 후 제안서 평가위원회에서 제안사별로 발표 20분, 질의응답 10분으로 진행하며, 발표 순서는 추첨으로 정함]]"),
        # ---------------------------------------------------------------- Ⅴ
        H(0, "Ⅴ. 제안서 평가"),
        H(1, "1. 평가 방법"),
        B("○ [[SW10|본 사업은 「지방자치단체를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따라 협상에 의한 계약으로 계약상대자를 정함]]"),
        B("○ [[SW11|제안서 평가는 기술능력평가 90점과 가격평가 10점을 합산하여 종합평가점수를 산출함]]"),
        B("○ [[SW12|기술능력평가의 평가부문과 평가항목은 「소프트웨어 기술성 평가기준 지침」에 따름]]"),
        B("○ [[SW12|평가에는 같은 지침의 차등점수제를 적용함]]"),
        B("○ 기술능력평가 점수가 배점한도의 85% 이상인 자를 협상적격자로 하고, 종합평가점수가 높은 순서로 협상함"),
        H(1, "2. 평가 항목 및 배점"),
        T([
            ["평가 부문", "평가 항목", "배점"],
            ["기술능력평가(90점)", "사업 이해도 및 추진 전략", "10"],
            ["", "기술 및 기능", "30"],
            ["", "성능 및 품질", "10"],
            ["", "보안", "15"],
            ["", "프로젝트 관리", "15"],
            ["", "프로젝트 지원", "10"],
            ["가격평가(10점)", "입찰가격", "10"],
            ["합 계", "", "100"],
        ], [4.5, 9.0, 3.0], merges=[(1, 0, 6, 0), (8, 0, 8, 1)]),
        # ---------------------------------------------------------------- Ⅵ
        H(0, "Ⅵ. 계약 조건 및 기타 사항"),
        H(1, "1. 과업심의위원회"),
        B("○ [[SW01|본 사업의 과업 내용은 「소프트웨어 진흥법」 제50조에 따라 과업심의위원회의 심의를 거쳐 확정함]]"),
        B("○ [[SW01|계약상대자는 과업 내용의 변경이 필요하면 과업심의위원회의 개최를 요청할 수 있고, 도는 심의 결과에 따라 계약금액과 계약기간을 조정함]]"),
        H(1, "2. 입찰 참가 자격"),
        B("○ [[SW03|「소프트웨어 진흥법」 제48조에 따라 상호출자제한기업집단 소속회사와 대기업인 소프트웨어사업자는 본 사업의 입찰에 참가할 수 없음]]"),
        B("○ [[SW03|중소 소프트웨어사업자 사이의 공동수급을 허용하며, 공동수급체 안의 중소 소프트웨어사업자 지분율에 따라 기술능력평가에서 가점을 줌]]"),
        H(1, "3. 하도급"),
        B("○ [[SW04|하도급을 하려는 경우 하도급 계획서를 제안서와 함께 제출하고 도의 사전 승인을 받아야 함]]"),
        B("○ [[SW04|하도급 금액의 합계는 사업금액의 50%를 넘을 수 없으며, 재하도급은 허용하지 않음]]"),
        B("○ [[SW04|도는 하도급 대금의 비율과 지급 조건, 하도급 사업자의 수행 능력을 기준으로 하도급 계획의 적정성을 판단함]]"),
        H(1, "4. 작업장소"),
        B("○ [[SW05|작업장소는 「소프트웨어 진흥법」 제49조에 따라 도와 계약상대자가 협의하여 정하며, 계약상대자는 자신의 사업장에서 원격으로 개발할 수 있음]]"),
        B("○ [[SW05|원격지 작업장소의 운영 비용은 사업예산의 직접경비에 포함되어 있음]]"),
        H(1, "5. 지식재산권 및 공동활용"),
        B("○ [[SW06|본 사업 산출물의 지식재산권은 용역계약 일반조건에 따라 도와 계약상대자가 공동으로 소유함]]"),
        B("○ [[SW06|계약상대자가 산출물을 다른 사업에 활용하려는 경우 도에 반출을 신청할 수 있으며, 도는 보안상 공개하기 어려운 내용이 있는지 검토하여 30일 안에 결과를 알려 줌]]"),
        B("○ [[SW07|본 사업으로 개발하는 소프트웨어는 도내 시·군과 공동활용할 계획이며, 공동활용 기관은 도내 11개 시·군의 청년정책 부서로 함]]"),
        H(1, "6. 투입인력"),
        B("○ [[SW16|도는 투입인력의 수, 등급, 경력과 투입기간을 요구하거나 관리하지 않으며, 산출물과 과업 이행 결과로 사업을 관리함]]"),
        H(1, "7. 제안서 보상"),
        B("○ [[SW13|본 사업은 총사업예산 20억원 이상의 소프트웨어 개발사업이므로 「소프트웨어 진흥법」 제52조에 따라 낙찰자로 결정되지 않은 제안자 중 기술능력평가 점수가 높은 2인에게 예산의 범위에서 제안서 작성 비용의 일부를 보상함]]"),
        B("○ 보상 대상의 선정 기준과 금액은 입찰공고문에 따름"),
        H(1, "8. 법정 사항"),
        B("○ [[SW09|도는 장비와 소프트웨어의 특정 상표, 규격 또는 모델을 지정하지 않으며, 요구 성능과 동등 이상인 제품은 상표나 모델을 이유로 납품을 거부하지 않음]]"),
        B("○ [[SW17|본 사업은 「소프트웨어 진흥법」 제43조에 따른 소프트웨어사업 영향평가를 거쳤으며, 그 결과서를 붙임 1로 첨부함]]"),
        B("○ [[SW18|계약상대자는 「소프트웨어 진흥법」 제46조에 따라 계약을 체결한 후와 사업을 마친 후에 각각 SW사업 정보를 SW사업정보 저장소에 제출하여야 함]]"),
        B("○ 이 제안요청서에 정하지 않은 사항은 관계 법령과 용역계약 일반조건에 따름"),
        B("○ 문의: 미르도 청년정책과 청년플랫폼팀(연락처는 입찰공고문 참조)"),
        # ---------------------------------------------------------------- 붙임
        PB(),
        P("붙임 1. 소프트웨어사업 영향평가 결과서 1부.", bold=True),
        P("붙임 2. 직접구매 대상 상용SW 구매계획서 1부.", bold=True),
        P("붙임 3. 적정 사업기간 종합산정서 1부.", bold=True),
        P("붙임 4. 기술적용계획표 1부.  끝.", bold=True),
        P(""),
        P("[붙임 1] 소프트웨어사업 영향평가 결과서(요약)", bold=True),
        T([
            ["항 목", "검토 결과"],
            ["민간 시장 영향", "청년 지원 사업의 신청·심사는 행정 고유 업무로, 대체할 민간 서비스가 없음"],
            ["중복 여부", "도와 시·군의 3개 신청 시스템을 통합하여 중복을 줄임"],
            ["결 론", "사업 추진 적정"],
        ], [4.5, 12.0]),
        P("[붙임 3] 적정 사업기간 종합산정서(요약)", bold=True),
        T([
            ["항 목", "내 용"],
            ["개발 규모", "약 3,100 기능점수"],
            ["산정 결과", "표준 기간 10.8개월, 장비 도입과 자료 이관을 반영한 보정 후 12개월"],
            ["확정 사업기간", "계약일로부터 12개월"],
        ], [4.5, 12.0]),
        P("[붙임 4] 기술적용계획표", bold=True),
        P("※ 입찰자는 항목별 적용 계획을 적고, 사업 종료 시 적용 결과를 적어 제출함", indent=1),
        T([
            ["구 분", "필수", "점검 항목", "적용계획/결과"],
            ["데이터", "○", "[[?DATA01|데이터는 표준화되어야 한다]]", ""],
            ["보 안", "○", "소프트웨어 개발보안 적용", ""],
            ["공공데이터", "○", "개방 가능한 데이터의 제공", ""],
            ["접근성", "○", "웹 접근성 준수", ""],
        ], [3.0, 1.8, 7.7, 4.0]),
    ]
    facts = {
        "doc_type": "제안요청서",
        "public_sw_project": True,
        "budget_krw": 2750000000,
        "budget_vat": "included",
        "duration_months": 12,
        "contract_method": "협상",
        "project_kinds": ["SW개발", "HW인프라"],
        "buys_commercial_sw": "yes",
        "buys_network_or_security_equipment": "yes",
        "builds_db": "yes",
        "personal_info_system": "yes",
        "priced_by_fp": "yes",
    }
    labels = {
        "SW01": ("pass", "과업 reviewed by the 과업심의위원회; the contractor may request a 심의 and amount/period "
                 "are adjusted."),
        "SW02": ("pass", "27.5억 ≥ 3억; the commercial SW (통합검색 엔진 8.5천만, 보고서 생성 도구 5.5천만) is bought "
                 "separately by the agency, the 구매계획서 (별지 제2호) is attached and BMT is applied to the "
                 "competitively bid item. The network and security equipment is hardware bought in the contract."),
        "SW03": ("pass", "상호출자제한기업집단 and 대기업 excluded (27.5억); 중소 SW사업자 공동수급 earns points."),
        "SW04": ("pass", "Prior approval with a 하도급 계획서, ≤ 50%, 재하도급 not allowed, 적정성 기준 stated."),
        "SW05": ("pass", "작업장소 by 협의 (remote development allowed), its cost is in the 직접경비, 원격지 개발보안 "
                 "rules stated (SER-004)."),
        "SW06": ("pass", "Joint IP ownership under the general terms and a 반출 procedure (30일)."),
        "SW07": ("pass", "Shared use with the province's 11 시·군 (range stated)."),
        "SW08": ("pass", "하자담보 1년 from 검수; scope limited to defects (no new features)."),
        "SW09": ("pass", "Equipment and software are specified by performance; PostgreSQL 11 in Ⅱ-2 describes the "
                 "현행 시스템; the 특정 상표 금지 / 동등 이상 clause is stated."),
        "SW10": ("pass", "협상에 의한 계약 (지방계약법 시행령 제43조)."),
        "SW11": ("pass", "기술 90 : 가격 10."),
        "SW12": ("pass", "기술성 평가기준 지침 applied; 차등점수제 applied (stated)."),
        "SW13": ("pass", "SW 개발, 27.5억 ≥ 20억: 제안서 보상 for the two best unsuccessful bidders is stated."),
        "SW14": ("pass", "24 requirements split by type with IDs and details; no open catch-all."),
        "SW15": ("pass", "적정 사업기간 산정 기준 applied; 종합산정서 attached (붙임 3)."),
        "SW16": ("pass", "FP-priced; staff numbers, grades and periods are expressly not required or managed."),
        "SW17": ("pass", "SW사업 영향평가 done; 결과서 attached (붙임 1)."),
        "SW18": ("pass", "SW사업 정보 submission after contract and after completion."),
        "SEC01": ("missing", "New public-facing system, SW개발비 20.8억 (감리 대상 규모): looked for 시큐어코딩 / SW "
                  "개발보안 requirements and 보안약점 진단 by a 진단원 with a certified tool, with fixes: none. "
                  "Look-alikes that do not count: '「소프트웨어 개발보안 가이드」(행정안전부)' only in the law list "
                  "(Ⅰ-8), the 기술적용계획표 row (붙임 4), the server/OS/network 취약점 점검 of SER-003 and the "
                  "원격지 개발보안 기준 of SER-004 (작업장소 보안, SW05)."),
        "SEC02": ("missing", "L3 스위치 2대, 방화벽 2대 and 웹방화벽 2대 are bought (ECR-001): looked for CC인증 / "
                  "보안기능 확인서 / 보안적합성 검증 of the delivered products: none. 'CC인증 제품' appears only for "
                  "the existing shared firewall in the 현행 시스템 table (Ⅱ-2)."),
        "SEC03": ("missing", "The contractor works on systems holding 150만 members' data: looked for 누출금지 정보, "
                  "보안서약, 자료 반출 통제 and return/deletion at the end: none. Look-alikes: the generic '보안 "
                  "관련 법령과 도의 정보보안 규정을 준수' (SER-003) and the 제안서 목차 row '보안 대책(보안서약, "
                  "자료 반출 통제 방안)' (Ⅳ-2); the 산출물 반출 procedure of Ⅵ-5 is SW06 (IP), not data "
                  "security."),
        "DATA01": ("missing", "A new integrated DB is designed and built (DAR-001, DAR-002 이관): looked for the DB "
                   "표준화 지침 / 행정표준코드 / 공통표준용어 and a data quality 진단: none. The 지침 is only named in "
                   "the law list (Ⅰ-8); '데이터는 표준화되어야 한다' is a 기술적용계획표 row (붙임 4); the 이관 "
                   "결과 보고서 counts records and is not a quality 진단."),
        "DATA02": ("missing", "System build: looked for 공공데이터 목록·메타데이터 and 개방 of the built data: none. "
                   "The 공공데이터포털 OpenAPI in SIR-002 is consumed (data fetched), the 공공데이터 관리지침 is only "
                   "in the law list, the 기술적용계획표 row is a checklist."),
        "DATA03": ("missing", "System build: looked for 행정정보 데이터세트 기록 유형 구분 and 기록관리 절차: none. "
                   "「공공기록물 관리에 관한 법률」 appears only in the generic '… 등 관련 법령을 준수' (COR-002)."),
        "PRIV01": ("missing", "회원 약 150만 명 with 주민등록번호 (고유식별정보) (SER-002): ≥ 100만 and ≥ 5만 고유식별, "
                   "so the 영향평가 applies; looked for an 개인정보 영향평가 in 분석·설계 and its results reflected: "
                   "none. 「개인정보 영향평가에 관한 고시」 is only named in the law list (Ⅰ-8); the "
                   "소프트웨어사업 영향평가 of Ⅵ-8 is SW17."),
        "PROC01": ("missing", "추정가격 = 27.5억 / 1.1 = 25억 ≥ 20억: looked for the date, time and place (or "
                   "online form) of a 제안요청 설명회: none. The '제안설명회' of Ⅳ-3 is the bidders' presentation "
                   "to the evaluation committee after the deadline, not a briefing by the agency."),
    }
    return Sample("rfp_security_gaps", "미르도 청년 통합지원 플랫폼 구축 사업 제안요청서", "미르도 청년정책과",
                  nodes, facts, labels, ("docx", "pdf"))


# --------------------------------------------------------------------------------------------
# Checks: every quote must be found in every rendered file (whitespace-insensitive)
# --------------------------------------------------------------------------------------------


def docx_text(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = docx.Document(str(path))
    out: list[str] = []

    def walk(container) -> None:
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                out.append(item.text)
            elif isinstance(item, Table):
                for row in item.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)
    walk(d)
    return "\n".join(out)


def hwpx_text(path: Path) -> str:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert names[0] == "mimetype", names
        info = z.getinfo("mimetype")
        assert info.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/hwp+zip"
        etree.fromstring(z.read("Contents/header.xml"))
        root = etree.fromstring(z.read("Contents/section0.xml"))
    hp = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    paras = []
    for p in root.iter(f"{hp}p"):
        # only the paragraph's own runs (nested table paragraphs are visited on their own)
        parts = []
        for run in p.findall(f"{hp}run"):
            for t in run.findall(f"{hp}t"):
                parts.append(t.text or "")
        paras.append("".join(parts))
    return "\n".join(paras)


def check_quotes(label: str, text: str, quotes: Iterable[str]) -> list[str]:
    c = _compact(text)
    return [f"{label}: quote not found: {q}" for q in quotes if _compact(q) not in c]


def pipeline_text(path: Path) -> Optional[str]:
    """Text as the project's own extractor reads it, when that extractor is present."""
    try:
        from rfpcheck.pipeline.extract import extract
    except ImportError:
        return None
    fmt_mod = {".pdf": "pdf", ".docx": "docx", ".hwpx": "hwpx", ".txt": "text"}[path.suffix]
    try:
        __import__(f"rfpcheck.pipeline.extract.{fmt_mod}")
    except ImportError:
        return None
    return extract(path).text


def check_sample(sample: Sample, out_dir: Path, use_pipeline: bool = True) -> list[str]:
    sample.plain_nodes()
    exp = json.loads((out_dir / f"{sample.name}.expected.json").read_text(encoding="utf-8"))
    quotes = [q for r in exp["rules"].values() for q in r["evidence"]]
    quotes += [exp["facts"].get("budget_evidence", ""), exp["facts"].get("duration_evidence", "")]
    quotes += [q for tag, lst in sample.quotes.by_tag.items() if tag.startswith("?") for q in lst]
    quotes = [q for q in quotes if q]
    assert set(exp["rules"]) == set(RULE_IDS)
    errors: list[str] = []
    report: list[str] = []
    for fmt in sample.formats:
        path = out_dir / f"{sample.name}.{fmt}"
        if not path.exists():
            errors.append(f"{path.name}: missing file")
            continue
        if fmt == "docx":
            text = docx_text(path)
        elif fmt == "pdf":
            # page footers ("- 7 -") interrupt text that runs over a page break: drop them
            text = "\n".join(re.sub(r"(?m)^\s*-\s*\d+\s*-\s*$", "", t) for t in pdf_pages_text(path))
            report.append(f"{path.name}: {len(pdf_pages_text(path))} pages")
        elif fmt == "hwpx":
            text = hwpx_text(path)
        else:
            text = path.read_text(encoding="utf-8")
        errors += check_quotes(path.name, text, quotes)
        if use_pipeline:
            try:
                ptext = pipeline_text(path)
            except Exception as e:  # report, do not hide
                errors.append(f"{path.name}: pipeline extract failed: {type(e).__name__}: {e}")
                ptext = None
            if ptext is not None:
                errors += check_quotes(f"{path.name} (pipeline)", ptext, quotes)
                report.append(f"{path.name}: pipeline extractor finds all {len(quotes)} quotes"
                              if not check_quotes("", ptext, quotes) else f"{path.name}: pipeline misses")
            else:
                report.append(f"{path.name}: no pipeline extractor for this format yet")
    for line in report:
        print("  " + line)
    return errors


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def all_samples() -> list[Sample]:
    out = [sample_violations()]
    for fn in ("sample_compliant", "sample_hwpx", "sample_short", "sample_security_gaps"):
        if fn in globals():
            out.append(globals()[fn]())
    return out


def build(sample: Sample, out_dir: Path, make_pdf: bool) -> None:
    if "docx" in sample.formats:
        build_docx_pdf(sample, out_dir, make_pdf and "pdf" in sample.formats)
    if "hwpx" in sample.formats:
        render_hwpx(sample, out_dir / f"{sample.name}.hwpx")
    if "txt" in sample.formats:
        render_txt(sample, out_dir / f"{sample.name}.txt")
    sample.plain_nodes()
    exp = expected_json(sample)
    (out_dir / f"{sample.name}.expected.json").write_text(
        json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=SAMPLES)
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice DOCX→PDF step")
    ap.add_argument("--check", action="store_true", help="only check the files already built")
    ap.add_argument("--no-pipeline", action="store_true", help="do not run the project's extractors")
    ap.add_argument("--only", help="build one sample by name")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    for s in all_samples():
        if args.only and s.name != args.only:
            continue
        if not args.check:
            print(f"building {s.name} ({', '.join(s.formats)})")
            build(s, args.out, not args.no_pdf)
        print(f"checking {s.name}")
        errors += check_sample(s, args.out, not args.no_pipeline)
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
