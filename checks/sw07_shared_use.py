"""발주기관이 개발된 SW를 다른 기관과 공동활용하려면 그 기관의 범위를 입찰공고에 미리 밝혀야 한다. 공동활용 계획이 없다는 명시도 적합하다.

This module also holds the "does the project develop SW" judgement that SW07, SW13, SW15, SW17 and
SW18 share (:func:`development_scope`), and the small text helpers those detectors use.
"""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Document, Finding

from .common import kinds, load_lexicon
from .context import CheckContext, Match
from .registry import C, Rule

RULE = Rule(
    id='SW07',
    title='개발SW 공동활용 사전명시',
    requirement='개발 SW를 다른 기관과 공동활용할지 여부와, 활용한다면 그 기관의 범위',
    applies_when='SW 개발(재개발·고도화 포함) 사업',
    forbidden='',
    citations=[
        C('(계약예규) 용역계약일반조건', '제56조④', '공동활용 기관의 범위를 입찰공고에 명시'),
    ],
    suggestion='본 사업으로 개발되는 소프트웨어는 발주기관 외에 ○○ 소속기관 및 산하기관(붙임 목록)이 공동활용할 예정이다. (공동활용 계획이 없는 경우: 본 사업으로 개발되는 소프트웨어는 다른 기관과 공동활용할 계획이 없다.)',
    examples_pass=['본 사업의 결과물은 타 기관과 공동활용할 계획이 없음', '개발되는 SW는 도내 시·군과 공동활용할 예정이며, 공동활용 범위는 도내 14개 시·군으로 함'],
    examples_violation=[],
)

# ------------------------------------------------------------------------------------------------
# Shared helpers (used by the SW13, SW15, SW17 and SW18 detectors too)
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

# an item of a bare list of laws: "…(행정안전부고시)ｏ소프트웨어 기술성 평가기준(과학기술정보통신부고시)ｏ…"
_BULLETS = "ｏo❍○◦•ㆍ□▪·\\-"
_LAW_ITEM_START = regex.compile(r"(?:\)|」|｣|』|\|)[" + _BULLETS + r"][「｢『]?([^" + _BULLETS + r"。:：]{0,45})$")
_LAW_ITEM_END = regex.compile(
    r"^[^" + _BULLETS + r"。]{0,45}?(?:\([^()]{0,30}\)|[」｣』])[」｣』]?(?:[" + _BULLETS + r"]|$)")
_APPLIED_WORDS = regex.compile(r"준용|적용|따라|따른|의거|의한|사업임|하여야|해야|한다|하며|제출")
# a ticked row of a self-check list: "15.SW사업적정사업기간산정|O"
_SELF_CHECK = regex.compile(r"^[^|]{0,40}\|[OX○×◯●]\s*(?:\||$)")


def kinds_label(ks: list[str]) -> str:
    return "·".join(KIND_KO.get(k, k) for k in ks) or "미상"


def _kind_source(doc: Document) -> str:
    f = doc.facts.get_fact("project_kinds")
    return "입력값" if f.source == "given" else "추정"


def functional_requirement_count(doc: Document) -> int:
    """Distinct functional-requirement ids (SFR-001 …) outside the table of contents."""
    ids = set()
    for m in _FUNC_REQ_ID.finditer(doc.compact):
        ids.add(m.group(0).replace("-", ""))
        if len(ids) >= 50:
            break
    return len(ids)


def development_scope(doc: Document) -> tuple[Optional[bool], str]:
    """Whether the project develops SW (SW개발, 재개발·고도화, 홈페이지·앱, or an operation contract
    that also builds new functions), with a Korean reason naming the facts it read."""
    ks = kinds(doc)
    src = _kind_source(doc)
    if not ks:
        return None, "사업유형을 확인하지 못했습니다"
    dev = [k for k in ks if k in DEV_KINDS]
    if doc.facts.get_fact("project_kinds").source != "given":
        name = "".join((doc.facts.value("project_name") or "").split())
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
    if dev:
        return True, f"사업유형 {kinds_label(dev)}({src})"
    if "유지관리운영" in ks:
        n = functional_requirement_count(doc)
        if n >= 3:
            return True, f"사업유형 {kinds_label(ks)}({src})이나 기능 요구사항 {n}건(SFR 등)의 개발 과업 포함"
    return False, f"사업유형 {kinds_label(ks)}({src}): SW 개발(재개발·고도화 포함) 사업이 아님"


def operates(doc: Document) -> bool:
    return "유지관리운영" in kinds(doc)


def window(doc: Document, m: Match, before: int, after: int) -> tuple[str, str]:
    """Compact text just before and just after a match."""
    c = doc.compact
    return c[max(0, m.compact_start - before): m.compact_start], c[m.compact_end: m.compact_end + after]


def law_list_item(doc: Document, m: Match) -> bool:
    """The match is one item of a bare list of laws ("…고시)ｏ소프트웨어기술성평가기준(…)ｏ…"), which names
    a rule without applying it."""
    b, a = window(doc, m, 50, 60)
    ms = _LAW_ITEM_START.search(b)
    if not ms:
        return False
    me = _LAW_ITEM_END.match(a)
    if not me:
        return False
    item = ms.group(1) + doc.compact[m.compact_start: m.compact_end] + a[: me.end()]
    return not _APPLIED_WORDS.search(item)


def self_check_row(doc: Document, m: Match) -> bool:
    """The match is a ticked row of a self-check table ("15.SW사업적정사업기간산정|O")."""
    _, a = window(doc, m, 0, 50)
    return bool(_SELF_CHECK.match(a))


def sentence_compact(ctx: CheckContext, m: Match) -> str:
    s, e = ctx.doc.sentence_span(m.start, m.end)
    return "".join(ctx.doc.text[s:e].split())


def dedupe(evs: list, limit: int = 3) -> list:
    out, seen = [], set()
    for ev in evs:
        if ev.quote in seen:
            continue
        seen.add(ev.quote)
        out.append(ev)
        if len(out) >= limit:
            break
    return out


# ------------------------------------------------------------------------------------------------
# SW07
# ------------------------------------------------------------------------------------------------


def _statements(ctx: CheckContext) -> list[Match]:
    lex = load_lexicon("sw07")
    left = regex.compile(r"(?:" + "|".join(lex.patterns("not_sharing_left")) + r")[^|]{0,12}$")
    out = []
    for m in ctx.finditer(lex.rx("statement")):
        b, _ = window(ctx.doc, m, 24, 0)
        if left.search(b):
            continue
        out.append(m)
    return out


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    dev, why = development_scope(doc)
    if dev is False:
        return ctx.not_applicable(RULE, f"{why} → 해당없음")
    lex = load_lexicon("sw07")
    found = _statements(ctx)
    applies = (why + " → 적용") if dev else (why + " → 적용 여부 확인 필요")
    if not found:
        if dev is None:
            return ctx.finding(RULE, "review", "사업유형을 확인하지 못했고 개발SW 공동활용 여부에 관한 문구도 없습니다. "
                               "SW 개발 사업이면 공동활용 여부와 대상 기관 범위를 밝혀야 합니다.", applies=applies)
        return ctx.finding(
            RULE, "missing",
            "개발되는 SW를 다른 기관과 공동활용할지 여부(및 공동활용 기관의 범위)가 제안요청서에 없습니다.",
            applies=applies,
            looked_for="‘타 기관과 공동활용할 계획이 없음’, ‘○○기관과 공동활용할 예정’, ‘공동활용 범위’ 등 "
                       "개발SW 공동활용 여부·범위를 밝힌 문장 (용역계약일반조건 제56조)",
        )
    neg_rx, range_rx = lex.rx("negative"), lex.rx("range")
    neg = [m for m in found if neg_rx.search(sentence_compact(ctx, m))]
    pos = [m for m in found if m not in neg]
    if neg:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in neg], 2)
        return ctx.finding(RULE, "pass", "개발SW를 다른 기관과 공동활용할지 여부가 명시되어 있습니다.", ev, applies=applies)
    ranged = [m for m in pos if range_rx.search(sentence_compact(ctx, m))]
    if ranged:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in ranged], 2)
        return ctx.finding(RULE, "pass", "개발SW를 공동활용할 계획과 그 대상 기관의 범위가 명시되어 있습니다.", ev,
                           applies=applies)
    ev = dedupe([ctx.evidence(m.start, m.end) for m in pos], 2)
    return ctx.finding(RULE, "review", "개발SW를 공동활용할 계획은 밝혔으나 공동활용 대상 기관의 범위가 분명하지 않습니다. "
                       "대상 기관(범위)이 특정되었는지 확인하십시오.", ev, applies=applies)
