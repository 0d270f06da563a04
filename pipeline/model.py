"""The typed model every stage shares: Block, Document, Section, Fact/Facts, Evidence, Finding.

Extractors produce ``RawBlock`` lists; :func:`build_document` normalises their text, joins them
into ``Document.text`` with stable offsets and builds the whitespace-free matching view.
"""
from __future__ import annotations

import bisect
import hashlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from .normalize import clean_text

# Block kinds
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"
CAPTION = "caption"
NOTE = "note"  # footnotes, endnotes, text boxes, headers kept as content

STATUSES = ("violation", "missing", "review", "pass", "not_applicable")
STATUS_KO = {
    "violation": "위반",
    "missing": "누락",
    "review": "검토필요",
    "pass": "적합",
    "not_applicable": "해당없음",
}
SEVERITIES = ("error", "warning", "info", "none")


@dataclass
class RawBlock:
    """What an extractor emits: text plus where it came from. Offsets are assigned later."""

    text: str
    kind: str = PARAGRAPH
    page: Optional[int] = None  # 1-based page (PDF; HWP/DOCX when a page break is known)
    level: Optional[int] = None  # heading/outline level from styles (0 = top), if the format says
    style: Optional[str] = None
    table: Optional[int] = None  # table ordinal within the document
    row: Optional[int] = None
    col: Optional[int] = None
    section_no: Optional[int] = None  # HWP 구역 / DOCX section, 0-based
    para: Optional[int] = None  # paragraph ordinal in the source (HWP/DOCX), 0-based
    depth: int = 0  # nesting depth (table in table, text box)
    page_estimated: bool = False  # page estimated from a stored layout (HWP/HWPX), not printed


@dataclass
class Block:
    """One unit of text in reading order with its provenance and offsets into Document.text."""

    index: int
    text: str
    kind: str
    start: int
    end: int
    page: Optional[int] = None
    level: Optional[int] = None
    style: Optional[str] = None
    table: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None
    section_no: Optional[int] = None
    para: Optional[int] = None
    depth: int = 0
    in_toc: bool = False
    page_estimated: bool = False

    def location_label(self) -> str:
        """Where a person finds this block: the page for paged formats ("15쪽"); an estimated page
        with the section and paragraph that locate it exactly ("약 15쪽 (1번째 구역, 문단 229)");
        else the section and paragraph."""
        parts = []
        if self.page is not None and self.page_estimated:
            where = f"약 {self.page}쪽"
            if self.para is not None:
                exact = f"문단 {self.para + 1}"
                if self.section_no is not None:
                    exact = f"{self.section_no + 1}번째 구역, {exact}"
                where = f"{where} ({exact})"
            parts.append(where)
        elif self.page is not None:
            parts.append(f"{self.page}쪽")
        elif self.para is not None:
            if self.section_no is not None:
                parts.append(f"{self.section_no + 1}번째 구역")
            parts.append(f"문단 {self.para + 1}")
        if self.table is not None:
            parts.append(f"표 {self.table + 1} ({(self.row or 0) + 1}행 {(self.col or 0) + 1}열)")
        return ", ".join(parts) if parts else f"블록 {self.index + 1}"


@dataclass
class Section:
    """A node of the heading tree built by :mod:`segment`."""

    title: str
    level: int  # 0 = document top level (Ⅰ.), deeper numbers = deeper
    label: str  # the numbering token as written ("Ⅲ.", "2.", "가.", "SFR-001"); "" if none
    kind: str  # roman | arabic | hangul | paren | circled | reqid | style | spaced
    block_index: int
    start: int  # offset of the heading in Document.text
    end: int  # end of the section's content (start of the next sibling-or-higher heading)
    parent: Optional["Section"] = field(default=None, repr=False)
    children: list["Section"] = field(default_factory=list, repr=False)

    def path(self) -> list["Section"]:
        node, out = self, []
        while node is not None:
            out.append(node)
            node = node.parent
        return list(reversed(out))

    def path_label(self, max_len: int = 40) -> str:
        def short(s: Section) -> str:
            t = s.title if len(s.title) <= max_len else s.title[: max_len - 1] + "…"
            return t

        return " > ".join(short(s) for s in self.path())


@dataclass
class Evidence:
    quote: str
    start: int
    end: int
    page: Optional[int] = None
    section: Optional[str] = None  # section path label
    location: Optional[str] = None  # human label ("23쪽", "2번째 구역, 문단 341")
    block: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "page": self.page,
            "section": self.section,
            "location": self.location,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Fact:
    """One project fact: its value, where it came from, and how sure we are."""

    name: str
    value: Any = None
    source: str = "unknown"  # inferred | given | unknown
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        return self.source != "unknown" and self.value is not None

    def to_dict(self) -> dict[str, Any]:
        d = {
            "value": self.value,
            "source": self.source,
            "confidence": round(self.confidence, 2),
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.note:
            d["note"] = self.note
        if self.extra:
            d.update(self.extra)
        return d


class Facts(dict):
    """Mapping fact name -> Fact. Missing names read as an unknown Fact."""

    def get_fact(self, name: str) -> Fact:
        f = self.get(name)
        return f if f is not None else Fact(name)

    def value(self, name: str, default: Any = None) -> Any:
        f = self.get(name)
        return f.value if f is not None and f.known else default

    def to_dict(self) -> dict[str, Any]:
        return {k: v.to_dict() for k, v in self.items()}


@dataclass
class Citation:
    law: str
    article: str
    note: str = ""

    def label(self) -> str:
        return f"{self.law} {self.article}".strip()

    def to_dict(self) -> dict[str, Any]:
        d = {"law": self.law, "article": self.article}
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class Finding:
    rule_id: str
    status: str
    severity: str
    title: str
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    suggestion: Optional[str] = None
    applies: Optional[str] = None  # why the rule applies / does not apply (facts)
    looked_for: Optional[str] = None  # for missing: what was searched for

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def fingerprint(self) -> str:
        """A key that stays the same when the document is edited elsewhere: the rule, the status and
        the quoted words without spacing — not pages or offsets, which move with every edit above.
        A baseline and SARIF ``partialFingerprints`` match findings by it."""
        quotes = sorted("".join(e.quote.split()) for e in self.evidence)
        key = "\x1f".join([self.rule_id, self.status, *quotes])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "fingerprint": self.fingerprint(),
            "status": self.status,
            "severity": self.severity,
            "title": self.title,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "citations": [c.to_dict() for c in self.citations],
            "suggestion": self.suggestion,
            "applies": self.applies,
            "looked_for": self.looked_for,
        }


class Document:
    """An extracted document: blocks in reading order, their joined text and a matching view."""

    def __init__(
        self,
        path: str,
        fmt: str,
        sha256: str,
        pages: Optional[int],
        blocks: list[Block],
        text: str,
        meta: Optional[dict[str, Any]] = None,
    ) -> None:
        self.path = path
        self.format = fmt
        self.sha256 = sha256
        self.pages = pages
        self.blocks = blocks
        self.text = text
        self.meta = meta or {}
        self.sections: list[Section] = []  # top-level sections (filled by segment)
        self.all_sections: list[Section] = []  # flat, document order
        self.toc_ranges: list[tuple[int, int]] = []
        self.facts: Facts = Facts()
        self._block_starts = [b.start for b in blocks]
        self._compact: Optional[str] = None
        self._compact_map: Optional[array] = None
        self._section_starts: Optional[list[int]] = None

    # -- matching view -------------------------------------------------------------------------
    def _build_compact(self) -> None:
        text = self.text
        keep = array("i")
        chars = []
        for i, ch in enumerate(text):
            if not ch.isspace():
                keep.append(i)
                chars.append(ch)
        self._compact = "".join(chars)
        self._compact_map = keep

    @property
    def compact(self) -> str:
        """``text`` with every whitespace character removed (for spacing-proof matching)."""
        if self._compact is None:
            self._build_compact()
        return self._compact  # type: ignore[return-value]

    @property
    def compact_map(self) -> array:
        """``compact_map[i]`` is the offset in ``text`` of ``compact[i]``."""
        if self._compact_map is None:
            self._build_compact()
        return self._compact_map  # type: ignore[return-value]

    def span_from_compact(self, cstart: int, cend: int) -> tuple[int, int]:
        """Map a half-open span of the compact view back to a span of ``text``."""
        m = self.compact_map
        if not len(m):
            return (0, 0)
        cstart = max(0, min(cstart, len(m) - 1))
        cend = max(cstart + 1, min(cend, len(m)))
        return (m[cstart], m[cend - 1] + 1)

    def compact_index(self, offset: int) -> int:
        """The compact-view index of the first non-space character at or after ``offset``."""
        return bisect.bisect_left(self.compact_map, offset)

    # -- lookups -------------------------------------------------------------------------------
    def block_at(self, offset: int) -> Optional[Block]:
        if not self.blocks:
            return None
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return self.blocks[max(0, i)]

    def in_toc(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.toc_ranges)

    def section_at(self, offset: int) -> Optional[Section]:
        """The deepest section whose range contains ``offset``."""
        if not self.all_sections:
            return None
        if self._section_starts is None:
            self._section_starts = [s.start for s in self.all_sections]
        i = bisect.bisect_right(self._section_starts, offset) - 1
        while i >= 0:
            s = self.all_sections[i]
            if s.start <= offset < s.end:
                # a deeper section starting later cannot contain offset; this is the deepest
                return s
            i -= 1
        return None

    def evidence(self, start: int, end: int, quote_max: int = 300) -> Evidence:
        """Evidence for a span of ``text``: exact quote, page, section path and location label."""
        quote = self.text[start:end].strip()
        if len(quote) > quote_max:
            quote = quote[: quote_max - 1] + "…"
        b = self.block_at(start)
        sec = self.section_at(start)
        return Evidence(
            quote=quote,
            start=start,
            end=end,
            page=b.page if b else None,
            section=sec.path_label() if sec else None,
            location=b.location_label() if b else None,
            block=b.index if b else None,
        )

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """Widen a span to the enclosing sentence, bounded by the blocks it starts and ends in (a cell,
        a paragraph). A period ends a sentence only after a word ("…한다."), not inside "spir.kr" or
        "1.5"."""
        b = self.block_at(start)
        b_end = self.block_at(max(start, end - 1))
        lo = b.start if b else 0
        hi = b_end.end if b_end else len(self.text)
        text = self.text
        s = start
        while s > lo and text[s - 1] not in "。!?\n" and not _sentence_end(text, s - 1):
            s -= 1
        e = end
        while e < hi and text[e] not in "。!?\n" and not _sentence_end(text, e):
            e += 1
        if e < hi:
            e += 1
        return (s, max(e, end))

    def to_meta_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "sha256": self.sha256, "pages": self.pages}


def _sentence_end(text: str, i: int) -> bool:
    """A period ends a sentence when it follows a Korean ending ("다.", "함.", "것.") not a number."""
    if text[i] != ".":
        return False
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return bool(prev) and not prev.isdigit() and (nxt.isspace() or nxt in "\"')")


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def build_document(
    path: str | Path,
    fmt: str,
    raw_blocks: Iterable[RawBlock],
    pages: Optional[int] = None,
    sha256: Optional[str] = None,
    meta: Optional[dict[str, Any]] = None,
) -> Document:
    """Normalise raw blocks and join them into a Document with stable offsets.

    Cells of one table row are joined with `` | `` so that a row reads as a line
    ("평가항목 | 배점"); every other block starts on a new line. Empty blocks are dropped.
    """
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    prev: Optional[RawBlock] = None
    for rb in raw_blocks:
        text = clean_text(rb.text)
        if not text.strip():
            continue
        text = text.strip()
        if blocks:
            same_row = (
                prev is not None
                and rb.kind == TABLE_CELL
                and prev.kind == TABLE_CELL
                and rb.table == prev.table
                and rb.row == prev.row
                and rb.table is not None
            )
            sep = " | " if same_row else "\n"
            parts.append(sep)
            pos += len(sep)
        start = pos
        parts.append(text)
        pos += len(text)
        blocks.append(
            Block(
                index=len(blocks),
                text=text,
                kind=rb.kind,
                start=start,
                end=pos,
                page=rb.page,
                level=rb.level,
                style=rb.style,
                table=rb.table,
                row=rb.row,
                col=rb.col,
                section_no=rb.section_no,
                para=rb.para,
                depth=rb.depth,
                page_estimated=rb.page_estimated and rb.page is not None,
            )
        )
        prev = rb
    text = "".join(parts)
    p = Path(path)
    digest = sha256 or (sha256_file(p) if p.exists() else hashlib.sha256(text.encode()).hexdigest())
    return Document(str(path), fmt, digest, pages, blocks, text, meta)
