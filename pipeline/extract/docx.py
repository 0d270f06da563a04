"""DOCX reader: python-docx opens the package, the body XML is walked directly.

* The package is vetted first with :class:`safezip.SafeZip` (member count, sizes, ratios; no
  DTD in any XML part), so python-docx never inflates a bomb.
* Body order: paragraphs and tables as they appear, like ``Document.iter_inner_content()``, but
  also inside block-level content controls (``w:sdt``), where Word keeps tables of contents and
  form text that ``iter_inner_content`` skips.
* Headings: style name ``Heading N``/``제목 N``, else ``w:outlineLvl`` on the paragraph, else
  along the style's ``basedOn`` chain. Styles are read once into a cache keyed by styleId
  (python-docx's ``paragraph.style`` re-scans styles.xml on every call).
* Numbering: ``w:numPr`` from the paragraph, else from its style chain, resolved through
  numbering.xml (``w:num`` → ``w:abstractNum`` → ``w:lvl``) and counted, so the label a reader
  sees ("1.", "가.", "(1)", "①", "•") is put before the paragraph text. Numbered paragraphs
  that are not headings become LIST_ITEM blocks.
* Tables: one TABLE_CELL block per ``w:tc`` with its grid column (``gridBefore`` + spans). Each
  ``w:tc`` element is visited once, so a horizontally merged cell appears once; vertical-merge
  continuation cells (``w:vMerge`` without ``restart``) hold no content of their own and are
  skipped. Nested tables and text boxes follow their cell/paragraph.
* Pages: DOCX stores no page numbers. When Word saved its last layout
  (``w:lastRenderedPageBreak``), pages are counted from those marks together with explicit page
  breaks (``w:br w:type="page"``, ``pageBreakBefore``); otherwise ``page`` stays None, because
  hand-inserted breaks alone undercount pages.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lxml import etree

from ..errors import InputError
from ..model import HEADING, LIST_ITEM, NOTE, PARAGRAPH, TABLE_CELL, Document, RawBlock, build_document
from .safezip import SafeZip, format_counter, local, parse_xml, refuse_dtd

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_VAL = f"{{{W_NS}}}val"

_HEADING_NAME = re.compile(r"^(?:heading|제목)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAME = re.compile(r"^(?:title|제목)$", re.IGNORECASE)

_NUM_FORMATS = {
    "decimal": "decimal",
    "decimalZero": "decimal_zero",
    "decimalFullWidth": "decimal",
    "decimalHalfWidth": "decimal",
    "upperRoman": "roman_upper",
    "lowerRoman": "roman_lower",
    "upperLetter": "latin_upper",
    "lowerLetter": "latin_lower",
    "ganada": "hangul_syllable",
    "chosung": "hangul_jamo",
    "decimalEnclosedCircle": "circled",
    "decimalEnclosedCircleChinese": "circled",
    "koreanDigital": "hangul_digit",
    "koreanCounting": "hangul_digit",
    "koreanLegal": "hangul_digit",
    "koreanDigital2": "ideograph",
    "ideographDigital": "ideograph",
    "ideographTraditional": "ideograph",
    "none": "none",
}

# inline containers whose runs are part of the paragraph's text
_INLINE_CONTAINERS = {
    "hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
    "dir", "bdo", "r", "Choice",
}
# never text: deleted/moved-away runs, field instructions, properties
_SKIP = {"del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "sdtPr",
         "sdtEndPr", "Fallback", "footnoteReference", "endnoteReference", "commentReference"}


def _val(el: Optional[etree._Element], default: Optional[str] = None) -> Optional[str]:
    if el is None:
        return default
    v = el.get(_W_VAL)
    return v if v is not None else el.get("val", default)


def _child(el: Optional[etree._Element], name: str) -> Optional[etree._Element]:
    if el is None:
        return None
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def _int(v: Optional[str], default: int = 0) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def _on(el: Optional[etree._Element]) -> bool:
    """An OOXML on/off property: present and not switched off."""
    return el is not None and _val(el, "true") not in ("0", "false", "off")


# -- styles ----------------------------------------------------------------------------------------

@dataclass
class _Style:
    name: str = ""
    based_on: Optional[str] = None
    outline: Optional[int] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    page_break_before: bool = False


@dataclass
class _Resolved:
    name: str
    heading: Optional[int]  # 0-based heading level, None when not a heading
    num_id: Optional[str]
    ilvl: Optional[int]
    page_break_before: bool


class _Styles:
    """styleId → resolved properties, each style resolved once along its basedOn chain."""

    def __init__(self, root: Optional[etree._Element]) -> None:
        self.raw: dict[str, _Style] = {}
        self.default: Optional[str] = None
        self.cache: dict[Optional[str], _Resolved] = {}
        if root is None:
            return
        for st in root:
            if local(st.tag) != "style":
                continue
            if st.get(f"{{{W_NS}}}type", "paragraph") != "paragraph":
                continue
            sid = st.get(f"{{{W_NS}}}styleId") or ""
            s = _Style()
            for c in st:
                n = local(c.tag)
                if n == "name":
                    s.name = _val(c, "") or ""
                elif n == "basedOn":
                    s.based_on = _val(c)
                elif n == "pPr":
                    for pc in c:
                        pn = local(pc.tag)
                        if pn == "outlineLvl":
                            s.outline = _int(_val(pc), 9)
                        elif pn == "numPr":
                            s.num_id = _val(_child(pc, "numId"))
                            lv = _child(pc, "ilvl")
                            s.ilvl = _int(_val(lv)) if lv is not None else None
                        elif pn == "pageBreakBefore":
                            s.page_break_before = _on(pc)
            self.raw[sid] = s
            if _on_attr(st.get(f"{{{W_NS}}}default")):
                self.default = sid

    def get(self, sid: Optional[str]) -> _Resolved:
        key = sid if sid in self.raw else self.default
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        chain: list[_Style] = []
        seen: set[str] = set()
        cur = key
        while cur is not None and cur in self.raw and cur not in seen and len(chain) < 20:
            seen.add(cur)
            chain.append(self.raw[cur])
            cur = self.raw[cur].based_on
        name = chain[0].name if chain else ""
        heading: Optional[int] = None
        m = _HEADING_NAME.match(name.strip())
        if m:
            heading = int(m.group(1)) - 1
        elif _TITLE_NAME.match(name.strip()):
            heading = 0
        else:
            for s in chain:
                if s.outline is not None:
                    heading = s.outline if 0 <= s.outline <= 8 else None
                    break
        num_id = ilvl = None
        for s in chain:
            if s.num_id is not None:
                num_id = s.num_id
                ilvl = s.ilvl
                break
        res = _Resolved(name, heading, num_id, ilvl, any(s.page_break_before for s in chain))
        self.cache[key] = res
        return res


def _on_attr(v: Optional[str]) -> bool:
    return v is not None and v not in ("0", "false", "off")


# -- numbering -------------------------------------------------------------------------------------

@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    bullet: bool = False


@dataclass
class _Num:
    abstract: str
    levels: dict[int, _Level] = field(default_factory=dict)
    restarts: bool = False  # has a start override: counts on its own


class _Numbering:
    def __init__(self, root: Optional[etree._Element]) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for el in root:
            n = local(el.tag)
            if n == "abstractNum":
                aid = el.get(f"{{{W_NS}}}abstractNumId") or ""
                self.abstract[aid] = {
                    _int(lv.get(f"{{{W_NS}}}ilvl")): _read_level(lv) for lv in el if local(lv.tag) == "lvl"
                }
        for el in root:
            if local(el.tag) != "num":
                continue
            nid = el.get(f"{{{W_NS}}}numId") or ""
            aid = _val(_child(el, "abstractNumId")) or ""
            num = _Num(aid, dict(self.abstract.get(aid, {})))
            for ov in el:
                if local(ov.tag) != "lvlOverride":
                    continue
                ilvl = _int(ov.get(f"{{{W_NS}}}ilvl"))
                base = num.levels.get(ilvl, _Level())
                for c in ov:
                    if local(c.tag) == "startOverride":
                        base = _Level(_int(_val(c), 1), base.fmt, base.text, base.legal, base.bullet)
                        num.restarts = True
                    elif local(c.tag) == "lvl":
                        base = _read_level(c)
                        num.restarts = True
                num.levels[ilvl] = base
            self.nums[nid] = num

    def label(self, num_id: str, ilvl: int) -> Optional[str]:
        """The visible label for the next item of list ``num_id`` at ``ilvl`` (counts it);
        None when the list or level does not exist or shows nothing."""
        num = self.nums.get(num_id)
        if num is None or ilvl not in num.levels:
            return None
        key = f"n{num_id}" if num.restarts else f"a{num.abstract}"
        counts = self.counters.setdefault(key, [0] * 10)
        lv = num.levels[ilvl]
        if lv.fmt == "none" and not lv.text:
            return None
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        if lv.bullet:
            return lv.text
        legal = lv.legal

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            ref = num.levels.get(k, _Level())
            n = ref.start + max(counts[k] - 1, 0) if 0 <= k < 10 else ref.start
            return format_counter(n, "decimal" if legal else ref.fmt)

        return re.sub(r"%([1-9])", sub, lv.text)


def _read_level(lv: etree._Element) -> _Level:
    out = _Level()
    for c in lv:
        n = local(c.tag)
        if n == "start":
            out.start = _int(_val(c), 1)
        elif n == "numFmt":
            raw = _val(c, "decimal") or "decimal"
            out.bullet = raw == "bullet"
            out.fmt = _NUM_FORMATS.get(raw, "decimal")
        elif n == "lvlText":
            out.text = _val(c, "") or ""
        elif n == "isLgl":
            out.legal = _on(c)
    return out


# -- walking the body ------------------------------------------------------------------------------

class _Walker:
    def __init__(self, styles: _Styles, numbering: _Numbering, count_pages: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.count_pages = count_pages
        self.blocks: list[RawBlock] = []
        self.tables = 0
        self.page = 1
        self.break_pending = False
        self.section_no = 0
        self.para_no = 0

    # page marks ---------------------------------------------------------------------------------
    def _page_break(self) -> None:
        if self.count_pages:
            self.break_pending = True

    def _text_seen(self) -> int:
        if self.break_pending:
            self.page += 1
            self.break_pending = False
        return self.page

    # blocks -------------------------------------------------------------------------------------
    def blocks_of(self, container: etree._Element, depth: int = 0, kind: Optional[str] = None,
                  body: bool = False) -> None:
        """Paragraphs and tables of a body, cell, text box or note, in order."""
        for el in container:
            n = local(el.tag)
            if n == "p":
                self.paragraph(el, depth, kind)
                if body:
                    self.para_no += 1
            elif n == "tbl":
                self.table(el, depth)
            elif n in ("sdt", "customXml"):
                content = _child(el, "sdtContent") if n == "sdt" else el
                if content is not None:
                    self.blocks_of(content, depth, kind, body)

    def _para_props(
        self, p: etree._Element
    ) -> tuple[_Resolved, Optional[int], Optional[str], Optional[int], bool, bool]:
        """(style, direct outline level, numId, ilvl, page break before, ends a section)"""
        ppr = _child(p, "pPr")
        sid = _val(_child(ppr, "pStyle"))
        st = self.styles.get(sid)
        outline = None
        num_id, ilvl = st.num_id, st.ilvl
        pbb = st.page_break_before
        has_sect = False
        if ppr is not None:
            for c in ppr:
                n = local(c.tag)
                if n == "outlineLvl":
                    outline = _int(_val(c), 9)
                elif n == "numPr":
                    nid = _val(_child(c, "numId"))
                    lv = _child(c, "ilvl")
                    if nid is not None:
                        num_id = nid
                    if lv is not None:
                        ilvl = _int(_val(lv))
                elif n == "pageBreakBefore":
                    pbb = _on(c)
                elif n == "sectPr":
                    has_sect = True
        return st, outline, num_id, ilvl, pbb, has_sect

    def _paragraph_text(self, p: etree._Element) -> tuple[str, list[etree._Element], Optional[int]]:
        """Text of a paragraph, the text boxes found in it, and the page its text starts on."""
        out: list[str] = []
        boxes: list[etree._Element] = []
        first_page: list[int] = []

        def add(s: str) -> None:
            if not s:
                return
            if not first_page and not s.isspace():
                first_page.append(self._text_seen())
            out.append(s)

        def walk(el: etree._Element) -> None:
            for c in el:
                n = local(c.tag)
                if not n or n in _SKIP:
                    continue
                if n == "t":
                    add(c.text or "")
                elif n in ("tab", "ptab"):
                    add("\t")
                elif n == "br":
                    if c.get(f"{{{W_NS}}}type") == "page":
                        self._page_break()
                    else:
                        add("\n")
                elif n == "cr":
                    add("\n")
                elif n == "lastRenderedPageBreak":
                    self._page_break()
                elif n == "noBreakHyphen":
                    add("-")
                elif n == "sym":
                    code = c.get(f"{{{W_NS}}}char")
                    try:
                        add(chr(int(code, 16)) if code else "")
                    except ValueError:
                        pass
                elif n == "AlternateContent":
                    choice = _child(c, "Choice")
                    if choice is not None:
                        walk(choice)
                    else:
                        fb = _child(c, "Fallback")
                        if fb is not None:
                            walk(fb)
                elif n in ("drawing", "pict", "object"):
                    _find_boxes(c, boxes)
                elif n in _INLINE_CONTAINERS:
                    walk(c)

        walk(p)
        return "".join(out), boxes, (first_page[0] if first_page else None)

    def paragraph(self, p: etree._Element, depth: int, kind: Optional[str]) -> None:
        st, outline, num_id, ilvl, pbb, has_sect = self._para_props(p)
        if pbb:
            self._page_break()
        text, boxes, page = self._paragraph_text(p)
        label = None
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl or 0)
        heading: Optional[int]
        if outline is not None:
            heading = outline if 0 <= outline <= 8 else None
        else:
            heading = st.heading
        if kind is not None:
            bkind, level = kind, None
        elif heading is not None:
            bkind, level = HEADING, heading
        elif label is not None or st.name.lower().startswith(("list bullet", "list number")):
            bkind, level = LIST_ITEM, (ilvl or 0)
        else:
            bkind, level = PARAGRAPH, None
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        self.blocks.append(
            RawBlock(
                text,
                bkind,
                page=page if self.count_pages else None,
                level=level,
                style=st.name or None,
                section_no=self.section_no,
                para=self.para_no,
                depth=depth,
            )
        )
        for box in boxes:
            self.blocks_of(box, depth + 1, NOTE)
        if has_sect:
            self.section_no += 1

    def table(self, tbl: etree._Element, depth: int) -> None:
        ordinal = self.tables
        self.tables += 1
        row_no = -1
        for tr in _rows(tbl):
            row_no += 1
            trpr = _child(tr, "trPr")
            col = _int(_val(_child(trpr, "gridBefore")), 0)
            for tc in _cells(tr):
                tcpr = _child(tc, "tcPr")
                span = max(_int(_val(_child(tcpr, "gridSpan")), 1), 1)
                vm = _child(tcpr, "vMerge")
                hm = _child(tcpr, "hMerge")
                continuation = (vm is not None and _val(vm, "continue") != "restart") or (
                    hm is not None and _val(hm, "continue") != "restart"
                )
                if not continuation:
                    self._cell(tc, ordinal, row_no, col, depth)
                col += span

    def _cell(self, tc: etree._Element, ordinal: int, row: int, col: int, depth: int) -> None:
        texts: list[str] = []
        later: list[tuple[str, etree._Element]] = []
        page: Optional[int] = None
        for el in _cell_blocks(tc):
            if local(el.tag) == "tbl":
                later.append(("tbl", el))
                continue
            st, _, num_id, ilvl, pbb, _ = self._para_props(el)
            if pbb:
                self._page_break()
            text, boxes, ppage = self._paragraph_text(el)
            if page is None:
                page = ppage
            if num_id is not None and num_id != "0":
                label = self.numbering.label(num_id, ilvl or 0)
                if label and text.strip():
                    text = f"{label} {text.lstrip()}"
            texts.append(text)
            later.extend(("box", b) for b in boxes)
        self.blocks.append(
            RawBlock(
                "\n".join(texts),
                TABLE_CELL,
                page=(page if page is not None else self.page) if self.count_pages else None,
                table=ordinal,
                row=row,
                col=col,
                section_no=self.section_no,
                para=self.para_no,
                depth=depth,
            )
        )
        for what, el in later:
            if what == "tbl":
                self.table(el, depth + 1)
            else:
                self.blocks_of(el, depth + 1, NOTE)


def _kids(parent: etree._Element, want: str):
    """Children named ``want``, looking through content controls and custom XML wrappers."""
    for el in parent:
        n = local(el.tag)
        if n == want:
            yield el
        elif n in ("sdt", "customXml"):
            content = _child(el, "sdtContent") if n == "sdt" else el
            if content is not None:
                yield from _kids(content, want)


def _rows(tbl: etree._Element):
    return _kids(tbl, "tr")


def _cells(tr: etree._Element):
    return _kids(tr, "tc")


def _cell_blocks(container: etree._Element):
    for el in container:
        n = local(el.tag)
        if n in ("p", "tbl"):
            yield el
        elif n in ("sdt", "customXml"):
            content = _child(el, "sdtContent") if n == "sdt" else el
            if content is not None:
                yield from _cell_blocks(content)


def _find_boxes(el: etree._Element, out: list[etree._Element]) -> None:
    """Outermost text-box contents under a drawing, skipping alternate (fallback) copies."""
    for c in el:
        n = local(c.tag)
        if n == "txbxContent":
            out.append(c)
        elif n == "Fallback":
            continue
        elif n == "AlternateContent":
            choice = _child(c, "Choice")
            _find_boxes(choice if choice is not None else c, out)
        else:
            _find_boxes(c, out)


# -- entry point -----------------------------------------------------------------------------------

def _vet_package(path: str) -> bool:
    """Check limits and refuse DTDs before python-docx reads anything. Returns whether Word
    stored its last page layout (``lastRenderedPageBreak``) in the main document."""
    with SafeZip(path, kind="DOCX") as z:
        main = z.find("word/document.xml")
        if main is None:
            raise InputError(path, "DOCX 본문(word/document.xml)이 없습니다. 손상된 파일일 수 있습니다.", "corrupt")
        rendered = False
        for name in z.names():
            if name.endswith((".xml", ".rels")):
                data = z.read(name)
                refuse_dtd(data, path, name, "DOCX")
                if name == main:
                    rendered = b"lastRenderedPageBreak" in data
        return rendered


def _related_root(part, reltype: str) -> Optional[etree._Element]:
    try:
        target = part.part_related_by(reltype)
    except (KeyError, ValueError):
        return None
    el = getattr(target, "element", None)
    if el is not None:
        return el
    blob = getattr(target, "blob", None)
    if blob:
        return parse_xml(blob, "", reltype.rsplit("/", 1)[-1], "DOCX")
    return None


def extract_docx(path: str | Path) -> Document:
    """Read a DOCX file into a Document. Raises InputError on damaged or hostile packages."""
    path = str(path)
    t0 = time.perf_counter()
    rendered = _vet_package(path)
    try:
        import docx  # python-docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        d = docx.Document(path)
    except InputError:
        raise
    except ImportError as e:  # pragma: no cover - python-docx is a hard dependency
        raise InputError(path, "DOCX를 읽는 데 필요한 python-docx가 설치되어 있지 않습니다.", "unsupported") from e
    except Exception as e:  # python-docx raises KeyError/ValueError/PackageNotFoundError on damage
        msg = str(e)
        if "content type" in msg.lower() or "not a Word file" in msg:
            raise InputError(path, "Word 본문 형식이 아닌 DOCX입니다(매크로 문서·서식 파일 등). 일반 DOCX로 저장해 주세요.", "unsupported") from None
        raise InputError(path, f"손상된 DOCX 파일입니다: {type(e).__name__}: {msg}.", "corrupt") from None
    part = d.part
    styles = _Styles(_related_root(part, RT.STYLES))
    numbering = _Numbering(_related_root(part, RT.NUMBERING))
    walker = _Walker(styles, numbering, count_pages=rendered)
    body = _child(d.element, "body")
    if body is not None:
        walker.blocks_of(body, body=True)
    walker.count_pages = False  # notes are read after the body: their page is not known
    for reltype in (RT.FOOTNOTES, RT.ENDNOTES):
        root = _related_root(part, reltype)
        if root is None:
            continue
        for note in root:
            if local(note.tag) in ("footnote", "endnote") and note.get(f"{{{W_NS}}}type") in (None, "normal"):
                walker.blocks_of(note, 1, NOTE)
    pages = walker.page if rendered else None
    meta = {
        "tables": walker.tables,
        "sections": walker.section_no + 1,
        "page_source": "rendered_page_breaks" if rendered else None,
        "extract_seconds": round(time.perf_counter() - t0, 3),
    }
    return build_document(path, "docx", walker.blocks, pages=pages, meta=meta)
