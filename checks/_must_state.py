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
from typing import Iterable, Iterator

import regex

from rfpcheck.pipeline.model import Document, Evidence

from .common import kinds as _kinds
from .common import row_text, section_kind
from .context import CheckContext, Match
from .spans import row_cells, row_span, wrapped_line_span

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


# a cell that only offers or marks a choice: check boxes and tick glyphs ("□", "■", "☑", "V", "O", "X"),
# 예/아니오 ("□ 예 □ 아니오", "예/아니오"), with separators and brackets
_CHOICE_CELL = regex.compile(r"^(?:[□■☐☑☒▣◻◼✓✔√VvOoＯXxＸ×✗○◯●◉]|예|아니오|아니요|[/·,()\[\]])+$")
_CHOICE_TOKEN = regex.compile(r"[□■☐☑☒▣◻◼✓✔√VvOoＯXxＸ×✗○◯●◉]|예|아니오|아니요")
_NUMBER_CELL = regex.compile(r"^[0-9]{1,3}[.)]?$")
_REQ_ID = regex.compile(r"^[A-Z]{2,4}-?[0-9]{1,4}")


def self_check_row(doc: Document, start: int) -> bool:
    """A row of a self-check / compliance table that merely ticks the topic ("…(제33조) | O"), or
    offers the choice without stating anything: every other cell of the row is a check box or a tick
    glyph, or 예/아니오 ("SW사업 영향평가 결과서 첨부 | □ | □"), ticked or not."""
    b = doc.block_at(start)
    if b is None or b.table is None:
        return False
    cells = row_cells(doc, start)
    if cells and _REQ_ID.match("".join(cells[0].text.split())):
        return False  # a requirement's row ("PMR-004 | 소프트웨어사업정보 제출 | O") states it
    row = row_text(doc, start)
    if _CHECK_TICK.search(row) and len("".join(row.split())) < 120:
        return True
    choices = 0
    for cell in cells:
        if cell.start <= start < cell.end:
            continue  # the cell of the match states the topic
        c = "".join(cell.text.split())
        if not c or _NUMBER_CELL.match(c):
            continue
        if not (_CHOICE_CELL.match(c) and _CHOICE_TOKEN.search(c)):
            return False
        choices += 1
    return choices > 0


# -- lines, rows and block boundaries ----------------------------------------------------------


def _heading_blocks(doc: Document) -> set[int]:
    c = _cache(doc)
    if "heads" not in c:
        c["heads"] = {s.block_index for s in doc.all_sections}
    return c["heads"]


def hard_break(doc: Document, start: int, end: int) -> int:
    """The offset of the first line break inside ``[start, end)`` of ``doc.text`` that leaves one unit
    of the document for another — into or out of a heading, or between a table and the text around
    it (or another table) — or -1 when there is none.

    Patterns on the whitespace-free view do not see line breaks, so a gap such as ``[^。]{0,30}``
    runs from a requirement into the next heading ("…현행화하여야 함⏎Ⅳ. 제안서 작성 요령"). Lines of one
    list or one table may still read together ("보안약점 점검 | … ⏎ 조치 | 조치 결과서 제출")."""
    text = doc.text
    nl = text.find("\n", start, end)
    heads = None
    while nl >= 0:
        b1, b2 = doc.block_at(max(0, nl - 1)), doc.block_at(nl + 1)
        if b1 is None or b2 is None:
            return nl
        if b1.index != b2.index:
            if b1.table != b2.table:
                return nl
            if heads is None:
                heads = _heading_blocks(doc)
            if b1.index in heads or b2.index in heads:
                return nl
        nl = text.find("\n", nl + 1, end)
    return -1


def line_span(doc: Document, offset: int, wrapped: bool = True) -> tuple[int, int]:
    """The line of ``doc.text`` around ``offset``: a whole table row (its cells read as one line), or
    the line of a paragraph joined (``wrapped``) with the lines its sentence seems to wrap onto."""
    if wrapped:
        return wrapped_line_span(doc, offset)
    rs = row_span(doc, offset)
    if rs is not None:
        return rs
    text = doc.text
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, (len(text) if hi < 0 else hi)


def line_compact(doc: Document, offset: int, wrapped: bool = True) -> tuple[int, int]:
    """:func:`line_span` on the whitespace-free view (compact start, compact end)."""
    a, b = line_span(doc, offset, wrapped)
    return doc.compact_index(a), doc.compact_index(b)


def window(doc: Document, m: Match, before: int, after: int) -> tuple[int, int]:
    """Compact-view bounds for reading ``before`` characters before and ``after`` characters after a
    match, kept inside its line or table row (:func:`line_span`)."""
    lo, hi = line_compact(doc, m.start)
    return max(lo, m.compact_start - before), min(max(hi, m.compact_end), m.compact_end + after)


def iter_lines(doc: Document, rx: "regex.Pattern", include_toc: bool = False) -> Iterator[Match]:
    """Matches of ``rx`` on the whitespace-free view that do not run over a heading or out of a table
    (:func:`hard_break`). Such a match is searched again before the break, so "…목록을 현행화하여야
    함⏎Ⅳ. 제안서 작성 요령" yields "목록을현행화", not "목록…작성"."""
    s = doc.compact
    pos, n = 0, len(s)
    while pos < n:
        mm = rx.search(s, pos)
        if mm is None:
            return
        cs, ce = mm.span()
        if ce <= cs:
            pos = cs + 1
            continue
        a, b = doc.span_from_compact(cs, ce)
        brk = hard_break(doc, a, b)
        if brk >= 0:
            lim = doc.compact_index(brk)
            mm = rx.search(s, cs, lim) if lim > cs else None
            if mm is None or mm.end() <= mm.start():
                pos = max(lim, cs + 1)
                continue
            cs, ce = mm.span()
            a, b = doc.span_from_compact(cs, ce)
        pos = ce
        if not include_toc and doc.toc_ranges and doc.in_toc(a):
            continue
        yield Match(a, b, mm.groups(), cs, ce)


# -- 제안서 작성요령: outline rows and instructions to the bidder ----------------------------------

# an instruction on what to write in the proposal ("…방안을 기술할 것", "제안사는 … 제시하여야 함")
_WRITE_INSTR = regex.compile(
    r"(?:기술|제시|작성|서술|기재|설명|명시|표기)(?:하여야|해야|할것|하시오|하기바|바람|토록|하여주)"
    r"|제안서|제안사(?:는|가|의)|제안자(?:는|가)|제안내용|제안업체|제안요청서에|입찰자(?:는|가)"
)
_OBLIGE = regex.compile(r"하여야|해야|여야한|어야한|아야한|할것|하도록|필수|의무|(?:한다|함|됨|된다)[.。]?$")


def proposal_outline(doc: Document, m: Match) -> bool:
    """True for a hit in the 제안서 작성요령 (proposal-writing guide) that is not a requirement of the
    project: an outline row that only names a topic ("4. 보안 | 개발보안 적용 방안, 보안약점 진단 계획"),
    or an instruction on what the proposal must describe ("…품질관리 방안을 기술할 것"). A firm
    obligation on the contractor written in that part ("계약상대자는 … 제출하여야 함") still counts."""
    if section_kind(doc, m.start) != "proposal_guide":
        return False
    a, b = doc.sentence_span(m.start, m.end)
    la, lb = line_span(doc, m.start)
    clause = "".join(doc.text[max(a, la):min(b, lb) if lb > m.start else b].split())
    if _WRITE_INSTR.search(clause):
        return True
    return not _OBLIGE.search(clause)


# -- negated and waived statements ----------------------------------------------------------------

# a negation or waiver that closes the clause of a match ("보안약점 진단은 본 사업에서 요구하지 아니한다",
# "보안서약서 제출은 생략한다", "…은 과업에 포함하지 않는다", "영향평가 대상에 해당하지 않는다"). Not a
# negated purpose or condition, which still states the duty: "…하지 않도록 하여야", "…않아야 한다",
# "…하지 않은 경우", "…아니하면".
_NEG_AFTER = regex.compile(
    # a predicate that ends or links its clause, not one that modifies a noun ("…받지 않은 결과물"),
    # quotes a statement ("보유하고 있지 않다는 확약서") or states a purpose or condition ("…않도록",
    # "…않은 경우", "…아니하면")
    r"(?:지|지는|지도)(?:않(?:는다|음|으며|고|습니다|기로|으므로|아도)|아니(?:한다|함|하며|하고|하므로|합니다|하기로|하여도))"
    r"|생략(?:한다|함|하며|하고|하기로|됨|된다|되며|가능|할수있)|면제(?:한다|함|하며|하고|됨|된다|되며)"
    r"|불(?:필)?요(?:하다|함|하며|하고|하므로|합니다|$|[.。])|필요(?:하지않|(?:가|는)?없)(?:다|음|으며|고|습니다)"
    r"|제외(?:한다|함|하며|되며|되고|된다|됨|$)|(?<![을를])제외하고(?!는)|해당(?:사항)?없(?:다|음|으며|고|습니다)"
)
# where the match's own predicate ends and another begins: a connective ending or an obligation
_NEG_STOP = regex.compile(
    r"(?:하|되|이|있|받|주)(?:며|고)(?!있)|으며|으나|지만|면서|하여야|해야|여야|하도록|할것|하되|한후|하여(?!서는)|[.。;]"
)
# how far after a match its waiving predicate may stand ("…은 본 사업에서 요구하지 아니한다")
_NEG_REACH = 24
# a proviso without a comma ("…반납한다. 단 공개 자료는 제외한다" in one sentence)
_PROVISO = regex.compile(r"(?<![가-힣])단\s+(?=[가-힣])|다만")


def subclause_compact(doc: Document, m: Match) -> tuple[str, str]:
    """The whitespace-free sub-clause of ``m`` split at the match: (text before it, text after it). The
    clause is the sentence narrowed to its list item (:func:`spans.clause_span`), cut at "다만", "단"
    and a comma after a connective ending (:func:`spans.subclause`)."""
    from .spans import clause_span, subclause

    a, b = clause_span(doc, m.start, m.end)
    if not (a <= m.start and m.end <= b):
        a, b = doc.sentence_span(m.start, m.end)
    text = doc.text[a:b]
    sa, sb = subclause(text, m.start - a, m.end - a)
    for p in _PROVISO.finditer(text, m.end - a, sb):
        sb = p.start()
        break
    for p in _PROVISO.finditer(text, sa, m.start - a):
        sa = p.end()
    return "".join(text[sa: m.start - a].split()), "".join(text[m.end - a: sb].split())


def negated(doc: Document, m: Match) -> bool:
    """Whether the sub-clause of ``m`` closes with a negation or waiver of it ("보안서약서 제출은
    생략한다", "DB 구조 변경을 수반하는 기능 개발은 본 과업에 포함하지 않는다"), before any other
    predicate takes over ("보안서약서를 제출하며 자료를 외부에 유출하지 않는다" is not a waiver of the
    pledge). A negated purpose or condition ("…하지 않도록 하여야", "…하지 않은 경우") is not a waiver.
    Rules whose requirement is itself a ban (누출 금지, 사본 보관 금지) should not use it on that element."""
    tail = subclause_compact(doc, m)[1]
    neg = _NEG_AFTER.search(tail, 0, len(tail))
    if neg is None or neg.start() > _NEG_REACH:
        return False
    stop = _NEG_STOP.search(tail, 0, neg.start())
    return stop is None


# -- searching ---------------------------------------------------------------------------------

# the parts of an RFP where a presence rule does not look for the requirement: the table of contents,
# the evaluation tables, descriptions of the current system (현황), and the proposal-writing guide
PRESENCE_SKIP = ("toc", "evaluation", "current")


def find(
    ctx: CheckContext,
    rx: "regex.Pattern | str",
    *,
    skip_template: bool = True,
    skip_law_list: bool = True,
    skip_kinds: Iterable[str] = ("toc",),
    skip_leak_list: bool = False,
    skip_outline: bool = False,
    one_line: bool = True,
    drop_negated: bool = False,
    limit: int = 200,
) -> list[Match]:
    """Matches of ``rx`` on the whitespace-free view, without those in the table of contents, the
    기술적용계획표 template, bare law-list items or the section kinds in ``skip_kinds``;
    ``skip_outline`` also drops outline rows and writing instructions of the 제안서 작성요령
    (:func:`proposal_outline`). With ``one_line`` a match does not run over a heading or out of a
    table (:func:`iter_lines`); otherwise it may run across any blocks. ``drop_negated`` drops matches
    whose own sub-clause negates or waives them (:func:`negated`: "…은 생략한다", "…요구하지 아니한다")."""
    doc = ctx.doc
    kinds = set(skip_kinds)
    out: list[Match] = []
    if isinstance(rx, str):
        rx = regex.compile(rx)
    it = iter_lines(doc, rx) if one_line else ctx.finditer(rx)
    for m in it:
        if skip_template and in_template(doc, m.compact_start):
            continue
        if kinds and section_kind(doc, m.start) in kinds:
            continue
        if skip_outline and proposal_outline(doc, m):
            continue
        if skip_law_list and law_list_item(doc, m.start, m.end):
            continue
        if skip_leak_list and leak_list_context(doc, m.compact_start, m.compact_end):
            continue
        if drop_negated and negated(doc, m):
            continue
        out.append(m)
        if len(out) >= limit:
            break
    return out


def sentence_compact(ctx: CheckContext, m: Match) -> str:
    a, b = ctx.doc.sentence_span(m.start, m.end)
    return "".join(ctx.doc.text[a:b].split())


_ROW_QUOTE_MAX = 300


def quotes(ctx: CheckContext, matches: Iterable[Match], n: int = 3, rows: bool = False) -> list[Evidence]:
    """Evidence for up to ``n`` matches, one per sentence; with ``rows`` a match in a short table cell
    is quoted with its whole row ("L3 스위치 | 24포트 | 2대"), not the lone cell."""
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    doc = ctx.doc
    for m in matches:
        span = row_span(doc, m.start) if rows else None
        if span is not None and span[1] - span[0] <= _ROW_QUOTE_MAX:
            ev = doc.evidence(*span)
        else:
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
# a web site or app is built ("제작", "구축", "퍼블리싱", "리뉴얼") rather than "developed"
_WEB_BUILD_WORD = regex.compile(r"구축|제작|퍼블리싱|리뉴얼|재구성|개선")
# a supply or subscription contract
_SUPPLY_WORD = regex.compile(r"라이선스|라이센스|구독|납품|공급|구매|임차|설치")


def _count_outside_template(doc: Document, rx: "regex.Pattern", cap: int) -> int:
    n = 0
    for m in rx.finditer(doc.compact):
        if in_template(doc, m.start()):
            continue
        n += 1
        if n >= cap:
            break
    return n


def development_mentions(doc: Document, cap: int = 30) -> int:
    """How often the text speaks of developing (개발·구현·개편; for a 홈페이지·앱 project also 구축·제작·
    퍼블리싱·리뉴얼) outside the 기술적용계획표 template — a supply or subscription project that the facts
    read as 'SW개발' barely does (≤ 5)."""
    c = _cache(doc)
    if "dev" not in c:
        n = _count_outside_template(doc, _DEV_WORD, cap)
        if n < cap and "홈페이지앱" in _kinds(doc):
            n = min(cap, n + _count_outside_template(doc, _WEB_BUILD_WORD, cap))
        c["dev"] = n
    return c["dev"]


def supply_mentions(doc: Document, cap: int = 30) -> int:
    """How often the text speaks of supplying, buying or subscribing (라이선스·구독·납품·공급·구매·설치)."""
    c = _cache(doc)
    if "supply" not in c:
        c["supply"] = _count_outside_template(doc, _SUPPLY_WORD, cap)
    return c["supply"]


def system_scope(doc: Document) -> tuple[str, str]:
    """Whether the project builds or operates an information system: ('build' | 'operation' | 'na',
    Korean reason naming the facts). A development kind read from the text is set aside only when the
    text barely speaks of building anything and does speak of supplying or subscribing."""
    ks = _kinds(doc)
    label = kinds_label(ks)
    how = fact_source(doc, "project_kinds")
    given = doc.facts.get_fact("project_kinds").source == "given"
    if set(ks) & set(DEV_KINDS):
        n = development_mentions(doc)
        if n <= 5 and not given and "유지관리운영" not in ks:
            sup = supply_mentions(doc)
            if sup > max(2, n):
                return "na", (f"사업유형 {label}({how})이나 본문에 개발·구축 과업이 거의 없고(‘개발·구현’ {n}회) "
                              f"공급·구매·구독 표현이 많음({sup}회) — 제품·라이선스 공급 사업으로 보아 해당없음")
        return "build", f"사업유형 {label}({how}) — 정보시스템 구축"
    if "DB구축" in ks:
        return "build", f"사업유형 {label}({how}) — DB 구축"
    if "유지관리운영" in ks:
        return "operation", f"사업유형 {label}({how}) — 정보시스템 운영·유지관리"
    return "na", f"사업유형 {label}({how}) — 정보시스템을 구축·운영하지 않는 사업이므로 해당없음"
