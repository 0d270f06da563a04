"""Small synthetic RFPs for the detector tests: paragraphs, then one table, segmented and with facts
read (given facts win); and a runner that checks every quote is exact text of the document."""
from __future__ import annotations

from rfpcheck.checks.context import CheckContext
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import TABLE_CELL, Document, Fact, Finding, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

HEAD = ["가람시 통합 민원 플랫폼 구축 사업 제안요청서", "1. 사업 개요", "가. 사업기간: 계약일로부터 8개월"]


def build_doc(*lines: str, rows=None, head=HEAD, **given) -> Document:
    """A document of ``head`` and ``lines`` (paragraphs), then one table of ``rows``, segmented and
    with its facts read (``given`` wins)."""
    blocks = [RawBlock(t) for t in (*head, *lines)]
    for r, cells in enumerate(rows or []):
        blocks += [RawBlock(c, kind=TABLE_CELL, table=0, row=r, col=k) for k, c in enumerate(cells)]
    doc = build_document("sample.txt", "txt", blocks)
    segment(doc)
    infer_facts(doc, given)
    return doc


def run(detect, *lines: str, rows=None, head=HEAD, **given) -> tuple[Finding, Document]:
    """Build a document (see :func:`build_doc`) and run ``detect``; return (finding, document)."""
    doc = build_doc(*lines, rows=rows, head=head, **given)
    f = detect(CheckContext(doc))
    for e in f.evidence:  # every quote is an exact substring of the text at its offsets
        assert doc.text[e.start:e.end].strip() == e.quote or e.quote.endswith("…")
    return f, doc


def quotes(f: Finding) -> str:
    return " / ".join(e.quote for e in f.evidence)


def inferred(doc: Document, **facts) -> Document:
    """Overwrite facts as if the facts stage had inferred them (not user-given)."""
    for name, value in facts.items():
        doc.facts[name] = Fact(name, value, "inferred", 0.6)
    return doc
