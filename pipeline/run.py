"""One document through the whole pipeline: extract → segment → facts → checks → result dict.

``check_file`` is the per-document function the CLI runs serially or in a process pool; it never
raises for a bad input — the error goes into the result so that a batch goes on.
"""
from __future__ import annotations

import re
import time
import traceback
from pathlib import Path
from typing import Any, Optional

from . import __version__
from .errors import InputError
from .model import STATUSES, Document, Finding

TOOL = {"name": "rfpcheck", "version": __version__}
SCHEMA_VERSION = "1"
INTERNAL_ERROR_MARK = "[내부 오류]"


def run_checks(doc: Document, only: Optional[list[str]] = None) -> tuple[list[Finding], list[str]]:
    """Run every implemented rule; return (findings, ids of rules not implemented yet)."""
    from rfpcheck.checks.context import CheckContext
    from rfpcheck.checks.registry import all_rules

    ctx = CheckContext(doc)
    findings: list[Finding] = []
    not_impl: list[str] = []
    public = doc.facts.get_fact("public_sw_project")
    for rule in all_rules().values():
        if only and rule.id not in only:
            continue
        if public.known and public.value is False:
            findings.append(ctx.not_applicable(rule, _not_public_reason(public)))
            continue
        if not rule.implemented:
            not_impl.append(rule.id)
            continue
        try:
            f = rule.detector(ctx)  # type: ignore[misc]
        except Exception as e:  # a defect in one detector must not cost the other rules or the batch
            f = rule_failure(ctx, rule, e)
        if f.status == "pass" and len(f.evidence) > 1:
            f.evidence = strongest_first(doc, f.evidence)
        findings.append(f)
    return findings, not_impl


# a quote that states something: an obligation, a declaration or a dated fact
_STATEMENT_END = re.compile(r"(?:하여야|해야|하여야\s*함|한다|합니다|함|임|됨|있음|없음|개최|제출|따름|따른다|명시)[.。)]?\s*$")


def strongest_first(doc: Document, evidence: list) -> list:
    """Order a 적합 finding's quotes so that the one a reader is shown first states the requirement:
    full statements before bare headings and before fragments of scope lists ("시큐어코딩, 보안약점
    진단, …"); document order otherwise. The reports show the first quote when they show only one."""
    from rfpcheck.checks.common import section_kind

    heading_starts = {sec.start for sec in doc.all_sections}

    def weight(ev) -> int:
        text = ev.quote.strip()
        w = 0
        if any(ev.start <= h < ev.start + 3 for h in heading_starts):
            w += 2  # the heading of the section, not what it says
        if not _STATEMENT_END.search(text):
            w += 1
        if text.count(",") + text.count("、") >= 2:
            w += 1  # an item of a scope or schedule list
        if section_kind(doc, ev.start) in ("overview", "current", "attachment", "toc"):
            w += 1  # the requirement and contract chapters say what is required
        return w

    return sorted(evidence, key=weight)


def rule_failure(ctx, rule, exc: BaseException) -> Finding:
    """The finding of a rule whose detector failed: 검토필요, saying so plainly, never a guessed status."""
    where = ""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None:
        where = f" @ {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
    f = ctx.finding(
        rule, "review",
        f"{INTERNAL_ERROR_MARK} 이 항목을 점검하는 중 rfpcheck 내부 오류가 나서 판단하지 못했습니다. 사람이 직접 확인하세요 "
        f"({exc.__class__.__name__}{where}).",
        applies="내부 오류로 점검하지 못함", suggest=False,
    )
    return f


def _not_public_reason(fact) -> str:
    how = "입력값" if fact.source == "given" else "문서에서 추정"
    why = f": {fact.note}" if fact.note else ""
    return f"공공 SW사업이 아닙니다({how}{why}). 공공SW 법제도 규칙은 적용되지 않습니다."


def analyse(path: str, given_facts: Optional[dict[str, str]] = None) -> Document:
    """Extract, segment and infer facts. Raises InputError for an unreadable file."""
    from .facts import infer_facts

    doc = _cached_structure(path)
    doc.facts = infer_facts(doc, given_facts or {})
    return doc


def _code_fingerprint() -> str:
    """Hash of the code that shapes a Document (extractors, model, segmentation)."""
    import hashlib
    from pathlib import Path

    here = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for f in sorted([*here.glob("extract/*.py"), here / "model.py", here / "normalize.py", here / "segment.py"]):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cached_structure(path: str) -> Document:
    """Extract + segment, reusing a pickled Document from RFPCHECK_CACHE_DIR when the file and the
    code that shapes Documents are unchanged (a batch re-run then only re-checks changed files)."""
    import os
    import pickle
    from pathlib import Path

    from .extract import extract, sniff
    from .model import sha256_file
    from .segment import segment

    cache_dir = os.environ.get("RFPCHECK_CACHE_DIR")
    if not cache_dir:
        doc = extract(path)
        segment(doc)
        return doc
    sniff(path)  # the same one-line errors for missing/odd files, before any hashing
    key = f"{sha256_file(path)}-{_code_fingerprint()}.pickle"
    cp = Path(cache_dir) / key
    if cp.is_file():
        try:
            with open(cp, "rb") as f:
                doc = pickle.load(f)
            doc.path = str(path)
            return doc
        except Exception:
            pass  # a damaged cache entry is rebuilt
    doc = extract(path)
    segment(doc)
    try:
        cp.parent.mkdir(parents=True, exist_ok=True)
        tmp = cp.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(doc, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cp)
    except OSError:
        pass  # caching is an optimisation; a read-only cache folder must not fail a check
    return doc


def check_file(path: str, given_facts: Optional[dict[str, str]] = None,
               only: Optional[list[str]] = None) -> dict[str, Any]:
    """The report entry of one document (see findings.schema.json)."""
    t0 = time.perf_counter()
    try:
        doc = analyse(path, given_facts)
        findings, not_impl = run_checks(doc, only)
    except InputError as e:
        return _error_entry(path, e.code, e.reason)
    except (MemoryError, RecursionError) as e:
        return _error_entry(path, "too_complex", f"문서가 너무 크거나 복잡해 처리하지 못했습니다 ({e.__class__.__name__}).")
    except Exception as e:  # a defect in the reader: this file fails, the batch goes on
        last = traceback.extract_tb(e.__traceback__)[-1:]
        where = f" @ {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
        return _error_entry(path, "internal", f"rfpcheck 내부 오류로 이 문서를 점검하지 못했습니다 "
                                              f"({e.__class__.__name__}{where}). 문제를 알려 주세요.")
    return {
        "document": doc.to_meta_dict(),
        "facts": doc.facts.to_dict(),
        "sections": [
            {"label": s.label, "title": s.title, "location": doc.evidence(s.start, s.start + 1).location}
            for s in doc.sections
        ],
        "findings": [f.to_dict() for f in findings],
        "rules_not_implemented": not_impl,
        "summary": _summary(findings),
        "stats": {"characters": len(doc.text), "blocks": len(doc.blocks),
                  "seconds": round(time.perf_counter() - t0, 3)},
        "error": None,
    }


def _error_entry(path: str, code: str, message: str) -> dict[str, Any]:
    return {
        "document": {"path": str(path), "format": None, "sha256": None, "pages": None},
        "facts": {},
        "sections": [],
        "findings": [],
        "rules_not_implemented": [],
        "summary": _summary([]),
        "error": {"code": code, "message": message},
    }


def _summary(findings: list[Finding]) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    for f in findings:
        counts[f.status] += 1
    return counts


def make_report(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "tool": dict(TOOL), "documents": entries}
