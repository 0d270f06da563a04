"""What a detector gets: the document, its facts, spacing-proof search and finding builders."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

import regex

from rfpcheck.pipeline.model import Document, Evidence, Finding

from .registry import Rule


@dataclass
class Match:
    """A match found on the compact (whitespace-free) view, mapped back to ``Document.text``."""

    start: int  # offset in doc.text
    end: int
    groups: tuple
    compact_start: int
    compact_end: int


class CheckContext:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.facts = doc.facts

    # -- search -------------------------------------------------------------------------------
    def finditer(self, pattern: "str | regex.Pattern", include_toc: bool = False) -> Iterator[Match]:
        """Matches of ``pattern`` on the whitespace-free view; spans map back to the original text.

        Write patterns without spaces ("하도급비율"): the view has none. Table-of-contents matches
        are skipped unless ``include_toc``.
        """
        rx = regex.compile(pattern) if isinstance(pattern, str) else pattern
        doc = self.doc
        for m in rx.finditer(doc.compact):
            if m.end() <= m.start():
                continue
            s, e = doc.span_from_compact(m.start(), m.end())
            if not include_toc and doc.toc_ranges and doc.in_toc(s):
                continue
            yield Match(s, e, m.groups(), m.start(), m.end())

    def evidence(self, start: int, end: int, sentence: bool = True) -> Evidence:
        """Evidence for a span, widened to its clause when ``sentence``: the sentence joined across
        PDF line wraps and cut at list bullets (see :func:`spans.clause_span`)."""
        if sentence:
            from .spans import clause_span

            start, end = clause_span(self.doc, start, end)
        return self.doc.evidence(start, end)

    # -- findings -----------------------------------------------------------------------------
    def finding(
        self,
        rule: Rule,
        status: str,
        message: str,
        evidence: Optional[list[Evidence]] = None,
        applies: Optional[str] = None,
        looked_for: Optional[str] = None,
        suggest: Optional[bool] = None,
    ) -> Finding:
        """Build a finding; the suggested clause is attached for 위반/누락/검토필요 by default."""
        if suggest is None:
            suggest = status in ("violation", "missing", "review")
        return Finding(
            rule_id=rule.id,
            status=status,
            severity=rule.severity_for(status),
            title=rule.title,
            message=message,
            evidence=evidence or [],
            citations=list(rule.citations),
            suggestion=rule.suggestion if suggest else None,
            applies=applies,
            looked_for=looked_for if status == "missing" else None,
        )

    def not_applicable(self, rule: Rule, reason: str) -> Finding:
        return self.finding(rule, "not_applicable", reason, applies=reason, suggest=False)
