"""협상에 의한 계약으로 SW사업을 발주할 때 기술능력평가 배점은 90점(가격 10점)으로 한다. HW 비중이 50% 이상이거나 1억원 미만 개발사업 등 예외에서만 80점을 쓸 수 있다."""
from __future__ import annotations

from typing import Iterator

import regex

from rfpcheck.pipeline.model import Document, Finding

from .common import load_lexicon, won
from .context import CheckContext, Match
from .registry import C, Rule
from .sw07_shared_use import dedupe, development_scope
from .sw10_contract_method import evaluation_scope

RULE = Rule(
    id='SW11',
    title='기술능력평가 비중 90%',
    requirement='기술능력평가 90점 : 가격평가 10점',
    applies_when='협상에 의한 계약',
    forbidden='기술능력평가 비중 90% 미만(예: 기술 80 : 가격 20, 기술 70점)',
    citations=[
        C('행정기관 및 공공기관 정보시스템 구축·운영 지침', '제18조', '기술능력평가 배점한도 90점; 2013년판 기준 조문'),
        C('(계약예규) 협상에 의한 계약체결기준', '제7조'),
    ],
    suggestion='제안서 평가는 기술능력평가 90점과 가격평가 10점을 합산하여 100점 만점으로 하며, 기술능력평가 점수가 배점한도의 85% 이상인 자를 협상적격자로 선정한다.',
    examples_pass=['기술능력평가(90점)와 입찰가격평가(10점)를 합산', '평가비율: 기술평가(90%), 가격평가(10%)'],
    examples_violation=['기술평가 80점, 가격평가 20점', '종합평가점수 = 기술능력평가(80%) + 입찰가격평가(20%)'],
)

_NON_NEGOTIATION = ("적격심사", "최저가", "수의계약", "2단계경쟁")


def _iter(doc: Document, rx: "regex.Pattern") -> Iterator[tuple["regex.Match", Match]]:
    for m in rx.finditer(doc.compact):
        s, e = doc.span_from_compact(m.start(), m.end())
        if doc.toc_ranges and doc.in_toc(s):
            continue
        yield m, Match(s, e, m.groups(), m.start(), m.end())


def read_shares(doc: Document) -> list[tuple[int, Match]]:
    """(technical share, where) for every 기술:가격 pair that adds up to 100."""
    lex = load_lexicon("sw11")
    out = []
    for rm, m in _iter(doc, lex.rx("pair")):
        t, p = int(rm.group("t")), int(rm.group("p"))
        if t + p == 100:
            out.append((t, m))
    if out:
        return out
    c = doc.compact
    for rm, m in _iter(doc, lex.rx("lone_tech")):
        t = int(rm.group("t"))
        near = c[max(0, rm.start() - 200): rm.end() + 200]
        if regex.search(r"가격(평가)?(점수)?[\(\[:：]{0,3}" + str(100 - t) + r"점", near):
            out.append((t, m))
    return out


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    ok, why, _ = evaluation_scope(doc)
    if not ok:
        return ctx.not_applicable(RULE, f"{why} → 해당없음")
    cm = doc.facts.get_fact("contract_method")
    if cm.known and cm.value in _NON_NEGOTIATION and cm.confidence >= 0.75:
        return ctx.not_applicable(RULE, f"계약방법 {cm.value}(추정): 협상에 의한 계약이 아님 → 해당없음(계약방법은 SW10에서 판단)")
    applies = f"{why}, 계약방법 {cm.value if cm.known else '미상'} → 적용"
    lex = load_lexicon("sw11")
    shares = read_shares(doc)
    if not shares:
        only = [m for _, m in _iter(doc, lex.rx("tech_only"))]
        if only:
            return ctx.finding(RULE, "review", "가격평가 없이 기술평가만으로(기술 100%) 평가합니다. 기술 90 : 가격 10 기준의 "
                               "예외에 해당하는지 확인하십시오.", dedupe([ctx.evidence(m.start, m.end) for m in only], 2),
                               applies=applies)
        lone = [m for _, m in _iter(doc, lex.rx("lone_weight"))]
        if lone:
            return ctx.finding(RULE, "review", "기술평가 배점은 보이나 가격평가와의 비율을 함께 읽을 수 없습니다. 기술 90 : 가격 10인지 "
                               "확인하십시오.", dedupe([ctx.evidence(m.start, m.end) for m in lone], 2), applies=applies)
        return ctx.finding(RULE, "missing", "기술능력평가와 가격평가의 배점(비율)이 문서에 없습니다.", applies=applies,
                           looked_for="‘기술평가(90%)·가격평가(10%)’, ‘기술능력평가 90점 + 입찰가격평가 10점’, "
                                      "‘기술:가격 = 90:10’ 등 기술·가격 배점 쌍")
    values = sorted({t for t, _ in shares})
    low = [(t, m) for t, m in shares if t < 90]
    ninety = [m for t, m in shares if t == 90]
    if ninety and not low:
        return ctx.finding(RULE, "pass", "기술능력평가 90 : 가격평가 10으로 평가합니다.",
                           dedupe([ctx.evidence(m.start, m.end) for m in ninety], 2), applies=applies)
    if ninety and low:
        ev = dedupe([ctx.evidence(m.start, m.end) for _, m in low] + [ctx.evidence(m.start, m.end) for m in ninety], 3)
        return ctx.finding(RULE, "review", f"기술평가 비중이 서로 다르게 적혀 있습니다({', '.join(map(str, values))}). "
                           "실제 적용 배점을 확인하십시오.", ev, applies=applies)
    if not low:  # only 100 (no price evaluation)
        ev = dedupe([ctx.evidence(m.start, m.end) for _, m in shares], 2)
        return ctx.finding(RULE, "review", "기술평가 비중이 100%로 가격평가가 없습니다. 기술 90 : 가격 10 기준의 예외인지 "
                           "확인하십시오.", ev, applies=applies)
    top = max(t for t, _ in low)
    ev = dedupe([ctx.evidence(m.start, m.end) for t, m in low if t == top], 3)
    # the 80점 exception: HW ≥ 50 % of the price, or a development project under 1억
    hw = [m for _, m in _iter(doc, lex.rx("hw_exception"))]
    hw_items = [m for _, m in _iter(doc, lex.rx("hw_items"))]
    b = doc.facts.value("budget_krw")
    dev, _ = development_scope(doc)
    exception = None
    if top >= 80:
        if hw:
            exception = "HW 비중 50% 이상이라는 설명이 있어"
            ev += dedupe([ctx.evidence(m.start, m.end) for m in hw], 1)
        elif len(hw_items) >= 3:
            exception = f"수량이 적힌 HW 도입 품목이 {len(hw_items)}건 있어(HW 비중 50% 이상이면 80점 허용)"
            ev += dedupe([ctx.evidence(m.start, m.end) for m in hw_items], 1)
        elif dev and b is not None and b < 100_000_000:
            exception = f"사업금액 {won(int(b))}의 1억원 미만 개발사업이어서"
    if exception:
        return ctx.finding(RULE, "review", f"기술평가 비중이 {top}%(점)입니다. {exception} 80점 예외에 해당할 수 있으니 "
                           "그 근거를 확인하십시오.", ev, applies=applies)
    return ctx.finding(RULE, "violation", f"기술능력평가 비중이 {top}%(점)로 90%보다 낮습니다(가격 {100 - top}).", ev,
                       applies=applies)
