"""협상에 의한 계약으로 SW사업을 발주할 때 기술능력평가 배점은 90점(가격 10점)으로 한다. HW 비중이 50% 이상이거나 1억원 미만 개발사업 등 예외에서만 80점을 쓸 수 있다."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from rfpcheck.pipeline.model import Document, Finding

from .common import kinds, load_lexicon, section_kind, won
from .context import CheckContext, Match
from .gates import NON_NEGOTIATION, dedupe, development_scope, iter_named, negotiation_scope, same_block
from .registry import C, Rule

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

# a share: 50–100 for the technical part, any two digits for the price part, with an optional unit; not a
# threshold ("85% 이상") or a decimal
_NOT_LIMIT = r"(?!\.?[0-9])(?!(?:%|점)?(?:이상|이하|미만|초과))(?:%|점|/100)?"
_TECH_N = r"(?P<t>100|[5-9][05])(?:\.0+)?" + _NOT_LIMIT
_PRICE_N = r"(?P<p>[0-9]{1,2})(?:\.0+)?" + _NOT_LIMIT


def _alt(lex, key: str) -> str:
    return "(?:" + "|".join(lex.patterns(key)) + ")"


@lru_cache(maxsize=1)
def _pair_patterns() -> tuple["regex.Pattern", ...]:
    """Label–number pairs built from the lexicon: 기술 … 가격, 가격 … 기술, and 정량 + 정성 … 가격."""
    lex = load_lexicon("sw11")
    tech, price = _alt(lex, "tech_label"), _alt(lex, "price_label")
    gap = _alt(lex, "label_gap") + "{0,4}"
    fwd = f"{tech}{gap}{_TECH_N}[^。]{{0,48}}?{price}{gap}{_PRICE_N}"
    rev = f"{price}{gap}{_PRICE_N}[^。]{{0,40}}?{tech}{gap}{_TECH_N}"
    sub = (f"{_alt(lex, 'subtotal_tech')}{gap}(?P<a>[0-9]{{1,2}})(?:%|점)?[^。]{{0,12}}?"
           f"{_alt(lex, 'subtotal_tech2')}{gap}(?P<b>[0-9]{{1,2}})(?:%|점)?[^。]{{0,24}}?{price}{gap}{_PRICE_N}")
    num = r"(?:\.0+)?(?:%|점)?"
    first = (f"{tech}{_alt(lex, 'ratio_label_join')}{price}{_alt(lex, 'ratio_gap')}{{0,16}}?"
             f"(?P<rt>100|[0-9]{{1,2}}){num}{_alt(lex, 'ratio_number_join')}(?P<rp>100|[0-9]{{1,2}}){num}(?![0-9.])")
    return tuple(regex.compile(p) for p in (fwd, rev, sub, first))


def _pair_share(gd: dict) -> "int | None":
    """The technical share of a pair's named groups when the pair adds up to 100 (a labels-first ratio
    may add up to 10: "9 : 1"), else None."""
    if gd.get("rt"):
        t, p = int(gd["rt"]), int(gd["rp"])
        if t + p == 10 and t <= 10:
            t, p = t * 10, p * 10
    else:
        t = int(gd["a"]) + int(gd["b"]) if gd.get("a") else int(gd["t"])
        p = int(gd["p"])
    return t if t + p == 100 else None


def _past_pair(doc: Document, m: Match) -> bool:
    """The pair stands in a clause about an earlier project, set against this one ("2021년 사업은 기술
    80 : 가격 20으로 평가하였으나, 본 사업은 …")."""
    lex = load_lexicon("sw11")
    a, b = doc.sentence_span(m.start, m.end)
    text = doc.text
    before = "".join(text[a:m.start].split())
    after = "".join(text[m.end:b].split())
    if lex.rx("past_clause_after").search(after):
        return True
    clause = regex.split(r"[,，]", before)[-1]
    if not lex.rx("past_clause_before").search(clause) or lex.rx("this_project").search(clause):
        return False
    rest = before[: len(before) - len(clause)] + after
    return bool(lex.rx("this_project").search(rest))


# headings of a background part that narrates earlier work ("추진 경위", "그간의 추진경과", "연혁")
_BACKGROUND_TITLE = regex.compile(r"추진경위|추진경과|그간의?(추진)?경과|사업경과|연혁|현황")


def _background(doc: Document, offset: int) -> bool:
    """The offset stands in a 현황 / 추진경위 part, which tells of earlier projects ("2019년 2차 사업은 기술 80점 :
    가격 20점으로 발주")."""
    if section_kind(doc, offset) == "current":
        return True
    sec = doc.section_at(offset)
    return bool(sec and any(_BACKGROUND_TITLE.search("".join(n.title.split())) for n in sec.path()))


@lru_cache(maxsize=1)
def _cell_patterns() -> tuple["regex.Pattern", "regex.Pattern"]:
    lex = load_lexicon("sw11")
    unit = r"(?:\((?:%|점)\))?"
    return (regex.compile(f"^{_alt(lex, 'tech_label')}{unit}$"), regex.compile(f"^{_alt(lex, 'price_label')}{unit}$"))


_NUMBER_CELL = regex.compile(r"^(?P<n>100|[0-9]{1,2})(?:\.0+)?(?:%|점)?$")


_QUANT_CELL = regex.compile(r"^정량(?:적)?(?:평가)?(?:\((?:%|점)\))?$")
_QUAL_CELL = regex.compile(r"^정성(?:적)?(?:평가)?(?:\((?:%|점)\))?$")


def _subtotal_columns(row: dict) -> list:
    """The 정량 and 정성 columns of a header row with no single 기술 column ("구분 | 정량평가 | 정성평가 |
    가격평가 | 계"): the technical share is their sum."""
    qn = next((k for k, (c, _) in row.items() if _QUANT_CELL.match(c)), None)
    ql = next((k for k, (c, _) in row.items() if _QUAL_CELL.match(c)), None)
    return [qn, ql] if qn is not None and ql is not None else []


def _column_shares(doc: Document) -> list[tuple[int, Match]]:
    """Shares read from the columns of a table: a row with a 기술 cell and a 가격 cell, and a later row
    with a number under each ("평가 구분 | 기술 | 가격 | 계" / "배점 | 90 | 10 | 100")."""
    tech_rx, price_rx = _cell_patterns()
    out: list[tuple[int, Match]] = []
    cells: dict = {}  # (table, row) -> {col: (compact text, block)}
    for b in doc.blocks:
        if b.table is None:
            continue
        c = "".join(b.text.split())
        cells.setdefault((b.table, b.row), {})[b.col] = (c, b)
    rows_by_table: dict = {}
    for (t, r) in cells:  # rows in document order
        rows_by_table.setdefault(t, []).append(r)
    for t, rows in rows_by_table.items():
        for i, r in enumerate(rows):
            row = cells[(t, r)]
            tc = next((k for k, (c, _) in row.items() if tech_rx.match(c)), None)
            pc = next((k for k, (c, _) in row.items() if price_rx.match(c)), None)
            tech_cols = [tc] if tc is not None else _subtotal_columns(row)
            if not tech_cols or pc is None:
                continue
            for r2 in rows[i + 1: i + 4]:
                nxt = cells[(t, r2)]
                tms = [_NUMBER_CELL.match(nxt.get(k, ("", None))[0]) for k in tech_cols]
                pm = _NUMBER_CELL.match(nxt.get(pc, ("", None))[0])
                if all(tms) and pm:
                    tech = sum(int(x.group("n")) for x in tms)
                    if tech + int(pm.group("n")) != 100:
                        continue
                    first = min(nxt.values(), key=lambda x: x[1].start)[1]
                    last = max(nxt.values(), key=lambda x: x[1].end)[1]
                    out.append((tech, Match(first.start, last.end, (), doc.compact_index(first.start),
                                            doc.compact_index(max(first.start, last.end - 1)) + 1)))
                    break
            break
    return out


def read_shares(doc: Document) -> list[tuple[int, Match]]:
    """(technical share, where) for every 기술:가격 pair that adds up to 100: label–number pairs in a
    sentence or in table rows (either order, with 배점/배점한도/은·는 between label and number), the
    columns of a table, 정량 + 정성 subtotals, and the special forms of the lexicon's ``pair``."""
    lex = load_lexicon("sw11")
    out: list[tuple[int, Match]] = []
    taken: list[tuple[int, int]] = []  # compact spans already read: a later pattern must not re-read them
    for rx in (lex.rx("pair"),) + _pair_patterns():
        for rm, m in iter_named(doc, rx):
            if any(a < m.compact_end and m.compact_start < b for a, b in taken):
                continue
            t = _pair_share(rm.groupdict())
            if t is not None:
                out.append((t, m))
                taken.append((m.compact_start, m.compact_end))
    out += _column_shares(doc)
    if out:
        current = [x for x in out if not _past_pair(doc, x[1])]
        out = current or out  # a pair about an earlier project gives way to one about this project
        here = [x for x in out if not _background(doc, x[1].start)]
        out = here or out  # so does a pair told in the 현황 / 추진경위 part
        # pairs inside one cell or paragraph first: they quote best
        return sorted(out, key=lambda x: (not same_block(doc, x[1]), x[1].start))
    c = doc.compact
    for rm, m in iter_named(doc, lex.rx("lone_tech")):
        t = int(rm.group("t"))
        near = c[max(0, rm.start() - 200): rm.end() + 200]
        if regex.search(r"가격(평가)?(점수)?[\(\[:：]{0,3}" + str(100 - t) + r"점", near):
            out.append((t, m))
    return out


def lone_price_shares(doc: Document) -> list[tuple[int, Match]]:
    """(100 − N, where) for a price weight stated alone ("가격평가 배점: 20점") in the evaluation part (or
    in a sentence about 배점·비중); empty when none, or when the lone price weights disagree."""
    out: list[tuple[int, Match]] = []
    for rm, m in iter_named(doc, load_lexicon("sw11").rx("lone_price")):
        if _background(doc, m.start):
            continue
        if section_kind(doc, m.start) != "evaluation":
            a, b = doc.sentence_span(m.start, m.end)
            if not regex.search(r"배점|비중|비율|만점", "".join(doc.text[a:b].split())):
                continue
        out.append((100 - int(rm.group("p")), m))
    return out if len({t for t, _ in out}) == 1 else []


# an amount right after a budget label, past a parenthesised list of items and a separator
_AMOUNT_GAP = regex.compile(r"^(?:\([^()]{0,40}\))?[^0-9()。]{0,12}?(?=[0-9])")


def _amount_after(doc: Document, cend: int) -> "Optional[tuple[int, int, str]]":
    """(value, compact end, as shown) of the amount that follows a budget label ending at compact index
    ``cend``; a bare table figure keeps the table's unit, so it is shown as written."""
    from rfpcheck.pipeline.facts import iter_amounts

    c = doc.compact
    g = _AMOUNT_GAP.match(c[cend: cend + 60])
    if g is None:
        return None
    lo = cend + g.end()
    for a in iter_amounts(c, lo, min(len(c), lo + 24)):
        if a.vs != lo:
            return None
        if a.won < 10_000 and not a.explicit:
            return None
        return a.won, a.ve, (won(a.won) if a.explicit and a.won >= 10_000 else c[a.vs:a.ve])
    return None


def hw_budget_share(doc: Document) -> "Optional[tuple[float, str, str, Match]]":
    """(HW share, HW amount, SW amount (as shown), where) from a stated budget breakdown: a HW item and a SW item
    with their amounts close together (one sentence or one table), outside the 현황 part. The share is
    HW / (HW + SW) in the breakdown's own unit."""
    lex = load_lexicon("sw11")
    hw_rx, sw_rx = lex.rx("budget_hw_label"), lex.rx("budget_sw_label")
    c = doc.compact
    for rm, m in iter_named(doc, hw_rx):
        hw = _amount_after(doc, rm.end())
        if hw is None or _background(doc, m.start):
            continue
        lo, hi = max(0, rm.start() - 160), min(len(c), hw[1] + 160)
        for sm in sw_rx.finditer(c, lo, hi):
            if sm.start() < rm.end() and sm.end() > rm.start():
                continue
            sw = _amount_after(doc, sm.end())
            if sw is None or sw[0] <= 0:
                continue
            first, last = min(rm.start(), sm.start()), max(hw[1], sw[1])
            s, e = doc.span_from_compact(first, last)
            share = hw[0] / (hw[0] + sw[0])
            return share, hw[2], sw[2], Match(s, e, (), first, last)
    return None


def _hw_claims(doc: Document) -> list[Match]:
    """Sentences that give the HW share as the reason for the 80점 exception."""
    lex = load_lexicon("sw11")
    words = lex.rx("hw_share_words")
    out = []
    for _, m in iter_named(doc, lex.rx("hw_exception")):
        a, b = doc.sentence_span(m.start, m.start + 1)
        sent = "".join(doc.text[a:b].split())
        if m.end <= b and words.search(sent) and not regex.search(r"하도급|실적", sent):
            out.append(m)
    return out


# the award decided by a non-negotiated method, stated as such ("낙찰자 결정: 적격심사", "적격심사에 의한
# 낙찰자 결정", "조달청 적격심사 세부기준")
_AWARD_BY = regex.compile(
    r"낙찰(?:자)?(?:의)?(?:결정|선정)(?:방법|방식)?[:：]?(?:은|는)?(?:적격심사|최저가)|"
    r"(?:적격심사|최저가)(?:에의한|에따른|에의해|으로|방식(?:으로|에의한)?)(?:낙찰|계약)|"
    r"적격심사(?:세부)?기준"
)


def inferred_non_negotiation(ctx: CheckContext, rule: Rule) -> Optional[Finding]:
    """해당없음 when the contract method was inferred, with low confidence, as a non-negotiated one that
    the document itself states as the way the award is decided, and nothing in the document speaks of a
    negotiated contract (the inference found no 협상 word and no negotiation step)."""
    doc = ctx.doc
    cm = doc.facts.get_fact("contract_method")
    if not cm.known or cm.source == "given" or cm.value not in NON_NEGOTIATION or cm.confidence >= 0.75:
        return None
    if "협상" in doc.compact:
        return None
    m = next(iter(ctx.finditer(_AWARD_BY)), None)
    if m is None:
        return None
    return ctx.not_applicable(rule, f"계약방법 {cm.value}(추정): 문서가 낙찰자 결정 방법을 {cm.value}(으)로 밝히고 협상에 의한 "
                                    "계약을 언급하지 않음 → 해당없음(계약방법은 SW10에서 판단)")


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    na, applies, _ = negotiation_scope(ctx, RULE)
    if na is not None:
        return na
    na = inferred_non_negotiation(ctx, RULE)
    if na is not None:
        return na
    lex = load_lexicon("sw11")
    shares = read_shares(doc)
    derived = ""
    if not shares:
        only = [m for _, m in iter_named(doc, lex.rx("tech_only"))]
        if only:
            return ctx.finding(RULE, "review", "가격평가 없이 기술평가만으로(기술 100%) 평가합니다. 기술 90 : 가격 10 기준의 "
                               "예외에 해당하는지 확인하십시오.", dedupe([ctx.evidence(m.start, m.end) for m in only], 2),
                               applies=applies)
        lone_tech = {int(rm.group("t")) for rm, _ in iter_named(doc, lex.rx("lone_weight"))}
        priced = lone_price_shares(doc)
        if priced and (not lone_tech or lone_tech == {priced[0][0]}):
            shares = priced
            derived = f" 가격평가 배점 {100 - priced[0][0]}점만 적혀 있어 기술능력평가를 {priced[0][0]}점(100 − {100 - priced[0][0]})으로 보았습니다."
    if not shares:
        lone = [m for _, m in iter_named(doc, lex.rx("lone_weight"))]
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
        return ctx.finding(RULE, "pass", "기술능력평가 90 : 가격평가 10으로 평가합니다." + derived,
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
    hw = _hw_claims(doc)
    hw_items = [m for _, m in iter_named(doc, lex.rx("hw_items"))]
    hw_kind = "HW인프라" in kinds(doc)
    b = doc.facts.value("budget_krw")
    dev, _ = development_scope(doc)
    exception = None
    split = hw_budget_share(doc) if top >= 80 else None
    if split is not None:
        share, hw_won, sw_won, where = split
        pct = f"{share * 100:.0f}%"
        amounts = f"하드웨어 {hw_won}, 소프트웨어 {sw_won}"
        ev_split = ctx.evidence(where.start, where.end)
        if share >= 0.5:
            ev = dedupe(ev + [ev_split] + [ctx.evidence(m.start, m.end) for m in hw], 4)
            return ctx.finding(RULE, "pass", f"기술평가 비중이 {top}%(점)이나, 사업비 내역상 HW 비중이 {pct}({amounts})로 50% 이상이어서 "
                               f"80점 예외(HW 비중 50% 이상 사업)에 해당합니다.{derived}", ev, applies=applies)
        if hw:
            ev = dedupe(ev + [ctx.evidence(m.start, m.end) for m in hw] + [ev_split], 4)
            return ctx.finding(RULE, "review", f"기술평가 비중이 {top}%(점)입니다. HW 비중이 50% 이상이라고 하나 사업비 내역상 HW 비중은 "
                               f"{pct}({amounts})입니다. 80점 예외의 근거를 확인하십시오.{derived}", ev, applies=applies)
        if not (dev and b is not None and b < 100_000_000):
            return ctx.finding(RULE, "violation", f"기술능력평가 비중이 {top}%(점)로 90%보다 낮습니다(가격 {100 - top}). 사업비 내역상 "
                               f"HW 비중은 {pct}({amounts})로 50% 미만이어서 80점 예외로 보지 않았습니다.{derived}",
                               dedupe(ev + [ev_split], 4), applies=applies)
    if top >= 80:
        if hw:
            exception = "HW 비중 50% 이상이라는 설명이 있어"
            ev += dedupe([ctx.evidence(m.start, m.end) for m in hw], 1)
        elif hw_kind and len(hw_items) >= 3:
            exception = f"HW 도입 사업이고 수량이 적힌 HW 품목이 {len(hw_items)}건 있어(HW 비중 50% 이상이면 80점 허용)"
            ev += dedupe([ctx.evidence(m.start, m.end) for m in hw_items], 1)
        elif dev and b is not None and b < 100_000_000:
            exception = f"사업금액 {won(int(b))}의 1억원 미만 개발사업이어서"
    if exception:
        return ctx.finding(RULE, "review", f"기술평가 비중이 {top}%(점)입니다. {exception} 80점 예외에 해당할 수 있으니 "
                           f"그 근거를 확인하십시오.{derived}", ev, applies=applies)
    note = ""
    if top >= 80 and hw_items:
        note = (f" HW 품목 {len(hw_items)}건이 있으나 HW 비중이 50% 이상이라는 설명이 없어 80점 예외로 보지 않았습니다.")
    return ctx.finding(RULE, "violation", f"기술능력평가 비중이 {top}%(점)로 90%보다 낮습니다(가격 {100 - top}).{note}{derived}",
                       ev, applies=applies)
