"""Context judgements shared by the detectors that look for a required statement (SEC01–PROC01).

A keyword alone proves little in an RFP: the same words stand in boilerplate that every agency
copies. This module recognises those places so that a detector can discount them:

- the 기술적용계획표 (technology-application plan) appendix, whose rows the bidder ticks
  적용/미적용 — a row there is a checklist item, not a requirement of this project;
- law lists ("ｏ공공기관의 데이터베이스 표준화 지침(행정안전부고시)ｏ…"), where a guideline is only named;
- 누출금지 대상정보 lists, which name equipment ("라우터·스위치 등 네트워크 장비 설정정보") without
  buying any;
- self-check / compliance tables ("…(제33조)|O") that tick every topic.

Results are cached per document (several rules ask for the same regions).
"""
from __future__ import annotations

import bisect
from typing import Iterable

import regex

from rfpcheck.pipeline.model import Document, Evidence

from .common import kinds as _kinds
from .common import row_text, section_kind
from .context import CheckContext, Match

# -- per-document cache ------------------------------------------------------------------------


def _cache(doc: Document) -> dict:
    c = doc.__dict__.get("_must_state_cache")
    if c is None:
        c = {}
        doc.__dict__["_must_state_cache"] = c
    return c


# -- 기술적용계획표 ------------------------------------------------------------------------------

_TMPL_HEADER = regex.compile(r"적용계획/결과|부분적용/미적용|적용여부\|?적용계획")
_TMPL_TITLE = "기술적용계획표"
_TMPL_MARK = regex.compile(r"\|[○O◦◯●◎ㅇ](?=\||$|[^가-힣A-Za-z])|[○◯]\|")


def template_ranges(doc: Document) -> list[tuple[int, int]]:
    """Compact-view ranges of the 기술적용계획표 template (title and law list through its last
    ticked row)."""
    c = _cache(doc)
    if "tmpl" in c:
        return c["tmpl"]
    s = doc.compact
    marks = [m.start() for m in _TMPL_MARK.finditer(s)]
    out: list[tuple[int, int]] = []
    for h in _TMPL_HEADER.finditer(s):
        hp = h.start()
        if out and hp < out[-1][1]:
            # a later header of the same template: extend it
            start = out[-1][0]
            out.pop()
        else:
            title = s.rfind(_TMPL_TITLE, max(0, hp - 4000), hp)
            start = title if title >= 0 else max(0, hp - 2500)
        end = hp
        i = bisect.bisect_left(marks, hp)
        while i < len(marks) and marks[i] - end < 1500:
            end = marks[i]
            i += 1
        out.append((start, max(end, h.end()) + 200))
    c["tmpl"] = out
    return out


def in_template(doc: Document, cpos: int) -> bool:
    for a, b in template_ranges(doc):
        if a <= cpos < b:
            return True
    return False


# -- law lists ---------------------------------------------------------------------------------

_ITEM_SPLIT = regex.compile(
    r"[ｏ○◦•▪■□❍◎ㅇ∙●※]|(?:^|(?<=[)）」』”]))o|[\n|]|(?<![0-9A-Za-z])[-–](?=[가-힣「『“'‘\"(])|[①-⑳]|(?<![0-9A-Za-z.,\-])\d{1,2}[.)](?=[가-힣「『“(])"
)
_LAW_NAME_END = regex.compile(
    r"(?:지침|가이드|가이드라인|고시|법률|법|시행령|시행규칙|기준|규정|매뉴얼|예규|훈령|조례|방안|지침서|표준)"
    r"[」』”\"’']?(?:\([^()]{0,40}\))?(?:제?\d{4}[-.]\d+호?)?[,.;]?$"
)
_PREDICATE = regex.compile(
    # verbs and case endings that make an item a requirement ("…지침을 준수하여야 함"), not words that
    # occur inside guideline names ("보안약점 진단 가이드", "DB 구축 지침")
    r"준수|따라|따른|의거|의한|준용|하여야|해야|할것|하여|하고|하며|한다|함\.?$|적용|이행|반영|고려|참고|참조|바람"
)


def law_list_item(doc: Document, start: int, end: int) -> bool:
    """True when ``[start, end)`` lies in a bare list item that only names a law or guideline
    ("- 소프트웨어 개발보안 가이드(행정안전부)", "ｏ공공데이터관리지침(행정안전부고시)ｏ…")."""
    b = doc.block_at(start)
    if b is None:
        return False
    raw = doc.text
    # the line of the block that holds the hit
    lo = raw.rfind("\n", b.start, start) + 1 or b.start
    lo = max(lo, b.start)
    hi = raw.find("\n", end, b.end)
    hi = b.end if hi < 0 else hi
    text = "".join(raw[lo:hi].split())
    hit = "".join(raw[start:end].split())
    cs = len("".join(raw[lo:start].split()))
    ce = cs + len(hit)
    # item bounds: previous and next bullet around the hit
    ilo, ihi = 0, len(text)
    for m in _ITEM_SPLIT.finditer(text):
        if m.end() <= cs:
            ilo = m.end()
        elif m.start() >= ce:
            ihi = m.start()
            break
    item = text[ilo:ihi].strip(" ,;·")
    if not item or len(item) > 90:
        return False
    if _PREDICATE.search(item.replace(hit, "")):
        return False
    return bool(_LAW_NAME_END.search(item))


# -- lists that name things without requiring them ------------------------------------------------

_LEAK_LIST = regex.compile(r"누출금지|비공개대상|보안위규|위규사항|위규처리")
_LEAK_AFTER = regex.compile(r"설정정보|도입현황|구성정보")


def leak_list_context(doc: Document, cstart: int, cend: int) -> bool:
    """Inside a 누출금지 대상정보 / 보안위규 list: "라우터·스위치 등 네트워크장비 설정정보"."""
    s = doc.compact
    if _LEAK_AFTER.search(s, cend, min(len(s), cend + 22)):
        return True
    return bool(_LEAK_LIST.search(s, max(0, cstart - 250), cstart))


_CHECK_TICK = regex.compile(r"\|\s*[OoＯ○◯●V✓✔]\s*(?:\||$)")


def self_check_row(doc: Document, start: int) -> bool:
    """A row of a self-check / compliance table that merely ticks the topic ("…(제33조) | O")."""
    b = doc.block_at(start)
    if b is None or b.table is None:
        return False
    row = row_text(doc, start)
    return bool(_CHECK_TICK.search(row)) and len("".join(row.split())) < 120


# -- searching ---------------------------------------------------------------------------------


def find(
    ctx: CheckContext,
    rx: "regex.Pattern | str",
    *,
    skip_template: bool = True,
    skip_law_list: bool = True,
    skip_kinds: Iterable[str] = ("toc",),
    skip_leak_list: bool = False,
    limit: int = 200,
) -> list[Match]:
    """Matches of ``rx`` on the whitespace-free view, without those in the table of contents, the
    기술적용계획표 template, bare law-list items or the section kinds in ``skip_kinds``."""
    doc = ctx.doc
    kinds = set(skip_kinds)
    out: list[Match] = []
    for m in ctx.finditer(rx):
        if skip_template and in_template(doc, m.compact_start):
            continue
        if kinds and section_kind(doc, m.start) in kinds:
            continue
        if skip_law_list and law_list_item(doc, m.start, m.end):
            continue
        if skip_leak_list and leak_list_context(doc, m.compact_start, m.compact_end):
            continue
        out.append(m)
        if len(out) >= limit:
            break
    return out


def sentence_compact(ctx: CheckContext, m: Match) -> str:
    a, b = ctx.doc.sentence_span(m.start, m.end)
    return "".join(ctx.doc.text[a:b].split())


def quotes(ctx: CheckContext, matches: Iterable[Match], n: int = 3) -> list[Evidence]:
    """Evidence for up to ``n`` matches, one per sentence."""
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for m in matches:
        ev = ctx.evidence(m.start, m.end)
        key = (ev.start, ev.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
        if len(out) >= n:
            break
    return out


# -- applicability helpers -------------------------------------------------------------------------

DEV_KINDS = ("SW개발", "고도화", "홈페이지앱")


def kinds_label(kinds: list[str]) -> str:
    return "·".join(kinds) if kinds else "미상"


def fact_source(doc: Document, name: str) -> str:
    f = doc.facts.get_fact(name)
    return "입력값" if f.source == "given" else "추정"


_DEV_WORD = regex.compile(r"개발|구현|개편")


def development_mentions(doc: Document, cap: int = 30) -> int:
    """How often the text speaks of developing (개발·구현·개편) outside the 기술적용계획표 template —
    a supply or subscription project that the facts read as 'SW개발' barely does (≤ 5)."""
    c = _cache(doc)
    if "dev" not in c:
        n = 0
        for m in _DEV_WORD.finditer(doc.compact):
            if in_template(doc, m.start()):
                continue
            n += 1
            if n >= cap:
                break
        c["dev"] = n
    return c["dev"]


def system_scope(doc: Document) -> tuple[str, str]:
    """Whether the project builds or operates an information system: ('build' | 'operation' | 'na',
    Korean reason naming the facts)."""
    ks = _kinds(doc)
    label = kinds_label(ks)
    how = fact_source(doc, "project_kinds")
    given = doc.facts.get_fact("project_kinds").source == "given"
    if set(ks) & set(DEV_KINDS):
        n = development_mentions(doc)
        if n <= 5 and not given and "유지관리운영" not in ks:
            return "na", (f"사업유형 {label}({how})이나 본문에 개발·구현 과업이 거의 없음(‘개발·구현’ {n}회) — "
                          "제품·라이선스 공급 사업으로 보아 해당없음")
        return "build", f"사업유형 {label}({how}) — 정보시스템 구축"
    if "DB구축" in ks:
        return "build", f"사업유형 {label}({how}) — DB 구축"
    if "유지관리운영" in ks:
        return "operation", f"사업유형 {label}({how}) — 정보시스템 운영·유지관리"
    return "na", f"사업유형 {label}({how}) — 정보시스템을 구축·운영하지 않는 사업이므로 해당없음"
