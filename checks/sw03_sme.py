"""사업금액이 고시 하한 미만이면 대기업인 SW사업자의 참여를 제한하고, 상호출자제한기업집단 소속회사는 금액과 관계없이 참여를 제한한다(예외 인정 시 그 근거 명시).

How the detector decides: a statement that 상호출자제한기업집단 소속회사 or 대기업 are barred, or that
only 중소기업자 may bid (중소기업자간 경쟁, 중소기업자로 제한, 소기업·소상공인 제한경쟁, a 중소기업확인서 the
bidder must hold, 직접생산확인), is 적합 evidence; a guideline named only in a law list, a ticked
self-check row, a certificate in a list of papers to submit, and a table row whose value says the
restriction does not apply ("대기업 참여제한 | 비해당") are not.

A bid qualification (not an evaluation item or a scored criterion) that demands past contracts or
revenue far above the project amount shuts SMEs out. It is read when it closes with a restricting word
("… 업체에 한함"), or when it ends in a bare description ("… 실적이 있는 업체", "… 실적이 있어야 한다",
"직전년도 매출액 50억원 이상") and the clause, its table row or header, its list's lead-in line or a
section title says it is a qualification. A demand relative to the project ("추정가격의 3배 이상", in either
order with 실적/매출) is read as that ratio. A record or revenue amount with no time window ("실적 20억원 이상
보유 업체", "2021년 이후 … 20억원 이상 … 실적") is a gate only in a qualification context. A row of a table whose
header names scores (평가항목 | 배점) is an evaluation item wherever the table was filed. ≥ 2 × 사업금액 → 위반, above the amount → 검토필요, amount unknown → 검토필요; a
gate decides the status even when restriction statements are also present.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from rfpcheck.pipeline.facts import parse_amount
from rfpcheck.pipeline.model import Document, Evidence

from .common import fact_how, load_lexicon, row_text, section_kind, table_header, won
from .context import CheckContext
from .registry import C, Rule
from .spans import clause_span, narrow_match, row_clause, row_span, tight_span

RULE = Rule(
    id='SW03',
    title='중소SW사업자 참여지원 · 대기업 참여제한',
    requirement='대기업 참여제한(사업금액 기준) 또는 상호출자제한기업집단 소속회사 참여제한과 중소 SW사업자 참여 지원 사항',
    applies_when='모든 SW사업',
    forbidden='사업 규모에 비해 과도한 매출액·실적 요건으로 중소 SW사업자의 입찰 참여를 사실상 배제하는 자격 조건',
    citations=[
        C('소프트웨어 진흥법', '제48조②④'),
        C('소프트웨어 진흥법 시행령', '제41조'),
    ],
    suggestion='본 사업은 「소프트웨어 진흥법」 제48조에 따라 대기업인 소프트웨어사업자의 참여를 제한하며, 같은 조 제4항에 따라 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없다.',
    examples_pass=['상호출자제한기업집단 소속회사는 본 사업에 참여할 수 없다.', '본 사업은 중소기업자간 경쟁제품으로 중소기업자만 입찰에 참가할 수 있다.'],
    examples_violation=['입찰참가자격: 최근 3년간 단일 SW 구축사업 실적 100억원 이상인 업체'],
)

_LEX = load_lexicon("sw03")
_RX = {key: _LEX.rx(key) for key in _LEX.data["patterns"]}
_PASS_KEYS = ("mutual_investment", "large_firm", "sme_only")
_LABEL = {"mutual_investment": "상호출자제한기업집단 참여제한", "large_firm": "대기업 참여제한", "sme_only": "중소기업자만 참가"}
_PREDICATE_END = ("다", "함", "음", "임", "됨", "할것", "한자", "업체", "없음", "불가")


def _compact(text: str) -> str:
    return "".join(text.split())


def _heading_like(quote: str) -> bool:
    c = _compact(quote)
    return len(c) < 20 or c.endswith("사항") or c.endswith("제한사항")


def _applies(doc: Document) -> str:
    return f"공공 SW사업({fact_how(doc, 'public_sw_project')}) → 중소 SW사업자 참여지원은 모든 SW사업에 적용"


@dataclass
class _Gate:
    need: Optional[int]  # the amount demanded (won); None for a demand relative to the project amount
    ratio: Optional[float]  # demand / project amount, when stated as a multiple
    ev: Evidence
    what: str


def _qualification_context(doc: Document, s: int, c: str) -> bool:
    """The clause, its table row or header, or a section above it says it is a bid qualification."""
    if _RX["qualification"].search(c):
        return True
    b = doc.block_at(s)
    if b is not None and b.table is not None:
        around = _compact(row_text(doc, s)) + "|" + _compact(table_header(doc, s) or "")
        if _RX["qualification"].search(around):
            return True
    sec = doc.section_at(s)
    while sec is not None:
        if _RX["qualification"].search(_compact(sec.title)):
            return True
        sec = sec.parent
    # the lead-in line of the list the clause stands in ("○ 입찰참가자격" above "- 최근 3년 …")
    text = doc.text
    end = s
    for _ in range(2):
        nl = text.rfind("\n", 0, end)
        if nl <= 0:
            break
        start = text.rfind("\n", 0, nl) + 1
        line = _compact(text[start:nl])
        if line:
            return len(line) <= 30 and bool(_RX["qualification"].search(line))
        end = start
    return False


def _scored_table(doc: Document, s: int) -> bool:
    """The clause stands in a table whose header row names scores (평가항목 | 평가기준 | 배점): an evaluation
    item, whatever section the table was filed under."""
    b = doc.block_at(s)
    if b is None or b.table is None:
        return False
    header = table_header(doc, s) or ""
    return bool(_RX["scoring_header"].search(_compact(header)))


def _gate_clause(doc: Document, m, key: str) -> tuple[int, int, str]:
    """The clause of a gate match, widened to its table row when the row's other cells name the
    qualification ("실적 요건 | 최근 3년 …")."""
    ms, me = narrow_match(doc, m.start, m.end, _RX[key])
    first, last = doc.block_at(ms), doc.block_at(max(ms, me - 1))
    if first is not None and last is not None and first.index != last.index and (
            first.table is None or (first.table, first.row) != (last.table, last.row)):
        return -1, -1, ""  # the pattern ran from one paragraph into the next: no single clause says it
    s, e = clause_span(doc, ms, me)
    c = _compact(doc.text[s:e])
    row = row_span(doc, s)
    if row is not None and row[1] - row[0] <= 300:
        s, e = row
    return s, e, c


def _gates(ctx: CheckContext) -> list[_Gate]:
    """Record/revenue qualifications found, each with the amount it demands."""
    doc = ctx.doc
    out: list[_Gate] = []
    seen: set[int] = set()
    for key in ("record_gate", "record_bare", "revenue_gate", "revenue_bare", "relative_gate", "record_open",
                "revenue_open"):
        for m in ctx.finditer(_RX[key]):
            if section_kind(doc, m.start) in ("evaluation", "toc", "current"):
                continue
            s, e, c = _gate_clause(doc, m, key)
            if s < 0 or s in seen:
                continue
            mm = _RX[key].search(c)
            if mm is None or _RX["scoring"].search(c) or _scored_table(doc, s):
                continue
            if key in ("record_bare", "revenue_bare", "relative_gate", "record_open", "revenue_open") and not (
                    _RX["record_gate"].search(c) or _qualification_context(doc, s, c)):
                continue
            seen.add(s)
            ev = doc.evidence(s, e)
            if key == "relative_gate":
                ratio = float(mm.group("ratio"))
                out.append(_Gate(None, ratio, ev, f"실적·매출(사업금액의 {mm.group('ratio')}배 이상)"))
                continue
            amt = parse_amount(mm.group("amt"))
            if not amt:
                continue
            revenue = key in ("revenue_gate", "revenue_bare", "revenue_open") or ("매출" in mm.group(0) and not _RECORD_WORD.search(mm.group(0)))
            cnt = 1
            if not revenue and not _RX["total_gate"].search(c):
                cm = _COUNT.search(c, mm.start("amt"))
                if cm:
                    cnt = max(1, int(cm.group(1)))
            if revenue:
                what = f"매출액 {won(amt)} 이상"
            elif cnt > 1:
                what = f"실적 {won(amt)} 이상 {cnt}건(합계 {won(amt * cnt)})"
            else:
                what = f"실적 {won(amt)} 이상"
            out.append(_Gate(amt * cnt, None, ev, what))
    return out


_COUNT = regex.compile(r"(\d+)건이상")
_RECORD_WORD = regex.compile(r"실적|수행|구축|계약")


def _pass_evidence(ctx: CheckContext) -> dict[str, list[Evidence]]:
    doc = ctx.doc
    found: dict[str, list[Evidence]] = {}
    for key in _PASS_KEYS:
        for m in ctx.finditer(_RX[key]):
            if section_kind(doc, m.start) == "toc":
                continue
            ms, me = narrow_match(doc, m.start, m.end, _RX[key])
            s, e = tight_span(doc, *clause_span(doc, ms, me), _RX[key])
            c = _compact(doc.text[s:e])
            if _RX["generic_only"].search(c):
                continue
            row = row_clause(doc, ms)
            if row is not None and not c.endswith(_PREDICATE_END):
                # a key cell ("대기업 참여제한") is evidence only with the value of its row
                key_cell, value, span = row
                if not _compact(value):
                    continue  # "대기업 참여제한 | 비해당": the restriction does not apply
                s, e = span
            lst = found.setdefault(key, [])
            if len(lst) < 6 and all(x.start != s for x in lst):
                lst.append(doc.evidence(s, e))
    for key, lst in found.items():  # statements before headings ("… 참여제한 사항")
        lst.sort(key=lambda x: (_heading_like(x.quote), x.start))
        del lst[2:]
    return found


def detect(ctx: CheckContext):
    doc = ctx.doc
    applies = _applies(doc)
    found = _pass_evidence(ctx)
    allev = [x for k in _PASS_KEYS for x in found.get(k, [])]

    gates = _gates(ctx)
    f = doc.facts.get_fact("budget_krw")
    budget = int(f.value) if f.known and f.value else None
    worst: Optional[tuple[float, _Gate]] = None
    unknown: list[_Gate] = []
    for g in gates:
        if g.ratio is not None:
            r = g.ratio
        elif budget:
            r = g.need / budget
        else:
            unknown.append(g)
            continue
        if worst is None or r > worst[0]:
            worst = (r, g)
    if worst is not None and worst[0] >= 2:
        r, g = worst
        if g.ratio is not None:
            msg = f"입찰참가자격의 {g.what} 요건은 중소 SW사업자의 참여를 사실상 배제합니다."
        else:
            msg = f"입찰참가자격의 {g.what} 요건은 사업금액 {won(budget)}의 {r:.1f}배로, 중소 SW사업자의 참여를 사실상 배제합니다."
        return ctx.finding(RULE, "violation", msg, [g.ev],
                           applies=applies + (f", 사업금액 {won(budget)}({fact_how(doc, 'budget_krw')})" if budget else ""))
    if worst is not None and worst[0] > 1:
        r, g = worst
        than = "사업금액보다" if g.ratio is not None else f"사업금액 {won(budget)}보다"
        return ctx.finding(
            RULE, "review",
            f"입찰참가자격의 {g.what} 요건이 {than} 큽니다. 중소 SW사업자를 배제하는 과도한 요건인지 사람이 확인해야 합니다.",
            [g.ev] + allev[:2], applies=applies)
    if unknown:
        g = max(unknown, key=lambda x: x.need or 0)
        return ctx.finding(
            RULE, "review",
            f"입찰참가자격에 {g.what} 요건이 있으나 사업금액을 확인하지 못해 중소 SW사업자를 배제하는 과도한 요건인지 판단할 수 없습니다.",
            [g.ev] + allev[:2], applies=applies + ", 사업금액 미상")

    if found:
        kinds = ", ".join(_LABEL[k] for k in _PASS_KEYS if k in found)
        ev = [x for x in allev if not _heading_like(x.quote)] or allev
        uniq: list[Evidence] = []
        for x in ev:
            if all(x.start != y.start and x.quote != y.quote for y in uniq):
                uniq.append(x)
        return ctx.finding(RULE, "pass", f"중소 SW사업자 참여 지원 내용이 명시되어 있습니다({kinds}).", uniq[:3], applies=applies)
    return ctx.finding(
        RULE, "missing",
        "상호출자제한기업집단 소속회사 참여제한, 대기업 참여제한, 중소기업자간 경쟁 등 중소 SW사업자 참여 지원 내용이 없습니다.",
        applies=applies,
        looked_for="'상호출자제한기업집단 … 참여 제한', '대기업 … 참여 제한', '중소기업자만 입찰 참가', '직접생산확인' 같은 입찰참가자격 문장")
