"""Applicability gates and context tests shared by the SW02, SW07, SW10–SW13, SW15, SW17 and SW18
detectors, kept in one place so that no rule module reads another rule module's internals.

Applicability
    :func:`development_scope` — does the project develop SW (SW개발, 재개발·고도화, 홈페이지·앱, or an
    operation contract that also builds new functions)? SW07, SW10, SW11, SW13, SW15, SW17, SW18.
    :func:`amount_scope` — that judgement combined with a project-amount threshold, returning the
    해당없음 finding, the `applies` text and what is still unsure (SW13, SW15, SW18); :func:`silence`
    — the 누락 / 검토필요 finding when such a document says nothing.
    :func:`evaluation_scope` / :func:`negotiation_scope` — does the document evaluate proposals, and
    is the contract a negotiated one (SW10, SW11, SW12)?

Context of a match
    :func:`law_list_item` — an item of a bare list of laws, which names a rule without applying it;
    :func:`self_check_row` — a ticked row of a self-check / compliance table ("…산정 | O", "… | 예");
    :func:`same_block`, :func:`local_matches` — matches that do not run across paragraphs (the
    whitespace-free view joins them);
    :func:`window`, :func:`sentence_compact`, :func:`dedupe`, :func:`iter_named`;
    :func:`previous_project_mention` — a 현황 / 추진 경과 sentence about an earlier phase or project
    ("1차 사업은 … 제안서 보상을 실시하였음"), which is no evidence for this project (SW10, SW12, SW13,
    SW17, SW18).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

import regex

from rfpcheck.pipeline.model import Document, Evidence, Finding

from . import _must_state
from .common import budget_gate, kinds, load_lexicon, section_kind, table_header
from .context import CheckContext, Match
from .registry import Rule
from .spans import narrow_match, row_span

# ------------------------------------------------------------------------------------------------
# Project kinds
# ------------------------------------------------------------------------------------------------

DEV_KINDS = ("SW개발", "고도화", "홈페이지앱")
ADVISORY_KINDS = ("ISP컨설팅", "연구용역", "감리PMO")
KIND_KO = {
    "SW개발": "SW개발", "고도화": "고도화", "홈페이지앱": "홈페이지·앱", "유지관리운영": "유지관리·운영",
    "ISP컨설팅": "ISP·컨설팅", "연구용역": "연구용역", "감리PMO": "감리·PMO", "상용SW구매": "상용SW 구매",
    "HW인프라": "HW·인프라", "DB구축": "DB 구축", "비SW": "비SW",
}

# functional requirement ids (SFR-001, FUN-01, REQ-F-001 …): an operation contract that lists them
# also develops new functions
_FUNC_REQ_ID = regex.compile(r"(?<![A-Za-z])(?:SFR|FUN|FUR|REQ-F)-?[0-9]{1,3}")
# a project that subscribes to / supplies a licensed service rather than developing one
_SUBSCRIPTION = regex.compile(r"라이선스구독|라이센스구독|구독형라이선스|구독형라이센스|SaaS도입|SaaS구독")
# "DB 구축", "자료 구축" in a project name is not SW development
_DB_BUILD = regex.compile(r"(?:DB|데이터베이스|자료|데이터|콘텐츠|디지털콘텐츠)(?:구축|화|입력)")
_BUILD_WORD = regex.compile(r"구축|개발|도입")
# a project name that operates a web site or app, and one that builds or rebuilds it
_OPERATE_NAME = regex.compile(r"운영|유지관리|유지보수|관리용역|위탁")
_BUILD_NAME = regex.compile(r"구축|개발|개편|고도화|구현|신규|전환|리뉴얼|재구축|재개발")


def kinds_label(ks: list[str]) -> str:
    return "·".join(KIND_KO.get(k, k) for k in ks) or "미상"


def kind_source(doc: Document) -> str:
    """'입력값' when the user gave the project kinds, '추정' when the facts stage read them."""
    return "입력값" if doc.facts.get_fact("project_kinds").source == "given" else "추정"


def functional_requirement_count(doc: Document) -> int:
    """Distinct functional-requirement ids (SFR-001 …) in the document (at most 50 are counted)."""
    ids = set()
    for m in _FUNC_REQ_ID.finditer(doc.compact):
        ids.add(m.group(0).replace("-", ""))
        if len(ids) >= 50:
            break
    return len(ids)


def _project_name(doc: Document) -> str:
    return "".join((doc.facts.value("project_name") or "").split())


def development_scope(doc: Document) -> tuple[Optional[bool], str]:
    """Whether the project develops SW (SW개발, 재개발·고도화, 홈페이지·앱, or an operation contract
    that also builds new functions), with a Korean reason naming the facts it read.

    Kinds the user gave are taken as they are; inferred kinds are corrected where the document says
    otherwise: a data build named "… DB구축", a licence subscription, and the web/app kind of a
    contract that only operates a site ("홈페이지 운영 및 콘텐츠 관리 용역")."""
    ks = kinds(doc)
    src = kind_source(doc)
    if not ks:
        return None, "사업유형을 확인하지 못했습니다"
    given = doc.facts.get_fact("project_kinds").source == "given"
    dev = [k for k in ks if k in DEV_KINDS]
    if not given:
        name = _project_name(doc)
        if "SW개발" in dev and name and _DB_BUILD.search(name):
            rest = _DB_BUILD.sub("", name)
            if not _BUILD_WORD.search(rest):
                dev.remove("SW개발")  # "연구성과물 DB구축 사업": data build, not SW development
        if dev and "상용SW구매" in ks:
            head = doc.compact[: max(8000, len(doc.compact) // 5)]
            m = _SUBSCRIPTION.search(head)
            if m:
                return False, (f"사업유형 {kinds_label(ks)}({src})이나 사업범위가 라이선스 구독·공급"
                               f"(‘{m.group(0)}’)으로 SW 개발 사업이 아님")
        if dev == ["홈페이지앱"] and "유지관리운영" in ks and name and _OPERATE_NAME.search(name) \
                and not _BUILD_NAME.search(name):
            dev = []  # "기관 홈페이지 운영 및 콘텐츠 관리 용역": a site is operated, not built
    if dev:
        return True, f"사업유형 {kinds_label(dev)}({src})"
    if "유지관리운영" in ks:
        n = functional_requirement_count(doc)
        if given:
            extra = f"(기능 요구사항 {n}건이 있으나 입력한 사업유형을 따름)" if n >= 3 else ""
            return False, f"사업유형 {kinds_label(ks)}({src}): SW 개발(재개발·고도화 포함) 사업이 아님{extra}"
        if n >= 3:
            return True, f"사업유형 {kinds_label(ks)}({src})이나 기능 요구사항 {n}건(SFR 등)의 개발 과업 포함"
    return False, f"사업유형 {kinds_label(ks)}({src}): SW 개발(재개발·고도화 포함) 사업이 아님"


def operates(doc: Document) -> bool:
    return "유지관리운영" in kinds(doc)


@dataclass
class Scope:
    """Applicability of a rule gated on SW development (or operation) and a project amount."""

    applies: str = ""
    finding: Optional[Finding] = None  # already decided: 해당없음
    unsure: Optional[str] = None  # why applicability is open (amount or kind unknown), else None
    dev: Optional[bool] = None
    gate: Optional[bool] = None


def amount_scope(ctx: CheckContext, rule: Rule, threshold: int, strict: bool = False,
                 operation: bool = False) -> Scope:
    """Gate for "SW 개발사업 (``operation``: or 유지관리·운영 사업) with 사업금액 ≥ ``threshold``"
    (``strict``: > threshold). A finding is set when the rule is 해당없음; ``unsure`` says why the
    rule may not apply when the amount or the kind is unknown (the caller reports 검토필요 if the
    document is silent)."""
    doc = ctx.doc
    dev, why = development_scope(doc)
    if dev:
        scope = why
    elif operation and operates(doc):
        scope = f"사업유형 {kinds_label(kinds(doc))}({kind_source(doc)}, 유지관리·운영 포함)"
    elif dev is None:
        scope = None
    else:
        tail = ", 유지관리·운영 사업도 아님" if operation else ""
        return Scope(finding=ctx.not_applicable(rule, f"{why}{tail} → 해당없음"), dev=dev)
    gate, gwhy = budget_gate(doc, threshold, strict=strict)
    label = scope or "사업유형 미상"
    if gate is False:
        return Scope(finding=ctx.not_applicable(rule, f"{label}, {gwhy} → 해당없음"), dev=dev, gate=gate)
    if gate is None:
        return Scope(f"{label}; {gwhy}", unsure=gwhy, dev=dev, gate=gate)
    return Scope(f"{label}, {gwhy} → 적용", unsure=None if scope else "사업유형을 확인하지 못했습니다",
                 dev=dev, gate=gate)


def silence(ctx: CheckContext, rule: Rule, scope: Scope, missing: str, looked_for: str, unsure: str) -> Finding:
    """What a detector gated by :func:`amount_scope` reports when the document says nothing: 검토필요
    (``scope.unsure`` then ``unsure``) while applicability is open, otherwise 누락 (``missing``)."""
    if scope.unsure:
        return ctx.finding(rule, "review", f"{scope.unsure}. {unsure}", applies=scope.applies)
    return ctx.finding(rule, "missing", missing, applies=scope.applies, looked_for=looked_for)


# ------------------------------------------------------------------------------------------------
# Proposal evaluation and contract method
# ------------------------------------------------------------------------------------------------

NON_NEGOTIATION = ("적격심사", "최저가", "수의계약", "2단계경쟁")


def iter_named(doc: Document, rx: "regex.Pattern") -> Iterator[tuple["regex.Match", Match]]:
    """Matches of ``rx`` on the whitespace-free view outside the table of contents, with the regex
    match itself (for named groups) and its :class:`Match`."""
    for m in rx.finditer(doc.compact):
        if m.end() <= m.start():
            continue
        s, e = doc.span_from_compact(m.start(), m.end())
        if doc.toc_ranges and doc.in_toc(s):
            continue
        yield m, Match(s, e, m.groups(), m.start(), m.end())


def evaluation_signals(doc: Document, cap: int = 10) -> int:
    """How many proposal-evaluation expressions the document has (outside the table of contents): the
    lexicon's phrases, and the column titles of evaluation tables ("평가항목 | 배점") in the evaluation part."""
    n = 0
    for _ in iter_named(doc, load_lexicon("gates").rx("evaluation")):
        n += 1
        if n >= cap:
            return n
    header = load_lexicon("gates").rx("evaluation_header")
    for b in doc.blocks:
        if b.table is None or len(b.text) > 20 or not header.match("".join(b.text.split())):
            continue
        if section_kind(doc, b.start) != "evaluation":
            continue
        n += 1
        if n >= cap:
            break
    return n


def evaluation_scope(doc: Document) -> tuple[bool, str, int]:
    """(applies, reason, signal count): a 제안요청서, or any document with a proposal-evaluation part."""
    f = doc.facts.get_fact("doc_type")
    dt = f.value if f.known else None
    n = evaluation_signals(doc)
    if n >= 2:
        return True, f"문서유형 {dt or '미상'}, 제안서 평가 관련 표현 {n}건 이상", n
    if dt == "제안요청서":
        return True, "문서유형 제안요청서(추정)" if f.source != "given" else "문서유형 제안요청서", n
    return False, f"문서유형 {dt or '미상'}이고 제안서 평가 부분(평가항목·배점·협상적격자 등)이 없음", n


def negotiation_scope(ctx: CheckContext, rule: Rule) -> tuple[Optional[Finding], str, int]:
    """Gate of the rules on negotiated contracts (SW11, SW12): (해당없음 finding or None, applies,
    evaluation signal count)."""
    doc = ctx.doc
    ok, why, n = evaluation_scope(doc)
    if not ok:
        return ctx.not_applicable(rule, f"{why} → 해당없음"), "", n
    cm = doc.facts.get_fact("contract_method")
    how = "입력값" if cm.source == "given" else "추정"
    if cm.known and cm.value in NON_NEGOTIATION and cm.confidence >= 0.75:
        return ctx.not_applicable(rule, f"계약방법 {cm.value}({how}): 협상에 의한 계약이 아님 → 해당없음"
                                        "(계약방법은 SW10에서 판단)"), "", n
    return None, f"{why}, 계약방법 {cm.value if cm.known else '미상'} → 적용", n


# ------------------------------------------------------------------------------------------------
# Context of a match
# ------------------------------------------------------------------------------------------------


def window(doc: Document, m: Match, before: int, after: int) -> tuple[str, str]:
    """Compact text just before and just after a match."""
    c = doc.compact
    return c[max(0, m.compact_start - before): m.compact_start], c[m.compact_end: m.compact_end + after]


def same_block(doc: Document, m: Match) -> bool:
    """The match stands inside one block (one cell or paragraph), not across several."""
    a, b = doc.block_at(m.start), doc.block_at(max(m.start, m.end - 1))
    return a is None or b is None or a.index == b.index


def _same_unit(doc: Document, m: Match) -> bool:
    """Inside one block, or across the cells of one table row ("제안서 보상 | 해당"), or into the next
    row when that row continues a merged key cell (its first cell is empty or missing)."""
    a, b = doc.block_at(m.start), doc.block_at(max(m.start, m.end - 1))
    if a is None or b is None or a.index == b.index:
        return True
    if a.table is None or a.table != b.table or a.row is None or b.row is None:
        return False
    if a.row == b.row:
        return True
    if b.row != a.row + 1:
        return False
    i = b.index
    while i > 0 and doc.blocks[i - 1].table == b.table and doc.blocks[i - 1].row == b.row:
        i -= 1
    first = doc.blocks[i]
    return bool(first.col) or not first.text.strip()  # the row starts after an empty (merged) cell


def local_matches(ctx: CheckContext, rx: "regex.Pattern") -> list[Match]:
    """Matches of ``rx`` (outside the table of contents) that stay inside one block or one table row.
    The whitespace-free view runs blocks together, so a match can start in a heading or an earlier
    paragraph ("5.3 SW사업정보 관리 방안" + "○ 목차별 작성 …"); such a match is narrowed to a block in
    which ``rx`` matches on its own, or dropped."""
    doc = ctx.doc
    out: list[Match] = []
    for m in ctx.finditer(rx):
        if _same_unit(doc, m):
            out.append(m)
            continue
        s, e = narrow_match(doc, m.start, m.end, rx)
        if (s, e) != (m.start, m.end):
            cs = doc.compact_index(s)
            out.append(Match(s, e, m.groups, cs, doc.compact_index(max(s, e - 1)) + 1))
    return out


def sentence_compact(ctx: CheckContext, m: Match) -> str:
    """The whitespace-free sentence around a match."""
    return _must_state.sentence_compact(ctx, m)


def dedupe(evs: list[Evidence], limit: int = 3) -> list[Evidence]:
    """Evidence without repeated quotes, at most ``limit``."""
    out, seen = [], set()
    for ev in evs:
        if ev.quote in seen:
            continue
        seen.add(ev.quote)
        out.append(ev)
        if len(out) >= limit:
            break
    return out


# -- law lists -------------------------------------------------------------------------------------

# a PDF layer that runs a list of laws into one line: "…(행정안전부고시)ｏ소프트웨어 기술성 평가기준
# (과학기술정보통신부고시)ｏ…"
_BULLETS = "ｏo❍○◦•ㆍ□▪·ㅇ\\-"
_LAW_ITEM_START = regex.compile(r"(?:\)|」|｣|』|\|)[" + _BULLETS + r"][「｢『]?([^" + _BULLETS + r"。:：]{0,45})$")
_LAW_ITEM_END = regex.compile(
    r"^[^" + _BULLETS + r"。]{0,45}?(?:\([^()]{0,30}\)|[」｣』])[」｣』]?(?:[" + _BULLETS + r"]|$)")
# words of a sentence that applies or does something, not of a law's name
_APPLIED_WORDS = regex.compile(r"준용|적용|따라|따른|의거|의한|사업임|하여야|해야|한다|하며|제출|하였|했|정함|정하여|"
                               r"보상함|보상한다|산정하여|실시함|실시한다|이행하|준수하|반영하|참조|참고하")
# an item names a law or a guideline: its text ends in such a name (an article may follow, "…법 제45조")
# before a closing 」 or a parenthesised note ("(과학기술정보통신부고시)", "(적정 사업기간의 보장)")
_LAW_NAME_TAIL = regex.compile(
    r"(?:법|법률|령|규칙|지침|지침서|기준|고시|규정|가이드|가이드라인|매뉴얼|예규|훈령|조례|일반조건|특수조건)"
    r"(?:제[0-9]+조(?:의[0-9]+)?(?:제?[0-9]+항)?)?$")
# a sentence ends in a verb or a copula ("…보상함", "…정하였음", "…사업임", "…한다", "…반영됨")
_SENTENCE_END = regex.compile(r"(?:음|함|임|다|됨)[.。]?$")
_TRAILING_NOTE = regex.compile(r"(?:\([^()]*\)|[」｣』”\"’'])$")
_LINE_BULLETS = "ｏ❍○◦•ㆍ□■▪ㅇ※●◎-–"


def _law_item_core(item: str) -> str:
    """An item without its trailing bullet, closing brackets and parenthesised notes."""
    core = item.rstrip(_BULLETS.replace("\\", ""))
    while True:
        m = _TRAILING_NOTE.search(core)
        if not m:
            return core
        core = core[: m.start()]


def _run_in_item(doc: Document, m: Match) -> bool:
    b, a = window(doc, m, 50, 60)
    ms = _LAW_ITEM_START.search(b)
    if not ms:
        return False
    me = _LAW_ITEM_END.match(a)
    if not me:
        return False
    item = ms.group(1) + doc.compact[m.compact_start: m.compact_end] + a[: me.end()]
    if _APPLIED_WORDS.search(item):
        return False
    core = _law_item_core(item)
    return bool(_LAW_NAME_TAIL.search(core)) and not _SENTENCE_END.search(core)


_SENTENCE_HEAD = regex.compile(r"[:：]|..(?:은|는|을|를|에|으로)$")


def _keyed(doc: Document, m: Match) -> bool:
    """The match is the value of a "key : value" line ("평가기준 : 소프트웨어 기술성 평가기준") or the
    object of a sentence ("기술평가는 「…지침」"), which states what applies rather than listing a law."""
    text = doc.text
    lo = text.rfind("\n", 0, m.start) + 1
    b = doc.block_at(m.start)
    if b is not None:
        lo = max(lo, b.start)
    head = "".join(text[lo:m.start].split())
    for i in range(len(head) - 1, -1, -1):
        if head[i] in _LINE_BULLETS:
            head = head[i + 1:]
            break
    return bool(_SENTENCE_HEAD.search(head.rstrip("「『｢“‘\"'(")))


def law_list_item(doc: Document, m: Match) -> bool:
    """The match is one item of a bare list of laws, which names a rule without applying it: a
    bulleted line ("ㅇ 소프트웨어 진흥법", "- … 산정 기준(과학기술정보통신부 고시)") or a list run into
    one line ("…고시)ｏ소프트웨어기술성평가기준(…)ｏ…"). A run-in item must end in a law's or a guideline's
    name before its 」 or parenthesised note; a sentence ("…보상함(지침 제16조)", "…정하였음(붙임 참조)") and a
    "key : value" line are not list items."""
    if _keyed(doc, m):
        return False
    return _run_in_item(doc, m) or _must_state.law_list_item(doc, m.start, m.end)


# -- self-check tables -----------------------------------------------------------------------------

_TICK_MARK = regex.compile(r"^(?:[OoＯ○◯●◉VvＶ✓✔√☑■□☐XxＸ×✗☒]|\([OX○×]\)|\[[OX○×V ]?\])$")
_TICK_WORD = regex.compile(r"^(?:예|아니오|아니요|해당|미해당|비해당|적용|미적용|준수|미준수|있음|없음|반영|미반영|"
                           r"완료|미완료|이행|미이행|확인|Y|N|YES|NO|Yes|No)$")
_CHECK_HEADER = regex.compile(r"점검|확인|준수|여부|체크|자가|이행|적용|결과")
_REQ_ID = regex.compile(r"^[A-Z]{2,4}-?[0-9]{1,4}")
_ROW_MAX = 120


def _row_cells(doc: Document, m: Match) -> tuple[list[str], int, Optional[str]]:
    """The whitespace-free cells of the table row (or "|"-separated line) the match stands in, the
    index of the match's cell, and the table's header row (None outside tables)."""
    span = row_span(doc, m.start)
    header = None
    if span is not None:
        lo, hi = span
        header = table_header(doc, m.start)
    else:
        text = doc.text
        lo = text.rfind("\n", 0, m.start) + 1
        hi = text.find("\n", m.start)
        hi = len(text) if hi < 0 else hi
    row = doc.text[lo:hi]
    if "|" not in row:
        return [], 0, header
    cells = ["".join(c.split()) for c in row.split("|")]
    return cells, row[: m.start - lo].count("|"), header


def self_check_row(doc: Document, m: Match) -> bool:
    """The match is a row of a self-check / compliance table ("15. SW사업 적정사업기간 산정 | O",
    "적정 사업기간 산정 기준 적용 | 예" under a "점검항목 | 준수여부" header), which lists every topic and
    states none of them — ticked or still blank (□, ☐, [ ]). A mark ticks anywhere; a word (예, 해당,
    적용, 준수) only under a header that asks for a check."""
    cells, idx, header = _row_cells(doc, m)
    if len(cells) < 2 or sum(len(c) for c in cells) > _ROW_MAX or _REQ_ID.match(cells[0]):
        return False
    words_tick = bool(header and _CHECK_HEADER.search("".join(header.split())))
    for i, c in enumerate(cells):
        if i == idx or not c:
            continue
        if _TICK_MARK.match(c) or (words_tick and _TICK_WORD.match(c)):
            return True
    return False


# -- mentions of an earlier phase or project -------------------------------------------------------

# headings of a 추진 경과 / 추진 경위 part (a history of the project, not its requirements)
_HISTORY_TITLE = regex.compile(r"경과|경위|추진실적|추진이력|연혁|그간의|그동안의")
# this project named in the sentence itself ("본 사업", "금번 사업", "이번 2단계")
_THIS_PROJECT = regex.compile(r"본사업|본과업|본용역|금번|이번|금회|당해사업|동사업|이사업|본건|본2단계|본2차")
# an earlier phase or project: "1차 사업", "1단계('24년) 사업", "기 구축", "기존 사업", "이전 사업", "전년도",
# "종전", "직전", "구축 당시", "선행 사업"
_EARLIER = regex.compile(
    r"기구축|기존사업|기존용역|이전사업|이전용역|선행사업|전년도|전차년도|종전|직전|(?:구축|도입|개발|사업)당시|지난해|작년|기사업")
# a numbered phase of a project ("1차 사업", "1단계('24년) 사업", "1단계 행정포털 구축"), not a numbered
# meeting or review ("1차 과업심의", "2차 평가")
_PHASE = regex.compile(
    r"(?<![0-9])제?([1-9])(?:차|단계)(?!년)(?:\([^()]{0,12}\))?([가-힣A-Za-z·]{0,10}?)(?:사업|구축|용역|개발|고도화)")
_PHASE_NOT = regex.compile(r"심의|평가|회의|검토|점검|보고|협상|입찰|공고")
# a year-named project in the sentence ("'23년 사업", "2023년 고도화 사업"), compared with the document's year
_YEAR_PROJECT = regex.compile(r"(?:(?<![0-9])20([0-3][0-9])|['‘’]([0-3][0-9]))년도?[가-힣]{0,12}?(?:사업|용역|구축)")
_DOC_YEAR = regex.compile(r"(?<![0-9])20([0-3][0-9])(?:년|\.|-|/)")


def _document_year(doc: Document) -> Optional[int]:
    """The year the document was written: the first year of its cover and overview (title, date)."""
    m = _DOC_YEAR.search(doc.compact, 0, 3000)
    return 2000 + int(m.group(1)) if m else None


_NAME_PHASE = regex.compile(r"(?<![0-9])제?([1-9])(?:차|단계)(?!년)")


def _project_phase(doc: Document) -> int:
    """The phase number this project carries in its name ("… 2단계 구축사업" → 2); 2 when the name
    has none, so that a "1차/1단계" project is the earlier one."""
    m = _NAME_PHASE.search(_project_name(doc))
    return int(m.group(1)) if m else 2


def history_section(doc: Document, offset: int) -> bool:
    """``offset`` stands in a 현황 part or a 추진 경과 / 추진 경위 part."""
    if section_kind(doc, offset) == "current":
        return True
    sec = doc.section_at(offset)
    if sec is None:
        return False
    return any(_HISTORY_TITLE.search("".join(node.title.split())) for node in sec.path())


def previous_project_mention(doc: Document, m: Match) -> bool:
    """The match tells what an earlier phase or an earlier project did, not what this project does: it
    stands in a 현황 / 추진 경과 part and its sentence names an earlier phase or project ("'23년 1차
    사업은 … 제안서 보상을 실시하였음", "1단계 … 협상에 의한 계약으로 추진", "기 구축 시스템 …", "구축
    당시 …") or a year-named project older than the document ("'22년 사업 종료 후 …"). A sentence that
    names this project ("본 사업 SW사업 영향평가 실시(2024.3.)", "금번 2단계 …") is not such a mention."""
    if not history_section(doc, m.start):
        return False
    a, b = doc.sentence_span(m.start, m.end)
    s = "".join(doc.text[a:b].split())
    if _THIS_PROJECT.search(s):
        return False
    if _EARLIER.search(s):
        return True
    current = None
    for pm in _PHASE.finditer(s):
        if _PHASE_NOT.search(pm.group(2)):
            continue
        if current is None:
            current = _project_phase(doc)
        if int(pm.group(1)) < current:
            return True
    year = None
    for ym in _YEAR_PROJECT.finditer(s):
        if year is None:
            year = _document_year(doc)
            if year is None:
                return False
        if 2000 + int(ym.group(1) or ym.group(2)) < year:
            return True
    return False
