"""총사업규모 3억원 이상의 SW사업에서 5천만원 이상(또는 종합쇼핑몰 등록·GS·CC·NEP·NET 인증) 상용SW는 발주기관이 분리하여 직접 구매하고, 그 구매계획(별지 제2호)을 발주계획서·입찰공고문에 밝혀야 한다.

How the detector decides: a 직접구매 plan passes (a plan title followed by "해당없음"/"없음" is a statement that
nothing is bought) unless the contract itself still buys: certified or mall-registered SW the contractor
supplies (계약상대자 납품/공급) is 위반 (검토필요 when the plan lists exclusions with reasons), and another
commercial product the contractor supplies at 5천만원 or more is 검토필요. Commercial SW bought inside the
contract is read from licences, packages and products with a quantity and a buy verb ("GIS 엔진 1식 납품"),
purchase tables, and certified or mall-registered products bought in a requirement ("GS인증 제품으로
도입하여야", "솔루션은 CC인증 제품으로 납품"); with no plan, certified or listed products, or a product whose
stated amount is 5천만원 or more, make it 위반, others 누락. A proposal guide that lets the bidder bring
commercial SW into the contract makes an otherwise silent document 검토필요. A parenthetical after the
certification ("GS인증(1등급)"), a quantity and the contractor as subject may stand before the buy verb,
and the verb may be paired ("납품·설치").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from rfpcheck.pipeline.model import Evidence, Finding

from .common import budget_gate, kinds, load_lexicon, section_kind, table_header, won
from .context import CheckContext, Match
from .gates import ADVISORY_KINDS, dedupe, kinds_label, law_list_item, self_check_row, sentence_compact
from .registry import C, Rule
from .spans import row_span

RULE = Rule(
    id='SW02',
    title='상용SW 직접구매 · 품질성능 평가시험(BMT)',
    requirement='직접구매 대상 상용SW 구매계획(분리발주 대상 품목) 또는 직접구매 대상이 없다는 명시; 경쟁 구매 시 품질성능 평가시험(BMT) 실시와 반영',
    applies_when='사업금액 3억원 이상이고, 5천만원 이상이거나 조달 쇼핑몰 등록·인증(GS/CC/NEP/NET) 상용SW를 도입하는 사업',
    forbidden='직접구매 대상 상용SW를 구매계획 없이 본 사업 계약에 포함하는 것',
    citations=[
        C('소프트웨어 진흥법', '제54조②'),
        C('소프트웨어 진흥법', '제55조'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제7조, 제8조', '별지 제2호 직접구매 대상 상용SW 구매계획'),
    ],
    suggestion='본 사업에 필요한 상용SW 중 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제7조에 따른 직접구매 대상 품목은 발주기관이 분리하여 직접 구매하며, 품목·수량·예산은 붙임 「직접구매 대상 상용SW 구매계획」과 같다. 계약상대자는 분리 구매되는 상용SW와의 연계·설치 지원 방안을 제안하여야 한다.',
    examples_pass=['상용SW 직접구매 대상: DBMS 1식(분리발주, 별지2 구매계획 참조)', '[붙임 2] 직접구매 대상 상용소프트웨어 구매계획'],
    examples_violation=['본 사업에 필요한 DBMS·WAS 등 상용SW 일체는 계약상대자가 공급한다.',
                        '그룹웨어 상용 패키지 S/W 도입(GS인증 제품, 사용자 라이선스 500명)'],
)

THRESHOLD = 300_000_000
ITEM_THRESHOLD = 50_000_000  # one product (or the same product summed) at or above this is a 직접구매 대상
_NOT_BUYING_SECTIONS = ("toc", "current", "evaluation", "proposal_guide")


def _clean(ctx: CheckContext, rx, not_rx=None, before: int = 30, after: int = 30) -> list[Match]:
    """Matches of ``rx`` that are not law-list items or self-check rows and, when ``not_rx`` is given,
    have no ``not_rx`` word within ``before``/``after`` characters inside their own sentence."""
    doc = ctx.doc
    out = []
    for m in ctx.finditer(rx):
        if law_list_item(doc, m) or self_check_row(doc, m):
            continue
        if not_rx is not None:
            s, e = doc.sentence_span(m.start, m.end)
            lo = max(doc.compact_index(s), m.compact_start - before)
            hi = min(doc.compact_index(e), m.compact_end + after)
            if not_rx.search(doc.compact[lo:hi]):
                continue
        out.append(m)
    return out


def _purchase_rows(ctx: CheckContext, lex) -> list[tuple[Evidence, bool]]:
    """Rows of a purchase table (header 품목 … 수량) that list software, as (row evidence, the row marks
    the product GS/CC-certified or registered in the procurement mall)."""
    doc = ctx.doc
    head_rx, row_rx, not_rx = lex.rx("purchase_header"), lex.rx("purchase_row"), lex.rx("purchase_row_not")
    listed_rx = lex.rx("listed_row")
    out: list[tuple[Evidence, bool]] = []
    seen_tables: dict[int, bool] = {}
    blocks = doc.blocks
    for b in blocks:
        if b.table is None or (b.index > 0 and blocks[b.index - 1].table == b.table
                               and blocks[b.index - 1].row == b.row):
            continue  # one look per row, at its first cell
        if b.table not in seen_tables:
            header = "".join((table_header(doc, b.start) or "").split())
            seen_tables[b.table] = bool(head_rx.search(header)) and \
                section_kind(doc, b.start) not in _NOT_BUYING_SECTIONS
            continue  # the header row itself
        if not seen_tables[b.table] or b.in_toc:
            continue
        span = row_span(doc, b.start)
        if span is None:
            continue
        row = "".join(doc.text[span[0]:span[1]].split())
        if row_rx.search(row) and not not_rx.search(row):
            out.append((ctx.evidence(span[0], span[1], sentence=False), bool(listed_rx.search(row))))
        if len(out) >= 20:
            break
    return out


@dataclass
class _Bought:
    """Commercial SW the contract itself buys: its evidence, whether the product is GS/CC-certified or
    registered in the procurement mall, the largest amount stated with it, whether the contractor is the
    one who supplies it."""
    ev: Evidence
    listed: bool
    price: Optional[int]
    contractor: bool


def won_amounts(text: str, amount_rx) -> list[int]:
    """Amounts of money in a whitespace-free text: "65,000,000", "1.2억", "1억2천", "8천만", "7,000만원"."""
    out: list[int] = []
    for m in amount_rx.finditer(text):
        t = m.group(0).replace(",", "")
        try:
            if "억" in t:
                head, _, rest = t.partition("억")
                v = float(head) * 1e8 + (int(rest[0]) * 1e7 if rest[:1].isdigit() else 0)
            elif t.endswith("천만"):
                v = float(t[:-2]) * 1e7
            elif t.endswith("만원"):
                v = int(t[:-2]) * 1e4
            else:
                v = int(t)
        except ValueError:
            continue
        out.append(int(v))
    return out


def _contract_buys(ctx: CheckContext, lex) -> list[_Bought]:
    """Commercial SW bought inside the main contract: licences, packages and products with a buy verb,
    and the software rows of purchase tables."""
    doc = ctx.doc
    negated = lex.rx("negated")
    listed_rx, listed_not = lex.rx("listed_product"), lex.rx("listed_not")
    contractor_rx, amount_rx = lex.rx("contractor_supplies"), lex.rx("amount")
    budget = doc.facts.value("budget_krw")
    cap = int(budget) * 9 // 10 if isinstance(budget, (int, float)) and budget else None

    def price(text: str) -> Optional[int]:
        vals = [v for v in won_amounts(text, amount_rx) if cap is None or v < cap]  # not the project amount
        return max(vals) if vals else None

    out: list[_Bought] = []
    for m in _clean(ctx, lex.rx("strong_buy"), lex.rx("strong_not"), 20, 10):
        if section_kind(doc, m.start) in _NOT_BUYING_SECTIONS:
            continue
        sent = sentence_compact(ctx, m)
        if negated.search(sent):
            continue
        s, e = doc.sentence_span(m.start, m.end)
        near = doc.compact[max(doc.compact_index(s), m.compact_start - 40):min(doc.compact_index(e), m.compact_end + 40)]
        out.append(_Bought(ctx.evidence(m.start, m.end), bool(listed_rx.search(sent)) and not listed_not.search(sent),
                           price(near), bool(contractor_rx.search(sent))))
    for ev, listed in _purchase_rows(ctx, lex):
        row = "".join(ev.quote.split())
        out.append(_Bought(ev, listed, price(row), bool(contractor_rx.search(row))))
    return out


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("sw02")
    ks = kinds(doc)
    gate, gwhy = budget_gate(doc, THRESHOLD)

    # 1. a 직접구매 plan (its own amounts count towards the 3억 scale, so it decides first)
    plan = _clean(ctx, lex.rx("plan"))
    plan = [m for m in plan if "직접구매하려는" not in sentence_compact(ctx, m)]
    plan_none = lex.rx("plan_none")
    plan = [m for m in plan if not plan_none.match(doc.compact, m.compact_start)]  # "구매계획: 해당없음"
    if plan:
        direct = list(ctx.finditer(lex.rx("row_direct")))
        excluded = list(ctx.finditer(lex.rx("row_excluded")))
        ex_stmt = list(ctx.finditer(lex.rx("excluded_statement")))
        ev = dedupe([ctx.evidence(m.start, m.end) for m in plan], 2)
        if gate is False:
            applies = f"{gwhy}이나 직접구매(분리발주) 계획이 있어 직접구매분을 포함한 총사업규모로 보고 → 적용"
        else:
            applies = f"{gwhy}; 직접구매(분리발주) 관련 계획이 문서에 있음 → 적용"
        all_excluded = (excluded and not direct) or (
            not direct and ex_stmt and all("제외" in sentence_compact(ctx, m) or "통합발주" in sentence_compact(ctx, m)
                                           for m in plan))
        if all_excluded:
            ev += dedupe([ctx.evidence(m.start, m.end) for m in (excluded or ex_stmt)], 2)
            return ctx.finding(RULE, "review", "직접구매 계획(제외사유서)은 있으나 모든 품목을 분리발주에서 제외하고 본 계약에 "
                               "통합했습니다. 제외 사유가 지침 제8조에 맞는지, 대상 품목이 빠지지 않았는지 확인하십시오.", ev,
                               applies=applies)
        # the plan does not end the reading: what the contractor itself supplies inside the contract
        supplied = [b for b in _contract_buys(ctx, lex) if b.contractor]
        listed_sup = [b for b in supplied if b.listed]
        priced_sup = [b for b in supplied if not b.listed and b.price is not None and b.price >= ITEM_THRESHOLD]
        if listed_sup and not (excluded or ex_stmt):
            return ctx.finding(RULE, "violation", "직접구매 대상 상용SW 구매계획은 있으나, GS·CC 인증 또는 조달 쇼핑몰 등록 상용SW를 "
                               "계약상대자가 본 계약 안에서 공급하도록 했습니다. 인증·등록 제품은 금액과 관계없이 직접구매 대상이므로 "
                               "구매계획에 넣어 분리 구매해야 합니다.",
                               dedupe([b.ev for b in listed_sup] + ev, 4), applies=applies)
        if listed_sup or priced_sup:
            what = ("인증·조달 쇼핑몰 등록 상용SW" if listed_sup else
                    f"{won(max(b.price for b in priced_sup))} 상당의 상용SW")
            return ctx.finding(RULE, "review", f"직접구매 대상 상용SW 구매계획은 있으나 {what}를 계약상대자가 본 계약 안에서 "
                               "공급합니다. 이 품목이 구매계획에 들어 있지 않다면 직접구매 대상(5천만원 이상 또는 인증 제품)인지, "
                               "제외 사유가 있는지 확인하십시오.",
                               dedupe([b.ev for b in listed_sup + priced_sup] + ev, 4), applies=applies)
        bmt = list(ctx.finditer(lex.rx("bmt")))
        msg = "직접구매 대상 상용SW 구매계획(분리발주)이 명시되어 있습니다."
        if direct:
            msg = "직접구매 대상 상용SW 구매계획이 있고 발주기관이 직접 구매하는 품목이 표시되어 있습니다."
        if not bmt:
            msg += " 경쟁 구매 품목이 있으면 품질성능 평가시험(BMT) 실시 여부도 확인하십시오."
        return ctx.finding(RULE, "pass", msg, ev, applies=applies)

    # 2. the 3억 scale
    if gate is False:
        return ctx.not_applicable(RULE, f"{gwhy} → 해당없음")
    negated = lex.rx("negated")
    strong = [m for m in _clean(ctx, lex.rx("strong_buy"), lex.rx("strong_not"), 20, 10)
              if section_kind(doc, m.start) not in _NOT_BUYING_SECTIONS
              and not negated.search(sentence_compact(ctx, m))]
    rows = _purchase_rows(ctx, lex)
    bought = dedupe([ctx.evidence(m.start, m.end) for m in strong] + [ev for ev, _ in rows], 3)
    weak = _clean(ctx, lex.rx("weak_buy"), lex.rx("weak_not"), 40, 40)
    none = _clean(ctx, lex.rx("none"))
    advisory = bool(ks) and set(ks) <= set(ADVISORY_KINDS)
    if gate is None:
        if bought:
            ev = bought[:2]
            return ctx.finding(RULE, "review", f"{gwhy}. 본 계약에 상용SW(라이선스)를 포함해 구매하는 내용이 있으나 직접구매 "
                               "계획이 없으므로, 총사업규모 3억원 이상이면 직접구매 대상인지 확인하십시오.", ev, applies=gwhy)
        if none or advisory:
            return ctx.finding(RULE, "review", f"{gwhy}. 직접구매 대상 상용SW가 없다고 보이나 사업금액을 확인하십시오.",
                               dedupe([ctx.evidence(m.start, m.end) for m in none], 1), applies=gwhy)
        return ctx.finding(RULE, "review", f"{gwhy}. 상용SW 도입 여부와 직접구매 계획을 확인하십시오.", applies=gwhy)

    # 3. ≥ 3억: does the project buy commercial SW inside the main contract?
    if bought:
        ev = list(bought)
        listed = [m for m in _clean(ctx, lex.rx("listed_product"), lex.rx("listed_not"), 10, 20)
                  if section_kind(doc, m.start) not in _NOT_BUYING_SECTIONS]
        applies = f"{gwhy}; 본 계약에 상용SW(라이선스·패키지) 구매 포함 → 적용"
        if listed or any(lst for _, lst in rows):
            ev += dedupe([ctx.evidence(m.start, m.end) for m in listed], 1)
            return ctx.finding(RULE, "violation", "GS인증 등 직접구매 대상인 상용SW를 직접구매 계획(분리발주) 없이 본 계약에 "
                               "포함해 구매합니다.", dedupe(ev, 4), applies=applies)
        priced = [b for b in _contract_buys(ctx, lex) if b.price is not None and b.price >= ITEM_THRESHOLD]
        if priced:
            top = max(b.price for b in priced)
            return ctx.finding(RULE, "violation", f"{won(top)} 상당의 상용SW(5천만원 이상)를 직접구매 계획(분리발주) 없이 본 계약에 "
                               "포함해 구매합니다.", dedupe([b.ev for b in priced] + ev, 4), applies=applies)
        if none:
            ev = dedupe([ctx.evidence(m.start, m.end) for m in none], 1) + ev
            return ctx.finding(RULE, "review", "문서는 직접구매 대상 상용SW가 없다고 밝히지만 본 계약에 상용SW(라이선스) 구매가 "
                               "포함되어 있습니다. 품목 금액이 5천만원 이상이거나 조달 쇼핑몰 등록·인증 제품인지 확인하십시오.",
                               dedupe(ev, 4), applies=f"{applies}; 문서는 직접구매 대상 없음이라고 밝힘")
        return ctx.finding(
            RULE, "missing",
            "본 계약에 상용SW(라이선스·패키지) 구매가 포함되어 있는데 직접구매 대상 상용SW 구매계획(분리발주 또는 제외 사유)이 "
            "없습니다. 품목 금액이 5천만원 이상이거나 조달 쇼핑몰 등록·인증 제품이면 직접구매 대상입니다.", ev,
            applies=applies,
            looked_for="‘직접구매 대상 상용소프트웨어 구매계획’(별지 제2호), ‘분리발주’, 직접구매 제외 사유, ‘직접구매 대상 없음’ "
                       "(소프트웨어 진흥법 제54조, 지침 제7조·제8조)")
    if advisory:
        return ctx.not_applicable(RULE, f"{gwhy}이나 사업유형 {kinds_label(ks)}: 상용SW를 도입하지 않는 사업 → 해당없음")
    buys = doc.facts.get_fact("buys_commercial_sw")
    operation_only = bool(ks) and set(ks) <= {"유지관리운영"}
    if none:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in none], 2)
        if len(weak) >= 3:
            ev += dedupe([ctx.evidence(m.start, m.end) for m in weak], 1)
            return ctx.finding(RULE, "review", "직접구매 대상 상용SW가 없다고 밝혔으나, 본 계약에 상용SW·라이선스(상용 LLM 등)가 "
                               "포함될 수 있는 내용이 있습니다. 5천만원 이상 또는 인증 제품이 포함되는지 확인하십시오.", ev,
                               applies=f"{gwhy}; 상용SW 포함 여부 불확실")
        return ctx.finding(RULE, "not_applicable", "문서가 직접구매 대상 상용SW가 없다고 밝힙니다.", ev,
                           applies=f"{gwhy}이나 직접구매 대상 상용SW 없음(문서 명시) → 해당없음", suggest=False)
    if operation_only and len(weak) < 3:
        return ctx.not_applicable(RULE, f"{gwhy}이나 사업유형 {kinds_label(ks)}: 운영·유지관리 용역으로 상용SW 구매 표현 없음(추정) "
                                  "→ 해당없음")
    # commercial-SW words in the requirements, and only a guess that nothing is bought: a person decides
    asked = [m for m in weak if section_kind(doc, m.start) not in _NOT_BUYING_SECTIONS]
    confident_no = buys.known and buys.value == "no" and buys.confidence >= 0.6
    # the proposal may add commercial SW to the contract: the price of what is proposed decides
    invited = [m for m in _clean(ctx, lex.rx("proposal_invites"), lex.rx("weak_not"), 20, 20)
               if section_kind(doc, m.start) not in ("toc", "current")]
    if (len(weak) >= 3 or buys.value in ("yes", "unknown") or not buys.known or (asked and not confident_no)
            or invited):
        how = {"yes": "상용SW를 도입하는 사업으로 추정되나", "unknown": "상용SW 도입 여부가 불확실하고"}.get(
            buys.value if buys.known else "unknown", "상용SW 도입 여부가 불확실하고")
        ev = dedupe([ctx.evidence(m.start, m.end) for m in invited + weak], 2)
        return ctx.finding(RULE, "review", f"{how} 직접구매 계획이나 ‘직접구매 대상 없음’ 명시가 없습니다. 5천만원 이상 또는 "
                           "인증 상용SW를 본 계약에 포함하는지 확인하십시오.", ev,
                           applies=f"{gwhy}; 상용SW 도입 여부 불확실(추정: "
                                   f"{'도입' if buys.known and buys.value == 'yes' else '판단 불가'}) → 검토")
    return ctx.not_applicable(RULE, f"{gwhy}이나 상용SW를 도입하지 않는 사업(추정: 요구사항에 상용SW·라이선스 표현 없음) "
                                    "→ 해당없음")
